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

enum common_field {
	CF_NAME,
	CF_DESCRIPTION,
	CF_REG_DESCRIPTION,	/* a value in the object's registry key */
	CF_DLL_NAME,
	CF_PERSISTENT_STATE,
	CF_PRIORITY,
	CF_ROLE,
	CF_LOOKS_ALIVE,
	CF_IS_ALIVE,
};

struct common_prop {
	const char *name;
	enum common_field field;
};

/* The writable common properties of each kind, by CTL_* */
static const struct common_prop cluster_props[] = {
	{ "Description", CF_REG_DESCRIPTION },
	{ NULL },
};

static const struct common_prop node_props[] = {
	{ "Description", CF_REG_DESCRIPTION },
	{ NULL },
};

static const struct common_prop restype_props[] = {
	{ "Name", CF_NAME },
	{ "DllName", CF_DLL_NAME },
	{ "LooksAlivePollInterval", CF_LOOKS_ALIVE },
	{ "IsAlivePollInterval", CF_IS_ALIVE },
	{ NULL },
};

static const struct common_prop group_props[] = {
	{ "Name", CF_NAME },
	{ "Description", CF_DESCRIPTION },
	{ "PersistentState", CF_PERSISTENT_STATE },
	{ "Priority", CF_PRIORITY },
	{ NULL },
};

static const struct common_prop resource_props[] = {
	{ "Name", CF_NAME },
	{ "Description", CF_DESCRIPTION },
	{ "PersistentState", CF_PERSISTENT_STATE },
	{ NULL },
};

static const struct common_prop network_props[] = {
	{ "Name", CF_NAME },
	{ "Description", CF_DESCRIPTION },
	{ "Role", CF_ROLE },
	{ NULL },
};

static const struct common_prop netif_props[] = {
	{ "Description", CF_DESCRIPTION },
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

	for (i = 0; i < (sizeof(map) / sizeof(map[0])); i++) {
		if (map[i].syntax == p->Value.Syntax) {
			break;
		}
	}
	if (i == (sizeof(map) / sizeof(map[0])) || p->Name == NULL || p->Name[0] == '\0') {
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
static WERROR common_prop_take(const struct common_prop *cp,
			       const struct clus_prop *p,
			       struct clus_common_set *c,
			       const char **reg_desc)
{
	bool sz = cp->field <= CF_DLL_NAME;
	const char *s = (const char *)p->data;
	uint32_t v;

	if (p->type != (sz ? CM_REG_SZ : CM_REG_DWORD)) {
		return WERR_INVALID_PARAMETER;
	}
	v = sz ? 0 : prop_dword(p);
	switch (cp->field) {
	case CF_NAME: c->name = s; break;
	case CF_DESCRIPTION: c->description = s; break;
	case CF_REG_DESCRIPTION: *reg_desc = s; break;
	case CF_DLL_NAME: c->dll_name = s; break;
	case CF_PERSISTENT_STATE:
		if (v > 1) {
			return WERR_INVALID_DATA;
		}
		c->set |= CM_COMMON_PERSISTENT_STATE;
		c->persistent_online = v == 1;
		break;
	case CF_PRIORITY:
		c->set |= CM_COMMON_PRIORITY;
		c->priority = v;
		break;
	case CF_ROLE:
		c->set |= CM_COMMON_ROLE;
		c->role = v;
		break;
	case CF_LOOKS_ALIVE:
		c->set |= CM_COMMON_LOOKS_ALIVE;
		c->looks_alive_ms = v;
		break;
	case CF_IS_ALIVE:
		c->set |= CM_COMMON_IS_ALIVE;
		c->is_alive_ms = v;
		break;
	}
	return WERR_OK;
}

/* Values set in the object's registry key @path, in one batch */
static WERROR reg_set_values(TALLOC_CTX *mem_ctx, struct clus_model *m,
			     const char *path, const struct clus_prop *props,
			     uint32_t num)
{
	struct clus_regbatch_cmd *cmds;
	uint32_t i, n = 0;
	int32_t failed = -1;

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
	return W_ERROR(clus_regkey_batch(m, clus_regkey_root(m), cmds, n,
					 &failed));
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
		return reg_set_values(mem_ctx, t->m, reg_path(mem_ctx, t),
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
	werr = clusrv_check_write(dce_call);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	werr = pull_props(mem_ctx, in, in_size, &props, &num);
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
		werr = common_prop_take(cp, &props[i], &c, &reg_desc);
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
	char *path = NULL;
	WERROR werr;

	if (t->type == CTL_GROUPSET) {
		return WERR_INVALID_FUNCTION;
	}
	werr = clusrv_check_write(dce_call);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	werr = pull_props(mem_ctx, in, in_size, &props, &num);
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
		path = reg_params_path(mem_ctx, t);
		werr = path == NULL ? WERR_NOT_ENOUGH_MEMORY :
			reg_set_values(mem_ctx, t->m, path, props, num);
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
