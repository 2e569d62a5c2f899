/*
 * The slice of BER-TLV the card files use: one- or two-byte tags (the
 * second byte when the low five bits of the first are all set) and the
 * short, 81 and 82 length forms. Every read is bounds-checked against
 * `end`, so a hostile buffer can only produce -1.
 */
#include "cardio/internal.h"

int
ber_header(const uint8_t *buf, size_t pos, size_t end, ber_tlv *out)
{
	size_t p = pos;

	if (p >= end)
		return -1;
	unsigned tag = buf[p++];
	if ((tag & 0x1F) == 0x1F) {
		if (p >= end)
			return -1;
		if (buf[p] & 0x80) /* three-byte tags: not used by these cards */
			return -1;
		tag = (tag << 8) | buf[p++];
	}
	if (p >= end)
		return -1;
	size_t len = buf[p++];
	if (len == 0x81) {
		if (p >= end)
			return -1;
		len = buf[p++];
	} else if (len == 0x82) {
		if (end - p < 2)
			return -1;
		len = ((size_t)buf[p] << 8) | buf[p + 1];
		p += 2;
	} else if (len > 0x7F) {
		return -1; /* 80 (indefinite) and 83+ are not used */
	}
	out->tag = tag;
	out->offset = pos;
	out->header_len = p - pos;
	out->len = len;
	out->value = buf + p;
	return 0;
}

int
ber_next(const uint8_t *buf, size_t pos, size_t end, ber_tlv *out)
{
	if (ber_header(buf, pos, end, out) != 0)
		return -1;
	size_t vstart = pos + out->header_len;
	if (out->len > end - vstart)
		return -1;
	return 0;
}

size_t
ber_put_header(uint8_t *out, unsigned tag, size_t len)
{
	size_t n = 0;

	if (tag > 0xFF)
		out[n++] = (uint8_t)(tag >> 8);
	out[n++] = (uint8_t)tag;
	if (len < 0x80) {
		out[n++] = (uint8_t)len;
	} else if (len <= 0xFF) {
		out[n++] = 0x81;
		out[n++] = (uint8_t)len;
	} else if (len <= 0xFFFF) {
		out[n++] = 0x82;
		out[n++] = (uint8_t)(len >> 8);
		out[n++] = (uint8_t)len;
	} else {
		return 0;
	}
	return n;
}
