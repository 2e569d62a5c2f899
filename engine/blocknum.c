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

/* Separators people type between the numbers after NFKC (which has made
 * － and ‐ of full width into -): hyphens, dashes, the minus sign, the
 * long-vowel mark an input method gives for -, and の. */
static const char *const separators[] = {"-",      "\u2010", "\u2011", "\u2012", "\u2013",
                                         "\u2014", "\u2212", "\u30fc", "\uff70", "の"};

static size_t
separator_at(const char *p)
{
	for (size_t i = 0; i < sizeof separators / sizeof separators[0]; i++) {
		size_t n = strlen(separators[i]);
		if (strncmp(p, separators[i], n) == 0)
			return n;
	}
	return 0;
}

/* The numbers of a shorthand (up to max, each up to 5 digits); how many,
 * or 0 when s is anything else. */
static size_t
shorthand_numbers(const char *s, char num[][6], size_t max)
{
	size_t n = 0;
	const char *p = s;
	for (;;) {
		size_t d = strspn(p, "0123456789");
		if (d == 0 || d > 5 || n == max)
			return 0;
		memcpy(num[n], p, d);
		num[n++][d] = '\0';
		p += d;
		if (!*p)
			return n;
		size_t sep = separator_at(p);
		if (!sep)
			return 0;
		p += sep;
	}
}

size_t
block_number_spellings(const char *typed, char out[][BLOCK_SPELLING_MAX], size_t max)
{
	char num[3][6];
	size_t k = 0;
	if (!typed)
		return 0;
	/* NFKC: full-width digits and hyphens, and U+3000, as ASCII; then
	 * without spaces ("5 - 10") */
	char *s = nfkc(typed), *w = s;
	for (const char *r = s; *r; r++)
		if (*r != ' ')
			*w++ = *r;
	*w = '\0';
	size_t n = shorthand_numbers(s, num, 3);
	free(s);
	/* 住居表示 first: most addresses in towns are numbered so */
	if (n == 1) {
		if (k < max)
			snprintf(out[k++], BLOCK_SPELLING_MAX, "%s番地", num[0]);
		if (k < max)
			snprintf(out[k++], BLOCK_SPELLING_MAX, "%s番", num[0]);
	} else if (n == 2) {
		if (k < max)
			snprintf(out[k++], BLOCK_SPELLING_MAX, "%s番%s号", num[0], num[1]);
		if (k < max)
			snprintf(out[k++], BLOCK_SPELLING_MAX, "%s番地%s", num[0], num[1]);
		if (k < max)
			snprintf(out[k++], BLOCK_SPELLING_MAX, "%s番地の%s", num[0], num[1]);
	} else if (n == 3) {
		if (k < max)
			snprintf(out[k++], BLOCK_SPELLING_MAX, "%s丁目%s番%s号", num[0], num[1],
			         num[2]);
	}
	return k;
}

bool
block_number_shorthand_of(const char *official, char *out, size_t n)
{
	/* the numbers of an official spelling, joined by - */
	char nums[3][6];
	size_t count = 0;
	const char *p = official;
	static const char *const marks[] = {"丁目", "番地の", "番地", "番", "号"};
	while (*p) {
		size_t d = strspn(p, "0123456789");
		if (d == 0 || d > 5 || count == 3)
			return false;
		memcpy(nums[count], p, d);
		nums[count++][d] = '\0';
		p += d;
		size_t m = 0;
		for (size_t i = 0; i < sizeof marks / sizeof marks[0] && !m; i++)
			if (strncmp(p, marks[i], strlen(marks[i])) == 0)
				m = strlen(marks[i]);
		p += m;
		if (!m && *p)
			return false;
	}
	if (count == 0)
		return false;
	int w = snprintf(out, n, "%s", nums[0]);
	for (size_t i = 1; i < count && w >= 0 && (size_t)w < n; i++)
		w += snprintf(out + w, n - (size_t)w, "-%s", nums[i]);
	return w >= 0 && (size_t)w < n;
}
