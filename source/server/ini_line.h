/*
 * clusapid: one line of an INI-style file (clusapid's cluster
 * configuration, model/config_parse.c, and the access policy,
 * dcesrv/policy.c)
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inline: the access policy is linked into programs without the model
 * and the model into programs without the RPC server.
 */

#ifndef CLUSAPI_SERVER_INI_LINE_H
#define CLUSAPI_SERVER_INI_LINE_H

#include <ctype.h>
#include <string.h>

enum ini_line_kind {
	INI_LINE_NOTHING,	/* blank, or a comment: '#' or ';' */
	INI_LINE_SECTION,	/* starts with '[' */
	INI_LINE_KEY,		/* key = value */
	INI_LINE_OTHER,		/* none of these: the caller's error */
};

struct ini_line {
	char *text;		/* the line without blanks at either end */
	char *eq;		/* its first '=' (INI_LINE_KEY) */
};

/* @s without blanks at either end: the end is cut in place */
static inline char *ini_trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s)) {
		s++;
	}
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1])) {
		*--e = '\0';
	}
	return s;
}

static inline enum ini_line_kind ini_line_read(char *line,
					       struct ini_line *l)
{
	l->text = ini_trim(line);
	l->eq = NULL;
	if (l->text[0] == '\0' || l->text[0] == '#' || l->text[0] == ';') {
		return INI_LINE_NOTHING;
	}
	if (l->text[0] == '[') {
		return INI_LINE_SECTION;
	}
	l->eq = strchr(l->text, '=');
	return l->eq != NULL ? INI_LINE_KEY : INI_LINE_OTHER;
}

/*
 * Split an INI_LINE_KEY line in place into its key and value, each
 * without blanks at either end.  Until then l->text is the whole line,
 * for error messages.
 */
static inline void ini_line_split(struct ini_line *l, char **key,
				  char **value)
{
	*l->eq = '\0';
	*key = ini_trim(l->text);
	*value = ini_trim(l->eq + 1);
}

#endif
