/*
 * clusapi - cluster model: tevent requests waiting on a list
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * clus_group_wait_send() and clus_notify_wait_send() wait the same way:
 * at the front of a list (a group's, a notification port's) until
 * whatever it waits for wakes them all with one result.
 */

#include "model_private.h"

struct clus_waiter {
	struct clus_link link;		/* in *list */
	struct clus_list *list;		/* NULL once woken or gone */
	struct tevent_req *req;
	uint32_t result;
};

static void waiter_cleanup(struct tevent_req *req,
			   enum tevent_req_state req_state)
{
	struct clus_waiter *w = tevent_req_data(req, struct clus_waiter);

	(void)req_state;
	if (w->list == NULL) {
		return;
	}
	clus_list_remove(w->list, &w->link);
	w->list = NULL;
}

struct tevent_req *waiter_send(TALLOC_CTX *mem_ctx,
			       struct tevent_context *ev,
			       struct clus_list *list, uint32_t result)
{
	struct tevent_req *req;
	struct clus_waiter *w;

	req = tevent_req_create(mem_ctx, &w, struct clus_waiter);
	if (req == NULL) {
		return NULL;
	}
	w->req = req;
	if (list == NULL) {
		w->result = result;
		tevent_req_done(req);
		return tevent_req_post(req, ev);
	}
	/*
	 * Woken from inside a model transaction's commit: defer the
	 * callback so the caller never runs inside model code.
	 */
	tevent_req_defer_callback(req, ev);
	w->list = list;
	/* at the front: the latest waiter is woken first */
	clus_list_insert_after(list, NULL, &w->link);
	tevent_req_set_cleanup_fn(req, waiter_cleanup);
	return req;
}

uint32_t waiter_result(struct tevent_req *req)
{
	struct clus_waiter *w = tevent_req_data(req, struct clus_waiter);

	return w->result;
}

void waiters_wake(struct clus_list *list, uint32_t result)
{
	while (list->first != NULL) {
		struct clus_waiter *w = CLUS_ITEM(list->first,
						  struct clus_waiter, link);

		clus_list_remove(list, &w->link);
		w->list = NULL;
		w->result = result;
		/* deferred: the callback runs from the event loop */
		tevent_req_done(w->req);
	}
}
