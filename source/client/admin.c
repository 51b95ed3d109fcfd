/*
 * clusctl - the administration commands: create, delete, rename, online,
 * offline, fail, move, dependencies, possible owners, evict
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <unistd.h>
#include "client/clusctl.h"

/* Each command, the change it makes and what clusctl says when done */
static const struct clusctl_admin_command {
	enum clusctl_command command;
	enum clusapi_admin_op op;
	const char *operation;	/* in JSON */
	const char *done;	/* %1$s, %2$s: the arguments */
} admin_commands[] = {
	{ CLUSCTL_CMD_GROUP_CREATE, CLUSAPI_ADMIN_GROUP_CREATE, "create",
	  "group \"%1$s\" created" },
	{ CLUSCTL_CMD_GROUP_DELETE, CLUSAPI_ADMIN_GROUP_DELETE, "delete",
	  "group \"%1$s\" deleted" },
	{ CLUSCTL_CMD_GROUP_RENAME, CLUSAPI_ADMIN_GROUP_RENAME, "rename",
	  "group \"%1$s\" renamed to \"%2$s\"" },
	{ CLUSCTL_CMD_GROUP_SET_OWNERS, CLUSAPI_ADMIN_GROUP_SET_OWNERS,
	  "set-owners", "preferred owners of group \"%1$s\" set" },
	{ CLUSCTL_CMD_RESOURCE_CREATE, CLUSAPI_ADMIN_RESOURCE_CREATE,
	  "create", "resource \"%1$s\" created" },
	{ CLUSCTL_CMD_RESOURCE_DELETE, CLUSAPI_ADMIN_RESOURCE_DELETE,
	  "delete", "resource \"%1$s\" deleted" },
	{ CLUSCTL_CMD_RESOURCE_RENAME, CLUSAPI_ADMIN_RESOURCE_RENAME,
	  "rename", "resource \"%1$s\" renamed to \"%2$s\"" },
	{ CLUSCTL_CMD_RESOURCE_ONLINE, CLUSAPI_ADMIN_RESOURCE_ONLINE,
	  "online", "resource \"%1$s\" is coming online" },
	{ CLUSCTL_CMD_RESOURCE_OFFLINE, CLUSAPI_ADMIN_RESOURCE_OFFLINE,
	  "offline", "resource \"%1$s\" is going offline" },
	{ CLUSCTL_CMD_RESOURCE_FAIL, CLUSAPI_ADMIN_RESOURCE_FAIL, "fail",
	  "resource \"%1$s\" failed on purpose" },
	{ CLUSCTL_CMD_RESOURCE_MOVE, CLUSAPI_ADMIN_RESOURCE_MOVE, "move",
	  "resource \"%1$s\" moved to group \"%2$s\"" },
	{ CLUSCTL_CMD_RESOURCE_ADD_DEPENDENCY, CLUSAPI_ADMIN_DEPENDENCY_ADD,
	  "add-dependency", "resource \"%1$s\" depends on \"%2$s\"" },
	{ CLUSCTL_CMD_RESOURCE_REMOVE_DEPENDENCY,
	  CLUSAPI_ADMIN_DEPENDENCY_REMOVE, "remove-dependency",
	  "resource \"%1$s\" no longer depends on \"%2$s\"" },
	{ CLUSCTL_CMD_RESOURCE_SET_DEPENDENCY_EXPRESSION,
	  CLUSAPI_ADMIN_DEPENDENCY_SET_EXPRESSION, "set-dependency-expression",
	  "resource \"%1$s\" depends on %2$s" },
	{ CLUSCTL_CMD_RESOURCE_ADD_OWNER, CLUSAPI_ADMIN_OWNER_ADD,
	  "add-owner", "node \"%2$s\" may own resource \"%1$s\"" },
	{ CLUSCTL_CMD_RESOURCE_REMOVE_OWNER, CLUSAPI_ADMIN_OWNER_REMOVE,
	  "remove-owner", "node \"%2$s\" may no longer own resource "
	  "\"%1$s\"" },
	{ CLUSCTL_CMD_NODE_EVICT, CLUSAPI_ADMIN_NODE_EVICT, "evict",
	  "node \"%1$s\" evicted" },
};

static const struct clusctl_admin_command *admin_command(
	enum clusctl_command command)
{
	size_t i;

	for (i = 0; i < sizeof(admin_commands) / sizeof(admin_commands[0]);
	     i++) {
		if (admin_commands[i].command == command) {
			return &admin_commands[i];
		}
	}
	return NULL;
}

/* The request of the command line */
static void admin_request(const struct clusctl_options *o,
			  const struct clusctl_admin_command *ac,
			  struct clusapi_admin_request *r)
{
	const char *second = o->num_args >= 2 ? o->args[1] : NULL;

	*r = (struct clusapi_admin_request) {
		.op = ac->op,
		.name = o->name,
		.force = o->force,
	};
	switch (ac->op) {
	case CLUSAPI_ADMIN_GROUP_RENAME:
	case CLUSAPI_ADMIN_RESOURCE_RENAME:
	case CLUSAPI_ADMIN_DEPENDENCY_SET_EXPRESSION:
		r->text = second;
		break;
	case CLUSAPI_ADMIN_RESOURCE_CREATE:
		r->text = o->type;
		r->other = o->group;
		break;
	case CLUSAPI_ADMIN_GROUP_SET_OWNERS:
		r->nodes = &o->args[1];	/* NULL-ended */
		break;
	default:
		r->other = second;
		break;
	}
}

/* Poll the resource until it is ONLINE or OFFLINE as asked, or Failed */
static int admin_wait_resource(struct clusctl *c, uint32_t want,
			       uint32_t *state)
{
	const struct clusctl_options *o = c->opts;
	uint32_t waited_ms = 0;

	for (;;) {
		struct clusapi_object_info *info = NULL;
		int rc = clusctl_object_info(c, CLUSAPI_OBJECT_RESOURCE,
					     o->name, false, &info);

		if (rc != CLUSCTL_EXIT_OK) {
			return rc;
		}
		*state = info->state;
		if (isatty(STDOUT_FILENO) && !o->json) {
			/* what is pending, where, for how long */
			printf("\r\033[K[%4u.%03us] resource \"%s\": %s on "
			       "%s", waited_ms / 1000, waited_ms % 1000,
			       o->name, clusapi_state_name(
				       CLUSAPI_OBJECT_RESOURCE, info->state),
			       info->owner_node != NULL ?
			       info->owner_node : "?");
			if (info->state == want) {
				printf("\n");
			}
			fflush(stdout);
		}
		if (info->state == want) {
			return CLUSCTL_EXIT_OK;
		}
		if (info->state == CLUSAPI_RESOURCE_FAILED) {
			return CLUSCTL_EXIT_FAILED;
		}
		if (o->wait_ms != 0 && waited_ms >= o->wait_ms) {
			return CLUSCTL_EXIT_TIMEOUT;
		}
		usleep(100 * 1000);
		waited_ms += 100;
	}
}

static int admin_done(struct clusctl *c,
		      const struct clusctl_admin_command *ac,
		      const struct clusapi_admin_result *r, int rc,
		      uint32_t state)
{
	const struct clusctl_options *o = c->opts;
	const char *second = o->num_args >= 2 ? o->args[1] : "";

	if (o->json) {
		json_t *j = json_object();

		json_object_set_new(j, "operation",
				    json_string(ac->operation));
		json_object_set_new(j, "name", json_string(o->name));
		json_object_set_new(j, "result", json_string(
			clusapi_werror_name(r->werr)));
		if (o->wait) {
			json_object_set_new(j, "state", json_string(
				clusapi_state_name(CLUSAPI_OBJECT_RESOURCE,
						   state)));
		}
		clusctl_print_json(c, j);
	} else if (rc == CLUSCTL_EXIT_OK && o->wait) {
		printf("resource \"%s\" is %s\n", o->name,
		       clusapi_state_name(CLUSAPI_OBJECT_RESOURCE, state));
	} else if (rc == CLUSCTL_EXIT_OK) {
		printf(ac->done, o->name, second);
		printf("\n");
	}
	if (rc != CLUSCTL_EXIT_OK) {
		fprintf(clusctl_err, "clusctl: resource \"%s\" is %s%s\n",
			o->name,
			clusapi_state_name(CLUSAPI_OBJECT_RESOURCE, state),
			rc == CLUSCTL_EXIT_TIMEOUT ? " after --wait" : "");
	}
	return rc;
}

int clusctl_admin(struct clusctl *c)
{
	const struct clusctl_options *o = c->opts;
	const struct clusctl_admin_command *ac = admin_command(o->command);
	struct clusapi_admin_request request;
	struct clusapi_admin_result r = { .werr = WERR_OK };
	struct tevent_req *req;
	uint32_t state = CLUSAPI_STATE_UNKNOWN;
	NTSTATUS status;
	int rc;

	if (ac == NULL) {
		return CLUSCTL_EXIT_USAGE;
	}
	admin_request(o, ac, &request);
	req = clusapi_admin_send(c->mem_ctx, c->ev, c->conn, &request);
	if (!clusctl_wait_for(c, req)) {
		return CLUSCTL_EXIT_FAILED;
	}
	status = clusapi_admin_recv(req, c->mem_ctx, &r);
	if (!NT_STATUS_IS_OK(status) ||
	    (!W_ERROR_IS_OK(r.werr) &&
	     !W_ERROR_EQUAL(r.werr, WERR_IO_PENDING))) {
		const char *detail = NULL;

		if (r.failed_call != NULL && r.failed_name != NULL &&
		    strcmp(r.failed_name, o->name) != 0) {
			detail = talloc_asprintf(c->mem_ctx, "\"%s\" (%s)",
						 r.failed_name,
						 r.failed_call);
		}
		return clusctl_fail(c, status, r.werr, detail,
				    CLUSCTL_EXIT_FAILED);
	}
	if (!o->wait) {
		return admin_done(c, ac, &r, CLUSCTL_EXIT_OK, state);
	}
	rc = admin_wait_resource(c, o->command == CLUSCTL_CMD_RESOURCE_ONLINE ?
				 CLUSAPI_RESOURCE_ONLINE :
				 CLUSAPI_RESOURCE_OFFLINE, &state);
	return admin_done(c, ac, &r, rc, state);
}

static json_t *json_names(char **names, uint32_t count)
{
	json_t *a = json_array();
	uint32_t i;

	for (i = 0; i < count; i++) {
		json_array_append_new(a, json_string(names[i]));
	}
	return a;
}

/* resource dependencies / resource owners */
int clusctl_resource_links(struct clusctl *c)
{
	const struct clusctl_options *o = c->opts;
	bool deps = o->command == CLUSCTL_CMD_RESOURCE_DEPENDENCIES;
	struct clusapi_admin_request request = {
		.op = CLUSAPI_ADMIN_DEPENDENCY_GET_EXPRESSION,
		.name = o->name,
	};
	struct clusapi_admin_result r = { .werr = WERR_OK };
	struct clusapi_object_info *info = NULL;
	struct tevent_req *req;
	NTSTATUS status;
	char **names;
	uint32_t i, n;
	int rc;

	rc = clusctl_object_info(c, CLUSAPI_OBJECT_RESOURCE, o->name, true,
				 &info);
	if (rc != CLUSCTL_EXIT_OK) {
		return rc;
	}
	if (deps) {
		req = clusapi_admin_send(c->mem_ctx, c->ev, c->conn, &request);
		if (!clusctl_wait_for(c, req)) {
			return CLUSCTL_EXIT_FAILED;
		}
		status = clusapi_admin_recv(req, c->mem_ctx, &r);
		if (!NT_STATUS_IS_OK(status) || !W_ERROR_IS_OK(r.werr)) {
			return clusctl_fail(c, status, r.werr, NULL,
					    CLUSCTL_EXIT_FAILED);
		}
	}
	names = deps ? info->resources : info->nodes;
	n = deps ? info->num_resources : info->num_nodes;
	if (o->json) {
		json_t *j = json_object();

		json_object_set_new(j, "name", json_string(o->name));
		json_object_set_new(j, deps ? "dependencies" :
				    "possible_owners", json_names(names, n));
		if (deps) {
			json_object_set_new(j, "expression", json_string(
				r.expression != NULL ? r.expression : ""));
		}
		clusctl_print_json(c, j);
		return CLUSCTL_EXIT_OK;
	}
	printf("%s of resource \"%s\":\n", deps ? "Dependencies" :
	       "Possible owners", o->name);
	for (i = 0; i < n; i++) {
		printf("  %s\n", names[i]);
	}
	if (deps) {
		printf("Expression: %s\n", r.expression != NULL &&
		       r.expression[0] != '\0' ? r.expression : "(none)");
	}
	return CLUSCTL_EXIT_OK;
}
