/*
 * tui — the ncursesw console and main(). Shows the engine's current
 * question, sends the answer back, and never touches SQL, APDUs or QR
 * internals itself.
 */
#ifndef YORISOI_TUI_H
#define YORISOI_TUI_H

#include <stdbool.h>

typedef struct tui_options {
	const char *lang;      /* "ja", "en", or NULL to ask */
	bool demo;             /* use the built-in demo card */
	bool plain;            /* line mode for screen readers */
	bool no_echo_answers;  /* plain mode on a shared screen: answers and card data
	                          are not echoed, and the screen is cleared at the end */
	const char *persona;   /* demo persona file, or NULL for the built-in one */
	const char *slip_dir;  /* where handoff PNGs are written */
	int idle_lock_seconds; /* clear the screen after this long without input */
	int visit_end_seconds; /* end the visit (draft kept) after this long; 0: never */
	const char *printer;   /* CUPS queue for the slip, or NULL: save it only */
	const char *paper;     /* "a4" (default) or "receipt" (80 mm) */
	const char *theme;     /* "default", "high-contrast" or "monochrome" */
} tui_options;

/* Runs the interactive console until the user quits. Returns the exit status. */
int tui_run(const tui_options *opt);

#endif
