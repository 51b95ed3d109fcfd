/*
 * libclusapi unit tests: error names and texts, state names, event lines
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "lib/libclusapi.h"

static void test_werror_names(void **state)
{
	(void)state;
	assert_string_equal(clusapi_werror_name(WERR_OK), "ERROR_SUCCESS");
	assert_string_equal(clusapi_werror_name(W_ERROR(0x13ce)),
			    "ERROR_CLUSTER_NODE_PAUSED");
	assert_string_equal(clusapi_werror_name(W_ERROR(0x3e5)),
			    "ERROR_IO_PENDING");
	assert_string_equal(clusapi_werror_name(W_ERROR(0x1714)),
			    "ERROR_CLUSTER_GROUP_MOVING");
	assert_string_equal(clusapi_werror_name(W_ERROR(0x1395)),
			    "ERROR_GROUP_NOT_FOUND");
	/* RPC runtime codes have no ERROR_ prefix on Windows */
	assert_string_equal(clusapi_werror_name(W_ERROR(0x6d1)),
			    "RPC_S_PROCNUM_OUT_OF_RANGE");
	assert_null(clusapi_werror_name(W_ERROR(0x7ffffffe)));
}

static void test_werror_explanations(void **state)
{
	const char *s;

	(void)state;
	assert_string_equal(clusapi_werror_explain(W_ERROR(0x13ce)),
			    "the node is paused");
	assert_string_equal(clusapi_werror_explain(W_ERROR(0x13ba)),
			    "the node is down");
	assert_string_equal(clusapi_werror_explain(W_ERROR(0x1398)),
			    "the node does not own the group or cannot own "
			    "it");
	assert_string_equal(clusapi_werror_explain(W_ERROR(0x139f)),
			    "the group or resource is in the wrong state for "
			    "this");
	/* not ours: Samba's sentence, lower case, without the dot */
	s = clusapi_werror_explain(W_ERROR(0x2));
	assert_non_null(s);
	assert_true(s[0] >= 'a' && s[0] <= 'z');
	assert_true(s[strlen(s) - 1] != '.');
	assert_string_equal(clusapi_werror_explain(W_ERROR(0x7ffffffe)),
			    "unknown error");
}

static void test_error_strings(void **state)
{
	TALLOC_CTX *mem_ctx = talloc_new(NULL);

	(void)state;
	assert_string_equal(
		clusapi_error_string(mem_ctx, NT_STATUS_OK, W_ERROR(0x13ce)),
		"ERROR_CLUSTER_NODE_PAUSED (0x000013ce): the node is paused");
	assert_string_equal(
		clusapi_error_string(mem_ctx, NT_STATUS_OK, W_ERROR(0x13b2)),
		"ERROR_CLUSTER_NODE_NOT_FOUND (0x000013b2): the node does "
		"not exist");
	assert_string_equal(
		clusapi_error_string(mem_ctx, NT_STATUS_CONNECTION_REFUSED,
				     WERR_OK),
		"NT_STATUS_CONNECTION_REFUSED (0xc0000236): nothing accepts "
		"connections there");
	/* the NTSTATUS wins: the call did not reach the server */
	assert_string_equal(
		clusapi_error_string(mem_ctx,
				     NT_STATUS_RPC_PROCNUM_OUT_OF_RANGE,
				     W_ERROR(0x13ce)),
		"NT_STATUS_RPC_PROCNUM_OUT_OF_RANGE (0xc002002e): the server "
		"does not know this call");
	assert_string_equal(
		clusapi_error_string(mem_ctx, NT_STATUS_OK,
				     W_ERROR(0x7ffffffe)),
		"error 0x7ffffffe: unknown error");
	talloc_free(mem_ctx);
}

static void test_state_names(void **state)
{
	(void)state;
	assert_string_equal(clusapi_state_name(CLUSAPI_OBJECT_GROUP,
					       CLUSAPI_GROUP_ONLINE),
			    "Online");
	assert_string_equal(clusapi_state_name(CLUSAPI_OBJECT_GROUP,
					       CLUSAPI_GROUP_PARTIAL_ONLINE),
			    "PartialOnline");
	assert_string_equal(clusapi_state_name(CLUSAPI_OBJECT_GROUP,
					       CLUSAPI_GROUP_PENDING),
			    "Pending");
	assert_string_equal(clusapi_state_name(CLUSAPI_OBJECT_NODE,
					       CLUSAPI_NODE_PAUSED),
			    "Paused");
	assert_string_equal(clusapi_state_name(CLUSAPI_OBJECT_RESOURCE,
					       CLUSAPI_RESOURCE_ONLINE_PENDING),
			    "OnlinePending");
	assert_string_equal(clusapi_state_name(CLUSAPI_OBJECT_GROUP,
					       CLUSAPI_STATE_UNKNOWN),
			    "Unknown");
	assert_string_equal(clusapi_outcome_name(CLUSAPI_OUTCOME_TIMED_OUT),
			    "timed-out");
}

/* Each step's line, as the flows report it */
static const struct {
	struct clusapi_event event;
	const char *text;
} event_strings[] = {
	{ { .step = CLUSAPI_STEP_GROUP_STATE,
	    .call = "ApiGetGroupState",
	    .group = "Application Group",
	    .node = "NodeA",
	    .state = CLUSAPI_GROUP_ONLINE },
	  "group \"Application Group\" is Online on NodeA" },
	{ { .step = CLUSAPI_STEP_MOVE,
	    .call = "ApiMoveGroupToNode",
	    .group = "Application Group",
	    .node = "NodeB",
	    .werr = W_ERROR(0x3e5) },
	  "move group \"Application Group\" to NodeB "
	  "(ApiMoveGroupToNode): ERROR_IO_PENDING (0x000003e5): the "
	  "operation goes on in the background" },
	{ { .step = CLUSAPI_STEP_OPEN_NODE,
	    .call = "ApiOpenNode",
	    .group = "Application Group",
	    .node = "NodeB" },
	  "open node \"NodeB\" (ApiOpenNode): ok" },
	{ { .step = CLUSAPI_STEP_NOTIFY_FALLBACK,
	    .call = "ApiCreateNotifyV2",
	    .group = "G",
	    .werr = W_ERROR(0x78),
	    .interval_ms = 5000 },
	  "no notifications (ApiCreateNotifyV2: ERROR_CALL_NOT_IMPLEMENTED "
	  "(0x00000078): the server does not implement this call), polling "
	  "group \"G\" every 5 s" },
	{ { .step = CLUSAPI_STEP_DONE,
	    .group = "Application Group",
	    .node = "NodeB",
	    .state = CLUSAPI_GROUP_ONLINE,
	    .outcome = CLUSAPI_OUTCOME_DONE },
	  "done: group \"Application Group\" is Online on NodeB" },
	{ { .step = CLUSAPI_STEP_TIMEOUT,
	    .group = "G",
	    .interval_ms = 2500 },
	  "no result after 2.500 s waiting for group \"G\"" },
};

static void test_event_strings(void **state)
{
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(event_strings) / sizeof(event_strings[0]);
	     i++) {
		assert_string_equal(
			clusapi_event_string(mem_ctx, &event_strings[i].event),
			event_strings[i].text);
	}
	talloc_free(mem_ctx);
}

/* version 1 notifications: the object and the change by the filter */
static void test_v1_notifications(void **state)
{
	static const struct {
		uint32_t filter;
		const char *object;
		const char *change;
	} v1[] = {
		{ 0x00000001, "node", "node-state" },
		{ 0x00001000, "group", "group-state" },
		{ 0x00000800, "resource", "resource-property" },
		{ 0x00000040, "key", "key-value" },
		{ 0x00020000, "restype", "restype-added" },
		{ 0x00100000, "network", "network-state" },
		{ 0x01000000, "interface", "interface-state" },
		{ 0x10000000, "cluster", "quorum-state" },
		{ 0x40000000, "cluster", "cluster-property" },
	};
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	struct clusapi_notification n = { .version = 1 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(v1) / sizeof(v1[0]); i++) {
		n.filter = v1[i].filter;
		assert_string_equal(clusapi_notification_object_name(&n),
				    v1[i].object);
		assert_string_equal(clusapi_notification_change(mem_ctx, &n),
				    v1[i].change);
	}
	talloc_free(mem_ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_werror_names),
		cmocka_unit_test(test_werror_explanations),
		cmocka_unit_test(test_error_strings),
		cmocka_unit_test(test_state_names),
		cmocka_unit_test(test_event_strings),
		cmocka_unit_test(test_v1_notifications),
	};

	return cmocka_run_group_tests_name("client_errors", tests, NULL,
					   NULL);
}
