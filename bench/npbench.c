/*
 * npbench: ApiGetGroupState over ncacn_np through smbd against Samba's
 * own RPC server behind the same smbd, measured side by side
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: npbench HOST SMB_PORT USER%PASSWORD [sync|inflight|conns]
 *	with a mode, only that figure (to profile one of them)
 *
 * Both calls go over SMB2 named pipes to the same smbd as the same
 * user: \pipe\clusapi (clusapid behind smbd) and \pipe\samr (Samba's
 * rpcd_lsad behind samba-dcerpcd). Each figure is the median of RUNS
 * runs after a warm-up; the baseline's run follows the measured one's
 * (on odd runs it goes first). Prints
 *   BENCH name=value unit (baseline=value, ratio=value)
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <talloc.h>
#include <tevent.h>
#include <ndr.h>
#include <dcerpc.h>
#include <param.h>
#include <credentials.h>

#include "bench/bench_util.h"
#include "bench/npbench.h"

#define RUNS 5
#define CALLS 2000
#define IN_FLIGHT 32
#define CONNECTIONS 16
#define PDU_HEADER 24		/* request/response PDU header */

struct side {
	const struct np_call *call;
	struct tevent_context *ev;
	struct dcerpc_binding_handle *b;
	void *state;
	/* the 16-connection run: one call in flight on each */
	struct dcerpc_binding_handle *bs[CONNECTIONS];
	void *states[CONNECTIONS];
	int sent, done;
	size_t req, resp;	/* PDU sizes */
};

static void die(const struct side *s, const char *what)
{
	fprintf(stderr, "npbench: %s: %s failed\n", s->call->name, what);
	exit(1);
}

static struct dcerpc_binding_handle *np_connect(
	TALLOC_CTX *mem, struct side *s, const char *host,
	struct cli_credentials *creds, struct loadparm_context *lp)
{
	struct dcerpc_binding *b = NULL;
	struct dcerpc_pipe *p = NULL;
	char *str;

	str = talloc_asprintf(mem, "ncacn_np:%s[%s]", host, s->call->pipe);
	if (str == NULL ||
	    !NT_STATUS_IS_OK(dcerpc_parse_binding(mem, str, &b)) ||
	    !NT_STATUS_IS_OK(dcerpc_binding_set_flags(b, DCERPC_SMB2, 0)) ||
	    !NT_STATUS_IS_OK(dcerpc_pipe_connect_b(mem, &p, b,
						   s->call->table, creds,
						   s->ev, lp))) {
		fprintf(stderr, "npbench: cannot connect to %s\n", str);
		exit(1);
	}
	return p->binding_handle;
}

static void sync_call(struct side *s, struct dcerpc_binding_handle *b,
		      void *state, TALLOC_CTX *mem, void **pr)
{
	void *r = s->call->make(mem, state);

	if (r == NULL ||
	    !NT_STATUS_IS_OK(dcerpc_binding_handle_call(
		    b, NULL, s->call->table, s->call->opnum, r, r)) ||
	    !s->call->ok(r)) {
		die(s, "a call");
	}
	if (pr != NULL) {
		*pr = r;
	}
}

static double sync_run(struct side *s)
{
	double t0 = bench_now_us();
	int i;

	for (i = 0; i < CALLS; i++) {
		TALLOC_CTX *frame = talloc_new(NULL);

		sync_call(s, s->b, s->state, frame, NULL);
		talloc_free(frame);
	}
	return bench_now_us() - t0;
}

struct one_call {
	struct side *s;
	int conn;		/* index into s->bs, -1: s->b */
	void *r;
};

static void async_send(struct side *s, int conn);

static void async_done(struct tevent_req *req)
{
	struct one_call *c = tevent_req_callback_data(req, struct one_call);
	struct side *s = c->s;

	if (!NT_STATUS_IS_OK(dcerpc_binding_handle_call_recv(req)) ||
	    !s->call->ok(c->r)) {
		die(s, "an asynchronous call");
	}
	TALLOC_FREE(req);
	s->done++;
	if (s->sent < CALLS) {
		async_send(s, c->conn);
	}
	talloc_free(c);
}

static void async_send(struct side *s, int conn)
{
	struct one_call *c = talloc_zero(NULL, struct one_call);
	struct tevent_req *req;

	if (c == NULL) {
		exit(1);
	}
	c->s = s;
	c->conn = conn;
	c->r = s->call->make(c, conn < 0 ? s->state : s->states[conn]);
	if (c->r == NULL) {
		exit(1);
	}
	req = dcerpc_binding_handle_call_send(
		c, s->ev, conn < 0 ? s->b : s->bs[conn], NULL, s->call->table,
		s->call->opnum, c->r, c->r);
	if (req == NULL) {
		exit(1);
	}
	tevent_req_set_callback(req, async_done, c);
	s->sent++;
}

/* @depth calls in flight on one connection; calls per second */
static double async_run(struct side *s, int depth)
{
	double t0 = bench_now_us();

	s->sent = s->done = 0;
	while (s->sent < depth) {
		async_send(s, -1);
	}
	while (s->done < CALLS) {
		tevent_loop_once(s->ev);
	}
	return CALLS / ((bench_now_us() - t0) / 1e6);
}

/* CONNECTIONS connections, one call in flight on each; calls/s */
static double conns_run(struct side *s)
{
	double t0 = bench_now_us();
	int i;

	s->sent = s->done = 0;
	for (i = 0; i < CONNECTIONS; i++) {
		async_send(s, i);
	}
	while (s->done < CALLS) {
		tevent_loop_once(s->ev);
	}
	return CALLS / ((bench_now_us() - t0) / 1e6);
}

/* the PDU sizes of one call as it was answered */
static void call_sizes(struct side *s, TALLOC_CTX *mem)
{
	const struct ndr_interface_call *call =
		&s->call->table->calls[s->call->opnum];
	struct ndr_push *push;
	void *r = NULL;

	sync_call(s, s->b, s->state, mem, &r);
	push = ndr_push_init_ctx(mem);
	if (push == NULL ||
	    !NDR_ERR_CODE_IS_SUCCESS(call->ndr_push(push, NDR_IN, r))) {
		die(s, "pushing the request");
	}
	s->req = PDU_HEADER + push->offset;
	push = ndr_push_init_ctx(mem);
	if (push == NULL ||
	    !NDR_ERR_CODE_IS_SUCCESS(call->ndr_push(push, NDR_OUT, r))) {
		die(s, "pushing the response");
	}
	s->resp = PDU_HEADER + push->offset;
}

static void setup(TALLOC_CTX *mem, struct side *s, const char *host,
		  struct cli_credentials *creds, struct loadparm_context *lp)
{
	int i;

	s->b = np_connect(mem, s, host, creds, lp);
	if (!s->call->open(s->b, mem, &s->state)) {
		die(s, "opening the handle");
	}
	for (i = 0; i < CONNECTIONS; i++) {
		s->bs[i] = np_connect(mem, s, host, creds, lp);
		if (!s->call->open(s->bs[i], mem, &s->states[i])) {
			die(s, "opening a handle");
		}
	}
	call_sizes(s, mem);
}

int main(int argc, const char **argv)
{
	TALLOC_CTX *mem = talloc_new(NULL);
	struct tevent_context *ev = tevent_context_init(mem);
	struct side cl = { .call = &np_clusapi_call, .ev = ev };
	struct side sa = { .call = &np_samr_call, .ev = ev };
	struct side *order[2];
	double cs[RUNS], ss[RUNS], ca[RUNS], sa_[RUNS], cc[RUNS], sc[RUNS];
	struct loadparm_context *lp;
	struct cli_credentials *creds;
	const char *only = argc == 5 ? argv[4] : "";
	bool all = only[0] == '\0';
	bool sync_ = all || strcmp(only, "sync") == 0;
	bool inflight = all || strcmp(only, "inflight") == 0;
	bool conns = all || strcmp(only, "conns") == 0;
	int i;

	if ((argc != 4 && argc != 5) || !(sync_ || inflight || conns)) {
		fprintf(stderr, "usage: npbench HOST SMB_PORT USER%%PASSWORD "
			"[sync|inflight|conns]\n");
		return 2;
	}
	if (!NT_STATUS_IS_OK(dcerpc_init())) {
		return 1;
	}
	lp = loadparm_init_global(false);
	creds = cli_credentials_init(mem);
	if (ev == NULL || lp == NULL || creds == NULL ||
	    !lpcfg_set_cmdline(lp, "smb ports", argv[2]) ||
	    !cli_credentials_set_conf(creds, lp)) {
		return 1;
	}
	cli_credentials_parse_string(creds, argv[3], CRED_SPECIFIED);
	cli_credentials_set_kerberos_state(creds, CRED_USE_KERBEROS_DISABLED,
					   CRED_SPECIFIED);

	setup(mem, &cl, argv[1], creds, lp);
	setup(mem, &sa, argv[1], creds, lp);
	printf("over ncacn_np through one smbd, %d calls per run, median of "
	       "%d runs:\n", CALLS, RUNS);
	printf("    %s: request %zu bytes, response %zu bytes\n",
	       cl.call->name, cl.req, cl.resp);
	printf("    baseline %s: request %zu bytes, response %zu bytes\n",
	       sa.call->name, sa.req, sa.resp);

	/* warm-up */
	for (i = 0; i < 2; i++) {
		struct side *x = i == 0 ? &cl : &sa;

		if (sync_) {
			sync_run(x);
		}
		if (inflight) {
			async_run(x, IN_FLIGHT);
		}
		if (conns) {
			conns_run(x);
		}
	}
	for (i = 0; i < RUNS; i++) {
		/* which side goes first alternates */
		order[0] = i % 2 ? &sa : &cl;
		order[1] = i % 2 ? &cl : &sa;
		if (sync_) {
			(order[0] == &cl ? cs : ss)[i] =
				sync_run(order[0]) / CALLS;
			(order[1] == &cl ? cs : ss)[i] =
				sync_run(order[1]) / CALLS;
		}
		if (inflight) {
			(order[0] == &cl ? ca : sa_)[i] =
				async_run(order[0], IN_FLIGHT);
			(order[1] == &cl ? ca : sa_)[i] =
				async_run(order[1], IN_FLIGHT);
		}
		if (conns) {
			(order[0] == &cl ? cc : sc)[i] = conns_run(order[0]);
			(order[1] == &cl ? cc : sc)[i] = conns_run(order[1]);
		}
	}
	if (sync_) {
		bench_report("np_getgroupstate_sync_latency", bench_median(cs, RUNS),
		       bench_median(ss, RUNS), "us");
	}
	if (inflight) {
		bench_report("np_getgroupstate_32_in_flight", bench_median(ca, RUNS),
		       bench_median(sa_, RUNS), "calls/s");
	}
	if (conns) {
		bench_report("np_getgroupstate_16_connections", bench_median(cc, RUNS),
		       bench_median(sc, RUNS), "calls/s");
	}
	talloc_free(mem);
	return 0;
}
