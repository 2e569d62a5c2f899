/*
 * One question per screen: the question in the resident's language with the
 * official Japanese term beside it, help with an example, and the answer
 * (typed, one choice, or several). Enter validates and saves before the
 * next screen appears; a wrong answer stays on screen with an error that
 * says how to fix it. Inside a household list the screen says whose turn
 * it is, and after each person asks whether there is another.
 */
#include "tui/console/app.h"
#include "tui/console/draw.h"
#include "tui/console/theme.h"
#include "tui/i18n.h"
#include "tui/console/keys.h"
#include "tui/console/sources.h"
#include "tui/messages.h"
#include "tui/console/steps.h"
#include "tui/entry.h"
#include "tui/reading.h"
#include "tui/values.h"
#include "tui/width.h"

#include <stdio.h>
#include <string.h>

/* A text field with <pick>s shows them as a list, and a box once the
 * resident chose to type another answer. */
static bool
picks_shown(const app *a, const field *fld)
{
	return fld && field_pick_count(fld) > 0 && !a->pick_typing;
}

static bool
is_list(const app *a, const field *fld)
{
	return !fld || field_kind(fld) == FIELD_CHOICE || field_kind(fld) == FIELD_MULTI ||
	       picks_shown(a, fld);
}

/* An unanswered reading (フリガナ) starts as the reading of the name it
 * belongs to, for the resident to confirm or correct. */
static void
suggest_reading(app *a, const field *fld, const char *v)
{
	a->suggestion_start = false;
	reading_kind k = v ? READING_NONE
	                   : reading_suggest_for(a->ans, fld, a->step.instance, a->suggestion,
	                                         sizeof a->suggestion);
	if (k != READING_NONE)
		textinput_set(&a->input, a->suggestion);
	a->suggestion_start = k == READING_START;
}

/* A household's next person often shares the family name: their name
 * starts as the person before's family name, for the resident to finish
 * (the form says where: offer-family-name). */
static void
offer_family_name(app *a, const field *fld, const char *v)
{
	const char *prev = a->step.instance > 0 && field_offers_family_name(fld)
	                           ? answers_get_at(a->ans, field_id(fld), a->step.instance - 1)
	                           : NULL;
	if (v || !prev)
		return;
	size_t len = name_family_len(prev);
	if (len > 0 && len < sizeof a->suggestion) {
		snprintf(a->suggestion, sizeof a->suggestion, "%.*s", (int)len, prev);
		textinput_set(&a->input, a->suggestion);
	}
}

static void
question_enter(app *a)
{
	const field *fld = app_current_field(a);
	a->suggestion[0] = '\0';
	memset(a->multi_on, 0, sizeof a->multi_on);
	a->choice_sel = 0;
	a->pick_typing = false;
	a->choice_typed = 0;
	list_search_reset(&a->search);
	textinput_set(&a->input, "");
	a->input.secret = false;
	if (!fld) {
		/* "No": adding is a decision, not the default; but "Add a person"
		 * on the review already was that decision */
		a->choice_sel = a->review_adding ? 0 : 1;
		return;
	}
	const char *v = answers_get_at(a->ans, field_id(fld), a->step.instance);
	if (field_kind(fld) == FIELD_CHOICE) {
		/* nothing is picked for the resident: Enter alone must not declare,
		 * say, a move abroad. The answer given, else the form's default. */
		if (!v)
			v = field_default(fld);
		a->choice_sel = v ? field_choice_index(fld, v) : -1;
	} else if (field_kind(fld) == FIELD_MULTI) {
		for (size_t i = 0; v && i < field_choice_count(fld) && i < MAX_MULTI; i++)
			a->multi_on[i] = field_multi_has(fld, v, i);
	} else if (field_pick_count(fld) > 0 && (!v || field_pick_index(fld, v) >= 0)) {
		/* nothing picked for the resident until they pick, as on a choice */
		a->choice_sel = field_pick_index(fld, v);
	} else {
		a->pick_typing = field_pick_count(fld) > 0; /* an answer not on the list */
		textinput_set(&a->input, v);
		suggest_reading(a, fld, v);
		offer_family_name(a, fld, v);
		if (!v && field_latin_of(fld) &&
		    latin_suggest_for(a->ans, fld, a->step.instance, a->suggestion,
		                      sizeof a->suggestion))
			textinput_set(&a->input, a->suggestion);
		else if (!v && field_suggest_for(a->ans, fld, a->step.instance, a->suggestion,
		                                 sizeof a->suggestion))
			textinput_set(&a->input, a->suggestion); /* the form's <suggest> */
	}
}

static int
choice_count(const field *fld)
{
	if (fld && field_pick_count(fld) > 0)
		return (int)field_pick_count(fld) + 1; /* and "another answer" */
	return fld ? (int)field_choice_count(fld) : 2;
}

static void
choice_label(const field *fld, int i, char *buf, size_t n)
{
	if (fld && field_pick_count(fld) > 0 && (size_t)i == field_pick_count(fld))
		snprintf(buf, n, "%s", _("Something else: type it"));
	else if (fld && field_pick_count(fld) > 0)
		bilingual(field_pick_label(fld, (size_t)i), field_pick_term(fld, (size_t)i), buf,
		          n);
	else if (fld)
		bilingual(field_choice_label(fld, (size_t)i), field_choice_term(fld, (size_t)i),
		          buf, n);
	else
		snprintf(buf, n, "%s", i == 0 ? _("Yes, add another") : _("No, that is everyone"));
}

/* A choice's label wraps under itself, never cut: up to this many rows. */
#define CHOICE_ROWS 3

/* "> (•) 3. " before the label of choice i. */
static void
choice_prefix(const app *a, const field *fld, int i, char *buf, size_t n)
{
	const char *mark;
	if (fld && field_kind(fld) == FIELD_MULTI)
		mark = a->multi_on[i] ? "[x]" : "[ ]";
	else if (a->utf8)
		mark = i == a->choice_sel ? "(•)" : "( )";
	else
		mark = i == a->choice_sel ? "(*)" : "( )";
	snprintf(buf, n, "%s %s %d. ", i == a->choice_sel ? ">" : " ", mark, i + 1);
}

static int
choice_rows(const app *a, const field *fld, int i, int cols)
{
	char label[512], prefix[32];
	choice_label(fld, i, label, sizeof label);
	choice_prefix(a, fld, i, prefix, sizeof prefix);
	int rows = width_wrapped_lines(label, cols - width_str(prefix));
	return rows < 1 ? 1 : rows > CHOICE_ROWS ? CHOICE_ROWS : rows;
}

static void
draw_choices(app *a, const field *fld, int y, int x, int cols)
{
	int n = choice_count(fld);
	int bottom = CONTENT_BOTTOM;
	if (bottom < y)
		bottom = y;
	/* a list longer than the room (the 36 statuses of residence on 80x24)
	 * scrolls with the selection, and its last row says there is more */
	int all = 0;
	for (int i = 0; i < n; i++)
		all += choice_rows(a, fld, i, cols);
	bool scrolls = all > bottom - y + 1 && bottom > y;
	if (scrolls)
		bottom--;
	/* the first choice shown: as early as keeps the selected one whole */
	int first = 0, used = 0, i;
	for (i = 0; i <= a->choice_sel && i < n; i++)
		used += choice_rows(a, fld, i, cols);
	while (first < a->choice_sel && used > bottom - y + 1)
		used -= choice_rows(a, fld, first++, cols);
	for (i = first; i < n && y <= bottom; i++) {
		char label[512], prefix[32];
		choice_label(fld, i, label, sizeof label);
		choice_prefix(a, fld, i, prefix, sizeof prefix);
		attr_t attr = i == a->choice_sel ? theme_attr(ROLE_SELECTED) : 0;
		int max = bottom - y + 1 < CHOICE_ROWS ? bottom - y + 1 : CHOICE_ROWS;
		int rows = draw_list_line(y, x, cols, max, prefix, label, attr, i);
		/* the terminal's cursor on the chosen line, else on the first, where
		 * screen readers and braille displays start reading the list */
		if (i == a->choice_sel || (a->choice_sel < 0 && i == first))
			draw_focus(y, x);
		y += rows;
	}
	if (scrolls)
		draw_str(bottom + 1, x, cols, draw_more_hint(first > 0, i < n), 0);
}

/* Whether the people of this list can be filled in from their cards. */
static bool
repeat_takes_cards(const app *a)
{
	return app_repeat_takes_cards(form_repeat_by_id(a->form, a->step.repeat_id));
}

/* The add-another question: "Is there another person moving?" */
static int
draw_add_another(app *a, int y, int x, int cols)
{
	const form_repeat *r = form_repeat_by_id(a->form, a->step.repeat_id);
	char line[512];
	int count = answers_repeat_count(a->ans, a->step.repeat_id);
	if (r && repeat_another(r))
		y += draw_para(y, x, cols, 3, F_(repeat_another(r)), A_BOLD);
	else
		y += draw_para(y, x, cols, 3, _("Is there another one to add?"), A_BOLD);
	if (r) {
		snprintf(line, sizeof line,
		         ngettext("%d %s so far（%s）", "%d %s so far（%s）", count), count,
		         F_(repeat_label(r)), repeat_term(r));
		y += draw_para(y, x, cols, 2, line, 0);
	}
	return y + 1;
}

static void
question_draw(app *a)
{
	const field *fld = app_current_field(a);
	char title[512], line[1024];
	bilingual(form_label(a->form), form_title(a->form), title, sizeof title);
	if (!draw_begin(a, title))
		return;
	int x = content_x(), cols = content_cols(), y = CONTENT_TOP, pos, total;

	step_progress(a->ans, &a->step, &pos, &total);
	snprintf(line, sizeof line, _("Question %d of %d"), pos, total);
	char who[256];
	step_instance_title(a->form, &a->step, who, sizeof who);
	if (who[0] || (fld && field_section(fld))) {
		size_t len = strlen(line);
		snprintf(line + len, sizeof line - len, "  ·  %s",
		         who[0] ? who : F_(field_section(fld)));
	}
	/* two rows: a long name or section after the count wraps, never cut */
	y = draw_block(y, x, cols, 2, line, 0);

	if (!fld) {
		y = draw_add_another(a, y, x, cols);
		draw_choices(a, NULL, y, x, cols);
		if (repeat_takes_cards(a))
			draw_end(a, _("↑↓ choose   Enter: next   C: read the next person's card   "
			              "Esc: back"));
		else
			draw_end(a, _("↑↓ choose   Enter: next   Esc: back   F10: save and stop"));
		return;
	}
	y += draw_para(y, x, cols, 3, F_(field_label(fld)), A_BOLD);
	if (field_term(fld) && *field_term(fld)) {
		snprintf(line, sizeof line, "［%s］", field_term(fld));
		y += draw_para(y, x, cols, 1, line, 0);
	}
	if (!field_required_now_at(a->ans, fld, a->step.instance))
		y += draw_para(y, x, cols, 1, _("(optional)"), 0);
	y++;
	if (field_help(fld))
		y = draw_block(y, x, cols, 4, F_(field_help(fld)), 0);

	const char *hints;
	/* where a value the resident did not type came from; gone once changed */
	const char *note = source_note(answers_source_at(a->ans, field_id(fld), a->step.instance));
	if (note && a->card_fix_pending && step_equal(&a->step, &a->card_fix_step))
		note = _("From the My Number card, which the helper said is wrong here: please "
		         "correct it.");
	if (is_list(a, fld)) {
		if (note)
			y += draw_para(y, x, cols, 2, note, 0) + 1;
		draw_choices(a, fld, y, x, cols);
		hints = field_kind(fld) == FIELD_MULTI
		                ? _("↑↓ move   Space: tick or untick   Enter: next   Esc: back   "
		                    "F10: save and stop")
		        /* a long list (the 在留資格): its lines are found by letters */
		        : choice_count(fld) > 9
		                ? _("↑↓/letters: choose   Enter: next   Esc: back   F10: save and "
		                    "stop")
		                : _("↑↓ choose   Enter: next   Esc: back   F10: save and stop");
	} else {
		draw_input(y, x, cols < 60 ? cols : 60, &a->input);
		const char *v = answers_get_at(a->ans, field_id(fld), a->step.instance);
		if (field_kind(fld) == FIELD_DATE && v && strcmp(v, a->input.buf) == 0) {
			char shown[256];
			value_display(fld, v, shown, sizeof shown);
			draw_str(y + 1, x, cols, shown, 0);
		}
		if (note && y + 3 <= CONTENT_BOTTOM)
			draw_para(y + 3, x, cols, 2, note, 0);
		else if (field_postal_lookup(fld) && !a->input.buf[0] && y + 3 <= CONTENT_BOTTOM)
			draw_para(y + 3, x, cols, 2,
			          _("Or type the postal code (7 digits) and press Enter: the start "
			            "of the address is filled in."),
			          0);
		else if (field_kind(fld) == FIELD_DATE && !a->input.buf[0] &&
		         y + 3 <= CONTENT_BOTTOM)
			draw_para(y + 3, x, cols, 2, msg_date_shorthand(), 0);
		else if (a->suggestion[0] && strcmp(a->suggestion, a->input.buf) == 0 &&
		         y + 3 <= CONTENT_BOTTOM)
			draw_para(
			        y + 3, x, cols, 2,
			        /* a name offers a family name; a kana field, a reading */
			        field_offers_family_name(fld)
			                ? _("The family name of the person before is filled in: "
			                    "type "
			                    "the given name after it, or change it.")
			        : field_latin_of(fld)
			                ? _("The name as written above, in capital letters: please "
			                    "check it against the card with the resident.")
			        : field_suggest_label(fld) ? F_(field_suggest_label(fld))
			        : a->suggestion_start
			                ? _("The start of the reading is filled in from the name: "
			                    "type the rest after it, and check it with the "
			                    "resident.")
			                : _("Suggested from the name: please check the reading "
			                    "with "
			                    "the resident, and correct it if it is wrong."),
			        0);
		hints = a->pick_typing
		                ? _("Enter: next   Esc: back to the list   F10: save and stop")
		                : _("Enter: next   Esc: back   F10: save and stop");
	}
	draw_end(a, hints);
}

/* The answer as the engine takes it: typed text, a choice id, or ids. */
static void
collect(const app *a, const field *fld, char *out, size_t n)
{
	out[0] = '\0';
	if (picks_shown(a, fld)) {
		if (a->choice_sel >= 0 && (size_t)a->choice_sel < field_pick_count(fld))
			snprintf(out, n, "%s", field_pick_term(fld, (size_t)a->choice_sel));
	} else if (field_kind(fld) == FIELD_CHOICE) {
		/* none picked: empty, which the engine takes as "not answered" */
		if (a->choice_sel >= 0 && (size_t)a->choice_sel < field_choice_count(fld))
			snprintf(out, n, "%s", field_choice_id(fld, (size_t)a->choice_sel));
	} else if (field_kind(fld) == FIELD_MULTI) {
		for (size_t i = 0; i < field_choice_count(fld) && i < MAX_MULTI; i++) {
			if (!a->multi_on[i])
				continue;
			size_t len = strlen(out);
			snprintf(out + len, n - len, "%s%s", len ? " " : "",
			         field_choice_id(fld, i));
		}
	} else {
		snprintf(out, n, "%s", a->input.buf);
	}
}

static void
submit(app *a)
{
	const field *fld = app_current_field(a);
	if (!fld) {
		if (a->choice_sel == 0 &&
		    answers_repeat_add_person(a->ans, a->step.repeat_id) < 0) {
			snprintf(a->error, sizeof a->error, "%s",
			         _("No more can be added to this list."));
			return;
		}
		if (a->review_adding && a->choice_sel != 0) {
			app_review_add_done(a);
			return;
		}
		bool from_review = a->from_review;
		a->from_review = false;
		form_step next;
		/* a person added from the review whose questions all stay hidden */
		if (a->review_adding && (!form_step_next(a->ans, &a->step, &next) ||
		                         next.add_another || !step_same_person(&next, &a->step))) {
			app_review_add_done(a);
			return;
		}
		if (!form_step_next(a->ans, &a->step, &next)) {
			app_save(a);
			app_go(a, SCR_REVIEW);
			return;
		}
		if (from_review && a->choice_sel != 0) {
			app_save(a);
			app_go(a, SCR_REVIEW);
			return;
		}
		app_go_step(a, &next);
		return;
	}
	char value[TEXTINPUT_MAX + 64];
	answer_error err;
	if (picks_shown(a, fld) && (size_t)a->choice_sel == field_pick_count(fld)) {
		/* "something else": the box, to type it */
		a->pick_typing = true;
		textinput_set(&a->input, "");
		a->error[0] = '\0';
		return;
	}
	collect(a, fld, value, sizeof value);
	if (field_postal_lookup(fld) && app_postal_into_text(a, value))
		return; /* the start of the address is in the box, to finish */
	if (app_block_offer(a, fld, value))
		return; /* 5-10: 5番10号 or 5番地10, the resident chooses */
	bool was_answered = answers_get_at(a->ans, field_id(fld), a->step.instance) != NULL;
	if (entry_set(a->ans, fld, a->step.instance, value, &err) != ANSWER_OK) {
		msg_answer_error(fld, &err, a->error, sizeof a->error);
		return;
	}
	/* the choice the form offered first, taken as it was */
	if (!was_answered && field_default(fld) && strcmp(value, field_default(fld)) == 0)
		answers_mark_source_at(a->ans, field_id(fld), a->step.instance,
		                       ANSWER_SOURCE_DEFAULT);
	if (field_kind(fld) == FIELD_POSTAL && value[0] && app_postal_lookup(a, fld))
		return; /* the resident picks the town first */
	app_step_forward(a);
}

/* Keeps what was typed in the current question when it is a valid answer. */
static void
keep_typed(app *a)
{
	const field *fld = app_current_field(a);
	if (fld) {
		char value[TEXTINPUT_MAX + 64];
		answer_error err;
		collect(a, fld, value, sizeof value);
		if (value[0])
			answers_set_at(a->ans, field_id(fld), a->step.instance, value, &err);
	}
}

static void
stop_and_save(app *a)
{
	keep_typed(a); /* F10 keeps text typed but not yet confirmed */
	if (app_save(a) != 0) {
		/* Say so, and stay: leaving now would lose the answers. */
		snprintf(a->error, sizeof a->error,
		         _("The answers could not be saved, so they stay on this screen: %s Press "
		           "F10 to try again."),
		         a->save_problem);
		return;
	}
	app_stop_saved(a);
}

/* Back keeps what was typed when it is a valid answer: nothing typed is
 * thrown away by moving around. */
static void
back(app *a)
{
	keep_typed(a);
	a->card_fix_pending = false; /* the walk goes back from here as usual */
	form_step prev;
	/* adding a person from the review: back before their first question
	 * is back to the review */
	if (a->review_adding && (a->step.add_another || !form_step_prev(a->ans, &a->step, &prev) ||
	                         prev.add_another || !step_same_person(&prev, &a->step))) {
		app_review_add_done(a);
		return;
	}
	if (a->from_review) {
		a->from_review = false;
		app_save(a);
		app_go(a, SCR_REVIEW);
		return;
	}
	if (!form_step_prev(a->ans, &a->step, &prev)) {
		stop_and_save(a);
		return;
	}
	app_go_step(a, &prev);
}

static void
question_key(app *a, wint_t ch, bool is_key)
{
	const field *fld = app_current_field(a);
	if (key_is_enter(ch, is_key)) {
		submit(a);
		return;
	}
	if (key_is_back(ch, is_key) && fld && a->pick_typing) {
		/* from the box back to the list it was chosen from */
		a->pick_typing = false;
		a->choice_sel = (int)field_pick_count(fld);
		a->error[0] = '\0';
		return;
	}
	if (key_is_back(ch, is_key)) {
		back(a);
		return;
	}
	if (is_key && ch == KEY_F(10)) {
		stop_and_save(a);
		return;
	}
	if (!fld && key_is_char(ch, is_key, 'c') && repeat_takes_cards(a) && app_household_card(a))
		return;
	if (is_list(a, fld)) {
		int n = choice_count(fld);
		bool multi = fld && field_kind(fld) == FIELD_MULTI;
		/* a number picks a line, two digits one of a long list; on a
		 * multi list each digit ticks its line, as the list is short */
		int line = multi ? -1 : key_line_number(ch, is_key, &a->choice_typed, n);
		if (line >= 0) {
			a->choice_sel = line;
			return;
		}
		if (key_move(ch, is_key, &a->choice_sel, n))
			return;
		/* the first letters of a line, in any script, find it */
		if (ch != ' ' && list_search_add(&a->search, ch, is_key)) {
			for (int k = 0; k < n; k++) {
				char label[512];
				choice_label(fld, k, label, sizeof label);
				if (list_search_matches(&a->search, label)) {
					a->choice_sel = k;
					break;
				}
			}
			return;
		}
		if (multi && !is_key && ch >= '1' && ch <= '9' && (int)(ch - '1') < n) {
			a->choice_sel = (int)(ch - '1');
			if (a->choice_sel < MAX_MULTI)
				a->multi_on[a->choice_sel] = !a->multi_on[a->choice_sel];
			return;
		}
		if (!is_key && ch == ' ' && multi && a->choice_sel < MAX_MULTI)
			a->multi_on[a->choice_sel] = !a->multi_on[a->choice_sel];
		return;
	}
	if (textinput_key(&a->input, ch, is_key))
		a->error[0] = '\0';
}

const screen_ops screen_question = {question_enter, question_draw, question_key, NULL};
