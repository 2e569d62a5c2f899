/*
 * The definition's accessors, freeing, and form sets. Everything returned
 * here is borrowed from the form (or the set) that owns it.
 */
#include "engine/internal.h"

#include <stdlib.h>
#include <string.h>

void
choice_list_clear(choice_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].id);
		free(l->items[i].label);
		free(l->items[i].term);
		free(l->items[i].code);
		free(l->items[i].spec_label);
		free(l->items[i].spec_term);
		free(l->items[i].spec_help);
	}
	free(l->items);
	free(l->id);
	memset(l, 0, sizeof *l);
}

static void
field_free(field *fld)
{
	if (!fld)
		return;
	free(fld->id);
	free(fld->label);
	free(fld->term);
	free(fld->help);
	free(fld->hint);
	free(fld->prefill);
	free(fld->reading_of);
	free(fld->latin_of);
	free(fld->default_choice);
	free(fld->choices_ref);
	choice_list_clear(&fld->inline_choices);
	choice_list_clear(&fld->picks);
	free(fld->picks_ref);
	suggestion_free(fld->suggest);
	condition_free(fld->show_if);
	condition_free(fld->required_if);
	free(fld);
}

static void
repeat_free(form_repeat *r)
{
	free(r->id);
	free(r->label);
	free(r->term);
	free(r->help);
	free(r->another);
	condition_free(r->show_if);
	free(r);
}

static void
next_free(next_proc *p)
{
	for (size_t i = 0; i < p->ncarries; i++) {
		free(p->carries[i].from);
		free(p->carries[i].to);
		for (size_t k = 0; k < p->carries[i].nparts; k++) {
			free(p->carries[i].parts[k].from);
			free(p->carries[i].parts[k].before);
		}
		free(p->carries[i].parts);
	}
	free(p->carries);
	condition_free(p->when);
	free(p->form);
	free(p->label);
	free(p->term);
}

void
form_free(form *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->nrepeats; i++)
		repeat_free(f->repeats[i]);
	free(f->repeats);
	for (size_t i = 0; i < f->nderived; i++) {
		free(f->derived[i].id);
		free(f->derived[i].from);
		free(f->derived[i].at);
		free(f->derived[i].label);
	}
	free(f->derived);
	for (size_t i = 0; i < f->nnext; i++)
		next_free(&f->next[i]);
	free(f->next);
	for (size_t i = 0; i < f->nfields; i++)
		field_free(f->fields[i]);
	free(f->fields);
	for (size_t i = 0; i < f->nlists; i++)
		choice_list_clear(&f->lists[i]);
	free(f->lists);
	for (size_t i = 0; i < f->nsections; i++)
		free(f->sections[i]);
	free(f->sections);
	free(f->path);
	free(f->id);
	free(f->title);
	free(f->label);
	free(f->description);
	free(f);
}

void
form_set_free(form_set *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		form_free(s->forms[i]);
	free(s->forms);
	for (size_t i = 0; i < s->nold; i++)
		form_free(s->old[i]);
	free(s->old);
	free(s);
}

size_t
form_set_count(const form_set *s)
{
	return s ? s->n : 0;
}

const form *
form_set_at(const form_set *s, size_t i)
{
	return s && i < s->n ? s->forms[i] : NULL;
}

const form *
form_set_find(const form_set *s, const char *id)
{
	if (!s || !id)
		return NULL;
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->forms[i]->id, id) == 0)
			return s->forms[i];
	return NULL;
}

const form *
form_set_find_version(const form_set *s, const char *id, int version)
{
	const form *f = form_set_find(s, id);
	if (f && f->version == version)
		return f;
	for (size_t i = 0; s && id && i < s->nold; i++)
		if (s->old[i]->version == version && strcmp(s->old[i]->id, id) == 0)
			return s->old[i];
	return NULL;
}

const char *
form_id(const form *f)
{
	return f->id;
}

int
form_version(const form *f)
{
	return f->version;
}

const char *
form_title(const form *f)
{
	return f->title;
}

const char *
form_label(const form *f)
{
	return f->label;
}

const char *
form_description(const form *f)
{
	return f->description;
}

const char *
form_path(const form *f)
{
	return f->path;
}

size_t
form_field_count(const form *f)
{
	return f->nfields;
}

const field *
form_field_at(const form *f, size_t i)
{
	return i < f->nfields ? f->fields[i] : NULL;
}

const field *
form_field_by_id(const form *f, const char *id)
{
	if (!id)
		return NULL;
	for (size_t i = 0; i < f->nfields; i++)
		if (strcmp(f->fields[i]->id, id) == 0)
			return f->fields[i];
	return NULL;
}

const field *
form_field_by_prefill(const form *f, const char *source)
{
	for (size_t i = 0; source && i < f->nfields; i++)
		if (f->fields[i]->prefill && strcmp(f->fields[i]->prefill, source) == 0)
			return f->fields[i];
	return NULL;
}

int
form_field_index(const form *f, const field *fld)
{
	if (!fld || fld->index >= f->nfields || f->fields[fld->index] != fld)
		return -1;
	return (int)fld->index;
}

const char *
field_id(const field *fld)
{
	return fld->id;
}

field_type
field_kind(const field *fld)
{
	return fld->type;
}

const char *
field_label(const field *fld)
{
	return fld->label;
}

const char *
field_term(const field *fld)
{
	return fld->term;
}

const char *
field_help(const field *fld)
{
	return fld->help;
}

const char *
field_section(const field *fld)
{
	return fld->section;
}

bool
field_required(const field *fld)
{
	return fld->required;
}

const char *
field_prefill(const field *fld)
{
	return fld->prefill;
}

const char *
field_reading_of(const field *fld)
{
	return fld->reading_of;
}

bool
field_same_as_previous(const field *fld)
{
	return fld->same_as_previous;
}

bool
field_offers_family_name(const field *fld)
{
	return fld->offer_family_name;
}

bool
field_postal_lookup(const field *fld)
{
	return fld->postal_lookup;
}

bool
field_block_number(const field *fld)
{
	return fld->block_number;
}

const char *
field_latin_of(const field *fld)
{
	return fld->latin_of;
}

size_t
field_pick_count(const field *fld)
{
	return fld->picks.n;
}

const char *
field_pick_label(const field *fld, size_t i)
{
	return i < fld->picks.n ? fld->picks.items[i].label : NULL;
}

const char *
field_pick_term(const field *fld, size_t i)
{
	return i < fld->picks.n ? fld->picks.items[i].term : NULL;
}

int
field_pick_index(const field *fld, const char *value)
{
	for (size_t i = 0; value && i < fld->picks.n; i++)
		if (strcmp(fld->picks.items[i].term, value) == 0)
			return (int)i;
	return -1;
}

const char *
field_default(const field *fld)
{
	return fld->default_choice;
}

int
field_min(const field *fld)
{
	return fld->min;
}

int
field_max(const field *fld)
{
	return fld->max;
}

bool
field_past(const field *fld)
{
	return fld->past;
}

size_t
field_choice_count(const field *fld)
{
	return fld->choices ? fld->choices->n : 0;
}

const char *
field_choice_id(const field *fld, size_t i)
{
	return i < field_choice_count(fld) ? fld->choices->items[i].id : NULL;
}

const char *
field_choice_label(const field *fld, size_t i)
{
	return i < field_choice_count(fld) ? fld->choices->items[i].label : NULL;
}

const char *
field_choice_term(const field *fld, size_t i)
{
	return i < field_choice_count(fld) ? fld->choices->items[i].term : NULL;
}

int
field_choice_index(const field *fld, const char *choice_id)
{
	if (!choice_id)
		return -1;
	for (size_t i = 0; i < field_choice_count(fld); i++)
		if (strcmp(fld->choices->items[i].id, choice_id) == 0)
			return (int)i;
	return -1;
}

const char *
field_hint(const field *fld)
{
	return fld->hint;
}

text_rule
field_text_rule(const field *fld)
{
	return fld->rule;
}

bool
field_choice_other(const field *fld, size_t i)
{
	return i < field_choice_count(fld) && fld->choices->items[i].other;
}

const field *
field_other_of(const field *fld)
{
	return fld->other_of;
}

/* ---- repeats ---- */

size_t
form_repeat_count(const form *f)
{
	return f->nrepeats;
}

const form_repeat *
form_repeat_at(const form *f, size_t i)
{
	return i < f->nrepeats ? f->repeats[i] : NULL;
}

const form_repeat *
form_repeat_by_id(const form *f, const char *id)
{
	if (!id)
		return NULL;
	for (size_t i = 0; i < f->nrepeats; i++)
		if (strcmp(f->repeats[i]->id, id) == 0)
			return f->repeats[i];
	return NULL;
}

const char *
repeat_id(const form_repeat *r)
{
	return r->id;
}

const char *
repeat_label(const form_repeat *r)
{
	return r->label;
}

const char *
repeat_term(const form_repeat *r)
{
	return r->term;
}

const char *
repeat_help(const form_repeat *r)
{
	return r->help;
}

const char *
repeat_another(const form_repeat *r)
{
	return r->another;
}

int
repeat_min(const form_repeat *r)
{
	return r->min;
}

int
repeat_max(const form_repeat *r)
{
	return r->max;
}

size_t
repeat_field_count(const form_repeat *r)
{
	return r->nfields;
}

const field *
repeat_field_at(const form_repeat *r, size_t i)
{
	return i < r->nfields && r->owner ? r->owner->fields[r->first + i] : NULL;
}

const char *
field_repeat(const field *fld)
{
	return fld->in_repeat ? fld->in_repeat->id : NULL;
}

/* ---- derived values and next procedures ---- */

size_t
form_derived_count(const form *f)
{
	return f->nderived;
}

const char *
form_derived_id(const form *f, size_t i)
{
	return i < f->nderived ? f->derived[i].id : NULL;
}

const char *
form_derived_label(const form *f, size_t i)
{
	return i < f->nderived ? f->derived[i].label : NULL;
}

const derived *
form_derived_by_id(const form *f, const char *id)
{
	if (!id)
		return NULL;
	for (size_t i = 0; i < f->nderived; i++)
		if (strcmp(f->derived[i].id, id) == 0)
			return &f->derived[i];
	return NULL;
}

size_t
form_next_count(const form *f)
{
	return f->nnext;
}

const char *
form_next_form(const form *f, size_t i)
{
	return i < f->nnext ? f->next[i].form : NULL;
}

const char *
form_next_label(const form *f, size_t i)
{
	return i < f->nnext ? f->next[i].label : NULL;
}

const char *
form_next_term(const form *f, size_t i)
{
	return i < f->nnext ? f->next[i].term : NULL;
}

bool
form_next_applies(const answers *a, size_t i)
{
	const form *f = answers_form(a);
	return i < f->nnext && condition_eval(a, f->next[i].when, -1, 0, 0);
}
