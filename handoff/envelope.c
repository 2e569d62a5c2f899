/*
 * The payload text and its envelope: "YR1:" + Base45( version byte, flags
 * byte, raw DEFLATE of the serialisation ). Encoding checks its own work by
 * decoding the text it made; decoding checks every layer and says which
 * one failed.
 */
#include "handoff/internal.h"

#include <stdlib.h>
#include <string.h>

const char *
handoff_status_name(handoff_status s)
{
	switch (s) {
	case HANDOFF_OK:
		return "ok";
	case HANDOFF_ERR_INCOMPLETE:
		return "incomplete answers";
	case HANDOFF_ERR_TOO_LARGE:
		return "too large for one QR code";
	case HANDOFF_ERR_PREFIX:
		return "not a Yorisoi code";
	case HANDOFF_ERR_LOWERCASE:
		return "lower-case letters";
	case HANDOFF_ERR_ENCODING:
		return "bad Base45";
	case HANDOFF_ERR_CORRUPT:
		return "truncated or corrupt";
	case HANDOFF_ERR_VERSION:
		return "unknown format version";
	case HANDOFF_ERR_UNKNOWN_FORM:
		return "unknown form";
	case HANDOFF_ERR_INVALID:
		return "invalid values";
	case HANDOFF_ERR_IO:
		return "i/o error";
	}
	return "unknown status";
}

static const form *
find_in_set(const char *id, const void *ctx)
{
	return form_set_find(ctx, id);
}

static const form *
find_one(const char *id, const void *ctx)
{
	const form *f = ctx;
	return strcmp(form_id(f), id) == 0 ? f : NULL;
}

/* Is s (n bytes) "YR<digits>:"? */
static int
other_version_prefix(const char *s, size_t n)
{
	size_t i = 2;
	if (n < 4 || s[0] != 'Y' || s[1] != 'R')
		return 0;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	return i > 2 && i < n && s[i] == ':';
}

static int
lower_prefix(const char *s, size_t n)
{
	static const char lower[] = "yr1:";
	if (n < 4)
		return 0;
	for (size_t i = 0; i < 4; i++)
		if (s[i] != lower[i] && s[i] != HANDOFF_PREFIX[i])
			return 0;
	return 1;
}

/*
 * Decodes payload text against forms found through `find`. Trailing CR, LF
 * and spaces are dropped first: a Base45 text never ends in a space (the
 * last character of a group is at most 'W', of a pair at most '5'), so
 * this cannot change a valid payload.
 */
static handoff_status
decode_with(const char *scanned, handoff_form_lookup find, const void *ctx, answers **out,
            char **lang_out, handoff_error *err)
{
	size_t n, blen = 0, where;
	unsigned char *env = NULL;
	handoff_buf serial = {0};
	handoff_status st;
	b45_status bs;
	zip_status zs;

	if (!scanned)
		return handoff_fail(err, HANDOFF_ERR_PREFIX, "no text");
	n = strlen(scanned);
	while (n > 0 && (scanned[n - 1] == '\r' || scanned[n - 1] == '\n' || scanned[n - 1] == ' '))
		n--;
	if (n < 4 || memcmp(scanned, HANDOFF_PREFIX, 4) != 0) {
		if (lower_prefix(scanned, n))
			return handoff_fail(err, HANDOFF_ERR_LOWERCASE,
			                    "the prefix is in lower case (Caps Lock?)");
		if (other_version_prefix(scanned, n))
			return handoff_fail(err, HANDOFF_ERR_VERSION,
			                    "prefix of another format version");
		return handoff_fail(err, HANDOFF_ERR_PREFIX, "the text does not start with %s",
		                    HANDOFF_PREFIX);
	}
	if (n == 4)
		return handoff_fail(err, HANDOFF_ERR_CORRUPT, "nothing after the prefix");

	bs = handoff_b45_decode(scanned + 4, n - 4, &env, &blen, &where);
	switch (bs) {
	case B45_OK:
		break;
	case B45_LOWERCASE:
		return handoff_fail(err, HANDOFF_ERR_LOWERCASE,
		                    "lower-case letter at character %zu (Caps Lock?)", where + 4);
	case B45_BAD_CHAR:
		return handoff_fail(err, HANDOFF_ERR_ENCODING,
		                    "character %zu (byte 0x%02X) is not in the Base45 alphabet",
		                    where + 4, (unsigned char)scanned[4 + where]);
	case B45_BAD_GROUP:
		return handoff_fail(err, HANDOFF_ERR_ENCODING,
		                    "the Base45 group at character %zu is out of range", where + 4);
	case B45_BAD_LENGTH:
		return handoff_fail(err, HANDOFF_ERR_ENCODING,
		                    "a lone Base45 character at the end (cut off?)");
	}

	if (env[0] != HANDOFF_FORMAT_VERSION) {
		st = handoff_fail(err, HANDOFF_ERR_VERSION, "format version %u is not known",
		                  env[0]);
		goto out;
	}
	if (blen < 3) {
		st = handoff_fail(err, HANDOFF_ERR_CORRUPT, "the envelope is cut off");
		goto out;
	}
	if (env[1] & ~(HANDOFF_FLAG_SIGNED | HANDOFF_FLAG_SEALED)) {
		st = handoff_fail(err, HANDOFF_ERR_VERSION, "unknown flags 0x%02X", env[1]);
		goto out;
	}
	if (env[1] != 0) {
		st = handoff_fail(err, HANDOFF_ERR_VERSION,
		                  "signed or sealed codes (flags 0x%02X) are not supported yet",
		                  env[1]);
		goto out;
	}
	zs = handoff_inflate(env + 2, blen - 2, HANDOFF_MAX_SERIAL, &serial);
	switch (zs) {
	case ZIP_OK:
		break;
	case ZIP_TRUNCATED:
		st = handoff_fail(err, HANDOFF_ERR_CORRUPT, "the compressed data is cut off");
		goto out;
	case ZIP_TRAILING:
		st = handoff_fail(err, HANDOFF_ERR_CORRUPT, "extra data after the end");
		goto out;
	case ZIP_TOO_BIG:
		st = handoff_fail(err, HANDOFF_ERR_CORRUPT, "inflates beyond %d bytes",
		                  HANDOFF_MAX_SERIAL);
		goto out;
	case ZIP_CORRUPT:
	default:
		st = handoff_fail(err, HANDOFF_ERR_CORRUPT, "the compressed data is corrupt");
		goto out;
	}
	st = handoff_deserialize(serial.p, serial.len, find, ctx, out, lang_out, err);
out:
	free(env);
	handoff_buf_free(&serial);
	return st;
}

handoff_status
handoff_decode(const char *scanned, const form_set *forms, answers **out, char **lang_out,
               handoff_error *err)
{
	if (err)
		*err = (handoff_error){0};
	*out = NULL;
	if (lang_out)
		*lang_out = NULL;
	return decode_with(scanned, find_in_set, forms, out, lang_out, err);
}

/* Decodes `text` again and compares the JSON of both sides. */
static handoff_status
self_check(const answers *a, const char *lang, const char *text, handoff_error *err)
{
	answers *back = NULL;
	char *lang2 = NULL, *j1 = NULL, *j2 = NULL;
	handoff_error e2 = {0};
	handoff_status st = decode_with(text, find_one, answers_form(a), &back, &lang2, &e2);

	if (st != HANDOFF_OK) {
		st = handoff_fail(err, HANDOFF_ERR_INVALID, "the code does not decode: %s",
		                  e2.detail);
		goto out;
	}
	j1 = answers_to_json(a, lang ? lang : "");
	j2 = answers_to_json(back, lang2);
	if (!j1 || !j2 || strcmp(j1, j2) != 0)
		st = handoff_fail(err, HANDOFF_ERR_INVALID,
		                  "the answers do not survive the round trip");
out:
	free(j1);
	free(j2);
	free(lang2);
	if (back)
		answers_free(back);
	return st;
}

handoff_status
handoff_encode_stats(const answers *a, const char *lang, char **text_out, handoff_stats *stats,
                     handoff_error *err)
{
	handoff_buf serial = {0}, env = {0};
	handoff_status st;
	char *b45 = NULL, *text = NULL;
	int missing = -1;

	if (err)
		*err = (handoff_error){0};
	*text_out = NULL;
	if (!answers_complete(a, &missing)) {
		const form *f = answers_form(a);
		st = handoff_fail(err, HANDOFF_ERR_INCOMPLETE,
		                  "required field \"%s\" is not answered",
		                  missing >= 0 ? field_id(form_field_at(f, (size_t)missing)) : "?");
		goto out;
	}
	st = handoff_serialize(a, lang, &serial, err);
	if (st != HANDOFF_OK)
		goto out;
	if (serial.len > HANDOFF_MAX_SERIAL) {
		st = handoff_fail(err, HANDOFF_ERR_TOO_LARGE, "the answers take %zu bytes",
		                  serial.len);
		goto out;
	}
	handoff_buf_putc(&env, HANDOFF_FORMAT_VERSION);
	handoff_buf_putc(&env, 0); /* flags: not signed, not sealed */
	handoff_deflate(serial.p, serial.len, &env);
	b45 = handoff_b45_encode(env.p, env.len);
	size_t chars = strlen(HANDOFF_PREFIX) + strlen(b45);
	if (stats)
		*stats = (handoff_stats){serial.len, env.len - 2, env.len, chars};
	if (chars > HANDOFF_MAX_TEXT) {
		st = handoff_fail(err, HANDOFF_ERR_TOO_LARGE,
		                  "the code has %zu characters; one QR code holds %d", chars,
		                  HANDOFF_MAX_TEXT);
		goto out;
	}
	text = handoff_xmalloc(chars + 1);
	strcpy(text, HANDOFF_PREFIX);
	strcat(text, b45);
	st = self_check(a, lang, text, err);
	if (st != HANDOFF_OK)
		goto out;
	*text_out = text;
	text = NULL;
out:
	free(text);
	free(b45);
	handoff_buf_free(&serial);
	handoff_buf_free(&env);
	return st;
}

handoff_status
handoff_encode(const answers *a, const char *lang, char **text_out, handoff_error *err)
{
	return handoff_encode_stats(a, lang, text_out, NULL, err);
}
