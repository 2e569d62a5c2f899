/*
 * The handoff: the finished application as a QR code the counter scans,
 * as large as the terminal allows with its quiet zone, or saved as an image
 * for the slip when the window is too small. "Done" deletes the draft and
 * the image, so nothing personal stays on the library PC.
 *
 * On screen each code is at most QR version 13, the largest a 120x40
 * terminal shows with its quiet zone; a large household's application is
 * then cut into parts shown one after the other ("Code 1 of 2"), which the
 * counter joins in any order. The image (P) and the slip (S) hold it in
 * one code, since paper has room.
 */
#include "tui/console/app.h"
#include "tui/console/visit_stats.h"
#include "tui/console/draw.h"
#include "tui/i18n.h"
#include "tui/signing.h"
#include "tui/slip.h"
#include "tui/console/visit_files.h"
#include "tui/console/keys.h"
#include "tui/messages.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { SCREEN_MAX_VERSION = 13, PAPER_MAX_VERSION = 40 };

/* Draws part k of the codes into a->qr. */
static void
show_code(app *a, size_t k)
{
	handoff_error err;
	handoff_qr_free(a->qr);
	a->qr = NULL;
	a->code_shown = k;
	if (handoff_qr_make(a->codes.text[k], &a->qr, &err) != HANDOFF_OK)
		msg_handoff_error(&err, a->error, sizeof a->error);
}

static void
handoff_enter(app *a)
{
	handoff_error err;
	a->confirm_done = false;
	app_codes_wipe(a);
	if (tui_signing_encode(a->ans, i18n_language(), SCREEN_MAX_VERSION, &a->codes, &err) !=
	    HANDOFF_OK) {
		msg_handoff_error(&err, a->error, sizeof a->error);
		return;
	}
	visit_stats_app_completed(a);
	show_code(a, 0);
}

static void
save_slip(app *a)
{
	handoff_error err;
	handoff_codes one;
	handoff_qr *qr = NULL;
	if (!a->qr)
		return;
	if (tui_signing_encode(a->ans, i18n_language(), PAPER_MAX_VERSION, &one, &err) !=
	            HANDOFF_OK ||
	    handoff_qr_make(one.text[0], &qr, &err) != HANDOFF_OK) {
		handoff_codes_free(&one);
		msg_handoff_error(&err, a->error, sizeof a->error);
		return;
	}
	sodium_memzero(one.text[0], strlen(one.text[0]));
	handoff_codes_free(&one);
	if (!a->slip_path[0] &&
	    visit_file_new(a, form_id(a->form), ".png", a->slip_path, sizeof a->slip_path) != 0) {
		snprintf(a->error, sizeof a->error, "%s",
		         _("There is no private folder to save the image in."));
		a->slip_path[0] = '\0';
		handoff_qr_free(qr);
		return;
	}
	if (handoff_qr_write_png(qr, a->slip_path, 8, &err) != HANDOFF_OK) {
		snprintf(a->error, sizeof a->error, _("The image could not be saved to %s."),
		         a->slip_path);
		a->slip_path[0] = '\0';
		handoff_qr_free(qr);
		return;
	}
	handoff_qr_free(qr);
	snprintf(a->notice, sizeof a->notice, _("Saved the code as an image: %s"), a->slip_path);
}

/* The slip: a PDF (printed when a printer is set) and its picture, with
 * the code, a summary for the clerk in Japanese and for the resident in
 * their language, and what to bring. */
static void
make_slip(app *a)
{
	char msg[512];
	tui_slip_job job = {.pdf = a->slip_pdf, .png = a->slip_png, .printer = a->opt->printer};
	if (a->opt->paper)
		tui_slip_paper(a->opt->paper, &job.paper); /* checked by main */
	if ((!a->slip_pdf[0] && visit_file_new(a, form_id(a->form), "-slip.pdf", a->slip_pdf,
	                                       sizeof a->slip_pdf) != 0) ||
	    (!a->slip_png[0] && visit_file_new(a, form_id(a->form), "-slip.png", a->slip_png,
	                                       sizeof a->slip_png) != 0)) {
		snprintf(a->error, sizeof a->error, "%s",
		         _("There is no private folder to save the slip in."));
		return;
	}
	if (tui_slip_make(a->ans, i18n_language(), &job, msg, sizeof msg) != 0) {
		snprintf(a->error, sizeof a->error, "%s", msg);
		return;
	}
	if (a->opt->printer)
		snprintf(a->notice, sizeof a->notice, _("The slip was sent to the printer %s."),
		         a->opt->printer);
	else
		snprintf(a->notice, sizeof a->notice, _("Saved the slip: %s"), a->slip_pdf);
}

/* Which part is on the screen, and why there are several. */
static int
draw_parts(app *a, int y, int x, int cols)
{
	char which[128];
	/* L10N: under each QR code when an application needs several. */
	snprintf(which, sizeof which, _("Code %zu of %zu"), a->code_shown + 1, a->codes.n);
	y = draw_block(y, x, cols, 2, which, A_BOLD);
	return draw_block(y, x, cols, 6,
	                  _("This household's application is too large for one code on the "
	                    "screen, so it is shown as several. The counter scans every one, in "
	                    "any order. The slip (S) holds it in one code."),
	                  0);
}

static void
draw_side_text(app *a, int y, int x, int cols)
{
	char title[512];
	bilingual(form_label(a->form), form_title(a->form), title, sizeof title);
	y = draw_block(y, x, cols, 3, _("Your application is ready."), A_BOLD);
	y = draw_block(y, x, cols, 3, title, 0);
	y += draw_para(y, x, cols, 5,
	               _("Show this code at the city hall counter. The staff will scan it; you do "
	                 "not need to write anything."),
	               0) +
	     1;
	/* The counter staff read Japanese: say it in Japanese too, once. */
	if (strcmp(i18n_language(), "ja") != 0)
		y += draw_para(y, x, cols, 4,
		               "窓口でこのコードを見せてください。職員が読み取ります。", 0) +
		     1;
	if (a->codes.n > 1)
		draw_parts(a, y, x, cols);
}

/* The hints of the handoff screen. */
static const char *
handoff_hints(const app *a)
{
	if (a->confirm_done)
		return _("Has the resident got the code (scanned or printed)? y: yes, finish   n: "
		         "no");
	return a->codes.n > 1 ? _("N: next code   S: slip   P: code as image   D: done   Esc: back")
	                      : _("S: slip   P: code as image   D: done   Esc: back");
}

/* The code says how the screen is laid out: below the title bar when it
 * fits there; as tall as the window above the key bar when it needs every
 * line (a version 13 code takes 39 of a 120x40 terminal's 40 lines), with
 * the title and messages beside it; else the window is too small. */
static void
handoff_draw(app *a)
{
	char **lines = NULL;
	size_t nlines = 0;
	int qcols = 0;

	if (!draw_begin(a, _("Handoff code")))
		return;
	if (a->qr)
		lines = handoff_qr_render_text(a->qr, a->utf8, &nlines, &qcols);

	int x = content_x(), cols = content_cols();
	int fits_below_title = lines && (int)nlines <= LINES - 3 && qcols <= COLS - 2;
	int fits_tall = lines && (int)nlines <= LINES - 1 && qcols <= COLS - 2;
	if (fits_tall) {
		int top = fits_below_title ? 1 : 0;
		int beside = COLS - qcols >= 34; /* room for the text next to the code */
		int qx = beside ? 1 : (COLS - qcols) / 2;
		int side_x = qx + qcols + 2, side_cols = beside ? COLS - side_x - 2 : 0;
		if (a->color)
			attron(COLOR_PAIR(1));
		for (size_t i = 0; i < nlines; i++)
			mvaddstr(top + (int)i, qx, lines[i]);
		if (a->color)
			attroff(COLOR_PAIR(1));
		if (beside) {
			if (!fits_below_title) {
				/* the code covers the title bar: the title goes beside it */
				mvhline(0, side_x - 1, ' ', COLS - side_x + 1);
				draw_para(0, side_x, side_cols, 1, _("Handoff code"), A_BOLD);
			}
			draw_side_text(a, 2, side_x, side_cols);
		}
		draw_focus(top, qx);
		handoff_qr_free_lines(lines, nlines);
		if (fits_below_title)
			draw_end(a, handoff_hints(a));
		else
			draw_end_beside(a, handoff_hints(a), side_x, side_cols);
		return;
	}
	if (lines) {
		int y = CONTENT_TOP;
		y = draw_block(y, x, cols, 3,
		               _("This window is too small to show the code so that it can be "
		                 "scanned."),
		               A_BOLD);
		char need[256];
		snprintf(need, sizeof need,
		         _("Make the window at least %d columns by %d lines, or "
		           "press P to save the code as an image for the slip."),
		         qcols + 2, (int)nlines + 1);
		y += draw_para(y, x, cols, 4, need, 0) + 1;
		if (a->codes.n > 1)
			draw_parts(a, y, x, cols);
		draw_focus(CONTENT_TOP, x);
	}
	handoff_qr_free_lines(lines, nlines);
	draw_end(a, handoff_hints(a));
}

static void
finish(app *a)
{
	store_error err;
	/* Nothing personal stays behind on the library PC. */
	visit_files_remove(a);
	a->slip_path[0] = a->slip_pdf[0] = a->slip_png[0] = '\0';
	if (a->db && a->draft_id > 0 && store_draft_delete(a->db, a->draft_id, &err) != 0) {
		msg_store_error(&err, a->error, sizeof a->error);
		return;
	}
	a->draft_id = 0;
	visit_stats_app_handed_off(a);
	bool any_next = false;
	for (size_t i = 0; i < form_next_count(a->form); i++)
		any_next = any_next || form_next_applies(a->ans, i);
	if (any_next) {
		app_go(a, SCR_NEXT); /* the answers stay in memory to carry over */
		return;
	}
	app_go(a, SCR_START);
	snprintf(a->notice, sizeof a->notice, "%s",
	         _("Finished. The draft was deleted from this computer."));
}

static void
handoff_key(app *a, wint_t ch, bool is_key)
{
	if (a->confirm_done) {
		a->confirm_done = false;
		if (key_is_char(ch, is_key, 'y'))
			finish(a);
		return;
	}
	if (key_is_back(ch, is_key))
		app_go(a, SCR_REVIEW);
	else if (a->codes.n > 1 && (key_is_char(ch, is_key, 'n') || (is_key && ch == KEY_RIGHT)))
		show_code(a, (a->code_shown + 1) % a->codes.n);
	else if (a->codes.n > 1 && is_key && ch == KEY_LEFT)
		show_code(a, (a->code_shown + a->codes.n - 1) % a->codes.n);
	else if (key_is_char(ch, is_key, 'p'))
		save_slip(a);
	else if (key_is_char(ch, is_key, 's'))
		make_slip(a);
	else if (key_is_char(ch, is_key, 'd') || key_is_enter(ch, is_key))
		a->confirm_done = true;
}

const screen_ops screen_handoff = {handoff_enter, handoff_draw, handoff_key, NULL};
