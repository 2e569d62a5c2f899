/*
 * `yorisoi forms list` and `yorisoi forms check [FILE|DIR ...]`: the form
 * author's tools. A folder is checked file by file and then as a set
 * (<next form="..."> must name a form of the same folder). Problems go to stderr as "file:line:
 * message" (a compiler's format, so editors can jump to them); the diagnostics themselves are
 * English, like a compiler's, while the command's own words are translated.
 */
#include "engine/engine.h"
#include "handoff/handoff.h"
#include "tui/cli/cli.h"
#include "tui/i18n.h"
#include "tui/paths.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static void
forms_usage(FILE *to)
{
	fprintf(to, "%s",
	        _("Usage: yorisoi forms list\n"
	          "       yorisoi forms check [FILE|DIR ...]\n"));
}

/* Prints one diagnostic; counts them in *ctx. */
static void
print_diag(const form_diag *d, void *ctx)
{
	int *count = ctx;
	if (d->line > 0)
		fprintf(stderr, "%s:%d: %s\n", d->file, d->line, d->message);
	else
		fprintf(stderr, "%s: %s\n", d->file, d->message);
	(*count)++;
}

static int
forms_list(void)
{
	const char *dir = tui_path_forms_dir();
	form_set *s = NULL;
	int problems = 0;
	int rc = form_set_load_dir_schema(dir, tui_path_schema_dir(), &s, print_diag, &problems);

	if (rc < 0)
		return EXIT_OTHER;
	for (size_t i = 0; i < form_set_count(s); i++) {
		const form *f = form_set_at(s, i);
		/* L10N: forms list: form id, version, official Japanese title, file. */
		printf(_("%s\tversion %d\t%s\t%s\n"), form_id(f), form_version(f), form_title(f),
		       form_path(f));
	}
	form_set_free(s);
	return rc > 0 ? 1 : 0;
}

/* What forms check found: files seen, files with problems, and folder
 * problems (unreadable, or holding no definitions). */
typedef struct tally {
	int seen, failed, other, diags;
} tally;

/* A folder with a paper/ folder (the counter's printed forms): every form
 * needs its layout there, and each layout must fit its form. Counted as
 * problems of the folder; the details are the loader's, in English like
 * the definitions' own diagnostics. */
static void
check_layouts(const char *dir, const form_set *s, tally *t)
{
	char paper[4096];
	struct stat st;
	snprintf(paper, sizeof paper, "%s/paper", dir);
	if (stat(paper, &st) != 0 || !S_ISDIR(st.st_mode))
		return;
	/* the archived versions too: the counter prints codes made with them */
	for (size_t i = 0; i < form_set_count(s); i++)
		for (int v = 1; v <= form_version(form_set_at(s, i)); v++) {
			const form *f = form_set_find_version(s, form_id(form_set_at(s, i)), v);
			handoff_layout *l = NULL;
			handoff_error err = {0};
			if (!f)
				continue;
			if (handoff_layout_load(f, NULL, &l, &err) != HANDOFF_OK) {
				fprintf(stderr, "%s\n", err.detail);
				t->other++;
				t->diags++;
			}
			handoff_layout_free(l);
		}
}

/* Checks one file, or every *.xml of one folder. */
static void
check_path(const char *path, const char *schema_dir, tally *t)
{
	struct stat st;
	form *f = NULL;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		form_set *s = NULL;
		int rc = form_set_load_dir_schema(path, schema_dir, &s, print_diag, &t->diags);
		if (rc < 0) {
			t->other++;
			return;
		}
		t->seen += (int)form_set_count(s) + rc;
		t->failed += rc;
		/* What only the whole folder can tell: <next form> and <carry>
		 * targets. Counted as problems of the folder. */
		t->other += form_set_check(s, print_diag, &t->diags);
		check_layouts(path, s, t);
		if (form_set_count(s) + (size_t)rc == 0) {
			/* L10N: forms check on a folder without any *.xml file. */
			fprintf(stderr, _("%s: no form definitions (*.xml) in this folder\n"),
			        path);
			t->other++;
		}
		form_set_free(s);
		return;
	}
	t->seen++;
	if (form_load(path, schema_dir, &f, print_diag, &t->diags) != 0)
		t->failed++;
	form_free(f);
}

static int
forms_check(int argc, char **argv)
{
	const char *schema_dir = tui_path_schema_dir();
	tally t = {0, 0, 0, 0};
	const char *fmt;

	if (argc == 0)
		check_path(tui_path_forms_dir(), schema_dir, &t);
	for (int i = 0; i < argc; i++)
		check_path(argv[i], schema_dir, &t);
	if (t.failed || t.other) {
		if (!t.failed && t.diags) {
			/* L10N: after forms check when every file is fine alone but
			   the folder has problems (a <next form> naming a missing
			   form); %d is the number of problems. */
			fmt = ngettext("%d problem across the form definitions.\n",
			               "%d problems across the form definitions.\n", t.other);
			fprintf(stderr, fmt, t.other);
			return EXIT_OTHER;
		}
	}
	if (t.failed) {
		/* L10N: after forms check; the first %d is the number of files
		   with problems, the second the number of files checked. */
		fmt = ngettext("%d form definition has problems (of %d checked).\n",
		               "%d form definitions have problems (of %d checked).\n", t.failed);
		fprintf(stderr, fmt, t.failed, t.seen);
	} else if (!t.other) {
		/* L10N: after forms check: the number of files checked. */
		fmt = ngettext("%d form definition checked: no problems.\n",
		               "%d form definitions checked: no problems.\n", t.seen);
		printf(fmt, t.seen);
	}
	return t.failed || t.other ? 1 : 0;
}

int
cli_forms(int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		forms_usage(stdout);
		return EXIT_OK;
	}
	if (argc < 2) {
		forms_usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "list") == 0) {
		if (argc != 2) {
			forms_usage(stderr);
			return EXIT_USAGE;
		}
		return forms_list();
	}
	if (strcmp(argv[1], "check") == 0) {
		for (int i = 2; i < argc; i++)
			if (argv[i][0] == '-' && argv[i][1]) {
				forms_usage(stderr);
				return EXIT_USAGE;
			}
		return forms_check(argc - 2, argv + 2);
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		forms_usage(stdout);
		return 0;
	}
	forms_usage(stderr);
	return EXIT_USAGE;
}
