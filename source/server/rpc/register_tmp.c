/*
 * clusapid: TEMPORARY stand-in for the ClusAPI handlers
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Until the handlers in source/server/rpc/ exist, this registers a
 * placeholder with the ClusAPI interface identity (b97db8b2-4c63-11cf-
 * bff6-08002be23f2f v3.0) on the ncacn_ip_tcp endpoint, so that the
 * daemon links, binds succeed and the endpoint mapper has something to
 * map. Every call is answered with the fault nca_s_op_rng_error.
 *
 * Replace this file with the real clusrv_rpc_register(), which includes
 * PIDL's ndr_clusapi_s.c and registers dcesrv_clusapi_interface.
 */

#include "server/dcesrv/pidl_server.h"

static NTSTATUS clusapi_tmp_bind(struct dcesrv_connection_context *context,
				 const struct dcesrv_interface *iface)
{
	return NT_STATUS_OK;
}

static void clusapi_tmp_unbind(struct dcesrv_connection_context *context,
			       const struct dcesrv_interface *iface)
{
}

static NTSTATUS clusapi_tmp_ndr_pull(struct dcesrv_call_state *dce_call,
				     TALLOC_CTX *mem_ctx,
				     struct ndr_pull *pull, void **r)
{
	DBG_INFO("ClusAPI opnum %u: no handlers yet\n",
		 (unsigned int)dce_call->pkt.u.request.opnum);
	dce_call->fault_code = DCERPC_FAULT_OP_RNG_ERROR;
	return NT_STATUS_NET_WRITE_FAULT;
}

static NTSTATUS clusapi_tmp_fault(struct dcesrv_call_state *dce_call,
				  TALLOC_CTX *mem_ctx, void *r)
{
	dce_call->fault_code = DCERPC_FAULT_OP_RNG_ERROR;
	return NT_STATUS_NET_WRITE_FAULT;
}

static NTSTATUS clusapi_tmp_ndr_push(struct dcesrv_call_state *dce_call,
				     TALLOC_CTX *mem_ctx,
				     struct ndr_push *push, const void *r)
{
	dce_call->fault_code = DCERPC_FAULT_OP_RNG_ERROR;
	return NT_STATUS_NET_WRITE_FAULT;
}

static const struct dcesrv_interface clusapi_tmp_interface = {
	.name = "clusapi",
	.syntax_id = {
		.uuid = { 0xb97db8b2, 0x4c63, 0x11cf,
			  { 0xbf, 0xf6 },
			  { 0x08, 0x00, 0x2b, 0xe2, 0x3f, 0x2f } },
		.if_version = 3,
	},
	.bind = clusapi_tmp_bind,
	.unbind = clusapi_tmp_unbind,
	.ndr_pull = clusapi_tmp_ndr_pull,
	.dispatch = clusapi_tmp_fault,
	.reply = clusapi_tmp_fault,
	.ndr_push = clusapi_tmp_ndr_push,
};

NTSTATUS clusrv_rpc_register(struct clusrv_context *srv)
{
	DBG_WARNING("no ClusAPI handlers yet: every ClusAPI call fails\n");
	return clusrv_register_interface(srv, &clusapi_tmp_interface);
}
