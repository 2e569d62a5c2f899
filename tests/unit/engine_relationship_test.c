/*
 * The 続柄 grammar (type="relationship") and Unicode NFC of text answers,
 * through answers_set on tests/data/engine/set/household.xml.
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

/* Sets m_rel of instance 0; returns the status, and the stored value in
 * *out (borrowed) on success. */
static answer_status
rel(answers *a, const char *in, const char **out)
{
	answer_status st = answers_set_at(a, "m_rel", 0, in, NULL);
	*out = answers_get_at(a, "m_rel", 0);
	return st;
}

TEST(relationship_accepts_registry_terms)
{
	form *f = load_household();
	REQUIRE(f);
	answers *a = answers_new(f);
	const char *v;
	static const char *const ok[] = {
	        "世帯主",
	        "本人",
	        "妻",
	        "夫",
	        "子",
	        "父",
	        "母",
	        "子の妻",
	        "子の夫",
	        "子の子",
	        "妻の子",
	        "夫の子",
	        "父の父",
	        "母の母",
	        "妻の父",
	        "兄の子",
	        "父の兄",
	        "孫",
	        "曾孫",
	        "縁故者",
	        "同居人",
	        "夫（未届）",
	        "妻（未届）",
	        "妻（未届）の子",
	        "子の子の子の子",
	};
	CHECK(field_text_rule(form_field_by_id(f, "m_rel")) == TEXT_RULE_RELATIONSHIP);
	CHECK(field_text_rule(form_field_by_id(f, "m_name")) == TEXT_RULE_FREE);
	CHECK(field_kind(form_field_by_id(f, "m_rel")) == FIELD_TEXT);
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		if (rel(a, ok[i], &v) != ANSWER_OK)
			fprintf(stderr, "    refused %s\n", ok[i]);
		CHECK_STR(v, ok[i]);
	}
	answers_free(a);
	form_free(f);
}

TEST(relationship_normalises_spelling)
{
	form *f = load_household();
	REQUIRE(f);
	answers *a = answers_new(f);
	const char *v;
	CHECK_INT(rel(a, "夫(未届)", &v), ANSWER_OK);
	CHECK_STR(v, "夫（未届）");
	CHECK_INT(rel(a, "未届の妻", &v), ANSWER_OK);
	CHECK_STR(v, "妻（未届）");
	CHECK_INT(rel(a, " 子 の 妻　", &v), ANSWER_OK);
	CHECK_STR(v, "子の妻");
	CHECK_INT(rel(a, "妻 (未届)", &v), ANSWER_OK);
	CHECK_STR(v, "妻（未届）");
	answers_free(a);
	form_free(f);
}

TEST(relationship_refuses_what_the_registry_does_not_write)
{
	form *f = load_household();
	REQUIRE(f);
	answers *a = answers_new(f);
	const char *v;
	static const char *const bad[] = {
	        "長男",               /* no longer used since 1995: 子 */
	        "配偶者",             /* the statistical list, not the 住民票's */
	        "子の",               /* dangling の */
	        "の子",               /* leading の */
	        "子のの妻",           /* empty term */
	        "世帯主の子",         /* the head stands alone */
	        "同居人の子",         /* so do 縁故者 and 同居人 */
	        "子の子の子の子の子", /* more than four terms */
	        "son",
	        "子供",
	        "妻子",
	        "夫（未届",
	        "子（未届）",
	};
	CHECK_INT(rel(a, "子", &v), ANSWER_OK);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		answer_error e;
		answer_status st = answers_set_at(a, "m_rel", 0, bad[i], &e);
		if (st != ANSWER_ERR_RELATIONSHIP)
			fprintf(stderr, "    %s -> %s\n", bad[i], answer_status_name(st));
		CHECK(st == ANSWER_ERR_RELATIONSHIP);
		CHECK(e.status == ANSWER_ERR_RELATIONSHIP);
	}
	CHECK_STR(answers_get_at(a, "m_rel", 0), "子"); /* unchanged on error */
	CHECK_STR(answer_status_name(ANSWER_ERR_RELATIONSHIP), "relationship");
	/* Empty clears, or is required. */
	CHECK_INT(answers_set_at(a, "m_rel", 0, "  ", NULL), ANSWER_ERR_REQUIRED);
	CHECK_STR(field_hint(form_field_by_id(f, "m_rel")), "Such as 子 or 妻の子.");
	CHECK(field_hint(form_field_by_id(f, "m_name")) == NULL);
	answers_free(a);
	form_free(f);
}

TEST(relationship_terms_list)
{
	const char *const *t = relationship_terms();
	size_t n = 0;
	REQUIRE(t);
	CHECK_STR(t[0], "世帯主");
	while (t[n])
		n++;
	CHECK(n >= 10);
}

TEST(text_is_nfc)
{
	form *f = load_household();
	REQUIRE(f);
	answers *a = answers_new(f);
	/* e + COMBINING ACUTE -> é; か + COMBINING VOICED MARK -> が;
	 * Hangul jamo -> syllable; a precomposed string stays as it is. */
	CHECK_INT(answers_set(a, "name", "Jose\xCC\x81", NULL), ANSWER_OK);
	CHECK_STR(answers_get(a, "name"), "Jos\xC3\xA9");
	CHECK_INT(answers_set(a, "name", "\xE3\x81\x8B\xE3\x82\x99", NULL), ANSWER_OK);
	CHECK_STR(answers_get(a, "name"), "が");
	CHECK_INT(answers_set(a, "name", "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", NULL), ANSWER_OK);
	CHECK_STR(answers_get(a, "name"), "한");
	CHECK_INT(answers_set(a, "name", "Nguyễn Văn An", NULL), ANSWER_OK);
	CHECK_STR(answers_get(a, "name"), "Nguyễn Văn An");
	/* Decomposed Vietnamese (e + circumflex + tilde) composes too. */
	CHECK_INT(answers_set(a, "name", "Nguye\xCC\x82\xCC\x83n", NULL), ANSWER_OK);
	CHECK_STR(answers_get(a, "name"), "Nguyễn");
	/* Length is counted after NFC: 60 decomposed é fit max="60". */
	char buf[400] = "";
	for (int i = 0; i < 60; i++)
		strcat(buf, "e\xCC\x81");
	CHECK_INT(answers_set(a, "name", buf, NULL), ANSWER_OK);
	/* Singletons: U+212B ANGSTROM SIGN -> U+00C5. */
	CHECK_INT(answers_set(a, "name", "\xE2\x84\xAB", NULL), ANSWER_OK);
	CHECK_STR(answers_get(a, "name"), "\xC3\x85");
	/* Prefilled values are normalised the same way. */
	answers_clear(a, "name");
	prefill_value pv[] = {{"card.name", "Jose\xCC\x81"}};
	CHECK_INT(answers_prefill(a, pv, 1), 1);
	CHECK_STR(answers_get(a, "name"), "Jos\xC3\xA9");
	answers_free(a);
	form_free(f);
}
