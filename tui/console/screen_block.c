/* A block number typed as the shorthand (5-10) at a block-number question:
 * the resident chooses its official spelling (5番10号 or 5番地10), or keeps
 * it as typed (engine: block_number_spellings). */
#include "tui/console/app.h"
#include "tui/console/draw.h"
#include "tui/console/keys.h"
#include "tui/console/theme.h"
#include "tui/i18n.h"
#include "tui/messages.h"
#include "tui/entry.h"

#include <stdio.h>
#include <string.h>

bool
app_block_offer(app *a, const char *value)
{
	char spelled[3][BLOCK_SPELLING_MAX];
	size_t n = block_number_spellings(value, spelled, 3);
	if (n == 0 || strlen(value) >= BLOCK_SPELLING_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		memcpy(a->block_lines[i], spelled[i], sizeof spelled[i]);
	memcpy(a->block_lines[n], value, strlen(value) + 1); /* shorter: checked */
	a->nblock_lines = n + 1;
	app_go(a, SCR_BLOCK);
	return true;
}

void
app_block_line(const app *a, size_t i, char *buf, size_t n)
{
	const char *s = a->block_lines[i];
	if (i + 1 == a->nblock_lines)
		/* L10N: %s is a block number as the resident typed it (5-10). */
		snprintf(buf, n, _("%s, as typed"), s);
	else if (strstr(s, "番地"))
		/* L10N: 地番, the land-lot number, in 5番地10. */
		snprintf(buf, n, "%s（%s）", s, _("lot number: 番地"));
	else
		/* L10N: 住居表示, house numbering, in 5番10号. */
		snprintf(buf, n, "%s（%s）", s, _("house numbering: 番 and 号"));
}

static void
block_draw(app *a)
{
	if (!draw_begin(a, _("Block and house number")))
		return;
	int x = content_x(), cols = content_cols(), y = CONTENT_TOP;
	y = draw_block(y, x, cols, 3,
	               _("How does the official address write it? Choose it as on the "
	                 "certificate of residence or the moving-out certificate."),
	               A_BOLD);
	for (size_t i = 0; i < a->nblock_lines && y <= CONTENT_BOTTOM; i++) {
		char line[256], item[300];
		app_block_line(a, i, line, sizeof line);
		bool on = (int)i == a->sel;
		snprintf(item, sizeof item, "%s %zu. %s", on ? ">" : " ", i + 1, line);
		draw_str(y, x, cols, item, on ? theme_attr(ROLE_SELECTED) : 0);
		draw_item_row(y, (int)i);
		if (on)
			draw_focus(y, x);
		y++;
	}
	draw_end(a, _("↑↓ choose   Enter: use this   Esc: back to the box"));
}

static void
block_key(app *a, wint_t ch, bool is_key)
{
	int n = (int)a->nblock_lines;
	if (key_move(ch, is_key, &a->sel, n))
		return;
	int line = key_line_number(ch, is_key, &a->choice_typed, n);
	if (line >= 0) {
		a->sel = line;
		return;
	}
	if (key_is_back(ch, is_key)) {
		/* back to the question, the shorthand in the box to change */
		char typed[BLOCK_SPELLING_MAX];
		snprintf(typed, sizeof typed, "%s", a->block_lines[n - 1]);
		app_go(a, SCR_QUESTION);
		textinput_set(&a->input, typed);
		return;
	}
	if (!key_is_enter(ch, is_key))
		return;
	const field *fld = form_field_at(a->form, (size_t)a->step.field);
	answer_error err;
	if (entry_set(a->ans, fld, a->step.instance, a->block_lines[a->sel], &err) != ANSWER_OK) {
		msg_answer_error(fld, &err, a->error, sizeof a->error);
		return;
	}
	app_step_forward(a);
}

const screen_ops screen_block = {NULL, block_draw, block_key, NULL};
