#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Produces the CIB files the Pacemaker unit tests read (cib_*.xml here):
# some from a real 3-node cluster (torture/lib/pcmk_cluster.sh, as root),
# the others from those with crm_simulate. Run by hand when the tests
# need new states; the results are committed, the tests run no daemon.
#
#   cib_running.xml	group G (A1 A2 A3, Dummy) Started on node1, P1 (a
#			Dummy with instance attributes) stopped by its
#			target-role, all nodes online
#   cib_pending.xml	a move of G to node3 under way: an operation in
#			flight (rc-code 193) in the status section
#   cib_moved.xml	G Started on node3, the cli-prefer-G constraint
#   cib_nodefail.xml	cib_moved.xml with node3 failed (crm_simulate
#			--node-fail): G Started on a survivor
#   cib_failed.xml	cib_running.xml with G moved to node2 and A2's
#			start failing there (crm_simulate --op-fail)
#   cib_standby.xml	node2 in standby, node1 with clusapi-paused=true
#   cib_draining.xml	cib_running.xml with node1 in standby (crm_standby,
#			CIB_file): G still on node1
#   cib_drained.xml	that simulated: G moved off node1
#   cib_objects.xml	cib_running.xml with ClusAPI names on G ("Web
#			Sites") and A1 ("First One"), names that clash on
#			A2 and A3, an empty group E ("Empty Group"), and a
#			stale entry for G
#   cib_paused.xml	cib_running.xml with node1 and node2 paused without
#			drain (clusapi-paused and the -500 rule clusapid
#			writes) and P1 started, simulated: G stays on node1,
#			P1 starts on node3
#   cib_constraints.xml	cib_running.xml with constraints as clusapid and
#			Pacemaker's tools write them (crm_resource --ban,
#			a pcs-style order, an optional order, a rule), a
#			second instance_attributes set on A2 (crm_resource
#			--set-parameter) and quorum lost
#   agent_dummy.xml	ocf:pacemaker:Dummy's meta-data
#
# "make_cibs.sh simulated" makes only the last six, from the
# committed cib_running.xml, with no cluster.

top=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$top" || exit 1
. torture/lib/pcmk_cluster.sh
out=$top/torture/unit/pacemaker
trap 'pcmk_cluster_stop; rm -rf "$sim"' EXIT
sim=$(mktemp -d /tmp/make_cibs.XXXXXX) || exit 1

# pause and drain, on cib_running.xml, with crm_simulate
simulated() {
	cp "$out/cib_running.xml" "$sim/d.xml"
	CIB_file="$sim/d.xml" crm_standby -N node1 -v on || exit 1
	cp "$sim/d.xml" "$out/cib_draining.xml"
	crm_simulate -Q -x "$sim/d.xml" -S -O "$out/cib_drained.xml" \
		>/dev/null || exit 1

	cp "$out/cib_running.xml" "$sim/p.xml"
	export CIB_file="$sim/p.xml"
	for n in node1 node2; do
		crm_attribute -t nodes -N $n -n clusapi-paused -v true ||
			exit 1
	done
	# what pcmk_change_paused_rule() writes (test_pcmk_change checks)
	cibadmin --modify -o constraints -X '<constraints><rsc_location
 id="clusapi-paused" rsc-pattern=".*"><rule id="clusapi-paused-rule"
 score="-500"><expression id="clusapi-paused-expr"
 attribute="clusapi-paused" operation="eq" value="true"/></rule>
</rsc_location></constraints>' || exit 1
	crm_resource -r P1 --meta -p target-role -v Started >/dev/null ||
		exit 1
	unset CIB_file
	crm_simulate -Q -x "$sim/p.xml" -S -O "$out/cib_paused.xml" \
		>/dev/null || exit 1
	objects
	constraints
	chmod 0644 "$out"/cib_*.xml
	OCF_ROOT=/usr/lib/ocf /usr/lib/ocf/resource.d/pacemaker/Dummy \
		meta-data >"$out/agent_dummy.xml" || exit 1
}

constraints() {
	cp "$out/cib_running.xml" "$sim/c.xml"
	export CIB_file="$sim/c.xml"
	crm_resource -r A2 --set-parameter fake --parameter-value viacrm \
		>/dev/null || exit 1
	crm_resource --ban -r A2 -N node3 -Q >/dev/null || exit 1
	cibadmin --modify -o constraints -X '<constraints>
<rsc_order id="clusapi-dep-A3-A1" first="A1" then="A3" kind="Mandatory"/>
<rsc_order id="order-A1-A2-mandatory" first="A1" first-action="start"
 then="A2" then-action="start" kind="Mandatory"/>
<rsc_order id="order-P1-A3" first="P1" then="A3" kind="Optional"/>
<rsc_location id="clusapi-owner-A1-node2" rsc="A1" node="node2"
 score="-INFINITY"/>
<rsc_location id="clusapi-pref-G-node2" rsc="G" node="node2" score="2"/>
<rsc_location id="location-G-node3-50" rsc="G" node="node3" score="50"/>
<rsc_location id="cli-prefer-G" rsc="G" role="Started" node="node1"
 score="INFINITY"/>
<rsc_location id="ruled-A3" rsc="A3"><rule id="ruled-A3-rule"
 score="-INFINITY"><expression id="ruled-A3-expr" attribute="#uname"
 operation="eq" value="node1"/></rule></rsc_location>
</constraints>' || exit 1
	unset CIB_file
	sed 's/have-quorum="1"/have-quorum="0"/' "$sim/c.xml" \
		>"$out/cib_constraints.xml" || exit 1
}

# names and empty groups, as clusapid writes them (cib_write.c)
objects() {
	cp "$out/cib_running.xml" "$sim/o.xml"
	export CIB_file="$sim/o.xml"
	crm_resource -r G --meta -p clusapi-name -v "Web Sites" >/dev/null &&
	crm_resource -r A1 --meta -p clusapi-name -v "First One" \
		>/dev/null &&
	# names another has (its name, case aside, or its id): not used
	crm_resource -r A2 --meta -p clusapi-name -v "first one" \
		>/dev/null &&
	crm_resource -r A3 --meta -p clusapi-name -v A2 >/dev/null &&
	cibadmin --modify -o crm_config -X '<crm_config>
<cluster_property_set id="clusapi-groups"><nvpair id="clusapi-groups-E"
 name="E" value="Empty Group"/><nvpair id="clusapi-groups-G" name="G"
 value="stale"/></cluster_property_set></crm_config>' || exit 1
	unset CIB_file
	cp "$sim/o.xml" "$out/cib_objects.xml"
}

if [ "${1:-}" = simulated ]; then
	simulated
	exit 0
fi

pcmk_cluster_start 3 || exit 1

group='<group id="G">'
for r in A1 A2 A3; do
	group="$group<primitive id=\"$r\" class=\"ocf\" provider=\"pacemaker\"
 type=\"Dummy\"><instance_attributes id=\"$r-ia\"><nvpair id=\"$r-ia-op_sleep\"
 name=\"op_sleep\" value=\"1\"/></instance_attributes></primitive>"
done
group="$group</group>"
p1='<primitive id="P1" class="ocf" provider="pacemaker" type="Dummy">
<instance_attributes id="P1-ia"><nvpair id="P1-ia-fake" name="fake"
 value="hello"/><nvpair id="P1-ia-state" name="state"
 value="/run/resource-agents/P1.state"/></instance_attributes>
<meta_attributes id="P1-meta"><nvpair id="P1-meta-target-role"
 name="target-role" value="Stopped"/></meta_attributes></primitive>'

pcmk_on 1 cibadmin --create -o resources -X "$group" || exit 1
pcmk_on 1 cibadmin --create -o resources -X "$p1" || exit 1
on() {
	[ "$(pcmk_group_node 1 G)" = "$1" ]
}
pcmk_wait 30 pcmk_group_node 1 G || exit 1
if ! on node1; then
	pcmk_on 1 crm_resource --move -r G -N node1 -Q
	pcmk_wait 30 on node1 || exit 1
	pcmk_on 1 crm_resource --clear -r G -Q
fi
# the probes of P1 (stopped) done everywhere
probed() {
	[ "$(pcmk_on 1 cibadmin -Q | grep -c 'id="P1_last_0"')" -eq 3 ]
}
pcmk_wait 30 probed || exit 1
pcmk_on 1 cibadmin -Q >"$out/cib_running.xml"

pcmk_on 1 crm_resource --move -r G -N node3 -Q || exit 1
pending() {
	pcmk_on 1 cibadmin -Q >"$PCMK_DIR/pending.xml" &&
		grep -q 'rc-code="193"' "$PCMK_DIR/pending.xml"
}
pcmk_wait 20 pending || exit 1
cp "$PCMK_DIR/pending.xml" "$out/cib_pending.xml"
pcmk_wait 30 on node3 || exit 1
pcmk_on 1 cibadmin -Q >"$out/cib_moved.xml"

pcmk_on 1 crm_standby -N node2 -v on || exit 1
pcmk_on 1 crm_attribute -t nodes -N node1 -n clusapi-paused -v true || exit 1
pcmk_on 1 cibadmin -Q >"$out/cib_standby.xml"

crm_simulate -Q -x "$out/cib_moved.xml" --node-fail node3 -S \
	-O "$out/cib_nodefail.xml" >/dev/null || exit 1
crm_simulate -Q -x "$out/cib_running.xml" -S -O "$PCMK_DIR/m.xml" \
	>/dev/null || exit 1
# G to node2, where A2's start fails
CIB_file="$PCMK_DIR/m.xml" crm_resource --move -r G -N node2 -Q || exit 1
crm_simulate -Q -x "$PCMK_DIR/m.xml" -S --op-fail A2_start_0@node2=1 \
	-O "$out/cib_failed.xml" >/dev/null || exit 1
simulated
ls -l "$out"/cib_*.xml
