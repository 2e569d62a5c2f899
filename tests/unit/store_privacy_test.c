/* store: what is on the disk — no plaintext, tight modes, seals that
 * notice tampering and moved rows, deleted rows wiped. */
#include "tests/unit/store_fixture.h"
#include "tests/unit/test.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static const char distinctive_ja[] = "寄添太郎ヨリソイタロウ";
static const char distinctive_en[] = "Zyxwvut Qwertyson";

/* Creates a draft with the distinctive answers and saves it; returns its
 * id, or 0. */
static int64_t
save_distinctive(store *s, const form *f)
{
	store_error err = {0};
	int64_t id = 0;
	answers *a = answers_new(f);
	answers_put(a, "name", distinctive_ja);
	answers_put(a, "birth", "1961-07-12");
	if (store_draft_create(s, "store_test", 1, "ja", &id, &err) != 0 ||
	    store_draft_save(s, id, a, 1, &err) != 0)
		id = 0;
	answers_put(a, "name", distinctive_en);
	int64_t id2 = 0;
	if (store_draft_create(s, "store_test", 1, "en", &id2, &err) != 0 ||
	    store_draft_save(s, id2, a, 1, &err) != 0)
		id = 0;
	answers_free(a);
	return id;
}

/* The raw bytes of the database hold neither the Japanese nor the Latin
 * name, nor the birth date. */
TEST(file_has_no_plaintext)
{
	char dir[PATH_MAX], db[PATH_MAX], journal[PATH_MAX + 16];
	store *s = NULL;
	store_error err = {0};
	form *f = fx_form();

	REQUIRE(f);
	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(fx_open(db, &s, &err) == 0);
	CHECK(save_distinctive(s, f) != 0);
	/* Still open: what a thief copying the file mid-session would get. */
	CHECK_INT(fx_file_contains(db, distinctive_ja, sizeof distinctive_ja - 1), 0);
	CHECK_INT(fx_file_contains(db, distinctive_en, sizeof distinctive_en - 1), 0);
	CHECK_INT(fx_file_contains(db, "1961-07-12", 10), 0);
	/* The metadata is plain, as documented: the test can see a hit. */
	CHECK_INT(fx_file_contains(db, "store_test", 10), 1);
	store_close(s);
	CHECK_INT(fx_file_contains(db, distinctive_ja, sizeof distinctive_ja - 1), 0);
	snprintf(journal, sizeof journal, "%s-journal", db);
	CHECK(access(journal, F_OK) != 0); /* DELETE mode leaves no journal */
	form_free(f);
	fx_cleanup(dir);
}

/* The database and its key are 0600 whatever the umask. (The console
 * makes their folder 0700: tui_paths_test.c.) */
TEST(file_modes)
{
	char dir[PATH_MAX], db[PATH_MAX], key[PATH_MAX + 8];
	store *s = NULL;
	store_error err = {0};
	struct stat st;

	REQUIRE(fx_setup(dir, db) == 0);
	mode_t old = umask(0);
	int rc = fx_open(db, &s, &err);
	umask(old);
	REQUIRE(rc == 0);
	store_close(s);
	snprintf(key, sizeof key, "%s.key", db);
	CHECK(stat(db, &st) == 0 && (st.st_mode & 0777) == 0600);
	CHECK(stat(key, &st) == 0 && (st.st_mode & 0777) == 0600 && st.st_size == 32);
	fx_cleanup(dir);
}

/* One flipped bit in the ciphertext: the draft no longer loads. */
TEST(tampered_ciphertext_is_corrupt)
{
	char dir[PATH_MAX], db[PATH_MAX];
	store *s = NULL;
	store_error err = {0};
	unsigned char blob[4096];
	answers *b = NULL;
	form *f = fx_form();

	REQUIRE(f);
	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(fx_open(db, &s, &err) == 0);
	int64_t id = save_distinctive(s, f);
	REQUIRE(id != 0);
	long n = fx_sealed(db, id, blob, sizeof blob);
	REQUIRE(n > 20);
	blob[n / 2] ^= 0x01;
	REQUIRE(fx_set_sealed(db, id, blob, (size_t)n) == 0);
	CHECK(store_draft_load(s, id, f, &b, NULL, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_CORRUPT);
	CHECK(b == NULL);
	store_close(s);
	form_free(f);
	fx_cleanup(dir);
}

/* Swapping the sealed answers (and nonces) of two drafts of the same form
 * is noticed: the seal is bound to the draft id. */
TEST(swapped_rows_are_corrupt)
{
	char dir[PATH_MAX], db[PATH_MAX];
	store *s = NULL;
	store_error err = {0};
	answers *b = NULL;
	form *f = fx_form();

	REQUIRE(f);
	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(fx_open(db, &s, &err) == 0);
	int64_t id = save_distinctive(s, f); /* drafts id and id + 1 */
	REQUIRE(id != 0);
	char sql[512];
	snprintf(sql, sizeof sql,
	         "CREATE TEMP TABLE old AS SELECT id, nonce, sealed FROM drafts;"
	         "UPDATE drafts SET (nonce, sealed) = (SELECT nonce, sealed FROM old"
	         " WHERE old.id = %lld + %lld - drafts.id) WHERE id IN (%lld, %lld)",
	         (long long)id, (long long)id + 1, (long long)id, (long long)id + 1);
	REQUIRE(fx_sql(db, sql) == 0);
	CHECK(store_draft_load(s, id, f, &b, NULL, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_CORRUPT);
	err.status = STORE_OK;
	CHECK(store_draft_load(s, id + 1, f, &b, NULL, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_CORRUPT);
	/* Relabelling the form version is noticed too. */
	snprintf(sql, sizeof sql, "UPDATE drafts SET form_version = 2 WHERE id = %lld",
	         (long long)id);
	REQUIRE(fx_sql(db, sql) == 0);
	err.status = STORE_OK;
	CHECK(store_draft_load(s, id, f, &b, NULL, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_CORRUPT);
	store_close(s);
	form_free(f);
	fx_cleanup(dir);
}

/* secure_delete: a deleted draft's bytes are gone from the file at once,
 * before any VACUUM. Without the pragma SQLite leaves them in the page. */
TEST(secure_delete_wipes_rows)
{
	char dir[PATH_MAX], db[PATH_MAX];
	store *s = NULL;
	store_error err = {0};
	unsigned char blob[4096];
	form *f = fx_form();

	REQUIRE(f);
	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(fx_open(db, &s, &err) == 0);
	int64_t id = save_distinctive(s, f);
	REQUIRE(id != 0);
	long n = fx_sealed(db, id, blob, sizeof blob);
	REQUIRE(n > 40);
	CHECK_INT(fx_file_contains(db, blob, (size_t)n), 1); /* the probe works */
	CHECK(store_draft_delete(s, id, &err) == 0);
	CHECK_INT(fx_file_contains(db, blob, (size_t)n), 0);
	CHECK_INT(fx_file_contains(db, blob + n - 32, 32), 0);
	store_close(s);
	form_free(f);
	fx_cleanup(dir);
}
