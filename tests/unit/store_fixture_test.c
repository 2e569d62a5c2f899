/* Helpers for the store tests; see store_fixture.h. No tests here. */
#include "tests/unit/store_fixture.h"
#include "tests/unit/test.h"

#include <ftw.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int
fx_setup(char *dir, char *db)
{
	snprintf(dir, PATH_MAX, "/tmp/yorisoi-store-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(db, PATH_MAX, "%s/drafts.db", dir);
	return 0;
}

static int
rm_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)type;
	(void)ftw;
	remove(path);
	return 0;
}

void
fx_cleanup(const char *dir)
{
	if (dir && strncmp(dir, "/tmp/yorisoi-store-", 19) == 0)
		nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void
print_diag(const form_diag *d, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "    %s:%d: %s\n", d->file, d->line, d->message);
}

form *
fx_form(void)
{
	char path[PATH_MAX];
	form *f = NULL;
	snprintf(path, sizeof path, "%s/forms/store_test.xml", test_data_dir());
	if (form_load(path, "forms", &f, print_diag, NULL) != 0)
		return NULL;
	return f;
}

int
fx_open(const char *db, store **s, store_error *err)
{
	store_options opt = {.busy_timeout_ms = 100};
	return store_open_with(db, &opt, s, err);
}

int
fx_sql(const char *db, const char *sql)
{
	sqlite3 *h = NULL;
	int rc = sqlite3_open(db, &h);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(h, sql, NULL, NULL, NULL);
	sqlite3_close(h);
	return rc;
}

long long
fx_sql_int(const char *db, const char *sql)
{
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;
	long long v = -1;
	if (sqlite3_open(db, &h) == SQLITE_OK &&
	    sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}

long
fx_sealed(const char *db, long long id, unsigned char *buf, size_t n)
{
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;
	long len = -1;
	if (sqlite3_open(db, &h) == SQLITE_OK &&
	    sqlite3_prepare_v2(h, "SELECT sealed FROM drafts WHERE id = ?", -1, &st, NULL) ==
	            SQLITE_OK &&
	    sqlite3_bind_int64(st, 1, id) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
	    (size_t)sqlite3_column_bytes(st, 0) <= n) {
		len = sqlite3_column_bytes(st, 0);
		memcpy(buf, sqlite3_column_blob(st, 0), (size_t)len);
	}
	sqlite3_finalize(st);
	sqlite3_close(h);
	return len;
}

int
fx_set_sealed(const char *db, long long id, const unsigned char *buf, size_t n)
{
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;
	int ok = sqlite3_open(db, &h) == SQLITE_OK &&
	         sqlite3_prepare_v2(h, "UPDATE drafts SET sealed = ? WHERE id = ?", -1, &st,
	                            NULL) == SQLITE_OK &&
	         sqlite3_bind_blob(st, 1, buf, (int)n, SQLITE_STATIC) == SQLITE_OK &&
	         sqlite3_bind_int64(st, 2, id) == SQLITE_OK && sqlite3_step(st) == SQLITE_DONE &&
	         sqlite3_changes(h) == 1;
	sqlite3_finalize(st);
	sqlite3_close(h);
	return ok ? 0 : -1;
}

/* memmem is a GNU extension; the build is plain XSI. */
static int
contains(const char *hay, size_t n, const void *needle, size_t m)
{
	for (size_t i = 0; m && i + m <= n; i++)
		if (memcmp(hay + i, needle, m) == 0)
			return 1;
	return 0;
}

int
fx_file_contains(const char *path, const void *needle, size_t n)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return -1;
	fseek(fp, 0, SEEK_END);
	long size = ftell(fp);
	rewind(fp);
	char *buf = malloc(size > 0 ? (size_t)size : 1);
	size_t got = buf ? fread(buf, 1, (size_t)size, fp) : 0;
	fclose(fp);
	int found = buf ? contains(buf, got, needle, n) : -1;
	free(buf);
	return found;
}
