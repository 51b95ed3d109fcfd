#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The move rules of MS-CMRP 4.2 as clusapid serves them over
# ncacn_ip_tcp, checked with clusctl: accepted moves go Pending and end
# Online on the target; the owner as target succeeds at once; a paused
# or unknown target is refused with no change; two moves of one group
# at once, the second is refused; and a kill -9 in the middle of a move
# leaves, after a restart, a cluster with every group settled on a real
# node and nothing lost or duplicated.

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
. torture/lib/clusapid.sh

. torture/lib/suite.sh
suite_begin moves

# "STATE OWNER" of a group, from clusctl's JSON
group_state() {
	clusctl --json group show "$1" | python3 -c '
import json, sys
g = json.load(sys.stdin)["group"]
print(g["state"], g["owner_node"])'
}

# groups and resources as sorted "name owner state" lines
inventory() {
	{ clusctl --json group list; clusctl --json resource list; } |
	python3 -c '
import json, sys
text = sys.stdin.read()
dec = json.JSONDecoder()
pos = 0
while pos < len(text):
    while pos < len(text) and text[pos].isspace():
        pos += 1
    if pos >= len(text):
        break
    obj, pos = dec.raw_decode(text, pos)
    for key in ("groups", "resources"):
        for o in obj.get(key, []):
            print(key, o["name"])'
}

state_is() {
	[ "$(group_state "$1")" = "$2" ]
}

# poll for up to 60 s: a generous bound, never a timing assertion
wait_state() {
	_i=0
	while [ $_i -lt 600 ]; do
		state_is "$1" "$2" && return 0
		sleep 0.1
		_i=$((_i + 1))
	done
	return 1
}

mkdir "$tmp/state"
if ! clusapid_start "$tmp/state" --anonymous full --move-delay-ms 200; then
	check "clusapid starts" false
	summary
fi
G="Application Group"

check "default: $G Online on NodeA" state_is "$G" "Online NodeA"

# a user's credentials mean a sealed bind, which a clusapid without a
# credential source (--auth-users, --auth-keytab) refuses: the error
# says what else to try
bin/clusctl -U "nobody%not-used" "ncacn_ip_tcp:127.0.0.1[$CLUSAPID_PORT]" \
	group list >"$tmp/out" 2>&1
rc=$?
refused_with_hint() { [ $rc -eq 1 ] && grep -q -- "-N" "$tmp/out"; }
check "a sealed bind is refused (exit $rc) with a hint at -N" \
	refused_with_hint

clusctl group move "$G" NodeA >"$tmp/out" 2>&1
check "move to the owner succeeds at once" \
	grep -q "already Online on NodeA" "$tmp/out"
check "... and changes nothing" state_is "$G" "Online NodeA"

# a move of $G to NODE fails naming ERROR and leaves $G as it was
move_refused() {	# WHAT NODE ERROR
	clusctl group move "$G" "$2" >"$tmp/out" 2>&1
	rc=$?
	check "$1 refused (exit $rc)" [ $rc -ne 0 ]
	check "... naming $3" grep -q "$3" "$tmp/out"
	check "... and nothing changed" state_is "$G" "Online NodeA"
}

move_refused "unknown target" NodeX ERROR_CLUSTER_NODE_NOT_FOUND
clusctl node pause NodeC >/dev/null 2>&1
move_refused "paused target" NodeC ERROR_CLUSTER_NODE_PAUSED

clusctl group move "$G" NodeB >"$tmp/out" 2>&1
check "accepted move returns ERROR_IO_PENDING" \
	grep -q ERROR_IO_PENDING "$tmp/out"
check "... the group is Pending at once" state_is "$G" "Pending NodeA"
clusctl group move "$G" NodeA >"$tmp/out2" 2>&1
check "a second move meanwhile is refused as moving" \
	grep -q ERROR_CLUSTER_GROUP_MOVING "$tmp/out2"
check "... and the first ends Online on NodeB" wait_state "$G" "Online NodeB"

# kill -9 in the middle of a long move, then restart on the same store
inventory >"$tmp/before"
clusapid_stop
clusapid_start "$tmp/state" --anonymous full --move-delay-ms 3000 ||
	summary
clusctl group move "$G" NodeA >/dev/null 2>&1
check "long move under way" state_is "$G" "Pending NodeB"
kill -KILL "$CLUSAPID_PID"
wait "$CLUSAPID_PID" 2>/dev/null
CLUSAPID_PID=
clusapid_start "$tmp/state" --anonymous full --move-delay-ms 200 ||
	summary
st=$(group_state "$G")
echo "after kill -9 and restart: $G is $st"
case "$st" in
"Online NodeA"|"Online NodeB") settled=true ;;
*) settled=false ;;
esac
check "restart after kill -9: the group settled Online on a real node" \
	$settled
inventory >"$tmp/after"
check "... no group or resource lost or duplicated" \
	cmp -s "$tmp/before" "$tmp/after"
check "... and it moves again" sh -c "bin/clusctl -N \
	'ncacn_ip_tcp:127.0.0.1[$CLUSAPID_PORT]' group move '$G' NodeB \
	--wait=60 >/dev/null 2>&1"
check "... ending Online on NodeB" state_is "$G" "Online NodeB"

summary
