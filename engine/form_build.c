/*
 * Building the form structures from a parsed document that the schema
 * accepted. The builder is still defensive (missing attributes become empty
 * strings, unknown elements are skipped) so that a schema out of step with
 * the code cannot crash it; form_check.c then checks the meaning.
 */
#include "engine/internal.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#define MAX_COND_DEPTH 32
#define TEXT_MAX_LEN   200 /* default max="" of text fields, in characters */
#define KANA_MAX_LEN   100
#define REL_MAX_LEN    40 /* 続柄: a chain of a few terms */
#define REPEAT_MAX     20
#define NUMBER_MIN     0
#define NUMBER_MAX     999999

static const char *const prefill_sources[] = {
        "card.name",         "card.family_name", "card.given_name", "card.name_alpha",
        "card.address",      "card.birth",       "card.sex",        "today",
        "postal.prefecture", "postal.city",      "postal.town",
};

bool
prefill_source_known(const char *name)
{
	for (size_t i = 0; i < sizeof prefill_sources / sizeof prefill_sources[0]; i++)
		if (strcmp(name, prefill_sources[i]) == 0)
			return true;
	return false;
}

static const char *const type_names[] = {"text",  "kana",   "date",  "choice",
                                         "multi", "number", "phone", "postal"};

const char *
field_type_name(field_type t)
{
	return (unsigned)t < sizeof type_names / sizeof type_names[0] ? type_names[t] : "?";
}

static bool
is_elem(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
	       strcmp((const char *)n->ns->href, FORM_NS) == 0 &&
	       strcmp((const char *)n->name, name) == 0;
}

static char *
get_attr(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *s;
	if (!v)
		return NULL;
	s = eng_xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

/* The element's text with whitespace collapsed as xgettext does. */
static char *
get_text(const xmlNode *n)
{
	xmlChar *v = xmlNodeGetContent(n);
	char *s = normalize_space(v ? (const char *)v : "");
	xmlFree(v);
	return s;
}

static const xmlNode *
first_child(const xmlNode *n, const char *name)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		if (is_elem(c, name))
			return c;
	return NULL;
}

static char *
child_text(const xmlNode *n, const char *name)
{
	const xmlNode *c = first_child(n, name);
	return c ? get_text(c) : NULL;
}

static bool
get_bool_attr(const xmlNode *n, const char *name)
{
	char *v = get_attr(n, name);
	bool b = v && (strcmp(v, "true") == 0 || strcmp(v, "1") == 0);
	free(v);
	return b;
}

/* Reads an integer attribute; false (with a diagnostic) when it is
 * present but not an int. */
static bool
get_int_attr(load_ctx *lc, const xmlNode *n, const char *name, int *out, bool *present)
{
	char *v = get_attr(n, name), *end;
	long l;
	bool ok = true;

	*present = v != NULL;
	if (!v)
		return true;
	errno = 0;
	l = strtol(v, &end, 10);
	if (errno || end == v || *end || l < INT_MIN || l > INT_MAX) {
		diag_report(lc->diag, lc->ctx, lc->path, xmlGetLineNo(n),
		            "attribute %s=\"%s\" is not a whole number", name, v);
		lc->errors++;
		ok = false;
	} else {
		*out = (int)l;
	}
	free(v);
	return ok;
}

static int
parse_field_type(const char *s, field_type *t, text_rule *rule)
{
	*rule = TEXT_RULE_FREE;
	static const struct {
		const char *name;
		text_rule rule;
	} ruled[] = {{"relationship", TEXT_RULE_RELATIONSHIP},
	             {"resident-code", TEXT_RULE_RESIDENT_CODE},
	             {"residence-card", TEXT_RULE_RESIDENCE_CARD}};
	for (size_t i = 0; s && i < sizeof ruled / sizeof ruled[0]; i++)
		if (strcmp(s, ruled[i].name) == 0) {
			*t = FIELD_TEXT;
			*rule = ruled[i].rule;
			return 0;
		}
	for (size_t i = 0; i < sizeof type_names / sizeof type_names[0]; i++)
		if (s && strcmp(s, type_names[i]) == 0) {
			*t = (field_type)i;
			return 0;
		}
	return -1;
}

static void
load_choice(const xmlNode *n, choice_list *l)
{
	choice *c;
	l->items = eng_xrealloc(l->items, (l->n + 1) * sizeof *l->items);
	c = &l->items[l->n++];
	c->id = get_attr(n, "id");
	if (!c->id)
		c->id = eng_xstrdup("");
	c->label = child_text(n, "label");
	if (!c->label)
		c->label = eng_xstrdup("");
	c->term = child_text(n, "term");
	if (!c->term)
		c->term = eng_xstrdup("");
	c->code = get_attr(n, "code");
	c->other = get_bool_attr(n, "other");
	c->spec_label = c->spec_term = c->spec_help = NULL;
	c->spec_max = 0;
	const xmlNode *sp = first_child(n, "specify");
	if (sp) {
		char *mx = get_attr(sp, "max");
		c->spec_label = child_text(sp, "label");
		c->spec_term = child_text(sp, "term");
		c->spec_help = child_text(sp, "help");
		c->spec_max = mx ? atoi(mx) : 0;
		free(mx);
	}
	c->line = xmlGetLineNo(n);
}

static void
load_choices(const xmlNode *n, choice_list *l)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		if (is_elem(c, "choice"))
			load_choice(c, l);
}

void
form_build_picks(const xmlNode *root, choice_list *l)
{
	for (const xmlNode *c = root->children; c; c = c->next)
		if (is_elem(c, "pick"))
			load_choice(c, l);
}

static const struct {
	const char *name;
	cond_kind kind;
} cond_names[] = {
        {"equals", COND_EQUALS},     {"not-equals", COND_NOT_EQUALS},
        {"includes", COND_INCLUDES}, {"answered", COND_ANSWERED},
        {"age", COND_AGE},           {"passed", COND_PASSED},
        {"all", COND_ALL},           {"any", COND_ANY},
        {"not", COND_NOT},
};

/*
 * Builds a condition from an element of <show-if> or <required-if>. Returns NULL (with a
 * diagnostic) for an element that is not a condition or nests too deep;
 * the schema normally rejects both first.
 */
static condition *
load_condition(load_ctx *lc, const xmlNode *n, int depth)
{
	condition *c;
	size_t k;

	for (k = 0; k < sizeof cond_names / sizeof cond_names[0]; k++)
		if (is_elem(n, cond_names[k].name))
			break;
	if (k == sizeof cond_names / sizeof cond_names[0] || depth > MAX_COND_DEPTH) {
		diag_report(lc->diag, lc->ctx, lc->path, xmlGetLineNo(n),
		            depth > MAX_COND_DEPTH ? "conditions nested too deeply"
		                                   : "<%s> is not a condition",
		            (const char *)n->name);
		lc->errors++;
		return NULL;
	}
	c = eng_xcalloc(1, sizeof *c);
	c->kind = cond_names[k].kind;
	c->line = xmlGetLineNo(n);
	switch (c->kind) {
	case COND_ALL:
	case COND_ANY:
	case COND_NOT:
		for (const xmlNode *ch = n->children; ch; ch = ch->next) {
			condition *kid;
			if (ch->type != XML_ELEMENT_NODE)
				continue;
			kid = load_condition(lc, ch, depth + 1);
			if (!kid)
				continue;
			c->kids = eng_xrealloc(c->kids, (c->nkids + 1) * sizeof *c->kids);
			c->kids[c->nkids++] = kid;
		}
		break;
	default:
		c->field = get_attr(n, "field");
		c->value = get_attr(n, "value");
		c->at = get_attr(n, "at");
		c->under = c->from = -1;
		if (c->kind == COND_AGE) {
			bool has;
			get_int_attr(lc, n, "under", &c->under, &has);
			get_int_attr(lc, n, "from", &c->from, &has);
		}
		break;
	}
	return c;
}

/* The one condition inside <show-if> or <required-if> (w may be NULL). */
static condition *
load_wrapped_condition(load_ctx *lc, const xmlNode *w)
{
	condition *c = NULL;
	if (!w)
		return NULL;
	for (const xmlNode *ch = w->children; ch; ch = ch->next) {
		if (ch->type != XML_ELEMENT_NODE)
			continue;
		if (c) {
			diag_report(
			        lc->diag, lc->ctx, lc->path, xmlGetLineNo(ch),
			        "<%s> takes exactly one condition; wrap several in <all> or <any>",
			        (const char *)w->name);
			lc->errors++;
			break;
		}
		c = load_condition(lc, ch, 0);
	}
	return c;
}

/* <suggest>: its condition, parts and label. */
static suggestion *
load_suggest(load_ctx *lc, const xmlNode *n)
{
	suggestion *s = eng_xcalloc(1, sizeof *s);
	s->line = xmlGetLineNo(n);
	s->label = child_text(n, "label");
	s->when = load_wrapped_condition(lc, first_child(n, "when"));
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (!is_elem(c, "part"))
			continue;
		s->parts = eng_xrealloc(s->parts, (s->nparts + 1) * sizeof *s->parts);
		s->parts[s->nparts++] =
		        (suggest_part){get_attr(c, "prefecture-of"), get_attr(c, "town-of"),
		                       get_attr(c, "text"), xmlGetLineNo(c)};
	}
	return s;
}

/* Builds one <field>; section is the heading it sits under, or NULL;
 * rep is the repeat it belongs to, or -1. */
static void
load_field(load_ctx *lc, form *f, const xmlNode *n, const char *section, int rep)
{
	field *fld = eng_xcalloc(1, sizeof *fld);
	char *type = get_attr(n, "type");

	fld->line = xmlGetLineNo(n);
	fld->id = get_attr(n, "id");
	if (!fld->id)
		fld->id = eng_xstrdup("");
	fld->repeat = rep;
	if (parse_field_type(type, &fld->type, &fld->rule) != 0) {
		diag_report(lc->diag, lc->ctx, lc->path, fld->line,
		            "field \"%s\": unknown type \"%s\"", fld->id, type ? type : "");
		lc->errors++;
	}
	free(type);
	fld->label = child_text(n, "label");
	if (!fld->label)
		fld->label = eng_xstrdup("");
	fld->term = child_text(n, "term");
	if (!fld->term)
		fld->term = eng_xstrdup("");
	fld->help = child_text(n, "help");
	fld->hint = child_text(n, "hint");
	fld->section = section;
	fld->required = get_bool_attr(n, "required");
	fld->past = get_bool_attr(n, "past");
	fld->same_as_previous = get_bool_attr(n, "same-as-previous");
	fld->offer_family_name = get_bool_attr(n, "offer-family-name");
	fld->postal_lookup = get_bool_attr(n, "postal-lookup");
	fld->block_number = get_bool_attr(n, "block-number");
	fld->building = get_bool_attr(n, "building");
	get_int_attr(lc, n, "min-days", &fld->min_days, &fld->has_min_days);
	get_int_attr(lc, n, "max-days", &fld->max_days, &fld->has_max_days);
	fld->prefill = get_attr(n, "prefill");
	fld->reading_of = get_attr(n, "reading-of");
	fld->latin_of = get_attr(n, "latin-of");
	fld->default_choice = get_attr(n, "default");
	fld->choices_ref = get_attr(n, "choices");
	get_int_attr(lc, n, "min", &fld->min, &fld->has_min);
	get_int_attr(lc, n, "max", &fld->max, &fld->has_max);
	if (!fld->has_min)
		fld->min = fld->type == FIELD_NUMBER ? NUMBER_MIN : 0;
	if (!fld->has_max)
		fld->max = fld->type == FIELD_NUMBER               ? NUMBER_MAX
		           : fld->type == FIELD_KANA               ? KANA_MAX_LEN
		           : fld->rule == TEXT_RULE_RELATIONSHIP   ? REL_MAX_LEN
		           : fld->rule == TEXT_RULE_RESIDENT_CODE  ? 11
		           : fld->rule == TEXT_RULE_RESIDENCE_CARD ? 12
		                                                   : TEXT_MAX_LEN;
	load_choices(n, &fld->inline_choices);
	form_build_picks(n, &fld->picks);
	fld->picks_ref = get_attr(n, "picks");
	fld->show_if = load_wrapped_condition(lc, first_child(n, "show-if"));
	fld->required_if = load_wrapped_condition(lc, first_child(n, "required-if"));
	if (first_child(n, "suggest"))
		fld->suggest = load_suggest(lc, first_child(n, "suggest"));
	fld->index = f->nfields;
	f->fields = eng_xrealloc(f->fields, (f->nfields + 1) * sizeof *f->fields);
	f->fields[f->nfields++] = fld;
}

static char *
attr_or_empty(const xmlNode *n, const char *name)
{
	char *v = get_attr(n, name);
	return v ? v : eng_xstrdup("");
}

static void
load_derived(form *f, const xmlNode *n, int rep)
{
	derived *d;
	char *kind = get_attr(n, "kind");
	f->derived = eng_xrealloc(f->derived, (f->nderived + 1) * sizeof *f->derived);
	d = &f->derived[f->nderived++];
	d->id = attr_or_empty(n, "id");
	d->from = attr_or_empty(n, "from");
	d->at = get_attr(n, "at");
	d->label = child_text(n, "label");
	d->kind = kind && strcmp(kind, "era") == 0 ? DERIVED_ERA : DERIVED_AGE;
	d->repeat = rep;
	d->line = xmlGetLineNo(n);
	free(kind);
}

/* Builds one <repeat> and its fields. */
static void
load_repeat(load_ctx *lc, form *f, const xmlNode *n, const char *section)
{
	form_repeat *r = eng_xcalloc(1, sizeof *r);
	int rep = (int)f->nrepeats;

	r->line = xmlGetLineNo(n);
	r->id = attr_or_empty(n, "id");
	r->label = child_text(n, "label");
	if (!r->label)
		r->label = eng_xstrdup("");
	r->term = child_text(n, "term");
	if (!r->term)
		r->term = eng_xstrdup("");
	r->help = child_text(n, "help");
	r->another = child_text(n, "another");
	get_int_attr(lc, n, "min", &r->min, &r->has_min);
	get_int_attr(lc, n, "max", &r->max, &r->has_max);
	if (!r->has_min)
		r->min = 0;
	if (!r->has_max)
		r->max = r->min > REPEAT_MAX ? r->min : REPEAT_MAX;
	r->show_if = load_wrapped_condition(lc, first_child(n, "show-if"));
	r->index = f->nrepeats;
	f->repeats = eng_xrealloc(f->repeats, (f->nrepeats + 1) * sizeof *f->repeats);
	f->repeats[f->nrepeats++] = r;
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (is_elem(c, "field"))
			load_field(lc, f, c, section, rep);
		else if (is_elem(c, "derived"))
			load_derived(f, c, rep);
	}
}

static void
load_next(load_ctx *lc, form *f, const xmlNode *n)
{
	next_proc *p;
	char *carry = get_attr(n, "carry");
	f->next = eng_xrealloc(f->next, (f->nnext + 1) * sizeof *f->next);
	p = &f->next[f->nnext++];
	memset(p, 0, sizeof *p);
	p->form = get_attr(n, "form");
	p->label = child_text(n, "label");
	if (!p->label)
		p->label = eng_xstrdup("");
	p->term = child_text(n, "term");
	if (!p->term)
		p->term = eng_xstrdup("");
	p->matching = carry && strcmp(carry, "matching") == 0;
	p->line = xmlGetLineNo(n);
	free(carry);
	for (const xmlNode *c = n->children; c; c = c->next) {
		carry_rule *cr;
		if (is_elem(c, "when"))
			p->when = load_wrapped_condition(lc, c);
		if (!is_elem(c, "carry"))
			continue;
		p->carries = eng_xrealloc(p->carries, (p->ncarries + 1) * sizeof *p->carries);
		cr = &p->carries[p->ncarries++];
		memset(cr, 0, sizeof *cr);
		cr->from = attr_or_empty(c, "from");
		cr->to = get_attr(c, "to");
		if (!cr->to)
			cr->to = eng_xstrdup(cr->from);
		cr->line = xmlGetLineNo(c);
		for (const xmlNode *pn = c->children; pn; pn = pn->next) {
			if (!is_elem(pn, "part"))
				continue;
			cr->parts = eng_xrealloc(cr->parts, (cr->nparts + 1) * sizeof *cr->parts);
			carry_part *cp = &cr->parts[cr->nparts++];
			cp->from = attr_or_empty(pn, "from");
			cp->before = attr_or_empty(pn, "before");
			cp->line = xmlGetLineNo(pn);
		}
	}
}

static void
load_section(load_ctx *lc, form *f, const xmlNode *n)
{
	char *label = child_text(n, "label");
	if (!label)
		label = eng_xstrdup("");
	f->sections = eng_xrealloc(f->sections, (f->nsections + 1) * sizeof *f->sections);
	f->sections[f->nsections++] = label;
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (is_elem(c, "field"))
			load_field(lc, f, c, label, -1);
		else if (is_elem(c, "repeat"))
			load_repeat(lc, f, c, label);
		else if (is_elem(c, "derived"))
			load_derived(f, c, -1);
	}
}

/* The choice list a field will use: its own, or the named one (resolved
 * again, with diagnostics, by form_check). */
static const choice_list *
list_of(const form *f, const field *fld)
{
	if (fld->inline_choices.n)
		return &fld->inline_choices;
	if (!fld->choices_ref)
		return NULL;
	for (size_t i = 0; i < f->nlists; i++)
		if (strcmp(f->lists[i].id, fld->choices_ref) == 0)
			return &f->lists[i];
	return NULL;
}

/* The text field that specifies choice c of fld ("other, please specify"). */
static field *
make_other_field(const field *fld, const choice *c)
{
	field *o = eng_xcalloc(1, sizeof *o);
	sbuf b = {0};
	condition *cond = eng_xcalloc(1, sizeof *cond);

	sbuf_add(&b, fld->id, strlen(fld->id));
	sbuf_add(&b, "_", 1);
	for (const char *p = c->id; *p; p++)
		sbuf_add(&b, *p == '-' ? "_" : p, 1);
	o->id = sbuf_take(&b);
	o->type = FIELD_TEXT;
	o->label = eng_xstrdup(c->spec_label ? c->spec_label : c->label);
	if (c->spec_term) {
		o->term = eng_xstrdup(c->spec_term);
	} else {
		sbuf_add(&b, fld->term, strlen(fld->term));
		sbuf_add(&b, "\xEF\xBC\x88", 3); /* （ */
		sbuf_add(&b, c->term, strlen(c->term));
		sbuf_add(&b, "\xEF\xBC\x89", 3); /* ） */
		o->term = sbuf_take(&b);
	}
	o->help = c->spec_help ? eng_xstrdup(c->spec_help) : NULL;
	o->section = fld->section;
	o->required = true;
	o->max = c->spec_max > 0 ? c->spec_max : TEXT_MAX_LEN;
	o->has_max = c->spec_max > 0;
	cond->kind = fld->type == FIELD_MULTI ? COND_INCLUDES : COND_EQUALS;
	cond->line = c->line;
	cond->field = eng_xstrdup(fld->id);
	cond->value = eng_xstrdup(c->id);
	o->show_if = cond;
	o->line = fld->line;
	o->repeat = fld->repeat;
	o->other_of = fld;
	o->other_choice = c->id;
	return o;
}

/* Inserts the fields of other="true" choices after their choice fields,
 * then numbers the fields and works out each repeat's range. */
static void
finish_fields(form *f)
{
	field **out = NULL;
	size_t n = 0;

	for (size_t i = 0; i < f->nfields; i++) {
		field *fld = f->fields[i];
		const choice_list *l = fld->type == FIELD_CHOICE || fld->type == FIELD_MULTI
		                               ? list_of(f, fld)
		                               : NULL;
		out = eng_xrealloc(out, (n + 1) * sizeof *out);
		out[n++] = fld;
		for (size_t k = 0; l && k < l->n; k++) {
			if (!l->items[k].other)
				continue;
			out = eng_xrealloc(out, (n + 1) * sizeof *out);
			out[n++] = make_other_field(fld, &l->items[k]);
		}
	}
	free(f->fields);
	f->fields = out;
	f->nfields = n;
	for (size_t i = 0; i < n; i++) {
		field *fld = out[i];
		fld->index = i;
		if (fld->repeat >= 0) {
			form_repeat *r = f->repeats[fld->repeat];
			r->owner = f;
			fld->in_repeat = r;
			if (r->nfields == 0)
				r->first = i;
			r->nfields++;
		}
	}
}

/* Builds the form from a document the schema accepted. */
form *
form_build(load_ctx *lc, const xmlNode *root)
{
	form *f = eng_xcalloc(1, sizeof *f);
	bool has_version;

	f->path = eng_xstrdup(lc->path);
	f->id = get_attr(root, "id");
	if (!f->id)
		f->id = eng_xstrdup("");
	get_int_attr(lc, root, "version", &f->version, &has_version);
	f->title = child_text(root, "title");
	if (!f->title)
		f->title = eng_xstrdup("");
	f->label = child_text(root, "label");
	if (!f->label)
		f->label = eng_xstrdup("");
	f->description = child_text(root, "description");
	for (const xmlNode *c = root->children; c; c = c->next) {
		if (is_elem(c, "choices")) {
			choice_list *l;
			f->lists = eng_xrealloc(f->lists, (f->nlists + 1) * sizeof *f->lists);
			l = &f->lists[f->nlists++];
			memset(l, 0, sizeof *l);
			l->id = get_attr(c, "id");
			if (!l->id)
				l->id = eng_xstrdup("");
			l->line = xmlGetLineNo(c);
			load_choices(c, l);
		} else if (is_elem(c, "section")) {
			load_section(lc, f, c);
		} else if (is_elem(c, "field")) {
			load_field(lc, f, c, NULL, -1);
		} else if (is_elem(c, "repeat")) {
			load_repeat(lc, f, c, NULL);
		} else if (is_elem(c, "derived")) {
			load_derived(f, c, -1);
		} else if (is_elem(c, "next")) {
			load_next(lc, f, c);
		}
	}
	finish_fields(f);
	return f;
}
