/*
 * Steps: the questions the console walks, in order, with repeat instances
 * unrolled and an "add another?" step after the last instance of a repeat
 * below its max. The list is rebuilt from the answers on every call, so it
 * always reflects the latest answer (forms are a few dozen fields; the
 * cost is nothing next to a key press).
 *
 * Every step has a sort key (block, instance, position): block is the
 * field index for a field outside repeats and the repeat's first field
 * otherwise; position is the field index, or past every field for the
 * add-another step. "Next" is the first step whose key is greater than the
 * key of `from`, so a step that was hidden or removed meanwhile still has a
 * well-defined successor.
 */
#include "engine/internal.h"

#include <limits.h>
#include <stdlib.h>

typedef struct step_key {
	long block, inst, pos;
} step_key;

typedef struct step_list {
	form_step *s;
	size_t n, cap;
} step_list;

static void
push(step_list *l, int fld, int inst, bool another, const char *rid)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->s = eng_xrealloc(l->s, l->cap * sizeof *l->s);
	}
	l->s[l->n++] = (form_step){fld, inst, another, rid};
}

static void
build(const answers *a, step_list *l)
{
	answer_walk w;
	answers_walk_begin(&w, a, ANSWERS_WALK_APPLYING);
	while (answers_walk_next(&w)) {
		if (w.event == WALK_FIELD)
			push(l, form_field_index(a->f, w.field), w.instance, false,
			     w.repeat ? w.repeat->id : NULL);
		else if (w.event == WALK_REPEAT_END && w.count < w.repeat->max)
			push(l, -1, w.count, true, w.repeat->id);
	}
}

static step_key
key_of(const answers *a, const form_step *s)
{
	const form_repeat *r = s->repeat_id ? form_repeat_by_id(a->f, s->repeat_id) : NULL;
	step_key k = {-1, 0, -1};

	if (s->add_another && r) {
		k.block = (long)r->first;
		k.inst = s->instance;
		/* After "yes" the new instance exists: go into it. */
		k.pos = s->instance < a->count[r->index] ? -1 : LONG_MAX;
		return k;
	}
	if (s->field >= 0 && (size_t)s->field < a->f->nfields) {
		const field *fld = a->f->fields[s->field];
		k.block = fld->in_repeat ? (long)fld->in_repeat->first : s->field;
		k.inst = fld->in_repeat ? s->instance : 0;
		k.pos = s->field;
	}
	return k;
}

static int
key_cmp(step_key x, step_key y)
{
	if (x.block != y.block)
		return x.block < y.block ? -1 : 1;
	if (x.inst != y.inst)
		return x.inst < y.inst ? -1 : 1;
	if (x.pos != y.pos)
		return x.pos < y.pos ? -1 : 1;
	return 0;
}

bool
form_step_next(const answers *a, const form_step *from, form_step *out)
{
	step_list l = {0};
	bool found = false;

	build(a, &l);
	if (!from) {
		found = l.n > 0;
		if (found)
			*out = l.s[0];
	} else {
		step_key k = key_of(a, from);
		for (size_t i = 0; i < l.n && !found; i++)
			if (key_cmp(key_of(a, &l.s[i]), k) > 0) {
				*out = l.s[i];
				found = true;
			}
	}
	free(l.s);
	return found;
}

bool
form_step_prev(const answers *a, const form_step *from, form_step *out)
{
	step_list l = {0};
	bool found = false;

	build(a, &l);
	if (!from) {
		found = l.n > 0;
		if (found)
			*out = l.s[l.n - 1];
	} else {
		step_key k = key_of(a, from);
		for (size_t i = l.n; i-- > 0 && !found;)
			if (key_cmp(key_of(a, &l.s[i]), k) < 0) {
				*out = l.s[i];
				found = true;
			}
	}
	free(l.s);
	return found;
}

bool
answers_complete_step(const answers *a, form_step *first_missing)
{
	step_list l = {0};
	bool complete = true;

	build(a, &l);
	for (size_t i = 0; i < l.n && complete; i++) {
		const form_step *s = &l.s[i];
		const field *fld;
		const slot *sl;
		if (s->add_another)
			continue;
		fld = a->f->fields[s->field];
		sl = answers_slot(a, fld, s->instance);
		if ((!sl || !sl->value) && field_required_now_at(a, fld, s->instance)) {
			if (first_missing)
				*first_missing = *s;
			complete = false;
		}
	}
	free(l.s);
	return complete;
}
