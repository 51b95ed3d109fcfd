/*
 * clusapi - cluster model: the cluster registry
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Included by model.h; include that.
 */

#ifndef CLUSAPI_MODEL_REGISTRY_H
#define CLUSAPI_MODEL_REGISTRY_H

#include "model_objects.h"
#include <talloc.h>
#include <tevent.h>

/* ---------------------------------------------------------------------
 * Cluster registry.  Paths are relative to the root key, components
 * separated by '\'.
 * --------------------------------------------------------------------- */

struct clus_regkey *clus_regkey_root(struct clus_model *m);
struct clus_regkey *clus_regkey_by_path(struct clus_model *m,
					const char *path);
/* Missing: CM_ERROR_FILE_NOT_FOUND */
uint32_t clus_regkey_open(struct clus_model *m, struct clus_regkey *parent,
			  const char *subpath, struct clus_regkey **key);
/* Creates missing intermediate keys; *created tells if the key is new */
uint32_t clus_regkey_create(struct clus_model *m, struct clus_regkey *parent,
			    const char *subpath, struct clus_regkey **key,
			    bool *created);
/* Root: CM_ERROR_ACCESS_DENIED; has subkeys: CM_ERROR_ACCESS_DENIED */
uint32_t clus_regkey_delete(struct clus_model *m, struct clus_regkey *key);
const struct clus_prop *clus_regkey_get_value(const struct clus_regkey *key,
					      const char *name);
uint32_t clus_regkey_set_value(struct clus_model *m, struct clus_regkey *key,
			       const char *name, uint32_t type,
			       const uint8_t *data, uint32_t len);
/* Missing: CM_ERROR_FILE_NOT_FOUND */
uint32_t clus_regkey_delete_value(struct clus_model *m,
				  struct clus_regkey *key, const char *name);
uint32_t clus_regkey_set_security(struct clus_model *m,
				  struct clus_regkey *key,
				  const uint8_t *sd, uint32_t sd_len);

/*
 * ApiExecuteBatch: the commands (CLUSTER_REG_BATCH_COMMAND values) in
 * order, in one transaction.  Names are relative to @key (keys) or to
 * the current key (values).  A failed command or condition cancels
 * everything and sets *failed to its index (-1 when none ran); a
 * condition that does not hold is CM_ERROR_INVALID_STATE.
 */
enum {
	CM_BATCH_SET_VALUE			= 1,
	CM_BATCH_CREATE_KEY			= 2,
	CM_BATCH_DELETE_KEY			= 3,
	CM_BATCH_DELETE_VALUE			= 4,
	CM_BATCH_CONDITION_EXISTS		= 11,
	CM_BATCH_CONDITION_NOT_EXISTS		= 12,
	CM_BATCH_CONDITION_IS_EQUAL		= 13,
	CM_BATCH_CONDITION_IS_NOT_EQUAL		= 14,
	CM_BATCH_CONDITION_IS_GREATER_THAN	= 15,
	CM_BATCH_CONDITION_IS_LESS_THAN		= 16,
	CM_BATCH_CONDITION_KEY_EXISTS		= 17,
	CM_BATCH_CONDITION_KEY_NOT_EXISTS	= 18,
};

struct clus_regbatch_cmd {
	uint32_t command;
	uint32_t type;			/* CM_REG_* for values */
	const char *name;
	const uint8_t *data;		/* the model's value form */
	uint32_t len;
};

uint32_t clus_regkey_batch(struct clus_model *m, struct clus_regkey *key,
			   const struct clus_regbatch_cmd *cmds,
			   uint32_t num_cmds, int32_t *failed);
/*
 * A batch from the root key holding an object's own values (the
 * Description of the cluster or a node, the private properties of the
 * cluster, nodes, networks, interfaces and resource types), the
 * object's property change (common or private) announced with it.
 */
uint32_t clus_regkey_batch_props(struct clus_model *m,
				 const struct clus_regbatch_cmd *cmds,
				 uint32_t num_cmds,
				 const struct clus_object *obj, bool common);

struct clus_regkey_info {
	uint32_t num_subkeys;
	uint32_t max_subkey_len;	/* characters, like RegQueryInfoKey */
	uint32_t num_values;
	uint32_t max_value_name_len;
	uint32_t max_value_len;		/* bytes as stored (UTF-8) */
	uint32_t sd_len;
	uint64_t last_write;
};
void clus_regkey_query_info(const struct clus_regkey *key,
			    struct clus_regkey_info *info);

#endif /* CLUSAPI_MODEL_REGISTRY_H */
