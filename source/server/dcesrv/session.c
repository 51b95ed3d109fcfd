/*
 * clusapid: caller identities
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Samba builds session_info structures in its private auth library; the
 * structures themselves (gen_ndr/auth.h, gen_ndr/security.h) are public,
 * so we fill them by hand.
 */

#include <netdb.h>
#include <stdio.h>
#include <string.h>

#include "server/log.h"
#include <talloc.h>
#include <ndr.h>
#include <gen_ndr/auth.h>
#include <gen_ndr/security.h>

#include "server/dcesrv/dcesrv.h"
#include "server/dcesrv/policy.h"

/* S-1-<authority>-<sub>... with a one-byte authority */
static void clusrv_sid_init(struct dom_sid *sid, uint8_t authority,
			    int num_subs, const uint32_t *subs)
{
	int i;

	*sid = (struct dom_sid) {
		.sid_rev_num = 1,
		.num_auths = num_subs,
		.id_auth = { 0, 0, 0, 0, 0, authority },
	};
	for (i = 0; i < num_subs; i++) {
		sid->sub_auths[i] = subs[i];
	}
}

bool clusrv_sid_equal(const struct dom_sid *a, const struct dom_sid *b)
{
	int i;

	if (a->sid_rev_num != b->sid_rev_num ||
	    a->num_auths != b->num_auths ||
	    memcmp(a->id_auth, b->id_auth, sizeof(a->id_auth)) != 0) {
		return false;
	}
	for (i = 0; i < a->num_auths; i++) {
		if (a->sub_auths[i] != b->sub_auths[i]) {
			return false;
		}
	}
	return true;
}

bool clusrv_token_has_sid(const struct security_token *token,
			  const struct dom_sid *sid)
{
	uint32_t i;

	for (i = 0; i < token->num_sids; i++) {
		if (clusrv_sid_equal(&token->sids[i], sid)) {
			return true;
		}
	}
	return false;
}

static const uint32_t sub_anonymous[] = { 7 };		/* S-1-5-7 */
static const uint32_t sub_world[] = { 0 };		/* S-1-1-0 */
static const uint32_t sub_network[] = { 2 };		/* S-1-5-2 */

struct auth_session_info *clusrv_anonymous_session(TALLOC_CTX *mem_ctx)
{
	struct auth_session_info *s;
	struct security_token *token;
	struct auth_user_info *info;

	s = talloc_zero(mem_ctx, struct auth_session_info);
	if (s == NULL) {
		return NULL;
	}

	/*
	 * The dcesrv core stores sids[0] in every context handle and
	 * compares it on lookup: it must be the anonymous SID.
	 */
	token = talloc_zero(s, struct security_token);
	if (token == NULL) {
		goto nomem;
	}
	token->sids = talloc_zero_array(token, struct dom_sid, 3);
	if (token->sids == NULL) {
		goto nomem;
	}
	clusrv_sid_init(&token->sids[0], 5, 1, sub_anonymous);
	clusrv_sid_init(&token->sids[1], 1, 1, sub_world);
	clusrv_sid_init(&token->sids[2], 5, 1, sub_network);
	token->num_sids = 3;
	s->security_token = token;

	info = talloc_zero(s, struct auth_user_info);
	if (info == NULL) {
		goto nomem;
	}
	info->account_name = talloc_strdup(info, "ANONYMOUS LOGON");
	info->domain_name = talloc_strdup(info, "NT AUTHORITY");
	if (info->account_name == NULL || info->domain_name == NULL) {
		goto nomem;
	}
	info->authenticated = 0;
	s->info = info;

	s->unique_session_token = GUID_random();
	return s;

nomem:
	talloc_free(s);
	return NULL;
}

/*
 * smbd marks a pipe opened over SMB3 encryption with
 * S-1-22-1397571891-<dialect>-<encryption>-<cipher> ("SMB3").
 */
static bool clusrv_token_smb_encrypted(const struct security_token *token)
{
	static const uint8_t unix_auth[6] = { 0, 0, 0, 0, 0, 22 };
	uint32_t i;

	for (i = 0; i < token->num_sids; i++) {
		const struct dom_sid *sid = &token->sids[i];

		if (sid->num_auths == 4 &&
		    memcmp(sid->id_auth, unix_auth, sizeof(unix_auth)) == 0 &&
		    sid->sub_auths[0] == 1397571891) {
			return true;
		}
	}
	return false;
}

void clusrv_identity_from_session(struct clusrv_identity *identity,
				  const struct auth_session_info *session_info,
				  const struct clusrv_context *srv)
{
	const struct security_token *token = session_info->security_token;
	struct dom_sid anonymous;
	bool is_anonymous = true;
	bool is_admin = false;
	enum clusrv_access access;

	clusrv_sid_init(&anonymous, 5, 1, sub_anonymous);

	/* Guests count as anonymous: smbd marks them unauthenticated. */
	if (token != NULL && token->num_sids > 0 &&
	    session_info->info != NULL &&
	    session_info->info->authenticated) {
		is_anonymous = clusrv_sid_equal(&token->sids[0], &anonymous);
	}

	switch (srv->opts.anonymous) {
	case CLUSRV_ANONYMOUS_NONE:
		access = CLUSRV_ACCESS_NONE;
		break;
	case CLUSRV_ANONYMOUS_READ:
		access = CLUSRV_ACCESS_READ;
		break;
	default:
		access = CLUSRV_ACCESS_FULL;
		break;
	}
	if (!is_anonymous) {
		access = clusrv_access_policy_check(srv->access_policy,
						    session_info, &is_admin);
	}

	*identity = (struct clusrv_identity) {
		.is_authenticated = !is_anonymous,
		.is_admin = is_admin,
		.smb_encrypted = token != NULL &&
				 clusrv_token_smb_encrypted(token),
		.access = access,
		.session_info = session_info,
	};
	if (session_info->info != NULL) {
		identity->account_name = session_info->info->account_name;
		identity->domain_name = session_info->info->domain_name;
	}
}

char *clusrv_sockaddr_string(TALLOC_CTX *mem_ctx, const struct sockaddr *sa,
			     socklen_t sa_len)
{
	char host[NI_MAXHOST];
	char port[NI_MAXSERV];
	int ret;

	ret = getnameinfo(sa, sa_len, host, sizeof(host), port, sizeof(port),
			  NI_NUMERICHOST | NI_NUMERICSERV);
	if (ret != 0) {
		return talloc_strdup(mem_ctx, "?");
	}
	if (sa->sa_family == AF_INET6) {
		return talloc_asprintf(mem_ctx, "[%s]:%s", host, port);
	}
	return talloc_asprintf(mem_ctx, "%s:%s", host, port);
}
