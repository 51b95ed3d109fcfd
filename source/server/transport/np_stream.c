/*
 * clusapid: the message-mode stream of smbd's named pipe connections
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After the handshake (npa.c) smbd forwards the pipe in message mode:
 * every SMB write is one message, every SMB read returns at most one,
 * each a little-endian 16-bit length and the bytes.  The dcesrv core
 * wants a byte stream and writes one DCE/RPC fragment at a time, so the
 * stream strips the framing on the way in and makes each fragment one
 * message on the way out: a client reading a response gets it fragment
 * by fragment, as from Windows.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <talloc.h>
#include <tevent.h>
#include <util/tevent_unix.h>

#include "server/log.h"
#include "server/transport/np_stream.h"
#include "server/transport/tsocket_shim.h"

/* A message carries at most this many bytes */
#define NP_MAX_MESSAGE 0xffff

#ifndef MIN
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#endif

/*
 * The message-mode stream over smbd's connection: a tstream for the
 * dcesrv core (the same contract as Samba's bsd tstreams: readv fills
 * every vector, writev writes everything, EPIPE at end of file).
 */
struct clusrv_np_stream {
	int fd;
	struct tevent_fd *fde;
	struct tevent_req *readv_req;
	struct tevent_req *writev_req;
	/* the header of the next message, while incomplete */
	uint8_t hdr[2];
	size_t hdr_len;
	/* bytes of the current message not read yet */
	size_t msg_left;
	/*
	 * What one read() brought and nobody took yet: a PDU's header and
	 * body, often the next PDU too, come with one syscall, not three.
	 */
	uint8_t rbuf[8192];
	size_t rbuf_ofs;
	size_t rbuf_len;
};

struct clusrv_np_readv_state {
	struct clusrv_np_stream *s;
	struct iovec *vector;
	size_t count;
	int ret;
};

struct clusrv_np_writev_state {
	struct clusrv_np_stream *s;
	uint8_t *buf;
	size_t len;
	size_t done;
	int ret;
};

static void clusrv_np_stream_handler(struct tevent_context *ev,
				     struct tevent_fd *fde, uint16_t flags,
				     void *private_data);
static bool clusrv_np_read_step(struct clusrv_np_stream *s,
				struct tevent_req *req);

static int clusrv_np_stream_destructor(struct clusrv_np_stream *s)
{
	/* requests still pending outlive us by a little */
	if (s->readv_req != NULL) {
		struct clusrv_np_readv_state *rs = tevent_req_data(
			s->readv_req, struct clusrv_np_readv_state);

		rs->s = NULL;
	}
	if (s->writev_req != NULL) {
		struct clusrv_np_writev_state *ws = tevent_req_data(
			s->writev_req, struct clusrv_np_writev_state);

		ws->s = NULL;
	}
	TALLOC_FREE(s->fde);
	if (s->fd != -1) {
		close(s->fd);
		s->fd = -1;
	}
	return 0;
}

/* Watch the socket for what the unfinished requests need. */
static uint16_t clusrv_np_stream_flags(struct clusrv_np_stream *s)
{
	uint16_t flags = 0;

	if (s->readv_req != NULL && tevent_req_is_in_progress(s->readv_req)) {
		flags |= TEVENT_FD_READ;
	}
	if (s->writev_req != NULL &&
	    tevent_req_is_in_progress(s->writev_req)) {
		flags |= TEVENT_FD_WRITE;
	}
	return flags;
}

static bool clusrv_np_stream_update(struct clusrv_np_stream *s,
				    struct tevent_context *ev)
{
	if (s->fde == NULL) {
		s->fde = tevent_add_fd(ev, s, s->fd,
				       clusrv_np_stream_flags(s),
				       clusrv_np_stream_handler, s);
		return s->fde != NULL;
	}
	tevent_fd_set_flags(s->fde, clusrv_np_stream_flags(s));
	return true;
}

static ssize_t clusrv_np_pending_bytes(struct tstream_context *stream)
{
	struct clusrv_np_stream *s = clus_tstream_context_data(
		stream, struct clusrv_np_stream);
	int n = 0;

	if (s->fd == -1) {
		errno = ENOTCONN;
		return -1;
	}
	if (ioctl(s->fd, FIONREAD, &n) == -1) {
		return -1;
	}
	return n + (s->rbuf_len - s->rbuf_ofs);
}

static int clusrv_np_readv_destructor(struct clusrv_np_readv_state *state)
{
	struct clusrv_np_stream *s = state->s;

	if (s != NULL) {
		s->readv_req = NULL;
		/* READ stays as it is: see clusrv_np_stream_handler() */
		if (s->fde != NULL) {
			tevent_fd_set_flags(
				s->fde, (tevent_fd_get_flags(s->fde) &
					 TEVENT_FD_READ) |
				clusrv_np_stream_flags(s));
		}
	}
	return 0;
}

/*
 * The start of a readv or writev: false (and @req failed) when the
 * stream is no longer connected.
 */
static bool clusrv_np_io_begin(struct clusrv_np_stream *s,
			       struct tevent_req *req,
			       struct tevent_context *ev)
{
	/*
	 * Completing from the fd handler must not run the dcesrv core
	 * there: it may free the stream while we still look at it.
	 */
	tevent_req_defer_callback(req, ev);
	if (s->fd == -1) {
		tevent_req_error(req, ENOTCONN);
		return false;
	}
	return true;
}

/* The end of a readv or writev send: done at once, or wait for the fd */
static struct tevent_req *clusrv_np_io_wait(struct clusrv_np_stream *s,
					    struct tevent_req *req,
					    struct tevent_context *ev)
{
	if (!tevent_req_is_in_progress(req)) {
		return tevent_req_post(req, ev);
	}
	if (!clusrv_np_stream_update(s, ev)) {
		tevent_req_oom(req);
		return tevent_req_post(req, ev);
	}
	return req;
}

static struct tevent_req *clusrv_np_readv_send(TALLOC_CTX *mem_ctx,
					       struct tevent_context *ev,
					       struct tstream_context *stream,
					       struct iovec *vector,
					       size_t count)
{
	struct clusrv_np_stream *s = clus_tstream_context_data(
		stream, struct clusrv_np_stream);
	struct tevent_req *req;
	struct clusrv_np_readv_state *state;

	req = tevent_req_create(mem_ctx, &state,
				struct clusrv_np_readv_state);
	if (req == NULL) {
		return NULL;
	}
	if (!clusrv_np_io_begin(s, req, ev)) {
		return tevent_req_post(req, ev);
	}
	/* ours to advance as we fill it */
	state->vector = talloc_memdup(state, vector,
				      count * sizeof(struct iovec));
	if (tevent_req_nomem(state->vector, req)) {
		return tevent_req_post(req, ev);
	}
	state->count = count;
	state->s = s;
	s->readv_req = req;
	talloc_set_destructor(state, clusrv_np_readv_destructor);

	/* What is buffered, or already in the socket, completes at once. */
	while (tevent_req_is_in_progress(req) &&
	       clusrv_np_read_step(s, req)) {
	}
	return clusrv_np_io_wait(s, req, ev);
}

/* Returns false when the request is finished (done or failed). */
static bool clusrv_np_read_step(struct clusrv_np_stream *s,
				struct tevent_req *req)
{
	struct clusrv_np_readv_state *state = tevent_req_data(
		req, struct clusrv_np_readv_state);
	struct iovec *iov;
	size_t avail;
	ssize_t n;

	while (state->count > 0 && state->vector[0].iov_len == 0) {
		state->vector++;
		state->count--;
	}
	if (state->count == 0) {
		tevent_req_done(req);
		return false;
	}

	if (s->rbuf_ofs == s->rbuf_len) {
		n = read(s->fd, s->rbuf, sizeof(s->rbuf));
		if (n == -1) {
			if (errno == EAGAIN || errno == EINTR) {
				return false;
			}
			tevent_req_error(req, errno);
			return false;
		}
		if (n == 0) {
			/* smbd closes the socket when the client closes it */
			tevent_req_error(req, EPIPE);
			return false;
		}
		s->rbuf_ofs = 0;
		s->rbuf_len = n;
	}
	avail = s->rbuf_len - s->rbuf_ofs;

	if (s->msg_left == 0) {
		n = MIN(avail, sizeof(s->hdr) - s->hdr_len);
		memcpy(s->hdr + s->hdr_len, s->rbuf + s->rbuf_ofs, n);
		s->rbuf_ofs += n;
		s->hdr_len += n;
		if (s->hdr_len == sizeof(s->hdr)) {
			/* an empty message just ends here */
			s->msg_left = s->hdr[0] | (s->hdr[1] << 8);
			s->hdr_len = 0;
		}
		return true;
	}
	iov = &state->vector[0];
	n = MIN(MIN(iov->iov_len, s->msg_left), avail);
	memcpy(iov->iov_base, s->rbuf + s->rbuf_ofs, n);
	s->rbuf_ofs += n;
	iov->iov_base = (uint8_t *)iov->iov_base + n;
	iov->iov_len -= n;
	s->msg_left -= n;
	state->ret += n;
	return true;
}

/* The end of every recv of the stream: @ret, or -1 and *@perrno */
static int clusrv_np_recv_ret(struct tevent_req *req, int ret, int *perrno)
{
	if (tevent_req_is_unix_error(req, perrno)) {
		ret = -1;
	}
	tevent_req_received(req);
	return ret;
}

static int clusrv_np_readv_recv(struct tevent_req *req, int *perrno)
{
	struct clusrv_np_readv_state *state = tevent_req_data(
		req, struct clusrv_np_readv_state);

	return clusrv_np_recv_ret(req, state->ret, perrno);
}

static int clusrv_np_writev_destructor(struct clusrv_np_writev_state *state)
{
	if (state->s != NULL) {
		state->s->writev_req = NULL;
		if (state->s->fde != NULL) {
			tevent_fd_set_flags(state->s->fde,
					    clusrv_np_stream_flags(state->s));
		}
	}
	return 0;
}

/* Returns false when the request is finished (done or failed). */
static bool clusrv_np_write_step(struct clusrv_np_stream *s,
				 struct tevent_req *req)
{
	struct clusrv_np_writev_state *state = tevent_req_data(
		req, struct clusrv_np_writev_state);
	ssize_t n;

	if (state->done == state->len) {
		tevent_req_done(req);
		return false;
	}
	n = write(s->fd, state->buf + state->done, state->len - state->done);
	if (n == -1) {
		if (errno == EAGAIN || errno == EINTR) {
			return false;
		}
		tevent_req_error(req, errno);
		return false;
	}
	state->done += n;
	return true;
}

static struct tevent_req *clusrv_np_writev_send(
	TALLOC_CTX *mem_ctx, struct tevent_context *ev,
	struct tstream_context *stream, const struct iovec *vector,
	size_t count)
{
	struct clusrv_np_stream *s = clus_tstream_context_data(
		stream, struct clusrv_np_stream);
	struct tevent_req *req;
	struct clusrv_np_writev_state *state;
	size_t total = 0;
	size_t nmsgs;
	size_t i, vofs = 0;
	uint8_t *p;

	req = tevent_req_create(mem_ctx, &state,
				struct clusrv_np_writev_state);
	if (req == NULL) {
		return NULL;
	}
	if (!clusrv_np_io_begin(s, req, ev)) {
		return tevent_req_post(req, ev);
	}
	for (i = 0; i < count; i++) {
		total += vector[i].iov_len;
	}

	/*
	 * The dcesrv core writes one fragment per call, always below
	 * 64 KiB: that is one message. Anything longer is split.
	 */
	nmsgs = (total + NP_MAX_MESSAGE - 1) / NP_MAX_MESSAGE;
	state->len = total + 2 * nmsgs;
	state->buf = talloc_size(state, state->len);
	if (tevent_req_nomem(state->buf, req)) {
		return tevent_req_post(req, ev);
	}
	p = state->buf;
	i = 0;
	while (total > 0) {
		size_t msg = MIN(total, NP_MAX_MESSAGE);

		*p++ = msg & 0xff;
		*p++ = msg >> 8;
		total -= msg;
		while (msg > 0) {
			size_t n = MIN(msg, vector[i].iov_len - vofs);

			memcpy(p, (const uint8_t *)vector[i].iov_base + vofs,
			       n);
			p += n;
			msg -= n;
			vofs += n;
			if (vofs == vector[i].iov_len) {
				i++;
				vofs = 0;
			}
		}
	}
	state->ret = state->len - 2 * nmsgs;
	state->s = s;
	s->writev_req = req;
	talloc_set_destructor(state, clusrv_np_writev_destructor);

	/* Usually the socket takes it all at once. */
	while (clusrv_np_write_step(s, req)) {
	}
	return clusrv_np_io_wait(s, req, ev);
}

static int clusrv_np_writev_recv(struct tevent_req *req, int *perrno)
{
	struct clusrv_np_writev_state *state = tevent_req_data(
		req, struct clusrv_np_writev_state);

	return clusrv_np_recv_ret(req, state->ret, perrno);
}

static void clusrv_np_stream_handler(struct tevent_context *ev,
				     struct tevent_fd *fde, uint16_t flags,
				     void *private_data)
{
	struct clusrv_np_stream *s = talloc_get_type_abort(
		private_data, struct clusrv_np_stream);
	uint16_t want;

	/* Callbacks are deferred (clusrv_np_io_begin): s stays valid here. */
	if ((flags & TEVENT_FD_WRITE) && s->writev_req != NULL) {
		while (tevent_req_is_in_progress(s->writev_req) &&
		       clusrv_np_write_step(s, s->writev_req)) {
		}
	}
	want = clusrv_np_stream_flags(s);
	if ((flags & TEVENT_FD_READ) && s->readv_req != NULL) {
		while (tevent_req_is_in_progress(s->readv_req) &&
		       clusrv_np_read_step(s, s->readv_req)) {
		}
		/*
		 * The dcesrv core asks for the next PDU as soon as it has
		 * this one: READ stays on rather than costing two
		 * epoll_ctl() per read. A READ event nobody waits for
		 * turns it off (want has no READ then).
		 */
		want |= TEVENT_FD_READ;
	}
	tevent_fd_set_flags(s->fde, want);
}

static struct tevent_req *clusrv_np_disconnect_send(
	TALLOC_CTX *mem_ctx, struct tevent_context *ev,
	struct tstream_context *stream)
{
	struct clusrv_np_stream *s = clus_tstream_context_data(
		stream, struct clusrv_np_stream);
	struct tevent_req *req;
	int *unused;

	req = tevent_req_create(mem_ctx, &unused, int);
	if (req == NULL) {
		return NULL;
	}
	if (s->fd == -1) {
		tevent_req_error(req, ENOTCONN);
		return tevent_req_post(req, ev);
	}
	TALLOC_FREE(s->fde);
	close(s->fd);
	s->fd = -1;
	tevent_req_done(req);
	return tevent_req_post(req, ev);
}

static int clusrv_np_disconnect_recv(struct tevent_req *req, int *perrno)
{
	return clusrv_np_recv_ret(req, 0, perrno);
}

static const struct tstream_context_ops clusrv_np_stream_ops = {
	.name = "clusapi_np",
	.pending_bytes = clusrv_np_pending_bytes,
	.readv_send = clusrv_np_readv_send,
	.readv_recv = clusrv_np_readv_recv,
	.writev_send = clusrv_np_writev_send,
	.writev_recv = clusrv_np_writev_recv,
	.disconnect_send = clusrv_np_disconnect_send,
	.disconnect_recv = clusrv_np_disconnect_recv,
};

struct tstream_context *clusrv_np_stream_create(TALLOC_CTX *mem_ctx, int fd)
{
	struct tstream_context *stream;
	struct clusrv_np_stream *s;

	stream = clus_tstream_context_create(mem_ctx, &clusrv_np_stream_ops,
					     &s, struct clusrv_np_stream);
	if (stream == NULL) {
		close(fd);
		return NULL;
	}
	*s = (struct clusrv_np_stream) { .fd = fd };
	talloc_set_destructor(s, clusrv_np_stream_destructor);
	return stream;
}

