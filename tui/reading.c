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
		/* lattice level 1: the n best readings, not only the first */
		tagger = mecab_new2("-l 1"); /* NULL without a dictionary: no suggestions */
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

static bool
is_space_at(const char *p)
{
	return *p == ' ' || strncmp(p, "\xE3\x80\x80", 3) == 0;
}

static int
words_in(const char *s)
{
	int n = 0;
	while (*s) {
		while (*s && is_space_at(s))
			s += *s == ' ' ? 1 : 3;
		if (!*s)
			break;
		n++;
		while (*s && !is_space_at(s))
			s++;
	}
	return n;
}

/* Whether s[0..len) holds an ASCII byte (Latin letters: MeCab reads
 * none of a resident's name in them). */
static bool
memchr_ascii(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x80)
			return true;
	return false;
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

enum { NBEST = 24 };

typedef enum role { ROLE_ANY, ROLE_FAMILY, ROLE_GIVEN } role;

/* Whether a path read by MeCab reads the word as a name of this role: one
 * word the dictionary knows as a family (姓) or given (名) name; for a word
 * alone, names only (姓 and 名: 佐藤健一). */
static bool
path_is_name(const mecab_node_t *node, role r)
{
	int words = 0;
	for (; node; node = node->next) {
		if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE)
			continue;
		words++;
		if (node->stat == MECAB_UNK_NODE ||
		    !feature_is(node->feature, r == ROLE_FAMILY  ? "名詞,固有名詞,人名,姓"
		                               : r == ROLE_GIVEN ? "名詞,固有名詞,人名,名"
		                                                 : "名詞,固有名詞,人名"))
			return false;
	}
	return r == ROLE_ANY ? words > 0 : words == 1;
}

/* Appends the reading of one path; false when a word has none. */
static bool
put_path(out_buf *o, const mecab_node_t *node)
{
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

/*
 * One word of the name (no spaces). A word whose place says what it is
 * (the first of several: the family name; a later one: a given name)
 * takes the first of MeCab's n best readings that reads it as one such
 * name: 平野 is ヒラノ, not the common noun ヘイヤ. A given name the
 * dictionary does not hold as one (陽翔, read ヒショウ piece by piece) gets
 * no suggestion; a family name, or a word alone, takes the best reading.
 */
static bool
read_word(out_buf *o, const char *s, size_t len, role r)
{
	if (all_kana(s, len)) {
		put_katakana(o, s, len);
		return true;
	}
	mecab_t *t = get_tagger();
	if (!t || !mecab_nbest_init2(t, s, len))
		return false;
	/* the best reading, kept in case no reading names the word */
	char best[192] = "";
	out_buf b = {best, sizeof best, 0, false};
	bool have_best = false;
	for (int k = 0; k < NBEST; k++) {
		const mecab_node_t *path = mecab_nbest_next_tonode(t);
		if (!path)
			break;
		if (path_is_name(path, r))
			return put_path(o, path);
		if (k == 0)
			have_best = put_path(&b, path) && !b.full;
	}
	if (r == ROLE_GIVEN || !have_best)
		return false;
	put_bytes(o, best, b.len);
	return true;
}

/* The next word of s (words are separated by ASCII spaces or U+3000):
 * its start and length, s moved past it; false at the end. */
static bool
next_word(const char **s, const char **w, size_t *len)
{
	const char *p = *s;
	while (*p && is_space_at(p))
		p += *p == ' ' ? 1 : 3;
	if (!*p)
		return false;
	*w = p;
	while (*p && !is_space_at(p))
		p++;
	*len = (size_t)(p - *w);
	*s = p;
	return true;
}

/* The k-th word (from 0) of s, or false. */
static bool
word_at(const char *s, int k, const char **w, size_t *len)
{
	for (int i = 0; next_word(&s, w, len); i++)
		if (i == k)
			return true;
	return false;
}

/* The reading this household already gave for word: from every other
 * answered pair of a name and its reading (kana fields that declare
 * reading-of, each person of a list) with as many words in each, the
 * reading in the same place. NULL when none gave one, or two differ. */
static const char *
household_reading(const answers *a, const field *skip, int skip_instance, const char *word,
                  size_t wlen, size_t *klen)
{
	const form *f = answers_form(a);
	const char *found = NULL;
	for (size_t i = 0; i < form_field_count(f); i++) {
		const field *kf = form_field_at(f, i);
		const char *of = field_reading_of(kf);
		if (!of)
			continue;
		const char *rid = field_repeat(kf);
		int count = rid ? answers_repeat_count(a, rid) : 1;
		for (int k = 0; k < count; k++) {
			const char *name = answers_get_at(a, of, k),
			           *kana = answers_get_at(a, field_id(kf), k);
			if ((kf == skip && k == skip_instance) || !name || !kana ||
			    words_in(name) != words_in(kana))
				continue;
			const char *w, *r;
			size_t wl, rl;
			for (int j = 0; word_at(name, j, &w, &wl); j++) {
				if (wl != wlen || memcmp(w, word, wlen) != 0 ||
				    !word_at(kana, j, &r, &rl))
					continue;
				if (found && (*klen != rl || memcmp(found, r, rl) != 0))
					return NULL; /* read two ways: no guess */
				found = r;
				*klen = rl;
			}
		}
	}
	return found;
}

reading_kind
reading_suggest_for(const answers *a, const field *fld, int instance, char *out, size_t n)
{
	const char *of = field_reading_of(fld);
	const char *name = of ? answers_get_at(a, of, instance) : NULL;
	if (n > 0)
		out[0] = '\0';
	if (!name || n == 0)
		return READING_NONE;
	/* word by word: as the household read it already, else as MeCab reads
	 * it; the words up to the first with neither make the start */
	out_buf o = {out, n, 0, false};
	const char *p = name, *w;
	size_t wl;
	int read = 0, words = words_in(name);
	bool multi = words > 1;
	while (next_word(&p, &w, &wl)) {
		size_t before = o.len, kl = 0;
		const char *k = household_reading(a, fld, instance, w, wl, &kl);
		if (read)
			put_bytes(&o, "\xE3\x80\x80", 3);
		if (k)
			put_bytes(&o, k, kl);
		else if (!memchr_ascii(w, wl) && read_word(&o, w, wl,
		                                           !multi ? ROLE_ANY
		                                           : read ? ROLE_GIVEN
		                                                  : ROLE_FAMILY))
			;
		else {
			o.len = before;
			out[o.len] = '\0';
			break;
		}
		if (o.full)
			break;
		read++;
	}
	if (o.full || read == 0) {
		out[0] = '\0';
		return READING_NONE;
	}
	if (read == words)
		return READING_WHOLE;
	put_bytes(&o, "\xE3\x80\x80", 3); /* the rest is typed after it */
	if (o.full) {
		out[0] = '\0';
		return READING_NONE;
	}
	return READING_START;
}

bool
latin_suggest_for(const answers *a, const field *fld, int instance, char *out, size_t n)
{
	const char *of = field_latin_of(fld);
	const char *name = of ? answers_get_at(a, of, instance) : NULL;
	size_t len = name ? strlen(name) : 0;
	bool letter = false;
	if (n > 0)
		out[0] = '\0';
	if (!name || len + 1 > n)
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)name[i];
		bool alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
		if (!alpha && c != ' ' && c != '-' && c != '\'' && c != '.' && c != ',') {
			out[0] = '\0';
			return false; /* kanji, kana or accents: spelled from the card */
		}
		letter |= alpha;
		out[i] = (char)(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
	}
	out[len] = '\0';
	if (!letter)
		out[0] = '\0';
	return letter;
}

size_t
name_family_len(const char *name)
{
	const char *ascii = strchr(name, ' '), *wide = strstr(name, "\xE3\x80\x80");
	const char *sp = !ascii ? wide : !wide ? ascii : ascii < wide ? ascii : wide;
	if (!sp || sp == name)
		return 0;
	return (size_t)(sp - name) + (*sp == ' ' ? 1 : 3);
}

bool
reading_suggest(const char *name, char *out, size_t n)
{
	out_buf o = {out, n, 0, false};
	if (n == 0)
		return false;
	out[0] = '\0';
	const char *p = name, *w;
	size_t wl;
	bool any = false, multi = words_in(name) > 1;
	while (next_word(&p, &w, &wl)) {
		if (memchr_ascii(w, wl)) {
			out[0] = '\0'; /* Latin letters: the resident types it */
			return false;
		}
		if (any)
			put_bytes(&o, "\xE3\x80\x80", 3);
		/* several words: the family name first, then given names */
		role r = !multi ? ROLE_ANY : any ? ROLE_GIVEN : ROLE_FAMILY;
		if (!read_word(&o, w, wl, r) || o.full) {
			out[0] = '\0';
			return false;
		}
		any = true;
	}
	return any && out[0];
}
