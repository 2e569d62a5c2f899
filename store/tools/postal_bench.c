/*
 * postal-bench: lookups per second through store_postal_lookup(), beside a
 * baseline measured in the same run: the same query forced to scan the
 * whole table (NOT INDEXED). Prints figures; asserts nothing.
 * Usage: postal-bench DB [LOOKUPS]   (tests/bench/postal_lookup.sh)
 */
#include "store/store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Every distinct code, so the lookups hit real rows in a fixed order. */
static char (*all_codes(sqlite3 *db, size_t *n))[8]
{
	sqlite3_stmt *st;
	char(*v)[8] = NULL;
	size_t cap = 0;

	*n = 0;
	if (sqlite3_prepare_v2(db, "SELECT DISTINCT code FROM postal ORDER BY code", -1, &st,
	                       NULL) != SQLITE_OK)
		return NULL;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 1024;
			void *bigger = realloc(v, cap * sizeof *v);
			if (!bigger)
				abort();
			v = bigger;
		}
		snprintf(v[(*n)++], 8, "%s", (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	return v;
}

/* A fixed pseudo-random walk over the codes (a 64-bit LCG). */
static size_t
pick(unsigned long long *state, size_t n)
{
	*state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (size_t)(*state >> 33) % n;
}

/* The baseline: the lookup query as a full-table scan. */
static double
scan_rate(sqlite3 *db, char (*codes)[8], size_t ncodes, int lookups)
{
	sqlite3_stmt *st;
	unsigned long long seed = 42;
	if (sqlite3_prepare_v2(db,
	                       "SELECT prefecture, city, town FROM postal NOT INDEXED"
	                       " WHERE code = ?1 ORDER BY rowid",
	                       -1, &st, NULL) != SQLITE_OK)
		return 0;
	double t0 = now();
	for (int i = 0; i < lookups; i++) {
		sqlite3_bind_text(st, 1, codes[pick(&seed, ncodes)], 7, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW)
			;
		sqlite3_reset(st);
	}
	double t = now() - t0;
	sqlite3_finalize(st);
	return lookups / t;
}

int
main(int argc, char **argv)
{
	store_postal *p;
	store_error err;
	sqlite3 *db;
	size_t ncodes, places = 0;
	int lookups = argc > 2 ? atoi(argv[2]) : 200000;

	if (argc < 2 || lookups <= 0) {
		fprintf(stderr, "usage: postal-bench DB [LOOKUPS]\n");
		return 2;
	}
	if (store_postal_open(argv[1], &p, &err) != 0) {
		fprintf(stderr, "postal-bench: %s\n", err.detail);
		return 1;
	}
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		return 1;
	char(*codes)[8] = all_codes(db, &ncodes);
	if (!codes || ncodes == 0)
		return 1;

	unsigned long long seed = 42;
	double t0 = now();
	for (int i = 0; i < lookups; i++) {
		store_postal_place *v;
		size_t n;
		if (store_postal_lookup(p, codes[pick(&seed, ncodes)], &v, &n, &err) != 0)
			return 1;
		places += n;
		free(v);
	}
	double indexed = lookups / (now() - t0);
	int scans = lookups / 1000 > 20 ? lookups / 1000 : 20;
	double scan = scan_rate(db, codes, ncodes, scans);

	printf("postal: %zu codes; data %s\n", ncodes, store_postal_source(p));
	printf("postal: store_postal_lookup  %10.0f lookups/s (%d lookups, %zu places)\n", indexed,
	       lookups, places);
	printf("postal: full-table scan      %10.1f lookups/s (%d lookups, baseline)\n", scan,
	       scans);
	printf("postal: ratio indexed/scan   %10.0fx\n", scan > 0 ? indexed / scan : 0);
	free(codes);
	sqlite3_close(db);
	store_postal_close(p);
	return 0;
}
