/*
 * cardio internals shared by the files of the module and by its unit tests.
 * Nothing here is part of the public contract in cardio/cardio.h.
 */
#ifndef YORISOI_CARDIO_INTERNAL_H
#define YORISOI_CARDIO_INTERNAL_H

#include "cardio/cardio.h"

#include <stdbool.h>

/* Largest response we accept from one exchange: 256 data bytes + SW, with
 * room for cards that ignore Le. */
#define CARDIO_RESP_MAX 1024

/* The My Number card's 券面事項入力補助AP ("text AP") and its files. */
extern const uint8_t cardio_text_ap_aid[10];
#define CARDIO_EF_MYNUMBER 0x0001 /* never selected by the reader */
#define CARDIO_EF_BASIC4   0x0002
#define CARDIO_EF_PIN      0x0011

/* Status words the reading code and the emulator both speak. */
enum {
	SW_OK = 0x9000,
	SW_EOF_WARNING = 0x6282,
	SW_WRONG_LENGTH = 0x6700,
	SW_SECURITY = 0x6982,
	SW_BLOCKED = 0x6984,
	SW_NO_CURRENT_EF = 0x6986,
	SW_NOT_FOUND = 0x6A82,
	SW_WRONG_P1P2 = 0x6A86,
	SW_OFFSET = 0x6B00,
	SW_INS = 0x6D00,
	SW_CLA = 0x6E00,
	SW_SELF_TEST = 0x6F00,
};

/*
 * A transport moves one command APDU to a card and brings the response
 * back (data + SW1 SW2 in resp, *resplen in/out). It returns CARDIO_OK or
 * an error status after filling err. close() powers the card down and
 * frees ctx. Two implementations: PC/SC (pcsc.c) and the in-process
 * emulator (emu_transport.c); tests add scripted ones.
 */
typedef struct cardio_transport {
	const char *name;
	cardio_status (*transmit)(void *ctx, const uint8_t *cmd, size_t cmdlen, uint8_t *resp,
	                          size_t *resplen, cardio_error *err);
	void (*close)(void *ctx);
} cardio_transport;

/* A session: a transport plus what the reading code knows of the card. */
struct cardio_session {
	const cardio_transport *t;
	void *ctx;
	unsigned apdus;
	uint16_t current_ef; /* 0 when none is selected */
	int tries_left;      /* from the last empty VERIFY; -1 unknown */
	bool tries_known;
	bool verified;
	char card_type[32];
	char reader[128];
};

/* Creates a session over a transport (takes ownership of ctx: closed by
 * cardio_close) and SELECTs the text AP, retrying once on 6F00. On failure
 * the transport is closed and *out stays NULL. */
cardio_status cardio_session_start(const cardio_transport *t, void *ctx, const char *card_type,
                                   const char *reader, cardio_session **out, cardio_error *err);

/* The emulator behind a demo session, or NULL for other transports. */
cardio_emu *cardio_session_emu(cardio_session *s);

/*
 * One exchange through the session: sends cmd, follows 61xx with GET
 * RESPONSE and 6Cxx by resending with the right Le, and returns the data
 * (without SW) in data[0..*datalen) and the final SW in *sw. Counts every
 * APDU sent. The internal response buffers are zeroed.
 */
cardio_status cardio_xfer(cardio_session *s, const uint8_t *cmd, size_t cmdlen, uint8_t *data,
                          size_t datacap, size_t *datalen, uint16_t *sw, cardio_error *err);

/* Fills err (if given) and returns status. */
cardio_status cardio_fail(cardio_error *err, cardio_status status, uint16_t sw, long pcsc_rc,
                          const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Resets err to "no error". */
void cardio_error_clear(cardio_error *err);

/* ---- BER-TLV (ber.c) ---- */

typedef struct ber_tlv {
	unsigned tag;         /* 1 or 2 bytes as read, e.g. 0xFF20, 0xDF22 */
	size_t offset;        /* where the TLV starts in the buffer */
	size_t header_len;    /* tag + length bytes */
	size_t len;           /* value length */
	const uint8_t *value; /* points into the buffer */
} ber_tlv;

/* Reads the header of the TLV at buf[pos..end). Returns 0 on success, -1
 * when the header is malformed or truncated. Does not check that the value
 * fits; ber_next() does. */
int ber_header(const uint8_t *buf, size_t pos, size_t end, ber_tlv *out);
/* Reads a whole TLV at buf[pos..end) (header and value within end). */
int ber_next(const uint8_t *buf, size_t pos, size_t end, ber_tlv *out);
/* Writes tag and a minimal-length header for a value of len bytes; returns
 * the header length (at most 5) or 0 if len does not fit in 82 form. */
size_t ber_put_header(uint8_t *out, unsigned tag, size_t len);

/* ---- checks shared by the parser and the persona reader ---- */

/* True when s[0..n) is well-formed UTF-8 without NUL, overlongs or
 * surrogates. */
bool cardio_utf8_valid(const uint8_t *s, size_t n);
/* True when d[0..8) is YYYYMMDD of a real Gregorian date. */
bool cardio_birth_valid(const char *d);
/* True for the card's sex codes 0, 1, 2, 9. */
bool cardio_sex_valid(char c);

/* ---- the emulator's EF 0002 builder and test hooks (emu.c) ---- */

/* Builds EF 0002 bytes (FF20 template, DF21 table, DF22-DF25, DF26 for the
 * alphabet name when given). Returns the length, 0 when it does not fit. */
size_t cardio_basic4_build(const char *name, const char *address, const char *birth,
                           const char *sex, const char *name_alpha, uint8_t *out, size_t cap);
/* Injected faults of the emulator (persona `fault = ...`, docs/cards.md). */
typedef enum cardio_fault {
	FAULT_NONE = 0,
	FAULT_REMOVE,       /* the card is pulled instead of answering */
	FAULT_GARBAGE,      /* the command runs; the answer is replaced by junk */
	FAULT_TRUNCATE,     /* the command runs; the answer loses its last byte */
	FAULT_SW,           /* the command does not run; the answer is just fault_sw */
	FAULT_SLOW,         /* the command runs; the answer comes fault_ms later */
	FAULT_NOT_MYNUMBER, /* from then on the text AP does not exist */
} cardio_fault;

/* A persona file, parsed (persona.c). */
typedef struct cardio_persona {
	char name[256];
	char name_alpha[256];
	char address[512];
	char birth[9];
	char sex[2];
	char mynumber[13];
	char pin[5];
	int pin_tries;              /* tries left at start, 0-3 */
	unsigned remove_after_apdu; /* 0: never */
	bool power_up_6f00;         /* first APDU after power-up answers 6F00 */
	cardio_fault fault;
	uint16_t fault_sw;      /* with FAULT_SW */
	unsigned fault_ms;      /* with FAULT_SLOW */
	unsigned fault_at_apdu; /* 1-based APDU the fault hits; 0: every APDU */
} cardio_persona;

/* Parses persona text; on error returns -1 and explains in why. The
 * caller wipes *p (it holds a PIN and a My Number). */
int cardio_persona_parse(const char *text, cardio_persona *p, char *why, size_t whylen);

/* How many times the emulator's EF with this FID was selected. */
unsigned cardio_emu_ef_selects(const cardio_emu *e, uint16_t fid);
/* The name of the fault injected into the last answer ("garbage", ...),
 * or NULL when that answer was the card's own. */
const char *cardio_emu_last_fault(const cardio_emu *e);
/* True once a `fault = remove` has pulled the card (cardio_emu_transmit
 * then answered 0 bytes). The card stays out. */
bool cardio_emu_pulled(const cardio_emu *e);

/* ---- what the parser derives (basic4_derive.c) ---- */

/* Writes the form copy of an address (cardio.h, address_normalized) into
 * out[0..cap). The input is valid UTF-8; so is the output, which is never
 * longer than the input. */
void cardio_address_normalize(const char *address, char *out, size_t cap);
/* Writes the session fingerprint of buf[0..len) as 32 hex digits + NUL. */
void cardio_fingerprint(const uint8_t *buf, size_t len, char out[33]);

#endif
