/*
 * clusapi - cluster model: the configuration file
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The initial cluster, used when the store is empty.  INI style:
 *
 *   # comment                   (also "; comment"), whole lines only
 *   [kind Name With Spaces]     a section: kind, then the object's name
 *   key = value                 surrounding blanks are ignored;
 *   key = "value "              double quotes keep them
 *
 * Sections (unknown kinds and unknown keys are errors):
 *
 *   [cluster]   name, instance_id, major_version, minor_version,
 *               build_number, vendor, csd_version, highest_version,
 *               lowest_version, local_node (a node name; default the
 *               first node), quorum_resource (a resource name),
 *               quorum_path, quorum_max_log_size
 *   [node N]    id (default 1, 2, ...), instance_id, state (up, down,
 *               paused, joining)
 *   [restype N] display_name, dll, looks_alive, is_alive (ms),
 *               characteristics, class, subclass
 *   [network N] id, description, state (up, down, unavailable,
 *               partitioned), role (none, internal, client,
 *               internal_and_client or a number), address, mask,
 *               priority
 *   [netif N]   node, network (names; required), adapter, address,
 *               description, id
 *   [group N]   id (default a new GUID), owner (default the local
 *               node), preferred (list), state (online, offline;
 *               default offline), type, priority, flags, description,
 *               prop.<Name> = <value>
 *   [groups]    bulk groups for benchmarks: count (required), prefix
 *               ("Group "), start (1), digits (zero padding, 0),
 *               owner (a node name, or "spread": round robin), preferred,
 *               state, type, resources (per group, 0), resource_type
 *               ("Generic Application").  Group i is named
 *               <prefix><i>, its resources "<group> Resource <j>".
 *   [resource N] id (default a new GUID), group, type (required),
 *               state (default: the group's), core (yes/no),
 *               description, possible (list; default all nodes),
 *               depends (list: "[a] and [b]") or dependency
 *               (an expression), prop.<Name> = <value>
 *   [groupset N] members (list of groups), depends (list of sets),
 *               startup_delay_trigger, startup_count, startup_delay,
 *               is_global
 *   [regkey Path\Below\Root]  <ValueName> = <value>; "@" names the
 *               default value.  The root key always has
 *               ClusterInstanceID and ClusterName.
 *
 * Lists are comma separated.  Numbers are decimal or 0x hex.  Typed
 * values: "sz:text", "expand_sz:text", "multi_sz:a|b|c", "dword:N",
 * "qword:N", "binary:0a1b2c"; no prefix means sz.
 *
 * Errors name the place: "file:line: message".
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config_private.h"

static const struct cfg_word node_states[] = {
	{ "up", CM_NODE_UP }, { "down", CM_NODE_DOWN },
	{ "paused", CM_NODE_PAUSED }, { "joining", CM_NODE_JOINING },
}, net_states[] = {
	{ "up", CM_NETWORK_UP }, { "down", CM_NETWORK_DOWN },
	{ "unavailable", CM_NETWORK_UNAVAILABLE },
	{ "partitioned", CM_NETWORK_PARTITIONED },
}, net_roles[] = {
	{ "none", CM_NETWORK_ROLE_NONE },
	{ "internal", CM_NETWORK_ROLE_INTERNAL },
	{ "client", CM_NETWORK_ROLE_CLIENT },
	{ "internal_and_client", CM_NETWORK_ROLE_INTERNAL_AND_CLIENT },
	{ "all", CM_NETWORK_ROLE_INTERNAL_AND_CLIENT },
}, on_off[] = {
	{ "online", 1 }, { "offline", 0 },
};

/* prop.<Name> = <typed value> entries of a group or resource */
static uint32_t cfg_props(struct cfg *cfg, struct cfg_sec *s, void *ctx,
			  struct clus_proplist *props)
{
	uint32_t i;

	for (i = 0; i < s->num; i++) {
		struct cfg_kv *kv = &s->kv[i];
		uint8_t *data;
		uint32_t type, len, err;

		if (strncasecmp(kv->key, "prop.", 5) != 0) {
			continue;
		}
		kv->used = true;
		if (kv->key[5] == '\0') {
			return cfg_err(cfg, kv->line, "property without a "
				       "name");
		}
		err = cfg_typed(cfg, ctx, kv, &type, &data, &len);
		if (err != CM_ERROR_SUCCESS) {
			return err;
		}
		err = txn_proplist_set(cfg->t, ctx, props, kv->key + 5, type,
				       data, len);
		talloc_free(data);
		if (err != CM_ERROR_SUCCESS) {
			return err;
		}
	}
	return CM_ERROR_SUCCESS;
}

static void set_str(void *ctx, char **field, const char *val)
{
	if (val != NULL) {
		char *n = talloc_strdup(ctx, val);

		if (n != NULL) {
			talloc_free(*field);
			*field = n;
		}
	}
}

static uint32_t cfg_cluster(struct cfg *cfg, struct cfg_sec *s)
{
	struct clus_cluster *c = cfg->m->cluster;
	uint32_t v, err = CM_ERROR_SUCCESS;
	const char *name = sec_get(s, "name");

	if (name != NULL) {
		if (!clus_name_valid(name)) {
			return cfg_err(cfg, s->line, "bad cluster name");
		}
		set_str(c, &c->name, name);
	}
	set_str(c, &c->instance_id, sec_get(s, "instance_id"));
	set_str(c, &c->version.vendor, sec_get(s, "vendor"));
	set_str(c, &c->version.csd_version, sec_get(s, "csd_version"));
	set_str(c, &c->quorum_path, sec_get(s, "quorum_path"));
	v = c->version.major;
	err = sec_u32(cfg, s, "major_version", &v);
	c->version.major = v;
	v = c->version.minor;
	err = err ? err : sec_u32(cfg, s, "minor_version", &v);
	c->version.minor = v;
	v = c->version.build;
	err = err ? err : sec_u32(cfg, s, "build_number", &v);
	c->version.build = v;
	err = err ? err : sec_u32(cfg, s, "highest_version",
				  &c->version.highest_version);
	err = err ? err : sec_u32(cfg, s, "lowest_version",
				  &c->version.lowest_version);
	err = err ? err : sec_u32(cfg, s, "quorum_max_log_size",
				  &c->quorum_max_log_size);
	/* resolved once nodes and resources exist */
	sec_kv(s, "local_node");
	sec_kv(s, "quorum_resource");
	return err;
}

static uint32_t cfg_node(struct cfg *cfg, struct cfg_sec *s)
{
	struct clus_cluster *c = cfg->m->cluster;
	const char *id = sec_get(s, "id");
	char *autoid = NULL;
	struct clus_node *n;
	uint32_t err;

	err = sec_need_name(cfg, s);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	if (clus_node_by_name(cfg->m, s->name) != NULL) {
		return cfg_err(cfg, s->line, "node '%s' defined twice",
			       s->name);
	}
	if (id == NULL) {
		do {
			talloc_free(autoid);
			autoid = talloc_asprintf(cfg->m, "%u",
						 c->next_node_id++);
		} while (autoid != NULL &&
			 clus_node_by_id(cfg->m, autoid) != NULL);
		id = autoid;
	}
	if (id == NULL || id[0] == '\0' || clus_node_by_id(cfg->m, id)) {
		return cfg_err(cfg, s->line, "node '%s' needs a unique id",
			       s->name);
	}
	n = node_new(cfg->t, s->name, id);
	talloc_free(autoid);
	if (n == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	/* Windows' NodeInstanceID looks like 00000000-...-00000000000N */
	talloc_free(n->instance_id);
	n->instance_id = talloc_asprintf(n, "00000000-0000-0000-0000-%012u",
					 (unsigned)strtoul(n->id, NULL, 10));
	set_str(n, &n->instance_id, sec_get(s, "instance_id"));
	err = sec_word(cfg, s, "state", node_states, &n->state);
	if (err != CM_ERROR_SUCCESS) {
		return cfg_err(cfg, s->line, "bad node state");
	}
	obj_link(cfg->t, &n->obj);
	return CM_ERROR_SUCCESS;
}

static uint32_t cfg_restype(struct cfg *cfg, struct cfg_sec *s)
{
	struct clus_restype *rt;
	uint32_t err;

	err = sec_need_name(cfg, s);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	if (clus_restype_by_name(cfg->m, s->name) != NULL) {
		return cfg_err(cfg, s->line, "resource type '%s' defined "
			       "twice", s->name);
	}
	rt = restype_new(cfg->t, s->name);
	if (rt == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	set_str(rt, &rt->display_name, sec_get(s, "display_name"));
	set_str(rt, &rt->dll_name, sec_get(s, "dll"));
	err = sec_u32(cfg, s, "looks_alive", &rt->looks_alive_ms);
	err = err ? err : sec_u32(cfg, s, "is_alive", &rt->is_alive_ms);
	err = err ? err : sec_u32(cfg, s, "characteristics",
				  &rt->characteristics);
	err = err ? err : sec_u32(cfg, s, "class", &rt->res_class);
	err = err ? err : sec_u32(cfg, s, "subclass", &rt->res_subclass);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	obj_link(cfg->t, &rt->obj);
	return CM_ERROR_SUCCESS;
}

/*
 * The new object of @kind that section @s defines, named by it and with
 * its "id" or else a new GUID; NULL with *@err when the name or the id
 * is missing or taken (@what names the kind in the message).
 */
static void *cfg_new_object(struct cfg *cfg, struct cfg_sec *s,
			    uint8_t kind, const char *what, uint32_t *err)
{
	const char *id = sec_get(s, "id");
	char *guid = NULL;
	void *o;

	*err = sec_need_name(cfg, s);
	if (*err != CM_ERROR_SUCCESS) {
		return NULL;
	}
	if (obj_by_name(cfg->m, kind, s->name) != NULL) {
		*err = cfg_err(cfg, s->line, "%s '%s' defined twice", what,
			       s->name);
		return NULL;
	}
	if (id == NULL) {
		id = guid = clus_new_guid(cfg->m);
	}
	if (id == NULL || obj_by_id(cfg->m, kind, id) != NULL) {
		*err = cfg_err(cfg, s->line, "%s '%s' needs a unique id",
			       what, s->name);
		talloc_free(guid);
		return NULL;
	}
	o = obj_new(cfg->t, kind, s->name, id);
	talloc_free(guid);
	*err = o != NULL ? CM_ERROR_SUCCESS : CM_ERROR_NOT_ENOUGH_MEMORY;
	return o;
}

static uint32_t cfg_network(struct cfg *cfg, struct cfg_sec *s)
{
	struct clus_network *n;
	uint32_t err;

	n = cfg_new_object(cfg, s, CLUS_KIND_NETWORK, "network", &err);
	if (n == NULL) {
		return err;
	}
	set_str(n, &n->description, sec_get(s, "description"));
	set_str(n, &n->address, sec_get(s, "address"));
	set_str(n, &n->address_mask, sec_get(s, "mask"));
	if (sec_word(cfg, s, "state", net_states, &n->state) != 0 ||
	    sec_word(cfg, s, "role", net_roles, &n->role) != 0) {
		return cfg_err(cfg, s->line, "bad network state or role");
	}
	err = sec_u32(cfg, s, "priority", &n->priority);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	obj_link(cfg->t, &n->obj);
	return CM_ERROR_SUCCESS;
}

static uint32_t cfg_netif(struct cfg *cfg, struct cfg_sec *s)
{
	const char *node = sec_get(s, "node");
	const char *net = sec_get(s, "network");
	struct clus_netif *ni;
	uint32_t err;

	ni = cfg_new_object(cfg, s, CLUS_KIND_NETIF, "interface", &err);
	if (ni == NULL) {
		return err;
	}
	ni->node = node != NULL ? clus_node_by_name(cfg->m, node) : NULL;
	if (ni->node == NULL) {
		return cfg_err(cfg, s->line, "interface '%s': unknown node "
			       "'%s'", s->name, node ? node : "");
	}
	ni->network = net != NULL ? clus_network_by_name(cfg->m, net) : NULL;
	if (ni->network == NULL) {
		return cfg_err(cfg, s->line, "interface '%s': unknown network "
			       "'%s'", s->name, net ? net : "");
	}
	set_str(ni, &ni->adapter, sec_get(s, "adapter"));
	set_str(ni, &ni->address, sec_get(s, "address"));
	set_str(ni, &ni->description, sec_get(s, "description"));
	ni->state = (ni->node->state == CM_NODE_UP ||
		     ni->node->state == CM_NODE_PAUSED) ?
		CM_NETIF_UP : CM_NETIF_UNAVAILABLE;
	obj_link(cfg->t, &ni->obj);
	return CM_ERROR_SUCCESS;
}

static uint32_t cfg_node_list(struct cfg *cfg, struct cfg_sec *s,
			      const char *key, void *ctx,
			      struct clus_node ***out, uint32_t *num)
{
	struct cfg_kv *kv = sec_kv(s, key);
	struct clus_node **nodes;
	char **items;
	uint32_t n, i;

	if (kv == NULL) {
		return CM_ERROR_SUCCESS;
	}
	items = cfg_list(ctx, kv->value, &n);
	nodes = talloc_zero_array(ctx, struct clus_node *, n + 1);
	if (items == NULL || nodes == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	for (i = 0; i < n; i++) {
		uint32_t j;

		nodes[i] = clus_node_by_name(cfg->m, items[i]);
		if (nodes[i] == NULL) {
			return cfg_err(cfg, kv->line, "unknown node '%s'",
				       items[i]);
		}
		for (j = 0; j < i; j++) {
			if (nodes[j] == nodes[i]) {
				return cfg_err(cfg, kv->line, "node '%s' "
					       "listed twice", items[i]);
			}
		}
	}
	talloc_free(items);
	talloc_free(*out);
	*out = nodes;
	*num = n;
	return CM_ERROR_SUCCESS;
}

static struct clus_group *cfg_new_group(struct cfg *cfg, unsigned line,
					const char *name, uint32_t *err)
{
	struct clus_group *g;
	char *id;

	*err = obj_check_name(cfg->m, CLUS_KIND_GROUP, name, NULL);
	if (*err != CM_ERROR_SUCCESS) {
		*err = cfg_err(cfg, line, "group '%s': %s", name,
			       *err == CM_ERROR_OBJECT_ALREADY_EXISTS ?
			       "defined twice" : "bad name");
		return NULL;
	}
	id = clus_new_guid(cfg->m);
	g = (id != NULL) ? group_new(cfg->t, name, id) : NULL;
	talloc_free(id);
	if (g == NULL) {
		*err = CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	return g;
}

static uint32_t cfg_group_common(struct cfg *cfg, struct cfg_sec *s,
				 struct clus_group *g)
{
	const char *owner = sec_get(s, "owner");
	uint32_t online = 0;
	uint32_t err;

	g->owner = clus_model_local_node(cfg->m);
	if (owner != NULL && strcasecmp(owner, "spread") != 0) {
		g->owner = clus_node_by_name(cfg->m, owner);
		if (g->owner == NULL) {
			return cfg_err(cfg, s->line, "unknown owner node "
				       "'%s'", owner);
		}
	}
	err = cfg_node_list(cfg, s, "preferred", g, &g->preferred,
			    &g->num_preferred);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	if (sec_word(cfg, s, "state", on_off, &online) != 0) {
		return cfg_err(cfg, s->line, "state is online or offline");
	}
	g->persistent_state = online ? CM_GROUP_ONLINE : CM_GROUP_OFFLINE;
	err = sec_u32(cfg, s, "type", &g->group_type);
	err = err ? err : sec_u32(cfg, s, "priority", &g->priority);
	err = err ? err : sec_u32(cfg, s, "flags", &g->flags);
	return err;
}

static uint32_t cfg_group(struct cfg *cfg, struct cfg_sec *s)
{
	struct clus_group *g;
	const char *id;
	uint32_t err;

	err = sec_need_name(cfg, s);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	g = cfg_new_group(cfg, s->line, s->name, &err);
	if (g == NULL) {
		return err;
	}
	err = cfg_group_common(cfg, s, g);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	/* a backend's own id (Pacemaker: the CIB id), else a new GUID */
	id = sec_get(s, "id");
	if (id != NULL && clus_group_by_id(cfg->m, id) != NULL) {
		return cfg_err(cfg, s->line, "group '%s' needs a unique id",
			       s->name);
	}
	set_str(g, &g->id, id);
	set_str(g, &g->description, sec_get(s, "description"));
	err = cfg_props(cfg, s, g, &g->props);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	obj_link(cfg->t, &g->obj);
	return CM_ERROR_SUCCESS;
}

/* @id: a backend's own (Pacemaker: the CIB id), NULL: a new GUID */
static struct clus_resource *cfg_new_resource(struct cfg *cfg, unsigned line,
					      const char *name, const char *id,
					      struct clus_group *g,
					      struct clus_restype *type,
					      bool online, uint32_t *err)
{
	struct clus_resource *r;
	struct clus_node *n;
	uint32_t i = 0;
	char *guid = NULL;

	if (clus_resource_by_name(cfg->m, name) != NULL) {
		*err = cfg_err(cfg, line, "resource '%s' defined twice", name);
		return NULL;
	}
	if (id != NULL && clus_resource_by_id(cfg->m, id) != NULL) {
		*err = cfg_err(cfg, line, "resource '%s' needs a unique id",
			       name);
		return NULL;
	}
	if (id == NULL) {
		id = guid = clus_new_guid(cfg->m);
	}
	r = (id != NULL) ? resource_new(cfg->t, name, id) : NULL;
	talloc_free(guid);
	if (r == NULL) {
		*err = CM_ERROR_NOT_ENOUGH_MEMORY;
		return NULL;
	}
	r->type = type;
	r->state = online ? CM_RES_ONLINE : CM_RES_OFFLINE;
	r->persistent_state = r->state;
	talloc_free(r->possible);
	r->possible = talloc_zero_array(r, struct clus_node *,
					cfg->m->nodes.count + 1);
	if (r->possible == NULL) {
		*err = CM_ERROR_NOT_ENOUGH_MEMORY;
		return NULL;
	}
	for (n = clus_node_first(cfg->m); n != NULL; n = clus_node_next(n)) {
		r->possible[i++] = n;
	}
	r->num_possible = i;
	resource_link(cfg->t, r, g);
	*err = CM_ERROR_SUCCESS;
	return r;
}

static uint32_t cfg_groups(struct cfg *cfg, struct cfg_sec *s)
{
	uint32_t count = 0, start = 1, digits = 0, resources = 0;
	const char *prefix = sec_get(s, "prefix");
	const char *owner = sec_get(s, "owner");
	const char *rtname = sec_get(s, "resource_type");
	struct clus_node *spread = NULL;
	struct clus_restype *rtype;
	uint32_t err, i, j;

	if (sec_get(s, "count") == NULL) {
		return cfg_err(cfg, s->line, "[groups] needs a count");
	}
	err = sec_u32(cfg, s, "count", &count);
	err = err ? err : sec_u32(cfg, s, "start", &start);
	err = err ? err : sec_u32(cfg, s, "digits", &digits);
	err = err ? err : sec_u32(cfg, s, "resources", &resources);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	if (digits > 12) {
		return cfg_err(cfg, s->line, "digits: at most 12");
	}
	rtype = clus_restype_by_name(cfg->m, rtname != NULL ? rtname :
				     "Generic Application");
	if (resources > 0 && rtype == NULL) {
		return cfg_err(cfg, s->line, "unknown resource type '%s'",
			       rtname != NULL ? rtname :
			       "Generic Application");
	}
	if (owner == NULL || strcasecmp(owner, "spread") == 0) {
		spread = clus_node_first(cfg->m);
	}

	for (i = 0; i < count; i++) {
		char name[256];
		struct clus_group *g;

		snprintf(name, sizeof(name), "%s%0*u",
			 prefix != NULL ? prefix : "Group ", (int)digits,
			 start + i);
		g = cfg_new_group(cfg, s->line, name, &err);
		if (g == NULL) {
			return err;
		}
		err = cfg_group_common(cfg, s, g);
		if (err != CM_ERROR_SUCCESS) {
			return err;
		}
		if (spread != NULL) {
			g->owner = spread;
			spread = clus_node_next(spread);
			if (spread == NULL) {
				spread = clus_node_first(cfg->m);
			}
		}
		obj_link(cfg->t, &g->obj);
		for (j = 0; j < resources; j++) {
			char rname[300];

			snprintf(rname, sizeof(rname), "%s Resource %u", name,
				 j + 1);
			if (cfg_new_resource(cfg, s->line, rname, NULL, g,
					     rtype,
					     g->persistent_state ==
					     CM_GROUP_ONLINE, &err) == NULL) {
				return err;
			}
		}
	}
	return CM_ERROR_SUCCESS;
}

static uint32_t cfg_resource(struct cfg *cfg, struct cfg_sec *s)
{
	const char *gname = sec_get(s, "group");
	const char *tname = sec_get(s, "type");
	struct clus_restype *type;
	struct clus_resource *r;
	struct clus_group *g;
	uint32_t online;
	bool core = false;
	uint32_t err;

	err = sec_need_name(cfg, s);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	g = gname != NULL ? clus_group_by_name(cfg->m, gname) : NULL;
	if (g == NULL) {
		return cfg_err(cfg, s->line, "resource '%s': unknown group "
			       "'%s'", s->name, gname ? gname : "");
	}
	type = tname != NULL ? clus_restype_by_name(cfg->m, tname) : NULL;
	if (type == NULL) {
		return cfg_err(cfg, s->line, "resource '%s': unknown type "
			       "'%s'", s->name, tname ? tname : "");
	}
	online = (g->persistent_state == CM_GROUP_ONLINE);
	if (sec_word(cfg, s, "state", on_off, &online) != 0) {
		return cfg_err(cfg, s->line, "state is online or offline");
	}
	err = sec_bool(cfg, s, "core", &core);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	r = cfg_new_resource(cfg, s->line, s->name, sec_get(s, "id"), g, type,
			     online, &err);
	if (r == NULL) {
		return err;
	}
	if (core) {
		r->flags |= CM_RES_FLAG_CORE;
	}
	set_str(r, &r->description, sec_get(s, "description"));
	err = cfg_node_list(cfg, s, "possible", r, &r->possible,
			    &r->num_possible);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	/* dependencies: second pass, once all resources exist */
	sec_kv(s, "depends");
	sec_kv(s, "dependency");
	return cfg_props(cfg, s, r, &r->props);
}

static uint32_t cfg_resource_deps(struct cfg *cfg, struct cfg_sec *s)
{
	struct clus_resource *r = clus_resource_by_name(cfg->m, s->name);
	struct cfg_kv *list = sec_kv(s, "depends");
	struct cfg_kv *expr = sec_kv(s, "dependency");
	char *text = NULL;
	uint32_t err;

	if (list == NULL && expr == NULL) {
		return CM_ERROR_SUCCESS;
	}
	if (list != NULL && expr != NULL) {
		return cfg_err(cfg, expr->line, "use depends or dependency, "
			       "not both");
	}
	if (list != NULL) {
		char **items;
		uint32_t n, i;

		items = cfg_list(cfg->m, list->value, &n);
		text = talloc_strdup(cfg->m, "");
		for (i = 0; items != NULL && text != NULL && i < n; i++) {
			text = talloc_asprintf_append(text, "%s[%s]",
						      i > 0 ? " and " : "",
						      items[i]);
		}
		talloc_free(items);
		if (text == NULL) {
			return CM_ERROR_NOT_ENOUGH_MEMORY;
		}
	}
	talloc_free(r->deps.tokens);
	err = depexpr_parse(r, text != NULL ? text : expr->value,
			    resource_resolve_in_group, r, &r->deps);
	talloc_free(text);
	if (err != CM_ERROR_SUCCESS || depexpr_refers(&r->deps, &r->obj)) {
		return cfg_err(cfg, (list != NULL ? list : expr)->line,
			       "bad dependency of '%s' (a resource of its "
			       "own group, in brackets)", s->name);
	}
	return CM_ERROR_SUCCESS;
}

static uint32_t cfg_groupset(struct cfg *cfg, struct cfg_sec *s)
{
	struct cfg_kv *kv = sec_kv(s, "members");
	struct clus_groupset *set;
	uint32_t err;
	char *id;

	err = sec_need_name(cfg, s);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	if (clus_groupset_by_name(cfg->m, s->name) != NULL) {
		return cfg_err(cfg, s->line, "group set '%s' defined twice",
			       s->name);
	}
	id = clus_new_guid(cfg->m);
	set = (id != NULL) ? groupset_new(cfg->t, s->name, id) : NULL;
	talloc_free(id);
	if (set == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	if (kv != NULL) {
		char **items;
		uint32_t n, i;

		items = cfg_list(set, kv->value, &n);
		talloc_free(set->members);
		set->members = talloc_zero_array(set, struct clus_group *,
						 n + 1);
		if (items == NULL || set->members == NULL) {
			return CM_ERROR_NOT_ENOUGH_MEMORY;
		}
		for (i = 0; i < n; i++) {
			struct clus_group *g = clus_group_by_name(cfg->m,
								  items[i]);

			if (g == NULL) {
				return cfg_err(cfg, kv->line, "unknown group "
					       "'%s'", items[i]);
			}
			if (g->groupset != NULL) {
				return cfg_err(cfg, kv->line, "group '%s' is "
					       "already in a set", items[i]);
			}
			g->groupset = set;
			set->members[i] = g;
		}
		set->num_members = n;
		talloc_free(items);
	}
	err = sec_u32(cfg, s, "startup_delay_trigger",
		      &set->startup_delay_trigger);
	err = err ? err : sec_u32(cfg, s, "startup_count",
				  &set->startup_count);
	err = err ? err : sec_u32(cfg, s, "startup_delay",
				  &set->startup_delay);
	err = err ? err : sec_bool(cfg, s, "is_global", &set->is_global);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	sec_kv(s, "depends");
	obj_link(cfg->t, &set->obj);
	return CM_ERROR_SUCCESS;
}

static uint32_t cfg_groupset_deps(struct cfg *cfg, struct cfg_sec *s)
{
	struct clus_groupset *set = clus_groupset_by_name(cfg->m, s->name);
	struct cfg_kv *kv = sec_kv(s, "depends");
	char **items;
	uint32_t n, i;

	if (kv == NULL) {
		return CM_ERROR_SUCCESS;
	}
	items = cfg_list(set, kv->value, &n);
	if (items == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	for (i = 0; i < n; i++) {
		struct clus_groupset *p = clus_groupset_by_name(cfg->m,
								items[i]);
		struct clus_depexpr e;

		if (p == NULL || p == set) {
			return cfg_err(cfg, kv->line, "bad group set '%s'",
				       items[i]);
		}
		if (!depexpr_append_and(set, &set->deps, &p->obj, &e)) {
			return CM_ERROR_NOT_ENOUGH_MEMORY;
		}
		talloc_free(set->deps.tokens);
		set->deps = e;
	}
	talloc_free(items);
	return CM_ERROR_SUCCESS;
}

static uint32_t cfg_regkey(struct cfg *cfg, struct cfg_sec *s)
{
	struct clus_regkey *key = cfg->m->root;
	uint32_t i, err;

	if (s->name[0] != '\0') {
		err = regkey_create_path(cfg->t, cfg->m->root, s->name, &key,
					 NULL);
		if (err != CM_ERROR_SUCCESS) {
			return cfg_err(cfg, s->line, "bad key path '%s'",
				       s->name);
		}
	}
	for (i = 0; i < s->num; i++) {
		struct cfg_kv *kv = &s->kv[i];
		const char *name = strcmp(kv->key, "@") == 0 ? "" : kv->key;
		uint8_t *data;
		uint32_t type, len;

		kv->used = true;
		err = cfg_typed(cfg, key, kv, &type, &data, &len);
		if (err != CM_ERROR_SUCCESS) {
			return err;
		}
		err = txn_regkey_set_value(cfg->t, key, name, type, data, len);
		talloc_free(data);
		if (err != CM_ERROR_SUCCESS) {
			return err;
		}
	}
	return CM_ERROR_SUCCESS;
}

static uint32_t cfg_root_key(struct cfg *cfg)
{
	struct clus_cluster *c = cfg->m->cluster;
	struct clus_regkey *root;
	uint32_t err;

	root = regkey_new(cfg->t, NULL, "");
	if (root == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	regkey_link(cfg->t, root);
	err = txn_regkey_set_value(cfg->t, root, "ClusterInstanceID",
				   CM_REG_SZ, (uint8_t *)c->instance_id,
				   strlen(c->instance_id) + 1);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	return txn_regkey_set_value(cfg->t, root, "ClusterName", CM_REG_SZ,
				    (uint8_t *)c->name, strlen(c->name) + 1);
}

static uint32_t cfg_finish_cluster(struct cfg *cfg)
{
	struct clus_cluster *c = cfg->m->cluster;
	struct cfg_sec *cs = NULL;
	struct clus_group *g;
	const char *v;
	uint32_t i;

	for (i = 0; i < cfg->num; i++) {
		if (sec_is(&cfg->secs[i], "cluster")) {
			cs = &cfg->secs[i];
		}
	}
	if (cs != NULL && (v = sec_get(cs, "quorum_resource")) != NULL &&
	    v[0] != '\0') {
		struct clus_resource *r = clus_resource_by_name(cfg->m, v);

		if (r == NULL) {
			return cfg_err(cfg, cs->line, "unknown quorum "
				       "resource '%s'", v);
		}
		set_str(c, &c->quorum_resource_id, r->id);
	}

	/* what cannot run where it is configured has failed */
	for (g = clus_group_first(cfg->m); g != NULL; g = clus_group_next(g)) {
		struct clus_resource *r;
		bool runs = g->owner->state == CM_NODE_UP ||
			g->owner->state == CM_NODE_PAUSED;

		for (r = clus_group_first_resource(g); r != NULL;
		     r = clus_group_next_resource(r)) {
			if (r->state == CM_RES_ONLINE &&
			    (!runs || !clus_resource_is_possible_owner(
				    r, g->owner))) {
				r->state = CM_RES_FAILED;
			}
		}
		g->state = group_derive_state(g);
	}
	return CM_ERROR_SUCCESS;
}

typedef uint32_t (*cfg_fn)(struct cfg *cfg, struct cfg_sec *s);

uint32_t config_apply(struct clus_txn *t, const char *text,
		      const char *filename, char **errmsg)
{
	TALLOC_CTX *frame = talloc_new(NULL);
	static const struct {
		const char *kind;
		cfg_fn fn;
		bool named;
	} passes[] = {
		{ "cluster", cfg_cluster, false },
		{ "node", cfg_node, true },
		{ "restype", cfg_restype, true },
		{ "network", cfg_network, true },
		{ "netif", cfg_netif, true },
		{ "group", cfg_group, true },
		{ "groups", cfg_groups, false },
		{ "resource", cfg_resource, true },
		{ "resource", cfg_resource_deps, true },
		{ "groupset", cfg_groupset, true },
		{ "groupset", cfg_groupset_deps, true },
		{ "regkey", cfg_regkey, true },
	};
	struct cfg cfg = {
		.t = t,
		.m = t->m,
		.file = filename,
		.errmsg = errmsg,
	};
	struct clus_cluster *c = t->m->cluster;
	uint32_t ncluster = 0;
	uint32_t err;
	size_t p;
	uint32_t i;

	*errmsg = NULL;
	err = cfg_parse(&cfg, frame, text);
	if (err != CM_ERROR_SUCCESS) {
		goto done;
	}
	for (i = 0; i < cfg.num; i++) {
		struct cfg_sec *s = &cfg.secs[i];
		bool known = false;

		for (p = 0; p < sizeof(passes) / sizeof(passes[0]); p++) {
			known |= sec_is(s, passes[p].kind);
		}
		if (!known) {
			err = cfg_err(&cfg, s->line, "unknown section "
				      "[%s]", s->kind);
			goto done;
		}
		if (sec_is(s, "cluster") && ++ncluster > 1) {
			err = cfg_err(&cfg, s->line, "second [cluster]");
			goto done;
		}
	}

	txn_dirty(t, &c->obj);
	for (p = 0; p < sizeof(passes) / sizeof(passes[0]); p++) {
		for (i = 0; i < cfg.num; i++) {
			struct cfg_sec *s = &cfg.secs[i];

			if (!sec_is(s, passes[p].kind)) {
				continue;
			}
			err = passes[p].fn(&cfg, s);
			if (err != CM_ERROR_SUCCESS) {
				goto done;
			}
		}
		if (strcmp(passes[p].kind, "node") == 0) {
			struct cfg_sec *cs = NULL;
			const char *ln = NULL;
			struct clus_node *local;

			if (t->m->nodes.count == 0) {
				err = cfg_err(&cfg, 1, "no [node] defined");
				goto done;
			}
			for (i = 0; i < cfg.num; i++) {
				if (sec_is(&cfg.secs[i], "cluster")) {
					cs = &cfg.secs[i];
					ln = sec_get(cs, "local_node");
				}
			}
			local = ln != NULL ? clus_node_by_name(t->m, ln) :
				clus_node_first(t->m);
			if (local == NULL) {
				err = cfg_err(&cfg, cs->line, "unknown "
					      "local_node '%s'", ln);
				goto done;
			}
			set_str(c, &c->local_node_id, local->id);
			err = cfg_root_key(&cfg);
			if (err != CM_ERROR_SUCCESS) {
				goto done;
			}
		}
	}
	for (i = 0; i < cfg.num; i++) {
		err = sec_check_used(&cfg, &cfg.secs[i]);
		if (err != CM_ERROR_SUCCESS) {
			goto done;
		}
	}
	err = cfg_finish_cluster(&cfg);
done:
	if (err != CM_ERROR_SUCCESS && *errmsg == NULL) {
		*errmsg = talloc_asprintf(t->m, "%s: %s", filename,
					  clus_model_errstr(err));
	}
	TALLOC_FREE(frame);
	return err;
}
