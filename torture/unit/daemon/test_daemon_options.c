/*
 * clusapid's settings: the table, its defaults, argv over them
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "server/daemon/options.h"

#define ARGV(...) (const char *[]){ "clusapid", __VA_ARGS__, NULL }

static int argc_of(const char **argv)
{
	int n = 0;

	while (argv[n] != NULL) {
		n++;
	}
	return n;
}

static void test_defaults(void **state)
{
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	struct clusrv_options o;

	(void)state;
	assert_true(clusrv_options_defaults(mem_ctx, &o, false));
	assert_false(o.foreground);
	assert_string_equal(o.state_dir, "/var/lib/clusapid");
	assert_null(o.config_file);
	assert_null(o.log_file);
	assert_string_equal(o.listen_addr, "0.0.0.0");
	assert_int_equal(o.tcp_port, 0);
	assert_int_equal(o.epm_port, -1);
	assert_int_equal(o.anonymous, CLUSRV_ANONYMOUS_NONE);
	assert_int_equal(o.move_delay_ms, 500);
	assert_int_equal(o.max_connections, 1024);
	assert_int_equal(o.max_handles, 10000);
	assert_int_equal(o.max_request_size, 4 * 1024 * 1024);
	assert_int_equal(o.max_notify_events, 100000);
	assert_int_equal(o.debug_level, 3);
	assert_null(o.np_socket_dir);
	assert_false(o.np_socket_dir_default);
	assert_null(o.access_config);

	assert_true(clusrv_options_defaults(mem_ctx, &o, true));
	assert_int_equal(o.epm_port, 135);
	assert_string_equal(o.np_socket_dir, "/run/samba/ncalrpc");
	assert_true(o.np_socket_dir_default);
	talloc_free(mem_ctx);
}

/* --help says each default the table applies */
static void test_help_says_defaults(void **state)
{
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	const struct clusrv_option_def *defs;
	size_t i, n;

	(void)state;
	defs = clusrv_option_defs(&n);
	assert_true(n > 10);
	for (i = 0; i < n; i++) {
		char *help = clusrv_option_help(mem_ctx, &defs[i]);

		assert_non_null(help);
		if (defs[i].kind == CLUSRV_OPTION_BOOL) {
			continue;
		}
		if (defs[i].def_text != NULL) {
			assert_non_null(strstr(help, defs[i].def_text));
			continue;
		}
		assert_non_null(defs[i].def);
		assert_non_null(strstr(help, defs[i].def));
		if (defs[i].root_def != NULL) {
			assert_non_null(strstr(help, defs[i].root_def));
		}
	}
	talloc_free(mem_ctx);
}

/* What a configuration file will do: a name with spaces, a text value */
static void test_set_by_name(void **state)
{
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	const struct clusrv_option_def *d;
	struct clusrv_options o;

	(void)state;
	assert_true(clusrv_options_defaults(mem_ctx, &o, false));
	d = clusrv_option_find("max connections");
	assert_non_null(d);
	assert_null(clusrv_option_set(mem_ctx, &o, d, "7"));
	assert_int_equal(o.max_connections, 7);
	assert_non_null(clusrv_option_set(mem_ctx, &o, d, "0"));
	assert_non_null(clusrv_option_set(mem_ctx, &o, d, "-1"));
	assert_non_null(clusrv_option_set(mem_ctx, &o, d, "7x"));
	assert_int_equal(o.max_connections, 7);

	d = clusrv_option_find("Foreground");
	assert_null(clusrv_option_set(mem_ctx, &o, d, "yes"));
	assert_true(o.foreground);
	assert_null(clusrv_option_set(mem_ctx, &o, d, "no"));
	assert_false(o.foreground);
	assert_non_null(clusrv_option_set(mem_ctx, &o, d, "maybe"));

	d = clusrv_option_find("epm_port");
	assert_null(clusrv_option_set(mem_ctx, &o, d, "none"));
	assert_int_equal(o.epm_port, -1);
	d = clusrv_option_find("tcp port");
	assert_non_null(strstr(clusrv_option_set(mem_ctx, &o, d, "none"),
			       "none"));
	d = clusrv_option_find("anonymous");
	assert_non_null(strstr(clusrv_option_set(mem_ctx, &o, d, "all"),
			       "none, read or full"));
	d = clusrv_option_find("listen");
	assert_non_null(clusrv_option_set(mem_ctx, &o, d, "localhost"));
	assert_null(clusrv_option_set(mem_ctx, &o, d, "::1"));
	assert_string_equal(o.listen_addr, "::1");
	d = clusrv_option_find("config");
	assert_non_null(clusrv_option_set(mem_ctx, &o, d, "/nonexistent"));
	assert_null(clusrv_option_find("no such option"));
	talloc_free(mem_ctx);
}

/* The auth settings are rows of the table; --auth-passdb may go bare */
static void test_auth_options(void **state)
{
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	struct clusrv_options o;
	const char **argv;

	(void)state;
	argv = ARGV("-F", "--auth-passdb", "--auth-users", "u.txt");
	assert_int_equal(clusrv_options_parse(mem_ctx, argc_of(argv), argv,
					      &o), 0);
	assert_string_equal(o.auth.passdb_conf, "/etc/samba/smb.conf");
	assert_string_equal(o.auth.users_file, "u.txt");
	assert_null(o.auth.keytab);

	argv = ARGV("-F", "--auth-passdb=/nonexistent/smb.conf");
	assert_int_equal(clusrv_options_parse(mem_ctx, argc_of(argv), argv,
					      &o), -1);
	/* a realm means nothing without a keytab */
	argv = ARGV("-F", "--auth-realm", "EXAMPLE.COM");
	assert_int_equal(clusrv_options_parse(mem_ctx, argc_of(argv), argv,
					      &o), -1);
	/* a user admin command needs the file */
	argv = ARGV("-F", "--list-users");
	assert_int_equal(clusrv_options_parse(mem_ctx, argc_of(argv), argv,
					      &o), -1);
	talloc_free(mem_ctx);
}

static void test_argv(void **state)
{
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	struct clusrv_options o;
	const char **argv;

	(void)state;
	argv = ARGV("-F", "--state-dir", "st", "--tcp-port=7000",
		    "--epm-port", "0", "-d", "10", "--anonymous", "none",
		    "--np-socket-dir", "/tmp/np", "--max-handles", "5",
		    "--max-handles", "6");
	assert_int_equal(clusrv_options_parse(mem_ctx, argc_of(argv), argv,
					      &o), 0);
	assert_true(o.foreground);
	assert_string_equal(o.state_dir, "st");
	assert_int_equal(o.tcp_port, 7000);
	assert_int_equal(o.epm_port, 0);
	assert_int_equal(o.debug_level, 10);
	assert_int_equal(o.anonymous, CLUSRV_ANONYMOUS_NONE);
	assert_string_equal(o.np_socket_dir, "/tmp/np");
	assert_false(o.np_socket_dir_default);
	assert_int_equal(o.max_handles, 6);

	/* a daemon: absolute paths, the log in the state directory */
	argv = ARGV("--state-dir", "st");
	assert_int_equal(clusrv_options_parse(mem_ctx, argc_of(argv), argv,
					      &o), 0);
	assert_true(o.state_dir[0] == '/');
	assert_non_null(strstr(o.log_file, "/st/clusapid.log"));

	argv = ARGV("--tcp-port", "65536");
	assert_int_equal(clusrv_options_parse(mem_ctx, argc_of(argv), argv,
					      &o), -1);
	argv = ARGV("--tcp-port", "9", "--epm-port", "9");
	assert_int_equal(clusrv_options_parse(mem_ctx, argc_of(argv), argv,
					      &o), -1);
	argv = ARGV("--state-dir", "");
	assert_int_equal(clusrv_options_parse(mem_ctx, argc_of(argv), argv,
					      &o), -1);
	argv = ARGV("extra");
	assert_int_equal(clusrv_options_parse(mem_ctx, argc_of(argv), argv,
					      &o), -1);
	argv = ARGV("-V");
	assert_int_equal(clusrv_options_parse(mem_ctx, argc_of(argv), argv,
					      &o), 1);
	talloc_free(mem_ctx);
}

static char *write_conf(TALLOC_CTX *mem_ctx, const char *text)
{
	char *path = talloc_strdup(mem_ctx, "/tmp/clusapid-conf.XXXXXX");
	int fd = mkstemp(path);

	assert_true(fd != -1);
	assert_int_equal(write(fd, text, strlen(text)), (int)strlen(text));
	close(fd);
	return path;
}

/* The file holds the options; the command line overrides it */
static void test_config_file(void **state)
{
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	struct clusrv_options o;
	const char *err;
	char *path;
	const char **argv;

	(void)state;
	path = write_conf(mem_ctx,
		"# clusapid.conf\n"
		"[global]\n"
		"\tmax connections = 7\n"
		"  Move Delay MS=20\n"
		"; a comment\n"
		"anonymous = none\n"
		"state dir = /var/tmp/\\\n"
		"clusapid\n"
		"foreground = yes\n");
	argv = ARGV("-s", path, "--max-connections", "9");
	assert_int_equal(clusrv_options_parse(mem_ctx, argc_of(argv), argv,
					      &o), 0);
	assert_int_equal(o.max_connections, 9);
	assert_int_equal(o.move_delay_ms, 20);
	assert_int_equal(o.anonymous, CLUSRV_ANONYMOUS_NONE);
	assert_string_equal(o.state_dir, "/var/tmp/ clusapid");
	assert_true(o.foreground);
	unlink(path);

	path = write_conf(mem_ctx, "[global]\nmax handles = 0\n");
	assert_true(clusrv_options_defaults(mem_ctx, &o, false));
	err = clusrv_options_load_file(mem_ctx, &o, path, true);
	assert_non_null(err);
	assert_non_null(strstr(err, ":2: max handles: '0' is not a number"));
	unlink(path);

	path = write_conf(mem_ctx, "[homes]\n");
	err = clusrv_options_load_file(mem_ctx, &o, path, true);
	assert_non_null(strstr(err, "unknown section [homes]"));
	unlink(path);

	/* the default file may be missing; a named one may not */
	assert_null(clusrv_options_load_file(mem_ctx, &o, "/nonexistent",
					     false));
	assert_non_null(clusrv_options_load_file(mem_ctx, &o, "/nonexistent",
						 true));
	argv = ARGV("--configfile=/nonexistent");
	assert_int_equal(clusrv_options_parse(mem_ctx, argc_of(argv), argv,
					      &o), -1);

	/* -s none: no file at all, not even the default one */
	path = write_conf(mem_ctx, "max handles = 7\n");
	argv = ARGV("-s", path, "-s", "none");
	assert_int_equal(clusrv_options_parse(mem_ctx, argc_of(argv), argv,
					      &o), 0);
	assert_null(o.configfile);
	assert_int_equal(o.max_handles, 10000);
	argv = ARGV("-s", "none", "--configfile", path);
	assert_int_equal(clusrv_options_parse(mem_ctx, argc_of(argv), argv,
					      &o), 0);
	assert_string_equal(o.configfile, path);
	assert_int_equal(o.max_handles, 7);
	unlink(path);
	talloc_free(mem_ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_help_says_defaults),
		cmocka_unit_test(test_set_by_name),
		cmocka_unit_test(test_argv),
		cmocka_unit_test(test_auth_options),
		cmocka_unit_test(test_config_file),
	};

	return cmocka_run_group_tests_name("daemon_options", tests, NULL,
					   NULL);
}
