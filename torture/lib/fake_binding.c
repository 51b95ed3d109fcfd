/*
 * clusapi tests: a clusapi binding handle whose calls the test answers
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdbool.h>
#include <util/tevent_ntstatus.h>

#include "librpc/gen_ndr/ndr_clusapi.h"
#include "torture/lib/fake_binding.h"

struct fake_binding {
	fake_binding_answer_fn answer;
	void *private_data;
};

struct fake_binding_call_state {
	DATA_BLOB out;
	void *call_data;
};

static struct tevent_req *fake_binding_raw_call_send(
	TALLOC_CTX *mem_ctx, struct tevent_context *ev,
	struct dcerpc_binding_handle *h, const struct GUID *object,
	uint32_t opnum, uint32_t in_flags, const uint8_t *in_data,
	size_t in_length)
{
	struct fake_binding *fb = dcerpc_binding_handle_data(
		h, struct fake_binding);
	struct fake_binding_call_state *state;
	struct tevent_req *req;

	req = tevent_req_create(mem_ctx, &state,
				struct fake_binding_call_state);
	if (req == NULL) {
		return NULL;
	}
	fb->answer(req, opnum, data_blob_const(in_data, in_length),
		   fb->private_data);
	if (!tevent_req_is_in_progress(req)) {
		return tevent_req_post(req, ev);
	}
	return req;
}

static NTSTATUS fake_binding_raw_call_recv(struct tevent_req *req,
					   TALLOC_CTX *mem_ctx,
					   uint8_t **out_data,
					   size_t *out_length,
					   uint32_t *out_flags)
{
	struct fake_binding_call_state *state = tevent_req_data(
		req, struct fake_binding_call_state);
	NTSTATUS status;

	if (tevent_req_is_nterror(req, &status)) {
		tevent_req_received(req);
		return status;
	}
	/* the client owns and may keep what it is given */
	*out_data = talloc_move(mem_ctx, &state->out.data);
	*out_length = state->out.length;
	*out_flags = 0;
	tevent_req_received(req);
	return NT_STATUS_OK;
}

void fake_binding_reply(struct tevent_req *req, DATA_BLOB out)
{
	struct fake_binding_call_state *state = tevent_req_data(
		req, struct fake_binding_call_state);

	state->out = data_blob_talloc(state, out.data, out.length);
	if (out.length > 0 && state->out.data == NULL) {
		tevent_req_oom(req);
		return;
	}
	tevent_req_done(req);
}

void fake_binding_set_call_data(struct tevent_req *req, void *data)
{
	struct fake_binding_call_state *state = tevent_req_data(
		req, struct fake_binding_call_state);

	state->call_data = data;
}

void *fake_binding_call_data(struct tevent_req *req)
{
	struct fake_binding_call_state *state = tevent_req_data(
		req, struct fake_binding_call_state);

	return state->call_data;
}

static bool fake_binding_is_connected(struct dcerpc_binding_handle *h)
{
	return true;
}

static uint32_t fake_binding_set_timeout(struct dcerpc_binding_handle *h,
					 uint32_t timeout)
{
	return 60;
}

static void fake_binding_auth_info(struct dcerpc_binding_handle *h,
				   enum dcerpc_AuthType *auth_type,
				   enum dcerpc_AuthLevel *auth_level)
{
	*auth_type = DCERPC_AUTH_TYPE_NONE;
	*auth_level = DCERPC_AUTH_LEVEL_NONE;
}

static bool fake_binding_true(struct dcerpc_binding_handle *h)
{
	return true;
}

static bool fake_binding_false(struct dcerpc_binding_handle *h)
{
	return false;
}

/* ref_alloc as libdcerpc's own handles: [ref] out pointers allocated */
static const struct dcerpc_binding_handle_ops fake_binding_ops = {
	.name = "fake_binding",
	.is_connected = fake_binding_is_connected,
	.set_timeout = fake_binding_set_timeout,
	.auth_info = fake_binding_auth_info,
	.raw_call_send = fake_binding_raw_call_send,
	.raw_call_recv = fake_binding_raw_call_recv,
	.ref_alloc = fake_binding_true,
	.push_bigendian = fake_binding_false,
	.use_ndr64 = fake_binding_false,
};

struct dcerpc_binding_handle *fake_binding_new(TALLOC_CTX *mem_ctx,
					       fake_binding_answer_fn answer,
					       void *private_data)
{
	struct dcerpc_binding_handle *h;
	struct fake_binding *fb;

	h = dcerpc_binding_handle_create(mem_ctx, &fake_binding_ops, NULL,
					 &ndr_table_clusapi, &fb,
					 struct fake_binding, __location__);
	if (h == NULL) {
		return NULL;
	}
	fb->answer = answer;
	fb->private_data = private_data;
	return h;
}
