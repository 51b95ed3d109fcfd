#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# torture/demo_admin, issue 14's walkthrough, runs to its end and its
# transcript shows each step: the private properties read back, the
# dependency, the status --watch pane before (NodeA), during (Pending)
# and after (NodeB) the move, and events --json lines of the move.

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
. torture/lib/check.sh

out=$(mktemp /tmp/clusapi-demo-admin-out.XXXXXX)
trap 'rm -f "$out"' EXIT
torture/demo_admin >"$out" 2>&1
rc=$?
check "torture/demo_admin runs to its end" test "$rc" -eq 0
[ "$rc" -eq 0 ] || cat "$out"
check "the private property read back" \
	grep -q "^ServiceName  *SZ  *rw  httpd$" "$out"
check "the dependency" grep -q "^Expression: \[Web Address\]$" "$out"
check "the pane before the move: on NodeA" eval \
	'sed -n "/pane, before/,/^---$/p" "$out" |
	 grep -q "Web Group  *Online  *on NodeA"'
check "the pane during the move: Pending" eval \
	'sed -n "/pane, during/,/^---$/p" "$out" |
	 grep -q "Web Group  *Pending"'
check "the pane after the move: on NodeB" eval \
	'sed -n "/pane, after/,/^---$/p" "$out" |
	 grep -q "Web Group  *Online  *on NodeB"'
check "events --json: the move's events, each a JSON object" python3 -c '
import json, sys
text = open(sys.argv[1]).read()
lines = text.split("--- events.json")[1].split("\n---\n")[0]
evs = [json.loads(l) for l in lines.splitlines()[1:] if l]
assert any(e["object"] == "group" and e["name"] == "Web Group" and
           e["change"] == "owner-node" for e in evs), evs
assert any(e["object"] == "node" and e["name"] == "NodeB" and
           e["change"] == "group-gained" for e in evs), evs' "$out"
check "the group ends on NodeB" \
	grep -q "^OwnerNode  *: NodeB$" "$out"
summary
