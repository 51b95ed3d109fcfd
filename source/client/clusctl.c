/*
 * clusctl - manage a Windows failover cluster over MS-CMRP
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <credentials.h>
#include "client/clusctl.h"

#ifndef CLUSAPI_VERSION
#define CLUSAPI_VERSION "unknown"
#endif

/*
 * Where clusctl's own messages go.  Samba's libraries print their
 * diagnostics (DEBUG level 0, e.g. "Failed to bind to uuid ...") on fd 2
 * and their debug system is private, so unless -d is given fd 2 goes to
 * /dev/null and clusctl writes to a copy of the real stderr: a failure is
 * then the one line clusctl prints.
 */
FILE *clusctl_err;

static void clusctl_quiet_samba(const struct clusctl_options *opts)
{
	int fd, copy;
	FILE *f;

	if (opts->debuglevel >= 0) {
		return;
	}
	copy = dup(STDERR_FILENO);
	if (copy == -1) {
		return;
	}
	f = fdopen(copy, "w");
	if (f == NULL) {
		close(copy);
		return;
	}
	fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (fd == -1) {
		fclose(f);
		return;
	}
	if (dup2(fd, STDERR_FILENO) == -1) {
		close(fd);
		fclose(f);
		return;
	}
	close(fd);
	setvbuf(f, NULL, _IOLBF, 0);
	clusctl_err = f;
}

void clusctl_print_json(struct clusctl *c, json_t *j)
{
	char *s = clusctl_json_string(c->mem_ctx, j);

	json_decref(j);
	if (s == NULL) {
		fprintf(clusctl_err, "clusctl: cannot format the JSON "
			"output\n");
		return;
	}
	printf("%s\n", s);
	talloc_free(s);
}

/* The one failure line (and with --json the error object) */
int clusctl_fail(struct clusctl *c, NTSTATUS status, WERROR werr,
		 const char *detail, int rc)
{
	char *action = clusctl_action(c->mem_ctx, c->opts);
	char *line;

	if (detail == NULL && c->conn != NULL) {
		detail = clusapi_conn_denied_reason(c->conn, status);
	}
	line = clusctl_error_line(c->mem_ctx, action, status, werr, detail);

	if (c->opts->json) {
		json_t *j = json_object();

		json_object_set_new(j, "error",
				    clusctl_json_error(status, werr, line));
		clusctl_print_json(c, j);
	}
	fprintf(clusctl_err, "clusctl: %s\n", line != NULL ? line : "failed");
	return rc;
}

bool clusctl_wait_for(struct clusctl *c, struct tevent_req *req)
{
	if (req == NULL) {
		fprintf(clusctl_err, "clusctl: out of memory\n");
		return false;
	}
	if (!tevent_req_poll(req, c->ev)) {
		fprintf(clusctl_err, "clusctl: the event loop failed: %s\n",
			strerror(errno));
		return false;
	}
	return true;
}

static int clusctl_cluster_show(struct clusctl *c)
{
	struct clusapi_cluster_info *info = NULL;
	struct tevent_req *req;
	WERROR werr = WERR_OK;
	NTSTATUS status;

	req = clusapi_cluster_info_send(c->mem_ctx, c->ev, c->conn);
	if (!clusctl_wait_for(c, req)) {
		return CLUSCTL_EXIT_FAILED;
	}
	status = clusapi_cluster_info_recv(req, c->mem_ctx, &info, &werr);
	if (!NT_STATUS_IS_OK(status) || !W_ERROR_IS_OK(werr)) {
		return clusctl_fail(c, status, werr, NULL,
				    CLUSCTL_EXIT_FAILED);
	}
	if (c->opts->json) {
		clusctl_print_json(c, clusctl_json_cluster(info));
	} else {
		fputs(clusctl_text_cluster(c->mem_ctx, info), stdout);
	}
	return CLUSCTL_EXIT_OK;
}

static int clusctl_list(struct clusctl *c, enum clusapi_object_type type)
{
	struct clusapi_object_info *objects = NULL;
	struct tevent_req *req;
	uint32_t count = 0;
	WERROR werr = WERR_OK;
	NTSTATUS status;
	char *text;

	req = clusapi_list_send(c->mem_ctx, c->ev, c->conn, type,
				c->opts->group);
	if (!clusctl_wait_for(c, req)) {
		return CLUSCTL_EXIT_FAILED;
	}
	status = clusapi_list_recv(req, c->mem_ctx, &objects, &count, &werr);
	if (!NT_STATUS_IS_OK(status) || !W_ERROR_IS_OK(werr)) {
		return clusctl_fail(c, status, werr, NULL,
				    CLUSCTL_EXIT_FAILED);
	}
	if (c->opts->json) {
		clusctl_print_json(c, clusctl_json_list(type, objects, count));
		return CLUSCTL_EXIT_OK;
	}
	text = clusctl_text_list(c->mem_ctx, type, objects, count);
	if (text == NULL) {
		fprintf(clusctl_err, "clusctl: out of memory\n");
		return CLUSCTL_EXIT_FAILED;
	}
	fputs(text, stdout);
	return CLUSCTL_EXIT_OK;
}

/* A group with its properties, as Get-ClusterGroup | fl * shows it */
static int clusctl_show_group(struct clusctl *c,
			      struct clusapi_object_info *info)
{
	json_t *j;
	int rc;

	if (!c->opts->json) {
		fputs(clusctl_text_object(c->mem_ctx, info), stdout);
		printf("\n");
		return clusctl_show_properties(c, CLUSAPI_CONTROL_GROUP,
					       info->name, NULL);
	}
	j = clusctl_json_object(info);
	rc = clusctl_show_properties(c, CLUSAPI_CONTROL_GROUP, info->name,
				     json_object_get(j, "group"));
	if (rc != CLUSCTL_EXIT_OK) {
		json_decref(j);
		return rc;
	}
	clusctl_print_json(c, j);
	return CLUSCTL_EXIT_OK;
}

int clusctl_object_info(struct clusctl *c, enum clusapi_object_type type,
			const char *name, bool details,
			struct clusapi_object_info **info)
{
	struct tevent_req *req;
	WERROR werr = WERR_OK;
	NTSTATUS status;

	req = clusapi_object_info_send(c->mem_ctx, c->ev, c->conn, type,
				       name, details);
	if (!clusctl_wait_for(c, req)) {
		return CLUSCTL_EXIT_FAILED;
	}
	status = clusapi_object_info_recv(req, c->mem_ctx, info, &werr);
	if (!NT_STATUS_IS_OK(status) || !W_ERROR_IS_OK(werr)) {
		return clusctl_fail(c, status, werr, NULL,
				    CLUSCTL_EXIT_FAILED);
	}
	return CLUSCTL_EXIT_OK;
}

static int clusctl_show(struct clusctl *c, enum clusapi_object_type type)
{
	struct clusapi_object_info *info = NULL;
	int rc;

	rc = clusctl_object_info(c, type, c->opts->name, true, &info);
	if (rc != CLUSCTL_EXIT_OK) {
		return rc;
	}
	if (type != CLUSAPI_OBJECT_GROUP) {
		if (c->opts->json) {
			clusctl_print_json(c, clusctl_json_object(info));
		} else {
			fputs(clusctl_text_object(c->mem_ctx, info), stdout);
		}
		return CLUSCTL_EXIT_OK;
	}
	return clusctl_show_group(c, info);
}

static int clusctl_node_op(struct clusctl *c, bool pause)
{
	const struct clusctl_options *o = c->opts;
	struct tevent_req *req;
	const char *failed_call = NULL;
	char *failed_name = NULL;
	WERROR werr = WERR_OK;
	NTSTATUS status;

	if (pause) {
		req = clusapi_node_pause_send(c->mem_ctx, c->ev, c->conn,
					      o->name, o->drain,
					      o->drain_target);
	} else {
		req = clusapi_node_resume_send(c->mem_ctx, c->ev, c->conn,
					       o->name, o->failback);
	}
	if (!clusctl_wait_for(c, req)) {
		return CLUSCTL_EXIT_FAILED;
	}
	status = clusapi_node_op_recv(req, c->mem_ctx, &werr, &failed_call,
				      &failed_name);
	if (!NT_STATUS_IS_OK(status) || !W_ERROR_IS_OK(werr)) {
		const char *detail = NULL;

		if (failed_name != NULL && o->drain_target != NULL &&
		    strcmp(failed_name, o->drain_target) == 0) {
			detail = talloc_asprintf(c->mem_ctx, "node \"%s\" "
						 "(%s)", failed_name,
						 failed_call);
		}
		if (o->json) {
			char *action = clusctl_action(c->mem_ctx, o);
			char *line = clusctl_error_line(c->mem_ctx, action,
							status, werr,
							detail);

			clusctl_print_json(c, clusctl_json_node_op(
				pause ? "pause" : "resume", o->name, status,
				werr, failed_call, line));
			fprintf(clusctl_err, "clusctl: %s\n", line);
			return CLUSCTL_EXIT_FAILED;
		}
		return clusctl_fail(c, status, werr, detail,
				    CLUSCTL_EXIT_FAILED);
	}
	if (o->json) {
		clusctl_print_json(c, clusctl_json_node_op(
			pause ? "pause" : "resume", o->name, status, werr,
			NULL, NULL));
		return CLUSCTL_EXIT_OK;
	}
	if (pause) {
		printf("node \"%s\" paused%s\n", o->name,
		       o->drain ? ", its groups are draining" : "");
	} else {
		printf("node \"%s\" resumed%s\n", o->name,
		       o->failback ? ", its groups fail back" : "");
	}
	return CLUSCTL_EXIT_OK;
}

/* The steps that say what happened, not how it is going */
static bool clusctl_step_is_result(enum clusapi_step step)
{
	switch (step) {
	case CLUSAPI_STEP_MOVE:
	case CLUSAPI_STEP_ONLINE:
	case CLUSAPI_STEP_OFFLINE:
	case CLUSAPI_STEP_TIMEOUT:
	case CLUSAPI_STEP_CANCEL:
	case CLUSAPI_STEP_DONE:
		return true;
	default:
		return false;
	}
}

/*
 * The calls' results, one line each.  On a terminal the rest (states
 * read, notifications) is one line rewritten in place: what is pending,
 * on which node, for how long; elsewhere it is left out.
 */
static void clusctl_progress(const struct clusapi_event *event,
			     void *private_data)
{
	bool *in_place = private_data;
	bool result = clusctl_step_is_result(event->step);
	char *line;

	if (!result && !isatty(STDOUT_FILENO)) {
		return;
	}
	line = clusapi_event_string(NULL, event);
	if (line == NULL) {
		return;
	}
	if (*in_place) {
		printf("\r\033[K");
	}
	printf("[%4u.%03us] %s%s", event->elapsed_ms / 1000,
	       event->elapsed_ms % 1000, line, result ? "\n" : "");
	*in_place = !result;
	fflush(stdout);
	talloc_free(line);
}

static int clusctl_group_op(struct clusctl *c)
{
	const struct clusctl_options *o = c->opts;
	struct clusapi_move_opts mo = {
		.wait = o->wait,
		.timeout_ms = o->wait_ms,
		.poll_interval_ms = o->poll_interval_ms,
		.cancel_on_timeout = o->cancel_on_timeout,
		.no_notify = o->no_notify,
	};
	struct clusapi_flow_result *r = NULL;
	bool progress_shown = false;
	const char *operation = "move";
	struct tevent_req *req;
	NTSTATUS status;
	const char *reason;
	char *line;

	if (!o->json) {
		mo.progress = clusctl_progress;
		mo.progress_private = &progress_shown;
	}
	switch (o->command) {
	case CLUSCTL_CMD_GROUP_MOVE:
		req = clusapi_move_group_send(c->mem_ctx, c->ev, c->conn,
					      o->name, o->node, &mo);
		break;
	case CLUSCTL_CMD_GROUP_ONLINE:
		operation = "online";
		req = clusapi_group_set_online_send(c->mem_ctx, c->ev,
						    c->conn, o->name, true,
						    &mo);
		break;
	default:
		operation = "offline";
		req = clusapi_group_set_online_send(c->mem_ctx, c->ev,
						    c->conn, o->name, false,
						    &mo);
		break;
	}
	if (!clusctl_wait_for(c, req)) {
		return CLUSCTL_EXIT_FAILED;
	}
	/* the flows fail only for lack of memory: the rest is in r */
	if (o->command == CLUSCTL_CMD_GROUP_MOVE) {
		status = clusapi_move_group_recv(req, c->mem_ctx, &r);
	} else {
		status = clusapi_group_set_online_recv(req, c->mem_ctx, &r);
	}
	if (!NT_STATUS_IS_OK(status)) {
		return clusctl_fail(c, status, WERR_OK, NULL,
				    CLUSCTL_EXIT_FAILED);
	}
	if (progress_shown) {
		printf("\n");
	}
	if (o->json) {
		clusctl_print_json(c, clusctl_json_flow(operation, r));
	}
	line = clusctl_flow_error_line(c->mem_ctx, o, r);
	reason = clusapi_conn_denied_reason(c->conn, r->status);
	if (line != NULL && reason != NULL) {
		line = talloc_asprintf(c->mem_ctx, "%s; %s", line, reason);
	}
	if (line != NULL) {
		fprintf(clusctl_err, "clusctl: %s\n", line);
	}
	return clusctl_flow_exit_code(r);
}

static int clusctl_run(struct clusctl *c)
{
	switch (c->opts->command) {
	case CLUSCTL_CMD_CLUSTER_SHOW:
		return clusctl_cluster_show(c);
	case CLUSCTL_CMD_NODE_LIST:
		return clusctl_list(c, CLUSAPI_OBJECT_NODE);
	case CLUSCTL_CMD_GROUP_LIST:
		return clusctl_list(c, CLUSAPI_OBJECT_GROUP);
	case CLUSCTL_CMD_RESOURCE_LIST:
		return clusctl_list(c, CLUSAPI_OBJECT_RESOURCE);
	case CLUSCTL_CMD_NODE_SHOW:
		return clusctl_show(c, CLUSAPI_OBJECT_NODE);
	case CLUSCTL_CMD_GROUP_SHOW:
		return clusctl_show(c, CLUSAPI_OBJECT_GROUP);
	case CLUSCTL_CMD_RESOURCE_SHOW:
		return clusctl_show(c, CLUSAPI_OBJECT_RESOURCE);
	case CLUSCTL_CMD_NODE_PAUSE:
		return clusctl_node_op(c, true);
	case CLUSCTL_CMD_NODE_RESUME:
		return clusctl_node_op(c, false);
	case CLUSCTL_CMD_GROUP_MOVE:
	case CLUSCTL_CMD_GROUP_ONLINE:
	case CLUSCTL_CMD_GROUP_OFFLINE:
		return clusctl_group_op(c);
	case CLUSCTL_CMD_RESOURCE_DEPENDENCIES:
	case CLUSCTL_CMD_RESOURCE_OWNERS:
		return clusctl_resource_links(c);
	case CLUSCTL_CMD_PROPERTY_GET:
	case CLUSCTL_CMD_PROPERTY_SET:
		return clusctl_property(c);
	case CLUSCTL_CMD_NETWORK_LIST:
	case CLUSCTL_CMD_NETWORK_SHOW:
	case CLUSCTL_CMD_INTERFACE_LIST:
	case CLUSCTL_CMD_INTERFACE_SHOW:
	case CLUSCTL_CMD_RESTYPE_LIST:
	case CLUSCTL_CMD_RESTYPE_SHOW:
		return clusctl_inventory(c);
	case CLUSCTL_CMD_QUORUM_SHOW:
		return clusctl_quorum_show(c);
	case CLUSCTL_CMD_EVENTS:
		return clusctl_events(c);
	case CLUSCTL_CMD_STATUS:
		return clusctl_status(c);
	case CLUSCTL_CMD_NONE:
		break;
	default:
		return clusctl_admin(c);
	}
	return CLUSCTL_EXIT_USAGE;
}

/* What a failed connect most likely means, beyond its NTSTATUS */
static const char *connect_failure_detail(const struct clusctl_options *opts,
					  struct cli_credentials *creds,
					  NTSTATUS status)
{
	bool np = strncasecmp(opts->target, "ncacn_np:", 9) == 0;

	if (NT_STATUS_EQUAL(status, NT_STATUS_UNSUCCESSFUL) &&
	    !cli_credentials_is_anonymous(creds) && !np) {
		/*
		 * Over TCP the bind is sealed with the user's credentials,
		 * as Windows wants; a bind_nak means the server does not
		 * take them.
		 */
		return "the server refused the authenticated bind (it may "
		       "not offer this mechanism: try [ntlm], [krb5] or -k; "
		       "an older clusapid takes anonymous binds only: -N)";
	}
	if (NT_STATUS_EQUAL(status, NT_STATUS_UNSUCCESSFUL)) {
		/* what libdcerpc makes of most bind_nak reasons */
		return "the server refused the bind";
	}
	if (NT_STATUS_EQUAL(status, NT_STATUS_INVALID_PARAMETER) &&
	    cli_credentials_get_kerberos_state(creds) ==
	    CRED_USE_KERBEROS_REQUIRED) {
		/* gensec's Kerberos client without a usable ticket */
		return "Kerberos got no ticket for the server (has the "
		       "ticket expired? kinit again; is the host name the "
		       "server's?)";
	}
	if (NT_STATUS_EQUAL(status, NT_STATUS_NO_MEMORY) && np) {
		/* seen when nothing accepts SMB connections */
		return "Samba's SMB client says this when it cannot reach "
		       "the SMB server";
	}
	return NULL;
}

int main(int argc, const char **argv)
{
	TALLOC_CTX *mem_ctx = talloc_new(NULL);
	struct clusctl c = { .mem_ctx = mem_ctx };
	struct clusctl_options *opts = NULL;
	struct loadparm_context *lp_ctx = NULL;
	struct cli_credentials *creds = NULL;
	char *error = NULL, *usage = NULL;
	uint32_t flags = CLUSAPI_CONNECT_NO_NOTIFY;
	NTSTATUS status;
	int rc;

	clusctl_err = stderr;
	if (mem_ctx == NULL) {
		fprintf(clusctl_err, "clusctl: out of memory\n");
		return CLUSCTL_EXIT_FAILED;
	}

	rc = clusctl_parse(mem_ctx, argc, argv, &opts, &error, &usage);
	if (rc != CLUSCTL_EXIT_OK) {
		fprintf(clusctl_err, "clusctl: %s\n",
			error != NULL ? error : "out of memory");
		talloc_free(mem_ctx);
		return rc;
	}
	if (opts->help) {
		fputs(usage != NULL ? usage : "", stdout);
		talloc_free(mem_ctx);
		return CLUSCTL_EXIT_OK;
	}
	if (opts->version) {
		printf("clusctl %s\n", CLUSAPI_VERSION);
		talloc_free(mem_ctx);
		return CLUSCTL_EXIT_OK;
	}
	c.opts = opts;
	clusctl_quiet_samba(opts);

	rc = clusctl_setup(mem_ctx, opts, &lp_ctx, &creds, &error);
	if (rc != CLUSCTL_EXIT_OK) {
		fprintf(clusctl_err, "clusctl: %s\n",
			error != NULL ? error : "out of memory");
		talloc_free(mem_ctx);
		return rc;
	}

	c.ev = tevent_context_init(mem_ctx);
	if (c.ev == NULL) {
		fprintf(clusctl_err, "clusctl: out of memory\n");
		talloc_free(mem_ctx);
		return CLUSCTL_EXIT_FAILED;
	}

	/* a wait, events and status --watch need the notification one */
	if ((opts->wait && !opts->no_notify) ||
	    opts->command == CLUSCTL_CMD_EVENTS || opts->watch) {
		flags = 0;
	}
	status = clusapi_connect(mem_ctx, c.ev, lp_ctx, opts->target, creds,
				 flags, &c.conn);
	if (!NT_STATUS_IS_OK(status)) {
		const char *detail = connect_failure_detail(opts, creds,
							    status);
		char *line;

		line = clusctl_error_line(
			mem_ctx,
			talloc_asprintf(mem_ctx, "connect to \"%s\"",
					opts->target),
			status, WERR_OK, detail);

		if (opts->json) {
			json_t *j = json_object();

			json_object_set_new(j, "error",
					    clusctl_json_error(status, WERR_OK,
							       line));
			clusctl_print_json(&c, j);
		}
		fprintf(clusctl_err, "clusctl: %s\n", line);
		talloc_free(mem_ctx);
		return CLUSCTL_EXIT_FAILED;
	}
	if (opts->debuglevel >= 1) {
		NTSTATUS nst = clusapi_conn_notify_status(c.conn);

		fprintf(clusctl_err, "clusctl: connected: %s; notification "
			"connection: %s\n",
			clusapi_conn_binding_string(c.conn),
			NT_STATUS_IS_OK(nst) ? "up" :
			(flags & CLUSAPI_CONNECT_NO_NOTIFY) ? "not needed" :
			nt_errstr(nst));
	}

	rc = clusctl_run(&c);
	talloc_free(mem_ctx);
	return rc;
}
