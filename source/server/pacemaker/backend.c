/*
 * clusapi - the Pacemaker backend: opening the model from the CIB and
 * its table of calls
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model is filled once from the CIB (backend_fill.c), then every
 * CIB diff notification, delivered by libcib through GLib's main
 * context run on the model's tevent loop, refreshes the states and
 * owners, and the nodes, groups and resources added or removed
 * (backend_refresh.c, backend_sync.c).  Moves, online/offline and
 * pause/resume are written to the CIB (backend_ops.c) and followed to
 * their end (backend_wait.c); groups and resources created, renamed,
 * deleted and moved between groups are written to it too
 * (backend_objects.c), and private properties, dependencies and owners
 * as instance attributes and constraints (backend_props.c,
 * backend_constraints.c); what else clients would change is refused
 * with ERROR_NOT_SUPPORTED: the CIB is the state.
 */

#include <errno.h>
#include <string.h>

#include "pcmk_backend_private.h"

uint32_t pcmk_backend_apply(struct pcmk_backend *b,
			    struct pcmk_change *change)
{
	int ret = change != NULL ? pcmk_conn_apply(b->conn, change) : ENOMEM;

	talloc_free(change);
	pcmk_glib_loop_kick(b->glib);
	if (ret == ENOMEM) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	if (ret != 0) {
		clus_log(b->m, 0, "pacemaker: CIB change refused: %s",
			 strerror(ret));
		return CM_ERROR_CANTWRITE;
	}
	return CM_ERROR_SUCCESS;
}

uint32_t pcmk_backend_show(struct pcmk_backend *b)
{
	/* the diff notification comes later: the CIB is read now */
	int ret = pcmk_conn_reload(b->conn);

	if (ret != 0) {
		clus_log(b->m, 0, "pacemaker: CIB written but not read back "
			 "(%s); clients see it with the next change",
			 strerror(ret));
		return CM_ERROR_SUCCESS;
	}
	pcmk_backend_refresh(b, pcmk_conn_cib(b->conn));
	return CM_ERROR_SUCCESS;
}

uint32_t pcmk_backend_write(struct pcmk_backend *b,
			    struct pcmk_change *change)
{
	uint32_t err = pcmk_backend_apply(b, change);

	return err != CM_ERROR_SUCCESS ? err : pcmk_backend_show(b);
}

static void pcmk_backend_changed(struct pcmk_conn *conn,
				 const struct pcmk_cib *cib,
				 void *private_data)
{
	struct pcmk_backend *b = private_data;

	if (b->m == NULL) {
		return;
	}
	if (cib == NULL) {
		clus_log(b->m, 0, "pacemaker: the connection to the CIB is "
			 "lost; states shown are the last ones known");
		return;
	}
	pcmk_backend_refresh(b, cib);
}

static uint32_t pcmk_backend_connect(struct pcmk_backend *b,
				     struct tevent_context *ev,
				     char **errmsg)
{
	int ret;

	b->im = tevent_create_immediate(b);
	b->glib = pcmk_glib_loop_send(b, ev);
	if (b->im == NULL || b->glib == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	ret = pcmk_conn_open(b, "clusapid", pcmk_backend_changed, b,
			     &b->conn);
	if (ret != 0) {
		*errmsg = talloc_asprintf(b, "cannot connect to the CIB "
					  "(is Pacemaker running here, and "
					  "are we root?): %s",
					  strerror(ret));
		return CM_ERROR_CLUSTER_NODE_DOWN;
	}
	return CM_ERROR_SUCCESS;
}

static uint32_t pcmk_backend_open(TALLOC_CTX *mem_ctx,
				  struct tevent_context *ev,
				  const struct clus_model_options *opts,
				  struct clus_model **pmodel, char **errmsg)
{
	struct pcmk_backend *b = talloc_zero(mem_ctx, struct pcmk_backend);
	struct clus_model_options mopts = *opts;
	struct clus_model *m = NULL;
	char *msg = NULL;
	uint32_t err;

	*errmsg = NULL;
	if (b == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	err = pcmk_backend_connect(b, ev, &msg);
	if (err == CM_ERROR_SUCCESS) {
		mopts.state_dir = NULL;
		mopts.config_file = NULL;
		mopts.backend = NULL;
		mopts.config_text = pcmk_backend_config(
			b, pcmk_conn_cib(b->conn), PCMK_COROSYNC_CONF);
		err = mopts.config_text == NULL ?
			CM_ERROR_NOT_ENOUGH_MEMORY :
			model_create(mem_ctx, ev, &mopts, &pcmk_backend_ops,
				     &m, &msg);
	}
	if (err != CM_ERROR_SUCCESS) {
		*errmsg = talloc_steal(mem_ctx, msg);
		talloc_free(b);
		return err;
	}
	b->m = m;
	m->backend_private = talloc_steal(m, b);
	m->clients_read_only = true;
	err = pcmk_backend_adopt(b, pcmk_conn_cib(b->conn));
	if (err != CM_ERROR_SUCCESS) {
		talloc_free(m);
		return err;
	}
	pcmk_backend_refresh(b, pcmk_conn_cib(b->conn));
	*pmodel = m;
	return CM_ERROR_SUCCESS;
}

const struct clus_backend clus_backend_pacemaker = {
	.name = "pacemaker",
	.open = pcmk_backend_open,
};
