/*
 * clusapi - cluster model tests: the embedded default cluster, lookups
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "model_fixture.h"

static void test_cluster(void **state)
{
	struct tfix *f = *state;
	const struct clus_cluster *c = clus_model_cluster(f->m);

	assert_string_equal(c->name, "CLUSTER1");
	/* >= 10 so that smbtorture runs its group set tests */
	assert_int_equal(c->version.major, 10);
	assert_int_equal(c->version.minor, 0);
	assert_int_equal(c->version.build, 14393);
	assert_int_equal(strlen(c->instance_id), 36);
	assert_string_equal(clus_model_local_node(f->m)->name, "NodeA");
	assert_string_equal(clus_model_quorum_resource(f->m)->name,
			    "Cluster Disk 1");
	tfix_check_consistent(f->m, true);
}

static void test_nodes(void **state)
{
	struct tfix *f = *state;
	const char *names[] = { "NodeA", "NodeB", "NodeC" };
	const char *ids[] = { "1", "2", "3" };
	struct clus_node *n;
	int i = 0;

	assert_int_equal(clus_model_num_nodes(f->m), 3);
	for (n = clus_node_first(f->m); n != NULL; n = clus_node_next(n)) {
		assert_string_equal(n->name, names[i]);
		assert_string_equal(n->id, ids[i]);
		assert_int_equal(n->state, CM_NODE_UP);
		assert_int_equal(n->drain_status, CM_DRAIN_NOT_INITIATED);
		i++;
	}
	assert_int_equal(i, 3);
	/* names ignore case, ids work too */
	assert_ptr_equal(clus_node_by_name(f->m, "nodeb"),
			 clus_node_by_id(f->m, "2"));
	assert_err(clus_node_lookup(f->m, "2", &n), CM_ERROR_SUCCESS);
	assert_string_equal(n->name, "NodeB");
	assert_err(clus_node_lookup(f->m, "NodeX", &n),
		   CM_ERROR_CLUSTER_NODE_NOT_FOUND);
	assert_null(n);
}

static void test_groups_and_resources(void **state)
{
	struct tfix *f = *state;
	const char *groups[] = { "Cluster Group", "Available Storage",
				 "Application Group" };
	struct clus_group *g;
	struct clus_resource *r;
	int i = 0;

	for (g = clus_group_first(f->m); g != NULL; g = clus_group_next(g)) {
		assert_string_equal(g->name, groups[i]);
		assert_string_equal(g->owner->name, "NodeA");
		assert_int_equal(g->state, CM_GROUP_ONLINE);
		assert_int_equal(strlen(g->id), 36);
		i++;
	}
	assert_int_equal(i, 3);

	g = tfix_group(f, "Cluster Group");
	assert_int_equal(g->group_type, CM_GROUP_TYPE_CORE_CLUSTER);
	r = tfix_res(f, "Cluster Name");
	assert_ptr_equal(r->group, g);
	assert_string_equal(r->type->name, "Network Name");
	assert_true(r->flags & CM_RES_FLAG_CORE);
	assert_int_equal(r->state, CM_RES_ONLINE);
	assert_true(clus_resource_depends_on(
			    r, tfix_res(f, "Cluster IP Address")));

	/* smbtorture opens "Network Name" and asks for its network name */
	r = tfix_res(f, "Network Name");
	assert_string_equal(r->group->name, "Application Group");
	assert_string_equal(clus_resource_network_name(f->m, r), "APPSRV");
	assert_string_equal(clus_resource_network_name(
				    f->m, tfix_res(f, "Application Service")),
			    "APPSRV");
	/* every resource has one, even those that are not network names */
	for (r = clus_resource_first(f->m); r != NULL;
	     r = clus_resource_next(r)) {
		assert_non_null(clus_resource_network_name(f->m, r));
		assert_int_equal(r->num_possible, 3);
	}
	assert_string_equal(clus_resource_network_name(
				    f->m, tfix_res(f, "Cluster Disk 2")),
			    "CLUSTER1");

	g = tfix_group(f, "Application Group");
	assert_int_equal(g->num_preferred, 3);
	assert_string_equal(g->preferred[1]->name, "NodeB");
	assert_int_equal(g->resources.count, 3);

	/* lookups: name, then id; the right "not found" codes */
	assert_err(clus_group_lookup(f->m, g->id, &g), CM_ERROR_SUCCESS);
	assert_string_equal(g->name, "Application Group");
	assert_err(clus_group_lookup(f->m, "No Such Group", &g),
		   CM_ERROR_GROUP_NOT_FOUND);
	assert_err(clus_resource_lookup(f->m, "jfUF38fjSNcfn", &r),
		   CM_ERROR_RESOURCE_NOT_FOUND);
	assert_err(clus_resource_lookup(f->m, "", &r),
		   CM_ERROR_RESOURCE_NOT_FOUND);
	assert_err(clus_resource_lookup(f->m, "cluster name", &r),
		   CM_ERROR_SUCCESS);
}

static void test_types_networks(void **state)
{
	struct tfix *f = *state;
	struct clus_restype *rt;
	struct clus_network *net;
	struct clus_netif *ni;

	assert_err(clus_restype_lookup(f->m, "Physical Disk", &rt),
		   CM_ERROR_SUCCESS);
	assert_int_equal(rt->res_class, 1);
	assert_err(clus_restype_lookup(f->m, "Storage Pool", &rt),
		   CM_ERROR_SUCCESS);
	assert_err(clus_restype_lookup(f->m, "Generic Service", &rt),
		   CM_ERROR_SUCCESS);
	assert_err(clus_restype_lookup(f->m, "INVALID_TYPE_XXXX", &rt),
		   CM_ERROR_CLUSTER_RESOURCE_TYPE_NOT_FOUND);
	/* Windows answers "not supported" for these: leave them out */
	assert_null(clus_restype_by_name(f->m, "MSMQ"));
	assert_true(clus_model_num_restypes(f->m) > 20);

	assert_err(clus_network_lookup(f->m, "Cluster Network 1", &net),
		   CM_ERROR_SUCCESS);
	assert_int_equal(net->state, CM_NETWORK_UP);
	assert_err(clus_network_lookup(f->m, "Cluster Network 9", &net),
		   CM_ERROR_CLUSTER_NETWORK_NOT_FOUND);

	assert_err(clus_netif_lookup(f->m, "node1 - Ethernet", &ni),
		   CM_ERROR_SUCCESS);
	assert_string_equal(ni->node->name, "NodeB");
	assert_int_equal(ni->state, CM_NETIF_UP);
	assert_err(clus_netif_lookup(f->m, "NodeB - Ethernet", &ni),
		   CM_ERROR_SUCCESS);
	assert_string_equal(ni->network->name, "Cluster Network 1");
	assert_err(clus_netif_find(f->m, tfix_node(f, "NodeC"),
				   clus_network_by_name(f->m,
							"Cluster Network 2"),
				   &ni), CM_ERROR_SUCCESS);
	assert_string_equal(ni->name, "NodeC - Ethernet 2");
	assert_err(clus_netif_lookup(f->m, "nope", &ni),
		   CM_ERROR_CLUSTER_NETINTERFACE_NOT_FOUND);
	assert_int_equal(clus_model_num_netifs(f->m), 6);
}

static void test_registry_and_groupsets(void **state)
{
	struct tfix *f = *state;
	struct clus_regkey *root = clus_regkey_root(f->m);
	const struct clus_prop *v;
	struct clus_regkey_info info;
	struct clus_groupset *s;
	uint32_t i;

	v = clus_regkey_get_value(root, "ClusterInstanceID");
	assert_non_null(v);
	assert_int_equal(v->type, CM_REG_SZ);
	assert_string_equal((const char *)v->data,
			    clus_model_cluster(f->m)->instance_id);
	assert_int_equal(v->len, 37);
	assert_true(root->num_subkeys >= 6);
	for (i = 1; i < root->num_subkeys; i++) {
		assert_true(strcasecmp(root->subkeys[i - 1]->name,
				       root->subkeys[i]->name) < 0);
		assert_ptr_equal(root->subkeys[i]->parent, root);
	}
	assert_true(root->sd_len > 20);
	clus_regkey_query_info(root, &info);
	assert_int_equal(info.num_values, root->values.count);
	assert_int_equal(info.max_value_name_len, strlen("ClusterInstanceID"));

	/* smbtorture opens a group set called "Cluster Group" */
	assert_err(clus_groupset_lookup(f->m, "Cluster Group", &s),
		   CM_ERROR_SUCCESS);
	assert_int_equal(s->num_members, 1);
	assert_ptr_equal(s->members[0], tfix_group(f, "Cluster Group"));
	assert_ptr_equal(tfix_group(f, "Cluster Group")->groupset, s);
	assert_err(clus_groupset_lookup(f->m, "nope", &s),
		   CM_ERROR_GROUPSET_NOT_FOUND);
}

static void test_state_derivation(void **state)
{
	struct tfix *f = *state;
	struct clus_group *g = tfix_group(f, "Available Storage");
	struct clus_resource *disk = tfix_res(f, "Cluster Disk 2");
	struct clus_resource *r;
	uint32_t seq = g->state_seq;

	/* one Online + one Offline = PartialOnline */
	assert_err(clus_resource_create(f->m, g, "Extra Disk",
					"Physical Disk", 0, &r),
		   CM_ERROR_SUCCESS);
	assert_int_equal(r->state, CM_RES_OFFLINE);
	assert_int_equal(g->state, CM_GROUP_PARTIAL_ONLINE);
	assert_true(g->state_seq > seq);
	seq = g->state_seq;

	/* Failed wins over everything */
	assert_err(clus_resource_fail(f->m, disk), CM_ERROR_SUCCESS);
	assert_int_equal(disk->state, CM_RES_FAILED);
	assert_int_equal(g->state, CM_GROUP_FAILED);
	assert_true(g->state_seq > seq);
	assert_err(clus_resource_fail(f->m, r),
		   CM_ERROR_RESOURCE_NOT_ONLINE);

	/* all Offline = Offline (the failed one is taken offline) */
	assert_err(clus_group_offline(f->m, g), CM_ERROR_IO_PENDING);
	assert_int_equal(g->state, CM_GROUP_PENDING);
	tfix_wait_group(f, g);
	assert_int_equal(g->state, CM_GROUP_OFFLINE);
	assert_int_equal(disk->state, CM_RES_OFFLINE);

	/* all Online = Online */
	assert_err(clus_group_online(f->m, g), CM_ERROR_IO_PENDING);
	tfix_wait_group(f, g);
	assert_int_equal(g->state, CM_GROUP_ONLINE);
	assert_int_equal(r->state, CM_RES_ONLINE);
	/* already online: OK at once (smbtorture wants OK, not pending) */
	assert_err(clus_group_online(f->m, g), CM_ERROR_SUCCESS);
	assert_false(clus_group_is_pending(g));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_cluster,
						tfix_setup_memory,
						tfix_teardown),
		cmocka_unit_test_setup_teardown(test_nodes, tfix_setup_memory,
						tfix_teardown),
		cmocka_unit_test_setup_teardown(test_groups_and_resources,
						tfix_setup_memory,
						tfix_teardown),
		cmocka_unit_test_setup_teardown(test_types_networks,
						tfix_setup_memory,
						tfix_teardown),
		cmocka_unit_test_setup_teardown(test_registry_and_groupsets,
						tfix_setup_memory,
						tfix_teardown),
		cmocka_unit_test_setup_teardown(test_state_derivation,
						tfix_setup_memory,
						tfix_teardown),
	};

	return cmocka_run_group_tests_name("model_default", tests, NULL, NULL);
}
