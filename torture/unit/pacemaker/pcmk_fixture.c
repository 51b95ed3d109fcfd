/*
 * clusapi - Pacemaker backend tests: CIB files read, and copies of
 * them changed through libcib in file mode (CIB_file: no daemon; libcib
 * validates each change against the schema)
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "pcmk_fixture.h"

struct pcmk_cib *load(TALLOC_CTX *mem_ctx, const char *name)
{
	char *path = talloc_asprintf(mem_ctx, "%s/%s", PCMK_CIB_DIR, name);
	struct pcmk_cib *cib = NULL;

	assert_int_equal(pcmk_cib_parse_file(mem_ctx, path, &cib), 0);
	return cib;
}

void assert_change(struct pcmk_change *c, enum pcmk_change_op op,
		   const char *section, const char *xml)
{
	char *s;

	assert_non_null(c);
	s = pcmk_change_string(c, c);
	assert_non_null(s);
	assert_int_equal(c->op, op);
	assert_string_equal(c->section, section);
	assert_string_equal(s, xml);
	talloc_free(c);
}

static void nothing_changed(struct pcmk_conn *conn,
			    const struct pcmk_cib *cib, void *private_data)
{
	fail_msg("file mode has no notifications");
}

const struct pcmk_cib *open_copy(struct fix *f, const char *name)
{
	char *cmd;

	f->file = talloc_asprintf(f, "%s/cib.xml", f->dir);
	cmd = talloc_asprintf(f, "cp %s/%s %s", PCMK_CIB_DIR, name, f->file);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(setenv("CIB_file", f->file, 1), 0);
	assert_int_equal(pcmk_conn_open(f, "test_pcmk", nothing_changed,
					NULL, &f->conn), 0);
	return pcmk_conn_cib(f->conn);
}

const struct pcmk_cib *apply(struct fix *f, struct pcmk_change *c)
{
	assert_non_null(c);
	assert_int_equal(pcmk_conn_apply(f->conn, c), 0);
	talloc_free(c);
	return pcmk_conn_cib(f->conn);
}

int setup(void **state)
{
	struct fix *f = talloc_zero(NULL, struct fix);

	if (f == NULL) {
		return -1;
	}
	snprintf(f->dir, sizeof(f->dir), "/tmp/test_pcmk.XXXXXX");
	if (mkdtemp(f->dir) == NULL) {
		talloc_free(f);
		return -1;
	}
	*state = f;
	return 0;
}

int teardown(void **state)
{
	struct fix *f = *state;
	char *cmd = talloc_asprintf(f, "rm -rf %s", f->dir);

	TALLOC_FREE(f->conn);
	unsetenv("CIB_file");
	if (cmd == NULL || system(cmd) != 0) {
		return -1;
	}
	talloc_free(f);
	return 0;
}
