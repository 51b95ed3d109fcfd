/*
 * clusapid: the endpoint mapper (ept interface, C706 Appendix O)
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A read-only endpoint map built from what is registered with the dcesrv
 * core: every interface on every ncacn_ip_tcp endpoint, except the
 * management interface the core adds to each endpoint. Remote callers
 * cannot insert or delete entries ([MS-RPCE] 3.1.1.5.1: the map is
 * maintained locally).
 *
 * ept_lookup and ept_map hand out results in batches, continued with a
 * context handle. ept_lookup ends an enumeration with a batch smaller
 * than max_ents (possibly empty): that one comes with the status
 * ept_s_not_registered and a zeroed handle, as Samba's rpc.epmapper
 * torture test expects, while clients that ask for one entry at a time
 * (rpcclient's epmlookup) see every entry with status 0 and a last, empty
 * answer. ept_map returns a handle only while towers remain, so the usual
 * one-shot ept_map leaves nothing behind.
 */

#include <netinet/in.h>
#include <stdlib.h>
#include <sys/param.h>

#include "server/dcesrv/pidl_server.h"
#include "librpc/gen_ndr/ndr_epm.h"

#include "server/dcesrv/dcesrv.h"
#include "server/epm/epm.h"
#include "server/epm/tower.h"

#define CEPM_HANDLE_INQUIRY 1

/* The management interface, present on every dcesrv endpoint */
static const struct ndr_syntax_id cepm_mgmt_syntax = {
	.uuid = { 0xafa8bd80, 0x7d8a, 0x11c9,
		  { 0xbe, 0xf4 }, { 0x08, 0x00, 0x2b, 0x10, 0x29, 0x89 } },
	.if_version = 1,
};

/* One element of the endpoint map */
struct cepm_element {
	struct ndr_syntax_id iface;
	const char *annotation;
	uint16_t port;
};

/* An enumeration in progress, kept in the context handle */
struct cepm_inquiry {
	struct cepm_element *elements;
	uint32_t num_elements;
	uint32_t next;
};

typedef bool (*cepm_match_fn)(const struct cepm_element *e,
			      const void *private_data);

static struct cepm_inquiry *cepm_inquiry_new(TALLOC_CTX *mem_ctx,
					     struct dcesrv_context *dce_ctx,
					     cepm_match_fn match,
					     const void *private_data)
{
	struct cepm_inquiry *inq;
	const struct dcesrv_endpoint *ep;

	inq = talloc_zero(mem_ctx, struct cepm_inquiry);
	if (inq == NULL) {
		return NULL;
	}
	for (ep = dce_ctx->endpoint_list; ep != NULL; ep = ep->next) {
		const struct dcesrv_if_list *ifl;
		const char *endpoint;

		if (dcerpc_binding_get_transport(ep->ep_description) !=
		    NCACN_IP_TCP) {
			continue;
		}
		endpoint = dcerpc_binding_get_string_option(
			ep->ep_description, "endpoint");
		if (endpoint == NULL) {
			continue;
		}
		for (ifl = ep->interface_list; ifl != NULL; ifl = ifl->next) {
			struct cepm_element e = {
				.iface = ifl->iface->syntax_id,
				.annotation = ifl->iface->name,
				.port = atoi(endpoint),
			};

			if (ndr_syntax_id_equal(&e.iface, &cepm_mgmt_syntax) ||
			    !match(&e, private_data)) {
				continue;
			}
			inq->elements = talloc_realloc(
				inq, inq->elements, struct cepm_element,
				inq->num_elements + 1);
			if (inq->elements == NULL) {
				talloc_free(inq);
				return NULL;
			}
			inq->elements[inq->num_elements++] = e;
		}
	}
	return inq;
}

/*
 * The IPv4 address the client reached us on: the address floor of the
 * towers we return (0.0.0.0 over IPv6, which towers cannot express).
 */
static void cepm_local_ipv4(struct dcesrv_call_state *dce_call,
			    uint8_t ipv4[4])
{
	struct clusrv_conn *c = talloc_get_type_abort(
		dce_call->conn->transport.private_data, struct clusrv_conn);
	const struct sockaddr_in *sin;
	const struct sockaddr_in6 *sin6;

	memset(ipv4, 0, 4);
	switch (c->local.ss_family) {
	case AF_INET:
		sin = (const struct sockaddr_in *)&c->local;
		memcpy(ipv4, &sin->sin_addr, 4);
		break;
	case AF_INET6:
		sin6 = (const struct sockaddr_in6 *)&c->local;
		if (IN6_IS_ADDR_V4MAPPED(&sin6->sin6_addr)) {
			memcpy(ipv4, &sin6->sin6_addr.s6_addr[12], 4);
		}
		break;
	}
}

static NTSTATUS cepm_element_tower(TALLOC_CTX *mem_ctx,
				   struct dcesrv_call_state *dce_call,
				   const struct cepm_element *e,
				   struct cepm_twr_t **twr)
{
	struct cepm_tower_ep ep = {
		.iface = e->iface,
		.transfer = ndr_transfer_syntax_ndr,
		.transport = NCACN_IP_TCP,
		.port = e->port,
	};

	cepm_local_ipv4(dce_call, ep.ipv4);
	return cepm_tower_build(mem_ctx, &ep, twr);
}

/*
 * Start an enumeration (zero handle) or continue one. Returns NULL with
 * the fault set when the handle is unknown or memory runs out.
 */
static struct dcesrv_handle *cepm_inquiry_handle(
	struct dcesrv_call_state *dce_call, struct policy_handle *ph,
	cepm_match_fn match, const void *private_data)
{
	struct dcesrv_handle *h;
	struct cepm_inquiry *inq;

	if (!ndr_policy_handle_empty(ph)) {
		h = clusrv_handle_find(dce_call, ph, CEPM_HANDLE_INQUIRY);
		if (h == NULL) {
			dce_call->fault_code = DCERPC_FAULT_CONTEXT_MISMATCH;
		}
		return h;
	}
	inq = cepm_inquiry_new(dce_call, dce_call->conn->dce_ctx, match,
			       private_data);
	if (inq == NULL) {
		dce_call->fault_code = DCERPC_FAULT_OTHER;
		return NULL;
	}
	h = clusrv_handle_new(dce_call, CEPM_HANDLE_INQUIRY, inq);
	if (h == NULL) {
		talloc_free(inq);
		dce_call->fault_code = DCERPC_FAULT_OTHER;
	}
	return h;
}

/* ept_lookup: selection by interface and object */

struct cepm_lookup_filter {
	enum cepm_inquiry_type inquiry_type;
	const struct GUID *object;
	const struct cepm_if_id_t *if_id;
	enum cepm_vers_option vers_option;
};

static bool cepm_version_matches(uint16_t major, uint16_t minor,
				 const struct cepm_if_id_t *want,
				 enum cepm_vers_option option)
{
	/* Samba's clients send 0 for "all" (its IDL counts from 0) */
	if ((uint32_t)option == 0) {
		return true;
	}
	switch (option) {
	case CEPM_VERS_ALL:
		return true;
	case CEPM_VERS_COMPATIBLE:
		return major == want->vers_major &&
		       minor >= want->vers_minor;
	case CEPM_VERS_EXACT:
		return major == want->vers_major &&
		       minor == want->vers_minor;
	case CEPM_VERS_MAJOR_ONLY:
		return major == want->vers_major;
	case CEPM_VERS_UPTO:
		return major < want->vers_major ||
		       (major == want->vers_major &&
			minor <= want->vers_minor);
	}
	return false;
}

static bool cepm_lookup_matches(const struct cepm_element *e,
				const void *private_data)
{
	const struct cepm_lookup_filter *f = private_data;
	bool by_if = false;
	bool by_obj = false;

	switch (f->inquiry_type) {
	case CEPM_EP_ALL_ELTS:
		return true;
	case CEPM_EP_MATCH_BY_IF:
		by_if = true;
		break;
	case CEPM_EP_MATCH_BY_OBJ:
		by_obj = true;
		break;
	case CEPM_EP_MATCH_BY_BOTH:
		by_if = true;
		by_obj = true;
		break;
	default:
		return false;
	}
	if (by_if) {
		if (f->if_id == NULL ||
		    !GUID_equal(&e->iface.uuid, &f->if_id->uuid) ||
		    !cepm_version_matches(e->iface.if_version & 0xffff,
					  e->iface.if_version >> 16,
					  f->if_id, f->vers_option)) {
			return false;
		}
	}
	/* Our elements carry no object UUID: only the nil one matches. */
	if (by_obj && f->object != NULL && !GUID_all_zero(f->object)) {
		return false;
	}
	return true;
}

static void dcesrv_cepm_Lookup(struct dcesrv_call_state *dce_call,
			       TALLOC_CTX *mem_ctx, struct cepm_Lookup *r)
{
	struct cepm_lookup_filter filter = {
		.inquiry_type = r->in.inquiry_type,
		.object = r->in.object,
		.if_id = r->in.interface_id,
		.vers_option = r->in.vers_option,
	};
	struct dcesrv_handle *h;
	struct cepm_inquiry *inq;
	uint32_t n;

	*r->out.num_ents = 0;
	*r->out.status = CEPM_S_OK;

	h = cepm_inquiry_handle(dce_call, r->in.entry_handle,
				cepm_lookup_matches, &filter);
	if (h == NULL) {
		return;
	}
	inq = talloc_get_type_abort(h->data, struct cepm_inquiry);

	n = MIN(r->in.max_ents, inq->num_elements - inq->next);
	r->out.entries = talloc_zero_array(mem_ctx, struct cepm_entry_t, n);
	if (r->out.entries == NULL && n > 0) {
		DCESRV_FAULT_VOID(DCERPC_FAULT_OTHER);
	}
	for (*r->out.num_ents = 0; *r->out.num_ents < n;
	     (*r->out.num_ents)++) {
		const struct cepm_element *e = &inq->elements[inq->next++];
		struct cepm_entry_t *entry =
			&r->out.entries[*r->out.num_ents];
		NTSTATUS status;

		status = cepm_element_tower(mem_ctx, dce_call, e,
					    &entry->tower);
		if (!NT_STATUS_IS_OK(status)) {
			DCESRV_FAULT_VOID(DCERPC_FAULT_OTHER);
		}
		entry->annotation = e->annotation;
	}
	if (n < r->in.max_ents) {
		*r->out.status = CEPM_S_NOT_REGISTERED;
		NDR_ZERO_STRUCTP(r->out.entry_handle);
		talloc_free(h);
		return;
	}
	*r->out.entry_handle = h->wire_handle;
}

/* ept_map: the towers for one interface over the client's protocol */

static bool cepm_map_matches(const struct cepm_element *e,
			     const void *private_data)
{
	const struct cepm_tower_ep *want = private_data;
	uint16_t want_major = want->iface.if_version & 0xffff;
	uint16_t want_minor = want->iface.if_version >> 16;

	return GUID_equal(&e->iface.uuid, &want->iface.uuid) &&
	       (e->iface.if_version & 0xffff) == want_major &&
	       (e->iface.if_version >> 16) >= want_minor;
}

static void dcesrv_cepm_Map(struct dcesrv_call_state *dce_call,
			    TALLOC_CTX *mem_ctx, struct cepm_Map *r)
{
	struct cepm_tower_ep want;
	struct dcesrv_handle *h;
	struct cepm_inquiry *inq;
	uint32_t n;
	NTSTATUS status;

	*r->out.num_towers = 0;
	*r->out.status = CEPM_S_NOT_REGISTERED;

	if (r->in.map_tower == NULL) {
		return;
	}
	status = cepm_tower_parse(r->in.map_tower, &want);
	if (!NT_STATUS_IS_OK(status)) {
		DBG_INFO("ept_map with an unreadable tower\n");
		return;
	}
	/* We serve connection-oriented TCP with NDR 2.0, nothing else. */
	if (want.transport != NCACN_IP_TCP ||
	    !ndr_syntax_id_equal(&want.transfer, &ndr_transfer_syntax_ndr)) {
		NDR_ZERO_STRUCTP(r->out.entry_handle);
		return;
	}

	h = cepm_inquiry_handle(dce_call, r->in.entry_handle,
				cepm_map_matches, &want);
	if (h == NULL) {
		return;
	}
	inq = talloc_get_type_abort(h->data, struct cepm_inquiry);

	n = MIN(r->in.max_towers, inq->num_elements - inq->next);
	r->out.towers = talloc_zero_array(mem_ctx, struct cepm_twr_p_t, n);
	if (r->out.towers == NULL && n > 0) {
		DCESRV_FAULT_VOID(DCERPC_FAULT_OTHER);
	}
	for (*r->out.num_towers = 0; *r->out.num_towers < n;
	     (*r->out.num_towers)++) {
		const struct cepm_element *e = &inq->elements[inq->next++];

		status = cepm_element_tower(
			mem_ctx, dce_call, e,
			&r->out.towers[*r->out.num_towers].twr);
		if (!NT_STATUS_IS_OK(status)) {
			DCESRV_FAULT_VOID(DCERPC_FAULT_OTHER);
		}
	}
	if (n > 0) {
		*r->out.status = CEPM_S_OK;
	}
	if (inq->next == inq->num_elements) {
		NDR_ZERO_STRUCTP(r->out.entry_handle);
		talloc_free(h);
		return;
	}
	*r->out.entry_handle = h->wire_handle;
}

static void dcesrv_cepm_LookupHandleFree(struct dcesrv_call_state *dce_call,
					 TALLOC_CTX *mem_ctx,
					 struct cepm_LookupHandleFree *r)
{
	struct dcesrv_handle *h;

	h = clusrv_handle_find(dce_call, r->in.entry_handle,
			       CEPM_HANDLE_INQUIRY);
	if (h == NULL) {
		DCESRV_FAULT_VOID(DCERPC_FAULT_CONTEXT_MISMATCH);
	}
	talloc_free(h);
	NDR_ZERO_STRUCTP(r->out.entry_handle);
	*r->out.status = CEPM_S_OK;
}

/* The map is maintained locally; remote changes are refused. */

static void dcesrv_cepm_Insert(struct dcesrv_call_state *dce_call,
			       TALLOC_CTX *mem_ctx, struct cepm_Insert *r)
{
	*r->out.status = CEPM_S_CANT_PERFORM_OP;
}

static void dcesrv_cepm_Delete(struct dcesrv_call_state *dce_call,
			       TALLOC_CTX *mem_ctx, struct cepm_Delete *r)
{
	*r->out.status = CEPM_S_CANT_PERFORM_OP;
}

static void dcesrv_cepm_InqObject(struct dcesrv_call_state *dce_call,
				  TALLOC_CTX *mem_ctx,
				  struct cepm_InqObject *r)
{
	*r->out.ept_object = GUID_zero();
	*r->out.status = CEPM_S_CANT_PERFORM_OP;
}

static void dcesrv_cepm_MgmtDelete(struct dcesrv_call_state *dce_call,
				   TALLOC_CTX *mem_ctx,
				   struct cepm_MgmtDelete *r)
{
	*r->out.status = CEPM_S_CANT_PERFORM_OP;
}

/* ept_map_auth is local-only in Windows; its wire format is not defined */
static void dcesrv_cepm_MapAuth(struct dcesrv_call_state *dce_call,
				TALLOC_CTX *mem_ctx, struct cepm_MapAuth *r)
{
	DCESRV_FAULT_VOID(DCERPC_FAULT_OP_RNG_ERROR);
}

#include "librpc/gen_ndr/ndr_epm_s.c"

NTSTATUS clusrv_epm_register(struct clusrv_context *srv)
{
	return clusrv_register_interface_on(srv, srv->epm_endpoint,
					    &dcesrv_clusapi_epm_interface);
}
