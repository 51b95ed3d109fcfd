/*
 * clusctl - events (the notification stream) and status (one screen of
 * the cluster, as crm_mon shows a Pacemaker one; with --watch redrawn
 * whenever a notification comes)
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/time.h>
#include "client/clusctl.h"

static void watch_timestamp(char *buf, size_t len)
{
	struct timeval tv;
	struct tm tm;
	size_t n;

	gettimeofday(&tv, NULL);
	gmtime_r(&tv.tv_sec, &tm);
	n = strftime(buf, len, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(buf + n, len - n, ".%03dZ", (int)(tv.tv_usec / 1000));
}

static void events_print(const struct clusapi_notification *n,
			 void *private_data)
{
	struct clusctl *c = private_data;
	TALLOC_CTX *frame = talloc_new(c->mem_ctx);
	char *change = clusapi_notification_change(frame, n);
	const char *object = clusapi_notification_object_name(n);
	char when[64];

	watch_timestamp(when, sizeof(when));
	if (c->opts->json) {
		json_t *j = json_object();
		char *line;

		json_object_set_new(j, "time", json_string(when));
		json_object_set_new(j, "version", json_integer(n->version));
		json_object_set_new(j, "object", json_string(object));
		json_object_set_new(j, "name", json_string(
			n->name != NULL ? n->name : ""));
		json_object_set_new(j, "change", json_string(
			change != NULL ? change : ""));
		json_object_set_new(j, "filter", json_integer(n->filter));
		line = json_dumps(j, JSON_COMPACT);
		json_decref(j);
		if (line != NULL) {
			printf("%s\n", line);
			free(line);
		}
	} else {
		printf("%s %s \"%s\" %s\n", when, object,
		       n->name != NULL ? n->name : "",
		       change != NULL ? change : "?");
	}
	fflush(stdout);
	talloc_free(frame);
}

/* The stream ended: an error (a stream ends in no other way) */
static int events_ended(struct clusctl *c, struct tevent_req *req)
{
	WERROR werr = WERR_OK;
	NTSTATUS status = clusapi_events_recv(req, &werr);

	return clusctl_fail(c, status, werr, "the notification stream "
			    "ended", CLUSCTL_EXIT_FAILED);
}

int clusctl_events(struct clusctl *c)
{
	struct tevent_req *req;

	req = clusapi_events_send(c->mem_ctx, c->ev, c->conn,
				  c->opts->notify_v1, events_print, c);
	if (!clusctl_wait_for(c, req)) {
		return CLUSCTL_EXIT_FAILED;
	}
	return events_ended(c, req);
}

/* ---- status -------------------------------------------------------- */

struct status_lists {
	struct clusapi_object_info *objects[3];
	uint32_t count[3];
};

static const enum clusapi_object_type status_types[3] = {
	CLUSAPI_OBJECT_NODE, CLUSAPI_OBJECT_GROUP, CLUSAPI_OBJECT_RESOURCE,
};

static int status_read(struct clusctl *c, TALLOC_CTX *mem_ctx,
		       struct status_lists *l)
{
	size_t i;

	for (i = 0; i < 3; i++) {
		struct tevent_req *req;
		WERROR werr = WERR_OK;
		NTSTATUS status;

		req = clusapi_list_send(mem_ctx, c->ev, c->conn,
					status_types[i], NULL);
		if (!clusctl_wait_for(c, req)) {
			return CLUSCTL_EXIT_FAILED;
		}
		status = clusapi_list_recv(req, mem_ctx, &l->objects[i],
					   &l->count[i], &werr);
		if (!NT_STATUS_IS_OK(status) || !W_ERROR_IS_OK(werr)) {
			return clusctl_fail(c, status, werr, NULL,
					    CLUSCTL_EXIT_FAILED);
		}
	}
	return CLUSCTL_EXIT_OK;
}

static const char *status_state(const struct clusapi_object_info *o)
{
	return clusapi_state_name(o->type, o->state);
}

/* Groups, each with its resources under it */
static char *status_groups(char *s, const struct status_lists *l)
{
	const struct clusapi_object_info *g = l->objects[1];
	const struct clusapi_object_info *r = l->objects[2];
	uint32_t i, k;

	s = talloc_asprintf_append(s, "\nGroups:\n");
	for (i = 0; s != NULL && i < l->count[1]; i++) {
		s = talloc_asprintf_append(s, "  %-28s %-14s on %s\n",
					   g[i].name, status_state(&g[i]),
					   g[i].owner_node != NULL ?
					   g[i].owner_node : "?");
		for (k = 0; s != NULL && k < l->count[2]; k++) {
			if (r[k].group == NULL ||
			    strcmp(r[k].group, g[i].name) != 0) {
				continue;
			}
			s = talloc_asprintf_append(s, "    %-26s %-14s (%s)\n",
						   r[k].name,
						   status_state(&r[k]),
						   r[k].resource_type != NULL ?
						   r[k].resource_type : "");
		}
	}
	return s;
}

static char *status_text(TALLOC_CTX *mem_ctx, struct clusctl *c,
			 const struct status_lists *l)
{
	const struct clusapi_object_info *n = l->objects[0];
	uint32_t i, online = 0;
	char when[64];
	char *s;

	watch_timestamp(when, sizeof(when));
	for (i = 0; i < l->count[1]; i++) {
		online += l->objects[1][i].state == CLUSAPI_GROUP_ONLINE;
	}
	s = talloc_asprintf(mem_ctx, "Cluster on %s, %s\n%u nodes, %u "
			    "groups (%u online), %u resources\n\nNodes:\n",
			    clusapi_conn_binding_string(c->conn), when,
			    l->count[0], l->count[1], online, l->count[2]);
	for (i = 0; s != NULL && i < l->count[0]; i++) {
		s = talloc_asprintf_append(s, "  %-28s %s\n", n[i].name,
					   status_state(&n[i]));
	}
	return s != NULL ? status_groups(s, l) : NULL;
}

static int status_draw(struct clusctl *c, bool clear)
{
	TALLOC_CTX *frame = talloc_new(c->mem_ctx);
	struct status_lists l = { { NULL } };
	int rc = status_read(c, frame, &l);
	char *text;

	if (rc != CLUSCTL_EXIT_OK) {
		talloc_free(frame);
		return rc;
	}
	if (c->opts->json) {
		json_t *j = json_object();
		size_t i;

		for (i = 0; i < 3; i++) {
			const char *key = i == 0 ? "nodes" :
					  i == 1 ? "groups" : "resources";
			json_t *w = clusctl_json_list(status_types[i],
						      l.objects[i],
						      l.count[i]);

			json_object_set(j, key, json_object_get(w, key));
			json_decref(w);
		}
		clusctl_print_json(c, j);
		talloc_free(frame);
		return CLUSCTL_EXIT_OK;
	}
	text = status_text(frame, c, &l);
	if (text != NULL) {
		/* home, clear: a terminal redraws the one screen */
		printf("%s%s", clear ? "\033[H\033[2J" : "", text);
		if (!clear && c->opts->watch) {
			printf("\n");
		}
		fflush(stdout);
	}
	talloc_free(frame);
	return text != NULL ? CLUSCTL_EXIT_OK : CLUSCTL_EXIT_FAILED;
}

static void status_dirty(const struct clusapi_notification *n,
			 void *private_data)
{
	bool *dirty = private_data;

	*dirty = true;
}

int clusctl_status(struct clusctl *c)
{
	bool tty = isatty(STDOUT_FILENO) && !c->opts->json;
	struct tevent_req *req;
	bool dirty = false;
	int rc;

	rc = status_draw(c, tty && c->opts->watch);
	if (rc != CLUSCTL_EXIT_OK || !c->opts->watch) {
		return rc;
	}
	req = clusapi_events_send(c->mem_ctx, c->ev, c->conn,
				  c->opts->notify_v1, status_dirty, &dirty);
	if (req == NULL) {
		return clusctl_fail(c, NT_STATUS_NO_MEMORY, WERR_OK, NULL,
				    CLUSCTL_EXIT_FAILED);
	}
	while (tevent_req_is_in_progress(req)) {
		if (tevent_loop_once(c->ev) != 0) {
			fprintf(clusctl_err, "clusctl: the event loop failed: "
				"%s\n", strerror(errno));
			return CLUSCTL_EXIT_FAILED;
		}
		if (!dirty) {
			continue;
		}
		dirty = false;
		rc = status_draw(c, tty);
		if (rc != CLUSCTL_EXIT_OK) {
			return rc;
		}
	}
	return events_ended(c, req);
}
