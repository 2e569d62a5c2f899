/* Building EF 0002 bytes from persona values, for the emulator. */
#include "cardio/internal.h"

#include <string.h>

/* Appends one TLV at out[*pos]; returns its start offset. The caller has
 * checked the room. */
static size_t
put_tlv(uint8_t *out, size_t *pos, unsigned tag, const void *val, size_t len)
{
	size_t start = *pos;
	*pos += ber_put_header(out + *pos, tag, len);
	memcpy(out + *pos, val, len);
	*pos += len;
	return start;
}

static size_t
tlv_size(unsigned tag, size_t len)
{
	uint8_t hdr[8];
	size_t h = ber_put_header(hdr, tag, len);
	return h ? h + len : 0;
}

/*
 * Lays out the file as the real card does (docs/cards.md): FF20 { DF21 table,
 * DF22 name, DF23 address, DF24 birth, DF25 sex }, each length in its
 * shortest BER form, so contents over 127 bytes get 81/82 lengths. The
 * alphabet name, when given, follows as DF26 (emulator convention). Two
 * FF filler bytes end the physical file, as real EFs carry padding.
 */
size_t
cardio_basic4_build(const char *name, const char *address, const char *birth, const char *sex,
                    const char *name_alpha, uint8_t *out, size_t cap)
{
	size_t ln = strlen(name), la = strlen(address), lx = name_alpha ? strlen(name_alpha) : 0;
	size_t inner = tlv_size(0xDF21, 8) + tlv_size(0xDF22, ln) + tlv_size(0xDF23, la) +
	               tlv_size(0xDF24, 8) + tlv_size(0xDF25, 1) + (lx ? tlv_size(0xDF26, lx) : 0);
	uint8_t hdr[8];
	size_t h = ber_put_header(hdr, 0xFF20, inner);
	if (!h || h + inner + 2 > cap || h + inner > 0x7FFF)
		return 0;

	size_t pos = 0;
	memcpy(out, hdr, h);
	pos = h;
	size_t table = pos + 3; /* where DF21's 8 value bytes go */
	uint8_t zeros[8] = {0};
	put_tlv(out, &pos, 0xDF21, zeros, 8);
	size_t off[4];
	off[0] = put_tlv(out, &pos, 0xDF22, name, ln);
	off[1] = put_tlv(out, &pos, 0xDF23, address, la);
	off[2] = put_tlv(out, &pos, 0xDF24, birth, 8);
	off[3] = put_tlv(out, &pos, 0xDF25, sex, 1);
	if (lx)
		put_tlv(out, &pos, 0xDF26, name_alpha, lx);
	for (int k = 0; k < 4; k++) {
		out[table + 2 * k] = (uint8_t)(off[k] >> 8);
		out[table + 2 * k + 1] = (uint8_t)off[k];
	}
	out[pos++] = 0xFF;
	out[pos++] = 0xFF;
	return pos;
}
