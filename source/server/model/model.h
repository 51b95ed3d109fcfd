/*
 * clusapi - the simulated failover cluster behind clusapid
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
 * Persistence (details in store.c)
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

#ifndef __CLUSAPI_MODEL_H__
#define __CLUSAPI_MODEL_H__

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <talloc.h>
#include <tevent.h>

#include "model_errors.h"

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

#define CM_CHANGE_NETINTERFACE_DELETED_V2	0x00000001
#define CM_CHANGE_NETINTERFACE_STATE_V2		0x00000008

#define CM_CHANGE_NETWORK_DELETED_V2		0x00000001
#define CM_CHANGE_NETWORK_COMMON_PROPERTY_V2	0x00000002
#define CM_CHANGE_NETWORK_STATE_V2		0x00000008

#define CM_CHANGE_NODE_DELETED_V2		0x00000002
#define CM_CHANGE_NODE_COMMON_PROPERTY_V2	0x00000004
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
 * Object structures.  Fields after a "private" comment belong to the
 * model and may change without notice.
 * --------------------------------------------------------------------- */

/* Intrusive doubly linked list, in creation order */
struct clus_link {
	struct clus_link *prev, *next;
};

struct clus_list {
	struct clus_link *first, *last;
	uint32_t count;
};

/* Header of every stored object */
struct clus_object {
	uint8_t kind;			/* CLUS_KIND_*, model_private.h */
	bool dirty;			/* private: changed in this txn */
	bool deleted;			/* private: deleted in this txn */
	uint64_t seq;			/* creation order */
};

struct clus_prop {
	char *name;
	uint32_t type;			/* CM_REG_* */
	uint8_t *data;
	uint32_t len;
};

struct clus_proplist {
	struct clus_prop *props;
	uint32_t count;
};

/*
 * A parsed dependency expression: "[A] and ([B] or [C])".  References
 * point at resources (resource dependencies) or at groups and group
 * sets (group and group set dependencies).
 */
enum {
	CM_DEP_REF	= 1,
	CM_DEP_AND	= 2,
	CM_DEP_OR	= 3,
	CM_DEP_LPAREN	= 4,
	CM_DEP_RPAREN	= 5,
};

struct clus_deptoken {
	uint8_t kind;			/* CM_DEP_* */
	struct clus_object *ref;	/* for CM_DEP_REF */
};

struct clus_depexpr {
	struct clus_deptoken *tokens;
	uint32_t num_tokens;
};

struct clus_version {
	uint16_t major;
	uint16_t minor;
	uint16_t build;
	char *vendor;
	char *csd_version;
	uint32_t highest_version;	/* NodeHighestVersion */
	uint32_t lowest_version;	/* NodeLowestVersion */
};

struct clus_cluster {
	struct clus_object obj;
	char *name;
	char *instance_id;		/* = root value ClusterInstanceID */
	struct clus_version version;
	char *local_node_id;		/* the node clusapid "runs on" */
	char *quorum_resource_id;	/* "" when there is none */
	char *quorum_path;
	uint32_t quorum_max_log_size;
	/* private */
	uint64_t next_seq;
	uint32_t next_node_id;
};

struct clus_node {
	struct clus_object obj;
	struct clus_link link;
	char *name;
	char *id;			/* "1", "2", ... like Windows */
	char *instance_id;		/* NodeInstanceID */
	uint32_t state;			/* CM_NODE_* */
	uint32_t state_seq;
	uint32_t drain_status;		/* CM_DRAIN_* */
	char *drain_target_id;		/* drained to; "" = best node */
	/* private */
	uint32_t drain_pending;		/* drain moves still running */
	uint32_t drain_failed;		/* drain moves that failed */
};

struct clus_restype {
	struct clus_object obj;
	struct clus_link link;
	char *name;			/* also its id */
	char *display_name;
	char *dll_name;
	uint32_t looks_alive_ms;
	uint32_t is_alive_ms;
	uint32_t characteristics;	/* CLUS_CHAR_* */
	uint32_t res_class;		/* CLUS_RESCLASS_* */
	uint32_t res_subclass;
};

struct clus_network {
	struct clus_object obj;
	struct clus_link link;
	char *name;
	char *id;
	char *description;
	uint32_t state;			/* CM_NETWORK_* */
	uint32_t role;			/* CM_NETWORK_ROLE_* */
	char *address;
	char *address_mask;
	uint32_t priority;		/* internal priority, 1 = first */
};

struct clus_netif {
	struct clus_object obj;
	struct clus_link link;
	char *name;			/* "NodeA - Ethernet" */
	char *id;
	char *description;
	struct clus_node *node;
	struct clus_network *network;
	char *adapter;
	char *address;
	uint32_t state;			/* CM_NETIF_* */
};

struct clus_group_op;
struct clus_group_waiter;
struct clus_groupset;

struct clus_group {
	struct clus_object obj;
	struct clus_link link;
	char *name;
	char *id;
	struct clus_node *owner;
	struct clus_node **preferred;	/* preferred owners, in order */
	uint32_t num_preferred;
	uint32_t state;			/* CM_GROUP_*, derived */
	uint32_t state_seq;		/* increases on every state change */
	uint32_t persistent_state;	/* CM_GROUP_ONLINE or _OFFLINE */
	uint32_t flags;
	uint32_t group_type;
	uint32_t priority;
	char *description;
	struct clus_proplist props;	/* private properties */
	struct clus_list resources;	/* struct clus_resource.group_link */
	struct clus_groupset *groupset;	/* NULL when in no set */
	struct clus_depexpr deps;	/* on groups and group sets */
	/* private */
	struct clus_group_op *op;	/* NULL when settled */
	struct clus_group_waiter *waiters;
};

struct clus_resource {
	struct clus_object obj;
	struct clus_link link;		/* all resources */
	struct clus_link group_link;	/* resources of one group */
	char *name;
	char *id;
	char *description;
	struct clus_restype *type;
	struct clus_group *group;
	uint32_t state;			/* CM_RES_* */
	uint32_t state_seq;
	uint32_t persistent_state;	/* CM_RES_ONLINE or CM_RES_OFFLINE */
	uint32_t flags;			/* CM_RES_FLAG_* */
	uint32_t create_flags;		/* dwFlags of ApiCreateResource */
	struct clus_node **possible;	/* possible owners */
	uint32_t num_possible;
	struct clus_depexpr deps;	/* providers this one depends on */
	struct clus_proplist props;	/* private properties */
	/* private */
	uint8_t goal;
};

struct clus_regkey {
	struct clus_object obj;
	char *name;			/* last component, "" for root */
	char *path;			/* "Sub\\Key" below root, "" root */
	struct clus_regkey *parent;
	struct clus_regkey **subkeys;	/* sorted by name, ignoring case */
	uint32_t num_subkeys;
	struct clus_proplist values;	/* creation order; "" = default */
	uint8_t *sd;			/* self-relative descriptor */
	uint32_t sd_len;
	uint64_t last_write;		/* NTTIME */
};

struct clus_groupset {
	struct clus_object obj;
	struct clus_link link;
	char *name;
	char *id;
	struct clus_group **members;
	uint32_t num_members;
	uint32_t startup_delay_trigger;
	uint32_t startup_count;
	uint32_t startup_delay;
	bool is_global;
	struct clus_depexpr deps;	/* on other group sets */
};

struct clus_model;

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

/* ---------------------------------------------------------------------
 * Nodes
 * --------------------------------------------------------------------- */

/*
 * ApiPauseNode(Ex).  Already paused: success.  Not Up:
 * CM_ERROR_CLUSTER_NODE_DOWN.  With @drain every group the node owns is
 * moved away asynchronously, to @drain_target or, when NULL, to each
 * group's best node; node->drain_status tracks it.
 */
uint32_t clus_node_pause(struct clus_model *m, struct clus_node *node,
			 bool drain, struct clus_node *drain_target);
/*
 * ApiResumeNode(Ex).  Not paused: CM_ERROR_CLUSTER_NODE_NOT_PAUSED.  With
 * @failback, settled groups whose first preferred owner is this node move
 * back to it.
 */
uint32_t clus_node_resume(struct clus_model *m, struct clus_node *node,
			  bool failback);
/*
 * ApiEvictNode.  The node's groups fail over first; it disappears from
 * all preferred and possible owner lists; its interfaces are deleted.
 */
uint32_t clus_node_evict(struct clus_model *m, struct clus_node *node);
/*
 * Simulation control: CM_NODE_DOWN (its groups fail over to their best
 * node, or go Failed when there is none), CM_NODE_JOINING, CM_NODE_UP
 * (groups stranded on down nodes fail over again).
 */
uint32_t clus_node_set_state(struct clus_model *m, struct clus_node *node,
			     uint32_t state);

/* ---------------------------------------------------------------------
 * Groups
 * --------------------------------------------------------------------- */

/* Owned by the local node; type CM_GROUP_TYPE_UNKNOWN for ApiCreateGroup */
uint32_t clus_group_create(struct clus_model *m, const char *name,
			   uint32_t group_type, struct clus_group **group);
/*
 * Non-empty group: CM_ERROR_DIR_NOT_EMPTY unless @force; a core resource
 * inside: CM_ERROR_CORE_RESOURCE.
 */
uint32_t clus_group_delete(struct clus_model *m, struct clus_group *group,
			   bool force);
uint32_t clus_group_rename(struct clus_model *m, struct clus_group *group,
			   const char *name);
uint32_t clus_group_set_preferred_owners(struct clus_model *m,
					 struct clus_group *group,
					 struct clus_node **nodes,
					 uint32_t num_nodes);
uint32_t clus_group_set_priority(struct clus_model *m,
				 struct clus_group *group, uint32_t priority);
uint32_t clus_group_set_type(struct clus_model *m, struct clus_group *group,
			     uint32_t group_type);
uint32_t clus_group_set_description(struct clus_model *m,
				    struct clus_group *group,
				    const char *description);
uint32_t clus_group_set_prop(struct clus_model *m, struct clus_group *group,
			     const char *name, uint32_t type,
			     const uint8_t *data, uint32_t len);
uint32_t clus_group_del_prop(struct clus_model *m, struct clus_group *group,
			     const char *name);

/*
 * Bring every resource online (CM_ERROR_IO_PENDING) or report
 * CM_ERROR_SUCCESS when it already is.  Groups on a paused node are not
 * brought online (CM_ERROR_CLUSTER_NODE_PAUSED).
 */
uint32_t clus_group_online(struct clus_model *m, struct clus_group *group);
uint32_t clus_group_offline(struct clus_model *m, struct clus_group *group);

/*
 * ApiMoveGroup(Ex) with @target NULL, ApiMoveGroupToNode(Ex) otherwise.
 *   target owns the group               CM_ERROR_SUCCESS, nothing changes
 *   group already pending or moving     CM_ERROR_CLUSTER_GROUP_MOVING
 *   target paused                       CM_ERROR_CLUSTER_NODE_PAUSED
 *   target down or joining              CM_ERROR_HOST_NODE_NOT_AVAILABLE
 *   target not a possible owner of      CM_ERROR_HOST_NODE_NOT_GROUP_OWNER
 *   every resource
 *   no target given and no node fits    CM_ERROR_HOST_NODE_NOT_AVAILABLE
 *   accepted                            CM_ERROR_IO_PENDING
 * Refusals change nothing.  An accepted move takes the online resources
 * offline (OfflinePending, then Offline), hands the group to the target
 * and brings every resource to its persistent state there (OnlinePending,
 * then Online).  The group is Pending until then, and ends Online,
 * PartialOnline or Offline on the target, or Failed when the target went
 * away meanwhile (back on the source with
 * CM_MOVE_RETURN_TO_SOURCE_NODE_ON_ERROR).
 */
uint32_t clus_group_move(struct clus_model *m, struct clus_group *group,
			 struct clus_node *target, uint32_t flags);
/*
 * The node a move without target would pick: the preferred owners in
 * order, then any other node; it must be Up (not paused), not the current
 * owner and a possible owner of every resource.  NULL when none fits.
 */
struct clus_node *clus_group_best_node(struct clus_model *m,
				       struct clus_group *group);
/*
 * ApiCancelClusterGroupOperation.  @flags != 0: CM_ERROR_INVALID_PARAMETER;
 * group not pending: CM_ERROR_INVALID_STATE.  Otherwise the move stops and
 * the group settles on the node that owns it: CM_ERROR_IO_PENDING.
 */
uint32_t clus_group_cancel_operation(struct clus_model *m,
				     struct clus_group *group,
				     uint32_t flags);
/* True while an online, offline, move or failover is running */
bool clus_group_is_pending(const struct clus_group *group);
/* True if @node may own @group (possible owner of every resource) */
bool clus_group_node_is_possible(const struct clus_group *group,
				 const struct clus_node *node);

/*
 * Completes when the group has no operation running (at once if it has
 * none).  recv returns CM_ERROR_SUCCESS, or CM_ERROR_GROUP_NOT_FOUND when
 * the group was deleted meanwhile.  Use tevent_req_set_endtime() for a
 * timeout (recv then returns CM_ERROR_IO_PENDING).
 */
struct tevent_req *clus_group_wait_send(TALLOC_CTX *mem_ctx,
					struct tevent_context *ev,
					struct clus_model *m,
					struct clus_group *group);
uint32_t clus_group_wait_recv(struct tevent_req *req);

/* Group dependencies (stored and reported, not enforced) */
uint32_t clus_group_set_dependency_expression(struct clus_model *m,
					      struct clus_group *group,
					      const char *expression);
uint32_t clus_group_remove_dependency(struct clus_model *m,
				      struct clus_group *group,
				      struct clus_group *provider);
uint32_t clus_group_add_groupset_dependency(struct clus_model *m,
					    struct clus_group *group,
					    struct clus_groupset *provider);
uint32_t clus_group_remove_groupset_dependency(struct clus_model *m,
					       struct clus_group *group,
					       struct clus_groupset *provider);

/* ---------------------------------------------------------------------
 * Resources
 * --------------------------------------------------------------------- */

/*
 * New resources are Offline, possible on every node.
 * Name taken by a resource (name or id): CM_ERROR_OBJECT_ALREADY_EXISTS;
 * unknown type: CM_ERROR_CLUSTER_RESOURCE_TYPE_NOT_FOUND.
 */
uint32_t clus_resource_create(struct clus_model *m, struct clus_group *group,
			      const char *name, const char *type_name,
			      uint32_t create_flags,
			      struct clus_resource **res);
/*
 * Core or quorum resource: CM_ERROR_CORE_RESOURCE; not Offline or Failed:
 * CM_ERROR_RESOURCE_ONLINE.  Dependencies on and of it are removed.
 */
uint32_t clus_resource_delete(struct clus_model *m, struct clus_resource *res);
uint32_t clus_resource_rename(struct clus_model *m, struct clus_resource *res,
			      const char *name);
/*
 * Online: its providers come online first.  Offline: its dependents go
 * offline first.  Both set the persistent state and return
 * CM_ERROR_IO_PENDING, or CM_ERROR_SUCCESS if nothing is to be done.
 */
uint32_t clus_resource_online(struct clus_model *m, struct clus_resource *res);
uint32_t clus_resource_offline(struct clus_model *m,
			       struct clus_resource *res);
/* Not Online or OnlinePending: CM_ERROR_RESOURCE_NOT_ONLINE */
uint32_t clus_resource_fail(struct clus_model *m, struct clus_resource *res);
/*
 * Dependencies live inside one group.  Adding one appends "and [p]" to
 * the expression; removing one rebuilds it as an AND of the rest.
 * Only AND is enforced when bringing resources online: every provider
 * named in an expression must be Online first.
 */
uint32_t clus_resource_can_depend(struct clus_model *m,
				  struct clus_resource *res,
				  struct clus_resource *provider);
uint32_t clus_resource_add_dependency(struct clus_model *m,
				      struct clus_resource *res,
				      struct clus_resource *provider);
uint32_t clus_resource_remove_dependency(struct clus_model *m,
					 struct clus_resource *res,
					 struct clus_resource *provider);
uint32_t clus_resource_set_dependency_expression(struct clus_model *m,
						 struct clus_resource *res,
						 const char *expression);
/* "[Name] and [Other]" with current names; "" when there is none */
char *clus_resource_dependency_expression(TALLOC_CTX *mem_ctx,
					  const struct clus_resource *res);
bool clus_resource_depends_on(const struct clus_resource *res,
			      const struct clus_resource *provider);
uint32_t clus_resource_add_possible_owner(struct clus_model *m,
					  struct clus_resource *res,
					  struct clus_node *node);
uint32_t clus_resource_remove_possible_owner(struct clus_model *m,
					     struct clus_resource *res,
					     struct clus_node *node);
bool clus_resource_is_possible_owner(const struct clus_resource *res,
				     const struct clus_node *node);
/* Moves @res and every resource it is tied to by dependencies */
uint32_t clus_resource_change_group(struct clus_model *m,
				    struct clus_resource *res,
				    struct clus_group *group);
/*
 * ApiGetResourceNetworkName: the DNS name of the Network Name resource
 * @res depends on, else of one in its group, else the cluster name.
 * Never fails.
 */
const char *clus_resource_network_name(struct clus_model *m,
				       const struct clus_resource *res);
uint32_t clus_resource_set_description(struct clus_model *m,
				       struct clus_resource *res,
				       const char *description);
uint32_t clus_resource_set_prop(struct clus_model *m,
				struct clus_resource *res, const char *name,
				uint32_t type, const uint8_t *data,
				uint32_t len);
uint32_t clus_resource_del_prop(struct clus_model *m,
				struct clus_resource *res, const char *name);

/* Property lists (groups, resources) */
const struct clus_prop *clus_prop_get(const struct clus_proplist *list,
				      const char *name);
/* The REG_SZ value of @name, or NULL */
const char *clus_prop_get_sz(const struct clus_proplist *list,
			     const char *name);

/* ---------------------------------------------------------------------
 * Resource types
 * --------------------------------------------------------------------- */

/* Existing name: CM_ERROR_ALREADY_EXISTS */
uint32_t clus_restype_create(struct clus_model *m, const char *name,
			     const char *display_name, const char *dll_name,
			     uint32_t looks_alive_ms, uint32_t is_alive_ms,
			     struct clus_restype **type);
/* Resources of the type exist: CM_ERROR_DIR_NOT_EMPTY */
uint32_t clus_restype_delete(struct clus_model *m, struct clus_restype *type);
uint32_t clus_restype_num_resources(struct clus_model *m,
				    const struct clus_restype *type);

/* ---------------------------------------------------------------------
 * Networks and network interfaces
 * --------------------------------------------------------------------- */

uint32_t clus_network_rename(struct clus_model *m, struct clus_network *net,
			     const char *name);
/* ApiSetNetworkPriorityOrder: every internal network, once, in order */
uint32_t clus_network_set_priority_order(struct clus_model *m,
					 struct clus_network **nets,
					 uint32_t num_nets);

/* ---------------------------------------------------------------------
 * Cluster registry.  Paths are relative to the root key, components
 * separated by '\'.
 * --------------------------------------------------------------------- */

struct clus_regkey *clus_regkey_root(struct clus_model *m);
struct clus_regkey *clus_regkey_by_path(struct clus_model *m,
					const char *path);
/* Missing: CM_ERROR_FILE_NOT_FOUND */
uint32_t clus_regkey_open(struct clus_model *m, struct clus_regkey *parent,
			  const char *subpath, struct clus_regkey **key);
/* Creates missing intermediate keys; *created tells if the key is new */
uint32_t clus_regkey_create(struct clus_model *m, struct clus_regkey *parent,
			    const char *subpath, struct clus_regkey **key,
			    bool *created);
/* Root: CM_ERROR_ACCESS_DENIED; has subkeys: CM_ERROR_ACCESS_DENIED */
uint32_t clus_regkey_delete(struct clus_model *m, struct clus_regkey *key);
const struct clus_prop *clus_regkey_get_value(const struct clus_regkey *key,
					      const char *name);
uint32_t clus_regkey_set_value(struct clus_model *m, struct clus_regkey *key,
			       const char *name, uint32_t type,
			       const uint8_t *data, uint32_t len);
/* Missing: CM_ERROR_FILE_NOT_FOUND */
uint32_t clus_regkey_delete_value(struct clus_model *m,
				  struct clus_regkey *key, const char *name);
uint32_t clus_regkey_set_security(struct clus_model *m,
				  struct clus_regkey *key,
				  const uint8_t *sd, uint32_t sd_len);

/*
 * ApiExecuteBatch: the commands (CLUSTER_REG_BATCH_COMMAND values) in
 * order, in one transaction.  Names are relative to @key (keys) or to
 * the current key (values).  A failed command or condition cancels
 * everything and sets *failed to its index (-1 when none ran); a
 * condition that does not hold is CM_ERROR_INVALID_STATE.
 */
enum {
	CM_BATCH_SET_VALUE			= 1,
	CM_BATCH_CREATE_KEY			= 2,
	CM_BATCH_DELETE_KEY			= 3,
	CM_BATCH_DELETE_VALUE			= 4,
	CM_BATCH_CONDITION_EXISTS		= 11,
	CM_BATCH_CONDITION_NOT_EXISTS		= 12,
	CM_BATCH_CONDITION_IS_EQUAL		= 13,
	CM_BATCH_CONDITION_IS_NOT_EQUAL		= 14,
	CM_BATCH_CONDITION_IS_GREATER_THAN	= 15,
	CM_BATCH_CONDITION_IS_LESS_THAN		= 16,
	CM_BATCH_CONDITION_KEY_EXISTS		= 17,
	CM_BATCH_CONDITION_KEY_NOT_EXISTS	= 18,
};

struct clus_regbatch_cmd {
	uint32_t command;
	uint32_t type;			/* CM_REG_* for values */
	const char *name;
	const uint8_t *data;		/* the model's value form */
	uint32_t len;
};

uint32_t clus_regkey_batch(struct clus_model *m, struct clus_regkey *key,
			   const struct clus_regbatch_cmd *cmds,
			   uint32_t num_cmds, int32_t *failed);

struct clus_regkey_info {
	uint32_t num_subkeys;
	uint32_t max_subkey_len;	/* characters, like RegQueryInfoKey */
	uint32_t num_values;
	uint32_t max_value_name_len;
	uint32_t max_value_len;		/* bytes as stored (UTF-8) */
	uint32_t sd_len;
	uint64_t last_write;
};
void clus_regkey_query_info(const struct clus_regkey *key,
			    struct clus_regkey_info *info);

/* ---------------------------------------------------------------------
 * Group sets
 * --------------------------------------------------------------------- */

/* Empty name: CM_ERROR_INVALID_NAME; taken: CM_ERROR_OBJECT_ALREADY_EXISTS */
uint32_t clus_groupset_create(struct clus_model *m, const char *name,
			      struct clus_groupset **set);
/* Set with members: CM_ERROR_DIR_NOT_EMPTY */
uint32_t clus_groupset_delete(struct clus_model *m, struct clus_groupset *set);
/* Group in another set: CM_ERROR_INVALID_STATE; in this one: ..._EXISTS */
uint32_t clus_groupset_add_group(struct clus_model *m,
				 struct clus_groupset *set,
				 struct clus_group *group);
/* Group in no set: CM_ERROR_INVALID_STATE */
uint32_t clus_groupset_remove_group(struct clus_model *m,
				    struct clus_group *group);
/* Leaves its current set, if any, and joins @set */
uint32_t clus_groupset_move_group(struct clus_model *m,
				  struct clus_groupset *set,
				  struct clus_group *group);
uint32_t clus_groupset_set_startup(struct clus_model *m,
				   struct clus_groupset *set,
				   uint32_t delay_trigger, uint32_t count,
				   uint32_t delay, bool is_global);
uint32_t clus_groupset_add_dependency(struct clus_model *m,
				      struct clus_groupset *set,
				      struct clus_groupset *provider);
uint32_t clus_groupset_remove_dependency(struct clus_model *m,
					 struct clus_groupset *set,
					 struct clus_groupset *provider);
uint32_t clus_groupset_set_dependency_expression(struct clus_model *m,
						 struct clus_groupset *set,
						 const char *expression);

/* Dependency expression text of a group or group set with current names */
char *clus_depexpr_string(TALLOC_CTX *mem_ctx,
			  const struct clus_depexpr *expr);

/* ---------------------------------------------------------------------
 * Notification ports.  Not stored: they live as long as the caller's
 * talloc context (or until the model goes away).
 * --------------------------------------------------------------------- */

struct clus_notify_event {
	uint32_t notify_key;		/* dwNotifyKey of the filter */
	uint32_t object_type;		/* CM_OBJ_* */
	uint32_t filter;		/* v1: one CM_CHANGE_* bit */
	uint64_t filter_flags;		/* v2: one CM_CHANGE_*_V2 bit */
	uint32_t state_sequence;	/* of the object, 0 if it has none */
	char *name;			/* object name (registry: path) */
	char *object_id;
	char *parent_id;		/* group: owner node id; resource:
					   group id; netif: node id */
	char *type;			/* resource: type name, else "" */
	/*
	 * v2 payload.  For *_STATE_V2 events the new state as 4 bytes
	 * little endian; empty otherwise.
	 */
	uint8_t *buffer;
	uint32_t buffer_len;
	uint32_t state;			/* new state for state events */
};

struct clus_notify_port;

/* @version 1 (ApiCreateNotify) or 2 (ApiCreateNotifyV2) */
uint32_t clus_notify_port_create(TALLOC_CTX *mem_ctx, struct clus_model *m,
				 uint32_t version,
				 struct clus_notify_port **port);
uint32_t clus_notify_port_version(const struct clus_notify_port *port);

/*
 * Version 1 filter (ApiAddNotifyCluster/Node/Group/Resource/Key/Network/
 * NetInterface).  @object_type CM_OBJ_CLUSTER with @object_id NULL
 * watches every object.  For CM_OBJ_REGISTRY @object_id is the key path
 * and @watch_subtree includes the keys below it.  Filters the spec
 * forbids (REGISTRY_SUBTREE, CLUSTER_STATE, CLUSTER_RECONNECT,
 * HANDLE_CLOSE) or an empty filter: CM_ERROR_INVALID_PARAMETER.
 * *state_seq (may be NULL) receives the object's state sequence.
 */
uint32_t clus_notify_add_v1(struct clus_notify_port *port,
			    uint32_t object_type, const char *object_id,
			    uint32_t filter, uint32_t notify_key,
			    bool watch_subtree, uint32_t *state_seq);
/* ApiReAddNotify*: as add, plus a state event if @state_seq is stale */
uint32_t clus_notify_readd_v1(struct clus_notify_port *port,
			      uint32_t object_type, const char *object_id,
			      uint32_t filter, uint32_t notify_key,
			      uint32_t state_seq);
/*
 * Version 2 filter (ApiAddNotifyV2): events of @object_type whose flag
 * is in @filter_flags; only of @object_id if it is not NULL.
 */
uint32_t clus_notify_add_v2(struct clus_notify_port *port,
			    uint32_t object_type, uint64_t filter_flags,
			    const char *object_id, uint32_t notify_key,
			    uint32_t version);

uint32_t clus_notify_port_num_events(const struct clus_notify_port *port);
/* Events lost because the queue was full (notify_queue_max) */
uint32_t clus_notify_port_num_dropped(const struct clus_notify_port *port);
#define CM_NOTIFY_QUEUE_MAX 100000
/* Oldest event, now owned by @mem_ctx; NULL when the queue is empty */
struct clus_notify_event *clus_notify_port_pop(struct clus_notify_port *port,
					       TALLOC_CTX *mem_ctx);

enum clus_notify_wait_result {
	CLUS_NOTIFY_EVENTS	= 0,	/* at least one event is queued */
	CLUS_NOTIFY_UNBLOCKED	= 1,	/* ApiUnblockGetNotifyCall */
	CLUS_NOTIFY_CLOSED	= 2,	/* port closed or model gone */
	CLUS_NOTIFY_TIMEOUT	= 3,	/* tevent_req_set_endtime() */
};

/*
 * The blocking part of ApiGetNotify(V2): completes when an event is
 * queued (at once if one is), when the port is unblocked or closed.
 */
struct tevent_req *clus_notify_wait_send(TALLOC_CTX *mem_ctx,
					 struct tevent_context *ev,
					 struct clus_notify_port *port);
int clus_notify_wait_recv(struct tevent_req *req,
			  enum clus_notify_wait_result *result);
/* Completes pending waits, and every later wait, with UNBLOCKED */
void clus_notify_port_unblock(struct clus_notify_port *port);
/* Completes pending waits with CLOSED and drops all filters and events */
void clus_notify_port_close(struct clus_notify_port *port);

#endif /* __CLUSAPI_MODEL_H__ */
