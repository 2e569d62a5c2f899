/*
 * Katakana readings: hiragana and half-width input, voiced marks, spaces,
 * and what is refused.
 */
#include "engine/engine.h"
#include "tests/unit/test.h"

#include <stdlib.h>

/* Normalises `in` through a kana field; returns the stored value or a
 * status name in brackets. */
static const char *
kana(const char *in)
{
	static char buf[1024];
	char path[512];
	form *kf = NULL;
	answers *a;
	answer_error e;
	answer_status st;

	snprintf(path, sizeof path, "%s/engine/types.xml", test_data_dir());
	if (form_load(path, "forms", &kf, NULL, NULL) != 0)
		return "[no form]";
	a = answers_new(kf);
	st = answers_set(a, "kana", in, &e);
	if (st != ANSWER_OK)
		snprintf(buf, sizeof buf, "[%s]", answer_status_name(st));
	else
		snprintf(buf, sizeof buf, "%s",
		         answers_get(a, "kana") ? answers_get(a, "kana") : "[empty]");
	answers_free(a);
	form_free(kf);
	return buf;
}

TEST(hiragana_to_katakana)
{
	CHECK_STR(kana("やまだ"), "ヤマダ");
	CHECK_STR(kana("がっこう"), "ガッコウ");
	CHECK_STR(kana("ぱぴぷぺぽ"), "パピプペポ");
	CHECK_STR(kana("ゔぁ"), "ヴァ");
	CHECK_STR(kana("ヤマダ"), "ヤマダ");
	CHECK_STR(kana("やマだ"), "ヤマダ");
	CHECK_STR(kana("すゞき"), "スヾキ");
}

TEST(half_width_katakana)
{
	CHECK_STR(kana("ﾔﾏﾀﾞ"), "ヤマダ");
	CHECK_STR(kana("ｶﾞｷﾞｸﾞｹﾞｺﾞ"), "ガギグゲゴ");
	CHECK_STR(kana("ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ"), "パピプペポ");
	CHECK_STR(kana("ｳﾞｨｸﾄﾙ"), "ヴィクトル");
	CHECK_STR(kana("ｼｮｳﾀ"), "ショウタ");
	CHECK_STR(kana("ｽｰﾊﾟｰ"), "スーパー");
	CHECK_STR(kana("ｼﾞｮﾝ･ｽﾐｽ"), "ジョン・スミス");
	CHECK_STR(kana("ｦ"), "ヲ");
	CHECK_STR(kana("ﾝ"), "ン");
}

TEST(combining_marks)
{
	CHECK_STR(kana("か\xe3\x82\x99"), "ガ"); /* か + U+3099 */
	CHECK_STR(kana("ハ\xe3\x82\x9a"), "パ"); /* ハ + U+309A */
	CHECK_STR(kana("ワ\xe3\x82\x99"), "ヷ");
	CHECK_STR(kana("ア\xef\xbe\x9e"), "[kana]"); /* ア + ﾞ: no such kana */
	CHECK_STR(kana("ﾞ"), "[kana]");
	CHECK_STR(kana("カﾟ"), "[kana]");
}

TEST(spaces_between_words)
{
	CHECK_STR(kana("やまだ たろう"), "ヤマダ　タロウ");
	CHECK_STR(kana("やまだ　　たろう"), "ヤマダ　タロウ");
	CHECK_STR(kana("  やまだ \t たろう  "), "ヤマダ　タロウ");
	CHECK_STR(kana("　ヤマダ　"), "ヤマダ");
	CHECK_STR(kana("ｸﾞｴﾝ ｳﾞｧﾝ ｱﾝ"), "グエン　ヴァン　アン");
	CHECK_STR(kana("   "), "[empty]");
	CHECK_STR(kana(""), "[empty]");
}

TEST(long_vowel_and_dashes)
{
	CHECK_STR(kana("らーめん"), "ラーメン");
	CHECK_STR(kana("ら-めん"), "ラーメン");
	CHECK_STR(kana("ら－めん"), "ラーメン");
	CHECK_STR(kana("ｰ"), "ー");
}

TEST(refused)
{
	CHECK_STR(kana("山田"), "[kana]");
	CHECK_STR(kana("Yamada"), "[kana]");
	CHECK_STR(kana("ヤマダ1"), "[kana]");
	CHECK_STR(kana("ヤマダ１"), "[kana]");
	CHECK_STR(kana("ヤマダ。"), "[kana]");
	CHECK_STR(kana("ﾔﾏﾀﾞ｡"), "[kana]");
	CHECK_STR(kana("ヤマ\xff"), "[bad-utf8]");
	CHECK_STR(kana("🍣"), "[kana]");
}

TEST(too_long)
{
	char buf[512] = "";
	for (int i = 0; i < 100; i++)
		strcat(buf, "ア");
	CHECK_STR(kana(buf), buf);
	strcat(buf, "ア");
	CHECK_STR(kana(buf), "[too-long]");
}
