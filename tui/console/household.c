/* Household cards: on a household list's "add another?", the next person's
 * card adds them, prefilled; the same card twice is refused. */
#include "tui/console/app.h"
#include "tui/console/draw.h"
#include "tui/console/keys.h"
#include "tui/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool
app_repeat_takes_cards(const form_repeat *r)
{
	for (size_t i = 0; r && i < repeat_field_count(r); i++) {
		const char *src = field_prefill(repeat_field_at(r, i));
		if (src && strncmp(src, "card.", 5) == 0)
			return true;
	}
	return false;
}

bool
app_household_card(app *a)
{
	if (!a->step.add_another || !a->step.repeat_id)
		return false;
	a->household_repeat = a->step.repeat_id;
	app_go(a, SCR_CARD);
	return true;
}

int
app_household_fill(app *a, const char *rid)
{
	prefill_value pv[8];
	int inst = HOUSEHOLD_FULL; /* until the card is found new */

	for (int i = 0; i < a->nfingerprints && inst == HOUSEHOLD_FULL; i++)
		if (a->identity.fingerprint[0] &&
		    strcmp(a->fingerprints[i], a->identity.fingerprint) == 0)
			inst = HOUSEHOLD_SAME_CARD;
	if (inst == HOUSEHOLD_FULL)
		inst = answers_repeat_add_person(a->ans, rid);
	if (inst >= 0) {
		size_t n = app_card_values(a, pv);
		answers_prefill_instance(a->ans, rid, inst, pv, n);
		app_remember_card(a);
	}
	/* the card's data now lives only in the answers */
	cardio_identity_wipe(&a->identity);
	a->have_identity = false;
	return inst;
}

const char *
app_household_problem(int status)
{
	return status == HOUSEHOLD_SAME_CARD
	               ? _("This card was already read for this application. Please use the "
	                   "next person's card.")
	               : _("No more can be added to this list.");
}

void
app_household_add(app *a)
{
	const char *rid = a->household_repeat;
	a->household_repeat = NULL;
	int inst = app_household_fill(a, rid);
	if (inst < 0) {
		a->card_fix = CARD_FIX_NONE; /* not carried to the next card */
		app_go(a, SCR_QUESTION);
		snprintf(a->error, sizeof a->error, "%s", app_household_problem(inst));
		return;
	}
	form_step next;
	if (form_step_next(a->ans, &a->step, &next)) {
		app_card_fix_begin(a, &next); /* the wrong item of their card first */
		app_go_step(a, a->card_fix_pending ? &a->card_fix_step : &next);
	} else {
		a->card_fix = CARD_FIX_NONE;
		app_go(a, SCR_REVIEW);
	}
}
