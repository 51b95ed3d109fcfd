/*
 * libclusapi - typed asynchronous calls, one RPC each
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stddef.h>
#include "lib/clusapi_private.h"
#include "librpc/gen_ndr/ndr_clusapi.h"

/*
 * A typed call keeps PIDL's request structure r in its state and sends
 * it by opnum through the binding handle, as PIDL's dcerpc_Api*_send
 * does; the reply's memory lands on the state.  The [out] pointers aim
 * at the state's storage, but a binding handle that allocates [ref]
 * pointers (libdcerpc's do) replaces them: the typed _recv reads the
 * answer through r.
 */

/*
 * Every typed call's state: PIDL's structure for the call sent (one of
 * r, or werr_r for the calls that answer nothing but a WERROR), the
 * storage its [out] pointers aim at and what the _recv needs.
 */
struct clusapi_call_state {
	enum clusapi_object_type type;
	WERROR status;
	WERROR rpc_status;
	struct policy_handle handle;
	const char *strings[2];
	struct ENUM_LIST *list;
	enum CLUSTER_NODE_STATE node_state;
	enum CLUSTER_GROUP_STATE group_state;
	enum CLUSTER_RESOURCE_STATE resource_state;
	union {
		struct ApiOpenCluster open_cluster;
		struct ApiOpenNode open;
		struct ApiCloseCluster close;
		struct ApiGetNodeState node_state;
		struct ApiGetGroupState group_state;
		struct ApiGetResourceState resource_state;
		struct ApiGetNodeId get_string;
		struct ApiCreateEnum create_enum;
		struct ApiCreateNodeEnum create_object_enum;
	} r;
	uint8_t *werr_r;
	/* where the reply's WERROR lands, for clusapi_werr_recv() */
	WERROR *result;
};

static struct tevent_req *clusapi_call_create(
	TALLOC_CTX *mem_ctx, struct clusapi_call_state **pstate)
{
	return tevent_req_create(mem_ctx, pstate, struct clusapi_call_state);
}

static void clusapi_rpc_done(struct tevent_req *subreq);

static struct tevent_req *clusapi_rpc_send(struct tevent_req *req,
					   struct clusapi_call_state *state,
					   struct tevent_context *ev,
					   struct clusapi_conn *conn,
					   uint32_t opnum, void *r)
{
	struct tevent_req *subreq;

	subreq = dcerpc_binding_handle_call_send(state, ev, conn->h, NULL,
						 &ndr_table_clusapi, opnum,
						 state, r);
	if (tevent_req_nomem(subreq, req)) {
		return tevent_req_post(req, ev);
	}
	tevent_req_set_callback(subreq, clusapi_rpc_done, req);
	return req;
}

static void clusapi_rpc_done(struct tevent_req *subreq)
{
	NTSTATUS status = dcerpc_binding_handle_call_recv(subreq);

	tevent_req_simple_finish_ntstatus(subreq, status);
}

static struct tevent_req *clusapi_rpc_invalid(struct tevent_req *req,
					      struct tevent_context *ev)
{
	tevent_req_nterror(req, NT_STATUS_INVALID_PARAMETER);
	return tevent_req_post(req, ev);
}

/* True, with req received, when the call failed with *status */
static bool clusapi_rpc_failed(struct tevent_req *req, NTSTATUS *status)
{
	if (!tevent_req_is_nterror(req, status)) {
		return false;
	}
	tevent_req_received(req);
	return true;
}

/* The WERROR of a call that answers nothing else (and rpc_status) */
static NTSTATUS clusapi_werr_recv(struct tevent_req *req, WERROR *werr)
{
	struct clusapi_call_state *state = tevent_req_data(
		req, struct clusapi_call_state);
	NTSTATUS status;

	if (clusapi_rpc_failed(req, &status)) {
		return status;
	}
	*werr = *state->result;
	tevent_req_received(req);
	return NT_STATUS_OK;
}

/*
 * The per-object forms of a call differ only in their opnum and in the
 * names PIDL gives their fields, so one structure (the node's, or the
 * cluster's for the close) serves each family; these checks keep that
 * true.
 */
#define CLUSAPI_SAME_LAYOUT(a, b)					\
	_Static_assert(sizeof(struct a) == sizeof(struct b) &&		\
		       offsetof(struct a, out) == offsetof(struct b, out), \
		       #a " and " #b " must share a layout")

CLUSAPI_SAME_LAYOUT(ApiOpenNode, ApiOpenGroup);
CLUSAPI_SAME_LAYOUT(ApiOpenNode, ApiOpenResource);
CLUSAPI_SAME_LAYOUT(ApiCloseCluster, ApiCloseNode);
CLUSAPI_SAME_LAYOUT(ApiCloseCluster, ApiCloseGroup);
CLUSAPI_SAME_LAYOUT(ApiCloseCluster, ApiCloseResource);
CLUSAPI_SAME_LAYOUT(ApiGetNodeId, ApiGetGroupId);
CLUSAPI_SAME_LAYOUT(ApiGetNodeId, ApiGetResourceId);
CLUSAPI_SAME_LAYOUT(ApiCreateNodeEnum, ApiCreateGroupResourceEnum);
CLUSAPI_SAME_LAYOUT(ApiCreateNodeEnum, ApiCreateResEnum);

/* What an object type has no call for */
#define CLUSAPI_NO_OPNUM NDR_CLUSAPI_CALL_COUNT

static const struct clusapi_object_opnums {
	uint32_t open;
	uint32_t close;
	uint32_t get_id;
	uint32_t create_enum;
} clusapi_object_opnums[] = {
	[CLUSAPI_OBJECT_CLUSTER] = {
		.open = NDR_APIOPENCLUSTER,
		.close = NDR_APICLOSECLUSTER,
		.get_id = CLUSAPI_NO_OPNUM,
		.create_enum = NDR_APICREATEENUM,
	},
	[CLUSAPI_OBJECT_NODE] = {
		.open = NDR_APIOPENNODE,
		.close = NDR_APICLOSENODE,
		.get_id = NDR_APIGETNODEID,
		.create_enum = NDR_APICREATENODEENUM,
	},
	[CLUSAPI_OBJECT_GROUP] = {
		.open = NDR_APIOPENGROUP,
		.close = NDR_APICLOSEGROUP,
		.get_id = NDR_APIGETGROUPID,
		.create_enum = NDR_APICREATEGROUPRESOURCEENUM,
	},
	[CLUSAPI_OBJECT_RESOURCE] = {
		.open = NDR_APIOPENRESOURCE,
		.close = NDR_APICLOSERESOURCE,
		.get_id = NDR_APIGETRESOURCEID,
		.create_enum = NDR_APICREATERESENUM,
	},
};

static const struct clusapi_object_opnums *clusapi_opnums_of(
	enum clusapi_object_type type)
{
	if ((size_t)type >= sizeof(clusapi_object_opnums) /
	    sizeof(clusapi_object_opnums[0])) {
		return NULL;
	}
	return &clusapi_object_opnums[type];
}

const char *clusapi_call_name(uint32_t opnum)
{
	if (opnum >= ndr_table_clusapi.num_calls) {
		return NULL;
	}
	return ndr_table_clusapi.calls[opnum].name;
}

const char *clusapi_open_call_name(enum clusapi_object_type type)
{
	const struct clusapi_object_opnums *opnums = clusapi_opnums_of(type);

	if (opnums == NULL) {
		opnums = clusapi_opnums_of(CLUSAPI_OBJECT_CLUSTER);
	}
	return clusapi_call_name(opnums->open);
}

/* ---- ApiOpen* ---------------------------------------------------- */

struct tevent_req *clusapi_open_send(TALLOC_CTX *mem_ctx,
				     struct tevent_context *ev,
				     struct clusapi_conn *conn,
				     enum clusapi_object_type type,
				     const char *name)
{
	const struct clusapi_object_opnums *opnums = clusapi_opnums_of(type);
	struct clusapi_call_state *state;
	struct tevent_req *req = clusapi_call_create(mem_ctx, &state);

	if (req == NULL) {
		return NULL;
	}
	state->type = type;
	state->status = WERR_OK;

	if (opnums == NULL) {
		return clusapi_rpc_invalid(req, ev);
	}
	if (type == CLUSAPI_OBJECT_CLUSTER) {
		state->r.open_cluster.out.Status = &state->status;
		state->r.open_cluster.out.Cluster = &state->handle;
		return clusapi_rpc_send(req, state, ev, conn, opnums->open,
					&state->r.open_cluster);
	}
	if (name == NULL) {
		return clusapi_rpc_invalid(req, ev);
	}
	state->r.open.in.lpszNodeName = name;
	state->r.open.out.Status = &state->status;
	state->r.open.out.rpc_status = &state->rpc_status;
	state->r.open.out.hNode = &state->handle;
	return clusapi_rpc_send(req, state, ev, conn, opnums->open,
				&state->r.open);
}

NTSTATUS clusapi_open_recv(struct tevent_req *req,
			   struct policy_handle *handle, WERROR *werr)
{
	struct clusapi_call_state *state = tevent_req_data(
		req, struct clusapi_call_state);
	NTSTATUS status;

	if (clusapi_rpc_failed(req, &status)) {
		return status;
	}
	if (state->type == CLUSAPI_OBJECT_CLUSTER) {
		*werr = *state->r.open_cluster.out.Status;
		*handle = *state->r.open_cluster.out.Cluster;
	} else {
		*werr = *state->r.open.out.Status;
		*handle = *state->r.open.out.hNode;
	}
	tevent_req_received(req);
	return NT_STATUS_OK;
}

/* ---- ApiClose* --------------------------------------------------- */

struct tevent_req *clusapi_close_send(TALLOC_CTX *mem_ctx,
				      struct tevent_context *ev,
				      struct clusapi_conn *conn,
				      enum clusapi_object_type type,
				      const struct policy_handle *handle)
{
	const struct clusapi_object_opnums *opnums = clusapi_opnums_of(type);
	struct clusapi_call_state *state;
	struct tevent_req *req = clusapi_call_create(mem_ctx, &state);

	if (req == NULL) {
		return NULL;
	}
	state->handle = *handle;

	if (opnums == NULL) {
		return clusapi_rpc_invalid(req, ev);
	}
	state->r.close.in.Cluster = &state->handle;
	state->r.close.out.Cluster = &state->handle;
	state->result = &state->r.close.out.result;
	return clusapi_rpc_send(req, state, ev, conn, opnums->close,
				&state->r.close);
}

NTSTATUS clusapi_close_recv(struct tevent_req *req, WERROR *werr)
{
	return clusapi_werr_recv(req, werr);
}

/* ---- ApiGet*State ------------------------------------------------ */

struct tevent_req *clusapi_get_state_send(TALLOC_CTX *mem_ctx,
					  struct tevent_context *ev,
					  struct clusapi_conn *conn,
					  enum clusapi_object_type type,
					  const struct policy_handle *handle)
{
	struct clusapi_call_state *s;
	struct tevent_req *req = clusapi_call_create(mem_ctx, &s);

	if (req == NULL) {
		return NULL;
	}
	s->type = type;

	switch (type) {
	case CLUSAPI_OBJECT_NODE:
		s->r.node_state.in.hNode = *handle;
		s->r.node_state.out.State = &s->node_state;
		s->r.node_state.out.rpc_status = &s->rpc_status;
		return clusapi_rpc_send(req, s, ev, conn, NDR_APIGETNODESTATE,
					&s->r.node_state);
	case CLUSAPI_OBJECT_GROUP:
		s->r.group_state.in.hGroup = *handle;
		s->r.group_state.out.State = &s->group_state;
		s->r.group_state.out.NodeName = &s->strings[0];
		s->r.group_state.out.rpc_status = &s->rpc_status;
		return clusapi_rpc_send(req, s, ev, conn,
					NDR_APIGETGROUPSTATE,
					&s->r.group_state);
	case CLUSAPI_OBJECT_RESOURCE:
		s->r.resource_state.in.hResource = *handle;
		s->r.resource_state.out.State = &s->resource_state;
		s->r.resource_state.out.NodeName = &s->strings[0];
		s->r.resource_state.out.GroupName = &s->strings[1];
		s->r.resource_state.out.rpc_status = &s->rpc_status;
		return clusapi_rpc_send(req, s, ev, conn,
					NDR_APIGETRESOURCESTATE,
					&s->r.resource_state);
	default:
		return clusapi_rpc_invalid(req, ev);
	}
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
	struct clusapi_call_state *state = tevent_req_data(
		req, struct clusapi_call_state);
	const char *owner_name = NULL, *group_name = NULL;
	bool nomem = false;
	NTSTATUS status;

	if (clusapi_rpc_failed(req, &status)) {
		return status;
	}
	switch (state->type) {
	case CLUSAPI_OBJECT_NODE:
		*werr = state->r.node_state.out.result;
		*pstate = (uint32_t)*state->r.node_state.out.State;
		break;
	case CLUSAPI_OBJECT_GROUP:
		*werr = state->r.group_state.out.result;
		*pstate = (uint32_t)*state->r.group_state.out.State;
		owner_name = *state->r.group_state.out.NodeName;
		break;
	case CLUSAPI_OBJECT_RESOURCE:
		*werr = state->r.resource_state.out.result;
		*pstate = (uint32_t)*state->r.resource_state.out.State;
		owner_name = *state->r.resource_state.out.NodeName;
		group_name = *state->r.resource_state.out.GroupName;
		break;
	case CLUSAPI_OBJECT_CLUSTER:
		*pstate = CLUSAPI_STATE_UNKNOWN;
		break;
	}
	if (!W_ERROR_IS_OK(*werr)) {
		*pstate = CLUSAPI_STATE_UNKNOWN;
	}
	if (owner != NULL) {
		*owner = dup_out(mem_ctx, owner_name, &nomem);
	}
	if (group != NULL) {
		*group = dup_out(mem_ctx, group_name, &nomem);
	}
	tevent_req_received(req);
	return nomem ? NT_STATUS_NO_MEMORY : NT_STATUS_OK;
}

/*
 * ---- ApiGet*Id, ApiGetResourceType ---------------------------------
 *
 * One string out of one handle: the three ApiGet*Id and
 * ApiGetResourceType share a layout too.
 */

CLUSAPI_SAME_LAYOUT(ApiGetNodeId, ApiGetResourceType);

static struct tevent_req *clusapi_get_string_send(
	TALLOC_CTX *mem_ctx, struct tevent_context *ev,
	struct clusapi_conn *conn, uint32_t opnum,
	const struct policy_handle *handle)
{
	struct clusapi_call_state *state;
	struct tevent_req *req = clusapi_call_create(mem_ctx, &state);

	if (req == NULL) {
		return NULL;
	}
	if (opnum == CLUSAPI_NO_OPNUM) {
		return clusapi_rpc_invalid(req, ev);
	}
	state->r.get_string.in.hNode = *handle;
	state->r.get_string.out.pGuid = &state->strings[0];
	state->r.get_string.out.rpc_status = &state->rpc_status;
	return clusapi_rpc_send(req, state, ev, conn, opnum,
				&state->r.get_string);
}

static NTSTATUS clusapi_get_string_recv(struct tevent_req *req,
					TALLOC_CTX *mem_ctx, char **string,
					WERROR *werr)
{
	struct clusapi_call_state *state = tevent_req_data(
		req, struct clusapi_call_state);
	bool nomem = false;
	NTSTATUS status;

	if (clusapi_rpc_failed(req, &status)) {
		return status;
	}
	*werr = state->r.get_string.out.result;
	*string = dup_out(mem_ctx, *state->r.get_string.out.pGuid, &nomem);
	tevent_req_received(req);
	return nomem ? NT_STATUS_NO_MEMORY : NT_STATUS_OK;
}

struct tevent_req *clusapi_get_id_send(TALLOC_CTX *mem_ctx,
				       struct tevent_context *ev,
				       struct clusapi_conn *conn,
				       enum clusapi_object_type type,
				       const struct policy_handle *handle)
{
	const struct clusapi_object_opnums *opnums = clusapi_opnums_of(type);

	return clusapi_get_string_send(
		mem_ctx, ev, conn,
		opnums != NULL ? opnums->get_id : CLUSAPI_NO_OPNUM, handle);
}

NTSTATUS clusapi_get_id_recv(struct tevent_req *req, TALLOC_CTX *mem_ctx,
			     char **id, WERROR *werr)
{
	return clusapi_get_string_recv(req, mem_ctx, id, werr);
}

struct tevent_req *clusapi_get_resource_type_send(
	TALLOC_CTX *mem_ctx, struct tevent_context *ev,
	struct clusapi_conn *conn, const struct policy_handle *hresource)
{
	return clusapi_get_string_send(mem_ctx, ev, conn,
				       NDR_APIGETRESOURCETYPE, hresource);
}

NTSTATUS clusapi_get_resource_type_recv(struct tevent_req *req,
					TALLOC_CTX *mem_ctx, char **type,
					WERROR *werr)
{
	return clusapi_get_string_recv(req, mem_ctx, type, werr);
}

/* ---- ApiCreateEnum, ApiCreateGroupResourceEnum, ApiCreateResEnum ---- */

struct tevent_req *clusapi_enum_send(TALLOC_CTX *mem_ctx,
				     struct tevent_context *ev,
				     struct clusapi_conn *conn,
				     enum clusapi_object_type of,
				     const struct policy_handle *handle,
				     uint32_t enum_type)
{
	const struct clusapi_object_opnums *opnums = clusapi_opnums_of(of);
	struct clusapi_call_state *state;
	struct tevent_req *req = clusapi_call_create(mem_ctx, &state);

	if (req == NULL) {
		return NULL;
	}
	state->type = of;
	if (opnums == NULL) {
		return clusapi_rpc_invalid(req, ev);
	}
	if (of == CLUSAPI_OBJECT_CLUSTER) {
		state->r.create_enum.in.dwType = enum_type;
		state->r.create_enum.out.ReturnEnum = &state->list;
		state->r.create_enum.out.rpc_status = &state->rpc_status;
		return clusapi_rpc_send(req, state, ev, conn,
					opnums->create_enum,
					&state->r.create_enum);
	}
	state->r.create_object_enum.in.hNode = *handle;
	state->r.create_object_enum.in.dwType = enum_type;
	state->r.create_object_enum.out.ReturnEnum = &state->list;
	state->r.create_object_enum.out.rpc_status = &state->rpc_status;
	return clusapi_rpc_send(req, state, ev, conn, opnums->create_enum,
				&state->r.create_object_enum);
}

NTSTATUS clusapi_enum_recv(struct tevent_req *req, TALLOC_CTX *mem_ctx,
			   char ***pnames, uint32_t *pcount, WERROR *werr)
{
	struct clusapi_call_state *state = tevent_req_data(
		req, struct clusapi_call_state);
	struct ENUM_LIST *list;
	char **names;
	uint32_t i, n = 0;
	NTSTATUS status;

	if (clusapi_rpc_failed(req, &status)) {
		return status;
	}
	if (state->type == CLUSAPI_OBJECT_CLUSTER) {
		*werr = state->r.create_enum.out.result;
		list = *state->r.create_enum.out.ReturnEnum;
	} else {
		*werr = state->r.create_object_enum.out.result;
		list = *state->r.create_object_enum.out.ReturnEnum;
	}

	names = talloc_array(mem_ctx, char *, 1);
	if (names == NULL) {
		tevent_req_received(req);
		return NT_STATUS_NO_MEMORY;
	}
	if (W_ERROR_IS_OK(*werr) && list != NULL) {
		names = talloc_realloc(mem_ctx, names, char *,
				       list->EntryCount + 1);
		if (names == NULL) {
			tevent_req_received(req);
			return NT_STATUS_NO_MEMORY;
		}
		for (i = 0; i < list->EntryCount; i++) {
			const char *name = list->Entry[i].Name;

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
 * The calls below answer nothing but rpc_status and a WERROR: the
 * caller fills r's [in], and a descriptor says where r's two [out]s
 * are, so one send and recv serve them all.
 */
struct clusapi_werr_call {
	uint32_t opnum;
	size_t rpc_status;	/* offsetof(r, out.rpc_status) */
	size_t result;		/* offsetof(r, out.result) */
};

#define CLUSAPI_WERR_CALL(name, opnum) {				\
	opnum, offsetof(struct name, out.rpc_status),			\
	offsetof(struct name, out.result)				\
}

static const struct clusapi_werr_call
	clusapi_move_group = CLUSAPI_WERR_CALL(ApiMoveGroup,
					       NDR_APIMOVEGROUP),
	clusapi_move_group_ex = CLUSAPI_WERR_CALL(ApiMoveGroupEx,
						  NDR_APIMOVEGROUPEX),
	clusapi_move_group_to_node = CLUSAPI_WERR_CALL(
		ApiMoveGroupToNode, NDR_APIMOVEGROUPTONODE),
	clusapi_move_group_to_node_ex = CLUSAPI_WERR_CALL(
		ApiMoveGroupToNodeEx, NDR_APIMOVEGROUPTONODEEX),
	clusapi_online_group = CLUSAPI_WERR_CALL(ApiOnlineGroup,
						 NDR_APIONLINEGROUP),
	clusapi_offline_group = CLUSAPI_WERR_CALL(ApiOfflineGroup,
						  NDR_APIOFFLINEGROUP),
	clusapi_cancel_group_operation = CLUSAPI_WERR_CALL(
		ApiCancelClusterGroupOperation,
		NDR_APICANCELCLUSTERGROUPOPERATION),
	clusapi_pause_node = CLUSAPI_WERR_CALL(ApiPauseNode,
					       NDR_APIPAUSENODE),
	clusapi_pause_node_ex = CLUSAPI_WERR_CALL(ApiPauseNodeEx,
						  NDR_APIPAUSENODEEX),
	clusapi_pause_node_with_drain_target = CLUSAPI_WERR_CALL(
		ApiPauseNodeWithDrainTarget,
		NDR_APIPAUSENODEWITHDRAINTARGET),
	clusapi_resume_node = CLUSAPI_WERR_CALL(ApiResumeNode,
						NDR_APIRESUMENODE),
	clusapi_resume_node_ex = CLUSAPI_WERR_CALL(ApiResumeNodeEx,
						   NDR_APIRESUMENODEEX);

/* lpInBuffer is [ref]: a pointer even when empty; never written */
static uint8_t clusapi_empty_buffer[1];

/*
 * Send r, a filled copy of the structure call->opnum takes: PIDL's
 * table says its size.
 */
static struct tevent_req *clusapi_werr_send(
	TALLOC_CTX *mem_ctx, struct tevent_context *ev,
	struct clusapi_conn *conn, const struct clusapi_werr_call *call,
	const void *r)
{
	struct clusapi_call_state *state;
	struct tevent_req *req = clusapi_call_create(mem_ctx, &state);
	WERROR **rpc_status;

	if (req == NULL) {
		return NULL;
	}
	state->werr_r = talloc_memdup(
		state, r, ndr_table_clusapi.calls[call->opnum].struct_size);
	if (tevent_req_nomem(state->werr_r, req)) {
		return tevent_req_post(req, ev);
	}
	rpc_status = (WERROR **)(state->werr_r + call->rpc_status);
	*rpc_status = &state->rpc_status;
	state->result = (WERROR *)(state->werr_r + call->result);
	return clusapi_rpc_send(req, state, ev, conn, call->opnum,
				state->werr_r);
}

/* ---- ApiMoveGroup, ApiMoveGroupToNode and their Ex forms ---------- */

struct tevent_req *clusapi_move_call_send(TALLOC_CTX *mem_ctx,
					  struct tevent_context *ev,
					  struct clusapi_conn *conn,
					  const struct policy_handle *hgroup,
					  const struct policy_handle *hnode,
					  uint32_t flags)
{
	if (hnode == NULL && flags == 0) {
		return clusapi_werr_send(
			mem_ctx, ev, conn, &clusapi_move_group,
			&(struct ApiMoveGroup){ .in.hGroup = *hgroup });
	}
	if (hnode == NULL) {
		return clusapi_werr_send(
			mem_ctx, ev, conn, &clusapi_move_group_ex,
			&(struct ApiMoveGroupEx){
				.in.hGroup = *hgroup,
				.in.dwMoveFlags = flags,
				.in.lpInBuffer = clusapi_empty_buffer,
			});
	}
	if (flags == 0) {
		return clusapi_werr_send(
			mem_ctx, ev, conn, &clusapi_move_group_to_node,
			&(struct ApiMoveGroupToNode){
				.in.hGroup = *hgroup,
				.in.hNode = *hnode,
			});
	}
	return clusapi_werr_send(
		mem_ctx, ev, conn, &clusapi_move_group_to_node_ex,
		&(struct ApiMoveGroupToNodeEx){
			.in.hGroup = *hgroup,
			.in.hNode = *hnode,
			.in.dwMoveFlags = flags,
			.in.lpInBuffer = clusapi_empty_buffer,
		});
}

NTSTATUS clusapi_move_call_recv(struct tevent_req *req, WERROR *werr)
{
	return clusapi_werr_recv(req, werr);
}

/* ---- ApiOnlineGroup / ApiOfflineGroup ---------------------------- */

CLUSAPI_SAME_LAYOUT(ApiOnlineGroup, ApiOfflineGroup);

struct tevent_req *clusapi_group_control_send(
	TALLOC_CTX *mem_ctx, struct tevent_context *ev,
	struct clusapi_conn *conn, const struct policy_handle *hgroup,
	bool online)
{
	return clusapi_werr_send(
		mem_ctx, ev, conn,
		online ? &clusapi_online_group : &clusapi_offline_group,
		&(struct ApiOnlineGroup){ .in.hGroup = *hgroup });
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
	return clusapi_werr_send(
		mem_ctx, ev, conn, &clusapi_cancel_group_operation,
		&(struct ApiCancelClusterGroupOperation){
			.in.hGroup = *hgroup,
		});
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
	if (drain && hdrain_target != NULL) {
		return clusapi_werr_send(
			mem_ctx, ev, conn,
			&clusapi_pause_node_with_drain_target,
			&(struct ApiPauseNodeWithDrainTarget){
				.in.hNode = *hnode,
				.in.hNodeDrainTarget = *hdrain_target,
			});
	}
	if (drain) {
		return clusapi_werr_send(
			mem_ctx, ev, conn, &clusapi_pause_node_ex,
			&(struct ApiPauseNodeEx){
				.in.hNode = *hnode,
				.in.bDrainNode = 1,
			});
	}
	return clusapi_werr_send(
		mem_ctx, ev, conn, &clusapi_pause_node,
		&(struct ApiPauseNode){ .in.hNode = *hnode });
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
	if (failback) {
		return clusapi_werr_send(
			mem_ctx, ev, conn, &clusapi_resume_node_ex,
			&(struct ApiResumeNodeEx){
				.in.hNode = *hnode,
				.in.dwResumeFailbackType =
					FailbackGroupsImmediately,
			});
	}
	return clusapi_werr_send(
		mem_ctx, ev, conn, &clusapi_resume_node,
		&(struct ApiResumeNode){ .in.hNode = *hnode });
}

NTSTATUS clusapi_resume_node_call_recv(struct tevent_req *req,
				       WERROR *werr)
{
	return clusapi_werr_recv(req, werr);
}

/* ---- close several handles, errors ignored ----------------------- */

/* The closes of a flow's last step; the flow's req is done after them */
struct clusapi_close_all_state {
	struct tevent_req *req;
	size_t pending;
};

static void clusapi_close_all_done(struct tevent_req *subreq)
{
	struct clusapi_close_all_state *state = tevent_req_callback_data(
		subreq, struct clusapi_close_all_state);

	/* errors are ignored: nothing to receive */
	TALLOC_FREE(subreq);
	state->pending -= 1;
	if (state->pending == 0) {
		tevent_req_done(state->req);
	}
}

void clusapi_close_all_and_finish(struct tevent_req *req, TALLOC_CTX *mem_ctx,
				  struct tevent_context *ev,
				  struct clusapi_conn *conn,
				  const enum clusapi_object_type *types,
				  const struct policy_handle *handles,
				  size_t count)
{
	struct clusapi_close_all_state *state;
	struct tevent_req *subreq;
	size_t i;

	state = talloc_zero(mem_ctx, struct clusapi_close_all_state);
	if (tevent_req_nomem(state, req)) {
		return;
	}
	state->req = req;
	for (i = 0; i < count; i++) {
		if (!clusapi_handle_is_set(&handles[i])) {
			continue;
		}
		/* a close that cannot be sent is one fewer to wait for */
		subreq = clusapi_close_send(state, ev, conn, types[i],
					    &handles[i]);
		if (subreq == NULL) {
			continue;
		}
		tevent_req_set_callback(subreq, clusapi_close_all_done, state);
		state->pending += 1;
	}
	if (state->pending == 0) {
		TALLOC_FREE(state);
		tevent_req_done(req);
	}
}
