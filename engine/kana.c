/*
 * Katakana readings (フリガナ) and half-width katakana.
 *
 * A reading is stored as full-width katakana (the 戸籍 has recorded
 * readings in katakana since 2025-05-26), words separated by one
 * ideographic space U+3000. Input may be hiragana (what most IMEs give
 * first), half-width katakana (old systems, the postal table), or
 * decomposed voiced marks (ｶﾞ, か + U+3099);
 * all become precomposed full-width katakana. ー, ・ (foreign names) and
 * the iteration marks ヽヾ are allowed; anything else is ANSWER_ERR_KANA.
 */
#include "engine/internal.h"

#include <stdlib.h>
#include <string.h>

/* Half-width katakana U+FF61..U+FF9D to full-width. */
static const uint16_t half_to_full[] = {
        0x3002, 0x300C, 0x300D, 0x3001, 0x30FB, 0x30F2, 0x30A1, 0x30A3, /* FF61 */
        0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5, 0x30E7, 0x30C3, 0x30FC, /* FF69 */
        0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF, /* FF71 */
        0x30B1, 0x30B3, 0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF, /* FF79 */
        0x30C1, 0x30C4, 0x30C6, 0x30C8, 0x30CA, 0x30CB, 0x30CC, 0x30CD, /* FF81 */
        0x30CE, 0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB, 0x30DE, 0x30DF, /* FF89 */
        0x30E0, 0x30E1, 0x30E2, 0x30E4, 0x30E6, 0x30E8, 0x30E9, 0x30EA, /* FF91 */
        0x30EB, 0x30EC, 0x30ED, 0x30EF, 0x30F3,                         /* FF99 */
};

static bool
is_voicing_mark(uint32_t cp)
{
	return cp == 0xFF9E || cp == 0x3099 || cp == 0x309B;
}

static bool
is_semivoicing_mark(uint32_t cp)
{
	return cp == 0xFF9F || cp == 0x309A || cp == 0x309C;
}

/* The precomposed form of katakana k with a (semi-)voicing mark, or 0. */
static uint32_t
compose(uint32_t k, bool semi)
{
	if (k >= 0x30CF && k <= 0x30DB && (k - 0x30CF) % 3 == 0) /* ハヒフヘホ */
		return k + (semi ? 2 : 1);
	if (semi)
		return 0;
	if ((k >= 0x30AB && k <= 0x30C1 && (k - 0x30AB) % 2 == 0) || /* カ..チ */
	    k == 0x30C4 || k == 0x30C6 || k == 0x30C8)               /* ツテト */
		return k + 1;
	if (k == 0x30A6)
		return 0x30F4; /* ヴ */
	if (k >= 0x30EF && k <= 0x30F2)
		return k + 8; /* ヷヸヹヺ */
	if (k == 0x30FD)
		return 0x30FE; /* ヾ */
	return 0;
}

/* Decodes s into code points; NULL for invalid UTF-8. */
static uint32_t *
decode_all(const char *s, size_t *count)
{
	size_t len = strlen(s), i = 0, n = 0;
	uint32_t *cps = eng_xmalloc((len + 1) * sizeof *cps);
	while (i < len) {
		size_t k = utf8_decode(s + i, len - i, &cps[n]);
		if (k == 0) {
			wipe_free(cps);
			return NULL;
		}
		i += k;
		n++;
	}
	*count = n;
	return cps;
}

/*
 * Widens half-width katakana and joins voiced marks onto the kana before
 * them, in place over the code point array; returns the new length.
 */
static size_t
widen_cps(uint32_t *cps, size_t n)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t c = cps[i];
		bool v = is_voicing_mark(c), sv = is_semivoicing_mark(c);
		if ((v || sv) && o > 0) {
			uint32_t composed = compose(cps[o - 1], sv);
			if (composed) {
				cps[o - 1] = composed;
				continue;
			}
		}
		if (c >= 0xFF61 && c <= 0xFF9D)
			c = half_to_full[c - 0xFF61];
		else if (c == 0xFF9E)
			c = 0x309B;
		else if (c == 0xFF9F)
			c = 0x309C;
		cps[o++] = c;
	}
	return o;
}

char *
kana_widen(const char *s)
{
	size_t n;
	uint32_t *cps = decode_all(s, &n);
	sbuf b = {0};
	if (!cps)
		return NULL;
	n = widen_cps(cps, n);
	for (size_t i = 0; i < n; i++)
		sbuf_add_cp(&b, cps[i]);
	wipe_free(cps);
	return sbuf_take(&b);
}

static bool
is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == 0x3000;
}

static bool
is_katakana(uint32_t c)
{
	return (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FB || c == 0x30FC || c == 0x30FD ||
	       c == 0x30FE;
}

answer_status
kana_normalize(const char *in, char **out)
{
	size_t n;
	uint32_t *cps;
	answer_status st = ANSWER_OK;
	bool pending_space = false;
	sbuf b = {0};

	*out = NULL;
	cps = decode_all(in, &n);
	if (!cps)
		return ANSWER_ERR_BAD_UTF8;
	/* Hiragana first, so that か + U+3099 composes as カ + mark. */
	for (size_t i = 0; i < n; i++) {
		if (cps[i] >= 0x3041 && cps[i] <= 0x3096)
			cps[i] += 0x60;
		else if (cps[i] == 0x309D || cps[i] == 0x309E)
			cps[i] += 0x60;
		else if (cps[i] == '-' || cps[i] == 0xFF0D || cps[i] == 0x2212)
			cps[i] = 0x30FC; /* a hyphen typed for the long-vowel mark */
	}
	n = widen_cps(cps, n);
	for (size_t i = 0; i < n; i++) {
		if (is_space(cps[i])) {
			pending_space = b.len > 0;
			continue;
		}
		if (!is_katakana(cps[i])) {
			st = ANSWER_ERR_KANA;
			goto out;
		}
		if (pending_space)
			sbuf_add_cp(&b, 0x3000);
		pending_space = false;
		sbuf_add_cp(&b, cps[i]);
	}
	if (b.len)
		*out = sbuf_take(&b);
out:
	wipe_free(sbuf_take(&b));
	wipe_free(cps);
	return st;
}
