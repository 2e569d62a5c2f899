/*
 * The question counter (tui/console/steps.c): a household list's people
 * each count their own questions, so adding a person never moves the end
 * of the main count ("Question 12 of 19" stays "of 19").
 */
#include "engine/engine.h"
#include "tests/unit/test.h"
#include "tui/console/steps.h"

#include <stdlib.h>

static answers *
household(form_set **set)
{
	char path[512], why[256] = "";
	*set = NULL;
	if (form_set_load_dir("forms", set, NULL, NULL) != 0)
		return NULL;
	snprintf(path, sizeof path, "%s/answers/tenshutsu_ref.json", test_data_dir());
	char *json = test_read_file(path);
	answers *a = json ? answers_from_json(json, *set, NULL, why, sizeof why) : NULL;
	free(json);
	return a;
}

/* The main count's end, and checks that every person's questions count
 * 1, 2, ... n within that person. */
static int
main_total(const answers *a)
{
	form_step s;
	int main_end = -1, pos, total, last_pos = 0, last_instance = -1;
	bool ok = form_step_next(a, NULL, &s);
	while (ok) {
		step_progress(a, &s, &pos, &total);
		CHECK(pos >= 1 && pos <= total);
		if (s.repeat_id && !s.add_another) {
			/* a new person starts again at 1 */
			CHECK_INT(pos, s.instance == last_instance ? last_pos + 1 : 1);
			last_instance = s.instance;
			last_pos = pos;
		} else {
			CHECK(main_end < 0 || total == main_end);
			main_end = total;
		}
		ok = form_step_next(a, &s, &s);
	}
	return main_end;
}

TEST(adding_a_person_keeps_the_count)
{
	form_set *set;
	answers *a = household(&set);
	REQUIRE(a);
	REQUIRE(answers_repeat_count(a, "members") == 3);
	int three = main_total(a);
	CHECK(three > 5);
	REQUIRE(answers_repeat_remove(a, "members", 2));
	REQUIRE(answers_repeat_remove(a, "members", 1));
	CHECK_INT(main_total(a), three);
	answers_free(a);
	form_set_free(set);
}
