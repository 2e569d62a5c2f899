/*
 * The pieces of serialisation version 3: the text code, the bit packer,
 * 続柄 term numbers, values at the edges of their types, and the size
 * promise of the format: every form's signed reference household fits a
 * QR code of version 13 at ECC M (what a 120x40 terminal shows with its
 * quiet zone), sealed ones version 14.
 */
#include "tests/unit/test.h"

#include "handoff/internal.h"

#include <stdlib.h>

/* Encodes, checks the coded length, decodes back to the same UTF-8. */
static void
text_round_trip(const char *utf8, handoff_text_mode kana, size_t coded_len)
{
	handoff_buf c = {0}, back = {0};
	size_t used = 0;
	REQUIRE(handoff_text_encode(utf8, strlen(utf8), kana, &c) == 0);
	if (c.len != coded_len)
		fprintf(stderr, "    \"%s\": %zu coded bytes, want %zu\n", utf8, c.len, coded_len);
	CHECK(c.len == coded_len);
	handoff_buf_putc(&c, 0);
	handoff_buf_putc(&c, 'X'); /* what follows the terminator is not read */
	REQUIRE(handoff_text_decode(c.p, c.len, &used, kana, &back) == 0);
	CHECK(used == coded_len + 1);
	CHECK(back.len == strlen(utf8) && memcmp(back.p, utf8, back.len) == 0);
	handoff_buf_free(&c);
	handoff_buf_free(&back);
}

TEST(text_code_lengths_and_round_trips)
{
	text_round_trip("NGUYEN VAN AN", TEXT_PLAIN, 13);
	text_round_trip("佐藤 健一", TEXT_PLAIN, 9);           /* 4 ideographs, 2 bytes each */
	text_round_trip("グエン ヴァン アン", TEXT_PLAIN, 18); /* katakana, 2 bytes each */
	text_round_trip("さいたま市", TEXT_PLAIN, 10);         /* hiragana */
	text_round_trip("〒　「」々〆", TEXT_PLAIN, 12);       /* CJK punctuation at U+3000.. */
	text_round_trip("髙橋 﨑 𠮷田", TEXT_PLAIN,
	                2 + 2 + 1 + 4 + 1 + 4 + 2); /* 髙 U+9AD9; 﨑 U+FA11, 𠮷 U+20BB7 escape */
	text_round_trip("José Ａ", TEXT_PLAIN, 3 + 4 + 1 + 4); /* é and the full-width A escape */
	text_round_trip("한국", TEXT_PLAIN, 4 + 2); /* 한 U+D55C past U+AEFF, 국 U+AD6D before */
	text_round_trip("\xea\xbb\xbf", TEXT_PLAIN, 2); /* U+AEFF, the last two-byte character */
	text_round_trip("\xe3\x80\x80", TEXT_PLAIN, 2); /* U+3000, the first */
	text_round_trip("\xe2\xbf\xbf", TEXT_PLAIN, 4); /* U+2FFF, just before */
	/* kana fields in formats 4 and 5: the ideographic space is one byte */
	text_round_trip("サトウ　ケンイチ", TEXT_KANA_SPACE, 3 * 2 + 1 + 4 * 2);
	/* from format 6 every character of a reading is: ァ U+30A1 to ヾ U+30FE */
	text_round_trip("サトウ　ケンイチ", TEXT_KANA_BYTE, 8);
	text_round_trip("\xe3\x82\xa1\xe3\x83\xbe\xe3\x83\xbc\xe3\x83\xbb", TEXT_KANA_BYTE, 4);
	/* anything else a kana field could hold keeps the general spelling */
	text_round_trip("ゝ〆", TEXT_KANA_BYTE, 4);
}

/* The one bytes of format 6's kana fields, as docs/handoff-format.md §4.4
 * gives them: U+3000 is 0x20, U+30A1 + k is 0x21 + k. */
TEST(text_code_kana_bytes)
{
	handoff_buf c = {0};
	REQUIRE(handoff_text_encode("グエン　ヴァン", strlen("グエン　ヴァン"), TEXT_KANA_BYTE,
	                            &c) == 0);
	/* グ U+30B0, エ U+30A8, ン U+30F3, ヴ U+30F4, ァ U+30A1 */
	CHECK(c.len == 7 && memcmp(c.p, "\x30\x28\x73\x20\x74\x21\x73", 7) == 0);
	handoff_buf_free(&c);
	CHECK_INT(handoff_kana_mode(4), TEXT_KANA_SPACE);
	CHECK_INT(handoff_kana_mode(5), TEXT_KANA_SPACE);
	CHECK_INT(handoff_kana_mode(6), TEXT_KANA_BYTE);
}

TEST(text_code_refuses_what_has_no_spelling)
{
	handoff_buf c = {0};
	CHECK(handoff_text_encode("\xff", 1, TEXT_PLAIN, &c) != 0);         /* not UTF-8 */
	CHECK(handoff_text_encode("\xe3\x81", 2, TEXT_PLAIN, &c) != 0);     /* cut */
	CHECK(handoff_text_encode("\xed\xa0\x80", 3, TEXT_PLAIN, &c) != 0); /* a surrogate */
	CHECK(handoff_text_encode("\xc0\xaf", 2, TEXT_PLAIN, &c) != 0);     /* overlong */
	CHECK(handoff_text_encode("a\0b", 3, TEXT_PLAIN, &c) != 0);         /* NUL */
	CHECK(handoff_text_encode("サトウ ケン", strlen("サトウ ケン"), TEXT_KANA_SPACE, &c) != 0);
	CHECK(handoff_text_encode("サトウ ケン", strlen("サトウ ケン"), TEXT_KANA_BYTE, &c) != 0);
	/* from format 6 a kana field's ASCII bytes are kana: no ASCII there */
	CHECK(handoff_text_encode("サトウ1", strlen("サトウ1"), TEXT_KANA_BYTE, &c) != 0);
	CHECK(handoff_text_encode("サトウ1", strlen("サトウ1"), TEXT_KANA_SPACE, &c) == 0);
	handoff_buf_free(&c);
}

static int
decodes(const char *bytes, size_t n, handoff_text_mode kana)
{
	handoff_buf out = {0};
	size_t used;
	int r = handoff_text_decode((const unsigned char *)bytes, n, &used, kana, &out);
	handoff_buf_free(&out);
	return r == 0;
}

TEST(text_code_decoder_is_strict)
{
	CHECK(decodes("A\0", 2, TEXT_PLAIN));
	CHECK(!decodes("\0", 1, TEXT_PLAIN));          /* empty */
	CHECK(!decodes("AB", 2, TEXT_PLAIN));          /* no terminator */
	CHECK(!decodes("\x9e", 1, TEXT_PLAIN));        /* a lead byte at the end */
	CHECK(decodes("\x9e\x00\x00", 3, TEXT_PLAIN)); /* 一: a zero second byte is no end */
	CHECK(!decodes("\xff\x00\x00\x41\x00", 5,
	               TEXT_PLAIN)); /* escape for a one-byte character */
	CHECK(!decodes("\xff\x00\x4e\x00\x00", 5, TEXT_PLAIN)); /* ... for a two-byte one */
	CHECK(!decodes("\xff\x00\xd8\x00\x00", 5, TEXT_PLAIN)); /* a surrogate */
	CHECK(!decodes("\xff\x11\x00\x00\x00", 5, TEXT_PLAIN)); /* past U+10FFFF */
	CHECK(!decodes("\xff\x02\x0b", 3, TEXT_PLAIN));         /* escape cut */
	CHECK(decodes("\xff\x02\x0b\xb7\x00", 5, TEXT_PLAIN));  /* 𠮷 */
	CHECK(!decodes("\x80\x00\x00", 3, TEXT_KANA_SPACE)); /* U+3000 spelt long in a kana field */
	CHECK(!decodes("\x80\x00\x00", 3, TEXT_KANA_BYTE));
	CHECK(decodes("\x80\x00\x00", 3, TEXT_PLAIN)); /* ... fine elsewhere */
	/* format 6 kana fields: katakana only in its one byte, no ASCII */
	CHECK(decodes("\x21\x7e\x00", 3, TEXT_KANA_BYTE));  /* ァ ヾ */
	CHECK(!decodes("\x80\xa1\x00", 3, TEXT_KANA_BYTE)); /* ァ spelt long */
	CHECK(!decodes("\x80\xfe\x00", 3, TEXT_KANA_BYTE)); /* ヾ spelt long */
	CHECK(decodes("\x80\xff\x00", 3, TEXT_KANA_BYTE));  /* ヿ U+30FF has no one byte */
	CHECK(!decodes("\x21\x1f\x00", 3, TEXT_KANA_BYTE)); /* a control byte */
	CHECK(!decodes("\x21\x7f\x00", 3, TEXT_KANA_BYTE)); /* DEL */
	CHECK(decodes("\x21\x7f\x00", 3, TEXT_KANA_SPACE)); /* ... which format 5 read */
}

TEST(bits_round_trip)
{
	handoff_bits w = {0};
	handoff_bits_put(&w, 1, 1);
	handoff_bits_put(&w, 0x2a, 6);
	handoff_bits_put(&w, 0xFFFFFFFFFFFFFFFFull, 64);
	handoff_bits_put(&w, 5, 3);
	CHECK(w.nbits == 74);
	CHECK(w.buf.len == 10);
	CHECK(w.buf.p[0] == 0xD5); /* 1 101010 1 */
	handoff_bit_reader r = {w.buf.p, w.buf.len, 0};
	unsigned long long v;
	CHECK(handoff_bits_get(&r, 1, &v) == 0 && v == 1);
	CHECK(handoff_bits_get(&r, 6, &v) == 0 && v == 0x2a);
	CHECK(handoff_bits_get(&r, 64, &v) == 0 && v == 0xFFFFFFFFFFFFFFFFull);
	CHECK(handoff_bits_get(&r, 3, &v) == 0 && v == 5);
	CHECK(handoff_bits_get(&r, 6, &v) == 0 && v == 0); /* the padding */
	CHECK(handoff_bits_get(&r, 1, &v) != 0);
	CHECK(handoff_bits_for(0) == 0 && handoff_bits_for(1) == 0 && handoff_bits_for(2) == 1);
	CHECK(handoff_bits_for(3) == 2 && handoff_bits_for(10) == 4 && handoff_bits_for(11) == 4);
	CHECK(handoff_bits_for(1000000) == 20);
	CHECK(handoff_bits_for(10000000000000000000ull) == 64);
	handoff_buf_free(&w.buf);
}

TEST(relationship_term_numbers)
{
	unsigned t[HANDOFF_RELATION_MAX];
	CHECK(handoff_relation_numbers("世帯主", t) == 1 && t[0] == 0);
	CHECK(handoff_relation_numbers("子の妻", t) == 2 && t[0] == 6 && t[1] == 5);
	CHECK(handoff_relation_numbers("妻（未届）", t) == 1 && t[0] == 26);
	CHECK(handoff_relation_numbers("子の子の子", t) == 3);
	CHECK(handoff_relation_numbers("子の子の子の子", t) == 0); /* four: as text */
	CHECK(handoff_relation_numbers("いとこ", t) == 0);
	CHECK(handoff_relation_numbers("子の", t) == 0);
	CHECK(handoff_relation_numbers("の子", t) == 0);
	CHECK(handoff_relation_numbers("", t) == 0);
	for (unsigned i = 0; handoff_relation_term(i); i++)
		CHECK(i < 1u << HANDOFF_RELATION_BITS);
	CHECK(handoff_relation_term(27) == NULL);
}

/* ---- through the whole serialisation ------------------------------------- */

static form_set *
installed(void)
{
	static form_set *s;
	if (!s && form_set_load_dir("forms", &s, NULL, NULL) < 0)
		s = NULL;
	return s;
}

static const form *
find_in(const char *id, int version, const void *ctx)
{
	return form_set_find_version(ctx, id, version);
}

static answers *
reference(const char *name, char **lang)
{
	char path[512], why[256] = "";
	snprintf(path, sizeof path, "%s/answers/%s.json", test_data_dir(), name);
	char *json = test_read_file(path);
	answers *a = json ? answers_from_json(json, installed(), lang, why, sizeof why) : NULL;
	if (!a)
		fprintf(stderr, "    %s: %s\n", path, why);
	free(json);
	return a;
}

/* The serialisation alone, back to the same JSON. */
static void
serial_round_trip(const answers *a, const char *lang)
{
	handoff_buf s = {0};
	handoff_error err;
	answers *back = NULL;
	char *lang2 = NULL, made[11] = "";
	REQUIRE(handoff_serialize(a, lang, "2179-06-06", &s, &err) == HANDOFF_OK);
	handoff_status st = handoff_deserialize(s.p, s.len, HANDOFF_FORMAT_VERSION, find_in,
	                                        installed(), &back, &lang2, made, &err);
	if (st != HANDOFF_OK)
		fprintf(stderr, "    %s\n", err.detail);
	REQUIRE(st == HANDOFF_OK);
	CHECK_STR(made, "2179-06-06"); /* the last day two bytes hold */
	char *j1 = answers_to_json(a, lang), *j2 = answers_to_json(back, lang2);
	CHECK_STR(j2, j1);
	/* any byte less is an error, never the same answers */
	for (size_t cut = 0; cut < s.len; cut++) {
		answers *b2 = NULL;
		if (handoff_deserialize(s.p, cut, HANDOFF_FORMAT_VERSION, find_in, installed(), &b2,
		                        NULL, NULL, &err) == HANDOFF_OK) {
			char *j3 = answers_to_json(b2, lang2);
			CHECK(strcmp(j3, j1) != 0);
			free(j3);
			answers_free(b2);
		}
	}
	free(j1);
	free(j2);
	free(lang2);
	answers_free(back);
	handoff_buf_free(&s);
}

TEST(edge_values_round_trip)
{
	char *lang = NULL;
	answer_error ae;
	REQUIRE(installed());
	answers *a = reference("tennyu_ref", &lang);
	REQUIRE(a);
	/* a relationship of four terms travels as text */
	CHECK(answers_set_at(a, "m_rel", 2, "子の子の子の子", &ae) == ANSWER_OK);
	CHECK(answers_set_at(a, "m_rel", 1, "妻（未届）", &ae) == ANSWER_OK);
	/* a year before 明治 takes the long form; leading zeros of a phone */
	CHECK(answers_set(a, "move_date", "1850-01-01", &ae) == ANSWER_OK);
	CHECK(answers_set(a, "phone", "0012345678", &ae) == ANSWER_OK);
	CHECK(answers_set(a, "new_postal", "001-0000", &ae) == ANSWER_OK);
	CHECK(answers_set(a, "new_bldg", "𠮷田ハイツ 髙橋様方", &ae) == ANSWER_OK);
	serial_round_trip(a, lang);
	answers_free(a);
	free(lang);
}

static int
version_of(const char *text)
{
	handoff_qr *q = NULL;
	handoff_error err;
	if (handoff_qr_make_any(text, &q, &err) != HANDOFF_OK)
		return 99;
	int v = q->version;
	handoff_qr_free(q);
	return v;
}

/* The promise of the format, measured on every reference household. */
TEST(reference_households_fit_a_terminal)
{
	static const char *names[] = {"inkan_ref",     "jidou_teate_ref", "kaigo_ref",
	                              "tenkyo_ref",    "tennyu_ref",      "tenshutsu_ref",
	                              "juminhyo_self", "juminhyo_proxy"};
	char path[512];
	handoff_desk_key desk;
	handoff_city_key city;
	snprintf(path, sizeof path, "%s/keys/desk-test.key", test_data_dir());
	REQUIRE(handoff_desk_key_load(path, &desk, NULL) == HANDOFF_OK);
	snprintf(path, sizeof path, "%s/keys/city-test.pub", test_data_dir());
	REQUIRE(handoff_city_key_load(path, &city, NULL) == HANDOFF_OK);
	REQUIRE(installed());
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		char *lang = NULL;
		answers *a = reference(names[i], &lang);
		CHECK(a != NULL);
		if (!a)
			continue;
		serial_round_trip(a, lang);
		handoff_encode_opts signed_only = {&desk, NULL, HANDOFF_ARMOUR_BASE45, 0, NULL};
		handoff_encode_opts sealed = {&desk, city.pk, HANDOFF_ARMOUR_BASE45, 0, NULL};
		handoff_codes c1 = {0}, c2 = {0};
		handoff_error err;
		CHECK(handoff_encode_with(a, lang, &signed_only, &c1, &err) == HANDOFF_OK);
		CHECK(handoff_encode_with(a, lang, &sealed, &c2, &err) == HANDOFF_OK);
		if (c1.n == 1 && c2.n == 1) {
			int v1 = version_of(c1.text[0]), v2 = version_of(c2.text[0]);
			fprintf(stderr, "    %-15s signed %3zu chars v%d, sealed %3zu chars v%d\n",
			        names[i], strlen(c1.text[0]), v1, strlen(c2.text[0]), v2);
			CHECK(v1 <= 13);
			CHECK(v2 <= 14);
		}
		handoff_codes_free(&c1);
		handoff_codes_free(&c2);
		answers_free(a);
		free(lang);
	}
	handoff_desk_key_wipe(&desk);
}

/* The day a code is made fits two bytes from 2000-01-01; anything else is
 * refused by the encoder rather than carried wrong. */
TEST(made_day_bounds)
{
	char *lang = NULL;
	answers *a = reference("juminhyo_self", &lang);
	REQUIRE(a);
	const char *bad[] = {NULL,         "",           "1999-12-31", "2179-06-07",
	                     "2026-02-30", "2026-13-01", "2026-1-01",  "20261201"};
	for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
		handoff_buf s = {0};
		handoff_error err;
		CHECK_INT(handoff_serialize(a, lang, bad[k], &s, &err), HANDOFF_ERR_INVALID);
		handoff_buf_free(&s);
	}
	handoff_buf s = {0};
	handoff_error err;
	CHECK_INT(handoff_serialize(a, lang, "2000-01-01", &s, &err), HANDOFF_OK);
	handoff_buf_free(&s);
	answers_free(a);
	free(lang);
}

/* A phone number keeps the resident's groups through the code; one
 * written as a single run of digits stays one. */
TEST(phone_groups_round_trip)
{
	char *lang = NULL;
	answers *a = reference("juminhyo_self", &lang);
	REQUIRE(a);
	const char *phones[] = {"03-1234-5678", "0463-12-3456", "090-1234-5678", "0312345678",
	                        "0-3-1-2-3-4-5-6-7-8"};
	for (size_t k = 0; k < sizeof phones / sizeof *phones; k++) {
		REQUIRE(answers_set(a, "phone", phones[k], NULL) == ANSWER_OK);
		CHECK_STR(answers_get(a, "phone"), phones[k]);
		serial_round_trip(a, lang);
	}
	answers_free(a);
	free(lang);
}

/* Where the text code of utf8 (in a text field) is in s, or NULL. */
static unsigned char *
find_text(const handoff_buf *s, const char *utf8, size_t *len)
{
	handoff_buf t = {0};
	unsigned char *at = NULL;
	if (handoff_text_encode(utf8, strlen(utf8), TEXT_PLAIN, &t) == 0)
		for (size_t i = 0; !at && t.len && i + t.len <= s->len; i++)
			if (memcmp(s->p + i, t.p, t.len) == 0)
				at = s->p + i;
	*len = t.len;
	handoff_buf_free(&t);
	return at;
}

/* Format 6: a reading that is its name written in katakana travels as one
 * bit, not as a text; any other reading as a text. */
TEST(reading_that_is_its_name)
{
	char *lang = NULL;
	handoff_error err;
	answers *a = reference("juminhyo_self", &lang), *back = NULL;
	REQUIRE(a);
	size_t n;
	handoff_buf copied = {0}, typed = {0};
	/* juminhyo_self: name グエン ヴァン アン, kana グエン　ヴァン　アン */
	CHECK_STR(answers_get(a, "kana"), "グエン　ヴァン　アン");
	REQUIRE(handoff_serialize(a, lang, "2026-12-06", &copied, &err) == HANDOFF_OK);
	serial_round_trip(a, lang);
	REQUIRE(answers_set(a, "kana", "グエン　ヴァン　アイン", NULL) == ANSWER_OK);
	REQUIRE(handoff_serialize(a, lang, "2026-12-06", &typed, &err) == HANDOFF_OK);
	serial_round_trip(a, lang);
	/* the typed reading's one-byte text and its terminator, less the bit */
	CHECK_INT(typed.len - copied.len, strlen("グエン　ヴァン　アイン") / 3 + 1);
	/* a name that is no reading, with the bit that says the reading is
	 * the name: the copied reading fails the kana check */
	unsigned char *at = find_text(&copied, "グエン ヴァン アン", &n);
	REQUIRE(at && n == 18);
	memcpy(at, "NGUYEN VAN ANHTUAN", n); /* as long: the texts stay aligned */
	CHECK_INT(handoff_deserialize(copied.p, copied.len, HANDOFF_FORMAT_VERSION, find_in,
	                              installed(), &back, NULL, NULL, &err),
	          HANDOFF_ERR_INVALID);
	CHECK(strstr(err.detail, "\"kana\"") != NULL); /* the reading, not the name */
	answers_free(back);
	handoff_buf_free(&copied);
	handoff_buf_free(&typed);
	answers_free(a);
	free(lang);
}
