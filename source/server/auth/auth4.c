/*
 * clusapid: the auth4_context gensec checks passwords with
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gensec's NTLMSSP server does not check passwords itself: it asks the
 * auth4_context it was started with for a challenge, then to check the
 * client's response (check_ntlm_password_send/recv, which also give the
 * session key sealing needs) and to build the caller's session
 * (generate_session_info); Kerberos asks it for the session of a
 * ticket's principal (generate_session_info_pac). Samba's own servers
 * fill it from their SAM; clusapid from its users (--auth-users) and
 * the principals of its realm (--auth-keytab, --auth-realm).
 *
 * A user's token: a SID of our own local domain (below), S-1-1-0
 * (World), S-1-5-2 (Network), S-1-5-11 (Authenticated Users; gensec and
 * dcesrv count a session as a user's only with it), then the user's
 * extra SIDs and groups (S-1-22-2-<gid>), which the access policy
 * (--access-config) matches.
 */

#include <grp.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>

#include "server/log.h"
#include <talloc.h>
#include <tevent.h>
#include <util/tevent_ntstatus.h>
#include <ndr.h>
#include <param.h>
#include <gen_ndr/security.h>

#include "server/auth/auth.h"
#include "server/auth/gensec_shim.h"
#include "server/auth/passdb.h"
#include "server/auth/users.h"
#include "server/dcesrv/policy.h"

/*
 * The local domain of --auth-users users: an arbitrary, fixed S-1-5-21
 * domain (as every Windows machine has one of its own), the RID a hash
 * of the lower-cased name, so a user keeps his SID across restarts.
 */
#define CLUSRV_LOCAL_DOMAIN_SID "S-1-5-21-2845304160-2013640006-1357924680"

static uint32_t user_rid(const char *name)
{
	uint32_t h = 2166136261u;	/* FNV-1a */

	for (; *name != '\0'; name++) {
		unsigned char c = *name;

		h = (h ^ (c >= 'A' && c <= 'Z' ? c + 32 : c)) * 16777619u;
	}
	return 1000 + h % 1000000000u;
}

static NTSTATUS auth4_get_challenge(struct auth4_context *auth4,
				    uint8_t chal[8])
{
	if (auth4->challenge.data.length != 8) {
		if (getrandom(chal, 8, 0) != 8) {
			return NT_STATUS_INTERNAL_ERROR;
		}
		auth4->challenge.data = data_blob_talloc(auth4, chal, 8);
		auth4->challenge.set_by = "clusapid";
		if (auth4->challenge.data.data == NULL) {
			return NT_STATUS_NO_MEMORY;
		}
	}
	memcpy(chal, auth4->challenge.data.data, 8);
	return NT_STATUS_OK;
}

static NTSTATUS auth4_set_challenge(struct auth4_context *auth4,
				    const uint8_t chal[8], const char *set_by)
{
	data_blob_free(&auth4->challenge.data);
	auth4->challenge.data = data_blob_talloc(auth4, chal, 8);
	auth4->challenge.set_by = set_by;
	return auth4->challenge.data.data != NULL ? NT_STATUS_OK :
	       NT_STATUS_NO_MEMORY;
}

struct auth4_check_state {
	struct clusrv_user *user;
	DATA_BLOB user_session_key;
	DATA_BLOB lm_session_key;
};

static const char **copy_list(TALLOC_CTX *mem_ctx, const char **list)
{
	const char **copy;
	size_t n = 0;
	size_t i;

	while (list[n] != NULL) {
		n++;
	}
	copy = talloc_zero_array(mem_ctx, const char *, n + 1);
	for (i = 0; copy != NULL && i < n; i++) {
		copy[i] = talloc_strdup(copy, list[i]);
		if (copy[i] == NULL) {
			TALLOC_FREE(copy);
		}
	}
	return copy;
}

static NTSTATUS auth4_check(struct auth4_check_state *state,
			    struct auth4_context *auth4,
			    const struct auth_usersupplied_info *ui)
{
	struct clusrv_auth *auth = talloc_get_type_abort(auth4->private_data,
							 struct clusrv_auth);
	const char *account = ui->client.account_name;
	const char *domain = ui->client.domain_name;
	const struct clusrv_user *user;
	struct samr_Password nt;
	NTSTATUS status;

	if (ui->password_state != AUTH_PASSWORD_RESPONSE ||
	    account == NULL || account[0] == '\0') {
		DBG_NOTICE("NTLM logon without a user name refused\n");
		return NT_STATUS_LOGON_FAILURE;
	}
	user = clusrv_users_find(auth->users, account);
	if (user == NULL && auth->passdb) {
		user = clusrv_passdb_find(state, account);
	}
	if (user == NULL) {
		DBG_NOTICE("NTLM logon of %s\\%s refused: no such user\n",
			   domain != NULL ? domain : "", account);
		return NT_STATUS_NO_SUCH_USER;
	}
	memcpy(nt.hash, user->nt_hash, sizeof(nt.hash));
	status = clus_ntlm_password_check(state, &auth4->challenge.data, ui,
					  user->name, &nt,
					  &state->user_session_key,
					  &state->lm_session_key);
	memset(&nt, 0, sizeof(nt));
	if (!NT_STATUS_IS_OK(status)) {
		DBG_NOTICE("NTLM logon of %s\\%s refused: %s\n",
			   domain != NULL ? domain : "", account,
			   nt_errstr(status));
		return status;
	}
	state->user = talloc_memdup(state, user, sizeof(*user));
	if (state->user == NULL) {
		return NT_STATUS_NO_MEMORY;
	}
	/* the session outlives a reloaded user list */
	state->user->name = talloc_strdup(state->user, user->name);
	state->user->extra = copy_list(state->user, user->extra);
	if (state->user->name == NULL || state->user->extra == NULL) {
		return NT_STATUS_NO_MEMORY;
	}
	DBG_INFO("NTLM logon of %s\\%s as %s\n",
		 domain != NULL ? domain : "", account, user->name);
	return NT_STATUS_OK;
}

static struct tevent_req *auth4_check_send(
	TALLOC_CTX *mem_ctx, struct tevent_context *ev,
	struct auth4_context *auth4,
	const struct auth_usersupplied_info *ui)
{
	struct auth4_check_state *state;
	struct tevent_req *req;
	NTSTATUS status;

	req = tevent_req_create(mem_ctx, &state, struct auth4_check_state);
	if (req == NULL) {
		return NULL;
	}
	status = auth4_check(state, auth4, ui);
	if (tevent_req_nterror(req, status)) {
		return tevent_req_post(req, ev);
	}
	tevent_req_done(req);
	return tevent_req_post(req, ev);
}

static NTSTATUS auth4_check_recv(struct tevent_req *req, TALLOC_CTX *mem_ctx,
				 uint8_t *pauthoritative,
				 void **server_returned_info,
				 DATA_BLOB *nt_session_key,
				 DATA_BLOB *lm_session_key)
{
	struct auth4_check_state *state = tevent_req_data(
		req, struct auth4_check_state);
	NTSTATUS status;

	*pauthoritative = 1;
	if (tevent_req_is_nterror(req, &status)) {
		tevent_req_received(req);
		return status;
	}
	*server_returned_info = talloc_move(mem_ctx, &state->user);
	*nt_session_key = state->user_session_key;
	talloc_steal(mem_ctx, nt_session_key->data);
	*lm_session_key = state->lm_session_key;
	talloc_steal(mem_ctx, lm_session_key->data);
	tevent_req_received(req);
	return NT_STATUS_OK;
}

static bool token_add(struct security_token *token, const struct dom_sid *sid)
{
	token->sids = talloc_realloc(token, token->sids, struct dom_sid,
				     token->num_sids + 1);
	if (token->sids == NULL) {
		return false;
	}
	token->sids[token->num_sids++] = *sid;
	return true;
}

static bool token_add_string(struct security_token *token, const char *s)
{
	struct dom_sid sid;

	return clusrv_sid_parse(s, &sid) && token_add(token, &sid);
}

/* An extra entry: a SID, or a unix group (ignored, logged, if unknown) */
static bool token_add_extra(struct security_token *token, const char *entry)
{
	struct group grp, *res = NULL;
	struct dom_sid sid;
	char buf[16384];

	if (clusrv_sid_parse(entry, &sid)) {
		return token_add(token, &sid);
	}
	if (getgrnam_r(entry, &grp, buf, sizeof(buf), &res) != 0 ||
	    res == NULL) {
		DBG_WARNING("--auth-users: no group %s\n", entry);
		return true;
	}
	clusrv_sid_unix_group(&sid, grp.gr_gid);
	return token_add(token, &sid);
}

static struct security_token *user_token(TALLOC_CTX *mem_ctx,
					 const struct clusrv_user *user)
{
	struct security_token *token;
	char *user_sid;
	bool ok;
	size_t i;

	token = talloc_zero(mem_ctx, struct security_token);
	user_sid = talloc_asprintf(token, CLUSRV_LOCAL_DOMAIN_SID "-%u",
				   user_rid(user->name));
	if (token == NULL || user_sid == NULL) {
		talloc_free(token);
		return NULL;
	}
	/* sids[0] is the user: dcesrv ties context handles to it */
	ok = token_add_string(token, user_sid) &&
	     token_add_string(token, "S-1-1-0") &&
	     token_add_string(token, "S-1-5-2") &&
	     token_add_string(token, "S-1-5-11");
	for (i = 0; ok && user->extra[i] != NULL; i++) {
		ok = token_add_extra(token, user->extra[i]);
	}
	if (!ok) {
		talloc_free(token);
		return NULL;
	}
	return token;
}

struct auth_session_info *clusrv_auth_user_session(
	TALLOC_CTX *mem_ctx, struct clusrv_auth *auth,
	const struct clusrv_user *user, const char *domain)
{
	struct auth_session_info *s;
	struct auth_user_info *info;

	s = talloc_zero(mem_ctx, struct auth_session_info);
	if (s == NULL) {
		return NULL;
	}
	s->security_token = user_token(s, user);
	info = talloc_zero(s, struct auth_user_info);
	if (s->security_token == NULL || info == NULL) {
		talloc_free(s);
		return NULL;
	}
	info->account_name = talloc_strdup(info, user->name);
	info->domain_name = talloc_strdup(
		info, domain != NULL ? domain :
		      lpcfg_netbios_name(auth->lp_ctx));
	if (info->account_name == NULL || info->domain_name == NULL) {
		talloc_free(s);
		return NULL;
	}
	info->authenticated = true;
	s->info = info;
	s->unique_session_token = GUID_random();
	return s;
}

static NTSTATUS auth4_session_info(struct auth4_context *auth4,
				   TALLOC_CTX *mem_ctx,
				   void *server_returned_info,
				   const char *original_user_name,
				   uint32_t session_info_flags,
				   struct auth_session_info **session_info)
{
	struct clusrv_auth *auth = talloc_get_type_abort(auth4->private_data,
							 struct clusrv_auth);
	struct clusrv_user *user = server_returned_info;

	if (user == NULL) {
		return NT_STATUS_LOGON_FAILURE;
	}
	*session_info = clusrv_auth_user_session(mem_ctx, auth, user, NULL);
	return *session_info != NULL ? NT_STATUS_OK : NT_STATUS_NO_MEMORY;
}

/*
 * Kerberos: the ticket's client principal user@REALM is the user "user"
 * of REALM (--auth-realm, if given, must be it): the extra SIDs and
 * groups of a user of that name in --auth-users, if any, are his. The
 * PAC is not used: an MIT KDC's carries no groups, and a PAC from an AD
 * DC would need verifying against the DC, which clusapid is not a
 * member of.
 */
static NTSTATUS auth4_session_info_pac(
	struct auth4_context *auth4, TALLOC_CTX *mem_ctx,
	struct smb_krb5_context *smb_krb5_context, DATA_BLOB *pac_blob,
	const char *principal_name,
	const struct tsocket_address *remote_address,
	uint32_t session_info_flags, struct auth_session_info **session_info)
{
	struct clusrv_auth *auth = talloc_get_type_abort(auth4->private_data,
							 struct clusrv_auth);
	static const char *no_extra[] = { NULL };
	struct clusrv_user krb_user = { .extra = no_extra };
	const struct clusrv_user *user;
	const char *at = strrchr(principal_name, '@');
	const char *realm = at != NULL ? at + 1 : "";
	char *name;

	if (at == NULL || at == principal_name ||
	    (auth->opts->realm != NULL &&
	     strcasecmp(realm, auth->opts->realm) != 0)) {
		DBG_NOTICE("Kerberos logon of %s refused: not a user of the "
			   "realm %s\n", principal_name,
			   auth->opts->realm != NULL ? auth->opts->realm :
			   "(any)");
		return NT_STATUS_LOGON_FAILURE;
	}
	name = talloc_strndup(mem_ctx, principal_name, at - principal_name);
	if (name == NULL) {
		return NT_STATUS_NO_MEMORY;
	}
	user = clusrv_users_find(auth->users, name);
	if (user == NULL) {
		krb_user.name = name;
		user = &krb_user;
	}
	*session_info = clusrv_auth_user_session(mem_ctx, auth, user, realm);
	talloc_free(name);
	if (*session_info == NULL) {
		return NT_STATUS_NO_MEMORY;
	}
	DBG_INFO("Kerberos logon of %s (PAC %s)\n", principal_name,
		 pac_blob != NULL ? "ignored" : "none");
	return NT_STATUS_OK;
}

struct auth4_context *clusrv_auth4_new(TALLOC_CTX *mem_ctx,
				       struct clusrv_auth *auth,
				       struct tevent_context *ev)
{
	struct auth4_context *auth4;

	auth4 = talloc_zero(mem_ctx, struct auth4_context);
	if (auth4 == NULL) {
		return NULL;
	}
	auth4->event_ctx = ev;
	auth4->lp_ctx = auth->lp_ctx;
	auth4->private_data = auth;
	auth4->start_time = timeval_current();
	auth4->get_ntlm_challenge = auth4_get_challenge;
	auth4->set_ntlm_challenge = auth4_set_challenge;
	auth4->check_ntlm_password_send = auth4_check_send;
	auth4->check_ntlm_password_recv = auth4_check_recv;
	auth4->generate_session_info = auth4_session_info;
	auth4->generate_session_info_pac = auth4_session_info_pac;
	return auth4;
}
