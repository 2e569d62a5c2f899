/*
 * `yorisoi forms list` and `yorisoi forms check [FILE|DIR ...]`: the form
 * author's tools. Problems go to stderr as "file:line: message" (a
 * compiler's format, so editors can jump to them); the diagnostics
 * themselves are English, like a compiler's, while the command's own
 * words are translated.
 */
#include "engine/engine.h"
#include "tui/commands.h"
#include "tui/i18n.h"

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
	const char *dir = paths_forms_dir();
	form_set *s = NULL;
	int problems = 0;
	int rc = form_set_load_dir(dir, &s, print_diag, &problems);

	if (rc < 0)
		return 1;
	for (size_t i = 0; i < form_set_count(s); i++) {
		const form *f = form_set_at(s, i);
		/* L10N: forms list: form id, version, official Japanese title, file. */
		printf(_("%s\tversion %d\t%s\t%s\n"), form_id(f), form_version(f), form_title(f),
		       form_path(f));
	}
	form_set_free(s);
	return rc > 0 ? 1 : 0;
}

/* Checks one file or every *.xml of one folder; returns the number of
 * files with problems and adds the number of files seen to *seen. */
static int
check_path(const char *path, const char *schema_dir, int *seen, int *diags)
{
	struct stat st;
	int failed = 0;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		form_set *s = NULL;
		int rc = form_set_load_dir_schema(path, schema_dir, &s, print_diag, diags);
		if (rc < 0)
			return 1;
		*seen += (int)form_set_count(s) + rc;
		form_set_free(s);
		return rc;
	}
	form *f = NULL;
	(*seen)++;
	if (form_load(path, schema_dir, &f, print_diag, diags) != 0)
		failed = 1;
	form_free(f);
	return failed;
}

static int
forms_check(int argc, char **argv)
{
	const char *schema_dir = paths_forms_dir();
	int failed = 0, seen = 0, diags = 0;

	if (argc == 0)
		failed += check_path(schema_dir, schema_dir, &seen, &diags);
	for (int i = 0; i < argc; i++)
		failed += check_path(argv[i], schema_dir, &seen, &diags);
	if (failed)
		fprintf(stderr,
		        ngettext("%d of %d form definition has problems.\n",
		                 "%d of %d form definitions have problems.\n", seen),
		        failed, seen);
	else
		printf(ngettext("%d form definition checked: no problems.\n",
		                "%d form definitions checked: no problems.\n", seen),
		       seen);
	return failed ? 1 : 0;
}

int
cmd_forms(int argc, char **argv)
{
	if (argc < 2) {
		forms_usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "list") == 0) {
		if (argc != 2) {
			forms_usage(stderr);
			return 2;
		}
		return forms_list();
	}
	if (strcmp(argv[1], "check") == 0) {
		for (int i = 2; i < argc; i++)
			if (argv[i][0] == '-' && argv[i][1]) {
				forms_usage(stderr);
				return 2;
			}
		return forms_check(argc - 2, argv + 2);
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		forms_usage(stdout);
		return 0;
	}
	forms_usage(stderr);
	return 2;
}
