/*
 * clusapi - cluster model internals, shared by the files of the model only
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef CLUSAPI_MODEL_PRIVATE_H
#define CLUSAPI_MODEL_PRIVATE_H

#include <stdarg.h>
#include <stddef.h>
#include "model.h"

#define clus_container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#define clus_discard_const(ptr) ((void *)((uintptr_t)(ptr)))

#define CLUS_ITEM(link, type, member) \
	((link) == NULL ? NULL : clus_container_of(link, type, member))

/* Stored object kinds: struct clus_object.kind */
enum {
	CLUS_KIND_CLUSTER	= 1,
	CLUS_KIND_NODE		= 2,
	CLUS_KIND_RESTYPE	= 3,
	CLUS_KIND_NETWORK	= 4,
	CLUS_KIND_NETIF		= 5,
	CLUS_KIND_GROUP		= 6,
	CLUS_KIND_RESOURCE	= 7,
	CLUS_KIND_GROUPSET	= 8,
	CLUS_KIND_REGKEY	= 9,
};

/* Tables of field offsets (store_format.c, objkind.c) count from here */
_Static_assert(offsetof(struct clus_cluster, obj) == 0, "obj first");
_Static_assert(offsetof(struct clus_node, obj) == 0, "obj first");
_Static_assert(offsetof(struct clus_restype, obj) == 0, "obj first");
_Static_assert(offsetof(struct clus_network, obj) == 0, "obj first");
_Static_assert(offsetof(struct clus_netif, obj) == 0, "obj first");
_Static_assert(offsetof(struct clus_group, obj) == 0, "obj first");
_Static_assert(offsetof(struct clus_resource, obj) == 0, "obj first");
_Static_assert(offsetof(struct clus_groupset, obj) == 0, "obj first");
_Static_assert(offsetof(struct clus_regkey, obj) == 0, "obj first");

/* ------------------------------------------------------------------ */
/* hash.c: case-insensitive string -> pointer index                    */

struct clus_hash;

struct clus_hash *clus_hash_new(TALLOC_CTX *mem_ctx);
void *clus_hash_get(const struct clus_hash *h, const char *key);
/* @key is not copied: it must live as long as the entry (object name) */
int clus_hash_add(struct clus_hash *h, const char *key, void *value);
void clus_hash_del(struct clus_hash *h, const char *key, void *value);
uint32_t clus_hash_count(const struct clus_hash *h);

/* ------------------------------------------------------------------ */
/* The model                                                           */

struct clus_store;
struct clus_txn;
struct clus_backend_ops;

struct clus_model {
	struct tevent_context *ev;
	const struct clus_backend_ops *backend;	/* backend.h */
	uint32_t transition_ms;
	uint32_t notify_queue_max;
	clus_model_log_fn log_fn;
	void *log_private;

	struct clus_cluster *cluster;
	struct clus_list nodes;
	struct clus_list restypes;
	struct clus_list networks;
	struct clus_list netifs;
	struct clus_list groups;
	struct clus_list resources;
	struct clus_list groupsets;
	struct clus_regkey *root;

	struct clus_hash *node_names, *node_ids;
	struct clus_hash *restype_names;
	struct clus_hash *network_names, *network_ids;
	struct clus_hash *netif_names, *netif_ids;
	struct clus_hash *group_names, *group_ids;
	struct clus_hash *res_names, *res_ids;
	struct clus_hash *groupset_names, *groupset_ids;
	struct clus_hash *regkey_paths;

	struct clus_store *store;
	struct clus_txn *txn;		/* the open transaction, if any */
	uint32_t fail_commits;		/* test hook */
	/*
	 * The backend's cluster is the state (Pacemaker's CIB): changes
	 * asked by clients that the backend does not make are refused
	 * with CM_ERROR_NOT_SUPPORTED; only txn_begin_backend() commits.
	 */
	bool clients_read_only;
	void *backend_private;		/* the backend's */

	struct clus_list ports;		/* clus_notify_port.link */
};

void clus_log(struct clus_model *m, int level, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* ------------------------------------------------------------------ */
/* list helpers (no undo; txn_list_* below record undo)                */

void clus_list_append(struct clus_list *l, struct clus_link *e);
void clus_list_insert_after(struct clus_list *l, struct clus_link *after,
			    struct clus_link *e);
void clus_list_remove(struct clus_list *l, struct clus_link *e);

/* ------------------------------------------------------------------ */
/* txn.c: one change = one transaction, in memory and in the store      */

/*
 * A transaction records how to undo each change made to memory, which
 * objects to write, and what to do once the store has committed (free
 * deleted objects, post notifications, arm timers).  txn_commit() writes
 * the dirty objects and commits the tdb transaction; if that fails it
 * undoes every change in reverse order, so memory matches the store
 * again, and returns the error.
 */
struct clus_txn {
	struct clus_model *m;
	bool no_undo;		/* fresh model: nothing to undo */
	bool no_store;		/* loading: nothing to write */
	bool backend;		/* the backend's own change (txn_begin_backend) */
	bool oom;		/* a change could not be recorded */
	struct txn_undo *undo;
	uint32_t num_undo, alloc_undo;
	struct txn_action *actions;
	uint32_t num_actions, alloc_actions;
	struct clus_object **dirty;
	uint32_t num_dirty, alloc_dirty;
	struct clus_change **changes;
	uint32_t num_changes, alloc_changes;
};

typedef void (*txn_fn)(void *a, void *b);

struct clus_txn *txn_begin(struct clus_model *m);
/* A change the backend makes (it saw it in its cluster) */
struct clus_txn *txn_begin_backend(struct clus_model *m);
uint32_t txn_commit(struct clus_txn *t);
void txn_cancel(struct clus_txn *t);

void txn_save(struct clus_txn *t, void *ptr, size_t len);
#define TXN_SET(t, lv, val) do {				\
	txn_save((t), &(lv), sizeof(lv));			\
	(lv) = (val);						\
} while (0)

void txn_on_undo(struct clus_txn *t, txn_fn fn, void *a, void *b);
void txn_on_commit(struct clus_txn *t, txn_fn fn, void *a, void *b);
void txn_free_on_undo(struct clus_txn *t, void *ptr);
void txn_free_on_commit(struct clus_txn *t, void *ptr);
void txn_dirty(struct clus_txn *t, struct clus_object *obj);
void txn_delete_object(struct clus_txn *t, struct clus_object *obj);

/* Replace a talloc'd string field; the old one is freed on commit */
void txn_set_str(struct clus_txn *t, const void *ctx, char **field,
		 const char *val);
/*
 * Replace a talloc'd array (and its count): the old array is freed on
 * commit, the new one on undo.  Children of the arrays go with them.
 */
/* *field, @obj's name in the index @names, becomes @name */
void txn_rename(struct clus_txn *t, struct clus_hash *names, void *obj,
		char **field, const char *name);
void txn_set_array(struct clus_txn *t, void *arrayp, void *newarray,
		   uint32_t *countp, uint32_t newcount);
void txn_set_depexpr(struct clus_txn *t, struct clus_depexpr *field,
		     struct clus_depexpr *val);
void txn_set_proplist(struct clus_txn *t, struct clus_proplist *field,
		      struct clus_proplist *val);

void txn_list_append(struct clus_txn *t, struct clus_list *l,
		     struct clus_link *e);
void txn_list_remove(struct clus_txn *t, struct clus_list *l,
		     struct clus_link *e);
void txn_hash_add(struct clus_txn *t, struct clus_hash *h, const char *key,
		  void *value);
void txn_hash_del(struct clus_txn *t, struct clus_hash *h, const char *key,
		  void *value);

/* ------------------------------------------------------------------ */
/* objkind.c: the model's list and indexes of each named object kind    */

/*
 * A new object of @kind named @name with id @id (resource types have
 * none), its other fields as objkind.c's table starts them (strings,
 * empty arrays, Windows' defaults), freed if @t is undone.
 */
void *obj_new(struct clus_txn *t, uint8_t kind, const char *name,
	      const char *id);
/* Number @o (unless the txn is not stored), list, index and store it */
void obj_link(struct clus_txn *t, struct clus_object *o);
/* Take @o out of its list and indexes and delete its record */
void obj_unlink(struct clus_txn *t, struct clus_object *o);
/* The object of @kind named @name, or failing that with id @name */
void *obj_find(struct clus_model *m, uint8_t kind, const char *name);
/* The dependencies of @o; NULL for a kind that has none */
const struct clus_depexpr *obj_deps(const struct clus_object *o);
/* The object of @kind named @name or with id @id; NULL if none */
void *obj_by_name(struct clus_model *m, uint8_t kind, const char *name);
void *obj_by_id(struct clus_model *m, uint8_t kind, const char *id);
/* CM_ERROR_SUCCESS if @o was found, else @kind's "not found" error */
uint32_t obj_found(uint8_t kind, const void *o);
/* The objects of @kind in creation order: how many, first, next */
uint32_t obj_count(struct clus_model *m, uint8_t kind);
void *obj_first(struct clus_model *m, uint8_t kind);
void *obj_next(const struct clus_object *o);
/*
 * May an object of @kind (@self, or NULL for a new one) be named @name?
 * CM_ERROR_INVALID_NAME or CM_ERROR_OBJECT_ALREADY_EXISTS if not.
 */
uint32_t obj_check_name(struct clus_model *m, uint8_t kind, const char *name,
			const void *self);
/*
 * The start of a group's, resource's or network's SetCommon: @c's name
 * checked and set, its description set.  NULL with *@err on failure.
 */
struct clus_txn *obj_set_common_begin(struct clus_model *m,
				      struct clus_object *o,
				      const struct clus_common_set *c,
				      uint32_t *err);

/* ------------------------------------------------------------------ */
/* notify.c                                                            */

/* A change to announce to the notification ports after commit */
struct clus_change {
	uint32_t obj_type;		/* CM_OBJ_*: whose filters see it */
	char *obj_id;			/* v1 per-object filters */
	char *name;
	char *parent_id;
	char *type;
	uint32_t state_seq;
	uint32_t state;
	bool has_state;
	uint32_t v1_filter;		/* 0: no v1 event */
	uint32_t v2_type;		/* CM_OBJ_* of the v2 event */
	uint64_t v2_flag;		/* 0: no v2 event */
	char *v2_target_id;		/* targeted v2 filters match it */
};

bool notify_wanted(struct clus_model *m);
void notify_queue(struct clus_txn *t, struct clus_change *c);
void notify_dispatch(struct clus_model *m, struct clus_change *c);
void notify_model_gone(struct clus_model *m);

void notify_node(struct clus_txn *t, struct clus_node *node,
		 uint32_t v1, uint64_t v2);
void notify_group(struct clus_txn *t, struct clus_group *g,
		  uint32_t v1, uint64_t v2);
void notify_resource(struct clus_txn *t, struct clus_resource *r,
		     uint32_t v1, uint64_t v2);
void notify_network(struct clus_txn *t, struct clus_network *n,
		    uint32_t v1, uint64_t v2);
void notify_netif(struct clus_txn *t, struct clus_netif *ni,
		  uint32_t v1, uint64_t v2);
void notify_restype(struct clus_txn *t, struct clus_restype *rt,
		    uint32_t v1, uint64_t v2);
void notify_groupset(struct clus_txn *t, struct clus_groupset *s,
		     uint64_t v2);
void notify_cluster(struct clus_txn *t, uint32_t v1, uint64_t v2,
		    const char *name, const char *id);
void notify_regkey(struct clus_txn *t, struct clus_regkey *key,
		   uint32_t v1, uint64_t v2);

/* ------------------------------------------------------------------ */
/* waiter.c                                                            */

/*
 * A request that waits at the front of @list until waiters_wake(); with
 * @list NULL it is done at once with @result.  Its callback is deferred
 * to the event loop.
 */
struct tevent_req *waiter_send(TALLOC_CTX *mem_ctx,
			       struct tevent_context *ev,
			       struct clus_list *list, uint32_t result);
/* The result a waiter was woken (or done at once) with */
uint32_t waiter_result(struct tevent_req *req);
/* Wake every waiter on @list with @result */
void waiters_wake(struct clus_list *list, uint32_t result);

/* ------------------------------------------------------------------ */
/* util.c                                                              */

char *clus_new_guid(TALLOC_CTX *mem_ctx);
bool clus_name_valid(const char *name);
bool clus_strequal(const char *a, const char *b);
uint64_t clus_nttime_now(void);
uint64_t clus_next_seq(struct clus_txn *t);
void *clus_memdup0(TALLOC_CTX *mem_ctx, const void *p, size_t len);

/* props.c */
bool proplist_copy(TALLOC_CTX *mem_ctx, const struct clus_proplist *src,
		   struct clus_proplist *dst);
bool proplist_set(TALLOC_CTX *mem_ctx, struct clus_proplist *list,
		  const char *name, uint32_t type, const uint8_t *data,
		  uint32_t len);
bool proplist_del(struct clus_proplist *list, const char *name);
/*
 * Set (@remove false) or delete each of @props (only their names for a
 * delete) in @field; on an error the caller cancels the transaction.
 */
uint32_t txn_proplist_apply(struct clus_txn *t, const void *ctx,
			    struct clus_proplist *field,
			    const struct clus_prop *props, uint32_t num,
			    bool remove);
uint32_t txn_proplist_set(struct clus_txn *t, const void *ctx,
			  struct clus_proplist *field, const char *name,
			  uint32_t type, const uint8_t *data, uint32_t len);
uint32_t txn_proplist_del(struct clus_txn *t, const void *ctx,
			  struct clus_proplist *field, const char *name);

/* depexpr.c */
typedef struct clus_object *(*depexpr_resolve_fn)(void *private_data,
						  const char *name);
uint32_t depexpr_parse(TALLOC_CTX *mem_ctx, const char *text,
		       depexpr_resolve_fn resolve, void *private_data,
		       struct clus_depexpr *expr);
/* Renders names, or ids when @ids is true (the stored form) */
char *depexpr_render(TALLOC_CTX *mem_ctx, const struct clus_depexpr *expr,
		     bool ids);
bool depexpr_refers(const struct clus_depexpr *expr,
		    const struct clus_object *obj);
bool depexpr_copy(TALLOC_CTX *mem_ctx, const struct clus_depexpr *src,
		  struct clus_depexpr *dst);
/* @dst = @src and [obj] */
bool depexpr_append_and(TALLOC_CTX *mem_ctx, const struct clus_depexpr *src,
			struct clus_object *obj, struct clus_depexpr *dst);
/* @dst = AND of the references of @src except @obj */
bool depexpr_without(TALLOC_CTX *mem_ctx, const struct clus_depexpr *src,
		     const struct clus_object *obj, struct clus_depexpr *dst);
/*
 * @dst = @src with @obj added (depexpr_append_and) or, @add false,
 * taken out (depexpr_without); CM_ERROR_DEPENDENCY_ALREADY_EXISTS or
 * CM_ERROR_DEPENDENCY_NOT_FOUND when @src does or does not name it.
 */
uint32_t depexpr_change(TALLOC_CTX *mem_ctx, const struct clus_depexpr *src,
			struct clus_object *obj, bool add,
			struct clus_depexpr *dst);
/*
 * Is @obj a reference of @expr, or does one depend on it, directly or
 * not (@depth: 0)?  A chain deeper than 64 counts as a cycle.
 */
bool depexpr_reaches(const struct clus_depexpr *expr,
		     const struct clus_object *obj, unsigned depth);
/* objkind.c: "" for objects of no named kind */
const char *clus_object_name(const struct clus_object *obj);
const char *clus_object_id(const struct clus_object *obj);

/* ------------------------------------------------------------------ */
/* Object construction, linking and internal operations                */

/* cluster.c */
struct clus_cluster *cluster_new(struct clus_model *m);

/* node.c */
struct clus_node *node_new(struct clus_txn *t, const char *name,
			   const char *id);
void node_set_state_internal(struct clus_txn *t, struct clus_node *node,
			     uint32_t state);
bool node_is_up(const struct clus_node *node);
/*
 * Refusal to bring groups online on @node: CM_ERROR_CLUSTER_NODE_PAUSED
 * or CM_ERROR_HOST_NODE_NOT_AVAILABLE; success when it is Up.
 */
uint32_t node_host_error(const struct clus_node *node);
void node_set_drain_status(struct clus_txn *t, struct clus_node *node,
			   uint32_t status);

/* restype.c */
struct clus_restype *restype_new(struct clus_txn *t, const char *name);

/* network.c */
struct clus_network *network_new(struct clus_txn *t, const char *name,
				 const char *id);
struct clus_netif *netif_new(struct clus_txn *t, const char *name,
			     const char *id);
void netif_delete(struct clus_txn *t, struct clus_netif *netif);

/* group.c */
struct clus_group *group_new(struct clus_txn *t, const char *name,
			     const char *id);
/* A new group owned by @owner, announced; @id NULL: a new GUID */
struct clus_group *group_add(struct clus_txn *t, const char *name,
			     const char *id, struct clus_node *owner,
			     uint32_t group_type);
uint32_t group_derive_state(const struct clus_group *g);
void group_update_state(struct clus_txn *t, struct clus_group *g);
/* A backend that knows the state better than group_derive_state() */
void group_set_state(struct clus_txn *t, struct clus_group *g,
		     uint32_t state);
void group_set_owner(struct clus_txn *t, struct clus_group *g,
		     struct clus_node *owner);
void group_remove_node_refs(struct clus_txn *t, struct clus_group *g,
			    struct clus_node *node);
/* @g and its resources out of the model, waiters woken, freed on commit */
void group_unlink_deleted(struct clus_txn *t, struct clus_group *g);
/* Refusal for a request that needs a settled group; success when it is */
uint32_t group_busy_error(const struct clus_group *g);
/* May resources of @g be brought online where it is now? */
uint32_t group_owner_can_start(const struct clus_group *g);
void group_waiters_wake(struct clus_group *g, uint32_t result);
void group_wake_on_commit(struct clus_txn *t, struct clus_group *g,
			  uint32_t result);

/* resource.c */
struct clus_resource *resource_new(struct clus_txn *t, const char *name,
				   const char *id);
void resource_link(struct clus_txn *t, struct clus_resource *r,
		   struct clus_group *g);
/* A new resource of @type in @g, announced; @id NULL: a new GUID */
struct clus_resource *resource_add(struct clus_txn *t, struct clus_group *g,
				   const char *name, const char *id,
				   struct clus_restype *type);
void res_set_state(struct clus_txn *t, struct clus_resource *r,
		   uint32_t state);
bool res_is_stopped(const struct clus_resource *r);
bool res_dependents_stopped(const struct clus_resource *r);
bool res_providers_online(const struct clus_resource *r);
void resource_unlink_deleted(struct clus_txn *t, struct clus_resource *r);
/* @r moved to @g alone (no dependencies checked), announced */
void resource_set_group(struct clus_txn *t, struct clus_resource *r,
			struct clus_group *g);
/* @r out of the dependency expressions of its group's resources */
void resource_drop_dependents(struct clus_txn *t, struct clus_resource *r);
void resource_remove_node_refs(struct clus_txn *t, struct clus_resource *r,
			       struct clus_node *node);
struct clus_object *resource_resolve_in_group(void *private_data,
					      const char *name);

/* The operation running on a group (kept in its record; run by a backend) */
enum {
	CLUS_OP_NONE		= 0,
	CLUS_OP_ONLINE		= 1,	/* goal resources online */
	CLUS_OP_OFFLINE		= 2,	/* goal resources offline */
	CLUS_OP_MOVE		= 3,	/* client move */
	CLUS_OP_FAILOVER	= 4,	/* owner lost: start on new owner */
	CLUS_OP_RESTORE		= 5,	/* cancelled move: settle */
};

enum {
	CLUS_PHASE_STOPPING	= 1,
	CLUS_PHASE_STARTING	= 2,
};

enum {
	CLUS_GOAL_NONE		= 0,
	CLUS_GOAL_ONLINE	= 1,
	CLUS_GOAL_OFFLINE	= 2,
};

struct clus_group_op {
	uint32_t kind;			/* CLUS_OP_* */
	uint32_t phase;			/* CLUS_PHASE_* */
	uint32_t flags;			/* move flags */
	struct clus_node *source;	/* owner when the op started */
	struct clus_node *target;	/* move destination */
	struct clus_node *drain_node;	/* the node being drained */
	struct clus_resource *resource;	/* Pacemaker: the one resource */
	struct tevent_timer *te;
};

/* group.c: an Up candidate owner for @g, see there */
struct clus_node *group_pick_node(struct clus_model *m,
				  const struct clus_group *g,
				  const struct clus_node *exclude,
				  const struct clus_node *prefer);

/* registry.c */
struct clus_regkey *regkey_new(struct clus_txn *t, struct clus_regkey *parent,
			       const char *name);
void regkey_link(struct clus_txn *t, struct clus_regkey *key);
uint32_t txn_regkey_delete(struct clus_txn *t, struct clus_regkey *key);
uint32_t txn_regkey_delete_value(struct clus_txn *t, struct clus_regkey *key,
				 const char *name);
uint32_t regkey_create_path(struct clus_txn *t, struct clus_regkey *parent,
			    const char *subpath, struct clus_regkey **key,
			    bool *created);
uint32_t txn_regkey_set_value(struct clus_txn *t, struct clus_regkey *key,
			      const char *name, uint32_t type,
			      const uint8_t *data, uint32_t len);
extern const uint8_t clus_default_sd[];
extern const uint32_t clus_default_sd_len;

/* groupset.c */
struct clus_groupset *groupset_new(struct clus_txn *t, const char *name,
				   const char *id);
void groupset_remove_member(struct clus_txn *t, struct clus_groupset *set,
			    struct clus_group *g);
struct clus_object *groupset_resolve(void *private_data, const char *name);

/* config.c: builds a fresh model from INI text inside @t */
uint32_t config_apply(struct clus_txn *t, const char *text,
		      const char *filename, char **errmsg);
extern const char clus_default_cluster_config[];

/* store.c: the tdb file */
uint32_t store_open(struct clus_model *m, const char *dir, bool no_fsync,
		    char **errmsg);
bool store_is_empty(struct clus_store *s);
int store_begin(struct clus_store *s);
uint32_t store_put(struct clus_store *s, struct clus_object *obj);
int store_commit(struct clus_store *s);
void store_cancel(struct clus_store *s);
const char *store_path(const struct clus_store *s);
/* store_load.c: builds the model from the records */
uint32_t store_load(struct clus_model *m, char **errmsg);

#endif /* CLUSAPI_MODEL_PRIVATE_H */
