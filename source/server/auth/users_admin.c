/*
 * clusapid: --add-user, --del-user, --list-users on an --auth-users file
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is rewritten whole: a temporary file beside it, mode 0600,
 * renamed over it, so a running clusapid never reads half a file.
 * Comments and the other users' lines stay as they were.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "server/log.h"
#include "server/auth/users.h"

/* Does LINE ("NAME:...") belong to NAME? */
static bool line_is_user(const char *line, const char *name)
{
	const char *colon = strchr(line, ':');
	size_t len = strlen(name);

	return line[0] != '#' && colon != NULL &&
	       (size_t)(colon - line) == len &&
	       strncasecmp(line, name, len) == 0;
}

/* The file's text; "" when it does not exist yet and MAY_BE_NEW */
static char *admin_read(TALLOC_CTX *mem_ctx, const char *path,
			bool may_be_new)
{
	struct clusrv_users *u;
	char *error = NULL;
	char *text = NULL;
	size_t len;
	FILE *f;

	/* the same checks (owner, mode, syntax) the daemon makes */
	u = clusrv_users_load(mem_ctx, path, &error);
	if (u == NULL) {
		if (errno == ENOENT && may_be_new) {
			talloc_free(error);
			return talloc_strdup(mem_ctx, "");
		}
		fprintf(stderr, "clusapid: %s\n",
			error != NULL ? error : "out of memory");
		talloc_free(error);
		return NULL;
	}
	talloc_free(u);
	f = fopen(path, "r");
	if (f == NULL) {
		fprintf(stderr, "clusapid: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	text = talloc_strdup(mem_ctx, "");
	while (text != NULL) {
		char buf[4096];

		len = fread(buf, 1, sizeof(buf), f);
		if (len == 0) {
			break;
		}
		text = talloc_strndup_append(text, buf, len);
	}
	fclose(f);
	return text;
}

static int admin_write(const char *path, const char *text)
{
	char *tmp = talloc_asprintf(NULL, "%s.XXXXXX", path);
	size_t len = strlen(text);
	int fd;

	if (tmp == NULL) {
		return -1;
	}
	fd = mkstemp(tmp);
	if (fd == -1) {
		fprintf(stderr, "clusapid: cannot create %s: %s\n", tmp,
			strerror(errno));
		talloc_free(tmp);
		return -1;
	}
	if (fchmod(fd, 0600) == -1 ||
	    write(fd, text, len) != (ssize_t)len || fsync(fd) == -1 ||
	    close(fd) == -1 || rename(tmp, path) == -1) {
		fprintf(stderr, "clusapid: cannot write %s: %s\n", path,
			strerror(errno));
		unlink(tmp);
		talloc_free(tmp);
		return -1;
	}
	talloc_free(tmp);
	return 0;
}

/* TEXT without NAME's line; *found tells whether it had one */
static char *admin_without(TALLOC_CTX *mem_ctx, char *text, const char *name,
			   bool *found)
{
	char *out = talloc_strdup(mem_ctx, "");
	char *cursor = text;
	char *line;

	*found = false;
	while (out != NULL && (line = strsep(&cursor, "\n")) != NULL) {
		if (line_is_user(line, name)) {
			*found = true;
			continue;
		}
		if (cursor == NULL && line[0] == '\0') {
			break;		/* the final newline */
		}
		out = talloc_asprintf_append(out, "%s\n", line);
	}
	return out;
}

int clusrv_users_add(const char *path, const char *name,
		     const char *password, const char *extra)
{
	TALLOC_CTX *frame = talloc_new(NULL);
	uint8_t hash[16];
	char *text;
	bool found;
	int i;
	int ret = -1;

	if (name[0] == '\0' || strpbrk(name, ":\n#") != NULL ||
	    (extra != NULL && strpbrk(extra, ":\n") != NULL)) {
		fprintf(stderr, "clusapid: a user name must not be empty or "
			"hold ':', '#' or a newline, nor the extra SIDs and "
			"groups ':' or a newline\n");
		goto done;
	}
	if (!clusrv_nt_hash(password, hash)) {
		fprintf(stderr, "clusapid: the password is not UTF-8\n");
		goto done;
	}
	text = admin_read(frame, path, true);
	if (text == NULL) {
		goto done;
	}
	text = admin_without(frame, text, name, &found);
	if (text == NULL) {
		goto done;
	}
	text = talloc_asprintf_append(text, "%s:", name);
	for (i = 0; text != NULL && i < 16; i++) {
		text = talloc_asprintf_append(text, "%02x", hash[i]);
	}
	if (text != NULL && extra != NULL && extra[0] != '\0') {
		text = talloc_asprintf_append(text, ":%s", extra);
	}
	text = talloc_asprintf_append(text, "\n");
	if (text == NULL || admin_write(path, text) != 0) {
		goto done;
	}
	printf("%s user %s in %s\n", found ? "replaced" : "added", name, path);
	ret = 0;
done:
	memset(hash, 0, sizeof(hash));
	talloc_free(frame);
	return ret;
}

int clusrv_users_del(const char *path, const char *name)
{
	TALLOC_CTX *frame = talloc_new(NULL);
	char *text;
	bool found = false;
	int ret = -1;

	text = admin_read(frame, path, false);
	if (text != NULL) {
		text = admin_without(frame, text, name, &found);
	}
	if (text != NULL && !found) {
		fprintf(stderr, "clusapid: no user %s in %s\n", name, path);
	} else if (text != NULL && admin_write(path, text) == 0) {
		printf("deleted user %s from %s\n", name, path);
		ret = 0;
	}
	talloc_free(frame);
	return ret;
}

int clusrv_users_list(const char *path)
{
	struct clusrv_users *u;
	char *error = NULL;
	size_t i;
	size_t j;

	u = clusrv_users_load(NULL, path, &error);
	if (u == NULL) {
		fprintf(stderr, "clusapid: %s\n",
			error != NULL ? error : "out of memory");
		talloc_free(error);
		return -1;
	}
	for (i = 0; i < u->num_users; i++) {
		printf("%s", u->users[i].name);
		for (j = 0; u->users[i].extra[j] != NULL; j++) {
			printf("%s%s", j == 0 ? " " : ",",
			       u->users[i].extra[j]);
		}
		printf("\n");
	}
	talloc_free(u);
	return 0;
}
