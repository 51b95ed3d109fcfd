/*
 * clusapid: the options of authentication, and the user admin commands
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A popt table of its own, included into clusapid's option table
 * (server/daemon/options.c).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "server/auth/auth.h"
#include "server/auth/users.h"

/*
 * The user admin commands. The settings (--auth-users, --auth-keytab,
 * --auth-realm, --auth-passdb) are rows of clusapid's option table
 * (server/daemon/options.c), so clusapid.conf holds them too; these
 * run once and exit, so they are command-line only.
 */
static struct {
	char *add_user;
	char *del_user;
	int list_users;
	char *user_groups;
} args;

struct poptOption clusrv_auth_popt_options[] = {
	{ "add-user", 0, POPT_ARG_STRING, &args.add_user, 0,
	  "Add NAME to --auth-users (or set a new password), the "
	  "password read from the terminal or one line of stdin, then "
	  "exit", "NAME" },
	{ "user-groups", 0, POPT_ARG_STRING, &args.user_groups, 0,
	  "With --add-user: extra SIDs and unix groups of the user, "
	  "comma-separated (e.g. S-1-5-32-544,clusadmin)", "LIST" },
	{ "del-user", 0, POPT_ARG_STRING, &args.del_user, 0,
	  "Remove NAME from --auth-users, then exit", "NAME" },
	{ "list-users", 0, POPT_ARG_NONE, &args.list_users, 0,
	  "List the users of --auth-users (not their hashes), then exit",
	  NULL },
	POPT_TABLEEND
};

/* One line from FD 0, without its newline; echo off on a terminal */
static char *read_line(TALLOC_CTX *mem_ctx, const char *prompt)
{
	struct termios old, quiet;
	bool tty = isatty(STDIN_FILENO) == 1;
	char buf[1024];
	char *line;

	if (tty) {
		fprintf(stderr, "%s", prompt);
		if (tcgetattr(STDIN_FILENO, &old) == 0) {
			quiet = old;
			quiet.c_lflag &= ~ECHO;
			tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
		} else {
			tty = false;
		}
	}
	line = fgets(buf, sizeof(buf), stdin);
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fprintf(stderr, "\n");
	}
	if (line == NULL) {
		return NULL;
	}
	buf[strcspn(buf, "\r\n")] = '\0';
	line = talloc_strdup(mem_ctx, buf);
	memset(buf, 0, sizeof(buf));
	return line;
}

static int add_user(const char *path, const char *name, const char *groups)
{
	TALLOC_CTX *frame = talloc_new(NULL);
	char *password;
	char *again;
	int ret = -1;

	password = read_line(frame, "New password: ");
	if (password == NULL) {
		fprintf(stderr, "clusapid: no password given on stdin\n");
		goto done;
	}
	if (isatty(STDIN_FILENO) == 1) {
		again = read_line(frame, "Retype new password: ");
		if (again == NULL || strcmp(password, again) != 0) {
			fprintf(stderr, "clusapid: the passwords differ\n");
			goto done;
		}
	}
	if (password[0] == '\0') {
		fprintf(stderr, "clusapid: the password must not be empty\n");
		goto done;
	}
	ret = clusrv_users_add(path, name, password, groups);
	memset(password, 0, strlen(password));
done:
	talloc_free(frame);
	return ret;
}

static int admin_command(const char *path)
{
	int n = (args.add_user != NULL) + (args.del_user != NULL) +
		(args.list_users != 0);

	if (n > 1) {
		fprintf(stderr, "clusapid: --add-user, --del-user and "
			"--list-users go one at a time (see --help)\n");
		return -1;
	}
	if (n == 1 && path == NULL) {
		fprintf(stderr, "clusapid: --add-user, --del-user and "
			"--list-users need --auth-users FILE (see --help)\n");
		return -1;
	}
	if (args.user_groups != NULL && args.add_user == NULL) {
		fprintf(stderr, "clusapid: --user-groups goes with "
			"--add-user (see --help)\n");
		return -1;
	}
	if (args.add_user != NULL) {
		return add_user(path, args.add_user, args.user_groups) == 0 ?
		       1 : -1;
	}
	if (args.del_user != NULL) {
		return clusrv_users_del(path, args.del_user) == 0 ? 1 : -1;
	}
	if (args.list_users) {
		return clusrv_users_list(path) == 0 ? 1 : -1;
	}
	return 0;
}

static void free_args(void)
{
	/* popt hands out malloc'd copies */
	free(args.add_user);
	free(args.del_user);
	free(args.user_groups);
	memset(&args, 0, sizeof(args));
}

int clusrv_auth_options_finish(const struct clusrv_auth_options *o)
{
	int ret = -1;

	if (o->realm != NULL && o->keytab == NULL) {
		fprintf(stderr, "clusapid: --auth-realm goes with "
			"--auth-keytab (see --help)\n");
	} else {
		ret = admin_command(o->users_file);
	}
	free_args();
	return ret;
}
