/*
 * Opening a saved draft: a draft has a key of its own, so the resident
 * types its come-back code here, or reads the same My Number card (C).
 * Whoever sits down at the PC later sees the list of drafts, not what is
 * in them (store.h, "A draft only its resident can reopen").
 */
#include "tui/console/app.h"
#include "tui/console/visit_stats.h"
#include "tui/console/draw.h"
#include "tui/console/keys.h"
#include "tui/console/steps.h"
#include "tui/i18n.h"
#include "tui/messages.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

/* Loads the unlocked draft and goes to where the resident stopped. */
static void
open_unlocked(app *a, int64_t id)
{
	store_draft_info info;
	store_error err;
	answers *ans = NULL;
	int position = 0;
	const form *f = NULL;
	if (store_draft_info_get(a->db, id, &info, &err) == 0)
		f = form_set_find(a->forms, info.form_id);
	if (!f || store_draft_load(a->db, id, f, &ans, &position, &err) != 0) {
		store_draft_release(a->db);
		app_go(a, SCR_START);
		if (f)
			msg_store_error(&err, a->error, sizeof a->error);
		return;
	}
	a->form = f;
	a->ans = ans;
	a->draft_id = id;
	a->unlock_id = 0;
	step_decode(ans, position, &a->step);
	a->from_review = false;
	visit_stats_app_begin(a, true);
	/* every required answer given: the visit had reached Check your
	 * answers, and goes on there rather than on a question */
	form_step missing;
	app_go(a, answers_complete_step(ans, &missing) ? SCR_REVIEW : SCR_QUESTION);
}

void
app_resume_draft(app *a, int64_t id)
{
	store_draft_info info;
	store_error err;
	const form *f = NULL;
	if (store_draft_info_get(a->db, id, &info, &err) == 0)
		f = form_set_find(a->forms, info.form_id);
	/* a draft of an older version opens as the newest, its answers
	 * carried over (store_decode_answers) */
	if (!f || form_version(f) < info.form_version ||
	    !form_set_find_version(a->forms, info.form_id, info.form_version)) {
		snprintf(a->error, sizeof a->error, "%s",
		         _("This draft was made with a form that is not installed here (or another "
		           "version of it), so it cannot be opened."));
		return;
	}
	/* one console per draft: a second one is told, and changes nothing */
	if (store_draft_lease(a->db, id, &err) != 0) {
		msg_store_error(&err, a->error, sizeof a->error);
		return;
	}
	int protected = store_draft_protected(a->db, id, &err);
	if (protected < 0) {
		store_draft_release(a->db);
		msg_store_error(&err, a->error, sizeof a->error);
		return;
	}
	if (protected == 0) {
		open_unlocked(a, id); /* a draft from before per-draft keys */
		return;
	}
	a->unlock_id = id;
	app_go(a, SCR_UNLOCK);
}

void
app_unlock_with_card(app *a)
{
	unsigned char secret[32];
	store_error err;
	store_card_secret(a->db, a->identity.name, a->identity.birth, secret);
	cardio_identity_wipe(&a->identity);
	a->have_identity = false;
	int rc = store_draft_unlock(a->db, a->unlock_id, NULL, secret, NULL, &err);
	sodium_memzero(secret, sizeof secret);
	if (rc == 0) {
		open_unlocked(a, a->unlock_id);
		return;
	}
	app_go(a, SCR_UNLOCK);
	if (err.status == STORE_ERR_WRONG_CODE)
		snprintf(a->error, sizeof a->error, "%s",
		         _("This is not the card this draft was started with."));
	else
		msg_store_error(&err, a->error, sizeof a->error);
}

static void
unlock_enter(app *a)
{
	textinput_set(&a->input, "");
}

static void
unlock_draw(app *a)
{
	if (!draw_begin(a, _("Come-back code")))
		return;
	int x = content_x(), cols = content_cols(), y = CONTENT_TOP;
	y = draw_block(y, x, cols, 3,
	               _("Please type the come-back code of this draft. It was shown when the "
	                 "draft was saved."),
	               A_BOLD);
	y = draw_block(y, x, cols, 3,
	               _("If the draft was started with a My Number card, reading the same card "
	                 "opens it too (press F2)."),
	               0);
	int label = draw_str(y, x, cols, _("Code:"), A_BOLD);
	draw_input(y, x + label + 2, 12, &a->input);
	draw_end(a, _("Enter: open   F2: read the card   Esc: back"));
}

static void
unlock_key(app *a, wint_t ch, bool is_key)
{
	if (key_is_back(ch, is_key)) {
		store_draft_release(a->db);
		a->unlock_id = 0;
		app_go(a, SCR_START);
		return;
	}
	/* A function key, not a letter: C is one of the code's own characters. */
	if (is_key && ch == KEY_F(2)) {
		a->form = NULL; /* the card screen opens the draft, not a new form */
		app_go(a, SCR_CARD);
		return;
	}
	if (key_is_enter(ch, is_key)) {
		store_error err;
		int tries = 0;
		int rc = store_draft_unlock(a->db, a->unlock_id, a->input.buf, NULL, &tries, &err);
		textinput_wipe(&a->input);
		if (rc == 0) {
			open_unlocked(a, a->unlock_id);
			return;
		}
		if (err.status == STORE_ERR_WRONG_CODE && tries > 0)
			snprintf(a->error, sizeof a->error,
			         ngettext("That is not the come-back code of this draft. %d more "
			                  "try.",
			                  "That is not the come-back code of this draft. %d more "
			                  "tries.",
			                  (unsigned long)tries),
			         tries);
		else
			msg_store_error(&err, a->error, sizeof a->error);
		return;
	}
	textinput_key(&a->input, ch, is_key);
}

const screen_ops screen_unlock = {unlock_enter, unlock_draw, unlock_key, NULL};
