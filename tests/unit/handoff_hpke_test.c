/*
 * HPKE (handoff/hpke.c): the official RFC 9180 test vectors for
 * DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20Poly1305 in Base and
 * Auth modes, sequence number 0, and every way a sealed text must fail to
 * open (changed enc, ct, aad or info; wrong sender key; wrong mode;
 * all-zero Diffie-Hellman output).
 */
#include "tests/unit/test.h"

#include "handoff/hpke.h"

#include <sodium.h>

typedef struct vector {
	const char *info, *ikmE, *pkEm, *skEm, *ikmR, *pkRm, *skRm, *ikmS, *pkSm, *skSm, *enc;
	const char *pt, *aad, *ct; /* sequence number 0 */
} vector;

/*
 * RFC 9180 Appendix A.2.1 "Base Setup Information" (mode 0, kem_id 32,
 * kdf_id 1, aead_id 3), copied from the draft's source text in
 * github.com/cfrg/draft-irtf-cfrg-hpke (draft-irtf-cfrg-hpke.md, section
 * "DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20Poly1305").
 */
static const vector A21 = {
        .info = "4f6465206f6e2061204772656369616e2055726e",
        .ikmE = "909a9b35d3dc4713a5e72a4da274b55d3d3821a37e5d099e74a647db583a904b",
        .pkEm = "1afa08d3dec047a643885163f1180476fa7ddb54c6a8029ea33f95796bf2ac4a",
        .skEm = "f4ec9b33b792c372c1d2c2063507b684ef925b8c75a42dbcbf57d63ccd381600",
        .ikmR = "1ac01f181fdf9f352797655161c58b75c656a6cc2716dcb66372da835542e1df",
        .pkRm = "4310ee97d88cc1f088a5576c77ab0cf5c3ac797f3d95139c6c84b5429c59662a",
        .skRm = "8057991eef8f1f1af18f4a9491d16a1ce333f695d4db8e38da75975c4478e0fb",
        .enc = "1afa08d3dec047a643885163f1180476fa7ddb54c6a8029ea33f95796bf2ac4a",
        .pt = "4265617574792069732074727574682c20747275746820626561757479",
        .aad = "436f756e742d30",
        .ct = "1c5250d8034ec2b784ba2cfd69dbdb8af406cfe3ff938e131f0def8c8b60b4db"
              "21993c62ce81883d2dd1b51a28",
};

/* RFC 9180 Appendix A.2.3 "Auth Setup Information" (mode 2), same source. */
static const vector A23 = {
        .info = "4f6465206f6e2061204772656369616e2055726e",
        .ikmE = "938d3daa5a8904540bc24f48ae90eed3f4f7f11839560597b55e7c9598c996c0",
        .pkEm = "f7674cc8cd7baa5872d1f33dbaffe3314239f6197ddf5ded1746760bfc847e0e",
        .skEm = "c94619e1af28971c8fa7957192b7e62a71ca2dcdde0a7cc4a8a9e741d600ab13",
        .ikmR = "64835d5ee64aa7aad57c6f2e4f758f7696617f8829e70bc9ac7a5ef95d1c756c",
        .pkRm = "1a478716d63cb2e16786ee93004486dc151e988b34b475043d3e0175bdb01c44",
        .skRm = "3ca22a6d1cda1bb9480949ec5329d3bf0b080ca4c45879c95eddb55c70b80b82",
        .ikmS = "9d8f94537d5a3ddef71234c0baedfad4ca6861634d0b94c3007fed557ad17df6",
        .pkSm = "f0f4f9e96c54aeed3f323de8534fffd7e0577e4ce269896716bcb95643c8712b",
        .skSm = "2def0cb58ffcf83d1062dd085c8aceca7f4c0c3fd05912d847b61f3e54121f05",
        .enc = "f7674cc8cd7baa5872d1f33dbaffe3314239f6197ddf5ded1746760bfc847e0e",
        .pt = "4265617574792069732074727574682c20747275746820626561757479",
        .aad = "436f756e742d30",
        .ct = "ab1a13c9d4f01a87ec3440dbd756e2677bd2ecf9df0ce7ed73869b98e00c09be"
              "111cb9fdf077347aeb88e61bdf",
};

/* A vector's values as bytes. */
typedef struct bytes {
	unsigned char info[64], pt[64], aad[16], ct[80];
	size_t infolen, ptlen, aadlen, ctlen;
	unsigned char skE[32], pkE[32], skR[32], pkR[32], skS[32], pkS[32], enc[32];
} bytes;

static size_t
unhex(const char *s, unsigned char *out, size_t cap)
{
	size_t n = 0;
	if (sodium_hex2bin(out, cap, s, strlen(s), NULL, &n, NULL) != 0)
		return (size_t)-1;
	return n;
}

static int
load(const vector *v, bytes *b)
{
	memset(b, 0, sizeof *b);
	b->infolen = unhex(v->info, b->info, sizeof b->info);
	b->ptlen = unhex(v->pt, b->pt, sizeof b->pt);
	b->aadlen = unhex(v->aad, b->aad, sizeof b->aad);
	b->ctlen = unhex(v->ct, b->ct, sizeof b->ct);
	if (b->infolen > sizeof b->info || b->ptlen > sizeof b->pt || b->aadlen > sizeof b->aad ||
	    b->ctlen != b->ptlen + HPKE_TAG)
		return -1;
	if (unhex(v->skEm, b->skE, 32) != 32 || unhex(v->pkEm, b->pkE, 32) != 32 ||
	    unhex(v->skRm, b->skR, 32) != 32 || unhex(v->pkRm, b->pkR, 32) != 32 ||
	    unhex(v->enc, b->enc, 32) != 32)
		return -1;
	if (v->skSm && (unhex(v->skSm, b->skS, 32) != 32 || unhex(v->pkSm, b->pkS, 32) != 32))
		return -1;
	return 0;
}

/* DeriveKeyPair(ikm) gives the listed sk and pk. */
static int
derives(const char *ikm_hex, const unsigned char sk_want[32], const unsigned char pk_want[32])
{
	unsigned char ikm[32], sk[HPKE_SK], pk[HPKE_PK];
	if (unhex(ikm_hex, ikm, sizeof ikm) != 32 || hpke_derive_keypair(ikm, 32, sk, pk) != 0)
		return 0;
	return memcmp(sk, sk_want, 32) == 0 && memcmp(pk, pk_want, 32) == 0;
}

/* The whole vector: keys, enc, ct at sequence number 0, and the opening. */
static void
check_vector(const vector *v)
{
	bytes b;
	unsigned char enc[HPKE_ENC], ct[80], pt[64];
	const unsigned char *skS = v->skSm ? b.skS : NULL, *pkS = v->skSm ? b.pkS : NULL;

	REQUIRE(load(v, &b) == 0);
	CHECK(derives(v->ikmE, b.skE, b.pkE));
	CHECK(derives(v->ikmR, b.skR, b.pkR));
	if (v->ikmS)
		CHECK(derives(v->ikmS, b.skS, b.pkS));

	REQUIRE(hpke_seal_with_ephemeral(b.pkR, skS, b.info, b.infolen, b.aad, b.aadlen, b.pt,
	                                 b.ptlen, b.skE, enc, ct) == 0);
	CHECK(memcmp(enc, b.enc, HPKE_ENC) == 0);
	CHECK(memcmp(ct, b.ct, b.ctlen) == 0);

	/* The RFC's own enc and ct open to pt. */
	memset(pt, 0xAA, sizeof pt);
	CHECK_INT(
	        hpke_open(b.enc, b.skR, pkS, b.info, b.infolen, b.aad, b.aadlen, b.ct, b.ctlen, pt),
	        0);
	CHECK(memcmp(pt, b.pt, b.ptlen) == 0);
}

TEST(rfc9180_a21_base_vector)
{
	check_vector(&A21);
}

TEST(rfc9180_a23_auth_vector)
{
	check_vector(&A23);
}

/* Opens the vector's sealed text with one thing changed; 0 when it opens. */
static int
open_changed(const bytes *b, const unsigned char *pkS, int what, size_t at)
{
	bytes c = *b;
	unsigned char pt[64];
	int rc;

	switch (what) {
	case 'e':
		c.enc[at] ^= 0x01;
		break;
	case 'c':
		c.ct[at] ^= 0x01;
		break;
	case 'a':
		c.aad[at] ^= 0x01;
		break;
	case 'i':
		c.info[at] ^= 0x01;
		break;
	}
	memset(pt, 0xAA, sizeof pt);
	rc = hpke_open(c.enc, c.skR, pkS, c.info, c.infolen, c.aad, c.aadlen, c.ct, c.ctlen, pt);
	if (rc != 0 && !sodium_is_zero(pt, c.ctlen - HPKE_TAG))
		return 1; /* a failed open must leave no plaintext behind */
	return rc;
}

TEST(changed_byte_does_not_open)
{
	const vector *vs[2] = {&A21, &A23};
	for (int k = 0; k < 2; k++) {
		bytes b;
		const unsigned char *pkS;
		REQUIRE(load(vs[k], &b) == 0);
		pkS = vs[k]->skSm ? b.pkS : NULL;
		CHECK_INT(open_changed(&b, pkS, 0, 0), 0); /* unchanged: opens */
		for (size_t i = 0; i < HPKE_ENC; i += 7)
			CHECK(open_changed(&b, pkS, 'e', i) != 0);
		CHECK(open_changed(&b, pkS, 'e', HPKE_ENC - 1) != 0);
		for (size_t i = 0; i < b.ctlen; i += 5)
			CHECK(open_changed(&b, pkS, 'c', i) != 0);
		CHECK(open_changed(&b, pkS, 'c', b.ctlen - 1) != 0); /* the tag's last byte */
		for (size_t i = 0; i < b.aadlen; i++)
			CHECK(open_changed(&b, pkS, 'a', i) != 0);
		for (size_t i = 0; i < b.infolen; i += 3)
			CHECK(open_changed(&b, pkS, 'i', i) != 0);
	}
}

TEST(cut_ciphertext_does_not_open)
{
	bytes b;
	unsigned char pt[64];
	REQUIRE(load(&A21, &b) == 0);
	CHECK(hpke_open(b.enc, b.skR, NULL, b.info, b.infolen, b.aad, b.aadlen, b.ct, b.ctlen - 1,
	                pt) != 0);
	CHECK(hpke_open(b.enc, b.skR, NULL, b.info, b.infolen, b.aad, b.aadlen, b.ct, HPKE_TAG,
	                pt) != 0);
	CHECK(hpke_open(b.enc, b.skR, NULL, b.info, b.infolen, b.aad, b.aadlen, b.ct, HPKE_TAG - 1,
	                pt) != 0);
	CHECK(hpke_open(b.enc, b.skR, NULL, b.info, b.infolen, b.aad, b.aadlen, b.ct, 0, pt) != 0);
}

TEST(wrong_sender_key_does_not_open)
{
	bytes b, other;
	unsigned char pt[64];
	REQUIRE(load(&A23, &b) == 0);
	REQUIRE(load(&A21, &other) == 0);
	/* Another desk's key, the recipient's own, the ephemeral one. */
	CHECK(hpke_open(b.enc, b.skR, other.pkR, b.info, b.infolen, b.aad, b.aadlen, b.ct, b.ctlen,
	                pt) != 0);
	CHECK(hpke_open(b.enc, b.skR, b.pkR, b.info, b.infolen, b.aad, b.aadlen, b.ct, b.ctlen,
	                pt) != 0);
	CHECK(hpke_open(b.enc, b.skR, b.pkE, b.info, b.infolen, b.aad, b.aadlen, b.ct, b.ctlen,
	                pt) != 0);
	/* The right one still opens. */
	CHECK(hpke_open(b.enc, b.skR, b.pkS, b.info, b.infolen, b.aad, b.aadlen, b.ct, b.ctlen,
	                pt) == 0);
}

TEST(modes_do_not_mix)
{
	bytes base, auth;
	unsigned char pt[64];
	REQUIRE(load(&A21, &base) == 0);
	REQUIRE(load(&A23, &auth) == 0);
	/* Base-sealed text does not open in Auth mode, whatever the sender key. */
	CHECK(hpke_open(base.enc, base.skR, auth.pkS, base.info, base.infolen, base.aad,
	                base.aadlen, base.ct, base.ctlen, pt) != 0);
	CHECK(hpke_open(base.enc, base.skR, base.pkE, base.info, base.infolen, base.aad,
	                base.aadlen, base.ct, base.ctlen, pt) != 0);
	/* Auth-sealed text does not open in Base mode. */
	CHECK(hpke_open(auth.enc, auth.skR, NULL, auth.info, auth.infolen, auth.aad, auth.aadlen,
	                auth.ct, auth.ctlen, pt) != 0);
}

TEST(fresh_seal_round_trip)
{
	bytes b;
	unsigned char enc1[HPKE_ENC], enc2[HPKE_ENC], ct1[80], ct2[80], pt[64];
	static const unsigned char msg[] = "handoff code";
	const size_t n = sizeof msg - 1;

	REQUIRE(load(&A23, &b) == 0);
	/* Auth: the city opens what the desk sealed, with the desk's public key. */
	REQUIRE(hpke_seal(b.pkR, b.skS, b.info, b.infolen, b.aad, b.aadlen, msg, n, enc1, ct1) ==
	        0);
	REQUIRE(hpke_seal(b.pkR, b.skS, b.info, b.infolen, b.aad, b.aadlen, msg, n, enc2, ct2) ==
	        0);
	CHECK(memcmp(enc1, enc2, HPKE_ENC) != 0); /* a fresh ephemeral key each time */
	CHECK(memcmp(ct1, ct2, n + HPKE_TAG) != 0);
	CHECK(hpke_open(enc1, b.skR, b.pkS, b.info, b.infolen, b.aad, b.aadlen, ct1, n + HPKE_TAG,
	                pt) == 0);
	CHECK(memcmp(pt, msg, n) == 0);
	CHECK(hpke_open(enc1, b.skR, NULL, b.info, b.infolen, b.aad, b.aadlen, ct1, n + HPKE_TAG,
	                pt) != 0);

	/* Base, empty info, aad and plaintext. */
	REQUIRE(hpke_seal(b.pkR, NULL, NULL, 0, NULL, 0, msg, 0, enc1, ct1) == 0);
	CHECK(hpke_open(enc1, b.skR, NULL, NULL, 0, NULL, 0, ct1, HPKE_TAG, pt) == 0);
	CHECK(hpke_open(enc1, b.skR, b.pkS, NULL, 0, NULL, 0, ct1, HPKE_TAG, pt) != 0);
}

TEST(all_zero_dh_is_refused)
{
	/* The u-coordinate 0 and a point of order 8 (one of the known
	 * small-order points): X25519 with either is all zero. */
	static const char *small[] = {
	        "0000000000000000000000000000000000000000000000000000000000000000",
	        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
	};
	bytes b;
	unsigned char bad[32], enc[HPKE_ENC], ct[80], pt[64];

	REQUIRE(load(&A23, &b) == 0);
	for (int k = 0; k < 2; k++) {
		REQUIRE(unhex(small[k], bad, sizeof bad) == 32);
		/* as the recipient's key */
		CHECK(hpke_seal(bad, NULL, NULL, 0, NULL, 0, b.pt, b.ptlen, enc, ct) != 0);
		CHECK(hpke_seal(bad, b.skS, NULL, 0, NULL, 0, b.pt, b.ptlen, enc, ct) != 0);
		/* as enc, and as the sender's key; pt is left zeroed */
		memset(pt, 0xAA, sizeof pt);
		CHECK(hpke_open(bad, b.skR, NULL, b.info, b.infolen, b.aad, b.aadlen, b.ct, b.ctlen,
		                pt) != 0);
		CHECK(sodium_is_zero(pt, b.ptlen));
		memset(pt, 0xAA, sizeof pt);
		CHECK(hpke_open(b.enc, b.skR, bad, b.info, b.infolen, b.aad, b.aadlen, b.ct,
		                b.ctlen, pt) != 0);
		CHECK(sodium_is_zero(pt, b.ptlen));
	}
}

TEST(derive_keypair_refuses_short_ikm)
{
	unsigned char ikm[32] = {0}, sk[HPKE_SK], pk[HPKE_PK];
	CHECK(hpke_derive_keypair(ikm, 31, sk, pk) != 0);
	CHECK(hpke_derive_keypair(ikm, 32, sk, pk) == 0);
}
