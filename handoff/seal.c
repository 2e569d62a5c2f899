/*
 * Sealing to the city (docs/handoff-format.md, "Seal"): a libsodium sealed
 * box (X25519 + XSalsa20-Poly1305 with an ephemeral key, 48 bytes more)
 * to the city's box public key. Whoever finds a lost slip learns nothing;
 * only the counter holding the city's secret key opens it. The city
 * publishes a dedicated X25519 key rather than converting an Ed25519 one,
 * so the signing keys of desks and the city's decryption key stay apart.
 */
#include "handoff/internal.h"

#include <sodium.h>
#include <stdlib.h>

void
handoff_seal(const unsigned char *in, size_t n, const unsigned char city_pk[32], handoff_buf *out)
{
	unsigned char *c = eng_xmalloc(n + crypto_box_SEALBYTES);
	if (sodium_init() < 0 || crypto_box_seal(c, in, n, city_pk) != 0)
		abort();
	handoff_buf_put(out, c, n + crypto_box_SEALBYTES);
	free(c);
}

handoff_status
handoff_unseal(const unsigned char *in, size_t n, const handoff_city_key *city, unsigned char **out,
               size_t *outlen, handoff_error *err)
{
	unsigned char *m;

	*out = NULL;
	if (!city || !city->has_sk)
		return handoff_fail(err, HANDOFF_ERR_SEALED,
		                    "the code is sealed to the city and no city key was given");
	if (sodium_init() < 0)
		abort();
	if (n <= crypto_box_SEALBYTES)
		return handoff_fail(err, HANDOFF_ERR_UNSEAL, "the sealed box is cut off");
	m = eng_xmalloc(n - crypto_box_SEALBYTES);
	if (crypto_box_seal_open(m, in, n, city->pk, city->sk) != 0) {
		free(m);
		return handoff_fail(err, HANDOFF_ERR_UNSEAL,
		                    "the seal does not open with this city key (wrong key, or the "
		                    "code was altered or cut off)");
	}
	*out = m;
	*outlen = n - crypto_box_SEALBYTES;
	return HANDOFF_OK;
}
