/*
 * clusapi: GLib's main context driven from a tevent loop
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libcib's IPC to the CIB manager rides on GLib sources attached to the
 * default main context (cib->cmds->inputfd is NULL for a live
 * connection). clusapid runs one tevent loop, so GLib's context is
 * polled from it: each round does g_main_context_prepare and
 * g_main_context_query, watches the fds GLib asks for with tevent_fds
 * and its timeout with a tevent timer, and when one fires runs
 * g_main_context_check and g_main_context_dispatch, then arms the next
 * round. The request owns the context (g_main_context_acquire) until it
 * is freed; it ends only on an error.
 *
 * A GLib callback must not free the request it runs under: set a flag
 * and leave the tevent loop instead.
 */

#include <errno.h>
#include <glib.h>

#include "pcmk.h"

struct glib_loop_state {
	struct tevent_context *ev;
	GMainContext *gctx;
	bool acquired;
	gint max_priority;
	GPollFD *fds;
	gint nfds;
	gint alloc;
	TALLOC_CTX *armed;	/* this round's tevent_fds and timer */
	struct tevent_immediate *im;
};

struct glib_fd {
	struct tevent_req *req;
	gint idx;
};

static void glib_arm(struct tevent_req *req);

static void glib_loop_cleanup(struct tevent_req *req,
			      enum tevent_req_state req_state)
{
	struct glib_loop_state *state =
		tevent_req_data(req, struct glib_loop_state);

	TALLOC_FREE(state->armed);
	TALLOC_FREE(state->im);
	if (state->acquired) {
		g_main_context_release(state->gctx);
		state->acquired = false;
	}
}

struct tevent_req *pcmk_glib_loop_send(TALLOC_CTX *mem_ctx,
				       struct tevent_context *ev)
{
	struct tevent_req *req;
	struct glib_loop_state *state;

	req = tevent_req_create(mem_ctx, &state, struct glib_loop_state);
	if (req == NULL) {
		return NULL;
	}
	state->ev = ev;
	state->gctx = g_main_context_default();
	tevent_req_set_cleanup_fn(req, glib_loop_cleanup);
	state->im = tevent_create_immediate(state);
	if (tevent_req_nomem(state->im, req)) {
		return tevent_req_post(req, ev);
	}
	if (!g_main_context_acquire(state->gctx)) {
		/* another thread runs it */
		tevent_req_error(req, EBUSY);
		return tevent_req_post(req, ev);
	}
	state->acquired = true;
	glib_arm(req);
	if (!tevent_req_is_in_progress(req)) {
		return tevent_req_post(req, ev);
	}
	return req;
}

static void glib_run(struct tevent_req *req)
{
	struct glib_loop_state *state =
		tevent_req_data(req, struct glib_loop_state);

	if (g_main_context_check(state->gctx, state->max_priority,
				 state->fds, state->nfds)) {
		g_main_context_dispatch(state->gctx);
	}
	glib_arm(req);
}

static void glib_fd_handler(struct tevent_context *ev,
			    struct tevent_fd *fde, uint16_t flags,
			    void *private_data)
{
	struct glib_fd *gfd = private_data;
	struct tevent_req *req = gfd->req;
	struct glib_loop_state *state =
		tevent_req_data(req, struct glib_loop_state);
	GPollFD *p = &state->fds[gfd->idx];

	/*
	 * Only what tevent says: a hang-up reads as readable, and the
	 * source finds it when it reads.
	 */
	if (flags & TEVENT_FD_READ) {
		p->revents |= p->events & (G_IO_IN | G_IO_PRI);
	}
	if (flags & TEVENT_FD_WRITE) {
		p->revents |= p->events & G_IO_OUT;
	}
	glib_run(req);
}

static void glib_timer_handler(struct tevent_context *ev,
			       struct tevent_timer *te, struct timeval now,
			       void *private_data)
{
	glib_run(talloc_get_type_abort(private_data, struct tevent_req));
}

static void glib_immediate(struct tevent_context *ev,
			   struct tevent_immediate *im, void *private_data)
{
	glib_run(talloc_get_type_abort(private_data, struct tevent_req));
}

/* GLib's fds for this round, into state->fds */
void pcmk_glib_loop_kick(struct tevent_req *req)
{
	struct glib_loop_state *state =
		tevent_req_data(req, struct glib_loop_state);

	if (tevent_req_is_in_progress(req)) {
		tevent_schedule_immediate(state->im, state->ev,
					  glib_immediate, req);
	}
}

static bool glib_query(struct glib_loop_state *state, gint *timeout)
{
	gint n;

	while ((n = g_main_context_query(state->gctx, state->max_priority,
					 timeout, state->fds,
					 state->alloc)) > state->alloc) {
		GPollFD *fds = talloc_realloc(state, state->fds, GPollFD, n);

		if (fds == NULL) {
			return false;
		}
		state->fds = fds;
		state->alloc = n;
	}
	state->nfds = n;
	return true;
}

static bool glib_watch(struct tevent_req *req, gint idx)
{
	struct glib_loop_state *state =
		tevent_req_data(req, struct glib_loop_state);
	GPollFD *p = &state->fds[idx];
	struct glib_fd *gfd;
	uint16_t flags = 0;

	p->revents = 0;
	if (p->events & (G_IO_IN | G_IO_PRI)) {
		flags |= TEVENT_FD_READ;
	}
	if (p->events & G_IO_OUT) {
		flags |= TEVENT_FD_WRITE;
	}
	if (flags == 0) {
		return true;
	}
	gfd = talloc(state->armed, struct glib_fd);
	if (gfd == NULL) {
		return false;
	}
	*gfd = (struct glib_fd) { .req = req, .idx = idx };
	return tevent_add_fd(state->ev, gfd, p->fd, flags, glib_fd_handler,
			     gfd) != NULL;
}

static void glib_arm(struct tevent_req *req)
{
	struct glib_loop_state *state =
		tevent_req_data(req, struct glib_loop_state);
	struct tevent_timer *te;
	gboolean ready;
	gint timeout = -1;
	gint i;

	TALLOC_FREE(state->armed);
	state->armed = talloc_new(state);
	if (tevent_req_nomem(state->armed, req)) {
		return;
	}
	ready = g_main_context_prepare(state->gctx, &state->max_priority);
	if (!glib_query(state, &timeout)) {
		tevent_req_oom(req);
		return;
	}
	for (i = 0; i < state->nfds; i++) {
		if (!glib_watch(req, i)) {
			tevent_req_oom(req);
			return;
		}
	}
	if (ready || timeout == 0) {
		tevent_schedule_immediate(state->im, state->ev,
					  glib_immediate, req);
		return;
	}
	if (timeout < 0) {
		return;
	}
	te = tevent_add_timer(state->ev, state->armed,
			      tevent_timeval_current_ofs(timeout / 1000,
							 (timeout % 1000) *
							 1000),
			      glib_timer_handler, req);
	if (te == NULL) {
		tevent_req_oom(req);
	}
}

int pcmk_glib_loop_recv(struct tevent_req *req)
{
	enum tevent_req_state state;
	uint64_t err;

	if (tevent_req_is_error(req, &state, &err)) {
		return state == TEVENT_REQ_NO_MEMORY ? ENOMEM :
		       err != 0 ? (int)err : EIO;
	}
	return 0;
}
