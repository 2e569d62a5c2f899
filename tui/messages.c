/* Error codes to sentences (see messages.h). Whole sentences, never glued. */
#include "tui/messages.h"
#include "tui/i18n.h"

#include <stdio.h>
#include <string.h>

/* A form may add its own advice for a field (<hint>): it follows the
 * general sentence. */
static const char *
with_hint(const field *fld, char *buf, size_t n)
{
	const char *hint = fld ? field_hint(fld) : NULL;
	size_t len = strlen(buf);
	if (hint && *hint && len + 2 < n)
		snprintf(buf + len, n - len, " %s", _(hint));
	return buf;
}

/* "2026-12-19（令和8年12月19日）": a day as the console shows dates. */
static void
day_shown(const char *iso, char *out, size_t n)
{
	char era[64];
	if (date_format_era(iso, era, sizeof era) == 0)
		snprintf(out, n, "%s（%s）", iso, era);
	else
		snprintf(out, n, "%s", iso);
}

/* A date outside the field's window, with the days it allows. */
static const char *
window_message(const answer_error *e, char *buf, size_t n)
{
	char lo[96], hi[96];
	day_shown(e->lo, lo, sizeof lo);
	day_shown(e->hi, hi, sizeof hi);
	if (e->lo[0] && e->hi[0])
		/* L10N: a date outside the days this question allows; %1$s and %2$s
		 * are the first and last day, such as 2026-11-21（令和8年11月21日）. */
		snprintf(buf, n, _("Please give a date from %1$s to %2$s."), lo, hi);
	else if (e->lo[0])
		/* L10N: %s is the first day this question allows. */
		snprintf(buf, n, _("Please give a date on or after %s."), lo);
	else
		/* L10N: %s is the last day this question allows. */
		snprintf(buf, n, _("Please give a date on or before %s."), hi);
	return buf;
}

const char *
msg_answer_error(const field *fld, const answer_error *e, char *buf, size_t n)
{
	/* a plain sentence is set in text; one with numbers is printed in place */
	const char *text = NULL;

	switch (e->status) {
	case ANSWER_ERR_RELATIONSHIP:
		text = _("Write the relationship the way the resident register writes it, for "
		         "example 妻, 子, 子の妻, 妻の子 or 夫（未届）.");
		break;
	case ANSWER_ERR_RESIDENT_CODE:
		text = _("A resident record code has 11 digits, and these do not make one: the "
		         "last digit does not match the others. Please check each digit against "
		         "the document.");
		break;
	case ANSWER_ERR_RESIDENCE_CARD:
		text = _("A residence card number is two letters, eight digits and two letters, "
		         "for example AB12345678CD. Please check it against the card.");
		break;
	case ANSWER_OK:
		text = "";
		break;
	case ANSWER_ERR_REQUIRED:
		text = _("Please answer this question to go on.");
		break;
	case ANSWER_ERR_TOO_LONG:
		snprintf(buf, n,
		         ngettext("This answer is too long: use at most %d character.",
		                  "This answer is too long: use at most %d characters.", e->max),
		         e->max);
		break;
	case ANSWER_ERR_BAD_UTF8:
		text = _("Some characters could not be read. Please type the answer again.");
		break;
	case ANSWER_ERR_DATE_FORMAT:
		text = _("Write the date as year, month and day, for example 1950-04-01, or in "
		         "the "
		         "Japanese era, for example S25.4.1 or 昭和25年4月1日.");
		break;
	case ANSWER_ERR_DATE_INVALID:
		text = _("There is no such day in the calendar. Please check the month and the "
		         "day.");
		break;
	case ANSWER_ERR_ERA_RANGE:
		text = _("That era did not have this year or day (for example, Heisei ended on 30 "
		         "April 2019). Please check the era and the year.");
		break;
	case ANSWER_ERR_DATE_FUTURE:
		text = _("This date is in the future. Please check the year.");
		break;
	case ANSWER_ERR_DATE_WINDOW:
		return window_message(e, buf, n);
	case ANSWER_ERR_KANA:
		text = _("Please write the reading in katakana or hiragana only, for example "
		         "ヤマダ "
		         "ハナコ.");
		break;
	case ANSWER_ERR_NUMBER:
		text = _("Please write a whole number, using digits only.");
		break;
	case ANSWER_ERR_NUMBER_RANGE:
		snprintf(buf, n, _("Please choose a number from %d to %d."), e->min, e->max);
		break;
	case ANSWER_ERR_PHONE:
		text = _("Please write a phone number with its area code, for example "
		         "03-1234-5678 "
		         "or 090-1234-5678.");
		break;
	case ANSWER_ERR_POSTAL:
		text = _("Please write the 7-digit postal code, for example 100-0001.");
		break;
	case ANSWER_ERR_CHOICE:
		text = _("Please choose one of the answers in the list.");
		break;
	case ANSWER_ERR_UNKNOWN_FIELD:
		text = _("This question is not part of the form.");
		break;
	default:
		text = _("This answer cannot be used. Please check it.");
		break;
	}
	if (text)
		snprintf(buf, n, "%s", text);
	return e->status == ANSWER_OK ? buf : with_hint(fld, buf, n);
}

const char *
msg_card_error(const cardio_error *e, char *buf, size_t n)
{
	const char *text = NULL;

	switch (e->status) {
	case CARDIO_OK:
		text = "";
		break;
	case CARDIO_ERR_NO_SERVICE:
		text = _("The card reader service (pcscd) is not running, so no card can be "
		         "read.");
		break;
	case CARDIO_ERR_NO_READER:
		text = _("No card reader is plugged in.");
		break;
	case CARDIO_ERR_NO_CARD:
		text = _("There is no card in the reader.");
		break;
	case CARDIO_ERR_REMOVED:
		text = _("The card was taken out while it was being read. Nothing was lost: "
		         "please "
		         "put it back and try again.");
		break;
	case CARDIO_ERR_UNKNOWN_CARD:
		text = _("This card is not a My Number card, or it cannot be read here. Please "
		         "check "
		         "the card.");
		break;
	case CARDIO_ERR_WRONG_PIN:
		snprintf(
		        buf, n,
		        ngettext(
		                "The PIN was not correct. %d try is left before the card locks.",
		                "The PIN was not correct. %d tries are left before the card locks.",
		                e->tries_left),
		        e->tries_left);
		break;
	case CARDIO_ERR_PIN_BLOCKED:
		text = _("The card's PIN is locked after too many wrong tries. Only the city or "
		         "town "
		         "hall (the My Number card counter) can unlock it; bring the card and an "
		         "ID. You can go on now by typing the answers yourself.");
		break;
	case CARDIO_ERR_PIN_FORMAT:
		text = _("The PIN has 4 digits. Nothing was sent to the card.");
		break;
	case CARDIO_ERR_BAD_DATA:
		text = _("The card gave data that cannot be read. You can go on by typing the "
		         "answers yourself.");
		break;
	case CARDIO_ERR_TRANSPORT:
		text = _("The card reader stopped answering. Please take the card out, put it "
		         "back "
		         "and try again.");
		break;
	case CARDIO_ERR_STATE:
		text = _("The card was not ready. Please take it out and put it back.");
		break;
	}
	if (text)
		snprintf(buf, n, "%s", text);
	return buf;
}

const char *
msg_store_error(const store_error *e, char *buf, size_t n)
{
	const char *text = NULL;

	switch (e->status) {
	case STORE_OK:
		text = "";
		break;
	case STORE_ERR_OPEN:
		text = _("The drafts file cannot be opened, so answers are not saved.");
		break;
	case STORE_ERR_LOCKED:
		text = _("The drafts file is in use by another Yorisoi window. Close it and try "
		         "again.");
		break;
	case STORE_ERR_IO:
		text = _("The answer could not be written to disk (the disk may be full). It is "
		         "still on the screen.");
		break;
	case STORE_ERR_CORRUPT:
		text = _("The drafts file is damaged and cannot be read.");
		break;
	case STORE_ERR_KEY:
		text = _("The drafts key file is missing or damaged, so drafts cannot be "
		         "opened.");
		break;
	case STORE_ERR_NOT_FOUND:
		text = _("That draft no longer exists.");
		break;
	case STORE_ERR_DAMAGED:
		text = _("The drafts file is damaged.");
		break;
	case STORE_ERR_IN_USE:
		text = _("This draft is open in another Yorisoi window. Finish there first, or "
		         "close that window.");
		break;
	case STORE_ERR_CONFLICT:
		text = _("This draft was changed in another Yorisoi window, so it was not "
		         "written over.");
		break;
	case STORE_ERR_NEED_CODE:
		text = _("This draft opens only with its come-back code or the same My Number "
		         "card.");
		break;
	case STORE_ERR_WRONG_CODE:
		text = _("That is not the come-back code of this draft.");
		break;
	case STORE_ERR_NO_TRIES:
		text = _("The code was typed wrong too many times. Only the same My Number card "
		         "can open this draft now; without it, it cannot be read.");
		break;
	}
	if (text)
		snprintf(buf, n, "%s", text);
	return buf;
}

const char *
msg_handoff_error(const handoff_error *e, char *buf, size_t n)
{
	const char *text = NULL;

	switch (e->status) {
	case HANDOFF_ERR_INCOMPLETE:
		text = _("Some required questions are not answered yet.");
		break;
	case HANDOFF_ERR_TOO_LARGE:
		text = _("The answers are too long to fit in one code.");
		break;
	default:
		snprintf(buf, n, _("The handoff code could not be made (%s)."),
		         handoff_status_name(e->status));
		break;
	}
	if (text)
		snprintf(buf, n, "%s", text);
	return buf;
}

const char *
msg_date_shorthand(void)
{
	return _("Or type the date as 8 digits, year, month and day: 19901014.");
}

const char *
msg_sex(const char *code)
{
	if (!code)
		return "";
	switch (code[0]) {
	case '1':
		return _("Male");
	case '2':
		return _("Female");
	case '9':
		return _("Not applicable");
	default:
		return _("Not known");
	}
}
