/* Text domain binding and run-time language switching. */
#include "tui/i18n.h"
#include "tui/files.h"

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char current_lang[16] = "en";

static int
is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The build tree keeps catalogues in build/locale beside the executable;
 * an installed PREFIX/bin/yorisoi has them in PREFIX/share/locale. */
static int
locale_dir_beside_exe(char *out, size_t n)
{
	char exe[PATH_MAX];
	if (file_exe_dir(exe, sizeof exe) != 0)
		return -1;
	if (snprintf(out, n, "%s/locale", exe) >= (int)n)
		return -1;
	if (is_dir(out))
		return 0;
	char *slash = strrchr(exe, '/');
	if (!slash)
		return -1;
	*slash = '\0';
	if (snprintf(out, n, "%s/share/locale/ja/LC_MESSAGES/yorisoi.mo", exe) >= (int)n)
		return -1;
	if (access(out, R_OK) != 0)
		return -1;
	return snprintf(out, n, "%s/share/locale", exe) >= (int)n ? -1 : 0;
}

void
i18n_init(void)
{
	char dir[PATH_MAX];
	const char *env = getenv("YORISOI_LOCALEDIR");

	if (env && *env)
		snprintf(dir, sizeof dir, "%s", env);
	else if (locale_dir_beside_exe(dir, sizeof dir) != 0)
		snprintf(dir, sizeof dir, "%s/share/locale", PREFIX);
	bindtextdomain("yorisoi", dir);
	bind_textdomain_codeset("yorisoi", "UTF-8");
	textdomain("yorisoi");

	const char *msg = setlocale(LC_MESSAGES, NULL);
	if (msg && strncmp(msg, "ja", 2) == 0)
		snprintf(current_lang, sizeof current_lang, "ja");
}

/*
 * LANGUAGE outranks the locale for message lookup in glibc, as long as the
 * locale is not "C"; the console runs in a UTF-8 locale (C.UTF-8 at least),
 * so setting it switches catalogues without needing ja_JP to be generated.
 */
void
i18n_set_language(const char *lang)
{
	char copy[sizeof current_lang];
	/* lang may be i18n_language() itself: copy before overwriting. */
	snprintf(copy, sizeof copy, "%s", lang);
	memcpy(current_lang, copy, sizeof current_lang);
	setenv("LANGUAGE", copy, 1);
	/* Make glibc drop its cache of looked-up catalogues. */
	textdomain(textdomain(NULL));
}

const char *
i18n_language(void)
{
	return current_lang;
}
