/*
 * A key of its own per draft, opened by its come-back code or its card
 * (store.h, "A draft only its resident can reopen").
 *
 * A wrap is nonce (24 bytes) || XChaCha20-Poly1305(draft key), with the
 * associated data "yorisoi-draft-key/1\n<id>\n<code|card>", so a wrap
 * copied to another draft or used for the other path does not open.
 */
#include "store/internal.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

enum { WRAP_BYTES = 24 + 32 + 16 };

void
store_code_new(char out[STORE_CODE_LEN + 1])
{
	static const char alphabet[] = STORE_CODE_CHARS;
	for (int i = 0; i < STORE_CODE_LEN; i++)
		out[i] = alphabet[randombytes_uniform((uint32_t)(sizeof alphabet - 1))];
	out[STORE_CODE_LEN] = '\0';
}

/* The code as typed, as the code: "acde-fg34" and "ACDE FG34" are ACDEFG34.
 * -1 when it cannot be a code at all. */
static int
code_normalize(const char *in, char out[STORE_CODE_LEN + 1])
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)in; *p; p++) {
		unsigned char c = *p;
		if (c == ' ' || c == '-')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (unsigned char)(c - 'a' + 'A');
		if (!strchr(STORE_CODE_CHARS, c) || c == '\0' || n == STORE_CODE_LEN)
			return -1;
		out[n++] = (char)c;
	}
	out[n] = '\0';
	return n == STORE_CODE_LEN ? 0 : -1;
}

void
store_card_secret(const store *s, const char *name, const char *birth,
                  unsigned char out[STORE_CARD_SECRET_BYTES])
{
	crypto_generichash_state st;
	static const char tag[] = "yorisoi-card/1";
	crypto_generichash_init(&st, s->key, STORE_KEY_BYTES, STORE_CARD_SECRET_BYTES);
	crypto_generichash_update(&st, (const unsigned char *)tag, sizeof tag);
	crypto_generichash_update(&st, (const unsigned char *)name, strlen(name) + 1);
	crypto_generichash_update(&st, (const unsigned char *)birth, strlen(birth) + 1);
	crypto_generichash_final(&st, out, STORE_CARD_SECRET_BYTES);
	sodium_memzero(&st, sizeof st);
}

static int
wrap_ad(char *ad, size_t n, int64_t id, const char *path)
{
	int len = snprintf(ad, n, "yorisoi-draft-key/1\n%" PRId64 "\n%s", id, path);
	return len < 0 || (size_t)len >= n ? -1 : len;
}

static void
wrap(const unsigned char *kek, int64_t id, const char *path, const unsigned char *dkey,
     unsigned char out[WRAP_BYTES])
{
	char ad[96];
	int adlen = wrap_ad(ad, sizeof ad, id, path);
	randombytes_buf(out, 24);
	crypto_aead_xchacha20poly1305_ietf_encrypt(
	        out + 24, NULL, dkey, 32, (const unsigned char *)ad, (size_t)adlen, NULL, out, kek);
}

static int
unwrap(const unsigned char *kek, int64_t id, const char *path, const unsigned char *w, size_t n,
       unsigned char *dkey)
{
	char ad[96];
	int adlen = wrap_ad(ad, sizeof ad, id, path);
	if (n != WRAP_BYTES)
		return -1;
	return crypto_aead_xchacha20poly1305_ietf_decrypt(
	        dkey, NULL, NULL, w + 24, n - 24, (const unsigned char *)ad, (size_t)adlen, w, kek);
}

/* Argon2id of the normalised code with the draft's salt. */
static int
code_key(const char *code, const unsigned char salt[crypto_pwhash_SALTBYTES], unsigned char kek[32])
{
	return crypto_pwhash(kek, 32, code, strlen(code), salt, crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                     crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13);
}

static void
keep_unlocked(store *s, int64_t id, const unsigned char dkey[32])
{
	if (!s->dkey) {
		s->dkey = sodium_malloc(32);
		if (!s->dkey)
			abort(); /* out of memory: see engine.h */
	}
	memcpy(s->dkey, dkey, 32);
	s->dkey_id = id;
}

const unsigned char *
store_draft_key(store *s, int64_t id, store_error *err)
{
	if (s->dkey_id == id && s->dkey)
		return s->dkey;
	int p = store_draft_protected(s, id, err);
	if (p < 0)
		return NULL;
	if (p == 0)
		return s->key;
	store_fail(err, STORE_ERR_NEED_CODE, "draft %lld needs its code or its card",
	           (long long)id);
	return NULL;
}

int
store_draft_protected(store *s, int64_t id, store_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, "SELECT code_wrap IS NOT NULL FROM drafts WHERE id = ?",
	                            -1, &st, NULL);
	int ret = -1;
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, (sqlite3_int64)id);
		rc = sqlite3_step(st);
	}
	if (rc == SQLITE_ROW)
		ret = sqlite3_column_int(st, 0);
	else if (rc == SQLITE_DONE)
		store_fail(err, STORE_ERR_NOT_FOUND, "no draft %lld", (long long)id);
	else
		store_fail_sqlite(err, s->db, rc, "read a draft");
	sqlite3_finalize(st);
	return ret;
}

int
store_draft_protect(store *s, int64_t id, const char *code, const unsigned char *card_secret,
                    store_error *err)
{
	unsigned char dkey[32], kek[32], salt[crypto_pwhash_SALTBYTES];
	unsigned char code_w[WRAP_BYTES], card_w[WRAP_BYTES], nonce[STORE_NONCE_BYTES];
	unsigned char *plain = NULL, *sealed = NULL;
	size_t plain_len = 0, sealed_len = 0;
	char fid[64] = "", norm[STORE_CODE_LEN + 1];
	int version = 0, ret = -1;
	sqlite3_stmt *st = NULL;

	if (store_need_key(s, err) != 0)
		return -1;
	if (code_normalize(code, norm) != 0)
		return store_fail(err, STORE_ERR_WRONG_CODE, "not a come-back code");
	int rc = sqlite3_prepare_v2(s->db, "SELECT form_id, form_version FROM drafts WHERE id = ?",
	                            -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, (sqlite3_int64)id);
		rc = sqlite3_step(st);
	}
	if (rc == SQLITE_ROW) {
		snprintf(fid, sizeof fid, "%s", (const char *)sqlite3_column_text(st, 0));
		version = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	st = NULL;
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? store_fail(err, STORE_ERR_NOT_FOUND, "no draft %lld",
		                                      (long long)id)
		                         : store_fail_sqlite(err, s->db, rc, "read a draft");

	crypto_aead_xchacha20poly1305_ietf_keygen(dkey);
	randombytes_buf(salt, sizeof salt);
	if (code_key(norm, salt, kek) != 0) {
		store_fail(err, STORE_ERR_IO, "Argon2id needs more memory than there is");
		goto out;
	}
	wrap(kek, id, "code", dkey, code_w);
	if (card_secret)
		wrap(card_secret, id, "card", dkey, card_w);
	/* the empty answers store_draft_create sealed with the file's key are
	 * sealed again with the draft's own */
	if (store_encode_empty(&plain, &plain_len) != 0 ||
	    store_seal(dkey, id, fid, version, plain, plain_len, nonce, &sealed, &sealed_len) !=
	            0) {
		store_fail(err, STORE_ERR_IO, "cannot seal the new draft");
		goto out;
	}
	rc = sqlite3_prepare_v2(s->db,
	                        "UPDATE drafts SET code_salt = ?, code_wrap = ?, card_wrap = ?,"
	                        " tries_left = ?, nonce = ?, sealed = ? WHERE id = ?",
	                        -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_blob(st, 1, salt, sizeof salt, SQLITE_STATIC);
		sqlite3_bind_blob(st, 2, code_w, sizeof code_w, SQLITE_STATIC);
		if (card_secret)
			sqlite3_bind_blob(st, 3, card_w, sizeof card_w, SQLITE_STATIC);
		else
			sqlite3_bind_null(st, 3);
		sqlite3_bind_int(st, 4, STORE_CODE_TRIES);
		sqlite3_bind_blob(st, 5, nonce, STORE_NONCE_BYTES, SQLITE_STATIC);
		sqlite3_bind_blob64(st, 6, sealed, sealed_len, SQLITE_STATIC);
		sqlite3_bind_int64(st, 7, (sqlite3_int64)id);
		rc = sqlite3_step(st);
	}
	if (rc != SQLITE_DONE) {
		store_fail_sqlite(err, s->db, rc, "protect a draft");
		goto out;
	}
	keep_unlocked(s, id, dkey);
	if (s->leased_id == id)
		s->leased_seq = store_draft_seq(s, id, NULL);
	ret = 0;
out:
	sqlite3_finalize(st);
	store_free_plain(plain, plain_len);
	free(sealed);
	sodium_memzero(dkey, sizeof dkey);
	sodium_memzero(kek, sizeof kek);
	sodium_memzero(norm, sizeof norm);
	return ret;
}

static int
set_tries(store *s, int64_t id, int tries, store_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, "UPDATE drafts SET tries_left = ? WHERE id = ?", -1, &st,
	                            NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int(st, 1, tries);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)id);
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail_sqlite(err, s->db, rc, "count a try");
}

int
store_draft_unlock(store *s, int64_t id, const char *code, const unsigned char *card_secret,
                   int *tries_left, store_error *err)
{
	unsigned char dkey[32], kek[32], salt[crypto_pwhash_SALTBYTES];
	unsigned char code_w[WRAP_BYTES], card_w[WRAP_BYTES];
	size_t code_n = 0, card_n = 0;
	char norm[STORE_CODE_LEN + 1];
	int tries = 0, ret = -1, p;
	sqlite3_stmt *st = NULL;

	if (tries_left)
		*tries_left = 0;
	if ((p = store_draft_protected(s, id, err)) <= 0)
		return p; /* 0: nothing to unlock */
	int rc = sqlite3_prepare_v2(
	        s->db,
	        "SELECT code_salt, code_wrap, card_wrap, tries_left FROM drafts WHERE id = ?", -1,
	        &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, (sqlite3_int64)id);
		rc = sqlite3_step(st);
	}
	if (rc != SQLITE_ROW || sqlite3_column_bytes(st, 0) != (int)sizeof salt) {
		sqlite3_finalize(st);
		return rc == SQLITE_ROW ? store_fail(err, STORE_ERR_CORRUPT,
		                                     "draft %lld has no salt", (long long)id)
		                        : store_fail_sqlite(err, s->db, rc, "read a draft");
	}
	memcpy(salt, sqlite3_column_blob(st, 0), sizeof salt);
	code_n = (size_t)sqlite3_column_bytes(st, 1);
	if (code_n == WRAP_BYTES)
		memcpy(code_w, sqlite3_column_blob(st, 1), code_n);
	card_n = (size_t)sqlite3_column_bytes(st, 2);
	if (card_n == WRAP_BYTES)
		memcpy(card_w, sqlite3_column_blob(st, 2), card_n);
	tries = sqlite3_column_int(st, 3);
	sqlite3_finalize(st);
	if (tries_left)
		*tries_left = tries;

	if (!code) {
		if (!card_secret || card_n != WRAP_BYTES ||
		    unwrap(card_secret, id, "card", card_w, card_n, dkey) != 0)
			return store_fail(err, STORE_ERR_WRONG_CODE,
			                  "draft %lld was not started with this card",
			                  (long long)id);
	} else {
		if (tries <= 0)
			return store_fail(err, STORE_ERR_NO_TRIES,
			                  "draft %lld: no tries left for its code", (long long)id);
		if (code_normalize(code, norm) != 0 || code_key(norm, salt, kek) != 0 ||
		    unwrap(kek, id, "code", code_w, code_n, dkey) != 0) {
			/* a wrong code costs a try, counted before saying so */
			if (set_tries(s, id, tries - 1, err) != 0)
				goto out;
			if (tries_left)
				*tries_left = tries - 1;
			store_fail(err, STORE_ERR_WRONG_CODE, "not the code of draft %lld",
			           (long long)id);
			goto out;
		}
	}
	if (tries != STORE_CODE_TRIES && set_tries(s, id, STORE_CODE_TRIES, err) != 0)
		goto out;
	if (tries_left)
		*tries_left = STORE_CODE_TRIES;
	keep_unlocked(s, id, dkey);
	ret = 0;
out:
	sodium_memzero(dkey, sizeof dkey);
	sodium_memzero(kek, sizeof kek);
	sodium_memzero(norm, sizeof norm);
	return ret;
}
