/* Marking characters outside JIS X 0208 (tui/jis.h), one iconv call per
 * character. */
#include "tui/jis.h"

#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

/* Whether iconv can write the character in the given charset. */
static bool
converts(const char *charset, const char *s, size_t len)
{
	iconv_t cd = iconv_open(charset, "UTF-8");
	if (cd == (iconv_t)-1)
		return false;
	char in[8], out[32];
	char *ip = in, *op = out;
	size_t il = len < sizeof in ? len : sizeof in, ol = sizeof out;
	memcpy(in, s, il);
	bool ok = iconv(cd, &ip, &il, &op, &ol) != (size_t)-1 && il == 0 &&
	          iconv(cd, NULL, NULL, &op, &ol) != (size_t)-1;
	iconv_close(cd);
	return ok;
}

jis_class
jis_classify(const char *s, size_t len)
{
	if (len == 1 && (unsigned char)s[0] < 0x80)
		return JIS_X0208;
	if (converts("ISO-2022-JP", s, len))
		return JIS_X0208;
	return converts("EUC-JISX0213", s, len) ? JIS_X0213 : JIS_NEITHER;
}

static bool
is_text(const field *fld)
{
	field_type t = field_kind(fld);
	return t == FIELD_KANA ||
	       (t == FIELD_TEXT && (field_text_rule(fld) == TEXT_RULE_FREE ||
	                            field_text_rule(fld) == TEXT_RULE_RELATIONSHIP));
}

/* Fills m with the marked characters of v; false when there are none. */
static bool
mark_value(const char *v, jis_mark *m)
{
	const uint8_t *p = (const uint8_t *)v;
	size_t n = strlen(v), used = 0;
	bool any = false;

	m->chars[0] = '\0';
	m->worst = JIS_X0208;
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p + i, n - i);
		if (k <= 0)
			break;
		jis_class cl = jis_classify(v + i, (size_t)k);
		if (cl != JIS_X0208) {
			any = true;
			if (cl > m->worst)
				m->worst = cl;
			char one[8] = "";
			memcpy(one, v + i, (size_t)k); /* k <= 4: one UTF-8 character */
			bool seen = strstr(m->chars, one) != NULL;
			if (!seen && used + (size_t)k < sizeof m->chars) {
				memcpy(m->chars + used, v + i, (size_t)k);
				used += (size_t)k;
				m->chars[used] = '\0';
			}
		}
		i += (size_t)k;
	}
	return any;
}

size_t
jis_marks(const answers *a, jis_mark **out)
{
	size_t n = 0, cap = 0;
	jis_mark *marks = NULL;
	answer_walk w;

	answers_walk_begin(&w, a, ANSWERS_WALK_APPLYING);
	while (answers_walk_next(&w)) {
		if (w.event != WALK_FIELD || !w.value || !is_text(w.field))
			continue;
		jis_mark m = {.fld = w.field, .repeat = w.repeat, .instance = w.instance};
		if (!mark_value(w.value, &m))
			continue;
		snprintf(m.value, sizeof m.value, "%s", w.value);
		if (n == cap) {
			cap = cap ? cap * 2 : 4;
			marks = realloc(marks, cap * sizeof *marks);
			if (!marks)
				abort();
		}
		marks[n++] = m;
	}
	*out = marks;
	return n;
}

void
jis_mark_where(const jis_mark *m, char *buf, size_t n)
{
	if (m->repeat)
		snprintf(buf, n, "%s %d %s", repeat_term(m->repeat), m->instance + 1,
		         field_term(m->fld));
	else
		snprintf(buf, n, "%s", field_term(m->fld));
}
