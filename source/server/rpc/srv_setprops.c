/*
 * clusapid: CLUSCTL_GROUP_SET_COMMON_PROPERTIES and
 * CLUSCTL_RESOURCE_SET_COMMON_PROPERTIES (MS-CMRP 3.1.4.3.1.12,
 * 3.1.4.3.3.x)
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is checked whole before anything is stored: a property that
 * is read-only or unknown is ERROR_INVALID_PARAMETER (the validation
 * error is the server's to choose, 3.1.4.3.1.13; Windows' resource
 * utilities answer so), a value of the wrong syntax too; a writable
 * common property this simulation does not store (Name: the rename
 * calls do it; PersistentState) is ERROR_CALL_NOT_IMPLEMENTED.
 */

#include "server/rpc/rpc_private.h"

enum common_prop_what {
	COMMON_DESCRIPTION,
	COMMON_PRIORITY,
	COMMON_NOT_STORED,
};

struct common_prop {
	const char *name;
	uint32_t syntax;	/* 0: any, for COMMON_NOT_STORED */
	enum common_prop_what what;
};

static const struct common_prop group_props[] = {
	{ "Description", CLUSPROP_SYNTAX_LIST_VALUE_SZ, COMMON_DESCRIPTION },
	{ "Priority", CLUSPROP_SYNTAX_LIST_VALUE_DWORD, COMMON_PRIORITY },
	{ "Name", 0, COMMON_NOT_STORED },
	{ "PersistentState", 0, COMMON_NOT_STORED },
	{ NULL },
};

static const struct common_prop resource_props[] = {
	{ "Description", CLUSPROP_SYNTAX_LIST_VALUE_SZ, COMMON_DESCRIPTION },
	{ "Name", 0, COMMON_NOT_STORED },
	{ "PersistentState", 0, COMMON_NOT_STORED },
	{ NULL },
};

static const struct common_prop *common_prop_find(
	const struct common_prop *table, const char *name)
{
	size_t i;

	for (i = 0; table[i].name != NULL; i++) {
		if (strcasecmp(table[i].name, name) == 0) {
			return &table[i];
		}
	}
	return NULL;
}

/* Every property of the list known, writable, of its syntax */
static WERROR common_props_check(const struct common_prop *table,
				 const struct PROPERTY_LIST *list)
{
	uint32_t i;

	for (i = 0; i < list->PropertyCount; i++) {
		const struct CLUSPROP_PROPERTY *p = &list->Properties[i];
		const struct common_prop *c =
			common_prop_find(table, p->Name);

		if (c == NULL) {
			DBG_INFO("%s: read-only or unknown\n", p->Name);
			return WERR_INVALID_PARAMETER;
		}
		if (c->what == COMMON_NOT_STORED) {
			return WERR_CALL_NOT_IMPLEMENTED;
		}
		if (p->Value.Syntax != c->syntax ||
		    (c->what == COMMON_PRIORITY && p->Value.Data.length != 4)) {
			return WERR_INVALID_PARAMETER;
		}
	}
	return WERR_OK;
}

static uint32_t common_prop_store(TALLOC_CTX *mem_ctx, struct clus_model *m,
				  struct clus_group *g, struct clus_resource *r,
				  const struct common_prop *c,
				  const DATA_BLOB *v)
{
	uint8_t *text = NULL;
	uint32_t len = 0;
	char *s;
	WERROR werr;

	if (c->what == COMMON_PRIORITY) {
		uint32_t priority = v->data[0] | (v->data[1] << 8) |
				    (v->data[2] << 16) |
				    ((uint32_t)v->data[3] << 24);

		return clus_group_set_priority(m, g, priority);
	}
	werr = clusrv_value_from_wire(mem_ctx, CM_REG_SZ, v->data, v->length,
				      &text, &len);
	if (!W_ERROR_IS_OK(werr)) {
		return W_ERROR_V(werr);
	}
	s = talloc_strndup(mem_ctx, (const char *)text, len);
	if (s == NULL) {
		return W_ERROR_V(WERR_NOT_ENOUGH_MEMORY);
	}
	return g != NULL ? clus_group_set_description(m, g, s) :
			   clus_resource_set_description(m, r, s);
}

WERROR clusrv_set_common_props(struct dcesrv_call_state *dce_call,
			       TALLOC_CTX *mem_ctx, struct clus_model *m,
			       struct clus_group *g, struct clus_resource *r,
			       const uint8_t *in, uint32_t in_size)
{
	const struct common_prop *table = g != NULL ? group_props :
						      resource_props;
	DATA_BLOB blob = data_blob_const(in, in_size);
	struct PROPERTY_LIST list;
	enum ndr_err_code ndr_err;
	uint32_t i, err;
	WERROR werr;

	werr = clusrv_check_write(dce_call);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	ndr_err = ndr_pull_struct_blob_all(&blob, mem_ctx, &list,
			(ndr_pull_flags_fn_t)ndr_pull_PROPERTY_LIST);
	if (!NDR_ERR_CODE_IS_SUCCESS(ndr_err)) {
		return WERR_INVALID_DATA;
	}
	werr = common_props_check(table, &list);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	for (i = 0; i < list.PropertyCount; i++) {
		err = common_prop_store(mem_ctx, m, g, r,
					common_prop_find(
						table, list.Properties[i].Name),
					&list.Properties[i].Value.Data);
		if (err != 0) {
			return W_ERROR(err);
		}
	}
	return WERR_OK;
}
