/*
 * Block numbers typed as the everyday shorthand (5-10, ５－１０, 1-2-3) and
 * the official spellings they stand for. An address is written officially
 * in one of two systems, and the shorthand does not say which:
 *   - 住居表示 (house numbering, 住居表示に関する法律): 丁目, 番 (the block)
 *     and 号 (the house): 5番10号, 1丁目2番3号;
 *   - 地番 (land lots, 不動産登記法): 番地 and the branch number after it,
 *     written 5番地10 or 5番地の10.
 * The 転入届 wants the address as the certificate of residence writes it,
 * so the resident chooses; the shorthand itself stays possible as typed.
 */
#include "engine/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

/* Separators people type between the numbers (after NFKC, which makes －
 * and ‐ of full width -): hyphens, dashes, the minus sign, the long-vowel
 * mark an input method gives for -, and の. */
bool
block_is_separator(ucs4_t c)
{
	return c == '-' || (c >= 0x2010 && c <= 0x2014) || c == 0x2212 || c == 0x30fc ||
	       c == 0xff0d || c == 0xff70 || c == 0x306e /* の */;
}

bool
block_is_digit(ucs4_t c)
{
	return (c >= '0' && c <= '9') || (c >= 0xff10 && c <= 0xff19);
}

const char *
block_first_digit(const char *s)
{
	for (const char *p = s; *p; p++)
		/* ASCII, or full width U+FF10..FF19: EF BC 90..99 */
		if ((*p >= '0' && *p <= '9') || ((uint8_t)p[0] == 0xef && (uint8_t)p[1] == 0xbc &&
		                                 (uint8_t)p[2] >= 0x90 && (uint8_t)p[2] <= 0x99))
			return p;
	return NULL;
}

/* The numbers of a shorthand (up to max, each up to 5 digits); how many,
 * or 0 when s (NFKC, without spaces) is anything else. */
static size_t
shorthand_numbers(const char *s, char num[][6], size_t max)
{
	size_t n = 0;
	const uint8_t *p = (const uint8_t *)s;
	for (;;) {
		size_t d = strspn((const char *)p, "0123456789");
		if (d == 0 || d > 5 || n == max)
			return 0;
		memcpy(num[n], p, d);
		num[n++][d] = '\0';
		p += d;
		if (!*p)
			return n;
		ucs4_t c;
		int len = u8_mbtouc(&c, p, strlen((const char *)p));
		if (len <= 0 || !block_is_separator(c))
			return 0;
		p += len;
	}
}

/* The numbers of typed as a shorthand: NFKC (full-width digits and
 * hyphens, and U+3000, as ASCII), then without spaces ("5 - 10"); how
 * many, 0 when it is no shorthand. */
static size_t
typed_numbers(const char *typed, char num[][6])
{
	char *s = nfkc(typed), *w = s;
	for (const char *r = s; *r; r++)
		if (*r != ' ')
			*w++ = *r;
	*w = '\0';
	size_t n = shorthand_numbers(s, num, 3);
	wipe_free(s);
	return n;
}

static void
add(block_spelling *out, size_t max, size_t *k, bool lot, const char *fmt, const char *a,
    const char *b, const char *c)
{
	if (*k >= max)
		return;
	snprintf(out[*k].text, sizeof out[*k].text, fmt, a, b, c);
	out[*k].lot = lot;
	out[*k].room_only = false;
	(*k)++;
}

/* The official spellings of n numbers, 住居表示 first: most addresses in
 * towns are numbered so. */
static size_t
spell(char num[][6], size_t n, block_spelling *out, size_t max)
{
	size_t k = 0;
	if (n == 1) {
		add(out, max, &k, true, "%s番地%s%s", num[0], "", "");
		add(out, max, &k, false, "%s番%s%s", num[0], "", "");
	} else if (n == 2) {
		add(out, max, &k, false, "%s番%s号%s", num[0], num[1], "");
		add(out, max, &k, true, "%s番地%s%s", num[0], num[1], "");
		add(out, max, &k, true, "%s番地の%s%s", num[0], num[1], "");
	} else if (n == 3) {
		add(out, max, &k, false, "%s丁目%s番%s号", num[0], num[1], num[2]);
	}
	return k;
}

size_t
block_number_spellings(const char *typed, block_spelling *out, size_t max)
{
	char num[3][6];
	return typed ? spell(num, typed_numbers(typed, num), out, max) : 0;
}

static bool
is_number_part(ucs4_t c)
{
	return block_is_digit(c) || block_is_separator(c);
}

/* p past the characters that pred holds for. */
static const char *
skip_while(const char *p, bool (*pred)(ucs4_t))
{
	size_t left = strlen(p);
	while (left > 0) {
		ucs4_t c;
		int len = u8_mbtouc(&c, (const uint8_t *)p, left);
		if (len <= 0 || !pred(c))
			break;
		p += len;
		left -= (size_t)len;
	}
	return p;
}

/* Where the block number of an address starts: its first digit, or the
 * first after an "N丁目" written out (鶴見中央5丁目3-8); NULL for none. */
static const char *
address_block_start(const char *address)
{
	const char *p = address;
	bool past_chome = false;
	while (*p) {
		ucs4_t c;
		int len = u8_mbtouc(&c, (const uint8_t *)p, strlen(p));
		if (len <= 0)
			return NULL;
		if (block_is_digit(c)) {
			const char *after = skip_while(p, block_is_digit);
			if (past_chome || strncmp(after, "丁目", strlen("丁目")) != 0)
				return p;
			past_chome = true;
			p = after + strlen("丁目");
			continue;
		}
		if (past_chome)
			return NULL; /* 5丁目 and then no number */
		p += len;
	}
	return NULL;
}

int
address_chome_at(const char *s, size_t *len)
{
	const char *end = s ? skip_while(s, block_is_digit) : NULL;
	int n = 0, digits = 0;
	if (!end || end == s || strncmp(end, "丁目", strlen("丁目")) != 0)
		return -1;
	for (const char *p = s; p < end; digits++) {
		ucs4_t c;
		p += u8_mbtouc(&c, (const uint8_t *)p, (size_t)(end - p));
		n = n * 10 + (int)(c >= 0xff10 ? c - 0xff10 : c - '0');
	}
	if (digits > 3)
		return -1; /* no town has so many */
	*len = (size_t)(end - s) + strlen("丁目");
	return n;
}

size_t
address_block_spellings(const char *address, block_spelling *out, size_t max)
{
	const char *start = address ? address_block_start(address) : NULL;
	if (!start)
		return 0;
	/* the run of digits and separators from there */
	const char *end = skip_while(start, is_number_part);
	char run[64], num[3][6];
	size_t runlen = (size_t)(end - start);
	if (runlen == 0 || runlen >= sizeof run)
		return 0;
	memcpy(run, start, runlen);
	run[runlen] = '\0';
	/* one number alone is too often something else (a lot of a 大字, a
	 * room): only 5-10 and 1-2-3 */
	size_t count = typed_numbers(run, num);
	if (count < 2)
		return 0;
	size_t n = spell(num, count, out, max);
	for (size_t i = 0; i < n; i++) {
		char block[64];
		snprintf(block, sizeof block, "%s", out[i].text);
		int w = snprintf(out[i].text, sizeof out[i].text, "%.*s%s%s",
		                 (int)(start - address), address, block, end);
		if (w < 0 || (size_t)w >= sizeof out[i].text)
			return 0;
	}
	return n;
}

/* The official block number at s (3番8号, 123番地4, 5番地の10, 1234番地,
 * 1丁目2番3号): its shorthand in out and how many bytes it took, the line
 * it has among its shorthand's spellings in *line; 0 for none. */
static size_t
official_at(const char *s, char *out, size_t n, size_t *line)
{
	char nums[3][6];
	size_t count = 0;
	const char *p = s;
	static const char *const marks[] = {"丁目", "番地の", "番地", "番", "号"};
	for (;;) {
		size_t d = strspn(p, "0123456789");
		if (d == 0 || d > 5 || count == 3)
			break;
		memcpy(nums[count], p, d);
		nums[count++][d] = '\0';
		p += d;
		size_t m = 0;
		for (size_t i = 0; i < sizeof marks / sizeof marks[0] && !m; i++)
			if (strncmp(p, marks[i], strlen(marks[i])) == 0)
				m = strlen(marks[i]);
		p += m;
		if (!m)
			break;
	}
	if (count == 0)
		return 0;
	int w = snprintf(out, n, "%s", nums[0]);
	for (size_t i = 1; i < count && w >= 0 && (size_t)w < n; i++)
		w += snprintf(out + w, n - (size_t)w, "-%s", nums[i]);
	if (w < 0 || (size_t)w >= n)
		return 0;
	/* the spelling must be one its shorthand stands for */
	block_spelling sp[3];
	size_t ns = block_number_spellings(out, sp, 3);
	size_t took = (size_t)(p - s);
	for (size_t i = 0; i < ns; i++)
		if (strlen(sp[i].text) == took && strncmp(sp[i].text, s, took) == 0) {
			*line = i;
			return took;
		}
	return 0;
}

bool
block_number_shorthand_of(const char *official, char *out, size_t n)
{
	size_t line;
	size_t took = official_at(official, out, n, &line);
	return took > 0 && official[took] == '\0';
}

bool
address_block_shorthand_of(const char *address, char *out, size_t n, size_t *line)
{
	/* at the first digit (9丁目5番10号 is 9-5-10), else after a 丁目
	 * (5丁目123番地4 is 5丁目123-4) */
	const char *first = address + strcspn(address, "0123456789");
	const char *starts[2] = {*first ? first : NULL, address_block_start(address)};
	for (int i = 0; i < 2; i++) {
		char short_block[32];
		size_t took;
		if (!starts[i] ||
		    !(took = official_at(starts[i], short_block, sizeof short_block, line)) ||
		    !strchr(short_block, '-'))
			continue;
		int w = snprintf(out, n, "%.*s%s%s", (int)(starts[i] - address), address,
		                 short_block, starts[i] + took);
		return w >= 0 && (size_t)w < n;
	}
	return false;
}
