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
#include "model_objects.h"

/*
 * Object states, values as on the wire (MS-CMRP 3.1.4.2.x); server/rpc/
 * common.c asserts them against the IDL at build time.
 */
enum {
	CM_NODE_UP		= 0,
	CM_NODE_DOWN		= 1,
	CM_NODE_PAUSED		= 2,
	CM_NODE_JOINING		= 3,
};

enum {
	CM_GROUP_ONLINE		= 0,
	CM_GROUP_OFFLINE	= 1,
	CM_GROUP_FAILED		= 2,
	CM_GROUP_PARTIAL_ONLINE	= 3,
	CM_GROUP_PENDING	= 4,
};

enum {
	CM_RES_INITIALIZING	= 0x01,
	CM_RES_ONLINE		= 0x02,
	CM_RES_OFFLINE		= 0x03,
	CM_RES_FAILED		= 0x04,
	CM_RES_ONLINE_PENDING	= 0x81,
	CM_RES_OFFLINE_PENDING	= 0x82,
};

enum {
	CM_NETWORK_UNAVAILABLE	= 0,
	CM_NETWORK_DOWN		= 1,
	CM_NETWORK_PARTITIONED	= 2,
	CM_NETWORK_UP		= 3,
};

enum {
	CM_NETWORK_ROLE_NONE			= 0,
	CM_NETWORK_ROLE_INTERNAL		= 1,
	CM_NETWORK_ROLE_CLIENT			= 2,
	CM_NETWORK_ROLE_INTERNAL_AND_CLIENT	= 3,
};

enum {
	CM_NETIF_FAILED		= 0,
	CM_NETIF_UNREACHABLE	= 1,
	CM_NETIF_UNAVAILABLE	= 2,
	CM_NETIF_UP		= 3,
};

/*
 * Writable common properties changed together, in one transaction, by
 * clus_group_set_common() and its siblings: a NULL string, or a number
 * whose CM_COMMON_* bit is clear in @set, stays as it is.  Each kind
 * reads only the fields it has.
 */
enum {
	CM_COMMON_PERSISTENT_STATE	= 0x01,	/* groups, resources */
	CM_COMMON_PRIORITY		= 0x02,	/* groups */
	CM_COMMON_ROLE			= 0x04,	/* networks */
	CM_COMMON_LOOKS_ALIVE		= 0x08,	/* resource types */
	CM_COMMON_IS_ALIVE		= 0x10,	/* resource types */
};

struct clus_common_set {
	const char *name;		/* restype: its display name */
	const char *description;
	const char *dll_name;		/* resource types */
	uint32_t set;			/* CM_COMMON_* */
	uint32_t persistent_state;	/* as the property: 1 online */
	uint32_t priority;
	uint32_t role;			/* CM_NETWORK_ROLE_* */
	uint32_t looks_alive_ms;
	uint32_t is_alive_ms;
};

/* NODE_DRAIN_STATUS */
enum {
	CM_DRAIN_NOT_INITIATED	= 0,
	CM_DRAIN_IN_PROGRESS	= 1,
	CM_DRAIN_COMPLETED	= 2,
	CM_DRAIN_FAILED		= 3,
};

/* CLUSTER_GROUP_TYPE values the model itself uses */
enum {
	CM_GROUP_TYPE_CORE_CLUSTER	= 1,
	CM_GROUP_TYPE_AVAILABLE_STORAGE	= 2,
	CM_GROUP_TYPE_GENERIC_SERVICE	= 108,
	CM_GROUP_TYPE_UNKNOWN		= 9999,
};

/* Resource flags (CLUS_FLAG_CORE) */
#define CM_RES_FLAG_CORE		0x00000001

/* dwMoveFlags of ApiMoveGroupEx / ApiMoveGroupToNodeEx */
#define CM_MOVE_IGNORE_RESOURCE_STATUS		0x00000001
#define CM_MOVE_RETURN_TO_SOURCE_NODE_ON_ERROR	0x00000002
#define CM_MOVE_QUEUE_ENABLED			0x00000004
#define CM_MOVE_HIGH_PRIORITY_START		0x00000008
#define CM_MOVE_FAILBACK			0x00000010

/* Registry/property value types */
enum {
	CM_REG_NONE		= 0,
	CM_REG_SZ		= 1,
	CM_REG_EXPAND_SZ	= 2,
	CM_REG_BINARY		= 3,
	CM_REG_DWORD		= 4,
	CM_REG_MULTI_SZ		= 7,
	CM_REG_QWORD		= 11,
};

/*
 * Object types, numbered like CLUSTER_OBJECT_TYPE so that they can be
 * used as NOTIFY_FILTER_AND_TYPE_RPC.dwObjectType directly.
 */
enum {
	CM_OBJ_CLUSTER		= 0x01,
	CM_OBJ_GROUP		= 0x02,
	CM_OBJ_RESOURCE		= 0x03,
	CM_OBJ_RESOURCE_TYPE	= 0x04,
	CM_OBJ_NETINTERFACE	= 0x05,
	CM_OBJ_NETWORK		= 0x06,
	CM_OBJ_NODE		= 0x07,
	CM_OBJ_REGISTRY		= 0x08,
	CM_OBJ_GROUPSET		= 0x0d,
};

/* Version 1 notification filters: CLUSTER_CHANGE */
#define CM_CHANGE_NODE_STATE			0x00000001
#define CM_CHANGE_NODE_DELETED			0x00000002
#define CM_CHANGE_NODE_ADDED			0x00000004
#define CM_CHANGE_NODE_PROPERTY			0x00000008
#define CM_CHANGE_REGISTRY_NAME			0x00000010
#define CM_CHANGE_REGISTRY_ATTRIBUTES		0x00000020
#define CM_CHANGE_REGISTRY_VALUE		0x00000040
#define CM_CHANGE_REGISTRY_SUBTREE		0x00000080
#define CM_CHANGE_RESOURCE_STATE		0x00000100
#define CM_CHANGE_RESOURCE_DELETED		0x00000200
#define CM_CHANGE_RESOURCE_ADDED		0x00000400
#define CM_CHANGE_RESOURCE_PROPERTY		0x00000800
#define CM_CHANGE_GROUP_STATE			0x00001000
#define CM_CHANGE_GROUP_DELETED			0x00002000
#define CM_CHANGE_GROUP_ADDED			0x00004000
#define CM_CHANGE_GROUP_PROPERTY		0x00008000
#define CM_CHANGE_RESOURCE_TYPE_DELETED		0x00010000
#define CM_CHANGE_RESOURCE_TYPE_ADDED		0x00020000
#define CM_CHANGE_RESOURCE_TYPE_PROPERTY	0x00040000
#define CM_CHANGE_CLUSTER_RECONNECT		0x00080000
#define CM_CHANGE_NETWORK_STATE			0x00100000
#define CM_CHANGE_NETWORK_DELETED		0x00200000
#define CM_CHANGE_NETWORK_ADDED			0x00400000
#define CM_CHANGE_NETWORK_PROPERTY		0x00800000
#define CM_CHANGE_NETINTERFACE_STATE		0x01000000
#define CM_CHANGE_NETINTERFACE_DELETED		0x02000000
#define CM_CHANGE_NETINTERFACE_ADDED		0x04000000
#define CM_CHANGE_NETINTERFACE_PROPERTY		0x08000000
#define CM_CHANGE_QUORUM_STATE			0x10000000
#define CM_CHANGE_CLUSTER_STATE			0x20000000
#define CM_CHANGE_CLUSTER_PROPERTY		0x40000000
#define CM_CHANGE_HANDLE_CLOSE			0x80000000

/* Version 2 notification flags, per object type (CLUSTER_CHANGE_*_V2) */
#define CM_CHANGE_CLUSTER_GROUP_ADDED_V2		0x00000004
#define CM_CHANGE_CLUSTER_NETWORK_ADDED_V2		0x00000010
#define CM_CHANGE_CLUSTER_NODE_ADDED_V2			0x00000020
#define CM_CHANGE_CLUSTER_RESOURCE_TYPE_ADDED_V2	0x00000040
#define CM_CHANGE_CLUSTER_COMMON_PROPERTY_V2		0x00000080
#define CM_CHANGE_CLUSTER_PRIVATE_PROPERTY_V2		0x00000100
#define CM_CHANGE_CLUSTER_RENAME_V2			0x00000400

#define CM_CHANGE_GROUP_DELETED_V2		0x00000001
#define CM_CHANGE_GROUP_COMMON_PROPERTY_V2	0x00000002
#define CM_CHANGE_GROUP_PRIVATE_PROPERTY_V2	0x00000004
#define CM_CHANGE_GROUP_STATE_V2		0x00000008
#define CM_CHANGE_GROUP_OWNER_NODE_V2		0x00000010
#define CM_CHANGE_GROUP_PREFERRED_OWNERS_V2	0x00000020
#define CM_CHANGE_GROUP_RESOURCE_ADDED_V2	0x00000040
#define CM_CHANGE_GROUP_RESOURCE_GAINED_V2	0x00000080
#define CM_CHANGE_GROUP_RESOURCE_LOST_V2	0x00000100

#define CM_CHANGE_RESOURCE_COMMON_PROPERTY_V2	0x00000001
#define CM_CHANGE_RESOURCE_PRIVATE_PROPERTY_V2	0x00000002
#define CM_CHANGE_RESOURCE_STATE_V2		0x00000004
#define CM_CHANGE_RESOURCE_OWNER_GROUP_V2	0x00000008
#define CM_CHANGE_RESOURCE_DEPENDENCIES_V2	0x00000010
#define CM_CHANGE_RESOURCE_POSSIBLE_OWNERS_V2	0x00000040
#define CM_CHANGE_RESOURCE_DELETED_V2		0x00000080

#define CM_CHANGE_RESOURCE_TYPE_DELETED_V2		0x00000001
#define CM_CHANGE_RESOURCE_TYPE_COMMON_PROPERTY_V2	0x00000002
#define CM_CHANGE_RESOURCE_TYPE_PRIVATE_PROPERTY_V2	0x00000004

#define CM_CHANGE_NETINTERFACE_DELETED_V2	0x00000001
#define CM_CHANGE_NETINTERFACE_COMMON_PROPERTY_V2	0x00000002
#define CM_CHANGE_NETINTERFACE_PRIVATE_PROPERTY_V2	0x00000004
#define CM_CHANGE_NETINTERFACE_STATE_V2		0x00000008

#define CM_CHANGE_NETWORK_DELETED_V2		0x00000001
#define CM_CHANGE_NETWORK_COMMON_PROPERTY_V2	0x00000002
#define CM_CHANGE_NETWORK_PRIVATE_PROPERTY_V2	0x00000004
#define CM_CHANGE_NETWORK_STATE_V2		0x00000008

#define CM_CHANGE_NODE_DELETED_V2		0x00000002
#define CM_CHANGE_NODE_COMMON_PROPERTY_V2	0x00000004
#define CM_CHANGE_NODE_PRIVATE_PROPERTY_V2	0x00000008
#define CM_CHANGE_NODE_STATE_V2			0x00000010
#define CM_CHANGE_NODE_GROUP_GAINED_V2		0x00000020
#define CM_CHANGE_NODE_GROUP_LOST_V2		0x00000040

#define CM_CHANGE_REGISTRY_ATTRIBUTES_V2	0x00000001
#define CM_CHANGE_REGISTRY_NAME_V2		0x00000002
#define CM_CHANGE_REGISTRY_VALUE_V2		0x00000008

#define CM_CHANGE_GROUPSET_DELETED_V2		0x00000001
#define CM_CHANGE_GROUPSET_COMMON_PROPERTY_V2	0x00000002
#define CM_CHANGE_GROUPSET_GROUP_ADDED		0x00000010
#define CM_CHANGE_GROUPSET_GROUP_REMOVED	0x00000020
#define CM_CHANGE_GROUPSET_DEPENDENCIES_V2	0x00000040

/* ---------------------------------------------------------------------
 * Model lifetime
 * --------------------------------------------------------------------- */

typedef void (*clus_model_log_fn)(void *private_data, int level,
				  const char *msg);

/* A backend other than the simulated cluster (backend.h) */
struct clus_backend;

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
	/*
	 * NULL: the simulated cluster.  Otherwise the backend that opens
	 * the model from its cluster (server/pacemaker/pcmk_backend.h);
	 * state_dir, the config and transition_ms are the simulation's.
	 */
	const struct clus_backend *backend;
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
void clus_model_set_notify_queue_max(struct clus_model *m, uint32_t max);

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
/* CLUSCTL_CLUSTER_CHECK_VOTER_DOWN: would one more node down lose quorum */
bool clus_model_voter_down_loses_quorum(struct clus_model *m);

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
