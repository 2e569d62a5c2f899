/*
 * Measuring text in terminal columns, never bytes. Invalid UTF-8 counts as
 * one column per bad byte (drawn as U+FFFD); non-printable characters
 * count as one column; combining marks as zero.
 */
#ifndef YORISOI_TUI_WIDTH_H
#define YORISOI_TUI_WIDTH_H

#include <stddef.h>

/* Columns of the first character of s (len bytes available); *bytes gets
 * its length in bytes (1 for an invalid byte). */
int width_char(const char *s, size_t len, size_t *bytes);

/* Columns of the whole string. */
int width_str(const char *s);

/* Bytes of s that fit in cols columns without splitting a character. */
size_t width_fit(const char *s, int cols);

/* Byte offset where the line starting at s should break to fit cols:
 * after the last space that fits, else at the last character that fits
 * (CJK text has no spaces). *next gets where the next line starts
 * (skipping the space). Returns 0 with *next = 0 at the end. */
size_t width_wrap(const char *s, int cols, size_t *next);

/* Number of lines s takes when wrapped at cols. */
int width_wrapped_lines(const char *s, int cols);

/* Byte offset of the character before `at` (UTF-8 aware; 0 at start). */
size_t width_prev_char(const char *s, size_t at);

/* Byte offset of the character after `at`. */
size_t width_next_char(const char *s, size_t len, size_t at);

#endif
