/*
 * clusapid: registry batches and batch notification ports
 * (ApiExecuteBatch, ApiExecuteReadBatch(Ex), ApiCreateBatchPort,
 * ApiGetBatchNotification, ApiCloseBatchPort)
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NOT YET IMPLEMENTED. A batch must apply as one transaction, and the
 * model has no multi-command registry transaction yet; rather than
 * apply a batch half, these refuse with ERROR_CALL_NOT_IMPLEMENTED and
 * change nothing. Handles are still checked, so a bad handle gets
 * ERROR_INVALID_HANDLE as on Windows.
 */

#include "server/rpc/rpc_private.h"

static WERROR batch_key(struct dcesrv_call_state *dce_call,
			const struct policy_handle *h)
{
	if (clusrv_handle_get(dce_call, h, CLUSRV_H_KEY) == NULL) {
		return WERR_INVALID_HANDLE;
	}
	DBG_NOTICE("registry batches are not implemented yet\n");
	return WERR_CALL_NOT_IMPLEMENTED;
}

WERROR dcesrv_ApiExecuteBatch(struct dcesrv_call_state *dce_call,
			      TALLOC_CTX *mem_ctx, struct ApiExecuteBatch *r)
{
	*r->out.pdwFailedCommand = -1;
	return batch_key(dce_call, &r->in.hKey);
}

WERROR dcesrv_ApiExecuteReadBatch(struct dcesrv_call_state *dce_call,
				  TALLOC_CTX *mem_ctx,
				  struct ApiExecuteReadBatch *r)
{
	*r->out.cbOutData = 0;
	return batch_key(dce_call, &r->in.hKey);
}

WERROR dcesrv_ApiExecuteReadBatchEx(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx,
				    struct ApiExecuteReadBatchEx *r)
{
	*r->out.cbOutData = 0;
	return batch_key(dce_call, &r->in.hKey);
}

WERROR dcesrv_ApiCreateBatchPort(struct dcesrv_call_state *dce_call,
				 TALLOC_CTX *mem_ctx,
				 struct ApiCreateBatchPort *r)
{
	NDR_ZERO_STRUCTP(r->out.phBatchPort);
	return batch_key(dce_call, &r->in.hKey);
}

/* No batch port can be opened, so every handle here is invalid */
WERROR dcesrv_ApiGetBatchNotification(struct dcesrv_call_state *dce_call,
				      TALLOC_CTX *mem_ctx,
				      struct ApiGetBatchNotification *r)
{
	*r->out.cbData = 0;
	return WERR_INVALID_HANDLE;
}

WERROR dcesrv_ApiCloseBatchPort(struct dcesrv_call_state *dce_call,
				TALLOC_CTX *mem_ctx,
				struct ApiCloseBatchPort *r)
{
	WERROR werr = clusrv_handle_close(dce_call, r->in.phBatchPort,
					  CLUSRV_H_BATCH_PORT);

	*r->out.phBatchPort = *r->in.phBatchPort;
	return werr;
}
