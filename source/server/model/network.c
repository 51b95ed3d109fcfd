/*
 * clusapi - cluster model: networks and network interfaces
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "model_private.h"

struct clus_network *network_new(struct clus_txn *t, const char *name,
				 const char *id)
{
	return obj_new(t, CLUS_KIND_NETWORK, name, id);
}

uint32_t clus_network_set_common(struct clus_model *m,
				 struct clus_network *net,
				 const struct clus_common_set *c)
{
	uint32_t err;
	struct clus_txn *t = obj_set_common_begin(m, &net->obj, c, &err);

	if (t == NULL) {
		return err;
	}
	if (c->set & CM_COMMON_ROLE) {
		if (c->role > CM_NETWORK_ROLE_INTERNAL_AND_CLIENT) {
			txn_cancel(t);
			return CM_ERROR_INVALID_DATA;
		}
		TXN_SET(t, net->role, c->role);
	}
	txn_dirty(t, &net->obj);
	notify_network(t, net, CM_CHANGE_NETWORK_PROPERTY,
		       CM_CHANGE_NETWORK_COMMON_PROPERTY_V2);
	return txn_commit(t);
}

uint32_t clus_network_rename(struct clus_model *m, struct clus_network *net,
			     const char *name)
{
	struct clus_common_set c = { .name = name };

	if (strcmp(net->name, name) == 0) {
		return obj_check_name(m, CLUS_KIND_NETWORK, name, net);
	}
	return clus_network_set_common(m, net, &c);
}

/* Description is the one writable common property of an interface */
uint32_t clus_netif_set_common(struct clus_model *m, struct clus_netif *ni,
			       const struct clus_common_set *c)
{
	struct clus_txn *t = txn_begin(m);

	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	if (c->description != NULL) {
		txn_set_str(t, ni, &ni->description, c->description);
	}
	txn_dirty(t, &ni->obj);
	notify_netif(t, ni, CM_CHANGE_NETINTERFACE_PROPERTY,
		     CM_CHANGE_NETINTERFACE_COMMON_PROPERTY_V2);
	return txn_commit(t);
}

static bool network_is_internal(const struct clus_network *n)
{
	return (n->role & CM_NETWORK_ROLE_INTERNAL) != 0;
}

uint32_t clus_network_set_priority_order(struct clus_model *m,
					 struct clus_network **nets,
					 uint32_t num_nets)
{
	struct clus_network *n;
	struct clus_txn *t;
	uint32_t internal = 0;
	uint32_t i, j;

	for (n = clus_network_first(m); n != NULL; n = clus_network_next(n)) {
		if (network_is_internal(n)) {
			internal++;
		}
	}
	if (num_nets != internal) {
		return CM_ERROR_INVALID_PARAMETER;
	}
	for (i = 0; i < num_nets; i++) {
		if (nets[i] == NULL || !network_is_internal(nets[i])) {
			return CM_ERROR_INVALID_PARAMETER;
		}
		for (j = 0; j < i; j++) {
			if (nets[j] == nets[i]) {
				return CM_ERROR_INVALID_PARAMETER;
			}
		}
	}
	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	for (i = 0; i < num_nets; i++) {
		if (nets[i]->priority != i + 1) {
			TXN_SET(t, nets[i]->priority, i + 1);
			txn_dirty(t, &nets[i]->obj);
			notify_network(t, nets[i], CM_CHANGE_NETWORK_PROPERTY,
				       CM_CHANGE_NETWORK_COMMON_PROPERTY_V2);
		}
	}
	return txn_commit(t);
}

struct clus_netif *netif_new(struct clus_txn *t, const char *name,
			     const char *id)
{
	return obj_new(t, CLUS_KIND_NETIF, name, id);
}

void netif_delete(struct clus_txn *t, struct clus_netif *ni)
{
	notify_netif(t, ni, CM_CHANGE_NETINTERFACE_DELETED,
		     CM_CHANGE_NETINTERFACE_DELETED_V2);
	obj_unlink(t, &ni->obj);
	txn_free_on_commit(t, ni);
}

uint32_t clus_netif_find(struct clus_model *m, struct clus_node *node,
			 struct clus_network *net, struct clus_netif **netif)
{
	struct clus_netif *ni;

	for (ni = clus_netif_first(m); ni != NULL; ni = clus_netif_next(ni)) {
		if (ni->node == node && ni->network == net) {
			*netif = ni;
			return CM_ERROR_SUCCESS;
		}
	}
	*netif = NULL;
	return CM_ERROR_CLUSTER_NETINTERFACE_NOT_FOUND;
}
