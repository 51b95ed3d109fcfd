/*
 * libclusapi - the record a flow keeps of its calls and the states it saw
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "lib/clusapi_private.h"

struct clusapi_flow_log *clusapi_flow_log_new(
	TALLOC_CTX *mem_ctx, const struct clusapi_move_opts *o)
{
	struct clusapi_flow_log *log;

	log = talloc_zero(mem_ctx, struct clusapi_flow_log);
	if (log == NULL) {
		return NULL;
	}
	log->result = talloc_zero(log, struct clusapi_flow_result);
	if (log->result == NULL) {
		talloc_free(log);
		return NULL;
	}
	log->result->status = NT_STATUS_OK;
	log->result->werr = WERR_OK;
	log->result->cancel_werr = WERR_OK;
	log->result->initial_state = CLUSAPI_STATE_UNKNOWN;
	log->result->state = CLUSAPI_STATE_UNKNOWN;
	log->start = tevent_timeval_current();
	if (o != NULL) {
		log->progress = o->progress;
		log->progress_private = o->progress_private;
	}
	return log;
}

uint32_t clusapi_flow_log_elapsed_ms(struct clusapi_flow_log *log)
{
	struct timeval now = tevent_timeval_current();
	int64_t us;

	us = (int64_t)(now.tv_sec - log->start.tv_sec) * 1000000 +
	     (now.tv_usec - log->start.tv_usec);
	if (us < 0) {
		return 0;
	}
	return (uint32_t)(us / 1000);
}

static const char *dup_or_null(TALLOC_CTX *mem_ctx, const char *s)
{
	if (s == NULL) {
		return NULL;
	}
	return talloc_strdup(mem_ctx, s);
}

void clusapi_flow_log_add(struct clusapi_flow_log *log,
			  const struct clusapi_event *event)
{
	struct clusapi_flow_result *r = log->result;
	struct clusapi_event *events, *e;

	events = talloc_realloc(r, r->events, struct clusapi_event,
				r->num_events + 1);
	if (events == NULL) {
		/* the record is best effort; the flow goes on */
		return;
	}
	r->events = events;
	e = &r->events[r->num_events];
	*e = *event;
	/* call names are static strings */
	e->group = dup_or_null(r->events, event->group);
	e->node = dup_or_null(r->events, event->node);
	e->elapsed_ms = clusapi_flow_log_elapsed_ms(log);
	r->num_events += 1;

	if (log->progress != NULL) {
		log->progress(e, log->progress_private);
	}
}

static const char *call_result(TALLOC_CTX *mem_ctx,
			       const struct clusapi_event *e)
{
	if (NT_STATUS_IS_OK(e->status) && W_ERROR_IS_OK(e->werr)) {
		return "ok";
	}
	return clusapi_error_string(mem_ctx, e->status, e->werr);
}

static const char *duration(TALLOC_CTX *mem_ctx, uint32_t ms)
{
	if (ms % 1000 == 0) {
		return talloc_asprintf(mem_ctx, "%u s", ms / 1000);
	}
	return talloc_asprintf(mem_ctx, "%u.%03u s", ms / 1000, ms % 1000);
}

static const char *orq(const char *s)
{
	return s != NULL ? s : "?";
}

/* The last event's line on mem_ctx; its temporaries on frame */
static char *done_string(TALLOC_CTX *mem_ctx, TALLOC_CTX *frame,
			 const struct clusapi_event *e)
{
	const char *state = clusapi_state_name(CLUSAPI_OBJECT_GROUP, e->state);
	const char *g = orq(e->group), *n = orq(e->node);

	switch (e->outcome) {
	case CLUSAPI_OUTCOME_DONE:
		return talloc_asprintf(mem_ctx, "done: group \"%s\" is %s on "
				       "%s", g, state, n);
	case CLUSAPI_OUTCOME_ALREADY:
		return talloc_asprintf(mem_ctx, "done: group \"%s\" is "
				       "already %s on %s, nothing to do", g,
				       state, n);
	case CLUSAPI_OUTCOME_STARTED:
		return talloc_asprintf(mem_ctx, "started: the server works on "
				       "group \"%s\" in the background", g);
	case CLUSAPI_OUTCOME_REFUSED:
		return talloc_asprintf(mem_ctx, "refused: %s: %s",
				       orq(e->call), call_result(frame, e));
	case CLUSAPI_OUTCOME_FAILED:
		return talloc_asprintf(mem_ctx, "failed: group \"%s\" is %s "
				       "on %s", g, state, n);
	case CLUSAPI_OUTCOME_RETURNED:
		return talloc_asprintf(mem_ctx, "failed: group \"%s\" settled "
				       "%s on %s, not on the target", g, state,
				       n);
	case CLUSAPI_OUTCOME_TIMED_OUT:
		return talloc_asprintf(mem_ctx, "timed out: group \"%s\" is "
				       "%s on %s", g, state, n);
	}
	return talloc_strdup(mem_ctx, "done");
}

static const char *change_text(uint64_t flags)
{
	bool state = (flags & CLUSTER_CHANGE_GROUP_STATE_V2) != 0;
	bool owner = (flags & CLUSTER_CHANGE_GROUP_OWNER_NODE_V2) != 0;

	if (state && owner) {
		return "state and owner changed";
	}
	if (state) {
		return "state changed";
	}
	if (owner) {
		return "owner node changed";
	}
	return "changed";
}

char *clusapi_event_string(TALLOC_CTX *mem_ctx,
			   const struct clusapi_event *e)
{
	TALLOC_CTX *frame = talloc_new(mem_ctx);
	const char *g = orq(e->group);
	char *s = NULL;

	if (frame == NULL) {
		return NULL;
	}

	switch (e->step) {
	case CLUSAPI_STEP_OPEN_CLUSTER:
		s = talloc_asprintf(mem_ctx, "open cluster (ApiOpenCluster): "
				    "%s", call_result(frame, e));
		break;
	case CLUSAPI_STEP_OPEN_GROUP:
		s = talloc_asprintf(mem_ctx, "open group \"%s\" "
				    "(ApiOpenGroup): %s", g,
				    call_result(frame, e));
		break;
	case CLUSAPI_STEP_OPEN_NODE:
		s = talloc_asprintf(mem_ctx, "open node \"%s\" (ApiOpenNode): "
				    "%s", orq(e->node), call_result(frame, e));
		break;
	case CLUSAPI_STEP_GROUP_STATE:
		if (!NT_STATUS_IS_OK(e->status) || !W_ERROR_IS_OK(e->werr)) {
			s = talloc_asprintf(mem_ctx, "state of group \"%s\" "
					    "(ApiGetGroupState): %s", g,
					    call_result(frame, e));
			break;
		}
		s = talloc_asprintf(mem_ctx, "group \"%s\" is %s on %s", g,
				    clusapi_state_name(CLUSAPI_OBJECT_GROUP,
						       e->state),
				    orq(e->node));
		break;
	case CLUSAPI_STEP_MOVE:
		if (e->node == NULL) {
			s = talloc_asprintf(mem_ctx, "move group \"%s\", the "
					    "server picks the node (%s): %s",
					    g, orq(e->call),
					    call_result(frame, e));
			break;
		}
		s = talloc_asprintf(mem_ctx, "move group \"%s\" to %s (%s): "
				    "%s", g, e->node, orq(e->call),
				    call_result(frame, e));
		break;
	case CLUSAPI_STEP_ONLINE:
	case CLUSAPI_STEP_OFFLINE:
		s = talloc_asprintf(mem_ctx, "bring group \"%s\" %s (%s): %s",
				    g, e->step == CLUSAPI_STEP_ONLINE ?
				    "online" : "offline", orq(e->call),
				    call_result(frame, e));
		break;
	case CLUSAPI_STEP_NOTIFY_READY:
		s = talloc_asprintf(mem_ctx, "waiting for notifications on "
				    "group \"%s\" (ApiCreateNotifyV2, "
				    "ApiAddNotifyV2, ApiGetNotifyV2)", g);
		break;
	case CLUSAPI_STEP_NOTIFY_FALLBACK:
		if (e->call == NULL) {
			s = talloc_asprintf(mem_ctx, "polling group \"%s\" "
					    "every %s", g,
					    duration(frame, e->interval_ms));
			break;
		}
		s = talloc_asprintf(mem_ctx, "no notifications (%s: %s), "
				    "polling group \"%s\" every %s", e->call,
				    call_result(frame, e), g,
				    duration(frame, e->interval_ms));
		break;
	case CLUSAPI_STEP_NOTIFICATION:
		s = talloc_asprintf(mem_ctx, "notification: group \"%s\" %s",
				    g, change_text(e->filter_flags));
		break;
	case CLUSAPI_STEP_TIMEOUT:
		s = talloc_asprintf(mem_ctx, "no result after %s waiting for "
				    "group \"%s\"",
				    duration(frame, e->interval_ms), g);
		break;
	case CLUSAPI_STEP_CANCEL:
		s = talloc_asprintf(mem_ctx, "cancel the operation on group "
				    "\"%s\" (ApiCancelClusterGroupOperation): "
				    "%s", g, call_result(frame, e));
		break;
	case CLUSAPI_STEP_DONE:
		s = done_string(mem_ctx, frame, e);
		break;
	}
	talloc_free(frame);
	return s;
}
