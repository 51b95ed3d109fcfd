# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced by the suites that run Samba's smbtorture rpc.clusapi (after
# check.sh).
#
# smbtorture's node.PauseNode pauses the node it is connected to and the
# next test, node.ResumeNode, expects ERROR_CLUSTER_NODE_NOT_PAUSED from
# that node. A pause takes effect before ApiPauseNode returns (MS-CMRP
# 3.1.4.2.69), so ResumeNode runs first, alone, against a node nothing
# paused, and the other 71 tests after it (--load-list): all 72 count.
#
#   smbtorture_clusapi OUT BINDING [smbtorture options...]
#	runs both parts, their output in OUT; returns 0 if both exited 0
#   smbtorture_clusapi_check OUT RC LABEL
#	one ok or fail line: 72 tests, every one a success but the one
#	smbtorture skips itself; on failure smbtorture's reasons

SMBTORTURE_TESTS=72
# smbtorture skips this one itself ("skipping SetQuorumResource test")
SMBTORTURE_SKIPS="resource.SetQuorumResource"
SMBTORTURE_FIRST="node.ResumeNode"

smbtorture_clusapi() {
	_st_out=$1
	_st_binding=$2
	shift 2
	_st_list=$_st_out.list
	# names in a load list are relative to the suite that is run
	smbtorture --list rpc.clusapi | sed -n 's/^rpc\.clusapi\.//p' |
		grep -vx "$SMBTORTURE_FIRST" >"$_st_list"
	timeout 900 smbtorture "$_st_binding" "$@" --dangerous \
		"rpc.clusapi.$SMBTORTURE_FIRST" >"$_st_out" 2>&1
	_st_rc1=$?
	timeout 900 smbtorture "$_st_binding" "$@" --dangerous \
		--load-list="$_st_list" rpc.clusapi >>"$_st_out" 2>&1
	_st_rc2=$?
	[ $_st_rc1 -eq 0 ] && [ $_st_rc2 -eq 0 ]
}

smbtorture_clusapi_check() {
	_st_out=$1
	_st_rc=$2
	_st_label=$3
	_st_ntests=$(grep -c '^test: ' "$_st_out")
	_st_nsuccess=$(grep -c '^success: ' "$_st_out")
	_st_skips=$(sed -n 's/^skip: \([^ ]*\).*/\1/p' "$_st_out" | sort |
		tr '\n' ' ' | sed 's/ $//')
	_st_nskips=$(echo "$SMBTORTURE_SKIPS" | wc -w)
	echo "smbtorture ($_st_label): $_st_nsuccess of $_st_ntests tests" \
	     "succeeded, skipped: ${_st_skips:-none} (exit $_st_rc)"
	if [ "$_st_ntests" -eq "$SMBTORTURE_TESTS" ] &&
	   [ "$_st_nsuccess" -eq $((SMBTORTURE_TESTS - _st_nskips)) ] &&
	   [ "$_st_skips" = "$SMBTORTURE_SKIPS" ] && [ "$_st_rc" -eq 0 ]; then
		ok "smbtorture rpc.clusapi ($_st_label): $_st_nsuccess" \
		   "passed, $_st_nskips skipped by smbtorture itself" \
		   "($_st_skips), of $SMBTORTURE_TESTS"
		return 0
	fi
	fail "smbtorture rpc.clusapi ($_st_label): $_st_nsuccess succeeded" \
	     "of $_st_ntests ran, skipped '$_st_skips' (expected" \
	     "'$SMBTORTURE_SKIPS'), exit $_st_rc"
	# smbtorture's reasons, not only the names
	sed -n '/^\(failure\|error\): /,/^\]/p' "$_st_out"
	tail -5 "$_st_out"
	return 1
}
