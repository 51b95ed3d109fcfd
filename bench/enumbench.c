/*
 * enumbench: one ApiCreateEnum(CLUSTER_ENUM_GROUP) over all the groups
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: enumbench time BINDING
 *	one call as a warm-up, then RUNS calls, each timed on its own;
 *	prints "ms=MEDIAN entries=N names=BYTES list=BYTES": the median
 *	time of one call in milliseconds, the number of groups, and two
 *	payload floors for bench/run's byte figures: the UTF-16 size of
 *	the group names (what ApiCreateEnum must carry), and that plus
 *	the owner node names and a 4-byte state per group (what clusctl
 *	group list shows), from one untimed ApiCreateGroupEnum.
 *        enumbench once BINDING
 *	one ApiCreateEnum and nothing else (bench/run counts its bytes
 *	on the wire through a relay).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <talloc.h>
#include <tevent.h>
#include <ndr.h>
#include <dcerpc.h>
#include <param.h>
#include <credentials.h>
#include <core/werror.h>

#include "bench/bench_util.h"
#include "librpc/gen_ndr/ndr_clusapi.h"
#include "librpc/gen_ndr/ndr_clusapi_c.h"

#define RUNS 5

/* bytes of @s (UTF-8) in UTF-16, without a terminator */
static size_t utf16_size(const char *s)
{
	size_t n = 0;

	for (; s != NULL && *s != '\0'; s++) {
		unsigned char c = *s;

		if ((c & 0xc0) == 0x80) {
			continue;	/* a continuation byte */
		}
		n += c >= 0xf0 ? 4 : 2;	/* 4 bytes: a surrogate pair */
	}
	return n;
}

static struct ENUM_LIST *create_enum(struct dcerpc_binding_handle *b,
				     TALLOC_CTX *mem)
{
	struct ENUM_LIST *list = NULL;
	WERROR rpc_status, result;

	if (!NT_STATUS_IS_OK(dcerpc_ApiCreateEnum(b, mem, CLUSTER_ENUM_GROUP,
						  &list, &rpc_status,
						  &result)) ||
	    !W_ERROR_IS_OK(result) || list == NULL) {
		fprintf(stderr, "enumbench: ApiCreateEnum failed\n");
		exit(1);
	}
	return list;
}

/* the floor of clusctl group list: names, owners, a 4-byte state */
static size_t list_floor(struct dcerpc_binding_handle *b, TALLOC_CTX *mem)
{
	struct GROUP_ENUM_LIST *list = NULL;
	struct policy_handle hcluster;
	WERROR status, rpc_status, result;
	size_t n = 0;
	uint32_t i;

	if (!NT_STATUS_IS_OK(dcerpc_ApiOpenCluster(b, mem, &status,
						   &hcluster)) ||
	    !W_ERROR_IS_OK(status) ||
	    !NT_STATUS_IS_OK(dcerpc_ApiCreateGroupEnum(
		    b, mem, hcluster, NULL, 0, NULL, 0, &list, &rpc_status,
		    &result)) || !W_ERROR_IS_OK(result) || list == NULL) {
		fprintf(stderr, "enumbench: ApiCreateGroupEnum failed\n");
		exit(1);
	}
	for (i = 0; i < list->EntryCount; i++) {
		n += utf16_size(list->Entry[i].Name) +
		     utf16_size(list->Entry[i].Owner) + 4;
	}
	return n;
}

int main(int argc, const char **argv)
{
	TALLOC_CTX *mem = talloc_new(NULL);
	struct tevent_context *ev = tevent_context_init(mem);
	struct loadparm_context *lp = loadparm_init_global(false);
	struct dcerpc_pipe *p = NULL;
	struct ENUM_LIST *list;
	double ms[RUNS];
	size_t names = 0;
	uint32_t i;

	if (argc != 3 || (strcmp(argv[1], "time") != 0 &&
			  strcmp(argv[1], "once") != 0)) {
		fprintf(stderr, "usage: enumbench time|once BINDING\n");
		return 2;
	}
	if (ev == NULL || lp == NULL ||
	    !NT_STATUS_IS_OK(dcerpc_pipe_connect(
		    mem, &p, argv[2], &ndr_table_clusapi,
		    cli_credentials_init_anon(mem), ev, lp))) {
		fprintf(stderr, "enumbench: cannot connect to %s\n", argv[2]);
		return 1;
	}
	if (strcmp(argv[1], "once") == 0) {
		create_enum(p->binding_handle, mem);
		talloc_free(mem);
		return 0;
	}

	talloc_free(create_enum(p->binding_handle, mem));	/* warm-up */
	for (i = 0; i < RUNS; i++) {
		TALLOC_CTX *frame = talloc_new(mem);
		double t0 = (bench_now_us() / 1e3);

		list = create_enum(p->binding_handle, frame);
		ms[i] = (bench_now_us() / 1e3) - t0;
		if (i == RUNS - 1) {
			uint32_t j;

			for (j = 0; j < list->EntryCount; j++) {
				names += utf16_size(list->Entry[j].Name);
			}
			printf("entries=%u ", list->EntryCount);
		}
		talloc_free(frame);
	}
	printf("names=%zu list=%zu ms=%.2f\n", names,
	       list_floor(p->binding_handle, mem), bench_median(ms, RUNS));
	talloc_free(mem);
	return 0;
}
