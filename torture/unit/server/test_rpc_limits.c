/*
 * clusapi torture: clusapid's limits give clear errors, not exhaustion
 * (--max-handles, --max-request-size, --max-notify-events)
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

#define MAX_HANDLES 20
#define MAX_REQUEST 65536
#define MAX_EVENTS 5

static int setup(void **state)
{
	static const char *const limits[] = {
		"--max-handles", "20", "--max-request-size", "65536",
		"--max-notify-events", "5", NULL,
	};

	*state = tproc_server_start(NULL, "limits", limits);
	return 0;
}

static struct dcerpc_binding_handle *connect_clusapi(
	struct tproc_server *srv, TALLOC_CTX *mem_ctx)
{
	return tproc_server_connect(srv, mem_ctx)->binding_handle;
}

static WERROR open_group(struct dcerpc_binding_handle *b, TALLOC_CTX *mem,
			 struct policy_handle *h)
{
	WERROR status, rpc_status;

	assert_true(NT_STATUS_IS_OK(dcerpc_ApiOpenGroup(
		b, mem, "Cluster Group", &status, &rpc_status, h)));
	return status;
}

/*
 * The association group's handles stop at --max-handles with
 * ERROR_NO_SYSTEM_RESOURCES; closing one makes room, and another
 * association group has its own count.
 */
static void test_max_handles(void **state)
{
	struct tproc_server *srv = *state;
	TALLOC_CTX *mem = talloc_new(srv);
	struct dcerpc_binding_handle *b = connect_clusapi(srv, mem);
	struct dcerpc_binding_handle *b2 = connect_clusapi(srv, mem);
	struct policy_handle h[MAX_HANDLES];
	struct policy_handle extra;
	WERROR status;
	int i;

	for (i = 0; i < MAX_HANDLES; i++) {
		assert_true(W_ERROR_IS_OK(open_group(b, mem, &h[i])));
	}
	status = open_group(b, mem, &extra);
	assert_true(W_ERROR_EQUAL(status, WERR_NO_SYSTEM_RESOURCES));
	assert_true(ndr_policy_handle_empty(&extra));

	/* the handles already open still work */
	assert_true(NT_STATUS_IS_OK(dcerpc_ApiCloseGroup(b, mem, &h[0],
							 &status)));
	assert_true(W_ERROR_IS_OK(status));
	assert_true(W_ERROR_IS_OK(open_group(b, mem, &h[0])));
	assert_true(W_ERROR_EQUAL(open_group(b, mem, &extra),
				  WERR_NO_SYSTEM_RESOURCES));

	assert_true(W_ERROR_IS_OK(open_group(b2, mem, &extra)));
	talloc_free(mem);
}

static WERROR set_value(struct dcerpc_binding_handle *b, TALLOC_CTX *mem,
			struct policy_handle *root, uint32_t len,
			NTSTATUS *nt)
{
	uint8_t *data = talloc_zero_array(mem, uint8_t, len);
	WERROR result = WERR_OK, rpc_status;

	assert_non_null(data);
	*nt = dcerpc_ApiSetValue(b, mem, *root, "Big", 3 /* REG_BINARY */,
				 data, len, &rpc_status, &result);
	return result;
}

/*
 * A request larger than --max-request-size is refused by the DCE/RPC
 * layer before any handler sees it: the call fails at the transport,
 * nothing is stored, and a new connection is served as before.
 */
static void test_max_request_size(void **state)
{
	struct tproc_server *srv = *state;
	TALLOC_CTX *mem = talloc_new(srv);
	struct dcerpc_binding_handle *b = connect_clusapi(srv, mem);
	struct policy_handle root;
	WERROR status, rpc_status;
	uint32_t type = 0, required = 0;
	uint8_t buf[4];
	NTSTATUS nt;

	assert_true(NT_STATUS_IS_OK(dcerpc_ApiGetRootKey(
		b, mem, 0x02000000, &status, &rpc_status, &root)));
	assert_true(W_ERROR_IS_OK(status));

	status = set_value(b, mem, &root, MAX_REQUEST / 2, &nt);
	assert_true(NT_STATUS_IS_OK(nt));
	assert_true(W_ERROR_IS_OK(status));
	assert_true(NT_STATUS_IS_OK(dcerpc_ApiDeleteValue(
		b, mem, root, "Big", &rpc_status, &status)));
	assert_true(W_ERROR_IS_OK(status));

	set_value(b, mem, &root, MAX_REQUEST * 2, &nt);
	assert_false(NT_STATUS_IS_OK(nt));

	b = connect_clusapi(srv, mem);
	assert_true(NT_STATUS_IS_OK(dcerpc_ApiGetRootKey(
		b, mem, 0x02000000, &status, &rpc_status, &root)));
	assert_true(W_ERROR_IS_OK(status));
	assert_true(NT_STATUS_IS_OK(dcerpc_ApiQueryValue(
		b, mem, root, "Big", &type, buf, sizeof(buf), &required,
		&rpc_status, &status)));
	assert_true(W_ERROR_EQUAL(status, WERR_FILE_NOT_FOUND));
	talloc_free(mem);
}

/*
 * More events than --max-notify-events: the port keeps the newest and
 * ApiGetNotify says CLUSTER_CHANGE_CLUSTER_RECONNECT first, so the
 * client knows to re-read.
 */
static void test_max_notify_events(void **state)
{
	struct tproc_server *srv = *state;
	TALLOC_CTX *mem = talloc_new(srv);
	struct dcerpc_binding_handle *b = connect_clusapi(srv, mem);
	struct policy_handle cluster, notify, group;
	WERROR status, rpc_status;
	uint32_t key = 0, filter = 0, seq = 0;
	const char *name = NULL;
	char gname[32];
	int i;

	assert_true(NT_STATUS_IS_OK(dcerpc_ApiOpenCluster(
		b, mem, &status, &cluster)));
	assert_true(W_ERROR_IS_OK(status));
	assert_true(NT_STATUS_IS_OK(dcerpc_ApiCreateNotify(
		b, mem, &status, &rpc_status, &notify)));
	assert_true(W_ERROR_IS_OK(status));
	assert_true(NT_STATUS_IS_OK(dcerpc_ApiAddNotifyCluster(
		b, mem, notify, cluster, CLUSTER_CHANGE_GROUP_ADDED, 7,
		&rpc_status, &status)));
	assert_true(W_ERROR_IS_OK(status));

	for (i = 0; i < MAX_EVENTS * 2; i++) {
		snprintf(gname, sizeof(gname), "Limit%d", i);
		assert_true(NT_STATUS_IS_OK(dcerpc_ApiCreateGroup(
			b, mem, gname, &status, &rpc_status, &group)));
		assert_true(W_ERROR_IS_OK(status));
		assert_true(NT_STATUS_IS_OK(dcerpc_ApiCloseGroup(
			b, mem, &group, &status)));
	}

	assert_true(NT_STATUS_IS_OK(dcerpc_ApiGetNotify(
		b, mem, notify, &key, &filter, &seq, &name, &rpc_status,
		&status)));
	assert_true(W_ERROR_IS_OK(status));
	assert_int_equal(filter, CLUSTER_CHANGE_CLUSTER_RECONNECT);

	/* then the newest MAX_EVENTS, oldest first */
	for (i = MAX_EVENTS; i < MAX_EVENTS * 2; i++) {
		snprintf(gname, sizeof(gname), "Limit%d", i);
		assert_true(NT_STATUS_IS_OK(dcerpc_ApiGetNotify(
			b, mem, notify, &key, &filter, &seq, &name,
			&rpc_status, &status)));
		assert_true(W_ERROR_IS_OK(status));
		assert_int_equal(filter, CLUSTER_CHANGE_GROUP_ADDED);
		assert_int_equal(key, 7);
		assert_string_equal(name, gname);
	}
	talloc_free(mem);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_max_handles, setup,
						tproc_server_teardown),
		cmocka_unit_test_setup_teardown(test_max_request_size, setup,
						tproc_server_teardown),
		cmocka_unit_test_setup_teardown(test_max_notify_events,
						setup, tproc_server_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
