/*
 * What the parser derives from EF 0002 beyond the card's own text: the
 * form copy of the address and the session fingerprint (cardio.h).
 */
#include "cardio/internal.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

/* One code point of text cardio_utf8_valid accepted; *len gets its length. */
static uint32_t
utf8_at(const unsigned char *s, size_t *len)
{
	ucs4_t c;
	int k = u8_mbtoucr(&c, s, strnlen((const char *)s, 4));
	*len = k > 0 ? (size_t)k : 1;
	return k > 0 ? c : 0xFFFD;
}

static bool
is_digit_cp(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* Characters that registries, cards and people use as the hyphen of a
 * block number: full-width and ASCII hyphen-minus, the Unicode hyphens and
 * dashes, the minus sign, the prolonged sound marks and the box line. */
static bool
is_hyphen_cp(uint32_t c)
{
	switch (c) {
	case 0x002D:
	case 0xFF0D:
	case 0x2010:
	case 0x2011:
	case 0x2012:
	case 0x2013:
	case 0x2014:
	case 0x2015:
	case 0x2212:
	case 0xFE63:
	case 0x30FC:
	case 0xFF70:
	case 0x2500:
		return true;
	}
	return false;
}

/*
 * Full-width digits become ASCII digits; a hyphen-like character becomes
 * '-' only between two digits, so the ー of a katakana building name and
 * a dash in running text are kept. Kanji numerals (千代田, 三丁目) are
 * never touched: they are part of names. Output is cut at a character
 * boundary if cap is too small.
 */
void
cardio_address_normalize(const char *address, char *out, size_t cap)
{
	const unsigned char *s = (const unsigned char *)address;
	size_t o = 0;
	bool prev_digit = false;

	if (cap == 0)
		return;
	while (*s) {
		size_t len;
		uint32_t c = utf8_at(s, &len);
		char ascii = 0;
		if (c >= 0xFF10 && c <= 0xFF19) {
			ascii = (char)('0' + (c - 0xFF10));
		} else if (prev_digit && is_hyphen_cp(c) && s[len]) {
			size_t nlen;
			if (is_digit_cp(utf8_at(s + len, &nlen)))
				ascii = '-';
		}
		if (ascii) {
			if (o + 1 >= cap)
				break;
			out[o++] = ascii;
		} else {
			if (o + len >= cap)
				break;
			memcpy(out + o, s, len);
			o += len;
		}
		prev_digit = (ascii >= '0' && ascii <= '9') || (c >= '0' && c <= '9');
		s += len;
	}
	out[o] = '\0';
}

/* The per-process key: made on first use, never written anywhere. */
static unsigned char fp_key[crypto_generichash_KEYBYTES];
static bool fp_key_ready;

void
cardio_fingerprint(const uint8_t *buf, size_t len, char out[33])
{
	unsigned char h[16];

	if (!fp_key_ready) {
		if (sodium_init() < 0)
			abort();
		randombytes_buf(fp_key, sizeof fp_key);
		fp_key_ready = true;
	}
	crypto_generichash(h, sizeof h, buf, len, fp_key, sizeof fp_key);
	sodium_bin2hex(out, 33, h, sizeof h);
	sodium_memzero(h, sizeof h);
}
