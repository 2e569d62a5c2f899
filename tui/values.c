/* Display of stored answers (see values.h). */
#include "tui/values.h"
#include "tui/config.h"
#include "tui/i18n.h"

#include <stdio.h>
#include <stdbool.h>
#include <string.h>

const char *
bilingual(const char *msgid, const char *term, char *buf, size_t n)
{
	const char *t = F_(msgid);
	if (!term || !*term || label_has_term(t, term))
		snprintf(buf, n, "%s", t);
	else
		snprintf(buf, n, "%s（%s）", t, term);
	return buf;
}

static const char *
translate(const char *msgid)
{
	return F_(msgid);
}

const char *
value_display(const field *fld, const char *value, char *buf, size_t n)
{
	answer_format(fld, value, ANSWER_SHOW_BOTH, translate, buf, n);
	if (value && field_kind(fld) == FIELD_MULTI && !buf[0])
		snprintf(buf, n, "%s", _("(none)"));
	return buf;
}

/* The procedures in the order people come for them (moving first); any
 * other installed form follows in file-name order. */
static const char *const preferred_order[] = {"tenshutsu", "tennyu",      "tenkyo", "juminhyo",
                                              "inkan",     "jidou_teate", "kaigo"};

const form *
forms_in_order(const form_set *set, int i)
{
	size_t n = form_set_count(set), k = 0;
	size_t npref = sizeof preferred_order / sizeof preferred_order[0];
	for (size_t p = 0; p < npref; p++) {
		const form *f = form_set_find(set, preferred_order[p]);
		if (f && tui_config_offers(form_id(f)) && (int)k++ == i)
			return f;
	}
	for (size_t j = 0; j < n; j++) {
		const form *f = form_set_at(set, j);
		bool preferred = false;
		for (size_t p = 0; p < npref; p++)
			preferred = preferred || strcmp(form_id(f), preferred_order[p]) == 0;
		if (!preferred && tui_config_offers(form_id(f)) && (int)k++ == i)
			return f;
	}
	return NULL;
}

size_t
forms_offered_count(const form_set *set)
{
	size_t n = 0;
	while (forms_in_order(set, (int)n))
		n++;
	return n;
}

void
forms_check_offered(const form_set *set)
{
	const tui_config *c = tui_config_get();
	for (size_t i = 0; i < c->nprocedures; i++) {
		if (form_set_find(set, c->procedures[i].text))
			continue;
		char why[256];
		snprintf(why, sizeof why,
		         /* L10N: %s is a procedure's id as written in the settings file. */
		         _("there is no procedure \"%s\" (\"yorisoi forms list\" lists them)."),
		         c->procedures[i].text);
		tui_config_add_problem(c->procedures[i].where, why);
	}
	if (c->nprocedures > 0 && forms_offered_count(set) == 0)
		tui_config_offer_all();
}
