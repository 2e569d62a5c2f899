/*
 * Numbers with a structure of their own (see engine.h, text rules):
 *
 *  - 住民票コード, the resident record code: 11 digits, ten chosen at random
 *    and a check digit (住民基本台帳法施行規則 第1条). The check digit is
 *    11 − (Σ Pn × Qn mod 11), 0 when that remainder is 0 or 1; Pn is the
 *    n-th of the ten digits counted from the lowest, Qn = n + 1 for
 *    n ≤ 6 and n − 5 for n ≥ 7: weights 2, 3, 4, 5, 6, 7, 2, 3, 4, 5, the
 *    modulus-11 rule the ministry also uses for the 12-digit 個人番号
 *    (総務省令第85号 第5条).
 *  - 在留カード番号, the residence card number (and that of the special
 *    permanent resident certificate): two letters, eight digits, two
 *    letters, as printed at the top right of the card.
 *
 * Residents copy them from paper, so spaces and hyphens between the
 * characters are dropped and letters are upper-cased; full-width forms
 * were folded by the caller.
 */
#include "engine/internal.h"

#include <ctype.h>
#include <string.h>

int
resident_code_check_digit(const char *ten)
{
	int sum = 0;
	for (int n = 1; n <= 10; n++) {
		char c = ten[10 - n];
		if (c < '0' || c > '9')
			return -1;
		sum += (c - '0') * (n <= 6 ? n + 1 : n - 5);
	}
	int r = sum % 11;
	return r <= 1 ? 0 : 11 - r;
}

/* The characters of in without spaces and hyphens, upper-cased, into out
 * (cap bytes); -1 when more than cap - 1 remain. */
static int
compact(const char *in, char *out, size_t cap)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)in; *p; p++) {
		if (*p == ' ' || *p == '-' || *p == '\t')
			continue;
		if (n + 1 >= cap)
			return -1;
		out[n++] = (char)toupper(*p);
	}
	out[n] = '\0';
	return 0;
}

answer_status
resident_code_normalize(const char *in, char **out)
{
	char c[12];
	if (compact(in, c, sizeof c) != 0 || strlen(c) != 11)
		return ANSWER_ERR_RESIDENT_CODE;
	for (int i = 0; i < 11; i++)
		if (!isdigit((unsigned char)c[i]))
			return ANSWER_ERR_RESIDENT_CODE;
	if (resident_code_check_digit(c) != c[10] - '0')
		return ANSWER_ERR_RESIDENT_CODE;
	*out = eng_xstrdup(c);
	return ANSWER_OK;
}

answer_status
residence_card_normalize(const char *in, char **out)
{
	char c[13];
	if (compact(in, c, sizeof c) != 0 || strlen(c) != 12)
		return ANSWER_ERR_RESIDENCE_CARD;
	for (int i = 0; i < 12; i++) {
		bool letter = i < 2 || i >= 10;
		if (letter ? !(c[i] >= 'A' && c[i] <= 'Z') : !isdigit((unsigned char)c[i]))
			return ANSWER_ERR_RESIDENCE_CARD;
	}
	*out = eng_xstrdup(c);
	return ANSWER_OK;
}
