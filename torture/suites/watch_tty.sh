#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# clusctl events and status --watch on a terminal: each runs in a tmux
# pane (a server of our own, -L) against a clusapid over ncacn_ip_tcp;
# a group moves and the screen is read back.  events --json is checked
# line by line, and a move with --wait shows its progress on the
# terminal and says nothing when its output is a file.

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
. torture/lib/suite.sh

suite_begin watch
sock="clusapi-watch-$$"
suite_atexit='tmux -L "$sock" kill-server >/dev/null 2>&1'

mkdir "$tmp/state"
if ! clusapid_start "$tmp/state" --anonymous full --move-delay-ms 100; then
	check "clusapid starts" false
	summary
fi
T="ncacn_ip_tcp:127.0.0.1[$CLUSAPID_PORT]"
G="Application Group"

# run NAME COMMAND: a detached window of 100x40 running COMMAND
run() {
	tmux -L "$sock" new-session -d -s "$1" -x 100 -y 40 "$2"
}
screen() { tmux -L "$sock" capture-pane -p -t "$1"; }

# wait_screen NAME REGEX: up to 30 s for the pane to show it
wait_screen() {
	_i=0
	while [ $_i -lt 300 ]; do
		screen "$1" | grep -q "$2" && return 0
		sleep 0.1
		_i=$((_i + 1))
	done
	screen "$1" >"$tmp/screen.$1"
	return 1
}

owner() {
	clusctl --json group show "$G" | python3 -c '
import json, sys; print(json.load(sys.stdin)["group"]["owner_node"])'
}

# wait_owner NODE: up to 30 s for the group to be owned by NODE
wait_owner() {
	_i=0
	while [ $_i -lt 300 ]; do
		[ "$(owner)" = "$1" ] && return 0
		sleep 0.1
		_i=$((_i + 1))
	done
	return 1
}

run status "bin/clusctl -N '$T' status --watch; sleep 60"
run events "bin/clusctl -N '$T' events; sleep 60"
clusctl events --json >"$tmp/events.json" 2>&1 &
events_pid=$!
clusctl events --json --notify-v1 >"$tmp/events1.json" 2>&1 &
events1_pid=$!

check "status --watch draws the cluster" \
	wait_screen status "$G  *Online  *on NodeA"
check "... with the nodes" wait_screen status "NodeC  *Up"
# the streams are registered once status has drawn; give events a moment
sleep 1
clusctl group move "$G" NodeB --wait=30 >"$tmp/move.out" 2>&1
check "status --watch is redrawn by the move: on NodeB" \
	wait_screen status "$G  *Online  *on NodeB"
check "... one screen, not appended" \
	test "$(screen status | grep -c "^Cluster on")" -eq 1
check "events shows the group's owner changing" \
	wait_screen events "group \"$G\" owner-node"
check "events shows NodeB gaining the group" \
	wait_screen events "node \"NodeB\" group-gained"

sleep 0.5
kill "$events_pid" "$events1_pid" 2>/dev/null
wait "$events_pid" "$events1_pid" 2>/dev/null
check "events --json: every line is a JSON object" python3 -c '
import json, sys
lines = open(sys.argv[1]).read().splitlines()
evs = [json.loads(l) for l in lines]
assert evs, "no events"
assert all(e["version"] == 2 for e in evs)
assert any(e["object"] == "group" and e["name"] == sys.argv[2] and
           "owner-node" in e["change"] for e in evs)
assert any(e["object"] == "resource" and e["change"] == "state"
           for e in evs)' "$tmp/events.json" "$G"
check "events --notify-v1: version 1 group and resource state changes" \
	python3 -c '
import json, sys
evs = [json.loads(l) for l in open(sys.argv[1]).read().splitlines()]
assert evs and all(e["version"] == 1 for e in evs)
assert any(e["object"] == "group" and e["name"] == sys.argv[2] and
           "group-state" in e["change"] for e in evs)
assert any(e["object"] == "resource" and "resource-state" in e["change"]
           for e in evs)' "$tmp/events1.json" "$G"
check "a move with its output in a file: its results, no progress" \
	eval 'grep -q ERROR_IO_PENDING "$tmp/move.out" &&
	      ! grep -q "Pending" "$tmp/move.out"'

run move "bin/clusctl -N '$T' group move '$G' NodeC --wait=30; sleep 60"
check "a move on a terminal shows its progress" \
	wait_screen move "\[ *[0-9]*\.[0-9]*s\].*$G"
check "... and ends on NodeC" wait_owner NodeC
summary
