/*
 * clusapi - the simulated cluster: groups online, offline and moving
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sim.h"

/* Bringing a whole group online or offline: the same steps either way */
struct group_goal {
	uint32_t group_state;		/* persistent state it takes */
	uint32_t res_state;		/* what its resources reach */
	uint8_t res_goal;		/* CLUS_GOAL_* */
	uint32_t op;			/* CLUS_OP_* while they get there */
	uint32_t phase;			/* CLUS_PHASE_* of that operation */
	bool needs_owner_up;		/* only starting needs a live owner */
};

enum { GROUP_GOAL_ONLINE, GROUP_GOAL_OFFLINE };

static const struct group_goal group_goals[] = {
	[GROUP_GOAL_ONLINE] = { CM_GROUP_ONLINE, CM_RES_ONLINE,
				CLUS_GOAL_ONLINE, CLUS_OP_ONLINE,
				CLUS_PHASE_STARTING, true },
	[GROUP_GOAL_OFFLINE] = { CM_GROUP_OFFLINE, CM_RES_OFFLINE,
				 CLUS_GOAL_OFFLINE, CLUS_OP_OFFLINE,
				 CLUS_PHASE_STOPPING, false },
};

static uint32_t group_bring(struct clus_model *m, struct clus_group *g,
			    const struct group_goal *goal)
{
	struct clus_resource *r;
	struct clus_txn *t;
	bool all_there = true;
	uint32_t err;

	err = group_busy_error(g);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	for (r = clus_group_first_resource(g); r != NULL;
	     r = clus_group_next_resource(r)) {
		if (r->state != goal->res_state) {
			all_there = false;
		}
	}
	if (!all_there && goal->needs_owner_up) {
		err = group_owner_can_start(g);
		if (err != CM_ERROR_SUCCESS) {
			return err;
		}
	}

	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	if (g->persistent_state != goal->group_state) {
		TXN_SET(t, g->persistent_state, goal->group_state);
		txn_dirty(t, &g->obj);
	}
	for (r = clus_group_first_resource(g); r != NULL;
	     r = clus_group_next_resource(r)) {
		if (r->persistent_state != goal->res_state) {
			TXN_SET(t, r->persistent_state, goal->res_state);
			txn_dirty(t, &r->obj);
		}
		TXN_SET(t, r->goal, goal->res_goal);
	}
	if (all_there) {
		group_update_state(t, g);
		return txn_commit(t);
	}
	return op_run(t, g, goal->op, goal->phase, NULL, 0);
}

uint32_t sim_group_online(struct clus_model *m, struct clus_group *g)
{
	return group_bring(m, g, &group_goals[GROUP_GOAL_ONLINE]);
}

uint32_t sim_group_offline(struct clus_model *m, struct clus_group *g)
{
	return group_bring(m, g, &group_goals[GROUP_GOAL_OFFLINE]);
}

uint32_t sim_group_move(struct clus_model *m, struct clus_group *g,
			struct clus_node *target, uint32_t flags)
{
	struct clus_node *dest;
	struct clus_txn *t;
	uint32_t err;

	if (target != NULL && target == g->owner &&
	    (g->op == NULL || g->op->target == NULL ||
	     g->op->target == g->owner)) {
		/*
		 * MS-CMRP 3.1.4.2.53: MUST succeed, nothing to do. Not while
		 * the group is moving away from its owner: that is a move
		 * in progress (below).
		 */
		return CM_ERROR_SUCCESS;
	}
	if (g->op != NULL) {
		return CM_ERROR_CLUSTER_GROUP_MOVING;
	}
	if (target == NULL) {
		dest = clus_group_best_node(m, g);
		if (dest == NULL) {
			return CM_ERROR_HOST_NODE_NOT_AVAILABLE;
		}
	} else {
		err = node_host_error(target);
		if (err != CM_ERROR_SUCCESS) {
			return err;
		}
		if (!clus_group_node_is_possible(g, target)) {
			return CM_ERROR_HOST_NODE_NOT_GROUP_OWNER;
		}
		dest = target;
	}

	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	return op_run(t, g, CLUS_OP_MOVE, CLUS_PHASE_STOPPING, dest, flags);
}

uint32_t sim_group_cancel_operation(struct clus_model *m,
				    struct clus_group *g, uint32_t flags)
{
	struct clus_group_op *op = g->op;
	struct clus_resource *r;
	struct clus_txn *t;
	uint32_t err;

	if (flags != 0) {
		return CM_ERROR_INVALID_PARAMETER;
	}
	if (op == NULL) {
		return CM_ERROR_INVALID_STATE;
	}
	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	/*
	 * Nothing new starts: resources already pending finish their step,
	 * then a cancelled move brings the group back to its persistent
	 * state on whichever node owns it at that moment; a cancelled
	 * online or offline just stops.
	 */
	if (op->kind != CLUS_OP_MOVE && op->kind != CLUS_OP_FAILOVER) {
		for (r = clus_group_first_resource(g); r != NULL;
		     r = clus_group_next_resource(r)) {
			TXN_SET(t, r->goal, CLUS_GOAL_NONE);
		}
	} else {
		/*
		 * Past the hand-over the move already is a restore on the
		 * new owner; before it, stop taking resources down.
		 */
		for (r = clus_group_first_resource(g);
		     op->phase == CLUS_PHASE_STOPPING && r != NULL;
		     r = clus_group_next_resource(r)) {
			TXN_SET(t, r->goal, CLUS_GOAL_NONE);
		}
		TXN_SET(t, op->kind, CLUS_OP_RESTORE);
		TXN_SET(t, op->target, NULL);
		TXN_SET(t, op->flags, 0);
		if (op->drain_node != NULL) {
			node_drain_done(t, op->drain_node, false);
			TXN_SET(t, op->drain_node, NULL);
		}
	}
	txn_dirty(t, &g->obj);
	err = txn_commit(t);
	return err != CM_ERROR_SUCCESS ? err : CM_ERROR_IO_PENDING;
}
