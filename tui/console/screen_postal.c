/* A postal code answered: the address filled from the offline table, or,
 * when the code covers several places, a screen to pick one. */
#include "tui/console/app.h"
#include "tui/console/draw.h"
#include "tui/console/theme.h"
#include "tui/console/keys.h"
#include "tui/i18n.h"
#include "tui/paths.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Fills prefecture, city and town from one place, replacing what an
 * earlier pick filled but never what the resident typed. */
void
app_postal_fill(app *a, const store_postal_place *p)
{
	prefill_value pv[3] = {{"postal.prefecture", p->prefecture},
	                       {"postal.city", p->city},
	                       {"postal.town", p->town}};
	app_chome_note_town(a);
	if (answers_prefill_replace(a->ans, pv, 3) > 0)
		snprintf(a->notice, sizeof a->notice, "%s",
		         _("The address was filled in from the postal code: please check it."));
}

void
app_postal_step_forward(app *a)
{
	char keep[sizeof a->notice];
	snprintf(keep, sizeof keep, "%s", a->notice);
	app_step_forward(a);
	snprintf(a->notice, sizeof a->notice, "%s", keep);
}

size_t
app_postal_places_of(app *a, const char *code)
{
	store_error err;

	free(a->places);
	a->places = NULL;
	a->nplaces = 0;
	if (!code || a->postal_unavailable)
		return 0;
	if (!a->postal) {
		if (store_postal_open(tui_path_postal_db(), &a->postal, &err) != 0) {
			a->postal = NULL;
			a->postal_unavailable = true;
			return 0;
		}
	}
	if (store_postal_lookup(a->postal, code, &a->places, &a->nplaces, &err) != 0) {
		free(a->places);
		a->places = NULL;
		a->nplaces = 0;
	}
	return a->nplaces;
}

const char *
app_postal_none(const app *a)
{
	return a->postal_unavailable
	               ? _("The postal code list is not installed here: please type the address.")
	               : _("No address is known for this postal code: please type the address.");
}

size_t
app_postal_places(app *a, const field *fld, int instance)
{
	const char *code = answers_get_at(a->ans, field_id(fld), instance);
	size_t n = app_postal_places_of(a, code);
	if (code && n == 0 && !a->postal_unavailable)
		snprintf(a->notice, sizeof a->notice, "%s", app_postal_none(a));
	return n;
}

void
app_postal_address_start(const store_postal_place *p, char *buf, size_t n)
{
	snprintf(buf, n, "%s%s%s%s", p->prefecture, p->city, p->town, p->street);
}

/* The text box starts with the address of place p, the cursor after it. */
static void
postal_text_fill(app *a, const store_postal_place *p)
{
	char start[sizeof p->prefecture + sizeof p->city + sizeof p->town + sizeof p->street];
	app_postal_address_start(p, start, sizeof start);
	textinput_set(&a->input, start);
	app_chome_box_place(a, p, a->step.field, a->step.instance);
	snprintf(a->notice, sizeof a->notice, "%s",
	         _("The start of the address was filled in from the postal code: type the "
	           "rest (block number, building and room), then press Enter."));
}

bool
app_postal_into_text(app *a, const char *typed)
{
	char code[8];
	if (store_postal_normalize(typed, code) != 0)
		return false;
	size_t n = app_postal_places_of(a, code);
	a->notice[0] = '\0';
	if (n == 0) {
		snprintf(a->error, sizeof a->error, "%s", app_postal_none(a));
	} else if (n == 1) {
		postal_text_fill(a, &a->places[0]);
	} else {
		snprintf(a->postal_typed, sizeof a->postal_typed, "%s", typed);
		a->postal_into_text = true;
		app_go(a, SCR_POSTAL);
	}
	return true;
}

bool
app_postal_lookup(app *a, const field *fld)
{
	size_t n = app_postal_places(a, fld, a->step.instance);
	if (n == 1) {
		app_postal_fill(a, &a->places[0]);
		return app_chome_offer(a, &a->places[0]); /* which 丁目 of the town */
	}
	if (n == 0)
		return false;
	app_go(a, SCR_POSTAL);
	return true;
}

void
app_postal_place_line(const app *a, size_t i, char *buf, size_t n)
{
	const store_postal_place *p = &a->places[i];
	snprintf(buf, n, "%s %s %s%s%s", p->prefecture, p->city, p->town, p->office[0] ? " " : "",
	         p->office);
}

static void
postal_draw(app *a)
{
	if (!draw_begin(a, _("Postal code")))
		return;
	int x = content_x(), cols = content_cols(), y = CONTENT_TOP;
	y = draw_block(y, x, cols, 3,
	               _("This postal code covers several places. Which one is the address?"),
	               A_BOLD);
	draw_scrolled_list(a, y, a->nplaces, app_postal_place_line);
	draw_end(a, _("↑↓ choose   Enter: use this place   Esc: none of these, type it"));
}

static void
postal_key(app *a, wint_t ch, bool is_key)
{
	if (key_move(ch, is_key, &a->sel, (int)a->nplaces))
		return;
	/* a number picks its line, as on every list (two digits for a code
	 * of many places); Enter uses it */
	int line = key_line_number(ch, is_key, &a->choice_typed, (int)a->nplaces);
	if (line >= 0) {
		a->sel = line;
		return;
	}
	if (a->postal_into_text && (key_is_enter(ch, is_key) || key_is_back(ch, is_key))) {
		/* back to the address question, with the place's address to
		 * finish, or with the code as typed */
		int pick = key_is_enter(ch, is_key) ? a->sel : -1;
		a->postal_into_text = false;
		app_go(a, SCR_QUESTION);
		if (pick >= 0)
			postal_text_fill(a, &a->places[pick]);
		else
			textinput_set(&a->input, a->postal_typed);
		return;
	}
	if (key_is_enter(ch, is_key)) {
		app_postal_fill(a, &a->places[a->sel]);
		if (app_chome_offer(a, &a->places[a->sel]))
			return;
		app_postal_step_forward(a);
	} else if (key_is_back(ch, is_key)) {
		app_step_forward(a);
	}
}

const screen_ops screen_postal = {NULL, postal_draw, postal_key, NULL};
