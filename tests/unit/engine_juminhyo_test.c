/*
 * The real 住民票の写し等交付請求書 definition, walked the way the console
 * walks it: which questions come, in which order, for each kind of
 * requester. The lead's tmux end-to-end test relies on this sequence.
 */
#include "engine/engine.h"
#include "tests/unit/test.h"

#include <stdlib.h>

static form *
juminhyo(void)
{
	form *f = NULL;
	if (form_load("forms/juminhyo.xml", NULL, &f, NULL, NULL) != 0)
		return NULL;
	return f;
}

/* The applicable field ids from the start, space-separated. */
static char *
walk(const answers *a)
{
	static char buf[1024];
	const form *f = answers_form(a);
	buf[0] = '\0';
	for (int i = form_next_field(a, -1); i >= 0; i = form_next_field(a, i)) {
		if (buf[0])
			strcat(buf, " ");
		strcat(buf, field_id(form_field_at(f, (size_t)i)));
	}
	return buf;
}

TEST(field_order_and_types)
{
	form *f = juminhyo();
	REQUIRE(f);
	static const struct {
		const char *id;
		field_type t;
		bool req;
	} want[] = {
	        {"relation", FIELD_CHOICE, true},    {"name", FIELD_TEXT, true},
	        {"kana", FIELD_KANA, false},         {"address", FIELD_TEXT, true},
	        {"birth", FIELD_DATE, true},         {"phone", FIELD_PHONE, true},
	        {"subj_name", FIELD_TEXT, true},     {"subj_address", FIELD_TEXT, true},
	        {"letter", FIELD_CHOICE, true},      {"kind", FIELD_CHOICE, true},
	        {"members", FIELD_TEXT, true},       {"copies", FIELD_NUMBER, true},
	        {"items", FIELD_MULTI, false},       {"purpose", FIELD_CHOICE, false},
	        {"purpose_other", FIELD_TEXT, true}, {"submit_to", FIELD_TEXT, false},
	        {"id_doc", FIELD_CHOICE, true},
	};
	CHECK_INT(form_field_count(f), sizeof want / sizeof want[0]);
	for (size_t i = 0; i < sizeof want / sizeof want[0] && i < form_field_count(f); i++) {
		const field *fld = form_field_at(f, i);
		CHECK_STR(field_id(fld), want[i].id);
		CHECK_INT(field_kind(fld), want[i].t);
		CHECK_INT(field_required(fld), want[i].req);
		CHECK(field_term(fld) && *field_term(fld));
		CHECK(field_label(fld) && strchr(field_label(fld), '?'));
	}
	form_free(f);
}

TEST(self_walk_and_complete)
{
	form *f = juminhyo();
	REQUIRE(f);
	answers *a = answers_new(f);
	int miss;
	date_set_today("2025-06-15");
	prefill_value card[] = {{"card.name", "山田 太郎"},
	                        {"card.address", "東京都新宿区西新宿2丁目8番1号"},
	                        {"card.birth", "1950-03-04"},
	                        {"card.sex", "1"}};
	CHECK_INT(answers_prefill(a, card, 4), 3);
	CHECK_STR(walk(a), "relation name kana address birth phone kind copies items purpose "
	                   "submit_to id_doc");
	CHECK(answers_set(a, "relation", "self", NULL) == ANSWER_OK);
	CHECK_STR(walk(a), "relation name kana address birth phone kind copies items purpose "
	                   "submit_to id_doc");
	CHECK(!answers_complete(a, &miss));
	CHECK_STR(field_id(form_field_at(f, (size_t)miss)), "phone");
	CHECK(answers_set(a, "phone", "03-1234-5678", NULL) == ANSWER_OK);
	CHECK(answers_set(a, "kind", "all", NULL) == ANSWER_OK);
	CHECK(answers_set(a, "copies", "1", NULL) == ANSWER_OK);
	CHECK(answers_set(a, "purpose", "pension", NULL) == ANSWER_OK);
	CHECK(!answers_complete(a, &miss));
	CHECK_STR(field_id(form_field_at(f, (size_t)miss)), "id_doc");
	CHECK(answers_set(a, "id_doc", "mynumber", NULL) == ANSWER_OK);
	CHECK(answers_complete(a, NULL));
	char *j = answers_to_json(a, "en");
	CHECK_STR(j, "{\"form\": \"juminhyo\", \"form_version\": 1, \"lang\": \"en\", \"answers\": "
	             "{\"relation\": \"self\", \"name\": \"山田 太郎\", \"address\": "
	             "\"東京都新宿区西新宿2丁目8番1号\", \"birth\": \"1950-03-04\", \"phone\": "
	             "\"03-1234-5678\", \"kind\": \"all\", \"copies\": \"1\", \"purpose\": "
	             "\"pension\", \"id_doc\": \"mynumber\"}}");
	free(j);
	date_set_today(NULL);
	answers_free(a);
	form_free(f);
}

TEST(proxy_walk)
{
	form *f = juminhyo();
	REQUIRE(f);
	answers *a = answers_new(f);
	int miss;
	CHECK(answers_set(a, "relation", "proxy", NULL) == ANSWER_OK);
	CHECK_STR(walk(a), "relation name kana address birth phone subj_name subj_address letter "
	                   "kind copies items purpose submit_to id_doc");
	CHECK(answers_set(a, "kind", "part", NULL) == ANSWER_OK);
	CHECK(answers_set(a, "purpose", "other", NULL) == ANSWER_OK);
	CHECK_STR(walk(a), "relation name kana address birth phone subj_name subj_address letter "
	                   "kind members copies items purpose purpose_other submit_to id_doc");
	CHECK(answers_set(a, "name", "佐藤 一郎", NULL) == ANSWER_OK);
	CHECK(answers_set(a, "address", "東京都", NULL) == ANSWER_OK);
	CHECK(answers_set(a, "birth", "S45.1.2", NULL) == ANSWER_OK);
	CHECK(answers_set(a, "phone", "09011112222", NULL) == ANSWER_OK);
	CHECK(!answers_complete(a, &miss));
	CHECK_STR(field_id(form_field_at(f, (size_t)miss)), "subj_name");
	CHECK(answers_set(a, "subj_name", "山田 花子", NULL) == ANSWER_OK);
	CHECK(answers_set(a, "subj_address", "東京都", NULL) == ANSWER_OK);
	CHECK(!answers_complete(a, &miss));
	CHECK_STR(field_id(form_field_at(f, (size_t)miss)), "letter");
	CHECK(answers_set(a, "letter", "yes", NULL) == ANSWER_OK);
	CHECK(answers_set(a, "members", "山田 花子", NULL) == ANSWER_OK);
	CHECK(answers_set(a, "copies", "２", NULL) == ANSWER_OK);
	CHECK(answers_set(a, "items", "mynumber head", NULL) == ANSWER_OK);
	CHECK_STR(answers_get(a, "items"), "head mynumber");
	CHECK(answers_set(a, "purpose_other", "銀行口座の開設", NULL) == ANSWER_OK);
	CHECK(answers_set(a, "id_doc", "licence", NULL) == ANSWER_OK);
	CHECK(answers_complete(a, NULL));
	/* Back to "myself": the subject questions and the letter drop out. */
	CHECK(answers_set(a, "relation", "self", NULL) == ANSWER_OK);
	CHECK_STR(walk(a), "relation name kana address birth phone kind members copies items "
	                   "purpose purpose_other submit_to id_doc");
	char *j = answers_to_json(a, "ja");
	CHECK(strstr(j, "subj_name") == NULL);
	CHECK(strstr(j, "letter") == NULL);
	free(j);
	answers_free(a);
	form_free(f);
}

TEST(household_and_third_party_walk)
{
	form *f = juminhyo();
	REQUIRE(f);
	answers *a = answers_new(f);
	CHECK(answers_set(a, "relation", "household", NULL) == ANSWER_OK);
	CHECK_STR(walk(a), "relation name kana address birth phone subj_name subj_address kind "
	                   "copies items purpose submit_to id_doc");
	CHECK(answers_set(a, "relation", "third", NULL) == ANSWER_OK);
	CHECK_STR(walk(a), "relation name kana address birth phone subj_name subj_address kind "
	                   "copies items purpose submit_to id_doc");
	/* Third parties must give the purpose and the recipient (法12条の3). */
	const field *purpose = form_field_by_id(f, "purpose");
	const field *submit = form_field_by_id(f, "submit_to");
	int miss;
	CHECK(field_required_now(a, purpose));
	CHECK(field_required_now(a, submit));
	CHECK(!field_required(purpose));
	CHECK(answers_set(a, "name", "佐藤 一郎", NULL) == ANSWER_OK);
	CHECK(answers_set(a, "address", "東京都", NULL) == ANSWER_OK);
	CHECK(answers_set(a, "birth", "1970-01-02", NULL) == ANSWER_OK);
	CHECK(answers_set(a, "phone", "09011112222", NULL) == ANSWER_OK);
	CHECK(answers_set(a, "subj_name", "山田 花子", NULL) == ANSWER_OK);
	CHECK(answers_set(a, "subj_address", "東京都", NULL) == ANSWER_OK);
	CHECK(answers_set(a, "kind", "all", NULL) == ANSWER_OK);
	CHECK(answers_set(a, "copies", "1", NULL) == ANSWER_OK);
	CHECK(answers_set(a, "id_doc", "passport", NULL) == ANSWER_OK);
	CHECK(!answers_complete(a, &miss));
	CHECK_STR(field_id(form_field_at(f, (size_t)miss)), "purpose");
	CHECK(answers_set(a, "purpose", "inheritance", NULL) == ANSWER_OK);
	CHECK_INT(answers_set(a, "purpose", "", NULL), ANSWER_ERR_REQUIRED);
	CHECK(!answers_complete(a, &miss));
	CHECK_STR(field_id(form_field_at(f, (size_t)miss)), "submit_to");
	CHECK(answers_set(a, "submit_to", "ABC法律事務所", NULL) == ANSWER_OK);
	CHECK(answers_complete(a, NULL));
	/* The same answers from the household need neither. */
	CHECK(answers_set(a, "relation", "household", NULL) == ANSWER_OK);
	CHECK(!field_required_now(a, purpose));
	CHECK(answers_set(a, "purpose", "", NULL) == ANSWER_OK);
	CHECK(answers_set(a, "submit_to", "", NULL) == ANSWER_OK);
	CHECK(answers_complete(a, NULL));
	CHECK_INT(answers_set(a, "copies", "11", NULL), ANSWER_ERR_NUMBER_RANGE);
	CHECK_INT(answers_set(a, "copies", "0", NULL), ANSWER_ERR_NUMBER_RANGE);
	CHECK_INT(answers_set(a, "relation", "friend", NULL), ANSWER_ERR_CHOICE);
	answers_free(a);
	form_free(f);
}
