/*
 * The shared plumbing of `yorisoi handoff encode|decode|slip`
 * (tui/cmd_handoff*.c): exit statuses, usage, reading files and answers,
 * loading the forms and the desk's signing keys.
 */
#ifndef YORISOI_TUI_CMD_HANDOFF_H
#define YORISOI_TUI_CMD_HANDOFF_H

#include <stdio.h>

#include "engine/engine.h"
#include "handoff/handoff.h"

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

void handoff_usage(FILE *to);
/* The installed forms; NULL after telling the user. */
form_set *handoff_load_forms(void);
/* A whole file, or stdin for NULL or "-": malloc'd and NUL-terminated, or
 * NULL with errno set (EFBIG when longer than MAX_INPUT). */
char *handoff_slurp(const char *path, size_t *len);
/* The desk key and, when configured, the city key to seal to; 0, or
 * EXIT_OTHER after telling the user. */
int handoff_load_signing(const char *desk_file, const char *seal_file, handoff_desk_key *desk,
                         handoff_city_key *city, int *sealed);
int handoff_parse_int(const char *s, int lo, int hi, int *out);
/* An answers file checked against the installed forms; NULL after telling
 * the user. */
answers *handoff_answers_from_path(const char *path, form_set **forms, char **lang);

int handoff_encode_cmd(int argc, char **argv);
int handoff_decode_cmd(int argc, char **argv);
int handoff_slip_cmd(int argc, char **argv);

#endif
