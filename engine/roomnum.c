/*
 * A room number typed bare at the end of an address or a building name
 * (芝公園ハイツ402) and its spelling with 号室 (芝公園ハイツ402号室), the way
 * the 方書 of a certificate of residence usually writes a room. Typing 号室
 * through an input method costs as many keys as the room itself and more,
 * so the console offers it; the bare number stays possible as typed.
 */
#include "engine/internal.h"

#include <stdio.h>
#include <string.h>
#include <unistr.h>

/* Room numbers have at most this many digits (1204, 10015). */
#define ROOM_DIGITS_MAX 5

static bool
is_space(ucs4_t c)
{
	return c == ' ' || c == 0x3000;
}

/* The characters of s from the end: the one before byte offset at, and
 * where it starts; false at the start of s or on bad UTF-8. */
static bool
char_before(const char *s, size_t at, ucs4_t *c, size_t *start)
{
	const uint8_t *prev = u8_prev(c, (const uint8_t *)s + at, (const uint8_t *)s);
	if (!prev)
		return false;
	*start = (size_t)(prev - (const uint8_t *)s);
	return true;
}

static bool
ends_with(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);
	return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

/* Where the bare room number ending text starts, or 0 for none. The
 * number follows a name (ハイツ402, ハイツ 402); a number right after
 * another number, a separator of a shorthand (9-5-10), 番, 番地 or 丁目 is
 * part of the block number (123番地4), not a room. In an address the room
 * comes after a block number, so a number right after the town is none. */
static size_t
room_start(const char *text, bool in_address)
{
	size_t len = strlen(text), at = len, digits = 0, start;
	ucs4_t c;

	if (u8_check((const uint8_t *)text, len))
		return 0;
	while (char_before(text, at, &c, &start) && block_is_digit(c)) {
		at = start;
		digits++;
	}
	if (digits == 0 || digits > ROOM_DIGITS_MAX)
		return 0;
	size_t room = at;
	while (char_before(text, at, &c, &start) && is_space(c))
		at = start;
	if (at == 0 || !char_before(text, at, &c, &start) || block_is_digit(c) ||
	    ends_with(text, at, "番") || ends_with(text, at, "番地") || ends_with(text, at, "丁目"))
		return 0;
	if (block_is_separator(c)) {
		/* 9-5-10 and 5の10: a shorthand; センター402: a name */
		ucs4_t b;
		size_t bstart;
		if (char_before(text, start, &b, &bstart) && block_is_digit(b))
			return 0;
	}
	if (in_address && block_first_digit(text) >= text + at)
		return 0; /* the only number is the room's */
	return room;
}

bool
room_number_spelled(const char *text, bool in_address, char *out, size_t n)
{
	if (!text || room_start(text, in_address) == 0)
		return false;
	int w = snprintf(out, n, "%s号室", text);
	return w >= 0 && (size_t)w < n;
}

bool
room_number_shorthand_of(const char *text, bool in_address, char *out, size_t n)
{
	size_t len = text ? strlen(text) : 0;
	if (!ends_with(text ? text : "", len, "号室") || len - strlen("号室") >= n)
		return false;
	memcpy(out, text, len - strlen("号室"));
	out[len - strlen("号室")] = '\0';
	return room_start(out, in_address) > 0;
}

size_t
field_spellings(const field *fld, const char *typed, block_spelling *out, size_t max)
{
	if (!fld || !typed || max == 0)
		return 0;
	if (fld->block_number)
		return block_number_spellings(typed, out, max);
	if (fld->postal_lookup)
		return address_spellings(typed, out, max);
	if (fld->building && room_number_spelled(typed, false, out[0].text, sizeof out[0].text)) {
		out[0].lot = false;
		out[0].room_only = true;
		return 1;
	}
	return 0;
}

size_t
address_spellings(const char *address, block_spelling *out, size_t max)
{
	block_spelling blocks[3];
	size_t nb = address_block_spellings(address, blocks, 3), k = 0;

	if (nb == 0) {
		/* no block number typed short: the room alone */
		if (max > 0 &&
		    room_number_spelled(address, true, out[0].text, sizeof out[0].text)) {
			out[0].lot = false;
			out[0].room_only = true;
			return 1;
		}
		return 0;
	}
	for (size_t i = 0; i < nb; i++) {
		blocks[i].room_only = false;
		if (k < max &&
		    room_number_spelled(blocks[i].text, true, out[k].text, sizeof out[k].text)) {
			out[k].lot = blocks[i].lot;
			out[k++].room_only = false;
		}
		if (k < max)
			out[k++] = blocks[i];
	}
	return k;
}
