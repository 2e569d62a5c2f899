/*
 * What the help says (F1 or ? in the console, ? in --plain): for a
 * question, the form's own help, the official Japanese term, how to write
 * the answer and what comes after it; for every other screen a short text
 * written for that screen; then the keys that work everywhere. The text is
 * built here once, as paragraphs, and drawn by screen_help.c or printed
 * by plain.c, so both modes say the same thing.
 */
#ifndef YORISOI_TUI_HELP_H
#define YORISOI_TUI_HELP_H

#include <stdbool.h>

#include "tui/console/app.h"

enum { HELP_MAX_PARAS = 24, HELP_PARA_MAX = 1200 };

typedef struct help_para {
	char text[HELP_PARA_MAX];
	bool heading; /* drawn bold, with no blank row before the text under it */
} help_para;

typedef struct help_doc {
	char title[256];
	help_para para[HELP_MAX_PARAS];
	int n;
} help_doc;

/* The help for one question step of a->form (also the add-another step);
 * with_keys adds the console's keys to answer with (--plain has its own
 * prompt). */
void help_for_step(const app *a, const form_step *st, bool with_keys, help_doc *d);

/* The help for the screen in front of the resident: the current question
 * on SCR_QUESTION, the lock when locked, else that screen's own text; the
 * general keys at the end. */
void help_for_screen(const app *a, help_doc *d);

#endif
