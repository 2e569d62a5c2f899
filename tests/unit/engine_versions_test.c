/* engine: a form set holds the older versions kept in archive/, and answers
 * of an older version are carried over to the newest (ANSWERS_JSON_OLDER):
 * a text that a choice now refuses becomes the choice with that id, term or
 * label after NFKC, else the other="true" choice with the text, else it is
 * dropped. Fixtures: tests/data/engine/versions/, and the real moving
 * notices of forms/. */
#include "engine/engine.h"
#include "tests/unit/engine_fixture.h"
#include "tests/unit/test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

TEST(set_holds_older_versions_but_offers_the_newest)
{
	form_set *s = engine_fixture_set("engine/versions");
	REQUIRE(s);
	CHECK_INT((int)form_set_count(s), 1);
	CHECK_INT(form_version(form_set_at(s, 0)), 3);
	CHECK_INT(form_version(form_set_find(s, "visa")), 3);
	const form *v1 = form_set_find_version(s, "visa", 1);
	const form *v2 = form_set_find_version(s, "visa", 2);
	REQUIRE(v1 && v2);
	CHECK_INT(form_version(v1), 1);
	CHECK_INT(form_version(v2), 2);
	CHECK(form_set_find_version(s, "visa", 3) == form_set_find(s, "visa"));
	CHECK(form_set_find_version(s, "visa", 4) == NULL);
	CHECK(form_set_find_version(s, "nothing", 1) == NULL);
	form_set_free(s);
}

static int ndiags;
static char last_diag[512];

static void
count_diag(const form_diag *d, void *ctx)
{
	(void)ctx;
	ndiags++;
	snprintf(last_diag, sizeof last_diag, "%s", d->message);
}

static void
write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");
	if (fp) {
		fputs(text, fp);
		fclose(fp);
	}
}

static const char FORM_FMT[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<form xmlns=\"urn:yorisoi:form:1\" id=\"%s\" version=\"%d\">\n"
        "  <title>テスト</title><label>Test</label>\n"
        "  <field id=\"name\" type=\"text\"><label>Name?</label><term>氏名</term></field>\n"
        "</form>\n";

/* An archived form must be an older version of a form of the folder. */
TEST(archive_holds_only_older_versions_of_current_forms)
{
	char dir[] = "/tmp/yorisoi-versions.XXXXXX", path[512], text[1024];
	form_set *s = NULL;
	REQUIRE(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/archive", dir);
	REQUIRE(mkdir(path, 0700) == 0);
	snprintf(text, sizeof text, FORM_FMT, "a", 2);
	snprintf(path, sizeof path, "%s/a.xml", dir);
	write_file(path, text);
	/* a newer one in the archive, one of a form that is not current, and
	 * the current version again: three problems; the good one loads */
	const struct {
		const char *name, *id;
		int version;
	} bad[] = {
	        {"a-3.xml", "a", 3}, {"b-1.xml", "b", 1}, {"a-2.xml", "a", 2}, {"a-1.xml", "a", 1}};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(text, sizeof text, FORM_FMT, bad[i].id, bad[i].version);
		snprintf(path, sizeof path, "%s/archive/%s", dir, bad[i].name);
		write_file(path, text);
	}
	ndiags = 0;
	CHECK_INT(form_set_load_dir_schema(dir, "forms", &s, count_diag, NULL), 3);
	CHECK_INT(ndiags, 3);
	CHECK(strstr(last_diag, "older version") != NULL);
	REQUIRE(s);
	CHECK_INT((int)form_set_count(s), 1);
	CHECK(form_set_find_version(s, "a", 1) != NULL);
	CHECK(form_set_find_version(s, "a", 3) == NULL);
	CHECK(form_set_find_version(s, "b", 1) == NULL);
	form_set_free(s);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(path, sizeof path, "%s/archive/%s", dir, bad[i].name);
		unlink(path);
	}
	snprintf(path, sizeof path, "%s/archive", dir);
	rmdir(path);
	snprintf(path, sizeof path, "%s/a.xml", dir);
	unlink(path);
	rmdir(dir);
}

static const char V1_ANSWERS[] =
        "{\"form\": \"visa\", \"form_version\": 1, \"lang\": \"en\", \"answers\": {"
        "\"name\": \"x\", \"people\": ["
        /* the term; the term typed with a half-width 1 (NFKC); a text no
         * choice has, which becomes the other-text; a choice's label */
        "{\"status\": \"永住者\", \"colour\": \"赤\"},"
        "{\"status\": \"特定技能1号\", \"colour\": \"green\"},"
        "{\"status\": \"育成就労\", \"colour\": \"Blue\"},"
        "{\"status\": \"Permanent Resident\", \"colour\": \"blue\"}]}}";

TEST(older_answers_carry_over_to_choices)
{
	form_set *s = engine_fixture_set("engine/versions");
	REQUIRE(s);
	const form *f = form_set_find(s, "visa");
	char why[256];
	answers *a =
	        answers_from_json_ex(V1_ANSWERS, f, ANSWERS_JSON_OLDER | ANSWERS_JSON_SKIP_UNKNOWN,
	                             NULL, why, sizeof why);
	if (!a)
		fprintf(stderr, "    %s\n", why);
	REQUIRE(a);
	CHECK_INT(answers_repeat_count(a, "people"), 4);
	CHECK_STR(answers_get_at(a, "status", 0), "permanent");
	CHECK_STR(answers_get_at(a, "colour", 0), "red");
	CHECK_STR(answers_get_at(a, "status", 1), "skilled_1");
	/* colour has no other="true" choice: the text is dropped, asked again */
	CHECK(answers_get_at(a, "colour", 1) == NULL);
	CHECK_STR(answers_get_at(a, "status", 2), "other");
	CHECK_STR(answers_get_at(a, "status_other", 2), "育成就労");
	CHECK_STR(answers_get_at(a, "colour", 2), "blue");
	CHECK(answers_get_at(a, "status_other", 0) == NULL);
	CHECK_STR(answers_get_at(a, "status", 3), "permanent");
	CHECK_STR(answers_get_at(a, "colour", 3), "blue");
	answers_free(a);

	/* without the flag, answers of another version are refused */
	a = answers_from_json_ex(V1_ANSWERS, f, ANSWERS_JSON_SKIP_UNKNOWN, NULL, why, sizeof why);
	CHECK(a == NULL);
	/* and answers of a newer version than the form, even with it */
	char *newer = strdup(V1_ANSWERS);
	REQUIRE(newer);
	*strstr(newer, "1,") = '4';
	a = answers_from_json_ex(newer, f, ANSWERS_JSON_OLDER | ANSWERS_JSON_SKIP_UNKNOWN, NULL,
	                         why, sizeof why);
	CHECK(a == NULL);
	free(newer);
	form_set_free(s);
}

/* The real moving notice: the version-1 answers of the handoff fixture
 * (statuses 永住者, 特定技能1号 and 育成就労; periods 3年, 1年, 2年6月)
 * against version 2. */
TEST(tennyu_version_1_answers_carry_over)
{
	char path[512];
	form_set *s = NULL;
	REQUIRE(form_set_load_dir("forms", &s, NULL, NULL) == 0);
	const form *f = form_set_find(s, "tennyu");
	REQUIRE(f && form_version(f) == 2);
	snprintf(path, sizeof path, "%s/handoff/tennyu-v1.json", test_data_dir());
	char *json = test_read_file(path);
	REQUIRE(json);
	/* as version 1 it reads strictly */
	answers *a =
	        answers_from_json_form(json, form_set_find_version(s, "tennyu", 1), NULL, NULL, 0);
	CHECK(a != NULL);
	answers_free(a);
	a = answers_from_json_ex(json, f, ANSWERS_JSON_OLDER | ANSWERS_JSON_SKIP_UNKNOWN, NULL,
	                         NULL, 0);
	REQUIRE(a);
	CHECK_STR(answers_get_at(a, "m_status", 0), "permanent");
	CHECK_STR(answers_get_at(a, "m_period", 0), "y3");
	CHECK_STR(answers_get_at(a, "m_status", 1), "skilled_1");
	CHECK_STR(answers_get_at(a, "m_period", 1), "y1");
	CHECK_STR(answers_get_at(a, "m_status", 2), "other");
	CHECK_STR(answers_get_at(a, "m_status_other", 2), "育成就労");
	CHECK_STR(answers_get_at(a, "m_period", 2), "other");
	CHECK_STR(answers_get_at(a, "m_period_other", 2), "2年6月");
	/* everything else came across as it was */
	CHECK_STR(answers_get_at(a, "m_rc_no", 2), "MW95027364BD");
	int missing;
	CHECK(answers_complete(a, &missing));
	answers_free(a);
	free(json);
	form_set_free(s);
}
