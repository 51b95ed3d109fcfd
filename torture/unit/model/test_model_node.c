/*
 * clusapi - cluster model tests: pause, drain, resume, failover, evict
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "model_fixture.h"

static uint32_t groups_on(struct clus_model *m, struct clus_node *n)
{
	struct clus_group *g;
	uint32_t count = 0;

	for (g = clus_group_first(m); g != NULL; g = clus_group_next(g)) {
		count += (g->owner == n);
	}
	return count;
}

static void assert_all_online(struct clus_model *m)
{
	struct clus_group *g;

	for (g = clus_group_first(m); g != NULL; g = clus_group_next(g)) {
		assert_int_equal(g->state, CM_GROUP_ONLINE);
	}
}

static void test_pause_resume(void **state)
{
	struct tfix *f = *state;
	struct clus_node *a = tfix_node(f, "NodeA");
	struct clus_node *c = tfix_node(f, "NodeC");
	uint32_t seq = a->state_seq;

	assert_err(clus_node_resume(f->m, a, false),
		   CM_ERROR_CLUSTER_NODE_NOT_PAUSED);
	assert_err(clus_node_pause(f->m, a, false, NULL), CM_ERROR_SUCCESS);
	assert_int_equal(a->state, CM_NODE_PAUSED);
	assert_true(a->state_seq > seq);
	/* pausing a paused node succeeds, changes nothing */
	seq = a->state_seq;
	assert_err(clus_node_pause(f->m, a, false, NULL), CM_ERROR_SUCCESS);
	assert_int_equal(a->state_seq, seq);
	/* groups already online stay online on a paused node */
	assert_int_equal(groups_on(f->m, a), 3);
	assert_all_online(f->m);
	assert_err(clus_node_resume(f->m, a, false), CM_ERROR_SUCCESS);
	assert_int_equal(a->state, CM_NODE_UP);

	assert_err(clus_node_set_state(f->m, c, CM_NODE_DOWN),
		   CM_ERROR_SUCCESS);
	assert_err(clus_node_set_state(f->m, c, CM_NODE_DOWN),
		   CM_ERROR_CLUSTER_NODE_ALREADY_DOWN);
	assert_err(clus_node_pause(f->m, c, false, NULL),
		   CM_ERROR_CLUSTER_NODE_DOWN);
	assert_err(clus_node_resume(f->m, c, false),
		   CM_ERROR_CLUSTER_NODE_NOT_PAUSED);
	assert_err(clus_node_set_state(f->m, c, CM_NODE_UP),
		   CM_ERROR_SUCCESS);
	assert_err(clus_node_set_state(f->m, c, CM_NODE_UP),
		   CM_ERROR_CLUSTER_NODE_ALREADY_UP);
}

static void test_drain(void **state)
{
	struct tfix *f = *state;
	struct clus_node *a = tfix_node(f, "NodeA");
	struct clus_node *b = tfix_node(f, "NodeB");
	struct clus_node *c = tfix_node(f, "NodeC");

	assert_err(clus_node_pause(f->m, a, true, a),
		   CM_ERROR_INVALID_PARAMETER);
	assert_err(clus_node_pause(f->m, b, false, NULL), CM_ERROR_SUCCESS);
	assert_err(clus_node_pause(f->m, a, true, b),
		   CM_ERROR_CLUSTER_NODE_PAUSED);
	assert_int_equal(a->state, CM_NODE_UP);
	assert_err(clus_node_resume(f->m, b, false), CM_ERROR_SUCCESS);

	/* everything leaves NodeA, asynchronously */
	assert_err(clus_node_pause(f->m, a, true, NULL), CM_ERROR_SUCCESS);
	assert_int_equal(a->state, CM_NODE_PAUSED);
	assert_int_equal(a->drain_status, CM_DRAIN_IN_PROGRESS);
	tfix_wait_all(f);
	assert_int_equal(a->drain_status, CM_DRAIN_COMPLETED);
	assert_int_equal(groups_on(f->m, a), 0);
	assert_all_online(f->m);
	/* Application Group prefers NodeB after NodeA */
	assert_ptr_equal(tfix_group(f, "Application Group")->owner, b);
	tfix_check_consistent(f->m, true);

	/* resume with failback: its preferred groups come home */
	assert_err(clus_node_resume(f->m, a, true), CM_ERROR_SUCCESS);
	tfix_wait_all(f);
	assert_ptr_equal(tfix_group(f, "Application Group")->owner, a);
	assert_all_online(f->m);

	/* drain to a chosen node (only Application Group came back) */
	assert_int_equal(groups_on(f->m, a), 1);
	assert_err(clus_node_pause(f->m, a, true, c), CM_ERROR_SUCCESS);
	tfix_wait_all(f);
	assert_int_equal(a->drain_status, CM_DRAIN_COMPLETED);
	assert_int_equal(groups_on(f->m, a), 0);
	assert_ptr_equal(tfix_group(f, "Application Group")->owner, c);
	assert_all_online(f->m);
}

static void test_failover(void **state)
{
	struct tfix *f = *state;
	struct clus_node *a = tfix_node(f, "NodeA");
	struct clus_node *b = tfix_node(f, "NodeB");
	struct clus_node *c = tfix_node(f, "NodeC");
	struct clus_group *app = tfix_group(f, "Application Group");
	struct clus_netif *ni;

	assert_err(clus_node_set_state(f->m, a, CM_NODE_DOWN),
		   CM_ERROR_SUCCESS);
	assert_int_equal(groups_on(f->m, a), 0);
	assert_ptr_equal(app->owner, b);
	assert_int_equal(app->state, CM_GROUP_PENDING);
	assert_err(clus_netif_lookup(f->m, "NodeA - Ethernet 2", &ni),
		   CM_ERROR_SUCCESS);
	assert_int_equal(ni->state, CM_NETIF_UNAVAILABLE);
	tfix_wait_all(f);
	assert_all_online(f->m);
	tfix_check_consistent(f->m, true);

	/* no node left: the groups fail where they are */
	assert_err(clus_node_set_state(f->m, c, CM_NODE_DOWN),
		   CM_ERROR_SUCCESS);
	tfix_wait_all(f);
	assert_err(clus_node_set_state(f->m, b, CM_NODE_DOWN),
		   CM_ERROR_SUCCESS);
	tfix_wait_all(f);
	assert_int_equal(app->state, CM_GROUP_FAILED);
	assert_ptr_equal(app->owner, b);
	tfix_check_consistent(f->m, true);

	/* a node comes back: the stranded groups go there */
	assert_err(clus_node_set_state(f->m, c, CM_NODE_UP),
		   CM_ERROR_SUCCESS);
	tfix_wait_all(f);
	assert_int_equal(groups_on(f->m, c), 3);
	assert_all_online(f->m);
	assert_err(clus_netif_lookup(f->m, "NodeC - Ethernet", &ni),
		   CM_ERROR_SUCCESS);
	assert_int_equal(ni->state, CM_NETIF_UP);
}

static void test_failover_during_move(void **state)
{
	struct tfix *f = *state;
	struct clus_node *a = tfix_node(f, "NodeA");
	struct clus_node *c = tfix_node(f, "NodeC");
	struct clus_group *app = tfix_group(f, "Application Group");

	/* the source dies mid-move: the move's target takes the group */
	assert_err(clus_group_move(f->m, app, c, 0), CM_ERROR_IO_PENDING);
	assert_err(clus_node_set_state(f->m, a, CM_NODE_DOWN),
		   CM_ERROR_SUCCESS);
	assert_ptr_equal(app->owner, c);
	tfix_wait_all(f);
	assert_ptr_equal(app->owner, c);
	assert_int_equal(app->state, CM_GROUP_ONLINE);
}

static void test_evict(void **state)
{
	struct tfix *f = *state;
	struct clus_node *a = tfix_node(f, "NodeA");
	struct clus_node *b = tfix_node(f, "NodeB");
	struct clus_node *c = tfix_node(f, "NodeC");
	struct clus_group *app = tfix_group(f, "Application Group");
	struct clus_resource *r;
	struct clus_netif *ni;
	uint32_t i;

	assert_err(clus_node_evict(f->m, a), CM_ERROR_SUCCESS);
	assert_null(clus_node_by_name(f->m, "NodeA"));
	assert_int_equal(clus_model_num_nodes(f->m), 2);
	assert_int_equal(clus_model_num_netifs(f->m), 4);
	assert_err(clus_netif_lookup(f->m, "NodeA - Ethernet 2", &ni),
		   CM_ERROR_CLUSTER_NETINTERFACE_NOT_FOUND);
	/* the server now "runs" on a remaining node */
	assert_ptr_equal(clus_model_local_node(f->m), b);
	for (i = 0; i < app->num_preferred; i++) {
		assert_ptr_not_equal(app->preferred[i], NULL);
		assert_string_not_equal(app->preferred[i]->name, "NodeA");
	}
	for (r = clus_resource_first(f->m); r != NULL;
	     r = clus_resource_next(r)) {
		assert_int_equal(r->num_possible, 2);
	}
	tfix_wait_all(f);
	assert_all_online(f->m);
	tfix_check_consistent(f->m, true);

	/* a down node with failed groups: they land on a real node */
	assert_err(clus_node_set_state(f->m, c, CM_NODE_DOWN),
		   CM_ERROR_SUCCESS);
	tfix_wait_all(f);
	assert_err(clus_node_set_state(f->m, b, CM_NODE_DOWN),
		   CM_ERROR_SUCCESS);
	tfix_wait_all(f);
	assert_err(clus_node_evict(f->m, b), CM_ERROR_SUCCESS);
	assert_int_equal(groups_on(f->m, c), 3);
	tfix_check_consistent(f->m, true);

	assert_err(clus_node_evict(f->m, c),
		   CM_ERROR_CLUSTER_EVICT_INVALID_REQUEST);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, tfix_setup_memory, \
					      tfix_teardown)
	const struct CMUnitTest tests[] = {
		T(test_pause_resume),
		T(test_drain),
		T(test_failover),
		T(test_failover_during_move),
		T(test_evict),
	};
#undef T

	return cmocka_run_group_tests_name("model_node", tests, NULL, NULL);
}
