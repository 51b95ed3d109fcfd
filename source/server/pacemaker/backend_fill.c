/*
 * clusapi - the Pacemaker backend: the model's first fill, written as
 * the model's config text (server/model/config.c) from the CIB, the
 * node's corosync.conf and the OCF agents installed
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Objects and their names come from here; their states are the CIB's,
 * applied right after by backend.c (pcmk_backend_refresh()).
 */

#include <dirent.h>
#include <ifaddrs.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

#include "pcmk_backend_private.h"

#define PCMK_OCF_ROOT		"/usr/lib/ocf/resource.d"
#define PCMK_NETWORK_NAME	"Corosync link 0"

/* the cluster database's keys, as Windows has them under the root */
static const char pcmk_regkeys[] =
	"[regkey Groups]\n[regkey Nodes]\n[regkey Resources]\n"
	"[regkey ResourceTypes]\n[regkey Networks]\n"
	"[regkey NetworkInterfaces]\n";

/* corosync.conf's nodelist: ring0_addr of each node, by name */
struct cs_node {
	char name[64];
	char addr[64];
};

struct cs_conf {
	char cluster_name[64];
	size_t num;
	struct cs_node nodes[32];
};

static void cs_value(const char *line, const char *key, char *out,
		     size_t len)
{
	size_t klen = strlen(key);
	const char *v;

	if (strncmp(line, key, klen) != 0 || line[klen] != ':') {
		return;
	}
	v = line + klen + 1;
	v += strspn(v, " \t");
	snprintf(out, len, "%.*s", (int)strcspn(v, " \t\r\n"), v);
}

/* The keys it needs, one per line (corosync.conf's own rule) */
static void cs_read(const char *path, struct cs_conf *cs)
{
	char buf[512];
	FILE *f = fopen(path, "re");
	struct cs_node *n = NULL;

	memset(cs, 0, sizeof(*cs));
	if (f == NULL) {
		return;
	}
	while (fgets(buf, sizeof(buf), f) != NULL) {
		const char *l = buf + strspn(buf, " \t");

		if (strncmp(l, "node {", 6) == 0 &&
		    cs->num < sizeof(cs->nodes) / sizeof(cs->nodes[0])) {
			n = &cs->nodes[cs->num++];
			continue;
		}
		if (l[0] == '}') {
			n = NULL;
			continue;
		}
		cs_value(l, "cluster_name", cs->cluster_name,
			 sizeof(cs->cluster_name));
		if (n != NULL) {
			cs_value(l, "name", n->name, sizeof(n->name));
			cs_value(l, "ring0_addr", n->addr, sizeof(n->addr));
		}
	}
	fclose(f);
}

static const char *cs_addr(const struct cs_conf *cs, const char *name)
{
	size_t i;

	for (i = 0; i < cs->num; i++) {
		if (strcmp(cs->nodes[i].name, name) == 0) {
			return cs->nodes[i].addr;
		}
	}
	return NULL;
}

/* The local interface holding @addr: its name and the network's mask */
static bool local_if(const char *addr, char *ifname, size_t len,
		     struct in_addr *mask)
{
	struct ifaddrs *ifa, *i;
	struct in_addr a;
	bool found = false;

	if (addr == NULL || inet_pton(AF_INET, addr, &a) != 1 ||
	    getifaddrs(&ifa) != 0) {
		return false;
	}
	for (i = ifa; i != NULL && !found; i = i->ifa_next) {
		const struct sockaddr_in *sin = (void *)i->ifa_addr;

		if (sin == NULL || sin->sin_family != AF_INET ||
		    i->ifa_netmask == NULL ||
		    sin->sin_addr.s_addr != a.s_addr) {
			continue;
		}
		snprintf(ifname, len, "%s", i->ifa_name);
		*mask = ((const struct sockaddr_in *)i->ifa_netmask)->sin_addr;
		found = true;
	}
	freeifaddrs(ifa);
	return found;
}

static char *fill_network(TALLOC_CTX *mem_ctx, const struct pcmk_cib *cib,
			  const struct cs_conf *cs, const char *local)
{
	char ifname[64] = "", net[INET_ADDRSTRLEN], msk[INET_ADDRSTRLEN];
	struct in_addr mask = { .s_addr = htonl(0xffffff00) }, a;
	const char *laddr = cs_addr(cs, local);
	char *text;
	size_t i;

	local_if(laddr, ifname, sizeof(ifname), &mask);
	if (laddr == NULL || inet_pton(AF_INET, laddr, &a) != 1) {
		return talloc_strdup(mem_ctx, "");
	}
	a.s_addr &= mask.s_addr;
	inet_ntop(AF_INET, &a, net, sizeof(net));
	inet_ntop(AF_INET, &mask, msk, sizeof(msk));
	text = talloc_asprintf(mem_ctx, "[network " PCMK_NETWORK_NAME "]\n"
			       "role = internal_and_client\n"
			       "address = %s\nmask = %s\npriority = 1\n",
			       net, msk);
	for (i = 0; text != NULL && i < cib->num_nodes; i++) {
		const char *name = cib->nodes[i].name;
		const char *addr = cs_addr(cs, name);

		if (addr == NULL) {
			continue;
		}
		text = talloc_asprintf_append_buffer(
			text, "[netif %s - link0]\nnode = %s\n"
			"network = " PCMK_NETWORK_NAME "\naddress = %s\n"
			"adapter = %s\n", name, name, addr,
			strcmp(name, local) == 0 && ifname[0] != '\0' ?
			ifname : "link0");
	}
	return text;
}

/* One restype per OCF agent installed, and per agent the CIB uses */
static char *fill_restypes(TALLOC_CTX *mem_ctx, const struct pcmk_cib *cib)
{
	char *text = talloc_strdup(mem_ctx, "");
	struct dirent *p, *a;
	DIR *root, *dir;
	size_t i;

	root = opendir(PCMK_OCF_ROOT);
	while (root != NULL && text != NULL && (p = readdir(root)) != NULL) {
		char path[512];

		if (p->d_name[0] == '.') {
			continue;
		}
		snprintf(path, sizeof(path), PCMK_OCF_ROOT "/%s", p->d_name);
		dir = opendir(path);
		while (dir != NULL && text != NULL &&
		       (a = readdir(dir)) != NULL) {
			if (a->d_name[0] == '.' || strchr(a->d_name, '[')) {
				continue;
			}
			text = talloc_asprintf_append_buffer(
				text, "[restype ocf:%s:%s]\n", p->d_name,
				a->d_name);
		}
		if (dir != NULL) {
			closedir(dir);
		}
	}
	if (root != NULL) {
		closedir(root);
	}
	for (i = 0; text != NULL && i < cib->num_primitives; i++) {
		char *type = pcmk_backend_agent(text, &cib->primitives[i]);
		char *sec = talloc_asprintf(text, "[restype %s]\n", type);

		if (sec != NULL && strstr(text, sec) == NULL) {
			text = talloc_strdup_append_buffer(text, sec);
		}
	}
	return text;
}

static char *fill_resource(char *text, const struct pcmk_group *g,
			   const struct pcmk_primitive *p)
{
	size_t i;

	if (strpbrk(p->name, "[]\r\n") != NULL) {
		return text;
	}
	text = talloc_asprintf_append_buffer(
		text, "[resource %s]\nid = %s\ngroup = %s\ntype = %s\n",
		p->name, p->id, g->name, pcmk_backend_agent(text, p));
	for (i = 0; text != NULL && i < p->params.num; i++) {
		const struct pcmk_nvpair *nv = &p->params.pairs[i];

		if (nv->value == NULL || strpbrk(nv->value, "\r\n\"")) {
			continue;
		}
		text = talloc_asprintf_append_buffer(
			text, "prop.%s = \"%s\"\n", nv->name, nv->value);
	}
	return text;
}

static char *fill_groups(TALLOC_CTX *mem_ctx, const struct pcmk_cib *cib,
			 const char *local)
{
	char *text = talloc_strdup(mem_ctx, "");
	size_t i, j;

	for (i = 0; text != NULL && i < cib->num_groups; i++) {
		const struct pcmk_group *g = &cib->groups[i];
		const char *owner = NULL;
		bool stopped = g->target_role != NULL &&
			strcmp(g->target_role, "Stopped") == 0;

		/* a name the config text cannot hold: backend_sync.c */
		if (strpbrk(g->name, "[]\r\n") != NULL) {
			continue;
		}
		pcmk_group_state(cib, g, false, &owner);
		if (owner == NULL || pcmk_cib_node(cib, owner) == NULL) {
			owner = local;
		}
		text = talloc_asprintf_append_buffer(
			text, "[group %s]\nid = %s\nowner = %s\nstate = %s\n"
			"type = %u\n", g->name, g->id, owner,
			stopped ? "offline" : "online",
			CM_GROUP_TYPE_GENERIC_SERVICE);
		for (j = 0; text != NULL && j < g->num_members; j++) {
			text = fill_resource(text, g, g->members[j]);
		}
	}
	return text;
}

/* @text and @part (one of its children), or NULL when either is */
static char *append(char *text, char *part)
{
	if (text == NULL || part == NULL) {
		talloc_free(text);
		return NULL;
	}
	return talloc_strdup_append_buffer(text, part);
}

/* The node clusapid runs on: its uname, as Pacemaker names it */
const char *pcmk_backend_local_node(const struct pcmk_cib *cib)
{
	struct utsname u;
	const struct pcmk_node *n;

	if (uname(&u) == 0 && (n = pcmk_cib_node(cib, u.nodename)) != NULL) {
		return n->name;
	}
	return cib->num_nodes > 0 ? cib->nodes[0].name : NULL;
}

char *pcmk_backend_config(TALLOC_CTX *mem_ctx, const struct pcmk_cib *cib,
			  const char *corosync_conf)
{
	const char *local = pcmk_backend_local_node(cib);
	struct cs_conf cs;
	const char *name;
	char *text;
	size_t i;

	if (local == NULL) {
		return NULL;
	}
	cs_read(corosync_conf, &cs);
	name = cib->cluster_name != NULL ? cib->cluster_name :
		cs.cluster_name[0] != '\0' ? cs.cluster_name : "pacemaker";
	text = talloc_asprintf(mem_ctx, "[cluster]\nname = %s\n"
			       "local_node = %s\n", name, local);
	for (i = 0; text != NULL && i < cib->num_nodes; i++) {
		text = talloc_asprintf_append_buffer(
			text, "[node %s]\nid = %s\n", cib->nodes[i].name,
			cib->nodes[i].id);
	}
	if (text == NULL) {
		return NULL;
	}
	text = append(text, fill_restypes(text, cib));
	text = append(text, fill_network(text, cib, &cs, local));
	text = append(text, talloc_strdup(text, pcmk_regkeys));
	return append(text, fill_groups(text, cib, local));
}
