/*
 * The reading (フリガナ) of a name, suggested so the resident confirms it
 * with Enter instead of typing it: MeCab with its IPA dictionary, whose
 * proper-noun entries (名詞,固有名詞,人名) read common family and given
 * names. Kana is read as itself. Of a name in several words the first is
 * read as a family name and the others as given names, each as one word
 * the dictionary holds as such a name (from MeCab's n best readings). A
 * name with Latin letters, a word the dictionary does not know, or a given
 * name it does not hold whole (陽翔) gets no suggestion: a guess the
 * resident must notice and correct is worse than an empty box.
 */
#ifndef YORISOI_TUI_READING_H
#define YORISOI_TUI_READING_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/engine.h"

/* The katakana reading of name in the form kana answers take (words
 * separated by one U+3000, a family name split from a given name written
 * together), into out; false when there is none to suggest (out is ""). */
bool reading_suggest(const char *name, char *out, size_t n);

/* How much of a reading reading_suggest_for found. */
typedef enum reading_kind {
	READING_NONE,  /* nothing to suggest: out is "" */
	READING_WHOLE, /* the whole reading */
	READING_START, /* the reading of the first words and a U+3000, to finish */
} reading_kind;

/* The suggestion for a kana field that declares reading-of: the reading
 * of that name as answered in the same instance, word by word — as the
 * household read the same word already (another person's name and
 * reading, with as many words in each: NGUYEN after グエン), else as
 * reading_suggest reads it. When a word has neither (a Latin given name
 * nobody read yet), the words before it are the start of the reading. */
reading_kind reading_suggest_for(const answers *a, const field *fld, int instance, char *out,
                                 size_t n);

/* The suggestion for a text field that declares latin-of: that name as
 * answered in the same instance, in capital letters, when it is written
 * in Latin letters only (NGUYEN VAN AN, O'Brien, Smith-Jones); false when
 * the field declares none, the name is unanswered or holds other script. */
bool latin_suggest_for(const answers *a, const field *fld, int instance, char *out, size_t n);

/* Bytes of a name's first word and the space after it (ASCII or U+3000):
 * "佐藤　" of "佐藤　健一", the family name a household's next person is
 * offered; 0 for a name of one word. */
size_t name_family_len(const char *name);

/* Frees the analyser (it starts on first use). */
void reading_done(void);

#endif
