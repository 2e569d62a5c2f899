/*
 * Semantic checks of the parts added to version 1: repeat groups, derived
 * values, "other, please specify" choices and <next> procedures. What
 * needs the other forms of the folder (does <next form> exist, do carried
 * fields exist there) is form_set_check's, in form_set_check.c.
 */
#include "engine/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Repeat, derived and field ids share one namespace: the keys of the
 * answers JSON and the names conditions and derived values use. */
static void
check_ids(check_ctx *cc)
{
	form *f = cc->f;
	for (size_t i = 0; i < f->nrepeats; i++) {
		const form_repeat *r = f->repeats[i];
		if (form_field_by_id(f, r->id))
			REPORT(cc, r->line, "repeat id \"%s\" is also a field id", r->id);
		for (size_t j = 0; j < i; j++)
			if (strcmp(f->repeats[j]->id, r->id) == 0)
				REPORT(cc, r->line, "duplicate repeat id \"%s\"", r->id);
	}
	for (size_t i = 0; i < f->nderived; i++) {
		const derived *d = &f->derived[i];
		if (form_field_by_id(f, d->id) || form_repeat_by_id(f, d->id))
			REPORT(cc, d->line, "derived id \"%s\" is also a field or repeat id",
			       d->id);
		for (size_t j = 0; j < i; j++)
			if (strcmp(f->derived[j].id, d->id) == 0)
				REPORT(cc, d->line, "duplicate derived id \"%s\"", d->id);
	}
}

/* Whether a condition names a field of repeat r. */
static bool
names_repeat_field(const form *f, const condition *c, const form_repeat *r)
{
	const field *t;
	if (!c)
		return false;
	for (size_t i = 0; i < c->nkids; i++)
		if (names_repeat_field(f, c->kids[i], r))
			return true;
	t = c->field ? form_field_by_id(f, c->field) : NULL;
	return t && t->in_repeat == r;
}

static void
check_repeats(check_ctx *cc)
{
	form *f = cc->f;
	for (size_t i = 0; i < f->nrepeats; i++) {
		const form_repeat *r = f->repeats[i];
		if (r->nfields == 0)
			REPORT(cc, r->line, "repeat \"%s\" has no fields", r->id);
		if (r->max < 1)
			REPORT(cc, r->line, "repeat \"%s\": max=\"%d\" allows no entry", r->id,
			       r->max);
		if (r->min > r->max)
			REPORT(cc, r->line, "repeat \"%s\": min=\"%d\" is greater than max=\"%d\"",
			       r->id, r->min, r->max);
		if (r->show_if) {
			check_condition(cc, NULL, r->show_if);
			if (names_repeat_field(f, r->show_if, r))
				REPORT(cc, r->show_if->line,
				       "the show-if of repeat \"%s\" names its own fields", r->id);
		}
	}
}

/* The field or derived value a derived value reads, checked for kind and
 * place; returns the derived value it names, if any (for cycles). */
static const derived *
check_derived_input(check_ctx *cc, const derived *d, const char *name, const char *attr)
{
	const field *t = form_field_by_id(cc->f, name);
	const derived *dd = form_derived_by_id(cc->f, name);

	if (dd)
		return dd;
	if (!t) {
		REPORT(cc, d->line, "derived \"%s\": %s=\"%s\" is not a field", d->id, attr, name);
		return NULL;
	}
	if (t->type != FIELD_DATE)
		REPORT(cc, d->line, "derived \"%s\": %s=\"%s\" must be a date field, not %s", d->id,
		       attr, name, field_type_name(t->type));
	if (t->in_repeat && t->repeat != d->repeat)
		REPORT(cc, d->line,
		       "derived \"%s\" reads \"%s\" of repeat \"%s\"; put it inside that repeat",
		       d->id, name, t->in_repeat->id);
	return NULL;
}

/* Follows derived-from-derived references from d; true on a cycle. */
static bool
derived_cycle(const form *f, size_t i, unsigned char *colour)
{
	const derived *d = &f->derived[i];
	const char *in[2] = {d->from, d->at};
	colour[i] = 1;
	for (size_t k = 0; k < 2; k++) {
		const derived *dd = in[k] ? form_derived_by_id(f, in[k]) : NULL;
		size_t j;
		if (!dd)
			continue;
		j = (size_t)(dd - f->derived);
		if (colour[j] == 1 || (colour[j] == 0 && derived_cycle(f, j, colour)))
			return true;
	}
	colour[i] = 2;
	return false;
}

static void
check_derived(check_ctx *cc)
{
	form *f = cc->f;
	unsigned char *colour = eng_xcalloc(f->nderived ? f->nderived : 1, 1);
	bool cycle = false;

	for (size_t i = 0; i < f->nderived && !cycle; i++)
		if (colour[i] == 0 && derived_cycle(f, i, colour)) {
			REPORT(cc, f->derived[i].line,
			       "derived value \"%s\" depends on itself through a cycle",
			       f->derived[i].id);
			cycle = true;
		}
	for (size_t i = 0; i < f->nderived && !cycle; i++) {
		const derived *d = &f->derived[i];
		const derived *src = check_derived_input(cc, d, d->from, "from");
		const derived *at = d->at ? check_derived_input(cc, d, d->at, "at") : NULL;
		/* Ages and era strings are not dates: nothing derived can feed
		 * another derived value (yet). */
		if (src || at)
			REPORT(cc, d->line, "derived \"%s\" needs a date field, not derived \"%s\"",
			       d->id, src ? src->id : at->id);
		if (d->at && d->kind != DERIVED_AGE)
			REPORT(cc, d->line, "derived \"%s\": at= applies only to kind=\"age\"",
			       d->id);
	}
	free(colour);
}

/* A <pick> offers an answer of its text field: its term must be one. A
 * pick from a list file (picks=) is reported at the field, naming the
 * list's line. */
static void
check_picks(check_ctx *cc)
{
	form *f = cc->f;
	for (size_t i = 0; i < f->nfields; i++) {
		const field *fld = f->fields[i];
		for (size_t k = 0; k < fld->picks.n; k++) {
			const choice *p = &fld->picks.items[k];
			char *norm = NULL, where[96] = "";
			answer_error e;
			int line = p->line;
			if (fld->picks_ref) {
				snprintf(where, sizeof where, " (lists/%s.xml line %d)",
				         fld->picks_ref, p->line);
				line = fld->line;
			}
			if (fld->type != FIELD_TEXT) {
				/* once for the field, not once a line of a long list */
				REPORT(cc, line,
				       "field \"%s\": <pick>%s applies only to text fields",
				       fld->id, where);
				break;
			}
			if (field_normalize(fld, p->term, &norm, &e) != ANSWER_OK || !norm ||
			    strcmp(norm, p->term) != 0)
				REPORT(cc, line,
				       "field \"%s\": <pick> term \"%s\"%s is not an answer the "
				       "field "
				       "takes as it is",
				       fld->id, p->term, where);
			for (size_t j = 0; j < k; j++)
				if (strcmp(fld->picks.items[j].term, p->term) == 0)
					REPORT(cc, line,
					       "field \"%s\": <pick> \"%s\"%s is listed twice",
					       fld->id, p->term, where);
			free(norm);
		}
	}
}

/* other="true" makes sense only on choices a resident picks from. */
static void
check_other(check_ctx *cc)
{
	form *f = cc->f;
	for (size_t i = 0; i < f->nfields; i++) {
		const field *fld = f->fields[i];
		size_t n = 0;
		for (size_t k = 0; k < field_choice_count(fld); k++)
			n += fld->choices->items[k].other;
		if (n > 1)
			REPORT(cc, fld->line,
			       "field \"%s\" has %zu other=\"true\" choices; keep one", fld->id, n);
	}
}

static void
check_next(check_ctx *cc)
{
	form *f = cc->f;
	for (size_t i = 0; i < f->nnext; i++) {
		const next_proc *p = &f->next[i];
		check_condition(cc, NULL, p->when);
		if (!p->form && (p->matching || p->ncarries))
			REPORT(cc, p->line, "<next> without form= cannot carry answers");
		if (p->form && strcmp(p->form, f->id) == 0)
			REPORT(cc, p->line, "<next form=\"%s\"> names this form itself", p->form);
		for (size_t j = 0; j < i; j++)
			if (p->form && f->next[j].form && strcmp(p->form, f->next[j].form) == 0)
				REPORT(cc, p->line, "<next form=\"%s\"> is listed twice", p->form);
		for (size_t k = 0; k < p->ncarries; k++) {
			const carry_rule *cr = &p->carries[k];
			if (cr->nparts == 0 && !form_field_by_id(f, cr->from) &&
			    !form_repeat_by_id(f, cr->from))
				REPORT(cc, cr->line,
				       "<carry from=\"%s\">: no such field or repeat in this form",
				       cr->from);
			for (size_t j = 0; j < cr->nparts; j++) {
				const field *pf = form_field_by_id(f, cr->parts[j].from);
				if (!pf || pf->in_repeat)
					REPORT(cc, cr->parts[j].line,
					       "<part from=\"%s\">: no such field outside the "
					       "repeats "
					       "of this form",
					       cr->parts[j].from);
				else if (pf->type != FIELD_TEXT && pf->type != FIELD_KANA)
					REPORT(cc, cr->parts[j].line,
					       "<part from=\"%s\">: only text and kana answers "
					       "join "
					       "into a text",
					       cr->parts[j].from);
			}
		}
	}
}

void
check_structure(check_ctx *cc)
{
	check_ids(cc);
	check_repeats(cc);
	check_derived(cc);
	check_other(cc);
	check_picks(cc);
	check_next(cc);
}
