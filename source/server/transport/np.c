/*
 * clusapid: ncacn_np through smbd
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * smbd serves \pipe\clusapi by connecting to <ncalrpc dir>/np/clusapi,
 * once per pipe open, as root. It first runs the named-pipe-auth
 * handshake (npa.c), which tells us who the caller is, then forwards the
 * pipe in message mode, which np_stream.c turns into the byte stream the
 * dcesrv core wants.  This file is the listener: the socket, accepting,
 * the handshake, handing the stream to the dcesrv core.
 *
 * The handshake carries the user's SMB session key in clear: the socket
 * lives in a directory only its owner can enter, and only root (smbd)
 * or our own user may talk to it.
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "server/log.h"
#include <talloc.h>
#include <tevent.h>
#include <util/tevent_unix.h>

#include "server/dcesrv/dcesrv.h"
#include "server/transport/accept.h"
#include "server/transport/np.h"
#include "server/transport/np_stream.h"
#include "server/transport/npa.h"
#include "server/transport/tsocket_shim.h"

#define NP_PIPE_NAME "clusapi"

/* How long smbd may take to send its handshake */
#define NP_HANDSHAKE_TIMEOUT_MS 10000

struct clusrv_np_listener {
	struct clusrv_context *srv;
	const char *endpoint;
	char *path;
	/* the socket file we bound: removed only if still ours */
	dev_t dev;
	ino_t ino;
	int fd;
	struct tevent_fd *fde;
};

/* A connection from smbd, until its handshake is done */
struct clusrv_np_pending {
	struct clusrv_np_listener *l;
	int fd;
};

static int clusrv_np_pending_destructor(struct clusrv_np_pending *p)
{
	if (p->fd != -1) {
		close(p->fd);
	}
	return 0;
}

static bool clusrv_np_sockaddr(const char *addr, uint16_t port,
			       struct sockaddr_storage *ss, socklen_t *len)
{
	struct addrinfo hints = {
		.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV,
		.ai_socktype = SOCK_STREAM,
	};
	struct addrinfo *ai = NULL;
	char portstr[8];

	if (addr == NULL) {
		return false;
	}
	snprintf(portstr, sizeof(portstr), "%u", (unsigned int)port);
	if (getaddrinfo(addr, portstr, &hints, &ai) != 0) {
		return false;
	}
	if (ai->ai_addrlen > sizeof(*ss)) {
		freeaddrinfo(ai);
		return false;
	}
	memcpy(ss, ai->ai_addr, ai->ai_addrlen);
	*len = ai->ai_addrlen;
	freeaddrinfo(ai);
	return true;
}

/* "SMB3 encrypted": smbd adds S-1-22-1397571891-<dialect>-<enc>-<cipher> */
static const char *clusrv_np_describe(TALLOC_CTX *mem_ctx,
				      const struct clusrv_identity *id)
{
	return talloc_asprintf(mem_ctx, "%s%s%s (%s%s%s)",
			       id->domain_name != NULL ? id->domain_name : "",
			       id->domain_name != NULL ? "\\" : "",
			       id->account_name != NULL ?
			       id->account_name : "?",
			       id->is_authenticated ? "authenticated" :
			       "anonymous",
			       id->access == CLUSRV_ACCESS_FULL ?
			       ", full access" :
			       id->access == CLUSRV_ACCESS_READ ?
			       ", read access" : ", no access",
			       id->smb_encrypted ? ", SMB3 encrypted" : "");
}

static void clusrv_np_accepted(struct tevent_req *subreq)
{
	struct clusrv_np_pending *p = tevent_req_callback_data(
		subreq, struct clusrv_np_pending);
	struct clusrv_np_listener *l = p->l;
	struct clusrv_context *srv = l->srv;
	struct clusrv_npa_client *client = NULL;
	struct sockaddr_storage local, remote;
	socklen_t local_len = 0, remote_len = 0;
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	struct tstream_context *stream;
	struct clusrv_conn *c;
	int ret;

	ret = clusrv_npa_accept_recv(subreq, p, &client);
	TALLOC_FREE(subreq);
	if (ret != 0) {
		if (ret == EPROTO) {
			DBG_NOTICE("%s: closing a connection with a malformed "
				   "named-pipe-auth handshake\n", l->path);
		} else {
			DBG_INFO("%s: handshake failed: %s\n", l->path,
				 strerror(ret));
		}
		talloc_free(p);
		return;
	}

	/* Where the SMB client is; our socket when smbd does not say */
	strncpy(sun.sun_path, l->path, sizeof(sun.sun_path) - 1);
	if (!clusrv_np_sockaddr(client->remote_addr, client->remote_port,
				&remote, &remote_len)) {
		memcpy(&remote, &sun, sizeof(sun));
		remote_len = sizeof(sun);
	}
	if (!clusrv_np_sockaddr(client->local_addr, client->local_port,
				&local, &local_len)) {
		memcpy(&local, &sun, sizeof(sun));
		local_len = sizeof(sun);
	}

	c = clusrv_conn_new(l, srv, "ncacn_np", (struct sockaddr *)&local,
			    local_len, (struct sockaddr *)&remote,
			    remote_len);
	if (c == NULL) {
		DBG_WARNING("%s: out of memory for a connection\n", l->path);
		talloc_free(p);
		return;
	}
	talloc_steal(c, client);
	stream = clusrv_np_stream_create(c, p->fd);
	p->fd = -1;
	talloc_free(p);
	if (stream == NULL) {
		DBG_WARNING("%s: cannot set up a stream\n", c->peer);
		talloc_free(c);
		return;
	}

	if (!clusrv_accept_serve(c, l->endpoint, client->session_info,
				 stream)) {
		return;
	}
	DBG_INFO("%s: connected as %s (%u connections)\n", c->peer,
		 clusrv_np_describe(c, &c->identity), srv->num_connections);
}

/* Only smbd (root) or we ourselves may hand us pipes. */
static bool clusrv_np_peer_allowed(struct clusrv_np_listener *l, int fd)
{
	struct ucred cred;
	socklen_t len = sizeof(cred);

	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) == -1) {
		DBG_WARNING("%s: cannot get the peer's credentials: %s\n",
			    l->path, strerror(errno));
		return false;
	}
	if (cred.uid != 0 && cred.uid != geteuid()) {
		DBG_WARNING("%s: refusing a connection from pid %d, uid %u: "
			    "only root (smbd) may connect\n", l->path,
			    (int)cred.pid, (unsigned int)cred.uid);
		return false;
	}
	return true;
}

static void clusrv_np_accept(struct tevent_context *ev,
			     struct tevent_fd *fde, uint16_t flags,
			     void *private_data)
{
	struct clusrv_np_listener *l = talloc_get_type_abort(
		private_data, struct clusrv_np_listener);
	struct clusrv_context *srv = l->srv;
	struct clusrv_np_pending *p;
	struct tevent_req *subreq;
	int fd;

	fd = clusrv_accept(ev, l->fde, l->fd, l->path, NULL, NULL);
	if (fd == -1) {
		return;
	}
	if (!clusrv_np_peer_allowed(l, fd)) {
		close(fd);
		return;
	}
	if (srv->num_connections >= srv->opts.max_connections) {
		DBG_WARNING("refusing a pipe from smbd: %u connections open, "
			    "the limit (--max-connections)\n",
			    srv->num_connections);
		close(fd);
		return;
	}

	p = talloc_zero(l, struct clusrv_np_pending);
	if (p == NULL) {
		close(fd);
		return;
	}
	p->l = l;
	p->fd = fd;
	talloc_set_destructor(p, clusrv_np_pending_destructor);

	subreq = clusrv_npa_accept_send(p, ev, fd, NP_HANDSHAKE_TIMEOUT_MS);
	if (subreq == NULL) {
		talloc_free(p);
		return;
	}
	tevent_req_set_callback(subreq, clusrv_np_accepted, p);
}

static int clusrv_np_listener_destructor(struct clusrv_np_listener *l)
{
	struct stat st;

	TALLOC_FREE(l->fde);
	if (l->fd == -1) {
		return 0;
	}
	close(l->fd);
	/* A newer clusapid may have taken the path over meanwhile. */
	if (lstat(l->path, &st) == 0 && st.st_dev == l->dev &&
	    st.st_ino == l->ino) {
		unlink(l->path);
	}
	return 0;
}

/* mkdir -p, for the ncalrpc directory smbd may not have created yet */
static int clusrv_np_mkdirs(char *dir, mode_t mode)
{
	char *slash;
	struct stat st;

	if (stat(dir, &st) == 0) {
		return S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
	}
	slash = strrchr(dir, '/');
	if (slash != NULL && slash != dir) {
		int ret;

		*slash = '\0';
		ret = clusrv_np_mkdirs(dir, mode);
		*slash = '/';
		if (ret != 0) {
			return ret;
		}
	}
	if (mkdir(dir, mode) == -1 && errno != EEXIST) {
		return errno;
	}
	return 0;
}

static int clusrv_np_private_dir(const char *path)
{
	struct stat st;

	if (mkdir(path, 0700) == -1 && errno != EEXIST) {
		return errno;
	}
	if (lstat(path, &st) == -1) {
		return errno;
	}
	if (!S_ISDIR(st.st_mode)) {
		DBG_ERR("%s is not a directory\n", path);
		return ENOTDIR;
	}
	if (st.st_uid != 0 && st.st_uid != geteuid()) {
		DBG_ERR("%s belongs to uid %u, not to root or us\n", path,
			(unsigned int)st.st_uid);
		return EPERM;
	}
	if ((st.st_mode & 077) == 0) {
		return 0;
	}
	if (st.st_uid != geteuid() || chmod(path, 0700) == -1) {
		DBG_ERR("%s can be entered by others (mode %04o)\n", path,
			(unsigned int)(st.st_mode & 07777));
		return EPERM;
	}
	DBG_NOTICE("%s: made it private (mode 0700)\n", path);
	return 0;
}

/* Remove a socket nobody listens on any more (a crashed clusapid's). */
static int clusrv_np_remove_stale(const struct sockaddr_un *sun)
{
	struct stat st;
	int fd;
	int err;

	if (lstat(sun->sun_path, &st) == -1) {
		return errno == ENOENT ? 0 : errno;
	}
	if (!S_ISSOCK(st.st_mode)) {
		DBG_ERR("%s exists and is not a socket\n", sun->sun_path);
		return EEXIST;
	}
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd == -1) {
		return errno;
	}
	if (connect(fd, (const struct sockaddr *)sun, sizeof(*sun)) == 0) {
		close(fd);
		return EADDRINUSE;
	}
	err = errno;
	close(fd);
	if (err == EAGAIN) {
		/* a full backlog: somebody is there */
		return EADDRINUSE;
	}
	if (err != ECONNREFUSED) {
		return err;
	}
	DBG_NOTICE("replacing the stale socket %s\n", sun->sun_path);
	if (unlink(sun->sun_path) == -1 && errno != ENOENT) {
		return errno;
	}
	return 0;
}

int clusrv_np_listen(TALLOC_CTX *mem_ctx, struct clusrv_context *srv,
		     const char *dir, struct clusrv_np_listener **listener)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	struct clusrv_np_listener *l;
	char *base, *npdir;
	struct stat st;
	mode_t old_umask;
	int ret;

	l = talloc_zero(mem_ctx, struct clusrv_np_listener);
	if (l == NULL) {
		return ENOMEM;
	}
	l->srv = srv;
	l->fd = -1;
	base = talloc_strdup(l, dir);
	npdir = talloc_asprintf(l, "%s/np", dir);
	l->path = talloc_asprintf(l, "%s/" NP_PIPE_NAME, npdir);
	if (base == NULL || npdir == NULL || l->path == NULL) {
		talloc_free(l);
		return ENOMEM;
	}
	if (strlen(l->path) >= sizeof(sun.sun_path)) {
		talloc_free(l);
		return ENAMETOOLONG;
	}
	memcpy(sun.sun_path, l->path, strlen(l->path) + 1);

	/* Samba creates its ncalrpc dir 0755 */
	ret = clusrv_np_mkdirs(base, 0755);
	if (ret == 0) {
		ret = clusrv_np_private_dir(npdir);
	}
	if (ret == 0) {
		ret = clusrv_np_remove_stale(&sun);
	}
	if (ret != 0) {
		talloc_free(l);
		return ret;
	}

	l->fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
		       0);
	if (l->fd == -1) {
		ret = errno;
		talloc_free(l);
		return ret;
	}
	/* Never reachable by others, not even for a moment. */
	old_umask = umask(0177);
	ret = bind(l->fd, (struct sockaddr *)&sun, sizeof(sun));
	umask(old_umask);
	if (ret == -1) {
		ret = errno;
		close(l->fd);
		l->fd = -1;
		talloc_free(l);
		return ret;
	}
	talloc_set_destructor(l, clusrv_np_listener_destructor);
	if (lstat(l->path, &st) == -1 || listen(l->fd, SOMAXCONN) == -1) {
		ret = errno;
		talloc_free(l);
		return ret;
	}
	l->dev = st.st_dev;
	l->ino = st.st_ino;

	*listener = l;
	return 0;
}

const char *clusrv_np_listener_path(const struct clusrv_np_listener *l)
{
	return l->path;
}

int clusrv_np_listener_start(struct clusrv_np_listener *l,
			     const char *endpoint)
{
	l->endpoint = talloc_strdup(l, endpoint);
	if (l->endpoint == NULL) {
		return ENOMEM;
	}
	l->fde = tevent_add_fd(l->srv->ev, l, l->fd, TEVENT_FD_READ,
			       clusrv_np_accept, l);
	if (l->fde == NULL) {
		return ENOMEM;
	}
	return 0;
}
