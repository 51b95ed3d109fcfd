/*
 * npbench: one handle-based call of an interface, as npbench.c drives it
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The clusapi and samr sides live in files of their own: clusapi's IDL
 * and Samba's security.idl define some of the same types.
 */

#ifndef NPBENCH_H
#define NPBENCH_H

#include <stdbool.h>
#include <talloc.h>

struct dcerpc_binding_handle;
struct ndr_interface_table;

struct np_call {
	const char *name;		/* of the measured call */
	const char *pipe;		/* "\\pipe\\clusapi" */
	const struct ndr_interface_table *table;
	uint32_t opnum;
	/* on a bound pipe: open the handle the calls use, in *state */
	bool (*open)(struct dcerpc_binding_handle *b, TALLOC_CTX *mem,
		     void **state);
	/* the call's argument structure on @state's handle */
	void *(*make)(TALLOC_CTX *mem, void *state);
	/* the answer of a call that came back: a success? */
	bool (*ok)(void *r);
};

extern const struct np_call np_clusapi_call;	/* ApiGetGroupState */
extern const struct np_call np_samr_call;	/* samr_QueryDomainInfo */

#endif
