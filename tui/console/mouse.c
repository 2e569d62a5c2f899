/* Clicks and the wheel (see mouse.h). */
#include "tui/console/mouse.h"
#include "tui/width.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

enum { MAX_AREAS = 64, MAX_ROWS = 256 };

typedef struct key_area {
	int y, x0, x1;
	wint_t ch;
	bool is_key;
} key_area;

static key_area areas[MAX_AREAS];
static int nareas;
static int row_item[MAX_ROWS]; /* -1: no list line on that row */

void
mouse_start(void)
{
	/* presses, not clicks: a click waits for the release, and the wheel
	 * comes as presses of buttons 4 and 5 */
	mouseinterval(0);
	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
}

void
mouse_frame_begin(void)
{
	nareas = 0;
	for (int r = 0; r < MAX_ROWS; r++)
		row_item[r] = -1;
}

void
mouse_item_row(int y, int item)
{
	if (y >= 0 && y < MAX_ROWS)
		row_item[y] = item;
}

void
mouse_key_area(int y, int x0, int x1, wint_t key, bool is_key)
{
	if (nareas < MAX_AREAS && x1 > x0)
		areas[nareas++] = (key_area){y, x0, x1, key, is_key};
}

/* The key a bar part names: the word before its first ':' ("Enter" in
 * "Enter: next", "y" in "Quit Yorisoi? y: yes"). False when it names none
 * ("↑↓ choose"). */
static bool
part_key(const char *part, size_t len, wint_t *ch, bool *is_key)
{
	const char *colon = memchr(part, ':', len);
	if (!colon)
		return false;
	const char *w = colon;
	while (w > part && w[-1] != ' ' && w[-1] != ',')
		w--;
	char name[16];
	size_t n = (size_t)(colon - w);
	if (n == 0 || n >= sizeof name)
		return false;
	memcpy(name, w, n);
	name[n] = '\0';
	int f;
	*is_key = false;
	if (strcmp(name, "Enter") == 0)
		*ch = '\r';
	else if (strcmp(name, "Esc") == 0)
		*ch = 27;
	else if (strcmp(name, "Space") == 0)
		*ch = ' ';
	else if (strcmp(name, "Del") == 0) {
		*ch = KEY_DC;
		*is_key = true;
	} else if (sscanf(name, "F%d", &f) == 1 && f >= 1 && f <= 12) {
		*ch = (wint_t)KEY_F(f);
		*is_key = true;
	} else if (n == 1 && name[0] != '?')
		*ch = (wint_t)(unsigned char)name[0];
	else
		return false;
	return true;
}

void
mouse_bar(int y, int x, const char *hints)
{
	size_t at = 0, len = strlen(hints);
	while (at < len) {
		while (at < len && hints[at] == ' ')
			at++;
		size_t end = at;
		/* a part ends at two spaces in a row */
		while (end < len && !(hints[end] == ' ' && hints[end + 1] == ' '))
			end++;
		wint_t ch;
		bool is_key;
		if (end > at && part_key(hints + at, end - at, &ch, &is_key)) {
			char before[1024], part[1024];
			snprintf(before, sizeof before, "%.*s", (int)at, hints);
			snprintf(part, sizeof part, "%.*s", (int)(end - at), hints + at);
			int x0 = x + width_str(before);
			mouse_key_area(y, x0, x0 + width_str(part), ch, is_key);
		}
		at = end;
	}
}

mouse_action
mouse_read(void)
{
	mouse_action act = {MOUSE_NOTHING, 0, false, -1, 0};
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return act;
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		act.kind = MOUSE_WHEEL;
		act.lines = ev.bstate & BUTTON4_PRESSED ? -3 : 3;
		return act;
	}
	if (!(ev.bstate & BUTTON1_PRESSED))
		return act;
	for (int k = 0; k < nareas; k++)
		if (areas[k].y == ev.y && ev.x >= areas[k].x0 && ev.x < areas[k].x1) {
			act.kind = MOUSE_KEY;
			act.ch = areas[k].ch;
			act.is_key = areas[k].is_key;
			return act;
		}
	if (ev.y >= 0 && ev.y < MAX_ROWS && row_item[ev.y] >= 0) {
		act.kind = MOUSE_ITEM;
		act.item = row_item[ev.y];
	}
	return act;
}
