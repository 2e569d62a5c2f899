/* Value checks shared by the EF 0002 parser and the persona reader. */
#include "cardio/internal.h"

#include <string.h>
#include <unistr.h>

/* Strict UTF-8 (RFC 3629) through libunistring's u8_check: rejects
 * overlong forms, surrogates, code points above U+10FFFF, stray
 * continuation bytes and truncated sequences; and NUL, which would cut the
 * C string short. */
bool
cardio_utf8_valid(const uint8_t *s, size_t n)
{
	return n == 0 || (memchr(s, 0, n) == NULL && u8_check(s, n) == NULL);
}

static bool
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool
cardio_birth_valid(const char *d)
{
	static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	for (int i = 0; i < 8; i++)
		if (d[i] < '0' || d[i] > '9')
			return false;
	int y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
	int m = (d[4] - '0') * 10 + (d[5] - '0');
	int day = (d[6] - '0') * 10 + (d[7] - '0');
	if (y < 1800 || m < 1 || m > 12 || day < 1 || day > mdays[m - 1])
		return false;
	if (m == 2 && day == 29 && !is_leap(y))
		return false;
	return true;
}

bool
cardio_sex_valid(char c)
{
	return c == '0' || c == '1' || c == '2' || c == '9';
}
