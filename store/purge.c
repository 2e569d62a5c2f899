/*
 * Expiry: drafts untouched for a number of days are deleted, and the file
 * is vacuumed so that no page of it still holds their (encrypted) bytes or
 * their plain metadata. secure_delete already zeroes deleted cells; VACUUM
 * also gives the freed pages back, so the file shrinks.
 */
#include "store/internal.h"

static int
vacuum(sqlite3 *db, store_error *err)
{
	return store_exec(db, "VACUUM", "vacuum", err);
}

/* Runs a DELETE with an optional bound cutoff, then vacuums when anything
 * went. */
static int
purge(store *s, const char *sql, int has_cutoff, sqlite3_int64 cutoff, int *deleted,
      store_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);

	if (rc == SQLITE_OK && has_cutoff)
		rc = sqlite3_bind_int64(st, 1, cutoff);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_reset(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(err, s->db, rc, "purge drafts");
	int n = sqlite3_changes(s->db);
	if (deleted)
		*deleted = n;
	return n > 0 ? vacuum(s->db, err) : 0;
}

/* A draft expires once `days` whole days have passed since its last save:
 * updated + days * 86400 <= now. */
int
store_purge_expired(store *s, time_t now, int days, int *deleted, store_error *err)
{
	if (days < 0)
		days = 0;
	return purge(s, "DELETE FROM drafts WHERE updated <= ?", 1,
	             (sqlite3_int64)now - (sqlite3_int64)days * 86400, deleted, err);
}

/* Keeps the AUTOINCREMENT counter, so ids of purged drafts never return. */
int
store_purge_all(store *s, int *deleted, store_error *err)
{
	return purge(s, "DELETE FROM drafts", 0, 0, deleted, err);
}
