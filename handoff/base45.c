/*
 * Base45 (RFC 9285): every two bytes become three characters of the QR
 * alphanumeric set, so a QR symbol carries them in alphanumeric mode at
 * 5.5 bits per character. A final single byte becomes two characters.
 */
#include "handoff/internal.h"

#include <stdlib.h>
#include <string.h>

static const char b45_alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

char *
handoff_b45_encode(const unsigned char *in, size_t n)
{
	char *out = eng_xmalloc(n / 2 * 3 + (n % 2) * 2 + 1);
	char *o = out;
	size_t i;

	for (i = 0; i + 1 < n; i += 2) {
		unsigned v = (unsigned)in[i] * 256u + in[i + 1];
		*o++ = b45_alphabet[v % 45];
		*o++ = b45_alphabet[v / 45 % 45];
		*o++ = b45_alphabet[v / 2025];
	}
	if (i < n) {
		*o++ = b45_alphabet[in[i] % 45];
		*o++ = b45_alphabet[in[i] / 45];
	}
	*o = '\0';
	return out;
}

/* Value of one character, or -1 (lower case: -2). */
static int
b45_value(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'z')
		return -2;
	if (c == '\0')
		return -1;
	const char *p = strchr(b45_alphabet + 36, c);
	return p ? (int)(p - b45_alphabet) : -1;
}

/*
 * Decodes strictly: every character must be in the alphabet (lower case is
 * reported apart, since it is what a Caps-Lock scanner sends), each group's
 * value must fit its bytes, and a lone trailing character is an error.
 * Characters are checked before groups, so the first problem reported is
 * the most telling one.
 */
b45_status
handoff_b45_decode(const char *in, size_t n, unsigned char **out, size_t *outlen, size_t *where)
{
	const unsigned char *s = (const unsigned char *)in;
	unsigned char *o;
	size_t i, k = 0;

	*out = NULL;
	*outlen = 0;
	*where = 0;
	for (i = 0; i < n; i++) {
		int v = b45_value(s[i]);
		if (v < 0) {
			*where = i;
			return v == -2 ? B45_LOWERCASE : B45_BAD_CHAR;
		}
	}
	if (n % 3 == 1) {
		*where = n - 1;
		return B45_BAD_LENGTH;
	}
	o = eng_xmalloc(n / 3 * 2 + 1);
	for (i = 0; i < n; i += 3) {
		if (n - i >= 3) {
			unsigned long v = (unsigned long)b45_value(s[i]) +
			                  (unsigned long)b45_value(s[i + 1]) * 45 +
			                  (unsigned long)b45_value(s[i + 2]) * 2025;
			if (v > 65535)
				goto bad;
			o[k++] = (unsigned char)(v >> 8);
			o[k++] = (unsigned char)(v & 0xff);
		} else {
			unsigned v = (unsigned)b45_value(s[i]) + (unsigned)b45_value(s[i + 1]) * 45;
			if (v > 255)
				goto bad;
			o[k++] = (unsigned char)v;
		}
	}
	*out = o;
	*outlen = k;
	return B45_OK;
bad:
	free(o);
	*where = i;
	return B45_BAD_GROUP;
}
