/*
 * clusapi torture: smbd's named-pipe-auth handshake and the access policy
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Requests are built with the same PIDL code that parses them
 * (librpc/idl/npa.idl); the suite smbtorture_np.sh checks the layout
 * against a real smbd. The reply is compared byte for byte with the one
 * smbd 4.17 accepts.
 */

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmocka.h>

#include "server/log.h"
#include <talloc.h>
#include <tevent.h>
#include <ndr.h>
#include <gen_ndr/auth.h>
#include <gen_ndr/security.h>

#include "librpc/gen_ndr/ndr_npa.h"
#include "server/dcesrv/policy.h"
#include "server/transport/npa.h"

/* What smbd 4.17 accepts: the reply it reads back from a pipe server */
static const uint8_t reference_reply[36] = {
	0x00, 0x00, 0x00, 0x20, 'N', 'P', 'A', 'M',
	0x07, 0x00, 0x00, 0x00, 0x07, 0x00, 0x00, 0x00,
	0x02, 0x00, 0xff, 0x05, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00,
};

static const uint8_t session_key[16] = {
	1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
};

static void sid_set(struct cnpa_dom_sid *sid, TALLOC_CTX *mem,
		    uint8_t authority, int n, const uint32_t *subs)
{
	*sid = (struct cnpa_dom_sid) {
		.sid_rev_num = 1,
		.num_auths = n,
		.id_auth = { 0, 0, 0, 0, 0, authority },
		.sub_auths = talloc_memdup(mem, subs, n * sizeof(uint32_t)),
	};
}

/*
 * What smbd sends for an SMB3-encrypted pipe of EXAMPLE\alice (uid
 * 1000, groups 100 and 27); FLAGS: no session, no SIDs.
 */
#define NO_SESSION 1
#define NO_SIDS 2

static DATA_BLOB build_request(TALLOC_CTX *mem, int flags)
{
	static const uint32_t user[] = { 21, 1, 2, 3, 1000 };
	static const uint32_t world[] = { 0 };
	static const uint32_t smb3[] = { 1397571891, 0x311, 2, 2 };
	static gid_t groups[] = { 100, 27 };
	struct cnpa_req req = {
		.level = CNPA_LEVEL,
	};
	struct cnpa_req_info7 *i7 = &req.info.info7;
	struct cnpa_auth_session_info *si;
	struct cnpa_security_token *token;
	DATA_BLOB blob;
	enum ndr_err_code ndr_err;

	*i7 = (struct cnpa_req_info7) {
		.transport = 0x0f,
		.remote_client_name = "SMBDHOST",
		.remote_client_addr = "192.0.2.10",
		.remote_client_port = 49152,
		.local_server_name = "SMBDHOST",
		.local_server_addr = "192.0.2.1",
		.local_server_port = 445,
	};
	if (flags & NO_SESSION) {
		goto push;
	}
	i7->session_info = talloc_zero(mem,
				       struct cnpa_auth_session_info_transport);
	si = talloc_zero(mem, struct cnpa_auth_session_info);
	i7->session_info->session_info = si;

	token = talloc_zero(mem, struct cnpa_security_token);
	if (!(flags & NO_SIDS)) {
		token->num_sids = 3;
		token->sids = talloc_zero_array(mem, struct cnpa_dom_sid, 3);
		sid_set(&token->sids[0], mem, 5, 5, user);
		sid_set(&token->sids[1], mem, 1, 1, world);
		sid_set(&token->sids[2], mem, 22, 4, smb3);
	}
	si->security_token = token;

	si->unix_token = talloc_zero(mem, struct cnpa_security_unix_token);
	si->unix_token->uid = 1000;
	si->unix_token->gid = 100;
	si->unix_token->ngroups = 2;
	si->unix_token->groups = groups;

	si->info = talloc_zero(mem, struct cnpa_auth_user_info);
	si->info->account_name = "alice";
	si->info->domain_name = "EXAMPLE";
	si->info->authenticated = 1;
	si->unix_info = talloc_zero(mem, struct cnpa_auth_user_info_unix);
	si->unix_info->unix_name = "alice";
	si->session_key = data_blob_const(session_key, sizeof(session_key));
	si->unique_session_token.time_low = 0x12345678;
push:
	ndr_err = ndr_push_struct_blob(&blob, mem, &req,
				       (ndr_push_flags_fn_t)ndr_push_cnpa_req);
	assert_true(NDR_ERR_CODE_IS_SUCCESS(ndr_err));
	return blob;
}

static void test_reply_bytes(void **state)
{
	TALLOC_CTX *mem = talloc_new(NULL);
	uint8_t *buf = NULL;
	size_t len = 0;

	assert_int_equal(clusrv_npa_reply(mem, &buf, &len), 0);
	assert_int_equal(len, sizeof(reference_reply));
	assert_memory_equal(buf, reference_reply, len);
	talloc_free(mem);
}

static void test_parse_request(void **state)
{
	TALLOC_CTX *mem = talloc_new(NULL);
	DATA_BLOB blob = build_request(mem, 0);
	struct clusrv_npa_client *c = NULL;
	const struct auth_session_info *s;

	/* big-endian length word: everything after it */
	assert_int_equal(((uint32_t)blob.data[0] << 24 | blob.data[1] << 16 |
			  blob.data[2] << 8 | blob.data[3]), blob.length - 4);

	assert_int_equal(clusrv_npa_parse_request(mem, blob.data, blob.length,
						  &c), 0);
	assert_string_equal(c->remote_addr, "192.0.2.10");
	assert_int_equal(c->remote_port, 49152);
	assert_string_equal(c->local_addr, "192.0.2.1");
	assert_int_equal(c->local_port, 445);

	s = c->session_info;
	assert_non_null(s->security_token);
	assert_int_equal(s->security_token->num_sids, 3);
	assert_int_equal(s->security_token->sids[0].num_auths, 5);
	assert_int_equal(s->security_token->sids[0].id_auth[5], 5);
	assert_int_equal(s->security_token->sids[0].sub_auths[4], 1000);
	assert_int_equal(s->security_token->sids[2].sub_auths[0],
			 1397571891);
	assert_string_equal(s->info->account_name, "alice");
	assert_string_equal(s->info->domain_name, "EXAMPLE");
	assert_int_equal(s->info->authenticated, 1);
	assert_string_equal(s->unix_info->unix_name, "alice");
	assert_int_equal(s->unix_token->uid, 1000);
	assert_int_equal(s->unix_token->ngroups, 2);
	assert_int_equal(s->unix_token->groups[1], 27);
	assert_int_equal(s->session_key.length, sizeof(session_key));
	assert_memory_equal(s->session_key.data, session_key,
			    sizeof(session_key));
	assert_int_equal(s->unique_session_token.time_low, 0x12345678);
	talloc_free(mem);
}

/* Every prefix, with a length word that matches it, is refused. */
static void test_parse_truncated(void **state)
{
	TALLOC_CTX *mem = talloc_new(NULL);
	DATA_BLOB blob = build_request(mem, 0);
	struct clusrv_npa_client *c = NULL;
	uint8_t *buf = talloc_size(mem, blob.length + 1);
	size_t n;

	for (n = 4; n < blob.length; n++) {
		memcpy(buf, blob.data, n);
		buf[0] = (n - 4) >> 24;
		buf[1] = (n - 4) >> 16;
		buf[2] = (n - 4) >> 8;
		buf[3] = (n - 4);
		assert_int_equal(clusrv_npa_parse_request(mem, buf, n, &c),
				 EPROTO);
	}
	/* and one byte too many */
	memcpy(buf, blob.data, blob.length);
	buf[blob.length] = 0;
	buf[3] += 1;
	assert_int_equal(clusrv_npa_parse_request(mem, buf, blob.length + 1,
						  &c), EPROTO);
	talloc_free(mem);
}

static void test_parse_incomplete_session(void **state)
{
	TALLOC_CTX *mem = talloc_new(NULL);
	struct clusrv_npa_client *c = NULL;
	DATA_BLOB blob;

	blob = build_request(mem, NO_SESSION);
	assert_int_equal(clusrv_npa_parse_request(mem, blob.data, blob.length,
						  &c), EPROTO);
	blob = build_request(mem, NO_SIDS);
	assert_int_equal(clusrv_npa_parse_request(mem, blob.data, blob.length,
						  &c), EPROTO);

	/* a bad magic */
	blob = build_request(mem, 0);
	blob.data[4] = 'X';
	assert_int_equal(clusrv_npa_parse_request(mem, blob.data, blob.length,
						  &c), EPROTO);
	talloc_free(mem);
}

struct accept_result {
	bool done;
	int ret;
	struct clusrv_npa_client *client;
};

static void accept_done(struct tevent_req *req)
{
	struct accept_result *r = tevent_req_callback_data_void(req);

	r->ret = clusrv_npa_accept_recv(req, req, &r->client);
	if (r->client != NULL) {
		talloc_steal(NULL, r->client);
	}
	r->done = true;
	talloc_free(req);
}

/* Run the handshake on a socketpair; SEND is what the peer writes. */
static int run_accept(const uint8_t *send_buf, size_t send_len, bool eof,
		      unsigned int timeout_ms, uint8_t *reply,
		      size_t *reply_len, struct clusrv_npa_client **client)
{
	struct tevent_context *ev = tevent_context_init(NULL);
	struct accept_result r = { 0 };
	struct tevent_req *req;
	int sv[2];
	ssize_t n;

	assert_non_null(ev);
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0,
				    sv), 0);
	if (send_len > 0) {
		assert_int_equal(write(sv[1], send_buf, send_len), send_len);
	}
	if (eof) {
		shutdown(sv[1], SHUT_WR);
	}
	req = clusrv_npa_accept_send(ev, ev, sv[0], timeout_ms);
	assert_non_null(req);
	tevent_req_set_callback(req, accept_done, &r);
	while (!r.done) {
		assert_int_equal(tevent_loop_once(ev), 0);
	}
	n = read(sv[1], reply, *reply_len);
	*reply_len = n > 0 ? n : 0;
	close(sv[0]);
	close(sv[1]);
	talloc_free(ev);
	*client = r.client;
	return r.ret;
}

static void test_accept(void **state)
{
	TALLOC_CTX *mem = talloc_new(NULL);
	DATA_BLOB blob = build_request(mem, 0);
	struct clusrv_npa_client *c = NULL;
	uint8_t reply[100];
	size_t len = sizeof(reply);

	assert_int_equal(run_accept(blob.data, blob.length, false, 5000,
				    reply, &len, &c), 0);
	assert_int_equal(len, sizeof(reference_reply));
	assert_memory_equal(reply, reference_reply, len);
	assert_non_null(c);
	assert_string_equal(c->session_info->info->account_name, "alice");
	talloc_free(c);
	talloc_free(mem);
}

static void test_accept_refused(void **state)
{
	TALLOC_CTX *mem = talloc_new(NULL);
	DATA_BLOB blob = build_request(mem, 0);
	static const uint8_t huge[4] = { 0x7f, 0xff, 0xff, 0xff };
	struct clusrv_npa_client *c = NULL;
	uint8_t reply[100];
	size_t len;

	/* the peer goes in the middle: nothing is sent */
	len = sizeof(reply);
	assert_int_equal(run_accept(blob.data, blob.length / 2, true, 5000,
				    reply, &len, &c), ECONNRESET);
	assert_int_equal(len, 0);
	assert_null(c);

	len = sizeof(reply);
	assert_int_equal(run_accept(huge, sizeof(huge), false, 5000, reply,
				    &len, &c), EPROTO);
	assert_int_equal(len, 0);

	/* silent after half the request */
	len = sizeof(reply);
	assert_int_equal(run_accept(blob.data, blob.length / 2, false, 100,
				    reply, &len, &c), ETIMEDOUT);
	assert_int_equal(len, 0);
	talloc_free(mem);
}

/* A session as the handshake gives it: SIDs, names, unix ids */
static struct auth_session_info *session(TALLOC_CTX *mem, const char *domain,
					 const char *account, uid_t uid,
					 gid_t gid, const struct dom_sid *extra)
{
	struct auth_session_info *s = talloc_zero(mem,
						  struct auth_session_info);
	struct dom_sid user = {
		.sid_rev_num = 1, .num_auths = 5,
		.id_auth = { 0, 0, 0, 0, 0, 5 },
		.sub_auths = { 21, 1, 2, 3, 1000 + uid },
	};

	s->security_token = talloc_zero(s, struct security_token);
	s->security_token->sids = talloc_zero_array(s, struct dom_sid, 2);
	s->security_token->sids[0] = user;
	s->security_token->num_sids = 1;
	if (extra != NULL) {
		s->security_token->sids[1] = *extra;
		s->security_token->num_sids = 2;
	}
	s->unix_token = talloc_zero(s, struct security_unix_token);
	s->unix_token->uid = uid;
	s->unix_token->gid = gid;
	s->info = talloc_zero(s, struct auth_user_info);
	s->info->account_name = account;
	s->info->domain_name = domain;
	s->info->authenticated = 1;
	return s;
}

static char *write_policy(TALLOC_CTX *mem, const char *text)
{
	char *path = talloc_strdup(mem, "/tmp/clusapi-policy.XXXXXX");
	int fd = mkstemp(path);

	assert_true(fd != -1);
	assert_int_equal(write(fd, text, strlen(text)), strlen(text));
	close(fd);
	return path;
}

/* What loading TEXT as the policy says is wrong with it */
static const char *policy_error(TALLOC_CTX *mem, const char *text)
{
	char *path = write_policy(mem, text);
	char *error = NULL;

	assert_null(clusrv_access_policy_load(mem, path, &error));
	unlink(path);
	assert_non_null(error);
	return error;
}

static enum clusrv_access check(const struct clusrv_access_policy *p,
				const struct auth_session_info *s,
				bool *admin)
{
	return clusrv_access_policy_check(p, s, admin);
}

static void test_policy(void **state)
{
	TALLOC_CTX *mem = talloc_new(NULL);
	struct dom_sid admins = {
		.sid_rev_num = 1, .num_auths = 2,
		.id_auth = { 0, 0, 0, 0, 0, 5 }, .sub_auths = { 32, 544 },
	};
	struct dom_sid domain_admins = {
		.sid_rev_num = 1, .num_auths = 5,
		.id_auth = { 0, 0, 0, 0, 0, 5 },
		.sub_auths = { 21, 1, 2, 3, 512 },
	};
	struct clusrv_access_policy *p;
	char *error = NULL;
	char *path;
	bool admin;

	/* The defaults: root and BUILTIN\Administrators; others read */
	p = clusrv_access_policy_default(mem);
	assert_int_equal(check(p, session(mem, "EX", "bob", 1001, 1001, NULL),
			       &admin), CLUSRV_ACCESS_READ);
	assert_false(admin);
	assert_int_equal(check(p, session(mem, "EX", "root", 0, 0, NULL),
			       &admin), CLUSRV_ACCESS_FULL);
	assert_int_equal(check(p, session(mem, "EX", "bob", 1001, 1001,
					  &admins), &admin),
			 CLUSRV_ACCESS_FULL);
	assert_true(admin);

	/* Users by name and DOMAIN\name, groups by name (root, gid 0), SIDs */
	path = write_policy(mem,
			    "# test\n"
			    "[access]\n"
			    "  admin users = alice, OTHER\\carol\n"
			    "  admin groups = root\n"
			    "  admin sids = S-1-5-21-1-2-3-512\n"
			    "  authenticated = none\n");
	p = clusrv_access_policy_load(mem, path, &error);
	unlink(path);
	assert_non_null(p);
	assert_int_equal(check(p, session(mem, "EX", "ALICE", 1001, 1001,
					  NULL), &admin), CLUSRV_ACCESS_FULL);
	assert_int_equal(check(p, session(mem, "EX", "carol", 1002, 1002,
					  NULL), &admin), CLUSRV_ACCESS_NONE);
	assert_int_equal(check(p, session(mem, "other", "carol", 1002, 1002,
					  NULL), &admin), CLUSRV_ACCESS_FULL);
	assert_int_equal(check(p, session(mem, "EX", "dave", 1003, 0, NULL),
			       &admin), CLUSRV_ACCESS_FULL);
	assert_int_equal(check(p, session(mem, "EX", "erin", 1004, 1004,
					  &domain_admins), &admin),
			 CLUSRV_ACCESS_FULL);
	/* admin sids replaced the default S-1-5-32-544 */
	assert_int_equal(check(p, session(mem, "EX", "bob", 1001, 1001,
					  &admins), &admin),
			 CLUSRV_ACCESS_NONE);

	/* Mistakes name their line */
	assert_non_null(strstr(policy_error(mem,
					    "[access]\nadmin userz = x\n"),
			       ":2: unknown key 'admin userz'"));
	assert_non_null(strstr(policy_error(mem, "admin users = x\n"),
			       ":1: "));
	assert_non_null(strstr(policy_error(mem,
					    "[access]\nadmin sids = S-1-x\n"),
			       ":2: admin sids"));
	policy_error(mem, "[access]\nauthenticated = some\n");
	talloc_free(mem);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reply_bytes),
		cmocka_unit_test(test_parse_request),
		cmocka_unit_test(test_parse_truncated),
		cmocka_unit_test(test_parse_incomplete_session),
		cmocka_unit_test(test_accept),
		cmocka_unit_test(test_accept_refused),
		cmocka_unit_test(test_policy),
	};

	/* the refusals log at notice level: keep the output short */
	clus_log_level = CLUS_LOG_ERR;
	return cmocka_run_group_tests_name("npa", tests, NULL, NULL);
}
