# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Samba-style wrapper around waf. `make` bootstraps (once), configures
# (once) and builds; `make test` does the same and runs every test.

WAF = buildtools/waf

.PHONY: all build bootstrap configured test demo demo-admin bench fuzz install clean distclean

all: build

bootstrap:
	@buildtools/bootstrap

configured: bootstrap
	@test -f build/c4che/_cache.py || $(WAF) configure

build: configured
	@$(WAF) build

# libclusapi, its header and clusapi.pc, clusctl, clusapid, the man
# pages, the systemd unit, the bash completion and /etc/clusapi/
# clusapid.conf.  DESTDIR=... stages; PREFIX=... builds for that prefix
# in build-install, leaving build/ as it is.
ifneq ($(PREFIX),)
install: bootstrap
	@WAFLOCK=.lock-waf_install $(WAF) configure -o build-install \
		--prefix=$(PREFIX) >/dev/null
	@WAFLOCK=.lock-waf_install $(WAF) install \
		$(if $(DESTDIR),--destdir=$(DESTDIR))
else
install: build
	@$(WAF) install $(if $(DESTDIR),--destdir=$(DESTDIR))
endif

test: build
	@torture/run_tests

demo: build
	@torture/demo

demo-admin: build
	@torture/demo_admin

bench: build
	@bench/run

# libFuzzer harnesses (clang) in build-fuzz; FUZZ_SECONDS per harness
fuzz: bootstrap
	@torture/fuzz/run

clean:
	@$(WAF) clean

distclean:
	@$(WAF) distclean
	rm -rf bin build-fuzz .lock-waf_fuzz build-install .lock-waf_install
