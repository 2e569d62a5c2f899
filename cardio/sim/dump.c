/*
 * Seed files for the fuzzers, made from a persona (yorisoi-cardsim
 * --dump-ef0002 / --dump-answers): the card's EF 0002 bytes as the
 * emulator holds them, and the emulator's answers to the production read
 * sequence in the input format of tests/fuzz/fuzz_card_read.c (per APDU a
 * 2-byte big-endian length, then the response). The PIN used is the persona's own.
 */
#include "cardio/sim/dump.h"

#include "cardio/internal.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

struct recorder {
	cardio_emu *e;
	uint8_t out[8192];
	size_t len;
};

static cardio_status
rec_transmit(void *ctx, const uint8_t *cmd, size_t cmdlen, uint8_t *resp, size_t *resplen,
             cardio_error *err)
{
	struct recorder *r = ctx;
	size_t n = cardio_emu_transmit(r->e, cmd, cmdlen, resp, *resplen);
	if (n == 0)
		return cardio_fail(err, CARDIO_ERR_REMOVED, 0, 0, "pulled");
	if (r->len + 2 + n > sizeof r->out)
		return cardio_fail(err, CARDIO_ERR_STATE, 0, 0, "answers too long to record");
	r->out[r->len++] = (uint8_t)(n >> 8);
	r->out[r->len++] = (uint8_t)n;
	memcpy(r->out + r->len, resp, n);
	r->len += n;
	*resplen = n;
	return CARDIO_OK;
}

static void
rec_close(void *ctx)
{
	(void)ctx;
}

static const cardio_transport rec_transport = {"record", rec_transmit, rec_close};

static int
write_file(const char *path, const uint8_t *buf, size_t n)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	int bad = fwrite(buf, 1, n, f) != n;
	return fclose(f) != 0 || bad ? -1 : 0;
}

int
sim_dump(const char *persona_text, const char *ef0002_path, const char *answers_path, char *why,
         size_t whylen)
{
	cardio_persona p;
	int rc = -1;

	if (cardio_persona_parse(persona_text, &p, why, whylen) != 0)
		return -1;
	if (ef0002_path) {
		uint8_t ef[4096];
		size_t n = cardio_basic4_build(p.name, p.address, p.birth, p.sex, p.name_alpha, ef,
		                               sizeof ef);
		if (n == 0 || write_file(ef0002_path, ef, n) != 0) {
			snprintf(why, whylen, "cannot write %s", ef0002_path);
			goto out;
		}
	}
	if (answers_path) {
		struct recorder r = {.e = cardio_emu_new(persona_text, why, whylen)};
		cardio_session *s = NULL;
		cardio_error err;
		cardio_identity id;
		int tries;
		if (!r.e)
			goto out;
		cardio_emu_power(r.e, 1);
		if (cardio_session_start(&rec_transport, &r, "dump", "dump", &s, &err) ==
		            CARDIO_OK &&
		    cardio_pin_tries(s, &tries, &err) == CARDIO_OK &&
		    cardio_verify_pin(s, p.pin, &err) == CARDIO_OK)
			cardio_read_identity(s, &id, &err);
		cardio_identity_wipe(&id);
		cardio_close(s);
		cardio_emu_free(r.e);
		if (write_file(answers_path, r.out, r.len) != 0) {
			snprintf(why, whylen, "cannot write %s", answers_path);
			goto out;
		}
	}
	rc = 0;
out:
	sodium_memzero(&p, sizeof p);
	return rc;
}
