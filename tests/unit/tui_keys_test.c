/* tui: a number typed on a list picks a line; two digits reach the lines
 * past 9 of a long list (the 在留資格 list). */
#include "tests/unit/test.h"
#include "tui/console/keys.h"

/* The line each digit of keys picks on a list of count lines, as 1-based
 * numbers separated by spaces ("-" for none). */
static void
lines_for(const char *keys, int count, char *out, size_t n)
{
	int so_far = 0;
	size_t len = 0;
	out[0] = '\0';
	for (const char *k = keys; *k && len + 4 < n; k++) {
		int line = key_line_number((wint_t)(unsigned char)*k, false, &so_far, count);
		if (line < 0)
			len += (size_t)snprintf(out + len, n - len, "%s-", len ? " " : "");
		else
			len += (size_t)snprintf(out + len, n - len, "%s%d", len ? " " : "",
			                        line + 1);
	}
}

TEST(digits_run_on_while_they_make_a_line)
{
	char got[128];
	lines_for("12", 36, got, sizeof got);
	CHECK_STR(got, "1 12");
	lines_for("36", 36, got, sizeof got);
	CHECK_STR(got, "3 36");
	lines_for("10", 36, got, sizeof got);
	CHECK_STR(got, "1 10");
	/* 41 is past the list: the 1 starts again */
	lines_for("41", 36, got, sizeof got);
	CHECK_STR(got, "4 1");
	/* a third digit never makes 120: a new number */
	lines_for("122", 36, got, sizeof got);
	CHECK_STR(got, "1 12 2");
	/* a short list: each digit is its own line, 0 none */
	lines_for("120", 3, got, sizeof got);
	CHECK_STR(got, "1 2 -");
	lines_for("04", 3, got, sizeof got);
	CHECK_STR(got, "- -");
}

TEST(another_key_forgets_the_number)
{
	int so_far = 0;
	CHECK_INT(key_line_number('1', false, &so_far, 36), 0);
	CHECK_INT(key_line_number(KEY_DOWN, true, &so_far, 36), -1);
	CHECK_INT(so_far, 0);
	CHECK_INT(key_line_number('2', false, &so_far, 36), 1);
}
