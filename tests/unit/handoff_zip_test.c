/* DEFLATE with the preset dictionary: round trip, the zip-bomb bound, and
 * the three ways a stream can be wrong. The dictionary itself is pinned:
 * changing it is a new format version. */
#include "tests/unit/test.h"

#include "handoff/internal.h"

#include <sodium.h>
#include <stdlib.h>

/* Pinned as docs/handoff-format.md gives them (section "The preset
 * dictionary"): the text code of the word list (formats 4 and 5), then
 * (format 6) the names in katakana again in the kana fields' one bytes. */
#define DICT5_SHA256 "747b8083178703dd89828989357f71e9a6754bce44bda6bb6894ba68f135b3dc"
#define DICT5_LEN    2217
#define DICT6_SHA256 "c10d2c5167d08a8c915a63823e72b552ab29308b35b051774b175a72cd67ac0f"
#define DICT6_LEN    2374

static void
check_dict(int format, const char *sha256, size_t len)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	char hex[2 * sizeof h + 1];
	size_t n;
	const unsigned char *d = handoff_dict(format, &n);
	crypto_hash_sha256(h, d, n);
	sodium_bin2hex(hex, sizeof hex, h, sizeof h);
	CHECK_STR(hex, sha256);
	CHECK_INT(n, len);
	/* the same bytes on every call */
	size_t n2;
	CHECK(handoff_dict(format, &n2) == d && n2 == n);
}

TEST(dictionary_is_pinned)
{
	check_dict(4, DICT5_SHA256, DICT5_LEN);
	check_dict(5, DICT5_SHA256, DICT5_LEN);
	check_dict(6, DICT6_SHA256, DICT6_LEN);
	/* format 6 begins with format 5's */
	size_t n5, n6;
	const unsigned char *d5 = handoff_dict(5, &n5), *d6 = handoff_dict(6, &n6);
	CHECK(n6 > n5 && memcmp(d5, d6, n5) == 0);
}

/* The dictionary is in the text code: an address in the text code is
 * two thirds of its UTF-8 and shrinks by a quarter more; the UTF-8 alone
 * finds nothing to refer to and comes out more than twice as long. */
TEST(round_trip_and_dictionary_helps)
{
	const char *utf8 = "東京都世田谷区北沢二丁目12番3号 コーポ北沢201号室";
	handoff_buf text = {0}, z = {0}, back = {0}, z8 = {0};
	REQUIRE(handoff_text_encode(utf8, strlen(utf8), TEXT_PLAIN, &text) == 0);
	CHECK(text.len < strlen(utf8) * 3 / 4);
	handoff_deflate(HANDOFF_FORMAT_VERSION, text.p, text.len, &z);
	handoff_deflate(HANDOFF_FORMAT_VERSION, (const unsigned char *)utf8, strlen(utf8), &z8);
	CHECK(z.len < text.len * 3 / 4);
	CHECK(z8.len > z.len * 2);
	REQUIRE(handoff_inflate(HANDOFF_FORMAT_VERSION, z.p, z.len, 1000, &back) == ZIP_OK);
	CHECK(back.len == text.len && memcmp(back.p, text.p, back.len) == 0);
	handoff_buf_free(&text);
	handoff_buf_free(&z);
	handoff_buf_free(&z8);
	handoff_buf_free(&back);
}

TEST(empty_input)
{
	handoff_buf z = {0}, back = {0};
	handoff_deflate(HANDOFF_FORMAT_VERSION, (const unsigned char *)"", 0, &z);
	CHECK(z.len > 0);
	CHECK_INT(handoff_inflate(HANDOFF_FORMAT_VERSION, z.p, z.len, 10, &back), ZIP_OK);
	CHECK_INT(back.len, 0);
	CHECK_INT(handoff_inflate(HANDOFF_FORMAT_VERSION, z.p, 0, 10, &back), ZIP_TRUNCATED);
	handoff_buf_free(&z);
	handoff_buf_free(&back);
}

TEST(bomb_is_bounded)
{
	size_t n = 1 << 20;
	unsigned char *zeros = calloc(1, n);
	handoff_buf z = {0}, back = {0};
	handoff_deflate(HANDOFF_FORMAT_VERSION, zeros, n, &z);
	CHECK(z.len < 2000);
	CHECK_INT(handoff_inflate(HANDOFF_FORMAT_VERSION, z.p, z.len, HANDOFF_MAX_SERIAL, &back),
	          ZIP_TOO_BIG);
	CHECK(back.len <= HANDOFF_MAX_SERIAL);
	free(zeros);
	handoff_buf_free(&z);
	handoff_buf_free(&back);
}

TEST(truncated_trailing_corrupt)
{
	const char *text = "住民票の写し 世帯全員 本籍 筆頭者 続柄 個人番号 住民票コード";
	handoff_buf z = {0}, back = {0};
	handoff_deflate(HANDOFF_FORMAT_VERSION, (const unsigned char *)text, strlen(text), &z);

	for (size_t cut = 0; cut < z.len; cut++) {
		CHECK_INT(handoff_inflate(HANDOFF_FORMAT_VERSION, z.p, cut, 1000, &back) != ZIP_OK,
		          1);
		handoff_buf_free(&back);
	}
	CHECK_INT(handoff_inflate(HANDOFF_FORMAT_VERSION, z.p, z.len - 1, 1000, &back),
	          ZIP_TRUNCATED);
	handoff_buf_free(&back);

	handoff_buf_putc(&z, 0);
	CHECK_INT(handoff_inflate(HANDOFF_FORMAT_VERSION, z.p, z.len, 1000, &back), ZIP_TRAILING);
	handoff_buf_free(&back);

	/* Block type 3 is reserved in RFC 1951. */
	unsigned char bad[] = {0x07, 0x00};
	CHECK_INT(handoff_inflate(HANDOFF_FORMAT_VERSION, bad, sizeof bad, 1000, &back),
	          ZIP_CORRUPT);
	handoff_buf_free(&back);
	/* A distance reaching before the dictionary. */
	unsigned char far[] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
	CHECK(handoff_inflate(HANDOFF_FORMAT_VERSION, far, sizeof far, 1000, &back) != ZIP_OK);
	handoff_buf_free(&back);
	handoff_buf_free(&z);
}
