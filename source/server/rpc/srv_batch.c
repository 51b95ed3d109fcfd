/*
 * clusapid: registry batches and batch notification ports
 * (ApiExecuteBatch, ApiExecuteReadBatch(Ex), ApiCreateBatchPort,
 * ApiGetBatchNotification, ApiCloseBatchPort)
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ApiExecuteBatch applies a CLUSTER_REG_BATCH_UPDATE (MS-CMRP
 * 2.2.3.17) in one model transaction; ApiExecuteReadBatch(Ex) answer
 * its CLUSREG_READ_KEY/READ_VALUE commands with a batch of results
 * (CLUSREG_READ_ERROR and the error code where one cannot be read).
 * Batch notification ports are NOT YET IMPLEMENTED: they refuse with
 * ERROR_CALL_NOT_IMPLEMENTED and change nothing (handles are still
 * checked, so a bad one gets ERROR_INVALID_HANDLE as on Windows).
 */

#include "server/rpc/rpc_private.h"
#include <charset.h>

static WERROR batch_key(struct dcesrv_call_state *dce_call,
			const struct policy_handle *h)
{
	if (clusrv_handle_get(dce_call, h, CLUSRV_H_KEY) == NULL) {
		return WERR_INVALID_HANDLE;
	}
	DBG_NOTICE("registry batches are not implemented yet\n");
	return WERR_CALL_NOT_IMPLEMENTED;
}

/* The commands of a CLUSTER_REG_BATCH_UPDATE in the model's form */
static WERROR batch_parse(TALLOC_CTX *mem_ctx, const uint8_t *data,
			  uint32_t len, struct clus_regbatch_cmd **pcmds,
			  uint32_t *pnum)
{
	DATA_BLOB blob = data_blob_const(data, len);
	struct CLUSTER_REG_BATCH_UPDATE upd;
	struct clus_regbatch_cmd *cmds = NULL;
	struct ndr_pull *ndr;
	enum ndr_err_code ndr_err;
	uint32_t num = 0;
	WERROR werr;

	ndr_err = ndr_pull_struct_blob_all(&blob, mem_ctx, &upd,
			(ndr_pull_flags_fn_t)ndr_pull_CLUSTER_REG_BATCH_UPDATE);
	if (!NDR_ERR_CODE_IS_SUCCESS(ndr_err) || upd.VersionNumber != 1) {
		return WERR_INVALID_PARAMETER;
	}
	ndr = ndr_pull_init_blob(&upd.Commands, mem_ctx);
	if (ndr == NULL) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	while (ndr->offset < ndr->data_size) {
		struct BATCH_UPDATE_COMMAND c;
		struct clus_regbatch_cmd *cmd;
		char *name = NULL;
		size_t name_len = 0;
		uint8_t *value = NULL;
		uint32_t value_len = 0;

		ndr_err = ndr_pull_BATCH_UPDATE_COMMAND(ndr, NDR_SCALARS, &c);
		if (!NDR_ERR_CODE_IS_SUCCESS(ndr_err) ||
		    (c.NameLength % 2) != 0) {
			return WERR_INVALID_PARAMETER;
		}
		if (c.NameLength > 0 &&
		    !convert_string_talloc(mem_ctx, CH_UTF16LE, CH_UTF8,
					   c.Name, c.NameLength, &name,
					   &name_len)) {
			return WERR_INVALID_PARAMETER;
		}
		werr = clusrv_value_from_wire(mem_ctx, c.ValueType, c.Data,
					      c.DataLength, &value,
					      &value_len);
		if (c.CommandType == CLUSREG_SET_VALUE &&
		    !W_ERROR_IS_OK(werr)) {
			return werr;
		}
		cmds = talloc_realloc(mem_ctx, cmds, struct clus_regbatch_cmd,
				      num + 1);
		if (cmds == NULL) {
			return WERR_NOT_ENOUGH_MEMORY;
		}
		cmd = &cmds[num++];
		*cmd = (struct clus_regbatch_cmd) {
			.command = c.CommandType,
			.type = c.ValueType,
			/* the name was sent with its terminator */
			.name = name != NULL ?
				talloc_strndup(cmds, name, name_len) : "",
			.data = W_ERROR_IS_OK(werr) ? value : c.Data,
			.len = W_ERROR_IS_OK(werr) ? value_len : c.DataLength,
		};
		if (cmd->name == NULL) {
			return WERR_NOT_ENOUGH_MEMORY;
		}
	}
	*pcmds = cmds;
	*pnum = num;
	return WERR_OK;
}

WERROR dcesrv_ApiExecuteBatch(struct dcesrv_call_state *dce_call,
			      TALLOC_CTX *mem_ctx, struct ApiExecuteBatch *r)
{
	struct clus_model *m = clusrv_model(dce_call);
	struct clusrv_handle *h = clusrv_handle_get(dce_call, &r->in.hKey,
						    CLUSRV_H_KEY);
	struct clus_regbatch_cmd *cmds = NULL;
	struct clus_regkey *key;
	uint32_t num = 0;
	WERROR werr;

	*r->out.pdwFailedCommand = -1;
	if (h == NULL) {
		return WERR_INVALID_HANDLE;
	}
	key = clus_regkey_by_path(m, h->id);
	if (key == NULL) {
		return WERR_KEY_DELETED;
	}
	werr = clusrv_check_write(dce_call);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	werr = batch_parse(mem_ctx, r->in.lpData, r->in.cbData, &cmds, &num);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_regkey_batch(m, key, cmds, num,
					 r->out.pdwFailedCommand));
}

/* Append one command to a batch being pushed */
static WERROR batch_push(struct ndr_push *ndr, uint32_t command,
			 uint32_t type, const char *name,
			 const uint8_t *data, uint32_t len)
{
	struct BATCH_UPDATE_COMMAND c = {
		.CommandType = command,
		.ValueType = type,
		.DataLength = len,
		.Data = discard_const_p(uint8_t, data),
	};
	uint8_t *wname = NULL;
	uint32_t wlen = 0;
	enum ndr_err_code ndr_err;
	WERROR werr;

	werr = clusrv_value_to_wire(ndr, CM_REG_SZ, (const uint8_t *)name,
				    strlen(name) + 1, &wname, &wlen);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	c.Name = wname;
	c.NameLength = wlen;
	ndr_err = ndr_push_BATCH_UPDATE_COMMAND(ndr, NDR_SCALARS, &c);
	if (!NDR_ERR_CODE_IS_SUCCESS(ndr_err)) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	return WERR_OK;
}

static WERROR read_batch(struct dcesrv_call_state *dce_call,
			 TALLOC_CTX *mem_ctx, const struct policy_handle *h,
			 const uint8_t *in, uint32_t in_len,
			 uint32_t *out_len, uint8_t **out)
{
	struct clus_model *m = clusrv_model(dce_call);
	struct clusrv_handle *d = clusrv_handle_get(dce_call, h,
						    CLUSRV_H_KEY);
	struct clus_regbatch_cmd *cmds = NULL;
	struct clus_regkey *base, *cur;
	struct ndr_push *ndr;
	uint32_t num = 0, i;
	WERROR werr;

	*out_len = 0;
	if (d == NULL) {
		return WERR_INVALID_HANDLE;
	}
	base = clus_regkey_by_path(m, d->id);
	if (base == NULL) {
		return WERR_KEY_DELETED;
	}
	werr = batch_parse(mem_ctx, in, in_len, &cmds, &num);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	ndr = ndr_push_init_ctx(mem_ctx);
	if (ndr == NULL) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	ndr->flags |= LIBNDR_FLAG_NOALIGN;
	if (!NDR_ERR_CODE_IS_SUCCESS(ndr_push_uint32(ndr, NDR_SCALARS, 1))) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	cur = base;
	for (i = 0; i < num && W_ERROR_IS_OK(werr); i++) {
		const struct clus_regbatch_cmd *c = &cmds[i];
		const struct clus_prop *v = NULL;
		uint8_t *data = NULL, err[4] = { 0 };
		uint32_t len = 0, code = CM_ERROR_FILE_NOT_FOUND;

		switch (c->command) {
		case CLUSREG_READ_KEY:
			code = clus_regkey_open(m, base, c->name, &cur);
			if (code != CM_ERROR_SUCCESS) {
				cur = NULL;
				break;
			}
			werr = batch_push(ndr, CLUSREG_READ_KEY, 0, c->name,
					  NULL, 0);
			continue;
		case CLUSREG_READ_VALUE:
			if (cur != NULL) {
				v = clus_regkey_get_value(cur, c->name);
			}
			if (v == NULL) {
				break;
			}
			werr = clusrv_value_to_wire(mem_ctx, v->type, v->data,
						    v->len, &data, &len);
			if (W_ERROR_IS_OK(werr)) {
				werr = batch_push(ndr, CLUSREG_READ_VALUE,
						  v->type, c->name, data, len);
			}
			continue;
		default:
			code = CM_ERROR_INVALID_FUNCTION;
			break;
		}
		err[0] = code & 0xff;
		err[1] = (code >> 8) & 0xff;
		err[2] = (code >> 16) & 0xff;
		err[3] = (code >> 24) & 0xff;
		werr = batch_push(ndr, CLUSREG_READ_ERROR, CM_REG_DWORD,
				  c->name, err, 4);
	}
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	*out = ndr->data;
	*out_len = ndr->offset;
	return WERR_OK;
}

WERROR dcesrv_ApiExecuteReadBatch(struct dcesrv_call_state *dce_call,
				  TALLOC_CTX *mem_ctx,
				  struct ApiExecuteReadBatch *r)
{
	return read_batch(dce_call, mem_ctx, &r->in.hKey, r->in.lpInData,
			  r->in.cbInData, r->out.cbOutData, r->out.lpOutData);
}

WERROR dcesrv_ApiExecuteReadBatchEx(struct dcesrv_call_state *dce_call,
				    TALLOC_CTX *mem_ctx,
				    struct ApiExecuteReadBatchEx *r)
{
	/* no flags are defined (MS-CMRP 3.1.4.2.155) */
	if (r->in.flags != 0) {
		*r->out.cbOutData = 0;
		return WERR_INVALID_PARAMETER;
	}
	return read_batch(dce_call, mem_ctx, &r->in.hKey, r->in.lpInData,
			  r->in.cbInData, r->out.cbOutData, r->out.lpOutData);
}

WERROR dcesrv_ApiCreateBatchPort(struct dcesrv_call_state *dce_call,
				 TALLOC_CTX *mem_ctx,
				 struct ApiCreateBatchPort *r)
{
	NDR_ZERO_STRUCTP(r->out.phBatchPort);
	return batch_key(dce_call, &r->in.hKey);
}

/* No batch port can be opened, so every handle here is invalid */
WERROR dcesrv_ApiGetBatchNotification(struct dcesrv_call_state *dce_call,
				      TALLOC_CTX *mem_ctx,
				      struct ApiGetBatchNotification *r)
{
	*r->out.cbData = 0;
	return WERR_INVALID_HANDLE;
}

WERROR dcesrv_ApiCloseBatchPort(struct dcesrv_call_state *dce_call,
				TALLOC_CTX *mem_ctx,
				struct ApiCloseBatchPort *r)
{
	WERROR werr = clusrv_handle_close(dce_call, r->in.phBatchPort,
					  CLUSRV_H_BATCH_PORT);

	*r->out.phBatchPort = *r->in.phBatchPort;
	return werr;
}
