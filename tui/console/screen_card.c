/*
 * The card screen: waiting for a card in a reader (or the demo card, or
 * going on without one). The PIN, the last-try confirmation and what the
 * card says are the screens of screen_pin.c, screen_pin_last.c and
 * screen_identity.c.
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

void
app_card_close(app *a)
{
	if (a->card) {
		cardio_close(a->card);
		a->card = NULL;
	}
	textinput_wipe(&a->pin);
}

/* Goes on without the card: the resident types everything. */
void
app_card_skip(app *a)
{
	app_card_close(a);
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
			app_card_close(a);
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
	a->no_service = st == CARDIO_ERR_NO_SERVICE;
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
	app_card_close(a);
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
		y = draw_block(y, x, cols, 3,
		               _("Next person: please put your My Number card in the card reader."),
		               A_BOLD);
	else
		y = draw_block(y, x, cols, 3,
		               _("Please put the My Number card in the card reader "
		                 "(マイナンバーカード)."),
		               A_BOLD);
	y = draw_block(y, x, cols, 4,
	               _("The card fills in your name, address, date of birth and sex, so you do "
	                 "not have to type them. Its 12-digit number is not read."),
	               0);
	if (a->no_service) {
		/* a plugged-in reader does not help then: say what is missing (the
		 * demo card and going on without one stay in the key bar) */
		cardio_error e = {.status = CARDIO_ERR_NO_SERVICE};
		char why[512];
		y = draw_block(y, x, cols, 3, msg_card_error(&e, why, sizeof why), A_BOLD);
	} else if (a->no_reader)
		y = draw_block(y, x, cols, 3,
		               _("No card reader was found. You can use the demo card (D) to try "
		                 "the console, or go on without a card (F2)."),
		               A_BOLD);
	else
		y = draw_block(y, x, cols, 2, _("Waiting for the card…"), 0);
	draw_para(y, x, cols, 3,
	          _("No card, or forgot the PIN? Press F2 to type the answers instead."), 0);
	draw_focus(CONTENT_TOP, x);
	draw_end(a, _("D: demo card   F2: go on without a card   Esc: back"));
}

static void
card_key(app *a, wint_t ch, bool is_key)
{
	if (key_is_back(ch, is_key) && (a->household_repeat || a->unlock_id > 0))
		app_card_skip(a);
	else if (key_is_back(ch, is_key))
		app_go(a, SCR_START);
	else if (key_is_char(ch, is_key, 'd'))
		open_demo(a);
	else if (key_is_without_card(ch, is_key))
		app_card_skip(a);
}

const screen_ops screen_card = {card_enter, card_draw, card_key, card_poll};
