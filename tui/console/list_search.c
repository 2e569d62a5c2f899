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
