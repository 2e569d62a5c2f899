/* What the card says, shown for confirmation before it is used. */
#include "tui/console/app.h"
#include "tui/demo_card.h"
#include <sodium.h>
#include "tui/console/draw.h"
#include "tui/files.h"
#include "tui/i18n.h"
#include "tui/console/keys.h"
#include "tui/console/theme.h"
#include "tui/messages.h"
#include "tui/values.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The items the volunteer may say are wrong, in the order of the list
 * (CARD_FIX_NAME..CARD_FIX_SEX), then "all of it". */
enum { FIX_ALL = CARD_FIX_COUNT - 1, FIX_ITEMS = CARD_FIX_COUNT };

/* Line i of the "which one is wrong?" list. */
static void
fix_line(const app *a, int i, char *buf, size_t n)
{
	const cardio_identity *id = &a->identity;
	char label[256];
	switch (i + 1) {
	case CARD_FIX_NAME:
		snprintf(buf, n, "%s: %s", bilingual(N_("Name"), "氏名", label, sizeof label),
		         id->name);
		break;
	case CARD_FIX_ADDRESS:
		snprintf(buf, n, "%s: %s", bilingual(N_("Address"), "住所", label, sizeof label),
		         id->address);
		break;
	case CARD_FIX_BIRTH:
		snprintf(buf, n, "%s: %s",
		         bilingual(N_("Date of birth"), "生年月日", label, sizeof label),
		         id->birth);
		break;
	case CARD_FIX_SEX:
		snprintf(buf, n, "%s: %s", bilingual(N_("Sex"), "性別", label, sizeof label),
		         msg_sex(id->sex));
		break;
	default:
		snprintf(
		        buf, n, "%s",
		        _("More than one, or this is not the resident's card: type all the answers "
		          "instead"));
	}
}

/* N: which item is wrong? The others are kept from the card. */
static void
fix_draw(app *a)
{
	int x = content_x(), cols = content_cols(), y = CONTENT_TOP;
	y = draw_block(y, x, cols, 3,
	               _("Which one is wrong? The rest is kept from the card, and the wrong one is "
	                 "asked first, ready to correct."),
	               A_BOLD);
	for (int i = 0; i < FIX_ITEMS && y <= CONTENT_BOTTOM; i++) {
		char item[1024], line[32];
		fix_line(a, i, item, sizeof item);
		attr_t attr = i == a->sel ? theme_attr(ROLE_SELECTED) : 0;
		snprintf(line, sizeof line, "%s %d. ", i == a->sel ? ">" : " ", i + 1);
		if (i == a->sel)
			draw_focus(y, x);
		/* a long item wraps under itself, not under its number */
		int indent = draw_str(y, x, cols, line, attr);
		draw_item_row(y, i);
		y += draw_para(y, x + indent, cols - indent, 2, item, attr);
	}
	draw_end(a, _("↑↓ choose   Enter: correct this one   Esc: back"));
}

static void
identity_draw(app *a)
{
	if (!draw_begin(a, _("Check the card's information")))
		return;
	if (a->identity_fixing) {
		fix_draw(a);
		return;
	}
	int x = content_x(), cols = content_cols(), y = CONTENT_TOP;
	const cardio_identity *id = &a->identity;
	char line[1024], era[64];

	char label[256];
	y = draw_block(y, x, cols, 2, _("The card says:"), A_BOLD);
	snprintf(line, sizeof line, "%s: %s", bilingual(N_("Name"), "氏名", label, sizeof label),
	         id->name);
	y += draw_para(y, x, cols, 2, line, 0);
	if (id->name_alpha[0]) {
		snprintf(line, sizeof line, "%s: %s", _("Name in the alphabet"), id->name_alpha);
		y += draw_para(y, x, cols, 2, line, 0);
	}
	snprintf(line, sizeof line, "%s: %s", bilingual(N_("Address"), "住所", label, sizeof label),
	         id->address);
	y += draw_para(y, x, cols, 3, line, 0);
	if (date_format_era(id->birth, era, sizeof era) != 0)
		era[0] = '\0';
	snprintf(line, sizeof line, "%s: %s  %s",
	         bilingual(N_("Date of birth"), "生年月日", label, sizeof label), id->birth, era);
	y += draw_para(y, x, cols, 2, line, 0);
	snprintf(line, sizeof line, "%s: %s", bilingual(N_("Sex"), "性別", label, sizeof label),
	         msg_sex(id->sex));
	y = draw_block(y, x, cols, 2, line, 0);
	y = draw_block(y, x, cols, 3,
	               _("Helper: please check the name with the resident. A rare character may be "
	                 "replaced by a similar one on the card."),
	               0);
	draw_para(y, x, cols, 2, _("Is this right?"), A_BOLD);
	draw_focus(y, x);
	draw_end(a, a->unlock_id > 0 ? _("Enter: yes, use it   N: no, type the answers instead")
	                             : _("Enter: yes, use it   N: no, something is wrong"));
}

/* The card is used: for opening a draft, for a household member, or for
 * a new application. */
static void
use_card(app *a)
{
	if (a->unlock_id > 0)
		app_unlock_with_card(a);
	else if (a->household_repeat)
		app_household_add(a);
	else
		app_begin_application(a, a->form);
}

static void
fix_key(app *a, wint_t ch, bool is_key)
{
	if (key_move(ch, is_key, &a->sel, FIX_ITEMS))
		return;
	if (!is_key && ch >= '1' && ch < '1' + FIX_ITEMS) {
		a->sel = (int)(ch - '1');
		return;
	}
	if (key_is_back(ch, is_key)) {
		a->identity_fixing = false;
		return;
	}
	if (!key_is_enter(ch, is_key))
		return;
	a->identity_fixing = false;
	if (a->sel >= FIX_ALL) {
		app_card_skip(a);
		return;
	}
	a->card_fix = a->sel + 1;
	use_card(a);
}

static void
identity_key(app *a, wint_t ch, bool is_key)
{
	if (a->identity_fixing) {
		fix_key(a, ch, is_key);
		return;
	}
	if (key_is_enter(ch, is_key) || key_is_char(ch, is_key, 'y'))
		use_card(a);
	else if (key_is_char(ch, is_key, 'n') && a->unlock_id > 0)
		app_card_skip(a); /* opening a draft: the card is its key, or not */
	else if (key_is_char(ch, is_key, 'n')) {
		a->identity_fixing = true;
		a->sel = 0;
	} else if (key_is_back(ch, is_key)) {
		cardio_identity_wipe(&a->identity);
		a->have_identity = false;
		app_go(a, SCR_CARD);
	}
}

static void
identity_enter(app *a)
{
	a->identity_fixing = false;
}

const screen_ops screen_identity = {identity_enter, identity_draw, identity_key, NULL};
