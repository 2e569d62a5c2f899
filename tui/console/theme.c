/* Themes (see theme.h). */
#include "tui/console/theme.h"
#include "tui/i18n.h"

#include <string.h>

/* How a role looks: with colours (attrs plus the pair fg/bg; fg < 0 means
 * no pair), and on a terminal without colours (mono). Under A_REVERSE
 * curses swaps the pair, so a reversed role names its pair back to front.
 * No role puts A_BOLD on black text: the Linux console and xterm draw bold
 * black as grey. */
typedef struct role_look {
	attr_t attrs;
	short fg, bg;
	attr_t mono;
} role_look;

enum { NO_PAIR = -1 };

static const role_look looks[THEME_COUNT][ROLE_COUNT] = {
        [THEME_DEFAULT] =
                {
                        [ROLE_NORMAL] = {0, NO_PAIR, 0, 0},
                        [ROLE_TITLE] = {A_BOLD, COLOR_WHITE, COLOR_BLUE, A_REVERSE | A_BOLD},
                        [ROLE_TITLE_KEY] = {0, COLOR_WHITE, COLOR_BLUE, A_REVERSE},
                        [ROLE_HINTS] = {0, COLOR_WHITE, COLOR_BLUE, A_REVERSE},
                        /* black on yellow */
                        [ROLE_SELECTED] = {A_REVERSE, COLOR_YELLOW, COLOR_BLACK,
                                           A_REVERSE | A_BOLD},
                        [ROLE_ERROR] = {A_BOLD | A_UNDERLINE, COLOR_WHITE, COLOR_RED,
                                        A_BOLD | A_UNDERLINE},
                        /* black on cyan */
                        [ROLE_NOTICE] = {A_REVERSE, COLOR_CYAN, COLOR_BLACK, A_BOLD},
                        [ROLE_INPUT] = {A_UNDERLINE, NO_PAIR, 0, A_UNDERLINE},
                },
        [THEME_HIGH_CONTRAST] =
                {
                        [ROLE_NORMAL] = {A_BOLD, COLOR_WHITE, COLOR_BLACK, A_BOLD},
                        [ROLE_TITLE] = {0, COLOR_BLACK, COLOR_YELLOW, A_REVERSE | A_BOLD},
                        [ROLE_TITLE_KEY] = {0, COLOR_BLACK, COLOR_YELLOW, A_REVERSE | A_BOLD},
                        [ROLE_HINTS] = {0, COLOR_BLACK, COLOR_WHITE, A_REVERSE | A_BOLD},
                        /* reverse video: black on yellow */
                        [ROLE_SELECTED] = {A_REVERSE, COLOR_YELLOW, COLOR_BLACK,
                                           A_REVERSE | A_BOLD},
                        [ROLE_ERROR] = {A_BOLD | A_UNDERLINE, COLOR_YELLOW, COLOR_BLACK,
                                        A_BOLD | A_UNDERLINE},
                        [ROLE_NOTICE] = {A_BOLD, COLOR_WHITE, COLOR_BLACK, A_BOLD},
                        [ROLE_INPUT] = {A_BOLD | A_UNDERLINE, COLOR_YELLOW, COLOR_BLACK,
                                        A_BOLD | A_UNDERLINE},
                },
        [THEME_MONOCHROME] =
                {
                        [ROLE_NORMAL] = {0, NO_PAIR, 0, 0},
                        [ROLE_TITLE] = {A_REVERSE | A_BOLD, NO_PAIR, 0, A_REVERSE | A_BOLD},
                        [ROLE_TITLE_KEY] = {A_REVERSE, NO_PAIR, 0, A_REVERSE},
                        [ROLE_HINTS] = {A_REVERSE, NO_PAIR, 0, A_REVERSE},
                        [ROLE_SELECTED] = {A_REVERSE | A_BOLD, NO_PAIR, 0, A_REVERSE | A_BOLD},
                        [ROLE_ERROR] = {A_BOLD | A_UNDERLINE, NO_PAIR, 0, A_BOLD | A_UNDERLINE},
                        [ROLE_NOTICE] = {A_BOLD, NO_PAIR, 0, A_BOLD},
                        [ROLE_INPUT] = {A_UNDERLINE, NO_PAIR, 0, A_UNDERLINE},
                },
};

static const char *const names[THEME_COUNT] = {
        [THEME_DEFAULT] = "default",
        [THEME_HIGH_CONTRAST] = "high-contrast",
        [THEME_MONOCHROME] = "monochrome",
};

static theme_id current = THEME_DEFAULT;
static bool with_colors;

/* The theme's roles use pairs 2.. (pair 1 is the QR code's), set again on
 * every switch: the next frame redraws everything anyway. */
static short
role_pair(theme_role r)
{
	return (short)(THEME_QR_PAIR + 1 + r);
}

bool
theme_from_name(const char *name, theme_id *out)
{
	for (int t = 0; t < THEME_COUNT; t++)
		if (strcmp(name, names[t]) == 0) {
			*out = (theme_id)t;
			return true;
		}
	return false;
}

const char *
theme_name(theme_id t)
{
	return names[t];
}

const char *
theme_label(theme_id t)
{
	switch (t) {
	case THEME_HIGH_CONTRAST:
		/* L10N: a theme's name (F4 switches themes): bold white and yellow on black. */
		return _("High contrast");
	case THEME_MONOCHROME:
		/* L10N: a theme's name (F4 switches themes): no colour, only reverse, bold
		   and underlined text. */
		return _("Monochrome");
	default:
		/* L10N: a theme's name (F4 switches themes): the usual, modest colours. */
		return _("Default colours");
	}
}

void
theme_apply(theme_id t, bool colors)
{
	current = t;
	with_colors = colors && role_pair(ROLE_COUNT - 1) < COLOR_PAIRS;
	if (with_colors)
		for (int r = 0; r < ROLE_COUNT; r++)
			if (looks[t][r].fg != NO_PAIR)
				init_pair(role_pair(r), looks[t][r].fg, looks[t][r].bg);
	/* high contrast paints the whole window black, not only the text */
	bkgdset(' ' | (with_colors && looks[t][ROLE_NORMAL].fg != NO_PAIR
	                       ? COLOR_PAIR(role_pair(ROLE_NORMAL))
	                       : 0));
}

theme_id
theme_current(void)
{
	return current;
}

theme_id
theme_next(void)
{
	return (theme_id)((current + 1) % THEME_COUNT);
}

attr_t
theme_attr(theme_role r)
{
	const role_look *l = &looks[current][r];
	if (!with_colors)
		return l->mono;
	return l->attrs | (l->fg != NO_PAIR ? COLOR_PAIR(role_pair(r)) : 0);
}
