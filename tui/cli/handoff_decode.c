/* `yorisoi handoff decode`: what the counter's scanner typed, to the
 * verified answers (JSON or a Japanese summary), or a plain sentence for the
 * clerk and an exit status per kind of problem (tui/cmd_handoff.h). */
#include "engine/engine.h"
#include "handoff/handoff.h"
#include "tui/cli/handoff.h"
#include "tui/cli/cli.h"
#include "tui/files.h"
#include "tui/i18n.h"
#include "tui/paths.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- decode --------------------------------------------------------------- */

/* Names the codes still to scan by their numbers on the slip ("Code 2 of 3"). */
static void
print_missing_parts(const handoff_origin *o)
{
	char list[128] = "";
	unsigned n = 0;
	for (size_t i = 0; i < o->parts_total && i < 32; i++) {
		if (!(o->parts_missing & (1u << i)))
			continue;
		size_t len = strlen(list);
		snprintf(list + len, sizeof list - len, "%s%zu", n ? ", " : "", i + 1);
		n++;
	}
	if (n == 0)
		return;
	/* L10N: %1$s is the numbers of the codes not scanned yet, such as "2" or
	 * "2, 3"; %2$zu how many codes the slip has. */
	fprintf(stderr,
	        ngettext("Not scanned yet: code %1$s of %2$zu.\n",
	                 "Not scanned yet: codes %1$s of %2$zu.\n", n),
	        list, o->parts_total);
}

/* Tells the clerk what went wrong and what to do; returns the exit status. */
static int
decode_fail(const handoff_error *err, const handoff_origin *o)
{
	int rc;

	switch (err->status) {
	case HANDOFF_ERR_PREFIX:
		fprintf(stderr, "%s",
		        _("This is not a Yorisoi handoff code. Please check that you "
		          "scanned the code printed on the Yorisoi slip.\n"));
		rc = EXIT_NOT_YORISOI;
		break;
	case HANDOFF_ERR_LOWERCASE:
		fprintf(stderr, "%s",
		        _("The scanner sent lower-case letters, so the code cannot be "
		          "read. Please turn Caps Lock off, or set the scanner to keep "
		          "letter case, and scan again.\n"));
		rc = EXIT_LOWERCASE;
		break;
	case HANDOFF_ERR_ENCODING:
	case HANDOFF_ERR_CORRUPT:
		fprintf(stderr, "%s",
		        _("The code was not read completely, or it is damaged. Please "
		          "scan it again. If this keeps happening, ask the resident "
		          "to print a new slip at the library.\n"));
		rc = EXIT_DAMAGED;
		break;
	case HANDOFF_ERR_VERSION:
		fprintf(stderr, "%s",
		        _("This code was made by another version of Yorisoi than the "
		          "one at this counter. If the slip is from before the first "
		          "release, ask the resident to have it made again at the "
		          "library; otherwise ask for Yorisoi to be updated here.\n"));
		rc = EXIT_UNKNOWN;
		break;
	case HANDOFF_ERR_UNKNOWN_FORM:
		fprintf(stderr, "%s",
		        _("This code is for a form, or a version of a form, that is "
		          "not installed at this counter. Please ask for the form "
		          "definitions to be updated.\n"));
		rc = EXIT_UNKNOWN;
		break;
	case HANDOFF_ERR_INVALID:
		fprintf(stderr, "%s",
		        _("The code was read, but the answers in it do not pass the "
		          "form's checks. Please check the application with the "
		          "resident.\n"));
		rc = EXIT_INVALID;
		break;
	case HANDOFF_ERR_UNKNOWN_DESK: {
		char id[9];
		handoff_keyid_hex(o->key_id, id);
		/* L10N: %s is a desk id such as 1A2B3C4D. */
		fprintf(stderr,
		        _("This code was made at a help desk that this counter does not know "
		          "(desk %s). Do not accept it until the desk's public key has been "
		          "checked and added to the trusted keys (--key FILE).\n"),
		        id);
		rc = EXIT_UNKNOWN_DESK;
		break;
	}
	case HANDOFF_ERR_SIGNATURE:
		fprintf(stderr, "%s",
		        _("Warning: this code has been changed since the help desk made it: "
		          "its signature does not match. Do not accept it; ask the resident to "
		          "make a new slip at the library.\n"));
		rc = EXIT_ALTERED;
		break;
	case HANDOFF_ERR_SEALED:
		fprintf(stderr, "%s",
		        _("This code is sealed to the city, and this counter has not been given "
		          "the city's key (--city-key FILE). Please ask the administrator.\n"));
		rc = EXIT_SEALED;
		break;
	case HANDOFF_ERR_UNSEAL:
		fprintf(stderr, "%s",
		        _("This sealed code cannot be opened with the city key of this counter. "
		          "Either it was sealed for another city, or it is damaged or was "
		          "changed. Please scan it again; if that does not help, ask the "
		          "administrator.\n"));
		rc = EXIT_SEALED;
		break;
	case HANDOFF_ERR_UNSIGNED:
		fprintf(stderr, "%s",
		        _("This code is not signed by a help desk, so its origin cannot be "
		          "checked. Do not accept it.\n"));
		rc = EXIT_UNSIGNED;
		break;
	case HANDOFF_ERR_PARTS:
		fprintf(stderr,
		        ngettext("This application has %zu code, and not all of them were "
		                 "scanned. Please scan every code on the slip.\n",
		                 "This application has %zu codes, and not all of them were "
		                 "scanned. Please scan every code on the slip.\n",
		                 o->parts_total),
		        o->parts_total);
		print_missing_parts(o);
		rc = EXIT_PARTS;
		break;
	case HANDOFF_ERR_PARTS_MIXED:
		fprintf(stderr, "%s",
		        _("The codes scanned belong to different applications. Please scan "
		          "only the codes of one slip.\n"));
		rc = EXIT_PARTS;
		break;
	default:
		fprintf(stderr, "%s", _("The code could not be read.\n"));
		rc = EXIT_OTHER;
		break;
	}
	/* L10N: %s is an English technical detail for the system administrator. */
	fprintf(stderr, _("Details: %s.\n"), err->detail);
	return rc;
}

/* The scans in a text: one per non-empty line. */
static size_t
split_lines(char *text, char ***out)
{
	size_t n = 0, cap = 4;
	char **v = malloc(cap * sizeof *v), *save = NULL;
	if (!v)
		abort();
	for (char *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		size_t len = strlen(l);
		while (len > 0 && (l[len - 1] == '\r' || l[len - 1] == ' '))
			l[--len] = '\0';
		if (len == 0)
			continue;
		if (n == cap) {
			cap *= 2;
			v = realloc(v, cap * sizeof *v);
			if (!v)
				abort();
		}
		v[n++] = l;
	}
	*out = v;
	return n;
}

/*
 * The keys the counter trusts: every --key FILE; without any, the trusted
 * keys file of this computer ($XDG_DATA_HOME/yorisoi/trusted-keys) and this
 * computer's own desk key, if they exist (then a note says so, because a
 * counter should normally name its keys).
 */
static int
load_trust(const char *const *keys, size_t nkeys, const char *city_file, handoff_keyring *kr,
           handoff_city_key *city, int *have_city)
{
	handoff_error err = {0};
	char path[4096];

	for (size_t i = 0; i < nkeys; i++)
		if (handoff_keyring_add_file(kr, keys[i], &err) != HANDOFF_OK) {
			fprintf(stderr, _("The trusted keys in %s cannot be read.\n"), keys[i]);
			fprintf(stderr, _("Details: %s.\n"), err.detail);
			return EXIT_OTHER;
		}
	if (nkeys == 0) {
		handoff_desk_key own;
		if (tui_path_in_data("trusted-keys", path, sizeof path) == 0 &&
		    access(path, F_OK) == 0 &&
		    handoff_keyring_add_file(kr, path, &err) != HANDOFF_OK) {
			fprintf(stderr, _("The trusted keys in %s cannot be read.\n"), path);
			fprintf(stderr, _("Details: %s.\n"), err.detail);
			return EXIT_OTHER;
		}
		char own_path[4096];
		if (tui_path_in_data("desk.key", own_path, sizeof own_path) == 0 &&
		    handoff_desk_key_load(own_path, &own, NULL) == HANDOFF_OK) {
			handoff_pubkey pk;
			handoff_desk_key_public(&own, &pk);
			handoff_keyring_add(kr, &pk);
			handoff_desk_key_wipe(&own);
		}
	}
	*have_city = 0;
	if (!city_file && tui_path_in_data("city-box.key", path, sizeof path) == 0 &&
	    access(path, F_OK) == 0)
		city_file = path;
	if (city_file) {
		if (handoff_city_key_load(city_file, city, &err) != HANDOFF_OK || !city->has_sk) {
			fprintf(stderr, _("The city key in %s cannot be read.\n"), city_file);
			fprintf(stderr, _("Details: %s.\n"),
			        err.detail[0] ? err.detail : "no x25519-secret line");
			return EXIT_OTHER;
		}
		*have_city = 1;
	}
	return 0;
}

/* The Japanese summary for the clerk: the paper form's items with the
 * form's own terms. The labels here are fixed Japanese, for the counter. */
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

int
cli_handoff_decode(int argc, char **argv)
{
	static const struct option longopts[] = {{"key", required_argument, NULL, 'k'},
	                                         {"city-key", required_argument, NULL, 'c'},
	                                         {"summary", no_argument, NULL, 's'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {NULL, 0, NULL, 0}};
	const char *path = NULL, *city_file = NULL;
	const char **keys = NULL;
	size_t nkeys = 0, nscans = 0;
	char *scanned = NULL, *lang = NULL, *json = NULL, **scans = NULL;
	form_set *forms = NULL;
	answers *a = NULL;
	handoff_error err = {0};
	handoff_keyring kr = {0};
	handoff_city_key city = {0};
	handoff_origin org = {0};
	int c, rc = EXIT_OTHER, summary = 0, have_city = 0;
	size_t len = 0;

	keys = malloc((size_t)(argc + 1) * sizeof *keys);
	if (!keys)
		abort();
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'k':
			keys[nkeys++] = optarg;
			break;
		case 'c':
			city_file = optarg;
			break;
		case 's':
			summary = 1;
			break;
		case 'h':
			cli_handoff_usage(stdout);
			free(keys);
			return 0;
		default:
			cli_handoff_usage(stderr);
			free(keys);
			return EXIT_USAGE;
		}
	}
	if (optind < argc - 1) {
		cli_handoff_usage(stderr);
		free(keys);
		return EXIT_USAGE;
	}
	if (optind == argc - 1)
		path = argv[optind];

	scanned = tui_file_read(path, TUI_FILE_MAX, &len);
	if (!scanned) {
		if (errno == EFBIG) {
			err.status = HANDOFF_ERR_PREFIX;
			snprintf(err.detail, sizeof err.detail, "the input is longer than %d bytes",
			         TUI_FILE_MAX);
			rc = decode_fail(&err, &org);
		} else {
			fprintf(stderr, _("Cannot read %s: %s\n"),
			        path ? path : _("standard input"), strerror(errno));
		}
		goto out;
	}
	if (strlen(scanned) != len) {
		err.status = HANDOFF_ERR_CORRUPT;
		snprintf(err.detail, sizeof err.detail, "the text contains a NUL byte");
		rc = decode_fail(&err, &org);
		goto out;
	}
	nscans = split_lines(scanned, &scans);
	if (nscans == 0) {
		err.status = HANDOFF_ERR_PREFIX;
		snprintf(err.detail, sizeof err.detail, "no text");
		rc = decode_fail(&err, &org);
		goto out;
	}
	/* The keys are read after the scan: a scanner may take its time. */
	if ((rc = load_trust(keys, nkeys, city_file, &kr, &city, &have_city)) != 0)
		goto out;
	rc = EXIT_OTHER;
	forms = cli_load_forms();
	if (!forms)
		goto out;
	handoff_verify v = {&kr, have_city ? &city : NULL, 0};
	if (handoff_decode_with((const char *const *)scans, nscans, forms, &v, &a, &lang, &org,
	                        &err) != HANDOFF_OK) {
		rc = decode_fail(&err, &org);
		goto out;
	}
	if (org.desk) {
		char id[9];
		handoff_keyid_hex(org.desk->id, id);
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
	free(scans);
	free(keys);
	if (a)
		answers_free(a);
	if (forms)
		form_set_free(forms);
	free(scanned);
	handoff_keyring_free(&kr);
	handoff_city_key_wipe(&city);
	return rc;
}
