/*
 * clusapi - the fixture and helpers shared by the cluster model unit tests
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * model_fixture.c is linked into every torture/unit/model test program.
 */

#ifndef CLUSAPI_TORTURE_MODEL_FIXTURE_H
#define CLUSAPI_TORTURE_MODEL_FIXTURE_H

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

typedef bool (*tfix_cond_fn)(void *private_data);
uint32_t tfix_open(struct tfix *f, const char *config_text);
char *tfix_mkdir(TALLOC_CTX *mem_ctx);
void tfix_rmdir(const char *dir);

/* A fixture with the default cluster, in memory or in a fresh dir */
int tfix_setup(void **state, bool persistent);
int tfix_setup_memory(void **state);
int tfix_setup_disk(void **state);
int tfix_teardown(void **state);

/* Run the loop until @cond holds; false if it never did */
bool tfix_run_until(struct tfix *f, tfix_cond_fn cond, void *private_data);
bool tfix_group_settled(void *private_data);
bool tfix_all_settled_m(struct clus_model *m);
bool tfix_all_settled(void *private_data);
void tfix_wait_group(struct tfix *f, struct clus_group *g);
void tfix_wait_all(struct tfix *f);
struct clus_group *tfix_group(struct tfix *f, const char *name);
struct clus_node *tfix_node(struct tfix *f, const char *name);
struct clus_resource *tfix_res(struct tfix *f, const char *name);

/*
 * Invariants every settled model must satisfy: every owner a real node,
 * every resource in exactly one existing group, no pending state.
 */
void tfix_check_consistent(struct clus_model *m, bool settled);
int tfix_copy_file(const char *src, const char *dst);

#endif /* CLUSAPI_TORTURE_MODEL_FIXTURE_H */
