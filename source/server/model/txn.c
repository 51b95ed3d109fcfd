/*
 * clusapi - cluster model: transactions over memory and the store
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A model call validates its arguments, then changes memory through the
 * txn_* helpers, which log how to undo each change, then calls
 * txn_commit().  That writes every object marked dirty into the tdb in
 * one tdb transaction.  Only when the tdb commit succeeded do the
 * side effects happen (freeing deleted objects, notifications, timers);
 * when it fails the undo log puts memory back as it was.  So a change is
 * either in memory and on disk, or in neither.
 *
 * If recording an undo step fails for lack of memory, the change it
 * guards is not made and the transaction is marked failed: commit then
 * undoes the rest and reports CM_ERROR_NOT_ENOUGH_MEMORY.
 */

#include <string.h>

#include "model_private.h"

enum {
	UNDO_RESTORE,		/* copy saved bytes back to ptr */
	UNDO_CALL,		/* fn(a, b) */
	UNDO_LIST_REINSERT,	/* undo a removal */
	UNDO_LIST_UNLINK,	/* undo an append */
	UNDO_HASH_DEL,		/* undo an add */
	UNDO_HASH_ADD,		/* undo a delete */
};

struct txn_undo {
	uint8_t kind;
	void *a, *b, *c;
	size_t len;
	uint8_t saved[16];
	uint8_t *heap;		/* saved bytes when larger than saved[] */
	txn_fn fn;
};

struct txn_action {
	txn_fn fn;
	void *a, *b;
};

static bool txn_grow(void *ctx, void **array, uint32_t *alloc,
		     uint32_t num, size_t elsize)
{
	void *n;
	uint32_t want;

	if (num < *alloc) {
		return true;
	}
	want = (*alloc == 0) ? 16 : *alloc * 2;
	n = talloc_realloc_size(ctx, *array, want * elsize);
	if (n == NULL) {
		return false;
	}
	*array = n;
	*alloc = want;
	return true;
}

static void txn_mark_oom(struct clus_txn *t)
{
	t->oom = true;
}

static struct txn_undo *txn_new_undo(struct clus_txn *t)
{
	struct txn_undo *u;

	if (t->no_undo) {
		return NULL;
	}
	if (!txn_grow(t, (void **)&t->undo, &t->alloc_undo, t->num_undo,
		      sizeof(struct txn_undo))) {
		txn_mark_oom(t);
		return NULL;
	}
	u = &t->undo[t->num_undo++];
	memset(u, 0, sizeof(*u));
	return u;
}

/*
 * Record how to undo a change to a list or an index.  False when memory
 * ran out: then the change must not be made.  True without a record
 * when the transaction keeps no undo log.
 */
static bool txn_record(struct clus_txn *t, uint8_t kind, void *a, void *b,
		       void *c)
{
	struct txn_undo *u = txn_new_undo(t);

	if (u == NULL) {
		return t->no_undo;
	}
	u->kind = kind;
	u->a = a;
	u->b = b;
	u->c = c;
	return true;
}

struct clus_txn *txn_begin(struct clus_model *m)
{
	struct clus_txn *t;

	if (m->txn != NULL) {
		/* Model calls never nest; a bug if they try */
		clus_log(m, 0, "model: nested transaction refused");
		return NULL;
	}
	t = talloc_zero(m, struct clus_txn);
	if (t == NULL) {
		return NULL;
	}
	t->m = m;
	m->txn = t;
	return t;
}

struct clus_txn *txn_begin_backend(struct clus_model *m)
{
	struct clus_txn *t = txn_begin(m);

	if (t != NULL) {
		t->backend = true;
	}
	return t;
}

void txn_save(struct clus_txn *t, void *ptr, size_t len)
{
	struct txn_undo *u;

	if (t->no_undo) {
		return;
	}
	u = txn_new_undo(t);
	if (u == NULL) {
		return;
	}
	u->kind = UNDO_RESTORE;
	u->a = ptr;
	u->len = len;
	if (len <= sizeof(u->saved)) {
		memcpy(u->saved, ptr, len);
		return;
	}
	u->heap = talloc_memdup(t, ptr, len);
	if (u->heap == NULL) {
		/* nothing to restore from: turn it into a no-op */
		u->kind = UNDO_CALL;
		u->fn = NULL;
		txn_mark_oom(t);
	}
}

void txn_on_undo(struct clus_txn *t, txn_fn fn, void *a, void *b)
{
	struct txn_undo *u = txn_new_undo(t);

	if (u == NULL) {
		return;
	}
	u->kind = UNDO_CALL;
	u->fn = fn;
	u->a = a;
	u->b = b;
}

void txn_on_commit(struct clus_txn *t, txn_fn fn, void *a, void *b)
{
	struct txn_action *act;

	if (!txn_grow(t, (void **)&t->actions, &t->alloc_actions,
		      t->num_actions, sizeof(struct txn_action))) {
		txn_mark_oom(t);
		return;
	}
	act = &t->actions[t->num_actions++];
	act->fn = fn;
	act->a = a;
	act->b = b;
}

static void txn_talloc_free(void *a, void *b)
{
	(void)b;
	talloc_free(a);
}

void txn_free_on_undo(struct clus_txn *t, void *ptr)
{
	if (ptr == NULL) {
		return;
	}
	txn_on_undo(t, txn_talloc_free, ptr, NULL);
}

void txn_free_on_commit(struct clus_txn *t, void *ptr)
{
	if (ptr == NULL) {
		return;
	}
	txn_on_commit(t, txn_talloc_free, ptr, NULL);
}

void txn_dirty(struct clus_txn *t, struct clus_object *obj)
{
	if (t->no_store || obj->dirty) {
		return;
	}
	if (!txn_grow(t, (void **)&t->dirty, &t->alloc_dirty, t->num_dirty,
		      sizeof(struct clus_object *))) {
		txn_mark_oom(t);
		return;
	}
	obj->dirty = true;
	t->dirty[t->num_dirty++] = obj;
}

void txn_delete_object(struct clus_txn *t, struct clus_object *obj)
{
	TXN_SET(t, obj->deleted, true);
	txn_dirty(t, obj);
}

void txn_set_str(struct clus_txn *t, const void *ctx, char **field,
		 const char *val)
{
	char *n = talloc_strdup(ctx, val != NULL ? val : "");
	char *old = *field;

	if (n == NULL) {
		txn_mark_oom(t);
		return;
	}
	TXN_SET(t, *field, n);
	txn_free_on_undo(t, n);
	txn_free_on_commit(t, old);
}

void txn_rename(struct clus_txn *t, struct clus_hash *names, void *obj,
		char **field, const char *name)
{
	if (strcmp(*field, name) == 0) {
		return;
	}
	txn_hash_del(t, names, *field, obj);
	txn_set_str(t, obj, field, name);
	txn_hash_add(t, names, *field, obj);
}

void txn_set_array(struct clus_txn *t, void *arrayp, void *newarray,
		   uint32_t *countp, uint32_t newcount)
{
	void **ap = arrayp;
	void *old = *ap;

	TXN_SET(t, *ap, newarray);
	if (countp != NULL) {
		TXN_SET(t, *countp, newcount);
	}
	if (old != newarray) {
		txn_free_on_undo(t, newarray);
		txn_free_on_commit(t, old);
	}
}

/*
 * *@field (@len bytes: an array and its count) becomes *@val; the array
 * it held, @old, goes on commit, the new one, @new, on undo.
 */
static void txn_set_owner(struct clus_txn *t, void *field, const void *val,
			  size_t len, void *old, void *new)
{
	txn_save(t, field, len);
	memcpy(field, val, len);
	if (old != new) {
		txn_free_on_undo(t, new);
		txn_free_on_commit(t, old);
	}
}

void txn_set_depexpr(struct clus_txn *t, struct clus_depexpr *field,
		     struct clus_depexpr *val)
{
	txn_set_owner(t, field, val, sizeof(*field), field->tokens,
		      val->tokens);
}

void txn_set_proplist(struct clus_txn *t, struct clus_proplist *field,
		      struct clus_proplist *val)
{
	txn_set_owner(t, field, val, sizeof(*field), field->props,
		      val->props);
}

void txn_list_append(struct clus_txn *t, struct clus_list *l,
		     struct clus_link *e)
{
	if (!txn_record(t, UNDO_LIST_UNLINK, l, e, NULL)) {
		return;
	}
	clus_list_append(l, e);
}

void txn_list_remove(struct clus_txn *t, struct clus_list *l,
		     struct clus_link *e)
{
	if (!txn_record(t, UNDO_LIST_REINSERT, l, e->prev, e)) {
		return;
	}
	clus_list_remove(l, e);
}

void txn_hash_add(struct clus_txn *t, struct clus_hash *h, const char *key,
		  void *value)
{
	if (!txn_record(t, UNDO_HASH_DEL, h, clus_discard_const(key),
			value)) {
		return;
	}
	if (clus_hash_add(h, key, value) != 0) {
		if (!t->no_undo) {
			t->num_undo--;	/* nothing was added to undo */
		}
		txn_mark_oom(t);
	}
}

void txn_hash_del(struct clus_txn *t, struct clus_hash *h, const char *key,
		  void *value)
{
	if (!txn_record(t, UNDO_HASH_ADD, h, clus_discard_const(key),
			value)) {
		return;
	}
	clus_hash_del(h, key, value);
}

static void txn_undo_all(struct clus_txn *t)
{
	uint32_t i = t->num_undo;

	while (i > 0) {
		struct txn_undo *u = &t->undo[--i];

		switch (u->kind) {
		case UNDO_RESTORE:
			memcpy(u->a, u->heap != NULL ? u->heap : u->saved,
			       u->len);
			break;
		case UNDO_CALL:
			if (u->fn != NULL) {
				u->fn(u->a, u->b);
			}
			break;
		case UNDO_LIST_REINSERT:
			clus_list_insert_after(u->a, u->b, u->c);
			break;
		case UNDO_LIST_UNLINK:
			clus_list_remove(u->a, u->b);
			break;
		case UNDO_HASH_DEL:
			clus_hash_del(u->a, u->b, u->c);
			break;
		case UNDO_HASH_ADD:
			/*
			 * Re-adding what we removed: if even this fails
			 * the name is unfindable until restart; log it.
			 */
			if (clus_hash_add(u->a, u->b, u->c) != 0) {
				clus_log(t->m, 0, "model: undo lost index "
					 "entry '%s'", (char *)u->b);
			}
			break;
		}
	}
	t->num_undo = 0;
}

void txn_cancel(struct clus_txn *t)
{
	uint32_t i;

	if (t == NULL) {
		return;
	}
	/* before the undo: it frees the objects this txn created */
	for (i = 0; i < t->num_dirty; i++) {
		t->dirty[i]->dirty = false;
	}
	txn_undo_all(t);
	t->m->txn = NULL;
	talloc_free(t);
}

static uint32_t txn_store(struct clus_txn *t)
{
	struct clus_model *m = t->m;
	uint32_t i;
	uint32_t err;

	if (t->no_store || m->store == NULL || t->num_dirty == 0) {
		return CM_ERROR_SUCCESS;
	}
	if (m->fail_commits > 0) {
		m->fail_commits--;
		return CM_ERROR_CANTWRITE;
	}
	if (store_begin(m->store) != 0) {
		return CM_ERROR_CANTWRITE;
	}
	for (i = 0; i < t->num_dirty; i++) {
		err = store_put(m->store, t->dirty[i]);
		if (err != CM_ERROR_SUCCESS) {
			store_cancel(m->store);
			return err;
		}
	}
	if (store_commit(m->store) != 0) {
		return CM_ERROR_CANTWRITE;
	}
	return CM_ERROR_SUCCESS;
}

uint32_t txn_commit(struct clus_txn *t)
{
	struct clus_model *m = t->m;
	uint32_t err;
	uint32_t i;

	if (t->oom) {
		txn_cancel(t);
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	if (m->clients_read_only && !t->backend &&
	    (t->num_undo > 0 || t->num_dirty > 0 || t->num_changes > 0)) {
		txn_cancel(t);
		return CM_ERROR_NOT_SUPPORTED;
	}

	err = txn_store(t);
	if (err != CM_ERROR_SUCCESS) {
		clus_log(m, 0, "model: store commit failed (%s), change "
			 "rolled back", clus_model_errstr(err));
		txn_cancel(t);
		return err;
	}

	/*
	 * Committed.  Detach the transaction first: the actions below may
	 * wake callers whose callbacks run later from the event loop and
	 * start transactions of their own.
	 */
	m->txn = NULL;
	for (i = 0; i < t->num_dirty; i++) {
		t->dirty[i]->dirty = false;
	}
	for (i = 0; i < t->num_changes; i++) {
		notify_dispatch(m, t->changes[i]);
	}
	for (i = 0; i < t->num_actions; i++) {
		t->actions[i].fn(t->actions[i].a, t->actions[i].b);
	}
	talloc_free(t);
	return CM_ERROR_SUCCESS;
}

void notify_queue(struct clus_txn *t, struct clus_change *c)
{
	if (!txn_grow(t, (void **)&t->changes, &t->alloc_changes,
		      t->num_changes, sizeof(struct clus_change *))) {
		talloc_free(c);
		return;		/* a lost event, not a lost change */
	}
	talloc_steal(t, c);
	t->changes[t->num_changes++] = c;
}
