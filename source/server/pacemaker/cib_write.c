/*
 * clusapi: the CIB changes behind creating, renaming, deleting and
 * moving groups and resources
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   empty group	a <group> must hold a primitive (resources-*.rng):
 *			until it does, an nvpair of clusapi's own
 *			cluster_property_set PCMK_GROUPS_SET in crm_config,
 *			named by the group's id, valued with its name
 *   new resource	<primitive> Stopped (MS-CMRP creates resources
 *			offline) appended to its <group>, the <group>
 *			created with it when it was empty
 *   name		the CIB id; one the id cannot hold (or a rename):
 *			meta attribute clusapi-name
 *   delete		the element removed
 *   change group	the <resources> section replaced by the CIB read
 *			just before with the primitive moved (a CIB has no
 *			single operation that moves an element)
 */

#include <ctype.h>
#include <string.h>

#include "pcmk.h"

static bool xml_has_id(const xmlNode *n, const char *id)
{
	for (; n != NULL; n = n->next) {
		if (n->type == XML_ELEMENT_NODE &&
		    (pcmk_xml_has_id(n, id) || xml_has_id(n->children, id))) {
			return true;
		}
	}
	return false;
}

/*
 * Taken: any element's id, the status section's included (a deleted
 * resource's history keeps its id), and the empty groups' ids.
 */
static bool id_taken(const xmlNode *xml, const struct pcmk_cib *cib,
		     const char *id)
{
	return pcmk_cib_group(cib, id) != NULL ||
		pcmk_cib_primitive(cib, id) != NULL || xml_has_id(xml, id);
}

char *pcmk_cib_new_id(TALLOC_CTX *mem_ctx, const xmlNode *xml,
		      const struct pcmk_cib *cib, const char *name)
{
	char *base = talloc_asprintf(mem_ctx, "%s%s",
				     isalpha((unsigned char)name[0]) ||
				     name[0] == '_' ? "" : "_", name);
	char *id = base;
	unsigned i;
	char *c;

	/* an XML ID (NCName) of ASCII letters, digits, '_', '-', '.' */
	for (c = base; c != NULL && *c != '\0'; c++) {
		if (!isalnum((unsigned char)*c) && strchr("_-.", *c) == NULL) {
			*c = '_';
		}
	}
	for (i = 2; id != NULL && id_taken(xml, cib, id); i++) {
		if (id != base) {
			talloc_free(id);
		}
		id = talloc_asprintf(mem_ctx, "%s-%u", base, i);
	}
	if (id != base) {
		talloc_free(base);
	}
	return id;
}

struct pcmk_change *pcmk_change_empty_group(TALLOC_CTX *mem_ctx,
					    const char *id, const char *name,
					    bool add)
{
	struct pcmk_change *c;
	char *pair_id;
	xmlNode *set;

	c = pcmk_change_new(mem_ctx, add ? PCMK_CHANGE_MODIFY :
			    PCMK_CHANGE_REMOVE, "crm_config",
			    add ? "crm_config" : "nvpair");
	pair_id = c ? talloc_asprintf(c, PCMK_GROUPS_SET "-%s", id) : NULL;
	if (pair_id == NULL) {
		TALLOC_FREE(c);
		return NULL;
	}
	if (!add) {
		if (xmlNewProp(c->xml, BAD_CAST "id", BAD_CAST pair_id) ==
		    NULL) {
			TALLOC_FREE(c);
		}
		return c;
	}
	set = pcmk_xml_add(c->xml, "cluster_property_set", "id",
			   PCMK_GROUPS_SET, NULL);
	if (pcmk_xml_add(set, "nvpair", "id", pair_id, "name", id, "value",
			 name, NULL) == NULL) {
		TALLOC_FREE(c);
	}
	return c;
}

/* <meta_attributes id=ID-meta_attributes> with its first nvpair */
static xmlNode *add_meta(xmlNode *parent, const char *id, const char *name,
			 const char *value)
{
	char set_id[256], pair_id[300];
	xmlNode *set;

	snprintf(set_id, sizeof(set_id), "%s-meta_attributes", id);
	snprintf(pair_id, sizeof(pair_id), "%s-%s", set_id, name);
	set = pcmk_xml_add(parent, "meta_attributes", "id", set_id, NULL);
	return pcmk_xml_add(set, "nvpair", "id", pair_id, "name", name,
			    "value", value, NULL) != NULL ? set : NULL;
}

static bool add_name(xmlNode *set, const char *id, const char *name)
{
	char pair_id[300];

	if (strcmp(id, name) == 0) {
		return true;
	}
	snprintf(pair_id, sizeof(pair_id), "%s-meta_attributes-"
		 PCMK_NAME_ATTR, id);
	return pcmk_xml_add(set, "nvpair", "id", pair_id, "name",
			    PCMK_NAME_ATTR, "value", name, NULL) != NULL;
}

/* the <group> to put a primitive in: @g's, new when @g is empty */
static xmlNode *group_elem(xmlNode *parent, const struct pcmk_group *g)
{
	xmlNode *x = pcmk_xml_add(parent, "group", "id", g->id, NULL);

	if (x == NULL || !g->empty || strcmp(g->id, g->name) == 0) {
		return x;
	}
	return add_meta(x, g->id, PCMK_NAME_ATTR, g->name) != NULL ? x : NULL;
}

struct pcmk_change *pcmk_change_primitive_add(TALLOC_CTX *mem_ctx,
					      const struct pcmk_group *g,
					      const char *id,
					      const char *name,
					      const char *agent)
{
	char *a = talloc_strdup(mem_ctx, agent);
	char *class = a, *provider = NULL, *type = NULL;
	struct pcmk_change *c = NULL;
	xmlNode *p, *set;

	type = a ? strchr(a, ':') : NULL;
	if (type != NULL) {
		*type++ = '\0';
		provider = strchr(type, ':') ? type : NULL;
		type = provider ? strchr(provider, ':') : type;
		if (provider != NULL) {
			*type++ = '\0';
		}
	}
	if (type != NULL && *type != '\0' && !g->solo) {
		c = pcmk_change_new(mem_ctx, PCMK_CHANGE_MODIFY, "resources",
				    "resources");
	}
	p = c ? pcmk_xml_add(group_elem(c->xml, g), "primitive", "id", id,
			     "class", class, "provider", provider, "type",
			     type, NULL) : NULL;
	set = add_meta(p, id, "target-role", "Stopped");
	if (set == NULL || !add_name(set, id, name)) {
		TALLOC_FREE(c);
	}
	talloc_free(a);
	return c;
}

struct pcmk_change *pcmk_change_rsc_remove(TALLOC_CTX *mem_ctx,
					   const char *elem, const char *id)
{
	struct pcmk_change *c = pcmk_change_new(mem_ctx, PCMK_CHANGE_REMOVE,
						"resources", elem);

	if (c != NULL &&
	    xmlNewProp(c->xml, BAD_CAST "id", BAD_CAST id) == NULL) {
		TALLOC_FREE(c);
	}
	return c;
}

/* primitive @id in <resources> @res or in one of its groups */
static xmlNode *find_primitive(xmlNode *res, const char *id,
			       xmlNode **parent)
{
	xmlNode *n, *p = pcmk_xml_child(res, "primitive", id);

	*parent = res;
	for (n = res->children; p == NULL && n != NULL; n = n->next) {
		if (pcmk_xml_is(n, "group")) {
			p = pcmk_xml_child(n, "primitive", id);
			*parent = n;
		}
	}
	return p;
}

struct pcmk_change *pcmk_change_primitive_move(TALLOC_CTX *mem_ctx,
					       const xmlNode *xml,
					       const char *id,
					       const struct pcmk_group *g)
{
	xmlNode *res = pcmk_xml_child(
		pcmk_xml_child(xml, "configuration", NULL), "resources", NULL);
	xmlNode *p, *from, *to;
	struct pcmk_change *c = NULL;

	if (res != NULL && !g->solo) {
		c = pcmk_change_new(mem_ctx, PCMK_CHANGE_REPLACE, "resources",
				    "resources");
	}
	if (c == NULL) {
		return NULL;
	}
	xmlFreeNode(c->xml);
	c->xml = xmlCopyNode(res, 1);
	p = c->xml ? find_primitive(c->xml, id, &from) : NULL;
	to = c->xml ? pcmk_xml_child(c->xml, "group", g->id) : NULL;
	if (to == NULL && c->xml != NULL) {
		to = group_elem(c->xml, g);
	}
	if (p == NULL || to == NULL) {
		TALLOC_FREE(c);
		return NULL;
	}
	xmlUnlinkNode(p);
	xmlAddChild(to, p);
	/* a <group> left without a primitive goes (PCMK_GROUPS_SET) */
	if (from != c->xml && pcmk_xml_child(from, "primitive", NULL) == NULL) {
		xmlUnlinkNode(from);
		xmlFreeNode(from);
	}
	return c;
}
