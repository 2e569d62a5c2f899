/* DEFLATE with the preset dictionary: round trip, the zip-bomb bound, and
 * the three ways a stream can be wrong. The dictionary itself is pinned:
 * changing it is a new format version. */
#include "tests/unit/test.h"

#include "handoff/internal.h"

#include <sodium.h>
#include <stdlib.h>

#define DICT_V1_SHA256 "d394e8fb1c150c1a2b635d453ee9965245d83e41e17b5beb8d533cc492a00fc9"

TEST(dictionary_is_pinned)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	char hex[2 * sizeof h + 1];
	crypto_hash_sha256(h, handoff_dict_v1, handoff_dict_v1_len);
	sodium_bin2hex(hex, sizeof hex, h, sizeof h);
	CHECK_STR(hex, DICT_V1_SHA256);
	CHECK_INT(handoff_dict_v1_len, 1432);
}

#define DICT_V2_SHA256 "a59ff2ede2caed0a36807b30448ad74ebec57719eb1ef18e188944c63f642d8c"

/* Version 2's dictionary is version 1's followed by the household words
 * (docs/handoff-format.md, section 5). */
TEST(dictionary_v2_is_pinned)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	char hex[2 * sizeof h + 1];
	size_t n1, n2;
	const unsigned char *d1 = handoff_dict(1, &n1), *d2 = handoff_dict(2, &n2);
	crypto_hash_sha256(h, d2, n2);
	sodium_bin2hex(hex, sizeof hex, h, sizeof h);
	CHECK_STR(hex, DICT_V2_SHA256);
	CHECK_INT(n2, 3234);
	CHECK(n1 == handoff_dict_v1_len && memcmp(d1, handoff_dict_v1, n1) == 0);
	CHECK(memcmp(d2, d1, n1) == 0);
	/* each version inflates only what it deflated */
	const char *text = "ベトナム 家族滞在 技術・人文知識・国際業務";
	handoff_buf z = {0}, back = {0};
	handoff_deflate_v(2, (const unsigned char *)text, strlen(text), &z);
	REQUIRE(handoff_inflate_v(2, z.p, z.len, 1000, &back) == ZIP_OK);
	CHECK(back.len == strlen(text) && memcmp(back.p, text, back.len) == 0);
	handoff_buf_free(&back);
	zip_status st = handoff_inflate_v(1, z.p, z.len, 1000, &back);
	CHECK(st != ZIP_OK || back.len != strlen(text) || memcmp(back.p, text, back.len) != 0);
	handoff_buf_free(&back);
	handoff_buf_free(&z);
}

TEST(round_trip_and_dictionary_helps)
{
	const char *text = "東京都世田谷区北沢二丁目12番3号 コーポ北沢201号室";
	handoff_buf z = {0}, back = {0};
	handoff_deflate((const unsigned char *)text, strlen(text), &z);
	CHECK(z.len < strlen(text) / 2);
	REQUIRE(handoff_inflate(z.p, z.len, 1000, &back) == ZIP_OK);
	CHECK(back.len == strlen(text) && memcmp(back.p, text, back.len) == 0);
	handoff_buf_free(&z);
	handoff_buf_free(&back);
}

TEST(empty_input)
{
	handoff_buf z = {0}, back = {0};
	handoff_deflate((const unsigned char *)"", 0, &z);
	CHECK(z.len > 0);
	CHECK_INT(handoff_inflate(z.p, z.len, 10, &back), ZIP_OK);
	CHECK_INT(back.len, 0);
	CHECK_INT(handoff_inflate(z.p, 0, 10, &back), ZIP_TRUNCATED);
	handoff_buf_free(&z);
	handoff_buf_free(&back);
}

TEST(bomb_is_bounded)
{
	size_t n = 1 << 20;
	unsigned char *zeros = calloc(1, n);
	handoff_buf z = {0}, back = {0};
	handoff_deflate(zeros, n, &z);
	CHECK(z.len < 2000);
	CHECK_INT(handoff_inflate(z.p, z.len, HANDOFF_MAX_SERIAL, &back), ZIP_TOO_BIG);
	CHECK(back.len <= HANDOFF_MAX_SERIAL);
	free(zeros);
	handoff_buf_free(&z);
	handoff_buf_free(&back);
}

TEST(truncated_trailing_corrupt)
{
	const char *text = "住民票の写し 世帯全員 本籍 筆頭者 続柄 個人番号 住民票コード";
	handoff_buf z = {0}, back = {0};
	handoff_deflate((const unsigned char *)text, strlen(text), &z);

	for (size_t cut = 0; cut < z.len; cut++) {
		CHECK_INT(handoff_inflate(z.p, cut, 1000, &back) != ZIP_OK, 1);
		handoff_buf_free(&back);
	}
	CHECK_INT(handoff_inflate(z.p, z.len - 1, 1000, &back), ZIP_TRUNCATED);
	handoff_buf_free(&back);

	handoff_buf_putc(&z, 0);
	CHECK_INT(handoff_inflate(z.p, z.len, 1000, &back), ZIP_TRAILING);
	handoff_buf_free(&back);

	/* Block type 3 is reserved in RFC 1951. */
	unsigned char bad[] = {0x07, 0x00};
	CHECK_INT(handoff_inflate(bad, sizeof bad, 1000, &back), ZIP_CORRUPT);
	handoff_buf_free(&back);
	/* A distance reaching before the dictionary. */
	unsigned char far[] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
	CHECK(handoff_inflate(far, sizeof far, 1000, &back) != ZIP_OK);
	handoff_buf_free(&back);
	handoff_buf_free(&z);
}
