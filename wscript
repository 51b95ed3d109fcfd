#!/usr/bin/env python3
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The clusapi build: PIDL output from librpc/idl, libclusapi, clusctl,
# clusapid and the tests. ./configure && make && make test.

import os

from waflib import Configure

# A build directory configured by an older wscript configures itself
# again, with the options it was configured with: new checks (the
# Pacemaker one) reach trees that are already built. An option added
# since then is missing from those saved options: read it with getattr.
Configure.autoconfig = 'clobber'

APPNAME = 'clusapi'
VERSION = '0.1.0'

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
USE_PCMK = ['PCMK_CIB', 'GLIB', 'LIBXML2', 'TALLOC', 'TEVENT']

# Samba's public libraries that have no .pc file: library, a symbol
# to link against, waf use-name, Debian package.
LIBS = [
    ('dcerpc-server-core', 'dcesrv_init_context', 'DCESRV_CORE',
     'samba-dev'),
    ('samba-errors', 'win_errstr', 'SAMBA_ERRORS', 'samba-dev'),
    ('tevent-util', 'tevent_req_is_nterror', 'TEVENT_UTIL', 'samba-dev'),
]

USE_NDR = ['TALLOC', 'TEVENT', 'NDR', 'NDR_STANDARD', 'SAMBA_UTIL',
           'SAMBA_ERRORS']
USE_CLIENT = USE_NDR + ['DCERPC', 'SAMBA_CREDENTIALS', 'SAMBA_HOSTCONFIG',
                        'TEVENT_UTIL']
USE_SERVER = USE_NDR + ['DCERPC', 'DCESRV_CORE', 'SAMBA_HOSTCONFIG', 'TDB',
                        'TEVENT_UTIL', 'DL']


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


def unit_tests(bld, subdir, use, defines=None):
    """One cmocka program per torture/unit/SUBDIR/test_*.c; the other .c
    files of SUBDIR are helpers linked into each of them."""
    helpers = bld.path.ant_glob('torture/unit/%s/*.c' % subdir,
                                excl=['**/test_*.c'])
    for src in bld.path.ant_glob('torture/unit/%s/test_*.c' % subdir):
        name = os.path.splitext(src.name)[0]
        bld.program(source=[src] + helpers, target='unit/' + name,
                    use=use, includes=['.', 'source'], install_path=None,
                    defines=defines or [])


def fuzz_harnesses(bld, replay):
    """torture/fuzz/fuzz_NAME.c: with REPLAY, bin/unit/test_fuzz_NAME
    replays the committed inputs (make test); without, bin/fuzz/NAME is
    the libFuzzer program (make fuzz, clang)."""
    uses = {
        'request': ['clusrv_objs', 'clusapi_ndr', 'npa_ndr', 'clusmodel',
                    'TDB'] + USE_SERVER,
        'npa': ['clusrv_np_objs', 'npa_ndr'] + USE_SERVER,
        'client': ['clusapi_objs', 'fake_binding', 'clusapi_ndr'] +
        USE_CLIENT,
    }
    for name, use in sorted(uses.items()):
        src = 'torture/fuzz/fuzz_%s.c' % name
        if not bld.path.find_node(src):
            continue
        if replay:
            bld.program(source=[src, 'torture/fuzz/replay_main.c'],
                        target='unit/test_fuzz_' + name, use=use,
                        includes=['.', 'source', 'torture/fuzz'],
                        defines=['FUZZ_NAME="%s"' % name],
                        install_path=None)
        else:
            bld.program(source=[src], target='fuzz/' + name, use=use,
                        includes=['.', 'source', 'torture/fuzz'],
                        linkflags=['-fsanitize=fuzzer'],
                        install_path=None)


def client(bld):
    """libclusapi, clusctl and their unit tests (source/lib, source/client).

    libclusapi is built with -fvisibility=hidden and a version script, so
    only its clusapi_* interface is exported; the PIDL code stays inside.
    The unit tests link the same sources as objects, so they run from the
    build tree without an rpath.
    """
    lib = bld.path.ant_glob('source/lib/*.c')
    if not lib:
        return
    vers = bld.path.find_node('source/lib/libclusapi.vers')
    bld.shlib(source=lib, target='clusapi', vnum=VERSION,
              use=['clusapi_ndr'] + USE_CLIENT,
              includes=['.', 'source'],
              cflags=['-fvisibility=hidden'],
              ldflags=['-Wl,--version-script=' + vers.abspath()],
              install_path='${LIBDIR}')
    bld.objects(source=lib, target='clusapi_objs',
                use=['clusapi_ndr'] + USE_CLIENT,
                includes=['.', 'source'])
    bld.install_files('${PREFIX}/include', ['source/lib/libclusapi.h'])
    # libdir and includedir under ${prefix}: pkg-config
    # --define-variable=prefix=... finds a staged or moved install
    def under_prefix(path):
        prefix = bld.env.PREFIX.rstrip('/')
        if path.startswith(prefix + '/'):
            return '${prefix}' + path[len(prefix):]
        return path
    bld(features='subst', source='source/lib/clusapi.pc.in',
        target='clusapi.pc', install_path='${LIBDIR}/pkgconfig',
        PREFIX=bld.env.PREFIX, LIBDIR=under_prefix(bld.env.LIBDIR),
        INCLUDEDIR='${prefix}/include', VERSION=VERSION)

    use_cli = ['POPT', 'JANSSON', 'TALLOC', 'TEVENT', 'SAMBA_UTIL',
               'SAMBA_ERRORS', 'SAMBA_CREDENTIALS', 'SAMBA_HOSTCONFIG']
    bld.objects(source=['source/client/cmdline.c', 'source/client/setup.c',
                        'source/client/commands.c',
                        'source/client/output.c'],
                target='clusctl_core', use=use_cli,
                includes=['.', 'source'])
    # bin/clusctl finds libclusapi.so.0 next to it in the build tree,
    # and in LIBDIR once installed.
    rpath = ['$ORIGIN',
             '$ORIGIN/' + os.path.relpath(bld.env.LIBDIR, bld.env.BINDIR)]
    bld.program(source=['source/client/clusctl.c',
                        'source/client/admin.c',
                        'source/client/props.c',
                        'source/client/inventory.c',
                        'source/client/watch.c'], target='clusctl',
                use=['clusctl_core', 'clusapi'] + use_cli,
                includes=['.', 'source'], rpath=rpath,
                defines=['CLUSAPI_VERSION="%s"' % VERSION],
                install_path='${BINDIR}')

    unit_tests(bld, 'client', ['clusctl_core', 'clusapi_objs',
                               'fake_binding', 'CMOCKA'] +
               use_cli + USE_CLIENT)

    # make bench
    for b in ('clusbench', 'enumbench'):
        bld.program(source=['bench/%s.c' % b, 'bench/bench_util.c'],
                    target=b, use=['clusapi_ndr'] + USE_CLIENT,
                    includes=['.', 'source'], install_path=None)

    # ncacn_np through smbd: clusapid against Samba's samr server
    bld.program(source=['bench/npbench.c', 'bench/np_clusapi.c',
                        'bench/np_samr.c', 'bench/bench_util.c'],
                target='npbench',
                use=['clusapi_ndr'] + USE_CLIENT,
                includes=['.', 'source'], install_path=None)

    for b in ('movebench', 'massmove'):
        bld.program(source=['bench/%s.c' % b, 'bench/bench_util.c'],
                    target=b,
                    use=['clusapi_objs'] + use_cli + USE_CLIENT,
                    includes=['.', 'source'], install_path=None)

    # the move flow against a running clusapid (torture/suites)
    bld.program(source=['torture/clustorture/clustorture.c'],
                target='clustorture', use=['clusapi_objs'] + use_cli +
                USE_CLIENT, includes=['.', 'source'], install_path=None)

    # many clients, reads and moves, surviving lost connections
    # (torture/suites/load_*.sh and the kill tests)
    bld.program(source=['torture/load/clusload.c'],
                target='clusload', use=['clusapi_objs'] + use_cli +
                USE_CLIENT, includes=['.', 'source'], install_path=None)


def build(bld):
    from pidl import pidl_idl

    for idl in bld.path.ant_glob('librpc/idl/*.idl'):
        pidl_idl(bld, idl.name)

    # NDR marshalling and client stubs for every IDL of ours but
    # smbd's handshake (npa.idl), which only clusapid parses.
    gen = bld.path.get_bld().make_node('librpc/gen_ndr')
    ndr_src = []
    for idl in bld.path.ant_glob('librpc/idl/*.idl', excl=['**/npa.idl']):
        base = os.path.splitext(idl.name)[0]
        ndr_src += [gen.make_node('ndr_%s.c' % base),
                    gen.make_node('ndr_%s_c.c' % base)]
    bld.objects(source=ndr_src, target='clusapi_ndr', use=USE_CLIENT,
                includes=['.'], export_includes=['.'])
    bld.objects(source=[gen.make_node('ndr_npa.c')], target='npa_ndr',
                use=USE_NDR, includes=['.'], export_includes=['.'])

    # test doubles shared by the unit tests and the fuzz harnesses
    bld.objects(source=['torture/lib/fake_binding.c'],
                target='fake_binding', use=['clusapi_ndr'] + USE_CLIENT,
                includes=['.', 'source'])

    # the model shared by the backends, and the simulated cluster, the
    # default backend (source/server/model/backend.h is between them)
    model = bld.path.ant_glob(['source/server/model/*.c',
                               'source/server/sim/*.c'])
    if model:
        bld.objects(source=model, target='clusmodel',
                    use=['TALLOC', 'TEVENT', 'TDB'],
                    includes=['.', 'source', 'source/server/model'],
                    export_includes=['source', 'source/server/model'])

    # clusapid: the daemon core, the endpoint mapper, the RPC handlers
    # and the cluster model behind them.
    # everything but main(): the fuzz harness runs the same server
    server = bld.path.ant_glob(
        ['source/server/log.c',
         'source/server/rpc/clusapi_srv.c', 'source/server/rpc/common.c',
         'source/server/rpc/srv_*.c'] +
        ['source/server/%s/*.c' % d
         for d in ('daemon', 'transport', 'dcesrv', 'epm')],
        excl=['source/server/daemon/main.c',
              'source/server/daemon/options.c',
              'source/server/daemon/conf.c'])
    bld.objects(source=server, target='clusrv_objs',
                use=['clusapi_ndr', 'npa_ndr', 'clusmodel', 'TDB'] +
                USE_SERVER,
                includes=['.', 'source'],
                defines=['CLUSAPI_VERSION="%s"' % VERSION])
    # smbd's handshake and the access policy, outside the daemon
    bld.objects(source=['source/server/log.c',
                        'source/server/transport/npa.c',
                        'source/server/dcesrv/policy.c',
                        'source/server/dcesrv/session.c'],
                target='clusrv_np_objs', use=['npa_ndr'] + USE_SERVER,
                includes=['.', 'source'])

    if bld.env.FUZZING:
        bld.objects(source=bld.path.ant_glob('source/lib/*.c'),
                    target='clusapi_objs',
                    use=['clusapi_ndr'] + USE_CLIENT,
                    includes=['.', 'source'])
        fuzz_harnesses(bld, replay=False)
        bld.add_post_fun(link_bin)
        return

    # the settings: argv, later clusapid.conf
    bld.objects(source=['source/server/daemon/options.c',
                        'source/server/daemon/conf.c'],
                target='clusrv_options', use=['POPT'] + USE_SERVER,
                includes=['.', 'source'],
                defines=['CLUSAPI_VERSION="%s"' % VERSION])
    # the service: unit, configuration, man pages, completion
    bld(features='subst', source='etc/clusapid.service.in',
        target='clusapid.service',
        install_path='${PREFIX}/lib/systemd/system',
        SBINDIR=bld.env.SBINDIR)
    # the configuration is read from /etc whatever the prefix (FHS)
    bld.install_files('/etc/clusapi', ['etc/clusapid.conf'])
    bld.install_files('${MANDIR}/man1', ['man/clusctl.1'])
    bld.install_files('${MANDIR}/man8', ['man/clusapid.8'])
    bld.install_as('${DATADIR}/bash-completion/completions/clusctl',
                   'etc/clusctl.bash-completion')

    pcmk_use, pcmk_defines = [], []
    if bld.env.HAVE_PCMK:
        pcmk_use = ['cluspcmk_backend', 'cluspcmk'] + USE_PCMK
        pcmk_defines = ['CLUSAPI_HAVE_PCMK=1']
    bld.program(source=['source/server/daemon/main.c'], target='clusapid',
                install_path='${SBINDIR}',
                use=['clusrv_objs', 'clusrv_options', 'clusapi_ndr',
                     'npa_ndr', 'clusmodel', 'POPT', 'TDB',
                     'SYSTEMD'] + USE_SERVER + pcmk_use,
                includes=['.', 'source'],
                defines=['CLUSAPI_VERSION="%s"' % VERSION] + pcmk_defines)

    client(bld)
    fuzz_harnesses(bld, replay=True)
    unit_tests(bld, 'np', ['clusrv_np_objs', 'npa_ndr', 'CMOCKA'] +
               USE_SERVER)

    unit_tests(bld, 'ndr', ['clusapi_ndr', 'CMOCKA'] + USE_CLIENT)
    unit_tests(bld, 'server', ['clusapi_ndr', 'CMOCKA'] + USE_CLIENT)
    unit_tests(bld, 'daemon', ['clusrv_options', 'CMOCKA', 'POPT'] +
               USE_SERVER)
    if model:
        unit_tests(bld, 'model', ['clusmodel', 'CMOCKA', 'TALLOC',
                                  'TEVENT', 'TDB'])

    pacemaker(bld)

    for f in ['source/wscript_build']:
        if bld.path.find_node(f):
            bld.recurse(os.path.dirname(f))

    bld.add_post_fun(link_bin)


def pacemaker(bld):
    """source/server/pacemaker: the Pacemaker backend's CIB reading,
    states, changes and GLib-in-tevent (the only code that sees GLib,
    libcib and libxml2), its unit tests on the CIB files under
    torture/unit/pacemaker, and bin/pcmk_watch for the live suite."""
    src = bld.path.ant_glob('source/server/pacemaker/*.c',
                            excl=['**/backend*.c'])
    if not bld.env.HAVE_PCMK or not src:
        return
    bld.objects(source=src, target='cluspcmk', use=USE_PCMK,
                includes=['.', 'source'],
                export_includes=['source/server/pacemaker'])
    # the model's Pacemaker backend (clusapid --backend pacemaker)
    bld.objects(source=bld.path.ant_glob('source/server/pacemaker/'
                                         'backend*.c'),
                target='cluspcmk_backend',
                use=['cluspcmk', 'clusmodel'] + USE_PCMK,
                includes=['.', 'source', 'source/server/model'])
    cibdir = bld.path.find_dir('torture/unit/pacemaker').abspath()
    unit_tests(bld, 'pacemaker', ['cluspcmk', 'CMOCKA'] + USE_PCMK,
               defines=['PCMK_CIB_DIR="%s"' % cibdir])
    if bld.path.find_node('torture/pacemaker/pcmk_watch.c'):
        bld.program(source=['torture/pacemaker/pcmk_watch.c'],
                    target='pcmk_watch', use=['cluspcmk'] + USE_PCMK,
                    includes=['.', 'source'], install_path=None)


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
