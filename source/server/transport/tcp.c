/*
 * clusapid: ncacn_ip_tcp listeners
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "server/log.h"
#include <talloc.h>
#include <tevent.h>

#include "server/dcesrv/dcesrv.h"
#include "server/transport/accept.h"
#include "server/transport/tcp.h"
#include "server/transport/tsocket_shim.h"

struct clusrv_listener {
	struct clusrv_context *srv;
	const char *what;		/* "clusapi", "epm": for log lines */
	const char *endpoint;		/* the dcesrv endpoint */
	char *binding;
	uint16_t port;
	int fd;
	struct tevent_fd *fde;
};

static int clusrv_listener_destructor(struct clusrv_listener *l)
{
	/* talloc frees the connections (children) right after this. */
	TALLOC_FREE(l->fde);
	if (l->fd != -1) {
		close(l->fd);
	}
	return 0;
}

static int clusrv_tcp_socket(const struct addrinfo *ai)
{
	int one = 1;
	int fd;

	fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK |
		    SOCK_CLOEXEC, ai->ai_protocol);
	if (fd == -1) {
		return -1;
	}
	if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one,
		       sizeof(one)) == -1 ||
	    bind(fd, ai->ai_addr, ai->ai_addrlen) == -1 ||
	    listen(fd, SOMAXCONN) == -1) {
		int err = errno;

		close(fd);
		errno = err;
		return -1;
	}
	return fd;
}

int clusrv_tcp_listen(TALLOC_CTX *mem_ctx, struct clusrv_context *srv,
		      const char *what, const char *addr, int port,
		      struct clusrv_listener **listener)
{
	struct addrinfo hints = {
		.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV | AI_PASSIVE,
		.ai_family = AF_UNSPEC,
		.ai_socktype = SOCK_STREAM,
	};
	struct addrinfo *ai = NULL;
	struct sockaddr_storage bound;
	socklen_t bound_len = sizeof(bound);
	struct clusrv_listener *l;
	char portstr[8];
	char host[NI_MAXHOST];
	char serv[NI_MAXSERV];
	int ret;

	snprintf(portstr, sizeof(portstr), "%d", port);
	ret = getaddrinfo(addr, portstr, &hints, &ai);
	if (ret != 0) {
		return EINVAL;
	}

	l = talloc_zero(mem_ctx, struct clusrv_listener);
	if (l == NULL) {
		freeaddrinfo(ai);
		return ENOMEM;
	}
	l->srv = srv;
	l->what = what;
	l->fd = clusrv_tcp_socket(ai);
	ret = errno;
	freeaddrinfo(ai);
	if (l->fd == -1) {
		talloc_free(l);
		return ret;
	}
	talloc_set_destructor(l, clusrv_listener_destructor);

	if (getsockname(l->fd, (struct sockaddr *)&bound, &bound_len) == -1 ||
	    getnameinfo((struct sockaddr *)&bound, bound_len, host,
			sizeof(host), serv, sizeof(serv),
			NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
		ret = errno != 0 ? errno : EINVAL;
		talloc_free(l);
		return ret;
	}
	l->port = atoi(serv);
	l->binding = talloc_asprintf(l, "ncacn_ip_tcp:%s[%u]", host,
				     (unsigned int)l->port);
	if (l->binding == NULL) {
		talloc_free(l);
		return ENOMEM;
	}

	*listener = l;
	return 0;
}

uint16_t clusrv_listener_port(const struct clusrv_listener *l)
{
	return l->port;
}

const char *clusrv_listener_binding(const struct clusrv_listener *l)
{
	return l->binding;
}

static void clusrv_listener_accept(struct tevent_context *ev,
				   struct tevent_fd *fde, uint16_t flags,
				   void *private_data);

static void clusrv_serve_socket(struct clusrv_listener *l, int fd,
				const struct sockaddr *remote,
				socklen_t remote_len)
{
	struct clusrv_context *srv = l->srv;
	struct sockaddr_storage local;
	socklen_t local_len = sizeof(local);
	struct tstream_context *stream = NULL;
	struct clusrv_conn *c;
	int one = 1;

	if (getsockname(fd, (struct sockaddr *)&local, &local_len) == -1) {
		DBG_WARNING("%s: getsockname: %s\n", l->binding,
			    strerror(errno));
		close(fd);
		return;
	}
	/* DCE/RPC is request/response: don't let Nagle delay replies. */
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));

	c = clusrv_conn_new(l, srv, "ncacn_ip_tcp",
			    (struct sockaddr *)&local, local_len,
			    remote, remote_len);
	if (c == NULL) {
		DBG_WARNING("%s: out of memory for a connection\n",
			    l->binding);
		close(fd);
		return;
	}
	if (clus_tstream_bsd_existing_socket(c, fd, &stream) == -1) {
		DBG_WARNING("%s: cannot set up a stream: %s\n", c->peer,
			    strerror(errno));
		close(fd);
		talloc_free(c);
		return;
	}
	if (!clusrv_accept_serve(c, l->endpoint, srv->anonymous_session,
				 stream)) {
		return;
	}
	DBG_INFO("%s: connected to %s (%u connections)\n", c->peer, l->what,
		 srv->num_connections);
}

static void clusrv_listener_accept(struct tevent_context *ev,
				   struct tevent_fd *fde, uint16_t flags,
				   void *private_data)
{
	struct clusrv_listener *l = talloc_get_type_abort(
		private_data, struct clusrv_listener);
	struct clusrv_context *srv = l->srv;
	struct sockaddr_storage remote;
	socklen_t remote_len = sizeof(remote);
	int fd;

	fd = clusrv_accept(ev, l->fde, l->fd, l->binding,
			   (struct sockaddr *)&remote, &remote_len);
	if (fd == -1) {
		return;
	}

	if (srv->num_connections >= srv->opts.max_connections) {
		char *peer = clusrv_sockaddr_string(
			NULL, (struct sockaddr *)&remote, remote_len);

		DBG_WARNING("refusing connection from %s: %u connections "
			    "open, the limit (--max-connections)\n",
			    peer != NULL ? peer : "?", srv->num_connections);
		talloc_free(peer);
		close(fd);
		return;
	}

	clusrv_serve_socket(l, fd, (struct sockaddr *)&remote, remote_len);
}

int clusrv_listener_start(struct clusrv_listener *l, const char *endpoint)
{
	l->endpoint = talloc_strdup(l, endpoint);
	if (l->endpoint == NULL) {
		return ENOMEM;
	}
	l->fde = tevent_add_fd(l->srv->ev, l, l->fd, TEVENT_FD_READ,
			       clusrv_listener_accept, l);
	if (l->fde == NULL) {
		return ENOMEM;
	}
	return 0;
}
