/*
 * yorisoi: the console for the help desk, and the subcommands the desk and
 * the counter use (README.md, "Command line").
 */
#include "engine/engine.h"
#include "tui/cli/cli.h"
#include "tui/config.h"
#include "tui/console/theme.h"
#include "tui/i18n.h"
#include "tui/languages.h"
#include "tui/paths.h"
#include "tui/tui.h"

#include <errno.h>
#include <jansson.h>
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

static void
usage(FILE *to)
{
	fprintf(to, "%s",
	        _("Usage: yorisoi [--lang LL] [--demo] [--persona FILE] [--plain] [--db PATH]\n"
	          "               [--forms DIR] [--slip-dir DIR] [--printer NAME] [--paper "
	          "a4|receipt]\n"
	          "               [--idle-lock SECONDS] [--no-echo-answers] [--config FILE]\n"
	          "               [--theme default|high-contrast|monochrome] [--version]\n"
	          "       yorisoi card read [--reader NAME] [--pin-stdin] [--confirm-last-try]\n"
	          "       yorisoi forms list | forms check [FILE|DIR ...]\n"
	          "       yorisoi handoff encode ANSWERS.json [--png FILE] [--svg FILE]\n"
	          "       yorisoi handoff decode [--key FILE] [--city-key FILE] [--summary] "
	          "[SCANNED]\n"
	          "       yorisoi handoff slip ANSWERS.json --pdf FILE [--png FILE] [--print "
	          "PRINTER]\n"
	          "       yorisoi handoff form [SCANNED] --pdf FILE [--key FILE] [--city-key "
	          "FILE]\n"
	          "       yorisoi counter [--export DIR] [--csv] [--printer NAME] [--device PATH]\n"
	          "       yorisoi counter purge --day YYYY-MM-DD | --before YYYY-MM-DD | --all\n"
	          "       yorisoi keys init | show | export | city-init | city-import\n"
	          "       yorisoi drafts list | drafts purge [--all]\n"
	          "       yorisoi stats [--day DATE | --month YYYY-MM | --from DATE --to DATE] "
	          "[--csv]\n"
	          "       yorisoi doctor [--printer NAME]\n"
	          "Each command says more with --help.\n"));
}

/* A plain "C" locale would switch translations off and make every CJK
 * character unprintable; prefer C.UTF-8 then, which glibc always has. */
static void
set_up_locale(void)
{
	const char *l = setlocale(LC_ALL, "");
	if (!l || strcmp(l, "C") == 0 || strcmp(l, "POSIX") == 0)
		setlocale(LC_ALL, "C.UTF-8");
}

/* Card data and PINs pass through memory: keep them out of core files. */
static void
no_core_dumps(void)
{
	struct rlimit rl = {0, 0};
	setrlimit(RLIMIT_CORE, &rl);
}

static void
print_languages(FILE *to)
{
	for (size_t i = 0; i < tui_language_count(); i++)
		fprintf(to, "  %-8s %s (%s)\n", tui_language_at(i)->code,
		        tui_language_at(i)->native, tui_language_at(i)->japanese);
}

/*
 * The settings files under the command line: each option given wins over
 * its setting. The settings' languages go first in the language menu.
 */
static void
apply_settings(tui_options *opt, bool idle_given)
{
	const tui_config *c = tui_config_get();
	if (!idle_given)
		opt->idle_lock_seconds = c->idle_lock_seconds;
	opt->visit_end_seconds = c->visit_end_seconds;
	if (!opt->printer && c->printer[0])
		opt->printer = c->printer;
	if (!opt->paper)
		opt->paper = c->paper;
	/* NO_COLOR (no-color.org) is this terminal's user saying "no colour":
	 * it wins over the settings file, which is often the library's for
	 * every desk, but not over --theme, asked for on this very run. */
	const char *no_color = getenv("NO_COLOR");
	if (!opt->theme)
		opt->theme = no_color && *no_color ? theme_name(THEME_MONOCHROME) : c->theme;
	const char *codes[TUI_CONFIG_MAX_LIST];
	for (size_t i = 0; i < c->nlanguages; i++) {
		codes[i] = c->languages[i].text;
		if (tui_language_find(codes[i]))
			continue;
		char why[256];
		snprintf(why, sizeof why,
		         /* L10N: %s is a language code as written in the settings file. */
		         _("there is no language \"%s\" (\"yorisoi --lang list\" lists them)."),
		         codes[i]);
		tui_config_add_problem(c->languages[i].where, why);
	}
	tui_languages_put_first(codes, c->nlanguages);
}

int
main(int argc, char **argv)
{
	tui_options opt = {.idle_lock_seconds = TUI_CONFIG_DEFAULT_IDLE_LOCK,
	                   .visit_end_seconds = TUI_CONFIG_DEFAULT_VISIT_END};
	const char *config_file = NULL;
	bool idle_given = false, want_help = false;
	static const struct option longopts[] = {{"lang", required_argument, NULL, 'l'},
	                                         {"demo", no_argument, NULL, 'd'},
	                                         {"plain", no_argument, NULL, 'p'},
	                                         {"db", required_argument, NULL, 'b'},
	                                         {"forms", required_argument, NULL, 'f'},
	                                         {"persona", required_argument, NULL, 'P'},
	                                         {"slip-dir", required_argument, NULL, 's'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {"idle-lock", required_argument, NULL, 'i'},
	                                         {"printer", required_argument, NULL, 'r'},
	                                         {"paper", required_argument, NULL, 'a'},
	                                         {"no-echo-answers", no_argument, NULL, 'e'},
	                                         {"version", no_argument, NULL, 'V'},
	                                         {"config", required_argument, NULL, 'c'},
	                                         {"theme", required_argument, NULL, 't'},
	                                         {NULL, 0, NULL, 0}};

	no_core_dumps();
	/* JSON texts hold the answers (drafts, handoff payloads): jansson's
	 * blocks are wiped when it frees them, as the engine's are */
	json_set_alloc_funcs(malloc, wipe_free);
	set_up_locale();
	tui_paths_init();
	i18n_init();

	/* Global options come before the subcommand; stop at the first word. */
	int c;
	while ((c = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
		switch (c) {
		case 'l':
			opt.lang = optarg;
			break;
		case 'd':
			opt.demo = true;
			break;
		case 'p':
			opt.plain = true;
			break;
		case 'e':
			opt.no_echo_answers = true;
			break;
		case 'V':
			printf("yorisoi %s\n", YORISOI_VERSION);
			return EXIT_OK;
		case 'b':
			tui_paths_set_db(optarg);
			break;
		case 'f':
			tui_paths_set_forms_dir(optarg);
			break;
		case 'P':
			opt.persona = optarg;
			opt.demo = true;
			break;
		case 's':
			opt.slip_dir = optarg;
			break;
		case 'i': {
			/* a typo such as "off" must not silently turn the privacy lock off */
			char *end;
			errno = 0;
			long v = strtol(optarg, &end, 10);
			if (errno || end == optarg || *end || v < 0 || v > 86400) {
				fprintf(stderr, "%s\n",
				        _("yorisoi: --idle-lock takes whole seconds from 0 (never "
				          "lock) "
				          "to 86400."));
				return EXIT_USAGE;
			}
			opt.idle_lock_seconds = (int)v;
			idle_given = true;
			break;
		}
		case 'c':
			config_file = optarg;
			break;
		case 'r':
			opt.printer = optarg;
			break;
		case 'a':
			if (strcmp(optarg, "a4") != 0 && strcmp(optarg, "receipt") != 0) {
				fprintf(stderr, "%s\n", _("yorisoi: --paper is a4 or receipt"));
				return EXIT_USAGE;
			}
			opt.paper = optarg;
			break;
		case 't': {
			theme_id t;
			if (!theme_from_name(optarg, &t)) {
				fprintf(stderr, "%s\n",
				        /* L10N: the option and its three words stay as they are. */
				        _("yorisoi: --theme is default, high-contrast or "
				          "monochrome"));
				return EXIT_USAGE;
			}
			opt.theme = theme_name(t);
			break;
		}
		case 'h':
			want_help = true; /* after --lang, wherever it stands */
			break;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	tui_languages_load();
	if (opt.lang && strcmp(opt.lang, "list") == 0) {
		print_languages(stdout);
		return EXIT_OK;
	}
	if (opt.lang) {
		if (!tui_language_find(opt.lang)) {
			fprintf(stderr,
			        _("yorisoi: there is no language \"%s\". These are installed:\n"),
			        opt.lang);
			print_languages(stderr);
			return EXIT_USAGE;
		}
		i18n_set_language(opt.lang);
	}
	if (want_help) {
		usage(stdout);
		return EXIT_OK;
	}
	tui_config_load(config_file);
	apply_settings(&opt, idle_given);

	if (optind < argc) {
		const char *cmd = argv[optind];
		int sub_argc = argc - optind;
		char **sub_argv = argv + optind;
		optind = 0; /* full getopt reset: the subcommand parses its own options */
		if (strcmp(cmd, "doctor") == 0)
			return cli_doctor(sub_argc, sub_argv, &opt);
		tui_config_print_problems(stderr); /* before anything else is shown */
		if (strcmp(cmd, "card") == 0)
			return cli_card(sub_argc, sub_argv);
		if (strcmp(cmd, "forms") == 0)
			return cli_forms(sub_argc, sub_argv);
		if (strcmp(cmd, "handoff") == 0)
			return cli_handoff(sub_argc, sub_argv);
		if (strcmp(cmd, "drafts") == 0)
			return cli_drafts(sub_argc, sub_argv);
		if (strcmp(cmd, "keys") == 0)
			return cli_keys(sub_argc, sub_argv);
		if (strcmp(cmd, "stats") == 0)
			return cli_stats(sub_argc, sub_argv);
		if (strcmp(cmd, "counter") == 0) {
			if (!opt.lang) /* the clerk's station speaks Japanese unless asked */
				i18n_set_language("ja");
			return cli_counter(sub_argc, sub_argv, &opt);
		}
		fprintf(stderr, _("yorisoi: unknown command \"%s\"\n"), cmd);
		usage(stderr);
		return EXIT_USAGE;
	}
	return tui_run(&opt);
}
