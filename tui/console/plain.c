/*
 * Plain line mode (--plain): the same walk as the console, asked line by
 * line on stdio with numbered choices, for speech and braille users. No
 * cursor addressing, no colour, nothing drawn twice.
 */
#include "tui/console/plain.h"
#include "tui/console/help.h"
#include "tui/console/list_search.h"
#include "tui/demo_card.h"
#include "tui/entry.h"
#include "tui/reading.h"
#include "tui/i18n.h"
#include "tui/signing.h"
#include "tui/languages.h"
#include "tui/messages.h"
#include "tui/console/sources.h"
#include "tui/console/steps.h"
#include "tui/console/visit_stats.h"
#include "tui/values.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/* --no-echo-answers: set once by plain_run from the options. */
static bool quiet_answers;
/* The visit, for counting keystrokes in ask(); set by plain_run. */
static app *visit;

/* Keystrokes of a line: its characters (not bytes) and Enter. */
static int
keys_of_line(const char *s)
{
	int n = 1;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Reads one line without its newline; false at end of input. With
 * --no-echo-answers a terminal does not echo what is typed. */
static bool
ask(const char *prompt, char *buf, size_t n)
{
	struct termios old, quiet;
	bool tty = quiet_answers && tcgetattr(STDIN_FILENO, &old) == 0;
	printf("%s ", prompt);
	fflush(stdout);
	if (tty) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	bool ok = fgets(buf, (int)n, stdin) != NULL;
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		printf("\n");
	}
	if (!ok)
		return false;
	buf[strcspn(buf, "\r\n")] = '\0';
	if (visit)
		visit_stats_keys(visit, keys_of_line(buf));
	return true;
}

/* ? at a question: its help, as the console's F1 shows it, then the
 * question is asked again. */
static void
plain_help(const app *a, const form_step *st)
{
	static help_doc doc; /* large: not on the stack */
	help_for_step(a, st, false, &doc);
	printf("\n%s\n", doc.title);
	for (int p = 0; p < doc.n; p++)
		printf("%s%s\n", doc.para[p].heading ? "\n" : "", doc.para[p].text);
	printf("\n");
}

/* Asks for a number from 1 to max; 0 for an empty line; -1 at end of
 * input. With help_of set, ? prints that question's help and asks again. */
static int
ask_number_help(const char *prompt, int max, const app *a, const form_step *help_of)
{
	char line[64];
	for (;;) {
		if (!ask(prompt, line, sizeof line))
			return -1;
		if (!line[0])
			return 0;
		if (help_of && strcmp(line, "?") == 0) {
			plain_help(a, help_of);
			continue;
		}
		char *end;
		long v = strtol(line, &end, 10);
		if (*end == '\0' && v >= 1 && v <= max)
			return (int)v;
		printf(_("Please type a number from 1 to %d.\n"), max);
	}
}

static int
ask_number(const char *prompt, int max)
{
	return ask_number_help(prompt, max, NULL, NULL);
}

/* Reads the PIN with echo off; the buffer is the caller's to wipe. */
static bool
ask_pin(char *pin, size_t n)
{
	struct termios old, quiet;
	bool tty = tcgetattr(STDIN_FILENO, &old) == 0;
	if (tty) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
	}
	bool ok = ask(_("PIN (4 digits, not shown):"), pin, n);
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSANOW, &old);
		printf("\n");
	}
	return ok;
}

static bool
plain_card(app *a)
{
	cardio_error err;
	char reader[256], pin[64];

	printf("\n%s\n", _("1. Read the My Number card in the reader"));
	printf("%s\n", _("2. Use the demo card"));
	printf("%s\n", _("3. Go on without a card"));
	int c = a->opt->demo ? 2 : ask_number(_("Choose 1, 2 or 3:"), 3);
	if (c <= 0 || c == 3)
		return c == 3;
	cardio_status st;
	if (c == 2) {
		char why[512];
		st = tui_demo_card_open(a->opt->persona, &a->card, &err, why, sizeof why);
		if (why[0]) {
			printf("%s\n", why);
			return true; /* go on without the card */
		}
		if (!a->opt->persona)
			printf("%s\n", _("This is the demo card: its PIN is 1234."));
	} else {
		st = cardio_wait_card(NULL, 10000, reader, sizeof reader, &err);
		if (st == CARDIO_OK)
			st = cardio_open_reader(reader, &a->card, &err);
	}
	if (st == CARDIO_OK)
		st = cardio_pin_tries(a->card, &a->pin_tries, &err);
	if (st != CARDIO_OK) {
		printf("%s\n", msg_card_error(&err, a->error, sizeof a->error));
		cardio_close(a->card);
		a->card = NULL;
		return true;
	}
	cardio_pin_step rule = cardio_pin_decide(a->pin_tries);
	if (rule == CARDIO_PIN_REFUSE) {
		cardio_error blocked = {.status = CARDIO_ERR_PIN_BLOCKED};
		printf("%s\n", msg_card_error(&blocked, a->error, sizeof a->error));
		cardio_close(a->card);
		a->card = NULL;
		return true; /* no VERIFY to a blocked card: go on by typing */
	}
	/* Each try is one PIN the resident has just typed; a PIN of the wrong
	 * length never reaches the card, and is asked again. */
	for (;;) {
		if (a->pin_tries < 0)
			printf("%s\n",
			       _("The card did not say how many tries are left: this may be "
			         "the last one."));
		else
			printf(ngettext("%d try left before the card locks.\n",
			                "%d tries left before the card locks.\n", a->pin_tries),
			       a->pin_tries);
		printf("%s\n", _("Press Enter without a PIN to go on without the card."));
		bool ok = ask_pin(pin, sizeof pin) && pin[0];
		if (ok && rule == CARDIO_PIN_CONFIRM) {
			char yes[16];
			printf("%s\n", _("This is the last try. If this PIN is wrong, the card "
			                 "locks and only "
			                 "the city or town hall can unlock it."));
			ok = ask(_("Type yes to send it:"), yes, sizeof yes) &&
			     strcmp(yes, "yes") == 0;
			if (!ok)
				visit_stats_pin_block_avoided(a); /* the last try is kept */
		}
		if (!ok) {
			printf("%s\n",
			       _("No PIN was sent. The questions will ask for what the card "
			         "holds."));
			break;
		}
		st = cardio_verify_pin(a->card, pin, &err);
		sodium_memzero(pin, sizeof pin);
		if (st == CARDIO_OK) {
			st = cardio_read_identity(a->card, &a->identity, &err);
			if (st == CARDIO_OK) {
				a->have_identity = true;
				visit_stats_card_read(a, c == 2);
			} else
				printf("%s\n", msg_card_error(&err, a->error, sizeof a->error));
			break;
		}
		printf("%s\n", msg_card_error(&err, a->error, sizeof a->error));
		if (st == CARDIO_ERR_PIN_FORMAT)
			continue; /* nothing was sent: the same tries are left */
		if (st != CARDIO_ERR_WRONG_PIN ||
		    cardio_pin_tries(a->card, &a->pin_tries, &err) != CARDIO_OK)
			break;
		rule = cardio_pin_decide(a->pin_tries);
		if (rule == CARDIO_PIN_REFUSE)
			break;
	}
	sodium_memzero(pin, sizeof pin);
	cardio_close(a->card);
	a->card = NULL;
	if (a->have_identity && quiet_answers) {
		printf("%s\n", _("The card was read. Its data is not shown (--no-echo-answers)."));
	} else if (a->have_identity) {
		printf(_("The card says: %s, %s, %s.\n"), a->identity.name, a->identity.address,
		       a->identity.birth);
		/* as the console asks: a wrong card or a misread is caught here */
		int right = ask_number(_("Is this right? 1 = yes, 2 = no:"), 2);
		if (right < 0)
			return false;
		if (right == 2) {
			sodium_memzero(&a->identity, sizeof a->identity);
			a->have_identity = false;
			printf("%s\n",
			       _("The card's data is not used: the questions will ask for it."));
		}
	}
	return true;
}

/* A list of common answers longer than this is not read out line by
 * line: the resident types the first letters of a line to find it. */
#define PLAIN_PICKS_READ 20

static bool
picks_searched(const field *fld)
{
	return field_pick_count(fld) > PLAIN_PICKS_READ;
}

/*
 * A long list's lines found by what was typed, as the console's letter
 * search finds them (list_search.h): the line whose answer it is, else
 * the lines it starts, read out to choose from. The line's number plus
 * one; 0 to keep what was typed; -1 to ask again; -2 at end of input.
 */
static int
plain_find_pick(const field *fld, const char *typed)
{
	enum { MAX_SHOWN = 9 };
	list_search s;
	int found[MAX_SHOWN], n = 0, total = 0;
	char line[512];

	for (size_t i = 0; i < field_pick_count(fld); i++)
		if (strcmp(field_pick_term(fld, i), typed) == 0)
			return (int)i + 1;
	list_search_set(&s, typed);
	for (size_t i = 0; i < field_pick_count(fld); i++) {
		bilingual(field_pick_label(fld, i), field_pick_term(fld, i), line, sizeof line);
		if (list_search_matches(&s, line) && total++ < MAX_SHOWN)
			found[n++] = (int)i;
	}
	if (total == 0)
		return 0;
	if (total > MAX_SHOWN) {
		/* L10N: %d (more than 9) lines of a long list start with the
		 * letters the resident typed. */
		printf(_("%d lines start so: please type more letters.\n"), total);
		return -1;
	}
	for (int k = 0; k < n; k++) {
		bilingual(field_pick_label(fld, (size_t)found[k]),
		          field_pick_term(fld, (size_t)found[k]), line, sizeof line);
		printf("  %d. %s\n", k + 1, line);
	}
	char prompt[640];
	/* L10N: %s is what the resident typed, kept as the answer on Enter. */
	snprintf(prompt, sizeof prompt,
	         _("Which is it? Type its number, or press Enter to keep \"%s\" as typed:"), typed);
	int k = ask_number(prompt, n);
	return k < 0 ? -2 : k == 0 ? 0 : found[k - 1] + 1;
}

/* A list the console shows as a screen (the spellings of a block number,
 * the places of a postal code, the 丁目 of a town), its lines numbered as
 * there, and which one the resident types: its number, 0 for Enter, -1 at
 * end of input. */
static int
ask_line(const app *a, size_t n, void (*line)(const app *, size_t, char *, size_t),
         const char *prompt)
{
	char buf[BLOCK_TEXT_MAX + 128];
	for (size_t i = 0; i < n; i++) {
		line(a, i, buf, sizeof buf);
		printf("  %zu. %s\n", i + 1, buf);
	}
	return ask_number(prompt, (int)n);
}

/* A block number typed as a shorthand (5-10), alone or in an address, as
 * the console asks it: its official spellings read with numbers. The one
 * chosen (1 and up), 0 to keep what was typed, -1 at end of input. */
static int
plain_block(app *a, const field *fld, const form_step *st, const char *typed)
{
	char prompt[BLOCK_TEXT_MAX + 256], doubt[1024];
	size_t n = app_block_spellings(a, fld, st->instance, typed);
	if (n == 0)
		return 0;
	if (!app_block_rooms_only(a) && app_chome_doubtful(a, a->block_lines[0].text, st->field,
	                                                   st->instance, doubt, sizeof doubt))
		printf("%s\n", doubt);
	printf("%s\n", _("How does the official address write it? Choose it as on the "
	                 "certificate of residence or the moving-out certificate."));
	snprintf(prompt, sizeof prompt,
	         _("Which is it? Type its number, or press Enter to keep \"%s\" as typed:"), typed);
	return ask_line(a, n, app_block_line, prompt);
}

/* The places of a postal code, numbered, and which one it is: its number,
 * 0 for none (the address is typed), -1 at end of input. */
static int
plain_pick_place(app *a, size_t count)
{
	return ask_line(a, count, app_postal_place_line,
	                _("Which place is it? Type its number, or press Enter to type the "
	                  "address yourself:"));
}

/* The town of place p has 丁目: which one, numbered; Enter leaves the
 * town as the postal code gave it. */
static void
plain_pick_chome(app *a, const store_postal_place *p)
{
	size_t n = app_chome_of(a, p);
	if (n == 0)
		return;
	printf(_("Which 丁目 of %s is the address in?"), a->chome_town);
	printf("\n");
	int k = ask_line(a, n, app_chome_line,
	                 _("Type its number, or press Enter to type it yourself:"));
	if (k > 0)
		app_chome_choose(a, (size_t)k - 1);
}

/* A postal code answered: the address filled from the postal table, as
 * the console does; a code with several places asks which, a town with
 * 丁目 which of them. */
static void
plain_postal(app *a, const field *fld, int instance)
{
	size_t n = app_postal_places(a, fld, instance);
	int k = n == 1 ? 1 : 0;
	a->notice[0] = '\0';
	if (n > 1)
		k = plain_pick_place(a, n);
	if (k > 0) {
		app_postal_fill(a, &a->places[k - 1]);
		plain_pick_chome(a, &a->places[k - 1]);
	}
	if (a->notice[0])
		printf("%s\n", a->notice);
	a->notice[0] = '\0';
}

/* An address question (postal-lookup=) answered with a postal code, as
 * the console takes it: the start of the address from the postal table,
 * a pick when the code covers several places, then the rest is typed.
 * 1: value holds the whole address; 0: typed is no postal code; -1: ask
 * the question again; -2: end of input. */
static int
plain_postal_text(app *a, const form_step *st, const char *typed, char *value, size_t n)
{
	char code[8], rest[512];
	if (store_postal_normalize(typed, code) != 0)
		return 0;
	size_t count = app_postal_places_of(a, code);
	if (count == 0) {
		printf(_("Error: %s\n"), app_postal_none(a));
		return -1;
	}
	int k = 1;
	if (count > 1) {
		k = plain_pick_place(a, count);
		if (k <= 0)
			return k < 0 ? -2 : -1;
	}
	app_postal_address_start(&a->places[k - 1], value, n);
	app_chome_box_place(a, &a->places[k - 1], st->field, st->instance);
	/* L10N: %s is the start of an address: prefecture, city and town. */
	printf(_("The address starts: %s\n"), value);
	if (!ask(_("Type the rest (block number, building and room), then Enter:"), rest,
	         sizeof rest))
		return -2;
	size_t len = strlen(value);
	snprintf(value + len, n - len, "%s", rest);
	return 1;
}

/* At "another person?": the next person's card (the demo card with
 * --demo) adds them, filled in, as the console's C does; a card already
 * read, or none, asks again. Returns as plain_question does. */
static int
plain_household_card(app *a, const char *rid)
{
	printf("%s\n", _("Next person: please put your My Number card on the reader."));
	if (!plain_card(a))
		return 0;
	if (!a->have_identity)
		return -2; /* no card after all: the same question again */
	int inst = app_household_fill(a, rid);
	if (inst < 0) {
		printf("%s\n", app_household_problem(inst));
		return -2;
	}
	return 1;
}

/* One step; returns -1 to go back, 0 at end of input, 1 answered, -2 to
 * ask the same step again. */
static int
plain_question(app *a, const form_step *st)
{
	char line[1024], shown[1024], who[256];
	if (st->add_another) {
		const form_repeat *r = form_repeat_by_id(a->form, st->repeat_id);
		bool cards = app_repeat_takes_cards(r);
		printf("\n%s\n", r && repeat_another(r) ? F_(repeat_another(r))
		                                        : _("Is there another one to add?"));
		int c = cards ? ask_number_help(
		                        _("1 = yes, 2 = no, 3 = yes, read their My Number card:"),
		                        3, a, st)
		              : ask_number_help(_("1 = yes, 2 = no:"), 2, a, st);
		if (c < 0)
			return 0;
		if (c == 3)
			return plain_household_card(a, st->repeat_id);
		if (c == 1 && answers_repeat_add_person(a->ans, st->repeat_id) < 0)
			printf("%s\n", _("No more can be added to this list."));
		return 1;
	}
	const field *fld = form_field_at(a->form, (size_t)st->field);
	const char *v = answers_get_at(a->ans, field_id(fld), st->instance);
	int pos, total;
	step_progress(a->ans, st, &pos, &total);
	printf("\n");
	printf(_("Question %d of %d"), pos, total);
	step_instance_title(a->form, st, who, sizeof who);
	if (who[0])
		printf("\n%s", who);
	printf("\n%s\n", F_(field_label(fld)));
	if (field_term(fld) && *field_term(fld))
		printf("［%s］\n", field_term(fld));
	if (field_help(fld))
		printf("%s\n", F_(field_help(fld)));
	if (field_postal_lookup(fld))
		printf("%s\n", _("Or type the postal code (7 digits) and press Enter: the start of "
		                 "the address is filled in."));
	if (field_kind(fld) == FIELD_DATE)
		printf("%s\n", msg_date_shorthand());
	for (size_t i = 0; i < field_choice_count(fld); i++)
		printf("  %zu. %s\n", i + 1,
		       bilingual(field_choice_label(fld, i), field_choice_term(fld, i), line,
		                 sizeof line));
	if (picks_searched(fld))
		/* L10N: %d is the number of lines of the list (about 200 countries). */
		printf(_("A list of %d answers: type the first letters of one to find it, in "
		         "your language or in Japanese.\n"),
		       (int)field_pick_count(fld));
	else
		for (size_t i = 0; i < field_pick_count(fld); i++)
			printf("  %zu. %s\n", i + 1,
			       bilingual(field_pick_label(fld, i), field_pick_term(fld, i), line,
			                 sizeof line));
	if (v && quiet_answers)
		printf("%s\n",
		       _("There is an answer already (not shown): press Enter to keep it."));
	else if (v)
		printf(_("Now: %s (press Enter to keep it)\n"),
		       value_display(fld, v, shown, sizeof shown));
	/* where it came from, as the console says it */
	const char *note =
	        v ? source_note(answers_source_at(a->ans, field_id(fld), st->instance)) : NULL;
	if (note)
		printf("%s\n", note);
	/* a reading (フリガナ) suggested from the name, as the console does;
	 * not offered when answers are not to be read aloud */
	char suggestion[192] = "";
	/* a whole reading only: a line cannot be started for the resident */
	if (!v && !quiet_answers &&
	    reading_suggest_for(a->ans, fld, st->instance, suggestion, sizeof suggestion) !=
	            READING_WHOLE)
		suggestion[0] = '\0';
	/* a name in capitals, or else the form's <suggest> with why */
	bool may = !suggestion[0] && !v && !quiet_answers;
	bool latin =
	        may && latin_suggest_for(a->ans, fld, st->instance, suggestion, sizeof suggestion);
	bool formed = may && !latin &&
	              field_suggest_for(a->ans, fld, st->instance, suggestion, sizeof suggestion);
	if (formed)
		printf("%s\n", F_(field_suggest_label(fld)));
	if (latin || formed)
		/* L10N: %s is an answer offered from earlier ones: the resident's
		 * name in capital letters as typed before, or the health insurer
		 * a form suggests. */
		printf(_("Suggested: %s (press Enter to use it, or type it as on the card)\n"),
		       suggestion);
	else if (suggestion[0])
		/* L10N: %s is the suggested reading of the resident's name in katakana. */
		printf(_("Suggested reading: %s (press Enter to use it, or type the reading)\n"),
		       suggestion);
	for (;;) {
		if (!ask(field_kind(fld) == FIELD_MULTI
		                 ? _("Numbers separated by spaces, < to go back:")
		         : field_pick_count(fld)
		                 ? _("A number from the list, or type the answer; < to go back:")
		                 : _("Answer, or < to go back:"),
		         line, sizeof line))
			return 0;
		if (strcmp(line, "<") == 0)
			return -1;
		if (strcmp(line, "?") == 0) {
			plain_help(a, st);
			continue;
		}
		if (!line[0] && v)
			return 1;
		char value[1024] = "";
		if (!line[0] && suggestion[0])
			snprintf(line, sizeof line, "%s", suggestion);
		if (field_kind(fld) == FIELD_CHOICE || field_kind(fld) == FIELD_MULTI) {
			char *save = NULL, *end;
			bool bad = false;
			for (char *t = strtok_r(line, " ,", &save); t;
			     t = strtok_r(NULL, " ,", &save)) {
				long k = strtol(t, &end, 10);
				if (*end || k < 1 || (size_t)k > field_choice_count(fld)) {
					bad = true; /* said as such, not as "please answer" */
					break;
				}
				size_t len = strlen(value);
				snprintf(value + len, sizeof value - len, "%s%s", len ? " " : "",
				         field_choice_id(fld, (size_t)k - 1));
			}
			if (bad) {
				printf(_("Please type a number from 1 to %d.\n"),
				       (int)field_choice_count(fld));
				continue;
			}
		} else if (field_pick_count(fld) && line[0] >= '1' && line[0] <= '9' &&
		           strspn(line, "0123456789") == strlen(line) &&
		           (size_t)atoi(line) <= field_pick_count(fld)) {
			snprintf(value, sizeof value, "%s",
			         field_pick_term(fld, (size_t)atoi(line) - 1));
		} else if (picks_searched(fld)) {
			int k = plain_find_pick(fld, line);
			if (k == -2)
				return 0;
			if (k == -1)
				continue;
			snprintf(value, sizeof value, "%s",
			         k > 0 ? field_pick_term(fld, (size_t)k - 1) : line);
		} else if (field_postal_lookup(fld)) {
			int got = plain_postal_text(a, st, line, value, sizeof value);
			if (got == -2)
				return 0;
			if (got < 0)
				continue;
			if (got == 0)
				snprintf(value, sizeof value, "%s", line);
		} else {
			snprintf(value, sizeof value, "%s", line);
		}
		int k = value[0] ? plain_block(a, fld, st, value) : 0;
		if (k < 0)
			return 0;
		if (k > 0)
			snprintf(value, sizeof value, "%s", a->block_lines[k - 1].text);
		answer_error err;
		if (entry_set(a->ans, fld, st->instance, value, &err) == ANSWER_OK) {
			if (field_kind(fld) == FIELD_POSTAL && value[0])
				plain_postal(a, fld, st->instance);
			return 1;
		}
		printf(_("Error: %s\n"), msg_answer_error(fld, &err, shown, sizeof shown));
	}
}

static void
plain_handoff(app *a)
{
	handoff_error err;
	handoff_codes codes;
	char msg[512];
	/* one code of any size: it is printed as text and for the slip */
	if (tui_signing_encode(a->ans, i18n_language(), 40, &codes, &err) == HANDOFF_OK) {
		a->payload = codes.text[0];
		codes.text[0] = NULL;
	}
	handoff_codes_free(&codes);
	if (!a->payload || handoff_qr_make(a->payload, &a->qr, &err) != HANDOFF_OK) {
		printf("%s\n", msg_handoff_error(&err, msg, sizeof msg));
		return;
	}
	visit_stats_app_completed(a);
	printf("\n%s\n%s\n",
	       _("Your application is ready. Show this code at the city hall counter."),
	       a->payload);
	size_t n;
	int cols;
	char **lines = handoff_qr_render_text(a->qr, 0, &n, &cols);
	for (size_t i = 0; i < n; i++)
		printf("%s\n", lines[i]);
	handoff_qr_free_lines(lines, n);
}

/* Saves the draft; a failure is said once, and again when it changes, so a
 * screen-reader user knows the answers are only in memory. */
static void
plain_save(app *a)
{
	static char said[512];
	if (app_save(a) == 0) {
		if (said[0])
			printf("%s\n", _("The answers are saved as a draft again."));
		said[0] = '\0';
		return;
	}
	if (strcmp(said, a->save_problem) != 0) {
		printf(_("Not saved: %s"), a->save_problem);
		printf("\n");
		snprintf(said, sizeof said, "%s", a->save_problem);
	}
}

/* Check your answers, as the console's screen: every question that
 * applies, numbered, with its answer; a number asks it again. False at the
 * end of input. */
static bool
plain_review(app *a)
{
	enum { MAX_ROWS = 512 };
	static form_step steps[MAX_ROWS];
	for (;;) {
		int n = step_list(a->ans, steps, MAX_ROWS);
		printf("\n%s\n", _("Check your answers"));
		for (int i = 0; i < n; i++) {
			const field *fld = form_field_at(a->form, (size_t)steps[i].field);
			const char *v = answers_get_at(a->ans, field_id(fld), steps[i].instance);
			char label[512], who[256], shown[1024];
			bilingual(field_label(fld), field_term(fld), label, sizeof label);
			step_instance_title(a->form, &steps[i], who, sizeof who);
			if (!v)
				snprintf(shown, sizeof shown, "%s",
				         field_required_now_at(a->ans, fld, steps[i].instance)
				                 ? _("(not answered yet)")
				                 : _("(no answer)"));
			else if (quiet_answers)
				snprintf(shown, sizeof shown, "%s", _("(answered, not shown)"));
			else
				value_display(fld, v, shown, sizeof shown);
			printf("%d. %s%s%s\n   %s\n", i + 1, who, who[0] ? " — " : "", label,
			       shown);
		}
		int k = ask_number(_("Type the number of an answer to change it, or press Enter to "
		                     "make the code:"),
		                   n);
		if (k < 0)
			return false;
		if (k == 0) {
			form_step missing;
			if (answers_complete_step(a->ans, &missing))
				return true;
			printf("%s\n", _("This question still needs an answer."));
			if (plain_question(a, &missing) == 0)
				return false;
		} else if (plain_question(a, &steps[k - 1]) == 0) {
			return false;
		}
		plain_save(a);
	}
}

static int
plain_visit(app *a)
{
	char line[64];
	if (!a->opt->lang) {
		size_t nl = tui_language_count();
		for (size_t i = 0; i < nl; i++)
			printf("%zu. %s (%s)\n", i + 1, tui_language_at(i)->native,
			       tui_language_at(i)->japanese);
		int l = ask_number("Language / 言語:", (int)nl);
		if (l < 0)
			return 0;
		i18n_set_language(tui_language_at(l > 0 ? (size_t)l - 1 : 0)->code);
		visit_stats_visit_touch(a);
	}
	size_t nf = forms_offered_count(a->forms);
	for (size_t i = 0; i < nf; i++) {
		const form *f = forms_in_order(a->forms, (int)i);
		printf("%zu. %s\n", i + 1,
		       bilingual(form_label(f), form_title(f), a->notice, sizeof a->notice));
	}
	int f = nf == 1 ? 1 : ask_number(_("Which procedure? Type its number:"), (int)nf);
	if (f <= 0)
		return 0;
	a->form = forms_in_order(a->forms, f - 1);
	if (!plain_card(a))
		return 0;
	app_begin_application(a, a->form);
	if (a->resume_code[0] && a->notice[0])
		printf("%s\n", a->notice); /* the draft's come-back code, said once */
	printf("%s\n", _("Type ? at any question to hear what it means."));
	/* Walk the steps; "<" goes back one (staying on the first), the end of
	 * the steps ends the walk. */
	for (;;) {
		int r = plain_question(a, &a->step);
		if (r == 0)
			return 0;
		if (r == -2)
			continue; /* the same question again */
		form_step next;
		if (r < 0) {
			if (form_step_prev(a->ans, &a->step, &next))
				a->step = next;
		} else if (form_step_next(a->ans, &a->step, &next)) {
			a->step = next;
		} else {
			plain_save(a);
			break;
		}
		plain_save(a);
	}
	form_step missing;
	while (!answers_complete_step(a->ans, &missing)) {
		printf("%s\n", _("This question still needs an answer."));
		if (plain_question(a, &missing) == 0)
			return 0;
		plain_save(a);
	}
	if (!plain_review(a))
		return 0;
	plain_handoff(a);
	if (ask(_("Press Enter when the resident has the code; the draft is then deleted."), line,
	        sizeof line) &&
	    a->db && a->draft_id > 0) {
		store_error err;
		char why[512];
		if (store_draft_delete(a->db, a->draft_id, &err) != 0)
			printf("%s\n", msg_store_error(&err, why, sizeof why));
		else
			visit_stats_app_handed_off(a);
	}
	return 0;
}

int
plain_run(app *a)
{
	quiet_answers = a->opt->no_echo_answers;
	visit = a;
	int rc = plain_visit(a);
	visit = NULL;
	/* a shared screen: clear it and, where the terminal keeps one, its
	 * scrollback (the xterm "ED 3" extension), so the next person finds
	 * nothing of this visit */
	if (quiet_answers && isatty(STDOUT_FILENO)) {
		fputs("\033[H\033[2J\033[3J", stdout);
		fflush(stdout);
	}
	return rc;
}
