/* Where the drafts database lives, and making its folder. */
#include "store/internal.h"

#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * The XDG base-directory rule: $XDG_DATA_HOME when it is set to an absolute
 * path (the specification says relative values are to be ignored), else
 * $HOME/.local/share, else the home folder from the password database.
 * Returns -1 when there is no home at all or the path does not fit.
 */
int
store_default_path(char *out, size_t outlen)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	int n;

	if (xdg && xdg[0] == '/') {
		n = snprintf(out, outlen, "%s/yorisoi/drafts.db", xdg);
	} else {
		if (!home || !home[0]) {
			struct passwd *pw = getpwuid(getuid());
			home = pw ? pw->pw_dir : NULL;
		}
		if (!home || !home[0])
			return -1;
		n = snprintf(out, outlen, "%s/.local/share/yorisoi/drafts.db", home);
	}
	return n < 0 || (size_t)n >= outlen ? -1 : 0;
}

/*
 * mkdir -p of the folder that will hold path. New folders get mode 0700:
 * drafts are nobody else's business even before they are encrypted.
 * Existing folders are not re-moded (the user may share ~/.local on
 * purpose). Fails with errno set, e.g. ENOTDIR when a component is a file.
 */
int
store_mkdir_parents(const char *path)
{
	char dir[PATH_MAX];
	int n = snprintf(dir, sizeof dir, "%s", path);

	if (n < 0 || (size_t)n >= sizeof dir) {
		errno = ENAMETOOLONG;
		return -1;
	}
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return 0; /* the current folder, or the root */
	*slash = '\0';

	for (char *p = dir + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char saved = *p;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			return -1;
		*p = saved;
		if (saved == '\0')
			break;
	}
	/* EEXIST may have been a file: make sure the parent is a folder. */
	struct stat st;
	if (stat(dir, &st) != 0)
		return -1;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	return 0;
}
