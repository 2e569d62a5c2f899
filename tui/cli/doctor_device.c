/* `yorisoi doctor`: the card reader, the terminal, the slip's fonts and
 * the printer (see doctor.h). */
#include "cardio/cardio.h"
#include "handoff/handoff.h"
#include "tui/cli/doctor.h"
#include "tui/i18n.h"
#include "tui/languages.h"

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <term.h>
#include <unistd.h>

/* Connects to a card that is in a reader and selects the My Number text
 * AP: no PIN is asked or sent, and nothing is read. */
static void
card_in_reader(const char *reader)
{
	char what[512];
	cardio_session *s = NULL;
	cardio_error err = {0};
	cardio_status st = cardio_open_reader(reader, &s, &err);
	cardio_close(s);
	if (st == CARDIO_OK) {
		/* L10N: %s is the card reader's name. */
		snprintf(what, sizeof what, _("The card in %s answers as a My Number card."),
		         reader);
		doctor_say(DOCTOR_OK, what, NULL);
	} else if (st == CARDIO_ERR_UNKNOWN_CARD) {
		snprintf(what, sizeof what,
		         _("The card in %s is not a My Number card, or does not answer as one."),
		         reader);
		doctor_say(DOCTOR_PROBLEM, what,
		           _("Check which card it is and that it sits the right way up in the "
		             "reader."));
	} else {
		/* L10N: %1$s is the reader's name, %2$s an English detail. */
		snprintf(what, sizeof what, _("The card in %1$s could not be read (%2$s)."), reader,
		         err.detail[0] ? err.detail : cardio_status_name(st));
		doctor_say(
		        DOCTOR_PROBLEM, what,
		        _("Take the card out and put it in again; if it still fails, try another "
		          "reader."));
	}
}

void
doctor_card(void)
{
	char reader[256] = "";
	cardio_error err = {0};
	cardio_status st = cardio_wait_card(NULL, 0, reader, sizeof reader, &err);
	const char *demo = _("Until then, practise with the built-in demo card: yorisoi --demo "
	                     "(PIN 1234).");
	char todo[512];
	switch (st) {
	case CARDIO_OK:
		doctor_say(DOCTOR_OK, _("The card reader service (pcscd) is running."), NULL);
		card_in_reader(reader);
		break;
	case CARDIO_ERR_NO_CARD:
		doctor_say(DOCTOR_OK, _("The card reader service (pcscd) is running."), NULL);
		doctor_say(
		        DOCTOR_NOTE, _("A card reader is connected, with no card in it."),
		        _("To check a card, put it in the reader and run yorisoi doctor again."));
		break;
	case CARDIO_ERR_NO_READER:
		doctor_say(DOCTOR_OK, _("The card reader service (pcscd) is running."), NULL);
		snprintf(todo, sizeof todo, "%s %s",
		         _("Plug in the USB card reader and check its cable and light."), demo);
		doctor_say(DOCTOR_PROBLEM, _("No card reader is connected."), todo);
		break;
	default:
		snprintf(todo, sizeof todo, "%s %s",
		         _("Start it: sudo systemctl start pcscd (package pcscd)."), demo);
		doctor_say(
		        DOCTOR_PROBLEM,
		        _("The card reader service (pcscd) is not running, or cannot be reached."),
		        todo);
		break;
	}
	cardio_shutdown();

	/* the emulator behind --demo answers the same SELECT a card does */
	cardio_session *s = NULL;
	if (cardio_open_demo(NULL, &s, &err) == CARDIO_OK)
		doctor_say(DOCTOR_OK, _("The built-in demo card works: yorisoi --demo (PIN 1234)."),
		           NULL);
	else
		doctor_say(DOCTOR_PROBLEM, _("The built-in demo card does not answer."),
		           _("Reinstall Yorisoi."));
	cardio_close(s);
}

/* The locale the environment asks for, as the console would see it. */
static void
check_utf8(void)
{
	char what[512];
	const char *codeset = nl_langinfo(CODESET);
	if (strcmp(codeset, "UTF-8") != 0) {
		snprintf(what, sizeof what,
		         /* L10N: %s is the character set's name, e.g. EUC-JP. */
		         _("The language setting uses %s, not UTF-8: Japanese and the other "
		           "languages cannot be shown."),
		         codeset);
		doctor_say(DOCTOR_PROBLEM, what,
		           _("Start Yorisoi with a UTF-8 setting, for example LANG=C.UTF-8 or "
		             "LANG=ja_JP.UTF-8."));
		return;
	}
	const char *asked = getenv("LC_ALL");
	if (!asked || !*asked)
		asked = getenv("LC_CTYPE");
	if (!asked || !*asked)
		asked = getenv("LANG");
	if (!asked || !*asked || strcmp(asked, "C") == 0 || strcmp(asked, "POSIX") == 0)
		doctor_say(DOCTOR_NOTE,
		           _("No UTF-8 language is set (LANG); Yorisoi uses C.UTF-8 by itself."),
		           _("Set LANG=ja_JP.UTF-8 (or another UTF-8 language) for the desk's "
		             "account."));
	else
		doctor_say(DOCTOR_OK, _("The language setting is UTF-8."), NULL);
}

void
doctor_terminal(void)
{
	char what[512];
	check_utf8();
	if (!isatty(STDOUT_FILENO)) {
		doctor_say(DOCTOR_NOTE, _("Not run in a terminal, so its size was not checked."),
		           _("Run yorisoi doctor in the terminal window the console will use."));
		return;
	}
	int err = 0;
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		const char *term = getenv("TERM");
		/* L10N: %s is the value of TERM. */
		snprintf(what, sizeof what, _("The terminal type \"%s\" is not known."),
		         term ? term : "");
		doctor_say(DOCTOR_PROBLEM, what,
		           _("Set TERM=xterm-256color, or install the package ncurses-term."));
		return;
	}
	del_curterm(cur_term);
	struct winsize ws = {0};
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_col == 0)
		return;
	/* L10N: %1$d columns by %2$d lines. */
	snprintf(what, sizeof what, _("The window is %1$d×%2$d."), ws.ws_col, ws.ws_row);
	if (ws.ws_col < 60 || ws.ws_row < 18)
		doctor_say(DOCTOR_PROBLEM, what,
		           _("The console needs at least 60×18: make the window larger or the font "
		             "smaller."));
	else if (ws.ws_col < 120 || ws.ws_row < 40)
		doctor_say(DOCTOR_NOTE, what,
		           _("The console fits. From 120×40 it also shows the QR code on screen; "
		             "smaller windows save it for printing."));
	else
		doctor_say(DOCTOR_OK, what, NULL);
}

void
doctor_fonts(void)
{
	/* one finding per missing family, whichever languages need it */
	const char *missing[32];
	size_t nmissing = 0;
	for (size_t i = 0; i <= tui_language_count(); i++) {
		const char *code = i < tui_language_count() ? tui_language_at(i)->code : "ja";
		const char *family = handoff_slip_font_missing(code);
		bool seen = !family;
		for (size_t k = 0; k < nmissing && !seen; k++)
			seen = strcmp(missing[k], family) == 0;
		if (seen || nmissing == 32)
			continue;
		missing[nmissing] = strdup(family);
		if (!missing[nmissing])
			abort();
		char what[512];
		snprintf(what, sizeof what,
		         /* L10N: %1$s is a font family, %2$s the language code needing it. */
		         _("The font %1$s for the printed slip is missing (%2$s)."), family, code);
		doctor_say(DOCTOR_PROBLEM, what,
		           _("Install the Noto fonts: sudo apt install fonts-noto-cjk "
		             "fonts-noto-core"));
		nmissing++;
	}
	if (nmissing == 0)
		doctor_say(DOCTOR_OK, _("The fonts for the printed slip are installed."), NULL);
	for (size_t k = 0; k < nmissing; k++)
		free((char *)missing[k]);
}

void
doctor_printer(const char *printer)
{
	char what[512], todo[512];
	if (!printer || !*printer) {
		doctor_say(DOCTOR_NOTE,
		           _("No printer is set: slips are saved as PDF files to print by hand."),
		           _("Set printer = NAME in the settings file; lpstat -p lists the "
		             "printers."));
		return;
	}
	switch (handoff_printer_check(printer)) {
	case HANDOFF_PRINTER_READY:
		/* L10N: %s is a CUPS printer name. */
		snprintf(what, sizeof what, _("The printer %s is ready."), printer);
		doctor_say(DOCTOR_OK, what, NULL);
		break;
	case HANDOFF_PRINTER_NO_LPSTAT:
		doctor_say(DOCTOR_PROBLEM, _("The printing commands (CUPS) are not installed."),
		           _("Install them: sudo apt install cups-client"));
		break;
	case HANDOFF_PRINTER_NO_SCHEDULER:
		doctor_say(DOCTOR_PROBLEM,
		           _("The printing service (CUPS) is not running, or cannot be reached."),
		           _("Start it: sudo systemctl start cups"));
		break;
	case HANDOFF_PRINTER_UNKNOWN:
		snprintf(what, sizeof what, _("There is no printer named %s."), printer);
		doctor_say(
		        DOCTOR_PROBLEM, what,
		        _("lpstat -p lists the printers; correct printer in the settings file."));
		break;
	case HANDOFF_PRINTER_DISABLED:
		/* L10N: %s is a CUPS printer name. */
		snprintf(what, sizeof what, _("The printer %s is stopped."), printer);
		snprintf(todo, sizeof todo,
		         _("Check its paper and cable, then start it again: cupsenable %s"),
		         printer);
		doctor_say(DOCTOR_PROBLEM, what, todo);
		break;
	}
}
