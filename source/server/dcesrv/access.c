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
#include <gen_ndr/auth.h>

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

/*
 * The caller of this call: an authenticated bind's session (from any
 * auth context of the connection, which a client may switch between
 * calls), else the connection's. Worked out once per session: the
 * access policy may look groups up.
 */
const struct clusrv_identity *clusrv_call_identity(
	struct dcesrv_call_state *dce_call)
{
	struct clusrv_conn *c = clusrv_call_conn(dce_call);
	struct auth_session_info *s = dcesrv_call_session_info(dce_call);

	if (s == NULL) {
		return &c->identity;
	}
	if (s != c->identity.session_info ||
	    !GUID_equal(&s->unique_session_token, &c->identity_session)) {
		clusrv_identity_from_session(&c->identity, s, c->srv);
		c->identity_session = s->unique_session_token;
	}
	return &c->identity;
}

bool clusrv_call_may_read(struct dcesrv_call_state *dce_call)
{
	return clusrv_call_identity(dce_call)->access >= CLUSRV_ACCESS_READ;
}

bool clusrv_call_may_write(struct dcesrv_call_state *dce_call)
{
	return clusrv_call_identity(dce_call)->access == CLUSRV_ACCESS_FULL;
}

/*
 * Handles live in the association group, which every connection joined
 * to it shares: the limit is the group's. dcesrv_core keeps no count, so
 * this walks the group's list: one step per open handle, nothing for
 * the few handles clients usually hold, some microseconds near the
 * default limit of 10,000.
 */
bool clusrv_handle_limit_reached(struct dcesrv_call_state *dce_call)
{
	struct clusrv_conn *c = clusrv_call_conn(dce_call);
	struct dcesrv_assoc_group *ag = dce_call->conn->assoc_group;
	const struct dcesrv_handle *h;
	unsigned int n = 0;

	if (ag == NULL) {
		return false;
	}
	for (h = ag->handles; h != NULL; h = h->next) {
		if (++n >= c->srv->opts.max_handles) {
			return true;
		}
	}
	return false;
}

struct dcesrv_handle *clusrv_handle_new(struct dcesrv_call_state *dce_call,
					uint8_t handle_type, void *data)
{
	struct dcesrv_handle *h;

	if (clusrv_handle_limit_reached(dce_call)) {
		DBG_WARNING("%s: association group 0x%08x holds %u handles, "
			    "the limit (--max-handles): refusing another\n",
			    clusrv_call_conn(dce_call)->peer,
			    dce_call->conn->assoc_group->id,
			    clusrv_call_server(dce_call)->opts.max_handles);
		return NULL;
	}
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
