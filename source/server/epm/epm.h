/*
 * clusapid: the endpoint mapper
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef CLUSAPI_SERVER_EPM_H
#define CLUSAPI_SERVER_EPM_H

#include "server/server.h"

/* Serve the endpoint mapper on srv->epm_endpoint */
NTSTATUS clusrv_epm_register(struct clusrv_context *srv);

#endif /* CLUSAPI_SERVER_EPM_H */
