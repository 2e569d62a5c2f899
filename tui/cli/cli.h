/*
 * The command-line subcommands of `yorisoi`. argv[0] is the subcommand
 * word. Each returns the process exit status, one set for every command
 * (documented in the man page, EXIT STATUS):
 */
#ifndef YORISOI_TUI_CLI_H
#define YORISOI_TUI_CLI_H

enum cli_exit {
	EXIT_OK = 0,
	EXIT_OTHER = 1, /* a failure the user was told about */
	EXIT_USAGE = 2, /* the command line is wrong */
	/* handoff decode: why a scan cannot be used (docs/handoff-format.md) */
	EXIT_NOT_YORISOI = 3,  /* not a Yorisoi code */
	EXIT_DAMAGED = 4,      /* damaged or cut off */
	EXIT_UNKNOWN = 5,      /* unknown form or format version */
	EXIT_LOWERCASE = 6,    /* lower-case letters: the scanner's Caps Lock */
	EXIT_INVALID = 7,      /* the answers fail the form's checks */
	EXIT_UNKNOWN_DESK = 8, /* a desk the counter does not trust */
	EXIT_ALTERED = 9,      /* the signature does not match */
	EXIT_SEALED = 10,      /* sealed: no city key, or the wrong one */
	EXIT_UNSIGNED = 11,    /* not signed */
	EXIT_PARTS = 12,       /* parts missing, or of different applications */
};

#include <stdbool.h>

/* Whether --help or -h is among the command's arguments: each command then
 * prints its usage on standard output and exits 0, whatever else is there. */
bool cli_wants_help(int argc, char **argv);

int cli_card(int argc,
             char **argv); /* card read [--reader NAME] [--pin-stdin] [--confirm-last-try] */
int cli_forms(int argc, char **argv);   /* forms list | forms check [FILE|DIR ...] */
int cli_handoff(int argc, char **argv); /* handoff encode | decode | slip */
int cli_drafts(int argc, char **argv);  /* drafts list | drafts purge [--all] */
int cli_keys(int argc, char **argv);    /* keys init|show|export|city-init|city-import */
int cli_stats(int argc, char **argv);   /* stats [--day D|--month M|--from D --to D] [--csv] */

struct tui_options;
/* doctor [--printer NAME]: the printer from the settings or --printer */
int cli_doctor(int argc, char **argv, const struct tui_options *opt);
/* counter [--export DIR] ... | counter purge ...: the clerk's station */
int cli_counter(int argc, char **argv, const struct tui_options *opt);

#endif
