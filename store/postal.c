/*
 * Postal code to address: lookups in the read-only postal.db that the
 * build makes from Japan Post's data (docs/postal.md).
 */
#include "store/internal.h"
#include "store/postal_schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct store_postal {
	sqlite3 *db;
	sqlite3_stmt *by_code; /* prepared once, reset after each lookup */
	sqlite3_stmt *chome;   /* the same, for a town's 丁目 */
	char source[256];
};

/* One integer from a PRAGMA. */
static int
pragma_int(sqlite3 *db, const char *sql, int *out)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

/* Reads meta.source into p->source; a database without it still works. */
static void
read_source(store_postal *p)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(p->db, "SELECT value FROM meta WHERE key = 'source'", -1, &st,
	                       NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(p->source, sizeof p->source, "%s",
		         (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/*
 * Opens read-only and checks that the file is ours: SQLite opens any file
 * lazily, so a missing file shows up here as SQLITE_CANTOPEN only because
 * we do not pass SQLITE_OPEN_CREATE, and a file of the wrong kind shows up
 * at the first read (the PRAGMA), as SQLITE_NOTADB, or as a wrong
 * application id. On failure *out stays NULL and nothing is left open.
 */
int
store_postal_open(const char *db_path, store_postal **out, store_error *err)
{
	store_postal *p;
	int rc, app_id = 0, version = 0;

	*out = NULL;
	if (!db_path || !db_path[0])
		return store_fail(err, STORE_ERR_OPEN, "postal database: no path");
	p = eng_xcalloc(1, sizeof *p);
	rc = sqlite3_open_v2(db_path, &p->db, SQLITE_OPEN_READONLY, NULL);
	if (rc != SQLITE_OK) {
		store_fail(err, STORE_ERR_OPEN, "cannot open postal database %s: %s", db_path,
		           sqlite3_errstr(rc));
		goto fail;
	}
	rc = pragma_int(p->db, "PRAGMA application_id", &app_id);
	if (rc == SQLITE_OK)
		rc = pragma_int(p->db, "PRAGMA user_version", &version);
	if (rc != SQLITE_OK) {
		store_fail_sqlite(err, p->db, rc, "reading the postal database");
		goto fail;
	}
	if (app_id != POSTAL_APPLICATION_ID || version != POSTAL_SCHEMA_VERSION) {
		store_fail(err, STORE_ERR_CORRUPT,
		           "%s is not a Yorisoi postal database of schema %d (id %#x, version %d)",
		           db_path, POSTAL_SCHEMA_VERSION, (unsigned)app_id, version);
		goto fail;
	}
	rc = sqlite3_prepare_v3(
	        p->db, "SELECT " POSTAL_COLUMNS " FROM postal WHERE code = ?1 ORDER BY rowid", -1,
	        SQLITE_PREPARE_PERSISTENT, &p->by_code, NULL);
	if (rc != SQLITE_OK) {
		store_fail_sqlite(err, p->db, rc, "preparing the postal lookup");
		goto fail;
	}
	rc = sqlite3_prepare_v3(p->db,
	                        "SELECT numbers FROM chome WHERE prefecture = ?1 AND city = ?2"
	                        " AND town = ?3",
	                        -1, SQLITE_PREPARE_PERSISTENT, &p->chome, NULL);
	if (rc != SQLITE_OK) {
		store_fail_sqlite(err, p->db, rc, "preparing the 丁目 lookup");
		goto fail;
	}
	read_source(p);
	*out = p;
	return 0;
fail:
	store_postal_close(p);
	return -1;
}

const char *
store_postal_source(const store_postal *p)
{
	return p->source;
}

/* Copies column col into a fixed field; a value that does not fit means
 * the database was not made by our build tool, which checks lengths. */
static int
copy_column(sqlite3_stmt *st, int col, char *dst, size_t dstlen)
{
	const unsigned char *v = sqlite3_column_text(st, col);
	size_t len = (size_t)sqlite3_column_bytes(st, col);
	if (len >= dstlen)
		return -1;
	if (len)
		memcpy(dst, v, len);
	dst[len] = '\0';
	return 0;
}

/* Fills a whole place, zeroing it first so no stale bytes follow the
 * strings: results compare equal with memcmp and copy out cleanly. */
static int
fill_place(sqlite3_stmt *st, store_postal_place *pl)
{
	memset(pl, 0, sizeof *pl);
	struct {
		char *field;
		size_t size;
	} cols[POSTAL_NCOLUMNS - 1] = {
	        {pl->prefecture, sizeof pl->prefecture},
	        {pl->city, sizeof pl->city},
	        {pl->town, sizeof pl->town},
	        {pl->prefecture_kana, sizeof pl->prefecture_kana},
	        {pl->city_kana, sizeof pl->city_kana},
	        {pl->town_kana, sizeof pl->town_kana},
	        {pl->office, sizeof pl->office},
	        {pl->street, sizeof pl->street},
	};
	for (int i = 0; i < POSTAL_NCOLUMNS - 1; i++)
		if (copy_column(st, i + 1, cols[i].field, cols[i].size) != 0)
			return -1;
	return 0;
}

/*
 * Grows the result array as rows arrive; most codes have one place and the
 * largest has a few dozen. On any failure the partial array is freed and
 * the outputs are left empty, so the caller never sees half an answer.
 */
int
store_postal_lookup(store_postal *p, const char *code, store_postal_place **places, size_t *count,
                    store_error *err)
{
	char digits[8];
	store_postal_place *v = NULL;
	size_t n = 0, cap = 0;
	int rc, ret = -1;

	*places = NULL;
	*count = 0;
	if (store_postal_normalize(code, digits) != 0)
		return store_fail(err, STORE_ERR_NOT_FOUND, "not a postal code");
	rc = sqlite3_bind_text(p->by_code, 1, digits, 7, SQLITE_TRANSIENT);
	while (rc == SQLITE_OK && (rc = sqlite3_step(p->by_code)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 4;
			v = eng_xrealloc(v, cap * sizeof *v);
		}
		if (fill_place(p->by_code, &v[n]) != 0) {
			store_fail(err, STORE_ERR_CORRUPT, "postal database: a value is too long");
			goto out;
		}
		n++;
		rc = SQLITE_OK;
	}
	if (rc != SQLITE_DONE) {
		store_fail_sqlite(err, p->db, rc, "looking up a postal code");
		goto out;
	}
	*places = v;
	*count = n;
	v = NULL;
	ret = 0;
out:
	free(v);
	sqlite3_reset(p->by_code);
	sqlite3_clear_bindings(p->by_code);
	return ret;
}

/* "1,2,3" into numbers; the build checked the list, so anything else
 * means a database our build tool did not make. */
static int
parse_chome(const char *s, int *chome, size_t *count)
{
	*count = 0;
	while (s && *s) {
		char *end;
		long n = strtol(s, &end, 10);
		if (end == s || n < 1 || n > STORE_CHOME_MAX || *count == STORE_CHOME_MAX ||
		    (*end && *end != ','))
			return -1;
		chome[(*count)++] = (int)n;
		s = *end ? end + 1 : end;
	}
	return 0;
}

int
store_postal_chome(store_postal *p, const store_postal_place *pl, int chome[STORE_CHOME_MAX],
                   size_t *count, store_error *err)
{
	int rc, ret = 0;

	*count = 0;
	if (!pl->town[0])
		return 0;
	rc = sqlite3_bind_text(p->chome, 1, pl->prefecture, -1, SQLITE_TRANSIENT);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_text(p->chome, 2, pl->city, -1, SQLITE_TRANSIENT);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_text(p->chome, 3, pl->town, -1, SQLITE_TRANSIENT);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(p->chome);
	if (rc == SQLITE_ROW) {
		if (parse_chome((const char *)sqlite3_column_text(p->chome, 0), chome, count) !=
		    0) {
			*count = 0;
			ret = store_fail(err, STORE_ERR_CORRUPT,
			                 "postal database: a bad 丁目 list");
		}
	} else if (rc != SQLITE_DONE) {
		ret = store_fail_sqlite(err, p->db, rc, "looking up a town's 丁目");
	}
	sqlite3_reset(p->chome);
	sqlite3_clear_bindings(p->chome);
	return ret;
}

int
store_postal_chome_town(const char *town, int chome, char *out, size_t n)
{
	int w = snprintf(out, n, "%s%d丁目", town, chome);
	return w < 0 || (size_t)w >= n ? -1 : 0;
}

void
store_postal_close(store_postal *p)
{
	if (!p)
		return;
	sqlite3_finalize(p->chome);
	sqlite3_finalize(p->by_code);
	sqlite3_close(p->db);
	free(p);
}
