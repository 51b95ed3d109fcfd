#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The smbtorture run of smbtorture_tcp.sh with clusapid under valgrind's
# memcheck: any invalid access, use of uninitialised memory or definite
# leak in the server makes it exit 99 and the clean-stop check fail.
# Skipped with a FAILED line when valgrind is missing (the bootstrap
# installs it), never silently.

top=$(cd "$(dirname "$0")/../.." && pwd)

if ! command -v valgrind >/dev/null; then
	echo "valgrind is not installed: run buildtools/bootstrap"
	echo "[  FAILED  ] 1 test(s)."
	exit 1
fi

# A sanitizer build (./configure --enable-sanitizers) checks memory in
# every suite already, and valgrind cannot run it.
if ldd "$top/${CLUSAPID_BIN:-bin/clusapid}" | grep -q libasan; then
	echo "clusapid is built with AddressSanitizer: the other suites" \
	     "check its memory; no valgrind run"
	echo "[  PASSED  ] 0 test(s)."
	exit 0
fi

CLUSAPID_WRAPPER="valgrind -q --error-exitcode=99 --leak-check=full \
--errors-for-leak-kinds=definite --show-leak-kinds=definite \
--num-callers=30"
export CLUSAPID_WRAPPER
exec sh "$top/torture/suites/smbtorture_tcp.sh"
