/*
 * clusapi - the Pacemaker backend of the cluster model
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * clus_model_options.backend = &clus_backend_pacemaker: the model is
 * filled from the CIB of the Pacemaker cluster the process runs on and
 * kept up to date from its change notifications (clusapid --backend
 * pacemaker).  No store: the CIB is the state.
 */

#ifndef CLUSAPI_PCMK_BACKEND_H
#define CLUSAPI_PCMK_BACKEND_H

struct clus_backend;
extern const struct clus_backend clus_backend_pacemaker;

#endif /* CLUSAPI_PCMK_BACKEND_H */
