/*
 * libclusapi - internal declarations
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef CLUSAPI_PRIVATE_H
#define CLUSAPI_PRIVATE_H

#include <errno.h>
#include <string.h>
#include <strings.h>
#include <talloc.h>
#include <tevent.h>
#include <util/tevent_ntstatus.h>
#include <dcerpc.h>
#include "librpc/gen_ndr/ndr_clusapi_c.h"
#include "lib/libclusapi.h"

struct clusapi_conn {
	struct tevent_context *ev;
	char *binding_string;

	struct dcerpc_pipe *pipe;
	struct dcerpc_binding_handle *h;

	/* second connection, same association group: ApiGetNotifyV2 */
	struct dcerpc_pipe *notify_pipe;
	struct dcerpc_binding_handle *notify_h;
	NTSTATUS notify_status;
	/* a wait is using the notification connection */
	bool notify_busy;

	/* for clusapi_conn_denied_reason(): how we bound over TCP */
	bool tcp_anonymous;
	bool tcp_below_privacy;
};

/*
 * The record a flow keeps of what it saw, reported to the progress
 * callback as it grows.
 */
struct clusapi_flow_log {
	struct clusapi_flow_result *result;
	struct timeval start;
	clusapi_progress_fn progress;
	void *progress_private;
};

struct clusapi_flow_log *clusapi_flow_log_new(
	TALLOC_CTX *mem_ctx, const struct clusapi_move_opts *o);
/* Append an event (strings are copied) and report it */
void clusapi_flow_log_add(struct clusapi_flow_log *log,
			  const struct clusapi_event *event);
uint32_t clusapi_flow_log_elapsed_ms(struct clusapi_flow_log *log);

/*
 * The wait shared by the move and online/offline flows: read the group's
 * state (ApiGetGroupState) now and whenever the notification port says it
 * changed (or every poll interval), and ask check() what it means.
 */
enum clusapi_wait_verdict {
	CLUSAPI_WAIT_CONTINUE = 0,
	CLUSAPI_WAIT_DONE,
	CLUSAPI_WAIT_FAILED,
	CLUSAPI_WAIT_RETURNED,
};

typedef enum clusapi_wait_verdict (*clusapi_wait_check_fn)(
	uint32_t state, const char *owner, void *private_data);

struct tevent_req *clusapi_group_wait_send(TALLOC_CTX *mem_ctx,
					   struct tevent_context *ev,
					   struct clusapi_conn *conn,
					   const struct policy_handle *hgroup,
					   const char *group_name,
					   const struct clusapi_move_opts *opts,
					   struct clusapi_flow_log *log,
					   clusapi_wait_check_fn check,
					   void *check_private);
/*
 * NT_STATUS_OK and the verdict (CONTINUE means timed out); state and
 * owner as last seen (owner on mem_ctx).  A failing ApiGetGroupState
 * ends the wait: its NTSTATUS, or NT_STATUS_OK with *werr set.
 */
NTSTATUS clusapi_group_wait_recv(struct tevent_req *req, TALLOC_CTX *mem_ctx,
				 enum clusapi_wait_verdict *verdict,
				 uint32_t *state, char **owner, WERROR *werr);

/*
 * A flow's last step, from one of its callbacks: close every non-empty
 * handle of handles[] (types[] alike, errors ignored) with subrequests
 * on mem_ctx, then req is done (or failed, out of memory).
 */
void clusapi_close_all_and_finish(struct tevent_req *req, TALLOC_CTX *mem_ctx,
				  struct tevent_context *ev,
				  struct clusapi_conn *conn,
				  const enum clusapi_object_type *types,
				  const struct policy_handle *handles,
				  size_t count);

/* PIDL's name of a clusapi opnum ("ApiOpenGroup"), for failure reports */
const char *clusapi_call_name(uint32_t opnum);
/* The name of the ApiOpen* of type (of the cluster's for an unknown one) */
const char *clusapi_open_call_name(enum clusapi_object_type type);

bool clusapi_handle_is_set(const struct policy_handle *h);
/* Windows node names compare case-insensitively */
bool clusapi_name_equal(const char *a, const char *b);

#endif /* CLUSAPI_PRIVATE_H */
