/*
 * clusapid: the opnums MS-CMRP marks "not used on wire"
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Windows has no method behind them: a call is refused with the
 * DCE/RPC fault nca_s_op_rng_error, as for an opnum out of range.
 */

#include "server/rpc/rpc_private.h"

static void not_on_wire(struct dcesrv_call_state *dce_call)
{
	DBG_NOTICE("opnum %u is not used on the wire: fault\n",
		   (unsigned int)dce_call->pkt.u.request.opnum);
	dce_call->fault_code = DCERPC_FAULT_OP_RNG_ERROR;
}

WERROR dcesrv_Opnum80NotUsedOnWire(struct dcesrv_call_state *dce_call,
				   TALLOC_CTX *mem_ctx, struct Opnum80NotUsedOnWire *r)
{
	not_on_wire(dce_call);
	return WERR_CALL_NOT_IMPLEMENTED;
}

WERROR dcesrv_Opnum111NotUsedOnWire(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx, struct Opnum111NotUsedOnWire *r)
{
	not_on_wire(dce_call);
	return WERR_CALL_NOT_IMPLEMENTED;
}

WERROR dcesrv_Opnum140NotUsedOnWire(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx, struct Opnum140NotUsedOnWire *r)
{
	not_on_wire(dce_call);
	return WERR_CALL_NOT_IMPLEMENTED;
}

WERROR dcesrv_Opnum141NotUsedOnWire(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx, struct Opnum141NotUsedOnWire *r)
{
	not_on_wire(dce_call);
	return WERR_CALL_NOT_IMPLEMENTED;
}

WERROR dcesrv_Opnum142NotUsedOnWire(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx, struct Opnum142NotUsedOnWire *r)
{
	not_on_wire(dce_call);
	return WERR_CALL_NOT_IMPLEMENTED;
}

WERROR dcesrv_Opnum148NotUsedOnWire(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx, struct Opnum148NotUsedOnWire *r)
{
	not_on_wire(dce_call);
	return WERR_CALL_NOT_IMPLEMENTED;
}

WERROR dcesrv_Opnum149otUsedOnWire(struct dcesrv_call_state *dce_call,
				   TALLOC_CTX *mem_ctx, struct Opnum149otUsedOnWire *r)
{
	not_on_wire(dce_call);
	return WERR_CALL_NOT_IMPLEMENTED;
}

WERROR dcesrv_Opnum150NotUsedOnWire(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx, struct Opnum150NotUsedOnWire *r)
{
	not_on_wire(dce_call);
	return WERR_CALL_NOT_IMPLEMENTED;
}

WERROR dcesrv_Opnum151NotUsedOnWire(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx, struct Opnum151NotUsedOnWire *r)
{
	not_on_wire(dce_call);
	return WERR_CALL_NOT_IMPLEMENTED;
}

WERROR dcesrv_Opnum152NotUsedOnWire(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx, struct Opnum152NotUsedOnWire *r)
{
	not_on_wire(dce_call);
	return WERR_CALL_NOT_IMPLEMENTED;
}

WERROR dcesrv_Opnum153NotUsedOnWire(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx, struct Opnum153NotUsedOnWire *r)
{
	not_on_wire(dce_call);
	return WERR_CALL_NOT_IMPLEMENTED;
}

WERROR dcesrv_Opnum154NotUsedOnWire(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx, struct Opnum154NotUsedOnWire *r)
{
	not_on_wire(dce_call);
	return WERR_CALL_NOT_IMPLEMENTED;
}

WERROR dcesrv_Opnum156NotUsedOnWire(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx, struct Opnum156NotUsedOnWire *r)
{
	not_on_wire(dce_call);
	return WERR_CALL_NOT_IMPLEMENTED;
}

WERROR dcesrv_Opnum158NotUsedOnWire(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx, struct Opnum158NotUsedOnWire *r)
{
	not_on_wire(dce_call);
	return WERR_CALL_NOT_IMPLEMENTED;
}

WERROR dcesrv_Opnum159NotUsedOnWire(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx, struct Opnum159NotUsedOnWire *r)
{
	not_on_wire(dce_call);
	return WERR_CALL_NOT_IMPLEMENTED;
}

WERROR dcesrv_Opnum160NotUsedOnWire(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx, struct Opnum160NotUsedOnWire *r)
{
	not_on_wire(dce_call);
	return WERR_CALL_NOT_IMPLEMENTED;
}

WERROR dcesrv_Opnum161NotUsedOnWire(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx, struct Opnum161NotUsedOnWire *r)
{
	not_on_wire(dce_call);
	return WERR_CALL_NOT_IMPLEMENTED;
}

WERROR dcesrv_Opnum162NotUsedOnWire(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx, struct Opnum162NotUsedOnWire *r)
{
	not_on_wire(dce_call);
	return WERR_CALL_NOT_IMPLEMENTED;
}

WERROR dcesrv_Opnum170NotUsedOnWire(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx, struct Opnum170NotUsedOnWire *r)
{
	not_on_wire(dce_call);
	return WERR_CALL_NOT_IMPLEMENTED;
}
