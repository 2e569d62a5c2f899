/* The idle lock: after --idle-lock seconds without a key the screen is
 * cleared of the resident's data until the volunteer presses Enter. */
#include "tui/console/app.h"
#include "tui/console/draw.h"
#include "tui/i18n.h"

static void
lock_draw(app *a)
{
	if (!draw_begin(a, _("Screen locked")))
		return;
	int x = content_x(), cols = content_cols();
	int rows = draw_para(
	        CONTENT_TOP + 1, x, cols, 6,
	        a->lock_saved || !a->ans
	                ? _("The screen was cleared because nobody used it for a while. The "
	                    "answers so far are saved.")
	                : _("The screen was cleared because nobody used it for a while. The "
	                    "answers so far could not be saved: they are kept until you go on."),
	        A_BOLD);
	/* the cursor on what to do, below however many rows the reason took */
	int y = CONTENT_TOP + 1 + rows + 1 > CONTENT_TOP + 5 ? CONTENT_TOP + 1 + rows + 1
	                                                     : CONTENT_TOP + 5;
	draw_para(y, x, cols, 4, _("Press Enter to go on."), 0);
	draw_focus(y, x);
	draw_end(a, _("Enter: go on"));
}

static void
lock_key(app *a, wint_t ch, bool is_key)
{
	if (!is_key && (ch == '\r' || ch == '\n'))
		a->locked = false;
}

const screen_ops screen_lock = {NULL, lock_draw, lock_key, NULL};
