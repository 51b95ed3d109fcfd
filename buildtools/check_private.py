#!/usr/bin/env python3
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check_private.py OURS SAMBA_SRC: every "struct NAME {...}" and
# "enum NAME {...}" declared in OURS (source/server/auth/samba_private.h)
# must be declared token for token the same (comments and layout aside)
# in one of the Samba source headers below SAMBA_SRC. Exit 1 and say
# which member differs otherwise: the private layout clusapid relies on
# is not the installed Samba's.

import os
import re
import sys

HEADERS = ['auth/common_auth.h', 'libcli/auth/ntlm_check.h']

TOKEN = re.compile(r'[A-Za-z_]\w*|\d+|\S')


def strip_comments(text):
    text = re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)
    return re.sub(r'//[^\n]*', ' ', text)


def declarations(text):
    """{('struct', NAME): [tokens of the body]} for every definition"""
    text = strip_comments(text)
    out = {}
    for m in re.finditer(r'\b(struct|enum)\s+(\w+)\s*\{', text):
        depth = 1
        i = m.end()
        while depth and i < len(text):
            depth += {'{': 1, '}': -1}.get(text[i], 0)
            i += 1
        out[(m.group(1), m.group(2))] = TOKEN.findall(text[m.end():i - 1])
    return out


def main(ours_path, src):
    with open(ours_path) as f:
        ours = declarations(f.read())
    theirs = {}
    for h in HEADERS:
        path = os.path.join(src, h)
        if not os.path.exists(path):
            sys.exit('%s missing: run buildtools/bootstrap' % path)
        with open(path) as f:
            theirs.update(declarations(f.read()))
    bad = 0
    for key, tokens in sorted(ours.items()):
        name = '%s %s' % key
        if key not in theirs:
            print('%s: %s is not declared in %s' %
                  (ours_path, name, ', '.join(HEADERS)))
            bad += 1
            continue
        if tokens != theirs[key]:
            n = 0
            while (n < min(len(tokens), len(theirs[key])) and
                   tokens[n] == theirs[key][n]):
                n += 1
            print('%s: %s differs from Samba %s after "%s": ours "%s", '
                  'Samba\'s "%s"' %
                  (ours_path, name, src, ' '.join(tokens[max(0, n - 6):n]),
                   ' '.join(tokens[n:n + 6]),
                   ' '.join(theirs[key][n:n + 6])))
            bad += 1
    if not ours:
        print('%s: no declarations found' % ours_path)
        bad += 1
    return 1 if bad else 0


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit('usage: check_private.py OURS SAMBA_SRC')
    sys.exit(main(sys.argv[1], sys.argv[2]))
