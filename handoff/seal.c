/*
 * Sealing from the desk to the city (docs/handoff-format.md §7): one HPKE
 * (RFC 9180) message in Auth mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256,
 * ChaCha20-Poly1305 (hpke.c). The sender key is the desk's own key: its
 * Ed25519 signing key as X25519 (libsodium's birational map), so counters
 * that trust a desk's public key already hold what they need. The
 * recipient is the city's dedicated X25519 box key. Opening proves the desk
 * (only the holder of its secret key or of the city's could have made the
 * message) and hides the answers from everyone else, in 52 bytes: the key
 * id, the encapsulated key and the tag, against 68 for a signature alone.
 */
#include "handoff/hpke.h"
#include "handoff/internal.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

/* HPKE's info: binds the key schedule to this use and this format. */
static const char seal_info[] = "yorisoi handoff 4";

/* The additional data: the envelope's version, flags and key id, so that
 * none of them can be changed without the message failing to open. */
static void
seal_aad(unsigned char version, unsigned char flags, const unsigned char id[HANDOFF_KEYID_BYTES],
         unsigned char aad[2 + HANDOFF_KEYID_BYTES])
{
	aad[0] = version;
	aad[1] = flags;
	memcpy(aad + 2, id, HANDOFF_KEYID_BYTES);
}

int
handoff_seal(unsigned char version, unsigned char flags, const handoff_desk_key *desk,
             const unsigned char *body, size_t n, const unsigned char city_pk[32], handoff_buf *out)
{
	unsigned char skS[HPKE_SK], enc[HPKE_ENC], aad[2 + HANDOFF_KEYID_BYTES];
	unsigned char *ct = eng_xmalloc(n + HPKE_TAG);

	if (sodium_init() < 0 || crypto_sign_ed25519_sk_to_curve25519(skS, desk->sk) != 0)
		abort();
	seal_aad(version, flags, desk->id, aad);
	/* fails only for a city "key" of small order, whose X25519 output is
	 * all zero (RFC 9180 §7.1.4): no key at all */
	int rc = hpke_seal(city_pk, skS, (const unsigned char *)seal_info, sizeof seal_info - 1,
	                   aad, sizeof aad, body, n, enc, ct);
	sodium_memzero(skS, sizeof skS);
	if (rc == 0) {
		handoff_buf_put(out, desk->id, HANDOFF_KEYID_BYTES);
		handoff_buf_put(out, enc, sizeof enc);
		handoff_buf_put(out, ct, n + HPKE_TAG);
	}
	free(ct);
	return rc;
}

handoff_status
handoff_unseal(unsigned char version, unsigned char flags, const unsigned char *in, size_t n,
               const handoff_city_key *city, const handoff_keyring *trusted, unsigned char **body,
               size_t *bodylen, const handoff_pubkey **who,
               unsigned char key_id[HANDOFF_KEYID_BYTES], handoff_error *err)
{
	unsigned char aad[2 + HANDOFF_KEYID_BYTES], pkS[HPKE_PK];
	int candidates = 0;
	char hex[9];

	*body = NULL;
	*who = NULL;
	if (sodium_init() < 0)
		abort();
	if (n < HANDOFF_KEYID_BYTES + HPKE_ENC + HPKE_TAG + 1)
		return handoff_fail(err, HANDOFF_ERR_CORRUPT, "the sealed envelope is cut off");
	memcpy(key_id, in, HANDOFF_KEYID_BYTES);
	if (!city || !city->has_sk)
		return handoff_fail(err, HANDOFF_ERR_SEALED,
		                    "the code is sealed to the city and no city key was given");
	const unsigned char *enc = in + HANDOFF_KEYID_BYTES, *ct = enc + HPKE_ENC;
	size_t ctlen = n - HANDOFF_KEYID_BYTES - HPKE_ENC, mlen = ctlen - HPKE_TAG;
	unsigned char *m = eng_xmalloc(mlen);
	seal_aad(version, flags, key_id, aad);
	const handoff_pubkey *k;
	for (size_t pos = 0; !*who && (k = handoff_keyring_next_with_id(trusted, key_id, &pos));) {
		candidates++;
		if (crypto_sign_ed25519_pk_to_curve25519(pkS, k->pk) != 0)
			continue; /* not a point a desk key can be */
		if (hpke_open(enc, city->sk, pkS, (const unsigned char *)seal_info,
		              sizeof seal_info - 1, aad, sizeof aad, ct, ctlen, m) == 0)
			*who = k;
	}
	if (*who) {
		*body = m;
		*bodylen = mlen;
		return HANDOFF_OK;
	}
	free(m);
	handoff_keyid_hex(key_id, hex);
	if (candidates == 0)
		return handoff_fail(err, HANDOFF_ERR_UNKNOWN_DESK,
		                    "sealed by desk %s, which is not among the %zu trusted key(s)",
		                    hex, trusted ? trusted->n : 0);
	return handoff_fail(err, HANDOFF_ERR_UNSEAL,
	                    "the code of desk %s does not open with this city key (another "
	                    "city's code, or altered or cut off)",
	                    hex);
}
