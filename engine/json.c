/*
 * The answers JSON (its contract is above answers_to_json in engine.h),
 * through jansson:
 * {"form": id, "form_version": N, "lang": "..", "answers": {...}}.
 * A repeat group is an array of objects, one per instance.
 */
#include "engine/internal.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The text of root in one buffer of its final size: json_dumps grows its
 * buffer by realloc, leaving copies of the answers in freed memory that
 * nothing zeroes (store/codec.c zeroes the buffer it is given). */
static char *
dump_whole(json_t *root)
{
	size_t need = json_dumpb(root, NULL, 0, JSON_PRESERVE_ORDER);
	char *out = eng_xmalloc(need + 1);
	if (need == 0 || json_dumpb(root, out, need, JSON_PRESERVE_ORDER) != need)
		abort(); /* only on out of memory */
	out[need] = '\0';
	return out;
}

/* Output: answered fields that apply, in definition order (jansson keeps
 * insertion order); a repeat as an array at the place of its first field,
 * one object per instance, left out when it has no instances. */
char *
answers_to_json_ex(const answers *a, const char *lang, unsigned flags)
{
	json_t *root = json_object(), *ans = json_object(), *arr = NULL, *obj = NULL;
	json_t *src = json_object(), *src_arr = NULL, *src_obj = NULL;
	answer_walk w;
	char *out;

	json_object_set_new(root, "form", json_string(a->f->id));
	json_object_set_new(root, "form_version", json_integer(a->f->version));
	json_object_set_new(root, "lang", json_string(lang ? lang : ""));
	answers_walk_begin(&w, a,
	                   (flags & ANSWERS_JSON_KEEP_HIDDEN) ? ANSWERS_WALK_ALL
	                                                      : ANSWERS_WALK_APPLYING);
	while (answers_walk_next(&w)) {
		switch (w.event) {
		case WALK_REPEAT_BEGIN:
			arr = json_array();
			src_arr = json_array();
			break;
		case WALK_INSTANCE:
			obj = json_object();
			json_array_append_new(arr, obj);
			src_obj = json_object();
			json_array_append_new(src_arr, src_obj);
			break;
		case WALK_REPEAT_END:
			if (json_array_size(arr) > 0) {
				json_object_set_new(ans, w.repeat->id, arr);
				json_object_set_new(src, w.repeat->id, src_arr);
			} else {
				json_decref(arr);
				json_decref(src_arr);
			}
			arr = obj = src_arr = src_obj = NULL;
			break;
		case WALK_FIELD: {
			/* Stored values are valid UTF-8 unless answers_put was given
			 * something else; jansson rejects that, and so do we. */
			answer_source from =
			        answers_source_at(a, w.field->id, w.repeat ? w.instance : 0);
			if (w.value)
				json_object_set_new(w.repeat ? obj : ans, w.field->id,
				                    json_string(w.value));
			if (w.value && from != ANSWER_SOURCE_TYPED)
				json_object_set_new(w.repeat ? src_obj : src, w.field->id,
				                    json_string(answer_source_name(from)));
			break;
		}
		}
	}
	json_object_set_new(root, "answers", ans);
	if (flags & ANSWERS_JSON_SOURCES)
		json_object_set_new(root, "sources", src);
	else
		json_decref(src);
	out = dump_whole(root);
	json_decref(root);
	return out;
}

char *
answers_to_json(const answers *a, const char *lang)
{
	return answers_to_json_ex(a, lang, 0);
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

/* Checks the shape of the "answers" object against f: keys are fields
 * outside repeats (strings) or repeats (arrays of objects of their own
 * fields' strings). */
static bool
check_shape(const form *f, json_t *jans, unsigned flags, char *why, size_t whylen)
{
	const char *key;
	json_t *val;

	json_object_foreach(jans, key, val)
	{
		const field *fld = form_field_by_id(f, key);
		const form_repeat *r = form_repeat_by_id(f, key);
		size_t k;
		json_t *obj;

		if (!fld && !r) {
			if (flags & ANSWERS_JSON_SKIP_UNKNOWN)
				continue;
			why_set(why, whylen, "unknown field \"%s\"", key);
			return false;
		}
		if (fld && fld->in_repeat) {
			why_set(why, whylen, "field \"%s\" belongs in the array \"%s\"", key,
			        fld->in_repeat->id);
			return false;
		}
		if (fld) {
			if (!json_is_string(val)) {
				why_set(why, whylen, "answer \"%s\" must be a string", key);
				return false;
			}
			continue;
		}
		if (!json_is_array(val)) {
			why_set(why, whylen, "\"%s\" must be an array of objects", key);
			return false;
		}
		if (json_array_size(val) > (size_t)r->max) {
			why_set(why, whylen, "\"%s\" has more than %d entries", key, r->max);
			return false;
		}
		json_array_foreach(val, k, obj)
		{
			const char *fk;
			json_t *fv;
			if (!json_is_object(obj)) {
				why_set(why, whylen, "\"%s\" must be an array of objects", key);
				return false;
			}
			json_object_foreach(obj, fk, fv)
			{
				const field *in = form_field_by_id(f, fk);
				if (!in || in->in_repeat != r) {
					if (!in && (flags & ANSWERS_JSON_SKIP_UNKNOWN))
						continue;
					why_set(why, whylen, "\"%s\" has no field \"%s\"", key, fk);
					return false;
				}
				if (!json_is_string(fv)) {
					why_set(why, whylen, "answer \"%s\" must be a string", fk);
					return false;
				}
			}
		}
	}
	return true;
}

/* Whether a and b are the same text after NFKC (特定技能1号 is
 * 特定技能１号); NULL is equal to nothing. */
static bool
same_nfkc(const char *a, const char *b)
{
	if (!a || !b)
		return false;
	char *na = nfkc(a), *nb = nfkc(b);
	bool same = strcmp(na, nb) == 0;
	wipe_free(na);
	wipe_free(nb);
	return same;
}

/* The text field an other="true" choice of fld added; NULL when none. */
static const field *
other_text_field(const form *f, const field *fld, size_t *which)
{
	for (size_t i = 0; i < field_choice_count(fld); i++) {
		if (!field_choice_other(fld, i))
			continue;
		for (size_t j = 0; j < f->nfields; j++)
			if (field_other_of(f->fields[j]) == fld) {
				*which = i;
				return f->fields[j];
			}
	}
	return NULL;
}

/*
 * An answer of an older version for a field that is now a choice: the
 * choice whose id, term or label is the text (after NFKC), else the
 * other="true" choice with the text as its other-text, else nothing (the
 * question is asked again). Generic on purpose: no list of fields.
 */
static void
carry_to_choice(answers *a, const field *fld, int k, const char *text)
{
	size_t other;
	const field *ofld;

	for (size_t i = 0; i < field_choice_count(fld); i++)
		if (same_nfkc(text, field_choice_id(fld, i)) ||
		    same_nfkc(text, field_choice_term(fld, i)) ||
		    same_nfkc(text, field_choice_label(fld, i))) {
			answers_set_at(a, fld->id, k, field_choice_id(fld, i), NULL);
			return;
		}
	ofld = other_text_field(a->f, fld, &other);
	if (!ofld || answers_set_at(a, fld->id, k, field_choice_id(fld, other), NULL) != ANSWER_OK)
		return;
	if (answers_set_at(a, ofld->id, k, text, NULL) != ANSWER_OK)
		answers_clear_at(a, fld->id, k);
}

/* Sets one value through validation; false (with why) when refused,
 * unless flags say to drop what the form no longer accepts. */
static bool
set_one(answers *a, const field *fld, int k, json_t *val, unsigned flags, char *why, size_t whylen)
{
	answer_error e;
	if (!val || !*json_string_value(val))
		return true;
	if (answers_set_at(a, fld->id, k, json_string_value(val), &e) == ANSWER_OK)
		return true;
	if ((flags & ANSWERS_JSON_OLDER) && fld->type == FIELD_CHOICE) {
		carry_to_choice(a, fld, k, json_string_value(val));
		return true;
	}
	if (flags & ANSWERS_JSON_SKIP_UNKNOWN)
		return true;
	if (fld->in_repeat)
		why_set(why, whylen, "answer \"%s\" of %s[%d] is not valid (%s)", fld->id,
		        fld->in_repeat->id, k, answer_status_name(e.status));
	else
		why_set(why, whylen, "answer \"%s\" is not valid (%s)", fld->id,
		        answer_status_name(e.status));
	return false;
}

/* Marks one answer with the source named in a "sources" entry. */
static void
source_one(answers *a, const field *fld, int k, json_t *name)
{
	if (json_is_string(name))
		answers_mark_source_at(a, fld->id, k,
		                       answer_source_from_name(json_string_value(name)));
}

/* Reads "sources" (ANSWERS_JSON_SOURCES) onto the answers just built;
 * what does not fit them is ignored. */
static void
read_sources(answers *a, json_t *jsrc)
{
	const form *f = a->f;
	if (!json_is_object(jsrc))
		return;
	for (size_t i = 0; i < f->nfields; i++) {
		const field *fld = f->fields[i];
		const form_repeat *r = fld->in_repeat;
		json_t *arr;
		if (!r) {
			source_one(a, fld, 0, json_object_get(jsrc, fld->id));
			continue;
		}
		i = r->first + r->nfields - 1;
		arr = json_object_get(jsrc, r->id);
		for (size_t k = 0; k < json_array_size(arr) && (int)k < a->count[r->index]; k++)
			for (size_t j = 0; j < r->nfields; j++) {
				const field *in = f->fields[r->first + j];
				source_one(a, in, (int)k,
				           json_object_get(json_array_get(arr, k), in->id));
			}
	}
}

/*
 * Every value goes through answers_set, so a hand-edited or tampered file
 * cannot smuggle in what the console would have refused. Values are set
 * in definition order, not file order, so "required" checks see the
 * answers that decide whether a field applies.
 */
answers *
answers_from_json_ex(const char *json, const form *f, unsigned flags, char **lang_out, char *why,
                     size_t whylen)
{
	json_error_t jerr;
	json_t *root = NULL, *jform, *jver, *jlang, *jans;
	answers *a = NULL;

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
	if (!f || strcmp(json_string_value(jform), f->id) != 0) {
		why_set(why, whylen, "unknown form \"%s\"", json_string_value(jform));
		goto fail;
	}
	if (!json_is_integer(jver) || json_integer_value(jver) > f->version ||
	    (json_integer_value(jver) < f->version && !(flags & ANSWERS_JSON_OLDER))) {
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
	if (!check_shape(f, jans, flags, why, whylen))
		goto fail;
	a = answers_new(f);
	for (size_t i = 0; i < f->nfields; i++) {
		const field *fld = f->fields[i];
		const form_repeat *r = fld->in_repeat;
		json_t *arr;
		if (!r) {
			if (!set_one(a, fld, 0, json_object_get(jans, fld->id), flags, why, whylen))
				goto fail;
			continue;
		}
		i = r->first + r->nfields - 1;
		arr = json_object_get(jans, r->id);
		for (size_t k = 0; k < json_array_size(arr); k++) {
			json_t *obj = json_array_get(arr, k);
			if ((int)k >= a->count[r->index] && answers_repeat_add(a, r->id) != (int)k)
				goto fail;
			for (size_t j = 0; j < r->nfields; j++) {
				const field *in = f->fields[r->first + j];
				if (!set_one(a, in, (int)k, json_object_get(obj, in->id), flags,
				             why, whylen))
					goto fail;
			}
		}
	}
	if (flags & ANSWERS_JSON_SOURCES)
		read_sources(a, json_object_get(root, "sources"));
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

answers *
answers_from_json_form(const char *json, const form *f, char **lang_out, char *why, size_t whylen)
{
	return answers_from_json_ex(json, f, 0, lang_out, why, whylen);
}

/* Finds the form named by the JSON in the set, then reads it. */
answers *
answers_from_json(const char *json, const form_set *forms, char **lang_out, char *why,
                  size_t whylen)
{
	json_t *root = json_loads(json ? json : "", JSON_REJECT_DUPLICATES, NULL);
	json_t *jform = json_is_object(root) ? json_object_get(root, "form") : NULL;
	const form *f =
	        json_is_string(jform) ? form_set_find(forms, json_string_value(jform)) : NULL;
	answers *a;

	if (json_is_string(jform) && !f) {
		if (lang_out)
			*lang_out = NULL;
		why_set(why, whylen, "unknown form \"%s\"", json_string_value(jform));
		json_decref(root);
		return NULL;
	}
	json_decref(root);
	if (!f && forms && forms->n)
		f = forms->forms[0]; /* the per-form reader words the error */
	a = answers_from_json_ex(json, f, 0, lang_out, why, whylen);
	return a;
}
