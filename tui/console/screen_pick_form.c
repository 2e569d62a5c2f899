/* Which procedure this visit is for: the installed forms in the order
 * people come for them, each with its official Japanese title. */
#include "tui/console/app.h"
#include "tui/console/draw.h"
#include "tui/console/theme.h"
#include "tui/i18n.h"
#include "tui/console/keys.h"
#include "tui/messages.h"
#include "tui/console/steps.h"
#include "tui/values.h"

static void
pick_draw(app *a)
{
	if (!draw_begin(a, _("Choose the procedure")))
		return;
	int x = content_x(), cols = content_cols(), y = CONTENT_TOP;
	y = draw_block(y, x, cols, 2, _("Which procedure is this visit for?"), A_BOLD);
	/* Long official titles wrap onto a second row rather than being cut. */
	const form *f;
	for (size_t i = 0; (f = forms_in_order(a->forms, (int)i)) && y <= CONTENT_BOTTOM; i++) {
		char title[512], num[32];
		attr_t at = (int)i == a->sel ? theme_attr(ROLE_SELECTED) : 0;
		bilingual(form_label(f), form_title(f), title, sizeof title);
		snprintf(num, sizeof num, "%s %zu. ", (int)i == a->sel ? ">" : " ", i + 1);
		int indent = draw_str(y, x, cols, num, at);
		if ((int)i == a->sel)
			draw_focus(y, x);
		int rows = draw_para(y, x + indent, cols - indent, 2, title, at);
		for (int r = 0; r < (rows < 1 ? 1 : rows); r++)
			draw_item_row(y + r, (int)i);
		y += rows;
	}
	draw_end(a, _("↑↓ choose   Enter: select   Esc: back"));
}

static void
pick_key(app *a, wint_t ch, bool is_key)
{
	int n = (int)forms_offered_count(a->forms);
	if (key_move(ch, is_key, &a->sel, n))
		return;
	/* a number picks the line, as on every list; Enter goes on (a number
	 * alone once went on here but only picked on a question) */
	if (!is_key && ch >= '1' && ch <= '9' && (int)(ch - '1') < n) {
		a->sel = (int)(ch - '1');
	} else if (key_is_back(ch, is_key))
		app_go(a, SCR_START);
	else if (key_is_enter(ch, is_key)) {
		a->form = forms_in_order(a->forms, a->sel);
		app_go(a, SCR_CARD);
	}
}

const screen_ops screen_pick_form = {NULL, pick_draw, pick_key, NULL};
