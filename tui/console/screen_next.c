/*
 * What comes next: the procedures residents usually also need after this
 * one, as a checklist the volunteer goes through with the resident. A
 * procedure this console has can be started at once, with the answers
 * already given carried into it (shown for confirmation as prefilled).
 */
#include "tui/console/app.h"
#include "tui/console/visit_stats.h"
#include "tui/console/draw.h"
#include "tui/console/theme.h"
#include "tui/i18n.h"
#include "tui/console/keys.h"
#include "tui/values.h"

#include <stdio.h>
#include <string.h>

/* The procedures whose <when> holds for these answers, as indices into
 * the form's list: a household with no child is not offered the child
 * allowance. */
static int
items(const app *a, size_t idx[32])
{
	int n = 0, all = a->form && a->ans ? (int)form_next_count(a->form) : 0;
	for (int i = 0; i < all && n < 32; i++)
		if (form_next_applies(a->ans, (size_t)i))
			idx[n++] = (size_t)i;
	return n;
}

static void
next_draw(app *a)
{
	if (!draw_begin(a, _("What comes next")))
		return;
	int x = content_x(), cols = content_cols(), y = CONTENT_TOP;
	size_t idx[32];
	int n = items(a, idx);
	y = draw_block(y, x, cols, 3,
	               _("People who do this usually also need these procedures. Tick each one you "
	                 "talked about."),
	               A_BOLD);
	for (int i = 0; i < n && y <= CONTENT_BOTTOM; i++) {
		char label[512], item[700];
		const char *term = form_next_term(a->form, idx[i]);
		const char *id = form_next_form(a->form, idx[i]);
		bool here = id && form_set_find(a->forms, id);
		bilingual(form_next_label(a->form, idx[i]), term, label, sizeof label);
		snprintf(item, sizeof item, "%s %s %s%s", i == a->sel ? ">" : " ",
		         a->next_done[i] ? "[x]" : "[ ]", label,
		         here ? _("  — can be started here") : "");
		draw_str(y, x, cols, item, i == a->sel ? theme_attr(ROLE_SELECTED) : 0);
		draw_item_row(y, i);
		if (i == a->sel)
			draw_focus(y, x);
		y++;
	}
	draw_end(a, _("↑↓ move   Space: tick   Enter: start it here   q: finish"));
}

/* Starts the next procedure with what carries over from this one. */
static void
start_next(app *a, const form *to)
{
	answers *carried = answers_carry(a->ans, to);
	char today[16];
	date_today(today); /* a date of application, as a new one starts */
	answers_prefill(carried, &(prefill_value){"today", today}, 1);
	answers_free(a->ans);
	a->ans = carried;
	a->form = to;
	a->draft_id = 0;         /* app_save makes (and leases) the new draft */
	app_chome_box_forget(a); /* its field is the procedure before's */
	memset(a->next_done, 0, sizeof a->next_done);
	a->from_review = false;
	visit_stats_app_begin(a, false); /* ends the one handed off */
	form_step first;
	if (form_step_next(a->ans, NULL, &first))
		app_go_step(a, &first);
	else
		app_go(a, SCR_REVIEW);
}

static void
next_key(app *a, wint_t ch, bool is_key)
{
	size_t idx[32];
	int n = items(a, idx);
	if (key_move(ch, is_key, &a->sel, n))
		return;
	if (!is_key && ch == ' ' && a->sel < n) {
		a->next_done[a->sel] = !a->next_done[a->sel];
	} else if (key_is_enter(ch, is_key) && a->sel < n) {
		const char *id = form_next_form(a->form, idx[a->sel]);
		const form *to = id ? form_set_find(a->forms, id) : NULL;
		if (to)
			start_next(a, to);
		else
			snprintf(a->notice, sizeof a->notice, "%s", /* information, not an error */
			         _("This procedure is done at the city hall; there is no form for "
			           "it "
			           "here."));
	} else if (key_is_char(ch, is_key, 'q') || key_is_back(ch, is_key)) {
		/* the end of the visit: nothing of this resident stays */
		app_end_visit(a, false);
		snprintf(a->notice, sizeof a->notice, "%s",
		         _("Finished. The draft was deleted from this computer."));
	}
}

const screen_ops screen_next = {NULL, next_draw, next_key, NULL};
