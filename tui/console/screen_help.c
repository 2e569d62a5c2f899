/*
 * The help overlay (F1, or ? where nothing is typed): drawn over the
 * screen it explains, which stays as it was underneath (a->screen, the
 * selection and any text typed but not yet confirmed are not touched), so
 * closing it returns to exactly the same place. The text (help.c) wraps to
 * the window and scrolls when it is taller.
 */
#include "tui/console/draw.h"
#include "tui/console/help.h"
#include "tui/console/keys.h"
#include "tui/i18n.h"
#include "tui/width.h"

#include <stdio.h>
#include <string.h>

enum { MAX_LINES = 600 };

typedef struct help_line {
	const char *text;
	size_t len;
	attr_t attr;
} help_line;

static help_doc doc;
static help_line lines[MAX_LINES];

static int
add_wrapped(int n, const char *text, int cols, attr_t attr)
{
	size_t next;
	while (*text && n < MAX_LINES) {
		size_t len = width_wrap(text, cols, &next);
		lines[n++] = (help_line){text, len, attr};
		if (next == 0)
			break;
		text += next;
	}
	return n;
}

/* Lays the help out in lines of cols columns; returns how many. */
static int
layout(const app *a, int cols)
{
	help_for_screen(a, &doc);
	int n = add_wrapped(0, doc.title, cols, A_BOLD | A_UNDERLINE);
	for (int p = 0; p < doc.n && n < MAX_LINES; p++) {
		if (doc.para[p].heading)
			lines[n++] = (help_line){"", 0, 0}; /* a blank row before each part */
		n = add_wrapped(n, doc.para[p].text, cols, doc.para[p].heading ? A_BOLD : 0);
	}
	return n;
}

void
app_open_help(app *a)
{
	a->help_open = true;
	a->help_scroll = 0;
}

static void
help_draw(app *a)
{
	/* L10N: the title bar of the help screen */
	if (!draw_begin(a, _("Help")))
		return;
	int x = content_x(), cols = content_cols(), y = CONTENT_TOP;
	int n = layout(a, cols);
	/* a message of three rows takes CONTENT_BOTTOM too (draw.h) */
	int msg = draw_message_rows(a) - 2;
	int rows = CONTENT_BOTTOM - CONTENT_TOP + 1 - (msg > 0 ? msg : 0);
	if (n > rows)
		rows--; /* the last row says there is more */
	int last_first = n - rows > 0 ? n - rows : 0;
	if (a->help_scroll > last_first)
		a->help_scroll = last_first;
	if (a->help_scroll < 0)
		a->help_scroll = 0;
	for (int l = a->help_scroll; l < n && l < a->help_scroll + rows; l++, y++) {
		attron(lines[l].attr);
		mvaddnstr(y, x, lines[l].text, (int)lines[l].len);
		attroff(lines[l].attr);
	}
	if (n > rows) {
		const char *more =
		        a->help_scroll < last_first
		                ? (a->help_scroll > 0 ? _("(more above: ↑, more below: ↓)")
		                                      : _("(more below: ↓)"))
		                : _("(more above: ↑)");
		draw_str(CONTENT_TOP + rows, x, cols, more, 0);
	}
	/* the cursor where a screen reader starts reading: the help's first line shown */
	draw_focus(CONTENT_TOP, x);
	/* L10N: keep "Esc" just before the ":" (a click there presses Esc) */
	draw_end(a, _("F1 or Esc: close help   ↑↓ PgUp PgDn: scroll"));
}

static void
help_key(app *a, wint_t ch, bool is_key)
{
	int page = CONTENT_BOTTOM - CONTENT_TOP;
	if (key_is_back(ch, is_key) || key_is_enter(ch, is_key) || (is_key && ch == KEY_F(1)) ||
	    (!is_key && ch == '?')) {
		a->help_open = false;
		return;
	}
	if (!is_key)
		return;
	/* the draw clamps a scroll past the end */
	if (ch == KEY_DOWN)
		a->help_scroll++;
	else if (ch == KEY_UP)
		a->help_scroll--;
	else if (ch == KEY_NPAGE)
		a->help_scroll += page;
	else if (ch == KEY_PPAGE)
		a->help_scroll -= page;
	else if (ch == KEY_HOME)
		a->help_scroll = 0;
	else if (ch == KEY_END)
		a->help_scroll = MAX_LINES;
}

const screen_ops screen_help = {NULL, help_draw, help_key, NULL};
