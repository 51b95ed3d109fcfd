/*
 * Samba's socket-stream constructors, resolved at run time
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See tsocket_shim.c for why. Call clus_tsocket_shim_init() once at
 * start-up; the other functions must not be called when it failed.
 */

#ifndef CLUSAPI_SERVER_TSOCKET_SHIM_H
#define CLUSAPI_SERVER_TSOCKET_SHIM_H

#include <stdbool.h>
#include <sys/socket.h>
#include <talloc.h>
#include <tsocket.h>
#include <tsocket_internal.h>

bool clus_tsocket_shim_init(void);

/* tstream_bsd_existing_socket(): the stream owns (and closes) FD */
int clus_tstream_bsd_existing_socket(TALLOC_CTX *mem_ctx, int fd,
				     struct tstream_context **stream);

/* tsocket_address_bsd_from_sockaddr() */
int clus_tsocket_address_bsd_from_sockaddr(TALLOC_CTX *mem_ctx,
					   const struct sockaddr *sa,
					   size_t sa_len,
					   struct tsocket_address **addr);

/* tstream_context_create() and tstream_context_data(), for own streams */
struct tstream_context *_clus_tstream_context_create(
	TALLOC_CTX *mem_ctx, const struct tstream_context_ops *ops,
	void *pstate, size_t psize, const char *type, const char *location);
#define clus_tstream_context_create(mem_ctx, ops, pstate, type) \
	_clus_tstream_context_create(mem_ctx, ops, pstate, sizeof(type), \
				     #type, __location__)

void *_clus_tstream_context_data(struct tstream_context *stream);
#define clus_tstream_context_data(stream, type) \
	talloc_get_type_abort(_clus_tstream_context_data(stream), type)

#endif /* CLUSAPI_SERVER_TSOCKET_SHIM_H */
