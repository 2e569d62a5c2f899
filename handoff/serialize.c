/*
 * The compact, canonical serialisation of answers (docs/handoff-format.md,
 * "Serialisation"), format version 6. The form definition is the schema:
 *
 *   header   form id, form version and UI language, as bytes, then the
 *            day the code was made in two bytes (not in version 4)
 *   bits     every field in definition order, repeats instance by instance:
 *            a presence bit (none for a required field that always
 *            applies), then the value in as few bits as its type needs:
 *            choices by index, multi choices as one bit each, dates,
 *            numbers, postal codes, phone numbers, 続柄 as term numbers;
 *            a repeat starts with its instance count
 *   texts    the text values, in the same order, each in the text code
 *            (textcode.c) and ended by a 0 byte
 *
 * Separating the dense bits from the texts lets DEFLATE see the texts
 * side by side, where names and addresses repeat.
 */
#include "handoff/internal.h"

#include <limits.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_FORM_ID 64
#define MAX_LANG    35
#define MAX_DIGITS  19
#define YEAR_BASE   1868 /* 明治元年: a year in 8 bits covers 1868..2122 */
#define YEAR_ESCAPE 255  /* ... and other years follow in 14 bits */
#define POSTAL_BITS 24
#define COUNT_BITS  5              /* digit count of a phone number */
#define NO          "\xE3\x81\xAE" /* の */

/* ---- header bytes -------------------------------------------------------- */

static void
put_uvar(handoff_buf *b, unsigned long long v)
{
	while (v >= 0x80) {
		handoff_buf_putc(b, (unsigned char)(v & 0x7f) | 0x80);
		v >>= 7;
	}
	handoff_buf_putc(b, (unsigned char)v);
}

static void
put_str(handoff_buf *b, const char *s, size_t n)
{
	put_uvar(b, n);
	handoff_buf_put(b, s, n);
}

/* Ids and language tags are plain ASCII: letters, digits, - _ @ . */
static int
plain_ok(const char *s, size_t n, size_t max)
{
	if (n > max)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '-' || c == '_' || c == '@' || c == '.'))
			return 0;
	}
	return 1;
}

/* ---- the day the code was made ---------------------------------------- */

/* Days are counted from 2000-01-01 in two bytes: up to 2179-06-06. The
 * calendar arithmetic is the C library's, in UTC. */
#define DAY_EPOCH 946684800 /* 2000-01-01T00:00:00Z */
#define DAY_MAX   0xFFFF

static int
day_from_iso(const char *iso, unsigned *day)
{
	struct tm tm = {0};
	char back[11];
	int y, m, d;
	if (!iso || strlen(iso) != 10 || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return -1;
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	time_t t = timegm(&tm);
	long long days = ((long long)t - DAY_EPOCH) / 86400;
	if (t == (time_t)-1 || t < DAY_EPOCH || days > DAY_MAX)
		return -1;
	/* timegm normalises 2026-02-30 to March: such a day is refused */
	snprintf(back, sizeof back, "%04u-%02u-%02u", (unsigned)(tm.tm_year + 1900) % 10000u,
	         (unsigned)(tm.tm_mon + 1) % 100u, (unsigned)tm.tm_mday % 100u);
	if (strcmp(back, iso) != 0)
		return -1;
	*day = (unsigned)days;
	return 0;
}

static void
day_to_iso(unsigned day, char out[11])
{
	time_t t = (time_t)DAY_EPOCH + (time_t)day * 86400;
	struct tm tm;
	gmtime_r(&t, &tm);
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)(tm.tm_year + 1900) % 10000u,
	         (unsigned)(tm.tm_mon + 1) % 100u, (unsigned)tm.tm_mday % 100u);
}

/* ---- shared rules -------------------------------------------------------- */

/* A required field that applies whatever the answers is always there, so
 * it needs no presence bit. */
static int
has_presence_bit(const field *fld)
{
	return !(field_required(fld) && field_always_applies(fld));
}

static int
is_relationship(const field *fld)
{
	return field_kind(fld) == FIELD_TEXT && field_text_rule(fld) == TEXT_RULE_RELATIONSHIP;
}

static int
number_bits(const field *fld)
{
	return handoff_bits_for((unsigned long long)((long long)field_max(fld) - field_min(fld)) +
	                        1);
}

static unsigned long long
pow10u(unsigned long long n)
{
	unsigned long long v = 1;
	while (n--)
		v *= 10;
	return v;
}

static int
all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static unsigned long long
digits_value(const char *s, size_t n)
{
	unsigned long long v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (unsigned long long)(s[i] - '0');
	return v;
}

/* ---- writing ------------------------------------------------------------- */

typedef struct writer {
	handoff_bits bits;
	handoff_buf texts;
} writer;

static int
put_text(writer *w, const char *v, handoff_text_mode mode)
{
	if (handoff_text_encode(v, strlen(v), mode, &w->texts) != 0)
		return -1;
	handoff_buf_putc(&w->texts, 0);
	return 0;
}

/* Multi choices: one bit per choice in definition order. Only the
 * canonical spelling (ids in definition order, single spaces) is taken:
 * the bits must spell the value again. */
static int
put_multi(writer *w, const field *fld, const char *v)
{
	handoff_buf again = {0};
	for (size_t i = 0; i < field_choice_count(fld); i++) {
		int on = field_multi_has(fld, v, i);
		handoff_bits_put(&w->bits, (unsigned long long)on, 1);
		if (!on)
			continue;
		if (again.len)
			handoff_buf_putc(&again, ' ');
		handoff_buf_put(&again, field_choice_id(fld, i), strlen(field_choice_id(fld, i)));
	}
	int same = again.len == strlen(v) && memcmp(again.p, v, again.len) == 0;
	handoff_buf_free(&again);
	return same ? 0 : -1;
}

static int
put_date(writer *w, const char *v)
{
	if (strlen(v) != 10 || v[4] != '-' || v[7] != '-' || !all_digits(v, 4) ||
	    !all_digits(v + 5, 2) || !all_digits(v + 8, 2))
		return -1;
	unsigned long long y = digits_value(v, 4), m = digits_value(v + 5, 2),
	                   d = digits_value(v + 8, 2);
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	if (y >= YEAR_BASE && y < YEAR_BASE + YEAR_ESCAPE) {
		handoff_bits_put(&w->bits, y - YEAR_BASE, 8);
	} else {
		handoff_bits_put(&w->bits, YEAR_ESCAPE, 8);
		handoff_bits_put(&w->bits, y, 14);
	}
	handoff_bits_put(&w->bits, m - 1, 4);
	handoff_bits_put(&w->bits, d - 1, 5);
	return 0;
}

/* 住民票コード: the ten digits chosen at random as one number (the check
 * digit is recomputed); 在留カード番号: letter, letter, eight digits as one
 * number, letter, letter (§4.2). */
enum { RESIDENT_CODE_BITS = 34, CARD_LETTER_BITS = 5, CARD_DIGITS_BITS = 27 };

static void
put_resident_code(writer *w, const char *v)
{
	handoff_bits_put(&w->bits, digits_value(v, 10), RESIDENT_CODE_BITS);
}

static void
put_residence_card(writer *w, const char *v)
{
	handoff_bits_put(&w->bits, (unsigned long long)(v[0] - 'A'), CARD_LETTER_BITS);
	handoff_bits_put(&w->bits, (unsigned long long)(v[1] - 'A'), CARD_LETTER_BITS);
	handoff_bits_put(&w->bits, digits_value(v + 2, 8), CARD_DIGITS_BITS);
	handoff_bits_put(&w->bits, (unsigned long long)(v[10] - 'A'), CARD_LETTER_BITS);
	handoff_bits_put(&w->bits, (unsigned long long)(v[11] - 'A'), CARD_LETTER_BITS);
}

static char *
get_resident_code(handoff_bit_reader *br)
{
	unsigned long long v;
	char tmp[16];
	if (handoff_bits_get(br, RESIDENT_CODE_BITS, &v) != 0 || v > 9999999999ULL)
		return NULL;
	snprintf(tmp, sizeof tmp, "%010llu", v);
	tmp[10] = (char)('0' + resident_code_check_digit(tmp));
	tmp[11] = '\0';
	return eng_xstrdup(tmp);
}

static char *
get_residence_card(handoff_bit_reader *br)
{
	unsigned long long l[4], d;
	char tmp[16];
	if (handoff_bits_get(br, CARD_LETTER_BITS, &l[0]) != 0 ||
	    handoff_bits_get(br, CARD_LETTER_BITS, &l[1]) != 0 ||
	    handoff_bits_get(br, CARD_DIGITS_BITS, &d) != 0 ||
	    handoff_bits_get(br, CARD_LETTER_BITS, &l[2]) != 0 ||
	    handoff_bits_get(br, CARD_LETTER_BITS, &l[3]) != 0 || d > 99999999)
		return NULL;
	for (int i = 0; i < 4; i++)
		if (l[i] > 25)
			return NULL;
	snprintf(tmp, sizeof tmp, "%c%c%08llu%c%c", (char)('A' + l[0]), (char)('A' + l[1]), d,
	         (char)('A' + l[2]), (char)('A' + l[3]));
	return eng_xstrdup(tmp);
}

/* A phone number: uint(5) digit count d, the digits as one number, then
 * (format 5) one bit for groups and, when 1, d - 1 bits, bit i set when a
 * "-" follows digit i + 1. Digits only (03 1234 5678 written as one run)
 * costs one bit more than in format 4. */
static int
put_phone(writer *w, const char *v)
{
	char digits[MAX_DIGITS + 1];
	unsigned long long gaps = 0;
	size_t n = 0;
	for (const char *p = v; *p; p++) {
		if (*p == '-') {
			/* a "-" only between digits, never two in a row */
			if (n == 0 || p[1] == '\0' || p[1] == '-')
				return -1;
			gaps |= 1ULL << (n - 1);
		} else if (*p >= '0' && *p <= '9' && n < MAX_DIGITS) {
			digits[n++] = *p;
		} else {
			return -1;
		}
	}
	if (n == 0)
		return -1;
	handoff_bits_put(&w->bits, n, COUNT_BITS);
	handoff_bits_put(&w->bits, digits_value(digits, n), handoff_bits_for(pow10u(n)));
	handoff_bits_put(&w->bits, gaps != 0, 1);
	if (gaps)
		for (size_t i = 0; i + 1 < n; i++)
			handoff_bits_put(&w->bits, (gaps >> i) & 1, 1);
	return 0;
}

/* Appends one stored value; -1 when it is not in the engine's normal form
 * for its type, which the round trip could not reproduce. */
static int
put_value(writer *w, const field *fld, const char *v)
{
	size_t n = strlen(v);
	int i;

	if (n == 0)
		return -1;
	switch (field_kind(fld)) {
	case FIELD_TEXT:
		/* the engine stored them in normal form: digits and letters checked */
		if (field_text_rule(fld) == TEXT_RULE_RESIDENT_CODE) {
			if (n != 11 || !all_digits(v, 11))
				return -1;
			put_resident_code(w, v);
			return 0;
		}
		if (field_text_rule(fld) == TEXT_RULE_RESIDENCE_CARD) {
			if (n != 12 || !all_digits(v + 2, 8))
				return -1;
			put_residence_card(w, v);
			return 0;
		}
		if (is_relationship(fld)) {
			unsigned t[HANDOFF_RELATION_MAX];
			int k = handoff_relation_numbers(v, t);
			handoff_bits_put(&w->bits, (unsigned long long)k, 2);
			for (int j = 0; j < k; j++)
				handoff_bits_put(&w->bits, t[j], HANDOFF_RELATION_BITS);
			if (k > 0)
				return 0;
		}
		return put_text(w, v, TEXT_PLAIN);
	case FIELD_KANA:
		return put_text(w, v, handoff_kana_mode(HANDOFF_FORMAT_VERSION));
	case FIELD_CHOICE:
		if ((i = field_choice_index(fld, v)) < 0)
			return -1;
		handoff_bits_put(&w->bits, (unsigned long long)i,
		                 handoff_bits_for(field_choice_count(fld)));
		return 0;
	case FIELD_MULTI:
		return put_multi(w, fld, v);
	case FIELD_NUMBER: {
		char *end, again[32];
		long x = strtol(v, &end, 10);
		if (*end || x < field_min(fld) || x > field_max(fld))
			return -1;
		snprintf(again, sizeof again, "%ld", x);
		if (strcmp(again, v) != 0)
			return -1;
		handoff_bits_put(&w->bits, (unsigned long long)(x - field_min(fld)),
		                 number_bits(fld));
		return 0;
	}
	case FIELD_DATE:
		return put_date(w, v);
	case FIELD_POSTAL:
		if (n != 8 || v[3] != '-' || !all_digits(v, 3) || !all_digits(v + 4, 4))
			return -1;
		handoff_bits_put(&w->bits, digits_value(v, 3) * 10000 + digits_value(v + 4, 4),
		                 POSTAL_BITS);
		return 0;
	case FIELD_PHONE:
		return put_phone(w, v);
	}
	return -1;
}

/* ---- a reading that is its name (format 6) ------------------------------- */

/* The name field a kana field reads, when the copy bit applies: reading-of
 * names a text field in the same place (the same repeat, or none). */
static const field *
read_name_field(const form *f, const field *fld)
{
	const char *of = field_reading_of(fld);
	const field *name = of ? form_field_by_id(f, of) : NULL;
	const char *r1, *r2;

	if (!name || field_kind(fld) != FIELD_KANA || field_kind(name) != FIELD_TEXT)
		return NULL;
	r1 = field_repeat(fld);
	r2 = field_repeat(name);
	if ((r1 == NULL) != (r2 == NULL) || (r1 && strcmp(r1, r2) != 0))
		return NULL;
	return name;
}

/* The name with each U+0020 as U+3000: the reading of a name written in
 * katakana. The caller frees. */
static char *
name_as_reading(const char *name)
{
	handoff_buf b = {0};
	for (const char *c = name; *c; c++)
		if (*c == ' ')
			handoff_buf_put(&b, "\xe3\x80\x80", 3);
		else
			handoff_buf_putc(&b, (unsigned char)*c);
	handoff_buf_putc(&b, '\0');
	return (char *)b.p;
}

/* Whether reading v (instance k) is name field `name`'s carried answer
 * spelt as a reading. */
static int
reading_is_name(const answers *a, const field *name, int k, const char *v)
{
	const char *n = answers_get_at(a, field_id(name), k);
	if (!n || !field_applies_at(a, name, k))
		return 0;
	char *as = name_as_reading(n);
	int same = strcmp(as, v) == 0;
	free(as);
	return same;
}

/* One field of one instance (0 outside repeats, where the engine's _at
 * calls mean the field itself): presence, then value. From format 6 a
 * kana field that reads a name field has one bit more when present: 1
 * when the reading is the name itself (a name written in katakana), which
 * then carries no text. */
static handoff_status
put_field(writer *w, const answers *a, const field *fld, int k, handoff_error *err)
{
	const char *v = answers_get_at(a, field_id(fld), k);
	int present = v && field_applies_at(a, fld, k);

	if (has_presence_bit(fld))
		handoff_bits_put(&w->bits, (unsigned long long)present, 1);
	else if (!present)
		return handoff_fail(err, HANDOFF_ERR_INCOMPLETE, "required field \"%s\" is missing",
		                    field_id(fld));
	const field *name = present ? read_name_field(answers_form(a), fld) : NULL;
	if (name) {
		int same = reading_is_name(a, name, k, v);
		handoff_bits_put(&w->bits, (unsigned long long)same, 1);
		if (same)
			return HANDOFF_OK;
	}
	if (present && put_value(w, fld, v) != 0)
		return handoff_fail(err, HANDOFF_ERR_INVALID,
		                    "field \"%s\": stored value is not in normal form",
		                    field_id(fld));
	return HANDOFF_OK;
}

/* The instances written for a repeat: all of them when at least one of its
 * fields applies in one, else none (the answers JSON leaves such a repeat
 * out too). */
static int
repeat_written(const answers *a, const form_repeat *r)
{
	int n = answers_repeat_count(a, repeat_id(r));
	for (int k = 0; k < n; k++)
		for (size_t j = 0; j < repeat_field_count(r); j++)
			if (field_applies_at(a, repeat_field_at(r, j), k))
				return n;
	return 0;
}

/*
 * Serialises the applicable answered fields of `a`. Fails with
 * HANDOFF_ERR_INVALID when a stored value is not in normal form for its
 * type or the language code is not a plain tag; `out` then holds partial
 * bytes that the caller frees.
 */
handoff_status
handoff_serialize(const answers *a, const char *lang, const char *made, handoff_buf *out,
                  handoff_error *err)
{
	unsigned day;
	const form *f = answers_form(a);
	const char *id = form_id(f);
	writer w = {0};
	handoff_status st = HANDOFF_OK;

	if (!lang)
		lang = "";
	if (strlen(id) == 0 || !plain_ok(id, strlen(id), MAX_FORM_ID))
		return handoff_fail(err, HANDOFF_ERR_INVALID, "form id \"%s\" is not a plain id",
		                    id);
	if (!plain_ok(lang, strlen(lang), MAX_LANG))
		return handoff_fail(err, HANDOFF_ERR_INVALID, "language \"%s\" is not a plain tag",
		                    lang);
	if (form_version(f) < 0)
		return handoff_fail(err, HANDOFF_ERR_INVALID, "form version is negative");
	if (day_from_iso(made, &day) != 0)
		return handoff_fail(err, HANDOFF_ERR_INVALID,
		                    "the day the code is made (%s) is not a date from 2000 to 2179",
		                    made ? made : "none");
	put_str(out, id, strlen(id));
	put_uvar(out, (unsigned long long)form_version(f));
	put_str(out, lang, strlen(lang));
	handoff_buf_putc(out, (unsigned char)(day >> 8));
	handoff_buf_putc(out, (unsigned char)(day & 0xFF));
	answer_walk walk;
	int written = 0; /* instances of the current repeat that are written */
	answers_walk_begin(&walk, a, ANSWERS_WALK_ALL);
	while (st == HANDOFF_OK && answers_walk_next(&walk)) {
		if (walk.event == WALK_REPEAT_BEGIN) {
			written = repeat_written(a, walk.repeat);
			handoff_bits_put(
			        &w.bits, (unsigned long long)written,
			        handoff_bits_for((unsigned long long)repeat_max(walk.repeat) + 1));
		} else if (walk.event == WALK_FIELD && (!walk.repeat || walk.instance < written)) {
			st = put_field(&w, a, walk.field, walk.instance, err);
		}
	}
	if (st == HANDOFF_OK) {
		handoff_buf_put(out, w.bits.buf.p, w.bits.buf.len);
		handoff_buf_put(out, w.texts.p, w.texts.len);
	}
	/* the texts hold names and addresses: wipe the scratch copy */
	if (w.texts.p)
		sodium_memzero(w.texts.p, w.texts.len);
	handoff_buf_free(&w.bits.buf);
	handoff_buf_free(&w.texts);
	return st;
}

/* ---- reading ------------------------------------------------------------- */

typedef struct reader {
	const unsigned char *p;
	size_t n, i;
} reader;

/* A varint in its shortest form, at most `max`; -1 otherwise. */
static int
get_uvar(reader *r, unsigned long long max, unsigned long long *out)
{
	unsigned long long v = 0;
	for (int shift = 0; shift < 64; shift += 7) {
		if (r->i >= r->n)
			return -1;
		unsigned char c = r->p[r->i++];
		unsigned long long bits = c & 0x7f;
		if (shift == 63 && bits > 1)
			return -1;
		v |= bits << shift;
		if (!(c & 0x80)) {
			if (c == 0 && shift > 0)
				return -1; /* overlong */
			if (v > max)
				return -1;
			*out = v;
			return 0;
		}
	}
	return -1;
}

static int
get_str(reader *r, size_t max, const char **s, size_t *len)
{
	unsigned long long n;
	if (get_uvar(r, max, &n) != 0 || n > r->n - r->i)
		return -1;
	*s = (const char *)r->p + r->i;
	*len = (size_t)n;
	r->i += (size_t)n;
	return 0;
}

static char *
dup_n(const char *s, size_t n)
{
	char *d = eng_xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

/* A text field whose value comes from the text section, or (copy) a
 * reading that is its name field's answer. */
typedef struct pending {
	const field *fld;
	int instance;
	int copy;
} pending;

typedef struct parse {
	answers *a;
	int format; /* the code's format version */
	handoff_bit_reader bits;
	pending *texts;
	size_t ntexts, cap;
} parse;

static char *
get_multi(handoff_bit_reader *br, const field *fld)
{
	size_t n = field_choice_count(fld);
	handoff_buf b = {0};
	unsigned long long bit;

	for (size_t i = 0; i < n; i++) {
		if (handoff_bits_get(br, 1, &bit) != 0) {
			handoff_buf_free(&b);
			return NULL;
		}
		if (!bit)
			continue;
		if (b.len)
			handoff_buf_putc(&b, ' ');
		handoff_buf_put(&b, field_choice_id(fld, i), strlen(field_choice_id(fld, i)));
	}
	if (!b.len)
		return NULL; /* a multi value has at least one choice */
	handoff_buf_putc(&b, '\0');
	return (char *)b.p;
}

static char *
get_date(handoff_bit_reader *br)
{
	unsigned long long y, m, d;
	char tmp[16];
	if (handoff_bits_get(br, 8, &y) != 0)
		return NULL;
	if (y == YEAR_ESCAPE) {
		if (handoff_bits_get(br, 14, &y) != 0 ||
		    (y >= YEAR_BASE && y < YEAR_BASE + YEAR_ESCAPE) || y > 9999)
			return NULL; /* the short form was required */
	} else {
		y += YEAR_BASE;
	}
	if (handoff_bits_get(br, 4, &m) != 0 || m > 11 || handoff_bits_get(br, 5, &d) != 0)
		return NULL;
	snprintf(tmp, sizeof tmp, "%04llu-%02llu-%02llu", y, m + 1, d + 1);
	return eng_xstrdup(tmp);
}

static char *
get_relationship(handoff_bit_reader *br, int *as_text)
{
	unsigned long long k, t;
	handoff_buf b = {0};
	*as_text = 0;
	if (handoff_bits_get(br, 2, &k) != 0)
		return NULL;
	if (k == 0) {
		*as_text = 1;
		return NULL;
	}
	for (unsigned long long j = 0; j < k; j++) {
		const char *term;
		if (handoff_bits_get(br, HANDOFF_RELATION_BITS, &t) != 0 ||
		    !(term = handoff_relation_term((unsigned)t))) {
			handoff_buf_free(&b);
			return NULL;
		}
		if (j)
			handoff_buf_put(&b, NO, strlen(NO));
		handoff_buf_put(&b, term, strlen(term));
	}
	handoff_buf_putc(&b, '\0');
	return (char *)b.p;
}

/* The reverse of put_phone; a "-" after the last digit is damage. */
static char *
get_phone(handoff_bit_reader *br, int format)
{
	unsigned long long nd, v, grouped = 0, bit;
	char digits[MAX_DIGITS + 1], out[2 * MAX_DIGITS + 1];
	size_t len = 0;
	if (handoff_bits_get(br, COUNT_BITS, &nd) != 0 || nd == 0 || nd > MAX_DIGITS ||
	    handoff_bits_get(br, handoff_bits_for(pow10u(nd)), &v) != 0 || v >= pow10u(nd))
		return NULL;
	snprintf(digits, sizeof digits, "%0*llu", (int)nd, v);
	if (format >= 5 && handoff_bits_get(br, 1, &grouped) != 0)
		return NULL;
	bool any = false;
	for (size_t i = 0; i < nd; i++) {
		out[len++] = digits[i];
		if (grouped && i + 1 < nd) {
			if (handoff_bits_get(br, 1, &bit) != 0)
				return NULL;
			if (bit)
				out[len++] = '-', any = true;
		}
	}
	if (grouped && !any)
		return NULL; /* the group bit promised at least one "-" */
	out[len] = '\0';
	return eng_xstrdup(out);
}

/* Reads one value from the bit section into the engine's stored spelling.
 * NULL with *as_text set: the value is in the text section; NULL alone:
 * the bits cannot be a value of this field (a structural error). */
static char *
get_value(handoff_bit_reader *br, const field *fld, int format, int *as_text)
{
	unsigned long long v;
	char tmp[40];

	*as_text = 0;
	switch (field_kind(fld)) {
	case FIELD_TEXT:
		if (field_text_rule(fld) == TEXT_RULE_RESIDENT_CODE)
			return get_resident_code(br);
		if (field_text_rule(fld) == TEXT_RULE_RESIDENCE_CARD)
			return get_residence_card(br);
		if (is_relationship(fld))
			return get_relationship(br, as_text);
		*as_text = 1;
		return NULL;
	case FIELD_KANA:
		*as_text = 1;
		return NULL;
	case FIELD_CHOICE:
		if (handoff_bits_get(br, handoff_bits_for(field_choice_count(fld)), &v) != 0 ||
		    v >= field_choice_count(fld))
			return NULL;
		return eng_xstrdup(field_choice_id(fld, (size_t)v));
	case FIELD_MULTI:
		return get_multi(br, fld);
	case FIELD_NUMBER:
		if (handoff_bits_get(br, number_bits(fld), &v) != 0 ||
		    v > (unsigned long long)((long long)field_max(fld) - field_min(fld)))
			return NULL;
		snprintf(tmp, sizeof tmp, "%lld", (long long)field_min(fld) + (long long)v);
		return eng_xstrdup(tmp);
	case FIELD_DATE:
		return get_date(br);
	case FIELD_POSTAL:
		if (handoff_bits_get(br, POSTAL_BITS, &v) != 0 || v > 9999999)
			return NULL;
		snprintf(tmp, sizeof tmp, "%03llu-%04llu", v / 10000, v % 10000);
		return eng_xstrdup(tmp);
	case FIELD_PHONE:
		return get_phone(br, format);
	}
	return NULL;
}

/* Stores one value read from the code through the engine's validation;
 * the value must come back unchanged (normal form). Frees v. */
static handoff_status
set_checked(answers *a, const field *fld, int instance, char *v, handoff_error *err)
{
	answer_error ae = {0};
	answer_status as = answers_set_at(a, field_id(fld), instance, v, &ae);
	const char *stored = answers_get_at(a, field_id(fld), instance);
	handoff_status st = HANDOFF_OK;
	if (as != ANSWER_OK)
		st = handoff_fail(err, HANDOFF_ERR_INVALID, "field \"%s\": %s", field_id(fld),
		                  answer_status_name(as));
	else if (!stored || strcmp(stored, v) != 0)
		st = handoff_fail(err, HANDOFF_ERR_INVALID,
		                  "field \"%s\": value is not in normal form", field_id(fld));
	sodium_memzero(v, strlen(v));
	free(v);
	return st;
}

static void
add_pending(parse *ps, pending p)
{
	if (ps->ntexts == ps->cap) {
		ps->cap = ps->cap ? ps->cap * 2 : 16;
		ps->texts = eng_xrealloc(ps->texts, ps->cap * sizeof *ps->texts);
	}
	ps->texts[ps->ntexts++] = p;
}

/* A reading carried as "the name itself", once the texts are read: the
 * name must be carried, and the result is checked as a reading. */
static handoff_status
copy_reading(parse *ps, const pending *p, handoff_error *err)
{
	const field *name = read_name_field(answers_form(ps->a), p->fld);
	const char *n = answers_get_at(ps->a, field_id(name), p->instance);
	if (!n)
		return handoff_fail(err, HANDOFF_ERR_CORRUPT,
		                    "field \"%s\": the reading is its name, which is not carried",
		                    field_id(p->fld));
	return set_checked(ps->a, p->fld, p->instance, name_as_reading(n), err);
}

static handoff_status
get_field(parse *ps, const field *fld, int k, handoff_error *err)
{
	unsigned long long present = 1;
	int as_text;
	char *v;

	if (has_presence_bit(fld) && handoff_bits_get(&ps->bits, 1, &present) != 0)
		return handoff_fail(err, HANDOFF_ERR_CORRUPT, "the bit section ends early");
	if (!present)
		return HANDOFF_OK;
	if (ps->format >= 6 && read_name_field(answers_form(ps->a), fld)) {
		unsigned long long same;
		if (handoff_bits_get(&ps->bits, 1, &same) != 0)
			return handoff_fail(err, HANDOFF_ERR_CORRUPT, "the bit section ends early");
		if (same) {
			add_pending(ps, (pending){fld, k, 1});
			return HANDOFF_OK;
		}
	}
	v = get_value(&ps->bits, fld, ps->format, &as_text);
	if (v)
		return set_checked(ps->a, fld, k, v, err);
	if (!as_text)
		return handoff_fail(err, HANDOFF_ERR_CORRUPT, "field \"%s\": bad value bits",
		                    field_id(fld));
	add_pending(ps, (pending){fld, k, 0});
	return HANDOFF_OK;
}

static handoff_status
get_repeat_count(parse *ps, const form_repeat *rp, int *announced, handoff_error *err)
{
	unsigned long long n;
	handoff_status st = HANDOFF_OK;

	if (handoff_bits_get(&ps->bits, handoff_bits_for((unsigned long long)repeat_max(rp) + 1),
	                     &n) != 0 ||
	    n > (unsigned long long)repeat_max(rp) ||
	    (n > 0 && n < (unsigned long long)repeat_min(rp)))
		return handoff_fail(err, HANDOFF_ERR_CORRUPT, "bad instance count of %s",
		                    repeat_id(rp));
	if (n > 0)
		while ((unsigned long long)answers_repeat_count(ps->a, repeat_id(rp)) < n)
			if (answers_repeat_add(ps->a, repeat_id(rp)) < 0)
				return handoff_fail(err, HANDOFF_ERR_CORRUPT,
				                    "too many instances of %s", repeat_id(rp));
	*announced = (int)n;
	return st;
}

/* The bit section, then the texts it announced; nothing may be left. */
static handoff_status
get_body(parse *ps, const unsigned char *p, size_t n, handoff_error *err)
{
	handoff_status st = HANDOFF_OK;
	unsigned long long pad;

	ps->bits = (handoff_bit_reader){p, n, 0};
	/* The walk counts a repeat's instances after WALK_REPEAT_BEGIN, so
	 * get_repeat_count adds the instances the bits announce right there. */
	answer_walk walk;
	int announced = 0;
	answers_walk_begin(&walk, ps->a, ANSWERS_WALK_ALL);
	while (st == HANDOFF_OK && answers_walk_next(&walk)) {
		if (walk.event == WALK_REPEAT_BEGIN)
			st = get_repeat_count(ps, walk.repeat, &announced, err);
		else if (walk.event == WALK_FIELD && (!walk.repeat || walk.instance < announced))
			st = get_field(ps, walk.field, walk.instance, err);
	}
	if (st != HANDOFF_OK)
		return st;
	if (handoff_bits_get(&ps->bits, (int)((8 - ps->bits.pos % 8) % 8), &pad) != 0 || pad)
		return handoff_fail(err, HANDOFF_ERR_CORRUPT,
		                    "the bit section's padding is not zero");
	size_t at = ps->bits.pos / 8;
	for (size_t t = 0; t < ps->ntexts; t++) {
		handoff_buf text = {0};
		size_t used;
		const field *fld = ps->texts[t].fld;
		if (ps->texts[t].copy)
			continue;
		handoff_text_mode mode =
		        field_kind(fld) == FIELD_KANA ? handoff_kana_mode(ps->format) : TEXT_PLAIN;
		if (handoff_text_decode(p + at, n - at, &used, mode, &text) != 0) {
			handoff_buf_free(&text);
			return handoff_fail(err, HANDOFF_ERR_CORRUPT,
			                    "field \"%s\": bad text bytes", field_id(fld));
		}
		at += used;
		handoff_buf_putc(&text, '\0');
		if ((st = set_checked(ps->a, fld, ps->texts[t].instance, (char *)text.p, err)) !=
		    HANDOFF_OK)
			return st;
	}
	if (at != n)
		return handoff_fail(err, HANDOFF_ERR_CORRUPT, "%zu bytes left over", n - at);
	for (size_t t = 0; t < ps->ntexts; t++)
		if (ps->texts[t].copy && (st = copy_reading(ps, &ps->texts[t], err)) != HANDOFF_OK)
			return st;
	return HANDOFF_OK;
}

/* Every carried field must apply; conditions may look at later fields, so
 * this runs once all are read. */
static handoff_status
check_applies(const answers *a, handoff_error *err)
{
	answer_walk w;
	answers_walk_begin(&w, a, ANSWERS_WALK_ALL);
	while (answers_walk_next(&w))
		if (w.event == WALK_FIELD && w.value && !w.applies)
			return handoff_fail(err, HANDOFF_ERR_INVALID,
			                    "field \"%s\" (instance %d) is answered but does "
			                    "not apply",
			                    field_id(w.field), w.instance + 1);
	return HANDOFF_OK;
}

/*
 * Parses a serialisation. Total: structural problems (bits or bytes that
 * end early, out-of-range values, bad text bytes, bytes left over) are
 * HANDOFF_ERR_CORRUPT; a form id or version that `find` does not know is
 * HANDOFF_ERR_UNKNOWN_FORM; a value the engine rejects, a value not in its
 * normal form, a field that does not apply or a missing required field is
 * HANDOFF_ERR_INVALID. On success *out (and *lang_out when asked) belong
 * to the caller; on failure they are untouched.
 */
handoff_status
handoff_deserialize(const unsigned char *p, size_t n, int format, handoff_form_lookup find,
                    const void *ctx, answers **out, char **lang_out, char made_out[11],
                    handoff_error *err)
{
	char made[11] = "";
	reader r = {p, n, 0};
	const char *s, *lang;
	size_t len, langlen;
	unsigned long long ver;
	char id[MAX_FORM_ID + 1];
	const form *f;
	parse ps = {0};
	handoff_status st;
	int missing;

	if (get_str(&r, MAX_FORM_ID, &s, &len) != 0 || len == 0 || !plain_ok(s, len, MAX_FORM_ID))
		return handoff_fail(err, HANDOFF_ERR_CORRUPT, "bad form id in the header");
	memcpy(id, s, len);
	id[len] = '\0';
	if (get_uvar(&r, INT_MAX, &ver) != 0)
		return handoff_fail(err, HANDOFF_ERR_CORRUPT, "bad form version in the header");
	if (get_str(&r, MAX_LANG, &lang, &langlen) != 0 || !plain_ok(lang, langlen, MAX_LANG))
		return handoff_fail(err, HANDOFF_ERR_CORRUPT, "bad language in the header");
	if (format >= 5) {
		if (r.n - r.i < 2)
			return handoff_fail(err, HANDOFF_ERR_CORRUPT,
			                    "the day the code was made is cut off");
		day_to_iso((unsigned)r.p[r.i] << 8 | r.p[r.i + 1], made);
		r.i += 2;
	}
	f = find(id, (int)ver, ctx);
	if (!f || (unsigned long long)form_version(f) != ver)
		return handoff_fail(err, HANDOFF_ERR_UNKNOWN_FORM,
		                    "form \"%s\" version %llu is not installed", id, ver);

	ps.a = answers_new(f);
	ps.format = format;
	st = get_body(&ps, p + r.i, n - r.i, err);
	if (st == HANDOFF_OK)
		st = check_applies(ps.a, err);
	if (st == HANDOFF_OK && !answers_complete(ps.a, &missing))
		st = handoff_fail(err, HANDOFF_ERR_INVALID, "required field \"%s\" is missing",
		                  missing >= 0 ? field_id(form_field_at(f, (size_t)missing)) : "?");
	free(ps.texts);
	if (st != HANDOFF_OK) {
		answers_free(ps.a);
		return st;
	}
	if (lang_out)
		*lang_out = dup_n(lang, langlen);
	if (made_out)
		memcpy(made_out, made, sizeof made);
	*out = ps.a;
	return HANDOFF_OK;
}
