/* The demo card (see demo_card.h). */
#include "tui/demo_card.h"
#include "tui/files.h"
#include "tui/i18n.h"

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

cardio_status
tui_demo_card_open(const char *persona_path, cardio_session **s, cardio_error *err, char *why,
                   size_t whylen)
{
	char *text = NULL;
	why[0] = '\0';
	if (persona_path) {
		text = tui_file_read(persona_path, TUI_PERSONA_MAX, NULL);
		if (!text) {
			/* L10N: %1$s is a file name, %2$s the system's reason. */
			snprintf(why, whylen, _("The demo card file %1$s cannot be read: %2$s"),
			         persona_path, strerror(errno));
			return CARDIO_ERR_STATE;
		}
	}
	cardio_status st = cardio_open_demo(text, s, err);
	if (text) { /* a persona holds the PIN */
		sodium_memzero(text, strlen(text));
		free(text);
	}
	return st;
}
