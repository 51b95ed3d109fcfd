/*
 * clusapi - cluster model: registry batches (ApiExecuteBatch)
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A batch runs its commands in order in one transaction: every change
 * lands, or none does (a failed condition or command cancels the lot).
 * Value commands act on the key of the last CLUSREG_CREATE_KEY, or the
 * batch's own key before the first; after CLUSREG_DELETE_KEY no value
 * command may follow until the next CLUSREG_CREATE_KEY.
 */

#include <string.h>

#include "model_private.h"

static uint32_t delete_tree(struct clus_txn *t, struct clus_regkey *key)
{
	uint32_t err;

	while (key->num_subkeys > 0) {
		err = delete_tree(t, key->subkeys[key->num_subkeys - 1]);
		if (err != CM_ERROR_SUCCESS) {
			return err;
		}
	}
	return txn_regkey_delete(t, key);
}

static bool dword_of(const struct clus_prop *v, const uint8_t *data,
		     uint32_t len, uint32_t *a, uint32_t *b)
{
	if (v->type != CM_REG_DWORD || v->len != 4 || len != 4) {
		return false;
	}
	*a = v->data[0] | v->data[1] << 8 | v->data[2] << 16 |
	     (uint32_t)v->data[3] << 24;
	*b = data[0] | data[1] << 8 | data[2] << 16 | (uint32_t)data[3] << 24;
	return true;
}

/* true when the condition holds */
static bool condition(struct clus_model *m, struct clus_regkey *base,
		      struct clus_regkey *cur,
		      const struct clus_regbatch_cmd *c)
{
	const struct clus_prop *v = NULL;
	struct clus_regkey *k = NULL;
	uint32_t a, b;

	switch (c->command) {
	case CM_BATCH_CONDITION_KEY_EXISTS:
		return clus_regkey_open(m, base, c->name, &k) ==
			CM_ERROR_SUCCESS;
	case CM_BATCH_CONDITION_KEY_NOT_EXISTS:
		return clus_regkey_open(m, base, c->name, &k) !=
			CM_ERROR_SUCCESS;
	}
	if (cur != NULL) {
		v = clus_regkey_get_value(cur, c->name);
	}
	switch (c->command) {
	case CM_BATCH_CONDITION_EXISTS:
		return v != NULL;
	case CM_BATCH_CONDITION_NOT_EXISTS:
		return v == NULL;
	case CM_BATCH_CONDITION_IS_EQUAL:
	case CM_BATCH_CONDITION_IS_NOT_EQUAL: {
		bool eq = v != NULL && v->type == c->type &&
			v->len == c->len &&
			(c->len == 0 || memcmp(v->data, c->data, c->len) == 0);

		return (c->command == CM_BATCH_CONDITION_IS_EQUAL) == eq;
	}
	case CM_BATCH_CONDITION_IS_GREATER_THAN:
		return v != NULL && dword_of(v, c->data, c->len, &a, &b) &&
			a > b;
	case CM_BATCH_CONDITION_IS_LESS_THAN:
		return v != NULL && dword_of(v, c->data, c->len, &a, &b) &&
			a < b;
	}
	return false;
}

static uint32_t run_one(struct clus_txn *t, struct clus_regkey *base,
			struct clus_regkey **cur,
			const struct clus_regbatch_cmd *c)
{
	struct clus_regkey *k = NULL;
	uint32_t err;

	switch (c->command) {
	case CM_BATCH_SET_VALUE:
		if (*cur == NULL) {
			return CM_ERROR_INVALID_PARAMETER;
		}
		return txn_regkey_set_value(t, *cur, c->name, c->type,
					    c->data, c->len);
	case CM_BATCH_DELETE_VALUE:
		if (*cur == NULL) {
			return CM_ERROR_INVALID_PARAMETER;
		}
		return txn_regkey_delete_value(t, *cur, c->name);
	case CM_BATCH_CREATE_KEY:
		err = regkey_create_path(t, base, c->name, &k, NULL);
		if (err == CM_ERROR_SUCCESS) {
			*cur = k;
		}
		return err;
	case CM_BATCH_DELETE_KEY:
		err = clus_regkey_open(t->m, base, c->name, &k);
		if (err != CM_ERROR_SUCCESS) {
			return err;
		}
		if (k == base) {
			return CM_ERROR_INVALID_PARAMETER;
		}
		*cur = NULL;
		return delete_tree(t, k);
	case CM_BATCH_CONDITION_EXISTS:
	case CM_BATCH_CONDITION_NOT_EXISTS:
	case CM_BATCH_CONDITION_IS_EQUAL:
	case CM_BATCH_CONDITION_IS_NOT_EQUAL:
	case CM_BATCH_CONDITION_IS_GREATER_THAN:
	case CM_BATCH_CONDITION_IS_LESS_THAN:
	case CM_BATCH_CONDITION_KEY_EXISTS:
	case CM_BATCH_CONDITION_KEY_NOT_EXISTS:
		return condition(t->m, base, *cur, c) ?
			CM_ERROR_SUCCESS : CM_ERROR_INVALID_STATE;
	}
	return CM_ERROR_INVALID_FUNCTION;
}

uint32_t clus_regkey_batch(struct clus_model *m, struct clus_regkey *key,
			   const struct clus_regbatch_cmd *cmds,
			   uint32_t num_cmds, int32_t *failed)
{
	struct clus_regkey *cur = key;
	struct clus_txn *t;
	uint32_t i, err;

	*failed = -1;
	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	for (i = 0; i < num_cmds; i++) {
		err = run_one(t, key, &cur, &cmds[i]);
		if (err != CM_ERROR_SUCCESS) {
			txn_cancel(t);
			*failed = i;
			return err;
		}
	}
	return txn_commit(t);
}
