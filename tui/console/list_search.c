/* Finding a line of a list by its first letters (list_search.h). */
#include "tui/console/list_search.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

/* Letters further apart than this start a new word. */
#define LIST_SEARCH_PAUSE 1.5

static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Hiragana as katakana, in place (both are 3 bytes in UTF-8), so that a
 * word typed in either finds the other: U+3041..U+3096 are U+30A1..U+30F6. */
static void
fold_kana(uint8_t *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		ucs4_t c;
		int n = u8_mbtouc(&c, s + i, len - i);
		if (n == 3 && c >= 0x3041 && c <= 0x3096)
			u8_uctomb(s + i, c + 0x60, 3);
		i += n > 0 ? (size_t)n : 1;
	}
}

void
list_search_reset(list_search *s)
{
	s->len = 0;
	s->typed[0] = '\0';
}

bool
list_search_add(list_search *s, wint_t ch, bool is_key)
{
	/* by Unicode's properties, not the locale's */
	if (is_key || !uc_is_print((ucs4_t)ch) || uc_is_digit((ucs4_t)ch) ||
	    uc_is_space((ucs4_t)ch)) {
		list_search_reset(s);
		return false;
	}
	double t = now();
	if (t - s->at > LIST_SEARCH_PAUSE)
		list_search_reset(s);
	s->at = t;
	uint8_t one[8], low[32];
	int n = u8_uctomb(one, (ucs4_t)ch, sizeof one);
	size_t lowlen = sizeof low;
	if (n <= 0 || !u8_tolower(one, (size_t)n, NULL, NULL, low, &lowlen) ||
	    s->len + lowlen + 1 > sizeof s->typed)
		return true; /* taken, but the word stays as it was */
	fold_kana(low, lowlen);
	memcpy(s->typed + s->len, low, lowlen);
	s->len += lowlen;
	s->typed[s->len] = '\0';
	return true;
}

bool
list_search_matches(const list_search *s, const char *line)
{
	size_t len = 0;
	uint8_t *low;
	bool found = false;
	if (s->len == 0)
		return false;
	low = u8_tolower((const uint8_t *)line, strlen(line), NULL, NULL, NULL, &len);
	if (!low)
		return false;
	fold_kana(low, len);
	const char *p = (const char *)low, *end = p + len;
	static const char *const before[] = {" ", "（", "(", "・"};
	for (const char *q = p; q < end && !found; q++) {
		bool start = q == p;
		for (size_t k = 0; !start && k < sizeof before / sizeof before[0]; k++) {
			size_t bl = strlen(before[k]);
			start = (size_t)(q - p) >= bl && memcmp(q - bl, before[k], bl) == 0;
		}
		found = start && (size_t)(end - q) >= s->len && memcmp(q, s->typed, s->len) == 0;
	}
	free(low);
	return found;
}

void
list_search_set(list_search *s, const char *word)
{
	size_t len = sizeof s->typed - 1;
	uint8_t *low = u8_tolower((const uint8_t *)word, strlen(word), NULL, NULL,
	                          (uint8_t *)s->typed, &len);
	if (low != (uint8_t *)s->typed) {
		/* longer than the buffer: libunistring allocated it; no word */
		free(low);
		list_search_reset(s);
		return;
	}
	fold_kana((uint8_t *)s->typed, len);
	s->len = len;
	s->typed[len] = '\0';
	s->at = 0;
}
