/*
 * `yorisoi stats [--day D | --month YYYY-MM | --from D --to D] [--csv]`:
 * the programme's numbers for a range of days (today by default), read
 * from the statistics file beside the drafts file. Counts and durations
 * only: store.h, "Statistics", says what is kept and why it is not
 * personal.
 */
#include "store/store.h"
#include "tui/cli/cli.h"
#include "tui/cli/stats_report.h"
#include "tui/i18n.h"
#include "tui/paths.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void
stats_usage(FILE *to)
{
	fprintf(to, "%s",
	        _("Usage: yorisoi stats [--day YYYY-MM-DD | --month YYYY-MM |\n"
	          "                      --from YYYY-MM-DD --to YYYY-MM-DD] [--csv]\n"));
}

/* A real calendar day written YYYY-MM-DD. */
static bool
valid_day(const char *s)
{
	char same[11];
	return s && strlen(s) == 10 && date_shift(s, 0, same) == 0 && strcmp(same, s) == 0;
}

/* --month YYYY-MM: its first and last day. */
static bool
month_range(const char *month, char from[11], char to[11])
{
	char next[11];
	if (!month || strlen(month) != 7 || snprintf(from, 11, "%s-01", month) != 10 ||
	    !valid_day(from))
		return false;
	/* the 28th plus four days is always in the next month */
	if (date_shift(from, 31, next) != 0)
		return false;
	memcpy(next + 8, "01", 3);
	return date_shift(next, -1, to) == 0;
}

/* Parses the options into the report's range and *csv; false on a
 * mistake, which is said on stderr. */
static bool
parse_range(int argc, char **argv, stats_report *r, bool *csv)
{
	static const struct option longopts[] = {
	        {"day", required_argument, NULL, 'd'},  {"month", required_argument, NULL, 'm'},
	        {"from", required_argument, NULL, 'f'}, {"to", required_argument, NULL, 't'},
	        {"csv", no_argument, NULL, 'c'},        {NULL, 0, NULL, 0}};
	const char *day = NULL, *month = NULL, *from = NULL, *to = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			day = optarg;
			break;
		case 'm':
			month = optarg;
			break;
		case 'f':
			from = optarg;
			break;
		case 't':
			to = optarg;
			break;
		case 'c':
			*csv = true;
			break;
		default:
			return false;
		}
	}
	if (optind < argc || (day && (month || from || to)) || (month && (from || to)))
		return false;
	char today[11];
	date_today(today);
	if (month)
		return month_range(month, r->from, r->to);
	snprintf(r->from, sizeof r->from, "%s", day ? day : from ? from : today);
	snprintf(r->to, sizeof r->to, "%s", day ? day : to ? to : from ? r->from : today);
	return valid_day(r->from) && valid_day(r->to) && strcmp(r->from, r->to) <= 0;
}

/* Reads the range's numbers from the statistics file; a file that does not
 * exist yet is a range of zeros, not an error. */
static int
read_report(stats_report *r, store_error *err)
{
	const char *path = tui_path_stats();
	if (!path || access(path, F_OK) != 0)
		return 0;
	store_stats *st;
	if (store_stats_open(path, &st, err) != 0)
		return -1;
	int rc = store_stats_total(st, r->from, r->to, STORE_STATS_VISITS, &r->visits, err) ||
	         store_stats_total(st, r->from, r->to, STORE_STATS_CARD_READS, &r->card_reads,
	                           err) ||
	         store_stats_total(st, r->from, r->to, STORE_STATS_DEMO_CARD_READS,
	                           &r->demo_card_reads, err) ||
	         store_stats_total(st, r->from, r->to, STORE_STATS_PIN_BLOCKS_AVOIDED,
	                           &r->pin_blocks_avoided, err) ||
	         store_stats_applications(st, r->from, r->to, &r->apps, &r->napps, err);
	store_stats_close(st);
	return rc ? -1 : 0;
}

int
cli_stats(int argc, char **argv)
{
	stats_report r = {0};
	bool csv = false;
	if (cli_wants_help(argc, argv)) {
		stats_usage(stdout);
		return EXIT_OK;
	}
	if (!parse_range(argc, argv, &r, &csv)) {
		fprintf(stderr, "%s\n",
		        /* L10N: `yorisoi stats` was given a wrong date or range. */
		        _("yorisoi stats: the days are YYYY-MM-DD (a month YYYY-MM), and --from "
		          "comes before --to."));
		stats_usage(stderr);
		return EXIT_USAGE;
	}
	store_error err;
	if (read_report(&r, &err) != 0) {
		fprintf(stderr, "%s\n%s\n",
		        /* L10N: `yorisoi stats` could not read its file. */
		        _("yorisoi stats: the statistics file cannot be read."), err.detail);
		return EXIT_OTHER;
	}
	/* the questions' Japanese labels; without the forms they are left out */
	form_set *forms = NULL;
	if (form_set_load_dir_schema(tui_path_forms_dir(), tui_path_schema_dir(), &forms, NULL,
	                             NULL) >= 0)
		r.forms = forms;
	if (csv)
		stats_print_csv(&r, stdout);
	else
		stats_print_table(&r, stdout);
	form_set_free(forms);
	free(r.apps);
	return EXIT_OK;
}
