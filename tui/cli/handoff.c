/*
 * `yorisoi handoff encode|decode|slip`: the desk side and the counter side
 * of the QR handoff code (docs/handoff-format.md).
 *
 * encode prints the payload text(s) on stdout and the figures on stderr.
 * decode prints the verified answers JSON (or with --summary a Japanese
 * summary) on stdout; when the scan cannot be used it tells the clerk what
 * to do in plain words and exits with a status per kind of problem, so
 * counter scripts can react without parsing text:
 *   0 ok, 1 other failure, 2 usage, 3 not a Yorisoi code,
 *   4 damaged or cut off, 5 unknown form or format version,
 *   6 lower-case letters (scanner Caps Lock), 7 answers fail the form's checks,
 *   8 unknown desk, 9 altered (signature does not match),
 *   10 sealed: no city key or the wrong one, 11 not signed,
 *   12 parts missing or of different applications.
 * slip draws the printed slip (PDF, PNG) and sends it to a CUPS printer.
 * form draws the filled-in official form (PDF) from a scan, with the
 * decoder's checks and exit statuses.
 */
#include "engine/engine.h"
#include "handoff/handoff.h"
#include "tui/cli/cli.h"
#include "tui/cli/handoff.h"
#include "tui/files.h"
#include "tui/i18n.h"
#include "tui/paths.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void
cli_handoff_usage(FILE *to)
{
	fprintf(to, "%s",
	        _("Usage: yorisoi handoff encode ANSWERS.json [--png FILE] [--svg FILE] [--scale "
	          "N]\n"
	          "                 [--digits] [--max-version N] [--desk-key FILE] [--seal FILE]\n"
	          "       yorisoi handoff decode [--key FILE]... [--city-key FILE] [--summary] "
	          "[SCANNED]\n"
	          "       yorisoi handoff slip ANSWERS.json --pdf FILE [--png FILE] "
	          "[--paper a4|receipt]\n"
	          "                 [--print PRINTER] [--bring TEXT]... [--desk-key FILE] "
	          "[--seal FILE]\n"
	          "       yorisoi handoff form [SCANNED] --pdf FILE [--key FILE]... "
	          "[--city-key FILE]\n"
	          "                 [--answers ANSWERS.json] [--layout FILE] [--no-cover]\n"));
}

/* Prints one form-loading problem (a broken definition in the folder). */
static void
print_diag(const form_diag *d, void *ctx)
{
	(void)ctx;
	if (d->line > 0)
		fprintf(stderr, "%s:%d: %s\n", d->file, d->line, d->message);
	else
		fprintf(stderr, "%s: %s\n", d->file, d->message);
}

form_set *
cli_load_forms(void)
{
	form_set *s = NULL;
	const char *dir = tui_path_forms_dir();
	if (form_set_load_dir_schema(dir, tui_path_schema_dir(), &s, print_diag, NULL) < 0) {
		fprintf(stderr, _("Cannot read the form definitions in %s.\n"), dir);
		return NULL;
	}
	return s;
}

int
cli_parse_int(const char *s, int lo, int hi, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (*s == '\0' || *end || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

/* Reads and checks an answers file against the installed forms. */
answers *
cli_answers_from_path(const char *path, form_set **forms, char **lang)
{
	char why[256] = "";
	size_t len;
	char *json = tui_file_read(path, TUI_FILE_MAX, &len);
	answers *a;

	if (!json) {
		fprintf(stderr, _("Cannot read %s: %s\n"), path, strerror(errno));
		return NULL;
	}
	*forms = cli_load_forms();
	if (!*forms) {
		free(json);
		return NULL;
	}
	a = answers_from_json(json, *forms, lang, why, sizeof why);
	if (!a)
		/* L10N: %1$s is a file name, %2$s an English reason. */
		fprintf(stderr, _("The answers in %1$s cannot be used: %2$s\n"), path, why);
	free(json);
	return a;
}

/* argv[0] is "handoff"; the action word comes next and parses its own
 * options. optind = 0 makes glibc's getopt start afresh: main parsed with
 * "+" (stop at the first word), and only a full reset forgets that, so
 * options may follow the file name here. */
int
cli_handoff(int argc, char **argv)
{
	if (argc < 2) {
		cli_handoff_usage(stderr);
		return EXIT_USAGE;
	}
	if (cli_wants_help(argc, argv)) {
		cli_handoff_usage(stdout);
		return 0;
	}
	optind = 0;
	if (strcmp(argv[1], "encode") == 0)
		return cli_handoff_encode(argc - 1, argv + 1);
	if (strcmp(argv[1], "decode") == 0)
		return cli_handoff_decode(argc - 1, argv + 1);
	if (strcmp(argv[1], "slip") == 0)
		return cli_handoff_slip(argc - 1, argv + 1);
	if (strcmp(argv[1], "form") == 0)
		return cli_handoff_form(argc - 1, argv + 1);
	fprintf(stderr, _("yorisoi handoff: unknown action \"%s\"\n"), argv[1]);
	cli_handoff_usage(stderr);
	return EXIT_USAGE;
}
