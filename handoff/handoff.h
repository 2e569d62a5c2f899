/*
 * handoff — finished answers to a QR handoff code, and back.
 *
 * Payload text (docs/handoff-format.md): the ASCII prefix "YR1:" then
 * Base45 (RFC 9285) of a binary envelope: a format version byte, a flags
 * byte (bit 0 signed, bit 1 sealed: reserved for the signing issue), then
 * raw DEFLATE of the compact serialisation of the answers. All of the text
 * lies in the QR alphanumeric set, so it is encoded as one alphanumeric
 * segment at ECC level M with libqrencode.
 *
 * The decoder is strict: it tells a wrong prefix, bad Base45 (including
 * lower-case letters from a Caps-Lock scanner), a truncated or corrupt
 * body, an unknown version or an unknown form apart.
 *
 * No function prints or exits. Returned strings and qr structs belong to
 * the caller.
 */
#ifndef YORISOI_HANDOFF_H
#define YORISOI_HANDOFF_H

#include <stddef.h>

#include "engine/engine.h"

#define HANDOFF_PREFIX "YR1:"

typedef enum handoff_status {
	HANDOFF_OK = 0,
	HANDOFF_ERR_INCOMPLETE,   /* answers miss required fields */
	HANDOFF_ERR_TOO_LARGE,    /* does not fit one QR code */
	HANDOFF_ERR_PREFIX,       /* scanned text is not a Yorisoi code */
	HANDOFF_ERR_LOWERCASE,    /* lower-case letters: scanner Caps Lock or layout */
	HANDOFF_ERR_ENCODING,     /* characters outside Base45, or a bad Base45 group */
	HANDOFF_ERR_CORRUPT,      /* decompression or structure failed: truncated or altered */
	HANDOFF_ERR_VERSION,      /* a format version this build does not know */
	HANDOFF_ERR_UNKNOWN_FORM, /* the form id or version is not installed here */
	HANDOFF_ERR_INVALID,      /* a value fails the form's validation */
	HANDOFF_ERR_IO            /* writing a file failed */
} handoff_status;

typedef struct handoff_error {
	handoff_status status;
	char detail[256]; /* English detail for logs and the CLI */
} handoff_error;

/* Short English name of a status. */
const char *handoff_status_name(handoff_status s);

/* Encodes finished answers into the payload text (NUL-terminated ASCII). */
handoff_status handoff_encode(const answers *a, const char *lang, char **text_out,
			      handoff_error *err);

/* Sizes at each stage of an encoding, for the CLI and for measurements. */
typedef struct handoff_stats {
	size_t serial_bytes;   /* the compact serialisation */
	size_t deflate_bytes;  /* after raw DEFLATE with the preset dictionary */
	size_t envelope_bytes; /* version and flags bytes + DEFLATE */
	size_t text_chars;     /* the payload text, prefix included */
} handoff_stats;

/* handoff_encode, also filling *stats (when not NULL; also on
 * HANDOFF_ERR_TOO_LARGE, to say by how much). */
handoff_status handoff_encode_stats(const answers *a, const char *lang, char **text_out,
				    handoff_stats *stats, handoff_error *err);

/* Decodes scanned text (trailing CR, LF and spaces tolerated) into answers for the
 * matching form in `forms`; *lang_out (optional) gets the UI language. */
handoff_status handoff_decode(const char *scanned, const form_set *forms, answers **out,
			      char **lang_out, handoff_error *err);

/* ---- the QR symbol ------------------------------------------------------- */

typedef struct handoff_qr {
	int version; /* 1..40 */
	int width;   /* modules per side, without quiet zone */
	unsigned char *modules; /* width*width, 1 = dark */
} handoff_qr;

/* Builds the QR symbol for payload text: one alphanumeric segment, ECC M. */
handoff_status handoff_qr_make(const char *text, handoff_qr **out, handoff_error *err);
void handoff_qr_free(handoff_qr *q);

/*
 * Renders the symbol with a 4-module quiet zone as text lines for a
 * terminal: with utf8, two module rows per line using half blocks
 * (▀ ▄ █ and space, dark on light); otherwise ASCII "##" per dark module,
 * one row per line. Returns a malloc'd array of malloc'd lines and sets
 * *nlines and *cols (display columns per line).
 */
char **handoff_qr_render_text(const handoff_qr *q, int utf8, size_t *nlines, int *cols);
void handoff_qr_free_lines(char **lines, size_t nlines);

/* Writes a PNG with `scale` pixels per module and a 4-module quiet zone. */
handoff_status handoff_qr_write_png(const handoff_qr *q, const char *path, int scale,
				    handoff_error *err);

/* Writes an SVG with a 4-module quiet zone. */
handoff_status handoff_qr_write_svg(const handoff_qr *q, const char *path, handoff_error *err);

#endif
