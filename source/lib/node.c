/*
 * libclusapi - pausing (with drain) and resuming (with failback) a node
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "lib/clusapi_private.h"

struct clusapi_node_op_state {
	struct tevent_context *ev;
	struct clusapi_conn *conn;
	bool pause;
	bool flag;			/* drain or failback */
	/* node, drain target (or NULL): opened in that order */
	const char *names[2];
	enum clusapi_object_type types[2];
	struct policy_handle handles[2];
	size_t num_open;

	const char *failed_call;
	const char *failed_name;
	NTSTATUS status;
	WERROR werr;
};

static void clusapi_node_op_open_next(struct tevent_req *req);
static void clusapi_node_op_opened(struct tevent_req *subreq);
static void clusapi_node_op_call(struct tevent_req *req);
static void clusapi_node_op_called(struct tevent_req *subreq);
static void clusapi_node_op_end(struct tevent_req *req, const char *call,
				const char *name, NTSTATUS status,
				WERROR werr);

static struct tevent_req *clusapi_node_op_send(TALLOC_CTX *mem_ctx,
					       struct tevent_context *ev,
					       struct clusapi_conn *conn,
					       const char *node_name,
					       bool pause, bool flag,
					       const char *drain_target)
{
	struct tevent_req *req;
	struct clusapi_node_op_state *state;

	req = tevent_req_create(mem_ctx, &state,
				struct clusapi_node_op_state);
	if (req == NULL) {
		return NULL;
	}
	state->ev = ev;
	state->conn = conn;
	state->pause = pause;
	state->flag = flag;
	state->types[0] = CLUSAPI_OBJECT_NODE;
	state->types[1] = CLUSAPI_OBJECT_NODE;
	state->status = NT_STATUS_OK;
	state->werr = WERR_OK;

	if (node_name == NULL || node_name[0] == '\0' ||
	    (drain_target != NULL && drain_target[0] == '\0')) {
		tevent_req_nterror(req, NT_STATUS_INVALID_PARAMETER);
		return tevent_req_post(req, ev);
	}
	state->names[0] = talloc_strdup(state, node_name);
	if (tevent_req_nomem(state->names[0], req)) {
		return tevent_req_post(req, ev);
	}
	if (drain_target != NULL) {
		state->names[1] = talloc_strdup(state, drain_target);
		if (tevent_req_nomem(state->names[1], req)) {
			return tevent_req_post(req, ev);
		}
	}

	clusapi_node_op_open_next(req);
	if (!tevent_req_is_in_progress(req)) {
		return tevent_req_post(req, ev);
	}
	return req;
}

static void clusapi_node_op_open_next(struct tevent_req *req)
{
	struct clusapi_node_op_state *state = tevent_req_data(
		req, struct clusapi_node_op_state);
	struct tevent_req *subreq;

	if (state->num_open == 2 || state->names[state->num_open] == NULL) {
		clusapi_node_op_call(req);
		return;
	}
	subreq = clusapi_open_send(state, state->ev, state->conn,
				   CLUSAPI_OBJECT_NODE,
				   state->names[state->num_open]);
	if (tevent_req_nomem(subreq, req)) {
		return;
	}
	tevent_req_set_callback(subreq, clusapi_node_op_opened, req);
}

static void clusapi_node_op_opened(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_node_op_state *state = tevent_req_data(
		req, struct clusapi_node_op_state);
	size_t i = state->num_open;
	WERROR werr = WERR_OK;
	NTSTATUS status;

	status = clusapi_open_recv(subreq, &state->handles[i], &werr);
	TALLOC_FREE(subreq);
	if (!NT_STATUS_IS_OK(status) || !W_ERROR_IS_OK(werr)) {
		clusapi_node_op_end(req, "ApiOpenNode", state->names[i],
				    status, werr);
		return;
	}
	state->num_open += 1;
	clusapi_node_op_open_next(req);
}

static const char *clusapi_node_op_call_name(
	struct clusapi_node_op_state *state)
{
	if (!state->pause) {
		return state->flag ? "ApiResumeNodeEx" : "ApiResumeNode";
	}
	if (!state->flag) {
		return "ApiPauseNode";
	}
	return state->names[1] != NULL ?
		"ApiPauseNodeWithDrainTarget" : "ApiPauseNodeEx";
}

static void clusapi_node_op_call(struct tevent_req *req)
{
	struct clusapi_node_op_state *state = tevent_req_data(
		req, struct clusapi_node_op_state);
	struct tevent_req *subreq;

	if (state->pause) {
		subreq = clusapi_pause_node_call_send(
			state, state->ev, state->conn, &state->handles[0],
			state->flag,
			state->names[1] != NULL ? &state->handles[1] : NULL);
	} else {
		subreq = clusapi_resume_node_call_send(
			state, state->ev, state->conn, &state->handles[0],
			state->flag);
	}
	if (tevent_req_nomem(subreq, req)) {
		return;
	}
	tevent_req_set_callback(subreq, clusapi_node_op_called, req);
}

static void clusapi_node_op_called(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_node_op_state *state = tevent_req_data(
		req, struct clusapi_node_op_state);
	WERROR werr = WERR_OK;
	NTSTATUS status;

	if (state->pause) {
		status = clusapi_pause_node_call_recv(subreq, &werr);
	} else {
		status = clusapi_resume_node_call_recv(subreq, &werr);
	}
	TALLOC_FREE(subreq);
	clusapi_node_op_end(req, clusapi_node_op_call_name(state),
			    state->names[0], status, werr);
}

static void clusapi_node_op_end(struct tevent_req *req, const char *call,
				const char *name, NTSTATUS status,
				WERROR werr)
{
	struct clusapi_node_op_state *state = tevent_req_data(
		req, struct clusapi_node_op_state);

	if (!NT_STATUS_IS_OK(status) || !W_ERROR_IS_OK(werr)) {
		state->failed_call = call;
		state->failed_name = name;
	}
	state->status = status;
	state->werr = werr;

	clusapi_close_all_and_finish(req, state, state->ev, state->conn,
				     state->types, state->handles, 2);
}

struct tevent_req *clusapi_node_pause_send(TALLOC_CTX *mem_ctx,
					   struct tevent_context *ev,
					   struct clusapi_conn *conn,
					   const char *node_name, bool drain,
					   const char *drain_target)
{
	if (drain_target != NULL) {
		drain = true;
	}
	return clusapi_node_op_send(mem_ctx, ev, conn, node_name, true,
				    drain, drain_target);
}

struct tevent_req *clusapi_node_resume_send(TALLOC_CTX *mem_ctx,
					    struct tevent_context *ev,
					    struct clusapi_conn *conn,
					    const char *node_name,
					    bool failback)
{
	return clusapi_node_op_send(mem_ctx, ev, conn, node_name, false,
				    failback, NULL);
}

NTSTATUS clusapi_node_op_recv(struct tevent_req *req, TALLOC_CTX *mem_ctx,
			      WERROR *werr, const char **failed_call,
			      char **failed_name)
{
	struct clusapi_node_op_state *state = tevent_req_data(
		req, struct clusapi_node_op_state);
	NTSTATUS status;

	if (failed_call != NULL) {
		*failed_call = NULL;
	}
	if (failed_name != NULL) {
		*failed_name = NULL;
	}
	if (tevent_req_is_nterror(req, &status)) {
		tevent_req_received(req);
		return status;
	}
	*werr = state->werr;
	status = state->status;
	if (failed_call != NULL) {
		*failed_call = state->failed_call;
	}
	if (failed_name != NULL && state->failed_name != NULL) {
		*failed_name = talloc_strdup(mem_ctx, state->failed_name);
	}
	tevent_req_received(req);
	return status;
}
