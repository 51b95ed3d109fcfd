/*
 * clusctl unit tests: the command line and the credentials it asks for
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
#include <cmocka.h>
#include <core/ntstatus.h>
#include <credentials.h>
#include <param.h>
#include "client/cmdline.h"

#define ARGV(...) (const char *[]){ "clusctl", __VA_ARGS__, NULL }

static int argc_of(const char **argv)
{
	int n = 0;

	while (argv[n] != NULL) {
		n++;
	}
	return n;
}

static struct clusctl_options *parse_ok(TALLOC_CTX *mem_ctx,
					const char **argv)
{
	struct clusctl_options *o = NULL;
	char *error = NULL;
	int rc;

	rc = clusctl_parse(mem_ctx, argc_of(argv), argv, &o, &error, NULL);
	if (rc != CLUSCTL_EXIT_OK) {
		fail_msg("unexpected usage error: %s", error ? error : "?");
	}
	assert_non_null(o);
	return o;
}

/* A usage error; returns the message for the caller to look at */
static char *parse_fails(TALLOC_CTX *mem_ctx, const char **argv)
{
	struct clusctl_options *o = NULL;
	char *error = NULL;
	int rc;

	rc = clusctl_parse(mem_ctx, argc_of(argv), argv, &o, &error, NULL);
	assert_int_equal(rc, CLUSCTL_EXIT_USAGE);
	assert_non_null(error);
	/* one line */
	assert_null(strchr(error, '\n'));
	return error;
}

static void test_move(void **state)
{
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	struct clusctl_options *o;

	(void)state;
	o = parse_ok(mem_ctx, ARGV("node1", "group", "move",
				   "Application Group", "NodeB", "--wait"));
	assert_string_equal(o->target, "node1");
	assert_int_equal(o->command, CLUSCTL_CMD_GROUP_MOVE);
	assert_string_equal(o->name, "Application Group");
	assert_string_equal(o->node, "NodeB");
	assert_true(o->wait);
	assert_int_equal(o->wait_ms, 0);
	assert_false(o->cancel_on_timeout);
	assert_false(o->json);

	/* no node: the cluster picks */
	o = parse_ok(mem_ctx, ARGV("node1", "group", "move", "G"));
	assert_null(o->node);
	assert_false(o->wait);

	/* "--wait host": not a number of seconds, the TARGET */
	o = parse_ok(mem_ctx, ARGV("--wait", "node1", "group", "move", "G",
				   "NodeB"));
	assert_string_equal(o->target, "node1");
	assert_true(o->wait);
	assert_int_equal(o->wait_ms, 0);

	o = parse_ok(mem_ctx, ARGV("node1", "group", "move", "G", "NodeB",
				   "--wait=2.5", "--cancel-on-timeout",
				   "--poll-interval=0.2", "--no-notify"));
	assert_int_equal(o->wait_ms, 2500);
	assert_int_equal(o->poll_interval_ms, 200);
	assert_true(o->cancel_on_timeout);
	assert_true(o->no_notify);

	/* options after "--" are names */
	o = parse_ok(mem_ctx, ARGV("node1", "group", "show", "--",
				   "--odd-name"));
	assert_string_equal(o->name, "--odd-name");
	talloc_free(mem_ctx);
}

static void test_commands(void **state)
{
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	struct clusctl_options *o;

	(void)state;
	o = parse_ok(mem_ctx, ARGV("h", "cluster", "show"));
	assert_int_equal(o->command, CLUSCTL_CMD_CLUSTER_SHOW);
	o = parse_ok(mem_ctx, ARGV("h", "node", "list"));
	assert_int_equal(o->command, CLUSCTL_CMD_NODE_LIST);
	o = parse_ok(mem_ctx, ARGV("h", "node", "show", "NodeA"));
	assert_int_equal(o->command, CLUSCTL_CMD_NODE_SHOW);
	assert_string_equal(o->name, "NodeA");
	o = parse_ok(mem_ctx, ARGV("h", "node", "pause", "NodeA", "--drain"));
	assert_int_equal(o->command, CLUSCTL_CMD_NODE_PAUSE);
	assert_true(o->drain);
	o = parse_ok(mem_ctx, ARGV("h", "node", "pause", "NodeA",
				   "--drain-target=NodeB"));
	assert_string_equal(o->drain_target, "NodeB");
	o = parse_ok(mem_ctx, ARGV("h", "node", "resume", "NodeA",
				   "--failback"));
	assert_int_equal(o->command, CLUSCTL_CMD_NODE_RESUME);
	assert_true(o->failback);
	o = parse_ok(mem_ctx, ARGV("h", "group", "list", "--json"));
	assert_int_equal(o->command, CLUSCTL_CMD_GROUP_LIST);
	assert_true(o->json);
	o = parse_ok(mem_ctx, ARGV("h", "group", "online", "G", "--wait=10"));
	assert_int_equal(o->command, CLUSCTL_CMD_GROUP_ONLINE);
	assert_int_equal(o->wait_ms, 10000);
	o = parse_ok(mem_ctx, ARGV("h", "group", "offline", "G"));
	assert_int_equal(o->command, CLUSCTL_CMD_GROUP_OFFLINE);
	o = parse_ok(mem_ctx, ARGV("h", "resource", "list", "--group", "G"));
	assert_int_equal(o->command, CLUSCTL_CMD_RESOURCE_LIST);
	assert_string_equal(o->group, "G");
	o = parse_ok(mem_ctx, ARGV("h", "resource", "show", "Cluster Name"));
	assert_int_equal(o->command, CLUSCTL_CMD_RESOURCE_SHOW);
	talloc_free(mem_ctx);
}

static void test_samba_options(void **state)
{
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	struct clusctl_options *o;

	(void)state;
	o = parse_ok(mem_ctx, ARGV("-U", "DOM\\admin%secret", "-W", "DOM",
				   "-k", "--option", "client max protocol=SMB3",
				   "--option=log level=1", "-d", "3",
				   "-s", "/dev/null", "node1", "node", "list"));
	assert_string_equal(o->user, "DOM\\admin%secret");
	assert_string_equal(o->workgroup, "DOM");
	assert_int_equal(o->kerberos, CLUSCTL_KERBEROS_REQUIRED);
	assert_string_equal(o->lp_options[0], "client max protocol=SMB3");
	assert_string_equal(o->lp_options[1], "log level=1");
	assert_null(o->lp_options[2]);
	assert_int_equal(o->debuglevel, 3);
	assert_string_equal(o->configfile, "/dev/null");

	o = parse_ok(mem_ctx, ARGV("--use-kerberos=off", "-N", "node1",
				   "node", "list"));
	assert_int_equal(o->kerberos, CLUSCTL_KERBEROS_OFF);
	assert_true(o->no_pass);
	talloc_free(mem_ctx);
}

static void test_usage_errors(void **state)
{
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	char *e;

	(void)state;
	e = parse_fails(mem_ctx, ARGV("--json"));
	assert_non_null(strstr(e, "TARGET"));
	e = parse_fails(mem_ctx, ARGV("node1"));
	assert_non_null(strstr(e, "COMMAND"));
	e = parse_fails(mem_ctx, ARGV("node1", "group"));
	assert_non_null(strstr(e, "subcommand"));
	e = parse_fails(mem_ctx, ARGV("node1", "frobnicate", "now"));
	assert_non_null(strstr(e, "unknown command"));
	e = parse_fails(mem_ctx, ARGV("node1", "group", "show"));
	assert_non_null(strstr(e, "needs a group name"));
	e = parse_fails(mem_ctx, ARGV("node1", "group", "move", "G", "N",
				      "extra"));
	assert_non_null(strstr(e, "too many"));
	e = parse_fails(mem_ctx, ARGV("node1", "node", "list", "--drain"));
	assert_non_null(strstr(e, "--drain"));
	e = parse_fails(mem_ctx, ARGV("node1", "group", "move", "G",
				      "--failback"));
	assert_non_null(strstr(e, "--failback"));
	e = parse_fails(mem_ctx, ARGV("node1", "node", "list", "--wait"));
	assert_non_null(strstr(e, "--wait"));
	e = parse_fails(mem_ctx, ARGV("node1", "group", "move", "G",
				      "--wait=0"));
	assert_non_null(strstr(e, "--wait"));
	e = parse_fails(mem_ctx, ARGV("node1", "group", "move", "G",
				      "--wait=soon"));
	assert_non_null(strstr(e, "soon"));
	e = parse_fails(mem_ctx, ARGV("node1", "group", "move", "G",
				      "--wait", "--cancel-on-timeout"));
	assert_non_null(strstr(e, "--wait=SECONDS"));
	e = parse_fails(mem_ctx, ARGV("node1", "group", "move", "G",
				      "--poll-interval=1"));
	assert_non_null(strstr(e, "--poll-interval"));
	e = parse_fails(mem_ctx, ARGV("node1", "group", "list",
				      "--group=G"));
	assert_non_null(strstr(e, "--group"));
	e = parse_fails(mem_ctx, ARGV("--option", "novalue", "node1",
				      "node", "list"));
	assert_non_null(strstr(e, "name=value"));
	e = parse_fails(mem_ctx, ARGV("--use-kerberos=maybe", "node1",
				      "node", "list"));
	assert_non_null(strstr(e, "maybe"));
	e = parse_fails(mem_ctx, ARGV("--bogus", "node1", "node", "list"));
	assert_non_null(strstr(e, "--bogus"));
	e = parse_fails(mem_ctx, ARGV("node1", "group", "show", ""));
	assert_non_null(strstr(e, "empty"));
	talloc_free(mem_ctx);
}

static void test_help(void **state)
{
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	struct clusctl_options *o = NULL;
	const char **argv = ARGV("--help");
	char *error = NULL, *usage = NULL;
	int rc;

	(void)state;
	rc = clusctl_parse(mem_ctx, argc_of(argv), argv, &o, &error, &usage);
	assert_int_equal(rc, CLUSCTL_EXIT_OK);
	assert_true(o->help);
	assert_non_null(usage);
	assert_non_null(strstr(usage, "--user"));
	assert_non_null(strstr(usage, "group move NAME [NODE]"));
	/* the defaults come from the table and the library */
	assert_non_null(strstr(usage, "notifications (default 5)"));
	/* each command with the options it takes */
	assert_non_null(strstr(usage, "resource list [--group=NAME]"));
	assert_non_null(strstr(usage, "node pause NAME [--drain] "
				      "[--drain-target=NODE]"));
	talloc_free(mem_ctx);
}

static void test_admin_commands(void **state)
{
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	struct clusctl_options *o;
	char *e;

	(void)state;
	o = parse_ok(mem_ctx, ARGV("h", "group", "rename", "A", "B"));
	assert_int_equal(o->command, CLUSCTL_CMD_GROUP_RENAME);
	assert_int_equal(o->num_args, 2);
	assert_string_equal(o->args[1], "B");
	o = parse_ok(mem_ctx, ARGV("h", "group", "set-owners", "G", "N1",
				   "N2", "N3"));
	assert_int_equal(o->num_args, 4);
	assert_null(o->args[4]);
	o = parse_ok(mem_ctx, ARGV("h", "resource", "create", "R", "-t",
				   "IP Address", "-g", "G"));
	assert_string_equal(o->type, "IP Address");
	assert_string_equal(o->group, "G");
	o = parse_ok(mem_ctx, ARGV("h", "group", "delete", "G", "--force"));
	assert_true(o->force);
	o = parse_ok(mem_ctx, ARGV("h", "resource", "online", "R", "--wait"));
	assert_true(o->wait);

	e = parse_fails(mem_ctx, ARGV("h", "resource", "create", "R",
				      "--group=G"));
	assert_non_null(strstr(e, "needs --type"));
	e = parse_fails(mem_ctx, ARGV("h", "group", "rename", "A"));
	assert_non_null(strstr(e, "NAME NEWNAME"));
	e = parse_fails(mem_ctx, ARGV("h", "resource", "delete", "R",
				      "--force"));
	assert_non_null(strstr(e, "\"group delete\""));
	e = parse_fails(mem_ctx, ARGV("h", "resource", "fail", "R",
				      "--wait"));
	assert_non_null(strstr(e, "--wait"));
	talloc_free(mem_ctx);
}

static void test_option_rules(void **state)
{
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	struct clusctl_options *o;
	char *e;

	(void)state;
	/* the last of a repeated option wins */
	o = parse_ok(mem_ctx, ARGV("-g", "A", "--group=B", "h", "resource",
				   "list", "-d", "0", "-d", "10"));
	assert_string_equal(o->group, "B");
	assert_int_equal(o->debuglevel, 10);
	e = parse_fails(mem_ctx, ARGV("-d", "11", "h", "node", "list"));
	assert_non_null(strstr(e, "0 to 10"));
	e = parse_fails(mem_ctx, ARGV("-d", "x", "h", "node", "list"));
	assert_non_null(strstr(e, "\"x\""));
	e = parse_fails(mem_ctx, ARGV("h", "node", "list", "--no-notify"));
	assert_non_null(strstr(e, "\"group move\", \"group online\" and "
				  "\"group offline\""));
	e = parse_fails(mem_ctx, ARGV("h", "group", "move", "G",
				      "--no-notify"));
	assert_non_null(strstr(e, "--no-notify needs --wait"));
	e = parse_fails(mem_ctx, ARGV("-U", "u%p", "-A", "/dev/null", "h",
				      "node", "list"));
	assert_non_null(strstr(e, "-U and -A"));
	e = parse_fails(mem_ctx, ARGV("h", "node", "pause", "N",
				      "--drain-target="));
	assert_non_null(strstr(e, "--drain-target"));
	talloc_free(mem_ctx);
}

static void test_seconds(void **state)
{
	uint32_t ms = 0;

	(void)state;
	assert_true(clusctl_parse_seconds("5", &ms));
	assert_int_equal(ms, 5000);
	assert_true(clusctl_parse_seconds("0.25", &ms));
	assert_int_equal(ms, 250);
	assert_true(clusctl_parse_seconds("0.0001", &ms));
	assert_int_equal(ms, 1);
	assert_false(clusctl_parse_seconds("0", &ms));
	assert_false(clusctl_parse_seconds("-1", &ms));
	assert_false(clusctl_parse_seconds("1s", &ms));
	assert_false(clusctl_parse_seconds("", &ms));
	assert_false(clusctl_parse_seconds("nan", &ms));
	assert_false(clusctl_parse_seconds("1e12", &ms));
}

static struct cli_credentials *setup(TALLOC_CTX *mem_ctx, const char **argv)
{
	struct clusctl_options *o = parse_ok(mem_ctx, argv);
	struct loadparm_context *lp_ctx = NULL;
	struct cli_credentials *creds = NULL;
	char *error = NULL;
	int rc;

	rc = clusctl_setup(mem_ctx, o, &lp_ctx, &creds, &error);
	if (rc != CLUSCTL_EXIT_OK) {
		fail_msg("setup: %s", error ? error : "?");
	}
	assert_non_null(lp_ctx);
	assert_non_null(creds);
	return creds;
}

static void test_credentials(void **state)
{
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	struct cli_credentials *creds;

	(void)state;
	/* no prompt may ever happen in a test */
	unsetenv("USER");
	unsetenv("LOGNAME");
	unsetenv("PASSWD");

	creds = setup(mem_ctx, ARGV("-N", "node1", "node", "list"));
	assert_true(cli_credentials_is_anonymous(creds));

	/* what smbtorture and rpcclient use against an anonymous server */
	creds = setup(mem_ctx, ARGV("-U%", "node1", "node", "list"));
	assert_true(cli_credentials_is_anonymous(creds));

	creds = setup(mem_ctx, ARGV("-U", "EXAMPLE\\admin%secret", "node1",
				    "node", "list"));
	assert_false(cli_credentials_is_anonymous(creds));
	assert_string_equal(cli_credentials_get_username(creds), "admin");
	assert_string_equal(cli_credentials_get_domain(creds), "EXAMPLE");
	assert_string_equal(cli_credentials_get_password(creds), "secret");

	creds = setup(mem_ctx, ARGV("-U", "admin%secret", "-W", "CORP",
				    "node1", "node", "list"));
	assert_string_equal(cli_credentials_get_domain(creds), "CORP");

	creds = setup(mem_ctx, ARGV("-U", "admin", "-N", "node1", "node",
				    "list"));
	assert_string_equal(cli_credentials_get_password(creds), "");

	creds = setup(mem_ctx, ARGV("-U", "admin%x", "-k", "node1", "node",
				    "list"));
	assert_int_equal(cli_credentials_get_kerberos_state(creds),
			 CRED_USE_KERBEROS_REQUIRED);
	talloc_free(mem_ctx);
}

static void test_config_file(void **state)
{
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	struct clusctl_options *o;
	struct loadparm_context *lp_ctx = NULL;
	struct cli_credentials *creds = NULL;
	char *error = NULL;
	int rc;

	(void)state;
	o = parse_ok(mem_ctx, ARGV("-s", "/nonexistent/smb.conf", "-N",
				   "node1", "node", "list"));
	rc = clusctl_setup(mem_ctx, o, &lp_ctx, &creds, &error);
	assert_int_equal(rc, CLUSCTL_EXIT_USAGE);
	assert_non_null(strstr(error, "/nonexistent/smb.conf"));

	o = parse_ok(mem_ctx, ARGV("-s", "/dev/null", "-N", "--option",
				   "clusctl:test=yes", "node1", "node",
				   "list"));
	rc = clusctl_setup(mem_ctx, o, &lp_ctx, &creds, &error);
	assert_int_equal(rc, CLUSCTL_EXIT_OK);
	assert_string_equal(lpcfg_get_parametric(lp_ctx, NULL, "clusctl",
						 "test"), "yes");

	o = parse_ok(mem_ctx, ARGV("-s", "/dev/null", "-N", "--option",
				   "no such option=1", "node1", "node",
				   "list"));
	rc = clusctl_setup(mem_ctx, o, &lp_ctx, &creds, &error);
	assert_int_equal(rc, CLUSCTL_EXIT_USAGE);
	assert_non_null(strstr(error, "no such option"));
	talloc_free(mem_ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_move),
		cmocka_unit_test(test_commands),
		cmocka_unit_test(test_samba_options),
		cmocka_unit_test(test_usage_errors),
		cmocka_unit_test(test_help),
		cmocka_unit_test(test_option_rules),
		cmocka_unit_test(test_admin_commands),
		cmocka_unit_test(test_seconds),
		cmocka_unit_test(test_credentials),
		cmocka_unit_test(test_config_file),
	};

	return cmocka_run_group_tests_name("client_cmdline", tests, NULL,
					   NULL);
}
