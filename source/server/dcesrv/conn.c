/*
 * clusapid: one DCE/RPC client connection
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What Samba's stream service does for its RPC server, for any tstream:
 * connect the dcesrv core to the stream and let it read packets until
 * the client goes or the core ends the connection.
 */

#include <errno.h>
#include <string.h>

#include "server/log.h"
#include <talloc.h>
#include <tevent.h>
#include <dcesrv_core.h>
#include <gen_ndr/auth.h>

#include "server/dcesrv/dcesrv.h"
#include "server/transport/tsocket_shim.h"

static int clusrv_conn_destructor(struct clusrv_conn *c)
{
	c->srv->num_connections--;
	return 0;
}

struct clusrv_conn *clusrv_conn_new(TALLOC_CTX *mem_ctx,
				    struct clusrv_context *srv,
				    const char *transport,
				    const struct sockaddr *local,
				    socklen_t local_len,
				    const struct sockaddr *remote,
				    socklen_t remote_len)
{
	struct clusrv_conn *c;
	char *addr;

	if (local_len > sizeof(c->local) || remote_len > sizeof(c->remote)) {
		return NULL;
	}
	c = talloc_zero(mem_ctx, struct clusrv_conn);
	if (c == NULL) {
		return NULL;
	}
	c->srv = srv;
	memcpy(&c->local, local, local_len);
	c->local_len = local_len;
	memcpy(&c->remote, remote, remote_len);
	c->remote_len = remote_len;

	addr = clusrv_sockaddr_string(c, remote, remote_len);
	c->peer = talloc_asprintf(c, "%s %s", transport,
				  addr != NULL ? addr : "?");
	if (c->peer == NULL) {
		talloc_free(c);
		return NULL;
	}

	srv->num_connections++;
	talloc_set_destructor(c, clusrv_conn_destructor);
	return c;
}

/* The dcesrv core is done with the connection (or the client went). */
static void clusrv_conn_terminate(struct dcesrv_connection *dce_conn,
				  const char *reason)
{
	struct clusrv_conn *c = talloc_get_type_abort(
		dce_conn->transport.private_data, struct clusrv_conn);

	DBG_INFO("%s: connection closed: %s\n", c->peer, reason);
	talloc_free(c);
}

static NTSTATUS clusrv_conn_addresses(struct clusrv_conn *c,
				      struct dcesrv_connection *dce_conn)
{
	struct tsocket_address *local = NULL;
	struct tsocket_address *remote = NULL;
	int ret;

	ret = clus_tsocket_address_bsd_from_sockaddr(
		dce_conn, (const struct sockaddr *)&c->local, c->local_len,
		&local);
	if (ret == -1) {
		return map_nt_error_from_unix_common(errno);
	}
	ret = clus_tsocket_address_bsd_from_sockaddr(
		dce_conn, (const struct sockaddr *)&c->remote, c->remote_len,
		&remote);
	if (ret == -1) {
		return map_nt_error_from_unix_common(errno);
	}
	dce_conn->local_address = local;
	dce_conn->remote_address = remote;
	return NT_STATUS_OK;
}

NTSTATUS clusrv_conn_start(struct clusrv_conn *c, const char *endpoint,
			   struct auth_session_info *session_info,
			   struct tstream_context *stream)
{
	struct clusrv_context *srv = c->srv;
	struct dcerpc_binding *binding = NULL;
	struct dcesrv_endpoint *ep = NULL;
	struct dcesrv_connection *dce_conn = NULL;
	NTSTATUS status;

	status = dcerpc_parse_binding(c, endpoint, &binding);
	if (!NT_STATUS_IS_OK(status)) {
		return status;
	}
	status = dcesrv_find_endpoint(srv->dce_ctx, binding, &ep);
	TALLOC_FREE(binding);
	if (!NT_STATUS_IS_OK(status)) {
		DBG_WARNING("%s: no interface is registered on %s\n",
			    c->peer, endpoint);
		return status;
	}

	clusrv_identity_from_session(&c->identity, session_info, srv);
	c->identity_session = session_info->unique_session_token;

	/*
	 * MAY_ASYNC lets handlers reply later (a group move waits for the
	 * model); MULTIPLEXED honours a client's PFC_FLAG_CONC_MPX, so a
	 * client may have several calls in flight on one connection.
	 */
	status = dcesrv_endpoint_connect(srv->dce_ctx, c, ep, session_info,
					 srv->ev,
					 DCESRV_CALL_STATE_FLAG_MAY_ASYNC |
					 DCESRV_CALL_STATE_FLAG_MULTIPLEXED,
					 &dce_conn);
	if (!NT_STATUS_IS_OK(status)) {
		return status;
	}
	dce_conn->transport.private_data = c;
	/* dcesrv_core faults and disconnects a larger request */
	dce_conn->max_total_request_size = srv->opts.max_request_size;
	dce_conn->transport.report_output_data =
		dcesrv_sock_report_output_data;
	dce_conn->transport.terminate_connection = clusrv_conn_terminate;
	dce_conn->stream = stream;
	dce_conn->send_queue = tevent_queue_create(dce_conn,
						   "clusrv send queue");
	if (dce_conn->send_queue == NULL) {
		talloc_free(dce_conn);
		return NT_STATUS_NO_MEMORY;
	}
	status = clusrv_conn_addresses(c, dce_conn);
	if (!NT_STATUS_IS_OK(status)) {
		talloc_free(dce_conn);
		return status;
	}
	c->dce_conn = dce_conn;

	status = dcesrv_connection_loop_start(dce_conn);
	if (!NT_STATUS_IS_OK(status)) {
		c->dce_conn = NULL;
		talloc_free(dce_conn);
		return status;
	}
	return NT_STATUS_OK;
}
