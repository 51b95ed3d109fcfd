/*
 * clusctl - the command table and the option bits, shared by
 * cmdline.c and commands.c
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef __CLUSCTL_CMDLINE_PRIVATE_H__
#define __CLUSCTL_CMDLINE_PRIVATE_H__

#include <stddef.h>
#include <stdint.h>
#include "client/cmdline.h"

/*
 * The command options: each one is a bit, and each command says which
 * of them it takes.  The Samba options (0) go with every command.
 */
#define OPT_DRAIN		(1U << 0)
#define OPT_DRAIN_TARGET	(1U << 1)
#define OPT_FAILBACK		(1U << 2)
#define OPT_WAIT		(1U << 3)
#define OPT_CANCEL_ON_TIMEOUT	(1U << 4)
#define OPT_POLL_INTERVAL	(1U << 5)
#define OPT_NO_NOTIFY		(1U << 6)
#define OPT_GROUP		(1U << 7)
#define OPT_FORCE		(1U << 8)
#define OPT_TYPE		(1U << 9)
#define OPT_PRIVATE		(1U << 10)
#define OPT_VALUE_TYPE		(1U << 11)
#define OPT_WATCH		(1U << 12)
#define OPT_NOTIFY_V1		(1U << 13)

#define OPTS_WAIT (OPT_WAIT | OPT_CANCEL_ON_TIMEOUT | OPT_POLL_INTERVAL | \
		   OPT_NO_NOTIFY)

struct clusctl_command_def {
	const char *object;
	const char *verb;
	enum clusctl_command command;
	int min_args;		/* after the verb */
	int max_args;
	const char *args;	/* in --help */
	uint32_t takes;		/* OPT_*: its command options */
	const char *note;	/* in --help, under it */
	const char *action;	/* "cannot ...": %1$s, %2$s the arguments */
	uint32_t needs;		/* OPT_*: the options it cannot do without */
};

#define MANY 1000		/* max_args: a list */

extern const struct clusctl_command_def clusctl_command_defs[];
extern const size_t clusctl_num_commands;

#define NUM_COMMANDS clusctl_num_commands

#endif /* __CLUSCTL_CMDLINE_PRIVATE_H__ */
