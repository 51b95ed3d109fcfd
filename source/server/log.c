/*
 * clusapid logging
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "server/log.h"

int clus_log_level = CLUS_LOG_NOTICE;

static struct {
	const char *progname;
	const char *path;
	/* what DEBUG() noted for the clus_log_text() that follows */
	int pending_level;
	const char *pending_func;
} clus_log = {
	.progname = "clusapid",
};

static bool clus_log_open_file(void)
{
	int fd;

	fd = open(clus_log.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC,
		  0644);
	if (fd == -1) {
		return false;
	}
	/* Our messages and those of Samba's libraries share stderr. */
	if (fd != STDERR_FILENO) {
		if (dup2(fd, STDERR_FILENO) == -1) {
			int err = errno;

			close(fd);
			errno = err;
			return false;
		}
		close(fd);
	}
	return true;
}

bool clus_log_init(const char *progname, int level, const char *path)
{
	clus_log.progname = progname;
	clus_log.path = path;
	clus_log_level = level;

	if (path == NULL) {
		return true;
	}
	return clus_log_open_file();
}

bool clus_log_reopen(void)
{
	if (clus_log.path == NULL) {
		return true;
	}
	return clus_log_open_file();
}

/*
 * Under systemd (JOURNAL_STREAM set, no log file), stderr goes to the
 * journal: each line starts with its sd-daemon priority, "<3>" for an
 * error, and journald adds the name, pid and time itself.
 */
static const char *clus_log_journal_prefix(int level)
{
	static const char *const prio[] = {
		"<3>", "<4>", "<5>", "<5>", "<6>", "<6>",
	};

	if (clus_log.path != NULL || getenv("JOURNAL_STREAM") == NULL) {
		return NULL;
	}
	return level >= 0 && level < 6 ? prio[level] : "<7>";
}

static void clus_log_write(int level, const char *func, const char *fmt,
			   va_list ap)
{
	const char *journal = clus_log_journal_prefix(level);
	char prefix[128];
	struct iovec iov[4];
	char *msg = NULL;
	size_t len;
	int n = 0;
	int ret;

	ret = vasprintf(&msg, fmt, ap);
	if (ret == -1) {
		return;
	}
	len = ret;

	if (clus_log.path != NULL) {
		struct timeval tv;
		struct tm tm;
		char stamp[32];

		gettimeofday(&tv, NULL);
		localtime_r(&tv.tv_sec, &tm);
		strftime(stamp, sizeof(stamp), "%Y-%m-%d %H:%M:%S", &tm);
		snprintf(prefix, sizeof(prefix), "%s.%03ld %s[%d]: ", stamp,
			 (long)(tv.tv_usec / 1000), clus_log.progname,
			 (int)getpid());
	} else if (journal != NULL) {
		snprintf(prefix, sizeof(prefix), "%s", journal);
	} else {
		snprintf(prefix, sizeof(prefix), "%s: ", clus_log.progname);
	}
	iov[n++] = (struct iovec) { prefix, strlen(prefix) };
	if (func != NULL) {
		iov[n++] = (struct iovec) { (void *)func, strlen(func) };
		iov[n++] = (struct iovec) { ": ", 2 };
	}
	if (len > 0 && msg[len - 1] == '\n') {
		iov[n++] = (struct iovec) { msg, len };
	} else {
		/* Room for the newline: vasprintf allocated len + 1. */
		msg[len] = '\n';
		iov[n++] = (struct iovec) { msg, len + 1 };
	}

	/* One writev() keeps a message in one piece in the log. */
	ret = writev(STDERR_FILENO, iov, n);
	(void)ret;
	free(msg);
}

void clus_log_msg(int level, const char *func, const char *fmt, ...)
{
	va_list ap;

	if (!clus_log_enabled(level)) {
		return;
	}
	va_start(ap, fmt);
	clus_log_write(level, func, fmt, ap);
	va_end(ap);
}

bool clus_log_begin(int level, const char *func)
{
	clus_log.pending_level = level;
	clus_log.pending_func = func;
	return true;
}

bool clus_log_text(const char *fmt, ...)
{
	va_list ap;

	if (!clus_log_enabled(clus_log.pending_level)) {
		return true;
	}
	va_start(ap, fmt);
	clus_log_write(clus_log.pending_level, clus_log.pending_func, fmt,
		       ap);
	va_end(ap);
	return true;
}
