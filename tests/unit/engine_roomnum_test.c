/*
 * Room numbers typed bare (engine/roomnum.c): which endings are a room to
 * write with 号室 and which are part of a block number, and the lines an
 * address typed short is offered as.
 */
#include "engine/engine.h"
#include "tests/unit/test.h"

#include <stdint.h>
#include <string.h>

static block_spelling s[7]; /* large: not on the stack */
static char out[256];

TEST(a_number_after_a_building_name_is_a_room)
{
	REQUIRE(room_number_spelled("芝公園ハイツ402", false, out, sizeof out));
	CHECK_STR(out, "芝公園ハイツ402号室");
	REQUIRE(room_number_spelled("鶴見グリーンハイツ 206", false, out, sizeof out));
	CHECK_STR(out, "鶴見グリーンハイツ 206号室");
	REQUIRE(room_number_spelled("コーポ山田　１０２", false, out, sizeof out));
	CHECK_STR(out, "コーポ山田　１０２号室");
	/* ー ends many names (センター): it joins numbers only between them */
	REQUIRE(room_number_spelled("駅前センター1204", false, out, sizeof out));
	CHECK_STR(out, "駅前センター1204号室");
	REQUIRE(room_number_spelled("Sunny Court 3", false, out, sizeof out));
	CHECK_STR(out, "Sunny Court 3号室");
}

TEST(what_is_no_bare_room)
{
	static const char *const none[] = {"芝公園ハイツ402号室",
	                                   "芝公園ハイツ402号",
	                                   "芝公園ハイツ",
	                                   "402",
	                                   " 402",
	                                   "",
	                                   "ハイツ123456", /* six digits: no room */
	                                   "123番地4",     /* the branch of a land lot */
	                                   "5番10",
	                                   "9丁目5",
	                                   "5-10",
	                                   "5の10",
	                                   "5ー10",
	                                   "1-2-3",
	                                   "ハイツ\xff"
	                                   "1"};
	for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
		CHECK(!room_number_spelled(none[i], false, out, sizeof out));
		CHECK(!room_number_spelled(none[i], true, out, sizeof out));
	}
	CHECK(!room_number_spelled(NULL, false, out, sizeof out));
	/* no room to write it */
	CHECK(!room_number_spelled("ハイツ402", false, out, 8));
}

TEST(in_an_address_a_room_follows_a_block_number)
{
	/* 上野123 is a 番地 right after the town, not a room */
	CHECK(!room_number_spelled("長野県上田市大字上野123", true, out, sizeof out));
	CHECK(room_number_spelled("長野県上田市大字上野123", false, out, sizeof out));
	REQUIRE(room_number_spelled("東京都港区芝公園9丁目5番10号 ハイツ402", true, out,
	                            sizeof out));
	CHECK_STR(out, "東京都港区芝公園9丁目5番10号 ハイツ402号室");
	REQUIRE(room_number_spelled("東京都港区芝公園９丁目５番１０号ハイツ４０２", true, out,
	                            sizeof out));
	CHECK(!room_number_spelled("東京都港区芝公園9-5-10", true, out, sizeof out));
}

TEST(the_way_back_from_room_spelling)
{
	REQUIRE(room_number_shorthand_of("芝公園ハイツ402号室", false, out, sizeof out));
	CHECK_STR(out, "芝公園ハイツ402");
	CHECK(!room_number_shorthand_of("芝公園ハイツ402", false, out, sizeof out));
	CHECK(!room_number_shorthand_of("5番10号室", false, out, sizeof out));
	CHECK(!room_number_shorthand_of("号室", false, out, sizeof out));
	CHECK(!room_number_shorthand_of(NULL, false, out, sizeof out));
}

TEST(an_address_is_offered_block_by_block_with_and_without_the_room)
{
	REQUIRE(address_spellings("東京都港区芝公園9-5-10 芝公園ハイツ402", s, 7) == 2);
	CHECK_STR(s[0].text, "東京都港区芝公園9丁目5番10号 芝公園ハイツ402号室");
	CHECK(!s[0].room_only);
	CHECK_STR(s[1].text, "東京都港区芝公園9丁目5番10号 芝公園ハイツ402");
	CHECK(!s[1].room_only);
	REQUIRE(address_spellings("長野県上田市大字上野123-4ハイツ上野2", s, 7) == 6);
	CHECK_STR(s[0].text, "長野県上田市大字上野123番4号ハイツ上野2号室");
	CHECK(!s[0].lot);
	CHECK_STR(s[1].text, "長野県上田市大字上野123番4号ハイツ上野2");
	CHECK_STR(s[2].text, "長野県上田市大字上野123番地4ハイツ上野2号室");
	CHECK(s[2].lot);
	CHECK_STR(s[5].text, "長野県上田市大字上野123番地の4ハイツ上野2");
	/* the block written out: the room alone */
	REQUIRE(address_spellings("東京都港区芝公園9丁目5番10号 芝公園ハイツ402", s, 7) == 1);
	CHECK_STR(s[0].text, "東京都港区芝公園9丁目5番10号 芝公園ハイツ402号室");
	CHECK(s[0].room_only);
	/* no room: the block spellings as before */
	REQUIRE(address_spellings("東京都港区芝公園9-5-10", s, 7) == 1);
	CHECK_STR(s[0].text, "東京都港区芝公園9丁目5番10号");
	CHECK_INT((int)address_spellings("東京都港区芝公園9丁目5番10号", s, 7), 0);
	/* no more than the room given */
	CHECK_INT((int)address_spellings("長野県上田市大字上野123-4ハイツ上野2", s, 3), 3);
}

/* Any bytes at all, cut anywhere: no reading past the text, and what is
 * offered is the text with 号室 after it (the sanitizer build reads every
 * byte of these). A fixed LCG keeps the run the same each time. */
TEST(any_bytes_are_read_safely)
{
	static const char *const pieces[] = {"ハイツ", "402",      "４０２", " ",  "　",   "-",
	                                     "ー",     "の",       "番地",   "番", "丁目", "号",
	                                     "東京都", "\xe3\x81", "\xff",   "9",  "号室"};
	uint32_t seed = 12345;
	char text[128];
	for (int round = 0; round < 20000; round++) {
		size_t len = 0;
		seed = seed * 1103515245u + 12345u;
		int parts = (int)(seed >> 16) % 7;
		for (int i = 0; i < parts; i++) {
			seed = seed * 1103515245u + 12345u;
			const char *p = pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)];
			if (len + strlen(p) < sizeof text) {
				memcpy(text + len, p, strlen(p));
				len += strlen(p);
			}
		}
		text[len] = '\0';
		for (int in_address = 0; in_address < 2; in_address++)
			if (room_number_spelled(text, in_address, out, sizeof out)) {
				CHECK(strncmp(out, text, len) == 0);
				CHECK_STR(out + len, "号室");
			}
		size_t n = address_spellings(text, s, 7);
		CHECK(n <= 7);
	}
}
