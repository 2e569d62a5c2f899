/*
 * The reading sequence of docs/cards.md over any transport: SELECT text AP,
 * SELECT EF 0011, empty VERIFY, VERIFY, SELECT EF 0002, READ BINARY.
 * A typical read costs six APDUs. EF 0001 (the My Number) is never
 * selected: select_ef() refuses it.
 */
#include "cardio/internal.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* EF 0002 is about 100 bytes; anything near this is not a real card. */
#define BASIC4_MAX 0x2000

static cardio_status
select_ap(cardio_session *s, uint16_t *sw, cardio_error *err)
{
	uint8_t cmd[5 + 10] = {0x00, 0xA4, 0x04, 0x0C, 0x0A};
	uint8_t data[CARDIO_RESP_MAX];
	size_t n;

	memcpy(cmd + 5, cardio_text_ap_aid, 10);
	cardio_status st = cardio_xfer(s, cmd, sizeof cmd, data, sizeof data, &n, sw, err);
	sodium_memzero(data, sizeof data);
	return st;
}

cardio_status
cardio_session_start(const cardio_transport *t, void *ctx, const char *card_type,
                     const char *reader, cardio_session **out, cardio_error *err)
{
	cardio_session *s = calloc(1, sizeof *s);
	uint16_t sw = 0;
	cardio_status st;

	*out = NULL;
	if (!s)
		abort();
	s->t = t;
	s->ctx = ctx;
	s->tries_left = -1;
	snprintf(s->card_type, sizeof s->card_type, "%s", card_type);
	snprintf(s->reader, sizeof s->reader, "%s", reader ? reader : "");

	/* Some cards answer 6F00 to the first command after power-up. */
	st = select_ap(s, &sw, err);
	if (st == CARDIO_OK && sw == SW_SELF_TEST)
		st = select_ap(s, &sw, err);
	if (st != CARDIO_OK)
		goto out;
	if (sw != SW_OK) {
		st = cardio_fail(err, CARDIO_ERR_UNKNOWN_CARD, sw, 0,
		                 "SELECT of the text AP answered %04X", sw);
		goto out;
	}
	*out = s;
	s = NULL;
out:
	if (s)
		cardio_close(s);
	return st;
}

unsigned
cardio_apdu_count(const cardio_session *s)
{
	return s ? s->apdus : 0;
}

void
cardio_close(cardio_session *s)
{
	if (!s)
		return;
	if (s->t && s->t->close)
		s->t->close(s->ctx);
	sodium_memzero(s, sizeof *s);
	free(s);
}

/* SELECTs an EF of the text AP unless it is already current. */
static cardio_status
select_ef(cardio_session *s, uint16_t fid, cardio_error *err)
{
	uint8_t cmd[7] = {0x00, 0xA4, 0x02, 0x0C, 0x02, (uint8_t)(fid >> 8), (uint8_t)fid};
	uint8_t data[CARDIO_RESP_MAX];
	size_t n;
	uint16_t sw;

	if (fid == CARDIO_EF_MYNUMBER)
		return cardio_fail(err, CARDIO_ERR_STATE, 0, 0, "EF 0001 is never selected");
	if (s->current_ef == fid)
		return CARDIO_OK;
	s->current_ef = 0;
	cardio_status st = cardio_xfer(s, cmd, sizeof cmd, data, sizeof data, &n, &sw, err);
	sodium_memzero(data, sizeof data);
	if (st != CARDIO_OK)
		return st;
	if (sw != SW_OK)
		return cardio_fail(err, CARDIO_ERR_UNKNOWN_CARD, sw, 0,
		                   "SELECT EF %04X answered %04X", fid, sw);
	s->current_ef = fid;
	return CARDIO_OK;
}

cardio_status
cardio_pin_tries(cardio_session *s, int *tries_left, cardio_error *err)
{
	static const uint8_t cmd[4] = {0x00, 0x20, 0x00, 0x80};
	uint8_t data[CARDIO_RESP_MAX];
	size_t n;
	uint16_t sw;
	cardio_status st;

	cardio_error_clear(err);
	*tries_left = -1;
	if (!s)
		return cardio_fail(err, CARDIO_ERR_STATE, 0, 0, "no session");
	st = select_ef(s, CARDIO_EF_PIN, err);
	if (st != CARDIO_OK)
		return st;
	st = cardio_xfer(s, cmd, sizeof cmd, data, sizeof data, &n, &sw, err);
	sodium_memzero(data, sizeof data);
	if (st != CARDIO_OK)
		return st;
	if ((sw & 0xFFF0) == 0x63C0) {
		s->tries_left = sw & 0x0F;
	} else if (sw == SW_BLOCKED) {
		s->tries_left = 0;
	} else if (sw == SW_OK || sw == 0x6300) {
		s->tries_left = -1; /* already verified, or no limit: not a count */
	} else {
		return cardio_fail(err, CARDIO_ERR_TRANSPORT, sw, 0,
		                   "PIN counter query answered %04X", sw);
	}
	s->tries_known = true;
	*tries_left = s->tries_left;
	return CARDIO_OK;
}

/*
 * One VERIFY with the resident's PIN, never repeated. If the counter has
 * not been read in this session it is read first (empty VERIFY), and a
 * PIN is never sent to a card known to be blocked.
 */
cardio_status
cardio_verify_pin(cardio_session *s, const char *pin, cardio_error *err)
{
	uint8_t cmd[9] = {0x00, 0x20, 0x00, 0x80, 0x04};
	uint8_t data[CARDIO_RESP_MAX];
	size_t n;
	uint16_t sw;
	int tries;
	cardio_status st;

	cardio_error_clear(err);
	if (!s)
		return cardio_fail(err, CARDIO_ERR_STATE, 0, 0, "no session");
	if (!cardio_pin_well_formed(pin))
		return cardio_fail(err, CARDIO_ERR_PIN_FORMAT, 0, 0, "PIN is not 4 digits");
	if (!s->tries_known) {
		st = cardio_pin_tries(s, &tries, err);
		if (st != CARDIO_OK)
			return st;
	}
	if (s->tries_left == 0) {
		if (err)
			err->tries_left = 0;
		return cardio_fail(err, CARDIO_ERR_PIN_BLOCKED, 0, 0, "PIN blocked; not sent");
	}
	st = select_ef(s, CARDIO_EF_PIN, err);
	if (st != CARDIO_OK)
		return st;

	memcpy(cmd + 5, pin, 4);
	s->tries_known = false;
	s->verified = false;
	st = cardio_xfer(s, cmd, sizeof cmd, data, sizeof data, &n, &sw, err);
	sodium_memzero(cmd, sizeof cmd);
	sodium_memzero(data, sizeof data);
	if (st != CARDIO_OK)
		return st;
	if (sw == SW_OK) {
		s->verified = true;
		return CARDIO_OK;
	}
	if ((sw & 0xFFF0) == 0x63C0 || sw == SW_BLOCKED) {
		s->tries_left = sw == SW_BLOCKED ? 0 : sw & 0x0F;
		s->tries_known = true;
		if (err)
			err->tries_left = s->tries_left;
		if (s->tries_left == 0)
			return cardio_fail(err, CARDIO_ERR_PIN_BLOCKED, sw, 0, "PIN blocked");
		return cardio_fail(err, CARDIO_ERR_WRONG_PIN, sw, 0, "wrong PIN");
	}
	return cardio_fail(err, CARDIO_ERR_TRANSPORT, sw, 0, "VERIFY answered %04X", sw);
}

/* One READ BINARY at `off` asking for `le` bytes (256 as Le=00). */
static cardio_status
read_chunk(cardio_session *s, size_t off, size_t le, uint8_t *dst, size_t cap, size_t *n,
           uint16_t *sw, cardio_error *err)
{
	uint8_t cmd[5] = {0x00, 0xB0, (uint8_t)((off >> 8) & 0x7F), (uint8_t)off,
	                  (uint8_t)(le >= 256 ? 0 : le)};
	return cardio_xfer(s, cmd, sizeof cmd, dst, cap, n, sw, err);
}

/*
 * Reads EF 0002: one READ BINARY of 256 bytes at offset 0 gets the header
 * (and on every card seen, the whole object); the BER length then says
 * whether more chunks of at most 256 bytes are needed. 6282 (end of file
 * before Le) is accepted with its data; 6B00 or an empty answer before the
 * object is complete means the file is truncated.
 */
static cardio_status
read_basic4(cardio_session *s, uint8_t *file, size_t cap, size_t *got, cardio_error *err)
{
	size_t n, total = 0;
	uint16_t sw;
	cardio_status st;

	*got = 0;
	st = read_chunk(s, 0, 256, file, cap, &n, &sw, err);
	if (st != CARDIO_OK)
		return st;
	if (sw == SW_SECURITY)
		return cardio_fail(err, CARDIO_ERR_STATE, sw, 0, "EF 0002 read before VERIFY");
	if (sw != SW_OK && sw != SW_EOF_WARNING && sw != SW_OFFSET)
		return cardio_fail(err, CARDIO_ERR_TRANSPORT, sw, 0, "READ BINARY answered %04X",
		                   sw);
	*got = n;

	ber_tlv outer;
	if (ber_header(file, 0, *got, &outer) != 0)
		return cardio_fail(err, CARDIO_ERR_BAD_DATA, sw, 0, "EF 0002 header truncated");
	total = outer.header_len + outer.len;
	if (total > cap || total > 0x7FFF)
		return cardio_fail(err, CARDIO_ERR_BAD_DATA, 0, 0, "EF 0002 claims %zu bytes",
		                   total);
	while (*got < total) {
		size_t want = total - *got > 256 ? 256 : total - *got;
		st = read_chunk(s, *got, want, file + *got, cap - *got, &n, &sw, err);
		if (st != CARDIO_OK)
			return st;
		if ((sw != SW_OK && sw != SW_EOF_WARNING) || n == 0)
			return cardio_fail(err, CARDIO_ERR_BAD_DATA, sw, 0,
			                   "EF 0002 ends at %zu of %zu bytes", *got, total);
		*got += n;
	}
	return CARDIO_OK;
}

cardio_status
cardio_read_identity(cardio_session *s, cardio_identity *out, cardio_error *err)
{
	uint8_t *file = NULL;
	size_t got = 0;
	cardio_status st;

	cardio_error_clear(err);
	sodium_memzero(out, sizeof *out);
	if (!s || !s->verified)
		return cardio_fail(err, CARDIO_ERR_STATE, 0, 0, "read before a successful VERIFY");
	file = calloc(1, BASIC4_MAX);
	if (!file)
		abort();
	st = select_ef(s, CARDIO_EF_BASIC4, err);
	if (st != CARDIO_OK)
		goto out;
	st = read_basic4(s, file, BASIC4_MAX, &got, err);
	if (st != CARDIO_OK)
		goto out;
	st = cardio_parse_basic4(file, got, out, err);
	if (st != CARDIO_OK)
		goto out;
	snprintf(out->card_type, sizeof out->card_type, "%s", s->card_type);
out:
	sodium_memzero(file, BASIC4_MAX);
	free(file);
	return st;
}
