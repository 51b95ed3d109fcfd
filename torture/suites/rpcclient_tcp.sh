#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Samba's rpcclient against clusapid. rpcclient reaches clusapi over
# ncacn_ip_tcp only (Samba's IDL declares no pipe endpoint) and always
# asks the endpoint mapper on port 135 first, so the suite runs in a
# network namespace of its own (unshare -n: only its loopback), where
# clusapid's mapper may own 135 without touching the machine's.
#
# The report this guards: clusapi_pause_node NodeB, then
# clusapi_resume_node NodeB at once. A pause takes effect before
# ApiPauseNode returns (MS-CMRP 3.1.4.2.69), so the resume succeeds and
# the node ends Up.

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
. torture/lib/check.sh

if [ "$(id -u)" -ne 0 ]; then
	echo "SKIP: a network namespace for port 135 needs root"
	summary
fi
if [ -z "${RPCCLIENT_SUITE_NETNS:-}" ]; then
	# the namespace ends with the last process in it
	RPCCLIENT_SUITE_NETNS=1 exec unshare -n sh "$0" "$@"
fi
ip link set lo up || { fail "loopback up in the namespace"; summary; }

. torture/lib/suite.sh
suite_begin rpcclient

mkdir "$tmp/state"
if ! clusapid_start "$tmp/state" --anonymous full --epm-port 135; then
	fail "clusapid start with its endpoint mapper on 135"
	summary
fi
[ "$CLUSAPID_EPM_PORT" = 135 ] || fail "mapper on $CLUSAPID_EPM_PORT"
binding="ncacn_ip_tcp:127.0.0.1[$CLUSAPID_PORT]"

node_state() {
	bin/clusctl -N "$binding" --json node show "$1" |
		python3 -c 'import json,sys; print(json.load(sys.stdin)["node"]["state"])'
}

rpc() {
	timeout 60 rpcclient -U% ncacn_ip_tcp:127.0.0.1 -c "$1" \
		>"$tmp/rpcclient.out" 2>&1
	_rc=$?
	cat "$tmp/rpcclient.out"
	return $_rc
}

if rpc "clusapi_get_cluster_name" && grep -q "ClusterName: CLUSTER1" \
	"$tmp/rpcclient.out"; then
	ok "rpcclient finds clusapi through the endpoint mapper"
else
	fail "rpcclient clusapi_get_cluster_name"
fi

if rpc "clusapi_pause_node NodeB; clusapi_resume_node NodeB" &&
   [ "$(grep -c '^rpc_status: WERR_OK' "$tmp/rpcclient.out")" -eq 2 ] &&
   grep -q "has been resumed" "$tmp/rpcclient.out"; then
	ok "rpcclient: pause then immediate resume of NodeB both succeed"
else
	fail "rpcclient: pause then immediate resume of NodeB"
fi
st=$(node_state NodeB)
check "NodeB ends Up (it is $st)" [ "$st" = Up ]

if rpc "clusapi_pause_node NodeC" && [ "$(node_state NodeC)" = Paused ]; then
	ok "a pause is visible to another client when it returns"
else
	fail "NodeC not Paused right after rpcclient's pause"
fi
# rpcclient's exit code tells of the second resume's refusal
rpc "clusapi_resume_node NodeC; clusapi_resume_node NodeC"
if [ "$(grep -c "has been resumed" "$tmp/rpcclient.out")" -eq 1 ] &&
   grep -q "WERR_CLUSTER_NODE_NOT_PAUSED" "$tmp/rpcclient.out" &&
   [ "$(node_state NodeC)" = Up ]; then
	ok "resume, then a second resume: ERROR_CLUSTER_NODE_NOT_PAUSED, Up"
else
	fail "resume twice of NodeC"
fi

if clusapid_stop; then
	ok "clusapid stopped cleanly on SIGTERM"
else
	fail "clusapid exit code $? on SIGTERM; log:"
	tail -30 "$tmp/state/clusapid.log"
fi
summary
