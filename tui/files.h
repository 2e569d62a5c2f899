/* Small file helpers the commands and the console share. */
#ifndef YORISOI_TUI_FILES_H
#define YORISOI_TUI_FILES_H

#include <stddef.h>

/* The whole of a small text file (at most 64 KiB), NUL-terminated and
 * malloc'd; NULL when it cannot be read. Used for persona files. */
char *file_read_small(const char *path);

/* The folder holding the running executable (/proc/self/exe). 0, or -1. */
int file_exe_dir(char *out, size_t n);

#endif
