/* The starts of addresses that postal codes stand for (postal_starts.h). */
#include "tests/bench/postal_starts.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

typedef struct start {
	char *text; /* prefecture + city + town */
	char code[8];
	int index; /* among the places of its code, in the table's order */
} start;

static start *starts;
static size_t nstarts;
static int *places_of_code; /* by code, as a number: 0000000..9999999 */

static int
by_text(const void *x, const void *y)
{
	const start *a = x, *b = y;
	int c = strcmp(a->text, b->text);
	/* the same start under several codes: the one listed first wins */
	return c ? c : a->index - b->index;
}

/* The n tab-separated fields of line, in place. */
static size_t
split(char *line, char **cols, size_t n)
{
	size_t k = 0;
	cols[k++] = line;
	for (char *p = line; *p && k < n; p++)
		if (*p == '\t') {
			*p = '\0';
			cols[k++] = p + 1;
		}
	return k;
}

int
postal_starts_load(const char *tsv_gz)
{
	gzFile gz = gzopen(tsv_gz, "rb");
	char line[2048];
	size_t cap = 1 << 18;
	if (!gz) {
		fprintf(stderr, "postal_starts: cannot open %s\n", tsv_gz);
		return -1;
	}
	starts = malloc(cap * sizeof *starts);
	places_of_code = calloc(10000000, sizeof *places_of_code);
	while (gzgets(gz, line, sizeof line)) {
		char *f[9];
		line[strcspn(line, "\r\n")] = '\0';
		/* comments, the header, and rows that are not a 7-digit code */
		if (line[0] < '0' || line[0] > '9' || split(line, f, 9) < 4 || strlen(f[0]) != 7)
			continue;
		int code = atoi(f[0]);
		int index = places_of_code[code]++;
		if (nstarts == cap)
			starts = realloc(starts, (cap *= 2) * sizeof *starts);
		size_t len = strlen(f[1]) + strlen(f[2]) + strlen(f[3]) + 1;
		starts[nstarts].text = malloc(len);
		snprintf(starts[nstarts].text, len, "%s%s%s", f[1], f[2], f[3]);
		memcpy(starts[nstarts].code, f[0], 8);
		starts[nstarts++].index = index;
	}
	gzclose(gz);
	qsort(starts, nstarts, sizeof *starts, by_text);
	return nstarts ? 0 : -1;
}

void
postal_starts_done(void)
{
	for (size_t i = 0; i < nstarts; i++)
		free(starts[i].text);
	free(starts);
	free(places_of_code);
	starts = NULL;
	places_of_code = NULL;
	nstarts = 0;
}

/* The first entry whose text is exactly s, or NULL. */
static const start *
find(const char *s)
{
	size_t lo = 0, hi = nstarts;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (strcmp(starts[mid].text, s) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < nstarts && strcmp(starts[lo].text, s) == 0 ? &starts[lo] : NULL;
}

int
postal_places_of_code(const char *code)
{
	char digits[8];
	/* as the console reads a typed code (store/postal_input.c) */
	return places_of_code && store_postal_normalize(code, digits) == 0
	               ? places_of_code[atoi(digits)]
	               : 0;
}

size_t
postal_start_of(const char *address, int *places, int *index)
{
	size_t len = strlen(address);
	char *prefix = malloc(len + 1);
	size_t found = 0;
	/* the longest first, at each UTF-8 character boundary */
	for (size_t n = len; n > 0 && !found; n--) {
		if (((unsigned char)address[n] & 0xc0) == 0x80)
			continue;
		memcpy(prefix, address, n);
		prefix[n] = '\0';
		const start *s = find(prefix);
		if (s) {
			found = n;
			*places = places_of_code[atoi(s->code)];
			*index = s->index;
		}
	}
	free(prefix);
	return found;
}
