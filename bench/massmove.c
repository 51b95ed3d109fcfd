/*
 * massmove: 1,000 groups moved by 32 clients at once, against the same
 * moves made by one client, one after the other
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: massmove BINDING NGROUPS
 *
 * The server serves groups "Group 1" .. "Group N" (config [groups]). A
 * round moves every group to the other of NodeA/NodeB with the 4.2
 * flow, waiting for each; every move must end DONE, Online on its
 * target. Prints moves per second of the 32-client round against the
 * one-client round.
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

#include "lib/libclusapi.h"

#define CLIENTS 32

struct round {
	struct tevent_context *ev;
	struct clusapi_conn **conns;
	int nconns;
	int ngroups;
	int next;		/* next group to move */
	int done;
	int failed;
	const char *target;
};

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

struct slot {
	struct round *r;
	int conn;
};

static void slot_done(struct tevent_req *req)
{
	struct slot *s = tevent_req_callback_data(req, struct slot);
	struct clusapi_flow_result *res = NULL;
	struct round *r = s->r;

	if (!NT_STATUS_IS_OK(clusapi_move_group_recv(req, s, &res)) ||
	    res->outcome != CLUSAPI_OUTCOME_DONE ||
	    res->state != CLUSAPI_GROUP_ONLINE ||
	    strcasecmp(res->owner, r->target) != 0) {
		r->failed++;
	}
	TALLOC_FREE(req);
	r->done++;
	if (r->next < r->ngroups) {
		struct clusapi_move_opts opts = { .wait = true };
		char *name = talloc_asprintf(s, "Group %d", ++r->next);

		req = clusapi_move_group_send(s, r->ev, r->conns[s->conn],
					      name, r->target, &opts);
		if (req == NULL) {
			r->failed++;
			r->done++;
			return;
		}
		tevent_req_set_callback(req, slot_done, s);
	}
}

/* One round over @nconns connections; moves per second */
static double run_round(struct round *r, int nconns, const char *target)
{
	double t0 = now_s();
	int i;

	r->nconns = nconns;
	r->next = r->done = r->failed = 0;
	r->target = target;
	for (i = 0; i < nconns && r->next < r->ngroups; i++) {
		struct slot *s = talloc_zero(r->conns[i], struct slot);
		struct clusapi_move_opts opts = { .wait = true };
		struct tevent_req *req;
		char *name = talloc_asprintf(s, "Group %d", ++r->next);

		s->r = r;
		s->conn = i;
		req = clusapi_move_group_send(s, r->ev, r->conns[i], name,
					      target, &opts);
		if (req == NULL) {
			return -1;
		}
		tevent_req_set_callback(req, slot_done, s);
	}
	while (r->done < r->ngroups) {
		tevent_loop_once(r->ev);
	}
	if (r->failed > 0) {
		fprintf(stderr, "%d of %d moves to %s failed\n", r->failed,
			r->ngroups, target);
		return -1;
	}
	return r->ngroups / (now_s() - t0);
}

int main(int argc, const char **argv)
{
	TALLOC_CTX *mem = talloc_new(NULL);
	struct loadparm_context *lp = loadparm_init_global(false);
	struct cli_credentials *anon = cli_credentials_init_anon(mem);
	struct round r = { 0 };
	double one, many;
	int i;

	if (argc != 3) {
		fprintf(stderr, "usage: massmove BINDING NGROUPS\n");
		return 2;
	}
	r.ev = tevent_context_init(mem);
	r.ngroups = atoi(argv[2]);
	r.conns = talloc_zero_array(mem, struct clusapi_conn *, CLIENTS);
	for (i = 0; i < CLIENTS; i++) {
		if (!NT_STATUS_IS_OK(clusapi_connect(mem, r.ev, lp, argv[1],
						     anon, 0, &r.conns[i]))) {
			fprintf(stderr, "connect %d failed\n", i);
			return 1;
		}
	}
	one = run_round(&r, 1, "NodeB");
	many = run_round(&r, CLIENTS, "NodeA");
	if (one < 0 || many < 0) {
		return 1;
	}
	printf("BENCH moves_32_clients=%.1f moves/s (baseline=%.1f, "
	       "ratio=%.2f)\n", many, one, many / one);
	printf("    %d groups, every move Online on its target; baseline: "
	       "the same moves by one client, one after the other\n",
	       r.ngroups);
	talloc_free(mem);
	return 0;
}
