/*
 * Where answers came from (answer_source): the card, the postal code,
 * today's date, a previous procedure, typed; kept through the drafts'
 * JSON (ANSWERS_JSON_SOURCES) and left out of the handoff's. On
 * tests/data/engine/set/{household,target}.xml.
 */
#include "engine/engine.h"
#include "tests/unit/engine_fixture.h"
#include "tests/unit/test.h"

#include <stdlib.h>
#include <string.h>

TEST(source_follows_the_prefill_key_until_edited)
{
	form_set *s = engine_fixture_set("engine/set");
	REQUIRE(s);
	const form *f = form_set_find(s, "household");
	REQUIRE(f);
	answers *a = answers_new(f);
	prefill_value card[] = {{"card.name", "山田 花子"}, {"card.birth", "1950-04-01"}};
	prefill_value postal[] = {{"postal.prefecture", "東京都"}};

	CHECK_INT(answers_source_at(a, "name", 0), ANSWER_SOURCE_NONE);
	CHECK_INT(answers_prefill(a, card, 2), 2);
	CHECK_INT(answers_prefill(a, postal, 1), 1);
	CHECK_INT(answers_prefill_instance(a, "members", 0, card, 2), 2);
	CHECK_INT(answers_source_at(a, "name", 0), ANSWER_SOURCE_CARD);
	CHECK_INT(answers_source_at(a, "m_birth", 0), ANSWER_SOURCE_CARD);
	CHECK_INT(answers_source_at(a, "pref", 0), ANSWER_SOURCE_POSTAL);
	/* Enter on the same value keeps the source... */
	CHECK_INT(answers_set(a, "name", "山田 花子", NULL), ANSWER_OK);
	CHECK_INT(answers_source_at(a, "name", 0), ANSWER_SOURCE_CARD);
	/* ... one kanji corrected makes it the resident's. */
	CHECK_INT(answers_set(a, "name", "山田 華子", NULL), ANSWER_OK);
	CHECK_INT(answers_source_at(a, "name", 0), ANSWER_SOURCE_TYPED);
	CHECK(!answers_prefilled_at(a, "name", 0));
	CHECK_INT(answers_set(a, "move_date", "2025-04-01", NULL), ANSWER_OK);
	CHECK_INT(answers_source_at(a, "move_date", 0), ANSWER_SOURCE_TYPED);
	/* A cleared answer has no source. */
	answers_clear(a, "pref");
	CHECK_INT(answers_source_at(a, "pref", 0), ANSWER_SOURCE_NONE);
	CHECK_INT(answers_source_at(a, "nope", 0), ANSWER_SOURCE_NONE);
	CHECK_INT(answers_source_at(a, "m_name", 5), ANSWER_SOURCE_NONE);
	answers_free(a);
	form_set_free(s);
}

TEST(source_of_today_is_not_the_card)
{
	answers *a;
	form *f = NULL;
	REQUIRE(form_load("forms/juminhyo.xml", NULL, &f, NULL, NULL) == 0);
	a = answers_new(f);
	prefill_value v[] = {{"today", "2026-12-06"}, {"card.name", "山田 花子"}};
	answers_prefill(a, v, 2);
	for (size_t i = 0; i < form_field_count(f); i++) {
		const field *fld = form_field_at(f, i);
		if (!field_prefill(fld) || field_repeat(fld))
			continue;
		if (strcmp(field_prefill(fld), "today") == 0)
			CHECK_INT(answers_source_at(a, field_id(fld), 0), ANSWER_SOURCE_TODAY);
		if (strcmp(field_prefill(fld), "card.name") == 0)
			CHECK_INT(answers_source_at(a, field_id(fld), 0), ANSWER_SOURCE_CARD);
	}
	answers_free(a);
	form_free(f);
}

TEST(source_mark_and_names)
{
	form_set *s = engine_fixture_set("engine/set");
	REQUIRE(s);
	answers *a = answers_new(form_set_find(s, "household"));
	/* nothing to mark on an unanswered field */
	CHECK(!answers_mark_source_at(a, "reason", 0, ANSWER_SOURCE_DEFAULT));
	CHECK_INT(answers_set(a, "reason", "job", NULL), ANSWER_OK);
	CHECK(answers_mark_source_at(a, "reason", 0, ANSWER_SOURCE_DEFAULT));
	CHECK_INT(answers_source_at(a, "reason", 0), ANSWER_SOURCE_DEFAULT);
	CHECK(!answers_mark_source_at(a, "reason", 0, ANSWER_SOURCE_NONE));
	CHECK(!answers_mark_source_at(a, "reason", 0, (answer_source)99));
	CHECK_STR(answer_source_name(ANSWER_SOURCE_CARRIED), "carried");
	CHECK_STR(answer_source_name((answer_source)99), "");
	for (int k = ANSWER_SOURCE_TYPED; k <= ANSWER_SOURCE_DEFAULT; k++)
		CHECK_INT(answer_source_from_name(answer_source_name((answer_source)k)), k);
	CHECK_INT(answer_source_from_name("nonsense"), ANSWER_SOURCE_NONE);
	CHECK_INT(answer_source_from_name(NULL), ANSWER_SOURCE_NONE);
	answers_free(a);
	form_set_free(s);
}

TEST(source_of_carried_answers)
{
	form_set *s = engine_fixture_set("engine/set");
	REQUIRE(s);
	const form *f = form_set_find(s, "household");
	answers *a = answers_new(f);
	CHECK_INT(answers_set(a, "name", "山田 太郎", NULL), ANSWER_OK);
	CHECK_INT(answers_set(a, "move_date", "2025-04-01", NULL), ANSWER_OK);
	CHECK_INT(answers_set_at(a, "m_name", 0, "山田 太郎", NULL), ANSWER_OK);
	answers *b = answers_carry(a, form_set_find(s, "target"));
	CHECK_INT(answers_source_at(b, "name", 0), ANSWER_SOURCE_CARRIED);
	CHECK_INT(answers_source_at(b, "since", 0), ANSWER_SOURCE_CARRIED);
	CHECK_INT(answers_source_at(b, "m_name", 0), ANSWER_SOURCE_CARRIED);
	answers_free(b);
	answers_free(a);
	form_set_free(s);
}

TEST(source_survives_the_drafts_json_only)
{
	form_set *s = engine_fixture_set("engine/set");
	REQUIRE(s);
	const form *f = form_set_find(s, "household");
	answers *a = answers_new(f), *b;
	prefill_value card[] = {{"card.name", "山田 花子"}, {"card.birth", "1950-04-01"}};
	answers_prefill(a, card, 2);
	answers_prefill_instance(a, "members", 0, card, 2);
	CHECK_INT(answers_set(a, "birth", "1950-04-02", NULL), ANSWER_OK);
	CHECK(answers_repeat_add(a, "members") == 1);
	CHECK_INT(answers_set_at(a, "m_name", 1, "山田 一郎", NULL), ANSWER_OK);

	/* The handoff's JSON says nothing of sources. */
	char *plain = answers_to_json(a, "en");
	CHECK(strstr(plain, "sources") == NULL);
	free(plain);

	char *j = answers_to_json_ex(a, "en", ANSWERS_JSON_KEEP_HIDDEN | ANSWERS_JSON_SOURCES);
	CHECK(strstr(j, "\"sources\": {\"name\": \"card\"") != NULL);
	CHECK(strstr(j, "\"members\": [{\"m_name\": \"card\", \"m_birth\": \"card\"}, {}]") !=
	      NULL);
	b = answers_from_json_ex(j, f, ANSWERS_JSON_SOURCES, NULL, NULL, 0);
	REQUIRE(b);
	CHECK_INT(answers_source_at(b, "name", 0), ANSWER_SOURCE_CARD);
	CHECK_INT(answers_source_at(b, "birth", 0), ANSWER_SOURCE_TYPED);
	CHECK_INT(answers_source_at(b, "m_birth", 0), ANSWER_SOURCE_CARD);
	CHECK_INT(answers_source_at(b, "m_name", 1), ANSWER_SOURCE_TYPED);
	answers_free(b);
	/* Without the flag the sources are not read: everything is typed. */
	b = answers_from_json_ex(j, f, 0, NULL, NULL, 0);
	REQUIRE(b);
	CHECK_INT(answers_source_at(b, "name", 0), ANSWER_SOURCE_TYPED);
	answers_free(b);
	free(j);

	/* A tampered "sources" is ignored, never fatal. */
	const char *odd = "{\"form\": \"household\", \"form_version\": 1, \"lang\": \"en\", "
	                  "\"answers\": {\"name\": \"A\"}, \"sources\": {\"name\": 7, "
	                  "\"birth\": \"card\", \"members\": \"x\", \"pref\": \"bogus\"}}";
	b = answers_from_json_ex(odd, f, ANSWERS_JSON_SOURCES, NULL, NULL, 0);
	REQUIRE(b);
	CHECK_INT(answers_source_at(b, "name", 0), ANSWER_SOURCE_TYPED);
	CHECK_INT(answers_source_at(b, "birth", 0), ANSWER_SOURCE_NONE);
	answers_free(b);
	answers_free(a);
	form_set_free(s);
}
