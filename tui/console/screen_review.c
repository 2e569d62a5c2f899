/*
 * Check your answers: every question that applies with its answer; Enter on
 * a row changes it and comes back here; the last row makes the handoff
 * code once every required question is answered.
 */
#include "tui/console/app.h"
#include "tui/console/draw.h"
#include "tui/console/theme.h"
#include "tui/i18n.h"
#include "tui/console/keys.h"
#include "tui/console/steps.h"
#include "tui/values.h"
#include "tui/width.h"

#include <stdio.h>
#include <string.h>

enum { MAX_ROWS = 512 };

static void
review_draw(app *a)
{
	char title[512];
	bilingual(form_label(a->form), form_title(a->form), title, sizeof title);
	if (!draw_begin(a, title))
		return;
	int x = content_x(), cols = content_cols(), y = CONTENT_TOP;
	static form_step idx[MAX_ROWS];
	int n = step_list(a->ans, idx, MAX_ROWS);

	y += draw_para(y, x, cols, 2, _("Check your answers"), A_BOLD);
	y = draw_block(y, x, cols, 2, _("Choose a line and press Enter to change it."), 0);

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
		const field *fld = form_field_at(a->form, (size_t)idx[r].field);
		const char *v = answers_get_at(a->ans, field_id(fld), idx[r].instance);
		char shown[1024], label[512], line[900], who[256];
		bool sel = r == a->sel;
		attr_t at = sel ? theme_attr(ROLE_SELECTED) : A_BOLD;
		bilingual(field_label(fld), field_term(fld), label, sizeof label);
		step_instance_title(a->form, &idx[r], who, sizeof who);
		if (who[0])
			snprintf(line, sizeof line, "%s %s — %s", sel ? ">" : " ", who, label);
		else
			snprintf(line, sizeof line, "%s %s", sel ? ">" : " ", label);
		if (sel) {
			attrset(theme_attr(ROLE_SELECTED));
			mvhline(y, x, ' ', cols);
			attrset(A_NORMAL);
			draw_focus(y, x);
		}
		draw_str_marked(a, y, x, cols, line, at);
		draw_item_row(y, r);
		draw_item_row(y + 1, r);
		if (v)
			value_display(fld, v, shown, sizeof shown);
		else
			snprintf(shown, sizeof shown, "%s",
			         field_required_now_at(a->ans, fld, idx[r].instance)
			                 ? _("(not answered yet)")
			                 : _("(no answer)"));
		draw_str_marked(a, y + 1, x + 4, cols - 4, shown,
		                !v && field_required_now_at(a->ans, fld, idx[r].instance)
		                        ? A_UNDERLINE
		                        : 0);
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
	draw_end(a, _("↑↓ choose   Enter: change or finish   F10: save and stop"));
}

static void
review_key(app *a, wint_t ch, bool is_key)
{
	static form_step idx[MAX_ROWS];
	int n = step_list(a->ans, idx, MAX_ROWS);
	if (key_move(ch, is_key, &a->sel, n + 1))
		return;
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
	if (key_is_back(ch, is_key)) {
		form_step last;
		if (form_step_prev(a->ans, NULL, &last))
			app_go_step(a, &last);
		return;
	}
	if (!key_is_enter(ch, is_key))
		return;
	if (a->sel < n) {
		a->step = idx[a->sel];
		a->from_review = true;
		a->review_edited = true;
		app_go(a, SCR_QUESTION);
		return;
	}
	form_step missing;
	if (!answers_complete_step(a->ans, &missing)) {
		for (int r = 0; r < n; r++)
			if (step_equal(&idx[r], &missing))
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
	static form_step idx[MAX_ROWS];
	a->review_scroll = 0;
	if (a->review_edited) {
		int n = step_list(a->ans, idx, MAX_ROWS);
		for (int r = 0; r < n; r++)
			if (step_equal(&idx[r], &a->step))
				a->sel = r;
	}
	a->review_edited = false;
	app_save(a);
}

const screen_ops screen_review = {review_enter, review_draw, review_key, NULL};
