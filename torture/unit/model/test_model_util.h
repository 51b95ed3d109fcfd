/*
 * clusapi - helpers shared by the cluster model unit tests
 *
 * Copyright (C) 2026 The clusapi developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <https://www.gnu.org/licenses/>.
 */

#ifndef __TEST_MODEL_UTIL_H__
#define __TEST_MODEL_UTIL_H__

#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "model.h"

/*
 * Tests never assert durations: they drive the event loop until a
 * condition holds, with a generous bound on iterations.  Transitions
 * take 1 ms so the loop never idles long.
 */
#define TEST_TRANSITION_MS	1
#define TEST_MAX_ITERATIONS	10000

struct tfix {
	TALLOC_CTX *mem;
	struct tevent_context *ev;
	struct clus_model *m;
	char *dir;			/* state dir, NULL: in memory */
};

#define assert_err(expr, want) do {					\
	uint32_t _e = (expr);						\
	if (_e != (uint32_t)(want)) {					\
		fail_msg("%s: got %s, want %s", #expr,			\
			 clus_model_errstr(_e), clus_model_errstr(want)); \
	}								\
} while (0)

static inline __attribute__((unused))
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

static inline __attribute__((unused))
char *tfix_mkdir(TALLOC_CTX *mem_ctx)
{
	char tmpl[] = "/tmp/clusmodel-test-XXXXXX";

	if (mkdtemp(tmpl) == NULL) {
		return NULL;
	}
	return talloc_strdup(mem_ctx, tmpl);
}

static inline __attribute__((unused))
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
static inline __attribute__((unused))
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

static inline __attribute__((unused))
int tfix_setup_memory(void **state)
{
	return tfix_setup(state, false);
}

static inline __attribute__((unused))
int tfix_setup_disk(void **state)
{
	return tfix_setup(state, true);
}

static inline __attribute__((unused))
int tfix_teardown(void **state)
{
	struct tfix *f = *state;
	char *dir = f->dir != NULL ? strdup(f->dir) : NULL;

	talloc_free(f);
	tfix_rmdir(dir);
	free(dir);
	return 0;
}

typedef bool (*tfix_cond_fn)(void *private_data);

/* Run the loop until @cond holds; false if it never did */
static inline __attribute__((unused))
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

static inline __attribute__((unused))
bool tfix_group_settled(void *private_data)
{
	return !clus_group_is_pending(private_data);
}

static inline __attribute__((unused))
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

static inline __attribute__((unused))
bool tfix_all_settled(void *private_data)
{
	return tfix_all_settled_m(private_data);
}

static inline __attribute__((unused))
void tfix_wait_group(struct tfix *f, struct clus_group *g)
{
	assert_true(tfix_run_until(f, tfix_group_settled, g));
}

static inline __attribute__((unused))
void tfix_wait_all(struct tfix *f)
{
	assert_true(tfix_run_until(f, tfix_all_settled, f->m));
}

static inline __attribute__((unused))
struct clus_group *tfix_group(struct tfix *f, const char *name)
{
	struct clus_group *g = clus_group_by_name(f->m, name);

	assert_non_null(g);
	return g;
}

static inline __attribute__((unused))
struct clus_node *tfix_node(struct tfix *f, const char *name)
{
	struct clus_node *n = clus_node_by_name(f->m, name);

	assert_non_null(n);
	return n;
}

static inline __attribute__((unused))
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
static inline __attribute__((unused))
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

static inline __attribute__((unused))
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

#endif /* __TEST_MODEL_UTIL_H__ */
