/*
 * clusapid: protocol towers (C706 Appendix L)
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef CLUSAPI_SERVER_EPM_TOWER_H
#define CLUSAPI_SERVER_EPM_TOWER_H

#include <stdint.h>

#include <talloc.h>
#include <ndr.h>
#include <rpc_common.h>

#include "librpc/gen_ndr/epm.h"

/*
 * What a tower says: the interface, the transfer syntax, the transport
 * and, for ncacn_ip_tcp, port and IPv4 address (both zero in the towers
 * a client passes to ept_map). transport is NCA_UNKNOWN for a tower that
 * names anything but ncacn_ip_tcp.
 */
struct cepm_tower_ep {
	struct ndr_syntax_id iface;
	struct ndr_syntax_id transfer;
	enum dcerpc_transport_t transport;
	uint16_t port;
	uint8_t ipv4[4];
};

/* Encode EP (an ncacn_ip_tcp endpoint) as a five-floor tower */
NTSTATUS cepm_tower_build(TALLOC_CTX *mem_ctx, const struct cepm_tower_ep *ep,
			  struct cepm_twr_t **twr);

/* Decode TWR; NT_STATUS_INVALID_PARAMETER when it is no RPC tower */
NTSTATUS cepm_tower_parse(const struct cepm_twr_t *twr,
			  struct cepm_tower_ep *ep);

#endif /* CLUSAPI_SERVER_EPM_TOWER_H */
