/*
 * clusapi - cluster model: private property lists
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A property list is one talloc array; names and data are its children.
 * Changes copy the list and swap it in (txn_set_proplist), so undo is a
 * pointer swap and the old list is freed on commit.
 */

#include <string.h>
#include <strings.h>

#include "model_private.h"

const struct clus_prop *clus_prop_get(const struct clus_proplist *list,
				      const char *name)
{
	uint32_t i;

	for (i = 0; i < list->count; i++) {
		if (strcasecmp(list->props[i].name, name) == 0) {
			return &list->props[i];
		}
	}
	return NULL;
}

const char *clus_prop_get_sz(const struct clus_proplist *list,
			     const char *name)
{
	const struct clus_prop *p = clus_prop_get(list, name);

	if (p == NULL ||
	    (p->type != CM_REG_SZ && p->type != CM_REG_EXPAND_SZ)) {
		return NULL;
	}
	/* data always carries a hidden trailing NUL (clus_memdup0) */
	return (const char *)p->data;
}

bool proplist_copy(TALLOC_CTX *mem_ctx, const struct clus_proplist *src,
		   struct clus_proplist *dst)
{
	struct clus_prop *props;
	uint32_t i;

	props = talloc_zero_array(mem_ctx, struct clus_prop, src->count + 1);
	if (props == NULL) {
		return false;
	}
	for (i = 0; i < src->count; i++) {
		const struct clus_prop *s = &src->props[i];

		props[i].name = talloc_strdup(props, s->name);
		props[i].type = s->type;
		props[i].len = s->len;
		props[i].data = clus_memdup0(props, s->data, s->len);
		if (props[i].name == NULL || props[i].data == NULL) {
			talloc_free(props);
			return false;
		}
	}
	dst->props = props;
	dst->count = src->count;
	return true;
}

/* In place: the list must be a private copy (room for one more entry) */
bool proplist_set(TALLOC_CTX *mem_ctx, struct clus_proplist *list,
		  const char *name, uint32_t type, const uint8_t *data,
		  uint32_t len)
{
	struct clus_prop *p = (struct clus_prop *)clus_prop_get(list, name);
	uint8_t *d;

	(void)mem_ctx;
	d = clus_memdup0(list->props, data, len);
	if (d == NULL) {
		return false;
	}
	if (p == NULL) {
		p = &list->props[list->count];
		p->name = talloc_strdup(list->props, name);
		if (p->name == NULL) {
			talloc_free(d);
			return false;
		}
		list->count++;
	} else {
		talloc_free(p->data);
	}
	p->type = type;
	p->data = d;
	p->len = len;
	return true;
}

bool proplist_del(struct clus_proplist *list, const char *name)
{
	uint32_t i;

	for (i = 0; i < list->count; i++) {
		if (strcasecmp(list->props[i].name, name) == 0) {
			break;
		}
	}
	if (i == list->count) {
		return false;
	}
	talloc_free(list->props[i].name);
	talloc_free(list->props[i].data);
	memmove(&list->props[i], &list->props[i + 1],
		(list->count - i - 1) * sizeof(struct clus_prop));
	list->count--;
	return true;
}

uint32_t txn_proplist_set(struct clus_txn *t, const void *ctx,
			  struct clus_proplist *field, const char *name,
			  uint32_t type, const uint8_t *data, uint32_t len)
{
	struct clus_proplist n;

	if (name == NULL) {
		return CM_ERROR_INVALID_PARAMETER;
	}
	if (!proplist_copy(clus_discard_const(ctx), field, &n)) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	if (!proplist_set(NULL, &n, name, type, data, len)) {
		talloc_free(n.props);
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	txn_set_proplist(t, field, &n);
	return CM_ERROR_SUCCESS;
}

uint32_t txn_proplist_del(struct clus_txn *t, const void *ctx,
			  struct clus_proplist *field, const char *name)
{
	struct clus_proplist n;

	if (clus_prop_get(field, name) == NULL) {
		return CM_ERROR_FILE_NOT_FOUND;
	}
	if (!proplist_copy(clus_discard_const(ctx), field, &n)) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	proplist_del(&n, name);
	txn_set_proplist(t, field, &n);
	return CM_ERROR_SUCCESS;
}

uint32_t txn_proplist_apply(struct clus_txn *t, const void *ctx,
			    struct clus_proplist *field,
			    const struct clus_prop *props, uint32_t num,
			    bool remove)
{
	uint32_t i, err = CM_ERROR_SUCCESS;

	for (i = 0; i < num && err == CM_ERROR_SUCCESS; i++) {
		const struct clus_prop *p = &props[i];

		if (!remove && (p->name == NULL || p->name[0] == '\0')) {
			return CM_ERROR_INVALID_PARAMETER;
		}
		err = remove ? txn_proplist_del(t, ctx, field, p->name) :
			txn_proplist_set(t, ctx, field, p->name, p->type,
					 p->data, p->len);
	}
	return err;
}
