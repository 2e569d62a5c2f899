/*
 * HPKE (RFC 9180) for one ciphersuite only: DHKEM(X25519, HKDF-SHA256)
 * (KEM 0x0020), HKDF-SHA256 (KDF 0x0001), ChaCha20Poly1305 (AEAD 0x0003),
 * in modes Base (0x00) and Auth (0x02), single-shot: one message per
 * context, sequence number 0. Private to the handoff module.
 *
 * Auth mode proves which sender key made a message and hides it from all
 * but the holder of the recipient key. Every function returns 0 or -1.
 */
#ifndef YORISOI_HANDOFF_HPKE_H
#define YORISOI_HANDOFF_HPKE_H

#include <stddef.h>

enum { HPKE_PK = 32, HPKE_SK = 32, HPKE_ENC = 32, HPKE_TAG = 16 };

/* SealBase (skS NULL) or SealAuth (RFC 9180 §6.1) to pkR with a fresh
 * ephemeral key. enc gets the encapsulated key, ct gets ptlen + HPKE_TAG
 * bytes. -1 when pkR (or skS) gives an all-zero X25519 output. */
int hpke_seal(const unsigned char pkR[HPKE_PK], const unsigned char *skS, const unsigned char *info,
              size_t infolen, const unsigned char *aad, size_t aadlen, const unsigned char *pt,
              size_t ptlen, unsigned char enc[HPKE_ENC], unsigned char *ct);

/* The same seal with a given ephemeral secret key skE (as DeriveKeyPair
 * makes it), for the RFC's test vectors. Not for production use: an
 * ephemeral key must never be used twice. */
int hpke_seal_with_ephemeral(const unsigned char pkR[HPKE_PK], const unsigned char *skS,
                             const unsigned char *info, size_t infolen, const unsigned char *aad,
                             size_t aadlen, const unsigned char *pt, size_t ptlen,
                             const unsigned char skE[HPKE_SK], unsigned char enc[HPKE_ENC],
                             unsigned char *ct);

/* OpenBase (pkS NULL) or OpenAuth (RFC 9180 §6.1). pt gets ctlen - HPKE_TAG
 * bytes. -1 when it does not open (pt is then zeroed). */
int hpke_open(const unsigned char enc[HPKE_ENC], const unsigned char skR[HPKE_SK],
              const unsigned char *pkS, const unsigned char *info, size_t infolen,
              const unsigned char *aad, size_t aadlen, const unsigned char *ct, size_t ctlen,
              unsigned char *pt);

/* DeriveKeyPair(ikm) for X25519 (RFC 9180 §7.1.3). */
int hpke_derive_keypair(const unsigned char *ikm, size_t ikmlen, unsigned char sk[HPKE_SK],
                        unsigned char pk[HPKE_PK]);

#endif
