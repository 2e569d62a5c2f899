/*
 * HPKE (RFC 9180) for DHKEM(X25519, HKDF-SHA256), HKDF-SHA256,
 * ChaCha20Poly1305, modes Base and Auth, one message per context, on
 * libsodium: X25519, HMAC-SHA256 (HKDF is written over it, RFC 5869) and
 * ChaCha20-Poly1305 IETF. Every secret intermediate is wiped.
 */
#include "handoff/hpke.h"

#include <sodium.h>
#include <string.h>

/* Nh = Nsecret = Ndh, Nk and Nn of this suite (RFC 9180 §7). */
enum { NH = 32, NK = 32, NN = 12 };
enum { MODE_BASE = 0x00, MODE_AUTH = 0x02 }; /* RFC 9180 §5 */

/* A byte string given in pieces, hashed as their concatenation. */
typedef struct part {
	const void *p;
	size_t n;
} part;

/* suite_id of the KEM (RFC 9180 §4.1) and of the key schedule (§5.1). */
static const unsigned char kem_suite_id[5] = "KEM\x00\x20"; /* "KEM" | kem_id */
/* "HPKE" | kem_id | kdf_id | aead_id */
static const unsigned char hpke_suite_id[10] = "HPKE\x00\x20\x00\x01\x00\x03";
static const part KEM_SUITE = {kem_suite_id, sizeof kem_suite_id};
static const part HPKE_SUITE = {hpke_suite_id, sizeof hpke_suite_id};

static int
ready(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

static void
hmac(unsigned char out[NH], const unsigned char *key, size_t keylen, const part *in, size_t n)
{
	crypto_auth_hmacsha256_state st;

	crypto_auth_hmacsha256_init(&st, key, keylen);
	for (size_t i = 0; i < n; i++)
		if (in[i].n)
			crypto_auth_hmacsha256_update(&st, in[i].p, in[i].n);
	crypto_auth_hmacsha256_final(&st, out);
	sodium_memzero(&st, sizeof st);
}

/* HKDF-Extract (RFC 5869 §2.2); an empty salt is Nh zero bytes. */
static void
hkdf_extract(unsigned char prk[NH], const unsigned char *salt, size_t saltlen, const part *ikm,
             size_t n)
{
	static const unsigned char zeros[NH];

	if (saltlen == 0) {
		salt = zeros;
		saltlen = NH;
	}
	hmac(prk, salt, saltlen, ikm, n);
}

/* HKDF-Expand (RFC 5869 §2.3): T(i) = HMAC(PRK, T(i-1) | info | i).
 * info is at most 5 parts; L at most 255 * Nh (callers ask for <= 32). */
static void
hkdf_expand(unsigned char *okm, size_t L, const unsigned char prk[NH], const part *info, size_t n)
{
	unsigned char t[NH], i = 0;
	part in[7];
	size_t done = 0, tlen = 0;

	while (done < L) {
		size_t k = L - done < NH ? L - done : NH;
		i++;
		in[0] = (part){t, tlen};
		memcpy(in + 1, info, n * sizeof *info);
		in[n + 1] = (part){&i, 1};
		hmac(t, prk, NH, in, n + 2);
		tlen = NH;
		memcpy(okm + done, t, k);
		done += k;
	}
	sodium_memzero(t, sizeof t);
}

/* LabeledExtract (RFC 9180 §4). */
static void
labeled_extract(unsigned char prk[NH], const part *suite, const unsigned char *salt, size_t saltlen,
                const char *label, const unsigned char *ikm, size_t ikmlen)
{
	part in[4] = {{"HPKE-v1", 7}, *suite, {label, strlen(label)}, {ikm, ikmlen}};
	hkdf_extract(prk, salt, saltlen, in, 4);
}

/* LabeledExpand (RFC 9180 §4). */
static void
labeled_expand(unsigned char *out, size_t L, const unsigned char prk[NH], const part *suite,
               const char *label, const unsigned char *info, size_t infolen)
{
	unsigned char l2[2] = {(unsigned char)(L >> 8), (unsigned char)L};
	part in[5] = {{l2, 2}, {"HPKE-v1", 7}, *suite, {label, strlen(label)}, {info, infolen}};
	hkdf_expand(out, L, prk, in, 5);
}

/* ExtractAndExpand (RFC 9180 §4.1). */
static void
extract_and_expand(unsigned char shared[NH], const unsigned char *dh, size_t dhlen,
                   const unsigned char *kem_context, size_t ctxlen)
{
	unsigned char prk[NH];

	labeled_extract(prk, &KEM_SUITE, NULL, 0, "eae_prk", dh, dhlen);
	labeled_expand(shared, NH, prk, &KEM_SUITE, "shared_secret", kem_context, ctxlen);
	sodium_memzero(prk, sizeof prk);
}

/* DH(sk, pk) for X25519; an all-zero output is refused (RFC 9180 §7.1.4):
 * libsodium returns -1 for it, and we check again. */
static int
dh(unsigned char out[32], const unsigned char sk[32], const unsigned char pk[32])
{
	if (crypto_scalarmult_curve25519(out, sk, pk) != 0 || sodium_is_zero(out, 32)) {
		sodium_memzero(out, 32);
		return -1;
	}
	return 0;
}

/* Encap (skS NULL) or AuthEncap (RFC 9180 §4.1) with the ephemeral key skE. */
static int
encap(unsigned char shared[NH], unsigned char enc[HPKE_ENC], const unsigned char skE[HPKE_SK],
      const unsigned char pkR[HPKE_PK], const unsigned char *skS)
{
	unsigned char dhv[64], ctx[3 * HPKE_PK]; /* kem_context = enc | pkRm [| pkSm] */
	int rc = -1;

	if (crypto_scalarmult_curve25519_base(enc, skE) != 0 || dh(dhv, skE, pkR) != 0)
		goto out;
	memcpy(ctx, enc, HPKE_ENC);
	memcpy(ctx + HPKE_ENC, pkR, HPKE_PK);
	if (skS && (dh(dhv + 32, skS, pkR) != 0 ||
	            crypto_scalarmult_curve25519_base(ctx + 2 * HPKE_PK, skS) != 0))
		goto out;
	extract_and_expand(shared, dhv, skS ? 64 : 32, ctx, skS ? 3 * HPKE_PK : 2 * HPKE_PK);
	rc = 0;
out:
	sodium_memzero(dhv, sizeof dhv);
	return rc;
}

/* Decap (pkS NULL) or AuthDecap (RFC 9180 §4.1). */
static int
decap(unsigned char shared[NH], const unsigned char enc[HPKE_ENC], const unsigned char skR[HPKE_SK],
      const unsigned char *pkS)
{
	unsigned char dhv[64], ctx[3 * HPKE_PK];
	int rc = -1;

	if (dh(dhv, skR, enc) != 0 || (pkS && dh(dhv + 32, skR, pkS) != 0))
		goto out;
	memcpy(ctx, enc, HPKE_ENC);
	if (crypto_scalarmult_curve25519_base(ctx + HPKE_ENC, skR) != 0)
		goto out;
	if (pkS)
		memcpy(ctx + 2 * HPKE_PK, pkS, HPKE_PK);
	extract_and_expand(shared, dhv, pkS ? 64 : 32, ctx, pkS ? 3 * HPKE_PK : 2 * HPKE_PK);
	rc = 0;
out:
	sodium_memzero(dhv, sizeof dhv);
	return rc;
}

/* KeySchedule (RFC 9180 §5.1) with psk = psk_id = "", as Base and Auth
 * modes have them; the exporter secret is not needed. */
static void
key_schedule(unsigned char key[NK], unsigned char base_nonce[NN], unsigned char mode,
             const unsigned char shared[NH], const unsigned char *info, size_t infolen)
{
	unsigned char ksc[1 + 2 * NH], secret[NH];

	ksc[0] = mode;
	labeled_extract(ksc + 1, &HPKE_SUITE, NULL, 0, "psk_id_hash", NULL, 0);
	labeled_extract(ksc + 1 + NH, &HPKE_SUITE, NULL, 0, "info_hash", info, infolen);
	labeled_extract(secret, &HPKE_SUITE, shared, NH, "secret", NULL, 0);
	labeled_expand(key, NK, secret, &HPKE_SUITE, "key", ksc, sizeof ksc);
	labeled_expand(base_nonce, NN, secret, &HPKE_SUITE, "base_nonce", ksc, sizeof ksc);
	sodium_memzero(secret, sizeof secret);
}

int
hpke_derive_keypair(const unsigned char *ikm, size_t ikmlen, unsigned char sk[HPKE_SK],
                    unsigned char pk[HPKE_PK])
{
	unsigned char prk[NH];

	/* RFC 9180 §7.1.3: ikm SHOULD be at least Nsk bytes; shorter is refused. */
	if (ready() != 0 || ikmlen < HPKE_SK)
		return -1;
	labeled_extract(prk, &KEM_SUITE, NULL, 0, "dkp_prk", ikm, ikmlen);
	labeled_expand(sk, HPKE_SK, prk, &KEM_SUITE, "sk", NULL, 0);
	sodium_memzero(prk, sizeof prk);
	if (crypto_scalarmult_curve25519_base(pk, sk) != 0) {
		sodium_memzero(sk, HPKE_SK);
		return -1;
	}
	return 0;
}

int
hpke_seal_with_ephemeral(const unsigned char pkR[HPKE_PK], const unsigned char *skS,
                         const unsigned char *info, size_t infolen, const unsigned char *aad,
                         size_t aadlen, const unsigned char *pt, size_t ptlen,
                         const unsigned char skE[HPKE_SK], unsigned char enc[HPKE_ENC],
                         unsigned char *ct)
{
	unsigned char shared[NH], key[NK], nonce[NN];
	int rc = -1;

	if (ready() != 0 || ptlen > crypto_aead_chacha20poly1305_ietf_MESSAGEBYTES_MAX)
		return -1;
	if (encap(shared, enc, skE, pkR, skS) == 0) {
		key_schedule(key, nonce, skS ? MODE_AUTH : MODE_BASE, shared, info, infolen);
		/* Seal at sequence number 0: the nonce is base_nonce (§5.2). */
		crypto_aead_chacha20poly1305_ietf_encrypt(ct, NULL, pt, ptlen, aad, aadlen, NULL,
		                                          nonce, key);
		rc = 0;
	}
	sodium_memzero(shared, sizeof shared);
	sodium_memzero(key, sizeof key);
	sodium_memzero(nonce, sizeof nonce);
	return rc;
}

int
hpke_seal(const unsigned char pkR[HPKE_PK], const unsigned char *skS, const unsigned char *info,
          size_t infolen, const unsigned char *aad, size_t aadlen, const unsigned char *pt,
          size_t ptlen, unsigned char enc[HPKE_ENC], unsigned char *ct)
{
	unsigned char skE[HPKE_SK];
	int rc;

	if (ready() != 0)
		return -1;
	/* GenerateKeyPair (§4): any 32 random bytes are an X25519 secret key. */
	randombytes_buf(skE, sizeof skE);
	rc = hpke_seal_with_ephemeral(pkR, skS, info, infolen, aad, aadlen, pt, ptlen, skE, enc,
	                              ct);
	sodium_memzero(skE, sizeof skE);
	return rc;
}

int
hpke_open(const unsigned char enc[HPKE_ENC], const unsigned char skR[HPKE_SK],
          const unsigned char *pkS, const unsigned char *info, size_t infolen,
          const unsigned char *aad, size_t aadlen, const unsigned char *ct, size_t ctlen,
          unsigned char *pt)
{
	unsigned char shared[NH], key[NK], nonce[NN];
	int rc = -1;

	if (ready() != 0 || ctlen < HPKE_TAG)
		return -1;
	if (decap(shared, enc, skR, pkS) == 0) {
		key_schedule(key, nonce, pkS ? MODE_AUTH : MODE_BASE, shared, info, infolen);
		/* Open at sequence number 0: the nonce is base_nonce (§5.2). */
		rc = crypto_aead_chacha20poly1305_ietf_decrypt(pt, NULL, NULL, ct, ctlen, aad,
		                                               aadlen, nonce, key) == 0
		             ? 0
		             : -1;
	}
	if (rc != 0 && ctlen > HPKE_TAG)
		sodium_memzero(pt, ctlen - HPKE_TAG);
	sodium_memzero(shared, sizeof shared);
	sodium_memzero(key, sizeof key);
	sodium_memzero(nonce, sizeof nonce);
	return rc;
}
