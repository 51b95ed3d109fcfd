/*
 * clusapi - the Pacemaker backend: groups and resources created,
 * renamed, deleted and moved between groups, written to the CIB
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model has checked each request (backend.h).  Each call writes the
 * CIB synchronously (cib_write.c says what), reads it back and puts it
 * into the model in one backend transaction (backend_sync.c), so every
 * client sees the change when the call returns; another clusapid sees
 * it through its CIB diff.  Where two writes are needed (a group that
 * gains its first primitive or loses its last: PCMK_GROUPS_SET), the
 * first leaves the CIB meaning the same as before (an empty-group entry
 * beside its <group> is not read), and is undone when the second fails.
 *
 * A primitive outside any group is a group of its own that cannot take
 * a second resource: creating or moving a resource into it answers
 * ERROR_NOT_SUPPORTED (put the primitive in a <group> first).
 */

#include <string.h>

#include "pcmk_backend_private.h"

static struct pcmk_backend *backend_of(struct clus_model *m)
{
	return m->backend_private;
}

static const struct pcmk_cib *cib_of(struct clus_model *m)
{
	return pcmk_conn_cib(backend_of(m)->conn);
}

/*
 * @second, which takes @pg's last member away, after @pg's entry among
 * the empty groups (taken back if @second is refused); NULL when out of
 * memory
 */
static struct pcmk_change *emptied(struct pcmk_backend *b,
				   const struct pcmk_group *pg,
				   struct pcmk_change *second)
{
	struct pcmk_change *c = pcmk_change_empty_group(b, pg->id, pg->name,
							true);

	if (c == NULL || second == NULL) {
		talloc_free(c);
		talloc_free(second);
		return NULL;
	}
	c->undo = pcmk_change_empty_group(c, pg->id, pg->name, false);
	c->next = talloc_steal(c, second);
	if (c->undo == NULL) {
		TALLOC_FREE(c);
	}
	return c;
}

/* The model's group @g as the CIB has it (out of step: not found) */
static const struct pcmk_group *cib_group(struct clus_model *m,
					  const struct clus_group *g)
{
	return pcmk_cib_group(cib_of(m), g->id);
}

/*
 * @c, which puts a member into the group of id @id; when the group was
 * empty (@was_empty), its entry among the empty groups goes after it (a
 * leftover entry beside the <group> is not read)
 */
static uint32_t apply_into(struct pcmk_backend *b, struct pcmk_change *c,
			   const char *id, bool was_empty)
{
	uint32_t err = pcmk_backend_apply(b, c);

	if (err == CM_ERROR_SUCCESS && was_empty) {
		pcmk_backend_apply(b, pcmk_change_empty_group(b, id, NULL,
							      false));
	}
	return err;
}

uint32_t pcmk_obj_group_create(struct clus_model *m, const char *name,
			       uint32_t group_type, struct clus_group **group)
{
	struct pcmk_backend *b = backend_of(m);
	char *id = pcmk_cib_new_id(b, pcmk_conn_xml(b->conn), cib_of(m),
				   name);
	uint32_t err;

	if (id == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	err = pcmk_backend_write(b, pcmk_change_empty_group(b, id, name, true));
	*group = clus_group_by_id(m, id);
	talloc_free(id);
	if (err == CM_ERROR_SUCCESS && *group == NULL) {
		err = CM_ERROR_GROUP_NOT_FOUND;
	}
	return err;
}

/* @g renamed to @name, or (@name NULL) deleted with its resources */
static uint32_t group_write(struct clus_model *m, struct clus_group *g,
			   const char *name)
{
	struct pcmk_backend *b = backend_of(m);
	const struct pcmk_group *pg = cib_group(m, g);
	struct pcmk_change *c;

	if (pg == NULL) {
		return CM_ERROR_GROUP_NOT_FOUND;
	}
	if (pg->empty) {
		c = pcmk_change_empty_group(b, pg->id, name, name != NULL);
	} else if (name == NULL) {
		c = pcmk_change_rsc_remove(b, pg->solo ? "primitive" : "group",
					   pg->id);
	} else {
		c = pcmk_change_meta(b, cib_of(m), pg->id, pg->solo ?
				     PCMK_GROUP_NAME_ATTR : PCMK_NAME_ATTR,
				     name);
	}
	return pcmk_backend_write(b, c);
}

uint32_t pcmk_obj_group_delete(struct clus_model *m, struct clus_group *g)
{
	return group_write(m, g, NULL);
}

uint32_t pcmk_obj_group_rename(struct clus_model *m, struct clus_group *g,
			       const char *name)
{
	return group_write(m, g, name);
}

uint32_t pcmk_obj_resource_create(struct clus_model *m,
				  struct clus_group *g, const char *name,
				  struct clus_restype *type,
				  struct clus_resource **res)
{
	struct pcmk_backend *b = backend_of(m);
	const struct pcmk_group *pg = cib_group(m, g);
	struct pcmk_change *c;
	bool was_empty;
	uint32_t err;
	char *id;

	if (pg == NULL) {
		return CM_ERROR_GROUP_NOT_FOUND;
	}
	if (pg->solo) {
		return CM_ERROR_NOT_SUPPORTED;
	}
	was_empty = pg->empty;
	id = pcmk_cib_new_id(b, pcmk_conn_xml(b->conn), cib_of(m), name);
	c = id ? pcmk_change_primitive_add(b, pg, id, name, type->name) :
		NULL;
	if (c == NULL) {
		talloc_free(id);
		return id ? CM_ERROR_CLUSTER_RESOURCE_TYPE_NOT_FOUND :
			CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	err = apply_into(b, c, g->id, was_empty);
	err = err != CM_ERROR_SUCCESS ? err : pcmk_backend_show(b);
	*res = clus_resource_by_id(m, id);
	talloc_free(id);
	if (err == CM_ERROR_SUCCESS && *res == NULL) {
		err = CM_ERROR_RESOURCE_NOT_FOUND;
	}
	return err;
}

uint32_t pcmk_obj_resource_delete(struct clus_model *m,
				  struct clus_resource *r)
{
	struct pcmk_backend *b = backend_of(m);
	const struct pcmk_group *pg = cib_group(m, r->group);

	if (pg == NULL || pcmk_cib_primitive(cib_of(m), r->id) == NULL) {
		return CM_ERROR_RESOURCE_NOT_FOUND;
	}
	if (pg->num_members > 1) {
		return pcmk_backend_write(
			b, pcmk_change_rsc_remove(b, "primitive", r->id));
	}
	/* the group stays, empty (MS-CMRP: a resource leaves its group) */
	return pcmk_backend_write(b, emptied(b, pg, pcmk_change_rsc_remove(
				     b, pg->solo ? "primitive" : "group",
				     pg->id)));
}

uint32_t pcmk_obj_resource_rename(struct clus_model *m,
				  struct clus_resource *r, const char *name)
{
	struct pcmk_backend *b = backend_of(m);

	if (pcmk_cib_primitive(cib_of(m), r->id) == NULL) {
		return CM_ERROR_RESOURCE_NOT_FOUND;
	}
	return pcmk_backend_write(b, pcmk_change_meta(b, cib_of(m), r->id,
						      PCMK_NAME_ATTR, name));
}

uint32_t pcmk_obj_resource_change_group(struct clus_model *m,
					struct clus_resource *r,
					struct clus_group *g)
{
	struct pcmk_backend *b = backend_of(m);
	const struct pcmk_group *from, *to;
	struct pcmk_change *c;
	bool to_empty;
	uint32_t err;

	/* the replace writes what was read: read it as late as can be */
	if (pcmk_conn_reload(b->conn) != 0) {
		return CM_ERROR_BADDB;
	}
	from = cib_group(m, r->group);
	to = cib_group(m, g);
	if (from == NULL || to == NULL) {
		return CM_ERROR_GROUP_NOT_FOUND;
	}
	if (to->solo) {
		return CM_ERROR_NOT_SUPPORTED;
	}
	to_empty = to->empty;
	c = pcmk_change_primitive_move(b, pcmk_conn_xml(b->conn), r->id, to);
	if (c == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	if (from->num_members == 1 && !from->solo) {
		c = emptied(b, from, c);
	}
	err = apply_into(b, c, g->id, to_empty);
	return err != CM_ERROR_SUCCESS ? err : pcmk_backend_show(b);
}
