/*
 * Block numbers typed as the shorthand (engine/blocknum.c): which official
 * spellings 5-10 stands for, in which order, typed in any width or with
 * any dash; what is no shorthand; and the way back from a spelling.
 */
#include "engine/engine.h"
#include "tests/unit/test.h"

static size_t
spell(const char *typed, char out[][BLOCK_SPELLING_MAX])
{
	return block_number_spellings(typed, out, 3);
}

TEST(two_numbers_are_a_block_and_a_house_or_a_lot)
{
	char s[3][BLOCK_SPELLING_MAX];
	REQUIRE(spell("5-10", s) == 3);
	CHECK_STR(s[0], "5番10号"); /* 住居表示 first */
	CHECK_STR(s[1], "5番地10");
	CHECK_STR(s[2], "5番地の10");
	/* every way people write the dash, in full width too */
	static const char *const same[] = {"５－１０", "5ー10",  "5‐10",         "5−10", "5–10",
	                                   "5の10",    "5 - 10", "５　－　１０", "5ｰ10"};
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
		char t[3][BLOCK_SPELLING_MAX];
		CHECK_INT((int)spell(same[i], t), 3);
		CHECK_STR(t[0], "5番10号");
	}
}

TEST(one_or_three_numbers)
{
	char s[3][BLOCK_SPELLING_MAX];
	REQUIRE(spell("1234", s) == 2);
	CHECK_STR(s[0], "1234番地");
	CHECK_STR(s[1], "1234番");
	REQUIRE(spell("1-2-3", s) == 1);
	CHECK_STR(s[0], "1丁目2番3号");
	REQUIRE(spell("１－２－３", s) == 1);
	CHECK_STR(s[0], "1丁目2番3号");
}

TEST(anything_else_is_no_shorthand)
{
	char s[3][BLOCK_SPELLING_MAX];
	static const char *const not_shorthand[] = {
	        "5番10号", "5番地10", "甲123番地",   "1-2-3-101", "5-",    "-5",
	        "5--10",   "",        "5-10 コーポ", "123456-1",  "五-十", "a-1"};
	for (size_t i = 0; i < sizeof not_shorthand / sizeof not_shorthand[0]; i++)
		CHECK_INT((int)spell(not_shorthand[i], s), 0);
	CHECK_INT((int)block_number_spellings(NULL, s, 3), 0);
	/* no more than the room given */
	CHECK_INT((int)block_number_spellings("5-10", s, 1), 1);
	CHECK_STR(s[0], "5番10号");
}

TEST(the_shorthand_of_an_official_spelling)
{
	char out[32];
	REQUIRE(block_number_shorthand_of("3番8号", out, sizeof out));
	CHECK_STR(out, "3-8");
	REQUIRE(block_number_shorthand_of("123番地4", out, sizeof out));
	CHECK_STR(out, "123-4");
	REQUIRE(block_number_shorthand_of("5番地の10", out, sizeof out));
	CHECK_STR(out, "5-10");
	REQUIRE(block_number_shorthand_of("1234番地", out, sizeof out));
	CHECK_STR(out, "1234");
	REQUIRE(block_number_shorthand_of("1丁目2番3号", out, sizeof out));
	CHECK_STR(out, "1-2-3");
	CHECK(!block_number_shorthand_of("甲123番地", out, sizeof out));
	CHECK(!block_number_shorthand_of("5番10号 コーポ", out, sizeof out));
	CHECK(!block_number_shorthand_of("", out, sizeof out));
	/* and back: the spelling is among those of its shorthand */
	char s[3][BLOCK_SPELLING_MAX];
	REQUIRE(block_number_shorthand_of("123番地4", out, sizeof out));
	REQUIRE(spell(out, s) == 3);
	CHECK_STR(s[1], "123番地4");
}
