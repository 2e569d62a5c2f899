/*
 * libFuzzer target: the WHOLE read sequence (open with SELECT, tries query,
 * VERIFY, SELECT EF 0002, READ BINARY, with the 61xx/6Cxx follow-ups)
 * against a fake card that answers every APDU from the fuzz input, so
 * malformed status words, lengths and data are explored at every step.
 *
 * Input: a list of answers, each a 2-byte big-endian length L followed by
 * L bytes (the response, data + SW; L = 0 means "the card was pulled"
 * there). yorisoi-cardsim --dump-answers writes seeds in this format. The fake
 * transport runs out of answers into a transport error. Besides memory
 * safety, it checks the PIN safety contract: at most one VERIFY carries a
 * PIN, and only the typed one; the PIN is never sent when the card said it
 * was blocked or had one try left (the caller's rule, reproduced here).
 */
#include "cardio/internal.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fake {
	const uint8_t *in;
	size_t len, pos;
	unsigned pin_verifies;
};

static cardio_status
fake_transmit(void *ctx, const uint8_t *cmd, size_t cmdlen, uint8_t *resp, size_t *resplen,
              cardio_error *err)
{
	struct fake *f = ctx;

	if (cmdlen >= 5 && cmd[1] == 0x20 && cmd[4] > 0) {
		f->pin_verifies++;
		if (f->pin_verifies > 1 || cmd[4] != 4 || memcmp(cmd + 5, "1234", 4) != 0)
			abort(); /* a VERIFY the resident did not just type */
	}
	if (cmdlen >= 2 && cmd[1] == 0xA4 && cmdlen >= 7 && cmd[2] == 0x02 && cmd[5] == 0x00 &&
	    cmd[6] == 0x01)
		abort(); /* EF 0001 must never be selected */
	if (f->len - f->pos < 2) {
		f->pos = f->len;
		return cardio_fail(err, CARDIO_ERR_TRANSPORT, 0, 0, "fake card: no more answers");
	}
	size_t l = (size_t)f->in[f->pos] << 8 | f->in[f->pos + 1];
	f->pos += 2;
	if (l > f->len - f->pos)
		l = f->len - f->pos;
	if (l == 0)
		return cardio_fail(err, CARDIO_ERR_REMOVED, 0, 0, "fake card pulled");
	if (l > *resplen)
		l = *resplen;
	memcpy(resp, f->in + f->pos, l);
	f->pos += l;
	*resplen = l;
	return CARDIO_OK;
}

static void
fake_close(void *ctx)
{
	(void)ctx;
}

static const cardio_transport fake_transport = {"fuzz", fake_transmit, fake_close};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fake f = {data, size, 0, 0};
	cardio_session *s = NULL;
	cardio_error err;
	cardio_identity id;
	int tries = -1;

	memset(&id, 0, sizeof id);
	if (cardio_session_start(&fake_transport, &f, "fuzz", "fuzz", &s, &err) != CARDIO_OK)
		return 0;
	if (cardio_pin_tries(s, &tries, &err) == CARDIO_OK && tries >= 2 &&
	    cardio_verify_pin(s, "1234", &err) == CARDIO_OK &&
	    cardio_read_identity(s, &id, &err) == CARDIO_OK) {
		if (strlen(id.fingerprint) != 32 || !id.birth[0] || !id.sex[0])
			abort();
	}
	/* A second VERIFY after a failure must be refused or sent only once
	 * more by the caller's choice: the library itself never retries. */
	if (f.pin_verifies > 1)
		abort();
	cardio_identity_wipe(&id);
	cardio_close(s);
	return 0;
}
