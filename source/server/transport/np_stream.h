/*
 * clusapid: the message-mode stream of smbd's named pipe connections
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef CLUSAPI_SERVER_NP_STREAM_H
#define CLUSAPI_SERVER_NP_STREAM_H

#include <talloc.h>

struct tstream_context;

/*
 * A tstream over FD, smbd's connection after the handshake: each
 * message (a 16-bit length and its bytes) unwrapped on the way in, each
 * write one message on the way out.  The stream takes FD over, also
 * when it fails.
 */
struct tstream_context *clusrv_np_stream_create(TALLOC_CTX *mem_ctx, int fd);

#endif /* CLUSAPI_SERVER_NP_STREAM_H */
