/*
 * gettext in one place (the NeoMutt model): _() translates, N_() marks a
 * string for extraction where it is translated later. Translator comments
 * start with "L10N:" and are extracted by `make update-po`.
 */
#ifndef YORISOI_TUI_I18N_H
#define YORISOI_TUI_I18N_H

#include <libintl.h>
#include <stddef.h>

#define _(s)  gettext(s)
#define N_(s) (s)
/* Form text (labels, help) with the fallback docs/translating.md states:
 * a string missing from the resident's catalogue is shown in Japanese,
 * the form's own language at the counter; console text falls back to
 * English, the source language, through plain _(). */
#define F_(s) i18n_form(s)

/* Binds the "yorisoi" text domain to tui_path_locale_dir() (after
 * tui_paths_init). */
void i18n_init(void);

/* Switches the message language at run time ("ja", "en"); the locale's
 * codeset is kept. */
void i18n_set_language(const char *lang);

/* The current message language ("ja", "en"). */
const char *i18n_language(void);

/* The header of one language's catalogue (its PO header fields); 0, or -1
 * when the language has no catalogue. The current language is kept. */
int i18n_catalogue_header(const char *lang, char *out, size_t n);

/* See F_(). */
const char *i18n_form(const char *msgid);

#endif
