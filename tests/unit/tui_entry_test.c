/* tui: entering an answer (tui/entry.h): a date's window holds at entry,
 * and only there; the message names the allowed days. */
#include "engine/engine.h"
#include "tests/unit/test.h"
#include "tui/entry.h"
#include "tui/messages.h"

#include <string.h>

TEST(date_shift_across_months_and_leap_days)
{
	char out[11];
	CHECK_INT(date_shift("2026-11-23", 14, out), 0);
	CHECK_STR(out, "2026-12-07");
	CHECK_INT(date_shift("2024-03-01", -1, out), 0);
	CHECK_STR(out, "2024-02-29");
	CHECK_INT(date_shift("2026-11-23", -365, out), 0);
	CHECK_STR(out, "2025-11-23");
	CHECK_INT(date_shift("2026-02-30", 1, out), -1);
	CHECK_INT(date_shift("soon", 1, out), -1);
}

TEST(move_date_window_at_entry_only)
{
	form *f = NULL;
	answer_error e;
	char msg[512];
	REQUIRE(form_load("forms/tenshutsu.xml", "forms", &f, NULL, NULL) == 0);
	const field *move = form_field_by_id(f, "move_date");
	REQUIRE(move);
	date_set_today("2026-11-23");
	answers *a = answers_new(f);

	/* "up to 14 days from today": 2030 is refused, with the days it allows */
	CHECK_INT(entry_set(a, move, 0, "2030-01-01", &e), ANSWER_ERR_DATE_WINDOW);
	CHECK_STR(e.lo, "2025-11-23");
	CHECK_STR(e.hi, "2026-12-07");
	CHECK(answers_get(a, "move_date") == NULL);
	msg_answer_error(move, &e, msg, sizeof msg);
	CHECK(strstr(msg, "2025-11-23") && strstr(msg, "2026-12-07") &&
	      strstr(msg, "令和8年12月7日"));
	/* the last day, in either calendar, and a day the year before */
	CHECK_INT(entry_set(a, move, 0, "令和8年12月7日", &e), ANSWER_OK);
	CHECK_STR(answers_get(a, "move_date"), "2026-12-07");
	CHECK_INT(entry_set(a, move, 0, "2026-12-08", &e), ANSWER_ERR_DATE_WINDOW);
	CHECK_INT(entry_set(a, move, 0, "2025-11-23", &e), ANSWER_OK);
	CHECK_INT(entry_set(a, move, 0, "2025-11-22", &e), ANSWER_ERR_DATE_WINDOW);
	/* a malformed date still gets its own message */
	CHECK_INT(entry_set(a, move, 0, "2026-13-01", &e), ANSWER_ERR_DATE_INVALID);
	/* answers given before (a draft, a scanned code) are not refused later */
	CHECK_INT(answers_set_at(a, "move_date", 0, "2030-01-01", &e), ANSWER_OK);

	/* the filing date: from today, up to 30 days ahead */
	const field *notify = form_field_by_id(f, "notify_date");
	CHECK_INT(entry_set(a, notify, 0, "2026-11-22", &e), ANSWER_ERR_DATE_WINDOW);
	CHECK_STR(e.lo, "2026-11-23");
	CHECK_INT(entry_set(a, notify, 0, "2026-11-23", &e), ANSWER_OK);
	/* a field without a window takes any valid date */
	CHECK_INT(entry_set(a, form_field_by_id(f, "m_expiry"), 0, "2040-01-01", &e), ANSWER_OK);
	answers_free(a);
	form_free(f);
	date_set_today(NULL);
}
