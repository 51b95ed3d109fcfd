/*
 * libclusapi - property lists (MS-CMRP 2.2.3.10), and their values as
 * an administrator reads and writes them
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include "lib/clusapi_private.h"
#include "librpc/gen_ndr/ndr_clusapi.h"

static const struct {
	uint32_t format;
	const char *name;
} format_names[] = {
	{ CLUSPROP_FORMAT_BINARY, "BINARY" },
	{ CLUSPROP_FORMAT_DWORD, "DWORD" },
	{ CLUSPROP_FORMAT_SZ, "SZ" },
	{ CLUSPROP_FORMAT_EXPAND_SZ, "EXPAND_SZ" },
	{ CLUSPROP_FORMAT_MULTI_SZ, "MULTI_SZ" },
	{ CLUSPROP_FORMAT_ULARGE_INTEGER, "ULARGE_INTEGER" },
	{ CLUSPROP_FORMAT_LONG, "LONG" },
	{ CLUSPROP_FORMAT_EXPANDED_SZ, "EXPANDED_SZ" },
	{ CLUSPROP_FORMAT_SECURITY_DESCRIPTOR, "SECURITY_DESCRIPTOR" },
	{ CLUSPROP_FORMAT_LARGE_INTEGER, "LARGE_INTEGER" },
	{ CLUSPROP_FORMAT_WORD, "WORD" },
	{ CLUSPROP_FORMAT_FILETIME, "FILETIME" },
};

#define NUM_FORMATS (sizeof(format_names) / sizeof(format_names[0]))

const char *clusapi_property_format_name(uint32_t format)
{
	size_t i;

	for (i = 0; i < NUM_FORMATS; i++) {
		if (format_names[i].format == format) {
			return format_names[i].name;
		}
	}
	return "UNKNOWN";
}

bool clusapi_property_format_by_name(const char *name, uint32_t *format)
{
	size_t i;

	for (i = 0; i < NUM_FORMATS; i++) {
		/* "LARGE INTEGER" as the Windows documentation writes it */
		const char *n = format_names[i].name;
		size_t j;

		for (j = 0; n[j] != '\0' && name[j] != '\0'; j++) {
			char c = name[j] == ' ' ? '_' : name[j];

			if (c >= 'a' && c <= 'z') {
				c -= 'a' - 'A';
			}
			if (c != n[j]) {
				break;
			}
		}
		if (n[j] == '\0' && name[j] == '\0') {
			*format = format_names[i].format;
			return true;
		}
	}
	return false;
}

NTSTATUS clusapi_proplist_parse(TALLOC_CTX *mem_ctx, const DATA_BLOB *blob,
				struct clusapi_property **props,
				uint32_t *count)
{
	struct PROPERTY_LIST list;
	struct clusapi_property *p;
	enum ndr_err_code ndr_err;
	uint32_t i;

	*props = NULL;
	*count = 0;
	if (blob->length == 0) {
		return NT_STATUS_OK;
	}
	ndr_err = ndr_pull_struct_blob_all(
		blob, mem_ctx, &list,
		(ndr_pull_flags_fn_t)ndr_pull_PROPERTY_LIST);
	if (!NDR_ERR_CODE_IS_SUCCESS(ndr_err)) {
		return ndr_map_error2ntstatus(ndr_err);
	}
	p = talloc_zero_array(mem_ctx, struct clusapi_property,
			      list.PropertyCount + 1);
	if (p == NULL) {
		return NT_STATUS_NO_MEMORY;
	}
	for (i = 0; i < list.PropertyCount; i++) {
		const struct CLUSPROP_PROPERTY *q = &list.Properties[i];

		p[i].name = q->Name;
		p[i].format = q->Value.Syntax & 0xffff;
		p[i].value = q->Value.Data;
		talloc_steal(p, q->Name);
		talloc_steal(p, q->Value.Data.data);
	}
	*props = p;
	*count = list.PropertyCount;
	return NT_STATUS_OK;
}

NTSTATUS clusapi_proplist_build(TALLOC_CTX *mem_ctx,
				const struct clusapi_property *props,
				uint32_t count, DATA_BLOB *blob)
{
	struct PROPERTY_LIST list = { .PropertyCount = count };
	enum ndr_err_code ndr_err;
	uint32_t i;

	list.Properties = talloc_zero_array(mem_ctx, struct CLUSPROP_PROPERTY,
					    count + 1);
	if (list.Properties == NULL) {
		return NT_STATUS_NO_MEMORY;
	}
	for (i = 0; i < count; i++) {
		struct CLUSPROP_PROPERTY *q = &list.Properties[i];

		q->Name = props[i].name;
		/* list values: CLUSPROP_TYPE_LIST_VALUE << 16 */
		q->Value.Syntax = 0x00010000 | props[i].format;
		q->Value.cbLength = props[i].value.length;
		q->Value.Data = props[i].value;
	}
	ndr_err = ndr_push_struct_blob(
		blob, mem_ctx, &list,
		(ndr_push_flags_fn_t)ndr_push_PROPERTY_LIST);
	talloc_free(list.Properties);
	if (!NDR_ERR_CODE_IS_SUCCESS(ndr_err)) {
		return ndr_map_error2ntstatus(ndr_err);
	}
	return NT_STATUS_OK;
}

/* iconv between UTF-8 and UTF-16LE; NULL on bad input or no memory */
static char *convert(TALLOC_CTX *mem_ctx, const char *to, const char *from,
		     const void *in, size_t len, size_t *out_len)
{
	iconv_t cd = iconv_open(to, from);
	char *inp = discard_const_p(char, in);
	size_t size = len * 2 + 4, left = size;
	char *out, *outp;

	if (cd == (iconv_t)-1) {
		return NULL;
	}
	out = talloc_zero_array(mem_ctx, char, size);
	outp = out;
	if (out != NULL && iconv(cd, &inp, &len, &outp, &left) == (size_t)-1) {
		TALLOC_FREE(out);
	}
	iconv_close(cd);
	if (out != NULL) {
		*out_len = size - left;
	}
	return out;
}

/* A UTF-16LE value (its terminators dropped) as UTF-8, NULs kept */
static char *utf16_text(TALLOC_CTX *mem_ctx, const DATA_BLOB *v,
			size_t *len)
{
	size_t n = v->length & ~(size_t)1;

	while (n >= 2 && v->data[n - 1] == 0 && v->data[n - 2] == 0) {
		n -= 2;
	}
	return convert(mem_ctx, "UTF-8", "UTF-16LE", v->data, n, len);
}

static uint64_t le(const DATA_BLOB *v, size_t bytes)
{
	uint64_t x = 0;
	size_t i;

	for (i = 0; i < bytes && i < v->length; i++) {
		x |= (uint64_t)v->data[i] << (8 * i);
	}
	return x;
}

static char *hex_text(TALLOC_CTX *mem_ctx, const DATA_BLOB *v)
{
	char *s = talloc_strdup(mem_ctx, "");
	size_t i;

	for (i = 0; s != NULL && i < v->length; i++) {
		s = talloc_asprintf_append(s, "%s%02x", i > 0 ? " " : "",
					   v->data[i]);
	}
	return s;
}

char *clusapi_property_text(TALLOC_CTX *mem_ctx,
			    const struct clusapi_property *p)
{
	size_t len = 0, i;
	char *s;

	switch (p->format) {
	case CLUSPROP_FORMAT_DWORD:
		return talloc_asprintf(mem_ctx, "%" PRIu32,
				       (uint32_t)le(&p->value, 4));
	case CLUSPROP_FORMAT_LONG:
		return talloc_asprintf(mem_ctx, "%" PRId32,
				       (int32_t)le(&p->value, 4));
	case CLUSPROP_FORMAT_WORD:
		return talloc_asprintf(mem_ctx, "%u",
				       (unsigned int)le(&p->value, 2));
	case CLUSPROP_FORMAT_ULARGE_INTEGER:
		return talloc_asprintf(mem_ctx, "%" PRIu64, le(&p->value, 8));
	case CLUSPROP_FORMAT_LARGE_INTEGER:
		return talloc_asprintf(mem_ctx, "%" PRId64,
				       (int64_t)le(&p->value, 8));
	case CLUSPROP_FORMAT_SZ:
	case CLUSPROP_FORMAT_EXPAND_SZ:
	case CLUSPROP_FORMAT_EXPANDED_SZ:
	case CLUSPROP_FORMAT_MULTI_SZ:
		s = utf16_text(mem_ctx, &p->value, &len);
		if (s == NULL) {
			return hex_text(mem_ctx, &p->value);
		}
		/* MULTI_SZ: "a,b,c", as PowerShell takes an array */
		for (i = 0; i < len; i++) {
			if (s[i] == '\0') {
				s[i] = ',';
			}
		}
		return s;
	default:
		return hex_text(mem_ctx, &p->value);
	}
}

static bool parse_u64(const char *text, bool is_signed, uint64_t max,
		      uint64_t *v)
{
	char *end = NULL;

	errno = 0;
	if (is_signed) {
		int64_t x = strtoll(text, &end, 0);

		*v = (uint64_t)x;
		if (max < UINT64_MAX &&
		    (x > (int64_t)(max >> 1) || x < -(int64_t)(max >> 1) - 1)) {
			return false;
		}
	} else {
		*v = strtoull(text, &end, 0);
		if (text[strspn(text, " ")] == '-' || *v > max) {
			return false;
		}
	}
	return errno == 0 && end != text && *end == '\0';
}

static bool parse_number(TALLOC_CTX *mem_ctx, uint32_t format,
			 const char *text, DATA_BLOB *value)
{
	size_t bytes = 4, i;
	bool is_signed = false;
	uint64_t v, max = UINT32_MAX;

	if (format == CLUSPROP_FORMAT_WORD) {
		bytes = 2;
		max = UINT16_MAX;
	} else if (format == CLUSPROP_FORMAT_ULARGE_INTEGER ||
		   format == CLUSPROP_FORMAT_LARGE_INTEGER) {
		bytes = 8;
		max = UINT64_MAX;
	}
	is_signed = format == CLUSPROP_FORMAT_LONG ||
		    format == CLUSPROP_FORMAT_LARGE_INTEGER;
	if (!parse_u64(text, is_signed, max, &v)) {
		return false;
	}
	*value = data_blob_talloc(mem_ctx, NULL, bytes);
	if (value->data == NULL) {
		return false;
	}
	for (i = 0; i < bytes; i++) {
		value->data[i] = (v >> (8 * i)) & 0xff;
	}
	return true;
}

static bool parse_hex(TALLOC_CTX *mem_ctx, const char *text,
		      DATA_BLOB *value)
{
	size_t n = 0;
	const char *s;

	*value = data_blob_talloc(mem_ctx, NULL, strlen(text) / 2 + 1);
	if (value->data == NULL) {
		return false;
	}
	for (s = text; *s != '\0';) {
		unsigned int b;

		if (*s == ' ' || *s == ':') {
			s++;
			continue;
		}
		if (!isxdigit((unsigned char)s[0]) ||
		    !isxdigit((unsigned char)s[1]) ||
		    sscanf(s, "%2x", &b) != 1) {
			return false;
		}
		value->data[n++] = b;
		s += 2;
	}
	value->length = n;
	return true;
}

static bool parse_string(TALLOC_CTX *mem_ctx, uint32_t format,
			 const char *text, DATA_BLOB *value)
{
	bool multi = format == CLUSPROP_FORMAT_MULTI_SZ;
	size_t len = strlen(text), out_len = 0, i;
	/* room for MULTI_SZ's second terminator */
	char *copy = talloc_zero_array(mem_ctx, char, len + 2);
	char *u;

	if (copy == NULL) {
		return false;
	}
	memcpy(copy, text, len);
	for (i = 0; multi && i < len; i++) {
		if (copy[i] == ',') {
			copy[i] = '\0';
		}
	}
	/* the terminator, and MULTI_SZ's second one */
	u = convert(mem_ctx, "UTF-16LE", "UTF-8", copy,
		    len + 1 + (multi && len > 0 ? 1 : 0), &out_len);
	talloc_free(copy);
	if (u == NULL) {
		return false;
	}
	*value = data_blob_const(u, out_len);
	return true;
}

bool clusapi_property_parse_text(TALLOC_CTX *mem_ctx, uint32_t format,
				 const char *text, DATA_BLOB *value)
{
	switch (format) {
	case CLUSPROP_FORMAT_DWORD:
	case CLUSPROP_FORMAT_LONG:
	case CLUSPROP_FORMAT_WORD:
	case CLUSPROP_FORMAT_ULARGE_INTEGER:
	case CLUSPROP_FORMAT_LARGE_INTEGER:
		return parse_number(mem_ctx, format, text, value);
	case CLUSPROP_FORMAT_SZ:
	case CLUSPROP_FORMAT_EXPAND_SZ:
	case CLUSPROP_FORMAT_EXPANDED_SZ:
	case CLUSPROP_FORMAT_MULTI_SZ:
		return parse_string(mem_ctx, format, text, value);
	default:
		return parse_hex(mem_ctx, text, value);
	}
}
