#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# clusapid killed with SIGKILL under load and restarted on the same
# store and port: 64 clients (bin/clusload) mixing reads and moves over
# ncacn_ip_tcp on 200 groups see only clean errors (NTSTATUS codes that
# say the connection is gone), every one of them reconnects and goes
# on; every move acknowledged to a client before the kill is in the
# restarted store, and at the end every group is where the last move a
# client saw end left it; the group set is exactly the one before
# (names and ids: nothing lost or duplicated) and, once the restart has
# settled, every group is Online or Offline on a real node. Durations
# are fixed (the load runs 10 s, or until the clients are back, 120 s
# at most); nothing is timed.

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
. torture/lib/suite.sh
. torture/lib/load.sh

SECONDS_LOAD=10

load_pid=
suite_atexit='[ -n "$load_pid" ] && kill "$load_pid" 2>/dev/null'
suite_begin kill

start() {
	clusapid_start "$tmp/state" --config "$tmp/load.conf" \
		--anonymous full --move-delay-ms 20 -d 1
}

load_config "$tmp/load.conf" $NGROUPS
mkdir "$tmp/state"
if ! start; then
	check "clusapid starts" false
	summary
fi
port=$CLUSAPID_PORT
binding="ncacn_ip_tcp:127.0.0.1[$port]"
load_groups "$binding" >"$tmp/before"
check "$NGROUPS groups to begin with" load_groups_check "$tmp/before" $NGROUPS

bin/clusload -c $CLIENTS -t $SECONDS_LOAD -g $NGROUPS --recover \
	--checkpoint "$tmp/checkpoint" "$binding" >"$tmp/load.out" 2>&1 &
load_pid=$!
if ! load_wait_started "$tmp/load.out" "$load_pid"; then
	cat "$tmp/load.out"
	check "the clients connect" false
	summary
fi

# In the middle of the load, moves under way and waits listening,
# clusapid is killed. Then clusload writes where each group's last
# acknowledged move left it and stops itself while clusapid restarts,
# so that the restarted store can be compared with it.
sleep 3
pending=$(load_groups "$binding" 2>/dev/null | cut -f3 | grep -cx Pending)
kill -KILL "$CLUSAPID_PID"
wait "$CLUSAPID_PID" 2>/dev/null
CLUSAPID_PID=
echo "clusapid killed with SIGKILL, $pending groups Pending a moment before"
kill -USR1 "$load_pid"
stopped() {
	[ -s "$tmp/checkpoint" ] &&
		ps -o stat= -p "$load_pid" 2>/dev/null | grep -q '^T'
}
i=0
while ! stopped && [ $i -lt 600 ]; do
	sleep 0.1
	i=$((i + 1))
done
check "clusload wrote its checkpoint and stopped" stopped
lines=$(wc -l <"$tmp/state/clusapid.log")
CLUSAPID_TCP_PORT=$port start
rc=$?
same_port() { [ $rc -eq 0 ] && [ "$CLUSAPID_PORT" = "$port" ]; }
check "clusapid restarts on the same store and port $port" same_port
settling=$(tail -n +$((lines + 1)) "$tmp/state/clusapid.log" |
	grep -c 'had an operation in flight; settling it')
echo "    the restarted clusapid settled $settling interrupted operations"
load_groups "$binding" >"$tmp/restarted"
kill -CONT "$load_pid"
# every move acknowledged before the kill is in the restarted store
python3 - "$tmp/checkpoint" "$tmp/restarted" >"$tmp/durable" <<'EOF'
import sys
acked = dict(l.rstrip("\n").split("\t") for l in open(sys.argv[1]))
now = dict((r[0], r[3]) for r in
           (l.rstrip("\n").split("\t") for l in open(sys.argv[2])))
known = [g for g in acked if acked[g] != "?"]
bad = [g for g in known if now.get(g) != acked[g]]
for g in bad[:10]:
    print("    %s: acknowledged on %s, on %s after the restart"
          % (g, acked[g], now.get(g)))
print("%d %d %d" % (len(known), len(acked) - len(known), len(bad)))
EOF
sed '$d' "$tmp/durable"
read -r nknown nunknown nbad <<EOF
$(tail -n1 "$tmp/durable")
EOF
durable() { [ "${nbad:-1}" -eq 0 ] && [ "${nknown:-0}" -gt 0 ]; }
check "every move acknowledged before the kill survived it: $nknown groups \
where their last move ended, $nunknown with one under way or none seen" \
	durable

wait "$load_pid"
rc=$?
load_pid=
sed 's/^/    /' "$tmp/load.out"
check "clusload: no unclean outcome, no hang, no crash (exit $rc)" \
	[ $rc -eq 0 ]
lost=$(load_field "$tmp/load.out" clients_lost)
recovered=$(load_field "$tmp/load.out" clients_recovered)
errors=$(load_field "$tmp/load.out" errors)
check "the clients saw the kill: $lost lost their connection, $errors \
clean errors" [ "${lost:-0}" -gt 0 ]
check "... and all $recovered of them reconnected and went on" \
	[ "${recovered:--1}" = "${lost:-0}" ]

load_check_end "$binding" $NGROUPS "$tmp/before" "$tmp/after" \
	"after the restart"
echo "    owners after: $(cut -f4 "$tmp/after" | sort | uniq -c |
	awk '{ printf "%s %s  ", $1, $2 }')"

check "clusapid stops cleanly after it" clusapid_stop

summary
