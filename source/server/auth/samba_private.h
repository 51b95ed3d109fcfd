/*
 * clusapid: the few private Samba structures authentication depends on
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gensec (libgensec-samba4) checks NTLM passwords and builds sessions
 * through a struct auth4_context the server provides, and hands it a
 * struct auth_usersupplied_info; ntlm_password_check (libcliauth-samba4)
 * takes an enum ntlm_auth_level. None of them is in samba-dev: they are
 * declared in auth/common_auth.h and libcli/auth/ntlm_check.h of Samba's
 * source. Their layouts change between Samba series (4.17, 4.18, ...),
 * not within one, so:
 *
 * - at build time buildtools/check_private.py compares every struct and
 *   enum below, member by member, with the same declaration in the
 *   headers of the installed version's source (buildtools/cache, from
 *   the bootstrap); a difference fails the build;
 * - at run time gensec_shim.c compares samba_version_string() with
 *   CLUS_SAMBA_SERIES, the series the build checked against; on a
 *   mismatch authenticated binds are off.
 *
 * Keep the declarations token for token as Samba's (comments aside):
 * the check compares tokens. Nothing else of Samba's is declared here.
 */

#ifndef CLUSAPI_SERVER_AUTH_SAMBA_PRIVATE_H
#define CLUSAPI_SERVER_AUTH_SAMBA_PRIVATE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/time.h>
#include <talloc.h>
#include <tevent.h>
#include <ndr.h>
#include <gen_ndr/misc.h>
#include <gen_ndr/samr.h>
#include <gen_ndr/auth.h>

struct tsocket_address;
struct auth_method_context;
struct imessaging_context;
struct loadparm_context;
struct ldb_context;
struct smb_krb5_context;

/* auth/common_auth.h */
enum auth_password_state {
	AUTH_PASSWORD_PLAIN = 1,
	AUTH_PASSWORD_HASH = 2,
	AUTH_PASSWORD_RESPONSE = 3
};

/* auth/common_auth.h: what gensec's NTLMSSP server passes to be checked */
struct auth_usersupplied_info
{
	const char *workstation_name;
	const struct tsocket_address *remote_host;
	const struct tsocket_address *local_host;

	uint32_t logon_parameters;

	bool cracknames_called;
	bool was_mapped;
	uint64_t logon_id;
	struct {
		const char *account_name;
		const char *domain_name;
	} client, mapped, orig_client;

	enum auth_password_state password_state;

	struct {
		struct {
			DATA_BLOB lanman;
			DATA_BLOB nt;
		} response;
		struct {
			struct samr_Password *lanman;
			struct samr_Password *nt;
		} hash;

		char *plaintext;
	} password;
	uint32_t flags;

	struct {
		uint32_t negotiate_flags;
		enum netr_SchannelType secure_channel_type;
		const char *computer_name;
		const char *account_name;
		struct dom_sid *sid;
	} netlogon_trust_account;

	const char *service_description;
	const char *auth_description;

	const char *password_type;
};

/* auth/common_auth.h: the server's side of gensec, filled by clusapid */
struct auth4_context {
	struct {
		const char *set_by;

		DATA_BLOB data;
	} challenge;

	struct auth_method_context *methods;

	struct tevent_context *event_ctx;

	struct imessaging_context *msg_ctx;

	struct loadparm_context *lp_ctx;

	struct ldb_context *sam_ctx;

	struct timeval start_time;

	void *private_data;

	struct smb_krb5_context *smb_krb5_context;

	struct tevent_req *(*check_ntlm_password_send)(
		TALLOC_CTX *mem_ctx, struct tevent_context *ev,
		struct auth4_context *auth_ctx,
		const struct auth_usersupplied_info *user_info);
	NTSTATUS (*check_ntlm_password_recv)(
		struct tevent_req *req, TALLOC_CTX *mem_ctx,
		uint8_t *pauthoritative, void **server_returned_info,
		DATA_BLOB *nt_session_key, DATA_BLOB *lm_session_key);

	NTSTATUS (*get_ntlm_challenge)(struct auth4_context *auth_ctx,
				       uint8_t chal[8]);

	NTSTATUS (*set_ntlm_challenge)(struct auth4_context *auth_ctx,
				       const uint8_t chal[8],
				       const char *set_by);

	NTSTATUS (*generate_session_info)(
		struct auth4_context *auth_context, TALLOC_CTX *mem_ctx,
		void *server_returned_info, const char *original_user_name,
		uint32_t session_info_flags,
		struct auth_session_info **session_info);

	NTSTATUS (*generate_session_info_pac)(
		struct auth4_context *auth_ctx, TALLOC_CTX *mem_ctx,
		struct smb_krb5_context *smb_krb5_context,
		DATA_BLOB *pac_blob, const char *principal_name,
		const struct tsocket_address *remote_address,
		uint32_t session_info_flags,
		struct auth_session_info **session_info);
};

/* libcli/auth/ntlm_check.h */
enum ntlm_auth_level {NTLM_AUTH_DISABLED, NTLM_AUTH_ON,
		      NTLM_AUTH_NTLMV2_ONLY,
		      NTLM_AUTH_MSCHAPv2_NTLMV2_ONLY};

#endif /* CLUSAPI_SERVER_AUTH_SAMBA_PRIVATE_H */
