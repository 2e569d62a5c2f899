/*
 * Validation and normalisation of typed input, one rule per field type.
 * Every rule accepts full-width digits and punctuation (what a Japanese
 * IME types) and stores the canonical form: ISO dates, katakana readings,
 * digits-only phone numbers, NNN-NNNN postal codes, choice ids.
 * Text is stored in Unicode NFC (libunistring), so that a name typed with
 * combining marks compares equal to the same name from the card.
 */
#include "engine/internal.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Trims ASCII whitespace and U+3000 at both ends; returns a new string. */
static char *
trim(const char *s)
{
	const char *end = s + strlen(s);
	for (;;) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		else if (strncmp(s, "\xE3\x80\x80", 3) == 0)
			s += 3;
		else
			break;
	}
	for (;;) {
		if (end > s &&
		    (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r'))
			end--;
		else if (end - s >= 3 && memcmp(end - 3, "\xE3\x80\x80", 3) == 0)
			end -= 3;
		else
			break;
	}
	return eng_xstrndup(s, (size_t)(end - s));
}

/* Free text: valid UTF-8, trimmed, control characters turned into spaces,
 * half-width katakana widened, NFC, at most max characters. A 続柄 field
 * then goes through its grammar. */
static answer_status
norm_text(const field *fld, const char *in, char **out, answer_error *err)
{
	char *t = NULL, *w = NULL;
	answer_status st = ANSWER_OK;
	long len;

	if (utf8_length(in) < 0)
		return ANSWER_ERR_BAD_UTF8;
	t = eng_xstrdup(in);
	for (char *p = t; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7F)
			*p = ' ';
	w = trim(t);
	wipe_free(t);
	t = w;
	w = kana_widen(t);
	wipe_free(t);
	t = w;
	w = nfc(t);
	if (*w && fld->rule == TEXT_RULE_RELATIONSHIP) {
		char *rel = NULL;
		st = relationship_normalize(w, &rel);
		if (st != ANSWER_OK)
			goto out;
		wipe_free(w);
		w = rel;
	}
	if (*w && (fld->rule == TEXT_RULE_RESIDENT_CODE || fld->rule == TEXT_RULE_RESIDENCE_CARD)) {
		/* copied from paper, often in full-width digits */
		char *narrow = fold_width(w), *num = NULL;
		st = fld->rule == TEXT_RULE_RESIDENT_CODE ? resident_code_normalize(narrow, &num)
		                                          : residence_card_normalize(narrow, &num);
		wipe_free(narrow);
		if (st != ANSWER_OK)
			goto out;
		wipe_free(w);
		w = num;
	}
	len = utf8_length(w);
	if (len > fld->max) {
		err->min = fld->min;
		err->max = fld->max;
		st = ANSWER_ERR_TOO_LONG;
		goto out;
	}
	if (*w) {
		*out = w;
		w = NULL;
	}
out:
	wipe_free(t);
	wipe_free(w);
	return st;
}

/* Whole numbers; a leading "-" or "+" is accepted, leading zeros dropped. */
static answer_status
norm_number(const field *fld, const char *in, char **out, answer_error *err)
{
	const char *p = in;
	bool neg = false;
	long long v = 0;
	char buf[32];

	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	if (!isdigit((unsigned char)*p))
		return ANSWER_ERR_NUMBER;
	err->min = fld->min;
	err->max = fld->max;
	for (; isdigit((unsigned char)*p); p++) {
		v = v * 10 + (*p - '0');
		if (v > (long long)INT_MAX + 1)
			return ANSWER_ERR_NUMBER_RANGE;
	}
	if (*p)
		return ANSWER_ERR_NUMBER;
	if (neg)
		v = -v;
	if (v < fld->min || v > fld->max)
		return ANSWER_ERR_NUMBER_RANGE;
	snprintf(buf, sizeof buf, "%lld", v);
	*out = eng_xstrdup(buf);
	return ANSWER_OK;
}

/* The dashes people type between phone and postal digits, after width
 * folding: ASCII hyphen, ー, ‐, ―, −, ｰ. */
static size_t
dash_len(const char *p)
{
	static const char *const dashes[] = {"-",
	                                     "\xE3\x83\xBC",
	                                     "\xE2\x80\x90",
	                                     "\xE2\x80\x95",
	                                     "\xE2\x88\x92",
	                                     "\xEF\xBD\xB0",
	                                     "\xE2\x80\x94"};
	for (size_t i = 0; i < sizeof dashes / sizeof dashes[0]; i++)
		if (strncmp(p, dashes[i], strlen(dashes[i])) == 0)
			return strlen(dashes[i]);
	return 0;
}

/*
 * Japanese phone numbers: 10 digits for fixed lines and 0120/0570 numbers,
 * 11 for mobiles, 050 and 0800. A leading +81 becomes 0. Separators: dashes,
 * spaces, brackets as in 03(1234)5678. The groups the resident wrote are
 * kept, each separator as one "-" (03(1234)5678 is 03-1234-5678), since
 * where the dashes go depends on the area code and people read a number
 * by its groups; written without separators, it stays without.
 */
static answer_status
norm_phone(const char *in, char **out)
{
	char norm[32];
	size_t n = 0, len = 0;
	bool gap = false; /* a separator since the last digit */
	const char *p = in;

	if (*p == '+') {
		if (strncmp(p, "+81", 3) != 0)
			return ANSWER_ERR_PHONE;
		p += 3;
		while (*p == ' ' || dash_len(p))
			p += *p == ' ' ? 1 : dash_len(p);
		if (*p == '(')
			p++;
		if (*p != '0')
			norm[len++] = '0', n++;
	}
	while (*p) {
		size_t d;
		if (isdigit((unsigned char)*p)) {
			if (n == 15 || len + 2 >= sizeof norm)
				return ANSWER_ERR_PHONE;
			if (gap && n > 0)
				norm[len++] = '-';
			gap = false;
			norm[len++] = *p++;
			n++;
		} else if (*p == ' ' || *p == '(' || *p == ')') {
			p++;
			gap = true;
		} else if ((d = dash_len(p)) > 0) {
			p += d;
			gap = true;
		} else {
			return ANSWER_ERR_PHONE;
		}
	}
	norm[len] = '\0';
	if (n < 10 || n > 11 || norm[0] != '0')
		return ANSWER_ERR_PHONE;
	*out = eng_xstrdup(norm);
	return ANSWER_OK;
}

/* 〒 (or its ASCII stand-ins) optional, then NNN-NNNN or NNNNNNN. */
static answer_status
norm_postal(const char *in, char **out)
{
	char digits[8], buf[9];
	size_t n = 0;
	bool dashed = false;
	const char *p = in;

	if (strncmp(p, "\xE3\x80\x92", 3) == 0) /* 〒 */
		p += 3;
	while (*p == ' ')
		p++;
	for (; *p; p++) {
		size_t d;
		if (isdigit((unsigned char)*p)) {
			if (n == 7)
				return ANSWER_ERR_POSTAL;
			digits[n++] = *p;
		} else if (n == 3 && !dashed && (d = dash_len(p)) > 0) {
			dashed = true;
			p += d - 1;
		} else {
			return ANSWER_ERR_POSTAL;
		}
	}
	if (n != 7)
		return ANSWER_ERR_POSTAL;
	snprintf(buf, sizeof buf, "%.3s-%.4s", digits, digits + 3);
	*out = eng_xstrdup(buf);
	return ANSWER_OK;
}

static answer_status
norm_choice(const field *fld, const char *in, char **out)
{
	if (field_choice_index(fld, in) < 0)
		return ANSWER_ERR_CHOICE;
	*out = eng_xstrdup(in);
	return ANSWER_OK;
}

/* Ids separated by spaces or commas, in any order, repeats allowed; the
 * result lists each once, in definition order. */
static answer_status
norm_multi(const field *fld, const char *in, char **out)
{
	size_t n = field_choice_count(fld);
	bool *picked = eng_xcalloc(n, sizeof *picked);
	char *copy = eng_xstrdup(in), *save = NULL;
	answer_status st = ANSWER_OK;
	sbuf b = {0};

	for (char *tok = strtok_r(copy, " ,", &save); tok; tok = strtok_r(NULL, " ,", &save)) {
		int i = field_choice_index(fld, tok);
		if (i < 0) {
			st = ANSWER_ERR_CHOICE;
			goto out;
		}
		picked[i] = true;
	}
	for (size_t i = 0; i < n; i++) {
		if (!picked[i])
			continue;
		if (b.len)
			sbuf_add(&b, " ", 1);
		sbuf_add(&b, field_choice_id(fld, i), strlen(field_choice_id(fld, i)));
	}
	if (b.len)
		*out = sbuf_take(&b);
out:
	wipe_free(sbuf_take(&b));
	wipe_free(picked);
	wipe_free(copy);
	return st;
}

/* Dates: parsed, then for past="true" fields compared with today. */
static answer_status
norm_date(const field *fld, const char *in, char **out)
{
	char iso[11], today[11];
	answer_status st = date_parse(in, iso, sizeof iso);
	if (st != ANSWER_OK)
		return st;
	if (fld->past) {
		date_today(today);
		if (strcmp(iso, today) > 0)
			return ANSWER_ERR_DATE_FUTURE;
	}
	*out = eng_xstrdup(iso);
	return ANSWER_OK;
}

/*
 * The one entry point: empty input (after trimming) yields ANSWER_OK and
 * *out == NULL, which the caller treats as "clear". The required check is
 * the caller's, since it depends on whether the field applies.
 */
answer_status
field_normalize(const field *fld, const char *input, char **out, answer_error *err)
{
	char *folded = NULL, *t = NULL;
	answer_status st;

	*out = NULL;
	err->min = err->max = 0;
	if (utf8_length(input) < 0)
		return ANSWER_ERR_BAD_UTF8;
	if (fld->type == FIELD_TEXT)
		return norm_text(fld, input, out, err);
	if (fld->type == FIELD_KANA) {
		t = trim(input);
		st = ANSWER_OK;
		if (*t) {
			st = kana_normalize(t, out);
			if (st == ANSWER_OK) {
				char *c = nfc(*out);
				wipe_free(*out);
				*out = c;
			}
			if (st == ANSWER_OK && utf8_length(*out) > fld->max) {
				wipe_free(*out);
				*out = NULL;
				err->max = fld->max;
				st = ANSWER_ERR_TOO_LONG;
			}
		}
		wipe_free(t);
		return st;
	}
	folded = fold_width(input);
	t = trim(folded);
	wipe_free(folded);
	if (!*t) {
		st = ANSWER_OK;
		goto out;
	}
	switch (fld->type) {
	case FIELD_NUMBER:
		st = norm_number(fld, t, out, err);
		break;
	case FIELD_PHONE:
		st = norm_phone(t, out);
		break;
	case FIELD_POSTAL:
		st = norm_postal(t, out);
		break;
	case FIELD_CHOICE:
		st = norm_choice(fld, t, out);
		break;
	case FIELD_MULTI:
		st = norm_multi(fld, t, out);
		break;
	case FIELD_DATE:
		st = norm_date(fld, t, out);
		break;
	default:
		st = ANSWER_ERR_UNKNOWN_FIELD;
		break;
	}
out:
	wipe_free(t);
	return st;
}

answer_status
field_date_window(const field *fld, const char *iso, answer_error *err)
{
	char today[11];
	answer_error e = {.status = ANSWER_OK};

	if (!fld || fld->type != FIELD_DATE || !iso || (!fld->has_min_days && !fld->has_max_days)) {
		if (err)
			*err = e;
		return ANSWER_OK;
	}
	date_today(today);
	if (fld->has_min_days && date_shift(today, fld->min_days, e.lo) != 0)
		e.lo[0] = '\0';
	if (fld->has_max_days && date_shift(today, fld->max_days, e.hi) != 0)
		e.hi[0] = '\0';
	if ((e.lo[0] && strcmp(iso, e.lo) < 0) || (e.hi[0] && strcmp(iso, e.hi) > 0))
		e.status = ANSWER_ERR_DATE_WINDOW;
	if (err)
		*err = e;
	return e.status;
}
