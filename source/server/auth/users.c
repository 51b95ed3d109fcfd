/*
 * clusapid: the server's own users (--auth-users FILE)
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "server/log.h"
#include "server/auth/users.h"

/* public in libsamba-util (SAMBA_UTIL_0.0.1), declared in no header */
void mdfour(uint8_t *out, const uint8_t *in, int n);

#define USERS_MAX_SIZE (4 * 1024 * 1024)

bool clusrv_nt_hash(const char *password, uint8_t hash[16])
{
	size_t inlen = strlen(password);
	size_t outlen = inlen * 4 + 4;
	size_t left = outlen;
	char *in = (char *)password;
	char *buf;
	char *out;
	iconv_t cd;
	size_t ret;

	buf = talloc_size(NULL, outlen);
	if (buf == NULL) {
		return false;
	}
	out = buf;
	cd = iconv_open("UTF-16LE", "UTF-8");
	if (cd == (iconv_t)-1) {
		talloc_free(buf);
		return false;
	}
	ret = iconv(cd, &in, &inlen, &out, &left);
	iconv_close(cd);
	if (ret == (size_t)-1) {
		talloc_free(buf);
		return false;
	}
	mdfour(hash, (const uint8_t *)buf, outlen - left);
	memset(buf, 0, outlen);
	talloc_free(buf);
	return true;
}

static bool parse_hex16(const char *s, uint8_t out[16])
{
	int i;

	if (strlen(s) != 32) {
		return false;
	}
	for (i = 0; i < 16; i++) {
		unsigned int v;

		if (!isxdigit((unsigned char)s[2 * i]) ||
		    !isxdigit((unsigned char)s[2 * i + 1]) ||
		    sscanf(s + 2 * i, "%2x", &v) != 1) {
			return false;
		}
		out[i] = v;
	}
	return true;
}

/*
 * The file's text, if it is a regular file of ours that nobody else may
 * read; NULL with *error otherwise (errno ENOENT kept for a missing one)
 */
static char *users_read(TALLOC_CTX *mem_ctx, const char *path, char **error)
{
	struct stat st;
	char *text;
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd == -1) {
		int err = errno;

		*error = talloc_asprintf(mem_ctx, "cannot open %s: %s", path,
					 strerror(err));
		errno = err;
		return NULL;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    st.st_size > USERS_MAX_SIZE) {
		*error = talloc_asprintf(mem_ctx, "%s is not a regular file "
					 "of at most %d bytes", path,
					 USERS_MAX_SIZE);
		close(fd);
		errno = EINVAL;
		return NULL;
	}
	if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0 ||
	    st.st_uid != geteuid()) {
		*error = talloc_asprintf(mem_ctx, "%s holds password hashes: "
					 "it must be owned by uid %d and "
					 "mode 0600 (it is uid %d, mode %04o)",
					 path, (int)geteuid(), (int)st.st_uid,
					 (unsigned int)(st.st_mode & 07777));
		close(fd);
		errno = EPERM;
		return NULL;
	}
	text = talloc_size(mem_ctx, st.st_size + 1);
	if (text == NULL) {
		close(fd);
		return NULL;
	}
	n = read(fd, text, st.st_size);
	close(fd);
	if (n != st.st_size) {
		*error = talloc_asprintf(mem_ctx, "cannot read %s", path);
		talloc_free(text);
		errno = EIO;
		return NULL;
	}
	text[n] = '\0';
	return text;
}

static const char **split_list(TALLOC_CTX *mem_ctx, char *s)
{
	const char **list;
	size_t n = 0;
	char *save = NULL;
	char *tok;

	list = talloc_zero_array(mem_ctx, const char *, 1);
	for (tok = strtok_r(s, ", \t", &save); list != NULL && tok != NULL;
	     tok = strtok_r(NULL, ", \t", &save)) {
		list = talloc_realloc(mem_ctx, list, const char *, n + 2);
		if (list == NULL) {
			return NULL;
		}
		list[n] = talloc_strdup(list, tok);
		list[++n] = NULL;
	}
	return list;
}

static bool users_parse_line(struct clusrv_users *u, char *line)
{
	struct clusrv_user *user;
	char *hash = strchr(line, ':');
	char *extra;

	if (hash == NULL) {
		return false;
	}
	*hash++ = '\0';
	extra = strchr(hash, ':');
	if (extra != NULL) {
		*extra++ = '\0';
	}
	u->users = talloc_realloc(u, u->users, struct clusrv_user,
				  u->num_users + 1);
	if (u->users == NULL || line[0] == '\0') {
		return false;
	}
	user = &u->users[u->num_users];
	*user = (struct clusrv_user) {
		.name = talloc_strdup(u->users, line),
	};
	if (!parse_hex16(hash, user->nt_hash)) {
		return false;
	}
	user->extra = split_list(u->users, extra != NULL ? extra : "");
	if (user->name == NULL || user->extra == NULL) {
		return false;
	}
	u->num_users++;
	return true;
}

struct clusrv_users *clusrv_users_load(TALLOC_CTX *mem_ctx, const char *path,
				       char **error)
{
	struct clusrv_users *u;
	char *text;
	char *cursor;
	char *line;
	unsigned int lineno = 0;

	u = talloc_zero(mem_ctx, struct clusrv_users);
	if (u == NULL) {
		return NULL;
	}
	text = users_read(u, path, error);
	if (text == NULL) {
		if (*error != NULL) {
			*error = talloc_steal(mem_ctx, *error);
		}
		talloc_free(u);
		return NULL;
	}
	cursor = text;
	while ((line = strsep(&cursor, "\n")) != NULL) {
		size_t len = strlen(line);

		lineno++;
		while (len > 0 && isspace((unsigned char)line[len - 1])) {
			line[--len] = '\0';
		}
		if (line[0] == '\0' || line[0] == '#') {
			continue;
		}
		if (!users_parse_line(u, line)) {
			*error = talloc_asprintf(mem_ctx, "%s line %u: not "
						 "NAME:NTHASH[:SIDS,GROUPS]",
						 path, lineno);
			talloc_free(u);
			return NULL;
		}
	}
	talloc_free(text);
	return u;
}

const struct clusrv_user *clusrv_users_find(const struct clusrv_users *u,
					    const char *name)
{
	size_t i;

	if (u == NULL || name == NULL) {
		return NULL;
	}
	for (i = 0; i < u->num_users; i++) {
		if (strcasecmp(u->users[i].name, name) == 0) {
			return &u->users[i];
		}
	}
	return NULL;
}
