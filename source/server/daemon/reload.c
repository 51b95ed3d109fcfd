/*
 * clusapid: SIGHUP, the configuration read again
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The settings are read as at the start: the defaults, the configuration
 * file, the command line over it.  When that or the access file fails,
 * one error line says why and every old setting stays.  Otherwise what
 * can change at run time changes (the log level, the limits, the
 * anonymous policy, the access file, the move delay) and one line names
 * what differs but only changes with a restart (the listeners, the
 * state directory, the log file).  Open connections keep the access
 * they were given; new ones get the new settings.
 */

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "server/log.h"
#include <talloc.h>

#include "server/daemon/daemon.h"
#include "server/daemon/options.h"
#include "server/dcesrv/policy.h"
#include "server/model/model.h"

static bool same_str(const char *a, const char *b)
{
	if (a == NULL || b == NULL) {
		return a == b;
	}
	return strcmp(a, b) == 0;
}

/* The options that differ but need a restart: "" when none */
static char *restart_only(TALLOC_CTX *mem_ctx, const struct clusrv_options *o,
			  const struct clusrv_options *n)
{
	const struct {
		const char *name;
		bool differs;
	} fixed[] = {
		{ "foreground", o->foreground != n->foreground },
		{ "state-dir", !same_str(o->state_dir, n->state_dir) },
		{ "config", !same_str(o->config_file, n->config_file) },
		{ "log-file", !same_str(o->log_file, n->log_file) },
		{ "listen", !same_str(o->listen_addr, n->listen_addr) },
		{ "tcp-port", o->tcp_port != n->tcp_port },
		{ "epm-port", o->epm_port != n->epm_port },
		{ "np-socket-dir",
		  !same_str(o->np_socket_dir, n->np_socket_dir) },
	};
	char *list = talloc_strdup(mem_ctx, "");
	size_t i;

	for (i = 0; list != NULL && i < sizeof(fixed) / sizeof(fixed[0]);
	     i++) {
		if (fixed[i].differs) {
			list = talloc_asprintf_append(list, "%s%s",
						      list[0] ? ", " : "",
						      fixed[i].name);
		}
	}
	return list;
}

static struct clusrv_access_policy *policy_of(TALLOC_CTX *mem_ctx,
					      const struct clusrv_options *n,
					      char **error)
{
	if (n->access_config == NULL) {
		return clusrv_access_policy_default(mem_ctx);
	}
	return clusrv_access_policy_load(mem_ctx, n->access_config, error);
}

/* Read in @cwd, as at the start (the daemon has gone to "/" since) */
static const char *read_in(TALLOC_CTX *mem_ctx, const char *cwd, int argc,
			   const char **argv, struct clusrv_options *n)
{
	char *here = cwd != NULL ? getcwd(NULL, 0) : NULL;
	const char *error;
	bool moved = here != NULL && chdir(cwd) == 0;
	bool version;

	error = clusrv_options_read(mem_ctx, argc, argv, n, &version);
	if (moved && chdir(here) == -1) {
		DBG_WARNING("reload: cannot return to %s: %s\n", here,
			    strerror(errno));
	}
	free(here);
	return error;
}

void clusrv_reload(struct clusrv_context *srv, int argc, const char **argv,
		   const char *cwd)
{
	TALLOC_CTX *ctx = talloc_new(srv);
	struct clusrv_access_policy *policy = NULL;
	struct clusrv_options n;
	const char *error = NULL;
	char *perror = NULL, *fixed;

	if (ctx == NULL) {
		DBG_ERR("reload: out of memory; the old settings stay\n");
		return;
	}
	error = read_in(ctx, cwd, argc, argv, &n);
	if (error == NULL) {
		policy = policy_of(srv, &n, &perror);
		error = policy != NULL ? NULL :
			perror != NULL ? perror : "out of memory";
	}
	if (error != NULL) {
		DBG_ERR("reload: %s; the old settings stay\n", error);
		talloc_free(ctx);
		return;
	}
	fixed = restart_only(ctx, &srv->opts, &n);
	talloc_free(srv->access_policy);
	srv->access_policy = policy;
	srv->opts.debug_level = n.debug_level;
	clus_log_level = n.debug_level;
	srv->opts.anonymous = n.anonymous;
	srv->opts.max_connections = n.max_connections;
	srv->opts.max_handles = n.max_handles;
	srv->opts.max_request_size = n.max_request_size;
	srv->opts.move_delay_ms = n.move_delay_ms;
	clus_model_set_transition_ms(srv->model, n.move_delay_ms);
	srv->opts.max_notify_events = n.max_notify_events;
	clus_model_set_notify_queue_max(srv->model, n.max_notify_events);
	if (talloc_parent(srv->opts.access_config) == srv) {
		/* from the reload before */
		talloc_free((void *)(uintptr_t)srv->opts.access_config);
	}
	srv->opts.access_config = talloc_steal(srv, n.access_config);
	DBG_NOTICE("reloaded the settings from %s and the command line\n",
		   n.configfile != NULL ? n.configfile : "no file");
	if (fixed != NULL && fixed[0] != '\0') {
		DBG_WARNING("reload: %s changed; that takes a restart\n",
			    fixed);
	}
	talloc_free(ctx);
}
