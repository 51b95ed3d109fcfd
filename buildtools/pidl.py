#!/usr/bin/env python3
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# waf tool: compile IDL files with the PIDL that buildtools/bootstrap
# unpacked from Debian's samba source package (it must match libndr).

import os
from waflib import Errors

PIDL_OUTPUTS = ['%s.h', 'ndr_%s.h', 'ndr_%s.c',
                'ndr_%s_c.h', 'ndr_%s_c.c', 'ndr_%s_s.c']


def configure(conf):
    src = conf.path.find_dir('buildtools/cache/samba-src')
    if src is None or src.find_node('pidl/pidl') is None:
        conf.fatal('PIDL missing: run buildtools/bootstrap first')
    conf.find_program('perl', var='PERL')
    conf.env.PIDL = src.find_node('pidl/pidl').abspath()
    # Only for misc.idl, which PIDL parses for imports; the generated
    # code uses the public <gen_ndr/ndr_misc.h> and libndr-standard.
    conf.env.PIDL_INCLUDES = [src.find_node('librpc/idl').abspath(),
                              conf.path.find_dir('librpc/idl').abspath()]
    conf.start_msg('Checking for Parse::Yapp (PIDL)')
    try:
        conf.cmd_and_log(conf.env.PERL + ['-MParse::Yapp::Driver', '-e1'])
    except Errors.WafError:
        conf.end_msg('no', color='RED')
        conf.fatal('Parse::Yapp missing: apt-get install libparse-yapp-perl')
    conf.end_msg('yes')


def pidl_idl(bld, idl):
    """Run PIDL on librpc/idl/IDL into <build>/librpc/gen_ndr/."""
    src = bld.srcnode.find_resource('librpc/idl/' + idl)
    base = os.path.splitext(idl)[0]
    outdir = bld.bldnode.make_node('librpc/gen_ndr')
    outdir.mkdir()
    outs = [outdir.make_node(f % base) for f in PIDL_OUTPUTS]
    incs = ' '.join('--includedir=%s' % i for i in bld.env.PIDL_INCLUDES)
    # PIDL switches to Samba-tree include paths if $srcdir names a tree.
    bld(rule='cd ${TGT[0].parent.parent.parent.abspath()} && '
             'env -u srcdir ${PERL} ${PIDL} %s --quiet '
             '--outputdir=librpc/gen_ndr '
             '--header --ndr-parser --client --server '
             '-- ${SRC[0].abspath()}' % incs,
        source=src, target=outs, name='pidl_' + base,
        shell=True)
