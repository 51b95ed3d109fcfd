/*
 * libclusapi - control codes: the properties of every kind of object
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Open the object (the cluster for a resource type), call its Api*Control
 * with the code, once more with the size the server asks for if the
 * output did not fit (ERROR_MORE_DATA), close.  Networks and interfaces
 * are opened and closed here, through PIDL's structures.
 */

#include "lib/clusapi_private.h"
#include "librpc/gen_ndr/ndr_clusapi.h"

union clusapi_control_r {
	struct ApiResourceControl resource;
	struct ApiResourceTypeControl restype;
	struct ApiGroupControl group;
	struct ApiNodeControl node;
	struct ApiNetworkControl network;
	struct ApiNetInterfaceControl netif;
	struct ApiClusterControl cluster;
	struct ApiOpenNetwork open_network;
	struct ApiOpenNetInterface open_netif;
	struct ApiCloseNetwork close_network;
	struct ApiCloseNetInterface close_netif;
};

struct clusapi_control_state {
	struct tevent_context *ev;
	struct clusapi_conn *conn;
	enum clusapi_control_object object;
	const char *name;
	uint32_t code;
	DATA_BLOB in;

	struct policy_handle handle;
	union clusapi_control_r r;
	WERROR open_status;
	WERROR rpc_status;
	uint32_t out_size;
	uint8_t *out;
	uint32_t returned;
	uint32_t required;
	bool retried;

	struct clusapi_admin_result result;
};

static void clusapi_control_opened(struct tevent_req *subreq);
static void clusapi_control_call(struct tevent_req *req);
static void clusapi_control_called(struct tevent_req *subreq);
static void clusapi_control_close(struct tevent_req *req);
static void clusapi_control_closed(struct tevent_req *subreq);

/* The object type clusapi_open_send() knows, or CLUSTER for the others */
static enum clusapi_object_type control_open_type(
	enum clusapi_control_object object)
{
	switch (object) {
	case CLUSAPI_CONTROL_RESOURCE:
		return CLUSAPI_OBJECT_RESOURCE;
	case CLUSAPI_CONTROL_GROUP:
		return CLUSAPI_OBJECT_GROUP;
	case CLUSAPI_CONTROL_NODE:
		return CLUSAPI_OBJECT_NODE;
	default:
		return CLUSAPI_OBJECT_CLUSTER;
	}
}

static struct tevent_req *control_open_send(struct clusapi_control_state *s)
{
	union clusapi_control_r *r = &s->r;

	s->open_status = WERR_OK;
	if (s->object == CLUSAPI_CONTROL_NETWORK) {
		r->open_network.in.lpszNetworkName = s->name;
		r->open_network.out.Status = &s->open_status;
		r->open_network.out.rpc_status = &s->rpc_status;
		r->open_network.out.hNetwork = &s->handle;
		return dcerpc_binding_handle_call_send(
			s, s->ev, s->conn->h, NULL, &ndr_table_clusapi,
			NDR_APIOPENNETWORK, s, &r->open_network);
	}
	if (s->object == CLUSAPI_CONTROL_NETINTERFACE) {
		r->open_netif.in.lpszNetInterfaceName = s->name;
		r->open_netif.out.Status = &s->open_status;
		r->open_netif.out.rpc_status = &s->rpc_status;
		r->open_netif.out.hNetInterface = &s->handle;
		return dcerpc_binding_handle_call_send(
			s, s->ev, s->conn->h, NULL, &ndr_table_clusapi,
			NDR_APIOPENNETINTERFACE, s, &r->open_netif);
	}
	return clusapi_open_send(s, s->ev, s->conn,
				 control_open_type(s->object), s->name);
}

struct tevent_req *clusapi_control_send(TALLOC_CTX *mem_ctx,
					struct tevent_context *ev,
					struct clusapi_conn *conn,
					enum clusapi_control_object object,
					const char *name, uint32_t function,
					const DATA_BLOB *in)
{
	struct tevent_req *req, *subreq;
	struct clusapi_control_state *state;

	req = tevent_req_create(mem_ctx, &state,
				struct clusapi_control_state);
	if (req == NULL) {
		return NULL;
	}
	state->ev = ev;
	state->conn = conn;
	state->object = object;
	state->code = ((uint32_t)object << 24) | function;
	state->out_size = 4096;
	state->result.werr = WERR_OK;
	state->name = talloc_strdup(state, name != NULL ? name : "");
	if (tevent_req_nomem(state->name, req)) {
		return tevent_req_post(req, ev);
	}
	if (in != NULL && in->length > 0) {
		state->in = data_blob_talloc(state, in->data, in->length);
		if (tevent_req_nomem(state->in.data, req)) {
			return tevent_req_post(req, ev);
		}
	}
	subreq = control_open_send(state);
	if (tevent_req_nomem(subreq, req)) {
		return tevent_req_post(req, ev);
	}
	tevent_req_set_callback(subreq, clusapi_control_opened, req);
	return req;
}

static const char *control_open_call(enum clusapi_control_object object)
{
	if (object == CLUSAPI_CONTROL_NETWORK) {
		return clusapi_call_name(NDR_APIOPENNETWORK);
	}
	if (object == CLUSAPI_CONTROL_NETINTERFACE) {
		return clusapi_call_name(NDR_APIOPENNETINTERFACE);
	}
	return clusapi_open_call_name(control_open_type(object));
}

static void clusapi_control_opened(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_control_state *state = tevent_req_data(
		req, struct clusapi_control_state);
	WERROR werr = WERR_OK;
	NTSTATUS status;

	if (state->object == CLUSAPI_CONTROL_NETWORK ||
	    state->object == CLUSAPI_CONTROL_NETINTERFACE) {
		status = dcerpc_binding_handle_call_recv(subreq);
		werr = state->open_status;
	} else {
		status = clusapi_open_recv(subreq, &state->handle, &werr);
	}
	TALLOC_FREE(subreq);
	if (tevent_req_nterror(req, status)) {
		return;
	}
	if (!W_ERROR_IS_OK(werr)) {
		state->result.werr = werr;
		state->result.failed_call = control_open_call(state->object);
		state->result.failed_name = state->name;
		tevent_req_done(req);
		return;
	}
	clusapi_control_call(req);
}

/* The call of each object: one layout, seven structures */
static void *control_fill(struct clusapi_control_state *s, uint32_t *opnum)
{
	union clusapi_control_r *r = &s->r;

	memset(r, 0, sizeof(*r));
#define CONTROL_IN(f, h)						\
	(r->f.in.h = s->handle, r->f.in.dwControlCode = s->code,	\
	 r->f.in.lpInBuffer = s->in.data,				\
	 r->f.in.nInBufferSize = s->in.length,				\
	 r->f.in.nOutBufferSize = s->out_size,				\
	 r->f.out.lpOutBuffer = s->out,				\
	 r->f.out.lpBytesReturned = &s->returned,			\
	 r->f.out.lpcbRequired = &s->required,				\
	 r->f.out.rpc_status = &s->rpc_status, (void *)&r->f)
	switch (s->object) {
	case CLUSAPI_CONTROL_RESOURCE:
		*opnum = NDR_APIRESOURCECONTROL;
		return CONTROL_IN(resource, hResource);
	case CLUSAPI_CONTROL_RESTYPE:
		*opnum = NDR_APIRESOURCETYPECONTROL;
		r->restype.in.lpszResourceTypeName = s->name;
		return CONTROL_IN(restype, hCluster);
	case CLUSAPI_CONTROL_GROUP:
		*opnum = NDR_APIGROUPCONTROL;
		return CONTROL_IN(group, hGroup);
	case CLUSAPI_CONTROL_NODE:
		*opnum = NDR_APINODECONTROL;
		return CONTROL_IN(node, hNode);
	case CLUSAPI_CONTROL_NETWORK:
		*opnum = NDR_APINETWORKCONTROL;
		return CONTROL_IN(network, hNetwork);
	case CLUSAPI_CONTROL_NETINTERFACE:
		*opnum = NDR_APINETINTERFACECONTROL;
		return CONTROL_IN(netif, hNetInterface);
	case CLUSAPI_CONTROL_CLUSTER:
		*opnum = NDR_APICLUSTERCONTROL;
		return CONTROL_IN(cluster, hCluster);
	}
#undef CONTROL_IN
	return NULL;
}

/* Every structure has its WERROR result at the same place */
static WERROR control_result(struct clusapi_control_state *s)
{
	switch (s->object) {
	case CLUSAPI_CONTROL_RESOURCE:
		return s->r.resource.out.result;
	case CLUSAPI_CONTROL_RESTYPE:
		return s->r.restype.out.result;
	case CLUSAPI_CONTROL_GROUP:
		return s->r.group.out.result;
	case CLUSAPI_CONTROL_NODE:
		return s->r.node.out.result;
	case CLUSAPI_CONTROL_NETWORK:
		return s->r.network.out.result;
	case CLUSAPI_CONTROL_NETINTERFACE:
		return s->r.netif.out.result;
	case CLUSAPI_CONTROL_CLUSTER:
		return s->r.cluster.out.result;
	}
	return WERR_INVALID_PARAMETER;
}

static void clusapi_control_call(struct tevent_req *req)
{
	struct clusapi_control_state *state = tevent_req_data(
		req, struct clusapi_control_state);
	struct tevent_req *subreq;
	uint32_t opnum = 0;
	void *r;

	TALLOC_FREE(state->out);
	state->out = talloc_zero_array(state, uint8_t, state->out_size);
	if (tevent_req_nomem(state->out, req)) {
		return;
	}
	r = control_fill(state, &opnum);
	if (r == NULL) {
		tevent_req_nterror(req, NT_STATUS_INVALID_PARAMETER);
		return;
	}
	subreq = dcerpc_binding_handle_call_send(state, state->ev,
						 state->conn->h, NULL,
						 &ndr_table_clusapi, opnum,
						 state, r);
	if (tevent_req_nomem(subreq, req)) {
		return;
	}
	tevent_req_set_callback(subreq, clusapi_control_called, req);
}

static void clusapi_control_called(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_control_state *state = tevent_req_data(
		req, struct clusapi_control_state);
	NTSTATUS status;
	WERROR werr;

	status = dcerpc_binding_handle_call_recv(subreq);
	TALLOC_FREE(subreq);
	if (tevent_req_nterror(req, status)) {
		return;
	}
	werr = control_result(state);
	if (W_ERROR_EQUAL(werr, WERR_MORE_DATA) && !state->retried &&
	    state->required > state->out_size) {
		state->retried = true;
		state->out_size = state->required;
		clusapi_control_call(req);
		return;
	}
	state->result.werr = werr;
	clusapi_control_close(req);
}

static void clusapi_control_close(struct tevent_req *req)
{
	struct clusapi_control_state *state = tevent_req_data(
		req, struct clusapi_control_state);
	union clusapi_control_r *r = &state->r;
	struct tevent_req *subreq;

	if (state->object == CLUSAPI_CONTROL_NETWORK) {
		r->close_network.in.Network = &state->handle;
		r->close_network.out.Network = &state->handle;
		subreq = dcerpc_binding_handle_call_send(
			state, state->ev, state->conn->h, NULL,
			&ndr_table_clusapi, NDR_APICLOSENETWORK, state,
			&r->close_network);
	} else if (state->object == CLUSAPI_CONTROL_NETINTERFACE) {
		r->close_netif.in.NetInterface = &state->handle;
		r->close_netif.out.NetInterface = &state->handle;
		subreq = dcerpc_binding_handle_call_send(
			state, state->ev, state->conn->h, NULL,
			&ndr_table_clusapi, NDR_APICLOSENETINTERFACE, state,
			&r->close_netif);
	} else {
		subreq = clusapi_close_send(state, state->ev, state->conn,
					    control_open_type(state->object),
					    &state->handle);
	}
	if (tevent_req_nomem(subreq, req)) {
		return;
	}
	tevent_req_set_callback(subreq, clusapi_control_closed, req);
}

static void clusapi_control_closed(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);

	/* a failing close changes nothing for the caller */
	TALLOC_FREE(subreq);
	tevent_req_done(req);
}

NTSTATUS clusapi_control_recv(struct tevent_req *req, TALLOC_CTX *mem_ctx,
			      DATA_BLOB *out,
			      struct clusapi_admin_result *result)
{
	struct clusapi_control_state *state = tevent_req_data(
		req, struct clusapi_control_state);
	NTSTATUS status;

	if (tevent_req_is_nterror(req, &status)) {
		tevent_req_received(req);
		return status;
	}
	*result = state->result;
	result->failed_name = talloc_steal(mem_ctx, state->name);
	*out = data_blob_null;
	if (W_ERROR_IS_OK(state->result.werr) && state->returned > 0) {
		*out = data_blob_talloc(mem_ctx, state->out,
					state->returned < state->out_size ?
					state->returned : state->out_size);
		if (out->data == NULL) {
			tevent_req_received(req);
			return NT_STATUS_NO_MEMORY;
		}
	}
	tevent_req_received(req);
	return NT_STATUS_OK;
}

/* ---- ApiGetQuorumResource ------------------------------------------ */

struct clusapi_quorum_state {
	struct ApiGetQuorumResource r;
	const char *resource;
	const char *device;
	uint32_t max_log_size;
	WERROR rpc_status;
};

static void clusapi_quorum_done(struct tevent_req *subreq);

struct tevent_req *clusapi_quorum_send(TALLOC_CTX *mem_ctx,
				       struct tevent_context *ev,
				       struct clusapi_conn *conn)
{
	struct tevent_req *req, *subreq;
	struct clusapi_quorum_state *state;

	req = tevent_req_create(mem_ctx, &state, struct clusapi_quorum_state);
	if (req == NULL) {
		return NULL;
	}
	state->r.out.lpszResourceName = &state->resource;
	state->r.out.lpszDeviceName = &state->device;
	state->r.out.pdwMaxQuorumLogSize = &state->max_log_size;
	state->r.out.rpc_status = &state->rpc_status;
	subreq = dcerpc_binding_handle_call_send(state, ev, conn->h, NULL,
						 &ndr_table_clusapi,
						 NDR_APIGETQUORUMRESOURCE,
						 state, &state->r);
	if (tevent_req_nomem(subreq, req)) {
		return tevent_req_post(req, ev);
	}
	tevent_req_set_callback(subreq, clusapi_quorum_done, req);
	return req;
}

static void clusapi_quorum_done(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	NTSTATUS status;

	status = dcerpc_binding_handle_call_recv(subreq);
	TALLOC_FREE(subreq);
	if (tevent_req_nterror(req, status)) {
		return;
	}
	tevent_req_done(req);
}

NTSTATUS clusapi_quorum_recv(struct tevent_req *req, TALLOC_CTX *mem_ctx,
			     struct clusapi_quorum_info *info, WERROR *werr)
{
	struct clusapi_quorum_state *state = tevent_req_data(
		req, struct clusapi_quorum_state);
	NTSTATUS status;

	if (tevent_req_is_nterror(req, &status)) {
		tevent_req_received(req);
		return status;
	}
	*werr = state->r.out.result;
	info->resource = talloc_steal(mem_ctx, state->resource);
	info->device = talloc_steal(mem_ctx, state->device);
	info->max_log_size = state->max_log_size;
	tevent_req_received(req);
	return NT_STATUS_OK;
}
