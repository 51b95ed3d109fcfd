/*
 * clusapi - cluster model tests: config files, objects, registry, sets
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "model_fixture.h"

static int setup_empty(void **state)
{
	struct tfix *f = talloc_zero(NULL, struct tfix);

	assert_non_null(f);
	f->mem = f;
	f->ev = tevent_context_init(f);
	*state = f;
	return 0;
}

static const char small_config[] =
"# two nodes, a few groups\n"
"[cluster]\n"
"name = TESTCLUS\n"
"instance_id = 11111111-2222-3333-4444-555555555555\n"
"major_version = 6\n"
"minor_version = 3\n"
"local_node = n2\n"
"\n"
"[node n1]\n"
"[node n2]\n"
"id = 7\n"
"[node n3]\n"
"state = down\n"
"\n"
"[restype Generic Application]\n"
"dll = clusres2.dll\n"
"[restype Network Name]\n"
"class = 2\n"
"\n"
"[network Net]\n"
"[netif n1 - Ethernet]\n"
"node = n1\n"
"network = Net\n"
"\n"
"[group Web]\n"
"owner = n1\n"
"preferred = n1, n2\n"
"state = online\n"
"prop.Custom = dword:0x10\n"
"[resource Web Name]\n"
"group = Web\n"
"type = Network Name\n"
"prop.DnsName = WEB\n"
"[resource Web App]\n"
"group = Web\n"
"type = Generic Application\n"
"depends = Web Name\n"
"possible = n1\n"
"\n"
"[group Stranded]\n"
"owner = n3\n"
"state = online\n"
"[resource Stranded App]\n"
"group = Stranded\n"
"type = Generic Application\n"
"\n"
"[groups]\n"
"count = 250\n"
"prefix = \"Bench \"\n"
"digits = 4\n"
"resources = 2\n"
"state = online\n"
"\n"
"[groupset Front]\n"
"members = Web\n"
"[groupset Back]\n"
"depends = Front\n"
"\n"
"[regkey Parameters\\Deep]\n"
"Level = dword:3\n"
"Name = sz:hello\n"
"@ = default\n"
"List = multi_sz:a|b\n"
"Blob = binary:00ff10\n";

static void test_small_config(void **state)
{
	struct tfix *f = *state;
	struct clus_group *g;
	struct clus_resource *r;
	struct clus_regkey *key;
	const struct clus_prop *v;
	uint32_t n = 0;

	assert_err(tfix_open(f, small_config), CM_ERROR_SUCCESS);
	assert_string_equal(clus_model_cluster(f->m)->name, "TESTCLUS");
	assert_string_equal(clus_model_cluster(f->m)->instance_id,
			    "11111111-2222-3333-4444-555555555555");
	assert_int_equal(clus_model_cluster(f->m)->version.major, 6);
	assert_string_equal(clus_model_local_node(f->m)->name, "n2");
	assert_string_equal(clus_node_by_name(f->m, "n2")->id, "7");
	assert_string_equal(clus_node_by_name(f->m, "n3")->id, "2");
	assert_int_equal(clus_node_by_name(f->m, "n3")->state, CM_NODE_DOWN);

	g = tfix_group(f, "Web");
	assert_int_equal(g->state, CM_GROUP_ONLINE);
	assert_int_equal(g->num_preferred, 2);
	assert_int_equal(clus_prop_get(&g->props, "custom")->data[0], 0x10);
	r = tfix_res(f, "Web App");
	assert_int_equal(r->num_possible, 1);
	assert_string_equal(clus_resource_dependency_expression(f, r),
			    "[Web Name]");
	assert_string_equal(clus_resource_network_name(f->m, r), "WEB");

	/* configured online on a down node: it failed */
	assert_int_equal(tfix_group(f, "Stranded")->state, CM_GROUP_FAILED);

	/* bulk groups, spread round robin over the nodes */
	g = tfix_group(f, "Bench 0001");
	assert_string_equal(g->owner->name, "n1");
	assert_string_equal(tfix_group(f, "Bench 0002")->owner->name, "n2");
	assert_non_null(clus_group_by_name(f->m, "Bench 0250"));
	assert_null(clus_group_by_name(f->m, "Bench 0251"));
	assert_int_equal(g->resources.count, 2);
	assert_string_equal(clus_group_first_resource(g)->name,
			    "Bench 0001 Resource 1");
	assert_int_equal(clus_model_num_groups(f->m), 252);
	assert_int_equal(clus_model_num_resources(f->m), 503);
	for (g = clus_group_first(f->m); g != NULL; g = clus_group_next(g)) {
		n++;
	}
	assert_int_equal(n, 252);

	assert_int_equal(clus_groupset_by_name(f->m, "Front")->num_members, 1);
	assert_string_equal(clus_depexpr_string(
				    f, &clus_groupset_by_name(f->m,
							      "Back")->deps),
			    "[Front]");

	key = clus_regkey_by_path(f->m, "Parameters\\Deep");
	assert_non_null(key);
	assert_ptr_equal(key->parent, clus_regkey_by_path(f->m,
							  "Parameters"));
	v = clus_regkey_get_value(key, "Level");
	assert_int_equal(v->type, CM_REG_DWORD);
	assert_int_equal(v->len, 4);
	assert_int_equal(v->data[0], 3);
	v = clus_regkey_get_value(key, "");
	assert_string_equal((const char *)v->data, "default");
	v = clus_regkey_get_value(key, "List");
	assert_int_equal(v->type, CM_REG_MULTI_SZ);
	assert_int_equal(v->len, 5);
	assert_memory_equal(v->data, "a\0b\0\0", 5);
	v = clus_regkey_get_value(key, "Blob");
	assert_int_equal(v->len, 3);
	assert_memory_equal(v->data, "\x00\xff\x10", 3);
	tfix_check_consistent(f->m, true);
}

static void expect_error(struct tfix *f, const char *text, const char *what)
{
	struct clus_model_options o = {
		.config_text = text,
	};
	struct clus_model *m = NULL;
	char *errmsg = NULL;

	assert_err(clus_model_open(f, f->ev, &o, &m, &errmsg),
		   CM_ERROR_INVALID_DATA);
	assert_null(m);
	assert_non_null(errmsg);
	if (strstr(errmsg, what) == NULL) {
		fail_msg("'%s' does not say '%s'", errmsg, what);
	}
}

static void test_config_errors(void **state)
{
	struct tfix *f = *state;

	expect_error(f, "[node a]\n[frob x]\n", "<config>:2: unknown section");
	expect_error(f, "[node a]\ncolour = blue\n",
		     "<config>:2: unknown key 'colour'");
	expect_error(f, "name = x\n", "<config>:1: 'name = x' outside");
	expect_error(f, "[node a]\njust words\n", "<config>:2: expected");
	expect_error(f, "[node a\n", "<config>:1: section header");
	expect_error(f, "[cluster]\nname = c\n", "no [node] defined");
	expect_error(f, "[node a]\n[node a]\n", "<config>:2: node 'a' defined "
		     "twice");
	expect_error(f, "[node a]\n[group g]\npreferred = a, b\n",
		     "<config>:3: unknown node 'b'");
	expect_error(f, "[node a]\n[group g]\npriority = lots\n",
		     "<config>:3: 'priority' wants a number");
	expect_error(f, "[node a]\n[groups]\nprefix = x\n",
		     "[groups] needs a count");
	expect_error(f, "[node a]\n[group g]\n[resource r]\ngroup = g\n"
		     "type = nope\n", "unknown type 'nope'");
	expect_error(f, "[node a]\n[restype T]\n[group g]\n[resource r]\n"
		     "group = g\ntype = T\ndepends = missing\n",
		     "<config>:7: bad dependency");
	expect_error(f, "[node a]\n[regkey K]\nv = dword:x\n",
		     "<config>:3: bad number");
	expect_error(f, "[cluster]\nlocal_node = zz\n[node a]\n",
		     "unknown local_node 'zz'");
	expect_error(f, "[node a]\n[network N]\n[network N]\n",
		     "<config>:3: network 'N' defined twice");
	expect_error(f, "[node a]\n[network N]\nid = x\n[network M]\n"
		     "id = x\n", "<config>:4: network 'M' needs a unique id");
	expect_error(f, "[node a]\n[network N]\n[netif i]\nnode = a\n"
		     "network = N\n[netif i]\n",
		     "<config>:6: interface 'i' defined twice");
	expect_error(f, "[node a]\n[network N]\nid = x\n[netif i]\n"
		     "id = x\nnode = a\nnetwork = N\n[netif j]\nid = x\n",
		     "<config>:8: interface 'j' needs a unique id");
	expect_error(f, "[node a]\n[group g]\nid = x\n[group h]\nid = x\n",
		     "<config>:4: group 'h' needs a unique id");
	expect_error(f, "[node a]\n[restype T]\n[group g]\n[resource r]\n"
		     "id = x\ngroup = g\ntype = T\n[resource s]\nid = x\n"
		     "group = g\ntype = T\n",
		     "<config>:8: resource 's' needs a unique id");
}

/* a group's and a resource's id as the file gives it */
static void test_config_ids(void **state)
{
	struct tfix *f = *state;

	assert_err(tfix_open(f, "[node a]\n[restype T]\n[group g]\n"
			     "id = web\n[resource r]\nid = web-ip\n"
			     "group = g\ntype = T\n"), CM_ERROR_SUCCESS);
	assert_ptr_equal(clus_group_by_id(f->m, "web"), tfix_group(f, "g"));
	assert_ptr_equal(clus_resource_by_id(f->m, "web-ip"),
			 tfix_res(f, "r"));
}

static void test_config_file(void **state)
{
	struct tfix *f = *state;
	struct clus_model_options o = { 0 };
	char path[] = "/tmp/clusmodel-conf-XXXXXX";
	char *errmsg = NULL;
	const char *text = "[node only]\n[group g]\nstate = sideways\n";
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	o.config_file = path;
	assert_err(clus_model_open(f, f->ev, &o, &f->m, &errmsg),
		   CM_ERROR_INVALID_DATA);
	assert_non_null(strstr(errmsg, path));
	assert_non_null(strstr(errmsg, ":3: 'state': unknown value "
			       "'sideways'"));
	unlink(path);
	o.config_file = path;
	assert_err(clus_model_open(f, f->ev, &o, &f->m, &errmsg),
		   CM_ERROR_FILE_NOT_FOUND);
}

static void test_objects(void **state)
{
	struct tfix *f = *state;
	struct clus_group *cg = tfix_group(f, "Cluster Group");
	struct clus_group *app = tfix_group(f, "Application Group");
	struct clus_group *g;
	struct clus_resource *r, *ip = tfix_res(f, "IP Address");
	struct clus_resource *svc = tfix_res(f, "Application Service");
	struct clus_resource *netname = tfix_res(f, "Network Name");
	struct clus_restype *rt;
	struct clus_groupset *set, *s2;

	/* groups: names are unique among names and ids */
	assert_err(clus_group_create(f->m, "Application Group",
				     CM_GROUP_TYPE_UNKNOWN, &g),
		   CM_ERROR_OBJECT_ALREADY_EXISTS);
	assert_err(clus_group_create(f->m, app->id, CM_GROUP_TYPE_UNKNOWN,
				     &g), CM_ERROR_OBJECT_ALREADY_EXISTS);
	assert_err(clus_group_create(f->m, "", CM_GROUP_TYPE_UNKNOWN, &g),
		   CM_ERROR_INVALID_NAME);
	assert_err(clus_group_create(f->m, "New", CM_GROUP_TYPE_UNKNOWN, &g),
		   CM_ERROR_SUCCESS);
	assert_string_equal(g->owner->name, "NodeA");
	assert_int_equal(g->state, CM_GROUP_OFFLINE);
	assert_int_equal(g->state_seq, 0);
	assert_err(clus_group_rename(f->m, g, "cluster group"),
		   CM_ERROR_OBJECT_ALREADY_EXISTS);
	assert_err(clus_group_rename(f->m, g, "NEW"), CM_ERROR_SUCCESS);
	assert_ptr_equal(clus_group_by_name(f->m, "new"), g);

	/* ApiDeleteGroup: non-empty, core */
	assert_err(clus_group_delete(f->m, cg, true), CM_ERROR_CORE_RESOURCE);
	assert_err(clus_group_delete(f->m, app, false),
		   CM_ERROR_DIR_NOT_EMPTY);
	assert_err(clus_group_delete(f->m, g, false), CM_ERROR_SUCCESS);
	assert_null(clus_group_by_name(f->m, "NEW"));

	/* smbtorture's CreateResource "wurst" in "Cluster Group" */
	assert_err(clus_resource_create(f->m, cg, "wurst", "Generic Service",
					0, &r), CM_ERROR_SUCCESS);
	assert_int_equal(r->state, CM_RES_OFFLINE);
	assert_int_equal(r->num_possible, 3);
	assert_err(clus_resource_create(f->m, app, "WURST", "Generic Service",
					0, &r), CM_ERROR_OBJECT_ALREADY_EXISTS);
	assert_err(clus_resource_create(f->m, cg, "x", "No Such Type", 0, &r),
		   CM_ERROR_CLUSTER_RESOURCE_TYPE_NOT_FOUND);
	r = tfix_res(f, "wurst");
	assert_err(clus_resource_rename(f->m, r, "Cluster Name"),
		   CM_ERROR_OBJECT_ALREADY_EXISTS);
	assert_err(clus_resource_rename(f->m, r, "wurst2"), CM_ERROR_SUCCESS);
	assert_err(clus_resource_delete(f->m, r), CM_ERROR_SUCCESS);
	assert_err(clus_resource_delete(f->m, tfix_res(f, "Cluster Name")),
		   CM_ERROR_CORE_RESOURCE);
	assert_err(clus_resource_delete(f->m, tfix_res(f, "Cluster Disk 1")),
		   CM_ERROR_CORE_RESOURCE);
	assert_err(clus_resource_delete(f->m, svc), CM_ERROR_RESOURCE_ONLINE);

	/* dependencies */
	assert_err(clus_resource_add_dependency(f->m, svc, netname),
		   CM_ERROR_DEPENDENCY_ALREADY_EXISTS);
	assert_err(clus_resource_add_dependency(f->m, ip, svc),
		   CM_ERROR_CIRCULAR_DEPENDENCY);
	assert_err(clus_resource_can_depend(f->m, svc,
					    tfix_res(f, "Cluster Name")),
		   CM_ERROR_DEPENDENCY_NOT_ALLOWED);
	assert_err(clus_resource_add_dependency(f->m, svc, ip),
		   CM_ERROR_SUCCESS);
	assert_string_equal(clus_resource_dependency_expression(f, svc),
			    "[Network Name] and [IP Address]");
	assert_err(clus_resource_remove_dependency(f->m, svc, netname),
		   CM_ERROR_SUCCESS);
	assert_string_equal(clus_resource_dependency_expression(f, svc),
			    "[IP Address]");
	assert_err(clus_resource_remove_dependency(f->m, svc, netname),
		   CM_ERROR_DEPENDENCY_NOT_FOUND);
	assert_err(clus_resource_set_dependency_expression(
			   f->m, svc, "([IP Address] or [Network Name])"),
		   CM_ERROR_SUCCESS);
	assert_string_equal(clus_resource_dependency_expression(f, svc),
			    "([IP Address] or [Network Name])");
	assert_err(clus_resource_set_dependency_expression(
			   f->m, svc, "[IP Address] and"),
		   CM_ERROR_INVALID_PARAMETER);
	assert_err(clus_resource_set_dependency_expression(
			   f->m, svc, "[Cluster Name]"),
		   CM_ERROR_DEPENDENCY_NOT_FOUND);
	assert_err(clus_resource_set_dependency_expression(
			   f->m, ip, "[Application Service]"),
		   CM_ERROR_CIRCULAR_DEPENDENCY);

	/* possible owners */
	assert_err(clus_resource_add_possible_owner(f->m, ip,
						    tfix_node(f, "NodeB")),
		   CM_ERROR_OBJECT_ALREADY_EXISTS);

	/* resource types */
	assert_err(clus_restype_create(f->m, "Physical Disk", NULL, NULL, 0,
				       0, &rt), CM_ERROR_ALREADY_EXISTS);
	assert_err(clus_restype_create(f->m, "Custom Type", "Custom",
				       "custom.dll", 100, 200, &rt),
		   CM_ERROR_SUCCESS);
	assert_string_equal(rt->dll_name, "custom.dll");
	assert_err(clus_restype_delete(f->m, clus_restype_by_name(
					       f->m, "IP Address")),
		   CM_ERROR_DIR_NOT_EMPTY);
	assert_err(clus_restype_delete(f->m, rt), CM_ERROR_SUCCESS);
	assert_null(clus_restype_by_name(f->m, "Custom Type"));

	/* group sets */
	assert_err(clus_groupset_create(f->m, "Cluster Group", &set),
		   CM_ERROR_OBJECT_ALREADY_EXISTS);
	assert_err(clus_groupset_create(f->m, "", &set),
		   CM_ERROR_INVALID_NAME);
	assert_err(clus_groupset_create(f->m, "Apps", &set),
		   CM_ERROR_SUCCESS);
	assert_err(clus_groupset_create(f->m, "More", &s2), CM_ERROR_SUCCESS);
	assert_err(clus_groupset_add_group(f->m, set, app), CM_ERROR_SUCCESS);
	assert_err(clus_groupset_add_group(f->m, set, app),
		   CM_ERROR_OBJECT_ALREADY_EXISTS);
	assert_err(clus_groupset_add_group(f->m, s2, app),
		   CM_ERROR_INVALID_STATE);
	assert_err(clus_groupset_move_group(f->m, s2, app), CM_ERROR_SUCCESS);
	assert_int_equal(set->num_members, 0);
	assert_ptr_equal(app->groupset, s2);
	assert_err(clus_groupset_delete(f->m, s2), CM_ERROR_DIR_NOT_EMPTY);
	assert_err(clus_groupset_add_dependency(f->m, s2, set),
		   CM_ERROR_SUCCESS);
	assert_err(clus_groupset_add_dependency(f->m, set, s2),
		   CM_ERROR_CIRCULAR_DEPENDENCY);
	assert_err(clus_group_add_groupset_dependency(f->m, cg, set),
		   CM_ERROR_SUCCESS);
	assert_string_equal(clus_depexpr_string(f, &cg->deps), "[Apps]");
	assert_err(clus_groupset_delete(f->m, set), CM_ERROR_SUCCESS);
	assert_string_equal(clus_depexpr_string(f, &cg->deps), "");
	assert_string_equal(clus_depexpr_string(f, &s2->deps), "");
	assert_err(clus_groupset_remove_group(f->m, app), CM_ERROR_SUCCESS);
	assert_err(clus_groupset_remove_group(f->m, app),
		   CM_ERROR_INVALID_STATE);

	/* cluster name: "stored" even when unchanged, like Windows */
	assert_err(clus_model_set_cluster_name(f->m, "CLUSTER1"),
		   CM_ERROR_RESOURCE_PROPERTIES_STORED);
	assert_err(clus_model_set_cluster_name(f->m, ""),
		   CM_ERROR_INVALID_NAME);
	tfix_check_consistent(f->m, true);
}

static void test_registry(void **state)
{
	struct tfix *f = *state;
	struct clus_regkey *root = clus_regkey_root(f->m);
	struct clus_regkey *k, *k2;
	struct clus_regkey_info info;
	bool created;

	assert_err(clus_regkey_open(f->m, root, "Nope", &k),
		   CM_ERROR_FILE_NOT_FOUND);
	assert_err(clus_regkey_create(f->m, root, "A\\B\\C", &k, &created),
		   CM_ERROR_SUCCESS);
	assert_true(created);
	assert_string_equal(k->path, "A\\B\\C");
	assert_err(clus_regkey_create(f->m, root, "a\\b\\c", &k2, &created),
		   CM_ERROR_SUCCESS);
	assert_false(created);
	assert_ptr_equal(k, k2);
	assert_err(clus_regkey_open(f->m, clus_regkey_by_path(f->m, "A"),
				    "B\\C", &k2), CM_ERROR_SUCCESS);
	assert_ptr_equal(k, k2);
	assert_err(clus_regkey_create(f->m, root, "A\\\\B", &k2, NULL),
		   CM_ERROR_INVALID_PARAMETER);

	assert_err(clus_regkey_set_value(f->m, k, "S", CM_REG_SZ,
					 (const uint8_t *)"hello", 6),
		   CM_ERROR_SUCCESS);
	assert_err(clus_regkey_set_value(f->m, k, "s", CM_REG_SZ,
					 (const uint8_t *)"bye", 4),
		   CM_ERROR_SUCCESS);
	assert_int_equal(k->values.count, 1);
	assert_string_equal((char *)clus_regkey_get_value(k, "S")->data, "bye");
	clus_regkey_query_info(k, &info);
	assert_int_equal(info.num_values, 1);
	assert_int_equal(info.max_value_len, 4);
	assert_err(clus_regkey_delete_value(f->m, k, "S"), CM_ERROR_SUCCESS);
	assert_err(clus_regkey_delete_value(f->m, k, "S"),
		   CM_ERROR_FILE_NOT_FOUND);

	assert_err(clus_regkey_delete(f->m, root), CM_ERROR_ACCESS_DENIED);
	k2 = clus_regkey_by_path(f->m, "A\\B");
	assert_err(clus_regkey_delete(f->m, k2), CM_ERROR_ACCESS_DENIED);
	assert_err(clus_regkey_delete(f->m, k), CM_ERROR_SUCCESS);
	assert_int_equal(k2->num_subkeys, 0);
	assert_null(clus_regkey_by_path(f->m, "A\\B\\C"));

	assert_err(clus_regkey_set_security(f->m, k2, (const uint8_t *)"x", 1),
		   CM_ERROR_INVALID_PARAMETER);
}

/* The benchmark size: 100,000 groups, in memory */
static void test_100k_groups(void **state)
{
	struct tfix *f = *state;
	const char *text =
		"[node A]\n[node B]\n[restype Generic Application]\n"
		"[groups]\ncount = 100000\nprefix = G\nresources = 1\n"
		"state = online\n";
	struct clus_group *g;
	uint32_t n = 0;

	assert_err(tfix_open(f, text), CM_ERROR_SUCCESS);
	for (g = clus_group_first(f->m); g != NULL; g = clus_group_next(g)) {
		n++;
	}
	assert_int_equal(n, 100000);
	g = tfix_group(f, "G77777");
	assert_ptr_equal(clus_group_by_id(f->m, g->id), g);
	assert_string_equal(g->owner->name, "A");
	assert_int_equal(g->state, CM_GROUP_ONLINE);
	assert_err(clus_group_move(f->m, g, tfix_node(f, "B"), 0),
		   CM_ERROR_IO_PENDING);
	tfix_wait_group(f, g);
	assert_string_equal(g->owner->name, "B");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_small_config, setup_empty,
						tfix_teardown),
		cmocka_unit_test_setup_teardown(test_config_errors,
						setup_empty, tfix_teardown),
		cmocka_unit_test_setup_teardown(test_config_ids, setup_empty,
						tfix_teardown),
		cmocka_unit_test_setup_teardown(test_config_file, setup_empty,
						tfix_teardown),
		cmocka_unit_test_setup_teardown(test_objects,
						tfix_setup_memory,
						tfix_teardown),
		cmocka_unit_test_setup_teardown(test_registry,
						tfix_setup_memory,
						tfix_teardown),
		cmocka_unit_test_setup_teardown(test_100k_groups, setup_empty,
						tfix_teardown),
	};

	return cmocka_run_group_tests_name("model_config", tests, NULL, NULL);
}
