#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# SIGHUP: clusapid reads its configuration file again.  What can change
# at run time changes (here the anonymous policy and the log level), what
# needs a restart is named in one log line, and a broken file changes
# nothing and says so in one error line.

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
. torture/lib/suite.sh

suite_begin reload

conf=$tmp/clusapid.conf
log=$tmp/state/clusapid.log

# hup PATTERN [PID]: SIGHUP (to our clusapid), then wait for a new log
# line matching PATTERN
hup() {
	_n=$(grep -c "$1" "$log")
	kill -HUP "${2:-$CLUSAPID_PID}"
	_i=0
	while [ "$(grep -c "$1" "$log")" -le "$_n" ] && [ $_i -lt 100 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
}

# write: can an anonymous caller change the cluster?
write() {
	clusctl property set cluster "Description=$1" >/dev/null 2>&1
}

printf '[global]\n\tanonymous = full\n\tdebuglevel = 3\n' >"$conf"
mkdir "$tmp/state"
if ! clusapid_start "$tmp/state" -s "$conf"; then
	check "clusapid starts" false
	summary
fi
check "the file's anonymous = full: a write is accepted" write one
clusctl property set group "Cluster Group" GroupType=1 2>/dev/null
check "at debuglevel 3 no information lines" \
	eval '! grep -q "read-only or unknown" "$log"'

printf '[global]\n\tanonymous = read\n\tdebuglevel = 5\n' >"$conf"
hup "reloaded the settings"
check "reload says where the settings come from" \
	grep -q "reloaded the settings from $conf and the command line" "$log"
check "anonymous = read now: a write is refused" eval '! write two'
clusctl property set cluster Description=x 2>"$tmp/err"
check "... with ERROR_ACCESS_DENIED" grep -q ERROR_ACCESS_DENIED "$tmp/err"
check "nothing to restart for: no such line" \
	eval '! grep -q "takes a restart" "$log"'

printf '[global]\nanonymous = full\ndebuglevel = 5\nlog file = %s\nconfig = %s\n' \
	"$tmp/other.log" "$conf" >"$conf"
hup "takes a restart"
check "what needs a restart is named in one line" \
	grep -q "reload: config, log-file changed; that takes a restart" \
	"$log"
check "... and the rest applied: a write is accepted" write three
clusctl property set group "Cluster Group" GroupType=1 2>/dev/null
check "... debuglevel = 5: information lines now" \
	grep -q "GroupType: read-only or unknown" "$log"

printf '[global]\nanonymous = read\nmax handles = lots\n' >"$conf"
hup "the old settings stay"
check "a broken file: one error line with file and line" \
	grep -q "reload: $conf:3: max handles: 'lots' is not a number.*; the old settings stay" \
	"$log"
check "... and nothing of it applied: a write is still accepted" \
	write four
check "the cluster has the last write" test "$(clusctl --json property \
	get cluster Description | py 'j["properties"][0]["value"]')" = four

printf '[global]\nanonymous = read\naccess config = %s/none\n' "$tmp" \
	>"$conf"
hup "the old settings stay"
check "an access file that cannot be read: the old settings stay" \
	write five

# a daemon (not -F) goes to "/": its relative -s and --state-dir are
# still those of where it was started
mkdir "$tmp/d"
printf '[global]\nanonymous = full\n' >"$tmp/d/c.conf"
bin=$CLUSAPID_BIN
case $bin in /*) ;; *) bin=$top/$bin ;; esac
(cd "$tmp/d" && "$bin" -s c.conf --state-dir st --listen 127.0.0.1 \
	--tcp-port 0 --epm-port 0 --np-socket-dir none 2>"$tmp/d/start.log")
dpid=$(cat "$tmp/d/st/clusapid.pid" 2>/dev/null)
check "a daemon started with relative paths" test -n "$dpid"
if [ -n "$dpid" ]; then
	log=$tmp/d/st/clusapid.log
	hup "reloaded the settings" "$dpid"
	check "... reloads its file, found from where it started" \
		grep -q "reloaded the settings from $tmp/d/c.conf" "$log"
	check "... and sees no change needing a restart" \
		eval '! grep -q "takes a restart" "$log"'
	kill -TERM "$dpid"
	_i=0
	while kill -0 "$dpid" 2>/dev/null && [ $_i -lt 100 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
fi
summary
