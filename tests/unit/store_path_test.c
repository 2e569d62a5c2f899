/* store: the default database path. */
#include "tests/unit/store_fixture.h"
#include "tests/unit/test.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Sets or unsets an environment variable, remembering the old value. */
static void
swap_env(const char *name, const char *value, char *saved, size_t n, int *had)
{
	const char *old = getenv(name);
	*had = old != NULL;
	if (old)
		snprintf(saved, n, "%s", old);
	if (value)
		setenv(name, value, 1);
	else
		unsetenv(name);
}

static void
restore_env(const char *name, const char *saved, int had)
{
	if (had)
		setenv(name, saved, 1);
	else
		unsetenv(name);
}

TEST(default_path_follows_xdg)
{
	char xdg[PATH_MAX], home[PATH_MAX], out[PATH_MAX];
	int had_xdg, had_home;

	swap_env("XDG_DATA_HOME", "/srv/data", xdg, sizeof xdg, &had_xdg);
	swap_env("HOME", "/home/desk", home, sizeof home, &had_home);
	CHECK(store_default_path(out, sizeof out) == 0);
	CHECK_STR(out, "/srv/data/yorisoi/drafts.db");
	setenv("XDG_DATA_HOME", "relative/ignored", 1);
	CHECK(store_default_path(out, sizeof out) == 0);
	CHECK_STR(out, "/home/desk/.local/share/yorisoi/drafts.db");
	unsetenv("XDG_DATA_HOME");
	CHECK(store_default_path(out, sizeof out) == 0);
	CHECK_STR(out, "/home/desk/.local/share/yorisoi/drafts.db");
	CHECK(store_default_path(out, 10) == -1);
	restore_env("XDG_DATA_HOME", xdg, had_xdg);
	restore_env("HOME", home, had_home);
}
