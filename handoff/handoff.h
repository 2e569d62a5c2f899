/*
 * handoff — finished answers to a QR handoff code a counter can trust, and
 * back (docs/handoff-format.md is the specification).
 *
 * Payload text: "YR1:" + Base45, or the digits-only "25181" + digits, of an
 * envelope: version byte (3), flags (signed, sealed, part), then the raw
 * DEFLATE (with the version's preset dictionary) of the compact
 * serialisation of the answers (a bit section for presence, choices,
 * dates and numbers, then the texts in a two-byte-per-kanji code), signed with the desk's Ed25519
 * key (key id
 * + signature) and, when the city's X25519 box key is configured, sealed
 * to it. One code at ECC M in one alphanumeric (numeric) segment; 2..16
 * numbered parts only when one code of the allowed version is not enough.
 *
 * The decoder is strict and total: it tells a wrong prefix, lower-case
 * letters (Caps Lock), bad armour, missing or mixed parts, a sealed code
 * without (or with the wrong) city key, an unknown desk, an altered code, a
 * truncated or corrupt body, an unknown version or form, and invalid
 * answers apart.
 *
 * keys.c manages the key files, summary.c the clerk's Japanese summary,
 * slip.c the printed slip (Cairo/Pango), print.c CUPS. No function prints
 * or exits; handoff/ has no words of its own (the slip takes the caller's
 * translated strings). Returned strings and structs belong to the caller.
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
	HANDOFF_ERR_IO,           /* writing a file failed */
	HANDOFF_ERR_UNSIGNED,     /* the code carries no signature */
	HANDOFF_ERR_UNKNOWN_DESK, /* signed by a desk whose key is not trusted here */
	HANDOFF_ERR_SIGNATURE,    /* the signature does not match: altered */
	HANDOFF_ERR_SEALED,       /* sealed to the city, and no city key was given */
	HANDOFF_ERR_UNSEAL,       /* the seal does not open: wrong city key, or altered */
	HANDOFF_ERR_PARTS,        /* parts of a multi-part code are missing */
	HANDOFF_ERR_PARTS_MIXED,  /* parts of different applications, or one part twice */
	HANDOFF_ERR_KEYFILE,      /* a key file is missing, unreadable or malformed */
	HANDOFF_ERR_KEY_EXISTS,   /* keys init: a desk key exists already */
	HANDOFF_ERR_SLIP,         /* the slip could not be drawn or printed */
	HANDOFF_ERR_LAYOUT /* a paper layout is missing or wrong, or its form could not be drawn */
} handoff_status;

typedef struct handoff_error {
	handoff_status status;
	char detail[256]; /* English detail for logs and the CLI */
} handoff_error;

/* Short English name of a status. */
const char *handoff_status_name(handoff_status s);

/* Sizes at each stage of an encoding, for the CLI and for measurements. */
typedef struct handoff_stats {
	size_t serial_bytes;   /* the compact serialisation */
	size_t deflate_bytes;  /* after raw DEFLATE with the preset dictionary */
	size_t envelope_bytes; /* version and flags bytes + DEFLATE */
	size_t text_chars;     /* the payload text, prefix included */
} handoff_stats;

/* ---- keys (keys.c; docs/handoff-format.md, "Keys") -------------------- */

#define HANDOFF_KEYID_BYTES 4
#define HANDOFF_NAME_MAX    128

/* A desk's signing key: Ed25519 (libsodium). Wipe with handoff_desk_key_wipe. */
typedef struct handoff_desk_key {
	unsigned char pk[32];
	unsigned char sk[64];
	unsigned char id[HANDOFF_KEYID_BYTES]; /* first bytes of SHA-256(pk) */
	char name[HANDOFF_NAME_MAX];           /* the desk's name, UTF-8, may be empty */
} handoff_desk_key;

/* A desk public key the counter trusts. */
typedef struct handoff_pubkey {
	unsigned char pk[32];
	unsigned char id[HANDOFF_KEYID_BYTES];
	char name[HANDOFF_NAME_MAX];
} handoff_pubkey;

/* The public keys read from trusted-keys files. */
typedef struct handoff_keyring {
	handoff_pubkey *keys;
	size_t n;
} handoff_keyring;

/* The city's X25519 box key pair; sk is all zero when only the public half is known. */
typedef struct handoff_city_key {
	unsigned char pk[32];
	unsigned char sk[32];
	int has_sk;
	char name[HANDOFF_NAME_MAX];
} handoff_city_key;

/* Creates a new desk key at path, mode 0600, atomically and never
 * over an existing one (HANDOFF_ERR_KEY_EXISTS). */
handoff_status handoff_desk_key_create(const char *path, const char *name, handoff_desk_key *k,
                                       handoff_error *err);
/* Loads a desk secret key file. */
handoff_status handoff_desk_key_load(const char *path, handoff_desk_key *k, handoff_error *err);
void handoff_desk_key_wipe(handoff_desk_key *k);
/* The public half as a trusted key. */
void handoff_desk_key_public(const handoff_desk_key *k, handoff_pubkey *out);

/* "1A2B3C4D": the desk id (hex of the key id), 9 bytes with the NUL. */
void handoff_keyid_hex(const unsigned char id[HANDOFF_KEYID_BYTES], char out[9]);
/* SHA-256 of the public key as 16 groups of 4 hex digits, 80 bytes with the NUL. */
void handoff_fingerprint(const unsigned char pk[32], char out[80]);

/* The export text of a public key (malloc'd), the format counters import. */
char *handoff_pubkey_export(const handoff_pubkey *k);
/* Appends every desk public key of a trusted-keys file to kr. A desk
 * secret key file is accepted too (its public half is trusted). */
handoff_status handoff_keyring_add_file(handoff_keyring *kr, const char *path, handoff_error *err);
void handoff_keyring_add(handoff_keyring *kr, const handoff_pubkey *k);
void handoff_keyring_free(handoff_keyring *kr);

/* City box keys: a new pair written to two files (secret 0600); loading a
 * public file, or a secret file (which gives both halves). */
handoff_status handoff_city_key_create(const char *secret_path, const char *public_path,
                                       const char *name, handoff_error *err);
handoff_status handoff_city_key_load(const char *path, handoff_city_key *k, handoff_error *err);
char *handoff_city_public_export(const handoff_city_key *k);
void handoff_city_key_wipe(handoff_city_key *k);

/* ---- encoding and decoding with explicit keys --------------------------- */

typedef enum handoff_armour {
	HANDOFF_ARMOUR_BASE45 = 0, /* "YR1:" + Base45, QR alphanumeric mode */
	HANDOFF_ARMOUR_DIGITS      /* "25181" + 5 digits per 2 bytes, QR numeric mode */
} handoff_armour;

typedef struct handoff_encode_opts {
	const handoff_desk_key *desk; /* signs; NULL only for tests and the spec */
	const unsigned char *city_pk; /* 32-byte X25519 box key: sealed; NULL: not */
	handoff_armour armour;
	int max_version;  /* largest QR version per code (ECC M); 0 = 40 */
	const char *made; /* the day the code is made, YYYY-MM-DD; NULL: today */
} handoff_encode_opts;

/* One or more codes of one application; free with handoff_codes_free. */
typedef struct handoff_codes {
	size_t n;    /* 1, or 2..16 parts when one code of max_version is not enough */
	char **text; /* payload texts */
	handoff_stats stats;
} handoff_codes;

handoff_status handoff_encode_with(const answers *a, const char *lang, const handoff_encode_opts *o,
                                   handoff_codes *out, handoff_error *err);
void handoff_codes_free(handoff_codes *c);

typedef struct handoff_verify {
	const handoff_keyring *trusted; /* desks whose signature is accepted */
	const handoff_city_key *city;   /* with sk: opens sealed codes */
	int allow_unsigned;             /* accept unsigned codes (tests, fuzzing) */
} handoff_verify;

/* What the decoder learnt about a code besides the answers. */
typedef struct handoff_origin {
	int is_signed, sealed;
	unsigned char key_id[HANDOFF_KEYID_BYTES];
	const handoff_pubkey *desk; /* the trusted key that verified it (borrowed) */
	int format;                 /* the code's format version (4 or 5) */
	char made[11];              /* the day the desk made it, or "" (format 4) */
	size_t parts_total;         /* 1 for a single code */
	size_t parts_have;          /* on HANDOFF_ERR_PARTS: how many distinct parts were read */
	unsigned parts_missing;     /* on HANDOFF_ERR_PARTS: bit i set = part i+1 missing */
} handoff_origin;

/*
 * Decodes `nscans` scanned texts, which are one single code or the parts of
 * one multi-part code in any order, verifies the signature against
 * v->trusted, opens the seal with v->city and checks the answers against
 * `forms`. Every layer reports its own status (handoff_status); origin
 * (optional) is filled as far as the decoder got.
 */
handoff_status handoff_decode_with(const char *const *scans, size_t nscans, const form_set *forms,
                                   const handoff_verify *v, answers **out, char **lang_out,
                                   handoff_origin *origin, handoff_error *err);

/* ---- the Japanese summary for the clerk (summary.c) -------------------- */

/* One line of the summary: the form's official term and the value as the
 * paper form shows it (choice terms, 和暦 dates). */
typedef struct handoff_row {
	const char *section; /* msgid of the section heading, or NULL (borrowed) */
	const char *group;   /* repeat_term of the field's repeat (異動者), or NULL */
	int instance;        /* 0-based instance inside the repeat; 0 outside */
	const char *term;    /* borrowed from the form */
	char *value;         /* malloc'd */
} handoff_row;

/* The applicable answered fields in definition order, repeats instance by
 * instance. */
handoff_row *handoff_summary_rows(const answers *a, size_t *n);
void handoff_summary_free(handoff_row *rows, size_t n);

/* ---- the QR symbol ------------------------------------------------------- */

typedef struct handoff_qr {
	int version;            /* 1..40 */
	int width;              /* modules per side, without quiet zone */
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

/* Builds the symbol for a payload in either armour: alphanumeric mode for
 * "YR1:" texts, numeric mode for digits-only texts. ECC M. */
handoff_status handoff_qr_make_any(const char *text, handoff_qr **out, handoff_error *err);

/* ---- the printed slip (slip.c) ------------------------------------------ */

typedef enum handoff_paper { HANDOFF_PAPER_A4 = 0, HANDOFF_PAPER_RECEIPT80 } handoff_paper;

/* One line of the resident's part: a translated label and the value shown
 * in the resident's language (both the caller's). */
typedef struct handoff_slip_line {
	const char *label;
	const char *value;
} handoff_slip_line;

/*
 * Everything the slip prints besides data from the form: the module has no
 * words of its own. The caller (tui/) translates with gettext; the Japanese
 * headings for the clerk are fixed Japanese given by the caller too.
 */
typedef struct handoff_slip_text {
	const char *lang;             /* resident's language tag, picks CJK glyph variants */
	const char *font;             /* fonts for the resident's part (a Pango font family
	                               * list), or NULL: chosen from lang */
	const char *title_local;      /* the procedure in the resident's language */
	const char *clerk_heading;    /* Japanese, e.g. 窓口の方へ（申請内容） */
	const char *resident_heading; /* e.g. "Your answers" */
	const char *bring_heading;    /* e.g. "What to bring to the counter" */
	const char *const *bring;     /* items to bring, translated */
	size_t nbring;
	const char *date_label;         /* e.g. "Date / 作成日" */
	const char *desk_label;         /* e.g. "Help desk / 作成窓口" */
	const char *date_text;          /* the date as shown, e.g. 令和8年11月23日 */
	const char *footer;             /* e.g. "Show this code at the counter" */
	const char *part_format;        /* with one %zu for the part and one for the total,
	                                 * e.g. "Code %zu of %zu"; used when codes->n > 1 */
	const handoff_slip_line *lines; /* resident's part */
	size_t nlines;
} handoff_slip_text;

/*
 * Draws the slip for encoded codes: A4 or an 80 mm receipt, with each QR at
 * 0.5 mm per module or more and its quiet zone, the procedure name in
 * Japanese (form_title) and the resident's language, the date, the desk
 * (name and id), the clerk's summary from handoff_summary_rows(), the
 * resident's lines and what to bring. Writes a PDF when pdf_path and a PNG
 * (png_dpi, e.g. 200) when png_path; either may be NULL.
 */
handoff_status handoff_slip_write(const answers *a, const handoff_codes *codes,
                                  const handoff_desk_key *desk, const handoff_slip_text *t,
                                  handoff_paper paper, const char *pdf_path, const char *png_path,
                                  int png_dpi, handoff_error *err);

/* Sends a PDF to a CUPS printer with `lp -d PRINTER FILE`; waits for lp. */
handoff_status handoff_slip_print(const char *printer, const char *pdf_path, handoff_error *err);

/* Whether a CUPS queue can take a slip now, asked of `lpstat`. */
typedef enum handoff_printer_state {
	HANDOFF_PRINTER_READY,
	HANDOFF_PRINTER_NO_LPSTAT,    /* the CUPS client commands are not installed */
	HANDOFF_PRINTER_NO_SCHEDULER, /* the CUPS service is not running or not reachable */
	HANDOFF_PRINTER_UNKNOWN,      /* CUPS has no queue of that name */
	HANDOFF_PRINTER_DISABLED      /* the queue exists but is stopped */
} handoff_printer_state;
handoff_printer_state handoff_printer_check(const char *printer);

/* The first font family of the slip's list for a language tag that this
 * machine's fontconfig does not have, or NULL when the slip's own font for
 * that language is installed. */
const char *handoff_slip_font_missing(const char *lang);

/* ---- the filled-in official form (paper_layout.c, paper.c) ------------- */

/* A form's paper layout: forms/paper/<form id>.xml (paper.rng). */
typedef struct handoff_layout handoff_layout;

/* Loads and checks the layout at path, or (path NULL) the one beside the
 * form's file: paper/<form id>.xml. HANDOFF_ERR_LAYOUT with "file:line:
 * what" in err->detail when it is missing or wrong. */
handoff_status handoff_layout_load(const form *f, const char *path, handoff_layout **out,
                                   handoff_error *err);
void handoff_layout_free(handoff_layout *l);
const char *handoff_layout_path(const handoff_layout *l);

/* The clerk's cover sheet before the form: a title, label/value lines and
 * lists under headings (related procedures, characters to confirm). All
 * words are the caller's. */
typedef struct handoff_cover_list {
	const char *heading;
	const char *const *items;
	size_t nitems;
	const char *empty; /* shown when nitems is 0, or NULL to leave the list out */
} handoff_cover_list;

typedef struct handoff_cover {
	const char *title;
	const handoff_slip_line *lines;
	size_t nlines;
	const handoff_cover_list *lists;
	size_t nlists;
} handoff_cover;

/* Writes the answers as the filled-in official form on A4 to a PDF, after
 * the cover sheet when cover is not NULL. Dates are 和暦 with the era
 * circled where the layout says so, choices by their terms (or all terms
 * with the chosen circled), signature boxes empty. Text that does not fit
 * its box is set smaller, never cut. */
handoff_status handoff_form_write_pdf(const answers *a, const handoff_layout *l,
                                      const handoff_cover *cover, const char *pdf_path,
                                      handoff_error *err);

#endif
