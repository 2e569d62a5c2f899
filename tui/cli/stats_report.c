/*
 * `yorisoi stats` output: the same numbers as a table for people (headings
 * translated) and as one tidy CSV for a city that loads many desks into
 * its own database (columns fixed, in docs/admin-guide.md).
 */
#include "tui/cli/stats_report.h"
#include "tui/i18n.h"
#include "tui/width.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_COLS = 6, CELL = 192 };

/* A table printed with columns as wide as their widest cell. */
typedef struct table {
	size_t ncols, nrows, cap;
	char (*cells)[MAX_COLS][CELL];
} table;

static void
table_row(table *t, const char *const *cells)
{
	if (t->nrows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		void *bigger = realloc(t->cells, cap * sizeof *t->cells);
		if (!bigger)
			return; /* a row short rather than no report */
		t->cells = bigger;
		t->cap = cap;
	}
	for (size_t c = 0; c < t->ncols; c++)
		snprintf(t->cells[t->nrows][c], CELL, "%s", cells[c] ? cells[c] : "");
	t->nrows++;
}

static void
table_print(table *t, FILE *to)
{
	int w[MAX_COLS] = {0};
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++)
			if (width_str(t->cells[r][c]) > w[c])
				w[c] = width_str(t->cells[r][c]);
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			bool last = c + 1 == t->ncols;
			fputs(t->cells[r][c], to);
			for (int pad = width_str(t->cells[r][c]); !last && pad < w[c] + 2; pad++)
				fputc(' ', to);
		}
		fputc('\n', to);
	}
	free(t->cells);
	memset(t, 0, sizeof *t);
}

/* The applications of one procedure: [*start, *end). */
static bool
next_group(const stats_report *r, size_t *start, size_t *end, bool by_lang)
{
	*start = *end;
	if (*start >= r->napps)
		return false;
	const store_stats_application *first = &r->apps[*start];
	size_t e = *start + 1;
	while (e < r->napps && strcmp(r->apps[e].form_id, first->form_id) == 0 &&
	       (!by_lang || strcmp(r->apps[e].lang, first->lang) == 0))
		e++;
	*end = e;
	return true;
}

typedef struct counts {
	long started, resumed, completed, handed_off;
} counts;

static counts
count_group(const stats_report *r, size_t start, size_t end)
{
	counts c = {0};
	for (size_t k = start; k < end; k++) {
		const store_stats_application *a = &r->apps[k];
		if (a->resumed)
			c.resumed++;
		else
			c.started++;
		c.completed += a->completed;
		c.handed_off += a->handed_off;
	}
	return c;
}

/* Time and keystrokes of one procedure: only applications completed in
 * one sitting, since a resumed one's time is split between visits. */
typedef struct timing {
	size_t n;
	double minutes_median, keys_median;
	double minutes_p90;
} timing;

static timing
time_group(const stats_report *r, size_t start, size_t end)
{
	timing t = {0};
	int *secs = calloc(end - start + 1, sizeof *secs);
	int *keys = calloc(end - start + 1, sizeof *keys);
	if (secs && keys) {
		for (size_t k = start; k < end; k++)
			if (r->apps[k].completed && !r->apps[k].resumed) {
				secs[t.n] = r->apps[k].seconds;
				keys[t.n++] = r->apps[k].keystrokes;
			}
		t.minutes_median = store_stats_median(secs, t.n) / 60.0;
		t.minutes_p90 = store_stats_p90(secs, t.n) / 60.0;
		t.keys_median = store_stats_median(keys, t.n);
	}
	free(secs);
	free(keys);
	return t;
}

typedef struct stop {
	const char *question;
	long n;
} stop;

static int
by_count_then_id(const void *x, const void *y)
{
	const stop *a = x, *b = y;
	if (a->n != b->n)
		return a->n < b->n ? 1 : -1;
	return strcmp(a->question, b->question);
}

/* Where the unfinished applications of one procedure stopped, most
 * frequent first; returns how many questions, *out malloc'd. */
static size_t
stops_of_group(const stats_report *r, size_t start, size_t end, stop **out)
{
	size_t n = 0;
	*out = calloc(end - start + 1, sizeof **out);
	if (!*out)
		return 0;
	for (size_t k = start; k < end; k++) {
		if (r->apps[k].completed)
			continue;
		size_t j = 0;
		while (j < n && strcmp((*out)[j].question, r->apps[k].stopped_at) != 0)
			j++;
		if (j == n)
			(*out)[n++] = (stop){r->apps[k].stopped_at, 0};
		(*out)[j].n++;
	}
	qsort(*out, n, sizeof **out, by_count_then_id);
	return n;
}

/* The Japanese label printed on the form for a question id, or "". */
static const char *
question_term(const stats_report *r, const char *form_id, const char *question)
{
	const form *f = r->forms ? form_set_find(r->forms, form_id) : NULL;
	for (size_t k = 0; f && k < form_field_count(f); k++) {
		const field *fld = form_field_at(f, k);
		if (strcmp(field_id(fld), question) == 0)
			return field_term(fld) ? field_term(fld) : "";
	}
	return "";
}

static void
print_totals(const stats_report *r, FILE *to)
{
	char v[4][32];
	snprintf(v[0], sizeof v[0], "%ld", r->visits);
	snprintf(v[1], sizeof v[1], "%ld", r->card_reads);
	snprintf(v[2], sizeof v[2], "%ld", r->demo_card_reads);
	snprintf(v[3], sizeof v[3], "%ld", r->pin_blocks_avoided);
	table t = {.ncols = 2};
	/* L10N: a row of `yorisoi stats`: how many residents were helped. */
	table_row(&t, (const char *[]){_("Visits"), v[0]});
	/* L10N: a row of `yorisoi stats`: My Number cards read successfully. */
	table_row(&t, (const char *[]){_("Card reads"), v[1]});
	/* L10N: a row of `yorisoi stats`: reads of the demo (practice) card. */
	table_row(&t, (const char *[]){_("Demo card reads"), v[2]});
	/* L10N: a row of `yorisoi stats`: times the resident chose not to send the PIN
	 * on the card's last try, so the card did not lock. */
	table_row(&t, (const char *[]){_("PIN blocks avoided"), v[3]});
	table_print(&t, to);
}

static void
print_applications(const stats_report *r, FILE *to)
{
	/* L10N: a heading of `yorisoi stats`. */
	fprintf(to, "\n%s\n", _("Applications by procedure and language"));
	table t = {.ncols = 6};
	/* L10N: column headings of `yorisoi stats`, keep them short. */
	table_row(&t, (const char *[]){_("Procedure"), _("Language"), _("Started"), _("Resumed"),
	                               /* L10N: "Completed": reached the handoff code;
	                                  "Handed off": the resident has the code. */
	                               _("Completed"), _("Handed off")});
	size_t start = 0, end = 0;
	while (next_group(r, &start, &end, true)) {
		counts c = count_group(r, start, end);
		char v[4][24];
		snprintf(v[0], sizeof v[0], "%ld", c.started);
		snprintf(v[1], sizeof v[1], "%ld", c.resumed);
		snprintf(v[2], sizeof v[2], "%ld", c.completed);
		snprintf(v[3], sizeof v[3], "%ld", c.handed_off);
		table_row(&t, (const char *[]){r->apps[start].form_id, r->apps[start].lang, v[0],
		                               v[1], v[2], v[3]});
	}
	table_print(&t, to);
}

static void
print_timing(const stats_report *r, FILE *to)
{
	fprintf(to, "\n");
	fprintf(to,
	        /* L10N: a heading of `yorisoi stats`; %d is the national target in minutes (5). */
	        _("Minutes and keystrokes per procedure, completed in one sitting (national "
	          "target: %d minutes)\n"),
	        STATS_TARGET_MINUTES);
	table t = {.ncols = 5};
	/* L10N: column headings of `yorisoi stats`, keep them short. */
	table_row(&t, (const char *[]){_("Procedure"), _("Applications"), _("Median minutes"),
	                               /* L10N: the 90th percentile of minutes. */
	                               _("90th percentile"), _("Median keystrokes")});
	size_t start = 0, end = 0;
	while (next_group(r, &start, &end, false)) {
		timing tm = time_group(r, start, end);
		char v[4][32];
		snprintf(v[0], sizeof v[0], "%zu", tm.n);
		snprintf(v[1], sizeof v[1], "%.1f", tm.minutes_median);
		snprintf(v[2], sizeof v[2], "%.1f", tm.minutes_p90);
		snprintf(v[3], sizeof v[3], "%g", tm.keys_median);
		for (int k = 1; tm.n == 0 && k < 4; k++)
			snprintf(v[k], sizeof v[k], "-"); /* nothing measured */
		table_row(&t, (const char *[]){r->apps[start].form_id, v[0], v[1], v[2], v[3]});
	}
	table_print(&t, to);
}

static void
print_stops(const stats_report *r, FILE *to)
{
	/* L10N: a heading of `yorisoi stats`: the question each unfinished application was on. */
	fprintf(to, "\n%s\n", _("Where unfinished applications stopped"));
	table t = {.ncols = 4};
	/* L10N: column headings of `yorisoi stats`; "On the form": the question's Japanese term. */
	const char *head[] = {_("Procedure"), _("Question"), _("Count"), _("On the form")};
	table_row(&t, head);
	size_t start = 0, end = 0;
	while (next_group(r, &start, &end, false)) {
		stop *stops;
		size_t n = stops_of_group(r, start, end, &stops);
		for (size_t k = 0; k < n; k++) {
			char v[24];
			snprintf(v, sizeof v, "%ld", stops[k].n);
			table_row(&t, (const char *[]){r->apps[start].form_id, stops[k].question, v,
			                               question_term(r, r->apps[start].form_id,
			                                             stops[k].question)});
		}
		free(stops);
	}
	table_print(&t, to);
}

void
stats_print_table(const stats_report *r, FILE *to)
{
	/* L10N: the first line of `yorisoi stats`; the two %s are dates, YYYY-MM-DD. */
	fprintf(to, _("Statistics from %s to %s\n"), r->from, r->to);
	fprintf(to, "\n");
	print_totals(r, to);
	print_applications(r, to);
	print_timing(r, to);
	print_stops(r, to);
}

/* One CSV row; no field ever holds a comma, quote or line break (dates,
 * fixed measure names, form and question ids, language codes, numbers). */
static void
csv_row(const stats_report *r, FILE *to, const char *measure, const char *procedure,
        const char *lang, const char *question, const char *value)
{
	fprintf(to, "%s,%s,%s,%s,%s,%s,%s\n", r->from, r->to, measure, procedure, lang, question,
	        value);
}

static void
csv_long(const stats_report *r, FILE *to, const char *measure, const char *procedure,
         const char *lang, const char *question, long value)
{
	char v[32];
	snprintf(v, sizeof v, "%ld", value);
	csv_row(r, to, measure, procedure, lang, question, v);
}

void
stats_print_csv(const stats_report *r, FILE *to)
{
	fprintf(to, "from,to,measure,procedure,language,question,value\n");
	csv_long(r, to, "visits", "", "", "", r->visits);
	csv_long(r, to, "card_reads", "", "", "", r->card_reads);
	csv_long(r, to, "demo_card_reads", "", "", "", r->demo_card_reads);
	csv_long(r, to, "pin_blocks_avoided", "", "", "", r->pin_blocks_avoided);
	size_t start = 0, end = 0;
	while (next_group(r, &start, &end, true)) {
		counts c = count_group(r, start, end);
		const char *f = r->apps[start].form_id, *l = r->apps[start].lang;
		csv_long(r, to, "started", f, l, "", c.started);
		csv_long(r, to, "resumed", f, l, "", c.resumed);
		csv_long(r, to, "completed", f, l, "", c.completed);
		csv_long(r, to, "handed_off", f, l, "", c.handed_off);
	}
	start = end = 0;
	while (next_group(r, &start, &end, false)) {
		const char *f = r->apps[start].form_id;
		timing tm = time_group(r, start, end);
		char v[32];
		csv_long(r, to, "timed_applications", f, "", "", (long)tm.n);
		csv_long(r, to, "minutes_target", f, "", "", STATS_TARGET_MINUTES);
		if (tm.n > 0) { /* no median of nothing: the rows are left out */
			snprintf(v, sizeof v, "%.1f", tm.minutes_median);
			csv_row(r, to, "minutes_median", f, "", "", v);
			snprintf(v, sizeof v, "%.1f", tm.minutes_p90);
			csv_row(r, to, "minutes_p90", f, "", "", v);
			snprintf(v, sizeof v, "%g", tm.keys_median);
			csv_row(r, to, "keystrokes_median", f, "", "", v);
		}
		stop *stops;
		size_t n = stops_of_group(r, start, end, &stops);
		for (size_t k = 0; k < n; k++)
			csv_long(r, to, "stopped", f, "", stops[k].question, stops[k].n);
		free(stops);
	}
}
