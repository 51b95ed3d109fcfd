/*
 * clusapi - cluster model: resource types
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "model_private.h"

struct clus_restype *restype_new(struct clus_txn *t, const char *name)
{
	return obj_new(t, CLUS_KIND_RESTYPE, name, name);
}

/* Name (the display name), DllName and the poll intervals */
uint32_t clus_restype_set_common(struct clus_model *m,
				 struct clus_restype *rt,
				 const struct clus_common_set *c)
{
	struct clus_txn *t;

	if ((c->name != NULL && !clus_name_valid(c->name)) ||
	    (c->dll_name != NULL && c->dll_name[0] == '\0')) {
		return CM_ERROR_INVALID_DATA;
	}
	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	if (c->name != NULL) {
		txn_set_str(t, rt, &rt->display_name, c->name);
	}
	if (c->dll_name != NULL) {
		txn_set_str(t, rt, &rt->dll_name, c->dll_name);
	}
	if (c->set & CM_COMMON_LOOKS_ALIVE) {
		TXN_SET(t, rt->looks_alive_ms, c->looks_alive_ms);
	}
	if (c->set & CM_COMMON_IS_ALIVE) {
		TXN_SET(t, rt->is_alive_ms, c->is_alive_ms);
	}
	txn_dirty(t, &rt->obj);
	notify_restype(t, rt, CM_CHANGE_RESOURCE_TYPE_PROPERTY,
		       CM_CHANGE_RESOURCE_TYPE_COMMON_PROPERTY_V2);
	return txn_commit(t);
}

uint32_t clus_restype_num_resources(struct clus_model *m,
				    const struct clus_restype *type)
{
	struct clus_resource *r;
	uint32_t n = 0;

	for (r = clus_resource_first(m); r != NULL; r = clus_resource_next(r)) {
		if (r->type == type) {
			n++;
		}
	}
	return n;
}

uint32_t clus_restype_create(struct clus_model *m, const char *name,
			     const char *display_name, const char *dll_name,
			     uint32_t looks_alive_ms, uint32_t is_alive_ms,
			     struct clus_restype **type)
{
	struct clus_restype *rt;
	struct clus_txn *t;
	uint32_t err;

	if (!clus_name_valid(name)) {
		return CM_ERROR_INVALID_NAME;
	}
	if (clus_restype_by_name(m, name) != NULL) {
		return CM_ERROR_ALREADY_EXISTS;
	}
	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	rt = restype_new(t, name);
	if (rt == NULL) {
		txn_cancel(t);
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	if (display_name != NULL && display_name[0] != '\0') {
		txn_set_str(t, rt, &rt->display_name, display_name);
	}
	if (dll_name != NULL && dll_name[0] != '\0') {
		txn_set_str(t, rt, &rt->dll_name, dll_name);
	}
	rt->looks_alive_ms = looks_alive_ms;
	rt->is_alive_ms = is_alive_ms;
	obj_link(t, &rt->obj);
	notify_restype(t, rt, CM_CHANGE_RESOURCE_TYPE_ADDED, 0);
	notify_cluster(t, 0, CM_CHANGE_CLUSTER_RESOURCE_TYPE_ADDED_V2,
		       rt->name, rt->name);
	err = txn_commit(t);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	*type = rt;
	return CM_ERROR_SUCCESS;
}

uint32_t clus_restype_delete(struct clus_model *m, struct clus_restype *rt)
{
	struct clus_txn *t;

	if (clus_restype_num_resources(m, rt) > 0) {
		return CM_ERROR_DIR_NOT_EMPTY;
	}
	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	notify_restype(t, rt, CM_CHANGE_RESOURCE_TYPE_DELETED,
		       CM_CHANGE_RESOURCE_TYPE_DELETED_V2);
	obj_unlink(t, &rt->obj);
	txn_free_on_commit(t, rt);
	return txn_commit(t);
}
