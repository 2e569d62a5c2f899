/*
 * The card: waiting for it, the PIN the resident types, the last-try
 * confirmation, and showing what the card says before it is used.
 *
 * PIN safety lives here and in cardio: a VERIFY is sent only from a key
 * press of Enter on a PIN the resident just typed, never repeated by
 * itself; the tries left are shown before asking; at one try left a second
 * confirmation is required; the typed PIN is wiped right after use.
 */
#include "tui/console/app.h"
#include "tui/demo_card.h"
#include <sodium.h>
#include "tui/console/draw.h"
#include "tui/files.h"
#include "tui/i18n.h"
#include "tui/console/keys.h"
#include "tui/messages.h"
#include "tui/values.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static void
close_card(app *a)
{
	if (a->card) {
		cardio_close(a->card);
		a->card = NULL;
	}
	textinput_wipe(&a->pin);
}

/* Goes on without the card: the resident types everything. */
static void
continue_without_card(app *a)
{
	close_card(a);
	cardio_identity_wipe(&a->identity);
	a->have_identity = false;
	if (a->household_repeat) {
		/* Reading a household member's card: back to "add another?". */
		a->household_repeat = NULL;
		app_go(a, SCR_QUESTION);
		return;
	}
	if (a->unlock_id > 0) {
		/* opening a saved draft: back to typing its code */
		app_go(a, SCR_UNLOCK);
		return;
	}
	app_begin_application(a, a->form);
	snprintf(a->notice, sizeof a->notice, "%s",
		 _("No card is used: please type the answers. Nothing is lost."));
}

/* A card is open: read its tries counter and go to the PIN screen. */
static void
card_opened(app *a)
{
	cardio_error err;
	if (cardio_pin_tries(a->card, &a->pin_tries, &err) != CARDIO_OK) {
		if (err.status == CARDIO_ERR_PIN_BLOCKED) {
			a->pin_tries = 0;
		} else {
			msg_card_error(&err, a->error, sizeof a->error);
			close_card(a);
			a->card_waiting_removal = !a->card_demo;
			return;
		}
	}
	app_go(a, SCR_PIN);
}

static void
open_demo(app *a)
{
	cardio_error err;
	char why[512];
	cardio_status st = tui_demo_card_open(a->opt->persona, &a->card, &err, why, sizeof why);
	if (st != CARDIO_OK) {
		if (why[0])
			snprintf(a->error, sizeof a->error, "%s", why);
		else
			msg_card_error(&err, a->error, sizeof a->error);
		return;
	}
	a->card_demo = true;
	a->reader[0] = '\0';
	card_opened(a);
}

static void
card_poll(app *a)
{
	if (a->opt->demo)
		return; /* the demo never touches real readers (nor a test's cards) */
	char reader[256];
	cardio_error err;
	cardio_status st = cardio_wait_card(NULL, 0, reader, sizeof reader, &err);

	a->no_reader = st == CARDIO_ERR_NO_SERVICE || st == CARDIO_ERR_NO_READER;
	if (st != CARDIO_OK) {
		a->card_waiting_removal = false;
		return;
	}
	if (a->card_waiting_removal)
		return; /* the card that just failed is still in: wait until it is taken out */
	a->error[0] = '\0';
	if (cardio_open_reader(reader, &a->card, &err) != CARDIO_OK) {
		msg_card_error(&err, a->error, sizeof a->error);
		a->card = NULL;
		a->card_waiting_removal = true;
		return;
	}
	a->card_demo = false;
	snprintf(a->reader, sizeof a->reader, "%s", reader);
	card_opened(a);
}

static void
card_enter(app *a)
{
	close_card(a);
	a->card_demo = false;
	/* The next person's card: the card just read is probably still in the
	 * reader, so wait for it to come out before taking one. */
	a->card_waiting_removal = a->household_repeat != NULL;
	if (a->opt->demo)
		open_demo(a);
	else
		card_poll(a);
}

static void
card_draw(app *a)
{
	if (!draw_begin(a, _("The My Number card")))
		return;
	int x = content_x(), cols = content_cols(), y = CONTENT_TOP;
	if (a->household_repeat)
		y += draw_para(y, x, cols, 3,
			       _("Next person: please put your My Number card in the card reader."),
			       A_BOLD) +
		     1;
	else
		y += draw_para(y, x, cols, 3,
			       _("Please put the My Number card in the card reader (マイナンバーカード)."),
			       A_BOLD) +
		     1;
	y += draw_para(y, x, cols, 4,
		       _("The card fills in your name, address, date of birth and sex, so you do "
			 "not have to type them. Its 12-digit number is not read."),
		       0) +
	     1;
	if (a->no_reader)
		y += draw_para(y, x, cols, 3,
			       _("No card reader was found. You can use the demo card (D) to try "
				 "the console, or go on without a card (M)."),
			       A_BOLD) +
		     1;
	else
		y += draw_para(y, x, cols, 2, _("Waiting for the card…"), 0) + 1;
	draw_para(y, x, cols, 3,
		  _("No card, or forgot the PIN? Press M to type the answers instead."), 0);
	draw_focus(CONTENT_TOP, x);
	draw_end(a, _("D: demo card   M: go on without a card   Esc: back"));
}

static void
card_key(app *a, wint_t ch, bool is_key)
{
	if (key_is_back(ch, is_key) && (a->household_repeat || a->unlock_id > 0))
		continue_without_card(a);
	else if (key_is_back(ch, is_key))
		app_go(a, SCR_START);
	else if (key_is_char(ch, is_key, 'd'))
		open_demo(a);
	else if (key_is_char(ch, is_key, 'm'))
		continue_without_card(a);
}

const screen_ops screen_card = {card_enter, card_draw, card_key, card_poll};

/* ---- the PIN -------------------------------------------------------------- */

static void
pin_enter(app *a)
{
	textinput_wipe(&a->pin);
	a->pin.secret = true;
}

/* Sends the typed PIN once; reads the card on success. */
static void
verify_typed_pin(app *a)
{
	cardio_error err;
	cardio_status st = cardio_verify_pin(a->card, a->pin.buf, &err);
	textinput_wipe(&a->pin);
	a->pin.secret = true;

	if (st == CARDIO_OK) {
		st = cardio_read_identity(a->card, &a->identity, &err);
		close_card(a); /* powers the card down: the verified state ends here */
		if (st == CARDIO_OK) {
			a->have_identity = true;
			app_go(a, SCR_IDENTITY);
			return;
		}
		app_go(a, SCR_CARD);
		msg_card_error(&err, a->error, sizeof a->error);
		return;
	}
	if (st == CARDIO_ERR_WRONG_PIN) {
		a->pin_tries = err.tries_left;
		app_go(a, SCR_PIN);
		msg_card_error(&err, a->error, sizeof a->error);
		return;
	}
	if (st == CARDIO_ERR_PIN_BLOCKED) {
		a->pin_tries = 0;
		app_go(a, SCR_PIN);
		return;
	}
	/* Removed, transport: the card is gone or mute; nothing was lost. */
	close_card(a);
	app_go(a, SCR_CARD);
	msg_card_error(&err, a->error, sizeof a->error);
}

static void
pin_draw(app *a)
{
	if (!draw_begin(a, _("The card's PIN")))
		return;
	int x = content_x(), cols = content_cols(), y = CONTENT_TOP;
	char line[512];

	if (cardio_pin_decide(a->pin_tries) == CARDIO_PIN_REFUSE) {
		cardio_error e = {.status = CARDIO_ERR_PIN_BLOCKED, .tries_left = 0};
		y += draw_para(y, x, cols, 6, msg_card_error(&e, line, sizeof line), A_BOLD) + 1;
		draw_focus(CONTENT_TOP, x);
		draw_end(a, _("M: go on without the card   Esc: back"));
		return;
	}
	y += draw_para(y, x, cols, 3,
		       _("Card holder: please type your 4-digit PIN yourself (券面事項入力補助用暗証番号)."),
		       A_BOLD) +
	     1;
	y += draw_para(y, x, cols, 2, _("The helper will look away. The PIN is not saved anywhere."),
		       0) +
	     1;
	if (a->pin_tries < 0)
		snprintf(line, sizeof line, "%s",
			 _("The card did not say how many tries are left: this may be the last one."));
	else
		snprintf(line, sizeof line,
			 ngettext("%d try left before the card locks.",
				  "%d tries left before the card locks.", a->pin_tries),
			 a->pin_tries);
	y += draw_para(y, x, cols, 2, line, cardio_pin_decide(a->pin_tries) == CARDIO_PIN_CONFIRM ? A_BOLD | A_UNDERLINE : A_BOLD) + 1;
	if (a->card_demo)
		y += draw_para(y, x, cols, 2, _("This is the demo card: its PIN is 1234."), 0) + 1;
	int label_cols = draw_str(y, x, cols, _("PIN:"), A_BOLD);
	draw_input(y, x + label_cols + 2, 8, &a->pin);
	draw_para(y + 2, x, cols, 3,
		  _("Forgot the PIN, or a card without a PIN (顔認証マイナンバーカード)? Press F2 to "
		    "type the answers instead."),
		  0);
	draw_end(a, _("Enter: send the PIN   F2: go on without the card   Esc: back"));
}

static void
pin_key(app *a, wint_t ch, bool is_key)
{
	if (key_is_back(ch, is_key)) {
		close_card(a);
		app_go(a, SCR_CARD);
		return;
	}
	cardio_pin_step rule = cardio_pin_decide(a->pin_tries);
	if (rule == CARDIO_PIN_REFUSE) {
		if (key_is_char(ch, is_key, 'm'))
			continue_without_card(a);
		return;
	}
	if (is_key && ch == KEY_F(2)) {
		continue_without_card(a);
		return;
	}
	if (key_is_enter(ch, is_key)) {
		if (!cardio_pin_well_formed(a->pin.buf)) {
			snprintf(a->error, sizeof a->error, "%s",
				 _("The PIN has 4 digits. Nothing was sent to the card."));
			return;
		}
		if (rule == CARDIO_PIN_CONFIRM) {
			/* The typed PIN stays for the confirmation screen. */
			a->screen = SCR_PIN_LAST;
			a->error[0] = '\0';
			return;
		}
		verify_typed_pin(a);
		return;
	}
	/* Only digits go into the PIN, at most 4. */
	if (!is_key && (ch < '0' || ch > '9'))
		return;
	if (!is_key && a->pin.len >= 4)
		return;
	textinput_key(&a->pin, ch, is_key);
	a->error[0] = '\0';
}

/* A card pulled while the resident is about to type: say so at once,
 * rather than when Enter finds it gone. */
static void
pin_tick(app *a)
{
	char reader[256];
	cardio_error err;
	if (a->card_demo || !a->reader[0])
		return;
	cardio_status st = cardio_wait_card(a->reader, 0, reader, sizeof reader, &err);
	if (st == CARDIO_ERR_NO_CARD || st == CARDIO_ERR_NO_READER) {
		close_card(a);
		app_go(a, SCR_CARD);
		cardio_error removed = {.status = CARDIO_ERR_REMOVED};
		msg_card_error(&removed, a->error, sizeof a->error);
	}
}

const screen_ops screen_pin = {pin_enter, pin_draw, pin_key, pin_tick};

/* ---- one try left ------------------------------------------------------- */

static void
last_draw(app *a)
{
	if (!draw_begin(a, _("Last try")))
		return;
	int x = content_x(), cols = content_cols(), y = CONTENT_TOP;
	y += draw_para(y, x, cols, 4,
		       _("This is the last try. If this PIN is wrong, the card locks and only the "
			 "city or town hall can unlock it."),
		       A_BOLD | A_UNDERLINE) +
	     1;
	draw_para(y, x, cols, 3,
		  _("Send this PIN to the card? Press Y to send it, or N to type it again."), A_BOLD);
	draw_focus(y, x);
	draw_end(a, _("Y: yes, send it   N: no, type it again"));
}

static void
last_key(app *a, wint_t ch, bool is_key)
{
	if (key_is_char(ch, is_key, 'y'))
		verify_typed_pin(a);
	else if (key_is_char(ch, is_key, 'n') || key_is_back(ch, is_key))
		app_go(a, SCR_PIN);
}

const screen_ops screen_pin_last = {NULL, last_draw, last_key, NULL};

/* ---- what the card says ------------------------------------------------- */

static void
identity_draw(app *a)
{
	if (!draw_begin(a, _("Check the card's information")))
		return;
	int x = content_x(), cols = content_cols(), y = CONTENT_TOP;
	const cardio_identity *id = &a->identity;
	char line[1024], era[64];

	char label[256];
	y += draw_para(y, x, cols, 2, _("The card says:"), A_BOLD) + 1;
	snprintf(line, sizeof line, "%s: %s", bilingual(N_("Name"), "氏名", label, sizeof label),
		 id->name);
	y += draw_para(y, x, cols, 2, line, 0);
	if (id->name_alpha[0]) {
		snprintf(line, sizeof line, "%s: %s", _("Name in the alphabet"), id->name_alpha);
		y += draw_para(y, x, cols, 2, line, 0);
	}
	snprintf(line, sizeof line, "%s: %s",
		 bilingual(N_("Address"), "住所", label, sizeof label), id->address);
	y += draw_para(y, x, cols, 3, line, 0);
	if (date_format_era(id->birth, era, sizeof era) != 0)
		era[0] = '\0';
	snprintf(line, sizeof line, "%s: %s  %s",
		 bilingual(N_("Date of birth"), "生年月日", label, sizeof label), id->birth, era);
	y += draw_para(y, x, cols, 2, line, 0);
	snprintf(line, sizeof line, "%s: %s", bilingual(N_("Sex"), "性別", label, sizeof label),
		 msg_sex(id->sex));
	y += draw_para(y, x, cols, 2, line, 0) + 1;
	y += draw_para(y, x, cols, 3,
		       _("Helper: please check the name with the resident. A rare character may be "
			 "replaced by a similar one on the card."),
		       0) +
	     1;
	draw_para(y, x, cols, 2, _("Is this right?"), A_BOLD);
	draw_focus(y, x);
	draw_end(a, _("Enter: yes, use it   N: no, type the answers instead"));
}

static void
identity_key(app *a, wint_t ch, bool is_key)
{
	if ((key_is_enter(ch, is_key) || key_is_char(ch, is_key, 'y')) && a->unlock_id > 0)
		app_unlock_with_card(a);
	else if ((key_is_enter(ch, is_key) || key_is_char(ch, is_key, 'y')) && a->household_repeat)
		app_household_add(a);
	else if (key_is_enter(ch, is_key) || key_is_char(ch, is_key, 'y'))
		app_begin_application(a, a->form);
	else if (key_is_char(ch, is_key, 'n'))
		continue_without_card(a);
	else if (key_is_back(ch, is_key)) {
		cardio_identity_wipe(&a->identity);
		a->have_identity = false;
		app_go(a, SCR_CARD);
	}
}

const screen_ops screen_identity = {NULL, identity_draw, identity_key, NULL};
