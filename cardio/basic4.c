/*
 * Parsing EF 0002 of the text AP, the 基本4情報 (docs/cards.md): an FF20
 * template holding DF21 (offset table), DF22 name, DF23 address, DF24
 * birth date, DF25 sex. We parse by tag, cross-check the offset table
 * against where the TLVs really start, reject anything malformed (never
 * repair or replace bytes) and tolerate 00/FF filler after the template.
 * DF26 is the emulator's place for the alphabet name (docs/cards.md);
 * no source shows where a real card keeps one.
 */
#include "cardio/internal.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

enum { F_TABLE, F_NAME, F_ADDRESS, F_BIRTH, F_SEX, F_ALPHA, F_COUNT };

/* Copies a UTF-8 value into a C string field, or fails. */
static int
copy_text(const ber_tlv *t, char *dst, size_t cap, bool allow_empty)
{
	if (t->len >= cap || (!allow_empty && t->len == 0))
		return -1;
	if (!cardio_utf8_valid(t->value, t->len))
		return -1;
	memcpy(dst, t->value, t->len);
	dst[t->len] = '\0';
	return 0;
}

/* Splits the name at the first U+3000 (E3 80 80). A name without one (as
 * some foreign residents' names are) is all family name. */
static void
split_name(cardio_identity *out)
{
	const char *sp = strstr(out->name, "\xE3\x80\x80");
	if (!sp) {
		snprintf(out->family_name, sizeof out->family_name, "%s", out->name);
		out->given_name[0] = '\0';
		return;
	}
	size_t n = (size_t)(sp - out->name);
	memcpy(out->family_name, out->name, n);
	out->family_name[n] = '\0';
	snprintf(out->given_name, sizeof out->given_name, "%s", sp + 3);
}

cardio_status
cardio_parse_basic4(const uint8_t *buf, size_t len, cardio_identity *out, cardio_error *err)
{
	ber_tlv outer, field[F_COUNT];
	bool seen[F_COUNT] = {false};
	cardio_status st = CARDIO_OK;

	cardio_error_clear(err);
	sodium_memzero(out, sizeof *out);
	if (!buf || ber_next(buf, 0, len, &outer) != 0) {
		st = cardio_fail(err, CARDIO_ERR_BAD_DATA, 0, 0, "EF 0002: truncated or malformed");
		goto out;
	}
	if (outer.tag != 0xFF20) {
		st = cardio_fail(err, CARDIO_ERR_BAD_DATA, 0, 0, "EF 0002: tag %X, not FF20",
		                 outer.tag);
		goto out;
	}
	size_t end = outer.header_len + outer.len;
	for (size_t i = end; i < len; i++) {
		if (buf[i] != 0x00 && buf[i] != 0xFF) {
			st = cardio_fail(err, CARDIO_ERR_BAD_DATA, 0, 0,
			                 "EF 0002: unexpected bytes after the template");
			goto out;
		}
	}

	for (size_t pos = outer.header_len; pos < end;) {
		ber_tlv t;
		if (ber_next(buf, pos, end, &t) != 0) {
			st = cardio_fail(err, CARDIO_ERR_BAD_DATA, 0, 0,
			                 "EF 0002: malformed field at offset %zu", pos);
			goto out;
		}
		int f = -1;
		switch (t.tag) {
		case 0xDF21:
			f = F_TABLE;
			break;
		case 0xDF22:
			f = F_NAME;
			break;
		case 0xDF23:
			f = F_ADDRESS;
			break;
		case 0xDF24:
			f = F_BIRTH;
			break;
		case 0xDF25:
			f = F_SEX;
			break;
		case 0xDF26:
			f = F_ALPHA;
			break;
		default:
			break; /* unknown fields are skipped */
		}
		if (f >= 0) {
			if (seen[f]) {
				st = cardio_fail(err, CARDIO_ERR_BAD_DATA, 0, 0,
				                 "EF 0002: tag %X twice", t.tag);
				goto out;
			}
			seen[f] = true;
			field[f] = t;
		}
		pos = t.offset + t.header_len + t.len;
	}
	for (int f = F_TABLE; f <= F_SEX; f++) {
		if (!seen[f]) {
			st = cardio_fail(err, CARDIO_ERR_BAD_DATA, 0, 0,
			                 "EF 0002: tag DF%X missing", 0x21 + f);
			goto out;
		}
	}

	/* The table holds four big-endian offsets from the start of the file. */
	if (field[F_TABLE].len != 8) {
		st = cardio_fail(err, CARDIO_ERR_BAD_DATA, 0, 0, "EF 0002: offset table length %zu",
		                 field[F_TABLE].len);
		goto out;
	}
	for (int k = 0; k < 4; k++) {
		const uint8_t *v = field[F_TABLE].value + 2 * k;
		size_t off = ((size_t)v[0] << 8) | v[1];
		if (off != field[F_NAME + k].offset) {
			st = cardio_fail(err, CARDIO_ERR_BAD_DATA, 0, 0,
			                 "EF 0002: offset table entry %d is %zu, field is at %zu",
			                 k, off, field[F_NAME + k].offset);
			goto out;
		}
	}

	if (copy_text(&field[F_NAME], out->name, sizeof out->name, false) != 0 ||
	    copy_text(&field[F_ADDRESS], out->address, sizeof out->address, false) != 0 ||
	    (seen[F_ALPHA] &&
	     copy_text(&field[F_ALPHA], out->name_alpha, sizeof out->name_alpha, true) != 0)) {
		st = cardio_fail(err, CARDIO_ERR_BAD_DATA, 0, 0,
		                 "EF 0002: name or address is empty, too long or not UTF-8");
		goto out;
	}
	split_name(out);

	const ber_tlv *b = &field[F_BIRTH];
	if (b->len != 8 || !cardio_birth_valid((const char *)b->value)) {
		st = cardio_fail(err, CARDIO_ERR_BAD_DATA, 0, 0, "EF 0002: bad birth date");
		goto out;
	}
	const char *d = (const char *)b->value;
	snprintf(out->birth, sizeof out->birth, "%.4s-%.2s-%.2s", d, d + 4, d + 6);

	const ber_tlv *x = &field[F_SEX];
	if (x->len != 1 || !cardio_sex_valid((char)x->value[0])) {
		st = cardio_fail(err, CARDIO_ERR_BAD_DATA, 0, 0, "EF 0002: bad sex code");
		goto out;
	}
	out->sex[0] = (char)x->value[0];
	out->sex[1] = '\0';
	cardio_address_normalize(out->address, out->address_normalized,
	                         sizeof out->address_normalized);
	cardio_fingerprint(buf, end, out->fingerprint);

out:
	if (st != CARDIO_OK)
		sodium_memzero(out, sizeof *out);
	return st;
}
