/*
 * postal-build: turns data/postal/postal.tsv.gz into postal.db at build
 * time. Usage: postal-build IN.tsv.gz OUT.db
 *
 * The data file is UTF-8, tab-separated, with "#" comment lines (the first
 * names the source and is kept as meta.source), then a header row naming
 * the columns, then one row per place (docs/postal.md). Every row is
 * checked: seven-digit code, the right number of fields, and each field
 * short enough for its store_postal_place member, so that a lookup never
 * truncates. The database is written to OUT.db.tmp and renamed, so an
 * interrupted build leaves no half-made file for make to trust.
 */
#include "store/postal_schema.h"
#include "store/store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

enum { LINE_MAX_BYTES = 8192 };

static const char header[] = "code\tprefecture\tcity\ttown\tprefecture_kana\tcity_kana\t"
                             "town_kana\toffice\tstreet";

/* The largest length each column may have: its place member less the NUL. */
static const size_t column_max[POSTAL_NCOLUMNS] = {
        7,
        sizeof(((store_postal_place *)0)->prefecture) - 1,
        sizeof(((store_postal_place *)0)->city) - 1,
        sizeof(((store_postal_place *)0)->town) - 1,
        sizeof(((store_postal_place *)0)->prefecture_kana) - 1,
        sizeof(((store_postal_place *)0)->city_kana) - 1,
        sizeof(((store_postal_place *)0)->town_kana) - 1,
        sizeof(((store_postal_place *)0)->office) - 1,
        sizeof(((store_postal_place *)0)->street) - 1,
};

static int
fail(const char *in, long line, const char *what)
{
	fprintf(stderr, "postal-build: %s:%ld: %s\n", in, line, what);
	return -1;
}

static int
exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK)
		return 0;
	fprintf(stderr, "postal-build: %s\n", msg ? msg : sqlite3_errmsg(db));
	sqlite3_free(msg);
	return -1;
}

/* Splits line in place at tabs into exactly POSTAL_NCOLUMNS fields. */
static int
split(char *line, char **f)
{
	int n = 0;
	for (char *s = line;; s++) {
		if (n == POSTAL_NCOLUMNS)
			return -1;
		f[n++] = s;
		s = strchr(s, '\t');
		if (!s)
			break;
		*s = '\0';
	}
	return n == POSTAL_NCOLUMNS ? 0 : -1;
}

static int
valid_code(const char *c)
{
	if (strlen(c) != 7)
		return 0;
	for (int i = 0; i < 7; i++)
		if (c[i] < '0' || c[i] > '9')
			return 0;
	return 1;
}

/* Inserts one data row; prints the reason and returns -1 if it is bad. */
static int
insert_row(sqlite3_stmt *ins, char *line, const char *in, long lineno)
{
	char *f[POSTAL_NCOLUMNS];

	if (split(line, f) != 0)
		return fail(in, lineno, "wrong number of fields");
	if (!valid_code(f[0]))
		return fail(in, lineno, "the code is not seven digits");
	for (int i = 0; i < POSTAL_NCOLUMNS; i++) {
		if (strlen(f[i]) > column_max[i])
			return fail(in, lineno, "a field is too long for store_postal_place");
		sqlite3_bind_text(ins, i + 1, f[i], -1, SQLITE_STATIC);
	}
	int rc = sqlite3_step(ins);
	sqlite3_reset(ins);
	return rc == SQLITE_DONE ? 0 : fail(in, lineno, sqlite3_errstr(rc));
}

/* Reads every line of the data file into the open transaction. */
static int
load(gzFile gz, sqlite3 *db, const char *in, long *rows)
{
	static char line[LINE_MAX_BYTES];
	sqlite3_stmt *ins = NULL, *meta = NULL;
	long lineno = 0;
	int seen_header = 0, ret = -1;

	if (sqlite3_prepare_v2(db, "INSERT INTO postal VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)", -1,
	                       &ins, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO meta VALUES ('source', ?1)", -1, &meta, NULL) !=
	            SQLITE_OK) {
		fprintf(stderr, "postal-build: %s\n", sqlite3_errmsg(db));
		goto out;
	}
	while (gzgets(gz, line, sizeof line)) {
		size_t len = strlen(line);
		lineno++;
		if (len == 0 || line[len - 1] != '\n') {
			fail(in, lineno, "line too long or not ended by a newline");
			goto out;
		}
		line[--len] = '\0';
		if (line[0] == '#') {
			/* "# Japan Post postal codes, via npm X (data Y)." -> "X (data Y)" */
			const char *via = strstr(line, "via npm ");
			if (lineno == 1 && via) {
				char src[256];
				snprintf(src, sizeof src, "%s", via + 8);
				len = strlen(src);
				if (len && src[len - 1] == '.')
					src[len - 1] = '\0';
				sqlite3_bind_text(meta, 1, src, -1, SQLITE_TRANSIENT);
				if (sqlite3_step(meta) != SQLITE_DONE) {
					fail(in, lineno, sqlite3_errmsg(db));
					goto out;
				}
			}
			continue;
		}
		if (!seen_header) {
			if (strcmp(line, header) != 0) {
				fail(in, lineno, "unexpected header row");
				goto out;
			}
			seen_header = 1;
			continue;
		}
		if (insert_row(ins, line, in, lineno) != 0)
			goto out;
		(*rows)++;
	}
	int zerr;
	const char *zmsg = gzerror(gz, &zerr);
	if (zerr != Z_OK && zerr != Z_STREAM_END) {
		fail(in, lineno, zmsg);
		goto out;
	}
	if (*rows == 0) {
		fail(in, lineno, "no rows");
		goto out;
	}
	ret = 0;
out:
	sqlite3_finalize(ins);
	sqlite3_finalize(meta);
	return ret;
}

int
main(int argc, char **argv)
{
	char tmp[4096], pragmas[160];
	sqlite3 *db = NULL;
	gzFile gz = NULL;
	long rows = 0;
	int ret = 1;

	if (argc != 3) {
		fprintf(stderr, "usage: postal-build IN.tsv.gz OUT.db\n");
		return 2;
	}
	if (snprintf(tmp, sizeof tmp, "%s.tmp", argv[2]) >= (int)sizeof tmp) {
		fprintf(stderr, "postal-build: output path too long\n");
		return 2;
	}
	gz = gzopen(argv[1], "rb");
	if (!gz) {
		perror(argv[1]);
		return 1;
	}
	remove(tmp);
	if (sqlite3_open(tmp, &db) != SQLITE_OK) {
		fprintf(stderr, "postal-build: %s: %s\n", tmp, sqlite3_errmsg(db));
		goto out;
	}
	snprintf(pragmas, sizeof pragmas,
	         "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
	         "PRAGMA application_id=%d; PRAGMA user_version=%d;",
	         POSTAL_APPLICATION_ID, POSTAL_SCHEMA_VERSION);
	if (exec(db, pragmas) != 0 || exec(db, "BEGIN;" POSTAL_SCHEMA) != 0 ||
	    load(gz, db, argv[1], &rows) != 0 || exec(db, POSTAL_INDEX "COMMIT;") != 0)
		goto out;
	if (sqlite3_close(db) != SQLITE_OK) {
		fprintf(stderr, "postal-build: closing %s: %s\n", tmp, sqlite3_errmsg(db));
		goto out;
	}
	db = NULL;
	if (rename(tmp, argv[2]) != 0) {
		perror(argv[2]);
		goto out;
	}
	ret = 0;
out:
	if (db)
		sqlite3_close(db);
	if (ret != 0)
		remove(tmp);
	gzclose(gz);
	return ret;
}
