/*
 * clusapid: the MS-CMRP (ClusAPI) server
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <popt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "server/log.h"
#include <talloc.h>
#include <tevent.h>

#include "server/server.h"
#include "server/auth/auth.h"
#include "server/daemon/daemon.h"
#include "server/dcesrv/dcesrv.h"
#include "server/dcesrv/policy.h"
#include "server/epm/epm.h"
#include "server/transport/np.h"
#include "server/transport/tcp.h"
#include "server/transport/tsocket_shim.h"

#ifndef CLUSAPI_VERSION
#define CLUSAPI_VERSION "unknown"
#endif

#define PROGNAME "clusapid"
#define DEFAULT_STATE_DIR "/var/lib/clusapid"
#define DEFAULT_LISTEN "0.0.0.0"
#define DEFAULT_EPM_PORT 135
#define DEFAULT_MOVE_DELAY_MS 500
#define DEFAULT_MAX_CONNECTIONS 1024
/* Samba's own limits: MAX_OPEN_POLS is 2048 per pipe, we allow more */
#define DEFAULT_MAX_HANDLES 10000
#define DEFAULT_MAX_REQUEST_SIZE (4 * 1024 * 1024)
#define DEFAULT_MAX_NOTIFY_EVENTS 100000

#define PID_FILE "clusapid.pid"
#define ENDPOINTS_FILE "endpoints"
#define LOG_FILE "clusapid.log"

static void usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static void usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, PROGNAME ": ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, " (see --help)\n");
}

static bool parse_number(const char *option, const char *s,
			 unsigned long min, unsigned long max,
			 unsigned long *value)
{
	char *end = NULL;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || s[0] == '-' ||
	    v < min || v > max) {
		usage_error("%s: '%s' is not a number from %lu to %lu",
			    option, s, min, max);
		return false;
	}
	*value = v;
	return true;
}

static bool is_ip_address(const char *s)
{
	struct in6_addr addr;

	return inet_pton(AF_INET, s, &addr) == 1 ||
	       inet_pton(AF_INET6, s, &addr) == 1;
}

/* Relative paths would break once the daemon moves to "/". */
static const char *absolute_path(TALLOC_CTX *mem_ctx, const char *path)
{
	char cwd[PATH_MAX];

	if (path == NULL || path[0] == '/') {
		return path;
	}
	if (getcwd(cwd, sizeof(cwd)) == NULL) {
		return path;
	}
	return talloc_asprintf(mem_ctx, "%s/%s", cwd, path);
}

/* Returns 0 to run, -1 to exit 1 (the message is out), 1 to exit 0. */
static int parse_options(TALLOC_CTX *mem_ctx, int argc, const char **argv,
			 struct clusrv_options *o)
{
	int foreground = 0;
	int version = 0;
	char *state_dir = NULL;
	char *config = NULL;
	char *log_file = NULL;
	char *listen_addr = NULL;
	char *tcp_port = NULL;
	char *epm_port = NULL;
	char *anonymous = NULL;
	char *move_delay = NULL;
	char *max_conns = NULL;
	char *max_handles = NULL;
	char *max_request = NULL;
	char *max_events = NULL;
	char *debug_level = NULL;
	char *np_socket_dir = NULL;
	char *access_config = NULL;
	struct poptOption table[] = {
		POPT_AUTOHELP
		{ "foreground", 'F', POPT_ARG_NONE, &foreground, 0,
		  "Stay in the foreground, log to stderr", NULL },
		{ "state-dir", 0, POPT_ARG_STRING, &state_dir, 0,
		  "State: store, pid file, endpoints (default "
		  DEFAULT_STATE_DIR ")", "DIR" },
		{ "config", 0, POPT_ARG_STRING, &config, 0,
		  "Initial cluster description", "FILE" },
		{ "log-file", 0, POPT_ARG_STRING, &log_file, 0,
		  "Log file (default: stderr in the foreground, "
		  "DIR/" LOG_FILE " otherwise)", "FILE" },
		{ "listen", 0, POPT_ARG_STRING, &listen_addr, 0,
		  "IPv4 or IPv6 address to listen on (default "
		  DEFAULT_LISTEN ")", "ADDR" },
		{ "tcp-port", 0, POPT_ARG_STRING, &tcp_port, 0,
		  "ncacn_ip_tcp port, 0 for any free one (default 0)", "N" },
		{ "epm-port", 0, POPT_ARG_STRING, &epm_port, 0,
		  "Endpoint mapper port, 0 for any free one, 'none' for no "
		  "endpoint mapper (default 135 as root, none otherwise)",
		  "N" },
		{ "anonymous", 0, POPT_ARG_STRING, &anonymous, 0,
		  "What unauthenticated callers may do: none, read or full "
		  "(default none; read and full depart from MS-CMRP, for "
		  "labs and tests)", "POLICY" },
		{ "move-delay-ms", 0, POPT_ARG_STRING, &move_delay, 0,
		  "How long each resource stays Online/OfflinePending in "
		  "a simulated move, online or offline (default 500)",
		  "MS" },
		{ "max-connections", 0, POPT_ARG_STRING, &max_conns, 0,
		  "Connections served at once (default 1024)", "N" },
		{ "max-handles", 0, POPT_ARG_STRING, &max_handles, 0,
		  "Context handles open at once in one association group "
		  "(default 10000)", "N" },
		{ "max-request-size", 0, POPT_ARG_STRING, &max_request, 0,
		  "Largest request, its fragments reassembled, in bytes "
		  "(default 4194304)", "BYTES" },
		{ "max-notify-events", 0, POPT_ARG_STRING, &max_events, 0,
		  "Events queued per notification port before the oldest "
		  "are dropped (default 100000)", "N" },
		{ "debuglevel", 'd', POPT_ARG_STRING, &debug_level, 0,
		  "Log level, 0 (errors) to 10 (everything; default 3)",
		  "LEVEL" },
		{ "np-socket-dir", 0, POPT_ARG_STRING, &np_socket_dir, 0,
		  "smbd's ncalrpc dir: serve \\pipe\\clusapi on "
		  "DIR/np/clusapi, 'none' for no ncacn_np (default "
		  CLUSRV_NP_DEFAULT_DIR " as root, none otherwise)", "DIR" },
		{ "access-config", 0, POPT_ARG_STRING, &access_config, 0,
		  "Who has full access among authenticated "
		  "callers (default: root and BUILTIN\\Administrators; "
		  "the others read)", "FILE" },
		{ NULL, 0, POPT_ARG_INCLUDE_TABLE, clusrv_auth_popt_options,
		  0, "Authentication (SPNEGO, NTLMSSP, Kerberos; packet privacy "
		  "over ncacn_ip_tcp):", NULL },
		{ "version", 'V', POPT_ARG_NONE, &version, 0,
		  "Print the version", NULL },
		POPT_TABLEEND
	};
	poptContext pc;
	unsigned long n;
	int opt;
	int ret = -1;

	*o = (struct clusrv_options) {
		.state_dir = DEFAULT_STATE_DIR,
		.listen_addr = DEFAULT_LISTEN,
		.tcp_port = 0,
		.epm_port = geteuid() == 0 ? DEFAULT_EPM_PORT : -1,
		.anonymous = CLUSRV_ANONYMOUS_NONE,
		.move_delay_ms = DEFAULT_MOVE_DELAY_MS,
		.max_connections = DEFAULT_MAX_CONNECTIONS,
		.max_handles = DEFAULT_MAX_HANDLES,
		.max_request_size = DEFAULT_MAX_REQUEST_SIZE,
		.max_notify_events = DEFAULT_MAX_NOTIFY_EVENTS,
		.debug_level = CLUS_LOG_NOTICE,
	};

	pc = poptGetContext(PROGNAME, argc, argv, table, 0);
	while ((opt = poptGetNextOpt(pc)) > 0) {
		/* every option stores its argument */
	}
	if (opt < -1) {
		usage_error("%s: %s",
			    poptBadOption(pc, POPT_BADOPTION_NOALIAS),
			    poptStrerror(opt));
		goto done;
	}
	if (poptPeekArg(pc) != NULL) {
		usage_error("unexpected argument '%s'", poptPeekArg(pc));
		goto done;
	}
	if (version) {
		printf(PROGNAME " " CLUSAPI_VERSION "\n");
		ret = 1;
		goto done;
	}

	o->foreground = foreground;
	if (state_dir != NULL) {
		if (state_dir[0] == '\0') {
			usage_error("--state-dir must not be empty");
			goto done;
		}
		o->state_dir = talloc_strdup(mem_ctx, state_dir);
	}
	if (config != NULL) {
		if (access(config, R_OK) == -1) {
			fprintf(stderr, PROGNAME ": cannot read --config %s: "
				"%s\n", config, strerror(errno));
			goto done;
		}
		o->config_file = talloc_strdup(mem_ctx, config);
	}
	if (log_file != NULL) {
		o->log_file = talloc_strdup(mem_ctx, log_file);
	}
	if (listen_addr != NULL) {
		if (!is_ip_address(listen_addr)) {
			usage_error("--listen: '%s' is not an IPv4 or IPv6 "
				    "address", listen_addr);
			goto done;
		}
		o->listen_addr = talloc_strdup(mem_ctx, listen_addr);
	}
	if (tcp_port != NULL) {
		if (!parse_number("--tcp-port", tcp_port, 0, 65535, &n)) {
			goto done;
		}
		o->tcp_port = n;
	}
	if (epm_port != NULL) {
		if (strcmp(epm_port, "none") == 0) {
			o->epm_port = -1;
		} else if (!parse_number("--epm-port", epm_port, 0, 65535,
					 &n)) {
			goto done;
		} else {
			o->epm_port = n;
		}
	}
	if (o->epm_port > 0 && o->epm_port == o->tcp_port) {
		usage_error("--epm-port and --tcp-port must differ");
		goto done;
	}
	if (anonymous != NULL) {
		if (strcmp(anonymous, "none") == 0) {
			o->anonymous = CLUSRV_ANONYMOUS_NONE;
		} else if (strcmp(anonymous, "read") == 0) {
			o->anonymous = CLUSRV_ANONYMOUS_READ;
		} else if (strcmp(anonymous, "full") == 0) {
			o->anonymous = CLUSRV_ANONYMOUS_FULL;
		} else {
			usage_error("--anonymous: '%s' is not none, read or "
				    "full", anonymous);
			goto done;
		}
	}
	if (move_delay != NULL) {
		if (!parse_number("--move-delay-ms", move_delay, 0,
				  24 * 3600 * 1000UL, &n)) {
			goto done;
		}
		o->move_delay_ms = n;
	}
	if (max_conns != NULL) {
		if (!parse_number("--max-connections", max_conns, 1,
				  1000000, &n)) {
			goto done;
		}
		o->max_connections = n;
	}
	if (max_handles != NULL) {
		if (!parse_number("--max-handles", max_handles, 1, 10000000,
				  &n)) {
			goto done;
		}
		o->max_handles = n;
	}
	if (max_request != NULL) {
		/* a request PDU alone is 24 bytes; 1 GiB is absurd enough */
		if (!parse_number("--max-request-size", max_request, 1024,
				  1024 * 1024 * 1024UL, &n)) {
			goto done;
		}
		o->max_request_size = n;
	}
	if (max_events != NULL) {
		if (!parse_number("--max-notify-events", max_events, 1,
				  100000000, &n)) {
			goto done;
		}
		o->max_notify_events = n;
	}
	if (debug_level != NULL) {
		if (!parse_number("-d", debug_level, 0, CLUS_LOG_MAX_LEVEL,
				  &n)) {
			goto done;
		}
		o->debug_level = n;
	}
	if (np_socket_dir != NULL) {
		if (np_socket_dir[0] == '\0') {
			usage_error("--np-socket-dir must not be empty");
			goto done;
		}
		if (strcmp(np_socket_dir, "none") != 0) {
			o->np_socket_dir = talloc_strdup(mem_ctx,
							 np_socket_dir);
		}
	} else if (geteuid() == 0) {
		/* Like port 135: taken when free, no error when not. */
		o->np_socket_dir = CLUSRV_NP_DEFAULT_DIR;
		o->np_socket_dir_default = true;
	}
	if (access_config != NULL) {
		if (access(access_config, R_OK) == -1) {
			fprintf(stderr, PROGNAME ": cannot read "
				"--access-config %s: %s\n", access_config,
				strerror(errno));
			goto done;
		}
		o->access_config = talloc_strdup(mem_ctx, access_config);
	}

	ret = clusrv_auth_options_finish(mem_ctx, &o->auth);
	if (ret != 0) {
		goto done;
	}
	ret = -1;

	if (!o->foreground) {
		o->state_dir = absolute_path(mem_ctx, o->state_dir);
		o->config_file = absolute_path(mem_ctx, o->config_file);
		o->log_file = absolute_path(mem_ctx, o->log_file);
		o->np_socket_dir = absolute_path(mem_ctx, o->np_socket_dir);
		o->access_config = absolute_path(mem_ctx, o->access_config);
		if (o->log_file == NULL) {
			o->log_file = talloc_asprintf(mem_ctx, "%s/" LOG_FILE,
						      o->state_dir);
		}
	}
	ret = 0;
done:
	poptFreeContext(pc);
	/* popt hands out malloc'd copies */
	free(state_dir);
	free(config);
	free(log_file);
	free(listen_addr);
	free(tcp_port);
	free(epm_port);
	free(anonymous);
	free(move_delay);
	free(max_conns);
	free(max_handles);
	free(max_request);
	free(max_events);
	free(debug_level);
	free(np_socket_dir);
	free(access_config);
	return ret;
}

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

/* SIGHUP: new connections get the new policy, open ones keep theirs. */
static void clusrv_reload_access_policy(struct clusrv_context *srv)
{
	struct clusrv_access_policy *policy;
	char *error = NULL;

	if (srv->opts.access_config == NULL) {
		return;
	}
	policy = clusrv_access_policy_load(srv, srv->opts.access_config,
					   &error);
	if (policy == NULL) {
		DBG_ERR("keeping the access policy: %s\n",
			error != NULL ? error : "out of memory");
		talloc_free(error);
		return;
	}
	talloc_free(srv->access_policy);
	srv->access_policy = policy;
	DBG_NOTICE("access policy reloaded from %s\n",
		   srv->opts.access_config);
}

static void clusrv_signal(struct tevent_context *ev, struct tevent_signal *se,
			  int signum, int count, void *siginfo,
			  void *private_data)
{
	struct clusrv_context *srv = talloc_get_type_abort(
		private_data, struct clusrv_context);

	if (signum == SIGHUP) {
		if (!clus_log_reopen()) {
			DBG_ERR("cannot reopen the log file: %s\n",
				strerror(errno));
		}
		clusrv_reload_access_policy(srv);
		clusrv_auth_reload(srv);
		return;
	}
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

	if (!clusrv_signals(srv)) {
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
	ret = parse_options(mem_ctx, argc, argv, &opts);
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
