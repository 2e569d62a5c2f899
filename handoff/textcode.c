/*
 * The text code of the serialisation (docs/handoff-format.md, "Text
 * code"): Japanese in two bytes a character instead of UTF-8's three, with
 * no table to ship. U+0001..U+007F are one byte; U+3000..U+AEFF (CJK
 * punctuation, kana, the CJK ideographs) are two, lead 0x80..0xFE; any other
 * character is 0xFF and its code point in three bytes. A 0x00 at a
 * character boundary ends the text. In kana fields, whose normal form is
 * katakana U+30A1..U+30FE with words separated by U+3000 and never holds
 * ASCII, format 6 writes those 95 characters as the one bytes 0x20..0x7E:
 * DEFLATE's fixed Huffman code spends 8 bits on such a byte, where a
 * katakana's two bytes cost 17. Formats 4 and 5 wrote only U+3000 so, as
 * 0x20. UTF-8 itself is libunistring's.
 */
#include "handoff/internal.h"

#include <stdbool.h>
#include <stdint.h>
#include <unistr.h>

#define TWO_FIRST 0x3000u
#define TWO_END   0xAF00u
/* Kana fields from format 6: U+3000 is 0x20, U+30A1..U+30FE are 0x21..0x7E. */
#define KANA_SPACE 0x3000u
#define KANA_FIRST 0x30A1u
#define KANA_LAST  0x30FEu

handoff_text_mode
handoff_kana_mode(int format)
{
	return format >= 6 ? TEXT_KANA_BYTE : TEXT_KANA_SPACE;
}

/* The one byte of c in a kana field of this mode, or 0 when it has none. */
static unsigned char
kana_byte(ucs4_t c, handoff_text_mode mode)
{
	if (mode != TEXT_PLAIN && c == KANA_SPACE)
		return 0x20;
	if (mode == TEXT_KANA_BYTE && c >= KANA_FIRST && c <= KANA_LAST)
		return (unsigned char)(0x21 + (c - KANA_FIRST));
	return 0;
}

/* The character a byte below 0x80 stands for in this mode; 0 when the
 * byte is not a character there. */
static ucs4_t
one_byte_char(unsigned char b, handoff_text_mode mode)
{
	switch (mode) {
	case TEXT_PLAIN:
		return b;
	case TEXT_KANA_SPACE:
		return b == 0x20 ? KANA_SPACE : b;
	case TEXT_KANA_BYTE:
		if (b < 0x20 || b > 0x7E)
			return 0; /* no ASCII in a kana field */
		return b == 0x20 ? KANA_SPACE : KANA_FIRST + (ucs4_t)(b - 0x21);
	}
	return 0;
}

static void
utf8_put(handoff_buf *b, ucs4_t c)
{
	uint8_t u[6];
	int k = u8_uctomb(u, c, sizeof u);
	if (k > 0) /* c comes from a checked code point: always */
		handoff_buf_put(b, u, (size_t)k);
}

int
handoff_text_encode(const char *utf8, size_t n, handoff_text_mode mode, handoff_buf *out)
{
	const uint8_t *s = (const uint8_t *)utf8;
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int k = u8_mbtoucr(&c, s + i, n - i); /* strict: no surrogates, no overlongs */
		if (k <= 0 || c == 0)
			return -1;
		if (c < 0x80 && mode != TEXT_PLAIN && (c == ' ' || mode == TEXT_KANA_BYTE))
			return -1; /* its byte stands for kana here */
		i += (size_t)k;
		unsigned char b = kana_byte(c, mode);
		if (b) {
			handoff_buf_putc(out, b);
		} else if (c < 0x80) {
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
handoff_text_decode(const unsigned char *p, size_t n, size_t *used, handoff_text_mode mode,
                    handoff_buf *out)
{
	size_t i = 0;
	while (i < n && p[i] != 0) {
		ucs4_t c;
		bool one_byte = p[i] < 0x80;
		if (one_byte) {
			if ((c = one_byte_char(p[i++], mode)) == 0)
				return -1;
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
		if (!one_byte && kana_byte(c, mode))
			return -1; /* one spelling: this character has its one byte here */
		utf8_put(out, c);
	}
	if (i >= n || i == 0)
		return -1; /* no terminator, or an empty text */
	*used = i + 1;
	return 0;
}
