/*
 * clusapid: the server's own users (--auth-users FILE)
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One user a line, "NAME:NTHASH[:EXTRA]": the NT hash (MD4 of the
 * UTF-16LE password, 32 hex digits) and a comma-separated list of extra
 * SIDs ("S-1-5-32-544") and unix group names (resolved at logon to
 * S-1-22-2-<gid>, as smbd names a unix group). Lines starting with '#'
 * and empty lines are ignored. The file must be owned by the daemon's
 * user and readable by nobody else (mode 0600 or stricter): it holds
 * password equivalents. `clusapid --auth-users FILE --add-user NAME`
 * writes it.
 */

#ifndef CLUSAPI_SERVER_AUTH_USERS_H
#define CLUSAPI_SERVER_AUTH_USERS_H

#include <stdbool.h>
#include <stdint.h>
#include <talloc.h>

struct clusrv_user {
	const char *name;
	uint8_t nt_hash[16];
	const char **extra;		/* SIDs and group names; NULL-ended */
};

struct clusrv_users {
	struct clusrv_user *users;
	size_t num_users;
};

/* Read PATH; on an error NULL, and *error (on MEM_CTX) says why. */
struct clusrv_users *clusrv_users_load(TALLOC_CTX *mem_ctx, const char *path,
				       char **error);

/* The user called NAME, compared case-insensitively; NULL if none */
const struct clusrv_user *clusrv_users_find(const struct clusrv_users *u,
					    const char *name);

/* MD4 of the UTF-16LE of PASSWORD (UTF-8); false if not valid UTF-8 */
bool clusrv_nt_hash(const char *password, uint8_t hash[16]);

/*
 * The admin commands: add (or replace) NAME with PASSWORD and EXTRA
 * (may be NULL), delete NAME, list the users. 0 on success, else a
 * message is on stderr; a missing file counts as empty for add.
 */
int clusrv_users_add(const char *path, const char *name,
		     const char *password, const char *extra);
int clusrv_users_del(const char *path, const char *name);
int clusrv_users_list(const char *path);

#endif /* CLUSAPI_SERVER_AUTH_USERS_H */
