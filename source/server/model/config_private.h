/*
 * clusapi - cluster model: the configuration file's parser
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * config_parse.c turns the INI text into sections of key = value lines
 * and reads typed values out of them; config.c builds the cluster from
 * the sections.  The format is described at the top of config.c.
 */

#ifndef CLUSAPI_MODEL_CONFIG_PRIVATE_H
#define CLUSAPI_MODEL_CONFIG_PRIVATE_H

#include "model_private.h"

struct cfg_kv {
	char *key;
	char *value;
	unsigned line;
	bool used;
};

struct cfg_sec {
	char *kind;
	char *name;
	unsigned line;
	struct cfg_kv *kv;
	uint32_t num;
};

struct cfg {
	struct clus_txn *t;
	struct clus_model *m;
	const char *file;
	struct cfg_sec *secs;
	uint32_t num;
	char **errmsg;
};

/* A word a key may take, and the value it stands for */
struct cfg_word {
	const char *word;
	uint32_t value;
};

/* "file:line: message" into *cfg->errmsg (the first one wins) */
uint32_t cfg_err(struct cfg *cfg, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Splits @text into cfg->secs */
uint32_t cfg_parse(struct cfg *cfg, TALLOC_CTX *mem_ctx, const char *text);

bool sec_is(const struct cfg_sec *s, const char *kind);
uint32_t sec_need_name(struct cfg *cfg, struct cfg_sec *s);
/* The key's entry, marked used; NULL when absent */
struct cfg_kv *sec_kv(struct cfg_sec *s, const char *key);
const char *sec_get(struct cfg_sec *s, const char *key);
/* An error for the first key nothing asked for, or a duplicate */
uint32_t sec_check_used(struct cfg *cfg, struct cfg_sec *s);

/* Typed values: *out is left alone when the key is absent */
uint32_t sec_u32(struct cfg *cfg, struct cfg_sec *s, const char *key,
		 uint32_t *out);
uint32_t sec_bool(struct cfg *cfg, struct cfg_sec *s, const char *key,
		  bool *out);
uint32_t sec_word_(struct cfg *cfg, struct cfg_sec *s, const char *key,
		   const struct cfg_word *tab, size_t n, uint32_t *out);
#define sec_word(cfg, s, key, table, out) \
	sec_word_(cfg, s, key, table, sizeof(table) / sizeof(table[0]), out)

/* Comma separated list, items trimmed and not empty */
char **cfg_list(TALLOC_CTX *mem_ctx, const char *value, uint32_t *num);
/* "dword:5" -> REG_DWORD etc.; data gets a hidden NUL */
uint32_t cfg_typed(struct cfg *cfg, TALLOC_CTX *mem_ctx,
		   const struct cfg_kv *kv, uint32_t *type,
		   uint8_t **data, uint32_t *len);

#endif /* CLUSAPI_MODEL_CONFIG_PRIVATE_H */
