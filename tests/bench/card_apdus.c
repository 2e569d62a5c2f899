/*
 * APDUs of one card read, ours against a naive reader, both against the
 * in-process emulated card (cardio_emu), counted by the emulator itself.
 *
 * Ours: the production sequence (cardio_open_demo, cardio_pin_tries,
 * cardio_verify_pin, cardio_read_identity). Naive: what myna-go / myna-rs
 * style readers send, built here from raw APDUs and NOT production code:
 * SELECT MF first, SELECT the AP, SELECT the PIN EF, a separate retries
 * query, the AP and PIN EF selected again before VERIFY (each step is its
 * own command invocation), SELECT EF 0002, a 7-byte READ BINARY for the
 * header, then the rest in fixed 64-byte chunks.
 *
 * Usage: card-apdus PERSONA_FILE... ; prints one line per persona and the
 * total ratio. A benchmark: it prints figures and asserts nothing.
 */
#include "cardio/internal.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = calloc(1, 65537);
	size_t n = buf ? fread(buf, 1, 65536, f) : 0;
	fclose(f);
	if (buf)
		buf[n] = '\0';
	return buf;
}

/* The PIN is the persona's `pin` line. */
static void
persona_pin(const char *text, char pin[5])
{
	const char *p = strstr(text, "\npin =");
	snprintf(pin, 5, "%s", "1234");
	if (p && sscanf(p, "\npin = %4s", pin) != 1)
		snprintf(pin, 5, "%s", "1234");
}

static unsigned
ours(const char *text, const char *pin, int *ok)
{
	cardio_session *s = NULL;
	cardio_error err;
	cardio_identity id;
	int tries;
	unsigned n = 0;

	*ok = 0;
	if (cardio_open_demo(text, &s, &err) != CARDIO_OK)
		return 0;
	if (cardio_pin_tries(s, &tries, &err) == CARDIO_OK &&
	    cardio_verify_pin(s, pin, &err) == CARDIO_OK &&
	    cardio_read_identity(s, &id, &err) == CARDIO_OK)
		*ok = 1;
	n = cardio_emu_apdus(cardio_session_emu(s));
	cardio_identity_wipe(&id);
	cardio_close(s);
	return n;
}

static uint16_t
send(cardio_emu *e, const uint8_t *c, size_t n, uint8_t *data, size_t *dlen)
{
	uint8_t r[300];
	size_t rn = cardio_emu_transmit(e, c, n, r, sizeof r);
	if (rn < 2)
		return 0;
	if (data)
		memcpy(data, r, rn - 2);
	if (dlen)
		*dlen = rn - 2;
	return (uint16_t)(r[rn - 2] << 8 | r[rn - 1]);
}

static unsigned
naive(const char *text, const char *pin, int *ok)
{
	static const uint8_t mf[] = {0x00, 0xA4, 0x00, 0x00};
	static const uint8_t ef11[] = {0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x11};
	static const uint8_t ef02[] = {0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x02};
	static const uint8_t query[] = {0x00, 0x20, 0x00, 0x80};
	uint8_t ap[15] = {0x00, 0xA4, 0x04, 0x0C, 0x0A};
	uint8_t verify[9] = {0x00, 0x20, 0x00, 0x80, 0x04};
	uint8_t file[4096];
	size_t got = 0, n;

	*ok = 0;
	memcpy(ap + 5, cardio_text_ap_aid, 10);
	memcpy(verify + 5, pin, 4);
	cardio_emu *e = cardio_emu_new(text, NULL, 0);
	if (!e)
		return 0;
	cardio_emu_power(e, 1);
	send(e, mf, sizeof mf, NULL, NULL); /* 6A86 after a cold reset; ignored */
	send(e, ap, sizeof ap, NULL, NULL);
	send(e, ef11, sizeof ef11, NULL, NULL);
	send(e, query, sizeof query, NULL, NULL);
	send(e, ap, sizeof ap, NULL, NULL);
	send(e, ef11, sizeof ef11, NULL, NULL);
	if (send(e, verify, sizeof verify, NULL, NULL) != 0x9000)
		goto out;
	send(e, ef02, sizeof ef02, NULL, NULL);
	uint8_t hdr[5] = {0x00, 0xB0, 0x00, 0x00, 7};
	if (send(e, hdr, sizeof hdr, file, &got) != 0x9000)
		goto out;
	ber_tlv t;
	if (ber_header(file, 0, got, &t) != 0)
		goto out;
	size_t total = t.header_len + t.len;
	while (got < total && total <= sizeof file) {
		size_t want = total - got < 64 ? total - got : 64;
		uint8_t rb[5] = {0x00, 0xB0, (uint8_t)(got >> 8), (uint8_t)got, (uint8_t)want};
		if (send(e, rb, sizeof rb, file + got, &n) != 0x9000 || n == 0)
			goto out;
		got += n;
	}
	cardio_identity id;
	cardio_error err;
	*ok = cardio_parse_basic4(file, got, &id, &err) == CARDIO_OK;
	cardio_identity_wipe(&id);
out:;
	unsigned count = cardio_emu_apdus(e);
	sodium_memzero(file, sizeof file);
	sodium_memzero(verify, sizeof verify);
	cardio_emu_free(e);
	return count;
}

int
main(int argc, char **argv)
{
	unsigned sum_ours = 0, sum_naive = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: card-apdus PERSONA_FILE...\n");
		return 2;
	}
	printf("%-24s %5s %6s %6s  %s\n", "persona", "ours", "naive", "ratio", "(APDUs per read)");
	for (int i = 1; i < argc; i++) {
		char *text = slurp(argv[i]);
		char pin[5];
		int ok1, ok2;
		if (!text) {
			fprintf(stderr, "card-apdus: cannot read %s\n", argv[i]);
			return 1;
		}
		persona_pin(text, pin);
		unsigned a = ours(text, pin, &ok1), b = naive(text, pin, &ok2);
		const char *base = strrchr(argv[i], '/');
		printf("%-24s %5u %6u %6.2f%s\n", base ? base + 1 : argv[i], a, b,
		       b ? (double)a / b : 0.0, ok1 && ok2 ? "" : "  (a read failed)");
		sum_ours += a;
		sum_naive += b;
		sodium_memzero(text, strlen(text));
		free(text);
	}
	printf("%-24s %5u %6u %6.2f\n", "total", sum_ours, sum_naive,
	       sum_naive ? (double)sum_ours / sum_naive : 0.0);
	return 0;
}
