/* tui: where things live (tui/paths.h), the one mkdir -p and the one
 * reader of small files (tui/files.h). */
#include "engine/engine.h"
#include "tests/unit/test.h"
#include "tui/files.h"
#include "tui/paths.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Sets or unsets an environment variable, remembering the old value. */
typedef struct saved_env {
	const char *name;
	char value[PATH_MAX];
	int had;
} saved_env;

static void
swap_env(saved_env *s, const char *name, const char *value)
{
	const char *old = getenv(name);
	s->name = name;
	s->had = old != NULL;
	snprintf(s->value, sizeof s->value, "%s", old ? old : "");
	if (value)
		setenv(name, value, 1);
	else
		unsetenv(name);
}

static void
restore_env(const saved_env *s)
{
	if (s->had)
		setenv(s->name, s->value, 1);
	else
		unsetenv(s->name);
}

TEST(data_folder_follows_xdg_then_home)
{
	saved_env x, h, t;
	char out[PATH_MAX];
	swap_env(&x, "XDG_DATA_HOME", "/srv/data");
	swap_env(&h, "HOME", "/home/desk");
	swap_env(&t, "YORISOI_TODAY", NULL);
	tui_paths_init();
	CHECK_STR(tui_path_data_dir(), "/srv/data/yorisoi");
	CHECK_STR(tui_path_db(), "/srv/data/yorisoi/drafts.db");
	CHECK(tui_path_in_data("desk.key", out, sizeof out) == 0);
	CHECK_STR(out, "/srv/data/yorisoi/desk.key");
	CHECK(tui_path_in_data("desk.key", out, 10) == -1);
	/* the XDG rule: a relative value is ignored */
	setenv("XDG_DATA_HOME", "relative/ignored", 1);
	tui_paths_init();
	CHECK_STR(tui_path_data_dir(), "/home/desk/.local/share/yorisoi");
	/* --db wins over the data folder */
	tui_paths_set_db("/tmp/other.db");
	CHECK_STR(tui_path_db(), "/tmp/other.db");
	restore_env(&x);
	restore_env(&h);
	restore_env(&t);
	tui_paths_set_db("");
	tui_paths_init();
}

TEST(today_is_decided_at_the_edge)
{
	saved_env t;
	char today[11];
	swap_env(&t, "YORISOI_TODAY", "2026-02-28");
	tui_paths_init();
	date_today(today);
	CHECK_STR(today, "2026-02-28");
	CHECK(date_set_today("2026-02-30") == -1); /* not a date: refused */
	date_today(today);
	CHECK_STR(today, "2026-02-28");
	restore_env(&t);
	date_set_today(NULL);
	date_today(today); /* the clock again */
	CHECK(strlen(today) == 10 && today[4] == '-' && today[7] == '-');
}

TEST(postal_db_override_and_build_tree)
{
	saved_env p;
	swap_env(&p, "YORISOI_POSTAL_DB", "/srv/postal.db");
	tui_paths_init();
	CHECK_STR(tui_path_postal_db(), "/srv/postal.db");
	unsetenv("YORISOI_POSTAL_DB");
	tui_paths_init();
	/* the unit-tests binary sits beside the postal.db of its build */
	CHECK(access(tui_path_postal_db(), R_OK) == 0);
	CHECK(strstr(tui_path_postal_db(), "/postal.db") != NULL);
	restore_env(&p);
	tui_paths_init();
}

TEST(mkdir_p_makes_private_levels_and_refuses_a_file)
{
	char dir[] = "/tmp/yorisoi-mkdir.XXXXXX", path[PATH_MAX], cmd[PATH_MAX + 16];
	struct stat st;
	REQUIRE(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/a/b/drafts.db", dir);
	CHECK(tui_mkdir_parent(path) == 0);
	snprintf(path, sizeof path, "%s/a/b", dir);
	CHECK(stat(path, &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & 0777) == 0700);
	snprintf(path, sizeof path, "%s/a", dir);
	CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0700);
	CHECK(tui_mkdir_p(path, 0700) == 0); /* already there */
	snprintf(path, sizeof path, "%s/file", dir);
	FILE *f = fopen(path, "w");
	REQUIRE(f);
	fclose(f);
	snprintf(path, sizeof path, "%s/file/sub", dir);
	errno = 0;
	CHECK(tui_mkdir_p(path, 0700) == -1 && errno == ENOTDIR);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	CHECK(system(cmd) == 0);
}

TEST(small_files_are_read_whole_or_refused)
{
	char path[] = "/tmp/yorisoi-read.XXXXXX";
	int fd = mkstemp(path);
	REQUIRE(fd >= 0);
	/* 70,000 bytes: the old reader cut persona files at 64 KiB */
	char *big = malloc(70000);
	REQUIRE(big);
	memset(big, 'x', 70000);
	REQUIRE(write(fd, big, 70000) == 70000);
	close(fd);
	size_t len = 0;
	char *text = tui_file_read(path, 70000, &len);
	CHECK(text && len == 70000 && text[69999] == 'x' && text[70000] == '\0');
	free(text);
	errno = 0;
	text = tui_file_read(path, 69999, &len);
	CHECK(text == NULL && errno == EFBIG);
	free(text);
	CHECK(tui_file_read("/nonexistent/yorisoi", 10, &len) == NULL);
	unlink(path);
	free(big);
}
