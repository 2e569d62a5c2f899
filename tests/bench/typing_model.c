/* The typing model of typing_model.h, with MeCab reading the kanji. */
#include "tests/bench/typing_model.h"

#include <mecab.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

static mecab_t *tagger;

int
typing_model_init(void)
{
	tagger = mecab_new2("");
	if (!tagger) {
		fprintf(stderr,
		        "keystrokes: MeCab could not start: %s (is mecab-ipadic-utf8 "
		        "installed?)\n",
		        mecab_strerror(NULL));
		return -1;
	}
	return 0;
}

void
typing_model_done(void)
{
	if (tagger)
		mecab_destroy(tagger);
	tagger = NULL;
}

static bool
is_kanji(ucs4_t c)
{
	return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
	       (c >= 0x20000 && c <= 0x3FFFF) || c == 0x3005; /* 々 */
}

static bool
is_katakana(ucs4_t c)
{
	return c >= 0x30A1 && c <= 0x30FC;
}

/* Romaji keys of one kana (katakana or hiragana), by the table in the
 * header; anything else is one key. */
static long
kana_keys(ucs4_t c)
{
	if (c >= 0x3041 && c <= 0x3096)
		c += 0x60; /* hiragana to katakana */
	switch (c) {
	case 0x30A2: /* ア */
	case 0x30A4: /* イ */
	case 0x30A6: /* ウ */
	case 0x30A8: /* エ */
	case 0x30AA: /* オ */
	case 0x30C3: /* ッ: the doubled consonant */
	case 0x30A1: /* small ァィゥェォ, ャュョ, ヮ after their kana */
	case 0x30A3:
	case 0x30A5:
	case 0x30A7:
	case 0x30A9:
	case 0x30E3:
	case 0x30E5:
	case 0x30E7:
	case 0x30EE:
	case 0x30FC: /* ー */
		return 1;
	case 0x30F3: /* ン: nn */
		return 2;
	default:
		return c >= 0x30A1 && c <= 0x30FA ? 2 : 1;
	}
}

static long
reading_keys(const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	long keys = 0;
	while (p < end) {
		ucs4_t c;
		int len = u8_mbtouc(&c, p, (size_t)(end - p));
		keys += kana_keys(c);
		p += len;
	}
	return keys;
}

/* The reading (8th feature of the IPA dictionary), or NULL. */
static const char *
feature_reading(const char *feature, size_t *len)
{
	const char *p = feature;
	for (int field = 0; field < 7 && p; field++) {
		p = strchr(p, ',');
		if (p)
			p++;
	}
	if (!p || *p == '*' || *p == '\0')
		return NULL;
	const char *e = strchr(p, ',');
	*len = e ? (size_t)(e - p) : strlen(p);
	return p;
}

/* One word MeCab found: its reading's keys and its conversion. */
static long
word_keys(const char *surface, size_t n, const char *feature)
{
	const uint8_t *p = (const uint8_t *)surface, *end = p + n;
	bool kanji = false, all_katakana = true;
	long fallback = 0;
	while (p < end) {
		ucs4_t c;
		int len = u8_mbtouc(&c, p, (size_t)(end - p));
		kanji |= is_kanji(c);
		all_katakana &= is_katakana(c);
		fallback += is_kanji(c) ? 2 : kana_keys(c);
		p += len;
	}
	size_t rlen = 0;
	const char *reading = feature_reading(feature, &rlen);
	long keys = reading ? reading_keys(reading, rlen) : fallback;
	return keys + (kanji ? 1 : 0) + (all_katakana && !kanji ? 1 : 0);
}

/* A run of Japanese text: its words, then the Enter that confirms it. */
static long
japanese_run_keys(const char *s, size_t n)
{
	long keys = 1;
	const mecab_node_t *node = mecab_sparse_tonode2(tagger, s, n);
	for (; node; node = node->next) {
		if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE)
			continue;
		keys += word_keys(node->surface, node->length, node->feature);
	}
	return keys;
}

long
typing_keys(const char *s)
{
	long keys = 0;
	size_t i = 0, n = strlen(s);
	while (i < n) {
		size_t j = i;
		if ((unsigned char)s[i] < 0x80) {
			while (j < n && (unsigned char)s[j] < 0x80)
				j++;
			keys += (long)(j - i);
		} else if (strncmp(s + i, "\xE3\x80\x80", 3) == 0) { /* U+3000: one Space */
			j = i + 3;
			keys += 1;
		} else {
			while (j < n && (unsigned char)s[j] >= 0x80 &&
			       strncmp(s + j, "\xE3\x80\x80", 3) != 0)
				j++;
			keys += japanese_run_keys(s + i, j - i);
		}
		i = j;
	}
	return keys;
}
