#!/usr/bin/env python3
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Seed inputs for fuzz_request from captured ncacn_ip_tcp traffic:
#   make_seeds.py CAPTURE.pcapng SERVER_PORT OUTDIR [MAX_RECORDS]
#   make_seeds.py --client FLOW CAPTURE.pcapng SERVER_PORT OUTDIR
# Every TCP connection becomes inputs of up to MAX_RECORDS (64)
# requests, "opnum, length, stub" each (see fuzz_request.c). Context
# handles the server handed out within an input are written as "HNDL" +
# the number of the handle in order of appearance, which the harness
# maps back to the handles its own server creates for the same calls.
# With --client, one input for fuzz_client: FLOW (its first byte), then
# the server's answers on all connections in the order the client asked.

import hashlib
import os
import struct
import subprocess
import sys


def streams(capture, port, times=None):
    """{(stream, to_server): bytes} from tshark, in capture order; with
    TIMES, also {(stream, to_server): [(offset, time)]} per segment."""
    out = subprocess.run(
        ['tshark', '-n', '-r', capture, '-Y', 'tcp.len > 0', '-T',
         'fields', '-e', 'tcp.stream', '-e', 'tcp.dstport', '-e',
         'tcp.payload', '-e', 'frame.time_epoch'], check=True,
        capture_output=True, text=True).stdout
    data = {}
    for line in out.splitlines():
        f = line.split('\t')
        if len(f) < 4 or not f[2]:
            continue
        key = (int(f[0]), int(f[1]) == port)
        if times is not None:
            times.setdefault(key, []).append((len(data.get(key, b'')),
                                              float(f[3])))
        data[key] = data.get(key, b'') + bytes.fromhex(f[2].replace(':',
                                                                    ''))
    return data


def pdus(buf, seg_times=None):
    """(ptype, call_id, opnum, stub[, time]) of each reassembled PDU."""
    off = 0
    partial = {}
    while off + 16 <= len(buf):
        when = 0.0
        for seg_off, t in seg_times or []:
            if seg_off <= off:
                when = t
        ptype, flags = buf[off + 2], buf[off + 3]
        frag_len, auth_len, call_id = struct.unpack_from('<HHI', buf,
                                                         off + 8)
        if frag_len < 16 or off + frag_len > len(buf):
            return
        pdu = buf[off:off + frag_len]
        off += frag_len
        if ptype not in (0, 2) or frag_len < 24:
            continue
        end = frag_len - (auth_len + 8 if auth_len else 0)
        opnum = struct.unpack_from('<H', pdu, 22)[0] if ptype == 0 else 0
        partial[call_id] = partial.get(call_id, b'') + pdu[24:end]
        if flags & 2:		# last fragment
            if seg_times is None:
                yield ptype, call_id, opnum, partial.pop(call_id)
            else:
                yield ptype, call_id, opnum, partial.pop(call_id), when


def random_looking(b):
    return len(set(b)) >= 12


def convert(requests, responses):
    """Records of one connection, handles replaced by markers."""
    # a handle is 20 bytes of a response whose GUID a later request uses
    req_windows = set()
    for _, _, _, stub in requests:
        for i in range(len(stub) - 19):
            req_windows.add(stub[i + 4:i + 20])
    order = {}
    answers = {call_id: stub for _, call_id, _, stub in responses}
    records = []
    for _, call_id, opnum, stub in requests:
        stub = bytearray(stub)
        i = 0
        while i + 20 <= len(stub):
            guid = bytes(stub[i + 4:i + 20])
            if guid in order:
                stub[i:i + 20] = b'HNDL' + bytes([order[guid]]) + \
                    bytes(15)
                i += 20
                continue
            i += 1
        records.append(struct.pack('<HH', opnum, len(stub)) + bytes(stub))
        ans = answers.get(call_id, b'')
        for j in range(len(ans) - 19):
            guid = ans[j + 4:j + 20]
            if guid in req_windows and guid not in order and \
               random_looking(guid):
                order[guid] = len(order) % 256
    return records


def client_seed(flow, capture, port, outdir):
    """The answers of every connection, in the order of the requests."""
    times = {}
    data = streams(capture, port, times)
    calls = []
    for (stream, to_server), buf in data.items():
        if not to_server:
            continue
        answers = {p[1]: p[3] for p in pdus(data.get((stream, False), b''))
                   if p[0] == 2}
        for p in pdus(buf, times[(stream, True)]):
            if p[0] == 0 and p[1] in answers:
                calls.append((p[4], answers[p[1]]))
    calls.sort(key=lambda c: c[0])
    seed = bytes([flow]) + b''.join(
        struct.pack('<BH', 0, len(a)) + a for _, a in calls)
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, hashlib.sha1(seed).hexdigest()),
              'wb') as f:
        f.write(seed)
    print('client seed for flow %d: %d answers' % (flow, len(calls)))


def main():
    if sys.argv[1] == '--client':
        client_seed(int(sys.argv[2]), sys.argv[3], int(sys.argv[4]),
                    sys.argv[5])
        return
    capture, port, outdir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    limit = int(sys.argv[4]) if len(sys.argv) > 4 else 64
    os.makedirs(outdir, exist_ok=True)
    data = streams(capture, port)
    written = 0
    for (stream, to_server), buf in sorted(data.items()):
        if not to_server:
            continue
        reqs = [p for p in pdus(buf) if p[0] == 0]
        resps = [p for p in pdus(data.get((stream, False), b''))
                 if p[0] == 2]
        # each input makes its own handles: markers count per input
        for start in range(0, len(reqs), limit):
            seed = b''.join(convert(reqs[start:start + limit], resps))
            name = hashlib.sha1(seed).hexdigest()
            with open(os.path.join(outdir, name), 'wb') as f:
                f.write(seed)
            written += 1
    print('%d seeds from %d connections' % (
        written, sum(1 for k in data if k[1])))


if __name__ == '__main__':
    main()
