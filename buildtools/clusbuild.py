#!/usr/bin/env python3
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the wscript_build files share: the library sets a target uses,
# the version, and the helpers that declare one kind of program. The
# top wscript puts buildtools/ on sys.path; every wscript_build starts
# with "from clusbuild import ...".

import os

VERSION = '0.1.0'

USE_NDR = ['TALLOC', 'TEVENT', 'NDR', 'NDR_STANDARD', 'SAMBA_UTIL',
           'SAMBA_ERRORS']
USE_CLIENT = USE_NDR + ['DCERPC', 'SAMBA_CREDENTIALS', 'SAMBA_HOSTCONFIG',
                        'TEVENT_UTIL']
USE_SERVER = USE_NDR + ['DCERPC', 'DCESRV_CORE', 'SAMBA_HOSTCONFIG', 'TDB',
                        'TEVENT_UTIL', 'DL', 'SAMBA_CREDENTIALS', 'SMBCONF',
                        'SAMBA_PASSDB', 'POPT']
USE_PCMK = ['PCMK_CIB', 'GLIB', 'LIBXML2', 'TALLOC', 'TEVENT']
# clusctl and the programs built on libclusapi's flows
USE_CLI = ['POPT', 'JANSSON', 'TALLOC', 'TEVENT', 'SAMBA_UTIL',
           'SAMBA_ERRORS', 'SAMBA_CREDENTIALS', 'SAMBA_HOSTCONFIG']
# clusapid's objects, as the daemon and the tests that run its code link
USE_CLUSRV = ['clusrv_objs', 'clusapi_ndr', 'npa_ndr', 'clusmodel',
              'TDB'] + USE_SERVER

# from the top of the tree: the source and the build directory both
INCLUDES = ['#', '#source']

VERSION_DEFINE = 'CLUSAPI_VERSION="%s"' % VERSION


def unit_tests(bld, use, defines=None):
    """One cmocka program per test_*.c of the wscript_build's directory
    (bin/unit/test_NAME); the other .c files there are helpers linked
    into each of them."""
    helpers = bld.path.ant_glob('*.c', excl=['test_*.c'])
    for src in bld.path.ant_glob('test_*.c'):
        name = os.path.splitext(src.name)[0]
        bld.program(source=[src] + helpers, target='#unit/' + name,
                    use=use, includes=INCLUDES, install_path=None,
                    defines=defines or [])


def tool(bld, source, target, use):
    """A test or bench program, never installed (bin/TARGET)"""
    bld.program(source=source, target=target, use=use, includes=INCLUDES,
                install_path=None)


SAMBA_SRC = 'buildtools/cache/samba-src'


def samba_series(bld):
    """'4.17' from the version of the Samba source the bootstrap unpacked
    (the installed samba-dev's), which samba_private.h is checked
    against; clusapid compares it with samba_version_string()."""
    stamp = bld.srcnode.find_node(SAMBA_SRC + '/.stamp')
    if stamp is None:
        bld.fatal('%s/.stamp missing: run buildtools/bootstrap' % SAMBA_SRC)
    ver = stamp.read().strip().split(':')[-1]
    return '.'.join(ver.split('.')[:2])


def check_samba_private(bld):
    """The private Samba structures clusapid declares
    (source/server/auth/samba_private.h) must be the installed
    version's: buildtools/check_private.py compares them with its
    source's headers; a difference fails the build."""
    top = bld.srcnode
    ours = top.find_node('source/server/auth/samba_private.h')
    src = top.find_node(SAMBA_SRC)
    heads = [src.find_node(h) for h in ('auth/common_auth.h',
                                         'libcli/auth/ntlm_check.h')]
    if None in heads:
        bld.fatal('Samba headers missing in %s: run buildtools/bootstrap'
                  % SAMBA_SRC)

    def check(task):
        import sys
        sys.path.insert(0, task.inputs[0].parent.abspath())
        import check_private
        if check_private.main(task.inputs[1].abspath(), src.abspath()):
            return 1
        task.outputs[0].write('ok\n')
        return 0

    bld(rule=check, source=[top.find_node('buildtools/check_private.py'),
                            ours] + heads,
        target='samba_private.checked')
