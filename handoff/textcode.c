/*
 * The text code of the serialisation (docs/handoff-format.md, "Text
 * code"): Japanese in two bytes a character instead of UTF-8's three, with
 * no table to ship. U+0001..U+007F are one byte; U+3000..U+AEFF (CJK
 * punctuation, kana, the CJK ideographs) are two, lead 0x80..0xFE; any other
 * character is 0xFF and its code point in three bytes. A 0x00 at a
 * character boundary ends the text. In kana fields, whose normal form
 * separates words with U+3000 and never holds U+0020, U+3000 is written as
 * the one byte 0x20, so that a reading matches its name. UTF-8 itself is
 * libunistring's.
 */
#include "handoff/internal.h"

#include <stdint.h>
#include <unistr.h>

#define TWO_FIRST 0x3000u
#define TWO_END   0xAF00u

static void
utf8_put(handoff_buf *b, ucs4_t c)
{
	uint8_t u[6];
	int k = u8_uctomb(u, c, sizeof u);
	if (k > 0) /* c comes from a checked code point: always */
		handoff_buf_put(b, u, (size_t)k);
}

int
handoff_text_encode(const char *utf8, size_t n, int kana, handoff_buf *out)
{
	const uint8_t *s = (const uint8_t *)utf8;
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int k = u8_mbtoucr(&c, s + i, n - i); /* strict: no surrogates, no overlongs */
		if (k <= 0 || c == 0 || (kana && c == ' '))
			return -1;
		i += (size_t)k;
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
		ucs4_t c;
		if (p[i] < 0x80) {
			c = p[i++];
		} else if (p[i] < 0xFF) {
			if (n - i < 2)
				return -1;
			c = TWO_FIRST + ((ucs4_t)(p[i] - 0x80) << 8 | p[i + 1]);
			i += 2;
		} else {
			if (n - i < 4)
				return -1;
			c = (ucs4_t)p[i + 1] << 16 | (ucs4_t)p[i + 2] << 8 | p[i + 3];
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
