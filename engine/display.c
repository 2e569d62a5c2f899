/* How a stored answer reads (engine.h, answer_format). */
#include "engine/internal.h"

#include <stdio.h>
#include <string.h>

static void
append(char *buf, size_t n, const char *s)
{
	size_t len = strlen(buf);
	if (len + 1 < n)
		snprintf(buf + len, n - len, "%s", s);
}

bool
label_has_term(const char *label, const char *term)
{
	size_t tl = term ? strlen(term) : 0;
	return label && term && strncmp(label, term, tl) == 0 &&
	       (label[tl] == '\0' || strncmp(label + tl, "（", strlen("（")) == 0);
}

/* One choice as the style shows it. */
static void
append_choice(const field *fld, size_t i, answer_style style, answer_translate_fn translate,
              char *buf, size_t n)
{
	const char *label = field_choice_label(fld, i), *term = field_choice_term(fld, i);
	if (translate && label)
		label = translate(label);
	if (style == ANSWER_SHOW_TERM && term && *term) {
		append(buf, n, term);
		return;
	}
	append(buf, n, label ? label : field_choice_id(fld, i));
	if (style == ANSWER_SHOW_BOTH && term && *term && !label_has_term(label, term)) {
		append(buf, n, "（");
		append(buf, n, term);
		append(buf, n, "）");
	}
}

const char *
answer_format(const field *fld, const char *value, answer_style style,
              answer_translate_fn translate, char *buf, size_t n)
{
	char era[64];
	buf[0] = '\0';
	if (!value)
		return buf;
	switch (field_kind(fld)) {
	case FIELD_CHOICE: {
		int i = field_choice_index(fld, value);
		if (i < 0)
			snprintf(buf, n, "%s", value);
		else
			append_choice(fld, (size_t)i, style, translate, buf, n);
		break;
	}
	case FIELD_MULTI: {
		const char *sep = style == ANSWER_SHOW_LABEL ? ", " : "、";
		for (size_t i = 0; i < field_choice_count(fld); i++) {
			if (!field_multi_has(fld, value, i))
				continue;
			if (buf[0])
				append(buf, n, sep);
			append_choice(fld, i, style, translate, buf, n);
		}
		break;
	}
	case FIELD_DATE:
		if (style == ANSWER_SHOW_LABEL || date_format_era(value, era, sizeof era) != 0)
			snprintf(buf, n, "%s", value);
		else if (style == ANSWER_SHOW_TERM)
			snprintf(buf, n, "%s", era);
		else
			snprintf(buf, n, "%s（%s）", value, era);
		break;
	default:
		snprintf(buf, n, "%s", value);
		break;
	}
	return buf;
}
