/*
 * clusapid: process chores (pid file lock, daemonizing, state files)
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "server/daemon/daemon.h"

int clusrv_pidfile_lock(const char *path, pid_t *holder)
{
	struct flock fl = {
		.l_type = F_WRLCK,
		.l_whence = SEEK_SET,
	};
	char buf[32];
	int fd;
	int len;

	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (fd == -1) {
		return -1;
	}
	if (fcntl(fd, F_SETLK, &fl) == -1) {
		int err = errno;

		if (err == EAGAIN || err == EACCES) {
			fl = (struct flock) {
				.l_type = F_WRLCK,
				.l_whence = SEEK_SET,
			};
			*holder = 0;
			if (fcntl(fd, F_GETLK, &fl) == 0 &&
			    fl.l_type != F_UNLCK) {
				*holder = fl.l_pid;
			}
			err = EAGAIN;
		}
		close(fd);
		errno = err;
		return -1;
	}

	len = snprintf(buf, sizeof(buf), "%d\n", (int)getpid());
	if (ftruncate(fd, 0) == -1 || pwrite(fd, buf, len, 0) != len) {
		int err = errno;

		close(fd);
		errno = err;
		return -1;
	}
	return fd;
}

void clusrv_pidfile_release(int fd)
{
	if (fd == -1) {
		return;
	}
	if (ftruncate(fd, 0) == -1) {
		/* The lock, not the content, says whether we run. */
	}
	close(fd);
}

int clusrv_daemonize(void)
{
	int pfd[2];
	pid_t pid;
	char c;
	int status;
	ssize_t n;

	if (pipe2(pfd, O_CLOEXEC) == -1) {
		return -1;
	}
	pid = fork();
	if (pid == -1) {
		int err = errno;

		close(pfd[0]);
		close(pfd[1]);
		errno = err;
		return -1;
	}
	if (pid > 0) {
		/* The parent: wait for the child to serve, or to fail. */
		close(pfd[1]);
		do {
			n = read(pfd[0], &c, 1);
		} while (n == -1 && errno == EINTR);
		if (n == 1) {
			_exit(0);
		}
		while (waitpid(pid, &status, 0) == -1) {
			if (errno != EINTR) {
				_exit(1);
			}
		}
		_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 1);
	}

	close(pfd[0]);
	if (setsid() == -1) {
		int err = errno;

		close(pfd[1]);
		errno = err;
		return -1;
	}
	umask(022);
	return pfd[1];
}

void clusrv_daemon_ready(int ready_fd)
{
	int fd;

	fd = open("/dev/null", O_RDWR);
	if (fd != -1) {
		dup2(fd, STDIN_FILENO);
		dup2(fd, STDOUT_FILENO);
		if (fd > STDERR_FILENO) {
			close(fd);
		}
	}
	if (write(ready_fd, "", 1) != 1) {
		/* The parent is gone; nobody to tell. */
	}
	close(ready_fd);
}

bool clusrv_write_file(const char *path, const char *content)
{
	char *tmp = NULL;
	size_t len = strlen(content);
	ssize_t n;
	int err = 0;
	int fd;

	if (asprintf(&tmp, "%s.tmp", path) == -1) {
		return false;
	}
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd == -1) {
		err = errno;
		goto done;
	}
	n = write(fd, content, len);
	if (n != (ssize_t)len) {
		err = n == -1 ? errno : EIO;
		close(fd);
		unlink(tmp);
		goto done;
	}
	if (close(fd) == -1 || rename(tmp, path) == -1) {
		err = errno;
		unlink(tmp);
		goto done;
	}
done:
	free(tmp);
	errno = err;
	return err == 0;
}
