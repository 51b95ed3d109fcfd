/*
 * clusctl - text and JSON output, error lines
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef CLUSCTL_OUTPUT_H
#define CLUSCTL_OUTPUT_H

#include <jansson.h>
#include "lib/libclusapi.h"
#include "client/cmdline.h"

/*
 * What the command was doing, for error lines: 'move group "G" to node
 * "N"', 'show node "N"', 'list groups', ...
 */
char *clusctl_action(TALLOC_CTX *mem_ctx, const struct clusctl_options *o);

/*
 * The one failure line, without the "clusctl: " prefix:
 * 'cannot ACTION: ERROR_NAME (0x...): meaning[; detail]'
 */
char *clusctl_error_line(TALLOC_CTX *mem_ctx, const char *action,
			 NTSTATUS status, WERROR werr, const char *detail);

/* The failure line for a flow that did not end well; NULL if it did */
char *clusctl_flow_error_line(TALLOC_CTX *mem_ctx,
			      const struct clusctl_options *o,
			      const struct clusapi_flow_result *r);

/* Exit status for a flow's outcome */
int clusctl_flow_exit_code(const struct clusapi_flow_result *r);

/* Tables as Get-ClusterNode/Group/Resource print them */
char *clusctl_text_list(TALLOC_CTX *mem_ctx, enum clusapi_object_type type,
			const struct clusapi_object_info *objects,
			uint32_t count);
char *clusctl_text_object(TALLOC_CTX *mem_ctx,
			  const struct clusapi_object_info *info);
char *clusctl_text_cluster(TALLOC_CTX *mem_ctx,
			   const struct clusapi_cluster_info *info);

/* JSON: the caller owns the returned reference */
json_t *clusctl_json_error(NTSTATUS status, WERROR werr,
			   const char *message);
json_t *clusctl_json_list(enum clusapi_object_type type,
			  const struct clusapi_object_info *objects,
			  uint32_t count);
json_t *clusctl_json_object(const struct clusapi_object_info *info);
json_t *clusctl_json_cluster(const struct clusapi_cluster_info *info);
json_t *clusctl_json_flow(const char *operation,
			  const struct clusapi_flow_result *r);
json_t *clusctl_json_node_op(const char *operation, const char *node,
			     NTSTATUS status, WERROR werr,
			     const char *failed_call, const char *message);

/* json_dumps with clusctl's formatting; a talloc string */
char *clusctl_json_string(TALLOC_CTX *mem_ctx, json_t *j);

#endif /* CLUSCTL_OUTPUT_H */
