/*
 * clusapi - the simulated failover cluster behind clusapid
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The cluster model knows nothing of RPC or NDR.  The RPC handlers
 * translate between the wire structures and the calls below.
 *
 * Conventions
 * - Every call that can fail returns a Windows error code (model_errors.h).
 *   Asynchronous operations return CM_ERROR_IO_PENDING when accepted.
 * - Strings are UTF-8, NUL terminated.  Names are compared without regard
 *   to ASCII case, as Windows compares cluster object names.
 * - The structures below are readable by callers; change them only
 *   through the functions declared here: every change is validated,
 *   applied to memory and stored in one tdb transaction, or not at all.
 * - Objects can be deleted by another client or by an operation running
 *   on a timer.  Do not keep object pointers across event loop
 *   iterations: keep the id (registry keys: the path) in the handle and
 *   look the object up again with clus_*_by_id() on each call.
 * - Property and registry value data uses the REG_* types.  String data
 *   (REG_SZ, REG_EXPAND_SZ, REG_MULTI_SZ) is UTF-8 with its NULs; the
 *   RPC layer converts it to UTF-16.  REG_DWORD is 4 bytes little endian.
 * - Asynchronous work (online, offline, moves, failover, drain) runs on
 *   tevent timers of the context given to clus_model_open(); nothing
 *   happens unless that loop runs.
 *
 * Persistence (details in store_format.c and store_load.c)
 * - <state_dir>/clusmodel.tdb, one record per object: "cluster",
 *   "node/<id>", "restype/<name>", "network/<id>", "netif/<id>",
 *   "group/<id>", "resource/<id>", "groupset/<id>", "regkey/<path>".
 *   Values: 'C' 'M', format version 1, object kind, then the fields in
 *   a fixed order (u32/u64 little endian, strings and blobs as u32
 *   length + bytes, references as ids).
 * - Every change is one tdb transaction over all the records it
 *   touches; a failed commit is undone in memory as well.
 * - A group record holds the operation running on it.  On open, an
 *   operation left by a crash (kill -9) is settled at once: a move lands
 *   on its target if that node is Up and possible, otherwise the group
 *   stays where it is; its resources take their persistent states.
 * - A record that is truncated, of another version, under the wrong key
 *   or pointing at a missing object fails the open with
 *   CM_ERROR_BADDB and a message naming the record.  Notification ports
 *   and client handles are not stored.
 * - An empty store is filled from the config (format in config.c) or
 *   the embedded default cluster (default_cluster.c); a non-empty store
 *   ignores the config.
 */

#ifndef CLUSAPI_MODEL_H
#define CLUSAPI_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <talloc.h>
#include <tevent.h>

#include "model_errors.h"
#include "model_wire.h"
#include "model_objects.h"

/* ---------------------------------------------------------------------
 * Model lifetime
 * --------------------------------------------------------------------- */

typedef void (*clus_model_log_fn)(void *private_data, int level,
				  const char *msg);

struct clus_model_options {
	/*
	 * Directory holding "clusmodel.tdb".  NULL keeps the model in
	 * memory only (tests, benchmarks).
	 */
	const char *state_dir;
	/*
	 * Initial cluster when the store is empty: config_text wins over
	 * config_file; with neither the embedded default cluster is used
	 * (default_cluster.c).  See config.c for the format.
	 */
	const char *config_file;
	const char *config_text;
	/* Duration of each OnlinePending/OfflinePending step */
	uint32_t transition_ms;
	/* Do not fsync transactions: still safe against kill -9 */
	bool no_fsync;
	/* Events a notification port holds; 0: CM_NOTIFY_QUEUE_MAX */
	uint32_t notify_queue_max;
	/* Optional logging: level 0 error, 1 warning, 2 info, 3+ debug */
	clus_model_log_fn log_fn;
	void *log_private;
};

/*
 * Open the store in opts->state_dir, or create the initial cluster in it
 * when it is empty.  Moves that were in flight when the previous process
 * died are completed or rolled back before this returns.  On failure
 * *errmsg (allocated on mem_ctx) says what is wrong, e.g. which record
 * is corrupt, or file:line of a bad config line.
 */
uint32_t clus_model_open(TALLOC_CTX *mem_ctx,
			 struct tevent_context *ev,
			 const struct clus_model_options *opts,
			 struct clus_model **pmodel,
			 char **errmsg);

struct tevent_context *clus_model_ev(struct clus_model *m);
void clus_model_set_transition_ms(struct clus_model *m, uint32_t ms);
uint32_t clus_model_transition_ms(struct clus_model *m);

/* Tests only: make the next @count store commits fail */
void clus_model_test_fail_commits(struct clus_model *m, uint32_t count);

/* ---------------------------------------------------------------------
 * Cluster
 * --------------------------------------------------------------------- */

const struct clus_cluster *clus_model_cluster(struct clus_model *m);
struct clus_node *clus_model_local_node(struct clus_model *m);
/* Returns CM_ERROR_RESOURCE_PROPERTIES_STORED on success, like Windows */
uint32_t clus_model_set_cluster_name(struct clus_model *m, const char *name);
struct clus_resource *clus_model_quorum_resource(struct clus_model *m);
uint32_t clus_model_set_quorum_resource(struct clus_model *m,
					struct clus_resource *res,
					const char *path,
					uint32_t max_log_size);

/* ---------------------------------------------------------------------
 * Lookup and enumeration.  *_by_name and *_by_id return NULL when there
 * is no such object; *_lookup tries the name, then the id, and returns
 * the object type's "not found" error.  Enumeration is in creation
 * order, stable across restarts.
 * --------------------------------------------------------------------- */

struct clus_node *clus_node_by_name(struct clus_model *m, const char *name);
struct clus_node *clus_node_by_id(struct clus_model *m, const char *id);
uint32_t clus_node_lookup(struct clus_model *m, const char *name,
			  struct clus_node **node);
uint32_t clus_model_num_nodes(struct clus_model *m);
struct clus_node *clus_node_first(struct clus_model *m);
struct clus_node *clus_node_next(struct clus_node *node);

struct clus_group *clus_group_by_name(struct clus_model *m, const char *name);
struct clus_group *clus_group_by_id(struct clus_model *m, const char *id);
uint32_t clus_group_lookup(struct clus_model *m, const char *name,
			   struct clus_group **group);
uint32_t clus_model_num_groups(struct clus_model *m);
struct clus_group *clus_group_first(struct clus_model *m);
struct clus_group *clus_group_next(struct clus_group *group);

struct clus_resource *clus_resource_by_name(struct clus_model *m,
					    const char *name);
struct clus_resource *clus_resource_by_id(struct clus_model *m,
					  const char *id);
uint32_t clus_resource_lookup(struct clus_model *m, const char *name,
			      struct clus_resource **res);
uint32_t clus_model_num_resources(struct clus_model *m);
struct clus_resource *clus_resource_first(struct clus_model *m);
struct clus_resource *clus_resource_next(struct clus_resource *res);
struct clus_resource *clus_group_first_resource(struct clus_group *group);
struct clus_resource *clus_group_next_resource(struct clus_resource *res);

struct clus_restype *clus_restype_by_name(struct clus_model *m,
					  const char *name);
uint32_t clus_restype_lookup(struct clus_model *m, const char *name,
			     struct clus_restype **type);
uint32_t clus_model_num_restypes(struct clus_model *m);
struct clus_restype *clus_restype_first(struct clus_model *m);
struct clus_restype *clus_restype_next(struct clus_restype *type);

struct clus_network *clus_network_by_name(struct clus_model *m,
					  const char *name);
struct clus_network *clus_network_by_id(struct clus_model *m, const char *id);
uint32_t clus_network_lookup(struct clus_model *m, const char *name,
			     struct clus_network **net);
uint32_t clus_model_num_networks(struct clus_model *m);
struct clus_network *clus_network_first(struct clus_model *m);
struct clus_network *clus_network_next(struct clus_network *net);

struct clus_netif *clus_netif_by_name(struct clus_model *m, const char *name);
struct clus_netif *clus_netif_by_id(struct clus_model *m, const char *id);
uint32_t clus_netif_lookup(struct clus_model *m, const char *name,
			   struct clus_netif **netif);
/* ApiGetNetInterface: the interface of @node on @net */
uint32_t clus_netif_find(struct clus_model *m, struct clus_node *node,
			 struct clus_network *net, struct clus_netif **netif);
uint32_t clus_model_num_netifs(struct clus_model *m);
struct clus_netif *clus_netif_first(struct clus_model *m);
struct clus_netif *clus_netif_next(struct clus_netif *netif);

struct clus_groupset *clus_groupset_by_name(struct clus_model *m,
					    const char *name);
struct clus_groupset *clus_groupset_by_id(struct clus_model *m,
					  const char *id);
uint32_t clus_groupset_lookup(struct clus_model *m, const char *name,
			      struct clus_groupset **set);
uint32_t clus_model_num_groupsets(struct clus_model *m);
struct clus_groupset *clus_groupset_first(struct clus_model *m);
struct clus_groupset *clus_groupset_next(struct clus_groupset *set);

/* The calls of each object family */
#include "model_node.h"
#include "model_group.h"
#include "model_resource.h"
#include "model_registry.h"
#include "model_notify.h"

#endif /* CLUSAPI_MODEL_H */
