/*
 * clusapi - the libxml2 element helpers the CIB code shares: finding an
 * element's child by name and id, and adding one with its attributes
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdarg.h>
#include <string.h>

#include "pcmk.h"

bool pcmk_xml_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	       xmlStrcmp(n->name, BAD_CAST name) == 0;
}

bool pcmk_xml_has_id(const xmlNode *n, const char *id)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST "id");
	bool eq = v != NULL && xmlStrcmp(v, BAD_CAST id) == 0;

	xmlFree(v);
	return eq;
}

xmlNode *pcmk_xml_child(const xmlNode *parent, const char *name,
			const char *id)
{
	xmlNode *n;

	for (n = parent ? parent->children : NULL; n != NULL; n = n->next) {
		if (n->type == XML_ELEMENT_NODE &&
		    (name == NULL || pcmk_xml_is(n, name)) &&
		    (id == NULL || pcmk_xml_has_id(n, id))) {
			return n;
		}
	}
	return NULL;
}

xmlNode *pcmk_xml_add(xmlNode *parent, const char *name, ...)
{
	xmlNode *n;
	const char *a, *v;
	va_list ap;

	if (parent == NULL) {
		return NULL;
	}
	n = xmlNewChild(parent, NULL, BAD_CAST name, NULL);
	if (n == NULL) {
		return NULL;
	}
	va_start(ap, name);
	while ((a = va_arg(ap, const char *)) != NULL) {
		v = va_arg(ap, const char *);
		if (v != NULL &&
		    xmlNewProp(n, BAD_CAST a, BAD_CAST v) == NULL) {
			n = NULL;
			break;
		}
	}
	va_end(ap);
	return n;
}
