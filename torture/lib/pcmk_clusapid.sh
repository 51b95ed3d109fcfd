# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced (from the top of the tree) by the suites that put clusapid
# --backend pacemaker in front of a real cluster; brings check.sh,
# pcmk_cluster.sh and clusapid.sh with it:
#
#   pcmk_suite_start N	needs root, corosync and a clusapid with
#			--backend (else FAIL and the summary), sets the
#			EXIT trap that stops the clusapid of PID1 and
#			PID2, kills EXTRA_PIDS and stops the cluster, and
#			starts an N-node cluster (FAIL and the summary if
#			it does not come up)
#   pcmk_clusapid K	clusapid --backend pacemaker inside node K's
#			namespaces, with a state directory of its own;
#			sets CLUSAPID_PORT and CLUSAPID_PID

. torture/lib/check.sh
. torture/lib/pcmk_cluster.sh
. torture/lib/clusapid.sh

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
		fail "needs root and corosync, pacemaker (buildtools/bootstrap)"
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

pcmk_clusapid() {
	mkdir -p "$PCMK_DIR/n$1/clusapid"
	CLUSAPID_WRAPPER="nsenter -t $(_pcmk_holder "$1") -m -n -u --" \
		clusapid_start "$PCMK_DIR/n$1/clusapid" --backend pacemaker \
		--anonymous full
}
