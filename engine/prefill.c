/*
 * Prefill: named values handed in by the console (the card read, today,
 * the postal-code pick) fill the fields that name them as their source.
 * Each value is validated like typed input; a value that does not fit its
 * field is skipped, so the resident types it instead.
 */
#include "engine/internal.h"

#include <stdlib.h>
#include <string.h>

static const char *
lookup(const prefill_value *values, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (values[i].key && strcmp(values[i].key, key) == 0)
			return values[i].value;
	return NULL;
}

/* For a choice field, the id of the choice whose code= (else id) equals
 * the prefill value, e.g. card.sex "2" -> the choice with code="2". */
static const char *
choice_for_code(const field *fld, const char *v)
{
	for (size_t i = 0; i < field_choice_count(fld); i++)
		if (fld->choices->items[i].code && strcmp(fld->choices->items[i].code, v) == 0)
			return fld->choices->items[i].id;
	return field_choice_index(fld, v) >= 0 ? v : NULL;
}

answer_source
prefill_key_source(const char *key)
{
	if (strncmp(key, "card.", 5) == 0)
		return ANSWER_SOURCE_CARD;
	if (strncmp(key, "postal.", 7) == 0)
		return ANSWER_SOURCE_POSTAL;
	if (strcmp(key, "today") == 0)
		return ANSWER_SOURCE_TODAY;
	return ANSWER_SOURCE_CARD; /* form_check refuses any other key */
}

/* Fills one slot from the values; replace also overwrites an answer that
 * still holds an earlier prefill from the same source. Returns whether it
 * filled. */
static bool
fill(slot *s, const field *fld, const prefill_value *values, size_t n, bool replace)
{
	const char *v;
	char *norm = NULL;
	answer_error e;

	if (!s || !fld->prefill)
		return false;
	if (s->value && !(replace && s->origin == prefill_key_source(fld->prefill)))
		return false;
	v = lookup(values, n, fld->prefill);
	if (!v || !*v)
		return false;
	if (fld->type == FIELD_CHOICE && !(v = choice_for_code(fld, v)))
		return false;
	if (field_normalize(fld, v, &norm, &e) != ANSWER_OK || !norm) {
		wipe_free(norm);
		return false;
	}
	slot_store(s, norm, prefill_key_source(fld->prefill));
	return true;
}

static size_t
prefill_top(answers *a, const prefill_value *values, size_t n, bool replace)
{
	size_t filled = 0;
	for (size_t i = 0; i < a->f->nfields; i++) {
		const field *fld = a->f->fields[i];
		if (!fld->in_repeat && fill(&a->top[i], fld, values, n, replace))
			filled++;
	}
	return filled;
}

size_t
answers_prefill(answers *a, const prefill_value *values, size_t n)
{
	return prefill_top(a, values, n, false);
}

size_t
answers_prefill_replace(answers *a, const prefill_value *values, size_t n)
{
	return prefill_top(a, values, n, true);
}

/*
 * One instance from one card (a household member's). The instance must
 * exist, or be the next one (it is then added, as answers_set_at does).
 */
size_t
answers_prefill_instance(answers *a, const char *repeat_id, int inst, const prefill_value *values,
                         size_t n)
{
	const form_repeat *r = form_repeat_by_id(a->f, repeat_id);
	size_t filled = 0;

	if (!r || inst < 0)
		return 0;
	if (inst == a->count[r->index] && answers_repeat_add(a, repeat_id) != inst)
		return 0;
	if (inst >= a->count[r->index])
		return 0;
	for (size_t i = 0; i < r->nfields; i++) {
		const field *fld = a->f->fields[r->first + i];
		if (fill(answers_slot(a, fld, inst), fld, values, n, false))
			filled++;
	}
	return filled;
}
