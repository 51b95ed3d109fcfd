/*
 * clusapid: the configuration file, /etc/clusapi/clusapid.conf
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In the style of smb.conf: a [global] section (or [clusapid]) of
 * "name = value" lines, the names those of the command-line options with
 * spaces or dashes ("max connections", "state dir"), '#' and ';'
 * comments, a '\' at the end of a line continuing it.  Every option of
 * the table can be set here; the command line overrides the file.
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "server/daemon/options.h"

static char *trim(char *s)
{
	char *end;

	while (isspace((unsigned char)*s)) {
		s++;
	}
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1])) {
		*--end = '\0';
	}
	return s;
}

/* One logical line: NULL at the end (or for no memory: *error set) */
static char *read_line(TALLOC_CTX *mem_ctx, FILE *f, unsigned int *lineno,
		       const char **error)
{
	char *line = NULL, *buf = NULL;
	size_t cap = 0;

	while (getline(&buf, &cap, f) != -1) {
		size_t len;

		*lineno += 1;
		len = strcspn(buf, "\r\n");
		buf[len] = '\0';
		line = line == NULL ? talloc_strdup(mem_ctx, buf) :
			talloc_strdup_append(line, buf);
		if (line == NULL) {
			*error = "out of memory";
			break;
		}
		len = strlen(line);
		if (len == 0 || line[len - 1] != '\\') {
			break;
		}
		line[len - 1] = ' ';
	}
	free(buf);
	return line;
}

/* One "name = value" line of the file */
static const char *conf_line(TALLOC_CTX *mem_ctx, struct clusrv_options *o,
			     char *line)
{
	const struct clusrv_option_def *d;
	char *eq = strchr(line, '=');
	const char *error;
	char *name, *value;

	if (eq == NULL) {
		return talloc_asprintf(mem_ctx, "\"%s\" is not name = value",
				       line);
	}
	*eq = '\0';
	name = trim(line);
	value = trim(eq + 1);
	d = clusrv_option_find(name);
	if (d == NULL) {
		return talloc_asprintf(mem_ctx, "unknown parameter \"%s\"",
				       name);
	}
	error = clusrv_option_set(mem_ctx, o, d, value);
	if (error != NULL) {
		return talloc_asprintf(mem_ctx, "%s: %s", name, error);
	}
	return NULL;
}

static bool known_section(const char *s)
{
	return strcasecmp(s, "[global]") == 0 ||
	       strcasecmp(s, "[clusapid]") == 0;
}

const char *clusrv_options_load_file(TALLOC_CTX *mem_ctx,
				     struct clusrv_options *o,
				     const char *path, bool must_exist)
{
	const char *error = NULL;
	unsigned int lineno = 0;
	char *line;
	FILE *f;

	f = fopen(path, "r");
	if (f == NULL) {
		if (errno == ENOENT && !must_exist) {
			return NULL;
		}
		error = talloc_asprintf(mem_ctx, "cannot read %s: %s", path,
					strerror(errno));
		return error != NULL ? error : "out of memory";
	}
	while (error == NULL &&
	       (line = read_line(mem_ctx, f, &lineno, &error)) != NULL) {
		char *s = trim(line);
		const char *e = NULL;

		if (s[0] == '\0' || s[0] == '#' || s[0] == ';') {
			continue;
		}
		if (s[0] == '[') {
			e = known_section(s) ? NULL :
				talloc_asprintf(mem_ctx, "unknown section %s",
						s);
		} else {
			e = conf_line(mem_ctx, o, s);
		}
		if (e != NULL) {
			error = talloc_asprintf(mem_ctx, "%s:%u: %s", path,
						lineno, e);
			error = error != NULL ? error : "out of memory";
		}
		talloc_free(line);
	}
	fclose(f);
	return error;
}
