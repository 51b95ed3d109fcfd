/*
 * clusapi - cluster model tests: notification ports
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "model_fixture.h"

#define APP "Application Group"

static void test_v1_move(void **state)
{
	struct tfix *f = *state;
	struct clus_group *g = tfix_group(f, APP);
	struct clus_node *b = tfix_node(f, "NodeB");
	struct clus_notify_port *port;
	struct clus_notify_event *ev;
	uint32_t seq = 0, last_seq = 0;
	uint32_t group_events = 0, res_events = 0, other_group = 0;
	bool saw_pending = false, saw_online_pending = false;
	uint32_t final_state = 0;

	assert_err(clus_notify_port_create(f->mem, f->m, 1, &port),
		   CM_ERROR_SUCCESS);
	/* forbidden or empty filters */
	assert_err(clus_notify_add_v1(port, CM_OBJ_GROUP, g->id,
				      CM_CHANGE_HANDLE_CLOSE, 1, false, NULL),
		   CM_ERROR_INVALID_PARAMETER);
	assert_err(clus_notify_add_v1(port, CM_OBJ_GROUP, g->id, 0, 1, false,
				      NULL), CM_ERROR_INVALID_PARAMETER);
	assert_err(clus_notify_add_v2(port, CM_OBJ_GROUP, 8, NULL, 1, 2),
		   CM_ERROR_INVALID_PARAMETER);

	/* the 4.2 client: group state of one group, key 42 */
	assert_err(clus_notify_add_v1(port, CM_OBJ_GROUP, g->id,
				      CM_CHANGE_GROUP_STATE, 42, false, &seq),
		   CM_ERROR_SUCCESS);
	assert_int_equal(seq, g->state_seq);
	/* and every resource state change in the cluster, key 7 */
	assert_err(clus_notify_add_v1(port, CM_OBJ_CLUSTER, NULL,
				      CM_CHANGE_RESOURCE_STATE, 7, false,
				      NULL), CM_ERROR_SUCCESS);

	/* a change elsewhere only shows up on the cluster-wide filter */
	assert_err(clus_resource_fail(f->m, tfix_res(f, "Cluster Disk 2")),
		   CM_ERROR_SUCCESS);
	ev = clus_notify_port_pop(port, f->mem);
	assert_non_null(ev);
	assert_int_equal(ev->notify_key, 7);
	assert_int_equal(ev->filter, CM_CHANGE_RESOURCE_STATE);
	assert_string_equal(ev->name, "Cluster Disk 2");
	assert_int_equal(ev->state, CM_RES_FAILED);
	assert_null(clus_notify_port_pop(port, f->mem));

	last_seq = seq;
	assert_err(clus_group_move(f->m, g, b, 0), CM_ERROR_IO_PENDING);
	tfix_wait_group(f, g);

	while ((ev = clus_notify_port_pop(port, f->mem)) != NULL) {
		if (ev->notify_key == 42) {
			assert_int_equal(ev->filter, CM_CHANGE_GROUP_STATE);
			assert_int_equal(ev->object_type, CM_OBJ_GROUP);
			assert_string_equal(ev->name, APP);
			assert_string_equal(ev->object_id, g->id);
			assert_true(ev->state_sequence > last_seq);
			last_seq = ev->state_sequence;
			saw_pending |= (ev->state == CM_GROUP_PENDING);
			final_state = ev->state;
			group_events++;
		} else {
			assert_int_equal(ev->notify_key, 7);
			assert_int_equal(ev->filter,
					 CM_CHANGE_RESOURCE_STATE);
			assert_string_equal(ev->parent_id, g->id);
			saw_online_pending |=
				(ev->state == CM_RES_ONLINE_PENDING);
			res_events++;
		}
		if (strcmp(ev->name, "Cluster Group") == 0) {
			other_group++;
		}
		talloc_free(ev);
	}
	assert_true(saw_pending);
	assert_true(saw_online_pending);
	assert_int_equal(final_state, CM_GROUP_ONLINE);
	assert_int_equal(last_seq, g->state_seq);
	assert_true(group_events >= 3);
	/* 3 resources: OfflinePending, Offline, OnlinePending, Online */
	assert_int_equal(res_events, 12);
	assert_int_equal(other_group, 0);
	talloc_free(port);
}

static void test_v2_move(void **state)
{
	struct tfix *f = *state;
	struct clus_group *g = tfix_group(f, APP);
	struct clus_group *other = tfix_group(f, "Cluster Group");
	struct clus_node *c = tfix_node(f, "NodeC");
	struct clus_notify_port *port;
	struct clus_notify_event *ev;
	bool owner_seen = false, gained_seen = false, online_seen = false;

	assert_err(clus_notify_port_create(f->mem, f->m, 2, &port),
		   CM_ERROR_SUCCESS);
	/* v1 filters do not go on a v2 port */
	assert_err(clus_notify_add_v1(port, CM_OBJ_GROUP, g->id,
				      CM_CHANGE_GROUP_STATE, 1, false, NULL),
		   CM_ERROR_INVALID_PARAMETER);

	/* nothing is queued before the first filter */
	assert_err(clus_group_offline(f->m, other), CM_ERROR_IO_PENDING);
	tfix_wait_group(f, other);
	assert_int_equal(clus_notify_port_num_events(port), 0);

	assert_err(clus_notify_add_v2(port, CM_OBJ_GROUP,
				      CM_CHANGE_GROUP_STATE_V2 |
				      CM_CHANGE_GROUP_OWNER_NODE_V2,
				      g->id, 5, 2), CM_ERROR_SUCCESS);
	assert_err(clus_notify_add_v2(port, CM_OBJ_NODE,
				      CM_CHANGE_NODE_GROUP_GAINED_V2, NULL, 6,
				      2), CM_ERROR_SUCCESS);

	/* targeted at Application Group: Cluster Group is not reported */
	assert_err(clus_group_online(f->m, other), CM_ERROR_IO_PENDING);
	tfix_wait_group(f, other);
	assert_int_equal(clus_notify_port_num_events(port), 0);

	assert_err(clus_group_move(f->m, g, c, 0), CM_ERROR_IO_PENDING);
	tfix_wait_group(f, g);
	while ((ev = clus_notify_port_pop(port, f->mem)) != NULL) {
		if (ev->notify_key == 6) {
			assert_int_equal(ev->object_type, CM_OBJ_NODE);
			assert_int_equal(ev->filter_flags,
					 CM_CHANGE_NODE_GROUP_GAINED_V2);
			assert_string_equal(ev->object_id, c->id);
			gained_seen = true;
			talloc_free(ev);
			continue;
		}
		assert_int_equal(ev->notify_key, 5);
		assert_int_equal(ev->object_type, CM_OBJ_GROUP);
		assert_string_equal(ev->object_id, g->id);
		if (ev->filter_flags == CM_CHANGE_GROUP_OWNER_NODE_V2) {
			assert_string_equal(ev->parent_id, c->id);
			owner_seen = true;
		} else {
			assert_int_equal(ev->filter_flags,
					 CM_CHANGE_GROUP_STATE_V2);
			assert_int_equal(ev->buffer_len, 4);
			assert_int_equal(ev->buffer[0], ev->state);
			online_seen |= (ev->state == CM_GROUP_ONLINE);
		}
		talloc_free(ev);
	}
	assert_true(owner_seen);
	assert_true(gained_seen);
	assert_true(online_seen);
}

struct waited {
	bool done;
	int ret;
	enum clus_notify_wait_result result;
};

static void wait_done(struct tevent_req *req)
{
	struct waited *w = tevent_req_callback_data_void(req);

	w->ret = clus_notify_wait_recv(req, &w->result);
	w->done = true;
	talloc_free(req);
}

static bool is_done(void *private_data)
{
	return ((struct waited *)private_data)->done;
}

static void start_wait(struct tfix *f, struct clus_notify_port *port,
		       struct waited *w)
{
	struct tevent_req *req;

	memset(w, 0, sizeof(*w));
	req = clus_notify_wait_send(f->mem, f->ev, port);
	assert_non_null(req);
	tevent_req_set_callback(req, wait_done, w);
}

/* A wait on a new v2 port ends CLOSED when the port is closed or freed */
static void wait_ends_closed(struct tfix *f, bool free_port)
{
	struct clus_notify_port *port = NULL;
	struct waited w;

	assert_err(clus_notify_port_create(f->mem, f->m, 2, &port),
		   CM_ERROR_SUCCESS);
	start_wait(f, port, &w);
	if (free_port) {
		TALLOC_FREE(port);
	} else {
		clus_notify_port_close(port);
	}
	assert_true(tfix_run_until(f, is_done, &w));
	assert_int_equal(w.result, CLUS_NOTIFY_CLOSED);
	talloc_free(port);
}

static void test_wait(void **state)
{
	struct tfix *f = *state;
	struct clus_group *g = tfix_group(f, APP);
	struct clus_notify_port *port;
	struct tevent_req *req;
	struct waited w;

	assert_err(clus_notify_port_create(f->mem, f->m, 1, &port),
		   CM_ERROR_SUCCESS);
	assert_err(clus_notify_add_v1(port, CM_OBJ_GROUP, g->id,
				      CM_CHANGE_GROUP_STATE, 1, false, NULL),
		   CM_ERROR_SUCCESS);

	/* blocks until the move produces an event */
	start_wait(f, port, &w);
	assert_false(w.done);
	assert_err(clus_group_move(f->m, g, tfix_node(f, "NodeB"), 0),
		   CM_ERROR_IO_PENDING);
	assert_true(tfix_run_until(f, is_done, &w));
	assert_int_equal(w.ret, 0);
	assert_int_equal(w.result, CLUS_NOTIFY_EVENTS);
	tfix_wait_group(f, g);
	while (clus_notify_port_num_events(port) > 0) {
		talloc_free(clus_notify_port_pop(port, f->mem));
	}

	/* a timeout */
	start_wait(f, port, &w);
	req = clus_notify_wait_send(f->mem, f->ev, port);
	tevent_req_set_endtime(req, f->ev, tevent_timeval_current_ofs(0,
								      1000));
	{
		struct waited w2 = { 0 };

		tevent_req_set_callback(req, wait_done, &w2);
		assert_true(tfix_run_until(f, is_done, &w2));
		assert_int_equal(w2.result, CLUS_NOTIFY_TIMEOUT);
	}
	assert_false(w.done);

	/* unblocking ends the pending wait, and every later one */
	clus_notify_port_unblock(port);
	assert_true(tfix_run_until(f, is_done, &w));
	assert_int_equal(w.result, CLUS_NOTIFY_UNBLOCKED);
	start_wait(f, port, &w);
	assert_true(tfix_run_until(f, is_done, &w));
	assert_int_equal(w.result, CLUS_NOTIFY_UNBLOCKED);
	talloc_free(port);

	/* closing or freeing a port ends its wait */
	wait_ends_closed(f, false);
	wait_ends_closed(f, true);
}

static void test_readd_and_registry(void **state)
{
	struct tfix *f = *state;
	struct clus_group *g = tfix_group(f, APP);
	struct clus_notify_port *port;
	struct clus_notify_event *ev;
	struct clus_regkey *key;
	bool created;

	assert_err(clus_notify_port_create(f->mem, f->m, 1, &port),
		   CM_ERROR_SUCCESS);
	/* a reconnecting client with a stale sequence hears about it */
	assert_err(clus_notify_readd_v1(port, CM_OBJ_GROUP, g->id,
					CM_CHANGE_GROUP_STATE, 9,
					g->state_seq + 100),
		   CM_ERROR_SUCCESS);
	ev = clus_notify_port_pop(port, f->mem);
	assert_non_null(ev);
	assert_int_equal(ev->notify_key, 9);
	assert_int_equal(ev->filter, CM_CHANGE_GROUP_STATE);
	assert_int_equal(ev->state_sequence, g->state_seq);
	assert_string_equal(ev->name, APP);
	/* an up to date one does not */
	assert_err(clus_notify_readd_v1(port, CM_OBJ_GROUP, g->id,
					CM_CHANGE_GROUP_STATE, 9,
					g->state_seq), CM_ERROR_SUCCESS);
	assert_null(clus_notify_port_pop(port, f->mem));
	talloc_free(port);

	/* registry: a subtree watch sees a value set below it */
	assert_err(clus_notify_port_create(f->mem, f->m, 1, &port),
		   CM_ERROR_SUCCESS);
	assert_err(clus_notify_add_v1(port, CM_OBJ_REGISTRY, "Groups",
				      CM_CHANGE_REGISTRY_NAME |
				      CM_CHANGE_REGISTRY_VALUE, 3, true, NULL),
		   CM_ERROR_SUCCESS);
	assert_err(clus_regkey_create(f->m, clus_regkey_root(f->m),
				      "Groups\\X\\Y", &key, &created),
		   CM_ERROR_SUCCESS);
	assert_true(created);
	assert_int_equal(clus_notify_port_num_events(port), 2);
	assert_err(clus_regkey_set_value(f->m, key, "v", CM_REG_DWORD,
					 (const uint8_t *)"\1\0\0\0", 4),
		   CM_ERROR_SUCCESS);
	/* outside the watched tree: nothing */
	assert_err(clus_regkey_set_value(f->m, clus_regkey_root(f->m), "v",
					 CM_REG_DWORD,
					 (const uint8_t *)"\1\0\0\0", 4),
		   CM_ERROR_SUCCESS);
	assert_int_equal(clus_notify_port_num_events(port), 3);
	talloc_free(clus_notify_port_pop(port, f->mem));
	talloc_free(clus_notify_port_pop(port, f->mem));
	ev = clus_notify_port_pop(port, f->mem);
	assert_int_equal(ev->filter, CM_CHANGE_REGISTRY_VALUE);
	assert_string_equal(ev->name, "Groups\\X\\Y");
}

static void test_model_gone(void **state)
{
	struct tfix *f = *state;
	struct clus_notify_port *port;
	struct waited w;

	/* the port outlives the model: its wait ends, nothing crashes */
	assert_err(clus_notify_port_create(f, f->m, 2, &port),
		   CM_ERROR_SUCCESS);
	start_wait(f, port, &w);
	TALLOC_FREE(f->m);
	assert_true(tfix_run_until(f, is_done, &w));
	assert_int_equal(w.result, CLUS_NOTIFY_CLOSED);
	talloc_free(port);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, tfix_setup_memory, \
					      tfix_teardown)
	const struct CMUnitTest tests[] = {
		T(test_v1_move),
		T(test_v2_move),
		T(test_wait),
		T(test_readd_and_registry),
		T(test_model_gone),
	};
#undef T

	return cmocka_run_group_tests_name("model_notify", tests, NULL, NULL);
}
