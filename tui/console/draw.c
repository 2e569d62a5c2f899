/* Shared drawing (see draw.h). */
#include "tui/console/draw.h"
#include "tui/console/mouse.h"
#include "tui/console/theme.h"
#include "tui/i18n.h"
#include "tui/width.h"

#include <stdio.h>
#include <string.h>

static int focus_y = -1, focus_x = -1;

/* Text asked for with bare attributes (A_BOLD, 0) gets the theme's body
 * look under them (high contrast: bold white on black); a role that brings
 * its own colour pair keeps it. */
static attr_t
themed(attr_t attr)
{
	return (attr & A_COLOR) ? attr : attr | theme_attr(ROLE_NORMAL);
}

void
draw_item_row(int y, int item)
{
	mouse_item_row(y, item);
}

void
draw_focus(int y, int x)
{
	focus_y = y;
	focus_x = x;
}

int
draw_list_line(int y, int x, int cols, int max_rows, const char *prefix, const char *text,
               attr_t attr, int item)
{
	int indent = draw_str(y, x, cols, prefix, attr);
	int rows = draw_para(y, x + indent, cols - indent, max_rows, text, attr);
	if (rows < 1)
		rows = 1;
	for (int r = 0; r < rows; r++)
		draw_item_row(y + r, item);
	return rows;
}

void
draw_scrolled_list(const app *a, int y, size_t nlines,
                   void (*line)(const app *a, size_t i, char *buf, size_t n))
{
	int x = content_x(), cols = content_cols(), count = (int)nlines;
	int rows = CONTENT_BOTTOM - y + 1;
	/* a list longer than the room says so on its last row, as the
	 * question screen's lists do, so nobody takes it for the whole */
	bool scrolls = count > rows && rows > 1;
	if (scrolls)
		rows--;
	int first = a->sel - rows + 1, i;
	if (first < 0)
		first = 0;
	for (i = first; i < count && i < first + rows; i++) {
		char text[600], item[640];
		line(a, (size_t)i, text, sizeof text);
		snprintf(item, sizeof item, "%s %d. %s", i == a->sel ? ">" : " ", i + 1, text);
		draw_str(y, x, cols, item, i == a->sel ? theme_attr(ROLE_SELECTED) : 0);
		draw_item_row(y, i);
		if (i == a->sel)
			draw_focus(y, x);
		y++;
	}
	if (scrolls)
		draw_str(y, x, cols, draw_more_hint(first > 0, i < count), 0);
}

const char *
draw_more_hint(bool above, bool below)
{
	return above ? (below ? _("(more above: ↑, more below: ↓)") : _("(more above: ↑)"))
	             : _("(more below: ↓)");
}

int
content_x(void)
{
	return COLS >= 100 ? 4 : 2;
}

int
content_cols(void)
{
	int cols = COLS - 2 * content_x();
	return cols > 96 ? 96 : cols;
}

int
draw_str(int y, int x, int cols, const char *text, attr_t attr)
{
	if (y < 0 || y >= LINES || cols <= 0)
		return 0;
	size_t n = width_fit(text, cols);
	attrset(themed(attr));
	mvaddnstr(y, x, text, (int)n);
	attrset(A_NORMAL);
	char tmp[2048];
	snprintf(tmp, sizeof tmp, "%.*s", (int)n, text);
	return width_str(tmp);
}

void
draw_str_marked(const app *a, int y, int x, int cols, const char *text, attr_t attr)
{
	if (width_str(text) <= cols || cols < 2) {
		draw_str(y, x, cols, text, attr);
		return;
	}
	int shown = draw_str(y, x, cols - 1, text, attr);
	attrset(themed(attr));
	mvaddstr(y, x + shown, a->utf8 ? "…" : "~");
	attrset(A_NORMAL);
}

int
draw_para(int y, int x, int cols, int max_lines, const char *text, attr_t attr)
{
	int rows = 0;
	size_t next;
	while (*text && rows < max_lines) {
		size_t n = width_wrap(text, cols, &next);
		attrset(themed(attr));
		if (y + rows < LINES)
			mvaddnstr(y + rows, x, text, (int)n);
		attrset(A_NORMAL);
		rows++;
		if (next == 0)
			break;
		text += next;
	}
	return rows;
}

int
draw_block(int y, int x, int cols, int max_lines, const char *text, attr_t attr)
{
	return y + draw_para(y, x, cols, max_lines, text, attr) + 1;
}

void
draw_input(int y, int x, int cols, const textinput *t)
{
	size_t start, shown;
	int cur;
	textinput_view(t, cols, &start, &shown, &cur);
	attrset(themed(theme_attr(ROLE_INPUT)));
	mvhline(y, x, ' ', cols);
	if (t->secret) {
		size_t i = start;
		int col = 0;
		while (i < start + shown) {
			mvaddstr(y, x + col, "*");
			col++;
			i = width_next_char(t->buf, t->len, i);
		}
	} else {
		mvaddnstr(y, x, t->buf + start, (int)shown);
	}
	attrset(A_NORMAL);
	draw_focus(y, x + cur);
}

static void
draw_too_small(void)
{
	char msg[256];
	erase();
	snprintf(msg, sizeof msg, _("Please make this window larger (at least %d × %d)."), MIN_COLS,
	         MIN_LINES);
	draw_para(0, 0, COLS > 1 ? COLS - 1 : 1, LINES, msg, A_BOLD);
	draw_focus(0, 0);
	move(0, 0);
	refresh();
}

bool
draw_begin(app *a, const char *title)
{
	focus_y = focus_x = -1;
	mouse_frame_begin();
	if (COLS < MIN_COLS || LINES < MIN_LINES) {
		draw_too_small();
		return false;
	}
	erase();
	attrset(theme_attr(ROLE_TITLE));
	mvhline(0, 0, ' ', COLS);
	attrset(A_NORMAL);
	char bar[512];
	snprintf(bar, sizeof bar, " Yorisoi 寄り添い  |  %s", title);
	/* The resident's language can change on every screen (F3); the key is
	 * named in the two languages the volunteer reads, at the right end. */
	static const char lang_key[] = "F3 言語/Language ";
	int key_cols = a->screen == SCR_LANG ? 0 : width_str(lang_key);
	if (key_cols > 0 && COLS - key_cols > 40) {
		draw_str_marked(a, 0, 0, COLS - key_cols - 1, bar, theme_attr(ROLE_TITLE));
		draw_str(0, COLS - key_cols, key_cols, lang_key, theme_attr(ROLE_TITLE_KEY));
		mouse_key_area(0, COLS - key_cols, COLS, KEY_F(3), true);
	} else {
		draw_str_marked(a, 0, 0, COLS, bar, theme_attr(ROLE_TITLE));
	}
	/* A failed save stays in sight on every screen until a save works:
	 * the resident must not leave believing the answers are kept. */
	if (a->unsaved && a->ans) {
		char line[700];
		/* L10N: shown on every screen while the answers are only in memory;
		   %s says why (a full disk, a locked or damaged drafts file). */
		snprintf(line, sizeof line, _("Not saved: %s"), a->save_problem);
		draw_str(1, 1, COLS - 2, line, theme_attr(ROLE_ERROR));
	}
	return true;
}

/* The message line's text and look: an error, else a notice; the theme
 * just switched to (F4) follows either, so it never hides a notice that
 * may carry something to write down. */
static attr_t
message_text(const app *a, char *line, size_t n)
{
	attr_t look = theme_attr(ROLE_NOTICE);
	if (a->error[0]) {
		snprintf(line, n, _("Error: %s"), a->error);
		look = theme_attr(ROLE_ERROR);
	} else {
		snprintf(line, n, "%s", a->notice);
	}
	if (a->theme_notice[0]) {
		size_t len = strlen(line);
		snprintf(line + len, n - len, "%s%s", len ? "  " : "", a->theme_notice);
	}
	return look;
}

int
draw_message_rows(const app *a)
{
	char line[800];
	message_text(a, line, sizeof line);
	int rows = line[0] ? width_wrapped_lines(line, COLS - 2) : 0;
	return rows > 3 ? 3 : rows;
}

/* The error or notice, bottom row y, in columns x .. x+cols; it may take
 * up to three rows upwards (a form's hint follows an error's sentence, a
 * notice may carry something to write down: wrapped, never cut). */
static void
draw_message(app *a, int y, int x, int cols)
{
	char line[800];
	attr_t look = message_text(a, line, sizeof line);
	if (!line[0])
		return;
	int rows = width_wrapped_lines(line, cols);
	if (rows > 3)
		rows = 3;
	draw_para(y - rows + 1, x, cols, rows, line, look);
}

/* The key bar. F1 comes first on every screen, so that it is never the
 * part a narrow window cuts off; the help names its own closing keys. */
static void
draw_hints(const app *a, const char *hints)
{
	char bar[1024];
	if (a->help_open)
		snprintf(bar, sizeof bar, "%s", hints);
	else
		/* L10N: first in the key bar of every screen. Keep the key names before
		   ":" (F1, Enter, Esc, F10 ...) as they are in every key bar: a mouse
		   click on a part of the bar presses the key named there. */
		snprintf(bar, sizeof bar, "%s   %s", _("F1: help"), hints);
	attrset(theme_attr(ROLE_HINTS));
	mvhline(LINES - 1, 0, ' ', COLS);
	attrset(A_NORMAL);
	int shown = draw_str(LINES - 1, 1, COLS - 2, bar, theme_attr(ROLE_HINTS));
	/* only the keys in sight can be clicked */
	char seen[1024];
	snprintf(seen, sizeof seen, "%.*s", (int)width_fit(bar, shown), bar);
	mouse_bar(LINES - 1, 1, seen);
	if (focus_y >= 0)
		move(focus_y, focus_x);
	else
		move(CONTENT_TOP, content_x());
	refresh();
}

void
draw_end(app *a, const char *hints)
{
	draw_message(a, LINES - 2, 1, COLS - 2);
	draw_hints(a, hints);
}

void
draw_end_beside(app *a, const char *hints, int x, int cols)
{
	if (cols > 0)
		draw_message(a, LINES - 2, x, cols);
	draw_hints(a, hints);
}
