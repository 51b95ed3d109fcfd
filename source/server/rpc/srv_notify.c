/*
 * clusapid: notification ports, version 1 (ApiCreateNotify ...) and
 * version 2 (ApiCreateNotifyV2 ...)
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model queues the events; a port lives as long as its handle
 * (it is the handle's priv), so it goes when the client closes it or
 * its association group ends. ApiGetNotify(V2) block: they are
 * answered asynchronously when an event is queued or the port is
 * unblocked or closed. The wait hangs off dce_call, so a client that
 * drops the connection takes its wait with it.
 */

#include "server/rpc/rpc_private.h"

struct notify_handle {
	struct clus_notify_port *port;
};

static int notify_handle_destructor(struct notify_handle *nh)
{
	/* pending ApiGetNotify calls complete with "closed" */
	clus_notify_port_close(nh->port);
	return 0;
}

static void create_port(struct dcesrv_call_state *dce_call, uint32_t version,
			WERROR *status, struct policy_handle *out)
{
	struct clusrv_handle *h = NULL;
	struct notify_handle *nh;
	uint32_t access = 0;

	NDR_ZERO_STRUCTP(out);
	*status = clusrv_grant_access(dce_call, MAXIMUM_ALLOWED, &access);
	if (!W_ERROR_IS_OK(*status)) {
		return;
	}
	*status = clusrv_handle_open(dce_call, CLUSRV_H_NOTIFY, "", access,
				     out, &h);
	if (!W_ERROR_IS_OK(*status)) {
		return;
	}
	nh = talloc_zero(h, struct notify_handle);
	if (nh == NULL) {
		goto nomem;
	}
	*status = W_ERROR(clus_notify_port_create(nh, clusrv_model(dce_call),
						  version, &nh->port));
	if (!W_ERROR_IS_OK(*status)) {
		clusrv_handle_close(dce_call, out, CLUSRV_H_NOTIFY);
		return;
	}
	talloc_set_destructor(nh, notify_handle_destructor);
	h->priv = nh;
	return;
nomem:
	clusrv_handle_close(dce_call, out, CLUSRV_H_NOTIFY);
	*status = WERR_NOT_ENOUGH_MEMORY;
}

void dcesrv_ApiCreateNotify(struct dcesrv_call_state *dce_call,
			    TALLOC_CTX *mem_ctx, struct ApiCreateNotify *r)
{
	create_port(dce_call, 1, r->out.Status, r->out.hNotify);
}

void dcesrv_ApiCreateNotifyV2(struct dcesrv_call_state *dce_call,
			      TALLOC_CTX *mem_ctx,
			      struct ApiCreateNotifyV2 *r)
{
	create_port(dce_call, 2, r->out.rpc_error, r->out.hNotify);
}

WERROR dcesrv_ApiCloseNotify(struct dcesrv_call_state *dce_call,
			     TALLOC_CTX *mem_ctx, struct ApiCloseNotify *r)
{
	WERROR werr = clusrv_handle_close(dce_call, r->in.Notify,
					  CLUSRV_H_NOTIFY);

	*r->out.Notify = *r->in.Notify;
	return werr;
}

static struct clus_notify_port *port_of(struct dcesrv_call_state *dce_call,
					const struct policy_handle *h,
					uint32_t version)
{
	struct clusrv_handle *d = clusrv_handle_get(dce_call, h,
						    CLUSRV_H_NOTIFY);
	struct notify_handle *nh;

	if (d == NULL || d->priv == NULL) {
		return NULL;
	}
	nh = talloc_get_type_abort(d->priv, struct notify_handle);
	if (version != 0 && clus_notify_port_version(nh->port) != version) {
		return NULL;
	}
	return nh->port;
}

/* The object behind any object handle, as the notification filters see
 * it: its CM_OBJ_* type and id (a registry key: its path) */
static WERROR object_of(struct dcesrv_call_state *dce_call,
			const struct policy_handle *h, uint32_t *type,
			const char **id)
{
	static const struct {
		enum clusrv_htype htype;
		uint32_t objtype;
	} map[] = {
		{ CLUSRV_H_CLUSTER, CM_OBJ_CLUSTER },
		{ CLUSRV_H_NODE, CM_OBJ_NODE },
		{ CLUSRV_H_GROUP, CM_OBJ_GROUP },
		{ CLUSRV_H_RESOURCE, CM_OBJ_RESOURCE },
		{ CLUSRV_H_NETWORK, CM_OBJ_NETWORK },
		{ CLUSRV_H_NETIF, CM_OBJ_NETINTERFACE },
		{ CLUSRV_H_KEY, CM_OBJ_REGISTRY },
		{ CLUSRV_H_GROUPSET, CM_OBJ_GROUPSET },
	};
	size_t i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		struct clusrv_handle *d = clusrv_handle_get(dce_call, h,
							    map[i].htype);

		if (d == NULL) {
			continue;
		}
		*type = map[i].objtype;
		*id = map[i].htype == CLUSRV_H_CLUSTER ? NULL : d->id;
		return WERR_OK;
	}
	return WERR_INVALID_HANDLE;
}

/* Every v1 ApiAddNotify<Object> and ApiReAddNotify<Object> */
static WERROR add_v1(struct dcesrv_call_state *dce_call,
		     const struct policy_handle *hnotify,
		     const struct policy_handle *hobject, uint32_t filter,
		     uint32_t key, bool readd, uint32_t state_seq,
		     uint32_t *out_seq, bool subtree)
{
	struct clus_notify_port *port = port_of(dce_call, hnotify, 1);
	const char *id = NULL;
	uint32_t type = 0;
	WERROR werr;

	if (out_seq != NULL) {
		*out_seq = 0;
	}
	if (port == NULL) {
		return WERR_INVALID_HANDLE;
	}
	werr = object_of(dce_call, hobject, &type, &id);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	if (readd) {
		return W_ERROR(clus_notify_readd_v1(port, type, id, filter,
						    key, state_seq));
	}
	return W_ERROR(clus_notify_add_v1(port, type, id, filter, key,
					  subtree, out_seq));
}

WERROR dcesrv_ApiAddNotifyCluster(struct dcesrv_call_state *dce_call,
				  TALLOC_CTX *mem_ctx,
				  struct ApiAddNotifyCluster *r)
{
	return add_v1(dce_call, &r->in.hNotify, &r->in.hCluster,
		      r->in.dwFilter, r->in.dwNotifyKey, false, 0, NULL,
		      false);
}

WERROR dcesrv_ApiAddNotifyNode(struct dcesrv_call_state *dce_call,
			       TALLOC_CTX *mem_ctx, struct ApiAddNotifyNode *r)
{
	return add_v1(dce_call, &r->in.hNotify, &r->in.hNode,
		      r->in.dwFilter, r->in.dwNotifyKey, false, 0,
		      r->out.dwStateSequence, false);
}

WERROR dcesrv_ApiAddNotifyGroup(struct dcesrv_call_state *dce_call,
				TALLOC_CTX *mem_ctx,
				struct ApiAddNotifyGroup *r)
{
	return add_v1(dce_call, &r->in.hNotify, &r->in.hGroup,
		      r->in.dwFilter, r->in.dwNotifyKey, false, 0,
		      r->out.dwStateSequence, false);
}

WERROR dcesrv_ApiAddNotifyResource(struct dcesrv_call_state *dce_call,
				   TALLOC_CTX *mem_ctx,
				   struct ApiAddNotifyResource *r)
{
	return add_v1(dce_call, &r->in.hNotify, &r->in.hResource,
		      r->in.dwFilter, r->in.dwNotifyKey, false, 0,
		      r->out.dwStateSequence, false);
}

WERROR dcesrv_ApiAddNotifyKey(struct dcesrv_call_state *dce_call,
			      TALLOC_CTX *mem_ctx, struct ApiAddNotifyKey *r)
{
	return add_v1(dce_call, &r->in.hNotify, &r->in.hKey, r->in.Filter,
		      r->in.dwNotifyKey, false, 0, NULL,
		      r->in.WatchSubTree);
}

WERROR dcesrv_ApiAddNotifyNetwork(struct dcesrv_call_state *dce_call,
				  TALLOC_CTX *mem_ctx,
				  struct ApiAddNotifyNetwork *r)
{
	return add_v1(dce_call, &r->in.hNotify, &r->in.hNetwork,
		      r->in.dwFilter, r->in.dwNotifyKey, false, 0,
		      r->out.dwStateSequence, false);
}

WERROR dcesrv_ApiAddNotifyNetInterface(struct dcesrv_call_state *dce_call,
				       TALLOC_CTX *mem_ctx,
				       struct ApiAddNotifyNetInterface *r)
{
	return add_v1(dce_call, &r->in.hNotify, &r->in.hNetInterface,
		      r->in.dwFilter, r->in.dwNotifyKey, false, 0,
		      r->out.dwStateSequence, false);
}

WERROR dcesrv_ApiReAddNotifyNode(struct dcesrv_call_state *dce_call,
				 TALLOC_CTX *mem_ctx,
				 struct ApiReAddNotifyNode *r)
{
	return add_v1(dce_call, &r->in.hNotify, &r->in.hNode,
		      r->in.dwFilter, r->in.dwNotifyKey, true,
		      r->in.StateSequence, NULL, false);
}

WERROR dcesrv_ApiReAddNotifyGroup(struct dcesrv_call_state *dce_call,
				  TALLOC_CTX *mem_ctx,
				  struct ApiReAddNotifyGroup *r)
{
	return add_v1(dce_call, &r->in.hNotify, &r->in.hGroup,
		      r->in.dwFilter, r->in.dwNotifyKey, true,
		      r->in.StateSequence, NULL, false);
}

WERROR dcesrv_ApiReAddNotifyResource(struct dcesrv_call_state *dce_call,
				     TALLOC_CTX *mem_ctx,
				     struct ApiReAddNotifyResource *r)
{
	return add_v1(dce_call, &r->in.hNotify, &r->in.hResource,
		      r->in.dwFilter, r->in.dwNotifyKey, true,
		      r->in.StateSequence, NULL, false);
}

WERROR dcesrv_ApiReAddNotifyNetwork(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx,
				    struct ApiReAddNotifyNetwork *r)
{
	return add_v1(dce_call, &r->in.hNotify, &r->in.hNetwork,
		      r->in.dwFilter, r->in.dwNotifyKey, true,
		      r->in.StateSequence, NULL, false);
}

WERROR dcesrv_ApiReAddNotifyNetInterface(struct dcesrv_call_state *dce_call,
					 TALLOC_CTX *mem_ctx,
					 struct ApiReAddNotifyNetInterface *r)
{
	return add_v1(dce_call, &r->in.hNotify, &r->in.hNetInterface,
		      r->in.dwFilter, r->in.dwNotifyKey, true,
		      r->in.StateSequence, NULL, false);
}

WERROR dcesrv_ApiAddNotifyV2(struct dcesrv_call_state *dce_call,
			     TALLOC_CTX *mem_ctx, struct ApiAddNotifyV2 *r)
{
	struct clus_notify_port *port = port_of(dce_call, &r->in.hNotify, 2);
	const char *id = NULL;
	uint32_t type = 0;
	WERROR werr;

	if (port == NULL) {
		return WERR_INVALID_HANDLE;
	}
	werr = object_of(dce_call, &r->in.hObject, &type, &id);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	/* the handle names the object only when the client says so */
	if (!r->in.isTargetedAtObject) {
		id = NULL;
	} else if (type != r->in.filter.dwObjectType) {
		return WERR_INVALID_PARAMETER;
	}
	return W_ERROR(clus_notify_add_v2(port, r->in.filter.dwObjectType,
					  r->in.filter.FilterFlags, id,
					  r->in.dwNotifyKey,
					  r->in.dwVersion));
}

WERROR dcesrv_ApiAddNotifyResourceTypeV2(struct dcesrv_call_state *dce_call,
					 TALLOC_CTX *mem_ctx,
					 struct ApiAddNotifyResourceTypeV2 *r)
{
	struct clus_notify_port *port = port_of(dce_call, &r->in.hNotify, 2);
	struct clus_restype *type = NULL;
	WERROR werr;

	if (port == NULL) {
		return WERR_INVALID_HANDLE;
	}
	werr = W_ERROR(clus_restype_lookup(clusrv_model(dce_call),
					   r->in.resTypeName != NULL ?
					   r->in.resTypeName : "", &type));
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_notify_add_v2(port, CM_OBJ_RESOURCE_TYPE,
					  r->in.filter, type->name,
					  r->in.dwNotifyKey,
					  r->in.dwVersion));
}

WERROR dcesrv_ApiUnblockGetNotifyCall(struct dcesrv_call_state *dce_call,
				      TALLOC_CTX *mem_ctx,
				      struct ApiUnblockGetNotifyCall *r)
{
	struct clus_notify_port *port = port_of(dce_call, &r->in.hNotify, 0);

	if (port == NULL) {
		return WERR_INVALID_HANDLE;
	}
	clus_notify_port_unblock(port);
	return WERR_OK;
}

/* The three ways of reading a port */
enum get_kind {
	GET_V1,		/* ApiGetNotify: one event */
	GET_V2,		/* ApiGetNotifyV2: every queued event */
	GET_ASYNC,	/* ApiGetNotifyAsync: every queued event, v1 form */
};

struct get_state {
	struct dcesrv_call_state *dce_call;
	struct clus_notify_port *port;
	enum get_kind kind;
	void *r;
};

static WERROR get_fill_v1(struct get_state *s)
{
	struct ApiGetNotify *r = s->r;
	struct clus_notify_event *ev;

	ev = clus_notify_port_pop(s->port, s->dce_call);
	if (ev == NULL) {
		return WERR_NO_MORE_ITEMS;
	}
	*r->out.dwNotifyKey = ev->notify_key;
	*r->out.dwFilter = ev->filter;
	*r->out.dwStateSequence = ev->state_sequence;
	*r->out.Name = ev->name;
	return WERR_OK;
}

static WERROR get_fill_v2(struct get_state *s)
{
	struct ApiGetNotifyV2 *r = s->r;
	uint32_t n = clus_notify_port_num_events(s->port), i;
	struct NOTIFICATION_RPC *list;

	list = talloc_zero_array(s->dce_call, struct NOTIFICATION_RPC, n);
	if (list == NULL) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	for (i = 0; i < n; i++) {
		struct clus_notify_event *ev =
			clus_notify_port_pop(s->port, list);
		struct NOTIFICATION_DATA_RPC *d = &list[i].NotificationData;

		if (ev == NULL) {
			break;
		}
		list[i].dwNotifyKey = ev->notify_key;
		d->FilterAndType.dwObjectType = ev->object_type;
		d->FilterAndType.FilterFlags = ev->filter_flags;
		d->buffer = ev->buffer;
		d->dwBufferSize = ev->buffer_len;
		d->ObjectId = ev->object_id;
		d->ParentId = ev->parent_id;
		d->Name = ev->name;
		d->Type = ev->type;
	}
	*r->out.Notifications = list;
	*r->out.dwNumNotifications = i;
	return WERR_OK;
}

static WERROR get_fill_async(struct get_state *s)
{
	struct ApiGetNotifyAsync *r = s->r;
	uint32_t n = clus_notify_port_num_events(s->port), i;
	struct NOTIFICATION_DATA_ASYNC_RPC *list;

	list = talloc_zero_array(s->dce_call,
				 struct NOTIFICATION_DATA_ASYNC_RPC, n);
	if (list == NULL) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	for (i = 0; i < n; i++) {
		struct clus_notify_event *ev =
			clus_notify_port_pop(s->port, list);

		if (ev == NULL) {
			break;
		}
		list[i].dwNotifyKey = ev->notify_key;
		list[i].dwFilter = ev->filter;
		list[i].Name = ev->name;
	}
	*r->out.Notifications = list;
	*r->out.dwNumNotifications = i;
	return WERR_OK;
}

/*
 * After a wait: events, or why there are none. MS-CMRP: a closed port
 * is ERROR_NO_MORE_ITEMS; an unblocked one ERROR_INVALID_FUNCTION for
 * ApiGetNotifyAsync, and ERROR_NO_MORE_ITEMS for the others.
 */
static WERROR get_fill(struct get_state *s, enum clus_notify_wait_result res)
{
	if (res == CLUS_NOTIFY_UNBLOCKED && s->kind == GET_ASYNC) {
		return WERR_INVALID_FUNCTION;
	}
	if (res != CLUS_NOTIFY_EVENTS) {
		return WERR_NO_MORE_ITEMS;
	}
	switch (s->kind) {
	case GET_V1:
		return get_fill_v1(s);
	case GET_V2:
		return get_fill_v2(s);
	case GET_ASYNC:
		return get_fill_async(s);
	}
	return WERR_INVALID_PARAMETER;
}

static WERROR *get_result(struct get_state *s)
{
	switch (s->kind) {
	case GET_V1:
		return &((struct ApiGetNotify *)s->r)->out.result;
	case GET_V2:
		return &((struct ApiGetNotifyV2 *)s->r)->out.result;
	case GET_ASYNC:
		return &((struct ApiGetNotifyAsync *)s->r)->out.result;
	}
	return NULL;
}

static void get_done(struct tevent_req *subreq)
{
	struct get_state *s = tevent_req_callback_data(subreq,
						       struct get_state);
	enum clus_notify_wait_result res = CLUS_NOTIFY_CLOSED;
	NTSTATUS status;
	int ret;

	ret = clus_notify_wait_recv(subreq, &res);
	TALLOC_FREE(subreq);
	if (ret != 0) {
		*get_result(s) = WERR_NOT_ENOUGH_MEMORY;
	} else {
		*get_result(s) = get_fill(s, res);
	}
	status = dcesrv_reply(s->dce_call);
	if (!NT_STATUS_IS_OK(status)) {
		DBG_WARNING("cannot send the reply: %s\n", nt_errstr(status));
	}
}

static WERROR get_notify(struct dcesrv_call_state *dce_call,
			 const struct policy_handle *h, uint32_t version,
			 enum get_kind kind, void *r)
{
	struct clus_notify_port *port = port_of(dce_call, h, version);
	struct tevent_req *subreq;
	struct get_state *s;

	if (port == NULL) {
		return WERR_INVALID_HANDLE;
	}
	s = talloc_zero(dce_call, struct get_state);
	if (s == NULL) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	*s = (struct get_state) {
		.dce_call = dce_call, .port = port, .kind = kind, .r = r,
	};
	if (clus_notify_port_num_events(port) > 0 ||
	    !(dce_call->state_flags & DCESRV_CALL_STATE_FLAG_MAY_ASYNC)) {
		return get_fill(s, clus_notify_port_num_events(port) > 0 ?
				CLUS_NOTIFY_EVENTS : CLUS_NOTIFY_UNBLOCKED);
	}
	subreq = clus_notify_wait_send(s, clusrv_call_server(dce_call)->ev, port);
	if (subreq == NULL) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	tevent_req_set_callback(subreq, get_done, s);
	dce_call->state_flags |= DCESRV_CALL_STATE_FLAG_ASYNC;
	return WERR_IO_PENDING;
}

WERROR dcesrv_ApiGetNotify(struct dcesrv_call_state *dce_call,
			   TALLOC_CTX *mem_ctx, struct ApiGetNotify *r)
{
	*r->out.dwNotifyKey = 0;
	*r->out.dwFilter = 0;
	*r->out.dwStateSequence = 0;
	return get_notify(dce_call, &r->in.hNotify, 1, GET_V1, r);
}

WERROR dcesrv_ApiGetNotifyV2(struct dcesrv_call_state *dce_call,
			     TALLOC_CTX *mem_ctx, struct ApiGetNotifyV2 *r)
{
	*r->out.dwNumNotifications = 0;
	return get_notify(dce_call, &r->in.hNotify, 2, GET_V2, r);
}

WERROR dcesrv_ApiGetNotifyAsync(struct dcesrv_call_state *dce_call,
				TALLOC_CTX *mem_ctx,
				struct ApiGetNotifyAsync *r)
{
	*r->out.dwNumNotifications = 0;
	return get_notify(dce_call, &r->in.hNotify, 0, GET_ASYNC, r);
}
