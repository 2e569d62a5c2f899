/* One try left, or a count the card would not give: the second
 * confirmation before the PIN is sent (cardio_pin_decide). */
#include "tui/console/app.h"
#include "tui/console/visit_stats.h"
#include "tui/demo_card.h"
#include <sodium.h>
#include "tui/console/draw.h"
#include "tui/files.h"
#include "tui/i18n.h"
#include "tui/console/keys.h"
#include "tui/messages.h"
#include "tui/values.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
last_draw(app *a)
{
	if (!draw_begin(a, _("Last try")))
		return;
	int x = content_x(), cols = content_cols(), y = CONTENT_TOP;
	y = draw_block(y, x, cols, 4,
	               _("This is the last try. If this PIN is wrong, the card locks and only the "
	                 "city or town hall can unlock it."),
	               A_BOLD | A_UNDERLINE);
	draw_para(y, x, cols, 3,
	          _("Send this PIN to the card? Press Y to send it, or N to type it again."),
	          A_BOLD);
	draw_focus(y, x);
	draw_end(a, _("Y: yes, send it   N: no, type it again"));
}

static void
last_key(app *a, wint_t ch, bool is_key)
{
	if (key_is_char(ch, is_key, 'y'))
		app_pin_verify(a);
	else if (key_is_char(ch, is_key, 'n') || key_is_back(ch, is_key)) {
		visit_stats_pin_block_avoided(a); /* the card keeps its last try */
		app_go(a, SCR_PIN);
	}
}

const screen_ops screen_pin_last = {NULL, last_draw, last_key, NULL};
