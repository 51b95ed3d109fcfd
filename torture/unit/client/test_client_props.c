/*
 * libclusapi property values: as an administrator writes them, on the
 * wire, and back; a property list built and parsed
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "lib/libclusapi.h"

static void round_trip(TALLOC_CTX *mem_ctx, const char *type,
		       const char *text, const char *expect, size_t bytes)
{
	struct clusapi_property p = { .name = "P" };
	char *back;

	assert_true(clusapi_property_format_by_name(type, &p.format));
	assert_true(clusapi_property_parse_text(mem_ctx, p.format, text,
						&p.value));
	if (bytes != 0) {
		assert_int_equal(p.value.length, bytes);
	}
	back = clusapi_property_text(mem_ctx, &p);
	assert_string_equal(back, expect);
}

static void test_values(void **state)
{
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	uint32_t f;

	(void)state;
	round_trip(mem_ctx, "DWORD", "42", "42", 4);
	round_trip(mem_ctx, "dword", "0xff", "255", 4);
	round_trip(mem_ctx, "SZ", "héllo", "héllo", 12);
	round_trip(mem_ctx, "EXPAND_SZ", "%TEMP%", "%TEMP%", 14);
	round_trip(mem_ctx, "MULTI_SZ", "a,bc", "a,bc", 12);
	round_trip(mem_ctx, "BINARY", "01 02 ff", "01 02 ff", 3);
	round_trip(mem_ctx, "BINARY", "0102:ff", "01 02 ff", 3);
	round_trip(mem_ctx, "LARGE INTEGER", "-5", "-5", 8);
	round_trip(mem_ctx, "ULARGE_INTEGER", "18446744073709551615",
		   "18446744073709551615", 8);

	assert_true(clusapi_property_format_by_name("DWORD", &f));
	assert_false(clusapi_property_parse_text(mem_ctx, f, "4294967296",
						 &(DATA_BLOB){ 0 }));
	assert_false(clusapi_property_parse_text(mem_ctx, f, "-1",
						 &(DATA_BLOB){ 0 }));
	assert_false(clusapi_property_parse_text(mem_ctx, f, "12x",
						 &(DATA_BLOB){ 0 }));
	assert_true(clusapi_property_format_by_name("BINARY", &f));
	assert_false(clusapi_property_parse_text(mem_ctx, f, "0g",
						 &(DATA_BLOB){ 0 }));
	assert_false(clusapi_property_parse_text(mem_ctx, f, "012",
						 &(DATA_BLOB){ 0 }));
	assert_false(clusapi_property_format_by_name("QUAD", &f));
	assert_string_equal(clusapi_property_format_name(0x000A),
			    "LARGE_INTEGER");
	talloc_free(mem_ctx);
}

static void test_list(void **state)
{
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	struct clusapi_property in[2] = {
		{ .name = "Weight" }, { .name = "Names" },
	};
	struct clusapi_property *out = NULL;
	uint32_t count = 0;
	DATA_BLOB blob;

	(void)state;
	assert_true(clusapi_property_format_by_name("DWORD", &in[0].format));
	assert_true(clusapi_property_parse_text(mem_ctx, in[0].format, "7",
						&in[0].value));
	assert_true(clusapi_property_format_by_name("MULTI_SZ",
						    &in[1].format));
	assert_true(clusapi_property_parse_text(mem_ctx, in[1].format,
						"x,y", &in[1].value));
	assert_true(NT_STATUS_IS_OK(clusapi_proplist_build(mem_ctx, in, 2,
							   &blob)));
	/* count, then each: name, value, endmark; a final endmark */
	assert_int_equal(blob.data[0], 2);
	assert_true(NT_STATUS_IS_OK(clusapi_proplist_parse(mem_ctx, &blob,
							   &out, &count)));
	assert_int_equal(count, 2);
	assert_string_equal(out[0].name, "Weight");
	assert_string_equal(clusapi_property_text(mem_ctx, &out[0]), "7");
	assert_string_equal(clusapi_property_text(mem_ctx, &out[1]), "x,y");

	blob.length -= 1;
	assert_false(NT_STATUS_IS_OK(clusapi_proplist_parse(mem_ctx, &blob,
							    &out, &count)));
	talloc_free(mem_ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_list),
	};

	return cmocka_run_group_tests_name("client_props", tests, NULL,
					   NULL);
}
