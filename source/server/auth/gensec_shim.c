/*
 * clusapid: Samba's server-side gensec and NTLM check, resolved at run time
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why this file exists: the dcesrv core (libdcerpc-server-core, public)
 * authenticates binds through a gensec context its gensec_prepare
 * callback returns, and gensec's NTLMSSP server checks passwords with
 * the auth4_context it is started with. gensec_server_start() and the
 * other gensec functions are exported only by the private
 * libgensec-samba4, ntlm_password_check() only by the private
 * libcliauth-samba4, both with a symbol version tied to the exact Samba
 * build (SAMBA_4.17.12_DEBIAN_SAMBA4).
 *
 * libdcerpc-server-core itself depends on both, so they are loaded into
 * our process as soon as we are. Rather than link them (which would tie
 * clusapid to one Samba build's private symbol versions), we look the
 * few functions up with dlsym() by their unversioned names at start-up,
 * as transport/tsocket_shim.c does for the socket streams.
 *
 * The structures those functions take (samba_private.h) are private
 * too: the build checks them against the installed version's source,
 * and here samba_version_string() (public, libsmbconf) must name the
 * series the build checked (CLUS_SAMBA_SERIES). On any mismatch or a
 * missing symbol authenticated binds are off, with one line saying why.
 *
 * This and tsocket_shim.c are the only places in clusapi that touch a
 * private Samba library; keep it that way.
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <string.h>

#include "server/log.h"
#include "server/auth/gensec_shim.h"

#ifndef CLUS_SAMBA_SERIES
#error "CLUS_SAMBA_SERIES: the build sets it from the checked Samba source"
#endif

/* public, libsmbconf; declared in param.h with more we do not need */
const char *samba_version_string(void);

typedef NTSTATUS (*gensec_init_fn)(void);
typedef NTSTATUS (*gensec_server_start_fn)(
	TALLOC_CTX *mem_ctx, struct gensec_settings *settings,
	struct auth4_context *auth_context,
	struct gensec_security **gensec_security);
typedef NTSTATUS (*gensec_set_credentials_fn)(
	struct gensec_security *gensec_security,
	struct cli_credentials *credentials);
typedef NTSTATUS (*ntlm_password_check_fn)(
	TALLOC_CTX *mem_ctx, bool lanman_auth,
	enum ntlm_auth_level ntlm_auth, uint32_t logon_parameters,
	const DATA_BLOB *challenge, const DATA_BLOB *lm_response,
	const DATA_BLOB *nt_response, const char *username,
	const char *client_username, const char *client_domain,
	const struct samr_Password *stored_lanman,
	const struct samr_Password *stored_nt, DATA_BLOB *user_sess_key,
	DATA_BLOB *lm_sess_key);

static struct {
	gensec_server_start_fn server_start;
	gensec_set_credentials_fn set_credentials;
	ntlm_password_check_fn password_check;
} shim;

/* "4.17" matches "4.17.12-Debian-..." but not "4.170" */
static bool clus_samba_series_matches(const char *version)
{
	size_t n = strlen(CLUS_SAMBA_SERIES);

	return version != NULL &&
	       strncmp(version, CLUS_SAMBA_SERIES, n) == 0 &&
	       (version[n] == '.' || version[n] == '\0' || version[n] == '-');
}

bool clus_gensec_shim_init(void)
{
	const char *version = samba_version_string();
	gensec_init_fn init;
	NTSTATUS status;

	if (!clus_samba_series_matches(version)) {
		DBG_ERR("authenticated binds are off: clusapid was built "
			"against Samba %s's private auth structures, this is "
			"Samba %s (rebuild clusapid)\n", CLUS_SAMBA_SERIES,
			version != NULL ? version : "(unknown)");
		return false;
	}
	init = (gensec_init_fn)dlsym(RTLD_DEFAULT, "gensec_init");
	shim.server_start = (gensec_server_start_fn)dlsym(
		RTLD_DEFAULT, "gensec_server_start");
	shim.set_credentials = (gensec_set_credentials_fn)dlsym(
		RTLD_DEFAULT, "gensec_set_credentials");
	shim.password_check = (ntlm_password_check_fn)dlsym(
		RTLD_DEFAULT, "ntlm_password_check");
	if (init == NULL || shim.server_start == NULL ||
	    shim.set_credentials == NULL || shim.password_check == NULL) {
		DBG_ERR("authenticated binds are off: gensec or "
			"ntlm_password_check is not among the loaded Samba "
			"libraries (%s)\n", dlerror());
		shim.server_start = NULL;
		return false;
	}
	status = init();
	if (!NT_STATUS_IS_OK(status)) {
		DBG_ERR("authenticated binds are off: gensec_init: %s\n",
			nt_errstr(status));
		shim.server_start = NULL;
		return false;
	}
	return true;
}

NTSTATUS clus_gensec_server_start(TALLOC_CTX *mem_ctx,
				  struct gensec_settings *settings,
				  struct auth4_context *auth_context,
				  struct gensec_security **gensec_security)
{
	if (shim.server_start == NULL) {
		return NT_STATUS_NOT_SUPPORTED;
	}
	return shim.server_start(mem_ctx, settings, auth_context,
				 gensec_security);
}

NTSTATUS clus_gensec_set_credentials(struct gensec_security *gensec_security,
				     struct cli_credentials *credentials)
{
	return shim.set_credentials(gensec_security, credentials);
}

/*
 * NTLMv2 only, no LM: what Samba's "ntlm auth = ntlmv2-only" (its
 * default) accepts. The response was computed over the user and domain
 * names the client sent, so any domain name works for a local user.
 */
NTSTATUS clus_ntlm_password_check(TALLOC_CTX *mem_ctx,
				  const DATA_BLOB *challenge,
				  const struct auth_usersupplied_info *ui,
				  const char *username,
				  const struct samr_Password *stored_nt,
				  DATA_BLOB *user_sess_key,
				  DATA_BLOB *lm_sess_key)
{
	return shim.password_check(mem_ctx, false, NTLM_AUTH_NTLMV2_ONLY,
				   ui->logon_parameters, challenge,
				   &ui->password.response.lanman,
				   &ui->password.response.nt, username,
				   ui->client.account_name,
				   ui->client.domain_name, NULL, stored_nt,
				   user_sess_key, lm_sess_key);
}
