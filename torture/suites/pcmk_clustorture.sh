#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# bin/clustorture, the libclusapi move flow of MS-CMRP 4.2, against
# clusapid --backend pacemaker in front of a real cluster
# (torture/lib/pcmk_cluster.sh): four nodes, node4's corosync killed
# (the node down), a group of two Dummy resources to move and a pinned
# group whose resource may not run on node3 (written through clusapid:
# a -INFINITY location). --profile pacemaker: the cancel of a running
# move is asserted to answer ERROR_NOT_SUPPORTED with the move going on
# to its end; then node3 down too, and node1's partition losing quorum
# is told to its client. Needs root.

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
. torture/lib/pcmk_clusapid.sh

pcmk_suite_start 4
CLUSCTL=$top/${CLUSCTL_BIN:-bin/clusctl}
CLUSTORTURE=$top/${CLUSTORTURE_BIN:-bin/clustorture}
W=clusapi-web
P=clusapi-pinned

dummies() {	# GROUP RESOURCES...
	echo "<group id=\"$1\">"
	shift
	for r in "$@"; do
		echo "<primitive id=\"$r\" class=\"ocf\" provider=\"pacemaker\"
 type=\"Dummy\"><instance_attributes id=\"$r-params\"><nvpair
 id=\"$r-op_sleep\" name=\"op_sleep\" value=\"0.1\"/>
</instance_attributes></primitive>"
	done
	echo "</group>"
}
check "groups $W (W1 W2) and $P (P1) created" \
	pcmk_on 1 cibadmin --create -o resources -X "$(dummies $W W1 W2)"
check "  $P" pcmk_on 1 cibadmin --create -o resources -X "$(dummies $P P1)"
check "node4's corosync killed" pcmk_kill_corosync 4
node4_gone() {
	! pcmk_node_online 1 node4
}
check "  node4 offline for node1" pcmk_wait 20 node4_gone
check "$W runs" pcmk_wait 30 pcmk_group_node 1 $W
check "$P runs" pcmk_wait 30 pcmk_group_node 1 $P

check "clusapid --backend pacemaker on node1" pcmk_clusapid 1
binding="ncacn_ip_tcp:127.0.0.1[$CLUSAPID_PORT]"
check "P1 may not run on node3 (clusctl resource remove-owner)" \
	pcmk_on 1 "$CLUSCTL" -N "$binding" resource remove-owner P1 node3
not_on_3() {
	_n=$(pcmk_group_node 1 $P) && [ "$_n" != node3 ]
}
check "  $P is not on node3" pcmk_wait 30 not_on_3
quorum4() {
	pcmk_on 1 "$CLUSCTL" -N "$binding" quorum show |
		grep -q "NodeDownLoses  : quorum"
}
check "3 of 4 up: one more node down loses quorum (CHECK_VOTER_DOWN)" \
	quorum4

pcmk_on 1 "$CLUSTORTURE" --group $W --pinned $P \
	--nodes node1,node2,node3 --down-node node4 --profile pacemaker \
	"$binding" >"$PCMK_DIR/clustorture.out" 2>&1
sed "s/^/#   /" "$PCMK_DIR/clustorture.out"
passes() {
	[ "$(grep -c '^PASS: move\.' "$PCMK_DIR/clustorture.out")" -eq 10 ] &&
		! grep -q '^FAIL' "$PCMK_DIR/clustorture.out"
}
check "clustorture --profile pacemaker: the 10 move tests pass" passes
no_move_left() {
	! pcmk_on 2 cibadmin -Q -o constraints | grep -q cli-prefer
}
check "no move constraint left in the CIB" pcmk_wait 10 no_move_left

# node3 down too: 2 of 4, node1's partition without quorum
pcmk_on 1 "$CLUSCTL" -N "$binding" events --notify-v1 \
	>"$PCMK_DIR/events1" 2>&1 &
EXTRA_PIDS=$!
# the events client is registered once it sees a change (a new value
# each time: setting the same one again changes nothing)
listening() {
	_try=$((${_try:-0} + 1))
	pcmk_on 1 "$CLUSCTL" -N "$binding" property set resource W1 \
		fake=try$_try --private >/dev/null 2>&1
	grep -q 'resource "W1" resource-property' "$PCMK_DIR/events1"
}
check "node1's events client listens" pcmk_wait 10 listening
check "node3's corosync killed" pcmk_kill_corosync 3
no_quorum() {
	pcmk_on 1 cibadmin -Q | head -n 1 | grep -q 'have-quorum="0"'
}
check "  node1's partition has lost quorum" pcmk_wait 20 no_quorum
check "  node1's client told (CLUSTER_CHANGE_QUORUM_STATE)" \
	pcmk_wait 10 grep -q 'cluster ".*" quorum-state' "$PCMK_DIR/events1"
check "  without quorum any node down keeps it lost" quorum4
sed "s/^/#   /" "$PCMK_DIR/events1" | grep -v W1 | head -5

pcmk_suite_end
