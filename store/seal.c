/*
 * Encryption of a draft's answers at rest.
 *
 * XChaCha20-Poly1305 (libsodium's crypto_aead_xchacha20poly1305_ietf): the
 * same cipher and 192-bit random nonce as secretbox's XSalsa20 cousin, so a
 * fresh random nonce per save is safe, plus real associated data. The
 * associated data names the draft id, the form id and the form version, so
 * a ciphertext copied into another row, or relabelled as another form, no
 * longer authenticates. (It cannot stop a whole older copy of the file
 * being put back: see docs/security.md.)
 */
#include "store/internal.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

/* "yorisoi-draft/1\n<id>\n<form id>\n<version>"; form ids never contain
 * newlines (store_draft_create refuses control characters). */
static int
seal_ad(char *ad, size_t n, int64_t id, const char *form_id, int form_version)
{
	int len =
	        snprintf(ad, n, "yorisoi-draft/1\n%" PRId64 "\n%s\n%d", id, form_id, form_version);
	return len < 0 || (size_t)len >= n ? -1 : len;
}

void
store_free_plain(void *buf, size_t len)
{
	if (!buf)
		return;
	sodium_memzero(buf, len);
	free(buf);
}

int
store_seal(const unsigned char *key, int64_t id, const char *form_id, int form_version,
           const unsigned char *plain, size_t plain_len, unsigned char nonce[STORE_NONCE_BYTES],
           unsigned char **sealed, size_t *sealed_len)
{
	char ad[160];
	int adlen = seal_ad(ad, sizeof ad, id, form_id, form_version);
	unsigned long long clen = 0;

	if (adlen < 0)
		return -1;
	unsigned char *c = eng_xmalloc(plain_len + crypto_aead_xchacha20poly1305_ietf_ABYTES);
	randombytes_buf(nonce, STORE_NONCE_BYTES);
	crypto_aead_xchacha20poly1305_ietf_encrypt(c, &clen, plain, plain_len,
	                                           (const unsigned char *)ad, (size_t)adlen, NULL,
	                                           nonce, key);
	*sealed = c;
	*sealed_len = (size_t)clen;
	return 0;
}

/*
 * Returns 0 and a malloc'd plaintext (free it with store_free_plain), or
 * -1 when the ciphertext was altered, moved to another draft, or made with
 * another key. The plaintext gets a terminating NUL beyond *plain_len.
 */
int
store_unseal(const unsigned char *key, int64_t id, const char *form_id, int form_version,
             const unsigned char *nonce, const unsigned char *sealed, size_t sealed_len,
             unsigned char **plain, size_t *plain_len)
{
	char ad[160];
	int adlen = seal_ad(ad, sizeof ad, id, form_id, form_version);
	unsigned long long plen = 0;

	if (adlen < 0 || sealed_len < crypto_aead_xchacha20poly1305_ietf_ABYTES)
		return -1;
	size_t cap = sealed_len - crypto_aead_xchacha20poly1305_ietf_ABYTES + 1;
	unsigned char *p = eng_xmalloc(cap);
	if (crypto_aead_xchacha20poly1305_ietf_decrypt(p, &plen, NULL, sealed, sealed_len,
	                                               (const unsigned char *)ad, (size_t)adlen,
	                                               nonce, key) != 0) {
		store_free_plain(p, cap);
		return -1;
	}
	p[plen] = '\0';
	*plain = p;
	*plain_len = (size_t)plen;
	return 0;
}
