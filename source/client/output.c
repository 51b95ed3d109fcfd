/*
 * clusctl - text and JSON output, error lines
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>
#include "client/output.h"

char *clusctl_action(TALLOC_CTX *mem_ctx, const struct clusctl_options *o)
{
	switch (o->command) {
	case CLUSCTL_CMD_NONE:
		break;
	case CLUSCTL_CMD_CLUSTER_SHOW:
		return talloc_strdup(mem_ctx, "show the cluster");
	case CLUSCTL_CMD_NODE_LIST:
		return talloc_strdup(mem_ctx, "list nodes");
	case CLUSCTL_CMD_GROUP_LIST:
		return talloc_strdup(mem_ctx, "list groups");
	case CLUSCTL_CMD_RESOURCE_LIST:
		if (o->group != NULL) {
			return talloc_asprintf(mem_ctx, "list resources of "
					       "group \"%s\"", o->group);
		}
		return talloc_strdup(mem_ctx, "list resources");
	case CLUSCTL_CMD_NODE_SHOW:
		return talloc_asprintf(mem_ctx, "show node \"%s\"", o->name);
	case CLUSCTL_CMD_GROUP_SHOW:
		return talloc_asprintf(mem_ctx, "show group \"%s\"", o->name);
	case CLUSCTL_CMD_RESOURCE_SHOW:
		return talloc_asprintf(mem_ctx, "show resource \"%s\"",
				       o->name);
	case CLUSCTL_CMD_NODE_PAUSE:
		if (o->drain_target != NULL) {
			return talloc_asprintf(mem_ctx, "pause node \"%s\" "
					       "draining to node \"%s\"",
					       o->name, o->drain_target);
		}
		return talloc_asprintf(mem_ctx, "pause node \"%s\"", o->name);
	case CLUSCTL_CMD_NODE_RESUME:
		return talloc_asprintf(mem_ctx, "resume node \"%s\"",
				       o->name);
	case CLUSCTL_CMD_GROUP_MOVE:
		if (o->node != NULL) {
			return talloc_asprintf(mem_ctx, "move group \"%s\" to "
					       "node \"%s\"", o->name,
					       o->node);
		}
		return talloc_asprintf(mem_ctx, "move group \"%s\"", o->name);
	case CLUSCTL_CMD_GROUP_ONLINE:
		return talloc_asprintf(mem_ctx, "bring group \"%s\" online",
				       o->name);
	case CLUSCTL_CMD_GROUP_OFFLINE:
		return talloc_asprintf(mem_ctx, "take group \"%s\" offline",
				       o->name);
	default:
		break;
	}
	if (o->action != NULL && o->num_args == 0) {
		return talloc_strdup(mem_ctx, o->action);
	}
	if (o->action != NULL && o->num_args >= 1) {
		/* the command table's words: %1$s, %2$s */
		return talloc_asprintf(mem_ctx, o->action, o->args[0],
				       o->num_args >= 2 ? o->args[1] : "");
	}
	return talloc_strdup(mem_ctx, "do that");
}

char *clusctl_error_line(TALLOC_CTX *mem_ctx, const char *action,
			 NTSTATUS status, WERROR werr, const char *detail)
{
	char *err = clusapi_error_string(mem_ctx, status, werr);
	char *s;

	if (err == NULL) {
		return NULL;
	}
	if (detail != NULL) {
		s = talloc_asprintf(mem_ctx, "cannot %s: %s; %s", action, err,
				    detail);
	} else {
		s = talloc_asprintf(mem_ctx, "cannot %s: %s", action, err);
	}
	talloc_free(err);
	return s;
}

static const char *group_state(uint32_t state)
{
	return clusapi_state_name(CLUSAPI_OBJECT_GROUP, state);
}

static const char *orq(const char *s)
{
	return s != NULL ? s : "?";
}

char *clusctl_flow_error_line(TALLOC_CTX *mem_ctx,
			      const struct clusctl_options *o,
			      const struct clusapi_flow_result *r)
{
	TALLOC_CTX *frame = talloc_new(mem_ctx);
	const char *action = clusctl_action(frame, o);
	char *detail = NULL;
	char *s = NULL;

	switch (r->outcome) {
	case CLUSAPI_OUTCOME_DONE:
	case CLUSAPI_OUTCOME_ALREADY:
	case CLUSAPI_OUTCOME_STARTED:
		talloc_free(frame);
		return NULL;
	case CLUSAPI_OUTCOME_REFUSED:
		break;
	case CLUSAPI_OUTCOME_FAILED:
		detail = talloc_asprintf(frame, "the group is %s on %s",
					 group_state(r->state),
					 orq(r->owner));
		break;
	case CLUSAPI_OUTCOME_RETURNED:
		detail = talloc_asprintf(frame, "the group settled %s on %s",
					 group_state(r->state),
					 orq(r->owner));
		break;
	case CLUSAPI_OUTCOME_TIMED_OUT:
		detail = talloc_asprintf(frame, "the group is %s on %s after "
					 "%u.%03u s",
					 group_state(r->state), orq(r->owner),
					 r->elapsed_ms / 1000,
					 r->elapsed_ms % 1000);
		if (!r->cancel_requested) {
			detail = talloc_asprintf_append(
				detail, ", the operation goes on");
		} else if (W_ERROR_IS_OK(r->cancel_werr) ||
			   W_ERROR_EQUAL(r->cancel_werr, WERR_IO_PENDING)) {
			detail = talloc_asprintf_append(
				detail, ", the operation was cancelled");
		} else {
			detail = talloc_asprintf_append(
				detail, ", cancelling failed: %s",
				clusapi_error_string(frame, NT_STATUS_OK,
						     r->cancel_werr));
		}
		break;
	}
	s = clusctl_error_line(mem_ctx, action, r->status, r->werr, detail);
	talloc_free(frame);
	return s;
}

int clusctl_flow_exit_code(const struct clusapi_flow_result *r)
{
	switch (r->outcome) {
	case CLUSAPI_OUTCOME_DONE:
	case CLUSAPI_OUTCOME_ALREADY:
	case CLUSAPI_OUTCOME_STARTED:
		return CLUSCTL_EXIT_OK;
	case CLUSAPI_OUTCOME_TIMED_OUT:
		return CLUSCTL_EXIT_TIMEOUT;
	case CLUSAPI_OUTCOME_REFUSED:
	case CLUSAPI_OUTCOME_FAILED:
	case CLUSAPI_OUTCOME_RETURNED:
		break;
	}
	return CLUSCTL_EXIT_FAILED;
}

/* ---- text --------------------------------------------------------- */

/* Display width of UTF-8 text: one column per character */
static size_t text_width(const char *s)
{
	size_t n = 0;

	for (; s != NULL && *s != '\0'; s++) {
		if (((unsigned char)*s & 0xc0) != 0x80) {
			n++;
		}
	}
	return n;
}

static char *append_cell(char *buf, const char *s, size_t width, bool last)
{
	size_t w = text_width(s);

	buf = talloc_asprintf_append_buffer(buf, "%s", s);
	if (last || buf == NULL) {
		return buf;
	}
	for (; w < width + 2; w++) {
		buf = talloc_asprintf_append_buffer(buf, " ");
		if (buf == NULL) {
			return NULL;
		}
	}
	return buf;
}

static char *state_cell(TALLOC_CTX *mem_ctx,
			const struct clusapi_object_info *o)
{
	const char *state = clusapi_state_name(o->type, o->state);
	const char *name;

	if (o->failed_call == NULL) {
		return talloc_strdup(mem_ctx, state);
	}
	if (!NT_STATUS_IS_OK(o->status)) {
		return talloc_asprintf(mem_ctx, "%s (%s)", state,
				       nt_errstr(o->status));
	}
	name = clusapi_werror_name(o->werr);
	if (name == NULL) {
		return talloc_asprintf(mem_ctx, "%s (error 0x%08x)", state,
				       W_ERROR_V(o->werr));
	}
	return talloc_asprintf(mem_ctx, "%s (%s)", state, name);
}

char *clusctl_text_list(TALLOC_CTX *mem_ctx, enum clusapi_object_type type,
			const struct clusapi_object_info *objects,
			uint32_t count)
{
	static const char *node_cols[] = { "Name", "ID", "State" };
	static const char *group_cols[] = { "Name", "OwnerNode", "State" };
	static const char *res_cols[] = {
		"Name", "State", "OwnerGroup", "ResourceType"
	};
	TALLOC_CTX *frame = talloc_new(mem_ctx);
	const char **cols;
	size_t ncols, c, width[4] = { 0 };
	const char ***cells;
	char *buf;
	uint32_t i;

	switch (type) {
	case CLUSAPI_OBJECT_NODE:
		cols = node_cols;
		ncols = 3;
		break;
	case CLUSAPI_OBJECT_GROUP:
		cols = group_cols;
		ncols = 3;
		break;
	case CLUSAPI_OBJECT_RESOURCE:
		cols = res_cols;
		ncols = 4;
		break;
	default:
		talloc_free(frame);
		return NULL;
	}

	cells = talloc_array(frame, const char **, count);
	if (cells == NULL && count > 0) {
		talloc_free(frame);
		return NULL;
	}
	for (i = 0; i < count; i++) {
		const struct clusapi_object_info *o = &objects[i];
		const char **row = talloc_array(cells, const char *, ncols);

		if (row == NULL) {
			talloc_free(frame);
			return NULL;
		}
		row[0] = o->name;
		switch (type) {
		case CLUSAPI_OBJECT_NODE:
			row[1] = o->id != NULL ? o->id : "";
			row[2] = state_cell(row, o);
			break;
		case CLUSAPI_OBJECT_GROUP:
			row[1] = o->owner_node != NULL ? o->owner_node : "";
			row[2] = state_cell(row, o);
			break;
		default:
			row[1] = state_cell(row, o);
			row[2] = o->group != NULL ? o->group : "";
			row[3] = o->resource_type != NULL ?
				o->resource_type : "";
			break;
		}
		for (c = 0; c < ncols; c++) {
			if (row[c] == NULL) {
				talloc_free(frame);
				return NULL;
			}
		}
		cells[i] = row;
	}

	for (c = 0; c < ncols; c++) {
		width[c] = text_width(cols[c]);
		for (i = 0; i < count; i++) {
			size_t w = text_width(cells[i][c]);

			if (w > width[c]) {
				width[c] = w;
			}
		}
	}

	buf = talloc_strdup(mem_ctx, "");
	for (c = 0; buf != NULL && c < ncols; c++) {
		buf = append_cell(buf, cols[c], width[c], c == ncols - 1);
	}
	buf = talloc_asprintf_append_buffer(buf, "\n");
	for (c = 0; buf != NULL && c < ncols; c++) {
		char *dashes = talloc_strndup(frame, "--------------------"
					      "--------------------",
					      text_width(cols[c]));

		buf = append_cell(buf, dashes, width[c], c == ncols - 1);
	}
	buf = talloc_asprintf_append_buffer(buf, "\n");
	for (i = 0; buf != NULL && i < count; i++) {
		for (c = 0; buf != NULL && c < ncols; c++) {
			buf = append_cell(buf, cells[i][c], width[c],
					  c == ncols - 1);
		}
		buf = talloc_asprintf_append_buffer(buf, "\n");
	}
	talloc_free(frame);
	return buf;
}

static char *append_field(char *buf, const char *key, const char *value)
{
	if (buf == NULL || value == NULL) {
		return buf;
	}
	return talloc_asprintf_append_buffer(buf, "%-16s: %s\n", key, value);
}

static char *append_names(char *buf, const char *key, char **names,
			  uint32_t count)
{
	uint32_t i;

	if (buf == NULL || names == NULL) {
		return buf;
	}
	buf = talloc_asprintf_append_buffer(buf, "%-16s:", key);
	for (i = 0; buf != NULL && i < count; i++) {
		buf = talloc_asprintf_append_buffer(buf, "%s %s",
						    i > 0 ? "," : "",
						    names[i]);
	}
	return talloc_asprintf_append_buffer(buf, "\n");
}

char *clusctl_text_object(TALLOC_CTX *mem_ctx,
			  const struct clusapi_object_info *o)
{
	char *buf = talloc_strdup(mem_ctx, "");

	buf = append_field(buf, "Name", o->name);
	buf = append_field(buf, "Id", o->id);
	buf = append_field(buf, "State", clusapi_state_name(o->type,
							    o->state));
	switch (o->type) {
	case CLUSAPI_OBJECT_NODE:
		buf = append_names(buf, "Groups", o->groups, o->num_groups);
		break;
	case CLUSAPI_OBJECT_GROUP:
		buf = append_field(buf, "OwnerNode", o->owner_node);
		buf = append_names(buf, "Resources", o->resources,
				   o->num_resources);
		buf = append_names(buf, "PreferredOwners", o->nodes,
				   o->num_nodes);
		break;
	case CLUSAPI_OBJECT_RESOURCE:
		buf = append_field(buf, "OwnerGroup", o->group);
		buf = append_field(buf, "OwnerNode", o->owner_node);
		buf = append_field(buf, "ResourceType", o->resource_type);
		buf = append_names(buf, "DependsOn", o->resources,
				   o->num_resources);
		buf = append_names(buf, "PossibleOwners", o->nodes,
				   o->num_nodes);
		break;
	default:
		break;
	}
	return buf;
}

char *clusctl_text_cluster(TALLOC_CTX *mem_ctx,
			   const struct clusapi_cluster_info *ci)
{
	char *buf = talloc_strdup(mem_ctx, "");
	char *version;

	buf = append_field(buf, "Name", ci->name);
	buf = append_field(buf, "Node", ci->node);
	if (!W_ERROR_IS_OK(ci->version_werr)) {
		char *err = clusapi_error_string(buf, NT_STATUS_OK,
						 ci->version_werr);

		buf = append_field(buf, "Version", err);
		return buf;
	}
	version = talloc_asprintf(buf, "%u.%u build %u", ci->major,
				  ci->minor, ci->build);
	buf = append_field(buf, "Version", version);
	buf = append_field(buf, "Vendor", ci->vendor);
	if (ci->csd_version != NULL && ci->csd_version[0] != '\0') {
		buf = append_field(buf, "CSDVersion", ci->csd_version);
	}
	if (ci->highest_version != 0 || ci->lowest_version != 0) {
		buf = append_field(buf, "HighestVersion",
				   talloc_asprintf(buf, "0x%08x",
						   ci->highest_version));
		buf = append_field(buf, "LowestVersion",
				   talloc_asprintf(buf, "0x%08x",
						   ci->lowest_version));
	}
	return buf;
}

/* ---- JSON --------------------------------------------------------- */

static json_t *json_str_or_null(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

json_t *clusctl_json_error(NTSTATUS status, WERROR werr, const char *message)
{
	json_t *e = json_object();
	const char *name;

	if (e == NULL) {
		return NULL;
	}
	if (!NT_STATUS_IS_OK(status)) {
		json_object_set_new(e, "name", json_string(nt_errstr(status)));
		json_object_set_new(e, "code",
				    json_integer(NT_STATUS_V(status)));
		json_object_set_new(e, "kind", json_string("ntstatus"));
	} else {
		name = clusapi_werror_name(werr);
		json_object_set_new(e, "name", json_str_or_null(name));
		json_object_set_new(e, "code", json_integer(W_ERROR_V(werr)));
		json_object_set_new(e, "kind", json_string("werror"));
	}
	json_object_set_new(e, "message", json_str_or_null(message));
	return e;
}

static json_t *json_names(char **names, uint32_t count)
{
	json_t *a = json_array();
	uint32_t i;

	for (i = 0; a != NULL && i < count; i++) {
		json_array_append_new(a, json_string(names[i]));
	}
	return a;
}

static json_t *json_object_info(const struct clusapi_object_info *o,
				bool details)
{
	json_t *j = json_object();

	if (j == NULL) {
		return NULL;
	}
	json_object_set_new(j, "name", json_string(o->name));
	json_object_set_new(j, "id", json_str_or_null(o->id));
	json_object_set_new(j, "state",
			    json_string(clusapi_state_name(o->type,
							   o->state)));
	json_object_set_new(j, "state_code", json_integer(o->state));
	switch (o->type) {
	case CLUSAPI_OBJECT_NODE:
		if (details) {
			json_object_set_new(j, "groups",
					    json_names(o->groups,
						       o->num_groups));
		}
		break;
	case CLUSAPI_OBJECT_GROUP:
		json_object_set_new(j, "owner_node",
				    json_str_or_null(o->owner_node));
		if (details) {
			json_object_set_new(j, "resources",
					    json_names(o->resources,
						       o->num_resources));
			json_object_set_new(j, "preferred_owners",
					    json_names(o->nodes,
						       o->num_nodes));
		}
		break;
	case CLUSAPI_OBJECT_RESOURCE:
		json_object_set_new(j, "owner_group",
				    json_str_or_null(o->group));
		json_object_set_new(j, "owner_node",
				    json_str_or_null(o->owner_node));
		json_object_set_new(j, "resource_type",
				    json_str_or_null(o->resource_type));
		if (details) {
			json_object_set_new(j, "depends_on",
					    json_names(o->resources,
						       o->num_resources));
			json_object_set_new(j, "possible_owners",
					    json_names(o->nodes,
						       o->num_nodes));
		}
		break;
	default:
		break;
	}
	if (o->failed_call != NULL) {
		json_t *e = clusctl_json_error(o->status, o->werr, NULL);

		if (e != NULL) {
			json_object_set_new(e, "call",
					    json_string(o->failed_call));
		}
		json_object_set_new(j, "error", e);
	}
	return j;
}

static const char *list_key(enum clusapi_object_type type)
{
	switch (type) {
	case CLUSAPI_OBJECT_NODE: return "nodes";
	case CLUSAPI_OBJECT_GROUP: return "groups";
	case CLUSAPI_OBJECT_RESOURCE: return "resources";
	case CLUSAPI_OBJECT_CLUSTER: break;
	}
	return "objects";
}

json_t *clusctl_json_list(enum clusapi_object_type type,
			  const struct clusapi_object_info *objects,
			  uint32_t count)
{
	json_t *j = json_object();
	json_t *a = json_array();
	uint32_t i;

	if (j == NULL || a == NULL) {
		json_decref(j);
		json_decref(a);
		return NULL;
	}
	for (i = 0; i < count; i++) {
		json_array_append_new(a, json_object_info(&objects[i], false));
	}
	json_object_set_new(j, list_key(type), a);
	return j;
}

json_t *clusctl_json_object(const struct clusapi_object_info *info)
{
	json_t *j = json_object();

	if (j == NULL) {
		return NULL;
	}
	json_object_set_new(j, clusapi_object_type_name(info->type),
			    json_object_info(info, true));
	return j;
}

json_t *clusctl_json_cluster(const struct clusapi_cluster_info *ci)
{
	json_t *j = json_object();
	json_t *c = json_object();
	json_t *v = json_object();

	if (j == NULL || c == NULL || v == NULL) {
		json_decref(j);
		json_decref(c);
		json_decref(v);
		return NULL;
	}
	json_object_set_new(c, "name", json_str_or_null(ci->name));
	json_object_set_new(c, "node", json_str_or_null(ci->node));
	if (W_ERROR_IS_OK(ci->version_werr)) {
		json_object_set_new(v, "major", json_integer(ci->major));
		json_object_set_new(v, "minor", json_integer(ci->minor));
		json_object_set_new(v, "build", json_integer(ci->build));
		json_object_set_new(v, "vendor",
				    json_str_or_null(ci->vendor));
		json_object_set_new(v, "csd_version",
				    json_str_or_null(ci->csd_version));
		json_object_set_new(v, "highest_version",
				    json_integer(ci->highest_version));
		json_object_set_new(v, "lowest_version",
				    json_integer(ci->lowest_version));
		json_object_set_new(c, "version", v);
	} else {
		json_decref(v);
		json_object_set_new(c, "version", json_null());
		json_object_set_new(c, "version_error",
				    clusctl_json_error(NT_STATUS_OK,
						       ci->version_werr,
						       NULL));
	}
	json_object_set_new(j, "cluster", c);
	return j;
}

static const char *step_name(enum clusapi_step step)
{
	switch (step) {
	case CLUSAPI_STEP_OPEN_CLUSTER: return "open-cluster";
	case CLUSAPI_STEP_OPEN_GROUP: return "open-group";
	case CLUSAPI_STEP_OPEN_NODE: return "open-node";
	case CLUSAPI_STEP_GROUP_STATE: return "group-state";
	case CLUSAPI_STEP_MOVE: return "move";
	case CLUSAPI_STEP_ONLINE: return "online";
	case CLUSAPI_STEP_OFFLINE: return "offline";
	case CLUSAPI_STEP_NOTIFY_READY: return "notify-ready";
	case CLUSAPI_STEP_NOTIFY_FALLBACK: return "notify-fallback";
	case CLUSAPI_STEP_NOTIFICATION: return "notification";
	case CLUSAPI_STEP_TIMEOUT: return "timeout";
	case CLUSAPI_STEP_CANCEL: return "cancel";
	case CLUSAPI_STEP_DONE: return "done";
	}
	return "unknown";
}

static json_t *json_event(const struct clusapi_event *e)
{
	json_t *j = json_object();
	char *text;

	if (j == NULL) {
		return NULL;
	}
	json_object_set_new(j, "step", json_string(step_name(e->step)));
	json_object_set_new(j, "elapsed_ms", json_integer(e->elapsed_ms));
	if (e->call != NULL) {
		json_object_set_new(j, "call", json_string(e->call));
		json_object_set_new(j, "result",
				    clusctl_json_error(e->status, e->werr,
						       NULL));
	}
	if (e->step == CLUSAPI_STEP_GROUP_STATE ||
	    e->step == CLUSAPI_STEP_DONE) {
		json_object_set_new(j, "state",
				    json_string(group_state(e->state)));
		json_object_set_new(j, "owner_node",
				    json_str_or_null(e->node));
	}
	if (e->step == CLUSAPI_STEP_NOTIFICATION) {
		json_object_set_new(j, "filter_flags",
				    json_integer((json_int_t)e->filter_flags));
	}
	if (e->step == CLUSAPI_STEP_DONE) {
		json_object_set_new(j, "outcome",
				    json_string(clusapi_outcome_name(
						e->outcome)));
	}
	text = clusapi_event_string(NULL, e);
	json_object_set_new(j, "text", json_str_or_null(text));
	talloc_free(text);
	return j;
}

json_t *clusctl_json_flow(const char *operation,
			  const struct clusapi_flow_result *r)
{
	json_t *j = json_object();
	json_t *steps = json_array();
	uint32_t i;

	if (j == NULL || steps == NULL) {
		json_decref(j);
		json_decref(steps);
		return NULL;
	}
	json_object_set_new(j, "operation", json_string(operation));
	json_object_set_new(j, "group", json_str_or_null(r->group));
	json_object_set_new(j, "target_node", json_str_or_null(r->target));
	json_object_set_new(j, "outcome",
			    json_string(clusapi_outcome_name(r->outcome)));
	json_object_set_new(j, "state", json_string(group_state(r->state)));
	json_object_set_new(j, "owner_node", json_str_or_null(r->owner));
	json_object_set_new(j, "initial_state",
			    json_string(group_state(r->initial_state)));
	json_object_set_new(j, "initial_owner_node",
			    json_str_or_null(r->initial_owner));
	json_object_set_new(j, "used_notifications",
			    json_boolean(r->used_notify));
	json_object_set_new(j, "elapsed_ms", json_integer(r->elapsed_ms));
	if (r->cancel_requested) {
		json_object_set_new(j, "cancel",
				    clusctl_json_error(NT_STATUS_OK,
						       r->cancel_werr, NULL));
	}
	if (NT_STATUS_IS_OK(r->status) && W_ERROR_IS_OK(r->werr)) {
		json_object_set_new(j, "error", json_null());
	} else {
		json_t *e = clusctl_json_error(
			r->status, r->werr,
			clusapi_werror_explain(r->werr));

		if (e != NULL && r->failed_call != NULL) {
			json_object_set_new(e, "call",
					    json_string(r->failed_call));
		}
		json_object_set_new(j, "error", e);
	}
	for (i = 0; i < r->num_events; i++) {
		json_array_append_new(steps, json_event(&r->events[i]));
	}
	json_object_set_new(j, "steps", steps);
	return j;
}

json_t *clusctl_json_node_op(const char *operation, const char *node,
			     NTSTATUS status, WERROR werr,
			     const char *failed_call, const char *message)
{
	json_t *j = json_object();

	if (j == NULL) {
		return NULL;
	}
	json_object_set_new(j, "operation", json_string(operation));
	json_object_set_new(j, "node", json_str_or_null(node));
	if (NT_STATUS_IS_OK(status) && W_ERROR_IS_OK(werr)) {
		json_object_set_new(j, "error", json_null());
	} else {
		json_t *e = clusctl_json_error(status, werr, message);

		if (e != NULL && failed_call != NULL) {
			json_object_set_new(e, "call",
					    json_string(failed_call));
		}
		json_object_set_new(j, "error", e);
	}
	return j;
}

char *clusctl_json_string(TALLOC_CTX *mem_ctx, json_t *j)
{
	char *s, *t;

	if (j == NULL) {
		return NULL;
	}
	s = json_dumps(j, JSON_INDENT(2));
	if (s == NULL) {
		return NULL;
	}
	t = talloc_strdup(mem_ctx, s);
	free(s);
	return t;
}
