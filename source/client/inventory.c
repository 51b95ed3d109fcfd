/*
 * clusctl - networks, network interfaces, resource types, the quorum
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>
#include "client/clusctl.h"

/* ApiCreateEnum types (MS-CMRP 2.2.2.11) */
#define ENUM_RESTYPE		0x02
#define ENUM_NETWORK		0x10
#define ENUM_NETINTERFACE	0x20

static const struct {
	enum clusctl_command list, show;
	uint32_t enum_type;
	enum clusapi_control_object object;
	const char *key;	/* in JSON */
} inventories[] = {
	{ CLUSCTL_CMD_NETWORK_LIST, CLUSCTL_CMD_NETWORK_SHOW, ENUM_NETWORK,
	  CLUSAPI_CONTROL_NETWORK, "networks" },
	{ CLUSCTL_CMD_INTERFACE_LIST, CLUSCTL_CMD_INTERFACE_SHOW,
	  ENUM_NETINTERFACE, CLUSAPI_CONTROL_NETINTERFACE, "interfaces" },
	{ CLUSCTL_CMD_RESTYPE_LIST, CLUSCTL_CMD_RESTYPE_SHOW, ENUM_RESTYPE,
	  CLUSAPI_CONTROL_RESTYPE, "restypes" },
};

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int inventory_list(struct clusctl *c, uint32_t enum_type,
			  const char *key)
{
	struct tevent_req *req;
	char **names = NULL;
	uint32_t i, count = 0;
	WERROR werr = WERR_OK;
	NTSTATUS status;

	req = clusapi_enum_send(c->mem_ctx, c->ev, c->conn,
				CLUSAPI_OBJECT_CLUSTER, NULL, enum_type);
	if (!clusctl_wait_for(c, req)) {
		return CLUSCTL_EXIT_FAILED;
	}
	status = clusapi_enum_recv(req, c->mem_ctx, &names, &count, &werr);
	if (!NT_STATUS_IS_OK(status) || !W_ERROR_IS_OK(werr)) {
		return clusctl_fail(c, status, werr, NULL,
				    CLUSCTL_EXIT_FAILED);
	}
	if (count > 0) {
		qsort(names, count, sizeof(names[0]), compare_names);
	}
	if (c->opts->json) {
		json_t *j = json_object(), *a = json_array();

		for (i = 0; i < count; i++) {
			json_t *o = json_object();

			json_object_set_new(o, "name", json_string(names[i]));
			json_array_append_new(a, o);
		}
		json_object_set_new(j, key, a);
		clusctl_print_json(c, j);
		return CLUSCTL_EXIT_OK;
	}
	printf("Name\n----\n");
	for (i = 0; i < count; i++) {
		printf("%s\n", names[i]);
	}
	return CLUSCTL_EXIT_OK;
}

int clusctl_inventory(struct clusctl *c)
{
	const struct clusctl_options *o = c->opts;
	size_t i;

	for (i = 0; i < sizeof(inventories) / sizeof(inventories[0]); i++) {
		if (o->command == inventories[i].list) {
			return inventory_list(c, inventories[i].enum_type,
					      inventories[i].key);
		}
		if (o->command == inventories[i].show) {
			return clusctl_show_properties(
				c, inventories[i].object, o->name, NULL);
		}
	}
	return CLUSCTL_EXIT_USAGE;
}

/* CLUSCTL_CLUSTER_CHECK_VOTER_DOWN: would one more node down lose it */
#define CTL_CLUSTER_CHECK_VOTER_DOWN	0x000049

static int voter_down(struct clusctl *c, bool *loses)
{
	struct clusapi_admin_result r = { .werr = WERR_OK };
	struct tevent_req *req;
	DATA_BLOB out = data_blob_null;
	NTSTATUS status;

	req = clusapi_control_send(c->mem_ctx, c->ev, c->conn,
				   CLUSAPI_CONTROL_CLUSTER, NULL,
				   CTL_CLUSTER_CHECK_VOTER_DOWN, NULL);
	if (!clusctl_wait_for(c, req)) {
		return CLUSCTL_EXIT_FAILED;
	}
	status = clusapi_control_recv(req, c->mem_ctx, &out, &r);
	if (NT_STATUS_IS_OK(status) && W_ERROR_IS_OK(r.werr) &&
	    out.length != 4) {
		status = NT_STATUS_INVALID_NETWORK_RESPONSE;
	}
	if (!NT_STATUS_IS_OK(status) || !W_ERROR_IS_OK(r.werr)) {
		return clusctl_fail(c, status, r.werr, NULL,
				    CLUSCTL_EXIT_FAILED);
	}
	/* a DWORD, little-endian on the wire */
	*loses = (out.data[0] | out.data[1] | out.data[2] | out.data[3]) != 0;
	return CLUSCTL_EXIT_OK;
}

int clusctl_quorum_show(struct clusctl *c)
{
	bool loses = false;
	int ret;
	struct clusapi_quorum_info q = { NULL };
	struct tevent_req *req;
	WERROR werr = WERR_OK;
	NTSTATUS status;

	req = clusapi_quorum_send(c->mem_ctx, c->ev, c->conn);
	if (!clusctl_wait_for(c, req)) {
		return CLUSCTL_EXIT_FAILED;
	}
	status = clusapi_quorum_recv(req, c->mem_ctx, &q, &werr);
	if (!NT_STATUS_IS_OK(status) || !W_ERROR_IS_OK(werr)) {
		return clusctl_fail(c, status, werr, NULL,
				    CLUSCTL_EXIT_FAILED);
	}
	ret = voter_down(c, &loses);
	if (ret != CLUSCTL_EXIT_OK) {
		return ret;
	}
	if (c->opts->json) {
		json_t *j = json_object();

		json_object_set_new(j, "resource", json_string(
			q.resource != NULL ? q.resource : ""));
		json_object_set_new(j, "device", json_string(
			q.device != NULL ? q.device : ""));
		json_object_set_new(j, "max_log_size",
				    json_integer(q.max_log_size));
		json_object_set_new(j, "node_down_loses_quorum",
				    json_boolean(loses));
		clusctl_print_json(c, j);
		return CLUSCTL_EXIT_OK;
	}
	printf("QuorumResource : %s\nDevice         : %s\nMaxLogSize     "
	       ": %u\nNodeDownLoses  : %s\n",
	       q.resource != NULL ? q.resource : "",
	       q.device != NULL ? q.device : "", q.max_log_size,
	       loses ? "quorum" : "nothing");
	return CLUSCTL_EXIT_OK;
}
