# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced by the Pacemaker suites (from $top, which it sources check.sh,
# pcmk_cluster.sh and clusapid.sh from): clusapid --backend pacemaker
# and clusctl run inside a node's namespaces.
#
#   pcmk_suite_start N	fails the suite (summary) unless root with
#			corosync, then starts an N-node cluster; the EXIT
#			trap stops the clusapids of PID1, PID2 and the
#			cluster, and kills EXTRA_PIDS
#   pcmk_suite_end	stops the clusapids of PID1 and PID2 (each a
#			check, their logs shown on a sanitizer report)
#			and the cluster, checks nothing is left, summary
#   pcmk_clusapid K	clusapid --backend pacemaker on node K, state
#			directory of its own (sets CLUSAPID_PORT and
#			CLUSAPID_PID, and PORTK and PIDK)
#   pcmk_clusctl K PORT ARGS...	clusctl on node K against 127.0.0.1[PORT]
#   out1 ARGS...	clusctl against node1's clusapid (port PORT1),
#			its output kept in $PCMK_DIR/out and printed
#   has TEXT		that output holds TEXT
#   not CMD...		CMD fails

. torture/lib/check.sh
. torture/lib/pcmk_cluster.sh
. torture/lib/clusapid.sh

CLUSCTL=$top/${CLUSCTL_BIN:-bin/clusctl}
case $CLUSAPID_BIN in
/*) ;;
*) CLUSAPID_BIN=$top/$CLUSAPID_BIN ;;
esac

_pcmk_suite_cleanup() {
	[ -n "${EXTRA_PIDS:-}" ] && kill $EXTRA_PIDS 2>/dev/null
	for p in ${PID1:-} ${PID2:-}; do
		CLUSAPID_PID=$p
		clusapid_stop >/dev/null 2>&1
	done
	pcmk_cluster_stop
}

pcmk_suite_start() {
	trap _pcmk_suite_cleanup EXIT
	trap 'exit 1' INT TERM
	if [ "$(id -u)" -ne 0 ] || ! command -v corosync >/dev/null; then
		fail "needs root and corosync, pacemaker" \
			"(buildtools/bootstrap)"
		summary
	fi
	if ! "$CLUSAPID_BIN" --help | grep -q -- '--backend'; then
		fail "clusapid has no --backend"
		summary
	fi
	if ! pcmk_cluster_start "$1"; then
		fail "$1-node cluster starts"
		summary
	fi
	ok "$1 nodes Online with a DC"
}

pcmk_suite_end() {
	[ -n "${EXTRA_PIDS:-}" ] && kill $EXTRA_PIDS 2>/dev/null
	EXTRA_PIDS=
	for k in 1 2; do
		CLUSAPID_PID=$(eval echo \$PID$k)
		[ -n "$CLUSAPID_PID" ] || continue
		check "clusapid on node$k stops cleanly" clusapid_stop
		_log=$PCMK_DIR/n$k/clusapid/clusapid.log
		grep -q "Sanitizer" "$_log" &&
			sed 's/^/#   /' "$_log" | tail -40
	done
	PID1= PID2=
	pcmk_cluster_stop
	_left=$(pcmk_leftovers)
	[ -z "$_left" ] || echo "$_left"
	check "no namespace, process or mount left" test -z "$_left"
	summary
}

pcmk_clusapid() {
	mkdir -p "$PCMK_DIR/n$1/clusapid"
	CLUSAPID_WRAPPER="nsenter -t $(_pcmk_holder "$1") -m -n -u --" \
		clusapid_start "$PCMK_DIR/n$1/clusapid" --backend pacemaker \
		--anonymous full || return 1
	eval "PORT$1=\$CLUSAPID_PORT PID$1=\$CLUSAPID_PID"
}

pcmk_clusctl() {
	_pc_k=$1
	_pc_port=$2
	shift 2
	pcmk_on "$_pc_k" "$CLUSCTL" -N "ncacn_ip_tcp:127.0.0.1[$_pc_port]" "$@"
}

not() {
	! "$@"
}

out1() {
	pcmk_clusctl 1 "$PORT1" "$@" >"$PCMK_DIR/out" 2>&1
	_o_rc=$?
	sed 's/^/#   /' "$PCMK_DIR/out"
	return $_o_rc
}

has() {
	grep -q -- "$1" "$PCMK_DIR/out"
}
