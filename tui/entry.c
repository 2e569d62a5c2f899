/* Entering an answer (tui/entry.h). */
#include "tui/entry.h"

answer_status
entry_set(answers *a, const field *fld, int instance, const char *value, answer_error *err)
{
	char iso[11];
	if (field_kind(fld) == FIELD_DATE && value && value[0] &&
	    date_parse(value, iso, sizeof iso) == ANSWER_OK &&
	    field_date_window(fld, iso, err) != ANSWER_OK)
		return err->status;
	return answers_set_at(a, field_id(fld), instance, value, err);
}
