/* The demo transport: APDUs go to the in-process emulator. */
#include "cardio/internal.h"

#include <sodium.h>
#include <stdio.h>

/* Answers through the emulator; once the persona's remove_after_apdu
 * count is reached, or a `fault = remove` fires, the card behaves as
 * pulled out. */
static cardio_status
emu_transmit(void *ctx, const uint8_t *cmd, size_t cmdlen, uint8_t *resp, size_t *resplen,
             cardio_error *err)
{
	cardio_emu *e = ctx;
	unsigned limit = cardio_emu_remove_after(e);

	if (limit && cardio_emu_apdus(e) >= limit) {
		*resplen = 0;
		return cardio_fail(err, CARDIO_ERR_REMOVED, 0, 0, "demo card removed");
	}
	*resplen = cardio_emu_transmit(e, cmd, cmdlen, resp, *resplen);
	if (*resplen == 0 && cardio_emu_pulled(e))
		return cardio_fail(err, CARDIO_ERR_REMOVED, 0, 0, "demo card removed");
	return CARDIO_OK;
}

static void
emu_close(void *ctx)
{
	cardio_emu *e = ctx;
	cardio_emu_power(e, 0);
	cardio_emu_free(e);
}

static const cardio_transport emu_transport = {"demo", emu_transmit, emu_close};

cardio_status
cardio_open_demo(const char *persona_text, cardio_session **out, cardio_error *err)
{
	char why[160] = "";

	cardio_error_clear(err);
	*out = NULL;
	cardio_emu *e = cardio_emu_new(persona_text ? persona_text : cardio_emu_demo_persona(), why,
	                               sizeof why);
	if (!e)
		return cardio_fail(err, CARDIO_ERR_BAD_DATA, 0, 0, "%s", why);
	cardio_emu_power(e, 1);
	return cardio_session_start(&emu_transport, e, "demo", "Demo card", out, err);
}

cardio_emu *
cardio_session_emu(cardio_session *s)
{
	return s && s->t == &emu_transport ? s->ctx : NULL;
}
