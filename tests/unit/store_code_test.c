/* store: a draft only its resident can reopen (come-back code, card). */
#include "tests/unit/store_fixture.h"
#include "tests/unit/test.h"

#include <limits.h>
#include <string.h>

/* A protected draft with one answer saved, closed again: returns its id. */
static int64_t
protected_draft(const char *db, const char *code, const unsigned char *card)
{
	store *s = NULL;
	store_error err;
	int64_t id = 0;
	form *f = fx_form();
	if (!f || fx_open(db, &s, &err) != 0)
		return -1;
	answers *a = answers_new(f);
	answers_put(a, "copies", "2");
	if (store_draft_create(s, "store_test", 1, "ja", &id, &err) != 0 ||
	    store_draft_protect(s, id, code, card, &err) != 0 ||
	    store_draft_save(s, id, a, 3, &err) != 0)
		id = -1;
	answers_free(a);
	store_close(s);
	form_free(f);
	return id;
}

TEST(codes_use_the_alphabet_without_look_alikes)
{
	char code[STORE_CODE_LEN + 1], other[STORE_CODE_LEN + 1];
	store_code_new(code);
	store_code_new(other);
	CHECK(strlen(code) == STORE_CODE_LEN);
	CHECK(strspn(code, STORE_CODE_CHARS) == STORE_CODE_LEN);
	CHECK(strcmp(code, other) != 0);
	CHECK(strpbrk(STORE_CODE_CHARS, "0O1IL2Z5S8B") == NULL);
}

TEST(right_code_opens_wrong_code_costs_a_try_none_left_refuses)
{
	char dir[PATH_MAX], db[PATH_MAX];
	store *s = NULL;
	store_error err = {0};
	answers *back = NULL;
	int pos = -1, tries = -1;
	form *f = fx_form();

	REQUIRE(f);
	REQUIRE(fx_setup(dir, db) == 0);
	int64_t id = protected_draft(db, "ACDE-FG34", NULL);
	REQUIRE(id > 0);
	REQUIRE(fx_open(db, &s, &err) == 0);
	/* no code: the drafts list is there, the answers are not */
	CHECK(store_draft_protected(s, id, &err) == 1);
	CHECK(store_draft_load(s, id, f, &back, &pos, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_NEED_CODE);
	/* a wrong code costs one try */
	CHECK(store_draft_unlock(s, id, "ACDE-FG36", NULL, &tries, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_WRONG_CODE);
	CHECK_INT(tries, STORE_CODE_TRIES - 1);
	CHECK(store_draft_load(s, id, f, &back, &pos, &err) == -1);
	/* the right one, typed loosely */
	CHECK(store_draft_unlock(s, id, "acde fg34", NULL, &tries, &err) == 0);
	CHECK_INT(tries, STORE_CODE_TRIES);
	CHECK(store_draft_load(s, id, f, &back, &pos, &err) == 0);
	if (back)
		CHECK_STR(answers_get(back, "copies"), "2");
	CHECK_INT(pos, 3);
	answers_free(back);
	store_close(s);
	/* every try spent: not even the right code opens it */
	REQUIRE(fx_open(db, &s, &err) == 0);
	for (int i = 0; i < STORE_CODE_TRIES; i++)
		CHECK(store_draft_unlock(s, id, "XXXX-XXXX", NULL, &tries, &err) == -1);
	CHECK_INT(tries, 0);
	CHECK(store_draft_unlock(s, id, "ACDEFG34", NULL, &tries, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_NO_TRIES);
	store_close(s);
	form_free(f);
	fx_cleanup(dir);
}

TEST(the_same_card_opens_another_does_not_and_nothing_of_it_is_stored)
{
	char dir[PATH_MAX], db[PATH_MAX];
	store *s = NULL;
	store_error err = {0};
	unsigned char card[STORE_CARD_SECRET_BYTES], other[STORE_CARD_SECRET_BYTES];
	answers *back = NULL;
	form *f = fx_form();

	REQUIRE(f);
	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(fx_open(db, &s, &err) == 0);
	store_card_secret(s, "山田　花子", "19500401", card);
	store_card_secret(s, "山田　花子", "19500402", other);
	store_close(s);
	CHECK(memcmp(card, other, sizeof card) != 0);
	int64_t id = protected_draft(db, "ACDEFG34", card);
	REQUIRE(id > 0);
	REQUIRE(fx_open(db, &s, &err) == 0);
	CHECK(store_draft_unlock(s, id, NULL, other, NULL, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_WRONG_CODE);
	CHECK(store_draft_unlock(s, id, NULL, card, NULL, &err) == 0);
	CHECK(store_draft_load(s, id, f, &back, NULL, &err) == 0);
	answers_free(back);
	store_close(s);
	CHECK(fx_file_contains(db, "山田", strlen("山田")) == 0);
	CHECK(fx_file_contains(db, "19500401", 8) == 0);
	form_free(f);
	fx_cleanup(dir);
}

/* Drafts made before per-draft keys open as before. */
TEST(unprotected_drafts_need_no_code)
{
	char dir[PATH_MAX], db[PATH_MAX];
	store *s = NULL;
	store_error err = {0};
	int64_t id = 0;
	answers *back = NULL;
	form *f = fx_form();

	REQUIRE(f);
	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(fx_open(db, &s, &err) == 0);
	REQUIRE(store_draft_create(s, "store_test", 1, "ja", &id, &err) == 0);
	CHECK(store_draft_protected(s, id, &err) == 0);
	CHECK(store_draft_unlock(s, id, "ACDEFG34", NULL, NULL, &err) == 0);
	CHECK(store_draft_load(s, id, f, &back, NULL, &err) == 0);
	answers_free(back);
	store_close(s);
	form_free(f);
	fx_cleanup(dir);
}
