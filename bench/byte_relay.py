#!/usr/bin/env python3
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Bytes on the wire, counted exactly: a TCP relay on a free loopback
# port in front of 127.0.0.1:PORT that counts the bytes of every
# connection in each direction (the TCP payload: DCE/RPC PDUs, bind
# included; no TCP/IP headers).
#
# Usage: byte_relay.py PORT
#   prints the port it listens on, then relays until SIGTERM, then
#   prints "CLIENT_TO_SERVER SERVER_TO_CLIENT" (bytes) and exits.

import selectors
import signal
import socket
import sys


class Stop(Exception):
    pass


def on_term(signum, frame):
    raise Stop()


def main():
    target = ('127.0.0.1', int(sys.argv[1]))
    lsock = socket.socket()
    lsock.bind(('127.0.0.1', 0))
    lsock.listen(64)
    lsock.setblocking(False)
    sel = selectors.DefaultSelector()
    sel.register(lsock, selectors.EVENT_READ, None)
    total = [0, 0]      # client to server, server to client
    signal.signal(signal.SIGTERM, on_term)
    print(lsock.getsockname()[1], flush=True)
    try:
        while True:
            for key, _ in sel.select():
                if key.data is None:
                    client, _ = lsock.accept()
                    server = socket.create_connection(target)
                    for s in (client, server):
                        s.setsockopt(socket.IPPROTO_TCP,
                                     socket.TCP_NODELAY, 1)
                    sel.register(client, selectors.EVENT_READ,
                                 (server, 0))
                    sel.register(server, selectors.EVENT_READ,
                                 (client, 1))
                    continue
                peer, way = key.data
                data = key.fileobj.recv(1 << 20)
                if not data:
                    for s in (key.fileobj, peer):
                        sel.unregister(s)
                        s.close()
                    continue
                total[way] += len(data)
                peer.setblocking(True)
                peer.sendall(data)
                peer.setblocking(False)
    except Stop:
        pass
    print(total[0], total[1], flush=True)


if __name__ == '__main__':
    main()
