/*
 * clusapi - the simulated cluster: asynchronous group operations
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Online, offline, move and failover all run the same machine, one step
 * per timer tick of transition_ms:
 *
 *   STOPPING  resources whose goal is Offline go OfflinePending, then
 *             Offline, dependents before their providers
 *   hand-over (moves) the owner becomes the target
 *   STARTING  resources whose goal is Online go OnlinePending, then
 *             Online, providers before their dependents
 *
 * Each tick is one transaction: the pending resources finish their
 * transition and the next wave starts.  Every step takes at least one
 * tick, so an accepted move is always visible as Pending first.
 *
 * The group record stores the operation (kind, phase, target, flags), so
 * a restart finds it: op_settle_after_load() then completes or rolls
 * back the move at once, without delay.
 */

#include <string.h>

#include "sim.h"

static void op_tick(struct tevent_context *ev, struct tevent_timer *te,
		    struct timeval now, void *private_data);

static void op_arm(void *a, void *b)
{
	struct clus_group *g = a;
	struct clus_group_op *op = b;
	struct clus_model *m;
	uint32_t ms;

	if (g->op != op || op->te != NULL) {
		return;
	}
	m = talloc_parent(g);
	ms = m->transition_ms;
	op->te = tevent_add_timer(
		m->ev, op,
		tevent_timeval_current_ofs(ms / 1000, (ms % 1000) * 1000),
		op_tick, g);
	if (op->te == NULL) {
		clus_log(m, 0, "model: cannot arm timer for group '%s'",
			 g->name);
	}
}

struct clus_group_op *op_start(struct clus_txn *t, struct clus_group *g,
			       uint32_t kind, uint32_t phase,
			       struct clus_node *target, uint32_t flags)
{
	struct clus_group_op *op = talloc_zero(g, struct clus_group_op);
	struct clus_link *l;

	if (op == NULL) {
		t->oom = true;
		return NULL;
	}
	op->kind = kind;
	op->phase = phase;
	op->flags = flags;
	op->source = g->owner;
	op->target = target;
	txn_free_on_undo(t, op);
	TXN_SET(t, g->op, op);
	txn_dirty(t, &g->obj);

	if (kind == CLUS_OP_MOVE) {
		for (l = g->resources.first; l != NULL; l = l->next) {
			struct clus_resource *r = CLUS_ITEM(
				l, struct clus_resource, group_link);

			TXN_SET(t, r->goal, CLUS_GOAL_OFFLINE);
		}
	} else if (kind == CLUS_OP_FAILOVER || kind == CLUS_OP_RESTORE) {
		for (l = g->resources.first; l != NULL; l = l->next) {
			struct clus_resource *r = CLUS_ITEM(
				l, struct clus_resource, group_link);

			TXN_SET(t, r->goal,
				r->persistent_state == CM_RES_ONLINE ?
				CLUS_GOAL_ONLINE : CLUS_GOAL_NONE);
		}
	}
	group_update_state(t, g);
	txn_on_commit(t, op_arm, g, op);
	return op;
}

uint32_t op_run(struct clus_txn *t, struct clus_group *g, uint32_t kind,
		uint32_t phase, struct clus_node *target, uint32_t flags)
{
	uint32_t err;

	if (op_start(t, g, kind, phase, target, flags) == NULL) {
		txn_cancel(t);
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	op_first_wave(t, g);
	err = txn_commit(t);
	return err != CM_ERROR_SUCCESS ? err : CM_ERROR_IO_PENDING;
}

static void op_set_start_goals(struct clus_txn *t, struct clus_group *g)
{
	struct clus_link *l;

	for (l = g->resources.first; l != NULL; l = l->next) {
		struct clus_resource *r = CLUS_ITEM(l, struct clus_resource,
						    group_link);

		TXN_SET(t, r->goal, r->persistent_state == CM_RES_ONLINE ?
			CLUS_GOAL_ONLINE : CLUS_GOAL_NONE);
	}
}

static uint32_t op_stop_wave(struct clus_txn *t, struct clus_group *g)
{
	uint32_t n = 0;
	struct clus_link *l;

	for (l = g->resources.first; l != NULL; l = l->next) {
		struct clus_resource *r = CLUS_ITEM(l, struct clus_resource,
						    group_link);

		if (r->goal != CLUS_GOAL_OFFLINE) {
			continue;
		}
		if (r->state == CM_RES_FAILED) {
			/* nothing runs: it is simply Offline now */
			res_set_state(t, r, CM_RES_OFFLINE);
			continue;
		}
		if ((r->state == CM_RES_ONLINE ||
		     r->state == CM_RES_INITIALIZING) &&
		    res_dependents_stopped(r)) {
			res_set_state(t, r, CM_RES_OFFLINE_PENDING);
			n++;
		}
	}
	return n;
}

static uint32_t op_start_wave(struct clus_txn *t, struct clus_group *g)
{
	uint32_t n = 0;
	struct clus_link *l;

	for (l = g->resources.first; l != NULL; l = l->next) {
		struct clus_resource *r = CLUS_ITEM(l, struct clus_resource,
						    group_link);

		if (r->goal != CLUS_GOAL_ONLINE) {
			continue;
		}
		if ((r->state == CM_RES_OFFLINE || r->state == CM_RES_FAILED ||
		     r->state == CM_RES_INITIALIZING) &&
		    res_providers_online(r)) {
			res_set_state(t, r, CM_RES_ONLINE_PENDING);
			n++;
		}
	}
	return n;
}

void op_first_wave(struct clus_txn *t, struct clus_group *g)
{
	if (g->op == NULL) {
		return;
	}
	if (g->op->phase == CLUS_PHASE_STOPPING) {
		if (g->op->kind != CLUS_OP_RESTORE) {
			op_stop_wave(t, g);
		}
	} else {
		op_start_wave(t, g);
	}
	group_update_state(t, g);
}

static void op_end(struct clus_txn *t, struct clus_group *g, bool drain_ok)
{
	struct clus_group_op *op = g->op;
	struct clus_link *l;

	for (l = g->resources.first; l != NULL; l = l->next) {
		struct clus_resource *r = CLUS_ITEM(l, struct clus_resource,
						    group_link);

		TXN_SET(t, r->goal, CLUS_GOAL_NONE);
	}
	TXN_SET(t, g->op, NULL);
	txn_free_on_commit(t, op);	/* cancels its timer, if any */
	txn_dirty(t, &g->obj);
	if (op->drain_node != NULL) {
		node_drain_done(t, op->drain_node, drain_ok);
	}
	group_update_state(t, g);
	group_wake_on_commit(t, g, CM_ERROR_SUCCESS);
}

void op_finish(struct clus_txn *t, struct clus_group *g)
{
	struct clus_group_op *op = g->op;

	op_end(t, g, op->drain_node == NULL || g->owner != op->drain_node);
}

/* Resources taken down for a move that cannot land: they failed */
static void op_fail_move(struct clus_txn *t, struct clus_group *g)
{
	struct clus_link *l;

	for (l = g->resources.first; l != NULL; l = l->next) {
		struct clus_resource *r = CLUS_ITEM(l, struct clus_resource,
						    group_link);

		if (r->persistent_state == CM_RES_ONLINE) {
			res_set_state(t, r, CM_RES_FAILED);
		}
	}
	op_end(t, g, false);
}

/*
 * May a move land on @n?  Only if it is Up: MS-CMRP forbids bringing
 * groups online on a paused node, so a target paused after the move was
 * accepted is as unavailable as one that went down.
 */
static bool node_can_host(const struct clus_group *g,
			  const struct clus_node *n)
{
	return node_is_up(n) && clus_group_node_is_possible(g, n);
}

/* End of STOPPING for a move: hand over, or give up */
static bool op_hand_over(struct clus_txn *t, struct clus_group *g)
{
	struct clus_group_op *op = g->op;

	if (op->target != NULL && node_can_host(g, op->target)) {
		group_set_owner(t, g, op->target);
	} else if ((op->flags & CM_MOVE_RETURN_TO_SOURCE_NODE_ON_ERROR) &&
		   op->source != NULL && op->source == g->owner &&
		   (op->source->state == CM_NODE_UP ||
		    op->source->state == CM_NODE_PAUSED)) {
		/* stay where we are and come back up */
	} else {
		op_fail_move(t, g);
		return false;
	}
	TXN_SET(t, op->phase, CLUS_PHASE_STARTING);
	op_set_start_goals(t, g);
	return true;
}

static void op_step(struct clus_txn *t, struct clus_group *g)
{
	struct clus_group_op *op = g->op;
	struct clus_link *l;

	/* 1. the resources pending since the last tick finish */
	for (l = g->resources.first; l != NULL; l = l->next) {
		struct clus_resource *r = CLUS_ITEM(l, struct clus_resource,
						    group_link);

		if (r->state == CM_RES_ONLINE_PENDING) {
			bool ok = node_is_up(g->owner) ||
				g->owner->state == CM_NODE_PAUSED;

			ok = ok && clus_resource_is_possible_owner(r,
								   g->owner);
			res_set_state(t, r, ok ? CM_RES_ONLINE :
				      CM_RES_FAILED);
		} else if (r->state == CM_RES_OFFLINE_PENDING) {
			res_set_state(t, r, CM_RES_OFFLINE);
		}
	}

	/* 2. the next wave, or the next phase */
	for (;;) {
		if (op->phase == CLUS_PHASE_STOPPING) {
			if (op->kind != CLUS_OP_RESTORE &&
			    op_stop_wave(t, g) > 0) {
				break;
			}
			switch (op->kind) {
			case CLUS_OP_OFFLINE:
				op_finish(t, g);
				return;
			case CLUS_OP_MOVE:
			case CLUS_OP_FAILOVER:
				if (!op_hand_over(t, g)) {
					return;
				}
				break;
			default:
				TXN_SET(t, op->phase, CLUS_PHASE_STARTING);
				op_set_start_goals(t, g);
				break;
			}
			txn_dirty(t, &g->obj);
			continue;
		}
		if (op_start_wave(t, g) > 0) {
			break;
		}
		op_finish(t, g);
		return;
	}
	group_update_state(t, g);
	txn_on_commit(t, op_arm, g, op);
}

static void op_tick(struct tevent_context *ev, struct tevent_timer *te,
		    struct timeval now, void *private_data)
{
	struct clus_group *g = private_data;
	struct clus_group_op *op = g->op;
	struct clus_model *m = talloc_parent(g);
	struct clus_txn *t;
	uint32_t err;

	(void)ev;
	(void)te;
	(void)now;
	op->te = NULL;		/* tevent frees the fired timer */

	t = txn_begin(m);
	if (t == NULL) {
		op_arm(g, op);	/* try again next tick */
		return;
	}
	op_step(t, g);
	err = txn_commit(t);
	if (err != CM_ERROR_SUCCESS) {
		/* memory is as before the tick: retry the same step */
		clus_log(m, 0, "model: group '%s' step not stored (%s), "
			 "retrying", g->name, clus_model_errstr(err));
		op_arm(g, op);
	}
}

/*
 * The owner of @g is gone: everything that ran there stopped abruptly.
 * Restart the group on its best node (@prefer if it fits), or leave it
 * Failed where it is when no node can take it.
 */
void group_failover(struct clus_txn *t, struct clus_group *g,
		    struct clus_node *prefer)
{
	struct clus_model *m = t->m;
	struct clus_node *drained = NULL;
	struct clus_node *dest;
	struct clus_link *l;

	if (g->op != NULL) {
		drained = g->op->drain_node;
		TXN_SET(t, g->op->drain_node, NULL);
		op_end(t, g, true);
	}
	for (l = g->resources.first; l != NULL; l = l->next) {
		struct clus_resource *r = CLUS_ITEM(l, struct clus_resource,
						    group_link);

		if (r->state != CM_RES_OFFLINE && r->state != CM_RES_FAILED) {
			res_set_state(t, r, CM_RES_OFFLINE);
		}
	}
	dest = group_pick_node(m, g, g->owner, prefer);
	if (drained != NULL) {
		node_drain_done(t, drained, dest != NULL && dest != drained);
	}
	if (dest == NULL) {
		for (l = g->resources.first; l != NULL; l = l->next) {
			struct clus_resource *r = CLUS_ITEM(
				l, struct clus_resource, group_link);

			if (r->persistent_state == CM_RES_ONLINE) {
				res_set_state(t, r, CM_RES_FAILED);
			}
		}
		group_update_state(t, g);
		return;
	}
	group_set_owner(t, g, dest);
	if (op_start(t, g, CLUS_OP_FAILOVER, CLUS_PHASE_STARTING, dest,
		     0) != NULL) {
		op_first_wave(t, g);
	}
	group_update_state(t, g);
}

/*
 * Called while loading, for a group whose record says an operation was
 * running when the previous process died.  Nothing may stay pending: a
 * move whose target can still host the group lands there, anything else
 * settles on the owner it has.  Resources take their persistent state at
 * once where the owner runs, and count as failed where it does not.
 */
void op_settle_after_load(struct clus_txn *t, struct clus_group *g,
			  uint32_t kind, uint32_t phase,
			  struct clus_node *target, uint32_t flags)
{
	struct clus_node *owner = g->owner;
	struct clus_link *l;
	bool runs;

	(void)phase;
	(void)flags;
	/*
	 * A move that can land, lands (what the client asked for); one that
	 * cannot is rolled back onto the node that still owns the group.
	 */
	if ((kind == CLUS_OP_MOVE || kind == CLUS_OP_FAILOVER) &&
	    target != NULL && target != owner && node_can_host(g, target)) {
		group_set_owner(t, g, target);
		owner = target;
	}

	runs = owner->state == CM_NODE_UP || owner->state == CM_NODE_PAUSED;
	for (l = g->resources.first; l != NULL; l = l->next) {
		struct clus_resource *r = CLUS_ITEM(l, struct clus_resource,
						    group_link);
		uint32_t want;

		if (r->persistent_state != CM_RES_ONLINE) {
			want = CM_RES_OFFLINE;
		} else if (runs && clus_resource_is_possible_owner(r, owner)) {
			want = CM_RES_ONLINE;
		} else {
			want = CM_RES_FAILED;
		}
		res_set_state(t, r, want);
	}
	group_update_state(t, g);
}
