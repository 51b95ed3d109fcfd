/*
 * clusapid: protocol towers (C706 Appendix L)
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An ncacn_ip_tcp tower has five floors:
 *   1. UUID: the interface UUID and major version; rhs the minor version
 *   2. UUID: the transfer syntax (NDR 2.0), the same way
 *   3. NCACN: connection-oriented RPC; rhs its minor version, 0
 *   4. TCP: rhs the port, in network order
 *   5. IP: rhs the IPv4 address, in network order
 * The generated cepm_tower code handles the framing (counts and byte
 * counts); this file the contents of the floors.
 */

#include <string.h>

#include "server/log.h"
#include "server/epm/tower.h"
#include "librpc/gen_ndr/ndr_epm.h"

#define CEPM_TCP_FLOORS 5

static bool cepm_floor_set(TALLOC_CTX *mem_ctx, struct cepm_floor *f,
			   const uint8_t *lhs, size_t lhs_len,
			   const uint8_t *rhs, size_t rhs_len)
{
	f->lhs_length = lhs_len;
	f->lhs = talloc_memdup(mem_ctx, lhs, lhs_len);
	f->rhs_length = rhs_len;
	f->rhs = talloc_memdup(mem_ctx, rhs, rhs_len);
	return f->lhs != NULL && f->rhs != NULL;
}

static NTSTATUS cepm_floor_uuid(TALLOC_CTX *mem_ctx, struct cepm_floor *f,
				const struct ndr_syntax_id *id)
{
	struct cepm_uuid_lhs lhs = {
		.protocol = CEPM_PROTO_UUID,
		.uuid = id->uuid,
		.vers_major = id->if_version & 0xffff,
	};
	uint16_t minor = id->if_version >> 16;
	const uint8_t rhs[2] = { minor & 0xff, minor >> 8 };
	enum ndr_err_code ndr_err;
	DATA_BLOB blob;

	ndr_err = ndr_push_struct_blob(&blob, mem_ctx, &lhs,
			(ndr_push_flags_fn_t)ndr_push_cepm_uuid_lhs);
	if (!NDR_ERR_CODE_IS_SUCCESS(ndr_err)) {
		return ndr_map_error2ntstatus(ndr_err);
	}
	if (!cepm_floor_set(mem_ctx, f, blob.data, blob.length, rhs,
			    sizeof(rhs))) {
		return NT_STATUS_NO_MEMORY;
	}
	return NT_STATUS_OK;
}

NTSTATUS cepm_tower_build(TALLOC_CTX *mem_ctx, const struct cepm_tower_ep *ep,
			  struct cepm_twr_t **_twr)
{
	const uint8_t ncacn[1] = { CEPM_PROTO_NCACN };
	const uint8_t ncacn_minor[2] = { 0, 0 };
	const uint8_t tcp[1] = { CEPM_PROTO_TCP };
	const uint8_t port[2] = { ep->port >> 8, ep->port & 0xff };
	const uint8_t ip[1] = { CEPM_PROTO_IP };
	struct cepm_floor floors[CEPM_TCP_FLOORS] = {};
	struct cepm_tower tower = {
		.num_floors = CEPM_TCP_FLOORS,
		.floors = floors,
	};
	struct cepm_twr_t *twr;
	enum ndr_err_code ndr_err;
	TALLOC_CTX *tmp;
	DATA_BLOB blob;
	NTSTATUS status;

	if (ep->transport != NCACN_IP_TCP) {
		return NT_STATUS_NOT_SUPPORTED;
	}
	tmp = talloc_new(mem_ctx);
	if (tmp == NULL) {
		return NT_STATUS_NO_MEMORY;
	}
	status = cepm_floor_uuid(tmp, &floors[0], &ep->iface);
	if (!NT_STATUS_IS_OK(status)) {
		goto done;
	}
	status = cepm_floor_uuid(tmp, &floors[1], &ep->transfer);
	if (!NT_STATUS_IS_OK(status)) {
		goto done;
	}
	if (!cepm_floor_set(tmp, &floors[2], ncacn, sizeof(ncacn),
			    ncacn_minor, sizeof(ncacn_minor)) ||
	    !cepm_floor_set(tmp, &floors[3], tcp, sizeof(tcp), port,
			    sizeof(port)) ||
	    !cepm_floor_set(tmp, &floors[4], ip, sizeof(ip), ep->ipv4,
			    sizeof(ep->ipv4))) {
		status = NT_STATUS_NO_MEMORY;
		goto done;
	}

	twr = talloc_zero(mem_ctx, struct cepm_twr_t);
	if (twr == NULL) {
		status = NT_STATUS_NO_MEMORY;
		goto done;
	}
	ndr_err = ndr_push_struct_blob(&blob, twr, &tower,
			(ndr_push_flags_fn_t)ndr_push_cepm_tower);
	if (!NDR_ERR_CODE_IS_SUCCESS(ndr_err)) {
		talloc_free(twr);
		status = ndr_map_error2ntstatus(ndr_err);
		goto done;
	}
	twr->tower_length = blob.length;
	twr->tower_octet_string = blob.data;
	*_twr = twr;
	status = NT_STATUS_OK;
done:
	talloc_free(tmp);
	return status;
}

static bool cepm_floor_get_uuid(TALLOC_CTX *mem_ctx,
				const struct cepm_floor *f,
				struct ndr_syntax_id *id)
{
	DATA_BLOB blob = data_blob_const(f->lhs, f->lhs_length);
	struct cepm_uuid_lhs lhs;
	enum ndr_err_code ndr_err;

	if (f->rhs_length != 2) {
		return false;
	}
	ndr_err = ndr_pull_struct_blob_all(&blob, mem_ctx, &lhs,
			(ndr_pull_flags_fn_t)ndr_pull_cepm_uuid_lhs);
	if (!NDR_ERR_CODE_IS_SUCCESS(ndr_err) ||
	    lhs.protocol != CEPM_PROTO_UUID) {
		return false;
	}
	id->uuid = lhs.uuid;
	id->if_version = lhs.vers_major |
			 (uint32_t)(f->rhs[0] | f->rhs[1] << 8) << 16;
	return true;
}

/* The protocol identifier of a floor, or 0 for an empty left side */
static uint8_t cepm_floor_protocol(const struct cepm_floor *f)
{
	return f->lhs_length > 0 ? f->lhs[0] : 0;
}

static enum dcerpc_transport_t cepm_floors_transport(
	const struct cepm_tower *tower)
{
	if (tower->num_floors < 5) {
		return NCA_UNKNOWN;
	}
	if (cepm_floor_protocol(&tower->floors[2]) != CEPM_PROTO_NCACN ||
	    cepm_floor_protocol(&tower->floors[3]) != CEPM_PROTO_TCP ||
	    cepm_floor_protocol(&tower->floors[4]) != CEPM_PROTO_IP) {
		return NCA_UNKNOWN;
	}
	return NCACN_IP_TCP;
}

NTSTATUS cepm_tower_parse(const struct cepm_twr_t *twr,
			  struct cepm_tower_ep *ep)
{
	DATA_BLOB blob = data_blob_const(twr->tower_octet_string,
					 twr->tower_length);
	const struct cepm_floor *f;
	struct cepm_tower tower;
	enum ndr_err_code ndr_err;
	NTSTATUS status = NT_STATUS_INVALID_PARAMETER;
	TALLOC_CTX *tmp;

	tmp = talloc_new(NULL);
	if (tmp == NULL) {
		return NT_STATUS_NO_MEMORY;
	}
	ndr_err = ndr_pull_struct_blob_all(&blob, tmp, &tower,
			(ndr_pull_flags_fn_t)ndr_pull_cepm_tower);
	if (!NDR_ERR_CODE_IS_SUCCESS(ndr_err) || tower.num_floors < 3) {
		goto done;
	}

	*ep = (struct cepm_tower_ep) { .transport = NCA_UNKNOWN };
	if (!cepm_floor_get_uuid(tmp, &tower.floors[0], &ep->iface) ||
	    !cepm_floor_get_uuid(tmp, &tower.floors[1], &ep->transfer)) {
		goto done;
	}
	status = NT_STATUS_OK;

	ep->transport = cepm_floors_transport(&tower);
	if (ep->transport != NCACN_IP_TCP) {
		goto done;
	}
	f = &tower.floors[3];
	if (f->rhs_length == 2) {
		ep->port = f->rhs[0] << 8 | f->rhs[1];
	}
	f = &tower.floors[4];
	if (f->rhs_length == sizeof(ep->ipv4)) {
		memcpy(ep->ipv4, f->rhs, sizeof(ep->ipv4));
	}
done:
	talloc_free(tmp);
	return status;
}
