/* Choosing the resident's language: each language named in itself. */
#include "tui/console/app.h"
#include "tui/console/draw.h"
#include "tui/i18n.h"
#include "tui/languages.h"

#include <stdio.h>
#include <string.h>

const language languages[] = {
	{"ja", "日本語", "日本語"},
	{"en", "English", "英語"},
};
const size_t nlanguages = sizeof languages / sizeof languages[0];

static void
lang_draw(app *a)
{
	if (!draw_begin(a, "Language / 言語"))
		return;
	int x = content_x(), y = CONTENT_TOP;
	y += draw_para(y, x, content_cols(), 2, "Choose the language / 言語を選んでください", A_BOLD) + 1;
	for (size_t i = 0; i < nlanguages; i++) {
		char line[256];
		if (strcmp(languages[i].native, languages[i].japanese) == 0)
			snprintf(line, sizeof line, "%s %zu. %s", (int)i == a->sel ? ">" : " ", i + 1,
				 languages[i].native);
		else
			snprintf(line, sizeof line, "%s %zu. %s  (%s)", (int)i == a->sel ? ">" : " ",
				 i + 1, languages[i].native, languages[i].japanese);
		draw_str(y, x, content_cols(), line, (int)i == a->sel ? A_REVERSE | A_BOLD : 0);
		if ((int)i == a->sel)
			draw_focus(y, x);
		y += 2;
	}
	draw_end(a, "↑↓ Enter   q: quit / 終了");
}

static void
lang_key(app *a, wint_t ch, bool is_key)
{
	if (is_key && ch == KEY_UP && a->sel > 0)
		a->sel--;
	else if (is_key && ch == KEY_DOWN && a->sel + 1 < (int)nlanguages)
		a->sel++;
	else if (!is_key && ch >= '1' && ch < '1' + (wint_t)nlanguages)
		a->sel = (int)(ch - '1');
	else if ((!is_key && (ch == '\r' || ch == '\n')) || (is_key && ch == KEY_ENTER)) {
		i18n_set_language(languages[a->sel].code);
		app_go(a, SCR_START);
	} else if (!is_key && (ch == 'q' || ch == 'Q'))
		a->quit = true;
}

const screen_ops screen_lang = {NULL, lang_draw, lang_key, NULL};
