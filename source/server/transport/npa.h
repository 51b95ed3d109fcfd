/*
 * clusapid: smbd's named-pipe-auth handshake
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef CLUSAPI_SERVER_NPA_H
#define CLUSAPI_SERVER_NPA_H

#include <stdint.h>
#include <talloc.h>
#include <tevent.h>

struct auth_session_info;
struct cnpa_req;

/* What smbd tells us about a pipe it opens for a client */
struct clusrv_npa_client {
	/* the SMB client's address and port, and smbd's */
	const char *remote_addr;
	uint16_t remote_port;
	const char *local_addr;
	uint16_t local_port;
	/* the caller: SIDs, names, uid/gids, SMB session key */
	struct auth_session_info *session_info;
};

/*
 * Read smbd's request from FD (non-blocking, owned by the caller), send
 * the reply that makes the pipe a message-mode pipe and return what the
 * request said. Fails with EPROTO for a request that is not a complete,
 * well-formed level 7 request, with ETIMEDOUT when it takes longer than
 * TIMEOUT_MS, with ECONNRESET when the peer goes: the caller then closes
 * FD, nothing is sent.
 */
struct tevent_req *clusrv_npa_accept_send(TALLOC_CTX *mem_ctx,
					  struct tevent_context *ev, int fd,
					  unsigned int timeout_ms);
int clusrv_npa_accept_recv(struct tevent_req *req, TALLOC_CTX *mem_ctx,
			   struct clusrv_npa_client **client);

/*
 * The parts of the handshake, for tests: parse a complete request
 * (the length word included) into what clusrv_npa_accept_recv()
 * returns, and the reply clusapid sends.
 */
int clusrv_npa_parse_request(TALLOC_CTX *mem_ctx, const uint8_t *buf,
			     size_t len, struct clusrv_npa_client **client);
int clusrv_npa_reply(TALLOC_CTX *mem_ctx, uint8_t **buf, size_t *len);

#endif /* CLUSAPI_SERVER_NPA_H */
