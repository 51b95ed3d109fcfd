/*
 * clusapi torture: run a clusapid of our own from a cmocka test
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef CLUSAPI_TORTURE_CLUSAPID_PROC_H
#define CLUSAPI_TORTURE_CLUSAPID_PROC_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <talloc.h>

/* Generous bounds: the machine may be loaded; these are not timings. */
#define START_TIMEOUT_MS 60000
#define STOP_TIMEOUT_MS 30000
#define POLL_MS 20

int64_t tproc_now_ms(void);
void tproc_sleep_ms(int ms);
char *tproc_read_file(TALLOC_CTX *mem_ctx, const char *path);
/* Run BIN with ARGV (NULL-terminated); output to STDERR_PATH */
pid_t tproc_spawn(const char *bin, const char *stderr_path,
		  const char **argv, bool die_with_us);
/* The wait status of PID once it exits within TIMEOUT_MS, or -1 */
int tproc_wait_exit(pid_t pid, int timeout_ms);
/* SIGTERM, then SIGKILL; *pid becomes -1 */
void tproc_stop_daemon(pid_t *pid);
/* The port of ROLE ("clusapi", "epm") in an endpoints file's text */
uint16_t tproc_endpoint_port(const char *endpoints, const char *role);
/* <dir>/endpoints once the daemon serves; NULL if it died or timed out */
char *tproc_wait_endpoints(TALLOC_CTX *mem_ctx, const char *dir,
			   pid_t *pid, const char *stderr_path);
/* $CLUSAPID, or the clusapid next to the test binary's directory */
char *tproc_find_clusapid(TALLOC_CTX *mem_ctx);
/*
 * A clusapid of our own on 127.0.0.1, full access for anonymous
 * callers, no ncacn_np, EXTRA (NULL-terminated, may be NULL) added to
 * its options: its state in a new directory /tmp/clusapi-NAME-XXXXXX
 * (*dir), its pid in *pid; returns "ncacn_ip_tcp:127.0.0.1[PORT]", or
 * NULL if it did not come up.
 */
char *tproc_start_clusapid(TALLOC_CTX *mem_ctx, const char *name,
			   const char *const *extra, char **dir, pid_t *pid);

struct tevent_context;
struct loadparm_context;
struct dcerpc_pipe;

/*
 * A clusapid of our own (tproc_start_clusapid) with what its clients
 * connect with.
 */
struct tproc_server {
	char *dir;
	pid_t pid;
	char *binding;
	struct tevent_context *ev;
	struct loadparm_context *lp_ctx;
};

/* Fails the test if the clusapid does not come up */
struct tproc_server *tproc_server_start(TALLOC_CTX *mem_ctx,
					const char *name,
					const char *const *extra);
/* An anonymous clusapi connection on MEM_CTX; fails the test if refused */
struct dcerpc_pipe *tproc_server_connect(struct tproc_server *s,
					 TALLOC_CTX *mem_ctx);
/* Stop the clusapid and remove its directory; false if that failed */
bool tproc_server_stop(struct tproc_server *s);
/* A cmocka teardown for a state that is a tproc_server: stop, free */
int tproc_server_teardown(void **state);

#endif
