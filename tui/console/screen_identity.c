/* What the card says, shown for confirmation before it is used. */
#include "tui/console/app.h"
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
identity_draw(app *a)
{
	if (!draw_begin(a, _("Check the card's information")))
		return;
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
	draw_end(a, _("Enter: yes, use it   N: no, type the answers instead"));
}

static void
identity_key(app *a, wint_t ch, bool is_key)
{
	if ((key_is_enter(ch, is_key) || key_is_char(ch, is_key, 'y')) && a->unlock_id > 0)
		app_unlock_with_card(a);
	else if ((key_is_enter(ch, is_key) || key_is_char(ch, is_key, 'y')) && a->household_repeat)
		app_household_add(a);
	else if (key_is_enter(ch, is_key) || key_is_char(ch, is_key, 'y'))
		app_begin_application(a, a->form);
	else if (key_is_char(ch, is_key, 'n'))
		app_card_skip(a);
	else if (key_is_back(ch, is_key)) {
		cardio_identity_wipe(&a->identity);
		a->have_identity = false;
		app_go(a, SCR_CARD);
	}
}

const screen_ops screen_identity = {NULL, identity_draw, identity_key, NULL};
