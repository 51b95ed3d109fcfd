#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# clusapid --backend pacemaker in front of a real 3-node Pacemaker/
# Corosync cluster in namespaces of the suite's own
# (torture/lib/pcmk_cluster.sh): clusapid runs inside node1's network
# and mount namespaces, clusctl talks to it there. The cluster's
# nodes, group and Dummy resources, OCF types, corosync link and states
# read through MS-CMRP; a move by crm_resource is followed by
# notification; what the backend does not change answers
# ERROR_NOT_SUPPORTED; then everything is torn down and nothing left.
# Needs root. Every wait is for a condition with a bound.

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
. torture/lib/check.sh
. torture/lib/pcmk_cluster.sh
. torture/lib/clusapid.sh

G=clusapi-g
MEMBERS="A1 A2 A3"
CLUSCTL=$top/${CLUSCTL_BIN:-bin/clusctl}
case $CLUSAPID_BIN in
/*) ;;
*) CLUSAPID_BIN=$top/$CLUSAPID_BIN ;;
esac

cleanup() {
	clusapid_stop >/dev/null 2>&1
	pcmk_cluster_stop
}
trap cleanup EXIT
trap 'exit 1' INT TERM

if [ "$(id -u)" -ne 0 ] || ! command -v corosync >/dev/null; then
	fail "needs root and corosync, pacemaker (buildtools/bootstrap)"
	summary
fi
if ! "$CLUSAPID_BIN" --help | grep -q -- '--backend'; then
	fail "clusapid has no --backend"
	summary
fi

if ! pcmk_cluster_start 3; then
	fail "3-node cluster starts"
	summary
fi
ok "3 nodes Online with a DC"

group_xml() {
	echo "<group id=\"$G\">"
	for r in $MEMBERS; do
		cat <<XML
  <primitive id="$r" class="ocf" provider="pacemaker" type="Dummy">
    <instance_attributes id="$r-params">
      <nvpair id="$r-op_sleep" name="op_sleep" value="0.1"/>
    </instance_attributes>
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

# clusapid on node K, inside its namespaces, state directory of its own
pcmk_clusapid() {
	mkdir -p "$PCMK_DIR/n$1/clusapid"
	CLUSAPID_WRAPPER="nsenter -t $(_pcmk_holder "$1") -m -n -u --" \
		clusapid_start "$PCMK_DIR/n$1/clusapid" --backend pacemaker \
		--anonymous full
}
# clusctl on node K against the clusapid there (port $2)
pcmk_clusctl() {
	_pc_k=$1
	_pc_port=$2
	shift 2
	pcmk_on "$_pc_k" "$CLUSCTL" -N "ncacn_ip_tcp:127.0.0.1[$_pc_port]" "$@"
}
c1() {
	pcmk_clusctl 1 "$PORT1" "$@"
}
out1() {
	c1 "$@" >"$PCMK_DIR/out" 2>&1
	_o_rc=$?
	sed 's/^/#   /' "$PCMK_DIR/out"
	return $_o_rc
}
not() {
	! "$@"
}
has() {
	grep -q -- "$1" "$PCMK_DIR/out"
}

check "clusapid --backend pacemaker starts on node1" pcmk_clusapid 1
PORT1=$CLUSAPID_PORT
PID1=$CLUSAPID_PID

check "cluster show" out1 cluster show
check "  the corosync cluster name" has "clusapi"
check "node list" out1 node list
for k in 1 2 3; do
	check "  node$k Up" grep -q "node$k  *$k  *Up" "$PCMK_DIR/out"
done
check "group list" out1 group list
from=$(pcmk_group_node 1 $G)
check "  $G Online on $from" grep -q "$G  *$from  *Online" "$PCMK_DIR/out"
check "resource list" out1 resource list
for r in $MEMBERS; do
	check "  $r Online in $G" grep -q "^$r  *Online  *$G" "$PCMK_DIR/out"
done
check "restype list" c1 restype list >"$PCMK_DIR/out"
check "  the OCF agent ocf:pacemaker:Dummy" has "ocf:pacemaker:Dummy"
check "interface list" out1 interface list
check "  node3's corosync link" has "node3 - link0"
check "network list" out1 network list
check "  corosync link 0" has "Corosync link 0"
check "private properties: the instance attributes" \
	out1 property get resource A1 --private
check "  op_sleep" has "op_sleep"
check "group create refused (the CIB is the state)" \
	not out1 group create NewGroup
check "  ERROR_NOT_SUPPORTED" has "NOT_SUPPORTED"

to=node3
[ "$from" = node3 ] && to=node2
check "crm_resource moves $G to $to" \
	pcmk_on 2 crm_resource --move --resource $G --node $to --quiet
on_target() {
	c1 group list >"$PCMK_DIR/out" 2>&1 &&
		grep -q "$G  *$to  *Online" "$PCMK_DIR/out"
}
check "clusapid shows $G Online on $to" pcmk_wait 30 on_target
check "the cli-prefer constraint cleared" \
	pcmk_on 1 crm_resource --clear --resource $G --quiet

clusapid_stop
left=""
pcmk_cluster_stop
left=$(pcmk_leftovers)
[ -z "$left" ] || echo "$left"
check "no namespace, process or mount left" test -z "$left"
summary
