/* store: one console per draft (store_draft_lease) and no silent
 * overwrite behind it (STORE_ERR_CONFLICT). */
#include "tests/unit/store_fixture.h"
#include "tests/unit/test.h"

#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

TEST(a_draft_is_open_in_one_handle_at_a_time)
{
	char dir[PATH_MAX], db[PATH_MAX];
	store *s1 = NULL, *s2 = NULL;
	store_error err = {0};
	int64_t id = 0, other = 0;

	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(fx_open(db, &s1, &err) == 0);
	REQUIRE(fx_open(db, &s2, &err) == 0);
	REQUIRE(store_draft_create(s1, "store_test", 1, "ja", &id, &err) == 0);
	REQUIRE(store_draft_create(s1, "store_test", 1, "ja", &other, &err) == 0);
	CHECK(store_draft_lease(s1, id, &err) == 0);
	CHECK(store_draft_lease(s1, id, &err) == 0); /* again: already ours */
	err.status = STORE_OK;
	CHECK(store_draft_lease(s2, id, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_IN_USE);
	CHECK(store_draft_lease(s2, other, &err) == 0); /* another draft is free */
	store_draft_release(s1);
	CHECK(store_draft_lease(s2, id, &err) == 0); /* given back: s2 may take it */
	err.status = STORE_OK;
	CHECK(store_draft_lease(s1, id, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_IN_USE);
	store_close(s2); /* closing the handle gives its lease back */
	CHECK(store_draft_lease(s1, id, &err) == 0);
	store_close(s1);
	fx_cleanup(dir);
}

/* The lease dies with its process, however it dies. */
TEST(a_killed_process_holds_nothing)
{
	char dir[PATH_MAX], db[PATH_MAX];
	store *s = NULL;
	store_error err = {0};
	int64_t id = 0;
	int ready[2];

	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(fx_open(db, &s, &err) == 0);
	REQUIRE(store_draft_create(s, "store_test", 1, "ja", &id, &err) == 0);
	REQUIRE(pipe(ready) == 0);
	pid_t pid = fork();
	REQUIRE(pid >= 0);
	if (pid == 0) {
		store *c = NULL;
		store_error e;
		if (fx_open(db, &c, &e) != 0 || store_draft_lease(c, id, &e) != 0)
			_exit(1);
		if (write(ready[1], "x", 1) != 1)
			_exit(1);
		pause(); /* holds the lease until killed */
		_exit(0);
	}
	char x;
	CHECK(read(ready[0], &x, 1) == 1);
	err.status = STORE_OK;
	CHECK(store_draft_lease(s, id, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_IN_USE);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	CHECK(store_draft_lease(s, id, &err) == 0);
	close(ready[0]);
	close(ready[1]);
	store_close(s);
	fx_cleanup(dir);
}

/* Behind the lease: a handle that leased a draft never writes over
 * answers someone else saved since. */
TEST(a_save_never_writes_over_another_save)
{
	char dir[PATH_MAX], db[PATH_MAX];
	store *s1 = NULL, *s2 = NULL;
	store_error err = {0};
	int64_t id = 0;
	form *f = fx_form();

	REQUIRE(f);
	REQUIRE(fx_setup(dir, db) == 0);
	REQUIRE(fx_open(db, &s1, &err) == 0);
	REQUIRE(fx_open(db, &s2, &err) == 0);
	REQUIRE(store_draft_create(s1, "store_test", 1, "ja", &id, &err) == 0);
	REQUIRE(store_draft_lease(s1, id, &err) == 0);
	answers *a = answers_new(f), *b = answers_new(f), *back = NULL;
	CHECK_INT(answers_put(a, "copies", "1"), ANSWER_OK);
	CHECK_INT(answers_put(b, "copies", "3"), ANSWER_OK);
	CHECK(store_draft_save(s1, id, a, 1, &err) == 0);
	CHECK(store_draft_save(s1, id, a, 1, &err) == 0); /* its own saves go on */
	/* an old console that takes no lease saves the same draft */
	CHECK(store_draft_save(s2, id, b, 2, &err) == 0);
	err.status = STORE_OK;
	CHECK(store_draft_save(s1, id, a, 1, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_CONFLICT);
	int pos = -1;
	CHECK(store_draft_load(s2, id, f, &back, &pos, &err) == 0);
	if (back)
		CHECK_STR(answers_get(back, "copies"), "3"); /* the other save stands */
	answers_free(back);
	answers_free(a);
	answers_free(b);
	store_close(s1);
	store_close(s2);
	form_free(f);
	fx_cleanup(dir);
}
