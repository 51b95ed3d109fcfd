/*
 * clusapi - cluster model: groups and group sets
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Included by model.h; include that.
 */

#ifndef CLUSAPI_MODEL_GROUP_H
#define CLUSAPI_MODEL_GROUP_H

#include "model_objects.h"
#include <talloc.h>
#include <tevent.h>

/* ---------------------------------------------------------------------
 * Groups
 * --------------------------------------------------------------------- */

/* Owned by the local node; type CM_GROUP_TYPE_UNKNOWN for ApiCreateGroup */
uint32_t clus_group_create(struct clus_model *m, const char *name,
			   uint32_t group_type, struct clus_group **group);
/*
 * Non-empty group: CM_ERROR_DIR_NOT_EMPTY unless @force; a core resource
 * inside: CM_ERROR_CORE_RESOURCE.
 */
uint32_t clus_group_delete(struct clus_model *m, struct clus_group *group,
			   bool force);
uint32_t clus_group_rename(struct clus_model *m, struct clus_group *group,
			   const char *name);
uint32_t clus_group_set_preferred_owners(struct clus_model *m,
					 struct clus_group *group,
					 struct clus_node **nodes,
					 uint32_t num_nodes);
/* Name, Description, PersistentState, Priority: all or none */
uint32_t clus_group_set_common(struct clus_model *m, struct clus_group *group,
			       const struct clus_common_set *c);
uint32_t clus_group_set_type(struct clus_model *m, struct clus_group *group,
			     uint32_t group_type);
uint32_t clus_group_set_prop(struct clus_model *m, struct clus_group *group,
			     const char *name, uint32_t type,
			     const uint8_t *data, uint32_t len);
uint32_t clus_group_del_prop(struct clus_model *m, struct clus_group *group,
			     const char *name);
/* Several private properties set together: all or none */
uint32_t clus_group_set_props(struct clus_model *m, struct clus_group *group,
			      const struct clus_prop *props, uint32_t num);

/*
 * Bring every resource online (CM_ERROR_IO_PENDING) or report
 * CM_ERROR_SUCCESS when it already is.  Groups on a paused node are not
 * brought online (CM_ERROR_CLUSTER_NODE_PAUSED).
 */
uint32_t clus_group_online(struct clus_model *m, struct clus_group *group);
uint32_t clus_group_offline(struct clus_model *m, struct clus_group *group);

/*
 * ApiMoveGroup(Ex) with @target NULL, ApiMoveGroupToNode(Ex) otherwise.
 *   target owns the group               CM_ERROR_SUCCESS, nothing changes
 *   group already pending or moving     CM_ERROR_CLUSTER_GROUP_MOVING
 *   target paused                       CM_ERROR_CLUSTER_NODE_PAUSED
 *   target down or joining              CM_ERROR_HOST_NODE_NOT_AVAILABLE
 *   target not a possible owner of      CM_ERROR_HOST_NODE_NOT_GROUP_OWNER
 *   every resource
 *   no target given and no node fits    CM_ERROR_HOST_NODE_NOT_AVAILABLE
 *   accepted                            CM_ERROR_IO_PENDING
 * Refusals change nothing.  An accepted move takes the online resources
 * offline (OfflinePending, then Offline), hands the group to the target
 * and brings every resource to its persistent state there (OnlinePending,
 * then Online).  The group is Pending until then, and ends Online,
 * PartialOnline or Offline on the target, or Failed when the target went
 * away meanwhile (back on the source with
 * CM_MOVE_RETURN_TO_SOURCE_NODE_ON_ERROR).
 */
uint32_t clus_group_move(struct clus_model *m, struct clus_group *group,
			 struct clus_node *target, uint32_t flags);
/*
 * The node a move without target would pick: the preferred owners in
 * order, then any other node; it must be Up (not paused), not the current
 * owner and a possible owner of every resource.  NULL when none fits.
 */
struct clus_node *clus_group_best_node(struct clus_model *m,
				       struct clus_group *group);
/*
 * ApiCancelClusterGroupOperation.  @flags != 0: CM_ERROR_INVALID_PARAMETER;
 * group not pending: CM_ERROR_INVALID_STATE.  Otherwise the move stops and
 * the group settles on the node that owns it: CM_ERROR_IO_PENDING.
 */
uint32_t clus_group_cancel_operation(struct clus_model *m,
				     struct clus_group *group,
				     uint32_t flags);
/* True while an online, offline, move or failover is running */
bool clus_group_is_pending(const struct clus_group *group);
/* True if @node may own @group (possible owner of every resource) */
bool clus_group_node_is_possible(const struct clus_group *group,
				 const struct clus_node *node);

/*
 * Completes when the group has no operation running (at once if it has
 * none).  recv returns CM_ERROR_SUCCESS, or CM_ERROR_GROUP_NOT_FOUND when
 * the group was deleted meanwhile.  Use tevent_req_set_endtime() for a
 * timeout (recv then returns CM_ERROR_IO_PENDING).
 */
struct tevent_req *clus_group_wait_send(TALLOC_CTX *mem_ctx,
					struct tevent_context *ev,
					struct clus_model *m,
					struct clus_group *group);
uint32_t clus_group_wait_recv(struct tevent_req *req);

/* Group dependencies (stored and reported, not enforced) */
uint32_t clus_group_set_dependency_expression(struct clus_model *m,
					      struct clus_group *group,
					      const char *expression);
uint32_t clus_group_remove_dependency(struct clus_model *m,
				      struct clus_group *group,
				      struct clus_group *provider);
uint32_t clus_group_add_groupset_dependency(struct clus_model *m,
					    struct clus_group *group,
					    struct clus_groupset *provider);
uint32_t clus_group_remove_groupset_dependency(struct clus_model *m,
					       struct clus_group *group,
					       struct clus_groupset *provider);

/* ---------------------------------------------------------------------
 * Group sets
 * --------------------------------------------------------------------- */

/* Empty name: CM_ERROR_INVALID_NAME; taken: CM_ERROR_OBJECT_ALREADY_EXISTS */
uint32_t clus_groupset_create(struct clus_model *m, const char *name,
			      struct clus_groupset **set);
/* Set with members: CM_ERROR_DIR_NOT_EMPTY */
uint32_t clus_groupset_delete(struct clus_model *m, struct clus_groupset *set);
/* Group in another set: CM_ERROR_INVALID_STATE; in this one: ..._EXISTS */
uint32_t clus_groupset_add_group(struct clus_model *m,
				 struct clus_groupset *set,
				 struct clus_group *group);
/* Group in no set: CM_ERROR_INVALID_STATE */
uint32_t clus_groupset_remove_group(struct clus_model *m,
				    struct clus_group *group);
/* Leaves its current set, if any, and joins @set */
uint32_t clus_groupset_move_group(struct clus_model *m,
				  struct clus_groupset *set,
				  struct clus_group *group);
uint32_t clus_groupset_set_startup(struct clus_model *m,
				   struct clus_groupset *set,
				   uint32_t delay_trigger, uint32_t count,
				   uint32_t delay, bool is_global);
uint32_t clus_groupset_add_dependency(struct clus_model *m,
				      struct clus_groupset *set,
				      struct clus_groupset *provider);
uint32_t clus_groupset_remove_dependency(struct clus_model *m,
					 struct clus_groupset *set,
					 struct clus_groupset *provider);
uint32_t clus_groupset_set_dependency_expression(struct clus_model *m,
						 struct clus_groupset *set,
						 const char *expression);

/* Dependency expression text of a group or group set with current names */
char *clus_depexpr_string(TALLOC_CTX *mem_ctx,
			  const struct clus_depexpr *expr);

#endif /* CLUSAPI_MODEL_GROUP_H */
