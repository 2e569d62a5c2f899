/*
 * 続柄 as term numbers (docs/handoff-format.md, "Relationship terms"):
 * a relationship of one to three terms joined by の is written as the
 * numbers of its terms in this table, 5 bits each, instead of as text.
 * The table is part of format version 3: changing it needs a new version.
 * A relationship the table cannot say travels as text.
 */
#include "handoff/internal.h"

#include <string.h>

static const char *const terms[] = {
        "世帯主", "本人", "縁故者", "同居人", "夫",   "妻",   "子", "父",         "母",
        "兄",     "姉",   "弟",     "妹",     "祖父", "祖母", "孫", "曾孫",       "伯父",
        "叔父",   "伯母", "叔母",   "養父",   "養母", "甥",   "姪", "夫（未届）", "妻（未届）",
};

#define NTERMS (sizeof terms / sizeof terms[0])
#define NO     "\xE3\x81\xAE" /* の */

const char *
handoff_relation_term(unsigned i)
{
	return i < NTERMS ? terms[i] : NULL;
}

static int
term_number(const char *s, size_t n)
{
	for (size_t i = 0; i < NTERMS; i++)
		if (strlen(terms[i]) == n && memcmp(terms[i], s, n) == 0)
			return (int)i;
	return -1;
}

int
handoff_relation_numbers(const char *v, unsigned out[HANDOFF_RELATION_MAX])
{
	int n = 0;
	for (const char *p = v;;) {
		const char *sep = strstr(p, NO);
		size_t len = sep ? (size_t)(sep - p) : strlen(p);
		int t = term_number(p, len);
		if (t < 0 || n == HANDOFF_RELATION_MAX)
			return 0;
		out[n++] = (unsigned)t;
		if (!sep)
			return n;
		p = sep + strlen(NO);
	}
}
