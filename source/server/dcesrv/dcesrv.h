/*
 * clusapid: Samba's dcesrv core, set up outside Samba
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The daemon's and the transports' side of the dcesrv layer; handlers
 * use server/server.h.
 */

#ifndef CLUSAPI_SERVER_DCESRV_H
#define CLUSAPI_SERVER_DCESRV_H

#include <sys/socket.h>

#include <ndr.h>

#include "server/server.h"

struct tstream_context;
struct dcesrv_connection;

/* loadparm, the dcesrv context with our callbacks, the anonymous session */
NTSTATUS clusrv_dcesrv_init(struct clusrv_context *srv);

/* Register IFACE on one dcesrv endpoint ("ncacn_ip_tcp:[135]") */
NTSTATUS clusrv_register_interface_on(struct clusrv_context *srv,
				      const char *endpoint,
				      const struct dcesrv_interface *iface);

/*
 * One client connection, whatever the transport. The transport
 * allocates it (clusrv_conn_new), fills in the addresses and identity,
 * creates the stream as its talloc child and calls clusrv_conn_start().
 * Freeing the clusrv_conn ends the connection and frees everything it
 * owns; the dcesrv core ends it that way too (terminate_connection).
 */
struct clusrv_conn {
	struct clusrv_context *srv;
	struct dcesrv_connection *dce_conn;
	/* the identity of the session a call last came with (access.c) */
	struct clusrv_identity identity;
	struct GUID identity_session;
	struct sockaddr_storage local;
	socklen_t local_len;
	struct sockaddr_storage remote;
	socklen_t remote_len;
	/* for log lines: "ncacn_ip_tcp 192.0.2.1:49152" */
	const char *peer;
};

struct clusrv_conn *clusrv_conn_new(TALLOC_CTX *mem_ctx,
				    struct clusrv_context *srv,
				    const char *transport,
				    const struct sockaddr *local,
				    socklen_t local_len,
				    const struct sockaddr *remote,
				    socklen_t remote_len);

NTSTATUS clusrv_conn_start(struct clusrv_conn *c, const char *endpoint,
			   struct auth_session_info *session_info,
			   struct tstream_context *stream);

/* The session unauthenticated callers get: S-1-5-7, ANONYMOUS LOGON */
struct auth_session_info *clusrv_anonymous_session(TALLOC_CTX *mem_ctx);

/*
 * Who SESSION_INFO is: authenticated, administrator, names, and what it
 * may do by --anonymous or the access policy of SRV
 */
void clusrv_identity_from_session(struct clusrv_identity *identity,
				  const struct auth_session_info *session_info,
				  const struct clusrv_context *srv);

struct dom_sid;
struct security_token;
bool clusrv_sid_equal(const struct dom_sid *a, const struct dom_sid *b);
bool clusrv_token_has_sid(const struct security_token *token,
			  const struct dom_sid *sid);

/* "192.0.2.1:135", "[2001:db8::1]:135" */
char *clusrv_sockaddr_string(TALLOC_CTX *mem_ctx, const struct sockaddr *sa,
			     socklen_t sa_len);

#endif /* CLUSAPI_SERVER_DCESRV_H */
