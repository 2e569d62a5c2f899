/*
 * A resident's answers for one form: one normalised string per field,
 * NULL when unanswered. Navigation (next/prev/complete) follows the
 * definition order and skips fields whose show-if does not hold.
 */
#include "engine/internal.h"

#include <stdlib.h>
#include <string.h>

answers *
answers_new(const form *f)
{
	answers *a = eng_xcalloc(1, sizeof *a);
	a->f = f;
	a->values = eng_xcalloc(f->nfields ? f->nfields : 1, sizeof *a->values);
	return a;
}

void
answers_free(answers *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->f->nfields; i++)
		free(a->values[i]);
	free(a->values);
	free(a);
}

const form *
answers_form(const answers *a)
{
	return a->f;
}

const char *
answers_get(const answers *a, const char *id)
{
	const field *fld = form_field_by_id(a->f, id);
	return fld ? a->values[fld->index] : NULL;
}

static void
store(answers *a, const field *fld, char *value)
{
	free(a->values[fld->index]);
	a->values[fld->index] = value;
}

answer_status
answers_set(answers *a, const char *id, const char *input, answer_error *err)
{
	const field *fld = form_field_by_id(a->f, id);
	answer_error e = {ANSWER_OK, 0, 0};
	char *value = NULL;

	if (!fld) {
		e.status = ANSWER_ERR_UNKNOWN_FIELD;
		goto out;
	}
	e.status = field_normalize(fld, input ? input : "", &value, &e);
	if (e.status != ANSWER_OK)
		goto out;
	if (!value && field_required_now(a, fld)) {
		e.status = ANSWER_ERR_REQUIRED;
		goto out;
	}
	store(a, fld, value);
	value = NULL;
out:
	free(value);
	if (err)
		*err = e;
	return e.status;
}

answer_status
answers_put(answers *a, const char *id, const char *value)
{
	const field *fld = form_field_by_id(a->f, id);
	if (!fld)
		return ANSWER_ERR_UNKNOWN_FIELD;
	store(a, fld, value && *value ? eng_xstrdup(value) : NULL);
	return ANSWER_OK;
}

void
answers_clear(answers *a, const char *id)
{
	const field *fld = form_field_by_id(a->f, id);
	if (fld)
		store(a, fld, NULL);
}

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

/*
 * Fills unanswered fields from named values. Each value is validated like
 * typed input; one that does not fit its field (say a card address longer
 * than max=) is skipped, so the resident types it instead.
 */
size_t
answers_prefill(answers *a, const prefill_value *values, size_t n)
{
	size_t filled = 0;
	for (size_t i = 0; i < a->f->nfields; i++) {
		const field *fld = a->f->fields[i];
		const char *v;
		char *norm = NULL;
		answer_error e;

		if (!fld->prefill || a->values[i])
			continue;
		v = lookup(values, n, fld->prefill);
		if (!v || !*v)
			continue;
		if (fld->type == FIELD_CHOICE && !(v = choice_for_code(fld, v)))
			continue;
		if (field_normalize(fld, v, &norm, &e) != ANSWER_OK || !norm) {
			free(norm);
			continue;
		}
		store(a, fld, norm);
		filled++;
	}
	return filled;
}

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
	for (size_t i = 0; i < a->f->nfields; i++) {
		const field *fld = a->f->fields[i];
		if (!a->values[i] && field_required_now(a, fld)) {
			if (first_missing)
				*first_missing = (int)i;
			return false;
		}
	}
	return true;
}

static const char *const status_names[] = {
        "ok",           "required",  "too-long",    "bad-utf8", "date-format",
        "date-invalid", "era-range", "date-future", "kana",     "number",
        "number-range", "phone",     "postal",      "choice",   "unknown-field",
};

const char *
answer_status_name(answer_status st)
{
	return (unsigned)st < sizeof status_names / sizeof status_names[0] ? status_names[st] : "?";
}
