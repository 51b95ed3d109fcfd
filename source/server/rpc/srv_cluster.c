/*
 * clusapid: cluster-wide calls (open, name, version, quorum, enums)
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "server/rpc/rpc_private.h"

static void open_cluster(struct dcesrv_call_state *dce_call,
			 uint32_t desired, uint32_t *granted,
			 WERROR *status, struct policy_handle *out)
{
	uint32_t access = 0;

	NDR_ZERO_STRUCTP(out);
	*status = clusrv_grant_access(dce_call, desired, &access);
	if (!W_ERROR_IS_OK(*status)) {
		return;
	}
	if (granted != NULL) {
		*granted = access;
	}
	*status = clusrv_handle_open(dce_call, CLUSRV_H_CLUSTER, "", access,
				     out, NULL);
}

void dcesrv_ApiOpenCluster(struct dcesrv_call_state *dce_call,
			   TALLOC_CTX *mem_ctx, struct ApiOpenCluster *r)
{
	open_cluster(dce_call, MAXIMUM_ALLOWED, NULL, r->out.Status,
		     r->out.Cluster);
}

void dcesrv_ApiOpenClusterEx(struct dcesrv_call_state *dce_call,
			     TALLOC_CTX *mem_ctx, struct ApiOpenClusterEx *r)
{
	open_cluster(dce_call, r->in.dwDesiredAccess, r->out.lpdwGrantedAccess,
		     r->out.Status, r->out.hCluster);
}

WERROR dcesrv_ApiCloseCluster(struct dcesrv_call_state *dce_call,
			      TALLOC_CTX *mem_ctx, struct ApiCloseCluster *r)
{
	return clusrv_handle_close(dce_call, r->in.Cluster, r->out.Cluster,
				   CLUSRV_H_CLUSTER);
}

WERROR dcesrv_ApiSetClusterName(struct dcesrv_call_state *dce_call,
				TALLOC_CTX *mem_ctx,
				struct ApiSetClusterName *r)
{
	WERROR werr = clusrv_check_write(dce_call);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	if (r->in.NewClusterName == NULL) {
		return WERR_INVALID_PARAMETER;
	}
	/* Windows stores the name and applies it at the next restart */
	return W_ERROR(clus_model_set_cluster_name(clusrv_model(dce_call),
						   r->in.NewClusterName));
}

/*
 * The node answering for the cluster name: clusapid's own node while it
 * is Up, otherwise the first node that is, as a client connecting to
 * the cluster name reaches an active node.
 */
static struct clus_node *answering_node(struct clus_model *m)
{
	struct clus_node *local = clus_model_local_node(m);
	struct clus_node *n;

	if (local != NULL && local->state == CM_NODE_UP) {
		return local;
	}
	for (n = clus_node_first(m); n != NULL; n = clus_node_next(n)) {
		if (n->state == CM_NODE_UP) {
			return n;
		}
	}
	return local;
}

WERROR dcesrv_ApiGetClusterName(struct dcesrv_call_state *dce_call,
				TALLOC_CTX *mem_ctx,
				struct ApiGetClusterName *r)
{
	struct clus_model *m = clusrv_model(dce_call);
	const struct clus_cluster *c = clus_model_cluster(m);
	struct clus_node *local = answering_node(m);
	WERROR rerr = clusrv_check_read(dce_call);

	if (!W_ERROR_IS_OK(rerr)) {
		return rerr;
	}

	*r->out.ClusterName = talloc_strdup(mem_ctx, c->name);
	*r->out.NodeName = talloc_strdup(mem_ctx,
					 local != NULL ? local->name : "");
	if (*r->out.ClusterName == NULL || *r->out.NodeName == NULL) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	return WERR_OK;
}

/* Opnum 4 is the MS-CMRP 2.0 call; a 3.0 server answers this */
WERROR dcesrv_ApiGetClusterVersion(struct dcesrv_call_state *dce_call,
				   TALLOC_CTX *mem_ctx,
				   struct ApiGetClusterVersion *r)
{
	return WERR_CALL_NOT_IMPLEMENTED;
}

WERROR dcesrv_ApiGetClusterVersion2(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx,
				    struct ApiGetClusterVersion2 *r)
{
	const struct clus_version *v =
		&clus_model_cluster(clusrv_model(dce_call))->version;
	struct CLUSTER_OPERATIONAL_VERSION_INFO *info;
	WERROR rerr = clusrv_check_read(dce_call);

	if (!W_ERROR_IS_OK(rerr)) {
		return rerr;
	}

	info = talloc_zero(mem_ctx, struct CLUSTER_OPERATIONAL_VERSION_INFO);
	if (info == NULL) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	info->dwSize = 20;
	info->dwClusterHighestVersion = v->highest_version;
	info->dwClusterLowestVersion = v->lowest_version;

	*r->out.lpwMajorVersion = v->major;
	*r->out.lpwMinorVersion = v->minor;
	*r->out.lpwBuildNumber = v->build;
	*r->out.lpszVendorId = talloc_strdup(mem_ctx, v->vendor);
	*r->out.lpszCSDVersion = talloc_strdup(mem_ctx, v->csd_version);
	*r->out.ppClusterOpVerInfo = info;
	if (*r->out.lpszVendorId == NULL || *r->out.lpszCSDVersion == NULL) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	return WERR_OK;
}

WERROR dcesrv_ApiGetQuorumResource(struct dcesrv_call_state *dce_call,
				   TALLOC_CTX *mem_ctx,
				   struct ApiGetQuorumResource *r)
{
	struct clus_model *m = clusrv_model(dce_call);
	const struct clus_cluster *c = clus_model_cluster(m);
	struct clus_resource *res = clus_model_quorum_resource(m);
	WERROR rerr = clusrv_check_read(dce_call);

	if (!W_ERROR_IS_OK(rerr)) {
		return rerr;
	}

	*r->out.lpszResourceName = talloc_strdup(mem_ctx,
						 res != NULL ? res->name : "");
	*r->out.lpszDeviceName = talloc_strdup(mem_ctx, c->quorum_path);
	*r->out.pdwMaxQuorumLogSize = c->quorum_max_log_size;
	if (*r->out.lpszResourceName == NULL ||
	    *r->out.lpszDeviceName == NULL) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	return WERR_OK;
}

WERROR dcesrv_ApiSetQuorumResource(struct dcesrv_call_state *dce_call,
				   TALLOC_CTX *mem_ctx,
				   struct ApiSetQuorumResource *r)
{
	struct clus_resource *res = NULL;
	WERROR werr;

	werr = clusrv_resource_for_write(dce_call, &r->in.hResource, &res);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_model_set_quorum_resource(
		clusrv_model(dce_call), res,
		r->in.lpszDeviceName != NULL ? r->in.lpszDeviceName : "",
		r->in.dwMaxQuorumLogSize));
}

static const uint32_t enum_known_types =
	CLUSTER_ENUM_NODE | CLUSTER_ENUM_RESTYPE | CLUSTER_ENUM_RESOURCE |
	CLUSTER_ENUM_GROUP | CLUSTER_ENUM_NETWORK |
	CLUSTER_ENUM_NETINTERFACE | CLUSTER_ENUM_SHARED_VOLUME_GROUP |
	CLUSTER_ENUM_SHARED_VOLUME_RESOURCE | CLUSTER_ENUM_INTERNAL_NETWORK;

/* What ApiCreateEnum and ApiCreateEnumEx list */
static WERROR cluster_enum(struct clus_model *m, uint32_t type,
			   struct clusrv_enum *e)
{
	struct clus_node *n;
	struct clus_restype *rt;
	struct clus_resource *res;
	struct clus_group *g;
	struct clus_network *net;
	struct clus_netif *i;
	uint32_t nt = (type & CLUSTER_ENUM_NETWORK) ?
		CLUSTER_ENUM_NETWORK : CLUSTER_ENUM_INTERNAL_NETWORK;

	if ((type & ~enum_known_types) != 0) {
		return WERR_INVALID_PARAMETER;
	}
	for (n = clus_node_first(m); n != NULL && (type & CLUSTER_ENUM_NODE);
	     n = clus_node_next(n)) {
		clusrv_enum_add(e, CLUSTER_ENUM_NODE, n->name, n->id);
	}
	/* a resource type's name is its id */
	for (rt = clus_restype_first(m);
	     rt != NULL && (type & CLUSTER_ENUM_RESTYPE);
	     rt = clus_restype_next(rt)) {
		clusrv_enum_add(e, CLUSTER_ENUM_RESTYPE, rt->name, rt->name);
	}
	for (res = clus_resource_first(m);
	     res != NULL && (type & CLUSTER_ENUM_RESOURCE);
	     res = clus_resource_next(res)) {
		clusrv_enum_add(e, CLUSTER_ENUM_RESOURCE, res->name, res->id);
	}
	for (g = clus_group_first(m); g != NULL && (type & CLUSTER_ENUM_GROUP);
	     g = clus_group_next(g)) {
		clusrv_enum_add(e, CLUSTER_ENUM_GROUP, g->name, g->id);
	}
	for (net = clus_network_first(m);
	     net != NULL && (type & (CLUSTER_ENUM_NETWORK |
				     CLUSTER_ENUM_INTERNAL_NETWORK));
	     net = clus_network_next(net)) {
		if (nt == CLUSTER_ENUM_INTERNAL_NETWORK &&
		    !(net->role & CM_NETWORK_ROLE_INTERNAL)) {
			continue;
		}
		clusrv_enum_add(e, nt, net->name, net->id);
	}
	for (i = clus_netif_first(m);
	     i != NULL && (type & CLUSTER_ENUM_NETINTERFACE);
	     i = clus_netif_next(i)) {
		clusrv_enum_add(e, CLUSTER_ENUM_NETINTERFACE, i->name, i->id);
	}
	/* No Cluster Shared Volumes in the simulation: nothing to list */
	return WERR_OK;
}

WERROR dcesrv_ApiCreateEnum(struct dcesrv_call_state *dce_call,
			    TALLOC_CTX *mem_ctx, struct ApiCreateEnum *r)
{
	struct clusrv_enum e;
	WERROR werr = clusrv_check_read(dce_call);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	clusrv_enum_start(mem_ctx, &e, false);
	werr = cluster_enum(clusrv_model(dce_call), r->in.dwType, &e);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return clusrv_enum_done(&e, r->out.ReturnEnum, NULL);
}

WERROR dcesrv_ApiCreateEnumEx(struct dcesrv_call_state *dce_call,
			      TALLOC_CTX *mem_ctx, struct ApiCreateEnumEx *r)
{
	struct clusrv_enum e;
	WERROR werr;

	werr = clusrv_cluster_check_handle(dce_call, &r->in.hCluster);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	clusrv_enum_start(mem_ctx, &e, true);
	werr = cluster_enum(clusrv_model(dce_call), r->in.dwType, &e);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return clusrv_enum_done(&e, r->out.ReturnNameEnum,
				r->out.ReturnIdEnum);
}

/* No backups in the simulation; Windows answers this to remote callers */
WERROR dcesrv_ApiBackupClusterDatabase(struct dcesrv_call_state *dce_call,
				       TALLOC_CTX *mem_ctx,
				       struct ApiBackupClusterDatabase *r)
{
	return WERR_CALL_NOT_IMPLEMENTED;
}

WERROR dcesrv_ApiSetServiceAccountPassword(
	struct dcesrv_call_state *dce_call, TALLOC_CTX *mem_ctx,
	struct ApiSetServiceAccountPassword *r)
{
	*r->out.SizeReturned = 0;
	*r->out.ExpectedBufferSize = 0;
	return WERR_CALL_NOT_IMPLEMENTED;
}
