/* store: the failure paths, SQLite-style — bad paths, foreign files, bad
 * keys, a locked database, a killed process. */
#include "tests/unit/store_fixture.h"
#include "tests/unit/test.h"

#include <fcntl.h>
#include <string.h>
#include <sqlite3.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int
write_file(const char *path, const void *data, size_t n, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	if (fd < 0)
		return -1;
	int ok = write(fd, data, n) == (ssize_t)n;
	close(fd);
	return ok && chmod(path, mode) == 0 ? 0 : -1;
}

/* Makes a database holding one draft and returns 0. */
static int
make_db_with_draft(const char *db)
{
	store *s = NULL;
	store_error err = {0};
	int64_t id;
	if (fx_open(db, &s, &err) != 0)
		return -1;
	int rc = store_draft_create(s, "store_test", 1, "ja", &id, &err);
	store_close(s);
	return rc;
}

/* Tests run as root, where permissions do not bind: a regular file in the
 * middle of the path (ENOTDIR) and /proc still refuse. */
TEST(open_under_a_file_fails)
{
	char dir[PATH_MAX], db[PATH_MAX], bad[PATH_MAX + 32];
	store *s = NULL;
	store_error err = {0};

	REQUIRE(fx_setup(dir, db) == 0);
	snprintf(bad, sizeof bad, "%s/file", dir);
	REQUIRE(write_file(bad, "x", 1, 0600) == 0);
	snprintf(bad, sizeof bad, "%s/file/sub/drafts.db", dir);
	CHECK(fx_open(bad, &s, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_OPEN);
	CHECK(s == NULL);
	snprintf(bad, sizeof bad, "%s/file/drafts.db", dir);
	err.status = STORE_OK;
	CHECK(fx_open(bad, &s, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_OPEN);
	err.status = STORE_OK;
	CHECK(fx_open("/proc/yorisoi-no-such-dir/drafts.db", &s, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_OPEN);
	err.status = STORE_OK;
	CHECK(fx_open("/proc/version", &s, &err) == -1); /* exists, not writable */
	CHECK(err.status == STORE_ERR_OPEN || err.status == STORE_ERR_CORRUPT);
	err.status = STORE_OK;
	CHECK(fx_open(dir, &s, &err) == -1); /* a folder */
	CHECK_INT(err.status, STORE_ERR_OPEN);
	fx_cleanup(dir);
}

TEST(text_file_is_damaged)
{
	char dir[PATH_MAX], db[PATH_MAX], text[2048];
	store *s = NULL;
	store_error err = {0};

	REQUIRE(fx_setup(dir, db) == 0);
	for (size_t i = 0; i < sizeof text; i++)
		text[i] = "Not a database, just a letter.\n"[i % 31];
	REQUIRE(write_file(db, text, sizeof text, 0600) == 0);
	CHECK(fx_open(db, &s, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_DAMAGED);
	fx_cleanup(dir);
}

/* A page overwritten in the middle, and a file cut short (even to 0 bytes
 * while its key is there): damaged, found at open before anything is
 * written, and moved aside whole with its key, never overwritten. */
TEST(damaged_files_are_found_and_moved_aside)
{
	char dir[PATH_MAX], db[PATH_MAX], moved[PATH_MAX + 64], path[PATH_MAX + 80];
	store *s = NULL;
	store_error err = {0};
	struct stat st;

	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(make_db_with_draft(db) == 0);
	/* grow the file so there is a middle page to break */
	REQUIRE(fx_sql(db, "CREATE TABLE pad(x); INSERT INTO pad SELECT randomblob(900) FROM "
	                   "(WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c "
	                   "WHERE i < 40) SELECT i FROM c)") == 0);
	REQUIRE(stat(db, &st) == 0 && st.st_size > 8 * 4096);
	FILE *f = fopen(db, "r+b");
	REQUIRE(f);
	char junk[4096];
	memset(junk, 0x5A, sizeof junk);
	REQUIRE(fseek(f, (long)(st.st_size / 4096 / 2) * 4096, SEEK_SET) == 0);
	REQUIRE(fwrite(junk, 1, sizeof junk, f) == sizeof junk);
	fclose(f);
	off_t before = st.st_size;
	CHECK(fx_open(db, &s, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_DAMAGED);
	CHECK(stat(db, &st) == 0 && st.st_size == before); /* nothing written into it */
	CHECK(store_set_aside(db, moved, sizeof moved, &err) == 0);
	CHECK(strstr(moved, ".damaged-") != NULL);
	CHECK(access(db, F_OK) != 0);
	CHECK(stat(moved, &st) == 0 && st.st_size == before);
	snprintf(path, sizeof path, "%s.key", moved);
	CHECK(access(path, F_OK) == 0); /* the key went with it */
	/* a fresh file opens at the old name */
	CHECK(fx_open(db, &s, &err) == 0);
	store_close(s);
	s = NULL;

	/* cut to 0 bytes while the key is there */
	REQUIRE(truncate(db, 0) == 0);
	CHECK(fx_open(db, &s, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_DAMAGED);
	char moved2[PATH_MAX + 64];
	CHECK(store_set_aside(db, moved2, sizeof moved2, &err) == 0);
	CHECK(strcmp(moved, moved2) != 0); /* a second name, never over the first */
	CHECK(access(moved, F_OK) == 0);
	CHECK(access(moved2, F_OK) == 0);

	/* cut to half its size */
	REQUIRE(make_db_with_draft(db) == 0);
	REQUIRE(fx_sql(db, "CREATE TABLE pad(x); INSERT INTO pad SELECT randomblob(900) FROM "
	                   "(WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c "
	                   "WHERE i < 40) SELECT i FROM c)") == 0);
	REQUIRE(stat(db, &st) == 0);
	REQUIRE(truncate(db, st.st_size / 2) == 0);
	CHECK(fx_open(db, &s, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_DAMAGED);
	fx_cleanup(dir);
}

/* Some other program's SQLite file: refused, and left untouched. */
TEST(foreign_database_is_corrupt)
{
	char dir[PATH_MAX], db[PATH_MAX];
	store *s = NULL;
	store_error err = {0};

	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(fx_sql(db, "CREATE TABLE notes(t TEXT); INSERT INTO notes VALUES('keep')") == 0);
	CHECK(fx_open(db, &s, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_CORRUPT);
	CHECK_INT(fx_sql_int(db, "SELECT count(*) FROM notes"), 1);
	CHECK_INT(fx_sql_int(db, "SELECT count(*) FROM sqlite_schema"), 1);
	fx_cleanup(dir);
}

TEST(newer_schema_is_refused)
{
	char dir[PATH_MAX], db[PATH_MAX];
	store *s = NULL;
	store_error err = {0};

	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(make_db_with_draft(db) == 0);
	REQUIRE(fx_sql(db, "PRAGMA user_version = 99") == 0);
	CHECK(fx_open(db, &s, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_CORRUPT);
	fx_cleanup(dir);
}

TEST(short_key_file)
{
	char dir[PATH_MAX], db[PATH_MAX], key[PATH_MAX + 8];
	store *s = NULL;
	store_error err = {0};

	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(make_db_with_draft(db) == 0);
	snprintf(key, sizeof key, "%s.key", db);
	REQUIRE(write_file(key, "0123456789", 10, 0600) == 0);
	CHECK(fx_open(db, &s, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_KEY);
	fx_cleanup(dir);
}

/* 32 bytes, but not the key the drafts were sealed with. */
TEST(wrong_key_file)
{
	char dir[PATH_MAX], db[PATH_MAX], key[PATH_MAX + 8];
	unsigned char other[32];
	store *s = NULL;
	store_error err = {0};

	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(make_db_with_draft(db) == 0);
	snprintf(key, sizeof key, "%s.key", db);
	for (int i = 0; i < 32; i++)
		other[i] = (unsigned char)(i * 7 + 1);
	REQUIRE(write_file(key, other, sizeof other, 0600) == 0);
	CHECK(fx_open(db, &s, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_KEY);
	fx_cleanup(dir);
}

/* A missing key is an error while drafts need it; with no drafts left a
 * new key is simply made. */
TEST(missing_key_file)
{
	char dir[PATH_MAX], db[PATH_MAX], key[PATH_MAX + 8];
	store *s = NULL;
	store_error err = {0};

	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(make_db_with_draft(db) == 0);
	snprintf(key, sizeof key, "%s.key", db);
	REQUIRE(unlink(key) == 0);
	CHECK(fx_open(db, &s, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_KEY);
	CHECK(access(key, F_OK) != 0); /* not silently replaced */
	REQUIRE(fx_sql(db, "DELETE FROM drafts") == 0);
	CHECK(fx_open(db, &s, &err) == 0);
	store_close(s);
	CHECK(access(key, F_OK) == 0);
	fx_cleanup(dir);
}

TEST(key_readable_by_others)
{
	char dir[PATH_MAX], db[PATH_MAX], key[PATH_MAX + 8];
	store *s = NULL;
	store_error err = {0};

	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(make_db_with_draft(db) == 0);
	snprintf(key, sizeof key, "%s.key", db);
	REQUIRE(chmod(key, 0644) == 0);
	CHECK(fx_open(db, &s, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_KEY);
	fx_cleanup(dir);
}

static double
seconds_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Another connection holds an EXCLUSIVE transaction: saving and opening
 * give STORE_ERR_LOCKED once the (short) busy timeout has passed, and work
 * again when the lock is gone. */
TEST(locked_database)
{
	char dir[PATH_MAX], db[PATH_MAX];
	store *s = NULL, *s2 = NULL;
	store_error err = {0};
	sqlite3 *other = NULL;
	struct timespec t0;
	int64_t id = 0;
	form *f = fx_form();

	REQUIRE(f);
	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(fx_open(db, &s, &err) == 0);
	REQUIRE(store_draft_create(s, "store_test", 1, "ja", &id, &err) == 0);
	REQUIRE(sqlite3_open(db, &other) == SQLITE_OK);
	REQUIRE(sqlite3_exec(other, "BEGIN EXCLUSIVE", NULL, NULL, NULL) == SQLITE_OK);

	answers *a = answers_new(f);
	answers_put(a, "name", "待つ人");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CHECK(store_draft_save(s, id, a, 1, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_LOCKED);
	CHECK(seconds_since(&t0) < 3.0);
	err.status = STORE_OK;
	CHECK(fx_open(db, &s2, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_LOCKED);
	int64_t id2;
	err.status = STORE_OK;
	CHECK(store_draft_create(s, "store_test", 1, "ja", &id2, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_LOCKED);

	sqlite3_exec(other, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(other);
	CHECK(store_draft_save(s, id, a, 1, &err) == 0);
	answers_free(a);
	store_close(s);
	form_free(f);
	fx_cleanup(dir);
}

/* A second handle opened while the first is still open (as after a crash
 * that left no chance to close) sees every committed save. */
TEST(second_handle_sees_commits)
{
	char dir[PATH_MAX], db[PATH_MAX];
	store *s = NULL, *s2 = NULL;
	store_error err = {0};
	answers *b = NULL;
	int64_t id = 0;
	int pos = -1;
	form *f = fx_form();

	REQUIRE(f);
	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(fx_open(db, &s, &err) == 0);
	REQUIRE(store_draft_create(s, "store_test", 1, "ja", &id, &err) == 0);
	answers *a = answers_new(f);
	answers_put(a, "name", "途中 保存");
	CHECK(store_draft_save(s, id, a, 1, &err) == 0);
	REQUIRE(fx_open(db, &s2, &err) == 0);
	CHECK(store_draft_load(s2, id, f, &b, &pos, &err) == 0);
	CHECK_INT(pos, 1);
	if (b) {
		CHECK_STR(answers_get(b, "name"), "途中 保存");
		answers_free(b);
	}
	answers_free(a);
	store_close(s2);
	store_close(s);
	form_free(f);
	fx_cleanup(dir);
}

/* The real thing: a child process saves and is killed with SIGKILL before
 * it can close anything; the parent finds the save. */
TEST(killed_process_keeps_saves)
{
	char dir[PATH_MAX], db[PATH_MAX];
	store *s = NULL;
	store_error err = {0};
	answers *b = NULL;
	store_draft_info *list = NULL;
	size_t n = 0;
	int pos = -1, status = 0;
	form *f = fx_form();

	REQUIRE(f);
	REQUIRE(fx_setup(dir, db) == 0);
	fflush(NULL);
	pid_t pid = fork();
	REQUIRE(pid >= 0);
	if (pid == 0) {
		int64_t id;
		answers *a = answers_new(f);
		answers_put(a, "name", "強制 終了");
		if (fx_open(db, &s, &err) == 0 &&
		    store_draft_create(s, "store_test", 1, "ja", &id, &err) == 0 &&
		    store_draft_save(s, id, a, 2, &err) == 0)
			raise(SIGKILL);
		_exit(1);
	}
	REQUIRE(waitpid(pid, &status, 0) == pid);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	REQUIRE(fx_open(db, &s, &err) == 0);
	CHECK(store_draft_list(s, &list, &n, &err) == 0);
	CHECK_INT(n, 1);
	if (n == 1 && store_draft_load(s, list[0].id, f, &b, &pos, &err) == 0) {
		CHECK_STR(answers_get(b, "name"), "強制 終了");
		CHECK_INT(pos, 2);
		answers_free(b);
	} else {
		CHECK(!"the killed child's draft loads");
	}
	free(list);
	store_close(s);
	form_free(f);
	fx_cleanup(dir);
}

/* Opened without its key (the key is lost): the metadata still lists and
 * purges, nothing decrypts or is written sealed; after a purge the store
 * opens normally again with a new key. */
TEST(without_key_lists_and_purges)
{
	char dir[PATH_MAX], db[PATH_MAX], key[PATH_MAX + 8];
	store *s = NULL;
	store_error err = {0};
	store_options opt = {.busy_timeout_ms = 100, .without_key = true};
	store_draft_info *list = NULL;
	size_t n = 0;
	answers *b = NULL;
	int64_t id = 0;
	int deleted = -1;
	form *f = fx_form();

	REQUIRE(f);
	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(make_db_with_draft(db) == 0);
	snprintf(key, sizeof key, "%s.key", db);
	REQUIRE(unlink(key) == 0);
	REQUIRE(store_open_with(db, &opt, &s, &err) == 0);
	CHECK(access(key, F_OK) != 0);
	CHECK(store_draft_list(s, &list, &n, &err) == 0);
	CHECK_INT(n, 1);
	if (n == 1) {
		CHECK(store_draft_load(s, list[0].id, f, &b, NULL, &err) == -1);
		CHECK_INT(err.status, STORE_ERR_KEY);
	}
	free(list);
	err.status = STORE_OK;
	CHECK(store_draft_create(s, "store_test", 1, "ja", &id, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_KEY);
	CHECK(store_purge_all(s, &deleted, &err) == 0);
	CHECK_INT(deleted, 1);
	store_close(s);
	s = NULL;
	CHECK(fx_open(db, &s, &err) == 0);
	if (s)
		CHECK(store_draft_create(s, "store_test", 1, "ja", &id, &err) == 0);
	store_close(s);
	form_free(f);
	fx_cleanup(dir);
}
