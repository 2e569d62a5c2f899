/* Text domain binding and run-time language switching. */
#include "tui/i18n.h"
#include "tui/paths.h"

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char current_lang[16] = "en";

void
i18n_init(void)
{
	bindtextdomain("yorisoi", tui_path_locale_dir());
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
