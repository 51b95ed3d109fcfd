/*
 * clusapi: push/pull/push round trips of requests and responses
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Every test builds a request (NDR_IN) and/or a response (NDR_OUT),
 * marshals it through ndr_table_clusapi.calls[opnum], unmarshals it,
 * checks the fields and marshals the result again (cnt_roundtrip()
 * requires identical bytes).
 */

#include "clusapi_ndr_test.h"

#define MOVE_RETURN_TO_SOURCE \
	CLUSAPI_GROUP_MOVE_RETURN_TO_SOURCE_NODE_ON_ERROR

#define RT_IN(ctx, opnum, r) \
	cnt_roundtrip((ctx), (opnum), NDR_IN, (r), NULL, NULL)
#define RT_OUT(ctx, opnum, r, tmpl) \
	cnt_roundtrip((ctx), (opnum), NDR_OUT, (r), (tmpl), NULL)

/* The [in] half of r with the [out] pointers cleared, for NDR_OUT pulls */
#define OUT_TEMPLATE(t, r) do { \
	(t) = (r); \
	memset(&(t).out, 0, sizeof((t).out)); \
} while (0)

static DATA_BLOB utf16z(TALLOC_CTX *mem_ctx, const char *s)
{
	void *p = NULL;
	size_t len = 0;
	bool ok;

	ok = convert_string_talloc(mem_ctx, CH_UNIX, CH_UTF16LE, s,
				   strlen(s) + 1, &p, &len);
	assert_true(ok);
	return data_blob_const(p, len);
}

/* A property list with one DWORD property and one SZ property. */
static DATA_BLOB sample_property_list(TALLOC_CTX *mem_ctx)
{
	struct CLUSPROP_PROPERTY props[2];
	struct PROPERTY_LIST list = {
		.PropertyCount = 2,
		.Properties = props,
	};
	uint8_t dword[4] = { 0x01, 0x00, 0x00, 0x00 };
	DATA_BLOB blob;
	enum ndr_err_code err;

	memset(props, 0, sizeof(props));
	props[0].Name = "Priority";
	props[0].Value.Syntax = CLUSPROP_SYNTAX_LIST_VALUE_DWORD;
	props[0].Value.Data = data_blob_talloc(mem_ctx, dword, 4);
	props[0].Value.cbLength = props[0].Value.Data.length;
	props[1].Name = "Description";
	props[1].Value.Syntax = CLUSPROP_SYNTAX_LIST_VALUE_SZ;
	props[1].Value.Data = utf16z(mem_ctx, "moved by clusapi");
	props[1].Value.cbLength = props[1].Value.Data.length;

	err = ndr_push_struct_blob(&blob, mem_ctx, &list,
			(ndr_push_flags_fn_t)ndr_push_PROPERTY_LIST);
	assert_true(NDR_ERR_CODE_IS_SUCCESS(err));
	return blob;
}

/**********************************************************************
 * Cluster
 **********************************************************************/

static void test_cluster_open(void **state)
{
	TALLOC_CTX *ctx = *state;
	struct policy_handle h = cnt_handle(1);
	WERROR status = WERR_OK;
	struct ApiOpenCluster r = {
		.out = { .Status = &status, .Cluster = &h },
	};
	struct ApiOpenCluster *r2 = NULL;
	DATA_BLOB req;

	/* the request has no parameters at all */
	req = cnt_push_call(ctx, NDR_APIOPENCLUSTER, NDR_IN, &r);
	assert_int_equal(req.length, 0);

	r2 = RT_OUT(ctx, NDR_APIOPENCLUSTER, &r, NULL);
	assert_true(W_ERROR_IS_OK(*r2->out.Status));
	cnt_assert_handle_equal(r2->out.Cluster, &h);
}

static void test_cluster_open_ex(void **state)
{
	TALLOC_CTX *ctx = *state;
	struct policy_handle h = cnt_handle(2);
	WERROR status = WERR_OK;
	uint32_t granted = CLUSAPI_ALL_ACCESS;
	struct ApiOpenClusterEx r = {
		.in = { .dwDesiredAccess = MAXIMUM_ALLOWED },
		.out = {
			.lpdwGrantedAccess = &granted,
			.Status = &status,
			.hCluster = &h,
		},
	};
	struct ApiOpenClusterEx t, *r2 = NULL;

	r2 = RT_IN(ctx, NDR_APIOPENCLUSTEREX, &r);
	assert_int_equal(r2->in.dwDesiredAccess, 0x02000000);

	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APIOPENCLUSTEREX, &r, &t);
	assert_int_equal(*r2->out.lpdwGrantedAccess, 3);
	assert_true(W_ERROR_IS_OK(*r2->out.Status));
	cnt_assert_handle_equal(r2->out.hCluster, &h);
}

static void test_cluster_get_name(void **state)
{
	TALLOC_CTX *ctx = *state;
	const char *cluster = "CLUSTER1";
	const char *node = "NodeA";
	struct ApiGetClusterName r = {
		.out = { .ClusterName = &cluster, .NodeName = &node },
	};
	struct ApiGetClusterName *r2 = NULL;

	r.out.result = WERR_OK;
	r2 = RT_OUT(ctx, NDR_APIGETCLUSTERNAME, &r, NULL);
	assert_string_equal(*r2->out.ClusterName, "CLUSTER1");
	assert_string_equal(*r2->out.NodeName, "NodeA");
	assert_true(W_ERROR_IS_OK(r2->out.result));
}

static void test_cluster_get_version2(void **state)
{
	TALLOC_CTX *ctx = *state;
	uint16_t major = 10, minor = 0, build = 20348;
	const char *vendor = "Microsoft(R) Cluster Service";
	const char *csd = "";
	struct CLUSTER_OPERATIONAL_VERSION_INFO info = {
		.dwSize = 20,
		.dwClusterHighestVersion = 0x000B5C5C,
		.dwClusterLowestVersion = 0x000B5C5C,
	};
	struct CLUSTER_OPERATIONAL_VERSION_INFO *pinfo = &info;
	WERROR rpc_status = WERR_OK;
	struct ApiGetClusterVersion2 r = {
		.out = {
			.lpwMajorVersion = &major,
			.lpwMinorVersion = &minor,
			.lpwBuildNumber = &build,
			.lpszVendorId = &vendor,
			.lpszCSDVersion = &csd,
			.ppClusterOpVerInfo = &pinfo,
			.rpc_status = &rpc_status,
		},
	};
	struct ApiGetClusterVersion2 *r2 = NULL;

	r2 = RT_OUT(ctx, NDR_APIGETCLUSTERVERSION2, &r, NULL);
	assert_int_equal(*r2->out.lpwMajorVersion, 10);
	assert_int_equal(*r2->out.lpwBuildNumber, 20348);
	assert_string_equal(*r2->out.lpszVendorId, vendor);
	assert_string_equal(*r2->out.lpszCSDVersion, "");
	assert_non_null(*r2->out.ppClusterOpVerInfo);
	assert_int_equal((*r2->out.ppClusterOpVerInfo)->dwSize, 20);
	assert_int_equal((*r2->out.ppClusterOpVerInfo)->dwClusterLowestVersion,
			 0x000B5C5C);
}

static void test_cluster_create_enum(void **state)
{
	TALLOC_CTX *ctx = *state;
	struct ENUM_ENTRY entries[] = {
		{ .Type = CLUSTER_ENUM_GROUP, .Name = "Cluster Group" },
		{ .Type = CLUSTER_ENUM_GROUP, .Name = "Available Storage" },
		{ .Type = CLUSTER_ENUM_GROUP, .Name = "Application Group" },
	};
	struct ENUM_LIST list = { .EntryCount = 3, .Entry = entries };
	struct ENUM_LIST *plist = &list;
	WERROR rpc_status = WERR_OK;
	struct ApiCreateEnum r = {
		.in = { .dwType = CLUSTER_ENUM_GROUP },
		.out = { .ReturnEnum = &plist, .rpc_status = &rpc_status },
	};
	struct ApiCreateEnum t, *r2 = NULL;
	uint32_t i;

	r2 = RT_IN(ctx, NDR_APICREATEENUM, &r);
	assert_int_equal(r2->in.dwType, 8);

	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APICREATEENUM, &r, &t);
	assert_non_null(*r2->out.ReturnEnum);
	assert_int_equal((*r2->out.ReturnEnum)->EntryCount, 3);
	for (i = 0; i < 3; i++) {
		struct ENUM_ENTRY *e = &(*r2->out.ReturnEnum)->Entry[i];

		assert_int_equal(e->Type, CLUSTER_ENUM_GROUP);
		assert_string_equal(e->Name, entries[i].Name);
	}

	/* an invalid type: no list at all */
	plist = NULL;
	rpc_status = WERR_OK;
	r.in.dwType = 0x40;
	r.out.result = WERR_INVALID_PARAMETER;
	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APICREATEENUM, &r, &t);
	assert_null(*r2->out.ReturnEnum);
	assert_true(W_ERROR_EQUAL(r2->out.result, WERR_INVALID_PARAMETER));
}

static void test_cluster_control(void **state)
{
	TALLOC_CTX *ctx = *state;
	struct policy_handle h = cnt_handle(1);
	DATA_BLOB props = sample_property_list(ctx);
	uint8_t *out = talloc_zero_array(ctx, uint8_t, 512);
	uint32_t returned = props.length, required = props.length;
	WERROR rpc_status = WERR_OK;
	struct ApiClusterControl r = {
		.in = {
			.hCluster = h,
			.dwControlCode =
				CLUSCTL_CLUSTER_GET_RO_COMMON_PROPERTIES,
			.lpInBuffer = NULL,
			.nInBufferSize = 0,
			.nOutBufferSize = 512,
		},
		.out = {
			.lpOutBuffer = out,
			.lpBytesReturned = &returned,
			.lpcbRequired = &required,
			.rpc_status = &rpc_status,
		},
	};
	struct ApiClusterControl t, *r2 = NULL;
	struct PROPERTY_LIST list;
	DATA_BLOB got;
	enum ndr_err_code err;

	memcpy(out, props.data, props.length);

	r2 = RT_IN(ctx, NDR_APICLUSTERCONTROL, &r);
	assert_int_equal(r2->in.dwControlCode, 0x07000055);
	assert_null(r2->in.lpInBuffer);
	assert_int_equal(r2->in.nOutBufferSize, 512);

	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APICLUSTERCONTROL, &r, &t);
	assert_int_equal(*r2->out.lpBytesReturned, props.length);
	assert_int_equal(*r2->out.lpcbRequired, props.length);

	got = data_blob_const(r2->out.lpOutBuffer, *r2->out.lpBytesReturned);
	err = ndr_pull_struct_blob_all(&got, ctx, &list,
			(ndr_pull_flags_fn_t)ndr_pull_PROPERTY_LIST);
	assert_true(NDR_ERR_CODE_IS_SUCCESS(err));
	assert_int_equal(list.PropertyCount, 2);
	assert_string_equal(list.Properties[0].Name, "Priority");
	assert_string_equal(list.Properties[1].Name, "Description");

	/* buffer too small: nothing returned, the size needed */
	returned = 0;
	r.in.nOutBufferSize = 0;
	r.out.result = WERR_MORE_DATA;
	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APICLUSTERCONTROL, &r, &t);
	assert_int_equal(*r2->out.lpBytesReturned, 0);
	assert_int_equal(*r2->out.lpcbRequired, props.length);
	assert_true(W_ERROR_EQUAL(r2->out.result, WERR_MORE_DATA));
}

/**********************************************************************
 * Node
 **********************************************************************/

static void test_node_open(void **state)
{
	TALLOC_CTX *ctx = *state;
	struct policy_handle h = cnt_handle(3);
	WERROR status = WERR_OK, rpc_status = WERR_OK;
	struct ApiOpenNode r = {
		.in = { .lpszNodeName = "NodeB" },
		.out = {
			.Status = &status,
			.rpc_status = &rpc_status,
			.hNode = &h,
		},
	};
	struct ApiOpenNode t, *r2 = NULL;

	r2 = RT_IN(ctx, NDR_APIOPENNODE, &r);
	assert_string_equal(r2->in.lpszNodeName, "NodeB");

	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APIOPENNODE, &r, &t);
	cnt_assert_handle_equal(r2->out.hNode, &h);
}

static void test_node_state(void **state)
{
	TALLOC_CTX *ctx = *state;
	enum CLUSTER_NODE_STATE st = ClusterNodePaused;
	WERROR rpc_status = WERR_OK;
	struct ApiGetNodeState r = {
		.in = { .hNode = cnt_handle(3) },
		.out = { .State = &st, .rpc_status = &rpc_status },
	};
	struct ApiGetNodeState t, *r2 = NULL;

	r2 = RT_IN(ctx, NDR_APIGETNODESTATE, &r);
	cnt_assert_handle_equal(&r2->in.hNode, &r.in.hNode);

	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APIGETNODESTATE, &r, &t);
	assert_int_equal(*r2->out.State, ClusterNodePaused);
}

static void test_node_pause_ex(void **state)
{
	TALLOC_CTX *ctx = *state;
	WERROR rpc_status = WERR_OK;
	struct ApiPauseNodeEx r = {
		.in = {
			.hNode = cnt_handle(3),
			.bDrainNode = 1,
			.dwPauseFlags =
			CLUSAPI_NODE_PAUSE_REMAIN_ON_PAUSED_NODE_ON_MOVE_ERROR,
		},
		.out = { .rpc_status = &rpc_status },
	};
	struct ApiPauseNodeEx t, *r2 = NULL;
	DATA_BLOB req;

	r2 = cnt_roundtrip(ctx, NDR_APIPAUSENODEEX, NDR_IN, &r, NULL, &req);
	/* handle (20) + BOOL bDrainNode (4) + dwPauseFlags (4) */
	assert_int_equal(req.length, 28);
	assert_int_equal(r2->in.bDrainNode, 1);
	assert_int_equal(r2->in.dwPauseFlags, 1);

	OUT_TEMPLATE(t, r);
	r.out.result = WERR_OK;
	RT_OUT(ctx, NDR_APIPAUSENODEEX, &r, &t);
}

static void test_node_control(void **state)
{
	TALLOC_CTX *ctx = *state;
	DATA_BLOB id = utf16z(ctx, "2");
	uint8_t *out = talloc_zero_array(ctx, uint8_t, 16);
	uint32_t returned = id.length, required = id.length;
	WERROR rpc_status = WERR_OK;
	struct ApiNodeControl r = {
		.in = {
			.hNode = cnt_handle(3),
			.dwControlCode = CLUSCTL_NODE_GET_ID,
			.nOutBufferSize = 16,
		},
		.out = {
			.lpOutBuffer = out,
			.lpBytesReturned = &returned,
			.lpcbRequired = &required,
			.rpc_status = &rpc_status,
		},
	};
	struct ApiNodeControl t, *r2 = NULL;

	memcpy(out, id.data, id.length);
	r2 = RT_IN(ctx, NDR_APINODECONTROL, &r);
	assert_int_equal(r2->in.dwControlCode, 0x04000039);

	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APINODECONTROL, &r, &t);
	assert_int_equal(*r2->out.lpBytesReturned, 4);
	assert_memory_equal(r2->out.lpOutBuffer, "2\0\0\0", 4);
}

/**********************************************************************
 * Group
 **********************************************************************/

static void test_group_open(void **state)
{
	TALLOC_CTX *ctx = *state;
	struct policy_handle h = cnt_handle(4);
	WERROR status = WERR_OK, rpc_status = WERR_OK;
	struct ApiOpenGroup r = {
		.in = { .lpszGroupName = "Application Group" },
		.out = {
			.Status = &status,
			.rpc_status = &rpc_status,
			.hGroup = &h,
		},
	};
	struct ApiOpenGroup t, *r2 = NULL;

	r2 = RT_IN(ctx, NDR_APIOPENGROUP, &r);
	assert_string_equal(r2->in.lpszGroupName, "Application Group");

	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APIOPENGROUP, &r, &t);
	assert_true(W_ERROR_IS_OK(*r2->out.Status));
	cnt_assert_handle_equal(r2->out.hGroup, &h);
}

static void test_group_state(void **state)
{
	TALLOC_CTX *ctx = *state;
	enum CLUSTER_GROUP_STATE st = ClusterGroupPending;
	const char *node = "NodeB";
	WERROR rpc_status = WERR_OK;
	struct ApiGetGroupState r = {
		.in = { .hGroup = cnt_handle(4) },
		.out = {
			.State = &st,
			.NodeName = &node,
			.rpc_status = &rpc_status,
		},
	};
	struct ApiGetGroupState t, *r2 = NULL;

	RT_IN(ctx, NDR_APIGETGROUPSTATE, &r);

	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APIGETGROUPSTATE, &r, &t);
	/* pulled into new memory, not through the request's pointers */
	assert_ptr_not_equal(r2->out.State, &st);
	assert_ptr_not_equal(r2->out.NodeName, &node);
	assert_int_equal(*r2->out.State, ClusterGroupPending);
	assert_string_equal(*r2->out.NodeName, "NodeB");
}

static void test_group_move_to_node(void **state)
{
	TALLOC_CTX *ctx = *state;
	WERROR rpc_status = WERR_OK;
	struct ApiMoveGroupToNode r = {
		.in = { .hGroup = cnt_handle(4), .hNode = cnt_handle(3) },
		.out = { .rpc_status = &rpc_status, .result = WERR_IO_PENDING },
	};
	struct ApiMoveGroupToNode t, *r2 = NULL;

	r2 = RT_IN(ctx, NDR_APIMOVEGROUPTONODE, &r);
	cnt_assert_handle_equal(&r2->in.hGroup, &r.in.hGroup);
	cnt_assert_handle_equal(&r2->in.hNode, &r.in.hNode);

	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APIMOVEGROUPTONODE, &r, &t);
	assert_true(W_ERROR_IS_OK(*r2->out.rpc_status));
	assert_true(W_ERROR_EQUAL(r2->out.result, WERR_IO_PENDING));
}

static void test_group_move_to_node_ex(void **state)
{
	TALLOC_CTX *ctx = *state;
	DATA_BLOB props = sample_property_list(ctx);
	WERROR rpc_status = WERR_OK;
	struct ApiMoveGroupToNodeEx r = {
		.in = {
			.hGroup = cnt_handle(4),
			.hNode = cnt_handle(3),
			.dwMoveFlags =
				MOVE_RETURN_TO_SOURCE |
				CLUSAPI_GROUP_MOVE_QUEUE_ENABLED,
			.lpInBuffer = props.data,
			.cbInBufferSize = props.length,
		},
		.out = { .rpc_status = &rpc_status, .result = WERR_IO_PENDING },
	};
	struct ApiMoveGroupToNodeEx t, *r2 = NULL;

	r2 = RT_IN(ctx, NDR_APIMOVEGROUPTONODEEX, &r);
	assert_int_equal(r2->in.dwMoveFlags, 0x6);
	assert_int_equal(r2->in.cbInBufferSize, props.length);
	assert_memory_equal(r2->in.lpInBuffer, props.data, props.length);

	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APIMOVEGROUPTONODEEX, &r, &t);
	assert_true(W_ERROR_EQUAL(r2->out.result, WERR_IO_PENDING));
}

static void test_group_move_ex(void **state)
{
	TALLOC_CTX *ctx = *state;
	uint8_t empty[1] = { 0 };
	WERROR rpc_status = WERR_OK;
	struct ApiMoveGroupEx r = {
		.in = {
			.hGroup = cnt_handle(4),
			.dwMoveFlags =
				CLUSAPI_GROUP_MOVE_IGNORE_RESOURCE_STATUS,
			.lpInBuffer = empty,
			.cbInBufferSize = 0,
		},
		.out = { .rpc_status = &rpc_status, .result = WERR_IO_PENDING },
	};
	struct ApiMoveGroupEx t, *r2 = NULL;

	r2 = RT_IN(ctx, NDR_APIMOVEGROUPEX, &r);
	assert_int_equal(r2->in.cbInBufferSize, 0);

	OUT_TEMPLATE(t, r);
	RT_OUT(ctx, NDR_APIMOVEGROUPEX, &r, &t);
}

static void test_group_cancel_operation(void **state)
{
	TALLOC_CTX *ctx = *state;
	WERROR rpc_status = WERR_OK;
	struct ApiCancelClusterGroupOperation r = {
		.in = { .hGroup = cnt_handle(4), .dwCancelFlags = 0 },
		.out = {
			.rpc_status = &rpc_status,
			.result = WERR_INVALID_STATE,
		},
	};
	struct ApiCancelClusterGroupOperation t, *r2 = NULL;
	DATA_BLOB req;

	r2 = cnt_roundtrip(ctx, NDR_APICANCELCLUSTERGROUPOPERATION, NDR_IN,
			   &r, NULL, &req);
	assert_int_equal(req.length, 24);
	assert_int_equal(r2->in.dwCancelFlags, 0);

	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APICANCELCLUSTERGROUPOPERATION, &r, &t);
	assert_int_equal(W_ERROR_V(r2->out.result), 0x139F);
}

static void test_group_delete(void **state)
{
	TALLOC_CTX *ctx = *state;
	WERROR rpc_status = WERR_OK;
	struct ApiDeleteGroup r = {
		.in = { .Group = cnt_handle(5), .force = 1 },
		.out = { .rpc_status = &rpc_status },
	};
	struct ApiDeleteGroup *r2 = NULL;
	DATA_BLOB req;

	r2 = cnt_roundtrip(ctx, NDR_APIDELETEGROUP, NDR_IN, &r, NULL, &req);
	/* BOOL force is 4 bytes (Samba's IDL has 1) */
	assert_int_equal(req.length, 24);
	assert_int_equal(r2->in.force, 1);
}

static void test_group_resource_enum(void **state)
{
	TALLOC_CTX *ctx = *state;
	struct ENUM_ENTRY entries[] = {
		{ .Type = CLUSTER_GROUP_ENUM_CONTAINS, .Name = "App Disk" },
		{ .Type = CLUSTER_GROUP_ENUM_NODES, .Name = "NodeA" },
		{ .Type = CLUSTER_GROUP_ENUM_NODES, .Name = "NodeB" },
	};
	struct ENUM_LIST list = { .EntryCount = 3, .Entry = entries };
	struct ENUM_LIST *plist = &list;
	WERROR rpc_status = WERR_OK;
	struct ApiCreateGroupResourceEnum r = {
		.in = {
			.hGroup = cnt_handle(4),
			.dwType = CLUSTER_GROUP_ENUM_CONTAINS |
				  CLUSTER_GROUP_ENUM_NODES,
		},
		.out = { .ReturnEnum = &plist, .rpc_status = &rpc_status },
	};
	struct ApiCreateGroupResourceEnum t, *r2 = NULL;

	RT_IN(ctx, NDR_APICREATEGROUPRESOURCEENUM, &r);
	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APICREATEGROUPRESOURCEENUM, &r, &t);
	assert_int_equal((*r2->out.ReturnEnum)->EntryCount, 3);
	assert_string_equal((*r2->out.ReturnEnum)->Entry[2].Name, "NodeB");
}

/**********************************************************************
 * Resource
 **********************************************************************/

static void test_resource_open_not_found(void **state)
{
	TALLOC_CTX *ctx = *state;
	struct policy_handle h = { 0 };
	WERROR status = WERR_RESOURCE_NOT_FOUND, rpc_status = WERR_OK;
	struct ApiOpenResource r = {
		.in = { .lpszResourceName = "jfUF38fjSNcfn" },
		.out = {
			.Status = &status,
			.rpc_status = &rpc_status,
			.hResource = &h,
		},
	};
	struct ApiOpenResource t, *r2 = NULL;

	r2 = RT_IN(ctx, NDR_APIOPENRESOURCE, &r);
	assert_string_equal(r2->in.lpszResourceName, "jfUF38fjSNcfn");

	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APIOPENRESOURCE, &r, &t);
	assert_int_equal(W_ERROR_V(*r2->out.Status), 0x138F);
	assert_true(ndr_policy_handle_empty(r2->out.hResource));
}

static void test_resource_create(void **state)
{
	TALLOC_CTX *ctx = *state;
	struct policy_handle h = cnt_handle(6);
	WERROR status = WERR_OK, rpc_status = WERR_OK;
	struct ApiCreateResource r = {
		.in = {
			.hGroup = cnt_handle(4),
			.lpszResourceName = "wurst",
			.lpszResourceType = "Generic Service",
			.dwFlags = CLUSTER_RESOURCE_SEPARATE_MONITOR,
		},
		.out = {
			.Status = &status,
			.rpc_status = &rpc_status,
			.hResource = &h,
		},
	};
	struct ApiCreateResource t, *r2 = NULL;

	r2 = RT_IN(ctx, NDR_APICREATERESOURCE, &r);
	assert_string_equal(r2->in.lpszResourceName, "wurst");
	assert_string_equal(r2->in.lpszResourceType, "Generic Service");
	assert_int_equal(r2->in.dwFlags, 1);

	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APICREATERESOURCE, &r, &t);
	cnt_assert_handle_equal(r2->out.hResource, &h);
}

static void test_resource_state(void **state)
{
	TALLOC_CTX *ctx = *state;
	enum CLUSTER_RESOURCE_STATE st = ClusterResourceOnlinePending;
	const char *node = "NodeA", *group = "Cluster Group";
	WERROR rpc_status = WERR_OK;
	struct ApiGetResourceState r = {
		.in = { .hResource = cnt_handle(6) },
		.out = {
			.State = &st,
			.NodeName = &node,
			.GroupName = &group,
			.rpc_status = &rpc_status,
		},
	};
	struct ApiGetResourceState t, *r2 = NULL;

	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APIGETRESOURCESTATE, &r, &t);
	assert_int_equal(*r2->out.State, 0x81);
	assert_string_equal(*r2->out.NodeName, "NodeA");
	assert_string_equal(*r2->out.GroupName, "Cluster Group");
}

static void test_resource_control_class_info(void **state)
{
	TALLOC_CTX *ctx = *state;
	struct CLUS_RESOURCE_CLASS_INFO ci = {
		.rc = CLUS_RESCLASS_NETWORK,
		.SubClass = 0,
	};
	DATA_BLOB blob;
	uint8_t *out = NULL;
	uint32_t returned, required;
	WERROR rpc_status = WERR_OK;
	enum ndr_err_code err;
	struct ApiResourceControl r = {
		.in = {
			.hResource = cnt_handle(6),
			.dwControlCode = CLUSCTL_RESOURCE_GET_CLASS_INFO,
			.nOutBufferSize = 8,
		},
	};
	struct ApiResourceControl t, *r2 = NULL;
	struct CLUS_RESOURCE_CLASS_INFO ci2;

	err = ndr_push_struct_blob(&blob, ctx, &ci,
			(ndr_push_flags_fn_t)ndr_push_CLUS_RESOURCE_CLASS_INFO);
	assert_true(NDR_ERR_CODE_IS_SUCCESS(err));
	assert_int_equal(blob.length, 8);
	out = blob.data;
	returned = required = blob.length;
	r.out.lpOutBuffer = out;
	r.out.lpBytesReturned = &returned;
	r.out.lpcbRequired = &required;
	r.out.rpc_status = &rpc_status;

	r2 = RT_IN(ctx, NDR_APIRESOURCECONTROL, &r);
	assert_int_equal(r2->in.dwControlCode, 0x0100000D);

	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APIRESOURCECONTROL, &r, &t);
	blob = data_blob_const(r2->out.lpOutBuffer, *r2->out.lpBytesReturned);
	err = ndr_pull_struct_blob_all(&blob, ctx, &ci2,
			(ndr_pull_flags_fn_t)ndr_pull_CLUS_RESOURCE_CLASS_INFO);
	assert_true(NDR_ERR_CODE_IS_SUCCESS(err));
	assert_int_equal(ci2.rc, CLUS_RESCLASS_NETWORK);
}

/**********************************************************************
 * Resource type
 **********************************************************************/

static void test_restype_enum(void **state)
{
	TALLOC_CTX *ctx = *state;
	struct ENUM_ENTRY entries[] = {
		{ .Type = CLUSTER_RESOURCE_TYPE_ENUM_NODES, .Name = "NodeA" },
		{ .Type = CLUSTER_RESOURCE_TYPE_ENUM_RESOURCES,
		  .Name = "Cluster Disk 1" },
	};
	struct ENUM_LIST list = { .EntryCount = 2, .Entry = entries };
	struct ENUM_LIST *plist = &list;
	WERROR rpc_status = WERR_OK;
	struct ApiCreateResTypeEnum r = {
		.in = {
			.lpszTypeName = "Physical Disk",
			.dwType = CLUSTER_RESOURCE_TYPE_ENUM_NODES |
				  CLUSTER_RESOURCE_TYPE_ENUM_RESOURCES,
		},
		.out = { .ReturnEnum = &plist, .rpc_status = &rpc_status },
	};
	struct ApiCreateResTypeEnum t, *r2 = NULL;

	r2 = RT_IN(ctx, NDR_APICREATERESTYPEENUM, &r);
	assert_string_equal(r2->in.lpszTypeName, "Physical Disk");
	assert_int_equal(r2->in.dwType, 3);

	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APICREATERESTYPEENUM, &r, &t);
	assert_string_equal((*r2->out.ReturnEnum)->Entry[1].Name,
			    "Cluster Disk 1");
}

static void test_restype_control(void **state)
{
	TALLOC_CTX *ctx = *state;
	uint8_t chars[4] = { 0x00, 0x00, 0x00, 0x00 };
	uint32_t returned = 4, required = 4;
	WERROR rpc_status = WERR_OK;
	struct ApiResourceTypeControl r = {
		.in = {
			.hCluster = cnt_handle(1),
			.lpszResourceTypeName = "Storage Pool",
			.dwControlCode =
				CLUSCTL_RESOURCE_TYPE_GET_CHARACTERISTICS,
			.nOutBufferSize = 4,
		},
		.out = {
			.lpOutBuffer = chars,
			.lpBytesReturned = &returned,
			.lpcbRequired = &required,
			.rpc_status = &rpc_status,
		},
	};
	struct ApiResourceTypeControl t, *r2 = NULL;

	r2 = RT_IN(ctx, NDR_APIRESOURCETYPECONTROL, &r);
	assert_string_equal(r2->in.lpszResourceTypeName, "Storage Pool");
	assert_int_equal(r2->in.dwControlCode, 0x02000005);

	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APIRESOURCETYPECONTROL, &r, &t);
	assert_int_equal(*r2->out.lpBytesReturned, 4);
}

/**********************************************************************
 * Network and network interface
 **********************************************************************/

static void test_network_open_state(void **state)
{
	TALLOC_CTX *ctx = *state;
	struct policy_handle h = cnt_handle(7);
	WERROR status = WERR_OK, rpc_status = WERR_OK;
	enum CLUSTER_NETWORK_STATE st = ClusterNetworkUp;
	struct ApiOpenNetwork o = {
		.in = { .lpszNetworkName = "Cluster Network 1" },
		.out = {
			.Status = &status,
			.rpc_status = &rpc_status,
			.hNetwork = &h,
		},
	};
	struct ApiGetNetworkState s = {
		.in = { .hNetwork = h },
		.out = { .State = &st, .rpc_status = &rpc_status },
	};
	struct ApiOpenNetwork ot, *o2 = NULL;
	struct ApiGetNetworkState st_t, *s2 = NULL;

	o2 = RT_IN(ctx, NDR_APIOPENNETWORK, &o);
	assert_string_equal(o2->in.lpszNetworkName, "Cluster Network 1");
	OUT_TEMPLATE(ot, o);
	o2 = RT_OUT(ctx, NDR_APIOPENNETWORK, &o, &ot);
	cnt_assert_handle_equal(o2->out.hNetwork, &h);

	RT_IN(ctx, NDR_APIGETNETWORKSTATE, &s);
	OUT_TEMPLATE(st_t, s);
	s2 = RT_OUT(ctx, NDR_APIGETNETWORKSTATE, &s, &st_t);
	assert_int_equal(*s2->out.State, ClusterNetworkUp);
}

static void test_network_priority_order(void **state)
{
	TALLOC_CTX *ctx = *state;
	struct NETWORK_ID_ENTRY ids[] = {
		{ .NetworkId = "b5e9a0a5-6fd3-4b2d-9b1e-6b7b3a0c1d01" },
		{ .NetworkId = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0" },
	};
	WERROR rpc_status = WERR_OK;
	struct ApiSetNetworkPriorityOrder r = {
		.in = { .NetworkCount = 2, .NetworkIdList = ids },
		.out = { .rpc_status = &rpc_status },
	};
	struct ApiSetNetworkPriorityOrder *r2 = NULL;
	DATA_BLOB req;

	r2 = cnt_roundtrip(ctx, NDR_APISETNETWORKPRIORITYORDER, NDR_IN, &r,
			   NULL, &req);
	assert_int_equal(r2->in.NetworkCount, 2);
	assert_string_equal(r2->in.NetworkIdList[0].NetworkId,
			    ids[0].NetworkId);
	assert_string_equal(r2->in.NetworkIdList[1].NetworkId,
			    ids[1].NetworkId);
	/*
	 * count, max count, two referent ids, then two strings of
	 * 12 + 37 * 2 bytes (the first padded by 2 to 88)
	 */
	assert_int_equal(req.length, 4 + 4 + 8 + 88 + 86);
}

static void test_netinterface(void **state)
{
	TALLOC_CTX *ctx = *state;
	struct policy_handle h = cnt_handle(8);
	WERROR status = WERR_OK, rpc_status = WERR_OK;
	const char *ifname = "node1 - Ethernet";
	enum CLUSTER_NETINTERFACE_STATE st = ClusterNetInterfaceUp;
	struct ApiOpenNetInterface o = {
		.in = { .lpszNetInterfaceName = "node1 - Ethernet" },
		.out = {
			.Status = &status,
			.rpc_status = &rpc_status,
			.hNetInterface = &h,
		},
	};
	struct ApiGetNetInterface g = {
		.in = {
			.lpszNodeName = "node1",
			.lpszNetworkName = "Cluster Network 1",
		},
		.out = {
			.lppszInterfaceName = &ifname,
			.rpc_status = &rpc_status,
		},
	};
	struct ApiGetNetInterfaceState s = {
		.in = { .hNetInterface = h },
		.out = { .State = &st, .rpc_status = &rpc_status },
	};
	struct ApiOpenNetInterface ot, *o2 = NULL;
	struct ApiGetNetInterface gt, *g2 = NULL;
	struct ApiGetNetInterfaceState stt, *s2 = NULL;

	o2 = RT_IN(ctx, NDR_APIOPENNETINTERFACE, &o);
	assert_string_equal(o2->in.lpszNetInterfaceName, "node1 - Ethernet");
	OUT_TEMPLATE(ot, o);
	o2 = RT_OUT(ctx, NDR_APIOPENNETINTERFACE, &o, &ot);
	cnt_assert_handle_equal(o2->out.hNetInterface, &h);

	g2 = RT_IN(ctx, NDR_APIGETNETINTERFACE, &g);
	assert_string_equal(g2->in.lpszNetworkName, "Cluster Network 1");
	OUT_TEMPLATE(gt, g);
	g2 = RT_OUT(ctx, NDR_APIGETNETINTERFACE, &g, &gt);
	assert_string_equal(*g2->out.lppszInterfaceName, ifname);

	OUT_TEMPLATE(stt, s);
	s2 = RT_OUT(ctx, NDR_APIGETNETINTERFACESTATE, &s, &stt);
	assert_int_equal(*s2->out.State, ClusterNetInterfaceUp);
}

/**********************************************************************
 * Cluster registry
 **********************************************************************/

static void test_registry_root_key(void **state)
{
	TALLOC_CTX *ctx = *state;
	struct policy_handle h = cnt_handle(9);
	WERROR status = WERR_OK, rpc_status = WERR_OK;
	struct ApiGetRootKey r = {
		.in = { .samDesired = MAXIMUM_ALLOWED },
		.out = {
			.Status = &status,
			.rpc_status = &rpc_status,
			.phKey = &h,
		},
	};
	struct ApiGetRootKey t, *r2 = NULL;

	r2 = RT_IN(ctx, NDR_APIGETROOTKEY, &r);
	assert_int_equal(r2->in.samDesired, 0x02000000);
	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APIGETROOTKEY, &r, &t);
	cnt_assert_handle_equal(r2->out.phKey, &h);
}

static void test_registry_query_value(void **state)
{
	TALLOC_CTX *ctx = *state;
	DATA_BLOB v = utf16z(ctx, "3a1a0e85-5e4a-4f44-9c4a-6c2b4a3f1e11");
	uint32_t type = 1;	/* REG_SZ */
	uint32_t required = v.length;
	WERROR rpc_status = WERR_OK;
	struct ApiQueryValue r = {
		.in = {
			.hKey = cnt_handle(9),
			.lpValueName = "ClusterInstanceID",
			.cbData = 0,
		},
		.out = {
			.lpValueType = &type,
			.lpData = NULL,
			.lpcbRequired = &required,
			.rpc_status = &rpc_status,
			.result = WERR_MORE_DATA,
		},
	};
	struct ApiQueryValue t, *r2 = NULL;
	uint8_t none[1] = { 0 };

	r2 = RT_IN(ctx, NDR_APIQUERYVALUE, &r);
	assert_string_equal(r2->in.lpValueName, "ClusterInstanceID");
	assert_int_equal(r2->in.cbData, 0);

	/* first call: cbData 0, MORE_DATA and the size needed */
	r.out.lpData = none;
	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APIQUERYVALUE, &r, &t);
	assert_int_equal(*r2->out.lpcbRequired, 74);
	assert_true(W_ERROR_EQUAL(r2->out.result, WERR_MORE_DATA));

	/* second call with a buffer of that size */
	r.in.cbData = v.length;
	r.out.lpData = v.data;
	r.out.result = WERR_OK;
	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APIQUERYVALUE, &r, &t);
	assert_int_equal(*r2->out.lpValueType, 1);
	assert_memory_equal(r2->out.lpData, v.data, v.length);
}

static void test_registry_set_value(void **state)
{
	TALLOC_CTX *ctx = *state;
	uint8_t data[4] = { 0x2a, 0x00, 0x00, 0x00 };
	WERROR rpc_status = WERR_OK;
	struct ApiSetValue r = {
		.in = {
			.hKey = cnt_handle(9),
			.lpValueName = "Answer",
			.dwType = 4,	/* REG_DWORD */
			.lpData = data,
			.cbData = 4,
		},
		.out = { .rpc_status = &rpc_status },
	};
	struct ApiSetValue *r2 = NULL;

	r2 = RT_IN(ctx, NDR_APISETVALUE, &r);
	assert_string_equal(r2->in.lpValueName, "Answer");
	assert_int_equal(r2->in.dwType, 4);
	assert_memory_equal(r2->in.lpData, data, 4);
}

static void test_registry_enum_key(void **state)
{
	TALLOC_CTX *ctx = *state;
	const char *name = "Groups";
	NTTIME when = 0x01D9A1B2C3D4E5F6ULL;
	WERROR rpc_status = WERR_OK;
	struct ApiEnumKey r = {
		.in = { .hKey = cnt_handle(9), .dwIndex = 3 },
		.out = {
			.KeyName = &name,
			.lpftLastWriteTime = &when,
			.rpc_status = &rpc_status,
		},
	};
	struct ApiEnumKey t, *r2 = NULL;
	DATA_BLOB rsp;

	RT_IN(ctx, NDR_APIENUMKEY, &r);
	OUT_TEMPLATE(t, r);
	rsp = cnt_push_call(ctx, NDR_APIENUMKEY, NDR_OUT, &r);
	r2 = RT_OUT(ctx, NDR_APIENUMKEY, &r, &t);
	assert_string_equal(*r2->out.KeyName, "Groups");
	assert_int_equal(*r2->out.lpftLastWriteTime, when);
	/*
	 * FILETIME: dwLowDateTime then dwHighDateTime, after the string
	 * (ptr 4 + 12 + 14 bytes + 2 padding = offset 32)
	 */
	assert_int_equal(rsp.length, 32 + 8 + 4 + 4);
	assert_memory_equal(rsp.data + 32,
			    "\xf6\xe5\xd4\xc3\xb2\xa1\xd9\x01", 8);

	/* the end of the enumeration */
	name = NULL;
	r.out.result = WERR_NO_MORE_ITEMS;
	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APIENUMKEY, &r, &t);
	assert_null(*r2->out.KeyName);
}

static void test_registry_key_security(void **state)
{
	TALLOC_CTX *ctx = *state;
	uint8_t sd[20] = {
		0x01, 0x00, 0x04, 0x80, 0x00, 0x00, 0x00, 0x00,
		0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
		0x00, 0x00, 0x00, 0x00,
	};
	uint8_t *buf = talloc_zero_array(ctx, uint8_t, 64);
	struct RPC_SECURITY_DESCRIPTOR in_sd = {
		.lpSecurityDescriptor = buf,
		.cbInSecurityDescriptor = 64,
		.cbOutSecurityDescriptor = 0,
	};
	struct RPC_SECURITY_DESCRIPTOR out_sd = {
		.lpSecurityDescriptor = buf,
		.cbInSecurityDescriptor = 64,
		.cbOutSecurityDescriptor = 20,
	};
	WERROR rpc_status = WERR_OK;
	struct ApiGetKeySecurity r = {
		.in = {
			.hKey = cnt_handle(9),
			.SecurityInformation = 0x7,
			.pRpcSecurityDescriptor = &in_sd,
		},
		.out = {
			.pRpcSecurityDescriptor = &out_sd,
			.rpc_status = &rpc_status,
		},
	};
	struct ApiGetKeySecurity t, *r2 = NULL;
	struct RPC_SECURITY_DESCRIPTOR *got = NULL;

	r2 = RT_IN(ctx, NDR_APIGETKEYSECURITY, &r);
	assert_int_equal(r2->in.pRpcSecurityDescriptor->cbInSecurityDescriptor,
			 64);
	assert_int_equal(r2->in.pRpcSecurityDescriptor->cbOutSecurityDescriptor,
			 0);

	memcpy(buf, sd, sizeof(sd));
	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APIGETKEYSECURITY, &r, &t);
	got = r2->out.pRpcSecurityDescriptor;
	assert_int_equal(got->cbOutSecurityDescriptor, 20);
	assert_memory_equal(got->lpSecurityDescriptor, sd, sizeof(sd));
}

/**********************************************************************
 * Notification port, version 1
 **********************************************************************/

static void test_notify_v1(void **state)
{
	TALLOC_CTX *ctx = *state;
	struct policy_handle port = cnt_handle(10);
	WERROR status = WERR_OK, rpc_status = WERR_OK;
	uint32_t seq = 17, key = 0xabcd, filter = CLUSTER_CHANGE_GROUP_STATE;
	const char *name = "Application Group";
	struct ApiCreateNotify c = {
		.out = {
			.Status = &status,
			.rpc_status = &rpc_status,
			.hNotify = &port,
		},
	};
	struct ApiAddNotifyGroup a = {
		.in = {
			.hNotify = port,
			.hGroup = cnt_handle(4),
			.dwFilter = CLUSTER_CHANGE_GROUP_STATE,
			.dwNotifyKey = 0xabcd,
		},
		.out = { .dwStateSequence = &seq, .rpc_status = &rpc_status },
	};
	struct ApiGetNotify g = {
		.in = { .hNotify = port },
		.out = {
			.dwNotifyKey = &key,
			.dwFilter = &filter,
			.dwStateSequence = &seq,
			.Name = &name,
			.rpc_status = &rpc_status,
		},
	};
	struct ApiCreateNotify *c2 = NULL;
	struct ApiAddNotifyGroup at, *a2 = NULL;
	struct ApiGetNotify gt, *g2 = NULL;

	c2 = RT_OUT(ctx, NDR_APICREATENOTIFY, &c, NULL);
	cnt_assert_handle_equal(c2->out.hNotify, &port);

	a2 = RT_IN(ctx, NDR_APIADDNOTIFYGROUP, &a);
	assert_int_equal(a2->in.dwFilter, 0x1000);
	assert_int_equal(a2->in.dwNotifyKey, 0xabcd);
	OUT_TEMPLATE(at, a);
	a2 = RT_OUT(ctx, NDR_APIADDNOTIFYGROUP, &a, &at);
	assert_int_equal(*a2->out.dwStateSequence, 17);

	RT_IN(ctx, NDR_APIGETNOTIFY, &g);
	OUT_TEMPLATE(gt, g);
	g2 = RT_OUT(ctx, NDR_APIGETNOTIFY, &g, &gt);
	assert_int_equal(*g2->out.dwNotifyKey, 0xabcd);
	assert_int_equal(*g2->out.dwFilter, CLUSTER_CHANGE_GROUP_STATE);
	assert_string_equal(*g2->out.Name, "Application Group");
}

static void test_notify_v1_key(void **state)
{
	TALLOC_CTX *ctx = *state;
	WERROR rpc_status = WERR_OK;
	struct ApiAddNotifyKey r = {
		.in = {
			.hNotify = cnt_handle(10),
			.hKey = cnt_handle(9),
			.dwNotifyKey = 7,
			.Filter = CLUSTER_CHANGE_REGISTRY_VALUE,
			.WatchSubTree = 1,
		},
		.out = { .rpc_status = &rpc_status },
	};
	struct ApiAddNotifyKey *r2 = NULL;
	DATA_BLOB req;

	r2 = cnt_roundtrip(ctx, NDR_APIADDNOTIFYKEY, NDR_IN, &r, NULL, &req);
	/* two handles, two DWORDs, BOOL WatchSubTree (4 bytes) */
	assert_int_equal(req.length, 40 + 4 + 4 + 4);
	assert_int_equal(r2->in.WatchSubTree, 1);
}

/**********************************************************************
 * Notification port, version 2
 **********************************************************************/

static void test_notify_v2_add(void **state)
{
	TALLOC_CTX *ctx = *state;
	WERROR rpc_error = WERR_OK, rpc_status = WERR_OK;
	struct policy_handle port = cnt_handle(11);
	struct ApiCreateNotifyV2 c = {
		.out = {
			.rpc_error = &rpc_error,
			.rpc_status = &rpc_status,
			.hNotify = &port,
		},
	};
	struct ApiAddNotifyV2 r = {
		.in = {
			.hNotify = port,
			.hObject = cnt_handle(4),
			.filter = {
				.dwObjectType = CLUSTER_OBJECT_TYPE_GROUP,
				.FilterFlags =
					CLUSTER_CHANGE_GROUP_STATE_V2 |
					CLUSTER_CHANGE_GROUP_OWNER_NODE_V2,
			},
			.dwNotifyKey = 0x5a5a,
			.dwVersion = 2,
			.isTargetedAtObject = 1,
		},
		.out = { .rpc_status = &rpc_status },
	};
	struct ApiCreateNotifyV2 *c2 = NULL;
	struct ApiAddNotifyV2 *r2 = NULL;
	DATA_BLOB req;

	c2 = RT_OUT(ctx, NDR_APICREATENOTIFYV2, &c, NULL);
	cnt_assert_handle_equal(c2->out.hNotify, &port);

	r2 = cnt_roundtrip(ctx, NDR_APIADDNOTIFYV2, NDR_IN, &r, NULL, &req);
	assert_int_equal(r2->in.filter.dwObjectType, 2);
	assert_int_equal(r2->in.filter.FilterFlags, 0x18);
	assert_int_equal(r2->in.isTargetedAtObject, 1);
	/*
	 * handles (40), filter aligned to 8: dwObjectType at 40, pad,
	 * FilterFlags at 48, then key, version, BOOL: 56 + 12
	 */
	assert_int_equal(req.length, 68);
}

static void test_notify_v2_get(void **state)
{
	TALLOC_CTX *ctx = *state;
	uint8_t payload[6] = { 0x00, 0x00, 0x00, 0x00, 0x4e, 0x00 };
	struct NOTIFICATION_RPC n[2] = {
		{
			.dwNotifyKey = 0x5a5a,
			.NotificationData = {
				.FilterAndType = {
					.dwObjectType =
						CLUSTER_OBJECT_TYPE_GROUP,
					.FilterFlags =
						CLUSTER_CHANGE_GROUP_STATE_V2,
				},
				.buffer = payload,
				.dwBufferSize = sizeof(payload),
				.ObjectId =
				"6f7e1c4e-0b55-4a8e-a1c3-4f8a5b1c2d3e",
				.ParentId = "",
				.Name = "Application Group",
				.Type = "",
			},
		},
		{
			.dwNotifyKey = 0x5a5b,
			.NotificationData = {
				.FilterAndType = {
					.dwObjectType =
						CLUSTER_OBJECT_TYPE_NODE,
					.FilterFlags =
						CLUSTER_CHANGE_NODE_STATE_V2,
				},
				.Name = "NodeB",
			},
		},
	};
	struct NOTIFICATION_RPC *pn = n;
	uint32_t count = 2;
	struct ApiGetNotifyV2 r = {
		.in = { .hNotify = cnt_handle(11) },
		.out = {
			.Notifications = &pn,
			.dwNumNotifications = &count,
		},
	};
	struct ApiGetNotifyV2 t, *r2 = NULL;
	struct NOTIFICATION_RPC *got = NULL;

	RT_IN(ctx, NDR_APIGETNOTIFYV2, &r);
	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APIGETNOTIFYV2, &r, &t);
	assert_int_equal(*r2->out.dwNumNotifications, 2);
	got = *r2->out.Notifications;
	assert_non_null(got);
	assert_int_equal(got[0].dwNotifyKey, 0x5a5a);
	assert_int_equal(got[0].NotificationData.dwBufferSize, 6);
	assert_memory_equal(got[0].NotificationData.buffer, payload, 6);
	assert_string_equal(got[0].NotificationData.Name,
			    "Application Group");
	assert_string_equal(got[0].NotificationData.ParentId, "");
	assert_int_equal(got[1].dwNotifyKey, 0x5a5b);
	assert_int_equal(got[1].NotificationData.FilterAndType.dwObjectType,
			 CLUSTER_OBJECT_TYPE_NODE);
	assert_null(got[1].NotificationData.buffer);
	assert_null(got[1].NotificationData.ObjectId);
	assert_string_equal(got[1].NotificationData.Name, "NodeB");
}

/**********************************************************************
 * Registry batches
 **********************************************************************/

static DATA_BLOB sample_batch(TALLOC_CTX *mem_ctx)
{
	DATA_BLOB name1 = utf16z(mem_ctx, "Parameters");
	DATA_BLOB name2 = utf16z(mem_ctx, "Answer");
	uint8_t dword[4] = { 0x2a, 0x00, 0x00, 0x00 };
	struct BATCH_UPDATE_COMMAND cmds[] = {
		{
			.CommandType = CLUSREG_CREATE_KEY,
			.NameLength = name1.length,
			.Name = name1.data,
		},
		{
			.CommandType = CLUSREG_SET_VALUE,
			.ValueType = 4,	/* REG_DWORD */
			.NameLength = name2.length,
			.Name = name2.data,
			.DataLength = 4,
			.Data = dword,
		},
	};
	struct ndr_push *push = ndr_push_init_ctx(mem_ctx);
	uint32_t version = 1;
	size_t i;

	assert_non_null(push);
	assert_true(NDR_ERR_CODE_IS_SUCCESS(
		ndr_push_uint32(push, NDR_SCALARS, version)));
	for (i = 0; i < 2; i++) {
		assert_true(NDR_ERR_CODE_IS_SUCCESS(
			ndr_push_BATCH_UPDATE_COMMAND(push, NDR_SCALARS,
						      &cmds[i])));
	}
	return ndr_push_blob(push);
}

static void test_batch_update_struct(void **state)
{
	TALLOC_CTX *ctx = *state;
	DATA_BLOB blob = sample_batch(ctx);
	struct CLUSTER_REG_BATCH_UPDATE u;
	struct BATCH_UPDATE_COMMAND cmd;
	struct ndr_pull *pull = NULL;
	enum ndr_err_code err;
	unsigned n = 0;

	/* 4 + (12 + 22 + 4) + (12 + 14 + 4 + 4) */
	assert_int_equal(blob.length, 76);

	err = ndr_pull_struct_blob_all(&blob, ctx, &u,
			(ndr_pull_flags_fn_t)ndr_pull_CLUSTER_REG_BATCH_UPDATE);
	assert_true(NDR_ERR_CODE_IS_SUCCESS(err));
	assert_int_equal(u.VersionNumber, 1);
	assert_int_equal(u.Commands.length, 72);

	pull = ndr_pull_init_blob(&u.Commands, ctx);
	assert_non_null(pull);
	while (pull->offset < pull->data_size) {
		err = ndr_pull_BATCH_UPDATE_COMMAND(pull, NDR_SCALARS, &cmd);
		assert_true(NDR_ERR_CODE_IS_SUCCESS(err));
		n++;
	}
	assert_int_equal(n, 2);
	assert_int_equal(cmd.CommandType, CLUSREG_SET_VALUE);
	assert_int_equal(cmd.NameLength, 14);
	assert_memory_equal(cmd.Name, "A\0n\0s\0w\0e\0r\0\0\0", 14);
	assert_int_equal(cmd.DataLength, 4);
	assert_int_equal(cmd.Data[0], 0x2a);
}

static void test_batch_execute(void **state)
{
	TALLOC_CTX *ctx = *state;
	DATA_BLOB batch = sample_batch(ctx);
	int32_t failed = -1;
	WERROR rpc_status = WERR_OK;
	struct ApiExecuteBatch r = {
		.in = {
			.hKey = cnt_handle(9),
			.cbData = batch.length,
			.lpData = batch.data,
		},
		.out = {
			.pdwFailedCommand = &failed,
			.rpc_status = &rpc_status,
		},
	};
	struct ApiExecuteBatch t, *r2 = NULL;

	r2 = RT_IN(ctx, NDR_APIEXECUTEBATCH, &r);
	assert_int_equal(r2->in.cbData, batch.length);
	assert_memory_equal(r2->in.lpData, batch.data, batch.length);

	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APIEXECUTEBATCH, &r, &t);
	assert_int_equal(*r2->out.pdwFailedCommand, -1);
}

static void test_batch_port(void **state)
{
	TALLOC_CTX *ctx = *state;
	struct policy_handle port = cnt_handle(12);
	DATA_BLOB batch = sample_batch(ctx);
	WERROR rpc_status = WERR_OK;
	uint32_t cb = batch.length;
	uint8_t *data = batch.data;
	struct ApiCreateBatchPort c = {
		.in = { .hKey = cnt_handle(9) },
		.out = { .phBatchPort = &port, .rpc_status = &rpc_status },
	};
	struct ApiGetBatchNotification g = {
		.in = { .hBatchNotify = port },
		.out = { .cbData = &cb, .lpData = &data },
	};
	struct ApiCreateBatchPort ct, *c2 = NULL;
	struct ApiGetBatchNotification gt, *g2 = NULL;

	RT_IN(ctx, NDR_APICREATEBATCHPORT, &c);
	OUT_TEMPLATE(ct, c);
	c2 = RT_OUT(ctx, NDR_APICREATEBATCHPORT, &c, &ct);
	cnt_assert_handle_equal(c2->out.phBatchPort, &port);

	RT_IN(ctx, NDR_APIGETBATCHNOTIFICATION, &g);
	OUT_TEMPLATE(gt, g);
	g2 = RT_OUT(ctx, NDR_APIGETBATCHNOTIFICATION, &g, &gt);
	assert_int_equal(*g2->out.cbData, batch.length);
	assert_memory_equal(*g2->out.lpData, batch.data, batch.length);
}

/**********************************************************************
 * Group sets
 **********************************************************************/

static void test_groupset_create(void **state)
{
	TALLOC_CTX *ctx = *state;
	struct policy_handle h = cnt_handle(13);
	WERROR status = WERR_OK, rpc_status = WERR_OK;
	struct ApiCreateGroupSet r = {
		.in = { .lpszGroupSetName = "Web Tier" },
		.out = {
			.Status = &status,
			.rpc_status = &rpc_status,
			.hGroupSet = &h,
		},
	};
	struct ApiCreateGroupSet t, *r2 = NULL;

	r2 = RT_IN(ctx, NDR_APICREATEGROUPSET, &r);
	assert_string_equal(r2->in.lpszGroupSetName, "Web Tier");
	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APICREATEGROUPSET, &r, &t);
	cnt_assert_handle_equal(r2->out.hGroupSet, &h);
}

static void test_groupset_enum(void **state)
{
	TALLOC_CTX *ctx = *state;
	struct ENUM_ENTRY entries[] = {
		{ .Type = 0, .Name = "Web Tier" },
	};
	struct ENUM_LIST list = { .EntryCount = 1, .Entry = entries };
	struct ENUM_LIST empty = { .EntryCount = 0, .Entry = NULL };
	struct ENUM_LIST *plist = &list;
	WERROR rpc_status = WERR_OK;
	struct ApiCreateGroupSetEnum r = {
		.in = { .hCluster = cnt_handle(1) },
		.out = { .ReturnEnum = &plist, .rpc_status = &rpc_status },
	};
	struct ApiCreateGroupSetEnum t, *r2 = NULL;

	RT_IN(ctx, NDR_APICREATEGROUPSETENUM, &r);
	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APICREATEGROUPSETENUM, &r, &t);
	assert_int_equal((*r2->out.ReturnEnum)->EntryCount, 1);
	assert_string_equal((*r2->out.ReturnEnum)->Entry[0].Name, "Web Tier");

	/* an empty list is valid (smbtorture's all_groupsets) */
	plist = &empty;
	OUT_TEMPLATE(t, r);
	r2 = RT_OUT(ctx, NDR_APICREATEGROUPSETENUM, &r, &t);
	assert_int_equal((*r2->out.ReturnEnum)->EntryCount, 0);
}

static void test_groupset_add_group_ex(void **state)
{
	TALLOC_CTX *ctx = *state;
	uint32_t reserved = 0;
	WERROR rpc_status = WERR_OK;
	struct ApiAddGroupToGroupSetEx r = {
		.in = {
			.GroupSet = cnt_handle(13),
			.Group = cnt_handle(4),
			.FaultDomain = 1,
			.UpdateDomain = 2,
			.UseDomains = 1,
			.Reserved = &reserved,
		},
		.out = { .rpc_status = &rpc_status },
	};
	struct ApiAddGroupToGroupSetEx *r2 = NULL;
	DATA_BLOB req;

	r2 = cnt_roundtrip(ctx, NDR_APIADDGROUPTOGROUPSETEX, NDR_IN, &r, NULL,
			   &req);
	/* two handles, FaultDomain, UpdateDomain, BOOL, *Reserved */
	assert_int_equal(req.length, 40 + 16);
	assert_int_equal(r2->in.UseDomains, 1);
	assert_int_equal(*r2->in.Reserved, 0);
}

/**********************************************************************
 * Property lists
 **********************************************************************/

static void test_property_list_struct(void **state)
{
	TALLOC_CTX *ctx = *state;
	DATA_BLOB blob = sample_property_list(ctx), blob2;
	struct PROPERTY_LIST list;
	enum ndr_err_code err;
	const char *s = NULL;
	size_t len = 0;

	/*
	 * 4 + "Priority": 8 + 18 (+2) + 8 + 4 + 4
	 *   + "Description": 8 + 24 + 8 + 34 (+2) + 4
	 *   + the closing end mark
	 */
	assert_int_equal(blob.length, 4 + 44 + 80 + 4);

	err = ndr_pull_struct_blob_all(&blob, ctx, &list,
			(ndr_pull_flags_fn_t)ndr_pull_PROPERTY_LIST);
	assert_true(NDR_ERR_CODE_IS_SUCCESS(err));
	assert_int_equal(list.PropertyCount, 2);
	assert_int_equal(list.Properties[0].cbName, 18);
	assert_int_equal(list.Properties[0].NamePadding.length, 2);
	assert_int_equal(list.Properties[0].Value.Syntax,
			 CLUSPROP_SYNTAX_LIST_VALUE_DWORD);
	assert_int_equal(list.Properties[1].Value.cbLength, 34);
	assert_int_equal(list.Properties[1].Value.Padding.length, 2);
	assert_true(convert_string_talloc(ctx, CH_UTF16LE, CH_UNIX,
					  list.Properties[1].Value.Data.data,
					  list.Properties[1].Value.Data.length,
					  &s, &len));
	assert_string_equal(s, "moved by clusapi");

	err = ndr_push_struct_blob(&blob2, ctx, &list,
			(ndr_push_flags_fn_t)ndr_push_PROPERTY_LIST);
	assert_true(NDR_ERR_CODE_IS_SUCCESS(err));
	cnt_assert_blob_equal(&blob2, &blob);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, cnt_setup, cnt_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_cluster_open),
		T(test_cluster_open_ex),
		T(test_cluster_get_name),
		T(test_cluster_get_version2),
		T(test_cluster_create_enum),
		T(test_cluster_control),
		T(test_node_open),
		T(test_node_state),
		T(test_node_pause_ex),
		T(test_node_control),
		T(test_group_open),
		T(test_group_state),
		T(test_group_move_to_node),
		T(test_group_move_to_node_ex),
		T(test_group_move_ex),
		T(test_group_cancel_operation),
		T(test_group_delete),
		T(test_group_resource_enum),
		T(test_resource_open_not_found),
		T(test_resource_create),
		T(test_resource_state),
		T(test_resource_control_class_info),
		T(test_restype_enum),
		T(test_restype_control),
		T(test_network_open_state),
		T(test_network_priority_order),
		T(test_netinterface),
		T(test_registry_root_key),
		T(test_registry_query_value),
		T(test_registry_set_value),
		T(test_registry_enum_key),
		T(test_registry_key_security),
		T(test_notify_v1),
		T(test_notify_v1_key),
		T(test_notify_v2_add),
		T(test_notify_v2_get),
		T(test_batch_update_struct),
		T(test_batch_execute),
		T(test_batch_port),
		T(test_groupset_create),
		T(test_groupset_enum),
		T(test_groupset_add_group_ex),
		T(test_property_list_struct),
	};

	return cmocka_run_group_tests_name("ndr_clusapi_roundtrip", tests,
					   NULL, NULL);
}
