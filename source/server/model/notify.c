/*
 * clusapi - cluster model: notification ports (version 1 and 2)
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Model code describes each change once (struct clus_change) while its
 * transaction runs; after the commit every port gets one event per
 * matching filter, as MS-CMRP asks ("a separate event indication for
 * every filter").  Nothing is built when no port exists, so bulk work on
 * 100,000 groups costs nothing here.
 */

#include <errno.h>
#include <string.h>
#include <strings.h>

#include "model_private.h"

struct clus_notify_filter {
	uint32_t object_type;		/* CM_OBJ_* */
	char *object_id;		/* NULL: every object */
	uint32_t filter;		/* v1 */
	uint64_t flags;			/* v2 */
	uint32_t key;
	bool subtree;			/* v1 registry */
};

struct clus_notify_port {
	struct clus_model *m;
	struct clus_link link;
	uint32_t version;
	struct clus_notify_filter *filters;
	uint32_t num_filters;
	struct clus_notify_event **queue;	/* FIFO: [head, tail) */
	uint32_t head, tail, alloc;
	uint32_t dropped;
	struct clus_list waiters;	/* waiter.c's */
	bool unblocked;
	bool closed;
};

static void notify_wake(struct clus_notify_port *port,
			enum clus_notify_wait_result result)
{
	waiters_wake(&port->waiters, result);
}

static int notify_port_destructor(struct clus_notify_port *port)
{
	if (port->m != NULL) {
		clus_list_remove(&port->m->ports, &port->link);
		port->m = NULL;
	}
	notify_wake(port, CLUS_NOTIFY_CLOSED);
	return 0;
}

void notify_model_gone(struct clus_model *m)
{
	while (m->ports.first != NULL) {
		struct clus_notify_port *port = CLUS_ITEM(
			m->ports.first, struct clus_notify_port, link);

		clus_list_remove(&m->ports, &port->link);
		port->m = NULL;
		port->closed = true;
		notify_wake(port, CLUS_NOTIFY_CLOSED);
	}
}

uint32_t clus_notify_port_create(TALLOC_CTX *mem_ctx, struct clus_model *m,
				 uint32_t version,
				 struct clus_notify_port **pport)
{
	struct clus_notify_port *port;

	if (version != 1 && version != 2) {
		return CM_ERROR_INVALID_PARAMETER;
	}
	port = talloc_zero(mem_ctx, struct clus_notify_port);
	if (port == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	port->m = m;
	port->version = version;
	clus_list_append(&m->ports, &port->link);
	talloc_set_destructor(port, notify_port_destructor);
	*pport = port;
	return CM_ERROR_SUCCESS;
}

uint32_t clus_notify_port_version(const struct clus_notify_port *port)
{
	return port->version;
}

static uint32_t notify_add_filter(struct clus_notify_port *port,
				  uint32_t object_type, const char *object_id,
				  uint32_t filter, uint64_t flags,
				  uint32_t key, bool subtree)
{
	struct clus_notify_filter *n;
	struct clus_notify_filter *f;

	if (port->closed || port->m == NULL) {
		return CM_ERROR_INVALID_PARAMETER;
	}
	n = talloc_realloc(port, port->filters, struct clus_notify_filter,
			   port->num_filters + 1);
	if (n == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	port->filters = n;
	f = &n[port->num_filters];
	*f = (struct clus_notify_filter) {
		.object_type = object_type,
		.filter = filter,
		.flags = flags,
		.key = key,
		.subtree = subtree,
	};
	if (object_id != NULL) {
		f->object_id = talloc_strdup(n, object_id);
		if (f->object_id == NULL) {
			return CM_ERROR_NOT_ENOUGH_MEMORY;
		}
	}
	port->num_filters++;
	return CM_ERROR_SUCCESS;
}

/* The objects whose state v1 filters follow by sequence number */
#define SEQ_KIND(type, knd, ctype, filter) \
	{ (type), (knd), (filter), offsetof(ctype, state), \
	  offsetof(ctype, state_seq) }

static const struct {
	uint32_t obj_type;		/* CM_OBJ_* */
	uint8_t kind;			/* CLUS_KIND_* */
	uint32_t v1;			/* its state filter */
	size_t state, state_seq;	/* uint32_t in the object */
} seq_kinds[] = {
	SEQ_KIND(CM_OBJ_GROUP, CLUS_KIND_GROUP, struct clus_group,
		 CM_CHANGE_GROUP_STATE),
	SEQ_KIND(CM_OBJ_RESOURCE, CLUS_KIND_RESOURCE, struct clus_resource,
		 CM_CHANGE_RESOURCE_STATE),
	SEQ_KIND(CM_OBJ_NODE, CLUS_KIND_NODE, struct clus_node,
		 CM_CHANGE_NODE_STATE),
};

/*
 * The state sequence number of the object @id of @type, its state, its
 * state filter (0: v1 filters follow no state of @type) and the object
 * (NULL if there is none); 0 without one.
 */
static uint32_t notify_object_seq(struct clus_model *m, uint32_t type,
				  const char *id, uint32_t *state,
				  uint32_t *state_filter,
				  const struct clus_object **obj)
{
	const char *o = NULL;
	size_t i;

	*state_filter = 0;
	for (i = 0; i < sizeof(seq_kinds) / sizeof(seq_kinds[0]); i++) {
		if (seq_kinds[i].obj_type == type) {
			*state_filter = seq_kinds[i].v1;
			o = obj_by_id(m, seq_kinds[i].kind, id);
			break;
		}
	}
	*obj = (const struct clus_object *)o;
	if (o == NULL) {
		*state = 0;
		return 0;
	}
	*state = *(const uint32_t *)(o + seq_kinds[i].state);
	return *(const uint32_t *)(o + seq_kinds[i].state_seq);
}

#define CM_CHANGE_V1_FORBIDDEN (CM_CHANGE_REGISTRY_SUBTREE | \
				CM_CHANGE_CLUSTER_STATE | \
				CM_CHANGE_CLUSTER_RECONNECT | \
				CM_CHANGE_HANDLE_CLOSE)

uint32_t clus_notify_add_v1(struct clus_notify_port *port,
			    uint32_t object_type, const char *object_id,
			    uint32_t filter, uint32_t notify_key,
			    bool watch_subtree, uint32_t *state_seq)
{
	const struct clus_object *obj;
	uint32_t state, state_filter;
	uint32_t err;

	if (port->version != 1 || filter == 0 ||
	    (filter & CM_CHANGE_V1_FORBIDDEN) != 0) {
		return CM_ERROR_INVALID_PARAMETER;
	}
	if (object_type == CM_OBJ_CLUSTER) {
		object_id = NULL;
	} else if (object_id == NULL) {
		return CM_ERROR_INVALID_PARAMETER;
	}
	err = notify_add_filter(port, object_type, object_id, filter, 0,
				notify_key, watch_subtree);
	if (err != CM_ERROR_SUCCESS) {
		return err;
	}
	if (state_seq != NULL) {
		*state_seq = object_id == NULL ? 0 :
			notify_object_seq(port->m, object_type, object_id,
					  &state, &state_filter, &obj);
	}
	return CM_ERROR_SUCCESS;
}

static void notify_enqueue(struct clus_notify_port *port,
			   struct clus_notify_event *ev);

uint32_t clus_notify_readd_v1(struct clus_notify_port *port,
			      uint32_t object_type, const char *object_id,
			      uint32_t filter, uint32_t notify_key,
			      uint32_t state_seq)
{
	uint32_t cur, state, state_filter;
	const struct clus_object *obj;
	struct clus_notify_event *ev;
	const char *name;
	uint32_t err;

	err = clus_notify_add_v1(port, object_type, object_id, filter,
				 notify_key, false, &cur);
	if (err != CM_ERROR_SUCCESS || object_id == NULL) {
		return err;
	}
	cur = notify_object_seq(port->m, object_type, object_id, &state,
				&state_filter, &obj);
	if (cur == state_seq || (filter & state_filter) == 0 || obj == NULL) {
		return CM_ERROR_SUCCESS;
	}
	name = clus_object_name(obj);

	/* The client missed changes while disconnected: tell it now */
	ev = talloc_zero(port, struct clus_notify_event);
	if (ev == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	ev->notify_key = notify_key;
	ev->object_type = object_type;
	ev->filter = state_filter;
	ev->state_sequence = cur;
	ev->state = state;
	ev->name = talloc_strdup(ev, name);
	ev->object_id = talloc_strdup(ev, object_id);
	ev->parent_id = talloc_strdup(ev, "");
	ev->type = talloc_strdup(ev, "");
	if (ev->name == NULL || ev->object_id == NULL ||
	    ev->parent_id == NULL || ev->type == NULL) {
		talloc_free(ev);
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	notify_enqueue(port, ev);
	return CM_ERROR_SUCCESS;
}

uint32_t clus_notify_add_v2(struct clus_notify_port *port,
			    uint32_t object_type, uint64_t filter_flags,
			    const char *object_id, uint32_t notify_key,
			    uint32_t version)
{
	(void)version;
	if (port->version != 2 || filter_flags == 0) {
		return CM_ERROR_INVALID_PARAMETER;
	}
	return notify_add_filter(port, object_type, object_id, 0,
				 filter_flags, notify_key, false);
}

uint32_t clus_notify_port_num_events(const struct clus_notify_port *port)
{
	return port->tail - port->head;
}

uint32_t clus_notify_port_num_dropped(const struct clus_notify_port *port)
{
	return port->dropped;
}

static void notify_enqueue(struct clus_notify_port *port,
			   struct clus_notify_event *ev)
{
	/*
	 * A full queue loses its oldest event: the reader is told to
	 * re-read (RECONNECT) and then sees the newest changes in order.
	 */
	if (port->tail - port->head >= port->m->notify_queue_max) {
		TALLOC_FREE(port->queue[port->head]);
		port->head++;
		port->dropped++;
	}
	if (port->tail == port->alloc) {
		uint32_t live = port->tail - port->head;

		if (port->head > 0 && live < port->alloc / 2) {
			memmove(port->queue, port->queue + port->head,
				live * sizeof(port->queue[0]));
		} else {
			uint32_t n = port->alloc ? port->alloc * 2 : 16;
			struct clus_notify_event **q;

			q = talloc_realloc(port, port->queue,
					   struct clus_notify_event *, n);
			if (q == NULL) {
				port->dropped++;
				talloc_free(ev);
				return;
			}
			port->queue = q;
			port->alloc = n;
			if (port->head > 0) {
				memmove(port->queue,
					port->queue + port->head,
					live * sizeof(port->queue[0]));
			}
		}
		port->head = 0;
		port->tail = live;
	}
	port->queue[port->tail++] = ev;
	notify_wake(port, CLUS_NOTIFY_EVENTS);
}

struct clus_notify_event *clus_notify_port_pop(struct clus_notify_port *port,
					       TALLOC_CTX *mem_ctx)
{
	struct clus_notify_event *ev;

	if (port->head == port->tail) {
		return NULL;
	}
	ev = port->queue[port->head++];
	if (port->head == port->tail) {
		port->head = port->tail = 0;
	}
	return talloc_steal(mem_ctx, ev);
}

static bool notify_path_match(const struct clus_notify_filter *f,
			      const char *path)
{
	size_t n = strlen(f->object_id);

	if (strcasecmp(f->object_id, path) == 0) {
		return true;
	}
	if (!f->subtree) {
		return false;
	}
	if (n == 0) {
		return true;		/* the root watches everything */
	}
	return strncasecmp(f->object_id, path, n) == 0 && path[n] == '\\';
}

static bool notify_match(const struct clus_notify_port *port,
			 const struct clus_notify_filter *f,
			 const struct clus_change *c)
{
	if (port->version == 1) {
		if ((c->v1_filter & f->filter) == 0) {
			return false;
		}
		if (f->object_id == NULL) {
			return true;
		}
		if (f->object_type != c->obj_type) {
			return false;
		}
		if (c->obj_type == CM_OBJ_REGISTRY) {
			return notify_path_match(f, c->obj_id);
		}
		return strcasecmp(f->object_id, c->obj_id) == 0;
	}
	if (c->v2_flag == 0 || f->object_type != c->v2_type ||
	    (f->flags & c->v2_flag) == 0) {
		return false;
	}
	return f->object_id == NULL ||
		strcasecmp(f->object_id, c->v2_target_id) == 0;
}

static struct clus_notify_event *notify_event_new(
	struct clus_notify_port *port, const struct clus_notify_filter *f,
	const struct clus_change *c)
{
	struct clus_notify_event *ev = talloc_zero(port,
						   struct clus_notify_event);

	if (ev == NULL) {
		return NULL;
	}
	ev->notify_key = f->key;
	ev->state_sequence = c->state_seq;
	ev->state = c->state;
	if (port->version == 1) {
		ev->object_type = c->obj_type;
		ev->filter = c->v1_filter;
	} else {
		ev->object_type = c->v2_type;
		ev->filter_flags = c->v2_flag;
	}
	ev->name = talloc_strdup(ev, c->name);
	ev->object_id = talloc_strdup(ev, port->version == 1 ? c->obj_id :
				      c->v2_target_id);
	ev->parent_id = talloc_strdup(ev, c->parent_id);
	ev->type = talloc_strdup(ev, c->type);
	if (ev->name == NULL || ev->object_id == NULL ||
	    ev->parent_id == NULL || ev->type == NULL) {
		talloc_free(ev);
		return NULL;
	}
	if (c->has_state && port->version == 2) {
		ev->buffer = talloc_array(ev, uint8_t, 4);
		if (ev->buffer == NULL) {
			talloc_free(ev);
			return NULL;
		}
		ev->buffer[0] = c->state & 0xff;
		ev->buffer[1] = (c->state >> 8) & 0xff;
		ev->buffer[2] = (c->state >> 16) & 0xff;
		ev->buffer[3] = (c->state >> 24) & 0xff;
		ev->buffer_len = 4;
	}
	return ev;
}

void notify_dispatch(struct clus_model *m, struct clus_change *c)
{
	struct clus_link *l;

	for (l = m->ports.first; l != NULL; l = l->next) {
		struct clus_notify_port *port = CLUS_ITEM(
			l, struct clus_notify_port, link);
		uint32_t i;

		if (port->closed) {
			continue;
		}
		for (i = 0; i < port->num_filters; i++) {
			struct clus_notify_event *ev;

			if (!notify_match(port, &port->filters[i], c)) {
				continue;
			}
			ev = notify_event_new(port, &port->filters[i], c);
			if (ev == NULL) {
				port->dropped++;
				continue;
			}
			notify_enqueue(port, ev);
		}
	}
}

bool notify_wanted(struct clus_model *m)
{
	return m->ports.count > 0;
}

static struct clus_change *change_new(struct clus_txn *t, uint32_t obj_type,
				      const char *id, const char *name,
				      const char *parent, const char *type)
{
	struct clus_change *c = talloc_zero(t, struct clus_change);

	if (c == NULL) {
		return NULL;
	}
	c->obj_type = obj_type;
	c->v2_type = obj_type;
	c->obj_id = talloc_strdup(c, id != NULL ? id : "");
	c->v2_target_id = c->obj_id;
	c->name = talloc_strdup(c, name != NULL ? name : "");
	c->parent_id = talloc_strdup(c, parent != NULL ? parent : "");
	c->type = talloc_strdup(c, type != NULL ? type : "");
	if (c->obj_id == NULL || c->name == NULL || c->parent_id == NULL ||
	    c->type == NULL) {
		talloc_free(c);
		return NULL;
	}
	return c;
}

/* What a change says about its object */
struct change_about {
	uint32_t obj_type;		/* CM_OBJ_* */
	const char *id, *name;
	const char *parent, *type;	/* NULL: "" */
	uint32_t state_seq, state;
};

/* The filters that say an object's state changed, by CM_OBJ_* */
static const struct {
	uint32_t obj_type;
	uint32_t v1;
	uint64_t v2;
} state_filters[] = {
	{ CM_OBJ_NODE, CM_CHANGE_NODE_STATE, CM_CHANGE_NODE_STATE_V2 },
	{ CM_OBJ_GROUP, CM_CHANGE_GROUP_STATE, CM_CHANGE_GROUP_STATE_V2 },
	{ CM_OBJ_RESOURCE, CM_CHANGE_RESOURCE_STATE,
	  CM_CHANGE_RESOURCE_STATE_V2 },
	{ CM_OBJ_NETWORK, CM_CHANGE_NETWORK_STATE,
	  CM_CHANGE_NETWORK_STATE_V2 },
	{ CM_OBJ_NETINTERFACE, CM_CHANGE_NETINTERFACE_STATE,
	  CM_CHANGE_NETINTERFACE_STATE_V2 },
};

static bool change_has_state(uint32_t obj_type, uint32_t v1, uint64_t v2)
{
	size_t i;

	for (i = 0; i < sizeof(state_filters) / sizeof(state_filters[0]); i++) {
		if (state_filters[i].obj_type == obj_type) {
			return (v1 & state_filters[i].v1) ||
				(v2 & state_filters[i].v2);
		}
	}
	return false;
}

static void change_post(struct clus_txn *t, const struct change_about *a,
			uint32_t v1, uint64_t v2)
{
	struct clus_change *c;

	if (!notify_wanted(t->m)) {
		return;
	}
	c = change_new(t, a->obj_type, a->id, a->name, a->parent, a->type);
	if (c == NULL) {
		return;
	}
	c->v1_filter = v1;
	c->v2_flag = v2;
	c->state_seq = a->state_seq;
	c->state = a->state;
	c->has_state = change_has_state(a->obj_type, v1, v2);
	notify_queue(t, c);
}

void notify_node(struct clus_txn *t, struct clus_node *node,
		 uint32_t v1, uint64_t v2)
{
	const struct change_about a = {
		.obj_type = CM_OBJ_NODE,
		.id = node->id,
		.name = node->name,
		.state_seq = node->state_seq,
		.state = node->state,
	};

	change_post(t, &a, v1, v2);
}

void notify_group(struct clus_txn *t, struct clus_group *g,
		  uint32_t v1, uint64_t v2)
{
	const struct change_about a = {
		.obj_type = CM_OBJ_GROUP,
		.id = g->id,
		.name = g->name,
		.parent = g->owner != NULL ? g->owner->id : NULL,
		.state_seq = g->state_seq,
		.state = g->state,
	};

	change_post(t, &a, v1, v2);
}

void notify_resource(struct clus_txn *t, struct clus_resource *r,
		     uint32_t v1, uint64_t v2)
{
	const struct change_about a = {
		.obj_type = CM_OBJ_RESOURCE,
		.id = r->id,
		.name = r->name,
		.parent = r->group != NULL ? r->group->id : NULL,
		.type = r->type != NULL ? r->type->name : NULL,
		.state_seq = r->state_seq,
		.state = r->state,
	};

	change_post(t, &a, v1, v2);
}

void notify_network(struct clus_txn *t, struct clus_network *n,
		    uint32_t v1, uint64_t v2)
{
	const struct change_about a = {
		.obj_type = CM_OBJ_NETWORK,
		.id = n->id,
		.name = n->name,
		.state = n->state,
	};

	change_post(t, &a, v1, v2);
}

void notify_netif(struct clus_txn *t, struct clus_netif *ni,
		  uint32_t v1, uint64_t v2)
{
	const struct change_about a = {
		.obj_type = CM_OBJ_NETINTERFACE,
		.id = ni->id,
		.name = ni->name,
		.parent = ni->node != NULL ? ni->node->id : NULL,
		.state = ni->state,
	};

	change_post(t, &a, v1, v2);
}

void notify_restype(struct clus_txn *t, struct clus_restype *rt,
		    uint32_t v1, uint64_t v2)
{
	const struct change_about a = {
		.obj_type = CM_OBJ_RESOURCE_TYPE,
		.id = rt->name,
		.name = rt->name,
	};

	change_post(t, &a, v1, v2);
}

void notify_groupset(struct clus_txn *t, struct clus_groupset *s,
		     uint64_t v2)
{
	const struct change_about a = {
		.obj_type = CM_OBJ_GROUPSET,
		.id = s->id,
		.name = s->name,
	};

	change_post(t, &a, 0, v2);
}

/*
 * Cluster-wide v2 events ("a group was added") name the object they are
 * about; targeted filters on the cluster match the cluster's id.
 */
void notify_cluster(struct clus_txn *t, uint32_t v1, uint64_t v2,
		    const char *name, const char *id)
{
	struct clus_change *c;

	if (!notify_wanted(t->m)) {
		return;
	}
	c = change_new(t, CM_OBJ_CLUSTER, id != NULL ? id :
		       t->m->cluster->instance_id,
		       name != NULL ? name : t->m->cluster->name, "", "");
	if (c == NULL) {
		return;
	}
	c->v1_filter = v1;
	c->v2_flag = v2;
	c->v2_target_id = talloc_strdup(c, t->m->cluster->instance_id);
	if (c->v2_target_id == NULL) {
		talloc_free(c);
		return;
	}
	notify_queue(t, c);
}

void notify_regkey(struct clus_txn *t, struct clus_regkey *key,
		   uint32_t v1, uint64_t v2)
{
	const struct change_about a = {
		.obj_type = CM_OBJ_REGISTRY,
		.id = key->path,
		.name = key->path,
		.parent = key->parent != NULL ? key->parent->path : NULL,
	};

	change_post(t, &a, v1, v2);
}

struct tevent_req *clus_notify_wait_send(TALLOC_CTX *mem_ctx,
					 struct tevent_context *ev,
					 struct clus_notify_port *port)
{
	struct clus_list *wait_on = NULL;
	enum clus_notify_wait_result result = CLUS_NOTIFY_EVENTS;

	if (port->head != port->tail) {
		result = CLUS_NOTIFY_EVENTS;
	} else if (port->closed || port->m == NULL) {
		result = CLUS_NOTIFY_CLOSED;
	} else if (port->unblocked) {
		result = CLUS_NOTIFY_UNBLOCKED;
	} else {
		wait_on = &port->waiters;
	}
	return waiter_send(mem_ctx, ev, wait_on, result);
}

int clus_notify_wait_recv(struct tevent_req *req,
			  enum clus_notify_wait_result *result)
{
	enum tevent_req_state state;
	uint64_t err;

	if (tevent_req_is_error(req, &state, &err)) {
		if (state == TEVENT_REQ_TIMED_OUT) {
			*result = CLUS_NOTIFY_TIMEOUT;
			tevent_req_received(req);
			return 0;
		}
		tevent_req_received(req);
		return state == TEVENT_REQ_NO_MEMORY ? ENOMEM : (int)err;
	}
	*result = (enum clus_notify_wait_result)waiter_result(req);
	tevent_req_received(req);
	return 0;
}

void clus_notify_port_unblock(struct clus_notify_port *port)
{
	port->unblocked = true;
	notify_wake(port, CLUS_NOTIFY_UNBLOCKED);
}

void clus_notify_port_close(struct clus_notify_port *port)
{
	if (port->m != NULL) {
		clus_list_remove(&port->m->ports, &port->link);
		port->m = NULL;
	}
	port->closed = true;
	TALLOC_FREE(port->filters);
	port->num_filters = 0;
	while (port->head != port->tail) {
		talloc_free(port->queue[port->head++]);
	}
	port->head = port->tail = 0;
	notify_wake(port, CLUS_NOTIFY_CLOSED);
}
