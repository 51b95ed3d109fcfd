# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced by the suites (after check.sh, with $tmp set): Samba's
# smbtorture rpc.clusapi and our clustorture against a clusapid, counted.
#
# smbtorture's node.PauseNode pauses the node it is connected to and the
# next test, node.ResumeNode, expects ERROR_CLUSTER_NODE_NOT_PAUSED from
# that node. A pause takes effect before ApiPauseNode returns (MS-CMRP
# 3.1.4.2.69), so ResumeNode runs first, alone, against a node nothing
# paused, and the other 71 tests after it (--load-list): all 72 count.
#
#   smbtorture_clusapi LABEL BINDING [smbtorture options...]
#	runs both parts with BINDING OPTIONS --dangerous, output in
#	$tmp/smbtorture-LABEL.out, prints its summary line and one PASS or
#	FAIL: all SMBTORTURE_TESTS ran, all passed but the one smbtorture
#	skips itself, both exit 0.
#   clustorture_check LABEL [clustorture options...] BINDING
#	runs bin/clustorture, output in $tmp/clustorture-LABEL.out, and
#	one PASS or FAIL: exit 0 and a count of passed cases.

SMBTORTURE_TESTS=72
# smbtorture skips this one itself ("skipping SetQuorumResource test")
SMBTORTURE_SKIPS="resource.SetQuorumResource"
SMBTORTURE_FIRST="node.ResumeNode"

# Both parts into $1; 0 if both exited 0
smbtorture_clusapi_run() {
	_st_out=$1
	_st_binding=$2
	shift 2
	# names in a load list are relative to the suite that is run
	smbtorture --list rpc.clusapi | sed -n 's/^rpc\.clusapi\.//p' |
		grep -vx "$SMBTORTURE_FIRST" >"$_st_out.list"
	timeout 900 smbtorture "$_st_binding" "$@" --dangerous \
		"rpc.clusapi.$SMBTORTURE_FIRST" >"$_st_out" 2>&1
	_st_rc1=$?
	timeout 900 smbtorture "$_st_binding" "$@" --dangerous \
		--load-list="$_st_out.list" rpc.clusapi >>"$_st_out" 2>&1
	_st_rc2=$?
	[ $_st_rc1 -eq 0 ] && [ $_st_rc2 -eq 0 ]
}

smbtorture_clusapi() {
	_label=$1
	_binding=$2
	shift 2
	_out=$tmp/smbtorture-$(echo "$_label" | tr ' /' '__').out
	# printf: dash's echo would end the line at "\c" of \clusapi
	printf 'smbtorture %s (%s) --dangerous rpc.clusapi\n' "$_binding" \
		"$_label"
	smbtorture_clusapi_run "$_out" "$_binding" "$@"
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
		tail -5 "$_out"
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
