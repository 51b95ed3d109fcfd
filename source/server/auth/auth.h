/*
 * clusapid: authenticated binds (SPNEGO, NTLMSSP, Kerberos) through gensec
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef CLUSAPI_SERVER_AUTH_AUTH_H
#define CLUSAPI_SERVER_AUTH_AUTH_H

#include <stdbool.h>
#include <popt.h>
#include <talloc.h>
#include <tevent.h>

#include "server/server.h"

struct dcesrv_call_state;
struct dcesrv_connection_context;
struct dcesrv_interface;
struct gensec_security;
struct auth4_context;
struct clusrv_user;
struct clusrv_users;

struct clusrv_auth {
	struct loadparm_context *lp_ctx;
	const struct clusrv_auth_options *opts;
	/* false: the Samba libraries do not match, no authenticated bind */
	bool enabled;
	struct clusrv_users *users;	/* --auth-users */
	bool passdb;			/* --auth-passdb: smbd's users too */
};

/* Sets up srv->auth: the gensec shim, the credential sources */
NTSTATUS clusrv_auth_init(struct clusrv_context *srv);

/* SIGHUP: read --auth-users again; on an error keep the old users */
void clusrv_auth_reload(struct clusrv_context *srv);

/* dcesrv_core's gensec_prepare callback; PRIVATE_DATA is the clusrv_auth */
NTSTATUS clusrv_auth_gensec_prepare(TALLOC_CTX *mem_ctx,
				    struct dcesrv_call_state *call,
				    struct gensec_security **out,
				    void *private_data);

/*
 * The ClusAPI interface's bind hook: packet privacy on ncacn_ip_tcp
 * (MS-CMRP 2.1) for every authenticated caller, and for anonymous ones
 * too unless --anonymous lets them in.
 */
NTSTATUS clusrv_auth_iface_bind(struct dcesrv_connection_context *context,
				const struct dcesrv_interface *iface);

/* auth4.c: a fresh auth4_context for one gensec context */
struct auth4_context *clusrv_auth4_new(TALLOC_CTX *mem_ctx,
				       struct clusrv_auth *auth,
				       struct tevent_context *ev);

/* auth4.c: the session of a user of ours; DOMAIN NULL: our NetBIOS name */
struct auth_session_info *clusrv_auth_user_session(
	TALLOC_CTX *mem_ctx, struct clusrv_auth *auth,
	const struct clusrv_user *user, const char *domain);

/*
 * options.c: the user admin commands (--add-user, --del-user,
 * --list-users), a popt table included into clusapid's, and once the
 * options are parsed, the checks across the auth settings and the admin
 * command if one was given: 0 to run, 1 to exit 0 (an admin command
 * ran), -1 to exit 1 (said on stderr).
 */
extern struct poptOption clusrv_auth_popt_options[];
int clusrv_auth_options_finish(const struct clusrv_auth_options *o);

#endif /* CLUSAPI_SERVER_AUTH_AUTH_H */
