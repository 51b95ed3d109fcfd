/*
 * clusapi: an OCF agent's parameters, from its meta-data, and whether a
 * value fits one
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A resource's private properties are its instance attributes: the
 * agent's <parameters> say which there are and of what type (string,
 * integer, boolean; OCF has no read-only parameter).
 */

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/parser.h>

#include "pcmk.h"

static char *prop_dup(TALLOC_CTX *mem_ctx, const xmlNode *n,
		      const char *name, const char *dflt)
{
	xmlChar *v = n ? xmlGetProp(n, BAD_CAST name) : NULL;
	char *s = talloc_strdup(mem_ctx, v ? (const char *)v : dflt);

	xmlFree(v);
	return s;
}

static int agent_fill(struct pcmk_agent *a, const xmlNode *params)
{
	const xmlNode *c;
	size_t n = 0;

	for (c = params ? params->children : NULL; c != NULL; c = c->next) {
		n += c->type == XML_ELEMENT_NODE;
	}
	a->params = talloc_zero_array(a, struct pcmk_agent_param, n + 1);
	if (a->params == NULL) {
		return ENOMEM;
	}
	for (c = params ? params->children : NULL; c != NULL; c = c->next) {
		struct pcmk_agent_param *p = &a->params[a->num];

		if (c->type != XML_ELEMENT_NODE ||
		    xmlStrcmp(c->name, BAD_CAST "parameter") != 0) {
			continue;
		}
		p->name = prop_dup(a, c, "name", NULL);
		p->type = prop_dup(a, pcmk_xml_child(c, "content", NULL),
				   "type", "string");
		if (p->name == NULL || p->type == NULL) {
			return ENOMEM;
		}
		a->num++;
	}
	return 0;
}

int pcmk_agent_parse(TALLOC_CTX *mem_ctx, const char *text, size_t len,
		     struct pcmk_agent **pagent)
{
	xmlDoc *doc = xmlReadMemory(text, len, "meta-data", NULL,
				    XML_PARSE_NONET | XML_PARSE_NOERROR |
				    XML_PARSE_NOWARNING);
	const xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
	struct pcmk_agent *a;
	int ret = EINVAL;

	if (root == NULL ||
	    xmlStrcmp(root->name, BAD_CAST "resource-agent") != 0) {
		xmlFreeDoc(doc);
		return EINVAL;
	}
	a = talloc_zero(mem_ctx, struct pcmk_agent);
	if (a != NULL) {
		ret = agent_fill(a, pcmk_xml_child(root, "parameters", NULL));
	}
	xmlFreeDoc(doc);
	if (a == NULL || ret != 0) {
		talloc_free(a);
		return ENOMEM;
	}
	*pagent = a;
	return 0;
}

const struct pcmk_agent_param *pcmk_agent_param(const struct pcmk_agent *a,
						const char *name)
{
	return pcmk_find(a->params, a->num, sizeof(*a->params),
			 offsetof(struct pcmk_agent_param, name), name);
}

/* Pacemaker's crm_is_true / crm_str_to_boolean words */
static const char *const booleans[] = {
	"true", "on", "yes", "y", "1", "false", "off", "no", "n", "0",
};

bool pcmk_agent_value_ok(const struct pcmk_agent_param *p, const char *value)
{
	size_t i;
	char *end;

	if (strcmp(p->type, "integer") == 0) {
		(void)strtoll(value, &end, 10);
		return value[0] != '\0' && *end == '\0';
	}
	if (strcmp(p->type, "boolean") != 0) {
		return true;
	}
	for (i = 0; i < sizeof(booleans) / sizeof(booleans[0]); i++) {
		if (strcasecmp(value, booleans[i]) == 0) {
			return true;
		}
	}
	return false;
}
