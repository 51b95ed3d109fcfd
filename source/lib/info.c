/*
 * libclusapi - show and list nodes, groups and resources; cluster info
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stddef.h>
#include <stdlib.h>
#include "lib/clusapi_private.h"

/* ---- one object ------------------------------------------------- */

struct clusapi_object_info_state {
	struct tevent_context *ev;
	struct clusapi_conn *conn;
	bool details;
	struct clusapi_object_info *info;
	struct policy_handle handle;
	unsigned pending;
};

static void clusapi_object_info_opened(struct tevent_req *subreq);
static void clusapi_object_info_got_state(struct tevent_req *subreq);
static void clusapi_object_info_got(struct tevent_req *subreq);

struct tevent_req *clusapi_object_info_send(TALLOC_CTX *mem_ctx,
					    struct tevent_context *ev,
					    struct clusapi_conn *conn,
					    enum clusapi_object_type type,
					    const char *name, bool details)
{
	struct tevent_req *req, *subreq;
	struct clusapi_object_info_state *state;
	struct clusapi_object_info *info;

	req = tevent_req_create(mem_ctx, &state,
				struct clusapi_object_info_state);
	if (req == NULL) {
		return NULL;
	}
	state->ev = ev;
	state->conn = conn;
	state->details = details;

	if (name == NULL || type == CLUSAPI_OBJECT_CLUSTER) {
		tevent_req_nterror(req, NT_STATUS_INVALID_PARAMETER);
		return tevent_req_post(req, ev);
	}

	info = talloc_zero(state, struct clusapi_object_info);
	if (tevent_req_nomem(info, req)) {
		return tevent_req_post(req, ev);
	}
	state->info = info;
	info->type = type;
	info->state = CLUSAPI_STATE_UNKNOWN;
	info->status = NT_STATUS_OK;
	info->werr = WERR_OK;
	info->name = talloc_strdup(info, name);
	if (tevent_req_nomem(info->name, req)) {
		return tevent_req_post(req, ev);
	}

	subreq = clusapi_open_send(state, ev, conn, type, name);
	if (tevent_req_nomem(subreq, req)) {
		return tevent_req_post(req, ev);
	}
	tevent_req_set_callback(subreq, clusapi_object_info_opened, req);
	return req;
}

/* Keep the first failure */
static void clusapi_object_info_failed(struct clusapi_object_info *info,
				       const char *call, NTSTATUS status,
				       WERROR werr)
{
	if (info->failed_call != NULL) {
		return;
	}
	if (NT_STATUS_IS_OK(status) && W_ERROR_IS_OK(werr)) {
		return;
	}
	info->failed_call = call;
	info->status = status;
	info->werr = werr;
}

static void clusapi_object_info_send_one(struct tevent_req *req,
					 struct tevent_req *subreq,
					 tevent_req_fn fn)
{
	struct clusapi_object_info_state *state = tevent_req_data(
		req, struct clusapi_object_info_state);

	if (tevent_req_nomem(subreq, req)) {
		return;
	}
	tevent_req_set_callback(subreq, fn, req);
	state->pending += 1;
}

/* The lists "show" adds, per object type: which enumeration fills which */
static const struct clusapi_object_info_list {
	enum clusapi_object_type type;
	uint32_t enum_type;		/* CLUSAPI_*_ENUM_* */
	const char *call;		/* for a failure */
	size_t names;			/* char ** in clusapi_object_info */
	size_t count;			/* its uint32_t count */
} clusapi_object_info_lists[] = {
	{ CLUSAPI_OBJECT_NODE, CLUSAPI_NODE_ENUM_GROUPS, "ApiCreateNodeEnum",
	  offsetof(struct clusapi_object_info, groups),
	  offsetof(struct clusapi_object_info, num_groups) },
	{ CLUSAPI_OBJECT_GROUP, CLUSAPI_GROUP_ENUM_CONTAINS,
	  "ApiCreateGroupResourceEnum",
	  offsetof(struct clusapi_object_info, resources),
	  offsetof(struct clusapi_object_info, num_resources) },
	{ CLUSAPI_OBJECT_GROUP, CLUSAPI_GROUP_ENUM_NODES,
	  "ApiCreateGroupResourceEnum",
	  offsetof(struct clusapi_object_info, nodes),
	  offsetof(struct clusapi_object_info, num_nodes) },
	{ CLUSAPI_OBJECT_RESOURCE, CLUSAPI_RESOURCE_ENUM_DEPENDS,
	  "ApiCreateResEnum",
	  offsetof(struct clusapi_object_info, resources),
	  offsetof(struct clusapi_object_info, num_resources) },
	{ CLUSAPI_OBJECT_RESOURCE, CLUSAPI_RESOURCE_ENUM_NODES,
	  "ApiCreateResEnum",
	  offsetof(struct clusapi_object_info, nodes),
	  offsetof(struct clusapi_object_info, num_nodes) },
};

/*
 * One enumeration or string query in flight: the request, and the list
 * or the string it fills (the other is NULL).
 */
struct clusapi_object_info_query {
	struct tevent_req *req;
	const struct clusapi_object_info_list *list;
	const struct clusapi_object_info_string *string;
};

static struct clusapi_object_info_query *clusapi_object_info_query(
	struct tevent_req *req, const struct clusapi_object_info_list *list,
	const struct clusapi_object_info_string *string)
{
	struct clusapi_object_info_state *state = tevent_req_data(
		req, struct clusapi_object_info_state);
	struct clusapi_object_info_query *q;

	q = talloc(state, struct clusapi_object_info_query);
	if (tevent_req_nomem(q, req)) {
		return NULL;
	}
	*q = (struct clusapi_object_info_query) {
		.req = req, .list = list, .string = string,
	};
	return q;
}

/* subreq (on q) was sent for q: count it in */
static void clusapi_object_info_query_sent(
	struct clusapi_object_info_query *q, struct tevent_req *subreq)
{
	struct clusapi_object_info_state *state = tevent_req_data(
		q->req, struct clusapi_object_info_state);

	if (tevent_req_nomem(subreq, q->req)) {
		return;
	}
	tevent_req_set_callback(subreq, clusapi_object_info_got, q);
	state->pending += 1;
}

static void clusapi_object_info_send_lists(struct tevent_req *req)
{
	struct clusapi_object_info_state *state = tevent_req_data(
		req, struct clusapi_object_info_state);
	size_t i;

	for (i = 0; i < sizeof(clusapi_object_info_lists) /
		    sizeof(clusapi_object_info_lists[0]); i++) {
		const struct clusapi_object_info_list *l =
			&clusapi_object_info_lists[i];
		struct clusapi_object_info_query *q;

		if (l->type != state->info->type) {
			continue;
		}
		q = clusapi_object_info_query(req, l, NULL);
		if (q == NULL) {
			return;
		}
		clusapi_object_info_query_sent(
			q, clusapi_enum_send(q, state->ev, state->conn,
					     l->type, &state->handle,
					     l->enum_type));
	}
}

/* ApiGetResourceType in the shape of clusapi_get_id_send() */
static struct tevent_req *clusapi_object_info_type_send(
	TALLOC_CTX *mem_ctx, struct tevent_context *ev,
	struct clusapi_conn *conn, enum clusapi_object_type type,
	const struct policy_handle *hresource)
{
	return clusapi_get_resource_type_send(mem_ctx, ev, conn, hresource);
}

/*
 * A string "show" reads (the id, a resource's type): the call for each
 * object type, its recv and the char * of clusapi_object_info it fills.
 */
static const struct clusapi_object_info_string {
	const char *calls[CLUSAPI_OBJECT_RESOURCE + 1];
	struct tevent_req *(*send)(TALLOC_CTX *mem_ctx,
				   struct tevent_context *ev,
				   struct clusapi_conn *conn,
				   enum clusapi_object_type type,
				   const struct policy_handle *handle);
	NTSTATUS (*recv)(struct tevent_req *req, TALLOC_CTX *mem_ctx,
			 char **value, WERROR *werr);
	size_t value;
} clusapi_object_info_id = {
	.calls = {
		[CLUSAPI_OBJECT_CLUSTER] = "ApiGetClusterId",
		[CLUSAPI_OBJECT_NODE] = "ApiGetNodeId",
		[CLUSAPI_OBJECT_GROUP] = "ApiGetGroupId",
		[CLUSAPI_OBJECT_RESOURCE] = "ApiGetResourceId",
	},
	.send = clusapi_get_id_send,
	.recv = clusapi_get_id_recv,
	.value = offsetof(struct clusapi_object_info, id),
}, clusapi_object_info_type = {
	.calls = {
		[CLUSAPI_OBJECT_RESOURCE] = "ApiGetResourceType",
	},
	.send = clusapi_object_info_type_send,
	.recv = clusapi_get_resource_type_recv,
	.value = offsetof(struct clusapi_object_info, resource_type),
};

static void clusapi_object_info_send_string(
	struct tevent_req *req, const struct clusapi_object_info_string *s)
{
	struct clusapi_object_info_state *state = tevent_req_data(
		req, struct clusapi_object_info_state);
	struct clusapi_object_info_query *q;

	q = clusapi_object_info_query(req, NULL, s);
	if (q == NULL) {
		return;
	}
	clusapi_object_info_query_sent(
		q, s->send(q, state->ev, state->conn, state->info->type,
			   &state->handle));
}

static void clusapi_object_info_opened(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_object_info_state *state = tevent_req_data(
		req, struct clusapi_object_info_state);
	struct clusapi_object_info *info = state->info;
	struct clusapi_conn *conn = state->conn;
	struct tevent_context *ev = state->ev;
	WERROR werr = WERR_OK;
	NTSTATUS status;

	status = clusapi_open_recv(subreq, &state->handle, &werr);
	TALLOC_FREE(subreq);
	if (!NT_STATUS_IS_OK(status) || !W_ERROR_IS_OK(werr)) {
		clusapi_object_info_failed(
			info, clusapi_open_call_name(info->type), status,
			werr);
		tevent_req_done(req);
		return;
	}

	clusapi_object_info_send_one(
		req, clusapi_get_state_send(state, ev, conn, info->type,
					    &state->handle),
		clusapi_object_info_got_state);
	clusapi_object_info_send_string(req, &clusapi_object_info_id);
	if (info->type == CLUSAPI_OBJECT_RESOURCE) {
		clusapi_object_info_send_string(req,
						&clusapi_object_info_type);
	}
	if (state->details) {
		clusapi_object_info_send_lists(req);
	}
}

/* One of the queries came back: close the object after the last one */
static void clusapi_object_info_one_done(struct tevent_req *req)
{
	struct clusapi_object_info_state *state = tevent_req_data(
		req, struct clusapi_object_info_state);

	state->pending -= 1;
	if (state->pending > 0) {
		return;
	}
	clusapi_close_all_and_finish(req, state, state->ev, state->conn,
				     &state->info->type, &state->handle, 1);
}

static void clusapi_object_info_got_state(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_object_info_state *state = tevent_req_data(
		req, struct clusapi_object_info_state);
	struct clusapi_object_info *info = state->info;
	static const char *calls[] = {
		[CLUSAPI_OBJECT_CLUSTER] = "ApiGetClusterState",
		[CLUSAPI_OBJECT_NODE] = "ApiGetNodeState",
		[CLUSAPI_OBJECT_GROUP] = "ApiGetGroupState",
		[CLUSAPI_OBJECT_RESOURCE] = "ApiGetResourceState",
	};
	char *owner = NULL, *group = NULL;
	WERROR werr = WERR_OK;
	NTSTATUS status;

	status = clusapi_get_state_recv(subreq, info, &info->state, &owner,
					&group, &werr);
	TALLOC_FREE(subreq);
	info->owner_node = owner;
	info->group = group;
	clusapi_object_info_failed(info, calls[info->type], status, werr);
	clusapi_object_info_one_done(req);
}

static void clusapi_object_info_got(struct tevent_req *subreq)
{
	struct clusapi_object_info_query *q = tevent_req_callback_data(
		subreq, struct clusapi_object_info_query);
	struct tevent_req *req = q->req;
	const struct clusapi_object_info_list *l = q->list;
	const struct clusapi_object_info_string *string = q->string;
	struct clusapi_object_info_state *state = tevent_req_data(
		req, struct clusapi_object_info_state);
	struct clusapi_object_info *info = state->info;
	uint8_t *base = (uint8_t *)info;
	WERROR werr = WERR_OK;
	NTSTATUS status;

	if (l != NULL) {
		status = clusapi_enum_recv(subreq, info,
					   (char ***)(base + l->names),
					   (uint32_t *)(base + l->count),
					   &werr);
	} else {
		status = string->recv(subreq, info,
				      (char **)(base + string->value), &werr);
	}
	TALLOC_FREE(q);
	clusapi_object_info_failed(info, l != NULL ? l->call :
				   string->calls[info->type], status, werr);
	clusapi_object_info_one_done(req);
}

NTSTATUS clusapi_object_info_recv(struct tevent_req *req,
				  TALLOC_CTX *mem_ctx,
				  struct clusapi_object_info **pinfo,
				  WERROR *werr)
{
	struct clusapi_object_info_state *state = tevent_req_data(
		req, struct clusapi_object_info_state);
	struct clusapi_object_info *info = state->info;
	NTSTATUS status;

	if (tevent_req_is_nterror(req, &status)) {
		tevent_req_received(req);
		return status;
	}
	status = info->status;
	*werr = info->werr;
	*pinfo = talloc_move(mem_ctx, &state->info);
	tevent_req_received(req);
	return status;
}

/* ---- lists ------------------------------------------------------ */

struct clusapi_list_state {
	struct tevent_context *ev;
	struct clusapi_conn *conn;
	enum clusapi_object_type type;
	const char *group;
	struct policy_handle hgroup;
	char **names;
	uint32_t count;
	struct clusapi_object_info *objects;
	uint32_t pending;
	uint32_t next;		/* the next name to query */
	struct policy_handle hcluster;	/* for ApiCreateGroupEnum */
	struct GROUP_ENUM_LIST *groups;
	WERROR werr;
};

/*
 * Objects queried at once. libdcerpc finds the answer to a call by
 * walking its list of pending calls, so thousands in flight cost time
 * quadratic in their number (10,000 groups: 12 s of client CPU).
 */
#define CLUSAPI_LIST_IN_FLIGHT 32

static void clusapi_list_group_opened(struct tevent_req *subreq);
static void clusapi_list_enumerated(struct tevent_req *subreq);
static void clusapi_list_group_closed(struct tevent_req *subreq);
static void clusapi_list_cluster_opened(struct tevent_req *subreq);
static void clusapi_list_group_enum_done(struct tevent_req *subreq);
static void clusapi_list_cluster_closed(struct tevent_req *subreq);
static void clusapi_list_by_names(struct tevent_req *req);
static void clusapi_list_query(struct tevent_req *req);
static void clusapi_list_got_one(struct tevent_req *subreq);

struct tevent_req *clusapi_list_send(TALLOC_CTX *mem_ctx,
				     struct tevent_context *ev,
				     struct clusapi_conn *conn,
				     enum clusapi_object_type type,
				     const char *group)
{
	struct tevent_req *req, *subreq;
	struct clusapi_list_state *state;

	req = tevent_req_create(mem_ctx, &state, struct clusapi_list_state);
	if (req == NULL) {
		return NULL;
	}
	state->ev = ev;
	state->conn = conn;
	state->type = type;
	state->werr = WERR_OK;

	switch (type) {
	case CLUSAPI_OBJECT_NODE:
	case CLUSAPI_OBJECT_GROUP:
	case CLUSAPI_OBJECT_RESOURCE:
		break;
	default:
		tevent_req_nterror(req, NT_STATUS_INVALID_PARAMETER);
		return tevent_req_post(req, ev);
	}
	if (group != NULL && type != CLUSAPI_OBJECT_RESOURCE) {
		tevent_req_nterror(req, NT_STATUS_INVALID_PARAMETER);
		return tevent_req_post(req, ev);
	}

	if (group != NULL) {
		state->group = talloc_strdup(state, group);
		if (tevent_req_nomem(state->group, req)) {
			return tevent_req_post(req, ev);
		}
		subreq = clusapi_open_send(state, ev, conn,
					   CLUSAPI_OBJECT_GROUP, group);
		if (tevent_req_nomem(subreq, req)) {
			return tevent_req_post(req, ev);
		}
		tevent_req_set_callback(subreq, clusapi_list_group_opened,
					req);
		return req;
	}

	if (type == CLUSAPI_OBJECT_GROUP) {
		/*
		 * ApiCreateGroupEnum answers name, state and owner of every
		 * group in one call, as Get-ClusterGroup uses it; a server
		 * without it gets the name-by-name way.
		 */
		subreq = clusapi_open_send(state, ev, conn,
					   CLUSAPI_OBJECT_CLUSTER, NULL);
		if (tevent_req_nomem(subreq, req)) {
			return tevent_req_post(req, ev);
		}
		tevent_req_set_callback(subreq, clusapi_list_cluster_opened,
					req);
		return req;
	}
	clusapi_list_by_names(req);
	if (!tevent_req_is_in_progress(req)) {
		return tevent_req_post(req, ev);
	}
	return req;
}

/* ApiCreateEnum, then each object on its own */
static void clusapi_list_by_names(struct tevent_req *req)
{
	struct clusapi_list_state *state = tevent_req_data(
		req, struct clusapi_list_state);
	struct tevent_req *subreq;
	uint32_t enum_type = state->type == CLUSAPI_OBJECT_NODE ?
		CLUSAPI_ENUM_NODE : state->type == CLUSAPI_OBJECT_GROUP ?
		CLUSAPI_ENUM_GROUP : CLUSAPI_ENUM_RESOURCE;

	subreq = clusapi_enum_send(state, state->ev, state->conn,
				   CLUSAPI_OBJECT_CLUSTER, NULL, enum_type);
	if (tevent_req_nomem(subreq, req)) {
		return;
	}
	tevent_req_set_callback(subreq, clusapi_list_enumerated, req);
}

static void clusapi_list_cluster_opened(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_list_state *state = tevent_req_data(
		req, struct clusapi_list_state);
	WERROR werr;
	NTSTATUS status;

	status = clusapi_open_recv(subreq, &state->hcluster, &werr);
	TALLOC_FREE(subreq);
	if (tevent_req_nterror(req, status)) {
		return;
	}
	if (!W_ERROR_IS_OK(werr)) {
		state->werr = werr;
		tevent_req_done(req);
		return;
	}
	subreq = dcerpc_ApiCreateGroupEnum_send(
		state, state->ev, state->conn->h, state->hcluster, NULL, 0,
		NULL, 0, &state->groups, &state->werr);
	if (tevent_req_nomem(subreq, req)) {
		return;
	}
	tevent_req_set_callback(subreq, clusapi_list_group_enum_done, req);
}

static void clusapi_list_group_enum_done(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_list_state *state = tevent_req_data(
		req, struct clusapi_list_state);
	WERROR result = WERR_OK;
	NTSTATUS status;
	uint32_t i;

	status = dcerpc_ApiCreateGroupEnum_recv(subreq, state, &result);
	TALLOC_FREE(subreq);
	if (!NT_STATUS_IS_OK(status) || !W_ERROR_IS_OK(result) ||
	    state->groups == NULL) {
		/* older servers: fault or ERROR_CALL_NOT_IMPLEMENTED */
		state->groups = NULL;
		state->werr = WERR_OK;
	}
	for (i = 0; state->groups != NULL &&
	     i < state->groups->EntryCount; i++) {
		const struct GROUP_ENUM_ENTRY *e = &state->groups->Entry[i];
		struct clusapi_object_info *o;

		if (i == 0) {
			state->objects = talloc_zero_array(
				state, struct clusapi_object_info,
				state->groups->EntryCount);
			if (tevent_req_nomem(state->objects, req)) {
				return;
			}
		}
		o = &state->objects[i];
		o->type = CLUSAPI_OBJECT_GROUP;
		o->name = talloc_strdup(state->objects, e->Name);
		o->id = talloc_strdup(state->objects, e->Id);
		o->owner_node = talloc_strdup(state->objects, e->Owner);
		o->state = e->dwState;
		o->status = NT_STATUS_OK;
		o->werr = WERR_OK;
		if (tevent_req_nomem(o->name, req)) {
			return;
		}
		state->count += 1;
	}
	subreq = clusapi_close_send(state, state->ev, state->conn,
				    CLUSAPI_OBJECT_CLUSTER, &state->hcluster);
	if (tevent_req_nomem(subreq, req)) {
		return;
	}
	tevent_req_set_callback(subreq, clusapi_list_cluster_closed, req);
}

static void clusapi_list_cluster_closed(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_list_state *state = tevent_req_data(
		req, struct clusapi_list_state);

	/* a failed close changes nothing about the list: not received */
	TALLOC_FREE(subreq);
	if (state->groups == NULL) {
		clusapi_list_by_names(req);
		return;
	}
	tevent_req_done(req);
}

static void clusapi_list_group_opened(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_list_state *state = tevent_req_data(
		req, struct clusapi_list_state);
	NTSTATUS status;

	status = clusapi_open_recv(subreq, &state->hgroup, &state->werr);
	TALLOC_FREE(subreq);
	if (tevent_req_nterror(req, status)) {
		return;
	}
	if (!W_ERROR_IS_OK(state->werr)) {
		tevent_req_done(req);
		return;
	}
	subreq = clusapi_enum_send(state, state->ev, state->conn,
				   CLUSAPI_OBJECT_GROUP, &state->hgroup,
				   CLUSAPI_GROUP_ENUM_CONTAINS);
	if (tevent_req_nomem(subreq, req)) {
		return;
	}
	tevent_req_set_callback(subreq, clusapi_list_enumerated, req);
}

static void clusapi_list_enumerated(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_list_state *state = tevent_req_data(
		req, struct clusapi_list_state);
	NTSTATUS status;

	status = clusapi_enum_recv(subreq, state, &state->names,
				   &state->count, &state->werr);
	TALLOC_FREE(subreq);
	if (tevent_req_nterror(req, status)) {
		return;
	}
	if (!clusapi_handle_is_set(&state->hgroup)) {
		clusapi_list_query(req);
		return;
	}
	subreq = clusapi_close_send(state, state->ev, state->conn,
				    CLUSAPI_OBJECT_GROUP, &state->hgroup);
	if (tevent_req_nomem(subreq, req)) {
		return;
	}
	tevent_req_set_callback(subreq, clusapi_list_group_closed, req);
}

static void clusapi_list_group_closed(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);

	/* as clusapi_list_cluster_closed() */
	TALLOC_FREE(subreq);
	clusapi_list_query(req);
}

/* All objects at once: libdcerpc queues the calls on the connection */
/* Query the next object; false (and req failed) when out of memory */
static bool clusapi_list_query_next(struct tevent_req *req)
{
	struct clusapi_list_state *state = tevent_req_data(
		req, struct clusapi_list_state);
	struct tevent_req *subreq;

	subreq = clusapi_object_info_send(state, state->ev, state->conn,
					  state->type,
					  state->names[state->next], false);
	if (tevent_req_nomem(subreq, req)) {
		return false;
	}
	tevent_req_set_callback(subreq, clusapi_list_got_one, req);
	state->next += 1;
	state->pending += 1;
	return true;
}

static void clusapi_list_query(struct tevent_req *req)
{
	struct clusapi_list_state *state = tevent_req_data(
		req, struct clusapi_list_state);
	uint32_t i;

	if (!W_ERROR_IS_OK(state->werr) || state->count == 0) {
		tevent_req_done(req);
		return;
	}
	state->objects = talloc_zero_array(state, struct clusapi_object_info,
					   state->count);
	if (tevent_req_nomem(state->objects, req)) {
		return;
	}
	for (i = 0; i < state->count && i < CLUSAPI_LIST_IN_FLIGHT; i++) {
		if (!clusapi_list_query_next(req)) {
			return;
		}
	}
}

static void clusapi_list_got_one(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_list_state *state = tevent_req_data(
		req, struct clusapi_list_state);
	struct clusapi_object_info *info = NULL;
	uint32_t idx = state->next - state->pending;
	WERROR werr;
	NTSTATUS status;

	status = clusapi_object_info_recv(subreq, state->objects, &info,
					  &werr);
	TALLOC_FREE(subreq);
	if (info == NULL) {
		/* no answer at all (out of memory): give up */
		if (NT_STATUS_IS_OK(status)) {
			status = NT_STATUS_INTERNAL_ERROR;
		}
		tevent_req_nterror(req, status);
		return;
	}
	/* the order is restored by sorting */
	state->objects[idx] = *info;
	talloc_steal(state->objects, info);
	state->pending -= 1;
	if (state->next < state->count) {
		clusapi_list_query_next(req);
		return;
	}
	if (state->pending == 0) {
		tevent_req_done(req);
	}
}

static int clusapi_object_info_cmp(const void *a, const void *b)
{
	const struct clusapi_object_info *x = a, *y = b;

	return strcasecmp(x->name, y->name);
}

NTSTATUS clusapi_list_recv(struct tevent_req *req, TALLOC_CTX *mem_ctx,
			   struct clusapi_object_info **objects,
			   uint32_t *count, WERROR *werr)
{
	struct clusapi_list_state *state = tevent_req_data(
		req, struct clusapi_list_state);
	NTSTATUS status;

	if (tevent_req_is_nterror(req, &status)) {
		tevent_req_received(req);
		return status;
	}
	*werr = state->werr;
	*count = 0;
	*objects = NULL;
	if (state->objects != NULL) {
		qsort(state->objects, state->count,
		      sizeof(struct clusapi_object_info),
		      clusapi_object_info_cmp);
		*objects = talloc_move(mem_ctx, &state->objects);
		*count = state->count;
	}
	tevent_req_received(req);
	return NT_STATUS_OK;
}

/* ---- the cluster ------------------------------------------------ */

/*
 * The answers land in info itself: both calls' _recv put their [out]
 * memory on it.
 */
struct clusapi_cluster_info_state {
	struct clusapi_cluster_info *info;
	struct CLUSTER_OPERATIONAL_VERSION_INFO *opver;
	WERROR rpc_status;
	WERROR name_werr;
	unsigned pending;
};

static void clusapi_cluster_info_got_name(struct tevent_req *subreq);
static void clusapi_cluster_info_got_version(struct tevent_req *subreq);

struct tevent_req *clusapi_cluster_info_send(TALLOC_CTX *mem_ctx,
					     struct tevent_context *ev,
					     struct clusapi_conn *conn)
{
	struct tevent_req *req, *subreq;
	struct clusapi_cluster_info_state *state;
	struct clusapi_cluster_info *info;

	req = tevent_req_create(mem_ctx, &state,
				struct clusapi_cluster_info_state);
	if (req == NULL) {
		return NULL;
	}
	info = talloc_zero(state, struct clusapi_cluster_info);
	if (tevent_req_nomem(info, req)) {
		return tevent_req_post(req, ev);
	}
	state->info = info;

	subreq = dcerpc_ApiGetClusterName_send(state, ev, conn->h,
					       &info->name, &info->node);
	if (tevent_req_nomem(subreq, req)) {
		return tevent_req_post(req, ev);
	}
	tevent_req_set_callback(subreq, clusapi_cluster_info_got_name, req);
	state->pending += 1;

	subreq = dcerpc_ApiGetClusterVersion2_send(
		state, ev, conn->h, &info->major, &info->minor, &info->build,
		&info->vendor, &info->csd_version, &state->opver,
		&state->rpc_status);
	if (tevent_req_nomem(subreq, req)) {
		return tevent_req_post(req, ev);
	}
	tevent_req_set_callback(subreq, clusapi_cluster_info_got_version,
				req);
	state->pending += 1;
	return req;
}

/* One of the two calls came back */
static void clusapi_cluster_info_one_done(struct tevent_req *req)
{
	struct clusapi_cluster_info_state *state = tevent_req_data(
		req, struct clusapi_cluster_info_state);

	state->pending -= 1;
	if (state->pending == 0) {
		tevent_req_done(req);
	}
}

static void clusapi_cluster_info_got_name(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_cluster_info_state *state = tevent_req_data(
		req, struct clusapi_cluster_info_state);
	NTSTATUS status;

	status = dcerpc_ApiGetClusterName_recv(subreq, state->info,
					       &state->name_werr);
	TALLOC_FREE(subreq);
	if (tevent_req_nterror(req, status)) {
		return;
	}
	clusapi_cluster_info_one_done(req);
}

static void clusapi_cluster_info_got_version(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_cluster_info_state *state = tevent_req_data(
		req, struct clusapi_cluster_info_state);
	struct clusapi_cluster_info *info = state->info;
	NTSTATUS status;

	status = dcerpc_ApiGetClusterVersion2_recv(subreq, info,
						   &info->version_werr);
	TALLOC_FREE(subreq);
	if (!NT_STATUS_IS_OK(status)) {
		/* a fault here does not hide the name */
		info->version_werr = WERR_RPC_S_CALL_FAILED;
	}
	if (state->opver != NULL) {
		info->highest_version = state->opver->dwClusterHighestVersion;
		info->lowest_version = state->opver->dwClusterLowestVersion;
		info->flags = state->opver->dwFlags;
		TALLOC_FREE(state->opver);
	}
	clusapi_cluster_info_one_done(req);
}

NTSTATUS clusapi_cluster_info_recv(struct tevent_req *req,
				   TALLOC_CTX *mem_ctx,
				   struct clusapi_cluster_info **info,
				   WERROR *werr)
{
	struct clusapi_cluster_info_state *state = tevent_req_data(
		req, struct clusapi_cluster_info_state);
	NTSTATUS status;

	if (tevent_req_is_nterror(req, &status)) {
		tevent_req_received(req);
		return status;
	}
	*werr = state->name_werr;
	*info = talloc_move(mem_ctx, &state->info);
	tevent_req_received(req);
	return NT_STATUS_OK;
}
