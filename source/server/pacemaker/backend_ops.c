/*
 * clusapi - the Pacemaker backend: the calls that change the cluster,
 * written to the CIB
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each call writes its change to the CIB (one synchronous libcib call)
 * and records what it waits for on the group (g->op) in a backend
 * transaction, so every client sees the group Pending when the call
 * returns ERROR_IO_PENDING.  backend_wait.c ends the operation once
 * the CIB shows it done and the DC is idle.
 *
 *   move (4.2)		cli-prefer-<group> location constraint (INFINITY
 *			on the target); removed once the group is Online
 *			there: resource-stickiness keeps it
 *   online/offline	target-role Started/Stopped (group or resource)
 *   pause		standby=on (drain); clusapi-paused=true and the
 *			-500 rule (no drain); resume clears both
 */

#include <string.h>

#include "pcmk_backend_private.h"

static struct pcmk_backend *backend_of(struct clus_model *m)
{
	return m->backend_private;
}

/* @g waits for @kind to finish: Pending for every client from now on */
static uint32_t op_record(struct pcmk_backend *b, struct clus_group *g,
			  uint32_t kind, struct clus_node *target,
			  struct clus_resource *r)
{
	struct clus_txn *t = txn_begin_backend(b->m);
	struct clus_group_op *op;
	uint32_t err;

	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	op = talloc_zero(g, struct clus_group_op);
	if (op == NULL) {
		txn_cancel(t);
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	op->kind = kind;
	op->source = g->owner;
	op->target = target;
	op->resource = r;
	txn_free_on_undo(t, op);
	TXN_SET(t, g->op, op);
	txn_dirty(t, &g->obj);
	group_set_state(t, g, CM_GROUP_PENDING);
	if (r != NULL) {
		res_set_state(t, r, kind == CLUS_OP_ONLINE ?
			      CM_RES_ONLINE_PENDING : CM_RES_OFFLINE_PENDING);
	}
	err = txn_commit(t);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	pcmk_backend_check(b);
	return CM_ERROR_IO_PENDING;
}

/*
 * MS-CMRP 3.1.4.2.53/3.1.4.2.165: the flags Pacemaker can honour are
 * none and "ignore the resources' state"; queueing, returning to the
 * source on error and failback have no Pacemaker equivalent.
 */
#define PCMK_MOVE_FLAGS	(CM_MOVE_IGNORE_RESOURCE_STATUS | \
			 CM_MOVE_HIGH_PRIORITY_START)

static uint32_t pcmk_group_move(struct clus_model *m, struct clus_group *g,
				struct clus_node *target, uint32_t flags)
{
	struct pcmk_backend *b = backend_of(m);
	uint32_t err;

	if (target != NULL && target == g->owner && g->op == NULL) {
		return CM_ERROR_SUCCESS;
	}
	if (g->op != NULL) {
		return CM_ERROR_CLUSTER_GROUP_MOVING;
	}
	if ((flags & ~PCMK_MOVE_FLAGS) != 0) {
		return CM_ERROR_NOT_SUPPORTED;
	}
	if (target == NULL) {
		target = group_pick_node(m, g, g->owner, NULL);
		if (target == NULL) {
			return CM_ERROR_HOST_NODE_NOT_AVAILABLE;
		}
	}
	if (target->state == CM_NODE_PAUSED) {
		return CM_ERROR_CLUSTER_NODE_PAUSED;
	}
	if (target->state != CM_NODE_UP) {
		return CM_ERROR_HOST_NODE_NOT_AVAILABLE;
	}
	if (!clus_group_node_is_possible(g, target)) {
		return CM_ERROR_HOST_NODE_NOT_GROUP_OWNER;
	}
	err = pcmk_backend_apply(b, pcmk_change_move(b, g->id,
						     target->name));
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	return op_record(b, g, CLUS_OP_MOVE, target, NULL);
}

/* target-role of @rsc (a group or a primitive) */
static uint32_t set_role(struct pcmk_backend *b, const char *rsc,
			 bool started)
{
	const struct pcmk_cib *cib = pcmk_conn_cib(b->conn);

	return pcmk_backend_apply(b, pcmk_change_target_role(b, cib, rsc, started));
}

/*
 * Online or offline of @g, or of its resource @r: target-role written;
 * @there: the state is already reached (decided before writing: libcib
 * may deliver notifications while it writes)
 */
static uint32_t bring(struct clus_model *m, struct clus_group *g,
		      struct clus_resource *r, bool online, bool there)
{
	struct pcmk_backend *b = backend_of(m);
	uint32_t err = group_busy_error(g);

	if (err == CM_ERROR_SUCCESS && online && !there) {
		err = group_owner_can_start(g);
	}
	if (err == CM_ERROR_SUCCESS) {
		err = set_role(b, r != NULL ? r->id : g->id, online);
	}
	if (err != CM_ERROR_SUCCESS || there) {
		return err;
	}
	return op_record(b, g, online ? CLUS_OP_ONLINE : CLUS_OP_OFFLINE,
			 NULL, r);
}

static uint32_t pcmk_group_online(struct clus_model *m, struct clus_group *g)
{
	return bring(m, g, NULL, true, g->state == CM_GROUP_ONLINE);
}

static uint32_t pcmk_group_offline(struct clus_model *m, struct clus_group *g)
{
	return bring(m, g, NULL, false, g->state == CM_GROUP_OFFLINE);
}

static uint32_t pcmk_resource_online(struct clus_model *m,
				     struct clus_resource *r)
{
	return bring(m, r->group, r, true, r->state == CM_RES_ONLINE);
}

static uint32_t pcmk_resource_offline(struct clus_model *m,
				      struct clus_resource *r)
{
	return bring(m, r->group, r, false, r->state == CM_RES_OFFLINE);
}

/* Pacemaker has no way to stop a transition half way */
static uint32_t pcmk_cancel(struct clus_model *m, struct clus_group *g,
			    uint32_t flags)
{
	if (flags != 0) {
		return CM_ERROR_INVALID_PARAMETER;
	}
	if (g->op == NULL) {
		return CM_ERROR_INVALID_STATE;
	}
	return CM_ERROR_NOT_SUPPORTED;
}

/* The node's state as the CIB now has it, for every client at once */
static uint32_t node_show(struct pcmk_backend *b, struct clus_node *node,
			  uint32_t state, uint32_t drain)
{
	struct clus_txn *t = txn_begin_backend(b->m);

	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	node_set_state_internal(t, node, state);
	node_set_drain_status(t, node, drain);
	return txn_commit(t);
}

static uint32_t pcmk_node_pause(struct clus_model *m, struct clus_node *node,
				bool drain, struct clus_node *drain_target)
{
	struct pcmk_backend *b = backend_of(m);
	const struct pcmk_node *pn;
	uint32_t err;

	if (node->state == CM_NODE_PAUSED && !drain) {
		return CM_ERROR_SUCCESS;
	}
	if (node->state != CM_NODE_UP && node->state != CM_NODE_PAUSED) {
		return CM_ERROR_CLUSTER_NODE_DOWN;
	}
	if (drain_target != NULL) {
		/* Pacemaker places what leaves a standby node itself */
		return CM_ERROR_NOT_SUPPORTED;
	}
	pn = pcmk_cib_node(pcmk_conn_cib(b->conn), node->name);
	if (pn == NULL) {
		return CM_ERROR_CLUSTER_NODE_NOT_FOUND;
	}
	if (drain) {
		err = pcmk_backend_apply(b, pcmk_change_standby(b, pn, true));
	} else {
		err = pcmk_backend_apply(b, pcmk_change_paused_rule(b));
		if (err == CM_ERROR_SUCCESS) {
			err = pcmk_backend_apply(b, pcmk_change_paused(b, pn, true));
		}
	}
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	return node_show(b, node, CM_NODE_PAUSED,
			 drain ? CM_DRAIN_IN_PROGRESS : node->drain_status);
}

static uint32_t pcmk_node_resume(struct clus_model *m,
				 struct clus_node *node, bool failback)
{
	struct pcmk_backend *b = backend_of(m);
	const struct pcmk_node *pn;
	uint32_t err;

	if (node->state != CM_NODE_PAUSED) {
		return CM_ERROR_CLUSTER_NODE_NOT_PAUSED;
	}
	if (failback) {
		/* preferred owners are scores below the stickiness */
		return CM_ERROR_NOT_SUPPORTED;
	}
	pn = pcmk_cib_node(pcmk_conn_cib(b->conn), node->name);
	if (pn == NULL) {
		return CM_ERROR_CLUSTER_NODE_NOT_FOUND;
	}
	err = pcmk_backend_apply(b, pcmk_change_standby(b, pn, false));
	if (err == CM_ERROR_SUCCESS) {
		err = pcmk_backend_apply(b, pcmk_change_paused(b, pn, false));
	}
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	return node_show(b, node, CM_NODE_UP, node->drain_status);
}

/* Node states are corosync's and Pacemaker's to say */
static uint32_t pcmk_node_set_state(struct clus_model *m,
				    struct clus_node *node, uint32_t state)
{
	return CM_ERROR_NOT_SUPPORTED;
}

/* Removing a node is corosync.conf's business (pcs cluster node remove) */
static uint32_t pcmk_node_evict(struct clus_model *m, struct clus_node *node)
{
	return CM_ERROR_NOT_SUPPORTED;
}

/* Never called: there is no store to find an operation in */
static void pcmk_settle_after_load(struct clus_txn *t, struct clus_group *g,
				   uint32_t kind, uint32_t phase,
				   struct clus_node *target, uint32_t flags)
{
}

const struct clus_backend_ops pcmk_backend_ops = {
	.name			= "pacemaker",
	.group_online		= pcmk_group_online,
	.group_offline		= pcmk_group_offline,
	.group_move		= pcmk_group_move,
	.group_cancel_operation	= pcmk_cancel,
	.resource_online	= pcmk_resource_online,
	.resource_offline	= pcmk_resource_offline,
	.node_pause		= pcmk_node_pause,
	.node_resume		= pcmk_node_resume,
	.node_set_state		= pcmk_node_set_state,
	.node_evict		= pcmk_node_evict,
	/* objects written to the cluster: backend_objects.c */
	.group_create		= pcmk_obj_group_create,
	.group_delete		= pcmk_obj_group_delete,
	.group_rename		= pcmk_obj_group_rename,
	.resource_create	= pcmk_obj_resource_create,
	.resource_delete	= pcmk_obj_resource_delete,
	.resource_rename	= pcmk_obj_resource_rename,
	.resource_change_group	= pcmk_obj_resource_change_group,
	.settle_after_load	= pcmk_settle_after_load,
	.resource_set_props	= pcmk_resource_set_props,
	.resource_set_deps	= pcmk_resource_set_deps,
	.resource_possible_owner = pcmk_resource_possible_owner,
	.group_set_preferred	= pcmk_group_set_preferred,
	.voter_down_loses_quorum = pcmk_voter_down,
};
