/*
 * The desk's signature (docs/handoff-format.md, "Signature"): Ed25519 over
 * the version byte, the flags byte, the key id and the DEFLATE body, so
 * that every bit a decoder acts on is covered. The key id in front lets a
 * counter that trusts many desks pick the key, and tell "a desk we do not
 * know" from "altered".
 */
#include "handoff/internal.h"

#include <sodium.h>
#include <string.h>

static void
signed_bytes(unsigned char version, unsigned char flags, const unsigned char *id,
             const unsigned char *body, size_t n, handoff_buf *m)
{
	handoff_buf_putc(m, version);
	handoff_buf_putc(m, flags);
	handoff_buf_put(m, id, HANDOFF_KEYID_BYTES);
	handoff_buf_put(m, body, n);
}

void
handoff_sign(unsigned char version, unsigned char flags, const handoff_desk_key *k,
             const unsigned char *body, size_t n, handoff_buf *out)
{
	handoff_buf m = {0};
	unsigned char sig[crypto_sign_BYTES];

	if (sodium_init() < 0)
		abort();
	signed_bytes(version, flags, k->id, body, n, &m);
	crypto_sign_detached(sig, NULL, m.p, m.len, k->sk);
	handoff_buf_put(out, k->id, HANDOFF_KEYID_BYTES);
	handoff_buf_put(out, body, n);
	handoff_buf_put(out, sig, sizeof sig);
	handoff_buf_free(&m);
}

/*
 * Every trusted key with the code's key id is tried (ids are short, two
 * desks may share one). No key with that id: HANDOFF_ERR_UNKNOWN_DESK. A
 * key with that id that does not verify: HANDOFF_ERR_SIGNATURE; the caller
 * may then look closer to tell a cut-off scan from an alteration.
 */
handoff_status
handoff_verify_inner(unsigned char version, unsigned char flags, const unsigned char *inner,
                     size_t n, const handoff_keyring *trusted, const unsigned char **body,
                     size_t *bodylen, const handoff_pubkey **who,
                     unsigned char key_id[HANDOFF_KEYID_BYTES], handoff_error *err)
{
	handoff_buf m = {0};
	int candidates = 0;
	char hex[9];

	if (sodium_init() < 0)
		abort();
	*who = NULL;
	if (n < HANDOFF_KEYID_BYTES + 1 + HANDOFF_SIG_BYTES)
		return handoff_fail(err, HANDOFF_ERR_CORRUPT, "the signed envelope is cut off");
	memcpy(key_id, inner, HANDOFF_KEYID_BYTES);
	*body = inner + HANDOFF_KEYID_BYTES;
	*bodylen = n - HANDOFF_KEYID_BYTES - HANDOFF_SIG_BYTES;
	signed_bytes(version, flags, key_id, *body, *bodylen, &m);
	const handoff_pubkey *k;
	for (size_t pos = 0; !*who && (k = handoff_keyring_next_with_id(trusted, key_id, &pos));) {
		candidates++;
		if (crypto_sign_verify_detached(inner + n - HANDOFF_SIG_BYTES, m.p, m.len, k->pk) ==
		    0)
			*who = k;
	}
	handoff_buf_free(&m);
	if (*who)
		return HANDOFF_OK;
	handoff_keyid_hex(key_id, hex);
	if (candidates == 0)
		return handoff_fail(err, HANDOFF_ERR_UNKNOWN_DESK,
		                    "signed by desk %s, which is not among the %zu trusted key(s)",
		                    hex, trusted ? trusted->n : 0);
	return handoff_fail(err, HANDOFF_ERR_SIGNATURE,
	                    "the signature of desk %s does not match the contents", hex);
}
