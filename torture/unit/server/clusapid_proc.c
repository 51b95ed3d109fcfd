/*
 * clusapi torture: run a clusapid of our own from a cmocka test
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <talloc.h>
#include <tevent.h>
#include <dcerpc.h>
#include <param.h>
#include <credentials.h>

#include "librpc/gen_ndr/ndr_clusapi.h"
#include "clusapid_proc.h"

int64_t tproc_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void tproc_sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

char *tproc_read_file(TALLOC_CTX *mem_ctx, const char *path)
{
	char *buf = talloc_strdup(mem_ctx, "");
	char chunk[4096];
	size_t n;
	FILE *f;

	f = fopen(path, "r");
	if (f == NULL) {
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		buf = talloc_strndup_append(buf, chunk, n);
	}
	fclose(f);
	return buf;
}

/* Run clusapid with ARGV (NULL-terminated); stderr to STDERR_PATH. */
pid_t tproc_spawn(const char *bin, const char *stderr_path,
		   const char **argv, bool die_with_us)
{
	pid_t pid = fork();
	int fd;

	if (pid != 0) {
		return pid;
	}
	if (die_with_us) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
	}
	fd = open(stderr_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd != -1) {
		dup2(fd, STDOUT_FILENO);
		dup2(fd, STDERR_FILENO);
		close(fd);
	}
	execv(bin, (char *const *)argv);
	fprintf(stderr, "exec %s: %s\n", bin, strerror(errno));
	_exit(127);
}

/* Wait for PID to exit within TIMEOUT_MS; returns the wait status or -1 */
int tproc_wait_exit(pid_t pid, int timeout_ms)
{
	int64_t end = tproc_now_ms() + timeout_ms;
	int status;
	pid_t ret;

	do {
		ret = waitpid(pid, &status, WNOHANG);
		if (ret == pid) {
			return status;
		}
		if (ret == -1 && errno != EINTR) {
			return -1;
		}
		tproc_sleep_ms(POLL_MS);
	} while (tproc_now_ms() < end);
	return -1;
}

/*
 * Stop a daemon of ours. Only a child that still runs is signalled
 * (the detached daemon is our child too: we are its subreaper), so a
 * stale pid never hits another process.
 */
void tproc_stop_daemon(pid_t *pid)
{
	if (*pid <= 0 || waitpid(*pid, NULL, WNOHANG) != 0) {
		*pid = -1;
		return;
	}
	kill(*pid, SIGTERM);
	if (tproc_wait_exit(*pid, STOP_TIMEOUT_MS) == -1) {
		kill(*pid, SIGKILL);
		waitpid(*pid, NULL, 0);
	}
	*pid = -1;
}

uint16_t tproc_endpoint_port(const char *endpoints, const char *role)
{
	char *key = talloc_asprintf(NULL, "%s ncacn_ip_tcp:", role);
	const char *line = strstr(endpoints, key);
	const char *bracket;

	talloc_free(key);
	if (line == NULL) {
		return 0;
	}
	bracket = strchr(line, '[');
	return bracket != NULL ? atoi(bracket + 1) : 0;
}

/*
 * Poll for <dir>/endpoints, failing early when the daemon dies. The
 * daemon writes the file atomically once it accepts connections.
 */
char *tproc_wait_endpoints(TALLOC_CTX *mem_ctx, const char *dir,
			    pid_t *pid, const char *stderr_path)
{
	char *path = talloc_asprintf(mem_ctx, "%s/endpoints", dir);
	int64_t end = tproc_now_ms() + START_TIMEOUT_MS;
	char *content;
	int status;

	do {
		content = tproc_read_file(mem_ctx, path);
		if (content != NULL) {
			return content;
		}
		if (waitpid(*pid, &status, WNOHANG) == *pid) {
			char *log = tproc_read_file(mem_ctx, stderr_path);

			*pid = -1;
			print_error("clusapid exited (status 0x%x) before "
				    "serving:\n%s", status, log ? log : "");
			return NULL;
		}
		tproc_sleep_ms(POLL_MS);
	} while (tproc_now_ms() < end);
	print_error("no %s after %d ms\n", path, START_TIMEOUT_MS);
	return NULL;
}

char *tproc_find_clusapid(TALLOC_CTX *mem_ctx)
{
	char exe[PATH_MAX];
	const char *env = getenv("CLUSAPID");
	ssize_t n;

	if (env != NULL) {
		return talloc_strdup(mem_ctx, env);
	}
	/* build/unit/test_epm_lookup -> build/clusapid */
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0) {
		return NULL;
	}
	exe[n] = '\0';
	return talloc_asprintf(mem_ctx, "%s/../clusapid", dirname(exe));
}

char *tproc_start_clusapid(TALLOC_CTX *mem_ctx, const char *name,
			   const char *const *extra, char **dir, pid_t *pid)
{
	const char *argv[32] = {
		"clusapid", "--foreground", "--state-dir", NULL,
		"--listen", "127.0.0.1", "--tcp-port", "0", "--epm-port", "0",
		"--anonymous", "full", "--np-socket-dir", "none",
		/* not the machine's clusapid.conf; a later -s wins */
		"-s", "none",
	};
	size_t i = 16, j;
	char *endpoints, *log;

	for (j = 0; extra != NULL && extra[j] != NULL; j++) {
		if (i + 1 >= sizeof(argv) / sizeof(argv[0])) {
			return NULL;
		}
		argv[i++] = extra[j];
	}
	argv[i] = NULL;
	*dir = talloc_asprintf(mem_ctx, "/tmp/clusapi-%s-XXXXXX", name);
	if (*dir == NULL || mkdtemp(*dir) == NULL) {
		return NULL;
	}
	argv[3] = *dir;
	log = talloc_asprintf(mem_ctx, "%s/log", *dir);
	*pid = tproc_spawn(tproc_find_clusapid(mem_ctx), log, argv, true);
	endpoints = tproc_wait_endpoints(mem_ctx, *dir, pid, log);
	if (endpoints == NULL) {
		return NULL;
	}
	return talloc_asprintf(mem_ctx, "ncacn_ip_tcp:127.0.0.1[%u]",
		(unsigned int)tproc_endpoint_port(endpoints, "clusapi"));
}

struct tproc_server *tproc_server_start(TALLOC_CTX *mem_ctx,
					const char *name,
					const char *const *extra)
{
	struct tproc_server *s = talloc_zero(mem_ctx, struct tproc_server);

	assert_non_null(s);
	s->binding = tproc_start_clusapid(s, name, extra, &s->dir, &s->pid);
	assert_non_null(s->binding);
	s->ev = tevent_context_init(s);
	assert_non_null(s->ev);
	s->lp_ctx = loadparm_init(s);
	assert_non_null(s->lp_ctx);
	return s;
}

struct dcerpc_pipe *tproc_server_connect(struct tproc_server *s,
					 TALLOC_CTX *mem_ctx)
{
	struct cli_credentials *anon = cli_credentials_init_anon(mem_ctx);
	struct dcerpc_pipe *p = NULL;
	NTSTATUS nt;

	assert_non_null(anon);
	nt = dcerpc_pipe_connect(mem_ctx, &p, s->binding, &ndr_table_clusapi,
				 anon, s->ev, s->lp_ctx);
	assert_true(NT_STATUS_IS_OK(nt));
	return p;
}

bool tproc_server_stop(struct tproc_server *s)
{
	char *cmd;
	int rc;

	tproc_stop_daemon(&s->pid);
	cmd = talloc_asprintf(s, "rm -rf '%s'", s->dir);
	if (cmd == NULL) {
		return false;
	}
	rc = system(cmd);
	talloc_free(cmd);
	return rc == 0;
}

int tproc_server_teardown(void **state)
{
	struct tproc_server *s = *state;
	bool stopped = tproc_server_stop(s);

	talloc_free(s);
	return stopped ? 0 : -1;
}
