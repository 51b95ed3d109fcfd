# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced by the suites (after check.sh): Samba's smbtorture rpc.clusapi
# and our clustorture against a clusapid, counted.
#
#   smbtorture_clusapi LABEL BINDING [smbtorture options...]
#	runs smbtorture BINDING OPTIONS --dangerous rpc.clusapi, output in
#	$tmp/smbtorture-LABEL.out, prints its summary line and one PASS or
#	FAIL: all SMBTORTURE_TESTS ran, all passed but the one smbtorture
#	skips itself, exit 0.
#   clustorture_check LABEL [clustorture options...] BINDING
#	runs bin/clustorture, output in $tmp/clustorture-LABEL.out, and
#	one PASS or FAIL: exit 0 and a count of passed cases.

SMBTORTURE_TESTS=72
# smbtorture skips this one itself ("skipping SetQuorumResource test")
SMBTORTURE_SKIPS="resource.SetQuorumResource"

smbtorture_clusapi() {
	_label=$1
	_binding=$2
	shift 2
	_out=$tmp/smbtorture-$_label.out
	# printf: dash's echo would end the line at "\c" of \clusapi
	printf 'smbtorture %s (%s) --dangerous rpc.clusapi\n' "$_binding" \
		"$_label"
	timeout 900 smbtorture "$_binding" "$@" --dangerous rpc.clusapi \
		>"$_out" 2>&1
	_rc=$?
	_ntests=$(grep -c '^test: ' "$_out")
	_nsuccess=$(grep -c '^success: ' "$_out")
	_skips=$(sed -n 's/^skip: \([^ ]*\).*/\1/p' "$_out" | sort |
		 tr '\n' ' ' | sed 's/ $//')
	_nskips=$(echo "$SMBTORTURE_SKIPS" | wc -w)
	grep -E '^(failure|error|skip): ' "$_out" | sed 's/ \[$//'
	if grep -qE '^(failure|error): ' "$_out"; then
		# smbtorture's reasons, not only the names
		sed -n '/^\(failure\|error\): /,/^\]/p' "$_out"
	fi
	echo "smbtorture: $_nsuccess of $_ntests tests succeeded," \
	     "skipped: ${_skips:-none} (exit $_rc)"
	if [ "$_ntests" -eq "$SMBTORTURE_TESTS" ] &&
	   [ "$_nsuccess" -eq $((SMBTORTURE_TESTS - _nskips)) ] &&
	   [ "$_skips" = "$SMBTORTURE_SKIPS" ] && [ $_rc -eq 0 ]; then
		ok "smbtorture rpc.clusapi ($_label): $_nsuccess passed," \
		   "$_nskips skipped by smbtorture itself ($_skips), of" \
		   "$SMBTORTURE_TESTS"
	else
		fail "smbtorture rpc.clusapi ($_label): $_nsuccess succeeded" \
		     "of $_ntests ran, skipped '$_skips' (expected" \
		     "'$SMBTORTURE_SKIPS'), exit $_rc"
	fi
}

clustorture_check() {
	_label=$1
	shift
	_out=$tmp/clustorture-$(echo "$_label" | tr ' /' '__').out
	timeout 600 bin/clustorture "$@" >"$_out" 2>&1
	_rc=$?
	_n=$(sed -n 's/^\[  PASSED  \] \([0-9]*\).*/\1/p' "$_out")
	if [ $_rc -eq 0 ] && [ "${_n:-0}" -gt 0 ]; then
		ok "clustorture ($_label): $_n passed"
	else
		fail "clustorture ($_label): exit $_rc"
		sed 's/^/    /' "$_out" | tail -30
	fi
}
