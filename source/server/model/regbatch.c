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

static uint32_t batch_run(struct clus_txn *t, struct clus_regkey *key,
			  const struct clus_regbatch_cmd *cmds,
			  uint32_t num_cmds, int32_t *failed)
{
	struct clus_regkey *cur = key;
	uint32_t i, err;

	*failed = -1;
	for (i = 0; i < num_cmds; i++) {
		err = run_one(t, key, &cur, &cmds[i]);
		if (err != CM_ERROR_SUCCESS) {
			*failed = i;
			return err;
		}
	}
	return CM_ERROR_SUCCESS;
}

uint32_t clus_regkey_batch(struct clus_model *m, struct clus_regkey *key,
			   const struct clus_regbatch_cmd *cmds,
			   uint32_t num_cmds, int32_t *failed)
{
	struct clus_txn *t = txn_begin(m);
	uint32_t err;

	*failed = -1;
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	err = batch_run(t, key, cmds, num_cmds, failed);
	if (err != CM_ERROR_SUCCESS) {
		txn_cancel(t);
		return err;
	}
	return txn_commit(t);
}

/* The property change of @obj, common or private, as its kind says it */
static void announce_props(struct clus_txn *t, struct clus_object *obj,
			   bool common)
{
	switch (obj->kind) {
	case CLUS_KIND_CLUSTER:
		notify_cluster(t, CM_CHANGE_CLUSTER_PROPERTY, common ?
			       CM_CHANGE_CLUSTER_COMMON_PROPERTY_V2 :
			       CM_CHANGE_CLUSTER_PRIVATE_PROPERTY_V2,
			       NULL, NULL);
		break;
	case CLUS_KIND_NODE:
		notify_node(t, (struct clus_node *)obj,
			    CM_CHANGE_NODE_PROPERTY, common ?
			    CM_CHANGE_NODE_COMMON_PROPERTY_V2 :
			    CM_CHANGE_NODE_PRIVATE_PROPERTY_V2);
		break;
	case CLUS_KIND_NETWORK:
		notify_network(t, (struct clus_network *)obj,
			       CM_CHANGE_NETWORK_PROPERTY, common ?
			       CM_CHANGE_NETWORK_COMMON_PROPERTY_V2 :
			       CM_CHANGE_NETWORK_PRIVATE_PROPERTY_V2);
		break;
	case CLUS_KIND_NETIF:
		notify_netif(t, (struct clus_netif *)obj,
			     CM_CHANGE_NETINTERFACE_PROPERTY, common ?
			     CM_CHANGE_NETINTERFACE_COMMON_PROPERTY_V2 :
			     CM_CHANGE_NETINTERFACE_PRIVATE_PROPERTY_V2);
		break;
	case CLUS_KIND_RESTYPE:
		notify_restype(t, (struct clus_restype *)obj,
			       CM_CHANGE_RESOURCE_TYPE_PROPERTY, common ?
			       CM_CHANGE_RESOURCE_TYPE_COMMON_PROPERTY_V2 :
			       CM_CHANGE_RESOURCE_TYPE_PRIVATE_PROPERTY_V2);
		break;
	}
}

uint32_t clus_regkey_batch_props(struct clus_model *m,
				 const struct clus_regbatch_cmd *cmds,
				 uint32_t num_cmds,
				 const struct clus_object *obj, bool common)
{
	struct clus_txn *t = txn_begin(m);
	int32_t failed;
	uint32_t err;

	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	err = batch_run(t, m->root, cmds, num_cmds, &failed);
	if (err != CM_ERROR_SUCCESS) {
		txn_cancel(t);
		return err;
	}
	announce_props(t, clus_discard_const(obj), common);
	return txn_commit(t);
}
