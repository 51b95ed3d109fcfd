/*
 * clusapi - the Pacemaker backend: operations followed to their end
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A group with an operation (g->op, backend_ops.c) stays Pending until
 * the CIB shows the operation done (a move: every member Started on the
 * target; online/offline: the state reached; or the group Failed, or
 * settled elsewhere when the target was lost) and the DC's controller
 * is idle (no transition left).  Then the move's cli-prefer constraint
 * is removed, the operation cleared and the clients waiting on the
 * group woken, in one backend transaction.
 *
 * A restarted clusapid adopts the moves it finds in the CIB (the
 * cli-prefer constraints) and ends them the same way.
 */

#include <string.h>

#include "pcmk_backend_private.h"

#define PCMK_CLI_PREFER		"cli-prefer-"
#define PCMK_PING_TIMEOUT_MS	5000
#define PCMK_PING_RETRY_US	50000

static long ms_since(const struct timeval *t0)
{
	struct timeval now = tevent_timeval_current();

	return (now.tv_sec - t0->tv_sec) * 1000 +
		(now.tv_usec - t0->tv_usec) / 1000;
}

static bool resource_done(const struct pcmk_cib *cib,
			  const struct clus_group_op *op)
{
	const struct pcmk_primitive *p;
	const char *owner = NULL;
	uint32_t state;

	p = pcmk_cib_primitive(cib, op->resource->id);
	if (p == NULL) {
		return true;
	}
	state = pcmk_resource_state(p, &owner);
	return state == CM_RES_FAILED ||
		state == (op->kind == CLUS_OP_ONLINE ? CM_RES_ONLINE :
			  CM_RES_OFFLINE);
}

static bool op_done(const struct pcmk_cib *cib, const struct clus_group *g)
{
	const struct clus_group_op *op = g->op;
	const struct pcmk_group *pg = pcmk_cib_group(cib, g->id);
	const struct pcmk_node *target;
	const char *owner = NULL;
	uint32_t state;

	if (pg == NULL) {
		return true;
	}
	if (op->resource != NULL) {
		return resource_done(cib, op);
	}
	state = pcmk_group_state(cib, pg, false, &owner);
	if (state == CM_GROUP_FAILED) {
		return true;
	}
	switch (op->kind) {
	case CLUS_OP_MOVE:
		target = pcmk_cib_node(cib, op->target->name);
		if (target == NULL || !pcmk_node_online(target)) {
			/* the target is lost: done where it settles */
			return state != CM_GROUP_PENDING;
		}
		return state == CM_GROUP_ONLINE && owner != NULL &&
			strcmp(owner, op->target->name) == 0;
	case CLUS_OP_ONLINE:
		return state == CM_GROUP_ONLINE;
	case CLUS_OP_OFFLINE:
		return state == CM_GROUP_OFFLINE;
	}
	return state != CM_GROUP_PENDING;
}

static bool any_done(struct pcmk_backend *b, const struct pcmk_cib *cib)
{
	struct clus_group *g;

	for (g = clus_group_first(b->m); g != NULL; g = clus_group_next(g)) {
		if (g->op != NULL && op_done(cib, g)) {
			return true;
		}
	}
	return false;
}

/* The cli-prefer constraints of the ended moves, then the ops cleared */
static void finish(struct tevent_context *ev, struct tevent_immediate *im,
		   void *private_data)
{
	struct pcmk_backend *b = private_data;
	const struct pcmk_cib *cib = pcmk_conn_cib(b->conn);
	struct clus_group *g;
	struct clus_txn *t;

	for (g = clus_group_first(b->m); g != NULL; g = clus_group_next(g)) {
		if (g->op != NULL && g->op->kind == CLUS_OP_MOVE &&
		    op_done(cib, g)) {
			pcmk_backend_apply(b, pcmk_change_unmove(b, g->id));
		}
	}
	t = txn_begin_backend(b->m);
	if (t == NULL) {
		clus_log(b->m, 0, "pacemaker: no memory to end operations");
		return;
	}
	for (g = clus_group_first(b->m); g != NULL; g = clus_group_next(g)) {
		struct clus_group_op *op = g->op;

		if (op == NULL || !op_done(cib, g)) {
			continue;
		}
		TXN_SET(t, g->op, NULL);
		txn_free_on_commit(t, op);
		txn_dirty(t, &g->obj);
		group_wake_on_commit(t, g, CM_ERROR_SUCCESS);
	}
	pcmk_backend_refresh_txn(t, cib);
	if (txn_commit(t) != CM_ERROR_SUCCESS) {
		clus_log(b->m, 0, "pacemaker: operations not ended");
	}
}

static void ping_again(struct tevent_context *ev, struct tevent_timer *te,
		       struct timeval now, void *private_data)
{
	pcmk_backend_check(private_data);
}

static void ping_done(struct tevent_req *req)
{
	struct pcmk_backend *b = tevent_req_callback_data(
		req, struct pcmk_backend);
	char *dc = NULL, *fsa = NULL;
	int ret = pcmk_dc_state_recv(req, b, &dc, &fsa);
	bool idle = ret == 0 && pcmk_dc_idle(fsa);

	TALLOC_FREE(b->ping);
	clus_log(b->m, 3, "pacemaker: DC %s: %s, in %ld ms",
		 dc != NULL ? dc : "?", ret == 0 ? fsa : strerror(ret),
		 ms_since(&b->ping_sent));
	TALLOC_FREE(dc);
	TALLOC_FREE(fsa);
	if (idle) {
		/* out of GLib's dispatch: libcib is called again there */
		tevent_schedule_immediate(b->im, b->m->ev, finish, b);
		return;
	}
	if (tevent_add_timer(b->m->ev, b,
			     tevent_timeval_current_ofs(0, PCMK_PING_RETRY_US),
			     ping_again, b) == NULL) {
		clus_log(b->m, 0, "pacemaker: cannot ask the DC again");
	}
}

void pcmk_backend_check(struct pcmk_backend *b)
{
	if (b->ping != NULL || !any_done(b, pcmk_conn_cib(b->conn))) {
		return;
	}
	b->ping_sent = tevent_timeval_current();
	b->ping = pcmk_dc_state_send(b, b->m->ev, PCMK_PING_TIMEOUT_MS);
	if (b->ping == NULL) {
		clus_log(b->m, 0, "pacemaker: cannot ask the DC's state");
		return;
	}
	tevent_req_set_callback(b->ping, ping_done, b);
	pcmk_glib_loop_kick(b->glib);
}

/* A restart: the moves under way are the cli-prefer constraints */
uint32_t pcmk_backend_adopt(struct pcmk_backend *b,
			    const struct pcmk_cib *cib)
{
	struct clus_txn *t = txn_begin_backend(b->m);
	size_t i;

	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	for (i = 0; i < cib->num_locations; i++) {
		const struct pcmk_location *l = &cib->locations[i];
		struct clus_group *g;
		struct clus_group_op *op;

		if (strncmp(l->id, PCMK_CLI_PREFER,
			    strlen(PCMK_CLI_PREFER)) != 0 ||
		    l->rsc == NULL || l->node == NULL ||
		    (g = clus_group_by_id(b->m, l->rsc)) == NULL ||
		    clus_node_by_name(b->m, l->node) == NULL ||
		    g->op != NULL) {
			continue;
		}
		op = talloc_zero(g, struct clus_group_op);
		if (op == NULL) {
			txn_cancel(t);
			return CM_ERROR_NOT_ENOUGH_MEMORY;
		}
		clus_log(b->m, 1, "pacemaker: group '%s' was moving to %s; "
			 "following it", g->name, l->node);
		op->kind = CLUS_OP_MOVE;
		op->source = g->owner;
		op->target = clus_node_by_name(b->m, l->node);
		TXN_SET(t, g->op, op);
		txn_free_on_undo(t, op);
	}
	return txn_commit(t);
}
