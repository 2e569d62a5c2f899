/*
 * One question per screen: the question in the resident's language with the
 * official Japanese term beside it, help with an example, and the answer
 * (typed, one choice, or several). Enter validates and saves before the
 * next screen appears; a wrong answer stays on screen with an error that
 * says how to fix it.
 */
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/i18n.h"
#include "tui/keys.h"
#include "tui/messages.h"
#include "tui/values.h"

#include <stdio.h>
#include <string.h>

static const field *
current(const app *a)
{
	return form_field_at(a->form, (size_t)a->field);
}

static bool
is_list(const field *fld)
{
	return field_kind(fld) == FIELD_CHOICE || field_kind(fld) == FIELD_MULTI;
}

static void
question_enter(app *a)
{
	const field *fld = current(a);
	const char *v = answers_get(a->ans, field_id(fld));
	memset(a->multi_on, 0, sizeof a->multi_on);
	a->choice_sel = 0;
	textinput_set(&a->input, "");
	a->input.secret = false;

	if (field_kind(fld) == FIELD_CHOICE) {
		int i = v ? value_choice_index(fld, v) : -1;
		a->choice_sel = i < 0 ? 0 : i;
	} else if (field_kind(fld) == FIELD_MULTI) {
		char ids[1024];
		snprintf(ids, sizeof ids, "%s", v ? v : "");
		char *save = NULL;
		for (char *t = strtok_r(ids, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
			int i = value_choice_index(fld, t);
			if (i >= 0 && i < MAX_MULTI)
				a->multi_on[i] = true;
		}
	} else {
		textinput_set(&a->input, v);
	}
}

/* "Question 3 of 11", counting only the questions that apply. */
static void
progress(const app *a, int *pos, int *total)
{
	*pos = *total = 0;
	for (int i = form_next_field(a->ans, -1); i >= 0; i = form_next_field(a->ans, i)) {
		(*total)++;
		if (i <= a->field)
			*pos = *total;
	}
}

static int
draw_choices(app *a, const field *fld, int y, int x, int cols)
{
	int n = (int)field_choice_count(fld);
	int rows = CONTENT_BOTTOM - y + 1;
	if (rows < 1)
		rows = 1;
	int first = a->choice_sel - rows + 1;
	if (first < 0)
		first = 0;
	for (int i = first; i < n && i < first + rows; i++) {
		char label[512], item[640];
		bilingual(field_choice_label(fld, (size_t)i), field_choice_term(fld, (size_t)i), label,
			  sizeof label);
		const char *mark;
		if (field_kind(fld) == FIELD_MULTI)
			mark = a->multi_on[i] ? "[x]" : "[ ]";
		else
			mark = i == a->choice_sel ? "(•)" : "( )";
		if (!a->utf8 && field_kind(fld) == FIELD_CHOICE)
			mark = i == a->choice_sel ? "(*)" : "( )";
		snprintf(item, sizeof item, "%s %s %d. %s", i == a->choice_sel ? ">" : " ", mark, i + 1,
			 label);
		draw_str(y, x, cols, item, i == a->choice_sel ? A_REVERSE | A_BOLD : 0);
		if (i == a->choice_sel)
			draw_focus(y, x);
		y++;
	}
	return y;
}

static void
question_draw(app *a)
{
	const field *fld = current(a);
	char title[512], line[1024];
	bilingual(form_label(a->form), form_title(a->form), title, sizeof title);
	if (!draw_begin(a, title))
		return;
	int x = content_x(), cols = content_cols(), y = CONTENT_TOP, pos, total;

	progress(a, &pos, &total);
	snprintf(line, sizeof line, _("Question %d of %d"), pos, total);
	if (field_section(fld)) {
		size_t len = strlen(line);
		snprintf(line + len, sizeof line - len, "  ·  %s", _(field_section(fld)));
	}
	y += draw_para(y, x, cols, 1, line, 0) + 1;

	y += draw_para(y, x, cols, 3, _(field_label(fld)), A_BOLD);
	if (field_term(fld) && *field_term(fld)) {
		snprintf(line, sizeof line, "［%s］", field_term(fld));
		y += draw_para(y, x, cols, 1, line, 0);
	}
	if (!field_required_now(a->ans, fld))
		y += draw_para(y, x, cols, 1, _("(optional)"), 0);
	y++;
	if (field_help(fld))
		y += draw_para(y, x, cols, 4, _(field_help(fld)), 0) + 1;

	const char *hints;
	if (is_list(fld)) {
		draw_choices(a, fld, y, x, cols);
		hints = field_kind(fld) == FIELD_MULTI
				? _("↑↓ move   Space: tick or untick   Enter: next   Esc: back   F10: save and stop")
				: _("↑↓ choose   Enter: next   Esc: back   F10: save and stop");
	} else {
		draw_input(y, x, cols < 60 ? cols : 60, &a->input);
		const char *v = answers_get(a->ans, field_id(fld));
		if (field_kind(fld) == FIELD_DATE && v && strcmp(v, a->input.buf) == 0) {
			char shown[256];
			value_display(fld, v, shown, sizeof shown);
			draw_str(y + 1, x, cols, shown, 0);
		}
		if (field_prefill(fld) && v && y + 3 <= CONTENT_BOTTOM)
			draw_para(y + 3, x, cols, 2,
				  _("Filled in for you: please check it with the resident."), 0);
		hints = _("Enter: next   Esc: back   F10: save and stop");
	}
	draw_end(a, hints);
}

/* The answer as the engine takes it: typed text, a choice id, or ids. */
static void
collect(const app *a, const field *fld, char *out, size_t n)
{
	out[0] = '\0';
	if (field_kind(fld) == FIELD_CHOICE) {
		if (field_choice_count(fld) > 0)
			snprintf(out, n, "%s", field_choice_id(fld, (size_t)a->choice_sel));
	} else if (field_kind(fld) == FIELD_MULTI) {
		for (size_t i = 0; i < field_choice_count(fld) && i < MAX_MULTI; i++) {
			if (!a->multi_on[i])
				continue;
			size_t len = strlen(out);
			snprintf(out + len, n - len, "%s%s", len ? " " : "", field_choice_id(fld, i));
		}
	} else {
		snprintf(out, n, "%s", a->input.buf);
	}
}

static void
go_to(app *a, int index)
{
	a->field = index;
	app_save(a); /* the position, so a resumed draft opens here */
	app_go(a, SCR_QUESTION);
}

static void
submit(app *a)
{
	const field *fld = current(a);
	char value[TEXTINPUT_MAX + 64];
	answer_error err;
	collect(a, fld, value, sizeof value);
	if (answers_set(a->ans, field_id(fld), value, &err) != ANSWER_OK) {
		msg_answer_error(fld, &err, a->error, sizeof a->error);
		return;
	}
	int next = form_next_field(a->ans, a->field);
	if (a->from_review || next < 0) {
		a->from_review = false;
		app_save(a);
		app_go(a, SCR_REVIEW);
		return;
	}
	go_to(a, next);
}

/* Back keeps what was typed when it is a valid answer: nothing typed is
 * thrown away by moving around. */
static void
back(app *a)
{
	const field *fld = current(a);
	char value[TEXTINPUT_MAX + 64];
	answer_error err;
	collect(a, fld, value, sizeof value);
	if (value[0])
		answers_set(a->ans, field_id(fld), value, &err);
	if (a->from_review) {
		a->from_review = false;
		app_save(a);
		app_go(a, SCR_REVIEW);
		return;
	}
	int prev = form_prev_field(a->ans, a->field);
	if (prev < 0) {
		app_save(a);
		app_go(a, SCR_START);
		snprintf(a->notice, sizeof a->notice, "%s",
			 _("The answers are saved as a draft. Choose it below to go on."));
		return;
	}
	go_to(a, prev);
}

static void
question_key(app *a, wint_t ch, bool is_key)
{
	const field *fld = current(a);
	if (key_is_enter(ch, is_key)) {
		submit(a);
		return;
	}
	if (key_is_back(ch, is_key)) {
		back(a);
		return;
	}
	if (is_key && ch == KEY_F(10)) {
		app_save(a);
		app_go(a, SCR_START);
		snprintf(a->notice, sizeof a->notice, "%s",
			 _("The answers are saved as a draft. Choose it below to go on."));
		return;
	}
	if (is_list(fld)) {
		int n = (int)field_choice_count(fld);
		if (key_move(ch, is_key, &a->choice_sel, n))
			return;
		if (!is_key && ch >= '1' && ch <= '9' && (int)(ch - '1') < n) {
			a->choice_sel = (int)(ch - '1');
			if (field_kind(fld) == FIELD_MULTI && a->choice_sel < MAX_MULTI)
				a->multi_on[a->choice_sel] = !a->multi_on[a->choice_sel];
			return;
		}
		if (!is_key && ch == ' ' && field_kind(fld) == FIELD_MULTI && a->choice_sel < MAX_MULTI)
			a->multi_on[a->choice_sel] = !a->multi_on[a->choice_sel];
		return;
	}
	if (textinput_key(&a->input, ch, is_key))
		a->error[0] = '\0';
}

const screen_ops screen_question = {question_enter, question_draw, question_key, NULL};
