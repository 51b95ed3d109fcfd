/*
 * clusapid: Samba's dcesrv core, set up outside Samba
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libdcerpc-server-core runs the DCE/RPC connection layer (binds,
 * fragments, faults, context handles) and dispatches to PIDL's server
 * code. Inside Samba its callbacks come from the rest of the server; we
 * provide our own: association groups, root switching (a no-op: we never
 * change ids) and the authentication hook (server/auth/auth.c), which
 * starts Samba's gensec with credentials of our own.
 */

#include <stdio.h>
#include <string.h>

#include "server/log.h"
#include <talloc.h>
#include <param.h>
#include <util/idtree.h>
#include <util/idtree_random.h>
#include <dcesrv_core.h>

#include "server/auth/auth.h"
#include "server/dcesrv/dcesrv.h"
#include "server/dcesrv/policy.h"

static void clusrv_become_root(void)
{
}

static void clusrv_unbecome_root(void)
{
}

static int clusrv_assoc_group_destructor(struct dcesrv_assoc_group *ag)
{
	if (idr_remove(ag->dce_ctx->assoc_groups_idr, ag->id) != 0) {
		DBG_WARNING("association group 0x%08x was not registered\n",
			    ag->id);
	}
	return 0;
}

static NTSTATUS clusrv_assoc_group_new(struct dcesrv_call_state *call,
				       enum dcerpc_transport_t transport)
{
	struct dcesrv_connection *conn = call->conn;
	struct dcesrv_context *dce_ctx = conn->dce_ctx;
	struct dcesrv_assoc_group *ag;
	int id;

	/* Owned by the first connection; joining ones hold references. */
	ag = talloc_zero(conn, struct dcesrv_assoc_group);
	if (ag == NULL) {
		return NT_STATUS_NO_MEMORY;
	}
	id = idr_get_new_random(dce_ctx->assoc_groups_idr, ag, UINT16_MAX);
	if (id == -1) {
		talloc_free(ag);
		DBG_WARNING("no association group id left\n");
		return NT_STATUS_INSUFFICIENT_RESOURCES;
	}
	ag->id = id;
	ag->transport = transport;
	ag->dce_ctx = dce_ctx;
	talloc_set_destructor(ag, clusrv_assoc_group_destructor);

	conn->assoc_group = ag;
	return NT_STATUS_OK;
}

static NTSTATUS clusrv_assoc_group_join(struct dcesrv_call_state *call,
					enum dcerpc_transport_t transport,
					uint32_t id)
{
	struct dcesrv_connection *conn = call->conn;
	struct dcesrv_assoc_group *ag;

	ag = idr_find(conn->dce_ctx->assoc_groups_idr, id);
	if (ag == NULL) {
		DBG_INFO("bind to unknown association group 0x%08x\n", id);
		return NT_STATUS_NOT_FOUND;
	}
	if (ag->transport != transport) {
		DBG_INFO("association group 0x%08x belongs to another "
			 "transport\n", id);
		return NT_STATUS_NOT_FOUND;
	}
	conn->assoc_group = talloc_reference(conn, ag);
	if (conn->assoc_group == NULL) {
		return NT_STATUS_NO_MEMORY;
	}
	return NT_STATUS_OK;
}

/*
 * Called on every bind: a zero assoc_group_id asks for a new group,
 * anything else joins an existing one (context handles are shared
 * within a group). An unknown id gets a bind_nak, as from Samba.
 */
static NTSTATUS clusrv_assoc_group_find(struct dcesrv_call_state *call,
					void *private_data)
{
	uint32_t id = call->pkt.u.bind.assoc_group_id;
	enum dcerpc_transport_t transport = dcerpc_binding_get_transport(
		call->conn->endpoint->ep_description);

	if (id == 0) {
		return clusrv_assoc_group_new(call, transport);
	}
	return clusrv_assoc_group_join(call, transport, id);
}

NTSTATUS clusrv_dcesrv_init(struct clusrv_context *srv)
{
	struct dcesrv_context_callbacks *cb;
	NTSTATUS status;

	srv->lp_ctx = loadparm_init(srv);
	if (srv->lp_ctx == NULL) {
		return NT_STATUS_NO_MEMORY;
	}
	if (srv->opts.debug_level >= CLUS_LOG_DEBUG) {
		char level[16];

		/* Samba's own libraries log to stderr too. */
		snprintf(level, sizeof(level), "%d", srv->opts.debug_level);
		lpcfg_set_cmdline(srv->lp_ctx, "log level", level);
	}

	/* dcesrv keeps the pointer: it lives as long as srv. */
	cb = talloc_zero(srv, struct dcesrv_context_callbacks);
	if (cb == NULL) {
		return NT_STATUS_NO_MEMORY;
	}
	status = clusrv_auth_init(srv);
	if (!NT_STATUS_IS_OK(status)) {
		return status;
	}
	cb->auth.gensec_prepare = clusrv_auth_gensec_prepare;
	cb->auth.private_data = srv->auth;
	cb->auth.become_root = clusrv_become_root;
	cb->auth.unbecome_root = clusrv_unbecome_root;
	cb->assoc_group.find = clusrv_assoc_group_find;
	cb->assoc_group.private_data = srv;

	status = dcesrv_init_context(srv, srv->lp_ctx, cb, &srv->dce_ctx);
	if (!NT_STATUS_IS_OK(status)) {
		return status;
	}

	srv->anonymous_session = clusrv_anonymous_session(srv);
	if (srv->anonymous_session == NULL) {
		return NT_STATUS_NO_MEMORY;
	}

	if (srv->opts.access_config == NULL) {
		srv->access_policy = clusrv_access_policy_default(srv);
	} else {
		char *error = NULL;

		srv->access_policy = clusrv_access_policy_load(
			srv, srv->opts.access_config, &error);
		if (srv->access_policy == NULL && error != NULL) {
			DBG_ERR("%s\n", error);
			talloc_free(error);
			return NT_STATUS_INVALID_PARAMETER;
		}
	}
	if (srv->access_policy == NULL) {
		return NT_STATUS_NO_MEMORY;
	}
	return NT_STATUS_OK;
}

NTSTATUS clusrv_register_interface_on(struct clusrv_context *srv,
				      const char *endpoint,
				      const struct dcesrv_interface *iface)
{
	NTSTATUS status;

	status = dcesrv_interface_register(srv->dce_ctx, endpoint, NULL,
					   iface, NULL);
	if (!NT_STATUS_IS_OK(status)) {
		DBG_ERR("cannot register interface %s on %s: %s\n",
			iface->name, endpoint, nt_errstr(status));
		return status;
	}
	DBG_INFO("interface %s registered on %s\n", iface->name, endpoint);
	return NT_STATUS_OK;
}

NTSTATUS clusrv_register_interface(struct clusrv_context *srv,
				   const struct dcesrv_interface *iface)
{
	NTSTATUS status;

	if (srv->tcp_endpoint == NULL) {
		DBG_ERR("interface %s registered before the transports "
			"were set up\n", iface->name);
		return NT_STATUS_INTERNAL_ERROR;
	}
	status = clusrv_register_interface_on(srv, srv->tcp_endpoint, iface);
	if (!NT_STATUS_IS_OK(status) || srv->np_endpoint == NULL) {
		return status;
	}
	return clusrv_register_interface_on(srv, srv->np_endpoint, iface);
}
