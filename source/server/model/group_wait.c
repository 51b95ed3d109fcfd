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
	waiters_wake(&g->waiters, result);
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
	(void)m;
	if (g->op == NULL) {
		return waiter_send(mem_ctx, ev, NULL, CM_ERROR_SUCCESS);
	}
	talloc_set_destructor(g, group_destructor);
	return waiter_send(mem_ctx, ev, &g->waiters, CM_ERROR_SUCCESS);
}

uint32_t clus_group_wait_recv(struct tevent_req *req)
{
	enum tevent_req_state state;
	uint64_t err;
	uint32_t result = waiter_result(req);

	if (tevent_req_is_error(req, &state, &err)) {
		tevent_req_received(req);
		return state == TEVENT_REQ_TIMED_OUT ? CM_ERROR_IO_PENDING :
			CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	tevent_req_received(req);
	return result;
}
