/*
 * clusapid: online and offline of groups and resources, answered when
 * the group has settled
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Windows queues such a request behind an operation still running on
 * the group (smbtorture brings "Cluster Group" online right after
 * failing its resource and expects ERROR_SUCCESS), and ApiOnlineGroup
 * and ApiOfflineGroup answer when the group has settled, not with
 * ERROR_IO_PENDING. The waits hang off dce_call: if the client goes
 * away the dcesrv core frees the call and the waits with it.
 */

#include "server/rpc/rpc_private.h"

enum settle_phase {
	SETTLE_BUSY,		/* another operation runs: then run ours */
	SETTLE_OWN,		/* our group operation runs: then answer */
};

struct settle_state {
	struct dcesrv_call_state *dce_call;
	WERROR *result;
	enum clusrv_settle_op op;
	enum settle_phase phase;
	char *id;		/* group or resource id */
};

static bool op_is_group(enum clusrv_settle_op op)
{
	return op == CLUSRV_GROUP_ONLINE || op == CLUSRV_GROUP_OFFLINE;
}

static uint32_t settle_run(struct clus_model *m, enum clusrv_settle_op op,
			   const char *id, struct clus_group **pg)
{
	struct clus_resource *res = NULL;
	struct clus_group *g;

	*pg = NULL;
	if (op_is_group(op)) {
		g = clus_group_by_id(m, id);
		if (g == NULL) {
			return CM_ERROR_GROUP_NOT_FOUND;
		}
	} else {
		res = clus_resource_by_id(m, id);
		if (res == NULL) {
			return CM_ERROR_RESOURCE_NOT_FOUND;
		}
		g = res->group;
	}
	*pg = g;
	switch (op) {
	case CLUSRV_GROUP_ONLINE:
		return clus_group_online(m, g);
	case CLUSRV_GROUP_OFFLINE:
		return clus_group_offline(m, g);
	case CLUSRV_RES_ONLINE:
		return clus_resource_online(m, res);
	case CLUSRV_RES_OFFLINE:
		return clus_resource_offline(m, res);
	}
	return CM_ERROR_INVALID_PARAMETER;
}

/* What a settled group operation reports */
static WERROR group_result(struct clus_model *m, const char *id,
			   enum clusrv_settle_op op)
{
	struct clus_group *g = clus_group_by_id(m, id);

	if (g == NULL) {
		return W_ERROR(CM_ERROR_GROUP_NOT_FOUND);
	}
	if (op == CLUSRV_GROUP_OFFLINE) {
		return g->state == CM_GROUP_OFFLINE ?
			WERR_OK : W_ERROR(CM_ERROR_INVALID_STATE);
	}
	if (g->state == CM_GROUP_ONLINE ||
	    g->state == CM_GROUP_PARTIAL_ONLINE) {
		return WERR_OK;
	}
	return W_ERROR(CM_ERROR_GROUP_NOT_AVAILABLE);
}

static void settle_done(struct tevent_req *subreq);

/* Wait until @g has settled; false when this call cannot wait */
static bool settle_wait(struct settle_state *s, struct clus_group *g,
			enum settle_phase phase)
{
	struct clus_model *m = clusrv_model(s->dce_call);
	struct tevent_req *subreq;

	if (!(s->dce_call->state_flags & DCESRV_CALL_STATE_FLAG_MAY_ASYNC)) {
		return false;
	}
	subreq = clus_group_wait_send(s, clus_model_ev(m), m, g);
	if (subreq == NULL) {
		return false;
	}
	tevent_req_set_callback(subreq, settle_done, s);
	s->phase = phase;
	s->dce_call->state_flags |= DCESRV_CALL_STATE_FLAG_ASYNC;
	*s->result = WERR_IO_PENDING;
	return true;
}

/* Run the operation; true when answered, false when waiting */
static bool settle_step(struct settle_state *s, bool may_queue)
{
	struct clus_model *m = clusrv_model(s->dce_call);
	struct clus_group *g = NULL;
	uint32_t err;

	err = settle_run(m, s->op, s->id, &g);
	if ((err == CM_ERROR_CLUSTER_GROUP_MOVING ||
	     err == CM_ERROR_GROUP_NOT_AVAILABLE) &&
	    may_queue && g != NULL && clus_group_is_pending(g) &&
	    settle_wait(s, g, SETTLE_BUSY)) {
		return false;
	}
	if (err == CM_ERROR_IO_PENDING && op_is_group(s->op) &&
	    settle_wait(s, g, SETTLE_OWN)) {
		return false;
	}
	if (err == CM_ERROR_SUCCESS && op_is_group(s->op)) {
		*s->result = group_result(m, s->id, s->op);
		return true;
	}
	*s->result = W_ERROR(err);
	return true;
}

static void settle_done(struct tevent_req *subreq)
{
	struct settle_state *s = tevent_req_callback_data(
		subreq, struct settle_state);
	uint32_t err;
	NTSTATUS status;

	err = clus_group_wait_recv(subreq);
	TALLOC_FREE(subreq);

	if (err != CM_ERROR_SUCCESS) {
		*s->result = W_ERROR(err);
	} else if (s->phase == SETTLE_OWN) {
		*s->result = group_result(clusrv_model(s->dce_call), s->id,
					  s->op);
	} else if (!settle_step(s, false)) {
		return;		/* our own operation runs now */
	}
	status = dcesrv_reply(s->dce_call);
	if (!NT_STATUS_IS_OK(status)) {
		DBG_WARNING("cannot send the reply: %s\n", nt_errstr(status));
	}
}

WERROR clusrv_settle_op(struct dcesrv_call_state *dce_call,
			const struct policy_handle *h,
			enum clusrv_settle_op op, WERROR *result)
{
	enum clusrv_htype type = op_is_group(op) ?
		CLUSRV_H_GROUP : CLUSRV_H_RESOURCE;
	struct settle_state *s;
	const char *id = NULL;
	WERROR werr;

	clusrv_object(dce_call, h, type, &id, &werr);
	werr = clusrv_for_write(dce_call, werr);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	s = talloc(dce_call, struct settle_state);
	if (s == NULL) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	*s = (struct settle_state) {
		.dce_call = dce_call,
		.result = result,
		.op = op,
		.id = talloc_strdup(s, id),
	};
	if (s->id == NULL) {
		TALLOC_FREE(s);
		return WERR_NOT_ENOUGH_MEMORY;
	}
	settle_step(s, true);
	return *s->result;
}
