/* store: the statistics file (counts per day, applications) and its
 * median and 90th percentile. */
#include "tests/unit/store_fixture.h"
#include "tests/unit/test.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

TEST(stats_median_odd_even_and_empty)
{
	int none[1] = {0};
	CHECK(store_stats_median(none, 0) == 0);
	int one[] = {42};
	CHECK(store_stats_median(one, 1) == 42);
	int odd[] = {300, 60, 120}; /* unsorted on purpose */
	CHECK(store_stats_median(odd, 3) == 120);
	int even[] = {400, 100, 200, 300};
	CHECK(store_stats_median(even, 4) == 250);
	int half[] = {1, 2};
	CHECK(store_stats_median(half, 2) == 1.5);
}

/* Nearest rank: ceil(0.9 n), always a measured value. */
TEST(stats_p90_nearest_rank)
{
	int none[1] = {0};
	CHECK_INT(store_stats_p90(none, 0), 0);
	int one[] = {7};
	CHECK_INT(store_stats_p90(one, 1), 7);
	int ten[] = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
	CHECK_INT(store_stats_p90(ten, 10), 9); /* rank 9 */
	int eleven[] = {11, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
	CHECK_INT(store_stats_p90(eleven, 11), 10); /* rank ceil(9.9) = 10 */
	int five[] = {300, 240, 600, 180, 420};
	CHECK_INT(store_stats_p90(five, 5), 600); /* rank ceil(4.5) = 5 */
	int two[] = {100, 50};
	CHECK_INT(store_stats_p90(two, 2), 100); /* rank ceil(1.8) = 2 */
}

/* stats.db beside the drafts file of the fixture folder. */
static int
open_stats(char *dir, char *path, store_stats **st, store_error *err)
{
	if (fx_setup(dir, path) != 0)
		return -1;
	strcpy(strrchr(path, '/'), "/stats.db"); /* shorter than "/drafts.db" */
	return store_stats_open(path, st, err);
}

TEST(stats_counts_add_up_per_day_and_range)
{
	char dir[PATH_MAX], path[PATH_MAX];
	store_stats *st = NULL;
	store_error err = {0};
	long total = -1;
	REQUIRE(open_stats(dir, path, &st, &err) == 0);
	CHECK(store_stats_count(st, "2026-04-01", STORE_STATS_VISITS, 1, &err) == 0);
	CHECK(store_stats_count(st, "2026-04-01", STORE_STATS_VISITS, 1, &err) == 0);
	CHECK(store_stats_count(st, "2026-04-02", STORE_STATS_VISITS, 3, &err) == 0);
	CHECK(store_stats_count(st, "2026-05-01", STORE_STATS_VISITS, 5, &err) == 0);
	CHECK(store_stats_count(st, "2026-04-01", STORE_STATS_CARD_READS, 1, &err) == 0);
	CHECK(store_stats_total(st, "2026-04-01", "2026-04-01", STORE_STATS_VISITS, &total, &err) ==
	      0);
	CHECK_INT(total, 2);
	CHECK(store_stats_total(st, "2026-04-01", "2026-04-30", STORE_STATS_VISITS, &total, &err) ==
	      0);
	CHECK_INT(total, 5);
	CHECK(store_stats_total(st, "2026-04-01", "2026-04-30", STORE_STATS_CARD_READS, &total,
	                        &err) == 0);
	CHECK_INT(total, 1);
	CHECK(store_stats_total(st, "2026-06-01", "2026-06-30", STORE_STATS_VISITS, &total, &err) ==
	      0);
	CHECK_INT(total, 0);
	store_stats_close(st);
	/* the numbers are kept: a new handle reads them */
	REQUIRE(store_stats_open(path, &st, &err) == 0);
	CHECK(store_stats_total(st, "2026-01-01", "2026-12-31", STORE_STATS_VISITS, &total, &err) ==
	      0);
	CHECK_INT(total, 10);
	store_stats_close(st);
	fx_cleanup(dir);
}

TEST(stats_applications_round_trip)
{
	char dir[PATH_MAX], path[PATH_MAX];
	store_stats *st = NULL;
	store_error err = {0};
	REQUIRE(open_stats(dir, path, &st, &err) == 0);
	store_stats_application done = {.day = "2026-04-01",
	                                .form_id = "juminhyo",
	                                .lang = "vi",
	                                .completed = true,
	                                .handed_off = true,
	                                .seconds = 240,
	                                .keystrokes = 31,
	                                .stopped_at = "phone"}; /* dropped: it was completed */
	store_stats_application stopped = {.day = "2026-04-01",
	                                   .form_id = "juminhyo",
	                                   .lang = "en",
	                                   .resumed = true,
	                                   .seconds = 90,
	                                   .keystrokes = 7,
	                                   .stopped_at = "phone"};
	store_stats_application other_day = done;
	memcpy(other_day.day, "2026-04-03", 11);
	CHECK(store_stats_add_application(st, &done, &err) == 0);
	CHECK(store_stats_add_application(st, &stopped, &err) == 0);
	CHECK(store_stats_add_application(st, &other_day, &err) == 0);

	store_stats_application *list = NULL;
	size_t n = 0;
	CHECK(store_stats_applications(st, "2026-04-01", "2026-04-02", &list, &n, &err) == 0);
	REQUIRE(n == 2);
	/* by form id, then language */
	CHECK_STR(list[0].lang, "en");
	CHECK(list[0].resumed && !list[0].completed && !list[0].handed_off);
	CHECK_INT(list[0].seconds, 90);
	CHECK_INT(list[0].keystrokes, 7);
	CHECK_STR(list[0].stopped_at, "phone");
	CHECK_STR(list[1].lang, "vi");
	CHECK(!list[1].resumed && list[1].completed && list[1].handed_off);
	CHECK_INT(list[1].seconds, 240);
	CHECK_INT(list[1].keystrokes, 31);
	CHECK_STR(list[1].stopped_at, "");
	CHECK_STR(list[1].day, "2026-04-01");
	free(list);
	CHECK(store_stats_applications(st, "2027-01-01", "2027-01-31", &list, &n, &err) == 0);
	CHECK(n == 0 && list == NULL);
	store_stats_close(st);
	fx_cleanup(dir);
}

/* The rows' ids are random: the file does not keep the order in which the
 * day's visits came (an order a camera's footage could be matched to). */
TEST(stats_rows_do_not_keep_the_order_of_visits)
{
	char dir[PATH_MAX], path[PATH_MAX];
	store_stats *st = NULL;
	store_error err = {0};
	REQUIRE(open_stats(dir, path, &st, &err) == 0);
	store_stats_application r = {.day = "2026-04-01", .form_id = "tennyu", .lang = "ja"};
	for (int k = 0; k < 20; k++)
		CHECK(store_stats_add_application(st, &r, &err) == 0);
	store_stats_close(st);
	CHECK_INT(fx_sql_int(path, "SELECT count(*) FROM application"), 20);
	CHECK_INT(fx_sql_int(path, "SELECT count(*) FROM application WHERE id <= 1000"), 0);
	fx_cleanup(dir);
}

/* Purging every draft leaves the statistics file as it was. */
TEST(stats_survive_purging_drafts)
{
	char dir[PATH_MAX], path[PATH_MAX], db[PATH_MAX + 8];
	store_stats *st = NULL;
	store *s = NULL;
	store_error err = {0};
	int64_t id;
	long total = -1;
	REQUIRE(open_stats(dir, path, &st, &err) == 0);
	memcpy(db, path, sizeof path);
	strcpy(strrchr(db, '/'), "/drafts.db");
	REQUIRE(fx_open(db, &s, &err) == 0);
	REQUIRE(store_draft_create(s, "store_test", 1, "ja", &id, &err) == 0);
	CHECK(store_stats_count(st, "2026-04-01", STORE_STATS_VISITS, 1, &err) == 0);
	CHECK(store_purge_all(s, NULL, &err) == 0);
	CHECK(store_purge_expired(s, time(NULL) + 400 * 86400, 14, NULL, &err) == 0);
	CHECK(store_stats_total(st, "2026-04-01", "2026-04-01", STORE_STATS_VISITS, &total, &err) ==
	      0);
	CHECK_INT(total, 1);
	store_close(s);
	store_stats_close(st);
	fx_cleanup(dir);
}

TEST(stats_open_fails_on_a_bad_path)
{
	store_stats *st = (store_stats *)1;
	store_error err = {0};
	CHECK(store_stats_open("/nonexistent-folder/x/stats.db", &st, &err) != 0);
	CHECK(st == NULL);
	CHECK(err.status == STORE_ERR_OPEN);
}

/* A drafts file (or any other database) is not taken for a statistics file. */
TEST(stats_refuse_a_drafts_file)
{
	char dir[PATH_MAX], db[PATH_MAX];
	store *s = NULL;
	store_stats *st = NULL;
	store_error err = {0};
	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(fx_open(db, &s, &err) == 0);
	store_close(s);
	CHECK(store_stats_open(db, &st, &err) != 0);
	CHECK(st == NULL);
	CHECK(err.status == STORE_ERR_CORRUPT);
	CHECK_INT(fx_sql_int(db, "SELECT count(*) FROM sqlite_master WHERE name = 'tally'"), 0);
	fx_cleanup(dir);
}
