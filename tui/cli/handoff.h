/*
 * What `yorisoi handoff encode|decode|slip` (tui/cli/handoff*.c) share:
 * usage, loading the forms, reading answers files, numbers in options.
 */
#ifndef YORISOI_TUI_CLI_HANDOFF_H
#define YORISOI_TUI_CLI_HANDOFF_H

#include <stdio.h>

#include "engine/engine.h"
#include "handoff/handoff.h"
#include "tui/cli/cli.h"

void cli_handoff_usage(FILE *to);
/* The installed forms; NULL after telling the user. */
form_set *cli_load_forms(void);
int cli_parse_int(const char *s, int lo, int hi, int *out);
/* An answers file checked against the installed forms; NULL after telling
 * the user. */
answers *cli_answers_from_path(const char *path, form_set **forms, char **lang);

/* The scans in what a scanner typed: one per non-empty line, in place. */
size_t cli_split_scans(char *text, char ***out);
/* Loads every --key file (or, with none, this computer's trusted keys and
 * its own desk key) and the city key (--city-key, or this computer's);
 * returns 0, or the exit status after telling the user. */
int cli_load_trust(const char *const *keys, size_t nkeys, const char *city_file,
                   handoff_keyring *kr, handoff_city_key *city, int *have_city);
/* The clerk's sentences (translated, ending in a newline) for a refused
 * code: what went wrong and what to do. Returns the exit status. */
int cli_scan_problem(const handoff_error *err, const handoff_origin *o, char *msg, size_t size);

/* The keys a command that reads scans was given (--key, --city-key). */
typedef struct cli_trust {
	const char **keys;
	size_t nkeys;
	const char *city_file;
} cli_trust;
/* Reads what the scanner typed at path (NULL: standard input), verifies
 * it against the trusted keys (kept in kr: the origin borrows the desk)
 * and decodes it. Returns 0, or the exit status after telling the clerk.
 * The caller frees *forms, *a, *lang and kr, also on failure. */
int cli_decode_scanned(const char *path, const cli_trust *t, handoff_keyring *kr, form_set **forms,
                       answers **a, char **lang, handoff_origin *org);

int cli_handoff_encode(int argc, char **argv);
int cli_handoff_decode(int argc, char **argv);
int cli_handoff_slip(int argc, char **argv);
int cli_handoff_form(int argc, char **argv);

#endif
