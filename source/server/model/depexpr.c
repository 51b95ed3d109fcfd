/*
 * clusapi - cluster model: dependency expressions
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Grammar, as Windows writes them ("[IP Address] and [Disk]"):
 *
 *   expr := term { ("and" | "or") term }
 *   term := "[" name "]" | "(" expr ")"
 *
 * Keywords are case-insensitive.  The parsed form keeps object pointers,
 * so renaming a provider never leaves a stale name behind: the text is
 * rendered on demand, with names for clients and with ids in the store.
 */

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "model_private.h"

struct dep_parser {
	const char *p;
	depexpr_resolve_fn resolve;
	void *private_data;
	struct clus_deptoken *tokens;
	uint32_t num;
	uint32_t err;
};

static void dep_skip_ws(struct dep_parser *ps)
{
	while (isspace((unsigned char)*ps->p)) {
		ps->p++;
	}
}

static bool dep_push(struct dep_parser *ps, uint8_t kind,
		     struct clus_object *ref)
{
	struct clus_deptoken *n;

	n = talloc_realloc(NULL, ps->tokens, struct clus_deptoken,
			   ps->num + 1);
	if (n == NULL) {
		ps->err = CM_ERROR_NOT_ENOUGH_MEMORY;
		return false;
	}
	ps->tokens = n;
	n[ps->num].kind = kind;
	n[ps->num].ref = ref;
	ps->num++;
	return true;
}

static bool dep_parse_expr(struct dep_parser *ps, unsigned depth);

static bool dep_parse_term(struct dep_parser *ps, unsigned depth)
{
	dep_skip_ws(ps);
	if (*ps->p == '(') {
		ps->p++;
		if (!dep_push(ps, CM_DEP_LPAREN, NULL) ||
		    !dep_parse_expr(ps, depth + 1)) {
			return false;
		}
		dep_skip_ws(ps);
		if (*ps->p != ')') {
			ps->err = CM_ERROR_INVALID_PARAMETER;
			return false;
		}
		ps->p++;
		return dep_push(ps, CM_DEP_RPAREN, NULL);
	}
	if (*ps->p == '[') {
		const char *end = strchr(ps->p + 1, ']');
		struct clus_object *obj;
		char *name;

		if (end == NULL) {
			ps->err = CM_ERROR_INVALID_PARAMETER;
			return false;
		}
		name = talloc_strndup(NULL, ps->p + 1, end - ps->p - 1);
		if (name == NULL) {
			ps->err = CM_ERROR_NOT_ENOUGH_MEMORY;
			return false;
		}
		obj = ps->resolve(ps->private_data, name);
		talloc_free(name);
		if (obj == NULL) {
			ps->err = CM_ERROR_DEPENDENCY_NOT_FOUND;
			return false;
		}
		ps->p = end + 1;
		return dep_push(ps, CM_DEP_REF, obj);
	}
	ps->err = CM_ERROR_INVALID_PARAMETER;
	return false;
}

static bool dep_parse_expr(struct dep_parser *ps, unsigned depth)
{
	if (depth > 32) {
		ps->err = CM_ERROR_INVALID_PARAMETER;
		return false;
	}
	if (!dep_parse_term(ps, depth)) {
		return false;
	}
	for (;;) {
		dep_skip_ws(ps);
		if (strncasecmp(ps->p, "and", 3) == 0 &&
		    !isalnum((unsigned char)ps->p[3])) {
			ps->p += 3;
			if (!dep_push(ps, CM_DEP_AND, NULL)) {
				return false;
			}
		} else if (strncasecmp(ps->p, "or", 2) == 0 &&
			   !isalnum((unsigned char)ps->p[2])) {
			ps->p += 2;
			if (!dep_push(ps, CM_DEP_OR, NULL)) {
				return false;
			}
		} else {
			return true;
		}
		if (!dep_parse_term(ps, depth)) {
			return false;
		}
	}
}

uint32_t depexpr_parse(TALLOC_CTX *mem_ctx, const char *text,
		       depexpr_resolve_fn resolve, void *private_data,
		       struct clus_depexpr *expr)
{
	struct dep_parser ps = {
		.p = text != NULL ? text : "",
		.resolve = resolve,
		.private_data = private_data,
	};

	expr->tokens = NULL;
	expr->num_tokens = 0;

	dep_skip_ws(&ps);
	if (*ps.p == '\0') {
		expr->tokens = talloc_zero_array(mem_ctx, struct clus_deptoken,
						 1);
		return expr->tokens != NULL ? CM_ERROR_SUCCESS :
			CM_ERROR_NOT_ENOUGH_MEMORY;
	}
	if (!dep_parse_expr(&ps, 0)) {
		talloc_free(ps.tokens);
		return ps.err;
	}
	dep_skip_ws(&ps);
	if (*ps.p != '\0') {
		talloc_free(ps.tokens);
		return CM_ERROR_INVALID_PARAMETER;
	}
	expr->tokens = talloc_steal(mem_ctx, ps.tokens);
	expr->num_tokens = ps.num;
	return CM_ERROR_SUCCESS;
}

/* How each token but a reference is written */
static const char *const dep_words[] = {
	[CM_DEP_AND] = "and",
	[CM_DEP_OR] = "or",
	[CM_DEP_LPAREN] = "(",
	[CM_DEP_RPAREN] = ")",
};

char *depexpr_render(TALLOC_CTX *mem_ctx, const struct clus_depexpr *expr,
		     bool ids)
{
	size_t num_words = sizeof(dep_words) / sizeof(dep_words[0]);
	char *s = talloc_strdup(mem_ctx, "");
	uint32_t i;

	for (i = 0; s != NULL && i < expr->num_tokens; i++) {
		const struct clus_deptoken *tk = &expr->tokens[i];
		bool space = (i > 0 && expr->tokens[i - 1].kind !=
			      CM_DEP_LPAREN && tk->kind != CM_DEP_RPAREN);

		if (space) {
			s = talloc_strdup_append(s, " ");
		}
		if (tk->kind == CM_DEP_REF) {
			s = talloc_asprintf_append(
				s, "[%s]", ids ? clus_object_id(tk->ref) :
				clus_object_name(tk->ref));
		} else if (tk->kind < num_words &&
			   dep_words[tk->kind] != NULL) {
			s = talloc_strdup_append(s, dep_words[tk->kind]);
		}
	}
	return s;
}

char *clus_depexpr_string(TALLOC_CTX *mem_ctx,
			  const struct clus_depexpr *expr)
{
	return depexpr_render(mem_ctx, expr, false);
}

bool depexpr_refers(const struct clus_depexpr *expr,
		    const struct clus_object *obj)
{
	uint32_t i;

	for (i = 0; i < expr->num_tokens; i++) {
		if (expr->tokens[i].kind == CM_DEP_REF &&
		    expr->tokens[i].ref == obj) {
			return true;
		}
	}
	return false;
}

bool depexpr_copy(TALLOC_CTX *mem_ctx, const struct clus_depexpr *src,
		  struct clus_depexpr *dst)
{
	dst->tokens = talloc_zero_array(mem_ctx, struct clus_deptoken,
					src->num_tokens + 1);
	if (dst->tokens == NULL) {
		return false;
	}
	if (src->num_tokens > 0) {
		memcpy(dst->tokens, src->tokens,
		       src->num_tokens * sizeof(struct clus_deptoken));
	}
	dst->num_tokens = src->num_tokens;
	return true;
}

static bool depexpr_has_or(const struct clus_depexpr *e)
{
	uint32_t i;

	for (i = 0; i < e->num_tokens; i++) {
		if (e->tokens[i].kind == CM_DEP_OR) {
			return true;
		}
	}
	return false;
}

bool depexpr_append_and(TALLOC_CTX *mem_ctx, const struct clus_depexpr *src,
			struct clus_object *obj, struct clus_depexpr *dst)
{
	bool wrap = depexpr_has_or(src);
	uint32_t n = 0;
	uint32_t i;

	dst->tokens = talloc_zero_array(mem_ctx, struct clus_deptoken,
					src->num_tokens + 4);
	if (dst->tokens == NULL) {
		return false;
	}
	if (src->num_tokens > 0) {
		/* "[a] or [b]" and [c] must not become [a] or ([b] and [c]) */
		if (wrap) {
			dst->tokens[n++].kind = CM_DEP_LPAREN;
		}
		for (i = 0; i < src->num_tokens; i++) {
			dst->tokens[n++] = src->tokens[i];
		}
		if (wrap) {
			dst->tokens[n++].kind = CM_DEP_RPAREN;
		}
		dst->tokens[n++].kind = CM_DEP_AND;
	}
	dst->tokens[n].kind = CM_DEP_REF;
	dst->tokens[n++].ref = obj;
	dst->num_tokens = n;
	return true;
}

bool depexpr_without(TALLOC_CTX *mem_ctx, const struct clus_depexpr *src,
		     const struct clus_object *obj, struct clus_depexpr *dst)
{
	uint32_t n = 0;
	uint32_t i, j;

	dst->tokens = talloc_zero_array(mem_ctx, struct clus_deptoken,
					src->num_tokens * 2 + 1);
	if (dst->tokens == NULL) {
		return false;
	}
	for (i = 0; i < src->num_tokens; i++) {
		const struct clus_deptoken *tk = &src->tokens[i];
		bool dup = false;

		if (tk->kind != CM_DEP_REF || tk->ref == obj) {
			continue;
		}
		for (j = 0; j < n; j++) {
			if (dst->tokens[j].ref == tk->ref) {
				dup = true;
			}
		}
		if (dup) {
			continue;
		}
		if (n > 0) {
			dst->tokens[n++].kind = CM_DEP_AND;
		}
		dst->tokens[n++] = *tk;
	}
	dst->num_tokens = n;
	return true;
}

uint32_t depexpr_change(TALLOC_CTX *mem_ctx, const struct clus_depexpr *src,
			struct clus_object *obj, bool add,
			struct clus_depexpr *dst)
{
	bool ok;

	if (depexpr_refers(src, obj) == add) {
		return add ? CM_ERROR_DEPENDENCY_ALREADY_EXISTS :
			CM_ERROR_DEPENDENCY_NOT_FOUND;
	}
	ok = add ? depexpr_append_and(mem_ctx, src, obj, dst) :
		depexpr_without(mem_ctx, src, obj, dst);
	return ok ? CM_ERROR_SUCCESS : CM_ERROR_NOT_ENOUGH_MEMORY;
}

bool depexpr_reaches(const struct clus_depexpr *expr,
		     const struct clus_object *obj, unsigned depth)
{
	uint32_t i;

	if (depth > 64) {
		return true;	/* treat absurd depth as a cycle */
	}
	for (i = 0; expr != NULL && i < expr->num_tokens; i++) {
		const struct clus_deptoken *tk = &expr->tokens[i];

		if (tk->kind != CM_DEP_REF) {
			continue;
		}
		if (tk->ref == obj ||
		    depexpr_reaches(obj_deps(tk->ref), obj, depth + 1)) {
			return true;
		}
	}
	return false;
}
