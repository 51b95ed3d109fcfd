/*
 * clusapi - the Pacemaker backend: between its own files
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef CLUSAPI_PCMK_BACKEND_PRIVATE_H
#define CLUSAPI_PCMK_BACKEND_PRIVATE_H

#include "backend.h"
#include "pcmk.h"
#include "pcmk_backend.h"

#define PCMK_COROSYNC_CONF	"/etc/corosync/corosync.conf"

struct pcmk_backend {
	struct clus_model *m;
	struct tevent_req *glib;	/* GLib's main context on m->ev */
	struct pcmk_conn *conn;		/* the CIB, kept up to date */
	struct tevent_req *ping;	/* the DC's state asked */
	struct timeval ping_sent;	/* when (the log says how long) */
	struct tevent_immediate *im;	/* ending operations */
	struct clus_hash *agents;	/* OCF meta-data read, by agent */
	bool quorum_known;		/* have_quorum read from the CIB */
	bool have_quorum;
};

/* backend.c: @change written to the CIB (and freed) */
uint32_t pcmk_backend_apply(struct pcmk_backend *b,
			    struct pcmk_change *change);
/*
 * The CIB read back and the model refreshed from it, so that every
 * client sees what was written when the call returns.  What is written
 * stands: a failed read back is logged and the next CIB notification
 * shows it.
 */
uint32_t pcmk_backend_show(struct pcmk_backend *b);
/* pcmk_backend_apply(), then pcmk_backend_show() */
uint32_t pcmk_backend_write(struct pcmk_backend *b,
			    struct pcmk_change *change);

/* backend_ops.c */
extern const struct clus_backend_ops pcmk_backend_ops;

/* backend_wait.c: end the operations the CIB shows done */
void pcmk_backend_check(struct pcmk_backend *b);
uint32_t pcmk_backend_adopt(struct pcmk_backend *b,
			    const struct pcmk_cib *cib);

/* backend_fill.c: the model's config text (config.c) from the CIB */
char *pcmk_backend_config(TALLOC_CTX *mem_ctx, const struct pcmk_cib *cib,
			  const char *corosync_conf);
const char *pcmk_backend_local_node(const struct pcmk_cib *cib);

/* backend_refresh.c: the CIB's states and owners into the model */
uint32_t pcmk_backend_refresh(struct pcmk_backend *b,
			      const struct pcmk_cib *cib);
void pcmk_backend_refresh_txn(struct clus_txn *t,
			      const struct pcmk_cib *cib);
/* backend_objects.c: clus_backend_ops' "objects written to the cluster" */
uint32_t pcmk_obj_group_create(struct clus_model *m, const char *name,
			       uint32_t group_type,
			       struct clus_group **group);
uint32_t pcmk_obj_group_delete(struct clus_model *m, struct clus_group *g);
uint32_t pcmk_obj_group_rename(struct clus_model *m, struct clus_group *g,
			       const char *name);
uint32_t pcmk_obj_resource_create(struct clus_model *m,
				  struct clus_group *g, const char *name,
				  struct clus_restype *type,
				  struct clus_resource **res);
uint32_t pcmk_obj_resource_delete(struct clus_model *m,
				  struct clus_resource *r);
uint32_t pcmk_obj_resource_rename(struct clus_model *m,
				  struct clus_resource *r, const char *name);
uint32_t pcmk_obj_resource_change_group(struct clus_model *m,
					struct clus_resource *r,
					struct clus_group *g);

/* backend_sync.c: nodes, groups and resources the CIB added/removed */
bool pcmk_backend_same_objects(struct clus_model *m,
			       const struct pcmk_cib *cib);
uint32_t pcmk_backend_sync_txn(struct clus_txn *t,
			       const struct pcmk_cib *cib);

/* "class:provider:type" (or "class:type"), on @mem_ctx */
char *pcmk_backend_agent(TALLOC_CTX *mem_ctx,
			 const struct pcmk_primitive *p);

/* backend_constraints.c: the hooks for constraints, and their reading */
uint32_t pcmk_resource_set_deps(struct clus_model *m, struct clus_resource *r,
				struct clus_depexpr *deps);
uint32_t pcmk_resource_possible_owner(struct clus_model *m,
				      struct clus_resource *r,
				      struct clus_node *node, bool add);
uint32_t pcmk_group_set_preferred(struct clus_model *m, struct clus_group *g,
				  struct clus_node **nodes, uint32_t num);
/* private properties, dependencies, possible and preferred owners, quorum */
void pcmk_backend_refresh_config(struct clus_txn *t,
				 const struct pcmk_cib *cib);

/* backend_props.c: private properties as instance attributes */
uint32_t pcmk_resource_set_props(struct clus_model *m, struct clus_resource *r,
				 const struct clus_prop *props, uint32_t num,
				 bool remove);
void pcmk_backend_refresh_props(struct clus_txn *t, struct clus_resource *r,
				const struct pcmk_primitive *p);

/* backend_quorum.c: the hook voter_down_loses_quorum; quorum changes */
bool pcmk_voter_down(struct clus_model *m);
void pcmk_backend_refresh_quorum(struct clus_txn *t,
				 const struct pcmk_cib *cib);

#endif /* CLUSAPI_PCMK_BACKEND_PRIVATE_H */
