/*
 * clusapid: handles, access checks and conversions the handlers share
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "server/rpc/rpc_private.h"
#include <charset.h>

struct clus_model *clusrv_model(struct dcesrv_call_state *dce_call)
{
	return clusrv_call_server(dce_call)->model;
}

WERROR clusrv_grant_access(struct dcesrv_call_state *dce_call,
			   uint32_t desired, uint32_t *granted)
{
	uint32_t allowed = 0;

	if (clusrv_call_may_read(dce_call)) {
		allowed |= CLUSAPI_READ_ACCESS;
	}
	if (clusrv_call_may_write(dce_call)) {
		allowed |= CLUSAPI_CHANGE_ACCESS;
	}
	if (desired & MAXIMUM_ALLOWED) {
		*granted = allowed;
		return allowed != 0 ? WERR_OK : WERR_ACCESS_DENIED;
	}
	/* Asking for more than the caller has is refused, as on Windows */
	desired &= CLUSAPI_ALL_ACCESS;
	if (desired == 0) {
		desired = CLUSAPI_READ_ACCESS;
	}
	if ((desired & allowed) != desired) {
		*granted = 0;
		return WERR_ACCESS_DENIED;
	}
	*granted = desired;
	return WERR_OK;
}

static WERROR check_access(struct dcesrv_call_state *dce_call, bool may,
			   const char *what)
{
	if (!may) {
		DBG_NOTICE("%s: %s refused for this caller\n",
			   ndr_table_clusapi.calls[
				   dce_call->pkt.u.request.opnum].name, what);
		return WERR_ACCESS_DENIED;
	}
	return WERR_OK;
}

WERROR clusrv_check_read(struct dcesrv_call_state *dce_call)
{
	return check_access(dce_call, clusrv_call_may_read(dce_call), "read");
}

WERROR clusrv_check_write(struct dcesrv_call_state *dce_call)
{
	return check_access(dce_call, clusrv_call_may_write(dce_call),
			    "write");
}

WERROR clusrv_handle_open(struct dcesrv_call_state *dce_call,
			  enum clusrv_htype type, const char *id,
			  uint32_t access, struct policy_handle *out,
			  struct clusrv_handle **ph)
{
	struct clusrv_handle *data;
	struct dcesrv_handle *h;

	NDR_ZERO_STRUCTP(out);

	data = talloc_zero(dce_call, struct clusrv_handle);
	if (data != NULL) {
		data->id = talloc_strdup(data, id);
	}
	if (data == NULL || data->id == NULL) {
		TALLOC_FREE(data);
		return WERR_NOT_ENOUGH_MEMORY;
	}
	data->type = type;
	data->access = access;
	h = clusrv_handle_new(dce_call, type, data);
	if (h == NULL) {
		TALLOC_FREE(data);
		if (clusrv_handle_limit_reached(dce_call)) {
			return WERR_NO_SYSTEM_RESOURCES;
		}
		return WERR_NOT_ENOUGH_MEMORY;
	}
	*out = h->wire_handle;
	if (ph != NULL) {
		*ph = data;
	}
	return WERR_OK;
}

static struct dcesrv_handle *handle_find(struct dcesrv_call_state *dce_call,
					 const struct policy_handle *h,
					 enum clusrv_htype type)
{
	if (h == NULL) {
		return NULL;
	}
	return clusrv_handle_find(dce_call, h, type);
}

struct clusrv_handle *clusrv_handle_get(struct dcesrv_call_state *dce_call,
					const struct policy_handle *h,
					enum clusrv_htype type)
{
	struct dcesrv_handle *dh = handle_find(dce_call, h, type);

	if (dh == NULL) {
		return NULL;
	}
	return talloc_get_type(dh->data, struct clusrv_handle);
}

WERROR clusrv_handle_close(struct dcesrv_call_state *dce_call,
			   struct policy_handle *h, struct policy_handle *out,
			   enum clusrv_htype type)
{
	struct dcesrv_handle *dh = handle_find(dce_call, h, type);
	WERROR werr = WERR_INVALID_HANDLE;

	if (dh != NULL) {
		TALLOC_FREE(dh);
		NDR_ZERO_STRUCTP(h);
		werr = WERR_OK;
	}
	/* the caller's handle comes back: zeroed, or as it was if refused */
	if (out != NULL && h != NULL) {
		*out = *h;
	}
	return werr;
}

WERROR clusrv_cluster_check_handle(struct dcesrv_call_state *dce_call,
				   const struct policy_handle *h)
{
	if (clusrv_handle_get(dce_call, h, CLUSRV_H_CLUSTER) == NULL) {
		return WERR_INVALID_HANDLE;
	}
	return WERR_OK;
}

/*
 * The object of @type with @id.  One line a kind: the model's lookups
 * return each kind's own type.
 */
static void *object_by_id(struct clus_model *m, enum clusrv_htype type,
			  const char *id)
{
	switch (type) {
	case CLUSRV_H_NODE: return clus_node_by_id(m, id);
	case CLUSRV_H_GROUP: return clus_group_by_id(m, id);
	case CLUSRV_H_RESOURCE: return clus_resource_by_id(m, id);
	case CLUSRV_H_NETWORK: return clus_network_by_id(m, id);
	case CLUSRV_H_NETIF: return clus_netif_by_id(m, id);
	case CLUSRV_H_GROUPSET: return clus_groupset_by_id(m, id);
	case CLUSRV_H_KEY: return clus_regkey_by_path(m, id);
	default:
		return NULL;
	}
}

/* ERROR_KEY_DELETED; the model has no keys of its own to name it */
#define CLUSRV_ERROR_KEY_DELETED 0x3fa

/* What the handlers know of each kind of object a handle holds */
static const struct {
	uint32_t object_type;	/* CM_OBJ_*, as notifications name it */
	uint32_t not_found;	/* for an object deleted behind its handle */
} kinds[] = {
	[CLUSRV_H_NODE] = { CM_OBJ_NODE, CM_ERROR_CLUSTER_NODE_NOT_FOUND },
	[CLUSRV_H_GROUP] = { CM_OBJ_GROUP, CM_ERROR_GROUP_NOT_FOUND },
	[CLUSRV_H_RESOURCE] = { CM_OBJ_RESOURCE, CM_ERROR_RESOURCE_NOT_FOUND },
	[CLUSRV_H_NETWORK] = { CM_OBJ_NETWORK,
			       CM_ERROR_CLUSTER_NETWORK_NOT_FOUND },
	[CLUSRV_H_NETIF] = { CM_OBJ_NETINTERFACE,
			     CM_ERROR_CLUSTER_NETINTERFACE_NOT_FOUND },
	[CLUSRV_H_GROUPSET] = { CM_OBJ_GROUPSET, CM_ERROR_GROUPSET_NOT_FOUND },
	/* a key deleted behind its handle: as RegOpenKey would say */
	[CLUSRV_H_KEY] = { CM_OBJ_REGISTRY, CLUSRV_ERROR_KEY_DELETED },
};

enum clusrv_htype clusrv_object_htype(uint32_t object_type)
{
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		if (kinds[i].object_type == object_type &&
		    kinds[i].not_found != 0) {
			return i;
		}
	}
	return 0;
}

void *clusrv_object(struct dcesrv_call_state *dce_call,
		    const struct policy_handle *h, enum clusrv_htype type,
		    const char **id, WERROR *werr)
{
	struct clusrv_handle *d = clusrv_handle_get(dce_call, h, type);
	void *obj;

	if (id != NULL) {
		*id = NULL;
	}
	/* only the kinds of the table hold an object the model looks up */
	if (d == NULL || type >= sizeof(kinds) / sizeof(kinds[0]) ||
	    kinds[type].not_found == 0) {
		*werr = WERR_INVALID_HANDLE;
		return NULL;
	}
	obj = object_by_id(clusrv_model(dce_call), type, d->id);
	if (obj == NULL) {
		*werr = W_ERROR(kinds[type].not_found);
		return NULL;
	}
	if (id != NULL) {
		*id = d->id;
	}
	*werr = WERR_OK;
	return obj;
}

WERROR clusrv_for_write(struct dcesrv_call_state *dce_call, WERROR lookup)
{
	if (!W_ERROR_IS_OK(lookup)) {
		return lookup;
	}
	return clusrv_check_write(dce_call);
}

/*
 * The typed lookups the handlers use, and for the kinds whose calls
 * change them, the same with the write check
 */
#define CLUSRV_FROM_HANDLE(fn, htype, ctype)				\
WERROR fn(struct dcesrv_call_state *dce_call,				\
	  const struct policy_handle *h, ctype **pobj)			\
{									\
	WERROR werr;							\
									\
	*pobj = clusrv_object(dce_call, h, htype, NULL, &werr);		\
	return werr;							\
}
#define CLUSRV_FOR_WRITE(fn, from_handle, ctype)			\
WERROR fn(struct dcesrv_call_state *dce_call,				\
	  const struct policy_handle *h, ctype **pobj)			\
{									\
	return clusrv_for_write(dce_call, from_handle(dce_call, h, pobj));\
}

CLUSRV_FROM_HANDLE(clusrv_node_from_handle, CLUSRV_H_NODE, struct clus_node)
CLUSRV_FROM_HANDLE(clusrv_group_from_handle, CLUSRV_H_GROUP,
		   struct clus_group)
CLUSRV_FROM_HANDLE(clusrv_resource_from_handle, CLUSRV_H_RESOURCE,
		   struct clus_resource)
CLUSRV_FROM_HANDLE(clusrv_network_from_handle, CLUSRV_H_NETWORK,
		   struct clus_network)
CLUSRV_FROM_HANDLE(clusrv_netif_from_handle, CLUSRV_H_NETIF,
		   struct clus_netif)
CLUSRV_FROM_HANDLE(clusrv_groupset_from_handle, CLUSRV_H_GROUPSET,
		   struct clus_groupset)
CLUSRV_FROM_HANDLE(clusrv_regkey_from_handle, CLUSRV_H_KEY,
		   struct clus_regkey)

CLUSRV_FOR_WRITE(clusrv_node_for_write, clusrv_node_from_handle,
		 struct clus_node)
CLUSRV_FOR_WRITE(clusrv_group_for_write, clusrv_group_from_handle,
		 struct clus_group)
CLUSRV_FOR_WRITE(clusrv_resource_for_write, clusrv_resource_from_handle,
		 struct clus_resource)
CLUSRV_FOR_WRITE(clusrv_groupset_for_write, clusrv_groupset_from_handle,
		 struct clus_groupset)
CLUSRV_FOR_WRITE(clusrv_regkey_for_write, clusrv_regkey_from_handle,
		 struct clus_regkey)

WERROR clusrv_string_out(TALLOC_CTX *mem_ctx, const char *s,
			 const char **out)
{
	*out = talloc_strdup(mem_ctx, s != NULL ? s : "");
	return *out != NULL ? WERR_OK : WERR_NOT_ENOUGH_MEMORY;
}

void clusrv_enum_start(TALLOC_CTX *mem_ctx, struct clusrv_enum *e,
		       bool with_ids)
{
	*e = (struct clusrv_enum) { .werr = WERR_OK };
	e->names = talloc_zero(mem_ctx, struct ENUM_LIST);
	if (with_ids) {
		e->ids = talloc_zero(mem_ctx, struct ENUM_LIST);
	}
	if (e->names == NULL || (with_ids && e->ids == NULL)) {
		e->werr = WERR_NOT_ENOUGH_MEMORY;
	}
}

/* One entry more in @list (the array talloc'd on @list), unless failed */
static void enum_append(struct clusrv_enum *e, struct ENUM_LIST *list,
			uint32_t type, const char *name)
{
	struct ENUM_ENTRY *entry;

	if (list == NULL || !W_ERROR_IS_OK(e->werr)) {
		return;
	}
	entry = talloc_realloc(list, list->Entry, struct ENUM_ENTRY,
			       list->EntryCount + 1);
	if (entry != NULL) {
		list->Entry = entry;
		entry = &list->Entry[list->EntryCount];
		entry->Type = type;
		entry->Name = talloc_strdup(list->Entry, name);
	}
	if (entry == NULL || entry->Name == NULL) {
		e->werr = WERR_NOT_ENOUGH_MEMORY;
		return;
	}
	list->EntryCount += 1;
}

void clusrv_enum_add(struct clusrv_enum *e, uint32_t type, const char *name,
		     const char *id)
{
	enum_append(e, e->names, type, name);
	enum_append(e, e->ids, type, id);
}

WERROR clusrv_enum_done(struct clusrv_enum *e, struct ENUM_LIST **names,
			struct ENUM_LIST **ids)
{
	if (!W_ERROR_IS_OK(e->werr)) {
		return e->werr;
	}
	*names = e->names;
	if (ids != NULL) {
		*ids = e->ids;
	}
	return WERR_OK;
}

static bool clusrv_type_is_string(uint32_t type)
{
	return type == CM_REG_SZ || type == CM_REG_EXPAND_SZ ||
	       type == CM_REG_MULTI_SZ;
}

static WERROR clusrv_convert(TALLOC_CTX *mem_ctx, uint32_t type,
			     charset_t from, charset_t to,
			     const uint8_t *data, uint32_t len,
			     uint8_t **out, uint32_t *out_len)
{
	void *conv = NULL;
	size_t conv_len = 0;

	*out = NULL;
	*out_len = 0;
	if (len == 0) {
		return WERR_OK;
	}
	if (!clusrv_type_is_string(type)) {
		*out = talloc_memdup(mem_ctx, data, len);
		if (*out == NULL) {
			return WERR_NOT_ENOUGH_MEMORY;
		}
		*out_len = len;
		return WERR_OK;
	}
	if (!convert_string_talloc(mem_ctx, from, to, data, len,
				   &conv, &conv_len)) {
		return WERR_INVALID_DATA;
	}
	*out = conv;
	*out_len = conv_len;
	return WERR_OK;
}

WERROR clusrv_value_to_wire(TALLOC_CTX *mem_ctx, uint32_t type,
			    const uint8_t *data, uint32_t len,
			    uint8_t **out, uint32_t *out_len)
{
	return clusrv_convert(mem_ctx, type, CH_UTF8, CH_UTF16LE,
			      data, len, out, out_len);
}

WERROR clusrv_value_from_wire(TALLOC_CTX *mem_ctx, uint32_t type,
			      const uint8_t *data, uint32_t len,
			      uint8_t **out, uint32_t *out_len)
{
	if (clusrv_type_is_string(type) && (len % 2) != 0) {
		return WERR_INVALID_PARAMETER;
	}
	return clusrv_convert(mem_ctx, type, CH_UTF16LE, CH_UTF8,
			      data, len, out, out_len);
}

/*
 * The model stores states and error codes that go on the wire
 * unchanged (W_ERROR() wraps them, state fields are copied as they
 * are), and it links nothing of Samba's, so it keeps its own copies.
 * These asserts make a copy that drifts from the IDL or from Samba's
 * werror table a build error instead of a wrong answer on the wire.
 *
 * Samba builds WERROR as a struct (HAVE_IMMEDIATE_STRUCTURES), so
 * WERR_X is a compound literal, not a constant expression; W_ERROR is
 * made the plain value for the asserts alone.
 */
#define CM_WIRE(cm, wire) \
	_Static_assert((uint32_t)(cm) == (uint32_t)(wire), \
		       #cm " differs from " #wire)

CM_WIRE(CM_NODE_UP, ClusterNodeUp);
CM_WIRE(CM_NODE_DOWN, ClusterNodeDown);
CM_WIRE(CM_NODE_PAUSED, ClusterNodePaused);
CM_WIRE(CM_NODE_JOINING, ClusterNodeJoining);

CM_WIRE(CM_GROUP_ONLINE, ClusterGroupOnline);
CM_WIRE(CM_GROUP_OFFLINE, ClusterGroupOffline);
CM_WIRE(CM_GROUP_FAILED, ClusterGroupFailed);
CM_WIRE(CM_GROUP_PARTIAL_ONLINE, ClusterGroupPartialOnline);
CM_WIRE(CM_GROUP_PENDING, ClusterGroupPending);

CM_WIRE(CM_RES_INITIALIZING, ClusterResourceInitializing);
CM_WIRE(CM_RES_ONLINE, ClusterResourceOnline);
CM_WIRE(CM_RES_OFFLINE, ClusterResourceOffline);
CM_WIRE(CM_RES_FAILED, ClusterResourceFailed);
CM_WIRE(CM_RES_ONLINE_PENDING, ClusterResourceOnlinePending);
CM_WIRE(CM_RES_OFFLINE_PENDING, ClusterResourceOfflinePending);

CM_WIRE(CM_NETWORK_UNAVAILABLE, ClusterNetworkUnavailable);
CM_WIRE(CM_NETWORK_DOWN, ClusterNetworkDown);
CM_WIRE(CM_NETWORK_PARTITIONED, ClusterNetworkPartitioned);
CM_WIRE(CM_NETWORK_UP, ClusterNetworkUp);

CM_WIRE(CM_NETIF_FAILED, ClusterNetInterfaceFailed);
CM_WIRE(CM_NETIF_UNREACHABLE, ClusterNetInterfaceUnreachable);
CM_WIRE(CM_NETIF_UNAVAILABLE, ClusterNetInterfaceUnavailable);
CM_WIRE(CM_NETIF_UP, ClusterNetInterfaceUp);

CM_WIRE(CM_OBJ_CLUSTER, CLUSTER_OBJECT_TYPE_CLUSTER);
CM_WIRE(CM_OBJ_GROUP, CLUSTER_OBJECT_TYPE_GROUP);
CM_WIRE(CM_OBJ_RESOURCE, CLUSTER_OBJECT_TYPE_RESOURCE);
CM_WIRE(CM_OBJ_RESOURCE_TYPE, CLUSTER_OBJECT_TYPE_RESOURCE_TYPE);
CM_WIRE(CM_OBJ_NETINTERFACE, CLUSTER_OBJECT_TYPE_NETWORK_INTERFACE);
CM_WIRE(CM_OBJ_NETWORK, CLUSTER_OBJECT_TYPE_NETWORK);
CM_WIRE(CM_OBJ_NODE, CLUSTER_OBJECT_TYPE_NODE);
CM_WIRE(CM_OBJ_REGISTRY, CLUSTER_OBJECT_TYPE_REGISTRY);
CM_WIRE(CM_OBJ_GROUPSET, CLUSTER_OBJECT_TYPE_GROUPSET);

#pragma push_macro("W_ERROR")
#undef W_ERROR
#define W_ERROR(x) (x)

CM_WIRE(CM_ERROR_SUCCESS, WERR_SUCCESS);
CM_WIRE(CM_ERROR_INVALID_FUNCTION, WERR_INVALID_FUNCTION);
CM_WIRE(CM_ERROR_FILE_NOT_FOUND, WERR_FILE_NOT_FOUND);
CM_WIRE(CM_ERROR_ACCESS_DENIED, WERR_ACCESS_DENIED);
CM_WIRE(CM_ERROR_NOT_ENOUGH_MEMORY, WERR_NOT_ENOUGH_MEMORY);
CM_WIRE(CM_ERROR_INVALID_DATA, WERR_INVALID_DATA);
CM_WIRE(CM_ERROR_NOT_SUPPORTED, WERR_NOT_SUPPORTED);
CM_WIRE(CM_ERROR_INVALID_PARAMETER, WERR_INVALID_PARAMETER);
CM_WIRE(CM_ERROR_INVALID_NAME, WERR_INVALID_NAME);
CM_WIRE(CM_ERROR_DIR_NOT_EMPTY, WERR_DIR_NOT_EMPTY);
CM_WIRE(CM_ERROR_ALREADY_EXISTS, WERR_ALREADY_EXISTS);
CM_WIRE(CM_ERROR_NO_MORE_ITEMS, WERR_NO_MORE_ITEMS);
CM_WIRE(CM_ERROR_IO_PENDING, WERR_IO_PENDING);
CM_WIRE(CM_ERROR_BADDB, WERR_BADDB);
CM_WIRE(CM_ERROR_CANTWRITE, WERR_CANTWRITE);
CM_WIRE(CM_ERROR_CIRCULAR_DEPENDENCY, WERR_CIRCULAR_DEPENDENCY);
CM_WIRE(CM_ERROR_DEPENDENT_RESOURCE_EXISTS, WERR_DEPENDENT_RESOURCE_EXISTS);
CM_WIRE(CM_ERROR_DEPENDENCY_NOT_FOUND, WERR_DEPENDENCY_NOT_FOUND);
CM_WIRE(CM_ERROR_DEPENDENCY_ALREADY_EXISTS, WERR_DEPENDENCY_ALREADY_EXISTS);
CM_WIRE(CM_ERROR_RESOURCE_NOT_ONLINE, WERR_RESOURCE_NOT_ONLINE);
CM_WIRE(CM_ERROR_HOST_NODE_NOT_AVAILABLE, WERR_HOST_NODE_NOT_AVAILABLE);
CM_WIRE(CM_ERROR_RESOURCE_NOT_FOUND, WERR_RESOURCE_NOT_FOUND);
CM_WIRE(CM_ERROR_OBJECT_ALREADY_EXISTS, WERR_OBJECT_ALREADY_EXISTS);
CM_WIRE(CM_ERROR_GROUP_NOT_AVAILABLE, WERR_GROUP_NOT_AVAILABLE);
CM_WIRE(CM_ERROR_GROUP_NOT_FOUND, WERR_GROUP_NOT_FOUND);
CM_WIRE(CM_ERROR_HOST_NODE_NOT_GROUP_OWNER, WERR_HOST_NODE_NOT_GROUP_OWNER);
CM_WIRE(CM_ERROR_RESOURCE_ONLINE, WERR_RESOURCE_ONLINE);
CM_WIRE(CM_ERROR_INVALID_STATE, WERR_INVALID_STATE);
CM_WIRE(CM_ERROR_RESOURCE_PROPERTIES_STORED, WERR_RESOURCE_PROPERTIES_STORED);
CM_WIRE(CM_ERROR_CORE_RESOURCE, WERR_CORE_RESOURCE);
CM_WIRE(CM_ERROR_CLUSTER_NODE_NOT_FOUND, WERR_CLUSTER_NODE_NOT_FOUND);
CM_WIRE(CM_ERROR_CLUSTER_NETWORK_NOT_FOUND, WERR_CLUSTER_NETWORK_NOT_FOUND);
CM_WIRE(CM_ERROR_CLUSTER_NETINTERFACE_NOT_FOUND,
	WERR_CLUSTER_NETINTERFACE_NOT_FOUND);
CM_WIRE(CM_ERROR_CLUSTER_NODE_DOWN, WERR_CLUSTER_NODE_DOWN);
CM_WIRE(CM_ERROR_CLUSTER_NODE_NOT_PAUSED, WERR_CLUSTER_NODE_NOT_PAUSED);
CM_WIRE(CM_ERROR_CLUSTER_NODE_ALREADY_UP, WERR_CLUSTER_NODE_ALREADY_UP);
CM_WIRE(CM_ERROR_CLUSTER_NODE_ALREADY_DOWN, WERR_CLUSTER_NODE_ALREADY_DOWN);
CM_WIRE(CM_ERROR_DEPENDENCY_NOT_ALLOWED, WERR_DEPENDENCY_NOT_ALLOWED);
CM_WIRE(CM_ERROR_CLUSTER_NODE_PAUSED, WERR_CLUSTER_NODE_PAUSED);
CM_WIRE(CM_ERROR_CLUSTER_RESOURCE_TYPE_NOT_FOUND,
	WERR_CLUSTER_RESOURCE_TYPE_NOT_FOUND);
CM_WIRE(CM_ERROR_CLUSTER_GROUP_MOVING, WERR_CLUSTER_GROUP_MOVING);
CM_WIRE(CLUSRV_ERROR_KEY_DELETED, WERR_KEY_DELETED);

#pragma pop_macro("W_ERROR")

/*
 * Samba's werror table has no name for ERROR_CLUSTER_EVICT_INVALID_REQUEST
 * (0x1733) or ERROR_GROUPSET_NOT_FOUND (0x1768): nothing to compare.
 */
