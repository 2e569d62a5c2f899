/*
 * The desk's settings file (yorisoi.conf(5), docs/yorisoi.conf):
 *
 *   SYSCONFDIR/yorisoi/yorisoi.conf             the library's settings
 *   $XDG_CONFIG_HOME/yorisoi/yorisoi.conf       one account's, setting by
 *     (else ~/.config/yorisoi/yorisoi.conf)     setting over the library's
 *
 * and --config FILE instead of both. Command-line options override every
 * file. Lines are "name = value"; a line whose first non-blank character
 * is # is a comment. A wrong line is a problem with its file:line, in the
 * user's language, and the setting keeps its safe default: the console
 * always starts.
 */
#ifndef YORISOI_TUI_CONFIG_H
#define YORISOI_TUI_CONFIG_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum {
	TUI_CONFIG_MAX_LIST = 32,     /* procedures, languages */
	TUI_CONFIG_MAX_PROBLEMS = 32, /* more are counted, not kept */
	TUI_CONFIG_DEFAULT_IDLE_LOCK = 300,
	TUI_CONFIG_DEFAULT_VISIT_END = 1800, /* 30 minutes */
	TUI_CONFIG_DEFAULT_RETENTION = 14,
};

typedef struct tui_config_word {
	char text[32];
	char where[PATH_MAX + 16]; /* "file:line", for a problem found later */
} tui_config_word;

typedef struct tui_config {
	char site[128];          /* the desk's name on the slip, or "" */
	char municipality[128];  /* the city whose counter takes the codes, or "" */
	char city_key[PATH_MAX]; /* the city's sealing key file, or "" */
	char city_key_where[PATH_MAX + 16];
	char printer[128];        /* CUPS queue, or "": slips are saved only */
	char paper[16];           /* "a4" or "receipt" */
	char theme[16];           /* "default", "high-contrast" or "monochrome" */
	int idle_lock_seconds;    /* 0: never */
	int visit_end_seconds;    /* idle this long, the visit ends by itself; 0: never */
	int draft_retention_days; /* 1 to 365 */
	tui_config_word procedures[TUI_CONFIG_MAX_LIST]; /* none: every installed form */
	size_t nprocedures;
	tui_config_word languages[TUI_CONFIG_MAX_LIST]; /* offered first, in this order */
	size_t nlanguages;
} tui_config;

/* Reads the files (or only `file`, from --config) into the settings; call
 * after i18n_init so problems are in the user's language. Returns the
 * number of problems found. */
size_t tui_config_load(const char *file);

/* Back to the defaults, with no problem and no file read (for tests). */
void tui_config_reset(void);

/* The settings: the defaults until tui_config_load. */
const tui_config *tui_config_get(void);

/* Problems found so far, each one translated sentence starting "file:line:". */
size_t tui_config_problem_count(void);
const char *tui_config_problem(size_t i);
/* Prints every problem kept, one "yorisoi: file:line: ..." line each. */
void tui_config_print_problems(FILE *to);
/* Adds a problem found after loading (an unknown procedure or language). */
void tui_config_add_problem(const char *where, const char *what);

/* The files that were read, for `yorisoi doctor`. */
size_t tui_config_file_count(void);
const char *tui_config_file(size_t i);
/* The system-wide file's path (read or not). */
const char *tui_config_system_file(void);

/* Whether the form with this id is one the city accepts (procedures). */
bool tui_config_offers(const char *form_id);
/* Offers every installed procedure again (none of those named exists). */
void tui_config_offer_all(void);

#endif
