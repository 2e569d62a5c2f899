/*
 * <suggest>: an answer a form offers from earlier answers, for the
 * resident to check (docs/form-authoring.md). The parts are joined in
 * order; a part that cannot be read (an unanswered or hidden field, an
 * address that does not start with a prefecture, or has no number after
 * its town) means no suggestion.
 */
#include "engine/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
suggestion_free(suggestion *s)
{
	if (!s)
		return;
	condition_free(s->when);
	for (size_t i = 0; i < s->nparts; i++) {
		free(s->parts[i].prefecture_of);
		free(s->parts[i].town_of);
		free(s->parts[i].text);
	}
	free(s->parts);
	free(s->label);
	free(s);
}

const char *
field_suggest_label(const field *fld)
{
	return fld && fld->suggest ? fld->suggest->label : NULL;
}

bool
field_suggest_for(const answers *a, const field *fld, int instance, char *out, size_t n)
{
	const suggestion *s = fld ? fld->suggest : NULL;
	size_t len = 0;

	if (!s || n == 0 || (s->when && !condition_eval(a, s->when, fld->repeat, instance, 0)))
		return false;
	out[0] = '\0';
	for (size_t i = 0; i < s->nparts; i++) {
		const suggest_part *p = &s->parts[i];
		const char *text = p->text;
		size_t take = text ? strlen(text) : 0;
		if (p->prefecture_of || p->town_of) {
			text = field_value_in_place(
			        a, p->prefecture_of ? p->prefecture_of : p->town_of, fld->repeat,
			        instance);
			take = p->prefecture_of ? prefecture_prefix_len(text)
			                        : town_prefix_len(text);
			if (take == 0)
				return false;
		}
		if (len + take >= n)
			return false;
		memcpy(out + len, text, take);
		len += take;
		out[len] = '\0';
	}
	return len > 0;
}
