/*
 * clusload: many clients mixing reads and moves against a clusapid for
 * a fixed time, surviving the loss of their connections
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: clusload [options] BINDING
 *
 *   -c, --clients N	clients, each with connections of its own (64)
 *   -t, --seconds S	how long the clients start new operations (10)
 *   --rounds R		R times S seconds (1); between two, once no
 *			operation is under way, print "LOAD round N done"
 *			and stop until SIGCONT, the connections open
 *   -g, --groups N	the server has "Group 1" .. "Group N" (required)
 *   --only A-B		show, move only "Group A" .. "Group B", so that
 *			two clusloads can verify their moves side by side
 *   --nodes A,B	the nodes groups move between (NodeA,NodeB)
 *   --recover		a client that lost its connection must reconnect
 *			and complete an operation before the run ends; the
 *			run is extended (by up to 120 s) until every one has
 *   --no-notify	waits poll instead of using notification ports
 *   --checkpoint FILE	on SIGUSR1 write "Group N<TAB>NODE" for every
 *			group, NODE where the last move seen to end left
 *			it ("?" while a move is under way or was cut off,
 *			or none was seen), then stop until SIGCONT
 *   --seed N		random seed (1)
 *   -U USER%PASS	credentials (anonymous without)
 *   --option NAME=VALUE	client smb.conf option (ncacn_np: "smb ports=N")
 *
 * Each client is a loop driven by one tevent context: it lists the
 * groups (ApiCreateEnum: the list must always hold exactly the N groups,
 * once each), shows a group (open, state, owner, id, close: the owner
 * must be one of the nodes) or moves a group to the other node with the
 * MS-CMRP 4.2 flow, waiting for the move to end. A transport failure
 * (the server or smbd went away) is a clean error when it is one of the
 * NTSTATUS codes that say the connection is gone: the client drops its
 * connection, reconnects with a backoff of 50 ms doubling to 1 s and
 * goes on. Anything else is unclean: another NTSTATUS, a WERROR but
 * ERROR_CLUSTER_GROUP_MOVING (two clients moving one group), a move
 * ending Failed or timing out, an operation not done 60 s after it
 * started, a list that lost or repeated a group, a group owned by no
 * node.
 *
 * At the end every group must be on the node where the last move a
 * client saw end (done, already there, or settled elsewhere) left it,
 * unless a move of it was cut off by a lost connection since: an
 * acknowledged move is never lost or undone.
 *
 * Prints "LOAD started" once every client is connected, then the
 * figures as "LOAD key=value ..." lines; exits 0 if nothing
 * was unclean, 1 otherwise, 2 on bad usage or a failed first connect.
 */

#include <errno.h>
#include <stdarg.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <talloc.h>
#include <tevent.h>
#include <param.h>
#include <credentials.h>
#include <core/werror.h>
#include <core/ntstatus.h>

#include "lib/libclusapi.h"

#define OP_BOUND_S	60	/* longest one operation may take */
#define MOVE_BOUND_MS	30000	/* the move flow's own wait limit */
#define POLL_MS		100	/* waits with no notification port */
#define RECOVER_BOUND_S	120	/* --recover: longest extension */
#define DRAIN_BOUND_S	90	/* the operations under way at the end */
#define BACKOFF_MIN_MS	50
#define BACKOFF_MAX_MS	1000
#define MAX_KINDS	32

struct load;

enum op_kind { OP_ENUM, OP_SHOW, OP_MOVE };

struct client {
	struct load *l;
	int id;
	unsigned int seed;
	struct clusapi_conn *conn;
	TALLOC_CTX *op;			/* the operation under way */
	enum op_kind kind;
	int gno;			/* the group's number */
	unsigned int move_seq;		/* our move's place among the group's */
	const char *group;
	const char *target;
	bool busy;
	bool want_connect;		/* backoff over: main loop connects */
	unsigned int backoff_ms;
	bool lost;			/* lost a connection, not recovered */
	uint64_t ok_ops;
};

/* Where the last move a client saw end left a group */
struct acked {
	const char *owner;		/* NULL: no move seen to end */
	bool uncertain;			/* a move cut off since */
	int moving;			/* moves under way */
	unsigned int started;		/* moves started, ever */
};

struct kind_count {
	char *name;
	uint64_t count;
	bool clean;
};

struct load {
	TALLOC_CTX *mem;
	struct tevent_context *ev;
	struct loadparm_context *lp_ctx;
	struct cli_credentials *creds;
	const char *binding;
	uint32_t connect_flags;
	int nclients;
	int seconds;
	int ngroups;
	int first, last;		/* the groups this process moves */
	const char *nodes[2];
	bool recover;
	const char *checkpoint;
	struct client **clients;

	struct timespec t0;
	int rounds, round;
	double rounds_s;		/* the rounds before this one */
	bool time_up;			/* --seconds passed */
	bool pausing;			/* between rounds: no new ops */
	bool stopping;			/* no new operations */
	bool hard_stop;			/* drain bound passed */

	uint64_t ops, enums, shows, moves, moves_done, moves_already;
	uint64_t moves_raced, busy_refusals, pending_skipped;
	uint64_t errors, reconnects, connect_failures;
	uint64_t losses, clients_lost, clients_recovered;
	uint64_t unclean;
	struct kind_count kinds[MAX_KINDS];
	struct acked *acked;		/* [1..ngroups] */
	int nkinds;
};

static struct timeval ofs_ms(unsigned int ms)
{
	return tevent_timeval_current_ofs(ms / 1000, (ms % 1000) * 1000);
}

static double elapsed_s(struct load *l)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec - l->t0.tv_sec) +
		(ts.tv_nsec - l->t0.tv_nsec) / 1e9;
}

static void count_kind(struct load *l, const char *name, bool clean)
{
	int i;

	for (i = 0; i < l->nkinds; i++) {
		if (strcmp(l->kinds[i].name, name) == 0) {
			l->kinds[i].count++;
			return;
		}
	}
	if (l->nkinds == MAX_KINDS) {
		name = "(other)";
		i = MAX_KINDS - 1;
		l->kinds[i].count++;
		return;
	}
	l->kinds[i].name = talloc_strdup(l->mem, name);
	l->kinds[i].count = 1;
	l->kinds[i].clean = clean;
	l->nkinds++;
}

static void unclean(struct client *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void unclean(struct client *c, const char *fmt, ...)
{
	va_list ap;

	c->l->unclean++;
	/* the first few tell the story; the count says the rest */
	if (c->l->unclean > 20) {
		return;
	}
	printf("UNCLEAN: client %d at %.1f s: ", c->id, elapsed_s(c->l));
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

/* The NTSTATUS codes that say the connection, or the server, is gone */
static bool status_is_connection_loss(NTSTATUS status)
{
	static const NTSTATUS loss[] = {
		NT_STATUS_CONNECTION_DISCONNECTED,
		NT_STATUS_CONNECTION_RESET,
		NT_STATUS_CONNECTION_REFUSED,
		NT_STATUS_CONNECTION_ABORTED,
		NT_STATUS_INVALID_CONNECTION,
		NT_STATUS_LOCAL_DISCONNECT,
		NT_STATUS_REMOTE_DISCONNECT,
		NT_STATUS_END_OF_FILE,
		NT_STATUS_PIPE_BROKEN,
		NT_STATUS_PIPE_DISCONNECTED,
		NT_STATUS_PIPE_CLOSING,
		NT_STATUS_PIPE_NOT_AVAILABLE,
		NT_STATUS_IO_DEVICE_ERROR,
		NT_STATUS_NETWORK_NAME_DELETED,
		NT_STATUS_UNEXPECTED_NETWORK_ERROR,
		NT_STATUS_PORT_UNREACHABLE,
		NT_STATUS_HOST_UNREACHABLE,
		NT_STATUS_NETWORK_UNREACHABLE,
		/* ncacn_np: smbd is up, nobody serves \pipe\clusapi */
		NT_STATUS_OBJECT_NAME_NOT_FOUND,
	};
	size_t i;

	for (i = 0; i < sizeof(loss) / sizeof(loss[0]); i++) {
		if (NT_STATUS_EQUAL(status, loss[i])) {
			return true;
		}
	}
	return false;
}

static void client_next(struct client *c);

static void backoff_done(struct tevent_context *ev, struct tevent_timer *te,
			 struct timeval now, void *private_data)
{
	struct client *c = talloc_get_type_abort(private_data, struct client);

	c->want_connect = true;
}

static void schedule_connect(struct client *c)
{
	struct load *l = c->l;
	unsigned int ms;

	c->backoff_ms = c->backoff_ms == 0 ? BACKOFF_MIN_MS :
		c->backoff_ms * 2;
	if (c->backoff_ms > BACKOFF_MAX_MS) {
		c->backoff_ms = BACKOFF_MAX_MS;
	}
	/* jitter, so 64 clients do not knock at once */
	ms = c->backoff_ms / 2 + rand_r(&c->seed) % (c->backoff_ms / 2 + 1);
	if (tevent_add_timer(l->ev, c, ofs_ms(ms),
			     backoff_done, c) == NULL) {
		unclean(c, "out of memory");
	}
}

/* The connection failed under an operation: drop it, come back later */
static void connection_lost(struct client *c)
{
	struct load *l = c->l;

	TALLOC_FREE(c->conn);
	l->losses++;
	if (!c->lost) {
		c->lost = true;
		l->clients_lost++;
	}
	schedule_connect(c);
}

static void op_failed(struct client *c, const char *call, NTSTATUS status,
		      WERROR werr)
{
	struct load *l = c->l;

	if (!NT_STATUS_IS_OK(status)) {
		bool clean = status_is_connection_loss(status);

		l->errors++;
		count_kind(l, nt_errstr(status), clean);
		if (!clean) {
			unclean(c, "%s: %s", call, nt_errstr(status));
		}
		connection_lost(c);
		return;
	}
	if (W_ERROR_EQUAL(werr, WERR_CLUSTER_GROUP_MOVING)) {
		l->busy_refusals++;
		return;
	}
	l->errors++;
	count_kind(l, clusapi_werror_name(werr) ?: win_errstr(werr), false);
	unclean(c, "%s: %s", call, clusapi_error_string(c->op, status, werr));
}

static void op_end(struct client *c, bool ok)
{
	struct load *l = c->l;

	c->busy = false;
	TALLOC_FREE(c->op);
	l->ops++;
	if (ok) {
		c->ok_ops++;
		if (c->lost) {
			c->lost = false;
			l->clients_recovered++;
		}
	}
	if (c->conn != NULL) {
		client_next(c);
	}
}

static bool node_known(struct load *l, const char *node)
{
	return node != NULL && (strcasecmp(node, l->nodes[0]) == 0 ||
				strcasecmp(node, l->nodes[1]) == 0);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void enum_done(struct tevent_req *req)
{
	struct client *c = tevent_req_callback_data(req, struct client);
	struct load *l = c->l;
	char **names = NULL;
	uint32_t count = 0, i;
	WERROR werr = WERR_OK;
	NTSTATUS status;

	status = clusapi_enum_recv(req, c->op, &names, &count, &werr);
	TALLOC_FREE(req);
	if (!NT_STATUS_IS_OK(status) || !W_ERROR_IS_OK(werr)) {
		op_failed(c, "ApiCreateEnum", status, werr);
		op_end(c, false);
		return;
	}
	l->enums++;
	if (count != (uint32_t)l->ngroups) {
		unclean(c, "ApiCreateEnum listed %u groups, want %d", count,
			l->ngroups);
	}
	qsort(names, count, sizeof(names[0]), cmp_str);
	for (i = 1; i < count; i++) {
		if (strcmp(names[i - 1], names[i]) == 0) {
			unclean(c, "ApiCreateEnum listed \"%s\" twice",
				names[i]);
			break;
		}
	}
	op_end(c, true);
}

/* The node of ours that @name is, else NULL */
static const char *our_node(struct load *l, const char *name)
{
	if (name != NULL && strcasecmp(name, l->nodes[0]) == 0) {
		return l->nodes[0];
	}
	if (name != NULL && strcasecmp(name, l->nodes[1]) == 0) {
		return l->nodes[1];
	}
	return NULL;
}

/*
 * A move ended where OWNER says. It clears an earlier doubt only if no
 * move of the group started after ours: a later one may have been cut
 * off (its error seen before our ending, in the same turn of the loop
 * after a kill) and still be settled by the restarted server.
 */
static void acked(struct client *c, const char *owner)
{
	struct acked *a = &c->l->acked[c->gno];

	a->owner = our_node(c->l, owner);
	if (c->move_seq == a->started) {
		a->uncertain = false;
	}
}

static void move_done(struct tevent_req *req)
{
	struct client *c = tevent_req_callback_data(req, struct client);
	struct load *l = c->l;
	struct clusapi_flow_result *res = NULL;
	NTSTATUS status;

	status = clusapi_move_group_recv(req, c->op, &res);
	TALLOC_FREE(req);
	l->acked[c->gno].moving--;
	if (!NT_STATUS_IS_OK(status)) {
		/* the move may or may not have been made */
		l->acked[c->gno].uncertain = true;
		op_failed(c, "move", status, WERR_OK);
		op_end(c, false);
		return;
	}
	l->moves++;
	switch (res->outcome) {
	case CLUSAPI_OUTCOME_DONE:
		l->moves_done++;
		acked(c, c->target);
		break;
	case CLUSAPI_OUTCOME_ALREADY:
		/* another client moved it there since we looked */
		l->moves_already++;
		acked(c, c->target);
		break;
	case CLUSAPI_OUTCOME_RETURNED:
		/* another client moved it on as soon as ours ended */
		if (!node_known(l, res->owner)) {
			unclean(c, "move of %s ended on \"%s\"", c->group,
				res->owner ?: "(none)");
		}
		l->moves_raced++;
		acked(c, res->owner);
		break;
	case CLUSAPI_OUTCOME_REFUSED:
		if (!NT_STATUS_IS_OK(res->status)) {
			l->acked[c->gno].uncertain = true;
		}
		op_failed(c, res->failed_call ?: "move", res->status,
			  res->werr);
		op_end(c, !NT_STATUS_IS_OK(res->status) ? false :
		       W_ERROR_EQUAL(res->werr, WERR_CLUSTER_GROUP_MOVING));
		return;
	default:
		l->acked[c->gno].uncertain = true;
		l->errors++;
		count_kind(l, clusapi_outcome_name(res->outcome), false);
		unclean(c, "move of %s to %s: outcome %s (%s)", c->group,
			c->target, clusapi_outcome_name(res->outcome),
			clusapi_error_string(c->op, res->status, res->werr));
		op_end(c, false);
		return;
	}
	op_end(c, true);
}

static void show_done(struct tevent_req *req)
{
	struct client *c = tevent_req_callback_data(req, struct client);
	struct load *l = c->l;
	struct clusapi_object_info *info = NULL;
	struct clusapi_move_opts opts = {
		.wait = true,
		.timeout_ms = MOVE_BOUND_MS,
		.poll_interval_ms = POLL_MS,
	};
	WERROR werr = WERR_OK;
	NTSTATUS status;

	status = clusapi_object_info_recv(req, c->op, &info, &werr);
	TALLOC_FREE(req);
	if (!NT_STATUS_IS_OK(status) || !W_ERROR_IS_OK(werr)) {
		op_failed(c, info != NULL && info->failed_call != NULL ?
			  info->failed_call : "show", status, werr);
		op_end(c, false);
		return;
	}
	l->shows++;
	if (!node_known(l, info->owner_node)) {
		unclean(c, "%s is owned by \"%s\"", c->group,
			info->owner_node ?: "(none)");
		op_end(c, false);
		return;
	}
	if (info->state != CLUSAPI_GROUP_ONLINE &&
	    info->state != CLUSAPI_GROUP_OFFLINE &&
	    info->state != CLUSAPI_GROUP_PENDING) {
		unclean(c, "%s is %s", c->group,
			clusapi_state_name(CLUSAPI_OBJECT_GROUP, info->state));
	}
	if (c->kind != OP_MOVE || l->stopping || l->pausing) {
		op_end(c, true);
		return;
	}
	if (info->state == CLUSAPI_GROUP_PENDING) {
		/* someone moves it now: a read only */
		l->pending_skipped++;
		op_end(c, true);
		return;
	}
	c->target = strcasecmp(info->owner_node, l->nodes[0]) == 0 ?
		l->nodes[1] : l->nodes[0];
	req = clusapi_move_group_send(c->op, l->ev, c->conn, c->group,
				      c->target, &opts);
	if (req == NULL ||
	    !tevent_req_set_endtime(req, l->ev,
				    tevent_timeval_current_ofs(OP_BOUND_S,
							       0))) {
		unclean(c, "out of memory");
		op_end(c, false);
		return;
	}
	l->acked[c->gno].moving++;
	c->move_seq = ++l->acked[c->gno].started;
	tevent_req_set_callback(req, move_done, c);
}

/* Start the client's next operation */
static void client_next(struct client *c)
{
	struct load *l = c->l;
	struct tevent_req *req;
	unsigned int r;

	if (l->stopping || l->pausing || c->conn == NULL || c->busy) {
		return;
	}
	c->op = talloc_new(c);
	if (c->op == NULL) {
		unclean(c, "out of memory");
		return;
	}
	c->busy = true;
	r = rand_r(&c->seed) % 8;
	if (r == 0) {
		c->kind = OP_ENUM;
		req = clusapi_enum_send(c->op, l->ev, c->conn,
					CLUSAPI_OBJECT_CLUSTER, NULL,
					CLUSAPI_ENUM_GROUP);
	} else {
		c->kind = r < 4 ? OP_SHOW : OP_MOVE;
		c->gno = l->first +
			rand_r(&c->seed) % (l->last - l->first + 1);
		c->group = talloc_asprintf(c->op, "Group %d", c->gno);
		req = c->group == NULL ? NULL :
			clusapi_object_info_send(c->op, l->ev, c->conn,
						 CLUSAPI_OBJECT_GROUP,
						 c->group, false);
	}
	if (req == NULL ||
	    !tevent_req_set_endtime(req, l->ev,
				    tevent_timeval_current_ofs(OP_BOUND_S,
							       0))) {
		unclean(c, "out of memory");
		c->busy = false;
		TALLOC_FREE(c->op);
		return;
	}
	tevent_req_set_callback(req, c->kind == OP_ENUM ? enum_done :
				show_done, c);
}

/*
 * clusapi_connect() runs the loop itself, so it is called here, at the
 * top level, never from a callback.
 */
static bool client_connect(struct client *c, bool first)
{
	struct load *l = c->l;
	NTSTATUS status;

	c->want_connect = false;
	status = clusapi_connect(c, l->ev, l->lp_ctx, l->binding, l->creds,
				 l->connect_flags, &c->conn);
	if (!NT_STATUS_IS_OK(status)) {
		c->conn = NULL;
		if (first) {
			fprintf(stderr, "clusload: client %d: connect %s: "
				"%s\n", c->id, l->binding, nt_errstr(status));
			return false;
		}
		l->connect_failures++;
		if (NT_STATUS_EQUAL(status, NT_STATUS_NO_MEMORY) &&
		    strncasecmp(l->binding, "ncacn_np:", 9) == 0) {
			/*
			 * What Samba's SMB client says when nothing accepts
			 * SMB connections (as clusctl explains it too)
			 */
			count_kind(l, "NT_STATUS_NO_MEMORY from the SMB client "
				   "connect, the SMB server unreachable",
				   true);
		} else if (status_is_connection_loss(status)) {
			count_kind(l, nt_errstr(status), true);
		} else {
			count_kind(l, nt_errstr(status), false);
			unclean(c, "connect: %s", nt_errstr(status));
		}
		schedule_connect(c);
		return true;
	}
	if (!first) {
		l->reconnects++;
	}
	c->backoff_ms = 0;
	clusapi_conn_set_timeout(c->conn, OP_BOUND_S);
	if (!first) {
		client_next(c);
	}
	return true;
}

static bool any_busy(struct load *l)
{
	int i;

	for (i = 0; i < l->nclients; i++) {
		if (l->clients[i]->busy) {
			return true;
		}
	}
	return false;
}

/*
 * SIGUSR1: write where each group's last move left it (the groups
 * with a move under way or cut off: "?"), then stop until SIGCONT, so
 * the test can kill and restart the server and compare.
 */
static void checkpoint(struct tevent_context *ev, struct tevent_signal *se,
		       int signum, int count, void *siginfo,
		       void *private_data)
{
	struct load *l = private_data;
	char *tmp = talloc_asprintf(l->mem, "%s.tmp", l->checkpoint);
	FILE *f = tmp != NULL ? fopen(tmp, "w") : NULL;
	int i;

	if (f == NULL) {
		fprintf(stderr, "clusload: cannot write %s\n", l->checkpoint);
		l->unclean++;
		return;
	}
	for (i = 1; i <= l->ngroups; i++) {
		struct acked *a = &l->acked[i];

		fprintf(f, "Group %d\t%s\n", i,
			a->owner != NULL && !a->uncertain && a->moving == 0 ?
			a->owner : "?");
	}
	if (fclose(f) != 0 || rename(tmp, l->checkpoint) != 0) {
		fprintf(stderr, "clusload: cannot write %s\n", l->checkpoint);
		l->unclean++;
	}
	talloc_free(tmp);
	printf("LOAD checkpoint at %.1f s, stopped until SIGCONT\n",
	       elapsed_s(l));
	kill(getpid(), SIGSTOP);
}

static void tick(struct tevent_context *ev, struct tevent_timer *te,
		 struct timeval now, void *private_data)
{
	struct load *l = private_data;
	double t = elapsed_s(l);

	if (t >= l->seconds) {
		l->time_up = true;
	}
	if (l->time_up && l->round < l->rounds) {
		l->pausing = true;
		if (t >= l->seconds + DRAIN_BOUND_S) {
			l->hard_stop = true;
		}
	} else if (l->time_up && !l->stopping &&
	    (!l->recover || l->clients_recovered == l->clients_lost ||
	     t >= l->seconds + RECOVER_BOUND_S)) {
		l->stopping = true;
	}
	if (l->stopping && t >= l->seconds + RECOVER_BOUND_S +
	    DRAIN_BOUND_S) {
		l->hard_stop = true;
	}
	if (tevent_add_timer(ev, l->mem, ofs_ms(100),
			     tick, l) == NULL) {
		l->hard_stop = true;
	}
}

static int run(struct load *l)
{
	int i;

	clock_gettime(CLOCK_MONOTONIC, &l->t0);
	for (i = 0; i < l->nclients; i++) {
		if (!client_connect(l->clients[i], true)) {
			return 2;
		}
	}
	if (l->checkpoint != NULL &&
	    tevent_add_signal(l->ev, l->mem, SIGUSR1, 0, checkpoint,
			      l) == NULL) {
		return 2;
	}
	/* the run's time counts from the moment every client is in */
	printf("LOAD started: %d clients connected in %.1f s\n", l->nclients,
	       elapsed_s(l));
	clock_gettime(CLOCK_MONOTONIC, &l->t0);
	if (tevent_add_timer(l->ev, l->mem, ofs_ms(100),
			     tick, l) == NULL) {
		return 2;
	}
	/*
	 * Only now: each connect runs the loop, and clients already at
	 * work would slow down the ones still connecting.
	 */
	for (i = 0; i < l->nclients; i++) {
		client_next(l->clients[i]);
	}
	l->round = 1;
	while (!l->hard_stop) {
		if (l->stopping && !any_busy(l)) {
			break;
		}
		if (l->pausing && !any_busy(l)) {
			/* quiet, connections open: the test reads the server */
			printf("LOAD round %d done: ops=%llu errors=%llu, "
			       "stopped until SIGCONT\n", l->round,
			       (unsigned long long)l->ops,
			       (unsigned long long)l->errors);
			fflush(stdout);
			kill(getpid(), SIGSTOP);
			l->rounds_s += elapsed_s(l);
			l->round++;
			l->pausing = false;
			l->time_up = false;
			clock_gettime(CLOCK_MONOTONIC, &l->t0);
			for (i = 0; i < l->nclients; i++) {
				client_next(l->clients[i]);
			}
		}
		if (tevent_loop_once(l->ev) != 0) {
			fprintf(stderr, "clusload: event loop: %s\n",
				strerror(errno));
			return 2;
		}
		for (i = 0; i < l->nclients && !l->stopping; i++) {
			struct client *c = l->clients[i];

			if (c->want_connect && !client_connect(c, false)) {
				return 2;
			}
		}
	}
	return 0;
}

/*
 * Every group is where the last move seen to end left it, unless a
 * move of it was cut off since: a move acknowledged is never lost, and
 * none is made twice behind the clients' backs.
 */
static void verify(struct load *l)
{
	TALLOC_CTX *frame = talloc_new(l->mem);
	struct clusapi_conn *conn = NULL;
	struct clusapi_object_info *groups = NULL;
	struct tevent_req *req;
	uint32_t count = 0, i, checked = 0, uncertain = 0, unmoved = 0;
	WERROR werr = WERR_OK;
	NTSTATUS status;

	status = clusapi_connect(frame, l->ev, l->lp_ctx, l->binding,
				 l->creds, CLUSAPI_CONNECT_NO_NOTIFY, &conn);
	if (!NT_STATUS_IS_OK(status)) {
		printf("UNCLEAN: verify: connect: %s\n", nt_errstr(status));
		l->unclean++;
		talloc_free(frame);
		return;
	}
	req = clusapi_list_send(frame, l->ev, conn, CLUSAPI_OBJECT_GROUP,
				NULL);
	if (req == NULL ||
	    !tevent_req_set_endtime(req, l->ev,
				    tevent_timeval_current_ofs(OP_BOUND_S,
							       0)) ||
	    !tevent_req_poll(req, l->ev)) {
		printf("UNCLEAN: verify: list failed\n");
		l->unclean++;
		talloc_free(frame);
		return;
	}
	status = clusapi_list_recv(req, frame, &groups, &count, &werr);
	if (!NT_STATUS_IS_OK(status) || !W_ERROR_IS_OK(werr)) {
		printf("UNCLEAN: verify: list: %s\n",
		       clusapi_error_string(frame, status, werr));
		l->unclean++;
		talloc_free(frame);
		return;
	}
	for (i = 0; i < count; i++) {
		struct acked *a;
		int gno;

		if (sscanf(groups[i].name, "Group %d", &gno) != 1 ||
		    gno < 1 || gno > l->ngroups) {
			continue;
		}
		a = &l->acked[gno];
		if (a->owner == NULL) {
			unmoved++;
			continue;
		}
		if (a->uncertain) {
			uncertain++;
			continue;
		}
		checked++;
		if (groups[i].owner_node == NULL ||
		    strcasecmp(groups[i].owner_node, a->owner) != 0) {
			l->unclean++;
			printf("UNCLEAN: %s is on %s, its last move ended on "
			       "%s\n", groups[i].name,
			       groups[i].owner_node ?: "(none)", a->owner);
		}
	}
	printf("LOAD verified=%u groups on the node their last move ended "
	       "on, uncertain=%u (a move cut off since), unmoved=%u\n",
	       checked, uncertain, unmoved);
	talloc_free(frame);
}

static void report(struct load *l)
{
	double t = l->rounds_s + elapsed_s(l);
	uint64_t hung = 0;
	int i;

	for (i = 0; i < l->nclients; i++) {
		hung += l->clients[i]->busy;
	}
	if (hung > 0) {
		printf("UNCLEAN: %llu operations still under way %d s after "
		       "the end\n", (unsigned long long)hung, DRAIN_BOUND_S);
		l->unclean += hung;
	}
	if (l->recover && l->clients_recovered != l->clients_lost) {
		printf("UNCLEAN: %llu of %llu clients that lost their "
		       "connection did not recover in %d s\n",
		       (unsigned long long)(l->clients_lost -
					    l->clients_recovered),
		       (unsigned long long)l->clients_lost,
		       RECOVER_BOUND_S);
		l->unclean++;
	}
	printf("LOAD clients=%d seconds=%.1f ops=%llu ops_per_s=%.0f "
	       "enums=%llu shows=%llu moves=%llu\n",
	       l->nclients, t, (unsigned long long)l->ops, l->ops / t,
	       (unsigned long long)l->enums, (unsigned long long)l->shows,
	       (unsigned long long)l->moves);
	printf("LOAD moves_done=%llu moves_already=%llu moves_raced=%llu "
	       "busy_refusals=%llu pending_skipped=%llu\n",
	       (unsigned long long)l->moves_done,
	       (unsigned long long)l->moves_already,
	       (unsigned long long)l->moves_raced,
	       (unsigned long long)l->busy_refusals,
	       (unsigned long long)l->pending_skipped);
	printf("LOAD errors=%llu connection_losses=%llu clients_lost=%llu "
	       "clients_recovered=%llu reconnects=%llu "
	       "connect_failures=%llu unclean=%llu\n",
	       (unsigned long long)l->errors, (unsigned long long)l->losses,
	       (unsigned long long)l->clients_lost,
	       (unsigned long long)l->clients_recovered,
	       (unsigned long long)l->reconnects,
	       (unsigned long long)l->connect_failures,
	       (unsigned long long)l->unclean);
	for (i = 0; i < l->nkinds; i++) {
		printf("LOAD error %s=%llu (%s)\n", l->kinds[i].name,
		       (unsigned long long)l->kinds[i].count,
		       l->kinds[i].clean ? "clean: connection gone" :
		       "unclean");
	}
	fflush(stdout);
}

static void usage(void)
{
	fprintf(stderr, "usage: clusload [-c CLIENTS] [-t SECONDS] -g GROUPS "
		"[--rounds R] [--only A-B]\n"
		"                [--nodes A,B] [--recover] [--no-notify] "
		"[--checkpoint FILE]\n"
		"                [--seed N] [-U USER%%PASS] "
		"[--option NAME=VALUE ...] BINDING\n");
}

int main(int argc, const char **argv)
{
	struct load l = {
		.nclients = 64,
		.seconds = 10,
		.rounds = 1,
		.nodes = { "NodeA", "NodeB" },
	};
	const char *user = NULL;
	unsigned int seed = 1;
	int i, rc;

	/* a write on a connection the server closed must fail, not kill */
	signal(SIGPIPE, SIG_IGN);
	setvbuf(stdout, NULL, _IOLBF, 0);

	l.mem = talloc_new(NULL);
	l.ev = tevent_context_init(l.mem);
	l.lp_ctx = loadparm_init_global(false);
	if (l.mem == NULL || l.ev == NULL || l.lp_ctx == NULL) {
		fprintf(stderr, "clusload: out of memory\n");
		return 2;
	}
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *val = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(a, "--recover") == 0) {
			l.recover = true;
			continue;
		}
		if (strcmp(a, "--no-notify") == 0) {
			l.connect_flags |= CLUSAPI_CONNECT_NO_NOTIFY;
			continue;
		}
		if (a[0] != '-' || val == NULL) {
			break;
		}
		i++;
		if (strcmp(a, "-c") == 0 || strcmp(a, "--clients") == 0) {
			l.nclients = atoi(val);
		} else if (strcmp(a, "-t") == 0 ||
			   strcmp(a, "--seconds") == 0) {
			l.seconds = atoi(val);
		} else if (strcmp(a, "-g") == 0 ||
			   strcmp(a, "--groups") == 0) {
			l.ngroups = atoi(val);
		} else if (strcmp(a, "--only") == 0 &&
			   sscanf(val, "%d-%d", &l.first, &l.last) == 2) {
			;
		} else if (strcmp(a, "--checkpoint") == 0) {
			l.checkpoint = val;
		} else if (strcmp(a, "--rounds") == 0) {
			l.rounds = atoi(val);
		} else if (strcmp(a, "--seed") == 0) {
			seed = strtoul(val, NULL, 10);
		} else if (strcmp(a, "--nodes") == 0 &&
			   strchr(val, ',') != NULL) {
			l.nodes[0] = talloc_strndup(l.mem, val,
						    strchr(val, ',') - val);
			l.nodes[1] = strchr(val, ',') + 1;
		} else if (strcmp(a, "-U") == 0) {
			user = val;
		} else if (strcmp(a, "--option") == 0 &&
			   strchr(val, '=') != NULL) {
			char *name = talloc_strndup(l.mem, val,
						    strchr(val, '=') - val);

			if (name == NULL ||
			    !lpcfg_set_cmdline(l.lp_ctx, name,
					       strchr(val, '=') + 1)) {
				fprintf(stderr, "clusload: bad option "
					"\"%s\"\n", val);
				return 2;
			}
		} else {
			usage();
			return 2;
		}
	}
	if (l.first == 0 && l.last == 0) {
		l.first = 1;
		l.last = l.ngroups;
	}
	if (i + 1 != argc || l.nclients <= 0 || l.seconds <= 0 ||
	    l.ngroups <= 0 || l.rounds <= 0 || l.nodes[0] == NULL ||
	    l.first < 1 ||
	    l.last > l.ngroups || l.first > l.last) {
		usage();
		return 2;
	}
	l.binding = argv[i];
	if (user == NULL) {
		l.creds = cli_credentials_init_anon(l.mem);
	} else {
		l.creds = cli_credentials_init(l.mem);
		if (l.creds != NULL) {
			cli_credentials_guess(l.creds, l.lp_ctx);
			cli_credentials_parse_string(l.creds, user,
						     CRED_SPECIFIED);
		}
	}
	l.clients = talloc_zero_array(l.mem, struct client *, l.nclients);
	l.acked = talloc_zero_array(l.mem, struct acked, l.ngroups + 1);
	if (l.creds == NULL || l.clients == NULL || l.acked == NULL) {
		fprintf(stderr, "clusload: out of memory\n");
		return 2;
	}
	for (i = 0; i < l.nclients; i++) {
		/* each its own talloc context: connections hang on it */
		struct client *c = talloc_zero(l.clients, struct client);

		if (c == NULL) {
			fprintf(stderr, "clusload: out of memory\n");
			return 2;
		}
		c->l = &l;
		c->id = i;
		c->seed = seed * 7919 + i;
		l.clients[i] = c;
	}
	rc = run(&l);
	if (rc == 0 && !l.hard_stop) {
		verify(&l);
	}
	report(&l);
	talloc_free(l.mem);
	if (rc != 0) {
		return rc;
	}
	return l.unclean > 0 ? 1 : 0;
}
