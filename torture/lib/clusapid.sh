# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced by the suites: start and stop a clusapid on free loopback
# ports in a state directory of the suite's own.
#
#   clusapid_start DIR [clusapid options...]
#	starts bin/clusapid in the foreground mode in the background,
#	waits for DIR/endpoints and sets CLUSAPID_PID, CLUSAPID_PORT
#	(ncacn_ip_tcp) and CLUSAPID_EPM_PORT; returns 1 with the log on
#	stderr when the daemon does not come up. With CLUSAPID_TCP_PORT
#	set it listens on that port (a restart where clients wait for
#	it), else on any free one; its endpoint mapper on
#	CLUSAPID_EPM_PORT_WANTED (135 in a private network namespace),
#	else on any free one.
#   clusapid_stop
#	SIGTERM, then SIGKILL after 10 s; returns the daemon's exit code.
#   wait_for TEST PATH
#	waits up to 10 s for [ TEST PATH ] (-s: a capture's first bytes,
#	-S: a socket) to hold; returns whether it does.

CLUSAPID_BIN=${CLUSAPID_BIN:-bin/clusapid}

clusapid_start() {
	_dir=$1
	shift
	rm -f "$_dir/endpoints"
	# As root clusapid would serve smbd's system-wide pipe socket
	# (/run/samba/ncalrpc/np/clusapi): unless the test names its own
	# --np-socket-dir, none. (Once only: popt leaks a repeated value.)
	# The same for the endpoint mapper: any free port unless the test
	# names one.
	_np="--np-socket-dir none"
	case " $* " in
	*" --np-socket-dir "*|*" --np-socket-dir="*) _np= ;;
	esac
	_epm="--epm-port ${CLUSAPID_EPM_PORT_WANTED:-0}"
	case " $* " in
	*" --epm-port "*|*" --epm-port="*) _epm= ;;
	esac
	# The machine's /etc/clusapi/clusapid.conf is not the test's: no
	# configuration file unless the test names one.
	_conf="-s none"
	case " $* " in
	*" -s "*|*" --configfile "*|*" --configfile="*) _conf= ;;
	esac
	# a sanitizer build: leaks inside Samba's libraries are not ours
	LSAN_OPTIONS="suppressions=$(pwd)/torture/lib/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
	export LSAN_OPTIONS
	# shellcheck disable=SC2086 # $_np, $_epm, $_conf: two words or none
	${CLUSAPID_WRAPPER:-} "$CLUSAPID_BIN" --foreground --state-dir "$_dir" \
		--listen 127.0.0.1 --tcp-port "${CLUSAPID_TCP_PORT:-0}" \
		$_conf $_epm $_np "$@" \
		>>"$_dir/clusapid.log" 2>&1 &
	CLUSAPID_PID=$!
	# generous: valgrind takes seconds to start on a loaded machine
	_i=0
	while [ $_i -lt 600 ]; do
		if [ -s "$_dir/endpoints" ] &&
		   grep -q '^epm ' "$_dir/endpoints"; then
			break
		fi
		if ! kill -0 "$CLUSAPID_PID" 2>/dev/null; then
			echo "clusapid exited at start:" >&2
			cat "$_dir/clusapid.log" >&2
			return 1
		fi
		sleep 0.1
		_i=$((_i + 1))
	done
	CLUSAPID_PORT=$(sed -n 's/^clusapi ncacn_ip_tcp:.*\[\([0-9]*\)\]$/\1/p' \
		"$_dir/endpoints")
	CLUSAPID_EPM_PORT=$(sed -n 's/^epm ncacn_ip_tcp:.*\[\([0-9]*\)\]$/\1/p' \
		"$_dir/endpoints")
	if [ -z "$CLUSAPID_PORT" ]; then
		echo "clusapid did not write its endpoints in 60 s" >&2
		cat "$_dir/clusapid.log" >&2
		return 1
	fi
	return 0
}

clusapid_stop() {
	[ -n "${CLUSAPID_PID:-}" ] || return 0
	kill -TERM "$CLUSAPID_PID" 2>/dev/null
	_i=0
	while kill -0 "$CLUSAPID_PID" 2>/dev/null && [ $_i -lt 100 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	if kill -0 "$CLUSAPID_PID" 2>/dev/null; then
		echo "clusapid ignored SIGTERM for 10 s: killing it" >&2
		kill -KILL "$CLUSAPID_PID" 2>/dev/null
	fi
	wait "$CLUSAPID_PID"
	_rc=$?
	CLUSAPID_PID=
	return $_rc
}

wait_for() {
	_i=0
	while [ ! "$1" "$2" ] && [ $_i -lt 100 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	[ "$1" "$2" ]
}
