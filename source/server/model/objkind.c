/*
 * clusapi - cluster model: where each kind of named object is indexed
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Nodes, resource types, networks, interfaces, groups, resources and
 * group sets are all kept the same way: a list of the model in creation
 * order and a name index (and, but for resource types, an id index).
 * One description per kind (with how a new object starts, the error of
 * a failed lookup and where it keeps its dependencies) lets creation,
 * linking, unlinking, lookup and the name check be written once;
 * lookup.c gives each kind its typed calls, and store_format.c does the
 * same for the records on disk.
 */

#include <stddef.h>

#include "model_private.h"

/*
 * A field obj_new() fills in besides the name and the id: a string, an
 * empty array (one zeroed element, so that it is never NULL) or a
 * uint32_t other than 0.  Together they are how a new object of a kind
 * looks before its creator sets more.
 */
enum obj_field_type { FIELD_STR = 1, FIELD_ARRAY, FIELD_U32 };

struct obj_field {
	size_t off;		/* in the object */
	enum obj_field_type type;	/* 0: no more fields */
	const char *str;	/* string: its value, NULL: the name;
				 * array: its talloc name */
	size_t elem_size;	/* array: of an element */
	uint32_t value;		/* uint32_t: its value */
};

#define STR(type, field, init) \
	{ offsetof(type, field), FIELD_STR, (init), 0, 0 }
#define ARRAY(type, field, elem) \
	{ offsetof(type, field), FIELD_ARRAY, #elem, sizeof(elem), 0 }
#define U32(type, field, v) \
	{ offsetof(type, field), FIELD_U32, NULL, 0, (v) }

struct obj_kind {
	size_t size;		/* of the object */
	const char *type_name;	/* its talloc name */
	size_t list;		/* struct clus_list in struct clus_model */
	size_t names;		/* struct clus_hash * in struct clus_model */
	size_t ids;		/* likewise; 0: the kind has no id index */
	size_t link;		/* struct clus_link in the object */
	size_t name;		/* char * in the object */
	size_t id;		/* char * in the object */
	size_t description;	/* char * in the object; 0: none */
	size_t deps;		/* struct clus_depexpr in the object; 0: none */
	/* Windows: a new name may not be another object's id either */
	bool ids_reserved;
	uint32_t not_found;	/* the error of a failed lookup */
	struct obj_field fields[8];	/* what else obj_new() fills in */
};

#define OBJ_KIND(type, lst, nm, idx, reserved, desc, dep, err, ...)	\
	{ .size = sizeof(type),						\
	  .type_name = #type,						\
	  .list = offsetof(struct clus_model, lst),			\
	  .names = offsetof(struct clus_model, nm),			\
	  .ids = (idx),							\
	  .link = offsetof(type, link),					\
	  .name = offsetof(type, name),					\
	  .id = offsetof(type, id),					\
	  .description = (desc),					\
	  .deps = (dep),						\
	  .ids_reserved = (reserved),					\
	  .not_found = (err),						\
	  .fields = { __VA_ARGS__ } }

#define IDS(nm) offsetof(struct clus_model, nm)
#define DESC(type) offsetof(type, description)
#define DEPS(type) offsetof(type, deps)

static const struct obj_kind obj_kinds[] = {
	[CLUS_KIND_NODE] = OBJ_KIND(struct clus_node, nodes, node_names,
				    IDS(node_ids), false, 0, 0,
				    CM_ERROR_CLUSTER_NODE_NOT_FOUND,
				    STR(struct clus_node, instance_id, ""),
				    STR(struct clus_node, drain_target_id,
					""),
				    U32(struct clus_node, state,
					CM_NODE_UP)),
	[CLUS_KIND_RESTYPE] = {
		.size = sizeof(struct clus_restype),
		.type_name = "struct clus_restype",
		.list = offsetof(struct clus_model, restypes),
		.names = offsetof(struct clus_model, restype_names),
		.link = offsetof(struct clus_restype, link),
		.name = offsetof(struct clus_restype, name),
		.id = offsetof(struct clus_restype, name),
		.not_found = CM_ERROR_CLUSTER_RESOURCE_TYPE_NOT_FOUND,
		.fields = {
			STR(struct clus_restype, display_name, NULL),
			STR(struct clus_restype, dll_name, "clusres.dll"),
			/* Windows' LooksAlive/IsAlive poll intervals */
			U32(struct clus_restype, looks_alive_ms, 5000),
			U32(struct clus_restype, is_alive_ms, 60000),
		},
	},
	[CLUS_KIND_NETWORK] = OBJ_KIND(struct clus_network, networks,
				       network_names, IDS(network_ids),
				       false, DESC(struct clus_network), 0,
				       CM_ERROR_CLUSTER_NETWORK_NOT_FOUND,
				       STR(struct clus_network, description,
					   ""),
				       STR(struct clus_network, address, ""),
				       STR(struct clus_network, address_mask,
					   ""),
				       U32(struct clus_network, state,
					   CM_NETWORK_UP),
				       U32(struct clus_network, role,
					CM_NETWORK_ROLE_INTERNAL_AND_CLIENT)),
	[CLUS_KIND_NETIF] = OBJ_KIND(struct clus_netif, netifs, netif_names,
				     IDS(netif_ids), false,
				     DESC(struct clus_netif), 0,
				     CM_ERROR_CLUSTER_NETINTERFACE_NOT_FOUND,
				     STR(struct clus_netif, description, ""),
				     STR(struct clus_netif, adapter,
					 "Ethernet"),
				     STR(struct clus_netif, address, ""),
				     U32(struct clus_netif, state,
					 CM_NETIF_UP)),
	[CLUS_KIND_GROUP] = OBJ_KIND(struct clus_group, groups, group_names,
				     IDS(group_ids), true,
				     DESC(struct clus_group),
				     DEPS(struct clus_group),
				     CM_ERROR_GROUP_NOT_FOUND,
				     STR(struct clus_group, description, ""),
				     ARRAY(struct clus_group, props.props,
					   struct clus_prop),
				     ARRAY(struct clus_group, deps.tokens,
					   struct clus_deptoken),
				     ARRAY(struct clus_group, preferred,
					   struct clus_node *),
				     U32(struct clus_group, state,
					 CM_GROUP_OFFLINE),
				     U32(struct clus_group, persistent_state,
					 CM_GROUP_OFFLINE),
				     U32(struct clus_group, group_type,
					 CM_GROUP_TYPE_UNKNOWN),
				     /* Windows' default: medium */
				     U32(struct clus_group, priority, 2000)),
	[CLUS_KIND_RESOURCE] = OBJ_KIND(struct clus_resource, resources,
					res_names, IDS(res_ids), true,
					DESC(struct clus_resource),
					DEPS(struct clus_resource),
					CM_ERROR_RESOURCE_NOT_FOUND,
					STR(struct clus_resource, description,
					    ""),
					ARRAY(struct clus_resource,
					      props.props, struct clus_prop),
					ARRAY(struct clus_resource,
					      deps.tokens,
					      struct clus_deptoken),
					ARRAY(struct clus_resource, possible,
					      struct clus_node *),
					U32(struct clus_resource, state,
					    CM_RES_OFFLINE),
					U32(struct clus_resource,
					    persistent_state,
					    CM_RES_OFFLINE)),
	[CLUS_KIND_GROUPSET] = OBJ_KIND(struct clus_groupset, groupsets,
					groupset_names, IDS(groupset_ids),
					true, 0, DEPS(struct clus_groupset),
					CM_ERROR_GROUPSET_NOT_FOUND,
					ARRAY(struct clus_groupset, members,
					      struct clus_group *),
					ARRAY(struct clus_groupset,
					      deps.tokens,
					      struct clus_deptoken),
					/*
					 * Windows' defaults: start when the
					 * providers are Online
					 */
					U32(struct clus_groupset,
					    startup_delay_trigger, 1),
					U32(struct clus_groupset,
					    startup_count, 4294967295u),
					U32(struct clus_groupset,
					    startup_delay, 20)),
};

static void *at(const void *base, size_t off)
{
	return (char *)base + off;
}

static struct clus_hash *index_of(struct clus_model *m, size_t off)
{
	return *(struct clus_hash **)at(m, off);
}

static char *field_of(const struct clus_object *o, size_t off)
{
	return *(char **)at(o, off);
}

/* The description of @o's kind; NULL for the cluster and registry keys */
static const struct obj_kind *kind_of(const struct clus_object *o)
{
	size_t num = sizeof(obj_kinds) / sizeof(obj_kinds[0]);

	if (o->kind >= num || obj_kinds[o->kind].size == 0) {
		return NULL;
	}
	return &obj_kinds[o->kind];
}

const char *clus_object_name(const struct clus_object *obj)
{
	const struct obj_kind *k = kind_of(obj);

	return k != NULL ? field_of(obj, k->name) : "";
}

const char *clus_object_id(const struct clus_object *obj)
{
	const struct obj_kind *k = kind_of(obj);

	return k != NULL ? field_of(obj, k->id) : "";
}

const struct clus_depexpr *obj_deps(const struct clus_object *o)
{
	const struct obj_kind *k = kind_of(o);

	if (k == NULL || k->deps == 0) {
		return NULL;
	}
	return at(o, k->deps);
}

static bool field_fill(struct clus_object *o, const struct obj_field *f,
		       const char *name)
{
	char **str = at(o, f->off);
	void **array = at(o, f->off);
	uint32_t *u32 = at(o, f->off);

	switch (f->type) {
	case FIELD_STR:
		*str = talloc_strdup(o, f->str != NULL ? f->str : name);
		return *str != NULL;
	case FIELD_ARRAY:
		*array = _talloc_zero_array(o, f->elem_size, 1, f->str);
		return *array != NULL;
	case FIELD_U32:
		*u32 = f->value;
		return true;
	}
	return false;
}

void *obj_new(struct clus_txn *t, uint8_t kind, const char *name,
	      const char *id)
{
	const struct obj_kind *k = &obj_kinds[kind];
	struct clus_object *o = _talloc_zero(t->m, k->size, k->type_name);
	size_t max = sizeof(k->fields) / sizeof(k->fields[0]);
	char **n, **i;
	size_t f;

	if (o == NULL) {
		return NULL;
	}
	o->kind = kind;
	n = at(o, k->name);
	i = at(o, k->id);
	*n = talloc_strdup(o, name);
	if (i != n) {
		*i = talloc_strdup(o, id);
	}
	if (*n == NULL || *i == NULL) {
		talloc_free(o);
		return NULL;
	}
	for (f = 0; f < max && k->fields[f].type != 0; f++) {
		if (!field_fill(o, &k->fields[f], name)) {
			talloc_free(o);
			return NULL;
		}
	}
	txn_free_on_undo(t, o);
	return o;
}

void obj_link(struct clus_txn *t, struct clus_object *o)
{
	const struct obj_kind *k = &obj_kinds[o->kind];
	struct clus_model *m = t->m;

	if (!t->no_store) {
		o->seq = clus_next_seq(t);
	}
	txn_list_append(t, at(m, k->list), at(o, k->link));
	txn_hash_add(t, index_of(m, k->names), field_of(o, k->name), o);
	if (k->ids != 0) {
		txn_hash_add(t, index_of(m, k->ids), field_of(o, k->id), o);
	}
	txn_dirty(t, o);
}

void obj_unlink(struct clus_txn *t, struct clus_object *o)
{
	const struct obj_kind *k = &obj_kinds[o->kind];
	struct clus_model *m = t->m;

	txn_list_remove(t, at(m, k->list), at(o, k->link));
	txn_hash_del(t, index_of(m, k->names), field_of(o, k->name), o);
	if (k->ids != 0) {
		txn_hash_del(t, index_of(m, k->ids), field_of(o, k->id), o);
	}
	txn_delete_object(t, o);
}

void *obj_find(struct clus_model *m, uint8_t kind, const char *name)
{
	const struct obj_kind *k = &obj_kinds[kind];
	void *o = clus_hash_get(index_of(m, k->names), name);

	if (o == NULL && k->ids != 0) {
		o = clus_hash_get(index_of(m, k->ids), name);
	}
	return o;
}

void *obj_by_name(struct clus_model *m, uint8_t kind, const char *name)
{
	return clus_hash_get(index_of(m, obj_kinds[kind].names), name);
}

void *obj_by_id(struct clus_model *m, uint8_t kind, const char *id)
{
	const struct obj_kind *k = &obj_kinds[kind];

	if (k->ids == 0) {
		return clus_hash_get(index_of(m, k->names), id);
	}
	return clus_hash_get(index_of(m, k->ids), id);
}

uint32_t obj_found(uint8_t kind, const void *o)
{
	return o != NULL ? CM_ERROR_SUCCESS : obj_kinds[kind].not_found;
}

static struct clus_list *list_of(struct clus_model *m, uint8_t kind)
{
	return at(m, obj_kinds[kind].list);
}

/* The object whose list link is @link, or NULL at the end of the list */
static void *item_of(uint8_t kind, struct clus_link *link)
{
	return link != NULL ? (char *)link - obj_kinds[kind].link : NULL;
}

uint32_t obj_count(struct clus_model *m, uint8_t kind)
{
	return list_of(m, kind)->count;
}

void *obj_first(struct clus_model *m, uint8_t kind)
{
	return item_of(kind, list_of(m, kind)->first);
}

void *obj_next(const struct clus_object *o)
{
	const struct clus_link *link = at(o, obj_kinds[o->kind].link);

	return item_of(o->kind, link->next);
}

uint32_t obj_check_name(struct clus_model *m, uint8_t kind, const char *name,
			const void *self)
{
	const struct obj_kind *k = &obj_kinds[kind];
	void *other;

	if (!clus_name_valid(name)) {
		return CM_ERROR_INVALID_NAME;
	}
	other = clus_hash_get(index_of(m, k->names), name);
	if (other != NULL && other != self) {
		return CM_ERROR_OBJECT_ALREADY_EXISTS;
	}
	if (!k->ids_reserved) {
		return CM_ERROR_SUCCESS;
	}
	other = clus_hash_get(index_of(m, k->ids), name);
	if (other != NULL && other != self) {
		return CM_ERROR_OBJECT_ALREADY_EXISTS;
	}
	return CM_ERROR_SUCCESS;
}

struct clus_txn *obj_set_common_begin(struct clus_model *m,
				      struct clus_object *o,
				      const struct clus_common_set *c,
				      uint32_t *err)
{
	const struct obj_kind *k = &obj_kinds[o->kind];
	struct clus_txn *t;

	if (c->name != NULL) {
		*err = obj_check_name(m, o->kind, c->name, o);
		if (*err != CM_ERROR_SUCCESS) {
			return NULL;
		}
	}
	t = txn_begin(m);
	if (t == NULL) {
		*err = CM_ERROR_NOT_ENOUGH_MEMORY;
		return NULL;
	}
	if (c->name != NULL) {
		txn_rename(t, index_of(m, k->names), o, at(o, k->name),
			   c->name);
	}
	if (c->description != NULL) {
		txn_set_str(t, o, at(o, k->description), c->description);
	}
	return t;
}
