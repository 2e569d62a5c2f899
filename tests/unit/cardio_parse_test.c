/* EF 0002 parsing: good files, every length form, and every way to be bad. */
#include "cardio/internal.h"
#include "tests/unit/test.h"

#include <stdlib.h>

/* 山田　花子 / 東京都 / 19500401 / 2, laid out by hand as the card does:
 * the name TLV at 0x0E, as in myna-card's worked example. */
static const uint8_t good[] = {
        0xFF, 0x20, 0x38,                                                 /* template, 56 bytes */
        0xDF, 0x21, 0x08, 0x00, 0x0E, 0x00, 0x20, 0x00, 0x2C, 0x00, 0x37, /* offsets */
        0xDF, 0x22, 0x0F, 0xE5, 0xB1, 0xB1, 0xE7, 0x94, 0xB0, 0xE3, 0x80, 0x80, 0xE8, 0x8A, 0xB1,
        0xE5, 0xAD, 0x90, /* 山田　花子 */
        0xDF, 0x23, 0x09, 0xE6, 0x9D, 0xB1, 0xE4, 0xBA, 0xAC, 0xE9, 0x83, 0xBD, /* 東京都 */
        0xDF, 0x24, 0x08, '1',  '9',  '5',  '0',  '0',  '4',  '0',  '1',  0xDF, 0x25, 0x01, '2'};
#define NAME_AT  (0x0E + 3) /* first byte of the name value */
#define BIRTH_AT (0x2C + 3)
#define SEX_AT   (0x37 + 3)

static cardio_status
parse(const uint8_t *b, size_t n, cardio_identity *id)
{
	cardio_error err;
	return cardio_parse_basic4(b, n, id, &err);
}

static cardio_status
parse_modified(size_t at, uint8_t value)
{
	uint8_t b[sizeof good];
	cardio_identity id;
	memcpy(b, good, sizeof b);
	b[at] = value;
	return parse(b, sizeof b, &id);
}

TEST(parses_the_hand_made_file)
{
	cardio_identity id;
	cardio_error err;
	REQUIRE(cardio_parse_basic4(good, sizeof good, &id, &err) == CARDIO_OK);
	CHECK_STR(id.name, "山田　花子");
	CHECK_STR(id.family_name, "山田");
	CHECK_STR(id.given_name, "花子");
	CHECK_STR(id.address, "東京都");
	CHECK_STR(id.birth, "1950-04-01");
	CHECK_STR(id.sex, "2");
	CHECK_STR(id.name_alpha, "");
}

TEST(builder_matches_the_hand_made_file)
{
	uint8_t out[256];
	size_t n =
	        cardio_basic4_build("山田　花子", "東京都", "19500401", "2", NULL, out, sizeof out);
	REQUIRE(n == sizeof good + 2);
	CHECK(memcmp(out, good, sizeof good) == 0);
	CHECK(out[n - 2] == 0xFF && out[n - 1] == 0xFF);
}

TEST(filler_after_the_template_is_tolerated_other_bytes_are_not)
{
	uint8_t b[sizeof good + 4];
	cardio_identity id;
	memcpy(b, good, sizeof good);
	memcpy(b + sizeof good, "\xFF\xFF\x00\x00", 4);
	CHECK_INT(parse(b, sizeof b, &id), CARDIO_OK);
	b[sizeof good + 1] = 0x41;
	CHECK_INT(parse(b, sizeof b, &id), CARDIO_ERR_BAD_DATA);
}

TEST(truncated_at_every_byte_is_an_error)
{
	cardio_identity id;
	for (size_t n = 0; n < sizeof good; n++) {
		cardio_status st = parse(good, n, &id);
		CHECK_INT(st, CARDIO_ERR_BAD_DATA);
		CHECK(id.name[0] == '\0');
	}
	CHECK_INT(cardio_parse_basic4(NULL, 0, &id, NULL), CARDIO_ERR_BAD_DATA);
}

/* An address of n bytes of full-width digits ("１" is 3 bytes). */
static void
long_address(char *out, size_t bytes)
{
	size_t i = 0;
	for (; i + 3 <= bytes; i += 3)
		memcpy(out + i, "１", 3);
	out[i] = '\0';
}

TEST(long_form_81_lengths)
{
	char addr[256];
	uint8_t b[1024];
	cardio_identity id;
	long_address(addr, 201); /* 201 bytes: DF23 81 C9, template 81 xx */
	size_t n = cardio_basic4_build("山田　花子", addr, "19500401", "2", NULL, b, sizeof b);
	REQUIRE(n > 0);
	CHECK(b[0] == 0xFF && b[1] == 0x20 && b[2] == 0x81);
	REQUIRE(parse(b, n, &id) == CARDIO_OK);
	CHECK_STR(id.address, addr);
	for (size_t k = 0; k < n - 2; k++)
		CHECK_INT(parse(b, k, &id), CARDIO_ERR_BAD_DATA);
}

TEST(long_form_82_lengths)
{
	char addr[512];
	uint8_t b[1024];
	cardio_identity id;
	long_address(addr, 330);
	size_t n = cardio_basic4_build("NGUYEN VAN AN", addr, "19881231", "9", "NGUYEN VAN AN", b,
	                               sizeof b);
	REQUIRE(n > 0);
	CHECK(b[2] == 0x82);
	REQUIRE(parse(b, n, &id) == CARDIO_OK);
	CHECK_STR(id.address, addr);
	CHECK_STR(id.name_alpha, "NGUYEN VAN AN");
	CHECK_STR(id.family_name, "NGUYEN VAN AN"); /* no U+3000: all family name */
	CHECK_STR(id.given_name, "");
	CHECK_STR(id.sex, "9");
	for (size_t k = 0; k < n - 2; k++)
		CHECK_INT(parse(b, k, &id), CARDIO_ERR_BAD_DATA);
}

TEST(invalid_utf8_is_rejected_not_replaced)
{
	uint8_t b[sizeof good];
	cardio_identity id;
	static const uint8_t bad[][3] = {
	        {0xFF, 0xB1, 0xB1}, /* not a lead byte */
	        {0xC0, 0xAF, 0x41}, /* overlong "/" */
	        {0xED, 0xA0, 0x80}, /* surrogate */
	        {0xE5, 0xB1, 0x41}, /* sequence cut short */
	        {0x41, 0x00, 0x41}, /* NUL */
	        {0xF8, 0x88, 0x80}, /* 5-byte form */
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		memcpy(b, good, sizeof b);
		memcpy(b + NAME_AT, bad[i], 3);
		CHECK_INT(parse(b, sizeof b, &id), CARDIO_ERR_BAD_DATA);
	}
	/* The same edit with valid UTF-8 ("ABC") parses: the test can fail. */
	memcpy(b, good, sizeof b);
	memcpy(b + NAME_AT, "ABC", 3);
	CHECK_INT(parse(b, sizeof b, &id), CARDIO_OK);
	/* A 4-byte sequence cut by the end of the address value. */
	memcpy(b, good, sizeof b);
	memcpy(b + 0x20 + 3 + 6, "\xF0\x9F\x98", 3);
	CHECK_INT(parse(b, sizeof b, &id), CARDIO_ERR_BAD_DATA);
}

TEST(offset_table_must_match_the_fields)
{
	CHECK_INT(parse_modified(7, 0x0F), CARDIO_ERR_BAD_DATA);  /* name offset */
	CHECK_INT(parse_modified(13, 0x36), CARDIO_ERR_BAD_DATA); /* sex offset */
	CHECK_INT(parse_modified(5, 0x07), CARDIO_ERR_BAD_DATA);  /* table length */
	CHECK_INT(parse_modified(4, 0x2F), CARDIO_ERR_BAD_DATA);  /* no DF21 at all */
	CHECK_INT(parse_modified(7, 0x0E), CARDIO_OK);            /* unchanged: fine */
}

TEST(structure_errors)
{
	CHECK_INT(parse_modified(1, 0x21), CARDIO_ERR_BAD_DATA);          /* FF21, not FF20 */
	CHECK_INT(parse_modified(2, 0x39), CARDIO_ERR_BAD_DATA);          /* template overruns */
	CHECK_INT(parse_modified(2, 0x80), CARDIO_ERR_BAD_DATA);          /* indefinite length */
	CHECK_INT(parse_modified(2, 0x83), CARDIO_ERR_BAD_DATA);          /* 83 form */
	CHECK_INT(parse_modified(SEX_AT - 2, 0x24), CARDIO_ERR_BAD_DATA); /* DF24 twice */
}

TEST(bad_birth_dates)
{
	static const char *const bad[] = {"19500431", "19501301", "19500001", "19500400",
	                                  "1950040A", "19000229", "17990101"};
	uint8_t b[sizeof good];
	cardio_identity id;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		memcpy(b, good, sizeof b);
		memcpy(b + BIRTH_AT, bad[i], 8);
		CHECK_INT(parse(b, sizeof b, &id), CARDIO_ERR_BAD_DATA);
	}
	memcpy(b, good, sizeof b);
	memcpy(b + BIRTH_AT, "20000229", 8);
	REQUIRE(parse(b, sizeof b, &id) == CARDIO_OK);
	CHECK_STR(id.birth, "2000-02-29");
}

TEST(sex_codes)
{
	CHECK_INT(parse_modified(SEX_AT, '1'), CARDIO_OK);
	CHECK_INT(parse_modified(SEX_AT, '9'), CARDIO_OK);
	CHECK_INT(parse_modified(SEX_AT, '0'), CARDIO_OK);
	CHECK_INT(parse_modified(SEX_AT, '3'), CARDIO_ERR_BAD_DATA);
	CHECK_INT(parse_modified(SEX_AT, 'F'), CARDIO_ERR_BAD_DATA);
}

/* A quick in-process fuzz: random edits of a good file must never crash
 * (ASan/UBSan watch) and must either parse or say BAD_DATA. */
TEST(random_mutations_never_crash)
{
	uint8_t b[sizeof good + 8];
	cardio_identity id;
	unsigned seed = 12345;
	for (int round = 0; round < 20000; round++) {
		size_t n = sizeof good;
		memcpy(b, good, n);
		int edits = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 4;
		for (int k = 0; k < edits; k++) {
			seed = seed * 1103515245u + 12345u;
			b[(seed >> 16) % n] = (uint8_t)(seed >> 8);
		}
		seed = seed * 1103515245u + 12345u;
		n -= (seed >> 16) % 3;
		cardio_status st = parse(b, n, &id);
		CHECK(st == CARDIO_OK || st == CARDIO_ERR_BAD_DATA);
	}
}
