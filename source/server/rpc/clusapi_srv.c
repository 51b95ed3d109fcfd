/*
 * clusapid: the ClusAPI interface, PIDL's dispatch over our handlers
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the cluster model on the state directory and registers
 * dcesrv_clusapi_interface.  The handlers are in the family files
 * beside this one; rpc_private.h declares them for the dispatch code
 * that PIDL generated from librpc/idl/clusapi.idl.
 */

#include "server/rpc/rpc_private.h"
#include "server/auth/auth.h"

static void clusrv_model_log(void *private_data, int level, const char *msg)
{
	static const int levels[] = {
		CLUS_LOG_ERR, CLUS_LOG_WARNING, CLUS_LOG_NOTICE,
	};
	int l = level < 3 ? levels[level] : CLUS_LOG_DEBUG;

	clus_log_msg(l, "model", "%s\n", msg);
}

/* MS-CMRP 2.1: packet privacy over ncacn_ip_tcp (server/auth/auth.c) */
#define DCESRV_INTERFACE_CLUSAPI_BIND(context, iface) \
	clusrv_auth_iface_bind(context, iface)

#include "librpc/gen_ndr/ndr_clusapi_s.c"

/*
 * PIDL's pull allocates and zeroes every [out,size_is(N)] buffer with the
 * N the client sent before any handler runs: 256 MiB (talloc's ceiling)
 * per call for the asking. Where N is the last [in] argument - the
 * control calls' nOutBufferSize, ApiQueryValue's cbData, ApiEnumValue's
 * *lpcbData - it is checked first: above CLUSRV_MAX_OUT_BUFFER the call
 * gets the fault nca_s_fault_remote_no_memory and costs nothing.
 * Windows' own control buffers stay far below this.
 */
#define CLUSRV_MAX_OUT_BUFFER (16 * 1024 * 1024)

static bool clusrv_out_size_is_last(uint16_t opnum)
{
	switch (opnum) {
	case NDR_APIQUERYVALUE:
	case NDR_APIENUMVALUE:
	case NDR_APINODERESOURCECONTROL:
	case NDR_APIRESOURCECONTROL:
	case NDR_APINODERESOURCETYPECONTROL:
	case NDR_APIRESOURCETYPECONTROL:
	case NDR_APINODEGROUPCONTROL:
	case NDR_APIGROUPCONTROL:
	case NDR_APINODENODECONTROL:
	case NDR_APINODECONTROL:
	case NDR_APINODENETWORKCONTROL:
	case NDR_APINETWORKCONTROL:
	case NDR_APINODENETINTERFACECONTROL:
	case NDR_APINETINTERFACECONTROL:
	case NDR_APINODECLUSTERCONTROL:
	case NDR_APICLUSTERCONTROL:
	case NDR_APINODEGROUPSETCONTROL:
	case NDR_APIGROUPSETCONTROL:
	case NDR_APICLUSTERNATIVEUPDATECONTROL:
		return true;
	}
	return false;
}

static NTSTATUS clusrv_ndr_pull(struct dcesrv_call_state *dce_call,
				TALLOC_CTX *mem_ctx, struct ndr_pull *pull,
				void **r)
{
	uint16_t opnum = dce_call->pkt.u.request.opnum;
	const uint8_t *p = pull->data + pull->data_size - 4;
	uint32_t size;

	if (clusrv_out_size_is_last(opnum) && pull->data_size >= 4) {
		size = (dce_call->pkt.drep[0] & DCERPC_DREP_LE) ?
			(uint32_t)p[0] | p[1] << 8 | p[2] << 16 |
			(uint32_t)p[3] << 24 :
			(uint32_t)p[3] | p[2] << 8 | p[1] << 16 |
			(uint32_t)p[0] << 24;
		if (size > CLUSRV_MAX_OUT_BUFFER) {
			DBG_NOTICE("%s: output buffer of %u bytes refused\n",
				   ndr_table_clusapi.calls[opnum].name, size);
			dce_call->fault_code =
				DCERPC_NCA_S_FAULT_REMOTE_NO_MEMORY;
			return NT_STATUS_NET_WRITE_FAULT;
		}
	}
	return clusapi__op_ndr_pull(dce_call, mem_ctx, pull, r);
}

static struct dcesrv_interface clusrv_clusapi_interface;

NTSTATUS clusrv_rpc_register(struct clusrv_context *srv)
{
	struct clus_model_options mopts = {
		.state_dir = srv->opts.state_dir,
		.config_file = srv->opts.config_file,
		.transition_ms = srv->opts.move_delay_ms,
		.notify_queue_max = srv->opts.max_notify_events,
		.log_fn = clusrv_model_log,
		.backend = srv->backend,
	};
	char *errmsg = NULL;
	uint32_t err;

	err = clus_model_open(srv, srv->ev, &mopts, &srv->model, &errmsg);
	if (err != CM_ERROR_SUCCESS) {
		DBG_ERR("cannot open the cluster in %s: %s (%s)\n",
			srv->opts.state_dir,
			errmsg != NULL ? errmsg : "no detail",
			clus_model_errstr(err));
		TALLOC_FREE(errmsg);
		return NT_STATUS_UNSUCCESSFUL;
	}
	clusrv_clusapi_interface = dcesrv_clusapi_interface;
	clusrv_clusapi_interface.ndr_pull = clusrv_ndr_pull;
	return clusrv_register_interface(srv, &clusrv_clusapi_interface);
}
