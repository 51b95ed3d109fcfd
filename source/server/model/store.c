/*
 * clusapi - cluster model: the persistent store (tdb)
 *
 * Copyright (C) 2026 The clusapi developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <https://www.gnu.org/licenses/>.
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
 * kind (CLUS_KIND_*), then the fields in the fixed order of the encoder
 * below, little endian: u8, u32, u64; a string is a u32 length and its
 * bytes (no NUL, none inside); a blob likewise; a list is a u32 count and
 * its items.  References to other objects are their ids; dependency
 * expressions are stored with ids in the brackets.  A record must be
 * consumed exactly: anything short, long, of another version or pointing
 * at an object that does not exist makes the load fail with the record's
 * key in the message.  Nothing is repaired silently.
 *
 * Each model change is one tdb transaction over all the records it
 * touches (txn.c), so the file is always a consistent cluster.  A group
 * record carries the operation running on it (kind, phase, target); on
 * load that operation is settled at once (op_settle_after_load()): a
 * move completes on its target if that node can still host the group,
 * otherwise the group stays on the node that owns it, and its resources
 * take their persistent states.  Nothing is left pending by a crash.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <tdb.h>

#include "model_private.h"

#define STORE_FILE	"clusmodel.tdb"
#define STORE_VERSION	1
/* room for 100,000 groups and their resources without long chains */
#define STORE_HASH_SIZE	100003

struct clus_store {
	struct tdb_context *tdb;
	char *path;
	struct clus_model *m;
};

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

static void w_header(struct wbuf *w, uint8_t kind)
{
	w_u8(w, 'C');
	w_u8(w, 'M');
	w_u8(w, STORE_VERSION);
	w_u8(w, kind);
}

static const char *node_id_or_empty(const struct clus_node *n)
{
	return n != NULL ? n->id : "";
}

static void encode_object(struct wbuf *w, const struct clus_object *obj)
{
	uint32_t i;

	w_header(w, obj->kind);
	switch (obj->kind) {
	case CLUS_KIND_CLUSTER: {
		const struct clus_cluster *c = clus_container_of(
			obj, struct clus_cluster, obj);

		w_str(w, c->name);
		w_str(w, c->instance_id);
		w_u32(w, c->version.major);
		w_u32(w, c->version.minor);
		w_u32(w, c->version.build);
		w_str(w, c->version.vendor);
		w_str(w, c->version.csd_version);
		w_u32(w, c->version.highest_version);
		w_u32(w, c->version.lowest_version);
		w_str(w, c->local_node_id);
		w_str(w, c->quorum_resource_id);
		w_str(w, c->quorum_path);
		w_u32(w, c->quorum_max_log_size);
		w_u64(w, c->next_seq);
		w_u32(w, c->next_node_id);
		break;
	}
	case CLUS_KIND_NODE: {
		const struct clus_node *n = clus_container_of(
			obj, struct clus_node, obj);

		w_u64(w, obj->seq);
		w_str(w, n->name);
		w_str(w, n->id);
		w_str(w, n->instance_id);
		w_u32(w, n->state);
		w_u32(w, n->state_seq);
		w_u32(w, n->drain_status);
		w_str(w, n->drain_target_id);
		break;
	}
	case CLUS_KIND_RESTYPE: {
		const struct clus_restype *rt = clus_container_of(
			obj, struct clus_restype, obj);

		w_u64(w, obj->seq);
		w_str(w, rt->name);
		w_str(w, rt->display_name);
		w_str(w, rt->dll_name);
		w_u32(w, rt->looks_alive_ms);
		w_u32(w, rt->is_alive_ms);
		w_u32(w, rt->characteristics);
		w_u32(w, rt->res_class);
		w_u32(w, rt->res_subclass);
		break;
	}
	case CLUS_KIND_NETWORK: {
		const struct clus_network *n = clus_container_of(
			obj, struct clus_network, obj);

		w_u64(w, obj->seq);
		w_str(w, n->name);
		w_str(w, n->id);
		w_str(w, n->description);
		w_u32(w, n->state);
		w_u32(w, n->role);
		w_str(w, n->address);
		w_str(w, n->address_mask);
		w_u32(w, n->priority);
		break;
	}
	case CLUS_KIND_NETIF: {
		const struct clus_netif *ni = clus_container_of(
			obj, struct clus_netif, obj);

		w_u64(w, obj->seq);
		w_str(w, ni->name);
		w_str(w, ni->id);
		w_str(w, ni->description);
		w_str(w, ni->node->id);
		w_str(w, ni->network->id);
		w_str(w, ni->adapter);
		w_str(w, ni->address);
		w_u32(w, ni->state);
		break;
	}
	case CLUS_KIND_GROUP: {
		const struct clus_group *g = clus_container_of(
			obj, struct clus_group, obj);
		const struct clus_group_op *op = g->op;

		w_u64(w, obj->seq);
		w_str(w, g->name);
		w_str(w, g->id);
		w_str(w, g->owner->id);
		w_u32(w, g->num_preferred);
		for (i = 0; i < g->num_preferred; i++) {
			w_str(w, g->preferred[i]->id);
		}
		w_u32(w, g->state);
		w_u32(w, g->state_seq);
		w_u32(w, g->persistent_state);
		w_u32(w, g->flags);
		w_u32(w, g->group_type);
		w_u32(w, g->priority);
		w_str(w, g->description);
		w_props(w, &g->props);
		w_deps(w, &g->deps);
		w_u32(w, op != NULL ? op->kind : CLUS_OP_NONE);
		w_u32(w, op != NULL ? op->phase : 0);
		w_u32(w, op != NULL ? op->flags : 0);
		w_str(w, op != NULL ? node_id_or_empty(op->target) : "");
		w_str(w, op != NULL ? node_id_or_empty(op->source) : "");
		w_str(w, op != NULL ? node_id_or_empty(op->drain_node) : "");
		break;
	}
	case CLUS_KIND_RESOURCE: {
		const struct clus_resource *r = clus_container_of(
			obj, struct clus_resource, obj);

		w_u64(w, obj->seq);
		w_str(w, r->name);
		w_str(w, r->id);
		w_str(w, r->description);
		w_str(w, r->type->name);
		w_str(w, r->group->id);
		w_u32(w, r->state);
		w_u32(w, r->state_seq);
		w_u32(w, r->persistent_state);
		w_u32(w, r->flags);
		w_u32(w, r->create_flags);
		w_u32(w, r->num_possible);
		for (i = 0; i < r->num_possible; i++) {
			w_str(w, r->possible[i]->id);
		}
		w_deps(w, &r->deps);
		w_props(w, &r->props);
		break;
	}
	case CLUS_KIND_GROUPSET: {
		const struct clus_groupset *s = clus_container_of(
			obj, struct clus_groupset, obj);

		w_u64(w, obj->seq);
		w_str(w, s->name);
		w_str(w, s->id);
		w_u32(w, s->num_members);
		for (i = 0; i < s->num_members; i++) {
			w_str(w, s->members[i]->id);
		}
		w_u32(w, s->startup_delay_trigger);
		w_u32(w, s->startup_count);
		w_u32(w, s->startup_delay);
		w_u8(w, s->is_global ? 1 : 0);
		w_deps(w, &s->deps);
		break;
	}
	case CLUS_KIND_REGKEY: {
		const struct clus_regkey *k = clus_container_of(
			obj, struct clus_regkey, obj);

		w_u64(w, obj->seq);
		w_str(w, k->path);
		w_props(w, &k->values);
		w_blob(w, k->sd, k->sd_len);
		w_u64(w, k->last_write);
		break;
	}
	default:
		w->err = true;
	}
}

static char *store_key(TALLOC_CTX *mem_ctx, const struct clus_object *obj)
{
	switch (obj->kind) {
	case CLUS_KIND_CLUSTER:
		return talloc_strdup(mem_ctx, "cluster");
	case CLUS_KIND_NODE:
		return talloc_asprintf(mem_ctx, "node/%s", clus_container_of(
			obj, struct clus_node, obj)->id);
	case CLUS_KIND_RESTYPE:
		return talloc_asprintf(mem_ctx, "restype/%s", clus_container_of(
			obj, struct clus_restype, obj)->name);
	case CLUS_KIND_NETWORK:
		return talloc_asprintf(mem_ctx, "network/%s", clus_container_of(
			obj, struct clus_network, obj)->id);
	case CLUS_KIND_NETIF:
		return talloc_asprintf(mem_ctx, "netif/%s", clus_container_of(
			obj, struct clus_netif, obj)->id);
	case CLUS_KIND_GROUP:
		return talloc_asprintf(mem_ctx, "group/%s", clus_container_of(
			obj, struct clus_group, obj)->id);
	case CLUS_KIND_RESOURCE:
		return talloc_asprintf(mem_ctx, "resource/%s",
				       clus_container_of(
					       obj, struct clus_resource,
					       obj)->id);
	case CLUS_KIND_GROUPSET:
		return talloc_asprintf(mem_ctx, "groupset/%s",
				       clus_container_of(
					       obj, struct clus_groupset,
					       obj)->id);
	case CLUS_KIND_REGKEY:
		return talloc_asprintf(mem_ctx, "regkey/%s", clus_container_of(
			obj, struct clus_regkey, obj)->path);
	}
	return NULL;
}

/* ------------------------------------------------------------------ */
/* tdb                                                                 */

static void store_tdb_log(struct tdb_context *tdb, enum tdb_debug_level lvl,
			  const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void store_tdb_log(struct tdb_context *tdb, enum tdb_debug_level lvl,
			  const char *fmt, ...)
{
	struct clus_store *s = tdb_get_logging_private(tdb);
	char buf[256];
	va_list ap;

	if (s == NULL || s->m == NULL) {
		return;
	}
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	buf[strcspn(buf, "\n")] = '\0';
	clus_log(s->m, lvl == TDB_DEBUG_FATAL || lvl == TDB_DEBUG_ERROR ?
		 0 : 3, "tdb %s: %s", s->path, buf);
}

static int store_destructor(struct clus_store *s)
{
	if (s->tdb != NULL) {
		tdb_close(s->tdb);
		s->tdb = NULL;
	}
	return 0;
}

uint32_t store_open(struct clus_model *m, const char *dir, bool no_fsync,
		    char **errmsg)
{
	struct tdb_logging_context log_ctx;
	struct clus_store *s;
	int flags = TDB_INCOMPATIBLE_HASH;

	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		*errmsg = talloc_asprintf(m, "cannot create state directory "
					  "%s: %s", dir, strerror(errno));
		return CM_ERROR_CANTWRITE;
	}
	s = talloc_zero(m, struct clus_store);
	if (s == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	s->m = m;
	s->path = talloc_asprintf(s, "%s/%s", dir, STORE_FILE);
	if (s->path == NULL) {
		talloc_free(s);
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	if (no_fsync) {
		flags |= TDB_NOSYNC;
	}
	log_ctx.log_fn = store_tdb_log;
	log_ctx.log_private = s;
	s->tdb = tdb_open_ex(s->path, STORE_HASH_SIZE, flags, O_RDWR | O_CREAT,
			     0600, &log_ctx, NULL);
	if (s->tdb == NULL) {
		*errmsg = talloc_asprintf(m, "cannot open %s: %s", s->path,
					  strerror(errno));
		talloc_free(s);
		return CM_ERROR_CANTWRITE;
	}
	talloc_set_destructor(s, store_destructor);
	m->store = s;
	return CM_ERROR_SUCCESS;
}

static int store_count_fn(struct tdb_context *tdb, TDB_DATA k, TDB_DATA d,
			  void *private_data)
{
	(void)tdb;
	(void)k;
	(void)d;
	(void)private_data;
	return 1;	/* one record is enough */
}

bool store_is_empty(struct clus_store *s)
{
	return tdb_traverse_read(s->tdb, store_count_fn, NULL) == 0;
}

int store_begin(struct clus_store *s)
{
	return tdb_transaction_start(s->tdb);
}

int store_commit(struct clus_store *s)
{
	return tdb_transaction_commit(s->tdb);
}

void store_cancel(struct clus_store *s)
{
	tdb_transaction_cancel(s->tdb);
}

uint32_t store_put(struct clus_store *s, struct clus_object *obj)
{
	char *key = store_key(NULL, obj);
	TDB_DATA k, d;
	struct wbuf w = { 0 };
	int ret;

	if (key == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	k.dptr = (uint8_t *)key;
	k.dsize = strlen(key);

	if (obj->deleted) {
		ret = tdb_delete(s->tdb, k);
		if (ret != 0 && tdb_error(s->tdb) == TDB_ERR_NOEXIST) {
			ret = 0;	/* created and deleted in one txn */
		}
		talloc_free(key);
		return ret == 0 ? CM_ERROR_SUCCESS : CM_ERROR_CANTWRITE;
	}

	encode_object(&w, obj);
	if (w.err) {
		talloc_free(w.data);
		talloc_free(key);
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	d.dptr = w.data;
	d.dsize = w.len;
	ret = tdb_store(s->tdb, k, d, TDB_REPLACE);
	talloc_free(w.data);
	talloc_free(key);
	return ret == 0 ? CM_ERROR_SUCCESS : CM_ERROR_CANTWRITE;
}

/* ------------------------------------------------------------------ */
/* decoding and loading                                                */

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

struct rec {
	char *key;
	uint8_t *data;
	size_t len;
	uint8_t kind;
	uint64_t seq;			/* for sorting */
	void *obj;			/* decoded object */
	/* references resolved after every object exists */
	char *deps;
	uint32_t op_kind, op_phase, op_flags;
	char *op_target, *op_source, *op_drain;
	char **members;
	uint32_t num_members;
};

struct loader {
	struct clus_model *m;
	struct clus_txn *t;
	const char *path;
	struct rec *recs;
	uint32_t num, alloc;
	char *errmsg;
};

static const struct {
	const char *prefix;
	uint8_t kind;
} store_prefixes[] = {
	{ "node/", CLUS_KIND_NODE },
	{ "restype/", CLUS_KIND_RESTYPE },
	{ "network/", CLUS_KIND_NETWORK },
	{ "netif/", CLUS_KIND_NETIF },
	{ "group/", CLUS_KIND_GROUP },
	{ "resource/", CLUS_KIND_RESOURCE },
	{ "groupset/", CLUS_KIND_GROUPSET },
	{ "regkey/", CLUS_KIND_REGKEY },
};

static int load_collect_fn(struct tdb_context *tdb, TDB_DATA k, TDB_DATA d,
			   void *private_data)
{
	struct loader *ld = private_data;
	struct rec *rec;
	size_t i;

	(void)tdb;
	if (ld->num == ld->alloc) {
		uint32_t n = ld->alloc ? ld->alloc * 2 : 1024;
		struct rec *nr = talloc_realloc(ld->m, ld->recs, struct rec, n);

		if (nr == NULL) {
			ld->errmsg = talloc_strdup(ld->m, "out of memory");
			return -1;
		}
		ld->recs = nr;
		ld->alloc = n;
	}
	rec = &ld->recs[ld->num];
	memset(rec, 0, sizeof(*rec));
	rec->key = talloc_strndup(ld->recs, (const char *)k.dptr, k.dsize);
	rec->data = talloc_memdup(ld->recs, d.dptr, d.dsize);
	rec->len = d.dsize;
	if (rec->key == NULL || (d.dsize > 0 && rec->data == NULL)) {
		ld->errmsg = talloc_strdup(ld->m, "out of memory");
		return -1;
	}
	if (strlen(rec->key) != k.dsize) {
		ld->errmsg = talloc_asprintf(ld->m, "%s: key with a NUL "
					     "inside", ld->path);
		return -1;
	}
	if (strcmp(rec->key, "cluster") == 0) {
		rec->kind = CLUS_KIND_CLUSTER;
	}
	for (i = 0; i < sizeof(store_prefixes) / sizeof(store_prefixes[0]);
	     i++) {
		if (strncmp(rec->key, store_prefixes[i].prefix,
			    strlen(store_prefixes[i].prefix)) == 0) {
			rec->kind = store_prefixes[i].kind;
		}
	}
	if (rec->kind == 0) {
		ld->errmsg = talloc_asprintf(ld->m, "%s: unknown record '%s'",
					     ld->path, rec->key);
		return -1;
	}
	ld->num++;
	return 0;
}

static bool load_fail(struct loader *ld, const struct rec *rec,
		      const char *why)
{
	if (ld->errmsg == NULL) {
		ld->errmsg = talloc_asprintf(ld->m, "%s: record '%s': %s",
					     ld->path, rec->key, why);
	}
	return false;
}

static bool load_header(struct loader *ld, struct rec *rec, struct rbuf *r)
{
	*r = (struct rbuf) { .p = rec->data, .len = rec->len };
	if (r_u8(r) != 'C' || r_u8(r) != 'M') {
		return load_fail(ld, rec, "bad magic");
	}
	if (r_u8(r) != STORE_VERSION) {
		return load_fail(ld, rec, "unsupported format version");
	}
	if (r_u8(r) != rec->kind) {
		return load_fail(ld, rec, "object kind does not match the key");
	}
	if (r->err != NULL) {
		return load_fail(ld, rec, r->err);
	}
	return true;
}

static bool load_end(struct loader *ld, struct rec *rec, struct rbuf *r)
{
	if (r->err != NULL) {
		return load_fail(ld, rec, r->err);
	}
	if (r->ofs != r->len) {
		return load_fail(ld, rec, "trailing bytes");
	}
	return true;
}

/* The key must name the object the record describes */
static bool load_check_key(struct loader *ld, struct rec *rec,
			   const char *prefix, const char *id)
{
	size_t n = strlen(prefix);

	if (id == NULL || strncmp(rec->key, prefix, n) != 0 ||
	    strcmp(rec->key + n, id) != 0) {
		return load_fail(ld, rec, "key does not match the object");
	}
	return true;
}

static bool state_valid_node(uint32_t s)
{
	return s <= CM_NODE_JOINING;
}

static bool state_valid_res(uint32_t s)
{
	return s == CM_RES_INITIALIZING || s == CM_RES_ONLINE ||
		s == CM_RES_OFFLINE || s == CM_RES_FAILED ||
		s == CM_RES_ONLINE_PENDING || s == CM_RES_OFFLINE_PENDING;
}

static bool load_cluster(struct loader *ld, struct rec *rec)
{
	struct clus_cluster *c = ld->m->cluster;
	struct rbuf r;

	if (!load_header(ld, rec, &r)) {
		return false;
	}
	c->name = r_str(&r, c);
	c->instance_id = r_str(&r, c);
	c->version.major = r_u32(&r);
	c->version.minor = r_u32(&r);
	c->version.build = r_u32(&r);
	c->version.vendor = r_str(&r, c);
	c->version.csd_version = r_str(&r, c);
	c->version.highest_version = r_u32(&r);
	c->version.lowest_version = r_u32(&r);
	c->local_node_id = r_str(&r, c);
	c->quorum_resource_id = r_str(&r, c);
	c->quorum_path = r_str(&r, c);
	c->quorum_max_log_size = r_u32(&r);
	c->next_seq = r_u64(&r);
	c->next_node_id = r_u32(&r);
	return load_end(ld, rec, &r);
}

static bool load_node(struct loader *ld, struct rec *rec)
{
	struct clus_node *n;
	struct rbuf r;
	char *name, *id;

	if (!load_header(ld, rec, &r)) {
		return false;
	}
	rec->seq = r_u64(&r);
	name = r_str(&r, ld->recs);
	id = r_str(&r, ld->recs);
	if (r.err != NULL) {
		return load_fail(ld, rec, r.err);
	}
	n = node_new(ld->t, name, id);
	if (n == NULL) {
		return load_fail(ld, rec, "out of memory");
	}
	rec->obj = n;
	n->obj.seq = rec->seq;
	talloc_free(n->instance_id);
	n->instance_id = r_str(&r, n);
	n->state = r_u32(&r);
	n->state_seq = r_u32(&r);
	n->drain_status = r_u32(&r);
	talloc_free(n->drain_target_id);
	n->drain_target_id = r_str(&r, n);
	if (!load_end(ld, rec, &r) || !load_check_key(ld, rec, "node/", id)) {
		return false;
	}
	if (!state_valid_node(n->state) || n->drain_status > CM_DRAIN_FAILED) {
		return load_fail(ld, rec, "invalid node state");
	}
	return true;
}

static bool load_restype(struct loader *ld, struct rec *rec)
{
	struct clus_restype *rt;
	struct rbuf r;
	char *name;

	if (!load_header(ld, rec, &r)) {
		return false;
	}
	rec->seq = r_u64(&r);
	name = r_str(&r, ld->recs);
	if (r.err != NULL) {
		return load_fail(ld, rec, r.err);
	}
	rt = restype_new(ld->t, name);
	if (rt == NULL) {
		return load_fail(ld, rec, "out of memory");
	}
	rec->obj = rt;
	rt->obj.seq = rec->seq;
	talloc_free(rt->display_name);
	rt->display_name = r_str(&r, rt);
	talloc_free(rt->dll_name);
	rt->dll_name = r_str(&r, rt);
	rt->looks_alive_ms = r_u32(&r);
	rt->is_alive_ms = r_u32(&r);
	rt->characteristics = r_u32(&r);
	rt->res_class = r_u32(&r);
	rt->res_subclass = r_u32(&r);
	return load_end(ld, rec, &r) &&
		load_check_key(ld, rec, "restype/", name);
}

static bool load_network(struct loader *ld, struct rec *rec)
{
	struct clus_network *n;
	struct rbuf r;
	char *name, *id;

	if (!load_header(ld, rec, &r)) {
		return false;
	}
	rec->seq = r_u64(&r);
	name = r_str(&r, ld->recs);
	id = r_str(&r, ld->recs);
	if (r.err != NULL) {
		return load_fail(ld, rec, r.err);
	}
	n = network_new(ld->t, name, id);
	if (n == NULL) {
		return load_fail(ld, rec, "out of memory");
	}
	rec->obj = n;
	n->obj.seq = rec->seq;
	talloc_free(n->description);
	n->description = r_str(&r, n);
	n->state = r_u32(&r);
	n->role = r_u32(&r);
	talloc_free(n->address);
	n->address = r_str(&r, n);
	talloc_free(n->address_mask);
	n->address_mask = r_str(&r, n);
	n->priority = r_u32(&r);
	return load_end(ld, rec, &r) && load_check_key(ld, rec, "network/", id);
}

static bool load_netif(struct loader *ld, struct rec *rec)
{
	struct clus_model *m = ld->m;
	struct clus_netif *ni;
	struct rbuf r;
	char *name, *id, *node_id, *net_id;

	if (!load_header(ld, rec, &r)) {
		return false;
	}
	rec->seq = r_u64(&r);
	name = r_str(&r, ld->recs);
	id = r_str(&r, ld->recs);
	if (r.err != NULL) {
		return load_fail(ld, rec, r.err);
	}
	ni = netif_new(ld->t, name, id);
	if (ni == NULL) {
		return load_fail(ld, rec, "out of memory");
	}
	rec->obj = ni;
	ni->obj.seq = rec->seq;
	talloc_free(ni->description);
	ni->description = r_str(&r, ni);
	node_id = r_str(&r, ld->recs);
	net_id = r_str(&r, ld->recs);
	talloc_free(ni->adapter);
	ni->adapter = r_str(&r, ni);
	talloc_free(ni->address);
	ni->address = r_str(&r, ni);
	ni->state = r_u32(&r);
	if (!load_end(ld, rec, &r) || !load_check_key(ld, rec, "netif/", id)) {
		return false;
	}
	ni->node = clus_node_by_id(m, node_id);
	ni->network = clus_network_by_id(m, net_id);
	if (ni->node == NULL) {
		return load_fail(ld, rec, "its node does not exist");
	}
	if (ni->network == NULL) {
		return load_fail(ld, rec, "its network does not exist");
	}
	return true;
}

static bool load_group(struct loader *ld, struct rec *rec)
{
	struct clus_model *m = ld->m;
	struct clus_group *g;
	struct rbuf r;
	char *name, *id, *owner;
	char **pref;
	uint32_t npref, i;

	if (!load_header(ld, rec, &r)) {
		return false;
	}
	rec->seq = r_u64(&r);
	name = r_str(&r, ld->recs);
	id = r_str(&r, ld->recs);
	if (r.err != NULL) {
		return load_fail(ld, rec, r.err);
	}
	g = group_new(ld->t, name, id);
	if (g == NULL) {
		return load_fail(ld, rec, "out of memory");
	}
	rec->obj = g;
	g->obj.seq = rec->seq;
	owner = r_str(&r, ld->recs);
	pref = r_idlist(&r, ld->recs, &npref);
	g->state = r_u32(&r);
	g->state_seq = r_u32(&r);
	g->persistent_state = r_u32(&r);
	g->flags = r_u32(&r);
	g->group_type = r_u32(&r);
	g->priority = r_u32(&r);
	talloc_free(g->description);
	g->description = r_str(&r, g);
	r_props(&r, g, &g->props);
	rec->deps = r_str(&r, ld->recs);
	rec->op_kind = r_u32(&r);
	rec->op_phase = r_u32(&r);
	rec->op_flags = r_u32(&r);
	rec->op_target = r_str(&r, ld->recs);
	rec->op_source = r_str(&r, ld->recs);
	rec->op_drain = r_str(&r, ld->recs);
	if (!load_end(ld, rec, &r) || !load_check_key(ld, rec, "group/", id)) {
		return false;
	}
	g->owner = clus_node_by_id(m, owner);
	if (g->owner == NULL) {
		return load_fail(ld, rec, "its owner node does not exist");
	}
	if (g->state > CM_GROUP_PENDING || (g->persistent_state !=
					    CM_GROUP_ONLINE &&
					    g->persistent_state !=
					    CM_GROUP_OFFLINE)) {
		return load_fail(ld, rec, "invalid group state");
	}
	if (rec->op_kind > CLUS_OP_RESTORE ||
	    (rec->op_kind != CLUS_OP_NONE &&
	     rec->op_phase != CLUS_PHASE_STOPPING &&
	     rec->op_phase != CLUS_PHASE_STARTING)) {
		return load_fail(ld, rec, "invalid operation");
	}
	talloc_free(g->preferred);
	g->preferred = talloc_zero_array(g, struct clus_node *, npref + 1);
	if (g->preferred == NULL) {
		return load_fail(ld, rec, "out of memory");
	}
	for (i = 0; i < npref; i++) {
		g->preferred[i] = clus_node_by_id(m, pref[i]);
		if (g->preferred[i] == NULL) {
			return load_fail(ld, rec, "a preferred owner does not "
					 "exist");
		}
	}
	g->num_preferred = npref;
	return true;
}

static bool load_resource(struct loader *ld, struct rec *rec)
{
	struct clus_model *m = ld->m;
	struct clus_resource *res;
	struct rbuf r;
	char *name, *id, *type, *group;
	char **poss;
	uint32_t nposs, i;

	if (!load_header(ld, rec, &r)) {
		return false;
	}
	rec->seq = r_u64(&r);
	name = r_str(&r, ld->recs);
	id = r_str(&r, ld->recs);
	if (r.err != NULL) {
		return load_fail(ld, rec, r.err);
	}
	res = resource_new(ld->t, name, id);
	if (res == NULL) {
		return load_fail(ld, rec, "out of memory");
	}
	rec->obj = res;
	res->obj.seq = rec->seq;
	talloc_free(res->description);
	res->description = r_str(&r, res);
	type = r_str(&r, ld->recs);
	group = r_str(&r, ld->recs);
	res->state = r_u32(&r);
	res->state_seq = r_u32(&r);
	res->persistent_state = r_u32(&r);
	res->flags = r_u32(&r);
	res->create_flags = r_u32(&r);
	poss = r_idlist(&r, ld->recs, &nposs);
	rec->deps = r_str(&r, ld->recs);
	r_props(&r, res, &res->props);
	if (!load_end(ld, rec, &r) ||
	    !load_check_key(ld, rec, "resource/", id)) {
		return false;
	}
	if (!state_valid_res(res->state) ||
	    (res->persistent_state != CM_RES_ONLINE &&
	     res->persistent_state != CM_RES_OFFLINE)) {
		return load_fail(ld, rec, "invalid resource state");
	}
	res->type = clus_restype_by_name(m, type);
	if (res->type == NULL) {
		return load_fail(ld, rec, "its resource type does not exist");
	}
	res->group = clus_group_by_id(m, group);
	if (res->group == NULL) {
		return load_fail(ld, rec, "its group does not exist");
	}
	talloc_free(res->possible);
	res->possible = talloc_zero_array(res, struct clus_node *, nposs + 1);
	if (res->possible == NULL) {
		return load_fail(ld, rec, "out of memory");
	}
	for (i = 0; i < nposs; i++) {
		res->possible[i] = clus_node_by_id(m, poss[i]);
		if (res->possible[i] == NULL) {
			return load_fail(ld, rec, "a possible owner does not "
					 "exist");
		}
	}
	res->num_possible = nposs;
	return true;
}

static bool load_groupset(struct loader *ld, struct rec *rec)
{
	struct clus_groupset *s;
	struct rbuf r;
	char *name, *id;

	if (!load_header(ld, rec, &r)) {
		return false;
	}
	rec->seq = r_u64(&r);
	name = r_str(&r, ld->recs);
	id = r_str(&r, ld->recs);
	if (r.err != NULL) {
		return load_fail(ld, rec, r.err);
	}
	s = groupset_new(ld->t, name, id);
	if (s == NULL) {
		return load_fail(ld, rec, "out of memory");
	}
	rec->obj = s;
	s->obj.seq = rec->seq;
	rec->members = r_idlist(&r, ld->recs, &rec->num_members);
	s->startup_delay_trigger = r_u32(&r);
	s->startup_count = r_u32(&r);
	s->startup_delay = r_u32(&r);
	s->is_global = r_u8(&r) != 0;
	rec->deps = r_str(&r, ld->recs);
	return load_end(ld, rec, &r) &&
		load_check_key(ld, rec, "groupset/", id);
}

static bool load_regkey(struct loader *ld, struct rec *rec)
{
	struct clus_regkey *k, *parent = NULL;
	const char *name;
	char *path, *sep;
	struct rbuf r;

	if (!load_header(ld, rec, &r)) {
		return false;
	}
	rec->seq = r_u64(&r);
	path = r_str(&r, ld->recs);
	if (r.err != NULL) {
		return load_fail(ld, rec, r.err);
	}
	if (!load_check_key(ld, rec, "regkey/", path)) {
		return false;
	}
	/* parents sort first (fewer separators), so they exist by now */
	sep = strrchr(path, '\\');
	name = path;
	if (path[0] != '\0') {
		char *ppath = talloc_strndup(ld->recs, path,
					     sep != NULL ? sep - path : 0);

		parent = clus_regkey_by_path(ld->m, ppath);
		if (parent == NULL) {
			return load_fail(ld, rec, "its parent key does not "
					 "exist");
		}
		name = sep != NULL ? sep + 1 : path;
	} else if (ld->m->root != NULL) {
		return load_fail(ld, rec, "a second root key");
	}
	k = regkey_new(ld->t, parent, name);
	if (k == NULL) {
		return load_fail(ld, rec, "out of memory");
	}
	rec->obj = k;
	k->obj.seq = rec->seq;
	r_props(&r, k, &k->values);
	talloc_free(k->sd);
	k->sd = r_blob(&r, k, &k->sd_len);
	k->last_write = r_u64(&r);
	if (!load_end(ld, rec, &r)) {
		return false;
	}
	regkey_link(ld->t, k);
	return true;
}

struct load_resolve {
	struct clus_model *m;
	struct clus_resource *self;	/* resource expressions */
	bool groupsets_only;
};

static struct clus_object *load_resolve_id(void *private_data,
					   const char *id)
{
	struct load_resolve *lr = private_data;
	struct clus_group *g;
	struct clus_groupset *s;

	if (lr->self != NULL) {
		struct clus_resource *r = clus_resource_by_id(lr->m, id);

		if (r == NULL || r->group != lr->self->group || r == lr->self) {
			return NULL;
		}
		return &r->obj;
	}
	s = clus_groupset_by_id(lr->m, id);
	if (s != NULL) {
		return &s->obj;
	}
	if (lr->groupsets_only) {
		return NULL;
	}
	g = clus_group_by_id(lr->m, id);
	return g != NULL ? &g->obj : NULL;
}

static int rec_cmp(const void *a, const void *b)
{
	const struct rec *x = a, *y = b;

	if (x->kind != y->kind) {
		return x->kind < y->kind ? -1 : 1;
	}
	if (x->kind == CLUS_KIND_REGKEY) {
		/* parents before children: fewer separators first */
		size_t dx = 0, dy = 0;
		const char *p;

		for (p = x->key; *p; p++) {
			dx += (*p == '\\');
		}
		for (p = y->key; *p; p++) {
			dy += (*p == '\\');
		}
		if (strcmp(x->key, "regkey/") == 0) {
			return -1;
		}
		if (strcmp(y->key, "regkey/") == 0) {
			return 1;
		}
		if (dx != dy) {
			return dx < dy ? -1 : 1;
		}
	}
	return x->seq < y->seq ? -1 : (x->seq > y->seq ? 1 : 0);
}

/* seq lives right after the 4 byte header in every object but the cluster */
static uint64_t rec_peek_seq(const struct rec *rec)
{
	struct rbuf r = { .p = rec->data, .len = rec->len, .ofs = 4 };

	if (rec->kind == CLUS_KIND_CLUSTER) {
		return 0;
	}
	return r_u64(&r);
}

static bool load_all(struct loader *ld)
{
	struct clus_model *m = ld->m;
	struct clus_txn *t = ld->t;
	bool have_cluster = false;
	uint32_t i, j;

	for (i = 0; i < ld->num; i++) {
		ld->recs[i].seq = rec_peek_seq(&ld->recs[i]);
	}
	qsort(ld->recs, ld->num, sizeof(struct rec), rec_cmp);

	for (i = 0; i < ld->num; i++) {
		struct rec *rec = &ld->recs[i];
		bool ok = false;

		switch (rec->kind) {
		case CLUS_KIND_CLUSTER:
			ok = load_cluster(ld, rec);
			have_cluster = true;
			break;
		case CLUS_KIND_NODE:
			ok = load_node(ld, rec);
			if (ok && clus_node_by_name(m, clus_container_of(
				    rec->obj, struct clus_node, obj)->name)) {
				ok = load_fail(ld, rec, "duplicate name");
			}
			if (ok) {
				node_link(t, rec->obj);
			}
			break;
		case CLUS_KIND_RESTYPE:
			ok = load_restype(ld, rec);
			if (ok) {
				restype_link(t, rec->obj);
			}
			break;
		case CLUS_KIND_NETWORK:
			ok = load_network(ld, rec);
			if (ok) {
				network_link(t, rec->obj);
			}
			break;
		case CLUS_KIND_NETIF:
			ok = load_netif(ld, rec);
			if (ok) {
				netif_link(t, rec->obj);
			}
			break;
		case CLUS_KIND_GROUP:
			ok = load_group(ld, rec);
			if (ok && clus_group_by_name(m, clus_container_of(
				    rec->obj, struct clus_group, obj)->name)) {
				ok = load_fail(ld, rec, "duplicate name");
			}
			if (ok) {
				group_link(t, rec->obj);
			}
			break;
		case CLUS_KIND_RESOURCE: {
			struct clus_resource *r;

			ok = load_resource(ld, rec);
			if (!ok) {
				break;
			}
			r = rec->obj;
			if (clus_resource_by_name(m, r->name) != NULL) {
				ok = load_fail(ld, rec, "duplicate name");
				break;
			}
			resource_link(t, r, r->group);
			break;
		}
		case CLUS_KIND_GROUPSET:
			ok = load_groupset(ld, rec);
			if (ok) {
				groupset_link(t, rec->obj);
			}
			break;
		case CLUS_KIND_REGKEY:
			ok = load_regkey(ld, rec);
			break;
		}
		if (!ok) {
			return false;
		}
		if (!have_cluster) {
			return load_fail(ld, rec, "no cluster record");
		}
	}
	if (!have_cluster) {
		ld->errmsg = talloc_asprintf(m, "%s: no cluster record",
					     ld->path);
		return false;
	}

	/* second pass: references among objects of one kind */
	for (i = 0; i < ld->num; i++) {
		struct rec *rec = &ld->recs[i];
		struct load_resolve lr = { .m = m };
		struct clus_depexpr *field = NULL;
		void *ctx = NULL;
		uint32_t err;

		switch (rec->kind) {
		case CLUS_KIND_RESOURCE: {
			struct clus_resource *r = rec->obj;

			lr.self = r;
			field = &r->deps;
			ctx = r;
			break;
		}
		case CLUS_KIND_GROUP: {
			struct clus_group *g = rec->obj;

			field = &g->deps;
			ctx = g;
			break;
		}
		case CLUS_KIND_GROUPSET: {
			struct clus_groupset *s = rec->obj;

			lr.groupsets_only = true;
			field = &s->deps;
			ctx = s;
			talloc_free(s->members);
			s->members = talloc_zero_array(s, struct clus_group *,
						       rec->num_members + 1);
			if (s->members == NULL) {
				return load_fail(ld, rec, "out of memory");
			}
			for (j = 0; j < rec->num_members; j++) {
				struct clus_group *g = clus_group_by_id(
					m, rec->members[j]);

				if (g == NULL) {
					return load_fail(ld, rec, "a member "
							 "group does not "
							 "exist");
				}
				if (g->groupset != NULL) {
					return load_fail(ld, rec, "a member "
							 "group is in two "
							 "sets");
				}
				g->groupset = s;
				s->members[j] = g;
			}
			s->num_members = rec->num_members;
			break;
		}
		}
		if (field == NULL) {
			continue;
		}
		talloc_free(field->tokens);
		err = depexpr_parse(ctx, rec->deps, load_resolve_id, &lr,
				    field);
		if (err != CM_ERROR_SUCCESS) {
			return load_fail(ld, rec, "bad dependency expression");
		}
	}

	if (m->root == NULL) {
		ld->errmsg = talloc_asprintf(m, "%s: no root registry key",
					     ld->path);
		return false;
	}
	if (clus_node_by_id(m, m->cluster->local_node_id) == NULL) {
		ld->errmsg = talloc_asprintf(m, "%s: record 'cluster': the "
					     "local node does not exist",
					     ld->path);
		return false;
	}
	if (m->cluster->quorum_resource_id[0] != '\0' &&
	    clus_resource_by_id(m, m->cluster->quorum_resource_id) == NULL) {
		ld->errmsg = talloc_asprintf(m, "%s: record 'cluster': the "
					     "quorum resource does not exist",
					     ld->path);
		return false;
	}
	/* Pending resources exist only while their group has an operation */
	for (i = 0; i < ld->num; i++) {
		struct rec *rec = &ld->recs[i];
		struct clus_resource *r;
		struct rec *grec = NULL;

		if (rec->kind != CLUS_KIND_RESOURCE) {
			continue;
		}
		r = rec->obj;
		if (r->state != CM_RES_ONLINE_PENDING &&
		    r->state != CM_RES_OFFLINE_PENDING) {
			continue;
		}
		for (j = 0; j < ld->num && grec == NULL; j++) {
			if (ld->recs[j].obj == r->group) {
				grec = &ld->recs[j];
			}
		}
		if (grec == NULL || grec->op_kind == CLUS_OP_NONE) {
			return load_fail(ld, rec, "pending, but its group has "
					 "no operation");
		}
	}
	return true;
}

/*
 * Settle what the previous process left running, in one transaction
 * that is written back: after this the store holds no operation.
 */
static uint32_t load_settle(struct loader *ld)
{
	struct clus_model *m = ld->m;
	struct clus_txn *t;
	struct clus_group *g;
	struct clus_node *n;
	uint32_t i;

	/* a settled group's cached state must be what its resources say */
	for (i = 0; i < ld->num; i++) {
		struct rec *rec = &ld->recs[i];

		if (rec->kind != CLUS_KIND_GROUP ||
		    rec->op_kind != CLUS_OP_NONE) {
			continue;
		}
		g = rec->obj;
		if (g->state != group_derive_state(g)) {
			load_fail(ld, rec, "state does not match its "
				  "resources");
			return CM_ERROR_BADDB;
		}
	}

	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	for (i = 0; i < ld->num; i++) {
		struct rec *rec = &ld->recs[i];

		if (rec->kind != CLUS_KIND_GROUP ||
		    rec->op_kind == CLUS_OP_NONE) {
			continue;
		}
		g = rec->obj;
		clus_log(m, 1, "model: group '%s' had an operation in flight; "
			 "settling it", g->name);
		op_settle_after_load(t, g, rec->op_kind, rec->op_phase,
				     clus_node_by_id(m, rec->op_target),
				     rec->op_flags);
		txn_dirty(t, &g->obj);
	}
	for (n = clus_node_first(m); n != NULL; n = clus_node_next(n)) {
		bool owns = false;

		if (n->drain_status != CM_DRAIN_IN_PROGRESS) {
			continue;
		}
		for (g = clus_group_first(m); g != NULL && !owns;
		     g = clus_group_next(g)) {
			owns = (g->owner == n);
		}
		TXN_SET(t, n->drain_status, owns ? CM_DRAIN_FAILED :
			CM_DRAIN_COMPLETED);
		txn_dirty(t, &n->obj);
	}
	return txn_commit(t);
}

uint32_t store_load(struct clus_model *m, char **errmsg)
{
	struct loader ld = {
		.m = m,
		.path = m->store->path,
	};
	uint32_t err;
	int ret;

	ret = tdb_traverse_read(m->store->tdb, load_collect_fn, &ld);
	if (ret < 0) {
		*errmsg = ld.errmsg != NULL ? ld.errmsg :
			talloc_asprintf(m, "%s: cannot read the store",
					ld.path);
		TALLOC_FREE(ld.recs);
		return CM_ERROR_BADDB;
	}

	ld.t = txn_begin(m);
	if (ld.t == NULL) {
		TALLOC_FREE(ld.recs);
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	ld.t->no_undo = true;
	ld.t->no_store = true;
	if (!load_all(&ld)) {
		txn_cancel(ld.t);
		*errmsg = ld.errmsg;
		TALLOC_FREE(ld.recs);
		return CM_ERROR_BADDB;
	}
	err = txn_commit(ld.t);
	if (err != CM_ERROR_SUCCESS) {
		TALLOC_FREE(ld.recs);
		return err;
	}
	err = load_settle(&ld);
	if (err != CM_ERROR_SUCCESS && *errmsg == NULL) {
		*errmsg = ld.errmsg != NULL ? ld.errmsg :
			talloc_asprintf(m, "%s: cannot write the settled "
					"state: %s", ld.path,
					clus_model_errstr(err));
	}
	TALLOC_FREE(ld.recs);
	return err;
}
