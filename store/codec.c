/*
 * The plaintext that gets sealed: {"v": 1, "answers": {"<field>": "<value>"}}
 * with every stored answer in definition order, whether or not its show-if
 * condition holds right now (the resident may go back and change the
 * answer that hides it). Values are the engine's normalised strings, so
 * they go back in through answers_put() without validation.
 *
 * jansson keeps its own copies of the strings while a tree is alive and
 * frees them without zeroing; our own buffers are zeroed. docs/security.md
 * says what that means.
 */
#include "store/internal.h"

#include <jansson.h>
#include <stdlib.h>

enum { CODEC_VERSION = 1 };

/* Dumps root into a malloc'd buffer we can zero later (json_dumps would
 * allocate through jansson and free without zeroing). */
static int
dump(json_t *root, unsigned char **out, size_t *out_len)
{
	size_t need = json_dumpb(root, NULL, 0, JSON_COMPACT);
	if (need == 0)
		return -1;
	char *buf = malloc(need);
	if (!buf)
		return -1;
	if (json_dumpb(root, buf, need, JSON_COMPACT) != need) {
		store_free_plain(buf, need);
		return -1;
	}
	*out = (unsigned char *)buf;
	*out_len = need;
	return 0;
}

int
store_encode_answers(const answers *a, unsigned char **out, size_t *out_len, int *answered)
{
	const form *f = answers_form(a);
	json_t *root = json_object(), *ans = json_object();
	int n = 0, rc = -1;

	if (!root || !ans)
		goto out;
	for (size_t i = 0; i < form_field_count(f); i++) {
		const char *id = field_id(form_field_at(f, i));
		const char *v = answers_get(a, id);
		if (!v)
			continue;
		if (json_object_set_new(ans, id, json_string(v)) != 0)
			goto out;
		n++;
	}
	if (json_object_set_new(root, "v", json_integer(CODEC_VERSION)) != 0 ||
	    json_object_set(root, "answers", ans) != 0)
		goto out;
	if (dump(root, out, out_len) != 0)
		goto out;
	*answered = n;
	rc = 0;
out:
	json_decref(ans);
	json_decref(root);
	return rc;
}

int
store_encode_empty(unsigned char **out, size_t *out_len)
{
	json_t *root = json_pack("{s:i, s:{}}", "v", CODEC_VERSION, "answers");
	int rc = root ? dump(root, out, out_len) : -1;
	json_decref(root);
	return rc;
}

/*
 * Rebuilds answers for form f. A field the form no longer has (a newer
 * version of the definition dropped it) is skipped; anything that is not
 * our format is an error, since it authenticated and so must be ours.
 */
int
store_decode_answers(const unsigned char *buf, size_t len, const form *f, answers **out)
{
	json_error_t jerr;
	json_t *root = json_loadb((const char *)buf, len, JSON_REJECT_DUPLICATES, &jerr);
	json_t *ans = root ? json_object_get(root, "answers") : NULL;
	json_t *v = root ? json_object_get(root, "v") : NULL;
	answers *a = NULL;
	const char *key;
	json_t *val;
	int rc = -1;

	if (!json_is_object(ans) || !json_is_integer(v) || json_integer_value(v) != CODEC_VERSION)
		goto out;
	a = answers_new(f);
	json_object_foreach(ans, key, val)
	{
		if (!json_is_string(val))
			goto out;
		answer_status st = answers_put(a, key, json_string_value(val));
		if (st != ANSWER_OK && st != ANSWER_ERR_UNKNOWN_FIELD)
			goto out;
	}
	*out = a;
	a = NULL;
	rc = 0;
out:
	if (a)
		answers_free(a);
	json_decref(root);
	return rc;
}
