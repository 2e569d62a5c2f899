/*
 * Runs every registered unit test, or those whose name contains argv[1].
 * Each test runs in the same process, in registration order; a failing
 * CHECK does not stop the others.
 */
#include "tests/unit/test.h"

#include <stdlib.h>

#define MAX_TESTS 2048

struct test_case {
	const char *file;
	const char *name;
	test_fn fn;
};

static struct test_case tests[MAX_TESTS];
static size_t ntests;
static int current_failed;

void
test_register(const char *file, const char *name, test_fn fn)
{
	if (ntests == MAX_TESTS) {
		fprintf(stderr, "too many tests; raise MAX_TESTS\n");
		abort();
	}
	tests[ntests++] = (struct test_case){file, name, fn};
}

void
test_fail(const char *file, int line, const char *expr)
{
	fprintf(stderr, "    %s:%d: check failed: %s\n", file, line, expr);
	current_failed = 1;
}

/* The folder of fixtures, overridable so the suite runs from anywhere. */
const char *
test_data_dir(void)
{
	const char *d = getenv("YORISOI_TEST_DATA");
	return d ? d : "tests/data";
}

char *
test_read_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;
	char chunk[4096];
	if (!fp)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
		if (len + n + 1 > cap) {
			cap = (len + n + 1) * 2;
			char *nb = realloc(buf, cap);
			if (!nb) {
				free(buf);
				fclose(fp);
				return NULL;
			}
			buf = nb;
		}
		memcpy(buf + len, chunk, n);
		len += n;
	}
	fclose(fp);
	if (!buf)
		buf = calloc(1, 1);
	else
		buf[len] = '\0';
	return buf;
}

/* "tests/unit/engine_date_test.c" -> "engine_date" */
static void
short_file(const char *path, char *out, size_t n)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	snprintf(out, n, "%s", base);
	char *dot = strstr(out, "_test.c");
	if (!dot)
		dot = strrchr(out, '.');
	if (dot)
		*dot = '\0';
}

int
main(int argc, char **argv)
{
	const char *filter = argc > 1 ? argv[1] : NULL;
	int passed = 0, failed = 0;

	for (size_t i = 0; i < ntests; i++) {
		char file[128];
		short_file(tests[i].file, file, sizeof file);
		if (filter && !strstr(tests[i].name, filter) && !strstr(file, filter))
			continue;
		current_failed = 0;
		tests[i].fn();
		printf("%s: unit/%s/%s\n", current_failed ? "FAIL" : "PASS", file, tests[i].name);
		fflush(stdout);
		if (current_failed)
			failed++;
		else
			passed++;
	}
	fprintf(stderr, "unit: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
