/*
 * <suggest> (engine/suggest.c) on the shipped 要介護認定 form: from 75 the
 * health insurer is the prefecture's 後期高齢者医療広域連合, offered for
 * the resident to check; below 75, without a birth date or with an
 * address that names no prefecture, nothing is offered.
 */
#include "engine/engine.h"
#include "tests/unit/test.h"

#include <stdlib.h>

static const char *
suggested(const form *f, const char *birth, const char *address, char *buf, size_t n)
{
	answers *a = answers_new(f);
	const field *mi = form_field_by_id(f, "mi_name");
	CHECK(a && mi);
	if (!a || !mi)
		return "(no form)";
	CHECK_INT(answers_set(a, "apply_date", "2026-11-23", NULL), ANSWER_OK);
	if (birth)
		CHECK_INT(answers_set(a, "birth", birth, NULL), ANSWER_OK);
	if (address)
		CHECK_INT(answers_set(a, "address", address, NULL), ANSWER_OK);
	bool got = field_suggest_for(a, mi, 0, buf, n);
	answers_free(a);
	return got ? buf : "";
}

TEST(late_elderly_insurer_from_age_and_prefecture)
{
	form *f = NULL;
	char buf[128];
	date_set_today("2026-11-23");
	REQUIRE(form_load("forms/kaigo.xml", "forms", &f, NULL, NULL) == 0);
	CHECK_STR(suggested(f, "1944-03-19", "東京都杉並区荻窪9丁目20番1号", buf, sizeof buf),
	          "東京都後期高齢者医療広域連合");
	/* 75 on the day of the application: the birthday itself counts */
	CHECK_STR(suggested(f, "1951-11-23", "北海道札幌市中央区北1条西2丁目", buf, sizeof buf),
	          "北海道後期高齢者医療広域連合");
	CHECK_STR(suggested(f, "1951-11-24", "北海道札幌市中央区北1条西2丁目", buf, sizeof buf),
	          "");
	/* 京都府, not 京都; 神奈川県 and 鹿児島県 are four characters */
	CHECK_STR(suggested(f, "1930-01-01", "京都府京都市左京区", buf, sizeof buf),
	          "京都府後期高齢者医療広域連合");
	CHECK_STR(suggested(f, "1930-01-01", "神奈川県横浜市", buf, sizeof buf),
	          "神奈川県後期高齢者医療広域連合");
	CHECK_STR(suggested(f, "1930-01-01", "鹿児島県鹿児島市", buf, sizeof buf),
	          "鹿児島県後期高齢者医療広域連合");
	/* no prefecture at the start, no birth date, or no room: nothing */
	CHECK_STR(suggested(f, "1930-01-01", "杉並区荻窪9丁目", buf, sizeof buf), "");
	CHECK_STR(suggested(f, "1930-01-01", "京都市左京区", buf, sizeof buf), "");
	CHECK_STR(suggested(f, NULL, "東京都杉並区", buf, sizeof buf), "");
	CHECK_STR(suggested(f, "1930-01-01", "東京都杉並区", buf, 20), "");
	/* the reason shown with it, and no suggestion on other fields */
	CHECK(field_suggest_label(form_field_by_id(f, "mi_name")) != NULL);
	CHECK(field_suggest_label(form_field_by_id(f, "doc_name")) == NULL);
	date_set_today(NULL);
	form_free(f);
}

/* The seal registration's guarantor (inkan.xml g_address): the start of
 * the applicant's address up to its first number is offered. */
TEST(guarantor_address_starts_with_the_applicants_town)
{
	form *f = NULL;
	char buf[256];
	REQUIRE(form_load("forms/inkan.xml", "forms", &f, NULL, NULL) == 0);
	const field *g = form_field_by_id(f, "g_address");
	REQUIRE(g);
	static const struct {
		const char *address, *offered;
	} cases[] = {
	        {"東京都港区芝公園9丁目5番10号 芝公園ハイツ402号室", "東京都港区芝公園"},
	        {"長野県上田市大字上野123番地4", "長野県上田市大字上野"},
	        {"北海道札幌市中央区北１条西２丁目", "北海道札幌市中央区北"},
	        {"東京都港区123", "東京都港区"},
	        /* no number at all, no prefecture, a number right after it */
	        {"東京都１２３", ""},
	        {"東京都港区芝公園", ""},
	        {"港区芝公園9丁目5番10号", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		answers *a = answers_new(f);
		REQUIRE(a);
		CHECK_INT(answers_set(a, "address", cases[i].address, NULL), ANSWER_OK);
		bool got = field_suggest_for(a, g, 0, buf, sizeof buf);
		CHECK_STR(got ? buf : "", cases[i].offered);
		answers_free(a);
	}
	form_free(f);
}
