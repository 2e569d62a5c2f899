/*
 * The loader: the shipped forms load clean, and every broken fixture in
 * tests/data/forms-bad/ yields a diagnostic on the right line.
 */
#include "engine/engine.h"
#include "tests/unit/test.h"

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

/* Loads tests/data/forms-bad/NAME with the real schema; true when it fails
 * with at least one diagnostic on `line` (-1: any) whose message contains
 * `needle` (NULL: any). */
static int
bad_fixture(const char *name, int line, const char *needle)
{
	char path[512];
	diags ds = {0};
	form *f = NULL;
	int found = 0;

	snprintf(path, sizeof path, "%s/forms-bad/%s", test_data_dir(), name);
	if (form_load(path, "forms", &f, collect, &ds) == 0) {
		form_free(f);
		fprintf(stderr, "    %s loaded without error\n", name);
		return 0;
	}
	for (int i = 0; i < ds.n && i < MAX_DIAGS; i++) {
		if ((line < 0 || ds.d[i].line == line) &&
		    (!needle || strstr(ds.d[i].message, needle)))
			found = 1;
		if (strcmp(ds.d[i].file, path) != 0)
			fprintf(stderr, "    diag file %s != %s\n", ds.d[i].file, path);
	}
	if (!found)
		for (int i = 0; i < ds.n && i < MAX_DIAGS; i++)
			fprintf(stderr, "    %s:%d: %s\n", ds.d[i].file, ds.d[i].line,
			        ds.d[i].message);
	return found;
}

TEST(juminhyo_loads_clean)
{
	diags ds = {0};
	form *f = NULL;
	REQUIRE(form_load("forms/juminhyo.xml", NULL, &f, collect, &ds) == 0);
	CHECK_INT(ds.n, 0);
	CHECK_STR(form_id(f), "juminhyo");
	CHECK_INT(form_version(f), 1);
	CHECK_STR(form_title(f), "住民票の写し等交付請求書");
	CHECK_STR(form_path(f), "forms/juminhyo.xml");
	CHECK(form_description(f) != NULL);
	CHECK(form_field_count(f) >= 15);
	const field *rel = form_field_by_id(f, "relation");
	REQUIRE(rel);
	CHECK_INT(field_kind(rel), FIELD_CHOICE);
	CHECK(field_required(rel));
	CHECK_INT(field_choice_count(rel), 4);
	CHECK_STR(field_choice_id(rel, 2), "proxy");
	CHECK_STR(field_choice_term(rel, 2), "代理人");
	CHECK_STR(field_choice_label(rel, 0), "Myself");
	CHECK_STR(field_term(rel), "請求者と対象者の関係");
	CHECK_STR(field_section(rel), "Whose certificate");
	CHECK_INT(form_field_index(f, rel), 0);
	const field *copies = form_field_by_id(f, "copies");
	REQUIRE(copies);
	CHECK_INT(field_min(copies), 1);
	CHECK_INT(field_max(copies), 10);
	const field *name = form_field_by_id(f, "name");
	REQUIRE(name);
	CHECK_STR(field_prefill(name), "card.name");
	CHECK_INT(field_max(name), 60);
	CHECK(field_help(name) != NULL);
	CHECK(field_past(form_field_by_id(f, "birth")));
	CHECK(form_field_by_id(f, "nope") == NULL);
	form_free(f);
}

TEST(load_dir_sorted_and_found)
{
	diags ds = {0};
	form_set *s = NULL;
	CHECK_INT(form_set_load_dir("forms", &s, collect, &ds), 0);
	REQUIRE(s);
	CHECK(form_set_count(s) >= 1);
	CHECK(form_set_find(s, "juminhyo") != NULL);
	CHECK(form_set_find(s, "nope") == NULL);
	for (size_t i = 1; i < form_set_count(s); i++)
		CHECK(strcmp(form_path(form_set_at(s, i - 1)), form_path(form_set_at(s, i))) < 0);
	CHECK(form_set_at(s, form_set_count(s)) == NULL);
	form_set_free(s);
}

TEST(load_dir_missing_is_minus_one)
{
	diags ds = {0};
	form_set *s = NULL;
	CHECK_INT(form_set_load_dir("tests/data/no-such-dir", &s, collect, &ds), -1);
	CHECK(s == NULL);
	CHECK_INT(ds.n, 1);
}

TEST(load_dir_reports_each_bad_file)
{
	char dir[512];
	diags ds = {0};
	form_set *s = NULL;
	int rc;
	snprintf(dir, sizeof dir, "%s/forms-bad", test_data_dir());
	rc = form_set_load_dir_schema(dir, "forms", &s, collect, &ds);
	CHECK(rc >= 15);
	REQUIRE(s);
	CHECK(ds.n >= rc);
	/* ok-dup-*.xml are two valid forms with the same id: one loads. */
	CHECK_INT(form_set_count(s), 1);
	form_set_free(s);
}

TEST(missing_file)
{
	diags ds = {0};
	form *f = NULL;
	CHECK_INT(form_load("tests/data/forms-bad/none.xml", "forms", &f, collect, &ds), -1);
	CHECK(f == NULL);
	CHECK_INT(ds.n, 1);
	CHECK(strstr(ds.d[0].message, "cannot open") != NULL);
}

TEST(missing_schema)
{
	diags ds = {0};
	form *f = NULL;
	char path[512];
	snprintf(path, sizeof path, "%s/forms-bad/dup-field.xml", test_data_dir());
	CHECK_INT(form_load(path, NULL, &f, collect, &ds), -1);
	CHECK_INT(ds.n, 1);
	CHECK(strstr(ds.d[0].message, "form.rng") != NULL);
}

TEST(null_diag_callback_is_fine)
{
	form *f = NULL;
	CHECK_INT(form_load("tests/data/forms-bad/not-xml.xml", "forms", &f, NULL, NULL), -1);
}

TEST(bad_not_well_formed)
{
	CHECK(bad_fixture("not-xml.xml", 6, NULL));
}
TEST(bad_empty_file)
{
	CHECK(bad_fixture("empty.xml", -1, "empty"));
}
TEST(bad_wrong_namespace)
{
	CHECK(bad_fixture("wrong-ns.xml", 2, NULL));
}
TEST(bad_unknown_type)
{
	CHECK(bad_fixture("unknown-type.xml", 6, NULL));
}
TEST(bad_missing_term)
{
	CHECK(bad_fixture("missing-term.xml", 6, "<field id=\"a\">"));
}
TEST(bad_duplicate_field)
{
	CHECK(bad_fixture("dup-field.xml", 9, "duplicate field id \"a\""));
}
TEST(bad_duplicate_choice)
{
	CHECK(bad_fixture("dup-choice.xml", 12, "duplicate choice id"));
}
TEST(bad_duplicate_list)
{
	CHECK(bad_fixture("dup-list.xml", 11, "duplicate choice list"));
}
TEST(bad_unknown_list)
{
	CHECK(bad_fixture("unknown-list.xml", 6, "unknown choice list \"colours\""));
}
TEST(bad_no_choices)
{
	CHECK(bad_fixture("no-choices.xml", 6, "has no choices"));
}
TEST(bad_choices_on_text)
{
	CHECK(bad_fixture("choices-on-text.xml", 6, "cannot have choices"));
}
TEST(bad_condition_unknown_field)
{
	CHECK(bad_fixture("cond-unknown-field.xml", 15, "unknown field \"ghost\""));
}
TEST(bad_condition_unknown_value)
{
	CHECK(bad_fixture("cond-unknown-value.xml", 16, "has no choice \"maybe\""));
}
TEST(bad_condition_on_itself)
{
	CHECK(bad_fixture("cond-self.xml", 9, "conditioned on itself"));
}
TEST(bad_condition_cycle)
{
	CHECK(bad_fixture("cond-cycle.xml", 6, "cycle"));
}
TEST(bad_includes_on_choice)
{
	CHECK(bad_fixture("includes-choice.xml", 13, "needs a multi field"));
}
TEST(bad_show_if_two_conditions)
{
	CHECK(bad_fixture("show-if-two.xml", 14, NULL));
}
TEST(bad_unknown_prefill)
{
	CHECK(bad_fixture("unknown-prefill.xml", 6, "unknown prefill source \"card.shoe_size\""));
}
TEST(bad_min_greater_than_max)
{
	CHECK(bad_fixture("min-max.xml", 6, "greater than max"));
}
TEST(bad_huge_number)
{
	CHECK(bad_fixture("huge-max.xml", 6, NULL));
}
TEST(bad_no_fields)
{
	CHECK(bad_fixture("no-fields.xml", 1, "no fields"));
}
TEST(bad_past_on_text)
{
	CHECK(bad_fixture("past-on-text.xml", 6, "past="));
}
TEST(bad_entity_bomb_is_refused_or_bounded)
{
	/* Must end quickly with a diagnostic, not expand a billion laughs. */
	CHECK(bad_fixture("entities.xml", -1, NULL));
}
TEST(bad_min_on_text_and_max_on_date)
{
	CHECK(bad_fixture("min-on-text.xml", 6, "min= applies only to number"));
	CHECK(bad_fixture("min-on-text.xml", 9, "max= applies only"));
}
TEST(bad_condition_value_not_as_stored)
{
	CHECK(bad_fixture("cond-value-form.xml", 10, "write value=\"07\" as \"7\""));
	CHECK(bad_fixture("cond-value-form.xml", 11, "as \"2025-04-01\""));
	CHECK(bad_fixture("cond-value-form.xml", 12,
	                  "can never be an answer to field \"n\" (number-range)"));
}
TEST(bad_required_if)
{
	CHECK(bad_fixture("required-if.xml", 5, "required=\"true\" and <required-if>"));
	CHECK(bad_fixture("required-if.xml", 11, "unknown field \"nobody\""));
}
