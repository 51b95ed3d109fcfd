/*
 * clusapi: the generated interface table against the opnum list
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Usage: test_ndr_clusapi_table [path/to/clusapi-opnums.tsv]
 * or set CLUSAPI_OPNUMS_TSV.  Without either it reads the table committed
 * beside the IDL, relative to the top of the tree (where run_tests runs).
 */

#include "clusapi_ndr_test.h"

#include <ctype.h>
#include <stdlib.h>
#include <errno.h>

#define CLUSAPI_NUM_OPNUMS 186
#define DEFAULT_OPNUMS_TSV "librpc/idl/clusapi-opnums.tsv"

static const char *opnums_tsv_path;

/* The generated opnum macros must follow the specification's order. */
_Static_assert(NDR_CLUSAPI_CALL_COUNT == CLUSAPI_NUM_OPNUMS, "call count");
_Static_assert(NDR_APIOPENCLUSTER == 0, "opnum 0");
_Static_assert(NDR_OPNUM80NOTUSEDONWIRE == 80, "opnum 80");
_Static_assert(NDR_APIMOVEGROUPTONODE == 52, "opnum 52");
_Static_assert(NDR_APIOPENCLUSTEREX == 117, "opnum 117");
_Static_assert(NDR_APIMOVEGROUPTONODEEX == 133, "opnum 133");
_Static_assert(NDR_APICANCELCLUSTERGROUPOPERATION == 134, "opnum 134");
_Static_assert(NDR_APIGETNOTIFYV2 == 139, "opnum 139");
_Static_assert(NDR_OPNUM149OTUSEDONWIRE == 149, "opnum 149");
_Static_assert(NDR_APICREATEGROUPSETENUM == 180, "opnum 180");
_Static_assert(NDR_APICLUSTERNATIVEUPDATECONTROL == 185, "opnum 185");

static void test_interface_identity(void **state)
{
	struct GUID expected;
	NTSTATUS status;

	(void)state;

	assert_string_equal(ndr_table_clusapi.name, "clusapi");
	assert_string_equal(NDR_CLUSAPI_UUID,
			    "b97db8b2-4c63-11cf-bff6-08002be23f2f");

	status = GUID_from_string("b97db8b2-4c63-11cf-bff6-08002be23f2f",
				  &expected);
	assert_true(NT_STATUS_IS_OK(status));
	assert_true(GUID_equal(&ndr_table_clusapi.syntax_id.uuid, &expected));

	/* version(3.0): major in the low 16 bits, minor in the high 16 */
	assert_int_equal(ndr_table_clusapi.syntax_id.if_version, 3);
	assert_true(NDR_CLUSAPI_VERSION == 3.0);

	assert_int_equal(ndr_table_clusapi.num_calls, CLUSAPI_NUM_OPNUMS);
	assert_non_null(ndr_table_clusapi.calls);
}

static void test_interface_endpoints(void **state)
{
	const struct ndr_interface_string_array *ep =
		ndr_table_clusapi.endpoints;
	const struct ndr_interface_string_array *as =
		ndr_table_clusapi.authservices;

	(void)state;

	assert_non_null(ep);
	assert_int_equal(ep->count, 2);
	assert_string_equal(ep->names[0], "ncacn_ip_tcp:");
	assert_string_equal(ep->names[1], "ncacn_np:[\\pipe\\clusapi]");

	assert_non_null(as);
	assert_int_equal(as->count, 1);
	assert_string_equal(as->names[0], "MSServerClusterMgmtAPI");

	assert_string_equal(ndr_table_clusapi.helpstring,
			    "Failover Cluster Management API (MS-CMRP)");
}

static void test_calls_complete(void **state)
{
	uint32_t i;

	(void)state;

	for (i = 0; i < ndr_table_clusapi.num_calls; i++) {
		const struct ndr_interface_call *c =
			&ndr_table_clusapi.calls[i];

		assert_non_null(c->name);
		assert_true(c->struct_size > 0);
		assert_non_null(c->ndr_push);
		assert_non_null(c->ndr_pull);
		assert_non_null(c->ndr_print);
	}
}

/*
 * Expected name for one row of clusapi-opnums.tsv.  Columns: opnum,
 * name, in v2.0, v3.0.  The name is the first word of the second
 * column; for rows whose v3.0 column says "not-used-on-wire" and whose
 * second column names the specification's placeholder
 * ("... current spec IDL lists Opnum140NotUsedOnWire]"), that
 * placeholder is the name.
 */
static char *expected_name(TALLOC_CTX *mem_ctx,
			   unsigned long opnum,
			   const char *name_col,
			   const char *v3_col)
{
	char prefix[32];
	const char *p = NULL;
	size_t len;

	snprintf(prefix, sizeof(prefix), "Opnum%lu", opnum);

	if (strcmp(v3_col, "not-used-on-wire") == 0) {
		p = strstr(name_col, prefix);
	}
	if (p == NULL) {
		p = name_col;
	}
	len = 0;
	while (isalnum((unsigned char)p[len]) || p[len] == '_') {
		len++;
	}
	return talloc_strndup(mem_ctx, p, len);
}

static void split_tabs(char *line, char **cols, size_t ncols)
{
	size_t i;

	for (i = 0; i < ncols; i++) {
		cols[i] = line;
		if (line == NULL) {
			continue;
		}
		line = strchr(line, '\t');
		if (line != NULL) {
			*line++ = '\0';
		}
	}
}

static bool all_digits(const char *s)
{
	if (*s == '\0') {
		return false;
	}
	for (; *s != '\0'; s++) {
		if (!isdigit((unsigned char)*s)) {
			return false;
		}
	}
	return true;
}

static void test_call_names_match_tsv(void **state)
{
	TALLOC_CTX *mem_ctx = *state;
	char *names[CLUSAPI_NUM_OPNUMS] = { NULL };
	FILE *f = NULL;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	unsigned rows = 0;
	unsigned mismatches = 0;
	unsigned i;

	if (opnums_tsv_path == NULL) {
		fail_msg("no opnum list: pass the path of "
			 "clusapi-opnums.tsv as the first argument or set "
			 "CLUSAPI_OPNUMS_TSV");
	}
	f = fopen(opnums_tsv_path, "r");
	if (f == NULL) {
		fail_msg("cannot open opnum list %s: %s", opnums_tsv_path,
			 strerror(errno));
	}

	while ((n = getline(&line, &cap, f)) != -1) {
		char *cols[4];
		unsigned long opnum;

		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) {
			line[--n] = '\0';
		}
		split_tabs(line, cols, 4);
		if (!all_digits(cols[0])) {
			continue;	/* header, "186-263" */
		}
		opnum = strtoul(cols[0], NULL, 10);
		if (opnum >= CLUSAPI_NUM_OPNUMS) {
			continue;	/* 264: beyond the interface */
		}
		if (cols[1] == NULL || cols[3] == NULL) {
			fail_msg("%s: short row for opnum %lu",
				 opnums_tsv_path, opnum);
		}
		if (names[opnum] != NULL) {
			fail_msg("%s: opnum %lu listed twice",
				 opnums_tsv_path, opnum);
		}
		names[opnum] = expected_name(mem_ctx, opnum, cols[1],
					     cols[3]);
		rows++;
	}
	free(line);
	fclose(f);

	assert_int_equal(rows, CLUSAPI_NUM_OPNUMS);

	for (i = 0; i < CLUSAPI_NUM_OPNUMS; i++) {
		const char *got = ndr_table_clusapi.calls[i].name;

		assert_non_null(names[i]);
		if (strcmp(got, names[i]) != 0) {
			print_error("opnum %u: table has %s, list has %s\n",
				    i, got, names[i]);
			mismatches++;
		}
	}
	assert_int_equal(mismatches, 0);
}

int main(int argc, char *argv[])
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_interface_identity),
		cmocka_unit_test(test_interface_endpoints),
		cmocka_unit_test(test_calls_complete),
		cmocka_unit_test_setup_teardown(test_call_names_match_tsv,
						cnt_setup, cnt_teardown),
	};

	opnums_tsv_path = argc > 1 ? argv[1] : getenv("CLUSAPI_OPNUMS_TSV");
	if (opnums_tsv_path == NULL || opnums_tsv_path[0] == '\0') {
		opnums_tsv_path = DEFAULT_OPNUMS_TSV;
	}

	return cmocka_run_group_tests_name("ndr_clusapi_table", tests,
					   NULL, NULL);
}
