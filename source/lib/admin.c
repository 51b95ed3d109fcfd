/*
 * libclusapi - administration: one change to a group, resource or node
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change is the same flow: open the object it is about and the
 * one it refers to (the group a resource moves to, the node it may run
 * on), make the call, close what was opened or created.  The calls go
 * through dcerpc_binding_handle_call_send() with PIDL's structures, so
 * one flow serves them all.
 */

#include "lib/clusapi_private.h"
#include "librpc/gen_ndr/ndr_clusapi.h"

struct clusapi_admin_def {
	enum clusapi_admin_op op;
	const char *call;
	uint32_t opnum;
	/* opened first by request->name, then by request->other */
	bool by_name;
	enum clusapi_object_type name_type;
	bool by_other;
	enum clusapi_object_type other_type;
};

#define R CLUSAPI_OBJECT_RESOURCE
#define G CLUSAPI_OBJECT_GROUP
#define N CLUSAPI_OBJECT_NODE

static const struct clusapi_admin_def admin_defs[] = {
	{ CLUSAPI_ADMIN_GROUP_CREATE, "ApiCreateGroup", NDR_APICREATEGROUP,
	  false, G, false, G },
	{ CLUSAPI_ADMIN_GROUP_DELETE, "ApiDeleteGroup", NDR_APIDELETEGROUP,
	  true, G, false, G },
	{ CLUSAPI_ADMIN_GROUP_RENAME, "ApiSetGroupName", NDR_APISETGROUPNAME,
	  true, G, false, G },
	{ CLUSAPI_ADMIN_GROUP_SET_OWNERS, "ApiSetGroupNodeList",
	  NDR_APISETGROUPNODELIST, true, G, false, G },
	{ CLUSAPI_ADMIN_RESOURCE_CREATE, "ApiCreateResource",
	  NDR_APICREATERESOURCE, false, G, true, G },
	{ CLUSAPI_ADMIN_RESOURCE_DELETE, "ApiDeleteResource",
	  NDR_APIDELETERESOURCE, true, R, false, G },
	{ CLUSAPI_ADMIN_RESOURCE_RENAME, "ApiSetResourceName",
	  NDR_APISETRESOURCENAME, true, R, false, G },
	{ CLUSAPI_ADMIN_RESOURCE_ONLINE, "ApiOnlineResource",
	  NDR_APIONLINERESOURCE, true, R, false, G },
	{ CLUSAPI_ADMIN_RESOURCE_OFFLINE, "ApiOfflineResource",
	  NDR_APIOFFLINERESOURCE, true, R, false, G },
	{ CLUSAPI_ADMIN_RESOURCE_FAIL, "ApiFailResource",
	  NDR_APIFAILRESOURCE, true, R, false, G },
	{ CLUSAPI_ADMIN_RESOURCE_MOVE, "ApiChangeResourceGroup",
	  NDR_APICHANGERESOURCEGROUP, true, R, true, G },
	{ CLUSAPI_ADMIN_DEPENDENCY_ADD, "ApiAddResourceDependency",
	  NDR_APIADDRESOURCEDEPENDENCY, true, R, true, R },
	{ CLUSAPI_ADMIN_DEPENDENCY_REMOVE, "ApiRemoveResourceDependency",
	  NDR_APIREMOVERESOURCEDEPENDENCY, true, R, true, R },
	{ CLUSAPI_ADMIN_DEPENDENCY_SET_EXPRESSION,
	  "ApiSetResourceDependencyExpression",
	  NDR_APISETRESOURCEDEPENDENCYEXPRESSION, true, R, false, G },
	{ CLUSAPI_ADMIN_DEPENDENCY_GET_EXPRESSION,
	  "ApiGetResourceDependencyExpression",
	  NDR_APIGETRESOURCEDEPENDENCYEXPRESSION, true, R, false, G },
	{ CLUSAPI_ADMIN_OWNER_ADD, "ApiAddResourceNode",
	  NDR_APIADDRESOURCENODE, true, R, true, N },
	{ CLUSAPI_ADMIN_OWNER_REMOVE, "ApiRemoveResourceNode",
	  NDR_APIREMOVERESOURCENODE, true, R, true, N },
	{ CLUSAPI_ADMIN_NODE_EVICT, "ApiEvictNode", NDR_APIEVICTNODE,
	  true, N, false, G },
};

#undef R
#undef G
#undef N

static const struct clusapi_admin_def *admin_def(enum clusapi_admin_op op)
{
	size_t i;

	for (i = 0; i < sizeof(admin_defs) / sizeof(admin_defs[0]); i++) {
		if (admin_defs[i].op == op) {
			return &admin_defs[i];
		}
	}
	return NULL;
}

/* PIDL's structure of each call */
union clusapi_admin_r {
	struct ApiCreateGroup create_group;
	struct ApiDeleteGroup delete_group;
	struct ApiSetGroupName group_name;
	struct ApiSetGroupNodeList node_list;
	struct ApiCreateResource create_resource;
	struct ApiDeleteResource delete_resource;
	struct ApiSetResourceName resource_name;
	struct ApiOnlineResource online;
	struct ApiOfflineResource offline;
	struct ApiFailResource fail;
	struct ApiChangeResourceGroup change_group;
	struct ApiAddResourceDependency add_dep;
	struct ApiRemoveResourceDependency remove_dep;
	struct ApiSetResourceDependencyExpression set_expr;
	struct ApiGetResourceDependencyExpression get_expr;
	struct ApiAddResourceNode add_node;
	struct ApiRemoveResourceNode remove_node;
	struct ApiEvictNode evict;
};

struct clusapi_admin_state {
	struct tevent_context *ev;
	struct clusapi_conn *conn;
	const struct clusapi_admin_def *def;
	struct clusapi_admin_request request;

	/* [0] by name, [1] by other, [2] created */
	enum clusapi_object_type types[3];
	struct policy_handle handles[3];

	union clusapi_admin_r r;
	WERROR *result;		/* where the call's result is */
	WERROR rpc_status;
	const char *expression;

	struct clusapi_admin_result out;
};

static void clusapi_admin_open(struct tevent_req *req);
static void clusapi_admin_opened(struct tevent_req *subreq);
static void clusapi_admin_call(struct tevent_req *req);
static void clusapi_admin_called(struct tevent_req *subreq);
static void clusapi_admin_close(struct tevent_req *req);

static bool clusapi_admin_copy(struct clusapi_admin_state *state,
			       const struct clusapi_admin_request *r)
{
	struct clusapi_admin_request *c = &state->request;
	size_t i, n = 0;

	*c = *r;
	c->name = talloc_strdup(state, r->name != NULL ? r->name : "");
	c->other = talloc_strdup(state, r->other != NULL ? r->other : "");
	c->text = r->text != NULL ? talloc_strdup(state, r->text) : NULL;
	if (c->name == NULL || c->other == NULL ||
	    (r->text != NULL && c->text == NULL)) {
		return false;
	}
	while (r->nodes != NULL && r->nodes[n] != NULL) {
		n++;
	}
	c->nodes = talloc_zero_array(state, const char *, n + 1);
	if (c->nodes == NULL) {
		return false;
	}
	for (i = 0; i < n; i++) {
		c->nodes[i] = talloc_strdup(c->nodes, r->nodes[i]);
		if (c->nodes[i] == NULL) {
			return false;
		}
	}
	return true;
}

struct tevent_req *clusapi_admin_send(TALLOC_CTX *mem_ctx,
				      struct tevent_context *ev,
				      struct clusapi_conn *conn,
				      const struct clusapi_admin_request *r)
{
	struct tevent_req *req;
	struct clusapi_admin_state *state;

	req = tevent_req_create(mem_ctx, &state, struct clusapi_admin_state);
	if (req == NULL) {
		return NULL;
	}
	state->ev = ev;
	state->conn = conn;
	state->out.werr = WERR_OK;
	state->def = admin_def(r->op);
	if (state->def == NULL) {
		tevent_req_nterror(req, NT_STATUS_INVALID_PARAMETER);
		return tevent_req_post(req, ev);
	}
	if (!clusapi_admin_copy(state, r)) {
		tevent_req_oom(req);
		return tevent_req_post(req, ev);
	}
	state->types[0] = state->def->name_type;
	state->types[1] = state->def->other_type;
	state->types[2] = r->op == CLUSAPI_ADMIN_GROUP_CREATE ?
		CLUSAPI_OBJECT_GROUP : CLUSAPI_OBJECT_RESOURCE;
	clusapi_admin_open(req);
	if (!tevent_req_is_in_progress(req)) {
		return tevent_req_post(req, ev);
	}
	return req;
}

/* Open what is still to open, then call */
static void clusapi_admin_open(struct tevent_req *req)
{
	struct clusapi_admin_state *state = tevent_req_data(
		req, struct clusapi_admin_state);
	const struct clusapi_admin_def *d = state->def;
	struct tevent_req *subreq;
	int i;

	if (d->by_name && !clusapi_handle_is_set(&state->handles[0])) {
		i = 0;
	} else if (d->by_other && !clusapi_handle_is_set(&state->handles[1])) {
		i = 1;
	} else {
		clusapi_admin_call(req);
		return;
	}
	subreq = clusapi_open_send(state, state->ev, state->conn,
				   state->types[i], i == 0 ?
				   state->request.name :
				   state->request.other);
	if (tevent_req_nomem(subreq, req)) {
		return;
	}
	tevent_req_set_callback(subreq, clusapi_admin_opened, req);
}

static void clusapi_admin_opened(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_admin_state *state = tevent_req_data(
		req, struct clusapi_admin_state);
	int i = (state->def->by_name &&
		 !clusapi_handle_is_set(&state->handles[0])) ? 0 : 1;
	NTSTATUS status;
	WERROR werr = WERR_OK;

	status = clusapi_open_recv(subreq, &state->handles[i], &werr);
	TALLOC_FREE(subreq);
	if (tevent_req_nterror(req, status)) {
		return;
	}
	if (!W_ERROR_IS_OK(werr)) {
		state->out.werr = werr;
		state->out.failed_call =
			clusapi_open_call_name(state->types[i]);
		state->out.failed_name = i == 0 ? state->request.name :
						  state->request.other;
		clusapi_admin_close(req);
		return;
	}
	clusapi_admin_open(req);
}

/* A MULTI_SZ of node names, in UTF-16 code units */
static bool node_list(TALLOC_CTX *mem_ctx, const char **nodes,
		      uint16_t **list, uint32_t *count)
{
	size_t i, n = 0, total = 1;
	uint16_t *l;

	for (i = 0; nodes[i] != NULL; i++) {
		total += strlen(nodes[i]) + 1;
	}
	l = talloc_zero_array(mem_ctx, uint16_t, total);
	if (l == NULL) {
		return false;
	}
	for (i = 0; nodes[i] != NULL; i++) {
		const unsigned char *s = (const unsigned char *)nodes[i];

		/* node names are NetBIOS names: ASCII */
		while (*s != '\0') {
			l[n++] = *s++;
		}
		l[n++] = 0;
	}
	*list = l;
	*count = total;
	return true;
}

/* Fill PIDL's structure of the call; NULL when out of memory */
static void *clusapi_admin_fill(struct clusapi_admin_state *state)
{
	const struct clusapi_admin_request *q = &state->request;
	union clusapi_admin_r *r = &state->r;
	struct policy_handle h0 = state->handles[0];
	struct policy_handle h1 = state->handles[1];
	WERROR *rs = &state->rpc_status;

	switch (q->op) {
	case CLUSAPI_ADMIN_GROUP_CREATE:
		r->create_group.in.lpszGroupName = q->name;
		r->create_group.out.Status = state->result =
			&state->out.werr;
		r->create_group.out.rpc_status = rs;
		r->create_group.out.hGroup = &state->handles[2];
		return &r->create_group;
	case CLUSAPI_ADMIN_GROUP_DELETE:
		r->delete_group.in.Group = h0;
		r->delete_group.in.force = q->force;
		r->delete_group.out.rpc_status = rs;
		state->result = &r->delete_group.out.result;
		return &r->delete_group;
	case CLUSAPI_ADMIN_GROUP_RENAME:
		r->group_name.in.hGroup = h0;
		r->group_name.in.lpszGroupName = q->text;
		r->group_name.out.rpc_status = rs;
		state->result = &r->group_name.out.result;
		return &r->group_name;
	case CLUSAPI_ADMIN_GROUP_SET_OWNERS:
		r->node_list.in.hGroup = h0;
		if (!node_list(state, q->nodes,
			       &r->node_list.in.multiSzNodeList,
			       &r->node_list.in.cchListSize)) {
			return NULL;
		}
		r->node_list.out.rpc_status = rs;
		state->result = &r->node_list.out.result;
		return &r->node_list;
	case CLUSAPI_ADMIN_RESOURCE_CREATE:
		r->create_resource.in.hGroup = h1;
		r->create_resource.in.lpszResourceName = q->name;
		r->create_resource.in.lpszResourceType = q->text;
		r->create_resource.out.Status = state->result =
			&state->out.werr;
		r->create_resource.out.rpc_status = rs;
		r->create_resource.out.hResource = &state->handles[2];
		return &r->create_resource;
	default:
		break;
	}
	return NULL;
}

/* The calls on one resource or node */
static void *clusapi_admin_fill_one(struct clusapi_admin_state *state)
{
	const struct clusapi_admin_request *q = &state->request;
	union clusapi_admin_r *r = &state->r;
	struct policy_handle h0 = state->handles[0];
	WERROR *rs = &state->rpc_status;

	switch (q->op) {
	case CLUSAPI_ADMIN_RESOURCE_DELETE:
		r->delete_resource.in.hResource = h0;
		r->delete_resource.out.rpc_status = rs;
		state->result = &r->delete_resource.out.result;
		return &r->delete_resource;
	case CLUSAPI_ADMIN_RESOURCE_RENAME:
		r->resource_name.in.hResource = h0;
		r->resource_name.in.lpszResourceName = q->text;
		r->resource_name.out.rpc_status = rs;
		state->result = &r->resource_name.out.result;
		return &r->resource_name;
	case CLUSAPI_ADMIN_RESOURCE_ONLINE:
		r->online.in.hResource = h0;
		r->online.out.rpc_status = rs;
		state->result = &r->online.out.result;
		return &r->online;
	case CLUSAPI_ADMIN_RESOURCE_OFFLINE:
		r->offline.in.hResource = h0;
		r->offline.out.rpc_status = rs;
		state->result = &r->offline.out.result;
		return &r->offline;
	case CLUSAPI_ADMIN_RESOURCE_FAIL:
		r->fail.in.hResource = h0;
		r->fail.out.rpc_status = rs;
		state->result = &r->fail.out.result;
		return &r->fail;
	case CLUSAPI_ADMIN_NODE_EVICT:
		r->evict.in.hNode = h0;
		r->evict.out.rpc_status = rs;
		state->result = &r->evict.out.result;
		return &r->evict;
	case CLUSAPI_ADMIN_DEPENDENCY_SET_EXPRESSION:
		r->set_expr.in.hResource = h0;
		r->set_expr.in.lpszDependencyExpression = q->text;
		r->set_expr.out.rpc_status = rs;
		state->result = &r->set_expr.out.result;
		return &r->set_expr;
	case CLUSAPI_ADMIN_DEPENDENCY_GET_EXPRESSION:
		r->get_expr.in.hResource = h0;
		r->get_expr.out.lpszDependencyExpression = &state->expression;
		r->get_expr.out.rpc_status = rs;
		state->result = &r->get_expr.out.result;
		return &r->get_expr;
	default:
		return clusapi_admin_fill(state);
	}
}

/* The calls on a resource and a second object */
static void *clusapi_admin_fill_pair(struct clusapi_admin_state *state)
{
	union clusapi_admin_r *r = &state->r;
	struct policy_handle h0 = state->handles[0];
	struct policy_handle h1 = state->handles[1];
	WERROR *rs = &state->rpc_status;

	switch (state->request.op) {
	case CLUSAPI_ADMIN_RESOURCE_MOVE:
		r->change_group.in.hResource = h0;
		r->change_group.in.hGroup = h1;
		r->change_group.out.rpc_status = rs;
		state->result = &r->change_group.out.result;
		return &r->change_group;
	case CLUSAPI_ADMIN_DEPENDENCY_ADD:
		r->add_dep.in.hResource = h0;
		r->add_dep.in.hDependsOn = h1;
		r->add_dep.out.rpc_status = rs;
		state->result = &r->add_dep.out.result;
		return &r->add_dep;
	case CLUSAPI_ADMIN_DEPENDENCY_REMOVE:
		r->remove_dep.in.hResource = h0;
		r->remove_dep.in.hDependsOn = h1;
		r->remove_dep.out.rpc_status = rs;
		state->result = &r->remove_dep.out.result;
		return &r->remove_dep;
	case CLUSAPI_ADMIN_OWNER_ADD:
		r->add_node.in.hResource = h0;
		r->add_node.in.hNode = h1;
		r->add_node.out.rpc_status = rs;
		state->result = &r->add_node.out.result;
		return &r->add_node;
	case CLUSAPI_ADMIN_OWNER_REMOVE:
		r->remove_node.in.hResource = h0;
		r->remove_node.in.hNode = h1;
		r->remove_node.out.rpc_status = rs;
		state->result = &r->remove_node.out.result;
		return &r->remove_node;
	default:
		return clusapi_admin_fill_one(state);
	}
}

static void clusapi_admin_call(struct tevent_req *req)
{
	struct clusapi_admin_state *state = tevent_req_data(
		req, struct clusapi_admin_state);
	struct tevent_req *subreq;
	void *r;

	r = clusapi_admin_fill_pair(state);
	if (tevent_req_nomem(r, req)) {
		return;
	}
	subreq = dcerpc_binding_handle_call_send(state, state->ev,
						 state->conn->h, NULL,
						 &ndr_table_clusapi,
						 state->def->opnum, state, r);
	if (tevent_req_nomem(subreq, req)) {
		return;
	}
	tevent_req_set_callback(subreq, clusapi_admin_called, req);
}

static void clusapi_admin_called(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(
		subreq, struct tevent_req);
	struct clusapi_admin_state *state = tevent_req_data(
		req, struct clusapi_admin_state);
	NTSTATUS status;

	status = dcerpc_binding_handle_call_recv(subreq);
	TALLOC_FREE(subreq);
	if (tevent_req_nterror(req, status)) {
		return;
	}
	state->out.werr = *state->result;
	if (!W_ERROR_IS_OK(state->out.werr) &&
	    !W_ERROR_EQUAL(state->out.werr, WERR_IO_PENDING)) {
		state->out.failed_call = state->def->call;
		state->out.failed_name = state->request.name;
	}
	state->out.expression = state->expression;
	clusapi_admin_close(req);
}

static void clusapi_admin_close(struct tevent_req *req)
{
	struct clusapi_admin_state *state = tevent_req_data(
		req, struct clusapi_admin_state);

	clusapi_close_all_and_finish(req, state, state->ev, state->conn,
				     state->types, state->handles, 3);
}

NTSTATUS clusapi_admin_recv(struct tevent_req *req, TALLOC_CTX *mem_ctx,
			    struct clusapi_admin_result *result)
{
	struct clusapi_admin_state *state = tevent_req_data(
		req, struct clusapi_admin_state);
	NTSTATUS status;

	if (tevent_req_is_nterror(req, &status)) {
		tevent_req_received(req);
		return status;
	}
	*result = state->out;
	/* the strings of the result outlive the request */
	result->failed_name = talloc_strdup(mem_ctx, state->out.failed_name);
	result->expression = talloc_strdup(mem_ctx, state->out.expression);
	if ((state->out.failed_name != NULL &&
	     result->failed_name == NULL) ||
	    (state->out.expression != NULL && result->expression == NULL)) {
		tevent_req_received(req);
		return NT_STATUS_NO_MEMORY;
	}
	tevent_req_received(req);
	return NT_STATUS_OK;
}
