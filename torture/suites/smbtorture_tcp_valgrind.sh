#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The smbtorture run of smbtorture_tcp.sh with clusapid under valgrind's
# memcheck (torture/lib/valgrind.sh).

top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/torture/lib/valgrind.sh"
valgrind_run smbtorture_tcp
