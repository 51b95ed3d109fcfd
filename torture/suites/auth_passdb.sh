#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# --auth-passdb: a user added with smbpasswd to the suite's own smbd
# authenticates to clusapid over sealed ncacn_ip_tcp and over the pipe
# through that smbd (also with a sealed bind on top), with the same
# password; a wrong one is refused.
# Prints a cmocka-style summary for torture/run_tests.

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
. torture/lib/clusapid.sh
# a sanitizer build of clusapid: full stacks for LeakSanitizer, so the
# leaks inside Samba's passdb and Kerberos libraries can be told from
# ours (torture/lib/lsan.supp)
ASAN_OPTIONS="fast_unwind_on_malloc=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export ASAN_OPTIONS
. torture/lib/smbd_env.sh
. torture/lib/check.sh

PASSDB_USER=${NP_ADMIN_USER:-daemon}
GROUP="Application Group"

if [ "$(id -u)" -ne 0 ]; then
	echo "auth_passdb needs root (smbd, its passdb)"
	echo "[  FAILED  ] 1 test(s)."
	exit 1
fi
if ! id "$PASSDB_USER" >/dev/null 2>&1; then
	fail "no unix user $PASSDB_USER (set NP_ADMIN_USER)"
	summary
fi

tmp=$(mktemp -d /tmp/clusapi-passdb.XXXXXX)
cleanup() {
	clusapid_stop >/dev/null 2>&1
	smbd_env_stop
	remove_tmp "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

pass="Pdb-$$-pw"
if ! smbd_env_start "$tmp/smbd"; then
	fail "smbd start"
	summary
fi
if ! smbd_env_add_user "$PASSDB_USER" "$pass"; then
	fail "smbpasswd -a $PASSDB_USER"
	summary
fi
printf '[access]\n\tadmin users = %s\n' "$PASSDB_USER" >"$tmp/access.conf"

mkdir "$tmp/state"
if ! clusapid_start "$tmp/state" --np-socket-dir "$SMBD_NCALRPC_DIR" \
	--auth-passdb="$SMBD_CONF" --access-config "$tmp/access.conf" \
	--move-delay-ms 200 -d 5; then
	fail "clusapid start --auth-passdb=$SMBD_CONF"
	summary
fi
tcp="ncacn_ip_tcp:127.0.0.1[$CLUSAPID_PORT]"
np='ncacn_np:127.0.0.1[\pipe\clusapi]'

owner_of() {
	timeout 60 bin/clusctl -U "$PASSDB_USER%$pass" "$tcp" group show \
		"$GROUP" 2>/dev/null | sed -n 's/^OwnerNode *: *//p'
}

# move_as LABEL BINDING: the passdb user moves the group over BINDING
move_as() {
	_before=$(owner_of)
	[ "$_before" = NodeB ] && _target=NodeC || _target=NodeB
	out=$(timeout 60 bin/clusctl -U "$PASSDB_USER%$pass" \
		--option="smb ports=$SMBD_PORT" "$2" group move "$GROUP" \
		"$_target" --wait=60 2>&1)
	_rc=$?
	_after=$(owner_of)
	if [ $_rc -eq 0 ] && [ "$_after" = "$_target" ]; then
		ok "smbpasswd's $PASSDB_USER moves $GROUP over $1" \
		   "($_before -> $_target)"
	else
		fail "$1 move: exit $_rc, $_before -> $_after: $out"
	fi
}

move_as "sealed ncacn_ip_tcp" "$tcp"
if grep -q "NTLM logon of .*\\\\$PASSDB_USER as $PASSDB_USER" \
	"$tmp/state/clusapid.log"; then
	ok "clusapid checked $PASSDB_USER's password against smbd's passdb"
else
	fail "no passdb logon in clusapid's log"
fi
move_as "ncacn_np through smbd" "$np"
# RPC-level authentication on top of the pipe's SMB session
move_as "ncacn_np through smbd, [seal] on top" \
	'ncacn_np:127.0.0.1[\pipe\clusapi,seal]'
if grep -q "ncacn_np.*NTLMSSP bind at level 6\|ncacn_np.*SPNEGO bind at level 6" \
	"$tmp/state/clusapid.log"; then
	ok "the pipe's sealed bind was clusapid's to authenticate"
else
	fail "no authenticated bind over the pipe in clusapid's log"
fi

before=$(owner_of)
out=$(timeout 60 bin/clusctl -U "$PASSDB_USER%wrong-$$" "$tcp" group move \
	"$GROUP" NodeA 2>&1)
rc=$?
if [ $rc -ne 0 ] && echo "$out" | grep -q NT_STATUS_LOGON_FAILURE &&
   [ "$(owner_of)" = "$before" ]; then
	ok "a wrong password for a passdb user is refused over TCP"
else
	fail "wrong passdb password: exit $rc: $out"
fi

if clusapid_stop; then
	ok "clusapid stopped cleanly on SIGTERM"
else
	fail "clusapid exit code $? on SIGTERM"
fi

summary
