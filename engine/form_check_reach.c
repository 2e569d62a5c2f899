/*
 * Steps a resident can never reach. Two sound, simple rules rather than a
 * solver:
 *
 * 1. Ill-ordered: a show-if that names only fields asked after its own
 *    field. Walking forward, those are unanswered when the question comes
 *    up, so it is decided by answers the resident has not given yet.
 * 2. Contradiction: an <all> that requires one answer to be two things at
 *    once: <equals x a/> with <equals x b/> (a != b), or <equals x a/> with
 *    <not-equals x a/>, <not><equals x a/></not> or <not><answered x/></not>.
 *    Only leaves that read one answer count: x outside repeats, or x in the
 *    owner's own repeat (another repeat's field is "any instance", where
 *    both can hold in different instances).
 */
#include "engine/internal.h"

#include <string.h>

/* Whether every field the condition names comes after position `pos`;
 * *any is set when it names at least one. */
static bool
all_later(const form *f, const condition *c, size_t pos, bool *any)
{
	const field *t;
	if (!c)
		return true;
	for (size_t i = 0; i < c->nkids; i++)
		if (!all_later(f, c->kids[i], pos, any))
			return false;
	if (!c->field)
		return true;
	t = form_field_by_id(f, c->field);
	if (!t)
		return true;
	*any = true;
	return t->index > pos;
}

/* A leaf reading exactly one answer from the owner's point of view. */
static bool
single_answer(const form *f, const condition *c, int rep)
{
	const field *t = c->field ? form_field_by_id(f, c->field) : NULL;
	return t && (!t->in_repeat || t->repeat == rep);
}

/* Whether leaves x and y (direct children of one <all>, NOT already
 * unwrapped into neg flags) cannot both hold. */
static bool
clash(const condition *x, bool xneg, const condition *y, bool yneg)
{
	if (strcmp(x->field, y->field) != 0)
		return false;
	if (xneg && yneg)
		return false;
	if (yneg) {
		const condition *t = x;
		x = y;
		y = t;
		xneg = true;
		yneg = false;
	}
	/* Now only x may be negated. */
	if (y->kind != COND_EQUALS)
		return false;
	if (!xneg) {
		if (x->kind == COND_EQUALS)
			return strcmp(x->value, y->value) != 0;
		if (x->kind == COND_NOT_EQUALS)
			return strcmp(x->value, y->value) == 0;
		return false;
	}
	if (x->kind == COND_EQUALS)
		return strcmp(x->value, y->value) == 0;
	return x->kind == COND_ANSWERED;
}

/* A child of <all> as a leaf and whether it sits under one <not>. */
static const condition *
as_leaf(const form *f, const condition *c, int rep, bool *neg)
{
	*neg = false;
	if (c->kind == COND_NOT && c->nkids == 1) {
		*neg = true;
		c = c->kids[0];
	}
	if (c->kind == COND_ALL || c->kind == COND_ANY || c->kind == COND_NOT || !c->value ||
	    !single_answer(f, c, rep))
		return c->kind == COND_ANSWERED && *neg && single_answer(f, c, rep) ? c : NULL;
	return c;
}

/* Finds the first contradictory <all> in c; returns its line or 0. */
static int
contradiction(const form *f, const condition *c, int rep)
{
	if (!c)
		return 0;
	for (size_t i = 0; i < c->nkids; i++) {
		int line = contradiction(f, c->kids[i], rep);
		if (line)
			return line;
	}
	if (c->kind != COND_ALL)
		return 0;
	for (size_t i = 0; i < c->nkids; i++)
		for (size_t j = 0; j < i; j++) {
			bool ni, nj;
			const condition *x = as_leaf(f, c->kids[i], rep, &ni);
			const condition *y = as_leaf(f, c->kids[j], rep, &nj);
			if (x && y && clash(x, ni, y, nj))
				return c->line;
		}
	return 0;
}

void
check_reachable(check_ctx *cc)
{
	form *f = cc->f;
	for (size_t i = 0; i < f->nfields; i++) {
		const field *fld = f->fields[i];
		bool any = false;
		int line;
		if (!fld->show_if || fld->other_of)
			continue;
		if (all_later(f, fld->show_if, i, &any) && any)
			REPORT(cc, fld->line,
			       "field \"%s\" is unreachable: its show-if names only fields asked "
			       "after it; move it below them",
			       fld->id);
		line = contradiction(f, fld->show_if, fld->repeat);
		if (line)
			REPORT(cc, line,
			       "field \"%s\" is unreachable: its show-if can never hold (one "
			       "answer cannot be two things at once)",
			       fld->id);
	}
}
