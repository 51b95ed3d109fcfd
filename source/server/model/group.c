/*
 * clusapi - cluster model: groups
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "backend.h"

struct clus_group *group_new(struct clus_txn *t, const char *name,
			     const char *id)
{
	return obj_new(t, CLUS_KIND_GROUP, name, id);
}

struct clus_resource *clus_group_first_resource(struct clus_group *group)
{
	return CLUS_ITEM(group->resources.first, struct clus_resource,
			 group_link);
}

struct clus_resource *clus_group_next_resource(struct clus_resource *res)
{
	return CLUS_ITEM(res->group_link.next, struct clus_resource,
			 group_link);
}

bool clus_group_is_pending(const struct clus_group *group)
{
	return group->op != NULL;
}

/* May resources of @g be brought online where it is now? */
uint32_t group_owner_can_start(const struct clus_group *g)
{
	return node_host_error(g->owner);
}

/* Refusal for a request that needs a settled group; success when it is */
uint32_t group_busy_error(const struct clus_group *g)
{
	if (g->op == NULL) {
		return CM_ERROR_SUCCESS;
	}
	switch (g->op->kind) {
	case CLUS_OP_MOVE:
	case CLUS_OP_FAILOVER:
	case CLUS_OP_RESTORE:
		return CM_ERROR_CLUSTER_GROUP_MOVING;
	}
	return CM_ERROR_GROUP_NOT_AVAILABLE;
}

bool clus_group_node_is_possible(const struct clus_group *group,
				 const struct clus_node *node)
{
	struct clus_link *l;

	for (l = group->resources.first; l != NULL; l = l->next) {
		const struct clus_resource *r = CLUS_ITEM(
			l, struct clus_resource, group_link);

		if (!clus_resource_is_possible_owner(r, node)) {
			return false;
		}
	}
	return true;
}

/*
 * MS-CMRP 3.1.4.2.46: Failed beats Pending beats PartialOnline; all
 * Online is Online, none Online is Offline.  While an operation runs the
 * group is Pending even between steps (all resources Offline halfway
 * through a move), so a client polling for "not Pending" never sees a
 * move as finished before it is.  An empty group shows its persistent
 * state.
 */
uint32_t group_derive_state(const struct clus_group *g)
{
	uint32_t n = 0, online = 0, failed = 0, pending = 0;
	struct clus_link *l;

	if (g->op != NULL) {
		return CM_GROUP_PENDING;
	}
	for (l = g->resources.first; l != NULL; l = l->next) {
		const struct clus_resource *r = CLUS_ITEM(
			l, struct clus_resource, group_link);

		n++;
		switch (r->state) {
		case CM_RES_ONLINE:
			online++;
			break;
		case CM_RES_FAILED:
			failed++;
			break;
		case CM_RES_ONLINE_PENDING:
		case CM_RES_OFFLINE_PENDING:
			pending++;
			break;
		}
	}
	if (failed > 0) {
		return CM_GROUP_FAILED;
	}
	if (pending > 0) {
		return CM_GROUP_PENDING;
	}
	if (n == 0) {
		return g->persistent_state == CM_GROUP_ONLINE ?
			CM_GROUP_ONLINE : CM_GROUP_OFFLINE;
	}
	if (online == n) {
		return CM_GROUP_ONLINE;
	}
	if (online == 0) {
		return CM_GROUP_OFFLINE;
	}
	return CM_GROUP_PARTIAL_ONLINE;
}

void group_update_state(struct clus_txn *t, struct clus_group *g)
{
	group_set_state(t, g, group_derive_state(g));
}

void group_set_state(struct clus_txn *t, struct clus_group *g,
		     uint32_t state)
{
	if (state == g->state) {
		return;
	}
	TXN_SET(t, g->state, state);
	TXN_SET(t, g->state_seq, g->state_seq + 1);
	txn_dirty(t, &g->obj);
	notify_group(t, g, CM_CHANGE_GROUP_STATE, CM_CHANGE_GROUP_STATE_V2);
}

void group_set_owner(struct clus_txn *t, struct clus_group *g,
		     struct clus_node *owner)
{
	struct clus_node *old = g->owner;

	if (old == owner) {
		return;
	}
	TXN_SET(t, g->owner, owner);
	TXN_SET(t, g->state_seq, g->state_seq + 1);
	txn_dirty(t, &g->obj);
	/* v1 has no owner event: the owner is part of the group state */
	notify_group(t, g, CM_CHANGE_GROUP_STATE,
		     CM_CHANGE_GROUP_OWNER_NODE_V2);
	if (old != NULL) {
		notify_node(t, old, 0, CM_CHANGE_NODE_GROUP_LOST_V2);
	}
	notify_node(t, owner, 0, CM_CHANGE_NODE_GROUP_GAINED_V2);
}

struct clus_group *group_add(struct clus_txn *t, const char *name,
			     const char *id, struct clus_node *owner,
			     uint32_t group_type)
{
	struct clus_group *g;

	id = id != NULL ? id : clus_new_guid(t);
	g = (id != NULL) ? group_new(t, name, id) : NULL;

	if (g == NULL) {
		return NULL;
	}
	g->owner = owner;
	g->group_type = group_type;
	obj_link(t, &g->obj);
	notify_group(t, g, CM_CHANGE_GROUP_ADDED, 0);
	notify_cluster(t, 0, CM_CHANGE_CLUSTER_GROUP_ADDED_V2, g->name, g->id);
	notify_node(t, owner, 0, CM_CHANGE_NODE_GROUP_GAINED_V2);
	return g;
}

uint32_t clus_group_create(struct clus_model *m, const char *name,
			   uint32_t group_type, struct clus_group **group)
{
	struct clus_txn *t;
	struct clus_group *g;
	uint32_t err;

	err = obj_check_name(m, CLUS_KIND_GROUP, name, NULL);
	if (err != CM_ERROR_SUCCESS || m->backend->group_create != NULL) {
		return err ? err : m->backend->group_create(m, name, group_type,
							    group);
	}
	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	g = group_add(t, name, NULL, clus_model_local_node(m), group_type);
	if (g == NULL) {
		txn_cancel(t);
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	err = txn_commit(t);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	*group = g;
	return CM_ERROR_SUCCESS;
}

static void group_drop_dependents(struct clus_txn *t, struct clus_group *g)
{
	struct clus_model *m = t->m;
	struct clus_group *o;

	for (o = clus_group_first(m); o != NULL; o = clus_group_next(o)) {
		struct clus_depexpr n;

		if (o == g || !depexpr_refers(&o->deps, &g->obj)) {
			continue;
		}
		if (!depexpr_without(o, &o->deps, &g->obj, &n)) {
			t->oom = true;
			continue;
		}
		txn_set_depexpr(t, &o->deps, &n);
		txn_dirty(t, &o->obj);
	}
}

void group_unlink_deleted(struct clus_txn *t, struct clus_group *g)
{
	struct clus_resource *r, *next;

	for (r = clus_group_first_resource(g); r != NULL; r = next) {
		next = clus_group_next_resource(r);
		resource_unlink_deleted(t, r);
	}
	if (g->groupset != NULL) {
		groupset_remove_member(t, g->groupset, g);
	}
	group_drop_dependents(t, g);
	notify_group(t, g, CM_CHANGE_GROUP_DELETED,
		     CM_CHANGE_GROUP_DELETED_V2);
	notify_node(t, g->owner, 0, CM_CHANGE_NODE_GROUP_LOST_V2);
	obj_unlink(t, &g->obj);
	group_wake_on_commit(t, g, CM_ERROR_GROUP_NOT_FOUND);
	txn_free_on_commit(t, g);
}

uint32_t clus_group_delete(struct clus_model *m, struct clus_group *g,
			   bool force)
{
	struct clus_resource *quorum = clus_model_quorum_resource(m);
	struct clus_resource *r;
	struct clus_txn *t;

	if (g->op != NULL) {
		return CM_ERROR_CLUSTER_GROUP_MOVING;
	}
	for (r = clus_group_first_resource(g); r != NULL;
	     r = clus_group_next_resource(r)) {
		if ((r->flags & CM_RES_FLAG_CORE) || r == quorum) {
			return CM_ERROR_CORE_RESOURCE;
		}
	}
	if (g->resources.count > 0 && !force) {
		return CM_ERROR_DIR_NOT_EMPTY;
	}
	if (m->backend->group_delete != NULL) {
		return m->backend->group_delete(m, g);
	}

	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	/* force: the resources go with it (stopping is instant here) */
	group_unlink_deleted(t, g);
	return txn_commit(t);
}

/* A property of @g changed in @t (@v2 says which): store, announce, commit */
static uint32_t group_commit_change(struct clus_txn *t, struct clus_group *g,
				    uint64_t v2)
{
	txn_dirty(t, &g->obj);
	notify_group(t, g, CM_CHANGE_GROUP_PROPERTY, v2);
	return txn_commit(t);
}

uint32_t clus_group_set_common(struct clus_model *m, struct clus_group *g,
			       const struct clus_common_set *c)
{
	uint32_t err;
	struct clus_txn *t = obj_set_common_begin(m, &g->obj, c, &err);

	if (t == NULL) {
		return err;
	}
	if (c->set & CM_COMMON_PERSISTENT_STATE) {
		TXN_SET(t, g->persistent_state, c->persistent_state != 0 ?
			CM_GROUP_ONLINE : CM_GROUP_OFFLINE);
	}
	if (c->set & CM_COMMON_PRIORITY) {
		TXN_SET(t, g->priority, c->priority);
	}
	return group_commit_change(t, g, CM_CHANGE_GROUP_COMMON_PROPERTY_V2);
}

uint32_t clus_group_rename(struct clus_model *m, struct clus_group *g,
			   const char *name)
{
	struct clus_common_set c = { .name = name };

	uint32_t err = obj_check_name(m, CLUS_KIND_GROUP, name, g);

	if (err != CM_ERROR_SUCCESS || strcmp(g->name, name) == 0) {
		return err;
	}
	if (m->backend->group_rename != NULL) {
		return m->backend->group_rename(m, g, name);
	}
	return clus_group_set_common(m, g, &c);
}

uint32_t clus_group_set_preferred_owners(struct clus_model *m,
					 struct clus_group *g,
					 struct clus_node **nodes,
					 uint32_t num_nodes)
{
	struct clus_node **list;
	struct clus_txn *t;
	uint32_t i, j;

	for (i = 0; i < num_nodes; i++) {
		if (nodes[i] == NULL) {
			return CM_ERROR_CLUSTER_NODE_NOT_FOUND;
		}
		for (j = 0; j < i; j++) {
			if (nodes[j] == nodes[i]) {
				return CM_ERROR_INVALID_PARAMETER;
			}
		}
	}
	if (m->backend->group_set_preferred != NULL) {
		return m->backend->group_set_preferred(m, g, nodes, num_nodes);
	}
	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	list = talloc_zero_array(g, struct clus_node *, num_nodes + 1);
	if (list == NULL) {
		txn_cancel(t);
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	if (num_nodes > 0) {
		memcpy(list, nodes, num_nodes * sizeof(nodes[0]));
	}
	txn_set_array(t, &g->preferred, list, &g->num_preferred, num_nodes);
	return group_commit_change(t, g, CM_CHANGE_GROUP_PREFERRED_OWNERS_V2);
}

void group_remove_node_refs(struct clus_txn *t, struct clus_group *g,
			    struct clus_node *node)
{
	struct clus_node **list;
	uint32_t i, n = 0;
	bool found = false;

	if (g->op != NULL) {
		struct clus_group_op *op = g->op;

		if (op->target == node) {
			TXN_SET(t, op->target, NULL);
			txn_dirty(t, &g->obj);
		}
		if (op->source == node) {
			TXN_SET(t, op->source, NULL);
		}
		if (op->drain_node == node) {
			TXN_SET(t, op->drain_node, NULL);
			txn_dirty(t, &g->obj);
		}
	}
	for (i = 0; i < g->num_preferred; i++) {
		if (g->preferred[i] == node) {
			found = true;
		}
	}
	if (!found) {
		return;
	}
	list = talloc_zero_array(g, struct clus_node *, g->num_preferred);
	if (list == NULL) {
		t->oom = true;
		return;
	}
	for (i = 0; i < g->num_preferred; i++) {
		if (g->preferred[i] != node) {
			list[n++] = g->preferred[i];
		}
	}
	txn_set_array(t, &g->preferred, list, &g->num_preferred, n);
	txn_dirty(t, &g->obj);
}

uint32_t clus_group_set_type(struct clus_model *m, struct clus_group *g,
			     uint32_t group_type)
{
	struct clus_txn *t;

	if (g->group_type == group_type) {
		return CM_ERROR_SUCCESS;
	}
	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	TXN_SET(t, g->group_type, group_type);
	return group_commit_change(t, g, CM_CHANGE_GROUP_COMMON_PROPERTY_V2);
}

/*
 * Set (@remove false) or delete the private properties of @props (only
 * their names for a delete), all in one transaction.
 */
static uint32_t group_change_props(struct clus_model *m, struct clus_group *g,
				   const struct clus_prop *props,
				   uint32_t num, bool remove)
{
	struct clus_txn *t = txn_begin(m);
	uint32_t err;

	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	err = txn_proplist_apply(t, g, &g->props, props, num, remove);
	if (err != CM_ERROR_SUCCESS) {
		txn_cancel(t);
		return err;
	}
	txn_dirty(t, &g->obj);
	notify_group(t, g, CM_CHANGE_GROUP_PROPERTY,
		     CM_CHANGE_GROUP_PRIVATE_PROPERTY_V2);
	return txn_commit(t);
}

uint32_t clus_group_set_props(struct clus_model *m, struct clus_group *g,
			      const struct clus_prop *props, uint32_t num)
{
	return group_change_props(m, g, props, num, false);
}

uint32_t clus_group_set_prop(struct clus_model *m, struct clus_group *g,
			     const char *name, uint32_t type,
			     const uint8_t *data, uint32_t len)
{
	struct clus_prop p = {
		.name = clus_discard_const(name), .type = type,
		.data = clus_discard_const(data), .len = len,
	};

	return group_change_props(m, g, &p, 1, false);
}

uint32_t clus_group_del_prop(struct clus_model *m, struct clus_group *g,
			     const char *name)
{
	struct clus_prop p = { .name = clus_discard_const(name) };

	return group_change_props(m, g, &p, 1, true);
}

/*
 * Candidates are Up (not paused), possible owners of every resource and
 * not @exclude.  @prefer wins if it is a candidate, then the preferred
 * owners in their order, then the other nodes in creation order.
 */
struct clus_node *group_pick_node(struct clus_model *m,
				  const struct clus_group *g,
				  const struct clus_node *exclude,
				  const struct clus_node *prefer)
{
	struct clus_node *n;
	uint32_t i;

#define CANDIDATE(x) ((x) != NULL && (x) != exclude && node_is_up(x) && \
		      clus_group_node_is_possible(g, (x)))

	if (CANDIDATE(prefer)) {
		return clus_discard_const(prefer);
	}
	for (i = 0; i < g->num_preferred; i++) {
		if (CANDIDATE(g->preferred[i])) {
			return g->preferred[i];
		}
	}
	for (n = clus_node_first(m); n != NULL; n = clus_node_next(n)) {
		if (CANDIDATE(n)) {
			return n;
		}
	}
	return NULL;
#undef CANDIDATE
}

struct clus_node *clus_group_best_node(struct clus_model *m,
				       struct clus_group *group)
{
	return group_pick_node(m, group, group->owner, NULL);
}

static struct clus_object *group_dep_resolve(void *private_data,
					     const char *name)
{
	struct clus_model *m = private_data;
	struct clus_group *g = clus_group_by_name(m, name);
	struct clus_groupset *s;

	if (g != NULL) {
		return &g->obj;
	}
	s = clus_groupset_by_name(m, name);
	return s != NULL ? &s->obj : NULL;
}

static uint32_t group_set_deps(struct clus_model *m, struct clus_group *g,
			       struct clus_depexpr *n)
{
	struct clus_txn *t;

	if (depexpr_refers(n, &g->obj)) {
		talloc_free(n->tokens);
		return CM_ERROR_CIRCULAR_DEPENDENCY;
	}
	t = txn_begin(m);
	if (t == NULL) {
		talloc_free(n->tokens);
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	txn_set_depexpr(t, &g->deps, n);
	return group_commit_change(t, g, CM_CHANGE_GROUP_COMMON_PROPERTY_V2);
}

uint32_t clus_group_set_dependency_expression(struct clus_model *m,
					      struct clus_group *g,
					      const char *expression)
{
	struct clus_depexpr n;
	uint32_t err;

	err = depexpr_parse(g, expression, group_dep_resolve, m, &n);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	return group_set_deps(m, g, &n);
}

/* Add @provider (a group set) to @g's expression, or drop a provider */
static uint32_t group_change_dep(struct clus_model *m, struct clus_group *g,
				 struct clus_object *provider, bool add)
{
	struct clus_depexpr n;
	uint32_t err;

	err = depexpr_change(g, &g->deps, provider, add, &n);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	return group_set_deps(m, g, &n);
}

uint32_t clus_group_remove_dependency(struct clus_model *m,
				      struct clus_group *g,
				      struct clus_group *provider)
{
	return group_change_dep(m, g, &provider->obj, false);
}

uint32_t clus_group_add_groupset_dependency(struct clus_model *m,
					    struct clus_group *g,
					    struct clus_groupset *provider)
{
	return group_change_dep(m, g, &provider->obj, true);
}

uint32_t clus_group_remove_groupset_dependency(struct clus_model *m,
					       struct clus_group *g,
					       struct clus_groupset *provider)
{
	return group_change_dep(m, g, &provider->obj, false);
}
