#!/usr/bin/env python3
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Server memory per idle connection.

Usage: idle_conns.py PID HOST PORT COUNT

Opens COUNT connections to clusapid (pid PID), binds ClusAPI on each and
leaves them idle; prints the growth of the server's resident memory per
connection, in KiB.
"""

import os
import resource
import socket
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..",
                                "torture", "malformed"))
from malformed import bind  # noqa: E402


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main():
    pid, host, port, count = int(sys.argv[1]), sys.argv[2], \
        int(sys.argv[3]), int(sys.argv[4])
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, count + 64), hard))
    before = rss_kib(pid)
    conns = []
    for _ in range(count):
        s = socket.create_connection((host, port), timeout=10)
        s.sendall(bind())
        if not s.recv(4096):
            sys.exit("connection %d refused" % len(conns))
        conns.append(s)
    time.sleep(0.5)
    after = rss_kib(pid)
    print("%.1f" % ((after - before) / count))
    for s in conns:
        s.close()


if __name__ == "__main__":
    main()
