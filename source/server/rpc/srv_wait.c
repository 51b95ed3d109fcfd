/*
 * clusapid: calls that wait for events on a notification port
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The GetNotify calls and ApiGetBatchNotification block until their
 * port has events (MS-CMRP 3.1.4.2.66): they go asynchronous on
 * clus_notify_wait_send() and answer from its callback.  The wait hangs
 * off the dce_call, never off the port, and the callback looks the port
 * up again, because it may have been closed from the other connection
 * of the association group meanwhile.
 *
 * The dcesrv core keeps a connection whose client went away for as long
 * as a call on it is pending.  Nothing would ever end such a wait, so a
 * timer checks for a terminated connection and answers the call, which
 * lets the core free the connection.
 */

#include "server/rpc/rpc_private.h"

/* How often a waiting call checks whether its client is still there */
#define WAIT_CONN_CHECK_SECS 1

struct clusrv_wait {
	struct dcesrv_call_state *dce_call;
	const struct clusrv_wait_ops *ops;
	void *private_data;
	struct tevent_req *subreq;
	struct tevent_timer *check;
};

static void wait_done(struct tevent_req *subreq);
static void wait_conn_check(struct tevent_context *ev,
			    struct tevent_timer *te, struct timeval now,
			    void *private_data);

static bool wait_start(struct clusrv_wait *w, struct clus_notify_port *port)
{
	struct tevent_context *ev = clus_model_ev(clusrv_model(w->dce_call));

	TALLOC_FREE(w->subreq);
	w->subreq = clus_notify_wait_send(w, ev, port);
	if (w->subreq == NULL) {
		return false;
	}
	tevent_req_set_callback(w->subreq, wait_done, w);
	if (w->check != NULL) {
		return true;
	}
	w->check = tevent_add_timer(
		ev, w, tevent_timeval_current_ofs(WAIT_CONN_CHECK_SECS, 0),
		wait_conn_check, w);
	if (w->check == NULL) {
		TALLOC_FREE(w->subreq);
		return false;
	}
	return true;
}

static void wait_reply(struct clusrv_wait *w, WERROR result)
{
	struct dcesrv_call_state *dce_call = w->dce_call;
	NTSTATUS status;

	*w->ops->result(w->private_data) = result;
	/* the call's memory outlives the wait: drop the timer and request */
	TALLOC_FREE(w);
	status = dcesrv_reply(dce_call);
	if (!NT_STATUS_IS_OK(status)) {
		DBG_WARNING("cannot send the reply: %s\n", nt_errstr(status));
	}
}

static void wait_done(struct tevent_req *subreq)
{
	struct clusrv_wait *w = tevent_req_callback_data(
		subreq, struct clusrv_wait);
	enum clus_notify_wait_result res = CLUS_NOTIFY_CLOSED;
	struct clus_notify_port *port = NULL;
	WERROR result = WERR_OK;
	int ret;

	ret = clus_notify_wait_recv(subreq, &res);
	TALLOC_FREE(subreq);
	w->subreq = NULL;
	if (ret != 0) {
		DBG_WARNING("waiting for events failed: %s\n", strerror(ret));
		wait_reply(w, w->ops->end(w->private_data,
					  CLUSRV_WAIT_FAILED));
		return;
	}
	if (res == CLUS_NOTIFY_CLOSED || res == CLUS_NOTIFY_UNBLOCKED) {
		DBG_DEBUG("wait ends: port %s\n", res == CLUS_NOTIFY_CLOSED ?
			  "closed" : "unblocked");
		wait_reply(w, w->ops->end(w->private_data,
					  CLUSRV_WAIT_CLOSED));
		return;
	}
	if (w->ops->answer(w->dce_call, w->private_data, &port, &result)) {
		wait_reply(w, result);
		return;
	}
	/* another call on the port took the events: wait again */
	if (!wait_start(w, port)) {
		wait_reply(w, WERR_NOT_ENOUGH_MEMORY);
	}
}

static void wait_conn_check(struct tevent_context *ev,
			    struct tevent_timer *te, struct timeval now,
			    void *private_data)
{
	struct clusrv_wait *w = talloc_get_type_abort(private_data,
						      struct clusrv_wait);

	w->check = NULL;
	if (w->dce_call->conn->terminate != NULL) {
		DBG_INFO("client gone, wait ends: %s\n",
			 w->dce_call->conn->terminate);
		TALLOC_FREE(w->subreq);
		wait_reply(w, w->ops->end(w->private_data, CLUSRV_WAIT_GONE));
		return;
	}
	w->check = tevent_add_timer(
		ev, w, tevent_timeval_current_ofs(WAIT_CONN_CHECK_SECS, 0),
		wait_conn_check, w);
	if (w->check == NULL) {
		wait_reply(w, WERR_NOT_ENOUGH_MEMORY);
	}
}

WERROR clusrv_wait_call(struct dcesrv_call_state *dce_call,
			const struct clusrv_wait_ops *ops, void *private_data)
{
	struct clus_notify_port *port = NULL;
	struct clusrv_wait *w;
	WERROR result = WERR_OK;

	if (ops->answer(dce_call, private_data, &port, &result)) {
		return result;
	}
	if (!(dce_call->state_flags & DCESRV_CALL_STATE_FLAG_MAY_ASYNC)) {
		/* cannot block here: say so rather than hang the caller */
		return WERR_NO_MORE_ITEMS;
	}
	w = talloc(dce_call, struct clusrv_wait);
	if (w != NULL) {
		*w = (struct clusrv_wait) {
			.dce_call = dce_call,
			.ops = ops,
			.private_data = private_data,
		};
	}
	if (w == NULL || !wait_start(w, port)) {
		TALLOC_FREE(w);
		return WERR_NOT_ENOUGH_MEMORY;
	}
	dce_call->state_flags |= DCESRV_CALL_STATE_FLAG_ASYNC;
	return WERR_IO_PENDING;
}
