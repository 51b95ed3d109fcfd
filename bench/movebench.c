/*
 * movebench: how soon clusapi_move_group_recv() returns after the server
 * completed the move, waiting on notifications and by 5 s polling (the
 * 4.2 flow as written), measured side by side
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: movebench BINDING
 *
 * An observer on its own connection reads ApiGetGroupState every
 * millisecond; the moment it first sees the group Online on the target
 * is taken as the completion. Detection = the flow's return minus that
 * moment (so accurate to about a millisecond). The polling runs are the
 * baseline, interleaved with the notification runs; median of RUNS.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <talloc.h>
#include <tevent.h>
#include <param.h>
#include <credentials.h>
#include <core/werror.h>
#include <dcerpc.h>

#include "lib/libclusapi.h"
#include "bench/bench_util.h"
#include "librpc/gen_ndr/ndr_clusapi_c.h"

#define RUNS 5
#define GROUP "Application Group"

struct observer {
	struct tevent_context *ev;
	struct dcerpc_binding_handle *b;
	struct policy_handle group;
	const char *target;
	double seen;		/* 0 until Online on the target */
	bool busy;
	enum CLUSTER_GROUP_STATE state;
	const char *node;
	WERROR status;
};

static void observe(struct tevent_context *ev, struct tevent_timer *te,
		    struct timeval now, void *private_data);

static void observed(struct tevent_req *req)
{
	struct observer *o = tevent_req_callback_data(req, struct observer);
	WERROR result;

	o->busy = false;
	if (NT_STATUS_IS_OK(dcerpc_ApiGetGroupState_recv(req, o, &result)) &&
	    W_ERROR_IS_OK(result) && o->state == ClusterGroupOnline &&
	    strcasecmp(o->node, o->target) == 0 && o->seen == 0) {
		o->seen = (bench_now_us() / 1e3);
	}
	talloc_free(req);
}

static void observe(struct tevent_context *ev, struct tevent_timer *te,
		    struct timeval now, void *private_data)
{
	struct observer *o = private_data;
	struct tevent_req *req;

	if (o->seen != 0) {
		return;
	}
	if (!o->busy) {
		req = dcerpc_ApiGetGroupState_send(o, ev, o->b, o->group,
						   &o->state, &o->node,
						   &o->status);
		if (req != NULL) {
			tevent_req_set_callback(req, observed, o);
			o->busy = true;
		}
	}
	tevent_add_timer(ev, o, tevent_timeval_current_ofs(0, 1000), observe,
			 o);
}

/* One move to @target; the detection delay in ms, < 0 on failure */
static double one_move(struct clusapi_conn *conn, struct observer *o,
		       const char *target, bool notify)
{
	struct clusapi_move_opts opts = {
		.wait = true,
		.no_notify = !notify,
		.poll_interval_ms = CLUSAPI_DEFAULT_POLL_INTERVAL_MS,
	};
	struct clusapi_flow_result *res = NULL;
	struct tevent_req *req;
	double done;

	o->target = target;
	o->seen = 0;
	req = clusapi_move_group_send(o, o->ev, conn, GROUP, target, &opts);
	if (req == NULL) {
		return -1;
	}
	observe(o->ev, NULL, tevent_timeval_zero(), o);
	if (!tevent_req_poll(req, o->ev)) {
		return -1;
	}
	done = (bench_now_us() / 1e3);
	if (!NT_STATUS_IS_OK(clusapi_move_group_recv(req, o, &res)) ||
	    res->outcome != CLUSAPI_OUTCOME_DONE || o->seen == 0 ||
	    res->used_notify != notify) {
		fprintf(stderr, "move to %s: %s\n", target, res != NULL ?
			clusapi_outcome_name(res->outcome) : "failed");
		return -1;
	}
	TALLOC_FREE(req);
	return done - o->seen;
}

int main(int argc, const char **argv)
{
	TALLOC_CTX *mem = talloc_new(NULL);
	struct observer *o = talloc_zero(mem, struct observer);
	struct loadparm_context *lp = loadparm_init_global(false);
	struct cli_credentials *anon = cli_credentials_init_anon(mem);
	struct clusapi_conn *conn = NULL;
	struct dcerpc_pipe *p = NULL;
	double n[RUNS], poll[RUNS], nm, pm;
	WERROR status, rpc_status;
	int i;

	if (argc != 2) {
		fprintf(stderr, "usage: movebench BINDING\n");
		return 2;
	}
	o->ev = tevent_context_init(mem);
	if (!NT_STATUS_IS_OK(clusapi_connect(mem, o->ev, lp, argv[1], anon, 0,
					     &conn)) ||
	    !NT_STATUS_IS_OK(dcerpc_pipe_connect(mem, &p, argv[1],
						 &ndr_table_clusapi, anon,
						 o->ev, lp)) ||
	    !NT_STATUS_IS_OK(dcerpc_ApiOpenGroup(p->binding_handle, mem,
						 GROUP, &status, &rpc_status,
						 &o->group)) ||
	    !W_ERROR_IS_OK(status)) {
		fprintf(stderr, "cannot connect to %s\n", argv[1]);
		return 1;
	}
	o->b = p->binding_handle;

	/* warm-up, then notification and polling runs interleaved */
	if (one_move(conn, o, "NodeB", true) < 0) {
		return 1;
	}
	/* each move goes back and forth between NodeA and NodeB */
	for (i = 0; i < RUNS; i++) {
		n[i] = one_move(conn, o, "NodeA", true);
		poll[i] = one_move(conn, o, "NodeB", false);
		if (n[i] < 0 || poll[i] < 0) {
			return 1;
		}
	}
	nm = bench_median(n, RUNS);
	pm = bench_median(poll, RUNS);
	/* three decimals: the ratio is far below 0.01 */
	printf("BENCH move_detection_notify=%.1f ms (baseline=%.1f, "
	       "ratio=%.3f)\n", nm, pm, nm / pm);
	printf("    baseline: the 4.2 flow as written, polling "
	       "ApiGetGroupState every %d ms\n",
	       CLUSAPI_DEFAULT_POLL_INTERVAL_MS);
	talloc_free(mem);
	return 0;
}
