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
	char buf[4096];
	return eng_xstrdup(answer_format(fld, v, ANSWER_SHOW_TERM, NULL, buf, sizeof buf));
}

static void
add_row(handoff_row **rows, size_t *n, size_t *cap, const field *fld, const char *group,
        int instance, const char *v)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*rows = eng_xrealloc(*rows, *cap * sizeof **rows);
	}
	(*rows)[*n] = (handoff_row){field_section(fld), group, instance, field_term(fld),
	                            shown_value(fld, v)};
	(*n)++;
}

handoff_row *
handoff_summary_rows(const answers *a, size_t *n)
{
	size_t cap = 0;
	handoff_row *rows = NULL;
	answer_walk w;

	*n = 0;
	answers_walk_begin(&w, a, ANSWERS_WALK_APPLYING);
	while (answers_walk_next(&w))
		if (w.event == WALK_FIELD && w.value)
			add_row(&rows, n, &cap, w.field, w.repeat ? repeat_term(w.repeat) : NULL,
			        w.instance, w.value);
	if (!rows)
		rows = eng_xmalloc(sizeof *rows);
	return rows;
}

void
handoff_summary_free(handoff_row *rows, size_t n)
{
	for (size_t i = 0; rows && i < n; i++)
		free(rows[i].value);
	free(rows);
}
