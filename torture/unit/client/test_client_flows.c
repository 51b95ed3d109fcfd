/*
 * libclusapi unit tests: the flows (move, online, offline, lists, shows,
 * node pause/resume) against an in-process fake cluster
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The fake cluster speaks NDR: the library's calls go through PIDL's
 * marshalling into raw_call_send below, which unmarshals them, answers
 * from a three-node, two-group model and marshals the answer back.
 * Answers are delivered from the event loop, like a network's.  A move
 * takes move_delay_ms; ApiGetNotifyV2 blocks until an event is queued,
 * the port is unblocked or closed.  No server, no sockets: the timing
 * is the fake's, so the tests check behaviour, not speed.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <util/tevent_ntstatus.h>
#include "lib/clusapi_private.h"
#include "librpc/gen_ndr/ndr_clusapi.h"
#include "torture/lib/fake_binding.h"

#define H_CLUSTER	1
#define H_NODE		2
#define H_GROUP		3
#define H_NOTIFY	4

struct fake_node {
	const char *name;
	uint32_t state;
};

struct fake_group {
	const char *name;
	uint32_t state;
	int owner;
};

struct fake_cluster {
	struct tevent_context *ev;
	struct fake_node nodes[3];
	struct fake_group groups[2];

	uint32_t move_delay_ms;
	bool move_fails;		/* the group ends Failed */
	bool sync_move;			/* no IO_PENDING: done at once */
	WERROR create_notify_error;	/* rpc_error of ApiCreateNotifyV2 */
	bool notify_fault;		/* ApiCreateNotifyV2: a fault */

	struct tevent_timer *move_timer;
	int moving_group;
	int move_source;
	int move_target;

	/* the notification port */
	bool port_open;
	bool port_registered;
	bool port_unblocked;
	uint32_t notify_key;
	uint64_t queued_flags[16];
	const char *queued_names[16];
	unsigned num_queued;
	struct tevent_req *blocked_getnotify;

	unsigned calls[NDR_CLUSAPI_CALL_COUNT];
	int open_handles;
};

static struct fake_cluster *fake_new(TALLOC_CTX *mem_ctx,
				     struct tevent_context *ev)
{
	struct fake_cluster *f = talloc_zero(mem_ctx, struct fake_cluster);

	f->ev = ev;
	f->nodes[0] = (struct fake_node){ "NodeA", CLUSAPI_NODE_UP };
	f->nodes[1] = (struct fake_node){ "NodeB", CLUSAPI_NODE_UP };
	f->nodes[2] = (struct fake_node){ "NodeC", CLUSAPI_NODE_PAUSED };
	f->groups[0] = (struct fake_group){ "Application Group",
					    CLUSAPI_GROUP_ONLINE, 0 };
	f->groups[1] = (struct fake_group){ "Cluster Group",
					    CLUSAPI_GROUP_ONLINE, 0 };
	f->move_delay_ms = 50;
	f->create_notify_error = WERR_OK;
	f->moving_group = -1;
	return f;
}

static struct policy_handle fake_handle(struct fake_cluster *f,
					uint32_t type, uint32_t index)
{
	struct policy_handle h = { .handle_type = type };

	h.uuid.time_low = index + 1;
	h.uuid.time_mid = 0xc1;
	f->open_handles += 1;
	return h;
}

static int fake_lookup(const struct policy_handle *h, uint32_t type)
{
	if (h->handle_type != type || h->uuid.time_mid != 0xc1) {
		return -1;
	}
	return (int)h->uuid.time_low - 1;
}

static int fake_find_node(struct fake_cluster *f, const char *name)
{
	int i;

	for (i = 0; i < 3; i++) {
		if (strcasecmp(f->nodes[i].name, name) == 0) {
			return i;
		}
	}
	return -1;
}

static int fake_find_group(struct fake_cluster *f, const char *name)
{
	int i;

	for (i = 0; i < 2; i++) {
		if (strcmp(f->groups[i].name, name) == 0) {
			return i;
		}
	}
	return -1;
}

/* ---- raw calls ---------------------------------------------------- */

/* One call to the fake cluster: the fake_binding call's data */
struct fake_call_state {
	struct fake_cluster *f;
	uint32_t opnum;
	void *r;
};

static struct fake_call_state *fake_call(struct tevent_req *req)
{
	return talloc_get_type_abort(fake_binding_call_data(req),
				     struct fake_call_state);
}

static void fake_getnotify_answer(struct tevent_req *req);

static void fake_reply(struct tevent_req *req)
{
	struct fake_call_state *state = fake_call(req);
	const struct ndr_interface_call *call =
		&ndr_table_clusapi.calls[state->opnum];
	struct ndr_push *push;
	enum ndr_err_code ndr_err;

	push = ndr_push_init_ctx(state);
	if (tevent_req_nomem(push, req)) {
		return;
	}
	ndr_err = call->ndr_push(push, NDR_OUT, state->r);
	if (!NDR_ERR_CODE_IS_SUCCESS(ndr_err)) {
		tevent_req_nterror(req, ndr_map_error2ntstatus(ndr_err));
		return;
	}
	fake_binding_reply(req, ndr_push_blob(push));
}

static void fake_queue_event(struct fake_cluster *f, int group,
			     uint64_t flags)
{
	struct tevent_req *req;

	if (!f->port_open || !f->port_registered || f->num_queued >= 16) {
		return;
	}
	f->queued_flags[f->num_queued] = flags;
	f->queued_names[f->num_queued] = f->groups[group].name;
	f->num_queued += 1;

	req = f->blocked_getnotify;
	if (req != NULL) {
		f->blocked_getnotify = NULL;
		/* from the event loop, as a network answer would come */
		tevent_req_defer_callback(req, f->ev);
		fake_getnotify_answer(req);
	}
}

static void fake_move_done(struct tevent_context *ev, struct tevent_timer *te,
			   struct timeval now, void *private_data)
{
	struct fake_cluster *f = private_data;
	struct fake_group *g = &f->groups[f->moving_group];

	f->move_timer = NULL;
	g->owner = f->move_target;
	g->state = f->move_fails ? CLUSAPI_GROUP_FAILED :
		CLUSAPI_GROUP_ONLINE;
	fake_queue_event(f, f->moving_group,
			 CLUSTER_CHANGE_GROUP_OWNER_NODE_V2 |
			 CLUSTER_CHANGE_GROUP_STATE_V2);
	f->moving_group = -1;
}

static WERROR fake_move(struct fake_cluster *f, int group, int node)
{
	struct fake_group *g = &f->groups[group];
	int i;

	if (node < 0) {
		/* ApiMoveGroup: the first Up node that is not the owner */
		for (i = 0; i < 3; i++) {
			if (i != g->owner &&
			    f->nodes[i].state == CLUSAPI_NODE_UP) {
				node = i;
				break;
			}
		}
		if (node < 0) {
			return WERR_HOST_NODE_NOT_AVAILABLE;
		}
	}
	if (node == g->owner) {
		return WERR_OK;
	}
	if (f->nodes[node].state == CLUSAPI_NODE_PAUSED) {
		return WERR_CLUSTER_NODE_PAUSED;
	}
	if (g->state == CLUSAPI_GROUP_PENDING) {
		return WERR_CLUSTER_GROUP_MOVING;
	}
	if (f->sync_move) {
		g->owner = node;
		return WERR_OK;
	}
	g->state = CLUSAPI_GROUP_PENDING;
	fake_queue_event(f, group, CLUSTER_CHANGE_GROUP_STATE_V2);
	f->moving_group = group;
	f->move_source = g->owner;
	f->move_target = node;
	f->move_timer = tevent_add_timer(
		f->ev, f,
		tevent_timeval_current_ofs(f->move_delay_ms / 1000,
					   (f->move_delay_ms % 1000) * 1000),
		fake_move_done, f);
	return WERR_IO_PENDING;
}

static void fake_getnotify_answer(struct tevent_req *req)
{
	struct fake_call_state *state = fake_call(req);
	struct fake_cluster *f = state->f;
	struct ApiGetNotifyV2 *r = state->r;
	struct NOTIFICATION_RPC *n;
	unsigned i;

	if (!f->port_open) {
		r->out.result = WERR_INVALID_HANDLE;
		fake_reply(req);
		return;
	}
	if (f->num_queued == 0) {
		/* unblocked */
		r->out.result = WERR_OK;
		*r->out.dwNumNotifications = 0;
		fake_reply(req);
		return;
	}
	n = talloc_zero_array(state, struct NOTIFICATION_RPC, f->num_queued);
	for (i = 0; i < f->num_queued; i++) {
		n[i].dwNotifyKey = f->notify_key;
		n[i].NotificationData.FilterAndType.dwObjectType =
			CLUSTER_OBJECT_TYPE_GROUP;
		n[i].NotificationData.FilterAndType.FilterFlags =
			f->queued_flags[i];
		n[i].NotificationData.Name = f->queued_names[i];
		n[i].NotificationData.ObjectId = "id";
		n[i].NotificationData.ParentId = "";
		n[i].NotificationData.Type = "";
	}
	*r->out.Notifications = n;
	*r->out.dwNumNotifications = f->num_queued;
	f->num_queued = 0;
	r->out.result = WERR_OK;
	fake_reply(req);
}

static void fake_getnotify_cleanup(struct tevent_req *req,
				   enum tevent_req_state req_state)
{
	struct fake_call_state *state = fake_call(req);

	if (state->f->blocked_getnotify == req) {
		state->f->blocked_getnotify = NULL;
	}
}

static void fake_unblock(struct fake_cluster *f)
{
	struct tevent_req *req = f->blocked_getnotify;

	if (req != NULL) {
		f->blocked_getnotify = NULL;
		tevent_req_defer_callback(req, f->ev);
		fake_getnotify_answer(req);
	}
}

/*
 * Answer one call; false if the call stays pending (ApiGetNotifyV2) or
 * ends in a fault.
 */
static bool fake_dispatch(struct tevent_req *req)
{
	struct fake_call_state *state = fake_call(req);
	struct fake_cluster *f = state->f;
	void *rr = state->r;
	int i, j;

	f->calls[state->opnum] += 1;

	switch (state->opnum) {
	case NDR_APIOPENCLUSTER: {
		struct ApiOpenCluster *r = rr;

		*r->out.Status = WERR_OK;
		*r->out.Cluster = fake_handle(f, H_CLUSTER, 0);
		return true;
	}
	case NDR_APIOPENNODE: {
		struct ApiOpenNode *r = rr;

		i = fake_find_node(f, r->in.lpszNodeName);
		*r->out.rpc_status = WERR_OK;
		if (i < 0) {
			*r->out.Status = WERR_CLUSTER_NODE_NOT_FOUND;
			return true;
		}
		*r->out.Status = WERR_OK;
		*r->out.hNode = fake_handle(f, H_NODE, i);
		return true;
	}
	case NDR_APIOPENGROUP: {
		struct ApiOpenGroup *r = rr;

		i = fake_find_group(f, r->in.lpszGroupName);
		*r->out.rpc_status = WERR_OK;
		if (i < 0) {
			*r->out.Status = WERR_GROUP_NOT_FOUND;
			return true;
		}
		*r->out.Status = WERR_OK;
		*r->out.hGroup = fake_handle(f, H_GROUP, i);
		return true;
	}
	case NDR_APICLOSECLUSTER:
	case NDR_APICLOSENODE:
	case NDR_APICLOSEGROUP: {
		/* the three have the same layout */
		struct ApiCloseGroup *r = rr;

		f->open_handles -= 1;
		NDR_ZERO_STRUCTP(r->out.Group);
		r->out.result = WERR_OK;
		return true;
	}
	case NDR_APIGETGROUPSTATE: {
		struct ApiGetGroupState *r = rr;

		i = fake_lookup(&r->in.hGroup, H_GROUP);
		*r->out.rpc_status = WERR_OK;
		if (i < 0) {
			r->out.result = WERR_INVALID_HANDLE;
			*r->out.NodeName = "";
			return true;
		}
		*r->out.State = f->groups[i].state;
		*r->out.NodeName = f->nodes[f->groups[i].owner].name;
		r->out.result = WERR_OK;
		return true;
	}
	case NDR_APIMOVEGROUPTONODE: {
		struct ApiMoveGroupToNode *r = rr;

		i = fake_lookup(&r->in.hGroup, H_GROUP);
		j = fake_lookup(&r->in.hNode, H_NODE);
		*r->out.rpc_status = WERR_OK;
		r->out.result = fake_move(f, i, j);
		return true;
	}
	case NDR_APIMOVEGROUP: {
		struct ApiMoveGroup *r = rr;

		i = fake_lookup(&r->in.hGroup, H_GROUP);
		*r->out.rpc_status = WERR_OK;
		r->out.result = fake_move(f, i, -1);
		return true;
	}
	case NDR_APIONLINEGROUP:
	case NDR_APIOFFLINEGROUP: {
		struct ApiOnlineGroup *r = rr;

		i = fake_lookup(&r->in.hGroup, H_GROUP);
		*r->out.rpc_status = WERR_OK;
		f->groups[i].state = state->opnum == NDR_APIONLINEGROUP ?
			CLUSAPI_GROUP_ONLINE : CLUSAPI_GROUP_OFFLINE;
		fake_queue_event(f, i, CLUSTER_CHANGE_GROUP_STATE_V2);
		r->out.result = WERR_OK;
		return true;
	}
	case NDR_APICANCELCLUSTERGROUPOPERATION: {
		struct ApiCancelClusterGroupOperation *r = rr;

		i = fake_lookup(&r->in.hGroup, H_GROUP);
		*r->out.rpc_status = WERR_OK;
		if (f->moving_group != i) {
			r->out.result = WERR_INVALID_STATE;
			return true;
		}
		TALLOC_FREE(f->move_timer);
		f->groups[i].state = CLUSAPI_GROUP_ONLINE;
		f->groups[i].owner = f->move_source;
		f->moving_group = -1;
		fake_queue_event(f, i, CLUSTER_CHANGE_GROUP_STATE_V2);
		r->out.result = WERR_OK;
		return true;
	}
	case NDR_APICREATENOTIFYV2: {
		struct ApiCreateNotifyV2 *r = rr;

		if (f->notify_fault) {
			tevent_req_nterror(req,
					   NT_STATUS_RPC_PROCNUM_OUT_OF_RANGE);
			return false;
		}
		*r->out.rpc_status = WERR_OK;
		*r->out.rpc_error = f->create_notify_error;
		if (!W_ERROR_IS_OK(f->create_notify_error)) {
			return true;
		}
		f->port_open = true;
		f->port_registered = false;
		f->port_unblocked = false;
		f->num_queued = 0;
		*r->out.hNotify = fake_handle(f, H_NOTIFY, 0);
		return true;
	}
	case NDR_APIADDNOTIFYV2: {
		struct ApiAddNotifyV2 *r = rr;

		*r->out.rpc_status = WERR_OK;
		if (fake_lookup(&r->in.hNotify, H_NOTIFY) != 0 ||
		    fake_lookup(&r->in.hObject, H_GROUP) < 0) {
			r->out.result = WERR_INVALID_HANDLE;
			return true;
		}
		assert_int_equal(r->in.filter.dwObjectType,
				 CLUSTER_OBJECT_TYPE_GROUP);
		assert_int_equal(r->in.filter.FilterFlags,
				 CLUSTER_CHANGE_GROUP_STATE_V2 |
				 CLUSTER_CHANGE_GROUP_OWNER_NODE_V2);
		f->port_registered = true;
		f->notify_key = r->in.dwNotifyKey;
		r->out.result = WERR_OK;
		return true;
	}
	case NDR_APIGETNOTIFYV2: {
		if (!f->port_open || f->num_queued > 0 || f->port_unblocked) {
			fake_getnotify_answer(req);
			return false;
		}
		assert_null(f->blocked_getnotify);
		f->blocked_getnotify = req;
		tevent_req_set_cleanup_fn(req, fake_getnotify_cleanup);
		return false;
	}
	case NDR_APIUNBLOCKGETNOTIFYCALL: {
		struct ApiUnblockGetNotifyCall *r = rr;

		f->port_unblocked = true;
		fake_unblock(f);
		r->out.result = WERR_OK;
		return true;
	}
	case NDR_APICLOSENOTIFY: {
		struct ApiCloseNotify *r = rr;

		f->port_open = false;
		f->port_registered = false;
		f->open_handles -= 1;
		fake_unblock(f);
		NDR_ZERO_STRUCTP(r->out.Notify);
		r->out.result = WERR_OK;
		return true;
	}
	case NDR_APIGETCLUSTERNAME: {
		struct ApiGetClusterName *r = rr;

		*r->out.ClusterName = "FAKECLUSTER";
		*r->out.NodeName = "NodeA";
		r->out.result = WERR_OK;
		return true;
	}
	case NDR_APIGETCLUSTERVERSION2: {
		struct ApiGetClusterVersion2 *r = rr;
		struct CLUSTER_OPERATIONAL_VERSION_INFO *v;

		v = talloc_zero(state, struct CLUSTER_OPERATIONAL_VERSION_INFO);
		v->dwSize = 20;
		v->dwClusterHighestVersion = 0x000a0001;
		v->dwClusterLowestVersion = 0x00090000;
		*r->out.lpwMajorVersion = 10;
		*r->out.lpwMinorVersion = 0;
		*r->out.lpwBuildNumber = 20348;
		*r->out.lpszVendorId = "Fake";
		*r->out.lpszCSDVersion = "";
		*r->out.ppClusterOpVerInfo = v;
		*r->out.rpc_status = WERR_OK;
		r->out.result = WERR_OK;
		return true;
	}
	case NDR_APICREATEENUM: {
		struct ApiCreateEnum *r = rr;
		struct ENUM_LIST *l = talloc_zero(state, struct ENUM_LIST);

		*r->out.rpc_status = WERR_OK;
		if (r->in.dwType == CLUSTER_ENUM_NODE) {
			l->EntryCount = 3;
			l->Entry = talloc_zero_array(l, struct ENUM_ENTRY, 3);
			for (i = 0; i < 3; i++) {
				l->Entry[i].Type = CLUSTER_ENUM_NODE;
				l->Entry[i].Name = f->nodes[2 - i].name;
			}
		} else if (r->in.dwType == CLUSTER_ENUM_GROUP) {
			l->EntryCount = 2;
			l->Entry = talloc_zero_array(l, struct ENUM_ENTRY, 2);
			/* not sorted: the library sorts */
			for (i = 0; i < 2; i++) {
				l->Entry[i].Type = CLUSTER_ENUM_GROUP;
				l->Entry[i].Name = f->groups[1 - i].name;
			}
		} else {
			r->out.result = WERR_INVALID_PARAMETER;
			*r->out.ReturnEnum = l;
			return true;
		}
		*r->out.ReturnEnum = l;
		r->out.result = WERR_OK;
		return true;
	}
	case NDR_APICREATENODEENUM: {
		struct ApiCreateNodeEnum *r = rr;
		struct ENUM_LIST *l = talloc_zero(state, struct ENUM_LIST);

		i = fake_lookup(&r->in.hNode, H_NODE);
		l->Entry = talloc_zero_array(l, struct ENUM_ENTRY, 2);
		for (j = 0; j < 2; j++) {
			if (f->groups[j].owner == i) {
				l->Entry[l->EntryCount].Type =
					CLUSTER_NODE_ENUM_GROUPS;
				l->Entry[l->EntryCount].Name =
					f->groups[j].name;
				l->EntryCount += 1;
			}
		}
		*r->out.ReturnEnum = l;
		*r->out.rpc_status = WERR_OK;
		r->out.result = WERR_OK;
		return true;
	}
	case NDR_APIGETNODESTATE: {
		struct ApiGetNodeState *r = rr;

		i = fake_lookup(&r->in.hNode, H_NODE);
		*r->out.State = f->nodes[i].state;
		*r->out.rpc_status = WERR_OK;
		r->out.result = WERR_OK;
		return true;
	}
	case NDR_APIGETNODEID:
	case NDR_APIGETGROUPID: {
		/* the same layout */
		struct ApiGetNodeId *r = rr;

		*r->out.pGuid = talloc_asprintf(state, "id-%u",
						r->in.hNode.uuid.time_low);
		*r->out.rpc_status = WERR_OK;
		r->out.result = WERR_OK;
		return true;
	}
	case NDR_APIPAUSENODE: {
		struct ApiPauseNode *r = rr;

		i = fake_lookup(&r->in.hNode, H_NODE);
		f->nodes[i].state = CLUSAPI_NODE_PAUSED;
		*r->out.rpc_status = WERR_OK;
		r->out.result = WERR_OK;
		return true;
	}
	case NDR_APIRESUMENODE: {
		struct ApiResumeNode *r = rr;

		i = fake_lookup(&r->in.hNode, H_NODE);
		*r->out.rpc_status = WERR_OK;
		if (f->nodes[i].state != CLUSAPI_NODE_PAUSED) {
			r->out.result = WERR_CLUSTER_NODE_NOT_PAUSED;
			return true;
		}
		f->nodes[i].state = CLUSAPI_NODE_UP;
		r->out.result = WERR_OK;
		return true;
	}
	default:
		tevent_req_nterror(req, NT_STATUS_RPC_PROCNUM_OUT_OF_RANGE);
		return false;
	}
}

/* The fake cluster answers one call, at once or (GetNotifyV2) later */
static void fake_answer(struct tevent_req *req, uint32_t opnum, DATA_BLOB in,
			void *private_data)
{
	struct fake_call_state *state;
	const struct ndr_interface_call *call;
	struct ndr_pull *pull;
	enum ndr_err_code ndr_err;

	state = talloc_zero(req, struct fake_call_state);
	assert_non_null(state);
	fake_binding_set_call_data(req, state);
	state->f = private_data;
	state->opnum = opnum;
	if (opnum >= ndr_table_clusapi.num_calls) {
		tevent_req_nterror(req, NT_STATUS_RPC_PROCNUM_OUT_OF_RANGE);
		return;
	}
	call = &ndr_table_clusapi.calls[opnum];
	state->r = talloc_zero_size(state, call->struct_size);
	pull = ndr_pull_init_blob(&in, state);
	pull->flags |= LIBNDR_FLAG_REF_ALLOC;
	ndr_err = call->ndr_pull(pull, NDR_IN, state->r);
	assert_true(NDR_ERR_CODE_IS_SUCCESS(ndr_err));

	if (fake_dispatch(req)) {
		fake_reply(req);
	}
}

static struct dcerpc_binding_handle *fake_binding_handle(
	TALLOC_CTX *mem_ctx, struct fake_cluster *f)
{
	struct dcerpc_binding_handle *h;

	h = fake_binding_new(mem_ctx, fake_answer, f);
	assert_non_null(h);
	return h;
}

/* ---- fixture ------------------------------------------------------ */

struct fixture {
	struct tevent_context *ev;
	struct fake_cluster *f;
	struct clusapi_conn *conn;
	struct dcerpc_binding_handle *h;
	struct dcerpc_binding_handle *notify_h;
};

static int setup(void **state)
{
	struct fixture *x = talloc_zero(NULL, struct fixture);
	NTSTATUS status;

	x->ev = tevent_context_init(x);
	x->f = fake_new(x, x->ev);
	x->h = fake_binding_handle(x, x->f);
	x->notify_h = fake_binding_handle(x, x->f);
	status = clusapi_conn_from_binding_handles(x, x->ev, x->h,
						   x->notify_h, &x->conn);
	assert_true(NT_STATUS_IS_OK(status));
	*state = x;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *x = *state;

	/* the fake's timers and pending calls go first */
	talloc_free(x->conn);
	TALLOC_FREE(x->f->move_timer);
	talloc_free(x);
	return 0;
}

/* CLUSAPI_TEST_VERBOSE=1 shows what the flows saw */
static void print_events(const struct clusapi_flow_result *r)
{
	unsigned i;

	if (getenv("CLUSAPI_TEST_VERBOSE") == NULL) {
		return;
	}
	for (i = 0; i < r->num_events; i++) {
		char *s = clusapi_event_string(NULL, &r->events[i]);

		print_message("  [%4u ms] %s\n", r->events[i].elapsed_ms, s);
		talloc_free(s);
	}
}

static struct clusapi_flow_result *run_move(struct fixture *x,
					    const char *group,
					    const char *node,
					    const struct clusapi_move_opts *o)
{
	struct clusapi_flow_result *r = NULL;
	struct tevent_req *req;
	NTSTATUS status;

	req = clusapi_move_group_send(x, x->ev, x->conn, group, node, o);
	assert_non_null(req);
	assert_true(tevent_req_poll(req, x->ev));
	status = clusapi_move_group_recv(req, x, &r);
	TALLOC_FREE(req);
	assert_true(NT_STATUS_IS_OK(status));
	assert_non_null(r);
	print_events(r);
	/* whatever happened, every handle and the port were closed */
	assert_int_equal(x->f->open_handles, 0);
	assert_false(x->f->port_open);
	assert_null(x->f->blocked_getnotify);
	assert_false(x->conn->notify_busy);
	return r;
}

static unsigned count_steps(const struct clusapi_flow_result *r,
			    enum clusapi_step step)
{
	unsigned i, n = 0;

	for (i = 0; i < r->num_events; i++) {
		if (r->events[i].step == step) {
			n++;
		}
	}
	return n;
}

static const struct clusapi_event *find_step(
	const struct clusapi_flow_result *r, enum clusapi_step step)
{
	unsigned i;

	for (i = 0; i < r->num_events; i++) {
		if (r->events[i].step == step) {
			return &r->events[i];
		}
	}
	return NULL;
}

static unsigned progress_calls;

static void count_progress(const struct clusapi_event *e, void *p)
{
	progress_calls += 1;
}

/* ---- tests -------------------------------------------------------- */

/* MS-CMRP 4.2 with a notification port: the sequence of calls */
static void test_move_notify(void **state)
{
	struct fixture *x = *state;
	struct clusapi_move_opts o = {
		.wait = true,
		/* only a notification can end this wait in time */
		.poll_interval_ms = 600000,
		.progress = count_progress,
	};
	static const enum clusapi_step expected[] = {
		CLUSAPI_STEP_OPEN_CLUSTER,
		CLUSAPI_STEP_OPEN_GROUP,
		CLUSAPI_STEP_GROUP_STATE,
		CLUSAPI_STEP_OPEN_NODE,
		CLUSAPI_STEP_MOVE,
		CLUSAPI_STEP_NOTIFY_READY,
		CLUSAPI_STEP_GROUP_STATE,	/* Pending on NodeA */
	};
	struct clusapi_flow_result *r;
	const struct clusapi_event *e;
	unsigned i;

	progress_calls = 0;
	r = run_move(x, "Application Group", "NodeB", &o);
	assert_int_equal(r->outcome, CLUSAPI_OUTCOME_DONE);
	assert_true(W_ERROR_IS_OK(r->werr));
	assert_true(r->used_notify);
	assert_string_equal(r->owner, "NodeB");
	assert_string_equal(r->initial_owner, "NodeA");
	assert_int_equal(r->state, CLUSAPI_GROUP_ONLINE);
	assert_int_equal(progress_calls, r->num_events);

	assert_true(r->num_events > 8);
	for (i = 0; i < sizeof(expected) / sizeof(expected[0]); i++) {
		assert_int_equal(r->events[i].step, expected[i]);
	}
	assert_string_equal(r->events[0].call, "ApiOpenCluster");
	assert_int_equal(r->events[2].state, CLUSAPI_GROUP_ONLINE);
	assert_string_equal(r->events[2].node, "NodeA");
	assert_string_equal(r->events[4].call, "ApiMoveGroupToNode");
	assert_int_equal(W_ERROR_V(r->events[4].werr), 0x3e5);
	assert_int_equal(r->events[6].state, CLUSAPI_GROUP_PENDING);

	/* learnt from a notification, not from polling */
	assert_true(count_steps(r, CLUSAPI_STEP_NOTIFICATION) >= 1);
	assert_int_equal(count_steps(r, CLUSAPI_STEP_NOTIFY_FALLBACK), 0);
	e = &r->events[r->num_events - 2];
	assert_int_equal(e->step, CLUSAPI_STEP_GROUP_STATE);
	assert_int_equal(e->state, CLUSAPI_GROUP_ONLINE);
	assert_string_equal(e->node, "NodeB");
	e = &r->events[r->num_events - 1];
	assert_int_equal(e->step, CLUSAPI_STEP_DONE);
	assert_int_equal(e->outcome, CLUSAPI_OUTCOME_DONE);

	assert_int_equal(x->f->calls[NDR_APIMOVEGROUPTONODE], 1);
	assert_int_equal(x->f->calls[NDR_APICREATENOTIFYV2], 1);
	assert_int_equal(x->f->calls[NDR_APIADDNOTIFYV2], 1);
	assert_int_equal(x->f->calls[NDR_APIUNBLOCKGETNOTIFYCALL], 1);
	assert_int_equal(x->f->calls[NDR_APICLOSENOTIFY], 1);
	assert_int_equal(x->f->groups[0].owner, 1);

	/* the notification connection is free for the next wait */
	r = run_move(x, "Application Group", "NodeA", &o);
	assert_int_equal(r->outcome, CLUSAPI_OUTCOME_DONE);
	assert_true(r->used_notify);
	assert_int_equal(x->f->calls[NDR_APICREATENOTIFYV2], 2);
}

/* The server has no notification port: poll ApiGetGroupState */
static void test_move_poll_not_implemented(void **state)
{
	struct fixture *x = *state;
	struct clusapi_move_opts o = {
		.wait = true,
		.poll_interval_ms = 10,
	};
	struct clusapi_flow_result *r;
	const struct clusapi_event *e;

	x->f->create_notify_error = WERR_CALL_NOT_IMPLEMENTED;
	r = run_move(x, "Application Group", "NodeB", &o);
	assert_int_equal(r->outcome, CLUSAPI_OUTCOME_DONE);
	assert_false(r->used_notify);
	e = find_step(r, CLUSAPI_STEP_NOTIFY_FALLBACK);
	assert_non_null(e);
	assert_string_equal(e->call, "ApiCreateNotifyV2");
	assert_int_equal(W_ERROR_V(e->werr), 0x78);
	assert_int_equal(e->interval_ms, 10);
	assert_int_equal(count_steps(r, CLUSAPI_STEP_NOTIFICATION), 0);
	/* Pending at least once, then Online on NodeB */
	assert_true(count_steps(r, CLUSAPI_STEP_GROUP_STATE) >= 3);
	assert_string_equal(r->owner, "NodeB");
	assert_int_equal(x->f->calls[NDR_APIGETNOTIFYV2], 0);
}

static void test_move_poll_fault(void **state)
{
	struct fixture *x = *state;
	struct clusapi_move_opts o = {
		.wait = true,
		.poll_interval_ms = 10,
	};
	struct clusapi_flow_result *r;
	const struct clusapi_event *e;

	x->f->notify_fault = true;
	r = run_move(x, "Application Group", "NodeB", &o);
	assert_int_equal(r->outcome, CLUSAPI_OUTCOME_DONE);
	assert_false(r->used_notify);
	e = find_step(r, CLUSAPI_STEP_NOTIFY_FALLBACK);
	assert_non_null(e);
	assert_true(NT_STATUS_EQUAL(e->status,
				    NT_STATUS_RPC_PROCNUM_OUT_OF_RANGE));
}

static void test_move_poll_asked(void **state)
{
	struct fixture *x = *state;
	struct clusapi_move_opts o = {
		.wait = true,
		.poll_interval_ms = 10,
		.no_notify = true,
	};
	struct clusapi_flow_result *r;

	r = run_move(x, "Application Group", "NodeB", &o);
	assert_int_equal(r->outcome, CLUSAPI_OUTCOME_DONE);
	assert_false(r->used_notify);
	assert_int_equal(x->f->calls[NDR_APICREATENOTIFYV2], 0);
}

/* A connection without the second connection polls */
static void test_move_no_notify_connection(void **state)
{
	struct fixture *x = *state;
	struct clusapi_move_opts o = {
		.wait = true,
		.poll_interval_ms = 10,
	};
	struct clusapi_flow_result *r;
	const struct clusapi_event *e;

	x->conn->notify_h = NULL;
	x->conn->notify_status = NT_STATUS_CONNECTION_REFUSED;
	r = run_move(x, "Application Group", "NodeB", &o);
	assert_int_equal(r->outcome, CLUSAPI_OUTCOME_DONE);
	assert_false(r->used_notify);
	e = find_step(r, CLUSAPI_STEP_NOTIFY_FALLBACK);
	assert_non_null(e);
	assert_null(e->call);
	assert_true(NT_STATUS_EQUAL(e->status,
				    NT_STATUS_CONNECTION_REFUSED));
}

/* The target owns the group already: nothing is moved */
static void test_move_already_owner(void **state)
{
	struct fixture *x = *state;
	struct clusapi_move_opts o = { .wait = true };
	struct clusapi_flow_result *r;

	r = run_move(x, "Application Group", "nodea", &o);
	assert_int_equal(r->outcome, CLUSAPI_OUTCOME_ALREADY);
	assert_true(W_ERROR_IS_OK(r->werr));
	assert_int_equal(count_steps(r, CLUSAPI_STEP_MOVE), 0);
	assert_int_equal(count_steps(r, CLUSAPI_STEP_OPEN_NODE), 0);
	assert_int_equal(x->f->calls[NDR_APIMOVEGROUPTONODE], 0);
	assert_int_equal(x->f->calls[NDR_APICREATENOTIFYV2], 0);
}

/* A refusal carries the server's WERROR unchanged */
static void test_move_paused(void **state)
{
	struct fixture *x = *state;
	struct clusapi_move_opts o = { .wait = true };
	struct clusapi_flow_result *r;

	r = run_move(x, "Application Group", "NodeC", &o);
	assert_int_equal(r->outcome, CLUSAPI_OUTCOME_REFUSED);
	assert_int_equal(W_ERROR_V(r->werr), 0x13ce);
	assert_true(NT_STATUS_IS_OK(r->status));
	assert_true(r->from_server);
	assert_string_equal(r->failed_call, "ApiMoveGroupToNode");
	assert_int_equal(r->failed_type, CLUSAPI_OBJECT_GROUP);
	assert_int_equal(x->f->groups[0].owner, 0);
	assert_int_equal(x->f->calls[NDR_APICREATENOTIFYV2], 0);
}

static void test_move_unknown(void **state)
{
	struct fixture *x = *state;
	struct clusapi_move_opts o = { .wait = true };
	struct clusapi_flow_result *r;

	r = run_move(x, "Application Group", "NodeD", &o);
	assert_int_equal(r->outcome, CLUSAPI_OUTCOME_REFUSED);
	assert_int_equal(W_ERROR_V(r->werr), 0x13b2);
	assert_string_equal(r->failed_call, "ApiOpenNode");
	assert_int_equal(r->failed_type, CLUSAPI_OBJECT_NODE);
	assert_string_equal(r->failed_name, "NodeD");

	r = run_move(x, "No Such Group", "NodeB", &o);
	assert_int_equal(r->outcome, CLUSAPI_OUTCOME_REFUSED);
	assert_int_equal(W_ERROR_V(r->werr), 0x1395);
	assert_string_equal(r->failed_call, "ApiOpenGroup");
}

/* A timeout ends the wait, not the move */
static void test_move_timeout(void **state)
{
	struct fixture *x = *state;
	struct clusapi_move_opts o = {
		.wait = true,
		.timeout_ms = 30,
	};
	struct clusapi_flow_result *r;

	x->f->move_delay_ms = 60000;
	r = run_move(x, "Application Group", "NodeB", &o);
	assert_int_equal(r->outcome, CLUSAPI_OUTCOME_TIMED_OUT);
	assert_int_equal(W_ERROR_V(r->werr), 0x5b4);
	assert_false(r->cancel_requested);
	assert_int_equal(count_steps(r, CLUSAPI_STEP_TIMEOUT), 1);
	assert_int_equal(count_steps(r, CLUSAPI_STEP_CANCEL), 0);
	assert_int_equal(r->state, CLUSAPI_GROUP_PENDING);
	assert_int_equal(x->f->groups[0].state, CLUSAPI_GROUP_PENDING);
	assert_int_equal(x->f->calls[NDR_APICANCELCLUSTERGROUPOPERATION], 0);
}

static void test_move_timeout_cancel(void **state)
{
	struct fixture *x = *state;
	struct clusapi_move_opts o = {
		.wait = true,
		.timeout_ms = 30,
		.cancel_on_timeout = true,
	};
	struct clusapi_flow_result *r;
	const struct clusapi_event *e;

	x->f->move_delay_ms = 60000;
	r = run_move(x, "Application Group", "NodeB", &o);
	assert_int_equal(r->outcome, CLUSAPI_OUTCOME_TIMED_OUT);
	assert_true(r->cancel_requested);
	assert_true(W_ERROR_IS_OK(r->cancel_werr));
	e = find_step(r, CLUSAPI_STEP_CANCEL);
	assert_non_null(e);
	assert_string_equal(e->call, "ApiCancelClusterGroupOperation");
	assert_int_equal(x->f->calls[NDR_APICANCELCLUSTERGROUPOPERATION], 1);
	assert_int_equal(x->f->groups[0].state, CLUSAPI_GROUP_ONLINE);
	assert_int_equal(x->f->groups[0].owner, 0);
}

static void test_move_failed(void **state)
{
	struct fixture *x = *state;
	struct clusapi_move_opts o = { .wait = true };
	struct clusapi_flow_result *r;

	x->f->move_fails = true;
	r = run_move(x, "Application Group", "NodeB", &o);
	assert_int_equal(r->outcome, CLUSAPI_OUTCOME_FAILED);
	assert_int_equal(W_ERROR_V(r->werr), 0x13ae);
	assert_false(r->from_server);
	assert_int_equal(r->state, CLUSAPI_GROUP_FAILED);
	assert_string_equal(r->owner, "NodeB");
}

static void test_move_no_wait(void **state)
{
	struct fixture *x = *state;
	struct clusapi_flow_result *r;

	r = run_move(x, "Application Group", "NodeB", NULL);
	assert_int_equal(r->outcome, CLUSAPI_OUTCOME_STARTED);
	assert_int_equal(count_steps(r, CLUSAPI_STEP_NOTIFY_READY), 0);
	assert_int_equal(x->f->groups[0].state, CLUSAPI_GROUP_PENDING);
}

/* No node: ApiMoveGroup, the server picks */
static void test_move_server_picks(void **state)
{
	struct fixture *x = *state;
	struct clusapi_move_opts o = { .wait = true };
	struct clusapi_flow_result *r;
	const struct clusapi_event *e;

	r = run_move(x, "Cluster Group", NULL, &o);
	assert_int_equal(r->outcome, CLUSAPI_OUTCOME_DONE);
	assert_null(r->target);
	assert_string_equal(r->owner, "NodeB");
	e = find_step(r, CLUSAPI_STEP_MOVE);
	assert_string_equal(e->call, "ApiMoveGroup");
	assert_int_equal(x->f->calls[NDR_APIMOVEGROUP], 1);
	assert_int_equal(count_steps(r, CLUSAPI_STEP_OPEN_NODE), 0);
}

/* A synchronous server answers ERROR_SUCCESS: nothing to wait for */
static void test_move_sync_server(void **state)
{
	struct fixture *x = *state;
	struct clusapi_move_opts o = { .wait = true };
	struct clusapi_flow_result *r;

	x->f->sync_move = true;
	r = run_move(x, "Application Group", "NodeB", &o);
	assert_int_equal(r->outcome, CLUSAPI_OUTCOME_DONE);
	assert_string_equal(r->owner, "NodeB");
}

static struct clusapi_flow_result *run_online(struct fixture *x,
					      const char *group, bool online,
					      const struct clusapi_move_opts *o)
{
	struct clusapi_flow_result *r = NULL;
	struct tevent_req *req;
	NTSTATUS status;

	req = clusapi_group_set_online_send(x, x->ev, x->conn, group, online,
					    o);
	assert_non_null(req);
	assert_true(tevent_req_poll(req, x->ev));
	status = clusapi_group_set_online_recv(req, x, &r);
	TALLOC_FREE(req);
	assert_true(NT_STATUS_IS_OK(status));
	assert_int_equal(x->f->open_handles, 0);
	assert_false(x->f->port_open);
	return r;
}

static void test_online_offline(void **state)
{
	struct fixture *x = *state;
	struct clusapi_move_opts o = { .wait = true };
	struct clusapi_flow_result *r;
	const struct clusapi_event *e;

	r = run_online(x, "Application Group", true, &o);
	assert_int_equal(r->outcome, CLUSAPI_OUTCOME_ALREADY);
	assert_int_equal(x->f->calls[NDR_APIONLINEGROUP], 0);

	r = run_online(x, "Application Group", false, &o);
	assert_int_equal(r->outcome, CLUSAPI_OUTCOME_DONE);
	assert_int_equal(r->state, CLUSAPI_GROUP_OFFLINE);
	e = find_step(r, CLUSAPI_STEP_OFFLINE);
	assert_non_null(e);
	assert_string_equal(e->call, "ApiOfflineGroup");
	assert_int_equal(count_steps(r, CLUSAPI_STEP_OPEN_CLUSTER), 0);

	r = run_online(x, "Application Group", true, &o);
	assert_int_equal(r->outcome, CLUSAPI_OUTCOME_DONE);
	assert_int_equal(r->state, CLUSAPI_GROUP_ONLINE);
}

/* The library frees cleanly when the caller gives up mid-flight */
static void test_free_in_flight(void **state)
{
	struct fixture *x = *state;
	struct clusapi_move_opts o = { .wait = true };
	struct tevent_req *req;
	int i;

	x->f->move_delay_ms = 60000;
	req = clusapi_move_group_send(x, x->ev, x->conn, "Application Group",
				      "NodeB", &o);
	assert_non_null(req);
	for (i = 0; i < 50 && x->f->blocked_getnotify == NULL; i++) {
		tevent_loop_once(x->ev);
	}
	assert_non_null(x->f->blocked_getnotify);
	assert_true(x->conn->notify_busy);
	TALLOC_FREE(req);
	assert_false(x->conn->notify_busy);
	assert_null(x->f->blocked_getnotify);
}

/* ---- lists, shows, nodes, the cluster --------------------------- */

/*
 * The fake has no ApiCreateGroupEnum (it faults with
 * PROCNUM_OUT_OF_RANGE): this is the older servers' way, ApiCreateEnum
 * and then each group by name. clusapid answers ApiCreateGroupEnum
 * (clusctl group list in the suites).
 */
static void test_list_groups(void **state)
{
	struct fixture *x = *state;
	struct clusapi_object_info *objs = NULL;
	struct tevent_req *req;
	uint32_t count = 0;
	WERROR werr = WERR_GEN_FAILURE;
	NTSTATUS status;

	x->f->groups[1].owner = 1;
	x->f->groups[1].state = CLUSAPI_GROUP_PENDING;
	req = clusapi_list_send(x, x->ev, x->conn, CLUSAPI_OBJECT_GROUP, NULL);
	assert_true(tevent_req_poll(req, x->ev));
	status = clusapi_list_recv(req, x, &objs, &count, &werr);
	assert_true(NT_STATUS_IS_OK(status));
	assert_true(W_ERROR_IS_OK(werr));
	assert_int_equal(count, 2);
	assert_string_equal(objs[0].name, "Application Group");
	assert_string_equal(objs[0].owner_node, "NodeA");
	assert_int_equal(objs[0].state, CLUSAPI_GROUP_ONLINE);
	assert_string_equal(objs[1].name, "Cluster Group");
	assert_string_equal(objs[1].owner_node, "NodeB");
	assert_int_equal(objs[1].state, CLUSAPI_GROUP_PENDING);
	assert_null(objs[1].failed_call);
	assert_int_equal(x->f->open_handles, 0);
}

static void test_list_nodes(void **state)
{
	struct fixture *x = *state;
	struct clusapi_object_info *objs = NULL;
	struct tevent_req *req;
	uint32_t count = 0;
	WERROR werr = WERR_GEN_FAILURE;
	NTSTATUS status;

	req = clusapi_list_send(x, x->ev, x->conn, CLUSAPI_OBJECT_NODE, NULL);
	assert_true(tevent_req_poll(req, x->ev));
	status = clusapi_list_recv(req, x, &objs, &count, &werr);
	assert_true(NT_STATUS_IS_OK(status));
	assert_int_equal(count, 3);
	assert_string_equal(objs[0].name, "NodeA");
	assert_string_equal(objs[2].name, "NodeC");
	assert_int_equal(objs[2].state, CLUSAPI_NODE_PAUSED);
	assert_non_null(objs[0].id);
	assert_int_equal(x->f->open_handles, 0);
}

static void test_show_node(void **state)
{
	struct fixture *x = *state;
	struct clusapi_object_info *info = NULL;
	struct tevent_req *req;
	WERROR werr = WERR_GEN_FAILURE;
	NTSTATUS status;

	req = clusapi_object_info_send(x, x->ev, x->conn, CLUSAPI_OBJECT_NODE,
				       "NodeA", true);
	assert_true(tevent_req_poll(req, x->ev));
	status = clusapi_object_info_recv(req, x, &info, &werr);
	assert_true(NT_STATUS_IS_OK(status));
	assert_true(W_ERROR_IS_OK(werr));
	assert_int_equal(info->state, CLUSAPI_NODE_UP);
	assert_int_equal(info->num_groups, 2);
	assert_string_equal(info->groups[0], "Application Group");
	assert_int_equal(x->f->open_handles, 0);

	req = clusapi_object_info_send(x, x->ev, x->conn, CLUSAPI_OBJECT_NODE,
				       "NodeX", true);
	assert_true(tevent_req_poll(req, x->ev));
	status = clusapi_object_info_recv(req, x, &info, &werr);
	assert_true(NT_STATUS_IS_OK(status));
	assert_int_equal(W_ERROR_V(werr), 0x13b2);
	assert_string_equal(info->failed_call, "ApiOpenNode");
}

static void test_node_pause_resume(void **state)
{
	struct fixture *x = *state;
	struct tevent_req *req;
	const char *call = NULL;
	char *name = NULL;
	WERROR werr = WERR_GEN_FAILURE;
	NTSTATUS status;

	req = clusapi_node_resume_send(x, x->ev, x->conn, "NodeB", false);
	assert_true(tevent_req_poll(req, x->ev));
	status = clusapi_node_op_recv(req, x, &werr, &call, &name);
	assert_true(NT_STATUS_IS_OK(status));
	assert_int_equal(W_ERROR_V(werr), 0x13c2);
	assert_string_equal(call, "ApiResumeNode");
	assert_string_equal(name, "NodeB");

	req = clusapi_node_pause_send(x, x->ev, x->conn, "NodeB", false,
				      NULL);
	assert_true(tevent_req_poll(req, x->ev));
	status = clusapi_node_op_recv(req, x, &werr, &call, &name);
	assert_true(NT_STATUS_IS_OK(status));
	assert_true(W_ERROR_IS_OK(werr));
	assert_null(call);
	assert_int_equal(x->f->nodes[1].state, CLUSAPI_NODE_PAUSED);

	/* the fake has no ApiPauseNodeEx: a fault, carried as NTSTATUS */
	req = clusapi_node_pause_send(x, x->ev, x->conn, "NodeB", true, NULL);
	assert_true(tevent_req_poll(req, x->ev));
	status = clusapi_node_op_recv(req, x, &werr, &call, &name);
	assert_true(NT_STATUS_EQUAL(status,
				    NT_STATUS_RPC_PROCNUM_OUT_OF_RANGE));
	assert_string_equal(call, "ApiPauseNodeEx");
	assert_int_equal(x->f->open_handles, 0);
}

static void test_cluster_info(void **state)
{
	struct fixture *x = *state;
	struct clusapi_cluster_info *ci = NULL;
	struct tevent_req *req;
	WERROR werr = WERR_GEN_FAILURE;
	NTSTATUS status;

	req = clusapi_cluster_info_send(x, x->ev, x->conn);
	assert_true(tevent_req_poll(req, x->ev));
	status = clusapi_cluster_info_recv(req, x, &ci, &werr);
	assert_true(NT_STATUS_IS_OK(status));
	assert_true(W_ERROR_IS_OK(werr));
	assert_string_equal(ci->name, "FAKECLUSTER");
	assert_string_equal(ci->node, "NodeA");
	assert_int_equal(ci->major, 10);
	assert_int_equal(ci->build, 20348);
	assert_int_equal(ci->highest_version, 0x000a0001);
	assert_true(W_ERROR_IS_OK(ci->version_werr));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_move_notify, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			test_move_poll_not_implemented, setup, teardown),
		cmocka_unit_test_setup_teardown(test_move_poll_fault, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_move_poll_asked, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			test_move_no_notify_connection, setup, teardown),
		cmocka_unit_test_setup_teardown(test_move_already_owner,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_move_paused, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_move_unknown, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_move_timeout, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_move_timeout_cancel,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_move_failed, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_move_no_wait, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_move_server_picks, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_move_sync_server, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_online_offline, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_free_in_flight, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_list_groups, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_list_nodes, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_show_node, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_node_pause_resume, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_cluster_info, setup,
						teardown),
	};

	return cmocka_run_group_tests_name("client_flows", tests, NULL, NULL);
}
