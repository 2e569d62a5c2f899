/* The clerk's station on screen: a title bar, the application (or the
 * waiting prompt), the message line, what the scanner is typing and the
 * keys. */
#include "tui/counter/station.h"

#include "tui/console/draw.h"
#include "tui/cover.h"
#include "tui/i18n.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
push(char ***lines, int **marked, int *n, int *cap, const char *text, int mark)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		*lines = realloc(*lines, (size_t)*cap * sizeof **lines);
		*marked = realloc(*marked, (size_t)*cap * sizeof **marked);
		if (!*lines || !*marked)
			abort();
	}
	(*lines)[*n] = strdup(text);
	if (!(*lines)[*n])
		abort();
	(*marked)[*n] = mark;
	(*n)++;
}

/* The mark of an answer, or -1. */
static int
mark_of(const station *s, const field *fld, int instance)
{
	for (size_t i = 0; i < s->nmarks; i++)
		if (s->marks[i].fld == fld && s->marks[i].instance == instance)
			return (int)i;
	return -1;
}

int
station_body_lines(const station *s, char ***out, int **marked)
{
	int n = 0, cap = 0;
	char line[2048], id[9];
	answer_walk w;

	*out = NULL;
	*marked = NULL;
	const form *f = answers_form(s->a);
	snprintf(line, sizeof line, "%s（%s 第%d版）", form_title(f), form_id(f), form_version(f));
	push(out, marked, &n, &cap, line, 0);
	if (s->origin.desk) {
		handoff_keyid_hex(s->origin.desk->id, id);
		/* L10N: %1$s is a help desk's name, %2$s its id such as 1A2B3C4D,
		 * %3$s the note ", opened with the city key" or nothing. */
		snprintf(line, sizeof line, _("Made at: %1$s (%2$s), signature verified%3$s"),
		         s->origin.desk->name[0] ? s->origin.desk->name : "-", id,
		         /* L10N: added after "signature verified" for a sealed code. */
		         s->origin.sealed ? _(", opened with the city key") : "");
		push(out, marked, &n, &cap, line, 0);
		char made[96];
		cover_made(&s->origin, made, sizeof made);
		/* L10N: %s is a day such as "令和8年12月1日（2026-12-01）". */
		snprintf(line, sizeof line, _("Made on: %s"),
		         /* L10N: the day a code of the older format 4 was made is unknown. */
		         made[0] ? made : _("not recorded (a code of format 4)"));
		push(out, marked, &n, &cap, line, 0);
	}
	push(out, marked, &n, &cap, "", 0);
	const char *section = NULL;
	answers_walk_begin(&w, s->a, ANSWERS_WALK_APPLYING);
	while (answers_walk_next(&w)) {
		/* the parts of the form as on paper */
		const char *sec = w.event == WALK_FIELD ? field_section(w.field) : NULL;
		if (sec && sec != section && !w.repeat) {
			snprintf(line, sizeof line, "■ %s", _(sec));
			push(out, marked, &n, &cap, line, 0);
			section = sec;
		}
		if (w.event == WALK_INSTANCE && w.repeat) {
			snprintf(line, sizeof line, "【%s %d】", repeat_term(w.repeat),
			         w.instance + 1);
			push(out, marked, &n, &cap, line, 0);
		}
		if (w.event != WALK_FIELD || !w.value)
			continue;
		char shown[1024];
		int m = mark_of(s, w.field, w.instance);
		answer_format(w.field, w.value, ANSWER_SHOW_TERM, NULL, shown, sizeof shown);
		if (m >= 0)
			/* L10N: an answer with characters to check: %1$s an indent, %2$s
			 * the form's term, %3$s the answer, %4$s the characters. */
			snprintf(line, sizeof line, _("%1$s%2$s：%3$s   ← check: %4$s"),
			         w.repeat ? "　" : "", field_term(w.field), shown,
			         s->marks[m].chars);
		else
			snprintf(line, sizeof line, "%s%s：%s", w.repeat ? "　" : "",
			         field_term(w.field), shown);
		push(out, marked, &n, &cap, line, m >= 0 ? (s->confirmed[m] ? 1 : 2) : 0);
	}
	push(out, marked, &n, &cap, "", 0);
	push(out, marked, &n, &cap, _("Other procedures this household needs:"), 0);
	if (s->nrelated == 0)
		push(out, marked, &n, &cap, _("  none"), 0);
	for (size_t i = 0; i < s->nrelated; i++) {
		snprintf(line, sizeof line, "  ・%s", s->related[i]);
		push(out, marked, &n, &cap, line, 0);
	}
	return n;
}

static void
title_bar(const char *title)
{
	attron(A_REVERSE);
	mvhline(0, 0, ' ', COLS);
	draw_str(0, 1, COLS - 2, title, A_REVERSE | A_BOLD);
	attroff(A_REVERSE);
}

static void
bottom(const station *s, const char *hints)
{
	int msg_rows = 3, y = LINES - 2 - msg_rows;
	if (s->message[0])
		draw_para(y, 1, COLS - 2, msg_rows, s->message,
		          s->message_is_error ? A_BOLD | A_REVERSE : A_BOLD);
	char typed[64];
	/* What the scanner is typing, so a half-read code is visible. */
	snprintf(typed, sizeof typed, "> %.*s%s", s->ntyped > 40 ? 40 : (int)s->ntyped, s->typed,
	         s->ntyped > 40 ? "…" : "");
	draw_str(LINES - 2, 1, COLS - 2, typed, 0);
	attron(A_REVERSE);
	mvhline(LINES - 1, 0, ' ', COLS);
	draw_str(LINES - 1, 1, COLS - 2, hints, A_REVERSE);
	attroff(A_REVERSE);
}

static void
draw_wait(const station *s)
{
	title_bar(_("Counter: scan the application code"));
	int y = 3, x = 2, cols = COLS - 4;
	y += draw_para(y, x, cols, 3, _("Scan the QR code on the resident's Yorisoi slip."),
	               A_BOLD);
	y++;
	if (s->nscans > 0) {
		char line[160];
		/* L10N: %zu is how many codes of a multi-code slip were read. */
		snprintf(line, sizeof line,
		         ngettext("%zu code of this slip is read.",
		                  "%zu codes of this slip are read.", s->nscans),
		         s->nscans);
		draw_para(y, x, cols, 2, line, 0);
	}
	bottom(s, _("Esc: put aside the codes read so far   F10: quit"));
	move(LINES - 2, 3 + (int)(s->ntyped > 40 ? 41 : s->ntyped));
}

static void
draw_show(station *s)
{
	char **lines;
	int *marked;
	int n = station_body_lines(s, &lines, &marked);
	int top = 2, rows = LINES - 2 - 3 - top - 1;
	if (rows < 1)
		rows = 1;
	if (s->scroll > n - rows)
		s->scroll = n - rows > 0 ? n - rows : 0;
	title_bar(s->accepted ? _("Counter: application accepted") : _("Counter: application"));
	for (int i = 0; i < rows && s->scroll + i < n; i++) {
		int k = s->scroll + i;
		attr_t at = i == 0 && k == 0 ? A_BOLD : marked[k] == 2 ? A_REVERSE : 0;
		draw_str(top + i, 2, COLS - 4, lines[k], at);
	}
	for (int i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	free(marked);
	bottom(s, s->nmarks && !s->accepted
	                  ? _("↑↓ scroll  C: check characters  Enter: accept  P: print  N: next  "
	                      "F10: quit")
	                  : _("↑↓ scroll  Enter: accept  P: print the form  N: next resident  F10: "
	                      "quit"));
	move(LINES - 2, 3 + (int)(s->ntyped > 40 ? 41 : s->ntyped));
}

static void
draw_edit(station *s)
{
	const jis_mark *m = &s->marks[s->editing];
	char where[256], line[800];
	int y = 3, x = 2, cols = COLS - 4;

	title_bar(_("Counter: check characters"));
	jis_mark_where(m, where, sizeof where);
	y += draw_para(y, x, cols, 2, where, A_BOLD);
	/* L10N: %s is the characters a name or address has that the city's
	 * systems may not hold, such as 髙 or 𠮷. */
	snprintf(
	        line, sizeof line,
	        m->worst == JIS_NEITHER
	                ? _("%s: not in JIS X 0208 nor JIS X 0213. Check the character with the "
	                    "resident's card; keep it, or type the form the city's system holds.")
	                : _("%s: in JIS X 0213 but not in JIS X 0208. Check the character with the "
	                    "resident's card; keep it, or type the form the city's system holds."),
	        m->chars);
	y += draw_para(y + 1, x, cols, 4, line, 0) + 2;
	int w = cols < 70 ? cols : 70;
	draw_input(y, x, w, &s->edit);
	bottom(s, _("Enter: use this text   Esc: back"));
	size_t start, shown;
	int cur;
	textinput_view(&s->edit, w, &start, &shown, &cur);
	move(y, x + cur); /* the cursor in the box, where braille displays follow it */
}

void
station_draw(station *s)
{
	erase();
	if (LINES < 12 || COLS < 40) {
		draw_para(0, 0, COLS, LINES, _("Please make this window larger."), A_BOLD);
		refresh();
		return;
	}
	if (s->mode == MODE_WAIT)
		draw_wait(s);
	else if (s->mode == MODE_SHOW)
		draw_show(s);
	else
		draw_edit(s);
	refresh();
}
