/* Answers as people read them: choice labels, dates with their era. */
#ifndef YORISOI_TUI_VALUES_H
#define YORISOI_TUI_VALUES_H

#include <stddef.h>

#include "engine/engine.h"

/* The stored value of fld shown in the user's language (with the official
 * Japanese term for choices, the era for dates). "" when unanswered. */
const char *value_display(const field *fld, const char *value, char *buf, size_t n);

/* A translated label (F_: Japanese when the resident's catalogue lacks it)
 * with the official Japanese term beside it, unless they are the same or
 * the label is the term with its reading (永住者（えいじゅうしゃ）):
 * "Your name（氏名）". */
const char *bilingual(const char *msgid, const char *term, char *buf, size_t n);

/* The i-th procedure the console offers (those the settings' procedures
 * name, or all), in the order people come for them; NULL past the end. */
const form *forms_in_order(const form_set *set, int i);
size_t forms_offered_count(const form_set *set);

/* Reports each procedure the settings name that is not installed; when none
 * of them is, every installed procedure is offered rather than none. */
void forms_check_offered(const form_set *set);

#endif
