/* `yorisoi handoff slip` and the console's S key: the printed slip (PDF,
 * PNG) with the code, the clerk's summary in Japanese, the resident's
 * answers in their language and what to bring; sent to CUPS on request. */
#include "engine/engine.h"
#include "handoff/handoff.h"
#include "tui/cli/handoff.h"
#include "tui/cli/cli.h"
#include "tui/i18n.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
		for (size_t i = 0; i < field_choice_count(fld); i++) {
			if (!field_multi_has(fld, v, i))
				continue;
			int k = snprintf(buf + used, sizeof buf - used, "%s%s", used ? ", " : "",
			                 _(field_choice_label(fld, i)));
			if (k < 0 || (size_t)k >= sizeof buf - used)
				break;
			used += (size_t)k;
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
	if (handoff_load_signing(job->desk_file, job->seal_file, &desk, &city, &sealed) != 0) {
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

int
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
	a = handoff_answers_from_path(argv[optind], &forms, &lang);
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
