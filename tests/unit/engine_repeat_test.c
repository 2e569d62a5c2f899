/*
 * Repeat groups on tests/data/engine/set/household.xml: instances within
 * min and max, step navigation through instances and the add-another
 * question, conditions per instance and across instances, completeness,
 * household prefill and the JSON arrays.
 */
#include "engine/engine.h"
#include "tests/unit/test.h"

#include <stdlib.h>

static form *
load_household(void)
{
	char path[512];
	form *f = NULL;
	snprintf(path, sizeof path, "%s/engine/set/household.xml", test_data_dir());
	if (form_load(path, "forms", &f, NULL, NULL) != 0)
		return NULL;
	return f;
}

static int
idx(const form *f, const char *id)
{
	return form_field_index(f, form_field_by_id(f, id));
}

/* Answers the fields before the repeat so the walk reaches it. */
static void
answer_top(answers *a)
{
	CHECK_INT(answers_set(a, "name", "山田 太郎", NULL), ANSWER_OK);
	CHECK_INT(answers_set(a, "birth", "1980-05-01", NULL), ANSWER_OK);
	CHECK_INT(answers_set(a, "move_date", "2025-04-01", NULL), ANSWER_OK);
	CHECK_INT(answers_set(a, "reason", "job", NULL), ANSWER_OK);
}

TEST(repeat_definition)
{
	form *f = load_household();
	REQUIRE(f);
	CHECK_INT(form_repeat_count(f), 2);
	const form_repeat *r = form_repeat_by_id(f, "members");
	REQUIRE(r);
	CHECK(form_repeat_at(f, 0) == r);
	CHECK(form_repeat_at(f, 2) == NULL);
	CHECK_STR(repeat_id(r), "members");
	CHECK_STR(repeat_label(r), "Person moving");
	CHECK_STR(repeat_term(r), "異動者");
	CHECK_STR(repeat_another(r), "Is anyone else moving with you?");
	CHECK(repeat_help(r) == NULL);
	CHECK_INT(repeat_min(r), 1);
	CHECK_INT(repeat_max(r), 3);
	CHECK_INT(repeat_field_count(r), 4);
	CHECK_STR(field_id(repeat_field_at(r, 0)), "m_name");
	CHECK_STR(field_id(repeat_field_at(r, 3)), "m_school");
	CHECK(repeat_field_at(r, 4) == NULL);
	CHECK_STR(field_repeat(form_field_by_id(f, "m_rel")), "members");
	CHECK(field_repeat(form_field_by_id(f, "name")) == NULL);
	const form_repeat *k = form_repeat_by_id(f, "kids");
	REQUIRE(k);
	CHECK_INT(repeat_min(k), 0);
	CHECK_INT(repeat_max(k), 2);
	CHECK(form_repeat_by_id(f, "nope") == NULL);
	form_free(f);
}

TEST(repeat_add_remove_min_max)
{
	form *f = load_household();
	REQUIRE(f);
	answers *a = answers_new(f);
	CHECK_INT(answers_repeat_count(a, "members"), 1); /* min instances up front */
	CHECK_INT(answers_repeat_count(a, "kids"), 0);
	CHECK_INT(answers_repeat_count(a, "nope"), -1);
	CHECK(!answers_repeat_remove(a, "members", 0)); /* would go below min */
	CHECK_INT(answers_repeat_add(a, "members"), 1);
	CHECK_INT(answers_repeat_add(a, "members"), 2);
	CHECK_INT(answers_repeat_add(a, "members"), -1); /* max 3 */
	CHECK_INT(answers_repeat_add(a, "nope"), -1);
	CHECK_INT(answers_set_at(a, "m_name", 0, "一", NULL), ANSWER_OK);
	CHECK_INT(answers_set_at(a, "m_name", 1, "二", NULL), ANSWER_OK);
	CHECK_INT(answers_set_at(a, "m_name", 2, "三", NULL), ANSWER_OK);
	CHECK_INT(answers_set_at(a, "m_name", 3, "四", NULL), ANSWER_ERR_UNKNOWN_FIELD);
	CHECK_INT(answers_set_at(a, "m_name", -1, "四", NULL), ANSWER_ERR_UNKNOWN_FIELD);
	CHECK(answers_repeat_remove(a, "members", 1));
	CHECK_INT(answers_repeat_count(a, "members"), 2);
	CHECK_STR(answers_get_at(a, "m_name", 0), "一");
	CHECK_STR(answers_get_at(a, "m_name", 1), "三");
	CHECK(answers_get_at(a, "m_name", 2) == NULL);
	CHECK(!answers_repeat_remove(a, "members", 5));
	/* One past the end adds the instance; further is refused. */
	CHECK_INT(answers_set_at(a, "k_name", 1, "x", NULL), ANSWER_ERR_UNKNOWN_FIELD);
	CHECK_INT(answers_set_at(a, "k_name", 0, "花子", NULL), ANSWER_OK);
	CHECK_INT(answers_repeat_count(a, "kids"), 1);
	CHECK_INT(answers_put_at(a, "k_name", 1, "次郎"), ANSWER_OK);
	CHECK_INT(answers_repeat_count(a, "kids"), 2);
	CHECK_INT(answers_put_at(a, "k_name", 2, "x"), ANSWER_ERR_UNKNOWN_FIELD);
	answers_clear_at(a, "k_name", 1);
	CHECK(answers_get_at(a, "k_name", 1) == NULL);
	CHECK(answers_repeat_remove(a, "kids", 0));
	CHECK(answers_repeat_remove(a, "kids", 0));
	CHECK_INT(answers_repeat_count(a, "kids"), 0);
	/* Outside repeats only instance 0 exists; answers_get means it. */
	CHECK_INT(answers_set_at(a, "name", 1, "x", NULL), ANSWER_ERR_UNKNOWN_FIELD);
	CHECK_INT(answers_set_at(a, "name", 0, "山田", NULL), ANSWER_OK);
	CHECK_STR(answers_get(a, "name"), "山田");
	CHECK_STR(answers_get(a, "m_name"), "一");
	answers_free(a);
	form_free(f);
}

/* Walks forward from the start, answering nothing, and returns the list of
 * steps as "field@instance" / "+repeat@instance" strings, joined by " ". */
static void
walk(const answers *a, char *out, size_t n)
{
	form_step s;
	const form *f = answers_form(a);
	bool ok = form_step_next(a, NULL, &s);
	out[0] = '\0';
	for (int guard = 0; ok && guard < 100; guard++) {
		size_t len = strlen(out);
		if (s.add_another)
			snprintf(out + len, n - len, "%s+%s@%d", len ? " " : "", s.repeat_id,
			         s.instance);
		else
			snprintf(out + len, n - len, "%s%s@%d", len ? " " : "",
			         field_id(form_field_at(f, (size_t)s.field)), s.instance);
		ok = form_step_next(a, &s, &s);
	}
}

TEST(steps_walk_instances)
{
	form *f = load_household();
	REQUIRE(f);
	answers *a = answers_new(f);
	char buf[1024];
	walk(a, buf, sizeof buf);
	CHECK_STR(buf, "name@0 birth@0 move_date@0 pref@0 city@0 reason@0 m_name@0 m_birth@0 "
	               "m_rel@0 +members@1 has_kids@0");
	answer_top(a);
	CHECK_INT(answers_set(a, "reason", "other", NULL), ANSWER_OK);
	CHECK_INT(answers_set_at(a, "m_rel", 0, "子", NULL), ANSWER_OK);
	CHECK_INT(answers_repeat_add(a, "members"), 1);
	CHECK_INT(answers_set(a, "has_kids", "yes", NULL), ANSWER_OK);
	walk(a, buf, sizeof buf);
	CHECK_STR(buf, "name@0 birth@0 move_date@0 pref@0 city@0 reason@0 reason_other@0 "
	               "m_name@0 m_birth@0 m_rel@0 m_school@0 m_name@1 m_birth@1 m_rel@1 "
	               "+members@2 has_kids@0 +kids@0");
	/* At max there is no add-another step. */
	CHECK_INT(answers_repeat_add(a, "members"), 2);
	CHECK_INT(answers_set(a, "has_kids", "no", NULL), ANSWER_OK);
	walk(a, buf, sizeof buf);
	CHECK_STR(buf, "name@0 birth@0 move_date@0 pref@0 city@0 reason@0 reason_other@0 "
	               "m_name@0 m_birth@0 m_rel@0 m_school@0 m_name@1 m_birth@1 m_rel@1 "
	               "m_name@2 m_birth@2 m_rel@2 has_kids@0");
	answers_free(a);
	form_free(f);
}

TEST(steps_add_another_yes_no_and_back)
{
	form *f = load_household();
	REQUIRE(f);
	answers *a = answers_new(f);
	form_step s, t;
	answer_top(a);
	/* From m_rel@0 the next step asks for another person. */
	form_step at = {idx(f, "m_rel"), 0, false, "members"};
	REQUIRE(form_step_next(a, &at, &s));
	CHECK(s.add_another);
	CHECK_INT(s.field, -1);
	CHECK_INT(s.instance, 1);
	CHECK_STR(s.repeat_id, "members");
	/* "No": past the repeat. */
	REQUIRE(form_step_next(a, &s, &t));
	CHECK_INT(t.field, idx(f, "has_kids"));
	CHECK(!t.add_another);
	CHECK(t.repeat_id == NULL);
	/* Back from there: the add-another question again. */
	REQUIRE(form_step_prev(a, &t, &t));
	CHECK(t.add_another);
	CHECK_INT(t.instance, 1);
	/* "Yes": the console adds, then the next step is the new instance. */
	CHECK_INT(answers_repeat_add(a, "members"), 1);
	REQUIRE(form_step_next(a, &s, &t));
	CHECK_INT(t.field, idx(f, "m_name"));
	CHECK_INT(t.instance, 1);
	/* Back from the new instance's first field: the last field of the
	 * previous instance (no add-another between existing instances). */
	REQUIRE(form_step_prev(a, &t, &t));
	CHECK_INT(t.field, idx(f, "m_rel"));
	CHECK_INT(t.instance, 0);
	/* Prev of the first step and next of the last. */
	REQUIRE(form_step_next(a, NULL, &t));
	CHECK(!form_step_prev(a, &t, &s));
	REQUIRE(form_step_prev(a, NULL, &t));
	CHECK_INT(t.field, idx(f, "has_kids"));
	CHECK(!form_step_next(a, &t, &s));
	answers_free(a);
	form_free(f);
}

TEST(conditions_per_instance_and_across)
{
	form *f = load_household();
	REQUIRE(f);
	answers *a = answers_new(f);
	const field *school = form_field_by_id(f, "m_school");
	const field *note = form_field_by_id(f, "school_note");
	CHECK_INT(answers_repeat_add(a, "members"), 1);
	CHECK_INT(answers_set_at(a, "m_rel", 0, "妻", NULL), ANSWER_OK);
	CHECK_INT(answers_set_at(a, "m_rel", 1, "子", NULL), ANSWER_OK);
	/* Same instance first. */
	CHECK(!field_applies_at(a, school, 0));
	CHECK(field_applies_at(a, school, 1));
	CHECK(!field_applies_at(a, school, 2));
	/* Outside the repeat: any instance. */
	CHECK(!field_applies(a, note));
	CHECK_INT(answers_set_at(a, "m_school", 1, "yes", NULL), ANSWER_OK);
	CHECK(field_applies(a, note));
	/* A hidden answer counts as unanswered. */
	CHECK_INT(answers_set_at(a, "m_rel", 1, "父", NULL), ANSWER_OK);
	CHECK(!field_applies(a, note));
	/* A repeat whose show-if fails hides its fields. */
	const field *kn = form_field_by_id(f, "k_name");
	CHECK_INT(answers_set_at(a, "k_name", 0, "花子", NULL), ANSWER_OK);
	CHECK(!field_applies_at(a, kn, 0));
	CHECK_INT(answers_set(a, "has_kids", "yes", NULL), ANSWER_OK);
	CHECK(field_applies_at(a, kn, 0));
	CHECK(field_required_now_at(a, kn, 0));
	answers_free(a);
	form_free(f);
}

TEST(complete_step_names_the_instance)
{
	form *f = load_household();
	REQUIRE(f);
	answers *a = answers_new(f);
	form_step m;
	int missing = -1;
	date_set_today("2025-06-15");
	answer_top(a);
	CHECK(!answers_complete_step(a, &m));
	CHECK_INT(m.field, idx(f, "m_name"));
	CHECK_INT(m.instance, 0);
	CHECK_INT(answers_set_at(a, "m_name", 0, "山田 太郎", NULL), ANSWER_OK);
	CHECK_INT(answers_set_at(a, "m_rel", 0, "世帯主", NULL), ANSWER_OK);
	CHECK_INT(answers_repeat_add(a, "members"), 1);
	CHECK_INT(answers_set_at(a, "m_name", 1, "山田 花子", NULL), ANSWER_OK);
	CHECK(!answers_complete_step(a, &m));
	CHECK_INT(m.field, idx(f, "m_rel"));
	CHECK_INT(m.instance, 1);
	CHECK(!answers_complete(a, &missing));
	CHECK_INT(missing, idx(f, "m_rel"));
	CHECK_INT(answers_set_at(a, "m_rel", 1, "妻", NULL), ANSWER_OK);
	CHECK(!answers_complete_step(a, &m));
	CHECK_INT(m.field, idx(f, "has_kids"));
	CHECK_INT(answers_set(a, "has_kids", "yes", NULL), ANSWER_OK);
	/* kids has min 0: nothing is missing until an instance exists. */
	CHECK(answers_complete_step(a, &m));
	CHECK_INT(answers_repeat_add(a, "kids"), 0);
	CHECK(!answers_complete_step(a, &m));
	CHECK_INT(m.field, idx(f, "k_name"));
	CHECK(answers_repeat_remove(a, "kids", 0));
	CHECK(answers_complete(a, NULL));
	date_set_today(NULL);
	answers_free(a);
	form_free(f);
}

TEST(prefill_household_cards)
{
	form *f = load_household();
	REQUIRE(f);
	answers *a = answers_new(f);
	prefill_value me[] = {{"card.name", "山田 太郎"}, {"card.birth", "1980-05-01"}};
	prefill_value wife[] = {{"card.name", "山田 花子"}, {"card.birth", "19820303"}};
	/* answers_prefill fills only fields outside repeats. */
	CHECK_INT(answers_prefill(a, me, 2), 2);
	CHECK(answers_get_at(a, "m_name", 0) == NULL);
	CHECK_INT(answers_prefill_instance(a, "members", 0, me, 2), 2);
	CHECK_INT(answers_prefill_instance(a, "members", 1, wife, 2), 2); /* adds it */
	CHECK_INT(answers_repeat_count(a, "members"), 2);
	CHECK_STR(answers_get_at(a, "m_birth", 1), "1982-03-03");
	CHECK(answers_prefilled_at(a, "m_name", 1));
	CHECK_INT(answers_prefill_instance(a, "members", 5, wife, 2), 0);
	CHECK_INT(answers_prefill_instance(a, "nope", 0, wife, 2), 0);
	/* Already answered: not overwritten. */
	CHECK_INT(answers_prefill_instance(a, "members", 1, me, 2), 0);
	CHECK_STR(answers_get_at(a, "m_name", 1), "山田 花子");
	/* Never the relationship: the resident declares it. */
	CHECK(answers_get_at(a, "m_rel", 0) == NULL);
	answers_free(a);
	form_free(f);
}

TEST(json_arrays_round_trip)
{
	form *f = load_household();
	REQUIRE(f);
	answers *a = answers_new(f);
	char why[200];
	answer_top(a);
	CHECK_INT(answers_set_at(a, "m_name", 0, "山田 太郎", NULL), ANSWER_OK);
	CHECK_INT(answers_set_at(a, "m_rel", 0, "世帯主", NULL), ANSWER_OK);
	CHECK_INT(answers_set_at(a, "m_name", 1, "山田 一郎", NULL), ANSWER_OK);
	CHECK_INT(answers_set_at(a, "m_rel", 1, "子", NULL), ANSWER_OK);
	CHECK_INT(answers_set_at(a, "m_school", 1, "yes", NULL), ANSWER_OK);
	CHECK_INT(answers_set(a, "has_kids", "no", NULL), ANSWER_OK);
	CHECK_INT(answers_set_at(a, "k_name", 0, "hidden", NULL), ANSWER_OK);
	CHECK_INT(answers_set(a, "school_note", "第一小学校", NULL), ANSWER_OK);
	char *j = answers_to_json(a, "ja");
	CHECK_STR(j,
	          "{\"form\": \"household\", \"form_version\": 1, \"lang\": \"ja\", \"answers\": "
	          "{\"name\": \"山田 太郎\", \"birth\": \"1980-05-01\", \"move_date\": "
	          "\"2025-04-01\", \"reason\": \"job\", \"members\": [{\"m_name\": \"山田 "
	          "太郎\", \"m_rel\": \"世帯主\"}, {\"m_name\": \"山田 一郎\", \"m_rel\": "
	          "\"子\", \"m_school\": \"yes\"}], \"has_kids\": \"no\", \"school_note\": "
	          "\"第一小学校\"}}");
	answers *b = answers_from_json_form(j, f, NULL, why, sizeof why);
	REQUIRE(b);
	char *j2 = answers_to_json(b, "ja");
	CHECK_STR(j2, j);
	/* Drafts keep hidden answers. */
	char *d = answers_to_json_ex(a, "", ANSWERS_JSON_KEEP_HIDDEN);
	CHECK(strstr(d, "\"kids\": [{\"k_name\": \"hidden\"}]") != NULL);
	answers *c = answers_from_json_form(d, f, NULL, why, sizeof why);
	REQUIRE(c);
	CHECK_STR(answers_get_at(c, "k_name", 0), "hidden");
	free(d);
	free(j);
	free(j2);
	answers_free(a);
	answers_free(b);
	answers_free(c);
	form_free(f);
}

/* Parses {"form": "household", ..., "answers": ANS}; returns the reason. */
static const char *
refuse(const form *f, const char *ans, char *why, size_t n)
{
	char json[1024];
	snprintf(json, sizeof json,
	         "{\"form\": \"household\", \"form_version\": 1, \"lang\": \"ja\", "
	         "\"answers\": %s}",
	         ans);
	answers *a = answers_from_json_form(json, f, NULL, why, n);
	if (a) {
		answers_free(a);
		return "accepted";
	}
	return why;
}

TEST(json_arrays_refused)
{
	form *f = load_household();
	REQUIRE(f);
	char why[200];
	CHECK_STR(refuse(f, "{\"members\": \"x\"}", why, sizeof why),
	          "\"members\" must be an array of objects");
	CHECK_STR(refuse(f, "{\"members\": [1]}", why, sizeof why),
	          "\"members\" must be an array of objects");
	CHECK_STR(refuse(f, "{\"members\": [{\"k_name\": \"x\"}]}", why, sizeof why),
	          "\"members\" has no field \"k_name\"");
	CHECK_STR(refuse(f, "{\"m_name\": \"x\"}", why, sizeof why),
	          "field \"m_name\" belongs in the array \"members\"");
	CHECK_STR(refuse(f, "{\"members\": [{}, {}, {}, {}]}", why, sizeof why),
	          "\"members\" has more than 3 entries");
	CHECK_STR(refuse(f, "{\"members\": [{\"m_rel\": \"となりの人\"}]}", why, sizeof why),
	          "answer \"m_rel\" of members[0] is not valid (relationship)");
	CHECK_STR(refuse(f, "{\"members\": [{\"m_name\": 5}]}", why, sizeof why),
	          "answer \"m_name\" must be a string");
	CHECK_STR(refuse(f, "{\"members\": []}", why, sizeof why), "accepted");
	/* Drafts of older definitions: unknown keys and stale values dropped. */
	answers *a = answers_from_json_ex(
	        "{\"form\": \"household\", \"form_version\": 1, \"answers\": {\"gone\": \"x\", "
	        "\"members\": [{\"m_name\": \"太郎\", \"old\": \"y\", \"m_rel\": \"隣人\"}]}}",
	        f, ANSWERS_JSON_SKIP_UNKNOWN, NULL, why, sizeof why);
	REQUIRE(a);
	CHECK_STR(answers_get_at(a, "m_name", 0), "太郎");
	CHECK(answers_get_at(a, "m_rel", 0) == NULL);
	answers_free(a);
	form_free(f);
}

/* answers_repeat_add_person: the next person starts with the person
 * before's answers to the fields the form marks same-as-previous, said
 * to come from there; other fields, the first person and a full list
 * get nothing. tests/data/forms-samehouse/samehouse.xml. */
TEST(add_person_copies_the_declared_answers)
{
	char path[512];
	form *f = NULL;
	snprintf(path, sizeof path, "%s/forms-samehouse/samehouse.xml", test_data_dir());
	REQUIRE(form_load(path, "forms", &f, NULL, NULL) == 0);
	answers *a = answers_new(f);
	REQUIRE(answers_repeat_count(a, "members") == 1);
	CHECK_INT(answers_set_at(a, "m_name", 0, "佐藤　健一", NULL), ANSWER_OK);
	CHECK_INT(answers_set_at(a, "m_honseki", 0, "東京都千代田区千代田1番地", NULL), ANSWER_OK);
	CHECK_INT(answers_set_at(a, "m_nat", 0, "jp", NULL), ANSWER_OK);
	CHECK_INT(answers_set_at(a, "m_note", 0, "備考", NULL), ANSWER_OK);
	CHECK_INT(answers_repeat_add_person(a, "members"), 1);
	CHECK_STR(answers_get_at(a, "m_honseki", 1), "東京都千代田区千代田1番地");
	CHECK_STR(answers_get_at(a, "m_nat", 1), "jp");
	CHECK_INT(answers_source_at(a, "m_nat", 1), ANSWER_SOURCE_PREVIOUS);
	CHECK(answers_prefilled_at(a, "m_honseki", 1));
	CHECK(answers_get_at(a, "m_name", 1) == NULL); /* offered by the console, not stored */
	CHECK(answers_get_at(a, "m_note", 1) == NULL); /* not marked */
	/* the copy is from the person just before, and survives a draft */
	CHECK_INT(answers_set_at(a, "m_honseki", 1, "大阪府大阪市北区1番地", NULL), ANSWER_OK);
	CHECK_INT(answers_source_at(a, "m_honseki", 1), ANSWER_SOURCE_TYPED);
	CHECK_INT(answers_repeat_add_person(a, "members"), 2);
	CHECK_STR(answers_get_at(a, "m_honseki", 2), "大阪府大阪市北区1番地");
	CHECK_STR(answer_source_name(ANSWER_SOURCE_PREVIOUS), "previous");
	CHECK_INT(answer_source_from_name("previous"), ANSWER_SOURCE_PREVIOUS);
	CHECK_INT(answers_repeat_add_person(a, "members"), 3);
	CHECK_INT(answers_repeat_add_person(a, "members"), -1); /* max 4 */
	answers_free(a);
	form_free(f);
}
