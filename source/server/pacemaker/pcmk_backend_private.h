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
};

/* backend_fill.c: the model's config text (config.c) from the CIB */
char *pcmk_backend_config(TALLOC_CTX *mem_ctx, const struct pcmk_cib *cib,
			  const char *corosync_conf);
const char *pcmk_backend_local_node(const struct pcmk_cib *cib);

/* backend_refresh.c: the CIB's states and owners into the model */
void pcmk_backend_refresh(struct pcmk_backend *b,
			  const struct pcmk_cib *cib);
/* "class:provider:type" (or "class:type"), on @mem_ctx */
char *pcmk_backend_agent(TALLOC_CTX *mem_ctx,
			 const struct pcmk_primitive *p);

#endif /* CLUSAPI_PCMK_BACKEND_PRIVATE_H */
