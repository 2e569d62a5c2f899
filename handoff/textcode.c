/*
 * The text code of the serialisation (docs/handoff-format.md, "Text
 * code"): Japanese in two bytes a character instead of UTF-8's three, with
 * no table to ship. U+0001..U+007F are one byte; U+3000..U+AEFF (CJK
 * punctuation, kana, the CJK ideographs) are two, lead 0x80..0xFE; any other
 * character is 0xFF and its code point in three bytes. A 0x00 at a
 * character boundary ends the text. In kana fields, whose normal form
 * separates words with U+3000 and never holds U+0020, U+3000 is written as
 * the one byte 0x20, so that a reading matches its name.
 */
#include "handoff/internal.h"

#include <stdint.h>

#define TWO_FIRST 0x3000u
#define TWO_END   0xAF00u

/* One UTF-8 character of s[0..n); its length, 0 when invalid. */
static size_t
utf8_get(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t k;
	uint32_t c;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		k = 2, c = s[0] & 0x1Fu;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		k = 3, c = s[0] & 0x0Fu;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		k = 4, c = s[0] & 0x07u;
	else
		return 0;
	if (k > n)
		return 0;
	for (size_t i = 1; i < k; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3Fu);
	}
	if ((k == 3 && c < 0x800) || (k == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return k;
}

static void
utf8_put(handoff_buf *b, uint32_t c)
{
	if (c < 0x80) {
		handoff_buf_putc(b, (unsigned char)c);
	} else if (c < 0x800) {
		handoff_buf_putc(b, (unsigned char)(0xC0 | c >> 6));
		handoff_buf_putc(b, (unsigned char)(0x80 | (c & 0x3F)));
	} else if (c < 0x10000) {
		handoff_buf_putc(b, (unsigned char)(0xE0 | c >> 12));
		handoff_buf_putc(b, (unsigned char)(0x80 | (c >> 6 & 0x3F)));
		handoff_buf_putc(b, (unsigned char)(0x80 | (c & 0x3F)));
	} else {
		handoff_buf_putc(b, (unsigned char)(0xF0 | c >> 18));
		handoff_buf_putc(b, (unsigned char)(0x80 | (c >> 12 & 0x3F)));
		handoff_buf_putc(b, (unsigned char)(0x80 | (c >> 6 & 0x3F)));
		handoff_buf_putc(b, (unsigned char)(0x80 | (c & 0x3F)));
	}
}

int
handoff_text_encode(const char *utf8, size_t n, int kana, handoff_buf *out)
{
	const unsigned char *s = (const unsigned char *)utf8;
	for (size_t i = 0; i < n;) {
		uint32_t c;
		size_t k = utf8_get(s + i, n - i, &c);
		if (k == 0 || c == 0 || (kana && c == ' '))
			return -1;
		i += k;
		if (kana && c == 0x3000)
			c = ' ';
		if (c < 0x80) {
			handoff_buf_putc(out, (unsigned char)c);
		} else if (c >= TWO_FIRST && c < TWO_END) {
			handoff_buf_putc(out, (unsigned char)(0x80 + ((c - TWO_FIRST) >> 8)));
			handoff_buf_putc(out, (unsigned char)((c - TWO_FIRST) & 0xFF));
		} else {
			handoff_buf_putc(out, 0xFF);
			handoff_buf_putc(out, (unsigned char)(c >> 16));
			handoff_buf_putc(out, (unsigned char)(c >> 8 & 0xFF));
			handoff_buf_putc(out, (unsigned char)(c & 0xFF));
		}
	}
	return 0;
}

int
handoff_text_decode(const unsigned char *p, size_t n, size_t *used, int kana, handoff_buf *out)
{
	size_t i = 0;
	while (i < n && p[i] != 0) {
		uint32_t c;
		if (p[i] < 0x80) {
			c = p[i++];
		} else if (p[i] < 0xFF) {
			if (n - i < 2)
				return -1;
			c = TWO_FIRST + ((uint32_t)(p[i] - 0x80) << 8 | p[i + 1]);
			i += 2;
		} else {
			if (n - i < 4)
				return -1;
			c = (uint32_t)p[i + 1] << 16 | (uint32_t)p[i + 2] << 8 | p[i + 3];
			i += 4;
			/* one spelling per character: the escape only for what the
			 * shorter forms cannot say */
			if (c < 0x80 || (c >= TWO_FIRST && c < TWO_END) || c > 0x10FFFF ||
			    (c >= 0xD800 && c <= 0xDFFF))
				return -1;
		}
		if (kana && c == 0x3000)
			return -1; /* U+3000 has the one-byte spelling in kana fields */
		if (kana && c == ' ')
			c = 0x3000;
		utf8_put(out, c);
	}
	if (i >= n || i == 0)
		return -1; /* no terminator, or an empty text */
	*used = i + 1;
	return 0;
}
