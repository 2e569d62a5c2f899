/* store: creating, saving, listing, loading and deleting drafts. */
#include "tests/unit/engine_fixture.h"
#include "tests/unit/store_fixture.h"
#include "tests/unit/test.h"

#include <limits.h>
#include <stdlib.h>

/* Saves Japanese text, closes, reopens and loads: every value and the
 * position come back, and the plain metadata is right. */
TEST(round_trip_japanese)
{
	char dir[PATH_MAX], db[PATH_MAX];
	store *s = NULL;
	store_error err = {0};
	answers *a = NULL, *b = NULL;
	int64_t id = 0;
	int pos = -1;
	form *f = fx_form();

	REQUIRE(f);
	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(fx_open(db, &s, &err) == 0);
	REQUIRE(store_draft_create(s, "store_test", 1, "vi", &id, &err) == 0);
	a = answers_new(f);
	CHECK_INT(answers_put(a, "name", "山田 花子（やまだ はなこ）"), ANSWER_OK);
	CHECK_INT(answers_put(a, "birth", "1950-04-01"), ANSWER_OK);
	CHECK_INT(answers_put(a, "copies", "2"), ANSWER_OK);
	CHECK(store_draft_save(s, id, a, 2, &err) == 0);
	store_close(s);
	s = NULL;

	REQUIRE(fx_open(db, &s, &err) == 0);
	CHECK(store_draft_load(s, id, f, &b, &pos, &err) == 0);
	if (b) {
		CHECK_STR(answers_get(b, "name"), "山田 花子（やまだ はなこ）");
		CHECK_STR(answers_get(b, "birth"), "1950-04-01");
		CHECK_STR(answers_get(b, "copies"), "2");
	}
	CHECK_INT(pos, 2);
	store_draft_info info;
	CHECK(store_draft_info_get(s, id, &info, &err) == 0);
	CHECK_STR(info.form_id, "store_test");
	CHECK_STR(info.lang, "vi");
	CHECK_INT(info.form_version, 1);
	CHECK_INT(info.answered, 3);
	CHECK_INT(info.position, 2);
	CHECK(info.updated >= info.created && info.created > 0);

	if (b)
		answers_free(b);
	answers_free(a);
	store_close(s);
	form_free(f);
	fx_cleanup(dir);
}

/* The latest save wins, position included; a cleared answer stays cleared. */
TEST(position_follows_saves)
{
	char dir[PATH_MAX], db[PATH_MAX];
	store *s = NULL;
	store_error err = {0};
	answers *a = NULL, *b = NULL;
	int64_t id = 0;
	int pos = -1;
	form *f = fx_form();

	REQUIRE(f);
	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(fx_open(db, &s, &err) == 0);
	REQUIRE(store_draft_create(s, "store_test", 1, "ja", &id, &err) == 0);
	a = answers_new(f);
	answers_put(a, "name", "佐藤");
	CHECK(store_draft_save(s, id, a, 1, &err) == 0);
	answers_put(a, "birth", "2000-01-31");
	answers_clear(a, "name");
	CHECK(store_draft_save(s, id, a, 2, &err) == 0);
	CHECK(store_draft_load(s, id, f, &b, &pos, &err) == 0);
	CHECK_INT(pos, 2);
	if (b) {
		CHECK(answers_get(b, "name") == NULL);
		CHECK_STR(answers_get(b, "birth"), "2000-01-31");
		answers_free(b);
	}
	answers_free(a);
	store_close(s);
	form_free(f);
	fx_cleanup(dir);
}

/* Most recently saved first, even within one second of the clock. */
TEST(list_most_recent_first)
{
	char dir[PATH_MAX], db[PATH_MAX];
	store *s = NULL;
	store_error err = {0};
	int64_t first = 0, second = 0, third = 0;
	store_draft_info *list = NULL;
	size_t n = 0;
	form *f = fx_form();

	REQUIRE(f);
	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(fx_open(db, &s, &err) == 0);
	CHECK(store_draft_create(s, "store_test", 1, "en", &first, &err) == 0);
	CHECK(store_draft_create(s, "store_test", 1, "ne", &second, &err) == 0);
	CHECK(store_draft_create(s, "other_form", 3, "zh-Hant", &third, &err) == 0);
	answers *a = answers_new(f);
	answers_put(a, "copies", "1");
	CHECK(store_draft_save(s, first, a, 0, &err) == 0);
	answers_free(a);

	REQUIRE(store_draft_list(s, &list, &n, &err) == 0);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_INT(list[0].id, first);
		CHECK_INT(list[1].id, third);
		CHECK_INT(list[2].id, second);
		CHECK_INT(list[0].answered, 1);
		CHECK_STR(list[1].form_id, "other_form");
		CHECK_STR(list[1].lang, "zh-Hant");
		CHECK_INT(list[1].form_version, 3);
	}
	free(list);
	store_close(s);
	form_free(f);
	fx_cleanup(dir);
}

/* A new draft has a seal over no answers: it loads, empty, at question 0. */
TEST(new_draft_loads_empty)
{
	char dir[PATH_MAX], db[PATH_MAX];
	store *s = NULL;
	store_error err = {0};
	answers *b = NULL;
	int64_t id = 0;
	int pos = -1;
	form *f = fx_form();

	REQUIRE(f);
	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(fx_open(db, &s, &err) == 0);
	REQUIRE(store_draft_create(s, "store_test", 1, "ja@easy", &id, &err) == 0);
	CHECK(store_draft_load(s, id, f, &b, &pos, &err) == 0);
	CHECK_INT(pos, 0);
	if (b) {
		CHECK(answers_get(b, "name") == NULL);
		answers_free(b);
	}
	store_close(s);
	form_free(f);
	fx_cleanup(dir);
}

/* A draft of another form neither loads into nor is overwritten by this
 * form's answers. */
TEST(wrong_form_refused)
{
	char dir[PATH_MAX], db[PATH_MAX];
	store *s = NULL;
	store_error err = {0};
	answers *b = NULL;
	int64_t id = 0;
	form *f = fx_form();

	REQUIRE(f);
	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(fx_open(db, &s, &err) == 0);
	REQUIRE(store_draft_create(s, "tenshutsu", 1, "ja", &id, &err) == 0);
	CHECK(store_draft_load(s, id, f, &b, NULL, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_NOT_FOUND);
	CHECK(b == NULL);
	answers *a = answers_new(f);
	answers_put(a, "name", "X");
	err.status = STORE_OK;
	CHECK(store_draft_save(s, id, a, 1, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_NOT_FOUND);
	store_draft_info info;
	CHECK(store_draft_info_get(s, id, &info, &err) == 0);
	CHECK_INT(info.answered, 0);
	answers_free(a);
	store_close(s);
	form_free(f);
	fx_cleanup(dir);
}

TEST(missing_draft_not_found)
{
	char dir[PATH_MAX], db[PATH_MAX];
	store *s = NULL;
	store_error err = {0};
	answers *b = NULL;
	store_draft_info info;
	form *f = fx_form();

	REQUIRE(f);
	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(fx_open(db, &s, &err) == 0);
	CHECK(store_draft_load(s, 999, f, &b, NULL, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_NOT_FOUND);
	err.status = STORE_OK;
	CHECK(store_draft_delete(s, 999, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_NOT_FOUND);
	err.status = STORE_OK;
	CHECK(store_draft_info_get(s, 999, &info, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_NOT_FOUND);
	answers *a = answers_new(f);
	err.status = STORE_OK;
	CHECK(store_draft_save(s, 999, a, 0, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_NOT_FOUND);
	answers_free(a);
	store_close(s);
	form_free(f);
	fx_cleanup(dir);
}

/* Deleting removes the draft; its id is never handed out again, so an old
 * copy of its row could not pass for a new draft. */
TEST(delete_and_ids_not_reused)
{
	char dir[PATH_MAX], db[PATH_MAX];
	store *s = NULL;
	store_error err = {0};
	int64_t id = 0, id2 = 0;
	store_draft_info *list = NULL;
	size_t n = 9;

	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(fx_open(db, &s, &err) == 0);
	REQUIRE(store_draft_create(s, "store_test", 1, "ja", &id, &err) == 0);
	CHECK(store_draft_delete(s, id, &err) == 0);
	CHECK(store_draft_list(s, &list, &n, &err) == 0);
	CHECK_INT(n, 0);
	free(list);
	REQUIRE(store_draft_create(s, "store_test", 1, "ja", &id2, &err) == 0);
	CHECK(id2 > id);
	store_close(s);
	fx_cleanup(dir);
}

/* Form ids and languages must fit and hold no control characters. */
TEST(create_refuses_bad_labels)
{
	char dir[PATH_MAX], db[PATH_MAX];
	store *s = NULL;
	store_error err = {0};
	int64_t id = 0;

	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(fx_open(db, &s, &err) == 0);
	CHECK(store_draft_create(s, "", 1, "ja", &id, &err) == -1);
	CHECK(store_draft_create(s, "a\nb", 1, "ja", &id, &err) == -1);
	CHECK(store_draft_create(s, "store_test", 1, "a-language-tag-too-long", &id, &err) == -1);
	store_close(s);
	fx_cleanup(dir);
}

/* A draft saved with an older version of its form opens with the newest:
 * its answers carried over (typed statuses become choices, or the other
 * choice with the text), and once saved it is a draft of the newest. */
TEST(older_version_draft_opens_with_the_newest)
{
	char dir[PATH_MAX], db[PATH_MAX];
	store *s = NULL;
	store_error err = {0};
	answers *a = NULL, *b = NULL;
	int64_t id = 0;
	form_set *set = engine_fixture_set("engine/versions");
	REQUIRE(set);
	const form *v1 = form_set_find_version(set, "visa", 1), *v3 = form_set_find(set, "visa");
	REQUIRE(v1 && v3 && form_version(v3) == 3);

	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(fx_open(db, &s, &err) == 0);
	REQUIRE(store_draft_create(s, "visa", 1, "en", &id, &err) == 0);
	a = answers_new(v1);
	CHECK_INT(answers_put(a, "name", "x"), ANSWER_OK);
	CHECK_INT(answers_repeat_add(a, "people"), 1);
	CHECK_INT(answers_put_at(a, "status", 0, "特定技能1号"), ANSWER_OK);
	CHECK_INT(answers_put_at(a, "status", 1, "育成就労"), ANSWER_OK);
	CHECK(store_draft_save(s, id, a, 3, &err) == 0);
	answers_free(a);

	CHECK(store_draft_load(s, id, v3, &b, NULL, &err) == 0);
	REQUIRE(b);
	CHECK_STR(answers_get_at(b, "status", 0), "skilled_1");
	CHECK_STR(answers_get_at(b, "status", 1), "other");
	CHECK_STR(answers_get_at(b, "status_other", 1), "育成就労");
	store_draft_info info;
	CHECK(store_draft_info_get(s, id, &info, &err) == 0);
	CHECK_INT(info.form_version, 1);
	CHECK(store_draft_save(s, id, b, 3, &err) == 0);
	CHECK(store_draft_info_get(s, id, &info, &err) == 0);
	CHECK_INT(info.form_version, 3);
	answers_free(b);
	/* saved as version 3, it loads as version 3 again */
	CHECK(store_draft_load(s, id, v3, &b, NULL, &err) == 0);
	if (b)
		CHECK_STR(answers_get_at(b, "status_other", 1), "育成就労");
	answers_free(b);
	store_close(s);
	form_set_free(set);
	fx_cleanup(dir);
}
