/*
 * The plaintext that gets sealed. Version 2 is the engine's answers JSON
 * (answers_to_json_ex with ANSWERS_JSON_KEEP_HIDDEN): {"form": .., "form_version":
 * .., "lang": "", "answers": {"<field>": "<value>", "<repeat>": [{..}, ..]}}
 * with every stored answer, whether or not its show-if holds right now (the
 * resident may go back and change the answer that hides it), and repeat
 * groups as arrays, and "sources" (ANSWERS_JSON_SOURCES: where each answer
 * not typed came from: the card, the postal code...), so a resumed draft
 * still says which answers to check. Version 1, {"v": 1, "answers": {"<field>": "<value>"}},
 * is still read, so drafts saved before repeats existed open.
 *
 * jansson keeps its own copies of the strings while a tree is alive and
 * frees them without zeroing; our own buffers are zeroed. docs/security.md
 * says what that means.
 */
#include "store/internal.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

enum { CODEC_VERSION_FLAT = 1 };

/* Dumps root into a malloc'd buffer we can zero later (json_dumps would
 * allocate through jansson and free without zeroing). */
static int
dump(json_t *root, unsigned char **out, size_t *out_len)
{
	size_t need = json_dumpb(root, NULL, 0, JSON_COMPACT);
	if (need == 0)
		return -1;
	char *buf = eng_xmalloc(need);
	if (json_dumpb(root, buf, need, JSON_COMPACT) != need) {
		store_free_plain(buf, need);
		return -1;
	}
	*out = (unsigned char *)buf;
	*out_len = need;
	return 0;
}

/* Counts answered fields, every instance of a repeat included. */
static int
count_answered(const answers *a)
{
	const form *f = answers_form(a);
	int n = 0;
	for (size_t i = 0; i < form_field_count(f); i++) {
		const field *fld = form_field_at(f, i);
		const char *rid = field_repeat(fld);
		int inst = rid ? answers_repeat_count(a, rid) : 1;
		for (int k = 0; k < inst; k++)
			n += answers_get_at(a, field_id(fld), k) != NULL;
	}
	return n;
}

int
store_encode_answers(const answers *a, unsigned char **out, size_t *out_len, int *answered)
{
	char *json = answers_to_json_ex(a, "", ANSWERS_JSON_KEEP_HIDDEN | ANSWERS_JSON_SOURCES);
	size_t n = strlen(json) + 1;
	unsigned char *buf = eng_xmalloc(n);

	memcpy(buf, json, n);
	store_free_plain(json, n);
	*out = buf;
	*out_len = n - 1;
	*answered = count_answered(a);
	return 0;
}

int
store_encode_empty(unsigned char **out, size_t *out_len)
{
	json_t *root = json_pack("{s:i, s:{}}", "v", CODEC_VERSION_FLAT, "answers");
	int rc = root ? dump(root, out, out_len) : -1;
	json_decref(root);
	return rc;
}

/* Version 1: a flat object of stored values, put back unvalidated. */
static int
decode_v1(json_t *ans, const form *f, answers **out)
{
	answers *a = answers_new(f);
	const char *key;
	json_t *val;

	json_object_foreach(ans, key, val)
	{
		answer_status st;
		if (!json_is_string(val)) {
			answers_free(a);
			return -1;
		}
		st = answers_put(a, key, json_string_value(val));
		if (st != ANSWER_OK && st != ANSWER_ERR_UNKNOWN_FIELD) {
			answers_free(a);
			return -1;
		}
	}
	*out = a;
	return 0;
}

/*
 * Rebuilds answers for form f. A field or repeat the form no longer has (a
 * newer version of the definition dropped it) is skipped; anything that is
 * not our format is an error, since it authenticated and so must be ours.
 */
int
store_decode_answers(const unsigned char *buf, size_t len, const form *f, answers **out)
{
	json_error_t jerr;
	json_t *root = json_loadb((const char *)buf, len, JSON_REJECT_DUPLICATES, &jerr);
	json_t *ans = root ? json_object_get(root, "answers") : NULL;
	json_t *v = root ? json_object_get(root, "v") : NULL;
	int rc = -1;

	if (!json_is_object(ans))
		goto out;
	if (json_is_integer(v)) {
		if (json_integer_value(v) == CODEC_VERSION_FLAT)
			rc = decode_v1(ans, f, out);
		goto out;
	}
	/* Version 2 names the form; a draft is opened against its own form,
	 * which the drafts table recorded, so read it leniently under f's id.
	 * A draft of an older version of f keeps that version, so that its
	 * answers are carried over (ANSWERS_JSON_OLDER); any other is read
	 * as f's. */
	json_t *jver = json_object_get(root, "form_version");
	bool older = json_is_integer(jver) && json_integer_value(jver) < form_version(f);
	json_object_set_new(root, "form", json_string(form_id(f)));
	if (!older)
		json_object_set_new(root, "form_version", json_integer(form_version(f)));
	char *again = json_dumps(root, JSON_COMPACT);
	if (!again)
		goto out;
	*out = answers_from_json_ex(again, f,
	                            ANSWERS_JSON_SKIP_UNKNOWN | ANSWERS_JSON_SOURCES |
	                                    (older ? ANSWERS_JSON_OLDER : 0),
	                            NULL, NULL, 0);
	store_free_plain(again, strlen(again) + 1);
	rc = *out ? 0 : -1;
out:
	json_decref(root);
	return rc;
}
