/* Base45 (RFC 9285): the RFC's vectors, and every way decoding can fail. */
#include "tests/unit/test.h"

#include "handoff/internal.h"

#include <stdlib.h>

static void
check_encode(const char *bytes, const char *want)
{
	char *got = handoff_b45_encode((const unsigned char *)bytes, strlen(bytes));
	CHECK_STR(got, want);
	free(got);
}

static b45_status
decode(const char *text, char *buf, size_t buflen)
{
	unsigned char *out = NULL;
	size_t n = 0, where = 0;
	b45_status st = handoff_b45_decode(text, strlen(text), &out, &n, &where);
	if (st == B45_OK && buf) {
		snprintf(buf, buflen, "%.*s", (int)n, (const char *)out);
	}
	if (st != B45_OK)
		CHECK(out == NULL);
	free(out);
	return st;
}

TEST(rfc9285_encode_vectors)
{
	check_encode("AB", "BB8");
	check_encode("Hello!!", "%69 VD92EX0");
	check_encode("base-45", "UJCLQE7W581");
	check_encode("ietf!", "QED8WEX0");
	check_encode("", "");
}

TEST(rfc9285_decode_vectors)
{
	char buf[64];
	CHECK_INT(decode("QED8WEX0", buf, sizeof buf), B45_OK);
	CHECK_STR(buf, "ietf!");
	CHECK_INT(decode("BB8", buf, sizeof buf), B45_OK);
	CHECK_STR(buf, "AB");
	CHECK_INT(decode("%69 VD92EX0", buf, sizeof buf), B45_OK);
	CHECK_STR(buf, "Hello!!");
	CHECK_INT(decode("UJCLQE7W581", buf, sizeof buf), B45_OK);
	CHECK_STR(buf, "base-45");
}

TEST(round_trip_all_byte_pairs)
{
	unsigned char in[3];
	for (unsigned v = 0; v < 65536; v += 7) {
		in[0] = (unsigned char)(v >> 8);
		in[1] = (unsigned char)v;
		in[2] = (unsigned char)(v * 31);
		for (size_t n = 1; n <= 3; n++) {
			char *t = handoff_b45_encode(in, n);
			unsigned char *out = NULL;
			size_t len = 0, where;
			REQUIRE(handoff_b45_decode(t, strlen(t), &out, &len, &where) == B45_OK);
			CHECK(len == n && memcmp(out, in, n) == 0);
			free(out);
			free(t);
		}
	}
}

TEST(rejects_bad_groups_and_characters)
{
	/* "GGW" = 16 + 16*45 + 32*2025 = 65536, one past the largest pair. */
	CHECK_INT(decode("GGW", NULL, 0), B45_BAD_GROUP);
	CHECK_INT(decode(":::", NULL, 0), B45_BAD_GROUP);
	CHECK_INT(decode("FGW", NULL, 0), B45_OK); /* 65535 */
	/* A final pair above 255. */
	CHECK_INT(decode("BB860", NULL, 0), B45_OK); /* 6 + 0 = 6, fine */
	CHECK_INT(decode("BB8:5", NULL, 0), B45_BAD_GROUP);
	CHECK_INT(decode("BB8Z5", NULL, 0), B45_BAD_GROUP); /* 35 + 225 = 260 */
	CHECK_INT(decode("BB8", NULL, 0), B45_OK);
	CHECK_INT(decode("BB8B", NULL, 0), B45_BAD_LENGTH);
	CHECK_INT(decode("B", NULL, 0), B45_BAD_LENGTH);
	CHECK_INT(decode("qed8wex0", NULL, 0), B45_LOWERCASE);
	CHECK_INT(decode("QED8WEx0", NULL, 0), B45_LOWERCASE);
	CHECK_INT(decode("QED8WE!0", NULL, 0), B45_BAD_CHAR);
	CHECK_INT(decode("QED8WE_0", NULL, 0), B45_BAD_CHAR);
	CHECK_INT(decode("QED8WE\t0", NULL, 0), B45_BAD_CHAR);
	CHECK_INT(decode("QED8W\xc3\xa9", NULL, 0), B45_BAD_CHAR);
}

TEST(reports_where)
{
	unsigned char *out = NULL;
	size_t n, where = 99;
	CHECK_INT(handoff_b45_decode("BB8GGW", 6, &out, &n, &where), B45_BAD_GROUP);
	CHECK_INT(where, 3);
	CHECK_INT(handoff_b45_decode("BB8G!W", 6, &out, &n, &where), B45_BAD_CHAR);
	CHECK_INT(where, 4);
	/* An embedded NUL is a character outside the alphabet, not an end. */
	CHECK_INT(handoff_b45_decode("BB\0", 3, &out, &n, &where), B45_BAD_CHAR);
	CHECK_INT(where, 2);
}

TEST(never_ends_in_space)
{
	/* Why decoding may strip trailing spaces: no encoding ends in one. */
	unsigned char in[2];
	for (unsigned v = 0; v < 65536; v++) {
		in[0] = (unsigned char)(v >> 8);
		in[1] = (unsigned char)v;
		for (size_t n = 1; n <= 2; n++) {
			char *t = handoff_b45_encode(in, n);
			CHECK(t[strlen(t) - 1] != ' ');
			free(t);
		}
	}
}
