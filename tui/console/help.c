/* The help texts (see help.h). */
#include "tui/console/help.h"
#include "tui/console/steps.h"
#include "tui/i18n.h"
#include "tui/values.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void
add(help_doc *d, bool heading, const char *fmt, ...)
{
	if (d->n >= HELP_MAX_PARAS)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(d->para[d->n].text, sizeof d->para[d->n].text, fmt, ap);
	va_end(ap);
	d->para[d->n].heading = heading;
	d->n++;
}

/* One line of a list: its Japanese term and what it means; nothing when
 * the translation is the term itself (Japanese), which says nothing more. */
static void
add_term_meaning(help_doc *d, const char *term, const char *label)
{
	if (!term || !*term || strcmp(F_(label), term) == 0)
		return;
	/* L10N: one choice: its Japanese term on the paper form, then what it means. */
	add(d, false, _("「%s」 means: %s"), term, F_(label));
}

/* How to give this kind of answer with the keys. */
static const char *
answer_keys(const field *fld)
{
	if (field_pick_count(fld))
		return _("Choose one line with the arrow keys or its number, then press Enter. If "
		         "the answer is not in the list, choose the last line and type it.");
	switch (field_kind(fld)) {
	case FIELD_CHOICE:
		return _("Choose one line with the arrow keys or its number, then press Enter.");
	case FIELD_MULTI:
		return _("Tick every line that applies with Space (or its number), then press "
		         "Enter.");
	default:
		return _("Type the answer in the box, then press Enter. What you typed stays while "
		         "this help is open.");
	}
}

static void
what_next(const app *a, const form_step *st, help_doc *d)
{
	int pos, total;
	step_progress(a->ans, st, &pos, &total);
	int left = total - pos;
	/* L10N: a heading in the help of a question */
	add(d, true, "%s", _("What happens next"));
	if (a->from_review)
		add(d, false, "%s", _("After this you go back to Check your answers."));
	else if (left > 0)
		add(d, false,
		    /* L10N: %d is how many questions follow this one (they can change with
		       the answers). */
		    ngettext("After this: %d more question, then you check your answers.",
		             "After this: %d more questions, then you check your answers.", left),
		    left);
	else
		add(d, false, "%s",
		    _("This is the last question. After it you check all your answers before "
		      "anything is made."));
}

static void
help_add_another(const app *a, const form_step *st, help_doc *d)
{
	const form_repeat *r = form_repeat_by_id(a->form, st->repeat_id);
	snprintf(d->title, sizeof d->title, "%s",
	         r && repeat_another(r) ? F_(repeat_another(r))
	                                : _("Is there another one to add?"));
	/* L10N: a heading in the help of a question */
	add(d, true, "%s", _("What this question means"));
	if (r && repeat_help(r))
		add(d, false, "%s", F_(repeat_help(r)));
	add(d, false, "%s",
	    _("Choose \"Yes\" to add one more, or \"No\" when the list is complete. Nothing is "
	      "added until you answer the questions about them."));
	if (r && repeat_term(r) && *repeat_term(r)) {
		/* L10N: a heading in the help of a question */
		add(d, true, "%s", _("The official Japanese term"));
		/* L10N: first %s: the Japanese term on the paper form; second: what it is in
		   plain words. */
		add(d, false, _("The paper form calls each of them 「%s」: %s."), repeat_term(r),
		    F_(repeat_label(r)));
	}
	what_next(a, st, d);
}

void
help_for_step(const app *a, const form_step *st, bool with_keys, help_doc *d)
{
	d->n = 0;
	if (st->add_another) {
		help_add_another(a, st, d);
		return;
	}
	const field *fld = form_field_at(a->form, (size_t)st->field);
	snprintf(d->title, sizeof d->title, "%s", F_(field_label(fld)));
	add(d, true, "%s", _("What this question means"));
	/* the question itself is the title above: said again only when the
	 * form has nothing more to say about it */
	add(d, false, "%s", field_help(fld) ? F_(field_help(fld)) : F_(field_label(fld)));
	if (field_term(fld) && *field_term(fld)) {
		add(d, true, "%s", _("The official Japanese term"));
		/* L10N: first %s: the Japanese term on the paper form; second: the question
		   in plain words. */
		add(d, false, _("The paper form calls this 「%s」. In plain words: %s"),
		    field_term(fld), F_(field_label(fld)));
		for (size_t i = 0; i < field_choice_count(fld); i++)
			add_term_meaning(d, field_choice_term(fld, i), field_choice_label(fld, i));
		for (size_t i = 0; i < field_pick_count(fld); i++)
			add_term_meaning(d, field_pick_term(fld, i), field_pick_label(fld, i));
	}
	/* L10N: a heading in the help of a question */
	add(d, true, "%s", _("How to answer"));
	if (field_hint(fld))
		add(d, false, "%s", F_(field_hint(fld)));
	const char *src = field_prefill(fld);
	if (src && strncmp(src, "card.", 5) == 0)
		add(d, false, "%s",
		    _("Where to find it: this is written on the My Number card. When the card was "
		      "read, the answer is filled in for you: check it with the resident."));
	if (field_postal_lookup(fld))
		add(d, false, "%s",
		    _("The postal code (7 digits, on any letter sent to the address) can be "
		      "typed instead of the address: the prefecture, city and town are then "
		      "filled in, and only the block number, building and room are left to "
		      "type."));
	add(d, false, "%s",
	    field_required_now_at(a->ans, fld, st->instance)
	            ? _("This question needs an answer.")
	            : _("This question is optional: you may leave it empty."));
	if (with_keys)
		add(d, false, "%s", answer_keys(fld));
	if (with_keys && (field_kind(fld) == FIELD_CHOICE || field_kind(fld) == FIELD_MULTI ||
	                  field_pick_count(fld)))
		add(d, false, "%s",
		    _("Typing the first letters of a line, in any script, moves to it: for "
		      "example the first letters of its Japanese term."));
	what_next(a, st, d);
}

/* The text of a screen that is not a question. */
static void
screen_text(const app *a, screen_id s, help_doc *d)
{
	const char *title = "", *text = "";
	switch (s) {
	case SCR_LANG:
		title = _("Choosing the language");
		text = _("Choose the language the resident reads best. Every screen then speaks "
		         "it, with the official Japanese terms beside. F3 comes back here from any "
		         "screen without losing anything.");
		break;
	case SCR_START:
		title = _("The start screen");
		text = _("Start a new application, or open a saved draft to go on where the "
		         "resident stopped (its come-back code or the same My Number card opens "
		         "it). \"Finished with this resident\" clears everything for the next "
		         "person.");
		break;
	case SCR_PICK_FORM:
		title = _("Choosing the procedure");
		text = _("Choose the procedure the resident came for. Each line gives its name "
		         "in plain words and the official Japanese name the city hall uses.");
		break;
	case SCR_CARD:
		title = _("The My Number card");
		text = _("Put the My Number card on the reader: the name, address and birth date "
		         "are then filled in for you. The card is optional: press F2 to go on "
		         "without it and type the answers.");
		break;
	case SCR_PIN:
		title = _("The card's PIN");
		text = _("The resident types the 4-digit PIN of the card "
		         "(券面事項入力補助用暗証番号)"
		         ". Nobody else should look. After 3 wrong PINs the card locks and only "
		         "the city hall can unlock it, so stop if unsure: F2 goes on without the "
		         "card.");
		break;
	case SCR_PIN_LAST:
		title = _("The last PIN try");
		text = _("Only one try is left before the card locks. Send the PIN only if the "
		         "resident is sure of it; otherwise press N, then F2 goes on without the "
		         "card.");
		break;
	case SCR_IDENTITY:
		title = _("What the card says");
		text = _("This is what the My Number card holds. If it is the right person, "
		         "press Enter to use it; if not, press N and the questions ask for it "
		         "instead.");
		break;
	case SCR_REVIEW:
		title = _("Check your answers");
		text = _("Every answer is listed. Choose a line and press Enter to change it: you "
		         "come back here after. When everything is right, the last line makes the "
		         "code for the city hall counter. F10 saves and stops for now.");
		break;
	case SCR_HANDOFF:
		title = _("The handoff code");
		text = _("The city hall counter scans this code instead of typing the "
		         "application. S prints a slip with the code, P saves the code as an "
		         "image. Press D when the resident has it: the draft is then deleted "
		         "from this computer.");
		break;
	case SCR_POSTAL:
		title = _("Choosing the place");
		text = _("This postal code covers several places. Choose the one where the "
		         "resident lives, and the address is filled in. If none is right, press "
		         "Esc and type the address.");
		break;
	case SCR_CHOME:
		title = _("丁目 of the town");
		text = _(
		        "Many towns are divided into numbered districts, 丁目, written before "
		        "the block number: 鶴見中央5丁目 2番3号. Choose the one in the address. If "
		        "it is not on the list, or the address has no 丁目, press Esc and type it "
		        "at the next question.");
		break;
	case SCR_BLOCK:
		if (app_block_rooms_only(a)) {
			title = _("Building and room number");
			text = _("A room number typed alone after the building's name, such as "
			         "ハイツ402, is usually written with 号室 on the certificate of "
			         "residence: ハイツ402号室. Choose the one on the certificate, or "
			         "keep "
			         "it as typed; Esc goes back to the box.");
			break;
		}
		title = _("Block and house number");
		text = _(
		        "The numbers were typed as a shorthand such as 5-10. An official address "
		        "writes them in one of two ways: 5番10号 where the houses are numbered "
		        "(住居表示), or 5番地10 where the land lot is used (地番). Choose the one "
		        "on "
		        "the certificate of residence, or keep the shorthand; Esc goes back to the "
		        "box.");
		break;
	case SCR_NEXT:
		title = _("What comes next");
		text = _("Procedures that often go with this one. Start one here and the answers "
		         "already given are carried over, or tick it with Space to remember it "
		         "for the counter. Press q when finished.");
		break;
	case SCR_UNLOCK:
		title = _("Opening a saved draft");
		text = _("A saved draft is locked so that only its owner opens it. Type the "
		         "come-back code given when it was made (such as ACDE-FG34), or press F2 "
		         "and read the same My Number card.");
		break;
	default:
		break;
	}
	snprintf(d->title, sizeof d->title, "%s", title);
	add(d, false, "%s", text);
}

/* The keys that work everywhere; F10 only where it does something. */
static void
general_keys(const app *a, help_doc *d)
{
	bool in_application = !a->locked && (a->screen == SCR_QUESTION || a->screen == SCR_REVIEW);
	/* L10N: a heading in every help */
	add(d, true, "%s", _("Keys on every screen"));
	add(d, false, "%s",
	    _("F1: this help. ? opens it too, except while a box for typing has the cursor."));
	add(d, false, "%s", _("F3: change the language. Nothing is lost."));
	add(d, false, "%s", _("F4: change the colours of the screen."));
	if (in_application)
		add(d, false, "%s",
		    _("F10: save the answers and stop. The come-back code or the same card "
		      "opens them later."));
	/* Esc is "back" everywhere but where there is nothing to go back to */
	if (!a->locked && a->screen == SCR_START)
		add(d, false, "%s", _("Esc: asks whether to close Yorisoi."));
	else if (!a->locked && (a->screen != SCR_LANG || a->lang_switching))
		add(d, false, "%s", _("Esc: go back one step."));
	add(d, false, "%s",
	    _("Mouse: click a line to choose it, click it again to use it. Click a key in the "
	      "bottom bar to press it. The wheel scrolls."));
	add(d, false, "%s", _("Esc, F1 or Enter closes this help."));
}

void
help_for_screen(const app *a, help_doc *d)
{
	d->n = 0;
	if (a->locked) {
		snprintf(d->title, sizeof d->title, "%s", _("The locked screen"));
		add(d, false, "%s",
		    _("Nobody used the console for a while, so the screen was cleared. Press "
		      "Enter to go on where you were."));
	} else if (a->screen == SCR_QUESTION && a->form && a->ans) {
		help_for_step(a, &a->step, true, d);
	} else {
		screen_text(a, a->screen, d);
	}
	general_keys(a, d);
}
