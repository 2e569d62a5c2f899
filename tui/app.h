/*
 * The console's model: one struct the screens draw from and the key
 * handlers change. Each screen is a draw/key pair (the ncdu model),
 * dispatched from app.c by app->screen; no key handler draws.
 */
#ifndef YORISOI_TUI_APP_H
#define YORISOI_TUI_APP_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>
#include <wchar.h>

#include "cardio/cardio.h"
#include "engine/engine.h"
#include "handoff/handoff.h"
#include "store/store.h"
#include "tui/textinput.h"
#include "tui/tui.h"

enum { MIN_COLS = 60, MIN_LINES = 18, MAX_MULTI = 64 };

typedef enum screen_id {
	SCR_LANG,      /* choose the resident's language */
	SCR_START,     /* new application or resume a draft */
	SCR_PICK_FORM, /* which procedure */
	SCR_CARD,      /* insert the card (or the demo card, or go without) */
	SCR_PIN,       /* the resident types the PIN */
	SCR_PIN_LAST,  /* one try left: second confirmation */
	SCR_IDENTITY,  /* show what the card says, for confirmation */
	SCR_QUESTION,  /* one question per screen */
	SCR_REVIEW,    /* check your answers */
	SCR_HANDOFF,   /* the QR code */
	SCR_COUNT
} screen_id;

typedef struct app {
	const tui_options *opt;
	screen_id screen;
	bool quit;
	bool utf8;
	bool color;
	bool locked;
	time_t last_input;

	/* messages for the current screen, already translated */
	char error[512];
	char notice[512];

	/* list screens */
	int sel;
	bool confirm_delete;

	/* definitions and drafts */
	form_set *forms;
	store *db;
	char db_problem[512]; /* why drafts cannot be saved, or "" */
	store_draft_info *drafts;
	size_t ndrafts;

	/* the application in progress */
	const form *form;
	answers *ans;
	int64_t draft_id;
	int field;        /* current question index */
	bool from_review; /* return to the review after this question */
	textinput input;
	int choice_sel;
	bool multi_on[MAX_MULTI];
	int review_scroll;

	/* the card */
	cardio_session *card;
	bool card_demo;
	bool no_reader;     /* pcscd or reader missing: offer the demo card */
	int pin_tries;
	textinput pin;
	cardio_identity identity;
	bool have_identity;

	/* the handoff */
	char *payload;
	handoff_qr *qr;
	char slip_path[PATH_MAX];
} app;

typedef struct screen_ops {
	void (*enter)(app *a);
	void (*draw)(app *a);
	void (*key)(app *a, wint_t ch, bool is_key);
	void (*tick)(app *a); /* called when no key arrived for a while; may be NULL */
} screen_ops;

extern const screen_ops screen_lang, screen_start, screen_pick_form, screen_card, screen_pin,
	screen_pin_last, screen_identity, screen_question, screen_review, screen_handoff;

/* Switches screens: clears messages and selection, calls enter(). */
void app_go(app *a, screen_id s);

/* Opens the application for form f: new answers, prefilled from the card
 * when one was read, a new draft, and the first question. */
void app_begin_application(app *a, const form *f);

/* Saves the draft now; on failure sets a visible notice and returns -1. */
int app_save(app *a);

/* Forgets the application in memory (not the draft) and any card data. */
void app_end_application(app *a);

/* Reloads the drafts list. */
void app_reload_drafts(app *a);

#endif
