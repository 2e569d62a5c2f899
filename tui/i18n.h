/*
 * gettext in one place (the NeoMutt model): _() translates, N_() marks a
 * string for extraction where it is translated later. Translator comments
 * start with "L10N:" and are extracted by `make update-po`.
 */
#ifndef YORISOI_TUI_I18N_H
#define YORISOI_TUI_I18N_H

#include <libintl.h>

#define _(s)  gettext(s)
#define N_(s) (s)

/* Binds the "yorisoi" text domain to tui_path_locale_dir() (after
 * tui_paths_init). */
void i18n_init(void);

/* Switches the message language at run time ("ja", "en"); the locale's
 * codeset is kept. */
void i18n_set_language(const char *lang);

/* The current message language ("ja", "en"). */
const char *i18n_language(void);

#endif
