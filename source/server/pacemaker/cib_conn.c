/*
 * clusapi: a libcib connection with a copy of the CIB kept up to date
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pcmk_conn_open signs on to the CIB manager (or, with CIB_file set in
 * the environment, to a CIB file: no daemon, no notifications), reads
 * the whole CIB and, live, registers for T_CIB_DIFF_NOTIFY. Each diff is
 * applied to the local copy (xml_apply_patchset, as crm_mon does; the
 * whole CIB is read again when a diff does not apply), the copy is
 * parsed again and the caller's callback runs. Notifications arrive
 * through GLib: run pcmk_glib_loop_send on the same tevent loop.
 *
 * libcib's notify callbacks carry no private pointer, so there is one
 * connection per process (EBUSY for a second one).
 *
 * Calls into libcib are synchronous here (cib_sync_call): signon, the
 * full query, the changes. The MS-CMRP backend will want the
 * asynchronous form (register_callback) for changes.
 */

#include <errno.h>
#include <syslog.h>
#include <crm/crm.h>
#include <crm/cib.h>
#include <crm/common/xml.h>

#include "pcmk.h"

/* in Pacemaker's private msg_xml.h / cib_internal.h */
#define PCMK_F_CIB_UPDATE_RESULT	"cib_update_result"
#define PCMK_F_CIB_RC			"cib_rc"

struct pcmk_conn {
	cib_t *cib;
	xmlNode *xml;		/* our copy of the CIB */
	struct pcmk_cib *parsed;
	pcmk_changed_fn changed;
	void *private_data;
};

static struct pcmk_conn *the_conn;

static int pcmk_errno(int rc)
{
	/* libcib answers -errno, or -pcmk_err_* (above 200) */
	if (rc >= 0) {
		return 0;
	}
	return -rc < 200 ? -rc : EIO;
}

static int conn_destructor(struct pcmk_conn *conn)
{
	if (the_conn == conn) {
		the_conn = NULL;
	}
	if (conn->cib != NULL) {
		conn->cib->cmds->signoff(conn->cib);
		cib_delete(conn->cib);
		conn->cib = NULL;
	}
	if (conn->xml != NULL) {
		free_xml(conn->xml);
		conn->xml = NULL;
	}
	return 0;
}

static int conn_reparse(struct pcmk_conn *conn)
{
	struct pcmk_cib *parsed;
	int ret;

	ret = pcmk_cib_parse(conn, conn->xml, &parsed);
	if (ret != 0) {
		return ret;
	}
	TALLOC_FREE(conn->parsed);
	conn->parsed = parsed;
	return 0;
}

static int conn_query(struct pcmk_conn *conn)
{
	xmlNode *xml = NULL;
	int rc;

	rc = conn->cib->cmds->query(conn->cib, NULL, &xml,
				    cib_scope_local | cib_sync_call);
	if (rc != pcmk_ok || xml == NULL) {
		return rc != pcmk_ok ? pcmk_errno(rc) : EIO;
	}
	if (conn->xml != NULL) {
		free_xml(conn->xml);
	}
	conn->xml = xml;
	return conn_reparse(conn);
}

static void conn_diff(const char *event, xmlNode *msg)
{
	struct pcmk_conn *conn = the_conn;
	xmlNode *diff;
	int rc = 0;

	if (conn == NULL || conn->xml == NULL) {
		return;
	}
	crm_element_value_int(msg, PCMK_F_CIB_RC, &rc);
	diff = get_message_xml(msg, PCMK_F_CIB_UPDATE_RESULT);
	if (rc < pcmk_ok || diff == NULL) {
		return;
	}
	rc = xml_apply_patchset(conn->xml, diff, TRUE);
	if (rc != pcmk_ok) {
		/* out of step (a resync, a diff on a newer epoch) */
		if (conn_query(conn) != 0) {
			return;
		}
	} else if (conn_reparse(conn) != 0) {
		return;
	}
	conn->changed(conn, conn->parsed, conn->private_data);
}

static void conn_gone(gpointer user_data)
{
	struct pcmk_conn *conn = the_conn;

	if (conn != NULL) {
		conn->changed(conn, NULL, conn->private_data);
	}
}

static void log_init(const char *name)
{
	static bool done;

	if (done) {
		return;
	}
	/* file mode fails signon without it (schema validation) */
	crm_log_init(name, LOG_ERR, FALSE, FALSE, 0, NULL, TRUE);
	done = true;
}

static int conn_signon(struct pcmk_conn *conn, const char *name)
{
	int rc;

	conn->cib = cib_new();
	if (conn->cib == NULL) {
		return ENOMEM;
	}
	rc = conn->cib->cmds->signon(conn->cib, name, cib_command);
	if (rc != pcmk_ok) {
		return pcmk_errno(rc);
	}
	if (conn->cib->variant != cib_native) {
		return 0;
	}
	rc = conn->cib->cmds->add_notify_callback(conn->cib,
						  T_CIB_DIFF_NOTIFY,
						  conn_diff);
	if (rc != pcmk_ok) {
		return pcmk_errno(rc);
	}
	rc = conn->cib->cmds->set_connection_dnotify(conn->cib, conn_gone);
	return pcmk_errno(rc);
}

int pcmk_conn_open(TALLOC_CTX *mem_ctx, const char *name,
		   pcmk_changed_fn changed, void *private_data,
		   struct pcmk_conn **pconn)
{
	struct pcmk_conn *conn;
	int ret;

	if (the_conn != NULL) {
		return EBUSY;
	}
	log_init(name);
	conn = talloc_zero(mem_ctx, struct pcmk_conn);
	if (conn == NULL) {
		return ENOMEM;
	}
	conn->changed = changed;
	conn->private_data = private_data;
	talloc_set_destructor(conn, conn_destructor);
	the_conn = conn;

	ret = conn_signon(conn, name);
	if (ret == 0) {
		ret = conn_query(conn);
	}
	if (ret != 0) {
		TALLOC_FREE(conn);
		return ret;
	}
	*pconn = conn;
	return 0;
}

const struct pcmk_cib *pcmk_conn_cib(struct pcmk_conn *conn)
{
	return conn->parsed;
}

static int apply_one(cib_t *cib, const struct pcmk_change *change)
{
	int rc;

	switch (change->op) {
	case PCMK_CHANGE_MODIFY:
		rc = cib->cmds->modify(cib, change->section, change->xml,
				       cib_sync_call);
		break;
	case PCMK_CHANGE_REMOVE:
		rc = cib->cmds->remove(cib, change->section, change->xml,
				       cib_sync_call);
		break;
	case PCMK_CHANGE_REPLACE:
		rc = cib->cmds->replace(cib, change->section, change->xml,
					cib_sync_call);
		break;
	default:
		return EINVAL;
	}
	return rc == pcmk_ok ? 0 : pcmk_errno(rc);
}

/* the undo of every update from @first up to @failed, last first */
static void undo_before(cib_t *cib, const struct pcmk_change *first,
			const struct pcmk_change *failed)
{
	const struct pcmk_change *u;

	if (first == failed) {
		return;
	}
	undo_before(cib, first->next, failed);
	for (u = first->undo; u != NULL; u = u->next) {
		apply_one(cib, u);
	}
}

/* the change, and (file mode, which has no notifications) a new copy */
int pcmk_conn_apply(struct pcmk_conn *conn,
		    const struct pcmk_change *change)
{
	const struct pcmk_change *c;
	int ret = 0;

	for (c = change; c != NULL; c = c->next) {
		ret = apply_one(conn->cib, c);
		if (ret != 0) {
			undo_before(conn->cib, change, c);
			break;
		}
	}
	if (conn->cib->variant != cib_native && c != change) {
		int q = conn_query(conn);

		ret = ret != 0 ? ret : q;
	}
	return ret;
}

int pcmk_conn_reload(struct pcmk_conn *conn)
{
	return conn_query(conn);
}

const xmlNode *pcmk_conn_xml(struct pcmk_conn *conn)
{
	return conn->xml;
}
