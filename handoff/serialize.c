/*
 * The compact, canonical serialisation of answers (docs/handoff-format.md,
 * "Serialisation"). Integers are unsigned LEB128 varints, shortest form
 * only; strings are a varint byte length then UTF-8. The header is the form
 * id, the form version and the UI language; then each applicable answered
 * field in definition order as the gap from the previous field's index and
 * a value whose encoding depends on the field's type in that form version:
 * choices by index, multi choices as a bit mask, dates, postal codes and
 * phone numbers as integers, text as a string. A repeat group (household
 * members) is one entry at the index of its first field: the number of
 * instances, then per instance its answered fields as (local gap + 1,
 * value) pairs ended by a 0. The form definition is the schema, which is
 * why the decoder needs the same form version.
 */
#include "handoff/internal.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FORM_ID 64
#define MAX_LANG    35
#define MAX_DIGITS  19

/* ---- writing ------------------------------------------------------------ */

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

/* Index of a choice id in a field, or -1. */
static long
choice_index(const field *fld, const char *id, size_t len)
{
	size_t n = field_choice_count(fld);
	for (size_t i = 0; i < n; i++) {
		const char *c = field_choice_id(fld, i);
		if (strlen(c) == len && memcmp(c, id, len) == 0)
			return (long)i;
	}
	return -1;
}

/* A multi value as a bit mask, bit i for choice i, ceil(count/8) bytes,
 * least significant byte first. Only the canonical spelling (ids in
 * definition order, single spaces) is accepted. */
static int
put_multi(handoff_buf *b, const field *fld, const char *v)
{
	size_t n = field_choice_count(fld), nbytes = (n + 7) / 8;
	unsigned char mask[64] = {0};
	long prev = -1;

	if (nbytes == 0 || nbytes > sizeof mask)
		return -1;
	for (const char *p = v;;) {
		const char *sp = strchr(p, ' ');
		size_t len = sp ? (size_t)(sp - p) : strlen(p);
		long i = choice_index(fld, p, len);
		if (i <= prev)
			return -1;
		mask[i / 8] |= (unsigned char)(1u << (i % 8));
		prev = i;
		if (!sp)
			break;
		p = sp + 1;
	}
	handoff_buf_put(b, mask, nbytes);
	return 0;
}

/* Appends one stored value; -1 when it is not in the engine's normal form
 * for its type, which the round trip could not reproduce. */
static int
put_value(handoff_buf *b, const field *fld, const char *v)
{
	size_t n = strlen(v);
	long i;

	if (n == 0)
		return -1;
	switch (field_kind(fld)) {
	case FIELD_TEXT:
	case FIELD_KANA:
		put_str(b, v, n);
		return 0;
	case FIELD_CHOICE:
		if ((i = choice_index(fld, v, n)) < 0)
			return -1;
		put_uvar(b, (unsigned long long)i);
		return 0;
	case FIELD_MULTI:
		return put_multi(b, fld, v);
	case FIELD_NUMBER: {
		char *end, again[32];
		long x = strtol(v, &end, 10);
		if (*end || x < INT_MIN || x > INT_MAX)
			return -1;
		snprintf(again, sizeof again, "%ld", x);
		if (strcmp(again, v) != 0)
			return -1;
		/* zigzag: 0, -1, 1, -2 ... -> 0, 1, 2, 3 ... */
		put_uvar(b, x < 0 ? ((unsigned long long)(-(x + 1)) << 1) | 1
		                  : (unsigned long long)x << 1);
		return 0;
	}
	case FIELD_DATE:
		if (n != 10 || v[4] != '-' || v[7] != '-' || !all_digits(v, 4) ||
		    !all_digits(v + 5, 2) || !all_digits(v + 8, 2))
			return -1;
		put_uvar(b, digits_value(v, 4) << 9 | digits_value(v + 5, 2) << 5 |
		                    digits_value(v + 8, 2));
		return 0;
	case FIELD_POSTAL:
		if (n != 8 || v[3] != '-' || !all_digits(v, 3) || !all_digits(v + 4, 4))
			return -1;
		put_uvar(b, digits_value(v, 3) * 10000 + digits_value(v + 4, 4));
		return 0;
	case FIELD_PHONE:
		if (n > MAX_DIGITS || !all_digits(v, n))
			return -1;
		put_uvar(b, n);
		put_uvar(b, digits_value(v, n));
		return 0;
	}
	return -1;
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

/* Whether a repeat is written: it has instances and at least one of its
 * fields applies in one of them (the answers JSON leaves out a repeat whose
 * show-if does not hold, and so does the code). */
static int
repeat_in_use(const answers *a, const form_repeat *r)
{
	int n = answers_repeat_count(a, repeat_id(r));
	for (int k = 0; k < n; k++)
		for (size_t j = 0; j < repeat_field_count(r); j++)
			if (field_applies_at(a, repeat_field_at(r, j), k))
				return 1;
	return 0;
}

/*
 * A repeat entry: the instance count, then per instance (local gap + 1,
 * value) pairs ended by 0. (A "same as the previous instance" marker was
 * tried and made the DEFLATE output larger: the back-references it
 * replaces are cheap, and it breaks the longer matches between similar
 * instances.)
 */
static handoff_status
put_repeat(const answers *a, const form_repeat *r, handoff_buf *out, handoff_error *err)
{
	int n = answers_repeat_count(a, repeat_id(r));
	put_uvar(out, (unsigned long long)n);
	for (int k = 0; k < n; k++) {
		long prev = -1;
		for (size_t j = 0; j < repeat_field_count(r); j++) {
			const field *fld = repeat_field_at(r, j);
			const char *v = answers_get_at(a, field_id(fld), k);
			if (!v || !field_applies_at(a, fld, k))
				continue;
			put_uvar(out, (unsigned long long)((long)j - prev));
			prev = (long)j;
			if (put_value(out, fld, v) != 0)
				return handoff_fail(err, HANDOFF_ERR_INVALID,
				                    "field \"%s\" of %s %d: stored value is not in "
				                    "normal form",
				                    field_id(fld), repeat_id(r), k + 1);
		}
		put_uvar(out, 0);
	}
	return HANDOFF_OK;
}

/*
 * Serialises the applicable answered fields of `a`. Fails with
 * HANDOFF_ERR_INVALID when a stored value is not in normal form for its
 * type or the language code is not a plain tag; `out` then holds partial
 * bytes that the caller frees.
 */
handoff_status
handoff_serialize(const answers *a, const char *lang, handoff_buf *out, handoff_error *err)
{
	return handoff_serialize_v(1, a, lang, out, err);
}

handoff_status
handoff_serialize_v(int version, const answers *a, const char *lang, handoff_buf *out,
                    handoff_error *err)
{
	(void)version; /* versions 1 and 2 differ only in their dictionaries */
	const form *f = answers_form(a);
	const char *id = form_id(f);
	size_t nf = form_field_count(f);
	long prev = -1;

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
	put_str(out, id, strlen(id));
	put_uvar(out, (unsigned long long)form_version(f));
	put_str(out, lang, strlen(lang));
	for (size_t i = 0; i < nf; i++) {
		const field *fld = form_field_at(f, i);
		if (field_repeat(fld)) {
			const form_repeat *r = form_repeat_by_id(f, field_repeat(fld));
			size_t nr = r ? repeat_field_count(r) : 0;
			handoff_status st;
			if (nr == 0 || repeat_field_at(r, 0) != fld)
				return handoff_fail(err, HANDOFF_ERR_INVALID,
				                    "field \"%s\": repeat fields out of order",
				                    field_id(fld));
			if (repeat_in_use(a, r)) {
				put_uvar(out, (unsigned long long)((long)i - prev - 1));
				if ((st = put_repeat(a, r, out, err)) != HANDOFF_OK)
					return st;
				prev = (long)(i + nr - 1);
			}
			i += nr - 1;
			continue;
		}
		const char *v = answers_get(a, field_id(fld));
		if (!v || !field_applies(a, fld))
			continue;
		put_uvar(out, (unsigned long long)((long)i - prev - 1));
		if (put_value(out, fld, v) != 0)
			return handoff_fail(err, HANDOFF_ERR_INVALID,
			                    "field \"%s\": stored value is not in normal form",
			                    field_id(fld));
		prev = (long)i;
	}
	return HANDOFF_OK;
}

/* ---- reading ------------------------------------------------------------ */

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
	char *d = handoff_xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

static char *
get_multi(reader *r, const field *fld)
{
	size_t n = field_choice_count(fld), nbytes = (n + 7) / 8;
	handoff_buf b = {0};
	int any = 0;

	if (nbytes == 0 || nbytes > r->n - r->i)
		return NULL;
	const unsigned char *mask = r->p + r->i;
	r->i += nbytes;
	for (size_t i = 0; i < nbytes * 8; i++) {
		if (!(mask[i / 8] & (1u << (i % 8))))
			continue;
		if (i >= n) {
			handoff_buf_free(&b);
			return NULL; /* a bit beyond the last choice */
		}
		if (any)
			handoff_buf_putc(&b, ' ');
		handoff_buf_put(&b, field_choice_id(fld, i), strlen(field_choice_id(fld, i)));
		any = 1;
	}
	if (!any)
		return NULL;
	handoff_buf_putc(&b, '\0');
	return (char *)b.p;
}

/* Reads one value back into the engine's stored spelling; NULL when the
 * bytes cannot be a value of this field (a structural error). */
static char *
get_value(reader *r, const field *fld)
{
	unsigned long long v, nd;
	const char *s;
	size_t len;
	char tmp[40];

	switch (field_kind(fld)) {
	case FIELD_TEXT:
	case FIELD_KANA:
		if (get_str(r, HANDOFF_MAX_SERIAL, &s, &len) != 0 || len == 0 ||
		    memchr(s, '\0', len))
			return NULL;
		return dup_n(s, len);
	case FIELD_CHOICE:
		if (get_uvar(r, ULLONG_MAX, &v) != 0 || v >= field_choice_count(fld))
			return NULL;
		return handoff_xstrdup(field_choice_id(fld, (size_t)v));
	case FIELD_MULTI:
		return get_multi(r, fld);
	case FIELD_NUMBER:
		if (get_uvar(r, 0xffffffffull, &v) != 0)
			return NULL;
		snprintf(tmp, sizeof tmp, "%lld",
		         (v & 1) ? -(long long)(v >> 1) - 1 : (long long)(v >> 1));
		return handoff_xstrdup(tmp);
	case FIELD_DATE:
		if (get_uvar(r, 9999ull << 9 | 12 << 5 | 31, &v) != 0 || (v >> 5 & 15) < 1 ||
		    (v >> 5 & 15) > 12 || (v & 31) < 1)
			return NULL;
		snprintf(tmp, sizeof tmp, "%04llu-%02llu-%02llu", v >> 9, v >> 5 & 15, v & 31);
		return handoff_xstrdup(tmp);
	case FIELD_POSTAL:
		if (get_uvar(r, 9999999, &v) != 0)
			return NULL;
		snprintf(tmp, sizeof tmp, "%03llu-%04llu", v / 10000, v % 10000);
		return handoff_xstrdup(tmp);
	case FIELD_PHONE: {
		unsigned long long limit = 1;
		if (get_uvar(r, MAX_DIGITS, &nd) != 0 || nd == 0)
			return NULL;
		for (unsigned long long k = 0; k < nd; k++)
			limit *= 10;
		if (get_uvar(r, limit - 1, &v) != 0)
			return NULL;
		snprintf(tmp, sizeof tmp, "%0*llu", (int)nd, v);
		return handoff_xstrdup(tmp);
	}
	}
	return NULL;
}

/* Stores one value read from the code through the engine's validation;
 * the value must come back unchanged (normal form). */
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
	free(v);
	return st;
}

/* Reads a repeat entry (see put_repeat) into a. */
static handoff_status
get_repeat(reader *r, answers *a, const form_repeat *rp, handoff_error *err)
{
	unsigned long long n, code;
	size_t nr = repeat_field_count(rp);
	handoff_status st;

	if (get_uvar(r, (unsigned long long)repeat_max(rp), &n) != 0 ||
	    n < (unsigned long long)repeat_min(rp) || n == 0)
		return handoff_fail(err, HANDOFF_ERR_CORRUPT, "bad instance count of %s",
		                    repeat_id(rp));
	while ((unsigned long long)answers_repeat_count(a, repeat_id(rp)) < n)
		if (answers_repeat_add(a, repeat_id(rp)) < 0)
			return handoff_fail(err, HANDOFF_ERR_CORRUPT, "too many instances of %s",
			                    repeat_id(rp));
	for (int k = 0; k < (int)n; k++) {
		long prev = -1;
		for (;;) {
			if (get_uvar(r, nr, &code) != 0 ||
			    (code > 0 && prev + (long)code >= (long)nr))
				return handoff_fail(err, HANDOFF_ERR_CORRUPT,
				                    "bad field index in %s %d", repeat_id(rp),
				                    k + 1);
			if (code == 0)
				break;
			prev += (long)code;
			const field *fld = repeat_field_at(rp, (size_t)prev);
			char *v = get_value(r, fld);
			if (!v)
				return handoff_fail(err, HANDOFF_ERR_CORRUPT,
				                    "field \"%s\" of %s %d: bad value bytes",
				                    field_id(fld), repeat_id(rp), k + 1);
			if ((st = set_checked(a, fld, k, v, err)) != HANDOFF_OK)
				return st;
		}
	}
	return HANDOFF_OK;
}

/*
 * Parses a serialisation. Total: structural problems (short or overlong
 * varints, indexes past the last field, bytes left over) are
 * HANDOFF_ERR_CORRUPT; a form id or version that `find` does not know is
 * HANDOFF_ERR_UNKNOWN_FORM; a value the engine rejects, a value not in its
 * normal form, a field that does not apply or a missing required field is
 * HANDOFF_ERR_INVALID. On success *out (and *lang_out when asked) belong
 * to the caller; on failure they are untouched.
 */
handoff_status
handoff_deserialize(const unsigned char *p, size_t n, handoff_form_lookup find, const void *ctx,
                    answers **out, char **lang_out, handoff_error *err)
{
	return handoff_deserialize_v(1, p, n, find, ctx, out, lang_out, err);
}

handoff_status
handoff_deserialize_v(int version, const unsigned char *p, size_t n, handoff_form_lookup find,
                      const void *ctx, answers **out, char **lang_out, handoff_error *err)
{
	(void)version; /* versions 1 and 2 differ only in their dictionaries */
	reader r = {p, n, 0};
	const char *s, *lang;
	size_t len, langlen;
	unsigned long long ver, gap;
	char id[MAX_FORM_ID + 1];
	const form *f;
	answers *a = NULL;
	handoff_status st = HANDOFF_OK;
	long prev = -1;
	int missing;

	if (get_str(&r, MAX_FORM_ID, &s, &len) != 0 || len == 0 || !plain_ok(s, len, MAX_FORM_ID))
		return handoff_fail(err, HANDOFF_ERR_CORRUPT, "bad form id in the header");
	memcpy(id, s, len);
	id[len] = '\0';
	if (get_uvar(&r, INT_MAX, &ver) != 0)
		return handoff_fail(err, HANDOFF_ERR_CORRUPT, "bad form version in the header");
	if (get_str(&r, MAX_LANG, &lang, &langlen) != 0 || !plain_ok(lang, langlen, MAX_LANG))
		return handoff_fail(err, HANDOFF_ERR_CORRUPT, "bad language in the header");
	f = find(id, ctx);
	if (!f)
		return handoff_fail(err, HANDOFF_ERR_UNKNOWN_FORM, "form \"%s\" is not installed",
		                    id);
	if ((unsigned long long)form_version(f) != ver)
		return handoff_fail(err, HANDOFF_ERR_UNKNOWN_FORM,
		                    "form \"%s\" version %llu is not installed (installed: %d)", id,
		                    ver, form_version(f));

	a = answers_new(f);
	while (r.i < r.n) {
		if (get_uvar(&r, (unsigned long long)form_field_count(f), &gap) != 0 ||
		    (unsigned long long)(prev + 1) + gap >= form_field_count(f)) {
			st = handoff_fail(err, HANDOFF_ERR_CORRUPT, "bad field index at byte %zu",
			                  r.i);
			goto out;
		}
		prev = prev + 1 + (long)gap;
		const field *fld = form_field_at(f, (size_t)prev);
		if (field_repeat(fld)) {
			const form_repeat *rp = form_repeat_by_id(f, field_repeat(fld));
			if (!rp || repeat_field_at(rp, 0) != fld) {
				st = handoff_fail(err, HANDOFF_ERR_CORRUPT,
				                  "field \"%s\" is inside a repeat", field_id(fld));
				goto out;
			}
			st = get_repeat(&r, a, rp, err);
			if (st != HANDOFF_OK)
				goto out;
			prev += (long)repeat_field_count(rp) - 1;
			continue;
		}
		char *v = get_value(&r, fld);
		if (!v) {
			st = handoff_fail(err, HANDOFF_ERR_CORRUPT, "field \"%s\": bad value bytes",
			                  field_id(fld));
			goto out;
		}
		answer_error ae = {0};
		answer_status as = answers_set(a, field_id(fld), v, &ae);
		const char *stored = answers_get(a, field_id(fld));
		if (as != ANSWER_OK)
			st = handoff_fail(err, HANDOFF_ERR_INVALID, "field \"%s\": %s",
			                  field_id(fld), answer_status_name(as));
		else if (!stored || strcmp(stored, v) != 0)
			st = handoff_fail(err, HANDOFF_ERR_INVALID,
			                  "field \"%s\": value is not in normal form",
			                  field_id(fld));
		free(v);
		if (st != HANDOFF_OK)
			goto out;
	}
	/* Conditions may look at later fields, so they are checked at the end. */
	for (size_t i = 0; i < form_field_count(f); i++) {
		const field *fld = form_field_at(f, i);
		if (field_repeat(fld)) {
			int count = answers_repeat_count(a, field_repeat(fld));
			for (int k = 0; k < count; k++)
				if (answers_get_at(a, field_id(fld), k) &&
				    !field_applies_at(a, fld, k)) {
					st = handoff_fail(
					        err, HANDOFF_ERR_INVALID,
					        "field \"%s\" of %s %d is answered but does "
					        "not apply",
					        field_id(fld), field_repeat(fld), k + 1);
					goto out;
				}
			continue;
		}
		if (answers_get(a, field_id(fld)) && !field_applies(a, fld)) {
			st = handoff_fail(err, HANDOFF_ERR_INVALID,
			                  "field \"%s\" is answered but does not apply",
			                  field_id(fld));
			goto out;
		}
	}
	if (!answers_complete(a, &missing)) {
		st = handoff_fail(err, HANDOFF_ERR_INVALID, "required field \"%s\" is missing",
		                  missing >= 0 ? field_id(form_field_at(f, (size_t)missing)) : "?");
		goto out;
	}
	if (lang_out)
		*lang_out = dup_n(lang, langlen);
	*out = a;
	a = NULL;
out:
	if (a)
		answers_free(a);
	return st;
}
