/*
 * clusapi - cluster model: the store's record format
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by store.c (writing records) and store_load.c (reading them
 * back): one description per record kind, and the encoder and decoder
 * that description drives.  The format itself is described at the top
 * of store_format.c.
 */

#ifndef CLUSAPI_MODEL_STORE_FORMAT_H
#define CLUSAPI_MODEL_STORE_FORMAT_H

#include <sys/types.h>
#include <tdb.h>

#include "model_private.h"

#define STORE_VERSION	1

/* How a field is written, and where it lives in its object */
enum store_ftype {
	SF_SEQ = 1,	/* obj.seq, u64; read before the object exists */
	SF_IDENT,	/* string handed to the constructor (name, id) */
	SF_BOOL8,	/* bool as u8 */
	SF_U16,		/* uint16_t as u32 */
	SF_U32,
	SF_U64,
	SF_STR,		/* char *, owned by the object */
	SF_BLOB,	/* uint8_t *, its uint32_t length at aux */
	SF_PROPS,	/* struct clus_proplist */
	SF_DEPS,	/* struct clus_depexpr, written with ids */
	SF_REF,		/* a pointer to another object, written as its key */
	SF_REFS,	/* an array of them, count at aux */
	SF_MEMBERS,	/* SF_REFS of a group set's groups, which point back */
	SF_GROUP_OP,	/* struct clus_group_op *: kind, phase, flags, nodes */
};

struct store_field {
	uint8_t type;		/* SF_* */
	uint16_t ofs;		/* offsetof() in the object's structure */
	uint16_t aux;		/* SF_BLOB, SF_REFS, SF_MEMBERS: count */
	/* references */
	const char *what;	/* "its owner node", ... for messages */
	uint16_t ref_key;	/* the char * key in the referenced object */
	uint16_t ref_index;	/* the struct clus_hash * by that key in
				   struct clus_model */
};

struct store_kind {
	uint8_t kind;		/* CLUS_KIND_* */
	const char *prefix;	/* of the record's key */
	bool single;		/* the key is the prefix alone ("cluster") */
	uint16_t key_ofs;	/* else: the char * field after the prefix */
	const struct store_field *fields;
	size_t num_fields;
};

const struct store_kind *store_kind_by_kind(uint8_t kind);
const struct store_kind *store_kind_by_key(const char *key);

/* "node/<id>" etc., on mem_ctx */
char *store_record_key(TALLOC_CTX *mem_ctx, const struct clus_object *obj);

/* A record's value on mem_ctx; false when out of memory */
bool store_record_encode(TALLOC_CTX *mem_ctx, const struct clus_object *obj,
			 uint8_t **data, size_t *len);

/*
 * What a record refers to, by id, until every object exists: one entry
 * per reference field, in the order of the kind's fields.
 */
#define STORE_MAX_REFS	4

struct store_ref {
	const struct store_field *field;
	char *id;		/* SF_REF */
	char **ids;		/* SF_REFS, SF_MEMBERS */
	uint32_t num_ids;
};

struct store_rec {
	char *key;
	uint8_t *data;
	size_t len;
	const struct store_kind *desc;
	uint64_t seq;			/* for sorting */
	struct clus_object *obj;	/* decoded, linked after resolving */
	struct store_ref refs[STORE_MAX_REFS];
	uint32_t num_refs;
	char *deps;			/* SF_DEPS, parsed last */
	uint32_t op_kind, op_phase, op_flags;
	char *op_target;
};

/*
 * Decode a record into a new, unlinked object (rec->obj); the cluster
 * record fills @m's cluster.  References stay ids in @rec.  On failure
 * returns why ("truncated", ...); rec->obj may then be set already.
 */
const char *store_record_decode(struct clus_txn *t, struct store_rec *rec,
				TALLOC_CTX *scratch);

/* store.c: every record of the file, for store_load.c */
int store_traverse_read(struct clus_store *s, tdb_traverse_func fn,
			void *private_data);

/* seq of an encoded record, for sorting before decoding; 0 for none */
uint64_t store_record_peek_seq(const struct store_rec *rec);

#endif /* CLUSAPI_MODEL_STORE_FORMAT_H */
