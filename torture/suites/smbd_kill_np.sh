#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# smbd killed under load: clusapid serves ncacn_ip_tcp and, behind a
# private smbd (torture/lib/smbd_env.sh), ncacn_np. 32 clusload clients
# over TCP and 8 over the pipe mix reads and moves on 200 groups; in
# the middle smbd and its children get SIGKILL, and smbd is started
# again on the same smb.conf and port. The TCP clients must not notice
# (no error at all); the pipe clients get clean errors only, and all of
# them reconnect through the new smbd and go on; clusapid keeps
# running; the groups end as they began. Durations are fixed (10 s of
# load, longer only while pipe clients are not yet back, 120 s at
# most); nothing is timed. Needs root (smbd).

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
. torture/lib/clusapid.sh
. torture/lib/smbd_env.sh
. torture/lib/load.sh

NP_ADMIN_USER=${NP_ADMIN_USER:-daemon}
TCP_CLIENTS=32
NP_CLIENTS=8
SECONDS_LOAD=10

. torture/lib/check.sh

if [ "$(id -u)" -ne 0 ]; then
	echo "SKIP: ncacn_np through smbd needs root (smbd, root-only socket)"
	summary
fi
if ! id "$NP_ADMIN_USER" >/dev/null 2>&1; then
	check "no unix user $NP_ADMIN_USER (set NP_ADMIN_USER)" false
	summary
fi

. torture/lib/suite.sh
tcp_pid=
np_pid=
# smbd goes after the clusapid behind it
suite_atexit='[ -n "$tcp_pid" ] && kill "$tcp_pid" 2>/dev/null
	[ -n "$np_pid" ] && kill "$np_pid" 2>/dev/null
	clusapid_stop >/dev/null 2>&1; smbd_env_stop'
suite_begin smbdkill

admin_pass="Adm-$$-pw1"
np_binding='ncacn_np:127.0.0.1[\pipe\clusapi]'

if ! smbd_env_start "$tmp/smbd" ||
   ! smbd_env_add_user "$NP_ADMIN_USER" "$admin_pass"; then
	check "smbd starts" false
	summary
fi
cat >"$tmp/access.conf" <<EOF
[access]
	admin groups = $(id -gn "$NP_ADMIN_USER")
	authenticated = read
EOF
load_config "$tmp/load.conf" $NGROUPS
mkdir "$tmp/state"
if ! clusapid_start "$tmp/state" --config "$tmp/load.conf" \
	--np-socket-dir "$SMBD_NCALRPC_DIR" --access-config "$tmp/access.conf" \
	--anonymous full --move-delay-ms 20 -d 1; then
	check "clusapid starts behind smbd" false
	summary
fi
tcp_binding="ncacn_ip_tcp:127.0.0.1[$CLUSAPID_PORT]"
load_groups "$tcp_binding" >"$tmp/before"

# each on groups of its own, so each can check where its moves left them
bin/clusload -c $TCP_CLIENTS -t $SECONDS_LOAD -g $NGROUPS --seed 11 \
	--only 1-150 "$tcp_binding" >"$tmp/tcp.out" 2>&1 &
tcp_pid=$!
bin/clusload -c $NP_CLIENTS -t $SECONDS_LOAD -g $NGROUPS --seed 12 \
	--only 151-200 --recover -U "$NP_ADMIN_USER%$admin_pass" \
	--option "smb ports=$SMBD_PORT" "$np_binding" >"$tmp/np.out" 2>&1 &
np_pid=$!
if ! load_wait_started "$tmp/tcp.out" "$tcp_pid" ||
   ! load_wait_started "$tmp/np.out" "$np_pid"; then
	cat "$tmp/tcp.out" "$tmp/np.out"
	check "the clients connect" false
	summary
fi

sleep 3
nsmbd=$(ps -o pid= -s "$SMBD_PID" | wc -l)
smbd_env_kill
echo "smbd and its children ($nsmbd processes) killed with SIGKILL"
sleep 1
smbd_env_launch "$tmp/smbd"
rc=$?
check "smbd starts again on port $SMBD_PORT" [ $rc -eq 0 ]

wait "$tcp_pid"
tcp_rc=$?
tcp_pid=
wait "$np_pid"
np_rc=$?
np_pid=
echo "over TCP:"
sed 's/^/    /' "$tmp/tcp.out"
echo "over ncacn_np:"
sed 's/^/    /' "$tmp/np.out"

tcp_errors=$(load_field "$tmp/tcp.out" errors)
tcp_ops=$(load_field "$tmp/tcp.out" ops)
tcp_ok() { [ $tcp_rc -eq 0 ] && [ "${tcp_errors:-1}" -eq 0 ]; }
check "TCP clients unaffected: $tcp_ops operations, ${tcp_errors:-?} \
errors (exit $tcp_rc)" tcp_ok
lost=$(load_field "$tmp/np.out" clients_lost)
recovered=$(load_field "$tmp/np.out" clients_recovered)
np_errors=$(load_field "$tmp/np.out" errors)
check "pipe clients: only clean errors, no hang, no crash (exit $np_rc)" \
	[ $np_rc -eq 0 ]
check "... $lost of $NP_CLIENTS lost their pipe, $np_errors clean errors" \
	[ "${lost:-0}" -gt 0 ]
check "... and all $recovered reconnected through the new smbd" \
	[ "${recovered:--1}" = "${lost:-0}" ]
check "clusapid still running" kill -0 "$CLUSAPID_PID"

load_check_end "$tcp_binding" $NGROUPS "$tmp/before" "$tmp/after"
check "clusapid stops cleanly after it" clusapid_stop

summary
