/*
 * clusapi: the CIB changes behind MS-CMRP's move, online/offline, pause
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each function returns a struct pcmk_change: a libxml2 tree and the
 * CIB section and operation it goes to (cib->cmds->modify or remove),
 * the tree freed with the change. Element ids are the ones Pacemaker's
 * own tools write (crm_resource --move, crm_standby, crm_attribute), or
 * the ids already in the CIB, so clusapid and those tools change the
 * same elements:
 *
 *   move		<rsc_location id="cli-prefer-R" rsc="R" role="Started"
 *			 node="N" score="INFINITY"/> (modify constraints)
 *   unmove		that constraint removed
 *   online/offline	meta attribute target-role=Started/Stopped
 *   pause, drain	node attribute standby=on
 *   pause, no drain	node attribute clusapi-paused=true, and once for
 *			the cluster a location rule: -500 on a node with
 *			that attribute, for every resource (rsc-pattern);
 *			resource-stickiness above 500 keeps what runs
 *			there, nothing new is placed there
 *   resume		the attribute removed
 *   private props	instance attributes (nvpairs) of the primitive
 */

#include <string.h>

#include "pcmk.h"

static int change_destructor(struct pcmk_change *c)
{
	if (c->xml != NULL) {
		xmlFreeNode(c->xml);
		c->xml = NULL;
	}
	return 0;
}

struct pcmk_change *pcmk_change_adopt(TALLOC_CTX *mem_ctx,
				      enum pcmk_change_op op,
				      const char *section, xmlNode *xml)
{
	struct pcmk_change *c = talloc_zero(mem_ctx, struct pcmk_change);

	if (c == NULL || xml == NULL) {
		TALLOC_FREE(c);
		xmlFreeNode(xml);
		return NULL;
	}
	c->op = op;
	c->section = section;
	c->xml = xml;
	talloc_set_destructor(c, change_destructor);
	return c;
}

struct pcmk_change *pcmk_change_new(TALLOC_CTX *mem_ctx,
				     enum pcmk_change_op op,
				      const char *section, const char *root)
{
	return pcmk_change_adopt(mem_ctx, op, section,
				 xmlNewNode(NULL, BAD_CAST root));
}

static bool set_props(xmlNode *n, const char *a1, const char *v1,
		      const char *a2, const char *v2)
{
	return xmlNewProp(n, BAD_CAST a1, BAD_CAST v1) != NULL &&
	       (a2 == NULL || xmlNewProp(n, BAD_CAST a2, BAD_CAST v2) != NULL);
}

struct pcmk_change *pcmk_change_move(TALLOC_CTX *mem_ctx, const char *rsc,
				     const char *node)
{
	struct pcmk_change *c;
	char *id;

	c = pcmk_change_new(mem_ctx, PCMK_CHANGE_MODIFY, "constraints",
		       "constraints");
	id = c ? talloc_asprintf(c, "cli-prefer-%s", rsc) : NULL;
	if (id == NULL ||
	    pcmk_xml_add(c->xml, "rsc_location", "id", id, "rsc", rsc,
		     "role", "Started", "node", node, "score", "INFINITY",
		     NULL) == NULL) {
		TALLOC_FREE(c);
		return NULL;
	}
	return c;
}

struct pcmk_change *pcmk_change_unmove(TALLOC_CTX *mem_ctx, const char *rsc)
{
	struct pcmk_change *c;
	char *id;

	c = pcmk_change_new(mem_ctx, PCMK_CHANGE_REMOVE, "constraints",
		       "rsc_location");
	id = c ? talloc_asprintf(c, "cli-prefer-%s", rsc) : NULL;
	if (id == NULL || !set_props(c->xml, "id", id, NULL, NULL)) {
		TALLOC_FREE(c);
		return NULL;
	}
	return c;
}

/* the id of NAME in SET, else the one Pacemaker's tools make */
static const char *nvpair_id(TALLOC_CTX *mem_ctx,
			     const struct pcmk_nvset *set,
			     const char *set_id, const char *name)
{
	const struct pcmk_nvpair *p = pcmk_nvset_pair(set, name);

	if (p != NULL && p->id != NULL) {
		return p->id;
	}
	return talloc_asprintf(mem_ctx, "%s-%s", set_id, name);
}

/* the SET_ELEM child of PARENT with id SET_ID, made if not there */
static xmlNode *set_elem_of(xmlNode *parent, const char *set_elem,
			    const char *set_id)
{
	xmlNode *n = pcmk_xml_child(parent, set_elem, set_id);

	return n != NULL ? n :
		pcmk_xml_add(parent, set_elem, "id", set_id, NULL);
}

/*
 * <ELEM id=RSC><SET_ELEM id=...><nvpair name=NAMES[i] value=VALUES[i]>
 * merged into RSC wherever it is under <resources>; each pair into the
 * set that has it, a new one into SET's first set.
 */
static struct pcmk_change *nvset_change(TALLOC_CTX *mem_ctx,
					const char *elem, const char *rsc,
					const struct pcmk_nvset *set,
					const char *set_elem,
					const char * const *names,
					const char * const *values, size_t num)
{
	struct pcmk_change *c;
	const struct pcmk_nvpair *old;
	const char *set_id, *pair_id;
	xmlNode *x = NULL;
	size_t i;

	c = pcmk_change_new(mem_ctx, PCMK_CHANGE_MODIFY, "resources", elem);
	if (c == NULL) {
		return NULL;
	}
	set_id = set->id ? set->id :
		 talloc_asprintf(c, "%s-%s", rsc, set_elem);
	if (set_id == NULL || !set_props(c->xml, "id", rsc, NULL, NULL)) {
		TALLOC_FREE(c);
		return NULL;
	}
	for (i = 0; i < num; i++) {
		old = pcmk_nvset_pair(set, names[i]);
		x = set_elem_of(c->xml, set_elem,
				(old && old->set) ? old->set : set_id);
		pair_id = nvpair_id(c, set, set_id, names[i]);
		if (x == NULL || pair_id == NULL ||
		    pcmk_xml_add(x, "nvpair", "id", pair_id, "name",
				 names[i], "value", values[i], NULL) == NULL) {
			TALLOC_FREE(c);
			return NULL;
		}
	}
	return c;
}

/*
 * Under @parent: <ELEM id=ID><meta_attributes id=...><nvpair NAME=VALUE>,
 * ELEM "group" or "primitive", with the ids @meta already has
 */
static bool meta_pair(struct pcmk_change *c, xmlNode *parent,
		      const char *elem, const char *id,
		      const struct pcmk_nvset *meta, const char *name,
		      const char *value)
{
	xmlNode *x = parent;
	const char *set_id, *pair_id;
	xmlNode *set;

	if (strcmp((const char *)parent->name, elem) != 0) {
		x = pcmk_xml_add(parent, elem, NULL);
	}
	set_id = meta->id ? meta->id :
		 talloc_asprintf(c, "%s-meta_attributes", id);
	pair_id = set_id ? nvpair_id(c, meta, set_id, name) : NULL;
	set = pair_id && x && set_props(x, "id", id, NULL, NULL) ?
	      pcmk_xml_add(x, "meta_attributes", "id", set_id, NULL) : NULL;
	return pcmk_xml_add(set, "nvpair", "id", pair_id, "name", name,
			    "value", value, NULL) != NULL;
}

/*
 * The meta attribute @name of the group or primitive of id @rsc, merged
 * into it wherever it is under <resources>
 */
struct pcmk_change *pcmk_change_meta(TALLOC_CTX *mem_ctx,
				     const struct pcmk_cib *cib,
				     const char *rsc, const char *name,
				     const char *value)
{
	const struct pcmk_primitive *p = pcmk_cib_primitive(cib, rsc);
	const struct pcmk_group *g = p == NULL ? pcmk_cib_group(cib, rsc) :
		NULL;
	const char *elem = p != NULL ? "primitive" : "group";

	if (p == NULL && (g == NULL || g->empty)) {
		return NULL;
	}
	return nvset_change(mem_ctx, elem, rsc, p ? &p->meta : &g->meta,
			    "meta_attributes", &name, &value, 1);
}

/*
 * target-role of a group or primitive.  A member's own target-role
 * wins over its group's: a group's is written to every member that has
 * one too (MS-CMRP: a group online or offline takes all its resources).
 */
struct pcmk_change *pcmk_change_target_role(TALLOC_CTX *mem_ctx,
					    const struct pcmk_cib *cib,
					    const char *rsc, bool started)
{
	const struct pcmk_group *g = pcmk_cib_group(cib, rsc);
	const char *role = started ? "Started" : "Stopped";
	struct pcmk_change *c;
	size_t i;

	c = pcmk_change_meta(mem_ctx, cib, rsc, "target-role", role);
	if (c == NULL || g == NULL || g->solo) {
		return c;
	}
	for (i = 0; i < g->num_members; i++) {
		const struct pcmk_primitive *m = g->members[i];

		if (m->target_role == NULL ||
		    strcmp(m->target_role, role) == 0) {
			continue;
		}
		if (!meta_pair(c, c->xml, "primitive", m->id, &m->meta,
			       "target-role", role)) {
			TALLOC_FREE(c);
			return NULL;
		}
	}
	return c;
}

struct pcmk_change *pcmk_change_params(TALLOC_CTX *mem_ctx,
				       const struct pcmk_primitive *rsc,
				       const char * const *names,
				       const char * const *values,
				       size_t num)
{
	return nvset_change(mem_ctx, "primitive", rsc->id, &rsc->params,
			    "instance_attributes", names, values, num);
}

struct pcmk_change *pcmk_change_param_del(TALLOC_CTX *mem_ctx,
					  const struct pcmk_primitive *rsc,
					  const char *name)
{
	struct pcmk_change *c;
	const char *pair_id;

	c = pcmk_change_new(mem_ctx, PCMK_CHANGE_REMOVE, "resources", "nvpair");
	pair_id = c && rsc->params.id ?
		  nvpair_id(c, &rsc->params, rsc->params.id, name) : NULL;
	if (pair_id == NULL || !set_props(c->xml, "id", pair_id, "name",
					  name)) {
		TALLOC_FREE(c);
	}
	return c;
}

/*
 * on: <node id uname><instance_attributes id=nodes-ID><nvpair .../>
 * merged into the node (modify nodes); off: the nvpair removed.
 */
static struct pcmk_change *node_attr(TALLOC_CTX *mem_ctx,
				     const struct pcmk_node *node,
				     const char *name, const char *value,
				     bool on)
{
	struct pcmk_change *c;
	const char *set_id, *pair_id;
	xmlNode *set;

	c = pcmk_change_new(mem_ctx, on ? PCMK_CHANGE_MODIFY : PCMK_CHANGE_REMOVE,
		       "nodes", on ? "node" : "nvpair");
	if (c == NULL) {
		return NULL;
	}
	set_id = node->attrs.id ? node->attrs.id :
		 talloc_asprintf(c, "nodes-%s", node->id);
	pair_id = set_id ? nvpair_id(c, &node->attrs, set_id, name) : NULL;
	if (pair_id == NULL) {
		TALLOC_FREE(c);
		return NULL;
	}
	if (!on) {
		if (!set_props(c->xml, "id", pair_id, "name", name)) {
			TALLOC_FREE(c);
		}
		return c;
	}
	set = set_props(c->xml, "id", node->id, "uname", node->name) ?
	      pcmk_xml_add(c->xml, "instance_attributes", "id", set_id, NULL) :
	      NULL;
	if (pcmk_xml_add(set, "nvpair", "id", pair_id, "name", name,
		     "value", value, NULL) == NULL) {
		TALLOC_FREE(c);
	}
	return c;
}

struct pcmk_change *pcmk_change_standby(TALLOC_CTX *mem_ctx,
					const struct pcmk_node *node,
					bool on)
{
	return node_attr(mem_ctx, node, "standby", "on", on);
}

struct pcmk_change *pcmk_change_paused(TALLOC_CTX *mem_ctx,
				       const struct pcmk_node *node,
				       bool on)
{
	return node_attr(mem_ctx, node, PCMK_PAUSED_ATTR, "true", on);
}

struct pcmk_change *pcmk_change_paused_rule(TALLOC_CTX *mem_ctx)
{
	struct pcmk_change *c;
	xmlNode *loc, *rule;

	c = pcmk_change_new(mem_ctx, PCMK_CHANGE_MODIFY, "constraints",
		       "constraints");
	if (c == NULL) {
		return NULL;
	}
	loc = pcmk_xml_add(c->xml, "rsc_location", "id", PCMK_PAUSED_RULE_ID,
		       "rsc-pattern", ".*", NULL);
	rule = pcmk_xml_add(loc, "rule", "id", PCMK_PAUSED_RULE_ID "-rule",
			"score", PCMK_PAUSED_SCORE, NULL);
	if (pcmk_xml_add(rule, "expression", "id", PCMK_PAUSED_RULE_ID "-expr",
		     "attribute", PCMK_PAUSED_ATTR, "operation", "eq",
		     "value", "true", NULL) == NULL) {
		TALLOC_FREE(c);
	}
	return c;
}

char *pcmk_change_string(TALLOC_CTX *mem_ctx,
			 const struct pcmk_change *change)
{
	xmlBuffer *buf = xmlBufferCreate();
	char *s = NULL;

	if (buf == NULL) {
		return NULL;
	}
	if (xmlNodeDump(buf, NULL, change->xml, 0, 0) >= 0) {
		s = talloc_strdup(mem_ctx,
				  (const char *)xmlBufferContent(buf));
	}
	xmlBufferFree(buf);
	return s;
}
