#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A real 3-node Pacemaker/Corosync cluster in namespaces of the suite's
# own (torture/lib/pcmk_cluster.sh): a group of three Dummy resources
# starts; crm_resource --move takes it to node3 while bin/pcmk_watch on
# node1 follows the CIB's diff notifications (libcib, GLib run from a
# tevent loop) and prints the derived MS-CMRP group states (Pending,
# then Online on node3, then the DC idle); pcmk_watch --move moves it
# on to another node the way the MS-CMRP 4.2 flow will (constraint
# written, followed until Online there and the DC idle, removed); the
# corosync of the node it runs on is killed -9 and the group fails over
# to a survivor; then everything is torn down and nothing of it is
# left (namespaces, processes, mounts).
# Needs root. Does not use clusapid; pcmk_watch is taken from beside
# CLUSAPID_BIN (bin/build-asan/ in the sanitizer pass). Every
# wait is for a condition with a bound; the times printed are
# information, not assertions.

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
. torture/lib/check.sh
. torture/lib/pcmk_cluster.sh

trap 'pcmk_cluster_stop' EXIT
trap 'exit 1' INT TERM

G=clusapi-g
WATCH=$(dirname "${CLUSAPID_BIN:-bin/clusapid}")/pcmk_watch
case $WATCH in
/*) ;;
*) WATCH=$top/$WATCH ;;
esac
MEMBERS="A1 A2 A3"

if [ "$(id -u)" -ne 0 ] || ! command -v corosync >/dev/null; then
	fail "needs root and corosync, pacemaker (buildtools/bootstrap)"
	summary
fi
if [ ! -x "$WATCH" ]; then
	fail "no $WATCH: configured without the Pacemaker backend?"
	summary
fi

if ! pcmk_cluster_start 3; then
	fail "3-node cluster starts"
	summary
fi
ok "3 nodes Online with a DC"
echo "# cluster of 3 nodes up in $PCMK_START_MS ms"

group_xml() {
	echo "<group id=\"$G\">"
	for r in $MEMBERS; do
		cat <<XML
  <primitive id="$r" class="ocf" provider="pacemaker" type="Dummy">
    <operations>
      <op id="$r-monitor" name="monitor" interval="10s"/>
    </operations>
  </primitive>
XML
	done
	echo "</group>"
}

check "group of Dummy resources created" \
	pcmk_on 1 cibadmin --create -o resources -X "$(group_xml)"
check "the group starts on one node" pcmk_wait 30 pcmk_group_node 1 $G
from=$(pcmk_group_node 1 $G)
echo "# $G started on $from"

# A watcher on node1 (bin/pcmk_watch: libcib's diff notifications,
# GLib run from a tevent loop, the MS-CMRP state derived from the CIB)
# while crm_resource moves the group: it sees Pending, then Online on
# the target, then the DC's controller idle (Pacemaker's IPC).
watch_start() {
	pcmk_on 1 "$WATCH" "$@" >"$PCMK_DIR/watch.out" \
		2>"$PCMK_DIR/watch.err" &
	watch_pid=$!
}
watch_end() {
	pcmk_wait 60 sh -c '! kill -0 "$1"' _ "$watch_pid" || return 1
	wait "$watch_pid"
}
watched() {
	sed 's/^/#   /' "$PCMK_DIR/watch.out" "$PCMK_DIR/watch.err"
}
seen() {
	grep -q "$1" "$PCMK_DIR/watch.out"
}

to=node3
[ "$from" = node3 ] && to=node2
watch_start $G $to
check "pcmk_watch connects on node1" pcmk_wait 30 seen "^watching $G"
t0=$(pcmk_ms)
check "crm_resource --move to $to" \
	pcmk_on 1 crm_resource --move --resource $G --node $to --quiet
on_target() {
	[ "$(pcmk_group_node "$1" $G)" = "$to" ]
}
check "every member Started on $to" pcmk_wait 30 on_target 1
echo "# moved to $to in $(($(pcmk_ms) - t0)) ms (seen by polling)"
check "pcmk_watch follows the move to its end" watch_end
watched
check "pcmk_watch saw $G Pending on $from" seen " $G Pending $from\$"
check "pcmk_watch saw $G Online on $to" seen " $G Online $to\$"
check "then the DC idle" seen " cluster idle, DC node[1-3]\$"
check "node2 sees it on $to too" pcmk_wait 10 on_target 2
check "the cli-prefer constraint is cleared" \
	pcmk_on 1 crm_resource --clear --resource $G --quiet
check "the group stays on $to (stickiness)" on_target 1

# The same move done by the library: pcmk_watch --move writes the
# constraint, follows the notifications, removes the constraint.
from=$to
to=node2
[ "$from" = node2 ] && to=node1
watch_start --move $G $to
check "pcmk_watch --move $G $to" watch_end
watched
check "it saw $G Online on $to" seen " $G Online $to\$"
check "then the DC idle" seen " cluster idle, DC node[1-3]\$"
check "crm_mon sees every member Started on $to" pcmk_wait 10 on_target 3
no_constraint() {
	! pcmk_on 3 cibadmin -Q -o constraints | grep -q "cli-prefer-$G"
}
check "the cli-prefer constraint is gone" no_constraint
check "the group stays on $to (stickiness)" on_target 1

# failover: the node the group runs on loses its corosync
k=${to#node}
survivor=1
[ "$k" -eq 1 ] && survivor=2
t0=$(pcmk_ms)
check "corosync of $to killed -9" pcmk_kill_corosync "$k"
offline() {
	! pcmk_node_online $survivor "$to" &&
		pcmk_on $survivor crm_mon -1 >/dev/null
}
check "$to reads offline" pcmk_wait 30 offline
echo "# $to offline after $(($(pcmk_ms) - t0)) ms"
elsewhere() {
	n=$(pcmk_group_node $survivor $G) && [ "$n" != "$to" ]
}
check "$G fails over to a survivor" pcmk_wait 30 elsewhere
echo "# $G Started on $(pcmk_group_node $survivor $G) after" \
	"$(($(pcmk_ms) - t0)) ms"

t0=$(pcmk_ms)
pcmk_cluster_stop
echo "# torn down in $(($(pcmk_ms) - t0)) ms"
left=$(pcmk_leftovers)
[ -z "$left" ] || echo "$left"
check "no namespace, process or mount left" test -z "$left"
summary
