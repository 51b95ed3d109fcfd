/*
 * clusapid: resources
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "server/rpc/rpc_private.h"

void dcesrv_ApiCreateResource(struct dcesrv_call_state *dce_call,
			      TALLOC_CTX *mem_ctx, struct ApiCreateResource *r)
{
	struct clus_group *g = NULL;
	struct clus_resource *res = NULL;
	uint32_t access = 0;

	NDR_ZERO_STRUCTP(r->out.hResource);
	*r->out.Status = clusrv_group_for_write(dce_call, &r->in.hGroup, &g);
	if (!W_ERROR_IS_OK(*r->out.Status)) {
		return;
	}
	*r->out.Status = clusrv_grant_access(dce_call, MAXIMUM_ALLOWED,
					     &access);
	if (!W_ERROR_IS_OK(*r->out.Status)) {
		return;
	}
	if (r->in.lpszResourceName == NULL ||
	    r->in.lpszResourceName[0] == '\0' ||
	    r->in.lpszResourceType == NULL) {
		*r->out.Status = WERR_INVALID_PARAMETER;
		return;
	}
	*r->out.Status = W_ERROR(clus_resource_create(
		clusrv_model(dce_call), g, r->in.lpszResourceName,
		r->in.lpszResourceType, r->in.dwFlags, &res));
	if (!W_ERROR_IS_OK(*r->out.Status)) {
		return;
	}
	*r->out.Status = clusrv_handle_open(dce_call, CLUSRV_H_RESOURCE,
					    res->id, access, r->out.hResource,
					    NULL);
}

WERROR dcesrv_ApiDeleteResource(struct dcesrv_call_state *dce_call,
				TALLOC_CTX *mem_ctx,
				struct ApiDeleteResource *r)
{
	struct clus_resource *res = NULL;
	WERROR werr = clusrv_resource_for_write(dce_call, &r->in.hResource,
						&res);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_resource_delete(clusrv_model(dce_call), res));
}

WERROR dcesrv_ApiCloseResource(struct dcesrv_call_state *dce_call,
			       TALLOC_CTX *mem_ctx, struct ApiCloseResource *r)
{
	return clusrv_handle_close(dce_call, r->in.Resource, r->out.Resource,
				   CLUSRV_H_RESOURCE);
}

WERROR dcesrv_ApiGetResourceState(struct dcesrv_call_state *dce_call,
				  TALLOC_CTX *mem_ctx,
				  struct ApiGetResourceState *r)
{
	struct clus_resource *res = NULL;
	WERROR werr;

	werr = clusrv_resource_from_handle(dce_call, &r->in.hResource, &res);
	if (!W_ERROR_IS_OK(werr)) {
		*r->out.State = ClusterResourceStateUnknown;
		return werr;
	}
	*r->out.State = res->state;
	werr = clusrv_string_out(mem_ctx, res->group->owner != NULL ?
				 res->group->owner->name : "", r->out.NodeName);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return clusrv_string_out(mem_ctx, res->group->name,
				 r->out.GroupName);
}

WERROR dcesrv_ApiSetResourceName(struct dcesrv_call_state *dce_call,
				 TALLOC_CTX *mem_ctx,
				 struct ApiSetResourceName *r)
{
	struct clus_resource *res = NULL;
	WERROR werr = clusrv_resource_for_write(dce_call, &r->in.hResource,
						&res);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	if (r->in.lpszResourceName == NULL ||
	    r->in.lpszResourceName[0] == '\0') {
		return WERR_INVALID_PARAMETER;
	}
	return W_ERROR(clus_resource_rename(clusrv_model(dce_call), res,
					    r->in.lpszResourceName));
}

WERROR dcesrv_ApiGetResourceId(struct dcesrv_call_state *dce_call,
			       TALLOC_CTX *mem_ctx, struct ApiGetResourceId *r)
{
	struct clus_resource *res = NULL;
	WERROR werr;

	werr = clusrv_resource_from_handle(dce_call, &r->in.hResource, &res);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return clusrv_string_out(mem_ctx, res->id, r->out.pGuid);
}

WERROR dcesrv_ApiGetResourceType(struct dcesrv_call_state *dce_call,
				 TALLOC_CTX *mem_ctx,
				 struct ApiGetResourceType *r)
{
	struct clus_resource *res = NULL;
	WERROR werr;

	werr = clusrv_resource_from_handle(dce_call, &r->in.hResource, &res);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return clusrv_string_out(mem_ctx, res->type->name,
				 r->out.lpszResourceType);
}

WERROR dcesrv_ApiFailResource(struct dcesrv_call_state *dce_call,
			      TALLOC_CTX *mem_ctx, struct ApiFailResource *r)
{
	struct clus_resource *res = NULL;
	WERROR werr = clusrv_resource_for_write(dce_call, &r->in.hResource,
						&res);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_resource_fail(clusrv_model(dce_call), res));
}

/*
 * Online and offline, plain and Ex: the Ex variants' flags and
 * PROPERTY_LIST are for resource DLLs, which the simulation has none
 * of. Queued behind an operation running on the group (srv_settle.c).
 */
WERROR dcesrv_ApiOnlineResource(struct dcesrv_call_state *dce_call,
				TALLOC_CTX *mem_ctx,
				struct ApiOnlineResource *r)
{
	return clusrv_settle_op(dce_call, &r->in.hResource, CLUSRV_RES_ONLINE,
				&r->out.result);
}

WERROR dcesrv_ApiOfflineResource(struct dcesrv_call_state *dce_call,
				 TALLOC_CTX *mem_ctx,
				 struct ApiOfflineResource *r)
{
	return clusrv_settle_op(dce_call, &r->in.hResource, CLUSRV_RES_OFFLINE,
				&r->out.result);
}

WERROR dcesrv_ApiOnlineResourceEx(struct dcesrv_call_state *dce_call,
				  TALLOC_CTX *mem_ctx,
				  struct ApiOnlineResourceEx *r)
{
	return clusrv_settle_op(dce_call, &r->in.hResource, CLUSRV_RES_ONLINE,
				&r->out.result);
}

WERROR dcesrv_ApiOfflineResourceEx(struct dcesrv_call_state *dce_call,
				   TALLOC_CTX *mem_ctx,
				   struct ApiOfflineResourceEx *r)
{
	return clusrv_settle_op(dce_call, &r->in.hResource, CLUSRV_RES_OFFLINE,
				&r->out.result);
}

/* A restart is an offline followed by an online: fail, then recover */
WERROR dcesrv_ApiRestartResource(struct dcesrv_call_state *dce_call,
				 TALLOC_CTX *mem_ctx,
				 struct ApiRestartResource *r)
{
	struct clus_resource *res = NULL;
	WERROR werr = clusrv_resource_for_write(dce_call, &r->in.hResource,
						&res);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	if (r->in.dwFlags != 0) {
		return WERR_INVALID_PARAMETER;
	}
	if (res->state != CM_RES_ONLINE) {
		return W_ERROR(CM_ERROR_RESOURCE_NOT_ONLINE);
	}
	return W_ERROR(clus_resource_fail(clusrv_model(dce_call), res));
}

static WERROR two_resources(struct dcesrv_call_state *dce_call,
			    const struct policy_handle *h1,
			    const struct policy_handle *h2,
			    struct clus_resource **r1,
			    struct clus_resource **r2, bool write)
{
	WERROR werr = clusrv_resource_from_handle(dce_call, h1, r1);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	werr = clusrv_resource_from_handle(dce_call, h2, r2);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return write ? clusrv_check_write(dce_call) : WERR_OK;
}

WERROR dcesrv_ApiAddResourceDependency(struct dcesrv_call_state *dce_call,
				       TALLOC_CTX *mem_ctx,
				       struct ApiAddResourceDependency *r)
{
	struct clus_resource *res = NULL, *prov = NULL;
	WERROR werr = two_resources(dce_call, &r->in.hResource,
				    &r->in.hDependsOn, &res, &prov, true);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_resource_add_dependency(clusrv_model(dce_call),
						    res, prov));
}

WERROR dcesrv_ApiRemoveResourceDependency(
	struct dcesrv_call_state *dce_call, TALLOC_CTX *mem_ctx,
	struct ApiRemoveResourceDependency *r)
{
	struct clus_resource *res = NULL, *prov = NULL;
	WERROR werr = two_resources(dce_call, &r->in.hResource,
				    &r->in.hDependsOn, &res, &prov, true);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_resource_remove_dependency(
		clusrv_model(dce_call), res, prov));
}

WERROR dcesrv_ApiCanResourceBeDependent(struct dcesrv_call_state *dce_call,
					TALLOC_CTX *mem_ctx,
					struct ApiCanResourceBeDependent *r)
{
	struct clus_resource *res = NULL, *dep = NULL;
	WERROR werr = two_resources(dce_call, &r->in.hResource,
				    &r->in.hResourceDependent, &res, &dep,
				    false);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	/* may hResourceDependent depend on hResource? */
	return W_ERROR(clus_resource_can_depend(clusrv_model(dce_call), dep,
						res));
}

static WERROR res_and_node(struct dcesrv_call_state *dce_call,
			   const struct policy_handle *hres,
			   const struct policy_handle *hnode,
			   struct clus_resource **res, struct clus_node **node)
{
	WERROR werr = clusrv_resource_for_write(dce_call, hres, res);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return clusrv_node_from_handle(dce_call, hnode, node);
}

WERROR dcesrv_ApiAddResourceNode(struct dcesrv_call_state *dce_call,
				 TALLOC_CTX *mem_ctx,
				 struct ApiAddResourceNode *r)
{
	struct clus_resource *res = NULL;
	struct clus_node *node = NULL;
	WERROR werr = res_and_node(dce_call, &r->in.hResource, &r->in.hNode,
				   &res, &node);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_resource_add_possible_owner(
		clusrv_model(dce_call), res, node));
}

WERROR dcesrv_ApiRemoveResourceNode(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx,
				    struct ApiRemoveResourceNode *r)
{
	struct clus_resource *res = NULL;
	struct clus_node *node = NULL;
	WERROR werr = res_and_node(dce_call, &r->in.hResource, &r->in.hNode,
				   &res, &node);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_resource_remove_possible_owner(
		clusrv_model(dce_call), res, node));
}

static WERROR change_group(struct dcesrv_call_state *dce_call,
			   const struct policy_handle *hres,
			   const struct policy_handle *hgroup)
{
	struct clus_resource *res = NULL;
	struct clus_group *g = NULL;
	WERROR werr = clusrv_resource_for_write(dce_call, hres, &res);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	werr = clusrv_group_from_handle(dce_call, hgroup, &g);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_resource_change_group(clusrv_model(dce_call),
						  res, g));
}

WERROR dcesrv_ApiChangeResourceGroup(struct dcesrv_call_state *dce_call,
				     TALLOC_CTX *mem_ctx,
				     struct ApiChangeResourceGroup *r)
{
	return change_group(dce_call, &r->in.hResource, &r->in.hGroup);
}

WERROR dcesrv_ApiChangeResourceGroupEx(struct dcesrv_call_state *dce_call,
				       TALLOC_CTX *mem_ctx,
				       struct ApiChangeResourceGroupEx *r)
{
	/* the only flag moves with dependents, which the model always does */
	if (r->in.flags & ~(uint64_t)0x1) {
		return WERR_INVALID_PARAMETER;
	}
	return change_group(dce_call, &r->in.hResource, &r->in.hGroup);
}

WERROR dcesrv_ApiCreateResEnum(struct dcesrv_call_state *dce_call,
			       TALLOC_CTX *mem_ctx, struct ApiCreateResEnum *r)
{
	struct clus_model *m = clusrv_model(dce_call);
	struct clus_resource *res = NULL, *o;
	struct clusrv_enum e;
	uint32_t i;
	WERROR werr;

	werr = clusrv_resource_from_handle(dce_call, &r->in.hResource, &res);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	clusrv_enum_start(mem_ctx, &e, false);
	for (o = clus_resource_first(m); o != NULL;
	     o = clus_resource_next(o)) {
		if ((r->in.dwType & CLUSTER_RESOURCE_ENUM_DEPENDS) &&
		    clus_resource_depends_on(res, o)) {
			clusrv_enum_add(&e, CLUSTER_RESOURCE_ENUM_DEPENDS,
					o->name, NULL);
		}
		if ((r->in.dwType & CLUSTER_RESOURCE_ENUM_PROVIDES) &&
		    clus_resource_depends_on(o, res)) {
			clusrv_enum_add(&e, CLUSTER_RESOURCE_ENUM_PROVIDES,
					o->name, NULL);
		}
	}
	for (i = 0; (r->in.dwType & CLUSTER_RESOURCE_ENUM_NODES) &&
		    i < res->num_possible; i++) {
		clusrv_enum_add(&e, CLUSTER_RESOURCE_ENUM_NODES,
				res->possible[i]->name, NULL);
	}
	return clusrv_enum_done(&e, r->out.ReturnEnum, NULL);
}

WERROR dcesrv_ApiSetResourceDependencyExpression(
	struct dcesrv_call_state *dce_call, TALLOC_CTX *mem_ctx,
	struct ApiSetResourceDependencyExpression *r)
{
	struct clus_resource *res = NULL;
	WERROR werr = clusrv_resource_for_write(dce_call, &r->in.hResource,
						&res);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_resource_set_dependency_expression(
		clusrv_model(dce_call), res,
		r->in.lpszDependencyExpression != NULL ?
			r->in.lpszDependencyExpression : ""));
}

WERROR dcesrv_ApiGetResourceDependencyExpression(
	struct dcesrv_call_state *dce_call, TALLOC_CTX *mem_ctx,
	struct ApiGetResourceDependencyExpression *r)
{
	struct clus_resource *res = NULL;
	WERROR werr;

	werr = clusrv_resource_from_handle(dce_call, &r->in.hResource, &res);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	*r->out.lpszDependencyExpression =
		clus_resource_dependency_expression(mem_ctx, res);
	return *r->out.lpszDependencyExpression != NULL ?
		WERR_OK : WERR_NOT_ENOUGH_MEMORY;
}

/*
 * The network name a resource depends on (the group's "Network Name"
 * resource); smbtorture asks it of every resource and Windows answers.
 */
WERROR dcesrv_ApiGetResourceNetworkName(struct dcesrv_call_state *dce_call,
					TALLOC_CTX *mem_ctx,
					struct ApiGetResourceNetworkName *r)
{
	struct clus_resource *res = NULL;
	WERROR werr;

	werr = clusrv_resource_from_handle(dce_call, &r->in.hResource, &res);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return clusrv_string_out(mem_ctx,
			  clus_resource_network_name(clusrv_model(dce_call),
						     res),
			  r->out.lpszName);
}

/* No Cluster Shared Volumes in the simulation */
WERROR dcesrv_ApiChangeCsvState(struct dcesrv_call_state *dce_call,
				TALLOC_CTX *mem_ctx,
				struct ApiChangeCsvState *r)
{
	struct clus_resource *res = NULL;
	WERROR werr = clusrv_resource_for_write(dce_call, &r->in.hResource,
						&res);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return WERR_INVALID_FUNCTION;
}

WERROR dcesrv_ApiChangeCsvStateEx(struct dcesrv_call_state *dce_call,
				  TALLOC_CTX *mem_ctx,
				  struct ApiChangeCsvStateEx *r)
{
	struct clus_resource *res = NULL;
	WERROR werr = clusrv_resource_for_write(dce_call, &r->in.hResource,
						&res);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return WERR_INVALID_FUNCTION;
}
