/* Choosing the resident's language: each language named in itself and in
 * Japanese for the volunteer, from locales/LINGUAS and the catalogues. */
#include "tui/console/app.h"
#include "tui/console/visit_stats.h"
#include "tui/console/draw.h"
#include "tui/console/theme.h"
#include "tui/console/keys.h"
#include "tui/i18n.h"
#include "tui/languages.h"

#include <stdio.h>
#include <string.h>

/* The key of entry i: 1-9, then a, b, c ... (q stays "quit"). */
static char
entry_key(size_t i)
{
	if (i < 9)
		return (char)('1' + i);
	char k = (char)('a' + (i - 9));
	return k >= 'q' ? (char)(k + 1) : k;
}

static int
entry_of_key(wint_t ch)
{
	for (size_t i = 0; i < tui_language_count() && i < 34; i++)
		if (ch == (wint_t)(unsigned char)entry_key(i))
			return (int)i;
	return -1;
}

static void
lang_draw(app *a)
{
	if (!draw_begin(a, "Language / 言語"))
		return;
	int x = content_x(), cols = content_cols(), y = CONTENT_TOP;
	int n = (int)tui_language_count();
	bool shaping = false;
	y = draw_block(y, x, cols, 2, "Choose the language / 言語を選んでください", A_BOLD);
	/* one line each: twelve languages fit 80×24 */
	int rows = CONTENT_BOTTOM - y + 1 - 2, first = a->sel - rows + 1;
	if (first < 0)
		first = 0;
	for (int i = 0; i < n; i++) {
		const tui_language *l = tui_language_at((size_t)i);
		shaping = shaping || tui_language_needs_shaping(l);
		if (i < first || i >= first + rows)
			continue;
		char line[256];
		if (strcmp(l->native, l->japanese) == 0)
			snprintf(line, sizeof line, "%s %c. %s", i == a->sel ? ">" : " ",
			         entry_key((size_t)i), l->native);
		else
			snprintf(line, sizeof line, "%s %c. %s  (%s)", i == a->sel ? ">" : " ",
			         entry_key((size_t)i), l->native, l->japanese);
		draw_str(y, x, cols, line, i == a->sel ? theme_attr(ROLE_SELECTED) : 0);
		draw_item_row(y, i);
		if (i == a->sel)
			draw_focus(y, x);
		y++;
	}
	/* Terminals join Devanagari and Myanmar letters poorly; said once here,
	 * for the volunteer, in the two languages the volunteer reads. */
	if (shaping)
		draw_para(y + 1, x, cols, 3,
		          "नेपाली, မြန်မာ: a terminal may show some letters apart; the printed slip "
		          "shows them whole. "
		          "端末では文字が崩れることがあります。印刷票では正しく表示されます。",
		          0);
	draw_end(a,
	         a->lang_switching ? "↑↓ Enter   Esc: back / 戻る" : "↑↓ Enter   q: quit / 終了");
}

/* After F3: the screen the language was changed from, as it was. */
static void
back_to_place(app *a)
{
	a->lang_switching = false;
	a->screen = a->lang_return;
	a->sel = a->lang_return_sel;
}

static void
lang_key(app *a, wint_t ch, bool is_key)
{
	int n = (int)tui_language_count();
	if (key_move(ch, is_key, &a->sel, n))
		return;
	if (!is_key && entry_of_key(ch) >= 0) {
		a->sel = entry_of_key(ch);
		return;
	}
	if (key_is_enter(ch, is_key)) {
		i18n_set_language(tui_language_at((size_t)a->sel)->code);
		if (a->lang_switching) {
			back_to_place(a);
			return;
		}
		visit_stats_visit_touch(a); /* a resident has sat down */
		app_go(a, SCR_START);
	} else if (a->lang_switching && key_is_back(ch, is_key)) {
		back_to_place(a);
	} else if (!a->lang_switching && !is_key && (ch == 'q' || ch == 'Q')) {
		a->quit = true;
	}
}

const screen_ops screen_lang = {NULL, lang_draw, lang_key, NULL};
