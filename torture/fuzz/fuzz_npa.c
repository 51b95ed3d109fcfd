/*
 * clusapi fuzzing: smbd's named-pipe-auth handshake, as clusapid parses it
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is what smbd writes first on \pipe\clusapi's socket, the
 * length word included. A well-formed request also goes through what
 * clusapid does with it next: the caller's identity and access.
 */

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include <talloc.h>

#include "server/server.h"
#include "server/log.h"
#include "server/dcesrv/dcesrv.h"
#include "server/dcesrv/policy.h"
#include "server/transport/npa.h"
#include "fuzz.h"

static struct clusrv_context *fz_srv;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	TALLOC_CTX *frame = talloc_new(NULL);
	struct clusrv_npa_client *client = NULL;
	uint8_t *reply = NULL;
	size_t reply_len = 0;

	if (fz_srv == NULL) {
		/* errors only: every broken request is a notice */
		clus_log_init("fuzz_npa", getenv("FUZZ_DEBUG") ? 10 : 0,
			      NULL);
		fz_srv = talloc_zero(NULL, struct clusrv_context);
		if (fz_srv == NULL) {
			abort();
		}
		fz_srv->opts.anonymous = CLUSRV_ANONYMOUS_READ;
		fz_srv->access_policy = clusrv_access_policy_default(fz_srv);
		if (fz_srv->access_policy == NULL) {
			abort();
		}
	}
	if (clusrv_npa_parse_request(frame, data, size, &client) == 0) {
		struct clusrv_identity identity;

		/* what accept does for a good request: answer, then decide */
		if (client == NULL || client->session_info == NULL ||
		    clusrv_npa_reply(frame, &reply, &reply_len) != 0 ||
		    reply_len == 0) {
			abort();
		}
		clusrv_identity_from_session(&identity, client->session_info,
					     fz_srv);
		if (identity.access > CLUSRV_ACCESS_FULL) {
			abort();
		}
	}
	talloc_free(frame);
	return 0;
}
