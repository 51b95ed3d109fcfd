/*
 * clusapi - the Pacemaker backend: quorum as Pacemaker sees it
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A Pacemaker cluster is a node-majority cluster (votequorum) with no
 * quorum resource: ApiGetQuorumResource answers an empty name and path
 * and CLUS_NODE_MAJORITY_QUORUM (0), as Windows does for one.  The
 * partition's quorum is the CIB's have-quorum: CHECK_VOTER_DOWN counts
 * from it and the nodes online, and a change of it raises
 * CLUSTER_CHANGE_QUORUM_STATE.
 */

#include "pcmk_backend_private.h"

bool pcmk_voter_down(struct clus_model *m)
{
	struct pcmk_backend *b = m->backend_private;

	return pcmk_voter_down_loses_quorum(pcmk_conn_cib(b->conn));
}

void pcmk_backend_refresh_quorum(struct clus_txn *t,
				 const struct pcmk_cib *cib)
{
	struct pcmk_backend *b = t->m->backend_private;

	if (b == NULL) {
		return;
	}
	if (b->quorum_known && b->have_quorum != cib->have_quorum) {
		clus_log(t->m, 0, "pacemaker: this partition %s quorum",
			 cib->have_quorum ? "has" : "lost");
		notify_cluster(t, CM_CHANGE_QUORUM_STATE, 0, NULL, NULL);
	}
	b->quorum_known = true;
	b->have_quorum = cib->have_quorum;
}
