/*
 * libclusapi - waiting for a group to settle: notifications, or polling
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The wait reads the group's state with ApiGetGroupState and asks the
 * caller's check() what it means, again and again until check() says it
 * is over or the time runs out.
 *
 * When to read again:
 *  - with a notification port: whenever ApiGetNotifyV2 returns.  The
 *    port is created (ApiCreateNotifyV2) and the group registered
 *    (ApiAddNotifyV2: CLUSTER_CHANGE_GROUP_STATE_V2 and
 *    CLUSTER_CHANGE_GROUP_OWNER_NODE_V2) on the main connection; then the
 *    first read happens, so a change between the caller's call (move,
 *    online) and the registration is not missed.  ApiGetNotifyV2 runs on
 *    the notification connection, which shares the association group and
 *    hence the handles.  A slow re-read (every CLUSAPI_RECHECK_MS) guards
 *    against a lost event;
 *  - without one (the server does not implement ApiCreateNotifyV2, a call
 *    of the port fails, the notification connection is missing or in use
 *    by another wait, or the caller asked for polling): every poll
 *    interval, as in MS-CMRP 4.2.
 *
 * At the end the port is unblocked (ApiUnblockGetNotifyCall), the
 * outstanding ApiGetNotifyV2 is given CLUSAPI_UNBLOCK_GRACE_MS to return,
 * and the port is closed (ApiCloseNotify).
 */

#include "lib/clusapi_private.h"

#define CLUSAPI_NOTIFY_KEY		0x434c5553	/* "CLUS" */
/* dwVersion of ApiAddNotifyV2 (unverified: the server model ignores it) */
#define CLUSAPI_NOTIFY_VERSION		2
#define CLUSAPI_RECHECK_MS		30000
#define CLUSAPI_UNBLOCK_GRACE_MS	2000

/*
 * Where the wait is.  Reads start only while WATCHING; in every other
 * phase the wait awaits one call of its own (or the grace timer), whose
 * callback moves it on.  A read or ApiGetNotifyV2 still in flight when
 * WATCHING ends is dropped when it returns.
 */
enum clusapi_group_wait_phase {
	/* ApiCreateNotifyV2, then ApiAddNotifyV2, in flight */
	WAIT_PHASE_SETUP,
	/* the same, but the deadline passed meanwhile: stop when back */
	WAIT_PHASE_SETUP_TIMED_OUT,
	/* reading the group's state, on notifications or on polls */
	WAIT_PHASE_WATCHING,
	/* deadline passed: ApiCancelClusterGroupOperation in flight */
	WAIT_PHASE_CANCELLING,
	/* ApiUnblockGetNotifyCall in flight */
	WAIT_PHASE_UNBLOCKING,
	/* the last ApiGetNotifyV2 (or its grace), then ApiCloseNotify */
	WAIT_PHASE_CLOSING,
	/* the request is done */
	WAIT_PHASE_DONE,
};

struct clusapi_group_wait_state {
	struct tevent_context *ev;
	struct clusapi_conn *conn;
	struct policy_handle hgroup;
	const char *group_name;
	struct clusapi_flow_log *log;
	clusapi_wait_check_fn check;
	void *check_private;
	uint32_t poll_ms;
	uint32_t timeout_ms;
	bool cancel_on_timeout;

	enum clusapi_group_wait_phase phase;

	/* the notification port */
	bool holds_notify;		/* we set conn->notify_busy */
	bool notify;			/* reads are driven by the port */
	struct policy_handle hnotify;
	WERROR create_rpc_error;
	WERROR create_rpc_status;
	WERROR add_rpc_status;
	struct tevent_req *getnotify_req;
	struct NOTIFICATION_RPC *notifications;
	uint32_t num_notifications;

	struct tevent_req *state_req;	/* ApiGetGroupState in flight */
	bool recheck;			/* read again when it returns */
	struct tevent_timer *poll_timer;
	struct tevent_timer *deadline;
	struct tevent_timer *grace;

	enum clusapi_wait_verdict verdict;
	uint32_t state;
	char *owner;
	NTSTATUS status;
	WERROR werr;
};

static void clusapi_group_wait_cleanup(struct tevent_req *req,
				       enum tevent_req_state req_state);
static void clusapi_group_wait_created(struct tevent_req *subreq);
static void clusapi_group_wait_added(struct tevent_req *subreq);
static void clusapi_group_wait_read(struct tevent_req *req);
static void clusapi_group_wait_read_done(struct tevent_req *subreq);
static void clusapi_group_wait_schedule(struct tevent_req *req);
static void clusapi_group_wait_getnotify(struct tevent_req *req);
static void clusapi_group_wait_notified(struct tevent_req *subreq);
static void clusapi_group_wait_deadline(struct tevent_context *ev,
					struct tevent_timer *te,
					struct timeval now, void *private_data);
static void clusapi_group_wait_timed_out(struct tevent_req *req);
static void clusapi_group_wait_cancelled(struct tevent_req *subreq);
static void clusapi_group_wait_finish(struct tevent_req *req);

static void clusapi_group_wait_log(struct clusapi_group_wait_state *state,
				   enum clusapi_step step, const char *call,
				   NTSTATUS status, WERROR werr)
{
	struct clusapi_event e = {
		.step = step,
		.call = call,
		.status = status,
		.werr = werr,
		.group = state->group_name,
		.state = CLUSAPI_STATE_UNKNOWN,
		.interval_ms = state->poll_ms,
	};

	clusapi_flow_log_add(state->log, &e);
}

struct tevent_req *clusapi_group_wait_send(TALLOC_CTX *mem_ctx,
					   struct tevent_context *ev,
					   struct clusapi_conn *conn,
					   const struct policy_handle *hgroup,
					   const char *group_name,
					   const struct clusapi_move_opts *opts,
					   struct clusapi_flow_log *log,
					   clusapi_wait_check_fn check,
					   void *check_private)
{
	struct tevent_req *req, *subreq;
	struct clusapi_group_wait_state *state;
	NTSTATUS why = NT_STATUS_OK;

	req = tevent_req_create(mem_ctx, &state,
				struct clusapi_group_wait_state);
	if (req == NULL) {
		return NULL;
	}
	state->ev = ev;
	state->conn = conn;
	state->hgroup = *hgroup;
	state->group_name = group_name;
	state->log = log;
	state->check = check;
	state->check_private = check_private;
	state->poll_ms = opts->poll_interval_ms != 0 ?
		opts->poll_interval_ms : CLUSAPI_DEFAULT_POLL_INTERVAL_MS;
	state->timeout_ms = opts->timeout_ms;
	state->cancel_on_timeout = opts->cancel_on_timeout;
	state->verdict = CLUSAPI_WAIT_CONTINUE;
	state->state = CLUSAPI_STATE_UNKNOWN;
	state->status = NT_STATUS_OK;
	state->werr = WERR_OK;
	state->phase = WAIT_PHASE_WATCHING;
	tevent_req_set_cleanup_fn(req, clusapi_group_wait_cleanup);

	if (opts->timeout_ms != 0) {
		state->deadline = tevent_add_timer(
			ev, state,
			tevent_timeval_current_ofs(opts->timeout_ms / 1000,
						   (opts->timeout_ms % 1000) *
						   1000),
			clusapi_group_wait_deadline, req);
		if (tevent_req_nomem(state->deadline, req)) {
			return tevent_req_post(req, ev);
		}
	}

	if (opts->no_notify) {
		why = NT_STATUS_OK;
	} else if (conn->notify_h == NULL) {
		why = conn->notify_status;
	} else if (!dcerpc_binding_handle_is_connected(conn->notify_h)) {
		why = NT_STATUS_CONNECTION_DISCONNECTED;
	} else if (conn->notify_busy) {
		why = NT_STATUS_CONNECTION_IN_USE;
	} else {
		conn->notify_busy = true;
		state->holds_notify = true;
		state->phase = WAIT_PHASE_SETUP;
		subreq = dcerpc_ApiCreateNotifyV2_send(
			state, ev, conn->h, &state->create_rpc_error,
			&state->create_rpc_status, &state->hnotify);
		if (tevent_req_nomem(subreq, req)) {
			return tevent_req_post(req, ev);
		}
		tevent_req_set_callback(subreq, clusapi_group_wait_created,
					req);
		return req;
	}

	clusapi_group_wait_log(state, CLUSAPI_STEP_NOTIFY_FALLBACK, NULL, why,
			       WERR_OK);
	clusapi_group_wait_read(req);
	if (!tevent_req_is_in_progress(req)) {
		return tevent_req_post(req, ev);
	}
	return req;
}

static void clusapi_group_wait_cleanup(struct tevent_req *req,
				       enum tevent_req_state req_state)
{
	struct clusapi_group_wait_state *state = tevent_req_data(
		req, struct clusapi_group_wait_state);

	if (state->holds_notify) {
		state->conn->notify_busy = false;
		state->holds_notify = false;
	}
}

static void clusapi_group_wait_fallback(struct tevent_req *req,
					const char *call, NTSTATUS status,
					WERROR werr)
{
	struct clusapi_group_wait_state *state = tevent_req_data(
		req, struct clusapi_group_wait_state);

	/* an open port is closed at the end */
	state->notify = false;
	clusapi_group_wait_log(state, CLUSAPI_STEP_NOTIFY_FALLBACK, call,
			       status, werr);
}

static void clusapi_group_wait_created(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_group_wait_state *state = tevent_req_data(
		req, struct clusapi_group_wait_state);
	struct NOTIFY_FILTER_AND_TYPE_RPC filter = {
		.dwObjectType = CLUSTER_OBJECT_TYPE_GROUP,
		.FilterFlags = CLUSTER_CHANGE_GROUP_STATE_V2 |
			       CLUSTER_CHANGE_GROUP_OWNER_NODE_V2,
	};
	NTSTATUS status;

	status = dcerpc_ApiCreateNotifyV2_recv(subreq, state);
	TALLOC_FREE(subreq);
	if (!NT_STATUS_IS_OK(status) ||
	    !W_ERROR_IS_OK(state->create_rpc_error)) {
		NDR_ZERO_STRUCT(state->hnotify);
	}
	if (state->phase == WAIT_PHASE_SETUP_TIMED_OUT) {
		clusapi_group_wait_timed_out(req);
		return;
	}
	if (!NT_STATUS_IS_OK(status) ||
	    !W_ERROR_IS_OK(state->create_rpc_error) ||
	    !clusapi_handle_is_set(&state->hnotify)) {
		WERROR werr = state->create_rpc_error;

		if (NT_STATUS_IS_OK(status) && W_ERROR_IS_OK(werr)) {
			werr = WERR_INVALID_HANDLE;
		}
		state->phase = WAIT_PHASE_WATCHING;
		clusapi_group_wait_fallback(req, "ApiCreateNotifyV2", status,
					    werr);
		clusapi_group_wait_read(req);
		return;
	}

	subreq = dcerpc_ApiAddNotifyV2_send(state, state->ev, state->conn->h,
					    state->hnotify, state->hgroup,
					    filter, CLUSAPI_NOTIFY_KEY,
					    CLUSAPI_NOTIFY_VERSION, 1,
					    &state->add_rpc_status);
	if (tevent_req_nomem(subreq, req)) {
		return;
	}
	tevent_req_set_callback(subreq, clusapi_group_wait_added, req);
}

static void clusapi_group_wait_added(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_group_wait_state *state = tevent_req_data(
		req, struct clusapi_group_wait_state);
	WERROR result = WERR_OK;
	NTSTATUS status;

	status = dcerpc_ApiAddNotifyV2_recv(subreq, state, &result);
	TALLOC_FREE(subreq);
	if (state->phase == WAIT_PHASE_SETUP_TIMED_OUT) {
		clusapi_group_wait_timed_out(req);
		return;
	}
	state->phase = WAIT_PHASE_WATCHING;
	if (!NT_STATUS_IS_OK(status) || !W_ERROR_IS_OK(result)) {
		clusapi_group_wait_fallback(req, "ApiAddNotifyV2", status,
					    result);
		clusapi_group_wait_read(req);
		return;
	}

	state->notify = true;
	state->log->result->used_notify = true;
	clusapi_group_wait_log(state, CLUSAPI_STEP_NOTIFY_READY,
			       "ApiAddNotifyV2", NT_STATUS_OK, WERR_OK);
	clusapi_group_wait_getnotify(req);
	clusapi_group_wait_read(req);
}

/* ApiGetGroupState now, or as soon as the one in flight returns */
static void clusapi_group_wait_read(struct tevent_req *req)
{
	struct clusapi_group_wait_state *state = tevent_req_data(
		req, struct clusapi_group_wait_state);

	if (state->phase != WAIT_PHASE_WATCHING) {
		return;
	}
	if (state->state_req != NULL) {
		state->recheck = true;
		return;
	}
	TALLOC_FREE(state->poll_timer);
	state->recheck = false;
	state->state_req = clusapi_get_state_send(state, state->ev,
						  state->conn,
						  CLUSAPI_OBJECT_GROUP,
						  &state->hgroup);
	if (tevent_req_nomem(state->state_req, req)) {
		return;
	}
	tevent_req_set_callback(state->state_req,
				clusapi_group_wait_read_done, req);
}

static void clusapi_group_wait_read_done(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_group_wait_state *state = tevent_req_data(
		req, struct clusapi_group_wait_state);
	struct clusapi_event e = {
		.step = CLUSAPI_STEP_GROUP_STATE,
		.call = "ApiGetGroupState",
		.group = state->group_name,
	};
	enum clusapi_wait_verdict verdict;
	uint32_t gstate = CLUSAPI_STATE_UNKNOWN;
	char *owner = NULL;

	state->state_req = NULL;
	e.status = clusapi_get_state_recv(subreq, state, &gstate, &owner,
					  NULL, &e.werr);
	TALLOC_FREE(subreq);
	if (state->phase != WAIT_PHASE_WATCHING) {
		TALLOC_FREE(owner);
		return;
	}
	e.state = gstate;
	e.node = owner;
	clusapi_flow_log_add(state->log, &e);

	if (!NT_STATUS_IS_OK(e.status) || !W_ERROR_IS_OK(e.werr)) {
		TALLOC_FREE(owner);
		state->status = e.status;
		state->werr = e.werr;
		clusapi_group_wait_finish(req);
		return;
	}

	TALLOC_FREE(state->owner);
	state->owner = owner;
	state->state = gstate;
	state->log->result->state = gstate;
	state->log->result->owner = talloc_strdup(state->log->result, owner);

	verdict = state->check(gstate, owner, state->check_private);
	if (verdict != CLUSAPI_WAIT_CONTINUE) {
		state->verdict = verdict;
		clusapi_group_wait_finish(req);
		return;
	}
	if (state->recheck) {
		clusapi_group_wait_read(req);
		return;
	}
	clusapi_group_wait_schedule(req);
}

static void clusapi_group_wait_timer(struct tevent_context *ev,
				     struct tevent_timer *te,
				     struct timeval now, void *private_data)
{
	struct tevent_req *req = talloc_get_type_abort(
		private_data, struct tevent_req);
	struct clusapi_group_wait_state *state = tevent_req_data(
		req, struct clusapi_group_wait_state);

	state->poll_timer = NULL;
	clusapi_group_wait_read(req);
}

/* The next read: on a notification (or the slow re-read), or a poll */
static void clusapi_group_wait_schedule(struct tevent_req *req)
{
	struct clusapi_group_wait_state *state = tevent_req_data(
		req, struct clusapi_group_wait_state);
	uint32_t ms;

	if (state->phase != WAIT_PHASE_WATCHING) {
		return;
	}
	if (state->notify) {
		clusapi_group_wait_getnotify(req);
	}
	ms = state->notify ? CLUSAPI_RECHECK_MS : state->poll_ms;
	TALLOC_FREE(state->poll_timer);
	state->poll_timer = tevent_add_timer(
		state->ev, state,
		tevent_timeval_current_ofs(ms / 1000, (ms % 1000) * 1000),
		clusapi_group_wait_timer, req);
	if (tevent_req_nomem(state->poll_timer, req)) {
		return;
	}
}

static void clusapi_group_wait_getnotify(struct tevent_req *req)
{
	struct clusapi_group_wait_state *state = tevent_req_data(
		req, struct clusapi_group_wait_state);

	if (state->phase != WAIT_PHASE_WATCHING || !state->notify ||
	    state->getnotify_req != NULL) {
		return;
	}
	TALLOC_FREE(state->notifications);
	state->num_notifications = 0;
	state->getnotify_req = dcerpc_ApiGetNotifyV2_send(
		state, state->ev, state->conn->notify_h, state->hnotify,
		&state->notifications, &state->num_notifications);
	if (tevent_req_nomem(state->getnotify_req, req)) {
		return;
	}
	tevent_req_set_callback(state->getnotify_req,
				clusapi_group_wait_notified, req);
}

static void clusapi_group_wait_close_port(struct tevent_req *req);

static void clusapi_group_wait_notified(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_group_wait_state *state = tevent_req_data(
		req, struct clusapi_group_wait_state);
	WERROR result = WERR_OK;
	NTSTATUS status;
	uint32_t i;

	state->getnotify_req = NULL;
	status = dcerpc_ApiGetNotifyV2_recv(subreq, state, &result);
	TALLOC_FREE(subreq);

	switch (state->phase) {
	case WAIT_PHASE_WATCHING:
		break;
	case WAIT_PHASE_CLOSING:
		/* the answer to our ApiUnblockGetNotifyCall */
		TALLOC_FREE(state->grace);
		clusapi_group_wait_close_port(req);
		return;
	default:
		/* UNBLOCKING: clusapi_group_wait_unblocked() closes the port */
		return;
	}
	/*
	 * A count without an array (a NULL unique pointer) is as malformed
	 * as an empty answer, which would make us spin: both mean polling.
	 */
	if (NT_STATUS_IS_OK(status) && W_ERROR_IS_OK(result) &&
	    state->num_notifications > 0 && state->notifications == NULL) {
		status = NT_STATUS_RPC_PROTOCOL_ERROR;
	}
	if (!NT_STATUS_IS_OK(status) || !W_ERROR_IS_OK(result) ||
	    state->num_notifications == 0) {
		if (NT_STATUS_IS_OK(status) && W_ERROR_IS_OK(result)) {
			result = WERR_NO_MORE_ITEMS;
		}
		clusapi_group_wait_fallback(req, "ApiGetNotifyV2", status,
					    result);
		clusapi_group_wait_schedule(req);
		return;
	}

	for (i = 0; i < state->num_notifications; i++) {
		struct NOTIFICATION_DATA_RPC *d =
			&state->notifications[i].NotificationData;
		struct clusapi_event e = {
			.step = CLUSAPI_STEP_NOTIFICATION,
			.call = "ApiGetNotifyV2",
			.group = d->Name != NULL ? d->Name : state->group_name,
			.state = CLUSAPI_STATE_UNKNOWN,
			.filter_flags = d->FilterAndType.FilterFlags,
		};

		clusapi_flow_log_add(state->log, &e);
	}
	clusapi_group_wait_read(req);
	clusapi_group_wait_getnotify(req);
}

static void clusapi_group_wait_deadline(struct tevent_context *ev,
					struct tevent_timer *te,
					struct timeval now, void *private_data)
{
	struct tevent_req *req = talloc_get_type_abort(
		private_data, struct tevent_req);
	struct clusapi_group_wait_state *state = tevent_req_data(
		req, struct clusapi_group_wait_state);
	struct clusapi_event e = {
		.step = CLUSAPI_STEP_TIMEOUT,
		.group = state->group_name,
		.state = state->state,
		.node = state->owner,
		.interval_ms = state->timeout_ms,
	};

	state->deadline = NULL;
	if (state->phase != WAIT_PHASE_SETUP &&
	    state->phase != WAIT_PHASE_WATCHING) {
		return;
	}
	state->verdict = CLUSAPI_WAIT_CONTINUE;
	clusapi_flow_log_add(state->log, &e);
	if (state->phase == WAIT_PHASE_SETUP) {
		/* the setup's callback comes back to timed_out() */
		state->phase = WAIT_PHASE_SETUP_TIMED_OUT;
		return;
	}
	clusapi_group_wait_timed_out(req);
}

/* Out of time: cancel the group's operation if asked to, then stop */
static void clusapi_group_wait_timed_out(struct tevent_req *req)
{
	struct clusapi_group_wait_state *state = tevent_req_data(
		req, struct clusapi_group_wait_state);
	struct tevent_req *subreq;

	if (!state->cancel_on_timeout) {
		clusapi_group_wait_finish(req);
		return;
	}
	state->phase = WAIT_PHASE_CANCELLING;
	state->log->result->cancel_requested = true;
	subreq = clusapi_cancel_group_operation_send(state, state->ev,
						     state->conn,
						     &state->hgroup);
	if (tevent_req_nomem(subreq, req)) {
		return;
	}
	tevent_req_set_callback(subreq, clusapi_group_wait_cancelled, req);
}

static void clusapi_group_wait_cancelled(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_group_wait_state *state = tevent_req_data(
		req, struct clusapi_group_wait_state);
	struct clusapi_event e = {
		.step = CLUSAPI_STEP_CANCEL,
		.call = "ApiCancelClusterGroupOperation",
		.group = state->group_name,
		.state = CLUSAPI_STATE_UNKNOWN,
		.werr = WERR_OK,
	};

	e.status = clusapi_cancel_group_operation_recv(subreq, &e.werr);
	TALLOC_FREE(subreq);
	state->log->result->cancel_werr = e.werr;
	if (!NT_STATUS_IS_OK(e.status)) {
		state->log->result->cancel_werr = WERR_RPC_S_CALL_FAILED;
	}
	clusapi_flow_log_add(state->log, &e);
	clusapi_group_wait_finish(req);
}

static void clusapi_group_wait_unblocked(struct tevent_req *subreq);
static void clusapi_group_wait_grace(struct tevent_context *ev,
				     struct tevent_timer *te,
				     struct timeval now, void *private_data);
static void clusapi_group_wait_port_closed(struct tevent_req *subreq);

/* Stop reading; take down the port if there is one; then done */
static void clusapi_group_wait_finish(struct tevent_req *req)
{
	struct clusapi_group_wait_state *state = tevent_req_data(
		req, struct clusapi_group_wait_state);
	struct tevent_req *subreq;

	if (state->phase >= WAIT_PHASE_UNBLOCKING) {
		return;
	}
	TALLOC_FREE(state->poll_timer);
	TALLOC_FREE(state->deadline);
	TALLOC_FREE(state->state_req);

	if (!clusapi_handle_is_set(&state->hnotify)) {
		state->phase = WAIT_PHASE_DONE;
		tevent_req_done(req);
		return;
	}

	state->phase = WAIT_PHASE_UNBLOCKING;
	subreq = dcerpc_ApiUnblockGetNotifyCall_send(state, state->ev,
						     state->conn->h,
						     state->hnotify);
	if (tevent_req_nomem(subreq, req)) {
		return;
	}
	tevent_req_set_callback(subreq, clusapi_group_wait_unblocked, req);
}

static void clusapi_group_wait_unblocked(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_group_wait_state *state = tevent_req_data(
		req, struct clusapi_group_wait_state);
	WERROR result;

	(void)dcerpc_ApiUnblockGetNotifyCall_recv(subreq, state, &result);
	TALLOC_FREE(subreq);
	state->phase = WAIT_PHASE_CLOSING;

	if (state->getnotify_req == NULL) {
		clusapi_group_wait_close_port(req);
		return;
	}
	state->grace = tevent_add_timer(
		state->ev, state,
		tevent_timeval_current_ofs(CLUSAPI_UNBLOCK_GRACE_MS / 1000,
					   (CLUSAPI_UNBLOCK_GRACE_MS % 1000) *
					   1000),
		clusapi_group_wait_grace, req);
	if (tevent_req_nomem(state->grace, req)) {
		return;
	}
}

static void clusapi_group_wait_grace(struct tevent_context *ev,
				     struct tevent_timer *te,
				     struct timeval now, void *private_data)
{
	struct tevent_req *req = talloc_get_type_abort(
		private_data, struct tevent_req);
	struct clusapi_group_wait_state *state = tevent_req_data(
		req, struct clusapi_group_wait_state);

	state->grace = NULL;
	/* the server did not complete it: forget it */
	TALLOC_FREE(state->getnotify_req);
	clusapi_group_wait_close_port(req);
}

static void clusapi_group_wait_close_port(struct tevent_req *req)
{
	struct clusapi_group_wait_state *state = tevent_req_data(
		req, struct clusapi_group_wait_state);
	struct tevent_req *subreq;

	subreq = dcerpc_ApiCloseNotify_send(state, state->ev, state->conn->h,
					    &state->hnotify);
	if (tevent_req_nomem(subreq, req)) {
		return;
	}
	tevent_req_set_callback(subreq, clusapi_group_wait_port_closed, req);
}

static void clusapi_group_wait_port_closed(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_group_wait_state *state = tevent_req_data(
		req, struct clusapi_group_wait_state);
	WERROR result;

	(void)dcerpc_ApiCloseNotify_recv(subreq, state, &result);
	TALLOC_FREE(subreq);
	NDR_ZERO_STRUCT(state->hnotify);
	state->phase = WAIT_PHASE_DONE;
	tevent_req_done(req);
}

NTSTATUS clusapi_group_wait_recv(struct tevent_req *req, TALLOC_CTX *mem_ctx,
				 enum clusapi_wait_verdict *verdict,
				 uint32_t *pstate, char **owner, WERROR *werr)
{
	struct clusapi_group_wait_state *state = tevent_req_data(
		req, struct clusapi_group_wait_state);
	NTSTATUS status;

	if (tevent_req_is_nterror(req, &status)) {
		tevent_req_received(req);
		return status;
	}
	if (!NT_STATUS_IS_OK(state->status)) {
		status = state->status;
		tevent_req_received(req);
		return status;
	}
	*verdict = state->verdict;
	*pstate = state->state;
	*owner = talloc_move(mem_ctx, &state->owner);
	*werr = state->werr;
	tevent_req_received(req);
	return NT_STATUS_OK;
}
