/*
 * `yorisoi handoff form [SCANNED] --pdf FILE`: the filled-in official form
 * from a scan, without the counter console, for scripts and counter
 * systems. The scan is verified as `handoff decode` does; --answers FILE
 * takes an answers file instead (form authors checking a layout). The PDF
 * starts with the clerk's cover sheet unless --no-cover.
 */
#include "engine/engine.h"
#include "handoff/handoff.h"
#include "tui/cli/cli.h"
#include "tui/cli/handoff.h"
#include "tui/cover.h"
#include "tui/i18n.h"

#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* Draws the form of a; returns 0 or EXIT_OTHER after telling the user. */
static int
write_form(const answers *a, const handoff_origin *org, const char *lang, const char *layout_file,
           const char *pdf, int with_cover)
{
	handoff_layout *l = NULL;
	handoff_error err = {0};
	tui_cover cover;
	int rc = EXIT_OTHER;

	if (handoff_layout_load(answers_form(a), layout_file, &l, &err) != HANDOFF_OK) {
		/* L10N: %s is a form id such as tennyu. */
		fprintf(stderr, _("The paper layout of form %s cannot be used.\n"),
		        form_id(answers_form(a)));
		fprintf(stderr, _("Details: %s.\n"), err.detail);
		return rc;
	}
	/* the form holds the application: the owner's alone, like the slip */
	int fd = open(pdf, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd >= 0) {
		struct stat st;
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
			fchmod(fd, 0600);
		close(fd);
	}
	cover_build(&cover, a, org, lang);
	if (handoff_form_write_pdf(a, l, with_cover ? &cover.cover : NULL, pdf, &err) ==
	    HANDOFF_OK) {
		rc = 0;
	} else {
		/* L10N: %s is a file name. */
		fprintf(stderr, _("The form could not be written to %s.\n"), pdf);
		fprintf(stderr, _("Details: %s.\n"), err.detail);
	}
	cover_free(&cover);
	handoff_layout_free(l);
	return rc;
}

int
cli_handoff_form(int argc, char **argv)
{
	static const struct option longopts[] = {{"pdf", required_argument, NULL, 'p'},
	                                         {"answers", required_argument, NULL, 'a'},
	                                         {"layout", required_argument, NULL, 'l'},
	                                         {"no-cover", no_argument, NULL, 'n'},
	                                         {"key", required_argument, NULL, 'k'},
	                                         {"city-key", required_argument, NULL, 'c'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {NULL, 0, NULL, 0}};
	const char *pdf = NULL, *answers_file = NULL, *layout_file = NULL, *scanned = NULL;
	cli_trust t = {0};
	char *lang = NULL;
	form_set *forms = NULL;
	answers *a = NULL;
	handoff_keyring kr = {0};
	handoff_origin org = {0};
	int c, rc = EXIT_USAGE, with_cover = 1;

	t.keys = malloc((size_t)(argc + 1) * sizeof *t.keys);
	if (!t.keys)
		abort();
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'p':
			pdf = optarg;
			break;
		case 'a':
			answers_file = optarg;
			break;
		case 'l':
			layout_file = optarg;
			break;
		case 'n':
			with_cover = 0;
			break;
		case 'k':
			t.keys[t.nkeys++] = optarg;
			break;
		case 'c':
			t.city_file = optarg;
			break;
		case 'h':
			cli_handoff_usage(stdout);
			free(t.keys);
			return 0;
		default:
			goto usage;
		}
	}
	if (!pdf || optind < argc - 1 || (answers_file && optind < argc))
		goto usage;
	if (optind == argc - 1)
		scanned = argv[optind];

	if (answers_file) {
		a = cli_answers_from_path(answers_file, &forms, &lang);
		rc = a ? 0 : EXIT_OTHER;
	} else {
		rc = cli_decode_scanned(scanned, &t, &kr, &forms, &a, &lang, &org);
	}
	if (rc == 0)
		rc = write_form(a, answers_file ? NULL : &org, lang, layout_file, pdf, with_cover);
	goto out;
usage:
	cli_handoff_usage(stderr);
	rc = EXIT_USAGE;
out:
	free(lang);
	free(t.keys);
	if (a)
		answers_free(a);
	if (forms)
		form_set_free(forms);
	handoff_keyring_free(&kr);
	return rc;
}
