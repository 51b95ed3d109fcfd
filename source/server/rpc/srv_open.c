/*
 * clusapid: ApiOpen<Object> and ApiOpen<Object>Ex, by name
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All of them look the object up by name (or id, the model accepts
 * both), grant access and return a handle holding the object's id.
 * On failure Status carries the family's not-found error and the
 * handle is empty, as smbtorture checks.
 */

#include "server/rpc/rpc_private.h"

static uint32_t lookup_id(struct clus_model *m, enum clusrv_htype type,
			  const char *name, const char **id)
{
	uint32_t err = CM_ERROR_INVALID_PARAMETER;

	*id = NULL;
	switch (type) {
	case CLUSRV_H_NODE: {
		struct clus_node *o = NULL;

		err = clus_node_lookup(m, name, &o);
		*id = o != NULL ? o->id : NULL;
		break;
	}
	case CLUSRV_H_GROUP: {
		struct clus_group *o = NULL;

		err = clus_group_lookup(m, name, &o);
		*id = o != NULL ? o->id : NULL;
		break;
	}
	case CLUSRV_H_RESOURCE: {
		struct clus_resource *o = NULL;

		err = clus_resource_lookup(m, name, &o);
		*id = o != NULL ? o->id : NULL;
		break;
	}
	case CLUSRV_H_NETWORK: {
		struct clus_network *o = NULL;

		err = clus_network_lookup(m, name, &o);
		*id = o != NULL ? o->id : NULL;
		break;
	}
	case CLUSRV_H_NETIF: {
		struct clus_netif *o = NULL;

		err = clus_netif_lookup(m, name, &o);
		*id = o != NULL ? o->id : NULL;
		break;
	}
	case CLUSRV_H_GROUPSET: {
		struct clus_groupset *o = NULL;

		err = clus_groupset_lookup(m, name, &o);
		*id = o != NULL ? o->id : NULL;
		break;
	}
	default:
		break;
	}
	if (err == CM_ERROR_SUCCESS && *id == NULL) {
		err = CM_ERROR_INVALID_PARAMETER;
	}
	return err;
}

static void open_named(struct dcesrv_call_state *dce_call,
		       enum clusrv_htype type, const char *name,
		       uint32_t desired, uint32_t *granted,
		       WERROR *status, struct policy_handle *out)
{
	const char *id = NULL;
	uint32_t access = 0;
	uint32_t err;

	NDR_ZERO_STRUCTP(out);
	if (granted != NULL) {
		*granted = 0;
	}
	*status = clusrv_grant_access(dce_call, desired, &access);
	if (!W_ERROR_IS_OK(*status)) {
		return;
	}
	err = lookup_id(clusrv_model(dce_call), type,
			name != NULL ? name : "", &id);
	if (err != CM_ERROR_SUCCESS) {
		*status = W_ERROR(err);
		return;
	}
	*status = clusrv_handle_open(dce_call, type, id, access, out, NULL);
	if (W_ERROR_IS_OK(*status) && granted != NULL) {
		*granted = access;
	}
}

void dcesrv_ApiOpenNode(struct dcesrv_call_state *dce_call,
			TALLOC_CTX *mem_ctx, struct ApiOpenNode *r)
{
	open_named(dce_call, CLUSRV_H_NODE, r->in.lpszNodeName,
		   MAXIMUM_ALLOWED, NULL, r->out.Status, r->out.hNode);
}

void dcesrv_ApiOpenNodeEx(struct dcesrv_call_state *dce_call,
			  TALLOC_CTX *mem_ctx, struct ApiOpenNodeEx *r)
{
	open_named(dce_call, CLUSRV_H_NODE, r->in.lpszNodeName,
		   r->in.dwDesiredAccess, r->out.lpdwGrantedAccess,
		   r->out.Status, r->out.hNode);
}

void dcesrv_ApiOpenGroup(struct dcesrv_call_state *dce_call,
			 TALLOC_CTX *mem_ctx, struct ApiOpenGroup *r)
{
	open_named(dce_call, CLUSRV_H_GROUP, r->in.lpszGroupName,
		   MAXIMUM_ALLOWED, NULL, r->out.Status, r->out.hGroup);
}

void dcesrv_ApiOpenGroupEx(struct dcesrv_call_state *dce_call,
			   TALLOC_CTX *mem_ctx, struct ApiOpenGroupEx *r)
{
	open_named(dce_call, CLUSRV_H_GROUP, r->in.lpszGroupName,
		   r->in.dwDesiredAccess, r->out.lpdwGrantedAccess,
		   r->out.Status, r->out.hGroup);
}

void dcesrv_ApiOpenResource(struct dcesrv_call_state *dce_call,
			    TALLOC_CTX *mem_ctx, struct ApiOpenResource *r)
{
	open_named(dce_call, CLUSRV_H_RESOURCE, r->in.lpszResourceName,
		   MAXIMUM_ALLOWED, NULL, r->out.Status, r->out.hResource);
}

void dcesrv_ApiOpenResourceEx(struct dcesrv_call_state *dce_call,
			      TALLOC_CTX *mem_ctx,
			      struct ApiOpenResourceEx *r)
{
	open_named(dce_call, CLUSRV_H_RESOURCE, r->in.lpszResourceName,
		   r->in.dwDesiredAccess, r->out.lpdwGrantedAccess,
		   r->out.Status, r->out.hResource);
}

void dcesrv_ApiOpenNetwork(struct dcesrv_call_state *dce_call,
			   TALLOC_CTX *mem_ctx, struct ApiOpenNetwork *r)
{
	open_named(dce_call, CLUSRV_H_NETWORK, r->in.lpszNetworkName,
		   MAXIMUM_ALLOWED, NULL, r->out.Status, r->out.hNetwork);
}

void dcesrv_ApiOpenNetworkEx(struct dcesrv_call_state *dce_call,
			     TALLOC_CTX *mem_ctx, struct ApiOpenNetworkEx *r)
{
	open_named(dce_call, CLUSRV_H_NETWORK, r->in.lpszNetworkName,
		   r->in.dwDesiredAccess, r->out.lpdwGrantedAccess,
		   r->out.Status, r->out.hNetwork);
}

void dcesrv_ApiOpenNetInterface(struct dcesrv_call_state *dce_call,
				TALLOC_CTX *mem_ctx,
				struct ApiOpenNetInterface *r)
{
	open_named(dce_call, CLUSRV_H_NETIF, r->in.lpszNetInterfaceName,
		   MAXIMUM_ALLOWED, NULL, r->out.Status,
		   r->out.hNetInterface);
}

void dcesrv_ApiOpenNetInterfaceEx(struct dcesrv_call_state *dce_call,
				  TALLOC_CTX *mem_ctx,
				  struct ApiOpenNetInterfaceEx *r)
{
	open_named(dce_call, CLUSRV_H_NETIF, r->in.lpszNetInterfaceName,
		   r->in.dwDesiredAccess, r->out.lpdwGrantedAccess,
		   r->out.Status, r->out.hNetInterface);
}

void dcesrv_ApiOpenGroupSet(struct dcesrv_call_state *dce_call,
			    TALLOC_CTX *mem_ctx, struct ApiOpenGroupSet *r)
{
	open_named(dce_call, CLUSRV_H_GROUPSET, r->in.lpszGroupSetName,
		   MAXIMUM_ALLOWED, NULL, r->out.Status, r->out.hGroupSet);
}
