/*
 * clusapid: who gets full access (the access policy)
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * MS-CMRP knows two kinds of access to a cluster: read access (open,
 * enumerate, query) and full access (any change); Windows grants full
 * access to administrators. Authenticated callers reach clusapid through
 * smbd, which tells us their SIDs, names and unix ids; the policy says
 * which of them are administrators. The file (--access-config):
 *
 *   # comments start with # or ;
 *   [access]
 *   admin users = root, alice, EXAMPLE\bob    names, or SIDs
 *   admin groups = clusadmin                  unix groups, or SIDs
 *   admin sids = S-1-5-32-544                 SIDs in the caller's token
 *   authenticated = read                      the others: none, read, full
 *
 * Without a file, or for a key the file leaves out: no admin users or
 * groups, admin sids S-1-5-32-544 (BUILTIN\Administrators), and
 * authenticated callers may read. Root (uid 0) always has full access:
 * it owns the daemon's state anyway. Group names are looked up (NSS)
 * when a caller connects, so a user added to a group counts from his
 * next connection on. Names compare case-insensitively, as on Windows.
 */

#ifndef CLUSAPI_SERVER_POLICY_H
#define CLUSAPI_SERVER_POLICY_H

#include <stdbool.h>
#include <talloc.h>

#include "server/server.h"

#include <sys/types.h>

struct auth_session_info;
struct dom_sid;

/* "S-1-5-21-1-2-3": revision 1, a 48-bit authority, 0-15 sub-auths */
bool clusrv_sid_parse(const char *s, struct dom_sid *sid);

/* S-1-22-2-<gid>: how Samba names a unix group */
void clusrv_sid_unix_group(struct dom_sid *sid, gid_t gid);

struct clusrv_access_policy *clusrv_access_policy_default(TALLOC_CTX *mem_ctx);

/* Read PATH; on an error NULL, and *error (on MEM_CTX) says where. */
struct clusrv_access_policy *clusrv_access_policy_load(TALLOC_CTX *mem_ctx,
						       const char *path,
						       char **error);

/* What an authenticated caller gets; *is_admin: full by the admin rules */
enum clusrv_access clusrv_access_policy_check(
	const struct clusrv_access_policy *policy,
	const struct auth_session_info *session_info, bool *is_admin);

#endif /* CLUSAPI_SERVER_POLICY_H */
