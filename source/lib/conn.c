/*
 * libclusapi - targets, bindings and connections
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <ctype.h>
#include <credentials.h>
#include "lib/clusapi_private.h"

#define CLUSAPI_PIPE "\\pipe\\clusapi"

/*
 * A binding string starts with a transport ("ncacn_ip_tcp:", "ncalrpc:"),
 * possibly after an object UUID ("UUID@ncacn_ip_tcp:").  A host name or
 * an IPv6 address ("fe80::1") does not.
 */
static bool looks_like_binding(const char *s)
{
	const char *at = strchr(s, '@');
	const char *colon;
	const char *p;

	if (at != NULL && at < strchr(s, ':')) {
		s = at + 1;
	}
	colon = strchr(s, ':');
	if (colon == NULL || colon - s < 4) {
		return false;
	}
	if (strncasecmp(s, "ncacn_", 6) != 0 &&
	    strncasecmp(s, "ncadg_", 6) != 0 &&
	    strncasecmp(s, "ncalrpc", 7) != 0) {
		return false;
	}
	for (p = s; p < colon; p++) {
		if (!isalnum((unsigned char)*p) && *p != '_') {
			return false;
		}
	}
	return true;
}

/*
 * The binding of target, on frame; the caller frees frame whatever the
 * outcome, so every failure here simply returns.
 */
static NTSTATUS target_binding(TALLOC_CTX *frame, const char *target,
			       bool seal, struct dcerpc_binding **pb)
{
	struct dcerpc_binding *b = NULL;
	enum dcerpc_transport_t transport;
	const char *str = target;
	const char *host;
	uint32_t flags;
	NTSTATUS status;

	if (!looks_like_binding(target)) {
		if (strpbrk(target, " \t\r\n,@") != NULL) {
			return NT_STATUS_INVALID_PARAMETER;
		}
		str = talloc_asprintf(frame, "ncacn_ip_tcp:%s", target);
		if (str == NULL) {
			return NT_STATUS_NO_MEMORY;
		}
	}

	status = dcerpc_parse_binding(frame, str, &b);
	if (!NT_STATUS_IS_OK(status)) {
		return status;
	}

	transport = dcerpc_binding_get_transport(b);
	switch (transport) {
	case NCACN_NP:
	case NCACN_IP_TCP:
		host = dcerpc_binding_get_string_option(b, "host");
		if (host == NULL || host[0] == '\0') {
			return NT_STATUS_INVALID_PARAMETER;
		}
		break;
	case NCALRPC:
		break;
	default:
		return NT_STATUS_NOT_SUPPORTED;
	}

	if (transport == NCACN_NP &&
	    dcerpc_binding_get_string_option(b, "endpoint") == NULL) {
		status = dcerpc_binding_set_string_option(b, "endpoint",
							  CLUSAPI_PIPE);
		if (!NT_STATUS_IS_OK(status)) {
			return status;
		}
	}

	/*
	 * Samba's client reaches named pipes over SMB1 unless told "smb2";
	 * SMB1 is off by default on Windows since 2016/2019 and on Samba
	 * since 4.11.
	 */
	if (transport == NCACN_NP) {
		status = dcerpc_binding_set_flags(b, DCERPC_SMB2, 0);
		if (!NT_STATUS_IS_OK(status)) {
			return status;
		}
	}

	flags = dcerpc_binding_get_flags(b);
	if (transport == NCACN_IP_TCP && seal &&
	    (flags & (DCERPC_CONNECT | DCERPC_SIGN | DCERPC_SEAL |
		      DCERPC_PACKET)) == 0) {
		status = dcerpc_binding_set_flags(b, DCERPC_SEAL, 0);
		if (!NT_STATUS_IS_OK(status)) {
			return status;
		}
	}
	*pb = b;
	return NT_STATUS_OK;
}

NTSTATUS clusapi_target_to_binding(TALLOC_CTX *mem_ctx, const char *target,
				   bool seal, char **binding)
{
	TALLOC_CTX *frame;
	struct dcerpc_binding *b = NULL;
	NTSTATUS status;

	if (target == NULL || target[0] == '\0') {
		return NT_STATUS_INVALID_PARAMETER;
	}
	frame = talloc_new(mem_ctx);
	if (frame == NULL) {
		return NT_STATUS_NO_MEMORY;
	}
	status = target_binding(frame, target, seal, &b);
	if (NT_STATUS_IS_OK(status)) {
		*binding = dcerpc_binding_string(mem_ctx, b);
		if (*binding == NULL) {
			status = NT_STATUS_NO_MEMORY;
		}
	}
	talloc_free(frame);
	return status;
}

/*
 * The main connection's binding with its association group, on frame
 * (which the caller frees).
 */
static NTSTATUS notify_binding(TALLOC_CTX *frame, struct clusapi_conn *conn,
			       struct dcerpc_binding **pb)
{
	uint32_t assoc_group_id;

	assoc_group_id = dcerpc_binding_get_assoc_group_id(
		conn->pipe->binding);
	if (assoc_group_id == 0) {
		/* Without it the handles could not be shared */
		return NT_STATUS_RPC_NO_CONTEXT_AVAILABLE;
	}
	*pb = dcerpc_binding_dup(frame, conn->pipe->binding);
	if (*pb == NULL) {
		return NT_STATUS_NO_MEMORY;
	}
	return dcerpc_binding_set_assoc_group_id(*pb, assoc_group_id);
}

/*
 * The notification connection joins the main connection's association
 * group, so the context handles opened on the main connection
 * (HNOTIFY_RPC, HGROUP_RPC) are valid on it, as the Windows RPC runtime
 * does when a client makes concurrent calls on one binding.
 */
static NTSTATUS clusapi_connect_notify(struct clusapi_conn *conn,
				       struct cli_credentials *creds,
				       struct loadparm_context *lp_ctx)
{
	TALLOC_CTX *frame = talloc_new(conn);
	struct dcerpc_binding *b = NULL;
	NTSTATUS status;

	if (frame == NULL) {
		return NT_STATUS_NO_MEMORY;
	}
	status = notify_binding(frame, conn, &b);
	if (NT_STATUS_IS_OK(status)) {
		status = dcerpc_pipe_connect_b(conn, &conn->notify_pipe, b,
					       &ndr_table_clusapi, creds,
					       conn->ev, lp_ctx);
	}
	talloc_free(frame);
	if (!NT_STATUS_IS_OK(status)) {
		conn->notify_pipe = NULL;
		return status;
	}
	conn->notify_h = conn->notify_pipe->binding_handle;
	/*
	 * ApiGetNotifyV2 blocks until an event comes; libdcerpc would
	 * otherwise drop the connection after DCERPC_REQUEST_TIMEOUT.
	 */
	dcerpc_binding_handle_set_timeout(conn->notify_h, 0);
	return NT_STATUS_OK;
}

/* A connection with neither pipe nor notification connection yet */
static struct clusapi_conn *clusapi_conn_new(TALLOC_CTX *mem_ctx,
					     struct tevent_context *ev)
{
	struct clusapi_conn *conn = talloc_zero(mem_ctx,
						struct clusapi_conn);

	if (conn == NULL) {
		return NULL;
	}
	conn->ev = ev;
	conn->notify_status = NT_STATUS_NOT_SUPPORTED;
	return conn;
}

/* The main connection of conn, which the caller frees on failure */
static NTSTATUS clusapi_connect_main(struct clusapi_conn *conn,
				     struct loadparm_context *lp_ctx,
				     const char *target,
				     struct cli_credentials *creds)
{
	struct dcerpc_binding *b = NULL;
	bool anonymous = cli_credentials_is_anonymous(creds);
	NTSTATUS status;

	status = clusapi_target_to_binding(conn, target, !anonymous,
					   &conn->binding_string);
	if (!NT_STATUS_IS_OK(status)) {
		return status;
	}
	status = dcerpc_parse_binding(conn, conn->binding_string, &b);
	if (!NT_STATUS_IS_OK(status)) {
		return status;
	}

	if (dcerpc_binding_get_transport(b) == NCACN_IP_TCP) {
		uint32_t bflags = dcerpc_binding_get_flags(b);

		conn->tcp_anonymous = anonymous;
		conn->tcp_below_privacy = !anonymous &&
					  (bflags & DCERPC_SEAL) == 0;
	}

	status = dcerpc_pipe_connect_b(conn, &conn->pipe, b,
				       &ndr_table_clusapi, creds, conn->ev,
				       lp_ctx);
	TALLOC_FREE(b);
	if (!NT_STATUS_IS_OK(status)) {
		return status;
	}
	conn->h = conn->pipe->binding_handle;
	return NT_STATUS_OK;
}

NTSTATUS clusapi_connect(TALLOC_CTX *mem_ctx, struct tevent_context *ev,
			 struct loadparm_context *lp_ctx, const char *target,
			 struct cli_credentials *creds, uint32_t flags,
			 struct clusapi_conn **pconn)
{
	struct clusapi_conn *conn;
	NTSTATUS status;

	/*
	 * Registers the GENSEC mechanisms (SPNEGO, NTLMSSP, Kerberos) that
	 * authenticated binds need; Samba's tools do it at start-up.
	 */
	status = dcerpc_init();
	if (!NT_STATUS_IS_OK(status)) {
		return status;
	}

	conn = clusapi_conn_new(mem_ctx, ev);
	if (conn == NULL) {
		return NT_STATUS_NO_MEMORY;
	}
	if (creds == NULL) {
		creds = cli_credentials_init_anon(conn);
	}
	status = creds == NULL ? NT_STATUS_NO_MEMORY :
		clusapi_connect_main(conn, lp_ctx, target, creds);
	if (!NT_STATUS_IS_OK(status)) {
		talloc_free(conn);
		return status;
	}
	if ((flags & CLUSAPI_CONNECT_NO_NOTIFY) == 0) {
		conn->notify_status = clusapi_connect_notify(conn, creds,
							     lp_ctx);
	}

	*pconn = conn;
	return NT_STATUS_OK;
}

NTSTATUS clusapi_conn_from_binding_handles(
	TALLOC_CTX *mem_ctx, struct tevent_context *ev,
	struct dcerpc_binding_handle *h,
	struct dcerpc_binding_handle *notify_h,
	struct clusapi_conn **pconn)
{
	struct clusapi_conn *conn;

	if (ev == NULL || h == NULL) {
		return NT_STATUS_INVALID_PARAMETER;
	}
	conn = clusapi_conn_new(mem_ctx, ev);
	if (conn == NULL) {
		return NT_STATUS_NO_MEMORY;
	}
	conn->binding_string = talloc_strdup(conn, "");
	conn->h = h;
	conn->notify_h = notify_h;
	conn->notify_status = notify_h != NULL ?
		NT_STATUS_OK : NT_STATUS_NOT_SUPPORTED;
	*pconn = conn;
	return NT_STATUS_OK;
}

const char *clusapi_conn_binding_string(struct clusapi_conn *conn)
{
	return conn->binding_string;
}

const char *clusapi_conn_denied_reason(struct clusapi_conn *conn,
				       NTSTATUS status)
{
	if (!NT_STATUS_EQUAL(status, NT_STATUS_ACCESS_DENIED)) {
		return NULL;
	}
	if (conn->tcp_anonymous) {
		return "the server allows no anonymous callers over TCP "
		       "(give credentials: -U, -A or -k)";
	}
	if (conn->tcp_below_privacy) {
		return "the server requires packet privacy over TCP "
		       "(MS-CMRP 2.1): bind with [seal], not [sign] or "
		       "[connect]";
	}
	return NULL;
}

struct tevent_context *clusapi_conn_event_context(struct clusapi_conn *conn)
{
	return conn->ev;
}

struct dcerpc_binding_handle *clusapi_conn_binding_handle(
	struct clusapi_conn *conn)
{
	return conn->h;
}

struct dcerpc_binding_handle *clusapi_conn_notify_binding_handle(
	struct clusapi_conn *conn)
{
	return conn->notify_h;
}

NTSTATUS clusapi_conn_notify_status(struct clusapi_conn *conn)
{
	return conn->notify_status;
}

void clusapi_conn_set_timeout(struct clusapi_conn *conn, uint32_t seconds)
{
	dcerpc_binding_handle_set_timeout(conn->h, seconds);
}
