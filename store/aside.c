/* Moving a damaged drafts file aside (store.h, store_set_aside). */
#include "store/internal.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Renames from -> to without ever replacing `to`: link(2) fails with
 * EEXIST where rename(2) would overwrite. A missing `from` is not an error. */
static int
move_no_replace(const char *from, const char *to)
{
	if (access(from, F_OK) != 0)
		return errno == ENOENT ? 0 : -1;
	if (link(from, to) != 0)
		return -1;
	return unlink(from);
}

int
store_set_aside(const char *path, char *moved, size_t n, store_error *err)
{
	char stamp[32], base[PATH_MAX], to[PATH_MAX + 16], from[PATH_MAX + 16];
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	for (int k = 1; k < 100; k++) {
		int len = k == 1 ? snprintf(base, sizeof base, "%s.damaged-%s", path, stamp)
		                 : snprintf(base, sizeof base, "%s.damaged-%s-%d", path, stamp, k);
		if (len < 0 || (size_t)len >= sizeof base)
			return store_fail(err, STORE_ERR_OPEN, "the path %s is too long", path);
		if (link(path, base) == 0)
			break;
		if (errno != EEXIST)
			return store_fail(err, STORE_ERR_OPEN, "cannot move %s aside: %s", path,
			                  strerror(errno));
		base[0] = '\0';
	}
	if (!base[0])
		return store_fail(err, STORE_ERR_OPEN, "cannot find a free name beside %s", path);
	if (unlink(path) != 0)
		return store_fail(err, STORE_ERR_OPEN, "moved %s to %s but cannot remove it: %s",
		                  path, base, strerror(errno));
	/* the key and the journal belong to that file: they go with it */
	static const char *const with[] = {".key", "-journal"};
	for (size_t i = 0; i < sizeof with / sizeof with[0]; i++) {
		snprintf(from, sizeof from, "%s%s", path, with[i]);
		snprintf(to, sizeof to, "%s%s", base, with[i]);
		if (move_no_replace(from, to) != 0)
			return store_fail(err, STORE_ERR_OPEN, "moved %s aside, but not %s: %s",
			                  path, from, strerror(errno));
	}
	snprintf(moved, n, "%s", base);
	return 0;
}
