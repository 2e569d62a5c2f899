/* Where the postal-code database is found. */
#include "store/store.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int
exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/*
 * Looks beside the running executable, the way tui/paths.c finds forms:
 * build/unit-tests and build/yorisoi find build/postal.db, an installed
 * PREFIX/bin/yorisoi finds PREFIX/share/yorisoi/postal.db wherever PREFIX
 * was copied. Returns 0 with the path in out, or -1 if neither exists.
 */
static int
beside_exe(char *out, size_t outlen)
{
	static const char *const candidates[] = {"postal.db", "../share/yorisoi/postal.db"};
	char exe[PATH_MAX];
	ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);

	if (len <= 0)
		return -1;
	exe[len] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return -1;
	*slash = '\0';
	for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
		int n = snprintf(out, outlen, "%s/%s", exe, candidates[i]);
		if (n >= 0 && (size_t)n < outlen && exists(out))
			return 0;
	}
	return -1;
}

int
store_postal_default_path(char *out, size_t outlen)
{
	const char *env = getenv("YORISOI_POSTAL_DB");
	int n;

	if (env && env[0])
		n = snprintf(out, outlen, "%s", env);
	else if (beside_exe(out, outlen) == 0)
		return 0;
	else
		n = snprintf(out, outlen, "%s/share/yorisoi/postal.db", PREFIX);
	return n < 0 || (size_t)n >= outlen ? -1 : 0;
}
