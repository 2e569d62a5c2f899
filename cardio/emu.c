/*
 * The emulated My Number card: the text AP with EF 0011 (PIN key), EF 0002
 * (基本4情報) and EF 0001 (My Number), answering exactly the APDUs of
 * docs/cards.md with the status words listed there. It lets the demo and
 * the tests run the real command sequence; EF 0001 is readable after
 * VERIFY as on the real card, and counted, so tests can assert the reader
 * never asks.
 */
#include "cardio/internal.h"

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define EMU_MAX_TRIES 3
#define EMU_EF_MAX    2048

struct cardio_emu {
	char pin[5];
	int tries;
	unsigned remove_after;
	bool power_up_6f00;
	cardio_fault fault;
	uint16_t fault_sw;
	unsigned fault_ms, fault_at;
	const char *last_fault; /* name of the fault in the last answer */
	bool pulled, no_text_ap;
	uint8_t ef0001[17];
	uint8_t ef0002[EMU_EF_MAX];
	size_t ef0002_len;

	bool powered, fresh_power, ap_selected, verified;
	uint16_t current_ef;
	unsigned apdus, pin_verifies;
	unsigned sel_0001, sel_0002, sel_0011;
};

static const uint8_t emu_atr[] = {0x3B, 0xE0, 0x00, 0xFF, 0x81, 0x31, 0xFE, 0x45, 0x14};

cardio_emu *
cardio_emu_new(const char *persona_text, char *why, size_t whylen)
{
	cardio_persona p;
	cardio_emu *e = NULL;

	if (cardio_persona_parse(persona_text, &p, why, whylen) != 0)
		goto out;
	e = calloc(1, sizeof *e);
	if (!e)
		abort();
	memcpy(e->pin, p.pin, sizeof e->pin);
	e->tries = p.pin_tries;
	e->remove_after = p.remove_after_apdu;
	e->power_up_6f00 = p.power_up_6f00;
	e->fault = p.fault;
	e->fault_sw = p.fault_sw;
	e->fault_ms = p.fault_ms;
	e->fault_at = p.fault_at_apdu;
	e->ef0001[0] = 0xFF;
	e->ef0001[1] = 0x10;
	e->ef0001[2] = 0x0C;
	memcpy(e->ef0001 + 3, p.mynumber, 12);
	e->ef0001[15] = e->ef0001[16] = 0xFF;
	e->ef0002_len = cardio_basic4_build(p.name, p.address, p.birth, p.sex, p.name_alpha,
	                                    e->ef0002, sizeof e->ef0002);
	if (e->ef0002_len == 0) {
		if (why && whylen)
			snprintf(why, whylen, "persona: name and address too long for EF 0002");
		cardio_emu_free(e);
		e = NULL;
	}
out:
	sodium_memzero(&p, sizeof p);
	return e;
}

void
cardio_emu_free(cardio_emu *e)
{
	if (!e)
		return;
	sodium_memzero(e, sizeof *e);
	free(e);
}

size_t
cardio_emu_atr(const cardio_emu *e, uint8_t *out, size_t outlen)
{
	(void)e;
	if (outlen < sizeof emu_atr)
		return 0;
	memcpy(out, emu_atr, sizeof emu_atr);
	return sizeof emu_atr;
}

void
cardio_emu_power(cardio_emu *e, int on)
{
	e->powered = on != 0;
	e->fresh_power = on != 0;
	e->ap_selected = false;
	e->verified = false;
	e->current_ef = 0;
}

void
cardio_emu_reset(cardio_emu *e)
{
	e->powered = true;
	e->ap_selected = false;
	e->current_ef = 0; /* verified stays: only power-off clears it */
}

unsigned
cardio_emu_remove_after(const cardio_emu *e)
{
	return e->remove_after;
}

unsigned
cardio_emu_apdus(const cardio_emu *e)
{
	return e->apdus;
}

unsigned
cardio_emu_pin_verifies(const cardio_emu *e)
{
	return e->pin_verifies;
}

int
cardio_emu_tries_left(const cardio_emu *e)
{
	return e->tries;
}

unsigned
cardio_emu_ef_selects(const cardio_emu *e, uint16_t fid)
{
	switch (fid) {
	case CARDIO_EF_MYNUMBER:
		return e->sel_0001;
	case CARDIO_EF_BASIC4:
		return e->sel_0002;
	case CARDIO_EF_PIN:
		return e->sel_0011;
	}
	return 0;
}

/* The parts of a short APDU: case 1 (header), 2 (Le), 3 (Lc data), 4. */
struct apdu {
	uint8_t cla, ins, p1, p2;
	const uint8_t *data;
	size_t lc;
	size_t le; /* 0 when absent; 256 for Le=00 */
	bool has_le;
};

static int
split_apdu(const uint8_t *c, size_t n, struct apdu *a)
{
	memset(a, 0, sizeof *a);
	if (n < 4)
		return -1;
	a->cla = c[0], a->ins = c[1], a->p1 = c[2], a->p2 = c[3];
	if (n == 4)
		return 0;
	if (n == 5) {
		a->has_le = true;
		a->le = c[4] ? c[4] : 256;
		return 0;
	}
	if (c[4] == 0) /* extended lengths: not needed by the text AP reads */
		return -1;
	a->lc = c[4];
	a->data = c + 5;
	if (n == 5 + a->lc)
		return 0;
	if (n == 6 + a->lc) {
		a->has_le = true;
		a->le = c[n - 1] ? c[n - 1] : 256;
		return 0;
	}
	return -1;
}

static uint16_t
do_select(cardio_emu *e, const struct apdu *a)
{
	if (a->p1 == 0x04) {
		if (a->p2 != 0x0C && a->p2 != 0x00)
			return SW_WRONG_P1P2;
		if (e->no_text_ap || a->lc != sizeof cardio_text_ap_aid ||
		    memcmp(a->data, cardio_text_ap_aid, a->lc) != 0)
			return SW_NOT_FOUND;
		e->ap_selected = true;
		e->current_ef = 0;
		return SW_OK;
	}
	if (a->p1 == 0x02) {
		if (a->lc != 2)
			return SW_WRONG_LENGTH;
		if (!e->ap_selected)
			return SW_NOT_FOUND;
		uint16_t fid = (uint16_t)(a->data[0] << 8 | a->data[1]);
		switch (fid) {
		case CARDIO_EF_MYNUMBER:
			e->sel_0001++;
			break;
		case CARDIO_EF_BASIC4:
			e->sel_0002++;
			break;
		case CARDIO_EF_PIN:
			e->sel_0011++;
			break;
		default:
			return SW_NOT_FOUND;
		}
		e->current_ef = fid;
		return SW_OK;
	}
	if (a->p1 == 0x00) /* select MF: 6A86 after a cold reset, no-op in an AP */
		return e->ap_selected ? SW_OK : SW_WRONG_P1P2;
	return SW_WRONG_P1P2;
}

/* VERIFY against EF 0011: the empty form reports the counter and spends
 * nothing; a wrong PIN spends one; the try that reaches 0 answers 63C0 and
 * every later one 6984; a correct PIN resets the counter. */
static uint16_t
do_verify(cardio_emu *e, const struct apdu *a)
{
	bool key_ok = (a->p2 == 0x80 && e->current_ef == CARDIO_EF_PIN) ||
	              (a->p2 == 0x91 && e->ap_selected);
	if (a->p1 != 0x00 || (a->p2 != 0x80 && a->p2 != 0x91))
		return SW_WRONG_P1P2;
	if (a->lc > 0)
		e->pin_verifies++;
	if (!key_ok)
		return SW_NO_CURRENT_EF;
	if (a->lc == 0)
		return (uint16_t)(0x63C0 | e->tries);
	if (e->tries == 0)
		return SW_BLOCKED;
	if (a->lc != 4)
		return SW_WRONG_LENGTH;
	if (sodium_memcmp(a->data, e->pin, 4) == 0) {
		e->tries = EMU_MAX_TRIES;
		e->verified = true;
		return SW_OK;
	}
	e->tries--;
	e->verified = false;
	return (uint16_t)(0x63C0 | e->tries);
}

static uint16_t
do_read(cardio_emu *e, const struct apdu *a, uint8_t *resp, size_t cap, size_t *n)
{
	*n = 0;
	if (a->p1 & 0x80)
		return SW_WRONG_P1P2; /* short-EF form: not used by our reader */
	if (!a->has_le || a->lc)
		return SW_WRONG_LENGTH;
	const uint8_t *ef;
	size_t len;
	if (e->current_ef == CARDIO_EF_BASIC4) {
		ef = e->ef0002, len = e->ef0002_len;
	} else if (e->current_ef == CARDIO_EF_MYNUMBER) {
		ef = e->ef0001, len = sizeof e->ef0001;
	} else {
		return SW_NO_CURRENT_EF;
	}
	if (!e->verified)
		return SW_SECURITY;
	size_t off = (size_t)a->p1 << 8 | a->p2;
	if (off >= len)
		return SW_OFFSET;
	size_t k = len - off < a->le ? len - off : a->le;
	if (k > cap)
		k = cap;
	memcpy(resp, ef + off, k);
	*n = k;
	return SW_OK;
}

const char *
cardio_emu_last_fault(const cardio_emu *e)
{
	return e->last_fault;
}

bool
cardio_emu_pulled(const cardio_emu *e)
{
	return e->pulled;
}

static void
nap_ms(unsigned ms)
{
	struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/* Fills buf with junk that stays the same from run to run (xorshift32
 * seeded by the APDU number), so a failing case can be replayed. */
static void
junk(uint8_t *buf, size_t n, unsigned seed)
{
	uint32_t x = 0x9E3779B9u ^ (seed * 2654435761u);
	for (size_t i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		buf[i] = (uint8_t)x;
	}
}

/* The card's own answer to one APDU (no faults but power-up 6F00). */
static size_t
answer(cardio_emu *e, const uint8_t *cmd, size_t cmdlen, uint8_t *resp, size_t resplen)
{
	struct apdu a;
	uint16_t sw;
	size_t n = 0;

	if (!e->powered)
		cardio_emu_power(e, 1);
	if (e->fresh_power) {
		e->fresh_power = false;
		if (e->power_up_6f00) {
			sw = SW_SELF_TEST;
			goto done;
		}
	}
	if (split_apdu(cmd, cmdlen, &a) != 0) {
		sw = SW_WRONG_LENGTH;
		goto done;
	}
	if (a.cla != 0x00) {
		sw = SW_CLA;
		goto done;
	}
	switch (a.ins) {
	case 0xA4:
		sw = do_select(e, &a);
		break;
	case 0x20:
		sw = do_verify(e, &a);
		break;
	case 0xB0:
		sw = do_read(e, &a, resp, resplen - 2, &n);
		break;
	default:
		sw = SW_INS;
		break;
	}
done:
	resp[n] = (uint8_t)(sw >> 8);
	resp[n + 1] = (uint8_t)sw;
	return n + 2;
}

/*
 * One APDU, with the persona's fault applied when it hits this APDU
 * (fault_at_apdu, counted from 1 over the emulator's life; 0 = every
 * APDU; not_mynumber lasts from that APDU on). A pulled card answers 0
 * bytes from then on.
 */
size_t
cardio_emu_transmit(cardio_emu *e, const uint8_t *cmd, size_t cmdlen, uint8_t *resp, size_t resplen)
{
	size_t n;

	e->last_fault = NULL;
	if (resplen < 2 || e->pulled)
		return 0;
	e->apdus++;
	bool hit = e->fault != FAULT_NONE && (e->fault_at == 0 || e->apdus == e->fault_at);
	if (e->fault == FAULT_NOT_MYNUMBER && e->fault_at && e->apdus > e->fault_at)
		hit = true;
	if (!hit)
		return answer(e, cmd, cmdlen, resp, resplen);

	switch (e->fault) {
	case FAULT_REMOVE:
		e->last_fault = "remove";
		e->pulled = true;
		return 0;
	case FAULT_SW:
		e->last_fault = "sw";
		resp[0] = (uint8_t)(e->fault_sw >> 8);
		resp[1] = (uint8_t)e->fault_sw;
		return 2;
	case FAULT_NOT_MYNUMBER:
		e->last_fault = "not_mynumber";
		if (!e->no_text_ap) {
			e->no_text_ap = true;
			e->ap_selected = false;
			e->current_ef = 0;
		}
		return answer(e, cmd, cmdlen, resp, resplen);
	case FAULT_GARBAGE:
		e->last_fault = "garbage";
		n = answer(e, cmd, cmdlen, resp, resplen);
		n = n + 3 <= resplen ? n + 3 : resplen;
		junk(resp, n, e->apdus);
		return n;
	case FAULT_TRUNCATE:
		e->last_fault = "truncate";
		return answer(e, cmd, cmdlen, resp, resplen) - 1;
	case FAULT_SLOW:
		e->last_fault = "slow";
		n = answer(e, cmd, cmdlen, resp, resplen);
		nap_ms(e->fault_ms);
		return n;
	case FAULT_NONE:
		break;
	}
	return answer(e, cmd, cmdlen, resp, resplen);
}
