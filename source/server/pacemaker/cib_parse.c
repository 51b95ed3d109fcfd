/*
 * clusapi: a Pacemaker CIB read into plain C structures
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads what the MS-CMRP view needs: the cluster name (crm_config's
 * cluster-name, which the controller copies from corosync's totem
 * cluster_name), the nodes and their standby/paused attributes,
 * groups, primitives with their class:provider:type and attributes,
 * location constraints, and from <status> each node's membership and
 * the operation history of each resource. Everything is talloc'ed
 * under the struct pcmk_cib; nothing points into the libxml2 tree.
 */

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/parser.h>

#include "pcmk.h"

static size_t count_children(const xmlNode *n, const char *name)
{
	const xmlNode *c;
	size_t num = 0;

	if (n == NULL) {
		return 0;
	}
	for (c = n->children; c != NULL; c = c->next) {
		num += pcmk_xml_is(c, name) ? 1 : 0;
	}
	return num;
}

/* the attribute as a talloc'ed string, NULL when absent */
static char *attr(TALLOC_CTX *mem_ctx, const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST name);
	char *s;

	if (v == NULL) {
		return NULL;
	}
	s = talloc_strdup(mem_ctx, (const char *)v);
	xmlFree(v);
	return s;
}

static bool attr_is(const xmlNode *n, const char *name, const char *value)
{
	char *v = attr(NULL, n, name);
	bool is = v != NULL && strcmp(v, value) == 0;

	talloc_free(v);
	return is;
}

static int attr_int(const xmlNode *n, const char *name, int dflt)
{
	char *v = attr(NULL, n, name);
	int i = v != NULL ? atoi(v) : dflt;

	talloc_free(v);
	return i;
}

/* Pacemaker 2.1.5 writes "true"/"online"; later ones a timestamp */
static bool attr_up(const xmlNode *n, const char *name, const char *down)
{
	char *v = attr(NULL, n, name);
	bool up = v != NULL && strcmp(v, down) != 0 && strcmp(v, "0") != 0;

	talloc_free(v);
	return up;
}

static void parse_pairs(TALLOC_CTX *mem_ctx, const xmlNode *set,
			struct pcmk_nvset *out)
{
	const char *set_id = attr(mem_ctx, set, "id");
	const xmlNode *c;

	for (c = set->children; c != NULL; c = c->next) {
		struct pcmk_nvpair *p = &out->pairs[out->num];

		if (!pcmk_xml_is(c, "nvpair")) {
			continue;
		}
		p->name = attr(mem_ctx, c, "name");
		if (p->name == NULL || pcmk_nvset_pair(out, p->name) != NULL) {
			continue;
		}
		p->id = attr(mem_ctx, c, "id");
		p->value = attr(mem_ctx, c, "value");
		p->set = set_id;
		out->num++;
	}
}

/*
 * Every set of element NAME of X without a rule, merged (as Pacemaker
 * does: the first set that names a pair wins); the first set's id
 */
static int parse_nvset(TALLOC_CTX *mem_ctx, const xmlNode *x,
		       const char *name, struct pcmk_nvset *out)
{
	const xmlNode *c;
	size_t num = 0;

	*out = (struct pcmk_nvset) { .id = NULL };
	for (c = x->children; c != NULL; c = c->next) {
		num += pcmk_xml_is(c, name) ? count_children(c, "nvpair") : 0;
	}
	out->pairs = talloc_zero_array(mem_ctx, struct pcmk_nvpair, num + 1);
	if (out->pairs == NULL) {
		return ENOMEM;
	}
	for (c = x->children; c != NULL; c = c->next) {
		if (!pcmk_xml_is(c, name) ||
		    pcmk_xml_child(c, "rule", NULL) != NULL) {
			continue;
		}
		if (out->id == NULL) {
			out->id = attr(mem_ctx, c, "id");
		}
		parse_pairs(mem_ctx, c, out);
	}
	return 0;
}

const struct pcmk_nvpair *pcmk_nvset_pair(const struct pcmk_nvset *set,
					  const char *name)
{
	return pcmk_find(set->pairs, set->num, sizeof(*set->pairs),
			 offsetof(struct pcmk_nvpair, name), name);
}

const char *pcmk_nvset_get(const struct pcmk_nvset *set, const char *name)
{
	const struct pcmk_nvpair *p = pcmk_nvset_pair(set, name);

	return p != NULL ? p->value : NULL;
}

static int parse_nodes(TALLOC_CTX *mem_ctx, const xmlNode *nodes,
		       struct pcmk_cib *cib)
{
	const xmlNode *c;
	size_t i = 0;
	int ret;

	cib->nodes = talloc_zero_array(mem_ctx, struct pcmk_node,
				       count_children(nodes, "node"));
	if (cib->nodes == NULL) {
		return ENOMEM;
	}
	for (c = nodes ? nodes->children : NULL; c != NULL; c = c->next) {
		struct pcmk_node *n = &cib->nodes[i];
		const char *v;

		if (!pcmk_xml_is(c, "node")) {
			continue;
		}
		n->id = attr(mem_ctx, c, "id");
		n->name = attr(mem_ctx, c, "uname");
		if (n->id == NULL || n->name == NULL) {
			continue;
		}
		ret = parse_nvset(mem_ctx, c, "instance_attributes",
				  &n->attrs);
		if (ret != 0) {
			return ret;
		}
		v = pcmk_nvset_get(&n->attrs, "standby");
		n->standby = v != NULL && (strcmp(v, "on") == 0 ||
					   strcmp(v, "true") == 0);
		v = pcmk_nvset_get(&n->attrs, PCMK_PAUSED_ATTR);
		n->paused = v != NULL && strcmp(v, "true") == 0;
		i++;
	}
	cib->num_nodes = i;
	return 0;
}

static int parse_primitive(TALLOC_CTX *mem_ctx, const xmlNode *x,
			   const char *group, struct pcmk_primitive *p)
{
	int ret;

	p->id = attr(mem_ctx, x, "id");
	p->class = attr(mem_ctx, x, "class");
	p->provider = attr(mem_ctx, x, "provider");
	p->type = attr(mem_ctx, x, "type");
	p->group = group;
	if (p->id == NULL || p->class == NULL || p->type == NULL) {
		return EINVAL;
	}
	ret = parse_nvset(mem_ctx, x, "instance_attributes", &p->params);
	if (ret != 0) {
		return ret;
	}
	ret = parse_nvset(mem_ctx, x, "meta_attributes", &p->meta);
	if (ret != 0) {
		return ret;
	}
	p->target_role = pcmk_nvset_get(&p->meta, "target-role");
	p->name = pcmk_nvset_get(&p->meta, PCMK_NAME_ATTR);
	p->name = p->name != NULL ? p->name : p->id;
	return 0;
}

static size_t count_primitives(const xmlNode *resources)
{
	const xmlNode *c;
	size_t num = 0;

	for (c = resources->children; c != NULL; c = c->next) {
		if (pcmk_xml_is(c, "primitive")) {
			num++;
		} else if (pcmk_xml_is(c, "group")) {
			num += count_children(c, "primitive");
		}
	}
	return num;
}

static int parse_group(TALLOC_CTX *mem_ctx, const xmlNode *x,
		       struct pcmk_cib *cib, struct pcmk_group *g)
{
	const xmlNode *c;
	int ret;

	g->id = attr(mem_ctx, x, "id");
	if (g->id == NULL) {
		return EINVAL;
	}
	ret = parse_nvset(mem_ctx, x, "meta_attributes", &g->meta);
	if (ret != 0) {
		return ret;
	}
	g->target_role = pcmk_nvset_get(&g->meta, "target-role");
	g->name = pcmk_nvset_get(&g->meta, PCMK_NAME_ATTR);
	g->name = g->name != NULL ? g->name : g->id;
	g->members = talloc_zero_array(mem_ctx, struct pcmk_primitive *,
				       count_children(x, "primitive"));
	if (g->members == NULL) {
		return ENOMEM;
	}
	for (c = x->children; c != NULL; c = c->next) {
		struct pcmk_primitive *p =
			&cib->primitives[cib->num_primitives];

		if (!pcmk_xml_is(c, "primitive")) {
			continue;
		}
		ret = parse_primitive(mem_ctx, c, g->id, p);
		if (ret != 0) {
			return ret;
		}
		cib->num_primitives++;
		g->members[g->num_members++] = p;
	}
	return 0;
}

/*
 * A primitive outside any group: MS-CMRP has no resource without a
 * group, so it is shown as a group of its own, of the same id, with
 * the primitive as its one member (pcmk_group.solo).
 */
static int parse_solo(TALLOC_CTX *mem_ctx, const xmlNode *x,
		      struct pcmk_cib *cib)
{
	struct pcmk_primitive *p = &cib->primitives[cib->num_primitives];
	struct pcmk_group *g = &cib->groups[cib->num_groups];
	int ret = parse_primitive(mem_ctx, x, NULL, p);

	if (ret != 0) {
		return ret;
	}
	cib->num_primitives++;
	g->members = talloc_array(mem_ctx, struct pcmk_primitive *, 1);
	if (g->members == NULL) {
		return ENOMEM;
	}
	g->id = p->id;
	g->name = pcmk_nvset_get(&p->meta, PCMK_GROUP_NAME_ATTR);
	/* the id: a rename of the resource leaves its group's name */
	g->name = g->name != NULL ? g->name : p->id;
	g->solo = true;
	g->target_role = p->target_role;
	g->meta = p->meta;
	g->members[0] = p;
	g->num_members = 1;
	cib->num_groups++;
	return 0;
}

/* groups and primitives; clones, bundles and the like are not read */
static int parse_resources(TALLOC_CTX *mem_ctx, const xmlNode *resources,
			   struct pcmk_cib *cib)
{
	const xmlNode *c;
	int ret;

	if (resources == NULL) {
		return 0;
	}
	cib->primitives = talloc_zero_array(mem_ctx, struct pcmk_primitive,
					    count_primitives(resources));
	cib->groups = talloc_zero_array(mem_ctx, struct pcmk_group,
					count_children(resources, "group") +
					count_children(resources, "primitive"));
	if (cib->primitives == NULL || cib->groups == NULL) {
		return ENOMEM;
	}
	for (c = resources->children; c != NULL; c = c->next) {
		if (pcmk_xml_is(c, "primitive")) {
			ret = parse_solo(mem_ctx, c, cib);
		} else if (pcmk_xml_is(c, "group")) {
			ret = parse_group(mem_ctx, c, cib,
					  &cib->groups[cib->num_groups]);
			cib->num_groups += ret == 0 ? 1 : 0;
		} else {
			ret = 0;
		}
		if (ret == ENOMEM) {
			return ret;
		}
	}
	return 0;
}

/* PCMK_GROUPS_SET: the groups with no <group> (no member) yet */
static int parse_empty_groups(TALLOC_CTX *mem_ctx, const xmlNode *crm,
			      struct pcmk_cib *cib)
{
	const xmlNode *set, *c;
	struct pcmk_group *g;

	for (set = crm ? crm->children : NULL; set != NULL; set = set->next) {
		if (pcmk_xml_is(set, "cluster_property_set") &&
		    attr_is(set, "id", PCMK_GROUPS_SET)) {
			break;
		}
	}
	if (count_children(set, "nvpair") == 0) {
		return 0;
	}
	cib->groups = talloc_realloc(
		mem_ctx, cib->groups, struct pcmk_group,
		cib->num_groups + count_children(set, "nvpair"));
	if (cib->groups == NULL) {
		return ENOMEM;
	}
	for (c = set ? set->children : NULL; c != NULL; c = c->next) {
		g = &cib->groups[cib->num_groups];
		*g = (struct pcmk_group) { .empty = true };
		g->id = pcmk_xml_is(c, "nvpair") ? attr(mem_ctx, c, "name") : NULL;
		g->name = g->id ? attr(mem_ctx, c, "value") : NULL;
		/* once it has a <group>, that one counts */
		if (g->name == NULL || pcmk_cib_group(cib, g->id) != NULL ||
		    pcmk_cib_primitive(cib, g->id) != NULL) {
			continue;
		}
		cib->num_groups++;
	}
	return 0;
}

/*
 * A name (clusapi-name, written by anyone) that another object of the
 * kind has as its id, or an earlier one as its name, or empty: the id
 * (MS-CMRP names are unique, case-insensitively, and do not take
 * another object's id)
 */
static const char *str_at(const void *array, size_t i, size_t size,
			  size_t off)
{
	return *(const char *const *)((const char *)array + i * size + off);
}

/* groups and primitives alike: their id and name fields' offsets */
static bool name_clash(const void *array, size_t num, size_t size,
		       size_t id_off, size_t name_off, size_t self)
{
	const char *name = str_at(array, self, size, name_off);
	size_t i;

	if (name[0] == '\0') {
		return true;
	}
	for (i = 0; i < num; i++) {
		if (i != self &&
		    (strcasecmp(str_at(array, i, size, id_off), name) == 0 ||
		     (i < self &&
		      strcasecmp(str_at(array, i, size, name_off), name) == 0))) {
			return true;
		}
	}
	return false;
}

static void unique_names(struct pcmk_cib *cib)
{
	size_t i;

	for (i = 0; i < cib->num_groups; i++) {
		struct pcmk_group *g = &cib->groups[i];

		if (strcmp(g->name, g->id) != 0 &&
		    name_clash(cib->groups, cib->num_groups, sizeof(*g),
			       offsetof(struct pcmk_group, id),
			       offsetof(struct pcmk_group, name), i)) {
			g->name = g->id;
		}
	}
	for (i = 0; i < cib->num_primitives; i++) {
		struct pcmk_primitive *p = &cib->primitives[i];

		if (strcmp(p->name, p->id) != 0 &&
		    name_clash(cib->primitives, cib->num_primitives,
			       sizeof(*p), offsetof(struct pcmk_primitive, id),
			       offsetof(struct pcmk_primitive, name), i)) {
			p->name = p->id;
		}
	}
}

/* the attributes of a constraint, as const char * fields of its struct */
struct attr_field {
	const char *name;
	size_t ofs;
};

#define LOC(name, member) { name, offsetof(struct pcmk_location, member) }
static const struct attr_field location_attrs[] = {
	LOC("id", id), LOC("rsc", rsc), LOC("node", node),
	LOC("score", score), LOC("role", role), { NULL },
};
#undef LOC

/* plain pairs only: an order of resource sets is not one dependency */
#define ORD(name, member) { name, offsetof(struct pcmk_order, member) }
static const struct attr_field order_attrs[] = {
	ORD("id", id), ORD("first", first), ORD("then", then),
	ORD("kind", kind), ORD("first-action", first_action),
	ORD("then-action", then_action), { NULL },
};
#undef ORD

static void parse_attrs(TALLOC_CTX *mem_ctx, const xmlNode *c, void *out,
			const struct attr_field *fields)
{
	for (; fields->name != NULL; fields++) {
		*(const char **)((char *)out + fields->ofs) =
			attr(mem_ctx, c, fields->name);
	}
}

/* the rsc_location and rsc_order constraints (with an id) */
static int parse_constraints(TALLOC_CTX *mem_ctx, const xmlNode *cons,
			     struct pcmk_cib *cib)
{
	const xmlNode *c;
	size_t l = 0, o = 0;

	cib->locations = talloc_zero_array(
		mem_ctx, struct pcmk_location,
		count_children(cons, "rsc_location"));
	cib->orders = talloc_zero_array(mem_ctx, struct pcmk_order,
					count_children(cons, "rsc_order"));
	if (cib->locations == NULL || cib->orders == NULL) {
		return ENOMEM;
	}
	for (c = cons ? cons->children : NULL; c != NULL; c = c->next) {
		if (pcmk_xml_is(c, "rsc_location")) {
			parse_attrs(mem_ctx, c, &cib->locations[l],
				    location_attrs);
			cib->locations[l].rule =
				pcmk_xml_child(c, "rule", NULL) != NULL;
			l += cib->locations[l].id != NULL;
		} else if (pcmk_xml_is(c, "rsc_order")) {
			parse_attrs(mem_ctx, c, &cib->orders[o], order_attrs);
			o += cib->orders[o].id != NULL &&
			     cib->orders[o].first != NULL &&
			     cib->orders[o].then != NULL;
		}
	}
	cib->num_locations = l;
	cib->num_orders = o;
	return 0;
}

void *pcmk_find(const void *array, size_t num, size_t size, size_t offset,
		const char *key)
{
	const char *p = array;
	size_t i;

	for (i = 0; i < num; i++, p += size) {
		const char *s = *(const char * const *)(p + offset);

		if (s != NULL && strcmp(s, key) == 0) {
			return (void *)(uintptr_t)p;
		}
	}
	return NULL;
}

static struct pcmk_node *node_by_id(struct pcmk_cib *cib, const char *id)
{
	return pcmk_find(cib->nodes, cib->num_nodes, sizeof(*cib->nodes),
			 offsetof(struct pcmk_node, id), id);
}

static struct pcmk_primitive *primitive_by_id(struct pcmk_cib *cib,
					      const char *id)
{
	return pcmk_find(cib->primitives, cib->num_primitives,
			 sizeof(*cib->primitives),
			 offsetof(struct pcmk_primitive, id), id);
}

struct last_ops {
	const xmlNode *last;	/* the last one-off operation */
	int last_call;
	bool monitor_failed;	/* a recurring monitor failed after it */
};

static bool is_last_op(const xmlNode *op)
{
	xmlChar *id = xmlGetProp(op, BAD_CAST "id");
	size_t len = id ? strlen((const char *)id) : 0;
	bool is;

	is = len > 7 && strcmp((const char *)id + len - 7, "_last_0") == 0;
	xmlFree(id);
	return is;
}

/*
 * The last one-off operation is <rsc>_last_0 (call-id -1 while in
 * flight); without one, the one-off operation of the highest call-id.
 */
static void find_last_ops(const xmlNode *lrm_rsc, struct last_ops *ops)
{
	const xmlNode *c;

	*ops = (struct last_ops) { .last = NULL };
	for (c = lrm_rsc->children; c != NULL; c = c->next) {
		if (!pcmk_xml_is(c, "lrm_rsc_op") ||
		    attr_int(c, "interval", 0) != 0) {
			continue;
		}
		if (is_last_op(c)) {
			ops->last = c;
			break;
		}
		if (ops->last == NULL ||
		    attr_int(c, "call-id", 0) > ops->last_call) {
			ops->last = c;
			ops->last_call = attr_int(c, "call-id", 0);
		}
	}
	if (ops->last == NULL) {
		return;
	}
	ops->last_call = attr_int(ops->last, "call-id", 0);
	for (c = lrm_rsc->children; c != NULL; c = c->next) {
		int rc;

		if (!pcmk_xml_is(c, "lrm_rsc_op") ||
		    attr_int(c, "interval", 0) == 0 ||
		    ops->last_call == -1 ||
		    attr_int(c, "call-id", 0) < ops->last_call) {
			continue;
		}
		rc = attr_int(c, "rc-code", 0);
		if (rc != 0 && rc != PCMK_RC_PENDING) {
			ops->monitor_failed = true;
		}
	}
}

static enum pcmk_role op_role(const char *op, int rc)
{
	bool starts = strcmp(op, "start") == 0 ||
		      strcmp(op, "promote") == 0 ||
		      strcmp(op, "demote") == 0 ||
		      strcmp(op, "migrate_from") == 0;

	if (strcmp(op, "stop") == 0 || strcmp(op, "migrate_to") == 0) {
		return rc == 0 ? PCMK_ROLE_STOPPED :
		       rc == PCMK_RC_PENDING ? PCMK_ROLE_STOPPING :
		       PCMK_ROLE_FAILED;
	}
	if (strcmp(op, "monitor") == 0) {
		/* a probe: 7 is "not running", 8 "running promoted" */
		return rc == 0 || rc == 8 ? PCMK_ROLE_STARTED :
		       rc == 7 || rc == PCMK_RC_PENDING ? PCMK_ROLE_STOPPED :
		       PCMK_ROLE_FAILED;
	}
	if (starts) {
		return rc == 0 ? PCMK_ROLE_STARTED :
		       rc == PCMK_RC_PENDING ? PCMK_ROLE_STARTING :
		       PCMK_ROLE_FAILED;
	}
	return rc == 0 ? PCMK_ROLE_STARTED : PCMK_ROLE_FAILED;
}

static int parse_history(TALLOC_CTX *mem_ctx, const xmlNode *lrm_rsc,
			 struct pcmk_primitive *p, const char *node)
{
	struct last_ops ops;
	struct pcmk_rsc_node *on;

	find_last_ops(lrm_rsc, &ops);
	if (ops.last == NULL) {
		return 0;
	}
	on = talloc_realloc(mem_ctx, p->on, struct pcmk_rsc_node,
			    p->num_on + 1);
	if (on == NULL) {
		return ENOMEM;
	}
	p->on = on;
	on = &p->on[p->num_on++];
	on->node = node;
	on->op = attr(mem_ctx, ops.last, "operation");
	on->rc = attr_int(ops.last, "rc-code", 0);
	on->role = op_role(on->op ? on->op : "", on->rc);
	if (on->role == PCMK_ROLE_STARTED && ops.monitor_failed) {
		on->role = PCMK_ROLE_FAILED;
	}
	return 0;
}

/* a node's <node_state>: membership, and its history if it is online */
static int parse_node_state(TALLOC_CTX *mem_ctx, const xmlNode *ns,
			    struct pcmk_cib *cib)
{
	const char *id = attr(mem_ctx, ns, "id");
	struct pcmk_node *n = id ? node_by_id(cib, id) : NULL;
	const xmlNode *c;
	int ret;

	if (n == NULL) {
		return 0;
	}
	n->in_ccm = attr_up(ns, "in_ccm", "false");
	n->crmd = attr_up(ns, "crmd", "offline");
	n->member = attr_is(ns, "join", "member");
	if (!pcmk_node_online(n)) {
		/* what it ran is stopped, as far as the cluster goes */
		return 0;
	}
	c = pcmk_xml_child(pcmk_xml_child(ns, "lrm", NULL), "lrm_resources",
			   NULL);
	for (c = c ? c->children : NULL; c != NULL; c = c->next) {
		const char *rid;
		struct pcmk_primitive *p;

		if (!pcmk_xml_is(c, "lrm_resource")) {
			continue;
		}
		rid = attr(mem_ctx, c, "id");
		p = rid ? primitive_by_id(cib, rid) : NULL;
		if (p == NULL) {
			continue;
		}
		ret = parse_history(mem_ctx, c, p, n->name);
		if (ret != 0) {
			return ret;
		}
	}
	return 0;
}

static int parse_status(TALLOC_CTX *mem_ctx, const xmlNode *status,
			struct pcmk_cib *cib)
{
	const xmlNode *c = status ? status->children : NULL;
	int ret = 0;

	for (; c != NULL && ret == 0; c = c->next) {
		ret = pcmk_xml_is(c, "node_state") ?
			parse_node_state(mem_ctx, c, cib) : 0;
	}
	return ret;
}

static void parse_header(TALLOC_CTX *mem_ctx, const xmlNode *x,
			 struct pcmk_cib *cib)
{
	const xmlNode *c;

	cib->dc_uuid = attr(mem_ctx, x, "dc-uuid");
	cib->have_quorum = attr_is(x, "have-quorum", "1") ||
			   attr_is(x, "have-quorum", "true");
	cib->admin_epoch = attr_int(x, "admin_epoch", 0);
	cib->epoch = attr_int(x, "epoch", 0);
	cib->num_updates = attr_int(x, "num_updates", 0);

	c = pcmk_xml_child(pcmk_xml_child(x, "configuration", NULL),
			   "crm_config", NULL);
	for (c = c ? c->children : NULL; c != NULL; c = c->next) {
		const xmlNode *p;

		if (!pcmk_xml_is(c, "cluster_property_set")) {
			continue;
		}
		for (p = c->children; p != NULL; p = p->next) {
			if (pcmk_xml_is(p, "nvpair") &&
			    attr_is(p, "name", "cluster-name")) {
				cib->cluster_name = attr(mem_ctx, p,
							 "value");
			}
		}
	}
}

int pcmk_cib_parse(TALLOC_CTX *mem_ctx, const xmlNode *x,
		   struct pcmk_cib **pcib)
{
	const xmlNode *conf;
	struct pcmk_cib *cib;
	int ret;

	if (x == NULL || !pcmk_xml_is(x, "cib")) {
		return EINVAL;
	}
	conf = pcmk_xml_child(x, "configuration", NULL);
	if (conf == NULL) {
		return EINVAL;
	}
	cib = talloc_zero(mem_ctx, struct pcmk_cib);
	if (cib == NULL) {
		return ENOMEM;
	}
	parse_header(cib, x, cib);
	ret = parse_nodes(cib, pcmk_xml_child(conf, "nodes", NULL), cib);
	if (ret == 0) {
		ret = parse_resources(
			cib, pcmk_xml_child(conf, "resources", NULL), cib);
	}
	if (ret == 0) {
		ret = parse_empty_groups(
			cib, pcmk_xml_child(conf, "crm_config", NULL), cib);
	}
	if (ret == 0) {
		unique_names(cib);
	}
	if (ret == 0) {
		ret = parse_constraints(
			cib, pcmk_xml_child(conf, "constraints", NULL), cib);
	}
	if (ret == 0) {
		ret = parse_status(cib, pcmk_xml_child(x, "status", NULL), cib);
	}
	if (ret != 0) {
		TALLOC_FREE(cib);
		return ret;
	}
	*pcib = cib;
	return 0;
}

int pcmk_cib_parse_file(TALLOC_CTX *mem_ctx, const char *path,
			struct pcmk_cib **pcib)
{
	xmlDoc *doc = xmlReadFile(path, NULL,
				  XML_PARSE_NONET | XML_PARSE_NOERROR |
				  XML_PARSE_NOWARNING | XML_PARSE_NOBLANKS);
	int ret;

	if (doc == NULL) {
		return EINVAL;
	}
	ret = pcmk_cib_parse(mem_ctx, xmlDocGetRootElement(doc), pcib);
	xmlFreeDoc(doc);
	return ret;
}

const struct pcmk_node *pcmk_cib_node(const struct pcmk_cib *cib,
				      const char *name)
{
	return pcmk_find(cib->nodes, cib->num_nodes, sizeof(*cib->nodes),
			 offsetof(struct pcmk_node, name), name);
}

const struct pcmk_group *pcmk_cib_group(const struct pcmk_cib *cib,
					const char *id)
{
	return pcmk_find(cib->groups, cib->num_groups, sizeof(*cib->groups),
			 offsetof(struct pcmk_group, id), id);
}

const struct pcmk_primitive *pcmk_cib_primitive(const struct pcmk_cib *cib,
						const char *id)
{
	return pcmk_find(cib->primitives, cib->num_primitives,
			 sizeof(*cib->primitives),
			 offsetof(struct pcmk_primitive, id), id);
}

const struct pcmk_location *pcmk_cib_location(const struct pcmk_cib *cib,
					      const char *id)
{
	return pcmk_find(cib->locations, cib->num_locations,
			 sizeof(*cib->locations),
			 offsetof(struct pcmk_location, id), id);
}
