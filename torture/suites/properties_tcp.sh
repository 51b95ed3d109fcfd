#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# clusctl property get/set, networks, interfaces, resource types and the
# quorum against a clusapid over ncacn_ip_tcp: values of each type
# written as an administrator writes them and read back through
# clusctl --json; wrong values and read-only properties refused.

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
. torture/lib/suite.sh

suite_begin props

# prop KIND NAME... PROPERTY: "TYPE VALUE" of one private property
prop() {
	_p=$1
	shift
	clusctl --json property get --private "$@" "$_p" |
		py '"%s %s" % (j["properties"][0]["type"],
			       json.dumps(j["properties"][0]["value"]))'
}

mkdir "$tmp/state"
if ! clusapid_start "$tmp/state" --anonymous full; then
	check "clusapid starts" false
	summary
fi
R="IP Address"

check "the cluster's common Name" test "$(clusctl --json property get \
	cluster Name | py 'j["properties"][0]["value"]')" = CLUSTER1
check "a private property not there yet" \
	eval '! clusctl property get --private resource "$R" Weight \
		2>/dev/null'

clusctl property set --private resource "$R" Weight=42 >/dev/null
check "set DWORD (guessed from 42)" test "$(prop Weight resource "$R")" = \
	'DWORD 42'
clusctl property set --private resource "$R" Weight=0x10 >/dev/null
check "... its own type kept, 0x10 read as 16" \
	test "$(prop Weight resource "$R")" = 'DWORD 16'
clusctl property set --private resource "$R" "Note=hello world" \
	>/dev/null
check "set SZ" test "$(prop Note resource "$R")" = 'SZ "hello world"'
clusctl property set --private --value-type EXPAND_SZ resource "$R" \
	'Path=%SystemRoot%\x' >/dev/null
check "set EXPAND_SZ" test "$(prop Path resource "$R")" = \
	'EXPAND_SZ "%SystemRoot%\\x"'
clusctl property set --private --value-type MULTI_SZ resource "$R" \
	Names=a,b,c >/dev/null
check "set MULTI_SZ as a,b,c, read back as a list" \
	test "$(prop Names resource "$R")" = 'MULTI_SZ ["a", "b", "c"]'
clusctl property set --private --value-type BINARY resource "$R" \
	"Blob=01 02 ff" >/dev/null
check "set BINARY as hex bytes" test "$(prop Blob resource "$R")" = \
	'BINARY "01 02 ff"'
clusctl property set --private --value-type "LARGE INTEGER" resource \
	"$R" Big=12345678901 >/dev/null
check "set LARGE INTEGER" test "$(prop Big resource "$R")" = \
	'ULARGE_INTEGER 12345678901'
out=$(clusctl property get --private resource "$R" Blob Names)
check "text output: as written" eval 'echo "$out" | grep -q "^Blob .*BINARY .*01 02 ff$" &&
	echo "$out" | grep -q "^Names .*MULTI_SZ .*a,b,c$"'
clusctl property set --private resource "$R" Weight=lots 2>"$tmp/err"
check "a value of the wrong type is refused" \
	grep -q '"lots" is not a DWORD value for property "Weight"' "$tmp/err"
check "... and changes nothing" test "$(prop Weight resource "$R")" = \
	'DWORD 16'
clusctl property set --private --value-type DWORD resource "$R" \
	Weight=4294967296 2>/dev/null
check "a DWORD out of range is refused" \
	test "$(prop Weight resource "$R")" = 'DWORD 16'
clusctl property set --private group "Cluster Group" Owner=me >/dev/null
check "a group's private property" \
	test "$(prop Owner group "Cluster Group")" = 'SZ "me"'

# common properties: "TYPE VALUE" of one, read back
common() {
	_p=$1
	shift
	clusctl --json property get "$@" "$_p" |
		py '"%s %s" % (j["properties"][0]["type"],
			       json.dumps(j["properties"][0]["value"]))'
}
check "a group's Description before" \
	test "$(common Description group "Cluster Group")" = 'SZ ""'
clusctl property set group "Cluster Group" "Description=core things" \
	Priority=2000 >/dev/null
check "set common SZ and DWORD properties of a group" \
	test "$(common Description group "Cluster Group")" = \
	'SZ "core things"'
check "... Priority" test "$(common Priority group "Cluster Group")" = \
	'DWORD 2000'
clusctl property set resource "$R" "Description=the address" >/dev/null
check "set a resource's common Description" \
	test "$(common Description resource "$R")" = 'SZ "the address"'

clusctl property set group "Cluster Group" Description=changed \
	GroupType=5 2>"$tmp/err"
check "a read-only property is refused with the server's error" \
	grep -q 'cannot set the properties of group "Cluster Group": ERROR_INVALID_PARAMETER (0x00000057): a parameter is not valid; "GroupType" is a read-only property' \
	"$tmp/err"
check "... and nothing of the list is stored" \
	test "$(common Description group "Cluster Group")" = \
	'SZ "core things"'
clusctl property set --value-type SZ group "Cluster Group" Priority=high \
	2>"$tmp/err"
check "a common value of the wrong type is refused by the server" \
	grep -q "ERROR_INVALID_PARAMETER" "$tmp/err"
check "... unchanged" test "$(clusctl --json property get group \
	"Cluster Group" GroupType | py 'j["properties"][0]["value"]')" = 1
check "group show has the common properties" \
	test "$(clusctl --json group show "Cluster Group" | py \
	'[p["value"] for p in j["group"]["properties"]
	  if p["name"] == "Priority"]')" = 2000

# the writable common properties of every kind: before, set, after;
# clients see the changes as events too
clusctl events --json >"$tmp/events.json" 2>&1 &
events_pid=$!
suite_atexit='kill $events_pid 2>/dev/null'
sleep 1
G="Cluster Group"
N="Cluster Network 1"
I="NodeA - Ethernet"
check "cluster Description before" \
	test "$(common Description cluster)" = 'SZ ""'
clusctl property set cluster "Description=the lab" >/dev/null
clusctl property set cluster "Name=OTHER" 2>"$tmp/err"
check "the cluster's Name is read-only here (ApiSetClusterName's)" \
	grep -q 'ERROR_INVALID_PARAMETER.*"Name" is a read-only property' \
	"$tmp/err"
check "cluster Description set" \
	test "$(common Description cluster)" = 'SZ "the lab"'
check "node Description before" \
	test "$(common Description node NodeB)" = 'SZ ""'
clusctl property set node NodeB "Description=rack 2" >/dev/null
check "node Description set" \
	test "$(common Description node NodeB)" = 'SZ "rack 2"'
check "... the other node's unchanged" \
	test "$(common Description node NodeA)" = 'SZ ""'
check "network Role before" test "$(common Role network "$N")" = 'DWORD 3'
clusctl property set network "$N" Role=1 "Description=heartbeat" \
	>/dev/null
check "network Role set" test "$(common Role network "$N")" = 'DWORD 1'
check "... and its Description" \
	test "$(common Description network "$N")" = 'SZ "heartbeat"'
clusctl property set network "$N" Role=7 2>"$tmp/err"
check "a Role out of range is ERROR_INVALID_DATA" \
	grep -q ERROR_INVALID_DATA "$tmp/err"
check "... unchanged" test "$(common Role network "$N")" = 'DWORD 1'
clusctl property set network "$N" "Name=Heartbeat" >/dev/null
check "network renamed through Name" \
	eval 'clusctl network list | grep -qx Heartbeat'
N=Heartbeat
check "interface Description before" \
	test "$(common Description interface "$I")" = 'SZ ""'
clusctl property set interface "$I" "Description=onboard" >/dev/null
check "interface Description set" \
	test "$(common Description interface "$I")" = 'SZ "onboard"'
clusctl property set interface "$I" Address=10.0.0.1 2>"$tmp/err"
check "an interface's Address is read-only" \
	grep -q ERROR_INVALID_PARAMETER "$tmp/err"
check "restype IsAlivePollInterval before" \
	test "$(common IsAlivePollInterval restype "IP Address")" = \
	'DWORD 60000'
clusctl property set restype "IP Address" IsAlivePollInterval=30000 \
	LooksAlivePollInterval=2500 >/dev/null
check "restype IsAlivePollInterval set" \
	test "$(common IsAlivePollInterval restype "IP Address")" = \
	'DWORD 30000'
check "... and LooksAlivePollInterval" \
	test "$(common LooksAlivePollInterval restype "IP Address")" = \
	'DWORD 2500'
check "group PersistentState before" \
	test "$(common PersistentState group "$G")" = 'DWORD 1'
clusctl property set group "$G" PersistentState=0 Name=Core >/dev/null
check "group PersistentState and Name set together" \
	eval 'test "$(common PersistentState group Core)" = "DWORD 0"'
G=Core
clusctl property set resource "$R" PersistentState=0 "Name=IP Main" \
	>/dev/null
R="IP Main"
check "resource PersistentState and Name set together" \
	test "$(common PersistentState resource "$R")" = 'DWORD 0'
clusctl property set resource "$R" "Description=x" PersistentState=2 \
	2>"$tmp/err"
check "one bad value in a list: ERROR_INVALID_DATA" \
	grep -q ERROR_INVALID_DATA "$tmp/err"
check "... and the good one of the list is not stored" \
	test "$(common Description resource "$R")" = 'SZ "the address"'
clusctl property set group "$G" Name="Available Storage" 2>"$tmp/err"
check "a group renamed onto another group's name is refused" \
	grep -q ERROR_OBJECT_ALREADY_EXISTS "$tmp/err"
check "... its name unchanged" \
	test "$(common Name group "$G")" = 'SZ "Core"'

# private properties of every kind, a list at a time: KIND [NAME]
private_kind() {
	check "$1: no private Site before" \
		eval '! clusctl property get --private "$@" Site 2>/dev/null'
	clusctl property set --private "$@" Site=lab Rack=4 >/dev/null
	check "$1: private Site set" test "$(prop Site "$@")" = 'SZ "lab"'
	check "$1: private Rack set with it" test "$(prop Rack "$@")" = \
		'DWORD 4'
	clusctl property set --private "$@" Site=lab2 \
		--value-type DWORD Rack=x 2>/dev/null
	check "$1: a list with a bad value changes nothing" \
		test "$(prop Site "$@")" = 'SZ "lab"'
}
private_kind cluster
private_kind node NodeA
private_kind network "$N"
private_kind interface "$I"
private_kind restype "IP Address"
private_kind group "$G"
private_kind resource "$R"
check "a node's private properties are its own" \
	eval '! clusctl property get --private node NodeB Site 2>/dev/null'
clusctl property set network "$N" "Name=Cluster Network 1" >/dev/null
sleep 0.5
kill "$events_pid" 2>/dev/null
wait "$events_pid" 2>/dev/null
check "events: common and private property changes of each kind" \
	python3 -c '
import json, sys
evs = [json.loads(l) for l in open(sys.argv[1]).read().splitlines()]
seen = {(e["object"], e["name"], e["change"]) for e in evs}
want = [("cluster", "CLUSTER1", "common-property"),
        ("cluster", "CLUSTER1", "private-property"),
        ("node", "NodeB", "common-property"),
        ("node", "NodeA", "private-property"),
        ("network", "Heartbeat", "common-property"),
        ("network", "Heartbeat", "private-property"),
        ("interface", "NodeA - Ethernet", "common-property"),
        ("interface", "NodeA - Ethernet", "private-property"),
        ("group", "Core", "common-property"),
        ("resource", "IP Main", "private-property")]
missing = [w for w in want if w not in seen]
assert not missing, missing' "$tmp/events.json"

# networks, interfaces, resource types, quorum
check "network list" test "$(clusctl --json network list | py \
	'[n["name"] for n in j["networks"]][0]')" = \
	"Cluster Network 1"
check "network show: its address" test "$(clusctl --json network show \
	"Cluster Network 1" | py '[p["value"] for p in j["properties"]
				   if p["name"] == "Address"]')" = \
	192.168.100.0
check "interface list" \
	eval 'clusctl interface list | grep -qx "NodeA - Ethernet"'
check "interface show: its node" test "$(clusctl --json interface show \
	"NodeA - Ethernet" | py '[p["value"] for p in j["properties"]
				  if p["name"] == "Node"]')" = NodeA
check "restype list" eval 'clusctl restype list | grep -qx "IP Address"'
check "restype show: its DLL" test "$(clusctl --json restype show \
	"IP Address" | py '[p["value"] for p in j["properties"]
			    if p["name"] == "DllName"]')" = clusres.dll
clusctl network show "No Network" 2>"$tmp/err"
check "an unknown network names the error" \
	grep -q "ERROR_CLUSTER_NETWORK_NOT_FOUND" "$tmp/err"
check "quorum show" test "$(clusctl --json quorum show | py \
	'j["resource"]')" = "Cluster Disk 1"
summary
