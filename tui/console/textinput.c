/* The one-line UTF-8 editor (see textinput.h). */
#include "tui/console/textinput.h"
#include "tui/width.h"

#include <curses.h>
#include <limits.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

void
textinput_set(textinput *t, const char *text)
{
	snprintf(t->buf, sizeof t->buf, "%s", text ? text : "");
	/* Never leave half a character at the end after truncation. */
	t->len = strlen(t->buf);
	while (t->len > 0 &&
	       width_next_char(t->buf, t->len, width_prev_char(t->buf, t->len)) != t->len)
		t->len--;
	t->buf[t->len] = '\0';
	t->cursor = t->len;
}

void
textinput_wipe(textinput *t)
{
	sodium_memzero(t->buf, sizeof t->buf);
	t->len = t->cursor = 0;
}

static bool
insert(textinput *t, wint_t ch)
{
	char mb[MB_LEN_MAX];
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t n = wcrtomb(mb, (wchar_t)ch, &st);
	if (n == (size_t)-1 || t->len + n >= sizeof t->buf)
		return true; /* unrepresentable or full: swallow the key */
	memmove(t->buf + t->cursor + n, t->buf + t->cursor, t->len - t->cursor + 1);
	memcpy(t->buf + t->cursor, mb, n);
	t->len += n;
	t->cursor += n;
	sodium_memzero(mb, sizeof mb);
	return true;
}

static void
delete_range(textinput *t, size_t from, size_t to)
{
	memmove(t->buf + from, t->buf + to, t->len - to + 1);
	t->len -= to - from;
	sodium_memzero(t->buf + t->len, to - from);
}

bool
textinput_key(textinput *t, wint_t ch, bool is_key)
{
	if (is_key) {
		switch (ch) {
		case KEY_LEFT:
			t->cursor = width_prev_char(t->buf, t->cursor);
			return true;
		case KEY_RIGHT:
			t->cursor = width_next_char(t->buf, t->len, t->cursor);
			return true;
		case KEY_HOME:
			t->cursor = 0;
			return true;
		case KEY_END:
			t->cursor = t->len;
			return true;
		case KEY_BACKSPACE:
			if (t->cursor > 0) {
				size_t p = width_prev_char(t->buf, t->cursor);
				delete_range(t, p, t->cursor);
				t->cursor = p;
			}
			return true;
		case KEY_DC:
			if (t->cursor < t->len)
				delete_range(t, t->cursor,
				             width_next_char(t->buf, t->len, t->cursor));
			return true;
		default:
			return false;
		}
	}
	switch (ch) {
	case 127: /* DEL as sent by most terminals for Backspace */
	case 8:
		return textinput_key(t, KEY_BACKSPACE, true);
	case 1: /* ^A */
		t->cursor = 0;
		return true;
	case 5: /* ^E */
		t->cursor = t->len;
		return true;
	case 21: /* ^U clears the line */
		delete_range(t, 0, t->len);
		t->cursor = 0;
		return true;
	default:
		break;
	}
	if (ch < 32 || ch == 127)
		return false;
	return insert(t, ch);
}

void
textinput_view(const textinput *t, int cols, size_t *start, size_t *shown, int *cursor_col)
{
	if (cols < 2)
		cols = 2;
	/* Scroll from the left until the text before the cursor fits, keeping
	 * one column free for the cursor itself. */
	size_t s = 0;
	char tmp[TEXTINPUT_MAX];
	for (;;) {
		size_t n = t->cursor - s;
		memcpy(tmp, t->buf + s, n);
		tmp[n] = '\0';
		int w = t->secret ? (int)0 : width_str(tmp);
		if (t->secret) {
			for (size_t i = s; i < t->cursor; i = width_next_char(t->buf, t->len, i))
				w++;
		}
		if (w <= cols - 1 || s >= t->cursor) {
			*cursor_col = w;
			break;
		}
		s = width_next_char(t->buf, t->len, s);
	}
	sodium_memzero(tmp, sizeof tmp);
	*start = s;
	if (t->secret) {
		size_t i = s;
		int w = 0;
		while (i < t->len && w < cols) {
			i = width_next_char(t->buf, t->len, i);
			w++;
		}
		*shown = i - s;
	} else {
		*shown = width_fit(t->buf + s, cols);
	}
}
