/*
 * clusapi - Pacemaker backend tests: GLib's main context run from a
 * tevent loop (what carries libcib's notifications)
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <unistd.h>
#include <cmocka.h>
#include <glib.h>

#include "server/pacemaker/pcmk.h"

struct fix {
	struct tevent_context *ev;
	int pipefd[2];
	int timeouts;
	int reads;
	char got;
	bool expired;
};

static gboolean on_timeout(gpointer data)
{
	struct fix *f = data;

	f->timeouts++;
	return f->timeouts < 3 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean on_readable(GIOChannel *ch, GIOCondition cond,
			    gpointer data)
{
	struct fix *f = data;

	assert_int_equal(read(f->pipefd[0], &f->got, 1), 1);
	f->reads++;
	return G_SOURCE_CONTINUE;
}

static void write_byte(struct tevent_context *ev, struct tevent_timer *te,
		       struct timeval now, void *private_data)
{
	struct fix *f = private_data;

	assert_int_equal(write(f->pipefd[1], "x", 1), 1);
}

static void expire(struct tevent_context *ev, struct tevent_timer *te,
		   struct timeval now, void *private_data)
{
	struct fix *f = private_data;

	f->expired = true;
}

/* tevent rounds until COND or 10 s */
#define LOOP_UNTIL(f, cond) do {					\
	struct tevent_timer *_te = tevent_add_timer(			\
		(f)->ev, (f)->ev, tevent_timeval_current_ofs(10, 0),	\
		expire, (f));						\
	assert_non_null(_te);						\
	while (!(cond) && !(f)->expired) {				\
		assert_int_equal(tevent_loop_once((f)->ev), 0);	\
	}								\
	talloc_free(_te);						\
	assert_false((f)->expired);					\
} while (0)

/* a GLib timeout source and an fd source, dispatched by tevent */
static void test_sources(void **state)
{
	struct fix *f = *state;
	struct tevent_req *req = pcmk_glib_loop_send(f, f->ev);
	GIOChannel *ch = g_io_channel_unix_new(f->pipefd[0]);
	guint wid;

	assert_non_null(req);
	assert_true(g_main_context_is_owner(g_main_context_default()));
	/* sources added while the loop runs are seen next round */
	g_timeout_add(10, on_timeout, f);
	wid = g_io_add_watch(ch, G_IO_IN, on_readable, f);
	assert_non_null(tevent_add_timer(f->ev, f,
					 tevent_timeval_current_ofs(0, 50000),
					 write_byte, f));
	LOOP_UNTIL(f, f->timeouts == 3 && f->reads == 1);
	assert_int_equal(f->got, 'x');
	assert_true(tevent_req_is_in_progress(req));

	/* the timeout removed itself; the watch goes on */
	assert_int_equal(write(f->pipefd[1], "y", 1), 1);
	LOOP_UNTIL(f, f->reads == 2);
	assert_int_equal(f->got, 'y');
	assert_int_equal(f->timeouts, 3);

	g_source_remove(wid);
	g_io_channel_unref(ch);
	TALLOC_FREE(req);
	/* freed: the context is released */
	assert_false(g_main_context_is_owner(g_main_context_default()));
}

static gboolean nothing(gpointer data)
{
	return G_SOURCE_REMOVE;
}

/* freeing the loop leaves GLib's sources to the next owner */
static void test_free_and_again(void **state)
{
	struct fix *f = *state;
	struct tevent_req *req = pcmk_glib_loop_send(f, f->ev);
	guint id = g_timeout_add(60000, nothing, NULL);

	assert_non_null(req);
	assert_int_equal(tevent_loop_once(f->ev), 0);
	TALLOC_FREE(req);
	req = pcmk_glib_loop_send(f, f->ev);
	assert_non_null(req);
	assert_true(tevent_req_is_in_progress(req));
	g_source_remove(id);
	TALLOC_FREE(req);
}

static int setup(void **state)
{
	struct fix *f = talloc_zero(NULL, struct fix);

	if (f == NULL || pipe(f->pipefd) != 0) {
		return -1;
	}
	f->ev = tevent_context_init(f);
	if (f->ev == NULL) {
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fix *f = *state;

	close(f->pipefd[0]);
	close(f->pipefd[1]);
	talloc_free(f);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_sources, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_free_and_again, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
