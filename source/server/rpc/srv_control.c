/*
 * clusapid: the Api*Control methods (MS-CMRP 3.1.4.2.x, control codes
 * 2.2.2.x) and the enumerations that return property lists
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A control code is (object << 24) | (modify << 22) | (function << 2)
 * | access. One engine answers the functions every object has, with
 * the values of the model object; a code for another object type or a
 * function we do not know is ERROR_INVALID_FUNCTION, as on Windows.
 * Output larger than the caller's buffer is ERROR_MORE_DATA with
 * lpcbRequired set and nothing copied.
 */

#include "server/rpc/rpc_private.h"

enum ctl_function {
	CTL_GET_CHARACTERISTICS = 0x000005,
	CTL_GET_FLAGS = 0x000009,
	CTL_GET_CLASS_INFO = 0x00000D,
	CTL_GET_NAME = 0x000029,
	CTL_GET_RESOURCE_TYPE = 0x00002D,
	CTL_GET_ID = 0x000039,
	CTL_GET_FQDN = 0x00003D,
	CTL_CHECK_VOTER_DOWN = 0x000049,
	CTL_GET_RO_COMMON_PROPERTIES = 0x000055,
	CTL_GET_COMMON_PROPERTIES = 0x000059,
	CTL_SET_COMMON_PROPERTIES = 0x40005E,
	CTL_GET_RO_PRIVATE_PROPERTIES = 0x00007D,
	CTL_GET_PRIVATE_PROPERTIES = 0x000081,
	CTL_SET_PRIVATE_PROPERTIES = 0x400086,
};

struct ctl_io {
	uint32_t code;
	const uint8_t *in;
	uint32_t in_size;
	uint8_t *out;
	uint32_t out_size;
	uint32_t *returned;
	uint32_t *required;
};

static WERROR utf16_blob(TALLOC_CTX *mem_ctx, const char *s, DATA_BLOB *b)
{
	uint8_t *d = NULL;
	uint32_t len = 0;
	WERROR werr;

	werr = clusrv_value_to_wire(mem_ctx, CM_REG_SZ, (const uint8_t *)s,
				    strlen(s) + 1, &d, &len);
	*b = data_blob_const(d, len);
	return werr;
}

static WERROR dword_blob(TALLOC_CTX *mem_ctx, uint32_t v, DATA_BLOB *b)
{
	*b = data_blob_talloc(mem_ctx, NULL, 4);
	if (b->data == NULL) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	b->data[0] = v & 0xff;
	b->data[1] = (v >> 8) & 0xff;
	b->data[2] = (v >> 16) & 0xff;
	b->data[3] = (v >> 24) & 0xff;
	return WERR_OK;
}

static const char *target_name(const struct clusrv_ctl_target *t)
{
	switch (t->type) {
	case CTL_RESOURCE: return t->u.res->name;
	case CTL_RESTYPE: return t->u.restype->name;
	case CTL_GROUP: return t->u.group->name;
	case CTL_NODE: return t->u.node->name;
	case CTL_NETWORK: return t->u.net->name;
	case CTL_NETIF: return t->u.netif->name;
	case CTL_CLUSTER: return clus_model_cluster(t->m)->name;
	case CTL_GROUPSET: return t->u.set->name;
	}
	return "";
}

static const char *target_id(const struct clusrv_ctl_target *t)
{
	switch (t->type) {
	case CTL_RESOURCE: return t->u.res->id;
	case CTL_RESTYPE: return t->u.restype->name;
	case CTL_GROUP: return t->u.group->id;
	case CTL_NODE: return t->u.node->id;
	case CTL_NETWORK: return t->u.net->id;
	case CTL_NETIF: return t->u.netif->id;
	case CTL_CLUSTER: return clus_model_cluster(t->m)->instance_id;
	case CTL_GROUPSET: return t->u.set->id;
	}
	return "";
}

static void version_props(struct clusrv_proplist *pl,
			  const struct clus_version *v)
{
	clusrv_proplist_add_dword(pl, "MajorVersion", v->major);
	clusrv_proplist_add_dword(pl, "MinorVersion", v->minor);
	clusrv_proplist_add_dword(pl, "BuildNumber", v->build);
	clusrv_proplist_add_dword(pl, "NodeHighestVersion",
				  v->highest_version);
	clusrv_proplist_add_dword(pl, "NodeLowestVersion", v->lowest_version);
	clusrv_proplist_add_sz(pl, "CSDVersion", v->csd_version);
}

/*
 * Read-only common properties, as Get-Cluster* shows them.  A failed add
 * sticks in @pl (srv_proplist.c): one check at the end.
 */
static WERROR ro_common_props(const struct clusrv_ctl_target *t,
			      struct clusrv_proplist *pl)
{
	const struct clus_cluster *c = clus_model_cluster(t->m);

	switch (t->type) {
	case CTL_CLUSTER:
		clusrv_proplist_add_sz(pl, "Name", c->name);
		version_props(pl, &c->version);
		break;
	case CTL_NODE:
		clusrv_proplist_add_sz(pl, "NodeName", t->u.node->name);
		version_props(pl, &c->version);
		clusrv_proplist_add_dword(pl, "NodeDrainStatus",
					  t->u.node->drain_status);
		break;
	case CTL_RESTYPE:
		clusrv_proplist_add_dword(pl, "ResourceClass",
					  t->u.restype->res_class);
		break;
	case CTL_RESOURCE:
		clusrv_proplist_add_sz(pl, "Type", t->u.res->type->name);
		break;
	case CTL_GROUP:
		clusrv_proplist_add_dword(pl, "GroupType",
					  t->u.group->group_type);
		break;
	case CTL_NETWORK:
		clusrv_proplist_add_sz(pl, "Address", t->u.net->address);
		clusrv_proplist_add_sz(pl, "AddressMask",
				       t->u.net->address_mask);
		break;
	case CTL_NETIF:
		clusrv_proplist_add_sz(pl, "Name", t->u.netif->name);
		clusrv_proplist_add_sz(pl, "Node", t->u.netif->node->name);
		clusrv_proplist_add_sz(pl, "Network",
				       t->u.netif->network->name);
		clusrv_proplist_add_sz(pl, "Adapter", t->u.netif->adapter);
		clusrv_proplist_add_sz(pl, "Address", t->u.netif->address);
		break;
	case CTL_GROUPSET:
		clusrv_proplist_add_dword(pl, "IsGlobal", t->u.set->is_global);
		break;
	}
	return clusrv_proplist_error(pl);
}

static WERROR common_props(const struct clusrv_ctl_target *t,
			   struct clusrv_proplist *pl)
{
	switch (t->type) {
	case CTL_CLUSTER:
		/* Name is ApiSetClusterName's: read-only here */
		clusrv_proplist_add_sz(pl, "Description",
				       clusrv_reg_description(pl, t));
		break;
	case CTL_NODE:
		clusrv_proplist_add_sz(pl, "Description",
				       clusrv_reg_description(pl, t));
		break;
	case CTL_RESTYPE:
		clusrv_proplist_add_sz(pl, "Name", t->u.restype->display_name);
		clusrv_proplist_add_sz(pl, "DllName", t->u.restype->dll_name);
		clusrv_proplist_add_dword(pl, "LooksAlivePollInterval",
					  t->u.restype->looks_alive_ms);
		clusrv_proplist_add_dword(pl, "IsAlivePollInterval",
					  t->u.restype->is_alive_ms);
		break;
	case CTL_RESOURCE:
		clusrv_proplist_add_sz(pl, "Name", t->u.res->name);
		clusrv_proplist_add_sz(pl, "Description",
				       t->u.res->description);
		clusrv_proplist_add_dword(pl, "PersistentState",
					  t->u.res->persistent_state ==
					  CM_RES_ONLINE);
		break;
	case CTL_GROUP:
		clusrv_proplist_add_sz(pl, "Name", t->u.group->name);
		clusrv_proplist_add_sz(pl, "Description",
				       t->u.group->description);
		clusrv_proplist_add_dword(pl, "PersistentState",
					  t->u.group->persistent_state ==
					  CM_GROUP_ONLINE);
		clusrv_proplist_add_dword(pl, "Priority", t->u.group->priority);
		/* GroupType is read-only: in ro_common_props alone */
		break;
	case CTL_NETWORK:
		clusrv_proplist_add_sz(pl, "Name", t->u.net->name);
		clusrv_proplist_add_sz(pl, "Description",
				       t->u.net->description);
		clusrv_proplist_add_dword(pl, "Role", t->u.net->role);
		break;
	case CTL_NETIF:
		clusrv_proplist_add_sz(pl, "Description",
				       t->u.netif->description);
		break;
	case CTL_GROUPSET:
		clusrv_proplist_add_sz(pl, "Name", t->u.set->name);
		clusrv_proplist_add_dword(pl, "StartupDelay",
					  t->u.set->startup_delay);
		clusrv_proplist_add_dword(pl, "StartupCount",
					  t->u.set->startup_count);
		break;
	}
	return clusrv_proplist_error(pl);
}

typedef WERROR (*props_fn)(const struct clusrv_ctl_target *t,
			   struct clusrv_proplist *pl);

static WERROR props_blob(TALLOC_CTX *mem_ctx, const struct clusrv_ctl_target *t,
			 props_fn fn, DATA_BLOB *b)
{
	struct clusrv_proplist *pl = clusrv_proplist_new(mem_ctx);
	WERROR werr;

	if (pl == NULL) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	werr = fn(t, pl);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return clusrv_proplist_push(mem_ctx, pl, b);
}

/* The output of a read-only function, or WERR_INVALID_FUNCTION */
static WERROR ctl_output(TALLOC_CTX *mem_ctx, const struct clusrv_ctl_target *t,
			 uint32_t fn, DATA_BLOB *b)
{
	switch (fn) {
	case CTL_GET_CHARACTERISTICS:
		if (t->type == CTL_RESTYPE) {
			return dword_blob(mem_ctx,
					  t->u.restype->characteristics, b);
		}
		if (t->type == CTL_RESOURCE) {
			return dword_blob(mem_ctx,
					  t->u.res->type->characteristics, b);
		}
		return dword_blob(mem_ctx, CLUS_CHAR_UNKNOWN, b);
	case CTL_GET_FLAGS:
		if (t->type == CTL_RESOURCE) {
			return dword_blob(mem_ctx, t->u.res->flags, b);
		}
		if (t->type == CTL_GROUP) {
			return dword_blob(mem_ctx, t->u.group->flags, b);
		}
		return dword_blob(mem_ctx, 0, b);
	case CTL_GET_CLASS_INFO: {
		const struct clus_restype *rt = NULL;

		if (t->type == CTL_RESTYPE) {
			rt = t->u.restype;
		} else if (t->type == CTL_RESOURCE) {
			rt = t->u.res->type;
		} else {
			return WERR_INVALID_FUNCTION;
		}
		*b = data_blob_talloc_zero(mem_ctx, 8);
		if (b->data == NULL) {
			return WERR_NOT_ENOUGH_MEMORY;
		}
		b->data[0] = rt->res_class & 0xff;
		b->data[4] = rt->res_subclass & 0xff;
		return WERR_OK;
	}
	case CTL_GET_NAME:
		return utf16_blob(mem_ctx, target_name(t), b);
	case CTL_GET_ID:
		return utf16_blob(mem_ctx, target_id(t), b);
	case CTL_GET_RESOURCE_TYPE:
		if (t->type != CTL_RESOURCE) {
			return WERR_INVALID_FUNCTION;
		}
		return utf16_blob(mem_ctx, t->u.res->type->name, b);
	case CTL_GET_FQDN:
		if (t->type != CTL_CLUSTER) {
			return WERR_INVALID_FUNCTION;
		}
		/* a simulated cluster has no DNS domain of its own */
		return utf16_blob(mem_ctx, target_name(t), b);
	case CTL_CHECK_VOTER_DOWN:
		if (t->type != CTL_CLUSTER) {
			return WERR_INVALID_FUNCTION;
		}
		/* TRUE: losing the node loses quorum */
		return dword_blob(mem_ctx,
				  clus_model_voter_down_loses_quorum(t->m), b);
	case CTL_GET_RO_COMMON_PROPERTIES:
		return props_blob(mem_ctx, t, ro_common_props, b);
	case CTL_GET_COMMON_PROPERTIES:
		return props_blob(mem_ctx, t, common_props, b);
	case CTL_GET_PRIVATE_PROPERTIES:
		return props_blob(mem_ctx, t, clusrv_private_props, b);
	case CTL_GET_RO_PRIVATE_PROPERTIES: {
		struct clusrv_proplist *pl = clusrv_proplist_new(mem_ctx);

		if (pl == NULL) {
			return WERR_NOT_ENOUGH_MEMORY;
		}
		return clusrv_proplist_push(mem_ctx, pl, b);
	}
	}
	return WERR_INVALID_FUNCTION;
}

static WERROR ctl_run(struct dcesrv_call_state *dce_call, TALLOC_CTX *mem_ctx,
		      const struct clusrv_ctl_target *t,
		      const struct ctl_io *io)
{
	uint32_t fn = io->code & 0x00ffffff;
	DATA_BLOB out = data_blob_null;
	WERROR werr;

	*io->returned = 0;
	*io->required = 0;
	if ((io->code >> 24) != t->type) {
		return WERR_INVALID_FUNCTION;
	}
	if (fn == CTL_SET_PRIVATE_PROPERTIES) {
		return clusrv_set_private_props(dce_call, mem_ctx, t, io->in,
						io->in_size);
	}
	if (fn == CTL_SET_COMMON_PROPERTIES) {
		return clusrv_set_common_props(dce_call, mem_ctx, t, io->in,
					       io->in_size);
	}
	werr = ctl_output(mem_ctx, t, fn, &out);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	*io->required = out.length;
	if (out.length > io->out_size) {
		return WERR_MORE_DATA;
	}
	if (out.length > 0) {
		memcpy(io->out, out.data, out.length);
	}
	*io->returned = out.length;
	return WERR_OK;
}

/* The node of a Node*Control call: checked, then answered as ours */
static WERROR host_node(struct dcesrv_call_state *dce_call,
			const struct policy_handle *h)
{
	struct clus_node *node = NULL;

	return clusrv_node_from_handle(dce_call, h, &node);
}

/* The object of @type behind @h (restypes are named, not handles) */
static WERROR ctl_lookup(struct dcesrv_call_state *dce_call,
			 struct clusrv_ctl_target *t,
			 const struct policy_handle *h,
			 const char *restype)
{
	switch (t->type) {
	case CTL_RESOURCE:
		return clusrv_resource_from_handle(dce_call, h, &t->u.res);
	case CTL_RESTYPE: {
		WERROR werr = clusrv_cluster_check_handle(dce_call, h);

		if (!W_ERROR_IS_OK(werr)) {
			return werr;
		}
		return W_ERROR(clus_restype_lookup(
			t->m, restype != NULL ? restype : "", &t->u.restype));
	}
	case CTL_GROUP:
		return clusrv_group_from_handle(dce_call, h, &t->u.group);
	case CTL_NODE:
		return clusrv_node_from_handle(dce_call, h, &t->u.node);
	case CTL_NETWORK:
		return clusrv_network_from_handle(dce_call, h, &t->u.net);
	case CTL_NETIF:
		return clusrv_netif_from_handle(dce_call, h, &t->u.netif);
	case CTL_CLUSTER:
		return clusrv_cluster_check_handle(dce_call, h);
	case CTL_GROUPSET:
		return clusrv_groupset_from_handle(dce_call, h, &t->u.set);
	}
	return WERR_INVALID_HANDLE;
}

/*
 * Every Api*Control: @hnode is the host node of the Node* variants
 * (NULL for the others), checked and then ignored, as all nodes answer
 * alike here.
 */
static WERROR object_control(struct dcesrv_call_state *dce_call,
			     TALLOC_CTX *mem_ctx, enum clusrv_ctl_object type,
			     const struct policy_handle *h,
			     const char *restype,
			     const struct policy_handle *hnode,
			     const struct ctl_io *io)
{
	struct clusrv_ctl_target t = {
		.type = type, .m = clusrv_model(dce_call),
	};
	WERROR werr = WERR_OK;

	*io->returned = 0;
	*io->required = 0;
	if (hnode != NULL) {
		werr = host_node(dce_call, hnode);
	}
	if (W_ERROR_IS_OK(werr)) {
		werr = ctl_lookup(dce_call, &t, h, restype);
	}
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return ctl_run(dce_call, mem_ctx, &t, io);
}

#define CTL_IO(r) { \
	.code = (r)->in.dwControlCode, \
	.in = (r)->in.lpInBuffer, \
	.in_size = (r)->in.nInBufferSize, \
	.out = (r)->out.lpOutBuffer, \
	.out_size = (r)->in.nOutBufferSize, \
	.returned = (r)->out.lpBytesReturned, \
	.required = (r)->out.lpcbRequired, \
}

WERROR dcesrv_ApiResourceControl(struct dcesrv_call_state *dce_call,
				 TALLOC_CTX *mem_ctx,
				 struct ApiResourceControl *r)
{
	struct ctl_io io = CTL_IO(r);

	return object_control(dce_call, mem_ctx, CTL_RESOURCE,
			      &r->in.hResource, NULL, NULL, &io);
}

WERROR dcesrv_ApiNodeResourceControl(struct dcesrv_call_state *dce_call,
				     TALLOC_CTX *mem_ctx,
				     struct ApiNodeResourceControl *r)
{
	struct ctl_io io = CTL_IO(r);

	return object_control(dce_call, mem_ctx, CTL_RESOURCE,
			      &r->in.hResource, NULL, &r->in.hNode, &io);
}

WERROR dcesrv_ApiResourceTypeControl(struct dcesrv_call_state *dce_call,
				     TALLOC_CTX *mem_ctx,
				     struct ApiResourceTypeControl *r)
{
	struct ctl_io io = CTL_IO(r);

	return object_control(dce_call, mem_ctx, CTL_RESTYPE,
			      &r->in.hCluster, r->in.lpszResourceTypeName,
			      NULL, &io);
}

WERROR dcesrv_ApiNodeResourceTypeControl(struct dcesrv_call_state *dce_call,
					 TALLOC_CTX *mem_ctx,
					 struct ApiNodeResourceTypeControl *r)
{
	struct ctl_io io = CTL_IO(r);

	return object_control(dce_call, mem_ctx, CTL_RESTYPE,
			      &r->in.hCluster, r->in.lpszResourceTypeName,
			      &r->in.hNode, &io);
}

WERROR dcesrv_ApiGroupControl(struct dcesrv_call_state *dce_call,
			      TALLOC_CTX *mem_ctx, struct ApiGroupControl *r)
{
	struct ctl_io io = CTL_IO(r);

	return object_control(dce_call, mem_ctx, CTL_GROUP, &r->in.hGroup,
			      NULL, NULL, &io);
}

WERROR dcesrv_ApiNodeGroupControl(struct dcesrv_call_state *dce_call,
				  TALLOC_CTX *mem_ctx,
				  struct ApiNodeGroupControl *r)
{
	struct ctl_io io = CTL_IO(r);

	return object_control(dce_call, mem_ctx, CTL_GROUP, &r->in.hGroup,
			      NULL, &r->in.hNode, &io);
}

WERROR dcesrv_ApiNodeControl(struct dcesrv_call_state *dce_call,
			     TALLOC_CTX *mem_ctx, struct ApiNodeControl *r)
{
	struct ctl_io io = CTL_IO(r);

	return object_control(dce_call, mem_ctx, CTL_NODE, &r->in.hNode,
			      NULL, NULL, &io);
}

WERROR dcesrv_ApiNodeNodeControl(struct dcesrv_call_state *dce_call,
				 TALLOC_CTX *mem_ctx,
				 struct ApiNodeNodeControl *r)
{
	struct ctl_io io = CTL_IO(r);

	return object_control(dce_call, mem_ctx, CTL_NODE, &r->in.hNode,
			      NULL, &r->in.hHostNode, &io);
}

WERROR dcesrv_ApiNetworkControl(struct dcesrv_call_state *dce_call,
				TALLOC_CTX *mem_ctx,
				struct ApiNetworkControl *r)
{
	struct ctl_io io = CTL_IO(r);

	return object_control(dce_call, mem_ctx, CTL_NETWORK,
			      &r->in.hNetwork, NULL, NULL, &io);
}

WERROR dcesrv_ApiNodeNetworkControl(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx,
				    struct ApiNodeNetworkControl *r)
{
	struct ctl_io io = CTL_IO(r);

	return object_control(dce_call, mem_ctx, CTL_NETWORK,
			      &r->in.hNetwork, NULL, &r->in.hNode, &io);
}

WERROR dcesrv_ApiNetInterfaceControl(struct dcesrv_call_state *dce_call,
				     TALLOC_CTX *mem_ctx,
				     struct ApiNetInterfaceControl *r)
{
	struct ctl_io io = CTL_IO(r);

	return object_control(dce_call, mem_ctx, CTL_NETIF,
			      &r->in.hNetInterface, NULL, NULL, &io);
}

WERROR dcesrv_ApiNodeNetInterfaceControl(struct dcesrv_call_state *dce_call,
					 TALLOC_CTX *mem_ctx,
					 struct ApiNodeNetInterfaceControl *r)
{
	struct ctl_io io = CTL_IO(r);

	return object_control(dce_call, mem_ctx, CTL_NETIF,
			      &r->in.hNetInterface, NULL, &r->in.hNode, &io);
}

WERROR dcesrv_ApiClusterControl(struct dcesrv_call_state *dce_call,
				TALLOC_CTX *mem_ctx,
				struct ApiClusterControl *r)
{
	struct ctl_io io = CTL_IO(r);

	return object_control(dce_call, mem_ctx, CTL_CLUSTER,
			      &r->in.hCluster, NULL, NULL, &io);
}

WERROR dcesrv_ApiNodeClusterControl(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx,
				    struct ApiNodeClusterControl *r)
{
	struct ctl_io io = CTL_IO(r);

	return object_control(dce_call, mem_ctx, CTL_CLUSTER,
			      &r->in.hCluster, NULL, &r->in.hHostNode, &io);
}

WERROR dcesrv_ApiGroupSetControl(struct dcesrv_call_state *dce_call,
				 TALLOC_CTX *mem_ctx,
				 struct ApiGroupSetControl *r)
{
	struct ctl_io io = CTL_IO(r);

	return object_control(dce_call, mem_ctx, CTL_GROUPSET,
			      &r->in.hGroupSet, NULL, NULL, &io);
}

WERROR dcesrv_ApiNodeGroupSetControl(struct dcesrv_call_state *dce_call,
				     TALLOC_CTX *mem_ctx,
				     struct ApiNodeGroupSetControl *r)
{
	struct ctl_io io = CTL_IO(r);

	return object_control(dce_call, mem_ctx, CTL_GROUPSET,
			      &r->in.hGroupSet, NULL, &r->in.hNode, &io);
}

/* "Reserved for future use" (MS-CMRP 3.1.4.2.186) */
WERROR dcesrv_ApiClusterNativeUpdateControl(
	struct dcesrv_call_state *dce_call, TALLOC_CTX *mem_ctx,
	struct ApiClusterNativeUpdateControl *r)
{
	*r->out.lpBytesReturned = 0;
	*r->out.lpBytesNeeded = 0;
	return WERR_CALL_NOT_IMPLEMENTED;
}

/*
 * ApiCreateGroupEnum and ApiCreateResourceEnum: each entry with the
 * common and read-only common properties named in the two REG_MULTI_SZ
 * lists (none when a list is empty).
 */
static WERROR enum_props(TALLOC_CTX *mem_ctx, const struct clusrv_ctl_target *t,
			 props_fn fn, const char **names,
			 uint8_t **data, uint32_t *len)
{
	struct clusrv_proplist *pl;
	DATA_BLOB b;
	WERROR werr;

	*data = NULL;
	*len = 0;
	if (names[0] == NULL) {
		return WERR_OK;
	}
	pl = clusrv_proplist_new(mem_ctx);
	if (pl == NULL) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	werr = fn(t, pl);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	clusrv_proplist_filter(pl, names);
	werr = clusrv_proplist_push(mem_ctx, pl, &b);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	*data = b.data;
	*len = b.length;
	return WERR_OK;
}

/* common and read-only: what Get-ClusterGroup | fl * shows together */
static WERROR all_common_props(const struct clusrv_ctl_target *t,
			       struct clusrv_proplist *pl)
{
	WERROR werr = common_props(t, pl);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return ro_common_props(t, pl);
}

WERROR dcesrv_ApiCreateGroupEnum(struct dcesrv_call_state *dce_call,
				 TALLOC_CTX *mem_ctx,
				 struct ApiCreateGroupEnum *r)
{
	struct clus_model *m = clusrv_model(dce_call);
	struct GROUP_ENUM_LIST *list;
	const char **names = NULL, **ro_names = NULL;
	struct clus_group *g;
	WERROR werr = clusrv_cluster_check_handle(dce_call, &r->in.hCluster);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	werr = clusrv_multi_sz_pull(mem_ctx, r->in.pProperties,
				    r->in.cbProperties, &names);
	if (W_ERROR_IS_OK(werr)) {
		werr = clusrv_multi_sz_pull(mem_ctx, r->in.pRoProperties,
					    r->in.cbRoProperties, &ro_names);
	}
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	list = talloc_zero(mem_ctx, struct GROUP_ENUM_LIST);
	if (list == NULL) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	list->Entry = talloc_zero_array(list, struct GROUP_ENUM_ENTRY,
					clus_model_num_groups(m));
	if (list->Entry == NULL && clus_model_num_groups(m) > 0) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	for (g = clus_group_first(m); g != NULL; g = clus_group_next(g)) {
		struct GROUP_ENUM_ENTRY *e = &list->Entry[list->EntryCount];
		struct clusrv_ctl_target t = {
			.type = CTL_GROUP, .m = m, .u.group = g,
		};

		e->Name = talloc_strdup(list, g->name);
		e->Id = talloc_strdup(list, g->id);
		e->Owner = talloc_strdup(list, g->owner != NULL ?
					 g->owner->name : "");
		e->dwState = g->state;
		e->dwFlags = g->flags;
		if (e->Name == NULL || e->Id == NULL || e->Owner == NULL) {
			return WERR_NOT_ENOUGH_MEMORY;
		}
		werr = enum_props(list, &t, all_common_props, names,
				  &e->Properties, &e->cbProperties);
		if (W_ERROR_IS_OK(werr)) {
			werr = enum_props(list, &t, ro_common_props, ro_names,
					  &e->RoProperties,
					  &e->cbRoProperties);
		}
		if (!W_ERROR_IS_OK(werr)) {
			return werr;
		}
		list->EntryCount += 1;
	}
	*r->out.ppResultList = list;
	return WERR_OK;
}

WERROR dcesrv_ApiCreateResourceEnum(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx,
				    struct ApiCreateResourceEnum *r)
{
	struct clus_model *m = clusrv_model(dce_call);
	struct RESOURCE_ENUM_LIST *list;
	const char **names = NULL, **ro_names = NULL;
	struct clus_resource *res;
	WERROR werr = clusrv_cluster_check_handle(dce_call, &r->in.hCluster);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	werr = clusrv_multi_sz_pull(mem_ctx, r->in.pProperties,
				    r->in.cbProperties, &names);
	if (W_ERROR_IS_OK(werr)) {
		werr = clusrv_multi_sz_pull(mem_ctx, r->in.pRoProperties,
					    r->in.cbRoProperties, &ro_names);
	}
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	list = talloc_zero(mem_ctx, struct RESOURCE_ENUM_LIST);
	if (list == NULL) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	list->Entry = talloc_zero_array(list, struct RESOURCE_ENUM_ENTRY,
					clus_model_num_resources(m));
	if (list->Entry == NULL && clus_model_num_resources(m) > 0) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	for (res = clus_resource_first(m); res != NULL;
	     res = clus_resource_next(res)) {
		struct RESOURCE_ENUM_ENTRY *e = &list->Entry[list->EntryCount];
		struct clusrv_ctl_target t = {
			.type = CTL_RESOURCE, .m = m, .u.res = res,
		};

		e->Name = talloc_strdup(list, res->name);
		e->Id = talloc_strdup(list, res->id);
		e->OwnerName = talloc_strdup(list, res->group->name);
		e->OwnerId = talloc_strdup(list, res->group->id);
		if (e->Name == NULL || e->Id == NULL ||
		    e->OwnerName == NULL || e->OwnerId == NULL) {
			return WERR_NOT_ENOUGH_MEMORY;
		}
		werr = enum_props(list, &t, all_common_props, names,
				  &e->Properties, &e->cbProperties);
		if (W_ERROR_IS_OK(werr)) {
			werr = enum_props(list, &t, ro_common_props, ro_names,
					  &e->RoProperties,
					  &e->cbRoProperties);
		}
		if (!W_ERROR_IS_OK(werr)) {
			return werr;
		}
		list->EntryCount += 1;
	}
	*r->out.ppResultList = list;
	return WERR_OK;
}
