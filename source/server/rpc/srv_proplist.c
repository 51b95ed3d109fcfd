/*
 * clusapid: PROPERTY_LIST buffers (MS-CMRP 2.2.3.10) for the control
 * codes and the enumerations that return properties
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built as PIDL's struct PROPERTY_LIST from our IDL and pushed with
 * ndr_push_struct_blob(), so the layout is the one the NDR tests check
 * against Samba's captured Windows blobs.
 */

#include "server/rpc/rpc_private.h"
#include <charset.h>

struct clusrv_proplist {
	struct PROPERTY_LIST list;
	/*
	 * The first failure to add a property.  It sticks: later adds do
	 * nothing and return it, and so does the push, so a list is built
	 * by a run of adds and one check at the end.
	 */
	WERROR werr;
};

static WERROR proplist_fail(struct clusrv_proplist *pl, WERROR werr)
{
	if (W_ERROR_IS_OK(pl->werr)) {
		pl->werr = werr;
	}
	return pl->werr;
}

WERROR clusrv_proplist_error(const struct clusrv_proplist *pl)
{
	return pl->werr;
}

struct clusrv_proplist *clusrv_proplist_new(TALLOC_CTX *mem_ctx)
{
	return talloc_zero(mem_ctx, struct clusrv_proplist);
}

static WERROR proplist_add(struct clusrv_proplist *pl, const char *name,
			   uint32_t syntax, uint8_t *data, uint32_t len)
{
	struct CLUSPROP_PROPERTY *p;

	if (!W_ERROR_IS_OK(pl->werr)) {
		return pl->werr;
	}
	p = talloc_realloc(pl, pl->list.Properties, struct CLUSPROP_PROPERTY,
			   pl->list.PropertyCount + 1);
	if (p == NULL) {
		return proplist_fail(pl, WERR_NOT_ENOUGH_MEMORY);
	}
	pl->list.Properties = p;
	p = &p[pl->list.PropertyCount];
	*p = (struct CLUSPROP_PROPERTY) {
		.Name = talloc_strdup(pl, name),
		.Value = {
			.Syntax = syntax,
			.cbLength = len,
			.Data = data_blob_const(data, len),
		},
	};
	if (p->Name == NULL) {
		return proplist_fail(pl, WERR_NOT_ENOUGH_MEMORY);
	}
	pl->list.PropertyCount += 1;
	return WERR_OK;
}

WERROR clusrv_proplist_add_dword(struct clusrv_proplist *pl,
				 const char *name, uint32_t value)
{
	uint8_t *d;

	if (!W_ERROR_IS_OK(pl->werr)) {
		return pl->werr;
	}
	d = talloc_array(pl, uint8_t, 4);
	if (d == NULL) {
		return proplist_fail(pl, WERR_NOT_ENOUGH_MEMORY);
	}
	d[0] = value & 0xff;
	d[1] = (value >> 8) & 0xff;
	d[2] = (value >> 16) & 0xff;
	d[3] = (value >> 24) & 0xff;
	return proplist_add(pl, name, CLUSPROP_SYNTAX_LIST_VALUE_DWORD, d, 4);
}

WERROR clusrv_proplist_add_sz(struct clusrv_proplist *pl, const char *name,
			      const char *value)
{
	uint8_t *d = NULL;
	uint32_t len = 0;
	WERROR werr;

	if (!W_ERROR_IS_OK(pl->werr)) {
		return pl->werr;
	}
	if (value == NULL) {
		value = "";
	}
	werr = clusrv_value_to_wire(pl, CM_REG_SZ, (const uint8_t *)value,
				    strlen(value) + 1, &d, &len);
	if (!W_ERROR_IS_OK(werr)) {
		return proplist_fail(pl, werr);
	}
	return proplist_add(pl, name, CLUSPROP_SYNTAX_LIST_VALUE_SZ, d, len);
}

/* A model property (REG_* type, UTF-8 strings) */
WERROR clusrv_proplist_add_prop(struct clusrv_proplist *pl,
				const struct clus_prop *prop)
{
	static const struct {
		uint32_t type;
		uint32_t syntax;
	} map[] = {
		{ CM_REG_SZ, CLUSPROP_SYNTAX_LIST_VALUE_SZ },
		{ CM_REG_EXPAND_SZ, CLUSPROP_SYNTAX_LIST_VALUE_EXPAND_SZ },
		{ CM_REG_MULTI_SZ, CLUSPROP_SYNTAX_LIST_VALUE_MULTI_SZ },
		{ CM_REG_DWORD, CLUSPROP_SYNTAX_LIST_VALUE_DWORD },
		{ CM_REG_QWORD, CLUSPROP_SYNTAX_LIST_VALUE_ULARGE_INTEGER },
		{ CM_REG_BINARY, CLUSPROP_SYNTAX_LIST_VALUE_BINARY },
		{ CM_REG_NONE, CLUSPROP_SYNTAX_LIST_VALUE_BINARY },
	};
	uint8_t *d = NULL;
	uint32_t len = 0, i;
	WERROR werr;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		if (map[i].type == prop->type) {
			break;
		}
	}
	if (!W_ERROR_IS_OK(pl->werr)) {
		return pl->werr;
	}
	if (i == sizeof(map) / sizeof(map[0])) {
		return proplist_fail(pl, WERR_INVALID_DATA);
	}
	werr = clusrv_value_to_wire(pl, prop->type, prop->data, prop->len,
				    &d, &len);
	if (!W_ERROR_IS_OK(werr)) {
		return proplist_fail(pl, werr);
	}
	return proplist_add(pl, prop->name, map[i].syntax, d, len);
}

WERROR clusrv_proplist_add_props(struct clusrv_proplist *pl,
				 const struct clus_proplist *props)
{
	uint32_t i;
	WERROR werr = WERR_OK;

	for (i = 0; i < props->count && W_ERROR_IS_OK(werr); i++) {
		werr = clusrv_proplist_add_prop(pl, &props->props[i]);
	}
	return werr;
}

/* Keep only the properties named in @names (NULL-terminated) */
void clusrv_proplist_filter(struct clusrv_proplist *pl, const char **names)
{
	uint32_t i, j = 0, k;

	for (i = 0; i < pl->list.PropertyCount; i++) {
		for (k = 0; names[k] != NULL; k++) {
			if (strcasecmp(names[k],
				       pl->list.Properties[i].Name) == 0) {
				break;
			}
		}
		if (names[k] == NULL) {
			continue;
		}
		pl->list.Properties[j++] = pl->list.Properties[i];
	}
	pl->list.PropertyCount = j;
}

WERROR clusrv_proplist_push(TALLOC_CTX *mem_ctx, struct clusrv_proplist *pl,
			    DATA_BLOB *blob)
{
	enum ndr_err_code ndr_err;

	if (!W_ERROR_IS_OK(pl->werr)) {
		return pl->werr;
	}
	ndr_err = ndr_push_struct_blob(blob, mem_ctx, &pl->list,
			(ndr_push_flags_fn_t)ndr_push_PROPERTY_LIST);
	if (!NDR_ERR_CODE_IS_SUCCESS(ndr_err)) {
		DBG_ERR("cannot push a PROPERTY_LIST: %s\n",
			ndr_map_error2string(ndr_err));
		return WERR_NOT_ENOUGH_MEMORY;
	}
	return WERR_OK;
}

/*
 * A REG_MULTI_SZ of names (UTF-16) into a NULL-terminated array; an
 * empty buffer gives an empty array.
 */
WERROR clusrv_multi_sz_pull(TALLOC_CTX *mem_ctx, const uint8_t *data,
			    uint32_t len, const char ***pnames)
{
	const char **names;
	char *utf8 = NULL;
	size_t utf8_len = 0, i, start = 0, num = 0;

	names = talloc_zero_array(mem_ctx, const char *, 1);
	if (names == NULL) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	*pnames = names;
	if (len == 0) {
		return WERR_OK;
	}
	if (data == NULL || (len % 2) != 0) {
		return WERR_INVALID_PARAMETER;
	}
	if (!convert_string_talloc(mem_ctx, CH_UTF16LE, CH_UTF8, data, len,
				   &utf8, &utf8_len)) {
		return WERR_INVALID_PARAMETER;
	}
	for (i = 0; i <= utf8_len; i++) {
		if (i < utf8_len && utf8[i] != '\0') {
			continue;
		}
		if (i == start) {
			break;
		}
		names = talloc_realloc(mem_ctx, names, const char *, num + 2);
		if (names == NULL) {
			return WERR_NOT_ENOUGH_MEMORY;
		}
		names[num++] = talloc_strndup(names, &utf8[start], i - start);
		names[num] = NULL;
		start = i + 1;
	}
	*pnames = names;
	return WERR_OK;
}
