/*
 * show-if conditions: evaluation against answers. A field that does not
 * apply counts as unanswered in every condition that refers to it, so
 * changing an early answer hides the whole chain that hung on it. Inside a
 * repeat, conditions read the same instance; a condition on another
 * repeat's field holds when it holds for any of its instances.
 */
#include "engine/internal.h"

#include <stdlib.h>
#include <string.h>

#define MAX_EVAL_DEPTH 64

void
condition_free(condition *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nkids; i++)
		condition_free(c->kids[i]);
	free(c->kids);
	free(c->field);
	free(c->value);
	free(c->at);
	free(c);
}

/* Whether a space-separated list of ids contains id. */
static bool
list_contains(const char *list, const char *id)
{
	size_t n = strlen(id);
	const char *p = list;
	while (*p) {
		const char *end = strchr(p, ' ');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && memcmp(p, id, n) == 0)
			return true;
		if (!end)
			break;
		p = end + 1;
	}
	return false;
}

bool
field_multi_has(const field *fld, const char *value, size_t i)
{
	return fld && value && i < field_choice_count(fld) &&
	       list_contains(value, field_choice_id(fld, i));
}

static bool field_applies_depth(const answers *a, const field *fld, int inst, int depth);

/* The value of a field in one instance as conditions see it: NULL when
 * unanswered or hidden. */
static const char *
effective_value(const answers *a, const field *fld, int inst, int depth)
{
	const slot *s = answers_slot(a, fld, inst);
	if (!s || !s->value)
		return NULL;
	return field_applies_depth(a, fld, inst, depth + 1) ? s->value : NULL;
}

const char *
field_value_in_place(const answers *a, const char *id, int rep, int inst)
{
	const field *fld = form_field_by_id(a->f, id);
	if (!fld || (fld->in_repeat && fld->repeat != rep))
		return NULL;
	int k = fld->in_repeat ? inst : 0;
	const slot *s = answers_slot(a, fld, k);
	return s && s->value && field_applies_at(a, fld, k) ? s->value : NULL;
}

/* <age>: the whole years of birth date v at the date field c->at (in
 * the same instance when it shares the repeat) or today. */
static bool
age_holds(const answers *a, const condition *c, const field *t, const char *v, int inst, int depth)
{
	char today[11];
	const char *on = today;
	if (c->at) {
		const field *at = form_field_by_id(a->f, c->at);
		if (!at)
			return false;
		on = effective_value(a, at, at->in_repeat && at->repeat == t->repeat ? inst : 0,
		                     depth);
		if (!on)
			return false;
	} else {
		date_today(today);
	}
	int years = years_between(v, on);
	return years >= 0 && (c->under < 0 || years < c->under) &&
	       (c->from < 0 || years >= c->from);
}

static bool
leaf_holds(const answers *a, const condition *c, const field *t, int inst, int depth)
{
	const char *v = effective_value(a, t, inst, depth);
	switch (c->kind) {
	case COND_EQUALS:
		return v && c->value && strcmp(v, c->value) == 0;
	case COND_NOT_EQUALS:
		/* Answered, with another value. <not><equals/></not> is the
		 * form that is also true while the field is unanswered. */
		return v && c->value && strcmp(v, c->value) != 0;
	case COND_INCLUDES:
		return v && c->value && list_contains(v, c->value);
	case COND_ANSWERED:
		return v != NULL;
	case COND_AGE:
		return v && age_holds(a, c, t, v, inst, depth);
	case COND_PASSED: {
		char today[11];
		date_today(today);
		return v && strcmp(v, today) <= 0; /* ISO dates sort as text */
	}
	default:
		return false;
	}
}

/*
 * Evaluates c for a field of repeat `rep` in instance `inst`. The loader
 * rejects cyclic conditions; the depth limit is a second line of defence
 * and makes a runaway chain evaluate to false.
 */
bool
condition_eval(const answers *a, const condition *c, int rep, int inst, int depth)
{
	const field *t;

	if (!c)
		return true;
	if (depth > MAX_EVAL_DEPTH)
		return false;
	switch (c->kind) {
	case COND_ALL:
		for (size_t i = 0; i < c->nkids; i++)
			if (!condition_eval(a, c->kids[i], rep, inst, depth + 1))
				return false;
		return true;
	case COND_ANY:
		for (size_t i = 0; i < c->nkids; i++)
			if (condition_eval(a, c->kids[i], rep, inst, depth + 1))
				return true;
		return false;
	case COND_NOT:
		return c->nkids == 1 && !condition_eval(a, c->kids[0], rep, inst, depth + 1);
	default:
		break;
	}
	t = form_field_by_id(a->f, c->field);
	if (!t)
		return false;
	if (!t->in_repeat)
		return leaf_holds(a, c, t, 0, depth);
	if (t->repeat == rep)
		return leaf_holds(a, c, t, inst, depth);
	/* Another repeat's field: true when it holds for any instance. */
	for (int k = 0; k < a->count[t->repeat]; k++)
		if (leaf_holds(a, c, t, k, depth))
			return true;
	return false;
}

static bool
repeat_applies_depth(const answers *a, const form_repeat *r, int depth)
{
	return !r->show_if || condition_eval(a, r->show_if, -1, 0, depth);
}

bool
repeat_applies(const answers *a, const form_repeat *r)
{
	return repeat_applies_depth(a, r, 0);
}

static bool
field_applies_depth(const answers *a, const field *fld, int inst, int depth)
{
	if (fld->in_repeat && !repeat_applies_depth(a, fld->in_repeat, depth + 1))
		return false;
	if (!fld->show_if)
		return true;
	return condition_eval(a, fld->show_if, fld->repeat, inst, depth);
}

bool
field_applies_at(const answers *a, const field *fld, int inst)
{
	return a && fld && field_applies_depth(a, fld, inst, 0);
}

bool
field_always_applies(const field *fld)
{
	return fld && !fld->show_if && !(fld->in_repeat && fld->in_repeat->show_if);
}

bool
field_applies(const answers *a, const field *fld)
{
	return field_applies_at(a, fld, 0);
}

bool
field_required_now_at(const answers *a, const field *fld, int inst)
{
	if (!field_applies_at(a, fld, inst))
		return false;
	return fld->required ||
	       (fld->required_if && condition_eval(a, fld->required_if, fld->repeat, inst, 0));
}

bool
field_required_now(const answers *a, const field *fld)
{
	return field_required_now_at(a, fld, 0);
}
