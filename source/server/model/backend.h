/*
 * clusapi - the one header between the cluster model and its backends
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The RPC handlers call the model's API (model.h and the per-family
 * headers) and do not know which backend runs.  The model is layered:
 *
 *   backends	source/server/sim (the simulated cluster: timers, moves,
 *		failover, drain) and source/server/pacemaker (a real
 *		cluster, the CIB is the state): what makes objects change
 *   ---------	this header
 *   shared	source/server/model: transactions and the store (txn.c,
 *		store*.c), notification queues (notify.c), over the object
 *		graph with its lookups and helpers (hash.c, util.c, the
 *		per-family files)
 *
 * Calls run downwards only: a backend calls the model's internals
 * (model_private.h), the model reaches a backend only through the
 * table below, which the backend gives when it opens the model.
 */

#ifndef CLUSAPI_MODEL_BACKEND_H
#define CLUSAPI_MODEL_BACKEND_H

#include "model_private.h"

/*
 * The calls that make objects change state.  Each takes the same
 * arguments and answers the same errors as the clus_* call of the same
 * name (model_group.h, model_resource.h, model_node.h).
 */
struct clus_backend_ops {
	const char *name;
	uint32_t (*group_online)(struct clus_model *m, struct clus_group *g);
	uint32_t (*group_offline)(struct clus_model *m, struct clus_group *g);
	uint32_t (*group_move)(struct clus_model *m, struct clus_group *g,
			       struct clus_node *target, uint32_t flags);
	uint32_t (*group_cancel_operation)(struct clus_model *m,
					   struct clus_group *g,
					   uint32_t flags);
	uint32_t (*resource_online)(struct clus_model *m,
				    struct clus_resource *r);
	uint32_t (*resource_offline)(struct clus_model *m,
				     struct clus_resource *r);
	uint32_t (*node_pause)(struct clus_model *m, struct clus_node *node,
			       bool drain, struct clus_node *drain_target);
	uint32_t (*node_resume)(struct clus_model *m, struct clus_node *node,
				bool failback);
	uint32_t (*node_set_state)(struct clus_model *m,
				   struct clus_node *node, uint32_t state);
	uint32_t (*node_evict)(struct clus_model *m, struct clus_node *node);
	/*
	 * Objects written to the cluster.  The model has checked the
	 * request (name free and valid, type known, group empty, resource
	 * offline); the backend writes it to its cluster and puts the
	 * change into the model in a backend transaction before it
	 * returns.  NULL: the model applies the change itself.
	 */
	uint32_t (*group_create)(struct clus_model *m, const char *name,
				 uint32_t group_type,
				 struct clus_group **group);
	uint32_t (*group_delete)(struct clus_model *m, struct clus_group *g);
	uint32_t (*group_rename)(struct clus_model *m, struct clus_group *g,
				 const char *name);
	uint32_t (*resource_create)(struct clus_model *m, struct clus_group *g,
				    const char *name,
				    struct clus_restype *type,
				    struct clus_resource **res);
	uint32_t (*resource_delete)(struct clus_model *m,
				    struct clus_resource *r);
	uint32_t (*resource_rename)(struct clus_model *m,
				    struct clus_resource *r, const char *name);
	uint32_t (*resource_change_group)(struct clus_model *m,
					  struct clus_resource *r,
					  struct clus_group *g);
	/*
	 * The store held an operation in flight on @g (a crash): settle
	 * it inside @t, while the model opens.
	 */
	void (*settle_after_load)(struct clus_txn *t, struct clus_group *g,
				  uint32_t kind, uint32_t phase,
				  struct clus_node *target, uint32_t flags);

	/*
	 * Properties and constraints written to the cluster: NULL, the
	 * model applies the change itself.  Called once the model has
	 * checked the change; the backend writes it where the cluster
	 * keeps it and shows it to every client before it returns.
	 */
	/* set (@remove false) or delete the private properties @props */
	uint32_t (*resource_set_props)(struct clus_model *m,
				       struct clus_resource *r,
				       const struct clus_prop *props,
				       uint32_t num, bool remove);
	/* @deps (its tokens on @r, the hook's to free) replaces r->deps */
	uint32_t (*resource_set_deps)(struct clus_model *m,
				      struct clus_resource *r,
				      struct clus_depexpr *deps);
	/* @node added to (@add) or removed from r's possible owners */
	uint32_t (*resource_possible_owner)(struct clus_model *m,
					    struct clus_resource *r,
					    struct clus_node *node,
					    bool add);
	uint32_t (*group_set_preferred)(struct clus_model *m,
					struct clus_group *g,
					struct clus_node **nodes,
					uint32_t num_nodes);
	/* would one more node down lose quorum (as the cluster counts) */
	bool (*voter_down_loses_quorum)(struct clus_model *m);
};

/* A backend that opens the model itself (clus_model_options.backend) */
struct clus_backend {
	const char *name;
	uint32_t (*open)(TALLOC_CTX *mem_ctx, struct tevent_context *ev,
			 const struct clus_model_options *opts,
			 struct clus_model **pmodel, char **errmsg);
};

/*
 * cluster.c: a model run by @ops, filled from the store in
 * opts->state_dir, or else from the config or the default cluster
 * (opts->config_text, opts->config_file; see clus_model_open()).
 */
uint32_t model_create(TALLOC_CTX *mem_ctx, struct tevent_context *ev,
		      const struct clus_model_options *opts,
		      const struct clus_backend_ops *ops,
		      struct clus_model **pmodel, char **errmsg);

#endif /* CLUSAPI_MODEL_BACKEND_H */
