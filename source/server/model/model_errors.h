/*
 * clusapi - cluster model: Windows error codes
 *
 * Copyright (C) 2026 The clusapi developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <https://www.gnu.org/licenses/>.
 */

#ifndef __CLUSAPI_MODEL_ERRORS_H__
#define __CLUSAPI_MODEL_ERRORS_H__

#include <stdint.h>

/*
 * Every model call returns one of these plain Windows error codes as a
 * uint32_t.  The model does not link Samba's libraries, so there is no
 * WERROR here: the RPC handlers wrap the value with W_ERROR().  The
 * names follow winerror.h with a CM_ prefix so they never clash with
 * the WERR_ names or with the enum values PIDL generates from the IDL.
 * server/rpc/common.c asserts at build time that each equals its WERR_.
 */
enum {
	CM_ERROR_SUCCESS			= 0,
	CM_ERROR_INVALID_FUNCTION		= 0x1,
	CM_ERROR_FILE_NOT_FOUND			= 0x2,
	CM_ERROR_ACCESS_DENIED			= 0x5,
	CM_ERROR_NOT_ENOUGH_MEMORY		= 0x8,
	CM_ERROR_INVALID_DATA			= 0xd,
	CM_ERROR_INVALID_PARAMETER		= 0x57,
	CM_ERROR_INVALID_NAME			= 0x7b,
	CM_ERROR_DIR_NOT_EMPTY			= 0x91,
	CM_ERROR_ALREADY_EXISTS			= 0xb7,
	CM_ERROR_NO_MORE_ITEMS			= 0x103,
	CM_ERROR_IO_PENDING			= 0x3e5,
	CM_ERROR_BADDB				= 0x3f1,
	CM_ERROR_CANTWRITE			= 0x3f5,
	CM_ERROR_CIRCULAR_DEPENDENCY		= 0x423,
	CM_ERROR_DEPENDENT_RESOURCE_EXISTS	= 0x1389,
	CM_ERROR_DEPENDENCY_NOT_FOUND		= 0x138a,
	CM_ERROR_DEPENDENCY_ALREADY_EXISTS	= 0x138b,
	CM_ERROR_RESOURCE_NOT_ONLINE		= 0x138c,
	CM_ERROR_HOST_NODE_NOT_AVAILABLE	= 0x138d,
	CM_ERROR_RESOURCE_NOT_FOUND		= 0x138f,
	CM_ERROR_OBJECT_ALREADY_EXISTS		= 0x1392,
	CM_ERROR_GROUP_NOT_AVAILABLE		= 0x1394,
	CM_ERROR_GROUP_NOT_FOUND		= 0x1395,
	CM_ERROR_HOST_NODE_NOT_GROUP_OWNER	= 0x1398,
	CM_ERROR_RESOURCE_ONLINE		= 0x139b,
	CM_ERROR_INVALID_STATE			= 0x139f,
	CM_ERROR_RESOURCE_PROPERTIES_STORED	= 0x13a0,
	CM_ERROR_CORE_RESOURCE			= 0x13a2,
	CM_ERROR_CLUSTER_NODE_NOT_FOUND		= 0x13b2,
	CM_ERROR_CLUSTER_NETWORK_NOT_FOUND	= 0x13b5,
	CM_ERROR_CLUSTER_NETINTERFACE_NOT_FOUND	= 0x13b7,
	CM_ERROR_CLUSTER_NODE_DOWN		= 0x13ba,
	CM_ERROR_CLUSTER_NODE_NOT_PAUSED	= 0x13c2,
	CM_ERROR_CLUSTER_NODE_ALREADY_UP	= 0x13c5,
	CM_ERROR_CLUSTER_NODE_ALREADY_DOWN	= 0x13c6,
	CM_ERROR_DEPENDENCY_NOT_ALLOWED		= 0x13cd,
	CM_ERROR_CLUSTER_NODE_PAUSED		= 0x13ce,
	CM_ERROR_CLUSTER_RESOURCE_TYPE_NOT_FOUND = 0x13d6,
	CM_ERROR_CLUSTER_GROUP_MOVING		= 0x1714,
	CM_ERROR_CLUSTER_EVICT_INVALID_REQUEST	= 0x1733,
	CM_ERROR_GROUPSET_NOT_FOUND		= 0x1768,
};

/* "ERROR_GROUP_NOT_FOUND" etc., or "0x%08x" for an unknown value */
const char *clus_model_errstr(uint32_t err);

#endif /* __CLUSAPI_MODEL_ERRORS_H__ */
