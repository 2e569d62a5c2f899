/*
 * Private to store/: the handle, the error helpers and the pieces each file
 * provides to the others (path, key, seal, codec). Nothing here is part of
 * the public contract in store.h.
 */
#ifndef YORISOI_STORE_INTERNAL_H
#define YORISOI_STORE_INTERNAL_H

#include "store/store.h"

#include <sqlite3.h>
#include <sodium.h>

/* Bumped with each schema migration (db.c). */
enum { STORE_SCHEMA_VERSION = 2 };

/* PRAGMA application_id: "YRSI", so `file` and we can tell our databases. */
enum { STORE_APPLICATION_ID = 0x59525349 };

enum { STORE_KEY_BYTES = 32, STORE_DEFAULT_BUSY_MS = 5000 };

struct store {
	sqlite3 *db;
	unsigned char *key;   /* sodium_malloc'd, STORE_KEY_BYTES, wiped on close */
	bool has_key;         /* false when opened without_key */
	char lock_path[4096]; /* path.lock: one byte per draft, leased (lease.c) */
	int lock_fd;          /* -1 until the first lease */
	int64_t leased_id;    /* the draft this handle holds, or 0 */
	int64_t leased_seq;   /* its seq as this handle last wrote or read it */
	unsigned char *dkey;  /* sodium_malloc'd: the unlocked key of draft dkey_id */
	int64_t dkey_id;      /* 0 when no draft key is unlocked */
};

/* The key that seals draft id: its own key when this handle unlocked it,
 * the file's key for a draft made before per-draft keys (no code_wrap);
 * NULL with STORE_ERR_NEED_CODE for a protected draft not unlocked here. */
const unsigned char *store_draft_key(store *s, int64_t id, store_error *err);

/* The seq of a draft now, or -1 (no such draft, or an error in err). */
int64_t store_draft_seq(store *s, int64_t id, store_error *err);

/* Fails with STORE_ERR_KEY when the store was opened without its key. */
int store_need_key(const store *s, store_error *err);

/* Fills err (which may be NULL) and returns -1, so callers can write
 * `return store_fail(err, STORE_ERR_IO, "...")`. */
int store_fail(store_error *err, store_status status, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

/* Maps an SQLite result code to a store status, with SQLite's message for
 * db (which may be NULL) and what we were doing; returns -1. */
int store_fail_sqlite(store_error *err, sqlite3 *db, int rc, const char *what);

/* Runs SQL without results; on failure fills err through
 * store_fail_sqlite with `what` and returns -1. */
int store_exec(sqlite3 *db, const char *sql, const char *what, store_error *err);

/* Rolls back an open transaction, if any, keeping the first error. */
void store_rollback(sqlite3 *db);

/* key.c: the key file for a database, "<db path>.key". */
int store_key_path(const char *db_path, char *out, size_t outlen);

/* Reads the key file into key (STORE_KEY_BYTES). If it does not exist and
 * create is true, makes a new random key and publishes it atomically.
 * Returns 0, or -1 with STORE_ERR_KEY. */
int store_key_load(const char *key_path, int create, unsigned char *key, store_error *err);

/* A short keyed digest of the key, kept in the database so a wrong or
 * replaced key file is noticed at open instead of at the first load. */
enum { STORE_KEY_CHECK_BYTES = 16 };
void store_key_check(const unsigned char *key, unsigned char out[STORE_KEY_CHECK_BYTES]);

/* seal.c: authenticated encryption of a draft's answers, bound to the
 * draft's id, form id and form version. */
enum { STORE_NONCE_BYTES = 24 };
int store_seal(const unsigned char *key, int64_t id, const char *form_id, int form_version,
               const unsigned char *plain, size_t plain_len, unsigned char nonce[STORE_NONCE_BYTES],
               unsigned char **sealed, size_t *sealed_len);
int store_unseal(const unsigned char *key, int64_t id, const char *form_id, int form_version,
                 const unsigned char *nonce, const unsigned char *sealed, size_t sealed_len,
                 unsigned char **plain, size_t *plain_len);

/* Zeroes and frees a buffer that held plaintext answers. */
void store_free_plain(void *buf, size_t len);

/* codec.c: answers <-> the plaintext that is sealed. */
int store_encode_answers(const answers *a, unsigned char **out, size_t *out_len, int *answered);
int store_encode_empty(unsigned char **out, size_t *out_len);
int store_decode_answers(const unsigned char *buf, size_t len, const form *f, answers **out);

#endif
