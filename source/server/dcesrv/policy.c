/*
 * clusapid: who gets full access (the access policy)
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See policy.h for the file and the rules.
 */

#include <ctype.h>
#include <errno.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "server/log.h"
#include <talloc.h>
#include <ndr.h>
#include <gen_ndr/auth.h>
#include <gen_ndr/security.h>

#include "server/dcesrv/dcesrv.h"
#include "server/dcesrv/policy.h"
#include "server/ini_line.h"

struct clusrv_access_policy {
	const char **admin_users;	/* "name", "DOMAIN\name" */
	const char **admin_groups;	/* unix group names */
	struct dom_sid *admin_sids;
	size_t num_admin_sids;
	enum clusrv_access authenticated;
};

/* S-1-5-32-544, BUILTIN\Administrators */
static const struct dom_sid sid_builtin_admins = {
	.sid_rev_num = 1,
	.num_auths = 2,
	.id_auth = { 0, 0, 0, 0, 0, 5 },
	.sub_auths = { 32, 544 },
};

/* S-1-22-2-<gid>: how Samba names a unix group */
void clusrv_sid_unix_group(struct dom_sid *sid, gid_t gid)
{
	*sid = (struct dom_sid) {
		.sid_rev_num = 1,
		.num_auths = 2,
		.id_auth = { 0, 0, 0, 0, 0, 22 },
		.sub_auths = { 2, (uint32_t)gid },
	};
}

/* "S-1-5-21-1-2-3": revision 1, a 48-bit authority, 0-15 sub-auths */
bool clusrv_sid_parse(const char *s, struct dom_sid *sid)
{
	unsigned long long auth;
	unsigned long v;
	char *end;
	int i;

	*sid = (struct dom_sid) { .sid_rev_num = 1 };
	if (strncasecmp(s, "S-1-", 4) != 0 || !isdigit((unsigned char)s[4])) {
		return false;
	}
	errno = 0;
	auth = strtoull(s + 4, &end, 10);
	if (errno != 0 || auth > 0xffffffffffffULL) {
		return false;
	}
	for (i = 0; i < 6; i++) {
		sid->id_auth[5 - i] = (auth >> (8 * i)) & 0xff;
	}
	while (*end == '-') {
		s = end + 1;
		if (!isdigit((unsigned char)*s) || sid->num_auths == 15) {
			return false;
		}
		errno = 0;
		v = strtoul(s, &end, 10);
		if (errno != 0 || v > UINT32_MAX) {
			return false;
		}
		sid->sub_auths[sid->num_auths++] = v;
	}
	return *end == '\0';
}

static bool policy_add_sid(struct clusrv_access_policy *p,
			   const struct dom_sid *sid)
{
	struct dom_sid *sids;

	sids = talloc_realloc(p, p->admin_sids, struct dom_sid,
			      p->num_admin_sids + 1);
	if (sids == NULL) {
		return false;
	}
	sids[p->num_admin_sids++] = *sid;
	p->admin_sids = sids;
	return true;
}

struct clusrv_access_policy *clusrv_access_policy_default(TALLOC_CTX *mem_ctx)
{
	struct clusrv_access_policy *p;

	p = talloc_zero(mem_ctx, struct clusrv_access_policy);
	if (p == NULL) {
		return NULL;
	}
	p->authenticated = CLUSRV_ACCESS_READ;
	if (!policy_add_sid(p, &sid_builtin_admins)) {
		talloc_free(p);
		return NULL;
	}
	return p;
}

/* A comma-separated list: names go to *NAMES, SIDs to the admin SIDs. */
static bool policy_add_list(struct clusrv_access_policy *p, char *value,
			    const char ***names, bool sids_only)
{
	char *save = NULL;
	char *item;
	size_t n = 0;

	for (item = strtok_r(value, ",", &save); item != NULL;
	     item = strtok_r(NULL, ",", &save)) {
		struct dom_sid sid;
		const char **tmp;

		item = ini_trim(item);
		if (item[0] == '\0') {
			continue;
		}
		if (clusrv_sid_parse(item, &sid)) {
			if (!policy_add_sid(p, &sid)) {
				return false;
			}
			continue;
		}
		if (sids_only || strncasecmp(item, "S-", 2) == 0) {
			errno = EINVAL;
			return false;
		}
		while (*names != NULL && (*names)[n] != NULL) {
			n++;
		}
		tmp = talloc_realloc(p, *names, const char *, n + 2);
		if (tmp == NULL) {
			return false;
		}
		tmp[n] = talloc_strdup(tmp, item);
		tmp[n + 1] = NULL;
		*names = tmp;
		if (tmp[n] == NULL) {
			return false;
		}
	}
	return true;
}

struct clusrv_access_policy *clusrv_access_policy_load(TALLOC_CTX *mem_ctx,
						       const char *path,
						       char **error)
{
	struct clusrv_access_policy *p;
	bool in_section = false;
	bool have_sids = false;
	char buf[4096];
	int line = 0;
	FILE *f;

	p = talloc_zero(mem_ctx, struct clusrv_access_policy);
	if (p == NULL) {
		*error = NULL;
		return NULL;
	}
	p->authenticated = CLUSRV_ACCESS_READ;

	f = fopen(path, "r");
	if (f == NULL) {
		*error = talloc_asprintf(mem_ctx, "%s: %s", path,
					 strerror(errno));
		talloc_free(p);
		return NULL;
	}
#define POLICY_ERROR(...) do { \
		*error = talloc_asprintf(mem_ctx, "%s:%d: ", path, line); \
		*error = talloc_asprintf_append(*error, __VA_ARGS__); \
		goto fail; \
	} while (0)

	while (fgets(buf, sizeof(buf), f) != NULL) {
		struct ini_line l;
		char *key, *value;
		bool ok;

		line++;
		if (strchr(buf, '\n') == NULL && !feof(f)) {
			POLICY_ERROR("line too long");
		}
		switch (ini_line_read(buf, &l)) {
		case INI_LINE_NOTHING:
			continue;
		case INI_LINE_SECTION:
			if (strcasecmp(l.text, "[access]") != 0) {
				POLICY_ERROR("unknown section %s (the file "
					     "has one: [access])", l.text);
			}
			in_section = true;
			continue;
		case INI_LINE_OTHER:
			POLICY_ERROR("expected 'key = value' or '[access]'");
		case INI_LINE_KEY:
			break;
		}
		if (!in_section) {
			POLICY_ERROR("'%s' before the [access] section",
				     l.text);
		}
		ini_line_split(&l, &key, &value);

		if (strcasecmp(key, "admin users") == 0) {
			ok = policy_add_list(p, value, &p->admin_users, false);
		} else if (strcasecmp(key, "admin groups") == 0) {
			ok = policy_add_list(p, value, &p->admin_groups,
					     false);
		} else if (strcasecmp(key, "admin sids") == 0) {
			have_sids = true;
			ok = policy_add_list(p, value, NULL, true);
		} else if (strcasecmp(key, "authenticated") == 0) {
			ok = true;
			if (strcasecmp(value, "none") == 0) {
				p->authenticated = CLUSRV_ACCESS_NONE;
			} else if (strcasecmp(value, "read") == 0) {
				p->authenticated = CLUSRV_ACCESS_READ;
			} else if (strcasecmp(value, "full") == 0) {
				p->authenticated = CLUSRV_ACCESS_FULL;
			} else {
				POLICY_ERROR("authenticated: '%s' is not "
					     "none, read or full", value);
			}
		} else {
			POLICY_ERROR("unknown key '%s'", key);
		}
		if (!ok) {
			POLICY_ERROR("%s: not a list of %s", key,
				     strcasecmp(key, "admin sids") == 0 ?
				     "SIDs" : "names or SIDs");
		}
	}
	if (ferror(f)) {
		POLICY_ERROR("%s", strerror(errno));
	}
#undef POLICY_ERROR
	fclose(f);

	if (!have_sids && !policy_add_sid(p, &sid_builtin_admins)) {
		*error = NULL;
		talloc_free(p);
		return NULL;
	}
	return p;

fail:
	fclose(f);
	talloc_free(p);
	return NULL;
}

static bool policy_user_matches(const char *entry,
				const struct auth_session_info *s)
{
	const char *account = s->info != NULL ? s->info->account_name : NULL;
	const char *domain = s->info != NULL ? s->info->domain_name : NULL;
	const char *bs = strchr(entry, '\\');

	if (bs != NULL) {
		size_t dlen = bs - entry;

		return account != NULL && domain != NULL &&
		       strlen(domain) == dlen &&
		       strncasecmp(entry, domain, dlen) == 0 &&
		       strcasecmp(bs + 1, account) == 0;
	}
	if (account != NULL && strcasecmp(entry, account) == 0) {
		return true;
	}
	return s->unix_info != NULL && s->unix_info->unix_name != NULL &&
	       strcasecmp(entry, s->unix_info->unix_name) == 0;
}

static bool policy_group_matches(const char *name,
				 const struct auth_session_info *s)
{
	const struct security_unix_token *ut = s->unix_token;
	struct group grp, *res = NULL;
	struct dom_sid sid;
	char buf[16384];
	uint32_t i;
	int ret;

	ret = getgrnam_r(name, &grp, buf, sizeof(buf), &res);
	if (ret != 0 || res == NULL) {
		DBG_INFO("admin group %s: %s\n", name,
			 ret != 0 ? strerror(ret) : "no such group");
		return false;
	}
	clusrv_sid_unix_group(&sid, grp.gr_gid);
	if (s->security_token != NULL &&
	    clusrv_token_has_sid(s->security_token, &sid)) {
		return true;
	}
	if (ut == NULL) {
		return false;
	}
	if (ut->gid == grp.gr_gid) {
		return true;
	}
	for (i = 0; i < ut->ngroups; i++) {
		if (ut->groups[i] == grp.gr_gid) {
			return true;
		}
	}
	return false;
}

static bool policy_is_admin(const struct clusrv_access_policy *p,
			    const struct auth_session_info *s)
{
	size_t i;

	if (s->unix_token != NULL && s->unix_token->uid == 0) {
		return true;
	}
	for (i = 0; s->security_token != NULL && i < p->num_admin_sids; i++) {
		if (clusrv_token_has_sid(s->security_token,
					 &p->admin_sids[i])) {
			return true;
		}
	}
	for (i = 0; p->admin_users != NULL && p->admin_users[i] != NULL;
	     i++) {
		if (policy_user_matches(p->admin_users[i], s)) {
			return true;
		}
	}
	for (i = 0; p->admin_groups != NULL && p->admin_groups[i] != NULL;
	     i++) {
		if (policy_group_matches(p->admin_groups[i], s)) {
			return true;
		}
	}
	return false;
}

enum clusrv_access clusrv_access_policy_check(
	const struct clusrv_access_policy *policy,
	const struct auth_session_info *session_info, bool *is_admin)
{
	*is_admin = policy_is_admin(policy, session_info);
	if (*is_admin) {
		return CLUSRV_ACCESS_FULL;
	}
	return policy->authenticated;
}
