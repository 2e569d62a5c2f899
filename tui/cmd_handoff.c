/*
 * `yorisoi handoff encode ANSWERS.json [--png FILE] [--svg FILE] [--scale N]`
 * and `yorisoi handoff decode [--key FILE] [SCANNED]`: the desk side and the
 * counter side of the QR handoff code (docs/handoff-format.md).
 *
 * encode prints the payload text on stdout and its figures on stderr.
 * decode prints the answers JSON on stdout; when the scan cannot be used it
 * tells the clerk what to do in plain words and exits with a status per
 * kind of problem, so counter scripts can react without parsing text:
 *   0 ok, 1 other failure, 2 usage, 3 not a Yorisoi code,
 *   4 damaged or cut off, 5 unknown form or format version,
 *   6 lower-case letters (scanner Caps Lock), 7 answers fail the form's checks.
 */
#include "engine/engine.h"
#include "handoff/handoff.h"
#include "tui/commands.h"
#include "tui/i18n.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
	EXIT_OTHER = 1,
	EXIT_USAGE = 2,
	EXIT_NOT_YORISOI = 3,
	EXIT_DAMAGED = 4,
	EXIT_UNKNOWN = 5,
	EXIT_LOWERCASE = 6,
	EXIT_INVALID = 7
};

/* Larger scans are not handoff codes (one QR code holds 3391 characters). */
#define MAX_INPUT (1024 * 1024)

static void
handoff_usage(FILE *to)
{
	fprintf(to, "%s",
	        _("Usage: yorisoi handoff encode ANSWERS.json [--png FILE] [--svg FILE] [--scale "
	          "N]\n"
	          "       yorisoi handoff decode [--key FILE] [SCANNED]\n"));
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

static form_set *
load_forms(void)
{
	form_set *s = NULL;
	const char *dir = paths_forms_dir();
	if (form_set_load_dir(dir, &s, print_diag, NULL) < 0) {
		fprintf(stderr, _("Cannot read the form definitions in %s.\n"), dir);
		return NULL;
	}
	return s;
}

/*
 * Reads a whole file, or stdin for NULL or "-". Returns a malloc'd,
 * NUL-terminated buffer and its length, or NULL with errno set (EFBIG when
 * longer than MAX_INPUT).
 */
static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = (!path || strcmp(path, "-") == 0) ? stdin : fopen(path, "rb");
	size_t cap = 4096, n = 0;
	char *buf;

	if (!fp)
		return NULL;
	buf = malloc(cap);
	if (!buf)
		abort();
	for (;;) {
		if (n + 1 >= cap) {
			cap *= 2;
			if (cap > MAX_INPUT + 2)
				cap = MAX_INPUT + 2;
			if (n + 1 >= cap) {
				free(buf);
				buf = NULL;
				errno = EFBIG;
				break;
			}
			buf = realloc(buf, cap);
			if (!buf)
				abort();
		}
		size_t got = fread(buf + n, 1, cap - 1 - n, fp);
		n += got;
		if (got == 0) {
			if (ferror(fp)) {
				free(buf);
				buf = NULL;
				errno = EIO;
			}
			break;
		}
	}
	if (fp != stdin)
		fclose(fp);
	if (buf) {
		buf[n] = '\0';
		*len = n;
	}
	return buf;
}

/* ---- encode --------------------------------------------------------------- */

static int
encode_fail(const handoff_error *err)
{
	switch (err->status) {
	case HANDOFF_ERR_INCOMPLETE:
		/* L10N: %s is an English detail such as: required field "birth" is not answered */
		fprintf(stderr,
		        _("The answers are not complete, so no handoff code was made (%s).\n"),
		        err->detail);
		break;
	case HANDOFF_ERR_TOO_LARGE:
		fprintf(stderr, _("The answers are too long to fit in one QR code (%s).\n"),
		        err->detail);
		break;
	case HANDOFF_ERR_IO:
		fprintf(stderr, _("The picture of the code could not be saved (%s).\n"),
		        err->detail);
		break;
	default:
		fprintf(stderr, _("No handoff code could be made from these answers (%s).\n"),
		        err->detail);
		break;
	}
	return EXIT_OTHER;
}

static int
handoff_encode_cmd(int argc, char **argv)
{
	static const struct option longopts[] = {{"png", required_argument, NULL, 'p'},
	                                         {"svg", required_argument, NULL, 's'},
	                                         {"scale", required_argument, NULL, 'x'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {NULL, 0, NULL, 0}};
	const char *png = NULL, *svg = NULL;
	int scale = 8, c, rc = EXIT_OTHER;
	char *json = NULL, *lang = NULL, *text = NULL, why[256] = "";
	form_set *forms = NULL;
	answers *a = NULL;
	handoff_qr *qr = NULL;
	handoff_error err = {0};
	handoff_stats stats = {0};
	size_t len;

	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'p':
			png = optarg;
			break;
		case 's':
			svg = optarg;
			break;
		case 'x': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*end || v < 1 || v > 64) {
				fprintf(stderr, _("--scale needs a whole number from 1 to 64.\n"));
				return EXIT_USAGE;
			}
			scale = (int)v;
			break;
		}
		case 'h':
			handoff_usage(stdout);
			return 0;
		default:
			handoff_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		handoff_usage(stderr);
		return EXIT_USAGE;
	}
	const char *path = argv[optind];
	json = slurp(path, &len);
	if (!json) {
		fprintf(stderr, _("Cannot read %s: %s\n"), path, strerror(errno));
		goto out;
	}
	forms = load_forms();
	if (!forms)
		goto out;
	a = answers_from_json(json, forms, &lang, why, sizeof why);
	if (!a) {
		/* L10N: %1$s is a file name, %2$s an English reason. */
		fprintf(stderr, _("The answers in %1$s cannot be used: %2$s\n"), path, why);
		goto out;
	}
	handoff_status st = handoff_encode_stats(a, lang, &text, &stats, &err);
	if (st == HANDOFF_OK)
		st = handoff_qr_make(text, &qr, &err);
	if (st == HANDOFF_OK && png)
		st = handoff_qr_write_png(qr, png, scale, &err);
	if (st == HANDOFF_OK && svg)
		st = handoff_qr_write_svg(qr, svg, &err);
	if (st != HANDOFF_OK) {
		rc = encode_fail(&err);
		goto out;
	}
	printf("%s\n", text);
	if (fflush(stdout) != 0) {
		fprintf(stderr, _("Cannot write the code: %s\n"), strerror(errno));
		goto out;
	}
	/* L10N: the figures of an encoded handoff code, printed after it. */
	fprintf(stderr,
	        _("%zu bytes of answers, %zu bytes compressed, %zu characters, "
	          "QR version %d (%d x %d modules, error correction M).\n"),
	        stats.serial_bytes, stats.deflate_bytes, stats.text_chars, qr->version, qr->width,
	        qr->width);
	rc = 0;
out:
	handoff_qr_free(qr);
	free(text);
	free(lang);
	if (a)
		answers_free(a);
	if (forms)
		form_set_free(forms);
	free(json);
	return rc;
}

/* ---- decode --------------------------------------------------------------- */

/* Tells the clerk what went wrong and what to do; returns the exit status. */
static int
decode_fail(const handoff_error *err)
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
		        _("This code was made by a newer version of Yorisoi than the "
		          "one at this counter. Please ask for Yorisoi to be "
		          "updated.\n"));
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
	default:
		fprintf(stderr, "%s", _("The code could not be read.\n"));
		rc = EXIT_OTHER;
		break;
	}
	/* L10N: %s is an English technical detail for the system administrator. */
	fprintf(stderr, _("Details: %s.\n"), err->detail);
	return rc;
}

static int
handoff_decode_cmd(int argc, char **argv)
{
	static const struct option longopts[] = {{"key", required_argument, NULL, 'k'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {NULL, 0, NULL, 0}};
	const char *key = NULL, *path = NULL;
	char *scanned = NULL, *lang = NULL, *json = NULL;
	form_set *forms = NULL;
	answers *a = NULL;
	handoff_error err = {0};
	int c, rc = EXIT_OTHER;
	size_t len = 0;

	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'k':
			key = optarg;
			break;
		case 'h':
			handoff_usage(stdout);
			return 0;
		default:
			handoff_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind < argc - 1) {
		handoff_usage(stderr);
		return EXIT_USAGE;
	}
	if (optind == argc - 1)
		path = argv[optind];
	if (key)
		fprintf(stderr,
		        _("Note: this version of Yorisoi cannot check signatures yet, so "
		          "--key %s is ignored.\n"),
		        key);

	scanned = slurp(path, &len);
	if (!scanned) {
		if (errno == EFBIG) {
			err.status = HANDOFF_ERR_PREFIX;
			snprintf(err.detail, sizeof err.detail, "the input is longer than %d bytes",
			         MAX_INPUT);
			rc = decode_fail(&err);
		} else {
			fprintf(stderr, _("Cannot read %s: %s\n"),
			        path ? path : _("standard input"), strerror(errno));
		}
		goto out;
	}
	if (strlen(scanned) != len) {
		err.status = HANDOFF_ERR_CORRUPT;
		snprintf(err.detail, sizeof err.detail, "the text contains a NUL byte");
		rc = decode_fail(&err);
		goto out;
	}
	forms = load_forms();
	if (!forms)
		goto out;
	if (handoff_decode(scanned, forms, &a, &lang, &err) != HANDOFF_OK) {
		rc = decode_fail(&err);
		goto out;
	}
	json = answers_to_json(a, lang);
	if (!json) {
		fprintf(stderr, _("The answers could not be written as JSON.\n"));
		goto out;
	}
	printf("%s\n", json);
	if (fflush(stdout) != 0) {
		fprintf(stderr, _("Cannot write the answers: %s\n"), strerror(errno));
		goto out;
	}
	rc = 0;
out:
	free(json);
	free(lang);
	if (a)
		answers_free(a);
	if (forms)
		form_set_free(forms);
	free(scanned);
	return rc;
}

/* argv[0] is "handoff"; the action word comes next and parses its own
 * options. optind = 0 makes glibc's getopt start afresh: main parsed with
 * "+" (stop at the first word), and only a full reset forgets that, so
 * options may follow the file name here. */
int
cmd_handoff(int argc, char **argv)
{
	if (argc < 2) {
		handoff_usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		handoff_usage(stdout);
		return 0;
	}
	optind = 0;
	if (strcmp(argv[1], "encode") == 0)
		return handoff_encode_cmd(argc - 1, argv + 1);
	if (strcmp(argv[1], "decode") == 0)
		return handoff_decode_cmd(argc - 1, argv + 1);
	fprintf(stderr, _("yorisoi handoff: unknown action \"%s\"\n"), argv[1]);
	handoff_usage(stderr);
	return EXIT_USAGE;
}
