/*
 * Checks across the forms of one folder: each <next form="..."> names a
 * form that is there, and each <carry> lands on a field (or repeat) of
 * that form that can hold the value. Problems are reported on the line of
 * the <next> or <carry> element.
 */
#include "engine/internal.h"

#include <string.h>

static int
report(form_diag_fn diag, void *ctx, const form *f, int line, const char *fmt, const char *a,
       const char *b)
{
	diag_report(diag, ctx, f->path, line, fmt, a, b);
	return 1;
}

/* One <carry from to>: both ends exist and are of the same kind. */
static int
check_carry(const form *f, const form *to, const carry_rule *c, form_diag_fn diag, void *ctx)
{
	const field *ff = form_field_by_id(f, c->from), *tf = form_field_by_id(to, c->to);
	const form_repeat *fr = form_repeat_by_id(f, c->from), *tr = form_repeat_by_id(to, c->to);

	if (c->nparts) {
		if (!tf || tf->in_repeat || tf->type != FIELD_TEXT)
			return report(diag, ctx, f, c->line,
			              "<carry to=\"%s\">: parts join into a text field outside "
			              "the repeats, which form \"%s\" does not have",
			              c->to, to->id);
		return 0;
	}
	if (fr || tr) {
		if (!fr || !tr)
			return report(diag, ctx, f, c->line,
			              "<carry from=\"%s\" to=\"%s\">: a repeat carries only into a "
			              "repeat",
			              c->from, c->to);
		return 0;
	}
	if (!ff)
		return 0; /* reported by form_check */
	if (!tf)
		return report(diag, ctx, f, c->line,
		              "<carry to=\"%s\">: form \"%s\" has no such field", c->to, to->id);
	if (ff->type != tf->type || ff->rule != tf->rule || (ff->in_repeat != NULL) ||
	    (tf->in_repeat != NULL))
		return report(diag, ctx, f, c->line,
		              "<carry from=\"%s\" to=\"%s\">: the fields differ in type or one is "
		              "inside a repeat",
		              c->from, c->to);
	return 0;
}

int
form_set_check(const form_set *s, form_diag_fn diag, void *ctx)
{
	int problems = 0;
	for (size_t i = 0; s && i < s->n; i++) {
		const form *f = s->forms[i];
		for (size_t k = 0; k < f->nnext; k++) {
			const next_proc *p = &f->next[k];
			const form *to;
			if (!p->form)
				continue;
			to = form_set_find(s, p->form);
			if (!to) {
				problems +=
				        report(diag, ctx, f, p->line,
				               "<next form=\"%s\">: no form with that id in this "
				               "folder%s",
				               p->form, "");
				continue;
			}
			for (size_t c = 0; c < p->ncarries; c++)
				problems += check_carry(f, to, &p->carries[c], diag, ctx);
		}
	}
	return problems;
}
