/*
 * Check your answers: every question that applies with its answer, a mark
 * saying where the answers the resident did not type came from, and per
 * household list an "Add a person" row. Enter on a row changes it (or adds
 * the person) and comes back here; R on a person's row removes that person
 * after a Y/N question; the last row makes the handoff code once every
 * required question is answered.
 */
#include "tui/console/app.h"
#include "tui/console/draw.h"
#include "tui/console/theme.h"
#include "tui/i18n.h"
#include "tui/console/keys.h"
#include "tui/console/sources.h"
#include "tui/console/steps.h"
#include "tui/values.h"
#include "tui/width.h"

#include <stdio.h>
#include <string.h>

enum { MAX_ROWS = 512 };

/* The rows: every step, the add-another steps included; on the review an
 * add-another step is the list's "Add a person" row. */
static int
rows_build(const answers *ans, form_step *out, int max)
{
	form_step s;
	int n = 0;
	for (bool ok = form_step_next(ans, NULL, &s); ok && n < max;
	     ok = form_step_next(ans, &s, &s))
		out[n++] = s;
	return n;
}

/* Whether any answer shown has a source mark: the legend is shown then. */
static bool
any_marked(const app *a, const form_step *rows, int n)
{
	for (int r = 0; r < n; r++)
		if (!rows[r].add_another &&
		    source_mark(answers_source_at(
		            a->ans, field_id(form_field_at(a->form, (size_t)rows[r].field)),
		            rows[r].instance))[0])
			return true;
	return false;
}

/* The person of a row by their answer: the first text answer of the
 * instance (their name), else "Person moving 2". */
static void
person_name(const app *a, const form_step *s, char *buf, size_t n)
{
	const form_repeat *r = form_repeat_by_id(a->form, s->repeat_id);
	for (size_t i = 0; r && i < repeat_field_count(r); i++) {
		const field *fld = repeat_field_at(r, i);
		const char *v = answers_get_at(a->ans, field_id(fld), s->instance);
		if (field_kind(fld) == FIELD_TEXT && v) {
			snprintf(buf, n, "%s", v);
			return;
		}
	}
	step_instance_title(a->form, s, buf, n);
}

/* The two lines of an "Add a person" row. */
static void
draw_add_row(app *a, const form_step *s, bool sel, int y, int x, int cols)
{
	const form_repeat *r = form_repeat_by_id(a->form, s->repeat_id);
	char what[512], add[600], line[700];
	bilingual(repeat_label(r), repeat_term(r), what, sizeof what);
	/* L10N: a row of Check your answers that adds one more person to a
	   household list; %s is what one entry is, "Person moving（異動者）". */
	snprintf(add, sizeof add, _("+ Add a person: %s"), what);
	snprintf(line, sizeof line, "%s %s", sel ? ">" : " ", add);
	draw_str_marked(a, y, x, cols, line, sel ? theme_attr(ROLE_SELECTED) : A_BOLD);
	draw_str(y + 1, x + 4, cols - 4,
	         _("Their questions are asked one after another; their card can be read."), 0);
}

static void
draw_answer_row(app *a, const form_step *s, bool sel, int y, int x, int cols)
{
	const field *fld = form_field_at(a->form, (size_t)s->field);
	const char *v = answers_get_at(a->ans, field_id(fld), s->instance);
	char shown[1024], label[512], line[900], who[256];
	bool missing = !v && field_required_now_at(a->ans, fld, s->instance);
	bilingual(field_label(fld), field_term(fld), label, sizeof label);
	step_instance_title(a->form, s, who, sizeof who);
	if (who[0])
		snprintf(line, sizeof line, "%s %s — %s", sel ? ">" : " ", who, label);
	else
		snprintf(line, sizeof line, "%s %s", sel ? ">" : " ", label);
	draw_str_marked(a, y, x, cols, line, sel ? theme_attr(ROLE_SELECTED) : A_BOLD);
	/* the source column: one mark before the answer */
	draw_str(y + 1, x + 1, 2,
	         source_mark(answers_source_at(a->ans, field_id(fld), s->instance)), A_BOLD);
	if (v)
		value_display(fld, v, shown, sizeof shown);
	else
		snprintf(shown, sizeof shown, "%s",
		         missing ? _("(not answered yet)") : _("(no answer)"));
	draw_str_marked(a, y + 1, x + 4, cols - 4, shown, missing ? A_UNDERLINE : 0);
}

static void
review_draw(app *a)
{
	char title[512];
	bilingual(form_label(a->form), form_title(a->form), title, sizeof title);
	if (!draw_begin(a, title))
		return;
	int x = content_x(), cols = content_cols(), y = CONTENT_TOP, ask_y = -1;
	static form_step rows[MAX_ROWS];
	int n = rows_build(a->ans, rows, MAX_ROWS);

	y += draw_para(y, x, cols, 2, _("Check your answers"), A_BOLD);
	if (a->review_confirm_remove && a->sel < n) {
		char who[512], ask[700];
		person_name(a, &rows[a->sel], who, sizeof who);
		/* L10N: asked before a person is removed from a household list on
		   Check your answers; %s is the person's name as answered. */
		snprintf(ask, sizeof ask, _("Remove %s from the list? Y/N"), who);
		ask_y = y;
		y = draw_block(y, x, cols, 2, ask, A_BOLD);
	} else if (form_repeat_count(a->form) > 0) {
		y = draw_block(y, x, cols, 2,
		               _("Choose a line and press Enter to change it. R on a person's line "
		                 "removes that person."),
		               0);
	} else {
		y = draw_block(y, x, cols, 2, _("Choose a line and press Enter to change it."), 0);
	}
	if (any_marked(a, rows, n)) /* under the sentence above, with no blank line */
		y = draw_block(y - 1, x, cols, 2, source_legend(), 0);

	/* Two rows an answer: the question, then the answer under it, so
	 * neither is cut short. One row is kept for the finish line. */
	int visible = (CONTENT_BOTTOM - y - 1) / 2;
	if (visible < 1)
		visible = 1;
	if (a->sel < a->review_scroll)
		a->review_scroll = a->sel;
	if (a->sel >= a->review_scroll + visible)
		a->review_scroll = a->sel - visible + 1;
	if (a->review_scroll < 0)
		a->review_scroll = 0;

	for (int r = a->review_scroll; r < n && r < a->review_scroll + visible; r++) {
		bool sel = r == a->sel;
		if (sel) {
			attrset(theme_attr(ROLE_SELECTED));
			mvhline(y, x, ' ', cols);
			attrset(A_NORMAL);
			draw_focus(y, x);
		}
		draw_item_row(y, r);
		draw_item_row(y + 1, r);
		if (rows[r].add_another)
			draw_add_row(a, &rows[r], sel, y, x, cols);
		else
			draw_answer_row(a, &rows[r], sel, y, x, cols);
		y += 2;
	}
	if (a->review_scroll + visible < n)
		draw_str(y, x + 4, cols - 4, _("(more below: ↓)"), 0);
	y = CONTENT_BOTTOM;
	char finish[256];
	snprintf(finish, sizeof finish, "%s %s", a->sel == n ? ">" : " ",
	         _("Everything is right: make the handoff code"));
	draw_str(y, x, cols, finish, a->sel == n ? theme_attr(ROLE_SELECTED) : A_BOLD);
	draw_item_row(y, n);
	if (a->sel == n)
		draw_focus(y, x);
	if (ask_y >= 0) {
		draw_focus(ask_y, x); /* the question is what a screen reader reads */
		draw_end(a, _("Y: yes, remove   N: no, keep"));
	} else if (form_repeat_count(a->form) == 0) {
		draw_end(a, _("↑↓ choose   Enter: change or finish   F10: save and stop"));
	} else {
		draw_end(a,
		         _("↑↓ choose   Enter: change or finish   R: remove a person   F10: save "
		           "and stop"));
	}
}

/* R on a person's row: asks first, unless the list may not get shorter. */
static void
ask_remove(app *a, const form_step *s)
{
	const form_repeat *r = form_repeat_by_id(a->form, s->repeat_id);
	int min = repeat_min(r);
	if (answers_repeat_count(a->ans, s->repeat_id) <= min) {
		snprintf(a->error, sizeof a->error,
		         /* L10N: %d is the smallest number of entries the form allows. */
		         ngettext("This list needs at least %d person, so this one cannot be "
		                  "removed.",
		                  "This list needs at least %d people, so this one cannot be "
		                  "removed.",
		                  min),
		         min);
		return;
	}
	a->review_confirm_remove = true;
}

/* Y: the person goes, the draft is saved, the cursor stays in place. */
static void
remove_person(app *a, const form_step *s)
{
	char who[512];
	person_name(a, s, who, sizeof who);
	a->review_confirm_remove = false;
	if (!answers_repeat_remove(a->ans, s->repeat_id, s->instance))
		return;
	app_save(a);
	/* L10N: %s is the name of the person just removed from a household list. */
	snprintf(a->notice, sizeof a->notice, _("%s was removed from the list."), who);
}

static void
review_key(app *a, wint_t ch, bool is_key)
{
	static form_step rows[MAX_ROWS];
	int n = rows_build(a->ans, rows, MAX_ROWS);
	if (a->review_confirm_remove) {
		if (key_is_char(ch, is_key, 'y') && a->sel < n)
			remove_person(a, &rows[a->sel]);
		else if (key_is_char(ch, is_key, 'n') || key_is_back(ch, is_key))
			a->review_confirm_remove = false;
		return;
	}
	if (key_move(ch, is_key, &a->sel, n + 1)) {
		a->error[0] = a->notice[0] = '\0';
		return;
	}
	if (is_key && ch == KEY_F(10)) {
		if (app_save(a) != 0) {
			snprintf(
			        a->error, sizeof a->error,
			        _("The answers could not be saved, so they stay on this screen: %s "
			          "Press F10 to try again."),
			        a->save_problem);
			return;
		}
		app_stop_saved(a);
		return;
	}
	if ((key_is_char(ch, is_key, 'r') || (is_key && ch == KEY_DC)) && a->sel < n &&
	    rows[a->sel].repeat_id && !rows[a->sel].add_another) {
		ask_remove(a, &rows[a->sel]);
		return;
	}
	if (key_is_back(ch, is_key)) {
		form_step last;
		if (form_step_prev(a->ans, NULL, &last))
			app_go_step(a, &last);
		return;
	}
	if (!key_is_enter(ch, is_key))
		return;
	if (a->sel < n && rows[a->sel].add_another) {
		/* the person's questions one after another, then back here */
		a->review_adding = true;
		a->from_review = false;
		app_go_step(a, &rows[a->sel]);
		return;
	}
	if (a->sel < n) {
		a->step = rows[a->sel];
		a->from_review = true;
		a->review_edited = true;
		app_go(a, SCR_QUESTION);
		return;
	}
	form_step missing;
	if (!answers_complete_step(a->ans, &missing)) {
		for (int r = 0; r < n; r++)
			if (step_equal(&rows[r], &missing))
				a->sel = r;
		snprintf(a->error, sizeof a->error, "%s",
		         _("This question still needs an answer: press Enter to answer it."));
		return;
	}
	app_go(a, SCR_HANDOFF);
}

/* Back from changing an answer, the cursor is on that answer's row, not
 * at the top: checking a long list goes on where it was. */
static void
review_enter(app *a)
{
	static form_step rows[MAX_ROWS];
	a->review_scroll = 0;
	a->review_confirm_remove = false;
	if (a->review_edited) {
		int n = rows_build(a->ans, rows, MAX_ROWS);
		for (int r = 0; r < n; r++)
			if (step_equal(&rows[r], &a->step))
				a->sel = r;
	}
	a->review_edited = false;
	app_save(a);
}

const screen_ops screen_review = {review_enter, review_draw, review_key, NULL};
