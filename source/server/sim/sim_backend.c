/*
 * clusapi - the simulated cluster: its table of calls and opening it
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sim.h"

static const struct clus_backend_ops sim_backend_ops = {
	.name			= "simulation",
	.group_online		= sim_group_online,
	.group_offline		= sim_group_offline,
	.group_move		= sim_group_move,
	.group_cancel_operation	= sim_group_cancel_operation,
	.resource_online	= sim_resource_online,
	.resource_offline	= sim_resource_offline,
	.node_pause		= sim_node_pause,
	.node_resume		= sim_node_resume,
	.node_set_state		= sim_node_set_state,
	.node_evict		= sim_node_evict,
	.settle_after_load	= op_settle_after_load,
};

/*
 * model.h: the default model is the simulated cluster; another backend
 * named in the options opens itself
 */
uint32_t clus_model_open(TALLOC_CTX *mem_ctx,
			 struct tevent_context *ev,
			 const struct clus_model_options *opts,
			 struct clus_model **pmodel,
			 char **errmsg)
{
	if (opts->backend != NULL) {
		return opts->backend->open(mem_ctx, ev, opts, pmodel,
					   errmsg);
	}
	return model_create(mem_ctx, ev, opts, &sim_backend_ops, pmodel,
			    errmsg);
}
