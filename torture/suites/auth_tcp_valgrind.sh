#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# auth_tcp.sh with clusapid under valgrind's memcheck
# (torture/lib/valgrind.sh), smbtorture over SPNEGO [seal] only: gensec,
# the password check and sealing in the server must show no invalid
# access, no use of uninitialised memory and no definite leak.

top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/torture/lib/valgrind.sh"
AUTH_TCP_MECHS=spnego
export AUTH_TCP_MECHS
valgrind_run auth_tcp
