#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# make install PREFIX=/usr DESTDIR=<tmp>, then the installed things at
# work: clusapid and clusctl run from there (LD_LIBRARY_PATH as the
# pkg-config file says), a program built against the installed header
# and clusapi.pc, the configuration file read and overridden, readiness
# and reload told to systemd through NOTIFY_SOCKET, priorities for the
# journal, the unit through systemd-analyze verify, the man pages
# through mandoc -T lint.

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
. torture/lib/suite.sh

suite_begin install
suite_atexit='[ -n "${notify_pid:-}" ] && kill "$notify_pid" 2>/dev/null'

D="$tmp/root"
if ! make install PREFIX=/usr DESTDIR="$D" >"$tmp/install.log" 2>&1; then
	cat "$tmp/install.log"
	check "make install PREFIX=/usr DESTDIR=..." false
	summary
fi
ok "make install PREFIX=/usr DESTDIR=..."
for f in usr/bin/clusctl usr/sbin/clusapid usr/lib/libclusapi.so.0 \
	 usr/lib/pkgconfig/clusapi.pc usr/include/libclusapi.h \
	 usr/share/man/man1/clusctl.1 usr/share/man/man8/clusapid.8 \
	 usr/share/man/man5/clusapid.conf.5 \
	 usr/share/man/man5/clusapid-access.conf.5 \
	 usr/lib/systemd/system/clusapid.service \
	 usr/share/bash-completion/completions/clusctl \
	 etc/clusapi/clusapid.conf; do
	check "installed: /$f" test -s "$D/$f"
done

# the staged prefix, as a user of a moved install tells pkg-config
pc() {
	PKG_CONFIG_PATH="$D/usr/lib/pkgconfig" \
		pkg-config --define-variable=prefix="$D/usr" "$@" clusapi
}
LD_LIBRARY_PATH=$(pc --variable=libdir)
export LD_LIBRARY_PATH
check "clusapi.pc: libdir in the staged prefix" \
	test "$LD_LIBRARY_PATH" = "$D/usr/lib"
check "the installed clusctl runs" \
	eval '"$D/usr/bin/clusctl" --version | grep -q "^clusctl "'

# a program of the library's users: the header, the .pc file
cat >"$tmp/user.c" <<'EOC'
#include <stdio.h>
#include <libclusapi.h>

int main(void)
{
	printf("%s\n", clusapi_werror_name(WERR_ACCESS_DENIED));
	return 0;
}
EOC
# clusapi.pc's own directories, moved to the stage; its Requires as
# they are on this machine
req=$(PKG_CONFIG_PATH="$D/usr/lib/pkgconfig" pkg-config --print-requires \
	clusapi | cut -d' ' -f1)
check "a program builds with the installed header and clusapi.pc" \
	eval 'cc -o "$tmp/user" "$tmp/user.c" -I"$(pc --variable=includedir)" \
		$(pkg-config --cflags $req) -L"$(pc --variable=libdir)" \
		-lclusapi $(pkg-config --libs $req)'
check "... and runs against the installed library" \
	eval 'test "$("$tmp/user")" = ERROR_ACCESS_DENIED'

# the installed daemon, its configuration file overridden by argv
mkdir "$tmp/state"
cat >"$tmp/clusapid.conf" <<EOC
[global]
	anonymous = full
	move delay ms = 10
	max connections = 2
EOC
CLUSAPID_BIN="$D/usr/sbin/clusapid"
if clusapid_start "$tmp/state" -s "$tmp/clusapid.conf" \
	--max-connections 64; then
	ok "the installed clusapid starts with -s FILE"
else
	fail "the installed clusapid starts with -s FILE"
	summary
fi
T="ncacn_ip_tcp:127.0.0.1[$CLUSAPID_PORT]"
check "the installed clusctl talks to it" \
	eval '"$D/usr/bin/clusctl" -N "$T" group list |
	      grep -q "^Application Group "'
check "anonymous = full from the file: a change is allowed" \
	"$D/usr/bin/clusctl" -N "$T" group create FromConf
clusapid_stop
check "the example configuration is valid as installed" \
	"$D/usr/sbin/clusapid" -s "$D/etc/clusapi/clusapid.conf" --version

# sd_notify: READY=1 once the endpoints are there, RELOADING/READY on
# SIGHUP, STOPPING=1 on SIGTERM
python3 - "$tmp/notify.sock" "$tmp/notify.log" "$tmp/state" <<'EOP' &
import os, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
with open(sys.argv[2], "w", buffering=1) as log:
    while True:
        msg = s.recv(4096).decode()
        ep = os.path.exists(os.path.join(sys.argv[3], "endpoints"))
        for line in msg.split("\n"):
            log.write("%s endpoints=%s\n" % (line, ep))
EOP
notify_pid=$!
wait_for -S "$tmp/notify.sock"
NOTIFY_SOCKET="$tmp/notify.sock" JOURNAL_STREAM=0:0 \
	clusapid_start "$tmp/state" --anonymous full
logged() {
	_i=0
	while [ $_i -lt 100 ]; do
		grep -q "$1" "$2" && return 0
		sleep 0.1
		_i=$((_i + 1))
	done
	return 1
}
check "sd_notify READY=1, once the endpoints are written" \
	logged "^READY=1 endpoints=True" "$tmp/notify.log"
check "... with a STATUS naming the binding" \
	logged "^STATUS=serving on ncacn_ip_tcp:127.0.0.1\[" "$tmp/notify.log"
kill -HUP "$CLUSAPID_PID"
check "SIGHUP: RELOADING=1" logged "^RELOADING=1" "$tmp/notify.log"
check "... then READY=1 again" \
	eval 'test "$(grep -c "^READY=1" "$tmp/notify.log")" -ge 2'
clusapid_stop
check "SIGTERM: STOPPING=1" logged "^STOPPING=1" "$tmp/notify.log"
check "under the journal, messages carry their priority" \
	grep -q "^<5>clusapid .* ready" "$tmp/state/clusapid.log"

# the unit as systemd reads it (the binary where it was staged)
sed "s|^ExecStart=/usr/sbin/|ExecStart=$D/usr/sbin/|" \
	"$D/usr/lib/systemd/system/clusapid.service" >"$tmp/clusapid.service"
check "systemd-analyze verify clusapid.service" \
	eval 'MANPATH="$D/usr/share/man" systemd-analyze verify \
		"$tmp/clusapid.service" >"$tmp/verify.log" 2>&1 &&
	      ! test -s "$tmp/verify.log"'
for page in man1/clusctl.1 man8/clusapid.8 man5/clusapid.conf.5 \
	    man5/clusapid-access.conf.5; do
	check "mandoc -T lint: $page, no warning" \
		mandoc -T lint -W warning "$D/usr/share/man/$page"
	check "man -l renders $page" \
		eval 'man -l "$D/usr/share/man/$page" 2>&1 | grep -q "^NAME"'
done
summary
