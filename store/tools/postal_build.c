/*
 * postal-build: turns data/postal/postal.tsv.gz and data/postal/chome.tsv.gz
 * into postal.db at build time.
 * Usage: postal-build POSTAL.tsv.gz CHOME.tsv.gz OUT.db
 *
 * Both data files are UTF-8, tab-separated, with "#" comment lines, then a
 * header row naming the columns, then one row per place (docs/postal.md).
 * The postal file's first comment names its source, kept as meta.source.
 * Every row is checked: seven-digit code, the right number of fields, and
 * each field short enough for its store_postal_place member, so that a
 * lookup never truncates; a town's 丁目 are ascending numbers from 1 to
 * POSTAL_CHOME_MAX, comma-separated. The database is written to
 * OUT.db.tmp and renamed, so an interrupted build leaves no half-made file
 * for make to trust.
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
static const char chome_header[] = "prefecture\tcity\ttown\tchome";

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

/* Splits line in place at tabs into exactly ncols fields. */
static int
split(char *line, char **f, int ncols)
{
	int n = 0;
	for (char *s = line;; s++) {
		if (n == ncols)
			return -1;
		f[n++] = s;
		s = strchr(s, '\t');
		if (!s)
			break;
		*s = '\0';
	}
	return n == ncols ? 0 : -1;
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

	if (split(line, f, POSTAL_NCOLUMNS) != 0)
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

/* What one data file's lines go to: the first comment line, then each
 * row after the header; either returns -1 after printing why. */
typedef struct data_file {
	const char *path, *header;
	int (*comment)(void *ctx, char *line, const char *in, long lineno);
	int (*row)(void *ctx, char *line, const char *in, long lineno);
	void *ctx;
} data_file;

/* Reads every line of a data file; fails on a file without rows. */
static int
read_data(const data_file *df, long *rows)
{
	static char line[LINE_MAX_BYTES];
	long lineno = 0;
	int seen_header = 0;
	gzFile gz = gzopen(df->path, "rb");

	if (!gz) {
		perror(df->path);
		return -1;
	}
	int ret = -1;
	while (gzgets(gz, line, sizeof line)) {
		size_t len = strlen(line);
		lineno++;
		if (len == 0 || line[len - 1] != '\n') {
			fail(df->path, lineno, "line too long or not ended by a newline");
			goto out;
		}
		line[--len] = '\0';
		if (line[0] == '#') {
			if (lineno == 1 && df->comment &&
			    df->comment(df->ctx, line, df->path, lineno))
				goto out;
			continue;
		}
		if (!seen_header) {
			if (strcmp(line, df->header) != 0) {
				fail(df->path, lineno, "unexpected header row");
				goto out;
			}
			seen_header = 1;
			continue;
		}
		if (df->row(df->ctx, line, df->path, lineno) != 0)
			goto out;
		(*rows)++;
	}
	int zerr;
	const char *zmsg = gzerror(gz, &zerr);
	if (zerr != Z_OK && zerr != Z_STREAM_END) {
		fail(df->path, lineno, zmsg);
		goto out;
	}
	if (*rows == 0) {
		fail(df->path, lineno, "no rows");
		goto out;
	}
	ret = 0;
out:
	gzclose(gz);
	return ret;
}

typedef struct statements {
	sqlite3 *db;
	sqlite3_stmt *postal, *meta, *chome;
} statements;

/* "# Japan Post postal codes, via npm X (data Y)." -> meta.source "X (data Y)" */
static int
postal_source(void *ctx, char *line, const char *in, long lineno)
{
	statements *st = ctx;
	const char *via = strstr(line, "via npm ");
	if (!via)
		return 0;
	char src[256];
	snprintf(src, sizeof src, "%s", via + 8);
	size_t len = strlen(src);
	if (len && src[len - 1] == '.')
		src[len - 1] = '\0';
	sqlite3_bind_text(st->meta, 1, src, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st->meta);
	sqlite3_reset(st->meta);
	return rc == SQLITE_DONE ? 0 : fail(in, lineno, sqlite3_errmsg(st->db));
}

static int
postal_row(void *ctx, char *line, const char *in, long lineno)
{
	return insert_row(((statements *)ctx)->postal, line, in, lineno);
}

/* "1,2,3": ascending numbers from 1 to POSTAL_CHOME_MAX, nothing else. */
static int
valid_chome(const char *s)
{
	int last = 0;
	for (;;) {
		int n = 0, digits = 0;
		for (; *s >= '0' && *s <= '9' && digits < 3; s++, digits++)
			n = n * 10 + (*s - '0');
		if (digits == 0 || n <= last || n > POSTAL_CHOME_MAX)
			return 0;
		last = n;
		if (*s == '\0')
			return 1;
		if (*s++ != ',')
			return 0;
	}
}

static int
chome_row(void *ctx, char *line, const char *in, long lineno)
{
	sqlite3_stmt *ins = ((statements *)ctx)->chome;
	char *f[4];
	if (split(line, f, 4) != 0)
		return fail(in, lineno, "wrong number of fields");
	if (strlen(f[0]) > column_max[1] || strlen(f[1]) > column_max[2] ||
	    strlen(f[2]) > column_max[3] || !f[2][0])
		return fail(in, lineno, "a place is empty or too long for store_postal_place");
	if (!valid_chome(f[3]))
		return fail(in, lineno, "the 丁目 are not ascending numbers from 1 to 99");
	for (int i = 0; i < 4; i++)
		sqlite3_bind_text(ins, i + 1, f[i], -1, SQLITE_STATIC);
	int rc = sqlite3_step(ins);
	sqlite3_reset(ins);
	return rc == SQLITE_DONE ? 0 : fail(in, lineno, sqlite3_errstr(rc));
}

/* Loads both data files into the open transaction. */
static int
load(sqlite3 *db, const char *postal, const char *chome, long *rows, long *towns)
{
	statements st = {db, NULL, NULL, NULL};
	int ret = -1;

	if (sqlite3_prepare_v2(db, "INSERT INTO postal VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)", -1,
	                       &st.postal, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO meta VALUES ('source', ?1)", -1, &st.meta, NULL) !=
	            SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO chome VALUES (?1,?2,?3,?4)", -1, &st.chome, NULL) !=
	            SQLITE_OK) {
		fprintf(stderr, "postal-build: %s\n", sqlite3_errmsg(db));
		goto out;
	}
	data_file pf = {postal, header, postal_source, postal_row, &st};
	data_file cf = {chome, chome_header, NULL, chome_row, &st};
	if (read_data(&pf, rows) != 0 || read_data(&cf, towns) != 0)
		goto out;
	ret = 0;
out:
	sqlite3_finalize(st.postal);
	sqlite3_finalize(st.meta);
	sqlite3_finalize(st.chome);
	return ret;
}

int
main(int argc, char **argv)
{
	char tmp[4096], pragmas[160];
	sqlite3 *db = NULL;
	long rows = 0, towns = 0;
	int ret = 1;

	if (argc != 4) {
		fprintf(stderr, "usage: postal-build POSTAL.tsv.gz CHOME.tsv.gz OUT.db\n");
		return 2;
	}
	if (snprintf(tmp, sizeof tmp, "%s.tmp", argv[3]) >= (int)sizeof tmp) {
		fprintf(stderr, "postal-build: output path too long\n");
		return 2;
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
	    load(db, argv[1], argv[2], &rows, &towns) != 0 || exec(db, POSTAL_INDEX "COMMIT;") != 0)
		goto out;
	if (sqlite3_close(db) != SQLITE_OK) {
		fprintf(stderr, "postal-build: closing %s: %s\n", tmp, sqlite3_errmsg(db));
		goto out;
	}
	db = NULL;
	if (rename(tmp, argv[3]) != 0) {
		perror(argv[3]);
		goto out;
	}
	ret = 0;
out:
	if (db)
		sqlite3_close(db);
	if (ret != 0)
		remove(tmp);
	return ret;
}
