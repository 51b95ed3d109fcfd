/*
 * clusapi - the Pacemaker backend: the CIB's states and owners applied
 * to the model, one backend transaction per CIB change, with the
 * objects added or removed (backend_sync.c); the model announces what
 * changed (v1 and v2 notifications)
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "pcmk_backend_private.h"

char *pcmk_backend_agent(TALLOC_CTX *mem_ctx,
			 const struct pcmk_primitive *p)
{
	if (p->provider == NULL) {
		return talloc_asprintf(mem_ctx, "%s:%s", p->class, p->type);
	}
	return talloc_asprintf(mem_ctx, "%s:%s:%s", p->class, p->provider,
			       p->type);
}

static void refresh_nodes(struct clus_txn *t, const struct pcmk_cib *cib)
{
	struct clus_node *n;

	for (n = clus_node_first(t->m); n != NULL; n = clus_node_next(n)) {
		const struct pcmk_node *pn = pcmk_cib_node(cib, n->name);
		uint32_t state = pn != NULL ? pcmk_node_state(pn) :
			CM_NODE_DOWN;

		if (state != n->state) {
			node_set_state_internal(t, n, state);
		}
	}
}

static void refresh_resources(struct clus_txn *t,
			      const struct pcmk_cib *cib)
{
	struct clus_resource *r;

	for (r = clus_resource_first(t->m); r != NULL;
	     r = clus_resource_next(r)) {
		const struct pcmk_primitive *p;
		const char *owner = NULL;
		uint32_t state = CM_RES_OFFLINE;

		p = pcmk_cib_primitive(cib, r->id);
		if (p != NULL) {
			state = pcmk_resource_state(p, &owner);
		}
		/* online/offline of this resource: Pending till it ends */
		if (r->group->op != NULL && r->group->op->resource == r &&
		    state != CM_RES_ONLINE_PENDING &&
		    state != CM_RES_OFFLINE_PENDING) {
			continue;
		}
		res_set_state(t, r, state);
	}
}

static void refresh_groups(struct clus_txn *t, const struct pcmk_cib *cib)
{
	struct clus_group *g;

	for (g = clus_group_first(t->m); g != NULL; g = clus_group_next(g)) {
		const struct pcmk_group *pg = pcmk_cib_group(cib, g->id);
		const char *owner = NULL;
		struct clus_node *node;
		uint32_t state = CM_GROUP_OFFLINE;

		if (pg != NULL) {
			state = pcmk_group_state(cib, pg, false, &owner);
		}
		node = owner != NULL ? clus_node_by_name(t->m, owner) : NULL;
		if (node != NULL) {
			group_set_owner(t, g, node);
		}
		/* an operation of ours runs: Pending till it ends */
		group_set_state(t, g, g->op != NULL ? CM_GROUP_PENDING :
				state);
	}
}

static void refresh_drain(struct clus_txn *t, const struct pcmk_cib *cib)
{
	struct clus_node *n;

	for (n = clus_node_first(t->m); n != NULL; n = clus_node_next(n)) {
		const struct pcmk_node *pn = pcmk_cib_node(cib, n->name);

		if (pn != NULL && pn->standby) {
			node_set_drain_status(t, n,
					      pcmk_node_drain_status(cib, pn));
		}
	}
}

void pcmk_backend_refresh_txn(struct clus_txn *t,
			      const struct pcmk_cib *cib)
{
	refresh_nodes(t, cib);
	refresh_drain(t, cib);
	refresh_resources(t, cib);
	refresh_groups(t, cib);
	pcmk_backend_refresh_config(t, cib);
}

uint32_t pcmk_backend_refresh(struct pcmk_backend *b,
			      const struct pcmk_cib *cib)
{
	struct clus_model *m = b->m;
	struct clus_txn *t;
	uint32_t err;

	t = txn_begin_backend(m);
	if (t == NULL) {
		clus_log(m, 0, "pacemaker: no memory for a CIB change");
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	/* objects added or removed first, then every state */
	err = pcmk_backend_sync_txn(t, cib);
	if (err != CM_ERROR_SUCCESS) {
		txn_cancel(t);
	} else {
		pcmk_backend_refresh_txn(t, cib);
		err = txn_commit(t);
	}
	if (err != CM_ERROR_SUCCESS) {
		clus_log(m, 0, "pacemaker: CIB change not applied: %s",
			 clus_model_errstr(err));
	}
	pcmk_backend_check(b);
	return err;
}
