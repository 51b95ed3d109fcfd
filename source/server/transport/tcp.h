/*
 * clusapid: ncacn_ip_tcp listeners
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef CLUSAPI_SERVER_TCP_H
#define CLUSAPI_SERVER_TCP_H

#include <stdint.h>

#include "server/server.h"

/*
 * Bind and listen on ADDR (an IPv4 or IPv6 literal) and PORT (0: any
 * free port) without accepting yet. WHAT names the listener in log
 * lines. Returns 0 or an errno value for the caller to report.
 */
int clusrv_tcp_listen(TALLOC_CTX *mem_ctx, struct clusrv_context *srv,
		      const char *what, const char *addr, int port,
		      struct clusrv_listener **listener);

/* The port actually bound, and "ncacn_ip_tcp:ADDR[PORT]" */
uint16_t clusrv_listener_port(const struct clusrv_listener *l);
const char *clusrv_listener_binding(const struct clusrv_listener *l);

/*
 * Accept connections and serve them on the dcesrv endpoint ENDPOINT
 * ("ncacn_ip_tcp:[PORT]"). Connections belong to the listener: freeing
 * it closes them.
 */
int clusrv_listener_start(struct clusrv_listener *l, const char *endpoint);

#endif /* CLUSAPI_SERVER_TCP_H */
