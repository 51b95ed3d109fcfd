/*
 * clusapid: notification ports (version 1 and 2)
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A port is the model's clus_notify_port, talloc'd on the handle's
 * data: ApiCloseNotify, or the association group going away, frees it,
 * and freeing it completes the GetNotify calls waiting on it.
 *
 * The GetNotify calls block (MS-CMRP 3.1.4.2.66) until the port has
 * events: srv_wait.c makes them asynchronous and answers them.
 */

#include "server/rpc/rpc_private.h"

/* Events handed out by one GetNotifyV2 or GetNotifyAsync call at most */
#define NOTIFY_BATCH_MAX 256

struct clusrv_notify {
	struct clus_notify_port *port;
	uint32_t version;
	uint32_t dropped_seen;	/* lost events already reported */
};

enum notify_call {
	NOTIFY_CALL_V1,		/* ApiGetNotify */
	NOTIFY_CALL_V2,		/* ApiGetNotifyV2 */
	NOTIFY_CALL_ASYNC,	/* ApiGetNotifyAsync */
};

static WERROR notify_open(struct dcesrv_call_state *dce_call,
			  uint32_t version, struct policy_handle *out)
{
	struct clusrv_handle *h = NULL;
	struct clusrv_notify *n;
	uint32_t access = 0;
	uint32_t err;
	WERROR werr;

	NDR_ZERO_STRUCTP(out);
	werr = clusrv_grant_access(dce_call, CLUSAPI_READ_ACCESS, &access);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	werr = clusrv_handle_open(dce_call, CLUSRV_H_NOTIFY, "", access, out,
				  &h);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	n = talloc_zero(h, struct clusrv_notify);
	if (n == NULL) {
		clusrv_handle_close(dce_call, out, NULL, CLUSRV_H_NOTIFY);
		return WERR_NOT_ENOUGH_MEMORY;
	}
	n->version = version;
	err = clus_notify_port_create(n, clusrv_model(dce_call), version,
				      &n->port);
	if (err != CM_ERROR_SUCCESS) {
		clusrv_handle_close(dce_call, out, NULL, CLUSRV_H_NOTIFY);
		return W_ERROR(err);
	}
	h->priv = n;
	DBG_DEBUG("notification port v%u opened\n", version);
	return WERR_OK;
}

/* The port behind @h; NULL when @h is not an open port of @version */
static struct clusrv_notify *notify_get(struct dcesrv_call_state *dce_call,
					const struct policy_handle *h,
					uint32_t version)
{
	struct clusrv_handle *d = clusrv_handle_get(dce_call, h,
						    CLUSRV_H_NOTIFY);
	struct clusrv_notify *n;

	if (d == NULL || d->priv == NULL) {
		return NULL;
	}
	n = talloc_get_type_abort(d->priv, struct clusrv_notify);
	/* a v1 call on a v2 port (or back) names no port it could use */
	if (version != 0 && n->version != version) {
		return NULL;
	}
	return n;
}

void dcesrv_ApiCreateNotify(struct dcesrv_call_state *dce_call,
			    TALLOC_CTX *mem_ctx, struct ApiCreateNotify *r)
{
	*r->out.rpc_status = WERR_OK;
	*r->out.Status = notify_open(dce_call, 1, r->out.hNotify);
}

void dcesrv_ApiCreateNotifyV2(struct dcesrv_call_state *dce_call,
			      TALLOC_CTX *mem_ctx,
			      struct ApiCreateNotifyV2 *r)
{
	*r->out.rpc_status = WERR_OK;
	*r->out.rpc_error = notify_open(dce_call, 2, r->out.hNotify);
}

WERROR dcesrv_ApiCloseNotify(struct dcesrv_call_state *dce_call,
			     TALLOC_CTX *mem_ctx, struct ApiCloseNotify *r)
{
	struct clusrv_notify *n = notify_get(dce_call, r->in.Notify, 0);

	if (n != NULL) {
		/* waiting calls end now, undelivered events are dropped */
		clus_notify_port_close(n->port);
	}
	return clusrv_handle_close(dce_call, r->in.Notify, r->out.Notify,
				   CLUSRV_H_NOTIFY);
}

WERROR dcesrv_ApiUnblockGetNotifyCall(struct dcesrv_call_state *dce_call,
				      TALLOC_CTX *mem_ctx,
				      struct ApiUnblockGetNotifyCall *r)
{
	struct clusrv_notify *n = notify_get(dce_call, &r->in.hNotify, 0);

	if (n == NULL) {
		return WERR_INVALID_HANDLE;
	}
	clus_notify_port_unblock(n->port);
	return WERR_OK;
}

/* ---------------------------------------------------------------------
 * Version 2 filters
 * --------------------------------------------------------------------- */

/*
 * The object hObject names for @object_type, as the model identifies it
 * in its events.  *@id NULL: the object type has no single object
 * (resource types, the registry root).
 */
static WERROR notify_v2_object(struct dcesrv_call_state *dce_call,
			       const struct policy_handle *h,
			       uint32_t object_type, const char **id)
{
	struct clus_model *m = clusrv_model(dce_call);
	enum clusrv_htype type;
	WERROR werr;

	*id = NULL;
	switch (object_type) {
	case CM_OBJ_CLUSTER:
		werr = clusrv_cluster_check_handle(dce_call, h);
		if (W_ERROR_IS_OK(werr)) {
			*id = clus_model_cluster(m)->instance_id;
		}
		return werr;
	case CM_OBJ_RESOURCE_TYPE:
		/* ApiAddNotifyResourceTypeV2 names a single type */
		return clusrv_cluster_check_handle(dce_call, h);
	case CM_OBJ_REGISTRY:
		/* MS-CMRP 3.1.4.2.137: the root key is the one watched */
		if (clusrv_handle_get(dce_call, h, CLUSRV_H_KEY) == NULL &&
		    clusrv_handle_get(dce_call, h, CLUSRV_H_CLUSTER) == NULL) {
			return WERR_INVALID_HANDLE;
		}
		return WERR_OK;
	}
	type = clusrv_object_htype(object_type);
	if (type == 0) {
		return WERR_INVALID_PARAMETER;
	}
	clusrv_object(dce_call, h, type, id, &werr);
	return werr;
}

/* ---------------------------------------------------------------------
 * Version 1 filters
 * --------------------------------------------------------------------- */

/* The v1 port and the id of the object the filter watches */
static WERROR notify_v1_target(struct dcesrv_call_state *dce_call,
			       const struct policy_handle *hnotify,
			       const struct policy_handle *hobject,
			       uint32_t object_type, struct clusrv_notify **pn,
			       const char **id)
{
	WERROR werr;

	*pn = notify_get(dce_call, hnotify, 1);
	if (*pn == NULL) {
		return WERR_INVALID_HANDLE;
	}
	werr = notify_v2_object(dce_call, hobject, object_type, id);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	/* a v1 cluster filter watches every object of the cluster */
	if (object_type == CM_OBJ_CLUSTER) {
		*id = NULL;
	}
	return WERR_OK;
}

static WERROR notify_add_v1(struct dcesrv_call_state *dce_call,
			    const struct policy_handle *hnotify,
			    const struct policy_handle *hobject,
			    uint32_t object_type, uint32_t filter,
			    uint32_t key, uint32_t *state_seq)
{
	struct clusrv_notify *n;
	const char *id;
	WERROR werr;

	werr = notify_v1_target(dce_call, hnotify, hobject, object_type, &n,
				&id);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_notify_add_v1(n->port, object_type, id, filter,
					  key, false, state_seq));
}

static WERROR notify_readd_v1(struct dcesrv_call_state *dce_call,
			      const struct policy_handle *hnotify,
			      const struct policy_handle *hobject,
			      uint32_t object_type, uint32_t filter,
			      uint32_t key, uint32_t state_seq)
{
	struct clusrv_notify *n;
	const char *id;
	WERROR werr;

	werr = notify_v1_target(dce_call, hnotify, hobject, object_type, &n,
				&id);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_notify_readd_v1(n->port, object_type, id, filter,
					    key, state_seq));
}

WERROR dcesrv_ApiAddNotifyCluster(struct dcesrv_call_state *dce_call,
				  TALLOC_CTX *mem_ctx,
				  struct ApiAddNotifyCluster *r)
{
	*r->out.rpc_status = WERR_OK;
	return notify_add_v1(dce_call, &r->in.hNotify, &r->in.hCluster,
			     CM_OBJ_CLUSTER, r->in.dwFilter, r->in.dwNotifyKey,
			     NULL);
}

WERROR dcesrv_ApiAddNotifyNode(struct dcesrv_call_state *dce_call,
			       TALLOC_CTX *mem_ctx,
			       struct ApiAddNotifyNode *r)
{
	*r->out.dwStateSequence = 0;
	*r->out.rpc_status = WERR_OK;
	return notify_add_v1(dce_call, &r->in.hNotify, &r->in.hNode,
			     CM_OBJ_NODE, r->in.dwFilter, r->in.dwNotifyKey,
			     r->out.dwStateSequence);
}

WERROR dcesrv_ApiAddNotifyGroup(struct dcesrv_call_state *dce_call,
				TALLOC_CTX *mem_ctx,
				struct ApiAddNotifyGroup *r)
{
	*r->out.dwStateSequence = 0;
	*r->out.rpc_status = WERR_OK;
	return notify_add_v1(dce_call, &r->in.hNotify, &r->in.hGroup,
			     CM_OBJ_GROUP, r->in.dwFilter, r->in.dwNotifyKey,
			     r->out.dwStateSequence);
}

WERROR dcesrv_ApiAddNotifyResource(struct dcesrv_call_state *dce_call,
				   TALLOC_CTX *mem_ctx,
				   struct ApiAddNotifyResource *r)
{
	*r->out.dwStateSequence = 0;
	*r->out.rpc_status = WERR_OK;
	return notify_add_v1(dce_call, &r->in.hNotify, &r->in.hResource,
			     CM_OBJ_RESOURCE, r->in.dwFilter, r->in.dwNotifyKey,
			     r->out.dwStateSequence);
}

WERROR dcesrv_ApiAddNotifyNetwork(struct dcesrv_call_state *dce_call,
				  TALLOC_CTX *mem_ctx,
				  struct ApiAddNotifyNetwork *r)
{
	*r->out.dwStateSequence = 0;
	*r->out.rpc_status = WERR_OK;
	return notify_add_v1(dce_call, &r->in.hNotify, &r->in.hNetwork,
			     CM_OBJ_NETWORK, r->in.dwFilter, r->in.dwNotifyKey,
			     r->out.dwStateSequence);
}

WERROR dcesrv_ApiAddNotifyNetInterface(struct dcesrv_call_state *dce_call,
				       TALLOC_CTX *mem_ctx,
				       struct ApiAddNotifyNetInterface *r)
{
	*r->out.dwStateSequence = 0;
	*r->out.rpc_status = WERR_OK;
	return notify_add_v1(dce_call, &r->in.hNotify, &r->in.hNetInterface,
			     CM_OBJ_NETINTERFACE, r->in.dwFilter,
			     r->in.dwNotifyKey, r->out.dwStateSequence);
}

WERROR dcesrv_ApiAddNotifyKey(struct dcesrv_call_state *dce_call,
			      TALLOC_CTX *mem_ctx, struct ApiAddNotifyKey *r)
{
	struct clusrv_notify *n;
	const char *path = NULL;
	WERROR werr;

	*r->out.rpc_status = WERR_OK;
	n = notify_get(dce_call, &r->in.hNotify, 1);
	if (n == NULL) {
		return WERR_INVALID_HANDLE;
	}
	clusrv_object(dce_call, &r->in.hKey, CLUSRV_H_KEY, &path, &werr);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_notify_add_v1(n->port, CM_OBJ_REGISTRY, path,
					  r->in.Filter, r->in.dwNotifyKey,
					  r->in.WatchSubTree != 0, NULL));
}

WERROR dcesrv_ApiReAddNotifyNode(struct dcesrv_call_state *dce_call,
				 TALLOC_CTX *mem_ctx,
				 struct ApiReAddNotifyNode *r)
{
	*r->out.rpc_status = WERR_OK;
	return notify_readd_v1(dce_call, &r->in.hNotify, &r->in.hNode,
			       CM_OBJ_NODE, r->in.dwFilter, r->in.dwNotifyKey,
			       r->in.StateSequence);
}

WERROR dcesrv_ApiReAddNotifyGroup(struct dcesrv_call_state *dce_call,
				  TALLOC_CTX *mem_ctx,
				  struct ApiReAddNotifyGroup *r)
{
	*r->out.rpc_status = WERR_OK;
	return notify_readd_v1(dce_call, &r->in.hNotify, &r->in.hGroup,
			       CM_OBJ_GROUP, r->in.dwFilter, r->in.dwNotifyKey,
			       r->in.StateSequence);
}

WERROR dcesrv_ApiReAddNotifyResource(struct dcesrv_call_state *dce_call,
				     TALLOC_CTX *mem_ctx,
				     struct ApiReAddNotifyResource *r)
{
	*r->out.rpc_status = WERR_OK;
	return notify_readd_v1(dce_call, &r->in.hNotify, &r->in.hResource,
			       CM_OBJ_RESOURCE, r->in.dwFilter,
			       r->in.dwNotifyKey, r->in.StateSequence);
}

WERROR dcesrv_ApiReAddNotifyNetwork(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx,
				    struct ApiReAddNotifyNetwork *r)
{
	*r->out.rpc_status = WERR_OK;
	return notify_readd_v1(dce_call, &r->in.hNotify, &r->in.hNetwork,
			       CM_OBJ_NETWORK, r->in.dwFilter,
			       r->in.dwNotifyKey, r->in.StateSequence);
}

WERROR dcesrv_ApiReAddNotifyNetInterface(struct dcesrv_call_state *dce_call,
					 TALLOC_CTX *mem_ctx,
					 struct ApiReAddNotifyNetInterface *r)
{
	*r->out.rpc_status = WERR_OK;
	return notify_readd_v1(dce_call, &r->in.hNotify, &r->in.hNetInterface,
			       CM_OBJ_NETINTERFACE, r->in.dwFilter,
			       r->in.dwNotifyKey, r->in.StateSequence);
}

WERROR dcesrv_ApiAddNotifyV2(struct dcesrv_call_state *dce_call,
			     TALLOC_CTX *mem_ctx, struct ApiAddNotifyV2 *r)
{
	struct clusrv_notify *n;
	const char *id = NULL;
	WERROR werr;

	*r->out.rpc_status = WERR_OK;
	n = notify_get(dce_call, &r->in.hNotify, 2);
	if (n == NULL) {
		return WERR_INVALID_HANDLE;
	}
	/*
	 * Not targeted at one object: the cluster handle stands for every
	 * object of the type, as CreateClusterNotifyPortV2 registers.
	 */
	werr = !r->in.isTargetedAtObject ?
		clusrv_cluster_check_handle(dce_call, &r->in.hObject) :
		WERR_INVALID_HANDLE;
	if (!W_ERROR_IS_OK(werr)) {
		werr = notify_v2_object(dce_call, &r->in.hObject,
					r->in.filter.dwObjectType, &id);
	}
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	/* not targeted: the handle only says which kind of object */
	if (!r->in.isTargetedAtObject) {
		id = NULL;
	}
	DBG_DEBUG("type %u flags 0x%llx key %u object %s\n",
		  r->in.filter.dwObjectType,
		  (unsigned long long)r->in.filter.FilterFlags,
		  r->in.dwNotifyKey, id != NULL ? id : "(all)");
	return W_ERROR(clus_notify_add_v2(n->port, r->in.filter.dwObjectType,
					  r->in.filter.FilterFlags, id,
					  r->in.dwNotifyKey, r->in.dwVersion));
}

WERROR dcesrv_ApiAddNotifyResourceTypeV2(struct dcesrv_call_state *dce_call,
					 TALLOC_CTX *mem_ctx,
					 struct ApiAddNotifyResourceTypeV2 *r)
{
	struct clusrv_notify *n;
	struct clus_restype *type;

	*r->out.rpc_status = WERR_OK;
	n = notify_get(dce_call, &r->in.hNotify, 2);
	if (n == NULL) {
		return WERR_INVALID_HANDLE;
	}
	if (r->in.resTypeName == NULL) {
		return WERR_INVALID_PARAMETER;
	}
	type = clus_restype_by_name(clusrv_model(dce_call),
				    r->in.resTypeName);
	if (type == NULL) {
		return W_ERROR(CM_ERROR_CLUSTER_RESOURCE_TYPE_NOT_FOUND);
	}
	return W_ERROR(clus_notify_add_v2(n->port, CM_OBJ_RESOURCE_TYPE,
					  r->in.filter, type->name,
					  r->in.dwNotifyKey, r->in.dwVersion));
}

/* ---------------------------------------------------------------------
 * GetNotify, GetNotifyV2, GetNotifyAsync
 * --------------------------------------------------------------------- */

/* What a waiting GetNotify call needs: which call it is */
struct notify_call_state {
	enum notify_call kind;
	void *r;			/* struct ApiGetNotify* */
};

static const struct policy_handle *notify_call_handle(enum notify_call kind,
						      void *r)
{
	switch (kind) {
	case NOTIFY_CALL_V1:
		return &((struct ApiGetNotify *)r)->in.hNotify;
	case NOTIFY_CALL_V2:
		return &((struct ApiGetNotifyV2 *)r)->in.hNotify;
	case NOTIFY_CALL_ASYNC:
		return &((struct ApiGetNotifyAsync *)r)->in.hNotify;
	}
	return NULL;
}

static WERROR *notify_call_result(void *private_data)
{
	struct notify_call_state *c = private_data;

	switch (c->kind) {
	case NOTIFY_CALL_V1:
		return &((struct ApiGetNotify *)c->r)->out.result;
	case NOTIFY_CALL_V2:
		return &((struct ApiGetNotifyV2 *)c->r)->out.result;
	case NOTIFY_CALL_ASYNC:
		return &((struct ApiGetNotifyAsync *)c->r)->out.result;
	}
	return NULL;
}

/*
 * Why a call ends without events.  MS-CMRP 3.1.4.2.66 and .138: a port
 * closed (or unblocked for closing) gives ERROR_NO_MORE_ITEMS;
 * 3.1.4.2.143: ApiGetNotifyAsync ended by ApiUnblockGetNotifyCall or
 * ApiCloseNotify gives ERROR_INVALID_FUNCTION.
 */
static WERROR notify_end_error(void *private_data, enum clusrv_wait_end why)
{
	struct notify_call_state *c = private_data;

	if (why == CLUSRV_WAIT_FAILED) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	if (c->kind == NOTIFY_CALL_ASYNC) {
		return WERR_INVALID_FUNCTION;
	}
	return WERR_NO_MORE_ITEMS;
}

/*
 * The RECONNECT indication MS-CMRP 3.1.4.2.66 asks for when events were
 * lost: the client must re-read the state it watches.
 */
static bool notify_lost_events(struct clusrv_notify *n)
{
	uint32_t dropped = clus_notify_port_num_dropped(n->port);

	if (dropped == n->dropped_seen) {
		return false;
	}
	n->dropped_seen = dropped;
	return true;
}

static WERROR notify_fill_v1(struct dcesrv_call_state *dce_call,
			     struct clusrv_notify *n, struct ApiGetNotify *r)
{
	struct clus_notify_event *ev;

	if (notify_lost_events(n)) {
		*r->out.dwFilter = CM_CHANGE_CLUSTER_RECONNECT;
		*r->out.Name = talloc_strdup(
			dce_call,
			clus_model_cluster(clusrv_model(dce_call))->name);
		if (*r->out.Name == NULL) {
			return WERR_NOT_ENOUGH_MEMORY;
		}
		return WERR_OK;
	}
	ev = clus_notify_port_pop(n->port, dce_call);
	if (ev == NULL) {
		return WERR_NO_MORE_ITEMS;
	}
	*r->out.dwNotifyKey = ev->notify_key;
	*r->out.dwFilter = ev->filter;
	*r->out.dwStateSequence = ev->state_sequence;
	*r->out.Name = ev->name;
	return WERR_OK;
}

static WERROR notify_fill_v2(struct dcesrv_call_state *dce_call,
			     struct clusrv_notify *n,
			     struct ApiGetNotifyV2 *r)
{
	uint32_t count = clus_notify_port_num_events(n->port);
	bool lost = notify_lost_events(n);
	struct NOTIFICATION_RPC *a;
	uint32_t i = 0;

	if (count > NOTIFY_BATCH_MAX) {
		count = NOTIFY_BATCH_MAX;
	}
	a = talloc_zero_array(dce_call, struct NOTIFICATION_RPC,
			      count + (lost ? 1 : 0));
	if (a == NULL) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	if (lost) {
		/* first the RECONNECT_V2 indication, as v1 does */
		struct NOTIFICATION_DATA_RPC *d = &a[0].NotificationData;
		const char *cname =
			clus_model_cluster(clusrv_model(dce_call))->name;

		d->FilterAndType.dwObjectType = CLUSTER_OBJECT_TYPE_CLUSTER;
		d->FilterAndType.FilterFlags =
			CLUSTER_CHANGE_CLUSTER_RECONNECT_V2;
		d->Name = talloc_strdup(a, cname);
		d->ObjectId = talloc_strdup(a, "");
		d->ParentId = talloc_strdup(a, "");
		d->Type = talloc_strdup(a, "");
		if (d->Name == NULL || d->ObjectId == NULL ||
		    d->ParentId == NULL || d->Type == NULL) {
			TALLOC_FREE(a);
			return WERR_NOT_ENOUGH_MEMORY;
		}
		i = 1;
		count++;
	}
	for (; i < count; i++) {
		struct NOTIFICATION_DATA_RPC *d = &a[i].NotificationData;
		struct clus_notify_event *ev;

		ev = clus_notify_port_pop(n->port, a);
		if (ev == NULL) {
			break;
		}
		a[i].dwNotifyKey = ev->notify_key;
		d->FilterAndType.dwObjectType = ev->object_type;
		d->FilterAndType.FilterFlags = ev->filter_flags;
		d->buffer = ev->buffer;
		d->dwBufferSize = ev->buffer_len;
		d->ObjectId = ev->object_id;
		d->ParentId = ev->parent_id;
		d->Name = ev->name;
		d->Type = ev->type;
	}
	*r->out.Notifications = a;
	*r->out.dwNumNotifications = i;
	return WERR_OK;
}

static WERROR notify_fill_async(struct dcesrv_call_state *dce_call,
				struct clusrv_notify *n,
				struct ApiGetNotifyAsync *r)
{
	uint32_t count = clus_notify_port_num_events(n->port);
	struct NOTIFICATION_DATA_ASYNC_RPC *a;
	uint32_t i;

	if (count > NOTIFY_BATCH_MAX) {
		count = NOTIFY_BATCH_MAX;
	}
	a = talloc_zero_array(dce_call, struct NOTIFICATION_DATA_ASYNC_RPC,
			       count);
	if (a == NULL) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	for (i = 0; i < count; i++) {
		struct clus_notify_event *ev;

		ev = clus_notify_port_pop(n->port, a);
		if (ev == NULL) {
			break;
		}
		a[i].dwNotifyKey = ev->notify_key;
		a[i].dwFilter = ev->filter;
		a[i].Name = ev->name;
	}
	*r->out.Notifications = a;
	*r->out.dwNumNotifications = i;
	return WERR_OK;
}

/* Answer from what is queued: false when there is nothing yet */
static bool notify_try_fill(struct dcesrv_call_state *dce_call,
			    struct clusrv_notify *n, enum notify_call kind,
			    void *r, WERROR *result)
{
	if (clus_notify_port_num_events(n->port) == 0 &&
	    !(kind == NOTIFY_CALL_V1 &&
	      clus_notify_port_num_dropped(n->port) != n->dropped_seen)) {
		return false;
	}
	switch (kind) {
	case NOTIFY_CALL_V1:
		*result = notify_fill_v1(dce_call, n, r);
		break;
	case NOTIFY_CALL_V2:
		*result = notify_fill_v2(dce_call, n, r);
		break;
	case NOTIFY_CALL_ASYNC:
		*result = notify_fill_async(dce_call, n, r);
		break;
	}
	return true;
}

/* clusrv_wait_ops.answer: the port looked up again, then notify_try_fill */
static bool notify_answer(struct dcesrv_call_state *dce_call,
			  void *private_data, struct clus_notify_port **port,
			  WERROR *result)
{
	struct notify_call_state *c = private_data;
	struct clusrv_notify *n;

	n = notify_get(dce_call, notify_call_handle(c->kind, c->r), 0);
	if (n == NULL) {
		/* closed from another connection meanwhile */
		*result = notify_end_error(c, CLUSRV_WAIT_CLOSED);
		return true;
	}
	*port = n->port;
	return notify_try_fill(dce_call, n, c->kind, c->r, result);
}

static const struct clusrv_wait_ops notify_wait_ops = {
	.answer = notify_answer,
	.end = notify_end_error,
	.result = notify_call_result,
};

static WERROR notify_get_call(struct dcesrv_call_state *dce_call,
			      enum notify_call kind, void *r)
{
	const struct policy_handle *h = notify_call_handle(kind, r);
	struct notify_call_state *c;

	if (notify_get(dce_call, h, kind == NOTIFY_CALL_V2 ? 2 : 1) == NULL) {
		return WERR_INVALID_HANDLE;
	}
	c = talloc(dce_call, struct notify_call_state);
	if (c == NULL) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	*c = (struct notify_call_state) { .kind = kind, .r = r };
	return clusrv_wait_call(dce_call, &notify_wait_ops, c);
}

WERROR dcesrv_ApiGetNotify(struct dcesrv_call_state *dce_call,
			   TALLOC_CTX *mem_ctx, struct ApiGetNotify *r)
{
	*r->out.dwNotifyKey = 0;
	*r->out.dwFilter = 0;
	*r->out.dwStateSequence = 0;
	*r->out.Name = NULL;
	*r->out.rpc_status = WERR_OK;
	return notify_get_call(dce_call, NOTIFY_CALL_V1, r);
}

WERROR dcesrv_ApiGetNotifyV2(struct dcesrv_call_state *dce_call,
			     TALLOC_CTX *mem_ctx, struct ApiGetNotifyV2 *r)
{
	*r->out.Notifications = NULL;
	*r->out.dwNumNotifications = 0;
	return notify_get_call(dce_call, NOTIFY_CALL_V2, r);
}

WERROR dcesrv_ApiGetNotifyAsync(struct dcesrv_call_state *dce_call,
				TALLOC_CTX *mem_ctx,
				struct ApiGetNotifyAsync *r)
{
	*r->out.Notifications = NULL;
	*r->out.dwNumNotifications = 0;
	return notify_get_call(dce_call, NOTIFY_CALL_ASYNC, r);
}
