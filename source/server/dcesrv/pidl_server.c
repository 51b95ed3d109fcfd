/*
 * clusapid: NDR call printing for PIDL's server output
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "server/dcesrv/pidl_server.h"

void clusrv_log_ndr_function(ndr_print_function_t fn, const char *name,
			     int flags, void *ptr)
{
	char *text;

	if (!clus_log_enabled(CLUS_LOG_DEBUG)) {
		return;
	}
	text = ndr_print_function_string(NULL, fn, name, flags, ptr);
	if (text == NULL) {
		return;
	}
	clus_log_msg(CLUS_LOG_DEBUG, NULL, "%s", text);
	talloc_free(text);
}
