/* A block number typed as the shorthand (5-10) at a block-number question,
 * or in an address (芝公園9-5-10), or a room number typed bare after a
 * building's name (ハイツ402): the resident chooses its official spelling
 * (5番10号 or 5番地10, 402号室), or keeps it as typed (engine/blocknum.c,
 * engine/roomnum.c). */
#include "tui/console/app.h"
#include "tui/console/draw.h"
#include "tui/console/keys.h"
#include "tui/console/theme.h"
#include "tui/i18n.h"
#include "tui/messages.h"
#include "tui/entry.h"

#include <stdio.h>
#include <string.h>

size_t
app_block_spellings(app *a, const field *fld, int instance, const char *value)
{
	size_t n = 0;
	/* an answer kept as it was is not asked again: the card's address
	 * (東京都千代田区千代田１－１ is how the card writes it), or a
	 * shorthand the resident already chose to keep */
	const char *now = answers_get_at(a->ans, field_id(fld), instance);
	if ((now && strcmp(now, value) == 0) || strlen(value) >= sizeof a->block_lines[0].text)
		return 0;
	n = field_spellings(fld, value, a->block_lines,
	                    sizeof a->block_lines / sizeof a->block_lines[0] - 1);
	if (n == 0)
		return 0;
	memcpy(a->block_lines[n].text, value, strlen(value) + 1); /* shorter: checked */
	a->block_lines[n].lot = false;
	a->block_lines[n].room_only = false;
	a->nblock_lines = n + 1;
	return n;
}

bool
app_block_offer(app *a, const field *fld, const char *value)
{
	char doubt[sizeof a->notice];
	if (app_block_spellings(a, fld, a->step.instance, value) == 0)
		return false;
	/* an address typed whole, only its room spelled, is not judged */
	bool doubtful = !app_block_rooms_only(a) &&
	                app_chome_doubtful(a, a->block_lines[0].text, a->step.field,
	                                   a->step.instance, doubt, sizeof doubt);
	app_go(a, SCR_BLOCK);
	if (doubtful) /* said where the spelling is chosen, to check it there */
		snprintf(a->notice, sizeof a->notice, "%s", doubt);
	return true;
}

void
app_block_line(const app *a, size_t i, char *buf, size_t n)
{
	const char *s = a->block_lines[i].text;
	if (i + 1 == a->nblock_lines)
		/* L10N: %s is a block number as the resident typed it (5-10). */
		snprintf(buf, n, _("%s, as typed"), s);
	else if (a->block_lines[i].room_only)
		snprintf(buf, n, "%s", s); /* only 号室 differs from the typed line */
	else if (a->block_lines[i].lot)
		/* L10N: 地番, the land-lot number, in 5番地10. */
		snprintf(buf, n, "%s（%s）", s, _("lot number: 番地"));
	else
		/* L10N: 住居表示, house numbering, in 5番10号. */
		snprintf(buf, n, "%s（%s）", s, _("house numbering: 番 and 号"));
}

bool
app_block_rooms_only(const app *a)
{
	return a->nblock_lines > 0 && a->block_lines[0].room_only;
}

static void
block_draw(app *a)
{
	if (!draw_begin(a, app_block_rooms_only(a) ? _("Building and room number")
	                                           : _("Block and house number")))
		return;
	int x = content_x(), cols = content_cols(), y = CONTENT_TOP;
	y = draw_block(y, x, cols, 3,
	               _("How does the official address write it? Choose it as on the "
	                 "certificate of residence or the moving-out certificate."),
	               A_BOLD);
	/* a whole address wraps under itself, as list lines do */
	for (size_t i = 0; i < a->nblock_lines && y <= CONTENT_BOTTOM; i++) {
		char line[BLOCK_TEXT_MAX + 128], prefix[32];
		app_block_line(a, i, line, sizeof line);
		bool on = (int)i == a->sel;
		attr_t attr = on ? theme_attr(ROLE_SELECTED) : 0;
		snprintf(prefix, sizeof prefix, "%s %zu. ", on ? ">" : " ", i + 1);
		int rows = draw_list_line(y, x, cols, CONTENT_BOTTOM - y + 1, prefix, line, attr,
		                          (int)i);
		if (on)
			draw_focus(y, x);
		y += rows;
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
		app_go(a, SCR_QUESTION);
		textinput_set(&a->input, a->block_lines[n - 1].text);
		return;
	}
	if (!key_is_enter(ch, is_key))
		return;
	const field *fld = app_current_field(a);
	answer_error err;
	if (entry_set(a->ans, fld, a->step.instance, a->block_lines[a->sel].text, &err) !=
	    ANSWER_OK) {
		msg_answer_error(fld, &err, a->error, sizeof a->error);
		return;
	}
	app_step_forward(a);
}

const screen_ops screen_block = {NULL, block_draw, block_key, NULL};
