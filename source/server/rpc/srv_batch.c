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
 *
 * A batch notification port (ApiCreateBatchPort) watches its key's
 * subtree. ApiGetBatchNotification waits for a change and answers with
 * what changed since the port's last answer, as a batch: the port keeps
 * a copy of the subtree and sends the difference (CLUSREG_CREATE_KEY to
 * select a key, CLUSREG_SET_VALUE, CLUSREG_DELETE_VALUE,
 * CLUSREG_DELETE_KEY), names relative to the port's key. Changes that
 * cancel out between two answers are not reported.
 */

#include "server/rpc/rpc_private.h"
#include <charset.h>

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
	struct clus_regbatch_cmd *cmds = NULL;
	struct clus_regkey *key;
	uint32_t num = 0;
	WERROR werr;

	*r->out.pdwFailedCommand = -1;
	werr = clusrv_regkey_for_write(dce_call, &r->in.hKey, &key);
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

/*
 * Changes to a key's values follow one CLUSREG_CREATE_KEY that selects
 * it: push that before the key's first change (*@selected says whether
 * it is out), unless an earlier push failed.
 */
static void batch_select(struct ndr_push *ndr, const char *path,
			 bool *selected, uint32_t *num_cmds, WERROR *werr)
{
	if (*selected || !W_ERROR_IS_OK(*werr)) {
		return;
	}
	*werr = batch_push(ndr, CLUSREG_CREATE_KEY, 0, path, NULL, 0);
	*selected = true;
	*num_cmds += 1;
}

static WERROR read_batch(struct dcesrv_call_state *dce_call,
			 TALLOC_CTX *mem_ctx, const struct policy_handle *h,
			 const uint8_t *in, uint32_t in_len,
			 uint32_t *out_len, uint8_t **out)
{
	struct clus_model *m = clusrv_model(dce_call);
	struct clus_regbatch_cmd *cmds = NULL;
	struct clus_regkey *base, *cur;
	struct ndr_push *ndr;
	uint32_t num = 0, i;
	WERROR werr;

	*out_len = 0;
	werr = clusrv_regkey_from_handle(dce_call, h, &base);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
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
	if (W_ERROR_IS_OK(werr)) {
		*out = ndr->data;
		*out_len = ndr->offset;
	}
	return werr;
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

/* One key of a batch port's copy of its subtree */
struct snap_key {
	char *path;		/* relative to the port's key, "" for it */
	struct clus_proplist values;
};

struct batch_port {
	char *path;		/* the watched key */
	struct clus_notify_port *changes;
	struct snap_key *keys;
	uint32_t num_keys;
};

static WERROR snap_add(TALLOC_CTX *mem_ctx, struct snap_key **keys,
		       uint32_t *num, const struct clus_regkey *k,
		       size_t base_len)
{
	struct snap_key *sk;
	uint32_t i;
	WERROR werr;

	sk = talloc_realloc(mem_ctx, *keys, struct snap_key, *num + 1);
	if (sk == NULL) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	*keys = sk;
	sk = &sk[(*num)++];
	*sk = (struct snap_key) {
		/* "Base\\Sub" below "Base" is "Sub" */
		.path = talloc_strdup(*keys, k->path + base_len +
				      (base_len > 0 && k->path[base_len] != 0)),
	};
	sk->values.props = talloc_zero_array(*keys, struct clus_prop,
					     k->values.count);
	if (sk->path == NULL ||
	    (sk->values.props == NULL && k->values.count > 0)) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	for (i = 0; i < k->values.count; i++) {
		const struct clus_prop *v = &k->values.props[i];

		sk->values.props[i] = (struct clus_prop) {
			.name = talloc_strdup(*keys, v->name),
			.type = v->type,
			.data = talloc_memdup(*keys, v->data, v->len),
			.len = v->len,
		};
		sk->values.count += 1;
	}
	for (i = 0; i < k->num_subkeys; i++) {
		werr = snap_add(mem_ctx, keys, num, k->subkeys[i], base_len);
		if (!W_ERROR_IS_OK(werr)) {
			return werr;
		}
	}
	return WERR_OK;
}

/* The current subtree of @path (none if the key is gone) */
static WERROR snap_take(TALLOC_CTX *mem_ctx, struct clus_model *m,
			const char *path, struct snap_key **keys,
			uint32_t *num)
{
	struct clus_regkey *k = clus_regkey_by_path(m, path);

	*keys = NULL;
	*num = 0;
	if (k == NULL) {
		return WERR_OK;
	}
	return snap_add(mem_ctx, keys, num, k, strlen(path));
}

static const struct snap_key *snap_find(const struct snap_key *keys,
					uint32_t num, const char *path)
{
	uint32_t i;

	for (i = 0; i < num; i++) {
		if (strcasecmp(keys[i].path, path) == 0) {
			return &keys[i];
		}
	}
	return NULL;
}

static bool value_equal(const struct clus_prop *a, const struct clus_prop *b)
{
	return a->type == b->type && a->len == b->len &&
		(a->len == 0 || memcmp(a->data, b->data, a->len) == 0);
}

/* The batch that turns @old into @new, or 0 commands if equal */
static WERROR snap_diff(struct ndr_push *ndr,
			const struct snap_key *old, uint32_t num_old,
			const struct snap_key *new, uint32_t num_new,
			uint32_t *num_cmds)
{
	uint32_t i, j;
	WERROR werr = WERR_OK;

	*num_cmds = 0;
	for (i = 0; i < num_new && W_ERROR_IS_OK(werr); i++) {
		const struct snap_key *o = snap_find(old, num_old,
						     new[i].path);
		bool selected = false;

		for (j = 0; j < new[i].values.count; j++) {
			const struct clus_prop *v = &new[i].values.props[j];
			const struct clus_prop *ov = NULL;
			uint8_t *data = NULL;
			uint32_t len = 0;

			if (o != NULL) {
				ov = clus_prop_get(&o->values, v->name);
			}
			if (ov != NULL && value_equal(ov, v)) {
				continue;
			}
			batch_select(ndr, new[i].path, &selected, num_cmds,
				     &werr);
			if (W_ERROR_IS_OK(werr)) {
				werr = clusrv_value_to_wire(ndr, v->type,
							    v->data, v->len,
							    &data, &len);
			}
			if (W_ERROR_IS_OK(werr)) {
				werr = batch_push(ndr, CLUSREG_SET_VALUE,
						  v->type, v->name, data, len);
				*num_cmds += 1;
			}
		}
		for (j = 0; o != NULL && j < o->values.count &&
		     W_ERROR_IS_OK(werr); j++) {
			const char *name = o->values.props[j].name;

			if (clus_prop_get(&new[i].values, name) != NULL) {
				continue;
			}
			batch_select(ndr, new[i].path, &selected, num_cmds,
				     &werr);
			if (W_ERROR_IS_OK(werr)) {
				werr = batch_push(ndr, CLUSREG_DELETE_VALUE, 0,
						  name, NULL, 0);
				*num_cmds += 1;
			}
		}
		if (o == NULL) {
			/* a new key without values */
			batch_select(ndr, new[i].path, &selected, num_cmds,
				     &werr);
		}
	}
	for (i = 0; i < num_old && W_ERROR_IS_OK(werr); i++) {
		if (snap_find(new, num_new, old[i].path) != NULL) {
			continue;
		}
		werr = batch_push(ndr, CLUSREG_DELETE_KEY, 0, old[i].path,
				  NULL, 0);
		*num_cmds += 1;
	}
	return werr;
}

static struct batch_port *port_get(struct dcesrv_call_state *dce_call,
				   const struct policy_handle *h)
{
	struct clusrv_handle *d = clusrv_handle_get(dce_call, h,
						    CLUSRV_H_BATCH_PORT);

	return d != NULL ? talloc_get_type(d->priv, struct batch_port) : NULL;
}

WERROR dcesrv_ApiCreateBatchPort(struct dcesrv_call_state *dce_call,
				 TALLOC_CTX *mem_ctx,
				 struct ApiCreateBatchPort *r)
{
	struct clus_model *m = clusrv_model(dce_call);
	struct clusrv_handle *kh = clusrv_handle_get(dce_call, &r->in.hKey,
						     CLUSRV_H_KEY);
	struct clusrv_handle *h = NULL;
	struct batch_port *bp;
	WERROR werr;

	NDR_ZERO_STRUCTP(r->out.phBatchPort);
	if (kh == NULL) {
		return WERR_INVALID_HANDLE;
	}
	if (clus_regkey_by_path(m, kh->id) == NULL) {
		return WERR_KEY_DELETED;
	}
	werr = clusrv_handle_open(dce_call, CLUSRV_H_BATCH_PORT, kh->id,
				  kh->access, r->out.phBatchPort, &h);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	bp = talloc_zero(h, struct batch_port);
	if (bp == NULL) {
		goto fail;
	}
	bp->path = talloc_strdup(bp, kh->id);
	if (bp->path == NULL) {
		goto fail;
	}
	werr = W_ERROR(clus_notify_port_create(bp, m, 1, &bp->changes));
	if (W_ERROR_IS_OK(werr)) {
		werr = W_ERROR(clus_notify_add_v1(
			bp->changes, CM_OBJ_REGISTRY, bp->path,
			CM_CHANGE_REGISTRY_NAME | CM_CHANGE_REGISTRY_VALUE,
			0, true, NULL));
	}
	if (W_ERROR_IS_OK(werr)) {
		werr = snap_take(bp, m, bp->path, &bp->keys, &bp->num_keys);
	}
	if (!W_ERROR_IS_OK(werr)) {
		clusrv_handle_close(dce_call, r->out.phBatchPort, NULL,
				    CLUSRV_H_BATCH_PORT);
		return werr;
	}
	h->priv = bp;
	return WERR_OK;
fail:
	clusrv_handle_close(dce_call, r->out.phBatchPort, NULL,
			    CLUSRV_H_BATCH_PORT);
	return WERR_NOT_ENOUGH_MEMORY;
}

/*
 * What changed since the last answer: true with the batch in *r when
 * something did, false when the subtree is as the port saw it.
 */
static bool batch_port_fill(struct dcesrv_call_state *dce_call,
			    struct batch_port *bp,
			    struct ApiGetBatchNotification *r,
			    WERROR *result)
{
	struct clus_model *m = clusrv_model(dce_call);
	struct snap_key *keys = NULL;
	uint32_t num = 0, num_cmds = 0;
	struct ndr_push *ndr;
	WERROR werr;

	/* the queued events only say that something changed */
	while (clus_notify_port_num_events(bp->changes) > 0) {
		talloc_free(clus_notify_port_pop(bp->changes, dce_call));
	}
	ndr = ndr_push_init_ctx(dce_call);
	if (ndr == NULL) {
		*result = WERR_NOT_ENOUGH_MEMORY;
		return true;
	}
	ndr->flags |= LIBNDR_FLAG_NOALIGN;
	werr = snap_take(bp, m, bp->path, &keys, &num);
	if (W_ERROR_IS_OK(werr) &&
	    !NDR_ERR_CODE_IS_SUCCESS(ndr_push_uint32(ndr, NDR_SCALARS, 1))) {
		werr = WERR_NOT_ENOUGH_MEMORY;
	}
	if (W_ERROR_IS_OK(werr)) {
		werr = snap_diff(ndr, bp->keys, bp->num_keys, keys, num,
				 &num_cmds);
	}
	if (!W_ERROR_IS_OK(werr)) {
		TALLOC_FREE(keys);
		*result = werr;
		return true;
	}
	if (num_cmds == 0) {
		TALLOC_FREE(keys);
		return false;
	}
	TALLOC_FREE(bp->keys);
	bp->keys = keys;
	bp->num_keys = num;
	*r->out.lpData = ndr->data;
	*r->out.cbData = ndr->offset;
	*result = WERR_OK;
	return true;
}

/*
 * clusrv_wait_ops for ApiGetBatchNotification: the port looked up
 * again; a port closed meanwhile, or a client gone, ends the call with
 * ERROR_NO_MORE_ITEMS
 */
static bool batch_answer(struct dcesrv_call_state *dce_call,
			 void *private_data, struct clus_notify_port **port,
			 WERROR *result)
{
	struct ApiGetBatchNotification *r = private_data;
	struct batch_port *bp = port_get(dce_call, &r->in.hBatchNotify);

	if (bp == NULL) {
		*result = WERR_NO_MORE_ITEMS;
		return true;
	}
	*port = bp->changes;
	return batch_port_fill(dce_call, bp, r, result);
}

static WERROR batch_end(void *private_data, enum clusrv_wait_end why)
{
	return WERR_NO_MORE_ITEMS;
}

static WERROR *batch_result(void *private_data)
{
	struct ApiGetBatchNotification *r = private_data;

	return &r->out.result;
}

static const struct clusrv_wait_ops batch_wait_ops = {
	.answer = batch_answer,
	.end = batch_end,
	.result = batch_result,
};

WERROR dcesrv_ApiGetBatchNotification(struct dcesrv_call_state *dce_call,
				      TALLOC_CTX *mem_ctx,
				      struct ApiGetBatchNotification *r)
{
	*r->out.cbData = 0;
	*r->out.lpData = NULL;
	if (port_get(dce_call, &r->in.hBatchNotify) == NULL) {
		return WERR_INVALID_HANDLE;
	}
	return clusrv_wait_call(dce_call, &batch_wait_ops, r);
}

WERROR dcesrv_ApiCloseBatchPort(struct dcesrv_call_state *dce_call,
				TALLOC_CTX *mem_ctx,
				struct ApiCloseBatchPort *r)
{
	struct batch_port *bp = port_get(dce_call, r->in.phBatchPort);

	/* pending ApiGetBatchNotification calls end first */
	if (bp != NULL) {
		clus_notify_port_close(bp->changes);
	}
	return clusrv_handle_close(dce_call, r->in.phBatchPort,
				   r->out.phBatchPort, CLUSRV_H_BATCH_PORT);
}
