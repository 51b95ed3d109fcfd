/*
 * clusapid: what handlers ask about their call
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "server/log.h"
#include <talloc.h>
#include <ndr.h>
#include <dcesrv_core.h>

#include "server/dcesrv/dcesrv.h"

static struct clusrv_conn *clusrv_call_conn(struct dcesrv_call_state *dce_call)
{
	return talloc_get_type_abort(dce_call->conn->transport.private_data,
				     struct clusrv_conn);
}

struct clusrv_context *clusrv_call_server(struct dcesrv_call_state *dce_call)
{
	return clusrv_call_conn(dce_call)->srv;
}

const struct clusrv_identity *clusrv_call_identity(
	struct dcesrv_call_state *dce_call)
{
	return &clusrv_call_conn(dce_call)->identity;
}

bool clusrv_call_may_read(struct dcesrv_call_state *dce_call)
{
	return clusrv_call_conn(dce_call)->identity.access >=
	       CLUSRV_ACCESS_READ;
}

bool clusrv_call_may_write(struct dcesrv_call_state *dce_call)
{
	return clusrv_call_conn(dce_call)->identity.access ==
	       CLUSRV_ACCESS_FULL;
}

struct dcesrv_handle *clusrv_handle_new(struct dcesrv_call_state *dce_call,
					uint8_t handle_type, void *data)
{
	struct dcesrv_handle *h;

	h = dcesrv_handle_create(dce_call, handle_type);
	if (h == NULL) {
		return NULL;
	}
	if (data != NULL) {
		h->data = talloc_steal(h, data);
	}
	return h;
}

struct dcesrv_handle *clusrv_handle_find(struct dcesrv_call_state *dce_call,
					 const struct policy_handle *ph,
					 uint8_t handle_type)
{
	/* dcesrv_handle_lookup() would create a handle for a zero one. */
	if (ndr_policy_handle_empty(ph)) {
		return NULL;
	}
	if (handle_type != DCESRV_HANDLE_ANY &&
	    ph->handle_type != handle_type) {
		return NULL;
	}
	return dcesrv_handle_lookup(dce_call, ph, handle_type);
}
