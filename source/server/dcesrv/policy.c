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

/* "authenticated = none|read|full": NULL, or what is wrong */
static const char *policy_authenticated(TALLOC_CTX *mem_ctx,
					struct clusrv_access_policy *p,
					const char *value)
{
	static const struct {
		const char *name;
		enum clusrv_access access;
	} levels[] = {
		{ "none", CLUSRV_ACCESS_NONE },
		{ "read", CLUSRV_ACCESS_READ },
		{ "full", CLUSRV_ACCESS_FULL },
	};
	size_t i;

	for (i = 0; i < sizeof(levels) / sizeof(levels[0]); i++) {
		if (strcasecmp(value, levels[i].name) == 0) {
			p->authenticated = levels[i].access;
			return NULL;
		}
	}
	return talloc_asprintf(mem_ctx, "authenticated: '%s' is not none, "
			       "read or full", value);
}

/* One "key = value" of [access]: NULL, or what is wrong */
static const char *policy_key(TALLOC_CTX *mem_ctx,
			      struct clusrv_access_policy *p,
			      const char *key, char *value, bool *have_sids)
{
	bool ok;

	if (strcasecmp(key, "authenticated") == 0) {
		return policy_authenticated(mem_ctx, p, value);
	}
	if (strcasecmp(key, "admin users") == 0) {
		ok = policy_add_list(p, value, &p->admin_users, false);
	} else if (strcasecmp(key, "admin groups") == 0) {
		ok = policy_add_list(p, value, &p->admin_groups, false);
	} else if (strcasecmp(key, "admin sids") == 0) {
		*have_sids = true;
		ok = policy_add_list(p, value, NULL, true);
	} else {
		return talloc_asprintf(mem_ctx, "unknown key '%s'", key);
	}
	if (ok) {
		return NULL;
	}
	return talloc_asprintf(mem_ctx, "%s: not a list of %s", key,
			       strcasecmp(key, "admin sids") == 0 ?
			       "SIDs" : "names or SIDs");
}

/* One line of the file: NULL, or what is wrong with it */
static const char *policy_line(TALLOC_CTX *mem_ctx,
			       struct clusrv_access_policy *p, char *buf,
			       bool *in_section, bool *have_sids)
{
	struct ini_line l;
	char *key, *value;

	switch (ini_line_read(buf, &l)) {
	case INI_LINE_NOTHING:
		return NULL;
	case INI_LINE_SECTION:
		if (strcasecmp(l.text, "[access]") != 0) {
			return talloc_asprintf(mem_ctx, "unknown section %s "
					       "(the file has one: [access])",
					       l.text);
		}
		*in_section = true;
		return NULL;
	case INI_LINE_OTHER:
		return "expected 'key = value' or '[access]'";
	case INI_LINE_KEY:
		break;
	}
	if (!*in_section) {
		return talloc_asprintf(mem_ctx, "'%s' before the [access] "
				       "section", l.text);
	}
	ini_line_split(&l, &key, &value);
	return policy_key(mem_ctx, p, key, value, have_sids);
}

/* Every line of F into P: NULL, or "LINE: what is wrong" */
static const char *policy_read(TALLOC_CTX *mem_ctx,
			       struct clusrv_access_policy *p, FILE *f)
{
	bool in_section = false;
	bool have_sids = false;
	char buf[4096];
	const char *why = NULL;
	int line = 0;

	while (why == NULL && fgets(buf, sizeof(buf), f) != NULL) {
		line++;
		why = strchr(buf, '\n') == NULL && !feof(f) ?
		      "line too long" :
		      policy_line(mem_ctx, p, buf, &in_section, &have_sids);
	}
	if (why == NULL && ferror(f)) {
		why = strerror(errno);
	}
	if (why != NULL) {
		return talloc_asprintf(mem_ctx, "%d: %s", line, why);
	}
	if (!have_sids && !policy_add_sid(p, &sid_builtin_admins)) {
		return "out of memory";
	}
	return NULL;
}

struct clusrv_access_policy *clusrv_access_policy_load(TALLOC_CTX *mem_ctx,
						       const char *path,
						       char **error)
{
	struct clusrv_access_policy *p;
	const char *why;
	FILE *f;

	*error = NULL;
	p = talloc_zero(mem_ctx, struct clusrv_access_policy);
	if (p == NULL) {
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
	why = policy_read(p, p, f);
	fclose(f);
	if (why == NULL) {
		return p;
	}
	*error = talloc_asprintf(mem_ctx, "%s:%s", path, why);
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
