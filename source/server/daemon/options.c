/*
 * clusapid: its settings, one table for the command line and the
 * configuration file
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <popt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "server/auth/auth.h"
#include "server/daemon/options.h"
#include "server/log.h"
#include "server/transport/np.h"

#ifndef CLUSAPI_VERSION
#define CLUSAPI_VERSION "unknown"
#endif

#define OFF(field) offsetof(struct clusrv_options, field)

static const char *const anonymous_choices[] = {
	[CLUSRV_ANONYMOUS_NONE] = "none",
	[CLUSRV_ANONYMOUS_READ] = "read",
	[CLUSRV_ANONYMOUS_FULL] = "full",
	NULL,
};

static const char *const backend_choices[] = {
	[CLUSRV_BACKEND_SIMULATION] = "simulation",
	[CLUSRV_BACKEND_PACEMAKER] = "pacemaker",
	NULL,
};

static const struct clusrv_option_def option_defs[] = {
	{ "foreground", 'F', CLUSRV_OPTION_BOOL, NULL,
	  "Stay in the foreground, log to stderr", .def = "no",
	  .offset = OFF(foreground) },
	{ "backend", 0, CLUSRV_OPTION_ENUM, "NAME",
	  "The cluster served: simulation, or pacemaker (the Pacemaker "
	  "cluster this node is in; root)", .def = "simulation",
	  .choices = backend_choices, .offset = OFF(backend) },
	{ "state-dir", 0, CLUSRV_OPTION_STRING, "DIR",
	  "State: store, pid file, endpoints", .def = "/var/lib/clusapid",
	  .offset = OFF(state_dir) },
	{ "config", 0, CLUSRV_OPTION_FILE, "FILE",
	  "Initial cluster description",
	  .def_text = "a cluster of two nodes", .offset = OFF(config_file) },
	{ "log-file", 0, CLUSRV_OPTION_STRING, "FILE", "Log file",
	  .def_text = "stderr in the foreground, DIR/" CLUSRV_LOG_FILE
		      " otherwise", .offset = OFF(log_file) },
	{ "listen", 0, CLUSRV_OPTION_ADDRESS, "ADDR",
	  "IPv4 or IPv6 address to listen on", .def = "0.0.0.0",
	  .offset = OFF(listen_addr) },
	{ "tcp-port", 0, CLUSRV_OPTION_INT, "N",
	  "ncacn_ip_tcp port, 0 for any free one", .def = "0",
	  .min = 0, .max = 65535, .offset = OFF(tcp_port) },
	{ "epm-port", 0, CLUSRV_OPTION_INT, "N",
	  "Endpoint mapper port, 0 for any free one, 'none' for no "
	  "endpoint mapper", .def = "none", .root_def = "135", .none = true,
	  .min = 0, .max = 65535, .offset = OFF(epm_port) },
	{ "anonymous", 0, CLUSRV_OPTION_ENUM, "POLICY",
	  "What unauthenticated callers may do: none, read or full (read "
	  "and full depart from MS-CMRP 2.1, for labs and tests)",
	  .def = "none", .choices = anonymous_choices,
	  .offset = OFF(anonymous) },
	{ "move-delay-ms", 0, CLUSRV_OPTION_UINT, "MS",
	  "How long each resource stays Online/OfflinePending in a "
	  "simulated move, online or offline", .def = "500",
	  .min = 0, .max = 24 * 3600 * 1000UL, .offset = OFF(move_delay_ms) },
	{ "max-connections", 0, CLUSRV_OPTION_UINT, "N",
	  "Connections served at once", .def = "1024",
	  .min = 1, .max = 1000000, .offset = OFF(max_connections) },
	/* Samba's MAX_OPEN_POLS is 2048 per pipe; we allow more */
	{ "max-handles", 0, CLUSRV_OPTION_UINT, "N",
	  "Context handles open at once in one association group",
	  .def = "10000", .min = 1, .max = 10000000,
	  .offset = OFF(max_handles) },
	/* a request PDU alone is 24 bytes; 1 GiB is absurd enough */
	{ "max-request-size", 0, CLUSRV_OPTION_UINT, "BYTES",
	  "Largest request, its fragments reassembled, in bytes",
	  .def = "4194304", .min = 1024, .max = 1024 * 1024 * 1024UL,
	  .offset = OFF(max_request_size) },
	{ "max-notify-events", 0, CLUSRV_OPTION_UINT, "N",
	  "Events queued per notification port before the oldest are "
	  "dropped", .def = "100000", .min = 1, .max = 100000000,
	  .offset = OFF(max_notify_events) },
	{ "debuglevel", 'd', CLUSRV_OPTION_INT, "LEVEL",
	  "Log level, 0 (errors) to 10 (everything)", .def = "3",
	  .min = 0, .max = CLUS_LOG_MAX_LEVEL, .offset = OFF(debug_level) },
	{ "np-socket-dir", 0, CLUSRV_OPTION_STRING, "DIR",
	  "smbd's ncalrpc dir: serve \\pipe\\clusapi on DIR/np/clusapi, "
	  "'none' for no ncacn_np", .def = "none",
	  .root_def = CLUSRV_NP_DEFAULT_DIR, .none = true,
	  .offset = OFF(np_socket_dir) },
	{ "access-config", 0, CLUSRV_OPTION_FILE, "FILE",
	  "Who has full access among authenticated callers",
	  .def_text = "root and BUILTIN\\Administrators; the others read",
	  .offset = OFF(access_config) },
	/* authenticated binds (server/auth/): SPNEGO, NTLMSSP, Kerberos */
	{ "auth-users", 0, CLUSRV_OPTION_STRING, "FILE",
	  "The server's own users for authenticated binds (SPNEGO, "
	  "NTLMSSP): NAME:NTHASH[:SIDS,GROUPS] lines, mode 0600; reread "
	  "on SIGHUP", .def_text = "none", .offset = OFF(auth.users_file) },
	{ "auth-keytab", 0, CLUSRV_OPTION_FILE, "FILE",
	  "Kerberos: the keytab with MSServerClusterMgmtAPI/HOST and "
	  "host/HOST", .def_text = "none, Kerberos is not offered",
	  .offset = OFF(auth.keytab) },
	{ "auth-realm", 0, CLUSRV_OPTION_STRING, "REALM",
	  "Kerberos: the realm whose principals are taken (user@REALM is "
	  "user)", .def_text = "any realm of the keytab's tickets",
	  .offset = OFF(auth.realm) },
	{ "auth-passdb", 0, CLUSRV_OPTION_FILE, "SMB.CONF",
	  "Also the users of the passdb of the smbd that SMB.CONF "
	  "configures (smbpasswd -a; needs root)",
	  .def_text = "off; given alone, /etc/samba/smb.conf",
	  .implied = "/etc/samba/smb.conf", .offset = OFF(auth.passdb_conf) },
};

#define NUM_OPTIONS (sizeof(option_defs) / sizeof(option_defs[0]))

const struct clusrv_option_def *clusrv_option_defs(size_t *num)
{
	*num = NUM_OPTIONS;
	return option_defs;
}

/* "tcp-port", "tcp port" and "TCP_Port" are the same name */
static bool same_name(const char *a, const char *b)
{
	for (; *a != '\0' && *b != '\0'; a++, b++) {
		char ca = (*a == ' ' || *a == '_') ? '-' : *a;
		char cb = (*b == ' ' || *b == '_') ? '-' : *b;

		if (ca >= 'A' && ca <= 'Z') {
			ca += 'a' - 'A';
		}
		if (ca != cb) {
			return false;
		}
	}
	return *a == '\0' && *b == '\0';
}

const struct clusrv_option_def *clusrv_option_find(const char *name)
{
	size_t i;

	for (i = 0; i < NUM_OPTIONS; i++) {
		if (same_name(name, option_defs[i].name)) {
			return &option_defs[i];
		}
	}
	return NULL;
}

static const char *errorf(TALLOC_CTX *mem_ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The error, or that there was no memory for it */
static const char *errorf(TALLOC_CTX *mem_ctx, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = talloc_vasprintf(mem_ctx, fmt, ap);
	va_end(ap);
	return s != NULL ? s : "out of memory";
}

static bool is_ip_address(const char *s)
{
	struct in6_addr addr;

	return inet_pton(AF_INET, s, &addr) == 1 ||
	       inet_pton(AF_INET6, s, &addr) == 1;
}

static const char *set_bool(TALLOC_CTX *mem_ctx, bool *b, const char *v)
{
	static const char *const yes[] = { "yes", "true", "on", "1" };
	static const char *const no[] = { "no", "false", "off", "0" };
	size_t i;

	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		if (strcasecmp(v, yes[i]) == 0 || strcasecmp(v, no[i]) == 0) {
			*b = strcasecmp(v, yes[i]) == 0;
			return NULL;
		}
	}
	return errorf(mem_ctx, "'%s' is not yes or no", v);
}

static const char *set_number(TALLOC_CTX *mem_ctx, void *field,
			      const struct clusrv_option_def *d,
			      const char *v)
{
	char *end = NULL;
	unsigned long n;

	if (d->none && strcmp(v, "none") == 0) {
		*(int *)field = -1;
		return NULL;
	}
	errno = 0;
	n = strtoul(v, &end, 10);
	if (errno != 0 || end == v || *end != '\0' || v[0] == '-' ||
	    v[0] == '+' || n < d->min || n > d->max) {
		return errorf(mem_ctx, "'%s' is not a number from %lu to "
			      "%lu%s", v, d->min, d->max,
			      d->none ? " or none" : "");
	}
	if (d->kind == CLUSRV_OPTION_UINT) {
		*(unsigned int *)field = n;
	} else {
		*(int *)field = n;
	}
	return NULL;
}

static const char *set_enum(TALLOC_CTX *mem_ctx, int *field,
			    const struct clusrv_option_def *d, const char *v)
{
	char *list;
	int i;

	for (i = 0; d->choices[i] != NULL; i++) {
		if (strcmp(v, d->choices[i]) == 0) {
			*field = i;
			return NULL;
		}
	}
	list = talloc_strdup(mem_ctx, "");
	for (i = 0; list != NULL && d->choices[i] != NULL; i++) {
		const char *sep = i == 0 ? "" :
				  d->choices[i + 1] == NULL ? " or " : ", ";

		list = talloc_asprintf_append(list, "%s%s", sep,
					      d->choices[i]);
	}
	if (list == NULL) {
		return "out of memory";
	}
	return errorf(mem_ctx, "'%s' is not %s", v, list);
}

static const char *set_string(TALLOC_CTX *mem_ctx, const char **field,
			      const struct clusrv_option_def *d,
			      const char *v)
{
	char *copy;

	if (v[0] == '\0') {
		return "must not be empty";
	}
	if (d->none && strcmp(v, "none") == 0) {
		*field = NULL;
		return NULL;
	}
	if (d->kind == CLUSRV_OPTION_ADDRESS && !is_ip_address(v)) {
		return errorf(mem_ctx, "'%s' is not an IPv4 or IPv6 address",
			      v);
	}
	if (d->kind == CLUSRV_OPTION_FILE && access(v, R_OK) == -1) {
		return errorf(mem_ctx, "cannot read %s: %s", v,
			      strerror(errno));
	}
	copy = talloc_strdup(mem_ctx, v);
	if (copy == NULL) {
		return "out of memory";
	}
	*field = copy;
	return NULL;
}

const char *clusrv_option_set(TALLOC_CTX *mem_ctx, struct clusrv_options *o,
			      const struct clusrv_option_def *d,
			      const char *value)
{
	void *field = (char *)o + d->offset;

	switch (d->kind) {
	case CLUSRV_OPTION_BOOL:
		return set_bool(mem_ctx, field, value);
	case CLUSRV_OPTION_UINT:
	case CLUSRV_OPTION_INT:
		return set_number(mem_ctx, field, d, value);
	case CLUSRV_OPTION_ENUM:
		return set_enum(mem_ctx, field, d, value);
	case CLUSRV_OPTION_STRING:
	case CLUSRV_OPTION_FILE:
	case CLUSRV_OPTION_ADDRESS:
		return set_string(mem_ctx, field, d, value);
	}
	return "unknown kind of option";
}

char *clusrv_option_help(TALLOC_CTX *mem_ctx,
			 const struct clusrv_option_def *d)
{
	if (d->kind == CLUSRV_OPTION_BOOL) {
		return talloc_strdup(mem_ctx, d->help);
	}
	if (d->def_text != NULL) {
		return talloc_asprintf(mem_ctx, "%s (default: %s)", d->help,
				       d->def_text);
	}
	if (d->root_def != NULL) {
		return talloc_asprintf(mem_ctx, "%s (default %s as root, %s "
				       "otherwise)", d->help, d->root_def,
				       d->def);
	}
	return talloc_asprintf(mem_ctx, "%s (default %s)", d->help, d->def);
}

bool clusrv_options_defaults(TALLOC_CTX *mem_ctx, struct clusrv_options *o,
			     bool as_root)
{
	size_t i;

	*o = (struct clusrv_options) { .foreground = false };
	for (i = 0; i < NUM_OPTIONS; i++) {
		const struct clusrv_option_def *d = &option_defs[i];
		const char *v = d->def;

		if (as_root && d->root_def != NULL) {
			v = d->root_def;
		}
		if (v != NULL && clusrv_option_set(mem_ctx, o, d, v) != NULL) {
			return false;
		}
	}
	/* Like port 135: smbd's dir is taken when free, no error if not */
	o->np_socket_dir_default = o->np_socket_dir != NULL;
	return true;
}

/* Relative paths would break once the daemon moves to "/". */
static bool absolute_path(TALLOC_CTX *mem_ctx, const char **path)
{
	char cwd[PATH_MAX];
	char *abs;

	if (*path == NULL || (*path)[0] == '/') {
		return true;
	}
	if (getcwd(cwd, sizeof(cwd)) == NULL) {
		return true;
	}
	abs = talloc_asprintf(mem_ctx, "%s/%s", cwd, *path);
	if (abs == NULL) {
		return false;
	}
	*path = abs;
	return true;
}

const char *clusrv_options_finish(TALLOC_CTX *mem_ctx,
				  struct clusrv_options *o)
{
	if (o->epm_port > 0 && o->epm_port == o->tcp_port) {
		return "--epm-port and --tcp-port must differ";
	}
	if (o->foreground) {
		return NULL;
	}
	if (!absolute_path(mem_ctx, &o->state_dir) ||
	    !absolute_path(mem_ctx, &o->config_file) ||
	    !absolute_path(mem_ctx, &o->log_file) ||
	    !absolute_path(mem_ctx, &o->np_socket_dir) ||
	    !absolute_path(mem_ctx, &o->access_config) ||
	    !absolute_path(mem_ctx, &o->auth.users_file) ||
	    !absolute_path(mem_ctx, &o->auth.keytab) ||
	    !absolute_path(mem_ctx, &o->auth.passdb_conf)) {
		return "out of memory";
	}
	if (o->log_file == NULL) {
		o->log_file = talloc_asprintf(mem_ctx, "%s/" CLUSRV_LOG_FILE,
					      o->state_dir);
		if (o->log_file == NULL) {
			return "out of memory";
		}
	}
	return NULL;
}

enum {
	OPT_VERSION = NUM_OPTIONS + 1,
	OPT_CONFIGFILE,
};

/*
 * -s FILE, --configfile=FILE: the last one; looked for before the rest.
 * "none" (or "") is no file at all.
 */
static const char *find_configfile(int argc, const char **argv,
				   bool *given)
{
	const char *file = CLUSRV_CONFIG_FILE;
	int i;

	*given = false;
	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		const char *a = argv[i];

		if ((strcmp(a, "-s") == 0 || strcmp(a, "--configfile") == 0) &&
		    i + 1 < argc) {
			file = argv[++i];
			*given = true;
		} else if (strncmp(a, "--configfile=", 13) == 0) {
			file = a + 13;
			*given = true;
		} else if (strncmp(a, "-s", 2) == 0 && a[2] != '\0') {
			file = a + 2;
			*given = true;
		}
	}
	if (strcmp(file, "none") == 0 || file[0] == '\0') {
		return NULL;
	}
	return file;
}

/*
 * The popt table of the option table, with --help, the user admin
 * commands of server/auth/options.c, -s and --version
 */
static struct poptOption *popt_table(TALLOC_CTX *mem_ctx)
{
	static const struct poptOption autohelp[] = { POPT_AUTOHELP };
	struct poptOption *t;
	size_t i;

	t = talloc_zero_array(mem_ctx, struct poptOption, NUM_OPTIONS + 5);
	if (t == NULL) {
		return NULL;
	}
	t[0] = autohelp[0];
	for (i = 0; i < NUM_OPTIONS; i++) {
		const struct clusrv_option_def *d = &option_defs[i];
		char *help = clusrv_option_help(t, d);

		if (help == NULL) {
			talloc_free(t);
			return NULL;
		}
		t[i + 1] = (struct poptOption) {
			.longName = d->name,
			.shortName = d->short_name,
			.argInfo = d->kind == CLUSRV_OPTION_BOOL ?
				   POPT_ARG_NONE : POPT_ARG_STRING |
				   (d->implied != NULL ?
				    POPT_ARGFLAG_OPTIONAL : 0),
			.val = i + 1,
			.descrip = help,
			.argDescrip = d->arg,
		};
	}
	t[i + 1] = (struct poptOption) {
		.longName = "configfile", .shortName = 's',
		.argInfo = POPT_ARG_STRING, .val = OPT_CONFIGFILE,
		.descrip = "Configuration file, smb.conf style: every option "
			   "above, the command line overriding it; 'none' for "
			   "no file (default " CLUSRV_CONFIG_FILE
			   " if it exists)",
		.argDescrip = "FILE",
	};
	t[i + 2] = (struct poptOption) {
		.longName = "version", .shortName = 'V',
		.argInfo = POPT_ARG_NONE, .val = OPT_VERSION,
		.descrip = "Print the version",
	};
	t[i + 3] = (struct poptOption) {
		.argInfo = POPT_ARG_INCLUDE_TABLE,
		.arg = clusrv_auth_popt_options,
		.descrip = "Users of --auth-users (each runs, then exits):",
	};
	/* t[i + 4] stays zero: POPT_TABLEEND */
	return t;
}

/* One option of argv: NULL, or what is wrong with it */
static const char *parse_one(TALLOC_CTX *mem_ctx, poptContext pc, int opt,
			     struct clusrv_options *o)
{
	const struct clusrv_option_def *d = &option_defs[opt - 1];
	const char *error;
	char *arg;

	/* malloc'd; NULL for a flag or an optional value not given */
	arg = poptGetOptArg(pc);
	error = clusrv_option_set(mem_ctx, o, d,
				  arg != NULL ? arg :
				  d->implied != NULL ? d->implied : "yes");
	free(arg);
	if (error != NULL) {
		return errorf(mem_ctx, "--%s: %s (see --help)", d->name,
			      error);
	}
	if (d->offset == OFF(np_socket_dir)) {
		o->np_socket_dir_default = false;
	}
	return NULL;
}

/* argv over @o: NULL, or what is wrong */
static const char *parse_argv(TALLOC_CTX *mem_ctx, int argc,
			      const char **argv, struct clusrv_options *o,
			      bool *version)
{
	struct poptOption *table = popt_table(mem_ctx);
	const char *error = NULL;
	poptContext pc;
	int opt;

	pc = table == NULL ? NULL :
		poptGetContext(CLUSRV_PROGNAME, argc, argv, table, 0);
	if (pc == NULL) {
		talloc_free(table);
		return "out of memory";
	}
	while (error == NULL && (opt = poptGetNextOpt(pc)) > 0) {
		if (opt == OPT_VERSION) {
			*version = true;
		} else if (opt == OPT_CONFIGFILE) {
			free(poptGetOptArg(pc));	/* read already */
		} else {
			error = parse_one(mem_ctx, pc, opt, o);
		}
	}
	if (error == NULL && opt < -1) {
		error = errorf(mem_ctx, "%s: %s (see --help)",
			       poptBadOption(pc, POPT_BADOPTION_NOALIAS),
			       poptStrerror(opt));
	} else if (error == NULL && poptPeekArg(pc) != NULL) {
		error = errorf(mem_ctx, "unexpected argument '%s' (see "
			       "--help)", poptPeekArg(pc));
	}
	poptFreeContext(pc);
	talloc_free(table);
	return error;
}

const char *clusrv_options_read(TALLOC_CTX *mem_ctx, int argc,
				const char **argv, struct clusrv_options *o,
				bool *version)
{
	const char *error, *conf;
	bool conf_given;

	*version = false;
	if (!clusrv_options_defaults(mem_ctx, o, geteuid() == 0)) {
		return "out of memory";
	}
	conf = find_configfile(argc, argv, &conf_given);
	if (conf != NULL) {
		o->configfile = conf;
		if (!absolute_path(mem_ctx, &o->configfile)) {
			return "out of memory";
		}
		error = clusrv_options_load_file(mem_ctx, o, conf,
						 conf_given);
		if (error != NULL) {
			return error;
		}
	}
	error = parse_argv(mem_ctx, argc, argv, o, version);
	if (error != NULL || *version) {
		return error;
	}
	error = clusrv_options_finish(mem_ctx, o);
	if (error != NULL) {
		return errorf(mem_ctx, "%s (see --help)", error);
	}
	return NULL;
}

int clusrv_options_parse(TALLOC_CTX *mem_ctx, int argc, const char **argv,
			 struct clusrv_options *o)
{
	const char *error;
	bool version = false;

	error = clusrv_options_read(mem_ctx, argc, argv, o, &version);
	if (error != NULL) {
		fprintf(stderr, CLUSRV_PROGNAME ": %s\n", error);
		return -1;
	}
	if (version) {
		printf(CLUSRV_PROGNAME " " CLUSAPI_VERSION "\n");
		return 1;
	}
	/* the auth checks across settings, or a user admin command */
	return clusrv_auth_options_finish(&o->auth);
}
