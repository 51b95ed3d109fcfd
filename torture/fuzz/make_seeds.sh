#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Seed corpora from real traffic: captures smbtorture rpc.clusapi and
# clustorture against a clusapid on loopback, then writes
#   OUTDIR/request/	inputs for fuzz_request (make_seeds.py)
#   OUTDIR/client/	inputs for fuzz_client (clusctl's flows, the answers)
#   OUTDIR/npa/		inputs for fuzz_npa (smbd's handshakes)
# Usage: torture/fuzz/make_seeds.sh OUTDIR

top=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:?usage: make_seeds.sh OUTDIR}
mkdir -p "$out" && out=$(cd "$out" && pwd)
cd "$top" || exit 1
. torture/lib/clusapid.sh

tmp=$(mktemp -d /tmp/clusapi-seeds.XXXXXX)
dumpcap_pid=
trap '[ -n "$dumpcap_pid" ] && kill "$dumpcap_pid" 2>/dev/null;
      clusapid_stop >/dev/null 2>&1; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

mkdir "$tmp/state" &&
	clusapid_start "$tmp/state" --anonymous full --move-delay-ms 1000 -d 1 ||
	exit 1
binding="ncacn_ip_tcp:127.0.0.1[$CLUSAPID_PORT]"

capture_start() {	# FILE
	dumpcap -q -i lo -f "tcp port $CLUSAPID_PORT" -w "$1" \
		>"$tmp/dumpcap.log" 2>&1 &
	dumpcap_pid=$!
	wait_for -s "$1" || { cat "$tmp/dumpcap.log" >&2; exit 1; }
}

capture_stop() {
	sleep 0.5
	kill -INT "$dumpcap_pid"
	wait "$dumpcap_pid"
	dumpcap_pid=
}

capture_start "$tmp/cap.pcapng"
smbtorture "$binding" -U% --dangerous rpc.clusapi >"$tmp/smbtorture.out" 2>&1
bin/clustorture "$binding" >"$tmp/clustorture.out" 2>&1
capture_stop
python3 torture/fuzz/make_seeds.py "$tmp/cap.pcapng" "$CLUSAPID_PORT" \
	"$out/request" || exit 1

# fuzz_client: clusctl's flows, numbered as in fuzz_client.c, on a
# fresh default cluster
clusapid_stop
mkdir "$tmp/state2" &&
	clusapid_start "$tmp/state2" --anonymous full --move-delay-ms 300 \
		-d 1 || exit 1
binding="ncacn_ip_tcp:127.0.0.1[$CLUSAPID_PORT]"
flow=0
for cmd in "group move|Cluster Group|NodeB|--wait" \
	   "group online|Cluster Group|--wait" "group list" "node list" \
	   "resource list" "group show|Cluster Group" "cluster show" \
	   "node pause|NodeA|--drain"; do
	capture_start "$tmp/client$flow.pcapng"
	(
		IFS='|'
		# shellcheck disable=SC2086
		set -- $(echo "$cmd" | sed 's/^\([a-z]*\) /\1|/')
		timeout 60 bin/clusctl -U% "$binding" "$@" >/dev/null 2>&1
	)
	capture_stop
	python3 torture/fuzz/make_seeds.py --client "$flow" \
		"$tmp/client$flow.pcapng" "$CLUSAPID_PORT" "$out/client" ||
		exit 1
	flow=$((flow + 1))
done
clusapid_stop

# What smbd really sends on \pipe\clusapi's socket: a recorder listens
# where clusapid would and keeps each named-pipe-auth request
[ "$(id -u)" -eq 0 ] || { echo "npa seeds need root (smbd)" >&2; exit 1; }
. torture/lib/smbd_env.sh
trap '[ -n "$rec_pid" ] && kill "$rec_pid" 2>/dev/null; smbd_env_stop;
      rm -rf "$tmp"' EXIT
smbd_env_start "$tmp/smbd" || exit 1
pass="Seed-$$-pw"
smbd_env_add_user daemon "$pass" || exit 1
mkdir -p "$SMBD_NCALRPC_DIR/np" "$out/npa"
# smbd hands pipes only to a private, root-owned directory
chmod 0700 "$SMBD_NCALRPC_DIR/np"
python3 - "$SMBD_NCALRPC_DIR/np/clusapi" "$out/npa" <<'PY' &
import hashlib, os, socket, struct, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.bind(sys.argv[1])
s.listen(8)
while True:
    c, _ = s.accept()
    c.settimeout(10)
    buf = b''
    while len(buf) < 4 or len(buf) < 4 + struct.unpack('>I', buf[:4])[0]:
        d = c.recv(65536)
        if not d:
            break
        buf += d
    c.close()
    name = os.path.join(sys.argv[2], hashlib.sha1(buf).hexdigest())
    with open(name, 'wb') as f:
        f.write(buf)
PY
rec_pid=$!
wait_for -S "$SMBD_NCALRPC_DIR/np/clusapi"
np='ncacn_np:127.0.0.1[\pipe\clusapi]'
for u in "daemon%$pass" "%"; do
	for enc in off required; do
		# the recorder hangs up after the handshake: clusctl fails
		timeout 30 bin/clusctl -U "$u" --option="smb ports=$SMBD_PORT" \
			--option="client smb encrypt=$enc" "$np" cluster show \
			>/dev/null 2>&1
	done
done
kill "$rec_pid"
rec_pid=
echo "$(ls "$out/npa" | wc -l) npa seeds from smbd"
