/*
 * libclusapi unit tests: clusctl targets to DCE/RPC binding strings
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <dcerpc.h>
#include "lib/libclusapi.h"

static void check(const char *target, bool seal, const char *expected)
{
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	char *binding = NULL;
	NTSTATUS status;

	status = clusapi_target_to_binding(mem_ctx, target, seal, &binding);
	if (!NT_STATUS_IS_OK(status)) {
		fail_msg("%s: %s", target, nt_errstr(status));
	}
	assert_non_null(binding);
	assert_string_equal(binding, expected);
	talloc_free(mem_ctx);
}

static void check_fails(const char *target, NTSTATUS expected)
{
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	char *binding = NULL;
	NTSTATUS status;

	status = clusapi_target_to_binding(mem_ctx, target, true, &binding);
	if (!NT_STATUS_EQUAL(status, expected)) {
		fail_msg("%s: %s, expected %s", target ? target : "NULL",
			 nt_errstr(status), nt_errstr(expected));
	}
	talloc_free(mem_ctx);
}

/* A plain host name means ncacn_ip_tcp through the endpoint mapper */
static void test_host_name(void **state)
{
	(void)state;
	check("node1", false, "ncacn_ip_tcp:node1");
	check("node1.example.com", false, "ncacn_ip_tcp:node1.example.com");
	check("127.0.0.1", false, "ncacn_ip_tcp:127.0.0.1");
}

/*
 * MS-CMRP 3.0 needs PKT_PRIVACY: [seal] unless anonymous.  "[,seal]" is
 * Samba's way to write options without an endpoint: the endpoint still
 * comes from the endpoint mapper.
 */
static void test_host_name_sealed(void **state)
{
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	struct dcerpc_binding *b = NULL;
	char *binding = NULL;

	(void)state;
	assert_true(NT_STATUS_IS_OK(clusapi_target_to_binding(
		mem_ctx, "node1", true, &binding)));
	assert_true(NT_STATUS_IS_OK(dcerpc_parse_binding(mem_ctx, binding,
							 &b)));
	assert_null(dcerpc_binding_get_string_option(b, "endpoint"));
	assert_true(dcerpc_binding_get_flags(b) & DCERPC_SEAL);
	talloc_free(mem_ctx);

	check("node1", true, "ncacn_ip_tcp:node1[,seal]");
	check("10.0.0.5", true, "ncacn_ip_tcp:10.0.0.5[,seal]");
}

static void test_tcp_binding(void **state)
{
	(void)state;
	check("ncacn_ip_tcp:node1[1234]", false, "ncacn_ip_tcp:node1[1234]");
	check("ncacn_ip_tcp:node1[1234]", true,
	      "ncacn_ip_tcp:node1[1234,seal]");
	check("ncacn_ip_tcp:node1", true, "ncacn_ip_tcp:node1[,seal]");
	/* an explicit level is the user's choice */
	check("ncacn_ip_tcp:node1[1234,sign]", true,
	      "ncacn_ip_tcp:node1[1234,sign]");
	check("ncacn_ip_tcp:node1[,connect]", true,
	      "ncacn_ip_tcp:node1[,connect]");
	check("ncacn_ip_tcp:node1[,seal]", true, "ncacn_ip_tcp:node1[,seal]");
}

/*
 * ncacn_np: \pipe\clusapi unless told otherwise, over SMB2; SMB protects
 * it, no [seal] is added
 */
static void test_np_binding(void **state)
{
	(void)state;
	check("ncacn_np:node1", false,
	      "ncacn_np:node1[\\pipe\\clusapi,smb2]");
	check("ncacn_np:node1", true,
	      "ncacn_np:node1[\\pipe\\clusapi,smb2]");
	check("ncacn_np:node1[\\pipe\\clusapi]", true,
	      "ncacn_np:node1[\\pipe\\clusapi,smb2]");
	check("ncacn_np:node1[\\pipe\\other,sign]", true,
	      "ncacn_np:node1[\\pipe\\other,sign,smb2]");
	check("ncacn_np:node1[smb2]", true,
	      "ncacn_np:node1[\\pipe\\clusapi,smb2]");
}

static void test_case_and_object(void **state)
{
	(void)state;
	check("NCACN_IP_TCP:node1[135]", false, "ncacn_ip_tcp:node1[135]");
	check("b97db8b2-4c63-11cf-bff6-08002be23f2f@ncacn_ip_tcp:node1",
	      false,
	      "b97db8b2-4c63-11cf-bff6-08002be23f2f@ncacn_ip_tcp:node1");
}

static void test_bad_targets(void **state)
{
	(void)state;
	check_fails(NULL, NT_STATUS_INVALID_PARAMETER);
	check_fails("", NT_STATUS_INVALID_PARAMETER);
	check_fails("two words", NT_STATUS_INVALID_PARAMETER);
	check_fails("a,b", NT_STATUS_INVALID_PARAMETER);
	check_fails("ncacn_ip_tcp:", NT_STATUS_INVALID_PARAMETER);
	check_fails("ncacn_np:", NT_STATUS_INVALID_PARAMETER);
	/* MS-CMRP 2.0's UDP: Samba's DCE/RPC client has no ncadg */
	check_fails("ncadg_ip_udp:node1", NT_STATUS_NOT_SUPPORTED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_host_name),
		cmocka_unit_test(test_host_name_sealed),
		cmocka_unit_test(test_tcp_binding),
		cmocka_unit_test(test_np_binding),
		cmocka_unit_test(test_case_and_object),
		cmocka_unit_test(test_bad_targets),
	};

	return cmocka_run_group_tests_name("client_target", tests, NULL,
					   NULL);
}
