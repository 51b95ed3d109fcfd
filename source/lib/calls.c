/*
 * libclusapi - typed asynchronous calls, one RPC each
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "lib/clusapi_private.h"

/*
 * Each call keeps PIDL's [out] parameters in its state; PIDL's _recv
 * copies them there and moves the memory they point to onto the state.
 */

/* ---- ApiOpen* ---------------------------------------------------- */

struct clusapi_open_state {
	enum clusapi_object_type type;
	WERROR status;
	WERROR rpc_status;
	struct policy_handle handle;
};

static void clusapi_open_done(struct tevent_req *subreq);

struct tevent_req *clusapi_open_send(TALLOC_CTX *mem_ctx,
				     struct tevent_context *ev,
				     struct clusapi_conn *conn,
				     enum clusapi_object_type type,
				     const char *name)
{
	struct tevent_req *req, *subreq = NULL;
	struct clusapi_open_state *state;

	req = tevent_req_create(mem_ctx, &state, struct clusapi_open_state);
	if (req == NULL) {
		return NULL;
	}
	state->type = type;
	state->status = WERR_OK;

	if (type != CLUSAPI_OBJECT_CLUSTER && name == NULL) {
		tevent_req_nterror(req, NT_STATUS_INVALID_PARAMETER);
		return tevent_req_post(req, ev);
	}

	switch (type) {
	case CLUSAPI_OBJECT_CLUSTER:
		subreq = dcerpc_ApiOpenCluster_send(state, ev, conn->h,
						    &state->status,
						    &state->handle);
		break;
	case CLUSAPI_OBJECT_NODE:
		subreq = dcerpc_ApiOpenNode_send(state, ev, conn->h, name,
						 &state->status,
						 &state->rpc_status,
						 &state->handle);
		break;
	case CLUSAPI_OBJECT_GROUP:
		subreq = dcerpc_ApiOpenGroup_send(state, ev, conn->h, name,
						  &state->status,
						  &state->rpc_status,
						  &state->handle);
		break;
	case CLUSAPI_OBJECT_RESOURCE:
		subreq = dcerpc_ApiOpenResource_send(state, ev, conn->h, name,
						     &state->status,
						     &state->rpc_status,
						     &state->handle);
		break;
	default:
		tevent_req_nterror(req, NT_STATUS_INVALID_PARAMETER);
		return tevent_req_post(req, ev);
	}
	if (tevent_req_nomem(subreq, req)) {
		return tevent_req_post(req, ev);
	}
	tevent_req_set_callback(subreq, clusapi_open_done, req);
	return req;
}

static void clusapi_open_done(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_open_state *state = tevent_req_data(
		req, struct clusapi_open_state);
	NTSTATUS status = NT_STATUS_INTERNAL_ERROR;

	switch (state->type) {
	case CLUSAPI_OBJECT_CLUSTER:
		status = dcerpc_ApiOpenCluster_recv(subreq, state);
		break;
	case CLUSAPI_OBJECT_NODE:
		status = dcerpc_ApiOpenNode_recv(subreq, state);
		break;
	case CLUSAPI_OBJECT_GROUP:
		status = dcerpc_ApiOpenGroup_recv(subreq, state);
		break;
	case CLUSAPI_OBJECT_RESOURCE:
		status = dcerpc_ApiOpenResource_recv(subreq, state);
		break;
	}
	TALLOC_FREE(subreq);
	if (tevent_req_nterror(req, status)) {
		return;
	}
	tevent_req_done(req);
}

NTSTATUS clusapi_open_recv(struct tevent_req *req,
			   struct policy_handle *handle, WERROR *werr)
{
	struct clusapi_open_state *state = tevent_req_data(
		req, struct clusapi_open_state);
	NTSTATUS status;

	if (tevent_req_is_nterror(req, &status)) {
		tevent_req_received(req);
		return status;
	}
	*werr = state->status;
	*handle = state->handle;
	tevent_req_received(req);
	return NT_STATUS_OK;
}

/* ---- ApiClose* --------------------------------------------------- */

struct clusapi_close_state {
	enum clusapi_object_type type;
	struct policy_handle handle;
	WERROR result;
};

static void clusapi_close_done(struct tevent_req *subreq);

struct tevent_req *clusapi_close_send(TALLOC_CTX *mem_ctx,
				      struct tevent_context *ev,
				      struct clusapi_conn *conn,
				      enum clusapi_object_type type,
				      const struct policy_handle *handle)
{
	struct tevent_req *req, *subreq = NULL;
	struct clusapi_close_state *state;

	req = tevent_req_create(mem_ctx, &state, struct clusapi_close_state);
	if (req == NULL) {
		return NULL;
	}
	state->type = type;
	state->handle = *handle;

	switch (type) {
	case CLUSAPI_OBJECT_CLUSTER:
		subreq = dcerpc_ApiCloseCluster_send(state, ev, conn->h,
						     &state->handle);
		break;
	case CLUSAPI_OBJECT_NODE:
		subreq = dcerpc_ApiCloseNode_send(state, ev, conn->h,
						  &state->handle);
		break;
	case CLUSAPI_OBJECT_GROUP:
		subreq = dcerpc_ApiCloseGroup_send(state, ev, conn->h,
						   &state->handle);
		break;
	case CLUSAPI_OBJECT_RESOURCE:
		subreq = dcerpc_ApiCloseResource_send(state, ev, conn->h,
						      &state->handle);
		break;
	default:
		tevent_req_nterror(req, NT_STATUS_INVALID_PARAMETER);
		return tevent_req_post(req, ev);
	}
	if (tevent_req_nomem(subreq, req)) {
		return tevent_req_post(req, ev);
	}
	tevent_req_set_callback(subreq, clusapi_close_done, req);
	return req;
}

static void clusapi_close_done(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_close_state *state = tevent_req_data(
		req, struct clusapi_close_state);
	NTSTATUS status = NT_STATUS_INTERNAL_ERROR;

	switch (state->type) {
	case CLUSAPI_OBJECT_CLUSTER:
		status = dcerpc_ApiCloseCluster_recv(subreq, state,
						     &state->result);
		break;
	case CLUSAPI_OBJECT_NODE:
		status = dcerpc_ApiCloseNode_recv(subreq, state,
						  &state->result);
		break;
	case CLUSAPI_OBJECT_GROUP:
		status = dcerpc_ApiCloseGroup_recv(subreq, state,
						   &state->result);
		break;
	case CLUSAPI_OBJECT_RESOURCE:
		status = dcerpc_ApiCloseResource_recv(subreq, state,
						      &state->result);
		break;
	}
	TALLOC_FREE(subreq);
	if (tevent_req_nterror(req, status)) {
		return;
	}
	tevent_req_done(req);
}

NTSTATUS clusapi_close_recv(struct tevent_req *req, WERROR *werr)
{
	struct clusapi_close_state *state = tevent_req_data(
		req, struct clusapi_close_state);
	NTSTATUS status;

	if (tevent_req_is_nterror(req, &status)) {
		tevent_req_received(req);
		return status;
	}
	*werr = state->result;
	tevent_req_received(req);
	return NT_STATUS_OK;
}

/* ---- ApiGet*State ------------------------------------------------ */

struct clusapi_get_state_state {
	enum clusapi_object_type type;
	enum CLUSTER_GROUP_STATE group_state;
	enum CLUSTER_NODE_STATE node_state;
	enum CLUSTER_RESOURCE_STATE resource_state;
	const char *owner;
	const char *group;
	WERROR rpc_status;
	WERROR result;
};

static void clusapi_get_state_done(struct tevent_req *subreq);

struct tevent_req *clusapi_get_state_send(TALLOC_CTX *mem_ctx,
					  struct tevent_context *ev,
					  struct clusapi_conn *conn,
					  enum clusapi_object_type type,
					  const struct policy_handle *handle)
{
	struct tevent_req *req, *subreq = NULL;
	struct clusapi_get_state_state *state;

	req = tevent_req_create(mem_ctx, &state,
				struct clusapi_get_state_state);
	if (req == NULL) {
		return NULL;
	}
	state->type = type;

	switch (type) {
	case CLUSAPI_OBJECT_NODE:
		subreq = dcerpc_ApiGetNodeState_send(state, ev, conn->h,
						     *handle,
						     &state->node_state,
						     &state->rpc_status);
		break;
	case CLUSAPI_OBJECT_GROUP:
		subreq = dcerpc_ApiGetGroupState_send(state, ev, conn->h,
						      *handle,
						      &state->group_state,
						      &state->owner,
						      &state->rpc_status);
		break;
	case CLUSAPI_OBJECT_RESOURCE:
		subreq = dcerpc_ApiGetResourceState_send(
			state, ev, conn->h, *handle, &state->resource_state,
			&state->owner, &state->group, &state->rpc_status);
		break;
	default:
		tevent_req_nterror(req, NT_STATUS_INVALID_PARAMETER);
		return tevent_req_post(req, ev);
	}
	if (tevent_req_nomem(subreq, req)) {
		return tevent_req_post(req, ev);
	}
	tevent_req_set_callback(subreq, clusapi_get_state_done, req);
	return req;
}

static void clusapi_get_state_done(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_get_state_state *state = tevent_req_data(
		req, struct clusapi_get_state_state);
	NTSTATUS status = NT_STATUS_INTERNAL_ERROR;

	switch (state->type) {
	case CLUSAPI_OBJECT_NODE:
		status = dcerpc_ApiGetNodeState_recv(subreq, state,
						     &state->result);
		break;
	case CLUSAPI_OBJECT_GROUP:
		status = dcerpc_ApiGetGroupState_recv(subreq, state,
						      &state->result);
		break;
	case CLUSAPI_OBJECT_RESOURCE:
		status = dcerpc_ApiGetResourceState_recv(subreq, state,
							 &state->result);
		break;
	case CLUSAPI_OBJECT_CLUSTER:
		break;
	}
	TALLOC_FREE(subreq);
	if (tevent_req_nterror(req, status)) {
		return;
	}
	tevent_req_done(req);
}

static char *dup_out(TALLOC_CTX *mem_ctx, const char *s, bool *nomem)
{
	char *d;

	if (s == NULL) {
		return NULL;
	}
	d = talloc_strdup(mem_ctx, s);
	if (d == NULL) {
		*nomem = true;
	}
	return d;
}

NTSTATUS clusapi_get_state_recv(struct tevent_req *req, TALLOC_CTX *mem_ctx,
				uint32_t *pstate, char **owner, char **group,
				WERROR *werr)
{
	struct clusapi_get_state_state *state = tevent_req_data(
		req, struct clusapi_get_state_state);
	bool nomem = false;
	NTSTATUS status;

	if (tevent_req_is_nterror(req, &status)) {
		tevent_req_received(req);
		return status;
	}
	*werr = state->result;
	switch (state->type) {
	case CLUSAPI_OBJECT_NODE:
		*pstate = (uint32_t)state->node_state;
		break;
	case CLUSAPI_OBJECT_GROUP:
		*pstate = (uint32_t)state->group_state;
		break;
	case CLUSAPI_OBJECT_RESOURCE:
		*pstate = (uint32_t)state->resource_state;
		break;
	case CLUSAPI_OBJECT_CLUSTER:
		*pstate = CLUSAPI_STATE_UNKNOWN;
		break;
	}
	if (!W_ERROR_IS_OK(state->result)) {
		*pstate = CLUSAPI_STATE_UNKNOWN;
	}
	if (owner != NULL) {
		*owner = dup_out(mem_ctx, state->owner, &nomem);
	}
	if (group != NULL) {
		*group = dup_out(mem_ctx, state->group, &nomem);
	}
	tevent_req_received(req);
	return nomem ? NT_STATUS_NO_MEMORY : NT_STATUS_OK;
}

/* ---- ApiGet*Id --------------------------------------------------- */

struct clusapi_get_id_state {
	enum clusapi_object_type type;
	const char *id;
	WERROR rpc_status;
	WERROR result;
};

static void clusapi_get_id_done(struct tevent_req *subreq);

struct tevent_req *clusapi_get_id_send(TALLOC_CTX *mem_ctx,
				       struct tevent_context *ev,
				       struct clusapi_conn *conn,
				       enum clusapi_object_type type,
				       const struct policy_handle *handle)
{
	struct tevent_req *req, *subreq = NULL;
	struct clusapi_get_id_state *state;

	req = tevent_req_create(mem_ctx, &state, struct clusapi_get_id_state);
	if (req == NULL) {
		return NULL;
	}
	state->type = type;

	switch (type) {
	case CLUSAPI_OBJECT_NODE:
		subreq = dcerpc_ApiGetNodeId_send(state, ev, conn->h, *handle,
						  &state->id,
						  &state->rpc_status);
		break;
	case CLUSAPI_OBJECT_GROUP:
		subreq = dcerpc_ApiGetGroupId_send(state, ev, conn->h,
						   *handle, &state->id,
						   &state->rpc_status);
		break;
	case CLUSAPI_OBJECT_RESOURCE:
		subreq = dcerpc_ApiGetResourceId_send(state, ev, conn->h,
						      *handle, &state->id,
						      &state->rpc_status);
		break;
	default:
		tevent_req_nterror(req, NT_STATUS_INVALID_PARAMETER);
		return tevent_req_post(req, ev);
	}
	if (tevent_req_nomem(subreq, req)) {
		return tevent_req_post(req, ev);
	}
	tevent_req_set_callback(subreq, clusapi_get_id_done, req);
	return req;
}

static void clusapi_get_id_done(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_get_id_state *state = tevent_req_data(
		req, struct clusapi_get_id_state);
	NTSTATUS status = NT_STATUS_INTERNAL_ERROR;

	switch (state->type) {
	case CLUSAPI_OBJECT_NODE:
		status = dcerpc_ApiGetNodeId_recv(subreq, state,
						  &state->result);
		break;
	case CLUSAPI_OBJECT_GROUP:
		status = dcerpc_ApiGetGroupId_recv(subreq, state,
						   &state->result);
		break;
	case CLUSAPI_OBJECT_RESOURCE:
		status = dcerpc_ApiGetResourceId_recv(subreq, state,
						      &state->result);
		break;
	case CLUSAPI_OBJECT_CLUSTER:
		break;
	}
	TALLOC_FREE(subreq);
	if (tevent_req_nterror(req, status)) {
		return;
	}
	tevent_req_done(req);
}

NTSTATUS clusapi_get_id_recv(struct tevent_req *req, TALLOC_CTX *mem_ctx,
			     char **id, WERROR *werr)
{
	struct clusapi_get_id_state *state = tevent_req_data(
		req, struct clusapi_get_id_state);
	bool nomem = false;
	NTSTATUS status;

	if (tevent_req_is_nterror(req, &status)) {
		tevent_req_received(req);
		return status;
	}
	*werr = state->result;
	*id = dup_out(mem_ctx, state->id, &nomem);
	tevent_req_received(req);
	return nomem ? NT_STATUS_NO_MEMORY : NT_STATUS_OK;
}

/* ---- ApiGetResourceType ------------------------------------------ */

struct clusapi_get_resource_type_state {
	const char *type;
	WERROR rpc_status;
	WERROR result;
};

static void clusapi_get_resource_type_done(struct tevent_req *subreq);

struct tevent_req *clusapi_get_resource_type_send(
	TALLOC_CTX *mem_ctx, struct tevent_context *ev,
	struct clusapi_conn *conn, const struct policy_handle *hresource)
{
	struct tevent_req *req, *subreq;
	struct clusapi_get_resource_type_state *state;

	req = tevent_req_create(mem_ctx, &state,
				struct clusapi_get_resource_type_state);
	if (req == NULL) {
		return NULL;
	}
	subreq = dcerpc_ApiGetResourceType_send(state, ev, conn->h,
						*hresource, &state->type,
						&state->rpc_status);
	if (tevent_req_nomem(subreq, req)) {
		return tevent_req_post(req, ev);
	}
	tevent_req_set_callback(subreq, clusapi_get_resource_type_done, req);
	return req;
}

static void clusapi_get_resource_type_done(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_get_resource_type_state *state = tevent_req_data(
		req, struct clusapi_get_resource_type_state);
	NTSTATUS status;

	status = dcerpc_ApiGetResourceType_recv(subreq, state,
						&state->result);
	TALLOC_FREE(subreq);
	if (tevent_req_nterror(req, status)) {
		return;
	}
	tevent_req_done(req);
}

NTSTATUS clusapi_get_resource_type_recv(struct tevent_req *req,
					TALLOC_CTX *mem_ctx, char **type,
					WERROR *werr)
{
	struct clusapi_get_resource_type_state *state = tevent_req_data(
		req, struct clusapi_get_resource_type_state);
	bool nomem = false;
	NTSTATUS status;

	if (tevent_req_is_nterror(req, &status)) {
		tevent_req_received(req);
		return status;
	}
	*werr = state->result;
	*type = dup_out(mem_ctx, state->type, &nomem);
	tevent_req_received(req);
	return nomem ? NT_STATUS_NO_MEMORY : NT_STATUS_OK;
}

/* ---- ApiCreateEnum, ApiCreateGroupResourceEnum, ApiCreateResEnum ---- */

struct clusapi_enum_state {
	enum clusapi_object_type of;
	struct ENUM_LIST *list;
	WERROR rpc_status;
	WERROR result;
};

static void clusapi_enum_done(struct tevent_req *subreq);

struct tevent_req *clusapi_enum_send(TALLOC_CTX *mem_ctx,
				     struct tevent_context *ev,
				     struct clusapi_conn *conn,
				     enum clusapi_object_type of,
				     const struct policy_handle *handle,
				     uint32_t enum_type)
{
	struct tevent_req *req, *subreq = NULL;
	struct clusapi_enum_state *state;

	req = tevent_req_create(mem_ctx, &state, struct clusapi_enum_state);
	if (req == NULL) {
		return NULL;
	}
	state->of = of;

	switch (of) {
	case CLUSAPI_OBJECT_CLUSTER:
		subreq = dcerpc_ApiCreateEnum_send(state, ev, conn->h,
						   enum_type, &state->list,
						   &state->rpc_status);
		break;
	case CLUSAPI_OBJECT_NODE:
		subreq = dcerpc_ApiCreateNodeEnum_send(state, ev, conn->h,
						       *handle, enum_type,
						       &state->list,
						       &state->rpc_status);
		break;
	case CLUSAPI_OBJECT_GROUP:
		subreq = dcerpc_ApiCreateGroupResourceEnum_send(
			state, ev, conn->h, *handle, enum_type, &state->list,
			&state->rpc_status);
		break;
	case CLUSAPI_OBJECT_RESOURCE:
		subreq = dcerpc_ApiCreateResEnum_send(state, ev, conn->h,
						      *handle, enum_type,
						      &state->list,
						      &state->rpc_status);
		break;
	default:
		tevent_req_nterror(req, NT_STATUS_INVALID_PARAMETER);
		return tevent_req_post(req, ev);
	}
	if (tevent_req_nomem(subreq, req)) {
		return tevent_req_post(req, ev);
	}
	tevent_req_set_callback(subreq, clusapi_enum_done, req);
	return req;
}

static void clusapi_enum_done(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_enum_state *state = tevent_req_data(
		req, struct clusapi_enum_state);
	NTSTATUS status = NT_STATUS_INTERNAL_ERROR;

	switch (state->of) {
	case CLUSAPI_OBJECT_CLUSTER:
		status = dcerpc_ApiCreateEnum_recv(subreq, state,
						   &state->result);
		break;
	case CLUSAPI_OBJECT_GROUP:
		status = dcerpc_ApiCreateGroupResourceEnum_recv(
			subreq, state, &state->result);
		break;
	case CLUSAPI_OBJECT_RESOURCE:
		status = dcerpc_ApiCreateResEnum_recv(subreq, state,
						      &state->result);
		break;
	case CLUSAPI_OBJECT_NODE:
		status = dcerpc_ApiCreateNodeEnum_recv(subreq, state,
						       &state->result);
		break;
	}
	TALLOC_FREE(subreq);
	if (tevent_req_nterror(req, status)) {
		return;
	}
	tevent_req_done(req);
}

NTSTATUS clusapi_enum_recv(struct tevent_req *req, TALLOC_CTX *mem_ctx,
			   char ***pnames, uint32_t *pcount, WERROR *werr)
{
	struct clusapi_enum_state *state = tevent_req_data(
		req, struct clusapi_enum_state);
	char **names;
	uint32_t i, n = 0;
	NTSTATUS status;

	if (tevent_req_is_nterror(req, &status)) {
		tevent_req_received(req);
		return status;
	}
	*werr = state->result;

	names = talloc_array(mem_ctx, char *, 1);
	if (names == NULL) {
		tevent_req_received(req);
		return NT_STATUS_NO_MEMORY;
	}
	if (W_ERROR_IS_OK(state->result) && state->list != NULL) {
		names = talloc_realloc(mem_ctx, names, char *,
				       state->list->EntryCount + 1);
		if (names == NULL) {
			tevent_req_received(req);
			return NT_STATUS_NO_MEMORY;
		}
		for (i = 0; i < state->list->EntryCount; i++) {
			const char *name = state->list->Entry[i].Name;

			if (name == NULL) {
				continue;
			}
			names[n] = talloc_strdup(names, name);
			if (names[n] == NULL) {
				talloc_free(names);
				tevent_req_received(req);
				return NT_STATUS_NO_MEMORY;
			}
			n++;
		}
	}
	names[n] = NULL;
	*pnames = names;
	*pcount = n;
	tevent_req_received(req);
	return NT_STATUS_OK;
}

/*
 * The calls below return nothing but a WERROR: one state and one recv
 * for all of them.
 */
struct clusapi_werr_state {
	NTSTATUS (*recv_fn)(struct tevent_req *req, TALLOC_CTX *mem_ctx,
			    WERROR *result);
	WERROR rpc_status;
	WERROR result;
	uint8_t empty_buffer[1];
};

static void clusapi_werr_done(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_werr_state *state = tevent_req_data(
		req, struct clusapi_werr_state);
	NTSTATUS status;

	status = state->recv_fn(subreq, state, &state->result);
	TALLOC_FREE(subreq);
	if (tevent_req_nterror(req, status)) {
		return;
	}
	tevent_req_done(req);
}

static NTSTATUS clusapi_werr_recv(struct tevent_req *req, WERROR *werr)
{
	struct clusapi_werr_state *state = tevent_req_data(
		req, struct clusapi_werr_state);
	NTSTATUS status;

	if (tevent_req_is_nterror(req, &status)) {
		tevent_req_received(req);
		return status;
	}
	*werr = state->result;
	tevent_req_received(req);
	return NT_STATUS_OK;
}

static struct tevent_req *clusapi_werr_sent(struct tevent_req *req,
					    struct tevent_context *ev,
					    struct tevent_req *subreq)
{
	if (tevent_req_nomem(subreq, req)) {
		return tevent_req_post(req, ev);
	}
	tevent_req_set_callback(subreq, clusapi_werr_done, req);
	return req;
}

/* ---- ApiMoveGroup, ApiMoveGroupToNode and their Ex forms ---------- */

struct tevent_req *clusapi_move_call_send(TALLOC_CTX *mem_ctx,
					  struct tevent_context *ev,
					  struct clusapi_conn *conn,
					  const struct policy_handle *hgroup,
					  const struct policy_handle *hnode,
					  uint32_t flags)
{
	struct tevent_req *req, *subreq;
	struct clusapi_werr_state *s;

	req = tevent_req_create(mem_ctx, &s, struct clusapi_werr_state);
	if (req == NULL) {
		return NULL;
	}
	/* lpInBuffer is [ref]: a pointer even when empty */
	if (hnode == NULL && flags == 0) {
		s->recv_fn = dcerpc_ApiMoveGroup_recv;
		subreq = dcerpc_ApiMoveGroup_send(s, ev, conn->h, *hgroup,
						  &s->rpc_status);
	} else if (hnode == NULL) {
		s->recv_fn = dcerpc_ApiMoveGroupEx_recv;
		subreq = dcerpc_ApiMoveGroupEx_send(s, ev, conn->h, *hgroup,
						    flags, s->empty_buffer, 0,
						    &s->rpc_status);
	} else if (flags == 0) {
		s->recv_fn = dcerpc_ApiMoveGroupToNode_recv;
		subreq = dcerpc_ApiMoveGroupToNode_send(s, ev, conn->h,
							*hgroup, *hnode,
							&s->rpc_status);
	} else {
		s->recv_fn = dcerpc_ApiMoveGroupToNodeEx_recv;
		subreq = dcerpc_ApiMoveGroupToNodeEx_send(s, ev, conn->h,
							  *hgroup, *hnode,
							  flags,
							  s->empty_buffer, 0,
							  &s->rpc_status);
	}
	return clusapi_werr_sent(req, ev, subreq);
}

NTSTATUS clusapi_move_call_recv(struct tevent_req *req, WERROR *werr)
{
	return clusapi_werr_recv(req, werr);
}

/* ---- ApiOnlineGroup / ApiOfflineGroup ---------------------------- */

struct tevent_req *clusapi_group_control_send(
	TALLOC_CTX *mem_ctx, struct tevent_context *ev,
	struct clusapi_conn *conn, const struct policy_handle *hgroup,
	bool online)
{
	struct tevent_req *req, *subreq;
	struct clusapi_werr_state *s;

	req = tevent_req_create(mem_ctx, &s, struct clusapi_werr_state);
	if (req == NULL) {
		return NULL;
	}
	if (online) {
		s->recv_fn = dcerpc_ApiOnlineGroup_recv;
		subreq = dcerpc_ApiOnlineGroup_send(s, ev, conn->h, *hgroup,
						    &s->rpc_status);
	} else {
		s->recv_fn = dcerpc_ApiOfflineGroup_recv;
		subreq = dcerpc_ApiOfflineGroup_send(s, ev, conn->h, *hgroup,
						     &s->rpc_status);
	}
	return clusapi_werr_sent(req, ev, subreq);
}

NTSTATUS clusapi_group_control_recv(struct tevent_req *req, WERROR *werr)
{
	return clusapi_werr_recv(req, werr);
}

/* ---- ApiCancelClusterGroupOperation ------------------------------ */

struct tevent_req *clusapi_cancel_group_operation_send(
	TALLOC_CTX *mem_ctx, struct tevent_context *ev,
	struct clusapi_conn *conn, const struct policy_handle *hgroup)
{
	struct tevent_req *req, *subreq;
	struct clusapi_werr_state *s;

	req = tevent_req_create(mem_ctx, &s, struct clusapi_werr_state);
	if (req == NULL) {
		return NULL;
	}
	s->recv_fn = dcerpc_ApiCancelClusterGroupOperation_recv;
	subreq = dcerpc_ApiCancelClusterGroupOperation_send(
		s, ev, conn->h, *hgroup, 0, &s->rpc_status);
	return clusapi_werr_sent(req, ev, subreq);
}

NTSTATUS clusapi_cancel_group_operation_recv(struct tevent_req *req,
					     WERROR *werr)
{
	return clusapi_werr_recv(req, werr);
}

/* ---- ApiPauseNode[Ex|WithDrainTarget], ApiResumeNode[Ex] --------- */

struct tevent_req *clusapi_pause_node_call_send(
	TALLOC_CTX *mem_ctx, struct tevent_context *ev,
	struct clusapi_conn *conn, const struct policy_handle *hnode,
	bool drain, const struct policy_handle *hdrain_target)
{
	struct tevent_req *req, *subreq;
	struct clusapi_werr_state *s;

	req = tevent_req_create(mem_ctx, &s, struct clusapi_werr_state);
	if (req == NULL) {
		return NULL;
	}
	if (drain && hdrain_target != NULL) {
		s->recv_fn = dcerpc_ApiPauseNodeWithDrainTarget_recv;
		subreq = dcerpc_ApiPauseNodeWithDrainTarget_send(
			s, ev, conn->h, *hnode, 0, *hdrain_target,
			&s->rpc_status);
	} else if (drain) {
		s->recv_fn = dcerpc_ApiPauseNodeEx_recv;
		subreq = dcerpc_ApiPauseNodeEx_send(s, ev, conn->h, *hnode,
						    1, 0, &s->rpc_status);
	} else {
		s->recv_fn = dcerpc_ApiPauseNode_recv;
		subreq = dcerpc_ApiPauseNode_send(s, ev, conn->h, *hnode,
						  &s->rpc_status);
	}
	return clusapi_werr_sent(req, ev, subreq);
}

NTSTATUS clusapi_pause_node_call_recv(struct tevent_req *req, WERROR *werr)
{
	return clusapi_werr_recv(req, werr);
}

struct tevent_req *clusapi_resume_node_call_send(
	TALLOC_CTX *mem_ctx, struct tevent_context *ev,
	struct clusapi_conn *conn, const struct policy_handle *hnode,
	bool failback)
{
	struct tevent_req *req, *subreq;
	struct clusapi_werr_state *s;

	req = tevent_req_create(mem_ctx, &s, struct clusapi_werr_state);
	if (req == NULL) {
		return NULL;
	}
	if (failback) {
		s->recv_fn = dcerpc_ApiResumeNodeEx_recv;
		subreq = dcerpc_ApiResumeNodeEx_send(
			s, ev, conn->h, *hnode, FailbackGroupsImmediately, 0,
			&s->rpc_status);
	} else {
		s->recv_fn = dcerpc_ApiResumeNode_recv;
		subreq = dcerpc_ApiResumeNode_send(s, ev, conn->h, *hnode,
						   &s->rpc_status);
	}
	return clusapi_werr_sent(req, ev, subreq);
}

NTSTATUS clusapi_resume_node_call_recv(struct tevent_req *req,
				       WERROR *werr)
{
	return clusapi_werr_recv(req, werr);
}

/* ---- close several handles, errors ignored ----------------------- */

struct clusapi_close_all_state {
	size_t pending;
};

static void clusapi_close_all_done(struct tevent_req *subreq);

struct tevent_req *clusapi_close_all_send(TALLOC_CTX *mem_ctx,
					  struct tevent_context *ev,
					  struct clusapi_conn *conn,
					  const enum clusapi_object_type *types,
					  const struct policy_handle *handles,
					  size_t count)
{
	struct tevent_req *req, *subreq;
	struct clusapi_close_all_state *state;
	size_t i;

	req = tevent_req_create(mem_ctx, &state,
				struct clusapi_close_all_state);
	if (req == NULL) {
		return NULL;
	}
	for (i = 0; i < count; i++) {
		if (!clusapi_handle_is_set(&handles[i])) {
			continue;
		}
		subreq = clusapi_close_send(state, ev, conn, types[i],
					    &handles[i]);
		if (subreq == NULL) {
			continue;
		}
		tevent_req_set_callback(subreq, clusapi_close_all_done, req);
		state->pending += 1;
	}
	if (state->pending == 0) {
		tevent_req_done(req);
		return tevent_req_post(req, ev);
	}
	return req;
}

static void clusapi_close_all_done(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_close_all_state *state = tevent_req_data(
		req, struct clusapi_close_all_state);
	WERROR werr;

	(void)clusapi_close_recv(subreq, &werr);
	TALLOC_FREE(subreq);
	state->pending -= 1;
	if (state->pending == 0) {
		tevent_req_done(req);
	}
}

void clusapi_close_all_recv(struct tevent_req *req)
{
	tevent_req_received(req);
}
