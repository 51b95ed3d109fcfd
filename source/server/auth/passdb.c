/*
 * clusapid: smbd's users (--auth-passdb) through the public libsamba-passdb
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With --auth-passdb[=SMB.CONF] a user clusapid's own users file does
 * not name is looked up in the passdb of the smbd that SMB.CONF
 * configures (tdbsam, usually: users added with smbpasswd -a), so
 * ncacn_ip_tcp takes the same accounts and passwords as ncacn_np
 * through that smbd. libsamba-passdb is public (SAMBA_PASSDB_0.2.0);
 * lp_load_global (libsmbconf) and _talloc_stackframe (libsamba-util)
 * are exported by public libraries but declared in no installed header.
 * Reading a tdbsam needs root, as smbd itself does.
 */

#include <stdio.h>
#include <string.h>

#include "server/log.h"
#include <talloc.h>
#include <ndr.h>
#include <gen_ndr/samr.h>
#include <passdb.h>

#include "server/auth/passdb.h"

bool lp_load_global(const char *file_name);
TALLOC_CTX *_talloc_stackframe(const char *location);

/* "S-1-5-21-1-2-3-1000" (the libraries' own formatter is private) */
static char *sid_string(TALLOC_CTX *mem_ctx, const struct dom_sid *sid)
{
	unsigned long long auth = 0;
	char *s;
	int i;

	for (i = 0; i < 6; i++) {
		auth = (auth << 8) | sid->id_auth[i];
	}
	s = talloc_asprintf(mem_ctx, "S-%u-%llu",
			    (unsigned int)sid->sid_rev_num, auth);
	for (i = 0; s != NULL && i < sid->num_auths && i < 15; i++) {
		s = talloc_asprintf_append(s, "-%u",
					   (unsigned int)sid->sub_auths[i]);
	}
	return s;
}

bool clusrv_passdb_init(const char *smb_conf)
{
	TALLOC_CTX *frame = _talloc_stackframe(__location__);
	bool ok;

	ok = lp_load_global(smb_conf);
	if (!ok) {
		DBG_ERR("--auth-passdb: cannot load %s\n", smb_conf);
	} else if (!initialize_password_db(false, NULL)) {
		DBG_ERR("--auth-passdb: cannot open the passdb %s "
			"configures\n", smb_conf);
		ok = false;
	}
	talloc_free(frame);
	return ok;
}

struct clusrv_user *clusrv_passdb_find(TALLOC_CTX *mem_ctx, const char *name)
{
	TALLOC_CTX *frame = _talloc_stackframe(__location__);
	struct clusrv_user *user = NULL;
	const struct dom_sid *sid;
	const uint8_t *nt;
	struct samu *sam;

	sam = samu_new(frame);
	if (sam == NULL || !pdb_getsampwnam(sam, name)) {
		goto done;
	}
	nt = pdb_get_nt_passwd(sam);
	if (nt == NULL || (pdb_get_acct_ctrl(sam) & ACB_DISABLED) != 0) {
		DBG_NOTICE("passdb user %s is disabled or has no NT "
			   "hash\n", name);
		goto done;
	}
	user = talloc_zero(mem_ctx, struct clusrv_user);
	if (user == NULL) {
		goto done;
	}
	user->name = talloc_strdup(user, name);
	memcpy(user->nt_hash, nt, sizeof(user->nt_hash));
	/* the passdb's SID for the user, besides ours */
	user->extra = talloc_zero_array(user, const char *, 2);
	sid = pdb_get_user_sid(sam);
	if (user->name == NULL || user->extra == NULL) {
		TALLOC_FREE(user);
		goto done;
	}
	if (sid != NULL) {
		user->extra[0] = sid_string(user->extra, sid);
	}
done:
	talloc_free(frame);
	return user;
}
