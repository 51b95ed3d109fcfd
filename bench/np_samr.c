/*
 * npbench: samr_QueryDomainInfo level 1 on an open domain handle
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Samba's own RPC server (rpcd_lsad, behind samba-dcerpcd): SamrConnect2,
 * EnumDomains and LookupDomain of the server's own domain, OpenDomain,
 * then QueryDomainInfo(DomainPasswordInformation) on that handle. See
 * bench/README.md for why this call.
 *
 * Public libraries only: ndr_table_samr from libndr-standard and
 * dcerpc_binding_handle_call from libdcerpc-binding. Debian's
 * libdcerpc-samr.so.0 (pkg-config dcerpc_samr) is an empty shell whose
 * dcerpc_samr_* stubs live in the private libdcerpc-samba-samba4, tied
 * to one Samba build's symbol version.
 */

#include <talloc.h>
#include <tevent.h>
#include <ndr.h>
#include <dcerpc.h>
#include <gen_ndr/ndr_samr.h>

#include "bench/npbench.h"

/* one samr call through the generic binding handle call */
static bool samr_call(struct dcerpc_binding_handle *b, TALLOC_CTX *mem,
		      uint32_t opnum, void *r, NTSTATUS *result)
{
	return NT_STATUS_IS_OK(dcerpc_binding_handle_call(
		b, NULL, &ndr_table_samr, opnum, mem, r)) &&
	       NT_STATUS_IS_OK(*result);
}

static bool samr_open(struct dcerpc_binding_handle *b, TALLOC_CTX *mem,
		      void **state)
{
	struct policy_handle connect, *domain;
	struct dom_sid2 *sid = NULL;
	struct samr_SamArray *sam = NULL;
	uint32_t resume = 0, n = 0;
	struct samr_Connect2 c = {
		.in.system_name = "",
		.in.access_mask = SEC_FLAG_MAXIMUM_ALLOWED,
		.out.connect_handle = &connect,
	};
	struct samr_EnumDomains e = {
		.in.connect_handle = &connect,
		.in.resume_handle = &resume,
		.in.buf_size = 100,
		.out.resume_handle = &resume,
		.out.sam = &sam,
		.out.num_entries = &n,
	};
	struct samr_LookupDomain l = {
		.in.connect_handle = &connect,
		.out.sid = &sid,
	};
	struct samr_OpenDomain o = {
		.in.connect_handle = &connect,
		.in.access_mask = SEC_FLAG_MAXIMUM_ALLOWED,
	};

	domain = talloc_zero(mem, struct policy_handle);
	if (domain == NULL ||
	    !samr_call(b, mem, NDR_SAMR_CONNECT2, &c, &c.out.result) ||
	    !samr_call(b, mem, NDR_SAMR_ENUMDOMAINS, &e, &e.out.result) ||
	    sam == NULL || n == 0) {
		return false;
	}
	/* the first domain is the server's own, then Builtin */
	l.in.domain_name = &sam->entries[0].name;
	if (!samr_call(b, mem, NDR_SAMR_LOOKUPDOMAIN, &l, &l.out.result)) {
		return false;
	}
	o.in.sid = sid;
	o.out.domain_handle = domain;
	if (!samr_call(b, mem, NDR_SAMR_OPENDOMAIN, &o, &o.out.result)) {
		return false;
	}
	*state = domain;
	return true;
}

static void *samr_make(TALLOC_CTX *mem, void *state)
{
	struct samr_QueryDomainInfo *r = talloc_zero(
		mem, struct samr_QueryDomainInfo);

	if (r == NULL) {
		return NULL;
	}
	r->in.domain_handle = state;
	r->in.level = DomainPasswordInformation;
	r->out.info = talloc_zero(r, union samr_DomainInfo *);
	if (r->out.info == NULL) {
		return NULL;
	}
	return r;
}

static bool samr_ok(void *r)
{
	return NT_STATUS_IS_OK(((struct samr_QueryDomainInfo *)r)->out.result);
}

const struct np_call np_samr_call = {
	.name = "samr_QueryDomainInfo(level 1)",
	.pipe = "\\pipe\\samr",
	.table = &ndr_table_samr,
	.opnum = NDR_SAMR_QUERYDOMAININFO,
	.open = samr_open,
	.make = samr_make,
	.ok = samr_ok,
};
