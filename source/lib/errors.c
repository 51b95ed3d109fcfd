/*
 * libclusapi - error names, explanations and state names
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <ctype.h>
#include <stdio.h>
#include "lib/clusapi_private.h"

/*
 * What the cluster codes mean to someone moving groups around, shorter
 * than Windows' own messages.  Codes not listed here get Samba's text.
 */
static const struct {
	uint32_t code;
	const char *text;
} werror_explanations[] = {
	{ 0x00000000, "success" },
	{ 0x00000005, "access denied" },
	{ 0x00000006, "the handle is not valid" },
	{ 0x00000046, "the cluster service is paused or starting" },
	{ 0x00000057, "a parameter is not valid" },
	{ 0x00000078, "the server does not implement this call" },
	{ 0x00000102, "the wait timed out" },
	{ 0x000003e5, "the operation goes on in the background" },
	{ 0x000004c7, "the operation was cancelled" },
	{ 0x000005b4, "the wait timed out" },
	{ 0x000006d1, "the server does not know this call" },
	{ 0x0000138d, "no cluster node is available for this operation" },
	{ 0x0000138f, "the resource does not exist" },
	{ 0x00001390, "the cluster is shutting down" },
	{ 0x00001394, "the group does not accept new requests" },
	{ 0x00001395, "the group does not exist" },
	{ 0x00001396, "the group is not online" },
	{ 0x00001397, "the node does not own the resource or cannot own it" },
	{ 0x00001398, "the node does not own the group or cannot own it" },
	{ 0x0000139f, "the group or resource is in the wrong state for this" },
	{ 0x000013ae, "a resource of the group failed" },
	{ 0x000013b2, "the node does not exist" },
	{ 0x000013ba, "the node is down" },
	{ 0x000013bb, "the node cannot be reached" },
	{ 0x000013bc, "the node is not a member of the cluster" },
	{ 0x000013c0, "the node is up" },
	{ 0x000013c2, "the node is not paused" },
	{ 0x000013c5, "the node is already up" },
	{ 0x000013c6, "the node is already down" },
	{ 0x000013ce, "the node is paused" },
	{ 0x000013cf, "the node cannot run a resource of the group" },
	{ 0x000013d0, "the node is not ready" },
	{ 0x000013d1, "the node is shutting down" },
	{ 0x000013d6, "the resource type does not exist" },
	{ 0x000013da, "the node is not a preferred owner" },
	{ 0x00001714, "the group is moving to another node" },
};

const char *clusapi_werror_name(WERROR werr)
{
	static const char *keep_prefix[] = {
		"RPC_S_", "RPC_X_", "EPT_S_", "DNS_", "NERR_", "SEC_E_",
	};
	static __thread char buf[128];
	const char *s = win_errstr(werr);
	size_t i;

	if (W_ERROR_IS_OK(werr)) {
		return "ERROR_SUCCESS";
	}
	if (s == NULL || strncmp(s, "WERR_", 5) != 0) {
		return NULL;
	}
	s += 5;
	for (i = 0; i < sizeof(keep_prefix) / sizeof(keep_prefix[0]); i++) {
		if (strncmp(s, keep_prefix[i], strlen(keep_prefix[i])) == 0) {
			return s;
		}
	}
	snprintf(buf, sizeof(buf), "ERROR_%s", s);
	return buf;
}

const char *clusapi_werror_explain(WERROR werr)
{
	static __thread char buf[256];
	const char *s;
	size_t i;

	for (i = 0; i < sizeof(werror_explanations) /
			sizeof(werror_explanations[0]); i++) {
		if (werror_explanations[i].code == W_ERROR_V(werr)) {
			return werror_explanations[i].text;
		}
	}
	s = get_friendly_werror_msg(werr);
	if (s == NULL || strncmp(s, "Unknown", 7) == 0 ||
	    strncmp(s, "DOS code", 8) == 0) {
		return "unknown error";
	}
	/* Windows sentences: lower-case the first letter, drop the dot */
	snprintf(buf, sizeof(buf), "%s", s);
	if (buf[0] != '\0' && isupper((unsigned char)buf[0]) &&
	    !isupper((unsigned char)buf[1])) {
		buf[0] = tolower((unsigned char)buf[0]);
	}
	i = strlen(buf);
	if (i > 0 && buf[i - 1] == '.') {
		buf[i - 1] = '\0';
	}
	return buf;
}

static const struct {
	NTSTATUS status;
	const char *text;
} ntstatus_explanations[] = {
	{ NT_STATUS_CONNECTION_REFUSED, "nothing accepts connections there" },
	{ NT_STATUS_NETWORK_UNREACHABLE, "the network is unreachable" },
	{ NT_STATUS_HOST_UNREACHABLE, "the host is unreachable" },
	{ NT_STATUS_IO_TIMEOUT, "the server did not answer in time" },
	{ NT_STATUS_CONNECTION_DISCONNECTED, "the connection was closed" },
	{ NT_STATUS_CONNECTION_RESET, "the connection was reset" },
	{ NT_STATUS_END_OF_FILE, "the server closed the connection" },
	{ NT_STATUS_ACCESS_DENIED, "access denied" },
	{ NT_STATUS_LOGON_FAILURE,
	  "the logon failed (user name or password)" },
	{ NT_STATUS_RPC_PROCNUM_OUT_OF_RANGE,
	  "the server does not know this call" },
	{ NT_STATUS_RPC_INTERFACE_NOT_FOUND,
	  "the server does not offer the cluster interface" },
	{ NT_STATUS_RPC_SS_CONTEXT_MISMATCH,
	  "the server does not know the handle" },
	{ NT_STATUS_OBJECT_NAME_NOT_FOUND,
	  "not found (the host, pipe or endpoint)" },
	{ NT_STATUS_BAD_NETWORK_NAME,
	  "the name (host or share) cannot be found" },
	{ NT_STATUS_INVALID_PARAMETER, "a parameter is not valid" },
};

char *clusapi_error_string(TALLOC_CTX *mem_ctx, NTSTATUS status,
			   WERROR werr)
{
	const char *name, *text;
	char buf[256];
	size_t i;

	if (NT_STATUS_IS_OK(status)) {
		name = clusapi_werror_name(werr);
		text = clusapi_werror_explain(werr);
		if (name == NULL) {
			return talloc_asprintf(mem_ctx, "error 0x%08x: %s",
					       W_ERROR_V(werr), text);
		}
		return talloc_asprintf(mem_ctx, "%s (0x%08x): %s", name,
				       W_ERROR_V(werr), text);
	}

	text = NULL;
	for (i = 0; i < sizeof(ntstatus_explanations) /
			sizeof(ntstatus_explanations[0]); i++) {
		if (NT_STATUS_EQUAL(ntstatus_explanations[i].status,
				    status)) {
			text = ntstatus_explanations[i].text;
			break;
		}
	}
	if (text == NULL) {
		text = get_friendly_nt_error_msg(status);
		if (text == NULL) {
			text = "unknown error";
		}
		/* "{Operation Failed} The requested operation ..." */
		if (text[0] == '{' && strstr(text, "} ") != NULL) {
			text = strstr(text, "} ") + 2;
		}
		snprintf(buf, sizeof(buf), "%s", text);
		if (isupper((unsigned char)buf[0]) &&
		    !isupper((unsigned char)buf[1])) {
			buf[0] = tolower((unsigned char)buf[0]);
		}
		i = strlen(buf);
		if (i > 0 && buf[i - 1] == '.') {
			buf[i - 1] = '\0';
		}
		text = buf;
	}
	return talloc_asprintf(mem_ctx, "%s (0x%08x): %s", nt_errstr(status),
			       NT_STATUS_V(status), text);
}

const char *clusapi_state_name(enum clusapi_object_type type, uint32_t state)
{
	switch (type) {
	case CLUSAPI_OBJECT_GROUP:
		switch (state) {
		case CLUSAPI_GROUP_ONLINE: return "Online";
		case CLUSAPI_GROUP_OFFLINE: return "Offline";
		case CLUSAPI_GROUP_FAILED: return "Failed";
		case CLUSAPI_GROUP_PARTIAL_ONLINE: return "PartialOnline";
		case CLUSAPI_GROUP_PENDING: return "Pending";
		}
		break;
	case CLUSAPI_OBJECT_NODE:
		switch (state) {
		case CLUSAPI_NODE_UP: return "Up";
		case CLUSAPI_NODE_DOWN: return "Down";
		case CLUSAPI_NODE_PAUSED: return "Paused";
		case CLUSAPI_NODE_JOINING: return "Joining";
		}
		break;
	case CLUSAPI_OBJECT_RESOURCE:
		switch (state) {
		case CLUSAPI_RESOURCE_INITIALIZING: return "Initializing";
		case CLUSAPI_RESOURCE_ONLINE: return "Online";
		case CLUSAPI_RESOURCE_OFFLINE: return "Offline";
		case CLUSAPI_RESOURCE_FAILED: return "Failed";
		case CLUSAPI_RESOURCE_ONLINE_PENDING: return "OnlinePending";
		case CLUSAPI_RESOURCE_OFFLINE_PENDING: return "OfflinePending";
		}
		break;
	case CLUSAPI_OBJECT_CLUSTER:
		break;
	}
	return "Unknown";
}

const char *clusapi_object_type_name(enum clusapi_object_type type)
{
	static const char *const names[] = {
		[CLUSAPI_OBJECT_CLUSTER] = "cluster",
		[CLUSAPI_OBJECT_NODE] = "node",
		[CLUSAPI_OBJECT_GROUP] = "group",
		[CLUSAPI_OBJECT_RESOURCE] = "resource",
	};

	if ((size_t)type >= sizeof(names) / sizeof(names[0])) {
		return "object";
	}
	return names[type];
}

const char *clusapi_outcome_name(enum clusapi_outcome outcome)
{
	static const char *const names[] = {
		[CLUSAPI_OUTCOME_DONE] = "done",
		[CLUSAPI_OUTCOME_ALREADY] = "already",
		[CLUSAPI_OUTCOME_STARTED] = "started",
		[CLUSAPI_OUTCOME_REFUSED] = "refused",
		[CLUSAPI_OUTCOME_FAILED] = "failed",
		[CLUSAPI_OUTCOME_RETURNED] = "returned",
		[CLUSAPI_OUTCOME_TIMED_OUT] = "timed-out",
	};

	if ((size_t)outcome >= sizeof(names) / sizeof(names[0])) {
		return "unknown";
	}
	return names[outcome];
}

bool clusapi_handle_is_set(const struct policy_handle *h)
{
	return h != NULL && !ndr_policy_handle_empty(h);
}

bool clusapi_name_equal(const char *a, const char *b)
{
	if (a == NULL || b == NULL) {
		return false;
	}
	return strcasecmp(a, b) == 0;
}
