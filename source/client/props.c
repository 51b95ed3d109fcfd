/*
 * clusctl - properties (property get/set, as Get-/Set-ClusterParameter),
 * networks, interfaces, resource types and the quorum
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "client/clusctl.h"

/* CLUSPROP_FORMAT_*, as in MS-CMRP 2.2.2.3 */
#define FORMAT_DWORD 0x0002
#define FORMAT_SZ 0x0003
#define FORMAT_MULTI_SZ 0x0005
#define FORMAT_ULARGE_INTEGER 0x0006
#define FORMAT_LONG 0x0007
#define FORMAT_LARGE_INTEGER 0x000A
#define FORMAT_WORD 0x000B

/* WERROR 0x13A0: stored, effective when the object next comes online */
#define ERROR_RESOURCE_PROPERTIES_STORED 0x000013A0

static const struct {
	const char *kind;
	enum clusapi_control_object object;
	bool named;
} kinds[] = {
	{ "cluster", CLUSAPI_CONTROL_CLUSTER, false },
	{ "node", CLUSAPI_CONTROL_NODE, true },
	{ "group", CLUSAPI_CONTROL_GROUP, true },
	{ "resource", CLUSAPI_CONTROL_RESOURCE, true },
	{ "restype", CLUSAPI_CONTROL_RESTYPE, true },
	{ "network", CLUSAPI_CONTROL_NETWORK, true },
	{ "interface", CLUSAPI_CONTROL_NETINTERFACE, true },
};

/* What property get/set are about, and the words after it */
struct props_target {
	const char *kind;
	enum clusapi_control_object object;
	const char *name;
	const char **words;
	int num_words;
};

static bool props_target(const struct clusctl_options *o,
			 struct props_target *t)
{
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		if (strcmp(o->args[0], kinds[i].kind) != 0) {
			continue;
		}
		t->kind = kinds[i].kind;
		t->object = kinds[i].object;
		t->name = kinds[i].named && o->num_args >= 2 ? o->args[1] :
			  "";
		t->words = &o->args[kinds[i].named ? 2 : 1];
		t->num_words = o->num_args - (kinds[i].named ? 2 : 1);
		return !kinds[i].named || o->num_args >= 2;
	}
	return false;
}

/* One control call that returns a property list */
static int props_get(struct clusctl *c, enum clusapi_control_object object,
		     const char *name, uint32_t function, bool read_only,
		     struct clusapi_property **props, uint32_t *count)
{
	struct clusapi_admin_result r = { .werr = WERR_OK };
	struct tevent_req *req;
	DATA_BLOB out;
	NTSTATUS status;
	uint32_t i;

	req = clusapi_control_send(c->mem_ctx, c->ev, c->conn, object, name,
				   function, NULL);
	if (!clusctl_wait_for(c, req)) {
		return CLUSCTL_EXIT_FAILED;
	}
	status = clusapi_control_recv(req, c->mem_ctx, &out, &r);
	if (NT_STATUS_IS_OK(status) && !W_ERROR_IS_OK(r.werr)) {
		return clusctl_fail(c, status, r.werr, NULL,
				    CLUSCTL_EXIT_FAILED);
	}
	if (NT_STATUS_IS_OK(status)) {
		status = clusapi_proplist_parse(c->mem_ctx, &out, props,
						count);
	}
	if (!NT_STATUS_IS_OK(status)) {
		return clusctl_fail(c, status, WERR_OK, NULL,
				    CLUSCTL_EXIT_FAILED);
	}
	for (i = 0; i < *count; i++) {
		(*props)[i].read_only = read_only;
	}
	return CLUSCTL_EXIT_OK;
}

/* The read-only and the read/write ones, common or private, together */
static int props_get_all(struct clusctl *c,
			 enum clusapi_control_object object, const char *name,
			 bool private_props, struct clusapi_property **props,
			 uint32_t *count)
{
	struct clusapi_property *ro = NULL, *rw = NULL, *all;
	uint32_t nro = 0, nrw = 0;
	int rc;

	rc = props_get(c, object, name, private_props ?
		       CLUSAPI_CTL_GET_RO_PRIVATE_PROPERTIES :
		       CLUSAPI_CTL_GET_RO_COMMON_PROPERTIES, true, &ro, &nro);
	if (rc != CLUSCTL_EXIT_OK) {
		return rc;
	}
	rc = props_get(c, object, name, private_props ?
		       CLUSAPI_CTL_GET_PRIVATE_PROPERTIES :
		       CLUSAPI_CTL_GET_COMMON_PROPERTIES, false, &rw, &nrw);
	if (rc != CLUSCTL_EXIT_OK) {
		return rc;
	}
	all = talloc_zero_array(c->mem_ctx, struct clusapi_property,
				nro + nrw + 1);
	if (all == NULL) {
		return clusctl_fail(c, NT_STATUS_NO_MEMORY, WERR_OK, NULL,
				    CLUSCTL_EXIT_FAILED);
	}
	if (nrw > 0) {
		memcpy(all, rw, nrw * sizeof(*all));
	}
	if (nro > 0) {
		memcpy(all + nrw, ro, nro * sizeof(*all));
	}
	*props = all;
	*count = nro + nrw;
	return CLUSCTL_EXIT_OK;
}

static const struct clusapi_property *props_find(
	const struct clusapi_property *props, uint32_t count,
	const char *name)
{
	uint32_t i;

	for (i = 0; i < count; i++) {
		if (strcasecmp(props[i].name, name) == 0) {
			return &props[i];
		}
	}
	return NULL;
}

static json_t *props_json_value(TALLOC_CTX *mem_ctx,
				const struct clusapi_property *p)
{
	char *text = clusapi_property_text(mem_ctx, p);
	json_t *a;
	char *s, *save = NULL;

	if (text == NULL) {
		return json_null();
	}
	switch (p->format) {
	case FORMAT_DWORD:
	case FORMAT_LONG:
	case FORMAT_WORD:
	case FORMAT_LARGE_INTEGER:
		return json_integer(strtoll(text, NULL, 10));
	case FORMAT_ULARGE_INTEGER:
		/* beyond what JSON numbers keep exactly: a string */
		return strtoull(text, NULL, 10) > (1ULL << 53) ?
			json_string(text) :
			json_integer(strtoll(text, NULL, 10));
	case FORMAT_MULTI_SZ:
		a = json_array();
		for (s = strtok_r(text, ",", &save); s != NULL;
		     s = strtok_r(NULL, ",", &save)) {
			json_array_append_new(a, json_string(s));
		}
		return a;
	default:
		return json_string(text);
	}
}

json_t *clusctl_props_json(TALLOC_CTX *mem_ctx,
			   const struct clusapi_property *props,
			   uint32_t count)
{
	json_t *a = json_array();
	uint32_t i;

	for (i = 0; i < count; i++) {
		json_t *p = json_object();

		json_object_set_new(p, "name", json_string(props[i].name));
		json_object_set_new(p, "type", json_string(
			clusapi_property_format_name(props[i].format)));
		json_object_set_new(p, "read_only",
				    json_boolean(props[i].read_only));
		json_object_set_new(p, "value",
				    props_json_value(mem_ctx, &props[i]));
		json_array_append_new(a, p);
	}
	return a;
}

/* Name, type, ro/rw, value: a table as Get-ClusterParameter prints it */
char *clusctl_props_text(TALLOC_CTX *mem_ctx,
			 const struct clusapi_property *props,
			 uint32_t count)
{
	int width = 4;
	char *s;
	uint32_t i;

	for (i = 0; i < count; i++) {
		int n = strlen(props[i].name);

		width = n > width ? n : width;
	}
	s = talloc_asprintf(mem_ctx, "%-*s  %-14s  %-2s  %s\n%-*s  %-14s  "
			    "%-2s  %s\n", width, "Name", "Type", "RW",
			    "Value", width, "----", "----", "--", "-----");
	for (i = 0; s != NULL && i < count; i++) {
		char *v = clusapi_property_text(s, &props[i]);

		s = talloc_asprintf_append(
			s, "%-*s  %-14s  %-2s  %s\n", width, props[i].name,
			clusapi_property_format_name(props[i].format),
			props[i].read_only ? "ro" : "rw", v != NULL ? v : "?");
	}
	return s;
}

static int props_print(struct clusctl *c, const struct props_target *t,
		       const struct clusapi_property *props, uint32_t count)
{
	char *text;

	if (c->opts->json) {
		json_t *j = json_object();

		json_object_set_new(j, "object", json_string(t->kind));
		json_object_set_new(j, "name", json_string(t->name));
		json_object_set_new(j, "properties", clusctl_props_json(
			c->mem_ctx, props, count));
		clusctl_print_json(c, j);
		return CLUSCTL_EXIT_OK;
	}
	text = clusctl_props_text(c->mem_ctx, props, count);
	if (text == NULL) {
		return clusctl_fail(c, NT_STATUS_NO_MEMORY, WERR_OK, NULL,
				    CLUSCTL_EXIT_FAILED);
	}
	fputs(text, stdout);
	return CLUSCTL_EXIT_OK;
}

static int props_usage(const char *what)
{
	fprintf(clusctl_err, "clusctl: %s (see --help)\n", what);
	return CLUSCTL_EXIT_USAGE;
}

static int props_get_command(struct clusctl *c, const struct props_target *t)
{
	struct clusapi_property *props = NULL, *picked;
	uint32_t count = 0;
	int i, rc;

	rc = props_get_all(c, t->object, t->name, c->opts->private_props,
			   &props, &count);
	if (rc != CLUSCTL_EXIT_OK || t->num_words == 0) {
		return rc == CLUSCTL_EXIT_OK ?
			props_print(c, t, props, count) : rc;
	}
	picked = talloc_zero_array(c->mem_ctx, struct clusapi_property,
				   t->num_words);
	if (picked == NULL) {
		return clusctl_fail(c, NT_STATUS_NO_MEMORY, WERR_OK, NULL,
				    CLUSCTL_EXIT_FAILED);
	}
	for (i = 0; i < t->num_words; i++) {
		const struct clusapi_property *p =
			props_find(props, count, t->words[i]);

		if (p == NULL) {
			fprintf(clusctl_err, "clusctl: %s \"%s\" has no %s "
				"property \"%s\"\n", t->kind, t->name,
				c->opts->private_props ? "private" : "common",
				t->words[i]);
			return CLUSCTL_EXIT_FAILED;
		}
		picked[i] = *p;
	}
	return props_print(c, t, picked, t->num_words);
}

/* The format of NAME=TEXT: --value-type, the property's own, a guess */
static bool props_format(const struct clusctl_options *o,
			 const struct clusapi_property *old,
			 const char *text, uint32_t *format)
{
	unsigned long long n;
	char *end = NULL;

	if (o->value_type != NULL) {
		return clusapi_property_format_by_name(o->value_type, format);
	}
	if (old != NULL) {
		*format = old->format;
		return true;
	}
	n = strtoull(text, &end, 0);
	if (end == text || *end != '\0' || text[0] == '-') {
		*format = FORMAT_SZ;
	} else {
		*format = n > UINT32_MAX ? FORMAT_ULARGE_INTEGER :
					   FORMAT_DWORD;
	}
	return true;
}

/* PROPERTY=VALUE words as a property list; NULL: said why */
static struct clusapi_property *props_from_words(
	struct clusctl *c, const struct props_target *t,
	const struct clusapi_property *old, uint32_t nold,
	const char **read_only)
{
	struct clusapi_property *set;
	int i;

	set = talloc_zero_array(c->mem_ctx, struct clusapi_property,
				t->num_words);
	for (i = 0; set != NULL && i < t->num_words; i++) {
		char *name = talloc_strdup(set, t->words[i]);
		char *eq = name != NULL ? strchr(name, '=') : NULL;
		const struct clusapi_property *p;

		if (eq == NULL || eq == name) {
			props_usage("property set takes PROPERTY=VALUE");
			return NULL;
		}
		*eq = '\0';
		p = props_find(old, nold, name);
		set[i].name = name;
		if (!props_format(c->opts, p, eq + 1, &set[i].format) ||
		    !clusapi_property_parse_text(set, set[i].format, eq + 1,
						 &set[i].value)) {
			fprintf(clusctl_err, "clusctl: \"%s\" is not a %s "
				"value for property \"%s\"\n", eq + 1,
				c->opts->value_type != NULL ?
				c->opts->value_type :
				clusapi_property_format_name(set[i].format),
				name);
			return NULL;
		}
		if (p != NULL && p->read_only) {
			*read_only = p->name;
		}
	}
	return set;
}

static int props_set_command(struct clusctl *c, const struct props_target *t)
{
	const struct clusctl_options *o = c->opts;
	struct clusapi_admin_result r = { .werr = WERR_OK };
	struct clusapi_property *old = NULL, *set;
	const char *read_only = NULL;
	struct tevent_req *req;
	DATA_BLOB in, out;
	uint32_t nold = 0;
	NTSTATUS status;
	int rc;

	if (t->num_words < 1) {
		return props_usage("property set needs PROPERTY=VALUE");
	}
	rc = props_get_all(c, t->object, t->name, o->private_props, &old,
			   &nold);
	if (rc != CLUSCTL_EXIT_OK) {
		return rc;
	}
	set = props_from_words(c, t, old, nold, &read_only);
	if (set == NULL) {
		return CLUSCTL_EXIT_USAGE;
	}
	status = clusapi_proplist_build(c->mem_ctx, set, t->num_words, &in);
	if (NT_STATUS_IS_OK(status)) {
		req = clusapi_control_send(c->mem_ctx, c->ev, c->conn,
					   t->object, t->name,
					   o->private_props ?
					   CLUSAPI_CTL_SET_PRIVATE_PROPERTIES :
					   CLUSAPI_CTL_SET_COMMON_PROPERTIES,
					   &in);
		if (!clusctl_wait_for(c, req)) {
			return CLUSCTL_EXIT_FAILED;
		}
		status = clusapi_control_recv(req, c->mem_ctx, &out, &r);
	}
	if (!NT_STATUS_IS_OK(status) ||
	    (!W_ERROR_IS_OK(r.werr) &&
	     W_ERROR_V(r.werr) != ERROR_RESOURCE_PROPERTIES_STORED)) {
		return clusctl_fail(c, status, r.werr, read_only == NULL ? NULL :
				    talloc_asprintf(c->mem_ctx, "\"%s\" is a "
						    "read-only property",
						    read_only),
				    CLUSCTL_EXIT_FAILED);
	}
	if (o->json) {
		json_t *j = json_object();

		json_object_set_new(j, "object", json_string(t->kind));
		json_object_set_new(j, "name", json_string(t->name));
		json_object_set_new(j, "result", json_string(
			clusapi_werror_name(r.werr)));
		json_object_set_new(j, "properties", clusctl_props_json(
			c->mem_ctx, set, t->num_words));
		clusctl_print_json(c, j);
	} else {
		printf("%s%s\n", W_ERROR_IS_OK(r.werr) ? "set" : "stored",
		       W_ERROR_IS_OK(r.werr) ? "" : ": effective when it "
		       "next comes online");
	}
	return CLUSCTL_EXIT_OK;
}

int clusctl_property(struct clusctl *c)
{
	struct props_target t;

	if (!props_target(c->opts, &t)) {
		return props_usage("property get/set take KIND [NAME]: "
				   "cluster, node NAME, group NAME, resource "
				   "NAME, restype NAME, network NAME or "
				   "interface NAME");
	}
	if (c->opts->command == CLUSCTL_CMD_PROPERTY_SET) {
		return props_set_command(c, &t);
	}
	return props_get_command(c, &t);
}

/*
 * Every property of an object: common (read-only too) and private.
 * With J, they go into J as "properties"; without, they are printed.
 */
int clusctl_show_properties(struct clusctl *c,
			    enum clusapi_control_object object,
			    const char *name, json_t *j)
{
	struct props_target t = { .name = name, .object = object };
	struct clusapi_property *common = NULL, *priv = NULL, *all;
	uint32_t ncommon = 0, npriv = 0;
	size_t i;
	int rc;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		if (kinds[i].object == object) {
			t.kind = kinds[i].kind;
		}
	}
	rc = props_get_all(c, object, name, false, &common, &ncommon);
	if (rc == CLUSCTL_EXIT_OK) {
		rc = props_get_all(c, object, name, true, &priv, &npriv);
	}
	if (rc != CLUSCTL_EXIT_OK) {
		return rc;
	}
	all = talloc_realloc(c->mem_ctx, common, struct clusapi_property,
			     ncommon + npriv + 1);
	if (all == NULL) {
		return clusctl_fail(c, NT_STATUS_NO_MEMORY, WERR_OK, NULL,
				    CLUSCTL_EXIT_FAILED);
	}
	if (npriv > 0) {
		memcpy(all + ncommon, priv, npriv * sizeof(*all));
	}
	if (j != NULL) {
		json_object_set_new(j, "properties", clusctl_props_json(
			c->mem_ctx, all, ncommon + npriv));
		return CLUSCTL_EXIT_OK;
	}
	return props_print(c, &t, all, ncommon + npriv);
}
