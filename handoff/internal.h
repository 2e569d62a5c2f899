/*
 * handoff internals shared by the files of the module: a growable byte
 * buffer, Base45, DEFLATE with the preset dictionary, the serialisation and
 * the error helper. Nothing here is part of the public contract.
 */
#ifndef YORISOI_HANDOFF_INTERNAL_H
#define YORISOI_HANDOFF_INTERNAL_H

#include <stddef.h>

#include "handoff/handoff.h"

/* Version byte of the envelope; it also names the dictionary (dict.c). */
#define HANDOFF_FORMAT_VERSION 1
/* Flags byte: bits the signing issue will give a meaning. */
#define HANDOFF_FLAG_SIGNED 0x01
#define HANDOFF_FLAG_SEALED 0x02
/* Largest serialisation either side accepts (zip-bomb bound). */
#define HANDOFF_MAX_SERIAL (64 * 1024)
/* Alphanumeric characters in a version 40 symbol at ECC M. */
#define HANDOFF_MAX_TEXT 3391

/* ---- memory and bytes ---------------------------------------------- */

/* Out of memory is not a recoverable error here: these abort. */
void *handoff_xmalloc(size_t n);
void *handoff_xrealloc(void *p, size_t n);
char *handoff_xstrdup(const char *s);

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

/* The preset dictionary of format version 1 (dict.c). */
extern const unsigned char *const handoff_dict_v1;
extern const size_t handoff_dict_v1_len;

/* Raw DEFLATE, level 9, with the dictionary; appends to out. */
void handoff_deflate(const unsigned char *in, size_t n, handoff_buf *out);
/* Inflates with the dictionary into out, refusing more than limit bytes. */
zip_status handoff_inflate(const unsigned char *in, size_t n, size_t limit, handoff_buf *out);

/* ---- serialisation ---------------------------------------------------- */

/* Finds the form for an id from the serialisation (a form_set or one form). */
typedef const form *(*handoff_form_lookup)(const char *form_id, const void *ctx);

/* Appends the compact serialisation of the applicable answered fields. */
handoff_status handoff_serialize(const answers *a, const char *lang, handoff_buf *out,
                                 handoff_error *err);
/* Parses a serialisation strictly and re-validates every value. */
handoff_status handoff_deserialize(const unsigned char *p, size_t n, handoff_form_lookup find,
                                   const void *ctx, answers **out, char **lang_out,
                                   handoff_error *err);

#endif
