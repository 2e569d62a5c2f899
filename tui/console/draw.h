/*
 * Shared drawing for every screen. Layout: a title bar on the first line,
 * content below, a message line (errors, notices) and a key-hint bar at the
 * bottom. Every frame ends with the cursor on the focus, so braille
 * displays and magnifiers follow it.
 */
#ifndef YORISOI_TUI_DRAW_H
#define YORISOI_TUI_DRAW_H

#include <curses.h>

#include "tui/console/app.h"
#include "tui/values.h"

/* First and last content rows. */
#define CONTENT_TOP    2
#define CONTENT_BOTTOM (LINES - 4)

/* Starts a frame: erases and draws the title bar. Returns false when the
 * window is below the minimum size (it then shows a "please enlarge"
 * message and the screen must not draw). */
bool draw_begin(app *a, const char *title);

/* The key hints and the message line; parks the cursor; refreshes. */
void draw_end(app *a, const char *hints);

/* The same with the message drawn upwards from the key bar in columns
 * x .. x+cols only, for a screen whose content reaches the key bar on the
 * left (a QR code as tall as the window). */
void draw_end_beside(app *a, const char *hints, int x, int cols);

/* How many rows the message line will take (0 to 3, the last of them on
 * CONTENT_BOTTOM), for a screen that fills its content area. */
int draw_message_rows(const app *a);

/* Row y shows line `item` of the screen's list: a click there picks it
 * (tui/console/mouse.h). Once per row of a line that wraps. */
void draw_item_row(int y, int item);

/* Remembers where the cursor goes at the end of the frame. */
void draw_focus(int y, int x);

/* Line `item` of a list from row y: prefix ("> (•) 3. "), then text
 * wrapped under itself in at most max_rows rows, each a row a click picks.
 * Returns the rows used (at least 1). */
int draw_list_line(int y, int x, int cols, int max_rows, const char *prefix, const char *text,
                   attr_t attr, int item);

/* Lines 0 .. count-1 of a one-line-each list from row y to the bottom of
 * the content, numbered, a->sel marked and kept in view, with a last row
 * saying more are above or below when they do not all fit; line(a, i, ...)
 * writes line i's text. */
void draw_scrolled_list(const app *a, int y, size_t count,
                        void (*line)(const app *a, size_t i, char *buf, size_t n));
/* The last row of a list with lines out of view: "(more below: ↓)",
 * "(more above: ↑)" or both. */
const char *draw_more_hint(bool above, bool below);
/* One line cropped to cols columns. Returns the columns used. */
int draw_str(int y, int x, int cols, const char *text, attr_t attr);
/* draw_str that ends a text too long for its room with "…" ("~" without
 * UTF-8), so a cut line does not read as a whole one. */
void draw_str_marked(const app *a, int y, int x, int cols, const char *text, attr_t attr);

/* Wrapped text in cols columns from row y, at most max_lines rows.
 * Returns the rows used. */
int draw_para(int y, int x, int cols, int max_lines, const char *text, attr_t attr);

/* draw_para, then one blank row: returns the row where the next block
 * starts. */
int draw_block(int y, int x, int cols, int max_lines, const char *text, attr_t attr);

/* Draws a text input box of cols columns at (y, x) and sets the focus to
 * its cursor. */
void draw_input(int y, int x, int cols, const textinput *t);

/* Left margin and usable width of the content area. */
int content_x(void);
int content_cols(void);

#endif
