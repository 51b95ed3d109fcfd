/*
 * clusapi - cluster model tests: registry batches
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "model_fixture.h"

#define CMD(c, n) { .command = (c), .name = (n) }
#define SET_SZ(n, v) { .command = CM_BATCH_SET_VALUE, .type = CM_REG_SZ, \
		       .name = (n), .data = (const uint8_t *)(v), \
		       .len = sizeof(v) }

static struct clus_regkey *key(struct tfix *f, const char *path)
{
	return clus_regkey_by_path(f->m, path);
}

static void test_batch_applies(void **state)
{
	struct tfix *f = *state;
	struct clus_regkey *root = clus_regkey_root(f->m);
	const struct clus_regbatch_cmd cmds[] = {
		CMD(CM_BATCH_CONDITION_KEY_NOT_EXISTS, "App"),
		CMD(CM_BATCH_CREATE_KEY, "App\\Settings"),
		SET_SZ("Mode", "fast"),
		CMD(CM_BATCH_CONDITION_EXISTS, "Mode"),
	};
	const struct clus_prop *v;
	int32_t failed = 99;

	assert_err(clus_regkey_batch(f->m, root, cmds, 4, &failed),
		   CM_ERROR_SUCCESS);
	assert_int_equal(failed, -1);
	assert_non_null(key(f, "App\\Settings"));
	v = clus_regkey_get_value(key(f, "App\\Settings"), "Mode");
	assert_non_null(v);
	assert_string_equal((const char *)v->data, "fast");
}

static void test_failed_condition_changes_nothing(void **state)
{
	struct tfix *f = *state;
	struct clus_regkey *root = clus_regkey_root(f->m);
	const struct clus_regbatch_cmd cmds[] = {
		CMD(CM_BATCH_CREATE_KEY, "Other"),
		SET_SZ("Mode", "slow"),
		CMD(CM_BATCH_CONDITION_NOT_EXISTS, "Mode"),
	};
	int32_t failed = -1;

	assert_err(clus_regkey_batch(f->m, root, cmds, 3, &failed),
		   CM_ERROR_INVALID_STATE);
	assert_int_equal(failed, 2);
	assert_null(key(f, "Other"));
}

static void test_delete_tree(void **state)
{
	struct tfix *f = *state;
	struct clus_regkey *root = clus_regkey_root(f->m);
	const struct clus_regbatch_cmd make[] = {
		CMD(CM_BATCH_CREATE_KEY, "T\\A\\B"),
		SET_SZ("x", "1"),
		CMD(CM_BATCH_CREATE_KEY, "T\\C"),
	};
	const struct clus_regbatch_cmd del[] = {
		CMD(CM_BATCH_DELETE_KEY, "T"),
		SET_SZ("y", "2"),	/* no current key after a delete */
	};
	const struct clus_regbatch_cmd del_ok[] = {
		CMD(CM_BATCH_DELETE_KEY, "T"),
	};
	int32_t failed = -1;

	assert_err(clus_regkey_batch(f->m, root, make, 3, &failed),
		   CM_ERROR_SUCCESS);
	assert_err(clus_regkey_batch(f->m, root, del, 2, &failed),
		   CM_ERROR_INVALID_PARAMETER);
	assert_int_equal(failed, 1);
	assert_non_null(key(f, "T\\A\\B"));
	assert_err(clus_regkey_batch(f->m, root, del_ok, 1, &failed),
		   CM_ERROR_SUCCESS);
	assert_null(key(f, "T"));
	assert_null(key(f, "T\\A\\B"));
	assert_null(key(f, "T\\C"));
}

static void test_batch_survives_reopen(void **state)
{
	struct tfix *f = *state;
	const struct clus_regbatch_cmd cmds[] = {
		CMD(CM_BATCH_CREATE_KEY, "Kept"),
		SET_SZ("v", "yes"),
	};
	int32_t failed;

	assert_err(clus_regkey_batch(f->m, clus_regkey_root(f->m), cmds, 2,
				     &failed), CM_ERROR_SUCCESS);
	TALLOC_FREE(f->m);
	assert_err(tfix_open(f, NULL), CM_ERROR_SUCCESS);
	assert_non_null(clus_regkey_get_value(key(f, "Kept"), "v"));
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, tfix_setup_disk, \
					      tfix_teardown)
	const struct CMUnitTest tests[] = {
		T(test_batch_applies),
		T(test_failed_condition_changes_nothing),
		T(test_delete_tree),
		T(test_batch_survives_reopen),
	};
#undef T

	return cmocka_run_group_tests_name("model_regbatch", tests, NULL,
					   NULL);
}
