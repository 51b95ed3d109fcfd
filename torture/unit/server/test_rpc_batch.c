/*
 * clusapi torture: registry batches over RPC against a clusapid of our
 * own (ApiExecuteBatch, ApiExecuteReadBatch(Ex))
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <talloc.h>
#include <tevent.h>
#include <ndr.h>
#include <dcerpc.h>
#include <param.h>
#include <credentials.h>
#include <core/werror.h>

#include "librpc/gen_ndr/ndr_clusapi.h"
#include "librpc/gen_ndr/ndr_clusapi_c.h"
#include "clusapid_proc.h"

struct env {
	struct tproc_server *srv;
	struct dcerpc_pipe *p;
	struct policy_handle root;
};

static int setup(void **state)
{
	struct env *env = talloc_zero(NULL, struct env);
	WERROR status, rpc_status;
	NTSTATUS nt;

	assert_non_null(env);
	env->srv = tproc_server_start(env, "batch", NULL);
	env->p = tproc_server_connect(env->srv, env);
	nt = dcerpc_ApiGetRootKey(env->p->binding_handle, env,
				  0x02000000, &status, &rpc_status,
				  &env->root);
	assert_true(NT_STATUS_IS_OK(nt));
	assert_true(W_ERROR_IS_OK(status));
	*state = env;
	return 0;
}

static int teardown(void **state)
{
	struct env *env = *state;

	TALLOC_FREE(env->p);
	assert_true(tproc_server_stop(env->srv));
	talloc_free(env);
	return 0;
}

/* One BATCH_UPDATE_COMMAND, as a client builds it (UTF-16 name) */
static void add_cmd(struct ndr_push *ndr, uint32_t command, uint32_t type,
		    const char *name, const void *data, uint32_t len)
{
	struct BATCH_UPDATE_COMMAND c = {
		.CommandType = command,
		.ValueType = type,
		.Data = discard_const_p(uint8_t, data),
		.DataLength = len,
	};
	size_t wlen = 0;
	void *wname = NULL;

	assert_true(convert_string_talloc(ndr, CH_UTF8, CH_UTF16LE, name,
					  strlen(name) + 1, &wname, &wlen));
	c.Name = wname;
	c.NameLength = wlen;
	assert_int_equal(ndr_push_BATCH_UPDATE_COMMAND(ndr, NDR_SCALARS, &c),
			 NDR_ERR_SUCCESS);
}

static struct ndr_push *new_batch(TALLOC_CTX *mem_ctx)
{
	struct ndr_push *ndr = ndr_push_init_ctx(mem_ctx);

	assert_non_null(ndr);
	ndr->flags |= LIBNDR_FLAG_NOALIGN;
	assert_int_equal(ndr_push_uint32(ndr, NDR_SCALARS, 1),
			 NDR_ERR_SUCCESS);
	return ndr;
}

static WERROR execute(struct env *env, struct ndr_push *ndr, int32_t *failed)
{
	WERROR result, rpc_status;
	NTSTATUS nt;

	nt = dcerpc_ApiExecuteBatch(env->p->binding_handle, env, env->root,
				    ndr->offset, ndr->data, failed,
				    &rpc_status, &result);
	assert_true(NT_STATUS_IS_OK(nt));
	return result;
}

static void test_execute_then_read(void **state)
{
	struct env *env = *state;
	static const uint8_t fast[] = { 'f', 0, 'a', 0, 's', 0, 't', 0, 0, 0 };
	static const uint8_t seven[] = { 7, 0, 0, 0 };
	struct ndr_push *ndr = new_batch(env);
	struct CLUSTER_REG_BATCH_UPDATE upd;
	struct BATCH_UPDATE_COMMAND c;
	struct ndr_pull *pull;
	WERROR result, rpc_status;
	uint8_t *out = NULL;
	uint32_t out_len = 0;
	int32_t failed = 99;
	DATA_BLOB blob;

	add_cmd(ndr, CLUSREG_CREATE_KEY, 0, "App\\Settings", NULL, 0);
	add_cmd(ndr, CLUSREG_SET_VALUE, 1, "Mode", fast, sizeof(fast));
	add_cmd(ndr, CLUSREG_SET_VALUE, 4, "Level", seven, sizeof(seven));
	assert_true(W_ERROR_IS_OK(execute(env, ndr, &failed)));
	assert_int_equal(failed, -1);

	ndr = new_batch(env);
	add_cmd(ndr, CLUSREG_READ_KEY, 0, "App\\Settings", NULL, 0);
	add_cmd(ndr, CLUSREG_READ_VALUE, 0, "Mode", NULL, 0);
	add_cmd(ndr, CLUSREG_READ_VALUE, 0, "Missing", NULL, 0);
	assert_true(NT_STATUS_IS_OK(dcerpc_ApiExecuteReadBatch(
		env->p->binding_handle, env, env->root, ndr->offset,
		ndr->data, &out_len, &out, &rpc_status, &result)));
	assert_true(W_ERROR_IS_OK(result));

	blob = data_blob_const(out, out_len);
	assert_int_equal(ndr_pull_struct_blob_all(&blob, env, &upd,
		(ndr_pull_flags_fn_t)ndr_pull_CLUSTER_REG_BATCH_UPDATE),
		NDR_ERR_SUCCESS);
	assert_int_equal(upd.VersionNumber, 1);
	pull = ndr_pull_init_blob(&upd.Commands, env);
	assert_int_equal(ndr_pull_BATCH_UPDATE_COMMAND(pull, NDR_SCALARS, &c),
			 NDR_ERR_SUCCESS);
	assert_int_equal(c.CommandType, CLUSREG_READ_KEY);
	assert_int_equal(ndr_pull_BATCH_UPDATE_COMMAND(pull, NDR_SCALARS, &c),
			 NDR_ERR_SUCCESS);
	assert_int_equal(c.CommandType, CLUSREG_READ_VALUE);
	assert_int_equal(c.ValueType, 1);
	assert_int_equal(c.DataLength, sizeof(fast));
	assert_memory_equal(c.Data, fast, sizeof(fast));
	assert_int_equal(ndr_pull_BATCH_UPDATE_COMMAND(pull, NDR_SCALARS, &c),
			 NDR_ERR_SUCCESS);
	assert_int_equal(c.CommandType, CLUSREG_READ_ERROR);
	assert_int_equal(c.DataLength, 4);
	assert_int_equal(c.Data[0], 2);		/* ERROR_FILE_NOT_FOUND */
	assert_int_equal(pull->offset, pull->data_size);
}

static void test_failed_condition_changes_nothing(void **state)
{
	struct env *env = *state;
	static const uint8_t one[] = { 1, 0, 0, 0 };
	struct ndr_push *ndr = new_batch(env);
	struct policy_handle key;
	WERROR status, rpc_status;
	int32_t failed = -1;

	add_cmd(ndr, CLUSREG_CREATE_KEY, 0, "Never", NULL, 0);
	add_cmd(ndr, CLUSREG_SET_VALUE, 4, "x", one, sizeof(one));
	add_cmd(ndr, CLUSREG_CONDITION_NOT_EXISTS, 0, "x", NULL, 0);
	assert_false(W_ERROR_IS_OK(execute(env, ndr, &failed)));
	assert_int_equal(failed, 2);

	assert_true(NT_STATUS_IS_OK(dcerpc_ApiOpenKey(
		env->p->binding_handle, env, env->root, "Never",
		0x02000000, &status, &rpc_status, &key)));
	assert_true(W_ERROR_EQUAL(status, WERR_FILE_NOT_FOUND));
}

static void test_malformed_batch(void **state)
{
	struct env *env = *state;
	static const uint8_t junk[] = { 1, 0, 0, 0, 1, 0, 0, 0, 0xff };
	WERROR result, rpc_status;
	int32_t failed = 0;

	assert_true(NT_STATUS_IS_OK(dcerpc_ApiExecuteBatch(
		env->p->binding_handle, env, env->root, sizeof(junk),
		discard_const_p(uint8_t, junk), &failed, &rpc_status,
		&result)));
	assert_true(W_ERROR_EQUAL(result, WERR_INVALID_PARAMETER));
	assert_int_equal(failed, -1);
}

/* The next command of a received batch */
static void next_cmd(struct ndr_pull *pull, uint32_t type, const char *name)
{
	struct BATCH_UPDATE_COMMAND c;
	char *utf8 = NULL;
	size_t len = 0;

	assert_int_equal(ndr_pull_BATCH_UPDATE_COMMAND(pull, NDR_SCALARS, &c),
			 NDR_ERR_SUCCESS);
	assert_int_equal(c.CommandType, type);
	assert_true(convert_string_talloc(pull, CH_UTF16LE, CH_UTF8, c.Name,
					  c.NameLength, &utf8, &len));
	assert_string_equal(utf8, name);
}

static struct ndr_pull *get_batch(struct env *env, struct policy_handle *port)
{
	struct CLUSTER_REG_BATCH_UPDATE upd;
	uint8_t *data = NULL;
	uint32_t len = 0;
	WERROR result;
	DATA_BLOB blob;

	assert_true(NT_STATUS_IS_OK(dcerpc_ApiGetBatchNotification(
		env->p->binding_handle, env, *port, &len, &data, &result)));
	assert_true(W_ERROR_IS_OK(result));
	blob = data_blob_const(data, len);
	assert_int_equal(ndr_pull_struct_blob_all(&blob, env, &upd,
		(ndr_pull_flags_fn_t)ndr_pull_CLUSTER_REG_BATCH_UPDATE),
		NDR_ERR_SUCCESS);
	return ndr_pull_init_blob(&upd.Commands, env);
}

static void test_batch_port(void **state)
{
	struct env *env = *state;
	static const uint8_t two[] = { 2, 0, 0, 0 };
	struct policy_handle port;
	struct ndr_push *ndr;
	struct ndr_pull *pull;
	WERROR result, rpc_status;
	int32_t failed;

	assert_true(NT_STATUS_IS_OK(dcerpc_ApiCreateBatchPort(
		env->p->binding_handle, env, env->root, &port, &rpc_status,
		&result)));
	assert_true(W_ERROR_IS_OK(result));

	ndr = new_batch(env);
	add_cmd(ndr, CLUSREG_CREATE_KEY, 0, "Watched\\Sub", NULL, 0);
	add_cmd(ndr, CLUSREG_SET_VALUE, 4, "n", two, sizeof(two));
	assert_true(W_ERROR_IS_OK(execute(env, ndr, &failed)));

	pull = get_batch(env, &port);
	next_cmd(pull, CLUSREG_CREATE_KEY, "Watched");
	next_cmd(pull, CLUSREG_CREATE_KEY, "Watched\\Sub");
	next_cmd(pull, CLUSREG_SET_VALUE, "n");
	assert_int_equal(pull->offset, pull->data_size);

	ndr = new_batch(env);
	add_cmd(ndr, CLUSREG_DELETE_KEY, 0, "Watched", NULL, 0);
	assert_true(W_ERROR_IS_OK(execute(env, ndr, &failed)));
	pull = get_batch(env, &port);
	next_cmd(pull, CLUSREG_DELETE_KEY, "Watched");
	next_cmd(pull, CLUSREG_DELETE_KEY, "Watched\\Sub");
	assert_int_equal(pull->offset, pull->data_size);

	assert_true(NT_STATUS_IS_OK(dcerpc_ApiCloseBatchPort(
		env->p->binding_handle, env, &port, &result)));
	assert_true(W_ERROR_IS_OK(result));
	assert_true(ndr_policy_handle_empty(&port));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_execute_then_read, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			test_failed_condition_changes_nothing, setup,
			teardown),
		cmocka_unit_test_setup_teardown(test_malformed_batch, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_batch_port, setup,
						teardown),
	};

	return cmocka_run_group_tests_name("rpc_batch", tests, NULL, NULL);
}
