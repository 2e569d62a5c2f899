/*
 * Bits packed most significant first into bytes, for the serialisation's
 * bit section (docs/handoff-format.md, "Bit section"): presence flags,
 * choices, dates and numbers take only the bits their range needs.
 */
#include "handoff/internal.h"

void
handoff_bits_put(handoff_bits *w, unsigned long long v, int nbits)
{
	for (int i = nbits - 1; i >= 0; i--) {
		if (w->nbits % 8 == 0)
			handoff_buf_putc(&w->buf, 0);
		if ((v >> i) & 1)
			w->buf.p[w->buf.len - 1] |= (unsigned char)(0x80u >> (w->nbits % 8));
		w->nbits++;
	}
}

int
handoff_bits_get(handoff_bit_reader *r, int nbits, unsigned long long *out)
{
	unsigned long long v = 0;
	if (nbits < 0 || nbits > 64 || (size_t)nbits > r->n * 8 - r->pos)
		return -1;
	for (int i = 0; i < nbits; i++, r->pos++)
		v = v << 1 | ((r->p[r->pos / 8] >> (7 - r->pos % 8)) & 1u);
	*out = v;
	return 0;
}

int
handoff_bits_for(unsigned long long n)
{
	int k = 0;
	while (k < 64 && (1ull << k) < n)
		k++;
	return k;
}
