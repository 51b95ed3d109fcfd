# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced by the suites: PASS/FAIL lines and the cmocka-style summary
# torture/run_tests counts.
#
#   check NAME COMMAND [ARGS...]	PASS: NAME if COMMAND succeeds,
#					else FAIL: NAME
#   ok TEXT... / fail TEXT...		one PASS or FAIL line
#   summary				"[  PASSED  ] N test(s)." (and
#					FAILED), then exits: 0 if none failed
#   remove_tmp DIR			rm -rf DIR, or with KEEP_TMP set
#					keep it and say so

passed=0
failed=0

check() {
	name=$1
	shift
	if "$@"; then
		echo "PASS: $name"
		passed=$((passed + 1))
	else
		echo "FAIL: $name"
		failed=$((failed + 1))
	fi
}

ok() {
	echo "PASS: $*"
	passed=$((passed + 1))
}

fail() {
	echo "FAIL: $*"
	failed=$((failed + 1))
}

summary() {
	echo "[  PASSED  ] $passed test(s)."
	[ "$failed" -eq 0 ] || echo "[  FAILED  ] $failed test(s)."
	[ "$failed" -eq 0 ]
	exit
}

remove_tmp() {
	if [ -n "${KEEP_TMP:-}" ]; then
		echo "kept $1"
	else
		rm -rf "$1"
	fi
}
