/*
 * clusapi fuzzing: replay a harness's corpus and regression inputs
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linked with one harness by the normal (gcc) build as
 * bin/unit/test_fuzz_NAME, so `make test` runs every committed input
 * of torture/fuzz/{corpus,regressions}/NAME through it: an input that
 * once crashed a harness must never crash it again. Prints cmocka's
 * summary lines, which torture/run_tests counts. Arguments, when given,
 * are files or directories to replay instead.
 */

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

#ifndef FUZZ_NAME
#error FUZZ_NAME must name the harness
#endif

static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	long len;

	if (f == NULL) {
		fprintf(stderr, "cannot open %s: %s\n", path,
			strerror(errno));
		return -1;
	}
	if (fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return -1;
	}
	buf = malloc(len > 0 ? len : 1);
	if (buf == NULL || fread(buf, 1, len, f) != (size_t)len) {
		fprintf(stderr, "cannot read %s\n", path);
		free(buf);
		fclose(f);
		return -1;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	return 0;
}

static int compare(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replays PATH (a file, or every file of a directory); -1 on error */
static int replay(const char *path)
{
	struct dirent *de;
	struct stat st;
	char **names = NULL;
	size_t n = 0, i;
	DIR *d;
	int count = 0;

	if (stat(path, &st) == -1) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		return replay_file(path) == 0 ? 1 : -1;
	}
	d = opendir(path);
	if (d == NULL) {
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		char **tmp;

		if (de->d_name[0] == '.') {
			continue;
		}
		tmp = realloc(names, (n + 1) * sizeof(*names));
		if (tmp == NULL) {
			break;
		}
		names = tmp;
		if (asprintf(&names[n], "%s/%s", path, de->d_name) == -1) {
			break;
		}
		n++;
	}
	closedir(d);
	/* the same order everywhere, so a failure is reproducible */
	if (n > 0) {
		qsort(names, n, sizeof(*names), compare);
	}
	for (i = 0; i < n; i++) {
		if (count >= 0 && replay_file(names[i]) == 0) {
			count++;
		} else {
			count = -1;
		}
		free(names[i]);
	}
	free(names);
	return count;
}

int main(int argc, char **argv)
{
	const char *top = getenv("CLUSAPI_FUZZ_DIR");
	int passed = 0, failed = 0;
	int i;

	if (top == NULL) {
		top = "torture/fuzz";
	}
	printf("[==========] Replaying " FUZZ_NAME " inputs\n");
	if (argc > 1) {
		for (i = 1; i < argc; i++) {
			int n = replay(argv[i]);

			printf("%s %s: %d inputs\n",
			       n >= 0 ? "[       OK ]" : "[  FAILED  ]",
			       argv[i], n);
			n >= 0 ? passed++ : failed++;
		}
	} else {
		static const char *const kinds[] = { "corpus", "regressions" };

		for (i = 0; i < 2; i++) {
			char path[4096];
			int n;

			snprintf(path, sizeof(path), "%s/%s/" FUZZ_NAME, top,
				 kinds[i]);
			n = replay(path);
			/* an empty corpus would make this a test that cannot fail */
			if (i == 0 && n == 0) {
				n = -1;
			}
			printf("%s %s: %d inputs\n",
			       n >= 0 ? "[       OK ]" : "[  FAILED  ]",
			       path, n);
			n >= 0 ? passed++ : failed++;
		}
	}
	printf("[  PASSED  ] %d test(s).\n", passed);
	if (failed > 0) {
		printf("[  FAILED  ] %d test(s).\n", failed);
		return 1;
	}
	return 0;
}
