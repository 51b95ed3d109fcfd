/*
 * clusapi - cluster model: resources
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <strings.h>

#include "backend.h"

struct clus_resource *resource_new(struct clus_txn *t, const char *name,
				   const char *id)
{
	return obj_new(t, CLUS_KIND_RESOURCE, name, id);
}

void resource_link(struct clus_txn *t, struct clus_resource *r,
		   struct clus_group *g)
{
	r->group = g;
	txn_list_append(t, &g->resources, &r->group_link);
	obj_link(t, &r->obj);
}

void resource_unlink_deleted(struct clus_txn *t, struct clus_resource *r)
{
	notify_resource(t, r, CM_CHANGE_RESOURCE_DELETED,
			CM_CHANGE_RESOURCE_DELETED_V2);
	txn_list_remove(t, &r->group->resources, &r->group_link);
	obj_unlink(t, &r->obj);
	txn_free_on_commit(t, r);
}

void res_set_state(struct clus_txn *t, struct clus_resource *r,
		   uint32_t state)
{
	if (r->state == state) {
		return;
	}
	TXN_SET(t, r->state, state);
	TXN_SET(t, r->state_seq, r->state_seq + 1);
	txn_dirty(t, &r->obj);
	notify_resource(t, r, CM_CHANGE_RESOURCE_STATE,
			CM_CHANGE_RESOURCE_STATE_V2);
}

bool res_is_stopped(const struct clus_resource *r)
{
	return r->state == CM_RES_OFFLINE || r->state == CM_RES_FAILED;
}

bool res_dependents_stopped(const struct clus_resource *r)
{
	struct clus_link *l;

	for (l = r->group->resources.first; l != NULL; l = l->next) {
		const struct clus_resource *o = CLUS_ITEM(
			l, struct clus_resource, group_link);

		if (o != r && depexpr_refers(&o->deps, &r->obj) &&
		    !res_is_stopped(o)) {
			return false;
		}
	}
	return true;
}

/* Only AND is enforced: every provider named must be Online */
bool res_providers_online(const struct clus_resource *r)
{
	uint32_t i;

	for (i = 0; i < r->deps.num_tokens; i++) {
		const struct clus_deptoken *tk = &r->deps.tokens[i];

		if (tk->kind != CM_DEP_REF) {
			continue;
		}
		if (clus_container_of(tk->ref, struct clus_resource,
				      obj)->state != CM_RES_ONLINE) {
			return false;
		}
	}
	return true;
}

bool clus_resource_is_possible_owner(const struct clus_resource *res,
				     const struct clus_node *node)
{
	uint32_t i;

	for (i = 0; i < res->num_possible; i++) {
		if (res->possible[i] == node) {
			return true;
		}
	}
	return false;
}

void resource_remove_node_refs(struct clus_txn *t, struct clus_resource *r,
			       struct clus_node *node)
{
	struct clus_node **list;
	uint32_t i, n = 0;

	if (!clus_resource_is_possible_owner(r, node)) {
		return;
	}
	list = talloc_zero_array(r, struct clus_node *, r->num_possible);
	if (list == NULL) {
		t->oom = true;
		return;
	}
	for (i = 0; i < r->num_possible; i++) {
		if (r->possible[i] != node) {
			list[n++] = r->possible[i];
		}
	}
	txn_set_array(t, &r->possible, list, &r->num_possible, n);
	txn_dirty(t, &r->obj);
}

/* Resolver for expressions: resources of the same group only */
struct clus_object *resource_resolve_in_group(void *private_data,
					      const char *name)
{
	struct clus_resource *self = private_data;
	struct clus_link *l;

	for (l = self->group->resources.first; l != NULL; l = l->next) {
		struct clus_resource *o = CLUS_ITEM(l, struct clus_resource,
						    group_link);

		if (strcasecmp(o->name, name) == 0) {
			return &o->obj;
		}
	}
	return NULL;
}

struct clus_resource *resource_add(struct clus_txn *t, struct clus_group *g,
				   const char *name, const char *id,
				   struct clus_restype *type)
{
	struct clus_model *m = t->m;
	struct clus_resource *r;
	struct clus_node *n;
	uint32_t i = 0;

	id = id != NULL ? id : clus_new_guid(t);
	r = (id != NULL) ? resource_new(t, name, id) : NULL;
	if (r == NULL) {
		return NULL;
	}
	r->type = type;
	/* MS-CMRP: possible owners start as every configured node */
	talloc_free(r->possible);
	r->possible = talloc_zero_array(r, struct clus_node *,
					m->nodes.count + 1);
	if (r->possible == NULL) {
		return NULL;
	}
	for (n = clus_node_first(m); n != NULL; n = clus_node_next(n)) {
		r->possible[i++] = n;
	}
	r->num_possible = i;
	resource_link(t, r, g);
	notify_resource(t, r, CM_CHANGE_RESOURCE_ADDED, 0);
	notify_group(t, g, 0, CM_CHANGE_GROUP_RESOURCE_ADDED_V2);
	group_update_state(t, g);
	return r;
}

uint32_t clus_resource_create(struct clus_model *m, struct clus_group *g,
			      const char *name, const char *type_name,
			      uint32_t create_flags,
			      struct clus_resource **res)
{
	struct clus_restype *type;
	struct clus_resource *r;
	struct clus_txn *t;
	uint32_t err;

	err = obj_check_name(m, CLUS_KIND_RESOURCE, name, NULL);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	err = clus_restype_lookup(m, type_name, &type);
	if (err != CM_ERROR_SUCCESS || m->backend->resource_create != NULL) {
		return err ? err : m->backend->resource_create(m, g, name, type,
							       res);
	}
	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	r = resource_add(t, g, name, NULL, type);
	if (r == NULL) {
		txn_cancel(t);
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	r->create_flags = create_flags;
	err = txn_commit(t);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	*res = r;
	return CM_ERROR_SUCCESS;
}

/* Remove @r from the expressions of the resources that depend on it */
void resource_drop_dependents(struct clus_txn *t, struct clus_resource *r)
{
	struct clus_link *l;

	for (l = r->group->resources.first; l != NULL; l = l->next) {
		struct clus_resource *o = CLUS_ITEM(l, struct clus_resource,
						    group_link);
		struct clus_depexpr n;

		if (o == r || !depexpr_refers(&o->deps, &r->obj)) {
			continue;
		}
		if (!depexpr_without(o, &o->deps, &r->obj, &n)) {
			t->oom = true;
			continue;
		}
		txn_set_depexpr(t, &o->deps, &n);
		txn_dirty(t, &o->obj);
		notify_resource(t, o, CM_CHANGE_RESOURCE_PROPERTY,
				CM_CHANGE_RESOURCE_DEPENDENCIES_V2);
	}
}

uint32_t clus_resource_delete(struct clus_model *m, struct clus_resource *r)
{
	struct clus_group *g = r->group;
	struct clus_txn *t;
	uint32_t err;

	if ((r->flags & CM_RES_FLAG_CORE) ||
	    r == clus_model_quorum_resource(m)) {
		return CM_ERROR_CORE_RESOURCE;
	}
	if (!res_is_stopped(r)) {
		return CM_ERROR_RESOURCE_ONLINE;
	}
	err = group_busy_error(g);
	if (err != CM_ERROR_SUCCESS || m->backend->resource_delete != NULL) {
		return err ? err : m->backend->resource_delete(m, r);
	}
	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	resource_drop_dependents(t, r);
	resource_unlink_deleted(t, r);
	group_update_state(t, g);
	return txn_commit(t);
}

uint32_t clus_resource_set_common(struct clus_model *m,
				  struct clus_resource *r,
				  const struct clus_common_set *c)
{
	uint32_t err;
	struct clus_txn *t = obj_set_common_begin(m, &r->obj, c, &err);

	if (t == NULL) {
		return err;
	}
	if (c->set & CM_COMMON_PERSISTENT_STATE) {
		TXN_SET(t, r->persistent_state, c->persistent_state != 0 ?
			CM_RES_ONLINE : CM_RES_OFFLINE);
	}
	txn_dirty(t, &r->obj);
	notify_resource(t, r, CM_CHANGE_RESOURCE_PROPERTY,
			CM_CHANGE_RESOURCE_COMMON_PROPERTY_V2);
	return txn_commit(t);
}

uint32_t clus_resource_rename(struct clus_model *m, struct clus_resource *r,
			      const char *name)
{
	struct clus_common_set c = { .name = name };

	uint32_t err = obj_check_name(m, CLUS_KIND_RESOURCE, name, r);

	if (err != CM_ERROR_SUCCESS || strcmp(r->name, name) == 0) {
		return err;
	}
	if (m->backend->resource_rename != NULL) {
		return m->backend->resource_rename(m, r, name);
	}
	return clus_resource_set_common(m, r, &c);
}

uint32_t clus_resource_fail(struct clus_model *m, struct clus_resource *r)
{
	struct clus_txn *t;

	if (r->state != CM_RES_ONLINE && r->state != CM_RES_ONLINE_PENDING) {
		return CM_ERROR_RESOURCE_NOT_ONLINE;
	}
	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	res_set_state(t, r, CM_RES_FAILED);
	group_update_state(t, r->group);
	return txn_commit(t);
}

bool clus_resource_depends_on(const struct clus_resource *res,
			      const struct clus_resource *provider)
{
	return depexpr_refers(&res->deps, &provider->obj);
}

uint32_t clus_resource_can_depend(struct clus_model *m,
				  struct clus_resource *r,
				  struct clus_resource *provider)
{
	(void)m;
	if (provider->group != r->group) {
		return CM_ERROR_DEPENDENCY_NOT_ALLOWED;
	}
	if (provider == r || depexpr_reaches(&provider->deps, &r->obj, 0)) {
		return CM_ERROR_CIRCULAR_DEPENDENCY;
	}
	return CM_ERROR_SUCCESS;
}

static uint32_t resource_set_deps(struct clus_model *m,
				  struct clus_resource *r,
				  struct clus_depexpr *n)
{
	struct clus_txn *t;

	if (m->backend->resource_set_deps != NULL) {
		return m->backend->resource_set_deps(m, r, n);
	}
	t = txn_begin(m);
	if (t == NULL) {
		talloc_free(n->tokens);
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	txn_set_depexpr(t, &r->deps, n);
	txn_dirty(t, &r->obj);
	notify_resource(t, r, CM_CHANGE_RESOURCE_PROPERTY,
			CM_CHANGE_RESOURCE_DEPENDENCIES_V2);
	return txn_commit(t);
}

uint32_t clus_resource_add_dependency(struct clus_model *m,
				      struct clus_resource *r,
				      struct clus_resource *provider)
{
	struct clus_depexpr n;
	uint32_t err;

	if (clus_resource_depends_on(r, provider)) {
		return CM_ERROR_DEPENDENCY_ALREADY_EXISTS;
	}
	err = clus_resource_can_depend(m, r, provider);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	err = depexpr_change(r, &r->deps, &provider->obj, true, &n);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	return resource_set_deps(m, r, &n);
}

uint32_t clus_resource_remove_dependency(struct clus_model *m,
					 struct clus_resource *r,
					 struct clus_resource *provider)
{
	struct clus_depexpr n;
	uint32_t err;

	err = depexpr_change(r, &r->deps, &provider->obj, false, &n);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	return resource_set_deps(m, r, &n);
}

uint32_t clus_resource_set_dependency_expression(struct clus_model *m,
						 struct clus_resource *r,
						 const char *expression)
{
	struct clus_depexpr n;
	uint32_t err;

	err = depexpr_parse(r, expression, resource_resolve_in_group, r, &n);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	if (depexpr_reaches(&n, &r->obj, 0)) {
		talloc_free(n.tokens);
		return CM_ERROR_CIRCULAR_DEPENDENCY;
	}
	return resource_set_deps(m, r, &n);
}

char *clus_resource_dependency_expression(TALLOC_CTX *mem_ctx,
					  const struct clus_resource *res)
{
	return depexpr_render(mem_ctx, &res->deps, false);
}

uint32_t clus_resource_add_possible_owner(struct clus_model *m,
					  struct clus_resource *r,
					  struct clus_node *node)
{
	struct clus_node **list;
	struct clus_txn *t;

	if (clus_resource_is_possible_owner(r, node)) {
		return CM_ERROR_OBJECT_ALREADY_EXISTS;
	}
	if (m->backend->resource_possible_owner != NULL) {
		return m->backend->resource_possible_owner(m, r, node, true);
	}
	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	list = talloc_zero_array(r, struct clus_node *, r->num_possible + 1);
	if (list == NULL) {
		txn_cancel(t);
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	if (r->num_possible > 0) {
		memcpy(list, r->possible,
		       r->num_possible * sizeof(r->possible[0]));
	}
	list[r->num_possible] = node;
	txn_set_array(t, &r->possible, list, &r->num_possible,
		      r->num_possible + 1);
	txn_dirty(t, &r->obj);
	notify_resource(t, r, CM_CHANGE_RESOURCE_PROPERTY,
			CM_CHANGE_RESOURCE_POSSIBLE_OWNERS_V2);
	return txn_commit(t);
}

uint32_t clus_resource_remove_possible_owner(struct clus_model *m,
					     struct clus_resource *r,
					     struct clus_node *node)
{
	struct clus_txn *t;

	if (!clus_resource_is_possible_owner(r, node)) {
		return CM_ERROR_CLUSTER_NODE_NOT_FOUND;
	}
	if (m->backend->resource_possible_owner != NULL) {
		return m->backend->resource_possible_owner(m, r, node, false);
	}
	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	resource_remove_node_refs(t, r, node);
	notify_resource(t, r, CM_CHANGE_RESOURCE_PROPERTY,
			CM_CHANGE_RESOURCE_POSSIBLE_OWNERS_V2);
	return txn_commit(t);
}

/* Collect @r and every resource tied to it by a dependency, either way */
static bool resource_component(struct clus_resource *r,
			       struct clus_resource ***set, uint32_t *num)
{
	struct clus_link *l;
	uint32_t i;

	for (i = 0; i < *num; i++) {
		if ((*set)[i] == r) {
			return true;
		}
	}
	*set = talloc_realloc(NULL, *set, struct clus_resource *, *num + 1);
	if (*set == NULL) {
		return false;
	}
	(*set)[(*num)++] = r;
	for (l = r->group->resources.first; l != NULL; l = l->next) {
		struct clus_resource *o = CLUS_ITEM(l, struct clus_resource,
						    group_link);

		if (o == r) {
			continue;
		}
		if (depexpr_refers(&o->deps, &r->obj) ||
		    depexpr_refers(&r->deps, &o->obj)) {
			if (!resource_component(o, set, num)) {
				return false;
			}
		}
	}
	return true;
}

void resource_set_group(struct clus_txn *t, struct clus_resource *r,
			struct clus_group *g)
{
	txn_list_remove(t, &r->group->resources, &r->group_link);
	txn_list_append(t, &g->resources, &r->group_link);
	TXN_SET(t, r->group, g);
	txn_dirty(t, &r->obj);
	notify_resource(t, r, CM_CHANGE_RESOURCE_PROPERTY,
			CM_CHANGE_RESOURCE_OWNER_GROUP_V2);
}

uint32_t clus_resource_change_group(struct clus_model *m,
				    struct clus_resource *r,
				    struct clus_group *g)
{
	struct clus_group *old = r->group;
	struct clus_resource **set = NULL;
	struct clus_txn *t;
	uint32_t num = 0;
	uint32_t i;
	uint32_t err;

	if (old == g) {
		return CM_ERROR_SUCCESS;
	}
	err = group_busy_error(old);
	if (err == CM_ERROR_SUCCESS) {
		err = group_busy_error(g);
	}
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	if (!resource_component(r, &set, &num)) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	for (i = 0; i < num; i++) {
		/* running resources cannot jump between nodes */
		if (old->owner != g->owner && !res_is_stopped(set[i])) {
			talloc_free(set);
			return CM_ERROR_INVALID_STATE;
		}
	}
	if (m->backend->resource_change_group != NULL) {
		talloc_free(set);
		return m->backend->resource_change_group(m, r, g);
	}
	t = txn_begin(m);
	if (t == NULL) {
		talloc_free(set);
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	for (i = 0; i < num; i++) {
		resource_set_group(t, set[i], g);
	}
	talloc_free(set);
	notify_group(t, old, 0, CM_CHANGE_GROUP_RESOURCE_LOST_V2);
	notify_group(t, g, 0, CM_CHANGE_GROUP_RESOURCE_GAINED_V2);
	group_update_state(t, old);
	group_update_state(t, g);
	return txn_commit(t);
}

static const char *resource_dns_name(const struct clus_resource *r)
{
	const char *s = clus_prop_get_sz(&r->props, "DnsName");

	if (s == NULL) {
		s = clus_prop_get_sz(&r->props, "Name");
	}
	return s != NULL ? s : r->name;
}

static bool is_network_name(const struct clus_resource *r)
{
	return strcasecmp(r->type->name, "Network Name") == 0 ||
		strcasecmp(r->type->name, "Distributed Network Name") == 0;
}

static const struct clus_resource *resource_find_netname(
	const struct clus_resource *r, unsigned depth)
{
	uint32_t i;

	if (is_network_name(r)) {
		return r;
	}
	if (depth > 64) {
		return NULL;
	}
	for (i = 0; i < r->deps.num_tokens; i++) {
		const struct clus_resource *p;

		if (r->deps.tokens[i].kind != CM_DEP_REF) {
			continue;
		}
		p = resource_find_netname(
			clus_container_of(r->deps.tokens[i].ref,
					  struct clus_resource, obj),
			depth + 1);
		if (p != NULL) {
			return p;
		}
	}
	return NULL;
}

const char *clus_resource_network_name(struct clus_model *m,
				       const struct clus_resource *res)
{
	const struct clus_resource *nn = resource_find_netname(res, 0);
	struct clus_link *l;

	if (nn != NULL) {
		return resource_dns_name(nn);
	}
	for (l = res->group->resources.first; l != NULL; l = l->next) {
		const struct clus_resource *o = CLUS_ITEM(
			l, struct clus_resource, group_link);

		if (is_network_name(o)) {
			return resource_dns_name(o);
		}
	}
	return m->cluster->name;
}

/*
 * Set (@remove false) or delete the private properties of @props (only
 * their names for a delete), all in one transaction.
 */
static uint32_t resource_change_props(struct clus_model *m,
				      struct clus_resource *r,
				      const struct clus_prop *props,
				      uint32_t num, bool remove)
{
	struct clus_txn *t;
	uint32_t err;

	if (m->backend->resource_set_props != NULL) {
		return m->backend->resource_set_props(m, r, props, num, remove);
	}
	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	err = txn_proplist_apply(t, r, &r->props, props, num, remove);
	if (err != CM_ERROR_SUCCESS) {
		txn_cancel(t);
		return err;
	}
	txn_dirty(t, &r->obj);
	notify_resource(t, r, CM_CHANGE_RESOURCE_PROPERTY,
			CM_CHANGE_RESOURCE_PRIVATE_PROPERTY_V2);
	return txn_commit(t);
}

uint32_t clus_resource_set_props(struct clus_model *m,
				 struct clus_resource *r,
				 const struct clus_prop *props, uint32_t num)
{
	return resource_change_props(m, r, props, num, false);
}

uint32_t clus_resource_set_prop(struct clus_model *m,
				struct clus_resource *r, const char *name,
				uint32_t type, const uint8_t *data,
				uint32_t len)
{
	struct clus_prop p = {
		.name = clus_discard_const(name), .type = type,
		.data = clus_discard_const(data), .len = len,
	};

	return resource_change_props(m, r, &p, 1, false);
}

uint32_t clus_resource_del_prop(struct clus_model *m,
				struct clus_resource *r, const char *name)
{
	struct clus_prop p = { .name = clus_discard_const(name) };

	return resource_change_props(m, r, &p, 1, true);
}
