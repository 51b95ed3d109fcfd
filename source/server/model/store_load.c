/*
 * clusapi - cluster model: loading the store
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Loading goes in three steps, each over every record:
 *
 *   read      every record into a new object of its own (store_format.c),
 *             references to other objects kept as ids;
 *   resolve   in kind order, so that what a record refers to is linked
 *             before it: ids become pointers and the object is linked
 *             into the model; then the dependency expressions, which
 *             refer to objects of their own kind;
 *   check     what must hold across objects: states, the cluster's
 *             local node and quorum, pending resources only where an
 *             operation runs.
 *
 * A group record carries the operation running on it (kind, phase,
 * target); after the load the backend settles it at once (its
 * settle_after_load(); the simulation's is in sim/op.c): a move
 * completes on its target if that node can still host the group,
 * otherwise the group stays on the node that owns it, and its resources
 * take their persistent states.  Nothing is
 * left pending by a crash.
 */

#include <stdlib.h>
#include <string.h>
#include <tdb.h>

#include "backend.h"
#include "store_format.h"

struct loader {
	struct clus_model *m;
	struct clus_txn *t;
	const char *path;
	struct store_rec *recs;
	uint32_t num, alloc;
	char *errmsg;
};

static bool load_fail(struct loader *ld, const struct store_rec *rec,
		      const char *why)
{
	if (ld->errmsg == NULL) {
		ld->errmsg = talloc_asprintf(ld->m, "%s: record '%s': %s",
					     ld->path, rec->key, why);
	}
	return false;
}

static bool load_fail_all(struct loader *ld, const char *why)
{
	if (ld->errmsg == NULL) {
		ld->errmsg = talloc_asprintf(ld->m, "%s: %s", ld->path, why);
	}
	return false;
}

/* ------------------------------------------------------------------ */
/* read                                                                */

static int load_collect_fn(struct tdb_context *tdb, TDB_DATA k, TDB_DATA d,
			   void *private_data)
{
	struct loader *ld = private_data;
	struct store_rec *rec;

	(void)tdb;
	if (ld->num == ld->alloc) {
		uint32_t n = ld->alloc ? ld->alloc * 2 : 1024;
		struct store_rec *nr = talloc_realloc(ld->m, ld->recs,
						      struct store_rec, n);

		if (nr == NULL) {
			load_fail_all(ld, "out of memory");
			return -1;
		}
		ld->recs = nr;
		ld->alloc = n;
	}
	rec = &ld->recs[ld->num];
	memset(rec, 0, sizeof(*rec));
	rec->key = talloc_strndup(ld->recs, (const char *)k.dptr, k.dsize);
	rec->data = talloc_memdup(ld->recs, d.dptr, d.dsize);
	rec->len = d.dsize;
	if (rec->key == NULL || (d.dsize > 0 && rec->data == NULL)) {
		load_fail_all(ld, "out of memory");
		return -1;
	}
	if (strlen(rec->key) != k.dsize) {
		load_fail_all(ld, "key with a NUL inside");
		return -1;
	}
	rec->desc = store_kind_by_key(rec->key);
	if (rec->desc == NULL) {
		ld->errmsg = talloc_asprintf(ld->m, "%s: unknown record '%s'",
					     ld->path, rec->key);
		return -1;
	}
	ld->num++;
	return 0;
}

static size_t regkey_depth(const char *key)
{
	size_t d = 0;

	for (; *key != '\0'; key++) {
		d += (*key == '\\');
	}
	return d;
}

/* kind order, within a kind creation order; parent keys first */
static int rec_cmp(const void *a, const void *b)
{
	const struct store_rec *x = a, *y = b;
	uint8_t kx = x->desc->kind, ky = y->desc->kind;

	if (kx != ky) {
		return kx < ky ? -1 : 1;
	}
	if (kx == CLUS_KIND_REGKEY) {
		size_t dx = regkey_depth(x->key), dy = regkey_depth(y->key);

		if (strcmp(x->key, "regkey/") == 0) {
			return -1;
		}
		if (strcmp(y->key, "regkey/") == 0) {
			return 1;
		}
		if (dx != dy) {
			return dx < dy ? -1 : 1;
		}
	}
	return x->seq < y->seq ? -1 : (x->seq > y->seq ? 1 : 0);
}

static bool load_read(struct loader *ld)
{
	uint32_t i;
	int ret;

	ret = store_traverse_read(ld->m->store, load_collect_fn, ld);
	if (ret < 0) {
		return load_fail_all(ld, "cannot read the store");
	}
	for (i = 0; i < ld->num; i++) {
		ld->recs[i].seq = store_record_peek_seq(&ld->recs[i]);
	}
	qsort(ld->recs, ld->num, sizeof(struct store_rec), rec_cmp);
	if (ld->num == 0 || ld->recs[0].desc->kind != CLUS_KIND_CLUSTER) {
		return load_fail_all(ld, "no cluster record");
	}
	for (i = 0; i < ld->num; i++) {
		struct store_rec *rec = &ld->recs[i];
		const char *why = store_record_decode(ld->t, rec, ld->recs);

		if (why != NULL) {
			return load_fail(ld, rec, why);
		}
	}
	return true;
}

/* ------------------------------------------------------------------ */
/* resolve                                                             */

/* The object a reference names, from the model index the field says */
static void *ref_lookup(struct clus_model *m, const struct store_field *f,
			const char *key)
{
	const struct clus_hash *index =
		*(struct clus_hash *const *)((const uint8_t *)m +
					      f->ref_index);

	return clus_hash_get(index, key);
}

/* A group set's members point back at it; a group is in one set only */
static bool resolve_member(struct loader *ld, struct store_rec *rec,
			   struct clus_group *g)
{
	if (g->groupset != NULL) {
		return load_fail(ld, rec, "a member group is in two sets");
	}
	g->groupset = (struct clus_groupset *)rec->obj;
	return true;
}

static bool resolve_list(struct loader *ld, struct store_rec *rec,
			 const struct store_ref *ref)
{
	const struct store_field *f = ref->field;
	uint8_t *base = (uint8_t *)rec->obj;
	void ***plist = (void ***)(base + f->ofs);
	void **list;
	uint32_t i;

	talloc_free(*plist);
	*plist = NULL;
	*(uint32_t *)(base + f->aux) = 0;
	list = talloc_zero_array(rec->obj, void *, ref->num_ids + 1);
	if (list == NULL) {
		return load_fail(ld, rec, "out of memory");
	}
	*plist = list;
	for (i = 0; i < ref->num_ids; i++) {
		list[i] = ref_lookup(ld->m, f, ref->ids[i]);
		if (list[i] == NULL) {
			return load_fail(ld, rec, talloc_asprintf(
				ld->recs, "%s does not exist", f->what));
		}
		if (f->type == SF_MEMBERS &&
		    !resolve_member(ld, rec, list[i])) {
			return false;
		}
	}
	*(uint32_t *)(base + f->aux) = ref->num_ids;
	return true;
}

static bool resolve_refs(struct loader *ld, struct store_rec *rec)
{
	uint32_t i;

	for (i = 0; i < rec->num_refs; i++) {
		const struct store_ref *ref = &rec->refs[i];
		const struct store_field *f = ref->field;
		void *target;

		if (f->type == SF_REFS || f->type == SF_MEMBERS) {
			if (!resolve_list(ld, rec, ref)) {
				return false;
			}
			continue;
		}
		target = ref_lookup(ld->m, f, ref->id);
		if (target == NULL) {
			return load_fail(ld, rec, talloc_asprintf(
				ld->recs, "%s does not exist", f->what));
		}
		*(void **)((uint8_t *)rec->obj + f->ofs) = target;
	}
	return true;
}

/* A key was created under its whole path: now it gets its parent */
static bool resolve_regkey(struct loader *ld, struct store_rec *rec)
{
	struct clus_regkey *k = (struct clus_regkey *)rec->obj;
	const char *sep;
	char *ppath, *name;

	if (k->path[0] == '\0') {
		if (ld->m->root != NULL) {
			return load_fail(ld, rec, "a second root key");
		}
		return true;
	}
	sep = strrchr(k->path, '\\');
	ppath = talloc_strndup(ld->recs, k->path,
			       sep != NULL ? sep - k->path : 0);
	name = talloc_strdup(k, sep != NULL ? sep + 1 : k->path);
	if (ppath == NULL || name == NULL) {
		return load_fail(ld, rec, "out of memory");
	}
	/* parents sort first (fewer separators), so they exist by now */
	k->parent = clus_regkey_by_path(ld->m, ppath);
	if (k->parent == NULL) {
		return load_fail(ld, rec, "its parent key does not exist");
	}
	talloc_free(k->name);
	k->name = name;
	return true;
}

static bool link_object(struct loader *ld, struct store_rec *rec)
{
	struct clus_txn *t = ld->t;
	struct clus_model *m = ld->m;
	void *o = rec->obj;
	bool dup = false;

	switch (rec->desc->kind) {
	case CLUS_KIND_NODE:
		dup = clus_node_by_name(m, ((struct clus_node *)o)->name);
		break;
	case CLUS_KIND_GROUP:
		dup = clus_group_by_name(m, ((struct clus_group *)o)->name);
		break;
	case CLUS_KIND_RESOURCE:
		dup = clus_resource_by_name(m,
					    ((struct clus_resource *)o)->name);
		break;
	case CLUS_KIND_REGKEY:
		if (!resolve_regkey(ld, rec)) {
			return false;
		}
		break;
	}
	if (dup) {
		return load_fail(ld, rec, "duplicate name");
	}

	switch (rec->desc->kind) {
	case CLUS_KIND_NODE:
	case CLUS_KIND_RESTYPE:
	case CLUS_KIND_NETWORK:
	case CLUS_KIND_NETIF:
	case CLUS_KIND_GROUP:
	case CLUS_KIND_GROUPSET:
		obj_link(t, o);
		break;
	case CLUS_KIND_RESOURCE:
		resource_link(t, o, ((struct clus_resource *)o)->group);
		break;
	case CLUS_KIND_REGKEY:
		regkey_link(t, o);
		break;
	}
	return true;
}

struct load_resolve {
	struct clus_model *m;
	struct clus_resource *self;	/* resource expressions */
	bool groupsets_only;
};

static struct clus_object *load_resolve_id(void *private_data,
					   const char *id)
{
	struct load_resolve *lr = private_data;
	struct clus_group *g;
	struct clus_groupset *s;

	if (lr->self != NULL) {
		struct clus_resource *r = clus_resource_by_id(lr->m, id);

		if (r == NULL || r->group != lr->self->group || r == lr->self) {
			return NULL;
		}
		return &r->obj;
	}
	s = clus_groupset_by_id(lr->m, id);
	if (s != NULL) {
		return &s->obj;
	}
	if (lr->groupsets_only) {
		return NULL;
	}
	g = clus_group_by_id(lr->m, id);
	return g != NULL ? &g->obj : NULL;
}

static bool resolve_deps(struct loader *ld, struct store_rec *rec)
{
	const struct store_kind *k = rec->desc;
	struct load_resolve lr = {
		.m = ld->m,
		.groupsets_only = k->kind == CLUS_KIND_GROUPSET,
	};
	struct clus_depexpr *field = NULL;
	size_t i;

	for (i = 0; i < k->num_fields && field == NULL; i++) {
		if (k->fields[i].type == SF_DEPS) {
			field = (struct clus_depexpr *)
				((uint8_t *)rec->obj + k->fields[i].ofs);
		}
	}
	if (field == NULL) {
		return true;
	}
	if (k->kind == CLUS_KIND_RESOURCE) {
		lr.self = (struct clus_resource *)rec->obj;
	}
	talloc_free(field->tokens);
	field->tokens = NULL;
	if (depexpr_parse(rec->obj, rec->deps, load_resolve_id, &lr,
			  field) != CM_ERROR_SUCCESS) {
		return load_fail(ld, rec, "bad dependency expression");
	}
	return true;
}

static bool load_resolve(struct loader *ld)
{
	uint32_t i;

	for (i = 0; i < ld->num; i++) {
		struct store_rec *rec = &ld->recs[i];

		if (!resolve_refs(ld, rec) || !link_object(ld, rec)) {
			return false;
		}
	}
	/* dependencies refer to objects of their own kind */
	for (i = 0; i < ld->num; i++) {
		if (!resolve_deps(ld, &ld->recs[i])) {
			return false;
		}
	}
	return true;
}

/* ------------------------------------------------------------------ */
/* check                                                               */

static bool state_valid_res(uint32_t s)
{
	return s == CM_RES_INITIALIZING || s == CM_RES_ONLINE ||
		s == CM_RES_OFFLINE || s == CM_RES_FAILED ||
		s == CM_RES_ONLINE_PENDING || s == CM_RES_OFFLINE_PENDING;
}

static const char *check_node(const struct store_rec *rec)
{
	const struct clus_node *n = (const struct clus_node *)rec->obj;

	if (n->state > CM_NODE_JOINING || n->drain_status > CM_DRAIN_FAILED) {
		return "invalid node state";
	}
	return NULL;
}

static const char *check_group(const struct store_rec *rec)
{
	const struct clus_group *g = (const struct clus_group *)rec->obj;

	if (g->state > CM_GROUP_PENDING ||
	    (g->persistent_state != CM_GROUP_ONLINE &&
	     g->persistent_state != CM_GROUP_OFFLINE)) {
		return "invalid group state";
	}
	if (rec->op_kind > CLUS_OP_RESTORE ||
	    (rec->op_kind != CLUS_OP_NONE &&
	     rec->op_phase != CLUS_PHASE_STOPPING &&
	     rec->op_phase != CLUS_PHASE_STARTING)) {
		return "invalid operation";
	}
	/* a settled group's cached state must be what its resources say */
	if (rec->op_kind == CLUS_OP_NONE &&
	    g->state != group_derive_state(g)) {
		return "state does not match its resources";
	}
	return NULL;
}

/* Pending resources exist only while their group has an operation */
static const char *check_resource(const struct loader *ld,
				  const struct store_rec *rec)
{
	const struct clus_resource *r =
		(const struct clus_resource *)rec->obj;
	uint32_t j;

	if (!state_valid_res(r->state) ||
	    (r->persistent_state != CM_RES_ONLINE &&
	     r->persistent_state != CM_RES_OFFLINE)) {
		return "invalid resource state";
	}
	if (r->state != CM_RES_ONLINE_PENDING &&
	    r->state != CM_RES_OFFLINE_PENDING) {
		return NULL;
	}
	for (j = 0; j < ld->num; j++) {
		if (ld->recs[j].obj == &r->group->obj) {
			break;
		}
	}
	if (j == ld->num || ld->recs[j].op_kind == CLUS_OP_NONE) {
		return "pending, but its group has no operation";
	}
	return NULL;
}

static bool load_check(struct loader *ld)
{
	struct clus_model *m = ld->m;
	uint32_t i;

	for (i = 0; i < ld->num; i++) {
		const struct store_rec *rec = &ld->recs[i];
		const char *why = NULL;

		switch (rec->desc->kind) {
		case CLUS_KIND_NODE:
			why = check_node(rec);
			break;
		case CLUS_KIND_GROUP:
			why = check_group(rec);
			break;
		case CLUS_KIND_RESOURCE:
			why = check_resource(ld, rec);
			break;
		}
		if (why != NULL) {
			return load_fail(ld, rec, why);
		}
	}
	if (m->root == NULL) {
		return load_fail_all(ld, "no root registry key");
	}
	if (clus_node_by_id(m, m->cluster->local_node_id) == NULL) {
		return load_fail(ld, &ld->recs[0],
				 "the local node does not exist");
	}
	if (m->cluster->quorum_resource_id[0] != '\0' &&
	    clus_resource_by_id(m, m->cluster->quorum_resource_id) == NULL) {
		return load_fail(ld, &ld->recs[0],
				 "the quorum resource does not exist");
	}
	return true;
}

/* ------------------------------------------------------------------ */
/* settle                                                              */

/*
 * Settle what the previous process left running, in one transaction
 * that is written back: after this the store holds no operation.
 */
static uint32_t load_settle(struct loader *ld)
{
	struct clus_model *m = ld->m;
	struct clus_txn *t;
	struct clus_group *g;
	struct clus_node *n;
	uint32_t i;

	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	for (i = 0; i < ld->num; i++) {
		struct store_rec *rec = &ld->recs[i];

		if (rec->desc->kind != CLUS_KIND_GROUP ||
		    rec->op_kind == CLUS_OP_NONE) {
			continue;
		}
		g = (struct clus_group *)rec->obj;
		clus_log(m, 1, "model: group '%s' had an operation in flight; "
			 "settling it", g->name);
		m->backend->settle_after_load(t, g, rec->op_kind, rec->op_phase,
				     clus_node_by_id(m, rec->op_target),
				     rec->op_flags);
		txn_dirty(t, &g->obj);
	}
	for (n = clus_node_first(m); n != NULL; n = clus_node_next(n)) {
		bool owns = false;

		if (n->drain_status != CM_DRAIN_IN_PROGRESS) {
			continue;
		}
		for (g = clus_group_first(m); g != NULL && !owns;
		     g = clus_group_next(g)) {
			owns = (g->owner == n);
		}
		TXN_SET(t, n->drain_status, owns ? CM_DRAIN_FAILED :
			CM_DRAIN_COMPLETED);
		txn_dirty(t, &n->obj);
	}
	return txn_commit(t);
}

uint32_t store_load(struct clus_model *m, char **errmsg)
{
	struct loader ld = {
		.m = m,
		.path = store_path(m->store),
	};
	uint32_t err;

	ld.t = txn_begin(m);
	if (ld.t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	ld.t->no_undo = true;
	ld.t->no_store = true;
	if (!load_read(&ld) || !load_resolve(&ld) || !load_check(&ld)) {
		txn_cancel(ld.t);
		*errmsg = ld.errmsg;
		TALLOC_FREE(ld.recs);
		return CM_ERROR_BADDB;
	}
	err = txn_commit(ld.t);
	if (err != CM_ERROR_SUCCESS) {
		TALLOC_FREE(ld.recs);
		return err;
	}
	err = load_settle(&ld);
	if (err != CM_ERROR_SUCCESS && *errmsg == NULL) {
		*errmsg = talloc_asprintf(m, "%s: cannot write the settled "
					  "state: %s", ld.path,
					  clus_model_errstr(err));
	}
	TALLOC_FREE(ld.recs);
	return err;
}
