#!/usr/bin/env python3
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Malformed DCE/RPC traffic against a running clusapid over TCP.

Usage: malformed.py HOST PORT COUNT SEED
       malformed.py --big-out-buffers HOST PORT COUNT

Sends COUNT inputs, many per connection where the server keeps the
connection: random bytes, truncated and overlong PDUs, wrong fragment
lengths, bad packet types and versions, binds with absurd context
counts, and requests for every opnum (0-263) with random or hostile stub
data (huge conformance counts, NULL and dangling pointers, truncated
strings). It only checks that the server keeps accepting connections;
the calling suite checks that it still answers a real client and that
the cluster did not change. Deterministic for a SEED. Prints one line:
"sent N inputs on M connections, K closed by the server".
"""

import random
import socket
import struct
import sys

CLUSAPI = bytes.fromhex("b2b87db9634ccf11bff608002be23f2f")
NDR = bytes.fromhex("045d888aeb1cc9119fe808002b104860")


def pdu(ptype, body, call_id=1, flags=3, frag_len=None, vers=5, minor=0,
        drep=b"\x10\x00\x00\x00"):
    length = 16 + len(body) if frag_len is None else frag_len
    return struct.pack("<BBBB4sHHI", vers, minor, ptype, flags, drep,
                       length & 0xffff, 0, call_id) + body


def bind(ctx_count=1, iface=CLUSAPI, if_vers=3):
    ctx = struct.pack("<HBB", 0, 1, 0) + iface + struct.pack("<HH",
                                                                if_vers, 0)
    ctx += NDR + struct.pack("<I", 2)
    body = struct.pack("<HHIB3x", 5840, 5840, 0, ctx_count & 0xff) + ctx
    return pdu(11, body)


def request(opnum, stub, call_id=2, alloc=None):
    body = struct.pack("<IHH", len(stub) if alloc is None else alloc, 0,
                       opnum & 0xffff) + stub
    return pdu(0, body, call_id=call_id)


def hostile_stub(rnd):
    kind = rnd.randrange(6)
    if kind == 0:
        return bytes(rnd.randrange(256) for _ in range(rnd.randrange(64)))
    if kind == 1:
        # unique pointer, then a conformant string claiming 2^31 chars
        return struct.pack("<IIII", 0x20000, 0x7fffffff, 0, 0x7fffffff)
    if kind == 2:
        # a policy handle of zeros or random bytes, then random tail
        h = bytes(20) if rnd.random() < 0.5 else \
            bytes(rnd.randrange(256) for _ in range(20))
        return h + struct.pack("<I", rnd.randrange(1 << 32)) * \
            rnd.randrange(8)
    if kind == 3:
        # string with offset beyond its length, odd byte counts
        return struct.pack("<IIII", 0x20000, 4, 8, 4) + b"A\x00B"
    if kind == 4:
        # array count enormous with no data behind it
        return struct.pack("<I", 0xffffffff) * 4
    return b""


def one_connection(host, port, rnd, budget):
    sent = 0
    s = socket.create_connection((host, port), timeout=2)
    closed = False
    try:
        first = rnd.randrange(10)
        if first == 0:
            s.sendall(bytes(rnd.randrange(256)
                            for _ in range(rnd.randrange(1, 200))))
            return 1, False
        if first == 1:
            s.sendall(bind(ctx_count=rnd.choice([0, 200, 255])))
            sent += 1
        elif first == 2:
            s.sendall(bind(iface=bytes(16), if_vers=rnd.randrange(9)))
            sent += 1
        else:
            s.sendall(bind())
            sent += 1
        try:
            s.recv(4096)
        except socket.timeout:
            pass
        while sent < budget:
            k = rnd.randrange(8)
            opnum = rnd.randrange(264)
            stub = hostile_stub(rnd)
            if k == 0:
                data = request(opnum, stub)[:rnd.randrange(1, 24)]
            elif k == 1:
                data = pdu(0, struct.pack("<IHH", 0, 0, opnum) + stub,
                           frag_len=rnd.choice([0, 1, 15, 16, 17, 0xffff]))
            elif k == 2:
                data = pdu(rnd.randrange(256), stub)
            elif k == 3:
                data = pdu(0, stub, vers=rnd.randrange(256),
                           minor=rnd.randrange(256))
            elif k == 4:
                data = request(opnum, stub, alloc=0xffffffff)
            elif k == 5:
                data = pdu(0, struct.pack("<IHH", len(stub), 7, opnum) +
                           stub)       # unknown context id
            else:
                data = request(opnum, stub, call_id=rnd.randrange(1 << 32))
            s.sendall(data)
            sent += 1
            if k <= 1:
                # the server waits for the rest of that PDU: hang up
                break
            try:
                if not s.recv(65536):
                    closed = True
                    break
            except socket.timeout:
                pass
    except (ConnectionResetError, BrokenPipeError):
        closed = True
    finally:
        s.close()
    return sent, closed


def big_out_buffers(host, port, count):
    """Control calls asking for 255 MiB of output: each must fault."""
    s = socket.create_connection((host, port), timeout=10)
    s.sendall(bind())
    s.recv(4096)
    faults = 0
    for i in range(count):
        # ApiClusterControl: hCluster, dwControlCode, lpInBuffer NULL,
        # nInBufferSize, nOutBufferSize
        stub = bytes(20) + struct.pack("<IIII", 0x07000055, 0, 0,
                                       0x0ff00000)
        s.sendall(request(106, stub, call_id=i + 2))
        reply = s.recv(4096)
        if len(reply) >= 28 and reply[2] == 3:
            faults += 1
    s.close()
    print("%d of %d calls asking for 255 MiB of output refused with a "
          "fault" % (faults, count))
    return faults == count


def main():
    if sys.argv[1] == "--big-out-buffers":
        sys.exit(0 if big_out_buffers(sys.argv[2], int(sys.argv[3]),
                                      int(sys.argv[4])) else 1)
    host, port, count, seed = sys.argv[1], int(sys.argv[2]), \
        int(sys.argv[3]), int(sys.argv[4])
    rnd = random.Random(seed)
    sent = conns = closed = 0
    while sent < count:
        n, c = one_connection(host, port, rnd, rnd.randrange(1, 50))
        sent += n
        conns += 1
        closed += c
    print("sent %d inputs on %d connections, %d closed by the server"
          % (sent, conns, closed))


if __name__ == "__main__":
    main()
