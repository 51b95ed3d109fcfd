/*
 * clusapid: CLUSCTL_*_SET_COMMON_PROPERTIES and
 * CLUSCTL_*_SET_PRIVATE_PROPERTIES (MS-CMRP 3.1.4.3.x), and where the
 * cluster registry holds what the objects do not
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list is checked whole, then stored in one model transaction: it
 * lands completely or not at all.  A property that is read-only or
 * unknown is ERROR_INVALID_PARAMETER (what Windows' property-table
 * check answers for a read-only item; MS-CMRP leaves validation errors
 * to the server), a value of the wrong syntax too, and a value out of
 * range ERROR_INVALID_DATA (CLUSCTL_*_SET_COMMON_PROPERTIES in the
 * Failover Cluster API reference).
 *
 * Groups and resources keep their private properties themselves.  The
 * cluster, nodes, networks, interfaces and resource types keep theirs
 * where Windows does, in the cluster registry: the "Parameters" key
 * under the object's key (Nodes\<id>, Networks\<id>,
 * NetworkInterfaces\<id>, ResourceTypes\<name>; the root's for the
 * cluster), written as one registry batch.  The Description of the
 * cluster and of a node is a value of that object key likewise.
 */

#include "server/rpc/rpc_private.h"

/*
 * Where a common property goes: a string or a DWORD of struct
 * clus_common_set (the DWORD with its CM_COMMON_* bit and largest
 * value), or the Description value in the object's registry key.
 */
struct common_field {
	size_t ofs;
	uint32_t mask;		/* 0: a string */
	uint32_t max;
	bool reg;
};

#define CF_STR(member) { .ofs = offsetof(struct clus_common_set, member) }
#define CF_U32(member, bit, largest) \
	{ .ofs = offsetof(struct clus_common_set, member), .mask = (bit), \
	  .max = (largest) }

static const struct common_field cf_name = CF_STR(name);
static const struct common_field cf_description = CF_STR(description);
static const struct common_field cf_dll_name = CF_STR(dll_name);
static const struct common_field cf_reg_description = { .reg = true };
static const struct common_field cf_persistent_state =
	CF_U32(persistent_state, CM_COMMON_PERSISTENT_STATE, 1);
static const struct common_field cf_priority =
	CF_U32(priority, CM_COMMON_PRIORITY, UINT32_MAX);
static const struct common_field cf_role =
	CF_U32(role, CM_COMMON_ROLE, CM_NETWORK_ROLE_INTERNAL_AND_CLIENT);
static const struct common_field cf_looks_alive =
	CF_U32(looks_alive_ms, CM_COMMON_LOOKS_ALIVE, UINT32_MAX);
static const struct common_field cf_is_alive =
	CF_U32(is_alive_ms, CM_COMMON_IS_ALIVE, UINT32_MAX);

struct common_prop {
	const char *name;
	const struct common_field *field;
};

/* The writable common properties of each kind, by CTL_* */
static const struct common_prop cluster_props[] = {
	{ "Description", &cf_reg_description },
	{ NULL },
};

static const struct common_prop node_props[] = {
	{ "Description", &cf_reg_description },
	{ NULL },
};

static const struct common_prop restype_props[] = {
	{ "Name", &cf_name },
	{ "DllName", &cf_dll_name },
	{ "LooksAlivePollInterval", &cf_looks_alive },
	{ "IsAlivePollInterval", &cf_is_alive },
	{ NULL },
};

static const struct common_prop group_props[] = {
	{ "Name", &cf_name },
	{ "Description", &cf_description },
	{ "PersistentState", &cf_persistent_state },
	{ "Priority", &cf_priority },
	{ NULL },
};

static const struct common_prop resource_props[] = {
	{ "Name", &cf_name },
	{ "Description", &cf_description },
	{ "PersistentState", &cf_persistent_state },
	{ NULL },
};

static const struct common_prop network_props[] = {
	{ "Name", &cf_name },
	{ "Description", &cf_description },
	{ "Role", &cf_role },
	{ NULL },
};

static const struct common_prop netif_props[] = {
	{ "Description", &cf_description },
	{ NULL },
};

static const struct common_prop *common_table(enum clusrv_ctl_object type)
{
	switch (type) {
	case CTL_CLUSTER: return cluster_props;
	case CTL_NODE: return node_props;
	case CTL_RESTYPE: return restype_props;
	case CTL_GROUP: return group_props;
	case CTL_RESOURCE: return resource_props;
	case CTL_NETWORK: return network_props;
	case CTL_NETIF: return netif_props;
	case CTL_GROUPSET: return NULL;
	}
	return NULL;
}

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

/* The registry key of an object that keeps values there, or NULL */
static char *reg_path(TALLOC_CTX *mem_ctx, const struct clusrv_ctl_target *t)
{
	switch (t->type) {
	case CTL_CLUSTER:
		return talloc_strdup(mem_ctx, "");
	case CTL_NODE:
		return talloc_asprintf(mem_ctx, "Nodes\\%s", t->u.node->id);
	case CTL_NETWORK:
		return talloc_asprintf(mem_ctx, "Networks\\%s", t->u.net->id);
	case CTL_NETIF:
		return talloc_asprintf(mem_ctx, "NetworkInterfaces\\%s",
				       t->u.netif->id);
	case CTL_RESTYPE:
		return talloc_asprintf(mem_ctx, "ResourceTypes\\%s",
				       t->u.restype->name);
	default:
		return NULL;
	}
}

static char *reg_params_path(TALLOC_CTX *mem_ctx,
			     const struct clusrv_ctl_target *t)
{
	char *path = reg_path(mem_ctx, t);

	if (path == NULL || path[0] == '\0') {
		return path == NULL ? NULL :
			talloc_strdup(mem_ctx, "Parameters");
	}
	return talloc_asprintf(mem_ctx, "%s\\Parameters", path);
}

const char *clusrv_reg_description(TALLOC_CTX *mem_ctx,
				   const struct clusrv_ctl_target *t)
{
	char *path = reg_path(mem_ctx, t);
	const struct clus_regkey *key;
	const struct clus_prop *v;

	if (path == NULL) {
		return "";
	}
	key = clus_regkey_by_path(t->m, path);
	TALLOC_FREE(path);
	v = key != NULL ? clus_regkey_get_value(key, "Description") : NULL;
	if (v == NULL || v->type != CM_REG_SZ) {
		return "";
	}
	/* model values carry a hidden trailing NUL */
	return (const char *)v->data;
}

WERROR clusrv_private_props(const struct clusrv_ctl_target *t,
			    struct clusrv_proplist *pl)
{
	const struct clus_regkey *key;
	char *path;

	switch (t->type) {
	case CTL_RESOURCE:
		return clusrv_proplist_add_props(pl, &t->u.res->props);
	case CTL_GROUP:
		return clusrv_proplist_add_props(pl, &t->u.group->props);
	default:
		break;
	}
	path = reg_params_path(pl, t);
	if (path == NULL) {
		/* no private properties: an empty list */
		return WERR_OK;
	}
	key = clus_regkey_by_path(t->m, path);
	TALLOC_FREE(path);
	if (key == NULL) {
		return WERR_OK;
	}
	return clusrv_proplist_add_props(pl, &key->values);
}

static WERROR pull_list(TALLOC_CTX *mem_ctx, const uint8_t *in,
			uint32_t in_size, struct PROPERTY_LIST *list)
{
	DATA_BLOB blob = data_blob_const(in, in_size);
	enum ndr_err_code ndr_err;

	ndr_err = ndr_pull_struct_blob_all(&blob, mem_ctx, list,
			(ndr_pull_flags_fn_t)ndr_pull_PROPERTY_LIST);
	if (!NDR_ERR_CODE_IS_SUCCESS(ndr_err)) {
		return WERR_INVALID_DATA;
	}
	return WERR_OK;
}

/* One property of a list as the model's value (REG_* type, UTF-8) */
static WERROR prop_from_wire(TALLOC_CTX *mem_ctx,
			     const struct CLUSPROP_PROPERTY *p,
			     struct clus_prop *out)
{
	static const struct {
		uint32_t syntax;
		uint32_t type;
	} map[] = {
		{ CLUSPROP_SYNTAX_LIST_VALUE_SZ, CM_REG_SZ },
		{ CLUSPROP_SYNTAX_LIST_VALUE_EXPAND_SZ, CM_REG_EXPAND_SZ },
		{ CLUSPROP_SYNTAX_LIST_VALUE_MULTI_SZ, CM_REG_MULTI_SZ },
		{ CLUSPROP_SYNTAX_LIST_VALUE_DWORD, CM_REG_DWORD },
		{ CLUSPROP_SYNTAX_LIST_VALUE_BINARY, CM_REG_BINARY },
		/* a QWORD either way: signed or not is the reader's */
		{ CLUSPROP_SYNTAX_LIST_VALUE_ULARGE_INTEGER, CM_REG_QWORD },
		{ CLUSPROP_SYNTAX_LIST_VALUE_LARGE_INTEGER, CM_REG_QWORD },
	};
	size_t i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		if (map[i].syntax == p->Value.Syntax) {
			break;
		}
	}
	if (i == sizeof(map) / sizeof(map[0]) || p->Name == NULL ||
	    p->Name[0] == '\0') {
		return WERR_INVALID_PARAMETER;
	}
	if (map[i].type == CM_REG_DWORD && p->Value.Data.length != 4) {
		return WERR_INVALID_PARAMETER;
	}
	out->name = discard_const_p(char, p->Name);
	out->type = map[i].type;
	return clusrv_value_from_wire(mem_ctx, out->type, p->Value.Data.data,
				      p->Value.Data.length, &out->data,
				      &out->len);
}

static WERROR pull_props(TALLOC_CTX *mem_ctx, const uint8_t *in,
			 uint32_t in_size, struct clus_prop **pprops,
			 uint32_t *num)
{
	struct PROPERTY_LIST list;
	struct clus_prop *props;
	uint32_t i;
	WERROR werr;

	werr = pull_list(mem_ctx, in, in_size, &list);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	props = talloc_zero_array(mem_ctx, struct clus_prop,
				  list.PropertyCount + 1);
	if (props == NULL) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	for (i = 0; i < list.PropertyCount; i++) {
		werr = prop_from_wire(props, &list.Properties[i], &props[i]);
		if (!W_ERROR_IS_OK(werr)) {
			return werr;
		}
	}
	*pprops = props;
	*num = list.PropertyCount;
	return WERR_OK;
}

static uint32_t prop_dword(const struct clus_prop *p)
{
	return p->data[0] | (p->data[1] << 8) | (p->data[2] << 16) |
	       ((uint32_t)p->data[3] << 24);
}

/*
 * Record @p in @c (the model's fields) or @reg_desc (the registry's):
 * ERROR_INVALID_PARAMETER for a value of another type, ERROR_INVALID_DATA
 * for one out of range.
 */
static WERROR common_prop_take(const struct common_field *cf,
			       const struct clus_prop *p,
			       struct clus_common_set *c,
			       const char **reg_desc)
{
	bool sz = cf->reg || cf->mask == 0;
	uint8_t *field = (uint8_t *)c + cf->ofs;
	uint32_t v;

	if (p->type != (sz ? CM_REG_SZ : CM_REG_DWORD)) {
		return WERR_INVALID_PARAMETER;
	}
	if (cf->reg) {
		*reg_desc = (const char *)p->data;
		return WERR_OK;
	}
	if (sz) {
		*(const char **)(void *)field = (const char *)p->data;
		return WERR_OK;
	}
	v = prop_dword(p);
	if (v > cf->max) {
		return WERR_INVALID_DATA;
	}
	c->set |= cf->mask;
	*(uint32_t *)(void *)field = v;
	return WERR_OK;
}

/* The model object behind @t, for the notification of its change */
static const struct clus_object *target_object(
	const struct clusrv_ctl_target *t)
{
	switch (t->type) {
	case CTL_CLUSTER: return &clus_model_cluster(t->m)->obj;
	case CTL_NODE: return &t->u.node->obj;
	case CTL_NETWORK: return &t->u.net->obj;
	case CTL_NETIF: return &t->u.netif->obj;
	case CTL_RESTYPE: return &t->u.restype->obj;
	case CTL_RESOURCE: return &t->u.res->obj;
	case CTL_GROUP: return &t->u.group->obj;
	case CTL_GROUPSET: return &t->u.set->obj;
	}
	return NULL;
}

/*
 * Values set in the registry key @path of @t's object, in one batch
 * that announces the object's property change (@common or private)
 */
static WERROR reg_set_values(TALLOC_CTX *mem_ctx,
			     const struct clusrv_ctl_target *t,
			     const char *path, bool common,
			     const struct clus_prop *props, uint32_t num)
{
	struct clus_regbatch_cmd *cmds;
	uint32_t i, n = 0;

	if (path == NULL) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	cmds = talloc_zero_array(mem_ctx, struct clus_regbatch_cmd, num + 1);
	if (cmds == NULL) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	if (path[0] != '\0') {
		cmds[n++] = (struct clus_regbatch_cmd) {
			.command = CM_BATCH_CREATE_KEY, .name = path,
		};
	}
	for (i = 0; i < num; i++) {
		cmds[n++] = (struct clus_regbatch_cmd) {
			.command = CM_BATCH_SET_VALUE,
			.type = props[i].type,
			.name = props[i].name,
			.data = props[i].data,
			.len = props[i].len,
		};
	}
	return W_ERROR(clus_regkey_batch_props(t->m, cmds, n,
					       target_object(t), common));
}

static WERROR common_props_store(TALLOC_CTX *mem_ctx,
				 const struct clusrv_ctl_target *t,
				 const struct clus_common_set *c,
				 const char *reg_desc)
{
	struct clus_prop desc = {
		.name = discard_const_p(char, "Description"),
		.type = CM_REG_SZ,
		.data = discard_const_p(uint8_t, reg_desc),
	};

	switch (t->type) {
	case CTL_CLUSTER:
	case CTL_NODE:
		if (reg_desc == NULL) {
			return WERR_OK;
		}
		desc.len = strlen(reg_desc) + 1;
		return reg_set_values(mem_ctx, t, reg_path(mem_ctx, t), true,
				      &desc, 1);
	case CTL_RESTYPE:
		return W_ERROR(clus_restype_set_common(t->m, t->u.restype, c));
	case CTL_GROUP:
		return W_ERROR(clus_group_set_common(t->m, t->u.group, c));
	case CTL_RESOURCE:
		return W_ERROR(clus_resource_set_common(t->m, t->u.res, c));
	case CTL_NETWORK:
		return W_ERROR(clus_network_set_common(t->m, t->u.net, c));
	case CTL_NETIF:
		return W_ERROR(clus_netif_set_common(t->m, t->u.netif, c));
	case CTL_GROUPSET:
		break;
	}
	return WERR_INVALID_FUNCTION;
}

/* A set may change the cluster; its list, pulled */
static WERROR set_begin(struct dcesrv_call_state *dce_call,
			TALLOC_CTX *mem_ctx, const uint8_t *in,
			uint32_t in_size, struct clus_prop **props,
			uint32_t *num)
{
	WERROR werr = clusrv_check_write(dce_call);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return pull_props(mem_ctx, in, in_size, props, num);
}

WERROR clusrv_set_common_props(struct dcesrv_call_state *dce_call,
			       TALLOC_CTX *mem_ctx,
			       const struct clusrv_ctl_target *t,
			       const uint8_t *in, uint32_t in_size)
{
	const struct common_prop *table = common_table(t->type);
	struct clus_common_set c = { .set = 0 };
	const char *reg_desc = NULL;
	struct clus_prop *props = NULL;
	uint32_t i, num = 0;
	WERROR werr;

	if (table == NULL) {
		return WERR_INVALID_FUNCTION;
	}
	werr = set_begin(dce_call, mem_ctx, in, in_size, &props, &num);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	for (i = 0; i < num; i++) {
		const struct common_prop *cp =
			common_prop_find(table, props[i].name);

		if (cp == NULL) {
			DBG_INFO("%s: read-only or unknown\n", props[i].name);
			return WERR_INVALID_PARAMETER;
		}
		werr = common_prop_take(cp->field, &props[i], &c, &reg_desc);
		if (!W_ERROR_IS_OK(werr)) {
			return werr;
		}
	}
	if (num == 0) {
		return WERR_OK;
	}
	return common_props_store(mem_ctx, t, &c, reg_desc);
}

WERROR clusrv_set_private_props(struct dcesrv_call_state *dce_call,
				TALLOC_CTX *mem_ctx,
				const struct clusrv_ctl_target *t,
				const uint8_t *in, uint32_t in_size)
{
	struct clus_prop *props = NULL;
	uint32_t num = 0;
	WERROR werr;

	if (t->type == CTL_GROUPSET) {
		return WERR_INVALID_FUNCTION;
	}
	werr = set_begin(dce_call, mem_ctx, in, in_size, &props, &num);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	if (t->type == CTL_GROUP) {
		werr = W_ERROR(clus_group_set_props(t->m, t->u.group, props,
						    num));
	} else if (t->type == CTL_RESOURCE) {
		werr = W_ERROR(clus_resource_set_props(t->m, t->u.res, props,
						       num));
	} else {
		werr = reg_set_values(mem_ctx, t, reg_params_path(mem_ctx, t),
				      false, props, num);
	}
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	if (t->type != CTL_GROUP && t->type != CTL_RESOURCE) {
		return WERR_OK;
	}
	/* as Windows: stored, effective when the object next comes online */
	return W_ERROR(CM_ERROR_RESOURCE_PROPERTIES_STORED);
}
