/*
 * clustorture: the MS-CMRP 4.2 move flow of libclusapi against a
 * running clusapid
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: clustorture [-U USER%PASS | -k] [--option NAME=VALUE ...]
 *		      [--group G] [--pinned P] [--nodes A,B,C]
 *		      [--down-node D] [--profile sim|pacemaker] BINDING
 *
 * Anonymous without -U. --option sets smb.conf options of the client
 * (for ncacn_np: "smb ports=N", "client smb encrypt=required").
 *
 * The server serves a cluster with three nodes up (--nodes), one down
 * (--down-node), a group to move (--group) and a group whose resource
 * may not run on the third node (--pinned); the defaults are the names
 * of torture/clustorture/cluster.conf (NodeA, NodeB, NodeC, NodeD, Web,
 * Pinned).  --profile says what the backend cannot do, asserted as the
 * answer it gives: pacemaker cannot cancel a running move
 * (ERROR_NOT_SUPPORTED, the move goes on to its end).  Each test prints
 * PASS or FAIL with the reason; the last lines are cmocka's summary
 * form, which torture/run_tests counts. Time limits are generous
 * bounds for a loaded machine, never measurements.
 */

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
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
	/* the cluster's names (see the usage above) */
	const char *group;
	const char *pinned;
	const char *nodes[3];
	const char *down;
	bool pacemaker;		/* --profile pacemaker */
};

/* the first of the three nodes up that is none of @a, @b */
static const char *other_node(const struct torture *t, const char *a,
			      const char *b)
{
	size_t i;

	for (i = 0; i < 2; i++) {
		if ((a == NULL || strcasecmp(t->nodes[i], a) != 0) &&
		    (b == NULL || strcasecmp(t->nodes[i], b) != 0)) {
			break;
		}
	}
	return t->nodes[i];
}

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
	const char *owner, *target;
	uint32_t state;
	static const enum clusapi_step steps[] = {
		CLUSAPI_STEP_OPEN_CLUSTER, CLUSAPI_STEP_OPEN_GROUP,
		CLUSAPI_STEP_GROUP_STATE, CLUSAPI_STEP_OPEN_NODE,
		CLUSAPI_STEP_MOVE, CLUSAPI_STEP_NOTIFY_READY,
		CLUSAPI_STEP_NOTIFICATION, CLUSAPI_STEP_DONE,
	};
	size_t i;

	if (!wait_settled(t, t->group, &state, &owner)) {
		return false;
	}
	target = other_node(t, owner, NULL);
	if (!move(t, t->conn, t->group, target, &opts, &res)) {
		return false;
	}
	if (res->outcome != CLUSAPI_OUTCOME_DONE) {
		return failf(t, "outcome %s (%s)",
			     clusapi_outcome_name(res->outcome),
			     clusapi_werror_name(res->werr));
	}
	if (res->state != CLUSAPI_GROUP_ONLINE ||
	    strcasecmp(res->owner, target) != 0) {
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

	if (!wait_settled(t, t->group, &state, &owner) ||
	    !move(t, t->conn, t->group, owner, &opts, &res)) {
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
	const char *owner, *node;
	uint32_t state;
	WERROR werr;
	bool ok;

	if (!wait_settled(t, t->group, &state, &owner)) {
		return false;
	}
	node = other_node(t, owner, other_node(t, owner, NULL));
	if (!node_op(t, node, true, &werr)) {
		return false;
	}
	if (!W_ERROR_IS_OK(werr)) {
		return failf(t, "pause %s: %s", node,
			     clusapi_werror_name(werr));
	}
	ok = expect_refused(t, t->group, node,
			    W_ERROR(0x13ce) /* CLUSTER_NODE_PAUSED */);
	/* the pause took effect when it returned: a resume succeeds now */
	if (!node_op(t, node, false, &werr)) {
		return false;
	}
	if (!W_ERROR_IS_OK(werr)) {
		return failf(t, "resume %s: %s", node,
			     clusapi_werror_name(werr));
	}
	return ok;
}

static bool test_target_down(struct torture *t)
{
	return expect_refused(t, t->group, t->down,
			      W_ERROR(0x138d) /* HOST_NODE_NOT_AVAILABLE */);
}

static bool test_not_possible_owner(struct torture *t)
{
	return expect_refused(t, t->pinned, t->nodes[2],
			      W_ERROR(0x1398) /* HOST_NODE_NOT_GROUP_OWNER */);
}

static bool test_unknown_node(struct torture *t)
{
	return expect_refused(t, t->group, "NodeX",
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
	const char *owner, *t1;
	uint32_t state;

	if (!wait_settled(t, t->group, &state, &owner) ||
	    !connect_one(t, 0, &other)) {
		return false;
	}
	t1 = other_node(t, owner, NULL);
	q1 = clusapi_move_group_send(t->mem, t->ev, t->conn, t->group, t1,
				     &opts);
	q2 = clusapi_move_group_send(t->mem, t->ev, other, t->group,
				     other_node(t, owner, t1), &opts);
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
	if (!wait_settled(t, t->group, &state, &owner)) {
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

	if (!wait_settled(t, t->group, &state, &owner)) {
		return false;
	}
	target = other_node(t, owner, NULL);
	if (!move(t, t->conn, t->group, target, &opts, &res)) {
		return false;
	}
	if (res->outcome != CLUSAPI_OUTCOME_TIMED_OUT ||
	    res->cancel_requested) {
		return failf(t, "outcome %s%s, want timed out, no cancel",
			     clusapi_outcome_name(res->outcome),
			     res->cancel_requested ? " with cancel" : "");
	}
	if (!wait_settled(t, t->group, &state, &owner)) {
		return false;
	}
	if (state != CLUSAPI_GROUP_ONLINE || strcasecmp(owner, target) != 0) {
		return failf(t, "after the timeout the move ended %s on %s",
			     clusapi_state_name(CLUSAPI_OBJECT_GROUP, state),
			     owner);
	}
	return true;
}

/*
 * Did the cancel answer what the backend can do?  The simulation
 * cancels (OK, or IO_PENDING while it stops); Pacemaker cannot stop a
 * transition half way: ERROR_NOT_SUPPORTED, and the move goes on.
 */
static bool cancel_answer_ok(const struct torture *t, WERROR werr)
{
	if (t->pacemaker) {
		return W_ERROR_EQUAL(werr, W_ERROR(0x32));
	}
	return W_ERROR_IS_OK(werr) || W_ERROR_EQUAL(werr, WERR_IO_PENDING);
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

	if (!wait_settled(t, t->group, &state, &owner)) {
		return false;
	}
	target = other_node(t, owner, NULL);
	if (!move(t, t->conn, t->group, target, &opts, &res)) {
		return false;
	}
	if (res->outcome != CLUSAPI_OUTCOME_TIMED_OUT ||
	    !res->cancel_requested || !cancel_answer_ok(t, res->cancel_werr)) {
		return failf(t, "outcome %s, cancel %s (%s)",
			     clusapi_outcome_name(res->outcome),
			     res->cancel_requested ? "asked" : "not asked",
			     clusapi_werror_name(res->cancel_werr));
	}
	if (!wait_settled(t, t->group, &state, &owner)) {
		return false;
	}
	if (state == CLUSAPI_GROUP_FAILED) {
		return failf(t, "the cancelled move left the group Failed");
	}
	/* a refused cancel changed nothing: the move ended as asked */
	if (t->pacemaker && (state != CLUSAPI_GROUP_ONLINE ||
			     strcasecmp(owner, target) != 0)) {
		return failf(t, "the cancel was refused, yet the move ended "
			     "%s on %s",
			     clusapi_state_name(CLUSAPI_OBJECT_GROUP, state),
			     owner);
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

	if (!wait_settled(t, t->group, &state, &owner)) {
		return false;
	}
	target = other_node(t, owner, NULL);
	if (!move(t, t->conn, t->group, target, &opts, &res)) {
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

/* --nodes A,B,C */
static bool set_nodes(struct torture *t, const char *val)
{
	char *copy = talloc_strdup(t->mem, val);
	char *save = NULL, *tok;
	size_t n = 0;

	for (tok = copy ? strtok_r(copy, ",", &save) : NULL; tok != NULL;
	     tok = strtok_r(NULL, ",", &save)) {
		if (n == 3) {
			return false;
		}
		t->nodes[n++] = tok;
	}
	return n == 3;
}

static bool set_lp_option(struct torture *t, const char *val)
{
	const char *eq = strchr(val, '=');
	char *name = eq ? talloc_strndup(t->mem, val, eq - val) : NULL;

	return name != NULL && lpcfg_set_cmdline(t->lp_ctx, name, eq + 1);
}

/* one NAME VALUE pair of options; false: not one of them, or bad */
static bool set_option(struct torture *t, const char *name, const char *val,
		       const char **user)
{
	static const struct {
		const char *name;
		size_t ofs;
	} names[] = {
		{ "--group", offsetof(struct torture, group) },
		{ "--pinned", offsetof(struct torture, pinned) },
		{ "--down-node", offsetof(struct torture, down) },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcmp(name, names[i].name) == 0) {
			*(const char **)((char *)t + names[i].ofs) = val;
			return true;
		}
	}
	if (strcmp(name, "-U") == 0) {
		*user = val;
		return true;
	}
	if (strcmp(name, "--nodes") == 0) {
		return set_nodes(t, val);
	}
	if (strcmp(name, "--profile") == 0) {
		t->pacemaker = strcmp(val, "pacemaker") == 0;
		return t->pacemaker || strcmp(val, "sim") == 0;
	}
	return strcmp(name, "--option") == 0 && set_lp_option(t, val);
}

/* the options, up to the binding; false: usage error */
static bool parse_args(struct torture *t, int argc, const char **argv,
		       const char **user, bool *kerberos)
{
	int i;

	for (i = 1; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "-k") == 0) {
			/* Kerberos with the ticket of KRB5CCNAME */
			*kerberos = true;
			i--;
		} else if (!set_option(t, argv[i], argv[i + 1], user)) {
			fprintf(stderr, "clustorture: bad option %s \"%s\"\n",
				argv[i], argv[i + 1]);
			return false;
		}
	}
	if (i + 1 != argc) {
		fprintf(stderr, "usage: clustorture [-U USER%%PASS | -k] "
			"[--option NAME=VALUE ...] [--group G] [--pinned P] "
			"[--nodes A,B,C] [--down-node D] "
			"[--profile sim|pacemaker] BINDING\n");
		return false;
	}
	t->binding = argv[i];
	return true;
}

static struct cli_credentials *credentials(struct torture *t,
					   const char *user, bool kerberos)
{
	struct cli_credentials *c;

	if (user == NULL && !kerberos) {
		return cli_credentials_init_anon(t->mem);
	}
	c = cli_credentials_init(t->mem);
	if (c == NULL) {
		return NULL;
	}
	cli_credentials_guess(c, t->lp_ctx);
	if (user != NULL) {
		cli_credentials_parse_string(c, user, CRED_SPECIFIED);
	}
	if (kerberos) {
		cli_credentials_set_kerberos_state(
			c, CRED_USE_KERBEROS_REQUIRED, CRED_SPECIFIED);
	}
	return c;
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
	struct torture t = {
		.mem = talloc_new(NULL), .group = "Web", .pinned = "Pinned",
		.nodes = { "NodeA", "NodeB", "NodeC" }, .down = "NodeD",
	};
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
	if (!parse_args(&t, argc, argv, &user, &kerberos)) {
		return 2;
	}
	t.anon = credentials(&t, user, kerberos);
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
