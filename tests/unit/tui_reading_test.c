/*
 * Reading suggestions (tui/reading.h): kanji names read by MeCab, kana
 * read as itself, Latin letters left to the resident.
 */
#include "tests/unit/test.h"
#include "tui/reading.h"

static const char *
suggest(const char *name)
{
	static char out[192];
	return reading_suggest(name, out, sizeof out) ? out : NULL;
}

TEST(kanji_names_are_read)
{
	CHECK_STR(suggest("山田　花子"), "ヤマダ　ハナコ");
	CHECK_STR(suggest("佐藤 健一"), "サトウ　ケンイチ");
	/* written together, the given name gets its space */
	CHECK_STR(suggest("佐藤健一"), "サトウ　ケンイチ");
	reading_done();
}

TEST(kana_is_its_own_reading)
{
	CHECK_STR(suggest("グエン ヴァン アン"), "グエン　ヴァン　アン");
	CHECK_STR(suggest("やまだ　はなこ"), "ヤマダ　ハナコ");
	reading_done();
}

TEST(no_guess_for_latin_or_empty)
{
	CHECK(suggest("NGUYEN VAN AN") == NULL);
	CHECK(suggest("山田 Hanako") == NULL);
	CHECK(suggest("") == NULL);
	CHECK(suggest("　") == NULL);
	char tiny[4];
	CHECK(!reading_suggest("山田　花子", tiny, sizeof tiny)); /* no room: nothing */
	CHECK_STR(tiny, "");
	reading_done();
}

TEST(family_name_is_the_first_word)
{
	CHECK_INT(name_family_len("佐藤　健一"), 9); /* 佐藤 and U+3000 */
	CHECK_INT(name_family_len("NGUYEN VAN MINH"), 7);
	CHECK_INT(name_family_len("山田 花子　太郎"), 7); /* the first separator */
	CHECK_INT(name_family_len("山田花子"), 0);
	CHECK_INT(name_family_len(" 花子"), 0);
	CHECK_INT(name_family_len(""), 0);
}
