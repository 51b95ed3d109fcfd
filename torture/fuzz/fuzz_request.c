/*
 * clusapi fuzzing: the server's request path, every opnum
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each input is a conversation with clusapid's real DCE/RPC stack over
 * a socketpair: bind to clusapi 3.0, then one request per record,
 *
 *	uint16 opnum (little-endian), uint16 length, LENGTH stub bytes
 *
 * each answered (NDR pull, handler on an in-memory cluster, NDR push)
 * before the next is sent. A record of opnum 0xffff is a whole PDU of
 * its own, sent as it is: binds, alter_contexts and auth3s with their
 * auth trailers and tokens, which reach gensec (SPNEGO, NTLMSSP; the
 * server has one user, FZ_USER) as a real client's would. An input
 * whose first record is such a PDU makes its own bind: the harness
 * sends none. The cluster is rebuilt for every input, so
 * an input means the same thing each time it runs.
 *
 * Inputs of odd length take the ncacn_np path instead: the harness
 * plays smbd on clusapid's pipe socket (the named-pipe-auth handshake
 * of torture/malformed/handshakes/daemon.npa, then every PDU as one
 * message of smbd's framing), so the np listener and its message
 * stream are fuzzed too; even ones use a plain socketpair stream.
 *
 * Context handles are random on the wire; a fuzzer cannot guess them.
 * A 20-byte window of a stub that starts with "HNDL" is replaced by
 * the handle the server created N-th in this conversation, N being the
 * byte after the marker (modulo the handles seen). make_seeds.py writes
 * the handles of captured traffic that way.
 *
 * FUZZ_DEBUG=1 logs what the server does; FUZZ_TALLOC=1 prints the
 * server's talloc total after each input (it must not grow).
 */

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>
#include <stdio.h>
#include <sys/un.h>

#include <talloc.h>
#include <tevent.h>
#include <ndr.h>
#include <dcesrv_core.h>
#include <util/idtree.h>

#include "server/server.h"
#include "server/model/model.h"
#include "server/log.h"
#include "server/dcesrv/dcesrv.h"
#include "server/transport/tsocket_shim.h"
#include "server/transport/np.h"
#include "fuzz.h"

#define HANDLE_MARKER "HNDL"
#define RAW_PDU 0xffff
/* fuzz%fuzz: the NT hash of "fuzz" */
#define FZ_USER "fuzz:9a64aa35527250d80069c38571e6da45\n"
#define MAX_HANDLES 256
#define MAX_RECORDS 64


struct fz {
	struct clusrv_context *srv;
	int fd;				/* the client's end */
	bool np;			/* playing smbd on the pipe socket */
	bool npa_done;			/* its handshake answered */
	uint8_t *msgs;			/* np: message bytes not parsed */
	size_t msgs_len;
	uint32_t assoc_group_id;	/* from the bind_ack */
	bool closed;			/* the server closed its end */
	bool guard_fired;
	struct tevent_timer *guard;	/* tevent frees it when it fires */
	uint8_t *in;			/* bytes received, not yet parsed */
	size_t in_len;
	uint32_t answered_call;		/* last call_id answered */
	bool bound;
	struct policy_handle handles[MAX_HANDLES];
	unsigned int num_handles;
};

static struct clusrv_context *fz_srv;
static char fz_np_dir[] = "/tmp/clusapi-fuzz-np.XXXXXX";
static const char *fz_np_path;
static uint8_t *fz_npa;			/* smbd's handshake */
static size_t fz_npa_len;

static void fz_np_cleanup(void)
{
	char path[sizeof(fz_np_dir) + 16];

	if (fz_np_path != NULL) {
		unlink(fz_np_path);
	}
	snprintf(path, sizeof(path), "%s/users", fz_np_dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/np", fz_np_dir);
	rmdir(path);
	rmdir(fz_np_dir);
}

/* What smbd sends first; make test and make fuzz run from the top */
static void fz_load_handshake(void)
{
	const char *path = getenv("CLUSAPI_FUZZ_NPA");
	FILE *f;
	long len;

	if (path == NULL) {
		path = "torture/malformed/handshakes/daemon.npa";
	}
	f = fopen(path, "rb");
	if (f == NULL || fseek(f, 0, SEEK_END) != 0 ||
	    (len = ftell(f)) <= 0 || fseek(f, 0, SEEK_SET) != 0) {
		fprintf(stderr, "fuzz_request: cannot read %s (run from the "
			"top of the tree or set CLUSAPI_FUZZ_NPA)\n", path);
		abort();
	}
	fz_npa = malloc(len);
	if (fz_npa == NULL || fread(fz_npa, 1, len, f) != (size_t)len) {
		abort();
	}
	fz_npa_len = len;
	fclose(f);
}

/* --auth-users with one user, in the harness's temporary directory */
static const char *fz_users_file(TALLOC_CTX *mem_ctx)
{
	char *path = talloc_asprintf(mem_ctx, "%s/users", fz_np_dir);
	int fd;

	fd = path == NULL ? -1 : open(path, O_WRONLY | O_CREAT | O_TRUNC,
				      0600);
	if (fd == -1 ||
	    write(fd, FZ_USER, strlen(FZ_USER)) != (ssize_t)strlen(FZ_USER) ||
	    close(fd) == -1) {
		abort();
	}
	return path;
}

static struct clusrv_context *fz_server(void)
{
	struct tevent_context *ev;
	struct clusrv_context *srv;

	if (!clus_tsocket_shim_init()) {
		abort();
	}
	/* errors only: the fuzzer provokes a lot of notices */
	clus_log_init("fuzz_request", getenv("FUZZ_DEBUG") ? 10 : 0, NULL);
	ev = tevent_context_init(NULL);
	srv = talloc_zero(ev, struct clusrv_context);
	if (ev == NULL || srv == NULL) {
		abort();
	}
	if (mkdtemp(fz_np_dir) == NULL) {
		abort();
	}
	atexit(fz_np_cleanup);
	srv->ev = ev;
	srv->opts = (struct clusrv_options) {
		.foreground = true,
		.anonymous = CLUSRV_ANONYMOUS_FULL,
		.move_delay_ms = 0,
		.max_connections = 16,
		.max_handles = MAX_HANDLES,
		.max_request_size = 1024 * 1024,
		.max_notify_events = 1000,
		.auth.users_file = fz_users_file(srv),
	};
	if (!NT_STATUS_IS_OK(clusrv_dcesrv_init(srv))) {
		abort();
	}
	srv->tcp_endpoint = "ncacn_ip_tcp:[1]";
	if (clusrv_np_listen(srv, srv, fz_np_dir, &srv->np_listener) != 0) {
		abort();
	}
	srv->np_endpoint = CLUSRV_NP_ENDPOINT;
	fz_np_path = clusrv_np_listener_path(srv->np_listener);
	/* state_dir NULL: the model lives in memory */
	if (!NT_STATUS_IS_OK(clusrv_rpc_register(srv)) ||
	    clusrv_np_listener_start(srv->np_listener,
				     srv->np_endpoint) != 0) {
		abort();
	}
	fz_load_handshake();
	return srv;
}

/* A fresh default cluster for every input */
static void fz_reset_model(struct clusrv_context *srv)
{
	struct clus_model_options mopts = {
		.transition_ms = 0,
		.notify_queue_max = srv->opts.max_notify_events,
	};
	char *errmsg = NULL;

	TALLOC_FREE(srv->model);
	if (clus_model_open(srv, srv->ev, &mopts, &srv->model,
			    &errmsg) != 0) {
		abort();
	}
}

static void fz_guard(struct tevent_context *ev, struct tevent_timer *te,
		     struct timeval now, void *private_data)
{
	struct fz *fz = private_data;

	fz->guard_fired = true;
	fz->guard = NULL;
}

/* One turn of the server's loop, at most about a millisecond long */
static void fz_turn(struct fz *fz)
{
	struct tevent_context *ev = fz->srv->ev;

	fz->guard_fired = false;
	fz->guard = tevent_add_timer(ev, fz,
				     tevent_timeval_current_ofs(0, 1000),
				     fz_guard, fz);
	if (fz->guard == NULL) {
		abort();
	}
	tevent_loop_once(ev);
	TALLOC_FREE(fz->guard);
}

/* Reads what the server sent; false once nothing more will come */
static size_t fz_drain(struct fz *fz)
{
	size_t total = 0;

	for (;;) {
		uint8_t buf[16384];
		ssize_t n = recv(fz->fd, buf, sizeof(buf), MSG_DONTWAIT);

		if (n == 0) {
			fz->closed = true;
			return total;
		}
		if (n < 0) {
			if (errno != EAGAIN && errno != EWOULDBLOCK &&
			    errno != EINTR) {
				fz->closed = true;
			}
			return total;
		}
		fz->in = talloc_realloc(fz, fz->in, uint8_t,
					fz->in_len + n);
		if (fz->in == NULL) {
			abort();
		}
		memcpy(fz->in + fz->in_len, buf, n);
		fz->in_len += n;
		total += n;
	}
}

/* np: the handshake's answer, then messages, whose bytes are PDUs */
static void fz_unframe(struct fz *fz)
{
	size_t used = 0;

	if (!fz->npa_done) {
		uint32_t len;

		if (fz->in_len < 4) {
			return;
		}
		len = ((uint32_t)fz->in[0] << 24) | (fz->in[1] << 16) |
		      (fz->in[2] << 8) | fz->in[3];
		if (fz->in_len < 4 + (size_t)len) {
			return;
		}
		used = 4 + len;
		fz->npa_done = true;
	}
	while (fz->in_len - used >= 2) {
		size_t len = fz->in[used] | (fz->in[used + 1] << 8);

		if (fz->in_len - used - 2 < len) {
			break;
		}
		fz->msgs = talloc_realloc(fz, fz->msgs, uint8_t,
					  fz->msgs_len + len + 1);
		if (fz->msgs == NULL) {
			abort();
		}
		memcpy(fz->msgs + fz->msgs_len, fz->in + used + 2, len);
		fz->msgs_len += len;
		used += 2 + len;
	}
	memmove(fz->in, fz->in + used, fz->in_len - used);
	fz->in_len -= used;
}

/* Consumes whole PDUs: bind_ack, the last fragment of an answer */
static void fz_parse(struct fz *fz)
{
	uint8_t *buf = fz->in;
	size_t *plen = &fz->in_len;

	if (fz->np) {
		fz_unframe(fz);
		buf = fz->msgs;
		plen = &fz->msgs_len;
	}
	while (*plen >= 16) {
		uint16_t frag_len = buf[8] | (buf[9] << 8);
		uint8_t ptype = buf[2];
		uint8_t flags = buf[3];
		uint32_t call_id = buf[12] | (buf[13] << 8) |
				   (buf[14] << 16) | ((uint32_t)buf[15] << 24);

		if (frag_len < 16 || frag_len > *plen) {
			return;
		}
		if (ptype == DCERPC_PKT_BIND_ACK && frag_len >= 24) {
			fz->bound = true;
			fz->assoc_group_id = buf[20] | (buf[21] << 8) |
					     (buf[22] << 16) |
					     ((uint32_t)buf[23] << 24);
		} else if (ptype == DCERPC_PKT_BIND_NAK) {
			fz->closed = true;
		} else if (ptype == DCERPC_PKT_FAULT ||
			   (ptype == DCERPC_PKT_RESPONSE &&
			    (flags & DCERPC_PFC_FLAG_LAST))) {
			fz->answered_call = call_id;
		}
		memmove(buf, buf + frag_len, *plen - frag_len);
		*plen -= frag_len;
	}
}

/*
 * Runs the server until DONE says so, the connection is gone, or
 * nothing has happened for a few guard periods (an asynchronous call
 * such as a blocking ApiGetNotify waits for more than we will send).
 */
static void fz_drive(struct fz *fz, bool (*done)(struct fz *, uint32_t),
		     uint32_t arg)
{
	int idle = 0;

	while (!fz->closed && !done(fz, arg)) {
		fz_turn(fz);
		if (fz_drain(fz) > 0) {
			fz_parse(fz);
			idle = 0;
			continue;
		}
		if (fz->guard_fired && ++idle >= 3) {
			return;
		}
	}
}

static bool fz_is_npa_done(struct fz *fz, uint32_t unused)
{
	return fz->npa_done;
}

static bool fz_is_bound(struct fz *fz, uint32_t unused)
{
	return fz->bound;
}

static bool fz_is_answered(struct fz *fz, uint32_t call_id)
{
	return fz->answered_call == call_id;
}

/* A raw PDU may get no answer (auth3): run until the server is idle */
static bool fz_never(struct fz *fz, uint32_t unused)
{
	return false;
}

/* After the client hung up: the server must free the connection */
static void fz_drive_gone(struct fz *fz)
{
	int rounds = 0;

	while (fz->srv->num_connections != 0) {
		if (++rounds > 1000) {
			/* a connection that outlives its socket is a bug */
			abort();
		}
		fz_turn(fz);
	}
}

static void fz_send_raw(struct fz *fz, const uint8_t *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = send(fz->fd, buf, len, MSG_NOSIGNAL);

		if (n <= 0) {
			if (n < 0 && errno == EINTR) {
				continue;
			}
			fz->closed = true;
			return;
		}
		buf += n;
		len -= n;
	}
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = v & 0xff;
	p[1] = v >> 8;
}

/* A PDU: over np one message of smbd's framing per 4280 bytes */
static void fz_send(struct fz *fz, const uint8_t *buf, size_t len)
{
	while (fz->np && len > 0) {
		size_t n = len < 4280 ? len : 4280;
		uint8_t hdr[2];

		put16(hdr, n);
		fz_send_raw(fz, hdr, 2);
		fz_send_raw(fz, buf, n);
		buf += n;
		len -= n;
	}
	if (!fz->np) {
		fz_send_raw(fz, buf, len);
	}
}

static void put32(uint8_t *p, uint32_t v)
{
	put16(p, v & 0xffff);
	put16(p + 2, v >> 16);
}

static void fz_header(uint8_t *p, uint8_t ptype, uint16_t frag_len,
		      uint32_t call_id)
{
	p[0] = 5;
	p[1] = 0;
	p[2] = ptype;
	p[3] = DCERPC_PFC_FLAG_FIRST | DCERPC_PFC_FLAG_LAST;
	put32(p + 4, 0x10);		/* little-endian, ASCII, IEEE */
	put16(p + 8, frag_len);
	put16(p + 10, 0);
	put32(p + 12, call_id);
}

static void fz_bind(struct fz *fz)
{
	/* clusapi 3.0 over NDR 2.0 */
	static const uint8_t ctx[] = {
		0, 0, 1, 0,
		0xb2, 0xb8, 0x7d, 0xb9, 0x63, 0x4c, 0xcf, 0x11,
		0xbf, 0xf6, 0x08, 0x00, 0x2b, 0xe2, 0x3f, 0x2f, 3, 0, 0, 0,
		0x04, 0x5d, 0x88, 0x8a, 0xeb, 0x1c, 0xc9, 0x11,
		0x9f, 0xe8, 0x08, 0x00, 0x2b, 0x10, 0x48, 0x60, 2, 0, 0, 0,
	};
	uint8_t pdu[28 + sizeof(ctx)];

	fz_header(pdu, DCERPC_PKT_BIND, sizeof(pdu), 1);
	put16(pdu + 16, 65535);		/* max_xmit_frag */
	put16(pdu + 18, 65535);		/* max_recv_frag */
	put32(pdu + 20, 0);		/* assoc_group_id */
	pdu[24] = 1;			/* one context */
	pdu[25] = pdu[26] = pdu[27] = 0;
	memcpy(pdu + 28, ctx, sizeof(ctx));
	fz_send(fz, pdu, sizeof(pdu));
}

/* Learns the handles the server made since the last call, oldest first */
static void fz_learn_handles(struct fz *fz)
{
	struct dcesrv_assoc_group *ag;
	struct dcesrv_handle *h, *newest[MAX_HANDLES];
	unsigned int n = 0;

	/* the bind_ack named the group; it goes with its last connection */
	if (fz->closed || !fz->bound) {
		return;
	}
	ag = idr_find(fz->srv->dce_ctx->assoc_groups_idr,
		      fz->assoc_group_id);
	if (ag == NULL) {
		return;
	}
	/* DLIST_ADD puts the newest first */
	for (h = ag->handles; h != NULL && n < MAX_HANDLES;
	     h = h->next) {
		unsigned int i;

		for (i = 0; i < fz->num_handles; i++) {
			if (ndr_policy_handle_equal(&fz->handles[i],
						    &h->wire_handle)) {
				break;
			}
		}
		if (i < fz->num_handles) {
			break;
		}
		newest[n++] = h;
	}
	while (n > 0 && fz->num_handles < MAX_HANDLES) {
		fz->handles[fz->num_handles++] = newest[--n]->wire_handle;
	}
}

/* policy_handle in NDR: handle_type, then the GUID */
static void fz_handle_to_wire(const struct policy_handle *h, uint8_t *p)
{
	const struct GUID *u = &h->uuid;

	put32(p, h->handle_type);
	put32(p + 4, u->time_low);
	put16(p + 8, u->time_mid);
	put16(p + 10, u->time_hi_and_version);
	memcpy(p + 12, u->clock_seq, 2);
	memcpy(p + 14, u->node, 6);
}

static void fz_patch_handles(struct fz *fz, uint8_t *stub, size_t len)
{
	size_t i;

	if (fz->num_handles == 0) {
		return;
	}
	for (i = 0; i + 20 <= len; i++) {
		if (memcmp(stub + i, HANDLE_MARKER, 4) != 0) {
			continue;
		}
		fz_handle_to_wire(&fz->handles[stub[i + 4] % fz->num_handles],
				  stub + i);
		i += 19;
	}
}

static void fz_request(struct fz *fz, uint32_t call_id, uint16_t opnum,
		       const uint8_t *stub, uint16_t len)
{
	uint8_t *pdu = talloc_array(fz, uint8_t, 24 + len);

	if (pdu == NULL) {
		abort();
	}
	fz_header(pdu, DCERPC_PKT_REQUEST, 24 + len, call_id);
	put32(pdu + 16, len);		/* alloc_hint */
	put16(pdu + 20, 0);		/* context id */
	put16(pdu + 22, opnum);
	memcpy(pdu + 24, stub, len);
	fz_patch_handles(fz, pdu + 24, len);
	fz_send(fz, pdu, 24 + len);
	talloc_free(pdu);
}

/* As smbd: a connection to the pipe socket, the handshake goes next */
static int fz_np_connect(void)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

	if (fd == -1 || strlen(fz_np_path) >= sizeof(sun.sun_path)) {
		abort();
	}
	strcpy(sun.sun_path, fz_np_path);
	/* the listener's backlog takes it before the loop accepts */
	if (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) == -1) {
		abort();
	}
	return fd;
}

/* The server's end of a socketpair, as an accepted TCP connection */
static void fz_connect(struct clusrv_context *srv, int sfd)
{
	struct sockaddr_in local = {
		.sin_family = AF_INET,
		.sin_port = htons(1),
		.sin_addr.s_addr = htonl(INADDR_LOOPBACK),
	};
	struct sockaddr_in remote = local;
	struct tstream_context *stream = NULL;
	struct clusrv_conn *c;

	remote.sin_port = htons(49152);
	c = clusrv_conn_new(srv, srv, "ncacn_ip_tcp",
			    (struct sockaddr *)&local, sizeof(local),
			    (struct sockaddr *)&remote, sizeof(remote));
	if (c == NULL ||
	    clus_tstream_bsd_existing_socket(c, sfd, &stream) == -1 ||
	    !NT_STATUS_IS_OK(clusrv_conn_start(c, srv->tcp_endpoint,
					       srv->anonymous_session,
					       stream))) {
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	TALLOC_CTX *frame;
	struct fz *fz;
	int sv[2];
	uint32_t call_id = 1;
	unsigned int records = 0;
	bool raw_first = size >= 2 && data[0] == 0xff && data[1] == 0xff;

	if (fz_srv == NULL) {
		fz_srv = fz_server();
	}
	fz_reset_model(fz_srv);
	frame = talloc_new(NULL);
	fz = talloc_zero(frame, struct fz);
	if (fz == NULL) {
		abort();
	}
	fz->srv = fz_srv;
	fz->np = (size % 2) == 1;
	if (fz->np) {
		/* smbd waits for the answer before it forwards anything */
		fz->fd = fz_np_connect();
		fz_send_raw(fz, fz_npa, fz_npa_len);
		fz_drive(fz, fz_is_npa_done, 0);
	} else {
		if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0,
			       sv) == -1) {
			abort();
		}
		fz->fd = sv[0];
		fz_connect(fz_srv, sv[1]);
	}

	if (!raw_first) {
		fz_bind(fz);
		fz_drive(fz, fz_is_bound, 0);
	}

	while ((fz->bound || raw_first) && !fz->closed && size >= 4 &&
	       records++ < MAX_RECORDS) {
		uint16_t opnum = data[0] | (data[1] << 8);
		uint16_t len = data[2] | (data[3] << 8);

		data += 4;
		size -= 4;
		if (len > size) {
			len = size;
		}
		if (opnum == RAW_PDU) {
			fz_send(fz, data, len);
			fz_drive(fz, fz_never, 0);
		} else {
			fz_request(fz, ++call_id, opnum, data, len);
			fz_drive(fz, fz_is_answered, call_id);
		}
		data += len;
		size -= len;
		fz_learn_handles(fz);
	}

	/* hang up; the server must let go of the connection */
	close(fz->fd);
	fz_drive_gone(fz);
	talloc_free(frame);
	if (getenv("FUZZ_TALLOC") != NULL) {
		fprintf(stderr, "server context: %zu bytes in %zu blocks\n",
			talloc_total_size(talloc_parent(fz_srv)),
			talloc_total_blocks(talloc_parent(fz_srv)));
	}
	return 0;
}
