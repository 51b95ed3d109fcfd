/*
 * clusapid: smbd's users (--auth-passdb) through the public libsamba-passdb
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef CLUSAPI_SERVER_AUTH_PASSDB_H
#define CLUSAPI_SERVER_AUTH_PASSDB_H

#include <stdbool.h>
#include <talloc.h>

#include "server/auth/users.h"

/* Load SMB_CONF and open the passdb it configures; false: logged */
bool clusrv_passdb_init(const char *smb_conf);

/* The passdb's enabled user NAME with his NT hash, or NULL */
struct clusrv_user *clusrv_passdb_find(TALLOC_CTX *mem_ctx,
				       const char *name);

#endif /* CLUSAPI_SERVER_AUTH_PASSDB_H */
