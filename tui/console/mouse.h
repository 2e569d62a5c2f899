/*
 * The mouse, where the terminal has one: each frame records where its
 * list lines and the keys of the bottom bar are drawn, and a click is
 * turned into what the keyboard would do there. Everything works from the
 * keyboard alone; the mouse only adds a way in.
 */
#ifndef YORISOI_TUI_MOUSE_H
#define YORISOI_TUI_MOUSE_H

#include <stdbool.h>
#include <wchar.h>

typedef enum mouse_kind {
	MOUSE_NOTHING,
	MOUSE_KEY,  /* a key of the bar was clicked: press it */
	MOUSE_ITEM, /* a line of a list was clicked */
	MOUSE_WHEEL /* the wheel turned: lines up (<0) or down (>0) */
} mouse_kind;

typedef struct mouse_action {
	mouse_kind kind;
	wint_t ch;   /* MOUSE_KEY */
	bool is_key; /* MOUSE_KEY: ch is a KEY_* code */
	int item;    /* MOUSE_ITEM: the list's index of the line */
	int lines;   /* MOUSE_WHEEL */
} mouse_action;

/* Asks the terminal for clicks and the wheel. */
void mouse_start(void);

/* A new frame: forgets the last frame's places (draw_begin calls it). */
void mouse_frame_begin(void);

/* Row y shows line `item` of the screen's list (once per row). */
void mouse_item_row(int y, int item);

/* The bar at row y, text from column x: each "Key: what" part, split by
 * runs of spaces, presses its key when clicked. */
void mouse_bar(int y, int x, const char *hints);

/* Columns x0 .. x1-1 of row y press key (the title bar's F3). */
void mouse_key_area(int y, int x0, int x1, wint_t key, bool is_key);

/* After get_wch() gave KEY_MOUSE: what the event means on this frame. */
mouse_action mouse_read(void);

#endif
