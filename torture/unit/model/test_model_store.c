/*
 * clusapi - cluster model tests: the tdb store, crashes, corruption,
 * failed commits
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "model_fixture.h"

#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <tdb.h>

#define APP "Application Group"

static void reopen(struct tfix *f)
{
	TALLOC_FREE(f->m);
	assert_err(tfix_open(f, NULL), CM_ERROR_SUCCESS);
}

static char *tdb_path(TALLOC_CTX *mem_ctx, const char *dir)
{
	return talloc_asprintf(mem_ctx, "%s/clusmodel.tdb", dir);
}

static void test_survives_reopen(void **state)
{
	struct tfix *f = *state;
	struct clus_group *g, *app = tfix_group(f, APP);
	struct clus_resource *r, *r2;
	struct clus_groupset *set;
	struct clus_regkey *key;
	char *ids[16];
	char *instance = talloc_strdup(
		f, clus_model_cluster(f->m)->instance_id);
	char *app_id = talloc_strdup(f, app->id);
	uint32_t app_seq;
	int n = 0, i;

	assert_err(clus_group_create(f->m, "Persisted", CM_GROUP_TYPE_UNKNOWN,
				     &g), CM_ERROR_SUCCESS);
	assert_err(clus_resource_create(f->m, g, "P1", "Generic Service", 0,
					&r), CM_ERROR_SUCCESS);
	assert_err(clus_resource_create(f->m, g, "P2", "IP Address", 0,
					&r2), CM_ERROR_SUCCESS);
	assert_err(clus_resource_add_dependency(f->m, r, r2),
		   CM_ERROR_SUCCESS);
	assert_err(clus_resource_set_prop(f->m, r, "ServiceName", CM_REG_SZ,
					  (const uint8_t *)"svc", 4),
		   CM_ERROR_SUCCESS);
	assert_err(clus_group_rename(f->m, g, "Persisted Group"),
		   CM_ERROR_SUCCESS);
	assert_err(clus_group_move(f->m, app, tfix_node(f, "NodeB"), 0),
		   CM_ERROR_IO_PENDING);
	tfix_wait_group(f, app);
	app_seq = app->state_seq;
	assert_err(clus_node_pause(f->m, tfix_node(f, "NodeC"), false, NULL),
		   CM_ERROR_SUCCESS);
	assert_err(clus_groupset_create(f->m, "Set", &set), CM_ERROR_SUCCESS);
	assert_err(clus_groupset_add_group(f->m, set, g), CM_ERROR_SUCCESS);
	assert_err(clus_regkey_create(f->m, clus_regkey_root(f->m),
				      "Custom\\Sub", &key, NULL),
		   CM_ERROR_SUCCESS);
	assert_err(clus_regkey_set_value(f->m, key, "Answer", CM_REG_DWORD,
					 (const uint8_t *)"\x2a\0\0\0", 4),
		   CM_ERROR_SUCCESS);
	assert_err(clus_model_set_cluster_name(f->m, "RENAMED"),
		   CM_ERROR_RESOURCE_PROPERTIES_STORED);
	for (g = clus_group_first(f->m); g != NULL; g = clus_group_next(g)) {
		ids[n++] = talloc_strdup(f, g->id);
	}

	reopen(f);

	assert_string_equal(clus_model_cluster(f->m)->instance_id, instance);
	assert_string_equal(clus_model_cluster(f->m)->name, "RENAMED");
	i = 0;
	for (g = clus_group_first(f->m); g != NULL; g = clus_group_next(g)) {
		assert_string_equal(g->id, ids[i++]);
	}
	assert_int_equal(i, n);
	app = tfix_group(f, APP);
	assert_string_equal(app->id, app_id);
	assert_string_equal(app->owner->name, "NodeB");
	assert_int_equal(app->state, CM_GROUP_ONLINE);
	assert_int_equal(app->state_seq, app_seq);
	assert_int_equal(tfix_node(f, "NodeC")->state, CM_NODE_PAUSED);

	g = tfix_group(f, "Persisted Group");
	assert_null(clus_group_by_name(f->m, "Persisted"));
	assert_int_equal(g->resources.count, 2);
	r = clus_group_first_resource(g);
	assert_string_equal(r->name, "P1");
	assert_string_equal(clus_resource_dependency_expression(f, r), "[P2]");
	assert_string_equal(clus_prop_get_sz(&r->props, "ServiceName"), "svc");
	assert_ptr_equal(g->groupset, clus_groupset_by_name(f->m, "Set"));

	key = clus_regkey_by_path(f->m, "custom\\sub");
	assert_non_null(key);
	assert_int_equal(clus_regkey_get_value(key, "answer")->data[0], 42);
	assert_string_equal((const char *)clus_regkey_get_value(
				    clus_regkey_root(f->m),
				    "ClusterName")->data, "RENAMED");

	/* renames in expressions follow the provider */
	assert_err(clus_resource_rename(f->m, tfix_res(f, "P2"), "P2 new"),
		   CM_ERROR_SUCCESS);
	reopen(f);
	assert_string_equal(clus_resource_dependency_expression(
				    f, tfix_res(f, "P1")), "[P2 new]");
	tfix_check_consistent(f->m, true);
}

/* Open a copy of the store as it is now, as a restart after kill -9 */
static struct clus_model *open_snapshot(struct tfix *f, int k)
{
	struct clus_model_options o = {
		.transition_ms = TEST_TRANSITION_MS,
		.no_fsync = true,
	};
	struct clus_model *m = NULL;
	char *dir = talloc_asprintf(f, "%s-copy%d", f->dir, k);
	char *errmsg = NULL;

	assert_int_equal(mkdir(dir, 0700), 0);
	assert_int_equal(tfix_copy_file(tdb_path(f, f->dir),
					tdb_path(f, dir)), 0);
	o.state_dir = dir;
	if (clus_model_open(f, f->ev, &o, &m, &errmsg) != CM_ERROR_SUCCESS) {
		fail_msg("snapshot %d: %s", k, errmsg);
	}
	return m;
}

static void drop_snapshot(struct tfix *f, struct clus_model *m, int k)
{
	char *dir = talloc_asprintf(f, "%s-copy%d", f->dir, k);

	talloc_free(m);
	tfix_rmdir(dir);
}

static void check_snapshot(struct clus_model *m, const char *owner)
{
	struct clus_group *g = clus_group_by_name(m, APP);
	struct clus_resource *r;

	tfix_check_consistent(m, true);
	assert_non_null(g);
	assert_string_equal(g->owner->name, owner);
	assert_int_equal(g->state, CM_GROUP_ONLINE);
	assert_int_equal(g->resources.count, 3);
	assert_int_equal(clus_model_num_groups(m), 3);
	assert_int_equal(clus_model_num_resources(m), 7);
	for (r = clus_group_first_resource(g); r != NULL;
	     r = clus_group_next_resource(r)) {
		assert_int_equal(r->state, CM_RES_ONLINE);
	}
}

static void test_crash_mid_move(void **state)
{
	struct tfix *f = *state;
	struct clus_group *g = tfix_group(f, APP);
	int k = 0;

	/*
	 * Snapshot the file at every step of the move: whatever the phase,
	 * a restart finds the group settled, and since the target is still
	 * Up the move lands there.
	 */
	assert_err(clus_group_move(f->m, g, tfix_node(f, "NodeB"), 0),
		   CM_ERROR_IO_PENDING);
	while (clus_group_is_pending(g)) {
		struct clus_model *m = open_snapshot(f, k);

		check_snapshot(m, "NodeB");
		drop_snapshot(f, m, k);
		k++;
		assert_true(k < 100);
		assert_int_equal(tevent_loop_once(f->ev), 0);
	}
	/* stopping (3 waves), hand-over and starting (3 waves) */
	assert_true(k >= 6);

	/*
	 * The target went down before the hand-over: on restart the move
	 * is rolled back and the group is up where it was.
	 */
	assert_err(clus_group_move(f->m, g, tfix_node(f, "NodeC"), 0),
		   CM_ERROR_IO_PENDING);
	assert_err(clus_node_set_state(f->m, tfix_node(f, "NodeC"),
				       CM_NODE_DOWN), CM_ERROR_SUCCESS);
	{
		struct clus_model *m = open_snapshot(f, k);

		check_snapshot(m, "NodeB");
		drop_snapshot(f, m, k);
	}
	tfix_wait_group(f, g);
	assert_int_equal(g->state, CM_GROUP_FAILED);
}

/*
 * The real thing: a child process moves groups around non-stop and is
 * killed with SIGKILL at an arbitrary point; the store must always open
 * consistent and settled, and the next child carries on from it.
 */
static void kill9_child(const char *dir, int fd)
{
	struct clus_model_options o = {
		.state_dir = dir,
		.transition_ms = 0,
		.no_fsync = true,
	};
	TALLOC_CTX *mem = talloc_new(NULL);
	struct tevent_context *ev = tevent_context_init(mem);
	struct clus_model *m;
	char *errmsg;
	uint32_t i;

	if (clus_model_open(mem, ev, &o, &m, &errmsg) != CM_ERROR_SUCCESS) {
		_exit(2);
	}
	for (i = 0;; i++) {
		struct clus_group *g;
		struct clus_node *n = clus_node_first(m);
		uint32_t j;

		for (j = 0; j < i % 3; j++) {
			n = clus_node_next(n);
		}
		for (g = clus_group_first(m); g != NULL;
		     g = clus_group_next(g)) {
			clus_group_move(m, g, n, 0);
		}
		if (i % 5 == 0) {
			struct clus_group *ng;

			clus_group_create(m, talloc_asprintf(mem, "K%u", i),
					  CM_GROUP_TYPE_UNKNOWN, &ng);
		}
		/* with nothing pending the loop would sleep forever */
		if (!tfix_all_settled_m(m)) {
			tevent_loop_once(ev);
		}
		if (write(fd, "x", 1) != 1) {
			_exit(3);
		}
	}
}

static void test_kill9(void **state)
{
	struct tfix *f = *state;
	int round;

	TALLOC_FREE(f->m);	/* the children own the store now */
	for (round = 0; round < 8; round++) {
		int fds[2];
		pid_t pid;
		char buf[64];
		int got = 0, want = 5 + (round * 7) % 40;
		int status;

		assert_int_equal(pipe(fds), 0);
		pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			close(fds[0]);
			kill9_child(f->dir, fds[1]);
		}
		close(fds[1]);
		while (got < want) {
			ssize_t n = read(fds[0], buf, 1);

			assert_int_equal(n, 1);
			got++;
		}
		kill(pid, SIGKILL);
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFSIGNALED(status));
		close(fds[0]);

		assert_err(tfix_open(f, NULL), CM_ERROR_SUCCESS);
		tfix_check_consistent(f->m, true);
		assert_int_equal(clus_model_num_nodes(f->m), 3);
		assert_int_equal(clus_model_num_resources(f->m), 7);
		TALLOC_FREE(f->m);
	}
}

static void store_edit(struct tfix *f, const char *key, const char *newkey,
		       int chop)
{
	struct tdb_context *tdb;
	TDB_DATA k, d;

	tdb = tdb_open(tdb_path(f, f->dir), 0, 0, O_RDWR, 0600);
	assert_non_null(tdb);
	k.dptr = (uint8_t *)key;
	k.dsize = strlen(key);
	d = tdb_fetch(tdb, k);
	assert_non_null(d.dptr);
	if (newkey != NULL) {
		TDB_DATA nk = { .dptr = (uint8_t *)newkey,
				.dsize = strlen(newkey) };

		assert_int_equal(tdb_store(tdb, nk, d, TDB_INSERT), 0);
	} else if (chop >= 0) {
		d.dsize -= chop;
		assert_int_equal(tdb_store(tdb, k, d, TDB_REPLACE), 0);
	} else {
		assert_int_equal(tdb_delete(tdb, k), 0);
	}
	free(d.dptr);
	tdb_close(tdb);
}

static void expect_corrupt(struct tfix *f, const char *what)
{
	struct clus_model_options o = {
		.state_dir = f->dir,
		.transition_ms = TEST_TRANSITION_MS,
	};
	struct clus_model *m = NULL;
	char *errmsg = NULL;

	assert_err(clus_model_open(f, f->ev, &o, &m, &errmsg),
		   CM_ERROR_BADDB);
	assert_null(m);
	assert_non_null(errmsg);
	if (strstr(errmsg, what) == NULL) {
		fail_msg("'%s' does not mention '%s'", errmsg, what);
	}
}

/* A new default store in f->dir, closed */
static void fresh_store(struct tfix *f)
{
	tfix_rmdir(f->dir);
	assert_int_equal(mkdir(f->dir, 0700), 0);
	assert_err(tfix_open(f, NULL), CM_ERROR_SUCCESS);
	TALLOC_FREE(f->m);
}

static void test_corrupt(void **state)
{
	struct tfix *f = *state;
	char *gkey = talloc_asprintf(f, "group/%s", tfix_group(f, APP)->id);
	char *msg;

	TALLOC_FREE(f->m);

	/* a truncated record: the message names it */
	store_edit(f, gkey, NULL, 3);
	msg = talloc_asprintf(f, "record '%s': truncated", gkey);
	expect_corrupt(f, msg);

	/* an unknown record */
	fresh_store(f);
	store_edit(f, "cluster", "junk/1", -1);
	expect_corrupt(f, "unknown record 'junk/1'");

	/* a record pointing at a node that is gone */
	fresh_store(f);
	store_edit(f, "node/3", NULL, -1);
	expect_corrupt(f, "does not exist");

	/* a record filed under the wrong key */
	fresh_store(f);
	store_edit(f, "node/3", "node/9", -1);
	expect_corrupt(f, "key does not match");
}

static bool app_moved(void *private_data)
{
	struct clus_group *g = private_data;

	return !clus_group_is_pending(g);
}

static void test_commit_failure(void **state)
{
	struct tfix *f = *state;
	struct clus_group *g, *app = tfix_group(f, APP);
	struct clus_group *storage = tfix_group(f, "Available Storage");
	struct clus_node *c = tfix_node(f, "NodeC");
	struct clus_regkey *key;
	uint32_t ngroups = clus_model_num_groups(f->m);
	uint32_t seq = app->state_seq;

	/* every refused commit leaves memory as it was */
	clus_model_test_fail_commits(f->m, 1);
	assert_err(clus_group_create(f->m, "Doomed", CM_GROUP_TYPE_UNKNOWN,
				     &g), CM_ERROR_CANTWRITE);
	assert_null(clus_group_by_name(f->m, "Doomed"));
	assert_int_equal(clus_model_num_groups(f->m), ngroups);

	clus_model_test_fail_commits(f->m, 1);
	assert_err(clus_group_move(f->m, app, tfix_node(f, "NodeB"), 0),
		   CM_ERROR_CANTWRITE);
	assert_false(clus_group_is_pending(app));
	assert_int_equal(app->state, CM_GROUP_ONLINE);
	assert_int_equal(app->state_seq, seq);
	assert_string_equal(app->owner->name, "NodeA");
	assert_int_equal(clus_group_first_resource(app)->state,
			 CM_RES_ONLINE);

	clus_model_test_fail_commits(f->m, 1);
	assert_err(clus_group_rename(f->m, app, "Other"), CM_ERROR_CANTWRITE);
	assert_string_equal(app->name, APP);
	assert_ptr_equal(clus_group_by_name(f->m, APP), app);
	assert_null(clus_group_by_name(f->m, "Other"));

	clus_model_test_fail_commits(f->m, 1);
	assert_err(clus_group_delete(f->m, storage, true), CM_ERROR_CANTWRITE);
	assert_ptr_equal(tfix_group(f, "Available Storage"), storage);
	assert_int_equal(storage->resources.count, 1);
	assert_non_null(clus_resource_by_name(f->m, "Cluster Disk 2"));

	clus_model_test_fail_commits(f->m, 1);
	assert_err(clus_node_evict(f->m, c), CM_ERROR_CANTWRITE);
	assert_ptr_equal(clus_node_by_name(f->m, "NodeC"), c);
	assert_int_equal(clus_model_num_netifs(f->m), 6);
	assert_int_equal(tfix_res(f, "IP Address")->num_possible, 3);
	assert_int_equal(app->num_preferred, 3);

	clus_model_test_fail_commits(f->m, 1);
	assert_err(clus_regkey_create(f->m, clus_regkey_root(f->m), "A\\B",
				      &key, NULL), CM_ERROR_CANTWRITE);
	assert_null(clus_regkey_by_path(f->m, "A"));
	tfix_check_consistent(f->m, true);

	/* the store has none of it either */
	reopen(f);
	app = tfix_group(f, APP);
	assert_string_equal(app->owner->name, "NodeA");
	assert_int_equal(clus_model_num_groups(f->m), ngroups);
	assert_non_null(clus_node_by_name(f->m, "NodeC"));

	/* a step of a running move that fails to commit is retried */
	assert_err(clus_group_move(f->m, app, tfix_node(f, "NodeB"), 0),
		   CM_ERROR_IO_PENDING);
	clus_model_test_fail_commits(f->m, 3);
	assert_true(tfix_run_until(f, app_moved, app));
	assert_string_equal(app->owner->name, "NodeB");
	assert_int_equal(app->state, CM_GROUP_ONLINE);
	reopen(f);
	assert_string_equal(tfix_group(f, APP)->owner->name, "NodeB");
}

/* common and private properties: a list lands whole, or not at all */
static void test_props_together(void **state)
{
	struct tfix *f = *state;
	struct clus_group *app = tfix_group(f, APP);
	struct clus_network *net;
	struct clus_common_set c = {
		.name = "Web", .description = "the web",
		.set = CM_COMMON_PERSISTENT_STATE | CM_COMMON_PRIORITY,
		.persistent_state = 0, .priority = 1000,
	};
	struct clus_prop props[2] = {
		{ .name = "A", .type = CM_REG_SZ,
		  .data = (uint8_t *)"a", .len = 2 },
		{ .name = "B", .type = CM_REG_SZ,
		  .data = (uint8_t *)"b", .len = 2 },
	};

	assert_err(clus_group_set_common(f->m, app, &c), CM_ERROR_SUCCESS);
	reopen(f);
	app = tfix_group(f, "Web");
	assert_string_equal(app->description, "the web");
	assert_int_equal(app->persistent_state, CM_GROUP_OFFLINE);
	assert_int_equal(app->priority, 1000);

	/* a name taken: nothing of the list changes */
	c = (struct clus_common_set) {
		.name = "Cluster Group", .description = "x",
		.set = CM_COMMON_PRIORITY, .priority = 1,
	};
	assert_err(clus_group_set_common(f->m, app, &c),
		   CM_ERROR_OBJECT_ALREADY_EXISTS);
	assert_string_equal(app->description, "the web");
	assert_int_equal(app->priority, 1000);

	/* a failed commit: memory as it was, the name index too */
	c.name = "Other";
	clus_model_test_fail_commits(f->m, 1);
	assert_err(clus_group_set_common(f->m, app, &c), CM_ERROR_CANTWRITE);
	assert_string_equal(app->name, "Web");
	assert_ptr_equal(clus_group_by_name(f->m, "Web"), app);
	assert_null(clus_group_by_name(f->m, "Other"));
	assert_string_equal(app->description, "the web");
	assert_int_equal(app->priority, 1000);

	clus_model_test_fail_commits(f->m, 1);
	assert_err(clus_group_set_props(f->m, app, props, 2),
		   CM_ERROR_CANTWRITE);
	assert_null(clus_prop_get(&app->props, "A"));
	assert_err(clus_group_set_props(f->m, app, props, 2),
		   CM_ERROR_SUCCESS);
	assert_non_null(clus_prop_get(&app->props, "A"));
	assert_non_null(clus_prop_get(&app->props, "B"));

	/* a network's Role out of range */
	net = clus_network_first(f->m);
	c = (struct clus_common_set) {
		.description = "y", .set = CM_COMMON_ROLE, .role = 9,
	};
	assert_err(clus_network_set_common(f->m, net, &c),
		   CM_ERROR_INVALID_DATA);
	assert_string_not_equal(net->description, "y");
	tfix_check_consistent(f->m, true);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, tfix_setup_disk, \
					      tfix_teardown)
	const struct CMUnitTest tests[] = {
		T(test_survives_reopen),
		T(test_crash_mid_move),
		T(test_kill9),
		T(test_corrupt),
		T(test_commit_failure),
		T(test_props_together),
	};
#undef T

	return cmocka_run_group_tests_name("model_store", tests, NULL, NULL);
}
