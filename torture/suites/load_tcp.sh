#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Load over ncacn_ip_tcp: 64 clients (bin/clusload) mixing reads and
# moves on 200 groups, in rounds of a fixed time against one clusapid.
# Every round must end with no error at all; afterwards the groups are
# the same names and ids, each Online or Offline on a real node. The
# server's resident memory (VmRSS) is read after a warm-up round and
# after each of the further rounds, when the clients are gone: it must
# not grow by more than LOAD_RSS_SLACK_KIB, a generous bound for a
# flat figure: the line printed says how many bytes leaked per
# operation it takes to cross it (some 300 here). Nothing is timed.

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
. torture/lib/clusapid.sh
. torture/lib/load.sh

NGROUPS=200
CLIENTS=64
ROUND_SECONDS=${LOAD_ROUND_SECONDS:-6}
ROUNDS=${LOAD_ROUNDS:-4}		# the first is the warm-up
LOAD_RSS_SLACK_KIB=${LOAD_RSS_SLACK_KIB:-4096}

tmp=$(mktemp -d /tmp/clusapi-load.XXXXXX)
cleanup() {
	clusapid_stop >/dev/null 2>&1
	[ -n "${KEEP_TMP:-}" ] && echo "kept $tmp" && return
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

passed=0
failed=0
check() {
	name=$1
	shift
	if "$@"; then
		echo "PASS: $name"
		passed=$((passed + 1))
	else
		echo "FAIL: $name"
		failed=$((failed + 1))
	fi
}
summary() {
	echo "[  PASSED  ] $passed test(s)."
	[ "$failed" -eq 0 ] || echo "[  FAILED  ] $failed test(s)."
	[ "$failed" -eq 0 ]
	exit
}

load_config "$tmp/load.conf" $NGROUPS
mkdir "$tmp/state"
if ! clusapid_start "$tmp/state" --config "$tmp/load.conf" \
	--anonymous full --move-delay-ms 20 -d 1; then
	check "clusapid starts" false
	summary
fi
binding="ncacn_ip_tcp:127.0.0.1[$CLUSAPID_PORT]"
load_groups "$binding" >"$tmp/before"
cut -f1,2 "$tmp/before" >"$tmp/before.ids"
rss0=$(load_rss_kib "$CLUSAPID_PID")
echo "clusapid VmRSS at start: $rss0 KiB"

round=1
total_ops=0
total_moves=0
while [ $round -le "$ROUNDS" ]; do
	bin/clusload -c $CLIENTS -t "$ROUND_SECONDS" -g $NGROUPS \
		--seed $round "$binding" >"$tmp/round$round.out" 2>&1
	rc=$?
	sed 's/^/    /' "$tmp/round$round.out"
	errors=$(load_field "$tmp/round$round.out" errors)
	ops=$(load_field "$tmp/round$round.out" ops)
	moves=$(load_field "$tmp/round$round.out" moves_done)
	clean() { [ $rc -eq 0 ] && [ "${errors:-1}" -eq 0 ]; }
	check "round $round: $CLIENTS clients, $ops operations, $moves moves \
done, no error (exit $rc)" clean
	total_ops=$((total_ops + ${ops:-0}))
	total_moves=$((total_moves + ${moves:-0}))
	rss=$(load_rss_kib "$CLUSAPID_PID")
	echo "clusapid VmRSS after round $round: $rss KiB"
	[ $round -eq 1 ] && rss1=$rss && ops1=$total_ops
	round=$((round + 1))
done

growth=$((rss - rss1))
later_ops=$((total_ops - ops1))
echo "LOAD total: $total_ops operations, $total_moves moves done in" \
     "$ROUNDS rounds of $ROUND_SECONDS s"
echo "LOAD memory: VmRSS $rss0 KiB at start, $rss1 KiB after the" \
     "warm-up round, $rss KiB after $((ROUNDS - 1)) more rounds" \
     "($later_ops operations): growth $growth KiB," \
     "$(awk "BEGIN { printf \"%.1f\", $growth * 1024 / ($later_ops + 1) }")" \
     "bytes per operation; the bound is crossed by a leak of" \
     "$((LOAD_RSS_SLACK_KIB * 1024 / (later_ops + 1))) bytes per operation"
check "memory: growth $growth KiB after the warm-up is under \
$LOAD_RSS_SLACK_KIB KiB" [ "$growth" -lt "$LOAD_RSS_SLACK_KIB" ]

if load_wait_settled "$binding" "$tmp/after"; then
	check "no group left Pending" true
else
	check "no group left Pending (60 s)" false
fi
check "every group Online or Offline on a real node, none twice" \
	load_groups_check "$tmp/after" $NGROUPS
cut -f1,2 "$tmp/after" >"$tmp/after.ids"
check "the same $NGROUPS groups, same ids: nothing lost or duplicated" \
	cmp -s "$tmp/before.ids" "$tmp/after.ids"
check "clusapid stops cleanly after it" clusapid_stop

summary
