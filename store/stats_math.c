/*
 * Median and 90th percentile for the statistics (store.h). The percentile
 * is by nearest rank, so it is always a value that was measured: with ten
 * values it is the ninth smallest, of eleven the tenth.
 */
#include "store/store.h"

#include <stdlib.h>

static int
by_value(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

double
store_stats_median(int *v, size_t n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof *v, by_value);
	if (n % 2)
		return v[n / 2];
	return ((double)v[n / 2 - 1] + v[n / 2]) / 2;
}

int
store_stats_p90(int *v, size_t n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof *v, by_value);
	size_t rank = (9 * n + 9) / 10; /* ceil(0.9 n), in integers */
	return v[rank - 1];
}
