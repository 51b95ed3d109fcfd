# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced by the suites (as root): an N-node Pacemaker/Corosync cluster on
# this machine, every node in a network and a mount namespace of the
# suite's own.
#
# The network: a hub namespace holds a bridge; each node's namespace has
# a veth (eth0) into it with an address on PCMK_NET.0/24. That /24 exists
# only inside these namespaces: nothing is added to the host's network
# namespace. Each node's mount namespace (held by one "sleep" process)
# has its own /etc/corosync, /var/lib/corosync, /var/lib/pacemaker and
# /var/log/pacemaker (bind mounts of directories under PCMK_DIR) and
# private tmpfs over /run and /dev/shm, so the daemons' IPC (abstract
# sockets, per network namespace, and /dev/shm) and state never meet
# another node's or the host's. Namespace names carry the shell's pid
# and a counter: unique per run.
#
# The cluster: corosync (knet, token 1000 ms) and pacemakerd, with a CIB
# seeded with stonith-enabled=false, dc-deadtime=2s (a DC in about 2 s
# instead of 20 s), no-quorum-policy=stop and resource-stickiness 1000
# (above the -500 of a node paused without drain: running groups stay).
# Fencing is off because these nodes share one kernel and nothing could
# fence them: a real cluster needs it.
#
#   pcmk_cluster_start N	start nodes node1..nodeN and wait (60 s at
#				most) until all are Online with a DC;
#				returns 1 with the logs' tails on stderr
#				otherwise. Sets PCMK_DIR, PCMK_START_MS.
#   pcmk_cluster_stop		SIGTERM pacemakerd, then corosync, SIGKILL
#				whatever is left in the namespaces (by pid),
#				delete the namespaces and PCMK_DIR. Safe to
#				call twice and from an EXIT trap.
#   pcmk_on K CMD...		run CMD on node K (nsenter into its mount,
#				network and UTS namespaces)
#   pcmk_wait SECONDS CMD...	run CMD every 0.1 s until it succeeds;
#				returns 1 after SECONDS
#   pcmk_kill_corosync K	SIGKILL node K's corosync
#   pcmk_node_addr K		node K's address
#   pcmk_ms			milliseconds since the epoch
#   pcmk_leftovers		prints this run's namespaces, processes
#				(every pid seen by the last stop) and
#				mounts still there (nothing once stopped)

PCMK_NET=${PCMK_NET:-10.213.15}
PCMK_DIR=
PCMK_NODES=0
PCMK_START_MS=
PCMK_LAST_PIDS=
PCMK_LAST_DIR=
_pcmk_seq=0
_pcmk_prefix=

pcmk_ms() {
	date +%s%3N
}

pcmk_wait() {
	_pw_end=$(($(pcmk_ms) + $1 * 1000))
	shift
	while ! "$@" >/dev/null 2>&1; do
		[ "$(pcmk_ms)" -lt "$_pw_end" ] || return 1
		sleep 0.1
	done
}

pcmk_node_addr() {
	echo "$PCMK_NET.$1"
}

_pcmk_ns() {
	echo "$_pcmk_prefix-$1"
}

_pcmk_holder() {
	cat "$PCMK_DIR/n$1/holder.pid" 2>/dev/null
}

pcmk_on() {
	_po_pid=$(_pcmk_holder "$1")
	shift
	[ -n "$_po_pid" ] || return 1
	nsenter -t "$_po_pid" -m -n -u -- "$@"
}

_pcmk_corosync_conf() {
	cat <<EOF
totem {
	version: 2
	cluster_name: clusapi-test
	transport: knet
	crypto_cipher: none
	crypto_hash: none
	token: 1000
	join: 50
}

logging {
	to_stderr: yes
	to_syslog: no
	to_logfile: no
	timestamp: on
}

quorum {
	provider: corosync_votequorum
EOF
	[ "$1" -eq 2 ] && printf '\ttwo_node: 1\n'
	printf "}\n\n"
	printf 'nodelist {\n'
	_pcc_k=1
	while [ $_pcc_k -le "$1" ]; do
		# one key a line: "node { ring0_addr: ..." is a parse error
		printf '\tnode {\n\t\tring0_addr: %s\n' \
			"$(pcmk_node_addr $_pcc_k)"
		printf '\t\tname: node%s\n\t\tnodeid: %s\n\t}\n' \
			$_pcc_k $_pcc_k
		_pcc_k=$((_pcc_k + 1))
	done
	printf '}\n'
}

# No crm_feature_set: one newer than the installed Pacemaker makes the
# controller exit.
_pcmk_cib_seed() {
	cat <<'EOF'
<cib validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0">
  <configuration>
    <crm_config>
      <cluster_property_set id="cib-bootstrap-options">
        <nvpair id="opt-stonith-enabled" name="stonith-enabled" value="false"/>
        <nvpair id="opt-dc-deadtime" name="dc-deadtime" value="2s"/>
        <nvpair id="opt-no-quorum-policy" name="no-quorum-policy" value="stop"/>
      </cluster_property_set>
    </crm_config>
    <nodes/>
    <resources/>
    <constraints/>
    <rsc_defaults>
      <meta_attributes id="rsc-defaults">
        <nvpair id="rsc-defaults-stickiness" name="resource-stickiness" value="1000"/>
      </meta_attributes>
    </rsc_defaults>
  </configuration>
  <status/>
</cib>
EOF
}

# The directories one node sees as its own, and its mount namespace.
_pcmk_node_fs() {
	_pf_d=$PCMK_DIR/n$1
	mkdir -p "$_pf_d/etc-corosync" "$_pf_d/lib-corosync" \
		"$_pf_d/log-pacemaker"
	for _pf_s in cib pengine blackbox cores; do
		mkdir -p "$_pf_d/lib-pacemaker/$_pf_s"
	done
	_pcmk_corosync_conf "$2" >"$_pf_d/etc-corosync/corosync.conf"
	_pcmk_cib_seed >"$_pf_d/lib-pacemaker/cib/cib.xml"
	chmod 0600 "$_pf_d/lib-pacemaker/cib/cib.xml"
	chown -R hacluster:haclient "$_pf_d/lib-pacemaker" \
		"$_pf_d/log-pacemaker"
	chmod 0750 "$_pf_d/lib-pacemaker"/* "$_pf_d/log-pacemaker"
}

# The node's network namespace, its veth into the hub's bridge, and the
# process that holds its mount namespace (its pid in holder.pid).
_pcmk_node_ns() {
	_pn_ns=$(_pcmk_ns "n$1")
	_pn_d=$PCMK_DIR/n$1
	ip netns add "$_pn_ns" || return 1
	echo "$_pn_ns" >>"$PCMK_DIR/namespaces"
	ip -n "$(_pcmk_ns hub)" link add "v$1" type veth \
		peer name eth0 netns "$_pn_ns" || return 1
	ip -n "$(_pcmk_ns hub)" link set "v$1" master br0 up || return 1
	ip -n "$_pn_ns" link set lo up || return 1
	ip -n "$_pn_ns" addr add "$(pcmk_node_addr "$1")/24" dev eth0 ||
		return 1
	ip -n "$_pn_ns" link set eth0 up || return 1
	ip netns exec "$_pn_ns" unshare -m -u --propagation private sh -c '
		d=$1
		mount --bind "$d/etc-corosync" /etc/corosync &&
		mount --bind "$d/lib-corosync" /var/lib/corosync &&
		mount --bind "$d/lib-pacemaker" /var/lib/pacemaker &&
		mount --bind "$d/log-pacemaker" /var/log/pacemaker &&
		mount -t tmpfs -o mode=0755 tmpfs /run &&
		mount -t tmpfs -o mode=1777 tmpfs /dev/shm &&
		mkdir -p /run/crm /run/resource-agents &&
		chown hacluster:haclient /run/crm &&
		hostname "node$2" || exit 1
		echo $$ >"$d/holder.pid.tmp"
		mv "$d/holder.pid.tmp" "$d/holder.pid"
		exec sleep 100000' holder "$_pn_d" "$1" \
		</dev/null >"$_pn_d/holder.log" 2>&1 &
	pcmk_wait 10 test -s "$_pn_d/holder.pid"
}

# CMD on node K in the background, output to LOG; its pid in PIDFILE
# (nsenter execs the command: the pid is the daemon's own)
_pcmk_on_bg() {
	_pb_pid=$(_pcmk_holder "$1")
	_pb_log=$2
	_pb_pidfile=$3
	shift 3
	(exec nsenter -t "$_pb_pid" -m -n -u -- "$@" \
		>"$_pb_log" 2>&1 </dev/null) &
	echo $! >"$_pb_pidfile"
}

_pcmk_start_daemons() {
	_ps_d=$PCMK_DIR/n$1
	_pcmk_on_bg "$1" "$_ps_d/corosync.log" "$_ps_d/corosync.pid" \
		corosync -f
	pcmk_wait 20 pcmk_on "$1" corosync-cfgtool -s || return 1
	_pcmk_on_bg "$1" "$_ps_d/pacemakerd.log" "$_ps_d/pacemakerd.pid" \
		env PCMK_logfile=/var/log/pacemaker/pacemaker.log \
		PCMK_logfacility=none pacemakerd -f
}

# All N nodes online and a DC elected, as node 1's crm_mon sees it.
_pcmk_ready() {
	_pr_xml=$(pcmk_on 1 crm_mon -1 --output-as=xml 2>/dev/null) ||
		return 1
	echo "$_pr_xml" | grep -q '<current_dc present="true"' || return 1
	[ "$(echo "$_pr_xml" | grep -c '<node name=.* online="true"')" \
		-eq "$PCMK_NODES" ]
}

pcmk_cluster_start() {
	_pcmk_seq=$((_pcmk_seq + 1))
	_pcmk_prefix=clusapi-pcmk-$$-$_pcmk_seq
	PCMK_NODES=$1
	PCMK_DIR=$(mktemp -d /tmp/clusapi-pcmk.XXXXXX) || return 1
	: >"$PCMK_DIR/namespaces"
	_pcs_t0=$(pcmk_ms)
	ip netns add "$(_pcmk_ns hub)" || return 1
	echo "$(_pcmk_ns hub)" >>"$PCMK_DIR/namespaces"
	ip -n "$(_pcmk_ns hub)" link add br0 type bridge &&
		ip -n "$(_pcmk_ns hub)" link set br0 up || return 1
	_pcs_k=1
	while [ $_pcs_k -le "$1" ]; do
		_pcmk_node_fs $_pcs_k "$1" && _pcmk_node_ns $_pcs_k ||
			{ _pcmk_logs >&2; return 1; }
		_pcs_k=$((_pcs_k + 1))
	done
	_pcs_k=1
	while [ $_pcs_k -le "$1" ]; do
		_pcmk_start_daemons $_pcs_k || { _pcmk_logs >&2; return 1; }
		_pcs_k=$((_pcs_k + 1))
	done
	if ! pcmk_wait 60 _pcmk_ready; then
		pcmk_on 1 crm_mon -1 >&2
		_pcmk_logs >&2
		return 1
	fi
	PCMK_START_MS=$(($(pcmk_ms) - _pcs_t0))
}

_pcmk_logs() {
	for _pl_f in "$PCMK_DIR"/n*/*.log \
		     "$PCMK_DIR"/n*/log-pacemaker/pacemaker.log; do
		[ -s "$_pl_f" ] || continue
		echo "--- $_pl_f"
		tail -n 15 "$_pl_f"
	done
}

pcmk_kill_corosync() {
	kill -9 "$(cat "$PCMK_DIR/n$1/corosync.pid")"
}

_pcmk_ns_pids() {
	ip netns pids "$1" 2>/dev/null
}

_pcmk_ns_empty() {
	[ -z "$(_pcmk_ns_pids "$1")" ]
}

# SIGNAL to the pids in PIDFILE of every node, then wait for them
_pcmk_signal_all() {
	for _pa_f in "$PCMK_DIR"/n*/"$2"; do
		[ -f "$_pa_f" ] && kill "-$1" "$(cat "$_pa_f")" 2>/dev/null
	done
	for _pa_f in "$PCMK_DIR"/n*/"$2"; do
		[ -f "$_pa_f" ] &&
			pcmk_wait "$3" sh -c '! kill -0 "$1"' _ "$(cat "$_pa_f")"
	done
}

pcmk_cluster_stop() {
	[ -n "$PCMK_DIR" ] && [ -d "$PCMK_DIR" ] || return 0
	_pcmk_signal_all TERM pacemakerd.pid 20
	_pcmk_signal_all TERM corosync.pid 10
	# whatever is left (an agent, a daemon that did not stop, the
	# holders): by pid, the pids that live in our namespaces
	PCMK_LAST_PIDS=$(cat "$PCMK_DIR"/n*/*.pid 2>/dev/null)
	while read -r _pst_ns; do
		for _pst_pid in $(_pcmk_ns_pids "$_pst_ns"); do
			PCMK_LAST_PIDS="$PCMK_LAST_PIDS $_pst_pid"
			kill -9 "$_pst_pid" 2>/dev/null
		done
		pcmk_wait 10 _pcmk_ns_empty "$_pst_ns"
		ip netns del "$_pst_ns" 2>/dev/null
	done <"$PCMK_DIR/namespaces"
	wait 2>/dev/null
	if [ -n "${KEEP_TMP:-}" ]; then
		echo "kept $PCMK_DIR"
	else
		rm -rf "$PCMK_DIR"
	fi
	PCMK_LAST_DIR=$PCMK_DIR
	PCMK_DIR=
}

pcmk_leftovers() {
	ip netns list | grep "^clusapi-pcmk-$$-"
	for _plo_pid in $PCMK_LAST_PIDS; do
		ps -o pid=,args= -p "$_plo_pid"
	done
	[ -n "$PCMK_LAST_DIR" ] &&
		grep -lF "/${PCMK_LAST_DIR##*/}/" /proc/[0-9]*/mountinfo \
			2>/dev/null
}

# pcmk_group_node K GROUP: the node every member of GROUP is Started on,
# as node K's crm_mon sees it; returns 1 (printing nothing) while a
# member is stopped, starting, stopping or on another node.
pcmk_group_node() {
	pcmk_on "$1" crm_mon -1 --output-as=xml 2>/dev/null |
		python3 -c '
import sys, xml.etree.ElementTree as ET
g = ET.parse(sys.stdin).getroot().find(".//resources/group[@id=\"%s\"]"
                                       % sys.argv[1])
nodes = set()
for r in ([] if g is None else g.findall("resource")):
    n = r.findall("node")
    if r.get("role") != "Started" or len(n) != 1:
        sys.exit(1)
    nodes.add(n[0].get("name"))
if len(nodes) != 1:
    sys.exit(1)
print(nodes.pop())' "$2"
}

# pcmk_node_online K NODE: node K's crm_mon sees NODE online (else 1)
pcmk_node_online() {
	pcmk_on "$1" crm_mon -1 --output-as=xml 2>/dev/null |
		grep -q "<node name=\"$2\" .* online=\"true\""
}
