/* The languages the console offers, each named in itself. */
#ifndef YORISOI_TUI_LANGUAGES_H
#define YORISOI_TUI_LANGUAGES_H

#include <stddef.h>

typedef struct language {
	const char *code;   /* gettext catalogue name */
	const char *native; /* the language's name in itself */
	const char *japanese; /* its name in Japanese, for the volunteer */
} language;

extern const language languages[];
extern const size_t nlanguages;

#endif
