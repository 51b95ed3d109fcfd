/*
 * clusapid: its settings, one table for the command line and the
 * configuration file
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every setting of struct clusrv_options is one row of a table: its
 * --name (the configuration file writes it with spaces: "tcp port"), its
 * default, its limits and its help.  --help is built from the table, the
 * defaults are applied from it, and a value is checked by the same code
 * whether it comes from argv or from a file.
 */

#ifndef CLUSAPI_SERVER_DAEMON_OPTIONS_H
#define CLUSAPI_SERVER_DAEMON_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <talloc.h>

#include "server/server.h"

#define CLUSRV_PROGNAME "clusapid"
#define CLUSRV_LOG_FILE "clusapid.log"
#ifndef CLUSRV_CONFIG_FILE
#define CLUSRV_CONFIG_FILE "/etc/clusapi/clusapid.conf"
#endif

enum clusrv_option_kind {
	CLUSRV_OPTION_BOOL,	/* a flag; yes/no, true/false, 1/0 */
	CLUSRV_OPTION_STRING,	/* not empty */
	CLUSRV_OPTION_FILE,	/* a file we can read */
	CLUSRV_OPTION_ADDRESS,	/* an IPv4 or IPv6 literal */
	CLUSRV_OPTION_UINT,	/* unsigned int from min to max */
	CLUSRV_OPTION_INT,	/* int from min to max */
	CLUSRV_OPTION_ENUM,	/* one of choices: its index */
};

struct clusrv_option_def {
	const char *name;	/* --name; "name" with spaces in a file */
	char short_name;	/* or 0 */
	enum clusrv_option_kind kind;
	const char *arg;	/* what --help calls the value */
	const char *help;
	const char *def;	/* default value as written, or NULL */
	const char *root_def;	/* default as root, if not def */
	const char *def_text;	/* the default in words, if not def */
	const char *implied;	/* the value when given without one */
	bool none;		/* "none" is a value: NULL or -1 */
	unsigned long min, max;	/* UINT, INT */
	const char *const *choices;	/* ENUM, NULL-ended */
	size_t offset;		/* in struct clusrv_options */
};

/* The table, *num rows */
const struct clusrv_option_def *clusrv_option_defs(size_t *num);

/* The row named "tcp-port", "tcp port" or "tcp_port" (any case) */
const struct clusrv_option_def *clusrv_option_find(const char *name);

/*
 * Set one option from its text.  NULL when done, else what is wrong
 * with VALUE (allocated on mem_ctx; "out of memory" when even that
 * fails), for the caller to prefix with where it comes from.
 */
const char *clusrv_option_set(TALLOC_CTX *mem_ctx, struct clusrv_options *o,
			      const struct clusrv_option_def *d,
			      const char *value);

/* The help line of D, its default included */
char *clusrv_option_help(TALLOC_CTX *mem_ctx,
			 const struct clusrv_option_def *d);

/* Every option at its default; false when out of memory */
bool clusrv_options_defaults(TALLOC_CTX *mem_ctx, struct clusrv_options *o,
			     bool as_root);

/*
 * The checks across options and, for a daemon, absolute paths and the
 * log file in the state directory.  NULL or the error.
 */
const char *clusrv_options_finish(TALLOC_CTX *mem_ctx,
				  struct clusrv_options *o);

/*
 * The configuration file over O (source/server/daemon/conf.c).  NULL,
 * or "FILE:LINE: what is wrong".  A missing file is no error unless
 * must_exist.
 */
const char *clusrv_options_load_file(TALLOC_CTX *mem_ctx,
				     struct clusrv_options *o,
				     const char *path, bool must_exist);

/*
 * The defaults, the configuration file (-s FILE, else
 * CLUSRV_CONFIG_FILE if there is one; -s none: no file), then argv over
 * them: NULL, or what is wrong (nothing printed).  *version: -V was
 * given.  SIGHUP reads them again with it.
 */
const char *clusrv_options_read(TALLOC_CTX *mem_ctx, int argc,
				const char **argv, struct clusrv_options *o,
				bool *version);

/*
 * clusrv_options_read(), the error printed.  0: run; 1: exit 0
 * (--version printed); -1: exit 1, the error is on stderr.
 */
int clusrv_options_parse(TALLOC_CTX *mem_ctx, int argc, const char **argv,
			 struct clusrv_options *o);

#endif /* CLUSAPI_SERVER_DAEMON_OPTIONS_H */
