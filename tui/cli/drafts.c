/*
 * `yorisoi drafts list` and `yorisoi drafts purge [--all]`: what the desk
 * sees of the saved drafts without opening one. Only the plain metadata
 * is printed (id, form, version, language, counts, times); never an
 * answer, so the list is safe to show on a shared screen.
 */
#include "store/store.h"
#include "tui/cli/cli.h"
#include "tui/config.h"
#include "tui/files.h"
#include "tui/i18n.h"
#include "tui/paths.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static void
drafts_usage(FILE *to)
{
	fprintf(to, "%s",
	        _("Usage: yorisoi drafts list\n"
	          "       yorisoi drafts purge [--all]\n"));
}

/* Tells the user why the store failed, in their language, with the
 * technical detail on a second line for whoever fixes it. */
static void
report(const store_error *e)
{
	const char *msg = "";

	switch (e->status) {
	case STORE_OK:
		return;
	case STORE_ERR_OPEN:
		msg = _("The drafts file cannot be opened or created.");
		break;
	case STORE_ERR_LOCKED:
		msg = _("The drafts file is in use by another Yorisoi window. Close it and try "
		        "again.");
		break;
	case STORE_ERR_IO:
		msg = _("The drafts file could not be read or written (the disk may be full).");
		break;
	case STORE_ERR_NEED_CODE:
	case STORE_ERR_WRONG_CODE:
	case STORE_ERR_NO_TRIES:
		msg = _("This draft opens only with its come-back code or the same My Number "
		        "card.");
		break;
	case STORE_ERR_IN_USE:
	case STORE_ERR_CONFLICT:
		msg = _("This draft is open in another Yorisoi window. Finish there first, or "
		        "close that window.");
		break;
	case STORE_ERR_CORRUPT:
	case STORE_ERR_DAMAGED:
		msg = _("The drafts file is damaged or is not a Yorisoi drafts file.");
		break;
	case STORE_ERR_KEY:
		msg = _("The drafts key file is missing, damaged or readable by other users, so "
		        "the saved answers cannot be opened. If the key is lost, \"yorisoi drafts "
		        "purge --all\" deletes the drafts and starts again.");
		break;
	case STORE_ERR_NOT_FOUND:
		msg = _("That draft no longer exists.");
		break;
	}
	/* L10N: %s is one of the sentences above about the drafts file. */
	fprintf(stderr, _("yorisoi: %s\n"), msg);
	/* L10N: technical detail (English, from SQLite or the system). */
	fprintf(stderr, _("Detail: %s (%s)\n"), e->detail, tui_path_db() ? tui_path_db() : "");
}

/* Whole days left before a draft saved at `updated` expires, rounded up;
 * 0 or less means it goes at the next purge. */
static long
days_left(time_t updated, time_t now)
{
	long long left =
	        (long long)updated + tui_config_get()->draft_retention_days * 86400LL - now;
	return left <= 0 ? 0 : (long)((left + 86399) / 86400);
}

static void
print_draft(const store_draft_info *d, time_t now)
{
	char when[64];
	struct tm tm;
	long left = days_left(d->updated, now);

	if (!localtime_r(&d->updated, &tm) || !strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm))
		snprintf(when, sizeof when, "?");
	/* L10N: drafts list, first line of a draft: its number, the form id,
	 * the form version and the resident's language code. */
	printf(_("Draft %lld: form %s (version %d), language %s\n"), (long long)d->id, d->form_id,
	       d->form_version, d->lang);
	/* L10N: drafts list: how many answers a draft has, and the number of
	 * the question the resident was on (counted from 1). */
	printf(ngettext("  %d answer saved, at question %d\n",
	                "  %d answers saved, at question %d\n", (unsigned long)d->answered),
	       d->answered, d->position + 1);
	/* L10N: drafts list: local date and time of the last save. */
	printf(_("  Last saved %s\n"), when);
	if (left > 0)
		/* L10N: drafts list: days until the draft is deleted. */
		printf(ngettext("  Expires in %ld day\n", "  Expires in %ld days\n",
		                (unsigned long)left),
		       left);
	else
		printf("%s", _("  Expired: the next purge deletes it\n"));
}

static int
drafts_list(store *s)
{
	store_draft_info *list = NULL;
	size_t n = 0;
	store_error err = {0};
	time_t now = time(NULL);

	if (store_draft_list(s, &list, &n, &err) != 0) {
		report(&err);
		return EXIT_OTHER;
	}
	if (n == 0)
		printf("%s", _("No saved drafts.\n"));
	for (size_t i = 0; i < n; i++)
		print_draft(&list[i], now);
	free(list);
	return 0;
}

static int
drafts_purge(store *s, int all)
{
	store_error err = {0};
	int deleted = 0;
	int rc = all ? store_purge_all(s, &deleted, &err)
	             : store_purge_expired(s, time(NULL), tui_config_get()->draft_retention_days,
	                                   &deleted, &err);

	if (rc != 0) {
		report(&err);
		return EXIT_OTHER;
	}
	if (all)
		printf(ngettext("Deleted %d draft.\n", "Deleted %d drafts.\n",
		                (unsigned long)deleted),
		       deleted);
	else
		/* L10N: %d is how many drafts were older than the expiry period. */
		printf(ngettext("Deleted %d expired draft.\n", "Deleted %d expired drafts.\n",
		                (unsigned long)deleted),
		       deleted);
	return 0;
}

/*
 * drafts list | drafts purge [--all]. A database that does not exist yet
 * is not created just to be listed or purged: there is simply nothing.
 */
int
cli_drafts(int argc, char **argv)
{
	static const struct option longopts[] = {{"all", no_argument, NULL, 'a'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {NULL, 0, NULL, 0}};
	int all = 0, c;
	struct stat st;
	store *s = NULL;
	store_error err = {0};

	if (cli_wants_help(argc, argv)) {
		drafts_usage(stdout);
		return EXIT_OK;
	}
	if (argc < 2) {
		drafts_usage(stderr);
		return EXIT_USAGE;
	}
	const char *what = argv[1];
	int list = strcmp(what, "list") == 0, purge = strcmp(what, "purge") == 0;
	if (strcmp(what, "--help") == 0 || strcmp(what, "-h") == 0) {
		drafts_usage(stdout);
		return 0;
	}
	if (!list && !purge) {
		fprintf(stderr, _("yorisoi: unknown drafts command \"%s\"\n"), what);
		drafts_usage(stderr);
		return EXIT_USAGE;
	}
	optind = 1;
	while ((c = getopt_long(argc - 1, argv + 1, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			if (!purge) {
				drafts_usage(stderr);
				return EXIT_USAGE;
			}
			all = 1;
			break;
		case 'h':
			drafts_usage(stdout);
			return 0;
		default:
			drafts_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind < argc - 1) {
		drafts_usage(stderr);
		return EXIT_USAGE;
	}

	const char *db = tui_path_db();
	if (!db) {
		fprintf(stderr, "%s\n",
		        _("There is no home folder to keep drafts in, so nothing can be saved. "
		          "Start the console with --db FILE."));
		return EXIT_OTHER;
	}
	if (stat(db, &st) != 0 && errno == ENOENT) {
		if (list)
			printf("%s", _("No saved drafts.\n"));
		else
			printf(ngettext("Deleted %d draft.\n", "Deleted %d drafts.\n", 0UL), 0);
		return 0;
	}
	/* Listing and purging need no key. Try with it first so a lost or
	 * wrong key is reported; purge --all is the way out, so it never
	 * needs the key. */
	store_options opt = {.without_key = purge && all};
	(void)tui_mkdir_parent(db);
	int key_problem = 0;
	if (store_open_with(db, &opt, &s, &err) != 0) {
		report(&err);
		if (err.status != STORE_ERR_KEY)
			return EXIT_OTHER;
		key_problem = 1;
		opt.without_key = true;
		if (store_open_with(db, &opt, &s, &err) != 0) {
			report(&err);
			return EXIT_OTHER;
		}
	}
	int rc = list ? drafts_list(s) : drafts_purge(s, all);
	store_close(s);
	return rc ? rc : key_problem ? EXIT_OTHER : EXIT_OK;
}
