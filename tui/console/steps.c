/* Steps as the console uses them (see steps.h). */
#include "tui/console/steps.h"
#include "tui/i18n.h"

#include <stdio.h>
#include <string.h>

/* field + 1 in the low 12 bits (0 for an add-another step), the instance
 * above: positions of old drafts (a plain field index) decode as
 * instance 0 of the field before, which step_decode then checks. */
int
step_encode(const form_step *s)
{
	return (s->instance << 12) | (s->add_another ? 0 : s->field + 1);
}

bool
step_equal(const form_step *x, const form_step *y)
{
	return x->field == y->field && x->instance == y->instance &&
	       x->add_another == y->add_another;
}

bool
step_same_person(const form_step *x, const form_step *y)
{
	return x->repeat_id && y->repeat_id && strcmp(x->repeat_id, y->repeat_id) == 0 &&
	       x->instance == y->instance;
}

bool
step_decode(const answers *a, int position, form_step *out)
{
	form_step want = {.field = (position & 0xfff) - 1, .instance = position >> 12};
	want.add_another = want.field < 0;
	form_step s;
	bool any = form_step_next(a, NULL, &s);
	if (!any)
		return false;
	*out = s;
	do {
		if (!s.add_another && !want.add_another && step_equal(&s, &want)) {
			*out = s;
			return true;
		}
	} while (form_step_next(a, &s, &s));
	return true;
}

/* Which counter a step counts in: one person's block of a household list
 * (its repeat and instance), or the main sequence, which also holds the
 * "add another?" questions. */
static bool
same_block(const form_step *s, const form_step *at)
{
	bool s_person = s->repeat_id && !s->add_another;
	bool at_person = at->repeat_id && !at->add_another;
	if (s_person != at_person)
		return false;
	return !at_person ||
	       (strcmp(s->repeat_id, at->repeat_id) == 0 && s->instance == at->instance);
}

void
step_progress(const answers *a, const form_step *at, int *pos, int *total)
{
	form_step s;
	*pos = *total = 0;
	bool ok = form_step_next(a, NULL, &s);
	while (ok) {
		if (same_block(&s, at)) {
			(*total)++;
			if (step_equal(&s, at))
				*pos = *total;
		}
		ok = form_step_next(a, &s, &s);
	}
}

int
step_list(const answers *a, form_step *out, int max)
{
	form_step s;
	int n = 0;
	bool ok = form_step_next(a, NULL, &s);
	while (ok && n < max) {
		if (!s.add_another)
			out[n++] = s;
		ok = form_step_next(a, &s, &s);
	}
	return n;
}

const char *
step_instance_title(const form *f, const form_step *s, char *buf, size_t n)
{
	buf[0] = '\0';
	if (!s->repeat_id)
		return buf;
	const form_repeat *r = form_repeat_by_id(f, s->repeat_id);
	if (!r)
		return buf;
	const char *term = repeat_term(r);
	if (term && *term)
		/* L10N: which person of a household list a question is about:
		   %1$s the list's item ("Person moving"), %2$d the number,
		   %3$s the official Japanese term (異動者). */
		snprintf(buf, n, _("%1$s %2$d（%3$s %2$d）"), F_(repeat_label(r)), s->instance + 1,
		         term);
	else
		/* L10N: as above, without an official term. */
		snprintf(buf, n, _("%1$s %2$d"), F_(repeat_label(r)), s->instance + 1);
	return buf;
}
