/*
 * clusapi - Pacemaker backend tests: the CIB changes behind move,
 * online/offline and pause, and those that create, rename, move and
 * delete groups and resources, as XML and applied through libcib
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The changes are compared with what Pacemaker's own tools write (the
 * ids of cib_pending.xml and cib_standby.xml, which crm_resource --move
 * and crm_standby wrote on a real cluster), then applied with libcib to
 * a copy of a CIB file (CIB_file: no daemon; libcib validates each
 * change against the schema) and read back.
 */

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "pcmk_fixture.h"
#include "server/model/model.h"

static void test_move_xml(void **state)
{
	struct fix *f = *state;
	struct pcmk_cib *cib = load(f, "cib_pending.xml");
	const struct pcmk_location *l =
		pcmk_cib_location(cib, "cli-prefer-G");

	/* what crm_resource --move wrote */
	assert_non_null(l);
	assert_change(pcmk_change_move(f, "G", "node3"), PCMK_CHANGE_MODIFY,
		      "constraints",
		      "<constraints><rsc_location id=\"cli-prefer-G\" "
		      "rsc=\"G\" role=\"Started\" node=\"node3\" "
		      "score=\"INFINITY\"/></constraints>");
	assert_change(pcmk_change_unmove(f, "G"), PCMK_CHANGE_REMOVE,
		      "constraints", "<rsc_location id=\"cli-prefer-G\"/>");
}

static void test_target_role_xml(void **state)
{
	struct fix *f = *state;
	struct pcmk_cib *cib = load(f, "cib_running.xml");

	assert_change(pcmk_change_target_role(f, cib, "G", false),
		      PCMK_CHANGE_MODIFY, "resources",
		      "<group id=\"G\"><meta_attributes "
		      "id=\"G-meta_attributes\"><nvpair "
		      "id=\"G-meta_attributes-target-role\" "
		      "name=\"target-role\" value=\"Stopped\"/>"
		      "</meta_attributes></group>");
	/* P1's own meta_attributes and nvpair ids */
	assert_change(pcmk_change_target_role(f, cib, "P1", true),
		      PCMK_CHANGE_MODIFY, "resources",
		      "<primitive id=\"P1\"><meta_attributes id=\"P1-meta\">"
		      "<nvpair id=\"P1-meta-target-role\" "
		      "name=\"target-role\" value=\"Started\"/>"
		      "</meta_attributes></primitive>");
	assert_null(pcmk_change_target_role(f, cib, "nothing", true));
}

static void test_pause_xml(void **state)
{
	struct fix *f = *state;
	struct pcmk_cib *cib = load(f, "cib_running.xml");
	struct pcmk_cib *sb = load(f, "cib_standby.xml");
	const struct pcmk_node *n2 = pcmk_cib_node(cib, "node2");
	const struct pcmk_node *n1 = pcmk_cib_node(cib, "node1");

	/* the ids crm_standby and crm_attribute wrote */
	assert_non_null(pcmk_nvset_get(&pcmk_cib_node(sb, "node2")->attrs,
				       "standby"));
	assert_string_equal(pcmk_cib_node(sb, "node2")->attrs.pairs[0].id,
			    "nodes-2-standby");
	assert_change(pcmk_change_standby(f, n2, true), PCMK_CHANGE_MODIFY,
		      "nodes",
		      "<node id=\"2\" uname=\"node2\"><instance_attributes "
		      "id=\"nodes-2\"><nvpair id=\"nodes-2-standby\" "
		      "name=\"standby\" value=\"on\"/></instance_attributes>"
		      "</node>");
	assert_change(pcmk_change_standby(f, pcmk_cib_node(sb, "node2"),
					  false),
		      PCMK_CHANGE_REMOVE, "nodes",
		      "<nvpair id=\"nodes-2-standby\" name=\"standby\"/>");
	assert_change(pcmk_change_paused(f, n1, true), PCMK_CHANGE_MODIFY,
		      "nodes",
		      "<node id=\"1\" uname=\"node1\"><instance_attributes "
		      "id=\"nodes-1\"><nvpair id=\"nodes-1-clusapi-paused\" "
		      "name=\"clusapi-paused\" value=\"true\"/>"
		      "</instance_attributes></node>");
	assert_string_equal(pcmk_cib_node(sb, "node1")->attrs.pairs[0].id,
			    "nodes-1-clusapi-paused");
	assert_change(pcmk_change_paused_rule(f), PCMK_CHANGE_MODIFY,
		      "constraints",
		      "<constraints><rsc_location id=\"clusapi-paused\" "
		      "rsc-pattern=\".*\"><rule id=\"clusapi-paused-rule\" "
		      "score=\"-500\"><expression id=\"clusapi-paused-expr\" "
		      "attribute=\"clusapi-paused\" operation=\"eq\" "
		      "value=\"true\"/></rule></rsc_location></constraints>");
}

static void test_apply_move(void **state)
{
	struct fix *f = *state;
	const struct pcmk_cib *cib = open_copy(f, "cib_running.xml");
	const struct pcmk_location *l;
	const char *owner = NULL;

	assert_int_equal(pcmk_group_state(cib, pcmk_cib_group(cib, "G"),
					  false, &owner), CM_GROUP_ONLINE);
	cib = apply(f, pcmk_change_move(f, "G", "node3"));
	l = pcmk_cib_location(cib, "cli-prefer-G");
	assert_non_null(l);
	assert_string_equal(l->node, "node3");
	/* written, not yet done: the group reads Pending on node1 */
	assert_int_equal(pcmk_group_state(cib, pcmk_cib_group(cib, "G"),
					  false, &owner), CM_GROUP_PENDING);
	assert_string_equal(owner, "node1");
	/* again: the same constraint, now to node2 */
	cib = apply(f, pcmk_change_move(f, "G", "node2"));
	assert_string_equal(pcmk_cib_location(cib, "cli-prefer-G")->node,
			    "node2");
	assert_int_equal(cib->num_locations, 1);
	cib = apply(f, pcmk_change_unmove(f, "G"));
	assert_null(pcmk_cib_location(cib, "cli-prefer-G"));
	assert_int_equal(pcmk_group_state(cib, pcmk_cib_group(cib, "G"),
					  false, &owner), CM_GROUP_ONLINE);
}

static void test_apply_target_role(void **state)
{
	struct fix *f = *state;
	const struct pcmk_cib *cib = open_copy(f, "cib_running.xml");

	cib = apply(f, pcmk_change_target_role(f, cib, "G", false));
	assert_string_equal(pcmk_cib_group(cib, "G")->target_role,
			    "Stopped");
	/* a member, inside its group */
	cib = apply(f, pcmk_change_target_role(f, cib, "A2", false));
	assert_string_equal(pcmk_cib_primitive(cib, "A2")->target_role,
			    "Stopped");
	assert_string_equal(pcmk_cib_primitive(cib, "A2")->group, "G");
	cib = apply(f, pcmk_change_target_role(f, cib, "G", true));
	assert_string_equal(pcmk_cib_group(cib, "G")->target_role,
			    "Started");
	assert_int_equal(pcmk_cib_group(cib, "G")->meta.num, 1);
	cib = apply(f, pcmk_change_target_role(f, cib, "P1", true));
	assert_string_equal(pcmk_cib_primitive(cib, "P1")->target_role,
			    "Started");
	assert_int_equal(pcmk_cib_primitive(cib, "P1")->meta.num, 1);
}

static void test_apply_pause(void **state)
{
	struct fix *f = *state;
	const struct pcmk_cib *cib = open_copy(f, "cib_running.xml");
	const struct pcmk_location *l;

	cib = apply(f, pcmk_change_standby(f, pcmk_cib_node(cib, "node2"),
					   true));
	assert_int_equal(pcmk_node_state(pcmk_cib_node(cib, "node2")),
			 CM_NODE_PAUSED);
	cib = apply(f, pcmk_change_paused(f, pcmk_cib_node(cib, "node1"),
					  true));
	cib = apply(f, pcmk_change_paused_rule(f));
	assert_true(pcmk_cib_node(cib, "node1")->paused);
	assert_int_equal(pcmk_node_state(pcmk_cib_node(cib, "node1")),
			 CM_NODE_PAUSED);
	l = pcmk_cib_location(cib, "clusapi-paused");
	assert_non_null(l);
	assert_true(l->rule);
	assert_null(l->rsc);

	cib = apply(f, pcmk_change_standby(f, pcmk_cib_node(cib, "node2"),
					   false));
	cib = apply(f, pcmk_change_paused(f, pcmk_cib_node(cib, "node1"),
					  false));
	assert_int_equal(pcmk_node_state(pcmk_cib_node(cib, "node1")),
			 CM_NODE_UP);
	assert_int_equal(pcmk_node_state(pcmk_cib_node(cib, "node2")),
			 CM_NODE_UP);
}

/* the ids a new object gets: its name when that is a free XML ID */
static void test_new_ids(void **state)
{
	struct fix *f = *state;
	const struct pcmk_cib *cib = open_copy(f, "cib_objects.xml");
	const xmlNode *xml = pcmk_conn_xml(f->conn);

	assert_string_equal(pcmk_cib_new_id(f, xml, cib, "W"), "W");
	assert_string_equal(pcmk_cib_new_id(f, xml, cib, "Web Sites"),
			    "Web_Sites");
	assert_string_equal(pcmk_cib_new_id(f, xml, cib, "1st"), "_1st");
	/* a group, a primitive, an empty group, any element's id */
	assert_string_equal(pcmk_cib_new_id(f, xml, cib, "G"), "G-2");
	assert_string_equal(pcmk_cib_new_id(f, xml, cib, "A1"), "A1-2");
	assert_string_equal(pcmk_cib_new_id(f, xml, cib, "E"), "E-2");
	assert_string_equal(pcmk_cib_new_id(f, xml, cib, "A1-ia"),
			    "A1-ia-2");
}

/*
 * Create, rename, move and delete as backend_objects.c writes them,
 * each change checked by libcib against the schema and read back
 */
static void test_apply_objects(void **state)
{
	struct fix *f = *state;
	const struct pcmk_cib *cib = open_copy(f, "cib_running.xml");
	const struct pcmk_group *w;

	cib = apply(f, pcmk_change_empty_group(f, "W", "Web Sites", true));
	w = pcmk_cib_group(cib, "W");
	assert_true(w->empty);
	assert_string_equal(w->name, "Web Sites");
	cib = apply(f, pcmk_change_primitive_add(f, w, "W1", "Web One",
						 "ocf:pacemaker:Dummy"));
	w = pcmk_cib_group(cib, "W");
	assert_false(w->empty);
	assert_string_equal(w->name, "Web Sites");
	assert_int_equal(w->num_members, 1);
	assert_string_equal(w->members[0]->name, "Web One");
	/* created Offline */
	assert_string_equal(w->members[0]->target_role, "Stopped");
	cib = apply(f, pcmk_change_empty_group(f, "W", NULL, false));
	assert_int_equal(cib->num_groups, 3);
	cib = apply(f, pcmk_change_meta(f, cib, "W", "clusapi-name", "Web"));
	assert_string_equal(pcmk_cib_group(cib, "W")->name, "Web");

	/* A3 from G into W, then W1 out of W: W goes, G holds it */
	cib = apply(f, pcmk_change_primitive_move(f, pcmk_conn_xml(f->conn),
						  "A3",
						  pcmk_cib_group(cib, "W")));
	assert_string_equal(pcmk_cib_primitive(cib, "A3")->group, "W");
	assert_int_equal(pcmk_cib_group(cib, "G")->num_members, 2);
	cib = apply(f, pcmk_change_primitive_move(f, pcmk_conn_xml(f->conn),
						  "W1",
						  pcmk_cib_group(cib, "G")));
	cib = apply(f, pcmk_change_primitive_move(f, pcmk_conn_xml(f->conn),
						  "A3",
						  pcmk_cib_group(cib, "G")));
	assert_null(pcmk_cib_group(cib, "W"));
	assert_int_equal(pcmk_cib_group(cib, "G")->num_members, 4);
	cib = apply(f, pcmk_change_rsc_remove(f, "primitive", "W1"));
	assert_null(pcmk_cib_primitive(cib, "W1"));

	/* no agent, or a primitive's own group: nothing to write */
	assert_null(pcmk_change_primitive_add(f, pcmk_cib_group(cib, "G"),
					      "X", "X", "Dummy"));
	assert_null(pcmk_change_primitive_add(f, pcmk_cib_group(cib, "P1"),
					      "X", "X",
					      "ocf:pacemaker:Dummy"));
	assert_null(pcmk_change_primitive_move(f, pcmk_conn_xml(f->conn),
					       "A1",
					       pcmk_cib_group(cib, "P1")));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_move_xml, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_target_role_xml, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_pause_xml, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_apply_move, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_apply_target_role,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_new_ids, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_apply_objects, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_apply_pause, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
