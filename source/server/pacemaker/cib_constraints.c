/*
 * clusapi: MS-CMRP's dependencies, possible owners and preferred owners
 * as CIB constraints, read and written
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   R depends on D	<rsc_order id="clusapi-dep-R-D" first="D"
 *			 then="R"/> (mandatory, start then start).  Read:
 *			every plain mandatory start-start order of two
 *			primitives, whoever wrote it.  A group already
 *			orders and colocates its members, and MS-CMRP
 *			allows dependencies inside a group only, so no
 *			colocation is written.
 *   N is not a		<rsc_location id="clusapi-owner-R-N" rsc="R"
 *   possible owner of R node="N" score="-INFINITY"/>.  Read: every
 *			such location without rule, of every role
 *			(crm_resource --ban writes role Started).
 *   preferred owners	<rsc_location id="clusapi-pref-G-N" rsc="G"
 *   of G, in order	 node="N" score="K"/>, K from the number of
 *			nodes down to 1.  Read: every location of G on a
 *			node with a positive score, not a move's (cli-*),
 *			highest score first.
 *
 * A write merges the new constraints in, then removes those the reading
 * rule finds for the object that are not among them (two CIB updates,
 * the first taken back if the second fails); every other constraint,
 * and whatever another tool writes meanwhile, stays as it is.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pcmk.h"

#define SCORE_INFINITY	1000000

static int score_of(const char *s)
{
	if (s == NULL) {
		return 0;
	}
	if (strcasecmp(s, "INFINITY") == 0 ||
	    strcasecmp(s, "+INFINITY") == 0) {
		return SCORE_INFINITY;
	}
	if (strcasecmp(s, "-INFINITY") == 0) {
		return -SCORE_INFINITY;
	}
	return atoi(s);
}

static bool is_start(const char *action)
{
	return action == NULL || strcmp(action, "start") == 0;
}

/* the provider constraint @i makes @rsc depend on, or NULL */
static const char *dep_match(const struct pcmk_cib *cib, size_t i,
			     const char *rsc, const char **id, int *score)
{
	const struct pcmk_order *o = &cib->orders[i];

	if (strcmp(o->then, rsc) != 0 ||
	    pcmk_cib_primitive(cib, o->first) == NULL ||
	    (o->kind != NULL && strcmp(o->kind, "Mandatory") != 0) ||
	    !is_start(o->first_action) || !is_start(o->then_action)) {
		return NULL;
	}
	*id = o->id;
	*score = 0;
	return o->first;
}

static const struct pcmk_location *plain_location(const struct pcmk_cib *cib,
						  size_t i, const char *rsc)
{
	const struct pcmk_location *l = &cib->locations[i];

	/* role Started is every role for a primitive (crm_resource --ban) */
	if (l->rsc == NULL || strcmp(l->rsc, rsc) != 0 || l->node == NULL ||
	    l->rule || (l->role != NULL && strcmp(l->role, "Started") != 0)) {
		return NULL;
	}
	return l;
}

/* the node constraint @i bans @rsc from, or NULL */
static const char *ban_match(const struct pcmk_cib *cib, size_t i,
			     const char *rsc, const char **id, int *score)
{
	const struct pcmk_location *l = plain_location(cib, i, rsc);

	if (l == NULL || score_of(l->score) != -SCORE_INFINITY) {
		return NULL;
	}
	*id = l->id;
	*score = 0;
	return l->node;
}

/* the node constraint @i prefers for @rsc, or NULL */
static const char *pref_match(const struct pcmk_cib *cib, size_t i,
			      const char *rsc, const char **id, int *score)
{
	const struct pcmk_location *l = plain_location(cib, i, rsc);

	if (l == NULL || score_of(l->score) <= 0 ||
	    strncmp(l->id, "cli-", 4) == 0) {
		return NULL;
	}
	*id = l->id;
	*score = score_of(l->score);
	return l->node;
}

static xmlNode *add_con(xmlNode *parent, const char *elem, const char *id,
			const char *a1, const char *v1, const char *a2,
			const char *v2, const char *a3, const char *v3)
{
	xmlNode *n = xmlNewChild(parent, NULL, BAD_CAST elem, NULL);

	if (n == NULL ||
	    xmlNewProp(n, BAD_CAST "id", BAD_CAST id) == NULL ||
	    xmlNewProp(n, BAD_CAST a1, BAD_CAST v1) == NULL ||
	    xmlNewProp(n, BAD_CAST a2, BAD_CAST v2) == NULL ||
	    xmlNewProp(n, BAD_CAST a3, BAD_CAST v3) == NULL) {
		return NULL;
	}
	return n;
}

static xmlNode *dep_add(xmlNode *parent, const char *id, const char *rsc,
			const char *name, const char *score)
{
	return add_con(parent, "rsc_order", id, "first", name, "then", rsc,
		       "kind", "Mandatory");
}

static xmlNode *loc_add(xmlNode *parent, const char *id, const char *rsc,
			const char *name, const char *score)
{
	return add_con(parent, "rsc_location", id, "rsc", rsc, "node", name,
		       "score", score);
}

static size_t num_orders(const struct pcmk_cib *cib)
{
	return cib->num_orders;
}

static size_t num_locations(const struct pcmk_cib *cib)
{
	return cib->num_locations;
}

static const struct aspect {
	const char *prefix;	/* of the ids clusapid writes */
	size_t (*count)(const struct pcmk_cib *cib);
	/* the name constraint i gives rsc (its id and score), or NULL */
	const char *(*match)(const struct pcmk_cib *cib, size_t i,
			     const char *rsc, const char **id, int *score);
	xmlNode *(*add)(xmlNode *parent, const char *id, const char *rsc,
			const char *name, const char *score);
} aspects[] = {
	[PCMK_ASPECT_DEPS] = { "clusapi-dep", num_orders, dep_match,
			       dep_add },
	[PCMK_ASPECT_BANS] = { "clusapi-owner", num_locations, ban_match,
			       loc_add },
	[PCMK_ASPECT_PREFERRED] = { "clusapi-pref", num_locations,
				    pref_match, loc_add },
};

struct found {
	const char *name;
	const char *id;
	int score;
};

/* the constraints that give @rsc its @a, highest score first */
static struct found *find_all(TALLOC_CTX *mem_ctx, const struct pcmk_cib *cib,
			      const struct aspect *a, const char *rsc,
			      size_t *num)
{
	size_t i, j, n = 0, count = a->count(cib);
	struct found *f = talloc_zero_array(mem_ctx, struct found, count + 1);

	for (i = 0; f != NULL && i < count; i++) {
		struct found new = { .name = NULL };

		new.name = a->match(cib, i, rsc, &new.id, &new.score);
		if (new.name == NULL) {
			continue;
		}
		/* insertion keeps the CIB's order among equal scores */
		for (j = n; j > 0 && f[j - 1].score < new.score; j--) {
			f[j] = f[j - 1];
		}
		f[j] = new;
		n++;
	}
	*num = n;
	return f;
}

const char **pcmk_cib_aspect(TALLOC_CTX *mem_ctx, const struct pcmk_cib *cib,
			     enum pcmk_aspect aspect, const char *rsc,
			     size_t *num)
{
	struct found *f = find_all(mem_ctx, cib, &aspects[aspect], rsc, num);
	const char **names;
	size_t i, j, n = 0;

	names = f ? talloc_zero_array(mem_ctx, const char *, *num + 1) : NULL;
	for (i = 0; names != NULL && i < *num; i++) {
		for (j = 0; j < n && strcmp(names[j], f[i].name) != 0; j++) {
		}
		if (j == n) {
			names[n++] = f[i].name;
		}
	}
	talloc_free(f);
	*num = n;
	return names;
}

const xmlNode *pcmk_cib_constraints_xml(const xmlNode *cib)
{
	return pcmk_xml_child(pcmk_xml_child(cib, "configuration", NULL),
			      "constraints", NULL);
}

/* a copy of @was (NULL: none, false) under @parent */
static bool add_copy(xmlNode *parent, const xmlNode *was)
{
	return was != NULL &&
	       xmlAddChild(parent, xmlCopyNode((xmlNode *)(uintptr_t)was,
					       1)) != NULL;
}

/* <ELEM id=ID/> under @parent: what a removal names */
static bool add_id(xmlNode *parent, const char *elem, const char *id)
{
	return pcmk_xml_add(parent, elem, "id", id, NULL) != NULL;
}

static bool add_new(xmlNode *cons, const struct aspect *a, const char *rsc,
		    const char * const *names, size_t num)
{
	char id[512], score[24];
	size_t i;

	for (i = 0; i < num; i++) {
		snprintf(id, sizeof(id), "%s-%s-%s", a->prefix, rsc, names[i]);
		snprintf(score, sizeof(score), "%zu", num - i);
		if (a->add(cons, id, rsc, names[i],
			   a == &aspects[PCMK_ASPECT_BANS] ? "-INFINITY" :
			   score) == NULL) {
			return false;
		}
	}
	return true;
}

/*
 * Taking back @add: what it created goes, what it merged into comes
 * back as @old had it
 */
static bool undo_add(struct pcmk_change *add, const xmlNode *old)
{
	struct pcmk_change *gone, *back;
	const xmlNode *n;
	bool ok = true;

	gone = pcmk_change_new(add, PCMK_CHANGE_REMOVE, "constraints",
			       "constraints");
	back = pcmk_change_new(add, PCMK_CHANGE_MODIFY, "constraints",
			       "constraints");
	if (gone == NULL || back == NULL) {
		return false;
	}
	for (n = add->xml->children; ok && n != NULL; n = n->next) {
		xmlChar *id = xmlGetProp(n, BAD_CAST "id");
		const xmlNode *was = id != NULL ?
			pcmk_xml_child(old, NULL, (const char *)id) : NULL;

		if (id == NULL) {
			ok = false;
		} else if (was == NULL) {
			ok = add_id(gone->xml, (const char *)n->name,
				    (const char *)id);
		} else {
			ok = add_copy(back->xml, was);
		}
		xmlFree(id);
	}
	gone->next = back;
	add->undo = gone;
	return ok;
}

/*
 * Two CIB updates, neither of which loses what another writer put in
 * the section meanwhile: the new constraints merged in first (an id
 * already there is updated), then the ones found for @rsc that are not
 * among them removed.  Between the two the object has both, never
 * neither: no moment with fewer bans than before or after.
 */
struct pcmk_change *pcmk_change_aspect(TALLOC_CTX *mem_ctx,
				       const struct pcmk_cib *cib,
				       const xmlNode *constraints,
				       enum pcmk_aspect aspect,
				       const char *rsc,
				       const char * const *names, size_t num)
{
	const struct aspect *a = &aspects[aspect];
	const char *elem = a->add == dep_add ? "rsc_order" : "rsc_location";
	struct pcmk_change *add, *drop;
	struct found *f;
	size_t i, n = 0;
	bool ok;

	add = pcmk_change_new(mem_ctx, PCMK_CHANGE_MODIFY, "constraints",
			      "constraints");
	if (add == NULL) {
		return NULL;
	}
	drop = pcmk_change_new(add, PCMK_CHANGE_REMOVE, "constraints",
			       "constraints");
	f = drop ? find_all(drop, cib, a, rsc, &n) : NULL;
	ok = f != NULL && add_new(add->xml, a, rsc, names, num) &&
	     undo_add(add, constraints);
	if (ok) {
		/* what the removal takes, put back as it was */
		drop->undo = pcmk_change_new(drop, PCMK_CHANGE_MODIFY,
					     "constraints", "constraints");
		ok = drop->undo != NULL;
	}
	for (i = 0; ok && i < n; i++) {
		if (pcmk_xml_child(add->xml, NULL, f[i].id) == NULL) {
			ok = add_id(drop->xml, elem, f[i].id) &&
			     add_copy(drop->undo->xml,
				      pcmk_xml_child(constraints, NULL,
						     f[i].id));
		}
	}
	if (!ok) {
		TALLOC_FREE(add);
		return NULL;
	}
	if (drop->xml->children != NULL) {
		add->next = drop;
	}
	return add;
}
