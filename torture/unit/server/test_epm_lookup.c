/*
 * clusapid: start-up, endpoint mapper, single instance, clean stop
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts bin/clusapid in the foreground on loopback with a temporary
 * state directory and free ports, reads <state-dir>/endpoints, and asks
 * its endpoint mapper where the ClusAPI interface is:
 *
 * - with libdcerpc's public dcerpc_epm_map_binding(), which always
 *   connects to port 135 (the port is fixed in Samba's epmapper table).
 *   The test therefore runs in a private network namespace, where 135
 *   is free and ours; where it cannot create one (no privileges), that
 *   case is skipped and the endpoint mapper listens on a free port;
 * - with our own ept_map and ept_lookup calls, on the port the daemon
 *   chose, with towers built here byte by byte from C706 Appendix L.
 *
 * Then a second daemon on the same state directory must refuse to start,
 * a daemon started without --foreground must report ready only once it
 * serves, and SIGTERM must stop the daemon with exit status 0.
 *
 * Set CLUSAPI_TEST_NO_NETNS=1 to run without the private namespace.
 *
 * Daemons are killed by pid in the teardown whatever happened, and die
 * with the test process (PR_SET_PDEATHSIG) if it crashes.
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <libgen.h>
#include <limits.h>
#include <net/if.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <talloc.h>
#include <tevent.h>
#include <ndr.h>
#include <dcerpc.h>
#include <param.h>
#include <credentials.h>

#include "librpc/gen_ndr/ndr_epm_c.h"
#include "clusapid_proc.h"


#define EPM_MAP_STATUS_NOT_REGISTERED 0x16c9a0d6

/* b97db8b2-4c63-11cf-bff6-08002be23f2f v3.0 */
static const struct ndr_syntax_id clusapi_syntax = {
	.uuid = { 0xb97db8b2, 0x4c63, 0x11cf,
		  { 0xbf, 0xf6 }, { 0x08, 0x00, 0x2b, 0xe2, 0x3f, 0x2f } },
	.if_version = 3,
};

/* e1af8308-5d1f-11c9-91a4-08002b14a0fa v3.0 */
static const struct ndr_syntax_id epm_syntax = {
	.uuid = { 0xe1af8308, 0x5d1f, 0x11c9,
		  { 0x91, 0xa4 }, { 0x08, 0x00, 0x2b, 0x14, 0xa0, 0xfa } },
	.if_version = 3,
};

struct daemon_env {
	char *bin;		/* the clusapid binary */
	char *dir;		/* its state directory */
	pid_t pid;		/* the foreground daemon */
	pid_t detached_pid;	/* the one started without --foreground */
	char *detached_dir;
	uint16_t tcp_port;
	uint16_t epm_port;
	bool private_netns;	/* port 135 is ours */
	struct tevent_context *ev;
	struct loadparm_context *lp_ctx;
};

static int write_proc(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY);
	ssize_t n;

	if (fd == -1) {
		return -1;
	}
	n = write(fd, text, strlen(text));
	close(fd);
	return n == (ssize_t)strlen(text) ? 0 : -1;
}

/*
 * A network namespace of our own (a user namespace too when we are not
 * root), with loopback up: there port 135 is free for the daemon and
 * libdcerpc's endpoint mapper client finds it.
 */
static bool enter_private_netns(void)
{
	struct ifreq ifr = { .ifr_name = "lo" };
	uid_t uid = geteuid();
	gid_t gid = getegid();
	char map[64];
	bool ok = false;
	int fd;

	if (uid == 0) {
		if (unshare(CLONE_NEWNET) == -1) {
			return false;
		}
	} else {
		if (unshare(CLONE_NEWUSER | CLONE_NEWNET) == -1) {
			return false;
		}
		snprintf(map, sizeof(map), "0 %u 1", (unsigned int)uid);
		if (write_proc("/proc/self/setgroups", "deny") == -1 ||
		    write_proc("/proc/self/uid_map", map) == -1) {
			return false;
		}
		snprintf(map, sizeof(map), "0 %u 1", (unsigned int)gid);
		if (write_proc("/proc/self/gid_map", map) == -1) {
			return false;
		}
	}

	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd == -1) {
		return false;
	}
	if (ioctl(fd, SIOCGIFFLAGS, &ifr) == 0) {
		ifr.ifr_flags |= IFF_UP;
		ok = ioctl(fd, SIOCSIFFLAGS, &ifr) == 0;
	}
	close(fd);
	return ok;
}

static int count_lines(const char *text)
{
	int n = 0;

	for (; *text != '\0'; text++) {
		n += *text == '\n';
	}
	return n;
}

static int group_teardown(void **state);

static int group_setup(void **state)
{
	struct daemon_env *env;
	char *stderr_path;
	char *endpoints;
	char epm_port[8];
	const char *argv[16];
	int i = 0;

	env = talloc_zero(NULL, struct daemon_env);
	assert_non_null(env);
	env->pid = -1;
	env->detached_pid = -1;

	env->bin = tproc_find_clusapid(env);
	assert_non_null(env->bin);
	assert_int_equal(access(env->bin, X_OK), 0);

	/* CLUSAPI_TEST_NO_NETNS=1 tries the fallback */
	if (getenv("CLUSAPI_TEST_NO_NETNS") != NULL) {
		errno = EPERM;
	} else {
		env->private_netns = enter_private_netns();
	}
	if (!env->private_netns) {
		print_message("no private network namespace (%s): the "
			      "endpoint mapper listens on a free port and "
			      "the libdcerpc case is skipped\n",
			      strerror(errno));
	}

	env->dir = talloc_strdup(env, "/tmp/clusapi-test-epm-XXXXXX");
	assert_non_null(mkdtemp(env->dir));
	stderr_path = talloc_asprintf(env, "%s/stderr", env->dir);

	snprintf(epm_port, sizeof(epm_port), "%d",
		 env->private_netns ? 135 : 0);
	argv[i++] = "clusapid";
	argv[i++] = "--foreground";
	argv[i++] = "--state-dir";
	argv[i++] = env->dir;
	argv[i++] = "--listen";
	argv[i++] = "127.0.0.1";
	argv[i++] = "--tcp-port";
	argv[i++] = "0";
	argv[i++] = "--epm-port";
	argv[i++] = epm_port;
	/* never the system's ncacn_np socket, even as root */
	argv[i++] = "--np-socket-dir";
	argv[i++] = "none";
	argv[i++] = NULL;

	/* Let a daemon that detaches become our child, so we can reap it. */
	prctl(PR_SET_CHILD_SUBREAPER, 1);

	*state = env;
	env->pid = tproc_spawn(env->bin, stderr_path, argv, true);
	assert_true(env->pid > 0);

	endpoints = tproc_wait_endpoints(env, env->dir, &env->pid, stderr_path);
	if (endpoints == NULL) {
		/* cmocka skips the group teardown when the setup fails */
		group_teardown(state);
		return -1;
	}
	env->tcp_port = tproc_endpoint_port(endpoints, "clusapi");
	env->epm_port = tproc_endpoint_port(endpoints, "epm");

	env->ev = tevent_context_init(env);
	assert_non_null(env->ev);
	env->lp_ctx = loadparm_init(env);
	assert_non_null(env->lp_ctx);
	/* Loopback only (a fresh namespace has no other interface). */
	lpcfg_set_cmdline(env->lp_ctx, "interfaces", "127.0.0.1/8");
	assert_true(NT_STATUS_IS_OK(dcerpc_init()));
	return 0;
}

static int remove_entry(const char *path, const struct stat *st, int flag,
			struct FTW *ftw)
{
	return remove(path);
}

static int group_teardown(void **state)
{
	struct daemon_env *env = *state;

	if (env == NULL) {
		return 0;
	}
	tproc_stop_daemon(&env->pid);
	if (env->detached_pid <= 0 && env->detached_dir != NULL) {
		char *path = talloc_asprintf(env, "%s/clusapid.pid",
					     env->detached_dir);
		char *content = tproc_read_file(env, path);

		env->detached_pid = content != NULL ? atoi(content) : -1;
	}
	tproc_stop_daemon(&env->detached_pid);
	if (env->dir != NULL) {
		nftw(env->dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	}
	if (env->detached_dir != NULL) {
		nftw(env->detached_dir, remove_entry, 16,
		     FTW_DEPTH | FTW_PHYS);
	}
	talloc_free(env);
	*state = NULL;
	return 0;
}

static void test_endpoints_file(void **state)
{
	struct daemon_env *env = *state;

	assert_int_not_equal(env->tcp_port, 0);
	assert_int_not_equal(env->epm_port, 0);
	assert_int_not_equal(env->tcp_port, env->epm_port);
	if (env->private_netns) {
		assert_int_equal(env->epm_port, 135);
	}
}

/* Samba's client: the way rpcclient and smbtorture find the port */
static void test_libdcerpc_epm_map_binding(void **state)
{
	struct daemon_env *env = *state;
	static const struct ndr_interface_string_array no_endpoints = {
		.count = 0,
	};
	/* Only the syntax is used: no default endpoint, so ask the epm. */
	const struct ndr_interface_table clusapi_table = {
		.name = "clusapi",
		.syntax_id = clusapi_syntax,
		.endpoints = &no_endpoints,
		.authservices = &no_endpoints,
	};
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	struct dcerpc_binding *b = NULL;
	const char *endpoint;
	NTSTATUS status;

	if (!env->private_netns) {
		talloc_free(mem_ctx);
		skip();
	}
	status = dcerpc_parse_binding(mem_ctx, "ncacn_ip_tcp:127.0.0.1", &b);
	assert_true(NT_STATUS_IS_OK(status));

	status = dcerpc_epm_map_binding(mem_ctx, b, &clusapi_table, env->ev,
					env->lp_ctx);
	if (!NT_STATUS_IS_OK(status)) {
		fail_msg("dcerpc_epm_map_binding: %s", nt_errstr(status));
	}
	endpoint = dcerpc_binding_get_string_option(b, "endpoint");
	assert_non_null(endpoint);
	assert_int_equal(atoi(endpoint), env->tcp_port);
	talloc_free(mem_ctx);
}

static struct dcerpc_pipe *epm_connect(TALLOC_CTX *mem_ctx,
				       struct daemon_env *env)
{
	struct cli_credentials *anon;
	struct dcerpc_pipe *p = NULL;
	char *binding;
	NTSTATUS status;

	anon = cli_credentials_init_anon(mem_ctx);
	assert_non_null(anon);
	binding = talloc_asprintf(mem_ctx, "ncacn_ip_tcp:127.0.0.1[%u]",
				  (unsigned int)env->epm_port);
	status = dcerpc_pipe_connect(mem_ctx, &p, binding,
				     &ndr_table_clusapi_epm, anon, env->ev,
				     env->lp_ctx);
	if (!NT_STATUS_IS_OK(status)) {
		fail_msg("connect %s: %s", binding, nt_errstr(status));
	}
	return p;
}

static void put_le16(uint8_t *p, uint16_t v)
{
	p[0] = v & 0xff;
	p[1] = v >> 8;
}

static void put_uuid(uint8_t *p, const struct GUID *u)
{
	p[0] = u->time_low & 0xff;
	p[1] = (u->time_low >> 8) & 0xff;
	p[2] = (u->time_low >> 16) & 0xff;
	p[3] = u->time_low >> 24;
	put_le16(p + 4, u->time_mid);
	put_le16(p + 6, u->time_hi_and_version);
	memcpy(p + 8, u->clock_seq, 2);
	memcpy(p + 10, u->node, 6);
}

/*
 * An ncacn_ip_tcp map tower for IFACE (C706 Appendix L): five floors,
 * counts little-endian, port and address in network order (zero).
 */
#define MAP_TOWER_LEN 75
#define TOWER_PORT_OFFSET 64	/* the rhs data of floor 4 */

static void build_map_tower(uint8_t t[MAP_TOWER_LEN],
			    const struct ndr_syntax_id *iface)
{
	uint8_t *p = t;

	put_le16(p, 5);
	p += 2;
	/* floor 1: interface UUID and major version; minor version */
	put_le16(p, 19);
	p[2] = 0x0d;
	put_uuid(p + 3, &iface->uuid);
	put_le16(p + 19, iface->if_version & 0xffff);
	put_le16(p + 21, 2);
	put_le16(p + 23, iface->if_version >> 16);
	p += 25;
	/* floor 2: NDR 2.0 */
	put_le16(p, 19);
	p[2] = 0x0d;
	put_uuid(p + 3, &ndr_transfer_syntax_ndr.uuid);
	put_le16(p + 19, 2);
	put_le16(p + 21, 2);
	put_le16(p + 23, 0);
	p += 25;
	/* floor 3: connection-oriented RPC, minor version 0 */
	put_le16(p, 1);
	p[2] = 0x0b;
	put_le16(p + 3, 2);
	put_le16(p + 5, 0);
	p += 7;
	/* floor 4: TCP port */
	put_le16(p, 1);
	p[2] = 0x07;
	put_le16(p + 3, 2);
	p[5] = 0;
	p[6] = 0;
	p += 7;
	/* floor 5: IPv4 address */
	put_le16(p, 1);
	p[2] = 0x09;
	put_le16(p + 3, 4);
	memset(p + 5, 0, 4);
	p += 9;
	assert_int_equal(p - t, MAP_TOWER_LEN);
}

static uint16_t tower_port(const struct cepm_twr_t *twr)
{
	const uint8_t *t = twr->tower_octet_string;

	assert_int_equal(twr->tower_length, MAP_TOWER_LEN);
	assert_int_equal(t[0], 5);			/* floors */
	assert_int_equal(t[TOWER_PORT_OFFSET - 3], 0x07);	/* TCP */
	return t[TOWER_PORT_OFFSET] << 8 | t[TOWER_PORT_OFFSET + 1];
}

static NTSTATUS epm_map(struct dcerpc_pipe *p, TALLOC_CTX *mem_ctx,
			const struct ndr_syntax_id *iface,
			struct policy_handle *handle, uint32_t *num_towers,
			struct cepm_twr_p_t **towers, uint32_t *status)
{
	uint8_t tower[MAP_TOWER_LEN];
	struct cepm_twr_t twr = {
		.tower_length = sizeof(tower),
		.tower_octet_string = tower,
	};
	struct GUID object = GUID_zero();
	struct cepm_Map r = {
		.in.object = &object,
		.in.map_tower = &twr,
		.in.entry_handle = handle,
		.in.max_towers = 4,
		.out.entry_handle = handle,
		.out.num_towers = num_towers,
		.out.status = status,
	};
	NTSTATUS nt;

	build_map_tower(tower, iface);
	nt = dcerpc_cepm_Map_r(p->binding_handle, mem_ctx, &r);
	*towers = r.out.towers;
	return nt;
}

/* Our own ept_map: the clusapi tower comes back with the TCP port */
static void test_ept_map(void **state)
{
	struct daemon_env *env = *state;
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	struct dcerpc_pipe *p = epm_connect(mem_ctx, env);
	struct policy_handle handle = {};
	struct cepm_twr_p_t *towers = NULL;
	uint32_t num_towers = 0;
	uint32_t status = 0;
	NTSTATUS nt;

	nt = epm_map(p, mem_ctx, &clusapi_syntax, &handle, &num_towers,
		     &towers, &status);
	assert_true(NT_STATUS_IS_OK(nt));
	assert_int_equal(status, 0);
	assert_int_equal(num_towers, 1);
	assert_non_null(towers[0].twr);
	assert_int_equal(tower_port(towers[0].twr), env->tcp_port);
	/* Everything was returned: no enumeration left open */
	assert_true(ndr_policy_handle_empty(&handle));

	/* the endpoint mapper maps itself to its own port */
	nt = epm_map(p, mem_ctx, &epm_syntax, &handle, &num_towers, &towers,
		     &status);
	assert_true(NT_STATUS_IS_OK(nt));
	assert_int_equal(status, 0);
	assert_int_equal(num_towers, 1);
	assert_int_equal(tower_port(towers[0].twr), env->epm_port);
	talloc_free(mem_ctx);
}

static void test_ept_map_unknown_interface(void **state)
{
	struct daemon_env *env = *state;
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	struct dcerpc_pipe *p = epm_connect(mem_ctx, env);
	struct ndr_syntax_id unknown = clusapi_syntax;
	struct policy_handle handle = {};
	struct cepm_twr_p_t *towers = NULL;
	uint32_t num_towers = 1;
	uint32_t status = 0;
	NTSTATUS nt;

	unknown.uuid.node[5] ^= 0xff;
	nt = epm_map(p, mem_ctx, &unknown, &handle, &num_towers, &towers,
		     &status);
	assert_true(NT_STATUS_IS_OK(nt));
	assert_int_equal(status, EPM_MAP_STATUS_NOT_REGISTERED);
	assert_int_equal(num_towers, 0);
	assert_true(ndr_policy_handle_empty(&handle));

	/* Another version of a known interface is not it either */
	unknown = clusapi_syntax;
	unknown.if_version = 2;
	nt = epm_map(p, mem_ctx, &unknown, &handle, &num_towers, &towers,
		     &status);
	assert_true(NT_STATUS_IS_OK(nt));
	assert_int_equal(status, EPM_MAP_STATUS_NOT_REGISTERED);
	assert_int_equal(num_towers, 0);
	talloc_free(mem_ctx);
}

/*
 * ept_lookup one entry at a time, as rpcclient's epmlookup does: every
 * entry with status 0, then an empty answer ending the enumeration.
 */
static void test_ept_lookup(void **state)
{
	struct daemon_env *env = *state;
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	struct dcerpc_pipe *p = epm_connect(mem_ctx, env);
	struct policy_handle handle = {};
	bool seen_clusapi = false;
	bool seen_epm = false;
	int calls = 0;
	uint32_t status;

	do {
		uint32_t num_ents = 0;
		struct cepm_Lookup r = {
			.in.inquiry_type = CEPM_EP_ALL_ELTS,
			.in.vers_option = CEPM_VERS_ALL,
			.in.entry_handle = &handle,
			.in.max_ents = 1,
			.out.entry_handle = &handle,
			.out.num_ents = &num_ents,
			.out.status = &status,
		};
		struct cepm_entry_t *e;
		uint16_t port;
		NTSTATUS nt;

		nt = dcerpc_cepm_Lookup_r(p->binding_handle, mem_ctx, &r);
		assert_true(NT_STATUS_IS_OK(nt));
		assert_true(++calls <= 10);
		if (status != 0) {
			assert_int_equal(num_ents, 0);
			break;
		}
		assert_int_equal(num_ents, 1);
		assert_false(ndr_policy_handle_empty(&handle));
		e = &r.out.entries[0];
		assert_non_null(e->tower);
		port = tower_port(e->tower);
		if (strcmp(e->annotation, "clusapi") == 0) {
			assert_int_equal(port, env->tcp_port);
			seen_clusapi = true;
		} else if (strcmp(e->annotation, "clusapi_epm") == 0) {
			assert_int_equal(port, env->epm_port);
			seen_epm = true;
		} else {
			fail_msg("unexpected entry '%s'", e->annotation);
		}
	} while (true);

	assert_int_equal(status, EPM_MAP_STATUS_NOT_REGISTERED);
	assert_true(ndr_policy_handle_empty(&handle));
	assert_true(seen_clusapi);
	assert_true(seen_epm);
	talloc_free(mem_ctx);
}

static NTSTATUS epm_lookup_all(struct dcerpc_pipe *p, TALLOC_CTX *mem_ctx,
			       struct policy_handle *handle, uint32_t max_ents,
			       uint32_t *num_ents, uint32_t *status)
{
	struct cepm_Lookup r = {
		.in.inquiry_type = CEPM_EP_ALL_ELTS,
		.in.vers_option = CEPM_VERS_ALL,
		.in.entry_handle = handle,
		.in.max_ents = max_ents,
		.out.entry_handle = handle,
		.out.num_ents = num_ents,
		.out.status = status,
	};

	return dcerpc_cepm_Lookup_r(p->binding_handle, mem_ctx, &r);
}

/* A batch smaller than asked for ends the enumeration at once */
static void test_ept_lookup_batch(void **state)
{
	struct daemon_env *env = *state;
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	struct dcerpc_pipe *p = epm_connect(mem_ctx, env);
	struct policy_handle handle = {};
	uint32_t num_ents = 0;
	uint32_t status = 0;
	NTSTATUS nt;

	nt = epm_lookup_all(p, mem_ctx, &handle, 10, &num_ents, &status);
	assert_true(NT_STATUS_IS_OK(nt));
	assert_int_equal(num_ents, 2);
	assert_int_equal(status, EPM_MAP_STATUS_NOT_REGISTERED);
	assert_true(ndr_policy_handle_empty(&handle));
	talloc_free(mem_ctx);
}

/* ept_lookup_handle_free ends an enumeration; the handle is gone */
static void test_ept_lookup_handle_free(void **state)
{
	struct daemon_env *env = *state;
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	struct dcerpc_pipe *p = epm_connect(mem_ctx, env);
	struct policy_handle handle = {};
	struct policy_handle stale;
	uint32_t num_ents = 0;
	uint32_t status = 1;
	NTSTATUS nt;

	nt = epm_lookup_all(p, mem_ctx, &handle, 1, &num_ents, &status);
	assert_true(NT_STATUS_IS_OK(nt));
	assert_int_equal(status, 0);
	assert_false(ndr_policy_handle_empty(&handle));
	stale = handle;

	nt = dcerpc_cepm_LookupHandleFree(p->binding_handle, mem_ctx,
					  &handle, &status);
	assert_true(NT_STATUS_IS_OK(nt));
	assert_int_equal(status, 0);
	assert_true(ndr_policy_handle_empty(&handle));

	/* An unknown handle is a fault (context mismatch), not a status */
	nt = epm_lookup_all(p, mem_ctx, &stale, 1, &num_ents, &status);
	assert_false(NT_STATUS_IS_OK(nt));
	talloc_free(mem_ctx);
}

/* A second daemon on the same state directory refuses, in one line */
static void test_second_instance_refused(void **state)
{
	struct daemon_env *env = *state;
	char *stderr_path = talloc_asprintf(env, "%s/stderr2", env->dir);
	const char *argv[] = {
		"clusapid", "--foreground", "--state-dir", env->dir,
		"--listen", "127.0.0.1", "--tcp-port", "0",
		"--epm-port", "none", "--np-socket-dir", "none", NULL
	};
	char *err;
	pid_t pid;
	int status;

	pid = tproc_spawn(env->bin, stderr_path, argv, true);
	assert_true(pid > 0);
	status = tproc_wait_exit(pid, START_TIMEOUT_MS);
	if (status == -1) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		fail_msg("the second clusapid did not exit");
	}
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 1);

	err = tproc_read_file(env, stderr_path);
	assert_non_null(err);
	assert_non_null(strstr(err, "already running"));
	assert_int_equal(count_lines(err), 1);
}

/*
 * Without --foreground the command returns once the daemon serves: the
 * endpoints file is there when it does.
 */
static void test_detached_start(void **state)
{
	struct daemon_env *env = *state;
	char *stderr_path;
	char *pid_path;
	char *content;
	const char *argv[14];
	pid_t pid;
	int status;
	int i = 0;

	env->detached_dir = talloc_strdup(env,
					  "/tmp/clusapi-test-detach-XXXXXX");
	assert_non_null(mkdtemp(env->detached_dir));
	stderr_path = talloc_asprintf(env, "%s/stderr", env->detached_dir);
	pid_path = talloc_asprintf(env, "%s/clusapid.pid",
				   env->detached_dir);

	argv[i++] = "clusapid";
	argv[i++] = "--state-dir";
	argv[i++] = env->detached_dir;
	argv[i++] = "--listen";
	argv[i++] = "127.0.0.1";
	argv[i++] = "--tcp-port";
	argv[i++] = "0";
	argv[i++] = "--epm-port";
	argv[i++] = "none";
	argv[i++] = "--np-socket-dir";
	argv[i++] = "none";
	argv[i++] = NULL;

	pid = tproc_spawn(env->bin, stderr_path, argv, false);
	assert_true(pid > 0);
	status = tproc_wait_exit(pid, START_TIMEOUT_MS);
	if (status == -1) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		fail_msg("clusapid did not detach");
	}

	/* Known before any assertion, so that the teardown stops it */
	content = tproc_read_file(env, pid_path);
	env->detached_pid = content != NULL ? atoi(content) : -1;

	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		content = tproc_read_file(env, stderr_path);
		fail_msg("clusapid failed to start (status 0x%x):\n%s",
			 status, content != NULL ? content : "");
	}
	assert_true(env->detached_pid > 0);
	assert_int_not_equal(env->detached_pid, pid);

	content = tproc_read_file(env, talloc_asprintf(env, "%s/endpoints",
						 env->detached_dir));
	assert_non_null(content);
	assert_int_not_equal(tproc_endpoint_port(content, "clusapi"), 0);

	/* We are its subreaper: it is our child now. */
	assert_int_equal(kill(env->detached_pid, SIGTERM), 0);
	status = tproc_wait_exit(env->detached_pid, STOP_TIMEOUT_MS);
	assert_int_not_equal(status, -1);
	env->detached_pid = -1;
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

/* SIGTERM: a clean stop, exit status 0, the endpoints file gone */
static void test_sigterm(void **state)
{
	struct daemon_env *env = *state;
	char *endpoints = talloc_asprintf(env, "%s/endpoints", env->dir);
	int status;

	assert_int_equal(kill(env->pid, SIGTERM), 0);
	status = tproc_wait_exit(env->pid, STOP_TIMEOUT_MS);
	assert_int_not_equal(status, -1);
	env->pid = -1;
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_int_equal(access(endpoints, F_OK), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_endpoints_file),
		cmocka_unit_test(test_libdcerpc_epm_map_binding),
		cmocka_unit_test(test_ept_map),
		cmocka_unit_test(test_ept_map_unknown_interface),
		cmocka_unit_test(test_ept_lookup),
		cmocka_unit_test(test_ept_lookup_batch),
		cmocka_unit_test(test_ept_lookup_handle_free),
		cmocka_unit_test(test_second_instance_refused),
		cmocka_unit_test(test_detached_start),
		/* last: it stops the daemon the others use */
		cmocka_unit_test(test_sigterm),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
