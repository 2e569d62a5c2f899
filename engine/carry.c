/*
 * Carrying answers into the next procedure: what a <next form="..."> of
 * the finished form declares (carry="matching", <carry from to/>, <carry
 * to> joined from <part>s) is copied into fresh answers for that form,
 * each value validated again against its new field. Before those, every
 * field the new form fills from the card gets the answer this form filled
 * from the same card value (as checked, or corrected, by the resident),
 * since the card's data is not kept once an application begins. Carried
 * answers are marked so the console shows them for confirmation, as it
 * does prefilled ones.
 */
#include "engine/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Whether values of a can go into b unchanged in meaning. */
static bool
same_type(const field *a, const field *b)
{
	return a->type == b->type && a->rule == b->rule;
}

/* Copies one value into (to-field, instance) if it fits the new field. */
static void
carry_value(answers *dst, const field *to, int k, const char *value)
{
	char *norm = NULL;
	answer_error e;
	slot *s;

	/* A choice id that the new field's list lacks is refused here. */
	if (field_normalize(to, value, &norm, &e) != ANSWER_OK || !norm) {
		wipe_free(norm);
		return;
	}
	s = answers_slot(dst, to, k);
	if (!s && to->in_repeat && k == dst->count[to->in_repeat->index] &&
	    answers_repeat_add(dst, to->in_repeat->id) == k)
		s = answers_slot(dst, to, k);
	if (!s) {
		wipe_free(norm);
		return;
	}
	slot_store(s, norm, ANSWER_SOURCE_CARRIED);
}

/* Field to field, both outside repeats; only answers that apply carry. */
static void
carry_field(const answers *src, answers *dst, const field *from, const field *to)
{
	if (!from || !to || from->in_repeat || to->in_repeat || !same_type(from, to))
		return;
	if (!src->top[from->index].value || !field_applies(src, from))
		return;
	carry_value(dst, to, 0, src->top[from->index].value);
}

/* A whole repeat into another: instance by instance, fields by id. */
static void
carry_repeat(const answers *src, answers *dst, const form_repeat *from, const form_repeat *to)
{
	if (!from || !to || !repeat_applies(src, from))
		return;
	for (int k = 0; k < src->count[from->index] && k < to->max; k++) {
		for (size_t j = 0; j < from->nfields; j++) {
			const field *ff = src->f->fields[from->first + j];
			const field *tf = form_field_by_id(dst->f, ff->id);
			const slot *s = answers_slot(src, ff, k);
			if (!tf || tf->in_repeat != to || !same_type(ff, tf) || !s || !s->value ||
			    !field_applies_at(src, ff, k))
				continue;
			carry_value(dst, tf, k, s->value);
		}
	}
}

/* Carries `from` (a field or repeat id of src's form) to `to` in dst's. */
static void
carry_id(const answers *src, answers *dst, const char *from, const char *to)
{
	const form_repeat *rf = form_repeat_by_id(src->f, from);
	if (rf)
		carry_repeat(src, dst, rf, form_repeat_by_id(dst->f, to));
	else
		carry_field(src, dst, form_field_by_id(src->f, from), form_field_by_id(dst->f, to));
}

/* Parts joined into one text: each answered part that applies, after its
 * before= text when something comes before it. */
static void
carry_parts(const answers *src, answers *dst, const carry_rule *c)
{
	const field *to = form_field_by_id(dst->f, c->to);
	size_t cap = 1, len = 0;
	char *joined;

	if (!to || to->in_repeat)
		return;
	for (size_t i = 0; i < c->nparts; i++) {
		const field *pf = form_field_by_id(src->f, c->parts[i].from);
		if (pf && !pf->in_repeat && src->top[pf->index].value)
			cap += strlen(c->parts[i].before) + strlen(src->top[pf->index].value);
	}
	joined = eng_xrealloc(NULL, cap);
	joined[0] = '\0';
	for (size_t i = 0; i < c->nparts; i++) {
		const field *pf = form_field_by_id(src->f, c->parts[i].from);
		const char *v = pf && !pf->in_repeat ? src->top[pf->index].value : NULL;
		if (!v || !*v || !field_applies(src, pf))
			continue;
		if (len)
			len += (size_t)snprintf(joined + len, cap - len, "%s", c->parts[i].before);
		len += (size_t)snprintf(joined + len, cap - len, "%s", v);
	}
	if (len)
		carry_value(dst, to, 0, joined);
	wipe_free(joined);
}

/* The card's values as this visit has them: each field of dst's form
 * filled from the card (outside repeats) takes the answer of src's field
 * filled from the same card value. */
static void
carry_card_values(const answers *src, answers *dst)
{
	for (size_t i = 0; i < dst->f->nfields; i++) {
		const field *tf = dst->f->fields[i];
		if (tf->in_repeat || !tf->prefill || strncmp(tf->prefill, "card.", 5) != 0)
			continue;
		for (size_t j = 0; j < src->f->nfields; j++) {
			const field *ff = src->f->fields[j];
			if (ff->in_repeat || !ff->prefill ||
			    strcmp(ff->prefill, tf->prefill) != 0 || !same_type(ff, tf))
				continue;
			if (src->top[ff->index].value && field_applies(src, ff)) {
				carry_value(dst, tf, 0, src->top[ff->index].value);
				break;
			}
		}
	}
}

answers *
answers_carry(const answers *from, const form *to)
{
	answers *dst = answers_new(to);
	const next_proc *p = NULL;

	for (size_t i = 0; i < from->f->nnext && !p; i++)
		if (from->f->next[i].form && strcmp(from->f->next[i].form, to->id) == 0)
			p = &from->f->next[i];
	if (!p)
		return dst;
	carry_card_values(from, dst);
	if (p->matching) {
		for (size_t i = 0; i < from->f->nfields; i++)
			if (!from->f->fields[i]->in_repeat)
				carry_id(from, dst, from->f->fields[i]->id, from->f->fields[i]->id);
		for (size_t r = 0; r < from->f->nrepeats; r++)
			carry_id(from, dst, from->f->repeats[r]->id, from->f->repeats[r]->id);
	}
	for (size_t i = 0; i < p->ncarries; i++) {
		if (p->carries[i].nparts)
			carry_parts(from, dst, &p->carries[i]);
		else
			carry_id(from, dst, p->carries[i].from, p->carries[i].to);
	}
	return dst;
}
