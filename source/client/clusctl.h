/*
 * clusctl - what the commands share
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef __CLUSCTL_CLUSCTL_H__
#define __CLUSCTL_CLUSCTL_H__

#include <stdio.h>
#include "client/output.h"

struct clusctl {
	TALLOC_CTX *mem_ctx;
	struct tevent_context *ev;
	struct clusapi_conn *conn;
	const struct clusctl_options *opts;
};

/* clusctl's own messages: the real stderr (see clusctl_quiet_samba) */
extern FILE *clusctl_err;

/* Print J (consumed) on stdout */
void clusctl_print_json(struct clusctl *c, json_t *j);

/* The one failure line (and with --json the error object); returns rc */
int clusctl_fail(struct clusctl *c, NTSTATUS status, WERROR werr,
		 const char *detail, int rc);

/* Run the event loop until REQ is done; false (said) if it cannot */
bool clusctl_wait_for(struct clusctl *c, struct tevent_req *req);

/* One object, as show prints it; a failure is said */
int clusctl_object_info(struct clusctl *c, enum clusapi_object_type type,
			const char *name, bool details,
			struct clusapi_object_info **info);

/* The administration commands (source/client/admin.c) */
int clusctl_admin(struct clusctl *c);
int clusctl_resource_links(struct clusctl *c);

/* Properties (source/client/props.c) */
int clusctl_property(struct clusctl *c);
int clusctl_show_properties(struct clusctl *c,
			    enum clusapi_control_object object,
			    const char *name, json_t *j);
json_t *clusctl_props_json(TALLOC_CTX *mem_ctx,
			   const struct clusapi_property *props,
			   uint32_t count);
char *clusctl_props_text(TALLOC_CTX *mem_ctx,
			 const struct clusapi_property *props,
			 uint32_t count);

/* Networks, interfaces, resource types, quorum (inventory.c) */
int clusctl_inventory(struct clusctl *c);
int clusctl_quorum_show(struct clusctl *c);

/* events, status [--watch] (watch.c) */
int clusctl_events(struct clusctl *c);
int clusctl_status(struct clusctl *c);

#endif /* __CLUSCTL_CLUSCTL_H__ */
