/*
 * clusapi: byte-exact known-answer NDR vectors
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The expected bytes here were written down from the NDR rules (C706
 * chapter 14, NDR transfer syntax, little-endian), not produced by our
 * push code:
 *
 * - Scalars are aligned to their size; a structure to its largest
 *   member (8 when it holds a hyper).
 * - A top-level [ref] pointer parameter has no referent id; [unique]
 *   and embedded pointers are a 4-byte referent id (0 for NULL) with
 *   the pointee deferred.  libndr numbers referent ids 0x00020000,
 *   0x00020004, ... in marshalling order; any non-zero value is valid
 *   when unmarshalling.
 * - A [string] wchar_t string is a conformant varying array: max
 *   count, offset (0), actual count (characters including the NUL),
 *   then UTF-16LE characters.
 * - A context handle is 20 bytes: a DWORD, then a GUID (DWORD, WORD,
 *   WORD, 8 bytes).
 * - The return value comes after all [out] parameters.
 *
 * Each vector is pushed (must give these bytes), pulled (must give the
 * expected fields) and pushed again.
 */

#include "clusapi_ndr_test.h"

/**********************************************************************
 * Windows property lists
 *
 * Two PROPERTY_LIST buffers returned by a Windows Server 2012 R2
 * (6.3.9600) cluster, one of cluster properties and one of node
 * properties, as published in Samba's local.ndr.clusapi test data.
 * Layout per property: the name value (syntax, byte length, UTF-16LE
 * name with NUL, padding to a DWORD), one value (syntax, byte length,
 * data, padding), an end mark; the list ends with one more end mark.
 **********************************************************************/

static const uint8_t windows_cluster_props[] = {
	/* PropertyCount = 6 */
	0x06, 0x00, 0x00, 0x00,
	/* property 0: CLUSPROP_SYNTAX_NAME, cbName = 20 */
	0x03, 0x00, 0x04, 0x00, 0x14, 0x00, 0x00, 0x00,
	/* "FixQuorum" (UTF-16LE, NUL) */
	0x46, 0x00, 0x69, 0x00, 0x78, 0x00, 0x51, 0x00,
	0x75, 0x00, 0x6f, 0x00, 0x72, 0x00, 0x75, 0x00,
	0x6d, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_LIST_VALUE_DWORD, cbLength = 4 */
	0x02, 0x00, 0x01, 0x00, 0x04, 0x00, 0x00, 0x00,
	/* DWORD 0x00000000 */
	0x00, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_ENDMARK */
	0x00, 0x00, 0x00, 0x00,
	/* property 1: CLUSPROP_SYNTAX_NAME, cbName = 28 */
	0x03, 0x00, 0x04, 0x00, 0x1c, 0x00, 0x00, 0x00,
	/* "PreventQuorum" (UTF-16LE, NUL) */
	0x50, 0x00, 0x72, 0x00, 0x65, 0x00, 0x76, 0x00,
	0x65, 0x00, 0x6e, 0x00, 0x74, 0x00, 0x51, 0x00,
	0x75, 0x00, 0x6f, 0x00, 0x72, 0x00, 0x75, 0x00,
	0x6d, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_LIST_VALUE_DWORD, cbLength = 4 */
	0x02, 0x00, 0x01, 0x00, 0x04, 0x00, 0x00, 0x00,
	/* DWORD 0x00000000 */
	0x00, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_ENDMARK */
	0x00, 0x00, 0x00, 0x00,
	/* property 2: CLUSPROP_SYNTAX_NAME, cbName = 62 */
	0x03, 0x00, 0x04, 0x00, 0x3e, 0x00, 0x00, 0x00,
	/* "IgnorePersistentStateOnStartup" (UTF-16LE, NUL, 2 bytes padding) */
	0x49, 0x00, 0x67, 0x00, 0x6e, 0x00, 0x6f, 0x00,
	0x72, 0x00, 0x65, 0x00, 0x50, 0x00, 0x65, 0x00,
	0x72, 0x00, 0x73, 0x00, 0x69, 0x00, 0x73, 0x00,
	0x74, 0x00, 0x65, 0x00, 0x6e, 0x00, 0x74, 0x00,
	0x53, 0x00, 0x74, 0x00, 0x61, 0x00, 0x74, 0x00,
	0x65, 0x00, 0x4f, 0x00, 0x6e, 0x00, 0x53, 0x00,
	0x74, 0x00, 0x61, 0x00, 0x72, 0x00, 0x74, 0x00,
	0x75, 0x00, 0x70, 0x00, 0x00, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_LIST_VALUE_DWORD, cbLength = 4 */
	0x02, 0x00, 0x01, 0x00, 0x04, 0x00, 0x00, 0x00,
	/* DWORD 0x00000000 */
	0x00, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_ENDMARK */
	0x00, 0x00, 0x00, 0x00,
	/* property 3: CLUSPROP_SYNTAX_NAME, cbName = 36 */
	0x03, 0x00, 0x04, 0x00, 0x24, 0x00, 0x00, 0x00,
	/* "SharedVolumesRoot" (UTF-16LE, NUL) */
	0x53, 0x00, 0x68, 0x00, 0x61, 0x00, 0x72, 0x00,
	0x65, 0x00, 0x64, 0x00, 0x56, 0x00, 0x6f, 0x00,
	0x6c, 0x00, 0x75, 0x00, 0x6d, 0x00, 0x65, 0x00,
	0x73, 0x00, 0x52, 0x00, 0x6f, 0x00, 0x6f, 0x00,
	0x74, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_LIST_VALUE_SZ, cbLength = 36 */
	0x03, 0x00, 0x01, 0x00, 0x24, 0x00, 0x00, 0x00,
	/* SZ "C:\ClusterStorage" */
	0x43, 0x00, 0x3a, 0x00, 0x5c, 0x00, 0x43, 0x00,
	0x6c, 0x00, 0x75, 0x00, 0x73, 0x00, 0x74, 0x00,
	0x65, 0x00, 0x72, 0x00, 0x53, 0x00, 0x74, 0x00,
	0x6f, 0x00, 0x72, 0x00, 0x61, 0x00, 0x67, 0x00,
	0x65, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_ENDMARK */
	0x00, 0x00, 0x00, 0x00,
	/* property 4: CLUSPROP_SYNTAX_NAME, cbName = 42 */
	0x03, 0x00, 0x04, 0x00, 0x2a, 0x00, 0x00, 0x00,
	/* "WitnessDynamicWeight" (UTF-16LE, NUL, 2 bytes padding) */
	0x57, 0x00, 0x69, 0x00, 0x74, 0x00, 0x6e, 0x00,
	0x65, 0x00, 0x73, 0x00, 0x73, 0x00, 0x44, 0x00,
	0x79, 0x00, 0x6e, 0x00, 0x61, 0x00, 0x6d, 0x00,
	0x69, 0x00, 0x63, 0x00, 0x57, 0x00, 0x65, 0x00,
	0x69, 0x00, 0x67, 0x00, 0x68, 0x00, 0x74, 0x00,
	0x00, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_LIST_VALUE_DWORD, cbLength = 4 */
	0x02, 0x00, 0x01, 0x00, 0x04, 0x00, 0x00, 0x00,
	/* DWORD 0x00000001 */
	0x01, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_ENDMARK */
	0x00, 0x00, 0x00, 0x00,
	/* property 5: CLUSPROP_SYNTAX_NAME, cbName = 34 */
	0x03, 0x00, 0x04, 0x00, 0x22, 0x00, 0x00, 0x00,
	/* "AdminAccessPoint" (UTF-16LE, NUL, 2 bytes padding) */
	0x41, 0x00, 0x64, 0x00, 0x6d, 0x00, 0x69, 0x00,
	0x6e, 0x00, 0x41, 0x00, 0x63, 0x00, 0x63, 0x00,
	0x65, 0x00, 0x73, 0x00, 0x73, 0x00, 0x50, 0x00,
	0x6f, 0x00, 0x69, 0x00, 0x6e, 0x00, 0x74, 0x00,
	0x00, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_LIST_VALUE_DWORD, cbLength = 4 */
	0x02, 0x00, 0x01, 0x00, 0x04, 0x00, 0x00, 0x00,
	/* DWORD 0x00000001 */
	0x01, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_ENDMARK */
	0x00, 0x00, 0x00, 0x00,
	/* closing CLUSPROP_SYNTAX_ENDMARK of the list */
	0x00, 0x00, 0x00, 0x00,
};

static const uint8_t windows_node_props[] = {
	/* PropertyCount = 12 */
	0x0c, 0x00, 0x00, 0x00,
	/* property 0: CLUSPROP_SYNTAX_NAME, cbName = 18 */
	0x03, 0x00, 0x04, 0x00, 0x12, 0x00, 0x00, 0x00,
	/* "NodeName" (UTF-16LE, NUL, 2 bytes padding) */
	0x4e, 0x00, 0x6f, 0x00, 0x64, 0x00, 0x65, 0x00,
	0x4e, 0x00, 0x61, 0x00, 0x6d, 0x00, 0x65, 0x00,
	0x00, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_LIST_VALUE_SZ, cbLength = 12 */
	0x03, 0x00, 0x01, 0x00, 0x0c, 0x00, 0x00, 0x00,
	/* SZ "node1" */
	0x6e, 0x00, 0x6f, 0x00, 0x64, 0x00, 0x65, 0x00,
	0x31, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_ENDMARK */
	0x00, 0x00, 0x00, 0x00,
	/* property 1: CLUSPROP_SYNTAX_NAME, cbName = 38 */
	0x03, 0x00, 0x04, 0x00, 0x26, 0x00, 0x00, 0x00,
	/* "NodeHighestVersion" (UTF-16LE, NUL, 2 bytes padding) */
	0x4e, 0x00, 0x6f, 0x00, 0x64, 0x00, 0x65, 0x00,
	0x48, 0x00, 0x69, 0x00, 0x67, 0x00, 0x68, 0x00,
	0x65, 0x00, 0x73, 0x00, 0x74, 0x00, 0x56, 0x00,
	0x65, 0x00, 0x72, 0x00, 0x73, 0x00, 0x69, 0x00,
	0x6f, 0x00, 0x6e, 0x00, 0x00, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_LIST_VALUE_DWORD, cbLength = 4 */
	0x02, 0x00, 0x01, 0x00, 0x04, 0x00, 0x00, 0x00,
	/* DWORD 0x00082580 */
	0x80, 0x25, 0x08, 0x00,
	/* CLUSPROP_SYNTAX_ENDMARK */
	0x00, 0x00, 0x00, 0x00,
	/* property 2: CLUSPROP_SYNTAX_NAME, cbName = 36 */
	0x03, 0x00, 0x04, 0x00, 0x24, 0x00, 0x00, 0x00,
	/* "NodeLowestVersion" (UTF-16LE, NUL) */
	0x4e, 0x00, 0x6f, 0x00, 0x64, 0x00, 0x65, 0x00,
	0x4c, 0x00, 0x6f, 0x00, 0x77, 0x00, 0x65, 0x00,
	0x73, 0x00, 0x74, 0x00, 0x56, 0x00, 0x65, 0x00,
	0x72, 0x00, 0x73, 0x00, 0x69, 0x00, 0x6f, 0x00,
	0x6e, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_LIST_VALUE_DWORD, cbLength = 4 */
	0x02, 0x00, 0x01, 0x00, 0x04, 0x00, 0x00, 0x00,
	/* DWORD 0x00082580 */
	0x80, 0x25, 0x08, 0x00,
	/* CLUSPROP_SYNTAX_ENDMARK */
	0x00, 0x00, 0x00, 0x00,
	/* property 3: CLUSPROP_SYNTAX_NAME, cbName = 26 */
	0x03, 0x00, 0x04, 0x00, 0x1a, 0x00, 0x00, 0x00,
	/* "MajorVersion" (UTF-16LE, NUL, 2 bytes padding) */
	0x4d, 0x00, 0x61, 0x00, 0x6a, 0x00, 0x6f, 0x00,
	0x72, 0x00, 0x56, 0x00, 0x65, 0x00, 0x72, 0x00,
	0x73, 0x00, 0x69, 0x00, 0x6f, 0x00, 0x6e, 0x00,
	0x00, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_LIST_VALUE_DWORD, cbLength = 4 */
	0x02, 0x00, 0x01, 0x00, 0x04, 0x00, 0x00, 0x00,
	/* DWORD 0x00000006 */
	0x06, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_ENDMARK */
	0x00, 0x00, 0x00, 0x00,
	/* property 4: CLUSPROP_SYNTAX_NAME, cbName = 26 */
	0x03, 0x00, 0x04, 0x00, 0x1a, 0x00, 0x00, 0x00,
	/* "MinorVersion" (UTF-16LE, NUL, 2 bytes padding) */
	0x4d, 0x00, 0x69, 0x00, 0x6e, 0x00, 0x6f, 0x00,
	0x72, 0x00, 0x56, 0x00, 0x65, 0x00, 0x72, 0x00,
	0x73, 0x00, 0x69, 0x00, 0x6f, 0x00, 0x6e, 0x00,
	0x00, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_LIST_VALUE_DWORD, cbLength = 4 */
	0x02, 0x00, 0x01, 0x00, 0x04, 0x00, 0x00, 0x00,
	/* DWORD 0x00000003 */
	0x03, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_ENDMARK */
	0x00, 0x00, 0x00, 0x00,
	/* property 5: CLUSPROP_SYNTAX_NAME, cbName = 24 */
	0x03, 0x00, 0x04, 0x00, 0x18, 0x00, 0x00, 0x00,
	/* "BuildNumber" (UTF-16LE, NUL) */
	0x42, 0x00, 0x75, 0x00, 0x69, 0x00, 0x6c, 0x00,
	0x64, 0x00, 0x4e, 0x00, 0x75, 0x00, 0x6d, 0x00,
	0x62, 0x00, 0x65, 0x00, 0x72, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_LIST_VALUE_DWORD, cbLength = 4 */
	0x02, 0x00, 0x01, 0x00, 0x04, 0x00, 0x00, 0x00,
	/* DWORD 0x00002580 */
	0x80, 0x25, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_ENDMARK */
	0x00, 0x00, 0x00, 0x00,
	/* property 6: CLUSPROP_SYNTAX_NAME, cbName = 22 */
	0x03, 0x00, 0x04, 0x00, 0x16, 0x00, 0x00, 0x00,
	/* "CSDVersion" (UTF-16LE, NUL, 2 bytes padding) */
	0x43, 0x00, 0x53, 0x00, 0x44, 0x00, 0x56, 0x00,
	0x65, 0x00, 0x72, 0x00, 0x73, 0x00, 0x69, 0x00,
	0x6f, 0x00, 0x6e, 0x00, 0x00, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_LIST_VALUE_SZ, cbLength = 2 */
	0x03, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00,
	/* SZ "", 2 bytes padding */
	0x00, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_ENDMARK */
	0x00, 0x00, 0x00, 0x00,
	/* property 7: CLUSPROP_SYNTAX_NAME, cbName = 30 */
	0x03, 0x00, 0x04, 0x00, 0x1e, 0x00, 0x00, 0x00,
	/* "NodeInstanceID" (UTF-16LE, NUL, 2 bytes padding) */
	0x4e, 0x00, 0x6f, 0x00, 0x64, 0x00, 0x65, 0x00,
	0x49, 0x00, 0x6e, 0x00, 0x73, 0x00, 0x74, 0x00,
	0x61, 0x00, 0x6e, 0x00, 0x63, 0x00, 0x65, 0x00,
	0x49, 0x00, 0x44, 0x00, 0x00, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_LIST_VALUE_SZ, cbLength = 74 */
	0x03, 0x00, 0x01, 0x00, 0x4a, 0x00, 0x00, 0x00,
	/* SZ "00000000-0000-0000-0000-000000000002", 2 bytes padding */
	0x30, 0x00, 0x30, 0x00, 0x30, 0x00, 0x30, 0x00,
	0x30, 0x00, 0x30, 0x00, 0x30, 0x00, 0x30, 0x00,
	0x2d, 0x00, 0x30, 0x00, 0x30, 0x00, 0x30, 0x00,
	0x30, 0x00, 0x2d, 0x00, 0x30, 0x00, 0x30, 0x00,
	0x30, 0x00, 0x30, 0x00, 0x2d, 0x00, 0x30, 0x00,
	0x30, 0x00, 0x30, 0x00, 0x30, 0x00, 0x2d, 0x00,
	0x30, 0x00, 0x30, 0x00, 0x30, 0x00, 0x30, 0x00,
	0x30, 0x00, 0x30, 0x00, 0x30, 0x00, 0x30, 0x00,
	0x30, 0x00, 0x30, 0x00, 0x30, 0x00, 0x32, 0x00,
	0x00, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_ENDMARK */
	0x00, 0x00, 0x00, 0x00,
	/* property 8: CLUSPROP_SYNTAX_NAME, cbName = 32 */
	0x03, 0x00, 0x04, 0x00, 0x20, 0x00, 0x00, 0x00,
	/* "NodeDrainStatus" (UTF-16LE, NUL) */
	0x4e, 0x00, 0x6f, 0x00, 0x64, 0x00, 0x65, 0x00,
	0x44, 0x00, 0x72, 0x00, 0x61, 0x00, 0x69, 0x00,
	0x6e, 0x00, 0x53, 0x00, 0x74, 0x00, 0x61, 0x00,
	0x74, 0x00, 0x75, 0x00, 0x73, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_LIST_VALUE_DWORD, cbLength = 4 */
	0x02, 0x00, 0x01, 0x00, 0x04, 0x00, 0x00, 0x00,
	/* DWORD 0x00000000 */
	0x00, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_ENDMARK */
	0x00, 0x00, 0x00, 0x00,
	/* property 9: CLUSPROP_SYNTAX_NAME, cbName = 32 */
	0x03, 0x00, 0x04, 0x00, 0x20, 0x00, 0x00, 0x00,
	/* "NodeDrainTarget" (UTF-16LE, NUL) */
	0x4e, 0x00, 0x6f, 0x00, 0x64, 0x00, 0x65, 0x00,
	0x44, 0x00, 0x72, 0x00, 0x61, 0x00, 0x69, 0x00,
	0x6e, 0x00, 0x54, 0x00, 0x61, 0x00, 0x72, 0x00,
	0x67, 0x00, 0x65, 0x00, 0x74, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_LIST_VALUE_DWORD, cbLength = 4 */
	0x02, 0x00, 0x01, 0x00, 0x04, 0x00, 0x00, 0x00,
	/* DWORD 0xffffffff */
	0xff, 0xff, 0xff, 0xff,
	/* CLUSPROP_SYNTAX_ENDMARK */
	0x00, 0x00, 0x00, 0x00,
	/* property 10: CLUSPROP_SYNTAX_NAME, cbName = 28 */
	0x03, 0x00, 0x04, 0x00, 0x1c, 0x00, 0x00, 0x00,
	/* "DynamicWeight" (UTF-16LE, NUL) */
	0x44, 0x00, 0x79, 0x00, 0x6e, 0x00, 0x61, 0x00,
	0x6d, 0x00, 0x69, 0x00, 0x63, 0x00, 0x57, 0x00,
	0x65, 0x00, 0x69, 0x00, 0x67, 0x00, 0x68, 0x00,
	0x74, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_LIST_VALUE_DWORD, cbLength = 4 */
	0x02, 0x00, 0x01, 0x00, 0x04, 0x00, 0x00, 0x00,
	/* DWORD 0x00000001 */
	0x01, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_ENDMARK */
	0x00, 0x00, 0x00, 0x00,
	/* property 11: CLUSPROP_SYNTAX_NAME, cbName = 38 */
	0x03, 0x00, 0x04, 0x00, 0x26, 0x00, 0x00, 0x00,
	/* "NeedsPreventQuorum" (UTF-16LE, NUL, 2 bytes padding) */
	0x4e, 0x00, 0x65, 0x00, 0x65, 0x00, 0x64, 0x00,
	0x73, 0x00, 0x50, 0x00, 0x72, 0x00, 0x65, 0x00,
	0x76, 0x00, 0x65, 0x00, 0x6e, 0x00, 0x74, 0x00,
	0x51, 0x00, 0x75, 0x00, 0x6f, 0x00, 0x72, 0x00,
	0x75, 0x00, 0x6d, 0x00, 0x00, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_LIST_VALUE_DWORD, cbLength = 4 */
	0x02, 0x00, 0x01, 0x00, 0x04, 0x00, 0x00, 0x00,
	/* DWORD 0x00000000 */
	0x00, 0x00, 0x00, 0x00,
	/* CLUSPROP_SYNTAX_ENDMARK */
	0x00, 0x00, 0x00, 0x00,
	/* closing CLUSPROP_SYNTAX_ENDMARK of the list */
	0x00, 0x00, 0x00, 0x00,
};

struct expected_prop {
	const char *name;
	uint32_t syntax;
	uint32_t dword;		/* for CLUSPROP_SYNTAX_LIST_VALUE_DWORD */
	const char *sz;		/* for CLUSPROP_SYNTAX_LIST_VALUE_SZ */
	uint32_t cb_value;
	size_t name_pad;
	size_t value_pad;
};

#define P_DWORD(n, v, np) \
	{ (n), CLUSPROP_SYNTAX_LIST_VALUE_DWORD, (v), NULL, 4, (np), 0 }
#define P_SZ(n, s, cb, np, vp) \
	{ (n), CLUSPROP_SYNTAX_LIST_VALUE_SZ, 0, (s), (cb), (np), (vp) }

static const struct expected_prop cluster_props[] = {
	P_DWORD("FixQuorum", 0, 0),
	P_DWORD("PreventQuorum", 0, 0),
	P_DWORD("IgnorePersistentStateOnStartup", 0, 2),
	P_SZ("SharedVolumesRoot", "C:\\ClusterStorage", 36, 0, 0),
	P_DWORD("WitnessDynamicWeight", 1, 2),
	P_DWORD("AdminAccessPoint", 1, 2),
};

static const struct expected_prop node_props[] = {
	P_SZ("NodeName", "node1", 12, 2, 0),
	P_DWORD("NodeHighestVersion", 0x00082580, 2),
	P_DWORD("NodeLowestVersion", 0x00082580, 0),
	P_DWORD("MajorVersion", 6, 2),
	P_DWORD("MinorVersion", 3, 2),
	P_DWORD("BuildNumber", 0x00002580, 0),
	P_SZ("CSDVersion", "", 2, 2, 2),
	P_SZ("NodeInstanceID", "00000000-0000-0000-0000-000000000002", 74,
	     2, 2),
	P_DWORD("NodeDrainStatus", 0, 0),
	P_DWORD("NodeDrainTarget", 0xffffffff, 0),
	P_DWORD("DynamicWeight", 1, 0),
	P_DWORD("NeedsPreventQuorum", 0, 2),
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 |
	       (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void check_property_list(TALLOC_CTX *ctx,
				const uint8_t *data,
				size_t len,
				const struct expected_prop *exp,
				uint32_t count)
{
	DATA_BLOB blob = data_blob_const(data, len);
	DATA_BLOB again;
	struct PROPERTY_LIST list;
	enum ndr_err_code err;
	uint32_t i;

	err = ndr_pull_struct_blob_all(&blob, ctx, &list,
			(ndr_pull_flags_fn_t)ndr_pull_PROPERTY_LIST);
	assert_true(NDR_ERR_CODE_IS_SUCCESS(err));
	assert_int_equal(list.PropertyCount, count);
	assert_int_equal(list.EndMark, CLUSPROP_SYNTAX_ENDMARK);

	for (i = 0; i < count; i++) {
		const struct CLUSPROP_PROPERTY *p = &list.Properties[i];
		const struct CLUSPROP_VALUE *v = &p->Value;

		assert_int_equal(p->NameSyntax, CLUSPROP_SYNTAX_NAME);
		assert_string_equal(p->Name, exp[i].name);
		assert_int_equal(p->cbName, (strlen(exp[i].name) + 1) * 2);
		assert_int_equal(p->NamePadding.length, exp[i].name_pad);
		assert_int_equal(v->Syntax, exp[i].syntax);
		assert_int_equal(v->cbLength, exp[i].cb_value);
		assert_int_equal(v->Data.length, exp[i].cb_value);
		assert_int_equal(v->Padding.length, exp[i].value_pad);
		assert_int_equal(p->EndMark, CLUSPROP_SYNTAX_ENDMARK);

		if (exp[i].sz != NULL) {
			char *s = NULL;
			size_t slen = 0;

			assert_true(convert_string_talloc(ctx, CH_UTF16LE,
							  CH_UNIX,
							  v->Data.data,
							  v->Data.length,
							  &s, &slen));
			/* the converted string includes the NUL */
			assert_int_equal(slen, strlen(exp[i].sz) + 1);
			assert_string_equal(s, exp[i].sz);
		} else {
			assert_int_equal(le32(v->Data.data),
					 exp[i].dword);
		}
	}

	err = ndr_push_struct_blob(&again, ctx, &list,
			(ndr_push_flags_fn_t)ndr_push_PROPERTY_LIST);
	assert_true(NDR_ERR_CODE_IS_SUCCESS(err));
	cnt_assert_blob_equal(&again, &blob);
}

static void test_windows_cluster_props(void **state)
{
	check_property_list(*state, windows_cluster_props,
			    sizeof(windows_cluster_props),
			    cluster_props, NELEM(cluster_props));
}

static void test_windows_node_props(void **state)
{
	check_property_list(*state, windows_node_props,
			    sizeof(windows_node_props),
			    node_props, NELEM(node_props));
}

/**********************************************************************
 * MS-CMRP 4.2, moving a group: the calls of the example flow
 **********************************************************************/

/*
 * Two context handles as a server might issue them.
 * Group: type 0, GUID 12345678-9abc-def0-1122-334455667788.
 * Node:  type 0, GUID 0a0b0c0d-0e0f-1011-1213-141516171819.
 */
static const struct policy_handle h_group = {
	.handle_type = 0,
	.uuid = {
		.time_low = 0x12345678,
		.time_mid = 0x9abc,
		.time_hi_and_version = 0xdef0,
		.clock_seq = { 0x11, 0x22 },
		.node = { 0x33, 0x44, 0x55, 0x66, 0x77, 0x88 },
	},
};

static const struct policy_handle h_node = {
	.handle_type = 0,
	.uuid = {
		.time_low = 0x0a0b0c0d,
		.time_mid = 0x0e0f,
		.time_hi_and_version = 0x1011,
		.clock_seq = { 0x12, 0x13 },
		.node = { 0x14, 0x15, 0x16, 0x17, 0x18, 0x19 },
	},
};

#define H_GROUP_BYTES \
	0x00, 0x00, 0x00, 0x00,	/* handle_type */ \
	0x78, 0x56, 0x34, 0x12,	/* time_low, little-endian */ \
	0xbc, 0x9a,		/* time_mid */ \
	0xf0, 0xde,		/* time_hi_and_version */ \
	0x11, 0x22,		/* clock_seq */ \
	0x33, 0x44, 0x55, 0x66, 0x77, 0x88	/* node */

#define H_NODE_BYTES \
	0x00, 0x00, 0x00, 0x00, \
	0x0d, 0x0c, 0x0b, 0x0a, \
	0x0f, 0x0e, \
	0x11, 0x10, \
	0x12, 0x13, \
	0x14, 0x15, 0x16, 0x17, 0x18, 0x19

#define U16(c) (c), 0x00

#define MOVE_RETURN_TO_SOURCE \
	CLUSAPI_GROUP_MOVE_RETURN_TO_SOURCE_NODE_ON_ERROR

/*
 * Push r (must equal expected), pull expected, push the result again
 * (must equal expected).  Returns the pulled structure.
 */
static void *check_vector(TALLOC_CTX *ctx,
			  uint32_t opnum,
			  int flags,
			  const void *r,
			  const void *tmpl,
			  const uint8_t *expected,
			  size_t len)
{
	DATA_BLOB exp = data_blob_const(expected, len);
	DATA_BLOB got;
	void *r2 = NULL;

	got = cnt_push_call(ctx, opnum, flags, r);
	cnt_assert_blob_equal(&got, &exp);

	r2 = cnt_pull_call(ctx, opnum, flags, &exp, tmpl);
	got = cnt_push_call(ctx, opnum, flags, r2);
	cnt_assert_blob_equal(&got, &exp);
	return r2;
}

/* ApiOpenGroup(lpszGroupName = "Application Group"), opnum 41 */
static const uint8_t open_group_req[] = {
	/*
	 * [in, string] LPCWSTR lpszGroupName: a top-level [ref] pointer,
	 * so no referent id; "Application Group" is 17 characters, 18
	 * with the NUL
	 */
	0x12, 0x00, 0x00, 0x00,	/* max count 18 */
	0x00, 0x00, 0x00, 0x00,	/* offset 0 */
	0x12, 0x00, 0x00, 0x00,	/* actual count 18 */
	U16('A'), U16('p'), U16('p'), U16('l'), U16('i'), U16('c'),
	U16('a'), U16('t'), U16('i'), U16('o'), U16('n'), U16(' '),
	U16('G'), U16('r'), U16('o'), U16('u'), U16('p'), U16('\0'),
};

static const uint8_t open_group_rsp[] = {
	0x00, 0x00, 0x00, 0x00,	/* [out] Status: ERROR_SUCCESS */
	0x00, 0x00, 0x00, 0x00,	/* [out] rpc_status */
	H_GROUP_BYTES,		/* return value: HGROUP_RPC */
};

static void test_move_open_group(void **state)
{
	TALLOC_CTX *ctx = *state;
	struct policy_handle h = h_group;
	WERROR status = WERR_OK, rpc_status = WERR_OK;
	struct ApiOpenGroup r = {
		.in = { .lpszGroupName = "Application Group" },
		.out = {
			.Status = &status,
			.rpc_status = &rpc_status,
			.hGroup = &h,
		},
	};
	struct ApiOpenGroup t = r, *r2 = NULL;

	assert_int_equal(sizeof(open_group_req), 48);
	r2 = check_vector(ctx, NDR_APIOPENGROUP, NDR_IN, &r, NULL,
			  open_group_req, sizeof(open_group_req));
	assert_string_equal(r2->in.lpszGroupName, "Application Group");

	memset(&t.out, 0, sizeof(t.out));
	r2 = check_vector(ctx, NDR_APIOPENGROUP, NDR_OUT, &r, &t,
			  open_group_rsp, sizeof(open_group_rsp));
	assert_true(W_ERROR_IS_OK(*r2->out.Status));
	cnt_assert_handle_equal(r2->out.hGroup, &h_group);
}

/* ApiGetGroupState(hGroup), opnum 45 */
static const uint8_t get_group_state_req[] = {
	H_GROUP_BYTES,		/* [in] HGROUP_RPC hGroup */
};

/* the group is online on NodeA */
static const uint8_t get_group_state_rsp_online[] = {
	0x00, 0x00, 0x00, 0x00,	/* State: ClusterGroupOnline */
	/*
	 * [out, string] LPWSTR *NodeName: the top-level pointer is [ref]
	 * (nothing on the wire), the LPWSTR is a [unique] pointer
	 */
	0x00, 0x00, 0x02, 0x00,	/* referent id */
	0x06, 0x00, 0x00, 0x00,	/* max count: "NodeA" + NUL */
	0x00, 0x00, 0x00, 0x00,	/* offset */
	0x06, 0x00, 0x00, 0x00,	/* actual count */
	U16('N'), U16('o'), U16('d'), U16('e'), U16('A'), U16('\0'),
	0x00, 0x00, 0x00, 0x00,	/* rpc_status, at offset 32 (aligned) */
	0x00, 0x00, 0x00, 0x00,	/* return value: ERROR_SUCCESS */
};

/* while polling after the move was accepted: pending, still on NodeA */
static const uint8_t get_group_state_rsp_pending[] = {
	0x04, 0x00, 0x00, 0x00,	/* State: ClusterGroupPending */
	0x00, 0x00, 0x02, 0x00,
	0x06, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00,
	0x06, 0x00, 0x00, 0x00,
	U16('N'), U16('o'), U16('d'), U16('e'), U16('A'), U16('\0'),
	0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00,
};

static void test_move_get_group_state(void **state)
{
	TALLOC_CTX *ctx = *state;
	enum CLUSTER_GROUP_STATE st = ClusterGroupOnline;
	const char *node = "NodeA";
	WERROR rpc_status = WERR_OK;
	struct ApiGetGroupState r = {
		.in = { .hGroup = h_group },
		.out = {
			.State = &st,
			.NodeName = &node,
			.rpc_status = &rpc_status,
			.result = WERR_OK,
		},
	};
	struct ApiGetGroupState t = r, *r2 = NULL;

	memset(&t.out, 0, sizeof(t.out));

	r2 = check_vector(ctx, NDR_APIGETGROUPSTATE, NDR_IN, &r, NULL,
			  get_group_state_req, sizeof(get_group_state_req));
	cnt_assert_handle_equal(&r2->in.hGroup, &h_group);

	assert_int_equal(sizeof(get_group_state_rsp_online), 40);
	r2 = check_vector(ctx, NDR_APIGETGROUPSTATE, NDR_OUT, &r, &t,
			  get_group_state_rsp_online,
			  sizeof(get_group_state_rsp_online));
	assert_int_equal(*r2->out.State, ClusterGroupOnline);
	assert_string_equal(*r2->out.NodeName, "NodeA");
	assert_true(W_ERROR_IS_OK(*r2->out.rpc_status));

	st = ClusterGroupPending;
	r2 = check_vector(ctx, NDR_APIGETGROUPSTATE, NDR_OUT, &r, &t,
			  get_group_state_rsp_pending,
			  sizeof(get_group_state_rsp_pending));
	assert_int_equal(*r2->out.State, ClusterGroupPending);
}

/* ApiOpenNode(lpszNodeName = "NodeB"), opnum 66 */
static const uint8_t open_node_req[] = {
	0x06, 0x00, 0x00, 0x00,	/* max count: "NodeB" + NUL */
	0x00, 0x00, 0x00, 0x00,	/* offset */
	0x06, 0x00, 0x00, 0x00,	/* actual count */
	U16('N'), U16('o'), U16('d'), U16('e'), U16('B'), U16('\0'),
};

static const uint8_t open_node_rsp[] = {
	0x00, 0x00, 0x00, 0x00,	/* Status */
	0x00, 0x00, 0x00, 0x00,	/* rpc_status */
	H_NODE_BYTES,		/* return value: HNODE_RPC */
};

static void test_move_open_node(void **state)
{
	TALLOC_CTX *ctx = *state;
	struct policy_handle h = h_node;
	WERROR status = WERR_OK, rpc_status = WERR_OK;
	struct ApiOpenNode r = {
		.in = { .lpszNodeName = "NodeB" },
		.out = {
			.Status = &status,
			.rpc_status = &rpc_status,
			.hNode = &h,
		},
	};
	struct ApiOpenNode t = r, *r2 = NULL;

	memset(&t.out, 0, sizeof(t.out));

	r2 = check_vector(ctx, NDR_APIOPENNODE, NDR_IN, &r, NULL,
			  open_node_req, sizeof(open_node_req));
	assert_string_equal(r2->in.lpszNodeName, "NodeB");

	r2 = check_vector(ctx, NDR_APIOPENNODE, NDR_OUT, &r, &t,
			  open_node_rsp, sizeof(open_node_rsp));
	cnt_assert_handle_equal(r2->out.hNode, &h_node);
}

/* ApiMoveGroupToNode(hGroup, hNode), opnum 52 */
static const uint8_t move_to_node_req[] = {
	H_GROUP_BYTES,		/* [in] HGROUP_RPC hGroup */
	H_NODE_BYTES,		/* [in] HNODE_RPC hNode */
};

static const uint8_t move_to_node_rsp[] = {
	0x00, 0x00, 0x00, 0x00,	/* [out] rpc_status */
	0xe5, 0x03, 0x00, 0x00,	/* return value: ERROR_IO_PENDING */
};

static void test_move_group_to_node(void **state)
{
	TALLOC_CTX *ctx = *state;
	WERROR rpc_status = WERR_OK;
	struct ApiMoveGroupToNode r = {
		.in = { .hGroup = h_group, .hNode = h_node },
		.out = { .rpc_status = &rpc_status, .result = WERR_IO_PENDING },
	};
	struct ApiMoveGroupToNode t = r, *r2 = NULL;

	memset(&t.out, 0, sizeof(t.out));

	assert_int_equal(sizeof(move_to_node_req), 40);
	r2 = check_vector(ctx, NDR_APIMOVEGROUPTONODE, NDR_IN, &r, NULL,
			  move_to_node_req, sizeof(move_to_node_req));
	cnt_assert_handle_equal(&r2->in.hGroup, &h_group);
	cnt_assert_handle_equal(&r2->in.hNode, &h_node);

	r2 = check_vector(ctx, NDR_APIMOVEGROUPTONODE, NDR_OUT, &r, &t,
			  move_to_node_rsp, sizeof(move_to_node_rsp));
	assert_true(W_ERROR_IS_OK(*r2->out.rpc_status));
	assert_int_equal(W_ERROR_V(r2->out.result), 0x3E5);
}

/*
 * ApiMoveGroupToNodeEx(hGroup, hNode, RETURN_TO_SOURCE_NODE_ON_ERROR,
 * an empty PROPERTY_LIST), opnum 133
 */
static const uint8_t move_to_node_ex_req[] = {
	H_GROUP_BYTES,		/* [in] HGROUP_RPC hGroup */
	H_NODE_BYTES,		/* [in] HNODE_RPC hNode */
	0x02, 0x00, 0x00, 0x00,	/* dwMoveFlags */
	/* [in, size_is(cbInBufferSize)] BYTE *lpInBuffer: [ref] */
	0x08, 0x00, 0x00, 0x00,	/* max count 8 */
	0x00, 0x00, 0x00, 0x00,	/* PROPERTY_LIST: PropertyCount 0 */
	0x00, 0x00, 0x00, 0x00,	/* closing CLUSPROP_SYNTAX_ENDMARK */
	0x08, 0x00, 0x00, 0x00,	/* cbInBufferSize */
};

/* the same with a 5-byte buffer: cbInBufferSize needs 3 pad bytes */
static const uint8_t move_to_node_ex_req_odd[] = {
	H_GROUP_BYTES,
	H_NODE_BYTES,
	0x04, 0x00, 0x00, 0x00,	/* dwMoveFlags: QUEUE_ENABLED */
	0x05, 0x00, 0x00, 0x00,	/* max count 5 */
	0x01, 0x02, 0x03, 0x04, 0x05,
	0x00, 0x00, 0x00,	/* align to 4 */
	0x05, 0x00, 0x00, 0x00,	/* cbInBufferSize */
};

static void test_move_group_to_node_ex(void **state)
{
	TALLOC_CTX *ctx = *state;
	uint8_t empty_list[8] = { 0 };
	uint8_t odd[5] = { 1, 2, 3, 4, 5 };
	WERROR rpc_status = WERR_OK;
	struct ApiMoveGroupToNodeEx r = {
		.in = {
			.hGroup = h_group,
			.hNode = h_node,
			.dwMoveFlags = MOVE_RETURN_TO_SOURCE,
			.lpInBuffer = empty_list,
			.cbInBufferSize = sizeof(empty_list),
		},
		.out = { .rpc_status = &rpc_status, .result = WERR_IO_PENDING },
	};
	struct ApiMoveGroupToNodeEx t, *r2 = NULL;

	assert_int_equal(sizeof(move_to_node_ex_req), 60);
	r2 = check_vector(ctx, NDR_APIMOVEGROUPTONODEEX, NDR_IN, &r, NULL,
			  move_to_node_ex_req, sizeof(move_to_node_ex_req));
	assert_int_equal(r2->in.dwMoveFlags, 2);
	assert_int_equal(r2->in.cbInBufferSize, 8);

	r.in.dwMoveFlags = CLUSAPI_GROUP_MOVE_QUEUE_ENABLED;
	r.in.lpInBuffer = odd;
	r.in.cbInBufferSize = sizeof(odd);
	r2 = check_vector(ctx, NDR_APIMOVEGROUPTONODEEX, NDR_IN, &r, NULL,
			  move_to_node_ex_req_odd,
			  sizeof(move_to_node_ex_req_odd));
	assert_memory_equal(r2->in.lpInBuffer, odd, sizeof(odd));

	t = r;
	memset(&t.out, 0, sizeof(t.out));
	r2 = check_vector(ctx, NDR_APIMOVEGROUPTONODEEX, NDR_OUT, &r, &t,
			  move_to_node_rsp, sizeof(move_to_node_rsp));
	assert_int_equal(W_ERROR_V(r2->out.result), 0x3E5);
}

/**********************************************************************
 * Where the specification's types differ from Samba's clusapi.idl
 **********************************************************************/

/* ApiDeleteGroup(hGroup, force = TRUE), opnum 43: BOOL is 4 bytes */
static const uint8_t delete_group_req[] = {
	H_GROUP_BYTES,
	0x01, 0x00, 0x00, 0x00,	/* BOOL force */
};

static void test_bool_is_four_bytes(void **state)
{
	TALLOC_CTX *ctx = *state;
	WERROR rpc_status = WERR_OK;
	struct ApiDeleteGroup r = {
		.in = { .Group = h_group, .force = 1 },
		.out = { .rpc_status = &rpc_status },
	};
	struct ApiDeleteGroup *r2 = NULL;

	r2 = check_vector(ctx, NDR_APIDELETEGROUP, NDR_IN, &r, NULL,
			  delete_group_req, sizeof(delete_group_req));
	assert_int_equal(r2->in.force, 1);
}

/*
 * ApiGetNotifyV2 response with one NOTIFICATION_RPC, opnum 139:
 * DWORD_PTR dwNotifyKey is a 4-byte integer in NDR, not a pointer.
 */
static const uint8_t get_notify_v2_rsp[] = {
	/* [out, size_is(,*dwNumNotifications)] PNOTIFICATION_RPC * */
	0x00, 0x00, 0x02, 0x00,	/*  0: referent id of the array */
	0x01, 0x00, 0x00, 0x00,	/*  4: max count 1 */
	/* NOTIFICATION_RPC [0], aligned to 8 (it holds a hyper) */
	0x44, 0x33, 0x22, 0x11,	/*  8: dwNotifyKey 0x11223344 */
	0x00, 0x00, 0x00, 0x00,	/* 12: pad, NotificationData aligns to 8 */
	0x02, 0x00, 0x00, 0x00,	/* 16: dwObjectType: GROUP */
	0x00, 0x00, 0x00, 0x00,	/* 20: pad, FilterFlags aligns to 8 */
	0x18, 0x00, 0x00, 0x00,	/* 24: FilterFlags: STATE_V2|OWNER_NODE_V2 */
	0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00,	/* 32: buffer: NULL */
	0x00, 0x00, 0x00, 0x00,	/* 36: dwBufferSize 0 */
	0x00, 0x00, 0x00, 0x00,	/* 40: ObjectId: NULL */
	0x00, 0x00, 0x00, 0x00,	/* 44: ParentId: NULL */
	0x04, 0x00, 0x02, 0x00,	/* 48: Name: second referent id */
	0x00, 0x00, 0x00, 0x00,	/* 52: Type: NULL */
	/* 56: deferred Name */
	0x02, 0x00, 0x00, 0x00,	/* max count: "G" + NUL */
	0x00, 0x00, 0x00, 0x00,	/* offset */
	0x02, 0x00, 0x00, 0x00,	/* actual count */
	U16('G'), U16('\0'),
	0x01, 0x00, 0x00, 0x00,	/* 72: [out] dwNumNotifications */
	0x00, 0x00, 0x00, 0x00,	/* 76: return value */
};

static void test_dword_ptr_notify_key(void **state)
{
	TALLOC_CTX *ctx = *state;
	struct NOTIFICATION_RPC n = {
		.dwNotifyKey = 0x11223344,
		.NotificationData = {
			.FilterAndType = {
				.dwObjectType = CLUSTER_OBJECT_TYPE_GROUP,
				.FilterFlags =
					CLUSTER_CHANGE_GROUP_STATE_V2 |
					CLUSTER_CHANGE_GROUP_OWNER_NODE_V2,
			},
			.Name = "G",
		},
	};
	struct NOTIFICATION_RPC *pn = &n;
	uint32_t count = 1;
	struct ApiGetNotifyV2 r = {
		.in = { .hNotify = h_node },
		.out = {
			.Notifications = &pn,
			.dwNumNotifications = &count,
			.result = WERR_OK,
		},
	};
	struct ApiGetNotifyV2 t = r, *r2 = NULL;

	memset(&t.out, 0, sizeof(t.out));
	assert_int_equal(sizeof(get_notify_v2_rsp), 80);
	r2 = check_vector(ctx, NDR_APIGETNOTIFYV2, NDR_OUT, &r, &t,
			  get_notify_v2_rsp, sizeof(get_notify_v2_rsp));
	assert_int_equal(*r2->out.dwNumNotifications, 1);
	assert_int_equal((*r2->out.Notifications)[0].dwNotifyKey, 0x11223344);
	assert_string_equal((*r2->out.Notifications)[0].NotificationData.Name,
			    "G");
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, cnt_setup, cnt_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_windows_cluster_props),
		T(test_windows_node_props),
		T(test_move_open_group),
		T(test_move_get_group_state),
		T(test_move_open_node),
		T(test_move_group_to_node),
		T(test_move_group_to_node_ex),
		T(test_bool_is_four_bytes),
		T(test_dword_ptr_notify_key),
	};

	return cmocka_run_group_tests_name("ndr_clusapi_vectors", tests,
					   NULL, NULL);
}
