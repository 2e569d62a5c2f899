/*
 * The payload and its layers (docs/handoff-format.md): serialisation ->
 * raw DEFLATE with the preset dictionary -> signed by the desk (sign.c) ->
 * sealed to the city when configured (seal.c) -> the envelope [version]
 * [flags][...] -> cut into parts when one code is not enough
 * (multipart.c) -> ASCII armour (armour.c). Encoding checks its own work;
 * decoding checks every layer and says which one failed.
 */
#include "handoff/internal.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
	case HANDOFF_ERR_UNSIGNED:
		return "not signed";
	case HANDOFF_ERR_UNKNOWN_DESK:
		return "unknown desk";
	case HANDOFF_ERR_SIGNATURE:
		return "signature does not match";
	case HANDOFF_ERR_SEALED:
		return "sealed, no city key";
	case HANDOFF_ERR_UNSEAL:
		return "seal does not open";
	case HANDOFF_ERR_PARTS:
		return "parts missing";
	case HANDOFF_ERR_PARTS_MIXED:
		return "parts of different applications";
	case HANDOFF_ERR_KEYFILE:
		return "key file problem";
	case HANDOFF_ERR_KEY_EXISTS:
		return "key exists";
	case HANDOFF_ERR_SLIP:
		return "slip problem";
	case HANDOFF_ERR_LAYOUT:
		return "paper layout problem";
	}
	return "unknown status";
}

/* A code of any version the set holds decodes, as that version: the
 * counter reads codes made before a form changed. */
static const form *
find_in_set(const char *id, int version, const void *ctx)
{
	return form_set_find_version(ctx, id, version);
}

static const form *
find_one(const char *id, int version, const void *ctx)
{
	const form *f = ctx;
	return strcmp(form_id(f), id) == 0 && form_version(f) == version ? f : NULL;
}

static handoff_status
inflate_status(zip_status zs, handoff_error *err)
{
	switch (zs) {
	case ZIP_OK:
		return HANDOFF_OK;
	case ZIP_TRUNCATED:
		return handoff_fail(err, HANDOFF_ERR_CORRUPT, "the compressed data is cut off");
	case ZIP_TRAILING:
		return handoff_fail(err, HANDOFF_ERR_CORRUPT, "extra data after the end");
	case ZIP_TOO_BIG:
		return handoff_fail(err, HANDOFF_ERR_CORRUPT, "inflates beyond %d bytes",
		                    HANDOFF_MAX_SERIAL);
	case ZIP_CORRUPT:
	default:
		return handoff_fail(err, HANDOFF_ERR_CORRUPT, "the compressed data is corrupt");
	}
}

/*
 * Opens a whole (joined) envelope down to the serialisation: a sealed
 * code opens with the city's key and the desk's (which proves the desk),
 * a signed one is verified, then DEFLATE. When the signature does not
 * match, a body that does not even inflate means a scan that was cut off
 * or damaged rather than altered, and is reported so.
 */
static handoff_status
open_envelope(const unsigned char *env, size_t n, const handoff_verify *v, handoff_buf *serial,
              handoff_origin *o, handoff_error *err)
{
	unsigned char flags = env[1], *opened = NULL;
	const unsigned char *inner = env + 2, *body = NULL;
	size_t ilen = n - 2, blen = 0;
	const handoff_pubkey *who = NULL;
	handoff_status st;

	if (flags & HANDOFF_FLAG_PART)
		return handoff_fail(err, HANDOFF_ERR_CORRUPT, "a part inside a joined envelope");
	if (n < 3)
		return handoff_fail(err, HANDOFF_ERR_CORRUPT, "the envelope is cut off");
	if ((flags & HANDOFF_FLAG_SEALED) && (flags & HANDOFF_FLAG_SIGNED))
		return handoff_fail(err, HANDOFF_ERR_CORRUPT,
		                    "flags say signed and sealed: a code is one or the other");
	o->sealed = !!(flags & HANDOFF_FLAG_SEALED);
	o->is_signed = !!(flags & (HANDOFF_FLAG_SIGNED | HANDOFF_FLAG_SEALED));
	if (o->sealed) {
		st = handoff_unseal(env[0], flags, inner, ilen, v->city, v->trusted, &opened, &blen,
		                    &who, o->key_id, err);
		if (st != HANDOFF_OK)
			return st;
		body = opened;
		o->desk = who;
	} else if (o->is_signed) {
		st = handoff_verify_inner(env[0], flags, inner, ilen, v->trusted, &body, &blen,
		                          &who, o->key_id, err);
		if (st == HANDOFF_ERR_SIGNATURE) {
			handoff_buf probe = {0};
			zip_status zs =
			        handoff_inflate(env[0], body, blen, HANDOFF_MAX_SERIAL, &probe);
			handoff_buf_free(&probe);
			if (zs != ZIP_OK)
				st = handoff_fail(
				        err, HANDOFF_ERR_CORRUPT,
				        "the signature does not match and the data does not "
				        "inflate: cut off or damaged");
		}
		if (st != HANDOFF_OK)
			return st;
		o->desk = who;
	} else {
		if (!v->allow_unsigned)
			return handoff_fail(err, HANDOFF_ERR_UNSIGNED,
			                    "the code carries no signature");
		body = inner;
		blen = ilen;
	}
	st = inflate_status(handoff_inflate(env[0], body, blen, HANDOFF_MAX_SERIAL, serial), err);
	if (opened) {
		sodium_memzero(opened, blen);
		free(opened);
	}
	return st;
}

/* Drops what scanners append: trailing CR, LF and spaces (a payload never
 * ends in a space: see the spec). */
static size_t
trimmed_len(const char *s)
{
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == '\r' || s[n - 1] == '\n' || s[n - 1] == ' '))
		n--;
	return n;
}

static handoff_status
decode_scans(const char *const *scans, size_t nscans, handoff_form_lookup find, const void *ctx,
             const handoff_verify *v, answers **out, char **lang_out, handoff_origin *o,
             handoff_error *err)
{
	unsigned char **env = NULL;
	size_t *lens = NULL, nparts = 0, nwhole = 0, whole = 0;
	handoff_buf joined = {0}, serial = {0};
	const unsigned char *e;
	size_t elen;
	handoff_status st = HANDOFF_OK;

	if (nscans == 0 || !scans)
		return handoff_fail(err, HANDOFF_ERR_PREFIX, "no text");
	env = eng_xmalloc(nscans * sizeof *env);
	lens = eng_xmalloc(nscans * sizeof *lens);
	for (size_t i = 0; i < nscans; i++)
		env[i] = NULL;
	for (size_t i = 0; i < nscans; i++) {
		if (!scans[i]) {
			st = handoff_fail(err, HANDOFF_ERR_PREFIX, "no text");
			goto out;
		}
		st = handoff_unarmour(scans[i], trimmed_len(scans[i]), &env[i], &lens[i], err);
		if (st != HANDOFF_OK) {
			if (nscans > 1 && err) {
				char d[sizeof err->detail];
				int k = snprintf(d, sizeof d, "scan %zu: ", i + 1);
				if (k > 0 && (size_t)k < sizeof d) {
					snprintf(d + k, sizeof d - (size_t)k, "%.*s",
					         (int)(sizeof d - (size_t)k - 1), err->detail);
					memcpy(err->detail, d, sizeof d);
				}
			}
			goto out;
		}
		if (env[i][1] & HANDOFF_FLAG_PART)
			nparts++;
		else
			nwhole++, whole = i;
	}
	o->parts_total = 1;
	if (nparts > 0 && nwhole > 0) {
		st = handoff_fail(
		        err, HANDOFF_ERR_PARTS_MIXED,
		        "a single code was scanned together with parts of a multi-part code");
		goto out;
	}
	if (nwhole > 1) {
		for (size_t i = 0; i < nscans; i++)
			if (lens[i] != lens[whole] || memcmp(env[i], env[whole], lens[i]) != 0) {
				st = handoff_fail(err, HANDOFF_ERR_PARTS_MIXED,
				                  "codes of different applications were scanned");
				goto out;
			}
	}
	if (nparts > 0) {
		st = handoff_join(env, lens, nscans, &joined, o, err);
		if (st != HANDOFF_OK)
			goto out;
		e = joined.p;
		elen = joined.len;
		if (elen < 2 || e[0] < HANDOFF_FORMAT_OLDEST || e[0] > HANDOFF_FORMAT_VERSION ||
		    (e[1] & ~HANDOFF_FLAGS_KNOWN)) {
			st = handoff_fail(err, HANDOFF_ERR_CORRUPT,
			                  "the joined envelope is malformed");
			goto out;
		}
	} else {
		e = env[whole];
		elen = lens[whole];
	}
	o->format = e[0];
	st = open_envelope(e, elen, v, &serial, o, err);
	if (st == HANDOFF_OK)
		st = handoff_deserialize(serial.p, serial.len, e[0], find, ctx, out, lang_out,
		                         o->made, err);
out:
	for (size_t i = 0; i < nscans; i++)
		free(env[i]);
	free(env);
	free(lens);
	handoff_buf_free(&joined);
	if (serial.p)
		sodium_memzero(serial.p, serial.len);
	handoff_buf_free(&serial);
	return st;
}

handoff_status
handoff_decode_with(const char *const *scans, size_t nscans, const form_set *forms,
                    const handoff_verify *v, answers **out, char **lang_out, handoff_origin *origin,
                    handoff_error *err)
{
	handoff_origin o = {0};
	handoff_verify none = {0};
	handoff_status st;

	if (err)
		*err = (handoff_error){0};
	*out = NULL;
	if (lang_out)
		*lang_out = NULL;
	st = decode_scans(scans, nscans, find_in_set, forms, v ? v : &none, out, lang_out, &o, err);
	if (origin)
		*origin = o;
	return st;
}

/*
 * Checks the encoder's own work: the serialisation must parse back into
 * the same answers (same JSON), and, when the codes are not sealed (the
 * desk cannot open a seal), the texts must decode to them through every
 * layer.
 */
static handoff_status
self_check(const answers *a, const char *lang, const char *made, const handoff_buf *serial,
           const handoff_codes *c, const handoff_encode_opts *o, handoff_error *err)
{
	answers *back = NULL;
	char *lang2 = NULL, *j1 = NULL, *j2 = NULL, made2[11] = "";
	handoff_error e2 = {0};
	handoff_status st =
	        handoff_deserialize(serial->p, serial->len, HANDOFF_FORMAT_VERSION, find_one,
	                            answers_form(a), &back, &lang2, made2, &e2);

	if (st == HANDOFF_OK && !o->city_pk) {
		handoff_keyring kr = {0};
		handoff_pubkey pk;
		handoff_verify v = {&kr, NULL, o->desk == NULL};
		handoff_origin org = {0};
		if (o->desk) {
			handoff_desk_key_public(o->desk, &pk);
			handoff_keyring_add(&kr, &pk);
		}
		answers_free(back);
		free(lang2);
		back = NULL;
		lang2 = NULL;
		st = decode_scans((const char *const *)c->text, c->n, find_one, answers_form(a), &v,
		                  &back, &lang2, &org, &e2);
		handoff_keyring_free(&kr);
		memcpy(made2, org.made, sizeof made2);
	}
	if (st != HANDOFF_OK) {
		st = handoff_fail(err, HANDOFF_ERR_INVALID, "the code does not decode: %s",
		                  e2.detail);
		goto out;
	}
	j1 = answers_to_json(a, lang ? lang : "");
	j2 = answers_to_json(back, lang2);
	if (!j1 || !j2 || strcmp(j1, j2) != 0 || strcmp(made, made2) != 0)
		st = handoff_fail(err, HANDOFF_ERR_INVALID,
		                  "the answers do not survive the round trip");
out:
	wipe_free(j1); /* the answers in plain text */
	wipe_free(j2);
	free(lang2);
	if (back)
		answers_free(back);
	return st;
}

void
handoff_codes_free(handoff_codes *c)
{
	for (size_t i = 0; c->text && i < c->n; i++)
		free(c->text[i]);
	free(c->text);
	*c = (handoff_codes){0};
}

handoff_status
handoff_encode_with(const answers *a, const char *lang, const handoff_encode_opts *o,
                    handoff_codes *out, handoff_error *err)
{
	handoff_buf serial = {0}, body = {0}, inner = {0}, env = {0};
	handoff_buf parts[HANDOFF_MAX_PARTS];
	handoff_status st;
	handoff_codes c = {0};
	unsigned char flags = 0;
	int missing = -1, maxv = o->max_version > 0 && o->max_version <= 40 ? o->max_version : 40;
	size_t cap = handoff_capacity(maxv, o->armour);
	char *one = NULL, today[11];
	const char *made = o->made;

	if (err)
		*err = (handoff_error){0};
	*out = (handoff_codes){0};
	if (!answers_complete(a, &missing)) {
		const form *f = answers_form(a);
		st = handoff_fail(err, HANDOFF_ERR_INCOMPLETE,
		                  "required field \"%s\" is not answered",
		                  missing >= 0 ? field_id(form_field_at(f, (size_t)missing)) : "?");
		goto out;
	}
	if (!made) {
		date_today(today); /* the engine's today: YORISOI_TODAY in tests */
		made = today;
	}
	st = handoff_serialize(a, lang, made, &serial, err);
	if (st != HANDOFF_OK)
		goto out;
	if (serial.len > HANDOFF_MAX_SERIAL) {
		st = handoff_fail(err, HANDOFF_ERR_TOO_LARGE, "the answers take %zu bytes",
		                  serial.len);
		goto out;
	}
	if (o->city_pk && !o->desk) {
		st = handoff_fail(err, HANDOFF_ERR_UNSIGNED,
		                  "a sealed code comes from a desk: no desk key was given");
		goto out;
	}
	/* sealed to the city (which also proves the desk), else signed */
	flags = o->city_pk ? HANDOFF_FLAG_SEALED : o->desk ? HANDOFF_FLAG_SIGNED : 0;
	handoff_deflate(HANDOFF_FORMAT_VERSION, serial.p, serial.len, &body);
	handoff_buf_putc(&env, HANDOFF_FORMAT_VERSION);
	handoff_buf_putc(&env, flags);
	if (o->city_pk) {
		if (handoff_seal(HANDOFF_FORMAT_VERSION, flags, o->desk, body.p, body.len,
		                 o->city_pk, &env) != 0) {
			st = handoff_fail(err, HANDOFF_ERR_KEYFILE,
			                  "the city key is not a usable X25519 public key");
			goto out;
		}
	} else if (o->desk) {
		handoff_sign(HANDOFF_FORMAT_VERSION, flags, o->desk, body.p, body.len, &inner);
		handoff_buf_put(&env, inner.p, inner.len);
	} else {
		handoff_buf_put(&env, body.p, body.len);
	}

	c.stats = (handoff_stats){serial.len, body.len, env.len, 0};
	one = handoff_armour_text(env.p, env.len, o->armour);
	if (strlen(one) <= cap) {
		c.n = 1;
		c.text = eng_xmalloc(sizeof *c.text);
		c.text[0] = one;
		one = NULL;
	} else {
		size_t n = maxv < 40 ? handoff_split(env.p, env.len, cap, o->armour, parts) : 0;
		if (n == 0) {
			c.stats.text_chars = strlen(one);
			st = handoff_fail(err, HANDOFF_ERR_TOO_LARGE,
			                  "the code has %zu characters; one QR code of version %d "
			                  "holds %zu",
			                  strlen(one), maxv, cap);
			goto out;
		}
		c.n = n;
		c.text = eng_xmalloc(n * sizeof *c.text);
		for (size_t i = 0; i < n; i++) {
			c.text[i] = handoff_armour_text(parts[i].p, parts[i].len, o->armour);
			handoff_buf_free(&parts[i]);
		}
	}
	for (size_t i = 0; i < c.n; i++)
		c.stats.text_chars += strlen(c.text[i]);
	st = self_check(a, lang, made, &serial, &c, o, err);
	if (st != HANDOFF_OK)
		goto out;
	*out = c;
	c = (handoff_codes){0};
out:
	if (st == HANDOFF_ERR_TOO_LARGE)
		out->stats = c.stats;
	handoff_codes_free(&c);
	free(one);
	if (serial.p)
		sodium_memzero(serial.p, serial.len);
	handoff_buf_free(&serial);
	handoff_buf_free(&body);
	handoff_buf_free(&inner);
	handoff_buf_free(&env);
	return st;
}
