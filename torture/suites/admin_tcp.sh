#!/bin/sh
# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# clusctl's administration commands against a clusapid over
# ncacn_ip_tcp: for each, the state before, the command, the state
# after, read back through clusctl --json; and the errors, which name
# the Windows error and what it means, and change nothing.

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
. torture/lib/suite.sh

suite_begin admin

groups() { clusctl --json group list | py '[g["name"] for g in j["groups"]]'; }
resources() {
	clusctl --json resource list | py \
		'["%s %s %s" % (r["name"], r["state"], r["owner_group"])
		  for r in j["resources"]]'
}
has_line() { printf '%s\n' "$1" | grep -qx "$2"; }

mkdir "$tmp/state"
if ! clusapid_start "$tmp/state" --anonymous full --move-delay-ms 50; then
	check "clusapid starts" false
	summary
fi

# groups: create, rename, preferred owners, delete (--force)
check "no group Web before" eval '! has_line "$(groups)" Web'
out=$(clusctl --json group create Web)
check "group create --json says ERROR_SUCCESS" \
	test "$(echo "$out" | py 'j["result"]')" = ERROR_SUCCESS
check "... and group Web is listed" has_line "$(groups)" Web
clusctl group create Web >/dev/null 2>"$tmp/err"
check "group create of an existing group fails, naming the error" \
	grep -q "cannot create group \"Web\": ERROR_OBJECT_ALREADY_EXISTS" \
	"$tmp/err"

check "resource create needs --type" \
	eval '! clusctl resource create X --group Web 2>/dev/null'
out=$(clusctl --json resource create WebIP --type "IP Address" \
	--group Web)
check "resource create --json" \
	test "$(echo "$out" | py 'j["operation"]')" = create
check "... WebIP is Offline in Web" \
	has_line "$(resources)" "WebIP Offline Web"
clusctl resource create WebName --type "Network Name" --group Web \
	>/dev/null
clusctl resource create Bad --type "No Such Type" --group Web \
	2>"$tmp/err" >/dev/null
check "resource create of an unknown type names the error" \
	grep -q "ERROR_CLUSTER_RESOURCE_TYPE_NOT_FOUND" "$tmp/err"
check "... and creates nothing" \
	eval '! resources | grep -q "^Bad "'

# dependencies
deps() { clusctl --json resource dependencies "$1" | py "$2"; }
check "WebName depends on nothing" \
	test -z "$(deps WebName 'j["dependencies"]')"
clusctl resource add-dependency WebName WebIP >/dev/null
check "resource add-dependency: WebName depends on WebIP" \
	test "$(deps WebName 'j["dependencies"]')" = WebIP
check "... the expression says it" \
	test "$(deps WebName 'j["expression"]')" = "[WebIP]"
clusctl resource add-dependency WebName Nope 2>"$tmp/err"
check "a dependency on a missing resource names it and the error" \
	grep -q 'ERROR_RESOURCE_NOT_FOUND (0x0000138f): the resource does not exist; "Nope" (ApiOpenResource)' \
	"$tmp/err"
clusctl resource remove-dependency WebName WebIP >/dev/null
check "resource remove-dependency" \
	test -z "$(deps WebName 'j["dependencies"]')"
clusctl resource set-dependency-expression WebName "[WebIP]" >/dev/null
check "resource set-dependency-expression" \
	test "$(deps WebName 'j["dependencies"]')" = WebIP

# possible owners
owners() { clusctl --json resource owners "$1" | py 'j["possible_owners"]' |
	tr '\n' ' '; }
check "WebIP may run on every node" test "$(owners WebIP)" = \
	"NodeA NodeB NodeC "
clusctl resource remove-owner WebIP NodeC >/dev/null
check "resource remove-owner" test "$(owners WebIP)" = "NodeA NodeB "
clusctl resource add-owner WebIP NodeC >/dev/null
check "resource add-owner" test "$(owners WebIP)" = "NodeA NodeB NodeC "

# online --wait, fail, offline --wait
out=$(clusctl --json resource online WebName --wait=30)
check "resource online --wait: Online (with its dependency)" \
	test "$(echo "$out" | py 'j["state"]')" = Online
check "... WebIP came online first" \
	has_line "$(resources)" "WebIP Online Web"
clusctl resource fail WebIP >/dev/null
check "resource fail: WebIP is Failed" \
	has_line "$(resources)" "WebIP Failed Web"
clusctl resource offline WebName --wait=30 >/dev/null
check "resource offline --wait" \
	has_line "$(resources)" "WebName Offline Web"

# renames, moves
clusctl resource rename WebIP WebAddr >/dev/null
check "resource rename" has_line "$(resources)" "WebAddr Failed Web"
clusctl group rename Web Site >/dev/null
check "group rename" has_line "$(groups)" Site
check "... its resources follow" has_line "$(resources)" \
	"WebName Offline Site"
clusctl group create Other >/dev/null
clusctl resource remove-dependency WebName WebAddr >/dev/null
clusctl resource move WebAddr Other >/dev/null
check "resource move to another group" \
	has_line "$(resources)" "WebAddr Failed Other"
clusctl group set-owners Site NodeC NodeA >/dev/null
check "group set-owners, in order" test "$(clusctl --json group show Site |
	py 'j["group"]["preferred_owners"]' | tr '\n' ' ')" = "NodeC NodeA "

# deletes
clusctl resource delete WebAddr >/dev/null
check "resource delete" eval '! resources | grep -q "^WebAddr "'
clusctl group delete Site 2>"$tmp/err"
check "group delete of a group with resources: ERROR_DIR_NOT_EMPTY" \
	grep -q "cannot delete group \"Site\": ERROR_DIR_NOT_EMPTY" \
	"$tmp/err"
check "... it stays" has_line "$(groups)" Site
clusctl group delete Site --force >/dev/null
check "group delete --force" eval '! has_line "$(groups)" Site'
check "... with its resources" eval '! resources | grep -q "^WebName "'

# node evict
nodes() { clusctl --json node list | py '[n["name"] for n in j["nodes"]]' |
	tr '\n' ' '; }
clusctl node evict NodeC >/dev/null
check "node evict" test "$(nodes)" = "NodeA NodeB "
clusctl node evict NodeZ 2>"$tmp/err"
check "evicting an unknown node names the error" \
	grep -q "ERROR_CLUSTER_NODE_NOT_FOUND" "$tmp/err"
summary
