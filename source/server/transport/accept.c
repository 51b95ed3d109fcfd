/*
 * clusapid: accepting connections on a listening socket
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "server/log.h"
#include <talloc.h>
#include <tevent.h>

#include "server/dcesrv/dcesrv.h"
#include "server/transport/accept.h"

static void clusrv_accept_resume(struct tevent_context *ev,
				 struct tevent_timer *te, struct timeval now,
				 void *private_data)
{
	struct tevent_fd *fde = private_data;

	TEVENT_FD_READABLE(fde);
}

int clusrv_accept(struct tevent_context *ev, struct tevent_fd *fde,
		  int listen_fd, const char *name, struct sockaddr *remote,
		  socklen_t *remote_len)
{
	struct tevent_timer *resume;
	int fd, err;

	fd = accept4(listen_fd, remote, remote_len,
		     SOCK_NONBLOCK | SOCK_CLOEXEC);
	if (fd != -1) {
		return fd;
	}
	err = errno;
	switch (err) {
	case EAGAIN:
	case EINTR:
	case ECONNABORTED:
		return -1;
	case EMFILE:
	case ENFILE:
	case ENOBUFS:
	case ENOMEM:
		DBG_WARNING("%s: cannot accept connections: %s; pausing for "
			    "a second\n", name, strerror(err));
		TEVENT_FD_NOT_READABLE(fde);
		/* a child of the fde: it goes with the listener */
		resume = tevent_add_timer(ev, fde,
					  tevent_timeval_current_ofs(1, 0),
					  clusrv_accept_resume, fde);
		if (resume == NULL) {
			TEVENT_FD_READABLE(fde);
		}
		return -1;
	default:
		DBG_WARNING("%s: accept: %s\n", name, strerror(err));
		return -1;
	}
}

bool clusrv_accept_serve(struct clusrv_conn *c, const char *endpoint,
			 struct auth_session_info *session,
			 struct tstream_context *stream)
{
	NTSTATUS status = clusrv_conn_start(c, endpoint, session, stream);

	if (!NT_STATUS_IS_OK(status)) {
		DBG_WARNING("%s: cannot serve the connection: %s\n", c->peer,
			    nt_errstr(status));
		talloc_free(c);
		return false;
	}
	return true;
}
