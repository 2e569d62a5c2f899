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
#include <time.h>
#include <unistd.h>

enum {
	EXIT_OTHER = 1,
	EXIT_USAGE = 2,
	EXIT_NOT_YORISOI = 3,
	EXIT_DAMAGED = 4,
	EXIT_UNKNOWN = 5,
	EXIT_LOWERCASE = 6,
	EXIT_INVALID = 7,
	EXIT_UNKNOWN_DESK = 8,
	EXIT_ALTERED = 9,
	EXIT_SEALED = 10,
	EXIT_UNSIGNED = 11,
	EXIT_PARTS = 12
};

/* Larger scans are not handoff codes (one QR code holds 3391 characters). */
#define MAX_INPUT (1024 * 1024)

static void
handoff_usage(FILE *to)
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
	          "[--seal FILE]\n"));
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
	if (form_set_load_dir_schema(dir, paths_schema_dir(), &s, print_diag, NULL) < 0) {
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

/* ---- keys for encoding ------------------------------------------------------ */

/*
 * The desk key (--desk-key FILE, else this desk's default key, created on
 * first use) and the city box key to seal to (--seal FILE, else the one
 * installed with `keys city-import`, when there is one). Returns 0, or
 * EXIT_OTHER after telling the user.
 */
static int
load_signing(const char *desk_file, const char *seal_file, handoff_desk_key *desk,
             handoff_city_key *city, int *sealed)
{
	handoff_error err = {0};
	char path[4096];
	handoff_status st;

	*sealed = 0;
	st = desk_file ? handoff_desk_key_load(desk_file, desk, &err)
	               : handoff_desk_key_default(desk, &err);
	if (st != HANDOFF_OK) {
		fprintf(stderr, "%s", _("The desk key cannot be read, so no code was made.\n"));
		fprintf(stderr, _("Details: %s.\n"), err.detail);
		return EXIT_OTHER;
	}
	if (!seal_file &&
	    handoff_keys_path("city-box.pub", path, sizeof path, 0, NULL) == HANDOFF_OK &&
	    access(path, F_OK) == 0)
		seal_file = path;
	if (seal_file) {
		if (handoff_city_key_load(seal_file, city, &err) != HANDOFF_OK) {
			fprintf(stderr, "%s",
			        _("The city's key cannot be read, so no code was made.\n"));
			fprintf(stderr, _("Details: %s.\n"), err.detail);
			handoff_desk_key_wipe(desk);
			return EXIT_OTHER;
		}
		*sealed = 1;
	}
	return 0;
}

/* "slip.png" and part 2 -> "slip-2.png". */
static void
part_path(const char *path, size_t i, size_t n, char *out, size_t outlen)
{
	const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
	if (n <= 1) {
		snprintf(out, outlen, "%s", path);
		return;
	}
	if (!dot || (slash && dot < slash))
		dot = path + strlen(path);
	snprintf(out, outlen, "%.*s-%zu%s", (int)(dot - path), path, i + 1, dot);
}

static int
parse_int(const char *s, int lo, int hi, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (*s == '\0' || *end || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

/* Reads and checks an answers file against the installed forms. */
static answers *
answers_from_path(const char *path, form_set **forms, char **lang)
{
	char why[256] = "";
	size_t len;
	char *json = slurp(path, &len);
	answers *a;

	if (!json) {
		fprintf(stderr, _("Cannot read %s: %s\n"), path, strerror(errno));
		return NULL;
	}
	*forms = load_forms();
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
	                                         {"digits", no_argument, NULL, 'd'},
	                                         {"max-version", required_argument, NULL, 'm'},
	                                         {"desk-key", required_argument, NULL, 'k'},
	                                         {"seal", required_argument, NULL, 'S'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {NULL, 0, NULL, 0}};
	const char *png = NULL, *svg = NULL, *desk_file = NULL, *seal_file = NULL;
	int scale = 8, c, rc = EXIT_OTHER, sealed = 0, have_keys = 0;
	char *lang = NULL;
	form_set *forms = NULL;
	answers *a = NULL;
	handoff_qr *qr = NULL;
	handoff_error err = {0};
	handoff_desk_key desk;
	handoff_city_key city = {0};
	handoff_encode_opts o = {&desk, NULL, HANDOFF_ARMOUR_BASE45, 40};
	handoff_codes codes = {0};

	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'p':
			png = optarg;
			break;
		case 's':
			svg = optarg;
			break;
		case 'x':
			if (parse_int(optarg, 1, 64, &scale) != 0) {
				fprintf(stderr, _("--scale needs a whole number from 1 to 64.\n"));
				return EXIT_USAGE;
			}
			break;
		case 'd':
			o.armour = HANDOFF_ARMOUR_DIGITS;
			break;
		case 'm':
			if (parse_int(optarg, 1, 40, &o.max_version) != 0) {
				fprintf(stderr,
				        _("--max-version needs a whole number from 1 to 40.\n"));
				return EXIT_USAGE;
			}
			break;
		case 'k':
			desk_file = optarg;
			break;
		case 'S':
			seal_file = optarg;
			break;
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
	a = answers_from_path(argv[optind], &forms, &lang);
	if (!a)
		goto out;
	if ((rc = load_signing(desk_file, seal_file, &desk, &city, &sealed)) != 0)
		goto out;
	have_keys = 1;
	rc = EXIT_OTHER;
	if (sealed)
		o.city_pk = city.pk;
	handoff_status st = handoff_encode_with(a, lang, &o, &codes, &err);
	for (size_t i = 0; st == HANDOFF_OK && i < codes.n; i++) {
		char path[4096];
		handoff_qr_free(qr);
		qr = NULL;
		st = handoff_qr_make(codes.text[i], &qr, &err);
		if (st == HANDOFF_OK && png) {
			part_path(png, i, codes.n, path, sizeof path);
			st = handoff_qr_write_png(qr, path, scale, &err);
		}
		if (st == HANDOFF_OK && svg) {
			part_path(svg, i, codes.n, path, sizeof path);
			st = handoff_qr_write_svg(qr, path, &err);
		}
		if (st == HANDOFF_OK)
			printf("%s\n", codes.text[i]);
	}
	if (st != HANDOFF_OK) {
		rc = encode_fail(&err);
		goto out;
	}
	if (fflush(stdout) != 0) {
		fprintf(stderr, _("Cannot write the code: %s\n"), strerror(errno));
		goto out;
	}
	/* L10N: the figures of an encoded handoff code, printed after it. */
	fprintf(stderr,
	        _("%zu bytes of answers, %zu bytes compressed, %zu characters, "
	          "QR version %d (%d x %d modules, error correction M).\n"),
	        codes.stats.serial_bytes, codes.stats.deflate_bytes, codes.stats.text_chars,
	        qr->version, qr->width, qr->width);
	if (codes.n > 1)
		fprintf(stderr, _("The application needs %zu codes; scan all of them.\n"), codes.n);
	rc = 0;
out:
	handoff_codes_free(&codes);
	handoff_qr_free(qr);
	free(lang);
	if (have_keys)
		handoff_desk_key_wipe(&desk);
	handoff_city_key_wipe(&city);
	if (a)
		answers_free(a);
	if (forms)
		form_set_free(forms);
	return rc;
}

/* ---- decode --------------------------------------------------------------- */

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
		if (handoff_keys_path("trusted-keys", path, sizeof path, 0, NULL) == HANDOFF_OK &&
		    access(path, F_OK) == 0 &&
		    handoff_keyring_add_file(kr, path, &err) != HANDOFF_OK) {
			fprintf(stderr, _("The trusted keys in %s cannot be read.\n"), path);
			fprintf(stderr, _("Details: %s.\n"), err.detail);
			return EXIT_OTHER;
		}
		if (handoff_desk_key_load(NULL, &own, NULL) == HANDOFF_OK) {
			handoff_pubkey pk;
			handoff_desk_key_public(&own, &pk);
			handoff_keyring_add(kr, &pk);
			handoff_desk_key_wipe(&own);
		}
	}
	*have_city = 0;
	if (!city_file &&
	    handoff_keys_path("city-box.key", path, sizeof path, 0, NULL) == HANDOFF_OK &&
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

static int
handoff_decode_cmd(int argc, char **argv)
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
			handoff_usage(stdout);
			free(keys);
			return 0;
		default:
			handoff_usage(stderr);
			free(keys);
			return EXIT_USAGE;
		}
	}
	if (optind < argc - 1) {
		handoff_usage(stderr);
		free(keys);
		return EXIT_USAGE;
	}
	if (optind == argc - 1)
		path = argv[optind];

	scanned = slurp(path, &len);
	if (!scanned) {
		if (errno == EFBIG) {
			err.status = HANDOFF_ERR_PREFIX;
			snprintf(err.detail, sizeof err.detail, "the input is longer than %d bytes",
			         MAX_INPUT);
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
	forms = load_forms();
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

/* ---- slip ------------------------------------------------------------------ */

#define MAX_BRING 16

typedef struct slip_job {
	const char *pdf, *png, *printer, *desk_file, *seal_file;
	handoff_paper paper;
	const char *bring[MAX_BRING];
	size_t nbring;
} slip_job;

/* Today as shown on the slip: 令和8年11月23日 (2026-11-23). YORISOI_TODAY
 * (YYYY-MM-DD) overrides the clock, as in the engine, for tests. */
static void
today_text(char *out, size_t n)
{
	char iso[16], era[64];
	const char *fixed = getenv("YORISOI_TODAY");
	if (fixed && strlen(fixed) == 10) {
		snprintf(iso, sizeof iso, "%s", fixed);
	} else {
		time_t t = time(NULL);
		struct tm tm;
		localtime_r(&t, &tm);
		strftime(iso, sizeof iso, "%Y-%m-%d", &tm);
	}
	if (date_format_era(iso, era, sizeof era) == 0)
		snprintf(out, n, "%s (%s)", era, iso);
	else
		snprintf(out, n, "%s", iso);
}

/* A value in the resident's language (current gettext language). */
static char *
resident_value(const field *fld, const char *v)
{
	char buf[1024], era[64];
	size_t used = 0;

	switch (field_kind(fld)) {
	case FIELD_CHOICE: {
		int i = field_choice_index(fld, v);
		return strdup(i >= 0 ? _(field_choice_label(fld, (size_t)i)) : v);
	}
	case FIELD_MULTI:
		buf[0] = '\0';
		for (const char *p = v; *p;) {
			const char *sp = strchr(p, ' ');
			size_t len = sp ? (size_t)(sp - p) : strlen(p);
			char id[128];
			snprintf(id, sizeof id, "%.*s",
			         (int)(len < sizeof id ? len : sizeof id - 1), p);
			int i = field_choice_index(fld, id);
			int k = snprintf(buf + used, sizeof buf - used, "%s%s", used ? ", " : "",
			                 i >= 0 ? _(field_choice_label(fld, (size_t)i)) : id);
			if (k < 0 || (size_t)k >= sizeof buf - used)
				break;
			used += (size_t)k;
			p = sp ? sp + 1 : p + len;
		}
		return strdup(buf);
	case FIELD_DATE:
		if (strcmp(i18n_language(), "ja") == 0 && date_format_era(v, era, sizeof era) == 0)
			return strdup(era);
		return strdup(v);
	default:
		return strdup(v);
	}
}

static handoff_slip_line *
grow_lines(handoff_slip_line *lines, size_t *cap, size_t need)
{
	if (need <= *cap)
		return lines;
	while (*cap < need)
		*cap *= 2;
	lines = realloc(lines, *cap * sizeof *lines);
	if (!lines)
		abort();
	return lines;
}

/*
 * Encodes the answers with this desk's keys and draws the slip. The
 * resident's part is translated into `lang` (the gettext language is
 * switched for the duration and restored); the clerk's part comes from the
 * form's Japanese terms inside the handoff module.
 */
static int
make_slip(const answers *a, const char *lang, const slip_job *job, char *msg, size_t msglen)
{
	const form *f = answers_form(a);
	size_t nf = form_field_count(f), nlines = 0, nbring = job->nbring, cap = nf ? nf : 1;
	handoff_slip_line *lines = calloc(cap, sizeof *lines);
	char *saved = strdup(i18n_language());
	char date[128], date_label[256], desk_label[256], footer[512];
	const char *bring[MAX_BRING];
	handoff_desk_key desk;
	handoff_city_key city = {0};
	handoff_encode_opts o = {&desk, NULL, HANDOFF_ARMOUR_BASE45, 40};
	handoff_codes codes = {0};
	handoff_error err = {0};
	int sealed = 0, rc = -1;

	if (!lines || !saved)
		abort();
	if (load_signing(job->desk_file, job->seal_file, &desk, &city, &sealed) != 0) {
		snprintf(msg, msglen, "%s", _("The desk key cannot be read, so no slip was made."));
		free(lines);
		free(saved);
		return -1;
	}
	if (sealed)
		o.city_pk = city.pk;
	if (lang && *lang)
		i18n_set_language(lang);
	/* A Japanese reader reads the clerk's part; plain "ja" needs no second copy
	 * (ja@easy keeps its own, simpler wording). */
	int japanese = lang && strcmp(lang, "ja") == 0;
	for (size_t i = 0; i < nf && !japanese; i++) {
		const field *fld = form_field_at(f, i);
		const form_repeat *r =
		        field_repeat(fld) ? form_repeat_by_id(f, field_repeat(fld)) : NULL;
		if (r) {
			/* a repeat: a heading line per instance, then its answers */
			int count = answers_repeat_count(a, repeat_id(r));
			size_t nr = repeat_field_count(r);
			for (int k = 0; k < count; k++) {
				char head[256];
				snprintf(head, sizeof head, "%s %d", _(repeat_label(r)), k + 1);
				lines = grow_lines(lines, &cap, nlines + nr + 1);
				lines[nlines].label = strdup(head);
				lines[nlines].value = strdup("");
				nlines++;
				for (size_t j = 0; j < nr; j++) {
					const field *rf = repeat_field_at(r, j);
					const char *v = answers_get_at(a, field_id(rf), k);
					if (!v || !field_applies_at(a, rf, k))
						continue;
					lines[nlines].label = strdup(_(field_label(rf)));
					lines[nlines].value = resident_value(rf, v);
					nlines++;
				}
			}
			i += nr ? nr - 1 : 0;
			continue;
		}
		const char *v = answers_get(a, field_id(fld));
		if (!v || !field_applies(a, fld))
			continue;
		lines = grow_lines(lines, &cap, nlines + 1);
		lines[nlines].label = strdup(_(field_label(fld)));
		lines[nlines].value = resident_value(fld, v);
		nlines++;
	}
	for (size_t i = 0; i < nbring; i++)
		bring[i] = job->bring[i];
	if (nbring == 0) {
		bring[nbring++] = _("Your My Number card, residence card or another photo ID.");
		bring[nbring++] = _("Your personal seal (inkan), if you have one.");
		bring[nbring++] = _("This slip.");
	}
	today_text(date, sizeof date);
	/* The Japanese words in parentheses are for the clerk and stay Japanese. */
	snprintf(date_label, sizeof date_label, "%s（作成日）", _("Date"));
	snprintf(desk_label, sizeof desk_label, "%s（作成窓口）", _("Help desk"));
	snprintf(footer, sizeof footer, "%s\n%s",
	         _("Show this slip at the city hall counter. The staff will scan the code; you "
	           "do not need to write anything."),
	         "窓口の方へ：コードを読み取ると申請内容が表示されます。");
	handoff_slip_text t = {
	        .lang = lang,
	        .title_local = _(form_label(f)),
	        .clerk_heading = "窓口の方へ（申請内容）",
	        .resident_heading = _("Your answers"),
	        .bring_heading = _("What to bring to the counter"),
	        .bring = bring,
	        .nbring = nbring,
	        .date_label = date_label,
	        .desk_label = desk_label,
	        .date_text = date,
	        .footer = footer,
	        /* L10N: under each QR code when an application needs several. */
	        .part_format = _("Code %zu of %zu"),
	        .lines = lines,
	        .nlines = nlines,
	};
	handoff_status st = handoff_encode_with(a, lang, &o, &codes, &err);
	if (st == HANDOFF_OK)
		st = handoff_slip_write(a, &codes, &desk, &t, job->paper, job->pdf, job->png, 200,
		                        &err);
	if (st == HANDOFF_OK && job->printer)
		st = handoff_slip_print(job->printer, job->pdf, &err);
	i18n_set_language(saved);
	if (st == HANDOFF_OK) {
		rc = 0;
	} else if (st == HANDOFF_ERR_INCOMPLETE) {
		snprintf(msg, msglen, "%s", _("Some required questions are not answered yet."));
	} else if (job->printer && st == HANDOFF_ERR_SLIP) {
		/* L10N: %1$s is a printer name, %2$s an English detail. */
		snprintf(msg, msglen, _("The slip could not be printed on %1$s (%2$s)."),
		         job->printer, err.detail);
	} else {
		snprintf(msg, msglen, _("The slip could not be made (%s)."), err.detail);
	}
	for (size_t i = 0; i < nlines; i++) {
		free((char *)lines[i].label);
		free((char *)lines[i].value);
	}
	free(lines);
	free(saved);
	handoff_codes_free(&codes);
	handoff_desk_key_wipe(&desk);
	handoff_city_key_wipe(&city);
	return rc;
}

int
tui_handoff_slip(const answers *a, const char *lang, const char *pdf_path, const char *png_path,
                 const char *paper, const char *printer, char *msg, size_t msglen)
{
	slip_job job = {.pdf = pdf_path, .png = png_path, .printer = printer};
	job.paper =
	        paper && strcmp(paper, "receipt") == 0 ? HANDOFF_PAPER_RECEIPT80 : HANDOFF_PAPER_A4;
	return make_slip(a, lang, &job, msg, msglen);
}

static int
handoff_slip_cmd(int argc, char **argv)
{
	static const struct option longopts[] = {{"pdf", required_argument, NULL, 'f'},
	                                         {"png", required_argument, NULL, 'p'},
	                                         {"paper", required_argument, NULL, 'P'},
	                                         {"print", required_argument, NULL, 'r'},
	                                         {"bring", required_argument, NULL, 'b'},
	                                         {"desk-key", required_argument, NULL, 'k'},
	                                         {"seal", required_argument, NULL, 'S'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {NULL, 0, NULL, 0}};
	slip_job job = {0};
	char *lang = NULL, msg[512] = "";
	form_set *forms = NULL;
	answers *a = NULL;
	int c, rc = EXIT_OTHER;

	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			job.pdf = optarg;
			break;
		case 'p':
			job.png = optarg;
			break;
		case 'P':
			if (strcmp(optarg, "a4") == 0) {
				job.paper = HANDOFF_PAPER_A4;
			} else if (strcmp(optarg, "receipt") == 0) {
				job.paper = HANDOFF_PAPER_RECEIPT80;
			} else {
				fprintf(stderr, "%s", _("--paper is a4 or receipt.\n"));
				return EXIT_USAGE;
			}
			break;
		case 'r':
			job.printer = optarg;
			break;
		case 'b':
			if (job.nbring == MAX_BRING) {
				fprintf(stderr, _("At most %d --bring items.\n"), MAX_BRING);
				return EXIT_USAGE;
			}
			job.bring[job.nbring++] = optarg;
			break;
		case 'k':
			job.desk_file = optarg;
			break;
		case 'S':
			job.seal_file = optarg;
			break;
		case 'h':
			handoff_usage(stdout);
			return 0;
		default:
			handoff_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1 || !job.pdf) {
		handoff_usage(stderr);
		return EXIT_USAGE;
	}
	a = answers_from_path(argv[optind], &forms, &lang);
	if (!a)
		goto out;
	if (make_slip(a, lang, &job, msg, sizeof msg) != 0) {
		fprintf(stderr, "%s\n", msg);
		goto out;
	}
	rc = 0;
out:
	free(lang);
	if (a)
		answers_free(a);
	if (forms)
		form_set_free(forms);
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
	if (strcmp(argv[1], "slip") == 0)
		return handoff_slip_cmd(argc - 1, argv + 1);
	fprintf(stderr, _("yorisoi handoff: unknown action \"%s\"\n"), argv[1]);
	handoff_usage(stderr);
	return EXIT_USAGE;
}
