/*
 * Block numbers typed as the shorthand (engine/blocknum.c): which official
 * spellings 5-10 stands for, in which order, typed in any width or with
 * any dash; what is no shorthand; and the way back from a spelling.
 */
#include "engine/engine.h"
#include "tests/unit/test.h"

#include <string.h>

static block_spelling s[3]; /* large: not on the stack */

static size_t
spell(const char *typed)
{
	return block_number_spellings(typed, s, 3);
}

TEST(two_numbers_are_a_block_and_a_house_or_a_lot)
{
	REQUIRE(spell("5-10") == 3);
	CHECK_STR(s[0].text, "5番10号"); /* 住居表示 first */
	CHECK(!s[0].lot);
	CHECK_STR(s[1].text, "5番地10");
	CHECK(s[1].lot);
	CHECK_STR(s[2].text, "5番地の10");
	CHECK(s[2].lot);
	/* every way people write the dash, in full width too */
	static const char *const same[] = {"５－１０", "5ー10",  "5‐10",         "5−10", "5–10",
	                                   "5の10",    "5 - 10", "５　－　１０", "5ｰ10"};
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
		CHECK_INT((int)spell(same[i]), 3);
		CHECK_STR(s[0].text, "5番10号");
	}
}

TEST(one_or_three_numbers)
{
	REQUIRE(spell("1234") == 2);
	CHECK_STR(s[0].text, "1234番地");
	CHECK_STR(s[1].text, "1234番");
	REQUIRE(spell("1-2-3") == 1);
	CHECK_STR(s[0].text, "1丁目2番3号");
	REQUIRE(spell("１－２－３") == 1);
	CHECK_STR(s[0].text, "1丁目2番3号");
}

TEST(anything_else_is_no_shorthand)
{
	static const char *const not_shorthand[] = {
	        "5番10号", "5番地10", "甲123番地",   "1-2-3-101", "5-",    "-5",
	        "5--10",   "",        "5-10 コーポ", "123456-1",  "五-十", "a-1"};
	for (size_t i = 0; i < sizeof not_shorthand / sizeof not_shorthand[0]; i++)
		CHECK_INT((int)spell(not_shorthand[i]), 0);
	CHECK_INT((int)block_number_spellings(NULL, s, 3), 0);
	/* no more than the room given */
	CHECK_INT((int)block_number_spellings("5-10", s, 1), 1);
	CHECK_STR(s[0].text, "5番10号");
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
	REQUIRE(block_number_shorthand_of("123番地4", out, sizeof out));
	REQUIRE(spell(out) == 3);
	CHECK_STR(s[1].text, "123番地4");
}

/* In a whole address: the first numbers, or the first after N丁目. */
TEST(an_address_with_its_block_typed_short)
{
	REQUIRE(address_block_spellings("東京都港区芝公園9-5-10 芝公園ハイツ402号室", s, 3) == 1);
	CHECK_STR(s[0].text, "東京都港区芝公園9丁目5番10号 芝公園ハイツ402号室");
	REQUIRE(address_block_spellings("神奈川県横浜市鶴見区鶴見中央5丁目３－８", s, 3) == 3);
	CHECK_STR(s[0].text, "神奈川県横浜市鶴見区鶴見中央5丁目3番8号");
	CHECK_STR(s[1].text, "神奈川県横浜市鶴見区鶴見中央5丁目3番地8");
	REQUIRE(address_block_spellings("長野県上田市大字上野123-4ハイツ上野", s, 3) == 3);
	CHECK_STR(s[2].text, "長野県上田市大字上野123番地の4ハイツ上野");
	static const char *const none[] = {
	        "東京都港区芝公園9丁目5番10号 ハイツ2-3", /* official: a room is not looked at */
	        "北海道札幌市中央区北1条西2丁目",         /* numbers that are names */
	        "東京都港区芝公園9-5-10-402",             /* four numbers */
	        "長野県上田市大字上野123 ハイツ",         /* one number alone */
	        "東京都港区芝公園",
	        ""};
	for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
		CHECK_INT((int)address_block_spellings(none[i], s, 3), 0);
	CHECK_INT((int)address_block_spellings(NULL, s, 3), 0);
}

TEST(an_address_written_short_for_the_bench)
{
	char out[256];
	size_t line = 9;
	REQUIRE(address_block_shorthand_of("東京都港区芝公園9丁目5番10号 芝公園ハイツ402号室", out,
	                                   sizeof out, &line));
	CHECK_STR(out, "東京都港区芝公園9-5-10 芝公園ハイツ402号室");
	CHECK_INT((int)line, 0);
	REQUIRE(address_block_shorthand_of("長野県上田市大字上野5丁目123番地4", out, sizeof out,
	                                   &line));
	CHECK_STR(out, "長野県上田市大字上野5丁目123-4");
	CHECK_INT((int)line, 1);
	CHECK(!address_block_shorthand_of("東京都港区芝公園", out, sizeof out, &line));
	CHECK(!address_block_shorthand_of("長野県上田市大字上野123番地", out, sizeof out, &line));
	/* and back */
	REQUIRE(address_block_spellings("長野県上田市大字上野5丁目123-4", s, 3) == 3);
	CHECK_STR(s[1].text, "長野県上田市大字上野5丁目123番地4");
}

TEST(the_chome_an_address_part_starts_with)
{
	size_t len = 0;
	CHECK_INT(address_chome_at("5丁目3-8", &len), 5);
	CHECK_INT((int)len, (int)strlen("5丁目"));
	CHECK_INT(address_chome_at("１２丁目", &len), 12);
	CHECK_INT((int)len, (int)strlen("１２丁目"));
	CHECK_INT(address_chome_at("1234丁目", &len), -1);
	CHECK_INT(address_chome_at("5番10号", &len), -1);
	CHECK_INT(address_chome_at("四丁目", &len), -1);
	CHECK_INT(address_chome_at("丁目", &len), -1);
	CHECK_INT(address_chome_at("", &len), -1);
	CHECK_INT(address_chome_at(NULL, &len), -1);
}
