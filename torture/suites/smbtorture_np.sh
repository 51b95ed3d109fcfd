#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# ncacn_np through a real smbd: a private smbd on a loopback port
# (torture/lib/smbd_env.sh) hands \pipe\clusapi to clusapid, which runs
# behind it with --np-socket-dir. Samba's smbtorture rpc.clusapi runs
# over the pipe as an administrator, with and without SMB3 encryption;
# the access policy is checked with clusctl (a read-only user and an
# anonymous caller cannot move a group, and nothing changes); malformed
# handshakes must close only their own connection; a stale socket is
# replaced, a live one is not taken over. Needs root (smbd). Prints a
# cmocka-style summary for torture/run_tests.
#
# The users are existing system accounts, so nothing outside the test
# directory changes: SMB passwords live in the private smbd's passdb.
# NP_ADMIN_USER is an administrator through the access policy's
# "admin groups" (its primary group), NP_READ_USER is not.

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
. torture/lib/clusapid.sh
. torture/lib/smbd_env.sh

NP_ADMIN_USER=${NP_ADMIN_USER:-daemon}
NP_READ_USER=${NP_READ_USER:-bin}
GROUP="Application Group"

. torture/lib/check.sh
. torture/lib/smbtorture.sh

if [ "$(id -u)" -ne 0 ]; then
	echo "SKIP: ncacn_np through smbd needs root (smbd, root-only socket)"
	summary
fi
for u in "$NP_ADMIN_USER" "$NP_READ_USER"; do
	if ! id "$u" >/dev/null 2>&1; then
		fail "no unix user $u (set NP_ADMIN_USER, NP_READ_USER)"
		summary
	fi
done

. torture/lib/suite.sh
# smbd goes after the clusapid behind it
suite_atexit='clusapid_stop >/dev/null 2>&1; smbd_env_stop'
suite_begin np

admin_pass="Adm-$$-pw1"
read_pass="Rd-$$-pw2"
binding='ncacn_np:127.0.0.1[\pipe\clusapi]'

if ! smbd_env_start "$tmp/smbd"; then
	fail "smbd start"
	summary
fi
if ! smbd_env_add_user "$NP_ADMIN_USER" "$admin_pass" ||
   ! smbd_env_add_user "$NP_READ_USER" "$read_pass"; then
	fail "smbpasswd -a"
	summary
fi
np_dir=$SMBD_NCALRPC_DIR/np
sock=$np_dir/clusapi

cat >"$tmp/access.conf" <<EOF
[access]
	admin groups = $(id -gn "$NP_ADMIN_USER")
	authenticated = read
EOF

# A clusapid with a fresh state behind smbd: start_clusapid NAME [opts]
start_clusapid() {
	mkdir -p "$tmp/$1"
	_name=$1
	shift
	clusapid_start "$tmp/$_name" --np-socket-dir "$SMBD_NCALRPC_DIR" \
		--access-config "$tmp/access.conf" --move-delay-ms 1000 -d 5 \
		"$@"
}

clusctl_as() {
	_user=$1
	shift
	timeout 60 bin/clusctl -U "$_user" --option="smb ports=$SMBD_PORT" \
		"$binding" "$@"
}

owner_of() {
	clusctl_as "$NP_READ_USER%$read_pass" group show "$1" 2>/dev/null |
		sed -n 's/^OwnerNode *: *//p'
}

# smbtorture rpc.clusapi over the pipe: run_smbtorture LABEL [options]
run_smbtorture() {
	_label=$1
	shift
	smbtorture_clusapi "ncacn_np, $_label" "$binding" \
		-U "$NP_ADMIN_USER%$admin_pass" \
		--option="smb ports=$SMBD_PORT" "$@"
}

# --- the socket, and smbtorture as an administrator -----------------------

if ! start_clusapid plain --anonymous none; then
	fail "clusapid start with --np-socket-dir"
	summary
fi
if [ "$(stat -c '%a %U' "$np_dir")" = "700 root" ] &&
   [ "$(stat -c '%a %U %F' "$sock")" = "600 root socket" ]; then
	ok "socket $sock: root-only socket in a root-only directory"
else
	fail "socket modes:" \
	     "$(stat -c '%a %U %F' "$np_dir" "$sock" | tr '\n' ' ')"
fi
if setpriv --reuid=65534 --regid=65534 --clear-groups python3 -c '
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])' "$sock" 2>/dev/null; then
	fail "an unprivileged user could connect to $sock"
else
	ok "an unprivileged user cannot reach the socket"
fi

run_smbtorture "plain"

# --- access control --------------------------------------------------------

if ! clusapid_stop >/dev/null 2>&1; then
	fail "clusapid stop after smbtorture; log:"
	tail -30 "$tmp/plain/clusapid.log"
fi
if [ ! -e "$sock" ]; then
	ok "clusapid removes its socket when it stops"
else
	fail "clusapid left $sock behind"
fi
if ! start_clusapid access --anonymous none; then
	fail "clusapid start (access tests)"
	summary
fi

before=$(owner_of "$GROUP")
out=$(clusctl_as "$NP_READ_USER%$read_pass" group list 2>&1)
if [ $? -eq 0 ] && echo "$out" | grep -q "$GROUP"; then
	ok "a read-only user lists the groups"
else
	fail "a read-only user cannot list the groups: $out"
fi
out=$(clusctl_as "$NP_READ_USER%$read_pass" group move "$GROUP" NodeB 2>&1)
rc=$?
after=$(owner_of "$GROUP")
if [ $rc -ne 0 ] && echo "$out" | grep -q ERROR_ACCESS_DENIED &&
   [ -n "$before" ] && [ "$after" = "$before" ]; then
	ok "a read-only user cannot move a group: ERROR_ACCESS_DENIED," \
	   "still on $after"
else
	fail "read-only move: exit $rc, owner $before -> $after: $out"
fi
out=$(clusctl_as % group move "$GROUP" NodeB 2>&1)
rc=$?
after=$(owner_of "$GROUP")
if [ $rc -ne 0 ] && echo "$out" | grep -q ERROR_ACCESS_DENIED &&
   [ "$after" = "$before" ]; then
	ok "anonymous (--anonymous none) cannot move a group:" \
	   "ERROR_ACCESS_DENIED, still on $after"
else
	fail "anonymous move: exit $rc, owner $before -> $after: $out"
fi
out=$(clusctl_as "$NP_ADMIN_USER%$admin_pass" group move "$GROUP" NodeB \
	--wait=60 2>&1)
rc=$?
after=$(owner_of "$GROUP")
if [ $rc -eq 0 ] && [ "$after" = NodeB ]; then
	ok "an administrator (admin groups) moves the group to NodeB"
else
	fail "administrator move: exit $rc, owner $before -> $after: $out"
fi
# clusapid -d 5 logs who each pipe belongs to
connected() {
	grep -q "connected as CLUSTEST\\\\$1 (authenticated, $2)" "$3"
}
if connected "$NP_READ_USER" "read access" "$tmp/access/clusapid.log" &&
   connected "$NP_ADMIN_USER" "full access" "$tmp/access/clusapid.log"; then
	ok "the caller's identity comes from smbd's handshake"
else
	fail "no identities in the log (-d 5 shows them)"
fi

# --- malformed handshakes close only their connection ---------------------

python3 - "$sock" >"$tmp/malformed.out" 2>&1 <<'EOF' &
import socket, struct, sys, time

path = sys.argv[1]

def conn():
    s = socket.socket(socket.AF_UNIX)
    s.settimeout(15)
    s.connect(path)
    return s

def closed_by_server(name, data, hold=False):
    s = conn()
    s.sendall(data)
    if not hold:
        s.shutdown(socket.SHUT_WR)
    try:
        reply = s.recv(100)
    except socket.timeout:
        reply = b'timeout'
    print("%s: %s" % (name, "closed" if reply == b'' else repr(reply)))
    s.close()

# level 7 with every pointer NULL: well-formed NDR, but no caller
body = b'NPAM' + struct.pack('<II', 7, 7) + b'\x00' * 32
closed_by_server("garbage", struct.pack('>I', 52) +
                 b'NPAM' + struct.pack('<II', 7, 0xff) + b'\xff' * 40)
closed_by_server("wrong level", struct.pack('>I', 12) +
                 b'NPAM' + struct.pack('<II', 8, 8))
closed_by_server("truncated", struct.pack('>I', len(body)) + body[:10])
closed_by_server("zero length", struct.pack('>I', 0))
closed_by_server("too long", struct.pack('>I', 0x7fffffff))
closed_by_server("null session info", struct.pack('>I', len(body)) + body)
# one that says nothing more: the others are served meanwhile
s = conn()
s.sendall(b'\x00\x00')
time.sleep(3)
s.close()
print("silent: done")
EOF
py_pid=$!
sleep 1
out=$(clusctl_as "$NP_READ_USER%$read_pass" node list 2>&1)
rc=$?
wait $py_pid
cat "$tmp/malformed.out"
nclosed=$(grep -c ': closed$' "$tmp/malformed.out")
if [ $rc -eq 0 ] && echo "$out" | grep -q NodeA && [ "$nclosed" -eq 6 ] &&
   grep -q '^silent: done' "$tmp/malformed.out" &&
   kill -0 "$CLUSAPID_PID" 2>/dev/null; then
	ok "6 malformed or truncated handshakes closed, a pipe open" \
	   "meanwhile served, clusapid still running"
else
	fail "malformed handshakes: $nclosed of 6 closed, pipe exit $rc: $out"
fi
out=$(clusctl_as "$NP_READ_USER%$read_pass" group list 2>&1)
if [ $? -eq 0 ]; then
	ok "served after the malformed handshakes"
else
	fail "not served after the malformed handshakes: $out"
fi

# --- a live socket is not taken over, a stale one is replaced --------------

mkdir -p "$tmp/second"
"${CLUSAPID_BIN:-bin/clusapid}" --foreground --state-dir "$tmp/second" \
	--listen 127.0.0.1 --epm-port none --np-socket-dir "$SMBD_NCALRPC_DIR" \
	>"$tmp/second/clusapid.log" 2>&1
rc=$?
if [ $rc -ne 0 ] &&
   grep -q "another server listens there" "$tmp/second/clusapid.log" &&
   clusctl_as "$NP_READ_USER%$read_pass" node list >/dev/null 2>&1; then
	ok "a second clusapid does not take a live socket over"
else
	fail "second clusapid on a live socket: exit $rc:" \
	     "$(cat "$tmp/second/clusapid.log")"
fi

kill -KILL "$CLUSAPID_PID" 2>/dev/null
wait "$CLUSAPID_PID" 2>/dev/null
CLUSAPID_PID=
if [ -S "$sock" ] && start_clusapid encrypted --anonymous none &&
   grep -q "replacing the stale socket" "$tmp/encrypted/clusapid.log" &&
   clusctl_as "$NP_READ_USER%$read_pass" node list >/dev/null 2>&1; then
	ok "after kill -9 the next clusapid replaces the stale socket"
else
	fail "stale socket after kill -9 not replaced"
	[ -n "$CLUSAPID_PID" ] || start_clusapid encrypted --anonymous none
fi

# --- SMB3 encryption --------------------------------------------------------

run_smbtorture "SMB3 encrypted" --option='client smb encrypt=required'
if connected "$NP_ADMIN_USER" "full access, SMB3 encrypted" \
	"$tmp/encrypted/clusapid.log"; then
	ok "clusapid sees the pipe's SMB3 encryption"
else
	fail "no 'SMB3 encrypted' identity in the log"
fi

if clusapid_stop; then
	ok "clusapid stopped cleanly on SIGTERM"
else
	fail "clusapid exit code $? on SIGTERM; log:"
	tail -50 "$tmp/encrypted/clusapid.log"
fi

# --- the clustorture move suite over the pipe -------------------------------

# run_clustorture LABEL [client options]: a fresh clusapid on its cluster
run_clustorture() {
	_label=$1
	shift
	if ! start_clusapid "clustorture-$_label" --anonymous none \
		--config torture/clustorture/cluster.conf \
		--move-delay-ms 200; then
		fail "clusapid start (clustorture, $_label)"
		return
	fi
	clustorture_check "ncacn_np, $_label" \
		-U "$NP_ADMIN_USER%$admin_pass" \
		--option "smb ports=$SMBD_PORT" "$@" "$binding"
	clusapid_stop >/dev/null 2>&1
}

run_clustorture "plain"
run_clustorture "SMB3 encrypted" --option "client smb encrypt=required"

summary
