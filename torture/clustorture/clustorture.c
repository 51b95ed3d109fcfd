/*
 * clustorture: the MS-CMRP 4.2 move flow of libclusapi against a
 * running clusapid
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: clustorture [-U USER%PASS] [--option NAME=VALUE ...] BINDING
 *
 * Anonymous without -U. --option sets smb.conf options of the client
 * (for ncacn_np: "smb ports=N", "client smb encrypt=required").
 *
 * The server must serve torture/clustorture/cluster.conf (nodes NodeA,
 * NodeB, NodeC up and NodeD down; "Web" on NodeA, "Pinned" whose
 * resource may not run on NodeC). Each test prints PASS or FAIL with
 * the reason; the last lines are cmocka's summary form, which
 * torture/run_tests counts. Time limits are generous bounds for a
 * loaded machine, never measurements.
 */

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <talloc.h>
#include <tevent.h>
#include <param.h>
#include <credentials.h>
#include <core/werror.h>
#include <core/ntstatus.h>

#include "lib/libclusapi.h"

#define BOUND_MS 60000		/* longest any flow may take */

struct torture {
	TALLOC_CTX *mem;
	struct tevent_context *ev;
	struct loadparm_context *lp_ctx;
	struct cli_credentials *anon;	/* the caller: anonymous or -U */
	const char *binding;
	struct clusapi_conn *conn;
	char *why;
};

static bool failf(struct torture *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static bool failf(struct torture *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	TALLOC_FREE(t->why);
	t->why = talloc_vasprintf(t->mem, fmt, ap);
	va_end(ap);
	return false;
}

static bool connect_one(struct torture *t, uint32_t flags,
			struct clusapi_conn **conn)
{
	NTSTATUS status;

	status = clusapi_connect(t->mem, t->ev, t->lp_ctx, t->binding,
				 t->anon, flags, conn);
	if (!NT_STATUS_IS_OK(status)) {
		return failf(t, "connect %s: %s", t->binding,
			     nt_errstr(status));
	}
	return true;
}

/* Run @req to completion (bounded) */
static bool run(struct torture *t, struct tevent_req *req)
{
	if (req == NULL) {
		return failf(t, "out of memory");
	}
	tevent_req_set_endtime(req, t->ev,
			       tevent_timeval_current_ofs(BOUND_MS / 1000, 0));
	if (!tevent_req_poll(req, t->ev)) {
		return failf(t, "event loop failed");
	}
	return true;
}

static bool move(struct torture *t, struct clusapi_conn *conn,
		 const char *group, const char *node,
		 const struct clusapi_move_opts *opts,
		 struct clusapi_flow_result **res)
{
	struct tevent_req *req;
	NTSTATUS status;

	req = clusapi_move_group_send(t->mem, t->ev, conn, group, node, opts);
	if (!run(t, req)) {
		return false;
	}
	status = clusapi_move_group_recv(req, t->mem, res);
	TALLOC_FREE(req);
	if (!NT_STATUS_IS_OK(status)) {
		return failf(t, "move %s to %s: %s", group, node,
			     nt_errstr(status));
	}
	return true;
}

/* The group's state and owner now, by a flow that changes nothing */
static bool group_state(struct torture *t, const char *group,
			uint32_t *state, const char **owner)
{
	struct clusapi_move_opts opts = { .wait = false };
	struct clusapi_flow_result *res = NULL;

	/*
	 * The 4.2 flow reads the state (ApiGetGroupState) before it opens
	 * the target node; an unknown node ends it there, changing nothing.
	 */
	if (!move(t, t->conn, group, "NoSuchNode", &opts, &res)) {
		return false;
	}
	*state = res->initial_state;
	*owner = res->initial_owner;
	return true;
}

static bool wait_settled(struct torture *t, const char *group,
			 uint32_t *state, const char **owner)
{
	int i;

	for (i = 0; i < BOUND_MS / 100; i++) {
		if (!group_state(t, group, state, owner)) {
			return false;
		}
		if (*state != CLUSAPI_GROUP_PENDING) {
			return true;
		}
		usleep(100 * 1000);
	}
	return failf(t, "%s still Pending after %d ms", group, BOUND_MS);
}

static bool saw_step(const struct clusapi_flow_result *res,
		     enum clusapi_step step)
{
	uint32_t i;

	for (i = 0; i < res->num_events; i++) {
		if (res->events[i].step == step) {
			return true;
		}
	}
	return false;
}

static bool expect_refused(struct torture *t, const char *group,
			   const char *node, WERROR want)
{
	struct clusapi_move_opts opts = { .wait = true };
	struct clusapi_flow_result *res = NULL;
	uint32_t before, after;
	const char *owner_before, *owner_after;

	if (!wait_settled(t, group, &before, &owner_before) ||
	    !move(t, t->conn, group, node, &opts, &res)) {
		return false;
	}
	if (res->outcome != CLUSAPI_OUTCOME_REFUSED) {
		return failf(t, "move to %s: outcome %s, want refused", node,
			     clusapi_outcome_name(res->outcome));
	}
	if (!W_ERROR_EQUAL(res->werr, want)) {
		return failf(t, "move to %s: %s, want %s", node,
			     clusapi_werror_name(res->werr),
			     clusapi_werror_name(want));
	}
	if (!group_state(t, group, &after, &owner_after)) {
		return false;
	}
	if (after != before || strcasecmp(owner_after, owner_before) != 0) {
		return failf(t, "refused move changed %s: %s on %s, was %s on "
			     "%s", group,
			     clusapi_state_name(CLUSAPI_OBJECT_GROUP, after),
			     owner_after,
			     clusapi_state_name(CLUSAPI_OBJECT_GROUP, before),
			     owner_before);
	}
	return true;
}

/* MS-CMRP 4.2 end to end, the wait driven by the v2 notification port */
static bool test_flow_4_2(struct torture *t)
{
	struct clusapi_move_opts opts = { .wait = true };
	struct clusapi_flow_result *res = NULL;
	static const enum clusapi_step steps[] = {
		CLUSAPI_STEP_OPEN_CLUSTER, CLUSAPI_STEP_OPEN_GROUP,
		CLUSAPI_STEP_GROUP_STATE, CLUSAPI_STEP_OPEN_NODE,
		CLUSAPI_STEP_MOVE, CLUSAPI_STEP_NOTIFY_READY,
		CLUSAPI_STEP_NOTIFICATION, CLUSAPI_STEP_DONE,
	};
	size_t i;

	if (!move(t, t->conn, "Web", "NodeB", &opts, &res)) {
		return false;
	}
	if (res->outcome != CLUSAPI_OUTCOME_DONE) {
		return failf(t, "outcome %s (%s)",
			     clusapi_outcome_name(res->outcome),
			     clusapi_werror_name(res->werr));
	}
	if (res->state != CLUSAPI_GROUP_ONLINE ||
	    strcasecmp(res->owner, "NodeB") != 0) {
		return failf(t, "ended %s on %s",
			     clusapi_state_name(CLUSAPI_OBJECT_GROUP,
						res->state), res->owner);
	}
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		if (!saw_step(res, steps[i])) {
			return failf(t, "step %d of 4.2 not seen",
				     (int)steps[i]);
		}
	}
	if (!res->used_notify) {
		return failf(t, "the wait did not use notifications");
	}
	return true;
}

static bool test_already_owner(struct torture *t)
{
	struct clusapi_move_opts opts = { .wait = true };
	struct clusapi_flow_result *res = NULL;
	uint32_t state;
	const char *owner;

	if (!wait_settled(t, "Web", &state, &owner) ||
	    !move(t, t->conn, "Web", owner, &opts, &res)) {
		return false;
	}
	if (res->outcome != CLUSAPI_OUTCOME_ALREADY) {
		return failf(t, "outcome %s, want already",
			     clusapi_outcome_name(res->outcome));
	}
	if (saw_step(res, CLUSAPI_STEP_MOVE)) {
		return failf(t, "a move call was made");
	}
	return true;
}

static bool node_op(struct torture *t, const char *node, bool pause,
		    WERROR *werr)
{
	struct tevent_req *req;
	const char *call = NULL;
	char *name = NULL;
	NTSTATUS status;

	req = pause ? clusapi_node_pause_send(t->mem, t->ev, t->conn, node,
					      false, NULL) :
		clusapi_node_resume_send(t->mem, t->ev, t->conn, node, false);
	if (!run(t, req)) {
		return false;
	}
	status = clusapi_node_op_recv(req, t->mem, werr, &call, &name);
	TALLOC_FREE(req);
	if (!NT_STATUS_IS_OK(status)) {
		return failf(t, "%s %s: %s", pause ? "pause" : "resume", node,
			     nt_errstr(status));
	}
	return true;
}

static bool test_target_paused(struct torture *t)
{
	WERROR werr;
	bool ok;

	if (!node_op(t, "NodeC", true, &werr)) {
		return false;
	}
	if (!W_ERROR_IS_OK(werr)) {
		return failf(t, "pause NodeC: %s", clusapi_werror_name(werr));
	}
	ok = expect_refused(t, "Web", "NodeC",
			    W_ERROR(0x13ce) /* CLUSTER_NODE_PAUSED */);
	/* the pause took effect when it returned: a resume succeeds now */
	if (!node_op(t, "NodeC", false, &werr)) {
		return false;
	}
	if (!W_ERROR_IS_OK(werr)) {
		return failf(t, "resume NodeC: %s", clusapi_werror_name(werr));
	}
	return ok;
}

static bool test_target_down(struct torture *t)
{
	return expect_refused(t, "Web", "NodeD",
			      W_ERROR(0x138d) /* HOST_NODE_NOT_AVAILABLE */);
}

static bool test_not_possible_owner(struct torture *t)
{
	return expect_refused(t, "Pinned", "NodeC",
			      W_ERROR(0x1398) /* HOST_NODE_NOT_GROUP_OWNER */);
}

static bool test_unknown_node(struct torture *t)
{
	return expect_refused(t, "Web", "NodeX",
			      W_ERROR(0x13b2) /* CLUSTER_NODE_NOT_FOUND */);
}

/* Two clients move one group at once: one wins, the other is refused */
static bool test_two_clients(struct torture *t)
{
	struct clusapi_move_opts opts = { .wait = true };
	struct clusapi_flow_result *r1 = NULL, *r2 = NULL;
	struct clusapi_conn *other = NULL;
	struct tevent_req *q1, *q2;
	struct clusapi_flow_result *win, *lose;
	const char *owner;
	uint32_t state;

	if (!wait_settled(t, "Web", &state, &owner) ||
	    !connect_one(t, 0, &other)) {
		return false;
	}
	q1 = clusapi_move_group_send(t->mem, t->ev, t->conn, "Web",
				     strcasecmp(owner, "NodeA") == 0 ?
				     "NodeB" : "NodeA", &opts);
	q2 = clusapi_move_group_send(t->mem, t->ev, other, "Web", "NodeC",
				     &opts);
	if (!run(t, q1) || !run(t, q2)) {
		return false;
	}
	if (!NT_STATUS_IS_OK(clusapi_move_group_recv(q1, t->mem, &r1)) ||
	    !NT_STATUS_IS_OK(clusapi_move_group_recv(q2, t->mem, &r2))) {
		return failf(t, "a flow failed at the RPC level");
	}
	win = r1->outcome == CLUSAPI_OUTCOME_DONE ? r1 : r2;
	lose = win == r1 ? r2 : r1;
	if (win->outcome != CLUSAPI_OUTCOME_DONE ||
	    lose->outcome != CLUSAPI_OUTCOME_REFUSED ||
	    !W_ERROR_EQUAL(lose->werr, W_ERROR(0x1714))) {
		return failf(t, "outcomes %s/%s (%s), want one done, one "
			     "refused with ERROR_CLUSTER_GROUP_MOVING",
			     clusapi_outcome_name(r1->outcome),
			     clusapi_outcome_name(r2->outcome),
			     clusapi_werror_name(lose->werr));
	}
	if (!wait_settled(t, "Web", &state, &owner)) {
		return false;
	}
	if (state != CLUSAPI_GROUP_ONLINE ||
	    strcasecmp(owner, win->target) != 0) {
		return failf(t, "ended %s on %s, the winner moved it to %s",
			     clusapi_state_name(CLUSAPI_OBJECT_GROUP, state),
			     owner, win->target);
	}
	TALLOC_FREE(other);
	return true;
}

/* A timeout ends the wait, not the move */
static bool test_timeout_keeps_move(struct torture *t)
{
	struct clusapi_move_opts opts = { .wait = true, .timeout_ms = 1 };
	struct clusapi_flow_result *res = NULL;
	const char *owner, *target;
	uint32_t state;

	if (!wait_settled(t, "Web", &state, &owner)) {
		return false;
	}
	target = strcasecmp(owner, "NodeA") == 0 ? "NodeB" : "NodeA";
	if (!move(t, t->conn, "Web", target, &opts, &res)) {
		return false;
	}
	if (res->outcome != CLUSAPI_OUTCOME_TIMED_OUT ||
	    res->cancel_requested) {
		return failf(t, "outcome %s%s, want timed out, no cancel",
			     clusapi_outcome_name(res->outcome),
			     res->cancel_requested ? " with cancel" : "");
	}
	if (!wait_settled(t, "Web", &state, &owner)) {
		return false;
	}
	if (state != CLUSAPI_GROUP_ONLINE || strcasecmp(owner, target) != 0) {
		return failf(t, "after the timeout the move ended %s on %s",
			     clusapi_state_name(CLUSAPI_OBJECT_GROUP, state),
			     owner);
	}
	return true;
}

/* With cancel_on_timeout the move is cancelled and the group settles */
static bool test_timeout_cancels(struct torture *t)
{
	struct clusapi_move_opts opts = {
		.wait = true, .timeout_ms = 1, .cancel_on_timeout = true,
	};
	struct clusapi_flow_result *res = NULL;
	const char *owner, *target;
	uint32_t state;

	if (!wait_settled(t, "Web", &state, &owner)) {
		return false;
	}
	target = strcasecmp(owner, "NodeA") == 0 ? "NodeB" : "NodeA";
	if (!move(t, t->conn, "Web", target, &opts, &res)) {
		return false;
	}
	if (res->outcome != CLUSAPI_OUTCOME_TIMED_OUT ||
	    !res->cancel_requested ||
	    !(W_ERROR_IS_OK(res->cancel_werr) ||
	      W_ERROR_EQUAL(res->cancel_werr, WERR_IO_PENDING))) {
		return failf(t, "outcome %s, cancel %s (%s)",
			     clusapi_outcome_name(res->outcome),
			     res->cancel_requested ? "asked" : "not asked",
			     clusapi_werror_name(res->cancel_werr));
	}
	if (!wait_settled(t, "Web", &state, &owner)) {
		return false;
	}
	if (state == CLUSAPI_GROUP_FAILED) {
		return failf(t, "the cancelled move left the group Failed");
	}
	return true;
}

/* Without notifications the flow polls ApiGetGroupState */
static bool test_polling_fallback(struct torture *t)
{
	struct clusapi_move_opts opts = {
		.wait = true, .no_notify = true, .poll_interval_ms = 50,
	};
	struct clusapi_flow_result *res = NULL;
	const char *owner, *target;
	uint32_t state;

	if (!wait_settled(t, "Web", &state, &owner)) {
		return false;
	}
	target = strcasecmp(owner, "NodeA") == 0 ? "NodeB" : "NodeA";
	if (!move(t, t->conn, "Web", target, &opts, &res)) {
		return false;
	}
	if (res->outcome != CLUSAPI_OUTCOME_DONE || res->used_notify ||
	    strcasecmp(res->owner, target) != 0) {
		return failf(t, "outcome %s on %s, notifications %s",
			     clusapi_outcome_name(res->outcome), res->owner,
			     res->used_notify ? "used" : "not used");
	}
	return true;
}

int main(int argc, const char **argv)
{
	static const struct {
		const char *name;
		bool (*fn)(struct torture *t);
	} tests[] = {
		{ "move.flow_4_2", test_flow_4_2 },
		{ "move.already_owner", test_already_owner },
		{ "move.target_paused", test_target_paused },
		{ "move.target_down", test_target_down },
		{ "move.not_possible_owner", test_not_possible_owner },
		{ "move.unknown_node", test_unknown_node },
		{ "move.two_clients", test_two_clients },
		{ "move.timeout_keeps_move", test_timeout_keeps_move },
		{ "move.timeout_cancels", test_timeout_cancels },
		{ "move.polling_fallback", test_polling_fallback },
	};
	struct torture t = { .mem = talloc_new(NULL) };
	const char *user = NULL;
	bool kerberos = false;
	int passed = 0, failed = 0;
	size_t i;

	t.ev = tevent_context_init(t.mem);
	t.lp_ctx = loadparm_init_global(false);
	if (t.ev == NULL || t.lp_ctx == NULL) {
		fprintf(stderr, "clustorture: out of memory\n");
		return 2;
	}
	for (i = 1; i + 1 < (size_t)argc; i += 2) {
		const char *val = argv[i + 1];

		if (strcmp(argv[i], "-k") == 0) {
			/* Kerberos with the ticket of KRB5CCNAME */
			kerberos = true;
			i--;
		} else if (strcmp(argv[i], "-U") == 0) {
			user = val;
		} else if (strcmp(argv[i], "--option") == 0 &&
			   strchr(val, '=') != NULL) {
			char *name = talloc_strndup(t.mem, val,
						    strchr(val, '=') - val);

			if (name == NULL ||
			    !lpcfg_set_cmdline(t.lp_ctx, name,
					       strchr(val, '=') + 1)) {
				fprintf(stderr, "clustorture: bad option "
					"\"%s\"\n", val);
				return 2;
			}
		} else {
			break;
		}
	}
	if (i + 1 != (size_t)argc) {
		fprintf(stderr, "usage: clustorture [-U USER%%PASS | -k] "
			"[--option NAME=VALUE ...] BINDING\n");
		return 2;
	}
	t.binding = argv[i];
	if (user == NULL && !kerberos) {
		t.anon = cli_credentials_init_anon(t.mem);
	} else {
		t.anon = cli_credentials_init(t.mem);
		if (t.anon != NULL) {
			cli_credentials_guess(t.anon, t.lp_ctx);
		}
		if (t.anon != NULL && user != NULL) {
			cli_credentials_parse_string(t.anon, user,
						     CRED_SPECIFIED);
		}
		if (t.anon != NULL && kerberos) {
			cli_credentials_set_kerberos_state(
				t.anon, CRED_USE_KERBEROS_REQUIRED,
				CRED_SPECIFIED);
		}
	}
	if (t.anon == NULL) {
		fprintf(stderr, "clustorture: out of memory\n");
		return 2;
	}
	if (!connect_one(&t, 0, &t.conn)) {
		printf("FAIL: connect: %s\n", t.why);
		printf("[  FAILED  ] 1 test(s).\n");
		return 1;
	}
	for (i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
		TALLOC_FREE(t.why);
		if (tests[i].fn(&t)) {
			printf("PASS: %s\n", tests[i].name);
			passed++;
		} else {
			printf("FAIL: %s: %s\n", tests[i].name,
			       t.why != NULL ? t.why : "?");
			failed++;
		}
		fflush(stdout);
	}
	printf("[  PASSED  ] %d test(s).\n", passed);
	if (failed > 0) {
		printf("[  FAILED  ] %d test(s).\n", failed);
	}
	talloc_free(t.mem);
	return failed > 0 ? 1 : 0;
}
