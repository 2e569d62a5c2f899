/*
 * Opening the drafts database: folder, file, connection settings, schema
 * and key.
 *
 * Journal mode: DELETE (the rollback journal), not WAL. One desk PC runs
 * one console, so WAL's concurrent readers buy nothing, while it would
 * leave -wal and -shm files beside the database that hold recent pages
 * until a checkpoint, needs shared memory that roaming or network home
 * folders on library PCs do not always provide, and makes "the file is the
 * whole state" less true. With synchronous=FULL every committed save is on
 * the disk when store_draft_save returns, which is what "a process killed
 * at any moment loses at most the question being typed" needs.
 * secure_delete=ON overwrites deleted rows with zeros, temp_store=MEMORY
 * keeps VACUUM's copy out of /var/tmp.
 */
#include "store/internal.h"
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Schema steps: migrations[n] takes a database from user_version n to n+1.
 * Never edit a released step; add one. */
static const char *const migrations[STORE_SCHEMA_VERSION] = {
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;"
        "CREATE TABLE drafts("
        " id INTEGER PRIMARY KEY AUTOINCREMENT," /* ids are never reused */
        " form_id TEXT NOT NULL,"
        " form_version INTEGER NOT NULL,"
        " lang TEXT NOT NULL,"
        " position INTEGER NOT NULL DEFAULT 0,"
        " answered INTEGER NOT NULL DEFAULT 0,"
        " created INTEGER NOT NULL,"
        " updated INTEGER NOT NULL,"
        " seq INTEGER NOT NULL," /* save order, immune to clock changes */
        " nonce BLOB NOT NULL,"
        " sealed BLOB NOT NULL);"
        "CREATE INDEX drafts_by_seq ON drafts(seq);"
        "CREATE INDEX drafts_by_updated ON drafts(updated);",
        /* 2: a key of its own per draft (store/draft_keys.c) */
        "ALTER TABLE drafts ADD COLUMN code_salt BLOB;"
        "ALTER TABLE drafts ADD COLUMN code_wrap BLOB;"
        "ALTER TABLE drafts ADD COLUMN card_wrap BLOB;"
        "ALTER TABLE drafts ADD COLUMN tries_left INTEGER NOT NULL DEFAULT 5;",
};

int
store_exec(sqlite3 *db, const char *sql, const char *what, store_error *err)
{
	int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? 0 : store_fail_sqlite(err, db, rc, what);
}

void
store_rollback(sqlite3 *db)
{
	if (!sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

/* One integer from a one-row query (PRAGMAs, counts). */
static int
query_int(sqlite3 *db, const char *sql, long long *out, store_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);

	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int64(st, 0);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? 0 : store_fail_sqlite(err, db, rc, sql);
}

/* Reads who made the file: our application id (or 0 and no tables for a
 * new file) and the schema version. */
static int
read_identity(sqlite3 *db, long long *app_id, long long *version, long long *tables,
              store_error *err)
{
	if (query_int(db, "PRAGMA application_id", app_id, err) != 0 ||
	    query_int(db, "PRAGMA user_version", version, err) != 0 ||
	    query_int(db, "SELECT count(*) FROM sqlite_schema", tables, err) != 0)
		return -1;
	return 0;
}

/*
 * Makes sure the file is a Yorisoi drafts database at the current schema:
 * creates the schema in a new (empty) file, migrates an older one, and
 * refuses anything else (another program's database, or one made by a
 * newer Yorisoi) with STORE_ERR_CORRUPT. The check is repeated inside an
 * IMMEDIATE transaction before changing anything, so two consoles opening
 * a new file at once do not both create the schema.
 */
static int
prepare_schema(sqlite3 *db, store_error *err)
{
	long long app_id, version, tables;

	for (int pass = 0; pass < 2; pass++) {
		if (read_identity(db, &app_id, &version, &tables, err) != 0)
			goto fail;
		int fresh = app_id == 0 && version == 0 && tables == 0;
		if (!fresh && app_id != STORE_APPLICATION_ID) {
			store_fail(err, STORE_ERR_CORRUPT, "not a Yorisoi drafts database");
			goto fail;
		}
		if (version > STORE_SCHEMA_VERSION) {
			store_fail(err, STORE_ERR_CORRUPT,
			           "drafts database has schema %lld, newer than this program's %d",
			           version, STORE_SCHEMA_VERSION);
			goto fail;
		}
		if (version == STORE_SCHEMA_VERSION)
			return pass == 0 ? 0 : store_exec(db, "COMMIT", "commit schema", err);
		if (pass == 0 && store_exec(db, "BEGIN IMMEDIATE", "lock for schema", err) != 0)
			return -1;
	}
	for (long long v = version; v < STORE_SCHEMA_VERSION; v++)
		if (store_exec(db, migrations[v], "create schema", err) != 0)
			goto fail;
	char sql[96];
	snprintf(sql, sizeof sql, "PRAGMA application_id=%d; PRAGMA user_version=%d",
	         STORE_APPLICATION_ID, STORE_SCHEMA_VERSION);
	if (store_exec(db, sql, "set schema version", err) != 0 ||
	    store_exec(db, "COMMIT", "commit schema", err) != 0)
		goto fail;
	return 0;
fail:
	store_rollback(db);
	return -1;
}

/* Reads meta.key_check into out; returns 1 when there is none yet. */
static int
read_key_check(sqlite3 *db, unsigned char out[STORE_KEY_CHECK_BYTES], store_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key='key_check'", -1, &st,
	                            NULL);
	int ret = -1;

	if (rc != SQLITE_OK) {
		store_fail_sqlite(err, db, rc, "read key check");
		goto out;
	}
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		ret = 1;
	} else if (rc != SQLITE_ROW) {
		store_fail_sqlite(err, db, rc, "read key check");
	} else if (sqlite3_column_bytes(st, 0) != STORE_KEY_CHECK_BYTES) {
		store_fail(err, STORE_ERR_CORRUPT, "drafts database has a damaged key check");
	} else {
		memcpy(out, sqlite3_column_blob(st, 0), STORE_KEY_CHECK_BYTES);
		ret = 0;
	}
out:
	sqlite3_finalize(st);
	return ret;
}

static int
write_key_check(sqlite3 *db, const unsigned char check[STORE_KEY_CHECK_BYTES], store_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(
	        db, "INSERT OR REPLACE INTO meta(key, value) VALUES('key_check', ?)", -1, &st,
	        NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_blob(st, 1, check, STORE_KEY_CHECK_BYTES, SQLITE_STATIC);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_reset(st);
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? 0 : store_fail_sqlite(err, db, rc, "write key check");
}

/*
 * Loads the key and checks it belongs to this database. A database that
 * has never had a key (new), or that holds no drafts, may get a new key
 * file; one that holds drafts must find the very key they were sealed
 * with, or the open fails with STORE_ERR_KEY rather than hiding them.
 */
static int
load_key(store *s, const char *path, store_error *err)
{
	char key_path[4096];
	unsigned char want[STORE_KEY_CHECK_BYTES], have[STORE_KEY_CHECK_BYTES];
	long long drafts = 0;

	if (store_key_path(path, key_path, sizeof key_path) != 0)
		return store_fail(err, STORE_ERR_KEY, "key path too long");
	int rc = read_key_check(s->db, want, err);
	if (rc < 0 || query_int(s->db, "SELECT count(*) FROM drafts", &drafts, err) != 0)
		return -1;
	int may_create = rc == 1 || drafts == 0;
	if (store_key_load(key_path, may_create, s->key, err) != 0)
		return -1;
	store_key_check(s->key, have);
	if (rc == 0 && sodium_memcmp(want, have, sizeof have) == 0)
		return 0;
	if (rc == 0 && drafts > 0)
		return store_fail(err, STORE_ERR_KEY,
		                  "key file %s does not belong to this drafts database", key_path);
	return write_key_check(s->db, have, err);
}

/* Creates the database file with mode 0600 if it is missing: SQLite would
 * make it 0644, and gives its journal the same mode as the database. The
 * folder is the caller's to make (tui_mkdir_parent). */
static int
create_file(const char *path, store_error *err)
{
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0 && errno != EEXIST)
		return store_fail(err, STORE_ERR_OPEN, "cannot create %s: %s", path,
		                  strerror(errno));
	if (fd >= 0)
		close(fd);
	return 0;
}

/* A database file of 0 bytes is a new one to SQLite; but once a key file
 * was made beside it, it held drafts and was cut short (a full disk, a
 * crash of the file system, a careless copy). */
static bool
cut_to_nothing(const char *path)
{
	char key_path[4096];
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0 &&
	       store_key_path(path, key_path, sizeof key_path) == 0 && access(key_path, F_OK) == 0;
}

/* SQLite's quick_check reads every page: a damaged file is found before
 * anything is written into it and makes it worse. */
static int
quick_check(sqlite3 *db, const char *path, store_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const unsigned char *r = sqlite3_column_text(st, 0);
		bool ok = r && strcmp((const char *)r, "ok") == 0;
		if (!ok)
			store_fail(err, STORE_ERR_DAMAGED, "%s: %s", path,
			           r ? (const char *)r : "?");
		sqlite3_finalize(st);
		return ok ? 0 : -1;
	}
	store_fail_sqlite(err, db, rc, "check the drafts file");
	sqlite3_finalize(st);
	return -1;
}

int
store_open_with(const char *path, const store_options *opt, store **out, store_error *err)
{
	store *s = NULL;
	int rc;
	int busy_ms =
	        opt && opt->busy_timeout_ms > 0 ? opt->busy_timeout_ms : STORE_DEFAULT_BUSY_MS;

	*out = NULL;
	if (sodium_init() < 0)
		return store_fail(err, STORE_ERR_KEY, "libsodium cannot initialise");
	if (cut_to_nothing(path))
		return store_fail(err, STORE_ERR_DAMAGED,
		                  "%s is empty although its key file exists: it was cut short",
		                  path);
	if (create_file(path, err) != 0)
		return -1;
	s = eng_xcalloc(1, sizeof *s);
	s->lock_fd = -1;
	if (snprintf(s->lock_path, sizeof s->lock_path, "%s.lock", path) >=
	    (int)sizeof s->lock_path) {
		free(s);
		return store_fail(err, STORE_ERR_OPEN, "the path %s is too long", path);
	}
	s->key = sodium_malloc(STORE_KEY_BYTES);
	if (!s->key)
		abort(); /* out of memory: see engine.h */
	rc = sqlite3_open_v2(path, &s->db,
	                     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW |
	                             SQLITE_OPEN_EXRESCODE,
	                     NULL);
	if (rc != SQLITE_OK) {
		store_fail_sqlite(err, s->db, rc, path);
		goto fail;
	}
	sqlite3_busy_timeout(s->db, busy_ms);
	if (store_exec(s->db,
	               "PRAGMA secure_delete=ON; PRAGMA temp_store=MEMORY;"
	               "PRAGMA trusted_schema=OFF; PRAGMA synchronous=FULL",
	               "read the database settings", err) != 0 ||
	    quick_check(s->db, path, err) != 0 || prepare_schema(s->db, err) != 0 ||
	    store_exec(s->db, "PRAGMA journal_mode=DELETE", "set journal mode", err) != 0)
		goto fail;
	if (!(opt && opt->without_key)) {
		if (load_key(s, path, err) != 0)
			goto fail;
		s->has_key = true;
	}
	*out = s;
	return 0;
fail:
	store_close(s);
	return -1;
}

int
store_open(const char *path, store **out, store_error *err)
{
	return store_open_with(path, NULL, out, err);
}

int
store_need_key(const store *s, store_error *err)
{
	return s->has_key ? 0
	                  : store_fail(err, STORE_ERR_KEY,
	                               "the drafts store was opened without its key");
}

/* Closes the connection (every statement is finalised where it is used)
 * and wipes the key from memory. Safe on NULL. */
void
store_close(store *s)
{
	if (!s)
		return;
	if (s->lock_fd >= 0)
		close(s->lock_fd); /* drops this handle's lease */
	sodium_free(s->dkey);      /* zeroes before freeing */
	sqlite3_close(s->db);
	sodium_free(s->key); /* zeroes before freeing */
	free(s);
}
