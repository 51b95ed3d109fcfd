/*
 * clusapi - Pacemaker backend tests: CIB files read, MS-CMRP states
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CIB files come from a real 3-node cluster and from crm_simulate
 * (make_cibs.sh beside them says which is which); no daemon runs here.
 */

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "server/pacemaker/pcmk.h"
#include "server/model/model.h"

static struct pcmk_cib *load(void **state, const char *name)
{
	char *path = talloc_asprintf(*state, "%s/%s", PCMK_CIB_DIR, name);
	struct pcmk_cib *cib = NULL;

	assert_non_null(path);
	assert_int_equal(pcmk_cib_parse_file(*state, path, &cib), 0);
	assert_non_null(cib);
	return cib;
}

static uint32_t group(const struct pcmk_cib *cib, const char *id,
		      bool busy, const char **owner)
{
	const struct pcmk_group *g = pcmk_cib_group(cib, id);

	assert_non_null(g);
	return pcmk_group_state(cib, g, busy, owner);
}

static uint32_t rsc(const struct pcmk_cib *cib, const char *id,
		    const char **owner)
{
	const struct pcmk_primitive *p = pcmk_cib_primitive(cib, id);

	assert_non_null(p);
	return pcmk_resource_state(p, owner);
}

static uint32_t node(const struct pcmk_cib *cib, const char *name)
{
	const struct pcmk_node *n = pcmk_cib_node(cib, name);

	assert_non_null(n);
	return pcmk_node_state(n);
}

static void test_running_config(void **state)
{
	struct pcmk_cib *cib = load(state, "cib_running.xml");
	const struct pcmk_group *g = pcmk_cib_group(cib, "G");
	const struct pcmk_primitive *p1 = pcmk_cib_primitive(cib, "P1");
	const char *names[] = { "A1", "A2", "A3" };
	const char *owner = NULL;
	size_t i;

	assert_string_equal(cib->cluster_name, "clusapi-test");
	assert_true(cib->have_quorum);
	assert_non_null(cib->dc_uuid);
	assert_int_equal(cib->num_nodes, 3);
	/* G, and P1 (outside any group) as a group of its own */
	assert_int_equal(cib->num_groups, 2);
	assert_int_equal(cib->num_primitives, 4);
	assert_int_equal(cib->num_locations, 0);

	assert_int_equal(g->num_members, 3);
	assert_null(g->target_role);
	for (i = 0; i < 3; i++) {
		const struct pcmk_primitive *m = g->members[i];

		assert_string_equal(m->id, names[i]);
		assert_string_equal(m->group, "G");
		assert_string_equal(m->class, "ocf");
		assert_string_equal(m->provider, "pacemaker");
		assert_string_equal(m->type, "Dummy");
		assert_string_equal(pcmk_nvset_get(&m->params, "op_sleep"),
				    "1");
	}
	assert_false(g->solo);
	assert_null(p1->group);
	assert_string_equal(p1->target_role, "Stopped");
	g = pcmk_cib_group(cib, "P1");
	assert_non_null(g);
	assert_true(g->solo);
	assert_int_equal(g->num_members, 1);
	assert_ptr_equal(g->members[0], p1);
	assert_string_equal(g->target_role, "Stopped");
	assert_int_equal(group(cib, "P1", false, &owner), CM_GROUP_OFFLINE);
	assert_string_equal(p1->meta.id, "P1-meta");
	assert_int_equal(p1->params.num, 2);
	assert_string_equal(pcmk_nvset_get(&p1->params, "fake"), "hello");
	assert_null(pcmk_nvset_get(&p1->params, "nothing"));
}

static void test_running_states(void **state)
{
	struct pcmk_cib *cib = load(state, "cib_running.xml");
	const char *owner = NULL;

	assert_int_equal(node(cib, "node1"), CM_NODE_UP);
	assert_int_equal(node(cib, "node2"), CM_NODE_UP);
	assert_int_equal(node(cib, "node3"), CM_NODE_UP);

	assert_int_equal(group(cib, "G", false, &owner), CM_GROUP_ONLINE);
	assert_string_equal(owner, "node1");
	assert_int_equal(rsc(cib, "A2", &owner), CM_RES_ONLINE);
	assert_string_equal(owner, "node1");
	/* probed (rc 7) everywhere, stopped by its target-role */
	assert_int_equal(rsc(cib, "P1", &owner), CM_RES_OFFLINE);
	assert_null(owner);

	/* the controller still running a transition */
	assert_int_equal(group(cib, "G", true, &owner), CM_GROUP_PENDING);
	assert_string_equal(owner, "node1");
}

/* a stop in flight (rc-code 193) while G moves to node3 */
static void test_pending(void **state)
{
	struct pcmk_cib *cib = load(state, "cib_pending.xml");
	const struct pcmk_location *l =
		pcmk_cib_location(cib, "cli-prefer-G");
	const struct pcmk_primitive *a3 = pcmk_cib_primitive(cib, "A3");
	const char *owner = NULL;
	size_t i, in_flight = 0;

	assert_non_null(l);
	assert_string_equal(l->rsc, "G");
	assert_string_equal(l->node, "node3");
	assert_string_equal(l->score, "INFINITY");
	assert_string_equal(l->role, "Started");
	assert_false(l->rule);

	for (i = 0; i < a3->num_on; i++) {
		if (a3->on[i].rc == PCMK_RC_PENDING) {
			assert_string_equal(a3->on[i].node, "node1");
			assert_string_equal(a3->on[i].op, "stop");
			assert_int_equal(a3->on[i].role, PCMK_ROLE_STOPPING);
			in_flight++;
		}
	}
	assert_int_equal(in_flight, 1);
	assert_int_equal(rsc(cib, "A3", &owner), CM_RES_OFFLINE_PENDING);
	assert_string_equal(owner, "node1");
	assert_int_equal(rsc(cib, "A1", &owner), CM_RES_ONLINE);
	assert_int_equal(group(cib, "G", false, &owner), CM_GROUP_PENDING);
	assert_string_equal(owner, "node1");
}

static void test_moved(void **state)
{
	struct pcmk_cib *cib = load(state, "cib_moved.xml");
	const char *owner = NULL;

	/* the cli-prefer constraint is still there, and satisfied */
	assert_non_null(pcmk_cib_location(cib, "cli-prefer-G"));
	assert_int_equal(group(cib, "G", false, &owner), CM_GROUP_ONLINE);
	assert_string_equal(owner, "node3");
	assert_int_equal(rsc(cib, "A1", &owner), CM_RES_ONLINE);
	assert_string_equal(owner, "node3");
}

/* between the last stop and the first start: owned by the target */
static void test_moving_all_stopped(void **state)
{
	struct pcmk_cib *cib = load(state, "cib_moved.xml");
	const char *owner = NULL;
	size_t i, k;

	for (i = 0; i < cib->num_primitives; i++) {
		struct pcmk_primitive *p = &cib->primitives[i];

		for (k = 0; k < p->num_on; k++) {
			p->on[k].role = PCMK_ROLE_STOPPED;
		}
	}
	assert_int_equal(group(cib, "G", false, &owner), CM_GROUP_PENDING);
	assert_string_equal(owner, "node3");
}

/* crm_simulate --node-fail node3 on cib_moved.xml */
static void test_node_failed(void **state)
{
	struct pcmk_cib *cib = load(state, "cib_nodefail.xml");
	const char *owner = NULL;

	assert_int_equal(node(cib, "node3"), CM_NODE_DOWN);
	assert_int_equal(node(cib, "node1"), CM_NODE_UP);
	/* node3's history says started, but node3 is gone */
	assert_int_equal(group(cib, "G", false, &owner), CM_GROUP_ONLINE);
	assert_non_null(owner);
	assert_string_not_equal(owner, "node3");
	assert_int_equal(rsc(cib, "A3", &owner), CM_RES_ONLINE);
	assert_string_not_equal(owner, "node3");
}

/* G moved to node2 where A2's start fails (crm_simulate --op-fail) */
static void test_failed(void **state)
{
	struct pcmk_cib *cib = load(state, "cib_failed.xml");
	const char *owner = NULL;

	assert_int_equal(rsc(cib, "A1", &owner), CM_RES_ONLINE);
	assert_string_equal(owner, "node2");
	assert_int_equal(rsc(cib, "A2", &owner), CM_RES_FAILED);
	assert_string_equal(owner, "node2");
	assert_int_equal(rsc(cib, "A3", &owner), CM_RES_OFFLINE);
	assert_int_equal(group(cib, "G", false, &owner), CM_GROUP_FAILED);
	assert_string_equal(owner, "node2");
}

/* crm_standby -N node2 -v on; crm_attribute -N node1 clusapi-paused */
static void test_standby_paused(void **state)
{
	struct pcmk_cib *cib = load(state, "cib_standby.xml");
	const struct pcmk_node *n1 = pcmk_cib_node(cib, "node1");
	const struct pcmk_node *n2 = pcmk_cib_node(cib, "node2");
	const struct pcmk_node *n3 = pcmk_cib_node(cib, "node3");

	assert_true(n2->standby);
	assert_false(n2->paused);
	assert_true(n1->paused);
	assert_false(n1->standby);
	assert_int_equal(pcmk_node_state(n1), CM_NODE_PAUSED);
	assert_int_equal(pcmk_node_state(n2), CM_NODE_PAUSED);
	assert_int_equal(pcmk_node_state(n3), CM_NODE_UP);
	/* nothing ran on node2: drained at once */
	assert_int_equal(pcmk_node_drain_status(cib, n2), CM_DRAIN_COMPLETED);
	assert_int_equal(pcmk_node_drain_status(cib, n1),
			 CM_DRAIN_NOT_INITIATED);
}

/* standby where the group runs: under way, then (simulated) done */
static void test_drain(void **state)
{
	struct pcmk_cib *cib = load(state, "cib_draining.xml");
	const char *owner = NULL;

	assert_int_equal(node(cib, "node1"), CM_NODE_PAUSED);
	assert_int_equal(pcmk_node_drain_status(cib,
						pcmk_cib_node(cib, "node1")),
			 CM_DRAIN_IN_PROGRESS);
	assert_int_equal(group(cib, "G", false, &owner), CM_GROUP_ONLINE);
	assert_string_equal(owner, "node1");

	cib = load(state, "cib_drained.xml");
	assert_int_equal(node(cib, "node1"), CM_NODE_PAUSED);
	assert_int_equal(pcmk_node_drain_status(cib,
						pcmk_cib_node(cib, "node1")),
			 CM_DRAIN_COMPLETED);
	assert_int_equal(group(cib, "G", false, &owner), CM_GROUP_ONLINE);
	assert_string_not_equal(owner, "node1");
}

/*
 * node1 and node2 paused without drain, P1 then started (simulated by
 * Pacemaker's scheduler): G stays on node1, P1 goes to node3.
 */
static void test_paused_no_drain(void **state)
{
	struct pcmk_cib *cib = load(state, "cib_paused.xml");
	const struct pcmk_location *l =
		pcmk_cib_location(cib, PCMK_PAUSED_RULE_ID);
	const char *owner = NULL;

	assert_non_null(l);
	assert_true(l->rule);
	assert_int_equal(node(cib, "node1"), CM_NODE_PAUSED);
	assert_int_equal(node(cib, "node2"), CM_NODE_PAUSED);
	assert_int_equal(node(cib, "node3"), CM_NODE_UP);
	assert_int_equal(pcmk_node_drain_status(cib,
						pcmk_cib_node(cib, "node1")),
			 CM_DRAIN_NOT_INITIATED);
	assert_int_equal(group(cib, "G", false, &owner), CM_GROUP_ONLINE);
	assert_string_equal(owner, "node1");
	assert_int_equal(rsc(cib, "P1", &owner), CM_RES_ONLINE);
	assert_string_equal(owner, "node3");
}

/* ClusAPI names (clusapi-name) and an empty group (clusapi-groups) */
static void test_objects(void **state)
{
	struct pcmk_cib *cib = load(state, "cib_objects.xml");
	const struct pcmk_group *g = pcmk_cib_group(cib, "G");
	const struct pcmk_group *e = pcmk_cib_group(cib, "E");
	const struct pcmk_group *p1 = pcmk_cib_group(cib, "P1");
	const char *owner = NULL;

	/* G, P1 of its own, E; G's stale entry is not read */
	assert_int_equal(cib->num_groups, 3);
	assert_string_equal(g->name, "Web Sites");
	assert_false(g->empty);
	assert_string_equal(pcmk_cib_primitive(cib, "A1")->name,
			    "First One");
	/* "first one" is A1's name, "A2" A2's id: their ids instead */
	assert_string_equal(pcmk_cib_primitive(cib, "A2")->name, "A2");
	assert_string_equal(pcmk_cib_primitive(cib, "A3")->name, "A3");
	assert_non_null(e);
	assert_true(e->empty);
	assert_false(e->solo);
	assert_string_equal(e->name, "Empty Group");
	assert_int_equal(e->num_members, 0);
	assert_int_equal(pcmk_group_state(cib, e, false, &owner),
			 CM_GROUP_OFFLINE);
	assert_null(owner);
	assert_true(p1->solo);
	assert_string_equal(p1->name, "P1");
}

static void test_not_a_cib(void **state)
{
	struct pcmk_cib *cib = NULL;
	char *path = talloc_asprintf(*state, "%s/make_cibs.sh",
				     PCMK_CIB_DIR);

	assert_int_equal(pcmk_cib_parse_file(*state, path, &cib), EINVAL);
	assert_int_equal(pcmk_cib_parse_file(*state, "/nonexistent", &cib),
			 EINVAL);
	assert_int_equal(pcmk_cib_parse(*state, NULL, &cib), EINVAL);
	assert_null(cib);
}

static int setup(void **state)
{
	*state = talloc_new(NULL);
	return *state == NULL ? -1 : 0;
}

static int teardown(void **state)
{
	TALLOC_FREE(*state);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_objects, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_running_config, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_running_states, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_pending, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_moved, setup, teardown),
		cmocka_unit_test_setup_teardown(test_moving_all_stopped,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_node_failed, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_failed, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_standby_paused, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_drain, setup, teardown),
		cmocka_unit_test_setup_teardown(test_paused_no_drain, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_not_a_cib, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
