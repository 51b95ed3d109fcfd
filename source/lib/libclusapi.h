/*
 * libclusapi - a client for MS-CMRP, the Failover Cluster Management API
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Conventions
 *
 * - Every asynchronous operation is a tevent_req _send/_recv pair.  A
 *   _recv returns an NTSTATUS that says whether the RPC machinery worked
 *   (connection, bind, DCE/RPC fault: NT_STATUS_RPC_*).  What the cluster
 *   answered is a WERROR, returned unchanged in *werr (or in a result
 *   structure): NT_STATUS_OK with a non-zero WERROR means "the server
 *   said no".
 * - Memory follows talloc: results are allocated on the mem_ctx passed
 *   to _recv; freeing a request before it completes cancels it.
 * - Names are the cluster's UTF-8 names; node names compare
 *   case-insensitively, as Windows does.
 */

#ifndef LIBCLUSAPI_H
#define LIBCLUSAPI_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/time.h>
#include <talloc.h>
#include <tevent.h>
#include <core/ntstatus.h>
#include <core/werror.h>
#include <util/data_blob.h>

/* libclusapi is built with -fvisibility=hidden: this is its interface */
#pragma GCC visibility push(default)

struct cli_credentials;
struct loadparm_context;
struct dcerpc_binding_handle;
struct policy_handle;

/* ------------------------------------------------------------------ */
/* Object states (the MS-CMRP values)                                  */
/* ------------------------------------------------------------------ */

enum clusapi_object_type {
	CLUSAPI_OBJECT_CLUSTER = 0,
	CLUSAPI_OBJECT_NODE,
	CLUSAPI_OBJECT_GROUP,
	CLUSAPI_OBJECT_RESOURCE,
};

#define CLUSAPI_GROUP_ONLINE		0
#define CLUSAPI_GROUP_OFFLINE		1
#define CLUSAPI_GROUP_FAILED		2
#define CLUSAPI_GROUP_PARTIAL_ONLINE	3
#define CLUSAPI_GROUP_PENDING		4

#define CLUSAPI_NODE_UP			0
#define CLUSAPI_NODE_DOWN		1
#define CLUSAPI_NODE_PAUSED		2
#define CLUSAPI_NODE_JOINING		3

#define CLUSAPI_RESOURCE_INITIALIZING	0x01
#define CLUSAPI_RESOURCE_ONLINE		0x02
#define CLUSAPI_RESOURCE_OFFLINE	0x03
#define CLUSAPI_RESOURCE_FAILED		0x04
#define CLUSAPI_RESOURCE_ONLINE_PENDING	0x81
#define CLUSAPI_RESOURCE_OFFLINE_PENDING 0x82

#define CLUSAPI_STATE_UNKNOWN		0xFFFFFFFF

/* dwMoveFlags of ApiMoveGroupEx / ApiMoveGroupToNodeEx */
#define CLUSAPI_MOVE_IGNORE_RESOURCE_STATUS		0x01
#define CLUSAPI_MOVE_RETURN_TO_SOURCE_NODE_ON_ERROR	0x02
#define CLUSAPI_MOVE_QUEUE_ENABLED			0x04
#define CLUSAPI_MOVE_HIGH_PRIORITY_START		0x08

/* "Online", "Pending", "Up", "OnlinePending", ...; "Unknown" otherwise */
const char *clusapi_state_name(enum clusapi_object_type type,
			       uint32_t state);
/* "cluster", "node", "group", "resource" */
const char *clusapi_object_type_name(enum clusapi_object_type type);

/* ------------------------------------------------------------------ */
/* Errors                                                              */
/* ------------------------------------------------------------------ */

/*
 * The Windows name of a WERROR: "ERROR_CLUSTER_NODE_PAUSED",
 * "ERROR_SUCCESS", "RPC_S_PROCNUM_OUT_OF_RANGE"; NULL if unknown.
 */
const char *clusapi_werror_name(WERROR werr);
/*
 * A short lower-case explanation: ours for the cluster codes ("the node
 * is paused"), else Samba's text for the code.
 */
const char *clusapi_werror_explain(WERROR werr);
/*
 * "ERROR_CLUSTER_NODE_PAUSED (0x000013ce): the node is paused" for a
 * WERROR when status is NT_STATUS_OK, else the same for the NTSTATUS
 * ("NT_STATUS_CONNECTION_REFUSED (0xc0000236): ...").
 */
char *clusapi_error_string(TALLOC_CTX *mem_ctx, NTSTATUS status,
			   WERROR werr);

/* ------------------------------------------------------------------ */
/* Connections                                                         */
/* ------------------------------------------------------------------ */

struct clusapi_conn;

/*
 * Turn a clusctl TARGET into a DCE/RPC binding string:
 *  - a binding string ("ncacn_ip_tcp:HOST[PORT]", "ncacn_np:HOST",
 *    "ncalrpc:...", with options) is kept; ncacn_np gets \pipe\clusapi
 *    if it names no endpoint, and always "smb2" (Samba's client would
 *    use SMB1, which today's servers refuse);
 *  - anything else is a host name (or address): ncacn_ip_tcp:HOST, the
 *    port coming from the endpoint mapper.
 * With seal, an ncacn_ip_tcp binding that names no authentication level
 * (connect, sign, seal, packet) gets "seal": MS-CMRP 3.0 servers refuse
 * anything below PKT_PRIVACY.
 */
NTSTATUS clusapi_target_to_binding(TALLOC_CTX *mem_ctx, const char *target,
				   bool seal, char **binding);

/* clusapi_connect() flags */
#define CLUSAPI_CONNECT_NO_NOTIFY	0x0001	/* no notification connection */

/*
 * Connect and bind to the cluster service at target (see
 * clusapi_target_to_binding; seal is added unless creds are anonymous).
 *
 * SYNCHRONOUS: this runs ev's loop until connected.  The public libdcerpc
 * offers its asynchronous connect only as a struct composite_context,
 * whose definition is private, so no completion callback can be attached
 * to it; and the synchronous connect nests tevent_loop_once(), which
 * tevent forbids inside a handler.  Call clusapi_connect() from
 * top-level code, before running flows on ev, never from a callback.
 *
 * Unless CLUSAPI_CONNECT_NO_NOTIFY is given, a second connection in the
 * same association group is opened for notification ports
 * (ApiGetNotifyV2 blocks its connection until an event arrives, so it
 * cannot share one with other calls).  If that fails the connection
 * still succeeds and waits fall back to polling;
 * clusapi_conn_notify_status() says why.
 */
NTSTATUS clusapi_connect(TALLOC_CTX *mem_ctx, struct tevent_context *ev,
			 struct loadparm_context *lp_ctx, const char *target,
			 struct cli_credentials *creds, uint32_t flags,
			 struct clusapi_conn **pconn);

/*
 * A connection over binding handles the caller already has (and keeps
 * alive longer than the connection): another tool's pipes, or an
 * in-process server in tests.  notify_h may be NULL (waits poll); it
 * must share the handles of h (same association group).
 */
NTSTATUS clusapi_conn_from_binding_handles(
	TALLOC_CTX *mem_ctx, struct tevent_context *ev,
	struct dcerpc_binding_handle *h,
	struct dcerpc_binding_handle *notify_h,
	struct clusapi_conn **pconn);

const char *clusapi_conn_binding_string(struct clusapi_conn *conn);

/*
 * Why the server may have denied this connection's calls STATUS
 * (NT_STATUS_ACCESS_DENIED), from how the client bound: anonymously over
 * ncacn_ip_tcp (servers that follow MS-CMRP take authenticated callers
 * only), or below packet privacy there ([sign], [connect]: MS-CMRP 2.1
 * wants [seal]). NULL when neither applies.
 */
const char *clusapi_conn_denied_reason(struct clusapi_conn *conn,
				       NTSTATUS status);
struct tevent_context *clusapi_conn_event_context(struct clusapi_conn *conn);
/* For raw PIDL calls (tests, rpcclient-like tools) */
struct dcerpc_binding_handle *clusapi_conn_binding_handle(
	struct clusapi_conn *conn);
/* NULL when there is no notification connection */
struct dcerpc_binding_handle *clusapi_conn_notify_binding_handle(
	struct clusapi_conn *conn);
/* NT_STATUS_OK if the notification connection is up, else why not */
NTSTATUS clusapi_conn_notify_status(struct clusapi_conn *conn);
/* Server timeout for single calls on the main connection, in seconds */
void clusapi_conn_set_timeout(struct clusapi_conn *conn, uint32_t seconds);

/* ------------------------------------------------------------------ */
/* Typed asynchronous calls (one RPC each)                             */
/* ------------------------------------------------------------------ */

/* ApiOpenCluster / ApiOpenNode / ApiOpenGroup / ApiOpenResource */
struct tevent_req *clusapi_open_send(TALLOC_CTX *mem_ctx,
				     struct tevent_context *ev,
				     struct clusapi_conn *conn,
				     enum clusapi_object_type type,
				     const char *name);
NTSTATUS clusapi_open_recv(struct tevent_req *req,
			   struct policy_handle *handle, WERROR *werr);

/* ApiCloseCluster / ApiCloseNode / ApiCloseGroup / ApiCloseResource */
struct tevent_req *clusapi_close_send(TALLOC_CTX *mem_ctx,
				      struct tevent_context *ev,
				      struct clusapi_conn *conn,
				      enum clusapi_object_type type,
				      const struct policy_handle *handle);
NTSTATUS clusapi_close_recv(struct tevent_req *req, WERROR *werr);

/*
 * ApiGetGroupState / ApiGetNodeState / ApiGetResourceState.  owner: the
 * owner node of a group or resource (NULL for nodes); group: the group
 * of a resource (NULL otherwise).  owner and group may be NULL.
 */
struct tevent_req *clusapi_get_state_send(TALLOC_CTX *mem_ctx,
					  struct tevent_context *ev,
					  struct clusapi_conn *conn,
					  enum clusapi_object_type type,
					  const struct policy_handle *handle);
NTSTATUS clusapi_get_state_recv(struct tevent_req *req, TALLOC_CTX *mem_ctx,
				uint32_t *state, char **owner, char **group,
				WERROR *werr);

/* ApiGetNodeId / ApiGetGroupId / ApiGetResourceId */
struct tevent_req *clusapi_get_id_send(TALLOC_CTX *mem_ctx,
				       struct tevent_context *ev,
				       struct clusapi_conn *conn,
				       enum clusapi_object_type type,
				       const struct policy_handle *handle);
NTSTATUS clusapi_get_id_recv(struct tevent_req *req, TALLOC_CTX *mem_ctx,
			     char **id, WERROR *werr);

/* ApiGetResourceType */
struct tevent_req *clusapi_get_resource_type_send(
	TALLOC_CTX *mem_ctx, struct tevent_context *ev,
	struct clusapi_conn *conn, const struct policy_handle *hresource);
NTSTATUS clusapi_get_resource_type_recv(struct tevent_req *req,
					TALLOC_CTX *mem_ctx, char **type,
					WERROR *werr);

/*
 * Enumerations, by the object they are of: the cluster (ApiCreateEnum, a
 * CLUSAPI_ENUM_* type, handle NULL), a node (ApiCreateNodeEnum,
 * CLUSAPI_NODE_ENUM_*), a group (ApiCreateGroupResourceEnum,
 * CLUSAPI_GROUP_ENUM_*) or a resource (ApiCreateResEnum,
 * CLUSAPI_RESOURCE_ENUM_*).  names is a talloc array of count strings
 * (NULL-terminated).
 */
#define CLUSAPI_ENUM_NODE		0x01
#define CLUSAPI_ENUM_RESTYPE		0x02
#define CLUSAPI_ENUM_RESOURCE		0x04
#define CLUSAPI_ENUM_GROUP		0x08
#define CLUSAPI_NODE_ENUM_GROUPS	0x02
#define CLUSAPI_GROUP_ENUM_CONTAINS	0x01
#define CLUSAPI_GROUP_ENUM_NODES	0x02
#define CLUSAPI_RESOURCE_ENUM_DEPENDS	0x01
#define CLUSAPI_RESOURCE_ENUM_PROVIDES	0x02
#define CLUSAPI_RESOURCE_ENUM_NODES	0x04

struct tevent_req *clusapi_enum_send(TALLOC_CTX *mem_ctx,
				     struct tevent_context *ev,
				     struct clusapi_conn *conn,
				     enum clusapi_object_type of,
				     const struct policy_handle *handle,
				     uint32_t enum_type);
NTSTATUS clusapi_enum_recv(struct tevent_req *req, TALLOC_CTX *mem_ctx,
			   char ***names, uint32_t *count, WERROR *werr);

/*
 * Group moves: node NULL means the server picks (ApiMoveGroup /
 * ApiMoveGroupEx), else ApiMoveGroupToNode / ApiMoveGroupToNodeEx.
 * The Ex forms are used when flags is non-zero.  Success is WERR_OK or
 * WERR_IO_PENDING (the move goes on asynchronously).
 */
struct tevent_req *clusapi_move_call_send(TALLOC_CTX *mem_ctx,
					  struct tevent_context *ev,
					  struct clusapi_conn *conn,
					  const struct policy_handle *hgroup,
					  const struct policy_handle *hnode,
					  uint32_t flags);
NTSTATUS clusapi_move_call_recv(struct tevent_req *req, WERROR *werr);

/* ApiOnlineGroup (online) or ApiOfflineGroup */
struct tevent_req *clusapi_group_control_send(
	TALLOC_CTX *mem_ctx, struct tevent_context *ev,
	struct clusapi_conn *conn, const struct policy_handle *hgroup,
	bool online);
NTSTATUS clusapi_group_control_recv(struct tevent_req *req, WERROR *werr);

/* ApiCancelClusterGroupOperation (dwCancelFlags 0) */
struct tevent_req *clusapi_cancel_group_operation_send(
	TALLOC_CTX *mem_ctx, struct tevent_context *ev,
	struct clusapi_conn *conn, const struct policy_handle *hgroup);
NTSTATUS clusapi_cancel_group_operation_recv(struct tevent_req *req,
					     WERROR *werr);

/*
 * ApiPauseNode; with drain ApiPauseNodeEx(bDrainNode) or, when
 * hdrain_target is given, ApiPauseNodeWithDrainTarget.
 */
struct tevent_req *clusapi_pause_node_call_send(
	TALLOC_CTX *mem_ctx, struct tevent_context *ev,
	struct clusapi_conn *conn, const struct policy_handle *hnode,
	bool drain, const struct policy_handle *hdrain_target);
NTSTATUS clusapi_pause_node_call_recv(struct tevent_req *req, WERROR *werr);

/* ApiResumeNode; with failback ApiResumeNodeEx(FailbackGroupsImmediately) */
struct tevent_req *clusapi_resume_node_call_send(
	TALLOC_CTX *mem_ctx, struct tevent_context *ev,
	struct clusapi_conn *conn, const struct policy_handle *hnode,
	bool failback);
NTSTATUS clusapi_resume_node_call_recv(struct tevent_req *req,
				       WERROR *werr);

/* ------------------------------------------------------------------ */
/* High-level flows                                                    */
/* ------------------------------------------------------------------ */

enum clusapi_outcome {
	CLUSAPI_OUTCOME_DONE = 0,	/* reached the wanted state */
	CLUSAPI_OUTCOME_ALREADY,	/* was in it already, nothing done */
	CLUSAPI_OUTCOME_STARTED,	/* accepted; not waited for */
	CLUSAPI_OUTCOME_REFUSED,	/* a call failed: status/werr */
	CLUSAPI_OUTCOME_FAILED,		/* the group went to Failed */
	CLUSAPI_OUTCOME_RETURNED,	/* settled on another node */
	CLUSAPI_OUTCOME_TIMED_OUT,	/* the wait ran out of time */
};
const char *clusapi_outcome_name(enum clusapi_outcome outcome);

/* What a flow saw, in order: each call it made and each state it read */
enum clusapi_step {
	CLUSAPI_STEP_OPEN_CLUSTER,	/* ApiOpenCluster */
	CLUSAPI_STEP_OPEN_GROUP,	/* ApiOpenGroup */
	CLUSAPI_STEP_OPEN_NODE,		/* ApiOpenNode */
	CLUSAPI_STEP_GROUP_STATE,	/* ApiGetGroupState: state, owner */
	CLUSAPI_STEP_MOVE,		/* ApiMoveGroup[ToNode][Ex] */
	CLUSAPI_STEP_ONLINE,		/* ApiOnlineGroup */
	CLUSAPI_STEP_OFFLINE,		/* ApiOfflineGroup */
	CLUSAPI_STEP_NOTIFY_READY,	/* ApiCreateNotifyV2+ApiAddNotifyV2 */
	CLUSAPI_STEP_NOTIFY_FALLBACK,	/* no port: polling from now on */
	CLUSAPI_STEP_NOTIFICATION,	/* ApiGetNotifyV2 returned an event */
	CLUSAPI_STEP_TIMEOUT,		/* the wait ran out of time */
	CLUSAPI_STEP_CANCEL,		/* ApiCancelClusterGroupOperation */
	CLUSAPI_STEP_DONE,		/* the flow's outcome */
};

struct clusapi_event {
	enum clusapi_step step;
	const char *call;	/* the RPC ("ApiMoveGroupToNode"), or NULL */
	NTSTATUS status;	/* of the call */
	WERROR werr;		/* of the call, unchanged */
	const char *group;	/* the group the flow works on */
	/* OPEN_NODE, MOVE: the target node; GROUP_STATE, DONE: the owner */
	const char *node;
	uint32_t state;		/* GROUP_STATE, DONE */
	uint64_t filter_flags;	/* NOTIFICATION: CLUSTER_CHANGE_GROUP_*_V2 */
	/* NOTIFY_FALLBACK: the poll interval; TIMEOUT: the time limit */
	uint32_t interval_ms;
	enum clusapi_outcome outcome;	/* DONE */
	uint32_t elapsed_ms;	/* since the flow started */
};

/* One line describing an event, as clusctl prints it */
char *clusapi_event_string(TALLOC_CTX *mem_ctx,
			   const struct clusapi_event *event);


typedef void (*clusapi_progress_fn)(const struct clusapi_event *event,
				    void *private_data);

struct clusapi_move_opts {
	/* wait for the end of the operation (else outcome STARTED) */
	bool wait;
	/* end the wait after this long; 0: no limit */
	uint32_t timeout_ms;
	/* polling interval when there is no notification port; 0: 5000 */
	uint32_t poll_interval_ms;
	/* on timeout, ApiCancelClusterGroupOperation */
	bool cancel_on_timeout;
	/* poll even if a notification port is available */
	bool no_notify;
	/* CLUSAPI_MOVE_*: non-zero selects ApiMoveGroup[ToNode]Ex */
	uint32_t move_flags;
	/* called for each event as it happens */
	clusapi_progress_fn progress;
	void *progress_private;
};

#define CLUSAPI_DEFAULT_POLL_INTERVAL_MS 5000

struct clusapi_flow_result {
	enum clusapi_outcome outcome;
	/*
	 * REFUSED: the call that failed, its NTSTATUS (RPC-level failure)
	 * and WERROR (the server's answer), unchanged.  FAILED:
	 * ERROR_RESOURCE_FAILED, RETURNED: ERROR_HOST_NODE_NOT_GROUP_OWNER,
	 * TIMED_OUT: ERROR_TIMEOUT (the client's verdicts, from_server
	 * false).  Otherwise NT_STATUS_OK / WERR_OK.
	 */
	const char *failed_call;
	NTSTATUS status;
	WERROR werr;
	bool from_server;
	/* the object the failure is about (group, or the target node) */
	enum clusapi_object_type failed_type;
	const char *failed_name;

	const char *group;
	const char *target;	/* node asked for; NULL: the server picks */
	uint32_t initial_state;
	const char *initial_owner;
	uint32_t state;		/* last state seen */
	const char *owner;	/* last owner seen */

	bool used_notify;	/* the wait was driven by notifications */
	bool cancel_requested;
	WERROR cancel_werr;	/* of ApiCancelClusterGroupOperation */
	uint32_t elapsed_ms;

	uint32_t num_events;
	struct clusapi_event *events;
};

/*
 * MS-CMRP 4.2, moving a group: ApiOpenCluster, ApiOpenGroup,
 * ApiGetGroupState (done at once if node already owns the group),
 * ApiOpenNode, ApiMoveGroupToNode (node NULL: ApiMoveGroup; Ex forms with
 * opts->move_flags), then, with opts->wait, wait while the group is
 * Pending: done when it is Online or PartialOnline on the target (or
 * Offline there, if it was offline before the move), failed when it is
 * Failed.  The wait listens on a version 2 notification port
 * (ApiCreateNotifyV2, ApiAddNotifyV2 for the group's STATE and
 * OWNER_NODE changes, ApiGetNotifyV2 on the notification connection) and
 * reads ApiGetGroupState whenever notified; without a port it polls
 * ApiGetGroupState every opts->poll_interval_ms.  A timeout ends the wait,
 * not the move, unless opts->cancel_on_timeout.  opts may be NULL.
 */
struct tevent_req *clusapi_move_group_send(
	TALLOC_CTX *mem_ctx, struct tevent_context *ev,
	struct clusapi_conn *conn, const char *group_name,
	const char *node_name, const struct clusapi_move_opts *opts);
NTSTATUS clusapi_move_group_recv(struct tevent_req *req, TALLOC_CTX *mem_ctx,
				 struct clusapi_flow_result **result);

/*
 * Bring a group online (ApiOnlineGroup) or offline (ApiOfflineGroup),
 * with the same wait as the move: done at Online/PartialOnline (online)
 * or Offline (offline), failed at Failed.  opts->move_flags is unused.
 */
struct tevent_req *clusapi_group_set_online_send(
	TALLOC_CTX *mem_ctx, struct tevent_context *ev,
	struct clusapi_conn *conn, const char *group_name, bool online,
	const struct clusapi_move_opts *opts);
NTSTATUS clusapi_group_set_online_recv(struct tevent_req *req,
				       TALLOC_CTX *mem_ctx,
				       struct clusapi_flow_result **result);

/* What a list or show reports about one object */
struct clusapi_object_info {
	enum clusapi_object_type type;
	const char *name;
	const char *id;
	uint32_t state;
	const char *owner_node;		/* group, resource */
	const char *group;		/* resource */
	const char *resource_type;	/* resource */
	/* show only: a group's resources; a resource's dependencies */
	char **resources;
	uint32_t num_resources;
	/* show only: a group's preferred, a resource's possible owners */
	char **nodes;
	uint32_t num_nodes;
	/* show only: the groups a node owns */
	char **groups;
	uint32_t num_groups;
	/* the first call that failed for this object, if one did */
	const char *failed_call;
	NTSTATUS status;
	WERROR werr;
};

/*
 * One object: open it, read its id, state, owner (group, resource),
 * group and type (resource), close it; with details also the enumerations
 * above.  The _recv NTSTATUS/werr are those of the first failure.
 */
struct tevent_req *clusapi_object_info_send(TALLOC_CTX *mem_ctx,
					    struct tevent_context *ev,
					    struct clusapi_conn *conn,
					    enum clusapi_object_type type,
					    const char *name, bool details);
NTSTATUS clusapi_object_info_recv(struct tevent_req *req,
				  TALLOC_CTX *mem_ctx,
				  struct clusapi_object_info **info,
				  WERROR *werr);

/*
 * All nodes, groups or resources (ApiCreateEnum), or the resources of one
 * group (group != NULL: ApiCreateGroupResourceEnum), each with its state
 * and owner, sorted by name.  An object that fails to answer is listed
 * with state CLUSAPI_STATE_UNKNOWN and its error.
 */
struct tevent_req *clusapi_list_send(TALLOC_CTX *mem_ctx,
				     struct tevent_context *ev,
				     struct clusapi_conn *conn,
				     enum clusapi_object_type type,
				     const char *group);
NTSTATUS clusapi_list_recv(struct tevent_req *req, TALLOC_CTX *mem_ctx,
			   struct clusapi_object_info **objects,
			   uint32_t *count, WERROR *werr);

struct clusapi_cluster_info {
	const char *name;		/* ApiGetClusterName */
	const char *node;		/* the node that answered */
	uint16_t major, minor, build;	/* ApiGetClusterVersion2 */
	const char *vendor;
	const char *csd_version;
	uint32_t highest_version;	/* CLUSTER_OPERATIONAL_VERSION_INFO */
	uint32_t lowest_version;
	uint32_t flags;
	WERROR version_werr;		/* the version call's own result */
};

struct tevent_req *clusapi_cluster_info_send(TALLOC_CTX *mem_ctx,
					     struct tevent_context *ev,
					     struct clusapi_conn *conn);
NTSTATUS clusapi_cluster_info_recv(struct tevent_req *req,
				   TALLOC_CTX *mem_ctx,
				   struct clusapi_cluster_info **info,
				   WERROR *werr);

/*
 * Pause a node (drain: move its groups away, to drain_target if given)
 * or resume it (failback: bring back the groups that left it).  Each opens
 * the node(s), makes the call, closes them.  On failure failed_call (a
 * static string) names the call and failed_name the node it was about.
 */
struct tevent_req *clusapi_node_pause_send(TALLOC_CTX *mem_ctx,
					   struct tevent_context *ev,
					   struct clusapi_conn *conn,
					   const char *node_name, bool drain,
					   const char *drain_target);
struct tevent_req *clusapi_node_resume_send(TALLOC_CTX *mem_ctx,
					    struct tevent_context *ev,
					    struct clusapi_conn *conn,
					    const char *node_name,
					    bool failback);
/* for both */
NTSTATUS clusapi_node_op_recv(struct tevent_req *req, TALLOC_CTX *mem_ctx,
			      WERROR *werr, const char **failed_call,
			      char **failed_name);

/* ------------------------------------------------------------------ */
/* Administration: one change each                                     */
/* ------------------------------------------------------------------ */

enum clusapi_admin_op {
	CLUSAPI_ADMIN_GROUP_CREATE,	/* name */
	CLUSAPI_ADMIN_GROUP_DELETE,	/* name, force */
	CLUSAPI_ADMIN_GROUP_RENAME,	/* name, text: the new name */
	CLUSAPI_ADMIN_GROUP_SET_OWNERS,	/* name, nodes: preferred owners */
	CLUSAPI_ADMIN_RESOURCE_CREATE,	/* name, text: type, other: group */
	CLUSAPI_ADMIN_RESOURCE_DELETE,	/* name */
	CLUSAPI_ADMIN_RESOURCE_RENAME,	/* name, text: the new name */
	CLUSAPI_ADMIN_RESOURCE_ONLINE,	/* name */
	CLUSAPI_ADMIN_RESOURCE_OFFLINE,	/* name */
	CLUSAPI_ADMIN_RESOURCE_FAIL,	/* name */
	CLUSAPI_ADMIN_RESOURCE_MOVE,	/* name, other: the group */
	CLUSAPI_ADMIN_DEPENDENCY_ADD,	/* name, other: what it depends on */
	CLUSAPI_ADMIN_DEPENDENCY_REMOVE,	/* name, other */
	CLUSAPI_ADMIN_DEPENDENCY_SET_EXPRESSION,	/* name, text */
	CLUSAPI_ADMIN_DEPENDENCY_GET_EXPRESSION,	/* name */
	CLUSAPI_ADMIN_OWNER_ADD,	/* name, other: a possible owner */
	CLUSAPI_ADMIN_OWNER_REMOVE,	/* name, other */
	CLUSAPI_ADMIN_NODE_EVICT,	/* name */
};

struct clusapi_admin_request {
	enum clusapi_admin_op op;
	const char *name;	/* the group, resource or node */
	const char *other;	/* the object it refers to */
	const char *text;	/* a new name, a type, an expression */
	const char **nodes;	/* NULL-ended */
	bool force;
};

struct clusapi_admin_result {
	/* the call's result: WERR_IO_PENDING means it goes on */
	WERROR werr;
	/* on failure: the call (static) and the object it was about */
	const char *failed_call;
	const char *failed_name;
	/* DEPENDENCY_GET_EXPRESSION */
	const char *expression;
};

/*
 * Open the objects the request names, make its call, close them.  The
 * NTSTATUS says whether the calls could be made; result->werr is what
 * the server answered.
 */
struct tevent_req *clusapi_admin_send(TALLOC_CTX *mem_ctx,
				      struct tevent_context *ev,
				      struct clusapi_conn *conn,
				      const struct clusapi_admin_request *r);
NTSTATUS clusapi_admin_recv(struct tevent_req *req, TALLOC_CTX *mem_ctx,
			    struct clusapi_admin_result *result);

/* ------------------------------------------------------------------ */
/* Control codes and properties                                        */
/* ------------------------------------------------------------------ */

/* The object byte of a control code (MS-CMRP 2.2.2.x) */
enum clusapi_control_object {
	CLUSAPI_CONTROL_RESOURCE = 1,
	CLUSAPI_CONTROL_RESTYPE = 2,
	CLUSAPI_CONTROL_GROUP = 3,
	CLUSAPI_CONTROL_NODE = 4,
	CLUSAPI_CONTROL_NETWORK = 5,
	CLUSAPI_CONTROL_NETINTERFACE = 6,
	CLUSAPI_CONTROL_CLUSTER = 7,
};

/* Functions, the same for every object */
#define CLUSAPI_CTL_GET_RO_COMMON_PROPERTIES	0x000055
#define CLUSAPI_CTL_GET_COMMON_PROPERTIES	0x000059
#define CLUSAPI_CTL_SET_COMMON_PROPERTIES	0x40005E
#define CLUSAPI_CTL_GET_RO_PRIVATE_PROPERTIES	0x00007D
#define CLUSAPI_CTL_GET_PRIVATE_PROPERTIES	0x000081
#define CLUSAPI_CTL_SET_PRIVATE_PROPERTIES	0x400086

/*
 * Open the object NAME (the cluster: NAME unused; a resource type: by
 * its name through the cluster), call its Api*Control with FUNCTION and
 * IN, close it.  *out is the output (on mem_ctx); result->werr the
 * server's answer, failed_call set when opening failed.
 */
struct tevent_req *clusapi_control_send(TALLOC_CTX *mem_ctx,
					struct tevent_context *ev,
					struct clusapi_conn *conn,
					enum clusapi_control_object object,
					const char *name, uint32_t function,
					const DATA_BLOB *in);
NTSTATUS clusapi_control_recv(struct tevent_req *req, TALLOC_CTX *mem_ctx,
			      DATA_BLOB *out,
			      struct clusapi_admin_result *result);

/* One property of a PROPERTY_LIST: its CLUSPROP_FORMAT and raw bytes */
struct clusapi_property {
	const char *name;
	uint32_t format;
	DATA_BLOB value;
	bool read_only;		/* the caller's to fill */
};

NTSTATUS clusapi_proplist_parse(TALLOC_CTX *mem_ctx, const DATA_BLOB *blob,
				struct clusapi_property **props,
				uint32_t *count);
NTSTATUS clusapi_proplist_build(TALLOC_CTX *mem_ctx,
				const struct clusapi_property *props,
				uint32_t count, DATA_BLOB *blob);

/* "DWORD", "SZ", "MULTI_SZ", "LARGE_INTEGER" ... and back */
const char *clusapi_property_format_name(uint32_t format);
bool clusapi_property_format_by_name(const char *name, uint32_t *format);

/*
 * A value as an administrator writes it: numbers in decimal (0x... is
 * taken too), strings as they are, MULTI_SZ as "a,b,c", binary as hex
 * bytes "01 02 ff".
 */
char *clusapi_property_text(TALLOC_CTX *mem_ctx,
			    const struct clusapi_property *p);
bool clusapi_property_parse_text(TALLOC_CTX *mem_ctx, uint32_t format,
				 const char *text, DATA_BLOB *value);

/* ApiGetQuorumResource */
struct clusapi_quorum_info {
	const char *resource;
	const char *device;
	uint32_t max_log_size;
};

struct tevent_req *clusapi_quorum_send(TALLOC_CTX *mem_ctx,
				       struct tevent_context *ev,
				       struct clusapi_conn *conn);
NTSTATUS clusapi_quorum_recv(struct tevent_req *req, TALLOC_CTX *mem_ctx,
			     struct clusapi_quorum_info *info, WERROR *werr);

/* ------------------------------------------------------------------ */
/* Notifications                                                       */
/* ------------------------------------------------------------------ */

struct clusapi_notification {
	uint32_t version;	/* 1: ApiGetNotify, 2: ApiGetNotifyV2 */
	uint32_t object_type;	/* v2: CLUSTER_OBJECT_TYPE_* */
	uint32_t filter;	/* v2: that type's CLUSTER_CHANGE_*_V2;
				   v1: CLUSTER_CHANGE_* */
	const char *name;	/* the object; may be NULL */
	const char *object_id;	/* v2 */
	const char *parent_id;	/* v2 */
	const char *type;	/* v2: the resource type */
};

typedef void (*clusapi_notification_fn)(const struct clusapi_notification *n,
					void *private_data);

/*
 * Every notification of the cluster, to FN, until an error or until the
 * caller frees the request: version 2 when the server has it (and
 * v1_only is false), else version 1.  _recv: the NTSTATUS of a call
 * that could not be made, or NT_STATUS_OK and the WERROR a call
 * returned.
 */
struct tevent_req *clusapi_events_send(TALLOC_CTX *mem_ctx,
				       struct tevent_context *ev,
				       struct clusapi_conn *conn, bool v1_only,
				       clusapi_notification_fn fn,
				       void *private_data);
NTSTATUS clusapi_events_recv(struct tevent_req *req, WERROR *werr);

/* "group", "resource", ...; "state,owner-node" and what is left in hex */
const char *clusapi_notification_object_name(
	const struct clusapi_notification *n);
char *clusapi_notification_change(TALLOC_CTX *mem_ctx,
				  const struct clusapi_notification *n);

#pragma GCC visibility pop

#endif /* LIBCLUSAPI_H */
