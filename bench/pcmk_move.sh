#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# bench/run's Pacemaker figures: a 3-node cluster in namespaces of its
# own (torture/lib/pcmk_cluster.sh), a group of three Dummy resources,
# and the time from asking a move to the client knowing it finished:
#
#   floor      bin/pcmk_watch --move on node1: writes the cli-prefer
#              constraint, follows libcib's diff notifications until the
#              group is Online on the target and the DC idle (its own
#              "+MS cluster idle" line)
#   clusapid   clusctl --json group move G NODE --wait against
#              clusapid --backend pacemaker on node1 (elapsed_ms: from
#              ApiMoveGroupToNode to the notification that ends it)
#   crm        crm_resource --move then crm_resource --wait (wall time;
#              --clear after, untimed)
#   pcs        pcs resource move G NODE --wait=60 (wall time), when pcs
#              is installed
#
# Each median of 5 moves, the tools interleaved, targets alternating.
# Needs root; prints the BENCH lines bench/run tabulates.

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
. torture/lib/check.sh
. torture/lib/pcmk_cluster.sh
. torture/lib/clusapid.sh

G=bench-g
RUNS=5
CLUSCTL=$top/bin/clusctl
WATCH=$top/bin/pcmk_watch
CLUSAPID_BIN=$top/bin/clusapid

cleanup() {
	clusapid_stop >/dev/null 2>&1
	pcmk_cluster_stop
}
trap cleanup EXIT
trap 'exit 1' INT TERM

pcmk_cluster_start 3 || exit 1
xml="<group id=\"$G\">"
for r in B1 B2 B3; do
	xml="$xml<primitive id=\"$r\" class=\"ocf\" provider=\"pacemaker\""
	xml="$xml type=\"Dummy\"/>"
done
pcmk_on 1 cibadmin --create -o resources -X "$xml</group>" || exit 1
pcmk_wait 30 pcmk_group_node 1 $G || exit 1
mkdir -p "$PCMK_DIR/c"
CLUSAPID_WRAPPER="nsenter -t $(_pcmk_holder 1) -m -n -u --" \
	clusapid_start "$PCMK_DIR/c" --backend pacemaker --anonymous full \
	-d 1 || exit 1

# where to move next: any node but the one it runs on
next_node() {
	_nn_at=$(pcmk_group_node 1 $G) || return 1
	case $_nn_at in
	node1) echo node2 ;;
	node2) echo node3 ;;
	*) echo node1 ;;
	esac
}
settled() {
	pcmk_group_node 1 $G >/dev/null &&
		pcmk_on 1 crmadmin -q -S "$(pcmk_on 1 crmadmin -q -D 2>&1 |
			sed 's/.*: //')" 2>&1 | grep -q S_IDLE
}
median() {
	sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

move_floor() {
	pcmk_on 1 "$WATCH" --move $G "$1" |
		sed -n 's/^+\([0-9]*\) cluster idle.*/\1/p'
}
move_clusapid() {
	pcmk_on 1 "$CLUSCTL" -N "ncacn_ip_tcp:127.0.0.1[$CLUSAPID_PORT]" \
		--json group move $G "$1" --wait=60 |
		sed -n 's/^  "elapsed_ms": \([0-9]*\),$/\1/p'
}
move_crm() {
	_mc_t0=$(pcmk_ms)
	pcmk_on 1 crm_resource --move --resource $G --node "$1" --quiet &&
		pcmk_on 1 crm_resource --wait >/dev/null 2>&1 || return 1
	echo $(($(pcmk_ms) - _mc_t0))
	pcmk_on 1 crm_resource --clear --resource $G --quiet
}
move_pcs() {
	_mp_t0=$(pcmk_ms)
	pcmk_on 1 pcs resource move $G "$1" --wait=60 >/dev/null 2>&1 ||
		return 1
	echo $(($(pcmk_ms) - _mp_t0))
}

tools="floor clusapid crm"
command -v pcs >/dev/null && tools="$tools pcs"
for tool in $tools; do
	: >"$PCMK_DIR/$tool.ms"
done
i=0
while [ $i -lt $RUNS ]; do
	for tool in $tools; do
		pcmk_wait 30 settled || exit 1
		to=$(next_node) || exit 1
		ms=$(move_$tool "$to" | head -n 1)
		if [ -z "$ms" ] || ! pcmk_wait 30 settled; then
			echo "    $tool: the move to $to failed" >&2
			exit 1
		fi
		echo "$ms" >>"$PCMK_DIR/$tool.ms"
	done
	i=$((i + 1))
done

floor=$(median <"$PCMK_DIR/floor.ms")
clusapid=$(median <"$PCMK_DIR/clusapid.ms")
ratio() {
	awk "BEGIN { printf \"%.2f\", $1 / ($2 > 0 ? $2 : 1) }"
}
echo "BENCH pcmk_move_detection_clusapid=$clusapid ms" \
     "(baseline=$floor, ratio=$(ratio "$clusapid" "$floor"))"
echo "    baseline: the CIB-notification floor (pcmk_watch --move)"
crm=$(median <"$PCMK_DIR/crm.ms")
echo "BENCH pcmk_move_crm_resource_wait=$crm ms" \
     "(baseline=$clusapid, ratio=$(ratio "$crm" "$clusapid"))"
echo "    baseline: clusapid (ratio: how many times slower the tool is)"
if [ -s "$PCMK_DIR/pcs.ms" ]; then
	pcs=$(median <"$PCMK_DIR/pcs.ms")
	echo "BENCH pcmk_move_pcs_wait=$pcs ms" \
	     "(baseline=$clusapid, ratio=$(ratio "$pcs" "$clusapid"))"
else
	echo "    pcs figure skipped: pcs is not installed"
fi
