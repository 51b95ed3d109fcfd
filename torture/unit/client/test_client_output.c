/*
 * clusctl unit tests: failure lines, tables and the shape of the JSON
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "client/output.h"

static struct clusctl_options move_opts = {
	.target = "node1",
	.command = CLUSCTL_CMD_GROUP_MOVE,
	.name = "Application Group",
	.node = "NodeC",
	.wait = true,
};

static struct clusapi_flow_result *flow(TALLOC_CTX *mem_ctx,
					enum clusapi_outcome outcome)
{
	struct clusapi_flow_result *r;

	r = talloc_zero(mem_ctx, struct clusapi_flow_result);
	r->outcome = outcome;
	r->status = NT_STATUS_OK;
	r->werr = WERR_OK;
	r->group = "Application Group";
	r->target = "NodeC";
	r->initial_state = CLUSAPI_GROUP_ONLINE;
	r->initial_owner = "NodeA";
	r->state = CLUSAPI_GROUP_ONLINE;
	r->owner = "NodeA";
	return r;
}

/* The example line of the issue, to the character */
static void test_refused_line(void **state)
{
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	struct clusapi_flow_result *r = flow(mem_ctx,
					     CLUSAPI_OUTCOME_REFUSED);

	(void)state;
	r->failed_call = "ApiMoveGroupToNode";
	r->werr = W_ERROR(0x13ce);
	r->from_server = true;
	assert_string_equal(clusctl_flow_error_line(mem_ctx, &move_opts, r),
			    "cannot move group \"Application Group\" to node "
			    "\"NodeC\": ERROR_CLUSTER_NODE_PAUSED "
			    "(0x000013ce): the node is paused");
	assert_int_equal(clusctl_flow_exit_code(r), CLUSCTL_EXIT_FAILED);

	r->werr = W_ERROR(0x13b2);
	assert_string_equal(clusctl_flow_error_line(mem_ctx, &move_opts, r),
			    "cannot move group \"Application Group\" to node "
			    "\"NodeC\": ERROR_CLUSTER_NODE_NOT_FOUND "
			    "(0x000013b2): the node does not exist");
	talloc_free(mem_ctx);
}

static void test_wait_lines(void **state)
{
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	struct clusapi_flow_result *r;
	char *line;

	(void)state;
	r = flow(mem_ctx, CLUSAPI_OUTCOME_DONE);
	r->owner = "NodeC";
	assert_null(clusctl_flow_error_line(mem_ctx, &move_opts, r));
	assert_int_equal(clusctl_flow_exit_code(r), CLUSCTL_EXIT_OK);

	r = flow(mem_ctx, CLUSAPI_OUTCOME_ALREADY);
	assert_null(clusctl_flow_error_line(mem_ctx, &move_opts, r));
	assert_int_equal(clusctl_flow_exit_code(r), CLUSCTL_EXIT_OK);

	r = flow(mem_ctx, CLUSAPI_OUTCOME_FAILED);
	r->werr = WERR_RESOURCE_FAILED;
	r->state = CLUSAPI_GROUP_FAILED;
	r->owner = "NodeC";
	assert_string_equal(clusctl_flow_error_line(mem_ctx, &move_opts, r),
			    "cannot move group \"Application Group\" to node "
			    "\"NodeC\": ERROR_RESOURCE_FAILED (0x000013ae): "
			    "a resource of the group failed; the group is "
			    "Failed on NodeC");

	r = flow(mem_ctx, CLUSAPI_OUTCOME_TIMED_OUT);
	r->werr = WERR_TIMEOUT;
	r->state = CLUSAPI_GROUP_PENDING;
	r->elapsed_ms = 2004;
	line = clusctl_flow_error_line(mem_ctx, &move_opts, r);
	assert_string_equal(line, "cannot move group \"Application Group\" "
			    "to node \"NodeC\": ERROR_TIMEOUT (0x000005b4): "
			    "the wait timed out; the group is Pending on "
			    "NodeA after 2.004 s, the operation goes on");
	assert_int_equal(clusctl_flow_exit_code(r), CLUSCTL_EXIT_TIMEOUT);

	r->cancel_requested = true;
	r->cancel_werr = WERR_OK;
	line = clusctl_flow_error_line(mem_ctx, &move_opts, r);
	assert_non_null(strstr(line, "the operation was cancelled"));
	r->cancel_werr = W_ERROR(0x139f);
	line = clusctl_flow_error_line(mem_ctx, &move_opts, r);
	assert_non_null(strstr(line, "cancelling failed: "
			       "ERROR_INVALID_STATE (0x0000139f)"));
	assert_null(strchr(line, '\n'));
	talloc_free(mem_ctx);
}

static void test_actions(void **state)
{
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	struct clusctl_options o = {
		.command = CLUSCTL_CMD_NODE_PAUSE,
		.name = "NodeB",
	};

	(void)state;
	assert_string_equal(clusctl_action(mem_ctx, &o),
			    "pause node \"NodeB\"");
	o.command = CLUSCTL_CMD_GROUP_MOVE;
	o.name = "G";
	assert_string_equal(clusctl_action(mem_ctx, &o), "move group \"G\"");
	o.command = CLUSCTL_CMD_RESOURCE_LIST;
	o.group = "G";
	assert_string_equal(clusctl_action(mem_ctx, &o),
			    "list resources of group \"G\"");
	assert_string_equal(
		clusctl_error_line(mem_ctx, "show group \"X\"", NT_STATUS_OK,
				   W_ERROR(0x1395), NULL),
		"cannot show group \"X\": ERROR_GROUP_NOT_FOUND "
		"(0x00001395): the group does not exist");
	talloc_free(mem_ctx);
}

static struct clusapi_object_info groups[] = {
	{
		.type = CLUSAPI_OBJECT_GROUP,
		.name = "Application Group",
		.id = "1",
		.state = CLUSAPI_GROUP_ONLINE,
		.owner_node = "NodeA",
	},
	{
		.type = CLUSAPI_OBJECT_GROUP,
		.name = "Cluster Group",
		.id = "2",
		.state = CLUSAPI_GROUP_PENDING,
		.owner_node = "NodeB",
	},
};

static void test_table(void **state)
{
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	char *text;

	(void)state;
	text = clusctl_text_list(mem_ctx, CLUSAPI_OBJECT_GROUP, groups, 2);
	assert_string_equal(text,
			    "Name               OwnerNode  State\n"
			    "----               ---------  -----\n"
			    "Application Group  NodeA      Online\n"
			    "Cluster Group      NodeB      Pending\n");
	text = clusctl_text_list(mem_ctx, CLUSAPI_OBJECT_GROUP, NULL, 0);
	assert_string_equal(text, "Name  OwnerNode  State\n"
			    "----  ---------  -----\n");
	talloc_free(mem_ctx);
}

static void test_json_list(void **state)
{
	json_t *j, *a, *g;

	(void)state;
	j = clusctl_json_list(CLUSAPI_OBJECT_GROUP, groups, 2);
	assert_non_null(j);
	a = json_object_get(j, "groups");
	assert_true(json_is_array(a));
	assert_int_equal(json_array_size(a), 2);
	g = json_array_get(a, 0);
	assert_string_equal(json_string_value(json_object_get(g, "name")),
			    "Application Group");
	assert_string_equal(
		json_string_value(json_object_get(g, "owner_node")), "NodeA");
	assert_string_equal(json_string_value(json_object_get(g, "state")),
			    "Online");
	assert_int_equal(json_integer_value(json_object_get(g, "state_code")),
			 0);
	assert_null(json_object_get(g, "error"));
	json_decref(j);
}

static void test_json_object_error(void **state)
{
	struct clusapi_object_info node = {
		.type = CLUSAPI_OBJECT_NODE,
		.name = "NodeX",
		.state = CLUSAPI_STATE_UNKNOWN,
		.failed_call = "ApiOpenNode",
		.status = NT_STATUS_OK,
		.werr = W_ERROR(0x13b2),
	};
	json_t *j, *n, *e;

	(void)state;
	j = clusctl_json_object(&node);
	n = json_object_get(j, "node");
	assert_true(json_is_object(n));
	assert_string_equal(json_string_value(json_object_get(n, "state")),
			    "Unknown");
	e = json_object_get(n, "error");
	assert_string_equal(json_string_value(json_object_get(e, "name")),
			    "ERROR_CLUSTER_NODE_NOT_FOUND");
	assert_int_equal(json_integer_value(json_object_get(e, "code")),
			 0x13b2);
	assert_string_equal(json_string_value(json_object_get(e, "call")),
			    "ApiOpenNode");
	json_decref(j);
}

static void test_json_flow(void **state)
{
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	struct clusapi_flow_result *r = flow(mem_ctx, CLUSAPI_OUTCOME_DONE);
	struct clusapi_event events[] = {
		{
			.step = CLUSAPI_STEP_OPEN_CLUSTER,
			.call = "ApiOpenCluster",
			.elapsed_ms = 1,
		},
		{
			.step = CLUSAPI_STEP_GROUP_STATE,
			.call = "ApiGetGroupState",
			.group = "Application Group",
			.node = "NodeC",
			.state = CLUSAPI_GROUP_ONLINE,
			.elapsed_ms = 2,
		},
		{
			.step = CLUSAPI_STEP_DONE,
			.group = "Application Group",
			.node = "NodeC",
			.state = CLUSAPI_GROUP_ONLINE,
			.outcome = CLUSAPI_OUTCOME_DONE,
			.elapsed_ms = 3,
		},
	};
	json_t *j, *steps, *s;

	(void)state;
	r->owner = "NodeC";
	r->used_notify = true;
	r->events = events;
	r->num_events = 3;
	j = clusctl_json_flow("move", r);
	assert_string_equal(json_string_value(json_object_get(j,
							      "operation")),
			    "move");
	assert_string_equal(json_string_value(json_object_get(j, "outcome")),
			    "done");
	assert_string_equal(json_string_value(json_object_get(j,
							      "owner_node")),
			    "NodeC");
	assert_string_equal(
		json_string_value(json_object_get(j, "initial_owner_node")),
		"NodeA");
	assert_true(json_is_true(json_object_get(j, "used_notifications")));
	assert_true(json_is_null(json_object_get(j, "error")));
	steps = json_object_get(j, "steps");
	assert_int_equal(json_array_size(steps), 3);
	s = json_array_get(steps, 0);
	assert_string_equal(json_string_value(json_object_get(s, "step")),
			    "open-cluster");
	assert_string_equal(json_string_value(json_object_get(s, "call")),
			    "ApiOpenCluster");
	assert_string_equal(
		json_string_value(json_object_get(json_object_get(s, "result"),
						  "name")),
		"ERROR_SUCCESS");
	s = json_array_get(steps, 1);
	assert_string_equal(json_string_value(json_object_get(s, "state")),
			    "Online");
	assert_string_equal(json_string_value(json_object_get(s, "text")),
			    "group \"Application Group\" is Online on NodeC");
	s = json_array_get(steps, 2);
	assert_string_equal(json_string_value(json_object_get(s, "outcome")),
			    "done");
	json_decref(j);

	r->outcome = CLUSAPI_OUTCOME_REFUSED;
	r->werr = W_ERROR(0x13ce);
	r->failed_call = "ApiMoveGroupToNode";
	r->num_events = 0;
	j = clusctl_json_flow("move", r);
	s = json_object_get(j, "error");
	assert_string_equal(json_string_value(json_object_get(s, "name")),
			    "ERROR_CLUSTER_NODE_PAUSED");
	assert_string_equal(json_string_value(json_object_get(s, "call")),
			    "ApiMoveGroupToNode");
	assert_string_equal(json_string_value(json_object_get(s, "message")),
			    "the node is paused");
	json_decref(j);
	talloc_free(mem_ctx);
}

static void test_json_cluster(void **state)
{
	struct clusapi_cluster_info ci = {
		.name = "CLUSTER1",
		.node = "NodeA",
		.major = 10,
		.minor = 0,
		.build = 20348,
		.vendor = "Microsoft(R) Cluster Service",
		.csd_version = "",
		.version_werr = WERR_OK,
	};
	json_t *j, *c, *v;

	(void)state;
	j = clusctl_json_cluster(&ci);
	c = json_object_get(j, "cluster");
	assert_string_equal(json_string_value(json_object_get(c, "name")),
			    "CLUSTER1");
	v = json_object_get(c, "version");
	assert_int_equal(json_integer_value(json_object_get(v, "build")),
			 20348);
	json_decref(j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refused_line),
		cmocka_unit_test(test_wait_lines),
		cmocka_unit_test(test_actions),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_json_list),
		cmocka_unit_test(test_json_object_error),
		cmocka_unit_test(test_json_flow),
		cmocka_unit_test(test_json_cluster),
	};

	return cmocka_run_group_tests_name("client_output", tests, NULL,
					   NULL);
}
