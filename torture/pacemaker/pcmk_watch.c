/*
 * clusapi - pcmk_watch: a group's MS-CMRP state followed live through
 * libcib's diff notifications, GLib run from a tevent loop
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   pcmk_watch [--move] [--timeout SECONDS] GROUP NODE
 *
 * Run on a cluster node (torture/suites/pcmk_cluster.sh runs it inside
 * a node's namespaces). Prints "watching GROUP STATE OWNER" once
 * connected, then a line "+MS GROUP STATE OWNER" on each change of the
 * derived state or owner. Once GROUP is Online on NODE after having
 * been Pending it asks the DC's controller whether the transition is
 * over (again every 50 ms until it is, or the group changes), prints
 * "+MS cluster idle, DC NAME" and exits 0; 1 on a timeout (30 s) or a
 * lost connection. With --move it moves GROUP to NODE itself as
 * MS-CMRP 4.2 would: writes the cli-prefer constraint, follows the
 * notifications until the group is Online there and the cluster idle,
 * then removes the constraint.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include "server/pacemaker/pcmk.h"
#include "server/model/model.h"

struct watch {
	struct tevent_context *ev;
	const char *group;
	const char *node;
	bool move;
	struct timeval start;
	uint32_t state;
	char *owner;
	bool seen_pending;
	bool there;		/* Online on NODE after Pending */
	struct tevent_req *ping;	/* the DC's state asked */
	bool done;
	bool failed;
};

static void ping_done(struct tevent_req *req);

static const char *state_name(uint32_t state)
{
	switch (state) {
	case CM_GROUP_ONLINE:
		return "Online";
	case CM_GROUP_OFFLINE:
		return "Offline";
	case CM_GROUP_FAILED:
		return "Failed";
	case CM_GROUP_PARTIAL_ONLINE:
		return "PartialOnline";
	case CM_GROUP_PENDING:
		return "Pending";
	}
	return "Unknown";
}

static long ms_since(const struct timeval *t0)
{
	struct timeval now;

	gettimeofday(&now, NULL);
	return (now.tv_sec - t0->tv_sec) * 1000 +
	       (now.tv_usec - t0->tv_usec) / 1000;
}

/* true when the state or the owner changed */
static bool update(struct watch *w, const struct pcmk_cib *cib)
{
	const struct pcmk_group *g = pcmk_cib_group(cib, w->group);
	const char *owner = NULL;
	uint32_t state;

	if (g == NULL) {
		fprintf(stderr, "pcmk_watch: no group %s\n", w->group);
		w->failed = true;
		return false;
	}
	state = pcmk_group_state(cib, g, false, &owner);
	if (state == w->state && owner != NULL && w->owner != NULL &&
	    strcmp(owner, w->owner) == 0) {
		return false;
	}
	w->state = state;
	TALLOC_FREE(w->owner);
	w->owner = talloc_strdup(w, owner ? owner : "-");
	w->seen_pending |= state == CM_GROUP_PENDING;
	w->there = w->seen_pending && state == CM_GROUP_ONLINE &&
		   strcmp(w->owner, w->node) == 0;
	return true;
}

/* there: is the DC idle too? */
static void ping(struct watch *w)
{
	if (!w->there || w->ping != NULL || w->done || w->failed) {
		return;
	}
	w->ping = pcmk_dc_state_send(w, w->ev, 5000);
	if (w->ping == NULL) {
		w->failed = true;
		return;
	}
	tevent_req_set_callback(w->ping, ping_done, w);
}

static void ping_again(struct tevent_context *ev, struct tevent_timer *te,
		       struct timeval now, void *private_data)
{
	ping(private_data);
}

static void ping_done(struct tevent_req *req)
{
	struct watch *w = tevent_req_callback_data(req, struct watch);
	char *dc = NULL, *fsa = NULL;
	int ret = pcmk_dc_state_recv(req, w, &dc, &fsa);

	TALLOC_FREE(w->ping);
	if (ret != 0) {
		fprintf(stderr, "pcmk_watch: the DC's state: %s\n",
			strerror(ret));
		w->failed = true;
		return;
	}
	if (w->there && pcmk_dc_idle(fsa)) {
		printf("+%ld cluster idle, DC %s\n", ms_since(&w->start), dc);
		fflush(stdout);
		w->done = true;
		return;
	}
	if (tevent_add_timer(w->ev, w, tevent_timeval_current_ofs(0, 50000),
			     ping_again, w) == NULL) {
		w->failed = true;
	}
}

static void changed(struct pcmk_conn *conn, const struct pcmk_cib *cib,
		    void *private_data)
{
	struct watch *w = private_data;

	if (cib == NULL) {
		fprintf(stderr, "pcmk_watch: connection to the CIB lost\n");
		w->failed = true;
		return;
	}
	if (update(w, cib)) {
		printf("+%ld %s %s %s\n", ms_since(&w->start), w->group,
		       state_name(w->state), w->owner);
		fflush(stdout);
	}
	ping(w);
}

static void expired(struct tevent_context *ev, struct tevent_timer *te,
		    struct timeval now, void *private_data)
{
	struct watch *w = private_data;

	fprintf(stderr, "pcmk_watch: %s not Online on %s in time\n",
		w->group, w->node);
	w->failed = true;
}

static int apply(struct pcmk_conn *conn, struct pcmk_change *change)
{
	int ret = change ? pcmk_conn_apply(conn, change) : ENOMEM;

	talloc_free(change);
	if (ret != 0) {
		fprintf(stderr, "pcmk_watch: CIB change: %s\n",
			strerror(ret));
	}
	return ret;
}

static int watch(struct watch *w, int timeout)
{
	struct tevent_context *ev = tevent_context_init(w);
	struct tevent_req *loop;
	struct pcmk_conn *conn;
	int ret;

	if (ev == NULL) {
		return ENOMEM;
	}
	w->ev = ev;
	loop = pcmk_glib_loop_send(w, ev);
	if (loop == NULL ||
	    tevent_add_timer(ev, w, tevent_timeval_current_ofs(timeout, 0),
			     expired, w) == NULL) {
		return ENOMEM;
	}
	ret = pcmk_conn_open(w, "pcmk_watch", changed, w, &conn);
	if (ret != 0) {
		fprintf(stderr, "pcmk_watch: CIB: %s\n", strerror(ret));
		return ret;
	}
	update(w, pcmk_conn_cib(conn));
	printf("watching %s %s %s\n", w->group, state_name(w->state),
	       w->owner);
	fflush(stdout);
	gettimeofday(&w->start, NULL);
	if (w->move && apply(conn, pcmk_change_move(w, w->group, w->node))) {
		return EIO;
	}
	while (!w->done && !w->failed && tevent_req_is_in_progress(loop)) {
		if (tevent_loop_once(ev) != 0) {
			return errno;
		}
	}
	if (w->done && w->move &&
	    apply(conn, pcmk_change_unmove(w, w->group))) {
		return EIO;
	}
	return w->done ? 0 : ETIMEDOUT;
}

int main(int argc, const char **argv)
{
	struct watch *w = talloc_zero(NULL, struct watch);
	int timeout = 30;
	int i = 1, ret;

	if (w == NULL) {
		return 1;
	}
	w->state = UINT32_MAX;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--move") == 0) {
			w->move = true;
		} else if (strcmp(argv[i], "--timeout") == 0 &&
			   i + 1 < argc) {
			timeout = atoi(argv[++i]);
		} else {
			break;
		}
	}
	if (argc - i != 2 || timeout <= 0) {
		fprintf(stderr, "usage: pcmk_watch [--move] "
			"[--timeout SECONDS] GROUP NODE\n");
		talloc_free(w);
		return 2;
	}
	w->group = argv[i];
	w->node = argv[i + 1];
	ret = watch(w, timeout);
	talloc_free(w);
	return ret == 0 ? 0 : 1;
}
