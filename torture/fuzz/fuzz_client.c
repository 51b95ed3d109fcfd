/*
 * clusapi fuzzing: libclusapi's handling of what a server answers
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input plays the server. Its first byte picks a flow (the 4.2
 * move, group online, the lists, a show, cluster info, node pause);
 * the rest are answers, one per call the flow makes, in the order it
 * makes them on either of its connections:
 *
 *	uint8 kind, uint16 length (little-endian), LENGTH bytes
 *
 * kind 1 fails the call at the transport (a fault), any other kind
 * answers with the bytes as the response stub, which PIDL's client code
 * unmarshals and the flow then interprets. When the answers run out,
 * every call fails as if the connection had gone.
 */

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <talloc.h>
#include <tevent.h>
#include <util/tevent_ntstatus.h>
#include <dcerpc.h>

#include "lib/clusapi_private.h"
#include "librpc/gen_ndr/ndr_clusapi.h"
#include "fuzz.h"

struct fz_input {
	const uint8_t *data;
	size_t size;
};

struct fz_call_state {
	DATA_BLOB out;
};

static struct tevent_req *fz_raw_call_send(TALLOC_CTX *mem_ctx,
					   struct tevent_context *ev,
					   struct dcerpc_binding_handle *h,
					   const struct GUID *object,
					   uint32_t opnum, uint32_t in_flags,
					   const uint8_t *in_data,
					   size_t in_length)
{
	struct fz_input **pin = dcerpc_binding_handle_data(
		h, struct fz_input *);
	struct fz_input *in = *pin;
	struct fz_call_state *state;
	struct tevent_req *req;
	uint8_t kind;
	uint16_t len;

	req = tevent_req_create(mem_ctx, &state, struct fz_call_state);
	if (req == NULL) {
		return NULL;
	}
	if (in->size < 3) {
		tevent_req_nterror(req, NT_STATUS_CONNECTION_DISCONNECTED);
		return tevent_req_post(req, ev);
	}
	kind = in->data[0];
	len = in->data[1] | (in->data[2] << 8);
	in->data += 3;
	in->size -= 3;
	if (len > in->size) {
		len = in->size;
	}
	if (kind == 1) {
		in->data += len;
		in->size -= len;
		tevent_req_nterror(req, NT_STATUS_RPC_PROTOCOL_ERROR);
		return tevent_req_post(req, ev);
	}
	/* the client owns and may keep what it is given */
	state->out = data_blob_talloc(state, in->data, len);
	if (len > 0 && state->out.data == NULL) {
		tevent_req_oom(req);
		return tevent_req_post(req, ev);
	}
	in->data += len;
	in->size -= len;
	tevent_req_done(req);
	return tevent_req_post(req, ev);
}

static NTSTATUS fz_raw_call_recv(struct tevent_req *req, TALLOC_CTX *mem_ctx,
				 uint8_t **out_data, size_t *out_length,
				 uint32_t *out_flags)
{
	struct fz_call_state *state = tevent_req_data(
		req, struct fz_call_state);
	NTSTATUS status;

	if (tevent_req_is_nterror(req, &status)) {
		tevent_req_received(req);
		return status;
	}
	*out_data = talloc_move(mem_ctx, &state->out.data);
	*out_length = state->out.length;
	*out_flags = 0;
	tevent_req_received(req);
	return NT_STATUS_OK;
}

static bool fz_is_connected(struct dcerpc_binding_handle *h)
{
	return true;
}

static uint32_t fz_set_timeout(struct dcerpc_binding_handle *h,
			       uint32_t timeout)
{
	return 60;
}

static void fz_auth_info(struct dcerpc_binding_handle *h,
			 enum dcerpc_AuthType *auth_type,
			 enum dcerpc_AuthLevel *auth_level)
{
	*auth_type = DCERPC_AUTH_TYPE_NONE;
	*auth_level = DCERPC_AUTH_LEVEL_NONE;
}

static bool fz_true(struct dcerpc_binding_handle *h)
{
	return true;
}

static bool fz_false(struct dcerpc_binding_handle *h)
{
	return false;
}

/* ref_alloc as libdcerpc's own handles: [ref] out pointers allocated */
static const struct dcerpc_binding_handle_ops fz_ops = {
	.name = "fuzz_server",
	.is_connected = fz_is_connected,
	.set_timeout = fz_set_timeout,
	.auth_info = fz_auth_info,
	.raw_call_send = fz_raw_call_send,
	.raw_call_recv = fz_raw_call_recv,
	.ref_alloc = fz_true,
	.push_bigendian = fz_false,
	.use_ndr64 = fz_false,
};

static struct dcerpc_binding_handle *fz_handle(TALLOC_CTX *mem_ctx,
					       struct fz_input *in)
{
	struct dcerpc_binding_handle *h;
	struct fz_input **pin;

	h = dcerpc_binding_handle_create(mem_ctx, &fz_ops, NULL,
					 &ndr_table_clusapi, &pin,
					 struct fz_input *, __location__);
	if (h == NULL) {
		abort();
	}
	*pin = in;
	return h;
}

enum fz_flow {
	FZ_MOVE,
	FZ_ONLINE,
	FZ_LIST_GROUPS,
	FZ_LIST_NODES,
	FZ_LIST_RESOURCES,
	FZ_SHOW_GROUP,
	FZ_CLUSTER_INFO,
	FZ_NODE_PAUSE,
	FZ_NUM_FLOWS
};

static struct tevent_req *fz_flow_send(TALLOC_CTX *mem_ctx,
				       struct tevent_context *ev,
				       struct clusapi_conn *conn,
				       enum fz_flow flow)
{
	/* short waits: a flow the answers keep Pending ends by itself */
	struct clusapi_move_opts opts = {
		.wait = true,
		.timeout_ms = 20,
		.poll_interval_ms = 1,
		.cancel_on_timeout = true,
	};

	switch (flow) {
	case FZ_MOVE:
		return clusapi_move_group_send(mem_ctx, ev, conn,
					       "Cluster Group", "NodeB",
					       &opts);
	case FZ_ONLINE:
		return clusapi_group_set_online_send(mem_ctx, ev, conn,
						     "Cluster Group", true,
						     &opts);
	case FZ_LIST_GROUPS:
		return clusapi_list_send(mem_ctx, ev, conn,
					 CLUSAPI_OBJECT_GROUP, NULL);
	case FZ_LIST_NODES:
		return clusapi_list_send(mem_ctx, ev, conn,
					 CLUSAPI_OBJECT_NODE, NULL);
	case FZ_LIST_RESOURCES:
		return clusapi_list_send(mem_ctx, ev, conn,
					 CLUSAPI_OBJECT_RESOURCE, NULL);
	case FZ_SHOW_GROUP:
		return clusapi_object_info_send(mem_ctx, ev, conn,
						CLUSAPI_OBJECT_GROUP,
						"Cluster Group", true);
	case FZ_CLUSTER_INFO:
		return clusapi_cluster_info_send(mem_ctx, ev, conn);
	case FZ_NODE_PAUSE:
	default:
		return clusapi_node_pause_send(mem_ctx, ev, conn, "NodeA",
					       true, NULL);
	}
}

/* Every _recv, so what a flow hands back is built and freed as usual */
static void fz_flow_recv(struct tevent_req *req, TALLOC_CTX *mem_ctx,
			 enum fz_flow flow)
{
	struct clusapi_flow_result *result = NULL;
	struct clusapi_object_info *objects = NULL;
	struct clusapi_cluster_info *info = NULL;
	const char *failed_call = NULL;
	char *failed_name = NULL;
	uint32_t count = 0, i;
	WERROR werr;

	switch (flow) {
	case FZ_MOVE:
		clusapi_move_group_recv(req, mem_ctx, &result);
		break;
	case FZ_ONLINE:
		clusapi_group_set_online_recv(req, mem_ctx, &result);
		break;
	case FZ_LIST_GROUPS:
	case FZ_LIST_NODES:
	case FZ_LIST_RESOURCES:
		if (NT_STATUS_IS_OK(clusapi_list_recv(req, mem_ctx, &objects,
						      &count, &werr))) {
			for (i = 0; i < count; i++) {
				/* names and states are what clusctl prints */
				if (objects[i].name == NULL) {
					abort();
				}
				clusapi_state_name(objects[i].type,
						   objects[i].state);
			}
		}
		break;
	case FZ_SHOW_GROUP:
		clusapi_object_info_recv(req, mem_ctx, &objects, &werr);
		break;
	case FZ_CLUSTER_INFO:
		clusapi_cluster_info_recv(req, mem_ctx, &info, &werr);
		break;
	case FZ_NODE_PAUSE:
	default:
		clusapi_node_op_recv(req, mem_ctx, &werr, &failed_call,
				     &failed_name);
		break;
	}
	if (result != NULL) {
		for (i = 0; i < result->num_events; i++) {
			talloc_free(clusapi_event_string(mem_ctx,
							 &result->events[i]));
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	TALLOC_CTX *frame;
	struct tevent_context *ev;
	struct fz_input *in;
	struct clusapi_conn *conn = NULL;
	struct tevent_req *req;
	enum fz_flow flow;

	if (size < 1) {
		return 0;
	}
	flow = data[0] % FZ_NUM_FLOWS;
	frame = talloc_new(NULL);
	ev = tevent_context_init(frame);
	in = talloc_zero(frame, struct fz_input);
	if (ev == NULL || in == NULL) {
		abort();
	}
	in->data = data + 1;
	in->size = size - 1;
	if (!NT_STATUS_IS_OK(clusapi_conn_from_binding_handles(
		    frame, ev, fz_handle(frame, in), fz_handle(frame, in),
		    &conn))) {
		abort();
	}
	req = fz_flow_send(frame, ev, conn, flow);
	if (req == NULL || !tevent_req_poll(req, ev)) {
		abort();
	}
	fz_flow_recv(req, frame, flow);
	/* the connection's pending calls and timers go first */
	TALLOC_FREE(req);
	TALLOC_FREE(conn);
	talloc_free(frame);
	return 0;
}
