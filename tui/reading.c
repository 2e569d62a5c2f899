/* Reading suggestions for names (reading.h), with MeCab. */
#include "tui/reading.h"

#include <mecab.h>
#include <stdint.h>
#include <string.h>
#include <unistr.h>

static mecab_t *tagger;
static bool tried;

static mecab_t *
get_tagger(void)
{
	if (!tried) {
		tried = true;
		tagger = mecab_new2(""); /* NULL without a dictionary: no suggestions */
	}
	return tagger;
}

void
reading_done(void)
{
	if (tagger)
		mecab_destroy(tagger);
	tagger = NULL;
	tried = false;
}

typedef struct out_buf {
	char *p;
	size_t n, len;
	bool full;
} out_buf;

static void
put_bytes(out_buf *o, const char *s, size_t len)
{
	if (o->len + len + 1 > o->n) {
		o->full = true;
		return;
	}
	memcpy(o->p + o->len, s, len);
	o->len += len;
	o->p[o->len] = '\0';
}

static bool
is_kana(ucs4_t c)
{
	return (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC;
}

/* Whether s[0..len) is kana only. */
static bool
all_kana(const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	while (p < end) {
		ucs4_t c;
		p += u8_mbtouc(&c, p, (size_t)(end - p));
		if (!is_kana(c))
			return false;
	}
	return len > 0;
}

/* Appends kana as katakana (ひらがな -> ヒラガナ). */
static void
put_katakana(out_buf *o, const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	while (p < end) {
		ucs4_t c;
		uint8_t u[6];
		p += u8_mbtouc(&c, p, (size_t)(end - p));
		if (c >= 0x3041 && c <= 0x3096)
			c += 0x60;
		int k = u8_uctomb(u, c, sizeof u);
		if (k > 0)
			put_bytes(o, (const char *)u, (size_t)k);
	}
}

/* Field i (from 0) of a MeCab feature line, or NULL when it is "*". */
static const char *
feature_field(const char *feature, int i, size_t *len)
{
	const char *p = feature;
	for (int k = 0; k < i && p; k++) {
		p = strchr(p, ',');
		if (p)
			p++;
	}
	if (!p || *p == '*' || *p == '\0' || *p == ',')
		return NULL;
	const char *e = strchr(p, ',');
	*len = e ? (size_t)(e - p) : strlen(p);
	return p;
}

static bool
feature_is(const char *feature, const char *prefix)
{
	return strncmp(feature, prefix, strlen(prefix)) == 0;
}

/* One word of the name (no spaces) read by MeCab. */
static bool
read_word(out_buf *o, const char *s, size_t len)
{
	if (all_kana(s, len)) {
		put_katakana(o, s, len);
		return true;
	}
	mecab_t *t = get_tagger();
	if (!t)
		return false;
	const mecab_node_t *node = mecab_sparse_tonode2(t, s, len);
	bool family = false;
	for (; node; node = node->next) {
		if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE)
			continue;
		size_t rlen = 0;
		const char *reading = feature_field(node->feature, 7, &rlen);
		if (all_kana(node->surface, node->length))
			reading = node->surface, rlen = node->length;
		if (!reading || node->stat == MECAB_UNK_NODE)
			return false;
		/* 山田花子: a given name after a family name gets its space */
		bool given = feature_is(node->feature, "名詞,固有名詞,人名,名");
		if (family && given)
			put_bytes(o, "\xE3\x80\x80", 3);
		family = feature_is(node->feature, "名詞,固有名詞,人名,姓");
		put_katakana(o, reading, rlen);
	}
	return true;
}

bool
reading_suggest(const char *name, char *out, size_t n)
{
	out_buf o = {out, n, 0, false};
	if (n == 0)
		return false;
	out[0] = '\0';
	const char *p = name;
	bool any = false;
	while (p && *p) {
		/* words are separated by ASCII spaces or U+3000 */
		while (*p == ' ' || strncmp(p, "\xE3\x80\x80", 3) == 0)
			p += *p == ' ' ? 1 : 3;
		if (!*p)
			break;
		const char *w = p;
		while (*p && *p != ' ' && strncmp(p, "\xE3\x80\x80", 3) != 0) {
			if ((unsigned char)*p < 0x80) {
				out[0] = '\0'; /* Latin letters: the resident types it */
				return false;
			}
			p++;
		}
		if (any)
			put_bytes(&o, "\xE3\x80\x80", 3);
		if (!read_word(&o, w, (size_t)(p - w)) || o.full) {
			out[0] = '\0';
			return false;
		}
		any = true;
	}
	return any && out[0];
}
