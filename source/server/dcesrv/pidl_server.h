/*
 * clusapid: include this before a PIDL server file (ndr_X_s.c)
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PIDL's --server output includes <util/debug.h> and uses DEBUG(),
 * DEBUGLEVEL and NDR_PRINT_FUNCTION_DEBUG, which belong to Samba's
 * private libsamba-debug. server/log.h takes <util/debug.h>'s place;
 * here NDR_PRINT_FUNCTION_DEBUG is pointed at our log as well (at
 * -d 10 every call is printed in and out). Then:
 *
 *	#include "server/dcesrv/pidl_server.h"
 *	static WERROR dcesrv_Foo(struct dcesrv_call_state *dce_call,
 *				 TALLOC_CTX *mem_ctx, struct Foo *r) ...
 *	#include "librpc/gen_ndr/ndr_X_s.c"
 *
 * which defines static const struct dcesrv_interface dcesrv_X_interface,
 * to pass to clusrv_register_interface().
 */

#ifndef CLUSAPI_SERVER_PIDL_SERVER_H
#define CLUSAPI_SERVER_PIDL_SERVER_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "server/log.h"
#include <talloc.h>
#include <tevent.h>
#include <ndr.h>
#include <dcesrv_core.h>
#include <util/tevent_ntstatus.h>

#include "server/server.h"

void clusrv_log_ndr_function(ndr_print_function_t fn, const char *name,
			     int flags, void *ptr);

#undef NDR_PRINT_FUNCTION_DEBUG
#define NDR_PRINT_FUNCTION_DEBUG(type, flags, p) \
	clusrv_log_ndr_function((ndr_print_function_t)ndr_print_ ##type, \
				#type, flags, p)

#endif /* CLUSAPI_SERVER_PIDL_SERVER_H */
