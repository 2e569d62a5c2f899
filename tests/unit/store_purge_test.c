/* store: expiry and purging, with a fake "now". */
#include "tests/unit/store_fixture.h"
#include "tests/unit/test.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

enum { DAY = 86400 };

/* Three drafts, last saved 20 days, exactly 14 days and 1 hour ago: with
 * 14-day expiry the first two go. */
TEST(purge_expired_by_age)
{
	char dir[PATH_MAX], db[PATH_MAX], sql[256];
	store *s = NULL;
	store_error err = {0};
	int64_t id[3];
	int deleted = -1;
	time_t now = 1800000000; /* 2027-01-15 */
	store_draft_info *list = NULL;
	size_t n = 0;

	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(fx_open(db, &s, &err) == 0);
	for (int i = 0; i < 3; i++)
		REQUIRE(store_draft_create(s, "store_test", 1, "ja", &id[i], &err) == 0);
	long long age[3] = {20LL * DAY, 14LL * DAY, 3600};
	for (int i = 0; i < 3; i++) {
		snprintf(sql, sizeof sql, "UPDATE drafts SET updated = %lld WHERE id = %lld",
		         (long long)now - age[i], (long long)id[i]);
		REQUIRE(fx_sql(db, sql) == 0);
	}
	CHECK(store_purge_expired(s, now, STORE_DEFAULT_EXPIRY_DAYS, &deleted, &err) == 0);
	CHECK_INT(deleted, 2);
	CHECK(store_draft_list(s, &list, &n, &err) == 0);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_INT(list[0].id, id[2]);
	free(list);
	/* A day later than the last one's expiry it goes too. */
	CHECK(store_purge_expired(s, now + 14 * DAY, 14, &deleted, &err) == 0);
	CHECK_INT(deleted, 1);
	store_close(s);
	fx_cleanup(dir);
}

/* Fresh drafts survive "now + 13 days" and go at "now + 15 days"; the
 * file is vacuumed, so no free pages keep old bytes. */
TEST(purge_with_fake_now)
{
	char dir[PATH_MAX], db[PATH_MAX];
	store *s = NULL;
	store_error err = {0};
	int64_t id;
	int deleted = -1;
	time_t now = time(NULL);

	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(fx_open(db, &s, &err) == 0);
	for (int i = 0; i < 40; i++)
		REQUIRE(store_draft_create(s, "store_test", 1, "ja", &id, &err) == 0);
	CHECK(store_purge_expired(s, now + 13 * DAY, 14, &deleted, &err) == 0);
	CHECK_INT(deleted, 0);
	CHECK(store_purge_expired(s, now + 15 * DAY, 14, NULL, &err) == 0);
	CHECK(store_purge_expired(s, now + 15 * DAY, 14, &deleted, &err) == 0);
	CHECK_INT(deleted, 0);
	CHECK_INT(fx_sql_int(db, "SELECT count(*) FROM drafts"), 0);
	CHECK_INT(fx_sql_int(db, "PRAGMA freelist_count"), 0);
	store_close(s);
	fx_cleanup(dir);
}

TEST(purge_all)
{
	char dir[PATH_MAX], db[PATH_MAX];
	store *s = NULL;
	store_error err = {0};
	int64_t id, last = 0;
	int deleted = -1;

	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(fx_open(db, &s, &err) == 0);
	for (int i = 0; i < 5; i++)
		REQUIRE(store_draft_create(s, "store_test", 1, "ja", &last, &err) == 0);
	CHECK(store_purge_all(s, &deleted, &err) == 0);
	CHECK_INT(deleted, 5);
	CHECK_INT(fx_sql_int(db, "SELECT count(*) FROM drafts"), 0);
	CHECK_INT(fx_sql_int(db, "PRAGMA freelist_count"), 0);
	CHECK(store_purge_all(s, &deleted, &err) == 0);
	CHECK_INT(deleted, 0);
	REQUIRE(store_draft_create(s, "store_test", 1, "ja", &id, &err) == 0);
	CHECK(id > last);
	store_close(s);
	fx_cleanup(dir);
}
