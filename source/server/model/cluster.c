/*
 * clusapi - cluster model: the model itself and cluster-wide settings
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backend.h"

/*
 * Windows Server 2016 (10.0, build 14393): smbtorture's rpc.clusapi runs
 * its group set tests only for MajorVersion >= 10, and the model has
 * group sets.  NodeHighestVersion is the cluster functional level (9 for
 * 2016) in the high word and the build in the low word.
 */
#define CLUS_DEFAULT_MAJOR	10
#define CLUS_DEFAULT_MINOR	0
#define CLUS_DEFAULT_BUILD	14393
#define CLUS_DEFAULT_LEVEL	9

struct clus_cluster *cluster_new(struct clus_model *m)
{
	struct clus_cluster *c = talloc_zero(m, struct clus_cluster);

	if (c == NULL) {
		return NULL;
	}
	c->obj.kind = CLUS_KIND_CLUSTER;
	c->name = talloc_strdup(c, "CLUSTER1");
	c->instance_id = clus_new_guid(c);
	c->version.major = CLUS_DEFAULT_MAJOR;
	c->version.minor = CLUS_DEFAULT_MINOR;
	c->version.build = CLUS_DEFAULT_BUILD;
	c->version.vendor = talloc_strdup(c, "Microsoft(R) Cluster Service");
	c->version.csd_version = talloc_strdup(c, "");
	c->version.highest_version = (CLUS_DEFAULT_LEVEL << 16) |
		CLUS_DEFAULT_BUILD;
	c->version.lowest_version = c->version.highest_version;
	c->local_node_id = talloc_strdup(c, "");
	c->quorum_resource_id = talloc_strdup(c, "");
	c->quorum_path = talloc_strdup(c, "");
	c->next_seq = 1;
	c->next_node_id = 1;
	if (c->name == NULL || c->instance_id == NULL ||
	    c->version.vendor == NULL || c->version.csd_version == NULL ||
	    c->local_node_id == NULL || c->quorum_resource_id == NULL ||
	    c->quorum_path == NULL) {
		talloc_free(c);
		return NULL;
	}
	return c;
}

static int model_destructor(struct clus_model *m)
{
	notify_model_gone(m);
	return 0;
}

static char *read_file(TALLOC_CTX *mem_ctx, const char *path, char **errmsg)
{
	struct stat st;
	char *buf;
	size_t got = 0;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd == -1 || fstat(fd, &st) != 0) {
		*errmsg = talloc_asprintf(mem_ctx, "%s: %s", path,
					  strerror(errno));
		if (fd != -1) {
			close(fd);
		}
		return NULL;
	}
	buf = talloc_array(mem_ctx, char, st.st_size + 1);
	if (buf == NULL) {
		close(fd);
		return NULL;
	}
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, buf + got, st.st_size - got);

		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n <= 0) {
			*errmsg = talloc_asprintf(mem_ctx, "%s: read error",
						  path);
			talloc_free(buf);
			close(fd);
			return NULL;
		}
		got += n;
	}
	close(fd);
	buf[got] = '\0';
	if (strlen(buf) != got) {
		*errmsg = talloc_asprintf(mem_ctx, "%s: contains a NUL byte",
					  path);
		talloc_free(buf);
		return NULL;
	}
	return buf;
}

static uint32_t model_build(struct clus_model *m,
			    const struct clus_model_options *opts,
			    char **errmsg)
{
	const char *text = opts->config_text;
	const char *filename = "<config>";
	struct clus_txn *t;
	uint32_t err;

	if (text == NULL && opts->config_file != NULL) {
		text = read_file(m, opts->config_file, errmsg);
		if (text == NULL) {
			return CM_ERROR_FILE_NOT_FOUND;
		}
		filename = opts->config_file;
	}
	if (text == NULL) {
		text = clus_default_cluster_config;
		filename = "<default cluster>";
	}

	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	/* a fresh model: on failure it is thrown away, nothing to undo */
	t->no_undo = true;
	err = config_apply(t, text, filename, errmsg);
	if (err != CM_ERROR_SUCCESS) {
		txn_cancel(t);
		return err;
	}
	err = txn_commit(t);
	if (err != CM_ERROR_SUCCESS && *errmsg == NULL) {
		*errmsg = talloc_asprintf(m, "cannot store the initial "
					  "cluster: %s",
					  clus_model_errstr(err));
	}
	return err;
}

uint32_t model_create(TALLOC_CTX *mem_ctx, struct tevent_context *ev,
		      const struct clus_model_options *opts,
		      const struct clus_backend_ops *ops,
		      struct clus_model **pmodel, char **errmsg)
{
	struct clus_model *m;
	char *msg = NULL;
	uint32_t err;

	*errmsg = NULL;
	m = talloc_zero(mem_ctx, struct clus_model);
	if (m == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	m->ev = ev;
	m->backend = ops;
	m->transition_ms = opts->transition_ms;
	m->notify_queue_max = opts->notify_queue_max != 0 ?
		opts->notify_queue_max : CM_NOTIFY_QUEUE_MAX;
	m->log_fn = opts->log_fn;
	m->log_private = opts->log_private;
	talloc_set_destructor(m, model_destructor);

	m->node_names = clus_hash_new(m);
	m->node_ids = clus_hash_new(m);
	m->restype_names = clus_hash_new(m);
	m->network_names = clus_hash_new(m);
	m->network_ids = clus_hash_new(m);
	m->netif_names = clus_hash_new(m);
	m->netif_ids = clus_hash_new(m);
	m->group_names = clus_hash_new(m);
	m->group_ids = clus_hash_new(m);
	m->res_names = clus_hash_new(m);
	m->res_ids = clus_hash_new(m);
	m->groupset_names = clus_hash_new(m);
	m->groupset_ids = clus_hash_new(m);
	m->regkey_paths = clus_hash_new(m);
	m->cluster = cluster_new(m);
	if (m->node_names == NULL || m->node_ids == NULL ||
	    m->restype_names == NULL || m->network_names == NULL ||
	    m->network_ids == NULL || m->netif_names == NULL ||
	    m->netif_ids == NULL || m->group_names == NULL ||
	    m->group_ids == NULL || m->res_names == NULL ||
	    m->res_ids == NULL || m->groupset_names == NULL ||
	    m->groupset_ids == NULL || m->regkey_paths == NULL ||
	    m->cluster == NULL) {
		talloc_free(m);
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}

	err = CM_ERROR_SUCCESS;
	if (opts->state_dir != NULL) {
		err = store_open(m, opts->state_dir, opts->no_fsync, &msg);
	}
	if (err == CM_ERROR_SUCCESS) {
		if (m->store != NULL && !store_is_empty(m->store)) {
			err = store_load(m, &msg);
		} else {
			err = model_build(m, opts, &msg);
		}
	}
	if (err != CM_ERROR_SUCCESS) {
		if (msg == NULL) {
			msg = talloc_asprintf(m, "cannot open the cluster "
					      "model: %s",
					      clus_model_errstr(err));
		}
		*errmsg = talloc_steal(mem_ctx, msg);
		talloc_free(m);
		return err;
	}
	*pmodel = m;
	return CM_ERROR_SUCCESS;
}

struct tevent_context *clus_model_ev(struct clus_model *m)
{
	return m->ev;
}

void clus_model_set_transition_ms(struct clus_model *m, uint32_t ms)
{
	m->transition_ms = ms;
}

/* Queues already longer keep their events until read */
void clus_model_set_notify_queue_max(struct clus_model *m, uint32_t max)
{
	m->notify_queue_max = max != 0 ? max : CM_NOTIFY_QUEUE_MAX;
}

uint32_t clus_model_transition_ms(struct clus_model *m)
{
	return m->transition_ms;
}

void clus_model_test_fail_commits(struct clus_model *m, uint32_t count)
{
	m->fail_commits = count;
}

const struct clus_cluster *clus_model_cluster(struct clus_model *m)
{
	return m->cluster;
}

struct clus_node *clus_model_local_node(struct clus_model *m)
{
	return clus_node_by_id(m, m->cluster->local_node_id);
}

uint32_t clus_model_set_cluster_name(struct clus_model *m, const char *name)
{
	struct clus_cluster *c = m->cluster;
	struct clus_txn *t;
	uint32_t err;

	if (!clus_name_valid(name)) {
		return CM_ERROR_INVALID_NAME;
	}
	/*
	 * Windows answers "stored, takes effect when the network name
	 * restarts" whether or not the name changed; smbtorture expects it.
	 */
	if (strcmp(c->name, name) == 0) {
		return CM_ERROR_RESOURCE_PROPERTIES_STORED;
	}
	t = txn_begin(m);
	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	txn_set_str(t, c, &c->name, name);
	txn_dirty(t, &c->obj);
	err = txn_regkey_set_value(t, m->root, "ClusterName", CM_REG_SZ,
				   (const uint8_t *)name, strlen(name) + 1);
	if (err != CM_ERROR_SUCCESS) {
		txn_cancel(t);
		return err;
	}
	notify_cluster(t, CM_CHANGE_CLUSTER_PROPERTY,
		       CM_CHANGE_CLUSTER_RENAME_V2, NULL, NULL);
	err = txn_commit(t);
	return err != CM_ERROR_SUCCESS ? err :
		CM_ERROR_RESOURCE_PROPERTIES_STORED;
}

struct clus_resource *clus_model_quorum_resource(struct clus_model *m)
{
	if (m->cluster->quorum_resource_id[0] == '\0') {
		return NULL;
	}
	return clus_resource_by_id(m, m->cluster->quorum_resource_id);
}

uint32_t clus_model_set_quorum_resource(struct clus_model *m,
					struct clus_resource *res,
					const char *path,
					uint32_t max_log_size)
{
	struct clus_cluster *c = m->cluster;
	struct clus_txn *t = txn_begin(m);

	if (t == NULL) {
		return CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	txn_set_str(t, c, &c->quorum_resource_id, res != NULL ? res->id : "");
	txn_set_str(t, c, &c->quorum_path, path);
	TXN_SET(t, c->quorum_max_log_size, max_log_size);
	txn_dirty(t, &c->obj);
	notify_cluster(t, CM_CHANGE_CLUSTER_PROPERTY,
		       CM_CHANGE_CLUSTER_COMMON_PROPERTY_V2, NULL, NULL);
	return txn_commit(t);
}
