#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# bin/clustorture, the libclusapi move flow of MS-CMRP 4.2, against a
# clusapid serving torture/clustorture/cluster.conf over ncacn_ip_tcp.

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
. torture/lib/clusapid.sh

tmp=$(mktemp -d /tmp/clusapi-clustorture.XXXXXX)
trap 'clusapid_stop >/dev/null 2>&1; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

if ! clusapid_start "$tmp" --config torture/clustorture/cluster.conf \
	--anonymous full --move-delay-ms 200; then
	echo "[  FAILED  ] 1 test(s)."
	exit 1
fi
bin/clustorture "ncacn_ip_tcp:127.0.0.1[$CLUSAPID_PORT]"
