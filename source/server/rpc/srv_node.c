/*
 * clusapid: nodes, networks, network interfaces and resource types
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "server/rpc/rpc_private.h"

/*
 * MS-CMRP 3.1.4.2.69/70 and 3.1.4.2: a pause without drain takes effect
 * before ApiPauseNode returns, so every client that asks next sees the
 * node Paused and may resume it at once. A pause with drain is Paused
 * at once too; its groups move away under the node's drain status.
 */
static WERROR node_pause(struct dcesrv_call_state *dce_call,
			 struct clus_node *node, bool drain,
			 struct clus_node *target)
{
	return W_ERROR(clus_node_pause(clusrv_model(dce_call), node, drain,
				       target));
}

static WERROR node_resume(struct dcesrv_call_state *dce_call,
			  struct clus_node *node, bool failback)
{
	return W_ERROR(clus_node_resume(clusrv_model(dce_call), node,
					failback));
}

/* Nodes ---------------------------------------------------------------- */

WERROR dcesrv_ApiCloseNode(struct dcesrv_call_state *dce_call,
			   TALLOC_CTX *mem_ctx, struct ApiCloseNode *r)
{
	return clusrv_handle_close(dce_call, r->in.Node, r->out.Node,
				   CLUSRV_H_NODE);
}

WERROR dcesrv_ApiGetNodeState(struct dcesrv_call_state *dce_call,
			      TALLOC_CTX *mem_ctx, struct ApiGetNodeState *r)
{
	struct clus_node *node = NULL;
	WERROR werr = clusrv_node_from_handle(dce_call, &r->in.hNode, &node);

	if (!W_ERROR_IS_OK(werr)) {
		*r->out.State = ClusterNodeStateUnknown;
		return werr;
	}
	*r->out.State = node->state;
	return WERR_OK;
}

WERROR dcesrv_ApiGetNodeId(struct dcesrv_call_state *dce_call,
			   TALLOC_CTX *mem_ctx, struct ApiGetNodeId *r)
{
	struct clus_node *node = NULL;
	WERROR werr = clusrv_node_from_handle(dce_call, &r->in.hNode, &node);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return clusrv_string_out(mem_ctx, node->id, r->out.pGuid);
}

WERROR dcesrv_ApiPauseNode(struct dcesrv_call_state *dce_call,
			   TALLOC_CTX *mem_ctx, struct ApiPauseNode *r)
{
	struct clus_node *node = NULL;
	WERROR werr = clusrv_node_for_write(dce_call, &r->in.hNode, &node);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return node_pause(dce_call, node, false, NULL);
}

WERROR dcesrv_ApiPauseNodeEx(struct dcesrv_call_state *dce_call,
			     TALLOC_CTX *mem_ctx, struct ApiPauseNodeEx *r)
{
	struct clus_node *node = NULL;
	WERROR werr = clusrv_node_for_write(dce_call, &r->in.hNode, &node);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	if (r->in.dwPauseFlags &
	    ~(CLUSAPI_NODE_PAUSE_REMAIN_ON_PAUSED_NODE_ON_MOVE_ERROR |
	      CLUSAPI_NODE_AVOID_PLACEMENT |
	      CLUSAPI_NODE_PAUSE_RETRY_DRAIN_ON_FAILURE)) {
		return WERR_INVALID_PARAMETER;
	}
	return node_pause(dce_call, node, r->in.bDrainNode, NULL);
}

WERROR dcesrv_ApiPauseNodeWithDrainTarget(
	struct dcesrv_call_state *dce_call, TALLOC_CTX *mem_ctx,
	struct ApiPauseNodeWithDrainTarget *r)
{
	struct clus_node *node = NULL, *target = NULL;
	WERROR werr = clusrv_node_for_write(dce_call, &r->in.hNode, &node);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	werr = clusrv_node_from_handle(dce_call, &r->in.hNodeDrainTarget,
				       &target);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return node_pause(dce_call, node, true, target);
}

WERROR dcesrv_ApiResumeNode(struct dcesrv_call_state *dce_call,
			    TALLOC_CTX *mem_ctx, struct ApiResumeNode *r)
{
	struct clus_node *node = NULL;
	WERROR werr = clusrv_node_for_write(dce_call, &r->in.hNode, &node);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return node_resume(dce_call, node, false);
}

WERROR dcesrv_ApiResumeNodeEx(struct dcesrv_call_state *dce_call,
			      TALLOC_CTX *mem_ctx, struct ApiResumeNodeEx *r)
{
	struct clus_node *node = NULL;
	WERROR werr = clusrv_node_for_write(dce_call, &r->in.hNode, &node);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	if (r->in.dwResumeFailbackType > FailbackGroupsPerPolicy ||
	    r->in.dwResumeFlagsReserved != 0) {
		return WERR_INVALID_PARAMETER;
	}
	return node_resume(dce_call, node,
			   r->in.dwResumeFailbackType != DoNotFailbackGroups);
}

WERROR dcesrv_ApiEvictNode(struct dcesrv_call_state *dce_call,
			   TALLOC_CTX *mem_ctx, struct ApiEvictNode *r)
{
	struct clus_node *node = NULL;
	WERROR werr = clusrv_node_for_write(dce_call, &r->in.hNode, &node);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_node_evict(clusrv_model(dce_call), node));
}

static bool group_prefers(const struct clus_group *g,
			  const struct clus_node *node)
{
	uint32_t i;

	for (i = 0; i < g->num_preferred; i++) {
		if (g->preferred[i] == node) {
			return true;
		}
	}
	return false;
}

static WERROR node_enum(struct clus_model *m, struct clus_node *node,
			uint32_t type, struct clusrv_enum *e)
{
	struct clus_netif *i;
	struct clus_group *g;

	if (type & ~(CLUSTER_NODE_ENUM_NETINTERFACES |
		     CLUSTER_NODE_ENUM_GROUPS |
		     CLUSTER_NODE_ENUM_PREFERRED_GROUPS)) {
		return WERR_INVALID_PARAMETER;
	}
	for (i = clus_netif_first(m);
	     i != NULL && (type & CLUSTER_NODE_ENUM_NETINTERFACES);
	     i = clus_netif_next(i)) {
		if (i->node == node) {
			clusrv_enum_add(e, CLUSTER_NODE_ENUM_NETINTERFACES,
					i->name, i->id);
		}
	}
	for (g = clus_group_first(m); g != NULL; g = clus_group_next(g)) {
		if ((type & CLUSTER_NODE_ENUM_GROUPS) && g->owner == node) {
			clusrv_enum_add(e, CLUSTER_NODE_ENUM_GROUPS, g->name,
					g->id);
		} else if ((type & CLUSTER_NODE_ENUM_PREFERRED_GROUPS) &&
			   group_prefers(g, node)) {
			clusrv_enum_add(e, CLUSTER_NODE_ENUM_PREFERRED_GROUPS,
					g->name, g->id);
		}
	}
	return WERR_OK;
}

WERROR dcesrv_ApiCreateNodeEnum(struct dcesrv_call_state *dce_call,
				TALLOC_CTX *mem_ctx,
				struct ApiCreateNodeEnum *r)
{
	struct clus_node *node = NULL;
	struct clusrv_enum e;
	WERROR werr = clusrv_node_from_handle(dce_call, &r->in.hNode, &node);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	clusrv_enum_start(mem_ctx, &e, false);
	werr = node_enum(clusrv_model(dce_call), node, r->in.dwType, &e);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return clusrv_enum_done(&e, r->out.ReturnEnum, NULL);
}

WERROR dcesrv_ApiCreateNodeEnumEx(struct dcesrv_call_state *dce_call,
				  TALLOC_CTX *mem_ctx,
				  struct ApiCreateNodeEnumEx *r)
{
	struct clus_node *node = NULL;
	struct clusrv_enum e;
	WERROR werr = clusrv_node_from_handle(dce_call, &r->in.hNode, &node);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	if (r->in.dwOptions != 0) {
		return WERR_INVALID_PARAMETER;
	}
	clusrv_enum_start(mem_ctx, &e, true);
	werr = node_enum(clusrv_model(dce_call), node, r->in.dwType, &e);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return clusrv_enum_done(&e, r->out.ReturnNameEnum,
				r->out.ReturnIdEnum);
}

/* Networks ------------------------------------------------------------- */

WERROR dcesrv_ApiCloseNetwork(struct dcesrv_call_state *dce_call,
			      TALLOC_CTX *mem_ctx, struct ApiCloseNetwork *r)
{
	return clusrv_handle_close(dce_call, r->in.Network, r->out.Network,
				   CLUSRV_H_NETWORK);
}

WERROR dcesrv_ApiGetNetworkState(struct dcesrv_call_state *dce_call,
				 TALLOC_CTX *mem_ctx,
				 struct ApiGetNetworkState *r)
{
	struct clus_network *net = NULL;
	WERROR werr = clusrv_network_from_handle(dce_call, &r->in.hNetwork,
						 &net);

	if (!W_ERROR_IS_OK(werr)) {
		*r->out.State = ClusterNetworkStateUnknown;
		return werr;
	}
	*r->out.State = net->state;
	return WERR_OK;
}

WERROR dcesrv_ApiGetNetworkId(struct dcesrv_call_state *dce_call,
			      TALLOC_CTX *mem_ctx, struct ApiGetNetworkId *r)
{
	struct clus_network *net = NULL;
	WERROR werr = clusrv_network_from_handle(dce_call, &r->in.hNetwork,
						 &net);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return clusrv_string_out(mem_ctx, net->id, r->out.pGuid);
}

WERROR dcesrv_ApiSetNetworkName(struct dcesrv_call_state *dce_call,
				TALLOC_CTX *mem_ctx,
				struct ApiSetNetworkName *r)
{
	struct clus_network *net = NULL;
	WERROR werr = clusrv_for_write(
		dce_call,
		clusrv_network_from_handle(dce_call, &r->in.hNetwork, &net));

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	if (r->in.lpszNetworkName == NULL) {
		return WERR_INVALID_PARAMETER;
	}
	return W_ERROR(clus_network_rename(clusrv_model(dce_call), net,
					   r->in.lpszNetworkName));
}

WERROR dcesrv_ApiCreateNetworkEnum(struct dcesrv_call_state *dce_call,
				   TALLOC_CTX *mem_ctx,
				   struct ApiCreateNetworkEnum *r)
{
	struct clus_model *m = clusrv_model(dce_call);
	struct clus_network *net = NULL;
	struct clusrv_enum e;
	struct clus_netif *i;
	WERROR werr;

	werr = clusrv_network_from_handle(dce_call, &r->in.hNetwork, &net);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	if (r->in.dwType & ~CLUSTER_NETWORK_ENUM_NETINTERFACES) {
		return WERR_INVALID_PARAMETER;
	}
	clusrv_enum_start(mem_ctx, &e, false);
	for (i = clus_netif_first(m);
	     i != NULL && (r->in.dwType & CLUSTER_NETWORK_ENUM_NETINTERFACES);
	     i = clus_netif_next(i)) {
		if (i->network == net) {
			clusrv_enum_add(&e,
					CLUSTER_NETWORK_ENUM_NETINTERFACES,
					i->name, NULL);
		}
	}
	return clusrv_enum_done(&e, r->out.ReturnEnum, NULL);
}

WERROR dcesrv_ApiSetNetworkPriorityOrder(struct dcesrv_call_state *dce_call,
					 TALLOC_CTX *mem_ctx,
					 struct ApiSetNetworkPriorityOrder *r)
{
	struct clus_model *m = clusrv_model(dce_call);
	struct clus_network **nets;
	uint32_t i;
	WERROR werr = clusrv_check_write(dce_call);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	nets = talloc_zero_array(mem_ctx, struct clus_network *,
				 r->in.NetworkCount + 1);
	if (nets == NULL) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	for (i = 0; i < r->in.NetworkCount; i++) {
		const char *id = r->in.NetworkIdList[i].NetworkId;

		nets[i] = id != NULL ? clus_network_by_id(m, id) : NULL;
		if (nets[i] == NULL) {
			return W_ERROR(CM_ERROR_CLUSTER_NETWORK_NOT_FOUND);
		}
	}
	return W_ERROR(clus_network_set_priority_order(m, nets,
						       r->in.NetworkCount));
}

/* Network interfaces --------------------------------------------------- */

WERROR dcesrv_ApiCloseNetInterface(struct dcesrv_call_state *dce_call,
				   TALLOC_CTX *mem_ctx,
				   struct ApiCloseNetInterface *r)
{
	return clusrv_handle_close(dce_call, r->in.NetInterface,
				   r->out.NetInterface, CLUSRV_H_NETIF);
}

WERROR dcesrv_ApiGetNetInterfaceState(struct dcesrv_call_state *dce_call,
				      TALLOC_CTX *mem_ctx,
				      struct ApiGetNetInterfaceState *r)
{
	struct clus_netif *netif = NULL;
	WERROR werr = clusrv_netif_from_handle(dce_call,
					       &r->in.hNetInterface, &netif);

	if (!W_ERROR_IS_OK(werr)) {
		*r->out.State = ClusterNetInterfaceStateUnknown;
		return werr;
	}
	*r->out.State = netif->state;
	return WERR_OK;
}

WERROR dcesrv_ApiGetNetInterfaceId(struct dcesrv_call_state *dce_call,
				   TALLOC_CTX *mem_ctx,
				   struct ApiGetNetInterfaceId *r)
{
	struct clus_netif *netif = NULL;
	WERROR werr = clusrv_netif_from_handle(dce_call,
					       &r->in.hNetInterface, &netif);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return clusrv_string_out(mem_ctx, netif->id, r->out.pGuid);
}

WERROR dcesrv_ApiGetNetInterface(struct dcesrv_call_state *dce_call,
				 TALLOC_CTX *mem_ctx,
				 struct ApiGetNetInterface *r)
{
	struct clus_model *m = clusrv_model(dce_call);
	struct clus_node *node = NULL;
	struct clus_network *net = NULL;
	struct clus_netif *netif = NULL;
	uint32_t err;
	WERROR werr = clusrv_check_read(dce_call);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	err = clus_node_lookup(m, r->in.lpszNodeName != NULL ?
			       r->in.lpszNodeName : "", &node);
	if (err != CM_ERROR_SUCCESS) {
		return W_ERROR(err);
	}
	err = clus_network_lookup(m, r->in.lpszNetworkName != NULL ?
				  r->in.lpszNetworkName : "", &net);
	if (err != CM_ERROR_SUCCESS) {
		return W_ERROR(err);
	}
	err = clus_netif_find(m, node, net, &netif);
	if (err != CM_ERROR_SUCCESS) {
		return W_ERROR(err);
	}
	return clusrv_string_out(mem_ctx, netif->name,
				 r->out.lppszInterfaceName);
}

WERROR dcesrv_ApiCreateNetInterfaceEnum(struct dcesrv_call_state *dce_call,
					TALLOC_CTX *mem_ctx,
					struct ApiCreateNetInterfaceEnum *r)
{
	struct clus_model *m = clusrv_model(dce_call);
	struct clus_node *node = NULL;
	struct clus_network *net = NULL;
	struct clusrv_enum e;
	struct clus_netif *i;
	uint32_t err;
	WERROR werr;

	werr = clusrv_cluster_check_handle(dce_call, &r->in.hCluster);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	/* NULL or empty names match every node or network */
	if (r->in.lpszNodeName != NULL && r->in.lpszNodeName[0] != '\0') {
		err = clus_node_lookup(m, r->in.lpszNodeName, &node);
		if (err != CM_ERROR_SUCCESS) {
			return W_ERROR(err);
		}
	}
	if (r->in.lpszNetworkName != NULL &&
	    r->in.lpszNetworkName[0] != '\0') {
		err = clus_network_lookup(m, r->in.lpszNetworkName, &net);
		if (err != CM_ERROR_SUCCESS) {
			return W_ERROR(err);
		}
	}
	clusrv_enum_start(mem_ctx, &e, false);
	for (i = clus_netif_first(m); i != NULL; i = clus_netif_next(i)) {
		if ((node == NULL || i->node == node) &&
		    (net == NULL || i->network == net)) {
			clusrv_enum_add(&e, CLUSTER_ENUM_NETINTERFACE, i->name,
					NULL);
		}
	}
	return clusrv_enum_done(&e, r->out.ReturnEnum, NULL);
}

/* Resource types ------------------------------------------------------- */

WERROR dcesrv_ApiCreateResourceType(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx,
				    struct ApiCreateResourceType *r)
{
	WERROR werr = clusrv_check_write(dce_call);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	if (r->in.lpszTypeName == NULL || r->in.lpszTypeName[0] == '\0' ||
	    r->in.lpszDllName == NULL) {
		return WERR_INVALID_PARAMETER;
	}
	return W_ERROR(clus_restype_create(
		clusrv_model(dce_call), r->in.lpszTypeName,
		r->in.lpszDisplayName != NULL ?
			r->in.lpszDisplayName : r->in.lpszTypeName,
		r->in.lpszDllName, r->in.dwLooksAlive, r->in.dwIsAlive,
		NULL));
}

WERROR dcesrv_ApiDeleteResourceType(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx,
				    struct ApiDeleteResourceType *r)
{
	struct clus_model *m = clusrv_model(dce_call);
	struct clus_restype *type = NULL;
	uint32_t err;
	WERROR werr = clusrv_check_write(dce_call);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	err = clus_restype_lookup(m, r->in.lpszTypeName != NULL ?
				  r->in.lpszTypeName : "", &type);
	if (err != CM_ERROR_SUCCESS) {
		return W_ERROR(err);
	}
	return W_ERROR(clus_restype_delete(m, type));
}

/*
 * Windows ignores unknown dwType bits here (smbtorture passes invalid
 * ones and expects success): only the two defined bits select entries.
 */
WERROR dcesrv_ApiCreateResTypeEnum(struct dcesrv_call_state *dce_call,
				   TALLOC_CTX *mem_ctx,
				   struct ApiCreateResTypeEnum *r)
{
	struct clus_model *m = clusrv_model(dce_call);
	struct clus_restype *type = NULL;
	struct clus_node *n;
	struct clus_resource *res;
	struct clusrv_enum e;
	uint32_t err;
	WERROR werr;

	werr = clusrv_check_read(dce_call);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	err = clus_restype_lookup(m, r->in.lpszTypeName != NULL ?
				  r->in.lpszTypeName : "", &type);
	if (err != CM_ERROR_SUCCESS) {
		return W_ERROR(err);
	}
	clusrv_enum_start(mem_ctx, &e, false);
	if (r->in.dwType & CLUSTER_RESOURCE_TYPE_ENUM_NODES) {
		for (n = clus_node_first(m); n != NULL; n = clus_node_next(n)) {
			clusrv_enum_add(&e, CLUSTER_RESOURCE_TYPE_ENUM_NODES,
					n->name, NULL);
		}
	}
	if (r->in.dwType & CLUSTER_RESOURCE_TYPE_ENUM_RESOURCES) {
		for (res = clus_resource_first(m); res != NULL;
		     res = clus_resource_next(res)) {
			if (res->type != type) {
				continue;
			}
			clusrv_enum_add(&e,
					CLUSTER_RESOURCE_TYPE_ENUM_RESOURCES,
					res->name, NULL);
		}
	}
	return clusrv_enum_done(&e, r->out.ReturnEnum, NULL);
}
