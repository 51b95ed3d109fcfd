# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced by the suites: a private smbd (Debian's samba) on a free
# loopback port, everything under one directory of the suite's own, so
# ncacn_np can be tested against clusapid through a real smbd. Needs
# root (smbd serves as root, and hands pipes only to root-owned sockets).
#
#   smbd_env_start DIR
#	writes DIR/smb.conf (state, locks, passdb, ncalrpc dir, log under
#	DIR), starts smbd in the foreground mode in the background and
#	waits until it accepts connections. Sets SMBD_PID, SMBD_PORT,
#	SMBD_CONF and SMBD_NCALRPC_DIR (give it to clusapid as
#	--np-socket-dir). Extra [global] lines may be passed in
#	SMBD_ENV_GLOBAL. Returns 1 with the log on stderr on failure.
#   smbd_env_add_user USER PASSWORD
#	gives the existing unix user USER an SMB password in DIR's passdb.
#   smbd_env_kill
#	SIGKILL to smbd and the children it forked for clients (its
#	session), by pid.
#   smbd_env_launch DIR
#	starts smbd again on the smb.conf smbd_env_start wrote in DIR
#	(same port, same passdb) and waits until it accepts connections.
#   smbd_env_stop
#	stops smbd and the children it forked for clients, by pid:
#	SIGTERM, then SIGKILL after 10 s.
#
# smbd 4.17 forwards every named pipe to <ncalrpc dir>/np/<pipe>; with
# "rpc start on demand helpers = no" it never starts samba-dcerpcd for a
# pipe nobody serves, so a clusapid that is not there shows as a failed
# open instead of a helper process running behind our back.

SMBD_BIN=${SMBD_BIN:-smbd}

smbd_env_free_port() {
	python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

# Succeeds once 127.0.0.1:$1 accepts a connection
smbd_env_port_open() {
	python3 -c 'import socket, sys
s = socket.socket()
s.settimeout(1)
sys.exit(0 if s.connect_ex(("127.0.0.1", int(sys.argv[1]))) == 0 else 1)' "$1"
}

smbd_env_start() {
	_sdir=$1
	SMBD_PORT=$(smbd_env_free_port) || return 1
	SMBD_CONF=$_sdir/smb.conf
	SMBD_NCALRPC_DIR=$_sdir/ncalrpc
	mkdir -p "$_sdir/private" "$_sdir/binddns" "$_sdir/lock" \
		"$_sdir/state" "$_sdir/cache" "$_sdir/pid" "$_sdir/share" \
		"$SMBD_NCALRPC_DIR" || return 1
	chmod 0700 "$_sdir/private"
	cat >"$SMBD_CONF" <<EOF
[global]
	server role = standalone server
	security = user
	workgroup = CLUSTEST
	netbios name = CLUSTEST
	passdb backend = tdbsam:$_sdir/private/passdb.tdb
	private dir = $_sdir/private
	binddns dir = $_sdir/binddns
	lock directory = $_sdir/lock
	state directory = $_sdir/state
	cache directory = $_sdir/cache
	pid directory = $_sdir/pid
	ncalrpc dir = $SMBD_NCALRPC_DIR
	log file = $_sdir/smbd.log
	log level = 1
	smb ports = $SMBD_PORT
	interfaces = lo
	bind interfaces only = yes
	disable netbios = yes
	load printers = no
	printing = bsd
	printcap name = /dev/null
	disable spoolss = yes
	include system krb5 conf = no
	server min protocol = SMB2_02
	rpc start on demand helpers = no
$(printf '%s\n' "${SMBD_ENV_GLOBAL:-}" | sed 's/^/\t/')

[share]
	path = $_sdir/share
	read only = yes
EOF
	smbd_env_launch "$_sdir"
}

# Start smbd on DIR's smb.conf, as it is, and wait until it listens
smbd_env_launch() {
	_sdir=$1
	setsid "$SMBD_BIN" -F --no-process-group --debug-stdout \
		-s "$SMBD_CONF" >>"$_sdir/smbd.out" 2>&1 </dev/null &
	SMBD_PID=$!
	_i=0
	while [ $_i -lt 300 ]; do
		if smbd_env_port_open "$SMBD_PORT"; then
			return 0
		fi
		if ! kill -0 "$SMBD_PID" 2>/dev/null; then
			echo "smbd exited at start:" >&2
			tail -30 "$_sdir/smbd.out" >&2
			SMBD_PID=
			return 1
		fi
		sleep 0.1
		_i=$((_i + 1))
	done
	echo "smbd did not listen on port $SMBD_PORT in 30 s:" >&2
	tail -30 "$_sdir/smbd.out" >&2
	return 1
}

smbd_env_kill() {
	[ -n "${SMBD_PID:-}" ] || return 0
	# stopped, it forks no child between the listing and the kill;
	# setsid made it a session leader: its session is smbd and its
	# children
	kill -STOP "$SMBD_PID" 2>/dev/null
	_kids=$(ps -o pid= -s "$SMBD_PID" 2>/dev/null)
	# shellcheck disable=SC2086 # one word per pid
	kill -KILL "$SMBD_PID" $_kids 2>/dev/null
	wait "$SMBD_PID" 2>/dev/null
	SMBD_PID=
}

smbd_env_add_user() {
	printf '%s\n%s\n' "$2" "$2" |
		smbpasswd -c "$SMBD_CONF" -s -a "$1" >/dev/null
}

smbd_env_stop() {
	[ -n "${SMBD_PID:-}" ] || return 0
	# the children serving clients: ours to stop as well
	_kids=$(ps -o pid= --ppid "$SMBD_PID" 2>/dev/null)
	kill -TERM "$SMBD_PID" $_kids 2>/dev/null
	_i=0
	while kill -0 "$SMBD_PID" 2>/dev/null && [ $_i -lt 100 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	for _p in "$SMBD_PID" $_kids; do
		# still an smbd: the pid cannot have been reused meanwhile
		if [ "$(ps -o comm= -p "$_p" 2>/dev/null)" = smbd ]; then
			echo "smbd process $_p ignored SIGTERM: killing it" >&2
			kill -KILL "$_p" 2>/dev/null
		fi
	done
	wait "$SMBD_PID" 2>/dev/null
	SMBD_PID=
	return 0
}
