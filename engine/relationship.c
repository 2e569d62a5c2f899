/*
 * 続柄: the relationship to the head of the household as the 住民票 writes
 * it (every child is 子, without 長男 or 二女, since 1995; compound terms
 * such as 子の妻 are built from the head). Not a closed list but a grammar:
 *
 *   relationship := "世帯主" | "本人" | "縁故者" | "同居人" | chain
 *   chain        := term ( "の" term )*        at most MAX_CHAIN terms
 *   term         := 夫 | 妻 | 子 | 父 | 母 | ... | 夫（未届） | 妻（未届）
 *
 * read from the head: 子の妻 is the head's daughter-in-law, 妻の子 a
 * step-child. Input may use half-width brackets, spaces, or 未届の夫 for
 * 夫（未届）; the stored form is NFC with full-width brackets and no
 * spaces.
 */
#include "engine/internal.h"

#include <stdlib.h>
#include <string.h>

#define MAX_CHAIN 4

/* Terms that stand alone, never inside a chain. */
static const char *const alone[] = {"世帯主", "本人", "縁故者", "同居人"};

/* Terms of a chain; a longer spelling comes before its prefix (夫（未届）
 * before 夫), since the first match wins. */
static const char *const chain_terms[] = {
        "夫（未届）", "妻（未届）", "曾孫", "祖父", "祖母", "伯父", "叔父", "伯母",
        "叔母",       "養父",       "養母", "夫",   "妻",   "子",   "父",   "母",
        "兄",         "弟",         "姉",   "妹",   "孫",   "甥",   "姪",
};

static const char *const display_terms[] = {
        "世帯主", "妻",     "夫",     "子",         "父",         "母", "子の妻", "子の夫",
        "子の子", "妻の子", "兄",     "姉",         "弟",         "妹", "祖父",   "祖母",
        "孫",     "縁故者", "同居人", "夫（未届）", "妻（未届）", NULL,
};

const char *const *
relationship_terms(void)
{
	return display_terms;
}

/* Rewrites brackets to full width, drops spaces, and reads 未届の夫/妻 as
 * 夫（未届）/妻（未届）. */
static char *
canonical_spelling(const char *in)
{
	sbuf b = {0};
	size_t len = strlen(in), i = 0;

	while (i < len) {
		uint32_t cp;
		size_t k = utf8_decode(in + i, len - i, &cp);
		if (k == 0) {
			wipe_free(sbuf_take(&b));
			return NULL;
		}
		i += k;
		if (cp == ' ' || cp == '\t' || cp == 0x3000)
			continue;
		if (cp == '(')
			cp = 0xFF08;
		else if (cp == ')')
			cp = 0xFF09;
		sbuf_add_cp(&b, cp);
	}
	char *s = sbuf_take(&b);
	static const char *const pre[][2] = {{"未届の夫", "夫（未届）"},
	                                     {"未届の妻", "妻（未届）"}};
	for (size_t p = 0; p < 2; p++) {
		char *hit = strstr(s, pre[p][0]);
		if (hit) {
			sbuf_add(&b, s, (size_t)(hit - s));
			sbuf_add(&b, pre[p][1], strlen(pre[p][1]));
			sbuf_add(&b, hit + strlen(pre[p][0]), strlen(hit + strlen(pre[p][0])));
			wipe_free(s);
			s = sbuf_take(&b);
		}
	}
	return s;
}

/* Length of the chain term at p, or 0. */
static size_t
term_at(const char *p)
{
	for (size_t i = 0; i < sizeof chain_terms / sizeof chain_terms[0]; i++) {
		size_t n = strlen(chain_terms[i]);
		if (strncmp(p, chain_terms[i], n) == 0)
			return n;
	}
	return 0;
}

static bool
valid_chain(const char *s)
{
	static const char no[] = "の";
	int terms = 0;
	for (;;) {
		size_t n = term_at(s);
		if (n == 0 || ++terms > MAX_CHAIN)
			return false;
		s += n;
		if (!*s)
			return true;
		if (strncmp(s, no, sizeof no - 1) != 0)
			return false;
		s += sizeof no - 1;
	}
}

answer_status
relationship_normalize(const char *in, char **out)
{
	char *norm = nfc(in), *s;
	answer_status st = ANSWER_ERR_RELATIONSHIP;

	*out = NULL;
	s = canonical_spelling(norm);
	wipe_free(norm);
	if (!s)
		return ANSWER_ERR_BAD_UTF8;
	for (size_t i = 0; i < sizeof alone / sizeof alone[0]; i++)
		if (strcmp(s, alone[i]) == 0)
			st = ANSWER_OK;
	if (st != ANSWER_OK && valid_chain(s))
		st = ANSWER_OK;
	if (st == ANSWER_OK)
		*out = s;
	else
		wipe_free(s);
	return st;
}
