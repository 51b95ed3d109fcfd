/*
 * clusbench: ApiGetGroupState over ncacn_ip_tcp against a raw TCP
 * ping-pong of the same sizes, measured side by side
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: clusbench HOST PORT [USER%PASS]
 *
 * With USER%PASS the same call also runs over a sealed connection
 * (NTLMSSP in SPNEGO at packet privacy, as MS-CMRP 2.1 wants), set
 * against the unsealed connection's figures measured beside it.
 *
 * Each figure is the median of RUNS runs after a warm-up, the baseline
 * run interleaved with the measured one. The baseline is a TCP echo on
 * loopback whose request and response have the sizes of the RPC's
 * PDUs: the floor no RPC server can go below. Prints
 *   BENCH name=value unit (baseline=value, ratio=value)
 */

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <talloc.h>
#include <tevent.h>
#include <ndr.h>
#include <dcerpc.h>
#include <param.h>
#include <credentials.h>
#include <core/werror.h>

#include "bench/bench_util.h"
#include "librpc/gen_ndr/ndr_clusapi.h"
#include "librpc/gen_ndr/ndr_clusapi_c.h"

#define RUNS 5
#define CALLS 2000
#define IN_FLIGHT 32
#define CONNECTIONS 16
#define PDU_HEADER 24		/* request/response PDU header */

static bool full_io(int fd, void *buf, size_t len, bool send_it)
{
	size_t done = 0;

	while (done < len) {
		ssize_t n = send_it ? write(fd, (char *)buf + done, len - done)
				    : read(fd, (char *)buf + done, len - done);

		if (n <= 0) {
			if (n < 0 && errno == EINTR) {
				continue;
			}
			return false;
		}
		done += n;
	}
	return true;
}

/* The baseline server: read req bytes, answer resp bytes, forever */
static pid_t echo_server(int *port, size_t req, size_t resp)
{
	struct sockaddr_in sin = { .sin_family = AF_INET };
	socklen_t len = sizeof(sin);
	int one = 1, fd, lfd;
	pid_t pid;

	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	lfd = socket(AF_INET, SOCK_STREAM, 0);
	if (lfd == -1 || bind(lfd, (struct sockaddr *)&sin, sizeof(sin)) ||
	    listen(lfd, 64) || getsockname(lfd, (struct sockaddr *)&sin,
					   &len)) {
		return -1;
	}
	*port = ntohs(sin.sin_port);
	pid = fork();
	if (pid != 0) {
		close(lfd);
		return pid;
	}
	while ((fd = accept(lfd, NULL, NULL)) != -1) {
		if (fork() == 0) {
			char *in = calloc(1, req), *out = calloc(1, resp);

			setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one,
				   sizeof(one));
			while (full_io(fd, in, req, false) &&
			       full_io(fd, out, resp, true)) {
				;
			}
			_exit(0);
		}
		close(fd);
	}
	_exit(0);
}

static int echo_connect(int port)
{
	struct sockaddr_in sin = {
		.sin_family = AF_INET, .sin_port = htons(port),
	};
	int one = 1, fd = socket(AF_INET, SOCK_STREAM, 0);

	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd == -1 || connect(fd, (struct sockaddr *)&sin, sizeof(sin))) {
		return -1;
	}
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	return fd;
}

/* CALLS round trips with @depth requests outstanding; microseconds */
static double echo_run(int fd, size_t req, size_t resp, int depth)
{
	char *in = calloc(1, resp), *out = calloc(1, req);
	double t0 = bench_now_us();
	int sent = 0, got = 0;

	while (sent < depth && sent < CALLS) {
		full_io(fd, out, req, true);
		sent++;
	}
	while (got < CALLS) {
		full_io(fd, in, resp, false);
		got++;
		if (sent < CALLS) {
			full_io(fd, out, req, true);
			sent++;
		}
	}
	free(in);
	free(out);
	return bench_now_us() - t0;
}

struct rpc {
	struct tevent_context *ev;
	struct dcerpc_binding_handle *b;
	struct policy_handle group;
	int sent, done;
	/* the 16-connection run: one call in flight on each */
	struct dcerpc_binding_handle *bs[CONNECTIONS];
	struct policy_handle groups[CONNECTIONS];
};

static double rpc_sync_run(struct rpc *r)
{
	double t0 = bench_now_us();
	int i;

	for (i = 0; i < CALLS; i++) {
		enum CLUSTER_GROUP_STATE state;
		const char *node;
		WERROR status, result;
		TALLOC_CTX *frame = talloc_new(NULL);

		if (!NT_STATUS_IS_OK(dcerpc_ApiGetGroupState(
			    r->b, frame, r->group, &state, &node, &status,
			    &result)) || !W_ERROR_IS_OK(result)) {
			fprintf(stderr, "ApiGetGroupState failed\n");
			exit(1);
		}
		talloc_free(frame);
	}
	return bench_now_us() - t0;
}

struct one_call {
	struct rpc *r;
	int conn;		/* index into r->bs, -1: r->b */
	enum CLUSTER_GROUP_STATE state;
	const char *node;
	WERROR status;
};

static void rpc_async_send(struct rpc *r, int conn);

static void rpc_async_done(struct tevent_req *req)
{
	struct one_call *c = tevent_req_callback_data(req, struct one_call);
	struct rpc *r = c->r;
	WERROR result;

	if (!NT_STATUS_IS_OK(dcerpc_ApiGetGroupState_recv(req, c,
							   &result))) {
		fprintf(stderr, "ApiGetGroupState failed\n");
		exit(1);
	}
	r->done++;
	if (r->sent < CALLS) {
		rpc_async_send(r, c->conn);
	}
	talloc_free(c);
}

static void rpc_async_send(struct rpc *r, int conn)
{
	struct one_call *c = talloc_zero(NULL, struct one_call);
	struct tevent_req *req;

	c->r = r;
	c->conn = conn;
	req = dcerpc_ApiGetGroupState_send(
		c, r->ev, conn < 0 ? r->b : r->bs[conn],
		conn < 0 ? r->group : r->groups[conn], &c->state, &c->node,
		&c->status);
	if (req == NULL) {
		exit(1);
	}
	tevent_req_set_callback(req, rpc_async_done, c);
	r->sent++;
}

static double rpc_async_run(struct rpc *r, int depth)
{
	double t0 = bench_now_us();

	r->sent = r->done = 0;
	while (r->sent < depth) {
		rpc_async_send(r, -1);
	}
	while (r->done < CALLS) {
		tevent_loop_once(r->ev);
	}
	return bench_now_us() - t0;
}

/* CONNECTIONS connections, one call in flight on each */
static double rpc_conns_run(struct rpc *r)
{
	double t0 = bench_now_us();
	int i;

	r->sent = r->done = 0;
	for (i = 0; i < CONNECTIONS; i++) {
		rpc_async_send(r, i);
	}
	while (r->done < CALLS) {
		tevent_loop_once(r->ev);
	}
	return bench_now_us() - t0;
}

/* The same over CONNECTIONS echo connections */
static double echo_conns_run(const int *fds, size_t req, size_t resp)
{
	char *in = calloc(1, resp), *out = calloc(1, req);
	struct pollfd pfd[CONNECTIONS];
	double t0 = bench_now_us();
	int sent = 0, got = 0, i;

	for (i = 0; i < CONNECTIONS; i++) {
		pfd[i] = (struct pollfd) { .fd = fds[i], .events = POLLIN };
		full_io(fds[i], out, req, true);
		sent++;
	}
	while (got < CALLS) {
		if (poll(pfd, CONNECTIONS, -1) <= 0) {
			continue;
		}
		for (i = 0; i < CONNECTIONS; i++) {
			if (!(pfd[i].revents & POLLIN)) {
				continue;
			}
			full_io(fds[i], in, resp, false);
			got++;
			if (sent < CALLS) {
				full_io(fds[i], out, req, true);
				sent++;
			}
		}
	}
	free(in);
	free(out);
	return bench_now_us() - t0;
}

/* PDU sizes of the call, for the baseline */
static void call_sizes(struct rpc *r, size_t *req, size_t *resp)
{
	TALLOC_CTX *frame = talloc_new(NULL);
	struct ApiGetGroupState c = { .in.hGroup = r->group };
	enum CLUSTER_GROUP_STATE state = 0;
	const char *node = "NodeA";
	WERROR status = WERR_OK;
	struct ndr_push *push;

	c.out.State = &state;
	c.out.NodeName = &node;
	c.out.rpc_status = &status;
	const struct ndr_interface_call *call =
		&ndr_table_clusapi.calls[NDR_APIGETGROUPSTATE];

	push = ndr_push_init_ctx(frame);
	call->ndr_push(push, NDR_IN, &c);
	*req = PDU_HEADER + push->offset;
	push = ndr_push_init_ctx(frame);
	call->ndr_push(push, NDR_OUT, &c);
	*resp = PDU_HEADER + push->offset;
	talloc_free(frame);
}

/* The call over [seal] as USER, interleaved with the unsealed one */
static int sealed_runs(TALLOC_CTX *mem, struct rpc *r, const char *host,
		       const char *port, const char *user,
		       struct loadparm_context *lp)
{
	struct rpc s = { .ev = r->ev };
	struct dcerpc_pipe *p = NULL;
	struct cli_credentials *creds = cli_credentials_init(mem);
	double ss[RUNS], us[RUNS], sa[RUNS], ua[RUNS];
	WERROR status, rpc_status;
	char *binding;
	int i;

	binding = talloc_asprintf(mem, "ncacn_ip_tcp:%s[%s,seal]", host,
				  port);
	if (creds == NULL || binding == NULL) {
		return 1;
	}
	cli_credentials_guess(creds, lp);
	cli_credentials_parse_string(creds, user, CRED_SPECIFIED);
	/* gensec's mechanisms, which authenticated binds need */
	if (!NT_STATUS_IS_OK(dcerpc_init()) ||
	    !NT_STATUS_IS_OK(dcerpc_pipe_connect(mem, &p, binding,
						 &ndr_table_clusapi, creds,
						 s.ev, lp)) ||
	    !NT_STATUS_IS_OK(dcerpc_ApiOpenGroup(p->binding_handle, mem,
						 "Application Group",
						 &status, &rpc_status,
						 &s.group)) ||
	    !W_ERROR_IS_OK(status)) {
		fprintf(stderr, "cannot open the group over %s\n", binding);
		return 1;
	}
	s.b = p->binding_handle;
	rpc_sync_run(&s);
	for (i = 0; i < RUNS; i++) {
		ss[i] = rpc_sync_run(&s) / CALLS;
		us[i] = rpc_sync_run(r) / CALLS;
		sa[i] = CALLS / (rpc_async_run(&s, IN_FLIGHT) / 1e6);
		ua[i] = CALLS / (rpc_async_run(r, IN_FLIGHT) / 1e6);
	}
	bench_report("tcp_sealed_getgroupstate_sync_latency",
		     bench_median(ss, RUNS), bench_median(us, RUNS), "us");
	bench_report("tcp_sealed_getgroupstate_32_in_flight",
		     bench_median(sa, RUNS), bench_median(ua, RUNS),
		     "calls/s");
	return 0;
}

int main(int argc, const char **argv)
{
	TALLOC_CTX *mem = talloc_new(NULL);
	struct rpc r = { 0 };
	struct dcerpc_pipe *p = NULL;
	struct loadparm_context *lp;
	double rs[RUNS], bs[RUNS], ra[RUNS], ba[RUNS], rc[RUNS], bc[RUNS];
	int fds[CONNECTIONS];
	WERROR status, rpc_status;
	size_t req = 0, resp = 0;
	int port = 0, fd, i;
	pid_t echo;
	char *binding;

	if (argc != 3 && argc != 4) {
		fprintf(stderr, "usage: clusbench HOST PORT [USER%%PASS]\n");
		return 2;
	}
	r.ev = tevent_context_init(mem);
	lp = loadparm_init_global(false);
	binding = talloc_asprintf(mem, "ncacn_ip_tcp:%s[%s]", argv[1],
				  argv[2]);
	if (!NT_STATUS_IS_OK(dcerpc_pipe_connect(
		    mem, &p, binding, &ndr_table_clusapi,
		    cli_credentials_init_anon(mem), r.ev, lp))) {
		fprintf(stderr, "cannot connect to %s\n", binding);
		return 1;
	}
	r.b = p->binding_handle;
	if (!NT_STATUS_IS_OK(dcerpc_ApiOpenGroup(r.b, mem,
						 "Application Group", &status,
						 &rpc_status, &r.group)) ||
	    !W_ERROR_IS_OK(status)) {
		fprintf(stderr, "cannot open \"Application Group\"\n");
		return 1;
	}
	for (i = 0; i < CONNECTIONS; i++) {
		struct dcerpc_pipe *pi = NULL;

		if (!NT_STATUS_IS_OK(dcerpc_pipe_connect(
			    mem, &pi, binding, &ndr_table_clusapi,
			    cli_credentials_init_anon(mem), r.ev, lp)) ||
		    !NT_STATUS_IS_OK(dcerpc_ApiOpenGroup(
			    pi->binding_handle, mem, "Application Group",
			    &status, &rpc_status, &r.groups[i])) ||
		    !W_ERROR_IS_OK(status)) {
			fprintf(stderr, "connection %d failed\n", i);
			return 1;
		}
		r.bs[i] = pi->binding_handle;
	}
	/*
	 * CLUSBENCH_PROFILE=N: only N synchronous runs, for perf stat or
	 * perf record against clusapid and this process (bench/README.md)
	 */
	if (getenv("CLUSBENCH_PROFILE") != NULL) {
		int runs = atoi(getenv("CLUSBENCH_PROFILE"));
		double us = 0;

		for (i = 0; i < runs; i++) {
			us += rpc_sync_run(&r);
		}
		printf("%d synchronous calls, %.1f us each\n", runs * CALLS,
		       us / (runs > 0 ? runs * CALLS : 1));
		talloc_free(mem);
		return 0;
	}
	call_sizes(&r, &req, &resp);
	echo = echo_server(&port, req, resp);
	fd = echo < 0 ? -1 : echo_connect(port);
	for (i = 0; i < CONNECTIONS && fd != -1; i++) {
		fds[i] = echo_connect(port);
		if (fds[i] == -1) {
			fd = -1;
		}
	}
	if (fd == -1) {
		fprintf(stderr, "cannot start the baseline server\n");
		return 1;
	}
	printf("ApiGetGroupState: request %zu bytes, response %zu bytes; "
	       "%d calls per run, median of %d runs\n", req, resp, CALLS,
	       RUNS);

	/* warm-up, then measured and baseline runs interleaved */
	rpc_sync_run(&r);
	echo_run(fd, req, resp, 1);
	for (i = 0; i < RUNS; i++) {
		rs[i] = rpc_sync_run(&r) / CALLS;
		bs[i] = echo_run(fd, req, resp, 1) / CALLS;
		ra[i] = CALLS / (rpc_async_run(&r, IN_FLIGHT) / 1e6);
		ba[i] = CALLS / (echo_run(fd, req, resp, IN_FLIGHT) / 1e6);
		rc[i] = CALLS / (rpc_conns_run(&r) / 1e6);
		bc[i] = CALLS / (echo_conns_run(fds, req, resp) / 1e6);
	}
	bench_report("tcp_getgroupstate_sync_latency", bench_median(rs, RUNS),
	       bench_median(bs, RUNS), "us");
	bench_report("tcp_getgroupstate_32_in_flight", bench_median(ra, RUNS),
	       bench_median(ba, RUNS), "calls/s");
	bench_report("tcp_getgroupstate_16_connections", bench_median(rc, RUNS),
	       bench_median(bc, RUNS), "calls/s");

	close(fd);
	kill(echo, SIGTERM);
	waitpid(echo, NULL, 0);
	if (argc == 4 &&
	    sealed_runs(mem, &r, argv[1], argv[2], argv[3], lp) != 0) {
		return 1;
	}
	talloc_free(mem);
	return 0;
}
