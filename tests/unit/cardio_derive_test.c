/* What the parser derives: the form copy of the address and the session
 * fingerprint that recognises a card read twice. */
#include "cardio/internal.h"
#include "tests/unit/test.h"

#include <sodium.h>

static const char *
norm(const char *in)
{
	static char out[512];
	cardio_address_normalize(in, out, sizeof out);
	return out;
}

TEST(full_width_digits_and_hyphens_become_ascii)
{
	CHECK_STR(norm("東京都千代田区千代田１－１"), "東京都千代田区千代田1-1");
	CHECK_STR(norm("港区芝公園４‐２‐８"), "港区芝公園4-2-8");
	CHECK_STR(norm("１２－７－２０２"), "12-7-202");
	CHECK_STR(norm("１−２"), "1-2");   /* U+2212 minus */
	CHECK_STR(norm("１ー２"), "1-2");  /* U+30FC between digits */
	CHECK_STR(norm("1-2-3"), "1-2-3"); /* already ASCII */
	CHECK_STR(norm("中区山下町１２３番地の４５６"), "中区山下町123番地の456");
}

TEST(everything_else_is_kept_as_the_card_gives_it)
{
	/* Kanji numerals are names; ー in katakana words stays; a hyphen not
	 * between two digits stays; full-width letters and spaces stay. */
	CHECK_STR(norm("北海道札幌市中央区北一条西二丁目"), "北海道札幌市中央区北一条西二丁目");
	CHECK_STR(norm("パシフィックタワーズ東棟"), "パシフィックタワーズ東棟");
	CHECK_STR(norm("Ａ棟－１"), "Ａ棟－1");
	CHECK_STR(norm("１－"), "1－");
	CHECK_STR(norm("－１"), "－1");
	CHECK_STR(norm("１　２"), "1　2");
	CHECK_STR(norm(""), "");
}

TEST(normalising_never_overflows_and_cuts_at_a_character)
{
	char out[8];
	cardio_address_normalize("東京都１－１", out, sizeof out);
	CHECK_STR(out, "東京"); /* 7 bytes fit: two kanji, not half of the third */
	cardio_address_normalize("１２３４５６７８９", out, sizeof out);
	CHECK_STR(out, "1234567");
	char one[1];
	cardio_address_normalize("東京", one, sizeof one);
	CHECK_STR(one, "");
}

TEST(the_fingerprint_is_stable_in_a_process_and_differs_between_cards)
{
	uint8_t a[512], b[512];
	size_t na = cardio_basic4_build("山田　花子", "東京都千代田区千代田１－１", "19500401", "2",
	                                NULL, a, sizeof a);
	size_t nb = cardio_basic4_build("山田　太郎", "東京都千代田区千代田１－１", "19500401", "1",
	                                NULL, b, sizeof b);
	REQUIRE(na && nb);
	cardio_identity x, y, z;
	cardio_error err;
	REQUIRE(cardio_parse_basic4(a, na, &x, &err) == CARDIO_OK);
	REQUIRE(cardio_parse_basic4(a, na - 2, &y, &err) == CARDIO_OK); /* without filler */
	REQUIRE(cardio_parse_basic4(b, nb, &z, &err) == CARDIO_OK);
	CHECK_INT(strlen(x.fingerprint), 32);
	CHECK_STR(x.fingerprint, y.fingerprint);
	CHECK(strcmp(x.fingerprint, z.fingerprint) != 0);
	CHECK_STR(x.address_normalized, "東京都千代田区千代田1-1");
	/* Keyed: not the plain hash of the file. */
	unsigned char h[16];
	char hex[33];
	crypto_generichash(h, sizeof h, a, na - 2, NULL, 0);
	sodium_bin2hex(hex, sizeof hex, h, sizeof h);
	CHECK(strcmp(hex, x.fingerprint) != 0);
	cardio_identity_wipe(&x);
	CHECK(x.fingerprint[0] == '\0' && x.address_normalized[0] == '\0');
}

TEST(the_same_demo_card_read_twice_is_recognised)
{
	char fp[2][33];
	for (int i = 0; i < 2; i++) {
		cardio_session *s = NULL;
		cardio_error err;
		cardio_identity id;
		REQUIRE(cardio_open_demo(NULL, &s, &err) == CARDIO_OK);
		CHECK_INT(cardio_verify_pin(s, "1234", &err), CARDIO_OK);
		CHECK_INT(cardio_read_identity(s, &id, &err), CARDIO_OK);
		memcpy(fp[i], id.fingerprint, sizeof fp[i]);
		cardio_identity_wipe(&id);
		cardio_close(s);
	}
	CHECK(fp[0][0] != '\0');
	CHECK_STR(fp[0], fp[1]);
}
