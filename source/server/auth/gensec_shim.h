/*
 * clusapid: Samba's server-side gensec and NTLM check, resolved at run time
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See gensec_shim.c for why. clus_gensec_shim_init() once at start-up;
 * when it returns false (the message is logged) the other functions must
 * not be called and authenticated binds stay off.
 */

#ifndef CLUSAPI_SERVER_AUTH_GENSEC_SHIM_H
#define CLUSAPI_SERVER_AUTH_GENSEC_SHIM_H

#include <stdbool.h>
#include <talloc.h>

#include "server/auth/samba_private.h"

struct gensec_settings;
struct gensec_security;
struct cli_credentials;

bool clus_gensec_shim_init(void);

NTSTATUS clus_gensec_server_start(TALLOC_CTX *mem_ctx,
				  struct gensec_settings *settings,
				  struct auth4_context *auth_context,
				  struct gensec_security **gensec_security);

NTSTATUS clus_gensec_set_credentials(struct gensec_security *gensec_security,
				     struct cli_credentials *credentials);

NTSTATUS clus_ntlm_password_check(TALLOC_CTX *mem_ctx,
				  const DATA_BLOB *challenge,
				  const struct auth_usersupplied_info *ui,
				  const char *username,
				  const struct samr_Password *stored_nt,
				  DATA_BLOB *user_sess_key,
				  DATA_BLOB *lm_sess_key);

#endif /* CLUSAPI_SERVER_AUTH_GENSEC_SHIM_H */
