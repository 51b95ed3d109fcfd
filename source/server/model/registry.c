/*
 * clusapi - cluster model: the cluster registry
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A tree of keys, each one stored object keyed by its path below the
 * root.  Children are kept sorted (Windows enumerates subkeys in name
 * order) and found in O(1) through the path index.
 */

#include <string.h>
#include <strings.h>

#include "model_private.h"

/*
 * Self-relative security descriptor given to every key: owner and group
 * BUILTIN\Administrators, DACL granting Administrators KEY_ALL_ACCESS and
 * Everyone KEY_READ.
 */
const uint8_t clus_default_sd[] = {
	/* revision 1, control SE_SELF_RELATIVE | SE_DACL_PRESENT */
	0x01, 0x00, 0x04, 0x80,
	0x14, 0x00, 0x00, 0x00,		/* owner at 20 */
	0x24, 0x00, 0x00, 0x00,		/* group at 36 */
	0x00, 0x00, 0x00, 0x00,		/* no SACL */
	0x34, 0x00, 0x00, 0x00,		/* DACL at 52 */
	/* S-1-5-32-544 */
	0x01, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05,
	0x20, 0x00, 0x00, 0x00, 0x20, 0x02, 0x00, 0x00,
	/* S-1-5-32-544 */
	0x01, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05,
	0x20, 0x00, 0x00, 0x00, 0x20, 0x02, 0x00, 0x00,
	/* ACL revision 2, size 52, 2 ACEs */
	0x02, 0x00, 0x34, 0x00, 0x02, 0x00, 0x00, 0x00,
	/* ACCESS_ALLOWED, size 24, KEY_ALL_ACCESS, S-1-5-32-544 */
	0x00, 0x00, 0x18, 0x00, 0x3f, 0x00, 0x0f, 0x00,
	0x01, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05,
	0x20, 0x00, 0x00, 0x00, 0x20, 0x02, 0x00, 0x00,
	/* ACCESS_ALLOWED, size 20, KEY_READ, S-1-1-0 */
	0x00, 0x00, 0x14, 0x00, 0x19, 0x00, 0x02, 0x00,
	0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,
	0x00, 0x00, 0x00, 0x00,
};
const uint32_t clus_default_sd_len = sizeof(clus_default_sd);

struct clus_regkey *regkey_new(struct clus_txn *t, struct clus_regkey *parent,
			       const char *name)
{
	struct clus_regkey *key = talloc_zero(t->m, struct clus_regkey);

	if (key == NULL) {
		return NULL;
	}
	key->obj.kind = CLUS_KIND_REGKEY;
	key->parent = parent;
	key->name = talloc_strdup(key, name);
	if (parent == NULL || parent->path[0] == '\0') {
		key->path = talloc_strdup(key, name);
	} else {
		key->path = talloc_asprintf(key, "%s\\%s", parent->path, name);
	}
	key->subkeys = talloc_zero_array(key, struct clus_regkey *, 1);
	key->values.props = talloc_zero_array(key, struct clus_prop, 1);
	key->sd = talloc_memdup(key, clus_default_sd, clus_default_sd_len);
	if (key->name == NULL || key->path == NULL || key->subkeys == NULL ||
	    key->values.props == NULL || key->sd == NULL) {
		talloc_free(key);
		return NULL;
	}
	key->sd_len = clus_default_sd_len;
	key->last_write = clus_nttime_now();
	txn_free_on_undo(t, key);
	return key;
}

static bool regkey_children_with(struct clus_regkey *parent,
				 struct clus_regkey *add,
				 struct clus_regkey *remove,
				 struct clus_regkey ***out, uint32_t *num)
{
	struct clus_regkey **list;
	uint32_t i, n = 0;
	bool placed = (add == NULL);

	list = talloc_zero_array(parent, struct clus_regkey *,
				 parent->num_subkeys + 2);
	if (list == NULL) {
		return false;
	}
	for (i = 0; i < parent->num_subkeys; i++) {
		struct clus_regkey *c = parent->subkeys[i];

		if (c == remove) {
			continue;
		}
		if (!placed && strcasecmp(add->name, c->name) < 0) {
			list[n++] = add;
			placed = true;
		}
		list[n++] = c;
	}
	if (!placed) {
		list[n++] = add;
	}
	*out = list;
	*num = n;
	return true;
}

void regkey_link(struct clus_txn *t, struct clus_regkey *key)
{
	struct clus_model *m = t->m;
	struct clus_regkey *parent = key->parent;

	if (!t->no_store) {
		key->obj.seq = clus_next_seq(t);
	}
	txn_hash_add(t, m->regkey_paths, key->path, key);
	if (parent == NULL) {
		TXN_SET(t, m->root, key);
	} else {
		struct clus_regkey **list;
		uint32_t n;

		if (!regkey_children_with(parent, key, NULL, &list, &n)) {
			t->oom = true;
			return;
		}
		txn_set_array(t, &parent->subkeys, list, &parent->num_subkeys,
			      n);
	}
	txn_dirty(t, &key->obj);
}

struct clus_regkey *clus_regkey_root(struct clus_model *m)
{
	return m->root;
}

struct clus_regkey *clus_regkey_by_path(struct clus_model *m,
					const char *path)
{
	return clus_hash_get(m->regkey_paths, path != NULL ? path : "");
}

/* Next component of @p, which must be non-empty; NULL at the end */
static char *regkey_next_component(TALLOC_CTX *mem_ctx, const char **p,
				   bool *bad)
{
	const char *s = *p;
	const char *e;

	if (*s == '\0') {
		return NULL;
	}
	e = strchr(s, '\\');
	if (e == NULL) {
		e = s + strlen(s);
	}
	if (e == s) {
		*bad = true;
		return NULL;
	}
	*p = (*e == '\\') ? e + 1 : e;
	if (*e == '\\' && **p == '\0') {
		*bad = true;	/* trailing separator */
	}
	return talloc_strndup(mem_ctx, s, e - s);
}

static char *regkey_join(TALLOC_CTX *mem_ctx, const struct clus_regkey *parent,
			 const char *name)
{
	if (parent->path[0] == '\0') {
		return talloc_strdup(mem_ctx, name);
	}
	return talloc_asprintf(mem_ctx, "%s\\%s", parent->path, name);
}

uint32_t clus_regkey_open(struct clus_model *m, struct clus_regkey *parent,
			  const char *subpath, struct clus_regkey **key)
{
	TALLOC_CTX *frame = talloc_new(NULL);
	struct clus_regkey *k = parent;
	const char *p = subpath != NULL ? subpath : "";
	bool bad = false;
	char *comp;

	while ((comp = regkey_next_component(frame, &p, &bad)) != NULL) {
		char *path = regkey_join(frame, k, comp);

		k = (path != NULL) ? clus_regkey_by_path(m, path) : NULL;
		if (k == NULL) {
			break;
		}
	}
	TALLOC_FREE(frame);
	if (bad) {
		return CM_ERROR_INVALID_PARAMETER;
	}
	if (k == NULL) {
		return CM_ERROR_FILE_NOT_FOUND;
	}
	*key = k;
	return CM_ERROR_SUCCESS;
}

uint32_t regkey_create_path(struct clus_txn *t, struct clus_regkey *parent,
			    const char *subpath, struct clus_regkey **key,
			    bool *created)
{
	TALLOC_CTX *frame = talloc_new(NULL);
	struct clus_regkey *k = parent;
	const char *p = subpath != NULL ? subpath : "";
	bool bad = false;
	bool made = false;
	char *comp;

	while ((comp = regkey_next_component(frame, &p, &bad)) != NULL) {
		char *path = regkey_join(frame, k, comp);
		struct clus_regkey *c;

		if (path == NULL) {
			TALLOC_FREE(frame);
			return CM_ERROR_NOT_ENOUGH_MEMORY;
		}
		c = clus_regkey_by_path(t->m, path);
		if (c == NULL) {
			c = regkey_new(t, k, comp);
			if (c == NULL) {
				TALLOC_FREE(frame);
				return CM_ERROR_NOT_ENOUGH_MEMORY;
			}
			regkey_link(t, c);
			notify_regkey(t, c, CM_CHANGE_REGISTRY_NAME,
				      CM_CHANGE_REGISTRY_NAME_V2);
			made = true;
		} else {
			made = false;
		}
		k = c;
	}
	TALLOC_FREE(frame);
	if (bad || k == parent) {
		return CM_ERROR_INVALID_PARAMETER;
	}
	*key = k;
	if (created != NULL) {
		*created = made;
	}
	return CM_ERROR_SUCCESS;
}

uint32_t clus_regkey_create(struct clus_model *m, struct clus_regkey *parent,
			    const char *subpath, struct clus_regkey **key,
			    bool *created)
{
	struct clus_txn *t = txn_begin(m);
	struct clus_regkey *k;
	bool made = false;
	uint32_t err;

	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	err = regkey_create_path(t, parent, subpath, &k, &made);
	if (err != CM_ERROR_SUCCESS) {
		txn_cancel(t);
		return err;
	}
	err = txn_commit(t);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	*key = k;
	if (created != NULL) {
		*created = made;
	}
	return CM_ERROR_SUCCESS;
}

/* Unlink @key, which has no subkeys, from its parent and the store */
uint32_t txn_regkey_delete(struct clus_txn *t, struct clus_regkey *key)
{
	struct clus_regkey *parent = key->parent;
	struct clus_regkey **list;
	uint32_t n;

	if (parent == NULL || key->num_subkeys > 0) {
		return CM_ERROR_ACCESS_DENIED;
	}
	if (!regkey_children_with(parent, NULL, key, &list, &n)) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	txn_set_array(t, &parent->subkeys, list, &parent->num_subkeys, n);
	notify_regkey(t, key, CM_CHANGE_REGISTRY_NAME,
		      CM_CHANGE_REGISTRY_NAME_V2);
	txn_hash_del(t, t->m->regkey_paths, key->path, key);
	txn_delete_object(t, &key->obj);
	txn_free_on_commit(t, key);
	return CM_ERROR_SUCCESS;
}

uint32_t clus_regkey_delete(struct clus_model *m, struct clus_regkey *key)
{
	struct clus_txn *t;
	uint32_t err;

	/* RegDeleteKey semantics: no root, no key with subkeys */
	if (key->parent == NULL || key->num_subkeys > 0) {
		return CM_ERROR_ACCESS_DENIED;
	}
	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	err = txn_regkey_delete(t, key);
	if (err != CM_ERROR_SUCCESS) {
		txn_cancel(t);
		return err;
	}
	return txn_commit(t);
}

const struct clus_prop *clus_regkey_get_value(const struct clus_regkey *key,
					      const char *name)
{
	return clus_prop_get(&key->values, name != NULL ? name : "");
}

/* A value of @key was set or deleted: stamp, store and announce it */
static void regkey_value_changed(struct clus_txn *t, struct clus_regkey *key)
{
	TXN_SET(t, key->last_write, clus_nttime_now());
	txn_dirty(t, &key->obj);
	notify_regkey(t, key, CM_CHANGE_REGISTRY_VALUE,
		      CM_CHANGE_REGISTRY_VALUE_V2);
}

uint32_t txn_regkey_set_value(struct clus_txn *t, struct clus_regkey *key,
			      const char *name, uint32_t type,
			      const uint8_t *data, uint32_t len)
{
	uint32_t err;

	err = txn_proplist_set(t, key, &key->values, name != NULL ? name : "",
			       type, data, len);
	if (err == CM_ERROR_SUCCESS) {
		regkey_value_changed(t, key);
	}
	return err;
}

uint32_t clus_regkey_set_value(struct clus_model *m, struct clus_regkey *key,
			       const char *name, uint32_t type,
			       const uint8_t *data, uint32_t len)
{
	struct clus_txn *t = txn_begin(m);
	uint32_t err;

	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	err = txn_regkey_set_value(t, key, name, type, data, len);
	if (err != CM_ERROR_SUCCESS) {
		txn_cancel(t);
		return err;
	}
	return txn_commit(t);
}

uint32_t txn_regkey_delete_value(struct clus_txn *t, struct clus_regkey *key,
				 const char *name)
{
	uint32_t err;

	err = txn_proplist_del(t, key, &key->values, name != NULL ? name : "");
	if (err == CM_ERROR_SUCCESS) {
		regkey_value_changed(t, key);
	}
	return err;
}

uint32_t clus_regkey_delete_value(struct clus_model *m,
				  struct clus_regkey *key, const char *name)
{
	struct clus_txn *t = txn_begin(m);
	uint32_t err;

	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	err = txn_regkey_delete_value(t, key, name);
	if (err != CM_ERROR_SUCCESS) {
		txn_cancel(t);
		return err;
	}
	return txn_commit(t);
}

uint32_t clus_regkey_set_security(struct clus_model *m,
				  struct clus_regkey *key,
				  const uint8_t *sd, uint32_t sd_len)
{
	struct clus_txn *t;
	uint8_t *copy;

	/* a self-relative descriptor has at least its 20 byte header */
	if (sd == NULL || sd_len < 20) {
		return CM_ERROR_INVALID_PARAMETER;
	}
	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	copy = talloc_memdup(key, sd, sd_len);
	if (copy == NULL) {
		txn_cancel(t);
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	txn_set_array(t, &key->sd, copy, &key->sd_len, sd_len);
	TXN_SET(t, key->last_write, clus_nttime_now());
	txn_dirty(t, &key->obj);
	notify_regkey(t, key, CM_CHANGE_REGISTRY_ATTRIBUTES,
		      CM_CHANGE_REGISTRY_ATTRIBUTES_V2);
	return txn_commit(t);
}

/* Characters, not bytes: RegQueryInfoKey counts UTF-16 units */
static uint32_t utf8_chars(const char *s)
{
	const unsigned char *p;
	uint32_t n = 0;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p & 0xc0) != 0x80) {
			n += (*p >= 0xf0) ? 2 : 1;	/* surrogate pair */
		}
	}
	return n;
}

void clus_regkey_query_info(const struct clus_regkey *key,
			    struct clus_regkey_info *info)
{
	uint32_t i;

	*info = (struct clus_regkey_info) {
		.num_subkeys = key->num_subkeys,
		.num_values = key->values.count,
		.sd_len = key->sd_len,
		.last_write = key->last_write,
	};
	for (i = 0; i < key->num_subkeys; i++) {
		uint32_t n = utf8_chars(key->subkeys[i]->name);

		if (n > info->max_subkey_len) {
			info->max_subkey_len = n;
		}
	}
	for (i = 0; i < key->values.count; i++) {
		const struct clus_prop *v = &key->values.props[i];
		uint32_t n = utf8_chars(v->name);

		if (n > info->max_value_name_len) {
			info->max_value_name_len = n;
		}
		if (v->len > info->max_value_len) {
			info->max_value_len = v->len;
		}
	}
}
