/*
 * npbench: ApiGetGroupState on an open group handle
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <talloc.h>
#include <tevent.h>
#include <ndr.h>
#include <dcerpc.h>
#include <core/werror.h>

#include "librpc/gen_ndr/ndr_clusapi.h"
#include "librpc/gen_ndr/ndr_clusapi_c.h"
#include "bench/npbench.h"

#define GROUP "Application Group"

static bool clusapi_open(struct dcerpc_binding_handle *b, TALLOC_CTX *mem,
			 void **state)
{
	struct policy_handle *h = talloc_zero(mem, struct policy_handle);
	WERROR status, rpc_status;

	if (h == NULL ||
	    !NT_STATUS_IS_OK(dcerpc_ApiOpenGroup(b, mem, GROUP, &status,
						 &rpc_status, h)) ||
	    !W_ERROR_IS_OK(status)) {
		return false;
	}
	*state = h;
	return true;
}

static void *clusapi_make(TALLOC_CTX *mem, void *state)
{
	struct ApiGetGroupState *r = talloc_zero(mem, struct ApiGetGroupState);

	if (r == NULL) {
		return NULL;
	}
	r->in.hGroup = *(struct policy_handle *)state;
	r->out.State = talloc_zero(r, enum CLUSTER_GROUP_STATE);
	r->out.NodeName = talloc_zero(r, const char *);
	r->out.rpc_status = talloc_zero(r, WERROR);
	if (r->out.State == NULL || r->out.NodeName == NULL ||
	    r->out.rpc_status == NULL) {
		return NULL;
	}
	return r;
}

static bool clusapi_ok(void *r)
{
	return W_ERROR_IS_OK(((struct ApiGetGroupState *)r)->out.result);
}

const struct np_call np_clusapi_call = {
	.name = "ApiGetGroupState",
	.pipe = "\\pipe\\clusapi",
	.table = &ndr_table_clusapi,
	.opnum = NDR_APIGETGROUPSTATE,
	.open = clusapi_open,
	.make = clusapi_make,
	.ok = clusapi_ok,
};
