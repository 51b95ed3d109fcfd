/*
 * clusapi torture: every state change is visible to the same and to
 * other clients when the call that made it returns (MS-CMRP 3.1.4.2),
 * for nodes, groups and resources, against a clusapid of our own
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Client A makes each change; A and a second connection B read the
 * state right after the call returns, with no wait in between. Only the
 * end of an asynchronous move is waited for, and then by the state that
 * ERROR_IO_PENDING promised (Pending first, then Online on the target).
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <talloc.h>
#include <tevent.h>
#include <ndr.h>
#include <dcerpc.h>
#include <param.h>
#include <credentials.h>
#include <core/werror.h>

#include "librpc/gen_ndr/ndr_clusapi.h"
#include "librpc/gen_ndr/ndr_clusapi_c.h"
#include "clusapid_proc.h"

#define MOVE_TIMEOUT_MS 60000

struct env {
	struct tproc_server *srv;
	struct dcerpc_binding_handle *a;	/* makes the changes */
	struct dcerpc_binding_handle *b;	/* another client */
};

static int setup(void **state)
{
	struct env *env = talloc_zero(NULL, struct env);
	/*
	 * Each resource transition takes a second: time enough, even on a
	 * loaded machine, for both clients to read a Pending state.
	 */
	static const char *const slow[] = { "--move-delay-ms", "1000", NULL };

	assert_non_null(env);
	env->srv = tproc_server_start(env, "visibility", slow);
	env->a = tproc_server_connect(env->srv, env)->binding_handle;
	env->b = tproc_server_connect(env->srv, env)->binding_handle;
	*state = env;
	return 0;
}

static int teardown(void **state)
{
	struct env *env = *state;

	assert_true(tproc_server_stop(env->srv));
	talloc_free(env);
	return 0;
}

/* The calls, each asserting that the RPC itself went through ----------- */

/* ApiOpenNode, ApiOpenGroup and ApiOpenResource have one shape */
typedef NTSTATUS (*open_fn)(struct dcerpc_binding_handle *h,
			    TALLOC_CTX *mem_ctx, const char *name,
			    WERROR *status, WERROR *rpc_status,
			    struct policy_handle *handle);

static struct policy_handle open_obj(open_fn fn,
				     struct dcerpc_binding_handle *h,
				     const char *name, WERROR *status)
{
	struct policy_handle handle;
	WERROR rpc_status;

	assert_true(NT_STATUS_IS_OK(fn(h, h, name, status, &rpc_status,
				       &handle)));
	return handle;
}

static struct policy_handle open_node(struct dcerpc_binding_handle *h,
				      const char *name)
{
	WERROR status;
	struct policy_handle hnode = open_obj(dcerpc_ApiOpenNode, h, name,
					      &status);

	assert_true(W_ERROR_IS_OK(status));
	return hnode;
}

#define open_group(h, name, status) \
	open_obj(dcerpc_ApiOpenGroup, (h), (name), (status))
#define open_res(h, name, status) \
	open_obj(dcerpc_ApiOpenResource, (h), (name), (status))

static enum CLUSTER_NODE_STATE node_state(struct dcerpc_binding_handle *h,
					  const char *name)
{
	struct policy_handle hnode = open_node(h, name);
	enum CLUSTER_NODE_STATE st = ClusterNodeStateUnknown;
	WERROR rpc_status, result;

	assert_true(NT_STATUS_IS_OK(dcerpc_ApiGetNodeState(
		h, h, hnode, &st, &rpc_status, &result)));
	assert_true(W_ERROR_IS_OK(result));
	assert_true(NT_STATUS_IS_OK(dcerpc_ApiCloseNode(h, h, &hnode,
							&result)));
	return st;
}

/* The state of group NAME; its owner in *owner if OWNER is not NULL */
static enum CLUSTER_GROUP_STATE group_state(struct dcerpc_binding_handle *h,
					    const char *name,
					    const char **owner)
{
	WERROR status, rpc_status, result;
	struct policy_handle hgroup = open_group(h, name, &status);
	enum CLUSTER_GROUP_STATE st = ClusterGroupStateUnknown;
	const char *node = NULL;

	assert_true(W_ERROR_IS_OK(status));
	assert_true(NT_STATUS_IS_OK(dcerpc_ApiGetGroupState(
		h, h, hgroup, &st, &node, &rpc_status, &result)));
	assert_true(W_ERROR_IS_OK(result));
	assert_true(NT_STATUS_IS_OK(dcerpc_ApiCloseGroup(h, h, &hgroup,
							 &result)));
	if (owner != NULL) {
		*owner = node;
	}
	return st;
}

/* The state of resource NAME; its group's name in *group if not NULL */
static enum CLUSTER_RESOURCE_STATE res_state(struct dcerpc_binding_handle *h,
					     const char *name,
					     const char **group)
{
	WERROR status, rpc_status, result;
	struct policy_handle hres = open_res(h, name, &status);
	enum CLUSTER_RESOURCE_STATE st = ClusterResourceStateUnknown;
	const char *node = NULL;
	const char *grp = NULL;

	assert_true(W_ERROR_IS_OK(status));
	assert_true(NT_STATUS_IS_OK(dcerpc_ApiGetResourceState(
		h, h, hres, &st, &node, &grp, &rpc_status, &result)));
	assert_true(W_ERROR_IS_OK(result));
	assert_true(NT_STATUS_IS_OK(dcerpc_ApiCloseResource(h, h, &hres,
							    &result)));
	if (group != NULL) {
		*group = grp;
	}
	return st;
}

/* Both clients see group NAME in state ST */
static void both_see_group(struct env *env, const char *name,
			   enum CLUSTER_GROUP_STATE st)
{
	assert_int_equal(group_state(env->a, name, NULL), st);
	assert_int_equal(group_state(env->b, name, NULL), st);
}

static void both_see_res(struct env *env, const char *name,
			 enum CLUSTER_RESOURCE_STATE st)
{
	assert_int_equal(res_state(env->a, name, NULL), st);
	assert_int_equal(res_state(env->b, name, NULL), st);
}

static void both_see_node(struct env *env, const char *name,
			  enum CLUSTER_NODE_STATE st)
{
	assert_int_equal(node_state(env->a, name), st);
	assert_int_equal(node_state(env->b, name), st);
}

/*
 * A resource call answered: with ERROR_IO_PENDING every client sees
 * PENDING at once and then, within a bound, FINAL; with success FINAL
 * at once.
 */
static void res_settles(struct env *env, const char *name, WERROR result,
			enum CLUSTER_RESOURCE_STATE pending,
			enum CLUSTER_RESOURCE_STATE final)
{
	int64_t end = tproc_now_ms() + MOVE_TIMEOUT_MS;

	if (!W_ERROR_EQUAL(result, WERR_IO_PENDING)) {
		assert_true(W_ERROR_IS_OK(result));
		both_see_res(env, name, final);
		return;
	}
	both_see_res(env, name, pending);
	while (tproc_now_ms() < end && res_state(env->b, name, NULL) != final) {
		tproc_sleep_ms(POLL_MS);
	}
	both_see_res(env, name, final);
}

/* Wait (bounded) until B sees group NAME Online on NODE */
static void wait_group_online_on(struct env *env, const char *name,
				 const char *node)
{
	int64_t end = tproc_now_ms() + MOVE_TIMEOUT_MS;
	const char *owner = NULL;

	while (tproc_now_ms() < end) {
		if (group_state(env->b, name, &owner) == ClusterGroupOnline &&
		    strcmp(owner, node) == 0) {
			return;
		}
		tproc_sleep_ms(POLL_MS);
	}
	fail_msg("%s did not come Online on %s (owner %s)", name, node,
		 owner != NULL ? owner : "?");
}

/* Nodes ------------------------------------------------------------------ */

/*
 * The rpcclient report: a pause, then a resume in the next second. The
 * pause takes effect before ApiPauseNode returns, so the resume
 * succeeds and the node ends Up.
 */
static void test_node_pause_then_resume(void **state)
{
	struct env *env = *state;
	struct policy_handle hnode = open_node(env->a, "NodeB");
	WERROR rpc_status, result;

	assert_true(NT_STATUS_IS_OK(dcerpc_ApiPauseNode(
		env->a, env, hnode, &rpc_status, &result)));
	assert_true(W_ERROR_IS_OK(result));
	both_see_node(env, "NodeB", ClusterNodePaused);

	assert_true(NT_STATUS_IS_OK(dcerpc_ApiResumeNode(
		env->a, env, hnode, &rpc_status, &result)));
	assert_true(W_ERROR_IS_OK(result));
	both_see_node(env, "NodeB", ClusterNodeUp);

	/* and a second resume finds nothing paused */
	assert_true(NT_STATUS_IS_OK(dcerpc_ApiResumeNode(
		env->a, env, hnode, &rpc_status, &result)));
	assert_true(W_ERROR_EQUAL(result, WERR_CLUSTER_NODE_NOT_PAUSED));
	assert_true(NT_STATUS_IS_OK(dcerpc_ApiCloseNode(env->a, env, &hnode,
							&result)));
}

/*
 * A pause with drain is Paused when it returns and its groups are
 * already moving (Pending) for every client; they end Online elsewhere.
 */
static void test_node_pause_with_drain(void **state)
{
	struct env *env = *state;
	const char *group = "Application Group";
	const char *owner = NULL;
	struct policy_handle hnode;
	WERROR rpc_status, result;

	assert_int_equal(group_state(env->a, group, &owner),
			 ClusterGroupOnline);
	hnode = open_node(env->a, owner);
	assert_true(NT_STATUS_IS_OK(dcerpc_ApiPauseNodeEx(
		env->a, env, hnode, 1, 0, &rpc_status, &result)));
	assert_true(W_ERROR_IS_OK(result));
	both_see_node(env, owner, ClusterNodePaused);
	both_see_group(env, group, ClusterGroupPending);

	{
		int64_t end = tproc_now_ms() + MOVE_TIMEOUT_MS;
		const char *now_on = owner;

		while (tproc_now_ms() < end &&
		       (group_state(env->b, group, &now_on) !=
			ClusterGroupOnline || strcmp(now_on, owner) == 0)) {
			tproc_sleep_ms(POLL_MS);
		}
		assert_int_equal(group_state(env->b, group, &now_on),
				 ClusterGroupOnline);
		assert_string_not_equal(now_on, owner);
	}
	assert_true(NT_STATUS_IS_OK(dcerpc_ApiResumeNode(
		env->a, env, hnode, &rpc_status, &result)));
	assert_true(W_ERROR_IS_OK(result));
	both_see_node(env, owner, ClusterNodeUp);
	assert_true(NT_STATUS_IS_OK(dcerpc_ApiCloseNode(env->a, env, &hnode,
							&result)));
}

/* Groups ----------------------------------------------------------------- */

static void test_group_move_online_offline(void **state)
{
	struct env *env = *state;
	const char *group = "Application Group";
	const char *owner = NULL;
	const char *target;
	struct policy_handle hgroup, hnode;
	WERROR status, rpc_status, result;

	assert_int_equal(group_state(env->a, group, &owner),
			 ClusterGroupOnline);
	target = strcmp(owner, "NodeC") == 0 ? "NodeB" : "NodeC";
	hgroup = open_group(env->a, group, &status);
	assert_true(W_ERROR_IS_OK(status));
	hnode = open_node(env->a, target);

	/* ERROR_IO_PENDING: every client sees Pending at once */
	assert_true(NT_STATUS_IS_OK(dcerpc_ApiMoveGroupToNode(
		env->a, env, hgroup, hnode, &rpc_status, &result)));
	assert_true(W_ERROR_EQUAL(result, WERR_IO_PENDING));
	both_see_group(env, group, ClusterGroupPending);
	wait_group_online_on(env, group, target);

	assert_true(NT_STATUS_IS_OK(dcerpc_ApiOfflineGroup(
		env->a, env, hgroup, &rpc_status, &result)));
	assert_true(W_ERROR_IS_OK(result));
	both_see_group(env, group, ClusterGroupOffline);

	assert_true(NT_STATUS_IS_OK(dcerpc_ApiOnlineGroup(
		env->a, env, hgroup, &rpc_status, &result)));
	assert_true(W_ERROR_IS_OK(result));
	both_see_group(env, group, ClusterGroupOnline);

	assert_true(NT_STATUS_IS_OK(dcerpc_ApiCloseNode(env->a, env, &hnode,
							&result)));
	assert_true(NT_STATUS_IS_OK(dcerpc_ApiCloseGroup(env->a, env,
							 &hgroup, &result)));
}

static void test_group_create_rename_delete(void **state)
{
	struct env *env = *state;
	struct policy_handle hgroup, hb;
	WERROR status, rpc_status, result;

	assert_true(NT_STATUS_IS_OK(dcerpc_ApiCreateGroup(
		env->a, env, "Visible Group", &status, &rpc_status,
		&hgroup)));
	assert_true(W_ERROR_IS_OK(status));
	both_see_group(env, "Visible Group", ClusterGroupOffline);

	assert_true(NT_STATUS_IS_OK(dcerpc_ApiSetGroupName(
		env->a, env, hgroup, "Renamed Group", &rpc_status, &result)));
	assert_true(W_ERROR_IS_OK(result));
	both_see_group(env, "Renamed Group", ClusterGroupOffline);
	hb = open_group(env->b, "Visible Group", &status);
	assert_true(W_ERROR_EQUAL(status, WERR_GROUP_NOT_FOUND));

	assert_true(NT_STATUS_IS_OK(dcerpc_ApiDeleteGroup(
		env->a, env, hgroup, 0, &rpc_status, &result)));
	assert_true(W_ERROR_IS_OK(result));
	hb = open_group(env->b, "Renamed Group", &status);
	assert_true(W_ERROR_EQUAL(status, WERR_GROUP_NOT_FOUND));
	(void)hb;
	assert_true(NT_STATUS_IS_OK(dcerpc_ApiCloseGroup(env->a, env,
							 &hgroup, &result)));
}

/* Resources -------------------------------------------------------------- */

static void test_resource_lifecycle(void **state)
{
	struct env *env = *state;
	const char *group = NULL;
	struct policy_handle hg1, hg2, hres, hb;
	WERROR status, rpc_status, result;

	assert_true(NT_STATUS_IS_OK(dcerpc_ApiCreateGroup(
		env->a, env, "Res Group 1", &status, &rpc_status, &hg1)));
	assert_true(W_ERROR_IS_OK(status));
	assert_true(NT_STATUS_IS_OK(dcerpc_ApiCreateGroup(
		env->a, env, "Res Group 2", &status, &rpc_status, &hg2)));
	assert_true(W_ERROR_IS_OK(status));

	assert_true(NT_STATUS_IS_OK(dcerpc_ApiCreateResource(
		env->a, env, hg1, "Visible Service", "Generic Service", 0,
		&status, &rpc_status, &hres)));
	assert_true(W_ERROR_IS_OK(status));
	both_see_res(env, "Visible Service", ClusterResourceOffline);

	assert_true(NT_STATUS_IS_OK(dcerpc_ApiOnlineResource(
		env->a, env, hres, &rpc_status, &result)));
	res_settles(env, "Visible Service", result,
		    ClusterResourceOnlinePending, ClusterResourceOnline);

	assert_true(NT_STATUS_IS_OK(dcerpc_ApiFailResource(
		env->a, env, hres, &rpc_status, &result)));
	assert_true(W_ERROR_IS_OK(result));
	both_see_res(env, "Visible Service", ClusterResourceFailed);

	assert_true(NT_STATUS_IS_OK(dcerpc_ApiOfflineResource(
		env->a, env, hres, &rpc_status, &result)));
	res_settles(env, "Visible Service", result,
		    ClusterResourceOfflinePending, ClusterResourceOffline);

	assert_true(NT_STATUS_IS_OK(dcerpc_ApiSetResourceName(
		env->a, env, hres, "Renamed Service", &rpc_status, &result)));
	assert_true(W_ERROR_IS_OK(result));
	both_see_res(env, "Renamed Service", ClusterResourceOffline);
	hb = open_res(env->b, "Visible Service", &status);
	assert_true(W_ERROR_EQUAL(status, WERR_RESOURCE_NOT_FOUND));

	assert_true(NT_STATUS_IS_OK(dcerpc_ApiChangeResourceGroup(
		env->a, env, hres, hg2, &rpc_status, &result)));
	assert_true(W_ERROR_IS_OK(result));
	res_state(env->b, "Renamed Service", &group);
	assert_string_equal(group, "Res Group 2");

	assert_true(NT_STATUS_IS_OK(dcerpc_ApiDeleteResource(
		env->a, env, hres, &rpc_status, &result)));
	assert_true(W_ERROR_IS_OK(result));
	hb = open_res(env->b, "Renamed Service", &status);
	assert_true(W_ERROR_EQUAL(status, WERR_RESOURCE_NOT_FOUND));
	(void)hb;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_node_pause_then_resume),
		cmocka_unit_test(test_node_pause_with_drain),
		cmocka_unit_test(test_group_move_online_offline),
		cmocka_unit_test(test_group_create_rename_delete),
		cmocka_unit_test(test_resource_lifecycle),
	};

	return cmocka_run_group_tests_name("rpc_visibility", tests, setup,
					   teardown);
}
