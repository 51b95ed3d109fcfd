/*
 * clusapid: ncacn_np through smbd
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef CLUSAPI_SERVER_NP_H
#define CLUSAPI_SERVER_NP_H

#include "server/server.h"

struct clusrv_np_listener;

/* The dcesrv endpoint the ClusAPI interfaces get for smbd's pipe */
#define CLUSRV_NP_ENDPOINT "ncacn_np:[\\pipe\\clusapi]"

/* Samba's default "ncalrpc dir", where smbd looks for np/<pipe> */
#define CLUSRV_NP_DEFAULT_DIR "/run/samba/ncalrpc"

/*
 * Bind <DIR>/np/clusapi for smbd without accepting yet: DIR is created
 * if missing, DIR/np must be (or is made) a directory only its owner
 * (root, or the user we run as) can enter, a stale socket is replaced.
 * Returns 0 or an errno value for the caller to report; EADDRINUSE when
 * another server answers on the socket.
 */
int clusrv_np_listen(TALLOC_CTX *mem_ctx, struct clusrv_context *srv,
		     const char *dir, struct clusrv_np_listener **listener);

/* The socket's path */
const char *clusrv_np_listener_path(const struct clusrv_np_listener *l);

/*
 * Accept smbd's connections and serve them on the dcesrv endpoint
 * ENDPOINT. Connections belong to the listener; freeing it closes them
 * and removes the socket.
 */
int clusrv_np_listener_start(struct clusrv_np_listener *l,
			     const char *endpoint);

#endif /* CLUSAPI_SERVER_NP_H */
