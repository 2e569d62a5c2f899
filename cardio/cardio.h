/*
 * cardio — reading a resident's identity card.
 *
 * Knows PC/SC, APDUs and card file layouts, and nothing of forms. The same
 * reading code runs over two transports: a real PC/SC reader through
 * libpcsclite, or the built-in demo card (the emulator in this module,
 * answering APDUs in-process), so the demo exercises the real command
 * sequence.
 *
 * Safety contract:
 *  - cardio never sends VERIFY with a PIN other than the one handed to
 *    cardio_verify_pin(), and never retries a VERIFY by itself;
 *  - the tries counter is read with the empty VERIFY, which spends no try;
 *  - the My Number (EF 0001) is never selected or read;
 *  - PINs and every buffer that held card data are zeroed with
 *    sodium_memzero() before they are released;
 *  - cardio_close() always powers the card down (SCARD_UNPOWER_CARD) so no
 *    other process inherits the verified state.
 *
 * No function prints or exits; errors are returned as cardio_status.
 */
#ifndef YORISOI_CARDIO_H
#define YORISOI_CARDIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum cardio_status {
	CARDIO_OK = 0,
	CARDIO_ERR_NO_SERVICE,   /* pcscd is not running or not reachable */
	CARDIO_ERR_NO_READER,    /* no reader plugged in (or the named one is absent) */
	CARDIO_ERR_NO_CARD,      /* no card in the reader (also: waiting timed out) */
	CARDIO_ERR_REMOVED,      /* the card was pulled during the read */
	CARDIO_ERR_UNKNOWN_CARD, /* the card does not have the My Number text AP */
	CARDIO_ERR_WRONG_PIN,    /* VERIFY failed; tries_left says how many remain */
	CARDIO_ERR_PIN_BLOCKED,  /* no tries left: only the city hall can unlock it */
	CARDIO_ERR_PIN_FORMAT,   /* the PIN given is not 4 ASCII digits; nothing was sent */
	CARDIO_ERR_BAD_DATA,     /* the card answered data we cannot parse */
	CARDIO_ERR_TRANSPORT,    /* the reader or the link failed */
	CARDIO_ERR_STATE         /* call out of order (e.g. read before verify) */
} cardio_status;

/* Technical detail of the last failure, for logs and tests; never PIN data. */
typedef struct cardio_error {
	cardio_status status;
	int tries_left; /* with WRONG_PIN / PIN_BLOCKED; -1 when unknown */
	uint16_t sw;    /* the status word that caused it, 0 if none */
	long pcsc_rc;   /* the PC/SC return code, 0 if none */
	char detail[160];
} cardio_error;

/* Short English name of a status ("wrong PIN"), for logs and JSON. */
const char *cardio_status_name(cardio_status s);

/* The 基本4情報 as the card gives them. Strings are NUL-terminated UTF-8. */
typedef struct cardio_identity {
	char name[256]; /* 氏名 as on the card, family and given name separated by U+3000 */
	char family_name[256];
	char given_name[256];
	char name_alpha[256]; /* alphabet name of a foreign resident, "" when none */
	char address[512];    /* 住所 as on the card */
	char birth[11];       /* YYYY-MM-DD */
	char sex[2];          /* "1" male, "2" female, "9" not applicable, "0" not known */
	char card_type[32];   /* "mynumber" (or "demo" for the built-in card) */
	/* (Added.) The address for forms: as the card gives it, except that
	 * full-width digits ０-９ become ASCII 0-9 and a hyphen-like character
	 * between two digits (－ ‐ ‑ ‒ – — ― − ー ─) becomes ASCII '-', so 番地
	 * numbers always read "1-2-3". Nothing else is changed. */
	char address_normalized[512];
	/* (Added.) Session-stable fingerprint of the card's EF 0002: keyed
	 * BLAKE2b-128 (libsodium crypto_generichash) with a random key made
	 * once per process, in hex. The same card read twice in one process
	 * gives the same value; it means nothing in another process and must
	 * never be stored. "" when unknown. */
	char fingerprint[33];
} cardio_identity;

/* Zeroes an identity (sodium_memzero). */
void cardio_identity_wipe(cardio_identity *id);

/* ---- readers ---------------------------------------------------------- */

/*
 * Waits up to timeout_ms for a card in `reader` (NULL: any reader) and
 * copies the name of the reader that holds it. Returns CARDIO_OK,
 * NO_CARD on timeout, NO_READER, or NO_SERVICE. Short timeouts let a
 * front end stay responsive while it waits.
 */
cardio_status cardio_wait_card(const char *reader, int timeout_ms, char *reader_out, size_t outlen,
                               cardio_error *err);

/*
 * cardio keeps one PC/SC context alive between calls of
 * cardio_wait_card(), so a front end may poll
 * cheaply (the console calls cardio_wait_card(NULL, 0, ...) four times a
 * second); it is re-established by itself when pcscd restarts. This
 * releases it; call it once before exiting. Safe to call at any time and
 * more than once; the next call that needs a context makes a new one.
 * cardio is not thread-safe: call it from one thread.
 */
void cardio_shutdown(void);

/* ---- a session with one card ------------------------------------------ */

typedef struct cardio_session cardio_session;

/* Connects exclusively to the card in `reader` and SELECTs the 券面事項入力補助
 * AP (retrying the first command once after power-up). UNKNOWN_CARD when
 * the SELECT fails. */
cardio_status cardio_open_reader(const char *reader, cardio_session **out, cardio_error *err);

/* Opens the built-in demo card; persona_text is a persona file's text
 * (NULL: the built-in demo resident). */
cardio_status cardio_open_demo(const char *persona_text, cardio_session **out, cardio_error *err);

/*
 * The PIN rule, decided in one place for the console, the plain mode and
 * `card read`: from the tries the card reports (cardio_pin_tries; -1 when
 * it would not say),
 *  - 0 tries: CARDIO_PIN_REFUSE, no VERIFY may be sent (the card is locked
 *    and only the city hall can unlock it);
 *  - 1 try, or an unknown count: CARDIO_PIN_CONFIRM, the resident confirms
 *    a second time that a wrong PIN now locks the card, then it is sent;
 *  - 2 or more: CARDIO_PIN_ASK, the typed PIN is sent.
 * In every case the tries are shown before the PIN is asked for.
 */
typedef enum cardio_pin_step {
	CARDIO_PIN_REFUSE,
	CARDIO_PIN_CONFIRM,
	CARDIO_PIN_ASK,
} cardio_pin_step;
cardio_pin_step cardio_pin_decide(int tries_left);

/* Whether a typed PIN has the form the card takes (券面事項入力補助用:
 * exactly 4 ASCII digits). A PIN that fails this is never sent. */
bool cardio_pin_well_formed(const char *pin);

/* Reads the PIN tries left without spending one (empty VERIFY). */
cardio_status cardio_pin_tries(cardio_session *s, int *tries_left, cardio_error *err);

/* Sends VERIFY with the PIN the resident just typed (4 ASCII digits).
 * Never retried. On WRONG_PIN, err->tries_left says what remains. The
 * caller zeroes its own copy of the PIN; cardio zeroes its APDU buffer. */
cardio_status cardio_verify_pin(cardio_session *s, const char *pin, cardio_error *err);

/* After a successful VERIFY: reads EF 0002 and parses it. */
cardio_status cardio_read_identity(cardio_session *s, cardio_identity *out, cardio_error *err);

/* How many APDUs this session has sent (for the round-trip benchmark). */
unsigned cardio_apdu_count(const cardio_session *s);

/* Powers the card down, disconnects and frees. NULL is fine. */
void cardio_close(cardio_session *s);

/* ---- parsing (exposed for tests and fuzzing) ---------------------------- */

/* Parses the bytes of EF 0002 (the FF20 template) into *out. */
cardio_status cardio_parse_basic4(const uint8_t *buf, size_t len, cardio_identity *out,
                                  cardio_error *err);

/* ---- the emulated card (demo and yorisoi-cardsim) ----------------------- */

typedef struct cardio_emu cardio_emu;

/* Builds an emulated My Number card from a persona file's text
 * (docs/cards.md: name, name_alpha, address, birth, sex, mynumber, pin,
 * pin_tries, fault switches). Returns NULL and fills why on a bad persona. */
cardio_emu *cardio_emu_new(const char *persona_text, char *why, size_t whylen);
void cardio_emu_free(cardio_emu *e);
/* The built-in demo resident's persona text. */
const char *cardio_emu_demo_persona(void);
/* ATR of the emulated card. */
size_t cardio_emu_atr(const cardio_emu *e, uint8_t *out, size_t outlen);
/* Power events reset the verified state, as on the real card. */
void cardio_emu_power(cardio_emu *e, int on);
/* A warm reset (vpcd control 2): clears the selected AP and EF but, as on
 * the real card, keeps a verified PIN until power-off. (Added.) */
void cardio_emu_reset(cardio_emu *e);
/* The persona's remove_after_apdu fault switch: the card is "pulled" after
 * answering this many APDUs; 0 means never. (Added.) */
unsigned cardio_emu_remove_after(const cardio_emu *e);
/* Answers one command APDU; returns the response length (data + SW). */
size_t cardio_emu_transmit(cardio_emu *e, const uint8_t *cmd, size_t cmdlen, uint8_t *resp,
                           size_t resplen);
/* Counters the tests read: APDUs seen and VERIFY commands carrying a PIN. */
unsigned cardio_emu_apdus(const cardio_emu *e);
unsigned cardio_emu_pin_verifies(const cardio_emu *e);
int cardio_emu_tries_left(const cardio_emu *e);

#endif
