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
app_household_card(app *a)
{
	if (!a->step.add_another || !a->step.repeat_id)
		return false;
	a->household_repeat = a->step.repeat_id;
	app_go(a, SCR_CARD);
	return true;
}

void
app_household_add(app *a)
{
	prefill_value pv[8];
	const char *rid = a->household_repeat;
	a->household_repeat = NULL;

	for (int i = 0; i < a->nfingerprints; i++) {
		if (a->identity.fingerprint[0] &&
		    strcmp(a->fingerprints[i], a->identity.fingerprint) == 0) {
			cardio_identity_wipe(&a->identity);
			a->have_identity = false;
			app_go(a, SCR_QUESTION);
			snprintf(
			        a->error, sizeof a->error, "%s",
			        _("This card was already read for this application. Please use the "
			          "next person's card."));
			return;
		}
	}
	int inst = answers_repeat_add(a->ans, rid);
	if (inst < 0) {
		cardio_identity_wipe(&a->identity);
		a->have_identity = false;
		app_go(a, SCR_QUESTION);
		snprintf(a->error, sizeof a->error, "%s", _("No more can be added to this list."));
		return;
	}
	size_t n = app_card_values(a, pv);
	answers_prefill_instance(a->ans, rid, inst, pv, n);
	app_remember_card(a);
	cardio_identity_wipe(&a->identity);
	a->have_identity = false;
	form_step next;
	if (form_step_next(a->ans, &a->step, &next)) {
		app_card_fix_begin(a, &next); /* the wrong item of their card first */
		app_go_step(a, a->card_fix_pending ? &a->card_fix_step : &next);
	} else {
		app_go(a, SCR_REVIEW);
	}
}
