/*
 * The start screen: a new application, or a draft to resume (opened by
 * screen_unlock.c), or deleted.
 */
#include "tui/console/app.h"
#include "tui/console/draw.h"
#include "tui/console/theme.h"
#include "tui/i18n.h"
#include "tui/console/keys.h"
#include "tui/messages.h"
#include "tui/console/steps.h"
#include "tui/values.h"

#include <stdio.h>
#include <string.h>

/* The items: a new application, the drafts, "finished with this
 * resident" and quit. */
static int
start_items(const app *a)
{
	return 3 + (int)a->ndrafts;
}

static int
item_finished(const app *a)
{
	return 1 + (int)a->ndrafts;
}

static void
start_enter(app *a)
{
	app_end_application(a);
	app_reload_drafts(a);
	a->confirm_quit = a->confirm_delete = false;
}

static void
draft_line(const app *a, const store_draft_info *d, char *buf, size_t n)
{
	const form *f = form_set_find(a->forms, d->form_id);
	char when[32], title[256];
	struct tm tm;
	localtime_r(&d->updated, &tm);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
	if (f)
		bilingual(form_label(f), form_title(f), title, sizeof title);
	else
		snprintf(title, sizeof title, "%s", d->form_id);
	/* Date and count first: a long title is what gets cropped. */
	snprintf(buf, n, ngettext("%s · %d answer · %s", "%s · %d answers · %s", d->answered), when,
	         d->answered, title);
}

static const char *
item_label(const app *a, int i, char *buf, size_t n)
{
	if (i == 0)
		return _("Start a new application");
	if (i == item_finished(a))
		return _("Finished with this resident (clear everything for the next person)");
	if (i == start_items(a) - 1)
		return _("Quit");
	draft_line(a, &a->drafts[i - 1], buf, n);
	return buf;
}

static void
start_draw(app *a)
{
	if (!draw_begin(a, _("Start")))
		return;
	int x = content_x(), cols = content_cols(), y = CONTENT_TOP;
	char line[512];
	int n = start_items(a);

	y = draw_block(y, x, cols, 2, _("What would you like to do?"), A_BOLD);
	/* The list scrolls so the chosen line is always on screen: with many
	 * drafts it is taller than the window. Rows are kept for the "more"
	 * lines, the drafts heading and the messages below. */
	int msg = draw_message_rows(a) - 2; /* a third message row is CONTENT_BOTTOM */
	int rows = CONTENT_BOTTOM - y + 1 - (a->db_problem[0] || a->db_notice[0] ? 3 : 0) -
	           (msg > 0 ? msg : 0);
	int vis = rows - (a->ndrafts > 0 ? 1 : 0);
	if (vis < n)
		vis -= 2; /* (more above) and (more below) */
	if (vis < 1)
		vis = 1;
	if (a->sel < a->start_scroll)
		a->start_scroll = a->sel;
	if (a->sel >= a->start_scroll + vis)
		a->start_scroll = a->sel - vis + 1;
	if (a->start_scroll > n - vis)
		a->start_scroll = n - vis > 0 ? n - vis : 0;
	if (vis < n)
		draw_str(y++, x, cols, a->start_scroll > 0 ? _("(more above: ↑)") : "", 0);
	for (int i = a->start_scroll; i < n && i < a->start_scroll + vis; i++) {
		char item[640];
		snprintf(item, sizeof item, "%s %s", i == a->sel ? ">" : " ",
		         item_label(a, i, line, sizeof line));
		draw_str_marked(a, y, x, cols, item, i == a->sel ? theme_attr(ROLE_SELECTED) : 0);
		draw_item_row(y, i);
		if (i == a->sel)
			draw_focus(y, x);
		y++;
		if (i == 0 && a->ndrafts > 0)
			draw_str(y++, x, cols, _("Saved drafts (resume where you stopped):"),
			         A_UNDERLINE);
	}
	if (a->start_scroll + vis < n)
		draw_str(y++, x, cols, _("(more below: ↓)"), 0);
	if (a->db_problem[0] && y + 2 <= CONTENT_BOTTOM)
		y += draw_para(y + 1, x, cols, 3, a->db_problem, A_BOLD) + 1;
	if (a->db_notice[0] && y + 2 <= CONTENT_BOTTOM)
		draw_para(y + 1, x, cols, 4, a->db_notice, A_BOLD);
	if (a->confirm_quit)
		draw_end(a, _("Quit Yorisoi? y: yes, quit   n: no"));
	else if (a->confirm_delete)
		draw_end(a, _("Delete this draft? y: yes, delete   n: no"));
	else if (a->ndrafts > 0)
		draw_end(a,
		         _("↑↓ choose   Enter: open   Del: delete draft   l: language   q: quit"));
	else
		draw_end(a, _("↑↓ choose   Enter: open   l: language   q: quit"));
}

static void
start_key(app *a, wint_t ch, bool is_key)
{
	int last = start_items(a) - 1;
	if (a->confirm_quit) {
		if (key_is_char(ch, is_key, 'y'))
			a->quit = true;
		a->confirm_quit = false;
		return;
	}
	if (a->confirm_delete) {
		if (key_is_char(ch, is_key, 'y') && a->sel >= 1 && a->sel < item_finished(a)) {
			store_error err;
			int64_t id = a->drafts[a->sel - 1].id;
			/* not a draft another console has open */
			int rc = store_draft_lease(a->db, id, &err);
			if (rc == 0)
				rc = store_draft_delete(a->db, id, &err);
			store_draft_release(a->db);
			app_reload_drafts(a);
			a->sel = 0;
			if (rc != 0)
				msg_store_error(&err, a->error, sizeof a->error);
			else
				snprintf(a->notice, sizeof a->notice, "%s",
				         _("The draft was deleted."));
		}
		a->confirm_delete = false;
		return;
	}
	if (key_move(ch, is_key, &a->sel, start_items(a)))
		return;
	if (key_is_char(ch, is_key, 'q')) {
		a->quit = true;
	} else if (key_is_back(ch, is_key)) {
		a->confirm_quit = true; /* an Esc by mistake must not end the console */
	} else if (key_is_char(ch, is_key, 'l')) {
		app_go(a, SCR_LANG);
	} else if (is_key && ch == KEY_DC && a->sel >= 1 && a->sel < item_finished(a)) {
		a->confirm_delete = true;
	} else if (key_is_enter(ch, is_key)) {
		if (a->sel == 0 && forms_offered_count(a->forms) == 1) {
			a->form = forms_in_order(a->forms, 0);
			app_go(a, SCR_CARD);
		} else if (a->sel == 0)
			app_go(a, SCR_PICK_FORM);
		else if (a->sel == item_finished(a))
			app_end_visit(a, false);
		else if (a->sel == last)
			a->quit = true;
		else
			app_resume_draft(a, a->drafts[a->sel - 1].id);
	}
}

const screen_ops screen_start = {start_enter, start_draw, start_key, NULL};
