/* Where forms and drafts live, chosen once at start-up. */
#include "tui/cli/cli.h"
#include "tui/files.h"
#include "store/store.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char forms_dir[PATH_MAX];
static char db_path[PATH_MAX];

void
paths_set_forms_dir(const char *dir)
{
	snprintf(forms_dir, sizeof forms_dir, "%s", dir);
}

void
paths_set_db(const char *path)
{
	snprintf(db_path, sizeof db_path, "%s", path);
}

/*
 * build/yorisoi finds the source tree's forms/ one level up; an installed
 * PREFIX/bin/yorisoi finds PREFIX/share/yorisoi/forms, wherever PREFIX
 * was put (DESTDIR, a copied tree).
 */
static int
forms_beside_exe(char *out, size_t n)
{
	static const char *const candidates[] = {"forms", "share/yorisoi/forms"};
	char exe[PATH_MAX];
	struct stat st;
	if (file_exe_dir(exe, sizeof exe) != 0)
		return -1;
	for (int up = 0; up < 3; up++) {
		if (up > 0) {
			char *slash = strrchr(exe, '/');
			if (!slash)
				return -1;
			*slash = '\0';
		}
		for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
			if (snprintf(out, n, "%s/%s/form.rng", exe, candidates[i]) >= (int)n)
				return -1;
			if (stat(out, &st) == 0)
				return snprintf(out, n, "%s/%s", exe, candidates[i]) >= (int)n ? -1 : 0;
		}
	}
	return -1;
}

const char *
paths_forms_dir(void)
{
	if (!forms_dir[0] && forms_beside_exe(forms_dir, sizeof forms_dir) != 0)
		snprintf(forms_dir, sizeof forms_dir, "%s/share/yorisoi/forms", PREFIX);
	return forms_dir;
}

/* The installed schema, whatever --forms says: a folder of a city's own
 * definitions need not carry form.rng. */
const char *
paths_schema_dir(void)
{
	static char dir[PATH_MAX];
	if (!dir[0] && forms_beside_exe(dir, sizeof dir) != 0)
		snprintf(dir, sizeof dir, "%s/share/yorisoi/forms", PREFIX);
	return dir;
}

const char *
paths_db(void)
{
	if (!db_path[0] && store_default_path(db_path, sizeof db_path) != 0)
		snprintf(db_path, sizeof db_path, "drafts.db");
	return db_path;
}
