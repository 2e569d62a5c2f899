/* `yorisoi handoff decode`: what the counter's scanner typed, to the
 * verified answers (JSON or a Japanese summary), or a plain sentence for the
 * clerk and an exit status per kind of problem (tui/cmd_handoff.h). */
#include "engine/engine.h"
#include "handoff/handoff.h"
#include "tui/cli/handoff.h"
#include "tui/cli/cli.h"
#include "tui/cover.h"
#include "tui/files.h"
#include "tui/i18n.h"
#include "tui/paths.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The Japanese summary for the clerk: the paper form's items with the
 * form's own terms. The labels here are fixed Japanese, for the counter. */
/* Tells the clerk what went wrong and what to do; returns the exit status. */
static int
decode_fail(const handoff_error *err, const handoff_origin *o)
{
	char msg[2048];
	int rc = cli_scan_problem(err, o, msg, sizeof msg);
	fputs(msg, stderr);
	/* L10N: %s is an English technical detail for the system administrator. */
	fprintf(stderr, _("Details: %s.\n"), err->detail);
	return rc;
}

static void
print_summary(const answers *a, const handoff_origin *o)
{
	const form *f = answers_form(a);
	size_t n;
	handoff_row *rows = handoff_summary_rows(a, &n);
	char id[9];

	handoff_keyid_hex(o->key_id, id);
	printf("%s\n", form_title(f));
	printf("（様式 %s 第%d版）\n", form_id(f), form_version(f));
	if (o->desk)
		printf("作成窓口：%s（%s）%s\n", o->desk->name[0] ? o->desk->name : "名称未設定",
		       id, o->sealed ? "　市への封かん済み" : "");
	char made[96];
	if (cover_made(o, made, sizeof made)[0])
		printf("作成日：%s\n", made);
	printf("\n");
	for (size_t i = 0; i < n; i++) {
		const handoff_row *r = &rows[i];
		if (r->group && (i == 0 || rows[i - 1].group != r->group ||
		                 rows[i - 1].instance != r->instance))
			printf("【%s %d】\n", r->group, r->instance + 1);
		printf("%s%s：%s\n", r->group ? "　" : "", r->term, r->value);
	}
	handoff_summary_free(rows, n);
}

/* The note on stderr that says which desk's key verified the code. */
static void
note_desk(const handoff_origin *org, size_t nkeys)
{
	char id[9];
	if (!org->desk)
		return;
	handoff_keyid_hex(org->desk->id, id);
	if (nkeys == 0)
		/* L10N: %s is a desk id such as 1A2B3C4D. */
		fprintf(stderr,
		        _("Note: no --key was given; the code was verified against the "
		          "keys "
		          "trusted on this computer (desk %s).\n"),
		        id);
	else
		fprintf(stderr, _("Verified: the code was signed by desk %s.\n"), id);
}

int
cli_decode_scanned(const char *path, const cli_trust *t, handoff_keyring *kr, form_set **forms,
                   answers **a, char **lang, handoff_origin *org)
{
	char *scanned = NULL, **scans = NULL;
	size_t nscans = 0, len = 0;
	handoff_error err = {0};
	handoff_city_key city = {0};
	int rc = EXIT_OTHER, have_city = 0;

	*forms = NULL;
	*a = NULL;
	*lang = NULL;
	*org = (handoff_origin){0};
	scanned = tui_file_read(path, TUI_FILE_MAX, &len);
	if (!scanned) {
		if (errno == EFBIG) {
			err.status = HANDOFF_ERR_PREFIX;
			snprintf(err.detail, sizeof err.detail, "the input is longer than %d bytes",
			         TUI_FILE_MAX);
			rc = decode_fail(&err, org);
		} else {
			fprintf(stderr, _("Cannot read %s: %s\n"),
			        path ? path : _("standard input"), strerror(errno));
		}
		goto out;
	}
	if (strlen(scanned) != len) {
		err.status = HANDOFF_ERR_CORRUPT;
		snprintf(err.detail, sizeof err.detail, "the text contains a NUL byte");
		rc = decode_fail(&err, org);
		goto out;
	}
	nscans = cli_split_scans(scanned, &scans);
	if (nscans == 0) {
		err.status = HANDOFF_ERR_PREFIX;
		snprintf(err.detail, sizeof err.detail, "no text");
		rc = decode_fail(&err, org);
		goto out;
	}
	/* The keys are read after the scan: a scanner may take its time. */
	if ((rc = cli_load_trust(t->keys, t->nkeys, t->city_file, kr, &city, &have_city)) != 0)
		goto out;
	rc = EXIT_OTHER;
	*forms = cli_load_forms();
	if (!*forms)
		goto out;
	handoff_verify v = {kr, have_city ? &city : NULL, 0};
	if (handoff_decode_with((const char *const *)scans, nscans, *forms, &v, a, lang, org,
	                        &err) != HANDOFF_OK) {
		rc = decode_fail(&err, org);
		goto out;
	}
	note_desk(org, t->nkeys);
	rc = 0;
out:
	free(scans);
	free(scanned);
	handoff_city_key_wipe(&city);
	return rc;
}

int
cli_handoff_decode(int argc, char **argv)
{
	static const struct option longopts[] = {{"key", required_argument, NULL, 'k'},
	                                         {"city-key", required_argument, NULL, 'c'},
	                                         {"summary", no_argument, NULL, 's'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {NULL, 0, NULL, 0}};
	const char *path = NULL;
	cli_trust t = {0};
	char *lang = NULL, *json = NULL;
	form_set *forms = NULL;
	answers *a = NULL;
	handoff_keyring kr = {0};
	handoff_origin org = {0};
	int c, rc = EXIT_OTHER, summary = 0;

	t.keys = malloc((size_t)(argc + 1) * sizeof *t.keys);
	if (!t.keys)
		abort();
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'k':
			t.keys[t.nkeys++] = optarg;
			break;
		case 'c':
			t.city_file = optarg;
			break;
		case 's':
			summary = 1;
			break;
		case 'h':
			cli_handoff_usage(stdout);
			free(t.keys);
			return 0;
		default:
			cli_handoff_usage(stderr);
			free(t.keys);
			return EXIT_USAGE;
		}
	}
	if (optind < argc - 1) {
		cli_handoff_usage(stderr);
		free(t.keys);
		return EXIT_USAGE;
	}
	if (optind == argc - 1)
		path = argv[optind];

	if ((rc = cli_decode_scanned(path, &t, &kr, &forms, &a, &lang, &org)) != 0)
		goto out;
	rc = EXIT_OTHER;
	if (summary) {
		print_summary(a, &org);
	} else {
		json = answers_to_json(a, lang);
		if (!json) {
			fprintf(stderr, _("The answers could not be written as JSON.\n"));
			goto out;
		}
		printf("%s\n", json);
	}
	if (fflush(stdout) != 0) {
		fprintf(stderr, _("Cannot write the answers: %s\n"), strerror(errno));
		goto out;
	}
	rc = 0;
out:
	free(json);
	free(lang);
	free(t.keys);
	if (a)
		answers_free(a);
	if (forms)
		form_set_free(forms);
	handoff_keyring_free(&kr);
	return rc;
}
