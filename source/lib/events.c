/*
 * libclusapi - the cluster's notifications, as a stream
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Version 2 where the server has it: ApiCreateNotifyV2, one
 * ApiAddNotifyV2 per kind of object with the cluster handle (not
 * targeted at one object: every node, group, ...), then ApiGetNotifyV2
 * again and again on the notification connection.  Otherwise version
 * 1: ApiCreateNotify, ApiAddNotifyCluster with every filter, then
 * ApiGetNotify.  Each notification goes to the caller's callback; the
 * stream ends only with an error, or when the caller frees it.
 */

#include "lib/clusapi_private.h"

#define EVENTS_KEY_BASE		0x45560000	/* "EV" */
/*
 * Every CLUSTER_CHANGE but those a client may not ask for (MS-CMRP
 * 2.2.2.7): REGISTRY_SUBTREE alone, CLUSTER_RECONNECT, CLUSTER_STATE,
 * HANDLE_CLOSE
 */
#define EVENTS_V1_FILTER	(0x7fffffff & ~(0x00000080 | 0x00080000 | \
						0x20000000))
#define EVENTS_V2_VERSION	2

/* The kinds of object a v2 stream registers for */
static const uint32_t events_v2_types[] = {
	CLUSTER_OBJECT_TYPE_CLUSTER,
	CLUSTER_OBJECT_TYPE_NODE,
	CLUSTER_OBJECT_TYPE_GROUP,
	CLUSTER_OBJECT_TYPE_RESOURCE,
	CLUSTER_OBJECT_TYPE_NETWORK,
	CLUSTER_OBJECT_TYPE_NETWORK_INTERFACE,
};

#define NUM_V2_TYPES (sizeof(events_v2_types) / sizeof(events_v2_types[0]))

struct clusapi_events_state {
	struct tevent_context *ev;
	struct clusapi_conn *conn;
	bool v1_only;
	WERROR werr;		/* the call's error that ended the stream */
	clusapi_notification_fn fn;
	void *private_data;

	struct policy_handle hcluster;
	struct policy_handle hnotify;
	WERROR status;
	WERROR rpc_status;
	size_t next_type;

	/* ApiGetNotifyV2 */
	struct NOTIFICATION_RPC *notifications;
	uint32_t num_notifications;
	/* ApiGetNotify */
	uint32_t key, filter, sequence;
	const char *name;
};

static void clusapi_events_opened(struct tevent_req *subreq);
static void clusapi_events_v2_created(struct tevent_req *subreq);
static void clusapi_events_v2_add(struct tevent_req *req);
static void clusapi_events_v2_added(struct tevent_req *subreq);
static void clusapi_events_v2_get(struct tevent_req *req);
static void clusapi_events_v2_got(struct tevent_req *subreq);
static void clusapi_events_v1_create(struct tevent_req *req);
static void clusapi_events_v1_created(struct tevent_req *subreq);
static void clusapi_events_v1_added(struct tevent_req *subreq);
static void clusapi_events_v1_get(struct tevent_req *req);
static void clusapi_events_v1_got(struct tevent_req *subreq);

struct tevent_req *clusapi_events_send(TALLOC_CTX *mem_ctx,
				       struct tevent_context *ev,
				       struct clusapi_conn *conn, bool v1_only,
				       clusapi_notification_fn fn,
				       void *private_data)
{
	struct tevent_req *req, *subreq;
	struct clusapi_events_state *state;

	req = tevent_req_create(mem_ctx, &state, struct clusapi_events_state);
	if (req == NULL) {
		return NULL;
	}
	state->ev = ev;
	state->conn = conn;
	state->werr = WERR_OK;
	state->v1_only = v1_only || conn->notify_h == NULL;
	state->fn = fn;
	state->private_data = private_data;
	subreq = clusapi_open_send(state, ev, conn, CLUSAPI_OBJECT_CLUSTER,
				   NULL);
	if (tevent_req_nomem(subreq, req)) {
		return tevent_req_post(req, ev);
	}
	tevent_req_set_callback(subreq, clusapi_events_opened, req);
	return req;
}

/* A call's error ends the stream: its WERROR as an NTSTATUS */
static bool clusapi_events_failed(struct tevent_req *req, NTSTATUS status,
				  WERROR werr)
{
	if (tevent_req_nterror(req, status)) {
		return true;
	}
	if (!W_ERROR_IS_OK(werr)) {
		struct clusapi_events_state *state = tevent_req_data(
			req, struct clusapi_events_state);

		state->werr = werr;
		tevent_req_done(req);
		return true;
	}
	return false;
}

static void clusapi_events_opened(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_events_state *state = tevent_req_data(
		req, struct clusapi_events_state);
	WERROR werr = WERR_OK;
	NTSTATUS status;

	status = clusapi_open_recv(subreq, &state->hcluster, &werr);
	TALLOC_FREE(subreq);
	if (clusapi_events_failed(req, status, werr)) {
		return;
	}
	if (state->v1_only) {
		clusapi_events_v1_create(req);
		return;
	}
	subreq = dcerpc_ApiCreateNotifyV2_send(state, state->ev,
					       state->conn->h, &state->status,
					       &state->rpc_status,
					       &state->hnotify);
	if (tevent_req_nomem(subreq, req)) {
		return;
	}
	tevent_req_set_callback(subreq, clusapi_events_v2_created, req);
}

static void clusapi_events_v2_created(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_events_state *state = tevent_req_data(
		req, struct clusapi_events_state);
	NTSTATUS status;

	status = dcerpc_ApiCreateNotifyV2_recv(subreq, state);
	TALLOC_FREE(subreq);
	if (!NT_STATUS_IS_OK(status) || !W_ERROR_IS_OK(state->status) ||
	    !clusapi_handle_is_set(&state->hnotify)) {
		/* no version 2 here: version 1 */
		clusapi_events_v1_create(req);
		return;
	}
	clusapi_events_v2_add(req);
}

static void clusapi_events_v2_add(struct tevent_req *req)
{
	struct clusapi_events_state *state = tevent_req_data(
		req, struct clusapi_events_state);
	struct NOTIFY_FILTER_AND_TYPE_RPC filter = {
		.FilterFlags = 0xffffffff,
	};
	struct tevent_req *subreq;

	if (state->next_type == NUM_V2_TYPES) {
		clusapi_events_v2_get(req);
		return;
	}
	filter.dwObjectType = events_v2_types[state->next_type];
	subreq = dcerpc_ApiAddNotifyV2_send(state, state->ev, state->conn->h,
					    state->hnotify, state->hcluster,
					    filter, EVENTS_KEY_BASE +
					    filter.dwObjectType,
					    EVENTS_V2_VERSION, 0,
					    &state->rpc_status);
	if (tevent_req_nomem(subreq, req)) {
		return;
	}
	tevent_req_set_callback(subreq, clusapi_events_v2_added, req);
}

static void clusapi_events_v2_added(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_events_state *state = tevent_req_data(
		req, struct clusapi_events_state);
	WERROR result = WERR_OK;
	NTSTATUS status;

	status = dcerpc_ApiAddNotifyV2_recv(subreq, state, &result);
	TALLOC_FREE(subreq);
	if (clusapi_events_failed(req, status, result)) {
		return;
	}
	state->next_type += 1;
	clusapi_events_v2_add(req);
}

static void clusapi_events_v2_get(struct tevent_req *req)
{
	struct clusapi_events_state *state = tevent_req_data(
		req, struct clusapi_events_state);
	struct tevent_req *subreq;

	TALLOC_FREE(state->notifications);
	state->num_notifications = 0;
	subreq = dcerpc_ApiGetNotifyV2_send(state, state->ev,
					    state->conn->notify_h,
					    state->hnotify,
					    &state->notifications,
					    &state->num_notifications);
	if (tevent_req_nomem(subreq, req)) {
		return;
	}
	tevent_req_set_callback(subreq, clusapi_events_v2_got, req);
}

static void clusapi_events_v2_got(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_events_state *state = tevent_req_data(
		req, struct clusapi_events_state);
	WERROR result = WERR_OK;
	NTSTATUS status;
	uint32_t i;

	status = dcerpc_ApiGetNotifyV2_recv(subreq, state, &result);
	TALLOC_FREE(subreq);
	if (clusapi_events_failed(req, status, result)) {
		return;
	}
	for (i = 0; state->notifications != NULL &&
		    i < state->num_notifications; i++) {
		struct NOTIFICATION_DATA_RPC *d =
			&state->notifications[i].NotificationData;
		struct clusapi_notification n = {
			.version = 2,
			.object_type = d->FilterAndType.dwObjectType,
			.filter = d->FilterAndType.FilterFlags,
			.name = d->Name,
			.object_id = d->ObjectId,
			.parent_id = d->ParentId,
			.type = d->Type,
		};

		state->fn(&n, state->private_data);
	}
	clusapi_events_v2_get(req);
}

static void clusapi_events_v1_create(struct tevent_req *req)
{
	struct clusapi_events_state *state = tevent_req_data(
		req, struct clusapi_events_state);
	struct tevent_req *subreq;

	state->v1_only = true;
	subreq = dcerpc_ApiCreateNotify_send(state, state->ev, state->conn->h,
					     &state->status,
					     &state->rpc_status,
					     &state->hnotify);
	if (tevent_req_nomem(subreq, req)) {
		return;
	}
	tevent_req_set_callback(subreq, clusapi_events_v1_created, req);
}

static void clusapi_events_v1_created(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_events_state *state = tevent_req_data(
		req, struct clusapi_events_state);
	NTSTATUS status;

	status = dcerpc_ApiCreateNotify_recv(subreq, state);
	TALLOC_FREE(subreq);
	if (clusapi_events_failed(req, status, state->status)) {
		return;
	}
	subreq = dcerpc_ApiAddNotifyCluster_send(state, state->ev,
						 state->conn->h,
						 state->hnotify,
						 state->hcluster,
						 EVENTS_V1_FILTER,
						 EVENTS_KEY_BASE,
						 &state->rpc_status);
	if (tevent_req_nomem(subreq, req)) {
		return;
	}
	tevent_req_set_callback(subreq, clusapi_events_v1_added, req);
}

static void clusapi_events_v1_added(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_events_state *state = tevent_req_data(
		req, struct clusapi_events_state);
	WERROR result = WERR_OK;
	NTSTATUS status;

	status = dcerpc_ApiAddNotifyCluster_recv(subreq, state, &result);
	TALLOC_FREE(subreq);
	if (clusapi_events_failed(req, status, result)) {
		return;
	}
	clusapi_events_v1_get(req);
}

static void clusapi_events_v1_get(struct tevent_req *req)
{
	struct clusapi_events_state *state = tevent_req_data(
		req, struct clusapi_events_state);
	struct dcerpc_binding_handle *h = state->conn->notify_h != NULL ?
		state->conn->notify_h : state->conn->h;
	struct tevent_req *subreq;

	state->name = NULL;
	subreq = dcerpc_ApiGetNotify_send(state, state->ev, h, state->hnotify,
					  &state->key, &state->filter,
					  &state->sequence, &state->name,
					  &state->rpc_status);
	if (tevent_req_nomem(subreq, req)) {
		return;
	}
	tevent_req_set_callback(subreq, clusapi_events_v1_got, req);
}

static void clusapi_events_v1_got(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_events_state *state = tevent_req_data(
		req, struct clusapi_events_state);
	WERROR result = WERR_OK;
	NTSTATUS status;
	struct clusapi_notification n = { .version = 1 };

	status = dcerpc_ApiGetNotify_recv(subreq, state, &result);
	TALLOC_FREE(subreq);
	if (clusapi_events_failed(req, status, result)) {
		return;
	}
	n.filter = state->filter;
	n.name = state->name;
	state->fn(&n, state->private_data);
	clusapi_events_v1_get(req);
}

NTSTATUS clusapi_events_recv(struct tevent_req *req, WERROR *werr)
{
	struct clusapi_events_state *state = tevent_req_data(
		req, struct clusapi_events_state);
	NTSTATUS status;

	*werr = state->werr;
	if (tevent_req_is_nterror(req, &status)) {
		tevent_req_received(req);
		return status;
	}
	tevent_req_received(req);
	return NT_STATUS_OK;
}

/* ---- names ---------------------------------------------------------- */

static const struct {
	uint32_t object_type;	/* 0: version 1 */
	uint32_t flag;
	const char *name;
} event_names[] = {
	{ CLUSTER_OBJECT_TYPE_GROUP, 0x01, "deleted" },
	{ CLUSTER_OBJECT_TYPE_GROUP, 0x02, "common-property" },
	{ CLUSTER_OBJECT_TYPE_GROUP, 0x04, "private-property" },
	{ CLUSTER_OBJECT_TYPE_GROUP, 0x08, "state" },
	{ CLUSTER_OBJECT_TYPE_GROUP, 0x10, "owner-node" },
	{ CLUSTER_OBJECT_TYPE_GROUP, 0x20, "preferred-owners" },
	{ CLUSTER_OBJECT_TYPE_GROUP, 0x40, "resource-added" },
	{ CLUSTER_OBJECT_TYPE_GROUP, 0x80, "resource-gained" },
	{ CLUSTER_OBJECT_TYPE_GROUP, 0x100, "resource-lost" },
	{ CLUSTER_OBJECT_TYPE_RESOURCE, 0x01, "common-property" },
	{ CLUSTER_OBJECT_TYPE_RESOURCE, 0x02, "private-property" },
	{ CLUSTER_OBJECT_TYPE_RESOURCE, 0x04, "state" },
	{ CLUSTER_OBJECT_TYPE_RESOURCE, 0x08, "owner-group" },
	{ CLUSTER_OBJECT_TYPE_RESOURCE, 0x10, "dependencies" },
	{ CLUSTER_OBJECT_TYPE_RESOURCE, 0x20, "dependents" },
	{ CLUSTER_OBJECT_TYPE_RESOURCE, 0x40, "possible-owners" },
	{ CLUSTER_OBJECT_TYPE_RESOURCE, 0x80, "deleted" },
	{ CLUSTER_OBJECT_TYPE_NODE, 0x02, "deleted" },
	{ CLUSTER_OBJECT_TYPE_NODE, 0x04, "common-property" },
	{ CLUSTER_OBJECT_TYPE_NODE, 0x08, "private-property" },
	{ CLUSTER_OBJECT_TYPE_NODE, 0x10, "state" },
	{ CLUSTER_OBJECT_TYPE_NODE, 0x20, "group-gained" },
	{ CLUSTER_OBJECT_TYPE_NODE, 0x40, "group-lost" },
	{ CLUSTER_OBJECT_TYPE_CLUSTER, 0x04, "group-added" },
	{ CLUSTER_OBJECT_TYPE_CLUSTER, 0x20, "node-added" },
	{ CLUSTER_OBJECT_TYPE_CLUSTER, 0x80, "common-property" },
	{ CLUSTER_OBJECT_TYPE_CLUSTER, 0x100, "private-property" },
	{ CLUSTER_OBJECT_TYPE_NETWORK, 0x02, "common-property" },
	{ CLUSTER_OBJECT_TYPE_NETWORK, 0x04, "private-property" },
	{ CLUSTER_OBJECT_TYPE_NETWORK_INTERFACE, 0x02, "common-property" },
	{ CLUSTER_OBJECT_TYPE_NETWORK_INTERFACE, 0x04, "private-property" },
	{ CLUSTER_OBJECT_TYPE_CLUSTER, 0x200, "lost-notifications" },
	{ 0, CLUSTER_CHANGE_NODE_STATE, "node-state" },
	{ 0, CLUSTER_CHANGE_NODE_DELETED, "node-deleted" },
	{ 0, CLUSTER_CHANGE_NODE_ADDED, "node-added" },
	{ 0, CLUSTER_CHANGE_NODE_PROPERTY, "node-property" },
	{ 0, CLUSTER_CHANGE_REGISTRY_NAME, "key-name" },
	{ 0, CLUSTER_CHANGE_REGISTRY_ATTRIBUTES, "key-attributes" },
	{ 0, CLUSTER_CHANGE_REGISTRY_VALUE, "key-value" },
	{ 0, CLUSTER_CHANGE_REGISTRY_SUBTREE, "key-subtree" },
	{ 0, CLUSTER_CHANGE_RESOURCE_STATE, "resource-state" },
	{ 0, CLUSTER_CHANGE_RESOURCE_DELETED, "resource-deleted" },
	{ 0, CLUSTER_CHANGE_RESOURCE_ADDED, "resource-added" },
	{ 0, CLUSTER_CHANGE_RESOURCE_PROPERTY, "resource-property" },
	{ 0, CLUSTER_CHANGE_GROUP_STATE, "group-state" },
	{ 0, CLUSTER_CHANGE_GROUP_DELETED, "group-deleted" },
	{ 0, CLUSTER_CHANGE_GROUP_ADDED, "group-added" },
	{ 0, CLUSTER_CHANGE_GROUP_PROPERTY, "group-property" },
	{ 0, CLUSTER_CHANGE_RESOURCE_TYPE_DELETED, "restype-deleted" },
	{ 0, CLUSTER_CHANGE_RESOURCE_TYPE_ADDED, "restype-added" },
	{ 0, CLUSTER_CHANGE_RESOURCE_TYPE_PROPERTY, "restype-property" },
	{ 0, CLUSTER_CHANGE_CLUSTER_RECONNECT, "reconnect" },
	{ 0, CLUSTER_CHANGE_NETWORK_STATE, "network-state" },
	{ 0, CLUSTER_CHANGE_NETWORK_DELETED, "network-deleted" },
	{ 0, CLUSTER_CHANGE_NETWORK_ADDED, "network-added" },
	{ 0, CLUSTER_CHANGE_NETWORK_PROPERTY, "network-property" },
	{ 0, CLUSTER_CHANGE_NETINTERFACE_STATE, "interface-state" },
	{ 0, CLUSTER_CHANGE_NETINTERFACE_DELETED, "interface-deleted" },
	{ 0, CLUSTER_CHANGE_NETINTERFACE_ADDED, "interface-added" },
	{ 0, CLUSTER_CHANGE_NETINTERFACE_PROPERTY, "interface-property" },
	{ 0, CLUSTER_CHANGE_QUORUM_STATE, "quorum-state" },
	{ 0, CLUSTER_CHANGE_CLUSTER_STATE, "cluster-state" },
	{ 0, CLUSTER_CHANGE_CLUSTER_PROPERTY, "cluster-property" },
	{ 0, CLUSTER_CHANGE_HANDLE_CLOSE, "handle-close" },
};

/* version 1: the object a CLUSTER_CHANGE filter speaks of */
static const struct {
	uint32_t mask;
	const char *name;
} v1_objects[] = {
	{ 0x0000000f, "node" },
	{ 0x000000f0, "key" },
	{ 0x00000f00, "resource" },
	{ 0x0000f000, "group" },
	{ 0x00070000, "restype" },
	{ 0x00f00000, "network" },
	{ 0x0f000000, "interface" },
};

static const char *v1_object_name(uint32_t filter)
{
	size_t i;

	for (i = 0; i < sizeof(v1_objects) / sizeof(v1_objects[0]); i++) {
		if (filter & v1_objects[i].mask) {
			return v1_objects[i].name;
		}
	}
	return "cluster";
}

const char *clusapi_notification_object_name(
	const struct clusapi_notification *n)
{
	switch (n->version == 1 ? 0 : n->object_type) {
	case CLUSTER_OBJECT_TYPE_CLUSTER: return "cluster";
	case CLUSTER_OBJECT_TYPE_GROUP: return "group";
	case CLUSTER_OBJECT_TYPE_RESOURCE: return "resource";
	case CLUSTER_OBJECT_TYPE_NODE: return "node";
	case CLUSTER_OBJECT_TYPE_NETWORK: return "network";
	case CLUSTER_OBJECT_TYPE_NETWORK_INTERFACE: return "interface";
	case 0:
		return v1_object_name(n->filter);
	default:
		return "object";
	}
}

char *clusapi_notification_change(TALLOC_CTX *mem_ctx,
				  const struct clusapi_notification *n)
{
	uint32_t type = n->version == 1 ? 0 : n->object_type;
	uint32_t rest = n->filter;
	char *s = talloc_strdup(mem_ctx, "");
	size_t i;

	for (i = 0; s != NULL && i < sizeof(event_names) /
				    sizeof(event_names[0]); i++) {
		if (event_names[i].object_type != type ||
		    (rest & event_names[i].flag) == 0) {
			continue;
		}
		s = talloc_asprintf_append(s, "%s%s", s[0] != '\0' ? "," : "",
					   event_names[i].name);
		rest &= ~event_names[i].flag;
	}
	if (s != NULL && rest != 0) {
		s = talloc_asprintf_append(s, "%s0x%x", s[0] != '\0' ? "," : "",
					   rest);
	}
	return s;
}
