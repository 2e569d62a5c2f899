/*
 * The ASCII armour of an envelope (docs/handoff-format.md, "Payload text"):
 * "YR1:" + Base45 for QR alphanumeric mode, or the digits-only variant
 * "25181" + five digits per two bytes (three for a last single byte) for QR
 * numeric mode, which survives any keyboard-wedge layout. Both cost about
 * 8.3 bits per byte in the symbol.
 */
#include "handoff/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Alphanumeric and numeric capacities at ECC M, versions 1..40. */
static const unsigned short cap_an[40] = {
        20,   38,   61,   90,   122,  154,  178,  221,  262,  311,  366,  419,  483,  528,
        600,  656,  734,  816,  909,  970,  1035, 1134, 1248, 1326, 1451, 1542, 1637, 1732,
        1839, 1994, 2113, 2238, 2369, 2506, 2632, 2780, 2894, 3054, 3220, 3391};
static const unsigned short cap_num[40] = {
        34,   63,   101,  149,  202,  255,  293,  365,  432,  513,  604,  691,  796,  871,
        991,  1082, 1212, 1346, 1500, 1600, 1708, 1872, 2059, 2188, 2395, 2544, 2701, 2857,
        3035, 3289, 3486, 3693, 3909, 4134, 4343, 4588, 4775, 5039, 5313, 5596};

size_t
handoff_capacity(int version, handoff_armour a)
{
	if (version < 1 || version > 40)
		version = 40;
	return a == HANDOFF_ARMOUR_DIGITS ? cap_num[version - 1] : cap_an[version - 1];
}

static char *
digits_encode(const unsigned char *in, size_t n)
{
	size_t len = strlen(HANDOFF_DIGITS_PREFIX);
	char *out = eng_xmalloc(len + n / 2 * 5 + (n % 2) * 3 + 1), *o = out + len;
	size_t i;

	memcpy(out, HANDOFF_DIGITS_PREFIX, len);
	for (i = 0; i + 1 < n; i += 2, o += 5)
		snprintf(o, 6, "%05u", (unsigned)in[i] << 8 | in[i + 1]);
	if (i < n) {
		snprintf(o, 4, "%03u", in[i]);
		o += 3;
	}
	*o = '\0';
	return out;
}

char *
handoff_armour_text(const unsigned char *env, size_t n, handoff_armour a)
{
	if (a == HANDOFF_ARMOUR_DIGITS)
		return digits_encode(env, n);
	char *b45 = handoff_b45_encode(env, n);
	char *out = eng_xmalloc(strlen(HANDOFF_PREFIX) + strlen(b45) + 1);
	strcpy(out, HANDOFF_PREFIX);
	strcat(out, b45);
	free(b45);
	return out;
}

static handoff_status
digits_decode(const char *s, size_t n, unsigned char **env, size_t *envlen, handoff_error *err)
{
	unsigned char *out;
	size_t o = 0;

	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return handoff_fail(err, HANDOFF_ERR_ENCODING,
			                    "character %zu of a digits-only code is not a digit",
			                    i + strlen(HANDOFF_DIGITS_PREFIX));
	if (n % 5 != 0 && n % 5 != 3)
		return handoff_fail(err, HANDOFF_ERR_ENCODING,
		                    "the digits do not make whole groups (cut off?)");
	out = eng_xmalloc(n / 5 * 2 + 2);
	for (size_t i = 0; i < n;) {
		size_t g = n - i >= 5 ? 5 : 3;
		unsigned v = 0;
		for (size_t k = 0; k < g; k++)
			v = v * 10 + (unsigned)(s[i + k] - '0');
		if ((g == 5 && v > 65535) || (g == 3 && v > 255)) {
			free(out);
			return handoff_fail(err, HANDOFF_ERR_ENCODING,
			                    "the digit group at character %zu is out of range",
			                    i + strlen(HANDOFF_DIGITS_PREFIX));
		}
		if (g == 5)
			out[o++] = (unsigned char)(v >> 8);
		out[o++] = (unsigned char)(v & 0xff);
		i += g;
	}
	*env = out;
	*envlen = o;
	return HANDOFF_OK;
}

/* Is s (n bytes) "YR<digits>:"? */
static int
other_version_prefix(const char *s, size_t n)
{
	size_t i = 2;
	if (n < 4 || s[0] != 'Y' || s[1] != 'R')
		return 0;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	return i > 2 && i < n && s[i] == ':';
}

static int
lower_prefix(const char *s, size_t n)
{
	static const char lower[] = "yr1:";
	if (n < 4)
		return 0;
	for (size_t i = 0; i < 4; i++)
		if (s[i] != lower[i] && s[i] != HANDOFF_PREFIX[i])
			return 0;
	return 1;
}

/*
 * Removes the armour. A text that starts with the digits prefix is the
 * digits variant; "YR1:" is Base45; "yr1:" (any mix of case) means a
 * Caps-Lock scanner; "YR<n>:" another format family. The envelope must
 * have at least its version and flags bytes.
 */
handoff_status
handoff_unarmour(const char *text, size_t n, unsigned char **env, size_t *envlen,
                 handoff_error *err)
{
	size_t dl = strlen(HANDOFF_DIGITS_PREFIX), where, blen = 0;
	unsigned char *out = NULL;
	handoff_status st;

	*env = NULL;
	if (n >= dl && memcmp(text, HANDOFF_DIGITS_PREFIX, dl) == 0) {
		if (n == dl)
			return handoff_fail(err, HANDOFF_ERR_CORRUPT, "nothing after the prefix");
		st = digits_decode(text + dl, n - dl, &out, &blen, err);
		if (st != HANDOFF_OK)
			return st;
		goto check;
	}
	if (n < 4 || memcmp(text, HANDOFF_PREFIX, 4) != 0) {
		if (lower_prefix(text, n))
			return handoff_fail(err, HANDOFF_ERR_LOWERCASE,
			                    "the prefix is in lower case (Caps Lock?)");
		if (other_version_prefix(text, n))
			return handoff_fail(err, HANDOFF_ERR_VERSION,
			                    "prefix of another format version");
		return handoff_fail(err, HANDOFF_ERR_PREFIX, "the text does not start with %s",
		                    HANDOFF_PREFIX);
	}
	if (n == 4)
		return handoff_fail(err, HANDOFF_ERR_CORRUPT, "nothing after the prefix");
	switch (handoff_b45_decode(text + 4, n - 4, &out, &blen, &where)) {
	case B45_OK:
		break;
	case B45_LOWERCASE:
		return handoff_fail(err, HANDOFF_ERR_LOWERCASE,
		                    "lower-case letter at character %zu (Caps Lock?)", where + 4);
	case B45_BAD_CHAR:
		return handoff_fail(err, HANDOFF_ERR_ENCODING,
		                    "character %zu (byte 0x%02X) is not in the Base45 alphabet",
		                    where + 4, (unsigned char)text[4 + where]);
	case B45_BAD_GROUP:
		return handoff_fail(err, HANDOFF_ERR_ENCODING,
		                    "the Base45 group at character %zu is out of range", where + 4);
	case B45_BAD_LENGTH:
		return handoff_fail(err, HANDOFF_ERR_ENCODING,
		                    "a lone Base45 character at the end (cut off?)");
	}
check:
	if (out[0] < HANDOFF_FORMAT_OLDEST || out[0] > HANDOFF_FORMAT_VERSION) {
		st = handoff_fail(err, HANDOFF_ERR_VERSION,
		                  out[0] < HANDOFF_FORMAT_OLDEST
		                          ? "format version %u is a draft from before the first "
		                            "release: make the code again"
		                          : "format version %u is newer than this decoder",
		                  out[0]);
		free(out);
		return st;
	}
	if (blen < 2) {
		free(out);
		return handoff_fail(err, HANDOFF_ERR_CORRUPT, "the envelope is cut off");
	}
	if (out[1] & ~HANDOFF_FLAGS_KNOWN) {
		st = handoff_fail(err, HANDOFF_ERR_VERSION, "unknown flags 0x%02X", out[1]);
		free(out);
		return st;
	}
	*env = out;
	*envlen = blen;
	return HANDOFF_OK;
}
