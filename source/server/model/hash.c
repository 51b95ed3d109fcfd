/*
 * clusapi - cluster model: case-insensitive name index
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Lookups by name must stay O(1) with 100,000 groups.  Chained hashing,
 * doubling the bucket array when the load passes 1.  Keys are not
 * copied: they are the objects' own name/id strings, which live as long
 * as the entry.
 */

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "model_private.h"

struct clus_hash_entry {
	struct clus_hash_entry *next;
	const char *key;
	uint32_t hash;
	void *value;
};

struct clus_hash {
	struct clus_hash_entry **buckets;
	uint32_t num_buckets;		/* a power of two */
	uint32_t count;
};

static uint32_t clus_hash_fn(const char *key)
{
	/* FNV-1a over the ASCII-lowercased bytes */
	uint32_t h = 2166136261u;
	const unsigned char *p;

	for (p = (const unsigned char *)key; *p != '\0'; p++) {
		h ^= (uint32_t)tolower(*p);
		h *= 16777619u;
	}
	return h;
}

struct clus_hash *clus_hash_new(TALLOC_CTX *mem_ctx)
{
	struct clus_hash *h = talloc_zero(mem_ctx, struct clus_hash);

	if (h == NULL) {
		return NULL;
	}
	h->num_buckets = 64;
	h->buckets = talloc_zero_array(h, struct clus_hash_entry *,
				       h->num_buckets);
	if (h->buckets == NULL) {
		TALLOC_FREE(h);
	}
	return h;
}

void *clus_hash_get(const struct clus_hash *h, const char *key)
{
	uint32_t hv;
	struct clus_hash_entry *e;

	if (key == NULL) {
		return NULL;
	}
	hv = clus_hash_fn(key);
	for (e = h->buckets[hv & (h->num_buckets - 1)]; e; e = e->next) {
		if (e->hash == hv && strcasecmp(e->key, key) == 0) {
			return e->value;
		}
	}
	return NULL;
}

static void clus_hash_grow(struct clus_hash *h)
{
	uint32_t n = h->num_buckets * 2;
	struct clus_hash_entry **nb;
	uint32_t i;

	nb = talloc_zero_array(h, struct clus_hash_entry *, n);
	if (nb == NULL) {
		return;		/* longer chains, still correct */
	}
	for (i = 0; i < h->num_buckets; i++) {
		struct clus_hash_entry *e = h->buckets[i];

		while (e != NULL) {
			struct clus_hash_entry *next = e->next;

			e->next = nb[e->hash & (n - 1)];
			nb[e->hash & (n - 1)] = e;
			e = next;
		}
	}
	talloc_free(h->buckets);
	h->buckets = nb;
	h->num_buckets = n;
}

int clus_hash_add(struct clus_hash *h, const char *key, void *value)
{
	struct clus_hash_entry *e = talloc(h, struct clus_hash_entry);
	uint32_t b;

	if (e == NULL) {
		return -1;
	}
	e->key = key;
	e->hash = clus_hash_fn(key);
	e->value = value;
	b = e->hash & (h->num_buckets - 1);
	e->next = h->buckets[b];
	h->buckets[b] = e;
	h->count++;
	if (h->count > h->num_buckets) {
		clus_hash_grow(h);
	}
	return 0;
}

void clus_hash_del(struct clus_hash *h, const char *key, void *value)
{
	uint32_t hv = clus_hash_fn(key);
	struct clus_hash_entry **pe = &h->buckets[hv & (h->num_buckets - 1)];

	for (; *pe != NULL; pe = &(*pe)->next) {
		struct clus_hash_entry *e = *pe;

		if (e->value == value && e->hash == hv &&
		    strcasecmp(e->key, key) == 0) {
			*pe = e->next;
			talloc_free(e);
			h->count--;
			return;
		}
	}
}

uint32_t clus_hash_count(const struct clus_hash *h)
{
	return h->count;
}
