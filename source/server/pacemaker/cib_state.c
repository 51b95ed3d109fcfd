/*
 * clusapi: MS-CMRP states derived from a Pacemaker CIB
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mapping is in pcmk.h. The values are the model's CM_* constants,
 * which are the wire values of MS-CMRP 3.1.4.2.x.
 */

#include <string.h>

#include "pcmk.h"
#include "server/model/model.h"

bool pcmk_node_online(const struct pcmk_node *node)
{
	return node->in_ccm && node->crmd && node->member;
}

/*
 * votequorum with one vote a node (the tests' and pcs' default): a
 * partition has quorum with more than half the nodes; two nodes run
 * with two_node, where one keeps it.  Without quorum now, any loss
 * keeps it lost.
 */
bool pcmk_voter_down_loses_quorum(const struct pcmk_cib *cib)
{
	size_t i, up = 0;

	if (!cib->have_quorum) {
		return true;
	}
	for (i = 0; i < cib->num_nodes; i++) {
		up += pcmk_node_online(&cib->nodes[i]);
	}
	if (cib->num_nodes == 2) {
		return up < 2;
	}
	return up - 1 < cib->num_nodes / 2 + 1;
}

uint32_t pcmk_node_state(const struct pcmk_node *node)
{
	if (!node->in_ccm) {
		return CM_NODE_DOWN;
	}
	if (!node->crmd || !node->member) {
		return CM_NODE_JOINING;
	}
	if (node->standby || node->paused) {
		return CM_NODE_PAUSED;
	}
	return CM_NODE_UP;
}

static bool runs_on(const struct pcmk_primitive *p, const char *node)
{
	size_t i;

	for (i = 0; i < p->num_on; i++) {
		const struct pcmk_rsc_node *on = &p->on[i];

		if (strcmp(on->node, node) == 0 &&
		    on->role != PCMK_ROLE_STOPPED &&
		    on->role != PCMK_ROLE_FAILED) {
			return true;
		}
	}
	return false;
}

/* a drain is standby: done once nothing runs there any more */
uint32_t pcmk_node_drain_status(const struct pcmk_cib *cib,
				const struct pcmk_node *node)
{
	size_t i;

	if (!node->standby) {
		return CM_DRAIN_NOT_INITIATED;
	}
	for (i = 0; i < cib->num_primitives; i++) {
		if (runs_on(&cib->primitives[i], node->name)) {
			return CM_DRAIN_IN_PROGRESS;
		}
	}
	return CM_DRAIN_COMPLETED;
}

/* the node with ROLE, NULL if none */
static const char *where(const struct pcmk_primitive *p, enum pcmk_role role)
{
	size_t i;

	for (i = 0; i < p->num_on; i++) {
		if (p->on[i].role == role) {
			return p->on[i].node;
		}
	}
	return NULL;
}

uint32_t pcmk_resource_state(const struct pcmk_primitive *p,
			     const char **owner)
{
	static const struct {
		enum pcmk_role role;
		uint32_t state;
	} order[] = {
		{ PCMK_ROLE_STOPPING, CM_RES_OFFLINE_PENDING },
		{ PCMK_ROLE_STARTING, CM_RES_ONLINE_PENDING },
		{ PCMK_ROLE_STARTED, CM_RES_ONLINE },
		{ PCMK_ROLE_FAILED, CM_RES_FAILED },
	};
	const char *node;
	size_t i;

	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		node = where(p, order[i].role);
		if (node == NULL) {
			continue;
		}
		if (order[i].role == PCMK_ROLE_FAILED &&
		    p->target_role != NULL &&
		    strcmp(p->target_role, "Stopped") == 0) {
			/* a failure of what was meant to stop */
			break;
		}
		*owner = node;
		return order[i].state;
	}
	*owner = NULL;
	return CM_RES_OFFLINE;
}

static bool is_pending(uint32_t state)
{
	return state == CM_RES_ONLINE_PENDING ||
	       state == CM_RES_OFFLINE_PENDING;
}

/*
 * A move under way: the cli-prefer constraint crm_resource --move (and
 * clusapid) writes names an online node that does not run the whole
 * group yet. A target that is down or in standby is no move that will
 * happen. Returns the target, NULL when no move is under way.
 */
static const char *moving(const struct pcmk_cib *cib,
			  const struct pcmk_group *g, const char *owner,
			  bool all_online)
{
	char *id = talloc_asprintf(NULL, "cli-prefer-%s", g->id);
	const struct pcmk_location *l = id ? pcmk_cib_location(cib, id) : NULL;
	const struct pcmk_node *n;

	talloc_free(id);
	if (l == NULL || l->node == NULL) {
		return NULL;
	}
	n = pcmk_cib_node(cib, l->node);
	if (n == NULL || !pcmk_node_online(n) || n->standby) {
		return NULL;
	}
	if (all_online && owner != NULL && strcmp(owner, l->node) == 0) {
		return NULL;
	}
	return l->node;
}

struct members {
	size_t online, failed, pending;
	const char *owner;	/* of the first member that has one */
	bool one_node;		/* every owner is the same node */
};

static void count_members(const struct pcmk_group *g, struct members *m)
{
	size_t i;

	*m = (struct members) { .one_node = true };
	for (i = 0; i < g->num_members; i++) {
		const char *owner = NULL;
		uint32_t st = pcmk_resource_state(g->members[i], &owner);

		m->online += st == CM_RES_ONLINE ? 1 : 0;
		m->failed += st == CM_RES_FAILED ? 1 : 0;
		m->pending += is_pending(st) ? 1 : 0;
		if (owner == NULL) {
			continue;
		}
		if (m->owner == NULL) {
			m->owner = owner;
		} else if (strcmp(m->owner, owner) != 0) {
			m->one_node = false;
		}
	}
}

/*
 * The owner is the node of the first member that is running, starting,
 * stopping or failed; between the last stop and the first start of a
 * move, the move's target.
 */
uint32_t pcmk_group_state(const struct pcmk_cib *cib,
			  const struct pcmk_group *g, bool busy,
			  const char **owner)
{
	struct members m;
	const char *target;
	bool all_online;

	count_members(g, &m);
	all_online = g->num_members > 0 && m.online == g->num_members &&
		     m.one_node;
	target = moving(cib, g, m.owner, all_online);
	*owner = m.owner != NULL ? m.owner : target;
	if (m.pending > 0) {
		return CM_GROUP_PENDING;
	}
	if (m.failed > 0) {
		return CM_GROUP_FAILED;
	}
	if (busy || target != NULL) {
		return CM_GROUP_PENDING;
	}
	if (all_online) {
		return CM_GROUP_ONLINE;
	}
	if (m.online > 0) {
		return CM_GROUP_PARTIAL_ONLINE;
	}
	return CM_GROUP_OFFLINE;
}
