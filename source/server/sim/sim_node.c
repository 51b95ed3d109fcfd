/*
 * clusapi - the simulated cluster: nodes paused, drained, resumed, lost
 * and evicted
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sim.h"

void node_drain_done(struct clus_txn *t, struct clus_node *node, bool ok)
{
	if (node->drain_pending == 0) {
		return;
	}
	TXN_SET(t, node->drain_pending, node->drain_pending - 1);
	if (!ok) {
		TXN_SET(t, node->drain_failed, node->drain_failed + 1);
	}
	if (node->drain_pending == 0) {
		node_set_drain_status(t, node, node->drain_failed > 0 ?
				      CM_DRAIN_FAILED : CM_DRAIN_COMPLETED);
	}
}

static void node_drain_start(struct clus_txn *t, struct clus_node *node,
			     struct clus_node *target)
{
	struct clus_model *m = t->m;
	struct clus_group *g;
	uint32_t pending = 0;
	uint32_t failed = 0;

	txn_set_str(t, node, &node->drain_target_id,
		    target != NULL ? target->id : "");
	node_set_drain_status(t, node, CM_DRAIN_IN_PROGRESS);

	for (g = clus_group_first(m); g != NULL; g = clus_group_next(g)) {
		struct clus_node *dest = NULL;
		struct clus_group_op *op;

		if (g->owner != node) {
			continue;
		}
		if (g->op != NULL) {
			/* busy; it stays unless its own op takes it away */
			failed++;
			continue;
		}
		if (target != NULL && clus_group_node_is_possible(g, target)) {
			dest = target;
		} else {
			dest = group_pick_node(m, g, node, NULL);
		}
		if (dest == NULL) {
			failed++;
			continue;
		}
		op = op_start(t, g, CLUS_OP_MOVE, CLUS_PHASE_STOPPING, dest, 0);
		if (op == NULL) {
			failed++;
			continue;
		}
		TXN_SET(t, op->drain_node, node);
		op_first_wave(t, g);
		pending++;
	}

	TXN_SET(t, node->drain_pending, pending);
	TXN_SET(t, node->drain_failed, failed);
	if (pending == 0) {
		node_set_drain_status(t, node, failed > 0 ? CM_DRAIN_FAILED :
				      CM_DRAIN_COMPLETED);
	}
}

uint32_t sim_node_pause(struct clus_model *m, struct clus_node *node,
			bool drain, struct clus_node *drain_target)
{
	struct clus_txn *t;

	if (node->state == CM_NODE_PAUSED && !drain) {
		return CM_ERROR_SUCCESS;
	}
	if (node->state != CM_NODE_UP && node->state != CM_NODE_PAUSED) {
		return CM_ERROR_CLUSTER_NODE_DOWN;
	}
	if (drain && drain_target == node) {
		return CM_ERROR_INVALID_PARAMETER;
	}
	if (drain && drain_target != NULL) {
		uint32_t err = node_host_error(drain_target);

		if (err != CM_ERROR_SUCCESS) {
			return err;
		}
	}

	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	node_set_state_internal(t, node, CM_NODE_PAUSED);
	if (drain) {
		node_drain_start(t, node, drain_target);
	}
	return txn_commit(t);
}

uint32_t sim_node_resume(struct clus_model *m, struct clus_node *node,
			 bool failback)
{
	struct clus_txn *t;
	struct clus_group *g;

	if (node->state != CM_NODE_PAUSED) {
		return CM_ERROR_CLUSTER_NODE_NOT_PAUSED;
	}
	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	node_set_state_internal(t, node, CM_NODE_UP);

	for (g = clus_group_first(m); failback && g != NULL;
	     g = clus_group_next(g)) {
		if (g->op != NULL || g->owner == node ||
		    g->num_preferred == 0 || g->preferred[0] != node ||
		    !clus_group_node_is_possible(g, node)) {
			continue;
		}
		if (op_start(t, g, CLUS_OP_MOVE, CLUS_PHASE_STOPPING, node,
			     0) != NULL) {
			op_first_wave(t, g);
		}
	}
	return txn_commit(t);
}

/* Fail over everything @node owned; @node is already marked down */
static void node_failover_groups(struct clus_txn *t, struct clus_node *node)
{
	struct clus_group *g;

	for (g = clus_group_first(t->m); g != NULL; g = clus_group_next(g)) {
		struct clus_node *prefer = NULL;

		if (g->owner != node) {
			continue;
		}
		/* A move that was under way keeps its destination */
		if (g->op != NULL && g->op->target != node) {
			prefer = g->op->target;
		}
		group_failover(t, g, prefer);
	}
}

static void node_recover_stranded(struct clus_txn *t)
{
	struct clus_group *g;

	for (g = clus_group_first(t->m); g != NULL; g = clus_group_next(g)) {
		if (g->op != NULL || g->owner->state == CM_NODE_UP ||
		    g->owner->state == CM_NODE_PAUSED) {
			continue;
		}
		group_failover(t, g, NULL);
	}
}

uint32_t sim_node_set_state(struct clus_model *m, struct clus_node *node,
			    uint32_t state)
{
	struct clus_txn *t;

	switch (state) {
	case CM_NODE_DOWN:
		if (node->state == CM_NODE_DOWN) {
			return CM_ERROR_CLUSTER_NODE_ALREADY_DOWN;
		}
		break;
	case CM_NODE_UP:
		if (node->state == CM_NODE_UP ||
		    node->state == CM_NODE_PAUSED) {
			return CM_ERROR_CLUSTER_NODE_ALREADY_UP;
		}
		break;
	case CM_NODE_JOINING:
		if (node->state != CM_NODE_DOWN) {
			return CM_ERROR_INVALID_STATE;
		}
		break;
	default:
		return CM_ERROR_INVALID_PARAMETER;
	}

	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	node_set_state_internal(t, node, state);
	if (state == CM_NODE_DOWN) {
		node_failover_groups(t, node);
	} else if (state == CM_NODE_UP) {
		node_recover_stranded(t);
	}
	return txn_commit(t);
}

uint32_t sim_node_evict(struct clus_model *m, struct clus_node *node)
{
	struct clus_txn *t;
	struct clus_node *heir = NULL;
	struct clus_node *n;
	struct clus_group *g;
	struct clus_resource *r;
	struct clus_netif *ni, *next_ni;

	/* Someone must inherit the groups: prefer an Up node */
	for (n = clus_node_first(m); n != NULL; n = clus_node_next(n)) {
		if (n == node) {
			continue;
		}
		if (heir == NULL || (n->state == CM_NODE_UP &&
				     heir->state != CM_NODE_UP)) {
			heir = n;
		}
	}
	if (heir == NULL) {
		return CM_ERROR_CLUSTER_EVICT_INVALID_REQUEST;
	}

	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	if (node->state != CM_NODE_DOWN) {
		node_set_state_internal(t, node, CM_NODE_DOWN);
		node_failover_groups(t, node);
	}

	for (g = clus_group_first(m); g != NULL; g = clus_group_next(g)) {
		if (g->owner == node) {
			/* nowhere to run: it stays Failed, on a real node */
			group_set_owner(t, g, heir);
			group_update_state(t, g);
		}
		group_remove_node_refs(t, g, node);
	}
	for (r = clus_resource_first(m); r != NULL; r = clus_resource_next(r)) {
		resource_remove_node_refs(t, r, node);
	}
	for (ni = clus_netif_first(m); ni != NULL; ni = next_ni) {
		next_ni = clus_netif_next(ni);
		if (ni->node == node) {
			netif_delete(t, ni);
		}
	}
	if (strcmp(m->cluster->local_node_id, node->id) == 0) {
		txn_set_str(t, m->cluster, &m->cluster->local_node_id,
			    heir->id);
		txn_dirty(t, &m->cluster->obj);
	}

	notify_node(t, node, CM_CHANGE_NODE_DELETED,
		    CM_CHANGE_NODE_DELETED_V2);
	obj_unlink(t, &node->obj);
	txn_free_on_commit(t, node);
	return txn_commit(t);
}
