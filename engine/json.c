/*
 * The answers JSON of DESIGN.md, through jansson:
 * {"form": id, "form_version": N, "lang": "..", "answers": {...}}.
 * Repeat groups (arrays of objects) are part of the contract but not of
 * this version of the engine; reading one is an error for now.
 */
#include "engine/internal.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Output: answered fields that apply, in definition order (jansson keeps
 * insertion order). */
char *
answers_to_json(const answers *a, const char *lang)
{
	json_t *root = json_object(), *ans = json_object();
	char *out;

	json_object_set_new(root, "form", json_string(a->f->id));
	json_object_set_new(root, "form_version", json_integer(a->f->version));
	json_object_set_new(root, "lang", json_string(lang ? lang : ""));
	for (size_t i = 0; i < a->f->nfields; i++) {
		const field *fld = a->f->fields[i];
		json_t *v;
		if (!a->values[i] || !field_applies(a, fld))
			continue;
		/* Stored values are valid UTF-8 unless answers_put was given
		 * something else; jansson rejects that, and so do we. */
		v = json_string(a->values[i]);
		if (v)
			json_object_set_new(ans, fld->id, v);
	}
	json_object_set_new(root, "answers", ans);
	out = json_dumps(root, JSON_PRESERVE_ORDER);
	json_decref(root);
	if (!out)
		abort(); /* only on out of memory */
	return out;
}

static void
why_set(char *why, size_t whylen, const char *fmt, ...)
{
	va_list ap;
	if (!why || whylen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(why, whylen, fmt, ap);
	va_end(ap);
}

/*
 * Every value goes through answers_set, so a hand-edited or tampered file
 * cannot smuggle in what the console would have refused. Values are set
 * in definition order, not file order, so "required" checks see the
 * answers that decide whether a field applies.
 */
answers *
answers_from_json(const char *json, const form_set *forms, char **lang_out, char *why,
                  size_t whylen)
{
	json_error_t jerr;
	json_t *root = NULL, *jform, *jver, *jlang, *jans;
	const form *f;
	answers *a = NULL;
	const char *key;
	json_t *val;

	if (lang_out)
		*lang_out = NULL;
	why_set(why, whylen, "invalid answers");
	root = json_loads(json ? json : "", JSON_REJECT_DUPLICATES, &jerr);
	if (!root) {
		why_set(why, whylen, "not JSON: %s (line %d)", jerr.text, jerr.line);
		goto fail;
	}
	if (!json_is_object(root)) {
		why_set(why, whylen, "answers JSON must be an object");
		goto fail;
	}
	jform = json_object_get(root, "form");
	jver = json_object_get(root, "form_version");
	jlang = json_object_get(root, "lang");
	jans = json_object_get(root, "answers");
	if (!json_is_string(jform)) {
		why_set(why, whylen, "\"form\" must be a string");
		goto fail;
	}
	f = form_set_find(forms, json_string_value(jform));
	if (!f) {
		why_set(why, whylen, "unknown form \"%s\"", json_string_value(jform));
		goto fail;
	}
	if (!json_is_integer(jver) || json_integer_value(jver) != f->version) {
		why_set(why, whylen, "form \"%s\" is version %d here, the answers are for another",
		        f->id, f->version);
		goto fail;
	}
	if (jlang && !json_is_string(jlang)) {
		why_set(why, whylen, "\"lang\" must be a string");
		goto fail;
	}
	if (!json_is_object(jans)) {
		why_set(why, whylen, "\"answers\" must be an object");
		goto fail;
	}
	json_object_foreach(jans, key, val)
	{
		if (!form_field_by_id(f, key)) {
			why_set(why, whylen, "unknown field \"%s\"", key);
			goto fail;
		}
		if (!json_is_string(val)) {
			why_set(why, whylen, "answer \"%s\" must be a string", key);
			goto fail;
		}
	}
	a = answers_new(f);
	for (size_t i = 0; i < f->nfields; i++) {
		const char *id = f->fields[i]->id;
		answer_error e;
		val = json_object_get(jans, id);
		if (!val || !*json_string_value(val))
			continue;
		if (answers_set(a, id, json_string_value(val), &e) != ANSWER_OK) {
			why_set(why, whylen, "answer \"%s\" is not valid (%s)", id,
			        answer_status_name(e.status));
			goto fail;
		}
	}
	if (lang_out)
		*lang_out = eng_xstrdup(jlang ? json_string_value(jlang) : "");
	json_decref(root);
	why_set(why, whylen, "%s", "");
	return a;
fail:
	answers_free(a);
	json_decref(root);
	return NULL;
}
