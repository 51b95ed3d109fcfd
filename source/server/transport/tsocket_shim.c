/*
 * Samba's socket-stream constructors, resolved at run time
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why this file exists: the dcesrv core (libdcerpc-server-core, public)
 * reads and writes a connection through a tstream (conn->stream), but
 * the functions that create tstreams and tsocket addresses are exported
 * only by Samba's private libsamba-sockets library, with a symbol
 * version tied to the exact Samba build. tsocket.h and
 * tsocket_internal.h, which declare them, are public.
 *
 * libdcerpc-server-core itself depends on that private library, so it
 * is loaded into our process as soon as we are. Rather than link it
 * (which would tie clusapid to one Samba build's private symbol
 * versions), we look the few functions up with dlsym() in the global
 * scope at start-up and fail with a clear message when one is missing.
 *
 * This is the one place in clusapi that touches a private Samba library;
 * keep it that way.
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <stddef.h>

#include "server/log.h"
#include "server/transport/tsocket_shim.h"

typedef int (*existing_socket_fn)(TALLOC_CTX *mem_ctx, int fd,
				  struct tstream_context **stream,
				  const char *location);
typedef int (*address_from_sockaddr_fn)(TALLOC_CTX *mem_ctx,
					const struct sockaddr *sa,
					size_t sa_len,
					struct tsocket_address **addr,
					const char *location);
typedef struct tstream_context *(*context_create_fn)(
	TALLOC_CTX *mem_ctx, const struct tstream_context_ops *ops,
	void *pstate, size_t psize, const char *type, const char *location);
typedef void *(*context_data_fn)(struct tstream_context *stream);

static struct {
	existing_socket_fn existing_socket;
	address_from_sockaddr_fn address_from_sockaddr;
	context_create_fn context_create;
	context_data_fn context_data;
} shim;

static void *shim_lookup(const char *name)
{
	Dl_info info;
	void *sym;

	sym = dlsym(RTLD_DEFAULT, name);
	if (sym == NULL) {
		DBG_ERR("cannot find %s in the loaded Samba libraries "
			"(it comes with libdcerpc-server-core's socket "
			"library; are samba-libs and samba-dev of the same "
			"version installed?)\n", name);
		return NULL;
	}
	if (dladdr(sym, &info) != 0 && info.dli_fname != NULL) {
		DBG_DEBUG("%s from %s\n", name, info.dli_fname);
	}
	return sym;
}

bool clus_tsocket_shim_init(void)
{
	shim.existing_socket = (existing_socket_fn)shim_lookup(
		"_tstream_bsd_existing_socket");
	shim.address_from_sockaddr = (address_from_sockaddr_fn)shim_lookup(
		"_tsocket_address_bsd_from_sockaddr");
	shim.context_create = (context_create_fn)shim_lookup(
		"_tstream_context_create");
	shim.context_data = (context_data_fn)shim_lookup(
		"_tstream_context_data");

	return shim.existing_socket != NULL &&
	       shim.address_from_sockaddr != NULL &&
	       shim.context_create != NULL &&
	       shim.context_data != NULL;
}

int clus_tstream_bsd_existing_socket(TALLOC_CTX *mem_ctx, int fd,
				     struct tstream_context **stream)
{
	return shim.existing_socket(mem_ctx, fd, stream, __location__);
}

int clus_tsocket_address_bsd_from_sockaddr(TALLOC_CTX *mem_ctx,
					   const struct sockaddr *sa,
					   size_t sa_len,
					   struct tsocket_address **addr)
{
	return shim.address_from_sockaddr(mem_ctx, sa, sa_len, addr,
					  __location__);
}

struct tstream_context *_clus_tstream_context_create(
	TALLOC_CTX *mem_ctx, const struct tstream_context_ops *ops,
	void *pstate, size_t psize, const char *type, const char *location)
{
	return shim.context_create(mem_ctx, ops, pstate, psize, type,
				   location);
}

void *_clus_tstream_context_data(struct tstream_context *stream)
{
	return shim.context_data(stream);
}
