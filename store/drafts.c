/* Drafts: create, save, list, load, delete. */
#include "store/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define INFO_COLUMNS "id, form_id, form_version, lang, position, answered, created, updated"

/* Prepares sql, or fills err and returns NULL. */
static sqlite3_stmt *
prepare(sqlite3 *db, const char *sql, const char *what, store_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		store_fail_sqlite(err, db, rc, what);
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

/* Steps a statement that returns no rows and finalises it. */
static int
run(sqlite3 *db, sqlite3_stmt *st, const char *what, store_error *err)
{
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail_sqlite(err, db, rc, what);
}

/* Copies a text column into a fixed buffer, truncating. */
static void
column_text(sqlite3_stmt *st, int col, char *out, size_t n)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	snprintf(out, n, "%s", t ? (const char *)t : "");
}

static void
row_to_info(sqlite3_stmt *st, store_draft_info *d)
{
	memset(d, 0, sizeof *d);
	d->id = sqlite3_column_int64(st, 0);
	column_text(st, 1, d->form_id, sizeof d->form_id);
	d->form_version = sqlite3_column_int(st, 2);
	column_text(st, 3, d->lang, sizeof d->lang);
	d->position = sqlite3_column_int(st, 4);
	d->answered = sqlite3_column_int(st, 5);
	d->created = (time_t)sqlite3_column_int64(st, 6);
	d->updated = (time_t)sqlite3_column_int64(st, 7);
}

/* Form ids and languages end up in fixed-size fields of store_draft_info
 * and in the associated data of the seal: keep them short and printable. */
static int
valid_label(const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n >= max)
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 0;
	return 1;
}

/* Binds a sealed answers blob and its nonce to parameters i and i+1. */
static int
bind_sealed(sqlite3_stmt *st, int i, const unsigned char *nonce, const unsigned char *sealed,
            size_t sealed_len)
{
	int rc = sqlite3_bind_blob(st, i, nonce, STORE_NONCE_BYTES, SQLITE_STATIC);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_blob64(st, i + 1, sealed, sealed_len, SQLITE_STATIC);
	return rc;
}

/*
 * Inserts the row first, because the id it gets is part of what the seal
 * authenticates, then seals an empty answer set under that id; both in one
 * transaction, so no row without a valid seal is ever visible.
 */
int
store_draft_create(store *s, const char *fid, int version, const char *lang, int64_t *id,
                   store_error *err)
{
	unsigned char *plain = NULL, *sealed = NULL;
	unsigned char nonce[STORE_NONCE_BYTES];
	size_t plain_len = 0, sealed_len = 0;
	sqlite3_stmt *st = NULL;
	time_t now = time(NULL);
	int ret = -1;

	if (store_need_key(s, err) != 0)
		return -1;
	if (!valid_label(fid, sizeof((store_draft_info *)0)->form_id) || !fid[0] ||
	    !valid_label(lang, sizeof((store_draft_info *)0)->lang))
		return store_fail(err, STORE_ERR_IO, "bad form id or language for a draft");
	if (store_encode_empty(&plain, &plain_len) != 0)
		return store_fail(err, STORE_ERR_IO, "out of memory");
	if (store_exec(s->db, "BEGIN IMMEDIATE", "start draft", err) != 0)
		goto out;
	st = prepare(s->db,
	             "INSERT INTO drafts(form_id, form_version, lang, created, updated, seq,"
	             " nonce, sealed) VALUES(?, ?, ?, ?, ?,"
	             " (SELECT coalesce(max(seq), 0) + 1 FROM drafts), x'', x'')",
	             "insert draft", err);
	if (!st)
		goto out;
	sqlite3_bind_text(st, 1, fid, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, version);
	sqlite3_bind_text(st, 3, lang, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)now);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)now);
	if (run(s->db, st, "insert draft", err) != 0)
		goto out;
	int64_t new_id = sqlite3_last_insert_rowid(s->db);
	if (store_seal(s->key, new_id, fid, version, plain, plain_len, nonce, &sealed,
	               &sealed_len) != 0) {
		store_fail(err, STORE_ERR_IO, "cannot encrypt draft");
		goto out;
	}
	st = prepare(s->db, "UPDATE drafts SET nonce = ?, sealed = ? WHERE id = ?", "seal draft",
	             err);
	if (!st)
		goto out;
	bind_sealed(st, 1, nonce, sealed, sealed_len);
	sqlite3_bind_int64(st, 3, new_id);
	if (run(s->db, st, "seal draft", err) != 0 ||
	    store_exec(s->db, "COMMIT", "commit draft", err) != 0)
		goto out;
	*id = new_id;
	ret = 0;
out:
	store_rollback(s->db);
	store_free_plain(plain, plain_len);
	free(sealed);
	return ret;
}

/*
 * Seals the answers under the draft's id and the answers' form, then writes
 * them with the position, the answered count and the time in a single
 * UPDATE, which SQLite commits as one transaction. A draft made for another
 * form id is left alone (STORE_ERR_NOT_FOUND); a newer version of the same
 * form is recorded, since the answers are now those of that version.
 */
int
store_draft_save(store *s, int64_t id, const answers *a, int position, store_error *err)
{
	const form *f = answers_form(a);
	unsigned char *plain = NULL, *sealed = NULL;
	unsigned char nonce[STORE_NONCE_BYTES];
	size_t plain_len = 0, sealed_len = 0;
	int answered = 0, ret = -1;
	sqlite3_stmt *st = NULL;

	if (store_need_key(s, err) != 0)
		return -1;
	if (store_encode_answers(a, &plain, &plain_len, &answered) != 0)
		return store_fail(err, STORE_ERR_IO, "cannot encode the answers");
	const unsigned char *key = store_draft_key(s, id, err);
	if (!key)
		goto out;
	if (store_seal(key, id, form_id(f), form_version(f), plain, plain_len, nonce, &sealed,
	               &sealed_len) != 0) {
		store_fail(err, STORE_ERR_IO, "cannot encrypt draft");
		goto out;
	}
	/* The draft this handle leased is written only if nobody else wrote it
	 * since (seq = ?9); any other draft as before. */
	int64_t expect = s->leased_id == id ? s->leased_seq : 0;
	st = prepare(s->db,
	             "UPDATE drafts SET form_version = ?, position = ?, answered = ?, updated = ?,"
	             " seq = (SELECT max(seq) + 1 FROM drafts), nonce = ?, sealed = ?"
	             " WHERE id = ? AND form_id = ? AND (?9 = 0 OR seq = ?9)",
	             "save draft", err);
	if (!st)
		goto out;
	sqlite3_bind_int(st, 1, form_version(f));
	sqlite3_bind_int(st, 2, position);
	sqlite3_bind_int(st, 3, answered);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)time(NULL));
	bind_sealed(st, 5, nonce, sealed, sealed_len);
	sqlite3_bind_int64(st, 7, id);
	sqlite3_bind_text(st, 8, form_id(f), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 9, (sqlite3_int64)expect);
	if (run(s->db, st, "save draft", err) != 0)
		goto out;
	if (sqlite3_changes(s->db) == 0) {
		if (expect && store_draft_seq(s, id, NULL) > 0)
			store_fail(err, STORE_ERR_CONFLICT,
			           "draft %lld was saved elsewhere since it was opened here",
			           (long long)id);
		else
			store_fail(err, STORE_ERR_NOT_FOUND, "no draft %lld for form %s",
			           (long long)id, form_id(f));
		goto out;
	}
	if (expect)
		s->leased_seq = store_draft_seq(s, id, NULL);
	ret = 0;
out:
	store_free_plain(plain, plain_len);
	free(sealed);
	return ret;
}

int
store_draft_list(store *s, store_draft_info **list, size_t *count, store_error *err)
{
	store_draft_info *v = NULL;
	size_t n = 0, cap = 0;
	int rc;
	sqlite3_stmt *st =
	        prepare(s->db, "SELECT " INFO_COLUMNS " FROM drafts ORDER BY seq DESC, id DESC",
	                "list drafts", err);

	*list = NULL;
	*count = 0;
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? 2 * cap : 8;
			v = eng_xrealloc(v, cap * sizeof *v);
		}
		row_to_info(st, &v[n++]);
	}
	if (rc != SQLITE_DONE) {
		store_fail_sqlite(err, s->db, rc, "list drafts");
		sqlite3_finalize(st);
		free(v);
		return -1;
	}
	sqlite3_finalize(st);
	*list = v;
	*count = n;
	return 0;
}

int
store_draft_info_get(store *s, int64_t id, store_draft_info *out, store_error *err)
{
	sqlite3_stmt *st = prepare(s->db, "SELECT " INFO_COLUMNS " FROM drafts WHERE id = ?",
	                           "read draft", err);
	int ret = -1;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		row_to_info(st, out);
		ret = 0;
	} else if (rc == SQLITE_DONE) {
		store_fail(err, STORE_ERR_NOT_FOUND, "no draft %lld", (long long)id);
	} else {
		store_fail_sqlite(err, s->db, rc, "read draft");
	}
	sqlite3_finalize(st);
	return ret;
}

/*
 * Reads, authenticates and decrypts a draft for form f. A draft of another
 * form is STORE_ERR_NOT_FOUND; a seal that does not open (altered bytes, a
 * row copied from another draft, another key) is STORE_ERR_CORRUPT.
 */
int
store_draft_load(store *s, int64_t id, const form *f, answers **out, int *position,
                 store_error *err)
{
	unsigned char *plain = NULL;
	size_t plain_len = 0;
	char fid[64];
	int ret = -1;
	sqlite3_stmt *st = prepare(
	        s->db,
	        "SELECT form_id, form_version, position, nonce, sealed FROM drafts WHERE id = ?",
	        "load draft", err);

	*out = NULL;
	if (!st)
		return -1;
	if (store_need_key(s, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		store_fail(err, STORE_ERR_NOT_FOUND, "no draft %lld", (long long)id);
		goto out;
	}
	if (rc != SQLITE_ROW) {
		store_fail_sqlite(err, s->db, rc, "load draft");
		goto out;
	}
	column_text(st, 0, fid, sizeof fid);
	if (strcmp(fid, form_id(f)) != 0) {
		store_fail(err, STORE_ERR_NOT_FOUND, "draft %lld is for form %s, not %s",
		           (long long)id, fid, form_id(f));
		goto out;
	}
	const void *nonce = sqlite3_column_blob(st, 3);
	const unsigned char *key = store_draft_key(s, id, err);
	if (!key)
		goto out;
	if (sqlite3_column_bytes(st, 3) != STORE_NONCE_BYTES ||
	    store_unseal(key, id, fid, sqlite3_column_int(st, 1), nonce, sqlite3_column_blob(st, 4),
	                 (size_t)sqlite3_column_bytes(st, 4), &plain, &plain_len) != 0) {
		store_fail(err, STORE_ERR_CORRUPT,
		           "draft %lld does not decrypt: altered, moved or sealed with another key",
		           (long long)id);
		goto out;
	}
	if (store_decode_answers(plain, plain_len, f, out) != 0) {
		store_fail(err, STORE_ERR_CORRUPT, "draft %lld has unreadable answers",
		           (long long)id);
		goto out;
	}
	if (position)
		*position = sqlite3_column_int(st, 2);
	ret = 0;
out:
	sqlite3_finalize(st);
	store_free_plain(plain, plain_len);
	return ret;
}

int
store_draft_delete(store *s, int64_t id, store_error *err)
{
	sqlite3_stmt *st = prepare(s->db, "DELETE FROM drafts WHERE id = ?", "delete draft", err);

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (run(s->db, st, "delete draft", err) != 0)
		return -1;
	if (sqlite3_changes(s->db) == 0)
		return store_fail(err, STORE_ERR_NOT_FOUND, "no draft %lld", (long long)id);
	return 0;
}

int64_t
store_draft_seq(store *s, int64_t id, store_error *err)
{
	sqlite3_stmt *st =
	        prepare(s->db, "SELECT seq FROM drafts WHERE id = ?", "read a draft", err);
	int64_t seq = -1;
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		seq = sqlite3_column_int64(st, 0);
	else if (rc == SQLITE_DONE)
		store_fail(err, STORE_ERR_NOT_FOUND, "no draft %lld", (long long)id);
	else
		store_fail_sqlite(err, s->db, rc, "read a draft");
	sqlite3_finalize(st);
	return seq;
}
