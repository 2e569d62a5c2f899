/* What a resident types as a postal code, reduced to seven ASCII digits. */
#include "store/store.h"

#include <string.h>

/* The dashes people type between the third and fourth digit: ASCII and
 * full-width hyphen-minus, the Unicode hyphens and dashes U+2010..U+2015,
 * the minus sign, and the long-vowel marks ー and ｰ that a Japanese IME
 * gives for the "-" key in kana mode. */
static const char *const dashes[] = {
        "-",
        "\xef\xbc\x8d", /* U+FF0D － */
        "\xe2\x80\x90",
        "\xe2\x80\x91",
        "\xe2\x80\x92",
        "\xe2\x80\x93",
        "\xe2\x80\x94",
        "\xe2\x80\x95",
        "\xe2\x88\x92", /* U+2212 − */
        "\xe3\x83\xbc", /* U+30FC ー */
        "\xef\xbd\xb0", /* U+FF70 ｰ */
};

/* Skips one of the strings in set at *s; returns 1 if it did. */
static int
skip_any(const char **s, const char *const *set, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(set[i]);
		if (strncmp(*s, set[i], len) == 0) {
			*s += len;
			return 1;
		}
	}
	return 0;
}

static void
skip_spaces(const char **s)
{
	static const char *const spaces[] = {" ", "\t", "\xe3\x80\x80" /* U+3000 */};
	while (skip_any(s, spaces, sizeof spaces / sizeof spaces[0]))
		;
}

/* One digit, ASCII or full-width (U+FF10..U+FF19); -1 if none. */
static int
digit(const char **s)
{
	const unsigned char *u = (const unsigned char *)*s;
	if (u[0] >= '0' && u[0] <= '9') {
		*s += 1;
		return u[0] - '0';
	}
	if (u[0] == 0xef && u[1] == 0xbc && u[2] >= 0x90 && u[2] <= 0x99) {
		*s += 3;
		return u[2] - 0x90;
	}
	return -1;
}

/*
 * Accepts exactly seven digits, with at most one dash and only after the
 * third digit, an optional 〒 in front and spaces around. Anything else,
 * including a NULL, is not a postal code: guessing at "100-00001" would
 * fill in somebody else's town.
 */
int
store_postal_normalize(const char *in, char out[8])
{
	static const char *const mark[] = {"\xe3\x80\x92" /* 〒 */};
	const char *s = in;
	int n = 0, dashed = 0;

	if (!s)
		return -1;
	skip_spaces(&s);
	if (skip_any(&s, mark, 1))
		skip_spaces(&s);
	while (n < 7) {
		if (n == 3 && !dashed && skip_any(&s, dashes, sizeof dashes / sizeof dashes[0])) {
			dashed = 1;
			continue;
		}
		int d = digit(&s);
		if (d < 0)
			return -1;
		out[n++] = (char)('0' + d);
	}
	skip_spaces(&s);
	if (*s != '\0')
		return -1;
	out[7] = '\0';
	return 0;
}
