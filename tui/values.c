/* Display of stored answers (see values.h). */
#include "tui/values.h"
#include "tui/i18n.h"

#include <stdio.h>
#include <stdbool.h>
#include <string.h>

const char *
bilingual(const char *msgid, const char *term, char *buf, size_t n)
{
	const char *t = _(msgid);
	if (!term || !*term || strcmp(t, term) == 0)
		snprintf(buf, n, "%s", t);
	else
		snprintf(buf, n, "%s（%s）", t, term);
	return buf;
}

int
value_choice_index(const field *fld, const char *id)
{
	for (size_t i = 0; i < field_choice_count(fld); i++)
		if (strcmp(field_choice_id(fld, i), id) == 0)
			return (int)i;
	return -1;
}

static void
append(char *buf, size_t n, const char *s)
{
	size_t len = strlen(buf);
	if (len < n)
		snprintf(buf + len, n - len, "%s", s);
}

const char *
value_display(const field *fld, const char *value, char *buf, size_t n)
{
	char one[512];
	buf[0] = '\0';
	if (!value)
		return buf;
	switch (field_kind(fld)) {
	case FIELD_CHOICE: {
		int i = value_choice_index(fld, value);
		if (i < 0)
			snprintf(buf, n, "%s", value);
		else
			bilingual(field_choice_label(fld, (size_t)i), field_choice_term(fld, (size_t)i), buf, n);
		break;
	}
	case FIELD_MULTI: {
		char ids[1024];
		snprintf(ids, sizeof ids, "%s", value);
		char *save = NULL;
		for (char *tok = strtok_r(ids, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
			int i = value_choice_index(fld, tok);
			if (buf[0])
				append(buf, n, "、");
			append(buf, n, i < 0 ? tok : bilingual(field_choice_label(fld, (size_t)i),
							     field_choice_term(fld, (size_t)i), one,
							     sizeof one));
		}
		if (!buf[0])
			snprintf(buf, n, "%s", _("(none)"));
		break;
	}
	case FIELD_DATE: {
		char era[64];
		if (date_format_era(value, era, sizeof era) == 0)
			snprintf(buf, n, "%s（%s）", value, era);
		else
			snprintf(buf, n, "%s", value);
		break;
	}
	default:
		snprintf(buf, n, "%s", value);
		break;
	}
	return buf;
}

/* The procedures in the order people come for them (moving first); any
 * other installed form follows in file-name order. */
static const char *const preferred_order[] = {"tenshutsu", "tennyu", "tenkyo",     "juminhyo",
					      "inkan",     "jidou_teate", "kaigo"};

const form *
forms_in_order(const form_set *set, int i)
{
	size_t n = form_set_count(set), k = 0;
	size_t npref = sizeof preferred_order / sizeof preferred_order[0];
	for (size_t p = 0; p < npref; p++) {
		const form *f = form_set_find(set, preferred_order[p]);
		if (f && (int)k++ == i)
			return f;
	}
	for (size_t j = 0; j < n; j++) {
		const form *f = form_set_at(set, j);
		bool preferred = false;
		for (size_t p = 0; p < npref; p++)
			preferred = preferred || strcmp(form_id(f), preferred_order[p]) == 0;
		if (!preferred && (int)k++ == i)
			return f;
	}
	return NULL;
}

