/*
 * clusapi: the Pacemaker backend's view of a cluster
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What clusapid needs of a Pacemaker/Corosync cluster, with GLib, libcib
 * and libxml2 kept inside source/server/pacemaker:
 *
 * - cib_parse.c: a CIB (the <cib> element, from libcib or a file) read
 *   into plain C structures, talloc'ed under one struct pcmk_cib;
 * - cib_state.c: the MS-CMRP states derived from it (the CM_* wire values
 *   of server/model/model.h) and the node that owns a group;
 * - cib_change.c: the CIB changes that move, start, stop and pause
 *   and set instance attributes, as libxml2 trees with the section and
 *   operation they go to;
 * - cib_constraints.c: dependencies, possible and preferred owners as
 *   constraints, read and written;
 * - cib_agent.c: an OCF agent's parameters, from its meta-data;
 * - glib_tevent.c: GLib's main context (libcib's IPC) driven from a
 *   tevent loop;
 * - controld.c: whether the DC's controller is idle (no transition
 *   running), asked over Pacemaker's IPC;
 * - cib_conn.c: a libcib connection that keeps a copy of the CIB up to
 *   date from T_CIB_DIFF_NOTIFY and calls back on every change.
 *
 * The mapping (MS-CMRP <- Pacemaker):
 *   node Up/Down/Joining	node_state in_ccm, crmd, join
 *   node Paused		standby=on (pause with drain) or the node
 *				attribute clusapi-paused=true (pause without
 *				drain: a -500 location rule keeps new groups
 *				away, stickiness keeps running ones)
 *   group Pending		a member starting/stopping (an operation in
 *				flight, rc-code 193), a cli-prefer move to an
 *				online node not finished, or a transition
 *				running (the caller knows: controller busy)
 *   group Online		every member Started on one node
 *   group Failed		a member failed (and none in flight)
 *   group PartialOnline	some members Started
 *   group Offline		none Started
 *   group			<group>, or a <primitive> outside any group
 *				(a group of its own, of the same id), or an
 *				nvpair of PCMK_GROUPS_SET (no member yet)
 *   group/resource name	meta clusapi-name, else the CIB id (the
 *				model's object id)
 *   group owner		the node its members run on (between the
 *				last stop and the first start of a move:
 *				the move's target)
 *   resource Online/Offline	last operation on an online node: start,
 *				probe rc 0 / stop, probe rc 7
 *   resource *Pending		an operation in flight (rc-code 193)
 *   resource Failed		any other result, or a failed monitor
 */

#ifndef CLUSAPI_PCMK_H
#define CLUSAPI_PCMK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <talloc.h>
#include <tevent.h>
#include <libxml/tree.h>

/*
 * The ClusAPI names of groups and resources whose name is not their CIB
 * id (a meta attribute; a solo primitive's group: PCMK_GROUP_NAME_ATTR),
 * and the groups that hold no primitive yet (a CIB <group> cannot be
 * empty): nvpairs of a cluster_property_set of clusapi's own, named by
 * the group's id, valued with its name.
 */
#define PCMK_NAME_ATTR		"clusapi-name"
#define PCMK_GROUP_NAME_ATTR	"clusapi-group-name"
#define PCMK_GROUPS_SET		"clusapi-groups"

/* rc-code of an operation in flight (PCMK_OCF_UNKNOWN) */
#define PCMK_RC_PENDING		193

/* the node attribute and the constraint of a pause without drain */
#define PCMK_PAUSED_ATTR	"clusapi-paused"
#define PCMK_PAUSED_RULE_ID	"clusapi-paused"
#define PCMK_PAUSED_SCORE	"-500"

struct pcmk_nvpair {
	const char *id;
	const char *name;
	const char *value;
	const char *set;	/* the id of the set it is in */
};

/*
 * the instance_attributes or meta_attributes sets (without rules) of
 * an element, merged: the first set naming a pair wins
 */
struct pcmk_nvset {
	const char *id;		/* the first set's; NULL: none */
	size_t num;
	struct pcmk_nvpair *pairs;
};

/* what one node's operation history says of a resource */
enum pcmk_role {
	PCMK_ROLE_STOPPED = 0,
	PCMK_ROLE_STARTED,
	PCMK_ROLE_STARTING,	/* start in flight */
	PCMK_ROLE_STOPPING,	/* stop in flight */
	PCMK_ROLE_FAILED,
};

struct pcmk_rsc_node {
	const char *node;
	enum pcmk_role role;
	const char *op;		/* the last operation: start, stop, ... */
	int rc;			/* its rc-code (193: in flight) */
};

struct pcmk_node {
	const char *id;
	const char *name;
	bool in_ccm;		/* in corosync's membership */
	bool crmd;		/* its controller is up */
	bool member;		/* joined (join="member") */
	bool standby;		/* standby=on */
	bool paused;		/* clusapi-paused=true */
	struct pcmk_nvset attrs;	/* <nodes>/<node> instance_attributes */
};

struct pcmk_primitive {
	const char *id;
	const char *name;	/* meta clusapi-name, else the id */
	const char *class;
	const char *provider;	/* NULL for classes without one */
	const char *type;
	const char *group;	/* NULL: not in a group */
	const char *target_role;	/* NULL: not set (Started) */
	struct pcmk_nvset params;	/* instance_attributes */
	struct pcmk_nvset meta;		/* meta_attributes */
	size_t num_on;		/* histories on online nodes */
	struct pcmk_rsc_node *on;
};

struct pcmk_group {
	const char *id;
	const char *name;	/* meta clusapi-name, else the id */
	bool solo;		/* a primitive outside any group, shown as
				 * a group of its own (same id) */
	bool empty;		/* no <group> yet: in clusapi's own
				 * cluster_property_set (PCMK_GROUPS_SET) */
	const char *target_role;
	struct pcmk_nvset meta;
	size_t num_members;
	struct pcmk_primitive **members;	/* in group order */
};

struct pcmk_location {
	const char *id;
	const char *rsc;	/* NULL with rsc-pattern */
	const char *node;	/* NULL with a rule */
	const char *score;
	const char *role;
	bool rule;
};

/* a plain <rsc_order> (first, then); not one of resource sets */
struct pcmk_order {
	const char *id;
	const char *first;
	const char *then;
	const char *kind;		/* NULL: Mandatory */
	const char *first_action;	/* NULL: start */
	const char *then_action;	/* NULL: first_action */
};

struct pcmk_cib {
	const char *cluster_name;
	const char *dc_uuid;
	bool have_quorum;
	int admin_epoch;
	int epoch;
	int num_updates;
	size_t num_nodes;
	struct pcmk_node *nodes;
	size_t num_primitives;
	struct pcmk_primitive *primitives;	/* grouped ones too */
	size_t num_groups;
	struct pcmk_group *groups;
	size_t num_locations;
	struct pcmk_location *locations;
	size_t num_orders;
	struct pcmk_order *orders;
};

/* cib_parse.c: 0, EINVAL (not a CIB) or ENOMEM */
int pcmk_cib_parse(TALLOC_CTX *mem_ctx, const xmlNode *cib,
		   struct pcmk_cib **pcib);
int pcmk_cib_parse_file(TALLOC_CTX *mem_ctx, const char *path,
			struct pcmk_cib **pcib);
const struct pcmk_node *pcmk_cib_node(const struct pcmk_cib *cib,
				      const char *name);
const struct pcmk_group *pcmk_cib_group(const struct pcmk_cib *cib,
					const char *id);
const struct pcmk_primitive *pcmk_cib_primitive(const struct pcmk_cib *cib,
						const char *id);
const struct pcmk_location *pcmk_cib_location(const struct pcmk_cib *cib,
					      const char *id);
const struct pcmk_nvpair *pcmk_nvset_pair(const struct pcmk_nvset *set,
					  const char *name);
const char *pcmk_nvset_get(const struct pcmk_nvset *set, const char *name);
/* the element of @array whose string at @offset is @key, or NULL */
void *pcmk_find(const void *array, size_t num, size_t size, size_t offset,
		const char *key);

/* cib_state.c: CM_NODE_*, CM_DRAIN_*, CM_RES_*, CM_GROUP_* */
bool pcmk_node_online(const struct pcmk_node *node);
/* would one more node down lose quorum (CLUSCTL_CLUSTER_CHECK_VOTER_DOWN) */
bool pcmk_voter_down_loses_quorum(const struct pcmk_cib *cib);
uint32_t pcmk_node_state(const struct pcmk_node *node);
uint32_t pcmk_node_drain_status(const struct pcmk_cib *cib,
				const struct pcmk_node *node);
uint32_t pcmk_resource_state(const struct pcmk_primitive *rsc,
			     const char **owner);
/*
 * busy: a transition is running (the controller is not idle), which
 * the CIB does not say; false when unknown.
 */
uint32_t pcmk_group_state(const struct pcmk_cib *cib,
			  const struct pcmk_group *group, bool busy,
			  const char **owner);

/* cib_xml.c: element helpers */
/* @n is an element named @name */
bool pcmk_xml_is(const xmlNode *n, const char *name);
/* @n has the attribute id="@id" */
bool pcmk_xml_has_id(const xmlNode *n, const char *id);
/* the first child element of @parent named @name and of id @id (either
 * NULL: any), or NULL; @parent may be NULL */
xmlNode *pcmk_xml_child(const xmlNode *parent, const char *name,
			const char *id);
/* a child element with attributes: NAME, VALUE pairs up to a NULL */
xmlNode *pcmk_xml_add(xmlNode *parent, const char *name, ...);

/* cib_change.c */
enum pcmk_change_op {
	PCMK_CHANGE_MODIFY,	/* cib->cmds->modify (create or merge) */
	PCMK_CHANGE_REMOVE,	/* cib->cmds->remove */
	PCMK_CHANGE_REPLACE,	/* cib->cmds->replace (the whole section) */
};

/*
 * One CIB update, or several in order (@next).  When one of them fails,
 * the @undo of each update before it is applied, last first, so that a
 * change made of several updates is either written whole or not at all
 * (as long as the CIB takes the undo).
 */
struct pcmk_change {
	enum pcmk_change_op op;
	const char *section;	/* "constraints", "resources", "nodes" */
	xmlNode *xml;		/* freed with the change */
	struct pcmk_change *next;	/* talloc children of the change */
	struct pcmk_change *undo;	/* (either may be NULL) */
};

/* a change of @op to @section, its tree an empty <@root> */
struct pcmk_change *pcmk_change_new(TALLOC_CTX *mem_ctx,
				    enum pcmk_change_op op,
				    const char *section, const char *root);
/* the meta attribute @name of group or primitive @rsc (a CIB id) */
struct pcmk_change *pcmk_change_meta(TALLOC_CTX *mem_ctx,
				     const struct pcmk_cib *cib,
				     const char *rsc, const char *name,
				     const char *value);
struct pcmk_change *pcmk_change_move(TALLOC_CTX *mem_ctx,
				     const char *rsc, const char *node);
struct pcmk_change *pcmk_change_unmove(TALLOC_CTX *mem_ctx,
				       const char *rsc);
struct pcmk_change *pcmk_change_target_role(TALLOC_CTX *mem_ctx,
					    const struct pcmk_cib *cib,
					    const char *rsc, bool started);
struct pcmk_change *pcmk_change_standby(TALLOC_CTX *mem_ctx,
					const struct pcmk_node *node,
					bool on);
struct pcmk_change *pcmk_change_paused(TALLOC_CTX *mem_ctx,
				       const struct pcmk_node *node,
				       bool on);
struct pcmk_change *pcmk_change_paused_rule(TALLOC_CTX *mem_ctx);
/* the instance attributes @names[i] = @values[i] of primitive @rsc */
struct pcmk_change *pcmk_change_params(TALLOC_CTX *mem_ctx,
				       const struct pcmk_primitive *rsc,
				       const char * const *names,
				       const char * const *values,
				       size_t num);
/* instance attribute @name of @rsc removed */
struct pcmk_change *pcmk_change_param_del(TALLOC_CTX *mem_ctx,
					  const struct pcmk_primitive *rsc,
					  const char *name);
/* a change of @xml (taken, freed with the change) */
struct pcmk_change *pcmk_change_adopt(TALLOC_CTX *mem_ctx,
				      enum pcmk_change_op op,
				      const char *section, xmlNode *xml);
char *pcmk_change_string(TALLOC_CTX *mem_ctx,
			 const struct pcmk_change *change);

/*
 * cib_write.c: the CIB changes behind creating, deleting and moving
 * groups and resources (PCMK_GROUPS_SET holds the empty groups)
 */
/* a CIB id for @name: @name if it is a free XML ID, else made one */
char *pcmk_cib_new_id(TALLOC_CTX *mem_ctx, const xmlNode *xml,
		      const struct pcmk_cib *cib, const char *name);
struct pcmk_change *pcmk_change_empty_group(TALLOC_CTX *mem_ctx,
					    const char *id, const char *name,
					    bool add);
/* the primitive, Stopped, into group @g (a <group> or an empty one) */
struct pcmk_change *pcmk_change_primitive_add(TALLOC_CTX *mem_ctx,
					      const struct pcmk_group *g,
					      const char *id,
					      const char *name,
					      const char *agent);
/* the <group> or <primitive> of id @id removed */
struct pcmk_change *pcmk_change_rsc_remove(TALLOC_CTX *mem_ctx,
					   const char *elem, const char *id);
/* <resources> of @xml (a CIB) with primitive @id moved into @g */
struct pcmk_change *pcmk_change_primitive_move(TALLOC_CTX *mem_ctx,
					       const xmlNode *xml,
					       const char *id,
					       const struct pcmk_group *g);
/* cib_constraints.c: dependencies, possible and preferred owners */
enum pcmk_aspect {
	PCMK_ASPECT_DEPS,	/* the primitives a primitive depends on */
	PCMK_ASPECT_BANS,	/* the nodes that are not possible owners */
	PCMK_ASPECT_PREFERRED,	/* a group's preferred nodes, in order */
};

/* what the constraints give @rsc, no name twice */
const char **pcmk_cib_aspect(TALLOC_CTX *mem_ctx, const struct pcmk_cib *cib,
			     enum pcmk_aspect aspect, const char *rsc,
			     size_t *num);
/* the <constraints> element of a <cib>, or NULL */
const xmlNode *pcmk_cib_constraints_xml(const xmlNode *cib);
/*
 * @constraints (of @cib, parsed) with @rsc's @aspect made @names: the
 * constraints section to replace
 */
struct pcmk_change *pcmk_change_aspect(TALLOC_CTX *mem_ctx,
				       const struct pcmk_cib *cib,
				       const xmlNode *constraints,
				       enum pcmk_aspect aspect,
				       const char *rsc,
				       const char * const *names, size_t num);

/* cib_agent.c: an OCF agent's parameters (its meta-data) */
struct pcmk_agent_param {
	const char *name;
	const char *type;	/* "string", "integer", "boolean", ... */
};

struct pcmk_agent {
	size_t num;
	struct pcmk_agent_param *params;
};

/* 0, EINVAL (not an agent's meta-data) or ENOMEM */
int pcmk_agent_parse(TALLOC_CTX *mem_ctx, const char *text, size_t len,
		     struct pcmk_agent **pagent);
const struct pcmk_agent_param *pcmk_agent_param(const struct pcmk_agent *a,
						const char *name);
bool pcmk_agent_value_ok(const struct pcmk_agent_param *p,
			 const char *value);

/* glib_tevent.c: runs GLib's default main context from EV until freed */
struct tevent_req *pcmk_glib_loop_send(TALLOC_CTX *mem_ctx,
				       struct tevent_context *ev);
int pcmk_glib_loop_recv(struct tevent_req *req);
/*
 * GLib was used outside the loop (a synchronous libcib call that may
 * have read and queued notifications, a new IPC connection): check and
 * dispatch again, and watch the sources as they are now
 */
void pcmk_glib_loop_kick(struct tevent_req *req);

/*
 * controld.c: the DC's controller state ("S_IDLE" once a transition is
 * over) and the DC's name, asked over Pacemaker's IPC (through GLib)
 */
struct tevent_req *pcmk_dc_state_send(TALLOC_CTX *mem_ctx,
				      struct tevent_context *ev,
				      uint32_t timeout_ms);
int pcmk_dc_state_recv(struct tevent_req *req, TALLOC_CTX *mem_ctx,
		       char **dc, char **fsa_state);
bool pcmk_dc_idle(const char *fsa_state);

/* cib_conn.c */
struct pcmk_conn;
typedef void (*pcmk_changed_fn)(struct pcmk_conn *conn,
				const struct pcmk_cib *cib, void *private_data);
int pcmk_conn_open(TALLOC_CTX *mem_ctx, const char *name,
		   pcmk_changed_fn changed, void *private_data,
		   struct pcmk_conn **pconn);
const struct pcmk_cib *pcmk_conn_cib(struct pcmk_conn *conn);
int pcmk_conn_apply(struct pcmk_conn *conn,
		    const struct pcmk_change *change);
/* the CIB read again now (our copy as the last write left it) */
int pcmk_conn_reload(struct pcmk_conn *conn);
const xmlNode *pcmk_conn_xml(struct pcmk_conn *conn);

#endif
