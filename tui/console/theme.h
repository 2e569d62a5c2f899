/*
 * Themes: the attributes each kind of text is drawn with. Screens ask for
 * a role (theme_attr(ROLE_ERROR)), never for a colour. Every role carries
 * its meaning by an attribute (reverse, bold, underline) as well, so
 * nothing is told by colour alone, and a terminal without colours draws
 * every theme with those attributes only.
 */
#ifndef YORISOI_TUI_THEME_H
#define YORISOI_TUI_THEME_H

#include <curses.h>
#include <stdbool.h>

typedef enum theme_id {
	THEME_DEFAULT,       /* modest colour for the bars, selection and messages */
	THEME_HIGH_CONTRAST, /* low vision: bold white and yellow on black */
	THEME_MONOCHROME,    /* no colour: reverse, bold and underline only */
	THEME_COUNT
} theme_id;

typedef enum theme_role {
	ROLE_NORMAL,    /* body text */
	ROLE_TITLE,     /* the title bar */
	ROLE_TITLE_KEY, /* the key named in the title bar (F3) */
	ROLE_HINTS,     /* the key-hint bar at the bottom */
	ROLE_SELECTED,  /* the selected item of a list */
	ROLE_ERROR,     /* an error (its text also starts with "Error:") */
	ROLE_NOTICE,    /* a notice on the message line */
	ROLE_INPUT,     /* a text input box */
	ROLE_COUNT
} theme_role;

/* "default", "high-contrast", "monochrome" (the settings file's and
 * --theme's words) to a theme; false for any other word. */
bool theme_from_name(const char *name, theme_id *out);
/* The theme's word, as in the settings file. */
const char *theme_name(theme_id t);
/* The theme's name for people, translated. */
const char *theme_label(theme_id t);

/* Uses theme t from now on; call after initscr (and again to switch).
 * colors: whether the terminal has colours (has_colors()); without them
 * every theme falls back to attributes. */
void theme_apply(theme_id t, bool colors);
theme_id theme_current(void);
/* The theme after the current one, in the order F4 cycles them. */
theme_id theme_next(void);

/* The attributes (and colour pair) of a role in the current theme. */
attr_t theme_attr(theme_role r);

/* The colour pair the QR code is drawn with: dark on light in every
 * theme, even monochrome and NO_COLOR, because scanners need it. */
enum { THEME_QR_PAIR = 1 };

#endif
