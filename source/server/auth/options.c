/*
 * clusapid: the options of authentication, and the user admin commands
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A popt table of its own, included into clusapid's (main.c), so the
 * daemon's option parsing needs one line for all of them.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "server/auth/auth.h"
#include "server/auth/users.h"

static struct {
	char *users_file;
	char *add_user;
	char *del_user;
	int list_users;
	char *user_groups;
	char *keytab;
	char *realm;
	char *passdb_conf;
} args;

#define OPT_PASSDB 0x5a01
#define DEFAULT_SMB_CONF "/etc/samba/smb.conf"

/* --auth-passdb[=SMB.CONF]: popt stores no optional argument itself */
static void auth_popt_callback(poptContext con,
			       enum poptCallbackReason reason,
			       const struct poptOption *opt, const char *arg,
			       const void *data)
{
	if (reason != POPT_CALLBACK_REASON_OPTION || opt->val != OPT_PASSDB) {
		return;
	}
	free(args.passdb_conf);
	args.passdb_conf = strdup(arg != NULL && arg[0] != '\0' ?
				  arg : DEFAULT_SMB_CONF);
}

struct poptOption clusrv_auth_popt_options[] = {
	{ NULL, 0, POPT_ARG_CALLBACK, (void *)auth_popt_callback, 0, NULL,
	  NULL },
	{ "auth-users", 0, POPT_ARG_STRING, &args.users_file, 0,
	  "The server's own users for authenticated binds (SPNEGO, "
	  "NTLMSSP): NAME:NTHASH[:SIDS,GROUPS] lines, mode 0600; "
	  "reread on SIGHUP", "FILE" },
	{ "auth-keytab", 0, POPT_ARG_STRING, &args.keytab, 0,
	  "Kerberos: the keytab with MSServerClusterMgmtAPI/HOST and "
	  "host/HOST (without one Kerberos is not offered)", "FILE" },
	{ "auth-realm", 0, POPT_ARG_STRING, &args.realm, 0,
	  "Kerberos: the realm whose principals are taken (user@REALM "
	  "is user); default: any realm of the keytab's tickets",
	  "REALM" },
	{ "auth-passdb", 0, POPT_ARG_STRING | POPT_ARGFLAG_OPTIONAL, NULL,
	  OPT_PASSDB, "Also the users of the passdb of the smbd that "
	  "SMB.CONF configures (smbpasswd -a; needs root; default "
	  DEFAULT_SMB_CONF ")", "SMB.CONF" },
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
	free(args.users_file);
	free(args.add_user);
	free(args.del_user);
	free(args.user_groups);
	free(args.keytab);
	free(args.realm);
	free(args.passdb_conf);
	memset(&args, 0, sizeof(args));
}

/* the daemon moves to "/" */
static const char *absolute(TALLOC_CTX *mem_ctx, const char *path)
{
	char cwd[4096];

	if (path == NULL) {
		return NULL;
	}
	if (path[0] == '/' || getcwd(cwd, sizeof(cwd)) == NULL) {
		return talloc_strdup(mem_ctx, path);
	}
	return talloc_asprintf(mem_ctx, "%s/%s", cwd, path);
}

int clusrv_auth_options_finish(TALLOC_CTX *mem_ctx,
			       struct clusrv_auth_options *o)
{
	int ret = -1;

	*o = (struct clusrv_auth_options) {
		.users_file = absolute(mem_ctx, args.users_file),
		.keytab = absolute(mem_ctx, args.keytab),
		.passdb_conf = absolute(mem_ctx, args.passdb_conf),
	};
	if (args.realm != NULL) {
		o->realm = talloc_strdup(mem_ctx, args.realm);
	}
	if (o->keytab != NULL && access(o->keytab, R_OK) == -1) {
		fprintf(stderr, "clusapid: cannot read --auth-keytab %s: "
			"%s\n", o->keytab, strerror(errno));
	} else if (o->passdb_conf != NULL &&
		   access(o->passdb_conf, R_OK) == -1) {
		fprintf(stderr, "clusapid: cannot read --auth-passdb %s: "
			"%s\n", o->passdb_conf, strerror(errno));
	} else if (o->realm != NULL && o->keytab == NULL) {
		fprintf(stderr, "clusapid: --auth-realm goes with "
			"--auth-keytab (see --help)\n");
	} else {
		ret = admin_command(o->users_file);
	}
	free_args();
	return ret;
}
