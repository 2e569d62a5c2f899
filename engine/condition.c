/*
 * show-if conditions: evaluation against answers. A field that does not
 * apply counts as unanswered in every condition that refers to it, so
 * changing an early answer hides the whole chain that hung on it.
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

static bool field_applies_depth(const answers *a, const field *fld, int depth);

/* The value of a field as conditions see it: NULL when hidden. */
static const char *
effective_value(const answers *a, const char *id, int depth)
{
	const field *fld = form_field_by_id(a->f, id);
	if (!fld || !a->values[fld->index])
		return NULL;
	return field_applies_depth(a, fld, depth + 1) ? a->values[fld->index] : NULL;
}

/*
 * Evaluates c. The loader rejects cyclic conditions; the depth limit is a
 * second line of defence and makes a runaway chain evaluate to false.
 */
bool
condition_eval(const answers *a, const condition *c, int depth)
{
	const char *v;

	if (!c)
		return true;
	if (depth > MAX_EVAL_DEPTH)
		return false;
	switch (c->kind) {
	case COND_ALL:
		for (size_t i = 0; i < c->nkids; i++)
			if (!condition_eval(a, c->kids[i], depth + 1))
				return false;
		return true;
	case COND_ANY:
		for (size_t i = 0; i < c->nkids; i++)
			if (condition_eval(a, c->kids[i], depth + 1))
				return true;
		return false;
	case COND_NOT:
		return c->nkids == 1 && !condition_eval(a, c->kids[0], depth + 1);
	default:
		break;
	}
	v = effective_value(a, c->field, depth);
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
	default:
		return false;
	}
}

static bool
field_applies_depth(const answers *a, const field *fld, int depth)
{
	if (!fld->show_if)
		return true;
	return condition_eval(a, fld->show_if, depth);
}

bool
field_applies(const answers *a, const field *fld)
{
	return a && fld && field_applies_depth(a, fld, 0);
}

bool
field_required_now(const answers *a, const field *fld)
{
	if (!field_applies(a, fld))
		return false;
	return fld->required || (fld->required_if && condition_eval(a, fld->required_if, 0));
}
