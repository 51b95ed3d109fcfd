/*
 * clusapi - cluster model: the calls that make objects change, passed
 * to the backend that runs the model
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "backend.h"

uint32_t clus_group_online(struct clus_model *m, struct clus_group *g)
{
	return m->backend->group_online(m, g);
}

uint32_t clus_group_offline(struct clus_model *m, struct clus_group *g)
{
	return m->backend->group_offline(m, g);
}

uint32_t clus_group_move(struct clus_model *m, struct clus_group *g,
			 struct clus_node *target, uint32_t flags)
{
	return m->backend->group_move(m, g, target, flags);
}

uint32_t clus_group_cancel_operation(struct clus_model *m,
				     struct clus_group *g, uint32_t flags)
{
	return m->backend->group_cancel_operation(m, g, flags);
}

uint32_t clus_resource_online(struct clus_model *m, struct clus_resource *r)
{
	return m->backend->resource_online(m, r);
}

uint32_t clus_resource_offline(struct clus_model *m, struct clus_resource *r)
{
	return m->backend->resource_offline(m, r);
}

uint32_t clus_node_pause(struct clus_model *m, struct clus_node *node,
			 bool drain, struct clus_node *drain_target)
{
	return m->backend->node_pause(m, node, drain, drain_target);
}

uint32_t clus_node_resume(struct clus_model *m, struct clus_node *node,
			  bool failback)
{
	return m->backend->node_resume(m, node, failback);
}

uint32_t clus_node_set_state(struct clus_model *m, struct clus_node *node,
			     uint32_t state)
{
	return m->backend->node_set_state(m, node, state);
}

uint32_t clus_node_evict(struct clus_model *m, struct clus_node *node)
{
	return m->backend->node_evict(m, node);
}

bool clus_model_voter_down_loses_quorum(struct clus_model *m)
{
	if (m->backend->voter_down_loses_quorum != NULL) {
		return m->backend->voter_down_loses_quorum(m);
	}
	/* every node voting: losing one of two or fewer takes half down */
	return clus_model_num_nodes(m) < 3;
}
