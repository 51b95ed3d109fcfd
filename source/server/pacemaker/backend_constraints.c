/*
 * clusapi - the Pacemaker backend: dependencies, possible owners and
 * preferred owners written as CIB constraints (cib_constraints.c says
 * which), and read back from the CIB on every change
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A write goes to the CIB in one update; the CIB is then read again and
 * the model refreshed from it, so every client sees the change when the
 * call returns and sees what the CIB holds, whoever wrote it (pcs,
 * crm_resource, a second clusapid).
 */

#include <string.h>

#include "pcmk_backend_private.h"

/* @rsc's @aspect in the CIB made @names */
static uint32_t aspect_write(struct pcmk_backend *b, enum pcmk_aspect aspect,
			     const char *rsc, const char **names, size_t num)
{
	const struct pcmk_cib *cib = pcmk_conn_cib(b->conn);
	const xmlNode *cons = pcmk_cib_constraints_xml(pcmk_conn_xml(b->conn));

	return pcmk_backend_write(b, pcmk_change_aspect(b, cib, cons, aspect,
							rsc, names, num));
}

static size_t member_index(const struct pcmk_group *g, const char *id)
{
	size_t i;

	for (i = 0; i < g->num_members; i++) {
		if (strcmp(g->members[i]->id, id) == 0) {
			break;
		}
	}
	return i;
}

/*
 * The providers of @deps, in @names.  Pacemaker orders are all-of: an
 * "or" has no constraint.  A group starts its members in list order: a
 * dependency on a later member would be an ordering loop.
 */
static uint32_t deps_names(const struct pcmk_cib *cib,
			   const struct clus_resource *r,
			   const struct clus_depexpr *deps,
			   const char **names, size_t *num)
{
	const struct pcmk_group *g = pcmk_cib_group(cib, r->group->id);
	size_t mine = g != NULL ? member_index(g, r->id) : 0;
	uint32_t i;

	*num = 0;
	for (i = 0; g != NULL && i < deps->num_tokens; i++) {
		uint8_t kind = deps->tokens[i].kind;
		const char *name = kind != CM_DEP_REF ? NULL :
			clus_object_id(deps->tokens[i].ref);

		if (kind == CM_DEP_OR ||
		    (name != NULL && member_index(g, name) > mine)) {
			return CM_ERROR_NOT_SUPPORTED;
		}
		names[*num] = name;
		*num += name != NULL;
	}
	return g != NULL ? CM_ERROR_SUCCESS : CM_ERROR_GROUP_NOT_FOUND;
}

uint32_t pcmk_resource_set_deps(struct clus_model *m,
				struct clus_resource *r,
				struct clus_depexpr *deps)
{
	struct pcmk_backend *b = m->backend_private;
	const char **names;
	size_t num = 0;
	uint32_t err;

	names = talloc_zero_array(b, const char *, deps->num_tokens + 1);
	err = names == NULL ? CM_ERROR_NOT_ENOUGH_MEMORY :
	      deps_names(pcmk_conn_cib(b->conn), r, deps, names, &num);
	if (err == CM_ERROR_SUCCESS) {
		err = aspect_write(b, PCMK_ASPECT_DEPS, r->id, names, num);
	}
	talloc_free(names);
	talloc_free(deps->tokens);
	return err;
}

uint32_t pcmk_resource_possible_owner(struct clus_model *m,
				      struct clus_resource *r,
				      struct clus_node *node, bool add)
{
	struct pcmk_backend *b = m->backend_private;
	const char **bans, **names;
	size_t i, n = 0, num = 0;
	uint32_t err;

	bans = pcmk_cib_aspect(b, pcmk_conn_cib(b->conn), PCMK_ASPECT_BANS,
			       r->id, &num);
	names = bans ? talloc_zero_array(bans, const char *, num + 2) : NULL;
	if (names == NULL) {
		talloc_free(bans);
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	for (i = 0; i < num; i++) {
		if (strcmp(bans[i], node->name) != 0) {
			names[n++] = bans[i];
		}
	}
	if (!add) {
		names[n++] = node->name;
	}
	err = aspect_write(b, PCMK_ASPECT_BANS, r->id, names, n);
	talloc_free(bans);
	return err;
}

uint32_t pcmk_group_set_preferred(struct clus_model *m, struct clus_group *g,
				  struct clus_node **nodes,
				  uint32_t num_nodes)
{
	struct pcmk_backend *b = m->backend_private;
	const char **names;
	uint32_t i, err;

	names = talloc_zero_array(b, const char *, num_nodes + 1);
	if (names == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	for (i = 0; i < num_nodes; i++) {
		names[i] = nodes[i]->name;
	}
	err = aspect_write(b, PCMK_ASPECT_PREFERRED, g->id, names,
			   num_nodes);
	talloc_free(names);
	return err;
}

static void refresh_deps(struct clus_txn *t, struct clus_resource *r,
			 const struct pcmk_cib *cib)
{
	struct clus_depexpr n = { .tokens = NULL }, next;
	const char **names;
	char *now, *then;
	size_t i, num;

	names = pcmk_cib_aspect(r, cib, PCMK_ASPECT_DEPS, r->id, &num);
	for (i = 0; names != NULL && i < num; i++) {
		struct clus_resource *p = clus_resource_by_id(t->m,
								names[i]);

		if (p == NULL || p->group != r->group ||
		    !depexpr_append_and(r, &n, &p->obj, &next)) {
			continue;
		}
		talloc_free(n.tokens);
		n = next;
	}
	talloc_free(names);
	now = depexpr_render(r, &r->deps, false);
	then = depexpr_render(r, &n, false);
	if (now == NULL || then == NULL || strcmp(now, then) == 0) {
		talloc_free(n.tokens);
	} else {
		txn_set_depexpr(t, &r->deps, &n);
		txn_dirty(t, &r->obj);
		notify_resource(t, r, CM_CHANGE_RESOURCE_PROPERTY,
				CM_CHANGE_RESOURCE_DEPENDENCIES_V2);
	}
	talloc_free(now);
	talloc_free(then);
}

static bool same_nodes(struct clus_node **a, uint32_t num_a,
		       struct clus_node **b, uint32_t num_b)
{
	return num_a == num_b &&
	       (num_a == 0 || memcmp(a, b, num_a * sizeof(a[0])) == 0);
}

static bool named(const char **names, size_t num, const char *name)
{
	size_t i;

	for (i = 0; i < num; i++) {
		if (strcmp(names[i], name) == 0) {
			return true;
		}
	}
	return false;
}

/*
 * *@array (of *@count) made @list (of @n, taken) unless it is that
 * already: true when it changed
 */
static bool set_nodes(struct clus_txn *t, struct clus_object *obj,
		      struct clus_node ***array, uint32_t *count,
		      struct clus_node **list, uint32_t n)
{
	if (list == NULL || same_nodes(list, n, *array, *count)) {
		talloc_free(list);
		return false;
	}
	txn_set_array(t, array, list, count, n);
	txn_dirty(t, obj);
	return true;
}

static void refresh_possible(struct clus_txn *t, struct clus_resource *r,
			     const struct pcmk_cib *cib)
{
	struct clus_node **list, *node;
	const char **bans;
	uint32_t n = 0;
	size_t num;

	bans = pcmk_cib_aspect(r, cib, PCMK_ASPECT_BANS, r->id, &num);
	list = talloc_zero_array(r, struct clus_node *,
				 clus_model_num_nodes(t->m) + 1);
	for (node = clus_node_first(t->m); list && bans && node != NULL;
	     node = clus_node_next(node)) {
		if (!named(bans, num, node->name)) {
			list[n++] = node;
		}
	}
	talloc_free(bans);
	if (set_nodes(t, &r->obj, &r->possible, &r->num_possible, list, n)) {
		notify_resource(t, r, CM_CHANGE_RESOURCE_PROPERTY,
				CM_CHANGE_RESOURCE_POSSIBLE_OWNERS_V2);
	}
}

static void refresh_preferred(struct clus_txn *t, struct clus_group *g,
			      const struct pcmk_cib *cib)
{
	struct clus_node **list, *node;
	const char **names;
	uint32_t n = 0;
	size_t i, num;

	names = pcmk_cib_aspect(g, cib, PCMK_ASPECT_PREFERRED, g->id,
				&num);
	list = talloc_zero_array(g, struct clus_node *, num + 1);
	for (i = 0; list != NULL && names != NULL && i < num; i++) {
		node = clus_node_by_name(t->m, names[i]);
		list[n] = node;
		n += node != NULL;
	}
	talloc_free(names);
	if (set_nodes(t, &g->obj, &g->preferred, &g->num_preferred, list,
		      n)) {
		notify_group(t, g, CM_CHANGE_GROUP_PROPERTY,
			     CM_CHANGE_GROUP_PREFERRED_OWNERS_V2);
	}
}

void pcmk_backend_refresh_config(struct clus_txn *t,
				 const struct pcmk_cib *cib)
{
	struct clus_resource *r;
	struct clus_group *g;

	for (r = clus_resource_first(t->m); r != NULL;
	     r = clus_resource_next(r)) {
		const struct pcmk_primitive *p;

		p = pcmk_cib_primitive(cib, r->id);
		if (p == NULL) {
			continue;
		}
		pcmk_backend_refresh_props(t, r, p);
		refresh_deps(t, r, cib);
		refresh_possible(t, r, cib);
	}
	for (g = clus_group_first(t->m); g != NULL; g = clus_group_next(g)) {
		refresh_preferred(t, g, cib);
	}
	pcmk_backend_refresh_quorum(t, cib);
}
