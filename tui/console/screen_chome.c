/* A postal code gave a town that is divided into 丁目 (鶴見中央 1 to 5):
 * the resident picks theirs, and the form's town question (prefill
 * postal.town) starts as 鶴見中央5丁目 instead of the bare town to finish
 * by typing. The data is the town data in postal.db (docs/postal.md). */
#include "tui/console/app.h"
#include "tui/console/draw.h"
#include "tui/console/keys.h"
#include "tui/i18n.h"

#include <stdio.h>
#include <string.h>

/* The form's question that a postal code's town fills (prefill
 * postal.town), or NULL. */
static const field *
town_field(const app *a)
{
	return form_field_by_prefill(a->form, "postal.town");
}

/* The town question still holds what a prefill put there (or nothing): a
 * town the resident typed is theirs, and no 丁目 is asked for it. */
static bool
town_question_open(const app *a)
{
	const field *fld = town_field(a);
	return fld && (!answers_get_at(a->ans, field_id(fld), 0) ||
	               answers_prefilled_at(a->ans, field_id(fld), 0));
}

void
app_chome_note_town(app *a)
{
	const field *fld = a->form ? town_field(a) : NULL;
	const char *now = fld ? answers_get_at(a->ans, field_id(fld), 0) : NULL;
	snprintf(a->chome_before, sizeof a->chome_before, "%s", now ? now : "");
}

size_t
app_chome_of(app *a, const store_postal_place *p)
{
	store_error err;

	a->nchome = 0; /* and store_postal_chome leaves it 0 when it fails */
	if (a->postal && town_question_open(a) &&
	    store_postal_chome(a->postal, p, a->chome, &a->nchome, &err) == 0)
		snprintf(a->chome_town, sizeof a->chome_town, "%s", p->town);
	return a->nchome;
}

bool
app_chome_offer(app *a, const store_postal_place *p)
{
	if (app_chome_of(a, p) == 0)
		return false;
	char keep[sizeof a->notice]; /* the postal code's "please check it" */
	snprintf(keep, sizeof keep, "%s", a->notice);
	app_go(a, SCR_CHOME);
	snprintf(a->notice, sizeof a->notice, "%s", keep);
	/* back at the postal code: the 丁目 chosen before is the one marked */
	for (size_t k = 0; k < a->nchome; k++) {
		char line[sizeof a->chome_town + 16];
		app_chome_line(a, k, line, sizeof line);
		if (strcmp(line, a->chome_before) == 0)
			a->sel = (int)k;
	}
	return true;
}

void
app_chome_line(const app *a, size_t i, char *buf, size_t n)
{
	if (store_postal_chome_town(a->chome_town, a->chome[i], buf, n) != 0)
		buf[0] = '\0';
}

void
app_chome_choose(app *a, size_t i)
{
	char town[sizeof a->chome_town + 16];
	app_chome_line(a, i, town, sizeof town);
	prefill_value pv = {"postal.town", town};
	answers_prefill_replace(a->ans, &pv, 1);
}

static void
chome_draw(app *a)
{
	if (!draw_begin(a, _("丁目 of the town")))
		return;
	int x = content_x(), cols = content_cols(), y = CONTENT_TOP;
	char ask[512];
	/* L10N: %s is a town (鶴見中央); 丁目 are its numbered districts,
	 * written before the block number: 鶴見中央5丁目 2番3号. */
	snprintf(ask, sizeof ask, _("Which 丁目 of %s is the address in?"), a->chome_town);
	y = draw_block(y, x, cols, 3, ask, A_BOLD);
	draw_scrolled_list(a, y, a->nchome, app_chome_line);
	draw_end(a, _("↑↓ choose   Enter: use this   Esc: none of these, type it"));
}

static void
chome_key(app *a, wint_t ch, bool is_key)
{
	if (key_move(ch, is_key, &a->sel, (int)a->nchome))
		return;
	int line = key_line_number(ch, is_key, &a->choice_typed, (int)a->nchome);
	if (line >= 0) {
		a->sel = line;
		return;
	}
	if (key_is_enter(ch, is_key)) {
		app_chome_choose(a, (size_t)a->sel);
		app_postal_step_forward(a);
	} else if (key_is_back(ch, is_key)) {
		app_postal_step_forward(a); /* the town stays as the code gave it */
	}
}

const screen_ops screen_chome = {NULL, chome_draw, chome_key, NULL};
