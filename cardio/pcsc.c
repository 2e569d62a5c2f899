/*
 * The PC/SC transport (libpcsclite): listing readers, waiting for a card,
 * an exclusive connection while the PIN is verified, and a power-down on
 * close so no other process inherits the verified state (the card stays
 * verified until it is reset or powered down).
 */
#include "cardio/internal.h"

#include <sodium.h>
#include <stdbool.h>
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

/* True when the multi-string list holds the name. */
static bool
strstr_multi(const char *multi, const char *name)
{
	for (const char *p = multi; *p; p += strlen(p) + 1)
		if (strcmp(p, name) == 0)
			return true;
	return false;
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

/*
 * The context cardio_wait_card() keeps
 * alive across calls so polling costs no new connection to pcscd. When
 * pcscd goes away (stopped, restarted) the calls on it fail with one of
 * the codes below; the context is then dropped and made again once.
 */
static SCARDCONTEXT shared_ctx;
static bool shared_ok;

void
cardio_shutdown(void)
{
	if (shared_ok)
		SCardReleaseContext(shared_ctx);
	shared_ok = false;
	shared_ctx = 0;
}

static bool
context_dead(LONG rc)
{
	return rc == SCARD_E_NO_SERVICE || rc == SCARD_E_SERVICE_STOPPED ||
	       rc == SCARD_E_INVALID_HANDLE || rc == SCARD_F_COMM_ERROR ||
	       rc == SCARD_E_INVALID_PARAMETER;
}

static cardio_status
shared_context(SCARDCONTEXT *ctx, cardio_error *err)
{
	if (!shared_ok) {
		cardio_status st = open_context(&shared_ctx, err);
		if (st != CARDIO_OK)
			return st;
		shared_ok = true;
	}
	*ctx = shared_ctx;
	return CARDIO_OK;
}

/* Reads the reader list on the shared context, making the context again
 * once when pcscd has restarted under it. NULL with *rc = success or
 * NO_READERS_AVAILABLE means "no reader". */
static char *
shared_readers(SCARDCONTEXT *ctx, LONG *rc, cardio_error *err, cardio_status *st)
{
	for (int attempt = 0; attempt < 2; attempt++) {
		*st = shared_context(ctx, err);
		if (*st != CARDIO_OK)
			return NULL;
		char *multi = reader_multistring(*ctx, rc);
		if (multi || !context_dead(*rc))
			return multi;
		cardio_shutdown();
	}
	*st = fail_rc(err, *rc, "SCardListReaders");
	return NULL;
}

static long
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

#define MAX_READERS 16

/* A reader holds a card we may try: present, and not mute. A card held
 * exclusively by another program is still "present" and is picked; the
 * connect then says it is busy. */
static bool
card_in(DWORD state)
{
	return (state & SCARD_STATE_PRESENT) && !(state & SCARD_STATE_MUTE);
}

/*
 * Waits with one SCardGetStatusChange on every reader (or the named one)
 * plus the PnP pseudo-reader, so a card inserted in any reader and a
 * reader plugged in or pulled out while we wait all wake us up. Returns the
 * first reader that reports a card present (two readers are normal: the
 * one with the card wins). A reader list change starts a new round with
 * the new list. A negative timeout waits forever; 0 only looks.
 */
cardio_status
cardio_wait_card(const char *reader, int timeout_ms, char *reader_out, size_t outlen,
                 cardio_error *err)
{
	SCARDCONTEXT ctx;
	SCARD_READERSTATE rs[MAX_READERS + 1];
	char *multi = NULL;
	LONG rc = SCARD_S_SUCCESS;
	long deadline = now_ms() + (timeout_ms > 0 ? timeout_ms : 0);
	cardio_status st;

	cardio_error_clear(err);
	for (int rounds = 0;; rounds++) {
		long left = timeout_ms < 0 ? -1 : deadline - now_ms();
		DWORD wait = timeout_ms < 0 ? INFINITE : left > 0 ? (DWORD)left : 0;
		size_t n = 0;

		free(multi);
		multi = shared_readers(&ctx, &rc, err, &st);
		if (st != CARDIO_OK)
			goto out;
		if (!multi && rc != SCARD_E_NO_READERS_AVAILABLE && rc != SCARD_S_SUCCESS) {
			st = fail_rc(err, rc, "SCardListReaders");
			goto out;
		}
		for (char *p = multi; p && *p && n < MAX_READERS; p += strlen(p) + 1) {
			if (reader && strcmp(reader, p) != 0)
				continue;
			memset(&rs[n], 0, sizeof rs[n]);
			rs[n].szReader = p;
			rs[n].dwCurrentState = SCARD_STATE_UNAWARE;
			n++;
		}
		memset(&rs[n], 0, sizeof rs[n]);
		rs[n].szReader = PNP_READER;
		rs[n].dwCurrentState = SCARD_STATE_UNAWARE;

		/* Learn the current states at once, then look for a card. */
		rc = SCardGetStatusChange(ctx, 0, rs, (DWORD)(n + 1));
		if (rc != SCARD_S_SUCCESS && rc != SCARD_E_TIMEOUT) {
			if (context_dead(rc))
				cardio_shutdown();
			if (context_dead(rc) && rounds == 0)
				continue; /* pcscd restarted: one more round on a new context */
			st = fail_rc(err, rc, "SCardGetStatusChange");
			goto out;
		}
		for (size_t i = 0; i < n; i++) {
			if (card_in(rs[i].dwEventState)) {
				snprintf(reader_out, outlen, "%s", rs[i].szReader);
				st = CARDIO_OK;
				goto out;
			}
		}
		if (wait == 0)
			break;
		for (size_t i = 0; i <= n; i++)
			rs[i].dwCurrentState = rs[i].dwEventState & ~SCARD_STATE_CHANGED;
		rc = SCardGetStatusChange(ctx, wait, rs, (DWORD)(n + 1));
		if (rc == SCARD_E_TIMEOUT)
			break;
		if (rc != SCARD_S_SUCCESS) {
			if (context_dead(rc))
				cardio_shutdown();
			st = fail_rc(err, rc, "SCardGetStatusChange");
			goto out;
		}
		/* Something changed: a card, or the reader list. Look again. */
	}
	if (reader && multi && !strstr_multi(multi, reader))
		st = cardio_fail(err, CARDIO_ERR_NO_READER, 0, 0, "no reader named \"%s\"", reader);
	else if (!multi)
		st = cardio_fail(err, CARDIO_ERR_NO_READER, 0, (long)rc, "no reader");
	else
		st = cardio_fail(err, CARDIO_ERR_NO_CARD, 0, (long)rc, "no card in the reader");
out:
	free(multi);
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
	if (rc == SCARD_S_SUCCESS && rl >= 2) {
		*resplen = rl;
		return CARDIO_OK;
	}
	if (rc == SCARD_S_SUCCESS) {
		/* Less than a status word: a card pulled in the middle of the
		 * exchange can look like this (vpcd answers 0 bytes). */
		if (card_gone(l)) {
			*resplen = 0;
			return cardio_fail(err, CARDIO_ERR_REMOVED, 0, 0,
			                   "card removed (answer of %lu bytes)", (unsigned long)rl);
		}
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
	/* Another program may hold the card for a moment (pcscd finishing the
	 * last session's disconnect, a browser's smart-card helper): it is
	 * asked again for up to 2 s before the sharing violation counts. */
	for (int tries = 0;; tries++) {
		rc = SCardConnect(l->ctx, l->reader, SCARD_SHARE_EXCLUSIVE,
		                  SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, &l->card, &l->proto);
		if (rc != (LONG)SCARD_E_SHARING_VIOLATION || tries >= 20)
			break;
		nanosleep(&(struct timespec){0, 100 * 1000 * 1000}, NULL);
	}
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
