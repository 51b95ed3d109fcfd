/*
 * clusapi - cluster model: the persistent store (tdb)
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The store is one tdb file, <state_dir>/clusmodel.tdb, one record per
 * object; store_format.c describes the records, store_load.c reads them
 * back into a model.
 *
 * Each model change is one tdb transaction over all the records it
 * touches (txn.c), so the file is always a consistent cluster.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <tdb.h>

#include "store_format.h"

#define STORE_FILE	"clusmodel.tdb"
/* room for 100,000 groups and their resources without long chains */
#define STORE_HASH_SIZE	100003

struct clus_store {
	struct tdb_context *tdb;
	char *path;
	struct clus_model *m;
};

/* ------------------------------------------------------------------ */
/* tdb                                                                 */

static void store_tdb_log(struct tdb_context *tdb, enum tdb_debug_level lvl,
			  const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void store_tdb_log(struct tdb_context *tdb, enum tdb_debug_level lvl,
			  const char *fmt, ...)
{
	struct clus_store *s = tdb_get_logging_private(tdb);
	char buf[256];
	va_list ap;

	if (s == NULL || s->m == NULL) {
		return;
	}
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	buf[strcspn(buf, "\n")] = '\0';
	clus_log(s->m, lvl == TDB_DEBUG_FATAL || lvl == TDB_DEBUG_ERROR ?
		 0 : 3, "tdb %s: %s", s->path, buf);
}

static int store_destructor(struct clus_store *s)
{
	if (s->tdb != NULL) {
		tdb_close(s->tdb);
		s->tdb = NULL;
	}
	return 0;
}

uint32_t store_open(struct clus_model *m, const char *dir, bool no_fsync,
		    char **errmsg)
{
	struct tdb_logging_context log_ctx;
	struct clus_store *s;
	int flags = TDB_INCOMPATIBLE_HASH;

	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		*errmsg = talloc_asprintf(m, "cannot create state directory "
					  "%s: %s", dir, strerror(errno));
		return CM_ERROR_CANTWRITE;
	}
	s = talloc_zero(m, struct clus_store);
	if (s == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	s->m = m;
	s->path = talloc_asprintf(s, "%s/%s", dir, STORE_FILE);
	if (s->path == NULL) {
		talloc_free(s);
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	if (no_fsync) {
		flags |= TDB_NOSYNC;
	}
	log_ctx.log_fn = store_tdb_log;
	log_ctx.log_private = s;
	s->tdb = tdb_open_ex(s->path, STORE_HASH_SIZE, flags, O_RDWR | O_CREAT,
			     0600, &log_ctx, NULL);
	if (s->tdb == NULL) {
		*errmsg = talloc_asprintf(m, "cannot open %s: %s", s->path,
					  strerror(errno));
		talloc_free(s);
		return CM_ERROR_CANTWRITE;
	}
	talloc_set_destructor(s, store_destructor);
	m->store = s;
	return CM_ERROR_SUCCESS;
}

static int store_count_fn(struct tdb_context *tdb, TDB_DATA k, TDB_DATA d,
			  void *private_data)
{
	(void)tdb;
	(void)k;
	(void)d;
	(void)private_data;
	return 1;	/* one record is enough */
}

bool store_is_empty(struct clus_store *s)
{
	return tdb_traverse_read(s->tdb, store_count_fn, NULL) == 0;
}

int store_begin(struct clus_store *s)
{
	return tdb_transaction_start(s->tdb);
}

int store_commit(struct clus_store *s)
{
	return tdb_transaction_commit(s->tdb);
}

void store_cancel(struct clus_store *s)
{
	tdb_transaction_cancel(s->tdb);
}

uint32_t store_put(struct clus_store *s, struct clus_object *obj)
{
	char *key = store_record_key(NULL, obj);
	TDB_DATA k, d;
	int ret;

	if (key == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	k.dptr = (uint8_t *)key;
	k.dsize = strlen(key);

	if (obj->deleted) {
		ret = tdb_delete(s->tdb, k);
		if (ret != 0 && tdb_error(s->tdb) == TDB_ERR_NOEXIST) {
			ret = 0;	/* created and deleted in one txn */
		}
		talloc_free(key);
		return ret == 0 ? CM_ERROR_SUCCESS : CM_ERROR_CANTWRITE;
	}

	if (!store_record_encode(key, obj, &d.dptr, &d.dsize)) {
		talloc_free(key);
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	ret = tdb_store(s->tdb, k, d, TDB_REPLACE);
	talloc_free(key);
	return ret == 0 ? CM_ERROR_SUCCESS : CM_ERROR_CANTWRITE;
}

int store_traverse_read(struct clus_store *s, tdb_traverse_func fn,
			void *private_data)
{
	return tdb_traverse_read(s->tdb, fn, private_data);
}

const char *store_path(const struct clus_store *s)
{
	return s->path;
}
