/* `yorisoi handoff slip ANSWERS.json --pdf FILE ...`: the printed slip of
 * tui/slip.h from an answers file, for scripts. */
#include "engine/engine.h"
#include "handoff/handoff.h"
#include "tui/cli/handoff.h"
#include "tui/cli/cli.h"
#include "tui/i18n.h"
#include "tui/slip.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
cli_handoff_slip(int argc, char **argv)
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
	tui_slip_job job = {0};
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
			if (tui_slip_paper(optarg, &job.paper) != 0) {
				fprintf(stderr, "%s", _("--paper is a4 or receipt.\n"));
				return EXIT_USAGE;
			}
			break;
		case 'r':
			job.printer = optarg;
			break;
		case 'b':
			if (job.nbring == TUI_SLIP_MAX_BRING) {
				fprintf(stderr, _("At most %d --bring items.\n"),
				        TUI_SLIP_MAX_BRING);
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
			cli_handoff_usage(stdout);
			return 0;
		default:
			cli_handoff_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1 || !job.pdf) {
		cli_handoff_usage(stderr);
		return EXIT_USAGE;
	}
	a = cli_answers_from_path(argv[optind], &forms, &lang);
	if (!a)
		goto out;
	if (tui_slip_make(a, lang, &job, msg, sizeof msg) != 0) {
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
