/*
 * clusapi - cluster model: waiting for a group to settle
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * clus_group_wait_send() completes when the group has no operation
 * running; the backend's operations (the simulation's sim/op.c) wake
 * the waiters when they finish.
 */

#include "model_private.h"

struct clus_group_waiter {
	struct clus_link link;		/* in group->waiters */
	struct clus_group *group;	/* NULL once woken or gone */
	struct tevent_req *req;
	uint32_t result;
};

static void group_wake_action(void *a, void *b)
{
	group_waiters_wake(a, (uint32_t)(uintptr_t)b);
}

void group_wake_on_commit(struct clus_txn *t, struct clus_group *g,
			  uint32_t result)
{
	txn_on_commit(t, group_wake_action, g, (void *)(uintptr_t)result);
}

void group_waiters_wake(struct clus_group *g, uint32_t result)
{
	while (g->waiters.first != NULL) {
		struct clus_group_waiter *w = CLUS_ITEM(
			g->waiters.first, struct clus_group_waiter, link);

		clus_list_remove(&g->waiters, &w->link);
		w->group = NULL;
		w->result = result;
		tevent_req_done(w->req);
	}
}

static void group_wait_cleanup(struct tevent_req *req,
			       enum tevent_req_state req_state)
{
	struct clus_group_waiter *w = tevent_req_data(
		req, struct clus_group_waiter);
	struct clus_group *g = w->group;

	(void)req_state;
	if (g == NULL) {
		return;
	}
	clus_list_remove(&g->waiters, &w->link);
	w->group = NULL;
}

static int group_destructor(struct clus_group *g)
{
	group_waiters_wake(g, CM_ERROR_GROUP_NOT_FOUND);
	return 0;
}

struct tevent_req *clus_group_wait_send(TALLOC_CTX *mem_ctx,
					struct tevent_context *ev,
					struct clus_model *m,
					struct clus_group *g)
{
	struct tevent_req *req;
	struct clus_group_waiter *w;

	(void)m;
	req = tevent_req_create(mem_ctx, &w, struct clus_group_waiter);
	if (req == NULL) {
		return NULL;
	}
	w->req = req;
	if (g->op == NULL) {
		w->result = CM_ERROR_SUCCESS;
		tevent_req_done(req);
		return tevent_req_post(req, ev);
	}
	tevent_req_defer_callback(req, ev);
	w->group = g;
	/* at the front: the latest waiter is woken first */
	clus_list_insert_after(&g->waiters, NULL, &w->link);
	talloc_set_destructor(g, group_destructor);
	tevent_req_set_cleanup_fn(req, group_wait_cleanup);
	return req;
}

uint32_t clus_group_wait_recv(struct tevent_req *req)
{
	struct clus_group_waiter *w = tevent_req_data(
		req, struct clus_group_waiter);
	enum tevent_req_state state;
	uint64_t err;
	uint32_t result = w->result;

	if (tevent_req_is_error(req, &state, &err)) {
		tevent_req_received(req);
		return state == TEVENT_REQ_TIMED_OUT ? CM_ERROR_IO_PENDING :
			CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	tevent_req_received(req);
	return result;
}
