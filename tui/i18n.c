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

static char current_lang[24] = "en";

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

/* Switches the lookup language without remembering it as the current one. */
static void
look_up_in(const char *lang)
{
	setenv("LANGUAGE", lang, 1);
	textdomain(textdomain(NULL));
}

int
i18n_catalogue_header(const char *lang, char *out, size_t n)
{
	look_up_in(lang);
	static const char header_msgid[] = ""; /* gettext("") is the header */
	const char *h = gettext(header_msgid);
	int rc = h && *h ? 0 : -1;
	snprintf(out, n, "%s", rc == 0 ? h : "");
	look_up_in(current_lang);
	return rc;
}

const char *
i18n_form(const char *msgid)
{
	if (!msgid)
		return NULL;
	const char *t = gettext(msgid);
	/* gettext gives back msgid itself only when no catalogue has it */
	if (t != msgid || strcmp(current_lang, "en") == 0 || strcmp(current_lang, "ja") == 0)
		return t;
	look_up_in("ja");
	t = gettext(msgid); /* points into the loaded catalogue, which stays */
	look_up_in(current_lang);
	return t;
}
