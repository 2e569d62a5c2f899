/*
 * The clerk's summary: the answers as the paper form shows them, with the
 * form's official Japanese terms (field_term, field_choice_term) and dates
 * in the Japanese era (date_format_era). Data from the form only; the
 * module adds no words of its own.
 */
#include "handoff/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The displayed value of one stored answer; malloc'd. */
static char *
shown_value(const field *fld, const char *v)
{
	char era[64];
	handoff_buf b = {0};

	switch (field_kind(fld)) {
	case FIELD_CHOICE: {
		int i = field_choice_index(fld, v);
		return handoff_xstrdup(i >= 0 ? field_choice_term(fld, (size_t)i) : v);
	}
	case FIELD_MULTI:
		for (size_t i = 0; i < field_choice_count(fld); i++) {
			if (!field_multi_has(fld, v, i))
				continue;
			const char *t = field_choice_term(fld, i);
			if (b.len > 0)
				handoff_buf_put(&b, "、", strlen("、"));
			handoff_buf_put(&b, t, strlen(t));
		}
		handoff_buf_putc(&b, '\0');
		return (char *)b.p;
	case FIELD_DATE:
		if (date_format_era(v, era, sizeof era) == 0)
			return handoff_xstrdup(era);
		return handoff_xstrdup(v);
	default:
		return handoff_xstrdup(v);
	}
}

static void
add_row(handoff_row **rows, size_t *n, size_t *cap, const field *fld, const char *group,
        int instance, const char *v)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*rows = handoff_xrealloc(*rows, *cap * sizeof **rows);
	}
	(*rows)[*n] = (handoff_row){field_section(fld), group, instance, field_term(fld),
	                            shown_value(fld, v)};
	(*n)++;
}

handoff_row *
handoff_summary_rows(const answers *a, size_t *n)
{
	const form *f = answers_form(a);
	size_t nf = form_field_count(f), cap = 0;
	handoff_row *rows = NULL;

	*n = 0;
	for (size_t i = 0; i < nf; i++) {
		const field *fld = form_field_at(f, i);
		const form_repeat *r =
		        field_repeat(fld) ? form_repeat_by_id(f, field_repeat(fld)) : NULL;
		if (r && repeat_field_count(r) > 0 && repeat_field_at(r, 0) == fld) {
			int count = answers_repeat_count(a, repeat_id(r));
			for (int k = 0; k < count; k++)
				for (size_t j = 0; j < repeat_field_count(r); j++) {
					const field *rf = repeat_field_at(r, j);
					const char *v = answers_get_at(a, field_id(rf), k);
					if (v && field_applies_at(a, rf, k))
						add_row(&rows, n, &cap, rf, repeat_term(r), k, v);
				}
			i += repeat_field_count(r) - 1;
			continue;
		}
		if (r)
			continue;
		const char *v = answers_get(a, field_id(fld));
		if (v && field_applies(a, fld))
			add_row(&rows, n, &cap, fld, NULL, 0, v);
	}
	if (!rows)
		rows = handoff_xmalloc(sizeof *rows);
	return rows;
}

void
handoff_summary_free(handoff_row *rows, size_t n)
{
	for (size_t i = 0; rows && i < n; i++)
		free(rows[i].value);
	free(rows);
}
