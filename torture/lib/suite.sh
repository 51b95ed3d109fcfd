# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced by the suites of clusctl's commands (admin, properties,
# watch, docs, install): a temporary directory, the cleanup, and the
# helpers they share.  clusapid.sh and check.sh come with it.
#
#   suite_begin NAME	$tmp (/tmp/clusapi-NAME.XXXXXX); on exit
#			$suite_atexit runs, clusapid stops and $tmp goes
#			(KEEP_TMP=1 keeps it)
#   clusctl ARGS...	bin/clusctl -N against the clusapid started
#   py EXPR		EXPR of j, the JSON on stdin, printed (a list one
#			item a line)

. torture/lib/clusapid.sh
. torture/lib/check.sh

suite_cleanup() {
	[ -n "${suite_atexit:-}" ] && eval "$suite_atexit"
	clusapid_stop >/dev/null 2>&1
	[ -n "${KEEP_TMP:-}" ] && echo "kept $tmp" && return
	rm -rf "$tmp"
}

suite_begin() {
	tmp=$(mktemp -d "/tmp/clusapi-$1.XXXXXX")
	trap suite_cleanup EXIT
	trap 'exit 1' INT TERM
}

clusctl() {
	bin/clusctl -N "ncacn_ip_tcp:127.0.0.1[$CLUSAPID_PORT]" "$@"
}

py() {
	python3 -c '
import json, sys
j = json.load(sys.stdin)
v = eval(sys.argv[1])
print("\n".join(map(str, v)) if isinstance(v, list) else v)' "$1"
}
