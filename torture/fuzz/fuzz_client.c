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
#include "torture/lib/fake_binding.h"

struct fz_input {
	const uint8_t *data;
	size_t size;
};

/* The next answer of the input, or a lost connection when none is left */
static void fz_answer(struct tevent_req *req, uint32_t opnum, DATA_BLOB in,
		      void *private_data)
{
	struct fz_input *input = private_data;
	uint8_t kind;
	uint16_t len;

	if (input->size < 3) {
		tevent_req_nterror(req, NT_STATUS_CONNECTION_DISCONNECTED);
		return;
	}
	kind = input->data[0];
	len = input->data[1] | (input->data[2] << 8);
	input->data += 3;
	input->size -= 3;
	if (len > input->size) {
		len = input->size;
	}
	if (kind == 1) {
		input->data += len;
		input->size -= len;
		tevent_req_nterror(req, NT_STATUS_RPC_PROTOCOL_ERROR);
		return;
	}
	fake_binding_reply(req, data_blob_const(input->data, len));
	input->data += len;
	input->size -= len;
}

static struct dcerpc_binding_handle *fz_handle(TALLOC_CTX *mem_ctx,
					       struct fz_input *in)
{
	struct dcerpc_binding_handle *h;

	h = fake_binding_new(mem_ctx, fz_answer, in);
	if (h == NULL) {
		abort();
	}
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
