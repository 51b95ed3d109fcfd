/*
 * clusapid: group sets and the dependencies of groups and group sets
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dependencies between groups and sets are stored and reported, as
 * the model describes; they order nothing in the simulation.
 */

#include "server/rpc/rpc_private.h"

static WERROR set_and_group(struct dcesrv_call_state *dce_call,
			    const struct policy_handle *hset,
			    const struct policy_handle *hgroup,
			    struct clus_groupset **set,
			    struct clus_group **group)
{
	WERROR werr = clusrv_groupset_for_write(dce_call, hset, set);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return clusrv_group_from_handle(dce_call, hgroup, group);
}

void dcesrv_ApiCreateGroupSet(struct dcesrv_call_state *dce_call,
			      TALLOC_CTX *mem_ctx, struct ApiCreateGroupSet *r)
{
	struct clus_groupset *set = NULL;
	uint32_t access = 0;

	NDR_ZERO_STRUCTP(r->out.hGroupSet);
	*r->out.Status = clusrv_check_write(dce_call);
	if (!W_ERROR_IS_OK(*r->out.Status)) {
		return;
	}
	*r->out.Status = clusrv_grant_access(dce_call, MAXIMUM_ALLOWED,
					     &access);
	if (!W_ERROR_IS_OK(*r->out.Status)) {
		return;
	}
	*r->out.Status = W_ERROR(clus_groupset_create(
		clusrv_model(dce_call),
		r->in.lpszGroupSetName != NULL ? r->in.lpszGroupSetName : "",
		&set));
	if (!W_ERROR_IS_OK(*r->out.Status)) {
		return;
	}
	*r->out.Status = clusrv_handle_open(dce_call, CLUSRV_H_GROUPSET,
					    set->id, access,
					    r->out.hGroupSet, NULL);
}

WERROR dcesrv_ApiDeleteGroupSet(struct dcesrv_call_state *dce_call,
				TALLOC_CTX *mem_ctx,
				struct ApiDeleteGroupSet *r)
{
	struct clus_groupset *set = NULL;
	WERROR werr = clusrv_groupset_for_write(dce_call, &r->in.GroupSet,
						&set);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_groupset_delete(clusrv_model(dce_call), set));
}

WERROR dcesrv_ApiAddGroupToGroupSet(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx,
				    struct ApiAddGroupToGroupSet *r)
{
	struct clus_groupset *set = NULL;
	struct clus_group *g = NULL;
	WERROR werr = set_and_group(dce_call, &r->in.GroupSet, &r->in.Group,
				    &set, &g);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_groupset_add_group(clusrv_model(dce_call), set,
					       g));
}

/* Fault and update domains place groups on racks; all nodes share one */
WERROR dcesrv_ApiAddGroupToGroupSetEx(struct dcesrv_call_state *dce_call,
				      TALLOC_CTX *mem_ctx,
				      struct ApiAddGroupToGroupSetEx *r)
{
	struct clus_groupset *set = NULL;
	struct clus_group *g = NULL;
	WERROR werr = set_and_group(dce_call, &r->in.GroupSet, &r->in.Group,
				    &set, &g);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	if (r->in.Reserved != NULL && *r->in.Reserved != 0) {
		return WERR_INVALID_PARAMETER;
	}
	return W_ERROR(clus_groupset_add_group(clusrv_model(dce_call), set,
					       g));
}

WERROR dcesrv_ApiRemoveGroupFromGroupSet(struct dcesrv_call_state *dce_call,
					 TALLOC_CTX *mem_ctx,
					 struct ApiRemoveGroupFromGroupSet *r)
{
	struct clus_group *g = NULL;
	WERROR werr = clusrv_group_for_write(dce_call, &r->in.Group, &g);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_groupset_remove_group(clusrv_model(dce_call), g));
}

WERROR dcesrv_ApiMoveGroupToGroupSet(struct dcesrv_call_state *dce_call,
				     TALLOC_CTX *mem_ctx,
				     struct ApiMoveGroupToGroupSet *r)
{
	struct clus_groupset *set = NULL;
	struct clus_group *g = NULL;
	WERROR werr = set_and_group(dce_call, &r->in.GroupSet, &r->in.Group,
				    &set, &g);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_groupset_move_group(clusrv_model(dce_call), set,
						g));
}

static WERROR two_sets(struct dcesrv_call_state *dce_call,
		       const struct policy_handle *h1,
		       const struct policy_handle *h2,
		       struct clus_groupset **s1, struct clus_groupset **s2)
{
	WERROR werr = clusrv_groupset_for_write(dce_call, h1, s1);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return clusrv_groupset_from_handle(dce_call, h2, s2);
}

WERROR dcesrv_ApiAddGroupSetDependency(struct dcesrv_call_state *dce_call,
				       TALLOC_CTX *mem_ctx,
				       struct ApiAddGroupSetDependency *r)
{
	struct clus_groupset *dep = NULL, *prov = NULL;
	WERROR werr = two_sets(dce_call, &r->in.DependentGroupSet,
			       &r->in.ProviderGroupSet, &dep, &prov);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_groupset_add_dependency(clusrv_model(dce_call),
						    dep, prov));
}

WERROR dcesrv_ApiRemoveGroupSetDependency(struct dcesrv_call_state *dce_call,
					  TALLOC_CTX *mem_ctx,
					  struct ApiRemoveGroupSetDependency *r)
{
	struct clus_groupset *dep = NULL, *prov = NULL;
	WERROR werr = two_sets(dce_call, &r->in.hGroupSet, &r->in.hDependsOn,
			       &dep, &prov);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_groupset_remove_dependency(clusrv_model(dce_call),
						       dep, prov));
}

WERROR dcesrv_ApiSetGroupSetDependencyExpression(
	struct dcesrv_call_state *dce_call, TALLOC_CTX *mem_ctx,
	struct ApiSetGroupSetDependencyExpression *r)
{
	struct clus_groupset *set = NULL;
	WERROR werr = clusrv_groupset_for_write(dce_call, &r->in.hGroupSet,
						&set);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_groupset_set_dependency_expression(
		clusrv_model(dce_call), set,
		r->in.lpszDependencyExpression != NULL ?
			r->in.lpszDependencyExpression : ""));
}

static WERROR group_and_set(struct dcesrv_call_state *dce_call,
			    const struct policy_handle *hgroup,
			    const struct policy_handle *hset,
			    struct clus_group **g, struct clus_groupset **set)
{
	WERROR werr = clusrv_group_from_handle(dce_call, hgroup, g);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	werr = clusrv_groupset_from_handle(dce_call, hset, set);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return clusrv_check_write(dce_call);
}

WERROR dcesrv_ApiAddGroupToGroupSetDependency(
	struct dcesrv_call_state *dce_call, TALLOC_CTX *mem_ctx,
	struct ApiAddGroupToGroupSetDependency *r)
{
	struct clus_group *g = NULL;
	struct clus_groupset *set = NULL;
	WERROR werr = group_and_set(dce_call, &r->in.DependentGroup,
				    &r->in.ProviderGroupSet, &g, &set);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_group_add_groupset_dependency(
		clusrv_model(dce_call), g, set));
}

WERROR dcesrv_ApiRemoveClusterGroupToGroupSetDependency(
	struct dcesrv_call_state *dce_call, TALLOC_CTX *mem_ctx,
	struct ApiRemoveClusterGroupToGroupSetDependency *r)
{
	struct clus_group *g = NULL;
	struct clus_groupset *set = NULL;
	WERROR werr = group_and_set(dce_call, &r->in.hGroup,
				    &r->in.hDependsOn, &g, &set);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_group_remove_groupset_dependency(
		clusrv_model(dce_call), g, set));
}

WERROR dcesrv_ApiSetGroupDependencyExpression(
	struct dcesrv_call_state *dce_call, TALLOC_CTX *mem_ctx,
	struct ApiSetGroupDependencyExpression *r)
{
	struct clus_group *g = NULL;
	WERROR werr = clusrv_group_for_write(dce_call, &r->in.hGroup, &g);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_group_set_dependency_expression(
		clusrv_model(dce_call), g,
		r->in.lpszDependencyExpression != NULL ?
			r->in.lpszDependencyExpression : ""));
}

WERROR dcesrv_ApiRemoveClusterGroupDependency(
	struct dcesrv_call_state *dce_call, TALLOC_CTX *mem_ctx,
	struct ApiRemoveClusterGroupDependency *r)
{
	struct clus_group *g = NULL, *prov = NULL;
	WERROR werr = clusrv_group_from_handle(dce_call, &r->in.hGroup, &g);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	werr = clusrv_for_write(dce_call,
				clusrv_group_from_handle(dce_call,
							 &r->in.hDependsOn,
							 &prov));
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_group_remove_dependency(clusrv_model(dce_call), g,
						    prov));
}
