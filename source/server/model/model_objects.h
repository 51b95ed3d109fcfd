/*
 * clusapi - cluster model: the object structures
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Included by model.h; include that.
 */

#ifndef CLUSAPI_MODEL_OBJECTS_H
#define CLUSAPI_MODEL_OBJECTS_H

#include <stdbool.h>
#include <stdint.h>

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
	struct clus_list waiters;	/* waiter.c's */
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

#endif /* CLUSAPI_MODEL_OBJECTS_H */
