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
		for (const char *p = v; *p;) {
			const char *sp = strchr(p, ' ');
			size_t len = sp ? (size_t)(sp - p) : strlen(p);
			char id[128];
			snprintf(id, sizeof id, "%.*s", (int)(len < sizeof id ? len : sizeof id - 1), p);
			int i = field_choice_index(fld, id);
			const char *t = i >= 0 ? field_choice_term(fld, (size_t)i) : id;
			if (b.len > 0)
				handoff_buf_put(&b, "、", strlen("、"));
			handoff_buf_put(&b, t, strlen(t));
			p = sp ? sp + 1 : p + len;
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

handoff_row *
handoff_summary_rows(const answers *a, size_t *n)
{
	const form *f = answers_form(a);
	size_t nf = form_field_count(f);
	handoff_row *rows = handoff_xmalloc((nf ? nf : 1) * sizeof *rows);

	*n = 0;
	for (size_t i = 0; i < nf; i++) {
		const field *fld = form_field_at(f, i);
		const char *v = answers_get(a, field_id(fld));
		if (!v || !field_applies(a, fld))
			continue;
		rows[*n].section = field_section(fld);
		rows[*n].term = field_term(fld);
		rows[*n].value = shown_value(fld, v);
		(*n)++;
	}
	return rows;
}

void
handoff_summary_free(handoff_row *rows, size_t n)
{
	for (size_t i = 0; rows && i < n; i++)
		free(rows[i].value);
	free(rows);
}
