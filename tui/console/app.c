/*
 * The console's main loop: one state switch over draw/key pairs, resize as
 * an event, the idle lock, and the application's life cycle (begin, save,
 * end). The screens are in screen_*.c, household cards in household.c.
 */
#include "tui/console/app.h"
#include "tui/console/draw.h"
#include "tui/config.h"
#include "tui/files.h"
#include "tui/i18n.h"
#include "tui/languages.h"
#include "tui/paths.h"
#include "tui/reading.h"
#include "tui/console/keys.h"
#include "tui/console/mouse.h"
#include "tui/messages.h"
#include "tui/console/plain.h"
#include "tui/console/steps.h"
#include "tui/console/theme.h"
#include "tui/console/visit_files.h"
#include "tui/console/visit_stats.h"
#include "tui/values.h"

#include <sys/stat.h>

#include <curses.h>
#include <langinfo.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const screen_ops *const screens[SCR_COUNT] = {
        [SCR_LANG] = &screen_lang,
        [SCR_START] = &screen_start,
        [SCR_PICK_FORM] = &screen_pick_form,
        [SCR_CARD] = &screen_card,
        [SCR_PIN] = &screen_pin,
        [SCR_PIN_LAST] = &screen_pin_last,
        [SCR_IDENTITY] = &screen_identity,
        [SCR_QUESTION] = &screen_question,
        [SCR_REVIEW] = &screen_review,
        [SCR_HANDOFF] = &screen_handoff,
        [SCR_POSTAL] = &screen_postal,
        [SCR_BLOCK] = &screen_block,
        [SCR_CHOME] = &screen_chome,
        [SCR_NEXT] = &screen_next,
        [SCR_UNLOCK] = &screen_unlock,
};

static volatile sig_atomic_t stop_requested;

static void
on_stop_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

void
app_go(app *a, screen_id s)
{
	a->error[0] = a->notice[0] = '\0';
	a->sel = 0;
	a->choice_typed = 0;
	a->confirm_delete = false;
	if (s == SCR_REVIEW || s == SCR_QUESTION)
		a->stats_at_review = s == SCR_REVIEW;
	a->help_open = false; /* a new screen: the help was of the last one */
	a->screen = s;
	if (screens[s]->enter)
		screens[s]->enter(a);
}

const field *
app_current_field(const app *a)
{
	if (!a->form || a->step.add_another || a->step.field < 0)
		return NULL;
	return form_field_at(a->form, (size_t)a->step.field);
}

void
app_switch_language(app *a)
{
	if (a->screen == SCR_LANG)
		return;
	a->lang_switching = true;
	a->lang_return = a->screen;
	a->lang_return_sel = a->sel;
	a->screen = SCR_LANG;
	const tui_language *now = tui_language_find(i18n_language());
	a->sel = 0;
	for (size_t i = 0; now && i < tui_language_count(); i++)
		if (tui_language_at(i) == now)
			a->sel = (int)i;
}

void
app_reload_drafts(app *a)
{
	free(a->drafts);
	a->drafts = NULL;
	a->ndrafts = 0;
	if (!a->db)
		return;
	store_error err;
	if (store_draft_list(a->db, &a->drafts, &a->ndrafts, &err) != 0)
		msg_store_error(&err, a->db_problem, sizeof a->db_problem);
}

/* A damaged drafts file is never written into again, nor deleted: it is
 * moved aside (store_set_aside) for whoever can recover it, and the console
 * goes on with a new one, saying where the old one went. */
static bool
set_aside(app *a, const char *db)
{
	char moved[PATH_MAX + 64];
	store_error err;
	if (store_set_aside(db, moved, sizeof moved, &err) != 0)
		return false;
	snprintf(a->db_notice, sizeof a->db_notice,
	         /* L10N: %s is the new name of the damaged file, beside the old one. */
	         _("The drafts file was damaged. It was moved aside to %s, and a new one was "
	           "started."),
	         moved);
	return true;
}

/* Opens the drafts file (making its folder); on failure a->db stays NULL
 * and the reason is in a->db_problem. */
static void
open_store(app *a)
{
	store_error serr;
	const char *db = tui_path_db();
	a->db = NULL;
	if (!db) {
		snprintf(a->db_problem, sizeof a->db_problem, "%s",
		         _("There is no home folder to keep drafts in, so nothing can be saved. "
		           "Start the console with --db FILE."));
		return;
	}
	/* a folder that cannot be made shows as a file that cannot be opened */
	(void)tui_mkdir_parent(db);
	if (store_open(db, &a->db, &serr) != 0 && serr.status == STORE_ERR_DAMAGED &&
	    set_aside(a, db))
		store_open(db, &a->db, &serr); /* a fresh file */
	if (!a->db) {
		msg_store_error(&serr, a->db_problem, sizeof a->db_problem);
		return;
	}
	a->db_problem[0] = '\0';
	store_purge_expired(a->db, time(NULL), tui_config_get()->draft_retention_days, NULL, &serr);
}

static int
save_failed(app *a, const char *why)
{
	a->unsaved = true;
	snprintf(a->save_problem, sizeof a->save_problem, "%s", why);
	return -1;
}

int
app_save(app *a)
{
	store_error err;
	if (!a->ans)
		return 0;
	if (!a->db)
		open_store(a); /* a lock or a full disk may have gone since */
	if (!a->db)
		return save_failed(a, a->db_problem);
	if (a->draft_id <= 0) {
		/* a new draft gets a key of its own: its come-back code, and the
		 * card when the visit began with one (store.h) */
		store_code_new(a->resume_code);
		if (store_draft_create(a->db, form_id(a->form), form_version(a->form),
		                       i18n_language(), &a->draft_id, &err) != 0 ||
		    store_draft_lease(a->db, a->draft_id, &err) != 0 ||
		    store_draft_protect(a->db, a->draft_id, a->resume_code,
		                        a->have_card_secret ? a->card_secret : NULL, &err) != 0) {
			a->draft_id = 0;
			sodium_memzero(a->resume_code, sizeof a->resume_code);
			char why[512];
			return save_failed(a, msg_store_error(&err, why, sizeof why));
		}
		sodium_memzero(a->card_secret, sizeof a->card_secret);
		a->have_card_secret = false;
	}
	if (store_draft_save(a->db, a->draft_id, a->ans, step_encode(&a->step), &err) != 0) {
		char why[512];
		if (err.status == STORE_ERR_CONFLICT) {
			/* someone else saved this draft: keep theirs, and these answers
			 * as a draft of their own, rather than write over either */
			a->draft_id = 0;
			if (app_save(a) == 0) {
				snprintf(a->save_problem, sizeof a->save_problem, "%s", "");
				snprintf(a->notice, sizeof a->notice, "%s",
				         _("This draft was changed in another window, so these "
				           "answers "
				           "were saved as a separate draft."));
				return 0;
			}
			return -1;
		}
		if (err.status == STORE_ERR_DAMAGED) {
			/* found damaged mid-visit: the answers are all in memory, so
			 * they go into a new file and the damaged one is kept aside */
			store_close(a->db);
			a->db = NULL;
			a->draft_id = 0;
			const char *db = tui_path_db();
			if (db && set_aside(a, db))
				return app_save(a);
		}
		return save_failed(a, msg_store_error(&err, why, sizeof why));
	}
	a->unsaved = false;
	a->save_problem[0] = '\0';
	return 0;
}

size_t
app_card_values(const app *a, prefill_value *pv)
{
	const cardio_identity *id = &a->identity;
	size_t n = 0;
	pv[n++] = (prefill_value){"card.name", id->name};
	pv[n++] = (prefill_value){"card.family_name", id->family_name};
	pv[n++] = (prefill_value){"card.given_name", id->given_name};
	if (id->name_alpha[0])
		pv[n++] = (prefill_value){"card.name_alpha", id->name_alpha};
	/* Forms get the address with ASCII block numbers (cardio normalises
	 * them); the card's own spelling was shown for confirmation. */
	pv[n++] = (prefill_value){"card.address",
	                          id->address_normalized[0] ? id->address_normalized : id->address};
	pv[n++] = (prefill_value){"card.birth", id->birth};
	pv[n++] = (prefill_value){"card.sex", id->sex};
	return n;
}

void
app_remember_card(app *a)
{
	if (a->identity.fingerprint[0] && a->nfingerprints < 16)
		snprintf(a->fingerprints[a->nfingerprints++], sizeof a->fingerprints[0], "%s",
		         a->identity.fingerprint);
}

void
app_begin_application(app *a, const form *f)
{
	char today[16];
	prefill_value pv[16];
	size_t n = 0;

	a->form = f;
	answers_free(a->ans);
	a->ans = answers_new(f);
	a->nfingerprints = 0;
	app_chome_box_forget(a); /* no address box was started from a postal code yet */
	date_today(today);       /* the engine's today: YORISOI_TODAY is honoured */
	pv[n++] = (prefill_value){"today", today};
	if (a->have_identity) {
		n += app_card_values(a, pv + n);
		app_remember_card(a);
	}
	answers_prefill(a->ans, pv, n);
	/* the card's key for the new draft: from its name and birth date with
	 * this desk's secret; the card's data itself is never stored */
	if (a->have_identity && a->db) {
		store_card_secret(a->db, a->identity.name, a->identity.birth, a->card_secret);
		a->have_card_secret = true;
	}
	/* The card holder is usually the first person of a household list too;
	 * it is shown for confirmation like every prefilled answer. */
	for (size_t r = 0; a->have_identity && r < form_repeat_count(f); r++) {
		const char *rid = repeat_id(form_repeat_at(f, r));
		if (answers_repeat_count(a->ans, rid) > 0)
			answers_prefill_instance(a->ans, rid, 0, pv, n);
	}
	/* The card's data now lives only in the answers. */
	cardio_identity_wipe(&a->identity);
	a->have_identity = false;

	a->draft_id = 0; /* app_save makes the draft */
	a->unsaved = false;
	a->save_problem[0] = '\0';
	form_step_next(a->ans, NULL, &a->step);
	form_step first = a->step;
	app_card_fix_begin(a, &first); /* the wrong item of the card first */
	a->from_review = false;
	visit_stats_app_begin(a, false);
	app_save(a);
	app_go(a, SCR_QUESTION);
	if (a->resume_code[0]) {
		char shown[16];
		snprintf(a->notice, sizeof a->notice,
		         /* L10N: shown once when the draft is made; %s is a code such as ACDE-FG34.
		          */
		         _("Come-back code for this draft: %s. Write it down if you may stop "
		           "before the end."),
		         app_code_shown(a->resume_code, shown, sizeof shown));
	}
}

void
app_stop_saved(app *a)
{
	char shown[16], notice[sizeof a->notice];
	if (!a->resume_code[0])
		snprintf(notice, sizeof notice, "%s",
		         _("The answers are saved as a draft. Choose it below to go on."));
	else
		snprintf(notice, sizeof notice,
		         /* L10N: %s is the draft's come-back code, such as ACDE-FG34. */
		         _("The answers are saved as a draft. Its come-back code is %s: without "
		           "it, or the same My Number card, the draft cannot be opened."),
		         app_code_shown(a->resume_code, shown, sizeof shown));
	app_go(a, SCR_START); /* forgets the application, the code with it */
	snprintf(a->notice, sizeof a->notice, "%s", notice);
	sodium_memzero(notice, sizeof notice);
}

const char *
app_code_shown(const char *code, char *buf, size_t n)
{
	snprintf(buf, n, "%.4s-%s", code, strlen(code) > 4 ? code + 4 : "");
	return buf;
}

void
app_go_step(app *a, const form_step *s)
{
	a->step = *s;
	app_save(a);
	app_go(a, SCR_QUESTION);
}

/* Whether the person (repeat instance) has no answer at all. */
static bool
person_empty(const app *a, const char *rid, int inst)
{
	const form_repeat *r = form_repeat_by_id(a->form, rid);
	for (size_t i = 0; r && i < repeat_field_count(r); i++)
		if (answers_get_at(a->ans, field_id(repeat_field_at(r, i)), inst))
			return false;
	return true;
}

void
app_review_add_done(app *a)
{
	const char *rid = a->step.repeat_id;
	int inst = a->step.instance;
	form_step s;

	a->review_adding = false;
	if (rid && !a->step.add_another && person_empty(a, rid, inst))
		answers_repeat_remove(a->ans, rid, inst);
	/* the person's first row, else the list's "Add a person" row */
	for (bool ok = form_step_next(a->ans, NULL, &s); ok && rid;
	     ok = form_step_next(a->ans, &s, &s))
		if (s.repeat_id && strcmp(s.repeat_id, rid) == 0 && s.instance == inst) {
			a->step = s;
			break;
		}
	a->review_edited = true;
	app_save(a);
	app_go(a, SCR_REVIEW);
}

void
app_step_forward(app *a)
{
	form_step next, missing;
	if (app_card_fix_done(a))
		return;
	/* adding a person from the review: their questions one after another */
	if (a->review_adding) {
		if (form_step_next(a->ans, &a->step, &next) && !next.add_another &&
		    step_same_person(&next, &a->step))
			app_go_step(a, &next);
		else
			app_review_add_done(a);
		return;
	}
	/* changed from the review: a required question the change opened (such
	 * as the other person's name once the certificate is for someone
	 * else) is asked before going back, one after another */
	if (a->from_review && !answers_complete_step(a->ans, &missing)) {
		app_go_step(a, &missing);
		return;
	}
	if (a->from_review || !form_step_next(a->ans, &a->step, &next)) {
		a->from_review = false;
		app_save(a);
		app_go(a, SCR_REVIEW);
		return;
	}
	app_go_step(a, &next);
}

void
app_end_application(app *a)
{
	visit_stats_app_end(a); /* while the step it stopped on is known */
	answers_free(a->ans);
	a->ans = NULL;
	a->form = NULL;
	a->draft_id = 0;
	if (a->db)
		store_draft_release(a->db); /* another console may open it now */
	sodium_memzero(a->resume_code, sizeof a->resume_code);
	sodium_memzero(a->card_secret, sizeof a->card_secret);
	a->have_card_secret = false;
	a->unlock_id = 0;
	a->unsaved = false;
	a->save_problem[0] = '\0';
	memset(&a->step, 0, sizeof a->step);
	a->from_review = false;
	a->review_adding = a->review_confirm_remove = false;
	a->identity_fixing = a->card_fix_pending = false;
	a->card_fix = CARD_FIX_NONE;
	textinput_wipe(&a->input);
	textinput_wipe(&a->pin);
	sodium_memzero(a->suggestion, sizeof a->suggestion); /* a name's reading */
	cardio_identity_wipe(&a->identity);
	a->have_identity = false;
	if (a->card) {
		cardio_close(a->card);
		a->card = NULL;
	}
	app_codes_wipe(a);
	visit_files_remove(a); /* the image and the slip go with the visit */
	a->slip_path[0] = a->slip_pdf[0] = a->slip_png[0] = '\0';
	a->household_repeat = NULL;
	sodium_memzero(a->fingerprints, sizeof a->fingerprints);
	a->nfingerprints = 0;
	free(a->places);
	a->places = NULL;
	a->nplaces = 0;
	memset(a->next_done, 0, sizeof a->next_done);
	/* what the address screens kept: spellings of the address typed, the
	 * town answer before a 丁目, the postal place of the box */
	sodium_memzero(a->block_lines, sizeof a->block_lines);
	a->nblock_lines = 0;
	sodium_memzero(a->chome_before, sizeof a->chome_before);
	sodium_memzero(a->chome_town, sizeof a->chome_town);
	app_chome_box_forget(a);
}

void
app_end_visit(app *a, bool by_itself)
{
	visit_stats_visit_end(a);
	/* after Done the answers were handed off and their draft deleted: they
	 * stay in memory only to carry into a next procedure, never saved again */
	bool kept = a->ans && a->screen != SCR_NEXT && app_save(a) == 0 && a->draft_id > 0;
	app_end_application(a);
	a->locked = false;
	a->sel = 0;
	a->error[0] = '\0';
	/* nothing of this visit stays on the terminal, not even in the frame
	 * curses remembers */
	clearok(curscr, TRUE);
	erase();
	refresh();
	app_go(a, a->opt->lang ? SCR_START : SCR_LANG);
	if (by_itself)
		snprintf(a->notice, sizeof a->notice, "%s",
		         kept ? _("The last visit ended because nobody used the console for a long "
		                  "time. Its answers are kept as a draft.")
		              : _("The last visit ended because nobody used the console for a long "
		                  "time."));
	else
		snprintf(a->notice, sizeof a->notice, "%s",
		         _("The visit has ended. The next person can start."));
}

bool
app_typing(const app *a)
{
	if (a->locked)
		return false;
	if (a->screen == SCR_PIN || a->screen == SCR_UNLOCK)
		return true;
	const field *fld = a->screen == SCR_QUESTION ? app_current_field(a) : NULL;
	if (!fld)
		return false;
	field_type k = field_kind(fld);
	return k != FIELD_CHOICE && k != FIELD_MULTI;
}

/* One key, from the keyboard or a click on the key bar: the help and the
 * keys of every screen first, then the screen's own. */
/* F4 on any screen: the next theme, and a line saying which one is on. */
static void
switch_theme(app *a)
{
	theme_apply(theme_next(), a->color);
	/* L10N: after F4; %s is the theme's name ("High contrast"). */
	snprintf(a->theme_notice, sizeof a->theme_notice, _("Theme: %s. F4 changes it."),
	         theme_label(theme_current()));
}

static void
on_key(app *a, wint_t ch, bool is_key)
{
	if (a->help_open) {
		if (is_key && ch == KEY_F(3)) {
			a->help_open = false;
			if (!a->locked)
				app_switch_language(a);
			return;
		}
		screen_help.key(a, ch, is_key);
		return;
	}
	if ((is_key && ch == KEY_F(1)) || (!is_key && ch == '?' && !app_typing(a))) {
		if (COLS >= MIN_COLS && LINES >= MIN_LINES)
			app_open_help(a);
		return;
	}
	if (a->locked) {
		screen_lock.key(a, ch, is_key);
		return;
	}
	if (COLS < MIN_COLS || LINES < MIN_LINES)
		return;            /* nothing on screen to act on */
	a->theme_notice[0] = '\0'; /* said once, gone with the next key */
	if (is_key && ch == KEY_F(4)) {
		switch_theme(a);
		return;
	}
	/* counted for the statistics: the resident's keys, not the lock's */
	visit_stats_keys(a, 1);
	if (is_key && ch == KEY_F(3)) {
		app_switch_language(a);
		return;
	}
	screens[a->screen]->key(a, ch, is_key);
}

/* A click on a line of a list: the first picks it, a click on the line
 * already picked uses it, as Enter would; in a list of ticks a click ticks
 * or unticks, as Space would. Not while a yes/no question is asked. */
static void
on_item_click(app *a, int item)
{
	if (a->help_open || a->locked || a->confirm_delete || a->confirm_quit || a->confirm_done)
		return;
	int *sel = a->screen == SCR_QUESTION ? &a->choice_sel : &a->sel;
	const field *fld = a->screen == SCR_QUESTION ? app_current_field(a) : NULL;
	bool ticks = fld && field_kind(fld) == FIELD_MULTI;
	if (ticks) {
		*sel = item;
		on_key(a, ' ', false);
	} else if (*sel == item) {
		on_key(a, '\r', false);
	} else {
		*sel = item;
	}
}

static void
on_mouse(app *a)
{
	mouse_action m = mouse_read();
	if (m.kind == MOUSE_KEY)
		on_key(a, m.ch, m.is_key);
	else if (m.kind == MOUSE_ITEM)
		on_item_click(a, m.item);
	else if (m.kind == MOUSE_WHEEL)
		for (int n = m.lines < 0 ? -m.lines : m.lines; n > 0; n--)
			on_key(a, (wint_t)(m.lines < 0 ? KEY_UP : KEY_DOWN), true);
}

static void
start_curses(app *a)
{
	initscr();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(50);
	timeout(250);
	a->utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	/* The theme's colours (none in monochrome, nor under NO_COLOR unless
	 * --theme asks) and the QR code's, which is drawn dark on light in
	 * every theme: scanners need dark modules on a light ground, and the
	 * terminal's own theme may be light on dark. */
	a->color = has_colors();
	if (a->color) {
		start_color();
		use_default_colors();
		init_pair(THEME_QR_PAIR, COLOR_BLACK, COLOR_WHITE);
	}
	mouse_start();
	theme_id t = THEME_DEFAULT;
	if (a->opt->theme)
		theme_from_name(a->opt->theme, &t);
	theme_apply(t, a->color);
}

static void
open_data(app *a)
{
	form_set *set = NULL;

	if (form_set_load_dir_schema(tui_path_forms_dir(), tui_path_schema_dir(), &set, NULL,
	                             NULL) < 0 ||
	    !set || form_set_count(set) == 0) {
		form_set_free(set);
		a->forms = NULL;
	} else {
		a->forms = set;
	}
	open_store(a);
	visit_stats_open(a);
}

int
tui_run(const tui_options *opt)
{
	app a;
	memset(&a, 0, sizeof a);
	a.opt = opt;
	app_chome_box_forget(&a);

	if (sodium_init() < 0) {
		fprintf(stderr, "%s\n", _("yorisoi: the crypto library could not start."));
		return 1;
	}
	umask(077);          /* every file of a visit is the volunteer's account's alone */
	visit_files_sweep(); /* what a killed console left behind */
	open_data(&a);
	if (!a.forms) {
		fprintf(stderr,
		        _("yorisoi: no procedure definitions could be read from %s.\n"
		          "Run \"yorisoi forms check\" to see what is wrong.\n"),
		        tui_path_forms_dir());
		store_close(a.db);
		visit_stats_close(&a);
		return 1;
	}
	forms_check_offered(a.forms);
	tui_config_print_problems(stderr);
	if (opt->plain) {
		int rc = plain_run(&a);
		visit_stats_visit_end(&a);
		visit_stats_close(&a);
		app_end_application(&a);
		store_postal_close(a.postal);
		cardio_shutdown();
		reading_done();
		free(a.drafts);
		store_close(a.db);
		form_set_free(a.forms);
		return rc;
	}

	signal(SIGTERM, on_stop_signal);
	signal(SIGHUP, on_stop_signal);
	signal(SIGINT, on_stop_signal); /* Ctrl-C ends the visit cleanly too */
	start_curses(&a);
	a.last_input = time(NULL);
	app_go(&a, opt->lang ? SCR_START : SCR_LANG);
	if (tui_config_problem_count() > 0)
		snprintf(a.notice, sizeof a.notice,
		         /* L10N: %s is the first problem, "file:line: what is wrong". */
		         _("A setting was not used, and its default applies: %s"),
		         tui_config_problem(0));

	while (!a.quit && !stop_requested) {
		if (a.help_open)
			screen_help.draw(&a);
		else if (a.locked)
			screen_lock.draw(&a);
		else
			screens[a.screen]->draw(&a);

		wint_t ch;
		int rc = get_wch(&ch);
		if (rc == ERR) {
			time_t idle = time(NULL) - a.last_input;
			if (opt->idle_lock_seconds > 0 && !a.locked &&
			    idle > opt->idle_lock_seconds) {
				a.locked = true;
				a.help_open = false; /* the lock shows nothing of the visit */
				textinput_wipe(&a.pin);
				/* the lock says whether the answers are safe: only if they are */
				a.lock_saved = app_save(&a) == 0;
			}
			/* only a visit in progress ends: an idle start screen stays */
			if (opt->visit_end_seconds > 0 && idle > opt->visit_end_seconds &&
			    (a.ans || a.have_identity)) {
				app_end_visit(&a, true);
				a.last_input = time(NULL);
			}
			if (!a.locked && screens[a.screen]->tick)
				screens[a.screen]->tick(&a);
			continue;
		}
		a.last_input = time(NULL);
		bool is_key = rc == KEY_CODE_YES;
		if (is_key && ch == KEY_RESIZE)
			continue; /* the next frame lays out for the new size */
		if (is_key && ch == KEY_MOUSE)
			on_mouse(&a);
		else
			on_key(&a, ch, is_key);
	}
	/* Clear the resident's data off the terminal: one without an alternate
	 * screen (TERM=linux) would keep the last frame after endwin. */
	clear();
	refresh();
	endwin();

	visit_stats_visit_end(&a);
	visit_stats_close(&a);
	app_end_application(&a);
	free(a.drafts);
	store_close(a.db);
	store_postal_close(a.postal);
	cardio_shutdown();
	reading_done();
	form_set_free(a.forms);
	return 0;
}

void
app_codes_wipe(app *a)
{
	if (a->payload) {
		sodium_memzero(a->payload, strlen(a->payload));
		free(a->payload);
		a->payload = NULL;
	}
	for (size_t i = 0; a->codes.text && i < a->codes.n; i++)
		sodium_memzero(a->codes.text[i], strlen(a->codes.text[i]));
	handoff_codes_free(&a->codes);
	a->code_shown = 0;
	handoff_qr_free(a->qr);
	a->qr = NULL;
}
