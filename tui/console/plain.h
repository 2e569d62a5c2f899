/*
 * Plain line mode (--plain): the same engine, asked through stdio with
 * numbered choices, for screen readers and braille displays (the Debian
 * installer's way).
 */
#ifndef YORISOI_TUI_PLAIN_H
#define YORISOI_TUI_PLAIN_H

#include "tui/console/app.h"

int plain_run(app *a);

#endif
