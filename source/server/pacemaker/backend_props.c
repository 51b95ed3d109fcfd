/*
 * clusapi - the Pacemaker backend: a resource's private properties are
 * the instance attributes of its primitive
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A write is checked whole against the OCF agent's parameters (its
 * meta-data, read once per agent): an unknown name, a value that is not
 * a string (the CIB holds strings and clients read them back as
 * REG_SZ) or does not fit the parameter's type is
 * ERROR_INVALID_PARAMETER, as Windows' property-table check answers,
 * and nothing is written.  The rest goes to the CIB in one update, the
 * CIB is read back and the model refreshed from it before the call
 * returns (pcmk_backend_write).
 */

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "pcmk_backend_private.h"

#define OCF_ROOT	"/usr/lib/ocf"

static bool agent_word(const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		if (!isalnum((unsigned char)*s) && strchr("_.-", *s) == NULL) {
			return false;
		}
	}
	return s != NULL;
}

/* the agent's meta-data, run once: NULL when it has none */
static struct pcmk_agent *agent_read(TALLOC_CTX *mem_ctx,
				     const struct pcmk_primitive *p)
{
	struct pcmk_agent *a = NULL;
	char *cmd, *text = NULL;
	char buf[4096];
	size_t n;
	FILE *f;

	if (strcmp(p->class, "ocf") != 0 || !agent_word(p->provider) ||
	    !agent_word(p->type)) {
		return NULL;
	}
	cmd = talloc_asprintf(mem_ctx, "OCF_ROOT=" OCF_ROOT " "
			      OCF_ROOT "/resource.d/%s/%s meta-data "
			      "2>/dev/null", p->provider, p->type);
	f = cmd != NULL ? popen(cmd, "r") : NULL;
	text = talloc_strdup(cmd, "");
	while (f != NULL && text != NULL &&
	       (n = fread(buf, 1, sizeof(buf), f)) > 0) {
		text = talloc_strndup_append_buffer(text, buf, n);
	}
	if (f != NULL) {
		pclose(f);
	}
	if (text != NULL &&
	    pcmk_agent_parse(mem_ctx, text, strlen(text), &a) != 0) {
		a = NULL;
	}
	talloc_free(cmd);
	return a;
}

static const struct pcmk_agent *agent_of(struct pcmk_backend *b,
					 const struct pcmk_primitive *p)
{
	struct pcmk_agent *a;
	char *name;

	if (b->agents == NULL) {
		b->agents = clus_hash_new(b);
	}
	/* the hash keeps the key's pointer: the name lives with it */
	name = b->agents ? pcmk_backend_agent(b->agents, p) : NULL;
	if (name == NULL) {
		return NULL;
	}
	a = clus_hash_get(b->agents, name);
	if (a != NULL) {
		talloc_free(name);
		return a;
	}
	a = agent_read(name, p);
	if (a == NULL || clus_hash_add(b->agents, name, a) != 0) {
		talloc_free(name);
		return NULL;
	}
	return a;
}

/* the value of a REG_SZ property, or NULL for any other type */
static const char *prop_string(TALLOC_CTX *mem_ctx, const struct clus_prop *p)
{
	if (p->type != CM_REG_SZ) {
		return NULL;
	}
	return talloc_strndup(mem_ctx, (const char *)p->data, p->len);
}

static uint32_t props_check(struct pcmk_backend *b,
			    const struct pcmk_primitive *p,
			    const struct clus_prop *props, uint32_t num,
			    const char **names, const char **values)
{
	const struct pcmk_agent *a = agent_of(b, p);
	const struct pcmk_agent_param *ap;
	uint32_t i;

	if (a == NULL) {
		clus_log(b->m, 0, "pacemaker: no meta-data for %s's agent",
			 p->id);
		return CM_ERROR_NOT_SUPPORTED;
	}
	for (i = 0; i < num; i++) {
		names[i] = props[i].name;
		values[i] = prop_string(names, &props[i]);
		ap = names[i] ? pcmk_agent_param(a, names[i]) : NULL;
		if (ap == NULL || values[i] == NULL ||
		    !pcmk_agent_value_ok(ap, values[i])) {
			return CM_ERROR_INVALID_PARAMETER;
		}
	}
	return CM_ERROR_SUCCESS;
}

static uint32_t props_delete(struct pcmk_backend *b,
			     const struct pcmk_primitive *p,
			     const struct clus_prop *props, uint32_t num)
{
	uint32_t i, err = CM_ERROR_SUCCESS;

	for (i = 0; i < num; i++) {
		if (pcmk_nvset_get(&p->params, props[i].name) == NULL) {
			return CM_ERROR_FILE_NOT_FOUND;
		}
	}
	/* one nvpair per libcib remove */
	for (i = 0; i < num && err == CM_ERROR_SUCCESS; i++) {
		err = pcmk_backend_apply(b, pcmk_change_param_del(
						 b, p, props[i].name));
	}
	return err;
}

uint32_t pcmk_resource_set_props(struct clus_model *m, struct clus_resource *r,
				 const struct clus_prop *props, uint32_t num,
				 bool remove)
{
	struct pcmk_backend *b = m->backend_private;
	const struct pcmk_primitive *p;
	const char **names;
	const char **values;
	uint32_t err;

	p = pcmk_cib_primitive(pcmk_conn_cib(b->conn), r->id);
	if (p == NULL) {
		return CM_ERROR_RESOURCE_NOT_FOUND;
	}
	if (remove) {
		err = props_delete(b, p, props, num);
		return err != CM_ERROR_SUCCESS ? err : pcmk_backend_show(b);
	}
	names = talloc_zero_array(b, const char *, num + 1);
	values = talloc_zero_array(names, const char *, num + 1);
	if (values == NULL) {
		talloc_free(names);
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	err = props_check(b, p, props, num, names, values);
	if (err == CM_ERROR_SUCCESS && num > 0) {
		err = pcmk_backend_write(b, pcmk_change_params(b, p, names,
							      values, num));
	}
	talloc_free(names);
	return err;
}

/* the model's private properties of @r from its instance attributes */
void pcmk_backend_refresh_props(struct clus_txn *t, struct clus_resource *r,
				const struct pcmk_primitive *p)
{
	struct clus_proplist n = { .props = NULL };
	const struct pcmk_nvpair *nv;
	bool same = r->props.count == p->params.num;
	size_t i;

	n.props = talloc_zero_array(r, struct clus_prop, p->params.num + 1);
	for (i = 0; n.props != NULL && i < p->params.num; i++) {
		const struct clus_prop *old;

		nv = &p->params.pairs[i];
		if (nv->value == NULL ||
		    !proplist_set(NULL, &n, nv->name, CM_REG_SZ,
				  (const uint8_t *)nv->value,
				  strlen(nv->value) + 1)) {
			continue;
		}
		old = clus_prop_get(&r->props, nv->name);
		same = same && old != NULL && old->type == CM_REG_SZ &&
		       old->len == strlen(nv->value) + 1 &&
		       memcmp(old->data, nv->value, old->len) == 0;
	}
	if (n.props == NULL || same) {
		talloc_free(n.props);
		return;
	}
	txn_set_proplist(t, &r->props, &n);
	txn_dirty(t, &r->obj);
	notify_resource(t, r, CM_CHANGE_RESOURCE_PROPERTY,
			CM_CHANGE_RESOURCE_PRIVATE_PROPERTY_V2);
}
