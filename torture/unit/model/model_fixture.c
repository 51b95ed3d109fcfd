/*
 * clusapi - the fixture and helpers shared by the cluster model unit tests
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "model_fixture.h"

uint32_t tfix_open(struct tfix *f, const char *config_text)
{
	struct clus_model_options o = {
		.state_dir = f->dir,
		.config_text = config_text,
		.transition_ms = TEST_TRANSITION_MS,
		.no_fsync = true,
	};
	char *errmsg = NULL;
	uint32_t err;

	err = clus_model_open(f->mem, f->ev, &o, &f->m, &errmsg);
	if (err != CM_ERROR_SUCCESS) {
		print_message("clus_model_open: %s\n",
			      errmsg != NULL ? errmsg : "?");
		f->m = NULL;
	}
	return err;
}

char *tfix_mkdir(TALLOC_CTX *mem_ctx)
{
	char tmpl[] = "/tmp/clusmodel-test-XXXXXX";

	if (mkdtemp(tmpl) == NULL) {
		return NULL;
	}
	return talloc_strdup(mem_ctx, tmpl);
}

void tfix_rmdir(const char *dir)
{
	char path[512];

	if (dir == NULL) {
		return;
	}
	snprintf(path, sizeof(path), "%s/clusmodel.tdb", dir);
	unlink(path);
	rmdir(dir);
}

/* A fixture with the default cluster, in memory or in a fresh dir */
int tfix_setup(void **state, bool persistent)
{
	struct tfix *f = talloc_zero(NULL, struct tfix);

	assert_non_null(f);
	f->mem = f;
	f->ev = tevent_context_init(f);
	assert_non_null(f->ev);
	if (persistent) {
		f->dir = tfix_mkdir(f);
		assert_non_null(f->dir);
	}
	assert_err(tfix_open(f, NULL), CM_ERROR_SUCCESS);
	*state = f;
	return 0;
}

int tfix_setup_memory(void **state)
{
	return tfix_setup(state, false);
}

int tfix_setup_disk(void **state)
{
	return tfix_setup(state, true);
}

int tfix_teardown(void **state)
{
	struct tfix *f = *state;
	char *dir = f->dir != NULL ? strdup(f->dir) : NULL;

	talloc_free(f);
	tfix_rmdir(dir);
	free(dir);
	return 0;
}

/* Run the loop until @cond holds; false if it never did */
bool tfix_run_until(struct tfix *f, tfix_cond_fn cond, void *private_data)
{
	int i;

	for (i = 0; i < TEST_MAX_ITERATIONS; i++) {
		if (cond(private_data)) {
			return true;
		}
		if (tevent_loop_once(f->ev) != 0) {
			return false;
		}
	}
	return cond(private_data);
}

bool tfix_group_settled(void *private_data)
{
	return !clus_group_is_pending(private_data);
}

bool tfix_all_settled_m(struct clus_model *m)
{
	struct clus_group *g;

	for (g = clus_group_first(m); g != NULL; g = clus_group_next(g)) {
		if (clus_group_is_pending(g)) {
			return false;
		}
	}
	return true;
}

bool tfix_all_settled(void *private_data)
{
	return tfix_all_settled_m(private_data);
}

void tfix_wait_group(struct tfix *f, struct clus_group *g)
{
	assert_true(tfix_run_until(f, tfix_group_settled, g));
}

void tfix_wait_all(struct tfix *f)
{
	assert_true(tfix_run_until(f, tfix_all_settled, f->m));
}

struct clus_group *tfix_group(struct tfix *f, const char *name)
{
	struct clus_group *g = clus_group_by_name(f->m, name);

	assert_non_null(g);
	return g;
}

struct clus_node *tfix_node(struct tfix *f, const char *name)
{
	struct clus_node *n = clus_node_by_name(f->m, name);

	assert_non_null(n);
	return n;
}

struct clus_resource *tfix_res(struct tfix *f, const char *name)
{
	struct clus_resource *r = clus_resource_by_name(f->m, name);

	assert_non_null(r);
	return r;
}

/*
 * Invariants every settled model must satisfy: every owner a real node,
 * every resource in exactly one existing group, no pending state.
 */
void tfix_check_consistent(struct clus_model *m, bool settled)
{
	struct clus_group *g;
	struct clus_resource *r;
	uint32_t nres = 0;

	for (g = clus_group_first(m); g != NULL; g = clus_group_next(g)) {
		assert_non_null(g->owner);
		assert_ptr_equal(clus_node_by_id(m, g->owner->id), g->owner);
		assert_ptr_equal(clus_group_by_id(m, g->id), g);
		assert_ptr_equal(clus_group_by_name(m, g->name), g);
		for (r = clus_group_first_resource(g); r != NULL;
		     r = clus_group_next_resource(r)) {
			assert_ptr_equal(r->group, g);
			nres++;
			if (settled) {
				assert_int_not_equal(r->state,
						     CM_RES_ONLINE_PENDING);
				assert_int_not_equal(r->state,
						     CM_RES_OFFLINE_PENDING);
			}
		}
		if (settled) {
			assert_false(clus_group_is_pending(g));
			assert_int_not_equal(g->state, CM_GROUP_PENDING);
		}
	}
	assert_int_equal(nres, clus_model_num_resources(m));
	for (r = clus_resource_first(m); r != NULL; r = clus_resource_next(r)) {
		assert_ptr_equal(clus_resource_by_id(m, r->id), r);
		assert_ptr_equal(clus_group_by_id(m, r->group->id), r->group);
	}
}

int tfix_copy_file(const char *src, const char *dst)
{
	char buf[65536];
	int in, out;
	ssize_t n;

	in = open(src, O_RDONLY);
	if (in == -1) {
		return -1;
	}
	out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (out == -1) {
		close(in);
		return -1;
	}
	while ((n = read(in, buf, sizeof(buf))) > 0) {
		if (write(out, buf, n) != n) {
			n = -1;
			break;
		}
	}
	close(in);
	close(out);
	return n < 0 ? -1 : 0;
}
