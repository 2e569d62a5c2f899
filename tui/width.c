/* Column arithmetic over UTF-8 (see width.h). */
#include "tui/width.h"

#include <string.h>
#include <wchar.h>

int
width_char(const char *s, size_t len, size_t *bytes)
{
	mbstate_t st;
	wchar_t wc;
	memset(&st, 0, sizeof st);
	size_t n = mbrtowc(&wc, s, len, &st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*bytes = 1; /* shown as U+FFFD, one column */
		return 1;
	}
	*bytes = n;
	int w = wcwidth(wc);
	return w < 0 ? 1 : w;
}

int
width_str(const char *s)
{
	size_t len = strlen(s), i = 0;
	int cols = 0;
	while (i < len) {
		size_t b;
		cols += width_char(s + i, len - i, &b);
		i += b;
	}
	return cols;
}

size_t
width_fit(const char *s, int cols)
{
	size_t len = strlen(s), i = 0;
	int used = 0;
	while (i < len) {
		size_t b;
		int w = width_char(s + i, len - i, &b);
		if (used + w > cols)
			break;
		used += w;
		i += b;
	}
	return i;
}

size_t
width_wrap(const char *s, int cols, size_t *next)
{
	size_t len = strlen(s), i = 0, last_space = 0;
	int used = 0, seen_space = 0;

	if (len == 0) {
		*next = 0;
		return 0;
	}
	while (i < len) {
		if (s[i] == '\n') {
			*next = i + 1;
			return i;
		}
		size_t b;
		int w = width_char(s + i, len - i, &b);
		if (used + w > cols)
			break;
		if (s[i] == ' ') {
			last_space = i;
			seen_space = 1;
		}
		used += w;
		i += b;
	}
	if (i >= len) {
		*next = len;
		return len;
	}
	if (seen_space && last_space > 0) {
		*next = last_space + 1;
		return last_space;
	}
	if (i == 0) /* a character wider than the line: take it anyway */
		width_char(s, len, &i);
	*next = i;
	return i;
}

int
width_wrapped_lines(const char *s, int cols)
{
	int lines = 0;
	size_t next;
	while (*s) {
		width_wrap(s, cols, &next);
		lines++;
		if (next == 0)
			break;
		s += next;
	}
	return lines;
}

size_t
width_prev_char(const char *s, size_t at)
{
	size_t i = 0, prev = 0;
	while (i < at) {
		size_t b;
		width_char(s + i, at - i, &b);
		prev = i;
		i += b;
	}
	return prev;
}

size_t
width_next_char(const char *s, size_t len, size_t at)
{
	if (at >= len)
		return len;
	size_t b;
	width_char(s + at, len - at, &b);
	return at + b;
}
