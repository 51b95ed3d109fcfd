/*
 * clusapi - cluster model: small helpers (ids, names, lists, errors)
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <time.h>

#include "model_private.h"

char *clus_new_guid(TALLOC_CTX *mem_ctx)
{
	uint8_t b[16];
	size_t got = 0;

	while (got < sizeof(b)) {
		ssize_t n = getrandom(b + got, sizeof(b) - got, 0);
		if (n < 0) {
			if (errno == EINTR) {
				continue;
			}
			return NULL;
		}
		got += n;
	}

	/* RFC 4122 version 4, the form Windows uses for cluster ids */
	b[6] = (b[6] & 0x0f) | 0x40;
	b[8] = (b[8] & 0x3f) | 0x80;

	return talloc_asprintf(mem_ctx,
			       "%02x%02x%02x%02x-%02x%02x-%02x%02x-"
			       "%02x%02x-%02x%02x%02x%02x%02x%02x",
			       b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
			       b[8], b[9], b[10], b[11], b[12], b[13], b[14],
			       b[15]);
}

/*
 * Object names: not empty, no control characters, and no brackets,
 * which would break dependency expressions ("[name] and [other]").
 */
bool clus_name_valid(const char *name)
{
	const unsigned char *p;

	if (name == NULL || name[0] == '\0') {
		return false;
	}
	for (p = (const unsigned char *)name; *p != '\0'; p++) {
		if (*p < 0x20 || *p == '[' || *p == ']') {
			return false;
		}
	}
	return true;
}

bool clus_strequal(const char *a, const char *b)
{
	if (a == NULL || b == NULL) {
		return a == b;
	}
	return strcasecmp(a, b) == 0;
}

uint64_t clus_nttime_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	/* 100ns intervals since 1601 */
	return ((uint64_t)ts.tv_sec + 11644473600ULL) * 10000000ULL +
		(uint64_t)ts.tv_nsec / 100;
}

uint64_t clus_next_seq(struct clus_txn *t)
{
	struct clus_cluster *c = t->m->cluster;
	uint64_t seq = c->next_seq;

	TXN_SET(t, c->next_seq, seq + 1);
	txn_dirty(t, &c->obj);
	return seq;
}

void *clus_memdup0(TALLOC_CTX *mem_ctx, const void *p, size_t len)
{
	uint8_t *d = talloc_size(mem_ctx, len + 1);

	if (d == NULL) {
		return NULL;
	}
	if (len > 0) {
		memcpy(d, p, len);
	}
	d[len] = 0;
	return d;
}

void clus_log(struct clus_model *m, int level, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	if (m->log_fn == NULL) {
		return;
	}
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	m->log_fn(m->log_private, level, buf);
}

void clus_list_append(struct clus_list *l, struct clus_link *e)
{
	e->prev = l->last;
	e->next = NULL;
	if (l->last != NULL) {
		l->last->next = e;
	} else {
		l->first = e;
	}
	l->last = e;
	l->count++;
}

void clus_list_insert_after(struct clus_list *l, struct clus_link *after,
			    struct clus_link *e)
{
	e->prev = after;
	e->next = (after != NULL) ? after->next : l->first;
	if (e->next != NULL) {
		e->next->prev = e;
	} else {
		l->last = e;
	}
	if (after != NULL) {
		after->next = e;
	} else {
		l->first = e;
	}
	l->count++;
}

void clus_list_remove(struct clus_list *l, struct clus_link *e)
{
	if (e->prev != NULL) {
		e->prev->next = e->next;
	} else {
		l->first = e->next;
	}
	if (e->next != NULL) {
		e->next->prev = e->prev;
	} else {
		l->last = e->prev;
	}
	e->prev = e->next = NULL;
	l->count--;
}

static const struct {
	uint32_t code;
	const char *name;
} clus_errors[] = {
#define E(x) { CM_ERROR_##x, "ERROR_" #x }
	E(SUCCESS), E(INVALID_FUNCTION), E(FILE_NOT_FOUND),
	E(ACCESS_DENIED), E(NOT_ENOUGH_MEMORY), E(INVALID_DATA),
	E(NOT_SUPPORTED),
	E(INVALID_PARAMETER), E(INVALID_NAME), E(DIR_NOT_EMPTY),
	E(ALREADY_EXISTS), E(NO_MORE_ITEMS), E(IO_PENDING), E(BADDB),
	E(CANTWRITE), E(CIRCULAR_DEPENDENCY), E(DEPENDENT_RESOURCE_EXISTS),
	E(DEPENDENCY_NOT_FOUND), E(DEPENDENCY_ALREADY_EXISTS),
	E(RESOURCE_NOT_ONLINE), E(HOST_NODE_NOT_AVAILABLE),
	E(RESOURCE_NOT_FOUND), E(OBJECT_ALREADY_EXISTS),
	E(GROUP_NOT_AVAILABLE), E(GROUP_NOT_FOUND),
	E(HOST_NODE_NOT_GROUP_OWNER), E(RESOURCE_ONLINE), E(INVALID_STATE),
	E(RESOURCE_PROPERTIES_STORED), E(CORE_RESOURCE),
	E(CLUSTER_NODE_NOT_FOUND), E(CLUSTER_NETWORK_NOT_FOUND),
	E(CLUSTER_NETINTERFACE_NOT_FOUND), E(CLUSTER_NODE_DOWN),
	E(CLUSTER_NODE_NOT_PAUSED), E(CLUSTER_NODE_ALREADY_UP),
	E(CLUSTER_NODE_ALREADY_DOWN), E(DEPENDENCY_NOT_ALLOWED),
	E(CLUSTER_NODE_PAUSED),
	E(CLUSTER_RESOURCE_TYPE_NOT_FOUND), E(CLUSTER_GROUP_MOVING),
	E(CLUSTER_EVICT_INVALID_REQUEST), E(GROUPSET_NOT_FOUND),
#undef E
};

const char *clus_model_errstr(uint32_t err)
{
	static __thread char buf[16];
	size_t i;

	for (i = 0; i < sizeof(clus_errors) / sizeof(clus_errors[0]); i++) {
		if (clus_errors[i].code == err) {
			return clus_errors[i].name;
		}
	}
	snprintf(buf, sizeof(buf), "0x%08x", (unsigned)err);
	return buf;
}
