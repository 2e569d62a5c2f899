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

/* Characters a line must not start with (kinsoku): closing brackets,
 * punctuation, the long-vowel mark, small kana. */
static int
no_line_start(wchar_t c)
{
	static const wchar_t list[] = L"、。，．・：；？！ー）」』】〕〉》’”々ゝゞ"
	                              L"ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ…‥％,.:;?!)]}";
	return c != 0 && wcschr(list, c) != NULL;
}

/* Characters a line must not end with: opening brackets. */
static int
no_line_end(wchar_t c)
{
	static const wchar_t list[] = L"（「『【〔〈《‘“([{";
	return c != 0 && wcschr(list, c) != NULL;
}

static wchar_t
char_at(const char *s, size_t len)
{
	mbstate_t st;
	wchar_t wc;
	memset(&st, 0, sizeof st);
	size_t n = mbrtowc(&wc, s, len, &st);
	return (n == (size_t)-1 || n == (size_t)-2 || n == 0) ? 0xFFFD : wc;
}

/*
 * Finds where to end a line of at most cols columns. A line may break at a
 * space (which is dropped) or between two characters of which one is wide
 * (Japanese and Chinese text has no spaces), but never before a closing
 * bracket or 、。 and never after an opening bracket. When nothing fits
 * those rules, the line is cut at the last character that fits.
 */
size_t
width_wrap(const char *s, int cols, size_t *next)
{
	size_t len = strlen(s), i = 0;
	size_t space_brk = 0, space_next = 0, cjk_brk = 0;
	int used = 0, space_col = 0;
	wchar_t prev = 0;
	int prev_wide = 0;

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
		wchar_t c = char_at(s + i, len - i);
		if (i > 0 && c != ' ' && prev != ' ' && (w == 2 || prev_wide) &&
		    !no_line_start(c) && !no_line_end(prev))
			cjk_brk = i; /* may break before this character */
		if (used + w > cols) {
			if (c == ' ') { /* the space that does not fit ends the line */
				space_brk = i;
				space_next = i + 1;
				space_col = used;
			}
			break;
		}
		if (c == ' ' && i > 0) {
			space_brk = i;
			space_next = i + 1;
			space_col = used;
		}
		used += w;
		i += b;
		prev = c;
		prev_wide = w == 2;
	}
	if (i >= len) {
		*next = len;
		return len;
	}
	/* A space keeps words whole; it wins unless it would leave more than
	 * half the line empty when a break inside CJK text is possible. */
	if (space_brk > 0 && (cjk_brk == 0 || space_col * 2 >= cols)) {
		*next = space_next;
		return space_brk;
	}
	if (cjk_brk > 0) {
		*next = cjk_brk;
		return cjk_brk;
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
