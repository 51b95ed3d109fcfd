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
#include <stddef.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <popt.h>
#include <core/ntstatus.h>
#include "client/cmdline_private.h"
#include "lib/libclusapi.h"


/* What parsing argv carries from one option to the next */
struct clusctl_parse_state {
	TALLOC_CTX *err_ctx;	/* the error messages */
	struct clusctl_options *o;
	size_t num_lp_options;
	uint32_t given;		/* OPT_* seen */
};

struct clusctl_option_def;

/* NULL, or what is wrong with ARG (on st->err_ctx, or static) */
typedef const char *(*clusctl_option_set_fn)(
	struct clusctl_parse_state *st, const struct clusctl_option_def *d,
	const char *arg);

struct clusctl_option_def {
	const char *name;	/* --name, or NULL */
	char short_name;	/* or 0 */
	int arg_info;		/* POPT_ARG_NONE or POPT_ARG_STRING (| ...) */
	const char *arg;	/* what --help calls the value */
	const char *help;
	const char *def;	/* the default in --help, or NULL */
	uint32_t bit;		/* OPT_*; 0: every command takes it */
	clusctl_option_set_fn set;
	size_t offset;		/* the field set() fills */
	long min, max;		/* a number's limits */
};

static const char *parse_errorf(TALLOC_CTX *mem_ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The error, or that there was no memory for it */
static const char *parse_errorf(TALLOC_CTX *mem_ctx, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = talloc_vasprintf(mem_ctx, fmt, ap);
	va_end(ap);
	return s != NULL ? s : "out of memory";
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

#define FIELD(st, d, type) ((type *)((char *)(st)->o + (d)->offset))

static const char *set_flag(struct clusctl_parse_state *st,
			    const struct clusctl_option_def *d,
			    const char *arg)
{
	*FIELD(st, d, bool) = true;
	return NULL;
}

static const char *set_string(struct clusctl_parse_state *st,
			      const struct clusctl_option_def *d,
			      const char *arg)
{
	char *copy;

	if (arg[0] == '\0' && d->bit != 0) {
		return parse_errorf(st->err_ctx, "--%s needs a %s, not an "
				      "empty string", d->name, d->arg);
	}
	copy = talloc_strdup(st->o, arg);
	if (copy == NULL) {
		return "out of memory";
	}
	*FIELD(st, d, const char *) = copy;
	return NULL;
}

static const char *set_kerberos_flag(struct clusctl_parse_state *st,
				     const struct clusctl_option_def *d,
				     const char *arg)
{
	st->o->kerberos = CLUSCTL_KERBEROS_REQUIRED;
	return NULL;
}

static const char *set_use_kerberos(struct clusctl_parse_state *st,
				    const struct clusctl_option_def *d,
				    const char *arg)
{
	static const struct {
		const char *name;
		enum clusctl_kerberos value;
	} states[] = {
		{ "desired", CLUSCTL_KERBEROS_DESIRED },
		{ "required", CLUSCTL_KERBEROS_REQUIRED },
		{ "off", CLUSCTL_KERBEROS_OFF },
	};
	size_t i;

	for (i = 0; i < sizeof(states) / sizeof(states[0]); i++) {
		if (strcasecmp(arg, states[i].name) == 0) {
			st->o->kerberos = states[i].value;
			return NULL;
		}
	}
	return parse_errorf(st->err_ctx, "--%s takes %s, not \"%s\"",
			      d->name, d->arg, arg);
}

static const char *set_lp_option(struct clusctl_parse_state *st,
				 const struct clusctl_option_def *d,
				 const char *arg)
{
	struct clusctl_options *o = st->o;
	const char **opts;
	size_t n = st->num_lp_options;

	if (strchr(arg, '=') == NULL || arg[0] == '=') {
		return parse_errorf(st->err_ctx, "--%s takes %s, not \"%s\"",
				      d->name, d->arg, arg);
	}
	opts = talloc_realloc(o, o->lp_options, const char *, n + 2);
	if (opts == NULL) {
		return "out of memory";
	}
	o->lp_options = opts;
	opts[n] = talloc_strdup(o, arg);
	opts[n + 1] = NULL;
	if (opts[n] == NULL) {
		return "out of memory";
	}
	st->num_lp_options = n + 1;
	return NULL;
}

static const char *set_level(struct clusctl_parse_state *st,
			     const struct clusctl_option_def *d,
			     const char *arg)
{
	char *end = NULL;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || v < d->min ||
	    v > d->max) {
		return parse_errorf(st->err_ctx, "-%c takes a level from "
				      "%ld to %ld, not \"%s\"", d->short_name,
				      d->min, d->max, arg);
	}
	*FIELD(st, d, int) = v;
	return NULL;
}

static const char *set_seconds(struct clusctl_parse_state *st,
			       const struct clusctl_option_def *d,
			       const char *arg)
{
	if (!clusctl_parse_seconds(arg, FIELD(st, d, uint32_t))) {
		return parse_errorf(st->err_ctx, "--%s takes a number of "
				      "seconds greater than 0, not \"%s\"",
				      d->name, arg);
	}
	return NULL;
}

/* --wait alone, or --wait=SECONDS */
static const char *set_wait(struct clusctl_parse_state *st,
			    const struct clusctl_option_def *d,
			    const char *arg)
{
	st->o->wait = true;
	st->o->wait_ms = 0;
	if (arg[0] == '\0') {
		return NULL;
	}
	return set_seconds(st, d, arg);
}

#define OFF(field) offsetof(struct clusctl_options, field)

static const struct clusctl_option_def clusctl_option_defs[] = {
	{ "user", 'U', POPT_ARG_STRING, "[DOMAIN/]USERNAME[%PASSWORD]",
	  "Set the network user name", .set = set_string,
	  .offset = OFF(user) },
	{ "workgroup", 'W', POPT_ARG_STRING, "WORKGROUP",
	  "Set the workgroup (domain) name", .set = set_string,
	  .offset = OFF(workgroup) },
	{ "authentication-file", 'A', POPT_ARG_STRING, "FILE",
	  "Get the credentials from a file", .set = set_string,
	  .offset = OFF(authfile) },
	{ NULL, 'k', POPT_ARG_NONE, NULL,
	  "Use Kerberos (same as --use-kerberos=required)",
	  .set = set_kerberos_flag },
	{ "use-kerberos", 0, POPT_ARG_STRING, "desired|required|off",
	  "Use Kerberos authentication", .set = set_use_kerberos },
	{ "no-pass", 'N', POPT_ARG_NONE, NULL,
	  "Do not ask for a password (anonymous without -U)",
	  .set = set_flag, .offset = OFF(no_pass) },
	{ "configfile", 's', POPT_ARG_STRING, "FILE",
	  "Use an alternative smb.conf", .def = "Samba's smb.conf",
	  .set = set_string, .offset = OFF(configfile) },
	{ "option", 0, POPT_ARG_STRING, "name=value",
	  "Set an smb.conf option from the command line",
	  .set = set_lp_option },
	{ "debuglevel", 'd', POPT_ARG_STRING, "LEVEL",
	  "Set the debug level, 0 to 10", .def = "quiet",
	  .set = set_level, .offset = OFF(debuglevel), .min = 0, .max = 10 },
	{ "json", 0, POPT_ARG_NONE, NULL, "Machine-readable output (JSON)",
	  .set = set_flag, .offset = OFF(json) },
	{ "drain", 0, POPT_ARG_NONE, NULL,
	  "node pause: move the node's groups away", .bit = OPT_DRAIN,
	  .set = set_flag, .offset = OFF(drain) },
	{ "drain-target", 0, POPT_ARG_STRING, "NODE",
	  "node pause: drain to this node", .def = "the cluster picks",
	  .bit = OPT_DRAIN_TARGET, .set = set_string,
	  .offset = OFF(drain_target) },
	{ "failback", 0, POPT_ARG_NONE, NULL,
	  "node resume: bring the node's groups back", .bit = OPT_FAILBACK,
	  .set = set_flag, .offset = OFF(failback) },
	{ "wait", 0, POPT_ARG_STRING | POPT_ARGFLAG_OPTIONAL, "SECONDS",
	  "Wait for the operation to end (up to SECONDS)",
	  .def = "no limit", .bit = OPT_WAIT, .set = set_wait,
	  .offset = OFF(wait_ms) },
	{ "cancel-on-timeout", 0, POPT_ARG_NONE, NULL,
	  "Cancel the operation when --wait=SECONDS runs out",
	  .bit = OPT_CANCEL_ON_TIMEOUT, .set = set_flag,
	  .offset = OFF(cancel_on_timeout) },
	{ "poll-interval", 0, POPT_ARG_STRING, "SECONDS",
	  "Poll every SECONDS without notifications",
	  .bit = OPT_POLL_INTERVAL, .set = set_seconds,
	  .offset = OFF(poll_interval_ms) },
	{ "no-notify", 0, POPT_ARG_NONE, NULL,
	  "Poll even if the server has notification ports",
	  .bit = OPT_NO_NOTIFY, .set = set_flag, .offset = OFF(no_notify) },
	{ "group", 'g', POPT_ARG_STRING, "NAME",
	  "resource list: only the resources of this group; resource "
	  "create: the group of the new resource", .bit = OPT_GROUP,
	  .set = set_string, .offset = OFF(group) },
	{ "type", 't', POPT_ARG_STRING, "TYPE",
	  "resource create: the resource type (see \"restype list\")",
	  .bit = OPT_TYPE, .set = set_string, .offset = OFF(type) },
	{ "private", 0, POPT_ARG_NONE, NULL,
	  "property get/set: the private properties, not the common ones",
	  .bit = OPT_PRIVATE, .set = set_flag, .offset = OFF(private_props) },
	{ "value-type", 0, POPT_ARG_STRING, "TYPE",
	  "property set: DWORD, SZ, EXPAND_SZ, MULTI_SZ, BINARY, "
	  "LARGE_INTEGER, ...", .def = "the property's own, else DWORD for "
	  "a number and SZ for text", .bit = OPT_VALUE_TYPE,
	  .set = set_string, .offset = OFF(value_type) },
	{ "watch", 'w', POPT_ARG_NONE, NULL,
	  "status: redraw whenever the cluster changes, until interrupted",
	  .bit = OPT_WATCH, .set = set_flag, .offset = OFF(watch) },
	{ "notify-v1", 0, POPT_ARG_NONE, NULL,
	  "events, status --watch: version 1 notifications even where the "
	  "server has version 2", .bit = OPT_NOTIFY_V1, .set = set_flag,
	  .offset = OFF(notify_v1) },
	{ "force", 'f', POPT_ARG_NONE, NULL,
	  "group delete: delete its resources too", .bit = OPT_FORCE,
	  .set = set_flag, .offset = OFF(force) },
	{ "help", 'h', POPT_ARG_NONE, NULL, "Show this help",
	  .set = set_flag, .offset = OFF(help) },
	{ "version", 'V', POPT_ARG_NONE, NULL, "Print the version",
	  .set = set_flag, .offset = OFF(version) },
};

#define NUM_OPTIONS \
	(sizeof(clusctl_option_defs) / sizeof(clusctl_option_defs[0]))

/* The help line of an option, its default included */
static char *clusctl_option_help(TALLOC_CTX *mem_ctx,
				 const struct clusctl_option_def *d)
{
	if (d->set == set_seconds && d->def == NULL) {
		/* the library's default, said once, in libclusapi.h */
		return talloc_asprintf(mem_ctx, "%s (default %g)", d->help,
				       CLUSAPI_DEFAULT_POLL_INTERVAL_MS /
				       1000.0);
	}
	if (d->def != NULL) {
		return talloc_asprintf(mem_ctx, "%s (default: %s)", d->help,
				       d->def);
	}
	return talloc_strdup(mem_ctx, d->help);
}

/* popt's table of ours: val is the row's index + 1 */
static struct poptOption *clusctl_popt_table(TALLOC_CTX *mem_ctx)
{
	struct poptOption *t;
	size_t i;

	t = talloc_zero_array(mem_ctx, struct poptOption, NUM_OPTIONS + 1);
	if (t == NULL) {
		return NULL;
	}
	for (i = 0; i < NUM_OPTIONS; i++) {
		const struct clusctl_option_def *d = &clusctl_option_defs[i];
		char *help = clusctl_option_help(t, d);

		if (help == NULL) {
			talloc_free(t);
			return NULL;
		}
		t[i] = (struct poptOption) {
			.longName = d->name,
			.shortName = d->short_name,
			.argInfo = d->arg_info,
			.val = i + 1,
			.descrip = help,
			.argDescrip = d->arg,
		};
	}
	return t;	/* t[NUM_OPTIONS] is zero: POPT_TABLEEND */
}

/* Wrap WORDS at 78 columns: INDENT spaces before them, MORE after that */
static char *clusctl_wrap(char *text, const char *words, int indent,
			  int more)
{
	const char *w = words;
	int col = 0;

	while (text != NULL && *w != '\0') {
		size_t len = strcspn(w, " ");

		if (col > indent && col + 1 + (int)len > 78) {
			text = talloc_asprintf_append(text, "\n");
			col = 0;
			indent += more;
			more = 0;
		}
		if (text != NULL && col == 0) {
			text = talloc_asprintf_append(text, "%*s", indent, "");
			col = indent;
		} else if (text != NULL) {
			text = talloc_asprintf_append(text, " ");
			col += 1;
		}
		if (text != NULL) {
			text = talloc_asprintf_append(text, "%.*s", (int)len,
						      w);
			col += len;
		}
		w += len;
		w += strspn(w, " ");
	}
	return text != NULL ? talloc_asprintf_append(text, "\n") : NULL;
}

/* "group move", or "status" for a command of one word */
static const char *cmd_name(TALLOC_CTX *mem_ctx,
			    const struct clusctl_command_def *c)
{
	const char *s;

	if (c->verb[0] == '\0') {
		return c->object;
	}
	s = talloc_asprintf(mem_ctx, "%s %s", c->object, c->verb);
	return s != NULL ? s : c->object;
}

/* "group move NAME [NODE] [--wait[=SECONDS]] ..." */
static char *clusctl_command_synopsis(TALLOC_CTX *mem_ctx,
				      const struct clusctl_command_def *c)
{
	char *s;
	size_t i;

	s = talloc_asprintf(mem_ctx, "%s%s%s", cmd_name(mem_ctx, c),
			    c->args[0] != '\0' ? " " : "", c->args);
	for (i = 0; s != NULL && i < NUM_OPTIONS; i++) {
		const struct clusctl_option_def *d = &clusctl_option_defs[i];

		if ((c->takes & d->bit) == 0) {
			continue;
		}
		if (d->arg_info == POPT_ARG_NONE) {
			s = talloc_asprintf_append(s, " [--%s]", d->name);
		} else if (d->arg_info & POPT_ARGFLAG_OPTIONAL) {
			s = talloc_asprintf_append(s, " [--%s[=%s]]", d->name,
						   d->arg);
		} else {
			s = talloc_asprintf_append(s, " [--%s=%s]", d->name,
						   d->arg);
		}
	}
	return s;
}

static char *clusctl_commands_help(TALLOC_CTX *mem_ctx)
{
	char *text;
	size_t i;

	text = talloc_strdup(mem_ctx,
		"\n"
		"TARGET is a host name (ncacn_ip_tcp, port from the endpoint "
		"mapper) or a\n"
		"binding string: ncacn_ip_tcp:HOST[PORT], "
		"ncacn_np:HOST[\\pipe\\clusapi].\n"
		"\n"
		"Commands:\n");
	for (i = 0; text != NULL && i < NUM_COMMANDS; i++) {
		const struct clusctl_command_def *c = &clusctl_command_defs[i];
		char *syn = clusctl_command_synopsis(text, c);

		text = syn != NULL ? clusctl_wrap(text, syn, 2,
						  strlen(cmd_name(syn, c)) +
						  1) : NULL;
		if (text != NULL && c->note != NULL) {
			char *note = talloc_asprintf(text, "(%s)", c->note);

			text = note != NULL ? clusctl_wrap(text, note, 6, 1) :
					      NULL;
		}
	}
	if (text == NULL) {
		return NULL;
	}
	return talloc_asprintf_append(text, "\n"
		"Exit status: 0 success, 1 failure, 2 usage error, "
		"3 --wait timed out.\n");
}

/* "\"group move\", \"group online\" and \"group offline\"" */
static const char *clusctl_commands_taking(TALLOC_CTX *mem_ctx, uint32_t bit)
{
	char *s = talloc_strdup(mem_ctx, "");
	size_t i, n = 0, total = 0;

	for (i = 0; i < NUM_COMMANDS; i++) {
		total += (clusctl_command_defs[i].takes & bit) != 0;
	}
	for (i = 0; s != NULL && i < NUM_COMMANDS; i++) {
		const struct clusctl_command_def *c = &clusctl_command_defs[i];

		if ((c->takes & bit) == 0) {
			continue;
		}
		n += 1;
		s = talloc_asprintf_append(s, "%s\"%s\"",
					   n == 1 ? "" :
					   n == total ? " and " : ", ",
					   cmd_name(s, c));
	}
	return s != NULL ? s : "out of memory";
}

static const struct clusctl_option_def *clusctl_option_by_bit(uint32_t bit)
{
	size_t i;

	for (i = 0; i < NUM_OPTIONS; i++) {
		if (clusctl_option_defs[i].bit == bit) {
			return &clusctl_option_defs[i];
		}
	}
	return NULL;
}

/* Which command options the command takes, and what they need */
static const char *clusctl_check_options(struct clusctl_parse_state *st,
					 const struct clusctl_command_def *c)
{
	const struct clusctl_options *o = st->o;
	uint32_t wrong = st->given & ~c->takes;

	if (wrong != 0) {
		uint32_t bit = wrong & -wrong;	/* the first of them */

		return parse_errorf(st->err_ctx, "--%s is only valid with "
				      "%s, not with \"%s\"",
				      clusctl_option_by_bit(bit)->name,
				      clusctl_commands_taking(st->err_ctx,
							      bit),
				      cmd_name(st->err_ctx, c));
	}
	if ((c->needs & ~st->given) != 0) {
		uint32_t missing = c->needs & ~st->given;

		return parse_errorf(st->err_ctx, "\"%s\" needs --%s",
				    cmd_name(st->err_ctx, c),
				    clusctl_option_by_bit(
					    missing & -missing)->name);
	}
	if (o->cancel_on_timeout && (!o->wait || o->wait_ms == 0)) {
		return "--cancel-on-timeout needs --wait=SECONDS";
	}
	if ((st->given & OPTS_WAIT) != 0 && !o->wait) {
		return parse_errorf(st->err_ctx, "--%s needs --wait",
				      (st->given & OPT_POLL_INTERVAL) ?
				      "poll-interval" : "no-notify");
	}
	if (o->user != NULL && o->authfile != NULL) {
		return "-U and -A exclude each other";
	}
	return NULL;
}

static const struct clusctl_command_def *clusctl_find_command(
	const char *object, const char *verb)
{
	size_t i;

	for (i = 0; i < NUM_COMMANDS; i++) {
		const struct clusctl_command_def *c = &clusctl_command_defs[i];

		if (strcmp(c->object, object) == 0 &&
		    (verb == NULL || strcmp(c->verb, verb) == 0)) {
			return c;
		}
	}
	return NULL;
}

static const char *clusctl_parse_command(struct clusctl_parse_state *st,
					 const char **args, int nargs,
					 const struct clusctl_command_def **pc)
{
	TALLOC_CTX *e = st->err_ctx;
	struct clusctl_options *o = st->o;
	const struct clusctl_command_def *def;
	int i, n, first;

	if (nargs < 1) {
		return "no TARGET given (see --help)";
	}
	o->target = args[0];
	if (o->target[0] == '\0') {
		return "the TARGET is empty";
	}
	if (nargs < 2) {
		return "no COMMAND given (see --help)";
	}
	def = clusctl_find_command(args[1], "");
	first = 2;
	if (def == NULL && nargs < 3) {
		return parse_errorf(e, clusctl_find_command(args[1], NULL) ?
				      "\"%s\" needs a subcommand (see --help)" :
				      "unknown command \"%s\" (see --help)",
				      args[1]);
	}
	if (def == NULL) {
		def = clusctl_find_command(args[1], args[2]);
		first = 3;
	}
	if (def == NULL) {
		return parse_errorf(e, "unknown command \"%s %s\" (see "
				      "--help)", args[1], args[2]);
	}
	n = nargs - first;
	if (n < def->min_args) {
		return n == 0 ?
			parse_errorf(e, "\"%s\" needs a %s name",
				     cmd_name(e, def), def->object) :
			parse_errorf(e, "\"%s\" needs %s", cmd_name(e, def),
				     def->args);
	}
	if (n > def->max_args) {
		return parse_errorf(e, "too many arguments for \"%s\": "
				      "\"%s\"", cmd_name(e, def),
				      args[first + def->max_args]);
	}
	for (i = first; i < nargs; i++) {
		if (args[i][0] == '\0') {
			return parse_errorf(e, "the %s name is empty",
					      i == first ? def->object :
					      "node");
		}
	}
	o->command = def->command;
	o->name = n >= 1 ? args[first] : NULL;
	o->node = n >= 2 ? args[first + 1] : NULL;
	o->args = &args[first];
	o->num_args = n;
	o->action = def->action;
	*pc = def;
	return NULL;
}

/*
 * popt takes the next word as the value of an optional argument:
 * "--wait host" would wait "host" seconds.  "--wait=" is unambiguous.
 */
static const char **clusctl_fix_argv(TALLOC_CTX *mem_ctx, int argc,
				     const char **argv)
{
	const char **fixed;
	bool names = false;
	int i;

	fixed = talloc_array(mem_ctx, const char *, argc + 1);
	if (fixed == NULL) {
		return NULL;
	}
	for (i = 0; i < argc; i++) {
		fixed[i] = argv[i];
		names = names || (i > 0 && strcmp(argv[i], "--") == 0);
		if (i > 0 && !names && strcmp(argv[i], "--wait") == 0) {
			fixed[i] = "--wait=";
		}
	}
	fixed[argc] = NULL;
	return fixed;
}

/* The words that are not options, copied: they belong to popt */
static const char **clusctl_copy_args(TALLOC_CTX *mem_ctx, poptContext pc,
				      int *nargs)
{
	const char **args = poptGetArgs(pc);
	const char **copy;
	int i, n = 0;

	while (args != NULL && args[n] != NULL) {
		n++;
	}
	copy = talloc_zero_array(mem_ctx, const char *, n + 1);
	if (copy == NULL) {
		return NULL;
	}
	for (i = 0; i < n; i++) {
		copy[i] = talloc_strdup(copy, args[i]);
		if (copy[i] == NULL) {
			talloc_free(copy);
			return NULL;
		}
	}
	*nargs = n;
	return copy;
}

/* The options of argv, one by one */
static const char *clusctl_parse_options(struct clusctl_parse_state *st,
					 poptContext pc)
{
	const char *error = NULL;
	int rc;

	while (error == NULL && (rc = poptGetNextOpt(pc)) > 0) {
		const struct clusctl_option_def *d =
			&clusctl_option_defs[rc - 1];
		char *arg = poptGetOptArg(pc);	/* malloc'd */

		error = d->set(st, d, arg != NULL ? arg : "");
		free(arg);
		st->given |= d->bit;
	}
	if (error != NULL) {
		return error;
	}
	if (rc < -1) {
		return parse_errorf(st->err_ctx, "%s: %s",
				      poptBadOption(pc,
						    POPT_BADOPTION_NOALIAS),
				      poptStrerror(rc));
	}
	return NULL;
}

static char *clusctl_usage(TALLOC_CTX *mem_ctx, poptContext pc)
{
	char *commands = clusctl_commands_help(mem_ctx);
	char *buf = NULL, *usage = NULL;
	size_t len = 0;
	FILE *f;

	if (commands == NULL) {
		return NULL;
	}
	f = open_memstream(&buf, &len);
	if (f == NULL) {
		return NULL;
	}
	poptPrintHelp(pc, f, 0);
	if (fclose(f) == 0) {
		usage = talloc_asprintf(mem_ctx, "%s%s", buf, commands);
	}
	free(buf);
	talloc_free(commands);
	return usage;
}

/* Parse argv with popt and the tables; NULL or the usage error */
static const char *clusctl_parse_argv(struct clusctl_parse_state *st,
				      int argc, const char **argv,
				      char **usage, poptContext *ppc)
{
	const struct clusctl_command_def *c = NULL;
	struct poptOption *table = clusctl_popt_table(st->o);
	const char **fixed = clusctl_fix_argv(st->o, argc, argv);
	const char **args;
	const char *error;
	int nargs = 0;

	if (table == NULL || fixed == NULL) {
		return "out of memory";
	}
	*ppc = poptGetContext("clusctl", argc, fixed, table, 0);
	if (*ppc == NULL) {
		return "out of memory";
	}
	poptSetOtherOptionHelp(*ppc, "[OPTIONS] TARGET COMMAND [ARGS]");
	error = clusctl_parse_options(st, *ppc);
	if (error != NULL) {
		return error;
	}
	if (st->o->help || st->o->version) {
		if (usage != NULL && st->o->help) {
			*usage = clusctl_usage(st->err_ctx, *ppc);
			return *usage == NULL ? "out of memory" : NULL;
		}
		return NULL;
	}
	args = clusctl_copy_args(st->o, *ppc, &nargs);
	if (args == NULL) {
		return "out of memory";
	}
	error = clusctl_parse_command(st, args, nargs, &c);
	if (error != NULL) {
		return error;
	}
	return clusctl_check_options(st, c);
}

int clusctl_parse(TALLOC_CTX *mem_ctx, int argc, const char **argv,
		  struct clusctl_options **popts, char **error, char **usage)
{
	struct clusctl_parse_state st = { .err_ctx = mem_ctx };
	poptContext pc = NULL;
	const char *err;

	*error = NULL;
	if (usage != NULL) {
		*usage = NULL;
	}
	st.o = talloc_zero(mem_ctx, struct clusctl_options);
	if (st.o == NULL) {
		return CLUSCTL_EXIT_FAILED;
	}
	st.o->debuglevel = -1;
	st.o->lp_options = talloc_zero_array(st.o, const char *, 1);
	if (st.o->lp_options == NULL) {
		talloc_free(st.o);
		return CLUSCTL_EXIT_FAILED;
	}
	err = clusctl_parse_argv(&st, argc, argv, usage, &pc);
	if (pc != NULL) {
		poptFreeContext(pc);
	}
	if (err != NULL) {
		*error = talloc_strdup(mem_ctx, err);
		talloc_free(st.o);
		return *error != NULL ? CLUSCTL_EXIT_USAGE :
					CLUSCTL_EXIT_FAILED;
	}
	*popts = st.o;
	return CLUSCTL_EXIT_OK;
}
