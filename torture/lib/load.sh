# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced by the load and fault suites, after clusapid.sh. The cluster
# is NodeA and NodeB with "Group 1" .. "Group N", one resource each,
# spread over the two nodes.
#
#   load_config FILE N
#	writes the cluster description with N groups to FILE.
#   load_groups BINDING
#	prints every group as a "name id state owner" line, sorted;
#	fails if clusctl does.
#   load_groups_check FILE N
#	checks a load_groups listing: N groups, no name or id twice,
#	each Online or Offline on NodeA or NodeB; prints what is wrong.
#   load_wait_settled BINDING FILE
#	polls load_groups into FILE until no group is Pending (60 s at
#	most: a bound, never a measurement).
#   load_wait_started OUT PID
#	waits until clusload (PID) has written "LOAD started" to OUT;
#	fails if it exits first or takes over 120 s.
#   load_field OUT NAME
#	the value of NAME=value in clusload's closing LOAD lines in OUT.
#   load_rss_kib PID
#	the resident memory of PID in KiB (VmRSS).
#   load_check_end BINDING N BEFORE AFTER [WHEN]
#	the checks (check.sh) every load suite ends with: no group left
#	Pending, each on a real node, none twice, and the same N groups
#	(names and ids) in AFTER as in the load_groups listing BEFORE;
#	WHEN ("after the restart") goes into the first check's name.

# The load the suites put on clusapid: NGROUPS groups, CLIENTS clients
NGROUPS=200
CLIENTS=64

load_config() {
	cat >"$1" <<EOF
[cluster]
name = LOAD
[node NodeA]
[node NodeB]
[restype Generic Application]
dll = clusres.dll
[groups]
count = $2
owner = spread
state = online
resources = 1
resource_type = Generic Application
EOF
}

load_groups() {
	bin/clusctl -N "$1" --json group list | python3 -c '
import json, sys
for g in json.load(sys.stdin)["groups"]:
    print("%s\t%s\t%s\t%s" % (g["name"], g["id"], g["state"],
                              g["owner_node"]))' | sort
}

load_groups_check() {
	python3 - "$1" "$2" <<'EOF'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
want = int(sys.argv[2])
bad = []
if len(rows) != want:
    bad.append("%d groups, want %d" % (len(rows), want))
for i, what in ((0, "name"), (1, "id")):
    vals = [r[i] for r in rows]
    dup = sorted(set(v for v in vals if vals.count(v) > 1))
    if dup:
        bad.append("%s twice: %s" % (what, ", ".join(dup[:5])))
for r in rows:
    if r[2] not in ("Online", "Offline") or r[3] not in ("NodeA", "NodeB"):
        bad.append("%s is %s on %s" % (r[0], r[2], r[3]))
for b in bad[:10]:
    print("    " + b)
sys.exit(1 if bad else 0)
EOF
}

load_wait_settled() {
	_i=0
	while [ $_i -lt 120 ]; do
		if load_groups "$1" >"$2" 2>/dev/null &&
		   [ -s "$2" ] && ! cut -f3 "$2" | grep -qx Pending; then
			return 0
		fi
		sleep 0.5
		_i=$((_i + 1))
	done
	return 1
}

load_wait_started() {
	_i=0
	while [ $_i -lt 1200 ]; do
		grep -q '^LOAD started' "$1" 2>/dev/null && return 0
		kill -0 "$2" 2>/dev/null || return 1
		sleep 0.1
		_i=$((_i + 1))
	done
	return 1
}

load_field() {
	sed -n -e '/^LOAD round /d' \
		-e "s/^LOAD .*\\<$2=\\([0-9.]*\\).*/\\1/p" "$1" | head -n1
}

load_rss_kib() {
	sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$1/status"
}

load_check_end() {
	_when=${5:+$5 }
	if load_wait_settled "$1" "$4"; then
		check "${_when}no group is left Pending" true
	else
		check "${_when}no group is left Pending (60 s)" false
	fi
	check "every group Online or Offline on a real node, none twice" \
		load_groups_check "$4" "$2"
	cut -f1,2 "$3" >"$3.ids"
	cut -f1,2 "$4" >"$4.ids"
	check "the same $2 groups, same ids: nothing lost or duplicated" \
		cmp -s "$3.ids" "$4.ids"
}
