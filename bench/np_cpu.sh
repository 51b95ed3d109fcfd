#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Where the time of an ncacn_np figure goes: runs one npbench figure
# (sync, inflight or conns) and prints the CPU time each process spent
# while it ran, per call: clusapid and Samba's rpcd_lsad, the smbd
# processes serving the pipes, npbench itself. Needs root.
#
# Usage: bench/np_cpu.sh [sync|inflight|conns]

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
. torture/lib/clusapid.sh
. torture/lib/smbd_env.sh
. bench/np_env.sh

mode=${1:-inflight}
tmp=$(mktemp -d /tmp/clusapi-npcpu.XXXXXX)
trap 'np_env_stop; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

np_env_start "$tmp/np" || exit 1
bin/npbench 127.0.0.1 "$SMBD_PORT" "$NP_USER%$NP_PASS" "$mode" &
np=$!

# "pid name ticks" of every process of interest
snap() {
	for _p in "$CLUSAPID_PID" $(ps -o pid= --ppid "$SMBD_PID") \
		  $(ps -o pid= -g "$DCERPCD_PID") "$np"; do
		awk '{ print $1, $2, $14 + $15 }' "/proc/$_p/stat" \
			2>/dev/null
	done | sort
}
# after the connections are set up; then the last sample taken while
# npbench still ran (its smbd processes go away with it)
sleep 1.5
snap >"$tmp/before"
while kill -0 "$np" 2>/dev/null; do
	snap >"$tmp/now"
	kill -0 "$np" 2>/dev/null && mv "$tmp/now" "$tmp/after"
	sleep 0.1
done
wait "$np" || exit 1
# 2000 calls per run, 5 runs plus most of the warm-up: about 11,000
# calls per side in the sample, 22,000 for npbench (both sides). The
# smbd of \pipe\clusapi has the lower pid: npbench connects it first.
hz=$(getconf CLK_TCK)
join "$tmp/before" "$tmp/after" | awk -v hz="$hz" '
	$5 > $3 {
		n = $2 == "(npbench)" ? 22000 : 11000
		printf "    %-8s %-12s %6.0f ms CPU, ~%.1f us per call%s\n",
		       $1, $2, ($5 - $3) * 1000 / hz,
		       ($5 - $3) * 1e6 / hz / n,
		       n == 22000 ? " (both sides)" : ""
	}'
