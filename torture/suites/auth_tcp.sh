#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Authenticated, sealed ClusAPI over ncacn_ip_tcp (MS-CMRP 2.1): users of
# clusapid's own --auth-users file, the default policy (no anonymous
# callers). Samba's smbtorture rpc.clusapi over [seal] with SPNEGO and
# with NTLMSSP ([ntlm,seal]) must pass as it does anonymously; a wrong
# password, an unknown user, [sign] and connect-level binds, anonymous
# callers and a read-only user's move are refused, the cluster
# unchanged. Prints a cmocka-style summary for torture/run_tests.

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
. torture/lib/clusapid.sh

tmp=$(mktemp -d /tmp/clusapi-auth.XXXXXX)
trap 'clusapid_stop >/dev/null 2>&1; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

. torture/lib/check.sh
. torture/lib/smbtorture.sh

CLUSAPID=${CLUSAPID_BIN:-bin/clusapid}
GROUP="Application Group"
users=$tmp/users
admin_pass="Adm1n-$$"
read_pass="Re4d-$$"

# alice: BUILTIN\Administrators (full access by the default policy);
# bob: no extra SID (read access)
printf '%s\n' "$admin_pass" | "$CLUSAPID" --auth-users "$users" \
	--add-user alice --user-groups S-1-5-32-544 >/dev/null &&
printf '%s\n' "$read_pass" | "$CLUSAPID" --auth-users "$users" \
	--add-user bob >/dev/null
if [ "$("$CLUSAPID" --auth-users "$users" --list-users | tr '\n' ' ')" = \
     "alice S-1-5-32-544 bob " ] &&
   [ "$(stat -c %a "$users")" = 600 ]; then
	ok "--add-user and --list-users keep a mode 0600 users file"
else
	fail "the users file: $(ls -l "$users"): $(cat "$users")"
fi

# a users file others may read is refused at start
cp "$users" "$tmp/users-0644"
chmod 0644 "$tmp/users-0644"
mkdir "$tmp/bad"
out=$("$CLUSAPID" --foreground --state-dir "$tmp/bad" --listen 127.0.0.1 \
	--epm-port none --np-socket-dir none \
	--auth-users "$tmp/users-0644" 2>&1)
if [ $? -ne 0 ] && echo "$out" | grep -q "mode 0600"; then
	ok "a group- or world-readable users file is refused"
else
	fail "a users file of mode 0644: $out"
fi

# start_clusapid NAME: a fresh cluster in $tmp/NAME, default policy
start_clusapid() {
	mkdir -p "$tmp/$1"
	clusapid_start "$tmp/$1" --auth-users "$users" --move-delay-ms 1000 \
		-d 5 && binding="ncacn_ip_tcp:127.0.0.1[$CLUSAPID_PORT"
}

# --- smbtorture rpc.clusapi, sealed, as an administrator -------------------

# smbtorture's dangerous tests change the cluster: a fresh one each time
# AUTH_TCP_MECHS: a subset (auth_tcp_valgrind.sh runs one)
for mech in ${AUTH_TCP_MECHS:-spnego ntlm}; do
	if ! start_clusapid "$mech"; then
		fail "clusapid start ($mech)"
		continue
	fi
	case $mech in
	spnego) b="$binding,seal]" ;;
	ntlm) b="$binding,ntlm,seal]" ;;
	esac
	smbtorture_clusapi "$mech sealed" "$b" -U "alice%$admin_pass"
	if clusapid_stop; then
		ok "clusapid ($mech) stopped cleanly on SIGTERM"
	else
		fail "clusapid ($mech) exit code $? on SIGTERM (a checker's" \
		     "error code if it ran under one)"
	fi
done

# --- refused callers ----------------------------------------------------------

if ! start_clusapid refused; then
	fail "clusapid start (refusals)"
	summary
fi

clusctl_as() {
	_user=$1
	_opts=$2
	shift 2
	timeout 60 bin/clusctl -U "$_user" "$binding$_opts]" "$@"
}

owner_of() {
	clusctl_as "alice%$admin_pass" "" group show "$1" 2>/dev/null |
		sed -n 's/^OwnerNode *: *//p'
}

before=$(owner_of "$GROUP")
[ -n "$before" ] || fail "an administrator cannot read $GROUP's owner"
[ "$before" = NodeB ] && target=NodeC || target=NodeB

# refused LABEL EXPECT USER OPTS: a move by USER over OPTS must fail
# saying EXPECT, and the group stay where it was
refused() {
	_label=$1
	_expect=$2
	out=$(clusctl_as "$3" "$4" group move "$GROUP" "$target" 2>&1)
	_rc=$?
	_after=$(owner_of "$GROUP")
	if [ $_rc -ne 0 ] && echo "$out" | grep -q "$_expect" &&
	   [ "$_after" = "$before" ]; then
		ok "$_label refused: $(echo "$out" | tail -1)"
	else
		fail "$_label: exit $_rc, owner $before -> $_after: $out"
	fi
}

refused "a wrong password" NT_STATUS_LOGON_FAILURE "alice%wrong-$$" ""
refused "an unknown user" NT_STATUS_LOGON_FAILURE "mallory%$admin_pass" ""
privacy="NT_STATUS_ACCESS_DENIED.*requires packet privacy"
refused "a [sign] bind" "$privacy" "alice%$admin_pass" ",sign"
refused "an NTLMSSP [sign] bind" "$privacy" "alice%$admin_pass" ",ntlm,sign"
refused "a connect-level bind" "$privacy" "alice%$admin_pass" ",connect"
refused "an anonymous caller" \
	"NT_STATUS_ACCESS_DENIED.*allows no anonymous callers" "%" ""
refused "a read-only user's move" ERROR_ACCESS_DENIED "bob%$read_pass" ""

out=$(clusctl_as "bob%$read_pass" "" group list 2>&1)
if [ $? -eq 0 ] && echo "$out" | grep -q "$GROUP"; then
	ok "a read-only user lists the groups (sealed)"
else
	fail "a read-only user cannot list the groups: $out"
fi

out=$(clusctl_as "alice%$admin_pass" "" group move "$GROUP" "$target" \
	--wait=60 2>&1)
rc=$?
after=$(owner_of "$GROUP")
if [ $rc -eq 0 ] && [ "$after" = "$target" ]; then
	ok "an administrator moves $GROUP $before -> $target (sealed, --wait)"
	before=$after
else
	fail "administrator move: exit $rc, owner $before -> $after: $out"
fi

# -A FILE and [ntlm]: sealed too (the server logs each bind's level)
printf 'username = bob\npassword = %s\n' "$read_pass" >"$tmp/bob.auth"
out=$(timeout 60 bin/clusctl -A "$tmp/bob.auth" "$binding]" group list 2>&1)
if [ $? -eq 0 ] && echo "$out" | grep -q "$GROUP"; then
	ok "clusctl -A FILE binds sealed and lists the groups"
else
	fail "clusctl -A FILE: $out"
fi
out=$(clusctl_as "bob%$read_pass" ",ntlm" group list 2>&1)
if [ $? -eq 0 ] && echo "$out" | grep -q "$GROUP" &&
   grep -q "NTLMSSP bind at level 6" "$tmp/refused/clusapid.log"; then
	ok "clusctl [ntlm] binds with NTLMSSP at packet privacy"
else
	fail "clusctl [ntlm]: $out"
fi

# --- the clustorture move suite, sealed, as an administrator ---------------

clusapid_stop >/dev/null 2>&1
mkdir "$tmp/clustorture"
if clusapid_start "$tmp/clustorture" --auth-users "$users" \
	--config torture/clustorture/cluster.conf --move-delay-ms 200; then
	clustorture_check "sealed, -U" -U "alice%$admin_pass" \
		"ncacn_ip_tcp:127.0.0.1[$CLUSAPID_PORT]"
	clusapid_stop >/dev/null 2>&1
else
	fail "clusapid start (clustorture)"
fi
start_clusapid refused || fail "clusapid restart"

# --- SIGHUP rereads the users file --------------------------------------------

printf 'Ca7-%s\n' "$$" | "$CLUSAPID" --auth-users "$users" --add-user carol \
	>/dev/null
kill -HUP "$CLUSAPID_PID"
i=0
while ! grep -q "users reloaded" "$tmp/refused/clusapid.log" &&
      [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
out=$(clusctl_as "carol%Ca7-$$" "" group list 2>&1)
if [ $? -eq 0 ] && echo "$out" | grep -q "$GROUP"; then
	ok "a user added while clusapid runs logs on after SIGHUP"
else
	fail "carol after SIGHUP: $out"
fi
"$CLUSAPID" --auth-users "$users" --del-user carol >/dev/null
kill -HUP "$CLUSAPID_PID"
sleep 0.5
refused "a deleted user (after SIGHUP)" NT_STATUS_LOGON_FAILURE \
	"carol%Ca7-$$" ""

if clusapid_stop; then
	ok "clusapid stopped cleanly on SIGTERM"
else
	fail "clusapid exit code $? on SIGTERM; log:"
	tail -50 "$tmp/refused/clusapid.log"
fi

summary
