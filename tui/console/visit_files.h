/*
 * Files a visit makes (the code as an image, the slip), kept where nobody
 * else can read them and gone when the visit ends by any path:
 *  - in a private folder: --slip-dir when given, else a folder of this
 *    visit ("visit-PID-XXXXXX", 0700) inside tui_path_private_dir();
 *  - each file made 0600 with an unpredictable name (mkstemps);
 *  - removed by visit_files_remove(), which Done, F10, q, a signal and the
 *    end of the process all reach; a folder left by a killed process is
 *    removed at the next start (visit_files_sweep).
 */
#ifndef YORISOI_TUI_VISIT_FILES_H
#define YORISOI_TUI_VISIT_FILES_H

#include <stddef.h>

typedef struct app app;

/* Makes a new empty file "yorisoi-FORM-XXXXXX<suffix>" (0600) for this
 * visit and writes its path to out. 0, or -1 with errno set. */
int visit_file_new(app *a, const char *form_id, const char *suffix, char *out, size_t n);

/* Removes every file this visit made, and its folder. */
void visit_files_remove(app *a);

/* Removes the visit folders of processes that no longer run. */
void visit_files_sweep(void);

#endif
