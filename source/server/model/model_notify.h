/*
 * clusapi - cluster model: notification ports
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Included by model.h; include that.
 */

#ifndef CLUSAPI_MODEL_NOTIFY_H
#define CLUSAPI_MODEL_NOTIFY_H

#include "model_objects.h"
#include <talloc.h>
#include <tevent.h>

/* ---------------------------------------------------------------------
 * Notification ports.  Not stored: they live as long as the caller's
 * talloc context (or until the model goes away).
 * --------------------------------------------------------------------- */

struct clus_notify_event {
	uint32_t notify_key;		/* dwNotifyKey of the filter */
	uint32_t object_type;		/* CM_OBJ_* */
	uint32_t filter;		/* v1: one CM_CHANGE_* bit */
	uint64_t filter_flags;		/* v2: one CM_CHANGE_*_V2 bit */
	uint32_t state_sequence;	/* of the object, 0 if it has none */
	char *name;			/* object name (registry: path) */
	char *object_id;
	char *parent_id;		/* group: owner node id; resource:
					   group id; netif: node id */
	char *type;			/* resource: type name, else "" */
	/*
	 * v2 payload.  For *_STATE_V2 events the new state as 4 bytes
	 * little endian; empty otherwise.
	 */
	uint8_t *buffer;
	uint32_t buffer_len;
	uint32_t state;			/* new state for state events */
};

struct clus_notify_port;

/* @version 1 (ApiCreateNotify) or 2 (ApiCreateNotifyV2) */
uint32_t clus_notify_port_create(TALLOC_CTX *mem_ctx, struct clus_model *m,
				 uint32_t version,
				 struct clus_notify_port **port);
uint32_t clus_notify_port_version(const struct clus_notify_port *port);

/*
 * Version 1 filter (ApiAddNotifyCluster/Node/Group/Resource/Key/Network/
 * NetInterface).  @object_type CM_OBJ_CLUSTER with @object_id NULL
 * watches every object.  For CM_OBJ_REGISTRY @object_id is the key path
 * and @watch_subtree includes the keys below it.  Filters the spec
 * forbids (REGISTRY_SUBTREE, CLUSTER_STATE, CLUSTER_RECONNECT,
 * HANDLE_CLOSE) or an empty filter: CM_ERROR_INVALID_PARAMETER.
 * *state_seq (may be NULL) receives the object's state sequence.
 */
uint32_t clus_notify_add_v1(struct clus_notify_port *port,
			    uint32_t object_type, const char *object_id,
			    uint32_t filter, uint32_t notify_key,
			    bool watch_subtree, uint32_t *state_seq);
/* ApiReAddNotify*: as add, plus a state event if @state_seq is stale */
uint32_t clus_notify_readd_v1(struct clus_notify_port *port,
			      uint32_t object_type, const char *object_id,
			      uint32_t filter, uint32_t notify_key,
			      uint32_t state_seq);
/*
 * Version 2 filter (ApiAddNotifyV2): events of @object_type whose flag
 * is in @filter_flags; only of @object_id if it is not NULL.
 */
uint32_t clus_notify_add_v2(struct clus_notify_port *port,
			    uint32_t object_type, uint64_t filter_flags,
			    const char *object_id, uint32_t notify_key,
			    uint32_t version);

uint32_t clus_notify_port_num_events(const struct clus_notify_port *port);
/* Events lost because the queue was full (notify_queue_max) */
uint32_t clus_notify_port_num_dropped(const struct clus_notify_port *port);
#define CM_NOTIFY_QUEUE_MAX 100000
/* Oldest event, now owned by @mem_ctx; NULL when the queue is empty */
struct clus_notify_event *clus_notify_port_pop(struct clus_notify_port *port,
					       TALLOC_CTX *mem_ctx);

enum clus_notify_wait_result {
	CLUS_NOTIFY_EVENTS	= 0,	/* at least one event is queued */
	CLUS_NOTIFY_UNBLOCKED	= 1,	/* ApiUnblockGetNotifyCall */
	CLUS_NOTIFY_CLOSED	= 2,	/* port closed or model gone */
	CLUS_NOTIFY_TIMEOUT	= 3,	/* tevent_req_set_endtime() */
};

/*
 * The blocking part of ApiGetNotify(V2): completes when an event is
 * queued (at once if one is), when the port is unblocked or closed.
 */
struct tevent_req *clus_notify_wait_send(TALLOC_CTX *mem_ctx,
					 struct tevent_context *ev,
					 struct clus_notify_port *port);
int clus_notify_wait_recv(struct tevent_req *req,
			  enum clus_notify_wait_result *result);
/* Completes pending waits, and every later wait, with UNBLOCKED */
void clus_notify_port_unblock(struct clus_notify_port *port);
/* Completes pending waits with CLOSED and drops all filters and events */
void clus_notify_port_close(struct clus_notify_port *port);

#endif /* CLUSAPI_MODEL_NOTIFY_H */
