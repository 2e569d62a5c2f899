/*
 * The handoff code against the naive encodings, for each reference
 * household (the tests/data/answers/ files named _ref.json, and the juminhyo fixtures):
 * our signed code (Base45 in one alphanumeric segment), sealed, and
 * digits-only; then the same answers as minified UTF-8 JSON in byte mode,
 * as compact UTF-8 key=value lines in byte mode, as Shift_JIS key=value in
 * Kanji mode (iconv + libqrencode's QR_MODE_KANJI hint), and SMART Health
 * Card style (a JWS of DEFLATEd JSON with an Ed25519 signature, "shc:/" and
 * two digits per base64url character, numeric mode). Prints the QR version
 * at ECC M, the modules per side and the ratio of symbol area to ours.
 * Figures, not a timed test. Usage: handoff_bench ANSWERS.json...
 */
#include "engine/engine.h"
#include "handoff/handoff.h"

#include <errno.h>
#include <iconv.h>
#include <jansson.h>
#include <qrencode.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

typedef struct result {
	const char *name;
	size_t size;
	const char *unit;
	int version, width;
	const char *note;
} result;

static char *
read_all(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;
	if (!fp)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = malloc((size_t)n + 1);
	if (!buf || fread(buf, 1, (size_t)n, fp) != (size_t)n)
		n = 0;
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

/* One segment per (mode, data); returns version and width, or 0. */
static void
symbol(result *r, int nseg, const QRencodeMode *modes, const char *const *data, const size_t *lens)
{
	QRinput *in = QRinput_new2(0, QR_ECLEVEL_M);
	for (int i = 0; i < nseg; i++)
		if (QRinput_append(in, modes[i], (int)lens[i], (const unsigned char *)data[i]) != 0)
			r->note = "segment refused";
	QRcode *c = QRcode_encodeInput(in);
	if (c) {
		r->version = c->version;
		r->width = c->width;
		QRcode_free(c);
	} else {
		r->note = "does not fit version 40";
	}
	QRinput_free(in);
}

static void
one_segment(result *r, QRencodeMode mode, const char *data, size_t len)
{
	symbol(r, 1, &mode, &data, &len);
}

/* Compact key=value lines: field=value, repeat fields as repeat.N.field. */
static void
kv_lines(json_t *obj, const char *prefix, char **buf, size_t *len, size_t *cap)
{
	const char *key;
	json_t *v;
	json_object_foreach(obj, key, v)
	{
		if (json_is_array(v)) {
			size_t i;
			json_t *inst;
			json_array_foreach(v, i, inst)
			{
				char p[128];
				snprintf(p, sizeof p, "%s%s.%zu.", prefix, key, i + 1);
				kv_lines(inst, p, buf, len, cap);
			}
			continue;
		}
		const char *s = json_string_value(v);
		size_t need = strlen(prefix) + strlen(key) + (s ? strlen(s) : 0) + 3;
		while (*len + need >= *cap) {
			*cap *= 2;
			*buf = realloc(*buf, *cap);
		}
		*len += (size_t)sprintf(*buf + *len, "%s%s=%s\n", prefix, key, s ? s : "");
	}
}

/* UTF-8 to Shift_JIS (CP932 then SHIFT_JIS); unconvertible characters
 * become "?" and are counted. */
static char *
to_sjis(const char *utf8, size_t *outlen, int *lost)
{
	iconv_t cd = iconv_open("CP932", "UTF-8");
	size_t inleft = strlen(utf8), cap = inleft * 2 + 16, outleft = cap;
	char *out = malloc(cap), *o = out, *in = (char *)utf8;
	*lost = 0;
	if (cd == (iconv_t)-1)
		cd = iconv_open("SHIFT_JIS", "UTF-8");
	while (inleft > 0) {
		if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
			if (errno != EILSEQ && errno != EINVAL)
				break;
			/* skip one UTF-8 character */
			unsigned char c = (unsigned char)*in;
			size_t k = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
			in += k;
			inleft = inleft > k ? inleft - k : 0;
			*o++ = '?';
			outleft--;
			(*lost)++;
		}
	}
	iconv_close(cd);
	*o = '\0';
	*outlen = (size_t)(o - out);
	return out;
}

static char *
b64url(const unsigned char *p, size_t n)
{
	size_t cap = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	char *s = malloc(cap);
	sodium_bin2base64(s, cap, p, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return s;
}

/* SMART Health Card style: header.payload.signature, payload = raw
 * DEFLATE (no dictionary) of the minified JSON; "shc:/" in byte mode and
 * two digits (ord - 45) per character in numeric mode. */
static void
shc(result *r, const char *json, const handoff_desk_key *k)
{
	unsigned char z[65536], sig[64];
	z_stream zs = {0};
	deflateInit2(&zs, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY);
	zs.next_in = (unsigned char *)json;
	zs.avail_in = (unsigned)strlen(json);
	zs.next_out = z;
	zs.avail_out = sizeof z;
	deflate(&zs, Z_FINISH);
	size_t zn = sizeof z - zs.avail_out;
	deflateEnd(&zs);
	const char *hdr = "{\"zip\":\"DEF\",\"alg\":\"EdDSA\",\"kid\":\"9D623CD4\"}";
	char *h64 = b64url((const unsigned char *)hdr, strlen(hdr)), *p64 = b64url(z, zn);
	size_t mlen = strlen(h64) + 1 + strlen(p64);
	char *m = malloc(mlen + 1);
	sprintf(m, "%s.%s", h64, p64);
	crypto_sign_detached(sig, NULL, (unsigned char *)m, mlen, k->sk);
	char *s64 = b64url(sig, sizeof sig);
	char *jws = malloc(mlen + 2 + strlen(s64));
	sprintf(jws, "%s.%s", m, s64);
	size_t n = strlen(jws);
	char *digits = malloc(2 * n + 1);
	for (size_t i = 0; i < n; i++)
		sprintf(digits + 2 * i, "%02d", jws[i] - 45);
	QRencodeMode modes[2] = {QR_MODE_8, QR_MODE_NUM};
	const char *data[2] = {"shc:/", digits};
	size_t lens[2] = {5, 2 * n};
	symbol(r, 2, modes, data, lens);
	r->size = 5 + 2 * n;
	free(h64);
	free(p64);
	free(m);
	free(s64);
	free(jws);
	free(digits);
}

static void
ours(result *r, const answers *a, const char *lang, const handoff_desk_key *desk,
     const unsigned char *city, handoff_armour arm)
{
	handoff_encode_opts o = {desk, city, arm, 40, NULL};
	handoff_codes c = {0};
	handoff_error err;
	handoff_qr *q = NULL;
	if (handoff_encode_with(a, lang, &o, &c, &err) != HANDOFF_OK ||
	    handoff_qr_make(c.text[0], &q, &err) != HANDOFF_OK) {
		static char why[sizeof err.detail];
		snprintf(why, sizeof why, "%s", err.detail); /* err is gone after return */
		r->note = why;
		return;
	}
	r->size = strlen(c.text[0]);
	r->version = q->version;
	r->width = q->width;
	handoff_qr_free(q);
	handoff_codes_free(&c);
}

int
main(int argc, char **argv)
{
	form_set *forms = NULL;
	handoff_desk_key desk;
	handoff_city_key city;
	if (sodium_init() < 0 || argc < 2 || form_set_load_dir("forms", &forms, NULL, NULL) < 0 ||
	    handoff_desk_key_load("tests/data/keys/desk-test.key", &desk, NULL) != HANDOFF_OK ||
	    handoff_city_key_load("tests/data/keys/city-test.pub", &city, NULL) != HANDOFF_OK) {
		fprintf(stderr, "usage: run from the source tree: handoff_bench ANSWERS.json...\n");
		return 2;
	}
	printf("QR version at ECC M, modules per side, and symbol area relative to ours "
	       "(signed, Base45).\n");
	for (int i = 1; i < argc; i++) {
		char why[256], *lang = NULL, *text = read_all(argv[i]);
		answers *a = text ? answers_from_json(text, forms, &lang, why, sizeof why) : NULL;
		if (!a) {
			printf("\n%s: cannot be read (%s)\n", argv[i], text ? why : "no file");
			free(text);
			continue;
		}
		char *pretty = answers_to_json(a, lang);
		json_t *root = json_loads(pretty, 0, NULL);
		char *json = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
		size_t cap = 4096, len = 0;
		char *kv = malloc(cap);
		kv[0] = '\0';
		len += (size_t)sprintf(kv, "form=%s\nver=%d\n", form_id(answers_form(a)),
		                       form_version(answers_form(a)));
		kv_lines(json_object_get(root, "answers"), "", &kv, &len, &cap);
		size_t sjlen;
		int lost;
		char *sj = to_sjis(kv, &sjlen, &lost);
		static char lostnote[64];

		result r[8] = {
		        {"ours: signed, Base45, alphanumeric", 0, "chars", 0, 0, NULL},
		        {"ours: signed + sealed, Base45", 0, "chars", 0, 0, NULL},
		        {"ours: signed, digits only, numeric", 0, "digits", 0, 0, NULL},
		        {"UTF-8 JSON (minified), byte", strlen(json), "bytes", 0, 0, NULL},
		        {"UTF-8 key=value, byte", len, "bytes", 0, 0, NULL},
		        {"Shift_JIS key=value, Kanji hint", sjlen, "bytes", 0, 0, NULL},
		        {"SHC-style JWS, numeric (signed)", 0, "chars", 0, 0, NULL},
		};
		ours(&r[0], a, lang, &desk, NULL, HANDOFF_ARMOUR_BASE45);
		ours(&r[1], a, lang, &desk, city.pk, HANDOFF_ARMOUR_BASE45);
		ours(&r[2], a, lang, &desk, NULL, HANDOFF_ARMOUR_DIGITS);
		one_segment(&r[3], QR_MODE_8, json, strlen(json));
		one_segment(&r[4], QR_MODE_8, kv, len);
		QRcode *k = QRcode_encodeString(sj, 0, QR_ECLEVEL_M, QR_MODE_KANJI, 1);
		if (k) {
			r[5].version = k->version;
			r[5].width = k->width;
			QRcode_free(k);
		}
		if (lost) {
			snprintf(lostnote, sizeof lostnote, "%d characters have no Shift_JIS code",
			         lost);
			r[5].note = lostnote;
		}
		shc(&r[6], json, &desk);

		printf("\n%s (%s, %s)\n", argv[i], form_id(answers_form(a)),
		       form_title(answers_form(a)));
		printf("  %-38s %6s %-6s %4s %8s %6s\n", "encoding", "size", "", "ver", "modules",
		       "area");
		for (int j = 0; j < 7; j++) {
			double ratio = r[0].width ? (double)r[j].width * r[j].width /
			                                    ((double)r[0].width * r[0].width)
			                          : 0;
			printf("  %-38s %6zu %-6s %4d %4dx%-3d %5.2fx%s%s\n", r[j].name, r[j].size,
			       r[j].unit, r[j].version, r[j].width, r[j].width, ratio,
			       r[j].note ? "  " : "", r[j].note ? r[j].note : "");
		}
		free(sj);
		free(kv);
		free(json);
		json_decref(root);
		free(pretty);
		free(lang);
		free(text);
		answers_free(a);
	}
	handoff_desk_key_wipe(&desk);
	form_set_free(forms);
	return 0;
}
