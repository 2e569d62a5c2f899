/*
 * Semantic checks of a definition that already matches the schema: what a
 * grammar cannot say (ids that must be unique or must exist, conditions
 * that must make sense, bounds that must be in order). Each problem is one
 * diagnostic with the line of the element at fault.
 */
#include "engine/internal.h"

#include <stdlib.h>
#include <string.h>

bool
is_choice_type(field_type t)
{
	return t == FIELD_CHOICE || t == FIELD_MULTI;
}

static void
check_choice_ids(check_ctx *cc, const choice_list *l, const char *owner)
{
	for (size_t i = 0; i < l->n; i++)
		for (size_t j = 0; j < i; j++)
			if (strcmp(l->items[i].id, l->items[j].id) == 0) {
				REPORT(cc, l->items[i].line, "duplicate choice id \"%s\" in %s",
				       l->items[i].id, owner);
				break;
			}
}

static const choice_list *
find_list(const form *f, const char *id)
{
	for (size_t i = 0; i < f->nlists; i++)
		if (strcmp(f->lists[i].id, id) == 0)
			return &f->lists[i];
	return NULL;
}

/* Resolves choices="..." and checks the field has choices exactly when
 * its type takes them. */
static void
check_field_choices(check_ctx *cc, field *fld)
{
	bool inl = fld->inline_choices.n > 0;

	if (!is_choice_type(fld->type)) {
		if (fld->choices_ref || inl)
			REPORT(cc, fld->line, "field \"%s\" of type %s cannot have choices",
			       fld->id, field_type_name(fld->type));
		return;
	}
	if (fld->choices_ref && inl) {
		REPORT(cc, fld->line,
		       "field \"%s\" has both choices=\"%s\" and its own <choice> elements",
		       fld->id, fld->choices_ref);
		return;
	}
	if (fld->choices_ref) {
		fld->choices = find_list(cc->f, fld->choices_ref);
		if (!fld->choices)
			REPORT(cc, fld->line, "field \"%s\": unknown choice list \"%s\"", fld->id,
			       fld->choices_ref);
		else if (fld->choices->n == 0)
			REPORT(cc, fld->line, "field \"%s\": choice list \"%s\" is empty", fld->id,
			       fld->choices_ref);
		return;
	}
	if (!inl) {
		REPORT(cc, fld->line, "field \"%s\" of type %s has no choices", fld->id,
		       field_type_name(fld->type));
		return;
	}
	fld->choices = &fld->inline_choices;
	check_choice_ids(cc, fld->choices, "this field");
}

/* Whether id names another text field that fld may read: in the same
 * place (the same repeat, or none) or, with or_outside, outside repeats. */
static bool
names_text_field(const check_ctx *cc, const field *fld, const char *id, bool or_outside)
{
	const field *of = form_field_by_id(cc->f, id);
	return of && of != fld && of->type == FIELD_TEXT &&
	       (of->in_repeat == fld->in_repeat || (or_outside && !of->in_repeat));
}

/* <suggest>: on a text field; each part a text or the prefecture of a
 * text field in the same place (or outside repeats); a label saying why. */
static void
check_suggest(check_ctx *cc, const field *fld)
{
	const suggestion *s = fld->suggest;
	if (fld->type != FIELD_TEXT)
		REPORT(cc, s->line, "field \"%s\": <suggest> applies only to text fields", fld->id);
	if (!s->label)
		REPORT(cc, s->line, "field \"%s\": <suggest> needs a <label> saying why", fld->id);
	if (s->nparts == 0)
		REPORT(cc, s->line, "field \"%s\": <suggest> needs at least one <part>", fld->id);
	for (size_t i = 0; i < s->nparts; i++) {
		const suggest_part *p = &s->parts[i];
		const char *of = p->prefecture_of ? p->prefecture_of : p->town_of;
		int kinds = (p->prefecture_of != NULL) + (p->town_of != NULL) + (p->text != NULL);
		if (kinds != 1 || (p->text && !p->text[0]))
			REPORT(cc, p->line,
			       "field \"%s\": a <part> of <suggest> takes one of prefecture-of=, "
			       "town-of= or a non-empty text=",
			       fld->id);
		else if (of && !names_text_field(cc, fld, of, true))
			REPORT(cc, p->line,
			       "field \"%s\": %s=\"%s\" must name another text field in the same "
			       "place or outside repeats",
			       fld->id, p->prefecture_of ? "prefecture-of" : "town-of", of);
	}
	check_condition(cc, fld, s->when);
}

static void
check_field_attrs(check_ctx *cc, const field *fld)
{
	if (fld->prefill && !prefill_source_known(fld->prefill))
		REPORT(cc, fld->line, "field \"%s\": unknown prefill source \"%s\"", fld->id,
		       fld->prefill);
	if (fld->same_as_previous && !fld->in_repeat)
		REPORT(cc, fld->line,
		       "field \"%s\": same-as-previous= applies only to fields in a repeat",
		       fld->id);
	if (fld->offer_family_name && (!fld->in_repeat || fld->type != FIELD_TEXT))
		REPORT(cc, fld->line,
		       "field \"%s\": offer-family-name= applies only to text fields in a repeat",
		       fld->id);
	if (fld->postal_lookup && fld->type != FIELD_TEXT)
		REPORT(cc, fld->line, "field \"%s\": postal-lookup= applies only to text fields",
		       fld->id);
	if (fld->block_number && fld->type != FIELD_TEXT)
		REPORT(cc, fld->line, "field \"%s\": block-number= applies only to text fields",
		       fld->id);
	if (fld->building && (fld->type != FIELD_TEXT || fld->block_number || fld->postal_lookup))
		REPORT(cc, fld->line,
		       "field \"%s\": building= applies only to text fields without block-number= "
		       "or postal-lookup=",
		       fld->id);
	if (fld->reading_of) {
		if (fld->type != FIELD_KANA)
			REPORT(cc, fld->line,
			       "field \"%s\": reading-of= applies only to kana fields", fld->id);
		else if (!form_field_by_id(cc->f, fld->reading_of))
			REPORT(cc, fld->line, "field \"%s\": reading-of=\"%s\": no such field",
			       fld->id, fld->reading_of);
		else if (!names_text_field(cc, fld, fld->reading_of, false))
			REPORT(cc, fld->line,
			       "field \"%s\": reading-of=\"%s\" must name a text field in the same "
			       "place (the same repeat, or none)",
			       fld->id, fld->reading_of);
	}
	if (fld->latin_of) {
		if (fld->type != FIELD_TEXT)
			REPORT(cc, fld->line, "field \"%s\": latin-of= applies only to text fields",
			       fld->id);
		else if (!names_text_field(cc, fld, fld->latin_of, false))
			REPORT(cc, fld->line,
			       "field \"%s\": latin-of=\"%s\" must name another text field in the "
			       "same place (the same repeat, or none)",
			       fld->id, fld->latin_of);
	}
	if (fld->suggest)
		check_suggest(cc, fld);
	if (fld->min > fld->max)
		REPORT(cc, fld->line, "field \"%s\": min=\"%d\" is greater than max=\"%d\"",
		       fld->id, fld->min, fld->max);
	if (fld->type != FIELD_NUMBER && fld->has_min)
		REPORT(cc, fld->line, "field \"%s\": min= applies only to number fields", fld->id);
	if (fld->has_max && fld->type != FIELD_NUMBER && fld->type != FIELD_TEXT &&
	    fld->type != FIELD_KANA)
		REPORT(cc, fld->line,
		       "field \"%s\": max= applies only to number, text and kana fields", fld->id);
	if (fld->type != FIELD_NUMBER && fld->has_max && fld->max < 1)
		REPORT(cc, fld->line, "field \"%s\": max=\"%d\" leaves no room for an answer",
		       fld->id, fld->max);
	if (fld->past && fld->type != FIELD_DATE)
		REPORT(cc, fld->line, "field \"%s\": past=\"true\" applies only to date fields",
		       fld->id);
	if ((fld->has_min_days || fld->has_max_days) && fld->type != FIELD_DATE)
		REPORT(cc, fld->line,
		       "field \"%s\": min-days= and max-days= apply only to date fields", fld->id);
	else if (fld->has_min_days && fld->has_max_days && fld->min_days > fld->max_days)
		REPORT(cc, fld->line, "field \"%s\": min-days=\"%d\" is after max-days=\"%d\"",
		       fld->id, fld->min_days, fld->max_days);
	else if (fld->past && fld->has_max_days && fld->max_days > 0)
		REPORT(cc, fld->line,
		       "field \"%s\": max-days=\"%d\" is in the future, but past=\"true\"", fld->id,
		       fld->max_days);
}

/*
 * Conditions compare stored (normalised) values, so a value written any
 * other way could never match: "07" for a number, "2025/4/1" for a date.
 * Says how to write it instead.
 */
static void
check_condition_value(check_ctx *cc, const condition *c, const field *target)
{
	char *norm = NULL;
	answer_error e;

	answer_status st = field_normalize(target, c->value, &norm, &e);

	if (st != ANSWER_OK || !norm)
		REPORT(cc, c->line, "\"%s\" can never be an answer to field \"%s\" (%s)", c->value,
		       c->field, answer_status_name(st == ANSWER_OK ? ANSWER_ERR_REQUIRED : st));
	else if (strcmp(norm, c->value) != 0)
		REPORT(cc, c->line, "write value=\"%s\" as \"%s\", the way answers are stored",
		       c->value, norm);
	free(norm);
}

/* <age>: of a date, at a date of the same repeat or of none, with
 * under= or from= (or both, a range) as whole non-negative years. */
static void
check_age(check_ctx *cc, const condition *c, const field *target)
{
	const field *at = c->at ? form_field_by_id(cc->f, c->at) : NULL;

	if (target->type != FIELD_DATE)
		REPORT(cc, c->line, "<age> needs a date field, but \"%s\" is %s", c->field,
		       field_type_name(target->type));
	if (c->at && !at)
		REPORT(cc, c->line, "<age at=\"%s\">: no such field", c->at);
	else if (at && at->type != FIELD_DATE)
		REPORT(cc, c->line, "<age at=\"%s\"> needs a date field, but it is %s", c->at,
		       field_type_name(at->type));
	else if (at && at->in_repeat && at->repeat != target->repeat)
		REPORT(cc, c->line, "<age at=\"%s\">: the date is in another repeat", c->at);
	if (c->under < 0 && c->from < 0)
		REPORT(cc, c->line, "<age> needs under= or from= (whole years, 0 or more)");
	if (c->under >= 0 && c->from >= 0 && c->from >= c->under)
		REPORT(cc, c->line, "<age from=\"%d\" under=\"%d\"> can never hold", c->from,
		       c->under);
}

/* Checks one condition tree of field `owner`. */
void
check_condition(check_ctx *cc, const field *owner, const condition *c)
{
	const field *target;

	if (!c)
		return;
	switch (c->kind) {
	case COND_ALL:
	case COND_ANY:
	case COND_NOT:
		if (c->nkids == 0 || (c->kind == COND_NOT && c->nkids != 1))
			REPORT(cc, c->line, "<%s> needs %s",
			       c->kind == COND_NOT ? "not" : "all/any",
			       c->kind == COND_NOT ? "exactly one condition" : "conditions");
		for (size_t i = 0; i < c->nkids; i++)
			check_condition(cc, owner, c->kids[i]);
		return;
	default:
		break;
	}
	if (!c->field) {
		REPORT(cc, c->line, "condition without field=");
		return;
	}
	if (owner && strcmp(c->field, owner->id) == 0) {
		REPORT(cc, c->line, "field \"%s\" is conditioned on itself", owner->id);
		return;
	}
	target = form_field_by_id(cc->f, c->field);
	if (!target) {
		REPORT(cc, c->line, "condition on unknown field \"%s\"", c->field);
		return;
	}
	if (c->kind == COND_ANSWERED)
		return;
	if (c->kind == COND_AGE) {
		check_age(cc, c, target);
		return;
	}
	if (c->kind == COND_PASSED) {
		if (target->type != FIELD_DATE)
			REPORT(cc, c->line, "<passed> needs a date field, but \"%s\" is %s",
			       c->field, field_type_name(target->type));
		return;
	}
	if (!c->value) {
		REPORT(cc, c->line, "condition on \"%s\" without value=", c->field);
		return;
	}
	if (c->kind == COND_INCLUDES && target->type != FIELD_MULTI) {
		REPORT(cc, c->line, "<includes> needs a multi field, but \"%s\" is %s", c->field,
		       field_type_name(target->type));
		return;
	}
	if (is_choice_type(target->type)) {
		/* Lists are resolved field by field: a target after the owner
		 * has not been resolved yet when the owner is checked. */
		if (!target->choices && target->choices_ref)
			return;
		if (target->choices && field_choice_index(target, c->value) < 0)
			REPORT(cc, c->line, "field \"%s\" has no choice \"%s\"", c->field,
			       c->value);
		return;
	}
	check_condition_value(cc, c, target);
}

/* Adds the fields a condition refers to into deps (indexes). */
static void
collect_deps(const form *f, const condition *c, bool *deps)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nkids; i++)
		collect_deps(f, c->kids[i], deps);
	if (c->field) {
		const field *t = form_field_by_id(f, c->field);
		if (t)
			deps[t->index] = true;
	}
}

/* Depth-first search for a cycle of show-if references; colour 1 = on the
 * current path, 2 = done. Returns true at the first cycle found. */
static bool
find_cycle(const form *f, size_t i, unsigned char *colour, bool *deps_buf)
{
	bool *deps = deps_buf + i * f->nfields;
	colour[i] = 1;
	for (size_t j = 0; j < f->nfields; j++) {
		if (!deps[j] || j == i)
			continue;
		if (colour[j] == 1)
			return true;
		if (colour[j] == 0 && find_cycle(f, j, colour, deps_buf))
			return true;
	}
	colour[i] = 2;
	return false;
}

static void
check_cycles(check_ctx *cc)
{
	form *f = cc->f;
	size_t n = f->nfields;
	bool *deps = eng_xcalloc(n * n, sizeof *deps);
	unsigned char *colour = eng_xcalloc(n, 1);

	/* A field depends on its own show-if and on its repeat's: two repeats
	 * whose show-ifs name each other's fields form a cycle too. */
	for (size_t i = 0; i < n; i++) {
		collect_deps(f, f->fields[i]->show_if, deps + i * n);
		if (f->fields[i]->in_repeat)
			collect_deps(f, f->fields[i]->in_repeat->show_if, deps + i * n);
	}
	for (size_t i = 0; i < n; i++) {
		if (colour[i] == 0 && find_cycle(f, i, colour, deps)) {
			REPORT(cc, f->fields[i]->line,
			       "show-if conditions of field \"%s\" depend on each other in a cycle",
			       f->fields[i]->id);
			break;
		}
	}
	free(deps);
	free(colour);
}

int
form_check(form *f, form_diag_fn diag, void *ctx)
{
	check_ctx cc = {f, diag, ctx, 0};

	if (f->nfields == 0)
		REPORT(&cc, 1, "form \"%s\" has no fields", f->id);
	if (f->version < 1)
		REPORT(&cc, 1, "form version must be 1 or more");
	for (size_t i = 0; i < f->nlists; i++) {
		for (size_t j = 0; j < i; j++)
			if (strcmp(f->lists[i].id, f->lists[j].id) == 0) {
				REPORT(&cc, f->lists[i].line, "duplicate choice list id \"%s\"",
				       f->lists[i].id);
				break;
			}
		check_choice_ids(&cc, &f->lists[i], "this list");
	}
	for (size_t i = 0; i < f->nfields; i++) {
		field *fld = f->fields[i];
		for (size_t j = 0; j < i; j++)
			if (strcmp(fld->id, f->fields[j]->id) == 0) {
				const field *added = fld->other_of            ? fld
				                     : f->fields[j]->other_of ? f->fields[j]
				                                              : NULL;
				if (added)
					REPORT(&cc, added == fld ? f->fields[j]->line : fld->line,
					       "field \"%s\" is also the field that other=\"true\" "
					       "adds for \"%s\"; remove one",
					       fld->id, added->other_of->id);
				else
					REPORT(&cc, fld->line,
					       "duplicate field id \"%s\" (first at line %d)",
					       fld->id, f->fields[j]->line);
				break;
			}
		if (!fld->other_of)
			check_field_choices(&cc, fld);
		check_field_attrs(&cc, fld);
		if (fld->default_choice && (fld->type != FIELD_CHOICE || !fld->choices ||
		                            field_choice_index(fld, fld->default_choice) < 0))
			REPORT(&cc, fld->line,
			       "field \"%s\": default=\"%s\" is not one of its choices (only a "
			       "choice field has a default)",
			       fld->id, fld->default_choice);
	}
	check_structure(&cc);
	for (size_t i = 0; i < f->nfields; i++) {
		check_condition(&cc, f->fields[i], f->fields[i]->show_if);
		check_condition(&cc, f->fields[i], f->fields[i]->required_if);
		if (f->fields[i]->required && f->fields[i]->required_if)
			REPORT(&cc, f->fields[i]->line,
			       "field \"%s\" has required=\"true\" and <required-if>; keep one",
			       f->fields[i]->id);
	}
	if (cc.errors == 0)
		check_cycles(&cc);
	if (cc.errors == 0)
		check_reachable(&cc);
	return cc.errors;
}
