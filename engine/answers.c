/*
 * A resident's answers for one form: one slot per field outside repeats,
 * and per repeat an array of instances, each with one slot per field of
 * the repeat. A slot holds the normalised string (NULL when unanswered)
 * and where it came from (answer_source: typed, card, postal code...).
 */
#include "engine/internal.h"

#include <stdlib.h>
#include <string.h>

answers *
answers_new(const form *f)
{
	answers *a = eng_xcalloc(1, sizeof *a);
	a->f = f;
	a->top = eng_xcalloc(f->nfields ? f->nfields : 1, sizeof *a->top);
	a->count = eng_xcalloc(f->nrepeats ? f->nrepeats : 1, sizeof *a->count);
	a->inst = eng_xcalloc(f->nrepeats ? f->nrepeats : 1, sizeof *a->inst);
	for (size_t r = 0; r < f->nrepeats; r++)
		for (int k = 0; k < f->repeats[r]->min; k++)
			answers_repeat_add(a, f->repeats[r]->id);
	return a;
}

static void
slots_free(slot *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		wipe_free(s[i].value);
}

void
answers_free(answers *a)
{
	if (!a)
		return;
	slots_free(a->top, a->f->nfields);
	free(a->top);
	for (size_t r = 0; r < a->f->nrepeats; r++) {
		slots_free(a->inst[r], (size_t)a->count[r] * a->f->repeats[r]->nfields);
		free(a->inst[r]);
	}
	free(a->inst);
	free(a->count);
	free(a);
}

const form *
answers_form(const answers *a)
{
	return a->f;
}

slot *
answers_slot(const answers *a, const field *fld, int inst)
{
	const form_repeat *r = fld->in_repeat;
	if (!r)
		return inst == 0 ? &a->top[fld->index] : NULL;
	if (inst < 0 || inst >= a->count[r->index])
		return NULL;
	return &a->inst[r->index][(size_t)inst * r->nfields + (fld->index - r->first)];
}

void
slot_store(slot *s, char *value, answer_source origin)
{
	wipe_free(s->value);
	s->value = value;
	s->origin = value ? origin : ANSWER_SOURCE_TYPED;
}

const char *
answers_get_at(const answers *a, const char *id, int inst)
{
	const field *fld = form_field_by_id(a->f, id);
	const slot *s = fld ? answers_slot(a, fld, inst) : NULL;
	return s ? s->value : NULL;
}

const char *
answers_get(const answers *a, const char *id)
{
	return answers_get_at(a, id, 0);
}

/*
 * The slot to write: one past the last instance adds an instance first
 * (while below max), so a console can fill a new instance without a
 * separate call.
 */
static slot *
slot_for_write(answers *a, const field *fld, int inst)
{
	slot *s = answers_slot(a, fld, inst);
	if (!s && fld->in_repeat && inst == a->count[fld->in_repeat->index] &&
	    answers_repeat_add(a, fld->in_repeat->id) == inst)
		s = answers_slot(a, fld, inst);
	return s;
}

/*
 * Validates, then stores. A value equal to the one stored keeps its
 * origin, so confirming a prefilled answer with Enter leaves it
 * replaceable by a later prefill from the same source.
 */
answer_status
answers_set_at(answers *a, const char *id, int inst, const char *input, answer_error *err)
{
	const field *fld = form_field_by_id(a->f, id);
	answer_error e = {.status = ANSWER_OK};
	char *value = NULL;
	slot *s;

	if (!fld || inst < 0) {
		e.status = ANSWER_ERR_UNKNOWN_FIELD;
		goto out;
	}
	e.status = field_normalize(fld, input ? input : "", &value, &e);
	if (e.status != ANSWER_OK)
		goto out;
	if (!value && field_required_now_at(a, fld, inst)) {
		e.status = ANSWER_ERR_REQUIRED;
		goto out;
	}
	s = slot_for_write(a, fld, inst);
	if (!s) {
		e.status = ANSWER_ERR_UNKNOWN_FIELD;
		goto out;
	}
	if (value && s->value && strcmp(value, s->value) == 0)
		goto out;
	slot_store(s, value, ANSWER_SOURCE_TYPED);
	value = NULL;
out:
	wipe_free(value);
	if (err)
		*err = e;
	return e.status;
}

answer_status
answers_set(answers *a, const char *id, const char *input, answer_error *err)
{
	return answers_set_at(a, id, 0, input, err);
}

answer_status
answers_put_at(answers *a, const char *id, int inst, const char *value)
{
	const field *fld = form_field_by_id(a->f, id);
	slot *s;
	if (!fld || inst < 0)
		return ANSWER_ERR_UNKNOWN_FIELD;
	s = slot_for_write(a, fld, inst);
	if (!s)
		return ANSWER_ERR_UNKNOWN_FIELD;
	slot_store(s, value && *value ? eng_xstrdup(value) : NULL, ANSWER_SOURCE_TYPED);
	return ANSWER_OK;
}

answer_status
answers_put(answers *a, const char *id, const char *value)
{
	return answers_put_at(a, id, 0, value);
}

void
answers_clear_at(answers *a, const char *id, int inst)
{
	const field *fld = form_field_by_id(a->f, id);
	slot *s = fld ? answers_slot(a, fld, inst) : NULL;
	if (s)
		slot_store(s, NULL, ANSWER_SOURCE_TYPED);
}

void
answers_clear(answers *a, const char *id)
{
	answers_clear_at(a, id, 0);
}

bool
answers_prefilled_at(const answers *a, const char *id, int inst)
{
	answer_source src = answers_source_at(a, id, inst);
	return src != ANSWER_SOURCE_NONE && src != ANSWER_SOURCE_TYPED;
}

answer_source
answers_source_at(const answers *a, const char *id, int inst)
{
	const field *fld = form_field_by_id(a->f, id);
	const slot *s = fld ? answers_slot(a, fld, inst) : NULL;
	return s && s->value ? s->origin : ANSWER_SOURCE_NONE;
}

bool
answers_mark_source_at(answers *a, const char *id, int inst, answer_source src)
{
	const field *fld = form_field_by_id(a->f, id);
	slot *s = fld ? answers_slot(a, fld, inst) : NULL;
	if (!s || !s->value || src == ANSWER_SOURCE_NONE || src > ANSWER_SOURCE_DEFAULT)
		return false;
	s->origin = src;
	return true;
}

static const char *const source_names[] = {
        [ANSWER_SOURCE_NONE] = "",           [ANSWER_SOURCE_TYPED] = "typed",
        [ANSWER_SOURCE_CARD] = "card",       [ANSWER_SOURCE_POSTAL] = "postal",
        [ANSWER_SOURCE_TODAY] = "today",     [ANSWER_SOURCE_CARRIED] = "carried",
        [ANSWER_SOURCE_DEFAULT] = "default", [ANSWER_SOURCE_PREVIOUS] = "previous",
};

const char *
answer_source_name(answer_source src)
{
	return (unsigned)src < sizeof source_names / sizeof source_names[0] ? source_names[src]
	                                                                    : "";
}

answer_source
answer_source_from_name(const char *name)
{
	for (size_t i = 1; name && i < sizeof source_names / sizeof source_names[0]; i++)
		if (strcmp(name, source_names[i]) == 0)
			return (answer_source)i;
	return ANSWER_SOURCE_NONE;
}

/* ---- repeat instances ---- */

int
answers_repeat_count(const answers *a, const char *repeat_id)
{
	const form_repeat *r = form_repeat_by_id(a->f, repeat_id);
	return r ? a->count[r->index] : -1;
}

int
answers_repeat_add(answers *a, const char *repeat_id)
{
	const form_repeat *r = form_repeat_by_id(a->f, repeat_id);
	size_t ri, nf;
	int k;

	if (!r || a->count[r->index] >= r->max)
		return -1;
	ri = r->index;
	nf = r->nfields;
	k = a->count[ri]++;
	a->inst[ri] = eng_xrealloc(a->inst[ri], ((size_t)a->count[ri] * nf + 1) * sizeof(slot));
	memset(&a->inst[ri][(size_t)k * nf], 0, nf * sizeof(slot));
	return k;
}

int
answers_repeat_add_person(answers *a, const char *repeat_id)
{
	const form_repeat *r = form_repeat_by_id(a->f, repeat_id);
	int k = answers_repeat_add(a, repeat_id);
	if (k < 1)
		return k;
	for (size_t j = 0; j < r->nfields; j++) {
		const field *fld = a->f->fields[r->first + j];
		const slot *prev = answers_slot(a, fld, k - 1);
		slot *s = answers_slot(a, fld, k);
		/* only an answer that applied to the person before, stored in
		 * normal form already, so it is copied as it is */
		if (fld->same_as_previous && prev && prev->value && s && !s->value &&
		    field_applies_at(a, fld, k - 1))
			slot_store(s, eng_xstrdup(prev->value), ANSWER_SOURCE_PREVIOUS);
	}
	return k;
}

bool
answers_repeat_remove(answers *a, const char *repeat_id, int inst)
{
	const form_repeat *r = form_repeat_by_id(a->f, repeat_id);
	size_t ri, nf;
	slot *base;

	if (!r || inst < 0 || inst >= a->count[r->index] || a->count[r->index] <= r->min)
		return false;
	ri = r->index;
	nf = r->nfields;
	base = a->inst[ri];
	slots_free(base + (size_t)inst * nf, nf);
	memmove(base + (size_t)inst * nf, base + (size_t)(inst + 1) * nf,
	        (size_t)(a->count[ri] - inst - 1) * nf * sizeof *base);
	a->count[ri]--;
	return true;
}

/* ---- field-order navigation (instance 0) ---- */

int
form_next_field(const answers *a, int from)
{
	int n = (int)a->f->nfields;
	for (int i = from < -1 ? 0 : from + 1; i < n; i++)
		if (field_applies(a, a->f->fields[i]))
			return i;
	return -1;
}

int
form_prev_field(const answers *a, int from)
{
	int n = (int)a->f->nfields;
	for (int i = (from > n ? n : from) - 1; i >= 0; i--)
		if (field_applies(a, a->f->fields[i]))
			return i;
	return -1;
}

bool
answers_complete(const answers *a, int *first_missing)
{
	form_step s;
	if (answers_complete_step(a, &s))
		return true;
	if (first_missing)
		*first_missing = s.field;
	return false;
}

static const char *const status_names[] = {
        "ok",           "required",      "too-long",       "bad-utf8",    "date-format",
        "date-invalid", "era-range",     "date-future",    "kana",        "number",
        "number-range", "phone",         "postal",         "choice",      "unknown-field",
        "relationship", "resident-code", "residence-card", "date-window",
};

const char *
answer_status_name(answer_status st)
{
	return (unsigned)st < sizeof status_names / sizeof status_names[0] ? status_names[st] : "?";
}
