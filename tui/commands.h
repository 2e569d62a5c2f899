/*
 * The command-line subcommands of `yorisoi` (DESIGN.md, command-line
 * contract). Each returns the process exit status: 0 success, 1 a failure
 * the user was told about, 2 a usage error. argv[0] is the subcommand.
 */
#ifndef YORISOI_TUI_COMMANDS_H
#define YORISOI_TUI_COMMANDS_H

int cmd_card(int argc, char **argv);    /* card read [--reader NAME] [--pin-stdin] [--confirm-last-try] */
int cmd_forms(int argc, char **argv);   /* forms list | forms check [FILE|DIR ...] */
int cmd_handoff(int argc, char **argv); /* handoff encode ANSWERS.json [--png F] [--svg F] | decode */
int cmd_drafts(int argc, char **argv);  /* drafts list | drafts purge [--all] */
int cmd_keys(int argc, char **argv);    /* keys init|show|export|city-init|city-import */

/* Paths shared by the commands and the console. */
const char *paths_forms_dir(void); /* --forms, else the build tree's forms/, else PREFIX/share/yorisoi/forms */
void paths_set_forms_dir(const char *dir);
const char *paths_db(void);        /* --db, else store_default_path() */
void paths_set_db(const char *path);

#endif
