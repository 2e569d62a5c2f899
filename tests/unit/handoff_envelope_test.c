/*
 * The payload end to end: round trips for the test form, the answers
 * fixtures and every installed form (signed with the test desk key), and
 * one test per decode error class, with envelopes and serialisations
 * crafted byte by byte. Crafted envelopes are unsigned, so they are decoded
 * with allow_unsigned: these tests are about the layers below the
 * signature (handoff_sign_test.c covers the signature and the seal).
 */
#include "tests/unit/handoff_fixture.h"
#include "tests/unit/test.h"

#include "handoff/internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <unistd.h>

static void
print_diag(const form_diag *d, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "    %s:%d: %s\n", d->file, d->line, d->message);
}

/* The installed forms (forms/), or NULL when there are none yet. */
static form_set *
real_forms(void)
{
	static form_set *s;
	static int tried;
	if (!tried) {
		tried = 1;
		if (form_set_load_dir("forms", &s, print_diag, NULL) < 0)
			s = NULL;
	}
	return s;
}

/* The test desk key (tests/data/keys/desk-test.key) and a keyring that
 * trusts it. */
static const handoff_desk_key *
test_desk(void)
{
	static handoff_desk_key k;
	static int loaded;
	char path[512];
	if (!loaded) {
		snprintf(path, sizeof path, "%s/keys/desk-test.key", test_data_dir());
		loaded = handoff_desk_key_load(path, &k, NULL) == HANDOFF_OK ? 1 : -1;
	}
	return loaded == 1 ? &k : NULL;
}

static handoff_keyring *
test_ring(void)
{
	static handoff_keyring kr;
	if (kr.n == 0 && test_desk()) {
		handoff_pubkey pk;
		handoff_desk_key_public(test_desk(), &pk);
		handoff_keyring_add(&kr, &pk);
	}
	return &kr;
}

/* Encodes (signed with the test desk key), decodes, and compares the JSON of
 * both sides. */
static void
check_round_trip(const answers *a, const char *lang, const form_set *forms)
{
	char *text = NULL, *lang2 = NULL, *j1, *j2;
	answers *back = NULL;
	handoff_error err;
	handoff_codes codes = {0};
	handoff_encode_opts o = {test_desk(), NULL, HANDOFF_ARMOUR_BASE45, 0, NULL};
	handoff_verify v = {test_ring(), NULL, 0};

	REQUIRE(test_desk());
	handoff_status st = handoff_encode_with(a, lang, &o, &codes, &err);
	if (st != HANDOFF_OK)
		fprintf(stderr, "    encode: %s: %s\n", handoff_status_name(st), err.detail);
	REQUIRE(st == HANDOFF_OK);
	REQUIRE(codes.n == 1);
	text = codes.text[0];
	codes.text[0] = NULL;
	CHECK_INT(strlen(text), codes.stats.text_chars);
	handoff_codes_free(&codes);
	CHECK(strncmp(text, "YR1:", 4) == 0);
	st = handoff_decode_with((const char *const *)&text, 1, forms, &v, &back, &lang2, NULL,
	                         &err);
	if (st != HANDOFF_OK)
		fprintf(stderr, "    decode: %s: %s\n", handoff_status_name(st), err.detail);
	REQUIRE(st == HANDOFF_OK);
	j1 = answers_to_json(a, lang);
	j2 = answers_to_json(back, lang2);
	CHECK_STR(j2, j1);
	CHECK_STR(lang2, lang);
	free(j1);
	free(j2);
	free(lang2);
	free(text);
	answers_free(back);
}

static answers *
answers_from_file(const char *name, const form_set *forms, char **lang)
{
	char path[512], why[256] = "";
	snprintf(path, sizeof path, "%s/answers/%s", test_data_dir(), name);
	char *json = test_read_file(path);
	if (!json)
		return NULL;
	answers *a = answers_from_json(json, forms, lang, why, sizeof why);
	if (!a)
		fprintf(stderr, "    %s: %s\n", path, why);
	free(json);
	return a;
}

TEST(round_trip_fixtures)
{
	static const char *files[] = {"handoff_test_min.json", "handoff_test_full.json",
	                              "handoff_test_no.json"};
	form_set *forms = hx_forms();
	REQUIRE(forms);
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		char *lang = NULL;
		answers *a = answers_from_file(files[i], forms, &lang);
		CHECK(a != NULL);
		if (!a)
			continue;
		check_round_trip(a, lang, forms);
		answers_free(a);
		free(lang);
	}
}

/* A plausible value of each type, to fill any form generically. */
static const char *
sample_value(const field *fld)
{
	switch (field_kind(fld)) {
	case FIELD_TEXT:
		if (field_text_rule(fld) == TEXT_RULE_RELATIONSHIP)
			return "子";
		return field_max(fld) > 0 && field_max(fld) < 12 ? "山田"
		                                                 : "東京都新宿区西新宿二丁目8番1号";
	case FIELD_KANA:
		return "ヤマダ タロウ";
	case FIELD_DATE:
		return "1980-01-02";
	case FIELD_CHOICE:
	case FIELD_MULTI:
		return field_choice_count(fld) ? field_choice_id(fld, field_choice_count(fld) - 1)
		                               : "";
	case FIELD_NUMBER:
		return NULL;
	case FIELD_PHONE:
		return "0312345678";
	case FIELD_POSTAL:
		return "163-8001";
	}
	return "";
}

/* Every installed form, every field answered where it applies. */
TEST(round_trip_installed_forms)
{
	form_set *forms = real_forms();
	if (!forms || form_set_count(forms) == 0) {
		fprintf(stderr, "    (no installed forms yet)\n");
		return;
	}
	for (size_t k = 0; k < form_set_count(forms); k++) {
		const form *f = form_set_at(forms, k);
		answers *a = answers_new(f);
		for (size_t i = 0; i < form_field_count(f); i++) {
			const field *fld = form_field_at(f, i);
			char num[16];
			const char *v = sample_value(fld);
			if (!v) {
				snprintf(num, sizeof num, "%d",
				         field_min(fld) > 0 ? field_min(fld) : 1);
				v = num;
			}
			answer_error ae;
			if (!field_repeat(fld)) {
				if (field_applies(a, fld))
					answers_set(a, field_id(fld), v, &ae);
				continue;
			}
			/* two instances of every repeat, the second one added here */
			if (answers_repeat_count(a, field_repeat(fld)) < 2)
				answers_repeat_add(a, field_repeat(fld));
			for (int in = 0; in < answers_repeat_count(a, field_repeat(fld)); in++)
				if (field_applies_at(a, fld, in))
					answers_set_at(a, field_id(fld), in, v, &ae);
		}
		int missing = -1;
		CHECK(answers_complete(a, &missing));
		if (missing >= 0)
			fprintf(stderr, "    %s: could not fill \"%s\"\n", form_id(f),
			        field_id(form_field_at(f, (size_t)missing)));
		else
			check_round_trip(a, "ja", forms);
		answers_free(a);
	}
}

TEST(encode_incomplete)
{
	form_set *forms = hx_forms();
	REQUIRE(forms);
	answers *a = answers_new(form_set_find(forms, "handoff_test"));
	handoff_codes codes = {0};
	handoff_encode_opts o = {test_desk(), NULL, HANDOFF_ARMOUR_BASE45, 0, NULL};
	handoff_error err;
	answer_error ae;
	CHECK_INT(answers_set(a, "name", "佐藤", &ae), ANSWER_OK);
	CHECK_INT(handoff_encode_with(a, "ja", &o, &codes, &err), HANDOFF_ERR_INCOMPLETE);
	CHECK(codes.n == 0);
	CHECK(strstr(err.detail, "birth") != NULL);
	answers_free(a);
}

TEST(encode_too_large)
{
	form_set *forms = hx_forms();
	REQUIRE(forms);
	char *lang = NULL;
	answers *a = answers_from_file("handoff_test_full.json", forms, &lang);
	REQUIRE(a);
	/* A long note of varied kanji that DEFLATE cannot shrink much. */
	char *note = malloc(3 * 3000 + 1), *p = note;
	unsigned x = 12345;
	for (int i = 0; i < 3000; i++) {
		x = x * 1103515245u + 12345u;
		unsigned cp = 0x4e00 + (x >> 8) % 0x5000;
		*p++ = (char)(0xe0 | cp >> 12);
		*p++ = (char)(0x80 | (cp >> 6 & 0x3f));
		*p++ = (char)(0x80 | (cp & 0x3f));
	}
	*p = '\0';
	answer_error ae;
	if (answers_set(a, "note", note, &ae) == ANSWER_OK) {
		handoff_error err;
		handoff_codes codes = {0};
		handoff_encode_opts o = {test_desk(), NULL, HANDOFF_ARMOUR_BASE45, 0, NULL};
		CHECK_INT(handoff_encode_with(a, lang, &o, &codes, &err), HANDOFF_ERR_TOO_LARGE);
		CHECK(codes.n == 0);
		CHECK(codes.stats.text_chars > HANDOFF_MAX_TEXT);
		handoff_codes_free(&codes);
	} else {
		fprintf(stderr, "    (engine refused a 3000-character note: %d)\n", ae.status);
	}
	free(note);
	free(lang);
	answers_free(a);
}

/* ---- crafted payloads ----------------------------------------------------- */

/* A serialisation built by hand: header bytes, the bit section, the texts
 * (docs/handoff-format.md, "Serialisation"). */
typedef struct craft {
	handoff_buf hdr, texts;
	handoff_bits bits;
} craft;

static void
sput_var(handoff_buf *b, unsigned long long v)
{
	while (v >= 0x80) {
		handoff_buf_putc(b, (unsigned char)(v | 0x80));
		v >>= 7;
	}
	handoff_buf_putc(b, (unsigned char)v);
}

static void
sput_str(handoff_buf *b, const char *s)
{
	sput_var(b, strlen(s));
	handoff_buf_put(b, s, strlen(s));
}

static char *
wrap(int version, int flags, const unsigned char *serial, size_t n)
{
	handoff_buf env = {0};
	handoff_buf_putc(&env, (unsigned char)version);
	handoff_buf_putc(&env, (unsigned char)flags);
	handoff_deflate(HANDOFF_FORMAT_VERSION, serial, n, &env);
	char *b = handoff_b45_encode(env.p, env.len);
	char *t = malloc(strlen(b) + 5);
	strcpy(t, "YR1:");
	strcat(t, b);
	free(b);
	handoff_buf_free(&env);
	return t;
}

/* The header of handoff_test version 1 in English, made on HX_VECTOR_DAY. */
static void
header(craft *c, const char *id, unsigned version)
{
	sput_str(&c->hdr, id);
	sput_var(&c->hdr, version);
	sput_str(&c->hdr, "en");
	handoff_buf_putc(&c->hdr, 0x26);
	handoff_buf_putc(&c->hdr, 0x67);
}

static void
cbits(craft *c, unsigned long long v, int n)
{
	handoff_bits_put(&c->bits, v, n);
}

static void
ctext(craft *c, const char *utf8)
{
	REQUIRE(handoff_text_encode(utf8, strlen(utf8), TEXT_PLAIN, &c->texts) == 0);
	handoff_buf_putc(&c->texts, 0);
}

/* A date in the bit section: year - 1868 (8 bits), month - 1, day - 1. */
static void
cdate(craft *c, unsigned y, unsigned m, unsigned d)
{
	cbits(c, y - 1868, 8);
	cbits(c, m - 1, 4);
	cbits(c, d - 1, 5);
}

/* birth and copies (1..10 in 4 bits) in the bits, the name in the texts:
 * the required fields, which have no presence bits. */
static void
required(craft *c, unsigned copies)
{
	cdate(c, 1982, 7, 14);
	cbits(c, copies - 1, 4);
	ctext(c, "佐藤 健一");
}

static void
craft_join(craft *c, handoff_buf *out)
{
	handoff_buf_put(out, c->hdr.p, c->hdr.len);
	handoff_buf_put(out, c->bits.buf.p, c->bits.buf.len);
	handoff_buf_put(out, c->texts.p, c->texts.len);
	handoff_buf_free(&c->hdr);
	handoff_buf_free(&c->texts);
	handoff_buf_free(&c->bits.buf);
	*c = (craft){0};
}

static handoff_status
decode_st(const char *text, handoff_error *err)
{
	answers *a = NULL;
	char *lang = NULL;
	handoff_verify v = {test_ring(), NULL, 1};
	handoff_status st = handoff_decode_with(&text, 1, hx_forms(), &v, &a, &lang, NULL, err);
	if (st == HANDOFF_OK) {
		CHECK(a != NULL && lang != NULL);
		answers_free(a);
		free(lang);
	} else {
		CHECK(a == NULL && lang == NULL);
		CHECK(err->status == st);
		CHECK(err->detail[0] != '\0');
	}
	return st;
}

static handoff_status
serial_st(craft *c)
{
	handoff_error err;
	handoff_buf b = {0};
	craft_join(c, &b);
	char *t = wrap(HANDOFF_FORMAT_VERSION, 0, b.p, b.len);
	handoff_status st = decode_st(t, &err);
	free(t);
	handoff_buf_free(&b);
	return st;
}

/* The three optional fields absent: ok, items, note. */
static void
no_optional(craft *c)
{
	cbits(c, 0, 3);
}

TEST(crafted_valid)
{
	craft c = {0};
	REQUIRE(hx_forms());
	header(&c, "handoff_test", 1);
	required(&c, 2);
	no_optional(&c);
	CHECK_INT(serial_st(&c), HANDOFF_OK);

	/* ok = yes (index 0 in 1 bit), items = b (bits 0 1), note. */
	header(&c, "handoff_test", 1);
	required(&c, 2);
	cbits(&c, 1, 1);
	cbits(&c, 0, 1);
	cbits(&c, 1, 1);
	cbits(&c, 0, 1);
	cbits(&c, 1, 1);
	cbits(&c, 1, 1);
	ctext(&c, "備考");
	CHECK_INT(serial_st(&c), HANDOFF_OK);
}

/* Decodes an unsigned text, returning its origin. */
static handoff_status
origin_of(const char *text, handoff_origin *o)
{
	answers *a = NULL;
	handoff_error err;
	handoff_verify v = {NULL, NULL, 1};
	handoff_status st = handoff_decode_with(&text, 1, hx_forms(), &v, &a, NULL, o, &err);
	answers_free(a);
	return st;
}

/* Version 5 carries the day the code was made; version 4, the first
 * release, is the same without it and still decodes, with no day. */
TEST(made_day_and_format_4)
{
	craft c = {0};
	handoff_buf b = {0};
	handoff_origin o;
	REQUIRE(hx_forms());
	header(&c, "handoff_test", 1);
	required(&c, 2);
	no_optional(&c);
	craft_join(&c, &b);
	char *t = wrap(5, 0, b.p, b.len);
	CHECK_INT(origin_of(t, &o), HANDOFF_OK);
	CHECK_INT(o.format, 5);
	CHECK_STR(o.made, HX_VECTOR_DAY);
	free(t);
	/* the same bytes as version 4: the day's two bytes are not read as a
	 * day, and the bits after them no longer parse */
	t = wrap(4, 0, b.p, b.len);
	CHECK(origin_of(t, &o) != HANDOFF_OK);
	free(t);
	handoff_buf_free(&b);

	sput_str(&c.hdr, "handoff_test");
	sput_var(&c.hdr, 1);
	sput_str(&c.hdr, "en");
	required(&c, 2);
	no_optional(&c);
	craft_join(&c, &b);
	t = wrap(4, 0, b.p, b.len);
	CHECK_INT(origin_of(t, &o), HANDOFF_OK);
	CHECK_INT(o.format, 4);
	CHECK_STR(o.made, "");
	free(t);
	/* a version 5 header cut after one byte of the day */
	handoff_buf_free(&b);
	sput_str(&c.hdr, "handoff_test");
	sput_var(&c.hdr, 1);
	sput_str(&c.hdr, "en");
	handoff_buf_putc(&c.hdr, 0x26);
	craft_join(&c, &b);
	t = wrap(5, 0, b.p, b.len);
	CHECK_INT(origin_of(t, &o), HANDOFF_ERR_CORRUPT);
	free(t);
	handoff_buf_free(&b);
}

TEST(error_unknown_form)
{
	craft c = {0};
	REQUIRE(hx_forms());
	header(&c, "nosuch", 1);
	required(&c, 2);
	no_optional(&c);
	CHECK_INT(serial_st(&c), HANDOFF_ERR_UNKNOWN_FORM);
	header(&c, "handoff_test", 2);
	required(&c, 2);
	no_optional(&c);
	CHECK_INT(serial_st(&c), HANDOFF_ERR_UNKNOWN_FORM);
}

TEST(error_invalid_values)
{
	craft c = {0};
	REQUIRE(hx_forms());
	header(&c, "handoff_test", 1); /* copies 11 > max 10 */
	required(&c, 11);
	no_optional(&c);
	CHECK_INT(serial_st(&c), HANDOFF_ERR_CORRUPT);

	header(&c, "handoff_test", 1); /* 30 February */
	cdate(&c, 2001, 2, 30);
	cbits(&c, 1, 4);
	ctext(&c, "佐藤");
	no_optional(&c);
	CHECK_INT(serial_st(&c), HANDOFF_ERR_INVALID);

	header(&c, "handoff_test", 1); /* day 32 */
	cdate(&c, 2001, 1, 32);
	cbits(&c, 1, 4);
	ctext(&c, "佐藤");
	no_optional(&c);
	CHECK_INT(serial_st(&c), HANDOFF_ERR_INVALID);

	header(&c, "handoff_test", 1); /* note while ok = no */
	required(&c, 2);
	cbits(&c, 1, 1);
	cbits(&c, 1, 1);
	cbits(&c, 0, 1);
	cbits(&c, 1, 1);
	ctext(&c, "備考");
	CHECK_INT(serial_st(&c), HANDOFF_ERR_INVALID);

	header(&c, "handoff_test", 1); /* note while ok is unanswered */
	required(&c, 2);
	cbits(&c, 0, 2);
	cbits(&c, 1, 1);
	ctext(&c, "備考");
	CHECK_INT(serial_st(&c), HANDOFF_ERR_INVALID);

	header(&c, "handoff_test", 1); /* a name over 60 characters */
	cdate(&c, 1982, 7, 14);
	cbits(&c, 1, 4);
	ctext(&c, "あいうえおかきくけこあいうえおかきくけこあいうえおかきくけこ"
	          "あいうえおかきくけこあいうえおかきくけこあいうえおかきくけこあ");
	no_optional(&c);
	CHECK_INT(serial_st(&c), HANDOFF_ERR_INVALID);
}

TEST(error_corrupt_structure)
{
	craft c = {0};
	REQUIRE(hx_forms());
	CHECK_INT(serial_st(&c), HANDOFF_ERR_CORRUPT); /* empty */

	header(&c, "handoff_test", 1); /* no texts: the name is missing */
	cdate(&c, 1982, 7, 14);
	cbits(&c, 1, 4);
	no_optional(&c);
	CHECK_INT(serial_st(&c), HANDOFF_ERR_CORRUPT);

	header(&c, "handoff_test", 1); /* empty multi */
	required(&c, 2);
	cbits(&c, 0, 1);
	cbits(&c, 1, 1);
	cbits(&c, 0, 2);
	cbits(&c, 0, 1);
	CHECK_INT(serial_st(&c), HANDOFF_ERR_CORRUPT);

	header(&c, "handoff_test", 1); /* padding that is not zero */
	required(&c, 2);
	cbits(&c, 1, 1); /* ok = yes: 25 bits in all, 7 of padding */
	cbits(&c, 0, 1);
	cbits(&c, 0, 2);
	cbits(&c, 1, 1);
	CHECK_INT(serial_st(&c), HANDOFF_ERR_CORRUPT);

	header(&c, "handoff_test", 1); /* a text left over */
	required(&c, 2);
	no_optional(&c);
	ctext(&c, "x");
	CHECK_INT(serial_st(&c), HANDOFF_ERR_CORRUPT);

	header(&c, "handoff_test", 1); /* an empty text */
	cdate(&c, 1982, 7, 14);
	cbits(&c, 1, 4);
	no_optional(&c);
	handoff_buf_putc(&c.texts, 0);
	CHECK_INT(serial_st(&c), HANDOFF_ERR_CORRUPT);

	header(&c, "handoff_test", 1); /* an unterminated text */
	cdate(&c, 1982, 7, 14);
	cbits(&c, 1, 4);
	no_optional(&c);
	handoff_buf_put(&c.texts, "abc", 3);
	CHECK_INT(serial_st(&c), HANDOFF_ERR_CORRUPT);

	header(&c, "handoff_test", 1); /* a two-byte character cut by the end */
	cdate(&c, 1982, 7, 14);
	cbits(&c, 1, 4);
	no_optional(&c);
	handoff_buf_put(&c.texts, "a\x9e", 2);
	CHECK_INT(serial_st(&c), HANDOFF_ERR_CORRUPT);

	header(&c, "handoff_test", 1); /* an escape for a one-byte character */
	cdate(&c, 1982, 7, 14);
	cbits(&c, 1, 4);
	no_optional(&c);
	handoff_buf_put(&c.texts, "\xff\x00\x00\x41\x00", 5);
	CHECK_INT(serial_st(&c), HANDOFF_ERR_CORRUPT);

	header(&c, "handoff_test", 1); /* a year escape for a year 8 bits say */
	cbits(&c, 255, 8);
	cbits(&c, 1982, 14);
	cbits(&c, 6, 4);
	cbits(&c, 13, 5);
	cbits(&c, 1, 4);
	ctext(&c, "佐藤");
	no_optional(&c);
	CHECK_INT(serial_st(&c), HANDOFF_ERR_CORRUPT);

	sput_str(&c.hdr, "handoff_test"); /* overlong varint for the version */
	handoff_buf_putc(&c.hdr, 0x81);
	handoff_buf_putc(&c.hdr, 0x00);
	sput_str(&c.hdr, "en");
	required(&c, 2);
	no_optional(&c);
	CHECK_INT(serial_st(&c), HANDOFF_ERR_CORRUPT);

	sput_str(&c.hdr, "handoff test"); /* a space in the form id */
	sput_var(&c.hdr, 1);
	sput_str(&c.hdr, "en");
	CHECK_INT(serial_st(&c), HANDOFF_ERR_CORRUPT);

	sput_str(&c.hdr, "handoff_test"); /* a language with a quote */
	sput_var(&c.hdr, 1);
	sput_str(&c.hdr, "e\"n");
	CHECK_INT(serial_st(&c), HANDOFF_ERR_CORRUPT);

	header(&c, "handoff_test", 1); /* the bits stop early */
	cdate(&c, 1982, 7, 14);
	CHECK_INT(serial_st(&c), HANDOFF_ERR_CORRUPT);
}

/* ---- the text and envelope layers ----------------------------------------- */

static char *
valid_text(void)
{
	craft c = {0};
	handoff_buf b = {0};
	header(&c, "handoff_test", 1);
	required(&c, 2);
	no_optional(&c);
	craft_join(&c, &b);
	char *t = wrap(HANDOFF_FORMAT_VERSION, 0, b.p, b.len);
	handoff_buf_free(&b);
	return t;
}

static char *
cat(const char *a, const char *b)
{
	char *s = malloc(strlen(a) + strlen(b) + 1);
	strcpy(s, a);
	strcat(s, b);
	return s;
}

static handoff_status
text_st(char *owned)
{
	handoff_error err;
	handoff_status st = decode_st(owned, &err);
	free(owned);
	return st;
}

TEST(text_whitespace_tolerated)
{
	REQUIRE(hx_forms());
	char *t = valid_text();
	CHECK_INT(text_st(cat(t, "\r\n")), HANDOFF_OK);
	CHECK_INT(text_st(cat(t, "\n")), HANDOFF_OK);
	CHECK_INT(text_st(cat(t, "  \r\n ")), HANDOFF_OK);
	CHECK_INT(text_st(cat(" ", t)), HANDOFF_ERR_PREFIX);
	CHECK_INT(text_st(cat(t, "\t")), HANDOFF_ERR_ENCODING);
	free(t);
}

TEST(error_prefix)
{
	handoff_error err;
	REQUIRE(hx_forms());
	char *t = valid_text();
	CHECK_INT(decode_st("", &err), HANDOFF_ERR_PREFIX);
	CHECK_INT(decode_st("\r\n", &err), HANDOFF_ERR_PREFIX);
	CHECK_INT(decode_st("YR1", &err), HANDOFF_ERR_PREFIX);
	CHECK_INT(decode_st("https://example.jp/", &err), HANDOFF_ERR_PREFIX);
	CHECK_INT(text_st(cat("HC1:", t + 4)), HANDOFF_ERR_PREFIX);
	CHECK_INT(text_st(cat("\xef\xbb\xbf", t)), HANDOFF_ERR_PREFIX);
	const char *none = NULL;
	handoff_verify strict = {test_ring(), NULL, 0};
	CHECK_INT(handoff_decode_with(&none, 1, hx_forms(), &strict, &(answers *){NULL}, NULL, NULL,
	                              &err),
	          HANDOFF_ERR_PREFIX);
	/* A decoder that does not allow unsigned codes refuses them. */
	CHECK_INT(handoff_decode_with((const char *const *)&t, 1, hx_forms(), &strict,
	                              &(answers *){NULL}, NULL, NULL, &err),
	          HANDOFF_ERR_UNSIGNED);
	free(t);
}

TEST(error_lowercase)
{
	REQUIRE(hx_forms());
	char *t = valid_text(), *l = strdup(t);
	for (char *p = l; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	CHECK_INT(text_st(strdup(l)), HANDOFF_ERR_LOWERCASE);
	CHECK_INT(text_st(cat("yr1:", t + 4)), HANDOFF_ERR_LOWERCASE);
	CHECK_INT(text_st(cat("YR1:", l + 4)), t[4 + strcspn(t + 4, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")]
	                                               ? HANDOFF_ERR_LOWERCASE
	                                               : HANDOFF_OK);
	CHECK_INT(text_st(cat(t, "a")), HANDOFF_ERR_LOWERCASE);
	free(l);
	free(t);
}

TEST(error_encoding)
{
	handoff_error err;
	REQUIRE(hx_forms());
	char *t = valid_text(), *m = strdup(t);
	m[6] = '!';
	CHECK_INT(text_st(strdup(m)), HANDOFF_ERR_ENCODING);
	m[6] = '_';
	CHECK_INT(text_st(strdup(m)), HANDOFF_ERR_ENCODING);
	CHECK_INT(decode_st("YR1:GGW", &err), HANDOFF_ERR_ENCODING);
	CHECK_INT(decode_st("YR1:0", &err), HANDOFF_ERR_ENCODING);
	CHECK_INT(text_st(cat(t, "\xe3\x81\x82")), HANDOFF_ERR_ENCODING);
	free(m);
	free(t);
}

TEST(error_truncated_and_trailing)
{
	handoff_error err;
	REQUIRE(hx_forms());
	char *t = valid_text();
	size_t n = strlen(t);
	CHECK_INT(decode_st("YR1:", &err), HANDOFF_ERR_CORRUPT);
	/* Cut after every character: never OK, never a crash. */
	for (size_t cut = 5; cut < n; cut++) {
		char *c = strndup(t, cut);
		handoff_status st = text_st(c);
		CHECK(st == HANDOFF_ERR_CORRUPT || st == HANDOFF_ERR_ENCODING);
	}
	/* Cut at a group boundary: valid Base45, a DEFLATE stream cut short. */
	CHECK_INT(text_st(strndup(t, 4 + ((n - 4) / 3 - 1) * 3)), HANDOFF_ERR_CORRUPT);
	/* Trailing garbage: whole groups after the end of the stream. */
	if ((n - 4) % 3 == 0) {
		CHECK_INT(text_st(cat(t, "00")), HANDOFF_ERR_CORRUPT);
		CHECK_INT(text_st(cat(t, "000")), HANDOFF_ERR_CORRUPT);
	} else {
		CHECK_INT(text_st(cat(t, "00")), HANDOFF_ERR_ENCODING);
		CHECK_INT(text_st(cat(t, "0000")), HANDOFF_ERR_CORRUPT);
	}
	handoff_status st2 = text_st(cat(t, t + 4));
	CHECK(st2 == HANDOFF_ERR_CORRUPT || st2 == HANDOFF_ERR_ENCODING);
	free(t);
}

static char *
wrap_raw(const unsigned char *env, size_t n)
{
	char *b = handoff_b45_encode(env, n), *t = cat("YR1:", b);
	free(b);
	return t;
}

TEST(error_envelope)
{
	craft c = {0};
	handoff_buf b = {0};
	const int v = HANDOFF_FORMAT_VERSION;
	REQUIRE(hx_forms());
	header(&c, "handoff_test", 1);
	required(&c, 2);
	no_optional(&c);
	craft_join(&c, &b);
	CHECK_INT(text_st(wrap(7, 0, b.p, b.len)), HANDOFF_ERR_VERSION);
	CHECK_INT(text_st(wrap(3, 0, b.p, b.len)), HANDOFF_ERR_VERSION); /* before typed numbers */
	CHECK_INT(text_st(wrap(0, 0, b.p, b.len)), HANDOFF_ERR_VERSION);
	/* the pre-release drafts */
	CHECK_INT(text_st(wrap(1, 0, b.p, b.len)), HANDOFF_ERR_VERSION);
	CHECK_INT(text_st(wrap(2, 1, b.p, b.len)), HANDOFF_ERR_VERSION);
	/* Flags that promise a signature or seal the body does not have. */
	CHECK_INT(text_st(wrap(v, HANDOFF_FLAG_SIGNED, b.p, b.len)), HANDOFF_ERR_CORRUPT);
	/* sealed: too short to hold a key id, a key and a tag is damaged; long
	 * enough, it needs the city's key first */
	CHECK_INT(text_st(wrap(v, HANDOFF_FLAG_SEALED, b.p, b.len)), HANDOFF_ERR_CORRUPT);
	unsigned char fake[80] = {(unsigned char)v, HANDOFF_FLAG_SEALED};
	CHECK_INT(text_st(wrap_raw(fake, sizeof fake)), HANDOFF_ERR_SEALED);
	fake[1] = HANDOFF_FLAG_SEALED | HANDOFF_FLAG_SIGNED;
	CHECK_INT(text_st(wrap_raw(fake, sizeof fake)), HANDOFF_ERR_CORRUPT);
	CHECK_INT(text_st(wrap(v, HANDOFF_FLAG_PART, b.p, b.len)), HANDOFF_ERR_CORRUPT);
	CHECK_INT(text_st(wrap(v, 0x80, b.p, b.len)), HANDOFF_ERR_VERSION);
	CHECK_INT(text_st(wrap(v, 0x08, b.p, b.len)), HANDOFF_ERR_VERSION);
	char *t = wrap(v, 0, b.p, b.len);
	CHECK_INT(text_st(cat("YR2:", t + 4)), HANDOFF_ERR_VERSION);
	CHECK_INT(text_st(cat("YR10:", t + 4)), HANDOFF_ERR_VERSION);
	free(t);
	handoff_buf_free(&b);

	unsigned char one[] = {4}, two[] = {4, 0}, junk[] = {4, 0, 0xff, 0xff, 0xff};
	CHECK_INT(text_st(wrap_raw(one, 1)), HANDOFF_ERR_CORRUPT);
	CHECK_INT(text_st(wrap_raw(two, 2)), HANDOFF_ERR_CORRUPT);
	CHECK_INT(text_st(wrap_raw(junk, sizeof junk)), HANDOFF_ERR_CORRUPT);

	/* A zip bomb: 1 MiB of zeros in a few hundred bytes. */
	size_t big = 1 << 20;
	unsigned char *zeros = calloc(1, big);
	CHECK_INT(text_st(wrap(v, 0, zeros, big)), HANDOFF_ERR_CORRUPT);
	free(zeros);
}

/* Every single-character substitution of a valid payload gives a typed
 * answer (the sanitizer build makes this a small fuzz run). */
TEST(mutations_are_total)
{
	static const char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:a!";
	REQUIRE(hx_forms());
	char *t = valid_text();
	size_t n = strlen(t);
	int ok = 0;
	for (size_t i = 0; i < n; i++) {
		char keep = t[i];
		for (const char *c = alphabet; *c; c++) {
			if (*c == keep)
				continue;
			t[i] = *c;
			handoff_error err;
			handoff_status st = decode_st(t, &err);
			CHECK(st <= HANDOFF_ERR_PARTS_MIXED && st != HANDOFF_ERR_IO);
			ok += st == HANDOFF_OK;
		}
		t[i] = keep;
	}
	fprintf(stderr, "    %d of %zu mutations still decode\n", ok, n * 46);
	free(t);
}

/* The unsigned test vector of docs/handoff-format.md (vector U), both
 * ways: it pins the layers below the signature. handoff_vector_test.c
 * checks the signed and sealed vectors. */
#define SPEC_VECTOR "YR1:6Y0%ZS6996Q941A QHDB9%%5OUC3/PWM9GI9O10G9LCOGSDFCN1"

TEST(spec_test_vector)
{
	form_set *forms = hx_forms();
	REQUIRE(forms);
	char *lang = NULL, *lang2 = NULL, *text = NULL;
	answers *a = answers_from_file("handoff_test_min.json", forms, &lang), *back = NULL;
	handoff_error err;
	REQUIRE(a);
	REQUIRE(decode_st(SPEC_VECTOR, &err) == HANDOFF_OK);
	const char *vec = SPEC_VECTOR;
	handoff_verify v = {NULL, NULL, 1};
	REQUIRE(handoff_decode_with(&vec, 1, forms, &v, &back, &lang2, NULL, &err) == HANDOFF_OK);
	char *j1 = answers_to_json(a, lang), *j2 = answers_to_json(back, lang2);
	CHECK_STR(j2, j1);
	/* Encoding is deterministic with this zlib; another DEFLATE encoder may
	 * choose other bytes that decode the same. */
	handoff_buf serial = {0};
	REQUIRE(handoff_serialize(a, lang, HX_VECTOR_DAY, &serial, &err) == HANDOFF_OK);
	text = wrap(HANDOFF_FORMAT_VERSION, 0, serial.p, serial.len);
	handoff_buf_free(&serial);
	CHECK_STR(text, SPEC_VECTOR);
	free(j1);
	free(j2);
	free(text);
	free(lang);
	free(lang2);
	answers_free(a);
	answers_free(back);
}

/* A code made with tennyu version 1 (tests/data/handoff/tennyu-v1.code,
 * made before 在留資格 and 在留期間 became choices) still decodes at the
 * counter, as version 1, with the answers as typed then. */
TEST(code_of_an_older_form_version_decodes)
{
	form_set *forms = real_forms();
	char path[512];
	REQUIRE(forms && test_desk());
	REQUIRE(form_version(form_set_find(forms, "tennyu")) == 2);
	snprintf(path, sizeof path, "%s/handoff/tennyu-v1.code", test_data_dir());
	char *text = test_read_file(path);
	REQUIRE(text);
	text[strcspn(text, "\n")] = '\0';
	snprintf(path, sizeof path, "%s/handoff/tennyu-v1.json", test_data_dir());
	char *want = test_read_file(path);
	REQUIRE(want);
	want[strcspn(want, "\n")] = '\0';
	answers *a = NULL;
	char *lang = NULL;
	handoff_error err;
	handoff_verify v = {test_ring(), NULL, 0};
	const char *scan = text;
	handoff_status st = handoff_decode_with(&scan, 1, forms, &v, &a, &lang, NULL, &err);
	if (st != HANDOFF_OK)
		fprintf(stderr, "    decode: %s: %s\n", handoff_status_name(st), err.detail);
	REQUIRE(st == HANDOFF_OK);
	CHECK_INT(form_version(answers_form(a)), 1);
	CHECK_STR(answers_get_at(a, "m_status", 0), "永住者");
	char *j = answers_to_json(a, lang);
	CHECK_STR(j, want);
	free(j);
	free(lang);
	answers_free(a);
	free(want);
	free(text);
}
