/*
 * clusapi: the DC's controller state, asked over Pacemaker's IPC
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CIB says what ran and what runs, not whether the cluster is done
 * acting: the DC's controller is S_TRANSITION_ENGINE while a transition
 * runs and S_IDLE after. A ping without a node name goes to the DC
 * (as crmadmin --dc_lookup does); its reply names the DC and its state.
 * The IPC rides on GLib's main context: run pcmk_glib_loop_send on the
 * same tevent loop.
 *
 * The request's callback is deferred to the tevent loop, so that it
 * never runs (and never frees the IPC connection) inside libcrmcommon's
 * own dispatch.
 */

#include <errno.h>
#include <string.h>
#include <crm/crm.h>
#include <crm/common/ipc.h>
#include <crm/common/ipc_controld.h>

#include "pcmk.h"

struct dc_api {
	pcmk_ipc_api_t *api;
};

struct dc_state_state {
	struct dc_api *conn;
	char *dc;
	char *fsa_state;
};

static int dc_api_destructor(struct dc_api *conn)
{
	if (conn->api != NULL) {
		pcmk_free_ipc_api(conn->api);
		conn->api = NULL;
	}
	return 0;
}

static void dc_reply(pcmk_ipc_api_t *api, enum pcmk_ipc_event event,
		     crm_exit_t status, void *event_data, void *user_data)
{
	struct tevent_req *req = user_data;
	struct dc_state_state *state =
		tevent_req_data(req, struct dc_state_state);
	pcmk_controld_api_reply_t *reply = event_data;

	if (!tevent_req_is_in_progress(req)) {
		return;
	}
	if (event == pcmk_ipc_event_disconnect) {
		tevent_req_error(req, ECONNRESET);
		return;
	}
	if (event != pcmk_ipc_event_reply) {
		return;
	}
	if (status != CRM_EX_OK || reply == NULL ||
	    reply->reply_type != pcmk_controld_reply_ping ||
	    reply->data.ping.fsa_state == NULL) {
		tevent_req_error(req, EIO);
		return;
	}
	state->fsa_state = talloc_strdup(state, reply->data.ping.fsa_state);
	state->dc = talloc_strdup(state, reply->host_from ?
				  reply->host_from : "");
	if (tevent_req_nomem(state->fsa_state, req) ||
	    tevent_req_nomem(state->dc, req)) {
		return;
	}
	tevent_req_done(req);
}

static int dc_errno(int rc)
{
	/* standard return codes: errno values, or Pacemaker's own */
	return rc > 0 && rc < 200 ? rc : EIO;
}

struct tevent_req *pcmk_dc_state_send(TALLOC_CTX *mem_ctx,
				      struct tevent_context *ev,
				      uint32_t timeout_ms)
{
	struct tevent_req *req;
	struct dc_state_state *state;
	int rc;

	req = tevent_req_create(mem_ctx, &state, struct dc_state_state);
	if (req == NULL) {
		return NULL;
	}
	tevent_req_defer_callback(req, ev);
	state->conn = talloc_zero(state, struct dc_api);
	if (tevent_req_nomem(state->conn, req)) {
		return tevent_req_post(req, ev);
	}
	talloc_set_destructor(state->conn, dc_api_destructor);
	rc = pcmk_new_ipc_api(&state->conn->api, pcmk_ipc_controld);
	if (rc != pcmk_rc_ok) {
		tevent_req_error(req, dc_errno(rc));
		return tevent_req_post(req, ev);
	}
	pcmk_register_ipc_callback(state->conn->api, dc_reply, req);
	rc = pcmk_connect_ipc(state->conn->api, pcmk_ipc_dispatch_main);
	if (rc == pcmk_rc_ok) {
		rc = pcmk_controld_api_ping(state->conn->api, NULL);
	}
	if (rc != pcmk_rc_ok) {
		tevent_req_error(req, dc_errno(rc));
		return tevent_req_post(req, ev);
	}
	if (!tevent_req_set_endtime(req, ev,
				    tevent_timeval_current_ofs(
					    timeout_ms / 1000,
					    (timeout_ms % 1000) * 1000))) {
		tevent_req_oom(req);
		return tevent_req_post(req, ev);
	}
	return req;
}

int pcmk_dc_state_recv(struct tevent_req *req, TALLOC_CTX *mem_ctx,
		       char **dc, char **fsa_state)
{
	struct dc_state_state *state =
		tevent_req_data(req, struct dc_state_state);
	enum tevent_req_state req_state;
	uint64_t err;

	if (tevent_req_is_error(req, &req_state, &err)) {
		switch (req_state) {
		case TEVENT_REQ_TIMED_OUT:
			return ETIMEDOUT;
		case TEVENT_REQ_NO_MEMORY:
			return ENOMEM;
		default:
			return err != 0 ? (int)err : EIO;
		}
	}
	*dc = talloc_move(mem_ctx, &state->dc);
	*fsa_state = talloc_move(mem_ctx, &state->fsa_state);
	return 0;
}

bool pcmk_dc_idle(const char *fsa_state)
{
	return fsa_state != NULL && strcmp(fsa_state, "S_IDLE") == 0;
}
