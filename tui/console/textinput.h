/*
 * A one-line UTF-8 editor: the model behind every typed answer. Editing
 * works on whole characters; the caller draws it with textinput_view().
 */
#ifndef YORISOI_TUI_TEXTINPUT_H
#define YORISOI_TUI_TEXTINPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#define TEXTINPUT_MAX 1024

typedef struct textinput {
	char buf[TEXTINPUT_MAX];
	size_t len;
	size_t cursor; /* byte offset, always on a character boundary */
	bool secret;   /* masked (PIN) */
} textinput;

void textinput_set(textinput *t, const char *text);
void textinput_wipe(textinput *t); /* sodium_memzero: used for PINs */

/* Applies a key from get_wch(): is_key says it was a KEY_* code. Returns
 * true when the key was an editing key and was consumed. */
bool textinput_key(textinput *t, wint_t ch, bool is_key);

/* What to show in a field `cols` wide: *start is the first byte shown,
 * *shown the number of bytes, *cursor_col the cursor column within the
 * field. Scrolls so the cursor is always visible. */
void textinput_view(const textinput *t, int cols, size_t *start, size_t *shown, int *cursor_col);

#endif
