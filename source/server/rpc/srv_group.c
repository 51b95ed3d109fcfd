/*
 * clusapid: groups, including moves (MS-CMRP 4.2)
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "server/rpc/rpc_private.h"
#include <charset.h>

static void create_group(struct dcesrv_call_state *dce_call,
			 const char *name, uint32_t group_type,
			 WERROR *status, struct policy_handle *out)
{
	struct clus_group *g = NULL;
	uint32_t access = 0;

	NDR_ZERO_STRUCTP(out);
	*status = clusrv_check_write(dce_call);
	if (!W_ERROR_IS_OK(*status)) {
		return;
	}
	*status = clusrv_grant_access(dce_call, MAXIMUM_ALLOWED, &access);
	if (!W_ERROR_IS_OK(*status)) {
		return;
	}
	if (name == NULL || name[0] == '\0') {
		*status = WERR_INVALID_PARAMETER;
		return;
	}
	*status = W_ERROR(clus_group_create(clusrv_model(dce_call), name,
					    group_type, &g));
	if (!W_ERROR_IS_OK(*status)) {
		return;
	}
	*status = clusrv_handle_open(dce_call, CLUSRV_H_GROUP, g->id, access,
				     out, NULL);
}

void dcesrv_ApiCreateGroup(struct dcesrv_call_state *dce_call,
			   TALLOC_CTX *mem_ctx, struct ApiCreateGroup *r)
{
	create_group(dce_call, r->in.lpszGroupName, CM_GROUP_TYPE_UNKNOWN,
		     r->out.Status, r->out.hGroup);
}

void dcesrv_ApiCreateGroupEx(struct dcesrv_call_state *dce_call,
			     TALLOC_CTX *mem_ctx, struct ApiCreateGroupEx *r)
{
	uint32_t type = CM_GROUP_TYPE_UNKNOWN;

	if (r->in.pGroupInfo != NULL) {
		if (r->in.pGroupInfo->dwVersion != 1) {
			NDR_ZERO_STRUCTP(r->out.hGroup);
			*r->out.Status = WERR_INVALID_PARAMETER;
			return;
		}
		type = r->in.pGroupInfo->dwGroupType;
	}
	create_group(dce_call, r->in.lpszGroupName, type, r->out.Status,
		     r->out.hGroup);
}

WERROR dcesrv_ApiDeleteGroup(struct dcesrv_call_state *dce_call,
			     TALLOC_CTX *mem_ctx, struct ApiDeleteGroup *r)
{
	struct clus_group *g = NULL;
	WERROR werr = clusrv_group_for_write(dce_call, &r->in.Group, &g);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_group_delete(clusrv_model(dce_call), g,
					 r->in.force));
}

WERROR dcesrv_ApiCloseGroup(struct dcesrv_call_state *dce_call,
			    TALLOC_CTX *mem_ctx, struct ApiCloseGroup *r)
{
	return clusrv_handle_close(dce_call, r->in.Group, r->out.Group,
				   CLUSRV_H_GROUP);
}

WERROR dcesrv_ApiGetGroupState(struct dcesrv_call_state *dce_call,
			       TALLOC_CTX *mem_ctx, struct ApiGetGroupState *r)
{
	struct clus_group *g = NULL;
	WERROR werr = clusrv_group_from_handle(dce_call, &r->in.hGroup, &g);

	if (!W_ERROR_IS_OK(werr)) {
		*r->out.State = ClusterGroupStateUnknown;
		return werr;
	}
	*r->out.State = g->state;
	return clusrv_string_out(mem_ctx, g->owner != NULL ?
				 g->owner->name : "", r->out.NodeName);
}

WERROR dcesrv_ApiSetGroupName(struct dcesrv_call_state *dce_call,
			      TALLOC_CTX *mem_ctx, struct ApiSetGroupName *r)
{
	struct clus_group *g = NULL;
	WERROR werr = clusrv_group_for_write(dce_call, &r->in.hGroup, &g);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	if (r->in.lpszGroupName == NULL || r->in.lpszGroupName[0] == '\0') {
		return WERR_INVALID_PARAMETER;
	}
	return W_ERROR(clus_group_rename(clusrv_model(dce_call), g,
					 r->in.lpszGroupName));
}

WERROR dcesrv_ApiGetGroupId(struct dcesrv_call_state *dce_call,
			    TALLOC_CTX *mem_ctx, struct ApiGetGroupId *r)
{
	struct clus_group *g = NULL;
	WERROR werr = clusrv_group_from_handle(dce_call, &r->in.hGroup, &g);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return clusrv_string_out(mem_ctx, g->id, r->out.pGuid);
}

/* Online and offline answer when the group has settled (srv_settle.c) */
WERROR dcesrv_ApiOnlineGroup(struct dcesrv_call_state *dce_call,
			     TALLOC_CTX *mem_ctx, struct ApiOnlineGroup *r)
{
	return clusrv_settle_op(dce_call, &r->in.hGroup, CLUSRV_GROUP_ONLINE,
				&r->out.result);
}

WERROR dcesrv_ApiOfflineGroup(struct dcesrv_call_state *dce_call,
			      TALLOC_CTX *mem_ctx, struct ApiOfflineGroup *r)
{
	return clusrv_settle_op(dce_call, &r->in.hGroup, CLUSRV_GROUP_OFFLINE,
				&r->out.result);
}

/*
 * The Ex variants carry flags and a PROPERTY_LIST for the resource
 * DLLs; no simulated resource reads it. They answer ERROR_IO_PENDING
 * as soon as the operation runs, as MS-CMRP 3.1.4.2.130 allows.
 */
WERROR dcesrv_ApiOnlineGroupEx(struct dcesrv_call_state *dce_call,
			       TALLOC_CTX *mem_ctx, struct ApiOnlineGroupEx *r)
{
	struct clus_group *g = NULL;
	WERROR werr = clusrv_group_for_write(dce_call, &r->in.hGroup, &g);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_group_online(clusrv_model(dce_call), g));
}

WERROR dcesrv_ApiOfflineGroupEx(struct dcesrv_call_state *dce_call,
				TALLOC_CTX *mem_ctx,
				struct ApiOfflineGroupEx *r)
{
	struct clus_group *g = NULL;
	WERROR werr = clusrv_group_for_write(dce_call, &r->in.hGroup, &g);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_group_offline(clusrv_model(dce_call), g));
}

/* All moves: the model decides, refuses at once or returns IO_PENDING */
static WERROR move_group(struct dcesrv_call_state *dce_call,
			 const struct policy_handle *hgroup,
			 const struct policy_handle *hnode, uint32_t flags)
{
	struct clus_group *g = NULL;
	struct clus_node *target = NULL;
	WERROR werr = clusrv_group_for_write(dce_call, hgroup, &g);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	if (hnode != NULL) {
		werr = clusrv_node_from_handle(dce_call, hnode, &target);
		if (!W_ERROR_IS_OK(werr)) {
			return werr;
		}
	}
	if (flags & ~(CM_MOVE_IGNORE_RESOURCE_STATUS |
		      CM_MOVE_RETURN_TO_SOURCE_NODE_ON_ERROR |
		      CM_MOVE_QUEUE_ENABLED | CM_MOVE_HIGH_PRIORITY_START |
		      CM_MOVE_FAILBACK)) {
		return WERR_INVALID_PARAMETER;
	}
	werr = W_ERROR(clus_group_move(clusrv_model(dce_call), g, target,
				       flags));
	DBG_INFO("move '%s' to '%s': %s\n", g->name,
		 target != NULL ? target->name : "(best node)",
		 win_errstr(werr));
	return werr;
}

WERROR dcesrv_ApiMoveGroup(struct dcesrv_call_state *dce_call,
			   TALLOC_CTX *mem_ctx, struct ApiMoveGroup *r)
{
	return move_group(dce_call, &r->in.hGroup, NULL, 0);
}

WERROR dcesrv_ApiMoveGroupToNode(struct dcesrv_call_state *dce_call,
				 TALLOC_CTX *mem_ctx,
				 struct ApiMoveGroupToNode *r)
{
	return move_group(dce_call, &r->in.hGroup, &r->in.hNode, 0);
}

WERROR dcesrv_ApiMoveGroupEx(struct dcesrv_call_state *dce_call,
			     TALLOC_CTX *mem_ctx, struct ApiMoveGroupEx *r)
{
	return move_group(dce_call, &r->in.hGroup, NULL, r->in.dwMoveFlags);
}

WERROR dcesrv_ApiMoveGroupToNodeEx(struct dcesrv_call_state *dce_call,
				   TALLOC_CTX *mem_ctx,
				   struct ApiMoveGroupToNodeEx *r)
{
	return move_group(dce_call, &r->in.hGroup, &r->in.hNode,
			  r->in.dwMoveFlags);
}

WERROR dcesrv_ApiCancelClusterGroupOperation(
	struct dcesrv_call_state *dce_call, TALLOC_CTX *mem_ctx,
	struct ApiCancelClusterGroupOperation *r)
{
	struct clus_group *g = NULL;
	WERROR werr = clusrv_group_for_write(dce_call, &r->in.hGroup, &g);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_group_cancel_operation(clusrv_model(dce_call), g,
						   r->in.dwCancelFlags));
}

/*
 * Windows ignores unknown dwType bits here (smbtorture passes 0x40,
 * 0x80 and 0x100 and expects success).
 */
WERROR dcesrv_ApiCreateGroupResourceEnum(struct dcesrv_call_state *dce_call,
					 TALLOC_CTX *mem_ctx,
					 struct ApiCreateGroupResourceEnum *r)
{
	struct clus_model *m = clusrv_model(dce_call);
	struct clus_group *g = NULL;
	struct clus_resource *res;
	struct clus_node *n;
	struct clusrv_enum e;
	bool nodes = (r->in.dwType & CLUSTER_GROUP_ENUM_NODES) != 0;
	uint32_t i;
	WERROR werr = clusrv_group_from_handle(dce_call, &r->in.hGroup, &g);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	clusrv_enum_start(mem_ctx, &e, false);
	for (res = clus_group_first_resource(g);
	     res != NULL && (r->in.dwType & CLUSTER_GROUP_ENUM_CONTAINS);
	     res = clus_group_next_resource(res)) {
		clusrv_enum_add(&e, CLUSTER_GROUP_ENUM_CONTAINS, res->name,
				NULL);
	}
	/* the preferred owners, or every node that can host it */
	for (i = 0; nodes && i < g->num_preferred; i++) {
		clusrv_enum_add(&e, CLUSTER_GROUP_ENUM_NODES,
				g->preferred[i]->name, NULL);
	}
	for (n = clus_node_first(m);
	     nodes && n != NULL && g->num_preferred == 0;
	     n = clus_node_next(n)) {
		if (clus_group_node_is_possible(g, n)) {
			clusrv_enum_add(&e, CLUSTER_GROUP_ENUM_NODES, n->name,
					NULL);
		}
	}
	return clusrv_enum_done(&e, r->out.ReturnEnum, NULL);
}

/* multiSzNodeList: node ids, each NUL-terminated, then a final NUL */
WERROR dcesrv_ApiSetGroupNodeList(struct dcesrv_call_state *dce_call,
				  TALLOC_CTX *mem_ctx,
				  struct ApiSetGroupNodeList *r)
{
	struct clus_model *m = clusrv_model(dce_call);
	struct clus_group *g = NULL;
	struct clus_node **nodes = NULL;
	uint32_t num = 0, start = 0, i;
	WERROR werr = clusrv_group_for_write(dce_call, &r->in.hGroup, &g);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	if (r->in.cchListSize > 0 && r->in.multiSzNodeList == NULL) {
		return WERR_INVALID_PARAMETER;
	}
	for (i = 0; i < r->in.cchListSize; i++) {
		const uint16_t *w = &r->in.multiSzNodeList[start];
		char *id;
		size_t len;
		struct clus_node *n;

		if (r->in.multiSzNodeList[i] != 0) {
			continue;
		}
		if (i == start) {
			break;		/* the terminating empty string */
		}
		if (!convert_string_talloc(mem_ctx, CH_UTF16LE, CH_UTF8, w,
					   (i - start) * 2, &id, &len)) {
			return WERR_INVALID_PARAMETER;
		}
		id = talloc_strndup(mem_ctx, id, len);
		n = id != NULL ? clus_node_by_id(m, id) : NULL;
		if (n == NULL) {
			n = id != NULL ? clus_node_by_name(m, id) : NULL;
		}
		if (n == NULL) {
			return W_ERROR(CM_ERROR_CLUSTER_NODE_NOT_FOUND);
		}
		nodes = talloc_realloc(mem_ctx, nodes, struct clus_node *,
				       num + 1);
		if (nodes == NULL) {
			return WERR_NOT_ENOUGH_MEMORY;
		}
		nodes[num++] = n;
		start = i + 1;
	}
	return W_ERROR(clus_group_set_preferred_owners(m, g, nodes, num));
}

WERROR dcesrv_ApiCreateGroupSetEnum(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx,
				    struct ApiCreateGroupSetEnum *r)
{
	struct clus_model *m = clusrv_model(dce_call);
	struct clus_groupset *set;
	struct clusrv_enum e;
	WERROR werr = clusrv_cluster_check_handle(dce_call, &r->in.hCluster);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	clusrv_enum_start(mem_ctx, &e, false);
	for (set = clus_groupset_first(m); set != NULL;
	     set = clus_groupset_next(set)) {
		clusrv_enum_add(&e, CLUSTER_ENUM_GROUP, set->name, NULL);
	}
	return clusrv_enum_done(&e, r->out.ReturnEnum, NULL);
}

WERROR dcesrv_ApiCloseGroupSet(struct dcesrv_call_state *dce_call,
			       TALLOC_CTX *mem_ctx, struct ApiCloseGroupSet *r)
{
	return clusrv_handle_close(dce_call, r->in.GroupSet, r->out.GroupSet,
				   CLUSRV_H_GROUPSET);
}
