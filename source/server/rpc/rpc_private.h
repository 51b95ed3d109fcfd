/*
 * clusapid: what the ClusAPI handlers share
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The handlers live in one file per family of calls: srv_cluster.c
 * (cluster-wide calls and enumerations), srv_node.c (nodes, networks,
 * interfaces, resource types), srv_group.c, srv_resource.c,
 * srv_groupset.c, srv_registry.c, srv_notify.c, srv_batch.c,
 * srv_control.c (the Api*Control calls), srv_open.c (ApiOpen<Object> by
 * name) and srv_unused.c (the opnums MS-CMRP marks "not used on wire").
 * What they share is in common.c, srv_proplist.c, srv_settle.c and
 * srv_wait.c (the calls that block on a notification port).  PIDL's
 * dispatch code (ndr_clusapi_s.c) is compiled into clusapi_srv.c and
 * calls the dcesrv_Api* functions declared at the end of this file, so
 * they are not static.
 *
 * Rules every handler follows:
 * - A handle holds the object's id (a registry key: its path), never a
 *   pointer: another client or a timer may delete the object between
 *   two calls.  clusrv_*_from_handle() looks the object up again.
 * - Wrong, closed or foreign handles give ERROR_INVALID_HANDLE; Close*
 *   zeroes the caller's handle.
 * - A call that changes the cluster checks clusrv_check_write() first
 *   and changes nothing when refused; a call that reads without a
 *   handle checks clusrv_check_read().
 * - Model errors are plain Windows codes: W_ERROR() carries them
 *   unchanged.
 * - A handler that must wait (GetNotify, OnlineGroup until settled)
 *   sets dce_call->state_flags |= DCESRV_CALL_STATE_FLAG_ASYNC, returns,
 *   and later fills r->out and calls dcesrv_reply(dce_call).
 */

#ifndef CLUSAPI_SERVER_RPC_PRIVATE_H
#define CLUSAPI_SERVER_RPC_PRIVATE_H

#include "server/dcesrv/pidl_server.h"
#include "librpc/gen_ndr/ndr_clusapi.h"
#include "server/model/model.h"

/* dcesrv handle types, one per HXXX_RPC */
enum clusrv_htype {
	CLUSRV_H_CLUSTER = 1,
	CLUSRV_H_NODE,
	CLUSRV_H_GROUP,
	CLUSRV_H_RESOURCE,
	CLUSRV_H_KEY,
	CLUSRV_H_NOTIFY,
	CLUSRV_H_NETWORK,
	CLUSRV_H_NETIF,
	CLUSRV_H_BATCH_PORT,
	CLUSRV_H_GROUPSET,
};

/* The data behind every handle (dcesrv_handle->data) */
struct clusrv_handle {
	enum clusrv_htype type;
	char *id;		/* object id; registry key path; "" cluster */
	uint32_t access;	/* granted CLUSAPI_READ/CHANGE_ACCESS bits */
	void *priv;		/* per type: notify or batch port state */
};

struct clus_model *clusrv_model(struct dcesrv_call_state *dce_call);

/*
 * Access for a new handle: what the caller asked for (MAXIMUM_ALLOWED,
 * CLUSAPI_READ_ACCESS, CLUSAPI_ALL_ACCESS, ...) against what the
 * caller may do.  WERR_ACCESS_DENIED if nothing asked for is allowed.
 */
WERROR clusrv_grant_access(struct dcesrv_call_state *dce_call,
			   uint32_t desired, uint32_t *granted);

/*
 * For the calls that take no handle (a handle proves read access):
 * WERR_OK, or WERR_ACCESS_DENIED for a caller who may not even read
 */
WERROR clusrv_check_read(struct dcesrv_call_state *dce_call);

/* WERR_OK, or WERR_ACCESS_DENIED for a caller with read access only */
WERROR clusrv_check_write(struct dcesrv_call_state *dce_call);

/*
 * Create a handle for object @id, written to @out; @ph (may be NULL)
 * gets its data.  On failure @out is zeroed.
 */
WERROR clusrv_handle_open(struct dcesrv_call_state *dce_call,
			  enum clusrv_htype type, const char *id,
			  uint32_t access, struct policy_handle *out,
			  struct clusrv_handle **ph);

/* The handle's data, or NULL when @h is not an open handle of @type */
struct clusrv_handle *clusrv_handle_get(struct dcesrv_call_state *dce_call,
					const struct policy_handle *h,
					enum clusrv_htype type);

/*
 * Close: WERR_INVALID_HANDLE if @h is not an open handle of @type;
 * otherwise frees it (and its priv, talloc'd on the clusrv_handle)
 * and zeroes *h.  @out (may be NULL), the Close call's out handle,
 * gets *h either way.
 */
WERROR clusrv_handle_close(struct dcesrv_call_state *dce_call,
			   struct policy_handle *h, struct policy_handle *out,
			   enum clusrv_htype type);

/*
 * The object behind a handle of @type (node to key), NULL with *@werr
 * WERR_INVALID_HANDLE for a bad handle or the family's not-found error
 * when the object has been deleted.  @id (may be NULL) gets the
 * object's id, valid while the handle is open.
 */
void *clusrv_object(struct dcesrv_call_state *dce_call,
		    const struct policy_handle *h, enum clusrv_htype type,
		    const char **id, WERROR *werr);

/* The handle type of a CM_OBJ_* object type; 0 if no handle holds one */
enum clusrv_htype clusrv_object_htype(uint32_t object_type);

/*
 * For a call that changes the object it looked up: the lookup's error,
 * or, the object found, clusrv_check_write()'s.  A bad handle is
 * reported before a refused write, as Windows does.
 */
WERROR clusrv_for_write(struct dcesrv_call_state *dce_call, WERROR lookup);

/*
 * The object behind a handle.  WERR_INVALID_HANDLE for a bad handle,
 * the family's not-found error when the object has been deleted.
 */
WERROR clusrv_node_from_handle(struct dcesrv_call_state *dce_call,
			       const struct policy_handle *h,
			       struct clus_node **node);
WERROR clusrv_group_from_handle(struct dcesrv_call_state *dce_call,
				const struct policy_handle *h,
				struct clus_group **group);
WERROR clusrv_resource_from_handle(struct dcesrv_call_state *dce_call,
				   const struct policy_handle *h,
				   struct clus_resource **res);
WERROR clusrv_network_from_handle(struct dcesrv_call_state *dce_call,
				  const struct policy_handle *h,
				  struct clus_network **net);
WERROR clusrv_netif_from_handle(struct dcesrv_call_state *dce_call,
				const struct policy_handle *h,
				struct clus_netif **netif);
WERROR clusrv_groupset_from_handle(struct dcesrv_call_state *dce_call,
				   const struct policy_handle *h,
				   struct clus_groupset **set);
/* WERR_KEY_DELETED when the key has been deleted */
WERROR clusrv_regkey_from_handle(struct dcesrv_call_state *dce_call,
				 const struct policy_handle *h,
				 struct clus_regkey **key);
/* The same, then clusrv_check_write(): for the calls that change it */
WERROR clusrv_node_for_write(struct dcesrv_call_state *dce_call,
			     const struct policy_handle *h,
			     struct clus_node **node);
WERROR clusrv_group_for_write(struct dcesrv_call_state *dce_call,
			      const struct policy_handle *h,
			      struct clus_group **group);
WERROR clusrv_resource_for_write(struct dcesrv_call_state *dce_call,
				 const struct policy_handle *h,
				 struct clus_resource **res);
WERROR clusrv_groupset_for_write(struct dcesrv_call_state *dce_call,
				 const struct policy_handle *h,
				 struct clus_groupset **set);
WERROR clusrv_regkey_for_write(struct dcesrv_call_state *dce_call,
			       const struct policy_handle *h,
			       struct clus_regkey **key);
/* WERR_OK if @h is an open cluster handle */
WERROR clusrv_cluster_check_handle(struct dcesrv_call_state *dce_call,
				   const struct policy_handle *h);

/* A copy of @s ("" for NULL) on @mem_ctx in *@out, for an out string */
WERROR clusrv_string_out(TALLOC_CTX *mem_ctx, const char *s,
			 const char **out);

/*
 * The ENUM_LIST of an Api*Enum call, or the name and id lists of an
 * Ex call.  The first failed add sticks: later adds do nothing and
 * clusrv_enum_done() returns it, so a run of adds needs no checks.
 */
struct clusrv_enum {
	struct ENUM_LIST *names;
	struct ENUM_LIST *ids;		/* NULL: the call lists names only */
	WERROR werr;
};
void clusrv_enum_start(TALLOC_CTX *mem_ctx, struct clusrv_enum *e,
		       bool with_ids);
/* One entry: @name, and @id in the id list if there is one */
void clusrv_enum_add(struct clusrv_enum *e, uint32_t type, const char *name,
		     const char *id);
/* The lists to the call's out parameters (@ids may be NULL), or the error */
WERROR clusrv_enum_done(struct clusrv_enum *e, struct ENUM_LIST **names,
			struct ENUM_LIST **ids);

/*
 * The model's value form (REG_SZ, REG_EXPAND_SZ, REG_MULTI_SZ: UTF-8
 * with its NULs) to the wire's (UTF-16LE) and back.  Other REG_* types
 * are copied unchanged.
 */
WERROR clusrv_value_to_wire(TALLOC_CTX *mem_ctx, uint32_t type,
			    const uint8_t *data, uint32_t len,
			    uint8_t **out, uint32_t *out_len);
WERROR clusrv_value_from_wire(TALLOC_CTX *mem_ctx, uint32_t type,
			      const uint8_t *data, uint32_t len,
			      uint8_t **out, uint32_t *out_len);

/* The object of an Api*Control call (srv_control.c) */
enum clusrv_ctl_object {
	CTL_RESOURCE = 1,
	CTL_RESTYPE = 2,
	CTL_GROUP = 3,
	CTL_NODE = 4,
	CTL_NETWORK = 5,
	CTL_NETIF = 6,
	CTL_CLUSTER = 7,
	CTL_GROUPSET = 8,
};

struct clusrv_ctl_target {
	enum clusrv_ctl_object type;
	struct clus_model *m;
	union {
		struct clus_resource *res;
		struct clus_restype *restype;
		struct clus_group *group;
		struct clus_node *node;
		struct clus_network *net;
		struct clus_netif *netif;
		struct clus_groupset *set;
	} u;
};

/*
 * CLUSCTL_*_SET_COMMON_PROPERTIES and _SET_PRIVATE_PROPERTIES
 * (srv_setprops.c): the whole list, or nothing.
 */
WERROR clusrv_set_common_props(struct dcesrv_call_state *dce_call,
			       TALLOC_CTX *mem_ctx,
			       const struct clusrv_ctl_target *t,
			       const uint8_t *in, uint32_t in_size);
WERROR clusrv_set_private_props(struct dcesrv_call_state *dce_call,
				TALLOC_CTX *mem_ctx,
				const struct clusrv_ctl_target *t,
				const uint8_t *in, uint32_t in_size);
/* The Description the cluster registry holds for a cluster or node */
const char *clusrv_reg_description(TALLOC_CTX *mem_ctx,
				   const struct clusrv_ctl_target *t);
/* The private properties of any object */
struct clusrv_proplist;
WERROR clusrv_private_props(const struct clusrv_ctl_target *t,
			    struct clusrv_proplist *pl);

/*
 * PROPERTY_LIST buffers (srv_proplist.c).  The first failed add sticks:
 * later adds and the push return it, so a run of adds needs one check,
 * clusrv_proplist_error(), at its end.
 */
struct clusrv_proplist;
struct clusrv_proplist *clusrv_proplist_new(TALLOC_CTX *mem_ctx);
WERROR clusrv_proplist_error(const struct clusrv_proplist *pl);
WERROR clusrv_proplist_add_dword(struct clusrv_proplist *pl,
				 const char *name, uint32_t value);
WERROR clusrv_proplist_add_sz(struct clusrv_proplist *pl, const char *name,
			      const char *value);
WERROR clusrv_proplist_add_prop(struct clusrv_proplist *pl,
				const struct clus_prop *prop);
WERROR clusrv_proplist_add_props(struct clusrv_proplist *pl,
				 const struct clus_proplist *props);
void clusrv_proplist_filter(struct clusrv_proplist *pl, const char **names);
WERROR clusrv_proplist_push(TALLOC_CTX *mem_ctx, struct clusrv_proplist *pl,
			    DATA_BLOB *blob);
WERROR clusrv_multi_sz_pull(TALLOC_CTX *mem_ctx, const uint8_t *data,
			    uint32_t len, const char ***pnames);

/*
 * Online or offline the group or resource of @h (a handle of the
 * group or resource the op names; its errors and the write check come
 * first), queued behind an operation still running on the group. Group operations answer when
 * the group has settled. The handler returns what this returns; when
 * the call went asynchronous (WERR_IO_PENDING), *@result, which must be
 * the handler's r->out.result, is set before the reply is sent.
 */
enum clusrv_settle_op {
	CLUSRV_GROUP_ONLINE,
	CLUSRV_GROUP_OFFLINE,
	CLUSRV_RES_ONLINE,
	CLUSRV_RES_OFFLINE,
};
WERROR clusrv_settle_op(struct dcesrv_call_state *dce_call,
			const struct policy_handle *h,
			enum clusrv_settle_op op, WERROR *result);

/*
 * A call that waits for events on a notification port (srv_wait.c):
 * the GetNotify calls and ApiGetBatchNotification.
 */
enum clusrv_wait_end {
	CLUSRV_WAIT_CLOSED,	/* the port was closed or unblocked */
	CLUSRV_WAIT_GONE,	/* the client went away */
	CLUSRV_WAIT_FAILED,	/* waiting itself failed */
};
struct clusrv_wait_ops {
	/*
	 * Look the call's port up again and answer from what it has
	 * queued: true with *@result (also for a port closed meanwhile),
	 * or false with *@port, the port to wait on.
	 */
	bool (*answer)(struct dcesrv_call_state *dce_call, void *private_data,
		       struct clus_notify_port **port, WERROR *result);
	/* The answer of a call that ends without events */
	WERROR (*end)(void *private_data, enum clusrv_wait_end why);
	/* The call's result, set before the reply is sent */
	WERROR *(*result)(void *private_data);
};
/*
 * The answer if there is one now; otherwise the call goes asynchronous
 * (WERR_IO_PENDING) and is answered when events come, or with
 * WERR_NO_MORE_ITEMS where it may not wait.
 */
WERROR clusrv_wait_call(struct dcesrv_call_state *dce_call,
			const struct clusrv_wait_ops *ops, void *private_data);

/* The ClusAPI handlers (opnum order), called by PIDL's dispatch code */
void dcesrv_ApiOpenCluster(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiOpenCluster *r);
WERROR dcesrv_ApiCloseCluster(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCloseCluster *r);
WERROR dcesrv_ApiSetClusterName(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiSetClusterName *r);
WERROR dcesrv_ApiGetClusterName(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiGetClusterName *r);
WERROR dcesrv_ApiGetClusterVersion(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiGetClusterVersion *r);
WERROR dcesrv_ApiGetQuorumResource(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiGetQuorumResource *r);
WERROR dcesrv_ApiSetQuorumResource(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiSetQuorumResource *r);
WERROR dcesrv_ApiCreateEnum(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCreateEnum *r);
void dcesrv_ApiOpenResource(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiOpenResource *r);
void dcesrv_ApiCreateResource(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCreateResource *r);
WERROR dcesrv_ApiDeleteResource(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiDeleteResource *r);
WERROR dcesrv_ApiCloseResource(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCloseResource *r);
WERROR dcesrv_ApiGetResourceState(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiGetResourceState *r);
WERROR dcesrv_ApiSetResourceName(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiSetResourceName *r);
WERROR dcesrv_ApiGetResourceId(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiGetResourceId *r);
WERROR dcesrv_ApiGetResourceType(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiGetResourceType *r);
WERROR dcesrv_ApiFailResource(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiFailResource *r);
WERROR dcesrv_ApiOnlineResource(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiOnlineResource *r);
WERROR dcesrv_ApiOfflineResource(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiOfflineResource *r);
WERROR dcesrv_ApiAddResourceDependency(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiAddResourceDependency *r);
WERROR dcesrv_ApiRemoveResourceDependency(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiRemoveResourceDependency *r);
WERROR dcesrv_ApiCanResourceBeDependent(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCanResourceBeDependent *r);
WERROR dcesrv_ApiCreateResEnum(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCreateResEnum *r);
WERROR dcesrv_ApiAddResourceNode(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiAddResourceNode *r);
WERROR dcesrv_ApiRemoveResourceNode(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiRemoveResourceNode *r);
WERROR dcesrv_ApiChangeResourceGroup(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiChangeResourceGroup *r);
WERROR dcesrv_ApiCreateResourceType(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCreateResourceType *r);
WERROR dcesrv_ApiDeleteResourceType(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiDeleteResourceType *r);
void dcesrv_ApiGetRootKey(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiGetRootKey *r);
void dcesrv_ApiCreateKey(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCreateKey *r);
void dcesrv_ApiOpenKey(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiOpenKey *r);
WERROR dcesrv_ApiEnumKey(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiEnumKey *r);
WERROR dcesrv_ApiSetValue(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiSetValue *r);
WERROR dcesrv_ApiDeleteValue(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiDeleteValue *r);
WERROR dcesrv_ApiQueryValue(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiQueryValue *r);
WERROR dcesrv_ApiDeleteKey(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiDeleteKey *r);
WERROR dcesrv_ApiEnumValue(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiEnumValue *r);
WERROR dcesrv_ApiCloseKey(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCloseKey *r);
WERROR dcesrv_ApiQueryInfoKey(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiQueryInfoKey *r);
WERROR dcesrv_ApiSetKeySecurity(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiSetKeySecurity *r);
WERROR dcesrv_ApiGetKeySecurity(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiGetKeySecurity *r);
void dcesrv_ApiOpenGroup(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiOpenGroup *r);
void dcesrv_ApiCreateGroup(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCreateGroup *r);
WERROR dcesrv_ApiDeleteGroup(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiDeleteGroup *r);
WERROR dcesrv_ApiCloseGroup(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCloseGroup *r);
WERROR dcesrv_ApiGetGroupState(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiGetGroupState *r);
WERROR dcesrv_ApiSetGroupName(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiSetGroupName *r);
WERROR dcesrv_ApiGetGroupId(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiGetGroupId *r);
WERROR dcesrv_ApiGetNodeId(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiGetNodeId *r);
WERROR dcesrv_ApiOnlineGroup(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiOnlineGroup *r);
WERROR dcesrv_ApiOfflineGroup(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiOfflineGroup *r);
WERROR dcesrv_ApiMoveGroup(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiMoveGroup *r);
WERROR dcesrv_ApiMoveGroupToNode(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiMoveGroupToNode *r);
WERROR dcesrv_ApiCreateGroupResourceEnum(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCreateGroupResourceEnum *r);
WERROR dcesrv_ApiSetGroupNodeList(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiSetGroupNodeList *r);
void dcesrv_ApiCreateNotify(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCreateNotify *r);
WERROR dcesrv_ApiCloseNotify(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCloseNotify *r);
WERROR dcesrv_ApiAddNotifyCluster(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiAddNotifyCluster *r);
WERROR dcesrv_ApiAddNotifyNode(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiAddNotifyNode *r);
WERROR dcesrv_ApiAddNotifyGroup(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiAddNotifyGroup *r);
WERROR dcesrv_ApiAddNotifyResource(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiAddNotifyResource *r);
WERROR dcesrv_ApiAddNotifyKey(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiAddNotifyKey *r);
WERROR dcesrv_ApiReAddNotifyNode(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiReAddNotifyNode *r);
WERROR dcesrv_ApiReAddNotifyGroup(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiReAddNotifyGroup *r);
WERROR dcesrv_ApiReAddNotifyResource(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiReAddNotifyResource *r);
WERROR dcesrv_ApiGetNotify(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiGetNotify *r);
void dcesrv_ApiOpenNode(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiOpenNode *r);
WERROR dcesrv_ApiCloseNode(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCloseNode *r);
WERROR dcesrv_ApiGetNodeState(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiGetNodeState *r);
WERROR dcesrv_ApiPauseNode(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiPauseNode *r);
WERROR dcesrv_ApiResumeNode(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiResumeNode *r);
WERROR dcesrv_ApiEvictNode(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiEvictNode *r);
WERROR dcesrv_ApiNodeResourceControl(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiNodeResourceControl *r);
WERROR dcesrv_ApiResourceControl(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiResourceControl *r);
WERROR dcesrv_ApiNodeResourceTypeControl(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiNodeResourceTypeControl *r);
WERROR dcesrv_ApiResourceTypeControl(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiResourceTypeControl *r);
WERROR dcesrv_ApiNodeGroupControl(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiNodeGroupControl *r);
WERROR dcesrv_ApiGroupControl(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiGroupControl *r);
WERROR dcesrv_ApiNodeNodeControl(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiNodeNodeControl *r);
WERROR dcesrv_ApiNodeControl(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiNodeControl *r);
WERROR dcesrv_Opnum80NotUsedOnWire(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct Opnum80NotUsedOnWire *r);
void dcesrv_ApiOpenNetwork(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiOpenNetwork *r);
WERROR dcesrv_ApiCloseNetwork(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCloseNetwork *r);
WERROR dcesrv_ApiGetNetworkState(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiGetNetworkState *r);
WERROR dcesrv_ApiSetNetworkName(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiSetNetworkName *r);
WERROR dcesrv_ApiCreateNetworkEnum(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCreateNetworkEnum *r);
WERROR dcesrv_ApiGetNetworkId(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiGetNetworkId *r);
WERROR dcesrv_ApiSetNetworkPriorityOrder(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiSetNetworkPriorityOrder *r);
WERROR dcesrv_ApiNodeNetworkControl(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiNodeNetworkControl *r);
WERROR dcesrv_ApiNetworkControl(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiNetworkControl *r);
WERROR dcesrv_ApiAddNotifyNetwork(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiAddNotifyNetwork *r);
WERROR dcesrv_ApiReAddNotifyNetwork(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiReAddNotifyNetwork *r);
void dcesrv_ApiOpenNetInterface(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiOpenNetInterface *r);
WERROR dcesrv_ApiCloseNetInterface(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCloseNetInterface *r);
WERROR dcesrv_ApiGetNetInterfaceState(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiGetNetInterfaceState *r);
WERROR dcesrv_ApiGetNetInterface(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiGetNetInterface *r);
WERROR dcesrv_ApiGetNetInterfaceId(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiGetNetInterfaceId *r);
WERROR dcesrv_ApiNodeNetInterfaceControl(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiNodeNetInterfaceControl *r);
WERROR dcesrv_ApiNetInterfaceControl(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiNetInterfaceControl *r);
WERROR dcesrv_ApiAddNotifyNetInterface(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiAddNotifyNetInterface *r);
WERROR dcesrv_ApiReAddNotifyNetInterface(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiReAddNotifyNetInterface *r);
WERROR dcesrv_ApiCreateNodeEnum(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCreateNodeEnum *r);
WERROR dcesrv_ApiGetClusterVersion2(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiGetClusterVersion2 *r);
WERROR dcesrv_ApiCreateResTypeEnum(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCreateResTypeEnum *r);
WERROR dcesrv_ApiBackupClusterDatabase(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiBackupClusterDatabase *r);
WERROR dcesrv_ApiNodeClusterControl(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiNodeClusterControl *r);
WERROR dcesrv_ApiClusterControl(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiClusterControl *r);
WERROR dcesrv_ApiUnblockGetNotifyCall(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiUnblockGetNotifyCall *r);
WERROR dcesrv_ApiSetServiceAccountPassword(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiSetServiceAccountPassword *r);
WERROR dcesrv_ApiSetResourceDependencyExpression(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiSetResourceDependencyExpression *r);
WERROR dcesrv_ApiGetResourceDependencyExpression(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiGetResourceDependencyExpression *r);
WERROR dcesrv_Opnum111NotUsedOnWire(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct Opnum111NotUsedOnWire *r);
WERROR dcesrv_ApiGetResourceNetworkName(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiGetResourceNetworkName *r);
WERROR dcesrv_ApiExecuteBatch(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiExecuteBatch *r);
WERROR dcesrv_ApiCreateBatchPort(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCreateBatchPort *r);
WERROR dcesrv_ApiGetBatchNotification(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiGetBatchNotification *r);
WERROR dcesrv_ApiCloseBatchPort(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCloseBatchPort *r);
void dcesrv_ApiOpenClusterEx(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiOpenClusterEx *r);
void dcesrv_ApiOpenNodeEx(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiOpenNodeEx *r);
void dcesrv_ApiOpenGroupEx(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiOpenGroupEx *r);
void dcesrv_ApiOpenResourceEx(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiOpenResourceEx *r);
void dcesrv_ApiOpenNetworkEx(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiOpenNetworkEx *r);
void dcesrv_ApiOpenNetInterfaceEx(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiOpenNetInterfaceEx *r);
WERROR dcesrv_ApiChangeCsvState(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiChangeCsvState *r);
WERROR dcesrv_ApiCreateNodeEnumEx(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCreateNodeEnumEx *r);
WERROR dcesrv_ApiCreateEnumEx(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCreateEnumEx *r);
WERROR dcesrv_ApiPauseNodeEx(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiPauseNodeEx *r);
WERROR dcesrv_ApiPauseNodeWithDrainTarget(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiPauseNodeWithDrainTarget *r);
WERROR dcesrv_ApiResumeNodeEx(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiResumeNodeEx *r);
void dcesrv_ApiCreateGroupEx(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCreateGroupEx *r);
WERROR dcesrv_ApiOnlineGroupEx(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiOnlineGroupEx *r);
WERROR dcesrv_ApiOfflineGroupEx(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiOfflineGroupEx *r);
WERROR dcesrv_ApiMoveGroupEx(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiMoveGroupEx *r);
WERROR dcesrv_ApiMoveGroupToNodeEx(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiMoveGroupToNodeEx *r);
WERROR dcesrv_ApiCancelClusterGroupOperation(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCancelClusterGroupOperation *r);
WERROR dcesrv_ApiOnlineResourceEx(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiOnlineResourceEx *r);
WERROR dcesrv_ApiOfflineResourceEx(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiOfflineResourceEx *r);
void dcesrv_ApiCreateNotifyV2(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCreateNotifyV2 *r);
WERROR dcesrv_ApiAddNotifyV2(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiAddNotifyV2 *r);
WERROR dcesrv_ApiGetNotifyV2(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiGetNotifyV2 *r);
WERROR dcesrv_Opnum140NotUsedOnWire(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct Opnum140NotUsedOnWire *r);
WERROR dcesrv_Opnum141NotUsedOnWire(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct Opnum141NotUsedOnWire *r);
WERROR dcesrv_Opnum142NotUsedOnWire(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct Opnum142NotUsedOnWire *r);
WERROR dcesrv_ApiCreateGroupEnum(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCreateGroupEnum *r);
WERROR dcesrv_ApiCreateResourceEnum(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCreateResourceEnum *r);
WERROR dcesrv_ApiExecuteReadBatch(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiExecuteReadBatch *r);
WERROR dcesrv_ApiRestartResource(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiRestartResource *r);
WERROR dcesrv_ApiGetNotifyAsync(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiGetNotifyAsync *r);
WERROR dcesrv_Opnum148NotUsedOnWire(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct Opnum148NotUsedOnWire *r);
WERROR dcesrv_Opnum149otUsedOnWire(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct Opnum149otUsedOnWire *r);
WERROR dcesrv_Opnum150NotUsedOnWire(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct Opnum150NotUsedOnWire *r);
WERROR dcesrv_Opnum151NotUsedOnWire(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct Opnum151NotUsedOnWire *r);
WERROR dcesrv_Opnum152NotUsedOnWire(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct Opnum152NotUsedOnWire *r);
WERROR dcesrv_Opnum153NotUsedOnWire(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct Opnum153NotUsedOnWire *r);
WERROR dcesrv_Opnum154NotUsedOnWire(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct Opnum154NotUsedOnWire *r);
WERROR dcesrv_ApiAddNotifyResourceTypeV2(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiAddNotifyResourceTypeV2 *r);
WERROR dcesrv_Opnum156NotUsedOnWire(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct Opnum156NotUsedOnWire *r);
WERROR dcesrv_ApiExecuteReadBatchEx(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiExecuteReadBatchEx *r);
WERROR dcesrv_Opnum158NotUsedOnWire(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct Opnum158NotUsedOnWire *r);
WERROR dcesrv_Opnum159NotUsedOnWire(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct Opnum159NotUsedOnWire *r);
WERROR dcesrv_Opnum160NotUsedOnWire(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct Opnum160NotUsedOnWire *r);
WERROR dcesrv_Opnum161NotUsedOnWire(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct Opnum161NotUsedOnWire *r);
WERROR dcesrv_Opnum162NotUsedOnWire(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct Opnum162NotUsedOnWire *r);
void dcesrv_ApiCreateGroupSet(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCreateGroupSet *r);
void dcesrv_ApiOpenGroupSet(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiOpenGroupSet *r);
WERROR dcesrv_ApiCloseGroupSet(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCloseGroupSet *r);
WERROR dcesrv_ApiDeleteGroupSet(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiDeleteGroupSet *r);
WERROR dcesrv_ApiAddGroupToGroupSet(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiAddGroupToGroupSet *r);
WERROR dcesrv_ApiRemoveGroupFromGroupSet(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiRemoveGroupFromGroupSet *r);
WERROR dcesrv_ApiMoveGroupToGroupSet(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiMoveGroupToGroupSet *r);
WERROR dcesrv_Opnum170NotUsedOnWire(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct Opnum170NotUsedOnWire *r);
WERROR dcesrv_ApiAddGroupSetDependency(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiAddGroupSetDependency *r);
WERROR dcesrv_ApiAddGroupToGroupSetDependency(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiAddGroupToGroupSetDependency *r);
WERROR dcesrv_ApiNodeGroupSetControl(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiNodeGroupSetControl *r);
WERROR dcesrv_ApiGroupSetControl(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiGroupSetControl *r);
WERROR dcesrv_ApiSetGroupDependencyExpression(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiSetGroupDependencyExpression *r);
WERROR dcesrv_ApiRemoveClusterGroupDependency(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiRemoveClusterGroupDependency *r);
WERROR dcesrv_ApiSetGroupSetDependencyExpression(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiSetGroupSetDependencyExpression *r);
WERROR dcesrv_ApiRemoveGroupSetDependency(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiRemoveGroupSetDependency *r);
WERROR dcesrv_ApiRemoveClusterGroupToGroupSetDependency(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiRemoveClusterGroupToGroupSetDependency *r);
WERROR dcesrv_ApiCreateGroupSetEnum(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCreateGroupSetEnum *r);
WERROR dcesrv_ApiCreateNetInterfaceEnum(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiCreateNetInterfaceEnum *r);
WERROR dcesrv_ApiChangeCsvStateEx(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiChangeCsvStateEx *r);
WERROR dcesrv_ApiAddGroupToGroupSetEx(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiAddGroupToGroupSetEx *r);
WERROR dcesrv_ApiChangeResourceGroupEx(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiChangeResourceGroupEx *r);
WERROR dcesrv_ApiClusterNativeUpdateControl(struct dcesrv_call_state *dce_call,
		TALLOC_CTX *mem_ctx, struct ApiClusterNativeUpdateControl *r);

#endif /* CLUSAPI_SERVER_RPC_PRIVATE_H */
