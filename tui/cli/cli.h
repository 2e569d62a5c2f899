/*
 * The command-line subcommands of `yorisoi` (DESIGN.md, command-line
 * contract). Each returns the process exit status: 0 success, 1 a failure
 * the user was told about, 2 a usage error. argv[0] is the subcommand.
 */
#ifndef YORISOI_TUI_COMMANDS_H
#define YORISOI_TUI_COMMANDS_H

#include <stddef.h>

int cmd_card(int argc, char **argv);    /* card read [--reader NAME] [--pin-stdin] [--confirm-last-try] */
int cmd_forms(int argc, char **argv);   /* forms list | forms check [FILE|DIR ...] */
int cmd_handoff(int argc, char **argv); /* handoff encode ANSWERS.json [--png F] [--svg F] | decode */
int cmd_drafts(int argc, char **argv);  /* drafts list | drafts purge [--all] */
int cmd_keys(int argc, char **argv);    /* keys init|show|export|city-init|city-import */

/*
 * The handoff slip for the console (tui/cmd_handoff.c): signs (and seals,
 * when a city key is installed) the finished answers with this desk's key,
 * writes the slip as a PDF at pdf_path and, unless png_path is NULL, as a
 * PNG; paper is "a4" or "receipt" (80 mm); prints the PDF with CUPS on
 * printer unless it is NULL. The resident's part is in `lang`. Returns 0,
 * or -1 with one translated sentence for the user in msg.
 */
typedef struct answers answers;
int tui_handoff_slip(const answers *a, const char *lang, const char *pdf_path, const char *png_path,
		     const char *paper, const char *printer, char *msg, size_t msglen);

/* Paths shared by the commands and the console. */
const char *paths_forms_dir(void); /* --forms, else the build tree's forms/, else PREFIX/share/yorisoi/forms */
void paths_set_forms_dir(const char *dir);
const char *paths_schema_dir(void); /* where form.rng is installed, for --forms folders without one */
const char *paths_db(void);        /* --db, else store_default_path() */
void paths_set_db(const char *path);

#endif
