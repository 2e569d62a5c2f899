/*
 * Dates: Gregorian and Japanese-era input, ISO storage, era output.
 *
 * The era table is our own (大正 from 1912-07-30, 昭和 1926-12-25, 平成
 * 1989-01-08, 令和 2019-05-01), not the C library's ja_JP data, which
 * glibc before 2.30 lacks 令和 in. Up to 昭和 the era changed on the day the
 * emperor died, so 1912-07-30 is both 明治45年 and 大正元年, and 1926-12-25
 * both 大正15年 and 昭和元年: input accepts both readings, output uses the
 * new era. Dates before 明治6年1月1日 (1873-01-01) were lunar-calendar dates
 * that do not convert by arithmetic; era input for them is ANSWER_ERR_ERA_RANGE
 * and output falls back to the Gregorian year.
 */
#include "engine/internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct era {
	const char *name;   /* 明治 */
	const char *kanji1; /* 明: the circle-box abbreviation */
	char letter;        /* M */
	int base;           /* Gregorian year of 元年 */
	long first, last;   /* yyyymmdd; last 0 for the current era */
} era;

static const era eras[] = {
        {"明治", "明", 'M', 1868, 18730101, 19120730},
        {"大正", "大", 'T', 1912, 19120730, 19261225},
        {"昭和", "昭", 'S', 1926, 19261225, 19890107},
        {"平成", "平", 'H', 1989, 19890108, 20190430},
        {"令和", "令", 'R', 2019, 20190501, 0},
};
#define NERAS (sizeof eras / sizeof eras[0])

static bool
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && leap(y) ? 29 : days[m - 1];
}

static bool
valid_ymd(int y, int m, int d)
{
	return y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* Reads 1..maxd digits; -1 when there are none or too many. */
static int
read_num(const char **pp, int maxd)
{
	const char *p = *pp;
	int v = 0, n = 0;
	while (isdigit((unsigned char)*p)) {
		if (++n > maxd)
			return -1;
		v = v * 10 + (*p++ - '0');
	}
	if (n == 0)
		return -1;
	*pp = p;
	return v;
}

static void
skip_spaces(const char **pp)
{
	while (**pp == ' ')
		(*pp)++;
}

/* Skips one separator: 年/月 (whichever `unit` names) or . / - */
static bool
read_sep(const char **pp, const char *unit)
{
	skip_spaces(pp);
	if (strncmp(*pp, unit, strlen(unit)) == 0) {
		*pp += strlen(unit);
	} else if (**pp == '.' || **pp == '/' || **pp == '-') {
		(*pp)++;
	} else {
		return false;
	}
	skip_spaces(pp);
	return true;
}

/* Recognises an era prefix; returns its index or -1. */
static int
read_era(const char **pp)
{
	for (size_t i = 0; i < NERAS; i++) {
		size_t n = strlen(eras[i].name), k = strlen(eras[i].kanji1);
		if (strncmp(*pp, eras[i].name, n) == 0) {
			*pp += n;
			return (int)i;
		}
		if (strncmp(*pp, eras[i].kanji1, k) == 0) {
			*pp += k;
			return (int)i;
		}
		if (toupper((unsigned char)**pp) == eras[i].letter) {
			(*pp)++;
			return (int)i;
		}
	}
	return -1;
}

/* Month, separator and day, then an optional 日 and nothing else. */
static bool
read_month_day(const char **pp, int *m, int *d)
{
	*m = read_num(pp, 2);
	if (*m < 0 || !read_sep(pp, "月"))
		return false;
	*d = read_num(pp, 2);
	if (*d < 0)
		return false;
	skip_spaces(pp);
	if (strncmp(*pp, "日", 3) == 0)
		*pp += 3;
	skip_spaces(pp);
	return **pp == '\0';
}

static answer_status
parse_era(int e, const char *p, int *y, int *m, int *d)
{
	int ey;
	long ymd;

	skip_spaces(&p);
	if (strncmp(p, "元", 3) == 0) {
		ey = 1;
		p += 3;
	} else if ((ey = read_num(&p, 4)) < 0) {
		return ANSWER_ERR_DATE_FORMAT;
	}
	if (!read_sep(&p, "年") || !read_month_day(&p, m, d))
		return ANSWER_ERR_DATE_FORMAT;
	if (ey < 1)
		return ANSWER_ERR_ERA_RANGE;
	*y = eras[e].base + ey - 1;
	if (!valid_ymd(*y, *m, *d))
		return ANSWER_ERR_DATE_INVALID;
	ymd = *y * 10000L + *m * 100L + *d;
	if (ymd < eras[e].first || (eras[e].last && ymd > eras[e].last))
		return ANSWER_ERR_ERA_RANGE;
	return ANSWER_OK;
}

static answer_status
parse_gregorian(const char *p, int *y, int *m, int *d)
{
	size_t n = strspn(p, "0123456789");
	if (n == 8 && p[8] == '\0') {
		*y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
		*m = (p[4] - '0') * 10 + (p[5] - '0');
		*d = (p[6] - '0') * 10 + (p[7] - '0');
	} else {
		if (n != 4)
			return ANSWER_ERR_DATE_FORMAT;
		*y = read_num(&p, 4);
		if (!read_sep(&p, "年") || !read_month_day(&p, m, d))
			return ANSWER_ERR_DATE_FORMAT;
	}
	return valid_ymd(*y, *m, *d) ? ANSWER_OK : ANSWER_ERR_DATE_INVALID;
}

/*
 * Input: full-width digits and punctuation are folded first; then an era
 * (明治..令和, 明..令, M/T/S/H/R in either case) followed by year (or 元),
 * month and day separated by 年月日 or . / -; or a four-digit year the same
 * way; or YYYYMMDD.
 */
answer_status
date_parse(const char *input, char *iso_out, size_t outlen)
{
	char *folded = fold_width(input ? input : "");
	const char *p;
	int e, y = 0, m = 0, d = 0;
	answer_status st;

	if (!folded)
		return ANSWER_ERR_BAD_UTF8;
	p = folded;
	skip_spaces(&p);
	e = read_era(&p);
	st = e >= 0 ? parse_era(e, p, &y, &m, &d) : parse_gregorian(p, &y, &m, &d);
	wipe_free(folded);
	if (st != ANSWER_OK)
		return st;
	if (outlen < 11)
		return ANSWER_ERR_DATE_FORMAT;
	snprintf(iso_out, outlen, "%04d-%02d-%02d", y, m, d);
	return ANSWER_OK;
}

/* Strict YYYY-MM-DD. */
static bool
parse_iso(const char *s, int *y, int *m, int *d)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return false;
	*y = atoi(s);
	*m = atoi(s + 5);
	*d = atoi(s + 8);
	return valid_ymd(*y, *m, *d);
}

int
date_format_era(const char *iso, char *out, size_t outlen)
{
	int y, m, d, n;
	long ymd;
	int e = -1;

	if (!out || outlen == 0 || !parse_iso(iso, &y, &m, &d))
		return -1;
	ymd = y * 10000L + m * 100L + d;
	for (size_t i = 0; i < NERAS; i++)
		if (ymd >= eras[i].first)
			e = (int)i;
	if (e < 0) {
		n = snprintf(out, outlen, "%d年%d月%d日", y, m, d);
	} else {
		int ey = y - eras[e].base + 1;
		if (ey == 1)
			n = snprintf(out, outlen, "%s元年%d月%d日", eras[e].name, m, d);
		else
			n = snprintf(out, outlen, "%s%d年%d月%d日", eras[e].name, ey, m, d);
	}
	return n < 0 || (size_t)n >= outlen ? -1 : 0;
}

/* The day the front end fixed (tests), or "" to follow the clock. */
static char fixed_today[11];

int
date_set_today(const char *iso)
{
	int y, m, d;
	if (!iso) {
		fixed_today[0] = '\0';
		return 0;
	}
	if (strlen(iso) != 10 || !parse_iso(iso, &y, &m, &d))
		return -1;
	memcpy(fixed_today, iso, 11);
	return 0;
}

void
date_today(char out[11])
{
	time_t t;
	struct tm tm;

	if (fixed_today[0]) {
		memcpy(out, fixed_today, 11);
		return;
	}
	t = time(NULL);
	localtime_r(&t, &tm);
	if (strftime(out, 11, "%Y-%m-%d", &tm) != 10)
		memcpy(out, "9999-12-31", 11);
}

int
date_shift(const char *iso, int days, char out[11])
{
	int y, m, d;
	if (!iso || strlen(iso) != 10 || !parse_iso(iso, &y, &m, &d))
		return -1;
	/* noon UTC, so no time zone or leap second moves the day */
	struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d + days, .tm_hour = 12};
	time_t t = timegm(&tm);
	if (t == (time_t)-1 || !gmtime_r(&t, &tm) || strftime(out, 11, "%Y-%m-%d", &tm) != 10)
		return -1;
	return 0;
}
