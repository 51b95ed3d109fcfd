/*
 * clusapi - cluster model: lookup and enumeration of each kind of object
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The typed calls of model.h's "Lookup and enumeration" section.  The
 * indexes, lists and "not found" errors of each kind are objkind.c's
 * table; these calls only give each kind its own types.
 */

#include "model_private.h"

struct clus_node *clus_node_by_name(struct clus_model *m, const char *name)
{
	return obj_by_name(m, CLUS_KIND_NODE, name);
}

struct clus_node *clus_node_by_id(struct clus_model *m, const char *id)
{
	return obj_by_id(m, CLUS_KIND_NODE, id);
}

uint32_t clus_node_lookup(struct clus_model *m, const char *name,
			  struct clus_node **node)
{
	*node = obj_find(m, CLUS_KIND_NODE, name);
	return obj_found(CLUS_KIND_NODE, *node);
}

uint32_t clus_model_num_nodes(struct clus_model *m)
{
	return obj_count(m, CLUS_KIND_NODE);
}

struct clus_node *clus_node_first(struct clus_model *m)
{
	return obj_first(m, CLUS_KIND_NODE);
}

struct clus_node *clus_node_next(struct clus_node *node)
{
	return obj_next(&node->obj);
}

struct clus_restype *clus_restype_by_name(struct clus_model *m,
					  const char *name)
{
	return obj_by_name(m, CLUS_KIND_RESTYPE, name);
}

uint32_t clus_restype_lookup(struct clus_model *m, const char *name,
			     struct clus_restype **type)
{
	*type = obj_find(m, CLUS_KIND_RESTYPE, name);
	return obj_found(CLUS_KIND_RESTYPE, *type);
}

uint32_t clus_model_num_restypes(struct clus_model *m)
{
	return obj_count(m, CLUS_KIND_RESTYPE);
}

struct clus_restype *clus_restype_first(struct clus_model *m)
{
	return obj_first(m, CLUS_KIND_RESTYPE);
}

struct clus_restype *clus_restype_next(struct clus_restype *type)
{
	return obj_next(&type->obj);
}

struct clus_network *clus_network_by_name(struct clus_model *m,
					  const char *name)
{
	return obj_by_name(m, CLUS_KIND_NETWORK, name);
}

struct clus_network *clus_network_by_id(struct clus_model *m, const char *id)
{
	return obj_by_id(m, CLUS_KIND_NETWORK, id);
}

uint32_t clus_network_lookup(struct clus_model *m, const char *name,
			     struct clus_network **net)
{
	*net = obj_find(m, CLUS_KIND_NETWORK, name);
	return obj_found(CLUS_KIND_NETWORK, *net);
}

uint32_t clus_model_num_networks(struct clus_model *m)
{
	return obj_count(m, CLUS_KIND_NETWORK);
}

struct clus_network *clus_network_first(struct clus_model *m)
{
	return obj_first(m, CLUS_KIND_NETWORK);
}

struct clus_network *clus_network_next(struct clus_network *net)
{
	return obj_next(&net->obj);
}

struct clus_netif *clus_netif_by_name(struct clus_model *m, const char *name)
{
	return obj_by_name(m, CLUS_KIND_NETIF, name);
}

struct clus_netif *clus_netif_by_id(struct clus_model *m, const char *id)
{
	return obj_by_id(m, CLUS_KIND_NETIF, id);
}

uint32_t clus_netif_lookup(struct clus_model *m, const char *name,
			   struct clus_netif **netif)
{
	*netif = obj_find(m, CLUS_KIND_NETIF, name);
	return obj_found(CLUS_KIND_NETIF, *netif);
}

uint32_t clus_model_num_netifs(struct clus_model *m)
{
	return obj_count(m, CLUS_KIND_NETIF);
}

struct clus_netif *clus_netif_first(struct clus_model *m)
{
	return obj_first(m, CLUS_KIND_NETIF);
}

struct clus_netif *clus_netif_next(struct clus_netif *netif)
{
	return obj_next(&netif->obj);
}

struct clus_group *clus_group_by_name(struct clus_model *m, const char *name)
{
	return obj_by_name(m, CLUS_KIND_GROUP, name);
}

struct clus_group *clus_group_by_id(struct clus_model *m, const char *id)
{
	return obj_by_id(m, CLUS_KIND_GROUP, id);
}

uint32_t clus_group_lookup(struct clus_model *m, const char *name,
			   struct clus_group **group)
{
	*group = obj_find(m, CLUS_KIND_GROUP, name);
	return obj_found(CLUS_KIND_GROUP, *group);
}

uint32_t clus_model_num_groups(struct clus_model *m)
{
	return obj_count(m, CLUS_KIND_GROUP);
}

struct clus_group *clus_group_first(struct clus_model *m)
{
	return obj_first(m, CLUS_KIND_GROUP);
}

struct clus_group *clus_group_next(struct clus_group *group)
{
	return obj_next(&group->obj);
}

struct clus_resource *clus_resource_by_name(struct clus_model *m,
					    const char *name)
{
	return obj_by_name(m, CLUS_KIND_RESOURCE, name);
}

struct clus_resource *clus_resource_by_id(struct clus_model *m, const char *id)
{
	return obj_by_id(m, CLUS_KIND_RESOURCE, id);
}

uint32_t clus_resource_lookup(struct clus_model *m, const char *name,
			      struct clus_resource **res)
{
	*res = obj_find(m, CLUS_KIND_RESOURCE, name);
	return obj_found(CLUS_KIND_RESOURCE, *res);
}

uint32_t clus_model_num_resources(struct clus_model *m)
{
	return obj_count(m, CLUS_KIND_RESOURCE);
}

struct clus_resource *clus_resource_first(struct clus_model *m)
{
	return obj_first(m, CLUS_KIND_RESOURCE);
}

struct clus_resource *clus_resource_next(struct clus_resource *res)
{
	return obj_next(&res->obj);
}

struct clus_groupset *clus_groupset_by_name(struct clus_model *m,
					    const char *name)
{
	return obj_by_name(m, CLUS_KIND_GROUPSET, name);
}

struct clus_groupset *clus_groupset_by_id(struct clus_model *m, const char *id)
{
	return obj_by_id(m, CLUS_KIND_GROUPSET, id);
}

uint32_t clus_groupset_lookup(struct clus_model *m, const char *name,
			      struct clus_groupset **set)
{
	*set = obj_find(m, CLUS_KIND_GROUPSET, name);
	return obj_found(CLUS_KIND_GROUPSET, *set);
}

uint32_t clus_model_num_groupsets(struct clus_model *m)
{
	return obj_count(m, CLUS_KIND_GROUPSET);
}

struct clus_groupset *clus_groupset_first(struct clus_model *m)
{
	return obj_first(m, CLUS_KIND_GROUPSET);
}

struct clus_groupset *clus_groupset_next(struct clus_groupset *set)
{
	return obj_next(&set->obj);
}
