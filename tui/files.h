/* Files and folders, for the console and the commands alike. */
#ifndef YORISOI_TUI_FILES_H
#define YORISOI_TUI_FILES_H

#include <stddef.h>
#include <sys/types.h>

/* Persona files, answers files and scans are small: a file larger than this
 * is refused as not what it claims to be (one QR code holds 3391
 * characters; a persona is a few lines). */
#define TUI_FILE_MAX    (1024 * 1024)
#define TUI_PERSONA_MAX (64 * 1024)

/*
 * The whole of a file, or of standard input for NULL or "-": malloc'd and
 * NUL-terminated, its length in *len (when len is not NULL). NULL with
 * errno set when it cannot be read, EFBIG when it is longer than max
 * bytes: a file is read whole or not at all, never cut short.
 */
char *tui_file_read(const char *path, size_t max, size_t *len);

/* The folder holding the running executable (/proc/self/exe). 0, or -1. */
int tui_file_exe_dir(char *out, size_t n);

/*
 * mkdir -p: creates dir and each missing parent with `mode` (existing
 * folders keep theirs: the user may share ~/.local on purpose). 0, or -1
 * with errno set (ENOTDIR when a component is a file).
 */
int tui_mkdir_p(const char *dir, mode_t mode);

/* tui_mkdir_p of the folder that will hold the file `path`, mode 0700. */
int tui_mkdir_parent(const char *path);

#endif
