# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced by bench/run and bench/np_cpu.sh, after torture/lib/clusapid.sh
# and torture/lib/smbd_env.sh: clusapid and Samba's own RPC server
# behind one private smbd, for npbench. Needs root.
#
#   np_env_start DIR
#	a private smbd (smbd_env.sh) in DIR/smbd; an SMB password NP_PASS
#	for the unix user NP_USER (default daemon); samba-dcerpcd serving
#	only rpcd_lsad (lsarpc, samr, dssetup), started here in its own
#	process group, since smbd_env.sh's "rpc start on demand helpers =
#	no" makes smbd start none; clusapid (read access for authenticated
#	callers) with --np-socket-dir, its socket beside samba-dcerpcd's
#	in the np directory. Sets DCERPCD_PID and what the others set.
#   np_env_stop
#	stops all three, by pid.

NP_USER=${NP_USER:-daemon}
NP_PASS="Bench-$$-pw"
DCERPCD_BIN=${DCERPCD_BIN:-/usr/libexec/samba/samba-dcerpcd}
RPCD_LSAD=${RPCD_LSAD:-/usr/libexec/samba/rpcd_lsad}
DCERPCD_PID=

np_env_start() {
	mkdir -p "$1/clusapid" || return 1
	printf '[access]\n\tauthenticated = read\n' >"$1/access.conf"
	smbd_env_start "$1/smbd" || return 1
	smbd_env_add_user "$NP_USER" "$NP_PASS" || return 1
	setsid "$DCERPCD_BIN" -F --no-process-group --debug-stdout \
		-s "$SMBD_CONF" "$RPCD_LSAD" >"$1/dcerpcd.out" 2>&1 </dev/null &
	DCERPCD_PID=$!
	_i=0
	while [ ! -S "$SMBD_NCALRPC_DIR/np/samr" ]; do
		if ! kill -0 "$DCERPCD_PID" 2>/dev/null || [ $_i -ge 300 ]; then
			echo "samba-dcerpcd did not serve samr:" >&2
			tail -20 "$1/dcerpcd.out" >&2
			return 1
		fi
		sleep 0.1
		_i=$((_i + 1))
	done
	clusapid_start "$1/clusapid" --np-socket-dir "$SMBD_NCALRPC_DIR" \
		--access-config "$1/access.conf" --anonymous none -d 1
}

np_env_stop() {
	clusapid_stop >/dev/null 2>&1
	if [ -n "$DCERPCD_PID" ]; then
		# samba-dcerpcd leaves its rpcd_lsad processes running:
		# stop every process of the group it leads
		_pids=$(ps -o pid= -g "$DCERPCD_PID" 2>/dev/null)
		# shellcheck disable=SC2086 # a list of pids
		[ -z "$_pids" ] || kill -TERM $_pids 2>/dev/null
		wait "$DCERPCD_PID" 2>/dev/null
		DCERPCD_PID=
	fi
	smbd_env_stop
}
