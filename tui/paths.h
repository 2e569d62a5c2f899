/*
 * Where things live on this machine: decided here, at the edge, and
 * passed to the modules, which read no environment of their own.
 *
 *  - data folder: $XDG_DATA_HOME/yorisoi when that is an absolute path (the
 *    XDG base-directory rule ignores relative values), else
 *    $HOME/.local/share/yorisoi, else the home folder from the password
 *    database; there is no fallback to the current folder, so personal
 *    data never lands wherever the console happened to be started;
 *  - drafts: --db, else drafts.db in the data folder;
 *  - keys: desk.key, city-box.pub, city-box.key, trusted-keys in the data
 *    folder;
 *  - forms, postal codes, catalogues: beside the executable in the build
 *    tree, else PREFIX/share (YORISOI_POSTAL_DB and YORISOI_LOCALEDIR
 *    override for tests);
 *  - "today": $YORISOI_TODAY (YYYY-MM-DD, for tests), else the clock, set in
 *    the engine once by tui_paths_init.
 */
#ifndef YORISOI_TUI_PATHS_H
#define YORISOI_TUI_PATHS_H

#include <stddef.h>

/* Reads the environment once; call before any other function here. */
void tui_paths_init(void);

void tui_paths_set_forms_dir(const char *dir); /* --forms */
void tui_paths_set_db(const char *path);       /* --db */

const char *tui_path_forms_dir(void);  /* --forms, else the installed forms */
const char *tui_path_schema_dir(void); /* the installed form.rng, whatever --forms says */
const char *tui_path_postal_db(void);
const char *tui_path_locale_dir(void);
const char *tui_path_linguas(void); /* the order of the languages */

/* A folder only this user can enter (0700, owned by us, not a link) for a
 * visit's images and slips: $XDG_RUNTIME_DIR/yorisoi, else
 * /tmp/yorisoi-UID. Made on first use; NULL when it cannot be made safe. */
const char *tui_path_private_dir(void);

/* The data folder, or NULL when there is no home folder at all. */
const char *tui_path_data_dir(void);
/* The drafts database, or NULL without --db and without a data folder. */
const char *tui_path_db(void);
/* The statistics file: stats.db in the drafts file's folder (its own
 * file, so purging drafts leaves the numbers), or NULL without one. */
const char *tui_path_stats(void);
/* A file in the data folder ("desk.key"): 0, or -1 without a data folder or
 * when it does not fit. */
int tui_path_in_data(const char *file, char *out, size_t n);

#endif
