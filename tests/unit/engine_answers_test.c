/*
 * Answers: get/set/put/clear, prefill, conditions, navigation,
 * completeness and the JSON contract, on tests/data/engine/types.xml.
 */
#include "engine/engine.h"
#include "tests/unit/test.h"

#include <stdlib.h>

static form *
load_types(void)
{
	char path[512];
	form *f = NULL;
	snprintf(path, sizeof path, "%s/engine/types.xml", test_data_dir());
	if (form_load(path, "forms", &f, NULL, NULL) != 0)
		return NULL;
	return f;
}

static int
idx(const form *f, const char *id)
{
	return form_field_index(f, form_field_by_id(f, id));
}

TEST(set_get_clear)
{
	form *f = load_types();
	REQUIRE(f);
	answers *a = answers_new(f);
	answer_error e;
	CHECK(answers_form(a) == f);
	CHECK(answers_get(a, "name") == NULL);
	CHECK_INT(answers_set(a, "name", "  山田 太郎　", &e), ANSWER_OK);
	CHECK_STR(answers_get(a, "name"), "山田 太郎");
	CHECK_INT(answers_set(a, "name", "", &e), ANSWER_ERR_REQUIRED);
	CHECK_STR(answers_get(a, "name"), "山田 太郎");
	answers_clear(a, "name");
	CHECK(answers_get(a, "name") == NULL);
	CHECK_INT(answers_set(a, "nope", "x", &e), ANSWER_ERR_UNKNOWN_FIELD);
	CHECK_INT(e.status, ANSWER_ERR_UNKNOWN_FIELD);
	CHECK(answers_get(a, "nope") == NULL);
	CHECK_INT(answers_set(a, "name", "x", NULL), ANSWER_OK);
	/* Optional fields clear on empty input. */
	CHECK_INT(answers_set(a, "phone", "090-1234-5678", &e), ANSWER_OK);
	CHECK_INT(answers_set(a, "phone", "　", &e), ANSWER_OK);
	CHECK(answers_get(a, "phone") == NULL);
	answers_free(a);
	form_free(f);
}

TEST(put_stores_as_is)
{
	form *f = load_types();
	REQUIRE(f);
	answers *a = answers_new(f);
	CHECK_INT(answers_put(a, "count", "999"), ANSWER_OK);
	CHECK_STR(answers_get(a, "count"), "999");
	CHECK_INT(answers_put(a, "count", ""), ANSWER_OK);
	CHECK(answers_get(a, "count") == NULL);
	CHECK_INT(answers_put(a, "count", NULL), ANSWER_OK);
	CHECK_INT(answers_put(a, "ghost", "1"), ANSWER_ERR_UNKNOWN_FIELD);
	answers_free(a);
	form_free(f);
}

TEST(text_too_long_and_bad_utf8)
{
	form *f = load_types();
	REQUIRE(f);
	answers *a = answers_new(f);
	answer_error e;
	CHECK_INT(answers_set(a, "name", "あいうえおかきくけこ", &e), ANSWER_OK); /* 10 chars */
	CHECK_INT(answers_set(a, "name", "あいうえおかきくけこさ", &e), ANSWER_ERR_TOO_LONG);
	CHECK_INT(e.max, 10);
	CHECK_INT(answers_set(a, "name", "ab\xff", &e), ANSWER_ERR_BAD_UTF8);
	CHECK_INT(answers_set(a, "name", "\xc0\xaf", &e), ANSWER_ERR_BAD_UTF8);     /* overlong */
	CHECK_INT(answers_set(a, "name", "\xed\xa0\x80", &e), ANSWER_ERR_BAD_UTF8); /* surrogate */
	CHECK_INT(answers_set(a, "name", "\xe3\x81", &e), ANSWER_ERR_BAD_UTF8);     /* truncated */
	CHECK_STR(answers_get(a, "name"), "あいうえおかきくけこ");
	/* Control characters become spaces; half-width katakana widens. */
	CHECK_INT(answers_set(a, "name", "a\tb\nc", &e), ANSWER_OK);
	CHECK_STR(answers_get(a, "name"), "a b c");
	CHECK_INT(answers_set(a, "name", "\x1f a\x7f", &e), ANSWER_OK);
	CHECK_STR(answers_get(a, "name"), "a");
	CHECK_INT(answers_set(a, "name", "ｶﾞｯｺｳ", &e), ANSWER_OK);
	CHECK_STR(answers_get(a, "name"), "ガッコウ");
	answers_free(a);
	form_free(f);
}

TEST(number_rules)
{
	form *f = load_types();
	REQUIRE(f);
	answers *a = answers_new(f);
	answer_error e;
	CHECK_INT(answers_set(a, "count", "3", &e), ANSWER_OK);
	CHECK_STR(answers_get(a, "count"), "3");
	CHECK_INT(answers_set(a, "count", "１０", &e), ANSWER_OK);
	CHECK_STR(answers_get(a, "count"), "10");
	CHECK_INT(answers_set(a, "count", " 007 ", &e), ANSWER_OK);
	CHECK_STR(answers_get(a, "count"), "7");
	CHECK_INT(answers_set(a, "count", "1", &e), ANSWER_OK);
	CHECK_INT(answers_set(a, "count", "0", &e), ANSWER_ERR_NUMBER_RANGE);
	CHECK_INT(e.min, 1);
	CHECK_INT(e.max, 10);
	CHECK_INT(answers_set(a, "count", "11", &e), ANSWER_ERR_NUMBER_RANGE);
	CHECK_INT(answers_set(a, "count", "-1", &e), ANSWER_ERR_NUMBER_RANGE);
	CHECK_INT(answers_set(a, "count", "99999999999999999999", &e), ANSWER_ERR_NUMBER_RANGE);
	CHECK_INT(answers_set(a, "count", "2.5", &e), ANSWER_ERR_NUMBER);
	CHECK_INT(answers_set(a, "count", "three", &e), ANSWER_ERR_NUMBER);
	CHECK_INT(answers_set(a, "count", "1 0", &e), ANSWER_ERR_NUMBER);
	CHECK_INT(answers_set(a, "count", "-", &e), ANSWER_ERR_NUMBER);
	CHECK_INT(answers_set(a, "count", "", &e), ANSWER_ERR_REQUIRED);
	CHECK_STR(answers_get(a, "count"), "1");
	answers_free(a);
	form_free(f);
}

TEST(phone_rules)
{
	form *f = load_types();
	REQUIRE(f);
	answers *a = answers_new(f);
	answer_error e;
	static const struct {
		const char *in, *want;
	} ok[] = {
	        /* the resident's groups stay, each separator one "-" */
	        {"090-1234-5678", "090-1234-5678"},
	        {"０９０－１２３４－５６７８", "090-1234-5678"},
	        {"03-1234-5678", "03-1234-5678"},
	        {"03(1234)5678", "03-1234-5678"},
	        {"0120-123-456", "0120-123-456"},
	        {"０３ー１２３４ー５６７８", "03-1234-5678"},
	        {"+81 90 1234 5678", "090-1234-5678"},
	        {"+81-3-1234-5678", "03-1234-5678"},
	        {"03 - 1234 -- 5678", "03-1234-5678"},
	        {"0312345678", "0312345678"},
	        {"0463-12-3456", "0463-12-3456"},
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		CHECK_INT(answers_set(a, "phone", ok[i].in, &e), ANSWER_OK);
		CHECK_STR(answers_get(a, "phone"), ok[i].want);
	}
	static const char *const bad[] = {"123",           "090-1234-56789",  "9012345678",
	                                  "090-1234-567a", "+1 212 555 1234", "03.1234.5678"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		CHECK_INT(answers_set(a, "phone", bad[i], &e), ANSWER_ERR_PHONE);
	answers_free(a);
	form_free(f);
}

TEST(postal_rules)
{
	form *f = load_types();
	REQUIRE(f);
	answers *a = answers_new(f);
	answer_error e;
	static const char *const ok[] = {"160-0023", "1600023", "１６０－００２３", "〒160-0023",
	                                 "〒 １６００ ０２３" /* not ok: see below */};
	for (size_t i = 0; i < 4; i++) {
		CHECK_INT(answers_set(a, "postal", ok[i], &e), ANSWER_OK);
		CHECK_STR(answers_get(a, "postal"), "160-0023");
	}
	CHECK_INT(answers_set(a, "postal", ok[4], &e), ANSWER_ERR_POSTAL);
	static const char *const bad[] = {"160-002", "16000234", "1600-023", "abc-defg",
	                                  "160--0023"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		CHECK_INT(answers_set(a, "postal", bad[i], &e), ANSWER_ERR_POSTAL);
	CHECK_INT(answers_set(a, "postal", "160ー0023", &e), ANSWER_OK);
	answers_free(a);
	form_free(f);
}

TEST(choice_and_multi_rules)
{
	form *f = load_types();
	REQUIRE(f);
	answers *a = answers_new(f);
	answer_error e;
	CHECK_INT(answers_set(a, "agree", "yes", &e), ANSWER_OK);
	CHECK_STR(answers_get(a, "agree"), "yes");
	CHECK_INT(answers_set(a, "agree", "maybe", &e), ANSWER_ERR_CHOICE);
	CHECK_INT(answers_set(a, "agree", "Yes", &e), ANSWER_ERR_CHOICE);
	CHECK_INT(answers_set(a, "agree", "", &e), ANSWER_ERR_REQUIRED);
	CHECK_STR(answers_get(a, "agree"), "yes");
	/* Multi: any order and separator, stored once each in definition order. */
	CHECK_INT(answers_set(a, "pets", "fish cat", &e), ANSWER_OK);
	CHECK_STR(answers_get(a, "pets"), "cat fish");
	CHECK_INT(answers_set(a, "pets", "dog,cat, dog", &e), ANSWER_OK);
	CHECK_STR(answers_get(a, "pets"), "cat dog");
	CHECK_INT(answers_set(a, "pets", "cat bird", &e), ANSWER_ERR_CHOICE);
	CHECK_STR(answers_get(a, "pets"), "cat dog");
	/* Readers ask per choice, whole ids only. */
	const field *pets = form_field_by_id(f, "pets");
	int cat = field_choice_index(pets, "cat"), dog = field_choice_index(pets, "dog"),
	    fish = field_choice_index(pets, "fish");
	REQUIRE(cat >= 0 && dog >= 0 && fish >= 0);
	CHECK(field_multi_has(pets, "cat dog", (size_t)cat));
	CHECK(field_multi_has(pets, "cat dog", (size_t)dog));
	CHECK(!field_multi_has(pets, "cat dog", (size_t)fish));
	CHECK(!field_multi_has(pets, "catdog", (size_t)cat));
	CHECK(!field_multi_has(pets, "cat dog", field_choice_count(pets)));
	CHECK(!field_multi_has(pets, NULL, (size_t)cat));
	CHECK_INT(answers_set(a, "pets", "", &e), ANSWER_OK);
	CHECK(answers_get(a, "pets") == NULL);
	answers_free(a);
	form_free(f);
}

TEST(birth_date_not_in_future)
{
	form *f = load_types();
	REQUIRE(f);
	answers *a = answers_new(f);
	answer_error e;
	date_set_today("2025-06-15");
	CHECK_INT(answers_set(a, "birth", "2025-06-15", &e), ANSWER_OK);
	CHECK_INT(answers_set(a, "birth", "2025-06-16", &e), ANSWER_ERR_DATE_FUTURE);
	CHECK_INT(answers_set(a, "birth", "令和7年6月16日", &e), ANSWER_ERR_DATE_FUTURE);
	CHECK_INT(answers_set(a, "birth", "S20.4.1", &e), ANSWER_OK);
	CHECK_STR(answers_get(a, "birth"), "1945-04-01");
	/* A date field without past= takes the future. */
	CHECK_INT(answers_set(a, "when", "2030-01-01", &e), ANSWER_OK);
	CHECK_INT(answers_set(a, "when", "2023-02-29", &e), ANSWER_ERR_DATE_INVALID);
	CHECK_INT(answers_set(a, "when", "昨日", &e), ANSWER_ERR_DATE_FORMAT);
	date_set_today(NULL);
	answers_free(a);
	form_free(f);
}

TEST(kana_field)
{
	form *f = load_types();
	REQUIRE(f);
	answers *a = answers_new(f);
	answer_error e;
	CHECK_INT(answers_set(a, "kana", "やまだ たろう", &e), ANSWER_OK);
	CHECK_STR(answers_get(a, "kana"), "ヤマダ　タロウ");
	CHECK_INT(answers_set(a, "kana", "山田", &e), ANSWER_ERR_KANA);
	CHECK_STR(answers_get(a, "kana"), "ヤマダ　タロウ");
	answers_free(a);
	form_free(f);
}

TEST(prefill_from_card)
{
	form *f = load_types();
	REQUIRE(f);
	answers *a = answers_new(f);
	date_set_today("2025-06-15");
	prefill_value v[] = {
	        {"card.name", "山田 花子"},
	        {"card.birth", "1960-03-04"},
	        {"card.sex", "2"},
	        {"today", "2025-06-15"},
	        {"card.family_name", "やまだ"},
	        {"card.address", "東京都"},
	};
	CHECK_INT(answers_prefill(a, v, sizeof v / sizeof v[0]), 5);
	CHECK_STR(answers_get(a, "name"), "山田 花子");
	CHECK_STR(answers_get(a, "birth"), "1960-03-04");
	CHECK_STR(answers_get(a, "sex"), "female");
	CHECK_STR(answers_get(a, "when"), "2025-06-15");
	CHECK_STR(answers_get(a, "kana"), "ヤマダ");
	/* Answered fields are not overwritten. */
	prefill_value w[] = {{"card.name", "別人"}, {"card.sex", "1"}};
	CHECK_INT(answers_prefill(a, w, 2), 0);
	CHECK_STR(answers_get(a, "name"), "山田 花子");
	answers_free(a);

	/* Values that do not fit are skipped, not stored. */
	a = answers_new(f);
	prefill_value bad[] = {
	        {"card.name", "とても長い名前がここに入ります"}, /* > max 10 */
	        {"card.birth", "2099-01-01"},                    /* future */
	        {"card.sex", "9"},                               /* no such code */
	        {"card.family_name", "Yamada"},                  /* not kana */
	        {"today", NULL},
	};
	CHECK_INT(answers_prefill(a, bad, sizeof bad / sizeof bad[0]), 0);
	CHECK(answers_get(a, "name") == NULL);
	CHECK(answers_get(a, "sex") == NULL);
	/* Birth as YYYYMMDD (the persona format) is read too. */
	prefill_value ymd[] = {{"card.birth", "19450401"}};
	CHECK_INT(answers_prefill(a, ymd, 1), 1);
	CHECK_STR(answers_get(a, "birth"), "1945-04-01");
	date_set_today(NULL);
	answers_free(a);
	form_free(f);
}

TEST(conditions)
{
	form *f = load_types();
	REQUIRE(f);
	answers *a = answers_new(f);
	const field *why = form_field_by_id(f, "why");
	const field *more = form_field_by_id(f, "why_more");
	const field *dog = form_field_by_id(f, "dog_name");
	const field *notyes = form_field_by_id(f, "not_yes");
	const field *combo = form_field_by_id(f, "combo");

	CHECK(field_applies(a, form_field_by_id(f, "name")));
	CHECK(!field_applies(a, why));
	CHECK(!field_applies(a, notyes)); /* not-equals needs an answer */
	CHECK(answers_set(a, "agree", "no", NULL) == ANSWER_OK);
	CHECK(field_applies(a, why));
	CHECK(field_applies(a, notyes));
	CHECK(!field_applies(a, more));
	CHECK(answers_set(a, "why", "busy", NULL) == ANSWER_OK);
	CHECK(field_applies(a, more));
	/* Hiding "why" hides what depended on its answer, though it is kept. */
	CHECK(answers_set(a, "agree", "yes", NULL) == ANSWER_OK);
	CHECK(!field_applies(a, why));
	CHECK(!field_applies(a, more));
	CHECK(!field_applies(a, notyes));
	CHECK_STR(answers_get(a, "why"), "busy");

	CHECK(!field_applies(a, dog));
	CHECK(answers_set(a, "pets", "cat dog", NULL) == ANSWER_OK);
	CHECK(field_applies(a, dog));
	CHECK(answers_set(a, "pets", "cat", NULL) == ANSWER_OK);
	CHECK(!field_applies(a, dog));

	/* any(all(sex=female, not(pets includes cat)), count=7) */
	CHECK(!field_applies(a, combo));
	CHECK(answers_set(a, "sex", "female", NULL) == ANSWER_OK);
	CHECK(!field_applies(a, combo)); /* has a cat */
	CHECK(answers_set(a, "pets", "fish", NULL) == ANSWER_OK);
	CHECK(field_applies(a, combo));
	CHECK(answers_set(a, "sex", "male", NULL) == ANSWER_OK);
	CHECK(!field_applies(a, combo));
	CHECK(answers_set(a, "count", "7", NULL) == ANSWER_OK);
	CHECK(field_applies(a, combo));
	CHECK(!field_applies(NULL, combo));
	answers_free(a);
	form_free(f);
}

TEST(required_only_when_applies)
{
	form *f = load_types();
	REQUIRE(f);
	answers *a = answers_new(f);
	answer_error e;
	/* "why" is required but hidden: clearing it is fine. */
	CHECK_INT(answers_set(a, "why", "", &e), ANSWER_OK);
	CHECK(answers_set(a, "agree", "no", NULL) == ANSWER_OK);
	CHECK_INT(answers_set(a, "why", "", &e), ANSWER_ERR_REQUIRED);
	answers_free(a);
	form_free(f);
}

TEST(required_if)
{
	form *f = load_types();
	REQUIRE(f);
	answers *a = answers_new(f);
	const field *reason = form_field_by_id(f, "reason");
	answer_error e;
	CHECK(!field_required(reason));
	CHECK(!field_required_now(a, reason));
	CHECK(field_required_now(a, form_field_by_id(f, "name")));
	CHECK(!field_required_now(a, form_field_by_id(f, "why"))); /* hidden */
	CHECK_INT(answers_set(a, "reason", "", &e), ANSWER_OK);
	CHECK(answers_set(a, "pets", "fish", NULL) == ANSWER_OK);
	CHECK(field_required_now(a, reason));
	CHECK_INT(answers_set(a, "reason", "", &e), ANSWER_ERR_REQUIRED);
	CHECK(answers_set(a, "name", "A", NULL) == ANSWER_OK);
	CHECK(answers_set(a, "count", "1", NULL) == ANSWER_OK);
	CHECK(answers_set(a, "agree", "yes", NULL) == ANSWER_OK);
	int miss;
	CHECK(!answers_complete(a, &miss));
	CHECK_INT(miss, idx(f, "reason"));
	CHECK(answers_set(a, "pets", "cat", NULL) == ANSWER_OK);
	CHECK(answers_complete(a, NULL));
	answers_free(a);
	form_free(f);
}

TEST(next_prev)
{
	form *f = load_types();
	REQUIRE(f);
	answers *a = answers_new(f);
	int n = (int)form_field_count(f);
	CHECK_INT(form_next_field(a, -1), 0);
	/* Everything after agree is hidden while agree and pets are empty. */
	CHECK_INT(form_next_field(a, idx(f, "agree")), -1);
	CHECK_INT(form_prev_field(a, n), idx(f, "agree"));
	CHECK_INT(form_prev_field(a, 0), -1);
	CHECK_INT(form_prev_field(a, 1), 0);
	CHECK_INT(form_next_field(a, 0), 1);
	CHECK(answers_set(a, "agree", "no", NULL) == ANSWER_OK);
	CHECK_INT(form_next_field(a, idx(f, "agree")), idx(f, "why"));
	CHECK_INT(form_next_field(a, idx(f, "why")), idx(f, "not_yes"));
	CHECK_INT(form_prev_field(a, idx(f, "not_yes")), idx(f, "why"));
	CHECK(answers_set(a, "why", "x", NULL) == ANSWER_OK);
	CHECK_INT(form_next_field(a, idx(f, "why")), idx(f, "why_more"));
	CHECK_INT(form_next_field(a, n - 1), -1);
	CHECK_INT(form_next_field(a, n + 5), -1);
	CHECK_INT(form_prev_field(a, n + 5), idx(f, "not_yes"));
	answers_free(a);
	form_free(f);
}

TEST(complete)
{
	form *f = load_types();
	REQUIRE(f);
	answers *a = answers_new(f);
	int miss = -1;
	CHECK(!answers_complete(a, &miss));
	CHECK_INT(miss, idx(f, "name"));
	CHECK(answers_set(a, "name", "A", NULL) == ANSWER_OK);
	CHECK(!answers_complete(a, &miss));
	CHECK_INT(miss, idx(f, "count"));
	CHECK(answers_set(a, "count", "2", NULL) == ANSWER_OK);
	CHECK(!answers_complete(a, &miss));
	CHECK_INT(miss, idx(f, "agree"));
	CHECK(answers_set(a, "agree", "no", NULL) == ANSWER_OK);
	CHECK(!answers_complete(a, &miss));
	CHECK_INT(miss, idx(f, "reason")); /* required-if agree=no, and before "why" */
	CHECK(answers_set(a, "reason", "r", NULL) == ANSWER_OK);
	CHECK(!answers_complete(a, &miss));
	CHECK_INT(miss, idx(f, "why"));
	CHECK(answers_set(a, "agree", "yes", NULL) == ANSWER_OK);
	miss = 42;
	CHECK(answers_complete(a, &miss));
	CHECK_INT(miss, 42);
	CHECK(answers_complete(a, NULL));
	answers_free(a);
	form_free(f);
}

TEST(status_names)
{
	CHECK_STR(answer_status_name(ANSWER_OK), "ok");
	CHECK_STR(answer_status_name(ANSWER_ERR_ERA_RANGE), "era-range");
	CHECK_STR(answer_status_name(ANSWER_ERR_UNKNOWN_FIELD), "unknown-field");
	CHECK_STR(answer_status_name((answer_status)99), "?");
	CHECK_STR(field_type_name(FIELD_POSTAL), "postal");
}
