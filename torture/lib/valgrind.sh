# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced by the *_valgrind.sh suites, which run another suite with
# clusapid under valgrind's memcheck: any invalid access, use of
# uninitialised memory or definite leak in the server makes it exit 99
# and that suite's clean-stop check fail.
#
#   valgrind_run SUITE	runs torture/suites/SUITE.sh so, and does not
#			return; with no valgrind installed one FAILED
#			line, never a silent skip; with a sanitizer build
#			of clusapid (which valgrind cannot run, and whose
#			memory every suite checks already) nothing to do

valgrind_run() {
	if ! command -v valgrind >/dev/null; then
		echo "valgrind is not installed: run buildtools/bootstrap"
		echo "[  FAILED  ] 1 test(s)."
		exit 1
	fi
	if ldd "$top/${CLUSAPID_BIN:-bin/clusapid}" | grep -q libasan; then
		echo "clusapid is built with AddressSanitizer: $1 checks" \
		     "its memory; no valgrind run"
		echo "[  PASSED  ] 0 test(s)."
		exit 0
	fi
	CLUSAPID_WRAPPER="valgrind -q --error-exitcode=99 --leak-check=full \
--errors-for-leak-kinds=definite --show-leak-kinds=definite \
--num-callers=30"
	export CLUSAPID_WRAPPER
	exec sh "$top/torture/suites/$1.sh"
}
