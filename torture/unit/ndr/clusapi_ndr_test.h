/*
 * clusapi: helpers shared by the NDR unit tests
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef CLUSAPI_NDR_TEST_H
#define CLUSAPI_NDR_TEST_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>
#include <talloc.h>

#include "librpc/gen_ndr/ndr_clusapi.h"

/*
 * Each test gets a scratch talloc context in *state (talloc_stackframe()
 * is not declared in Samba's public headers).
 */
static inline int cnt_setup(void **state)
{
	*state = talloc_new(NULL);
	return *state == NULL ? -1 : 0;
}

static inline int cnt_teardown(void **state)
{
	TALLOC_FREE(*state);
	return 0;
}

static inline void cnt_dump(const char *what, const DATA_BLOB *b)
{
	size_t i;

	print_message("%s (%zu bytes):", what, b->length);
	for (i = 0; i < b->length; i++) {
		if (i % 16 == 0) {
			print_message("\n  %04zx:", i);
		}
		print_message(" %02x", b->data[i]);
	}
	print_message("\n");
}

static inline void cnt_assert_blob_equal(const DATA_BLOB *got,
					 const DATA_BLOB *expected)
{
	if (got->length == expected->length &&
	    (got->length == 0 ||
	     memcmp(got->data, expected->data, got->length) == 0)) {
		return;
	}
	cnt_dump("expected", expected);
	cnt_dump("got", got);
	fail_msg("NDR bytes differ");
}

static inline const char *cnt_dir(int flags)
{
	return (flags & NDR_IN) ? "NDR_IN" : "NDR_OUT";
}

/* Marshal one direction of a call with the interface table's push. */
static inline DATA_BLOB cnt_push_call(TALLOC_CTX *mem_ctx,
				      uint32_t opnum,
				      int flags,
				      const void *r)
{
	const struct ndr_interface_call *call =
		&ndr_table_clusapi.calls[opnum];
	struct ndr_push *push = NULL;
	enum ndr_err_code err;

	push = ndr_push_init_ctx(mem_ctx);
	assert_non_null(push);

	err = call->ndr_push(push, flags, r);
	if (!NDR_ERR_CODE_IS_SUCCESS(err)) {
		fail_msg("%s %s push failed: %s", call->name, cnt_dir(flags),
			 ndr_map_error2string(err));
	}
	return ndr_push_blob(push);
}

/*
 * Unmarshal one direction of a call into a new structure.  For NDR_OUT
 * pass a template holding the [in] values the response depends on
 * (sizes, lengths) and zeroed [out] pointers; LIBNDR_FLAG_REF_ALLOC
 * then allocates every [ref] pointer, as the DCE/RPC layers do.  All of
 * the blob must be consumed.
 */
static inline void *cnt_pull_call(TALLOC_CTX *mem_ctx,
				  uint32_t opnum,
				  int flags,
				  const DATA_BLOB *blob,
				  const void *tmpl)
{
	const struct ndr_interface_call *call =
		&ndr_table_clusapi.calls[opnum];
	struct ndr_pull *pull = NULL;
	enum ndr_err_code err;
	void *r = NULL;

	r = talloc_zero_size(mem_ctx, call->struct_size);
	assert_non_null(r);
	if (tmpl != NULL) {
		memcpy(r, tmpl, call->struct_size);
	}

	pull = ndr_pull_init_blob(blob, mem_ctx);
	assert_non_null(pull);
	pull->flags |= LIBNDR_FLAG_REF_ALLOC;

	err = call->ndr_pull(pull, flags, r);
	if (!NDR_ERR_CODE_IS_SUCCESS(err)) {
		cnt_dump("blob", blob);
		fail_msg("%s %s pull failed: %s", call->name, cnt_dir(flags),
			 ndr_map_error2string(err));
	}
	if (pull->offset != blob->length) {
		cnt_dump("blob", blob);
		fail_msg("%s %s pull left %zu of %zu bytes", call->name,
			 cnt_dir(flags),
			 blob->length - (size_t)pull->offset,
			 blob->length);
	}
	return r;
}

/*
 * Push r, pull it back, push the result again and require the same
 * bytes.  Returns the pulled structure for field checks; *blob (if not
 * NULL) receives the first encoding.
 */
static inline void *cnt_roundtrip(TALLOC_CTX *mem_ctx,
				  uint32_t opnum,
				  int flags,
				  const void *r,
				  const void *tmpl,
				  DATA_BLOB *blob)
{
	DATA_BLOB b1, b2;
	void *r2 = NULL;

	assert_true(opnum < ndr_table_clusapi.num_calls);

	b1 = cnt_push_call(mem_ctx, opnum, flags, r);
	r2 = cnt_pull_call(mem_ctx, opnum, flags, &b1, tmpl);
	b2 = cnt_push_call(mem_ctx, opnum, flags, r2);
	cnt_assert_blob_equal(&b2, &b1);

	if (blob != NULL) {
		*blob = b1;
	}
	return r2;
}

/* A recognisable context handle: type 0, uuid bytes derived from n. */
static inline struct policy_handle cnt_handle(uint8_t n)
{
	struct policy_handle h = {
		.handle_type = 0,
		.uuid = {
			.time_low = 0x11111111U * n,
			.time_mid = 0x2222 + n,
			.time_hi_and_version = 0x3333 + n,
			.clock_seq = { 0x44, n },
			.node = { 0x55, 0x66, 0x77, 0x88, 0x99, n },
		},
	};
	return h;
}

static inline void cnt_assert_handle_equal(const struct policy_handle *a,
					   const struct policy_handle *b)
{
	assert_int_equal(a->handle_type, b->handle_type);
	assert_memory_equal(&a->uuid, &b->uuid, sizeof(a->uuid));
}

#endif /* CLUSAPI_NDR_TEST_H */
