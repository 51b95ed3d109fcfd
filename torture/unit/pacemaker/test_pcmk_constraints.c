/*
 * clusapi - Pacemaker backend tests: dependencies, possible and
 * preferred owners read from constraints and written as constraints,
 * instance attributes written into the sets that hold them, an OCF
 * agent's parameters, quorum
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cib_constraints.xml holds constraints as clusapid, crm_resource and
 * pcs write them (make_cibs.sh); each change is applied with libcib to
 * a copy (schema-checked) and read back.
 */

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <libxml/parser.h>

#include "pcmk_fixture.h"

/* what @cib gives @rsc for @aspect, as "a b c" */
static char *aspect(TALLOC_CTX *mem_ctx, const struct pcmk_cib *cib,
		    enum pcmk_aspect a, const char *rsc)
{
	size_t i, num = 99;
	const char **names = pcmk_cib_aspect(mem_ctx, cib, a, rsc, &num);
	char *s = talloc_strdup(mem_ctx, "");

	assert_non_null(names);
	for (i = 0; i < num; i++) {
		s = talloc_asprintf_append(s, "%s%s", i ? " " : "", names[i]);
	}
	return s;
}

static void test_read(void **state)
{
	struct fix *f = *state;
	struct pcmk_cib *cib = load(f, "cib_constraints.xml");

	assert_int_equal(cib->num_orders, 3);
	/* clusapid's order, a pcs-style one; not the optional one */
	assert_string_equal(aspect(f, cib, PCMK_ASPECT_DEPS, "A3"), "A1");
	assert_string_equal(aspect(f, cib, PCMK_ASPECT_DEPS, "A2"), "A1");
	assert_string_equal(aspect(f, cib, PCMK_ASPECT_DEPS, "A1"), "");
	/* crm_resource --ban (role Started); not the rule */
	assert_string_equal(aspect(f, cib, PCMK_ASPECT_BANS, "A2"), "node3");
	assert_string_equal(aspect(f, cib, PCMK_ASPECT_BANS, "A1"), "node2");
	assert_string_equal(aspect(f, cib, PCMK_ASPECT_BANS, "A3"), "");
	/* highest score first; a move's cli-prefer is no preference */
	assert_string_equal(aspect(f, cib, PCMK_ASPECT_PREFERRED, "G"),
			    "node3 node2");
	assert_false(cib->have_quorum);
	assert_true(load(f, "cib_running.xml")->have_quorum);
}

/* CHECK_VOTER_DOWN: majority of three; lost already; node3 failed */
static void test_quorum(void **state)
{
	struct fix *f = *state;
	struct pcmk_cib *cib = load(f, "cib_nodefail.xml");

	assert_false(pcmk_voter_down_loses_quorum(
			     load(f, "cib_running.xml")));
	assert_true(pcmk_voter_down_loses_quorum(
			    load(f, "cib_constraints.xml")));
	assert_true(cib->have_quorum);
	assert_false(pcmk_node_online(pcmk_cib_node(cib, "node3")));
	assert_true(pcmk_voter_down_loses_quorum(cib));
}

/* @rsc's @aspect made "@names" through a copy of cib_constraints.xml */
static const struct pcmk_cib *rewrite(struct fix *f, enum pcmk_aspect a,
				      const char *rsc,
				      const char * const *names, size_t num)
{
	const struct pcmk_cib *cib = pcmk_conn_cib(f->conn);
	const xmlNode *cons = pcmk_cib_constraints_xml(
		pcmk_conn_xml(f->conn));
	struct pcmk_change *c;

	assert_non_null(cons);
	c = pcmk_change_aspect(f, cib, cons, a, rsc, names, num);
	assert_non_null(c);
	/* merged in, then the old ones removed; no section replaced */
	assert_int_equal(c->op, PCMK_CHANGE_MODIFY);
	assert_string_equal(c->section, "constraints");
	assert_true(c->next == NULL || c->next->op == PCMK_CHANGE_REMOVE);
	assert_non_null(c->undo);
	return apply(f, c);
}

static void test_write_deps(void **state)
{
	struct fix *f = *state;
	const char *both[] = { "A1", "A2" };
	const struct pcmk_cib *cib = open_copy(f, "cib_constraints.xml");
	const struct pcmk_order *o;

	cib = rewrite(f, PCMK_ASPECT_DEPS, "A3", both, 2);
	assert_string_equal(aspect(f, cib, PCMK_ASPECT_DEPS, "A3"), "A1 A2");
	o = &cib->orders[cib->num_orders - 1];
	assert_string_equal(o->id, "clusapi-dep-A3-A2");
	assert_string_equal(o->first, "A2");
	assert_string_equal(o->then, "A3");
	/* the optional order and A2's are someone else's: kept */
	assert_int_equal(cib->num_orders, 4);
	/* none: the pcs-style order of A2 goes too */
	cib = rewrite(f, PCMK_ASPECT_DEPS, "A2", NULL, 0);
	assert_string_equal(aspect(f, cib, PCMK_ASPECT_DEPS, "A2"), "");
	assert_int_equal(cib->num_orders, 3);
	assert_int_equal(cib->num_locations, 6);
}

static void test_write_owners(void **state)
{
	struct fix *f = *state;
	const char *n1[] = { "node1" };
	const char *pref[] = { "node1", "node3", "node2" };
	const struct pcmk_cib *cib = open_copy(f, "cib_constraints.xml");
	const struct pcmk_location *l;

	/* node3 a possible owner again: the crm_resource ban goes */
	cib = rewrite(f, PCMK_ASPECT_BANS, "A2", n1, 1);
	assert_string_equal(aspect(f, cib, PCMK_ASPECT_BANS, "A2"), "node1");
	assert_null(pcmk_cib_location(cib, "cli-ban-A2-on-node3"));
	l = pcmk_cib_location(cib, "clusapi-owner-A2-node1");
	assert_non_null(l);
	assert_string_equal(l->score, "-INFINITY");
	/* the rule of A3 and A1's ban untouched */
	assert_non_null(pcmk_cib_location(cib, "ruled-A3"));
	assert_non_null(pcmk_cib_location(cib, "clusapi-owner-A1-node2"));

	cib = rewrite(f, PCMK_ASPECT_PREFERRED, "G", pref, 3);
	assert_string_equal(aspect(f, cib, PCMK_ASPECT_PREFERRED, "G"),
			    "node1 node3 node2");
	assert_string_equal(pcmk_cib_location(cib, "clusapi-pref-G-node1")
			    ->score, "3");
	assert_string_equal(pcmk_cib_location(cib, "clusapi-pref-G-node2")
			    ->score, "1");
	assert_null(pcmk_cib_location(cib, "location-G-node3-50"));
	/* a move under way is not a preference: it stays */
	assert_non_null(pcmk_cib_location(cib, "cli-prefer-G"));
	cib = rewrite(f, PCMK_ASPECT_PREFERRED, "G", NULL, 0);
	assert_string_equal(aspect(f, cib, PCMK_ASPECT_PREFERRED, "G"), "");
}

/*
 * A later update refused (here one to a section the CIB does not
 * have): what the earlier ones wrote is taken back, the CIB is as it was
 */
static void test_write_undone(void **state)
{
	struct fix *f = *state;
	const char *pref[] = { "node1", "node2" };
	const struct pcmk_cib *cib = open_copy(f, "cib_constraints.xml");
	size_t locations = cib->num_locations;
	struct pcmk_change *c, *bad, *last;

	c = pcmk_change_aspect(f, cib, pcmk_cib_constraints_xml(
				       pcmk_conn_xml(f->conn)),
			       PCMK_ASPECT_PREFERRED, "G", pref, 2);
	bad = pcmk_change_new(c, PCMK_CHANGE_MODIFY, "no-such-section",
			      "no-such-section");
	assert_non_null(bad);
	for (last = c; last->next != NULL; last = last->next) {
	}
	last->next = bad;
	assert_int_not_equal(pcmk_conn_apply(f->conn, c), 0);
	talloc_free(c);
	cib = pcmk_conn_cib(f->conn);
	assert_string_equal(aspect(f, cib, PCMK_ASPECT_PREFERRED, "G"),
			    "node3 node2");
	assert_string_equal(pcmk_cib_location(cib, "clusapi-pref-G-node2")
			    ->score, "2");
	assert_non_null(pcmk_cib_location(cib, "location-G-node3-50"));
	assert_null(pcmk_cib_location(cib, "clusapi-pref-G-node1"));
	assert_int_equal(cib->num_locations, locations);
}

static void test_params(void **state)
{
	struct fix *f = *state;
	const char *names[] = { "fake", "op_sleep", "passwd" };
	const char *values[] = { "again", "3", "secret" };
	const struct pcmk_cib *cib = open_copy(f, "cib_constraints.xml");
	const struct pcmk_primitive *a2 = pcmk_cib_primitive(cib, "A2");

	/* two sets, merged, each pair knowing its own */
	assert_int_equal(a2->params.num, 2);
	assert_string_equal(a2->params.id, "A2-ia");
	assert_string_equal(pcmk_nvset_pair(&a2->params, "fake")->set,
			    "A2-instance_attributes");
	assert_string_equal(pcmk_nvset_get(&a2->params, "fake"), "viacrm");
	assert_change(pcmk_change_params(f, a2, names, values, 3),
		      PCMK_CHANGE_MODIFY, "resources",
		      "<primitive id=\"A2\"><instance_attributes "
		      "id=\"A2-instance_attributes\"><nvpair "
		      "id=\"A2-instance_attributes-fake\" name=\"fake\" "
		      "value=\"again\"/></instance_attributes>"
		      "<instance_attributes id=\"A2-ia\"><nvpair "
		      "id=\"A2-ia-op_sleep\" name=\"op_sleep\" value=\"3\"/>"
		      "<nvpair id=\"A2-ia-passwd\" name=\"passwd\" "
		      "value=\"secret\"/></instance_attributes></primitive>");
	cib = apply(f, pcmk_change_params(f, a2, names, values, 3));
	a2 = pcmk_cib_primitive(cib, "A2");
	assert_int_equal(a2->params.num, 3);
	assert_string_equal(pcmk_nvset_get(&a2->params, "fake"), "again");
	assert_string_equal(pcmk_nvset_get(&a2->params, "passwd"), "secret");
	cib = apply(f, pcmk_change_param_del(f, a2, "passwd"));
	a2 = pcmk_cib_primitive(cib, "A2");
	assert_null(pcmk_nvset_get(&a2->params, "passwd"));
	assert_int_equal(a2->params.num, 2);
}

static void test_agent(void **state)
{
	struct fix *f = *state;
	char *path = talloc_asprintf(f, "%s/agent_dummy.xml", PCMK_CIB_DIR);
	struct pcmk_agent *a = NULL;
	struct pcmk_agent_param integer = { "n", "integer" };
	struct pcmk_agent_param boolean = { "b", "boolean" };
	const struct pcmk_agent_param *p;
	char buf[16384];
	size_t len;
	FILE *in = fopen(path, "r");

	assert_non_null(in);
	len = fread(buf, 1, sizeof(buf), in);
	fclose(in);
	assert_int_equal(pcmk_agent_parse(f, buf, len, &a), 0);
	p = pcmk_agent_param(a, "op_sleep");
	assert_non_null(p);
	assert_string_equal(p->type, "string");
	assert_non_null(pcmk_agent_param(a, "fake"));
	assert_null(pcmk_agent_param(a, "bogus"));
	assert_int_equal(pcmk_agent_parse(f, "<cib/>", 6, &a), EINVAL);
	assert_int_equal(pcmk_agent_parse(f, "not xml", 7, &a), EINVAL);

	assert_true(pcmk_agent_value_ok(p, "anything"));
	assert_true(pcmk_agent_value_ok(&integer, "-42"));
	assert_false(pcmk_agent_value_ok(&integer, "4x"));
	assert_false(pcmk_agent_value_ok(&integer, ""));
	assert_true(pcmk_agent_value_ok(&boolean, "Yes"));
	assert_false(pcmk_agent_value_ok(&boolean, "maybe"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_read, setup, teardown),
		cmocka_unit_test_setup_teardown(test_quorum, setup, teardown),
		cmocka_unit_test_setup_teardown(test_write_deps, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_write_owners, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_write_undone, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_params, setup, teardown),
		cmocka_unit_test_setup_teardown(test_agent, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
