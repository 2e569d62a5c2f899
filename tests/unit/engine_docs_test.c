/*
 * The worked example in docs/form-authoring.md stays true: its XML passes
 * the checker and its answers JSON round-trips through the engine.
 */
#include "engine/engine.h"
#include "tests/unit/test.h"

#include <stdlib.h>
#include <unistd.h>

/* The first fenced block of `lang` after `heading`, malloc'd, or NULL. */
static char *
fenced_block(const char *doc, const char *heading, const char *lang)
{
	char fence[32];
	const char *h = strstr(doc, heading), *start, *end;
	if (!h)
		return NULL;
	snprintf(fence, sizeof fence, "```%s\n", lang);
	start = strstr(h, fence);
	if (!start)
		return NULL;
	start += strlen(fence);
	end = strstr(start, "```");
	return end ? strndup(start, (size_t)(end - start)) : NULL;
}

static char *
read_all(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;
	if (!fp)
		return NULL;
	do {
		if (len + 4096 + 1 > cap) {
			cap = cap ? cap * 2 : 8192;
			buf = realloc(buf, cap);
		}
		n = fread(buf + len, 1, 4096, fp);
		len += n;
	} while (n > 0);
	fclose(fp);
	buf[len] = '\0';
	return buf;
}

static void
print_diag(const form_diag *d, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "    %s:%d: %s\n", d->file, d->line, d->message);
}

TEST(worked_example_checks_and_round_trips)
{
	char *doc = read_all("docs/form-authoring.md"), *xml = NULL, *json = NULL, *out = NULL;
	char dir[] = "/tmp/yorisoi-doc-XXXXXX", path[64], why[128];
	form_set *s = NULL;
	answers *a = NULL;
	FILE *fp;

	REQUIRE(doc);
	xml = fenced_block(doc, "## A complete example", "xml");
	json = fenced_block(doc, "## A complete example", "json");
	CHECK(xml && json);
	if (!xml || !json || !mkdtemp(dir))
		goto out;
	snprintf(path, sizeof path, "%s/inkan.xml", dir);
	fp = fopen(path, "w");
	if (!fp)
		goto out;
	fputs(xml, fp);
	fclose(fp);
	CHECK_INT(form_set_load_dir_schema(dir, "forms", &s, print_diag, NULL), 0);
	unlink(path);
	rmdir(dir);
	REQUIRE(s && form_set_find(s, "inkan_shomei"));
	json[strcspn(json, "\n")] = '\0';
	a = answers_from_json(json, s, NULL, why, sizeof why);
	CHECK(a != NULL);
	if (!a)
		fprintf(stderr, "    %s\n", why);
	if (a) {
		out = answers_to_json(a, "vi");
		CHECK_STR(out, json);
	}
out:
	free(out);
	answers_free(a);
	form_set_free(s);
	free(xml);
	free(json);
	free(doc);
}
