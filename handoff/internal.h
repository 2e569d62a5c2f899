/*
 * handoff internals shared by the files of the module: a growable byte
 * buffer, Base45, DEFLATE with the preset dictionary, the serialisation and
 * the error helper. Nothing here is part of the public contract.
 */
#ifndef YORISOI_HANDOFF_INTERNAL_H
#define YORISOI_HANDOFF_INTERNAL_H

#include <stddef.h>

#include "handoff/handoff.h"

/* Version byte of the envelope; it also names the serialisation, the text
 * code, the relationship terms and the dictionary (dict.c). Versions 1 and
 * 2 were drafts before any release: decoders refuse them as unknown. */
#define HANDOFF_FORMAT_VERSION 6
/* The oldest version still decoded: 4, which lacks the day the code was
 * made (5) and the one-byte katakana of kana fields (6). */
#define HANDOFF_FORMAT_OLDEST 4
/* Flags byte (docs/handoff-format.md, "Envelope"). */
#define HANDOFF_FLAG_SIGNED 0x01
#define HANDOFF_FLAG_SEALED 0x02
#define HANDOFF_FLAG_PART   0x04
#define HANDOFF_FLAGS_KNOWN 0x07
/* The digits-only armour's prefix: "YR" as letter numbers 25 18, version 1. */
#define HANDOFF_DIGITS_PREFIX "25181"
#define HANDOFF_SIG_BYTES     64
#define HANDOFF_SEAL_BYTES    48 /* crypto_box_SEALBYTES */
#define HANDOFF_MAX_PARTS     16
#define HANDOFF_PART_HEADER   6 /* version, flags, set id (2), index, count */
/* Largest serialisation either side accepts (zip-bomb bound). */
#define HANDOFF_MAX_SERIAL (64 * 1024)
/* Alphanumeric characters in a version 40 symbol at ECC M. */
#define HANDOFF_MAX_TEXT 3391

/* ---- memory and bytes ---------------------------------------------- */

typedef struct handoff_buf {
	unsigned char *p;
	size_t len, cap;
} handoff_buf;

void handoff_buf_put(handoff_buf *b, const void *data, size_t n);
void handoff_buf_putc(handoff_buf *b, unsigned char c);
void handoff_buf_free(handoff_buf *b);

/* Removes a half-written output file, but only a regular file: the path
 * may be a device such as /dev/stdout. */
void handoff_remove_partial(const char *path);

/* Fills *err (when not NULL) and returns s. */
handoff_status handoff_fail(handoff_error *err, handoff_status s, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

/* ---- Base45 (RFC 9285) ------------------------------------------------ */

typedef enum b45_status {
	B45_OK = 0,
	B45_LOWERCASE, /* a letter a-z: the alphabet has upper case only */
	B45_BAD_CHAR,  /* any other character outside the alphabet */
	B45_BAD_GROUP, /* a group whose value is too large (> 65535, or > 255 for a pair) */
	B45_BAD_LENGTH /* a lone character at the end */
} b45_status;

/* Encodes n bytes; returns a malloc'd NUL-terminated string. */
char *handoff_b45_encode(const unsigned char *in, size_t n);
/* Decodes n characters into malloc'd *out (*outlen bytes). On error *out is
 * NULL and *where is the offset of the offending character or group. */
b45_status handoff_b45_decode(const char *in, size_t n, unsigned char **out, size_t *outlen,
                              size_t *where);

/* ---- DEFLATE with the preset dictionary -------------------------------- */

typedef enum zip_status {
	ZIP_OK = 0,
	ZIP_CORRUPT,   /* not valid DEFLATE */
	ZIP_TRUNCATED, /* the stream stops before its last block */
	ZIP_TRAILING,  /* bytes after the end of the stream */
	ZIP_TOO_BIG    /* inflates beyond the limit */
} zip_status;

/* The preset dictionary of a format version (dict.c): the text code of its
 * word list. */
const unsigned char *handoff_dict(int format, size_t *len);

/* Raw DEFLATE, level 9, with the format's dictionary; appends to out. */
void handoff_deflate(int format, const unsigned char *in, size_t n, handoff_buf *out);
/* Inflates with the format's dictionary into out, refusing more than limit
 * bytes. */
zip_status handoff_inflate(int format, const unsigned char *in, size_t n, size_t limit,
                           handoff_buf *out);

/* ---- the serialisation's parts: bits, text code, relationship terms --- */

/* Bits, most significant first (bits.c). */
typedef struct handoff_bits {
	handoff_buf buf;
	size_t nbits;
} handoff_bits;
typedef struct handoff_bit_reader {
	const unsigned char *p;
	size_t n, pos; /* bytes, and the next bit */
} handoff_bit_reader;
void handoff_bits_put(handoff_bits *w, unsigned long long v, int nbits);
/* -1 when fewer than nbits are left. */
int handoff_bits_get(handoff_bit_reader *r, int nbits, unsigned long long *out);
/* Bits for the values 0 .. n-1 (0 for n <= 1). */
int handoff_bits_for(unsigned long long n);

/* How a text is spelled (docs/handoff-format.md §4.4). */
typedef enum handoff_text_mode {
	TEXT_PLAIN,      /* any text that is not a kana field's */
	TEXT_KANA_SPACE, /* a kana field in formats 4 and 5: U+3000 is 0x20 */
	TEXT_KANA_BYTE   /* a kana field from format 6: U+3000 and katakana are one byte */
} handoff_text_mode;
/* The mode of a kana field's texts in that format. */
handoff_text_mode handoff_kana_mode(int format);

/* The text code (textcode.c) of n bytes of UTF-8, and its terminator is
 * the caller's; -1 on invalid UTF-8, NUL, or in a kana field U+0020 (and,
 * from format 6, any ASCII). */
int handoff_text_encode(const char *utf8, size_t n, handoff_text_mode mode, handoff_buf *out);
/* One terminated text from p[0..n) to UTF-8 in out (not terminated);
 * *used counts the terminator. -1 when malformed, unterminated or empty. */
int handoff_text_decode(const unsigned char *p, size_t n, size_t *used, handoff_text_mode mode,
                        handoff_buf *out);

/* 続柄 terms (relation.c): at most HANDOFF_RELATION_MAX terms a value. */
#define HANDOFF_RELATION_MAX  3
#define HANDOFF_RELATION_BITS 5
const char *handoff_relation_term(unsigned i); /* NULL past the table */
/* The term numbers of a relationship; 0 when the table cannot say it. */
int handoff_relation_numbers(const char *v, unsigned out[HANDOFF_RELATION_MAX]);

/* ---- armour, signature, seal, parts ------------------------------------ */

/* Key id: the first HANDOFF_KEYID_BYTES of SHA-256(public key). */
void handoff_key_id(const unsigned char pk[32], unsigned char id[HANDOFF_KEYID_BYTES]);

/* Envelope bytes to payload text in an armour (malloc'd). */
char *handoff_armour_text(const unsigned char *env, size_t n, handoff_armour a);
/* Payload text (trailing CR, LF, spaces already dropped: n) to envelope
 * bytes (malloc'd *env, at least 2 bytes). */
handoff_status handoff_unarmour(const char *text, size_t n, unsigned char **env, size_t *envlen,
                                handoff_error *err);
/* Largest text one code of `version` holds at ECC M in this armour. */
size_t handoff_capacity(int version, handoff_armour a);

/* The trusted keys with this id, one per call: the next from *pos on
 * (start at 0), or NULL. Key ids are short, so several keys may share one. */
const handoff_pubkey *handoff_keyring_next_with_id(const handoff_keyring *kr,
                                                   const unsigned char id[HANDOFF_KEYID_BYTES],
                                                   size_t *pos);

/* Appends key id and signature around body: out gets [key id][body][sig],
 * the signature covering version, flags, key id and body. */
void handoff_sign(unsigned char version, unsigned char flags, const handoff_desk_key *k,
                  const unsigned char *body, size_t n, handoff_buf *out);
/* Verifies inner = [key id][body][sig] against the trusted keys. Sets
 * the body and the verifying key (*who) on success. */
handoff_status handoff_verify_inner(unsigned char version, unsigned char flags,
                                    const unsigned char *inner, size_t n,
                                    const handoff_keyring *trusted, const unsigned char **body,
                                    size_t *bodylen, const handoff_pubkey **who,
                                    unsigned char key_id[HANDOFF_KEYID_BYTES], handoff_error *err);

/* Seals body from the desk to the city's X25519 key (seal.c, HPKE Auth):
 * appends [key id][enc][ciphertext]; -1 when the city key is unusable. */
int handoff_seal(unsigned char version, unsigned char flags, const handoff_desk_key *desk,
                 const unsigned char *body, size_t n, const unsigned char city_pk[32],
                 handoff_buf *out);
/* Opens in = [key id][enc][ciphertext] with the city's secret key and the
 * trusted desk keys of that id: the body (malloc'd) and the desk (*who). */
handoff_status handoff_unseal(unsigned char version, unsigned char flags, const unsigned char *in,
                              size_t n, const handoff_city_key *city,
                              const handoff_keyring *trusted, unsigned char **body, size_t *bodylen,
                              const handoff_pubkey **who, unsigned char key_id[HANDOFF_KEYID_BYTES],
                              handoff_error *err);

/* Splits an envelope into part envelopes whose armoured texts each fit
 * `cap` characters; returns the count (0 when 16 parts are not enough). */
size_t handoff_split(const unsigned char *env, size_t n, size_t cap, handoff_armour a,
                     handoff_buf parts[HANDOFF_MAX_PARTS]);
/* Joins part envelopes (any order) into the envelope. */
handoff_status handoff_join(unsigned char *const *parts, const size_t *lens, size_t nparts,
                            handoff_buf *env, handoff_origin *origin, handoff_error *err);

/* ---- serialisation ---------------------------------------------------- */

/* Finds the form of that id and version from the serialisation (in a
 * form_set, which may hold older versions, or one form); NULL when none. */
typedef const form *(*handoff_form_lookup)(const char *form_id, int version, const void *ctx);

/* Appends the compact serialisation (format HANDOFF_FORMAT_VERSION) of the
 * applicable answered fields; made is the day the code is made,
 * YYYY-MM-DD from 2000-01-01 to 2179-06-06. */
handoff_status handoff_serialize(const answers *a, const char *lang, const char *made,
                                 handoff_buf *out, handoff_error *err);
/* Parses a serialisation of format `format` (HANDOFF_FORMAT_OLDEST to
 * HANDOFF_FORMAT_VERSION) strictly and re-validates every value. made_out
 * (optional) gets the day the code was made, or "" when the format does
 * not carry it. */
handoff_status handoff_deserialize(const unsigned char *p, size_t n, int format,
                                   handoff_form_lookup find, const void *ctx, answers **out,
                                   char **lang_out, char made_out[11], handoff_error *err);

#endif
