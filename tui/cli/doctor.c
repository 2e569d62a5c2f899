/*
 * `yorisoi doctor`: everything that can stop a desk, checked in the user's
 * language, each finding with what to do. Exit status 0 when nothing is a
 * problem, 1 otherwise; notes do not count.
 */
#include "engine/engine.h"
#include "handoff/handoff.h"
#include "store/store.h"
#include "tui/cli/cli.h"
#include "tui/cli/doctor.h"
#include "tui/config.h"
#include "tui/files.h"
#include "tui/i18n.h"
#include "tui/languages.h"
#include "tui/messages.h"
#include "tui/paths.h"
#include "tui/tui.h"
#include "tui/values.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <unistd.h>

/* Free space below these stops saving soon, or is worth a word. */
enum { DISK_PROBLEM_MB = 50, DISK_NOTE_MB = 500 };

static int problems;

void
doctor_say(doctor_level level, const char *what, const char *todo)
{
	/* L10N: the three marks of yorisoi doctor, shown in brackets before each
	 * finding; keep them short. */
	const char *mark = level == DOCTOR_OK     ? _("OK")
	                   : level == DOCTOR_NOTE ? _("Note")
	                                          : _("Problem");
	printf("[%s] %s\n", mark, what);
	if (todo && level != DOCTOR_OK)
		printf("      → %s\n", todo);
	if (level == DOCTOR_PROBLEM)
		problems++;
}

static void
check_settings(void)
{
	char what[PATH_MAX + 512];
	for (size_t i = 0; i < tui_config_file_count(); i++) {
		/* L10N: %s is the settings file's path. */
		snprintf(what, sizeof what, _("Settings read from %s."), tui_config_file(i));
		doctor_say(DOCTOR_OK, what, NULL);
	}
	if (tui_config_file_count() == 0) {
		snprintf(what, sizeof what,
		         _("There is no settings file; the defaults apply (%s)."),
		         tui_config_system_file());
		doctor_say(DOCTOR_NOTE, what,
		           _("To set the desk's name, the city, its key and the printer, copy the "
		             "example file there (man 5 yorisoi.conf)."));
	}
	for (size_t i = 0; i < tui_config_problem_count(); i++)
		if (tui_config_problem(i))
			doctor_say(DOCTOR_PROBLEM, tui_config_problem(i),
			           _("Correct that line (man 5 yorisoi.conf); until then it is not "
			             "used."));
}

/* The forms, and which of them the settings offer; NULL when none load.
 * An unknown procedure in the settings becomes a settings problem. */
static form_set *
load_forms(void)
{
	char what[PATH_MAX + 256];
	form_set *set = NULL;
	if (form_set_load_dir_schema(tui_path_forms_dir(), tui_path_schema_dir(), &set, NULL,
	                             NULL) < 0 ||
	    !set || form_set_count(set) == 0) {
		form_set_free(set);
		/* L10N: %s is a folder. */
		snprintf(what, sizeof what, _("No procedure definitions can be read from %s."),
		         tui_path_forms_dir());
		doctor_say(
		        DOCTOR_PROBLEM, what,
		        _("Run yorisoi forms check to see what is wrong, or reinstall Yorisoi."));
		return NULL;
	}
	forms_check_offered(set);
	return set;
}

static void
report_forms(const form_set *set)
{
	char what[256];
	/* L10N: %1$zu procedures are installed, %2$zu of them offered at this desk. */
	snprintf(what, sizeof what,
	         ngettext("%1$zu procedure is installed; the console offers %2$zu.",
	                  "%1$zu procedures are installed; the console offers %2$zu.",
	                  (unsigned long)form_set_count(set)),
	         form_set_count(set), forms_offered_count(set));
	doctor_say(DOCTOR_OK, what, NULL);
}

/* One language of LINGUAS: its catalogue must be there. */
static void
check_catalogue(const char *code, void *ctx)
{
	int *counts = ctx; /* found, missing */
	char mo[PATH_MAX], what[PATH_MAX + 256];
	snprintf(mo, sizeof mo, "%s/%s/LC_MESSAGES/yorisoi.mo", tui_path_locale_dir(), code);
	if (access(mo, R_OK) == 0) {
		counts[0]++;
		return;
	}
	counts[1]++;
	/* L10N: %1$s is a language code, %2$s the file that is missing. */
	snprintf(what, sizeof what, _("The translation for %1$s is missing (%2$s)."), code, mo);
	doctor_say(DOCTOR_PROBLEM, what,
	           _("Reinstall Yorisoi. Until then that language is not offered."));
}

/* Every language of LINGUAS, whether or not its catalogue loaded. */
static void
check_catalogues(void)
{
	char what[PATH_MAX + 256];
	int counts[2] = {0, 0};
	if (tui_languages_listed(check_catalogue, counts) != 0) {
		snprintf(what, sizeof what, _("The list of languages %s is missing."),
		         tui_path_linguas());
		doctor_say(DOCTOR_PROBLEM, what,
		           _("Reinstall Yorisoi: the console can only show English."));
		return;
	}
	if (counts[1] == 0) {
		snprintf(what, sizeof what, _("Translations for %d languages are installed."),
		         counts[0]);
		doctor_say(DOCTOR_OK, what, NULL);
	}
}

static void
check_postal(void)
{
	store_postal *p = NULL;
	store_error err;
	char what[PATH_MAX + 256];
	if (store_postal_open(tui_path_postal_db(), &p, &err) != 0) {
		/* L10N: %s is the postal code table's path. */
		snprintf(what, sizeof what, _("The postal code table %s cannot be read."),
		         tui_path_postal_db());
		doctor_say(DOCTOR_PROBLEM, what,
		           _("Reinstall Yorisoi. Until then a postal code does not fill in the "
		             "address."));
		return;
	}
	doctor_say(DOCTOR_OK, _("The postal code table is installed."), NULL);
	store_postal_close(p);
}

static void
check_free_space(const char *dir)
{
	struct statvfs vfs;
	char what[PATH_MAX + 256];
	if (statvfs(dir, &vfs) != 0)
		return;
	unsigned long long mb = (unsigned long long)vfs.f_bavail * vfs.f_frsize / (1024 * 1024);
	/* L10N: %1$llu megabytes are free on the disk that holds %2$s. */
	snprintf(what, sizeof what, _("%1$llu MB are free for %2$s."), mb, dir);
	if (mb < DISK_PROBLEM_MB)
		doctor_say(DOCTOR_PROBLEM, what,
		           _("Free some space on this disk: drafts and slips cannot be saved when "
		             "it is full."));
	else if (mb < DISK_NOTE_MB)
		doctor_say(DOCTOR_NOTE, what, _("Free some space on this disk soon."));
	else
		doctor_say(DOCTOR_OK, what, NULL);
}

static void
check_drafts(void)
{
	char what[PATH_MAX + 512], why[512];
	const char *db = tui_path_db();
	if (!db) {
		doctor_say(
		        DOCTOR_PROBLEM, _("This account has no home folder to keep drafts in."),
		        _("Start the console with --db FILE, or give the account a home folder."));
		return;
	}
	(void)tui_mkdir_parent(db);
	store *s = NULL;
	store_error err;
	if (store_open(db, &s, &err) != 0) {
		if (err.status == STORE_ERR_DAMAGED) {
			/* L10N: %s is the drafts file's path. */
			snprintf(what, sizeof what, _("The drafts file %s is damaged."), db);
			doctor_say(
			        DOCTOR_PROBLEM, what,
			        _("Start the console: it moves the damaged file aside and starts a "
			          "new one."));
		} else {
			msg_store_error(&err, why, sizeof why);
			/* L10N: %1$s is the drafts file's path, %2$s the reason. */
			snprintf(what, sizeof what, _("The drafts file %1$s cannot be used: %2$s"),
			         db, why);
			doctor_say(
			        DOCTOR_PROBLEM, what,
			        _("Check the folder's owner and permissions and the free space."));
		}
	} else {
		store_draft_info *list = NULL;
		size_t n = 0;
		if (store_draft_list(s, &list, &n, &err) == 0) {
			snprintf(what, sizeof what,
			         /* L10N: %1$s is the drafts file, %2$zu drafts, kept %3$d days. */
			         ngettext("The drafts file %1$s is healthy: %2$zu draft, kept %3$d "
			                  "days "
			                  "after its last use.",
			                  "The drafts file %1$s is healthy: %2$zu drafts, each "
			                  "kept %3$d "
			                  "days after its last use.",
			                  (unsigned long)n),
			         db, n, tui_config_get()->draft_retention_days);
			doctor_say(DOCTOR_OK, what, NULL);
		}
		free(list);
		store_close(s);
	}
	char dir[PATH_MAX];
	snprintf(dir, sizeof dir, "%s", db);
	char *slash = strrchr(dir, '/');
	if (slash && slash != dir)
		*slash = '\0';
	check_free_space(dir);
}

static void
check_keys(void)
{
	char path[PATH_MAX], what[PATH_MAX + 512], id[2 * HANDOFF_KEYID_BYTES + 1];
	handoff_error err = {0};
	if (tui_path_in_data("desk.key", path, sizeof path) != 0 || access(path, F_OK) != 0) {
		doctor_say(DOCTOR_NOTE,
		           _("This desk has no signing key yet; the first code makes it."),
		           _("Make it now with yorisoi keys init, and give the counter its public "
		             "half: yorisoi keys export."));
	} else {
		handoff_desk_key k;
		if (handoff_desk_key_load(path, &k, &err) == HANDOFF_OK) {
			handoff_keyid_hex(k.id, id);
			/* L10N: %1$s is the key file, %2$s its short id. */
			snprintf(what, sizeof what, _("The desk key %1$s is present (id %2$s)."),
			         path, id);
			doctor_say(DOCTOR_OK, what, NULL);
		} else {
			/* L10N: %1$s is the key file, %2$s an English detail. */
			snprintf(what, sizeof what, _("The desk key %1$s cannot be read (%2$s)."),
			         path, err.detail);
			doctor_say(DOCTOR_PROBLEM, what,
			           _("Restore desk.key from the backup. No code can be made until "
			             "then."));
		}
		handoff_desk_key_wipe(&k);
	}

	const char *city = tui_config_get()->city_key;
	if (!city[0] && tui_path_in_data("city-box.pub", path, sizeof path) == 0 &&
	    access(path, F_OK) == 0)
		city = path;
	if (!city[0]) {
		doctor_say(
		        DOCTOR_NOTE,
		        _("No city key: codes are signed but not sealed, so anyone holding a slip "
		          "can read it."),
		        _("Ask the city for its public key, then set city_key in the settings "
		          "file or run yorisoi keys city-import FILE."));
		return;
	}
	handoff_city_key ck = {0};
	if (handoff_city_key_load(city, &ck, &err) == HANDOFF_OK) {
		/* L10N: %s is the city key's file. */
		snprintf(what, sizeof what, _("Codes are sealed to the city's key %s."), city);
		doctor_say(DOCTOR_OK, what, NULL);
	} else {
		snprintf(what, sizeof what, _("The city's key %1$s cannot be read (%2$s)."), city,
		         err.detail);
		doctor_say(
		        DOCTOR_PROBLEM, what,
		        _("No code can be made until it is fixed: correct city_key in the settings "
		          "file, or import the key the city gave you again."));
	}
	handoff_city_key_wipe(&ck);
}

static void
doctor_usage(FILE *to)
{
	fprintf(to, "%s",
	        _("Usage: yorisoi doctor [--printer NAME]\n"
	          "Checks everything a desk needs: settings, procedures, translations, postal "
	          "codes,\n"
	          "drafts, keys, the card reader, the terminal, fonts and the printer.\n"
	          "Exit status 0 when nothing is a problem, 1 otherwise.\n"));
}

int
cli_doctor(int argc, char **argv, const tui_options *opt)
{
	static const struct option longopts[] = {{"printer", required_argument, NULL, 'r'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {NULL, 0, NULL, 0}};
	const char *printer = opt->printer;
	int c;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (c == 'r') {
			printer = optarg;
		} else if (c == 'h') {
			doctor_usage(stdout);
			return EXIT_OK;
		} else {
			doctor_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		doctor_usage(stderr);
		return EXIT_USAGE;
	}
	const char *site = tui_config_get()->site;
	/* L10N: %s is the version. */
	printf(_("Yorisoi %s: checking this desk"), YORISOI_VERSION);
	printf("%s%s\n", site[0] ? " — " : "", site);

	problems = 0;
	form_set *set = load_forms();
	check_settings();
	if (set)
		report_forms(set);
	check_catalogues();
	check_postal();
	check_drafts();
	check_keys();
	doctor_card();
	doctor_terminal();
	doctor_fonts();
	doctor_printer(printer);
	form_set_free(set);

	if (problems == 0)
		printf("%s\n", _("Nothing stops this desk."));
	else
		printf(ngettext("%d problem needs attention.\n", "%d problems need attention.\n",
		                (unsigned long)problems),
		       problems);
	return problems == 0 ? EXIT_OK : EXIT_OTHER;
}
