/*
 * The PIN the resident types. PIN safety lives here and in cardio: a
 * VERIFY is sent only from a key press of Enter on a PIN the resident just
 * typed, never repeated by itself; the tries left are shown before asking;
 * cardio_pin_decide says when a second confirmation is needed
 * (screen_pin_last.c); the typed PIN is wiped right after use.
 */
#include "tui/console/app.h"
#include "tui/console/visit_stats.h"
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
pin_enter(app *a)
{
	textinput_wipe(&a->pin);
	a->pin.secret = true;
}

/* Sends the typed PIN once; reads the card on success. */
void
app_pin_verify(app *a)
{
	cardio_error err;
	cardio_status st = cardio_verify_pin(a->card, a->pin.buf, &err);
	textinput_wipe(&a->pin);
	a->pin.secret = true;

	if (st == CARDIO_OK) {
		st = cardio_read_identity(a->card, &a->identity, &err);
		if (st == CARDIO_OK)
			visit_stats_card_read(a, a->card_demo);
		app_card_close(a); /* powers the card down: the verified state ends here */
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
	app_card_close(a);
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
		y = draw_block(y, x, cols, 6, msg_card_error(&e, line, sizeof line), A_BOLD);
		draw_focus(CONTENT_TOP, x);
		draw_end(a, _("F2: go on without the card   Esc: back"));
		return;
	}
	y = draw_block(y, x, cols, 3,
	               _("Card holder: please type your 4-digit PIN yourself "
	                 "(券面事項入力補助用暗証番号)."),
	               A_BOLD);
	y = draw_block(y, x, cols, 2,
	               _("The helper will look away. The PIN is not saved anywhere."), 0);
	if (a->pin_tries < 0)
		snprintf(line, sizeof line, "%s",
		         _("The card did not say how many tries are left: this may be the last "
		           "one."));
	else
		snprintf(line, sizeof line,
		         ngettext("%d try left before the card locks.",
		                  "%d tries left before the card locks.", a->pin_tries),
		         a->pin_tries);
	y = draw_block(y, x, cols, 2, line,
	               cardio_pin_decide(a->pin_tries) == CARDIO_PIN_CONFIRM ? A_BOLD | A_UNDERLINE
	                                                                     : A_BOLD);
	if (a->card_demo)
		y = draw_block(y, x, cols, 2, _("This is the demo card: its PIN is 1234."), 0);
	int label_cols = draw_str(y, x, cols, _("PIN:"), A_BOLD);
	draw_input(y, x + label_cols + 2, 8, &a->pin);
	draw_para(
	        y + 2, x, cols, 3,
	        _("Forgot the PIN, or a card without a PIN (顔認証マイナンバーカード)? Press F2 to "
	          "type the answers instead."),
	        0);
	draw_end(a, _("Enter: send the PIN   F2: go on without the card   Esc: back"));
}

static void
pin_key(app *a, wint_t ch, bool is_key)
{
	if (key_is_back(ch, is_key)) {
		app_card_close(a);
		app_go(a, SCR_CARD);
		return;
	}
	cardio_pin_step rule = cardio_pin_decide(a->pin_tries);
	if (rule == CARDIO_PIN_REFUSE) {
		if (key_is_without_card(ch, is_key))
			app_card_skip(a);
		return;
	}
	if (is_key && ch == KEY_F(2)) {
		app_card_skip(a);
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
		app_pin_verify(a);
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
		app_card_close(a);
		app_go(a, SCR_CARD);
		cardio_error removed = {.status = CARDIO_ERR_REMOVED};
		msg_card_error(&removed, a->error, sizeof a->error);
	}
}

const screen_ops screen_pin = {pin_enter, pin_draw, pin_key, pin_tick};
