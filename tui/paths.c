/* Where things live on this machine (see paths.h). */
#include "tui/paths.h"
#include "engine/engine.h"
#include "tui/files.h"

#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char forms_dir[PATH_MAX];
static char schema_dir[PATH_MAX];
static char db_path[PATH_MAX];
static char data_dir[PATH_MAX];
static char postal_db[PATH_MAX];
static char locale_dir[PATH_MAX];
static char linguas[PATH_MAX];

static bool
is_file(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static bool
fits(int n, size_t cap)
{
	return n >= 0 && (size_t)n < cap;
}

/*
 * A data file that ships with the program, found beside the executable:
 * build/yorisoi finds the source tree's forms/ one level up and
 * build/postal.db beside it; an installed PREFIX/bin/yorisoi finds
 * PREFIX/share/yorisoi/..., wherever PREFIX was put (DESTDIR, a copied
 * tree). `probe` is a file that must exist inside the candidate; out gets
 * the candidate itself. Falls back to PREFIX/share/yorisoi/<fallback>.
 */
static void
find_shipped(const char *const *candidates, size_t ncand, const char *probe, const char *fallback,
             char *out, size_t n)
{
	char exe[PATH_MAX], try[PATH_MAX + 64];
	if (tui_file_exe_dir(exe, sizeof exe) == 0) {
		for (int up = 0; up < 3; up++) {
			if (up > 0) {
				char *slash = strrchr(exe, '/');
				if (!slash)
					break;
				*slash = '\0';
			}
			for (size_t i = 0; i < ncand; i++) {
				if (!fits(snprintf(try, sizeof try, "%s/%s%s%s", exe, candidates[i],
				                   probe[0] ? "/" : "", probe),
				          sizeof try) ||
				    !is_file(try))
					continue;
				if (fits(snprintf(out, n, "%s/%s", exe, candidates[i]), n))
					return;
			}
		}
	}
	snprintf(out, n, "%s/share/%s", PREFIX, fallback);
}

/* The XDG base-directory rule for the data folder. */
static void
find_data_dir(void)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");

	if (xdg && xdg[0] == '/') {
		if (!fits(snprintf(data_dir, sizeof data_dir, "%s/yorisoi", xdg), sizeof data_dir))
			data_dir[0] = '\0';
		return;
	}
	if (!home || home[0] != '/') {
		struct passwd *pw = getpwuid(getuid());
		home = pw ? pw->pw_dir : NULL;
	}
	if (!home || home[0] != '/' ||
	    !fits(snprintf(data_dir, sizeof data_dir, "%s/.local/share/yorisoi", home),
	          sizeof data_dir))
		data_dir[0] = '\0';
}

void
tui_paths_init(void)
{
	static const char *const forms[] = {"forms", "share/yorisoi/forms"};
	static const char *const postal[] = {"postal.db", "share/yorisoi/postal.db"};
	static const char *const locale[] = {"locale", "share/locale"};
	const char *env;

	find_data_dir();
	find_shipped(forms, 2, "form.rng", "yorisoi/forms", schema_dir, sizeof schema_dir);
	if ((env = getenv("YORISOI_POSTAL_DB")) && *env)
		snprintf(postal_db, sizeof postal_db, "%s", env);
	else
		find_shipped(postal, 2, "", "yorisoi/postal.db", postal_db, sizeof postal_db);
	if ((env = getenv("YORISOI_LOCALEDIR")) && *env)
		snprintf(locale_dir, sizeof locale_dir, "%s", env);
	else
		find_shipped(locale, 2, "ja/LC_MESSAGES/yorisoi.mo", "locale", locale_dir,
		             sizeof locale_dir);
	/* the build tree keeps LINGUAS in its private locale/, an installed
	 * tree in share/yorisoi/ (share/locale belongs to every program) */
	static const char *const ling[] = {"locale/LINGUAS", "share/yorisoi/LINGUAS"};
	find_shipped(ling, 2, "", "yorisoi/LINGUAS", linguas, sizeof linguas);
	if ((env = getenv("YORISOI_LOCALEDIR")) && *env)
		snprintf(linguas, sizeof linguas, "%s/LINGUAS", env);
	/* The engine's "today" (prefill, date ranges) and the slip's date. */
	env = getenv("YORISOI_TODAY");
	date_set_today(env && *env ? env : NULL);
}

void
tui_paths_set_forms_dir(const char *dir)
{
	snprintf(forms_dir, sizeof forms_dir, "%s", dir);
}

void
tui_paths_set_db(const char *path)
{
	snprintf(db_path, sizeof db_path, "%s", path);
}

const char *
tui_path_forms_dir(void)
{
	return forms_dir[0] ? forms_dir : schema_dir;
}

const char *
tui_path_schema_dir(void)
{
	return schema_dir;
}

const char *
tui_path_postal_db(void)
{
	return postal_db;
}

const char *
tui_path_locale_dir(void)
{
	return locale_dir;
}

const char *
tui_path_private_dir(void)
{
	static char dir[PATH_MAX];
	const char *run = getenv("XDG_RUNTIME_DIR");
	struct stat st;
	if (run && run[0] == '/')
		snprintf(dir, sizeof dir, "%s/yorisoi", run);
	else
		snprintf(dir, sizeof dir, "/tmp/yorisoi-%ld", (long)getuid());
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return NULL;
	/* in /tmp someone else may have made it first: use it only if it is
	 * our own private folder */
	if (lstat(dir, &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != getuid() ||
	    (st.st_mode & 077) != 0)
		return NULL;
	return dir;
}

const char *
tui_path_linguas(void)
{
	return linguas;
}

const char *
tui_path_data_dir(void)
{
	return data_dir[0] ? data_dir : NULL;
}

const char *
tui_path_db(void)
{
	if (!db_path[0] && data_dir[0] &&
	    !fits(snprintf(db_path, sizeof db_path, "%s/drafts.db", data_dir), sizeof db_path))
		db_path[0] = '\0';
	return db_path[0] ? db_path : NULL;
}

const char *
tui_path_stats(void)
{
	static char stats_path[PATH_MAX];
	const char *db = tui_path_db();
	if (!db)
		return NULL;
	const char *slash = strrchr(db, '/');
	int dir_len = slash ? (int)(slash - db) + 1 : 0;
	if (!fits(snprintf(stats_path, sizeof stats_path, "%.*sstats.db", dir_len, db),
	          sizeof stats_path))
		return NULL;
	return stats_path;
}

int
tui_path_in_data(const char *file, char *out, size_t n)
{
	if (!data_dir[0] || !fits(snprintf(out, n, "%s/%s", data_dir, file), n))
		return -1;
	return 0;
}
