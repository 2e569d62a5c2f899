/* Status names, error filling and identity wiping. */
#include "cardio/internal.h"

#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const uint8_t cardio_text_ap_aid[10] = {0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08};

const char *
cardio_status_name(cardio_status s)
{
	switch (s) {
	case CARDIO_OK:
		return "ok";
	case CARDIO_ERR_NO_SERVICE:
		return "no service";
	case CARDIO_ERR_NO_READER:
		return "no reader";
	case CARDIO_ERR_NO_CARD:
		return "no card";
	case CARDIO_ERR_REMOVED:
		return "card removed";
	case CARDIO_ERR_UNKNOWN_CARD:
		return "unknown card";
	case CARDIO_ERR_WRONG_PIN:
		return "wrong PIN";
	case CARDIO_ERR_PIN_BLOCKED:
		return "PIN blocked";
	case CARDIO_ERR_PIN_FORMAT:
		return "bad PIN format";
	case CARDIO_ERR_BAD_DATA:
		return "bad card data";
	case CARDIO_ERR_TRANSPORT:
		return "transport error";
	case CARDIO_ERR_STATE:
		return "out of order";
	}
	return "unknown status";
}

void
cardio_identity_wipe(cardio_identity *id)
{
	if (id)
		sodium_memzero(id, sizeof *id);
}

void
cardio_error_clear(cardio_error *err)
{
	if (!err)
		return;
	memset(err, 0, sizeof *err);
	err->tries_left = -1;
}

/* Fills the caller's error struct (which may be NULL) and hands the status
 * back, so failure paths read "return cardio_fail(err, ...)". The detail
 * never carries PIN or card data: callers pass only SWs and return codes. */
cardio_status
cardio_fail(cardio_error *err, cardio_status status, uint16_t sw, long pcsc_rc, const char *fmt,
            ...)
{
	if (!err)
		return status;
	int tries = err->tries_left;
	cardio_error_clear(err);
	err->status = status;
	err->sw = sw;
	err->pcsc_rc = pcsc_rc;
	if (status == CARDIO_ERR_WRONG_PIN || status == CARDIO_ERR_PIN_BLOCKED)
		err->tries_left = tries;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->detail, sizeof err->detail, fmt, ap);
	va_end(ap);
	return status;
}
