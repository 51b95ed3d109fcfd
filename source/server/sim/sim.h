/*
 * clusapi - the simulated cluster: the backend's own declarations
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The default backend: online, offline, moves, failover and drain run
 * as timed steps (op.c) over the shared model (../model/backend.h).
 */

#ifndef CLUSAPI_SIM_H
#define CLUSAPI_SIM_H

#include "backend.h"

/* op.c: the asynchronous group operations */
struct clus_group_op *op_start(struct clus_txn *t, struct clus_group *g,
			       uint32_t kind, uint32_t phase,
			       struct clus_node *target, uint32_t flags);
void op_finish(struct clus_txn *t, struct clus_group *g);
/*
 * op_start() and op_first_wave() in @t, then commits it: the answer of
 * a call that starts an operation (ERROR_IO_PENDING once committed)
 */
uint32_t op_run(struct clus_txn *t, struct clus_group *g, uint32_t kind,
		uint32_t phase, struct clus_node *target, uint32_t flags);
/* Resources of @g pending now take their next state */
void op_first_wave(struct clus_txn *t, struct clus_group *g);
void group_failover(struct clus_txn *t, struct clus_group *g,
		    struct clus_node *prefer);
void op_settle_after_load(struct clus_txn *t, struct clus_group *g,
			  uint32_t kind, uint32_t phase,
			  struct clus_node *target, uint32_t flags);

/* sim_node.c */
void node_drain_done(struct clus_txn *t, struct clus_node *node, bool ok);
uint32_t sim_node_pause(struct clus_model *m, struct clus_node *node,
			bool drain, struct clus_node *drain_target);
uint32_t sim_node_resume(struct clus_model *m, struct clus_node *node,
			 bool failback);
uint32_t sim_node_set_state(struct clus_model *m, struct clus_node *node,
			    uint32_t state);
uint32_t sim_node_evict(struct clus_model *m, struct clus_node *node);

/* sim_group.c */
uint32_t sim_group_online(struct clus_model *m, struct clus_group *g);
uint32_t sim_group_offline(struct clus_model *m, struct clus_group *g);
uint32_t sim_group_move(struct clus_model *m, struct clus_group *g,
			struct clus_node *target, uint32_t flags);
uint32_t sim_group_cancel_operation(struct clus_model *m,
				    struct clus_group *g, uint32_t flags);

/* sim_resource.c */
uint32_t sim_resource_online(struct clus_model *m, struct clus_resource *r);
uint32_t sim_resource_offline(struct clus_model *m, struct clus_resource *r);

#endif /* CLUSAPI_SIM_H */
