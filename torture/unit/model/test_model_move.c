/*
 * clusapi - cluster model tests: moving groups (MS-CMRP 4.2), cancel,
 * online/offline
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "model_fixture.h"

#define APP "Application Group"

/* What a refused request must leave untouched */
struct snap {
	struct clus_node *owner;
	uint32_t state;
	uint32_t seq;
	uint32_t res_states[8];
};

static void snap_take(struct clus_group *g, struct snap *s)
{
	struct clus_resource *r;
	int i = 0;

	memset(s, 0, sizeof(*s));
	s->owner = g->owner;
	s->state = g->state;
	s->seq = g->state_seq;
	for (r = clus_group_first_resource(g); r != NULL && i < 8;
	     r = clus_group_next_resource(r)) {
		s->res_states[i++] = r->state;
	}
}

static void snap_check(struct clus_group *g, const struct snap *s)
{
	struct snap now;

	snap_take(g, &now);
	assert_ptr_equal(now.owner, s->owner);
	assert_int_equal(now.state, s->state);
	assert_int_equal(now.seq, s->seq);
	assert_memory_equal(now.res_states, s->res_states,
			    sizeof(s->res_states));
	assert_false(clus_group_is_pending(g));
}

static void test_move_to_owner(void **state)
{
	struct tfix *f = *state;
	struct clus_group *g = tfix_group(f, APP);
	struct snap s;

	snap_take(g, &s);
	assert_err(clus_group_move(f->m, g, tfix_node(f, "NodeA"), 0),
		   CM_ERROR_SUCCESS);
	snap_check(g, &s);
}

static void test_move_refused(void **state)
{
	struct tfix *f = *state;
	struct clus_group *g = tfix_group(f, APP);
	struct clus_node *b = tfix_node(f, "NodeB");
	struct clus_node *c = tfix_node(f, "NodeC");
	struct clus_node *n;
	struct snap s;

	snap_take(g, &s);

	assert_err(clus_node_pause(f->m, b, false, NULL), CM_ERROR_SUCCESS);
	assert_err(clus_group_move(f->m, g, b, 0),
		   CM_ERROR_CLUSTER_NODE_PAUSED);
	snap_check(g, &s);
	assert_err(clus_node_resume(f->m, b, false), CM_ERROR_SUCCESS);

	assert_err(clus_node_set_state(f->m, c, CM_NODE_DOWN),
		   CM_ERROR_SUCCESS);
	assert_err(clus_group_move(f->m, g, c, 0),
		   CM_ERROR_HOST_NODE_NOT_AVAILABLE);
	snap_check(g, &s);
	assert_err(clus_node_set_state(f->m, c, CM_NODE_JOINING),
		   CM_ERROR_SUCCESS);
	assert_err(clus_group_move(f->m, g, c, 0),
		   CM_ERROR_HOST_NODE_NOT_AVAILABLE);
	snap_check(g, &s);
	assert_err(clus_node_set_state(f->m, c, CM_NODE_UP),
		   CM_ERROR_SUCCESS);

	/* NodeB cannot run one of the resources */
	assert_err(clus_resource_remove_possible_owner(
			   f->m, tfix_res(f, "Network Name"), b),
		   CM_ERROR_SUCCESS);
	assert_false(clus_group_node_is_possible(g, b));
	assert_err(clus_group_move(f->m, g, b, 0),
		   CM_ERROR_HOST_NODE_NOT_GROUP_OWNER);
	snap_check(g, &s);

	/* an unknown node never gets as far as a move */
	assert_err(clus_node_lookup(f->m, "NodeZ", &n),
		   CM_ERROR_CLUSTER_NODE_NOT_FOUND);
}

static void test_move_while_moving(void **state)
{
	struct tfix *f = *state;
	struct clus_group *g = tfix_group(f, APP);
	struct clus_node *b = tfix_node(f, "NodeB");
	struct clus_node *c = tfix_node(f, "NodeC");
	uint32_t seq;

	assert_err(clus_group_move(f->m, g, b, 0), CM_ERROR_IO_PENDING);
	assert_true(clus_group_is_pending(g));
	assert_int_equal(g->state, CM_GROUP_PENDING);
	seq = g->state_seq;

	assert_err(clus_group_move(f->m, g, c, 0),
		   CM_ERROR_CLUSTER_GROUP_MOVING);
	assert_err(clus_group_move(f->m, g, NULL, 0),
		   CM_ERROR_CLUSTER_GROUP_MOVING);
	assert_err(clus_group_online(f->m, g), CM_ERROR_CLUSTER_GROUP_MOVING);
	assert_err(clus_group_offline(f->m, g),
		   CM_ERROR_CLUSTER_GROUP_MOVING);
	assert_err(clus_group_delete(f->m, g, true),
		   CM_ERROR_CLUSTER_GROUP_MOVING);
	assert_int_equal(g->state_seq, seq);
	assert_string_equal(g->owner->name, "NodeA");

	tfix_wait_group(f, g);
	assert_ptr_equal(g->owner, b);
	assert_int_equal(g->state, CM_GROUP_ONLINE);
}

struct move_trace {
	struct tfix *f;
	struct clus_group *g;
	uint32_t last_seq;
	uint32_t last_state;
	struct clus_node *last_owner;
	int pending_seen;
	int owner_changes;
	bool seq_went_back;
	bool seen_offline_pending;
	bool seen_online_pending;
};

static bool trace_step(void *private_data)
{
	struct move_trace *t = private_data;
	struct clus_group *g = t->g;
	struct clus_resource *r;

	if (g->state_seq < t->last_seq) {
		t->seq_went_back = true;
	}
	t->last_seq = g->state_seq;
	if (g->owner != t->last_owner) {
		t->owner_changes++;
		t->last_owner = g->owner;
	}
	t->last_state = g->state;
	if (g->state == CM_GROUP_PENDING) {
		t->pending_seen++;
	}
	for (r = clus_group_first_resource(g); r != NULL;
	     r = clus_group_next_resource(r)) {
		if (r->state == CM_RES_OFFLINE_PENDING) {
			t->seen_offline_pending = true;
			assert_string_equal(g->owner->name, "NodeA");
		}
		if (r->state == CM_RES_ONLINE_PENDING) {
			t->seen_online_pending = true;
			assert_string_equal(g->owner->name, "NodeB");
		}
	}
	return !clus_group_is_pending(g);
}

static void test_move_to_completion(void **state)
{
	struct tfix *f = *state;
	struct clus_group *g = tfix_group(f, APP);
	struct clus_node *b = tfix_node(f, "NodeB");
	struct move_trace t = { .f = f, .g = g };
	struct clus_resource *r;
	uint32_t seq0 = g->state_seq;

	t.last_seq = g->state_seq;
	t.last_state = g->state;
	t.last_owner = g->owner;

	/* MS-CMRP 4.2: Application Group from NodeA to NodeB */
	assert_err(clus_group_move(f->m, g, b, 0), CM_ERROR_IO_PENDING);
	assert_int_equal(g->state, CM_GROUP_PENDING);
	assert_true(g->state_seq > seq0);

	assert_true(tfix_run_until(f, trace_step, &t));
	assert_false(t.seq_went_back);
	assert_true(t.pending_seen > 0);
	assert_int_equal(t.owner_changes, 1);
	assert_true(t.seen_offline_pending);
	assert_true(t.seen_online_pending);

	assert_ptr_equal(g->owner, b);
	assert_int_equal(g->state, CM_GROUP_ONLINE);
	/* Pending, owner change, Online: at least three increments */
	assert_true(g->state_seq >= seq0 + 3);
	for (r = clus_group_first_resource(g); r != NULL;
	     r = clus_group_next_resource(r)) {
		assert_int_equal(r->state, CM_RES_ONLINE);
	}
	tfix_check_consistent(f->m, true);
}

static void test_move_offline_group(void **state)
{
	struct tfix *f = *state;
	struct clus_group *g = tfix_group(f, APP);
	struct clus_node *c = tfix_node(f, "NodeC");

	assert_err(clus_group_offline(f->m, g), CM_ERROR_IO_PENDING);
	tfix_wait_group(f, g);
	assert_int_equal(g->state, CM_GROUP_OFFLINE);

	/* resources come back in their persistent state: Offline */
	assert_err(clus_group_move(f->m, g, c, 0), CM_ERROR_IO_PENDING);
	assert_int_equal(g->state, CM_GROUP_PENDING);
	tfix_wait_group(f, g);
	assert_ptr_equal(g->owner, c);
	assert_int_equal(g->state, CM_GROUP_OFFLINE);

	/* an empty group moves too, and is Pending until it has */
	assert_err(clus_group_create(f->m, "Empty", CM_GROUP_TYPE_UNKNOWN,
				     &g), CM_ERROR_SUCCESS);
	assert_int_equal(g->state, CM_GROUP_OFFLINE);
	assert_err(clus_group_move(f->m, g, c, 0), CM_ERROR_IO_PENDING);
	assert_int_equal(g->state, CM_GROUP_PENDING);
	tfix_wait_group(f, g);
	assert_ptr_equal(g->owner, c);
	assert_int_equal(g->state, CM_GROUP_OFFLINE);
}

static void test_best_node(void **state)
{
	struct tfix *f = *state;
	struct clus_group *g = tfix_group(f, APP);
	struct clus_node *a = tfix_node(f, "NodeA");
	struct clus_node *b = tfix_node(f, "NodeB");
	struct clus_node *c = tfix_node(f, "NodeC");
	struct clus_node *pref[] = { c, b };

	/* preferred owners first, in their order */
	assert_ptr_equal(clus_group_best_node(f->m, g), b);
	assert_err(clus_group_set_preferred_owners(f->m, g, pref, 2),
		   CM_ERROR_SUCCESS);
	assert_ptr_equal(clus_group_best_node(f->m, g), c);

	/* paused and down nodes do not count */
	assert_err(clus_node_pause(f->m, c, false, NULL), CM_ERROR_SUCCESS);
	assert_ptr_equal(clus_group_best_node(f->m, g), b);
	assert_err(clus_node_set_state(f->m, b, CM_NODE_DOWN),
		   CM_ERROR_SUCCESS);
	assert_null(clus_group_best_node(f->m, g));
	assert_err(clus_group_move(f->m, g, NULL, 0),
		   CM_ERROR_HOST_NODE_NOT_AVAILABLE);
	assert_false(clus_group_is_pending(g));

	/* not preferred, but Up and possible: still a candidate */
	assert_err(clus_node_set_state(f->m, b, CM_NODE_UP),
		   CM_ERROR_SUCCESS);
	pref[0] = a;
	assert_err(clus_group_set_preferred_owners(f->m, g, pref, 1),
		   CM_ERROR_SUCCESS);
	assert_ptr_equal(clus_group_best_node(f->m, g), b);

	assert_err(clus_group_move(f->m, g, NULL, 0), CM_ERROR_IO_PENDING);
	tfix_wait_group(f, g);
	assert_ptr_equal(g->owner, b);
	assert_int_equal(g->state, CM_GROUP_ONLINE);
}

static bool first_step_done(void *private_data)
{
	struct clus_group *g = private_data;
	struct clus_resource *r;

	/* stop while still on the source, mid-way through stopping */
	for (r = clus_group_first_resource(g); r != NULL;
	     r = clus_group_next_resource(r)) {
		if (r->state == CM_RES_OFFLINE) {
			return true;
		}
	}
	return false;
}

static void test_cancel(void **state)
{
	struct tfix *f = *state;
	struct clus_group *g = tfix_group(f, APP);
	struct clus_node *a = tfix_node(f, "NodeA");
	struct clus_node *b = tfix_node(f, "NodeB");
	struct clus_resource *r;

	assert_err(clus_group_cancel_operation(f->m, g, 1),
		   CM_ERROR_INVALID_PARAMETER);
	assert_err(clus_group_cancel_operation(f->m, g, 0),
		   CM_ERROR_INVALID_STATE);

	/* cancelled before the hand-over: back online on the source */
	assert_err(clus_group_move(f->m, g, b, 0), CM_ERROR_IO_PENDING);
	assert_true(tfix_run_until(f, first_step_done, g));
	assert_ptr_equal(g->owner, a);
	assert_err(clus_group_cancel_operation(f->m, g, 1),
		   CM_ERROR_INVALID_PARAMETER);
	assert_err(clus_group_cancel_operation(f->m, g, 0),
		   CM_ERROR_IO_PENDING);
	assert_true(clus_group_is_pending(g));
	tfix_wait_group(f, g);
	assert_ptr_equal(g->owner, a);
	assert_int_equal(g->state, CM_GROUP_ONLINE);
	for (r = clus_group_first_resource(g); r != NULL;
	     r = clus_group_next_resource(r)) {
		assert_int_equal(r->state, CM_RES_ONLINE);
	}
	assert_err(clus_group_cancel_operation(f->m, g, 0),
		   CM_ERROR_INVALID_STATE);

	/* a cancelled offline stops where it is, settled */
	assert_err(clus_group_offline(f->m, g), CM_ERROR_IO_PENDING);
	assert_err(clus_group_cancel_operation(f->m, g, 0),
		   CM_ERROR_IO_PENDING);
	tfix_wait_group(f, g);
	assert_int_not_equal(g->state, CM_GROUP_PENDING);
	tfix_check_consistent(f->m, true);
}

static bool handed_over(void *private_data)
{
	struct clus_group *g = private_data;

	return strcmp(g->owner->name, "NodeB") == 0;
}

static void test_cancel_after_handover(void **state)
{
	struct tfix *f = *state;
	struct clus_group *g = tfix_group(f, APP);
	struct clus_node *b = tfix_node(f, "NodeB");

	assert_err(clus_group_move(f->m, g, b, 0), CM_ERROR_IO_PENDING);
	assert_true(tfix_run_until(f, handed_over, g));
	assert_true(clus_group_is_pending(g));
	assert_err(clus_group_cancel_operation(f->m, g, 0),
		   CM_ERROR_IO_PENDING);
	tfix_wait_group(f, g);
	/* it settles where it is now: the target */
	assert_ptr_equal(g->owner, b);
	assert_int_equal(g->state, CM_GROUP_ONLINE);
}

static void test_target_lost(void **state)
{
	struct tfix *f = *state;
	struct clus_group *g = tfix_group(f, APP);
	struct clus_node *a = tfix_node(f, "NodeA");
	struct clus_node *b = tfix_node(f, "NodeB");

	/* the target goes down while the resources stop: Failed */
	assert_err(clus_group_move(f->m, g, b, 0), CM_ERROR_IO_PENDING);
	assert_err(clus_node_set_state(f->m, b, CM_NODE_DOWN),
		   CM_ERROR_SUCCESS);
	tfix_wait_group(f, g);
	assert_ptr_equal(g->owner, a);
	assert_int_equal(g->state, CM_GROUP_FAILED);

	/* the client can recover it by bringing it online */
	assert_err(clus_group_online(f->m, g), CM_ERROR_IO_PENDING);
	tfix_wait_group(f, g);
	assert_int_equal(g->state, CM_GROUP_ONLINE);

	/* with RETURN_TO_SOURCE_NODE_ON_ERROR it comes back up at home */
	assert_err(clus_node_set_state(f->m, b, CM_NODE_UP),
		   CM_ERROR_SUCCESS);
	assert_err(clus_group_move(f->m, g, b,
				   CM_MOVE_RETURN_TO_SOURCE_NODE_ON_ERROR),
		   CM_ERROR_IO_PENDING);
	assert_err(clus_node_set_state(f->m, b, CM_NODE_DOWN),
		   CM_ERROR_SUCCESS);
	tfix_wait_group(f, g);
	assert_ptr_equal(g->owner, a);
	assert_int_equal(g->state, CM_GROUP_ONLINE);

	/* paused meanwhile counts as gone: nothing starts on it */
	assert_err(clus_node_set_state(f->m, b, CM_NODE_UP),
		   CM_ERROR_SUCCESS);
	assert_err(clus_group_move(f->m, g, b,
				   CM_MOVE_RETURN_TO_SOURCE_NODE_ON_ERROR),
		   CM_ERROR_IO_PENDING);
	assert_err(clus_node_pause(f->m, b, false, NULL), CM_ERROR_SUCCESS);
	tfix_wait_group(f, g);
	assert_ptr_equal(g->owner, a);
	assert_int_equal(g->state, CM_GROUP_ONLINE);
}

struct waited {
	bool done;
	uint32_t result;
};

static void wait_done(struct tevent_req *req)
{
	struct waited *w = tevent_req_callback_data_void(req);

	w->result = clus_group_wait_recv(req);
	w->done = true;
	talloc_free(req);
}

static bool is_done(void *private_data)
{
	return ((struct waited *)private_data)->done;
}

static void test_wait(void **state)
{
	struct tfix *f = *state;
	struct clus_group *g = tfix_group(f, APP);
	struct waited w = { 0 };
	struct tevent_req *req;

	assert_err(clus_group_move(f->m, g, tfix_node(f, "NodeC"), 0),
		   CM_ERROR_IO_PENDING);
	req = clus_group_wait_send(f->mem, f->ev, f->m, g);
	assert_non_null(req);
	tevent_req_set_callback(req, wait_done, &w);
	assert_true(tfix_run_until(f, is_done, &w));
	assert_err(w.result, CM_ERROR_SUCCESS);
	assert_false(clus_group_is_pending(g));
	assert_string_equal(g->owner->name, "NodeC");

	/* settled: completes at once (from the loop) */
	w.done = false;
	req = clus_group_wait_send(f->mem, f->ev, f->m, g);
	tevent_req_set_callback(req, wait_done, &w);
	assert_true(tfix_run_until(f, is_done, &w));
	assert_err(w.result, CM_ERROR_SUCCESS);
}

static void test_resource_online_offline(void **state)
{
	struct tfix *f = *state;
	struct clus_group *g = tfix_group(f, APP);
	struct clus_resource *ip = tfix_res(f, "IP Address");
	struct clus_resource *nn = tfix_res(f, "Network Name");
	struct clus_resource *svc = tfix_res(f, "Application Service");

	/* offline takes the dependents down first */
	assert_err(clus_resource_offline(f->m, ip), CM_ERROR_IO_PENDING);
	assert_int_equal(svc->state, CM_RES_OFFLINE_PENDING);
	assert_int_equal(ip->state, CM_RES_ONLINE);
	tfix_wait_group(f, g);
	assert_int_equal(ip->state, CM_RES_OFFLINE);
	assert_int_equal(nn->state, CM_RES_OFFLINE);
	assert_int_equal(svc->state, CM_RES_OFFLINE);
	assert_int_equal(ip->persistent_state, CM_RES_OFFLINE);
	assert_int_equal(g->state, CM_GROUP_OFFLINE);
	assert_err(clus_resource_offline(f->m, ip), CM_ERROR_SUCCESS);

	/* online brings the providers up first */
	assert_err(clus_resource_online(f->m, nn), CM_ERROR_IO_PENDING);
	assert_int_equal(ip->state, CM_RES_ONLINE_PENDING);
	assert_int_equal(nn->state, CM_RES_OFFLINE);
	tfix_wait_group(f, g);
	assert_int_equal(ip->state, CM_RES_ONLINE);
	assert_int_equal(nn->state, CM_RES_ONLINE);
	assert_int_equal(svc->state, CM_RES_OFFLINE);
	assert_int_equal(g->state, CM_GROUP_PARTIAL_ONLINE);
	assert_err(clus_resource_online(f->m, nn), CM_ERROR_SUCCESS);

	/* resources of a group on a paused node stay down */
	assert_err(clus_node_pause(f->m, g->owner, false, NULL),
		   CM_ERROR_SUCCESS);
	assert_err(clus_resource_online(f->m, svc),
		   CM_ERROR_CLUSTER_NODE_PAUSED);
	assert_err(clus_group_online(f->m, g), CM_ERROR_CLUSTER_NODE_PAUSED);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, tfix_setup_memory, \
					      tfix_teardown)
	const struct CMUnitTest tests[] = {
		T(test_move_to_owner),
		T(test_move_refused),
		T(test_move_while_moving),
		T(test_move_to_completion),
		T(test_move_offline_group),
		T(test_best_node),
		T(test_cancel),
		T(test_cancel_after_handover),
		T(test_target_lost),
		T(test_wait),
		T(test_resource_online_offline),
	};
#undef T

	return cmocka_run_group_tests_name("model_move", tests, NULL, NULL);
}
