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

static void clusrv_model_log(void *private_data, int level, const char *msg)
{
	static const int levels[] = {
		CLUS_LOG_ERR, CLUS_LOG_WARNING, CLUS_LOG_NOTICE,
	};
	int l = level < 3 ? levels[level] : CLUS_LOG_DEBUG;

	clus_log_msg(l, "model", "%s\n", msg);
}

#include "librpc/gen_ndr/ndr_clusapi_s.c"

NTSTATUS clusrv_rpc_register(struct clusrv_context *srv)
{
	struct clus_model_options mopts = {
		.state_dir = srv->opts.state_dir,
		.config_file = srv->opts.config_file,
		.transition_ms = srv->opts.move_delay_ms,
		.log_fn = clusrv_model_log,
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
	return clusrv_register_interface(srv, &dcesrv_clusapi_interface);
}
