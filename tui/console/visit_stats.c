/*
 * The console's side of the statistics (visit_stats.h): when a visit and
 * an application start and end, and what is written then. What is written
 * is in store.h; nothing here ever passes an answer or card data on.
 */
#include "tui/console/visit_stats.h"
#include "tui/console/app.h"
#include "tui/i18n.h"
#include "tui/paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Seconds for durations: the test clock when YORISOI_CLOCK_FILE is set
 * (test-only, see visit_stats.h), else the monotonic clock, which a
 * change of the PC's time does not move. */
static long
clock_seconds(void)
{
	const char *path = getenv("YORISOI_CLOCK_FILE");
	if (path && *path) {
		FILE *fp = fopen(path, "r");
		long v = 0;
		if (fp) {
			if (fscanf(fp, "%ld", &v) != 1)
				v = 0;
			fclose(fp);
		}
		return v;
	}
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec;
}

void
visit_stats_open(app *a)
{
	const char *path = tui_path_stats();
	store_error err;
	a->stats = NULL;
	if (path && store_stats_open(path, &a->stats, &err) != 0)
		a->stats = NULL; /* no numbers this time; the visit goes on */
}

void
visit_stats_close(app *a)
{
	store_stats_close(a->stats);
	a->stats = NULL;
}

static void
count(app *a, const char *measure)
{
	char day[11];
	store_error err;
	if (!a->stats)
		return;
	date_today(day);
	(void)store_stats_count(a->stats, day, measure, 1, &err);
}

void
visit_stats_visit_touch(app *a)
{
	a->visit_active = true;
}

void
visit_stats_visit_end(app *a)
{
	visit_stats_app_end(a);
	if (a->visit_active)
		count(a, STORE_STATS_VISITS);
	a->visit_active = false;
}

void
visit_stats_app_begin(app *a, bool resumed)
{
	visit_stats_app_end(a); /* the one before, if still open */
	if (!a->form)
		return;
	a->visit_active = true;
	a->stats_app_open = true;
	a->stats_app_start = clock_seconds();
	store_stats_application *r = &a->stats_app;
	memset(r, 0, sizeof *r);
	snprintf(r->form_id, sizeof r->form_id, "%s", form_id(a->form));
	snprintf(r->lang, sizeof r->lang, "%s", i18n_language());
	r->resumed = resumed;
}

void
visit_stats_keys(app *a, int n)
{
	if (a->stats_app_open)
		a->stats_app.keystrokes += n;
}

void
visit_stats_app_completed(app *a)
{
	if (a->stats_app_open)
		a->stats_app.completed = true;
}

void
visit_stats_app_handed_off(app *a)
{
	if (a->stats_app_open)
		a->stats_app.completed = a->stats_app.handed_off = true;
}

/* The question the application is on: its form id (form data, not an
 * answer), the repeat's id on "add another?", or "review". */
static void
where_stopped(const app *a, char *out, size_t n)
{
	if (a->stats_at_review)
		snprintf(out, n, "%s", "review");
	else if (app_current_field(a))
		snprintf(out, n, "%s", field_id(app_current_field(a)));
	else if (a->step.repeat_id)
		snprintf(out, n, "%s", a->step.repeat_id);
	else
		out[0] = '\0';
}

void
visit_stats_app_end(app *a)
{
	if (!a->stats_app_open)
		return;
	a->stats_app_open = false;
	store_stats_application *r = &a->stats_app;
	long secs = clock_seconds() - a->stats_app_start;
	r->seconds = secs < 0 ? 0 : secs > INT_MAX ? INT_MAX : (int)secs;
	if (!r->completed)
		where_stopped(a, r->stopped_at, sizeof r->stopped_at);
	date_today(r->day);
	store_error err;
	if (a->stats)
		(void)store_stats_add_application(a->stats, r, &err);
	memset(r, 0, sizeof *r);
}

void
visit_stats_card_read(app *a, bool demo)
{
	a->visit_active = true;
	count(a, demo ? STORE_STATS_DEMO_CARD_READS : STORE_STATS_CARD_READS);
}

void
visit_stats_pin_block_avoided(app *a)
{
	count(a, STORE_STATS_PIN_BLOCKS_AVOIDED);
}
