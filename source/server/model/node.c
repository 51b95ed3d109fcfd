/*
 * clusapi - cluster model: nodes (pause, drain, resume, evict, up/down)
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "model_private.h"

struct clus_node *node_new(struct clus_txn *t, const char *name,
			   const char *id)
{
	return obj_new(t, CLUS_KIND_NODE, name, id);
}

bool node_is_up(const struct clus_node *node)
{
	return node != NULL && node->state == CM_NODE_UP;
}

uint32_t node_host_error(const struct clus_node *node)
{
	if (node->state == CM_NODE_PAUSED) {
		return CM_ERROR_CLUSTER_NODE_PAUSED;
	}
	if (node->state != CM_NODE_UP) {
		return CM_ERROR_HOST_NODE_NOT_AVAILABLE;
	}
	return CM_ERROR_SUCCESS;
}

static uint32_t netif_state_for(const struct clus_node *node)
{
	if (node->state == CM_NODE_UP || node->state == CM_NODE_PAUSED) {
		return CM_NETIF_UP;
	}
	return CM_NETIF_UNAVAILABLE;
}

void node_set_state_internal(struct clus_txn *t, struct clus_node *node,
			     uint32_t state)
{
	struct clus_netif *ni;

	if (node->state == state) {
		return;
	}
	TXN_SET(t, node->state, state);
	TXN_SET(t, node->state_seq, node->state_seq + 1);
	txn_dirty(t, &node->obj);
	notify_node(t, node, CM_CHANGE_NODE_STATE, CM_CHANGE_NODE_STATE_V2);

	/* A down node's interfaces are unavailable, as Windows shows them */
	for (ni = clus_netif_first(t->m); ni != NULL;
	     ni = clus_netif_next(ni)) {
		uint32_t ns;

		if (ni->node != node) {
			continue;
		}
		ns = netif_state_for(node);
		if (ni->state == ns) {
			continue;
		}
		TXN_SET(t, ni->state, ns);
		txn_dirty(t, &ni->obj);
		notify_netif(t, ni, CM_CHANGE_NETINTERFACE_STATE,
			     CM_CHANGE_NETINTERFACE_STATE_V2);
	}
}

void node_set_drain_status(struct clus_txn *t, struct clus_node *node,
			   uint32_t status)
{
	if (node->drain_status == status) {
		return;
	}
	TXN_SET(t, node->drain_status, status);
	txn_dirty(t, &node->obj);
	notify_node(t, node, CM_CHANGE_NODE_PROPERTY,
		    CM_CHANGE_NODE_COMMON_PROPERTY_V2);
}
