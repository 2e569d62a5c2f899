/* tui: the settings files (tui/config.h). */
#include "tests/unit/test.h"
#include "tui/config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A temp folder with a system file and an account's file, and the
 * environment pointed at them. */
typedef struct conf_dirs {
	char root[64];
	char system[PATH_MAX];
	char user_dir[PATH_MAX - 64];
	char user[PATH_MAX];
} conf_dirs;

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static int
conf_begin(conf_dirs *d, const char *system_text, const char *user_text)
{
	snprintf(d->root, sizeof d->root, "/tmp/yorisoi-conf-XXXXXX");
	if (!mkdtemp(d->root))
		return -1;
	snprintf(d->system, sizeof d->system, "%s/system.conf", d->root);
	snprintf(d->user_dir, sizeof d->user_dir, "%s/cfg/yorisoi", d->root);
	snprintf(d->user, sizeof d->user, "%s/yorisoi.conf", d->user_dir);
	char cfg[PATH_MAX];
	snprintf(cfg, sizeof cfg, "%s/cfg", d->root);
	mkdir(cfg, 0700);
	mkdir(d->user_dir, 0700);
	if (system_text)
		write_file(d->system, system_text);
	if (user_text)
		write_file(d->user, user_text);
	setenv("YORISOI_SYSTEM_CONFIG", d->system, 1);
	setenv("XDG_CONFIG_HOME", cfg, 1);
	tui_config_reset();
	return 0;
}

static void
conf_end(conf_dirs *d)
{
	char cmd[PATH_MAX + 16];
	snprintf(cmd, sizeof cmd, "rm -rf %s", d->root);
	if (system(cmd) != 0)
		fprintf(stderr, "    could not remove %s\n", d->root);
	unsetenv("YORISOI_SYSTEM_CONFIG");
	unsetenv("XDG_CONFIG_HOME");
	tui_config_reset();
}

/* The problem that starts with file:line, or NULL. */
static const char *
problem_at(const char *file, int line)
{
	char where[PATH_MAX + 16];
	snprintf(where, sizeof where, "%s:%d: ", file, line);
	for (size_t i = 0; i < tui_config_problem_count(); i++)
		if (tui_config_problem(i) &&
		    strncmp(tui_config_problem(i), where, strlen(where)) == 0)
			return tui_config_problem(i);
	return NULL;
}

TEST(without_files_the_defaults_apply)
{
	conf_dirs d;
	REQUIRE(conf_begin(&d, NULL, NULL) == 0);
	CHECK_INT(tui_config_load(NULL), 0);
	const tui_config *c = tui_config_get();
	CHECK_INT(c->idle_lock_seconds, 300);
	CHECK_INT(c->draft_retention_days, 14);
	CHECK_STR(c->paper, "a4");
	CHECK_STR(c->theme, "default");
	CHECK_STR(c->site, "");
	CHECK_STR(c->printer, "");
	CHECK_INT(tui_config_file_count(), 0);
	CHECK(tui_config_offers("juminhyo"));
	conf_end(&d);
}

TEST(the_account_file_changes_settings_one_by_one)
{
	conf_dirs d;
	REQUIRE(conf_begin(&d,
	                   "# the library's\n"
	                   "site = 中央図書館 デジタル相談\n"
	                   "printer = desk-1\n"
	                   "idle_lock = 120\n"
	                   "\n"
	                   "   # an indented comment\n"
	                   "draft_retention = 30\r\n"
	                   "theme = monochrome\n",
	                   "idle_lock=60\npaper =receipt \ntheme= high-contrast\n") == 0);
	CHECK_INT(tui_config_load(NULL), 0);
	const tui_config *c = tui_config_get();
	CHECK_STR(c->site, "中央図書館 デジタル相談");
	CHECK_STR(c->printer, "desk-1");
	CHECK_INT(c->idle_lock_seconds, 60);    /* the account's */
	CHECK_INT(c->draft_retention_days, 30); /* CRLF taken */
	CHECK_STR(c->paper, "receipt");
	CHECK_STR(c->theme, "high-contrast"); /* the account's over the library's */
	CHECK_INT(tui_config_file_count(), 2);
	CHECK_STR(tui_config_file(0), d.system);
	CHECK_STR(tui_config_file(1), d.user);
	conf_end(&d);
}

TEST(a_wrong_line_is_reported_and_keeps_the_earlier_value)
{
	conf_dirs d;
	REQUIRE(conf_begin(&d, "idle_lock = 120\npaper = receipt\ntheme = monochrome\n",
	                   "idle_lock = off\n"
	                   "paper = letter\n"
	                   "draft_retention = 0\n"
	                   "colour = blue\n"
	                   "just words\n"
	                   "printer = has space\n"
	                   "site = bell\a\n"
	                   "procedures = juminhyo ../etc\n"
	                   "theme = High-Contrast\n"
	                   "theme = dark\n") == 0);
	CHECK_INT(tui_config_load(NULL), 10);
	const tui_config *c = tui_config_get();
	CHECK_INT(c->idle_lock_seconds, 120);
	CHECK_STR(c->paper, "receipt");
	CHECK_INT(c->draft_retention_days, 14);
	CHECK_STR(c->printer, "");
	CHECK_STR(c->site, "");
	CHECK_INT(c->nprocedures, 0);
	CHECK_STR(c->theme, "monochrome"); /* the library's, not a wrong word */
	for (int line = 1; line <= 10; line++)
		CHECK(problem_at(d.user, line) != NULL);
	const char *p = problem_at(d.user, 4);
	CHECK(p && strstr(p, "\"colour\""));
	p = problem_at(d.user, 1);
	CHECK(p && strstr(p, "idle_lock") && strstr(p, "86400"));
	p = problem_at(d.user, 10);
	CHECK(p && strstr(p, "theme") && strstr(p, "high-contrast"));
	conf_end(&d);
}

TEST(lists_paths_and_the_explicit_file)
{
	conf_dirs d;
	REQUIRE(conf_begin(&d, "site = ignored\n", NULL) == 0);
	char mine[PATH_MAX];
	snprintf(mine, sizeof mine, "%s/mine.conf", d.root);
	write_file(mine, "procedures = juminhyo, inkan\n"
	                 "languages = vi ne\n"
	                 "city_key = keys/city.pub\n");
	CHECK_INT(tui_config_load(mine), 0);
	const tui_config *c = tui_config_get();
	CHECK_STR(c->site, ""); /* --config reads only its file */
	CHECK_INT(c->nprocedures, 2);
	CHECK(tui_config_offers("inkan") && tui_config_offers("juminhyo"));
	CHECK(!tui_config_offers("tenshutsu"));
	CHECK_INT(c->nlanguages, 2);
	CHECK_STR(c->languages[1].text, "ne");
	char where[PATH_MAX + 16], key[PATH_MAX];
	snprintf(where, sizeof where, "%s:2", mine);
	CHECK_STR(c->languages[1].where, where);
	snprintf(key, sizeof key, "%s/keys/city.pub", d.root);
	CHECK_STR(c->city_key, key); /* beside the file that names it */
	tui_config_offer_all();
	CHECK(tui_config_offers("tenshutsu"));

	tui_config_reset();
	char missing[PATH_MAX];
	snprintf(missing, sizeof missing, "%s/none.conf", d.root);
	CHECK_INT(tui_config_load(missing), 1); /* named, so it must exist */
	CHECK(tui_config_problem(0) && strstr(tui_config_problem(0), missing));
	conf_end(&d);
}

TEST(text_values_must_be_one_line_of_utf8)
{
	conf_dirs d;
	char long_site[200];
	memset(long_site, 'x', sizeof long_site);
	long_site[sizeof long_site - 1] = '\0';
	char text[400];
	snprintf(text, sizeof text, "site = %s\nmunicipality = \xff\xfe\nsite = ok\n", long_site);
	REQUIRE(conf_begin(&d, text, NULL) == 0);
	CHECK_INT(tui_config_load(NULL), 2);
	CHECK_STR(tui_config_get()->site, "ok");
	CHECK_STR(tui_config_get()->municipality, "");
	conf_end(&d);
}
