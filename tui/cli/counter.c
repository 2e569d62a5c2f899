/*
 * `yorisoi counter`: the clerk's station (tui/counter/station.h), and
 * `yorisoi counter purge`, which removes a day's exports.
 */
#include "engine/engine.h"
#include "tui/cli/cli.h"
#include "tui/counter/export.h"
#include "tui/counter/station.h"
#include "tui/i18n.h"
#include "tui/paths.h"
#include "tui/tui.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void
counter_usage(FILE *to)
{
	fprintf(to, "%s",
	        _("Usage: yorisoi counter [--export DIR] [--csv] [--printer NAME] [--device PATH]\n"
	          "                       [--key FILE]... [--city-key FILE]\n"
	          "       yorisoi counter purge [--export DIR] --day YYYY-MM-DD | --before "
	          "YYYY-MM-DD | --all\n"));
}

/* A real day written YYYY-MM-DD (2026-02-31 is not one). */
static bool
is_day(const char *s)
{
	char iso[11];
	return strlen(s) == 10 && date_parse(s, iso, sizeof iso) == ANSWER_OK &&
	       strcmp(iso, s) == 0;
}

static int
purge(int argc, char **argv, const char *export_dir)
{
	static const struct option longopts[] = {{"export", required_argument, NULL, 'e'},
	                                         {"day", required_argument, NULL, 'd'},
	                                         {"before", required_argument, NULL, 'b'},
	                                         {"all", no_argument, NULL, 'a'},
	                                         {NULL, 0, NULL, 0}};
	const char *day = NULL;
	bool before = false, all = false;
	int c, picked = 0;
	char why[512];

	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'e':
			export_dir = optarg;
			break;
		case 'd':
		case 'b':
			day = optarg;
			before = c == 'b';
			picked++;
			break;
		case 'a':
			all = true;
			picked++;
			break;
		default:
			counter_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (picked != 1 || optind != argc || (day && !is_day(day))) {
		counter_usage(stderr);
		return EXIT_USAGE;
	}
	int n = export_purge(export_dir, all ? NULL : day, before, why, sizeof why);
	if (n < 0) {
		/* L10N: %s is an English reason from the system. */
		fprintf(stderr, _("The exports could not be removed: %s\n"), why);
		return EXIT_OTHER;
	}
	/* L10N: %1$d is a number of files, %2$s a folder. */
	printf(ngettext("%1$d file removed from %2$s.\n", "%1$d files removed from %2$s.\n", n), n,
	       export_dir);
	return EXIT_OK;
}

int
cli_counter(int argc, char **argv, const tui_options *opt)
{
	static const struct option longopts[] = {{"export", required_argument, NULL, 'e'},
	                                         {"csv", no_argument, NULL, 'v'},
	                                         {"printer", required_argument, NULL, 'p'},
	                                         {"device", required_argument, NULL, 'D'},
	                                         {"key", required_argument, NULL, 'k'},
	                                         {"city-key", required_argument, NULL, 'c'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {NULL, 0, NULL, 0}};
	char export_dir[4096];
	station_opts o = {.printer = opt->printer};
	int c, rc;

	if (cli_wants_help(argc, argv)) {
		counter_usage(stdout);
		return EXIT_OK;
	}
	if (tui_path_in_data("export", export_dir, sizeof export_dir) != 0) {
		fprintf(stderr, "%s\n", _("There is no folder for the exports: set HOME."));
		return EXIT_OTHER;
	}
	if (argc > 1 && strcmp(argv[1], "purge") == 0)
		return purge(argc - 1, argv + 1, export_dir);
	o.export_dir = export_dir;
	o.keys = malloc((size_t)(argc + 1) * sizeof *o.keys);
	if (!o.keys)
		abort();
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'e':
			o.export_dir = optarg;
			break;
		case 'v':
			o.csv = true;
			break;
		case 'p':
			o.printer = optarg;
			break;
		case 'D':
			o.device = optarg;
			break;
		case 'k':
			o.keys[o.nkeys++] = optarg;
			break;
		case 'c':
			o.city_file = optarg;
			break;
		default:
			counter_usage(stderr);
			free(o.keys);
			return EXIT_USAGE;
		}
	}
	if (optind != argc) {
		counter_usage(stderr);
		free(o.keys);
		return EXIT_USAGE;
	}
	rc = station_run(&o);
	free(o.keys);
	return rc;
}
