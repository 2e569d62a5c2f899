/*
 * The languages the console offers, as data: the order of locales/LINGUAS
 * (installed beside the catalogues), and for each the fields its own
 * catalogue's header declares:
 *   X-Language-Name     the language's name in itself ("Tiếng Việt")
 *   X-Language-Name-Ja  its name in Japanese, for the volunteer ("ベトナム語")
 *   X-Script            its ISO 15924 script ("Latn", "Deva")
 * A thirteenth language needs only its catalogue and a line in LINGUAS
 * (docs/translating.md).
 */
#ifndef YORISOI_TUI_LANGUAGES_H
#define YORISOI_TUI_LANGUAGES_H

#include <stdbool.h>
#include <stddef.h>

typedef struct tui_language {
	char code[24];       /* the catalogue's name: "vi", "zh_CN", "ja@easy" */
	char native[96];     /* X-Language-Name */
	char japanese[96];   /* X-Language-Name-Ja */
	char script[8];      /* X-Script */
	char slip_font[128]; /* X-Slip-Font: fonts for the printed slip, or "" */
} tui_language;

/* Reads LINGUAS and the catalogues (after i18n_init). A language whose
 * catalogue is missing, or whose header does not name it, is left out;
 * English, the source language, is always offered. Returns the count. */
size_t tui_languages_load(void);

size_t tui_language_count(void);
const tui_language *tui_language_at(size_t i);
/* Calls each(code, ctx) for every code LINGUAS lists, in its order, whether
 * or not its catalogue is installed. -1 when LINGUAS cannot be read. */
int tui_languages_listed(void (*each)(const char *code, void *ctx), void *ctx);

/* Moves the languages with these codes to the front of the menu, in this
 * order (the settings' "languages"); codes not installed are passed over. */
void tui_languages_put_first(const char *const *codes, size_t n);

/* The language with this code, or NULL. */
const tui_language *tui_language_find(const char *code);

/* Scripts whose letters terminals join poorly (Devanagari, Myanmar): the
 * console says so once, and the slip and --plain show them whole. */
bool tui_language_needs_shaping(const tui_language *l);

#endif
