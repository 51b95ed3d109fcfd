/*
 * clusctl - command line parsing
 *
 * Copyright (C) 2026 The clusapi developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <https://www.gnu.org/licenses/>.
 */

/*
 * Samba's command line helpers (samba_cmdline_*) are private, so the
 * option table is ours, with Samba's option names, and the credentials
 * are filled through the public samba-credentials API.
 */

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <unistd.h>
#include <popt.h>
#include <core/ntstatus.h>
#include <credentials.h>
#include <param.h>
#include "client/cmdline.h"

enum {
	OPT_USER = 1000,
	OPT_WORKGROUP,
	OPT_AUTHFILE,
	OPT_CONFIGFILE,
	OPT_KERBEROS_FLAG,
	OPT_USE_KERBEROS,
	OPT_NO_PASS,
	OPT_OPTION,
	OPT_DEBUGLEVEL,
	OPT_JSON,
	OPT_DRAIN,
	OPT_DRAIN_TARGET,
	OPT_FAILBACK,
	OPT_WAIT,
	OPT_CANCEL_ON_TIMEOUT,
	OPT_POLL_INTERVAL,
	OPT_NO_NOTIFY,
	OPT_GROUP,
	OPT_HELP,
	OPT_VERSION,
};

static const char clusctl_commands_help[] =
"\n"
"TARGET is a host name (ncacn_ip_tcp, port from the endpoint mapper) or a\n"
"binding string: ncacn_ip_tcp:HOST[PORT], ncacn_np:HOST[\\pipe\\clusapi].\n"
"\n"
"Commands:\n"
"  cluster show\n"
"  node list\n"
"  node show NAME\n"
"  node pause NAME [--drain] [--drain-target=NODE]\n"
"  node resume NAME [--failback]\n"
"  group list\n"
"  group show NAME\n"
"  group move NAME [NODE] [--wait[=SECONDS]] [--cancel-on-timeout]\n"
"                         [--poll-interval=SECONDS] [--no-notify]\n"
"             (no NODE: the cluster picks one)\n"
"  group online NAME [--wait[=SECONDS]] ...\n"
"  group offline NAME [--wait[=SECONDS]] ...\n"
"  resource list [--group=NAME]\n"
"  resource show NAME\n"
"\n"
"Exit status: 0 success, 1 failure, 2 usage error, 3 --wait timed out.\n";

static char *clusctl_errorf(TALLOC_CTX *mem_ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static char *clusctl_errorf(TALLOC_CTX *mem_ctx, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = talloc_vasprintf(mem_ctx, fmt, ap);
	va_end(ap);
	return s;
}

bool clusctl_parse_seconds(const char *s, uint32_t *ms)
{
	char *end = NULL;
	double d;

	if (s == NULL || s[0] == '\0' || s[0] == '-' || s[0] == '+') {
		return false;
	}
	errno = 0;
	d = strtod(s, &end);
	if (errno != 0 || end == s || *end != '\0' || d != d) {
		return false;
	}
	if (d <= 0 || d * 1000.0 > (double)UINT32_MAX) {
		return false;
	}
	*ms = (uint32_t)(d * 1000.0 + 0.5);
	if (*ms == 0) {
		*ms = 1;
	}
	return true;
}

struct clusctl_command_def {
	const char *object;
	const char *verb;
	enum clusctl_command command;
	int min_args;		/* after the verb */
	int max_args;
};

static const struct clusctl_command_def clusctl_command_defs[] = {
	{ "cluster", "show", CLUSCTL_CMD_CLUSTER_SHOW, 0, 0 },
	{ "node", "list", CLUSCTL_CMD_NODE_LIST, 0, 0 },
	{ "node", "show", CLUSCTL_CMD_NODE_SHOW, 1, 1 },
	{ "node", "pause", CLUSCTL_CMD_NODE_PAUSE, 1, 1 },
	{ "node", "resume", CLUSCTL_CMD_NODE_RESUME, 1, 1 },
	{ "group", "list", CLUSCTL_CMD_GROUP_LIST, 0, 0 },
	{ "group", "show", CLUSCTL_CMD_GROUP_SHOW, 1, 1 },
	{ "group", "move", CLUSCTL_CMD_GROUP_MOVE, 1, 2 },
	{ "group", "online", CLUSCTL_CMD_GROUP_ONLINE, 1, 1 },
	{ "group", "offline", CLUSCTL_CMD_GROUP_OFFLINE, 1, 1 },
	{ "resource", "list", CLUSCTL_CMD_RESOURCE_LIST, 0, 0 },
	{ "resource", "show", CLUSCTL_CMD_RESOURCE_SHOW, 1, 1 },
};

static bool is_wait_command(enum clusctl_command c)
{
	return c == CLUSCTL_CMD_GROUP_MOVE || c == CLUSCTL_CMD_GROUP_ONLINE ||
	       c == CLUSCTL_CMD_GROUP_OFFLINE;
}

/* Which command options the command takes */
static char *clusctl_check_options(TALLOC_CTX *mem_ctx,
				   const struct clusctl_options *o,
				   const char *cmd, bool poll_given)
{
	enum clusctl_command c = o->command;

	if ((o->drain || o->drain_target != NULL) &&
	    c != CLUSCTL_CMD_NODE_PAUSE) {
		return clusctl_errorf(mem_ctx, "%s is only valid with "
				      "\"node pause\"",
				      o->drain ? "--drain" : "--drain-target");
	}
	if (o->failback && c != CLUSCTL_CMD_NODE_RESUME) {
		return clusctl_errorf(mem_ctx, "--failback is only valid "
				      "with \"node resume\"");
	}
	if (o->group != NULL && c != CLUSCTL_CMD_RESOURCE_LIST) {
		return clusctl_errorf(mem_ctx, "--group is only valid with "
				      "\"resource list\"");
	}
	if (!is_wait_command(c)) {
		const char *opt = NULL;

		if (o->wait) {
			opt = "--wait";
		} else if (o->cancel_on_timeout) {
			opt = "--cancel-on-timeout";
		} else if (poll_given) {
			opt = "--poll-interval";
		} else if (o->no_notify) {
			opt = "--no-notify";
		}
		if (opt != NULL) {
			return clusctl_errorf(mem_ctx, "%s is only valid with "
					      "\"group move\", \"group "
					      "online\" and \"group offline\", "
					      "not with \"%s\"", opt, cmd);
		}
		return NULL;
	}
	if (o->cancel_on_timeout && (!o->wait || o->wait_ms == 0)) {
		return clusctl_errorf(mem_ctx, "--cancel-on-timeout needs "
				      "--wait=SECONDS");
	}
	if ((poll_given || o->no_notify) && !o->wait) {
		return clusctl_errorf(mem_ctx, "%s needs --wait",
				      poll_given ? "--poll-interval" :
				      "--no-notify");
	}
	return NULL;
}

static char *clusctl_parse_command(TALLOC_CTX *mem_ctx,
				   struct clusctl_options *o,
				   const char **args, int nargs)
{
	const struct clusctl_command_def *def = NULL;
	size_t i;
	int n;

	if (nargs < 1) {
		return clusctl_errorf(mem_ctx, "no TARGET given "
				      "(see --help)");
	}
	o->target = args[0];
	if (o->target[0] == '\0') {
		return clusctl_errorf(mem_ctx, "the TARGET is empty");
	}
	if (nargs < 2) {
		return clusctl_errorf(mem_ctx, "no COMMAND given "
				      "(see --help)");
	}
	if (nargs < 3) {
		for (i = 0; i < sizeof(clusctl_command_defs) /
				sizeof(clusctl_command_defs[0]); i++) {
			if (strcmp(clusctl_command_defs[i].object,
				   args[1]) == 0) {
				return clusctl_errorf(mem_ctx, "\"%s\" needs a "
						      "subcommand (see --help)",
						      args[1]);
			}
		}
		return clusctl_errorf(mem_ctx, "unknown command \"%s\" "
				      "(see --help)", args[1]);
	}
	for (i = 0; i < sizeof(clusctl_command_defs) /
			sizeof(clusctl_command_defs[0]); i++) {
		if (strcmp(clusctl_command_defs[i].object, args[1]) == 0 &&
		    strcmp(clusctl_command_defs[i].verb, args[2]) == 0) {
			def = &clusctl_command_defs[i];
			break;
		}
	}
	if (def == NULL) {
		return clusctl_errorf(mem_ctx, "unknown command \"%s %s\" "
				      "(see --help)", args[1], args[2]);
	}
	n = nargs - 3;
	if (n < def->min_args) {
		return clusctl_errorf(mem_ctx, "\"%s %s\" needs a %s name",
				      def->object, def->verb,
				      def->object);
	}
	if (n > def->max_args) {
		return clusctl_errorf(mem_ctx, "too many arguments for \"%s "
				      "%s\": \"%s\"", def->object, def->verb,
				      args[3 + def->max_args]);
	}
	o->command = def->command;
	if (n >= 1) {
		o->name = args[3];
		if (o->name[0] == '\0') {
			return clusctl_errorf(mem_ctx, "the %s name is empty",
					      def->object);
		}
	}
	if (n >= 2) {
		o->node = args[4];
		if (o->node[0] == '\0') {
			return clusctl_errorf(mem_ctx, "the node name is "
					      "empty");
		}
	}
	return NULL;
}

/* popt strdup()s every string value it stores: free them once used */
static void clusctl_popt_strings_free(char **strings[])
{
	size_t i;

	for (i = 0; strings[i] != NULL; i++) {
		free(*strings[i]);
		*strings[i] = NULL;
	}
}

int clusctl_parse(TALLOC_CTX *mem_ctx, int argc, const char **argv,
		  struct clusctl_options **popts, char **error, char **usage)
{
	struct clusctl_options *o;
	char *user = NULL, *workgroup = NULL, *authfile = NULL;
	char *configfile = NULL, *use_kerberos = NULL, *option = NULL;
	char *drain_target = NULL, *wait_arg = NULL, *poll_arg = NULL;
	char *group = NULL;
	char **strings[] = {
		&user, &workgroup, &authfile, &configfile, &use_kerberos,
		&option, &drain_target, &wait_arg, &poll_arg, &group, NULL,
	};
	int debuglevel = -1;
	const char **args = NULL, **fixed_argv;
	size_t num_lp_options = 0;
	bool poll_given = false;
	poptContext pc;
	int nargs = 0;
	int i, rc;
	struct poptOption table[] = {
		{ "user", 'U', POPT_ARG_STRING, &user, OPT_USER,
		  "Set the network user name", "[DOMAIN/]USERNAME[%PASSWORD]" },
		{ "workgroup", 'W', POPT_ARG_STRING, &workgroup, OPT_WORKGROUP,
		  "Set the workgroup (domain) name", "WORKGROUP" },
		{ "authentication-file", 'A', POPT_ARG_STRING, &authfile,
		  OPT_AUTHFILE, "Get the credentials from a file", "FILE" },
		{ NULL, 'k', POPT_ARG_NONE, NULL, OPT_KERBEROS_FLAG,
		  "Use Kerberos (same as --use-kerberos=required)", NULL },
		{ "use-kerberos", 0, POPT_ARG_STRING, &use_kerberos,
		  OPT_USE_KERBEROS, "Use Kerberos authentication",
		  "desired|required|off" },
		{ "no-pass", 'N', POPT_ARG_NONE, NULL, OPT_NO_PASS,
		  "Do not ask for a password (anonymous without -U)", NULL },
		{ "configfile", 's', POPT_ARG_STRING, &configfile,
		  OPT_CONFIGFILE, "Use an alternative smb.conf", "FILE" },
		{ "option", 0, POPT_ARG_STRING, &option, OPT_OPTION,
		  "Set an smb.conf option from the command line",
		  "name=value" },
		{ "debuglevel", 'd', POPT_ARG_INT, &debuglevel,
		  OPT_DEBUGLEVEL, "Set the debug level", "LEVEL" },
		{ "json", 0, POPT_ARG_NONE, NULL, OPT_JSON,
		  "Machine-readable output (JSON)", NULL },
		{ "drain", 0, POPT_ARG_NONE, NULL, OPT_DRAIN,
		  "node pause: move the node's groups away", NULL },
		{ "drain-target", 0, POPT_ARG_STRING, &drain_target,
		  OPT_DRAIN_TARGET, "node pause: drain to this node", "NODE" },
		{ "failback", 0, POPT_ARG_NONE, NULL, OPT_FAILBACK,
		  "node resume: bring the node's groups back", NULL },
		{ "wait", 0, POPT_ARG_STRING | POPT_ARGFLAG_OPTIONAL,
		  &wait_arg, OPT_WAIT,
		  "Wait for the operation to end (up to SECONDS)",
		  "SECONDS" },
		{ "cancel-on-timeout", 0, POPT_ARG_NONE, NULL,
		  OPT_CANCEL_ON_TIMEOUT,
		  "Cancel the operation when --wait=SECONDS runs out", NULL },
		{ "poll-interval", 0, POPT_ARG_STRING, &poll_arg,
		  OPT_POLL_INTERVAL,
		  "Poll every SECONDS without notifications (default 5)",
		  "SECONDS" },
		{ "no-notify", 0, POPT_ARG_NONE, NULL, OPT_NO_NOTIFY,
		  "Poll even if the server has notification ports", NULL },
		{ "group", 'g', POPT_ARG_STRING, &group, OPT_GROUP,
		  "resource list: only the resources of this group", "NAME" },
		{ "help", 'h', POPT_ARG_NONE, NULL, OPT_HELP,
		  "Show this help", NULL },
		{ "version", 'V', POPT_ARG_NONE, NULL, OPT_VERSION,
		  "Print the version", NULL },
		POPT_TABLEEND
	};

	*error = NULL;
	if (usage != NULL) {
		*usage = NULL;
	}
	o = talloc_zero(mem_ctx, struct clusctl_options);
	if (o == NULL) {
		*error = NULL;
		return CLUSCTL_EXIT_FAILED;
	}
	o->debuglevel = -1;
	o->lp_options = talloc_zero_array(o, const char *, 1);
	if (o->lp_options == NULL) {
		talloc_free(o);
		return CLUSCTL_EXIT_FAILED;
	}

	/*
	 * popt takes the next word as the value of an optional argument:
	 * "--wait host" would wait "host" seconds.  "--wait=" is unambiguous.
	 */
	fixed_argv = talloc_array(o, const char *, argc + 1);
	if (fixed_argv == NULL) {
		talloc_free(o);
		return CLUSCTL_EXIT_FAILED;
	}
	for (i = 0; i < argc; i++) {
		fixed_argv[i] = argv[i];
		if (i > 0 && strcmp(argv[i], "--wait") == 0) {
			fixed_argv[i] = "--wait=";
		}
		if (i > 0 && strcmp(argv[i], "--") == 0) {
			for (i = i + 1; i < argc; i++) {
				fixed_argv[i] = argv[i];
			}
			break;
		}
	}
	fixed_argv[argc] = NULL;

	pc = poptGetContext("clusctl", argc, fixed_argv, table, 0);
	if (pc == NULL) {
		talloc_free(o);
		return CLUSCTL_EXIT_FAILED;
	}
	poptSetOtherOptionHelp(pc, "[OPTIONS] TARGET COMMAND [ARGS]");

	while ((rc = poptGetNextOpt(pc)) > 0) {
		switch (rc) {
		case OPT_USER:
			o->user = talloc_strdup(o, user);
			break;
		case OPT_WORKGROUP:
			o->workgroup = talloc_strdup(o, workgroup);
			break;
		case OPT_AUTHFILE:
			o->authfile = talloc_strdup(o, authfile);
			break;
		case OPT_CONFIGFILE:
			o->configfile = talloc_strdup(o, configfile);
			break;
		case OPT_KERBEROS_FLAG:
			o->kerberos = CLUSCTL_KERBEROS_REQUIRED;
			break;
		case OPT_USE_KERBEROS:
			if (strcasecmp(use_kerberos, "desired") == 0) {
				o->kerberos = CLUSCTL_KERBEROS_DESIRED;
			} else if (strcasecmp(use_kerberos, "required") == 0) {
				o->kerberos = CLUSCTL_KERBEROS_REQUIRED;
			} else if (strcasecmp(use_kerberos, "off") == 0) {
				o->kerberos = CLUSCTL_KERBEROS_OFF;
			} else {
				*error = clusctl_errorf(
					mem_ctx, "--use-kerberos takes "
					"desired, required or off, not "
					"\"%s\"", use_kerberos);
				goto usage;
			}
			break;
		case OPT_NO_PASS:
			o->no_pass = true;
			break;
		case OPT_OPTION: {
			const char **opts;

			if (option == NULL || strchr(option, '=') == NULL ||
			    option[0] == '=') {
				*error = clusctl_errorf(
					mem_ctx, "--option takes name=value, "
					"not \"%s\"", option ? option : "");
				goto usage;
			}
			opts = talloc_realloc(o, o->lp_options, const char *,
					      num_lp_options + 2);
			if (opts == NULL) {
				goto nomem;
			}
			o->lp_options = opts;
			opts[num_lp_options] = talloc_strdup(o, option);
			opts[num_lp_options + 1] = NULL;
			num_lp_options += 1;
			break;
		}
		case OPT_DEBUGLEVEL:
			if (debuglevel < 0 || debuglevel > 10) {
				*error = clusctl_errorf(
					mem_ctx, "-d takes a level from 0 to "
					"10, not %d", debuglevel);
				goto usage;
			}
			o->debuglevel = debuglevel;
			break;
		case OPT_JSON:
			o->json = true;
			break;
		case OPT_DRAIN:
			o->drain = true;
			break;
		case OPT_DRAIN_TARGET:
			o->drain_target = talloc_strdup(o, drain_target);
			if (drain_target[0] == '\0') {
				*error = clusctl_errorf(
					mem_ctx, "--drain-target needs a node "
					"name");
				goto usage;
			}
			break;
		case OPT_FAILBACK:
			o->failback = true;
			break;
		case OPT_WAIT:
			o->wait = true;
			o->wait_ms = 0;
			if (wait_arg != NULL && wait_arg[0] != '\0' &&
			    !clusctl_parse_seconds(wait_arg, &o->wait_ms)) {
				*error = clusctl_errorf(
					mem_ctx, "--wait takes a number of "
					"seconds greater than 0, not \"%s\"",
					wait_arg);
				goto usage;
			}
			break;
		case OPT_CANCEL_ON_TIMEOUT:
			o->cancel_on_timeout = true;
			break;
		case OPT_POLL_INTERVAL:
			poll_given = true;
			if (!clusctl_parse_seconds(poll_arg,
						   &o->poll_interval_ms)) {
				*error = clusctl_errorf(
					mem_ctx, "--poll-interval takes a "
					"number of seconds greater than 0, "
					"not \"%s\"", poll_arg);
				goto usage;
			}
			break;
		case OPT_NO_NOTIFY:
			o->no_notify = true;
			break;
		case OPT_GROUP:
			o->group = talloc_strdup(o, group);
			if (group[0] == '\0') {
				*error = clusctl_errorf(
					mem_ctx, "--group needs a group name");
				goto usage;
			}
			break;
		case OPT_HELP:
			o->help = true;
			break;
		case OPT_VERSION:
			o->version = true;
			break;
		}
		clusctl_popt_strings_free(strings);
	}
	if (rc < -1) {
		*error = clusctl_errorf(mem_ctx, "%s: %s",
					poptBadOption(pc,
						      POPT_BADOPTION_NOALIAS),
					poptStrerror(rc));
		goto usage;
	}

	if (o->help || o->version) {
		if (usage != NULL && o->help) {
			FILE *f;
			char *buf = NULL;
			size_t len = 0;

			f = open_memstream(&buf, &len);
			if (f != NULL) {
				poptPrintHelp(pc, f, 0);
				fclose(f);
				*usage = talloc_asprintf(mem_ctx, "%s%s", buf,
							 clusctl_commands_help);
				free(buf);
			}
		}
		poptFreeContext(pc);
		*popts = o;
		return CLUSCTL_EXIT_OK;
	}

	args = poptGetArgs(pc);
	if (args != NULL) {
		for (nargs = 0; args[nargs] != NULL; nargs++) {
			;
		}
		/* copy: they belong to the popt context */
		{
			const char **copy = talloc_array(o, const char *,
							 nargs + 1);
			if (copy == NULL) {
				goto nomem;
			}
			for (i = 0; i < nargs; i++) {
				copy[i] = talloc_strdup(copy, args[i]);
				if (copy[i] == NULL) {
					goto nomem;
				}
			}
			copy[nargs] = NULL;
			args = copy;
		}
	}

	*error = clusctl_parse_command(mem_ctx, o, args, nargs);
	if (*error != NULL) {
		goto usage;
	}
	*error = clusctl_check_options(mem_ctx, o,
				       talloc_asprintf(o, "%s %s", args[1],
						       args[2]),
				       poll_given);
	if (*error != NULL) {
		goto usage;
	}
	if (o->user != NULL && o->authfile != NULL) {
		*error = clusctl_errorf(mem_ctx, "-U and -A exclude each "
					"other");
		goto usage;
	}

	poptFreeContext(pc);
	*popts = o;
	return CLUSCTL_EXIT_OK;

nomem:
	*error = clusctl_errorf(mem_ctx, "out of memory");
usage:
	clusctl_popt_strings_free(strings);
	poptFreeContext(pc);
	talloc_free(o);
	return CLUSCTL_EXIT_USAGE;
}

/*
 * Ask for the password on the terminal, as Samba's tools do (their
 * callback lives in a private library).  Without a terminal there is no
 * password.
 */
static const char *clusctl_password_prompt(struct cli_credentials *creds)
{
	struct termios old, quiet;
	char buf[256];
	char *name, *pass;
	bool restore = false;
	FILE *tty;
	size_t len;

	tty = fopen("/dev/tty", "r+");
	if (tty == NULL) {
		return talloc_strdup(creds, "");
	}
	name = cli_credentials_get_unparsed_name(creds, creds);
	fprintf(tty, "Password for [%s]:", name != NULL ? name : "");
	fflush(tty);
	TALLOC_FREE(name);

	if (tcgetattr(fileno(tty), &old) == 0) {
		quiet = old;
		quiet.c_lflag &= ~ECHO;
		restore = tcsetattr(fileno(tty), TCSAFLUSH, &quiet) == 0;
	}
	if (fgets(buf, sizeof(buf), tty) == NULL) {
		buf[0] = '\0';
	}
	if (restore) {
		tcsetattr(fileno(tty), TCSAFLUSH, &old);
	}
	fprintf(tty, "\n");
	fclose(tty);

	len = strlen(buf);
	if (len > 0 && buf[len - 1] == '\n') {
		buf[len - 1] = '\0';
	}
	pass = talloc_strdup(creds, buf);
	memset(buf, 0, sizeof(buf));
	return pass;
}

int clusctl_setup(TALLOC_CTX *mem_ctx, const struct clusctl_options *opts,
		  struct loadparm_context **plp_ctx,
		  struct cli_credentials **pcreds, char **error)
{
	struct loadparm_context *lp_ctx;
	struct cli_credentials *creds;
	char lvl[16];
	size_t i;

	*error = NULL;
	lp_ctx = loadparm_init(mem_ctx);
	if (lp_ctx == NULL) {
		*error = clusctl_errorf(mem_ctx, "out of memory");
		return CLUSCTL_EXIT_FAILED;
	}
	if (opts->configfile != NULL) {
		if (access(opts->configfile, R_OK) != 0) {
			*error = clusctl_errorf(mem_ctx, "cannot read config "
						"file \"%s\": %s",
						opts->configfile,
						strerror(errno));
			return CLUSCTL_EXIT_USAGE;
		}
		if (!lpcfg_load(lp_ctx, opts->configfile)) {
			*error = clusctl_errorf(mem_ctx, "cannot load config "
						"file \"%s\"",
						opts->configfile);
			return CLUSCTL_EXIT_USAGE;
		}
	} else {
		/* like Samba's tools; a missing smb.conf is fine */
		(void)lpcfg_load_default(lp_ctx);
	}
	for (i = 0; opts->lp_options != NULL &&
		    opts->lp_options[i] != NULL; i++) {
		char *name = talloc_strdup(mem_ctx, opts->lp_options[i]);
		char *value;

		if (name == NULL) {
			*error = clusctl_errorf(mem_ctx, "out of memory");
			return CLUSCTL_EXIT_FAILED;
		}
		value = strchr(name, '=');
		*value++ = '\0';
		if (!lpcfg_set_cmdline(lp_ctx, name, value)) {
			*error = clusctl_errorf(mem_ctx, "--option: cannot "
						"set \"%s\" to \"%s\"", name,
						value);
			return CLUSCTL_EXIT_USAGE;
		}
	}
	if (opts->debuglevel >= 0) {
		snprintf(lvl, sizeof(lvl), "%d", opts->debuglevel);
		lpcfg_set_cmdline(lp_ctx, "log level", lvl);
	}
	if (opts->workgroup != NULL) {
		lpcfg_set_cmdline(lp_ctx, "workgroup", opts->workgroup);
	}

	creds = cli_credentials_init(mem_ctx);
	if (creds == NULL) {
		*error = clusctl_errorf(mem_ctx, "out of memory");
		return CLUSCTL_EXIT_FAILED;
	}
	if (opts->no_pass && opts->user == NULL && opts->authfile == NULL) {
		cli_credentials_set_anonymous(creds);
		goto done;
	}
	if (!cli_credentials_guess(creds, lp_ctx)) {
		*error = clusctl_errorf(mem_ctx, "cannot set up the "
					"credentials");
		return CLUSCTL_EXIT_FAILED;
	}
	if (opts->workgroup != NULL) {
		cli_credentials_set_domain(creds, opts->workgroup,
					   CRED_SPECIFIED);
	}
	if (opts->authfile != NULL &&
	    !cli_credentials_parse_file(creds, opts->authfile,
					CRED_SPECIFIED)) {
		*error = clusctl_errorf(mem_ctx, "cannot read the "
					"authentication file \"%s\"",
					opts->authfile);
		return CLUSCTL_EXIT_USAGE;
	}
	if (opts->user != NULL) {
		cli_credentials_parse_string(creds, opts->user,
					     CRED_SPECIFIED);
	}
	switch (opts->kerberos) {
	case CLUSCTL_KERBEROS_DEFAULT:
		break;
	case CLUSCTL_KERBEROS_DESIRED:
		cli_credentials_set_kerberos_state(creds,
						   CRED_USE_KERBEROS_DESIRED,
						   CRED_SPECIFIED);
		break;
	case CLUSCTL_KERBEROS_REQUIRED:
		cli_credentials_set_kerberos_state(creds,
						   CRED_USE_KERBEROS_REQUIRED,
						   CRED_SPECIFIED);
		break;
	case CLUSCTL_KERBEROS_OFF:
		cli_credentials_set_kerberos_state(creds,
						   CRED_USE_KERBEROS_DISABLED,
						   CRED_SPECIFIED);
		break;
	}
	if (opts->no_pass) {
		cli_credentials_set_password(creds, "", CRED_SPECIFIED);
	} else if (opts->kerberos != CLUSCTL_KERBEROS_REQUIRED) {
		/* ask on the terminal if a password is still needed */
		cli_credentials_set_password_callback(creds,
						      clusctl_password_prompt);
	}
done:
	*plp_ctx = lp_ctx;
	*pcreds = creds;
	return CLUSCTL_EXIT_OK;
}
