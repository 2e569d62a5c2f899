/* `yorisoi handoff encode`: answers to the payload text(s), with the QR
 * code as PNG or SVG, and the figures on stderr. */
#include "engine/engine.h"
#include "handoff/handoff.h"
#include "tui/cli/handoff.h"
#include "tui/cli/cli.h"
#include "tui/i18n.h"
#include "tui/signing.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int
cli_handoff_encode(int argc, char **argv)
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
	char *lang = NULL, msg[512];
	form_set *forms = NULL;
	answers *a = NULL;
	handoff_qr *qr = NULL;
	handoff_error err = {0};
	handoff_desk_key desk;
	handoff_city_key city = {0};
	handoff_encode_opts o = {&desk, NULL, HANDOFF_ARMOUR_BASE45, 40, NULL};
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
			if (cli_parse_int(optarg, 1, 64, &scale) != 0) {
				fprintf(stderr, _("--scale needs a whole number from 1 to 64.\n"));
				return EXIT_USAGE;
			}
			break;
		case 'd':
			o.armour = HANDOFF_ARMOUR_DIGITS;
			break;
		case 'm':
			if (cli_parse_int(optarg, 1, 40, &o.max_version) != 0) {
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
			cli_handoff_usage(stdout);
			return 0;
		default:
			cli_handoff_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		cli_handoff_usage(stderr);
		return EXIT_USAGE;
	}
	a = cli_answers_from_path(argv[optind], &forms, &lang);
	if (!a)
		goto out;
	if (tui_signing_load(desk_file, seal_file, &desk, &city, &sealed, msg, sizeof msg) != 0) {
		fprintf(stderr, "%s\n", msg);
		goto out;
	}
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
