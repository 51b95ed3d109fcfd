/*
 * clusctl - command line parsing
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef CLUSCTL_CMDLINE_H
#define CLUSCTL_CMDLINE_H

#include <stdbool.h>
#include <stdint.h>
#include <talloc.h>

struct cli_credentials;
struct loadparm_context;

/* exit codes */
#define CLUSCTL_EXIT_OK		0
#define CLUSCTL_EXIT_FAILED	1	/* the operation failed */
#define CLUSCTL_EXIT_USAGE	2	/* bad command line */
#define CLUSCTL_EXIT_TIMEOUT	3	/* --wait=SECONDS ran out */

enum clusctl_command {
	CLUSCTL_CMD_NONE = 0,
	CLUSCTL_CMD_CLUSTER_SHOW,
	CLUSCTL_CMD_NODE_LIST,
	CLUSCTL_CMD_NODE_SHOW,
	CLUSCTL_CMD_NODE_PAUSE,
	CLUSCTL_CMD_NODE_RESUME,
	CLUSCTL_CMD_GROUP_LIST,
	CLUSCTL_CMD_GROUP_SHOW,
	CLUSCTL_CMD_GROUP_MOVE,
	CLUSCTL_CMD_GROUP_ONLINE,
	CLUSCTL_CMD_GROUP_OFFLINE,
	CLUSCTL_CMD_RESOURCE_LIST,
	CLUSCTL_CMD_RESOURCE_SHOW,
	CLUSCTL_CMD_GROUP_CREATE,
	CLUSCTL_CMD_GROUP_DELETE,
	CLUSCTL_CMD_GROUP_RENAME,
	CLUSCTL_CMD_GROUP_SET_OWNERS,
	CLUSCTL_CMD_RESOURCE_CREATE,
	CLUSCTL_CMD_RESOURCE_DELETE,
	CLUSCTL_CMD_RESOURCE_RENAME,
	CLUSCTL_CMD_RESOURCE_ONLINE,
	CLUSCTL_CMD_RESOURCE_OFFLINE,
	CLUSCTL_CMD_RESOURCE_FAIL,
	CLUSCTL_CMD_RESOURCE_MOVE,
	CLUSCTL_CMD_RESOURCE_DEPENDENCIES,
	CLUSCTL_CMD_RESOURCE_ADD_DEPENDENCY,
	CLUSCTL_CMD_RESOURCE_REMOVE_DEPENDENCY,
	CLUSCTL_CMD_RESOURCE_SET_DEPENDENCY_EXPRESSION,
	CLUSCTL_CMD_RESOURCE_OWNERS,
	CLUSCTL_CMD_RESOURCE_ADD_OWNER,
	CLUSCTL_CMD_RESOURCE_REMOVE_OWNER,
	CLUSCTL_CMD_NODE_EVICT,
	CLUSCTL_CMD_PROPERTY_GET,
	CLUSCTL_CMD_PROPERTY_SET,
	CLUSCTL_CMD_NETWORK_LIST,
	CLUSCTL_CMD_NETWORK_SHOW,
	CLUSCTL_CMD_INTERFACE_LIST,
	CLUSCTL_CMD_INTERFACE_SHOW,
	CLUSCTL_CMD_RESTYPE_LIST,
	CLUSCTL_CMD_RESTYPE_SHOW,
	CLUSCTL_CMD_QUORUM_SHOW,
	CLUSCTL_CMD_EVENTS,
	CLUSCTL_CMD_STATUS,
};

enum clusctl_kerberos {
	CLUSCTL_KERBEROS_DEFAULT = 0,
	CLUSCTL_KERBEROS_DESIRED,
	CLUSCTL_KERBEROS_REQUIRED,
	CLUSCTL_KERBEROS_OFF,
};

struct clusctl_options {
	/* Samba-style connection options */
	const char *user;		/* -U [DOMAIN/]USER[%PASS] */
	const char *workgroup;		/* -W */
	const char *authfile;		/* -A */
	const char *configfile;		/* -s */
	enum clusctl_kerberos kerberos;	/* -k, --use-kerberos */
	bool no_pass;			/* -N */
	const char **lp_options;	/* --option name=value, NULL-ended */
	int debuglevel;			/* -d, -1: not given */
	bool json;			/* --json */

	/* what to do */
	const char *target;
	enum clusctl_command command;
	const char *name;		/* node, group or resource */
	const char *node;		/* group move: the target node */
	const char **args;		/* every word after the verb */
	int num_args;
	/* "cannot ACTION": printf format, %1$s the name, %2$s the next */
	const char *action;

	/* command options */
	bool drain;			/* node pause --drain */
	const char *drain_target;	/* node pause --drain-target=NODE */
	bool failback;			/* node resume --failback */
	bool wait;			/* --wait[=SECONDS] */
	uint32_t wait_ms;		/* 0: no limit */
	bool cancel_on_timeout;		/* --cancel-on-timeout */
	uint32_t poll_interval_ms;	/* --poll-interval=SECONDS; 0: 5 s */
	bool no_notify;			/* --no-notify */
	const char *group;		/* resource list/create --group=NAME */
	bool force;			/* group delete --force */
	const char *type;		/* resource create --type=TYPE */
	bool private_props;		/* property get/set --private */
	const char *value_type;		/* property set --value-type=T */
	bool watch;			/* status --watch */
	bool notify_v1;			/* events, status: --notify-v1 */

	bool help;			/* -h: usage printed, exit 0 */
	bool version;			/* -V */
};

/*
 * Parse argv.  Returns CLUSCTL_EXIT_OK and *popts, or CLUSCTL_EXIT_USAGE
 * and *error: one line saying what is wrong.  With -h/--help or
 * -V/--version, (*popts)->help or ->version is set and *usage (if not
 * NULL) holds the text to print.
 */
int clusctl_parse(TALLOC_CTX *mem_ctx, int argc, const char **argv,
		  struct clusctl_options **popts, char **error,
		  char **usage);

/* "Seconds" as clusctl takes them: "5", "0.5"; false if not one */
bool clusctl_parse_seconds(const char *s, uint32_t *ms);

/*
 * The loadparm context and credentials the options ask for: the config
 * file (-s, else the default smb.conf if there is one), --option and -d;
 * -U, -W, -A, -k, -N.  Without -U, -A or -N the user comes from the
 * environment ($USER, $PASSWD) as in Samba's tools, and the password is
 * asked for on the terminal if needed.
 */
int clusctl_setup(TALLOC_CTX *mem_ctx, const struct clusctl_options *opts,
		  struct loadparm_context **lp_ctx,
		  struct cli_credentials **creds, char **error);

#endif /* CLUSCTL_CMDLINE_H */
