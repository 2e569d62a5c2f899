/*
 * Trust: the desk's signature, the city's seal, the parts of a multi-part
 * code, the digits-only armour and the key files. Every way a scan can be
 * wrong (altered character, wrong or unknown key, cut off, Caps Lock,
 * missing or mixed parts) gives its own status, never the answers.
 */
#include "tests/unit/handoff_fixture.h"
#include "tests/unit/test.h"

#include "handoff/internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static void
data_path(char *buf, size_t n, const char *rel)
{
	snprintf(buf, n, "%s/%s", test_data_dir(), rel);
}

static int
load_desk(const char *rel, handoff_desk_key *k)
{
	char p[512];
	data_path(p, sizeof p, rel);
	return handoff_desk_key_load(p, k, NULL) == HANDOFF_OK ? 0 : -1;
}

static int
load_city(const char *rel, handoff_city_key *k)
{
	char p[512];
	data_path(p, sizeof p, rel);
	return handoff_city_key_load(p, k, NULL) == HANDOFF_OK ? 0 : -1;
}

static int
load_ring(const char *rel, handoff_keyring *kr)
{
	char p[512];
	data_path(p, sizeof p, rel);
	return handoff_keyring_add_file(kr, p, NULL) == HANDOFF_OK ? 0 : -1;
}

/* handoff_test_min or handoff_test_full as answers. */
static answers *
fixture(const char *name, char **lang)
{
	char p[512], why[256];
	snprintf(p, sizeof p, "%s/answers/%s.json", test_data_dir(), name);
	FILE *fp = fopen(p, "rb");
	char buf[8192];
	size_t n;
	if (!fp)
		return NULL;
	n = fread(buf, 1, sizeof buf - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	return answers_from_json(buf, hx_forms(), lang, why, sizeof why);
}

typedef struct world {
	handoff_desk_key desk, other;
	handoff_city_key city, city_other, city_pub;
	handoff_keyring ring, other_ring;
	answers *a;
	char *lang;
} world;

static int
world_init(world *w)
{
	memset(w, 0, sizeof *w);
	if (!hx_forms() || load_desk("keys/desk-test.key", &w->desk) != 0 ||
	    load_desk("keys/desk-other.key", &w->other) != 0 ||
	    load_city("keys/city-test.key", &w->city) != 0 ||
	    load_city("keys/city-other.key", &w->city_other) != 0 ||
	    load_city("keys/city-test.pub", &w->city_pub) != 0 ||
	    load_ring("keys/desk-test.pub", &w->ring) != 0 ||
	    load_ring("keys/desk-other.pub", &w->other_ring) != 0)
		return -1;
	w->a = fixture("handoff_test_full", &w->lang);
	return w->a ? 0 : -1;
}

static void
world_free(world *w)
{
	handoff_keyring_free(&w->ring);
	handoff_keyring_free(&w->other_ring);
	if (w->a)
		answers_free(w->a);
	free(w->lang);
	handoff_desk_key_wipe(&w->desk);
	handoff_desk_key_wipe(&w->other);
}

static handoff_codes
encode(world *w, const handoff_desk_key *desk, const unsigned char *city, handoff_armour arm,
       int maxv)
{
	handoff_codes c = {0};
	handoff_error err;
	handoff_encode_opts o = {desk, city, arm, maxv, NULL};
	if (handoff_encode_with(w->a, w->lang, &o, &c, &err) != HANDOFF_OK)
		fprintf(stderr, "    encode: %s\n", err.detail);
	return c;
}

/* Decodes scans and checks the answers against the fixture when OK. */
static handoff_status
decode(world *w, const char *const *scans, size_t n, const handoff_keyring *ring,
       const handoff_city_key *city, handoff_origin *o)
{
	handoff_verify v = {ring, city, 0};
	handoff_error err;
	answers *back = NULL;
	char *lang = NULL;
	handoff_origin org;
	handoff_status st =
	        handoff_decode_with(scans, n, hx_forms(), &v, &back, &lang, o ? o : &org, &err);
	if (st == HANDOFF_OK) {
		char *j1 = answers_to_json(w->a, w->lang), *j2 = answers_to_json(back, lang);
		CHECK_STR(j2, j1);
		free(j1);
		free(j2);
		answers_free(back);
		free(lang);
	} else {
		CHECK(back == NULL);
		CHECK(err.status == st && err.detail[0]);
	}
	return st;
}

static handoff_status
decode1(world *w, const char *text, const handoff_keyring *ring, const handoff_city_key *city)
{
	return decode(w, &text, 1, ring, city, NULL);
}

TEST(signed_round_trip)
{
	world w;
	REQUIRE(world_init(&w) == 0);
	handoff_codes c = encode(&w, &w.desk, NULL, HANDOFF_ARMOUR_BASE45, 0);
	REQUIRE(c.n == 1);
	handoff_origin o;
	CHECK_INT(decode(&w, (const char *const *)c.text, 1, &w.ring, NULL, &o), HANDOFF_OK);
	CHECK(o.is_signed && !o.sealed && o.desk && memcmp(o.key_id, w.desk.id, 4) == 0);
	CHECK_STR(o.desk->name, w.desk.name);
	/* A trusted-keys file with several keys, the right one among them. */
	handoff_keyring both = {0};
	REQUIRE(load_ring("keys/desk-other.pub", &both) == 0);
	REQUIRE(load_ring("keys/desk-test.pub", &both) == 0);
	CHECK_INT(both.n, 2);
	CHECK_INT(decode1(&w, c.text[0], &both, NULL), HANDOFF_OK);
	handoff_keyring_free(&both);
	/* Deterministic: Ed25519 and DEFLATE give the same text again. */
	handoff_codes c2 = encode(&w, &w.desk, NULL, HANDOFF_ARMOUR_BASE45, 0);
	REQUIRE(c2.n == 1);
	CHECK_STR(c2.text[0], c.text[0]);
	handoff_codes_free(&c2);
	handoff_codes_free(&c);
	world_free(&w);
}

TEST(unknown_desk_and_unsigned)
{
	world w;
	REQUIRE(world_init(&w) == 0);
	handoff_codes c = encode(&w, &w.desk, NULL, HANDOFF_ARMOUR_BASE45, 0);
	REQUIRE(c.n == 1);
	handoff_keyring empty = {0};
	handoff_origin o;
	const char *t = c.text[0];
	CHECK_INT(decode(&w, &t, 1, &w.other_ring, NULL, &o), HANDOFF_ERR_UNKNOWN_DESK);
	CHECK(memcmp(o.key_id, w.desk.id, 4) == 0);
	CHECK_INT(decode1(&w, c.text[0], &empty, NULL), HANDOFF_ERR_UNKNOWN_DESK);
	CHECK_INT(decode1(&w, c.text[0], NULL, NULL), HANDOFF_ERR_UNKNOWN_DESK);
	/* A key with the same id but another public key: the signature fails. */
	handoff_keyring fake = {0};
	handoff_pubkey pk;
	handoff_desk_key_public(&w.other, &pk);
	memcpy(pk.id, w.desk.id, 4);
	handoff_keyring_add(&fake, &pk);
	CHECK_INT(decode1(&w, c.text[0], &fake, NULL), HANDOFF_ERR_SIGNATURE);
	handoff_keyring_free(&fake);
	handoff_codes_free(&c);
	/* Unsigned codes are refused unless asked for. */
	c = encode(&w, NULL, NULL, HANDOFF_ARMOUR_BASE45, 0);
	REQUIRE(c.n == 1);
	CHECK_INT(decode1(&w, c.text[0], &w.ring, NULL), HANDOFF_ERR_UNSIGNED);
	handoff_codes_free(&c);
	world_free(&w);
}

/* Every single-character change of a signed code is caught: no
 * substitution decodes, whatever layer notices it. */
TEST(tamper_any_character)
{
	static const char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
	world w;
	REQUIRE(world_init(&w) == 0);
	handoff_codes c = encode(&w, &w.desk, NULL, HANDOFF_ARMOUR_BASE45, 0);
	REQUIRE(c.n == 1);
	char *t = c.text[0];
	size_t n = strlen(t);
	int ok = 0, sig = 0;
	for (size_t i = 4; i < n; i++) {
		char keep = t[i];
		for (const char *a = alphabet; *a; a++) {
			if (*a == keep)
				continue;
			t[i] = *a;
			handoff_status st = decode1(&w, t, &w.ring, NULL);
			ok += st == HANDOFF_OK;
			sig += st == HANDOFF_ERR_SIGNATURE;
		}
		t[i] = keep;
	}
	CHECK_INT(ok, 0);
	CHECK(sig > 0);
	/* The signature itself altered: the body still inflates, so "altered". */
	handoff_error err;
	unsigned char *env;
	size_t len;
	REQUIRE(handoff_unarmour(t, n, &env, &len, &err) == HANDOFF_OK);
	env[len - 1] ^= 1;
	char *t2 = handoff_armour_text(env, len, HANDOFF_ARMOUR_BASE45);
	CHECK_INT(decode1(&w, t2, &w.ring, NULL), HANDOFF_ERR_SIGNATURE);
	free(t2);
	/* The flags byte altered: signed and sealed at once is no code; sealed
	 * instead of signed does not open. */
	env[len - 1] ^= 1;
	env[1] |= HANDOFF_FLAG_SEALED;
	t2 = handoff_armour_text(env, len, HANDOFF_ARMOUR_BASE45);
	CHECK_INT(decode1(&w, t2, &w.ring, &w.city), HANDOFF_ERR_CORRUPT);
	free(t2);
	env[1] = HANDOFF_FLAG_SEALED;
	t2 = handoff_armour_text(env, len, HANDOFF_ARMOUR_BASE45);
	CHECK_INT(decode1(&w, t2, &w.ring, &w.city), HANDOFF_ERR_UNSEAL);
	free(t2);
	free(env);
	handoff_codes_free(&c);
	world_free(&w);
}

TEST(truncated_and_caps_lock)
{
	world w;
	REQUIRE(world_init(&w) == 0);
	handoff_codes c = encode(&w, &w.desk, NULL, HANDOFF_ARMOUR_BASE45, 0);
	REQUIRE(c.n == 1);
	char *t = c.text[0];
	size_t n = strlen(t);
	for (size_t cut = 0; cut < n; cut++) {
		char *p = strndup(t, cut);
		handoff_status st = decode1(&w, p, &w.ring, NULL);
		CHECK(st != HANDOFF_OK && st != HANDOFF_ERR_SIGNATURE);
		free(p);
	}
	/* Cut at a group boundary: a clean "cut off", not "altered". */
	char *p = strndup(t, 4 + ((n - 4) / 3 - 2) * 3);
	CHECK_INT(decode1(&w, p, &w.ring, NULL), HANDOFF_ERR_CORRUPT);
	free(p);
	p = strdup(t);
	for (char *q = p; *q; q++)
		*q = (char)tolower((unsigned char)*q);
	CHECK_INT(decode1(&w, p, &w.ring, NULL), HANDOFF_ERR_LOWERCASE);
	free(p);
	handoff_codes_free(&c);
	world_free(&w);
}

TEST(sealed)
{
	world w;
	REQUIRE(world_init(&w) == 0);
	CHECK(!w.city_pub.has_sk && w.city.has_sk);
	CHECK(memcmp(w.city_pub.pk, w.city.pk, 32) == 0);
	handoff_codes c = encode(&w, &w.desk, w.city_pub.pk, HANDOFF_ARMOUR_BASE45, 0);
	REQUIRE(c.n == 1);
	handoff_origin o;
	const char *t = c.text[0];
	CHECK_INT(decode(&w, &t, 1, &w.ring, &w.city, &o), HANDOFF_OK);
	CHECK(o.sealed && o.is_signed && o.desk);
	CHECK_INT(decode1(&w, t, &w.ring, NULL), HANDOFF_ERR_SEALED);
	CHECK_INT(decode1(&w, t, &w.ring, &w.city_pub), HANDOFF_ERR_SEALED);
	CHECK_INT(decode1(&w, t, &w.ring, &w.city_other), HANDOFF_ERR_UNSEAL);
	CHECK_INT(decode1(&w, t, &w.other_ring, &w.city), HANDOFF_ERR_UNKNOWN_DESK);
	/* Randomised: a second sealing differs, and decodes the same. */
	handoff_codes c2 = encode(&w, &w.desk, w.city_pub.pk, HANDOFF_ARMOUR_BASE45, 0);
	REQUIRE(c2.n == 1);
	CHECK(strcmp(c2.text[0], t) != 0);
	CHECK_INT(decode1(&w, c2.text[0], &w.ring, &w.city), HANDOFF_OK);
	/* Any character changed: the box does not open (or an earlier layer fails). */
	char *m = strdup(t);
	int ok = 0;
	for (size_t i = 4; i < strlen(m); i += 3) {
		char keep = m[i];
		m[i] = keep == '0' ? '1' : '0';
		ok += decode1(&w, m, &w.ring, &w.city) == HANDOFF_OK;
		m[i] = keep;
	}
	CHECK_INT(ok, 0);
	free(m);
	handoff_codes_free(&c2);
	handoff_codes_free(&c);
	world_free(&w);
}

TEST(digits_armour)
{
	world w;
	REQUIRE(world_init(&w) == 0);
	handoff_codes c = encode(&w, &w.desk, NULL, HANDOFF_ARMOUR_DIGITS, 0);
	REQUIRE(c.n == 1);
	char *t = c.text[0];
	CHECK(strncmp(t, HANDOFF_DIGITS_PREFIX, 5) == 0);
	CHECK(strspn(t, "0123456789") == strlen(t));
	CHECK_INT(decode1(&w, t, &w.ring, NULL), HANDOFF_OK);
	handoff_qr *q = NULL;
	handoff_error err;
	REQUIRE(handoff_qr_make(t, &q, &err) == HANDOFF_OK);
	handoff_qr_free(q);
	/* Any digit changed: caught. */
	int ok = 0;
	for (size_t i = 5; t[i]; i++) {
		char keep = t[i];
		t[i] = keep == '9' ? '0' : (char)(keep + 1);
		ok += decode1(&w, t, &w.ring, NULL) == HANDOFF_OK;
		t[i] = keep;
	}
	CHECK_INT(ok, 0);
	char *bad = strdup(t);
	bad[7] = 'A';
	CHECK_INT(decode1(&w, bad, &w.ring, NULL), HANDOFF_ERR_ENCODING);
	bad[7] = '9';
	memcpy(bad + 5, "99999", 5); /* a group above 65535 */
	CHECK_INT(decode1(&w, bad, &w.ring, NULL), HANDOFF_ERR_ENCODING);
	free(bad);
	bad = strndup(t, strlen(t) - 1); /* not whole groups */
	CHECK_INT(decode1(&w, bad, &w.ring, NULL), HANDOFF_ERR_ENCODING);
	free(bad);
	CHECK_INT(decode1(&w, HANDOFF_DIGITS_PREFIX, &w.ring, NULL), HANDOFF_ERR_CORRUPT);
	handoff_codes_free(&c);
	world_free(&w);
}

TEST(parts_any_order)
{
	world w;
	REQUIRE(world_init(&w) == 0);
	handoff_codes c = encode(&w, &w.desk, w.city_pub.pk, HANDOFF_ARMOUR_BASE45, 5);
	REQUIRE(c.n >= 2);
	for (size_t i = 0; i < c.n; i++)
		CHECK(strlen(c.text[i]) <= handoff_capacity(5, HANDOFF_ARMOUR_BASE45));
	const char *rev[HANDOFF_MAX_PARTS + 1];
	for (size_t i = 0; i < c.n; i++)
		rev[i] = c.text[c.n - 1 - i];
	handoff_origin o;
	CHECK_INT(decode(&w, rev, c.n, &w.ring, &w.city, &o), HANDOFF_OK);
	CHECK_INT(o.parts_total, c.n);
	/* A part scanned twice is harmless. */
	rev[c.n] = c.text[0];
	CHECK_INT(decode(&w, rev, c.n + 1, &w.ring, &w.city, NULL), HANDOFF_OK);
	/* A part missing: which one is reported. */
	CHECK_INT(decode(&w, (const char *const *)c.text + 1, c.n - 1, &w.ring, &w.city, &o),
	          HANDOFF_ERR_PARTS);
	CHECK_INT(o.parts_missing, 1);
	CHECK_INT(o.parts_have, c.n - 1);
	/* Parts of two applications (sealing is randomised, so the set ids differ). */
	handoff_codes d = encode(&w, &w.desk, w.city_pub.pk, HANDOFF_ARMOUR_BASE45, 5);
	REQUIRE(d.n == c.n);
	rev[0] = c.text[0];
	rev[1] = d.text[1];
	CHECK_INT(decode(&w, rev, 2, &w.ring, &w.city, NULL), HANDOFF_ERR_PARTS_MIXED);
	/* A single code with parts. */
	handoff_codes one = encode(&w, &w.desk, NULL, HANDOFF_ARMOUR_BASE45, 0);
	rev[1] = one.text[0];
	CHECK_INT(decode(&w, rev, 2, &w.ring, &w.city, NULL), HANDOFF_ERR_PARTS_MIXED);
	/* Digits parts too. */
	handoff_codes g = encode(&w, &w.desk, NULL, HANDOFF_ARMOUR_DIGITS, 6);
	REQUIRE(g.n >= 2);
	CHECK_INT(decode(&w, (const char *const *)g.text, g.n, &w.ring, NULL, NULL), HANDOFF_OK);
	/* A version that cannot hold 16 parts' worth is too large. */
	handoff_codes none = {0};
	handoff_error err;
	handoff_encode_opts tiny = {&w.desk, NULL, HANDOFF_ARMOUR_BASE45, 1, NULL};
	CHECK_INT(handoff_encode_with(w.a, w.lang, &tiny, &none, &err), HANDOFF_ERR_TOO_LARGE);
	handoff_codes_free(&g);
	handoff_codes_free(&one);
	handoff_codes_free(&d);
	handoff_codes_free(&c);
	world_free(&w);
}

static void
rm_rf(const char *dir)
{
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "    could not remove %s\n", dir);
}

TEST(key_files)
{
	char dir[] = "/tmp/yorisoi-keytest.XXXXXX", path[600], pub[600];
	handoff_desk_key k, k2;
	handoff_error err;
	struct stat st;

	REQUIRE(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/desk.key", dir);
	REQUIRE(handoff_desk_key_create(path, "図書館\nデスク", &k, &err) == HANDOFF_OK);
	CHECK_STR(k.name, "図書館 デスク");
	REQUIRE(stat(path, &st) == 0);
	CHECK_INT(st.st_mode & 0777, 0600);
	CHECK_INT(handoff_desk_key_create(path, "x", &k2, &err), HANDOFF_ERR_KEY_EXISTS);
	REQUIRE(handoff_desk_key_load(path, &k2, &err) == HANDOFF_OK);
	CHECK(memcmp(k.pk, k2.pk, 32) == 0 && memcmp(k.sk, k2.sk, 64) == 0);
	/* export -> trusted-keys file -> the same key and id */
	handoff_pubkey pk;
	handoff_desk_key_public(&k, &pk);
	char *text = handoff_pubkey_export(&pk);
	CHECK(strstr(text, "yorisoi-desk-public-key: 1") != NULL);
	CHECK(strstr(text, "seed") == NULL);
	snprintf(pub, sizeof pub, "%s/trusted", dir);
	FILE *fp = fopen(pub, "w");
	REQUIRE(fp);
	fputs(text, fp);
	fclose(fp);
	handoff_keyring kr = {0};
	CHECK_INT(handoff_keyring_add_file(&kr, pub, &err), HANDOFF_OK);
	CHECK(kr.n == 1 && memcmp(kr.keys[0].pk, k.pk, 32) == 0);
	handoff_keyring_free(&kr);
	/* A wrong id line is refused. */
	char *id = strstr(text, "id: ");
	REQUIRE(id);
	id[4] = id[4] == '0' ? '1' : '0';
	fp = fopen(pub, "w");
	fputs(text, fp);
	fclose(fp);
	CHECK_INT(handoff_keyring_add_file(&kr, pub, &err), HANDOFF_ERR_KEYFILE);
	handoff_keyring_free(&kr);
	free(text);
	/* Garbage and missing files. */
	fp = fopen(pub, "w");
	fputs("hello\n", fp);
	fclose(fp);
	CHECK_INT(handoff_keyring_add_file(&kr, pub, &err), HANDOFF_ERR_KEYFILE);
	CHECK_INT(handoff_desk_key_load(pub, &k2, &err), HANDOFF_ERR_KEYFILE);
	snprintf(pub, sizeof pub, "%s/none", dir);
	CHECK_INT(handoff_keyring_add_file(&kr, pub, &err), HANDOFF_ERR_KEYFILE);
	CHECK_INT(handoff_city_key_load(pub, &(handoff_city_key){0}, &err), HANDOFF_ERR_KEYFILE);
	/* City keys. */
	char cs[600], cp[600];
	snprintf(cs, sizeof cs, "%s/city.key", dir);
	snprintf(cp, sizeof cp, "%s/city.pub", dir);
	REQUIRE(handoff_city_key_create(cs, cp, "市", &err) == HANDOFF_OK);
	handoff_city_key a, b;
	REQUIRE(handoff_city_key_load(cs, &a, &err) == HANDOFF_OK);
	REQUIRE(handoff_city_key_load(cp, &b, &err) == HANDOFF_OK);
	CHECK(a.has_sk && !b.has_sk && memcmp(a.pk, b.pk, 32) == 0);
	REQUIRE(stat(cs, &st) == 0);
	CHECK_INT(st.st_mode & 0777, 0600);
	handoff_desk_key_wipe(&k);
	handoff_desk_key_wipe(&k2);
	rm_rf(dir);
}

TEST(summary_rows)
{
	world w;
	REQUIRE(world_init(&w) == 0);
	size_t n;
	handoff_row *rows = handoff_summary_rows(w.a, &n);
	REQUIRE(n >= 3);
	CHECK_STR(rows[0].term, "氏名");
	CHECK_STR(rows[1].term, "生年月日");
	CHECK(strstr(rows[1].value, "昭和") || strstr(rows[1].value, "平成") ||
	      strstr(rows[1].value, "令和"));
	for (size_t i = 0; i < n; i++)
		if (strcmp(rows[i].term, "確認") == 0)
			CHECK(strcmp(rows[i].value, "はい") == 0 ||
			      strcmp(rows[i].value, "いいえ") == 0);
	handoff_summary_free(rows, n);
	world_free(&w);
}
