/*
 * The checks added with repeats: every form in forms/ loads and checks
 * clean, alone and as a set (a loop over the folder, so new procedures
 * are covered as they are added), and each new broken fixture in
 * tests/data/forms-bad/ yields its diagnostic on the right line.
 */
#include "engine/engine.h"
#include "tests/unit/test.h"

#include <dirent.h>
#include <stdlib.h>

#define MAX_DIAGS 16

typedef struct diags {
	int n;
	form_diag d[MAX_DIAGS];
} diags;

static void
collect(const form_diag *d, void *ctx)
{
	diags *ds = ctx;
	if (ds->n < MAX_DIAGS)
		ds->d[ds->n] = *d;
	ds->n++;
}

static void
print_diags(const diags *ds)
{
	for (int i = 0; i < ds->n && i < MAX_DIAGS; i++)
		fprintf(stderr, "    %s:%d: %s\n", ds->d[i].file, ds->d[i].line, ds->d[i].message);
}

static bool
has_diag(const diags *ds, int line, const char *needle)
{
	for (int i = 0; i < ds->n && i < MAX_DIAGS; i++)
		if ((line < 0 || ds->d[i].line == line) && strstr(ds->d[i].message, needle))
			return true;
	print_diags(ds);
	return false;
}

/* Loads tests/data/forms-bad/NAME; true when it fails with a diagnostic
 * on `line` containing `needle`. */
static bool
bad(const char *name, int line, const char *needle)
{
	char path[512];
	diags ds = {0};
	form *f = NULL;
	snprintf(path, sizeof path, "%s/forms-bad/%s", test_data_dir(), name);
	if (form_load(path, "forms", &f, collect, &ds) == 0) {
		form_free(f);
		fprintf(stderr, "    %s loaded without error\n", name);
		return false;
	}
	return has_diag(&ds, line, needle);
}

TEST(every_shipped_form_loads_clean)
{
	DIR *d = opendir("forms");
	struct dirent *de;
	int n = 0;
	REQUIRE(d);
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);
		char path[512];
		diags ds = {0};
		form *f = NULL;
		if (len < 5 || strcmp(de->d_name + len - 4, ".xml") != 0)
			continue;
		snprintf(path, sizeof path, "forms/%s", de->d_name);
		if (form_load(path, "forms", &f, collect, &ds) != 0 || ds.n) {
			fprintf(stderr, "    %s:\n", path);
			print_diags(&ds);
			CHECK(!"a shipped form does not load clean");
		}
		form_free(f);
		n++;
	}
	closedir(d);
	CHECK(n >= 1);
}

TEST(shipped_forms_check_clean_as_a_set)
{
	form_set *s = NULL;
	diags ds = {0};
	CHECK_INT(form_set_load_dir("forms", &s, collect, &ds), 0);
	REQUIRE(s);
	CHECK_INT(form_set_check(s, collect, &ds), 0);
	if (ds.n)
		print_diags(&ds);
	/* Every shipped form walks from its first step to its last. */
	for (size_t i = 0; i < form_set_count(s); i++) {
		answers *a = answers_new(form_set_at(s, i));
		form_step st;
		int steps = 0;
		bool ok = form_step_next(a, NULL, &st);
		while (ok && steps < 1000) {
			steps++;
			ok = form_step_next(a, &st, &st);
		}
		CHECK(steps > 0 && steps < 1000);
		answers_free(a);
	}
	form_set_free(s);
}

TEST(repeat_checks)
{
	CHECK(bad("repeat-min-max.xml", 6, "min=\"3\" is greater than max=\"2\""));
	CHECK(bad("repeat-id-clash.xml", 6, "repeat id \"r\" is also a field id"));
	CHECK(bad("repeat-show-if-self.xml", 11, "names its own fields"));
	/* Two repeats whose show-ifs name each other's fields. */
	CHECK(bad("repeat-cycle.xml", 8, "cycle"));
}

TEST(derived_checks)
{
	CHECK(bad("derived-cycle.xml", 6, "depends on itself through a cycle"));
	CHECK(bad("derived-not-date.xml", 6, "must be a date field, not text"));
	CHECK(bad("derived-outside-repeat.xml", 10, "put it inside that repeat"));
}

TEST(unreachable_checks)
{
	CHECK(bad("unreachable-later.xml", 5, "names only fields asked after it"));
	CHECK(bad("unreachable-contradiction.xml", 11, "can never hold"));
	CHECK(bad("unreachable-not.xml", 11, "can never hold"));
	/* The older fixture still reports its cycle first. */
	CHECK(bad("cond-cycle.xml", 6, "cycle"));
}

TEST(date_window_checks)
{
	CHECK(bad("date-window.xml", 5, "min-days= and max-days= apply only to date fields"));
	CHECK(bad("date-window.xml", 6, "min-days=\"5\" is after max-days=\"1\""));
	CHECK(bad("date-window.xml", 7, "max-days=\"3\" is in the future, but past=\"true\""));
}

TEST(default_checks)
{
	CHECK(bad("default-not-a-choice.xml", 6, "default=\"maybe\" is not one of its choices"));
	CHECK(bad("default-on-text.xml", 6, "only a choice field has a default"));
}

TEST(other_and_next_checks)
{
	CHECK(bad("other-duplicate.xml", 8, "the field that other=\"true\" adds"));
	CHECK(bad("next-carry-unknown.xml", 7, "no such field or repeat"));
	CHECK(bad("next-carry-parts.xml", 13, "only text and kana answers join"));
	CHECK(bad("next-carry-parts.xml", 14, "<part from=\"rf\">: no such field outside"));
	CHECK(bad("next-carry-parts.xml", 15, "<part from=\"ghost\">: no such field outside"));
	CHECK(!bad("next-carry-parts.xml", 12, "part from"));
	CHECK(bad("next-age-not-date.xml", 8, "<age> needs a date field, but \"b\" is text"));
	CHECK(bad("next-age-never.xml", 8, "<age from=\"65\" under=\"15\"> can never hold"));
	CHECK(bad("next-age-never.xml", 12, "<age> needs under= or from="));
	CHECK(bad("next-passed-not-date.xml", 8, "<passed> needs a date field, but \"b\" is text"));
	CHECK(bad("reading-of-bad.xml", 6, "reading-of= applies only to kana fields"));
	CHECK(bad("reading-of-bad.xml", 7, "reading-of=\"nobody\": no such field"));
	CHECK(bad("reading-of-bad.xml", 9, "reading-of=\"d\" must name a text field"));
	CHECK(bad("postal-lookup-bad.xml", 6, "postal-lookup= applies only to text fields"));
	CHECK(!bad("latin-of-bad.xml", 6, "latin-of="));
	CHECK(bad("latin-of-bad.xml", 7, "latin-of=\"nobody\" must name another text field"));
	CHECK(bad("latin-of-bad.xml", 8, "latin-of= applies only to text fields"));
	CHECK(bad("latin-of-bad.xml", 9, "latin-of=\"a4\" must name another text field"));
	CHECK(bad("pick-bad.xml", 8, "<pick> term \"すてき\" is not an answer the field takes"));
	CHECK(bad("pick-bad.xml", 9, "<pick> \"妻\" is listed twice"));
	CHECK(bad("pick-bad.xml", 13, "<pick> applies only to text fields"));
	CHECK(!bad("pick-bad.xml", 7, "<pick>"));
	CHECK(!bad("postal-lookup-bad.xml", 5, "postal-lookup="));
	CHECK(bad("block-number-bad.xml", 6, "block-number= applies only to text fields"));
	CHECK(!bad("block-number-bad.xml", 5, "block-number="));
	CHECK(!bad("building-bad.xml", 5, "building="));
	CHECK(bad("building-bad.xml", 6, "building= applies only to text fields"));
	CHECK(bad("building-bad.xml", 7, "building= applies only to text fields"));
	CHECK(bad("building-bad.xml", 8, "building= applies only to text fields"));
	CHECK(bad("picks-bad.xml", 5, "no list lists/nosuch.xml"));
	CHECK(bad("picks-bad.xml", 6,
	          "\"とても長い国の名前\" (lists/twice.xml line 4) is not an answer"));
	CHECK(bad("picks-bad.xml", 6, "\"東京\" (lists/twice.xml line 5) is listed twice"));
	CHECK(bad("picks-bad.xml", 7, "(lists/countries.xml line 12) applies only to text fields"));
	CHECK(bad("picks-bad.xml", 8, "has both <pick>s and picks=\"countries\""));
	CHECK(!bad("picks-bad.xml", 10, ""));
	CHECK(!bad("suggest-bad.xml", 7, ""));
	CHECK(bad("suggest-bad.xml", 8, "<suggest> applies only to text fields"));
	CHECK(bad("suggest-bad.xml", 9, "prefecture-of=\"nobody\" must name another text field"));
	CHECK(bad("suggest-bad.xml", 10, "prefecture-of=\"s\" must name another text field"));
	CHECK(bad("suggest-bad.xml", 11, "condition on unknown field \"nobody\""));
	CHECK(bad("suggest-bad.xml", 12, "town-of=\"nobody\" must name another text field"));
	CHECK(!bad("suggest-bad.xml", 13, ""));
}

/* A list file's own problems are reported in that file, and reported
 * once for a field on the wrong kind of question; a list with a DOCTYPE
 * (entities) is refused as a form is. */
TEST(picks_list_file_problems_name_the_list)
{
	char path[512];
	diags ds = {0};
	form *f = NULL;
	snprintf(path, sizeof path, "%s/forms-bad/picks-bad.xml", test_data_dir());
	CHECK(form_load(path, "forms", &f, collect, &ds) != 0);
	int in_list = 0, wrong_kind = 0, doctype = 0;
	for (int i = 0; i < ds.n && i < MAX_DIAGS; i++) {
		if (strstr(ds.d[i].file, "forms-bad/lists/broken.xml") && ds.d[i].line == 4)
			in_list++;
		if (strstr(ds.d[i].file, "forms-bad/lists/doctype.xml") &&
		    strstr(ds.d[i].message, "<!DOCTYPE> is not allowed"))
			doctype++;
		if (strstr(ds.d[i].message, "applies only to text fields"))
			wrong_kind++;
	}
	CHECK_INT(in_list, 1);
	CHECK_INT(wrong_kind, 1);
	CHECK_INT(doctype, 1);
	if (in_list != 1 || wrong_kind != 1 || doctype != 1)
		print_diags(&ds);
	form_free(f);
}

/* The nationality of a person moving is picked from the shared list of
 * countries and regions (forms/lists/countries.xml): the largest groups
 * of residents first, the answer the term as the residence card has it. */
TEST(country_list_offered_in_the_moving_forms)
{
	static const char *const forms[] = {"forms/tennyu.xml", "forms/tenkyo.xml",
	                                    "forms/tenshutsu.xml"};
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		diags ds = {0};
		form *f = NULL;
		REQUIRE(form_load(forms[i], NULL, &f, collect, &ds) == 0);
		const field *c = form_field_by_id(f, "m_country");
		REQUIRE(c);
		CHECK(field_pick_count(c) >= 190);
		CHECK_STR(field_pick_term(c, 0), "中国");
		CHECK_INT(field_pick_index(c, "ベトナム"), 1);
		CHECK(field_pick_index(c, "米国") >= 0);
		CHECK(field_pick_index(c, "無国籍") >= 0);
		CHECK_INT(field_pick_index(c, "日本"), -1); /* foreign residents only */
		CHECK_STR(field_pick_label(c, 1), "Vietnam");
		form_free(f);
	}
}

TEST(set_checks_next_and_carry)
{
	char dir[512];
	form_set *s = NULL;
	diags ds = {0};
	snprintf(dir, sizeof dir, "%s/forms-bad/next-missing", test_data_dir());
	CHECK_INT(form_set_load_dir_schema(dir, "forms", &s, collect, &ds), 0);
	REQUIRE(s);
	CHECK_INT(form_set_check(s, collect, &ds), 3);
	CHECK(has_diag(&ds, 7, "<next form=\"nope\">: no form with that id"));
	CHECK(has_diag(&ds, 9, "<carry to=\"missing\">: form \"b\" has no such field"));
	CHECK(has_diag(&ds, 10, "differ in type"));
	CHECK_INT(form_set_check(NULL, NULL, NULL), 0);
	form_set_free(s);
}

/* Conditions may not be fooled by repeats: two values of a field of ANOTHER
 * repeat can both hold (in different instances), so no contradiction. */
TEST(contradiction_is_sound_across_repeats)
{
	char path[512];
	form *f = NULL;
	diags ds = {0};
	snprintf(path, sizeof path, "%s/engine/repeat-any.xml", test_data_dir());
	CHECK_INT(form_load(path, "forms", &f, collect, &ds), 0);
	REQUIRE(f);
	answers *a = answers_new(f);
	const field *both = form_field_by_id(f, "both");
	CHECK_INT(answers_set_at(a, "c", 0, "x", NULL), ANSWER_OK);
	CHECK(!field_applies(a, both));
	CHECK_INT(answers_set_at(a, "c", 1, "y", NULL), ANSWER_OK);
	CHECK(field_applies(a, both));
	answers_free(a);
	form_free(f);
}
