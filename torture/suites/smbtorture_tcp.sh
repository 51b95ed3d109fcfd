#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Samba's own smbtorture rpc.clusapi suite, written against Windows,
# against clusapid over ncacn_ip_tcp; the traffic is captured and must
# hold no packet Wireshark's dissector calls malformed, and the daemon
# must stop cleanly afterwards. Prints a cmocka-style summary for
# torture/run_tests.
#
# CLUSAPID_WRAPPER (e.g. "valgrind --error-exitcode=99 ...") runs the
# daemon under a checker; its exit code then decides the clean stop.

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
. torture/lib/clusapid.sh

. torture/lib/suite.sh
dumpcap_pid=
suite_atexit='[ -n "$dumpcap_pid" ] && kill "$dumpcap_pid" 2>/dev/null'
suite_begin smbtorture
. torture/lib/smbtorture.sh

mkdir "$tmp/state"
if ! clusapid_start "$tmp/state" --anonymous full; then
	fail "clusapid start"
	summary
fi
binding="ncacn_ip_tcp:127.0.0.1[$CLUSAPID_PORT]"

# dumpcap writes the pcapng header as soon as it captures
dumpcap -q -i lo -f "tcp port $CLUSAPID_PORT" -w "$tmp/clusapi.pcapng" \
	>"$tmp/dumpcap.log" 2>&1 &
dumpcap_pid=$!
wait_for -s "$tmp/clusapi.pcapng" ||
	fail "dumpcap did not start: $(cat "$tmp/dumpcap.log")"

smbtorture_clusapi "anonymous" "$binding" -U%

# let the last segments reach the capture before stopping it
sleep 0.5
kill -INT "$dumpcap_pid" 2>/dev/null
wait "$dumpcap_pid"
dumpcap_pid=

# Wireshark's DCE/RPC dissector, told the port is DCE/RPC
dissect() {
	tshark -n -r "$tmp/clusapi.pcapng" \
		-d "tcp.port==$CLUSAPID_PORT,dcerpc" -Y "$1" \
		-T fields -e frame.number 2>>"$tmp/tshark.log" | wc -l
}
: >"$tmp/tshark.log"
ncalls=$(dissect 'clusapi')
nbad=$(dissect '_ws.malformed || _ws.expert.severity >= error')
# tshark warns on stderr when run as root; anything else is an error
grep -v '^Running as user' "$tmp/tshark.log" >"$tmp/tshark.err"
if [ -s "$tmp/tshark.err" ]; then
	fail "tshark: $(head -1 "$tmp/tshark.err")"
elif [ "$ncalls" -gt 0 ] && [ "$nbad" -eq 0 ]; then
	ok "tshark: $ncalls clusapi packets, none malformed"
else
	fail "tshark: $ncalls clusapi packets, $nbad malformed or in error"
	tshark -n -r "$tmp/clusapi.pcapng" \
		-d "tcp.port==$CLUSAPID_PORT,dcerpc" \
		-Y '_ws.malformed || _ws.expert.severity >= error' | head -20
fi

if clusapid_stop; then
	ok "clusapid stopped cleanly on SIGTERM"
else
	fail "clusapid exit code $? on SIGTERM (a checker's error code" \
	     "if it ran under one); log:"
	tail -50 "$tmp/state/clusapid.log"
fi

summary
