/*
 * Typing the first letters of a line of a list finds it, in any script:
 * "stu" finds Student, "永" finds 永住者（…）, "ベト" a line whose term
 * starts so (hiragana find katakana: "べと" too). Letters typed within a moment of each other make
 * one word; after a pause a letter starts a new one.
 */
#ifndef YORISOI_TUI_LIST_SEARCH_H
#define YORISOI_TUI_LIST_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

typedef struct list_search {
	char typed[64]; /* UTF-8, lower case */
	size_t len;
	double at; /* monotonic seconds of the last letter */
} list_search;

/* Forgets what was typed (a new list, or any other key). */
void list_search_reset(list_search *s);

/* Adds ch (a printable character that is not a digit or a space) to the
 * word; false for any other key, which also forgets the word. */
bool list_search_add(list_search *s, wint_t ch, bool is_key);

/* Makes word (UTF-8, as typed on a line) the word searched for. */
void list_search_set(list_search *s, const char *word);

/* Whether the word starts line (as shown: label and term), or one of its
 * words after a space or an opening bracket. */
bool list_search_matches(const list_search *s, const char *line);

#endif
