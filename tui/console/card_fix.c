/*
 * One wrong field on the card check: instead of N throwing the whole
 * reading away, the volunteer says which item is wrong (a rare kanji
 * replaced on the card, an old address). The card's values are used as
 * usual, and the wrong item's question is asked first, its card value
 * ready to correct; once corrected, the answers that held the same card
 * value take the correction, and the walk goes on where it would have
 * begun.
 */
#include "tui/console/app.h"
#include "tui/console/steps.h"

#include <string.h>

/* The prefill keys of each item, by CARD_FIX_*. */
static const char *const item_keys[CARD_FIX_COUNT][4] = {
        [CARD_FIX_NAME] = {"card.name", "card.family_name", "card.given_name", NULL},
        [CARD_FIX_ADDRESS] = {"card.address", NULL},
        [CARD_FIX_BIRTH] = {"card.birth", NULL},
        [CARD_FIX_SEX] = {"card.sex", NULL},
};

static bool
item_has_key(int item, const char *key)
{
	for (int k = 0; key && item > CARD_FIX_NONE && item < CARD_FIX_COUNT && item_keys[item][k];
	     k++)
		if (strcmp(item_keys[item][k], key) == 0)
			return true;
	return false;
}

static const char *
step_prefill(const app *a, const form_step *s)
{
	return s->add_another ? NULL : field_prefill(form_field_at(a->form, (size_t)s->field));
}

void
app_card_fix_begin(app *a, const form_step *start)
{
	int item = a->card_fix;
	form_step s = *start;
	a->card_fix = CARD_FIX_NONE;
	a->card_fix_pending = false;
	if (item == CARD_FIX_NONE)
		return;
	/* the first question the item fills, from start on (a household
	 * member's: inside their rows) */
	for (bool ok = true; ok; ok = form_step_next(a->ans, &s, &s)) {
		if (start->repeat_id && !step_same_person(&s, start))
			break;
		if (item_has_key(item, step_prefill(a, &s)) &&
		    answers_source_at(a->ans, field_id(form_field_at(a->form, (size_t)s.field)),
		                      s.instance) == ANSWER_SOURCE_CARD) {
			a->card_fix_resume = *start;
			a->card_fix_step = s;
			a->card_fix_pending = true;
			a->step = s;
			return;
		}
	}
}

/* The correction goes into the other answers of the same person that
 * still hold the card's value of the same key (the old address is also
 * the address; the card holder is also the first member). */
static void
spread_correction(app *a)
{
	const field *fixed = form_field_at(a->form, (size_t)a->card_fix_step.field);
	const char *key = field_prefill(fixed);
	const char *v = answers_get_at(a->ans, field_id(fixed), a->card_fix_step.instance);
	form_step s;
	if (!key || !v ||
	    answers_source_at(a->ans, field_id(fixed), a->card_fix_step.instance) !=
	            ANSWER_SOURCE_TYPED)
		return;
	for (bool ok = form_step_next(a->ans, NULL, &s); ok; ok = form_step_next(a->ans, &s, &s)) {
		const char *other = step_prefill(a, &s);
		const field *fld;
		answer_error err;
		if (!other || strcmp(other, key) != 0 || s.instance != a->card_fix_step.instance)
			continue;
		fld = form_field_at(a->form, (size_t)s.field);
		if (answers_source_at(a->ans, field_id(fld), s.instance) == ANSWER_SOURCE_CARD)
			answers_set_at(a->ans, field_id(fld), s.instance, v, &err);
	}
}

bool
app_card_fix_done(app *a)
{
	form_step go;
	if (!a->card_fix_pending || !step_equal(&a->step, &a->card_fix_step))
		return false;
	a->card_fix_pending = false;
	spread_correction(a);
	go = a->card_fix_resume;
	if (step_equal(&go, &a->card_fix_step) && !form_step_next(a->ans, &go, &go)) {
		app_save(a);
		app_go(a, SCR_REVIEW);
		return true;
	}
	app_go_step(a, &go);
	return true;
}
