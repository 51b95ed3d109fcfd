/*
 * clusapid: smbd's named-pipe-auth handshake
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When an SMB client opens \pipe\clusapi, smbd connects to our unix
 * socket and sends one request: a big-endian length word, then NDR (see
 * librpc/idl/npa.idl) with the client's addresses and the caller's
 * session info. We answer with a reply that makes the pipe a message-mode
 * pipe; smbd gives up on the pipe when the reply does not come or is not
 * exactly what it expects, so anything we do not understand ends the
 * connection without a reply.
 */

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "server/log.h"
#include <talloc.h>
#include <tevent.h>
#include <ndr.h>
#include <util/tevent_unix.h>
#include <gen_ndr/auth.h>
#include <gen_ndr/security.h>

#include "librpc/gen_ndr/ndr_npa.h"
#include "server/transport/npa.h"

/*
 * Samba reads requests of up to 16 MiB; a token with thousands of
 * group SIDs stays far below that.
 */
#define NPA_MAX_REQUEST 0x00FFFFFF

/* [MS-FSCC] FilePipeLocalInformation: what Samba's pipes report */
#define NPA_DEVICE_STATE 0x05ff
#define NPA_ALLOCATION_SIZE 4096

/*
 * Move exactly LEN bytes over a non-blocking FD: write OUT (kept by the
 * caller), or with OUT NULL read them into a buffer of the request's.
 */
struct clusrv_fd_transfer_state {
	int fd;
	const uint8_t *out;
	uint8_t *in;
	size_t len;
	size_t done;
	struct tevent_fd *fde;
};

static void clusrv_fd_transfer_handler(struct tevent_context *ev,
				       struct tevent_fd *fde, uint16_t flags,
				       void *private_data);

static struct tevent_req *clusrv_fd_transfer_send(TALLOC_CTX *mem_ctx,
						  struct tevent_context *ev,
						  int fd, const uint8_t *out,
						  size_t len)
{
	struct tevent_req *req;
	struct clusrv_fd_transfer_state *state;

	req = tevent_req_create(mem_ctx, &state,
				struct clusrv_fd_transfer_state);
	if (req == NULL) {
		return NULL;
	}
	state->fd = fd;
	state->out = out;
	state->len = len;
	if (out == NULL) {
		state->in = talloc_size(state, len);
		if (tevent_req_nomem(state->in, req)) {
			return tevent_req_post(req, ev);
		}
	}
	state->fde = tevent_add_fd(ev, state, fd,
				   out != NULL ? TEVENT_FD_WRITE :
				   TEVENT_FD_READ,
				   clusrv_fd_transfer_handler, req);
	if (tevent_req_nomem(state->fde, req)) {
		return tevent_req_post(req, ev);
	}
	return req;
}

static void clusrv_fd_transfer_handler(struct tevent_context *ev,
				       struct tevent_fd *fde, uint16_t flags,
				       void *private_data)
{
	struct tevent_req *req = talloc_get_type_abort(private_data,
						       struct tevent_req);
	struct clusrv_fd_transfer_state *state = tevent_req_data(
		req, struct clusrv_fd_transfer_state);
	size_t left = state->len - state->done;
	ssize_t n;

	if (state->out != NULL) {
		n = write(state->fd, state->out + state->done, left);
	} else {
		n = read(state->fd, state->in + state->done, left);
	}
	if (n == -1) {
		if (errno == EAGAIN || errno == EINTR) {
			return;
		}
		tevent_req_error(req, errno);
		return;
	}
	if (n == 0 && state->out == NULL) {
		tevent_req_error(req, ECONNRESET);
		return;
	}
	state->done += n;
	if (state->done == state->len) {
		TALLOC_FREE(state->fde);
		tevent_req_done(req);
	}
}

/* 0 or an errno; what was read moves to *in (if in is not NULL) */
static int clusrv_fd_transfer_recv(struct tevent_req *req,
				   TALLOC_CTX *mem_ctx, uint8_t **in)
{
	struct clusrv_fd_transfer_state *state = tevent_req_data(
		req, struct clusrv_fd_transfer_state);
	int err;

	if (tevent_req_is_unix_error(req, &err)) {
		tevent_req_received(req);
		return err;
	}
	if (in != NULL) {
		*in = talloc_move(mem_ctx, &state->in);
	}
	tevent_req_received(req);
	return 0;
}

static bool clusrv_npa_sids(TALLOC_CTX *mem_ctx,
			    const struct cnpa_security_token *in,
			    struct security_token **out)
{
	struct security_token *token;
	uint32_t i;

	token = talloc_zero(mem_ctx, struct security_token);
	if (token == NULL) {
		return false;
	}
	token->sids = talloc_zero_array(token, struct dom_sid, in->num_sids);
	if (token->sids == NULL) {
		talloc_free(token);
		return false;
	}
	for (i = 0; i < in->num_sids; i++) {
		const struct cnpa_dom_sid *s = &in->sids[i];
		struct dom_sid *d = &token->sids[i];

		/* NDR checked num_auths against [range(0,15)] */
		d->sid_rev_num = s->sid_rev_num;
		d->num_auths = s->num_auths;
		memcpy(d->id_auth, s->id_auth, sizeof(d->id_auth));
		memcpy(d->sub_auths, s->sub_auths,
		       s->num_auths * sizeof(d->sub_auths[0]));
	}
	token->num_sids = in->num_sids;
	token->privilege_mask = in->privilege_mask;
	token->rights_mask = in->rights_mask;
	*out = token;
	return true;
}

static bool clusrv_npa_unix_token(TALLOC_CTX *mem_ctx,
				  const struct cnpa_security_unix_token *in,
				  struct security_unix_token **out)
{
	struct security_unix_token *ut;

	*out = NULL;
	if (in == NULL) {
		return true;
	}
	ut = talloc_zero(mem_ctx, struct security_unix_token);
	if (ut == NULL) {
		return false;
	}
	ut->uid = in->uid;
	ut->gid = in->gid;
	ut->ngroups = in->ngroups;
	if (in->ngroups > 0) {
		ut->groups = talloc_memdup(ut, in->groups,
					   in->ngroups * sizeof(gid_t));
		if (ut->groups == NULL) {
			talloc_free(ut);
			return false;
		}
	}
	*out = ut;
	return true;
}

/*
 * The request's session info as Samba's own auth_session_info, which
 * the dcesrv core keeps for the connection. The NDR strings and arrays
 * are talloc children of the pulled request; everything is moved or
 * copied under the new session info.
 */
static struct auth_session_info *clusrv_npa_session(
	TALLOC_CTX *mem_ctx, struct cnpa_auth_session_info *in)
{
	struct auth_session_info *s;
	struct cnpa_auth_user_info *ii = in->info;
	struct auth_user_info *info;

	s = talloc_zero(mem_ctx, struct auth_session_info);
	if (s == NULL) {
		return NULL;
	}
	if (!clusrv_npa_sids(s, in->security_token, &s->security_token) ||
	    !clusrv_npa_unix_token(s, in->unix_token, &s->unix_token)) {
		goto nomem;
	}

	info = talloc_zero(s, struct auth_user_info);
	if (info == NULL) {
		goto nomem;
	}
	*info = (struct auth_user_info) {
		.account_name = talloc_move(info, &ii->account_name),
		.user_principal_name = talloc_move(info,
						   &ii->user_principal_name),
		.user_principal_constructed = ii->user_principal_constructed,
		.domain_name = talloc_move(info, &ii->domain_name),
		.dns_domain_name = talloc_move(info, &ii->dns_domain_name),
		.full_name = talloc_move(info, &ii->full_name),
		.logon_server = talloc_move(info, &ii->logon_server),
		.last_logon = ii->last_logon,
		.last_logoff = ii->last_logoff,
		.acct_expiry = ii->acct_expiry,
		.last_password_change = ii->last_password_change,
		.allow_password_change = ii->allow_password_change,
		.force_password_change = ii->force_password_change,
		.logon_count = ii->logon_count,
		.bad_password_count = ii->bad_password_count,
		.acct_flags = ii->acct_flags,
		.authenticated = ii->authenticated,
	};
	s->info = info;

	if (in->unix_info != NULL) {
		struct auth_user_info_unix *ui;

		ui = talloc_zero(s, struct auth_user_info_unix);
		if (ui == NULL) {
			goto nomem;
		}
		ui->unix_name = talloc_move(ui, &in->unix_info->unix_name);
		ui->sanitized_username = talloc_move(
			ui, &in->unix_info->sanitized_username);
		s->unix_info = ui;
	}

	/* The dcesrv core hands it out as the transport session key. */
	s->session_key = data_blob_talloc(s, in->session_key.data,
					  in->session_key.length);
	if (in->session_key.length > 0 && s->session_key.data == NULL) {
		goto nomem;
	}
	s->unique_session_token = in->unique_session_token;
	s->ticket_type = (enum ticket_type)in->ticket_type;
	return s;

nomem:
	talloc_free(s);
	return NULL;
}

int clusrv_npa_parse_request(TALLOC_CTX *mem_ctx, const uint8_t *buf,
			     size_t len, struct clusrv_npa_client **_client)
{
	TALLOC_CTX *frame = talloc_new(mem_ctx);
	DATA_BLOB blob = data_blob_const(buf, len);
	struct cnpa_req *req;
	struct cnpa_req_info7 *i7;
	struct cnpa_auth_session_info *si;
	struct clusrv_npa_client *client;
	enum ndr_err_code ndr_err;
	int ret = EPROTO;

	if (frame == NULL) {
		return ENOMEM;
	}
	req = talloc_zero(frame, struct cnpa_req);
	if (req == NULL) {
		ret = ENOMEM;
		goto done;
	}
	ndr_err = ndr_pull_struct_blob_all(&blob, req, req,
					   (ndr_pull_flags_fn_t)
					   ndr_pull_cnpa_req);
	if (!NDR_ERR_CODE_IS_SUCCESS(ndr_err)) {
		DBG_NOTICE("named-pipe-auth request of %zu bytes: %s\n", len,
			   ndr_map_error2string(ndr_err));
		goto done;
	}
	if (req->length != len - 4 || req->magic == NULL ||
	    strcmp(req->magic, CNPA_MAGIC) != 0 ||
	    req->level != CNPA_LEVEL) {
		DBG_NOTICE("named-pipe-auth request without the NPAM level 7 "
			   "header\n");
		goto done;
	}
	i7 = &req->info.info7;
	if (i7->session_info == NULL ||
	    i7->session_info->session_info == NULL) {
		DBG_NOTICE("named-pipe-auth request without a session\n");
		goto done;
	}
	si = i7->session_info->session_info;
	/* The dcesrv core needs sids[0] (the user) for context handles. */
	if (si->security_token == NULL || si->security_token->num_sids == 0 ||
	    si->info == NULL) {
		DBG_NOTICE("named-pipe-auth request with an incomplete "
			   "session (no token, no SIDs or no user info)\n");
		goto done;
	}

	client = talloc_zero(mem_ctx, struct clusrv_npa_client);
	if (client == NULL) {
		ret = ENOMEM;
		goto done;
	}
	client->remote_addr = talloc_move(client, &i7->remote_client_addr);
	client->remote_port = i7->remote_client_port;
	client->local_addr = talloc_move(client, &i7->local_server_addr);
	client->local_port = i7->local_server_port;
	client->session_info = clusrv_npa_session(client, si);
	if (client->session_info == NULL) {
		talloc_free(client);
		ret = ENOMEM;
		goto done;
	}
	if (clus_log_enabled(CLUS_LOG_DEBUG)) {
		char *text = ndr_print_struct_string(
			frame, (ndr_print_fn_t)ndr_print_cnpa_req,
			"named_pipe_auth_req", req);

		DBG_DEBUG("%s\n", text != NULL ? text : "?");
	}
	*_client = client;
	ret = 0;
done:
	talloc_free(frame);
	return ret;
}

int clusrv_npa_reply(TALLOC_CTX *mem_ctx, uint8_t **buf, size_t *len)
{
	struct cnpa_rep rep = {
		.level = CNPA_LEVEL,
		.info.info7 = {
			.file_type = CNPA_FILE_TYPE_MESSAGE_MODE_PIPE,
			.device_state = NPA_DEVICE_STATE,
			.allocation_size = NPA_ALLOCATION_SIZE,
		},
		.status = NT_STATUS_OK,
	};
	DATA_BLOB blob;
	enum ndr_err_code ndr_err;

	ndr_err = ndr_push_struct_blob(&blob, mem_ctx, &rep,
				       (ndr_push_flags_fn_t)
				       ndr_push_cnpa_rep);
	if (!NDR_ERR_CODE_IS_SUCCESS(ndr_err)) {
		return ENOMEM;
	}
	*buf = blob.data;
	*len = blob.length;
	return 0;
}

struct clusrv_npa_accept_state {
	struct tevent_context *ev;
	int fd;
	uint8_t *length;
	uint32_t body_len;
	uint8_t *reply;
	size_t reply_len;
	struct clusrv_npa_client *client;
};

static void clusrv_npa_accept_length(struct tevent_req *subreq);
static void clusrv_npa_accept_body(struct tevent_req *subreq);
static void clusrv_npa_accept_replied(struct tevent_req *subreq);

/*
 * The next step of the handshake on REQ: move LEN bytes (write OUT, or
 * with OUT NULL read them), then NEXT. False when REQ failed for memory.
 */
static bool clusrv_npa_accept_step(struct tevent_req *req,
				   const uint8_t *out, size_t len,
				   tevent_req_fn next)
{
	struct clusrv_npa_accept_state *state = tevent_req_data(
		req, struct clusrv_npa_accept_state);
	struct tevent_req *subreq;

	subreq = clusrv_fd_transfer_send(state, state->ev, state->fd, out,
					 len);
	if (tevent_req_nomem(subreq, req)) {
		return false;
	}
	tevent_req_set_callback(subreq, next, req);
	return true;
}

struct tevent_req *clusrv_npa_accept_send(TALLOC_CTX *mem_ctx,
					  struct tevent_context *ev, int fd,
					  unsigned int timeout_ms)
{
	struct tevent_req *req;
	struct clusrv_npa_accept_state *state;

	req = tevent_req_create(mem_ctx, &state,
				struct clusrv_npa_accept_state);
	if (req == NULL) {
		return NULL;
	}
	state->ev = ev;
	state->fd = fd;

	/* smbd sends at once; a silent peer must not hold a slot. */
	if (!tevent_req_set_endtime(req, ev, tevent_timeval_current_ofs(
					    timeout_ms / 1000,
					    (timeout_ms % 1000) * 1000))) {
		tevent_req_oom(req);
		return tevent_req_post(req, ev);
	}

	if (!clusrv_npa_accept_step(req, NULL, 4, clusrv_npa_accept_length)) {
		return tevent_req_post(req, ev);
	}
	return req;
}

static void clusrv_npa_accept_length(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(subreq,
							  struct tevent_req);
	struct clusrv_npa_accept_state *state = tevent_req_data(
		req, struct clusrv_npa_accept_state);
	uint32_t len;
	int ret;

	ret = clusrv_fd_transfer_recv(subreq, state, &state->length);
	TALLOC_FREE(subreq);
	if (tevent_req_error(req, ret)) {
		return;
	}
	/* The one big-endian word of the protocol */
	len = ((uint32_t)state->length[0] << 24) |
	      ((uint32_t)state->length[1] << 16) |
	      ((uint32_t)state->length[2] << 8) | state->length[3];
	if (len == 0 || len > NPA_MAX_REQUEST) {
		DBG_NOTICE("named-pipe-auth request announces %u bytes\n",
			   (unsigned int)len);
		tevent_req_error(req, EPROTO);
		return;
	}
	state->body_len = len;
	clusrv_npa_accept_step(req, NULL, len, clusrv_npa_accept_body);
}

static void clusrv_npa_accept_body(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(subreq,
							  struct tevent_req);
	struct clusrv_npa_accept_state *state = tevent_req_data(
		req, struct clusrv_npa_accept_state);
	size_t len = state->body_len;
	uint8_t *body = NULL;
	uint8_t *all;
	int ret;

	ret = clusrv_fd_transfer_recv(subreq, state, &body);
	TALLOC_FREE(subreq);
	if (tevent_req_error(req, ret)) {
		return;
	}

	/* NDR parses the length word too */
	all = talloc_realloc(state, state->length, uint8_t, 4 + len);
	if (tevent_req_nomem(all, req)) {
		return;
	}
	state->length = all;
	memcpy(all + 4, body, len);
	TALLOC_FREE(body);

	ret = clusrv_npa_parse_request(state, all, 4 + len, &state->client);
	TALLOC_FREE(state->length);
	if (tevent_req_error(req, ret)) {
		return;
	}

	ret = clusrv_npa_reply(state, &state->reply, &state->reply_len);
	if (tevent_req_error(req, ret)) {
		return;
	}
	clusrv_npa_accept_step(req, state->reply, state->reply_len,
			       clusrv_npa_accept_replied);
}

static void clusrv_npa_accept_replied(struct tevent_req *subreq)
{
	struct tevent_req *req = tevent_req_callback_data(subreq,
							  struct tevent_req);
	int ret;

	ret = clusrv_fd_transfer_recv(subreq, NULL, NULL);
	TALLOC_FREE(subreq);
	if (tevent_req_error(req, ret)) {
		return;
	}
	tevent_req_done(req);
}

int clusrv_npa_accept_recv(struct tevent_req *req, TALLOC_CTX *mem_ctx,
			   struct clusrv_npa_client **client)
{
	struct clusrv_npa_accept_state *state = tevent_req_data(
		req, struct clusrv_npa_accept_state);
	int err;

	if (tevent_req_is_unix_error(req, &err)) {
		tevent_req_received(req);
		return err;
	}
	*client = talloc_move(mem_ctx, &state->client);
	tevent_req_received(req);
	return 0;
}
