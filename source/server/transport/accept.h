/*
 * clusapid: accepting connections on a listening socket
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef CLUSAPI_SERVER_ACCEPT_H
#define CLUSAPI_SERVER_ACCEPT_H

#include <stdbool.h>
#include <sys/socket.h>
#include <tevent.h>

/*
 * accept4() (non-blocking, close-on-exec) on LISTEN_FD, whose FDE said
 * it is readable: the new socket, or -1 when there is none to serve.
 * Out of descriptors or memory, FDE stops reading for a second rather
 * than spin on the same error.  NAME names the listener in log lines.
 * REMOTE and REMOTE_LEN as accept4()'s (both may be NULL).
 */
int clusrv_accept(struct tevent_context *ev, struct tevent_fd *fde,
		  int listen_fd, const char *name, struct sockaddr *remote,
		  socklen_t *remote_len);

struct auth_session_info;
struct clusrv_conn;
struct tstream_context;

/*
 * Hand C, its STREAM set up, to the dcesrv core on ENDPOINT as SESSION.
 * False when that fails: the reason is logged and C freed.
 */
bool clusrv_accept_serve(struct clusrv_conn *c, const char *endpoint,
			 struct auth_session_info *session,
			 struct tstream_context *stream);

#endif
