/*
 * clusapid: authenticated binds (SPNEGO, NTLMSSP, Kerberos) through gensec
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For every authenticated bind the dcesrv core asks us for a gensec
 * context (gensec_prepare) and then runs the legs itself (bind,
 * alter_context, auth3), signs, seals and keeps the caller's session
 * (dcesrv_call_session_info). We start Samba's own gensec server with
 * an auth4_context of ours (auth4.c) that knows our users, and server
 * credentials holding the keytab (--auth-keytab) when Kerberos is on.
 *
 * MS-CMRP 2.1: over ncacn_ip_tcp a ClusAPI 3.0 client MUST use packet
 * privacy and the server MUST refuse anything less. Windows enforces it
 * in the interface's security callback: the bind succeeds, the call
 * fails with RPC_S_ACCESS_DENIED (a fault, status 5). dcesrv_core does
 * the same with a context's min_auth_level, which we set to privacy on
 * ncacn_ip_tcp. Anonymous callers there get in only when --anonymous
 * says so (labs and tests; a departure from the spec).
 */

#include <string.h>

#include "server/log.h"
#include <talloc.h>
#include <param.h>
#include <credentials.h>
#include <dcesrv_core.h>

#include "server/auth/auth.h"
#include "server/auth/gensec_shim.h"
#include "server/auth/passdb.h"
#include "server/auth/users.h"
#include "server/dcesrv/dcesrv.h"

static const char *auth_type_name(enum dcerpc_AuthType type)
{
	switch (type) {
	case DCERPC_AUTH_TYPE_SPNEGO:
		return "SPNEGO";
	case DCERPC_AUTH_TYPE_NTLMSSP:
		return "NTLMSSP";
	case DCERPC_AUTH_TYPE_KRB5:
		return "Kerberos";
	case DCERPC_AUTH_TYPE_SCHANNEL:
		return "schannel";
	default:
		return "other";
	}
}

/* Has the connection an authenticated auth context (bound or binding)? */
static bool conn_is_authenticated(const struct dcesrv_connection *conn)
{
	const struct dcesrv_auth *a;

	for (a = conn->auth_states; a != NULL; a = a->next) {
		if (a->auth_type != DCERPC_AUTH_TYPE_NONE) {
			return true;
		}
	}
	return false;
}

static bool conn_on_tcp(const struct dcesrv_connection *conn)
{
	return dcerpc_binding_get_transport(conn->endpoint->ep_description) ==
	       NCACN_IP_TCP;
}

static bool conn_is_epm(const struct dcesrv_connection *conn,
			const struct clusrv_context *srv)
{
	const char *ep = dcerpc_binding_get_string_option(
		conn->endpoint->ep_description, "endpoint");
	const char *epm = srv->epm_endpoint;

	/* "ncacn_ip_tcp:[135]" against the endpoint option "135" */
	epm = epm != NULL ? strchr(epm, '[') : NULL;
	return epm != NULL && ep != NULL && strncmp(epm + 1, ep,
						    strlen(ep)) == 0 &&
	       epm[1 + strlen(ep)] == ']';
}

/* Privacy from now on for the connection's ClusAPI contexts on TCP */
static void conn_require_privacy(struct dcesrv_connection *conn)
{
	struct dcesrv_connection_context *ctx;

	for (ctx = conn->contexts; ctx != NULL; ctx = ctx->next) {
		ctx->min_auth_level = DCERPC_AUTH_LEVEL_PRIVACY;
	}
}

NTSTATUS clusrv_auth_iface_bind(struct dcesrv_connection_context *context,
				const struct dcesrv_interface *iface)
{
	struct dcesrv_connection *conn = context->conn;
	struct clusrv_conn *c = talloc_get_type_abort(
		conn->transport.private_data, struct clusrv_conn);

	if (!conn_on_tcp(conn)) {
		return NT_STATUS_OK;
	}
	if (c->srv->opts.anonymous == CLUSRV_ANONYMOUS_NONE ||
	    conn_is_authenticated(conn)) {
		context->min_auth_level = DCERPC_AUTH_LEVEL_PRIVACY;
	}
	return NT_STATUS_OK;
}

static struct cli_credentials *server_credentials(TALLOC_CTX *mem_ctx,
						  struct clusrv_auth *auth)
{
	struct cli_credentials *creds = cli_credentials_init_anon(mem_ctx);
	const char *keytab = auth->opts->keytab;
	char *name;

	if (creds == NULL) {
		return NULL;
	}
	if (keytab == NULL) {
		/* without a keytab SPNEGO must not offer Kerberos */
		cli_credentials_set_kerberos_state(
			creds, CRED_USE_KERBEROS_DISABLED, CRED_SPECIFIED);
		return creds;
	}
	/* the acceptor takes any service principal of the keytab */
	name = talloc_asprintf(creds, "FILE:%s", keytab);
	if (name == NULL ||
	    cli_credentials_set_keytab_name(creds, auth->lp_ctx, name,
					    CRED_SPECIFIED) != 0) {
		DBG_ERR("cannot use the keytab %s\n", keytab);
		talloc_free(creds);
		return NULL;
	}
	cli_credentials_set_kerberos_state(creds, CRED_USE_KERBEROS_DESIRED,
					   CRED_SPECIFIED);
	return creds;
}

static NTSTATUS auth_refuse(struct dcesrv_call_state *call,
			    const struct clusrv_conn *c, const char *why)
{
	DBG_NOTICE("%s: refusing a %s bind (auth type %u, level %u): %s\n",
		   c->peer, auth_type_name(call->in_auth_info.auth_type),
		   (unsigned int)call->in_auth_info.auth_type,
		   (unsigned int)call->in_auth_info.auth_level, why);
	return NT_STATUS_ACCESS_DENIED;
}

NTSTATUS clusrv_auth_gensec_prepare(TALLOC_CTX *mem_ctx,
				    struct dcesrv_call_state *call,
				    struct gensec_security **out,
				    void *private_data)
{
	struct clusrv_auth *auth = talloc_get_type_abort(private_data,
							 struct clusrv_auth);
	struct clusrv_conn *c = talloc_get_type_abort(
		call->conn->transport.private_data, struct clusrv_conn);
	TALLOC_CTX *tmp;
	struct auth4_context *auth4;
	struct gensec_settings *settings;
	struct cli_credentials *creds;
	NTSTATUS status;

	switch (call->in_auth_info.auth_type) {
	case DCERPC_AUTH_TYPE_SPNEGO:
	case DCERPC_AUTH_TYPE_NTLMSSP:
	case DCERPC_AUTH_TYPE_KRB5:
		break;
	default:
		return auth_refuse(call, c, "only SPNEGO, NTLMSSP and "
				   "Kerberos are served");
	}
	if (!auth->enabled) {
		return auth_refuse(call, c, "authenticated binds are off "
				   "(see the start-up message)");
	}
	if (auth->users == NULL && !auth->passdb &&
	    auth->opts->keytab == NULL) {
		return auth_refuse(call, c, "no credential source is "
				   "configured (--auth-users, --auth-passdb, "
				   "--auth-keytab)");
	}
	if (call->in_auth_info.auth_type == DCERPC_AUTH_TYPE_KRB5 &&
	    auth->opts->keytab == NULL) {
		return auth_refuse(call, c, "Kerberos needs --auth-keytab");
	}
	if (conn_on_tcp(call->conn) && !conn_is_epm(call->conn, c->srv)) {
		conn_require_privacy(call->conn);
	}

	/*
	 * gensec takes references to the auth4_context, the settings and
	 * the credentials; what we made them on goes once they are its.
	 */
	tmp = talloc_new(mem_ctx);
	if (tmp == NULL) {
		return NT_STATUS_NO_MEMORY;
	}
	auth4 = clusrv_auth4_new(tmp, auth, call->event_ctx);
	settings = lpcfg_gensec_settings(tmp, auth->lp_ctx);
	creds = server_credentials(tmp, auth);
	if (auth4 == NULL || settings == NULL || creds == NULL) {
		talloc_free(tmp);
		return NT_STATUS_NO_MEMORY;
	}
	status = clus_gensec_server_start(mem_ctx, settings, auth4, out);
	if (NT_STATUS_IS_OK(status)) {
		status = clus_gensec_set_credentials(*out, creds);
	}
	talloc_free(tmp);
	if (!NT_STATUS_IS_OK(status)) {
		DBG_ERR("%s: cannot start gensec: %s\n", c->peer,
			nt_errstr(status));
		TALLOC_FREE(*out);
		return status;
	}
	DBG_INFO("%s: %s bind at level %u\n", c->peer,
		 auth_type_name(call->in_auth_info.auth_type),
		 (unsigned int)call->in_auth_info.auth_level);
	return NT_STATUS_OK;
}

static struct clusrv_users *auth_load_users(TALLOC_CTX *mem_ctx,
					    const char *path)
{
	struct clusrv_users *users;
	char *error = NULL;

	users = clusrv_users_load(mem_ctx, path, &error);
	if (users == NULL) {
		DBG_ERR("--auth-users: %s\n",
			error != NULL ? error : "out of memory");
		talloc_free(error);
	}
	return users;
}

NTSTATUS clusrv_auth_init(struct clusrv_context *srv)
{
	struct clusrv_auth *auth;

	auth = talloc_zero(srv, struct clusrv_auth);
	if (auth == NULL) {
		return NT_STATUS_NO_MEMORY;
	}
	auth->lp_ctx = srv->lp_ctx;
	auth->opts = &srv->opts.auth;
	srv->auth = auth;

	if (auth->opts->users_file != NULL) {
		auth->users = auth_load_users(auth, auth->opts->users_file);
		if (auth->users == NULL) {
			return NT_STATUS_INVALID_PARAMETER;
		}
		DBG_NOTICE("%zu users from %s\n", auth->users->num_users,
			   auth->opts->users_file);
	}
	if (auth->opts->passdb_conf != NULL) {
		if (!clusrv_passdb_init(auth->opts->passdb_conf)) {
			return NT_STATUS_INVALID_PARAMETER;
		}
		auth->passdb = true;
		DBG_NOTICE("the users of the passdb %s configures\n",
			   auth->opts->passdb_conf);
	}
	if (auth->opts->realm != NULL) {
		lpcfg_set_cmdline(srv->lp_ctx, "realm", auth->opts->realm);
	}
	if (auth->opts->keytab != NULL) {
		DBG_NOTICE("Kerberos with the keytab %s%s%s\n",
			   auth->opts->keytab,
			   auth->opts->realm != NULL ? ", realm " : "",
			   auth->opts->realm != NULL ? auth->opts->realm : "");
	}
	/* the message is out when it fails: clusapid serves on anyway */
	auth->enabled = clus_gensec_shim_init();
	return NT_STATUS_OK;
}

void clusrv_auth_reload(struct clusrv_context *srv)
{
	struct clusrv_auth *auth = srv->auth;
	struct clusrv_users *users;

	if (auth == NULL || auth->opts->users_file == NULL) {
		return;
	}
	users = auth_load_users(auth, auth->opts->users_file);
	if (users == NULL) {
		DBG_ERR("keeping the %zu users read before\n",
			auth->users != NULL ? auth->users->num_users : 0);
		return;
	}
	talloc_free(auth->users);
	auth->users = users;
	DBG_NOTICE("%zu users reloaded from %s\n", users->num_users,
		   auth->opts->users_file);
}
