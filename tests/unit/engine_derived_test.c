/*
 * Derived values (age, era), "other, please specify", prefill from the
 * postal pick with replacement, <next> procedures and answers_carry, on
 * tests/data/engine/set/{household,target}.xml.
 */
#include "engine/engine.h"
#include "tests/unit/engine_fixture.h"
#include "tests/unit/test.h"

#include <stdlib.h>

TEST(derived_age_and_era)
{
	form_set *s = engine_fixture_set("engine/set");
	REQUIRE(s);
	const form *f = form_set_find(s, "household");
	REQUIRE(f);
	answers *a = answers_new(f);
	char buf[64];
	date_set_today("2025-06-15");
	CHECK_INT(form_derived_count(f), 3);
	CHECK_STR(form_derived_id(f, 0), "age");
	CHECK_STR(form_derived_label(f, 0), "Age");
	CHECK(form_derived_label(f, 1) == NULL);
	CHECK(form_derived_id(f, 3) == NULL);
	CHECK_INT(answers_derived(a, "age", buf, sizeof buf), -1); /* unanswered */
	CHECK_INT(answers_derived(a, "nope", buf, sizeof buf), -1);
	CHECK_INT(answers_set(a, "birth", "1980-06-15", NULL), ANSWER_OK);
	CHECK_INT(answers_derived(a, "age", buf, sizeof buf), 0);
	CHECK_STR(buf, "45"); /* the birthday itself */
	CHECK_INT(answers_set(a, "birth", "1980-06-16", NULL), ANSWER_OK);
	CHECK_INT(answers_derived(a, "age", buf, sizeof buf), 0);
	CHECK_STR(buf, "44");
	CHECK_INT(answers_derived(a, "birth_era", buf, sizeof buf), 0);
	CHECK_STR(buf, "昭和55年6月16日");
	CHECK_INT(answers_set(a, "birth", "1989-01-08", NULL), ANSWER_OK);
	CHECK_INT(answers_derived(a, "birth_era", buf, sizeof buf), 0);
	CHECK_STR(buf, "平成元年1月8日");
	CHECK_INT(answers_derived(a, "birth_era", buf, 4), -1); /* too small */
	/* Per instance, at another date answer. */
	CHECK_INT(answers_set_at(a, "m_birth", 0, "2019-04-02", NULL), ANSWER_OK);
	CHECK_INT(answers_derived_at(a, "m_age", 0, buf, sizeof buf), -1); /* no move_date */
	CHECK_INT(answers_set(a, "move_date", "2025-04-01", NULL), ANSWER_OK);
	CHECK_INT(answers_derived_at(a, "m_age", 0, buf, sizeof buf), 0);
	CHECK_STR(buf, "5");
	CHECK_INT(answers_derived_at(a, "m_age", 1, buf, sizeof buf), -1);
	/* A leap-day birth: one year older on 1 March in other years. */
	CHECK_INT(answers_set_at(a, "m_birth", 0, "2020-02-29", NULL), ANSWER_OK);
	CHECK_INT(answers_set(a, "move_date", "2021-02-28", NULL), ANSWER_OK);
	CHECK_INT(answers_derived_at(a, "m_age", 0, buf, sizeof buf), 0);
	CHECK_STR(buf, "0");
	CHECK_INT(answers_set(a, "move_date", "2021-03-01", NULL), ANSWER_OK);
	CHECK_INT(answers_derived_at(a, "m_age", 0, buf, sizeof buf), 0);
	CHECK_STR(buf, "1");
	/* An "at" date before the birth has no age. */
	CHECK_INT(answers_set(a, "move_date", "2019-01-01", NULL), ANSWER_OK);
	CHECK_INT(answers_derived_at(a, "m_age", 0, buf, sizeof buf), -1);
	date_set_today(NULL);
	answers_free(a);
	form_set_free(s);
}

TEST(other_specify_adds_a_field)
{
	form_set *s = engine_fixture_set("engine/set");
	REQUIRE(s);
	const form *f = form_set_find(s, "household");
	const field *reason = form_field_by_id(f, "reason");
	const field *other = form_field_by_id(f, "reason_other");
	REQUIRE(reason && other);
	CHECK_INT(form_field_index(f, other), form_field_index(f, reason) + 1);
	CHECK(field_choice_other(reason, 1));
	CHECK(!field_choice_other(reason, 0));
	CHECK(!field_choice_other(reason, 9));
	CHECK(field_other_of(other) == reason);
	CHECK(field_other_of(reason) == NULL);
	CHECK(field_kind(other) == FIELD_TEXT);
	CHECK(field_required(other));
	CHECK_STR(field_label(other), "Something else");
	CHECK_STR(field_term(other), "理由（その他）");
	answers *a = answers_new(f);
	CHECK(!field_applies(a, other));
	CHECK_INT(answers_set(a, "reason", "other", NULL), ANSWER_OK);
	CHECK(field_applies(a, other));
	CHECK(field_required_now(a, other));
	CHECK_INT(answers_set(a, "reason_other", "", NULL), ANSWER_ERR_REQUIRED);
	CHECK_INT(answers_set(a, "reason_other", "家族の介護", NULL), ANSWER_OK);
	char *j = answers_to_json(a, "en");
	CHECK(strstr(j, "\"reason\": \"other\", \"reason_other\": \"家族の介護\"") != NULL);
	free(j);
	CHECK_INT(answers_set(a, "reason", "job", NULL), ANSWER_OK);
	j = answers_to_json(a, "en");
	CHECK(strstr(j, "reason_other") == NULL);
	free(j);
	answers_free(a);
	form_set_free(s);
}

TEST(prefill_postal_pick_replaces_only_its_own_values)
{
	form_set *s = engine_fixture_set("engine/set");
	REQUIRE(s);
	const form *f = form_set_find(s, "household");
	answers *a = answers_new(f);
	prefill_value first[] = {{"postal.prefecture", "東京都"}, {"postal.city", "千代田区"}};
	prefill_value second[] = {{"postal.prefecture", "神奈川県"}, {"postal.city", "川崎市"}};
	CHECK_INT(answers_prefill(a, first, 2), 2);
	CHECK(answers_prefilled_at(a, "pref", 0));
	/* answers_prefill never overwrites. */
	CHECK_INT(answers_prefill(a, second, 2), 0);
	CHECK_STR(answers_get(a, "pref"), "東京都");
	/* Confirming the same value keeps it replaceable. */
	CHECK_INT(answers_set(a, "pref", "東京都", NULL), ANSWER_OK);
	CHECK(answers_prefilled_at(a, "pref", 0));
	/* The resident changed the city: it stays. */
	CHECK_INT(answers_set(a, "city", "千代田区 丸の内", NULL), ANSWER_OK);
	CHECK(!answers_prefilled_at(a, "city", 0));
	CHECK_INT(answers_prefill_replace(a, second, 2), 1);
	CHECK_STR(answers_get(a, "pref"), "神奈川県");
	CHECK_STR(answers_get(a, "city"), "千代田区 丸の内");
	CHECK(!answers_prefilled_at(a, "nope", 0));
	answers_free(a);
	form_set_free(s);
}

TEST(next_procedures_and_carry)
{
	form_set *s = engine_fixture_set("engine/set");
	REQUIRE(s);
	const form *f = form_set_find(s, "household");
	const form *t = form_set_find(s, "target");
	REQUIRE(f && t);
	CHECK_INT(form_set_check(s, NULL, NULL), 0);
	CHECK_INT(form_next_count(f), 4);
	CHECK_STR(form_next_form(f, 0), "target");
	CHECK_STR(form_next_label(f, 0), "Target procedure");
	CHECK_STR(form_next_term(f, 0), "次の手続");
	CHECK(form_next_form(f, 1) == NULL);
	CHECK_STR(form_next_term(f, 1), "国民健康保険の資格喪失");
	CHECK(form_next_form(f, 2) == NULL);
	CHECK(form_next_form(f, 3) == NULL);
	CHECK_INT(form_next_count(t), 0);

	answers *a = answers_new(f);
	CHECK_INT(answers_set(a, "name", "山田 太郎", NULL), ANSWER_OK);
	CHECK_INT(answers_set(a, "birth", "1980-05-01", NULL), ANSWER_OK);
	CHECK_INT(answers_set(a, "move_date", "2025-04-01", NULL), ANSWER_OK);
	CHECK_INT(answers_set(a, "reason", "other", NULL), ANSWER_OK);
	CHECK_INT(answers_set_at(a, "m_name", 0, "山田 太郎", NULL), ANSWER_OK);
	CHECK_INT(answers_set_at(a, "m_rel", 0, "世帯主", NULL), ANSWER_OK);
	CHECK_INT(answers_set_at(a, "m_name", 1, "山田 一郎", NULL), ANSWER_OK);
	CHECK_INT(answers_set_at(a, "m_rel", 1, "子", NULL), ANSWER_OK);
	CHECK_INT(answers_set_at(a, "m_name", 2, "山田 次郎", NULL), ANSWER_OK);

	answers *b = answers_carry(a, t);
	REQUIRE(b);
	CHECK(answers_form(b) == t);
	CHECK_STR(answers_get(b, "name"), "山田 太郎");
	CHECK(answers_prefilled_at(b, "name", 0));
	CHECK(answers_get(b, "birth") == NULL);           /* date into text: types differ */
	CHECK(answers_get(b, "reason") == NULL);          /* "other" is not a choice there */
	CHECK_STR(answers_get(b, "since"), "2025-04-01"); /* <carry from to> */
	CHECK_INT(answers_repeat_count(b, "members"), 2); /* max 2 there */
	CHECK_STR(answers_get_at(b, "m_name", 1), "山田 一郎");
	CHECK_STR(answers_get_at(b, "m_rel", 1), "子");
	/* the card's birth date, as this form took it, under another id */
	CHECK_STR(answers_get(b, "born"), "1980-05-01");
	CHECK(answers_prefilled_at(b, "born", 0));
	CHECK(answers_get(b, "where") == NULL); /* no part answered */
	answers_free(b);

	/* <part>s join, each after its before= when text comes before it;
	 * an empty part and its before= are left out; a join too long for
	 * the field is not carried */
	CHECK_INT(answers_set(a, "city", "横浜市西区", NULL), ANSWER_OK);
	b = answers_carry(a, t);
	CHECK_STR(answers_get(b, "where"), "横浜市西区");
	answers_free(b);
	CHECK_INT(answers_set(a, "pref", "神奈川県", NULL), ANSWER_OK);
	b = answers_carry(a, t);
	CHECK_STR(answers_get(b, "where"), "神奈川県　横浜市西区");
	CHECK(answers_prefilled_at(b, "where", 0));
	CHECK(answers_get(b, "where_short") == NULL);
	answers_free(b);

	/* No <next> for that form: nothing carries. */
	b = answers_carry(a, f);
	CHECK(answers_get(b, "name") == NULL);
	answers_free(b);
	answers_free(a);
	form_set_free(s);
}

/* <next><when><age .../></when>: a member's age on the moving-in date,
 * for any member; a <next> without <when> always applies. */
TEST(next_when_age)
{
	form_set *s = engine_fixture_set("engine/set");
	REQUIRE(s);
	const form *f = form_set_find(s, "household");
	REQUIRE(f);
	answers *a = answers_new(f);
	CHECK(form_next_applies(a, 0));
	CHECK(!form_next_applies(a, 2)); /* nobody's birth date yet */
	CHECK_INT(answers_set(a, "move_date", "2025-04-01", NULL), ANSWER_OK);
	CHECK_INT(answers_set_at(a, "m_birth", 0, "1990-01-01", NULL), ANSWER_OK);
	CHECK(!form_next_applies(a, 2));
	CHECK_INT(answers_repeat_add(a, "members"), 1);
	/* 65 the day after moving in: not yet */
	CHECK_INT(answers_set_at(a, "m_birth", 1, "1960-04-02", NULL), ANSWER_OK);
	CHECK(!form_next_applies(a, 2));
	/* 65 on the day */
	CHECK_INT(answers_set_at(a, "m_birth", 1, "1960-04-01", NULL), ANSWER_OK);
	CHECK(form_next_applies(a, 2));
	answers_free(a);
	form_set_free(s);
}

/* <passed>: a date answer that is today or earlier, by the engine's today. */
TEST(next_when_passed)
{
	form_set *s = engine_fixture_set("engine/set");
	REQUIRE(s);
	const form *f = form_set_find(s, "household");
	REQUIRE(f);
	answers *a = answers_new(f);
	REQUIRE(date_set_today("2026-12-06") == 0);
	CHECK(!form_next_applies(a, 3)); /* unanswered */
	CHECK_INT(answers_set(a, "move_date", "2026-12-07", NULL), ANSWER_OK);
	CHECK(!form_next_applies(a, 3));
	CHECK_INT(answers_set(a, "move_date", "2026-12-06", NULL), ANSWER_OK);
	CHECK(form_next_applies(a, 3));
	CHECK_INT(answers_set(a, "move_date", "2025-04-01", NULL), ANSWER_OK);
	CHECK(form_next_applies(a, 3));
	CHECK(!form_next_applies(a, 4)); /* past the end */
	date_set_today(NULL);
	answers_free(a);
	form_set_free(s);
}
