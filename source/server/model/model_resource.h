/*
 * clusapi - cluster model: resources and resource types
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Included by model.h; include that.
 */

#ifndef CLUSAPI_MODEL_RESOURCE_H
#define CLUSAPI_MODEL_RESOURCE_H

#include "model_objects.h"

/* ---------------------------------------------------------------------
 * Resources
 * --------------------------------------------------------------------- */

/*
 * New resources are Offline, possible on every node.
 * Name taken by a resource (name or id): CM_ERROR_OBJECT_ALREADY_EXISTS;
 * unknown type: CM_ERROR_CLUSTER_RESOURCE_TYPE_NOT_FOUND.
 */
uint32_t clus_resource_create(struct clus_model *m, struct clus_group *group,
			      const char *name, const char *type_name,
			      uint32_t create_flags,
			      struct clus_resource **res);
/*
 * Core or quorum resource: CM_ERROR_CORE_RESOURCE; not Offline or Failed:
 * CM_ERROR_RESOURCE_ONLINE.  Dependencies on and of it are removed.
 */
uint32_t clus_resource_delete(struct clus_model *m, struct clus_resource *res);
uint32_t clus_resource_rename(struct clus_model *m, struct clus_resource *res,
			      const char *name);
/*
 * Online: its providers come online first.  Offline: its dependents go
 * offline first.  Both set the persistent state and return
 * CM_ERROR_IO_PENDING, or CM_ERROR_SUCCESS if nothing is to be done.
 */
uint32_t clus_resource_online(struct clus_model *m, struct clus_resource *res);
uint32_t clus_resource_offline(struct clus_model *m,
			       struct clus_resource *res);
/* Not Online or OnlinePending: CM_ERROR_RESOURCE_NOT_ONLINE */
uint32_t clus_resource_fail(struct clus_model *m, struct clus_resource *res);
/*
 * Dependencies live inside one group.  Adding one appends "and [p]" to
 * the expression; removing one rebuilds it as an AND of the rest.
 * Only AND is enforced when bringing resources online: every provider
 * named in an expression must be Online first.
 */
uint32_t clus_resource_can_depend(struct clus_model *m,
				  struct clus_resource *res,
				  struct clus_resource *provider);
uint32_t clus_resource_add_dependency(struct clus_model *m,
				      struct clus_resource *res,
				      struct clus_resource *provider);
uint32_t clus_resource_remove_dependency(struct clus_model *m,
					 struct clus_resource *res,
					 struct clus_resource *provider);
uint32_t clus_resource_set_dependency_expression(struct clus_model *m,
						 struct clus_resource *res,
						 const char *expression);
/* "[Name] and [Other]" with current names; "" when there is none */
char *clus_resource_dependency_expression(TALLOC_CTX *mem_ctx,
					  const struct clus_resource *res);
bool clus_resource_depends_on(const struct clus_resource *res,
			      const struct clus_resource *provider);
uint32_t clus_resource_add_possible_owner(struct clus_model *m,
					  struct clus_resource *res,
					  struct clus_node *node);
uint32_t clus_resource_remove_possible_owner(struct clus_model *m,
					     struct clus_resource *res,
					     struct clus_node *node);
bool clus_resource_is_possible_owner(const struct clus_resource *res,
				     const struct clus_node *node);
/* Moves @res and every resource it is tied to by dependencies */
uint32_t clus_resource_change_group(struct clus_model *m,
				    struct clus_resource *res,
				    struct clus_group *group);
/*
 * ApiGetResourceNetworkName: the DNS name of the Network Name resource
 * @res depends on, else of one in its group, else the cluster name.
 * Never fails.
 */
const char *clus_resource_network_name(struct clus_model *m,
				       const struct clus_resource *res);
/* Name, Description, PersistentState: all or none */
uint32_t clus_resource_set_common(struct clus_model *m,
				  struct clus_resource *res,
				  const struct clus_common_set *c);
/* Several private properties set together: all or none */
uint32_t clus_resource_set_props(struct clus_model *m,
				 struct clus_resource *res,
				 const struct clus_prop *props, uint32_t num);
uint32_t clus_resource_set_prop(struct clus_model *m,
				struct clus_resource *res, const char *name,
				uint32_t type, const uint8_t *data,
				uint32_t len);
uint32_t clus_resource_del_prop(struct clus_model *m,
				struct clus_resource *res, const char *name);

/* Property lists (groups, resources) */
const struct clus_prop *clus_prop_get(const struct clus_proplist *list,
				      const char *name);
/* The REG_SZ value of @name, or NULL */
const char *clus_prop_get_sz(const struct clus_proplist *list,
			     const char *name);

/* ---------------------------------------------------------------------
 * Resource types
 * --------------------------------------------------------------------- */

/* Existing name: CM_ERROR_ALREADY_EXISTS */
uint32_t clus_restype_create(struct clus_model *m, const char *name,
			     const char *display_name, const char *dll_name,
			     uint32_t looks_alive_ms, uint32_t is_alive_ms,
			     struct clus_restype **type);
/* Resources of the type exist: CM_ERROR_DIR_NOT_EMPTY */
/* Name (display name), DllName, the poll intervals: all or none */
uint32_t clus_restype_set_common(struct clus_model *m,
				 struct clus_restype *type,
				 const struct clus_common_set *c);
uint32_t clus_restype_delete(struct clus_model *m, struct clus_restype *type);
uint32_t clus_restype_num_resources(struct clus_model *m,
				    const struct clus_restype *type);

#endif /* CLUSAPI_MODEL_RESOURCE_H */
