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

int cli_handoff_encode(int argc, char **argv);
int cli_handoff_decode(int argc, char **argv);
int cli_handoff_slip(int argc, char **argv);

#endif
