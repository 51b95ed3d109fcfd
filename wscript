#!/usr/bin/env python3
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The clusapi build: PIDL output from librpc/idl, libclusapi, clusctl,
# clusapid and the tests. ./configure && make && make test.

import os
import sys

from waflib import Configure, Context

# buildtools/clusbuild.py: what the wscript_build files share
sys.path.insert(0, os.path.join(Context.run_dir, 'buildtools'))
import clusbuild  # noqa: E402

# A build directory configured by an older wscript configures itself
# again, with the options it was configured with: new checks (the
# Pacemaker one) reach trees that are already built. An option added
# since then is missing from those saved options: read it with getattr.
Configure.autoconfig = 'clobber'

APPNAME = 'clusapi'
VERSION = clusbuild.VERSION

top = '.'
out = 'build'

# pkg-config name, waf use-name, Debian package that ships it
PKGS = [
    ('talloc', 'TALLOC', 'libtalloc-dev'),
    ('tevent', 'TEVENT', 'libtevent-dev'),
    ('tdb', 'TDB', 'libtdb-dev'),
    ('popt', 'POPT', 'libpopt-dev'),
    ('jansson', 'JANSSON', 'libjansson-dev'),
    ('cmocka', 'CMOCKA', 'libcmocka-dev'),
    ('ndr', 'NDR', 'samba-dev'),
    ('ndr_standard', 'NDR_STANDARD', 'samba-dev'),
    ('dcerpc', 'DCERPC', 'samba-dev'),
    ('samba-credentials', 'SAMBA_CREDENTIALS', 'samba-dev'),
    ('samba-hostconfig', 'SAMBA_HOSTCONFIG', 'samba-dev'),
    ('samba-util', 'SAMBA_UTIL', 'samba-dev'),
    ('libsystemd', 'SYSTEMD', 'libsystemd-dev'),
]

# The Pacemaker backend's libraries (source/server/pacemaker only):
# optional, but checked, and configure says what it would take.
PCMK_PKGS = [
    ('pacemaker-cib', 'PCMK_CIB', 'pacemaker-dev'),
    ('glib-2.0', 'GLIB', 'libglib2.0-dev'),
    ('libxml-2.0', 'LIBXML2', 'libxml2-dev'),
]

# Samba's public libraries that have no .pc file: library, a symbol
# to link against, waf use-name, Debian package.
LIBS = [
    ('dcerpc-server-core', 'dcesrv_init_context', 'DCESRV_CORE',
     'samba-dev'),
    ('samba-errors', 'win_errstr', 'SAMBA_ERRORS', 'samba-dev'),
    ('tevent-util', 'tevent_req_is_nterror', 'TEVENT_UTIL', 'samba-dev'),
    ('smbconf', 'samba_version_string', 'SMBCONF', 'samba-dev'),
    ('samba-passdb', 'pdb_getsampwnam', 'SAMBA_PASSDB', 'samba-dev'),
]

def options(opt):
    opt.load('compiler_c')
    opt.load('gnu_dirs')
    opt.add_option('--enable-sanitizers', action='store_true',
                   default=False, help='build with ASan and UBSan')
    opt.add_option('--enable-debug', action='store_true', default=False,
                   help='build with -O0')
    opt.add_option('--without-pacemaker', action='store_true',
                   default=False, help='do not build the Pacemaker '
                   'backend even when libcib is installed')
    opt.add_option('--enable-fuzzing', action='store_true', default=False,
                   help='build the libFuzzer harnesses only (CC=clang; '
                   'make fuzz does this in build-fuzz)')


def configure(conf):
    conf.load('compiler_c')
    conf.load('gnu_dirs')
    conf.load('pidl', tooldir='buildtools')

    for pkg, use, deb in PKGS:
        if not conf.check_cfg(package=pkg, args=['--cflags', '--libs'],
                              uselib_store=use, mandatory=False):
            conf.fatal('pkg-config %s not found: apt-get install %s '
                       '(or run buildtools/bootstrap)' % (pkg, deb))
    for lib, sym, use, deb in LIBS:
        if not conf.check_cc(lib=lib, uselib_store=use, mandatory=False,
                             use=['TALLOC'],
                             fragment='char %s(void);\n'
                                      'int main(void) { return %s() != 0; }'
                                      % (sym, sym),
                             msg='Checking for lib%s' % lib):
            conf.fatal('lib%s not found: apt-get install %s' % (lib, deb))
    conf.check_cc(lib='dl', uselib_store='DL')
    check_pacemaker(conf)

    flags = ['-Wall', '-Werror', '-g', '-fPIC']
    flags += ['-O0'] if conf.options.enable_debug else ['-O2']
    ldflags = ['-Wl,--no-undefined']
    if conf.options.enable_sanitizers or conf.options.enable_fuzzing:
        san = ['-fsanitize=address,undefined', '-fno-omit-frame-pointer',
               '-fno-sanitize-recover=undefined']
        flags += san
        ldflags = san
    if conf.options.enable_fuzzing:
        if 'clang' not in os.path.basename(conf.env.CC[0]):
            conf.fatal('--enable-fuzzing needs CC=clang (apt-get install '
                       'clang, or run buildtools/bootstrap)')
        flags += ['-fsanitize=fuzzer-no-link']
    conf.env.FUZZING = conf.options.enable_fuzzing
    conf.env.append_value('CFLAGS', flags)
    conf.env.append_value('LINKFLAGS', ldflags)
    conf.env.SANITIZERS = conf.options.enable_sanitizers


def check_pacemaker(conf):
    """libcib, GLib and libxml2 for source/server/pacemaker: built when
    all three are there, and configure names the packages when not."""
    conf.env.HAVE_PCMK = False
    if getattr(conf.options, 'without_pacemaker', False):
        conf.msg('Pacemaker backend', 'off (--without-pacemaker)',
                 color='YELLOW')
        return
    missing = [deb for pkg, use, deb in PCMK_PKGS
               if not conf.check_cfg(package=pkg,
                                     args=['--cflags', '--libs'],
                                     uselib_store=use, mandatory=False)]
    if missing:
        conf.msg('Pacemaker backend', 'not built: apt-get install %s '
                 '(or run buildtools/bootstrap)' % ' '.join(missing),
                 color='YELLOW')
        return
    conf.env.HAVE_PCMK = True


def build(bld):
    """Each directory's wscript_build declares what it builds, as in
    Samba; a fuzzing build (make fuzz) takes only what the harnesses
    link."""
    dirs = ['librpc', 'source/server/model', 'source/server',
            'source/server/pacemaker', 'source/lib', 'torture']
    if not bld.env.FUZZING:
        dirs += ['source/client', 'etc', 'man', 'bench']
    for d in dirs:
        bld.recurse(d)
    bld.add_post_fun(link_bin)


def link_bin(bld):
    """Binaries land in bin/ (symlinks into the build tree), as in Samba."""
    bindir = bld.path.make_node('bin')
    # another build directory (make fuzz's build-fuzz, a sanitizer
    # build-asan) links into bin/<its name>/, leaving bin/ alone
    if bld.bldnode.name != 'build':
        bindir = bindir.make_node(bld.bldnode.name)
    bindir.mkdir()
    for tg in bld.get_all_task_gen():
        if not getattr(tg, 'link_task', None):
            continue
        if 'cprogram' not in tg.features and 'cshlib' not in tg.features:
            continue
        out = tg.link_task.outputs[0]
        dst = bindir.make_node(os.path.relpath(out.abspath(),
                                               bld.bldnode.abspath()))
        dst.parent.mkdir()
        path = dst.abspath()
        if os.path.islink(path) or os.path.exists(path):
            if os.path.realpath(path) == out.abspath():
                continue
            os.unlink(path)
        os.symlink(out.abspath(), path)
