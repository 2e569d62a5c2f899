/* The demo card for --demo [--persona FILE], for the console, the plain
 * mode and `card read` alike. */
#ifndef YORISOI_TUI_DEMO_CARD_H
#define YORISOI_TUI_DEMO_CARD_H

#include <stddef.h>

#include "cardio/cardio.h"

/*
 * Opens the emulated card with the persona in persona_path (NULL: the
 * built-in one). The file's text, which holds the PIN, is wiped from
 * memory after use. When the file cannot be read, returns CARDIO_ERR_STATE
 * with one translated sentence in why (why is "" otherwise).
 */
cardio_status tui_demo_card_open(const char *persona_path, cardio_session **s, cardio_error *err,
                                 char *why, size_t whylen);

#endif
