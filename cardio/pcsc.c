/*
 * The PC/SC transport (libpcsclite): listing readers, waiting for a card,
 * an exclusive connection while the PIN is verified, and a power-down on
 * close so no other process inherits the verified state (facts §8).
 */
#include "cardio/internal.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <winscard.h>

#define PNP_READER "\\\\?PnP?\\Notification"

struct pcsc_link {
	SCARDCONTEXT ctx;
	SCARDHANDLE card;
	DWORD proto;
	char reader[128];
};

/* What a PC/SC return code means for the resident. */
static cardio_status
map_rc(LONG rc)
{
	switch (rc) {
	case SCARD_E_NO_SERVICE:
	case SCARD_E_SERVICE_STOPPED:
		return CARDIO_ERR_NO_SERVICE;
	case SCARD_E_NO_READERS_AVAILABLE:
	case SCARD_E_UNKNOWN_READER:
	case SCARD_E_READER_UNAVAILABLE:
		return CARDIO_ERR_NO_READER;
	case SCARD_E_NO_SMARTCARD:
	case SCARD_E_TIMEOUT:
		return CARDIO_ERR_NO_CARD;
	case SCARD_W_REMOVED_CARD:
		return CARDIO_ERR_REMOVED;
	case SCARD_W_UNRESPONSIVE_CARD:
	case SCARD_W_UNPOWERED_CARD:
	case SCARD_E_PROTO_MISMATCH:
		return CARDIO_ERR_UNKNOWN_CARD;
	default:
		return CARDIO_ERR_TRANSPORT;
	}
}

static cardio_status
fail_rc(cardio_error *err, LONG rc, const char *what)
{
	return cardio_fail(err, map_rc(rc), 0, (long)rc, "%s: %s (0x%lX)", what,
	                   pcsc_stringify_error(rc), (unsigned long)rc);
}

static cardio_status
open_context(SCARDCONTEXT *ctx, cardio_error *err)
{
	LONG rc = SCardEstablishContext(SCARD_SCOPE_SYSTEM, NULL, NULL, ctx);
	if (rc != SCARD_S_SUCCESS)
		return fail_rc(err, rc, "SCardEstablishContext");
	return CARDIO_OK;
}

/* The reader names as a PC/SC multi-string (malloc'd), or NULL when there
 * is none; *rc tells why. */
static char *
reader_multistring(SCARDCONTEXT ctx, LONG *rc)
{
	DWORD len = 0;
	*rc = SCardListReaders(ctx, NULL, NULL, &len);
	if (*rc != SCARD_S_SUCCESS || len == 0)
		return NULL;
	char *buf = calloc(1, len + 1);
	if (!buf)
		abort();
	*rc = SCardListReaders(ctx, NULL, buf, &len);
	if (*rc != SCARD_S_SUCCESS) {
		free(buf);
		return NULL;
	}
	return buf;
}

cardio_status
cardio_list_readers(char ***names, size_t *count, cardio_error *err)
{
	SCARDCONTEXT ctx;
	LONG rc;
	cardio_status st;

	cardio_error_clear(err);
	*names = NULL;
	*count = 0;
	st = open_context(&ctx, err);
	if (st != CARDIO_OK)
		return st;
	char *multi = reader_multistring(ctx, &rc);
	if (!multi) {
		if (rc != SCARD_E_NO_READERS_AVAILABLE && rc != SCARD_S_SUCCESS)
			st = fail_rc(err, rc, "SCardListReaders");
		goto out;
	}
	size_t n = 0;
	for (char *p = multi; *p; p += strlen(p) + 1)
		n++;
	*names = calloc(n ? n : 1, sizeof **names);
	if (!*names)
		abort();
	for (char *p = multi; *p; p += strlen(p) + 1) {
		(*names)[*count] = strdup(p);
		if (!(*names)[*count])
			abort();
		(*count)++;
	}
	free(multi);
out:
	SCardReleaseContext(ctx);
	return st;
}

void
cardio_free_readers(char **names, size_t count)
{
	for (size_t i = 0; names && i < count; i++)
		free(names[i]);
	free(names);
}

static long
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/*
 * Waits with SCardGetStatusChange on every reader (or the named one) plus
 * the PnP pseudo-reader, so a reader plugged in while we wait is seen too.
 * Returns the first reader that reports a card present. A negative
 * timeout waits forever.
 */
cardio_status
cardio_wait_card(const char *reader, int timeout_ms, char *reader_out, size_t outlen,
                 cardio_error *err)
{
	SCARDCONTEXT ctx;
	SCARD_READERSTATE rs[16];
	char *multi = NULL;
	LONG rc;
	long deadline = now_ms() + (timeout_ms > 0 ? timeout_ms : 0);
	cardio_status st;

	cardio_error_clear(err);
	st = open_context(&ctx, err);
	if (st != CARDIO_OK)
		return st;
	for (;;) {
		long left = timeout_ms < 0 ? -1 : deadline - now_ms();
		DWORD wait = left < 0 ? (timeout_ms < 0 ? INFINITE : 0) : (DWORD)left;
		size_t n = 0;

		free(multi);
		multi = reader_multistring(ctx, &rc);
		if (!multi && rc != SCARD_E_NO_READERS_AVAILABLE && rc != SCARD_S_SUCCESS) {
			st = fail_rc(err, rc, "SCardListReaders");
			goto out;
		}
		for (char *p = multi; p && *p && n < 15; p += strlen(p) + 1) {
			if (reader && strcmp(reader, p) != 0)
				continue;
			memset(&rs[n], 0, sizeof rs[n]);
			rs[n].szReader = p;
			rs[n].dwCurrentState = SCARD_STATE_UNAWARE;
			n++;
		}
		if (n == 0 && reader && multi) {
			st = cardio_fail(err, CARDIO_ERR_NO_READER, 0, 0, "no reader named \"%s\"",
			                 reader);
			goto out;
		}
		memset(&rs[n], 0, sizeof rs[n]);
		rs[n].szReader = PNP_READER;
		rs[n].dwCurrentState = SCARD_STATE_UNAWARE;

		/* Learn the current states, then look for a card. */
		rc = SCardGetStatusChange(ctx, 0, rs, (DWORD)(n + 1));
		if (rc != SCARD_S_SUCCESS && rc != SCARD_E_TIMEOUT) {
			st = fail_rc(err, rc, "SCardGetStatusChange");
			goto out;
		}
		for (size_t i = 0; i < n; i++) {
			if ((rs[i].dwEventState & SCARD_STATE_PRESENT) &&
			    !(rs[i].dwEventState & SCARD_STATE_MUTE)) {
				snprintf(reader_out, outlen, "%s", rs[i].szReader);
				st = CARDIO_OK;
				goto out;
			}
		}
		if (wait == 0) {
			st = n ? cardio_fail(err, CARDIO_ERR_NO_CARD, 0, 0, "no card in the reader")
			       : cardio_fail(err, CARDIO_ERR_NO_READER, 0, 0, "no reader");
			goto out;
		}
		for (size_t i = 0; i <= n; i++)
			rs[i].dwCurrentState = rs[i].dwEventState & ~SCARD_STATE_CHANGED;
		rc = SCardGetStatusChange(ctx, wait, rs, (DWORD)(n + 1));
		if (rc == SCARD_E_TIMEOUT) {
			st = n ? cardio_fail(err, CARDIO_ERR_NO_CARD, 0, (long)rc,
			                     "no card in the reader before the timeout")
			       : cardio_fail(err, CARDIO_ERR_NO_READER, 0, (long)rc,
			                     "no reader before the timeout");
			goto out;
		}
		if (rc != SCARD_S_SUCCESS) {
			st = fail_rc(err, rc, "SCardGetStatusChange");
			goto out;
		}
	}
out:
	free(multi);
	SCardReleaseContext(ctx);
	return st;
}

/* After a failed transmit: has the card left the reader? pcscd notices a
 * removal on its next presence poll, so give it a moment to say so. */
static bool
card_gone(struct pcsc_link *l)
{
	SCARD_READERSTATE rs = {.szReader = l->reader, .dwCurrentState = SCARD_STATE_UNAWARE};

	if (SCardGetStatusChange(l->ctx, 0, &rs, 1) != SCARD_S_SUCCESS)
		return false;
	for (int round = 0; round < 2; round++) {
		if (rs.dwEventState & (SCARD_STATE_EMPTY | SCARD_STATE_UNAVAILABLE))
			return true;
		rs.dwCurrentState = rs.dwEventState & ~SCARD_STATE_CHANGED;
		if (SCardGetStatusChange(l->ctx, 1500, &rs, 1) != SCARD_S_SUCCESS)
			return false;
	}
	return (rs.dwEventState & (SCARD_STATE_EMPTY | SCARD_STATE_UNAVAILABLE)) != 0;
}

static cardio_status
pcsc_transmit(void *ctx, const uint8_t *cmd, size_t cmdlen, uint8_t *resp, size_t *resplen,
              cardio_error *err)
{
	struct pcsc_link *l = ctx;
	const SCARD_IO_REQUEST *pci = l->proto == SCARD_PROTOCOL_T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;
	DWORD rl = (DWORD)*resplen;

	LONG rc = SCardTransmit(l->card, pci, cmd, (DWORD)cmdlen, NULL, resp, &rl);
	if (rc == SCARD_S_SUCCESS) {
		*resplen = rl;
		return CARDIO_OK;
	}
	*resplen = 0;
	if (rc == SCARD_W_REMOVED_CARD || rc == SCARD_E_NO_SMARTCARD || card_gone(l))
		return cardio_fail(err, CARDIO_ERR_REMOVED, 0, (long)rc, "card removed (%s)",
		                   pcsc_stringify_error(rc));
	return fail_rc(err, rc, "SCardTransmit");
}

static void
pcsc_close(void *ctx)
{
	struct pcsc_link *l = ctx;
	SCardDisconnect(l->card, SCARD_UNPOWER_CARD);
	SCardReleaseContext(l->ctx);
	sodium_memzero(l, sizeof *l);
	free(l);
}

static const cardio_transport pcsc_transport = {"pcsc", pcsc_transmit, pcsc_close};

cardio_status
cardio_open_reader(const char *reader, cardio_session **out, cardio_error *err)
{
	char found[128];
	struct pcsc_link *l = NULL;
	cardio_status st;
	LONG rc;

	cardio_error_clear(err);
	*out = NULL;
	if (!reader) {
		st = cardio_wait_card(NULL, 0, found, sizeof found, err);
		if (st != CARDIO_OK)
			return st;
		reader = found;
	}
	l = calloc(1, sizeof *l);
	if (!l)
		abort();
	snprintf(l->reader, sizeof l->reader, "%s", reader);
	st = open_context(&l->ctx, err);
	if (st != CARDIO_OK) {
		free(l);
		return st;
	}
	rc = SCardConnect(l->ctx, l->reader, SCARD_SHARE_EXCLUSIVE,
	                  SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, &l->card, &l->proto);
	if (rc != SCARD_S_SUCCESS) {
		st = rc == SCARD_W_REMOVED_CARD ? cardio_fail(err, CARDIO_ERR_NO_CARD, 0, (long)rc,
		                                              "no card in the reader")
		                                : fail_rc(err, rc, "SCardConnect");
		SCardReleaseContext(l->ctx);
		free(l);
		return st;
	}
	return cardio_session_start(&pcsc_transport, l, "mynumber", reader, out, err);
}
