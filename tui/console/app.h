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
#include "tui/console/list_search.h"
#include "tui/console/textinput.h"
#include "tui/tui.h"

enum { MIN_COLS = 60, MIN_LINES = 18, MAX_MULTI = 64, VISIT_MAX_FILES = 16 };

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
	SCR_POSTAL,    /* a postal code covers several places: pick one */
	SCR_BLOCK,     /* a block number typed 5-10: its official spelling */
	SCR_CHOME,     /* the postal code's town has 丁目: which one */
	SCR_NEXT,      /* what comes next: related procedures */
	SCR_UNLOCK,    /* a saved draft: its come-back code, or the same card */
	SCR_COUNT
} screen_id;

/* The items of a card reading the volunteer may say are wrong. */
enum {
	CARD_FIX_NONE,
	CARD_FIX_NAME,
	CARD_FIX_ADDRESS,
	CARD_FIX_BIRTH,
	CARD_FIX_SEX,
	CARD_FIX_COUNT
};

typedef struct app {
	const tui_options *opt;
	screen_id screen;
	bool quit;
	bool utf8;
	bool color; /* the terminal can draw the QR code black on white */
	bool locked;
	bool lock_saved; /* the answers were saved when the screen locked */
	time_t last_input;

	/* messages for the current screen, already translated */
	char error[512];
	char notice[512];
	/* F4 just switched the theme: which one is on now, until the next key */
	char theme_notice[160];

	/* F3 on any screen: the language screen, then back to the same place */
	bool lang_switching;
	screen_id lang_return;
	int lang_return_sel;

	/* F1 (or ? where nothing is typed): help over the current screen,
	 * which stays as it is underneath (screen_help.c) */
	bool help_open;
	int help_scroll;

	/* list screens */
	int sel;
	bool confirm_delete;
	bool confirm_quit;
	int start_scroll; /* first item shown of the start screen's list */

	/* definitions and drafts */
	form_set *forms;
	store *db;
	char db_problem[512]; /* why drafts cannot be saved, or "" */
	char db_notice[700];  /* a damaged drafts file was moved aside: where to */
	/* The last save of the application in progress failed: the answers are
	 * only in memory. Every screen says so (row 1) until a save works. */
	bool unsaved;
	char save_problem[512];
	store_draft_info *drafts;
	size_t ndrafts;

	/* the application in progress */
	const form *form;
	answers *ans;
	int64_t draft_id;
	char resume_code[16];          /* this draft's come-back code, in memory only */
	unsigned char card_secret[32]; /* the card's key for the new draft, until made */
	bool have_card_secret;
	int64_t unlock_id; /* SCR_UNLOCK: the draft being opened */
	int unlock_tries;
	form_step step;     /* the current question (or add-another) */
	bool from_review;   /* return to the review after this question */
	bool review_edited; /* the review was left to change a->step: come back to its row */
	/* "Add a person" on the review: the new person's questions are asked,
	 * then back to the review on their rows */
	bool review_adding;
	bool review_confirm_remove; /* "Remove HANAKO from the list? Y/N" is asked */
	textinput input;
	/* what the input was started with: a reading suggested from the name
	 * (tui/reading.h), or the person before's family name; "" for none */
	char suggestion[192];
	bool pick_typing;      /* a field with <pick>s: another answer is typed */
	bool suggestion_start; /* the suggested reading is only its start */
	int choice_sel;
	int choice_typed;   /* the line number typed so far (key_line_number) */
	list_search search; /* the first letters of a line typed so far */
	bool multi_on[MAX_MULTI];
	int review_scroll;

	/* the card */
	cardio_session *card;
	bool card_waiting_removal; /* a household card: wait until the last one is out */
	bool card_demo;
	bool no_reader;   /* pcscd or reader missing: offer the demo card */
	bool no_service;  /* ... and it is pcscd that is missing */
	char reader[256]; /* the reader holding the open card, "" for the demo */
	int pin_tries;
	textinput pin;
	cardio_identity identity;
	bool have_identity;
	/* N on the card check: which item is wrong (tui/console/card_fix.c) */
	bool identity_fixing;  /* the pick of the wrong item is shown */
	int card_fix;          /* CARD_FIX_*: the item picked, until the application begins */
	bool card_fix_pending; /* card_fix_step is the question to correct */
	form_step card_fix_step, card_fix_resume;

	/* household reading: a card read adds a person to this repeat */
	const char *household_repeat;
	char fingerprints[16][33]; /* cards read for this application */
	int nfingerprints;

	/* postal codes */
	store_postal *postal;
	bool postal_unavailable;
	store_postal_place *places;
	size_t nplaces;
	/* the pick screen fills an address text box (postal-lookup=), not
	 * the prefecture, city and town fields; what was typed, for Esc */
	bool postal_into_text;
	char postal_typed[64];
	/* the 丁目 of the town a postal code gave (screen_chome.c), and the
	 * town they divide */
	int chome[STORE_CHOME_MAX];
	size_t nchome;
	char chome_town[128];
	char chome_before[160]; /* the town answer before the code filled it */
	/* the place whose address start a postal code put in the box of an
	 * address question (field, instance), to check the 丁目 typed after it */
	store_postal_place box_place;
	int box_field, box_instance;

	/* a block number typed as a shorthand (block-number=, or in an
	 * address, postal-lookup=), or a room number typed bare (an address,
	 * building=): the answer with each official spelling, the answer as
	 * typed last (screen_block.c); three block spellings, each with and
	 * without 号室, and the answer as typed */
	block_spelling block_lines[7];
	size_t nblock_lines;

	/* what comes next */
	bool next_done[32];

	/* the handoff */
	char *payload;       /* plain mode's one code */
	handoff_codes codes; /* the console's codes, each fitting 120x40 */
	size_t code_shown;   /* which of them is on the screen */
	bool confirm_done;   /* "Done" pressed: asking whether the resident has the code */
	handoff_qr *qr;
	char slip_path[PATH_MAX]; /* the QR image */
	char slip_pdf[PATH_MAX];  /* the printed slip and its picture */
	char slip_png[PATH_MAX];

	/* the programme's numbers (tui/console/visit_stats.h): never answers */
	store_stats *stats;
	bool visit_active;    /* something happened in this visit */
	bool stats_app_open;  /* an application is being timed */
	bool stats_at_review; /* it is on Check your answers */
	long stats_app_start; /* the test clock or monotonic seconds at its start */
	store_stats_application stats_app;

	/* files of this visit (tui/console/visit_files.h) */
	char visit_dir[PATH_MAX];
	char visit_files[VISIT_MAX_FILES][PATH_MAX];
} app;

typedef struct screen_ops {
	void (*enter)(app *a);
	void (*draw)(app *a);
	void (*key)(app *a, wint_t ch, bool is_key);
	void (*tick)(app *a); /* called when no key arrived for a while; may be NULL */
} screen_ops;

extern const screen_ops screen_lang, screen_start, screen_pick_form, screen_card, screen_pin,
        screen_pin_last, screen_identity, screen_question, screen_review, screen_handoff,
        screen_postal, screen_block, screen_chome, screen_next, screen_lock, screen_unlock,
        screen_help;

/* F1: opens the help of the screen in front of the resident, over it. */
void app_open_help(app *a);

/* Whether a box for typing has the cursor: there ? is text, and only F1
 * opens the help. */
bool app_typing(const app *a);

/* F3: opens the language screen over the current one; choosing a language
 * (or Esc) comes back to the same screen, answers and place unchanged. */
void app_switch_language(app *a);

/* Switches screens: clears messages and selection, calls enter(). */
void app_go(app *a, screen_id s);

/* Opens the application for form f: new answers, prefilled from the card
 * when one was read, a new draft, and the first question. */
void app_begin_application(app *a, const form *f);

/* Goes to a step (saving the position first, so a draft resumes there). */
void app_go_step(app *a, const form_step *s);

/* After an answer: the next step, or back to the review when the answer
 * was changed from there, or the review at the end. */
void app_step_forward(app *a);
/* The field of the current step: NULL on "add another?" or with no form. */
const field *app_current_field(const app *a);

/* The end of adding a person from the review (their last question, or
 * Esc or "No" before it): back to the review on the person's first row;
 * a person left with no answer at all is not kept. */
void app_review_add_done(app *a);

/* When the volunteer said one item of the card is wrong (a->card_fix):
 * makes that item's first question from `start` on (within start's person
 * when it is a household member's) the current step, to be asked first,
 * and remembers start to go on from. Nothing changes without one. */
void app_card_fix_begin(app *a, const form_step *start);
/* After an answer: when it was the correction, spreads it to the same
 * person's answers still holding that card value and goes on from where
 * the walk would have begun; true then. */
bool app_card_fix_done(app *a);

/* After a postal-code answer: fills the address from the code. Returns
 * true when the code covers several places and the pick screen is shown. */
bool app_postal_lookup(app *a, const field *fld);
/* The places of the postal code answered in fld (instance), in a->places;
 * a->notice says so when none is known. */
size_t app_postal_places(app *a, const field *fld, int instance);
/* Fills prefecture, city and town from one place, replacing what an
 * earlier pick filled but never what the resident typed. */
void app_postal_fill(app *a, const store_postal_place *p);
/* On to the next question, keeping the postal code's notice ("please
 * check it") on it. */
void app_postal_step_forward(app *a);
/* "東京都 千代田区 丸の内 (office)": place i of the postal code as a line of
 * its list. */
void app_postal_place_line(const app *a, size_t i, char *buf, size_t n);
/* Why a postal code gave no place: none is known, or no table is
 * installed here; for the resident to type the address instead. */
const char *app_postal_none(const app *a);
/* The places of a postal code as typed, in a->places (0 when it is none
 * or no table is installed); nothing is said. */
size_t app_postal_places_of(app *a, const char *code);
/* "東京都港区芝公園": the start of an address one place stands for, as it
 * is written (a large office's code gives its street as well). */
void app_postal_address_start(const store_postal_place *p, char *buf, size_t n);
/* On an address question (postal-lookup=), typed is a postal code: puts
 * the start of its address in the text box for the resident to finish,
 * or shows the pick screen first when the code covers several places.
 * Returns false when typed is no postal code, so it is taken as typed. */
bool app_postal_into_text(app *a, const char *typed);
/* After a postal code filled the town of a form's postal.town field
 * (still as filled, not typed): when the data divides that town into 丁目,
 * keeps them in a->chome and returns how many; else 0. */
size_t app_chome_of(app *a, const store_postal_place *p);
/* Notes the town question's answer before a postal code fills it again,
 * so that the 丁目 chosen before is the one marked (app_postal_fill). */
void app_chome_note_town(app *a);
/* app_chome_of, then the screen that asks which 丁目 when there are any.
 * Returns true when the screen is shown. */
bool app_chome_offer(app *a, const store_postal_place *p);
/* The box of question (field, instance) now starts with place p's
 * address (postal-lookup=). */
void app_chome_box_place(app *a, const store_postal_place *p, int field_index, int instance);
/* No box starts with a postal place: at the start, on a new procedure,
 * and at the end of one (the place wiped). */
void app_chome_box_forget(app *a);
/* spelled is an address of question (field, instance) with its block
 * spelled out (東京都港区芝公園9丁目5番10号 …). When it starts as a postal
 * code put it in the box and the town data divides that town into 丁目,
 * but spelled names none of them, or none at all: writes why into msg and
 * returns true. An address typed whole, or a 丁目 not in Arabic or
 * full-width digits, is not judged. */
bool app_chome_doubtful(app *a, const char *spelled, int field_index, int instance, char *msg,
                        size_t n);
/* "鶴見中央5丁目": line i of the 丁目 list. */
void app_chome_line(const app *a, size_t i, char *buf, size_t n);
/* The town with 丁目 i becomes the postal.town prefill. */
void app_chome_choose(app *a, size_t i);
/* The official spellings of a block number typed short, or a room number
 * typed bare, in value, at a block-number=, postal-lookup= or building=
 * question (of instance), into
 * a->block_lines with value last; how many spellings (0: none, or value
 * is the answer already there; value is taken as typed). */
size_t app_block_spellings(app *a, const field *fld, int instance, const char *value);
/* Submitting value: when it holds a block number typed short (5-10), the
 * screen to choose its official spelling; false otherwise. */
bool app_block_offer(app *a, const field *fld, const char *value);
/* Whether the block screen offers only a room number with 号室 (no block
 * number was typed short). */
bool app_block_rooms_only(const app *a);
/* "5番10号（house numbering: 番 and 号）": line i of the block screen. */
void app_block_line(const app *a, size_t i, char *buf, size_t n);

/* Whether the people of a list can be filled in from their cards (one of
 * its fields is filled from the card). */
bool app_repeat_takes_cards(const form_repeat *r);
/* On an add-another step of a household list: reads the next person's
 * card. Returns true when the card screen was opened. */
bool app_household_card(app *a);

/* The card screens' shared steps (screen_card.c, screen_pin.c): closes
 * the open card; goes on without a card (back to the household question,
 * the come-back code screen, or a new application typed by hand); sends
 * the PIN just typed, once. */
void app_card_close(app *a);
/* Wipes and frees the handoff codes and their picture (they hold the answers). */
void app_codes_wipe(app *a);
void app_card_skip(app *a);
void app_pin_verify(app *a);

/* Keeps the fingerprint of the card just read, so the same card is not
 * read twice for one application. */
void app_remember_card(app *a);

/* After the identity of a household member's card was confirmed: adds the
 * person, prefilled, or says the card was already read. */
void app_household_add(app *a);
/* The step both modes share: adds a person to repeat rid, filled from the
 * identity just read, and wipes the identity. Returns the new instance, or
 * HOUSEHOLD_SAME_CARD (read already for this application) or
 * HOUSEHOLD_FULL (the list is at its max); app_household_problem says
 * which in the user's language. */
enum { HOUSEHOLD_SAME_CARD = -2, HOUSEHOLD_FULL = -1 };
int app_household_fill(app *a, const char *rid);
const char *app_household_problem(int status);

/* The named prefill values of the identity just read (pv needs 8 slots). */
size_t app_card_values(const app *a, prefill_value *pv);

/* Saves the draft now, first opening the drafts file again (and making the
 * draft) when an earlier attempt failed. On failure the answers stay in
 * memory, a->unsaved is set with the reason, and -1 is returned; every
 * screen then shows it until a save succeeds. */
int app_save(app *a);

/* Opens a saved draft for the start screen: leased, then unlocked (its
 * code or card first when it has a key of its own), loaded, and resumed
 * where the resident stopped. */
void app_resume_draft(app *a, int64_t id);

/* After a card was read and confirmed on the unlock screen's behalf: opens
 * the draft with the card's key, or goes back there saying why. */
void app_unlock_with_card(app *a);

/* After F10 saved the draft: the start screen, which ends the application
 * in memory, saying the answers are saved and showing the draft's
 * come-back code (the one moment besides its making that it is shown). */
void app_stop_saved(app *a);

/* "ACDE-FG34": the code as shown, with a hyphen in the middle. */
const char *app_code_shown(const char *code, char *buf, size_t n);

/* Forgets the application in memory (not the draft) and any card data. */
void app_end_application(app *a);
/* "Finished with this resident": the application in progress is saved as
 * a draft (if it can be), then everything of the resident leaves memory
 * and the terminal, and the next person starts from the language screen
 * (the start screen with --lang). by_itself: the visit ended after
 * visit_end seconds without a key, and the screen says so. */
void app_end_visit(app *a, bool by_itself);

/* Reloads the drafts list. */
void app_reload_drafts(app *a);

#endif
