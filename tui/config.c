/* The desk's settings file (see config.h). */
#include "tui/config.h"
#include "tui/console/theme.h"
#include "tui/i18n.h"

#include <ctype.h>
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unistr.h>

#ifndef SYSCONFDIR
#define SYSCONFDIR "/etc"
#endif

enum { MAX_FILES = 2 };

static const tui_config defaults = {
        .paper = "a4",
        .theme = "default",
        .idle_lock_seconds = TUI_CONFIG_DEFAULT_IDLE_LOCK,
        .visit_end_seconds = TUI_CONFIG_DEFAULT_VISIT_END,
        .draft_retention_days = TUI_CONFIG_DEFAULT_RETENTION,
};
static tui_config cfg = defaults;
static char problems[TUI_CONFIG_MAX_PROBLEMS][PATH_MAX + 400];
static size_t nproblems;
static char files[MAX_FILES][PATH_MAX];
static size_t nfiles;
static char system_file[PATH_MAX];

void
tui_config_add_problem(const char *where, const char *what)
{
	if (nproblems < TUI_CONFIG_MAX_PROBLEMS)
		snprintf(problems[nproblems], sizeof problems[0], "%s: %s", where, what);
	nproblems++;
}

static char *
trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 &&
	       (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		s[--n] = '\0';
	return s;
}

/* A whole number in [lo, hi], or false. */
static bool
whole_number(const char *v, long lo, long hi, int *out)
{
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (errno || end == v || *end || n < lo || n > hi)
		return false;
	*out = (int)n;
	return true;
}

/* Text for people (site, municipality): valid UTF-8 without control
 * characters, which would move the cursor on the console or the slip. */
static bool
set_text(char *dst, size_t cap, const char *v)
{
	size_t n = strlen(v);
	if (n >= cap || u8_check((const uint8_t *)v, n) != NULL)
		return false;
	for (const unsigned char *p = (const unsigned char *)v; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return false;
	memcpy(dst, v, n + 1);
	return true;
}

/* A CUPS queue name: printable ASCII without space, / or # (CUPS's own rule
 * for lpadmin -p). */
static bool
set_printer(const char *v)
{
	if (!*v || strlen(v) >= sizeof cfg.printer)
		return false;
	for (const unsigned char *p = (const unsigned char *)v; *p; p++)
		if (*p <= 0x20 || *p >= 0x7f || *p == '/' || *p == '#')
			return false;
	snprintf(cfg.printer, sizeof cfg.printer, "%s", v);
	return true;
}

/* Words separated by blanks or commas: form ids, language codes. */
static bool
set_words(tui_config_word *list, size_t *n, const char *v, const char *where)
{
	char buf[1024];
	if (strlen(v) >= sizeof buf)
		return false;
	snprintf(buf, sizeof buf, "%s", v);
	size_t k = 0;
	for (char *save = NULL, *w = strtok_r(buf, " \t,", &save); w;
	     w = strtok_r(NULL, " \t,", &save)) {
		if (k == TUI_CONFIG_MAX_LIST || strlen(w) >= sizeof list[0].text)
			return false;
		for (const char *c = w; *c; c++)
			if (!isalnum((unsigned char)*c) && *c != '_' && *c != '-' && *c != '@')
				return false;
		snprintf(list[k].text, sizeof list[k].text, "%s", w);
		snprintf(list[k].where, sizeof list[k].where, "%s", where);
		k++;
	}
	*n = k;
	return true;
}

/* A path relative to the settings file's own folder, as admins expect of
 * a file that names its neighbours. */
static bool
set_path(char *dst, size_t cap, const char *v, const char *file)
{
	if (!*v)
		return false;
	int n;
	if (v[0] == '/') {
		n = snprintf(dst, cap, "%s", v);
	} else {
		const char *slash = strrchr(file, '/');
		int dir = slash ? (int)(slash - file) : 1;
		n = snprintf(dst, cap, "%.*s/%s", dir, slash ? file : ".", v);
	}
	return n > 0 && (size_t)n < cap;
}

/* One "name = value" line; false with a translated reason in why. */
static bool
apply(const char *name, const char *v, const char *file, const char *where, char *why, size_t n)
{
	if (strcmp(name, "site") == 0 || strcmp(name, "municipality") == 0) {
		char *dst = name[0] == 's' ? cfg.site : cfg.municipality;
		if (set_text(dst, 121, v))
			return true;
		/* L10N: %s is the setting's name, as written in the file. */
		snprintf(why, n, _("%s is one line of text of at most 120 bytes."), name);
		return false;
	}
	if (strcmp(name, "city_key") == 0) {
		if (set_path(cfg.city_key, sizeof cfg.city_key, v, file)) {
			snprintf(cfg.city_key_where, sizeof cfg.city_key_where, "%s", where);
			return true;
		}
		snprintf(why, n, "%s", _("city_key is the path of the city's public key file."));
		return false;
	}
	if (strcmp(name, "printer") == 0) {
		if (set_printer(v))
			return true;
		snprintf(why, n, "%s",
		         _("printer is the name of a CUPS printer queue, as \"lpstat -p\" lists "
		           "it."));
		return false;
	}
	if (strcmp(name, "paper") == 0) {
		if (strcmp(v, "a4") == 0 || strcmp(v, "receipt") == 0) {
			snprintf(cfg.paper, sizeof cfg.paper, "%s", v);
			return true;
		}
		snprintf(why, n, "%s", _("paper is a4 or receipt."));
		return false;
	}
	if (strcmp(name, "theme") == 0) {
		theme_id t;
		if (theme_from_name(v, &t)) {
			snprintf(cfg.theme, sizeof cfg.theme, "%s", theme_name(t));
			return true;
		}
		/* L10N: "theme", "default", "high-contrast" and "monochrome" are words of
		   the settings file: keep them as they are. */
		snprintf(why, n, "%s", _("theme is default, high-contrast or monochrome."));
		return false;
	}
	if (strcmp(name, "idle_lock") == 0) {
		if (whole_number(v, 0, 86400, &cfg.idle_lock_seconds))
			return true;
		snprintf(why, n, "%s",
		         _("idle_lock takes whole seconds from 0 (never lock) to 86400."));
		return false;
	}
	if (strcmp(name, "visit_end") == 0) {
		if (whole_number(v, 0, 86400, &cfg.visit_end_seconds))
			return true;
		snprintf(why, n, "%s", _("visit_end takes whole seconds from 0 (never) to 86400."));
		return false;
	}
	if (strcmp(name, "draft_retention") == 0) {
		if (whole_number(v, 1, 365, &cfg.draft_retention_days))
			return true;
		snprintf(why, n, "%s", _("draft_retention takes whole days from 1 to 365."));
		return false;
	}
	if (strcmp(name, "procedures") == 0 || strcmp(name, "languages") == 0) {
		bool procs = name[0] == 'p';
		if (set_words(procs ? cfg.procedures : cfg.languages,
		              procs ? &cfg.nprocedures : &cfg.nlanguages, v, where))
			return true;
		/* L10N: %s is the setting's name, as written in the file. */
		snprintf(why, n, _("%s is a list of names separated by spaces."), name);
		return false;
	}
	/* L10N: %s is the unknown name, as written in the file. */
	snprintf(why, n, _("there is no setting \"%s\" (see man 5 yorisoi.conf)."), name);
	return false;
}

static void
read_file(const char *path, bool must_exist)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		if (errno != ENOENT || must_exist) {
			char why[256];
			/* L10N: %s is the system's reason, in English. */
			snprintf(why, sizeof why, _("the file cannot be read (%s)."),
			         strerror(errno));
			tui_config_add_problem(path, why);
		}
		return;
	}
	if (nfiles < MAX_FILES)
		snprintf(files[nfiles++], sizeof files[0], "%s", path);
	char *line = NULL;
	size_t cap = 0;
	int lineno = 0;
	while (getline(&line, &cap, f) >= 0) {
		char where[PATH_MAX + 16], why[300];
		lineno++;
		snprintf(where, sizeof where, "%s:%d", path, lineno);
		char *s = trim(line);
		if (!*s || *s == '#')
			continue;
		char *eq = strchr(s, '=');
		if (!eq) {
			tui_config_add_problem(where, _("a setting is written \"name = value\"."));
			continue;
		}
		*eq = '\0';
		char *name = trim(s), *value = trim(eq + 1);
		if (apply(name, value, path, where, why, sizeof why))
			continue;
		tui_config_add_problem(where, why);
	}
	free(line);
	fclose(f);
}

static void
user_file(char *out, size_t n)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	out[0] = '\0';
	if (xdg && xdg[0] == '/') { /* the XDG rule ignores relative values */
		snprintf(out, n, "%s/yorisoi/yorisoi.conf", xdg);
		return;
	}
	if (!home || home[0] != '/') {
		struct passwd *pw = getpwuid(getuid());
		home = pw ? pw->pw_dir : NULL;
	}
	if (home && home[0] == '/')
		snprintf(out, n, "%s/.config/yorisoi/yorisoi.conf", home);
}

size_t
tui_config_load(const char *file)
{
	/* YORISOI_SYSTEM_CONFIG stands in for SYSCONFDIR's file in tests */
	const char *env = getenv("YORISOI_SYSTEM_CONFIG");
	snprintf(system_file, sizeof system_file, "%s",
	         env && *env ? env : SYSCONFDIR "/yorisoi/yorisoi.conf");
	if (file) {
		read_file(file, true);
		return nproblems;
	}
	read_file(system_file, false);
	char user[PATH_MAX];
	user_file(user, sizeof user);
	if (user[0] && strcmp(user, system_file) != 0)
		read_file(user, false);
	return nproblems;
}

void
tui_config_reset(void)
{
	cfg = defaults;
	nproblems = nfiles = 0;
}

const tui_config *
tui_config_get(void)
{
	return &cfg;
}

size_t
tui_config_problem_count(void)
{
	return nproblems;
}

const char *
tui_config_problem(size_t i)
{
	return i < nproblems && i < TUI_CONFIG_MAX_PROBLEMS ? problems[i] : NULL;
}

size_t
tui_config_file_count(void)
{
	return nfiles;
}

const char *
tui_config_file(size_t i)
{
	return i < nfiles ? files[i] : NULL;
}

const char *
tui_config_system_file(void)
{
	return system_file;
}

bool
tui_config_offers(const char *form_id)
{
	if (cfg.nprocedures == 0)
		return true;
	for (size_t i = 0; i < cfg.nprocedures; i++)
		if (strcmp(cfg.procedures[i].text, form_id) == 0)
			return true;
	return false;
}

void
tui_config_offer_all(void)
{
	cfg.nprocedures = 0;
}

void
tui_config_print_problems(FILE *to)
{
	for (size_t i = 0; i < nproblems && i < TUI_CONFIG_MAX_PROBLEMS; i++)
		fprintf(to, "yorisoi: %s\n", problems[i]);
}
