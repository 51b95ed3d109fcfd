/*
 * clusapi tests: a clusapi binding handle whose calls the test answers
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No socket and no server: every raw call of the handle becomes a
 * tevent_req that the test's answer function completes, at once or
 * later, with fake_binding_reply() (the marshalled response stub) or
 * tevent_req_nterror() (a fault at the transport).  libclusapi runs on
 * it unchanged through clusapi_conn_from_binding_handles().
 */

#ifndef CLUSAPI_TORTURE_FAKE_BINDING_H
#define CLUSAPI_TORTURE_FAKE_BINDING_H

#include <stdint.h>
#include <talloc.h>
#include <tevent.h>
#include <dcerpc.h>

typedef void (*fake_binding_answer_fn)(struct tevent_req *req,
				       uint32_t opnum, DATA_BLOB in,
				       void *private_data);

struct dcerpc_binding_handle *fake_binding_new(TALLOC_CTX *mem_ctx,
					       fake_binding_answer_fn answer,
					       void *private_data);

/* Completes @req: @out (copied) is the response stub */
void fake_binding_reply(struct tevent_req *req, DATA_BLOB out);

/* What the answer function keeps with one call (a talloc child of req) */
void fake_binding_set_call_data(struct tevent_req *req, void *data);
void *fake_binding_call_data(struct tevent_req *req);

#endif /* CLUSAPI_TORTURE_FAKE_BINDING_H */
