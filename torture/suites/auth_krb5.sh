#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Kerberos, sealed, over ncacn_ip_tcp: a throwaway MIT realm, clusapid
# with --auth-keytab, in a private network namespace (so its endpoint
# mapper owns port 135 and the KDC port 88 there, touching nothing
# outside) with a private /etc/hosts (a mount namespace) naming the
# server, as Kerberos clients want a host name. smbtorture rpc.clusapi
# over [krb5,seal] with target_hostname=, rpcclient's clusapi commands
# through the endpoint mapper with -k, clusctl -k group move --wait and
# the clustorture move suite with -k; an expired ticket and a ticket for
# a service the server has no key of are refused, the cluster
# unchanged. Prints a cmocka-style summary for torture/run_tests.

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
. torture/lib/check.sh

if [ "${1:-}" != --inside ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "auth_krb5 needs root (network and mount namespaces)"
		echo "[  FAILED  ] 1 test(s)."
		exit 1
	fi
	tmp=$(mktemp -d /tmp/clusapi-krb5.XXXXXX)
	# everything runs in the namespaces, which go with the last process
	unshare --net --mount --propagation private sh "$0" --inside "$tmp"
	rc=$?
	remove_tmp "$tmp"
	exit $rc
fi

tmp=$2
. torture/lib/clusapid.sh
# a sanitizer build of clusapid: full stacks for LeakSanitizer, so the
# leaks inside Samba's passdb and Kerberos libraries can be told from
# ours (torture/lib/lsan.supp)
ASAN_OPTIONS="fast_unwind_on_malloc=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export ASAN_OPTIONS
. torture/lib/krb5_env.sh
. torture/lib/smbtorture.sh

REALM=CLUSAPI.TEST
HOST=clusnode.clusapi.test
OTHER=othernode.clusapi.test
GROUP="Application Group"
alice_pass="Al1ce-$$"

trap 'clusapid_stop >/dev/null 2>&1; krb5_env_stop' EXIT
trap 'exit 1' INT TERM

ip link set lo up || { fail "no loopback in the network namespace"; summary; }
printf '127.0.0.1\tlocalhost\n127.0.0.1\t%s clusnode\n127.0.0.1\t%s\n' \
	"$HOST" "$OTHER" >"$tmp/hosts"
if ! mount --bind "$tmp/hosts" /etc/hosts ||
   [ "$(getent hosts "$HOST" | cut -d' ' -f1)" != 127.0.0.1 ]; then
	fail "a private /etc/hosts naming $HOST"
	summary
fi

if ! krb5_env_start "$tmp/krb5" "$REALM"; then
	fail "the KDC of $REALM"
	summary
fi
# the server has keys for HOST only; OTHER is a service of the realm
# it has none for
krb5_env_principal alice "$alice_pass"
krb5_env_principal bob "Bo6-$$"
# principals are case-sensitive: smbtorture asks for the host in upper
# case, rpcclient as given
UHOST=$(echo "$HOST" | tr a-z A-Z)
UOTHER=$(echo "$OTHER" | tr a-z A-Z)
for h in "$HOST" "$UHOST" "$OTHER" "$UOTHER"; do
	krb5_env_principal "MSServerClusterMgmtAPI/$h"
	krb5_env_principal "host/$h"
done
if krb5_env_keytab "$tmp/keytab" "MSServerClusterMgmtAPI/$HOST" \
	"host/$HOST" "MSServerClusterMgmtAPI/$UHOST" "host/$UHOST"; then
	ok "a realm $REALM, a keytab for $HOST"
else
	fail "the keytab: $(tail -3 "$tmp/krb5/kadmin.log")"
fi

# alice may do everything (by name, user@REALM), bob read
printf '[access]\nadmin users = %s\\alice\n' "$REALM" >"$tmp/access.conf"

start_clusapid() {
	_name=$1
	shift
	mkdir -p "$tmp/$_name"
	CLUSAPID_EPM_PORT_WANTED=135 clusapid_start "$tmp/$_name" \
		--auth-keytab "$tmp/keytab" --auth-realm "$REALM" \
		--access-config "$tmp/access.conf" -d 5 "$@"
}

if ! echo "$alice_pass" | kinit alice >"$tmp/kinit.log" 2>&1; then
	fail "kinit alice: $(cat "$tmp/kinit.log")"
	summary
fi

# --- smbtorture rpc.clusapi, sealed, Kerberos --------------------------------

if start_clusapid state --move-delay-ms 1000; then
	smbtorture_clusapi "Kerberos sealed" \
		"ncacn_ip_tcp:127.0.0.1[$CLUSAPID_PORT,krb5,seal,target_hostname=$HOST]" \
		--use-kerberos=required --use-krb5-ccache="$KRB5CCNAME"
	if grep -q "Kerberos logon of alice@$REALM" "$tmp/state/clusapid.log"
	then
		ok "clusapid saw alice@$REALM log on with Kerberos"
	else
		fail "no Kerberos logon in clusapid's log"
	fi
	clusapid_stop >/dev/null 2>&1
else
	fail "clusapid start (smbtorture)"
fi

# --- rpcclient's clusapi commands through the endpoint mapper, -k ---------

if ! start_clusapid rpcclient --move-delay-ms 200; then
	fail "clusapid start (rpcclient)"
	summary
fi
n=0
bad=
for cmd in clusapi_open_cluster clusapi_get_cluster_name \
	   clusapi_get_cluster_version clusapi_get_quorum_resource \
	   clusapi_create_enum clusapi_create_enumex \
	   "clusapi_open_resource \"Cluster Name\"" \
	   "clusapi_offline_resource \"Cluster Name\"" \
	   "clusapi_online_resource \"Cluster Name\"" \
	   "clusapi_get_resource_state \"Cluster Name\"" \
	   clusapi_get_cluster_version2 "clusapi_pause_node NodeA" \
	   "clusapi_resume_node NodeA"; do
	out=$(timeout 60 rpcclient --use-kerberos=required \
		--use-krb5-ccache="$KRB5CCNAME" "ncacn_ip_tcp:$HOST[seal]" \
		-c "$cmd" 2>&1)
	rc=$?
	# clusapid answers ApiGetClusterVersion (opnum 3, superseded by
	# ApiGetClusterVersion2) with ERROR_CALL_NOT_IMPLEMENTED
	[ "$cmd" = clusapi_get_cluster_version ] &&
		echo "$out" | grep -q "result was WERR_CALL_NOT_IMPLEMENTED" &&
		rc=0 out=
	if [ $rc -eq 0 ] && ! echo "$out" | grep -qE \
		"result was|NT_STATUS_|rror"; then
		n=$((n + 1))
	else
		bad="$bad; $cmd (exit $rc): $(echo "$out" | tail -1)"
	fi
	[ "$cmd" = clusapi_get_cluster_name ] && echo "$out"
	# a pause settles after --move-delay-ms
	[ "$cmd" = "clusapi_pause_node NodeA" ] && sleep 1
done
if [ $n -eq 13 ] && [ -z "$bad" ]; then
	ok "rpcclient -k ncacn_ip_tcp:$HOST[seal]: 13 clusapi commands" \
	   "through the endpoint mapper"
else
	fail "rpcclient -k: $n of 13 commands$bad"
fi

# --- clusctl -k, clustorture -k ----------------------------------------------

clusctl_k() {
	timeout 60 bin/clusctl -k "ncacn_ip_tcp:$HOST" "$@"
}
owner_of() {
	clusctl_k group show "$1" 2>/dev/null | sed -n 's/^OwnerNode *: *//p'
}
before=$(owner_of "$GROUP")
[ "$before" = NodeB ] && target=NodeC || target=NodeB
out=$(clusctl_k group move "$GROUP" "$target" --wait=60 2>&1)
rc=$?
after=$(owner_of "$GROUP")
if [ $rc -eq 0 ] && [ "$after" = "$target" ]; then
	ok "clusctl -k (through the endpoint mapper): $GROUP" \
	   "$before -> $target, --wait"
else
	fail "clusctl -k move: exit $rc, $before -> $after: $out"
fi
before=$after
[ "$before" = NodeB ] && target=NodeC || target=NodeB

# refused LABEL CCACHE HOSTNAME EXPECT: a move must fail saying EXPECT,
# the group stay
refused() {
	out=$(KRB5CCNAME=$2 timeout 60 bin/clusctl -k "ncacn_ip_tcp:$3" \
		group move "$GROUP" "$target" 2>&1)
	_rc=$?
	_after=$(owner_of "$GROUP")
	if [ $_rc -ne 0 ] && echo "$out" | grep -q "$4" &&
	   [ "$_after" = "$before" ]; then
		ok "$1 refused: $(echo "$out" | tail -1)"
	else
		fail "$1: exit $_rc, owner $before -> $_after: $out"
	fi
}

# a service of the realm the server has no key for
refused "a ticket for $OTHER (a key clusapid lacks)" "$KRB5CCNAME" "$OTHER" \
	"refused the authenticated bind"
# bob's ticket, expired
echo "Bo6-$$" | KRB5CCNAME="FILE:$tmp/bob.ccache" kinit -l 2s bob \
	>/dev/null 2>&1
sleep 3
refused "an expired ticket" "FILE:$tmp/bob.ccache" "$HOST" \
	"ticket expired"

clusapid_stop >/dev/null 2>&1
if start_clusapid clustorture --config torture/clustorture/cluster.conf \
	--move-delay-ms 200; then
	clustorture_check "-k, through the endpoint mapper" -k \
		"ncacn_ip_tcp:$HOST"
fi

if clusapid_stop; then
	ok "clusapid stopped cleanly on SIGTERM"
else
	fail "clusapid exit code $? on SIGTERM"
fi

summary
