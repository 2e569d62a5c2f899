/*
 * The statistics file (store.h, "Statistics"): a SQLite database of its
 * own, so that deleting, purging or setting aside drafts never touches the
 * numbers. Nothing in it is personal: a day, a procedure's form id, a UI
 * language, counts and whole seconds.
 */
#include "store/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "YRST": `file` and we can tell it from a drafts database. */
enum { STATS_APPLICATION_ID = 0x59525354, STATS_BUSY_MS = 2000 };

struct store_stats {
	sqlite3 *db;
};

static const char schema[] =
        "PRAGMA application_id = 1498567508;"
        "CREATE TABLE IF NOT EXISTS tally("
        " day TEXT NOT NULL, measure TEXT NOT NULL, n INTEGER NOT NULL,"
        " PRIMARY KEY(day, measure)) WITHOUT ROWID;"
        /* id is random: rows do not keep the order of the day's visits */
        "CREATE TABLE IF NOT EXISTS application("
        " id INTEGER PRIMARY KEY, day TEXT NOT NULL, form_id TEXT NOT NULL,"
        " lang TEXT NOT NULL, resumed INTEGER NOT NULL, completed INTEGER NOT NULL,"
        " handed_off INTEGER NOT NULL, seconds INTEGER NOT NULL,"
        " keystrokes INTEGER NOT NULL, stopped_at TEXT NOT NULL);";

_Static_assert(STATS_APPLICATION_ID == 1498567508, "schema's application_id");

/* Another program's database (or a drafts file given by mistake) is
 * refused rather than given our tables. */
static int
check_ours(sqlite3 *db, store_error *err)
{
	sqlite3_stmt *stmt;
	int rc = sqlite3_prepare_v2(db, "PRAGMA application_id", -1, &stmt, NULL);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(err, db, rc, "reading the statistics file");
	rc = sqlite3_step(stmt);
	int id = rc == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : 0;
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW)
		return store_fail_sqlite(err, db, rc, "reading the statistics file");
	if (id != 0 && id != STATS_APPLICATION_ID)
		return store_fail(err, STORE_ERR_CORRUPT, "not a Yorisoi statistics file");
	return 0;
}

int
store_stats_open(const char *path, store_stats **out, store_error *err)
{
	*out = NULL;
	store_stats *st = calloc(1, sizeof *st);
	if (!st)
		return store_fail(err, STORE_ERR_IO, "out of memory");
	int rc = sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		store_fail_sqlite(err, st->db, rc, "opening the statistics file");
		store_stats_close(st);
		return -1;
	}
	sqlite3_busy_timeout(st->db, STATS_BUSY_MS);
	if (check_ours(st->db, err) != 0 ||
	    store_exec(st->db, schema, "making the statistics tables", err) != 0) {
		store_stats_close(st);
		return -1;
	}
	*out = st;
	return 0;
}

void
store_stats_close(store_stats *st)
{
	if (!st)
		return;
	sqlite3_close(st->db);
	free(st);
}

/* Prepares sql; -1 with err on failure. */
static int
prepare(store_stats *st, const char *sql, sqlite3_stmt **stmt, store_error *err)
{
	int rc = sqlite3_prepare_v2(st->db, sql, -1, stmt, NULL);
	return rc == SQLITE_OK ? 0 : store_fail_sqlite(err, st->db, rc, sql);
}

/* Steps a statement that returns no rows, and finalizes it. */
static int
run(store_stats *st, sqlite3_stmt *stmt, const char *what, store_error *err)
{
	int rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : store_fail_sqlite(err, st->db, rc, what);
}

int
store_stats_count(store_stats *st, const char *day, const char *measure, int n, store_error *err)
{
	sqlite3_stmt *stmt;
	if (prepare(st,
	            "INSERT INTO tally(day, measure, n) VALUES(?1, ?2, ?3)"
	            " ON CONFLICT(day, measure) DO UPDATE SET n = n + ?3",
	            &stmt, err) != 0)
		return -1;
	sqlite3_bind_text(stmt, 1, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 2, measure, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(stmt, 3, n);
	return run(st, stmt, "counting", err);
}

int
store_stats_add_application(store_stats *st, const store_stats_application *r, store_error *err)
{
	sqlite3_stmt *stmt;
	if (prepare(st,
	            "INSERT INTO application(id, day, form_id, lang, resumed, completed,"
	            " handed_off, seconds, keystrokes, stopped_at)"
	            " VALUES(abs(random() % 9000000000000000000), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
	            " ?9)",
	            &stmt, err) != 0)
		return -1;
	sqlite3_bind_text(stmt, 1, r->day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 2, r->form_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 3, r->lang, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(stmt, 4, r->resumed);
	sqlite3_bind_int(stmt, 5, r->completed);
	sqlite3_bind_int(stmt, 6, r->handed_off);
	sqlite3_bind_int(stmt, 7, r->seconds < 0 ? 0 : r->seconds);
	sqlite3_bind_int(stmt, 8, r->keystrokes);
	sqlite3_bind_text(stmt, 9, r->completed ? "" : r->stopped_at, -1, SQLITE_TRANSIENT);
	return run(st, stmt, "recording an application", err);
}

int
store_stats_total(store_stats *st, const char *from, const char *to, const char *measure,
                  long *total, store_error *err)
{
	sqlite3_stmt *stmt;
	*total = 0;
	if (prepare(st,
	            "SELECT coalesce(sum(n), 0) FROM tally"
	            " WHERE measure = ?1 AND day >= ?2 AND day <= ?3",
	            &stmt, err) != 0)
		return -1;
	sqlite3_bind_text(stmt, 1, measure, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 2, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 3, to, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*total = (long)sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW ? 0 : store_fail_sqlite(err, st->db, rc, "summing a measure");
}

static void
column_text(sqlite3_stmt *stmt, int col, char *out, size_t n)
{
	const unsigned char *t = sqlite3_column_text(stmt, col);
	snprintf(out, n, "%s", t ? (const char *)t : "");
}

int
store_stats_applications(store_stats *st, const char *from, const char *to,
                         store_stats_application **list, size_t *count, store_error *err)
{
	sqlite3_stmt *stmt;
	*list = NULL;
	*count = 0;
	if (prepare(st,
	            "SELECT day, form_id, lang, resumed, completed, handed_off, seconds,"
	            " keystrokes, stopped_at FROM application WHERE day >= ?1 AND day <= ?2"
	            " ORDER BY form_id, lang, seconds, keystrokes, stopped_at",
	            &stmt, err) != 0)
		return -1;
	sqlite3_bind_text(stmt, 1, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 2, to, -1, SQLITE_TRANSIENT);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (*count == cap) {
			cap = cap ? cap * 2 : 16;
			store_stats_application *bigger = realloc(*list, cap * sizeof **list);
			if (!bigger) {
				sqlite3_finalize(stmt);
				free(*list);
				*list = NULL;
				*count = 0;
				return store_fail(err, STORE_ERR_IO, "out of memory");
			}
			*list = bigger;
		}
		store_stats_application *r = &(*list)[(*count)++];
		memset(r, 0, sizeof *r);
		column_text(stmt, 0, r->day, sizeof r->day);
		column_text(stmt, 1, r->form_id, sizeof r->form_id);
		column_text(stmt, 2, r->lang, sizeof r->lang);
		r->resumed = sqlite3_column_int(stmt, 3) != 0;
		r->completed = sqlite3_column_int(stmt, 4) != 0;
		r->handed_off = sqlite3_column_int(stmt, 5) != 0;
		r->seconds = sqlite3_column_int(stmt, 6);
		r->keystrokes = sqlite3_column_int(stmt, 7);
		column_text(stmt, 8, r->stopped_at, sizeof r->stopped_at);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		free(*list);
		*list = NULL;
		*count = 0;
		return store_fail_sqlite(err, st->db, rc, "reading applications");
	}
	return 0;
}
