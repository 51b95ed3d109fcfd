/*
 * clusapi - cluster model: the configuration file's parser
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From INI text to sections, and typed values out of a section's keys.
 * The format is described at the top of config.c.
 */

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config_private.h"
#include "server/ini_line.h"

uint32_t cfg_err(struct cfg *cfg, unsigned line, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	if (*cfg->errmsg != NULL) {
		return CM_ERROR_INVALID_DATA;
	}
	va_start(ap, fmt);
	msg = talloc_vasprintf(cfg->m, fmt, ap);
	va_end(ap);
	*cfg->errmsg = talloc_asprintf(cfg->m, "%s:%u: %s", cfg->file, line,
				       msg != NULL ? msg : "error");
	talloc_free(msg);
	return CM_ERROR_INVALID_DATA;
}

/* "[kind name]": a new section */
static uint32_t cfg_section(struct cfg *cfg, TALLOC_CTX *mem_ctx, char *l,
			    unsigned line)
{
	struct cfg_sec *s;
	char *e = l + strlen(l) - 1;
	char *in, *sp;

	if (*e != ']') {
		return cfg_err(cfg, line, "section header without ']'");
	}
	*e = '\0';
	in = ini_trim(l + 1);
	sp = in;
	while (*sp != '\0' && !isspace((unsigned char)*sp)) {
		sp++;
	}
	s = talloc_realloc(mem_ctx, cfg->secs, struct cfg_sec, cfg->num + 1);
	if (s == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	cfg->secs = s;
	s = &s[cfg->num++];
	memset(s, 0, sizeof(*s));
	s->line = line;
	s->name = ini_trim(sp);
	*sp = '\0';
	s->kind = in;
	if (*s->kind == '\0') {
		return cfg_err(cfg, line, "empty section header");
	}
	return CM_ERROR_SUCCESS;
}

/* "key = value" in the last section */
static uint32_t cfg_key(struct cfg *cfg, TALLOC_CTX *mem_ctx,
			struct ini_line *l, unsigned line)
{
	struct cfg_sec *s;
	struct cfg_kv *kv;

	if (cfg->num == 0) {
		return cfg_err(cfg, line, "'%s' outside of any section",
			       l->text);
	}
	s = &cfg->secs[cfg->num - 1];
	kv = talloc_realloc(mem_ctx, s->kv, struct cfg_kv, s->num + 1);
	if (kv == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	s->kv = kv;
	kv = &kv[s->num++];
	ini_line_split(l, &kv->key, &kv->value);
	/* "quoted" keeps blanks at either end */
	if (kv->value[0] == '"' && strlen(kv->value) >= 2 &&
	    kv->value[strlen(kv->value) - 1] == '"') {
		kv->value[strlen(kv->value) - 1] = '\0';
		kv->value++;
	}
	kv->line = line;
	kv->used = false;
	if (*kv->key == '\0') {
		return cfg_err(cfg, line, "empty key");
	}
	return CM_ERROR_SUCCESS;
}

uint32_t cfg_parse(struct cfg *cfg, TALLOC_CTX *mem_ctx,
		   const char *text)
{
	char *copy = talloc_strdup(mem_ctx, text);
	char *p = copy;
	unsigned line = 0;
	uint32_t err = CM_ERROR_SUCCESS;

	if (copy == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	while (p != NULL && *p != '\0' && err == CM_ERROR_SUCCESS) {
		char *nl = strchr(p, '\n');
		struct ini_line l;

		if (nl != NULL) {
			*nl = '\0';
		}
		line++;
		switch (ini_line_read(p, &l)) {
		case INI_LINE_NOTHING:
			break;
		case INI_LINE_SECTION:
			err = cfg_section(cfg, mem_ctx, l.text, line);
			break;
		case INI_LINE_KEY:
			err = cfg_key(cfg, mem_ctx, &l, line);
			break;
		case INI_LINE_OTHER:
			err = cfg_err(cfg, line, "expected "
				      "'key = value' or '[section]'");
			break;
		}
		p = (nl != NULL) ? nl + 1 : NULL;
	}
	return err;
}

struct cfg_kv *sec_kv(struct cfg_sec *s, const char *key)
{
	uint32_t i;

	for (i = 0; i < s->num; i++) {
		if (strcasecmp(s->kv[i].key, key) == 0) {
			s->kv[i].used = true;
			return &s->kv[i];
		}
	}
	return NULL;
}

const char *sec_get(struct cfg_sec *s, const char *key)
{
	struct cfg_kv *kv = sec_kv(s, key);

	return kv != NULL ? kv->value : NULL;
}

uint32_t sec_check_used(struct cfg *cfg, struct cfg_sec *s)
{
	uint32_t i, j;

	for (i = 0; i < s->num; i++) {
		if (!s->kv[i].used) {
			return cfg_err(cfg, s->kv[i].line, "unknown key '%s' "
				       "in [%s]", s->kv[i].key, s->kind);
		}
		for (j = 0; j < i; j++) {
			if (strcasecmp(s->kv[i].key, s->kv[j].key) == 0) {
				return cfg_err(cfg, s->kv[i].line,
					       "duplicate key '%s'",
					       s->kv[i].key);
			}
		}
	}
	return CM_ERROR_SUCCESS;
}

uint32_t sec_u32(struct cfg *cfg, struct cfg_sec *s, const char *key,
		 uint32_t *out)
{
	struct cfg_kv *kv = sec_kv(s, key);
	unsigned long long v;
	char *end;

	if (kv == NULL) {
		return CM_ERROR_SUCCESS;
	}
	errno = 0;
	v = strtoull(kv->value, &end, 0);
	if (kv->value[0] == '\0' || *end != '\0' || errno != 0 ||
	    kv->value[0] == '-' || v > UINT32_MAX) {
		return cfg_err(cfg, kv->line, "'%s' wants a number, not '%s'",
			       key, kv->value);
	}
	*out = (uint32_t)v;
	return CM_ERROR_SUCCESS;
}

uint32_t sec_bool(struct cfg *cfg, struct cfg_sec *s, const char *key,
		  bool *out)
{
	struct cfg_kv *kv = sec_kv(s, key);
	const char *v;

	if (kv == NULL) {
		return CM_ERROR_SUCCESS;
	}
	v = kv->value;
	if (strcasecmp(v, "yes") == 0 || strcasecmp(v, "true") == 0 ||
	    strcmp(v, "1") == 0) {
		*out = true;
	} else if (strcasecmp(v, "no") == 0 || strcasecmp(v, "false") == 0 ||
		   strcmp(v, "0") == 0) {
		*out = false;
	} else {
		return cfg_err(cfg, kv->line, "'%s' wants yes or no, not '%s'",
			       key, v);
	}
	return CM_ERROR_SUCCESS;
}


uint32_t sec_word_(struct cfg *cfg, struct cfg_sec *s,
		   const char *key, const struct cfg_word *tab, size_t n,
		   uint32_t *out)
{
	struct cfg_kv *kv = sec_kv(s, key);
	unsigned long v;
	char *end;
	size_t i;

	if (kv == NULL) {
		return CM_ERROR_SUCCESS;
	}
	for (i = 0; i < n; i++) {
		if (strcasecmp(kv->value, tab[i].word) == 0) {
			*out = tab[i].value;
			return CM_ERROR_SUCCESS;
		}
	}
	/* the raw wire value is fine too */
	errno = 0;
	v = strtoul(kv->value, &end, 0);
	if (kv->value[0] >= '0' && kv->value[0] <= '9' && *end == '\0' &&
	    errno == 0 && v <= UINT32_MAX) {
		*out = (uint32_t)v;
		return CM_ERROR_SUCCESS;
	}
	return cfg_err(cfg, kv->line, "'%s': unknown value '%s'", key,
		       kv->value);
}

/* Comma separated list, items trimmed and not empty */
char **cfg_list(TALLOC_CTX *mem_ctx, const char *value, uint32_t *num)
{
	char *copy = talloc_strdup(mem_ctx, value);
	char **items = talloc_zero_array(mem_ctx, char *, 1);
	char *p = copy, *c;
	uint32_t n = 0;

	*num = 0;
	if (copy == NULL || items == NULL) {
		return NULL;
	}
	if (ini_trim(copy)[0] == '\0') {
		return items;
	}
	for (;;) {
		c = strchr(p, ',');
		if (c != NULL) {
			*c = '\0';
		}
		items = talloc_realloc(mem_ctx, items, char *, n + 2);
		if (items == NULL) {
			return NULL;
		}
		items[n++] = ini_trim(p);
		items[n] = NULL;
		if (c == NULL) {
			break;
		}
		p = c + 1;
	}
	*num = n;
	return items;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9') {
		return c - '0';
	}
	c = tolower((unsigned char)c);
	if (c >= 'a' && c <= 'f') {
		return c - 'a' + 10;
	}
	return -1;
}

/* "dword:5" -> REG_DWORD etc.; data gets a hidden NUL */
uint32_t cfg_typed(struct cfg *cfg, TALLOC_CTX *mem_ctx,
		   const struct cfg_kv *kv, uint32_t *type,
		   uint8_t **data, uint32_t *len)
{
	const char *v = kv->value;
	unsigned long long n;
	char *end;

	if (strncasecmp(v, "dword:", 6) == 0 ||
	    strncasecmp(v, "qword:", 6) == 0) {
		bool q = (tolower((unsigned char)v[0]) == 'q');
		uint8_t *d;
		int i;

		errno = 0;
		n = strtoull(v + 6, &end, 0);
		if (v[6] == '\0' || *end != '\0' || errno != 0 ||
		    v[6] == '-' || (!q && n > UINT32_MAX)) {
			return cfg_err(cfg, kv->line, "bad number in '%s'", v);
		}
		*len = q ? 8 : 4;
		d = talloc_zero_array(mem_ctx, uint8_t, *len + 1);
		if (d == NULL) {
			return CM_ERROR_NOT_ENOUGH_MEMORY;
		}
		for (i = 0; i < (int)*len; i++) {
			d[i] = (n >> (8 * i)) & 0xff;
		}
		*type = q ? CM_REG_QWORD : CM_REG_DWORD;
		*data = d;
		return CM_ERROR_SUCCESS;
	}
	if (strncasecmp(v, "binary:", 7) == 0) {
		size_t hl = strlen(v + 7);
		uint8_t *d;
		size_t i;

		if (hl % 2 != 0) {
			return cfg_err(cfg, kv->line, "odd number of hex "
				       "digits in '%s'", v);
		}
		d = talloc_zero_array(mem_ctx, uint8_t, hl / 2 + 1);
		if (d == NULL) {
			return CM_ERROR_NOT_ENOUGH_MEMORY;
		}
		for (i = 0; i < hl / 2; i++) {
			int hi = hexval(v[7 + 2 * i]);
			int lo = hexval(v[8 + 2 * i]);

			if (hi < 0 || lo < 0) {
				return cfg_err(cfg, kv->line, "bad hex digit "
					       "in '%s'", v);
			}
			d[i] = (hi << 4) | lo;
		}
		*type = CM_REG_BINARY;
		*data = d;
		*len = hl / 2;
		return CM_ERROR_SUCCESS;
	}
	if (strncasecmp(v, "multi_sz:", 9) == 0) {
		size_t sl = strlen(v + 9);
		uint8_t *d = talloc_zero_array(mem_ctx, uint8_t, sl + 3);
		size_t i;

		if (d == NULL) {
			return CM_ERROR_NOT_ENOUGH_MEMORY;
		}
		memcpy(d, v + 9, sl);
		for (i = 0; i < sl; i++) {
			if (d[i] == '|') {
				d[i] = '\0';
			}
		}
		/* each string NUL terminated, then the final NUL */
		*len = (sl == 0) ? 1 : sl + 2;
		*type = CM_REG_MULTI_SZ;
		*data = d;
		return CM_ERROR_SUCCESS;
	}
	*type = CM_REG_SZ;
	if (strncasecmp(v, "expand_sz:", 10) == 0) {
		*type = CM_REG_EXPAND_SZ;
		v += 10;
	} else if (strncasecmp(v, "sz:", 3) == 0) {
		v += 3;
	}
	*data = (uint8_t *)talloc_strdup(mem_ctx, v);
	if (*data == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	*len = strlen(v) + 1;
	return CM_ERROR_SUCCESS;
}

bool sec_is(const struct cfg_sec *s, const char *kind)
{
	return strcasecmp(s->kind, kind) == 0;
}

uint32_t sec_need_name(struct cfg *cfg, struct cfg_sec *s)
{
	if (!clus_name_valid(s->name)) {
		return cfg_err(cfg, s->line, "[%s] needs a valid name",
			       s->kind);
	}
	return CM_ERROR_SUCCESS;
}
