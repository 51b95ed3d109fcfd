/*
 * clusapi - cluster model: the store's record format
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * File: <state_dir>/clusmodel.tdb.  One record per object:
 *
 *   key (no NUL)          value
 *   "cluster"             the cluster: name, ids, version, counters
 *   "node/<id>"           a node
 *   "restype/<name>"      a resource type
 *   "network/<id>"        a network
 *   "netif/<id>"          a network interface
 *   "group/<id>"          a group, with the operation running on it
 *   "resource/<id>"       a resource
 *   "groupset/<id>"       a group set
 *   "regkey/<path>"       a registry key and its values ("regkey/" = root)
 *
 * Every value starts with 'C' 'M', the format version (1) and the object
 * kind (CLUS_KIND_*), then the fields in the order of the kind's table
 * below, little endian: u8, u32, u64; a string is a u32 length and its
 * bytes (no NUL, none inside); a blob likewise; a list is a u32 count and
 * its items.  References to other objects are their ids; dependency
 * expressions are stored with ids in the brackets.  A record must be
 * consumed exactly: anything short, long, of another version or pointing
 * at an object that does not exist makes the load fail with the record's
 * key in the message.  Nothing is repaired silently.
 *
 * The same table drives writing and reading, so the two cannot drift
 * apart: a field added to a kind is added to its table, at the end, with
 * a new STORE_VERSION.
 */

#include <stddef.h>
#include <string.h>

#include "store_format.h"

/* ------------------------------------------------------------------ */
/* the record kinds                                                    */

#define F(t, st, member) { .type = (t), .ofs = offsetof(st, member) }
#define FA(t, st, member, count) \
	{ .type = (t), .ofs = offsetof(st, member), \
	  .aux = offsetof(st, count) }
/* a reference to a node, group, ... by the key of model index IDX */
#define FR(st, member, why, rst, rkey, idx) \
	{ .type = SF_REF, .ofs = offsetof(st, member), .what = (why), \
	  .ref_key = offsetof(rst, rkey), \
	  .ref_index = offsetof(struct clus_model, idx) }
#define FRA(t, st, member, count, why, rst, rkey, idx) \
	{ .type = (t), .ofs = offsetof(st, member), \
	  .aux = offsetof(st, count), .what = (why), \
	  .ref_key = offsetof(rst, rkey), \
	  .ref_index = offsetof(struct clus_model, idx) }

static const struct store_field cluster_fields[] = {
	F(SF_STR, struct clus_cluster, name),
	F(SF_STR, struct clus_cluster, instance_id),
	F(SF_U16, struct clus_cluster, version.major),
	F(SF_U16, struct clus_cluster, version.minor),
	F(SF_U16, struct clus_cluster, version.build),
	F(SF_STR, struct clus_cluster, version.vendor),
	F(SF_STR, struct clus_cluster, version.csd_version),
	F(SF_U32, struct clus_cluster, version.highest_version),
	F(SF_U32, struct clus_cluster, version.lowest_version),
	F(SF_STR, struct clus_cluster, local_node_id),
	F(SF_STR, struct clus_cluster, quorum_resource_id),
	F(SF_STR, struct clus_cluster, quorum_path),
	F(SF_U32, struct clus_cluster, quorum_max_log_size),
	F(SF_U64, struct clus_cluster, next_seq),
	F(SF_U32, struct clus_cluster, next_node_id),
};

static const struct store_field node_fields[] = {
	F(SF_SEQ, struct clus_node, obj.seq),
	F(SF_IDENT, struct clus_node, name),
	F(SF_IDENT, struct clus_node, id),
	F(SF_STR, struct clus_node, instance_id),
	F(SF_U32, struct clus_node, state),
	F(SF_U32, struct clus_node, state_seq),
	F(SF_U32, struct clus_node, drain_status),
	F(SF_STR, struct clus_node, drain_target_id),
};

static const struct store_field restype_fields[] = {
	F(SF_SEQ, struct clus_restype, obj.seq),
	F(SF_IDENT, struct clus_restype, name),
	F(SF_STR, struct clus_restype, display_name),
	F(SF_STR, struct clus_restype, dll_name),
	F(SF_U32, struct clus_restype, looks_alive_ms),
	F(SF_U32, struct clus_restype, is_alive_ms),
	F(SF_U32, struct clus_restype, characteristics),
	F(SF_U32, struct clus_restype, res_class),
	F(SF_U32, struct clus_restype, res_subclass),
};

static const struct store_field network_fields[] = {
	F(SF_SEQ, struct clus_network, obj.seq),
	F(SF_IDENT, struct clus_network, name),
	F(SF_IDENT, struct clus_network, id),
	F(SF_STR, struct clus_network, description),
	F(SF_U32, struct clus_network, state),
	F(SF_U32, struct clus_network, role),
	F(SF_STR, struct clus_network, address),
	F(SF_STR, struct clus_network, address_mask),
	F(SF_U32, struct clus_network, priority),
};

static const struct store_field netif_fields[] = {
	F(SF_SEQ, struct clus_netif, obj.seq),
	F(SF_IDENT, struct clus_netif, name),
	F(SF_IDENT, struct clus_netif, id),
	F(SF_STR, struct clus_netif, description),
	FR(struct clus_netif, node, "its node",
	   struct clus_node, id, node_ids),
	FR(struct clus_netif, network, "its network",
	   struct clus_network, id, network_ids),
	F(SF_STR, struct clus_netif, adapter),
	F(SF_STR, struct clus_netif, address),
	F(SF_U32, struct clus_netif, state),
};

static const struct store_field group_fields[] = {
	F(SF_SEQ, struct clus_group, obj.seq),
	F(SF_IDENT, struct clus_group, name),
	F(SF_IDENT, struct clus_group, id),
	FR(struct clus_group, owner, "its owner node",
	   struct clus_node, id, node_ids),
	FRA(SF_REFS, struct clus_group, preferred, num_preferred,
	    "a preferred owner", struct clus_node, id, node_ids),
	F(SF_U32, struct clus_group, state),
	F(SF_U32, struct clus_group, state_seq),
	F(SF_U32, struct clus_group, persistent_state),
	F(SF_U32, struct clus_group, flags),
	F(SF_U32, struct clus_group, group_type),
	F(SF_U32, struct clus_group, priority),
	F(SF_STR, struct clus_group, description),
	F(SF_PROPS, struct clus_group, props),
	F(SF_DEPS, struct clus_group, deps),
	F(SF_GROUP_OP, struct clus_group, op),
};

static const struct store_field resource_fields[] = {
	F(SF_SEQ, struct clus_resource, obj.seq),
	F(SF_IDENT, struct clus_resource, name),
	F(SF_IDENT, struct clus_resource, id),
	F(SF_STR, struct clus_resource, description),
	FR(struct clus_resource, type, "its resource type",
	   struct clus_restype, name, restype_names),
	FR(struct clus_resource, group, "its group",
	   struct clus_group, id, group_ids),
	F(SF_U32, struct clus_resource, state),
	F(SF_U32, struct clus_resource, state_seq),
	F(SF_U32, struct clus_resource, persistent_state),
	F(SF_U32, struct clus_resource, flags),
	F(SF_U32, struct clus_resource, create_flags),
	FRA(SF_REFS, struct clus_resource, possible, num_possible,
	    "a possible owner", struct clus_node, id, node_ids),
	F(SF_DEPS, struct clus_resource, deps),
	F(SF_PROPS, struct clus_resource, props),
};

static const struct store_field groupset_fields[] = {
	F(SF_SEQ, struct clus_groupset, obj.seq),
	F(SF_IDENT, struct clus_groupset, name),
	F(SF_IDENT, struct clus_groupset, id),
	FRA(SF_MEMBERS, struct clus_groupset, members, num_members,
	    "a member group", struct clus_group, id, group_ids),
	F(SF_U32, struct clus_groupset, startup_delay_trigger),
	F(SF_U32, struct clus_groupset, startup_count),
	F(SF_U32, struct clus_groupset, startup_delay),
	F(SF_BOOL8, struct clus_groupset, is_global),
	F(SF_DEPS, struct clus_groupset, deps),
};

/* a key's parent is found from its path (store_load.c) */
static const struct store_field regkey_fields[] = {
	F(SF_SEQ, struct clus_regkey, obj.seq),
	F(SF_IDENT, struct clus_regkey, path),
	F(SF_PROPS, struct clus_regkey, values),
	FA(SF_BLOB, struct clus_regkey, sd, sd_len),
	F(SF_U64, struct clus_regkey, last_write),
};

#define KIND(k, prefix, single, type, key, fields) \
	{ (k), (prefix), (single), offsetof(type, key), (fields), \
	  sizeof(fields) / sizeof((fields)[0]) }

static const struct store_kind store_kinds[] = {
	KIND(CLUS_KIND_CLUSTER, "cluster", true, struct clus_cluster, name,
	     cluster_fields),
	KIND(CLUS_KIND_NODE, "node/", false, struct clus_node, id,
	     node_fields),
	KIND(CLUS_KIND_RESTYPE, "restype/", false, struct clus_restype, name,
	     restype_fields),
	KIND(CLUS_KIND_NETWORK, "network/", false, struct clus_network, id,
	     network_fields),
	KIND(CLUS_KIND_NETIF, "netif/", false, struct clus_netif, id,
	     netif_fields),
	KIND(CLUS_KIND_GROUP, "group/", false, struct clus_group, id,
	     group_fields),
	KIND(CLUS_KIND_RESOURCE, "resource/", false, struct clus_resource, id,
	     resource_fields),
	KIND(CLUS_KIND_GROUPSET, "groupset/", false, struct clus_groupset, id,
	     groupset_fields),
	KIND(CLUS_KIND_REGKEY, "regkey/", false, struct clus_regkey, path,
	     regkey_fields),
};


#define NUM_KINDS (sizeof(store_kinds) / sizeof(store_kinds[0]))

const struct store_kind *store_kind_by_kind(uint8_t kind)
{
	size_t i;

	for (i = 0; i < NUM_KINDS; i++) {
		if (store_kinds[i].kind == kind) {
			return &store_kinds[i];
		}
	}
	return NULL;
}

const struct store_kind *store_kind_by_key(const char *key)
{
	size_t i;

	for (i = 0; i < NUM_KINDS; i++) {
		const struct store_kind *k = &store_kinds[i];

		if (k->single ? strcmp(key, k->prefix) == 0 :
		    strncmp(key, k->prefix, strlen(k->prefix)) == 0) {
			return k;
		}
	}
	return NULL;
}

char *store_record_key(TALLOC_CTX *mem_ctx, const struct clus_object *obj)
{
	const struct store_kind *k = store_kind_by_kind(obj->kind);
	const char *id;

	if (k == NULL) {
		return NULL;
	}
	if (k->single) {
		return talloc_strdup(mem_ctx, k->prefix);
	}
	id = *(char *const *)((const uint8_t *)obj + k->key_ofs);
	return talloc_asprintf(mem_ctx, "%s%s", k->prefix, id);
}

/* ------------------------------------------------------------------ */
/* encoding                                                            */

struct wbuf {
	uint8_t *data;
	size_t len;
	size_t alloc;
	bool err;
};

static void w_bytes(struct wbuf *w, const void *p, size_t n)
{
	if (w->err) {
		return;
	}
	if (w->len + n > w->alloc) {
		size_t na = (w->alloc == 0) ? 256 : w->alloc;
		uint8_t *nd;

		while (na < w->len + n) {
			na *= 2;
		}
		nd = talloc_realloc(NULL, w->data, uint8_t, na);
		if (nd == NULL) {
			w->err = true;
			return;
		}
		w->data = nd;
		w->alloc = na;
	}
	if (n > 0) {
		memcpy(w->data + w->len, p, n);
	}
	w->len += n;
}

static void w_u8(struct wbuf *w, uint8_t v)
{
	w_bytes(w, &v, 1);
}

static void w_u32(struct wbuf *w, uint32_t v)
{
	uint8_t b[4] = { v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff,
			 (v >> 24) & 0xff };

	w_bytes(w, b, 4);
}

static void w_u64(struct wbuf *w, uint64_t v)
{
	w_u32(w, (uint32_t)v);
	w_u32(w, (uint32_t)(v >> 32));
}

static void w_blob(struct wbuf *w, const void *p, uint32_t n)
{
	w_u32(w, n);
	w_bytes(w, p, n);
}

static void w_str(struct wbuf *w, const char *s)
{
	if (s == NULL) {
		s = "";
	}
	w_blob(w, s, strlen(s));
}

static void w_props(struct wbuf *w, const struct clus_proplist *pl)
{
	uint32_t i;

	w_u32(w, pl->count);
	for (i = 0; i < pl->count; i++) {
		w_str(w, pl->props[i].name);
		w_u32(w, pl->props[i].type);
		w_blob(w, pl->props[i].data, pl->props[i].len);
	}
}

static void w_deps(struct wbuf *w, const struct clus_depexpr *e)
{
	char *s = depexpr_render(NULL, e, true);

	if (s == NULL) {
		w->err = true;
		return;
	}
	w_str(w, s);
	talloc_free(s);
}

static const char *node_id_or_empty(const struct clus_node *n)
{
	return n != NULL ? n->id : "";
}

static void w_group_op(struct wbuf *w, const struct clus_group_op *op)
{
	static const struct clus_group_op none = { .kind = CLUS_OP_NONE };

	if (op == NULL) {
		op = &none;
	}
	w_u32(w, op->kind);
	w_u32(w, op->phase);
	w_u32(w, op->flags);
	w_str(w, node_id_or_empty(op->target));
	w_str(w, node_id_or_empty(op->source));
	w_str(w, node_id_or_empty(op->drain_node));
}

/* The key a reference is written with */
static const char *ref_key(const struct store_field *f, const void *target)
{
	if (target == NULL) {
		return "";
	}
	return *(char *const *)((const uint8_t *)target + f->ref_key);
}

static void w_field(struct wbuf *w, const uint8_t *base,
		    const struct store_field *f)
{
	const void *p = base + f->ofs;
	void *const *list;
	uint32_t i, n;

	switch (f->type) {
	case SF_SEQ:
	case SF_U64:
		w_u64(w, *(const uint64_t *)p);
		break;
	case SF_IDENT:
	case SF_STR:
		w_str(w, *(char *const *)p);
		break;
	case SF_BOOL8:
		w_u8(w, *(const bool *)p ? 1 : 0);
		break;
	case SF_U16:
		w_u32(w, *(const uint16_t *)p);
		break;
	case SF_U32:
		w_u32(w, *(const uint32_t *)p);
		break;
	case SF_BLOB:
		w_blob(w, *(uint8_t *const *)p,
		       *(const uint32_t *)(base + f->aux));
		break;
	case SF_PROPS:
		w_props(w, p);
		break;
	case SF_DEPS:
		w_deps(w, p);
		break;
	case SF_REF:
		w_str(w, ref_key(f, *(void *const *)p));
		break;
	case SF_REFS:
	case SF_MEMBERS:
		list = *(void *const *const *)p;
		n = *(const uint32_t *)(base + f->aux);
		w_u32(w, n);
		for (i = 0; i < n; i++) {
			w_str(w, ref_key(f, list[i]));
		}
		break;
	case SF_GROUP_OP:
		w_group_op(w, *(struct clus_group_op *const *)p);
		break;
	default:
		w->err = true;
	}
}

bool store_record_encode(TALLOC_CTX *mem_ctx, const struct clus_object *obj,
			 uint8_t **data, size_t *len)
{
	const struct store_kind *k = store_kind_by_kind(obj->kind);
	struct wbuf w = { 0 };
	size_t i;

	if (k == NULL) {
		return false;
	}
	w_u8(&w, 'C');
	w_u8(&w, 'M');
	w_u8(&w, STORE_VERSION);
	w_u8(&w, obj->kind);
	for (i = 0; i < k->num_fields; i++) {
		w_field(&w, (const uint8_t *)obj, &k->fields[i]);
	}
	if (w.err) {
		talloc_free(w.data);
		return false;
	}
	*data = talloc_steal(mem_ctx, w.data);
	*len = w.len;
	return true;
}

/* ------------------------------------------------------------------ */
/* decoding                                                            */

struct rbuf {
	const uint8_t *p;
	size_t len;
	size_t ofs;
	const char *err;
};

static bool r_need(struct rbuf *r, size_t n)
{
	if (r->err != NULL) {
		return false;
	}
	if (r->len - r->ofs < n) {
		r->err = "truncated";
		return false;
	}
	return true;
}

static uint8_t r_u8(struct rbuf *r)
{
	if (!r_need(r, 1)) {
		return 0;
	}
	return r->p[r->ofs++];
}

static uint32_t r_u32(struct rbuf *r)
{
	uint32_t v;

	if (!r_need(r, 4)) {
		return 0;
	}
	v = (uint32_t)r->p[r->ofs] | ((uint32_t)r->p[r->ofs + 1] << 8) |
		((uint32_t)r->p[r->ofs + 2] << 16) |
		((uint32_t)r->p[r->ofs + 3] << 24);
	r->ofs += 4;
	return v;
}

static uint64_t r_u64(struct rbuf *r)
{
	uint64_t lo = r_u32(r);
	uint64_t hi = r_u32(r);

	return lo | (hi << 32);
}

static uint8_t *r_blob(struct rbuf *r, TALLOC_CTX *mem_ctx, uint32_t *len)
{
	uint32_t n = r_u32(r);
	uint8_t *d;

	*len = 0;
	if (!r_need(r, n)) {
		return NULL;
	}
	d = clus_memdup0(mem_ctx, r->p + r->ofs, n);
	if (d == NULL) {
		r->err = "out of memory";
		return NULL;
	}
	r->ofs += n;
	*len = n;
	return d;
}

static char *r_str(struct rbuf *r, TALLOC_CTX *mem_ctx)
{
	uint32_t n;
	char *s = (char *)r_blob(r, mem_ctx, &n);

	if (s == NULL) {
		return NULL;
	}
	if (strlen(s) != n) {
		r->err = "string with a NUL inside";
		talloc_free(s);
		return NULL;
	}
	return s;
}

static void r_props(struct rbuf *r, TALLOC_CTX *mem_ctx,
		    struct clus_proplist *pl)
{
	uint32_t n = r_u32(r);
	uint32_t i;

	if (r->err != NULL) {
		return;
	}
	/* each property takes at least 12 bytes: no absurd allocations */
	if (n > (r->len - r->ofs) / 12) {
		r->err = "property count beyond the record";
		return;
	}
	talloc_free(pl->props);
	pl->props = talloc_zero_array(mem_ctx, struct clus_prop, n + 1);
	pl->count = 0;
	if (pl->props == NULL) {
		r->err = "out of memory";
		return;
	}
	for (i = 0; i < n && r->err == NULL; i++) {
		struct clus_prop *p = &pl->props[i];

		p->name = r_str(r, pl->props);
		p->type = r_u32(r);
		p->data = r_blob(r, pl->props, &p->len);
		if (r->err == NULL) {
			pl->count++;
		}
	}
}

/* A list of ids: returns a talloc array of n strings */
static char **r_idlist(struct rbuf *r, TALLOC_CTX *mem_ctx, uint32_t *num)
{
	uint32_t n = r_u32(r);
	char **ids;
	uint32_t i;

	*num = 0;
	if (r->err != NULL) {
		return NULL;
	}
	if (n > (r->len - r->ofs) / 4) {
		r->err = "list count beyond the record";
		return NULL;
	}
	ids = talloc_zero_array(mem_ctx, char *, n + 1);
	if (ids == NULL) {
		r->err = "out of memory";
		return NULL;
	}
	for (i = 0; i < n && r->err == NULL; i++) {
		ids[i] = r_str(r, ids);
	}
	*num = n;
	return ids;
}

static void r_group_op(struct rbuf *r, struct store_rec *rec,
		       TALLOC_CTX *scratch)
{
	rec->op_kind = r_u32(r);
	rec->op_phase = r_u32(r);
	rec->op_flags = r_u32(r);
	rec->op_target = r_str(r, scratch);
	/* source and drain node: a settled group needs neither */
	talloc_free(r_str(r, scratch));
	talloc_free(r_str(r, scratch));
}

static struct store_ref *r_ref(struct rbuf *r, struct store_rec *rec,
			       const struct store_field *f)
{
	struct store_ref *ref;

	if (rec->num_refs == STORE_MAX_REFS) {
		r->err = "too many references";	/* a table out of bounds */
		return NULL;
	}
	ref = &rec->refs[rec->num_refs++];
	ref->field = f;
	return ref;
}

static void r_field(struct rbuf *r, struct store_rec *rec,
		    const struct store_field *f, TALLOC_CTX *scratch)
{
	uint8_t *base = (uint8_t *)rec->obj;
	void *p = base + f->ofs;
	struct store_ref *ref;

	switch (f->type) {
	case SF_BOOL8:
		*(bool *)p = r_u8(r) != 0;
		break;
	case SF_U16:
		*(uint16_t *)p = r_u32(r);
		break;
	case SF_U32:
		*(uint32_t *)p = r_u32(r);
		break;
	case SF_U64:
		*(uint64_t *)p = r_u64(r);
		break;
	case SF_STR:
		talloc_free(*(char **)p);
		*(char **)p = r_str(r, rec->obj);
		break;
	case SF_BLOB:
		talloc_free(*(uint8_t **)p);
		*(uint8_t **)p = r_blob(r, rec->obj,
					(uint32_t *)(base + f->aux));
		break;
	case SF_PROPS:
		r_props(r, rec->obj, p);
		break;
	case SF_DEPS:
		rec->deps = r_str(r, scratch);
		break;
	case SF_REF:
		ref = r_ref(r, rec, f);
		if (ref != NULL) {
			ref->id = r_str(r, scratch);
		}
		break;
	case SF_REFS:
	case SF_MEMBERS:
		ref = r_ref(r, rec, f);
		if (ref != NULL) {
			ref->ids = r_idlist(r, scratch, &ref->num_ids);
		}
		break;
	case SF_GROUP_OP:
		r_group_op(r, rec, scratch);
		break;
	default:
		r->err = "a field of unknown type";
	}
}

/* A new, unlinked object from the fields its constructor takes */
static struct clus_object *store_create(struct clus_txn *t, uint8_t kind,
					char **ident)
{
	void *o = NULL;

	switch (kind) {
	case CLUS_KIND_CLUSTER:
		o = t->m->cluster;
		break;
	case CLUS_KIND_NODE:
		o = node_new(t, ident[0], ident[1]);
		break;
	case CLUS_KIND_RESTYPE:
		o = restype_new(t, ident[0]);
		break;
	case CLUS_KIND_NETWORK:
		o = network_new(t, ident[0], ident[1]);
		break;
	case CLUS_KIND_NETIF:
		o = netif_new(t, ident[0], ident[1]);
		break;
	case CLUS_KIND_GROUP:
		o = group_new(t, ident[0], ident[1]);
		break;
	case CLUS_KIND_RESOURCE:
		o = resource_new(t, ident[0], ident[1]);
		break;
	case CLUS_KIND_GROUPSET:
		o = groupset_new(t, ident[0], ident[1]);
		break;
	case CLUS_KIND_REGKEY:
		/* named by its whole path until its parent is found */
		o = regkey_new(t, NULL, ident[0]);
		break;
	}
	return o;
}

const char *store_record_decode(struct clus_txn *t, struct store_rec *rec,
				TALLOC_CTX *scratch)
{
	const struct store_kind *k = rec->desc;
	struct rbuf r = { .p = rec->data, .len = rec->len };
	char *ident[2] = { NULL, NULL };
	uint32_t nident = 0;
	size_t i;
	char *key;

	if (r_u8(&r) != 'C' || r_u8(&r) != 'M') {
		return "bad magic";
	}
	if (r_u8(&r) != STORE_VERSION) {
		return "unsupported format version";
	}
	if (r_u8(&r) != k->kind) {
		return "object kind does not match the key";
	}
	/* seq and the constructor's arguments lead every record */
	for (i = 0; i < k->num_fields; i++) {
		if (k->fields[i].type == SF_SEQ) {
			rec->seq = r_u64(&r);
		} else if (k->fields[i].type == SF_IDENT && nident < 2) {
			ident[nident++] = r_str(&r, scratch);
		} else {
			break;
		}
	}
	if (r.err != NULL) {
		return r.err;
	}
	rec->obj = store_create(t, k->kind, ident);
	if (rec->obj == NULL) {
		return "out of memory";
	}
	if (k->fields[0].type == SF_SEQ) {
		rec->obj->seq = rec->seq;
	}
	for (; i < k->num_fields && r.err == NULL; i++) {
		r_field(&r, rec, &k->fields[i], scratch);
	}
	if (r.err != NULL) {
		return r.err;
	}
	if (r.ofs != r.len) {
		return "trailing bytes";
	}
	key = store_record_key(scratch, rec->obj);
	if (key == NULL) {
		return "out of memory";
	}
	if (strcmp(key, rec->key) != 0) {
		return "key does not match the object";
	}
	talloc_free(key);
	return NULL;
}

uint64_t store_record_peek_seq(const struct store_rec *rec)
{
	struct rbuf r = { .p = rec->data, .len = rec->len, .ofs = 4 };

	if (rec->desc->fields[0].type != SF_SEQ) {
		return 0;
	}
	return r_u64(&r);
}
