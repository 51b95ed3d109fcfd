#!/usr/bin/env python3
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# auth_seeds.py OUTDIR: seeds for fuzz_request's raw PDU records (opnum
# 0xffff): authenticated binds, alter_contexts and auth3s as Samba's
# client sends them (an NTLMSSP NEGOTIATE alone and inside SPNEGO), then
# the same with the tokens broken, and a Kerberos AP-REQ of garbage;
# each followed by a request, as a client would. Written once into
# torture/fuzz/corpus/request; make fuzz mutates them from there.

import hashlib
import os
import struct
import sys

CLUSAPI = bytes.fromhex("b2b87db9634ccf11bff608002be23f2f")
NDR = bytes.fromhex("045d888aeb1cc9119fe808002b104860")
SPNEGO_OID = bytes.fromhex("06062b0601050502")
NTLMSSP_OID = bytes.fromhex("060a2b06010401823702020a")

BIND, ALTER, AUTH3, REQUEST = 11, 14, 16, 0
SPNEGO, NTLMSSP, KRB5 = 9, 10, 16
PRIVACY, INTEGRITY, CONNECT = 6, 5, 2


def der(tag, body):
    n = len(body)
    if n < 0x80:
        return bytes([tag, n]) + body
    if n < 0x100:
        return bytes([tag, 0x81, n]) + body
    return bytes([tag, 0x82]) + struct.pack(">H", n) + body


def ntlmssp_negotiate():
    return b"NTLMSSP\x00" + struct.pack("<II", 1, 0xe2088297) + \
        bytes(16) + bytes.fromhex("0a00614a0000000f")


def ntlmssp_authenticate(user=b"f\x00u\x00z\x00z\x00"):
    # offsets point past the fixed part; an NTLMv1-sized response, which
    # gets as far as the password check (and fails it)
    fixed = 72
    lm, nt, dom, wks = bytes(24), bytes(range(24)), b"", b""
    fields = [lm, nt, dom, user, wks, b""]
    out, off = b"", fixed
    for f in fields:
        out += struct.pack("<HHI", len(f), len(f), off)
        off += len(f)
    return b"NTLMSSP\x00" + struct.pack("<I", 3) + out + \
        struct.pack("<I", 0xe2088215) + bytes(8) + b"".join(fields)


def spnego_init(mech_token):
    mechs = der(0xa0, der(0x30, NTLMSSP_OID))
    tok = der(0xa2, der(0x04, mech_token))
    return der(0x60, SPNEGO_OID + der(0xa0, der(0x30, mechs + tok)))


def spnego_resp(mech_token):
    return der(0xa1, der(0x30, der(0xa2, der(0x04, mech_token))))


def pdu(ptype, body, atype, alevel, token, call_id, ctx_id=1):
    pad = (-len(body)) % 4
    body += bytes(pad) + struct.pack("<BBBBI", atype, alevel, pad, 0,
                                     ctx_id) + token
    return struct.pack("<BBBB4sHHI", 5, 0, ptype, 3, b"\x10\x00\x00\x00",
                       16 + len(body), len(token), call_id) + body


def bind_body():
    ctx = struct.pack("<HBB", 0, 1, 0) + CLUSAPI + struct.pack("<HH", 3, 0)
    ctx += NDR + struct.pack("<I", 2)
    return struct.pack("<HHIB3x", 5840, 5840, 0, 1) + ctx


def request(call_id, opnum=0, stub=b""):
    body = struct.pack("<IHH", len(stub), 0, opnum) + stub
    return struct.pack("<BBBB4sHHI", 5, 0, 0, 3, b"\x10\x00\x00\x00",
                       16 + len(body), 0, call_id) + body


def record(data, opnum=0xffff):
    return struct.pack("<HH", opnum, len(data)) + data


def seeds():
    neg = ntlmssp_negotiate()
    auth = ntlmssp_authenticate()
    for atype, t1, t2 in ((NTLMSSP, neg, auth),
                          (SPNEGO, spnego_init(neg), spnego_resp(auth))):
        for level in (PRIVACY, INTEGRITY, CONNECT):
            ptype2 = AUTH3 if atype == NTLMSSP else ALTER
            body2 = bytes(4) if ptype2 == AUTH3 else bind_body()
            yield record(pdu(BIND, bind_body(), atype, level, t1, 1)) + \
                record(pdu(ptype2, body2, atype, level, t2, 2)) + \
                record(request(3), opnum=0xffff)
            # the same after the harness's anonymous bind: a new auth
            # context by alter_context
            yield record(b"", opnum=1) + \
                record(pdu(ALTER, bind_body(), atype, level, t1, 5, 2))
    # broken tokens: cut short, lengths that lie
    yield record(pdu(BIND, bind_body(), NTLMSSP, PRIVACY, neg[:10], 1))
    yield record(pdu(BIND, bind_body(), SPNEGO, PRIVACY,
                     spnego_init(neg)[:-7], 1))
    yield record(pdu(BIND, bind_body(), SPNEGO, PRIVACY,
                     b"\x60\x84\x7f\xff\xff\xff" + SPNEGO_OID, 1))
    yield record(pdu(BIND, bind_body(), KRB5, PRIVACY,
                     der(0x6e, bytes(40)), 1))
    yield record(pdu(BIND, bind_body(), 68, PRIVACY, bytes(16), 1))


def main():
    outdir = sys.argv[1]
    for seed in seeds():
        # odd length: the ncacn_np path too (fuzz_request.c)
        for s in (seed, seed + b"\x00"):
            with open(os.path.join(outdir, hashlib.sha1(s).hexdigest()),
                      "wb") as f:
                f.write(s)


if __name__ == "__main__":
    main()
