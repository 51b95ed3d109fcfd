/*
 * clusapid: the server context and the API for RPC handlers
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One struct clusrv_context lives for the daemon's lifetime: the tevent
 * loop, Samba's loadparm and dcesrv contexts, the options and the cluster
 * model. Handlers reach it, and the identity of their caller, from the
 * dcesrv_call_state they are given:
 *
 *	struct clusrv_context *srv = clusrv_call_server(dce_call);
 *
 *	if (!clusrv_call_may_write(dce_call)) {
 *		return WERR_ACCESS_DENIED;
 *	}
 *
 * Registering an interface: server/rpc/clusapi_srv.c compiles PIDL's
 * dispatch code (librpc/gen_ndr/ndr_clusapi_s.c), which calls the
 * dcesrv_ApiXxx() handlers declared in server/rpc/rpc_private.h and
 * defined in the server/rpc/srv_<family>.c files; its
 * clusrv_rpc_register() opens the cluster model and hands
 * dcesrv_clusapi_interface to clusrv_register_interface()
 * (server/dcesrv/dcesrv.h).
 */

#ifndef CLUSAPI_SERVER_SERVER_H
#define CLUSAPI_SERVER_SERVER_H

#include <stdbool.h>
#include <stdint.h>
#include <talloc.h>
#include <tevent.h>
#include <core/ntstatus.h>

struct loadparm_context;
struct dcesrv_context;
struct dcesrv_interface;
struct dcesrv_call_state;
struct dcesrv_handle;
struct policy_handle;
struct auth_session_info;
struct clus_model;
struct clusrv_listener;
struct clusrv_np_listener;
struct clusrv_access_policy;
struct clusrv_auth;

/*
 * What callers without authentication may do: nothing (the default:
 * over ncacn_ip_tcp their calls fault with access denied, as MS-CMRP
 * wants), read (open, enumerate, query) or everything, as an
 * administrator would. read and full are for labs and tests.
 */
enum clusrv_anonymous {
	CLUSRV_ANONYMOUS_NONE,
	CLUSRV_ANONYMOUS_READ,
	CLUSRV_ANONYMOUS_FULL,
};

/* Authenticated binds (server/auth/): where the credentials come from */
struct clusrv_auth_options {
	const char *users_file;		/* --auth-users */
	const char *keytab;		/* --auth-keytab: Kerberos */
	const char *realm;		/* --auth-realm */
	const char *passdb_conf;	/* --auth-passdb: smbd's smb.conf */
};

enum clusrv_backend {
	CLUSRV_BACKEND_SIMULATION,
	CLUSRV_BACKEND_PACEMAKER,
};

struct clusrv_options {
	bool foreground;
	enum clusrv_backend backend;	/* what runs the cluster */
	const char *state_dir;		/* store, pid file, endpoints */
	const char *config_file;	/* initial cluster; NULL: default */
	const char *log_file;		/* NULL: stderr */
	const char *listen_addr;	/* IPv4 or IPv6 literal */
	int tcp_port;			/* 0: any free port */
	int epm_port;			/* 0: any free port, -1: no epm */
	enum clusrv_anonymous anonymous;
	unsigned int move_delay_ms;	/* each Pending step of a move */
	unsigned int max_connections;
	unsigned int max_handles;	/* per association group */
	unsigned int max_request_size;	/* reassembled request, bytes */
	unsigned int max_notify_events;	/* queued per port */
	int debug_level;		/* 0..10 */
	const char *np_socket_dir;	/* smbd's pipes; NULL: no ncacn_np */
	bool np_socket_dir_default;	/* not given: failing is no error */
	const char *access_config;	/* who is an administrator */
	struct clusrv_auth_options auth;
	const char *configfile;		/* -s FILE read; NULL: none */
};

struct clusrv_context {
	struct tevent_context *ev;
	struct loadparm_context *lp_ctx;
	struct dcesrv_context *dce_ctx;
	struct clusrv_options opts;

	/* The cluster model; filled in by the model's initialisation. */
	struct clus_model *model;
	/* what opens it: NULL for the simulated cluster (model.h) */
	const struct clus_backend *backend;

	/* The session every unauthenticated caller gets (S-1-5-7). */
	struct auth_session_info *anonymous_session;

	/*
	 * The dcesrv endpoints: the one the ClusAPI interfaces are
	 * registered on ("ncacn_ip_tcp:[PORT]") and the endpoint mapper's.
	 */
	const char *tcp_endpoint;
	const char *epm_endpoint;
	struct clusrv_listener *tcp_listener;
	struct clusrv_listener *epm_listener;

	/* smbd's \pipe\clusapi: "ncacn_np:[\pipe\clusapi]" */
	const char *np_endpoint;
	struct clusrv_np_listener *np_listener;

	/* Who gets full access among authenticated callers */
	struct clusrv_access_policy *access_policy;

	/* Authenticated binds: gensec, the users (server/auth/) */
	struct clusrv_auth *auth;

	unsigned int num_connections;
	bool stopping;
};

/* What a caller may do: MS-CMRP's read access and full access */
enum clusrv_access {
	CLUSRV_ACCESS_NONE,
	CLUSRV_ACCESS_READ,
	CLUSRV_ACCESS_FULL,
};

/*
 * Who is calling: the session of the call's auth context (an
 * authenticated bind, over either transport), else the connection's
 * (anonymous over ncacn_ip_tcp; over ncacn_np the identity smbd passes
 * in the named-pipe-auth handshake). ACCESS is decided for each
 * session the first time one of its calls asks: --anonymous for
 * unauthenticated callers, the access policy (--access-config) for the
 * others.
 */
struct clusrv_identity {
	bool is_authenticated;
	bool is_admin;
	bool smb_encrypted;		/* pipe opened over SMB3 sealing */
	enum clusrv_access access;
	const char *account_name;
	const char *domain_name;
	const struct auth_session_info *session_info;
};

/*
 * Registers the ClusAPI interfaces (and sets up what they need, such as
 * the model) once the transports know their endpoints. Implemented by
 * the RPC handlers in source/server/rpc/.
 */
NTSTATUS clusrv_rpc_register(struct clusrv_context *srv);

/*
 * Register IFACE on every endpoint clusapid serves ClusAPI on
 * (ncacn_ip_tcp and, when smbd's pipe is set up, ncacn_np); the
 * endpoint mapper lists the ncacn_ip_tcp one.
 */
NTSTATUS clusrv_register_interface(struct clusrv_context *srv,
				   const struct dcesrv_interface *iface);

/* The server and the caller's identity, from inside a handler */
struct clusrv_context *clusrv_call_server(struct dcesrv_call_state *dce_call);
const struct clusrv_identity *clusrv_call_identity(
	struct dcesrv_call_state *dce_call);

/*
 * Access checks for handlers: reading (open, enumerate, query) and
 * writing (any change). Anonymous callers get what --anonymous allows;
 * authenticated callers what the access policy gives them: by default
 * administrators may write, the others read.
 */
bool clusrv_call_may_read(struct dcesrv_call_state *dce_call);
bool clusrv_call_may_write(struct dcesrv_call_state *dce_call);

/*
 * Context handles. clusrv_handle_new() creates a handle of HANDLE_TYPE
 * owning DATA (talloc_steal'd; may be NULL). clusrv_handle_find()
 * looks up the handle the client passed: it returns NULL for the
 * all-zero handle, an unknown handle, or one of another type (unlike
 * dcesrv_handle_lookup(), it never creates a handle). Close a handle
 * with TALLOC_FREE() and ZERO the wire handle returned to the client.
 * clusrv_handle_new() refuses (NULL, logged) once the caller's
 * association group holds --max-handles handles;
 * clusrv_handle_limit_reached() tells that apart from a lack of memory.
 */
bool clusrv_handle_limit_reached(struct dcesrv_call_state *dce_call);
struct dcesrv_handle *clusrv_handle_new(struct dcesrv_call_state *dce_call,
					uint8_t handle_type, void *data);
struct dcesrv_handle *clusrv_handle_find(struct dcesrv_call_state *dce_call,
					 const struct policy_handle *ph,
					 uint8_t handle_type);

#endif /* CLUSAPI_SERVER_SERVER_H */
