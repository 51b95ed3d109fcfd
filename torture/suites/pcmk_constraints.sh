#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What clients write through clusapid --backend pacemaker into a real
# 3-node cluster (torture/lib/pcmk_cluster.sh): private properties as
# instance attributes, dependencies as rsc_order, possible owners as
# -INFINITY locations, preferred owners as scored locations, and the
# quorum Pacemaker has. Each write is read back from the CIB (cibadmin
# on another node) and through a second clusapid on node2; Pacemaker
# obeys a possible-owners restriction (a move there is refused and the
# group never lands there); bad input answers the Windows error and
# leaves the CIB as it was; a change made with crm_resource shows
# through clusapid. Needs root.

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
. torture/lib/pcmk_clusapid.sh

pcmk_suite_start 3
G=clusapi-g
CLUSCTL=$top/${CLUSCTL_BIN:-bin/clusctl}

primitive_xml() {
	cat <<XML
  <primitive id="$1" class="ocf" provider="pacemaker" type="Dummy">
    <instance_attributes id="$1-params">
      <nvpair id="$1-op_sleep" name="op_sleep" value="0.1"/>
    </instance_attributes>
  </primitive>
XML
}
grp="<group id=\"$G\">$(primitive_xml A1)$(primitive_xml A2)"
grp="$grp$(primitive_xml A3)</group>"
check "group of three Dummy resources created" \
	pcmk_on 1 cibadmin --create -o resources -X "$grp"
check "the group starts on one node" pcmk_wait 30 pcmk_group_node 1 $G

check "clusapid --backend pacemaker on node1" pcmk_clusapid 1
check "a second clusapid on node2" pcmk_clusapid 2
# node2's client told of what node1's clusapid writes (by CIB diff)
pcmk_on 2 "$CLUSCTL" -N "ncacn_ip_tcp:127.0.0.1[$PORT2]" events \
	>"$PCMK_DIR/events2" 2>&1 &
EXTRA_PIDS=$!
seen2() {
	grep -q "$1" "$PCMK_DIR/events2"
}

# clusctl through node K's clusapid; output in $PCMK_DIR/out, shown
cK() {
	_k=$1
	shift
	eval _port=\$PORT$_k
	pcmk_on "$_k" "$CLUSCTL" -N "ncacn_ip_tcp:127.0.0.1[$_port]" "$@" \
		>"$PCMK_DIR/out" 2>&1
	_rc=$?
	sed 's/^/#   /' "$PCMK_DIR/out"
	return $_rc
}
c1() {
	cK 1 "$@"
}
has() {
	grep -q -- "$1" "$PCMK_DIR/out"
}
lacks() {
	! grep -q -- "$1" "$PCMK_DIR/out"
}
refused() {	# ERROR_NAME CLUSCTL-ARGS...: fails with that error
	_err=$1
	shift
	! c1 "$@" && has "$_err"
}
# the CIB section as node3 has it
cib() {
	pcmk_on 3 cibadmin -Q -o "$1" 2>/dev/null
}
cib_has() {	# SECTION PATTERN
	cib "$1" | grep -q -- "$2"
}
cib_lacks() {
	! cib_has "$@"
}
# SECTION ID NAME=VALUE...: the element ID there has these attributes
cib_elem() {
	_ce_section=$1
	shift
	cib "$_ce_section" | python3 -c 'import sys, xml.etree.ElementTree as ET
e = ET.parse(sys.stdin).getroot().find(".//*[@id=\"%s\"]" % sys.argv[1])
sys.exit(e is None or any(e.get(k) != v for k, v in
                          (a.split("=", 1) for a in sys.argv[2:])))' "$@"
}
# CMD... succeeds through node2's clusapid within 5 s
on2() {
	pcmk_wait 5 cK 2 "$@"
}
same_cib() {	# SECTION FILE: the section as it was saved
	cib "$1" | diff -q - "$2" >/dev/null
}

# private properties: instance attributes
stored() {
	c1 "$@" && has "stored: effective when it next comes online"
}
check "property set resource A1 fake=hello --private: stored" \
	stored property set resource A1 fake=hello --private
check "  in the CIB: A1's instance attribute fake=hello" \
	cib_has resources 'name="fake" value="hello"'
check "  node1's clusapid shows it" \
	c1 property get resource A1 fake --private
check "    hello" has hello
prop2() {
	cK 2 property get resource A1 fake --private && has hello
}
check "  node2's clusapid shows it" pcmk_wait 5 prop2
cib resources >"$PCMK_DIR/resources.before"
check "an unknown property: ERROR_INVALID_PARAMETER" \
	refused INVALID_PARAMETER property set resource A1 bogus=1 --private
check "a DWORD for a string parameter: ERROR_INVALID_PARAMETER" \
	refused INVALID_PARAMETER property set resource A1 fake=5 \
	--private --value-type=DWORD
check "a list with one bad property: ERROR_INVALID_PARAMETER" \
	refused INVALID_PARAMETER property set resource A1 fake=x bogus=y \
	--private
check "  the CIB's resources unchanged" \
	same_cib resources "$PCMK_DIR/resources.before"
check "crm_resource --set-parameter on node3" \
	pcmk_on 3 crm_resource --resource A2 --set-parameter fake \
	--parameter-value viacrm >/dev/null
crm1() {
	cK 1 property get resource A2 fake --private && has viacrm
}
check "  node1's clusapid reads it" pcmk_wait 5 crm1
check "property set resource A2 fake=again op_sleep=0.2 --private" \
	stored property set resource A2 fake=again op_sleep=0.2 --private
check "  in the CIB, in the sets that held them" \
	cib_elem resources A2-instance_attributes-fake name=fake value=again
check "  op_sleep too" \
	cib_elem resources A2-op_sleep name=op_sleep value=0.2


# dependencies: rsc_order
check "resource add-dependency A3 A1" c1 resource add-dependency A3 A1
check "  in the CIB: order clusapi-dep-A3-A1, A1 then A3" \
	cib_elem constraints clusapi-dep-A3-A1 first=A1 then=A3
check "  node1: A3 depends on A1" c1 resource dependencies A3
check "    [A1]" has "A1"
check "  node2: A3 depends on A1" on2 resource dependencies A3
check "    [A1]" has "A1"
check "  node2's client notified: A3's dependencies" \
	pcmk_wait 5 seen2 'resource "A3" .*depend'
cib constraints >"$PCMK_DIR/constraints.before"
check "a dependency on a later member: ERROR_NOT_SUPPORTED" \
	refused NOT_SUPPORTED resource add-dependency A1 A2
check "an or expression: ERROR_NOT_SUPPORTED" \
	refused NOT_SUPPORTED resource set-dependency-expression A3 \
	"[A1] or [A2]"
check "the same dependency again: ERROR_DEPENDENCY_ALREADY_EXISTS" \
	refused DEPENDENCY_ALREADY_EXISTS resource add-dependency A3 A1
check "  the CIB's constraints unchanged" \
	same_cib constraints "$PCMK_DIR/constraints.before"
check "set-dependency-expression A3 \"[A1] and [A2]\"" \
	c1 resource set-dependency-expression A3 "[A1] and [A2]"
check "  in the CIB: clusapi-dep-A3-A2 too" \
	cib_has constraints 'id="clusapi-dep-A3-A2"'
check "resource remove-dependency A3 A1" \
	c1 resource remove-dependency A3 A1
check "  gone from the CIB" cib_lacks constraints clusapi-dep-A3-A1
gone2() {
	cK 2 resource dependencies A3 && lacks A1 && has A2
}
check "  node2: A3 depends on A2 only" pcmk_wait 5 gone2

# possible owners: -INFINITY locations
from=$(pcmk_group_node 1 $G)
for k in 1 2 3; do
	[ "node$k" = "$from" ] || to=node$k
done
check "resource remove-owner A2 $to" c1 resource remove-owner A2 $to
check "  in the CIB: clusapi-owner-A2-$to -INFINITY" \
	cib_elem constraints clusapi-owner-A2-$to rsc=A2 node=$to \
	score=-INFINITY
owners2() {
	cK 2 resource owners A2 && lacks "$to" && has "$from"
}
owners1() {
	c1 resource owners A2 && lacks "$to" && has "$from"
}
check "  node1 at once: $to no longer a possible owner of A2" owners1
check "  node2: $to no longer a possible owner of A2" \
	pcmk_wait 5 owners2
check "group move $G $to: ERROR_HOST_NODE_NOT_GROUP_OWNER" \
	refused HOST_NODE_NOT_GROUP_OWNER group move $G $to
check "  no constraint written for it" cib_lacks constraints "cli-prefer-$G"
# what Pacemaker itself does with the ban: a move there does not land
check "crm_resource --move $G to $to (past clusapid)" \
	pcmk_on 3 crm_resource --move --resource $G --node $to
off_to() {
	pcmk_on 3 crm_resource --wait --timeout=20s >/dev/null 2>&1 &&
		[ "$(pcmk_group_node 1 $G)" = "$from" ]
}
check "  Pacemaker keeps $G on $from" off_to
pcmk_on 3 crm_resource --clear --resource $G >/dev/null 2>&1
check "resource remove-owner A2 $to again: ERROR_CLUSTER_NODE_NOT_FOUND" \
	refused CLUSTER_NODE_NOT_FOUND resource remove-owner A2 $to
check "resource add-owner A2 $to" c1 resource add-owner A2 $to
check "  gone from the CIB" cib_lacks constraints clusapi-owner-A2
check "group move $G $to --wait" c1 group move $G $to --wait=30
landed() {
	[ "$(pcmk_group_node 1 $G)" = "$to" ]
}
check "  Pacemaker runs $G on $to" pcmk_wait 10 landed

# preferred owners: scored locations
check "group set-owners $G node3 node1" c1 group set-owners $G node3 node1
check "  in the CIB: clusapi-pref-$G-node3 score 2" \
	cib_elem constraints clusapi-pref-$G-node3 rsc=$G node=node3 score=2
check "  and clusapi-pref-$G-node1 score 1" \
	cib_elem constraints clusapi-pref-$G-node1 rsc=$G node=node1 score=1
pref1() {
	c1 group show $G && has "node3, node1"
}
check "  node1 at once: preferred owners node3, node1" pref1
pref2() {
	cK 2 group show $G && has "node3, node1"
}
check "  node2: preferred owners node3, node1" pcmk_wait 5 pref2
check "group set-owners $G node2" c1 group set-owners $G node2
check "    node3's gone" cib_lacks constraints "clusapi-pref-$G-node3"
check "    node2's there" cib_has constraints "clusapi-pref-$G-node2"

# quorum: a node-majority cluster without a quorum resource
check "quorum show" c1 --json quorum show
quorum_is() {	# KEY JSON-VALUE
	python3 -c 'import json, sys
j = json.load(open(sys.argv[1]))
sys.exit(j[sys.argv[2]] != json.loads(sys.argv[3]))' "$PCMK_DIR/out" "$1" "$2"
}
check "  no quorum resource" quorum_is resource '""'
check "  no device" quorum_is device '""'
check "  CLUS_NODE_MAJORITY_QUORUM (0)" quorum_is max_log_size 0
check "  3 of 3 up: one node down keeps quorum" \
	quorum_is node_down_loses_quorum false

pcmk_suite_end
