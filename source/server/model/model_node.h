/*
 * clusapi - cluster model: nodes and networks
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Included by model.h; include that.
 */

#ifndef CLUSAPI_MODEL_NODE_H
#define CLUSAPI_MODEL_NODE_H

#include "model_objects.h"

/* ---------------------------------------------------------------------
 * Nodes
 * --------------------------------------------------------------------- */

/*
 * ApiPauseNode(Ex).  Already paused: success.  Not Up:
 * CM_ERROR_CLUSTER_NODE_DOWN.  With @drain every group the node owns is
 * moved away asynchronously, to @drain_target or, when NULL, to each
 * group's best node; node->drain_status tracks it.
 */
uint32_t clus_node_pause(struct clus_model *m, struct clus_node *node,
			 bool drain, struct clus_node *drain_target);
/*
 * ApiResumeNode(Ex).  Not paused: CM_ERROR_CLUSTER_NODE_NOT_PAUSED.  With
 * @failback, settled groups whose first preferred owner is this node move
 * back to it.
 */
uint32_t clus_node_resume(struct clus_model *m, struct clus_node *node,
			  bool failback);
/*
 * ApiEvictNode.  The node's groups fail over first; it disappears from
 * all preferred and possible owner lists; its interfaces are deleted.
 */
uint32_t clus_node_evict(struct clus_model *m, struct clus_node *node);
/*
 * Simulation control: CM_NODE_DOWN (its groups fail over to their best
 * node, or go Failed when there is none), CM_NODE_JOINING, CM_NODE_UP
 * (groups stranded on down nodes fail over again).
 */
uint32_t clus_node_set_state(struct clus_model *m, struct clus_node *node,
			     uint32_t state);

/* ---------------------------------------------------------------------
 * Networks and network interfaces
 * --------------------------------------------------------------------- */

/* Name, Description, Role: all or none */
uint32_t clus_network_set_common(struct clus_model *m,
				 struct clus_network *net,
				 const struct clus_common_set *c);
/* Description */
uint32_t clus_netif_set_common(struct clus_model *m, struct clus_netif *ni,
			       const struct clus_common_set *c);
uint32_t clus_network_rename(struct clus_model *m, struct clus_network *net,
			     const char *name);
/* ApiSetNetworkPriorityOrder: every internal network, once, in order */
uint32_t clus_network_set_priority_order(struct clus_model *m,
					 struct clus_network **nets,
					 uint32_t num_nets);

#endif /* CLUSAPI_MODEL_NODE_H */
