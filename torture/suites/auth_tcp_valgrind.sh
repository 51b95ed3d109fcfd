#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# auth_tcp.sh with clusapid under valgrind's memcheck, smbtorture over
# SPNEGO [seal] only: gensec, the password check and sealing in the
# server must show no invalid access, no use of uninitialised memory
# and no definite leak (exit 99 fails the clean-stop checks). As
# smbtorture_tcp_valgrind.sh, never silently skipped.

top=$(cd "$(dirname "$0")/../.." && pwd)

if ! command -v valgrind >/dev/null; then
	echo "valgrind is not installed: run buildtools/bootstrap"
	echo "[  FAILED  ] 1 test(s)."
	exit 1
fi
if ldd "$top/${CLUSAPID_BIN:-bin/clusapid}" | grep -q libasan; then
	echo "clusapid is built with AddressSanitizer: auth_tcp checks its" \
	     "memory; no valgrind run"
	echo "[  PASSED  ] 0 test(s)."
	exit 0
fi

CLUSAPID_WRAPPER="valgrind -q --error-exitcode=99 --leak-check=full \
--errors-for-leak-kinds=definite --show-leak-kinds=definite \
--num-callers=30"
AUTH_TCP_MECHS=spnego
export CLUSAPID_WRAPPER AUTH_TCP_MECHS
exec sh "$top/torture/suites/auth_tcp.sh"
