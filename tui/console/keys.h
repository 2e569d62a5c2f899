/* Which keys mean what, the same on every screen. */
#ifndef YORISOI_TUI_KEYS_H
#define YORISOI_TUI_KEYS_H

#include <curses.h>
#include <stdbool.h>
#include <wchar.h>

static inline bool
key_is_enter(wint_t ch, bool is_key)
{
	return is_key ? ch == KEY_ENTER : (ch == '\r' || ch == '\n');
}

/* Esc goes back one step everywhere. */
static inline bool
key_is_back(wint_t ch, bool is_key)
{
	return !is_key && ch == 27;
}

static inline bool
key_is_char(wint_t ch, bool is_key, char c)
{
	return !is_key && (ch == (wint_t)c || ch == (wint_t)(c ^ 0x20));
}

/* F2 goes on without a card on the card screens (M, the key of earlier
 * versions, still does where nothing is typed). */
static inline bool
key_is_without_card(wint_t ch, bool is_key)
{
	return (is_key && ch == KEY_F(2)) || key_is_char(ch, is_key, 'm');
}

/*
 * A digit typed on a numbered list: the line it picks (0-based), or -1.
 * Digits run on while they still make a line number, so 1 then 2 is line
 * 12 of a long list (the 在留資格 list has 36); a digit that cannot
 * continue the number starts a new one. *so_far is the number typed so
 * far, 0 for none: the caller zeroes it on entering the list and on any
 * other key.
 */
static inline int
key_line_number(wint_t ch, bool is_key, int *so_far, int count)
{
	if (is_key || ch < '0' || ch > '9') {
		*so_far = 0;
		return -1;
	}
	int digit = (int)(ch - '0');
	int v = *so_far > 0 && *so_far * 10 + digit <= count ? *so_far * 10 + digit : digit;
	if (v < 1 || v > count) {
		*so_far = 0;
		return -1;
	}
	*so_far = v;
	return v - 1;
}

/* Moves a list selection; returns true when the key was a movement. */
static inline bool
key_move(wint_t ch, bool is_key, int *sel, int count)
{
	if (!is_key || count <= 0)
		return false;
	if (ch == KEY_UP) {
		*sel = *sel > 0 ? *sel - 1 : 0;
		return true;
	}
	if (ch == KEY_DOWN) {
		*sel = *sel + 1 < count ? *sel + 1 : count - 1;
		return true;
	}
	if (ch == KEY_HOME) {
		*sel = 0;
		return true;
	}
	if (ch == KEY_END) {
		*sel = count - 1;
		return true;
	}
	return false;
}

#endif
