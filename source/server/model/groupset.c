/*
 * clusapi - cluster model: group sets
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Group sets (Windows Server 2016) name a collection of groups with
 * startup settings and dependencies between sets.  The model stores and
 * reports them; start-up ordering across sets is not simulated.  A group
 * belongs to at most one set; the set's record lists its members.
 */

#include <string.h>

#include "model_private.h"

struct clus_groupset *groupset_new(struct clus_txn *t, const char *name,
				   const char *id)
{
	return obj_new(t, CLUS_KIND_GROUPSET, name, id);
}

uint32_t clus_groupset_create(struct clus_model *m, const char *name,
			      struct clus_groupset **set)
{
	struct clus_groupset *s;
	struct clus_txn *t;
	uint32_t err;
	char *id;

	err = obj_check_name(m, CLUS_KIND_GROUPSET, name, NULL);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	id = clus_new_guid(t);
	s = (id != NULL) ? groupset_new(t, name, id) : NULL;
	if (s == NULL) {
		txn_cancel(t);
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	obj_link(t, &s->obj);
	notify_groupset(t, s, CM_CHANGE_GROUPSET_COMMON_PROPERTY_V2);
	err = txn_commit(t);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	*set = s;
	return CM_ERROR_SUCCESS;
}

uint32_t clus_groupset_delete(struct clus_model *m, struct clus_groupset *s)
{
	struct clus_txn *t;
	struct clus_groupset *o;
	struct clus_group *g;

	if (s->num_members > 0) {
		return CM_ERROR_DIR_NOT_EMPTY;
	}
	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	/* Nobody may keep depending on a set that is gone */
	for (o = clus_groupset_first(m); o != NULL; o = clus_groupset_next(o)) {
		struct clus_depexpr n;

		if (o == s || !depexpr_refers(&o->deps, &s->obj)) {
			continue;
		}
		if (!depexpr_without(o, &o->deps, &s->obj, &n)) {
			txn_cancel(t);
			return CM_ERROR_NOT_ENOUGH_MEMORY;
		}
		txn_set_depexpr(t, &o->deps, &n);
		txn_dirty(t, &o->obj);
	}
	for (g = clus_group_first(m); g != NULL; g = clus_group_next(g)) {
		struct clus_depexpr n;

		if (!depexpr_refers(&g->deps, &s->obj)) {
			continue;
		}
		if (!depexpr_without(g, &g->deps, &s->obj, &n)) {
			txn_cancel(t);
			return CM_ERROR_NOT_ENOUGH_MEMORY;
		}
		txn_set_depexpr(t, &g->deps, &n);
		txn_dirty(t, &g->obj);
	}
	notify_groupset(t, s, CM_CHANGE_GROUPSET_DELETED_V2);
	obj_unlink(t, &s->obj);
	txn_free_on_commit(t, s);
	return txn_commit(t);
}

static void groupset_add_member(struct clus_txn *t, struct clus_groupset *s,
				struct clus_group *g)
{
	struct clus_group **list;

	list = talloc_zero_array(s, struct clus_group *, s->num_members + 2);
	if (list == NULL) {
		t->oom = true;
		return;
	}
	if (s->num_members > 0) {
		memcpy(list, s->members, s->num_members * sizeof(list[0]));
	}
	list[s->num_members] = g;
	txn_set_array(t, &s->members, list, &s->num_members,
		      s->num_members + 1);
	TXN_SET(t, g->groupset, s);
	txn_dirty(t, &s->obj);
	notify_groupset(t, s, CM_CHANGE_GROUPSET_GROUP_ADDED);
}

void groupset_remove_member(struct clus_txn *t, struct clus_groupset *s,
			    struct clus_group *g)
{
	struct clus_group **list;
	uint32_t i, n = 0;

	list = talloc_zero_array(s, struct clus_group *, s->num_members + 1);
	if (list == NULL) {
		t->oom = true;
		return;
	}
	for (i = 0; i < s->num_members; i++) {
		if (s->members[i] != g) {
			list[n++] = s->members[i];
		}
	}
	txn_set_array(t, &s->members, list, &s->num_members, n);
	TXN_SET(t, g->groupset, NULL);
	txn_dirty(t, &s->obj);
	notify_groupset(t, s, CM_CHANGE_GROUPSET_GROUP_REMOVED);
}

/* Take @g out of its set, if it is in one, and put it in @s, if any */
static uint32_t groupset_place(struct clus_model *m, struct clus_group *g,
			       struct clus_groupset *s)
{
	struct clus_txn *t = txn_begin(m);

	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	if (g->groupset != NULL) {
		groupset_remove_member(t, g->groupset, g);
	}
	if (s != NULL) {
		groupset_add_member(t, s, g);
	}
	return txn_commit(t);
}

uint32_t clus_groupset_add_group(struct clus_model *m,
				 struct clus_groupset *s,
				 struct clus_group *g)
{
	if (g->groupset == s) {
		return CM_ERROR_OBJECT_ALREADY_EXISTS;
	}
	if (g->groupset != NULL) {
		return CM_ERROR_INVALID_STATE;
	}
	return groupset_place(m, g, s);
}

uint32_t clus_groupset_remove_group(struct clus_model *m,
				    struct clus_group *g)
{
	if (g->groupset == NULL) {
		return CM_ERROR_INVALID_STATE;
	}
	return groupset_place(m, g, NULL);
}

uint32_t clus_groupset_move_group(struct clus_model *m,
				  struct clus_groupset *s,
				  struct clus_group *g)
{
	if (g->groupset == s) {
		return CM_ERROR_SUCCESS;
	}
	return groupset_place(m, g, s);
}

uint32_t clus_groupset_set_startup(struct clus_model *m,
				   struct clus_groupset *s,
				   uint32_t delay_trigger, uint32_t count,
				   uint32_t delay, bool is_global)
{
	struct clus_txn *t = txn_begin(m);

	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	TXN_SET(t, s->startup_delay_trigger, delay_trigger);
	TXN_SET(t, s->startup_count, count);
	TXN_SET(t, s->startup_delay, delay);
	TXN_SET(t, s->is_global, is_global);
	txn_dirty(t, &s->obj);
	notify_groupset(t, s, CM_CHANGE_GROUPSET_COMMON_PROPERTY_V2);
	return txn_commit(t);
}

struct clus_object *groupset_resolve(void *private_data, const char *name)
{
	struct clus_groupset *s = clus_groupset_by_name(private_data, name);

	return s != NULL ? &s->obj : NULL;
}

static uint32_t groupset_set_deps(struct clus_model *m,
				  struct clus_groupset *s,
				  struct clus_depexpr *n)
{
	struct clus_txn *t;

	if (depexpr_reaches(n, &s->obj, 0)) {
		talloc_free(n->tokens);
		return CM_ERROR_CIRCULAR_DEPENDENCY;
	}
	t = txn_begin(m);
	if (t == NULL) {
		talloc_free(n->tokens);
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	txn_set_depexpr(t, &s->deps, n);
	txn_dirty(t, &s->obj);
	notify_groupset(t, s, CM_CHANGE_GROUPSET_DEPENDENCIES_V2);
	return txn_commit(t);
}

/* Add @provider to @s's expression, or drop it */
static uint32_t groupset_change_dep(struct clus_model *m,
				    struct clus_groupset *s,
				    struct clus_groupset *provider, bool add)
{
	struct clus_depexpr n;
	uint32_t err;

	err = depexpr_change(s, &s->deps, &provider->obj, add, &n);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	return groupset_set_deps(m, s, &n);
}

uint32_t clus_groupset_add_dependency(struct clus_model *m,
				      struct clus_groupset *s,
				      struct clus_groupset *provider)
{
	return groupset_change_dep(m, s, provider, true);
}

uint32_t clus_groupset_remove_dependency(struct clus_model *m,
					 struct clus_groupset *s,
					 struct clus_groupset *provider)
{
	return groupset_change_dep(m, s, provider, false);
}

uint32_t clus_groupset_set_dependency_expression(struct clus_model *m,
						 struct clus_groupset *s,
						 const char *expression)
{
	struct clus_depexpr n;
	uint32_t err;

	err = depexpr_parse(s, expression, groupset_resolve, m, &n);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	return groupset_set_deps(m, s, &n);
}
