/* One command/response exchange, with the ISO 7816-4 follow-ups. */
#include "cardio/internal.h"

#include <sodium.h>
#include <string.h>

/*
 * Sends cmd and collects the answer. 61xx ("more data") is followed by GET
 * RESPONSE with Le = xx, appending the data; 6Cxx ("wrong Le") makes a
 * case-2 command go again once with Le = xx. The final SW is returned in
 * *sw whatever it is; only transport failures and oversize answers are
 * errors here. Every APDU sent is counted on the session; both buffers
 * that held the command (maybe a PIN) and the response (card data) are
 * zeroed before returning.
 */
cardio_status
cardio_xfer(cardio_session *s, const uint8_t *cmd, size_t cmdlen, uint8_t *data, size_t datacap,
            size_t *datalen, uint16_t *sw, cardio_error *err)
{
	uint8_t c[5 + 255 + 1];
	uint8_t resp[CARDIO_RESP_MAX];
	size_t clen = cmdlen, got = 0;
	int get_responses = 0;
	bool resent = false;
	cardio_status st = CARDIO_OK;

	*datalen = 0;
	*sw = 0;
	if (cmdlen < 4 || cmdlen > sizeof c)
		return cardio_fail(err, CARDIO_ERR_STATE, 0, 0, "APDU of %zu bytes", cmdlen);
	memcpy(c, cmd, cmdlen);

	for (;;) {
		size_t rl = sizeof resp;
		st = s->t->transmit(s->ctx, c, clen, resp, &rl, err);
		s->apdus++;
		if (st != CARDIO_OK)
			goto out;
		if (rl < 2 || rl > sizeof resp) {
			st = cardio_fail(err, CARDIO_ERR_TRANSPORT, 0, 0, "response of %zu bytes",
			                 rl);
			goto out;
		}
		*sw = (uint16_t)(resp[rl - 2] << 8 | resp[rl - 1]);
		size_t n = rl - 2;
		if (n > datacap - got) {
			st = cardio_fail(err, CARDIO_ERR_BAD_DATA, *sw, 0,
			                 "card answered more than %zu bytes", datacap);
			goto out;
		}
		memcpy(data + got, resp, n);
		got += n;
		sodium_memzero(resp, rl);

		uint8_t sw1 = (uint8_t)(*sw >> 8), sw2 = (uint8_t)*sw;
		if (sw1 == 0x61 && get_responses < 16) {
			get_responses++;
			uint8_t gr[5] = {0x00, 0xC0, 0x00, 0x00, sw2};
			sodium_memzero(c, sizeof c);
			memcpy(c, gr, sizeof gr);
			clen = sizeof gr;
			continue;
		}
		if (sw1 == 0x6C && !resent && clen == 5) {
			resent = true;
			got = 0; /* a 6Cxx answer carries no data worth keeping */
			c[4] = sw2;
			continue;
		}
		break;
	}
	*datalen = got;
out:
	sodium_memzero(c, sizeof c);
	sodium_memzero(resp, sizeof resp);
	return st;
}
