/* Where an answer came from, in words (sources.h). */
#include "tui/console/sources.h"
#include "tui/i18n.h"

const char *
source_note(answer_source src)
{
	switch (src) {
	case ANSWER_SOURCE_CARD:
		return _("From the My Number card — please check it with the resident.");
	case ANSWER_SOURCE_POSTAL:
		return _("From the postal code — please check it with the resident.");
	case ANSWER_SOURCE_TODAY:
		return _("Today's date — please check it with the resident.");
	case ANSWER_SOURCE_CARRIED:
		return _("From the previous application — please check it with the resident.");
	case ANSWER_SOURCE_DEFAULT:
		return _("The form's usual answer — please check it with the resident.");
	case ANSWER_SOURCE_PREVIOUS:
		return _("The same as the person before — please check it with the resident.");
	default:
		return NULL;
	}
}

const char *
source_mark(answer_source src)
{
	switch (src) {
	case ANSWER_SOURCE_CARD:
		/* L10N: one letter marking an answer taken from the My Number card on
		   Check your answers; explained by the legend "C card ...". */
		return _("C");
	case ANSWER_SOURCE_POSTAL:
		/* L10N: one letter: an answer from the postal code lookup. */
		return _("P");
	case ANSWER_SOURCE_TODAY:
		/* L10N: one letter: an answer that is today's date. */
		return _("T");
	case ANSWER_SOURCE_CARRIED:
		/* L10N: one letter: an answer carried from the previous application. */
		return _("A");
	case ANSWER_SOURCE_DEFAULT:
		/* L10N: one letter: the form's usual answer, accepted as offered. */
		return _("D");
	case ANSWER_SOURCE_PREVIOUS:
		/* L10N: one letter: the same answer as the person before in a
		   household list. */
		return _("S");
	default:
		return "";
	}
}

const char *
source_legend(void)
{
	/* L10N: the legend of the one-letter marks before answers on Check your
	   answers; keep the letters the same as their translations above. */
	return _("Marks: C from the card, P from the postal code, T today's date, A from the "
	         "previous application, D the form's usual answer, S the same as the person "
	         "before; no mark: typed.");
}
