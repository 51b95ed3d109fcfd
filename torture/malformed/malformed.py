#!/usr/bin/env python3
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Malformed DCE/RPC traffic against a running clusapid, over TCP or
over the socket smbd would use for \\pipe\\clusapi (ncacn_np).

Usage: malformed.py HOST PORT COUNT SEED
       malformed.py --np SOCKET HANDSHAKE COUNT SEED
       malformed.py --big-out-buffers HOST PORT COUNT

With --np each connection plays smbd: it sends HANDSHAKE (a
named-pipe-auth request as smbd sends it, e.g. one of
torture/malformed/handshakes/*.npa) and reads clusapid's answer before the
malformed DCE/RPC traffic; one connection in ten sends a broken
handshake instead (truncated, corrupted, absurd length, random bytes),
one in twenty a broken message after it; the PDUs then travel in smbd's
message framing, cut at random sizes.

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


def bind_body(ctx_count=1, iface=CLUSAPI, if_vers=3):
    """a bind's or alter_context's body: one presentation context"""
    ctx = struct.pack("<HBB", 0, 1, 0) + iface + struct.pack("<HH",
                                                                if_vers, 0)
    ctx += NDR + struct.pack("<I", 2)
    return struct.pack("<HHIB3x", 5840, 5840, 0, ctx_count & 0xff) + ctx


def bind(ctx_count=1, iface=CLUSAPI, if_vers=3):
    return pdu(11, bind_body(ctx_count, iface, if_vers))


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


def hostile_token(rnd):
    """what gensec's SPNEGO, NTLMSSP and Kerberos parsers are handed"""
    kind = rnd.randrange(7)
    tail = bytes(rnd.randrange(256) for _ in range(rnd.randrange(64)))
    if kind == 0:
        return b""
    if kind == 1:
        # NTLMSSP, any message type, offsets and lengths pointing out
        return b"NTLMSSP\x00" + struct.pack(
            "<IHHIIHHI", rnd.choice([1, 2, 3, rnd.randrange(1 << 32)]),
            rnd.randrange(1 << 16), rnd.randrange(1 << 16),
            rnd.randrange(1 << 32), rnd.randrange(1 << 32),
            rnd.randrange(1 << 16), rnd.randrange(1 << 16),
            rnd.randrange(1 << 32)) + tail
    if kind == 2:
        # SPNEGO/GSS-API: an APPLICATION 0 claiming a huge length
        return b"\x60\x84\x7f\xff\xff\xff\x06\x06\x2b\x06\x01\x05" \
            b"\x05\x02" + tail
    if kind == 3:
        # SPNEGO negTokenResp, nested lengths that do not add up
        return b"\xa1" + bytes([rnd.randrange(256)]) + b"\x30\x81\xff" + \
            tail
    if kind == 4:
        # Kerberos AP-REQ (APPLICATION 14) with garbage inside
        return b"\x6e\x82" + struct.pack(">H", rnd.randrange(1 << 16)) + \
            tail
    if kind == 5:
        return bytes(rnd.randrange(256) for _ in range(rnd.randrange(4096)))
    return tail


def with_auth(ptype, body, rnd, call_id=1):
    """BODY with a sec_trailer of a random auth type and level and a
    hostile token; auth_length and padding sometimes lie"""
    pad = (-len(body)) % 4 if rnd.random() < 0.8 else rnd.randrange(16)
    atype = rnd.choice([9, 10, 16, 9, 10, 16, 68, 0xff, rnd.randrange(256)])
    alevel = rnd.choice([2, 4, 5, 6, 6, rnd.randrange(256)])
    ctx_id = rnd.choice([0, 0, 1, rnd.randrange(1 << 32)])
    token = hostile_token(rnd)
    alen = len(token) if rnd.random() < 0.8 else rnd.randrange(1 << 16)
    body = body + bytes(pad) + struct.pack("<BBBBI", atype, alevel, pad, 0,
                                           ctx_id) + token
    return struct.pack("<BBBB4sHHI", 5, 0, ptype, 3, b"\x10\x00\x00\x00",
                       (16 + len(body)) & 0xffff, alen & 0xffff,
                       call_id) + body


def hostile_auth_pdu(rnd):
    """bind, alter_context, auth3 or request, each with an auth trailer"""
    kind = rnd.randrange(4)
    if kind == 0:
        return with_auth(11, bind_body(), rnd)
    if kind == 1:
        return with_auth(14, bind_body(), rnd, call_id=rnd.randrange(1 << 32))
    if kind == 2:
        return with_auth(16, b"\x00" * 4, rnd)
    stub = hostile_stub(rnd)
    body = struct.pack("<IHH", len(stub), 0, rnd.randrange(264)) + stub
    return with_auth(0, body, rnd, call_id=rnd.randrange(1 << 32))


def server_closed(s):
    """wait for the answer to what was sent; True if the server hung up"""
    try:
        return not s.recv(65536)
    except socket.timeout:
        return False


def tcp_connect(target, rnd):
    return socket.create_connection(target, timeout=2), 0


def recv_exactly(s, n):
    buf = b""
    while len(buf) < n:
        d = s.recv(n - len(buf))
        if not d:
            raise ConnectionResetError("closed during the handshake")
        buf += d
    return buf


class MessagePipe:
    """smbd's message mode after the handshake: every write is one
    message, a little-endian 16-bit length and the bytes."""

    def __init__(self, sock, rnd):
        self.sock = sock
        self.rnd = rnd

    def sendall(self, data):
        # SMB writes of any size, sometimes an empty one
        while True:
            n = min(len(data), self.rnd.choice([len(data), 1, 16,
                                                 4280, 0]))
            self.sock.sendall(struct.pack("<H", n) + data[:n])
            data = data[n:]
            if not data:
                return

    def recv(self, size):
        head = self.sock.recv(2)
        if len(head) < 2:
            return b""
        return recv_exactly(self.sock, struct.unpack("<H", head)[0])

    def close(self):
        self.sock.close()


def np_connect(target, rnd):
    """(socket, 0) after smbd's handshake, or (None, 1) after a broken
    one; clusapid must close such a connection."""
    path, handshake = target
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(2)
    s.connect(path)
    if rnd.randrange(10) == 0:
        k = rnd.randrange(4)
        if k == 0:
            bad = handshake[:rnd.randrange(len(handshake))]
        elif k == 1:
            b = bytearray(handshake)
            for _ in range(rnd.randrange(1, 8)):
                b[rnd.randrange(4, len(b))] = rnd.randrange(256)
            bad = bytes(b)
        elif k == 2:
            bad = struct.pack(">I", rnd.choice([0, 0x7fffffff,
                                                0xffffffff])) + \
                handshake[4:]
        else:
            bad = bytes(rnd.randrange(256)
                        for _ in range(rnd.randrange(1, 300)))
        try:
            s.sendall(bad)
            if k == 1:
                # a corrupted body may still parse and be answered; an
                # incomplete one waits for the rest: hang up then
                s.settimeout(0.2)
                s.recv(4096)
        except (socket.timeout, ConnectionResetError, BrokenPipeError):
            pass
        s.close()
        return None, 1
    s.sendall(handshake)
    length = struct.unpack(">I", recv_exactly(s, 4))[0]
    recv_exactly(s, length)
    if rnd.randrange(20) == 0:
        # broken framing: a message longer than what follows, then EOF
        s.sendall(struct.pack("<H", rnd.randrange(2, 65536)) + b"\x05")
        s.close()
        return None, 1
    return MessagePipe(s, rnd), 0


def one_connection(connect, target, rnd, budget):
    s, sent = connect(target, rnd)
    if s is None:
        return sent, True
    closed = False
    try:
        first = rnd.randrange(12)
        if first >= 10:
            # authenticated binds and what follows them, all hostile
            while sent < budget:
                s.sendall(hostile_auth_pdu(rnd))
                sent += 1
                if server_closed(s):
                    return sent, True
            return sent, False
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
            if server_closed(s):
                closed = True
                break
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
    if sys.argv[1] == "--np":
        with open(sys.argv[3], "rb") as f:
            target = (sys.argv[2], f.read())
        connect = np_connect
        count, seed = int(sys.argv[4]), int(sys.argv[5])
    else:
        target = (sys.argv[1], int(sys.argv[2]))
        connect = tcp_connect
        count, seed = int(sys.argv[3]), int(sys.argv[4])
    rnd = random.Random(seed)
    sent = conns = closed = 0
    while sent < count:
        n, c = one_connection(connect, target, rnd, rnd.randrange(1, 50))
        sent += n
        conns += 1
        closed += c
    print("sent %d inputs on %d connections, %d closed by the server"
          % (sent, conns, closed))


if __name__ == "__main__":
    main()
