/*
 * clusapid: the MS-CMRP (ClusAPI) server
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <systemd/sd-daemon.h>

#include "server/log.h"
#include <talloc.h>
#include <tevent.h>

#include "server/server.h"
#include "server/auth/auth.h"
#include "server/daemon/daemon.h"
#include "server/daemon/options.h"
#include "server/dcesrv/dcesrv.h"
#include "server/dcesrv/policy.h"
#include "server/epm/epm.h"
#include "server/transport/np.h"
#include "server/transport/tcp.h"
#include "server/transport/tsocket_shim.h"
#ifdef CLUSAPI_HAVE_PCMK
#include "server/pacemaker/pcmk_backend.h"
#endif

#ifndef CLUSAPI_VERSION
#define CLUSAPI_VERSION "unknown"
#endif

#define PROGNAME CLUSRV_PROGNAME
#define PID_FILE "clusapid.pid"
#define ENDPOINTS_FILE "endpoints"

static bool make_state_dir(const char *dir)
{
	struct stat st;

	if (mkdir(dir, 0755) == -1 && errno != EEXIST) {
		DBG_ERR("cannot create the state directory %s: %s\n", dir,
			strerror(errno));
		return false;
	}
	if (stat(dir, &st) == -1 || !S_ISDIR(st.st_mode)) {
		DBG_ERR("the state directory %s is not a directory\n", dir);
		return false;
	}
	return true;
}

/* The command line and where it was given, read again on SIGHUP */
static int saved_argc;
static const char **saved_argv;
static char *saved_cwd;

static void clusrv_signal(struct tevent_context *ev, struct tevent_signal *se,
			  int signum, int count, void *siginfo,
			  void *private_data)
{
	struct clusrv_context *srv = talloc_get_type_abort(
		private_data, struct clusrv_context);

	if (signum == SIGHUP) {
		/* systemctl reload: tell systemd while we are at it */
		(void)sd_notify(0, "RELOADING=1");
		if (!clus_log_reopen()) {
			DBG_ERR("cannot reopen the log file: %s\n",
				strerror(errno));
		}
		clusrv_reload(srv, saved_argc, saved_argv, saved_cwd);
		clusrv_auth_reload(srv);
		(void)sd_notify(0, "READY=1");
		return;
	}
	(void)sd_notify(0, "STOPPING=1");
	DBG_NOTICE("%s: shutting down\n", strsignal(signum));
	srv->stopping = true;
}

static bool clusrv_signals(struct clusrv_context *srv)
{
	static const int signums[] = { SIGTERM, SIGINT, SIGHUP };
	size_t i;

	/* A client that goes away must not kill us with SIGPIPE. */
	signal(SIGPIPE, SIG_IGN);

	for (i = 0; i < sizeof(signums) / sizeof(signums[0]); i++) {
		if (tevent_add_signal(srv->ev, srv, signums[i], 0,
				      clusrv_signal, srv) == NULL) {
			DBG_ERR("cannot handle signal %d\n", signums[i]);
			return false;
		}
	}
	return true;
}

/* Bind the listeners; the dcesrv endpoints are named after their ports. */
static bool clusrv_listen(struct clusrv_context *srv)
{
	const struct clusrv_options *o = &srv->opts;
	int ret;

	ret = clusrv_tcp_listen(srv, srv, "clusapi", o->listen_addr,
				o->tcp_port, &srv->tcp_listener);
	if (ret != 0) {
		DBG_ERR("cannot listen on %s port %d: %s\n", o->listen_addr,
			o->tcp_port, strerror(ret));
		return false;
	}
	srv->tcp_endpoint = talloc_asprintf(
		srv, "ncacn_ip_tcp:[%u]",
		(unsigned int)clusrv_listener_port(srv->tcp_listener));
	if (srv->tcp_endpoint == NULL) {
		return false;
	}

	if (o->np_socket_dir != NULL) {
		ret = clusrv_np_listen(srv, srv, o->np_socket_dir,
				       &srv->np_listener);
		if (ret != 0 && !o->np_socket_dir_default) {
			DBG_ERR("cannot serve \\pipe\\clusapi in %s/np: %s%s "
				"(--np-socket-dir none runs without "
				"ncacn_np)\n", o->np_socket_dir,
				strerror(ret), ret == EADDRINUSE ?
				": another server listens there" : "");
			return false;
		}
		if (ret != 0) {
			DBG_WARNING("not serving ncacn_np: cannot listen in "
				    "%s/np: %s%s\n", o->np_socket_dir,
				    strerror(ret), ret == EADDRINUSE ?
				    ": another server listens there" : "");
		} else {
			srv->np_endpoint = CLUSRV_NP_ENDPOINT;
		}
	}

	if (o->epm_port == -1) {
		return true;
	}
	ret = clusrv_tcp_listen(srv, srv, "epm", o->listen_addr, o->epm_port,
				&srv->epm_listener);
	if (ret != 0) {
		DBG_ERR("cannot listen on %s port %d for the endpoint mapper: "
			"%s (--epm-port none runs without one)\n",
			o->listen_addr, o->epm_port, strerror(ret));
		return false;
	}
	srv->epm_endpoint = talloc_asprintf(
		srv, "ncacn_ip_tcp:[%u]",
		(unsigned int)clusrv_listener_port(srv->epm_listener));
	return srv->epm_endpoint != NULL;
}

/* --backend: what opens the cluster model (NULL: the simulation) */
static bool clusrv_pick_backend(struct clusrv_context *srv)
{
	if (srv->opts.backend == CLUSRV_BACKEND_SIMULATION) {
		return true;
	}
#ifdef CLUSAPI_HAVE_PCMK
	srv->backend = &clus_backend_pacemaker;
	return true;
#else
	DBG_ERR("clusapid was built without the Pacemaker backend "
		"(configure found no pacemaker-dev)\n");
	return false;
#endif
}

static bool clusrv_serve(struct clusrv_context *srv)
{
	NTSTATUS status;

	if (srv->epm_listener != NULL) {
		status = clusrv_epm_register(srv);
		if (!NT_STATUS_IS_OK(status)) {
			return false;
		}
	}
	status = clusrv_rpc_register(srv);
	if (!NT_STATUS_IS_OK(status)) {
		DBG_ERR("cannot set up the ClusAPI interfaces: %s\n",
			nt_errstr(status));
		return false;
	}

	if (clusrv_listener_start(srv->tcp_listener, srv->tcp_endpoint) != 0) {
		return false;
	}
	DBG_NOTICE("listening on %s\n",
		   clusrv_listener_binding(srv->tcp_listener));
	if (srv->np_listener != NULL) {
		if (clusrv_np_listener_start(srv->np_listener,
					     srv->np_endpoint) != 0) {
			return false;
		}
		DBG_NOTICE("serving \\pipe\\clusapi for smbd on %s\n",
			   clusrv_np_listener_path(srv->np_listener));
	}
	if (srv->epm_listener == NULL) {
		return true;
	}
	if (clusrv_listener_start(srv->epm_listener, srv->epm_endpoint) != 0) {
		return false;
	}
	DBG_NOTICE("endpoint mapper listening on %s\n",
		   clusrv_listener_binding(srv->epm_listener));
	return true;
}

/*
 * <state-dir>/endpoints: one "ROLE BINDING" line per listener, and
 * "np PATH" for smbd's socket
 */
static bool clusrv_write_endpoints(struct clusrv_context *srv,
				   const char *path)
{
	char *content;
	bool ok;

	content = talloc_asprintf(srv, "clusapi %s\n",
				  clusrv_listener_binding(srv->tcp_listener));
	if (content != NULL && srv->epm_listener != NULL) {
		content = talloc_asprintf_append(
			content, "epm %s\n",
			clusrv_listener_binding(srv->epm_listener));
	}
	if (content != NULL && srv->np_listener != NULL) {
		content = talloc_asprintf_append(
			content, "np %s\n",
			clusrv_np_listener_path(srv->np_listener));
	}
	if (content == NULL) {
		return false;
	}
	ok = clusrv_write_file(path, content);
	if (!ok) {
		DBG_ERR("cannot write %s: %s\n", path, strerror(errno));
	}
	talloc_free(content);
	return ok;
}

static int clusrv_run(TALLOC_CTX *mem_ctx, const struct clusrv_options *opts,
		      int ready_fd)
{
	struct tevent_context *ev;
	struct clusrv_context *srv;
	const char *pid_path;
	const char *endpoints_path;
	pid_t holder = 0;
	int pid_fd;
	int rc = 1;

	if (!make_state_dir(opts->state_dir)) {
		return 1;
	}
	pid_path = talloc_asprintf(mem_ctx, "%s/" PID_FILE, opts->state_dir);
	endpoints_path = talloc_asprintf(mem_ctx, "%s/" ENDPOINTS_FILE,
					 opts->state_dir);
	if (pid_path == NULL || endpoints_path == NULL) {
		return 1;
	}
	pid_fd = clusrv_pidfile_lock(pid_path, &holder);
	if (pid_fd == -1) {
		if (errno == EAGAIN) {
			DBG_ERR("another clusapid (pid %d) is already running "
				"on the state directory %s\n", (int)holder,
				opts->state_dir);
		} else {
			DBG_ERR("cannot lock %s: %s\n", pid_path,
				strerror(errno));
		}
		return 1;
	}
	/* Stale from a crash: tests poll for it. */
	unlink(endpoints_path);

	if (!clus_tsocket_shim_init()) {
		goto out_pidfile;
	}

	ev = tevent_context_init(mem_ctx);
	if (ev == NULL) {
		DBG_ERR("cannot create the event context\n");
		goto out_pidfile;
	}
	srv = talloc_zero(mem_ctx, struct clusrv_context);
	if (srv == NULL) {
		goto out_ev;
	}
	srv->ev = ev;
	srv->opts = *opts;

	if (!clusrv_pick_backend(srv) || !clusrv_signals(srv)) {
		goto out_srv;
	}
	if (!NT_STATUS_IS_OK(clusrv_dcesrv_init(srv))) {
		DBG_ERR("cannot set up the DCE/RPC server\n");
		goto out_srv;
	}
	if (!clusrv_listen(srv) || !clusrv_serve(srv) ||
	    !clusrv_write_endpoints(srv, endpoints_path)) {
		goto out_srv;
	}

	if (ready_fd != -1) {
		if (!clus_log_init(PROGNAME, opts->debug_level,
				   opts->log_file)) {
			DBG_ERR("cannot open the log file %s: %s\n",
				opts->log_file, strerror(errno));
			goto out_endpoints;
		}
		clusrv_daemon_ready(ready_fd);
		ready_fd = -1;
	}
	DBG_NOTICE("clusapid %s ready (pid %d)\n", CLUSAPI_VERSION,
		   (int)getpid());
	/* Type=notify: the endpoints are open and written */
	(void)sd_notifyf(0, "READY=1\nMAINPID=%d\nSTATUS=serving on %s",
			 (int)getpid(),
			 clusrv_listener_binding(srv->tcp_listener));

	while (!srv->stopping) {
		if (tevent_loop_once(ev) != 0) {
			DBG_ERR("event loop failed: %s\n", strerror(errno));
			goto out_endpoints;
		}
	}
	rc = 0;

out_endpoints:
	unlink(endpoints_path);
out_srv:
	/* Connections first: they refer to the dcesrv endpoints. */
	TALLOC_FREE(srv->tcp_listener);
	TALLOC_FREE(srv->epm_listener);
	TALLOC_FREE(srv->np_listener);
	talloc_free(srv);
out_ev:
	talloc_free(ev);
out_pidfile:
	clusrv_pidfile_release(pid_fd);
	if (rc == 0) {
		DBG_NOTICE("stopped\n");
	}
	return rc;
}

int main(int argc, const char **argv)
{
	TALLOC_CTX *mem_ctx;
	struct clusrv_options opts;
	int ready_fd = -1;
	int ret;
	int rc;

	mem_ctx = talloc_new(NULL);
	if (mem_ctx == NULL) {
		fprintf(stderr, PROGNAME ": out of memory\n");
		return 1;
	}
	saved_argc = argc;
	saved_argv = argv;
	saved_cwd = getcwd(NULL, 0);	/* relative paths on reload */
	ret = clusrv_options_parse(mem_ctx, argc, argv, &opts);
	if (ret != 0) {
		talloc_free(mem_ctx);
		return ret == 1 ? 0 : 1;
	}

	/* Until we serve, messages go to the caller's stderr. */
	if (!clus_log_init(PROGNAME, opts.debug_level,
			   opts.foreground ? opts.log_file : NULL)) {
		fprintf(stderr, PROGNAME ": cannot open the log file %s: %s\n",
			opts.log_file, strerror(errno));
		talloc_free(mem_ctx);
		return 1;
	}
	if (!opts.foreground) {
		ready_fd = clusrv_daemonize();
		if (ready_fd == -1) {
			DBG_ERR("cannot detach: %s\n", strerror(errno));
			talloc_free(mem_ctx);
			return 1;
		}
		if (chdir("/") == -1) {
			DBG_WARNING("cannot change to /: %s\n",
				    strerror(errno));
		}
	}

	rc = clusrv_run(mem_ctx, &opts, ready_fd);
	talloc_free(mem_ctx);
	return rc;
}
