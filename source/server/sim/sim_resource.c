/*
 * clusapi - the simulated cluster: resources online and offline
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sim.h"

/*
 * Give @r @goal and the persistent state @persistent that goes with it;
 * false when it has them already or the chain of calls is absurdly deep.
 */
static bool resource_set_goal(struct clus_txn *t, struct clus_resource *r,
			      uint8_t goal, uint32_t persistent,
			      unsigned depth)
{
	if (r->goal == goal || depth > 64) {
		return false;
	}
	TXN_SET(t, r->goal, goal);
	if (r->persistent_state != persistent) {
		TXN_SET(t, r->persistent_state, persistent);
		txn_dirty(t, &r->obj);
	}
	return true;
}

/* Mark @r and, recursively, its providers to come online */
static void resource_goal_online(struct clus_txn *t, struct clus_resource *r,
				 unsigned depth)
{
	uint32_t i;

	if (!resource_set_goal(t, r, CLUS_GOAL_ONLINE, CM_RES_ONLINE, depth)) {
		return;
	}
	for (i = 0; i < r->deps.num_tokens; i++) {
		if (r->deps.tokens[i].kind == CM_DEP_REF) {
			resource_goal_online(
				t, clus_container_of(r->deps.tokens[i].ref,
						     struct clus_resource, obj),
				depth + 1);
		}
	}
}

/* Mark @r and, recursively, its dependents to go offline */
static void resource_goal_offline(struct clus_txn *t,
				  struct clus_resource *r, unsigned depth)
{
	struct clus_link *l;

	if (!resource_set_goal(t, r, CLUS_GOAL_OFFLINE, CM_RES_OFFLINE,
			       depth)) {
		return;
	}
	for (l = r->group->resources.first; l != NULL; l = l->next) {
		struct clus_resource *o = CLUS_ITEM(l, struct clus_resource,
						    group_link);

		if (depexpr_refers(&o->deps, &r->obj)) {
			resource_goal_offline(t, o, depth + 1);
		}
	}
}

static void group_clear_goals(struct clus_txn *t, struct clus_group *g)
{
	struct clus_link *l;

	for (l = g->resources.first; l != NULL; l = l->next) {
		struct clus_resource *o = CLUS_ITEM(l, struct clus_resource,
						    group_link);

		TXN_SET(t, o->goal, CLUS_GOAL_NONE);
	}
}

/*
 * A transaction for a new goal of one resource of @g, the group's other
 * goals cleared; NULL with *err when @g is busy, @r cannot start or
 * there is no memory
 */
static struct clus_txn *goal_begin(struct clus_model *m,
				   struct clus_resource *r, bool start,
				   uint32_t *err)
{
	struct clus_group *g = r->group;
	struct clus_txn *t;

	*err = group_busy_error(g);
	if (*err == CM_ERROR_SUCCESS && start) {
		*err = group_owner_can_start(g);
	}
	if (*err != CM_ERROR_SUCCESS) {
		return NULL;
	}
	t = txn_begin(m);
	if (t == NULL) {
		*err = CM_ERROR_NOT_ENOUGH_MEMORY;
		return NULL;
	}
	group_clear_goals(t, g);
	return t;
}

uint32_t sim_resource_online(struct clus_model *m, struct clus_resource *r)
{
	struct clus_group *g = r->group;
	struct clus_txn *t;
	uint32_t err;

	t = goal_begin(m, r, r->state != CM_RES_ONLINE, &err);
	if (t == NULL) {
		return err;
	}
	resource_goal_online(t, r, 0);
	if (r->state == CM_RES_ONLINE) {
		return txn_commit(t);
	}
	return op_run(t, g, CLUS_OP_ONLINE, CLUS_PHASE_STARTING, NULL, 0);
}

uint32_t sim_resource_offline(struct clus_model *m, struct clus_resource *r)
{
	struct clus_group *g = r->group;
	struct clus_txn *t;
	uint32_t err;

	t = goal_begin(m, r, false, &err);
	if (t == NULL) {
		return err;
	}
	resource_goal_offline(t, r, 0);
	/* A failed resource runs nothing: it is Offline when we answer */
	if ((r->state == CM_RES_OFFLINE || r->state == CM_RES_FAILED) &&
	    res_dependents_stopped(r)) {
		res_set_state(t, r, CM_RES_OFFLINE);
		group_update_state(t, g);
		return txn_commit(t);
	}
	return op_run(t, g, CLUS_OP_OFFLINE, CLUS_PHASE_STOPPING, NULL, 0);
}
