/*
 * clusapi - the Pacemaker backend: nodes, groups and resources added to
 * or removed from the CIB while clusapid runs, put into the model in the
 * backend transaction of the CIB change (the model announces them)
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model's groups and resources are the CIB's by id (the model's
 * object id is the CIB id): a group is a <group>, a primitive outside
 * any group or an empty group of PCMK_GROUPS_SET (pcmk.h), a resource a
 * <primitive>; a node is a <nodes>/<node> by uname.  A name changed in
 * the CIB (clusapi-name) renames the object; a primitive that changed
 * groups moves to its new group; one whose agent the model does not
 * know brings its resource type along.  A node removed from the CIB
 * (crm_node --remove) leaves the model with its interfaces; what it
 * owned passes to the local node until the CIB says where it runs.
 * clusapid's own node, or one an operation still names, stays until a
 * later change.
 */

#include <string.h>

#include "pcmk_backend_private.h"

static uint32_t sync_nodes(struct clus_txn *t, const struct pcmk_cib *cib)
{
	size_t i;

	for (i = 0; i < cib->num_nodes; i++) {
		const struct pcmk_node *pn = &cib->nodes[i];
		struct clus_node *n;

		if (clus_node_by_name(t->m, pn->name) != NULL ||
		    clus_node_by_id(t->m, pn->id) != NULL) {
			continue;
		}
		n = node_new(t, pn->name, pn->id);
		if (n == NULL) {
			return CM_ERROR_NOT_ENOUGH_MEMORY;
		}
		n->state = pcmk_node_state(pn);
		obj_link(t, &n->obj);
		notify_node(t, n, CM_CHANGE_NODE_ADDED, 0);
		notify_cluster(t, 0, CM_CHANGE_CLUSTER_NODE_ADDED_V2, n->name,
			       n->id);
	}
	return CM_ERROR_SUCCESS;
}

static void sync_group_name(struct clus_txn *t, struct clus_group *g,
			    const char *name)
{
	if (strcmp(g->name, name) == 0) {
		return;
	}
	txn_rename(t, t->m->group_names, g, &g->name, name);
	txn_dirty(t, &g->obj);
	notify_group(t, g, CM_CHANGE_GROUP_PROPERTY,
		     CM_CHANGE_GROUP_COMMON_PROPERTY_V2);
}

static bool node_in_use(struct clus_model *m, const struct clus_node *node)
{
	struct clus_group *g;

	if (node == clus_model_local_node(m)) {
		return true;
	}
	for (g = clus_group_first(m); g != NULL; g = clus_group_next(g)) {
		const struct clus_group_op *op = g->op;

		if (op != NULL && (op->source == node || op->target == node ||
				   op->drain_node == node)) {
			return true;
		}
	}
	return false;
}

static void sync_drop_node(struct clus_txn *t, struct clus_node *node)
{
	struct clus_node *heir = clus_model_local_node(t->m);
	struct clus_netif *ni, *next;
	struct clus_resource *r;
	struct clus_group *g;

	for (g = clus_group_first(t->m); g != NULL; g = clus_group_next(g)) {
		if (g->owner == node) {
			group_set_owner(t, g, heir);
		}
		group_remove_node_refs(t, g, node);
	}
	for (r = clus_resource_first(t->m); r != NULL;
	     r = clus_resource_next(r)) {
		resource_remove_node_refs(t, r, node);
	}
	for (ni = clus_netif_first(t->m); ni != NULL; ni = next) {
		next = clus_netif_next(ni);
		if (ni->node == node) {
			netif_delete(t, ni);
		}
	}
	notify_node(t, node, CM_CHANGE_NODE_DELETED,
		    CM_CHANGE_NODE_DELETED_V2);
	obj_unlink(t, &node->obj);
	txn_free_on_commit(t, node);
}

static void sync_removed_nodes(struct clus_txn *t,
			       const struct pcmk_cib *cib)
{
	struct clus_node *n, *next;

	for (n = clus_node_first(t->m); n != NULL; n = next) {
		next = clus_node_next(n);
		if (pcmk_cib_node(cib, n->name) == NULL &&
		    !node_in_use(t->m, n)) {
			sync_drop_node(t, n);
		}
	}
}

static uint32_t sync_groups(struct clus_txn *t, const struct pcmk_cib *cib)
{
	size_t i;

	for (i = 0; i < cib->num_groups; i++) {
		const struct pcmk_group *pg = &cib->groups[i];
		struct clus_group *g = clus_group_by_id(t->m, pg->id);
		const char *owner = NULL;
		struct clus_node *node;

		if (g != NULL) {
			sync_group_name(t, g, pg->name);
			continue;
		}
		pcmk_group_state(cib, pg, false, &owner);
		node = owner != NULL ? clus_node_by_name(t->m, owner) : NULL;
		if (group_add(t, pg->name, pg->id, node != NULL ? node :
			      clus_model_local_node(t->m),
			      CM_GROUP_TYPE_GENERIC_SERVICE) == NULL) {
			return CM_ERROR_NOT_ENOUGH_MEMORY;
		}
	}
	return CM_ERROR_SUCCESS;
}

/* The model's resource type of @p's agent, new if need be */
static struct clus_restype *sync_restype(struct clus_txn *t,
					 const struct pcmk_primitive *p)
{
	char *name = pcmk_backend_agent(t, p);
	struct clus_restype *rt;

	if (name == NULL) {
		return NULL;
	}
	rt = clus_restype_by_name(t->m, name);
	if (rt != NULL) {
		return rt;
	}
	rt = restype_new(t, name);
	if (rt == NULL) {
		return NULL;
	}
	obj_link(t, &rt->obj);
	notify_restype(t, rt, CM_CHANGE_RESOURCE_TYPE_ADDED, 0);
	notify_cluster(t, 0, CM_CHANGE_CLUSTER_RESOURCE_TYPE_ADDED_V2,
		       rt->name, rt->name);
	return rt;
}

/* An online/offline of @r that cannot end: its waiters answered @err */
static void sync_end_op(struct clus_txn *t, struct clus_resource *r,
			uint32_t err)
{
	struct clus_group *g = r->group;
	struct clus_group_op *op = g->op;

	if (op == NULL || op->resource != r) {
		return;
	}
	TXN_SET(t, g->op, NULL);
	txn_free_on_commit(t, op);
	txn_dirty(t, &g->obj);
	group_wake_on_commit(t, g, err);
}

/* @r into @g, where the CIB has it now */
static void sync_change_group(struct clus_txn *t, struct clus_resource *r,
			      struct clus_group *g)
{
	struct clus_group *old = r->group;

	sync_end_op(t, r, CM_ERROR_INVALID_STATE);
	resource_drop_dependents(t, r);
	resource_set_group(t, r, g);
	notify_group(t, old, 0, CM_CHANGE_GROUP_RESOURCE_LOST_V2);
	notify_group(t, g, 0, CM_CHANGE_GROUP_RESOURCE_GAINED_V2);
}

/* A new resource of @p: its private properties, instance_attributes */
static uint32_t sync_add_resource(struct clus_txn *t, struct clus_group *g,
				  const struct pcmk_primitive *p)
{
	struct clus_restype *rt = sync_restype(t, p);
	struct clus_resource *r;
	uint32_t err = CM_ERROR_SUCCESS;
	size_t i;

	r = rt != NULL ? resource_add(t, g, p->name, p->id, rt) : NULL;
	if (r == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	for (i = 0; err == CM_ERROR_SUCCESS && i < p->params.num; i++) {
		const struct pcmk_nvpair *nv = &p->params.pairs[i];

		if (nv->value == NULL) {
			continue;
		}
		err = txn_proplist_set(t, r, &r->props, nv->name, CM_REG_SZ,
				       (const uint8_t *)nv->value,
				       strlen(nv->value) + 1);
	}
	return err;
}

static uint32_t sync_resources(struct clus_txn *t,
			       const struct pcmk_cib *cib)
{
	size_t i;

	for (i = 0; i < cib->num_primitives; i++) {
		const struct pcmk_primitive *p = &cib->primitives[i];
		struct clus_resource *r = clus_resource_by_id(t->m, p->id);
		struct clus_group *g;
		uint32_t err;

		g = clus_group_by_id(t->m, p->group ? p->group : p->id);
		if (g == NULL) {
			return CM_ERROR_GROUP_NOT_FOUND;	/* sync_groups */
		}
		if (r != NULL) {
			if (r->group != g) {
				sync_change_group(t, r, g);
			}
			if (strcmp(r->name, p->name) != 0) {
				txn_rename(t, t->m->res_names, r, &r->name,
					   p->name);
				txn_dirty(t, &r->obj);
				notify_resource(
					t, r, CM_CHANGE_RESOURCE_PROPERTY,
					CM_CHANGE_RESOURCE_COMMON_PROPERTY_V2);
			}
			continue;
		}
		err = sync_add_resource(t, g, p);
		if (err != CM_ERROR_SUCCESS) {
			return err;
		}
	}
	return CM_ERROR_SUCCESS;
}

/* What the CIB no longer has: resources, then groups */
static void sync_removed(struct clus_txn *t, const struct pcmk_cib *cib)
{
	struct clus_resource *r, *rnext;
	struct clus_group *g, *gnext;

	for (r = clus_resource_first(t->m); r != NULL; r = rnext) {
		rnext = clus_resource_next(r);
		if (pcmk_cib_primitive(cib, r->id) != NULL) {
			continue;
		}
		sync_end_op(t, r, CM_ERROR_RESOURCE_NOT_FOUND);
		resource_drop_dependents(t, r);
		resource_unlink_deleted(t, r);
	}
	for (g = clus_group_first(t->m); g != NULL; g = gnext) {
		gnext = clus_group_next(g);
		if (pcmk_cib_group(cib, g->id) != NULL) {
			continue;
		}
		group_unlink_deleted(t, g);	/* its op goes with it */
	}
}

bool pcmk_backend_same_objects(struct clus_model *m,
			       const struct pcmk_cib *cib)
{
	size_t i;

	for (i = 0; i < cib->num_groups; i++) {
		const struct pcmk_group *pg = &cib->groups[i];
		struct clus_group *g = clus_group_by_id(m, pg->id);

		if (g == NULL || strcmp(g->name, pg->name) != 0) {
			return false;
		}
	}
	for (i = 0; i < cib->num_primitives; i++) {
		const struct pcmk_primitive *p = &cib->primitives[i];
		struct clus_resource *r = clus_resource_by_id(m, p->id);

		if (r == NULL || strcmp(r->name, p->name) != 0 ||
		    strcmp(r->group->id, p->group ? p->group : p->id) != 0) {
			return false;
		}
	}
	for (i = 0; i < cib->num_nodes; i++) {
		if (clus_node_by_name(m, cib->nodes[i].name) == NULL) {
			return false;
		}
	}
	return cib->num_groups == clus_model_num_groups(m) &&
		cib->num_primitives == clus_model_num_resources(m) &&
		cib->num_nodes == clus_model_num_nodes(m);
}

uint32_t pcmk_backend_sync_txn(struct clus_txn *t,
			       const struct pcmk_cib *cib)
{
	uint32_t err;

	if (pcmk_backend_same_objects(t->m, cib)) {
		return CM_ERROR_SUCCESS;
	}
	err = sync_nodes(t, cib);
	if (err == CM_ERROR_SUCCESS) {
		err = sync_groups(t, cib);
	}
	if (err == CM_ERROR_SUCCESS) {
		err = sync_resources(t, cib);
	}
	if (err == CM_ERROR_SUCCESS) {
		sync_removed(t, cib);
		sync_removed_nodes(t, cib);
	}
	return err;
}
