/*
 * clusapid: process chores (pid file lock, daemonizing, state files)
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef CLUSAPI_SERVER_DAEMON_H
#define CLUSAPI_SERVER_DAEMON_H

#include <stdbool.h>
#include <sys/types.h>

/*
 * Open PATH, take an exclusive fcntl lock on it and write our pid. The
 * lock lives as long as the returned descriptor. Returns -1 with errno
 * set; errno is EAGAIN and *holder the other process when another one
 * holds the lock.
 */
int clusrv_pidfile_lock(const char *path, pid_t *holder);

/* Empty the pid file, as we stop (the lock goes with the close) */
void clusrv_pidfile_release(int fd);

/*
 * Detach from the terminal. The parent stays until the child reports
 * (clusrv_daemon_ready) and exits 0, or exits with the child's status
 * when it gives up; until then the child's stderr is still the caller's
 * terminal, so start-up errors are seen there. Returns in the child,
 * with the descriptor to report on, or -1 with errno set.
 */
int clusrv_daemonize(void);

/* Tell the waiting parent we serve; stdin and stdout go to /dev/null. */
void clusrv_daemon_ready(int ready_fd);

/* Replace PATH with CONTENT atomically (write a temporary, rename). */
bool clusrv_write_file(const char *path, const char *content);

/*
 * SIGHUP (reload.c): the settings read again, applied where they can
 * change at run time, or none of them when they are wrong.  Relative
 * paths of argv are taken from @cwd (NULL: the current directory), the
 * directory clusapid was started in.
 */
struct clusrv_context;
void clusrv_reload(struct clusrv_context *srv, int argc, const char **argv,
		   const char *cwd);

#endif /* CLUSAPI_SERVER_DAEMON_H */
