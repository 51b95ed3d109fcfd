/*
 * libclusapi - moving a group (MS-CMRP 4.2), bringing it online or offline
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * One flow for the three operations:
 *
 *   move:    ApiOpenCluster, ApiOpenGroup, ApiGetGroupState,
 *            [ApiOpenNode], ApiMoveGroup[ToNode][Ex], [wait]
 *   online:  ApiOpenGroup, ApiGetGroupState, ApiOnlineGroup, [wait]
 *   offline: ApiOpenGroup, ApiGetGroupState, ApiOfflineGroup, [wait]
 *
 * then the handles are closed and the outcome reported.
 */

#include "lib/clusapi_private.h"

enum clusapi_group_op {
	CLUSAPI_OP_MOVE,
	CLUSAPI_OP_ONLINE,
	CLUSAPI_OP_OFFLINE,
};

struct clusapi_group_op_state {
	struct tevent_context *ev;
	struct clusapi_conn *conn;
	enum clusapi_group_op op;
	struct clusapi_move_opts opts;
	const char *group;
	const char *target;
	struct clusapi_flow_log *log;

	enum clusapi_object_type types[3];
	struct policy_handle handles[3];	/* cluster, group, node */

	int opening;			/* the H_* being opened */
	void (*after_open)(struct tevent_req *req);

	uint32_t initial_state;
	char *source;			/* owner before the operation */
	bool seen_change;
};

#define H_CLUSTER 0
#define H_GROUP 1
#define H_NODE 2

static void clusapi_group_op_open(struct tevent_req *req, int h,
				  void (*then)(struct tevent_req *req));
static void clusapi_group_op_open_group(struct tevent_req *req);
static void clusapi_group_op_get_state(struct tevent_req *req);
static void clusapi_group_op_got_state(struct tevent_req *subreq);
static void clusapi_group_op_call(struct tevent_req *req);
static void clusapi_group_op_called(struct tevent_req *subreq);
static void clusapi_group_op_wait(struct tevent_req *req);
static void clusapi_group_op_waited(struct tevent_req *subreq);
static void clusapi_group_op_end(struct tevent_req *req,
				 enum clusapi_outcome outcome);

static struct tevent_req *clusapi_group_op_send(
	TALLOC_CTX *mem_ctx, struct tevent_context *ev,
	struct clusapi_conn *conn, enum clusapi_group_op op,
	const char *group_name, const char *node_name,
	const struct clusapi_move_opts *opts)
{
	struct tevent_req *req;
	struct clusapi_group_op_state *state;
	struct clusapi_flow_result *r;

	req = tevent_req_create(mem_ctx, &state,
				struct clusapi_group_op_state);
	if (req == NULL) {
		return NULL;
	}
	state->ev = ev;
	state->conn = conn;
	state->op = op;
	if (opts != NULL) {
		state->opts = *opts;
	}
	state->types[H_CLUSTER] = CLUSAPI_OBJECT_CLUSTER;
	state->types[H_GROUP] = CLUSAPI_OBJECT_GROUP;
	state->types[H_NODE] = CLUSAPI_OBJECT_NODE;
	state->initial_state = CLUSAPI_STATE_UNKNOWN;

	if (group_name == NULL || group_name[0] == '\0' ||
	    (node_name != NULL && node_name[0] == '\0')) {
		tevent_req_nterror(req, NT_STATUS_INVALID_PARAMETER);
		return tevent_req_post(req, ev);
	}

	state->log = clusapi_flow_log_new(state, &state->opts);
	if (tevent_req_nomem(state->log, req)) {
		return tevent_req_post(req, ev);
	}
	r = state->log->result;
	state->group = r->group = talloc_strdup(r, group_name);
	if (tevent_req_nomem(r->group, req)) {
		return tevent_req_post(req, ev);
	}
	if (node_name != NULL) {
		state->target = r->target = talloc_strdup(r, node_name);
		if (tevent_req_nomem(r->target, req)) {
			return tevent_req_post(req, ev);
		}
	}

	if (op == CLUSAPI_OP_MOVE) {
		clusapi_group_op_open(req, H_CLUSTER,
				      clusapi_group_op_open_group);
	} else {
		clusapi_group_op_open_group(req);
	}
	if (!tevent_req_is_in_progress(req)) {
		return tevent_req_post(req, ev);
	}
	return req;
}

static void clusapi_group_op_log(struct clusapi_group_op_state *state,
				 enum clusapi_step step, const char *call,
				 NTSTATUS status, WERROR werr)
{
	struct clusapi_event e = {
		.step = step,
		.call = call,
		.status = status,
		.werr = werr,
		.group = state->group,
		.node = state->target,
		.state = CLUSAPI_STATE_UNKNOWN,
	};

	clusapi_flow_log_add(state->log, &e);
}

/* A call failed: remember it, close what is open, report REFUSED */
static void clusapi_group_op_refused(struct tevent_req *req,
				     const char *call, NTSTATUS status,
				     WERROR werr,
				     enum clusapi_object_type type,
				     const char *name)
{
	struct clusapi_group_op_state *state = tevent_req_data(
		req, struct clusapi_group_op_state);
	struct clusapi_flow_result *r = state->log->result;

	r->failed_call = call;
	r->status = status;
	r->werr = werr;
	r->from_server = NT_STATUS_IS_OK(status);
	r->failed_type = type;
	r->failed_name = name;
	clusapi_group_op_end(req, CLUSAPI_OUTCOME_REFUSED);
}

static bool failed(NTSTATUS status, WERROR werr)
{
	return !NT_STATUS_IS_OK(status) || !W_ERROR_IS_OK(werr);
}

/* The name of what handles[h] is for: the group, the target node */
static const char *clusapi_group_op_name(struct clusapi_group_op_state *state,
					 int h)
{
	const char *names[] = {
		[H_CLUSTER] = NULL,
		[H_GROUP] = state->group,
		[H_NODE] = state->target,
	};

	return names[h];
}

static void clusapi_group_op_opened(struct tevent_req *subreq);

/* Open handles[h], then go on with then() */
static void clusapi_group_op_open(struct tevent_req *req, int h,
				  void (*then)(struct tevent_req *req))
{
	struct clusapi_group_op_state *state = tevent_req_data(
		req, struct clusapi_group_op_state);
	struct tevent_req *subreq;

	state->opening = h;
	state->after_open = then;
	subreq = clusapi_open_send(state, state->ev, state->conn,
				   state->types[h],
				   clusapi_group_op_name(state, h));
	if (tevent_req_nomem(subreq, req)) {
		return;
	}
	tevent_req_set_callback(subreq, clusapi_group_op_opened, req);
}

static void clusapi_group_op_opened(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_group_op_state *state = tevent_req_data(
		req, struct clusapi_group_op_state);
	static const enum clusapi_step steps[] = {
		[H_CLUSTER] = CLUSAPI_STEP_OPEN_CLUSTER,
		[H_GROUP] = CLUSAPI_STEP_OPEN_GROUP,
		[H_NODE] = CLUSAPI_STEP_OPEN_NODE,
	};
	int h = state->opening;
	const char *call = clusapi_open_call_name(state->types[h]);
	WERROR werr = WERR_OK;
	NTSTATUS status;

	status = clusapi_open_recv(subreq, &state->handles[h], &werr);
	TALLOC_FREE(subreq);
	clusapi_group_op_log(state, steps[h], call, status, werr);
	if (failed(status, werr)) {
		clusapi_group_op_refused(req, call, status, werr,
					 state->types[h],
					 clusapi_group_op_name(state, h));
		return;
	}
	state->after_open(req);
}

static void clusapi_group_op_open_group(struct tevent_req *req)
{
	clusapi_group_op_open(req, H_GROUP, clusapi_group_op_get_state);
}

static void clusapi_group_op_get_state(struct tevent_req *req)
{
	struct clusapi_group_op_state *state = tevent_req_data(
		req, struct clusapi_group_op_state);
	struct tevent_req *subreq;

	subreq = clusapi_get_state_send(state, state->ev, state->conn,
					CLUSAPI_OBJECT_GROUP,
					&state->handles[H_GROUP]);
	if (tevent_req_nomem(subreq, req)) {
		return;
	}
	tevent_req_set_callback(subreq, clusapi_group_op_got_state, req);
}

static void clusapi_group_op_got_state(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_group_op_state *state = tevent_req_data(
		req, struct clusapi_group_op_state);
	struct clusapi_flow_result *r = state->log->result;
	struct clusapi_event e = {
		.step = CLUSAPI_STEP_GROUP_STATE,
		.call = "ApiGetGroupState",
		.group = state->group,
		.werr = WERR_OK,
	};
	uint32_t gstate = CLUSAPI_STATE_UNKNOWN;
	char *owner = NULL;

	e.status = clusapi_get_state_recv(subreq, state, &gstate, &owner,
					  NULL, &e.werr);
	TALLOC_FREE(subreq);
	e.state = gstate;
	e.node = owner;
	clusapi_flow_log_add(state->log, &e);
	if (failed(e.status, e.werr)) {
		clusapi_group_op_refused(req, "ApiGetGroupState", e.status,
					 e.werr, CLUSAPI_OBJECT_GROUP,
					 state->group);
		return;
	}

	state->initial_state = r->initial_state = r->state = gstate;
	state->source = owner;
	r->initial_owner = talloc_strdup(r, owner);
	r->owner = talloc_strdup(r, owner);

	switch (state->op) {
	case CLUSAPI_OP_MOVE:
		if (state->target == NULL ||
		    !clusapi_name_equal(owner, state->target)) {
			break;
		}
		if (gstate == CLUSAPI_GROUP_PENDING) {
			/*
			 * Settling here or moving away from here: only the
			 * server knows, ask it (ERROR_SUCCESS or
			 * ERROR_CLUSTER_GROUP_MOVING).
			 */
			break;
		}
		clusapi_group_op_end(req, CLUSAPI_OUTCOME_ALREADY);
		return;
	case CLUSAPI_OP_ONLINE:
		if (gstate == CLUSAPI_GROUP_ONLINE) {
			clusapi_group_op_end(req, CLUSAPI_OUTCOME_ALREADY);
			return;
		}
		break;
	case CLUSAPI_OP_OFFLINE:
		if (gstate == CLUSAPI_GROUP_OFFLINE) {
			clusapi_group_op_end(req, CLUSAPI_OUTCOME_ALREADY);
			return;
		}
		break;
	}

	if (state->op == CLUSAPI_OP_MOVE && state->target != NULL) {
		clusapi_group_op_open(req, H_NODE, clusapi_group_op_call);
		return;
	}
	clusapi_group_op_call(req);
}

static const char *clusapi_group_op_call_name(
	struct clusapi_group_op_state *state)
{
	switch (state->op) {
	case CLUSAPI_OP_ONLINE:
		return "ApiOnlineGroup";
	case CLUSAPI_OP_OFFLINE:
		return "ApiOfflineGroup";
	case CLUSAPI_OP_MOVE:
		break;
	}
	if (state->target == NULL) {
		return state->opts.move_flags != 0 ?
			"ApiMoveGroupEx" : "ApiMoveGroup";
	}
	return state->opts.move_flags != 0 ?
		"ApiMoveGroupToNodeEx" : "ApiMoveGroupToNode";
}

static void clusapi_group_op_call(struct tevent_req *req)
{
	struct clusapi_group_op_state *state = tevent_req_data(
		req, struct clusapi_group_op_state);
	struct tevent_req *subreq;

	if (state->op == CLUSAPI_OP_MOVE) {
		subreq = clusapi_move_call_send(
			state, state->ev, state->conn,
			&state->handles[H_GROUP],
			state->target != NULL ? &state->handles[H_NODE] : NULL,
			state->opts.move_flags);
	} else {
		subreq = clusapi_group_control_send(
			state, state->ev, state->conn,
			&state->handles[H_GROUP],
			state->op == CLUSAPI_OP_ONLINE);
	}
	if (tevent_req_nomem(subreq, req)) {
		return;
	}
	tevent_req_set_callback(subreq, clusapi_group_op_called, req);
}

static void clusapi_group_op_called(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_group_op_state *state = tevent_req_data(
		req, struct clusapi_group_op_state);
	const char *call = clusapi_group_op_call_name(state);
	enum clusapi_step step = CLUSAPI_STEP_MOVE;
	WERROR werr = WERR_OK;
	NTSTATUS status;

	/* the three _recv are the same */
	status = clusapi_move_call_recv(subreq, &werr);
	TALLOC_FREE(subreq);
	if (state->op == CLUSAPI_OP_ONLINE) {
		step = CLUSAPI_STEP_ONLINE;
	} else if (state->op == CLUSAPI_OP_OFFLINE) {
		step = CLUSAPI_STEP_OFFLINE;
	}
	clusapi_group_op_log(state, step, call, status, werr);

	if (!NT_STATUS_IS_OK(status) ||
	    (!W_ERROR_IS_OK(werr) &&
	     !W_ERROR_EQUAL(werr, WERR_IO_PENDING))) {
		clusapi_group_op_refused(req, call, status, werr,
					 CLUSAPI_OBJECT_GROUP, state->group);
		return;
	}
	if (!state->opts.wait) {
		clusapi_group_op_end(req, CLUSAPI_OUTCOME_STARTED);
		return;
	}
	clusapi_group_op_wait(req);
}

/* What a state read during the wait means */
static enum clusapi_wait_verdict clusapi_group_op_check(uint32_t gstate,
							const char *owner,
							void *private_data)
{
	struct clusapi_group_op_state *state = talloc_get_type_abort(
		private_data, struct clusapi_group_op_state);
	bool on_target, settled;

	if (gstate != state->initial_state ||
	    !clusapi_name_equal(owner, state->source)) {
		state->seen_change = true;
	}

	if (state->op == CLUSAPI_OP_ONLINE || state->op == CLUSAPI_OP_OFFLINE) {
		uint32_t want = state->op == CLUSAPI_OP_ONLINE ?
			CLUSAPI_GROUP_ONLINE : CLUSAPI_GROUP_OFFLINE;

		if (gstate == want ||
		    (want == CLUSAPI_GROUP_ONLINE &&
		     gstate == CLUSAPI_GROUP_PARTIAL_ONLINE)) {
			return CLUSAPI_WAIT_DONE;
		}
		if (gstate == CLUSAPI_GROUP_FAILED &&
		    (state->seen_change ||
		     state->initial_state != CLUSAPI_GROUP_FAILED)) {
			return CLUSAPI_WAIT_FAILED;
		}
		return CLUSAPI_WAIT_CONTINUE;
	}

	if (state->target != NULL) {
		on_target = clusapi_name_equal(owner, state->target);
	} else {
		/* the server picks: anywhere but where it was */
		on_target = owner != NULL &&
			!clusapi_name_equal(owner, state->source);
	}
	settled = gstate == CLUSAPI_GROUP_ONLINE ||
		  gstate == CLUSAPI_GROUP_PARTIAL_ONLINE ||
		  (gstate == CLUSAPI_GROUP_OFFLINE &&
		   state->initial_state == CLUSAPI_GROUP_OFFLINE);

	if (gstate == CLUSAPI_GROUP_FAILED &&
	    (on_target || state->seen_change ||
	     state->initial_state != CLUSAPI_GROUP_FAILED)) {
		return CLUSAPI_WAIT_FAILED;
	}
	if (on_target) {
		return settled ? CLUSAPI_WAIT_DONE : CLUSAPI_WAIT_CONTINUE;
	}
	if (settled && state->seen_change) {
		/* went somewhere else, or back (RETURN_TO_SOURCE...) */
		return CLUSAPI_WAIT_RETURNED;
	}
	return CLUSAPI_WAIT_CONTINUE;
}

static void clusapi_group_op_wait(struct tevent_req *req)
{
	struct clusapi_group_op_state *state = tevent_req_data(
		req, struct clusapi_group_op_state);
	struct tevent_req *subreq;

	subreq = clusapi_group_wait_send(state, state->ev, state->conn,
					 &state->handles[H_GROUP],
					 state->group, &state->opts,
					 state->log, clusapi_group_op_check,
					 state);
	if (tevent_req_nomem(subreq, req)) {
		return;
	}
	tevent_req_set_callback(subreq, clusapi_group_op_waited, req);
}

static void clusapi_group_op_waited(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_group_op_state *state = tevent_req_data(
		req, struct clusapi_group_op_state);
	struct clusapi_flow_result *r = state->log->result;
	enum clusapi_wait_verdict verdict = CLUSAPI_WAIT_CONTINUE;
	uint32_t gstate = CLUSAPI_STATE_UNKNOWN;
	WERROR werr = WERR_OK;
	char *owner = NULL;
	NTSTATUS status;

	status = clusapi_group_wait_recv(subreq, state, &verdict, &gstate,
					 &owner, &werr);
	TALLOC_FREE(subreq);
	if (failed(status, werr)) {
		clusapi_group_op_refused(req, "ApiGetGroupState", status,
					 werr, CLUSAPI_OBJECT_GROUP,
					 state->group);
		return;
	}

	switch (verdict) {
	case CLUSAPI_WAIT_DONE:
		clusapi_group_op_end(req, CLUSAPI_OUTCOME_DONE);
		return;
	case CLUSAPI_WAIT_FAILED:
		r->werr = WERR_RESOURCE_FAILED;
		r->failed_type = CLUSAPI_OBJECT_GROUP;
		r->failed_name = state->group;
		clusapi_group_op_end(req, CLUSAPI_OUTCOME_FAILED);
		return;
	case CLUSAPI_WAIT_RETURNED:
		r->werr = WERR_HOST_NODE_NOT_GROUP_OWNER;
		r->failed_type = CLUSAPI_OBJECT_GROUP;
		r->failed_name = state->group;
		clusapi_group_op_end(req, CLUSAPI_OUTCOME_RETURNED);
		return;
	case CLUSAPI_WAIT_CONTINUE:
		break;
	}
	r->werr = WERR_TIMEOUT;
	r->failed_type = CLUSAPI_OBJECT_GROUP;
	r->failed_name = state->group;
	clusapi_group_op_end(req, CLUSAPI_OUTCOME_TIMED_OUT);
}

/* Log the outcome, then close the handles */
static void clusapi_group_op_end(struct tevent_req *req,
				 enum clusapi_outcome outcome)
{
	struct clusapi_group_op_state *state = tevent_req_data(
		req, struct clusapi_group_op_state);
	struct clusapi_flow_result *r = state->log->result;
	struct clusapi_event e = {
		.step = CLUSAPI_STEP_DONE,
		.call = r->failed_call,
		.status = r->status,
		.werr = r->werr,
		.group = state->group,
		.node = r->owner,
		.state = r->state,
		.outcome = outcome,
	};

	r->outcome = outcome;
	if (r->failed_name != NULL) {
		r->failed_name = talloc_strdup(r, r->failed_name);
	}
	r->elapsed_ms = clusapi_flow_log_elapsed_ms(state->log);
	clusapi_flow_log_add(state->log, &e);

	clusapi_close_all_and_finish(req, state, state->ev, state->conn,
				     state->types, state->handles, 3);
}

static NTSTATUS clusapi_group_op_recv(struct tevent_req *req,
				      TALLOC_CTX *mem_ctx,
				      struct clusapi_flow_result **result)
{
	struct clusapi_group_op_state *state = tevent_req_data(
		req, struct clusapi_group_op_state);
	NTSTATUS status;

	if (tevent_req_is_nterror(req, &status)) {
		tevent_req_received(req);
		return status;
	}
	*result = talloc_move(mem_ctx, &state->log->result);
	tevent_req_received(req);
	return NT_STATUS_OK;
}

struct tevent_req *clusapi_move_group_send(
	TALLOC_CTX *mem_ctx, struct tevent_context *ev,
	struct clusapi_conn *conn, const char *group_name,
	const char *node_name, const struct clusapi_move_opts *opts)
{
	return clusapi_group_op_send(mem_ctx, ev, conn, CLUSAPI_OP_MOVE,
				     group_name, node_name, opts);
}

NTSTATUS clusapi_move_group_recv(struct tevent_req *req, TALLOC_CTX *mem_ctx,
				 struct clusapi_flow_result **result)
{
	return clusapi_group_op_recv(req, mem_ctx, result);
}

struct tevent_req *clusapi_group_set_online_send(
	TALLOC_CTX *mem_ctx, struct tevent_context *ev,
	struct clusapi_conn *conn, const char *group_name, bool online,
	const struct clusapi_move_opts *opts)
{
	return clusapi_group_op_send(mem_ctx, ev, conn,
				     online ? CLUSAPI_OP_ONLINE :
				     CLUSAPI_OP_OFFLINE,
				     group_name, NULL, opts);
}

NTSTATUS clusapi_group_set_online_recv(struct tevent_req *req,
				       TALLOC_CTX *mem_ctx,
				       struct clusapi_flow_result **result)
{
	return clusapi_group_op_recv(req, mem_ctx, result);
}
