/*
 * clusapid: the cluster registry
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A key handle holds the key's path below the root ("" for the root),
 * so a key deleted by another client is noticed on the next call.
 * Value data is UTF-8 in the model and UTF-16 on the wire for the
 * string types; sizes reported to the client are wire sizes.
 */

#include "server/rpc/rpc_private.h"

static void open_key(struct dcesrv_call_state *dce_call,
		     struct clus_regkey *key, uint32_t sam_desired,
		     WERROR *status, struct policy_handle *out)
{
	uint32_t access = 0;

	/* registry rights map onto read/change as for the other objects */
	*status = clusrv_grant_access(dce_call, MAXIMUM_ALLOWED, &access);
	if (!W_ERROR_IS_OK(*status)) {
		return;
	}
	*status = clusrv_handle_open(dce_call, CLUSRV_H_KEY, key->path,
				     access, out, NULL);
}

void dcesrv_ApiGetRootKey(struct dcesrv_call_state *dce_call,
			  TALLOC_CTX *mem_ctx, struct ApiGetRootKey *r)
{
	NDR_ZERO_STRUCTP(r->out.phKey);
	open_key(dce_call, clus_regkey_root(clusrv_model(dce_call)),
		 r->in.samDesired, r->out.Status, r->out.phKey);
}

void dcesrv_ApiOpenKey(struct dcesrv_call_state *dce_call,
		       TALLOC_CTX *mem_ctx, struct ApiOpenKey *r)
{
	struct clus_regkey *parent = NULL, *key = NULL;

	NDR_ZERO_STRUCTP(r->out.phKey);
	*r->out.Status = clusrv_regkey_from_handle(dce_call, &r->in.hKey,
						   &parent);
	if (!W_ERROR_IS_OK(*r->out.Status)) {
		return;
	}
	*r->out.Status = W_ERROR(clus_regkey_open(
		clusrv_model(dce_call), parent,
		r->in.lpSubKey != NULL ? r->in.lpSubKey : "", &key));
	if (!W_ERROR_IS_OK(*r->out.Status)) {
		return;
	}
	open_key(dce_call, key, r->in.samDesired, r->out.Status,
		 r->out.phKey);
}

void dcesrv_ApiCreateKey(struct dcesrv_call_state *dce_call,
			 TALLOC_CTX *mem_ctx, struct ApiCreateKey *r)
{
	struct clus_regkey *parent = NULL, *key = NULL;
	bool created = false;

	NDR_ZERO_STRUCTP(r->out.phKey);
	*r->out.lpdwDisposition = 0;
	*r->out.Status = clusrv_regkey_for_write(dce_call, &r->in.hKey,
						 &parent);
	if (!W_ERROR_IS_OK(*r->out.Status)) {
		return;
	}
	if (r->in.lpSubKey == NULL || r->in.lpSubKey[0] == '\0') {
		*r->out.Status = WERR_INVALID_PARAMETER;
		return;
	}
	*r->out.Status = W_ERROR(clus_regkey_create(
		clusrv_model(dce_call), parent, r->in.lpSubKey, &key,
		&created));
	if (!W_ERROR_IS_OK(*r->out.Status)) {
		return;
	}
	/* REG_CREATED_NEW_KEY 1, REG_OPENED_EXISTING_KEY 2 */
	*r->out.lpdwDisposition = created ? 1 : 2;
	open_key(dce_call, key, r->in.samDesired, r->out.Status,
		 r->out.phKey);
}

WERROR dcesrv_ApiCloseKey(struct dcesrv_call_state *dce_call,
			  TALLOC_CTX *mem_ctx, struct ApiCloseKey *r)
{
	return clusrv_handle_close(dce_call, r->in.pKey, r->out.pKey,
				   CLUSRV_H_KEY);
}

WERROR dcesrv_ApiEnumKey(struct dcesrv_call_state *dce_call,
			 TALLOC_CTX *mem_ctx, struct ApiEnumKey *r)
{
	struct clus_regkey *key = NULL, *sub;
	WERROR werr = clusrv_regkey_from_handle(dce_call, &r->in.hKey, &key);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	if (r->in.dwIndex >= key->num_subkeys) {
		return WERR_NO_MORE_ITEMS;
	}
	sub = key->subkeys[r->in.dwIndex];
	*r->out.KeyName = talloc_strdup(mem_ctx, sub->name);
	if (*r->out.KeyName == NULL) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	*r->out.lpftLastWriteTime = sub->last_write;
	return WERR_OK;
}

WERROR dcesrv_ApiDeleteKey(struct dcesrv_call_state *dce_call,
			   TALLOC_CTX *mem_ctx, struct ApiDeleteKey *r)
{
	struct clus_model *m = clusrv_model(dce_call);
	struct clus_regkey *parent = NULL, *key = NULL;
	WERROR werr = clusrv_regkey_for_write(dce_call, &r->in.hKey, &parent);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	if (r->in.lpSubKey == NULL || r->in.lpSubKey[0] == '\0') {
		return WERR_INVALID_PARAMETER;
	}
	werr = W_ERROR(clus_regkey_open(m, parent, r->in.lpSubKey, &key));
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_regkey_delete(m, key));
}

WERROR dcesrv_ApiSetValue(struct dcesrv_call_state *dce_call,
			  TALLOC_CTX *mem_ctx, struct ApiSetValue *r)
{
	struct clus_regkey *key = NULL;
	uint8_t *data = NULL;
	uint32_t len = 0;
	WERROR werr = clusrv_regkey_for_write(dce_call, &r->in.hKey, &key);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	werr = clusrv_value_from_wire(mem_ctx, r->in.dwType, r->in.lpData,
				      r->in.cbData, &data, &len);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_regkey_set_value(
		clusrv_model(dce_call), key,
		r->in.lpValueName != NULL ? r->in.lpValueName : "",
		r->in.dwType, data, len));
}

WERROR dcesrv_ApiDeleteValue(struct dcesrv_call_state *dce_call,
			     TALLOC_CTX *mem_ctx, struct ApiDeleteValue *r)
{
	struct clus_regkey *key = NULL;
	WERROR werr = clusrv_regkey_for_write(dce_call, &r->in.hKey, &key);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	return W_ERROR(clus_regkey_delete_value(
		clusrv_model(dce_call), key,
		r->in.lpValueName != NULL ? r->in.lpValueName : ""));
}

/* A value's wire bytes into the caller's buffer of @size, if they fit */
static WERROR regval_fill(uint8_t *buf, uint32_t size, const uint8_t *data,
			  uint32_t len)
{
	if (len > size) {
		return WERR_MORE_DATA;
	}
	if (len > 0) {
		memcpy(buf, data, len);
	}
	return WERR_OK;
}

WERROR dcesrv_ApiQueryValue(struct dcesrv_call_state *dce_call,
			    TALLOC_CTX *mem_ctx, struct ApiQueryValue *r)
{
	struct clus_regkey *key = NULL;
	const struct clus_prop *v;
	uint8_t *data = NULL;
	uint32_t len = 0;
	WERROR werr = clusrv_regkey_from_handle(dce_call, &r->in.hKey, &key);

	*r->out.lpValueType = 0;
	*r->out.lpcbRequired = 0;
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	v = clus_regkey_get_value(key, r->in.lpValueName != NULL ?
				  r->in.lpValueName : "");
	if (v == NULL) {
		return WERR_FILE_NOT_FOUND;
	}
	werr = clusrv_value_to_wire(mem_ctx, v->type, v->data, v->len,
				    &data, &len);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	*r->out.lpValueType = v->type;
	*r->out.lpcbRequired = len;
	return regval_fill(r->out.lpData, r->in.cbData, data, len);
}

WERROR dcesrv_ApiEnumValue(struct dcesrv_call_state *dce_call,
			   TALLOC_CTX *mem_ctx, struct ApiEnumValue *r)
{
	struct clus_regkey *key = NULL;
	const struct clus_prop *v;
	uint8_t *data = NULL;
	uint32_t len = 0, avail = *r->in.lpcbData;
	WERROR werr = clusrv_regkey_from_handle(dce_call, &r->in.hKey, &key);

	*r->out.lpType = 0;
	*r->out.TotalSize = 0;
	*r->out.lpcbData = 0;
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	if (r->in.dwIndex >= key->values.count) {
		return WERR_NO_MORE_ITEMS;
	}
	v = &key->values.props[r->in.dwIndex];
	werr = clusrv_value_to_wire(mem_ctx, v->type, v->data, v->len,
				    &data, &len);
	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	*r->out.lpValueName = talloc_strdup(mem_ctx, v->name);
	if (*r->out.lpValueName == NULL) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	*r->out.lpType = v->type;
	*r->out.TotalSize = len;
	*r->out.lpcbData = len;
	werr = regval_fill(r->out.lpData, avail, data, len);
	if (W_ERROR_EQUAL(werr, WERR_MORE_DATA)) {
		*r->out.lpcbData = 0;
	}
	return werr;
}

WERROR dcesrv_ApiQueryInfoKey(struct dcesrv_call_state *dce_call,
			      TALLOC_CTX *mem_ctx, struct ApiQueryInfoKey *r)
{
	struct clus_regkey *key = NULL;
	struct clus_regkey_info info;
	WERROR werr = clusrv_regkey_from_handle(dce_call, &r->in.hKey, &key);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	clus_regkey_query_info(key, &info);
	*r->out.lpcSubKeys = info.num_subkeys;
	*r->out.lpcbMaxSubKeyLen = info.max_subkey_len;
	*r->out.lpcValues = info.num_values;
	*r->out.lpcbMaxValueNameLen = info.max_value_name_len;
	/* UTF-8 to UTF-16 at most doubles the size */
	*r->out.lpcbMaxValueLen = info.max_value_len * 2;
	*r->out.lpcbSecurityDescriptor = info.sd_len;
	*r->out.lpftLastWriteTime = info.last_write;
	return WERR_OK;
}

WERROR dcesrv_ApiGetKeySecurity(struct dcesrv_call_state *dce_call,
				TALLOC_CTX *mem_ctx,
				struct ApiGetKeySecurity *r)
{
	struct RPC_SECURITY_DESCRIPTOR *sd = r->out.pRpcSecurityDescriptor;
	struct clus_regkey *key = NULL;
	uint32_t have = r->in.pRpcSecurityDescriptor->cbInSecurityDescriptor;
	WERROR werr = clusrv_regkey_from_handle(dce_call, &r->in.hKey, &key);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	*sd = *r->in.pRpcSecurityDescriptor;
	if (key->sd_len > have) {
		sd->lpSecurityDescriptor = NULL;
		sd->cbInSecurityDescriptor = key->sd_len;
		sd->cbOutSecurityDescriptor = 0;
		return WERR_INSUFFICIENT_BUFFER;
	}
	sd->lpSecurityDescriptor = talloc_zero_array(mem_ctx, uint8_t,
						     have + 1);
	if (sd->lpSecurityDescriptor == NULL) {
		return WERR_NOT_ENOUGH_MEMORY;
	}
	if (key->sd_len > 0) {
		memcpy(sd->lpSecurityDescriptor, key->sd, key->sd_len);
	}
	sd->cbInSecurityDescriptor = have;
	sd->cbOutSecurityDescriptor = key->sd_len;
	return WERR_OK;
}

WERROR dcesrv_ApiSetKeySecurity(struct dcesrv_call_state *dce_call,
				TALLOC_CTX *mem_ctx,
				struct ApiSetKeySecurity *r)
{
	struct RPC_SECURITY_DESCRIPTOR *sd = r->in.pRpcSecurityDescriptor;
	struct clus_regkey *key = NULL;
	WERROR werr = clusrv_regkey_for_write(dce_call, &r->in.hKey, &key);

	if (!W_ERROR_IS_OK(werr)) {
		return werr;
	}
	if (sd == NULL || sd->lpSecurityDescriptor == NULL ||
	    sd->cbOutSecurityDescriptor > sd->cbInSecurityDescriptor) {
		return WERR_INVALID_PARAMETER;
	}
	return W_ERROR(clus_regkey_set_security(
		clusrv_model(dce_call), key, sd->lpSecurityDescriptor,
		sd->cbOutSecurityDescriptor));
}
