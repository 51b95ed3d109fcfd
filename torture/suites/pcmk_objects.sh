#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# clusapid --backend pacemaker and the cluster's objects, on a real
# 3-node Pacemaker/Corosync cluster in namespaces of the suite's own
# (torture/lib/pcmk_cluster.sh), clusapid on node1 and node2:
# groups and primitives added, moved between groups and removed with
# cibadmin while clusapid runs show through both at once, with their
# notifications; a primitive outside any group shows as a group of
# its own, and onlining or moving that group starts or moves the
# primitive; groups and resources created, onlined, renamed, moved and
# deleted through node1's clusapid, seen through node2's and in the
# CIB; refusals leave the CIB's configuration unchanged; a node
# removed (crm_node --remove) leaves both. Needs root.
# Every wait is for a condition with a bound.

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
. torture/lib/pcmk_clusapid.sh

pcmk_suite_start 3

cK() {	# K clusctl-args...: clusctl on node K against its clusapid
	_c_k=$1
	shift
	pcmk_clusctl "$_c_k" "$(eval echo \$PORT"$_c_k")" "$@"
}
cib() {	# the CIB, as node 3 reads it
	pcmk_on 3 cibadmin -Q "$@"
}
cib_has() {
	cib | grep -q -- "$1"
}
dummy() {	# ID [META]: a Dummy primitive
	echo "<primitive id=\"$1\" class=\"ocf\" provider=\"pacemaker\"" \
		"type=\"Dummy\">$2</primitive>"
}
# K KIND NAME [PATTERN]: clusapid on node K lists it (matching PATTERN)
listed() {
	cK "$1" "$2" list >"$PCMK_DIR/list$1" 2>&1 &&
		grep -q "^$3  *${4:-}" "$PCMK_DIR/list$1"
}
both() {	# KIND NAME [PATTERN]: node1's and node2's clusapid list it
	listed 1 "$@" && listed 2 "$@"
}
neither() {	# KIND NAME: neither clusapid lists it
	not listed 1 "$@" && not listed 2 "$@"
}
in_group() {	# PRIMITIVE GROUP: the CIB has it in that <group>
	cib -o resources | python3 -c '
import sys, xml.etree.ElementTree as ET
r = ET.parse(sys.stdin).getroot()
p = r.find("group[@id=\"%s\"]/primitive[@id=\"%s\"]" % tuple(sys.argv[1:]))
sys.exit(p is None)' "$2" "$1"
}
conf() {	# the CIB's configuration section, kept to compare
	cib -o configuration >"$PCMK_DIR/conf.$1"
}
conf_same() {	# the configuration as it was at conf before
	cib -o configuration | cmp -s - "$PCMK_DIR/conf.before"
}
refused() {	# ERROR CLUSCTL-ARGS...: refused with ERROR, CIB unchanged
	_r_err=$1
	shift
	conf before && not out1 "$@" && has "$_r_err" && conf_same
}
seen2() {	# PATTERN: node2's client was notified of it
	grep -q -- "$1" "$PCMK_DIR/events2"
}

check "a group of Dummy resources created" pcmk_on 1 cibadmin --create \
	-o resources -X "<group id=\"G1\">$(dummy A1)$(dummy A2)</group>"

check "clusapid --backend pacemaker starts on node1" pcmk_clusapid 1
check "a second clusapid on node2" pcmk_clusapid 2
CLUSAPID_PID=$PID1
cK 2 events >"$PCMK_DIR/events2" 2>&1 &
EXTRA_PIDS=$!
check "  both list G1 with A1 and A2" pcmk_wait 20 both group G1
check "  A2 in G1" both resource A2 "[A-Za-z]*  *G1"
link3() {	# node1's clusapid lists node3's corosync link
	cK 1 interface list | grep -qx "node3 - link0"
}
check "  node3's corosync link among the interfaces" link3

# objects added while clusapid runs
t0=$(pcmk_ms)
check "cibadmin adds group G2 (B1, B2)" pcmk_on 3 cibadmin --create \
	-o resources -X "<group id=\"G2\">$(dummy B1)$(dummy B2 \
	'<instance_attributes id="B2-ia"><nvpair id="B2-ia-fake" name="fake"
 value="hello"/></instance_attributes>')</group>"
check "  G2 shows through both clusapids" pcmk_wait 10 both group G2
echo "# shown after $(($(pcmk_ms) - t0)) ms"
check "  B1 and B2 in G2" both resource B2 "[A-Za-z]*  *G2"
check "  B1 in G2" both resource B1 "[A-Za-z]*  *G2"
private2() {	# RESOURCE PROPERTY VALUE: node2's clusapid shows it
	cK 2 property get resource "$1" "$2" --private | grep -q "$3"
}
check "  B2's instance attributes: its private properties (node2)" \
	private2 B2 fake hello
check "  G2 Online once Pacemaker starts it" \
	pcmk_wait 30 both group G2 "node[0-9]  *Online"
check "  node2's client told of the group" \
	pcmk_wait 5 seen2 'cluster "G2" group-added'
check "  and of its resources" pcmk_wait 5 seen2 'group "G2" resource-added'

# a primitive outside any group: a group of its own
check "cibadmin adds P1 outside any group, stopped" pcmk_on 3 cibadmin \
	--create -o resources -X "$(dummy P1 '<meta_attributes id="P1-meta">
<nvpair id="P1-meta-target-role" name="target-role" value="Stopped"/>
</meta_attributes>')"
check "  group P1 shows, Offline" pcmk_wait 10 both group P1 \
	"node[0-9]  *Offline"
check "  its resource P1 in it" both resource P1 "[A-Za-z]*  *P1"
check "group online P1 --wait" out1 group online P1 --wait=30
check "  the primitive's target-role is Started" \
	cib_has 'id="P1-meta-target-role" name="target-role" value="Started"'
at=$(pcmk_group_node 2 G2)
to=node1
[ "$at" = node1 ] && to=node2
check "group move P1 $to --wait: the primitive moves" \
	out1 group move P1 $to --wait=30
check "  Pacemaker runs P1 on $to" \
	test "$(pcmk_on 3 crm_resource --locate -r P1 2>/dev/null |
		sed -n 's/.* running on: //p')" = "$to"
check "  both show group P1 Online on $to" \
	pcmk_wait 10 both group P1 "$to  *Online"
check "  no cli-prefer-P1 left" not cib_has 'cli-prefer-P1'

# a primitive that changes groups in the CIB
check "cibadmin moves A2 from G1 to G2" sh -c "
	$(command -v nsenter) -t $(_pcmk_holder 3) -m -n -u -- \
		cibadmin -Q -o resources >$PCMK_DIR/res.xml &&
	python3 - $PCMK_DIR/res.xml <<'PY' &&
import sys, xml.etree.ElementTree as ET
t = ET.parse(sys.argv[1]); r = t.getroot()
g1 = r.find('group[@id=\"G1\"]'); g2 = r.find('group[@id=\"G2\"]')
a2 = g1.find('primitive[@id=\"A2\"]'); g1.remove(a2); g2.append(a2)
t.write(sys.argv[1])
PY
	$(command -v nsenter) -t $(_pcmk_holder 3) -m -n -u -- \
		cibadmin --replace -o resources --xml-file $PCMK_DIR/res.xml"
check "  A2 shows in G2 through both" \
	pcmk_wait 10 both resource A2 "[A-Za-z]*  *G2"
check "  node2's client told of its new group" \
	pcmk_wait 5 seen2 'resource "A2".*group'

# removed while clusapid runs
check "cibadmin removes B1" pcmk_on 3 cibadmin --delete -o resources \
	-X '<primitive id="B1"/>'
check "  B1 gone from both" pcmk_wait 10 neither resource B1
check "  node2's client told" pcmk_wait 5 seen2 'resource "B1".*deleted'
check "cibadmin removes group P1 (the primitive)" pcmk_on 3 cibadmin \
	--delete -o resources -X '<primitive id="P1"/>'
check "  group P1 gone from both" pcmk_wait 10 neither group P1
check "  node2's client told" pcmk_wait 5 seen2 'group "P1".*deleted'
# created, renamed, moved and deleted through clusapid
check "group create \"Web Sites\"" out1 group create "Web Sites"
check "  both list it" both group "Web Sites"
check "  the CIB holds it, empty (clusapi-groups)" \
	cib_has 'name="Web_Sites" value="Web Sites"'
check "  node2's client told" \
	pcmk_wait 5 seen2 'cluster "Web Sites" group-added'
check "resource create W1 in it (ocf:pacemaker:Dummy)" \
	out1 resource create W1 --group="Web Sites" --type=ocf:pacemaker:Dummy
check "  both list W1 in Web Sites, Offline" \
	both resource W1 "Offline  *Web Sites"
check "  the CIB: W1 in <group id=Web_Sites>" in_group W1 Web_Sites
check "  the empty-group entry is gone" not cib_has 'name="Web_Sites"'
check "resource create W2 in it" \
	out1 resource create W2 --group="Web Sites" --type=ocf:pacemaker:Dummy
check "  the CIB: W2 in Web_Sites" in_group W2 Web_Sites
check "group online \"Web Sites\" --wait" \
	out1 group online "Web Sites" --wait=30
web=$(pcmk_group_node 3 Web_Sites)
check "  Pacemaker runs W1 and W2 (on $web)" test -n "$web"
check "  both show it Online" pcmk_wait 10 both group "Web Sites" \
	"$web  *Online"
check "group rename \"Web Sites\" Web" out1 group rename "Web Sites" Web
check "  both list Web" both group Web "$web  *Online"
check "  neither lists Web Sites" neither group "Web Sites"
check "  the CIB: clusapi-name Web on Web_Sites" \
	cib_has 'name="clusapi-name" value="Web"'
check "resource rename W2 \"Web Two\"" out1 resource rename W2 "Web Two"
check "  both list Web Two" both resource "Web Two" "Online  *Web"
check "resource offline \"Web Two\" --wait" \
	out1 resource offline "Web Two" --wait=30
check "resource move \"Web Two\" G1" out1 resource move "Web Two" G1
check "  both list it in G1" both resource "Web Two" "[A-Za-z]*  *G1"
check "  the CIB: W2 in G1" in_group W2 G1

# refused, and the CIB unchanged
check "group delete Web (holds W1): ERROR_DIR_NOT_EMPTY" \
	refused DIR_NOT_EMPTY group delete Web
check "resource create of an unknown type: TYPE_NOT_FOUND" \
	refused RESOURCE_TYPE_NOT_FOUND resource create X1 --group=Web \
	--type=ocf:heartbeat:NoSuchAgent
check "group create G1 (exists): ERROR_OBJECT_ALREADY_EXISTS" \
	refused ALREADY_EXISTS group create G1
check "resource create A1 (exists)" \
	refused ALREADY_EXISTS resource create A1 --group=Web \
	--type=ocf:pacemaker:Dummy
check "resource delete W1 (Online): ERROR_RESOURCE_ONLINE" \
	refused RESOURCE_ONLINE resource delete W1

check "group offline Web --wait" out1 group offline Web --wait=30
check "resource delete W1" out1 resource delete W1
check "  gone from both" neither resource W1
check "  and from the CIB" not cib_has 'primitive id="W1"'
check "  Web stays, empty, in both" both group Web
check "  the CIB: Web_Sites back in clusapi-groups, named Web" \
	cib_has 'name="Web_Sites" value="Web"'
check "group delete Web" out1 group delete Web
check "  gone from both" neither group Web
check "  and from the CIB" not cib_has 'Web_Sites'
check "  node2's client told" pcmk_wait 5 seen2 'group "Web".*deleted'

# what the CIB holds survives a restart: an empty group, a renamed one
check "group create Spare (stays empty)" out1 group create Spare
kill $EXTRA_PIDS 2>/dev/null
EXTRA_PIDS=
CLUSAPID_PID=$PID2
check "node2's clusapid stops" clusapid_stop
check "  and starts again" pcmk_clusapid 2
CLUSAPID_PID=$PID1
check "  it lists Spare, Offline" listed 2 group Spare "node[0-9]  *Offline"
check "  and Web Two in G1" listed 2 resource "Web Two" "[A-Za-z]*  *G1"

# a node removed from the cluster leaves the model
check "corosync of node3 killed" pcmk_kill_corosync 3
check "  node3 Down through node1's clusapid" \
	pcmk_wait 30 listed 1 node node3 "[0-9]*  *Down"
check "crm_node --remove node3" pcmk_on 1 crm_node -R node3 --force
check "  node3 gone from both clusapids" pcmk_wait 10 neither node node3
check "  and its interface" not link3

sed 's/^/#   /' "$PCMK_DIR/events2" | grep -v "state\|owner" | head -30

pcmk_suite_end
