/*
 * clusapi - Pacemaker backend tests: CIB files read, and copies of
 * them changed through libcib in file mode (CIB_file: no daemon)
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef CLUSAPI_PCMK_FIXTURE_H
#define CLUSAPI_PCMK_FIXTURE_H

#include "server/pacemaker/pcmk.h"

struct fix {
	char dir[64];
	char *file;
	struct pcmk_conn *conn;
};

/* cmocka setup and teardown: a temporary directory for the copies */
int setup(void **state);
int teardown(void **state);
/* PCMK_CIB_DIR/NAME parsed */
struct pcmk_cib *load(TALLOC_CTX *mem_ctx, const char *name);
/* @c is OP on SECTION with exactly @xml; @c freed */
void assert_change(struct pcmk_change *c, enum pcmk_change_op op,
		   const char *section, const char *xml);
/* a copy of NAME as the CIB file libcib works on, opened */
const struct pcmk_cib *open_copy(struct fix *f, const char *name);
/* @c applied to the copy (freed); the CIB read back */
const struct pcmk_cib *apply(struct fix *f, struct pcmk_change *c);

#endif
